//! Piecewise-linear (and piecewise-quadratic) activations. At a kink the derivative
//! follows PyTorch's backward pass: relu'(0) = 0, leaky_relu'(0) = slope,
//! relu6'(0) = relu6'(6) = 0, hardtanh'(±1) = 0, hard_sigmoid'(±3) = 0,
//! hard_swish'(-3) = -0.5 and hard_swish'(3) = 1.5, shrink'(±λ) = 0.

use crate::activation::dd::DD;
use crate::activation::special::half_plus;

pub fn identity(x: f64, _: &[f64]) -> f64 {
    x
}
pub fn d_identity(_: f64, _: &[f64]) -> f64 {
    1.0
}

pub fn relu(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 { x } else { 0.0 }
}
pub fn d_relu(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 { 1.0 } else { 0.0 }
}

/// p = [slope]
pub fn leaky_relu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 {
        x
    } else if x.is_infinite() && p[0] == 0.0 {
        -0.0 // the limit of 0·x, not 0·∞ = NaN
    } else {
        p[0] * x
    }
}
pub fn d_leaky_relu(x: f64, p: &[f64]) -> f64 {
    if x > 0.0 { 1.0 } else { p[0] }
}

pub fn relu6(x: f64, _: &[f64]) -> f64 {
    x.clamp(0.0, 6.0)
}
pub fn d_relu6(x: f64, _: &[f64]) -> f64 {
    if x > 0.0 && x < 6.0 { 1.0 } else { 0.0 }
}

/// p = [min, max]
pub fn hardtanh(x: f64, p: &[f64]) -> f64 {
    x.clamp(p[0], p[1])
}
pub fn d_hardtanh(x: f64, p: &[f64]) -> f64 {
    if x > p[0] && x < p[1] { 1.0 } else { 0.0 }
}

pub fn hard_sigmoid(x: f64, _: &[f64]) -> f64 {
    if x <= -3.0 {
        0.0
    } else if x >= 3.0 {
        1.0
    } else {
        ((DD::from(x) + 3.0) / 6.0).to_f64()
    }
}
pub fn d_hard_sigmoid(x: f64, _: &[f64]) -> f64 {
    if x > -3.0 && x < 3.0 { 1.0 / 6.0 } else { 0.0 }
}

pub fn hard_swish(x: f64, _: &[f64]) -> f64 {
    if x <= -3.0 {
        0.0
    } else if x >= 3.0 {
        x
    } else if x.abs() < 1e-300 {
        half_plus(x)
    } else {
        ((DD::from(x) + 3.0) * x / 6.0).to_f64()
    }
}
pub fn d_hard_swish(x: f64, _: &[f64]) -> f64 {
    if x < -3.0 {
        0.0
    } else if x <= 3.0 {
        // (x + 3/2)/3: the sum exact in two doubles, so the quotient keeps full
        // relative accuracy next to the zero at -3/2 (x/3 + 1/2 cancels there)
        ((DD::from(x) + 1.5) / 3.0).to_f64()
    } else {
        1.0
    }
}

/// p = [lambda]
pub fn softshrink(x: f64, p: &[f64]) -> f64 {
    if x > p[0] {
        x - p[0]
    } else if x < -p[0] {
        x + p[0]
    } else {
        0.0
    }
}
pub fn d_shrink(x: f64, p: &[f64]) -> f64 {
    if x.abs() > p[0] { 1.0 } else { 0.0 }
}

/// p = [lambda]
pub fn hardshrink(x: f64, p: &[f64]) -> f64 {
    if x.abs() > p[0] { x } else { 0.0 }
}

/// p = [threshold, value]
pub fn threshold(x: f64, p: &[f64]) -> f64 {
    if x > p[0] { x } else { p[1] }
}
pub fn d_threshold(x: f64, p: &[f64]) -> f64 {
    if x > p[0] { 1.0 } else { 0.0 }
}
