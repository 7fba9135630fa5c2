//! 2-D linear (and affine) maps: the seed's scaling, flips, rotation, projections,
//! shear and translation; composition; eigenvalues; and what kind of map it is
//! ([`MapKind`]). [`collapse`] shows that stacked affine layers are one affine map.

pub mod collapse;

use crate::activation::dd::{DD, two_prod, two_sum};
use crate::activation::special::finish;

/// An affine map of the plane, x ↦ M x + t, M = [[a, b], [c, d]].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    /// The matrix M, row by row.
    pub m: [[f64; 2]; 2],
    /// The translation t.
    pub t: [f64; 2],
}

/// An axis of the plane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// The x axis.
    X,
    /// The y axis.
    Y,
}

/// One operation of a composed map.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Rotation by an angle (degrees unless `rad`).
    Rotate {
        /// The angle.
        angle: f64,
        /// The angle is in radians.
        rad: bool,
    },
    /// Scaling by k1 along x and k2 along y.
    Scale(f64, f64),
    /// Reflection across an axis.
    Flip(Axis),
    /// Orthogonal projection onto the direction u (x axis = (1, 0)).
    Project(f64, f64),
    /// Shear by k along the x axis ([[1, k], [0, 1]]) or the y axis ([[1, 0], [k, 1]]).
    Shear {
        /// The shear factor.
        k: f64,
        /// Along which axis.
        axis: Axis,
    },
    /// Any matrix [[a, b], [c, d]].
    Custom([f64; 4]),
    /// Translation by (t1, t2): affine, not linear.
    Translate(f64, f64),
}

/// An operation that has no map.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MapError {
    /// `project 0 0`.
    #[error("the zero vector has no direction to project onto")]
    ZeroVector,
    /// A number of the operation is NaN or infinite.
    #[error("every number must be finite")]
    NotFinite,
}

/// What a linear map does, as recognised from its matrix (within a relative 1e-12).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapKind {
    /// Everything goes to the origin.
    Zero,
    /// Every vector stays.
    Identity,
    /// k·I with k > 0, k ≠ 1: enlarges (k > 1) or shrinks.
    UniformScale(f64),
    /// -I: rotation by 180°.
    PointReflection,
    /// k·I with k < 0, k ≠ -1: point reflection and scaling by |k|.
    ReflectAndScale(f64),
    /// diag(1, -1) or diag(-1, 1): across this axis.
    Flip(Axis),
    /// diag(1, 0) or diag(0, 1): onto this axis.
    ProjectAxis(Axis),
    /// diag(k1, k2).
    Scale(f64, f64),
    /// Rotation by `degrees`, times a uniform `scale` (None: a pure rotation).
    Rotation {
        /// The angle, in degrees.
        degrees: f64,
        /// The scale factor, when it is not 1.
        scale: Option<f64>,
    },
    /// Reflection across the line through the origin at `degrees`.
    Reflection {
        /// The line's angle, in degrees.
        degrees: f64,
    },
    /// P² = P of rank 1: onto the line through `toward` (largest component ±1).
    Projection {
        /// A direction of the line.
        toward: [f64; 2],
        /// Not orthogonal (P not symmetric).
        oblique: bool,
    },
    /// x ↦ x + k·y (along x) or y ↦ y + k·x (along y).
    Shear {
        /// Along which axis.
        axis: Axis,
        /// The factor.
        k: f64,
    },
    /// Some other map of rank 1.
    RankOne,
    /// Any other: its singular values, and whether it flips orientation.
    General {
        /// The larger singular value.
        s1: f64,
        /// The smaller singular value.
        s2: f64,
        /// det < 0.
        flips: bool,
    },
}

/// u uᵀ / uᵀu as [p11, p12, p22], each rounded once. Each component is scaled
/// into [1, 2) by its own power of two (exact) and the powers put back in the one
/// rounding, so that tiny, huge and lopsided vectors lose nothing ((5e-324, 1) has
/// p12 = 5e-324).
fn projection(u1: f64, u2: f64) -> [f64; 3] {
    let (e1, e2) = (libm::ilogb(u1), libm::ilogb(u2));
    let e = e1.max(e2);
    // a component 2^300 below the other adds nothing to uᵀu (and must not overflow
    // its power); 0 has ilogb -2^31
    let part = |v: f64, ev: i32| if v == 0.0 || ev < e - 300 { (0.0, 0) } else { (libm::scalbn(v, -ev), ev - e) };
    let ((m1, k1), (m2, k2)) = (part(u1, e1), part(u2, e2));
    let sq = |m: f64, k: i32| {
        let (p, q) = two_prod(m, m);
        DD::new(p, q).scale(libm::scalbn(1.0, 2 * k))
    };
    let n2 = sq(m1, k1) + sq(m2, k2);
    let (p11, q11) = two_prod(m1, m1);
    let (p12, q12) = two_prod(m1, m2);
    let (p22, q22) = two_prod(m2, m2);
    let tiny = |v: f64, ev: i32| v != 0.0 && ev < e - 300;
    // a negligible component's own entries: u_i²/uᵀu and u1u2/uᵀu with uᵀu = the other's square
    let p12v = if tiny(u1, e1) || tiny(u2, e2) {
        let (small, big) = if tiny(u1, e1) { (u1, u2) } else { (u2, u1) };
        let (ms, es) = (libm::scalbn(small, -libm::ilogb(small)), libm::ilogb(small));
        let mb = libm::scalbn(big, -e);
        finish(DD::from(ms) / mb, es - e)
    } else {
        finish(DD::new(p12, q12) / n2, k1 + k2)
    };
    let p11v = if tiny(u1, e1) { 0.0 } else { finish(DD::new(p11, q11) / n2, 2 * k1) };
    let p22v = if tiny(u2, e2) { 0.0 } else { finish(DD::new(p22, q22) / n2, 2 * k2) };
    [p11v, p12v, p22v]
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
    /// x ↦ x.
    pub const IDENTITY: Affine = Affine { m: [[1.0, 0.0], [0.0, 1.0]], t: [0.0, 0.0] };

    /// The linear map [[a, b], [c, d]].
    pub fn linear(a: f64, b: f64, c: f64, d: f64) -> Affine {
        Affine { m: [[a, b], [c, d]], t: [0.0, 0.0] }
    }

    /// The map of one operation.
    pub fn of(op: &Op) -> Result<Affine, MapError> {
        Ok(match *op {
            Op::Rotate { angle, rad } => {
                let (s, c) = if rad { (core_math::sin(angle), core_math::cos(angle)) } else { sincos_deg(angle) };
                Affine::linear(c + 0.0, -s + 0.0, s + 0.0, c + 0.0) // no -0 (rotate 180)
            }
            Op::Scale(k1, k2) => Affine::linear(k1, 0.0, 0.0, k2),
            Op::Flip(Axis::X) => Affine::linear(1.0, 0.0, 0.0, -1.0),
            Op::Flip(Axis::Y) => Affine::linear(-1.0, 0.0, 0.0, 1.0),
            Op::Project(u1, u2) => {
                if !(u1.is_finite() && u2.is_finite()) {
                    return Err(MapError::NotFinite);
                }
                if u1 == 0.0 && u2 == 0.0 {
                    return Err(MapError::ZeroVector);
                }
                let [p11, p12, p22] = projection(u1, u2);
                Affine::linear(p11, p12, p12, p22)
            }
            Op::Shear { k, axis: Axis::Y } => Affine::linear(1.0, 0.0, k, 1.0),
            Op::Shear { k, axis: Axis::X } => Affine::linear(1.0, k, 0.0, 1.0),
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

    /// M x + t.
    pub fn apply(&self, x: [f64; 2]) -> [f64; 2] {
        let [[a, b], [c, d]] = self.m;
        [a * x[0] + b * x[1] + self.t[0], c * x[0] + d * x[1] + self.t[1]]
    }

    /// ad - bc, rounded once: the two products are exact in two doubles each, on the
    /// normalised matrix (they neither overflow nor underflow), scaled back.
    pub fn det(&self) -> f64 {
        let (n, k) = self.normalised();
        finish(n.det_dd(), 2 * k)
    }

    /// a + d.
    pub fn trace(&self) -> f64 {
        self.m[0][0] + self.m[1][1]
    }

    /// No translation.
    pub fn is_linear(&self) -> bool {
        self.t == [0.0, 0.0]
    }

    fn scale(&self) -> f64 {
        self.m.iter().flatten().fold(0.0f64, |s, x| s.max(x.abs()))
    }

    /// ad - bc of the matrix as it is, in two doubles (exact products, one sum).
    fn det_dd(&self) -> DD {
        let [[a, b], [c, d]] = self.m;
        let (p, e) = two_prod(a, d);
        let (q, f) = two_prod(b, c);
        DD::new(p, e) - DD::new(q, f)
    }

    /// The linear part divided by 2^k, k the exponent of its largest entry (exact, the
    /// entries scaled one by one so that a subnormal scale does not overflow 2^-k), and
    /// k: what the determinant, the rank, the eigenvalues and the singular values are
    /// computed from, so that neither a 1e200 nor a 1e-200 map over- or underflows.
    fn normalised(&self) -> (Affine, i32) {
        let s = self.scale();
        if s == 0.0 || !s.is_finite() {
            return (*self, 0);
        }
        let k = libm::ilogb(s);
        let [[a, b], [c, d]] = self.m.map(|r| r.map(|v| libm::scalbn(v, -k)));
        (Affine::linear(a, b, c, d), k)
    }

    /// 0, 1 or 2 (relative tolerance 1e-12).
    pub fn rank(&self) -> usize {
        let (n, _) = self.normalised();
        let s = n.scale();
        if s == 0.0 {
            0
        } else if n.det_dd().to_f64().abs() <= 1e-12 * s * s {
            1
        } else {
            2
        }
    }

    /// The two eigenvalues as (re, im) pairs: from the normalised matrix, in two
    /// doubles, each rounded once. The discriminant is ((a - d)/2)² + bc (no
    /// cancellation between the trace's square and the determinant: a rotation's
    /// imaginary parts are ±sin exactly); of a real pair the larger is half ± r and
    /// the other det / larger (no cancellation between half and r).
    pub fn eigenvalues(&self) -> [(f64, f64); 2] {
        let (n, k) = self.normalised();
        let [[a, b], [c, d]] = n.m;
        let sum = |x: f64, y: f64| {
            let (s, e) = two_sum(x, y);
            DD::new(s, e).scale(0.5)
        };
        let (half, h) = (sum(a, d), sum(a, -d));
        let (q, e) = two_prod(b, c);
        let disc = h.sqr() + DD::new(q, e);
        let out = if disc.hi >= 0.0 {
            let r = disc.sqrt();
            let big = if half.hi >= 0.0 { half + r } else { half - r };
            let small = if big.hi != 0.0 { n.det_dd() / big } else { half - r };
            [(big, DD::from(0.0)), (small, DD::from(0.0))]
        } else {
            let r = (-disc).sqrt();
            [(half, r), (half, -r)]
        };
        out.map(|(re, im)| (finish(re, k) + 0.0, finish(im, k) + 0.0))
    }

    /// What the linear part of the map does (the translation is `t`).
    pub fn kind(&self) -> MapKind {
        let [[a, b], [c, d]] = self.m;
        let s = self.scale();
        let eq = |x: f64, y: f64| (x - y).abs() <= 1e-12 * s.max(1.0);
        if s == 0.0 {
            return MapKind::Zero;
        }
        if eq(a, 1.0) && eq(d, 1.0) && eq(b, 0.0) && eq(c, 0.0) {
            return MapKind::Identity;
        }
        // uniform scaling (k I)
        if eq(b, 0.0) && eq(c, 0.0) && eq(a, d) {
            return match a {
                k if k > 0.0 => MapKind::UniformScale(k),
                k if eq(k, -1.0) => MapKind::PointReflection,
                k => MapKind::ReflectAndScale(k),
            };
        }
        if eq(b, 0.0) && eq(c, 0.0) {
            return match () {
                _ if eq(a, 1.0) && eq(d, -1.0) => MapKind::Flip(Axis::X),
                _ if eq(a, -1.0) && eq(d, 1.0) => MapKind::Flip(Axis::Y),
                _ if eq(a, 1.0) && eq(d, 0.0) => MapKind::ProjectAxis(Axis::X),
                _ if eq(a, 0.0) && eq(d, 1.0) => MapKind::ProjectAxis(Axis::Y),
                _ => MapKind::Scale(a, d),
            };
        }
        // rotation (times a scale): a = d, b = -c
        if eq(a, d) && eq(b, -c) {
            let r = a.hypot(c);
            return MapKind::Rotation { degrees: c.atan2(a).to_degrees(), scale: (!eq(r, 1.0)).then_some(r) };
        }
        // reflection across a line (orthogonal, det -1, symmetric)
        if eq(a, -d) && eq(b, c) && eq(a * a + b * b, 1.0) {
            return MapKind::Reflection { degrees: b.atan2(a).to_degrees() / 2.0 };
        }
        // projection: P² = P, rank 1
        let p2 = self.after(self);
        if self.rank() == 1 && (0..2).all(|i| (0..2).all(|j| eq(p2.m[i][j], self.m[i][j]))) {
            let (u1, u2) = if a.abs() + c.abs() > 0.0 { (a, c) } else { (b, d) };
            let big = u1.abs().max(u2.abs());
            return MapKind::Projection { toward: [u1 / big, u2 / big], oblique: !eq(b, c) };
        }
        if eq(a, 1.0) && eq(d, 1.0) && eq(c, 0.0) {
            return MapKind::Shear { axis: Axis::X, k: b };
        }
        if eq(a, 1.0) && eq(d, 1.0) && eq(b, 0.0) {
            return MapKind::Shear { axis: Axis::Y, k: c };
        }
        if self.rank() == 1 {
            return MapKind::RankOne;
        }
        let (s1, s2) = self.singular_values();
        MapKind::General { s1, s2, flips: self.det() < 0.0 }
    }

    /// Singular values, largest first: with p = √((a + d)² + (b - c)²) and
    /// q = √((a - d)² + (b + c)²), σ1 = (p + q)/2 and σ2 = |det|/σ1, on the normalised
    /// matrix in two doubles, each rounded once (σ1σ2 = |det| and σ1² + σ2² = the sum
    /// of the squares; the textbook √(s ± √(s² - det²)) cancels when σ1 ≈ σ2).
    pub fn singular_values(&self) -> (f64, f64) {
        let (n, k) = self.normalised();
        let [[a, b], [c, d]] = n.m;
        let sum = |x: f64, y: f64| {
            let (s, e) = two_sum(x, y);
            DD::new(s, e)
        };
        let p = (sum(a, d).sqr() + sum(b, -c).sqr()).sqrt();
        let q = (sum(a, -d).sqr() + sum(b, c).sqr()).sqrt();
        let s1 = (p + q).scale(0.5);
        let det = n.det_dd();
        let s2 = if s1.hi > 0.0 { (if det.hi < 0.0 { -det } else { det }) / s1 } else { DD::from(0.0) };
        (finish(s1, k), finish(s2, k))
    }
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
    fn recognises_what_maps_do() {
        let k = |ops: &[Op]| ops.iter().fold(Affine::IDENTITY, |m, o| Affine::of(o).unwrap().after(&m)).kind();
        assert_eq!(
            k(&[Op::Rotate { angle: 30.0, rad: false }]),
            MapKind::Rotation { degrees: 30.000000000000004, scale: None }
        );
        assert_eq!(k(&[Op::Flip(Axis::X)]), MapKind::Flip(Axis::X));
        assert_eq!(k(&[Op::Project(1.0, 1.0)]), MapKind::Projection { toward: [1.0, 1.0], oblique: false });
        assert_eq!(k(&[Op::Scale(2.0, 2.0)]), MapKind::UniformScale(2.0));
        assert!(matches!(
            k(&[Op::Rotate { angle: 30.0, rad: false }, Op::Scale(2.0, 2.0)]),
            MapKind::Rotation { scale: Some(s), .. } if s == 2.0
        ));
        assert_eq!(Affine::of(&Op::Project(0.0, 0.0)), Err(MapError::ZeroVector));
    }

    #[test]
    fn eigenvalues_and_rank_at_any_scale() {
        // mpmath: e^(±i·1e-10): cos = 1, sin = 1e-10 (to the last bit)
        let r = Affine::of(&Op::Rotate { angle: 1e-10, rad: true }).unwrap();
        assert_eq!(r.eigenvalues(), [(1.0, 1e-10), (1.0, -1e-10)]);
        // rotate 1 rad: the imaginary part is sin 1 = 0.8414709848078965 (correctly rounded)
        let r = Affine::of(&Op::Rotate { angle: 1.0, rad: true }).unwrap();
        assert_eq!(r.eigenvalues()[0].1, 0.8414709848078965);
        // huge and tiny maps
        let big = Affine::of(&Op::Scale(1e200, 1e200))
            .unwrap()
            .after(&Affine::of(&Op::Rotate { angle: 45.0, rad: false }).unwrap());
        let [(re, im), _] = big.eigenvalues();
        assert!(
            (re / 7.071_067_811_865_475e199 - 1.0).abs() < 1e-15
                && (im / 7.071_067_811_865_475e199 - 1.0).abs() < 1e-15
        );
        let tiny = Affine::of(&Op::Scale(1e-200, 1e-200)).unwrap();
        assert_eq!(tiny.rank(), 2);
        assert_eq!(tiny.eigenvalues(), [(1e-200, 0.0), (1e-200, 0.0)]);
    }

    #[test]
    fn rotation_has_complex_eigenvalues() {
        let r = Affine::of(&Op::Rotate { angle: 30.0, rad: false }).unwrap();
        let [(re, im), _] = r.eigenvalues();
        assert_eq!(re, 0.8660254037844386);
        assert!((im - 0.5).abs() < 1e-15);
    }
}
