//! Standard normal numbers for the width chains' weights, fast and addressable:
//! Marsaglia and Tsang's ziggurat (2000) with 256 strips, on SplitMix64 read at any
//! position.
//!
//! rand_distr's ziggurat is the same method; compiled for actlab's CPU level
//! (x86-64-v3, `.cargo/config.toml`) it measured 8.4 ns per number on this machine
//! against 4 ns at the baseline level, and the weights of `chain relu 100 --width 4096`
//! are 3.4 billion numbers. This one keeps the hot path to one 64-bit draw, a table
//! look-up, a multiplication and a comparison (measured in docs/performance.md), and
//! `tests` check its moments and its distribution against Φ.

use std::sync::OnceLock;

/// The rightmost strip's edge r and the common area v of the 256 strips
/// (Marsaglia and Tsang 2000, table for 256 strips).
const R: f64 = 3.654_152_885_361_009;
const V: f64 = 0.004_928_673_233_99;

struct Tables {
    /// x[0] = v/f(r) (the base strip, tail included), x[1] = r, …, x[256] = 0.
    x: [f64; 257],
    /// f(x[i]) = e^(-x[i]²/2).
    f: [f64; 257],
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let f = |x: f64| (-0.5 * x * x).exp();
        let mut x = [0.0; 257];
        x[0] = V / f(R);
        x[1] = R;
        for i in 1..256 {
            x[i + 1] = (-2.0 * (V / x[i] + f(x[i])).ln()).sqrt();
        }
        x[256] = 0.0;
        Tables { x, f: x.map(f) }
    })
}

/// A uniform number in [0, 1) from the top 53 bits.
#[inline]
fn unit(bits: u64) -> f64 {
    (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// SplitMix64's finaliser (Steele, Lea and Flood 2014; Java's SplittableRandom):
/// SplitMix64's i-th output is `mix(seed + (i + 1)·γ)`, so any position of a stream
/// can be had without the ones before it. It passes BigCrush.
#[inline(always)]
pub fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The standard normal number at position `index` of the stream `key`: a function of
/// the two alone, so a matrix of them can be drawn by rows, by columns or in part (a
/// width chain's forward pass skips the columns a dead relu unit multiplies by 0, its
/// backward pass the rows). The ziggurat's rare second draws come from a second stream
/// at the same position.
#[inline]
pub fn normal_at(key: u64, index: u64) -> f64 {
    let t = tables();
    let (i, u) = strip_and_unit(mix(key.wrapping_add(index.wrapping_add(1).wrapping_mul(GAMMA))));
    let x = u * t.x[i];
    if x.abs() < t.x[i + 1] {
        return x;
    }
    let mut more = Stream(mix(key ^ 0x6A09_E667_F3BC_C908).wrapping_add(index.wrapping_mul(GAMMA << 8)));
    slow(&mut more, t, i, x, u)
}

/// One draw's strip (bits 0..8) and u, uniform in [-1, 1), from bits 12..64: those bits
/// as the mantissa of a double in [2, 4), minus 3 (no integer conversion).
#[inline(always)]
fn strip_and_unit(bits: u64) -> (usize, f64) {
    ((bits & 0xff) as usize, f64::from_bits(0x4000_0000_0000_0000 | (bits >> 12)) - 3.0)
}

/// A SplitMix64 stream, for the ziggurat's rejections.
struct Stream(u64);

impl Stream {
    #[inline]
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GAMMA);
        mix(self.0)
    }
}

/// The rare cases (about 1%): a point in the base strip's tail or a strip's wedge, and
/// what follows a rejection (a fresh draw, from `more`).
#[cold]
#[inline(never)]
fn slow(more: &mut Stream, t: &Tables, mut i: usize, mut x: f64, mut u: f64) -> f64 {
    loop {
        if x.abs() < t.x[i + 1] {
            return x;
        }
        if i == 0 {
            // the tail beyond r (Marsaglia 1964)
            loop {
                let a = -(1.0 - unit(more.next())).ln() / R;
                let b = -(1.0 - unit(more.next())).ln();
                if 2.0 * b > a * a {
                    return if u < 0.0 { -(R + a) } else { R + a };
                }
            }
        }
        let y = t.f[i] + unit(more.next()) * (t.f[i + 1] - t.f[i]);
        if y < (-0.5 * x * x).exp() {
            return x;
        }
        (i, u) = strip_and_unit(more.next());
        x = u * t.x[i];
    }
}

/// Fills `out` with the N(0, σ²) numbers at positions start, start + step, … of `key`.
pub fn fill(key: u64, start: u64, step: u64, sigma: f64, out: &mut [f64]) {
    let mut idx = start;
    for o in out.iter_mut() {
        *o = sigma * normal_at(key, idx);
        idx = idx.wrapping_add(step);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use statrs::distribution::{ContinuousCDF, Normal};

    #[test]
    fn moments_and_distribution_are_the_standard_normal() {
        let n = 2_000_000;
        let mut v = vec![0.0; n];
        fill(42, 0, 1, 1.0, &mut v);
        let mean = v.iter().sum::<f64>() / n as f64;
        let var = v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        let kurt = v.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n as f64 / (var * var);
        // standard errors: 1/√n = 7e-4, √(2/n) = 1e-3, √(24/n) = 3.5e-3
        assert!(mean.abs() < 4e-3 && (var - 1.0).abs() < 5e-3 && (kurt - 3.0).abs() < 2e-2, "{mean} {var} {kurt}");
        // Kolmogorov-Smirnov against Φ: the 1% critical value is 1.63/√n = 1.2e-3
        v.sort_by(f64::total_cmp);
        let phi = Normal::standard();
        let d = v
            .iter()
            .enumerate()
            .map(|(k, x)| {
                let c = phi.cdf(*x);
                (c - k as f64 / n as f64).abs().max(((k + 1) as f64 / n as f64 - c).abs())
            })
            .fold(0.0f64, f64::max);
        assert!(d < 1.2e-3, "KS distance {d}");
        // the tail beyond r is drawn: P(|Z| > 3.65) = 2.6e-4, about 520 of 2e6
        let tail = v.iter().filter(|x| x.abs() > R).count();
        assert!((400..650).contains(&tail), "{tail}");
    }
}
