//! Gradient clipping: by global norm (scale the whole vector so ‖g‖ <= MAX) and by
//! value (clamp each component to [-MAX, MAX]).

use crate::activation::dd::{DD, two_prod};
use crate::activation::special::finish;

/// The clipped vector and the factor applied (by norm: min(1, MAX/‖g‖)).
///
/// Each component is x·MAX/‖g‖ rounded once: the components are scaled by the power
/// of two nearest the largest (exact), the sum of squares and its square root kept
/// in two doubles, so that nothing overflows (3e300, 4e300), underflows (3e-170,
/// 4e-170) or rounds twice on the way.
pub fn by_norm(g: &[f64], max: f64) -> (Vec<f64>, f64) {
    let parts = norm_parts(g).filter(|_| max > 0.0 && max.is_finite());
    let Some((root, k)) = parts else {
        let n = norm(g);
        return if n > max && n > 0.0 { (g.iter().map(|x| x / n * max).collect(), max / n) } else { (g.to_vec(), 1.0) };
    };
    if finish(root, k) <= max && !norm_above(root, k, max) {
        return (g.to_vec(), 1.0);
    }
    // x·max/‖g‖ with x and max each as a mantissa in [1, 2) and a power of two
    let km = libm::ilogb(max);
    let mm = libm::scalbn(max, -km);
    let scaled = |x: f64| {
        if x == 0.0 {
            return x;
        }
        let kx = libm::ilogb(x);
        finish(DD::from(libm::scalbn(x, -kx)) / root * mm, kx - k + km)
    };
    let out = g.iter().map(|x| scaled(*x)).collect();
    (out, finish(DD::from(max) / root, -k))
}

/// ‖g‖ > max exactly, for a norm that rounds to max.
fn norm_above(root: DD, k: i32, max: f64) -> bool {
    let m = libm::scalbn(max, -k);
    m.is_finite() && (root - m).hi > 0.0
}

/// ‖g‖ = root·2^k with root in two doubles, or None when g is all zeros or holds an
/// infinity or NaN.
fn norm_parts(g: &[f64]) -> Option<(DD, i32)> {
    let scale = g.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 || !scale.is_finite() || g.iter().any(|x| x.is_nan()) {
        return None;
    }
    let k = libm::ilogb(scale);
    let mut sum = DD::from(0.0);
    for x in g {
        let (p, e) = two_prod(libm::scalbn(*x, -k), libm::scalbn(*x, -k));
        sum = sum + DD::new(p, e);
    }
    Some((sum.sqrt(), k))
}

/// Each component clamped to [-max, max] (the direction can change).
pub fn by_value(g: &[f64], max: f64) -> Vec<f64> {
    g.iter().map(|x| x.clamp(-max, max)).collect()
}

/// Euclidean norm without overflow for large components, rounded once.
pub fn norm(g: &[f64]) -> f64 {
    match norm_parts(g) {
        Some((root, k)) => finish(root, k),
        None if g.iter().any(|x| x.is_nan()) => f64::NAN,
        None => g.iter().fold(0.0f64, |m, x| m.max(x.abs())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping() {
        let (c, s) = by_norm(&[3.0, 4.0], 1.0);
        assert_eq!(s, 0.2);
        assert!((norm(&c) - 1.0).abs() < 1e-15);
        assert_eq!(by_norm(&[0.3, 0.4], 1.0).1, 1.0);
        assert_eq!(by_value(&[3.0, -4.0, 0.5], 1.0), vec![1.0, -1.0, 0.5]);
        assert_eq!(norm(&[1e300, 1e300]), 1e300 * 2f64.sqrt());
        // near the ends of the doubles (exact results: 3-4-5 triangles)
        assert_eq!(by_norm(&[3e300, 4e300], 1e10).0, vec![6e9, 8e9]);
        assert_eq!(by_norm(&[3e-170, 4e-170], 1e-300).0, vec![6e-301, 8e-301]);
    }
}
