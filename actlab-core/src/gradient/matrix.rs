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

/// Rows drawn at a time when a layer's weights are kept.
const BLOCK: usize = 16;

/// Bytes of weights kept from the forward pass for the backward pass (later layers
/// are drawn again on the way back): 256 MiB.
pub const MAX_KEPT_WEIGHTS: usize = 256 << 20;

/// Below this width a layer is too small to be worth a second thread.
const PARALLEL_WIDTH: usize = 96;

/// The stream of layer k's weights: W_k[r][c] is the normal number at position r·n + c
/// (`normal::normal_at`), a function of (seed, k, r, c) alone.
fn layer_key(seed: u64, k: u64) -> u64 {
    super::normal::mix(seed ^ super::normal::mix(k.wrapping_add(0xD1B5_4A32_D192_ED03)))
}

/// Where a layer's weights come from: kept from the forward pass, or drawn again.
enum Weights<'a> {
    Kept(&'a [f64]),
    Draw { key: u64, sigma: f64 },
}

impl Weights<'_> {
    /// Row r (n entries).
    fn row<'b>(&'b self, r: usize, n: usize, buf: &'b mut [f64]) -> &'b [f64] {
        match self {
            Weights::Kept(w) => &w[r * n..(r + 1) * n],
            Weights::Draw { key, sigma } => {
                super::normal::fill(*key, (r * n) as u64, 1, *sigma, buf);
                buf
            }
        }
    }
}

/// The two halves of a layer's rows. The split depends on the width only, so the
/// sums (and the results) do not depend on how many cores run them.
fn halves(n: usize) -> [std::ops::Range<usize>; 2] {
    let mid = (n.div_ceil(BLOCK) / 2 * BLOCK).min(n);
    [0..mid, mid..n]
}

/// `a` and `b`, the second on a thread of its own when a layer of width n is wide
/// enough to be worth it.
fn both<A, B: Send>(n: usize, a: impl FnOnce() -> A, b: impl FnOnce() -> B + Send) -> (A, B) {
    if n < PARALLEL_WIDTH {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let other = s.spawn(b);
        let first = a();
        (first, other.join().expect("a layer's half does not panic"))
    })
}

/// Run `job` on both halves (see `both`).
fn on_halves<T: Send>(n: usize, job: impl Fn(std::ops::Range<usize>) -> T + Sync) -> [T; 2] {
    let [r0, r1] = halves(n);
    let (first, second) = both(n, || job(r0), || job(r1));
    [first, second]
}

/// Values of f'(z) kept at once for the backward pass (all functions together).
/// A deeper chain keeps the activations at every `MAX_KEPT / (functions × width)`-th
/// layer instead and recomputes one segment at a time on the way back, so memory stays
/// within a few times `MAX_KEPT` doubles (32 MiB) plus `MAX_KEPT_WEIGHTS` of weights,
/// whatever the depth.
pub const MAX_KEPT: usize = 1 << 22;

/// A layer's weights applied to each function's activations; f'(z) goes to `d`
/// (function after function, `width` values each), on two cores. Weights being drawn
/// are drawn by columns, and a column that multiplies 0 in every function's
/// activations (a dead relu unit) is not drawn at all; kept weights (or weights to
/// keep, `keep`) go by rows.
fn forward_layer(funcs: &[Function], w: &Weights, keep: Option<&mut [f64]>, acts: &mut [Vec<f64>], d: &mut [f64]) {
    let n = acts.first().map_or(0, Vec::len);
    let nf = funcs.len();
    if let (Some(keep), Weights::Draw { key, sigma }) = (keep, w) {
        // drawn once into the kept store, then used from there
        let [r0, _] = halves(n);
        let (lo, hi) = keep.split_at_mut(r0.end * n);
        let draw = |first: usize, out: &mut [f64]| super::normal::fill(*key, (first * n) as u64, 1, *sigma, out);
        both(n, || draw(0, lo), || draw(r0.end, hi));
        return forward_layer(funcs, &Weights::Kept(keep), None, acts, d);
    }
    let acts_ref: &[Vec<f64>] = acts;
    let z: Vec<f64> = match w {
        Weights::Kept(wk) => {
            // z by rows: each row's dot product with each function's activations
            let parts = on_halves(n, |rows| {
                let mut z = vec![0.0; nf * rows.len()];
                for r in rows.clone() {
                    let row = &wk[r * n..(r + 1) * n];
                    for (i, a) in acts_ref.iter().enumerate() {
                        z[i * rows.len() + r - rows.start] = dot(row, a);
                    }
                }
                z
            });
            let [r0, _] = halves(n);
            let mut z = vec![0.0; nf * n];
            for i in 0..nf {
                z[i * n..i * n + r0.end].copy_from_slice(&parts[0][i * r0.end..(i + 1) * r0.end]);
                let m = n - r0.end;
                z[i * n + r0.end..(i + 1) * n].copy_from_slice(&parts[1][i * m..(i + 1) * m]);
            }
            z
        }
        Weights::Draw { key, sigma } => {
            // z = Σ_c a[c]·W[:, c] over the columns some function needs, half of the
            // columns on each core, the two partial sums added at the end
            let parts = on_halves(n, |cols| {
                let mut z = vec![0.0; nf * n];
                let mut col = vec![0.0; n];
                for c in cols {
                    if acts_ref.iter().all(|a| a[c] == 0.0) {
                        continue;
                    }
                    super::normal::fill(*key, c as u64, n as u64, *sigma, &mut col);
                    for (i, a) in acts_ref.iter().enumerate() {
                        let ac = a[c];
                        if ac != 0.0 {
                            for (zr, wr) in z[i * n..(i + 1) * n].iter_mut().zip(&col) {
                                *zr = wr.mul_add(ac, *zr);
                            }
                        }
                    }
                }
                z
            });
            parts[0].iter().zip(&parts[1]).map(|(p, q)| p + q).collect()
        }
    };
    for (i, (f, a)) in funcs.iter().zip(acts.iter_mut()).enumerate() {
        for r in 0..n {
            (a[r], d[i * n + r]) = f.value_and_deriv(z[i * n + r]);
        }
    }
}

/// Σ x·y, four partial sums (the order fixed, so the result is reproducible).
#[inline]
fn dot(x: &[f64], y: &[f64]) -> f64 {
    let mut s = [0.0f64; 4];
    let (xc, xr) = x.split_at(x.len() / 4 * 4);
    let (yc, yr) = y.split_at(xc.len());
    for (a, b) in xc.chunks_exact(4).zip(yc.chunks_exact(4)) {
        for l in 0..4 {
            s[l] = a[l].mul_add(b[l], s[l]);
        }
    }
    let mut t = (s[0] + s[1]) + (s[2] + s[3]);
    for (a, b) in xr.iter().zip(yr) {
        t = a.mul_add(*b, t);
    }
    t
}

/// next = Wᵀ v for each function's v (rows of W scaled by v and summed), half by half
/// on two cores, the halves' sums added at the end. A row whose entry of every v is 0
/// (a dead relu unit) adds nothing and is not drawn at all.
fn backward_layer(w: &Weights, vs: &[Vec<f64>], n: usize) -> Vec<Vec<f64>> {
    let parts = on_halves(n, |rows| {
        let mut next = vec![vec![0.0; n]; vs.len()];
        let mut buf = vec![0.0; n];
        for r in rows {
            if vs.iter().all(|v| v[r] == 0.0) {
                continue;
            }
            let row = w.row(r, n, &mut buf);
            for (v, out) in vs.iter().zip(next.iter_mut()) {
                let gi = v[r];
                if gi != 0.0 {
                    for (o, x) in out.iter_mut().zip(row) {
                        *o = x.mul_add(gi, *o);
                    }
                }
            }
        }
        next
    });
    let [a, b] = parts;
    a.into_iter().zip(b).map(|(x, y)| x.iter().zip(&y).map(|(p, q)| p + q).collect()).collect()
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
    // the first layers' weights are kept for the way back, as many as fit the budget
    let kept_layers = (MAX_KEPT_WEIGHTS / (n * n * 8).max(1)).min(depth);
    let mut kept: Vec<Vec<f64>> = Vec::with_capacity(kept_layers);
    fn weights_of(kept: &[Vec<f64>], k: usize, seed: u64, sigma: f64) -> Weights<'_> {
        match kept.get(k - 1) {
            Some(w) => Weights::Kept(w),
            None => Weights::Draw { key: layer_key(seed, k as u64), sigma },
        }
    }
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
        let at = ((k - 1) % seg) * nf * n;
        // drawn on the way forward; the first layers' weights stay for the way back
        let draw = Weights::Draw { key: layer_key(spec.seed, k as u64), sigma };
        let mut keep = (k <= kept_layers).then(|| vec![0.0; n * n]);
        forward_layer(funcs, &draw, keep.as_deref_mut(), &mut acts, &mut derivs[at..at + nf * n]);
        kept.extend(keep);
    }
    // backward from a unit-norm output gradient
    let mut g = vec![vec![1.0 / (n as f64).sqrt(); n]; nf];
    let mut log_norm = vec![0.0f64; nf];
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
                let at = (k - first) * nf * n;
                forward_layer(
                    funcs,
                    &weights_of(&kept, k, spec.seed, sigma),
                    None,
                    &mut acts,
                    &mut derivs[at..at + nf * n],
                );
            }
        }
        for k in (first..=last).rev() {
            if stop.interrupted() {
                return Err(Interrupted);
            }
            stop.progress((2 * depth - k + 1) as u64, 2 * depth as u64);
            // v = f'(z) ⊙ g for every function still carrying a gradient, then Wᵀv for
            // all of them from one pass over the weights
            let live: Vec<usize> = (0..nf).filter(|i| log_norm[*i].is_finite()).collect();
            let vs: Vec<Vec<f64>> = live
                .iter()
                .map(|&i| {
                    let at = (k - first) * nf * n + i * n;
                    g[i].iter().zip(&derivs[at..at + n]).map(|(gr, dr)| gr * dr).collect()
                })
                .collect();
            let nexts = if live.is_empty() {
                Vec::new()
            } else {
                backward_layer(&weights_of(&kept, k, spec.seed, sigma), &vs, n)
            };
            for i in 0..nf {
                let layer = &mut layers[i];
                layer.k = (depth - k + 1) as u64;
                let Some(pos) = live.iter().position(|l| *l == i) else {
                    // nothing left to propagate: the rest of the layers are zero
                    *layer = GradLayer { k: layer.k, ratio: 0.0, dead_fraction: 0.0, clipped: false, ..*layer };
                    continue;
                };
                let at = (k - first) * nf * n + i * n;
                let dead = derivs[at..at + n].iter().filter(|x| **x == 0.0).count();
                let next = &nexts[pos];
                let nn = super::clip::norm(next);
                let before = log_norm[i];
                let mut clipped = false;
                if nn == 0.0 || !nn.is_finite() {
                    log_norm[i] = if nn == 0.0 { f64::NEG_INFINITY } else { nn };
                } else {
                    log_norm[i] += nn.log10();
                    for (gj, nj) in g[i].iter_mut().zip(next) {
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
