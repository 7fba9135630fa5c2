//! 2-D linear (and affine) maps: the seed's scaling, flips, rotation, projections,
//! shear and translation; composition; eigenvalues; and a sentence that names what
//! a map does. [`collapse`] shows that stacked affine layers are one affine map.

pub mod collapse;
mod parse;

pub use parse::parse_ops;

/// An affine map of the plane, x ↦ M x + t, M = [[a, b], [c, d]].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    pub m: [[f64; 2]; 2],
    pub t: [f64; 2],
}

/// One operation as written on the command line.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Rotation by an angle (degrees unless `rad`).
    Rotate {
        angle: f64,
        rad: bool,
    },
    Scale(f64, f64),
    /// Reflection across the x axis (`x`) or the y axis (`y`).
    Flip(char),
    /// Orthogonal projection onto the direction u (x axis = (1, 0)).
    Project(f64, f64),
    /// Shear by k along the x axis ([[1, k], [0, 1]]) or the y axis ([[1, 0], [k, 1]]).
    Shear {
        k: f64,
        axis: char,
    },
    Custom([f64; 4]),
    Translate(f64, f64),
}

/// sin and cos of an angle in degrees, reduced in degrees first so that multiples of
/// 30° and 45° are exact: cos 30° = √3/2 correctly rounded, sin 30° = 0.5, rotate 90
/// gives exactly [[0, -1], [1, 0]].
pub fn sincos_deg(deg: f64) -> (f64, f64) {
    if !deg.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let mut d = deg % 360.0;
    if d < 0.0 {
        d += 360.0;
        if d >= 360.0 {
            d = 0.0;
        }
    }
    let q = (d / 90.0).floor();
    let r = d - 90.0 * q; // exact
    let (mut s, mut c) = octant(r);
    for _ in 0..q as i32 {
        // rotate by 90°: (s, c) -> (c, -s)
        (s, c) = (c, -s);
    }
    (s + 0.0, c + 0.0) // no -0
}

/// sin and cos of r degrees, 0 <= r < 90.
fn octant(r: f64) -> (f64, f64) {
    if r > 45.0 {
        let (s, c) = octant(90.0 - r); // exact subtraction
        return (c, s);
    }
    match r {
        0.0 => (0.0, 1.0),
        30.0 => (0.5, 0.8660254037844386),
        45.0 => (std::f64::consts::FRAC_1_SQRT_2, std::f64::consts::FRAC_1_SQRT_2),
        _ => (core_math::sinpi(r / 180.0), core_math::cospi(r / 180.0)),
    }
}

impl Affine {
    pub const IDENTITY: Affine = Affine { m: [[1.0, 0.0], [0.0, 1.0]], t: [0.0, 0.0] };

    pub fn linear(a: f64, b: f64, c: f64, d: f64) -> Affine {
        Affine { m: [[a, b], [c, d]], t: [0.0, 0.0] }
    }

    /// The map of one operation. Errors name the problem (projection onto 0).
    pub fn of(op: &Op) -> Result<Affine, String> {
        Ok(match *op {
            Op::Rotate { angle, rad } => {
                let (s, c) = if rad { (core_math::sin(angle), core_math::cos(angle)) } else { sincos_deg(angle) };
                Affine::linear(c, -s, s, c)
            }
            Op::Scale(k1, k2) => Affine::linear(k1, 0.0, 0.0, k2),
            Op::Flip('x') => Affine::linear(1.0, 0.0, 0.0, -1.0),
            Op::Flip(_) => Affine::linear(-1.0, 0.0, 0.0, 1.0),
            Op::Project(u1, u2) => {
                if !(u1.is_finite() && u2.is_finite()) || (u1 == 0.0 && u2 == 0.0) {
                    let why = if u1 == 0.0 && u2 == 0.0 {
                        "the zero vector has no direction to project onto"
                    } else {
                        "the vector must be finite"
                    };
                    return Err(format!(
                        "project {} {}: {why}",
                        crate::render::num::shortest(u1),
                        crate::render::num::shortest(u2)
                    ));
                }
                // P = u uᵀ / (uᵀu) does not change when u is scaled: scale by a power of
                // two (exact) so that tiny and huge vectors neither underflow nor overflow
                let (_, e) = libm::frexp(u1.abs().max(u2.abs()));
                let (u1, u2) = (libm::ldexp(u1, -e), libm::ldexp(u2, -e));
                let n2 = u1 * u1 + u2 * u2;
                Affine::linear(u1 * u1 / n2, u1 * u2 / n2, u1 * u2 / n2, u2 * u2 / n2)
            }
            Op::Shear { k, axis: 'y' } => Affine::linear(1.0, 0.0, k, 1.0),
            Op::Shear { k, .. } => Affine::linear(1.0, k, 0.0, 1.0),
            Op::Custom([a, b, c, d]) => Affine::linear(a, b, c, d),
            Op::Translate(t1, t2) => Affine { m: [[1.0, 0.0], [0.0, 1.0]], t: [t1, t2] },
        })
    }

    /// self after other: x ↦ self(other(x)).
    pub fn after(&self, o: &Affine) -> Affine {
        let [[a, b], [c, d]] = self.m;
        let [[e, f], [g, h]] = o.m;
        Affine {
            m: [[a * e + b * g, a * f + b * h], [c * e + d * g, c * f + d * h]],
            t: [a * o.t[0] + b * o.t[1] + self.t[0], c * o.t[0] + d * o.t[1] + self.t[1]],
        }
    }

    pub fn apply(&self, x: [f64; 2]) -> [f64; 2] {
        let [[a, b], [c, d]] = self.m;
        [a * x[0] + b * x[1] + self.t[0], c * x[0] + d * x[1] + self.t[1]]
    }

    /// ad - bc by Kahan's algorithm (fused multiply-adds): accurate to about an ulp
    /// even when the two products nearly cancel.
    pub fn det(&self) -> f64 {
        let [[a, b], [c, d]] = self.m;
        let w = b * c;
        let e = (-b).mul_add(c, w);
        let f = a.mul_add(d, -w);
        f + e
    }

    pub fn trace(&self) -> f64 {
        self.m[0][0] + self.m[1][1]
    }

    pub fn is_linear(&self) -> bool {
        self.t == [0.0, 0.0]
    }

    fn scale(&self) -> f64 {
        self.m.iter().flatten().fold(0.0f64, |s, x| s.max(x.abs()))
    }

    /// 0, 1 or 2 (relative tolerance 1e-12).
    pub fn rank(&self) -> usize {
        let s = self.scale();
        if s == 0.0 {
            0
        } else if self.det().abs() <= 1e-12 * s * s {
            1
        } else {
            2
        }
    }

    /// The two eigenvalues as (re, im) pairs.
    pub fn eigenvalues(&self) -> [(f64, f64); 2] {
        let half = self.trace() / 2.0;
        let disc = half * half - self.det();
        if disc >= 0.0 {
            let r = disc.sqrt();
            // avoid cancellation: the larger root directly, the other from det
            let big = if half >= 0.0 { half + r } else { half - r };
            let small = if big != 0.0 { self.det() / big } else { half - r };
            [(big, 0.0), (small, 0.0)]
        } else {
            let r = (-disc).sqrt();
            [(half, r), (half, -r)]
        }
    }

    /// What the map does, in words.
    pub fn describe(&self) -> String {
        let lin = Affine { t: [0.0, 0.0], ..*self };
        let what = lin.describe_linear();
        if self.is_linear() {
            what
        } else {
            let t = format!("({}, {})", num(self.t[0]), num(self.t[1]));
            if lin == Affine::IDENTITY {
                format!("translation by {t}: affine, not linear (it moves the origin)")
            } else {
                format!("{what}, then translation by {t}: affine, not linear (it moves the origin)")
            }
        }
    }

    fn describe_linear(&self) -> String {
        let [[a, b], [c, d]] = self.m;
        let s = self.scale();
        let eq = |x: f64, y: f64| (x - y).abs() <= 1e-12 * s.max(1.0);
        if s == 0.0 {
            return "the zero map: everything goes to the origin".into();
        }
        if eq(a, 1.0) && eq(d, 1.0) && eq(b, 0.0) && eq(c, 0.0) {
            return "the identity: every vector stays where it is".into();
        }
        let det = self.det();
        // uniform scaling (k I)
        if eq(b, 0.0) && eq(c, 0.0) && eq(a, d) {
            return match a {
                k if k > 1.0 => format!("uniform scaling by {}: enlarges", num(k)),
                k if k > 0.0 => format!("uniform scaling by {}: shrinks", num(k)),
                k if eq(k, -1.0) => "point reflection through the origin (rotation by 180°)".into(),
                k => format!(
                    "uniform scaling by {}: point reflection and {}",
                    num(k),
                    if k < -1.0 { "enlarging" } else { "shrinking" }
                ),
            };
        }
        if eq(b, 0.0) && eq(c, 0.0) {
            if eq(a, 1.0) && eq(d, -1.0) {
                return "reflection across the x axis (flip: y ↦ -y)".into();
            }
            if eq(a, -1.0) && eq(d, 1.0) {
                return "reflection across the y axis (flip: x ↦ -x)".into();
            }
            if eq(a, 1.0) && eq(d, 0.0) {
                return "projection onto the x axis".into();
            }
            if eq(a, 0.0) && eq(d, 1.0) {
                return "projection onto the y axis".into();
            }
            return format!("scaling by {} along x and {} along y", num(a), num(d));
        }
        // rotation (times a scale): a = d, b = -c
        if eq(a, d) && eq(b, -c) {
            let r = a.hypot(c);
            let theta = c.atan2(a).to_degrees();
            return if eq(r, 1.0) {
                format!("rotation by {}°", num(theta))
            } else {
                format!("rotation by {}° with uniform scaling by {}", num(theta), num(r))
            };
        }
        // reflection across a line (orthogonal, det -1, symmetric)
        if eq(a, -d) && eq(b, c) && eq(a * a + b * b, 1.0) {
            let phi = b.atan2(a).to_degrees() / 2.0;
            return format!("reflection across the line through the origin at {}°", num(phi));
        }
        // projection: P² = P, rank 1
        let p2 = self.after(self);
        if self.rank() == 1 && (0..2).all(|i| (0..2).all(|j| eq(p2.m[i][j], self.m[i][j]))) {
            let (u1, u2) = if a.abs() + c.abs() > 0.0 { (a, c) } else { (b, d) };
            let kind = if eq(b, c) { "projection" } else { "oblique projection" };
            return format!(
                "{kind} onto the line through ({}, {})",
                num(u1 / u1.abs().max(u2.abs())),
                num(u2 / u1.abs().max(u2.abs()))
            );
        }
        if eq(a, 1.0) && eq(d, 1.0) && eq(c, 0.0) {
            return format!("shear along x by {} (x ↦ x + {}·y)", num(b), num(b));
        }
        if eq(a, 1.0) && eq(d, 1.0) && eq(b, 0.0) {
            return format!("shear along y by {} (y ↦ y + {}·x)", num(c), num(c));
        }
        if self.rank() == 1 {
            return "a rank-1 map: the plane collapses onto a line".into();
        }
        let (s1, s2) = self.singular_values();
        format!(
            "a general linear map: stretches by {} and {} (singular values){}",
            num(s1),
            num(s2),
            if det < 0.0 { ", and flips orientation (det < 0)" } else { "" }
        )
    }

    /// Singular values, largest first.
    pub fn singular_values(&self) -> (f64, f64) {
        let [[a, b], [c, d]] = self.m;
        let s = (a * a + b * b + c * c + d * d) / 2.0;
        let det = self.det().abs();
        let r = (s * s - det * det).max(0.0).sqrt();
        let s1 = (s + r).sqrt();
        (s1, if s1 > 0.0 { det / s1 } else { 0.0 })
    }
}

/// A number for a sentence: at most 10 significant digits.
fn num(x: f64) -> String {
    crate::render::num::significant(x + 0.0, 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_degrees() {
        assert_eq!(sincos_deg(30.0), (0.5, 0.8660254037844386));
        assert_eq!(sincos_deg(90.0), (1.0, 0.0));
        assert_eq!(sincos_deg(180.0), (0.0, -1.0));
        assert_eq!(sincos_deg(-90.0), (-1.0, 0.0));
        assert_eq!(sincos_deg(390.0), (0.5, 0.8660254037844386));
        let r = Affine::of(&Op::Rotate { angle: 90.0, rad: false }).unwrap();
        assert_eq!(r.m, [[0.0, -1.0], [1.0, 0.0]]);
    }

    #[test]
    fn names_what_maps_do() {
        let d = |ops: &[Op]| ops.iter().fold(Affine::IDENTITY, |m, o| Affine::of(o).unwrap().after(&m)).describe();
        assert_eq!(d(&[Op::Rotate { angle: 30.0, rad: false }]), "rotation by 30°");
        assert_eq!(d(&[Op::Flip('x')]), "reflection across the x axis (flip: y ↦ -y)");
        assert_eq!(d(&[Op::Project(1.0, 1.0)]), "projection onto the line through (1, 1)");
        assert_eq!(d(&[Op::Scale(2.0, 2.0)]), "uniform scaling by 2: enlarges");
        assert_eq!(d(&[Op::Scale(0.5, 0.5)]), "uniform scaling by 0.5: shrinks");
        assert_eq!(
            d(&[Op::Rotate { angle: 30.0, rad: false }, Op::Scale(2.0, 2.0)]),
            "rotation by 30° with uniform scaling by 2"
        );
        assert!(d(&[Op::Translate(1.0, 2.0)]).contains("not linear"));
        assert!(Affine::of(&Op::Project(0.0, 0.0)).is_err());
    }

    #[test]
    fn rotation_has_complex_eigenvalues() {
        let r = Affine::of(&Op::Rotate { angle: 30.0, rad: false }).unwrap();
        let [(re, im), _] = r.eigenvalues();
        assert_eq!(re, 0.8660254037844386);
        assert!((im - 0.5).abs() < 1e-15);
    }
}
