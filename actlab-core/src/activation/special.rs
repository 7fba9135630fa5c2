//! Building blocks shared by the activations: constants as double-doubles, the
//! exponential split as mantissa × 2^k (so that products never underflow early),
//! a double-double exponential for the windows where formulas cancel, the logistic
//! function in parts, and the normal CDF with its argument carried in two doubles.

use super::dd::DD;
use super::erfc::{erfc_dd, erfc_exp_dd};
use super::exp_table::{EXP_J64, INV_FACT};

pub const LN2: DD = DD::new(std::f64::consts::LN_2, 2.3190468138462996e-17);
pub const INV_SQRT2: DD = DD::new(std::f64::consts::FRAC_1_SQRT_2, -4.833646656726457e-17);
pub const INV_SQRT_2PI: DD = DD::new(0.3989422804014327, -2.49232720227773e-17);
pub const INV_SQRT_PI: DD = DD::new(0.5641895835477563, 7.66772980658294e-18);

/// 2^k for k in the normal range.
#[inline]
pub fn pow2(k: i32) -> f64 {
    debug_assert!((-1022..=1023).contains(&k));
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// m · 2^k with a single rounding at the end (into the subnormals if need be).
#[inline]
pub fn finish(m: DD, k: i32) -> f64 {
    if k == 0 {
        m.to_f64()
    } else if (-1000..=1000).contains(&k) && m.hi.abs() >= 1e-6 && m.hi.abs() < 1e6 {
        m.to_f64() * pow2(k) // exact: the product stays normal
    } else {
        scale_once(m, k)
    }
}

/// m · 2^k rounded once where the result is subnormal: scalbn rounds m.hi into the
/// subnormals, and where that was a tie, m.lo decides (rounding m.hi + m.lo to a
/// double first, then again into the subnormals, is two roundings).
#[cold]
fn scale_once(m: DD, k: i32) -> f64 {
    let r = libm::scalbn(m.hi, k);
    if r.abs() >= f64::MIN_POSITIVE || !r.is_finite() || m.lo == 0.0 || k > 0 {
        return libm::scalbn(m.to_f64(), k);
    }
    // the rounding error of m.hi, exact; half a subnormal ulp in m's units
    let dh = m.hi - libm::scalbn(r, -k);
    let half = libm::scalbn(1.0, -1075 - k);
    if dh.abs() == half && (dh > 0.0) == (m.lo > 0.0) {
        // past the tie in the direction scalbn rounded away from: the other neighbour
        r + f64::from_bits(1).copysign(dh)
    } else {
        r
    }
}

/// `m · 2^k` as a double-double when it is comfortably normal, else the nearest double
/// (tiny values only ever meet 1 + e, where their low part does not matter).
#[inline]
pub fn join(m: DD, k: i32) -> DD {
    if (-1000..=1000).contains(&k) { m.scale(pow2(k)) } else { DD::from(libm::scalbn(m.hi, k)) }
}

/// e^a = m · 2^k with m in [0.7, 2). `precise`: m to ~1e-31 (a table of e^(j/64)
/// and a short series, in double-double); otherwise m to 2^-74 (CORE-MATH's `exp_1`:
/// two tables and a shorter series).
pub fn exp_parts(a: DD, precise: bool) -> (DD, i32) {
    if a.hi.is_nan() {
        return (DD::from(f64::NAN), 0);
    }
    if a.hi < -1200.0 {
        // 1 · 2^-1000000: zero once scaled (even after a factor of 1e308), but with the
        // sign of whatever multiplies it (x·Φ(x) for x = -1e6 must give -0, as for x = -40)
        return (DD::ONE, -1_000_000);
    }
    if a.hi > 1200.0 {
        return (DD::from(f64::INFINITY), 0);
    }
    if !precise {
        // exp_1 reduces the argument itself. Normalised (|l| < ulp(h): one fast
        // two-sum), so that m.hi is the nearest double (callers may use it alone)
        let ((h, l), k) = super::erfc::exp_1_parts(a.hi, a.lo);
        let s = h + l;
        return (DD::new(s, l - (s - h)), k as i32);
    }
    let k = round_int(a.hi * std::f64::consts::LOG2_E);
    let (t, j) = split64(a - LN2 * k);
    (EXP_J64[j] * (expm1_small(t) + 1.0), k as i32)
}

/// The nearest integer to v (|v| < 2^51), without a libm call.
#[inline]
pub(crate) fn round_int(v: f64) -> f64 {
    const MAGIC: f64 = 6755399441055744.0; // 1.5 * 2^52
    (v + MAGIC) - MAGIC
}

/// r = j/64 + t with |t| <= 1/128: (t, the index of e^(j/64) in EXP_J64). |r| <= 0.36.
#[inline]
fn split64(r: DD) -> (DD, usize) {
    let j = round_int(r.hi * 64.0);
    (r - j / 64.0, (j as i64 + 23) as usize)
}

/// e^t - 1 for |t| <= 1/128, to about 1e-32 relative: the series to t^11, the terms
/// from t^7 on (below 4e-19) in plain doubles, the rest in double-double.
#[inline]
fn expm1_small(t: DD) -> DD {
    let h = t.hi;
    let q = 1.0 / 5040.0 + h * (1.0 / 40320.0 + h * (1.0 / 362880.0 + h * (1.0 / 3628800.0 + h * (1.0 / 39916800.0))));
    let mut p = DD::from(q);
    for c in INV_FACT[1..].iter().rev() {
        p = p * t + *c;
    }
    p * t
}

/// e^r - 1 for |r| <= 0.36, to about 1e-31 relative: e^(j/64)(e^t - 1) + (e^(j/64) - 1).
fn expm1_reduced(r: DD) -> DD {
    let (t, j) = split64(r);
    let em = expm1_small(t);
    const J0: usize = 23; // the index of e^0
    if j == J0 { em } else { EXP_J64[j] * em + (EXP_J64[j] - 1.0) }
}

/// e^a in double-double (a well inside the normal range).
pub fn exp_dd(a: DD) -> DD {
    let (m, k) = exp_parts(a, true);
    join(m, k)
}

/// e^a - 1 in double-double, with full relative accuracy near 0.
pub fn expm1_dd(a: DD) -> DD {
    if a.hi.abs() < 0.34 { expm1_reduced(a) } else { exp_dd(a) - 1.0 }
}

/// The series of log(1 + t) from its second term: -1/2, 1/3, …, -1/14 (the
/// coefficients of t², t³, …, t¹⁴).
pub(crate) const LOG1P_SERIES: [f64; 13] = [
    -1.0 / 2.0,
    1.0 / 3.0,
    -1.0 / 4.0,
    1.0 / 5.0,
    -1.0 / 6.0,
    1.0 / 7.0,
    -1.0 / 8.0,
    1.0 / 9.0,
    -1.0 / 10.0,
    1.0 / 11.0,
    -1.0 / 12.0,
    1.0 / 13.0,
    -1.0 / 14.0,
];

/// log(1 + t) in double-double for 0 <= t <= 1 (t = hi + lo), to about 2^-68 relative.
/// Below t = 1/32 the series, its first two terms in double-double and the rest (below
/// 2^-10 of the sum) in doubles; above, core-math's correctly rounded log1p(t.hi) = L and
/// one Newton step L + ((1 + t) - e^L)/e^L with e^L from the two-table exponential
/// (2^-74): L >= 0.03, so its absolute error of 2^-74 is 2^-69 relative.
pub fn log1p_dd(t: DD) -> DD {
    let h = t.hi;
    if h < 0.03125 {
        // t³/3 - t⁴/4 + … - t¹⁴/14: the next term is below 2^-75 of t
        let mut p = 0.0f64;
        for c in LOG1P_SERIES[1..].iter().rev() {
            p = p.mul_add(h, *c);
        }
        return t - t.sqr().scale(0.5) + h * h * h * p;
    }
    let l = core_math::log1p(h);
    let (m, k) = exp_parts(DD::from(l), false);
    let e = join(m, k);
    let r = (t + 1.0) - e;
    DD::from(l) + r.hi / e.hi
}

/// e^x - 1 in double-double to about 2^-66 relative, cheaply: the series below
/// |x| = 2^-8 (x + x²/2 exact in two doubles, the rest, below 2^-9 of it, in doubles);
/// above, the two-table exponential (2^-74) minus 1, which loses at most 8 bits there.
pub fn expm1_fast(x: f64) -> DD {
    if x.abs() < 0.00390625 {
        let (p, e) = super::dd::two_prod(x, x);
        let tail = x
            * x
            * x
            * (1.0 / 6.0 + x * (1.0 / 24.0 + x * (1.0 / 120.0 + x * (1.0 / 720.0 + x * (1.0 / 5040.0 + x / 40320.0)))));
        return DD::from(x) + DD::new(p, e).scale(0.5) + tail;
    }
    let (m, k) = exp_parts(DD::from(x), false);
    expm1_from(m, k)
}

/// e^x - 1 from e^x = m·2^k (what `expm1_fast` gives above 2^-8).
#[inline]
pub fn expm1_from(m: DD, k: i32) -> DD {
    join(m, k) - 1.0
}

/// tanh(a) in double-double, for |a| up to a few units.
pub fn tanh_dd(a: f64) -> DD {
    let em = expm1_dd(DD::from(2.0 * a));
    em / (em + 2.0)
}

/// The logistic function in parts: σ(z) = mant · 2^k and σ(-z) = neg.
pub struct Logistic {
    pub mant: DD,
    pub k: i32,
    pub neg: DD,
}

impl Logistic {}

/// σ(z) and σ(-z) for z = hi + lo. Precise: the exponential in double-double.
pub fn logistic(z: DD, precise: bool) -> Logistic {
    if z.hi >= 0.0 {
        let (m, k) = exp_parts(-z, precise);
        let e = join(m, k);
        let inv = (e + 1.0).recip_fast();
        Logistic { mant: inv, k: 0, neg: e * inv }
    } else {
        let (m, k) = exp_parts(z, precise);
        let e = join(m, k);
        let inv = (e + 1.0).recip_fast();
        Logistic { mant: m * inv, k, neg: inv }
    }
}

/// The correctly rounded value of x/2 + (a positive amount far below the last bit):
/// what f(x) = x/2 + c x^2 (c > 0) rounds to for tiny x, ties going up.
#[inline]
pub fn half_plus(x: f64) -> f64 {
    if x == 0.0 {
        return x;
    }
    let h = x * 0.5;
    let other = x - h;
    if other > h { other } else { h }
}

/// Below this x, Φ(x) leaves the normal range: use the scaled tail.
pub const NCDF_TAIL: f64 = -37.4; // -x/√2 < erfc::ASYMPT_MAX

/// Φ(x) = erfc(-x/√2)/2 for x >= NCDF_TAIL, as a double-double to about 2^-59
/// relative or better (see `erfc`): the argument -x/√2 is carried as hi + lo into
/// erfc, and nothing is rounded.
#[inline]
pub fn ncdf(x: f64) -> DD {
    let (h, l) = ncdf_dd(x);
    DD::new(h, l)
}

/// -x/√2 to 2^-106, as (hi, lo).
#[inline(always)]
fn minus_x_over_sqrt2(x: f64) -> (f64, f64) {
    let uh = -x * INV_SQRT2.hi;
    (uh, (-x).mul_add(INV_SQRT2.hi, -uh) + (-x) * INV_SQRT2.lo)
}

/// Φ(x) as `ncdf`, in two doubles (hi, lo) not normalised. Plain arithmetic, no
/// checks: the hot path of GELU.
#[inline(always)]
pub fn ncdf_dd(x: f64) -> (f64, f64) {
    let (uh, ul) = minus_x_over_sqrt2(x);
    let (h, l) = erfc_dd(uh, ul);
    (0.5 * h, 0.5 * l)
}

/// Φ(x) as `ncdf_dd`, and e^(-x²/2) to 2^-74 (0 for x > 37.5), each as (hi, lo).
#[inline(always)]
pub fn ncdf_pdf(x: f64) -> ((f64, f64), (f64, f64)) {
    let (uh, ul) = minus_x_over_sqrt2(x);
    let ((h, l), e) = erfc_exp_dd(uh, ul);
    ((0.5 * h, 0.5 * l), e)
}

/// For x < NCDF_TAIL: e^(-x²/2) = m · 2^k and erfcx(u)/2 with u = -x/√2, so that
/// Φ(x) = m · 2^k · erfcx(u)/2 (asymptotic series, exact to double-double level for u > 26).
pub fn ncdf_tail(x: f64) -> (DD, i32, DD) {
    let u = INV_SQRT2 * (-x);
    let (m, k) = exp_parts(-DD::from(x).sqr().scale(0.5), true);
    let t = 1.0 / (2.0 * u.hi * u.hi);
    let mut inner = 1.0;
    for n in (1..=8).rev() {
        inner = 1.0 - (2 * n + 1) as f64 * t * inner;
    }
    let s = DD::ONE - t * inner;
    (m, k, s * INV_SQRT_PI / u * 0.5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_dd_matches_known_digits() {
        // e = 2.718281828459045 + 1.4456468917292502e-16
        let e = exp_dd(DD::ONE);
        assert_eq!(e.hi, std::f64::consts::E);
        assert!((e.lo - 1.4456468917292502e-16).abs() < 1e-30);
    }

    #[test]
    fn exp_dd_times_exp_dd_of_minus_is_one() {
        for i in -4000..=4000 {
            let a = DD::from(i as f64 * 0.01 * 1.000_000_3);
            let one = exp_dd(a) * exp_dd(-a) - 1.0;
            assert!(one.hi.abs() < 1e-30, "e^{:?}: {:?}", a.hi, one);
        }
    }

    #[test]
    fn expm1_small() {
        let v = expm1_dd(DD::from(1e-10));
        assert_eq!(v.hi, 1.00000000005e-10);
    }

    #[test]
    fn half_plus_rounds_ties_up() {
        assert_eq!(half_plus(5e-324), 5e-324);
        assert_eq!(half_plus(-5e-324), 0.0);
        assert_eq!(half_plus(3.0), 1.5);
    }
}
