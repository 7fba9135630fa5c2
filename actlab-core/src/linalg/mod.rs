//! 2-D linear (and affine) maps: the seed's scaling, flips, rotation, projections,
//! shear and translation; composition; eigenvalues; and what kind of map it is
//! ([`MapKind`]). [`collapse`] shows that stacked affine layers are one affine map.

pub mod collapse;

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
                // P = u uᵀ / (uᵀu) does not change when u is scaled: scale by a power of
                // two (exact) so that tiny and huge vectors neither underflow nor overflow
                let (_, e) = libm::frexp(u1.abs().max(u2.abs()));
                let (u1, u2) = (libm::ldexp(u1, -e), libm::ldexp(u2, -e));
                let n2 = u1 * u1 + u2 * u2;
                Affine::linear(u1 * u1 / n2, u1 * u2 / n2, u1 * u2 / n2, u2 * u2 / n2)
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

    /// ad - bc by Kahan's algorithm (fused multiply-adds): accurate to about an ulp
    /// even when the two products nearly cancel.
    pub fn det(&self) -> f64 {
        // on the normalised matrix (the products neither overflow nor underflow), scaled back
        let (n, p) = self.normalised();
        n.det_unscaled() * p * p
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

    /// ad - bc of the matrix as it is (Kahan's algorithm).
    fn det_unscaled(&self) -> f64 {
        let [[a, b], [c, d]] = self.m;
        let w = b * c;
        let e = (-b).mul_add(c, w);
        let f = a.mul_add(d, -w);
        f + e
    }

    /// The linear part divided by a power of two near its largest entry (exact), and
    /// that power: what the rank and the eigenvalues are computed from, so that
    /// neither a 1e200 nor a 1e-200 map over- or underflows on the way.
    fn normalised(&self) -> (Affine, f64) {
        let s = self.scale();
        if s == 0.0 || !s.is_finite() {
            return (*self, 1.0);
        }
        let k = libm::ilogb(s);
        let (p, inv) = (libm::scalbn(1.0, k), libm::scalbn(1.0, -k));
        let [[a, b], [c, d]] = self.m;
        (Affine::linear(a * inv, b * inv, c * inv, d * inv), p)
    }

    /// 0, 1 or 2 (relative tolerance 1e-12).
    pub fn rank(&self) -> usize {
        let (n, _) = self.normalised();
        let s = n.scale();
        if s == 0.0 {
            0
        } else if n.det_unscaled().abs() <= 1e-12 * s * s {
            1
        } else {
            2
        }
    }

    /// The two eigenvalues as (re, im) pairs: from the normalised matrix, with the
    /// discriminant written as ((a - d)/2)² + bc (no cancellation between the trace's
    /// square and the determinant: a rotation's imaginary parts are ±sin exactly).
    pub fn eigenvalues(&self) -> [(f64, f64); 2] {
        let (n, p) = self.normalised();
        let [[a, b], [c, d]] = n.m;
        let half = (a + d) / 2.0;
        let h = (a - d) / 2.0;
        let disc = h.mul_add(h, b * c);
        let det = n.det_unscaled();
        let out = if disc >= 0.0 {
            let r = disc.sqrt();
            // avoid cancellation: the larger root directly, the other from det
            let big = if half >= 0.0 { half + r } else { half - r };
            let small = if big != 0.0 { det / big } else { half - r };
            [(big, 0.0), (small, 0.0)]
        } else {
            let r = (-disc).sqrt();
            [(half, r), (half, -r)]
        };
        out.map(|(re, im)| (re * p + 0.0, im * p + 0.0))
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
