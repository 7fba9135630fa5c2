//! The ELU family: expm1 for the negative side (exact where e^x - 1 cancels), and
//! SELU's λ, α and λα carried as double-doubles of their published 31-digit values.

use crate::activation::dd::DD;
use crate::activation::special::{exp_parts, expm1_dd, finish, join};

pub const SELU_LAMBDA: DD = DD::new(1.0507009873554805, 3.9874847667154144e-17);
pub const SELU_LAMBDA_ALPHA: DD = DD::new(1.7580993408473768, 1.41535193800845e-17);

/// c · e^x with one rounding, even where e^x alone would be subnormal.
fn scaled_exp(c: DD, x: f64) -> f64 {
    let (m, k) = exp_parts(DD::from(x), false);
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
            p[0] * x // expm1(x) = x to far below an ulp; one product keeps the sign of -0
        } else {
            (expm1_dd(DD::from(x)) * p[0]).to_f64()
        }
    }
}
pub fn d_elu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 { 1.0 } else { scaled_exp(DD::from(p[0]), x) }
}

pub fn selu(x: f64, _: &[f64]) -> f64 {
    // λα·expm1(x) with expm1 in two doubles: rounded once
    if x > 0.0 { (SELU_LAMBDA * x).to_f64() } else { (SELU_LAMBDA_ALPHA * expm1_dd(DD::from(x))).to_f64() }
}
pub fn d_selu(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 { SELU_LAMBDA.hi } else { scaled_exp(SELU_LAMBDA_ALPHA, x) }
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
    } else if x > -1e-300 {
        // x + x²/(2α) + …: the rest is far below half an ulp (and x/α would underflow)
        x
    } else {
        let q = over(x, a);
        let em = if q.hi > -0.34 {
            expm1_dd(q)
        } else {
            let (m, k) = exp_parts(q, false);
            join(m, k) - 1.0
        };
        (em * a).to_f64()
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
