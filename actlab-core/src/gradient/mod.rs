//! Gradient chains: backpropagation multiplies local derivatives layer after layer.
//! [`scalar`] follows one unit through DEPTH layers (pre-activations fixed, from a
//! forward pass, or random); [`matrix`] pushes a gradient vector back through random
//! N×N layers; [`clip`] rescales a gradient. Products are carried as mantissa and
//! binary exponent, so 0.25^1000 = 10^-602.06 is exact, never 0.

pub mod clip;
pub mod dense;
pub mod forward;
pub mod matrix;
pub mod normal;
pub mod scalar;
pub mod xor;

/// A product that never under- or overflows: (m + ml) · 2^e. `m` is kept in
/// [2^-200, 2^200] in magnitude between renormalisations (or is 0, ±inf, NaN): what
/// is read from it is first normalised to 0.5 <= |m| < 1 ([`norm`](Self::norm)).
#[derive(Clone, Copy, Debug)]
pub struct BigProduct {
    /// The mantissa in two doubles: the product of a million factors keeps its digits
    /// (one multiplication error of 1e-32, not 1e-16).
    m: f64,
    ml: f64,
    e: i64,
}

/// The biased exponent field of a double (0 for 0 and subnormals, 0x7ff for inf, NaN).
#[inline]
fn biased_exp(x: f64) -> i64 {
    ((x.to_bits() >> 52) & 0x7ff) as i64
}

impl PartialEq for BigProduct {
    fn eq(&self, o: &Self) -> bool {
        let (a, b) = (self.norm(), o.norm());
        a.m == b.m && a.ml == b.ml && a.e == b.e
    }
}

impl BigProduct {
    /// The empty product, 1.
    pub const ONE: BigProduct = BigProduct { m: 0.5, ml: 0.0, e: 1 };

    /// The same product with 0.5 <= |m| < 1 (0, ±inf and NaN as they are). Scaling by
    /// a power of two is exact, so this changes no value.
    #[inline]
    pub fn norm(&self) -> BigProduct {
        let be = biased_exp(self.m);
        if be == 1022 || be == 0 || be == 0x7ff {
            return *self; // normalised already, or 0 (m is never subnormal), inf, NaN
        }
        let me = be - 1022; // m = m'·2^me with |m'| in [0.5, 1)
        let scale = f64::from_bits(((1023 - me) as u64) << 52); // 2^-me, |me| <= 201
        BigProduct { m: self.m * scale, ml: self.ml * scale, e: self.e + me }
    }

    /// Multiply by a factor (0, inf and nan are kept as they are).
    #[inline]
    pub fn mul(&mut self, f: f64) {
        // the usual case: f and m normal and not huge, so m·f is normal and exact in
        // two doubles (the same operations on m·2^s give the result times 2^s exactly,
        // so deferring the renormalisation changes no bit); m is renormalised only when
        // it leaves [2^-200, 2^200], which keeps the multiplication's latency short
        // from layer to layer
        let fe = biased_exp(f);
        if (823..=1223).contains(&fe) && (823..=1223).contains(&biased_exp(self.m)) {
            self.mul_exact(f);
            return;
        }
        *self = self.norm();
        if (123..=1900).contains(&fe) && self.m != 0.0 && self.m.is_finite() {
            // |m| in [0.5, 1) and f not huge: m·f is normal, exact in two doubles
            self.mul_exact(f);
            *self = self.norm();
            return;
        }
        self.mul_slow(f);
    }

    /// m·f in two doubles, exact but for the low part's product (m·f normal), not
    /// renormalised.
    #[inline]
    fn mul_exact(&mut self, f: f64) {
        let (p, err) = crate::activation::dd::two_prod(self.m, f);
        let (hi, lo) = crate::activation::dd::two_sum(p, err + self.ml * f);
        self.m = hi;
        self.ml = lo;
    }

    /// A factor outside the fast path's range (tiny, huge, 0, ±inf, NaN): as a product
    /// of its own (frexp keeps 0, ±inf and NaN as the mantissa).
    #[cold]
    fn mul_slow(&mut self, f: f64) {
        let (m, e) = libm::frexp(f);
        self.mul_big(&BigProduct { m, ml: 0.0, e: e as i64 });
    }

    /// m·f^n for n >= 1, by squaring: what n more `mul(f)` give, to a few roundings of
    /// two doubles (a chain whose layers repeat: every factor the same).
    pub fn mul_pow(&mut self, f: f64, mut n: u64) {
        let mut base = BigProduct::ONE;
        base.mul(f);
        while n > 0 {
            if n & 1 == 1 {
                self.mul_big(&base);
            }
            n >>= 1;
            if n > 0 {
                let b = base;
                base.mul_big(&b);
            }
        }
    }

    /// self · o.
    fn mul_big(&mut self, o: &BigProduct) {
        *self = self.norm();
        let o = &o.norm();
        if self.m == 0.0 || !self.m.is_finite() || o.m == 0.0 || !o.m.is_finite() {
            self.m *= o.m;
            self.ml = 0.0;
            return;
        }
        let (p, err) = crate::activation::dd::two_prod(self.m, o.m);
        let (hi, lo) = crate::activation::dd::two_sum(p, err + self.m * o.ml + self.ml * o.m);
        let (mm, me) = libm::frexp(hi);
        self.m = mm;
        self.ml = libm::ldexp(lo, -me);
        self.e += o.e + me as i64;
    }

    /// |product| < 1e-6, cheaply: the binary exponent decides, and in the one binade
    /// where it does not, the mantissa against 1e-6·2^19 (log10 only within 1e-12 of it).
    #[inline]
    pub fn below(&self) -> bool {
        match self.binade() {
            Some(..=-20) => true, // |m·2^e| < 2^-20 < 1e-6
            Some(-19) => self.mantissa_above(0.524288).map_or_else(|| self.log10_approx() < VANISH, |a| !a), // 1e-6·2^19
            Some(_) => false,                                                                                // >= 2^-19
            None => self.log10_approx() < VANISH,
        }
    }

    /// |product| > 1e6, the same way (1e6·2^-20 = 0.95367431640625 exactly).
    #[inline]
    pub fn above(&self) -> bool {
        match self.binade() {
            Some(21..) => true, // >= 2^20 > 1e6
            Some(20) => self.mantissa_above(0.95367431640625).unwrap_or_else(|| self.log10_approx() > EXPLODE),
            Some(_) => false, // < 2^19
            None => self.log10_approx() > EXPLODE,
        }
    }

    /// e with |product| in [2^(e-1), 2^e) (None for 0, ±inf, NaN), from the bits.
    #[inline]
    fn binade(&self) -> Option<i64> {
        let be = biased_exp(self.m);
        if be == 0 || be == 0x7ff { None } else { Some(self.e + be - 1022) }
    }

    /// Whether the normalised |m| is above `t`; None within 1e-12 of it (the caller
    /// asks the logarithm, as it always did).
    #[inline]
    fn mantissa_above(&self, t: f64) -> Option<bool> {
        let m = f64::from_bits((self.m.to_bits() & ((1u64 << 52) - 1)) | (1022u64 << 52));
        if (m - t).abs() > 1e-12 { Some(m > t) } else { None }
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
        let n = self.norm();
        let (m, ml, e) = (n.m.abs(), n.ml * n.m.signum(), n.e);
        // log10 |m·2^e| = (e + log2 |m|)·log10 2: the exponent and log2 of the mantissa
        // (correctly rounded, plus the low part's first-order term) summed exactly in
        // two doubles, times log10 2 in two doubles, rounded once
        const L2: (f64, f64) = (std::f64::consts::LOG10_2, -2.803_728_127_785_170_4e-18);
        let lg = core_math::log2(m) + ml / (m * std::f64::consts::LN_2);
        let (s, t) = crate::activation::dd::two_sum(e as f64, lg);
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
        let n = self.norm();
        n.m.abs().log10() + n.e as f64 * std::f64::consts::LOG10_2
    }

    /// The nearest double (0 or ±inf outside the range).
    pub fn to_f64(&self) -> f64 {
        if !self.m.is_finite() || self.m == 0.0 {
            return self.m;
        }
        let n = self.norm();
        libm::scalbn(n.m + n.ml, n.e.clamp(-3000, 3000) as i32)
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
    /// Record layer k's product; true if this layer is a first crossing. The same
    /// verdicts as [`update`](Self::update) with its log10, without the logarithm.
    #[inline]
    pub fn update_product(&mut self, k: u64, p: &BigProduct) -> bool {
        if p.m.is_nan() || p.m == 0.0 || p.m.is_infinite() {
            return self.update(k, p.log10_approx());
        }
        let mut first = false;
        if self.vanished_at.is_none() && p.below() {
            self.vanished_at = Some(k);
            first = true;
        }
        if self.exploded_at.is_none() && p.above() {
            self.exploded_at = Some(k);
            first = true;
        }
        first
    }

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

    /// The first layer after k that is shown whether or not a threshold is crossed
    /// there (at most `depth`).
    pub fn next_after(&self, k: u64, depth: u64) -> u64 {
        let next = match *self {
            Show::All => k + 1,
            Show::Every(n) => (k / n + 1).saturating_mul(n),
            Show::Default if k < 10 => k + 1,
            Show::Default => {
                let mut p = 10u64;
                loop {
                    if let Some(c) = [p, 2 * p, 5 * p].into_iter().find(|c| *c > k) {
                        break c;
                    }
                    match p.checked_mul(10) {
                        Some(q) => p = q,
                        None => break u64::MAX,
                    }
                }
            }
        };
        next.min(depth)
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
    fn the_next_shown_layer_is_the_one_shows_names() {
        for show in [Show::Default, Show::Every(7), Show::All] {
            for k in 0..5000 {
                let next = (k + 1..=5000).find(|j| show.shows(*j, 5000, false)).unwrap();
                assert_eq!(show.next_after(k, 5000), next, "{show:?} after {k}");
            }
        }
    }

    #[test]
    fn a_power_is_the_product_of_its_factors() {
        for f in [0.25, 0.9999990000006667, 1.7, 3e-200, -0.3] {
            let (mut a, mut b) = (BigProduct::ONE, BigProduct::ONE);
            for _ in 0..1000 {
                a.mul(f);
            }
            b.mul_pow(f, 1000);
            assert!((a.log10() - b.log10()).abs() <= 1e-12 * a.log10().abs().max(1.0), "{f}");
            assert_eq!(a.is_negative(), b.is_negative());
        }
    }

    #[test]
    fn layer_selection() {
        let s = Show::Default;
        let shown: Vec<u64> = (1..=1000).filter(|k| s.shows(*k, 1000, false)).collect();
        assert_eq!(shown, vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50, 100, 200, 500, 1000]);
    }
}
