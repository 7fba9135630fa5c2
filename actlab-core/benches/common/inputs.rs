//! The inputs every divan bench uses: a Gaussian-like sample on N(0, 2²) (where
//! networks evaluate activations), plus the tails. Shared by actlab-core's and
//! actlab's benches (`#[path]`), so that their figures compare.

/// 1024 deterministic inputs.
pub fn inputs() -> Vec<f64> {
    // deterministic spread: a Gaussian-like sample by inverse CDF on a grid, plus tails
    let mut v: Vec<f64> =
        (1..1000).map(|i| 2.0 * statrs::function::erf::erf_inv(2.0 * i as f64 / 1000.0 - 1.0) * 2f64.sqrt()).collect();
    v.extend([-40.0, -30.0, -20.0, -12.0, -8.0, 8.0, 12.0, 20.0, 30.0, 40.0, 1e-300, -1e-300]);
    v.extend((0..13).map(|i| -3.0 + i as f64 * 0.5));
    v
}
