//! A gradient vector backpropagated through DEPTH random N×N layers:
//! forward z_k = W_k a_{k-1}, a_k = f(z_k) on a random input; backward
//! g ← W_kᵀ (f'(z_k) ⊙ g). The norm is tracked in log10 (the vector itself is
//! renormalised every layer), so explosion and vanishing never overflow.

use crate::activation::{Activation, Params};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use statrs::distribution::Normal;

/// Weight initialisation: entries N(0, σ²).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Init {
    /// σ = gain / √N
    Normal,
    /// He (Kaiming): σ = gain · √(2/N), made for relu
    He,
    /// Xavier (Glorot): σ = gain · √(2/(N + N)) = gain / √N for square layers
    Xavier,
}

#[derive(Clone, Copy, Debug)]
pub struct MatrixSpec {
    pub width: usize,
    pub depth: u64,
    pub gain: f64,
    pub init: Init,
    pub seed: u64,
    pub clip_norm: Option<f64>,
}

/// Largest width, and largest width² × depth (multiply-adds of one pass).
pub const MAX_WIDTH: usize = 4096;
pub const MAX_WORK: f64 = 2e9;

impl MatrixSpec {
    pub fn sigma(&self) -> f64 {
        let n = self.width as f64;
        match self.init {
            Init::Normal | Init::Xavier => self.gain / n.sqrt(),
            Init::He => self.gain * (2.0 / n).sqrt(),
        }
    }

    /// Refuse sizes that would take the machine hostage.
    pub fn check(&self) -> Result<(), String> {
        if self.width == 0 {
            return Err("--width 0: a layer needs at least one unit".into());
        }
        if self.width > MAX_WIDTH {
            return Err(format!("--width {}: at most {MAX_WIDTH} (each layer is a width × width matrix)", self.width));
        }
        let work = (self.width as f64).powi(2) * self.depth as f64;
        if work > MAX_WORK {
            return Err(format!(
                "width {} × depth {} needs {:.1e} multiply-adds, more than the limit of {MAX_WORK:.0e}; use a smaller width or depth",
                self.width, self.depth, work
            ));
        }
        if !(self.gain.is_finite() && self.gain > 0.0) {
            return Err("--gain must be a positive number".into());
        }
        Ok(())
    }
}

/// One layer of the backward pass (k = layers passed so far, from the output).
#[derive(Clone, Copy, Debug)]
pub struct GradLayer {
    pub k: u64,
    /// log10 ‖g‖ after k layers (the output gradient has norm 1).
    pub log10_norm: f64,
    /// ‖g_k‖ / ‖g_{k-1}‖.
    pub ratio: f64,
    /// Units of this layer with f'(z) = 0.
    pub dead_fraction: f64,
    /// Clipping scaled the gradient at this layer.
    pub clipped: bool,
}

fn layer_rng(seed: u64, k: u64) -> StdRng {
    StdRng::seed_from_u64(seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// W_k, row-major, regenerated from (seed, k) whenever it is needed.
fn weights(seed: u64, k: u64, sigma: f64, w: &mut [f64]) {
    let mut rng = layer_rng(seed, k);
    let dist = Normal::new(0.0, sigma).expect("sigma is positive");
    for x in w.iter_mut() {
        *x = rng.sample(dist);
    }
}

/// Run forward and backward; `visit` sees each backward layer in order.
/// `stop` is asked once per layer; when it says yes the run ends early.
pub fn run(f: &Activation, p: &Params, spec: &MatrixSpec, stop: &dyn Fn() -> bool, mut visit: impl FnMut(&GradLayer)) {
    let n = spec.width;
    let sigma = spec.sigma();
    let depth = spec.depth as usize;
    let mut w = vec![0.0; n * n];
    // forward: keep f'(z_k) for every layer
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let std = Normal::standard();
    let mut a: Vec<f64> = (0..n).map(|_| rng.sample(std)).collect();
    let mut z = vec![0.0; n];
    let mut derivs = vec![0.0; n * depth];
    for k in 1..=depth {
        if stop() {
            return;
        }
        weights(spec.seed, k as u64, sigma, &mut w);
        for (i, zi) in z.iter_mut().enumerate() {
            *zi = w[i * n..(i + 1) * n].iter().zip(&a).map(|(x, y)| x * y).sum();
        }
        let d = &mut derivs[(k - 1) * n..k * n];
        for i in 0..n {
            (a[i], d[i]) = f.value_and_deriv(z[i], p);
        }
    }
    // backward from a unit-norm output gradient
    let mut g = vec![1.0 / (n as f64).sqrt(); n];
    let mut log_norm = 0.0f64;
    let mut next = vec![0.0; n];
    let limit = spec.clip_norm.map(f64::log10);
    for (step, k) in (1..=depth).rev().enumerate() {
        if stop() {
            return;
        }
        weights(spec.seed, k as u64, sigma, &mut w);
        let d = &derivs[(k - 1) * n..k * n];
        let dead = d.iter().filter(|x| **x == 0.0).count();
        next.iter_mut().for_each(|x| *x = 0.0);
        for i in 0..n {
            let gi = g[i] * d[i];
            if gi != 0.0 {
                for (nj, wij) in next.iter_mut().zip(&w[i * n..(i + 1) * n]) {
                    *nj += wij * gi;
                }
            }
        }
        let nn = super::clip::norm(&next);
        let before = log_norm;
        let mut clipped = false;
        if nn == 0.0 || !nn.is_finite() {
            log_norm = if nn == 0.0 { f64::NEG_INFINITY } else { nn };
            g.iter_mut().for_each(|x| *x = 0.0);
        } else {
            log_norm += nn.log10();
            for (gi, ni) in g.iter_mut().zip(&next) {
                *gi = ni / nn;
            }
            if let Some(l) = limit
                && log_norm > l
            {
                log_norm = l;
                clipped = true;
            }
        }
        let ratio = if log_norm.is_finite() && before.is_finite() { 10f64.powf(log_norm - before) } else { 0.0 };
        visit(&GradLayer {
            k: step as u64 + 1,
            log10_norm: log_norm,
            ratio,
            dead_fraction: dead as f64 / n as f64,
            clipped,
        });
        if !log_norm.is_finite() {
            // nothing left to propagate; report the remaining layers as zero
            for s in step + 2..=depth {
                visit(&GradLayer {
                    k: s as u64,
                    log10_norm: f64::NEG_INFINITY,
                    ratio: 0.0,
                    dead_fraction: 0.0,
                    clipped: false,
                });
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;

    fn last(name: &str, gain: f64, init: Init, clip: Option<f64>) -> f64 {
        let f = lookup(name).unwrap();
        let spec = MatrixSpec { width: 64, depth: 60, gain, init, seed: 1, clip_norm: clip };
        let mut l = 0.0;
        run(f, &f.default_params(), &spec, &|| false, |g| l = g.log10_norm);
        l
    }

    #[test]
    fn matrices_alone_vanish_or_explode() {
        assert!(last("identity", 0.5, Init::Normal, None) < -6.0);
        assert!(last("identity", 2.0, Init::Normal, None) > 6.0);
        let he = last("relu", 1.0, Init::He, None);
        assert!(he.abs() < 3.0, "{he}");
        // clipping caps explosion but cannot undo vanishing
        assert!(last("identity", 2.0, Init::Normal, Some(1.0)) <= 0.0);
        assert!(last("identity", 0.5, Init::Normal, Some(1.0)) < -6.0);
    }
}
