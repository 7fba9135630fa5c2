//! Fast paths that are still correctly rounded (Ziv's strategy): a result is computed
//! in plain doubles with a proven error bound, and kept only when no value within that
//! bound rounds differently; otherwise the caller takes its double-double path. The
//! fast paths are for where a chain of layers spends its time (each layer waits on
//! the value before it): tanh of a small z, softplus and log σ in their tails.

use super::dd::{two_prod, two_sum};
use super::erfc::{INVLOG2, LOG2H, LOG2L, exp_table};
use super::special::{LOG1P_SERIES, pow2, round_int};

/// Error bounds as powers of two: 2^-50, 2^-52, 2^-65, 2^-97.
const E50: f64 = 1.0 / 1125899906842624.0;
const E52: f64 = 1.0 / 4503599627370496.0;
const E65: f64 = 1.0 / 36893488147419103232.0;
const E97: f64 = 1.0 / 158456325028528675187087900672.0;

/// `hi` if every value within `err` of `hi + lo` rounds to `hi` (`hi = fl(hi + lo)`,
/// `lo` exact). Conservative: a power of two is given a quarter of its ulp on both
/// sides, and tiny, subnormal or non-finite results take no shortcut.
#[inline(always)]
pub fn sure(hi: f64, lo: f64, err: f64) -> Option<f64> {
    let bits = hi.to_bits() & !(1u64 << 63);
    let be = bits >> 52;
    if !(60..0x7ff).contains(&be) {
        return None;
    }
    // half an ulp of hi, 2^(e-53); a quarter when hi is a power of two (its ulp below
    // is half the one above)
    let quarter = bits & ((1u64 << 52) - 1) == 0;
    let half = f64::from_bits((be - 53 - quarter as u64) << 52);
    // |lo| + err <= half·(1 - 2^-20) in doubles: the exact sum is then below half
    if lo.abs() + err <= half * (1.0 - 1.0 / 1048576.0) { Some(hi) } else { None }
}

/// e^x = m·2^k, m in [0.99, 2.01], with relative error below 2^-52.9 (|x| <= 700):
/// CORE-MATH's reduction x = (k + r·2^12/ln 2)·ln 2/2^12 with |r| <= 2^-13.5,
/// 2^(k mod 2^12 / 2^12) from its two tables (their product in two doubles, to
/// 2^-104), e^r - 1 by its series to r³ (the rest below 2^-58.7).
///
/// Error: r by two fused multiply-adds is within 2^-66 of exact; the series' roundings
/// are below 2^-66; T·(1 + p) = T.hi + (T.hi·p + T.lo) rounds twice (2^-65, then half
/// an ulp): in all, below 2^-53 + 2^-58.6 < 2^-52.9. One reduction and a short series:
/// a chain of layers waits on each exponential in turn.
#[inline(always)]
pub fn exp_approx(x: f64) -> (f64, i32) {
    let k = round_int(x * INVLOG2);
    let r = (-k).mul_add(LOG2H, x);
    let r = (-k).mul_add(LOG2L, r);
    let kk = k as i64;
    let (th, tl) = exp_table(kk);
    let p = (r * r).mul_add(r.mul_add(1.0 / 6.0, 0.5), r);
    (th + th.mul_add(p, tl), (kk >> 12) as i32)
}

/// softplus(a) = a + log(1 + e^-a) and σ(a) = 1/(1 + e^-a) for 3.5 <= a <= 700, when
/// the fast path is sure of both.
#[inline(always)]
pub fn softplus_tail(a: f64) -> Option<(f64, f64)> {
    let (v, e) = softplus_tail_value(a)?;
    Some((v, sigmoid_tail(e)?))
}

/// softplus(a) for 3.5 <= a <= 700 when the fast path is sure of it, and e = e^-a (to
/// 2^-52.9) for σ. e <= 1/33: log(1 + e) by its series.
///
/// Error: e within 2^-52.9 relative; log(1 + e) = e + e²·q(e) to e^12 (the rest below
/// 2^-60 of it), its roundings within 2^-52.9 of it, so within 2^-51.2 in all: 2^-50
/// is claimed. Below e = 2^-12 the series stops at e³ and the bound grows by e⁴.
#[inline(always)]
pub fn softplus_tail_value(a: f64) -> Option<(f64, f64)> {
    if !(3.5..=700.0).contains(&a) {
        return None;
    }
    let (m, k) = exp_approx(-a);
    let e = m * pow2(k);
    let e2 = e * e;
    if e < 1.0 / 4096.0 {
        // e - e²/2 + e³/3, the rest (below e⁴/4) added to the bound: a shorter wait
        // where a chain's softplus layers spend their time (e ~ 1/k)
        let l = e2.mul_add((1.0 / 3.0f64).mul_add(e, -0.5), e);
        let (s, t) = two_sum(a, l);
        return Some((sure(s, t, l * E50 + e2 * e2)?, e));
    }
    let e4 = e2 * e2;
    // q = -1/2 + e/3 - e²/4 + … - e^10/12: log(1 + e) = e + e²·q
    const C: &[f64] = &LOG1P_SERIES;
    let pair = |i: usize| C[i + 1].mul_add(e, C[i]);
    let q0 = e2.mul_add(pair(2), pair(0));
    let q1 = e2.mul_add(pair(6), pair(4));
    let q2 = e2.mul_add(C[10], pair(8));
    let q = (e4 * e4).mul_add(q2, e4.mul_add(q1, q0));
    let l = e2.mul_add(q, e);
    let (s, t) = two_sum(a, l);
    Some((sure(s, t, l * E50)?, e))
}

/// σ(a) = 1/(1 + e) from e = e^-a within 2^-52 (e <= 1/33): 1 + e exact in two
/// doubles, the quotient and one correction (to 2^-100); e's error moves σ by at most
/// e·2^-52.
#[inline(always)]
pub fn sigmoid_tail(e: f64) -> Option<f64> {
    let (sh, sl) = two_sum(1.0, e);
    let d0 = 1.0 / sh;
    let r = (-d0).mul_add(sh, 1.0) - d0 * sl;
    let (dh, dl) = two_sum(d0, d0 * r);
    sure(dh, dl, e * E52 + 1e-30)
}

/// tanh(x) for 2^-500 <= |x| < 2^-7: x + x³·p(x²), the series to x^11 (the rest is
/// below 2^-84 of x); x³·p is below 2^-14/3 of x and within 2^-51 of itself, so the
/// sum is within 2^-65 of x of the exact value.
#[inline]
pub fn tanh_small(x: f64) -> Option<f64> {
    let a = x.abs();
    if !(1e-150..0.0078125).contains(&a) {
        return None;
    }
    let x2 = x * x;
    let p = x2.mul_add(
        x2.mul_add(x2.mul_add(x2.mul_add(-1382.0 / 155925.0, 62.0 / 2835.0), -17.0 / 315.0), 2.0 / 15.0),
        -1.0 / 3.0,
    );
    let c = x * x2 * p;
    let (s, t) = two_sum(x, c);
    sure(s, t, a * E65)
}

/// √(x² + b) as s + sl (to 2^-102 relative) for 2^-480 <= x <= 2^500 and 0 <= b <=
/// 2^900: x² + b in two doubles (x² exact by a fused multiply-add), its square root and
/// one Newton correction, whose residual is exact but for roundings of 2^-104 of it.
#[inline]
fn sqrt_x2_plus(x: f64, b: f64) -> (f64, f64) {
    let (p, pe) = two_prod(x, x);
    let (a1, a2) = two_sum(p, b);
    let a3 = a2 + pe; // x² + b = a1 + a3 to 2^-106
    let s = a1.sqrt();
    let (q, qe) = two_prod(s, s);
    let d = (a1 - q) + (a3 - qe); // a1 - q exact (Sterbenz)
    (s, d / (2.0 * s))
}

/// squareplus(x) = (x + √(x² + b))/2 and its derivative (1 + x/√(x² + b))/2 for
/// 2^-480 <= |x| <= 2^500, 0 <= b <= 2^900, when the fast path is sure of both; for
/// x < 0 as b/(2(s + |x|)) and b/(2s(s + |x|)), without the cancellation of x + s.
/// Every step is exact or within 2^-100 of its value, so the bound is 2^-97 of each.
#[inline]
pub fn squareplus_fast(x: f64, b: f64, want_deriv: bool) -> Option<(f64, f64)> {
    let a = x.abs();
    if !((8.0e-145..=3.0e150).contains(&a) && (0.0..=8.0e270).contains(&b)) {
        return None;
    }
    if x > 0.0
        && let Some(both) = squareplus_far(x, b, want_deriv)
    {
        return Some(both);
    }
    let (s, sl) = sqrt_x2_plus(a, b);
    let (h, l) = two_sum(a, s);
    let l = l + sl; // |x| + √(x² + b) = h + l
    if x < 0.0 {
        let bh = b * 0.5;
        let v = sure_quotient(bh, h, l)?;
        if !want_deriv {
            return Some((v, f64::NAN));
        }
        // s·(|x| + s) in two doubles
        let (ph, pl) = two_prod(s, h);
        let pl = pl + s.mul_add(l, sl * h);
        if !ph.is_finite() {
            return None;
        }
        return Some((v, sure_quotient(bh, ph, pl)?));
    }
    let (vh, vl) = two_sum(h, l);
    let v = sure(vh * 0.5, vl * 0.5, (x + s) * E97)?;
    if !want_deriv {
        return Some((v, f64::NAN));
    }
    let (q0, q1) = quotient(x, s, sl);
    let (h, l) = two_sum(1.0, q0);
    let (dh, dl) = two_sum(h, l + q1);
    Some((v, sure(dh * 0.5, dl * 0.5, E97)?))
}

/// squareplus and its derivative for x > 0 far beyond √b (u = b/x² < 2^-20, where a
/// chain's squareplus layers spend their time): by the series in u, no square root,
/// one division. (1 + √(1 + u))/2 = 1 + u/4 - u²/16 + u³/32 - …, so the value is
/// x + (b/x)(1/4 - u/16 + u²/32); (1 + 1/√(1 + u))/2 = 1 - u(1/4 - 3u/16 + 5u²/32) + ….
/// The terms left out are below 2^-82 of each; 1/x, b/x and u round three times and the
/// series twice more: each correction is within 5·2^-53 < 2^-50.6 of itself.
#[inline]
fn squareplus_far(x: f64, b: f64, want_deriv: bool) -> Option<(f64, f64)> {
    let r = 1.0 / x;
    let w = b * r;
    let u = w * r;
    if u >= 1.0 / 1048576.0 {
        return None;
    }
    let c = w * (u * u).mul_add(1.0 / 32.0, u.mul_add(-1.0 / 16.0, 0.25));
    let (vh, vl) = two_sum(x, c);
    let v = sure(vh, vl, c * E50 + 1e-300)?;
    if !want_deriv {
        return Some((v, f64::NAN));
    }
    let d = u * u.mul_add(u.mul_add(5.0 / 32.0, -3.0 / 16.0), 0.25);
    let (dh, dl) = two_sum(1.0, -d);
    Some((v, sure(dh, dl, d * E50 + 1e-300)?))
}

/// n / (dh + dl) in two doubles, q0 + q1: the quotient, its exact remainder (one fused
/// multiply-add) and one correction, to 2^-100 for a denominator that is.
#[inline]
fn quotient(n: f64, dh: f64, dl: f64) -> (f64, f64) {
    let q0 = n / dh;
    (q0, ((-q0).mul_add(dh, n) - q0 * dl) / dh)
}

/// n / (dh + dl) for n >= 0 and a denominator within 2^-100 of exact, kept if sure to
/// within 2^-97.
#[inline]
fn sure_quotient(n: f64, dh: f64, dl: f64) -> Option<f64> {
    let (q0, q1) = quotient(n, dh, dl);
    let (vh, vl) = two_sum(q0, q1);
    sure(vh, vl, q0 * E97)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::dd::DD;
    use crate::activation::funcs::logistic;
    use crate::activation::special::finish;
    use rand::{RngExt, SeedableRng};

    /// The fast paths against the double-double ones (correctly rounded on the mpmath
    /// fixture): wherever a fast path answers, it must give the same bits.
    #[test]
    fn fast_paths_agree_with_the_double_double_paths() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(21);
        let (mut answered, mut total) = (0u32, 0u32);
        for i in 0..400_000 {
            // uniform on [3.5, 40], log-uniform up to 700, and near 3.5
            let a = match i % 3 {
                0 => rng.random_range(3.5..40.0),
                1 => (rng.random_range(3.5f64.ln()..700f64.ln())).exp(),
                _ => rng.random_range(3.5..3.6),
            };
            total += 1;
            if let Some((v, d)) = softplus_tail(a) {
                answered += 1;
                // the double-double paths themselves (softplus' = σ takes no fast path)
                let (m, k) = logistic::softplus_parts(DD::from(a));
                assert_eq!(v.to_bits(), finish(m, k).to_bits(), "softplus({a:e})");
                assert_eq!(d.to_bits(), logistic::sigmoid(a, &[]).to_bits(), "softplus'({a:e})");
            }
        }
        assert!(answered > total * 85 / 100, "{answered} of {total}"); // near 3.5 it answers less often
        let (mut answered, mut total) = (0u32, 0u32);
        for i in 0..400_000 {
            let x = match i % 2 {
                0 => rng.random_range(-0.0078125..0.0078125),
                _ => (rng.random_range(1e-150f64.ln()..0.0078125f64.ln())).exp() * if i % 4 == 1 { 1.0 } else { -1.0 },
            };
            total += 1;
            if let Some(v) = tanh_small(x) {
                answered += 1;
                assert_eq!(v.to_bits(), core_math::tanh(x).to_bits(), "tanh({x:e})");
            }
        }
        assert!(answered > total * 9 / 10, "{answered} of {total}");
    }

    #[test]
    fn squareplus_fast_path_agrees_with_the_double_double_path() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(9);
        let (mut answered, mut total) = (0u32, 0u32);
        for i in 0..300_000 {
            let x = match i % 3 {
                0 => rng.random_range(0.0..20.0),
                1 => (rng.random_range(-300f64..340.0)).exp(),
                _ => rng.random_range(1000.0..1e5),
            } * if i % 5 < 2 { -1.0 } else { 1.0 };
            let b = match i % 4 {
                0 => 4.0,
                1 => 0.0,
                2 => rng.random_range(0.0..10.0),
                _ => (rng.random_range(-50f64..600.0)).exp(),
            };
            total += 1;
            if let Some((v, d)) = squareplus_fast(x, b, true) {
                answered += 1;
                let (rv, rd) = logistic::squareplus_dd(x, b);
                assert_eq!(v.to_bits(), rv.to_bits(), "squareplus({x:e}; {b:e})");
                assert_eq!(d.to_bits(), rd.to_bits(), "squareplus'({x:e}; {b:e})");
            }
        }
        // the series far beyond √b was among them (a chain's squareplus layers)
        assert!(squareplus_far(5000.0, 4.0, true).is_some() && squareplus_far(3.0, 4.0, true).is_none());
        // b = 0 with x < 0 gives 0, which takes no shortcut (a tenth of the points)
        assert!(answered > total * 85 / 100, "{answered} of {total}");
    }

    #[test]
    fn the_approximate_exponential_is_within_its_bound() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(5);
        for _ in 0..200_000 {
            let x: f64 = rng.random_range(-700.0..700.0);
            let (m, k) = exp_approx(x);
            // against the double-double exponential (2^-74), both as m·2^k
            let (r, j) = crate::activation::special::exp_parts(crate::activation::dd::DD::from(x), false);
            let got = m * 2f64.powi(k - j); // exact: a power of two
            // the difference in two doubles (got - r.hi is exact: Sterbenz)
            let rel = ((got - r.hi) - r.lo) / r.hi;
            assert!(rel.abs() < 2f64.powi(-52) * 0.54, "e^{x}: {got:e} vs {:e} + {:e}", r.hi, r.lo);
        }
    }

    #[test]
    fn sure_refuses_what_may_round_either_way() {
        let one_ulp = f64::EPSILON;
        assert_eq!(sure(3.0, 0.0, 1e-20), Some(3.0));
        assert_eq!(sure(3.0, one_ulp, 1e-20), None); // at the midpoint
        assert_eq!(sure(3.0, 0.49 * 2.0 * one_ulp, 0.02 * one_ulp), None);
        assert_eq!(sure(3.0, 0.4 * 2.0 * one_ulp, 0.02 * one_ulp), Some(3.0));
        // a power of two: only a quarter of an ulp either way
        assert_eq!(sure(4.0, -0.3 * 4.0 * one_ulp, 0.0), None);
        assert_eq!(sure(f64::INFINITY, 0.0, 0.0), None);
        assert_eq!(sure(1e-300, 0.0, 0.0), None);
    }
}
