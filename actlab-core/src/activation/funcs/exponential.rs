//! The ELU family: expm1 for the negative side (exact where e^x - 1 cancels), and
//! SELU's λ, α and λα carried as double-doubles of their published 31-digit values.

use crate::activation::dd::DD;
use crate::activation::special::{exp_parts, finish};

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
        let e = core_math::expm1(x);
        if p[0] == 1.0 { e } else { (DD::from(p[0]) * e).to_f64() }
    }
}
pub fn d_elu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 { 1.0 } else { scaled_exp(DD::from(p[0]), x) }
}

pub fn selu(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 { (SELU_LAMBDA * x).to_f64() } else { (SELU_LAMBDA_ALPHA * core_math::expm1(x)).to_f64() }
}
pub fn d_selu(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 { SELU_LAMBDA.hi } else { scaled_exp(SELU_LAMBDA_ALPHA, x) }
}

/// p = [alpha]: max(0, x) + min(0, α(e^(x/α) - 1))
pub fn celu(x: f64, p: &[f64]) -> f64 {
    let a = p[0];
    if x > 0.0 {
        x
    } else if a == 1.0 {
        core_math::expm1(x)
    } else {
        (DD::from(a) * core_math::expm1(x / a)).to_f64()
    }
}
pub fn d_celu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 { 1.0 } else { scaled_exp(DD::ONE, x / p[0]) }
}
