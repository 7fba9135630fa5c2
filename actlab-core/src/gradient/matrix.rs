//! A gradient vector backpropagated through DEPTH random N×N layers:
//! forward z_k = W_k a_{k-1}, a_k = f(z_k) on a random input; backward
//! g ← W_kᵀ (f'(z_k) ⊙ g). The norm is tracked in log10 (the vector itself is
//! renormalised every layer), so explosion and vanishing never overflow.

use crate::activation::Function;
use crate::interrupt::{Interrupt, Interrupted};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use statrs::distribution::Normal;

/// Weight initialisation: entries N(0, σ²).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// σ = gain / √N
    Normal,
    /// He (Kaiming): σ = gain · √(2/N), made for relu
    He,
    /// Xavier (Glorot): σ = gain · √(2/(N + N)) = gain / √N for square layers
    Xavier,
}

#[derive(Clone, Copy, Debug)]
/// A width chain: DEPTH random WIDTH×WIDTH layers.
pub struct MatrixSpec {
    /// Units per layer.
    pub width: usize,
    /// Layers.
    pub depth: u64,
    /// Scale of the weights.
    pub gain: f64,
    /// How σ of the weights is chosen.
    pub init: Init,
    /// Seed of the input and of every layer's weights.
    pub seed: u64,
    /// Clip the gradient's norm to this at every layer.
    pub clip_norm: Option<f64>,
}

/// Largest width, and largest width² × depth (multiply-adds of one pass).
pub const MAX_WIDTH: usize = 4096;
/// Most multiply-adds of one pass (width² × depth × functions).
pub const MAX_WORK: f64 = 2e9;

impl MatrixSpec {
    /// σ of the weights' normal distribution.
    pub fn sigma(&self) -> f64 {
        let n = self.width as f64;
        match self.init {
            Init::Normal | Init::Xavier => self.gain / n.sqrt(),
            Init::He => self.gain * (2.0 / n).sqrt(),
        }
    }

    /// Refuse sizes that would take the machine hostage (`functions` chains are run
    /// through the same layers), and gains or clipping norms that are not positive.
    pub fn check(&self, functions: usize) -> Result<(), SpecError> {
        if self.width == 0 {
            return Err(SpecError::ZeroWidth);
        }
        if self.width > MAX_WIDTH {
            return Err(SpecError::TooWide { width: self.width });
        }
        let work = (self.width as f64).powi(2) * self.depth as f64 * functions.max(1) as f64;
        if work > MAX_WORK {
            return Err(SpecError::TooMuchWork { work });
        }
        if !(self.gain.is_finite() && self.gain > 0.0) {
            return Err(SpecError::Gain);
        }
        if self.clip_norm.is_some_and(|c| !(c.is_finite() && c > 0.0)) {
            return Err(SpecError::ClipNorm);
        }
        Ok(())
    }
}

/// A width chain that is refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SpecError {
    /// Width 0.
    #[error("a layer needs at least one unit")]
    ZeroWidth,
    /// Above [`MAX_WIDTH`].
    #[error("width {width}: at most {MAX_WIDTH}")]
    TooWide {
        /// The width asked for.
        width: usize,
    },
    /// width² × depth × functions above [`MAX_WORK`].
    #[error("{work:e} multiply-adds, more than {MAX_WORK:e}")]
    TooMuchWork {
        /// The multiply-adds it would take.
        work: f64,
    },
    /// The gain is not a positive finite number.
    #[error("the gain must be a positive number")]
    Gain,
    /// The clipping norm is not a positive finite number.
    #[error("the clipping norm must be a positive number")]
    ClipNorm,
}

/// One layer of the backward pass (k = layers passed so far, from the output).
#[derive(Clone, Copy, Debug)]
pub struct GradLayer {
    /// Layers passed so far, counted from the output (1 = next to it).
    pub k: u64,
    /// log10 ‖g‖ after k layers (the output gradient has norm 1).
    pub log10_norm: f64,
    /// ‖g_k‖ / ‖g_{k-1}‖ at this layer, before clipping.
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

/// Values of f'(z) kept at once for the backward pass (all functions together).
/// A deeper chain keeps the activations at every `MAX_KEPT / (functions × width)`-th
/// layer instead and recomputes one segment at a time on the way back, so memory stays
/// within a few times `MAX_KEPT` doubles (32 MiB) plus one weight matrix, whatever
/// the depth.
pub const MAX_KEPT: usize = 1 << 22;

/// A layer's weights applied to each function's activations; f'(z) goes to `d`
/// (function after function, `width` values each).
fn forward_layer(funcs: &[Function], w: &[f64], acts: &mut [Vec<f64>], z: &mut [f64], d: &mut [f64]) {
    let n = z.len();
    for (i, (f, a)) in funcs.iter().zip(acts.iter_mut()).enumerate() {
        for (r, zi) in z.iter_mut().enumerate() {
            *zi = w[r * n..(r + 1) * n].iter().zip(a.iter()).map(|(x, y)| x * y).sum();
        }
        for (r, &zr) in z.iter().enumerate() {
            (a[r], d[i * n + r]) = f.value_and_deriv(zr);
        }
    }
}

/// Run forward and backward for every function through the same random layers;
/// `visit` sees each backward layer in order (k = 1 is the layer next to the output),
/// with one [`GradLayer`] per function. Stops early with `Err(Interrupted)` when
/// `stop` says so.
pub fn run(
    funcs: &[Function],
    spec: &MatrixSpec,
    stop: &dyn Interrupt,
    mut visit: impl FnMut(&[GradLayer]),
) -> Result<(), Interrupted> {
    let n = spec.width;
    let nf = funcs.len();
    let sigma = spec.sigma();
    let depth = spec.depth as usize;
    // layers per segment: the whole chain when its f'(z) fit in MAX_KEPT
    let seg = (MAX_KEPT / (nf * n).max(1)).clamp(1, depth.max(1));
    let mut w = vec![0.0; n * n];
    let mut z = vec![0.0; n];
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let std = Normal::standard();
    let input: Vec<f64> = (0..n).map(|_| rng.sample(std)).collect();
    let mut acts: Vec<Vec<f64>> = vec![input; nf];
    // forward, keeping the activations where each segment starts (f'(z) is recomputed
    // per segment on the way back, unless the whole chain is one segment)
    let mut starts: Vec<Vec<Vec<f64>>> = Vec::with_capacity(depth.div_ceil(seg));
    let mut derivs = vec![0.0; seg * nf * n];
    for k in 1..=depth {
        if stop.interrupted() {
            return Err(Interrupted);
        }
        stop.progress(k as u64, 2 * depth as u64);
        if (k - 1) % seg == 0 {
            starts.push(if seg < depth { acts.clone() } else { Vec::new() });
        }
        weights(spec.seed, k as u64, sigma, &mut w);
        let at = ((k - 1) % seg) * nf * n;
        forward_layer(funcs, &w, &mut acts, &mut z, &mut derivs[at..at + nf * n]);
    }
    // backward from a unit-norm output gradient
    let mut g = vec![vec![1.0 / (n as f64).sqrt(); n]; nf];
    let mut log_norm = vec![0.0f64; nf];
    let mut next = vec![0.0; n];
    let limit = spec.clip_norm.map(f64::log10);
    let mut layers =
        vec![GradLayer { k: 0, log10_norm: f64::NEG_INFINITY, ratio: 0.0, dead_fraction: 0.0, clipped: false }; nf];
    for s in (0..starts.len()).rev() {
        let first = s * seg + 1;
        let last = ((s + 1) * seg).min(depth);
        if seg < depth {
            // recompute this segment's f'(z) from its starting activations
            let mut acts = std::mem::take(&mut starts[s]);
            for k in first..=last {
                if stop.interrupted() {
                    return Err(Interrupted);
                }
                weights(spec.seed, k as u64, sigma, &mut w);
                let at = (k - first) * nf * n;
                forward_layer(funcs, &w, &mut acts, &mut z, &mut derivs[at..at + nf * n]);
            }
        }
        for k in (first..=last).rev() {
            if stop.interrupted() {
                return Err(Interrupted);
            }
            stop.progress((2 * depth - k + 1) as u64, 2 * depth as u64);
            let live = log_norm.iter().any(|l| l.is_finite());
            if live {
                weights(spec.seed, k as u64, sigma, &mut w);
            }
            for i in 0..nf {
                let layer = &mut layers[i];
                layer.k = (depth - k + 1) as u64;
                if !log_norm[i].is_finite() {
                    // nothing left to propagate: the rest of the layers are zero
                    *layer = GradLayer { k: layer.k, ratio: 0.0, dead_fraction: 0.0, clipped: false, ..*layer };
                    continue;
                }
                let at = (k - first) * nf * n + i * n;
                let d = &derivs[at..at + n];
                let dead = d.iter().filter(|x| **x == 0.0).count();
                next.iter_mut().for_each(|x| *x = 0.0);
                for (r, (gr, dr)) in g[i].iter().zip(d).enumerate() {
                    let gi = gr * dr;
                    if gi != 0.0 {
                        for (nj, wij) in next.iter_mut().zip(&w[r * n..(r + 1) * n]) {
                            *nj += wij * gi;
                        }
                    }
                }
                let nn = super::clip::norm(&next);
                let before = log_norm[i];
                let mut clipped = false;
                if nn == 0.0 || !nn.is_finite() {
                    log_norm[i] = if nn == 0.0 { f64::NEG_INFINITY } else { nn };
                } else {
                    log_norm[i] += nn.log10();
                    for (gj, nj) in g[i].iter_mut().zip(&next) {
                        *gj = nj / nn;
                    }
                    if let Some(l) = limit
                        && log_norm[i] > l
                    {
                        log_norm[i] = l;
                        clipped = true;
                    }
                }
                // the layer's own factor, before any clipping (after it, a clipped chain
                // would show 1 at every layer)
                let ratio = if nn.is_finite() && before.is_finite() { nn } else { 0.0 };
                *layer = GradLayer {
                    k: layer.k,
                    log10_norm: log_norm[i],
                    ratio,
                    dead_fraction: dead as f64 / n as f64,
                    clipped,
                };
            }
            visit(&layers);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;
    use crate::interrupt::Never;

    fn last(name: &str, gain: f64, init: Init, clip: Option<f64>) -> f64 {
        let f = lookup(name).unwrap();
        let spec = MatrixSpec { width: 64, depth: 60, gain, init, seed: 1, clip_norm: clip };
        let mut l = 0.0;
        run(&[Function::entry(f)], &spec, &Never, |g| l = g[0].log10_norm).unwrap();
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
