//! A batch of inputs through DEPTH random dense layers: the drift of the data layer by
//! layer (the mean and spread of pre-activations and activations, saturated and dead
//! units), optionally with a normalisation before each activation, and the gradient's
//! norm on the way back through the same network.
//!
//! Layer k: Z_k = A_(k-1) W_kᵀ + bias (one row per sample), then (optionally) layer or
//! batch normalisation of Z_k, then A_k = f(Z_k). The input A_0 is `batch` vectors of
//! N(0, 1); W_k has entries N(0, σ²) (σ by the initialisation) or is a scaled orthogonal
//! matrix; all of it is drawn from the seed.

use crate::activation::Function;
use crate::interrupt::{Interrupt, Interrupted};
use nalgebra::DMatrix;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use statrs::distribution::Normal;

/// |f'(z)| below this counts as saturated: the unit passes back less than 1% of the
/// gradient it receives.
pub const SATURATED: f64 = 0.01;
/// Most values of f'(z) kept for the backward pass (depth × batch × width × functions).
pub const MAX_KEPT: usize = 1 << 22;
/// Most multiply-adds of one forward pass (batch × width² × depth × functions).
pub const MAX_WORK: f64 = 2e9;

/// How the weights are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeightInit {
    /// N(0, (gain/√N)²): LeCun's and (for square layers) Xavier's/Glorot's scale.
    Normal,
    /// He (Kaiming): N(0, (gain·√(2/N))²), made for relu.
    He,
    /// gain · Q, Q orthogonal (from the QR factorisation of a Gaussian matrix).
    Orthogonal,
}

/// A normalisation inserted before each activation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Norm {
    /// Each sample's pre-activations to mean 0, variance 1 (over the units).
    Layer,
    /// Each unit's pre-activations to mean 0, variance 1 (over the batch).
    Batch,
}

/// The network and its data.
#[derive(Clone, Copy, Debug)]
pub struct ForwardSpec {
    /// Units per layer.
    pub width: usize,
    /// Layers.
    pub depth: u64,
    /// Samples.
    pub batch: usize,
    /// Scale of the weights.
    pub gain: f64,
    /// How the weights are drawn.
    pub init: WeightInit,
    /// Added to every pre-activation.
    pub bias: f64,
    /// Normalisation before each activation.
    pub norm: Option<Norm>,
    /// Seed of the inputs and weights.
    pub seed: u64,
    /// Also run the backward pass.
    pub backward: bool,
}

/// A network that is refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ForwardError {
    /// Width, batch or depth 0.
    #[error("width, batch and depth must be at least 1")]
    Empty,
    /// batch × width² × depth × functions above [`MAX_WORK`].
    #[error("{0:e} multiply-adds")]
    TooMuchWork(f64),
    /// The backward pass would keep more than [`MAX_KEPT`] values.
    #[error("{0} values kept")]
    TooMuchKept(f64),
    /// The gain is not positive and finite, or the bias not finite.
    #[error("gain or bias")]
    Scale,
}

/// What one layer does to the data, for one function.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayerStats {
    /// Layer, from 1 at the input.
    pub k: u64,
    /// Mean of the pre-activations (after the normalisation, if any).
    pub pre_mean: f64,
    /// Standard deviation of the pre-activations.
    pub pre_std: f64,
    /// Mean of the activations.
    pub mean: f64,
    /// Standard deviation of the activations.
    pub std: f64,
    /// Fraction of (sample, unit) pairs with |f'(z)| < [`SATURATED`].
    pub saturated: f64,
    /// Fraction of units with f'(z) = 0 for every sample.
    pub dead: f64,
    /// With the backward pass: log10 of the RMS over the batch of ‖∂L/∂A_(k-1)‖, the
    /// gradient that reaches this layer's input (each sample's output gradient has norm 1).
    pub grad_log10: Option<f64>,
}

impl ForwardSpec {
    /// Refuse sizes beyond the limits.
    pub fn check(&self, functions: usize) -> Result<(), ForwardError> {
        if self.width == 0 || self.batch == 0 || self.depth == 0 {
            return Err(ForwardError::Empty);
        }
        let work = self.batch as f64 * (self.width as f64).powi(2) * self.depth as f64 * functions.max(1) as f64;
        if work > MAX_WORK {
            return Err(ForwardError::TooMuchWork(work));
        }
        let kept = self.batch as f64 * self.width as f64 * self.depth as f64 * functions.max(1) as f64;
        if self.backward && kept > MAX_KEPT as f64 {
            return Err(ForwardError::TooMuchKept(kept));
        }
        if !(self.gain > 0.0 && self.gain.is_finite() && self.bias.is_finite()) {
            return Err(ForwardError::Scale);
        }
        Ok(())
    }

    fn weights(&self, k: u64) -> DMatrix<f64> {
        let n = self.width;
        let mut rng = StdRng::seed_from_u64(self.seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xF0F0);
        let std = Normal::standard();
        let g = DMatrix::from_fn(n, n, |_, _| rng.sample(std));
        match self.init {
            WeightInit::Normal => g * (self.gain / (n as f64).sqrt()),
            WeightInit::He => g * (self.gain * (2.0 / n as f64).sqrt()),
            WeightInit::Orthogonal => {
                let qr = g.qr();
                // sign-fix by R's diagonal so Q is uniformly distributed
                let (q, r) = (qr.q(), qr.r());
                let mut q = q;
                for j in 0..n {
                    if r[(j, j)] < 0.0 {
                        q.column_mut(j).neg_mut();
                    }
                }
                q * self.gain
            }
        }
    }
}

fn normalise(z: &mut DMatrix<f64>, norm: Norm) {
    const EPS: f64 = 1e-5; // PyTorch's default
    match norm {
        Norm::Layer => {
            for mut row in z.row_iter_mut() {
                let n = row.len() as f64;
                let mean = row.sum() / n;
                let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
                let s = (var + EPS).sqrt();
                row.iter_mut().for_each(|v| *v = (*v - mean) / s);
            }
        }
        Norm::Batch => {
            for mut col in z.column_iter_mut() {
                let n = col.len() as f64;
                let mean = col.sum() / n;
                let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
                let s = (var + EPS).sqrt();
                col.iter_mut().for_each(|v| *v = (*v - mean) / s);
            }
        }
    }
}

fn mean_std(m: &DMatrix<f64>) -> (f64, f64) {
    let n = m.len() as f64;
    let mean = m.iter().sum::<f64>() / n;
    let var = m.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// Run every function through the same network; `visit` sees the statistics of each
/// layer in order (one entry per function), after the backward pass when there is one.
pub fn run(
    funcs: &[Function],
    spec: &ForwardSpec,
    stop: &dyn Interrupt,
    mut visit: impl FnMut(&[LayerStats]),
) -> Result<(), Interrupted> {
    let (n, b, depth) = (spec.width, spec.batch, spec.depth as usize);
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let std = Normal::standard();
    let input = DMatrix::from_fn(b, n, |_, _| rng.sample(std));
    let mut acts: Vec<DMatrix<f64>> = vec![input; funcs.len()];
    let mut stats = vec![vec![LayerStats::default(); funcs.len()]; if spec.backward { depth } else { 1 }];
    // f'(z) per layer and function, kept for the backward pass (with the normalisation
    // it is the derivative of f only: the normalisation's own Jacobian is not applied)
    let mut kept: Vec<Vec<DMatrix<f64>>> = Vec::new();
    let steps = if spec.backward { 2 * depth } else { depth } as u64;
    for k in 1..=depth {
        if stop.interrupted() {
            return Err(Interrupted);
        }
        stop.progress(k as u64, steps);
        let w = spec.weights(k as u64);
        let mut derivs = Vec::with_capacity(funcs.len());
        for (i, f) in funcs.iter().enumerate() {
            let mut z = &acts[i] * w.transpose();
            if spec.bias != 0.0 {
                z.add_scalar_mut(spec.bias);
            }
            if let Some(norm) = spec.norm {
                normalise(&mut z, norm);
            }
            let (pre_mean, pre_std) = mean_std(&z);
            let mut d = DMatrix::zeros(b, n);
            let mut a = DMatrix::zeros(b, n);
            for ((zv, av), dv) in z.iter().zip(a.iter_mut()).zip(d.iter_mut()) {
                (*av, *dv) = f.value_and_deriv(*zv);
            }
            let (mean, sd) = mean_std(&a);
            let saturated = d.iter().filter(|v| v.abs() < SATURATED).count() as f64 / (b * n) as f64;
            let dead = d.column_iter().filter(|c| c.iter().all(|v| *v == 0.0)).count() as f64 / n as f64;
            let s = LayerStats { k: k as u64, pre_mean, pre_std, mean, std: sd, saturated, dead, grad_log10: None };
            if spec.backward {
                stats[k - 1][i] = s;
                derivs.push(d);
            } else {
                stats[0][i] = s;
            }
            acts[i] = a;
        }
        if spec.backward {
            kept.push(derivs);
        } else {
            visit(&stats[0]);
        }
    }
    if !spec.backward {
        return Ok(());
    }
    // backward: each sample's output gradient has norm 1; G ← (G ⊙ f'(Z_k)) W_k, tracked
    // in log10 with the matrix renormalised every layer
    let mut g: Vec<DMatrix<f64>> = vec![DMatrix::from_element(b, n, 1.0 / (n as f64).sqrt()); funcs.len()];
    let mut log = vec![0.0f64; funcs.len()];
    for k in (1..=depth).rev() {
        if stop.interrupted() {
            return Err(Interrupted);
        }
        let w = spec.weights(k as u64);
        for (i, d) in kept[k - 1].iter().enumerate() {
            if !log[i].is_finite() {
                stats[k - 1][i].grad_log10 = Some(log[i]);
                continue;
            }
            let next = g[i].component_mul(d) * &w;
            let rms = (next.iter().map(|v| v * v).sum::<f64>() / b as f64).sqrt();
            if rms == 0.0 || !rms.is_finite() {
                log[i] = if rms == 0.0 { f64::NEG_INFINITY } else { f64::INFINITY };
            } else {
                log[i] += rms.log10();
                g[i] = next / rms;
            }
            stats[k - 1][i].grad_log10 = Some(log[i]);
        }
    }
    for s in &stats {
        visit(s);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;
    use crate::interrupt::Never;

    fn last(name: &str, init: WeightInit, gain: f64, depth: u64) -> LayerStats {
        let f = Function::entry(lookup(name).unwrap());
        let spec =
            ForwardSpec { width: 64, depth, batch: 128, gain, init, bias: 0.0, norm: None, seed: 0, backward: true };
        let mut out = LayerStats::default();
        run(&[f], &spec, &Never, |s| out = s[0]).unwrap();
        out
    }

    #[test]
    fn orthogonal_identity_keeps_every_norm() {
        let s = last("identity", WeightInit::Orthogonal, 1.0, 30);
        assert!((s.std - 1.0).abs() < 0.1, "{s:?}");
        assert!(s.grad_log10.unwrap().abs() < 1e-12, "{s:?}");
    }

    #[test]
    fn he_keeps_relu_alive_where_xavier_shrinks_it() {
        let he = last("relu", WeightInit::He, 1.0, 50);
        let xavier = last("relu", WeightInit::Normal, 1.0, 50);
        assert!(he.std > 0.1 && he.std < 10.0, "{he:?}");
        assert!(xavier.std < 1e-5, "{xavier:?}");
    }
}
