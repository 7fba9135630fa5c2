//! x times a gate: GELU (x·Φ(x)), its tanh form, SiLU (x·σ(x)) and Mish
//! (x·tanh(softplus x)). Their derivatives cross zero (at -0.75179, -0.75246,
//! -1.27846, -1.19243) where every textbook form cancels: near each zero the
//! exponentials are taken in double-double, and right at it a Taylor expansion
//! about the zero (held in two doubles) takes over.

use crate::activation::dd::DD;
use crate::activation::roots::{self, Root};
use crate::activation::special::{
    INV_SQRT_2PI, NCDF_TAIL, exp_dd, exp_parts, finish, half_plus, join, logistic, ncdf, ncdf_tail,
};

/// f'(x) from its Taylor expansion about the zero, if x is within 2^-20 of it.
fn near_root(x: f64, r: &Root) -> Option<f64> {
    let d0 = x - r.x0.0; // exact (Sterbenz) this close to x0
    if d0.abs() > 9.5e-7 {
        return None;
    }
    let d = DD::from(d0) - r.x0.1;
    let tail = d.hi * (r.c[0] + d.hi * (r.c[1] + d.hi * r.c[2]));
    Some(((DD::new(r.c1.0, r.c1.1) + tail) * d).to_f64())
}

// ---------------------------------------------------------------- GELU (exact)

pub fn gelu(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return if x > 0.0 { x } else { -0.0 };
    }
    if x.abs() < 1e-300 {
        return half_plus(x);
    }
    if x < NCDF_TAIL {
        let (m, k, tail) = ncdf_tail(x);
        return finish(m * tail * x, k);
    }
    (ncdf(x) * x).to_f64()
}

pub fn d_gelu(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return if x > 0.0 { 1.0 } else { -0.0 };
    }
    if let Some(v) = near_root(x, &roots::GELU) {
        return v;
    }
    if x < NCDF_TAIL {
        // Φ + xφ = e^(-x²/2) (erfcx(u)/2 + x/√(2π))
        let (m, k, tail) = ncdf_tail(x);
        return finish(m * (tail + INV_SQRT_2PI * x), k);
    }
    let x2 = DD::from(x).sqr();
    if (-2.5..-0.1).contains(&x) {
        // Φ(x) = 1/2 + φ(x) S(x), S = Σ x^(2n+1)/(2n+1)!!, so Φ + xφ = 1/2 + φ (x + S)
        let mut term = DD::from(x);
        let mut s = term;
        let mut n = 1.0;
        while term.hi.abs() > 1e-34 * s.hi.abs() {
            term = term * x2 / (2.0 * n + 1.0);
            s = s + term;
            n += 1.0;
        }
        let phi = exp_dd(-x2.scale(0.5)) * INV_SQRT_2PI;
        return (phi * (s + x) + 0.5).to_f64();
    }
    let e = core_math::exp(-0.5 * x2.hi);
    let phi = (DD::from(e) - e * 0.5 * x2.lo) * INV_SQRT_2PI;
    (ncdf(x) + phi * x).to_f64()
}

// ---------------------------------------------------------------- GELU, tanh form

const GT_C: f64 = 0.7978845608028654; // √(2/π) as PyTorch writes it
const GT_A: f64 = 0.044715;

/// y = c (x + a x³) in double-double, and y' = c (1 + 3a x²).
fn gt_y(x: f64) -> (DD, DD) {
    let x2 = DD::from(x).sqr();
    let y = ((x2 * x * GT_A) + x) * GT_C;
    let dy = ((x2 * GT_A * 3.0) + 1.0) * GT_C; // 3·a taken exactly, not rounded
    (y, dy)
}

pub fn gelu_tanh(x: f64, _: &[f64]) -> f64 {
    if x.abs() > 40.0 {
        return if x > 0.0 { x } else { -0.0 };
    }
    if x.abs() < 1e-300 {
        return half_plus(x);
    }
    // 0.5 x (1 + tanh y) = x σ(2y)
    let (y, _) = gt_y(x);
    let s = logistic(y.scale(2.0), false);
    finish(s.mant * x, s.k)
}

pub fn d_gelu_tanh(x: f64, _: &[f64]) -> f64 {
    if x.abs() > 40.0 {
        return if x > 0.0 { 1.0 } else { -0.0 };
    }
    if let Some(v) = near_root(x, &roots::GELU_TANH) {
        return v;
    }
    // σ(2y) (1 + 2 x y' σ(-2y))
    let (y, dy) = gt_y(x);
    let s = logistic(y.scale(2.0), (-2.5..-0.1).contains(&x));
    let bracket = dy * s.neg * (2.0 * x) + 1.0;
    finish(s.mant * bracket, s.k)
}

// ---------------------------------------------------------------- SiLU / swish

pub fn silu(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return if x > 0.0 { x } else { -0.0 };
    }
    if x.abs() < 1e-300 {
        return half_plus(x);
    }
    let s = logistic(DD::from(x), false);
    finish(s.mant * x, s.k)
}

pub fn d_silu(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return if x > 0.0 { 1.0 } else { -0.0 };
    }
    if let Some(v) = near_root(x, &roots::SILU) {
        return v;
    }
    // σ(x) (1 + x σ(-x))
    let s = logistic(DD::from(x), (-3.0..-0.3).contains(&x));
    finish(s.mant * (s.neg * x + 1.0), s.k)
}

// ---------------------------------------------------------------- Mish

/// Mish with e = e^x: tanh(softplus x) = n / (n + 2), n = e (e + 2); for x > 0 with
/// t = e^-x: (1 + 2t) / (1 + 2t + 2t²).
pub fn mish(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return if x > 0.0 { x } else { -0.0 };
    }
    if x > 0.0 {
        let t = DD::from(core_math::exp(-x));
        let num = t * 2.0 + 1.0;
        return (num / (num + t.sqr() * 2.0) * x).to_f64();
    }
    let (m, k) = exp_parts(DD::from(x), false);
    let e = join(m, k);
    let n2 = e * (e + 2.0) + 2.0;
    finish(m * (e + 2.0) / n2 * x, k)
}

pub fn d_mish(x: f64, _: &[f64]) -> f64 {
    if x.is_infinite() {
        return if x > 0.0 { 1.0 } else { -0.0 };
    }
    if let Some(v) = near_root(x, &roots::MISH) {
        return v;
    }
    if x < -1200.0 {
        return -0.0;
    }
    if x > 0.0 {
        // (1 + 2t)/D + 4 x t² (1 + t)/D², D = 1 + 2t + 2t²
        if x > 40.0 {
            return 1.0; // 4x t² < 1e-32
        }
        let t = DD::from(core_math::exp(-x));
        let d = t * 2.0 + 1.0 + t.sqr() * 2.0;
        let a = (t * 2.0 + 1.0) / d;
        let b = t.sqr() * (t + 1.0) * (4.0 * x) / d.sqr();
        return (a + b).to_f64();
    }
    // e / (n+2)² · [(e + 2)(n + 2) + 4x(1 + e)], n = e(e + 2)
    let (m, k) = exp_parts(DD::from(x), (-3.0..-0.3).contains(&x));
    let e = join(m, k);
    let n2 = e * (e + 2.0) + 2.0;
    let bracket = (e + 2.0) * n2 + (e + 1.0) * (4.0 * x);
    finish(m * bracket / n2.sqr(), k)
}
