//! Gradient chains: backpropagation multiplies local derivatives layer after layer.
//! [`scalar`] follows one unit through DEPTH layers (pre-activations fixed, from a
//! forward pass, or random); [`matrix`] pushes a gradient vector back through random
//! N×N layers; [`clip`] rescales a gradient. Products are carried as mantissa and
//! binary exponent, so 0.25^1000 = 10^-602.06 is exact, never 0.

pub mod clip;
pub mod dense;
pub mod forward;
pub mod matrix;
pub mod scalar;
pub mod xor;

/// A product that never under- or overflows: m · 2^e with 0.5 <= |m| < 1 (or m = 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BigProduct {
    /// The mantissa in two doubles (hi in [0.5, 1) in magnitude): the product of a
    /// million factors keeps its digits (one multiplication error of 1e-32, not 1e-16).
    m: f64,
    ml: f64,
    e: i64,
}

impl BigProduct {
    /// The empty product, 1.
    pub const ONE: BigProduct = BigProduct { m: 0.5, ml: 0.0, e: 1 };

    /// Multiply by a factor (0, inf and nan are kept as they are).
    #[inline]
    pub fn mul(&mut self, f: f64) {
        if self.m == 0.0 || !self.m.is_finite() || f == 0.0 || !f.is_finite() {
            self.m *= f;
            self.ml = 0.0;
            return;
        }
        let (fm, fe) = libm::frexp(f);
        let (p, err) = crate::activation::dd::two_prod(self.m, fm);
        let (hi, lo) = crate::activation::dd::two_sum(p, err + self.ml * fm);
        let (mm, me) = libm::frexp(hi);
        self.m = mm;
        self.ml = libm::ldexp(lo, -me);
        self.e += fe as i64 + me as i64;
    }

    /// The product is exactly 0.
    pub fn is_zero(&self) -> bool {
        self.m == 0.0
    }

    /// log10 |product| (-inf for 0), rounded once: log10 of the mantissa and e·log10 2
    /// are summed in two doubles (a plain sum is 24 ulp off where the factors are near 1).
    pub fn log10(&self) -> f64 {
        if self.m == 0.0 {
            return f64::NEG_INFINITY;
        }
        if !self.m.is_finite() {
            return self.m.abs();
        }
        // log10 |m·2^e| = (e + log2 |m|)·log10 2: the exponent and log2 of the mantissa
        // (correctly rounded, plus the low part's first-order term) summed exactly in
        // two doubles, times log10 2 in two doubles, rounded once
        const L2: (f64, f64) = (std::f64::consts::LOG10_2, -2.803_728_127_785_170_4e-18);
        let m = self.m.abs();
        let lg = core_math::log2(m) + (self.ml * self.m.signum()) / (m * std::f64::consts::LN_2);
        let (s, t) = crate::activation::dd::two_sum(self.e as f64, lg);
        let (p, err) = crate::activation::dd::two_prod(s, L2.0);
        p + (err + t * L2.0 + s * L2.1)
    }

    /// log10 |product| to about 1e-15 absolute, cheaply: for watching thresholds at every
    /// layer ([`log10`](Self::log10) is the rounded-once value, for what is printed).
    #[inline]
    pub fn log10_approx(&self) -> f64 {
        if self.m == 0.0 {
            return f64::NEG_INFINITY;
        }
        if !self.m.is_finite() {
            return self.m.abs();
        }
        self.m.abs().log10() + self.e as f64 * std::f64::consts::LOG10_2
    }

    /// The nearest double (0 or ±inf outside the range).
    pub fn to_f64(&self) -> f64 {
        if !self.m.is_finite() || self.m == 0.0 {
            return self.m;
        }
        let e = self.e.clamp(-3000, 3000) as i32;
        libm::scalbn(self.m + self.ml, e)
    }

    /// The product is negative.
    pub fn is_negative(&self) -> bool {
        self.m < 0.0
    }
}

/// Where a product first left [1e-6, 1e6].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Crossing {
    /// The first layer whose product is NaN (undefined: no verdict after it).
    pub nan_at: Option<u64>,
    /// The first layer below 1e-6.
    pub vanished_at: Option<u64>,
    /// The first layer above 1e6.
    pub exploded_at: Option<u64>,
    /// The first layer where it is exactly 0 (a dead unit).
    pub zero_at: Option<u64>,
}

/// log10 of the threshold below which a gradient has vanished.
pub const VANISH: f64 = -6.0;
/// log10 of the threshold above which a gradient has exploded.
pub const EXPLODE: f64 = 6.0;

impl Crossing {
    /// Record layer k's log10 |product|; true if this layer is a first crossing.
    pub fn update(&mut self, k: u64, log10: f64) -> bool {
        let mut first = false;
        if log10.is_nan() && self.nan_at.is_none() {
            self.nan_at = Some(k);
            first = true;
        }
        if log10 == f64::NEG_INFINITY && self.zero_at.is_none() {
            self.zero_at = Some(k);
            first = true;
        }
        if log10 < VANISH && self.vanished_at.is_none() {
            self.vanished_at = Some(k);
            first = true;
        }
        if log10 > EXPLODE && self.exploded_at.is_none() {
            self.exploded_at = Some(k);
            first = true;
        }
        first
    }
}

/// Which layers a table shows: the first ten, a 1-2-5 sequence, crossings, the last.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Show {
    /// The first ten, then 20, 50, 100, 200, …, threshold crossings and the last.
    Default,
    /// Every n-th layer, crossings and the last.
    Every(u64),
    /// Every layer.
    All,
}

impl Show {
    /// Whether layer k of `depth` is shown (`crossing`: a threshold is crossed there).
    pub fn shows(&self, k: u64, depth: u64, crossing: bool) -> bool {
        if k == depth || crossing {
            return true;
        }
        match *self {
            Show::All => true,
            Show::Every(n) => k.is_multiple_of(n),
            Show::Default => k <= 10 || is_125(k),
        }
    }
}

/// 10, 20, 50, 100, 200, 500, 1000, ...
pub(crate) fn is_125(k: u64) -> bool {
    let mut p = 10u64;
    while p <= k {
        if k == p || k == 2 * p || k == 5 * p {
            return true;
        }
        p = p.saturating_mul(10);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarter_to_the_thousand_is_exact() {
        let mut p = BigProduct::ONE;
        for _ in 0..1000 {
            p.mul(0.25);
        }
        assert_eq!(p.to_f64(), 0.0);
        assert!((p.log10() + 602.0599913279624).abs() < 1e-11, "{}", p.log10());
        let mut q = BigProduct::ONE;
        for _ in 0..20 {
            q.mul(0.25);
        }
        assert_eq!(q.to_f64(), 9.094947017729282e-13);
    }

    #[test]
    fn layer_selection() {
        let s = Show::Default;
        let shown: Vec<u64> = (1..=1000).filter(|k| s.shows(*k, 1000, false)).collect();
        assert_eq!(shown, vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100, 200, 500, 1000]);
    }
}
