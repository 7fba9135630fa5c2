//! Activation functions: the catalogue, lookup by name, and evaluation.
//!
//! Every function is one [`Activation`] entry in [`catalogue::CATALOGUE`]: name,
//! aliases, parameters with defaults, value, derivative (and, optionally, the two
//! fused in one call where they share work), formula text and properties. Adding a
//! function is adding one entry there.

pub mod catalogue;
pub mod dd;
pub mod erfc;
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // a table of 2^(i/64) holds √2
mod erfc_table;
mod exp_table;
pub mod funcs;
pub mod glu;
pub mod properties;
#[rustfmt::skip]
pub mod roots;
pub mod special;

pub use catalogue::CATALOGUE;

use crate::suggest::did_you_mean;

/// One parameter of an activation.
#[derive(Debug)]
pub struct Param {
    /// Name as the command-line option (`--slope`) and in `list`/`info`.
    pub name: &'static str,
    pub default: f64,
    pub help: &'static str,
    /// Smallest allowed value, and whether it is allowed itself.
    pub min: Option<(f64, bool)>,
}

/// f and f' at x with parameters p, in one call.
pub type Both = fn(f64, &[f64]) -> (f64, f64);

/// One activation function, defined in one place.
pub struct Activation {
    /// Canonical snake_case name.
    pub name: &'static str,
    /// Other accepted names (matching ignores case, `-` and `_`).
    pub aliases: &'static [&'static str],
    pub params: &'static [Param],
    pub value: fn(f64, &[f64]) -> f64,
    pub deriv: fn(f64, &[f64]) -> f64,
    /// Value and derivative together, where sharing the work pays (GELU computes Φ
    /// once); must return exactly `(value, deriv)`. `None`: the two are computed apart.
    pub both: Option<Both>,
    /// The formula, in plain Unicode.
    pub formula: &'static str,
    pub deriv_formula: &'static str,
    /// Smoothness in words ("C∞", "kink at 0", ...).
    pub smoothness: &'static str,
    /// What the derivative is taken to be at a kink (PyTorch's convention).
    pub kink_convention: &'static str,
    /// Where PyTorch, JAX and Keras disagree about defaults or forms.
    pub library_defaults: &'static str,
    /// What the seed notes say about it (empty if they do not discuss it).
    pub seed_remarks: &'static str,
}

impl std::fmt::Debug for Activation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Parameter values for one activation, in the order of its `params`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    v: [f64; 2],
}

impl Params {
    pub fn as_slice(&self) -> &[f64] {
        &self.v
    }
}

impl Activation {
    /// The defaults of every parameter.
    pub fn default_params(&self) -> Params {
        let mut v = [0.0; 2];
        for (slot, p) in v.iter_mut().zip(self.params) {
            *slot = p.default;
        }
        Params { v }
    }

    /// Parameters with some values overridden by name; checks each against its domain.
    pub fn params_with(&self, given: &[(&str, f64)]) -> Result<Params, String> {
        let mut out = self.default_params();
        for (name, value) in given {
            let Some(i) = self.params.iter().position(|p| p.name == *name) else {
                continue;
            };
            let p = &self.params[i];
            if value.is_nan() {
                return Err(format!("{} --{}: the value is nan; give a number", self.name, p.name));
            }
            if let Some((min, inclusive)) = p.min
                && (*value < min || (!inclusive && *value == min))
            {
                let rel = if inclusive { ">=" } else { ">" };
                let v = crate::render::num::shortest(*value);
                return Err(format!("{} --{} {v}: must be {rel} {min}", self.name, p.name));
            }
            out.v[i] = *value;
        }
        if self.name == "hardtanh" && out.v[0] >= out.v[1] {
            return Err(format!(
                "hardtanh: --min ({}) must be below --max ({})",
                crate::render::num::shortest(out.v[0]),
                crate::render::num::shortest(out.v[1])
            ));
        }
        Ok(out)
    }

    /// f(x). NaN in, NaN out.
    #[inline]
    pub fn value(&self, x: f64, p: &Params) -> f64 {
        if x.is_nan() { x } else { (self.value)(x, &p.v) }
    }

    /// f'(x). NaN in, NaN out.
    #[inline]
    pub fn deriv(&self, x: f64, p: &Params) -> f64 {
        if x.is_nan() { x } else { (self.deriv)(x, &p.v) }
    }

    /// (f(x), f'(x)), bit for bit what [`value`](Self::value) and
    /// [`deriv`](Self::deriv) give, in one call.
    #[inline]
    pub fn value_and_deriv(&self, x: f64, p: &Params) -> (f64, f64) {
        match self.both {
            Some(both) if !x.is_nan() => both(x, &p.v),
            _ => (self.value(x, p), self.deriv(x, p)),
        }
    }

    /// Every name it answers to, canonical first.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

/// Names compared without case, `-` or `_`: `LeakyReLU` = `leaky-relu` = `leaky_relu`.
pub fn normalize(name: &str) -> String {
    name.chars().filter(|c| *c != '_' && *c != '-').flat_map(char::to_lowercase).collect()
}

/// Find an activation by name or alias.
pub fn lookup(name: &str) -> Result<&'static Activation, String> {
    let key = normalize(name);
    if let Some(a) = CATALOGUE.iter().find(|a| a.names().any(|n| normalize(n) == key)) {
        return Ok(a);
    }
    let candidates = CATALOGUE.iter().flat_map(|a| a.names());
    let hint = match did_you_mean(name, candidates) {
        Some(s) => format!(" (did you mean '{s}'?)"),
        None => " (see 'list' for the functions)".to_string(),
    };
    Err(format!("unknown function '{}'{hint}", crate::shown::shown(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_after_normalising() {
        let mut seen = std::collections::HashSet::new();
        for a in CATALOGUE {
            for n in a.names() {
                assert!(seen.insert(normalize(n)), "duplicate name {n}");
            }
        }
    }

    #[test]
    fn lookup_accepts_variants() {
        assert_eq!(lookup("LeakyReLU").unwrap().name, "leaky_relu");
        assert_eq!(lookup("swish").unwrap().name, "silu");
        assert_eq!(lookup("GELU").unwrap().name, "gelu");
        let e = lookup("gelus").unwrap_err();
        assert!(e.contains("did you mean 'gelu'"), "{e}");
    }

    #[test]
    fn value_and_deriv_is_value_and_deriv_bit_for_bit() {
        // a dense sweep over every region (tails, windows near derivative zeros,
        // tiny and huge inputs) plus the special values
        let mut xs: Vec<f64> = (-200_000..=200_000).map(|i| i as f64 * 2.5e-4 * 1.000_000_7).collect();
        xs.extend([-40.0, -37.4, -38.0, 1e-300, -1e-300, 5e-324, 1e308, -1e308, 0.0, -0.0]);
        xs.extend([f64::INFINITY, f64::NEG_INFINITY, f64::NAN]);
        for a in CATALOGUE.iter().filter(|a| a.both.is_some()) {
            let p = a.default_params();
            for &x in &xs {
                let (v, d) = a.value_and_deriv(x, &p);
                assert_eq!(v.to_bits(), a.value(x, &p).to_bits(), "{} value at {x}", a.name);
                assert_eq!(d.to_bits(), a.deriv(x, &p).to_bits(), "{} deriv at {x}", a.name);
            }
        }
    }
}
