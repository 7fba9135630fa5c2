//! Sigmoid, tanh and their relatives. σ' is e^-|x| / (1 + e^-|x|)², never σ(1 - σ);
//! tanh' is 4e^-2|x| / (1 + e^-2|x|)², never 1 - tanh²: both keep full relative
//! accuracy in the tails where the textbook forms round to 0.

use crate::activation::dd::{DD, two_prod};
use crate::activation::special::{LN2, exp_parts, finish, join, log1p_dd, logistic, tanh_dd};
use crate::activation::ziv;

pub fn sigmoid(x: f64, _: &[f64]) -> f64 {
    let (m, k) = exp_parts(DD::from(-x.abs()), false);
    sigmoid_from(x, m, k)
}

pub fn d_sigmoid(x: f64, _: &[f64]) -> f64 {
    let (m, k) = exp_parts(DD::from(-x.abs()), false);
    d_sigmoid_from(m, k)
}

/// σ and σ' from one exponential, e^-|x| (bit for bit what `sigmoid` and `d_sigmoid`
/// give: both take that exponential).
pub fn sigmoid_both(x: f64, _: &[f64]) -> (f64, f64) {
    let (m, k) = exp_parts(DD::from(-x.abs()), false);
    (sigmoid_from(x, m, k), d_sigmoid_from(m, k))
}

/// σ(x) from e^-|x| = m·2^k: 1/(1 + e), or e/(1 + e) for x < 0.
#[inline]
fn sigmoid_from(x: f64, m: DD, k: i32) -> f64 {
    let e = join(m, k);
    let inv = (e + 1.0).recip_fast();
    if x >= 0.0 { finish(inv, 0) } else { finish(m * inv, k) }
}

/// σ'(x) = σ(x)σ(-x) = e / (1 + e)² from e^-|x| = m·2^k.
#[inline]
fn d_sigmoid_from(m: DD, k: i32) -> f64 {
    let d = join(m, k) + 1.0; // e in two doubles: its rounding would be squared
    finish(m / d.sqr(), k)
}

pub fn tanh(x: f64, _: &[f64]) -> f64 {
    // a small z (a chain's tanh layers shrink like 1/√k) takes the short series when
    // it is sure of the rounding
    ziv::tanh_small(x).unwrap_or_else(|| core_math::tanh(x))
}

pub fn d_tanh(x: f64, _: &[f64]) -> f64 {
    let a = x.abs();
    if a < 0.0078125 {
        // sech² x = 1 - x² + 2x⁴/3 - 17x⁶/45 + 62x⁸/315 - 1382x¹⁰/14175: 1 - x² exact in
        // two doubles, the rest (below 2^-13) in doubles; the next term is below 2^-84
        let a2 = a * a;
        let tail = a2 * a2 * (2.0 / 3.0 + a2 * (-17.0 / 45.0 + a2 * (62.0 / 315.0 + a2 * (-1382.0 / 14175.0))));
        let (p, e) = two_prod(a, a);
        return (DD::ONE - DD::new(p, e) + tail).to_f64();
    }
    // sech² x = 4e / (1 + e)² with e = e^-2|x|, the factor 4 folded into the exponent
    let (m, k) = exp_parts(DD::from(-2.0 * a) + LN2.scale(2.0), false);
    let d = join(m, k).scale(0.25) + 1.0; // e in two doubles: its rounding would be squared
    finish(m / d.sqr(), k)
}

pub fn softsign(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return x.signum();
    }
    // x / d with d = 1 + |x| in two doubles: a quotient, its remainder exact by fused
    // multiply-adds, one correction (cheaper than a double-double division)
    let (dh, dl) = crate::activation::dd::two_sum(1.0, x.abs());
    let q = x / dh;
    let r = (-q).mul_add(dh, x) - q * dl;
    q + r / dh
}

pub fn d_softsign(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return 0.0;
    }
    (DD::from(x.abs()) + 1.0).recip().sqr().to_f64()
}

/// log(1 + e^z) for z = hi + lo, with e^-|z| = m·2^k already computed (z.hi > 800
/// does not need it): `softplus_parts`, and the fused forms that share e with σ.
fn softplus_parts_with(z: DD, m: DD, k: i32) -> (DD, i32) {
    if z.hi > 0.0 {
        if z.hi > 800.0 {
            return (z, 0); // log(1 + e^-z) < 2^-1100 z
        }
        return (z + log1p_dd(join(m, k)), 0);
    }
    if z.hi < -40.0 {
        // log(1 + e) = e(1 - e/2 + …) with e < 5e-18: the next term is below 2^-110
        let e = libm::scalbn(m.hi, k);
        return (m * (1.0 - 0.5 * e), k);
    }
    (log1p_dd(join(m, k)), 0)
}

/// softplus and its derivative σ(x) from one exponential (β = 1; other β as two calls).
pub fn softplus_both(x: f64, p: &[f64]) -> (f64, f64) {
    if p[0] != 1.0 || x > p[1] || x.is_nan() || x > 800.0 {
        return (softplus(x, p), d_softplus(x, p));
    }
    if let Some(both) = ziv::softplus_tail(x) {
        return both;
    }
    let (m, k) = exp_parts(DD::from(-x.abs()), false);
    let (v, j) = softplus_parts_with(DD::from(x), m, k);
    (finish(v, j), sigmoid_from(x, m, k))
}

/// log σ(x) = -softplus(-x) and its derivative σ(-x) from one exponential.
pub fn log_sigmoid_both(x: f64, p: &[f64]) -> (f64, f64) {
    if x.is_nan() || x < -800.0 {
        return (log_sigmoid(x, p), d_log_sigmoid(x, p));
    }
    if let Some((v, d)) = ziv::softplus_tail(-x) {
        return (-v, d);
    }
    let (m, k) = exp_parts(DD::from(-x.abs()), false);
    let (v, j) = softplus_parts_with(DD::from(-x), m, k);
    (-finish(v, j), sigmoid_from(-x, m, k))
}

/// log(1 + e^z) for z = hi + lo, unrounded: mantissa × 2^k for `finish` (k = 0 but
/// far in the left tail, where the result is e^z(1 - e^z/2) and may be subnormal).
/// z + log(1 + e^-z) for z > 0; the logarithm and the exponential in two doubles, so
/// that the result is rounded once (log1p of a rounded exp rounds twice: 116 of the
/// fixture's 1,412 softplus values were not the nearest double).
pub(crate) fn softplus_parts(z: DD) -> (DD, i32) {
    if z.hi > 800.0 {
        return (z, 0);
    }
    let (m, k) = exp_parts(if z.hi > 0.0 { -z } else { z }, false);
    softplus_parts_with(z, m, k)
}

/// p = [beta, threshold]: (1/β) log(1 + e^(βx)); x itself once βx > threshold
/// (PyTorch's linear cut-over; off by default: threshold = inf).
///
/// βx is carried in two doubles (its rounding would be amplified by e^(βx): up to
/// hundreds of ulps for β = 3), and past βx = 40 the result is x itself (the rest,
/// log(1 + e^-βx)/β, is below half an ulp of x), so a huge x does not overflow βx.
/// The logarithm, the exponential and the division by β are carried unrounded to one
/// final rounding.
pub fn softplus(x: f64, p: &[f64]) -> f64 {
    let (beta, thr) = (p[0], p[1]);
    if beta == 1.0 {
        if x > thr || x.is_nan() {
            return x;
        }
        if let Some((v, _)) = ziv::softplus_tail_value(x) {
            return v;
        }
        let (m, k) = softplus_parts(DD::from(x));
        return finish(m, k);
    }
    let (zh, zl) = two_prod(beta, x);
    if above(zh, zl, thr) || zh > 40.0 {
        return x;
    }
    if zh.is_nan() {
        return f64::NAN;
    }
    let (m, k) = softplus_parts(DD::new(zh, if zl.is_finite() { zl } else { 0.0 }));
    finish(m / beta, k)
}

/// βx > threshold for the exact product βx = zh + zl.
fn above(zh: f64, zl: f64, thr: f64) -> bool {
    zh > thr || (zh == thr && zl > 0.0)
}

/// σ(βx), βx in two doubles.
pub fn d_softplus(x: f64, p: &[f64]) -> f64 {
    let (beta, thr) = (p[0], p[1]);
    if beta == 1.0 {
        return if x > thr { 1.0 } else { sigmoid(x, &[]) };
    }
    let (zh, zl) = two_prod(beta, x);
    if above(zh, zl, thr) || (zh.is_infinite() && zh > 0.0) {
        return 1.0;
    }
    let s = logistic(DD::new(zh, if zl.is_finite() { zl } else { 0.0 }), false);
    finish(s.mant, s.k)
}

pub fn log_sigmoid(x: f64, _: &[f64]) -> f64 {
    if x.is_nan() {
        return x;
    }
    if let Some((v, _)) = ziv::softplus_tail_value(-x) {
        return -v;
    }
    let (m, k) = softplus_parts(DD::from(-x));
    -finish(m, k)
}

pub fn d_log_sigmoid(x: f64, _: &[f64]) -> f64 {
    sigmoid(-x, &[])
}

/// x - tanh x: a series where it cancels like x³/3, double-double up to |x| = 2.5.
pub fn tanhshrink(x: f64, _: &[f64]) -> f64 {
    let a = x.abs();
    let r = if a < 1e-100 {
        // x³/3 underflows: compute on a scaled copy, scale back with one rounding
        let s = a * 2f64.powi(300);
        libm::scalbn((DD::from(s).sqr() * s / 3.0).to_f64(), -900)
    } else if a < 0.05 {
        let a2 = a * a;
        // x³/3 - 2x⁵/15 + 17x⁷/315 - 62x⁹/2835 + 1382x¹¹/155925 - 21844x¹³/6081075 + ...
        let c = [
            -2.0 / 15.0,
            17.0 / 315.0,
            -62.0 / 2835.0,
            1382.0 / 155925.0,
            -21844.0 / 6081075.0,
            929569.0 / 638512875.0,
        ];
        let mut poly = 0.0;
        for ci in c.iter().rev() {
            poly = poly * a2 + ci;
        }
        let a3 = DD::from(a).sqr() * a;
        (a3 / 3.0 + a3.hi * a2 * poly).to_f64()
    } else if a < 2.5 {
        tanhshrink_from_tanh(a, tanh_dd(a))
    } else if a < 400.0 {
        tanhshrink_from_e(a, exp_m2(a))
    } else {
        a - 1.0 // 2e^-2a is below 2^-1100 of it
    };
    if x < 0.0 { -r } else { r }
}

pub fn d_tanhshrink(x: f64, _: &[f64]) -> f64 {
    let a = x.abs();
    if a < 2.5 { d_tanhshrink_from_tanh(tanh_dd(a)) } else { d_tanhshrink_from_e(exp_m2(a)) }
}

/// e^-2a in two doubles (tanhshrink and its derivative above 2.5).
fn exp_m2(a: f64) -> DD {
    let (m, k) = exp_parts(DD::from(-2.0 * a), false);
    join(m, k)
}

/// a - tanh a from tanh a in two doubles.
fn tanhshrink_from_tanh(a: f64, t: DD) -> f64 {
    (DD::from(a) - t).to_f64()
}

/// tanh² a from tanh a in two doubles.
fn d_tanhshrink_from_tanh(t: DD) -> f64 {
    t.sqr().to_f64()
}

/// a - tanh a = (a - 1) + 2e/(1 + e), e = e^-2a in two doubles: one rounding.
fn tanhshrink_from_e(a: f64, e: DD) -> f64 {
    (DD::from(a) - 1.0 + (e / (e + 1.0)).scale(2.0)).to_f64()
}

/// 1 - sech² a = 1 - 4e/(1 + e)², e = e^-2a in two doubles: one rounding.
fn d_tanhshrink_from_e(e: DD) -> f64 {
    (DD::ONE - e.scale(4.0) / (e + 1.0).sqr()).to_f64()
}

/// tanhshrink and its derivative from one tanh (below 2.5) or one exponential.
pub fn tanhshrink_both(x: f64, p: &[f64]) -> (f64, f64) {
    let a = x.abs();
    let (v, d) = if (0.05..2.5).contains(&a) {
        let t = tanh_dd(a);
        (tanhshrink_from_tanh(a, t), d_tanhshrink_from_tanh(t))
    } else if (2.5..400.0).contains(&a) {
        let e = exp_m2(a);
        (tanhshrink_from_e(a, e), d_tanhshrink_from_e(e))
    } else {
        return (tanhshrink(x, p), d_tanhshrink(x, p));
    };
    (if x < 0.0 { -v } else { v }, d)
}

/// p = [b]: (x + √(x² + b)) / 2, written as b / (2(√(x² + b) - x)) for x < 0.
/// x and b in units of c = 2^k ≈ max(|x|, √b): (x/c, b/c, b/c², s/c = √((x/c)² + b/c²), c),
/// each scaling exact (a power of two), so that neither x² nor b over- or underflows
/// where the result does not (squareplus at x = 2e150 with b = 1e300; b = 0 at tiny x).
fn sp_units(x: f64, b: f64) -> (f64, f64, f64, DD, f64) {
    let big = x.abs().max(b.sqrt());
    let k = libm::ilogb(big).clamp(-1000, 1000);
    let (c, inv) = (libm::scalbn(1.0, k), libm::scalbn(1.0, -k));
    let (xs, bc, bc2) = (x * inv, b * inv, b * inv * inv);
    let s = (DD::from(xs).sqr() + bc2).sqrt();
    (xs, bc, bc2, s, c)
}

pub fn squareplus(x: f64, p: &[f64]) -> f64 {
    let b = p[0];
    if x == 0.0 && b == 0.0 {
        return 0.0;
    }
    if x.is_infinite() {
        return if x > 0.0 { x } else { 0.0 };
    }
    if let Some((v, _)) = ziv::squareplus_fast(x, b, false) {
        return v;
    }
    sp_value(x, sp_units(x, b))
}

/// squareplus and its derivative by the double-double path alone (where the fast path
/// is not sure, and what it is tested against).
pub(crate) fn squareplus_dd(x: f64, b: f64) -> (f64, f64) {
    let units = sp_units(x, b);
    (sp_value(x, units), sp_deriv(x, units))
}

/// squareplus from the scaled units of [`sp_units`].
#[inline]
fn sp_value(x: f64, (xs, bc, _, s, c): (f64, f64, f64, DD, f64)) -> f64 {
    if x >= 0.0 {
        ((s + xs) * 0.5).scale(c).to_f64()
    } else {
        // b / (2(s + |x|)) = (b/c) / (2(s/c + |x|/c)), without the cancellation of x + s
        (DD::from(bc) / ((s + xs.abs()) * 2.0)).to_f64()
    }
}

/// squareplus' from the scaled units: (1 + x/s)/2, or b / (2s(s + |x|)) for x < 0.
#[inline]
fn sp_deriv(x: f64, (xs, _, bc2, s, _): (f64, f64, f64, DD, f64)) -> f64 {
    if x >= 0.0 {
        ((DD::from(xs) / s + 1.0) * 0.5).to_f64()
    } else {
        (DD::from(bc2) / (s * (s + xs.abs()) * 2.0)).to_f64()
    }
}

/// squareplus and its derivative from one set of units (bit for bit the two functions).
pub fn squareplus_both(x: f64, p: &[f64]) -> (f64, f64) {
    let b = p[0];
    if (x == 0.0 && b == 0.0) || x.is_infinite() || x.is_nan() {
        return (squareplus(x, p), d_squareplus(x, p));
    }
    ziv::squareplus_fast(x, b, true).unwrap_or_else(|| squareplus_dd(x, b))
}

pub fn d_squareplus(x: f64, p: &[f64]) -> f64 {
    let b = p[0];
    if x == 0.0 && b == 0.0 {
        return 0.5; // the limit as b → 0 of squareplus'(0)
    }
    if x.is_infinite() {
        return if x > 0.0 { 1.0 } else { 0.0 };
    }
    sp_deriv(x, sp_units(x, b))
}
