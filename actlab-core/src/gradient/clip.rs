//! Gradient clipping: by global norm (scale the whole vector so ‖g‖ <= MAX) and by
//! value (clamp each component to [-MAX, MAX]).

/// The clipped vector and the factor applied (by norm: min(1, MAX/‖g‖)).
pub fn by_norm(g: &[f64], max: f64) -> (Vec<f64>, f64) {
    let n = norm(g);
    // (x/n)·max: |x/n| <= 1, so nothing overflows on the way, and nothing underflows
    // unless the result does; x/n is carried in two doubles, so the product is rounded once
    let scaled = |x: f64| {
        let q = x / n;
        let lo = f64::mul_add(-q, n, x) / n;
        f64::mul_add(q, max, lo * max)
    };
    if n > max && n > 0.0 { (g.iter().map(|x| scaled(*x)).collect(), max / n) } else { (g.to_vec(), 1.0) }
}

/// Each component clamped to [-max, max] (the direction can change).
pub fn by_value(g: &[f64], max: f64) -> Vec<f64> {
    g.iter().map(|x| x.clamp(-max, max)).collect()
}

/// Euclidean norm without overflow for large components.
pub fn norm(g: &[f64]) -> f64 {
    let scale = g.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 || !scale.is_finite() {
        return scale;
    }
    scale * g.iter().map(|x| (x / scale) * (x / scale)).sum::<f64>().sqrt()
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
