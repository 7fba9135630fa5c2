//! Gated linear units: the input split in halves a = x[:d], b = x[d:], and
//! y = a ⊗ gate(b). With σ it is GLU; with swish, GELU or ReLU it is SwiGLU, GeGLU
//! or ReGLU (Shazeer 2020). A gate sits where an activation sits.

use super::dd::DD;
use super::{Activation, lookup};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
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
    pub fn activation(self) -> &'static Activation {
        let name = match self {
            Gate::Sigmoid => "sigmoid",
            Gate::Swish => "silu",
            Gate::Gelu => "gelu",
            Gate::Relu => "relu",
        };
        lookup(name).expect("gates are in the catalogue")
    }

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
    pub a: f64,
    pub b: f64,
    pub gate: f64,
    pub y: f64,
    pub dy_da: f64,
    pub dy_db: f64,
}

pub fn glu(x: &[f64], gate: Gate) -> Result<Vec<GluUnit>, String> {
    if x.is_empty() || x.len() % 2 == 1 {
        return Err(format!(
            "glu needs an even number of inputs (halves a and b), got {}; e.g. glu 1 2 3 4 gives a = (1, 2), b = (3, 4)",
            x.len()
        ));
    }
    let f = gate.activation();
    let p = f.default_params();
    let d = x.len() / 2;
    Ok((0..d)
        .map(|i| {
            let (a, b) = (x[i], x[d + i]);
            let g = f.value(b, &p);
            let gd = f.deriv(b, &p);
            GluUnit { a, b, gate: g, y: (DD::from(a) * g).to_f64(), dy_da: g, dy_db: (DD::from(a) * gd).to_f64() }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glu_of_1234() {
        let u = glu(&[1.0, 2.0, 3.0, 4.0], Gate::Sigmoid).unwrap();
        // σ(3) = 0.95257412682243321912… (mpmath): correctly rounded ...333; the naive
        // 1/(1 + exp(-3)) in doubles gives ...334, one ulp high
        assert_eq!(u[0].y, 0.9525741268224333);
        assert_eq!(u[1].y, 1.964027580075817);
        assert!(glu(&[1.0, 2.0, 3.0], Gate::Sigmoid).is_err());
    }
}
