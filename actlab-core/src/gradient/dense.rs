//! One dense layer's backward pass, written out: z = W x + b, a = f(z); given the
//! upstream gradient g = ∂L/∂a, δ = g ⊙ f'(z), ∂L/∂W = δ xᵀ, ∂L/∂b = δ, ∂L/∂x = Wᵀ δ.
//! Each gradient has the shape of what it is the gradient of.

use crate::activation::Function;

/// The layer's values and gradients.
#[derive(Clone, Debug, PartialEq)]
pub struct DenseGrad {
    /// Pre-activations z = W x + b (out).
    pub z: Vec<f64>,
    /// Activations a = f(z) (out).
    pub a: Vec<f64>,
    /// f'(z) (out).
    pub fz: Vec<f64>,
    /// δ = g ⊙ f'(z) = ∂L/∂z = ∂L/∂b (out).
    pub delta: Vec<f64>,
    /// ∂L/∂W = δ xᵀ (out × in).
    pub dw: Vec<Vec<f64>>,
    /// ∂L/∂x = Wᵀ δ (in).
    pub dx: Vec<f64>,
}

/// Shapes that do not fit together.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("shapes: W {rows}×{cols}, b {bias}, x {input}, g {upstream}")]
pub struct ShapeError {
    /// Rows of W (outputs).
    pub rows: usize,
    /// Columns of W (inputs); 0 when the rows differ in length.
    pub cols: usize,
    /// Length of b.
    pub bias: usize,
    /// Length of x.
    pub input: usize,
    /// Length of g.
    pub upstream: usize,
}

/// The forward and backward pass of one layer.
pub fn dense(w: &[Vec<f64>], b: &[f64], x: &[f64], g: &[f64], f: &Function) -> Result<DenseGrad, ShapeError> {
    let (out, inp) = (w.len(), w.first().map_or(0, Vec::len));
    let cols = if w.iter().all(|r| r.len() == inp) { inp } else { 0 };
    if out == 0 || cols == 0 || b.len() != out || x.len() != inp || g.len() != out {
        return Err(ShapeError { rows: out, cols, bias: b.len(), input: x.len(), upstream: g.len() });
    }
    let z: Vec<f64> = w.iter().zip(b).map(|(r, bj)| r.iter().zip(x).map(|(p, q)| p * q).sum::<f64>() + bj).collect();
    let (a, fz): (Vec<f64>, Vec<f64>) = z.iter().map(|v| f.value_and_deriv(*v)).unzip();
    let delta: Vec<f64> = g.iter().zip(&fz).map(|(gj, dj)| gj * dj).collect();
    // (+ 0.0: a zero gradient is 0, whatever the sign of x)
    let dw = delta.iter().map(|dj| x.iter().map(|xi| dj * xi + 0.0).collect()).collect();
    let dx = (0..inp).map(|i| w.iter().zip(&delta).map(|(r, dj)| r[i] * dj).sum()).collect();
    Ok(DenseGrad { z, a, fz, delta, dw, dx })
}

/// A random layer to look at: W (out × in) and x (in) drawn from N(0, 1) and rounded to
/// two decimals (so they read easily), b = 0, upstream g = 1 for every output.
pub fn random_layer(out: usize, inp: usize, seed: u64) -> (Vec<Vec<f64>>, Vec<f64>, Vec<f64>, Vec<f64>) {
    use rand::{RngExt, SeedableRng};
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let n = statrs::distribution::Normal::standard();
    let mut draw = || (rng.sample(n) * 100.0).round() / 100.0;
    let w = (0..out).map(|_| (0..inp).map(|_| draw()).collect()).collect();
    let x = (0..inp).map(|_| draw()).collect();
    (w, vec![0.0; out], x, vec![1.0; out])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;

    #[test]
    fn shapes_follow_the_parameters() {
        let relu = Function::entry(lookup("relu").unwrap());
        let w = vec![vec![1.0, 2.0, 3.0], vec![-1.0, 0.5, 0.0]];
        let d = dense(&w, &[0.0, 0.5], &[1.0, -1.0, 2.0], &[1.0, 2.0], &relu).unwrap();
        assert_eq!(d.z, vec![5.0, -1.0]);
        assert_eq!(d.delta, vec![1.0, 0.0]);
        assert_eq!(d.dw, vec![vec![1.0, -1.0, 2.0], vec![0.0, 0.0, 0.0]]);
        assert_eq!(d.dx, vec![1.0, 2.0, 3.0]);
        assert!(dense(&w, &[0.0], &[1.0, 2.0, 3.0], &[1.0, 1.0], &relu).is_err());
    }
}
