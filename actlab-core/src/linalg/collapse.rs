//! Stacked affine layers collapse: W_n(…(W_1 x + b_1)…) + b_n = W'x + b' with
//! W' = W_n⋯W_1 and b' = W_n⋯W_2 b_1 + … + W_n b_(n-1) + b_n. With an activation
//! between the layers no single affine map reproduces the stack: the best
//! least-squares affine fit leaves a residual.

use crate::activation::Function;
use nalgebra::{DMatrix, DVector};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use statrs::distribution::Normal;

/// Widest stack (its matrix is printed).
pub const MAX_WIDTH: usize = 16;
/// Deepest stack.
pub const MAX_DEPTH: u64 = 10_000;
/// Random inputs on which the stack and the collapsed map are compared.
pub const SAMPLES: usize = 200;

/// A stack of layers and the one affine map it equals (or the best fit to it).
pub struct Collapsed {
    /// W of the collapsed map (or of the fit).
    pub w: DMatrix<f64>,
    /// b of the collapsed map (or of the fit).
    pub b: DVector<f64>,
    /// max over samples and components of |stack(x) - (W'x + b')|
    pub max_diff: f64,
    /// max |stack(x)|, for scale
    pub output_scale: f64,
    /// RMS residual of the best affine fit relative to the outputs' spread:
    /// √(SS_res / SS_tot) over every output component
    pub fit_relative_rms: f64,
    /// R² of that fit (1 = the stack is exactly affine)
    pub fit_r2: f64,
}

/// A stack that cannot be collapsed here.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CollapseError {
    /// Depth 0 or above [`MAX_DEPTH`].
    #[error("depth from 1 to {MAX_DEPTH}")]
    Depth,
    /// Width 0 or above [`MAX_WIDTH`].
    #[error("width from 1 to {MAX_WIDTH}")]
    Width,
    /// The least-squares fit did not converge.
    #[error("the least-squares fit failed")]
    Fit,
}

/// Run `depth` random layers of `width` units (weights N(0, 1/width), biases
/// N(0, 1), seeded), with `act` between layers if given.
pub fn collapse(depth: u64, width: usize, seed: u64, act: Option<&Function>) -> Result<Collapsed, CollapseError> {
    if depth == 0 || depth > MAX_DEPTH {
        return Err(CollapseError::Depth);
    }
    if width == 0 || width > MAX_WIDTH {
        return Err(CollapseError::Width);
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let wdist = Normal::new(0.0, 1.0 / (width as f64).sqrt()).expect("positive");
    let bdist = Normal::standard();
    let layers: Vec<(DMatrix<f64>, DVector<f64>)> = (0..depth)
        .map(|_| {
            let w = DMatrix::from_fn(width, width, |_, _| rng.sample(wdist));
            let b = DVector::from_fn(width, |_, _| rng.sample(bdist));
            (w, b)
        })
        .collect();
    let mut wc = DMatrix::identity(width, width);
    let mut bc = DVector::zeros(width);
    for (w, b) in &layers {
        bc = w * &bc + b;
        wc = w * &wc;
    }
    let xs: Vec<DVector<f64>> = (0..SAMPLES).map(|_| DVector::from_fn(width, |_, _| rng.sample(bdist))).collect();
    let stack = |x: &DVector<f64>| {
        let mut a = x.clone();
        for (k, (w, b)) in layers.iter().enumerate() {
            a = w * &a + b;
            if let Some(f) = act
                && k + 1 < layers.len()
            {
                a.apply(|v| *v = f.value(*v));
            }
        }
        a
    };
    let ys: Vec<DVector<f64>> = xs.iter().map(stack).collect();
    let mut max_diff = 0.0f64;
    let mut output_scale = 0.0f64;
    for (x, y) in xs.iter().zip(&ys) {
        let single = &wc * x + &bc;
        max_diff = max_diff.max((y - single).amax());
        output_scale = output_scale.max(y.amax());
    }
    // best affine fit by least squares: [x 1] B ≈ y
    let xa = DMatrix::from_fn(SAMPLES, width + 1, |i, j| if j < width { xs[i][j] } else { 1.0 });
    let ym = DMatrix::from_fn(SAMPLES, width, |i, j| ys[i][j]);
    let coef = xa.clone().svd(true, true).solve(&ym, 1e-13).map_err(|_| CollapseError::Fit)?;
    let resid = &ym - &xa * coef;
    let ss_res = resid.norm_squared();
    let ss_tot: f64 = (0..width)
        .map(|j| {
            let col = ym.column(j);
            let m = col.mean();
            col.iter().map(|v| (v - m) * (v - m)).sum::<f64>()
        })
        .sum();
    let fit_relative_rms = if ss_tot > 0.0 { (ss_res / ss_tot).sqrt() } else { 0.0 };
    let fit_r2 = if ss_tot > 0.0 { 1.0 - ss_res / ss_tot } else { 1.0 };
    Ok(Collapsed { w: wc, b: bc, max_diff, output_scale, fit_relative_rms, fit_r2 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;

    #[test]
    fn linear_stack_is_one_affine_map_and_tanh_stack_is_not() {
        let c = collapse(10, 2, 1, None).unwrap();
        assert!(c.max_diff <= 1e-13 * c.output_scale.max(1.0), "{}", c.max_diff);
        assert!(c.fit_relative_rms < 1e-13);
        let t = lookup("tanh").unwrap();
        let n = collapse(10, 2, 1, Some(&crate::activation::Function::entry(t))).unwrap();
        assert!(n.fit_relative_rms > 0.05, "{}", n.fit_relative_rms);
    }
}
