//! Gated linear units: the input split in halves a = `x[:d]`, b = `x[d:]`, and
//! y = a ⊗ gate(b). With σ it is GLU; with swish, GELU or ReLU it is SwiGLU, GeGLU
//! or ReGLU (Shazeer 2020). A gate sits where an activation sits.

use super::dd::DD;
use super::{Activation, Function, lookup};

/// The gate of a gated linear unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// GLU: a ⊗ σ(b)
    Sigmoid,
    /// SwiGLU: a ⊗ swish(b)
    Swish,
    /// GeGLU: a ⊗ gelu(b)
    Gelu,
    /// ReGLU: a ⊗ relu(b)
    Relu,
}

impl Gate {
    /// Every gate.
    pub const ALL: [Gate; 4] = [Gate::Sigmoid, Gate::Swish, Gate::Gelu, Gate::Relu];

    /// The catalogue function that gates.
    pub fn activation(self) -> &'static Activation {
        let name = match self {
            Gate::Sigmoid => "sigmoid",
            Gate::Swish => "silu",
            Gate::Gelu => "gelu",
            Gate::Relu => "relu",
        };
        lookup(name).expect("gates are in the catalogue")
    }

    /// A gate by its function's or its unit's name, any case: sigmoid or glu, swish,
    /// silu or swiglu, gelu or geglu, relu or reglu.
    pub fn named(name: &str) -> Option<Gate> {
        match name.to_ascii_lowercase().as_str() {
            "sigmoid" | "glu" => Some(Gate::Sigmoid),
            "swish" | "silu" | "swiglu" => Some(Gate::Swish),
            "gelu" | "geglu" => Some(Gate::Gelu),
            "relu" | "reglu" => Some(Gate::Relu),
            _ => None,
        }
    }

    /// The unit's name in the literature (GLU, SwiGLU, GeGLU, ReGLU).
    pub fn variant(self) -> &'static str {
        match self {
            Gate::Sigmoid => "GLU",
            Gate::Swish => "SwiGLU",
            Gate::Gelu => "GeGLU",
            Gate::Relu => "ReGLU",
        }
    }
}

/// One output unit: a, b, gate(b), y = a·gate(b), ∂y/∂a = gate(b), ∂y/∂b = a·gate'(b).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GluUnit {
    /// The unit's value half.
    pub a: f64,
    /// The unit's gate half.
    pub b: f64,
    /// gate(b).
    pub gate: f64,
    /// y = a·gate(b), rounded once.
    pub y: f64,
    /// ∂y/∂a = gate(b).
    pub dy_da: f64,
    /// ∂y/∂b = a·gate'(b), rounded once.
    pub dy_db: f64,
}

/// The input of a GLU must split into two halves.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a GLU needs an even, non-zero number of inputs, got {len}")]
pub struct OddInputs {
    /// How many were given.
    pub len: usize,
}

/// y = a ⊗ gate(b) for x = [a, b], with both partial derivatives, unit by unit; the
/// gate is any function (a catalogue entry, `Gate::activation`, or a formula).
pub fn glu(x: &[f64], gate: &Function) -> Result<Vec<GluUnit>, OddInputs> {
    if x.is_empty() || x.len() % 2 == 1 {
        return Err(OddInputs { len: x.len() });
    }
    let d = x.len() / 2;
    Ok((0..d)
        .map(|i| {
            let (a, b) = (x[i], x[d + i]);
            if let Some(unit) = tail(a, b, gate) {
                return unit;
            }
            let (g, gd) = gate.value_and_deriv(b);
            GluUnit { a, b, gate: g, y: (DD::from(a) * g).to_f64(), dy_da: g, dy_db: (DD::from(a) * gd).to_f64() }
        })
        .collect())
}

/// The smooth gates at their defaults (σ, swish, GELU) take gate(b) and gate'(b) as
/// mantissas and powers of two, unrounded, so that y = a·gate(b) and ∂y/∂b =
/// a·gate'(b) are each rounded once: far in a tail the gate underflows (σ(-780) =
/// 1.7e-339, σ'(800) = 3.7e-348) where a·gate does not (a = 1e300), and a rounded gate
/// times a is two roundings elsewhere. The sign of a zero is kept (`glu -1 -800` is -0).
fn tail(a: f64, b: f64, gate: &Function) -> Option<GluUnit> {
    use super::funcs::gated::{gelu_parts, sigmoid_parts, silu_parts};
    use super::special::{finish, pow2};
    let Function::Entry(f, _) = gate else { return None };
    if !b.is_finite() || !a.is_finite() {
        return None;
    }
    let ((g, gk), (d, dk)) = match f.name {
        "sigmoid" => sigmoid_parts(b),
        "silu" => silu_parts(b),
        "gelu" => gelu_parts(b),
        _ => return None,
    };
    // a tiny a is scaled too: a·m must not be subnormal before its one rounding
    let (a_s, j) = if a.abs() < 8.5e-271 { (a * pow2(1000), 1000) } else { (a, 0) };
    let gate_v = finish(g, gk);
    Some(GluUnit { a, b, gate: gate_v, y: finish(g * a_s, gk - j), dy_da: gate_v, dy_db: finish(d * a_s, dk - j) })
}

/// The Linear layer the notes put in front of a GLU: h = x·Wᵀ + b for each row x, with
/// W (2·out × in) and b (2·out) drawn from N(0, 1/in) with `seed` (PyTorch draws from a
/// uniform of the same scale). Returns the rows of h, each of length 2·out.
pub fn linear(rows: &[Vec<f64>], out: usize, seed: u64) -> Vec<Vec<f64>> {
    use rand::{RngExt, SeedableRng};
    let width = rows.first().map_or(0, Vec::len);
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let std = statrs::distribution::Normal::new(0.0, 1.0 / (width.max(1) as f64).sqrt()).expect("positive");
    let w: Vec<Vec<f64>> = (0..2 * out).map(|_| (0..width).map(|_| rng.sample(std)).collect()).collect();
    let bias: Vec<f64> = (0..2 * out).map(|_| rng.sample(std)).collect();
    rows.iter()
        .map(|r| w.iter().zip(&bias).map(|(wr, bi)| wr.iter().zip(r).map(|(p, q)| p * q).sum::<f64>() + bi).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glu_of_1234() {
        let sigmoid = Function::entry(Gate::Sigmoid.activation());
        let u = glu(&[1.0, 2.0, 3.0, 4.0], &sigmoid).unwrap();
        // σ(3) = 0.95257412682243321912… (mpmath): correctly rounded ...333; the naive
        // 1/(1 + exp(-3)) in doubles gives ...334, one ulp high
        assert_eq!(u[0].y, 0.9525741268224333);
        assert_eq!(u[1].y, 1.964027580075817);
        assert!(glu(&[1.0, 2.0, 3.0], &sigmoid).is_err());
        assert_eq!(Gate::named("SwiGLU"), Some(Gate::Swish));
    }
}
