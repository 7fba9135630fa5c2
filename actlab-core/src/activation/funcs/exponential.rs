//! The ELU family: expm1 for the negative side (exact where e^x - 1 cancels), and
//! SELU's λ, α and λα carried as double-doubles of their published 31-digit values.

use crate::activation::dd::{DD, two_prod};
use crate::activation::special::{exp_parts, expm1_dd, expm1_fast, expm1_from, finish, join, pow2};

pub const SELU_LAMBDA: DD = DD::new(1.0507009873554805, 3.9874847667154144e-17);
pub const SELU_LAMBDA_ALPHA: DD = DD::new(1.7580993408473768, 1.41535193800845e-17);

/// c · e^x with one rounding, even where e^x alone would be subnormal.
fn scaled_exp(c: DD, x: f64) -> f64 {
    let (m, k) = exp_parts(DD::from(x), false);
    scaled_from(c, m, k)
}

/// c·e^x from e^x = m·2^k, rounded once.
#[inline]
fn scaled_from(c: DD, m: DD, k: i32) -> f64 {
    finish(m * c, k)
}

/// p = [alpha]
pub fn elu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 {
        x
    } else {
        // α = 1: the correctly rounded expm1; else α·expm1(x) from expm1 in two doubles,
        // rounded once (α times a rounded expm1 rounds twice: up to 1.44 ulp)
        if p[0] == 1.0 {
            core_math::expm1(x)
        } else if x > -1e-300 {
            // α·expm1(x) = αx(1 + x/2 + …): the rest is far below an ulp but breaks a tie
            // of αx (and one product keeps the sign of -0)
            let (q, e) = two_prod(p[0], x);
            if e > 0.0 && e == (q.next_up() - q) / 2.0 { q.next_up() } else { q }
        } else {
            times(expm1_fast(x), p[0])
        }
    }
}
pub fn d_elu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 { 1.0 } else { scaled_exp(DD::from(p[0]), x) }
}

pub fn selu(x: f64, _: &[f64]) -> f64 {
    // λα·expm1(x) with expm1 in two doubles: rounded once
    if x > 0.0 { (SELU_LAMBDA * x).to_f64() } else { (SELU_LAMBDA_ALPHA * expm1_fast(x)).to_f64() }
}
/// selu and selu' from one exponential where both need it (bit for bit the two).
pub fn selu_both(x: f64, p: &[f64]) -> (f64, f64) {
    if x > 0.0 || x.abs() < 0.00390625 || x.is_nan() {
        return (selu(x, p), d_selu(x, p));
    }
    // what expm1_fast and scaled_exp compute, from one e^x
    let (m, k) = exp_parts(DD::from(x), false);
    ((SELU_LAMBDA_ALPHA * expm1_from(m, k)).to_f64(), scaled_from(SELU_LAMBDA_ALPHA, m, k))
}

pub fn d_selu(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 { SELU_LAMBDA.hi } else { scaled_exp(SELU_LAMBDA_ALPHA, x) }
}

/// m·α rounded once, into the subnormals too (where m·α is tiny, m is scaled by 2^1000
/// first so that the product's low part does not underflow before the rounding).
fn times(m: DD, a: f64) -> f64 {
    let p = m.hi * a;
    if p.abs() < 1e-290 && p.is_finite() { finish(m.scale(pow2(1000)) * a, -1000) } else { (m * a).to_f64() }
}

/// x/α in two doubles: its rounding would be amplified by e^(x/α) (hundreds of ulps
/// for α = 3 at x = -2000).
fn over(x: f64, a: f64) -> DD {
    let q = x / a;
    let r = (-q).mul_add(a, x); // x - q·α, exact
    DD::new(q, if r.is_finite() { r / a } else { 0.0 })
}

/// p = [alpha]: max(0, x) + min(0, α(e^(x/α) - 1))
pub fn celu(x: f64, p: &[f64]) -> f64 {
    let a = p[0];
    if x > 0.0 {
        x
    } else if a == 1.0 {
        core_math::expm1(x)
    } else if (x / a).abs() < 8.7e-19 {
        // α·expm1(x/α) = x(1 + x/(2α) + …) with |x/(2α)| < 2^-61: rounds to x (and x/α
        // may underflow: α = 1e300)
        x
    } else {
        let q = over(x, a);
        let em = if q.hi > -0.34 {
            expm1_dd(q)
        } else {
            let (m, k) = exp_parts(q, false);
            join(m, k) - 1.0
        };
        times(em, a)
    }
}
pub fn d_celu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 {
        1.0
    } else {
        let (m, k) = exp_parts(over(x, p[0]), false);
        finish(m, k)
    }
}
