//! Activation functions: the catalogue, lookup by name, and evaluation.
//!
//! Every function is one [`Activation`] entry in [`catalogue::CATALOGUE`]: name,
//! aliases, parameters with defaults, value, derivative (and, optionally, the two
//! fused in one call where they share work), formula text and properties. Adding a
//! function is adding one entry there.

pub mod catalogue;
pub(crate) mod dd;
pub(crate) mod erfc;
mod function;
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // a table of 2^(i/64) holds √2
mod erfc_table;
mod exp_table;
pub(crate) mod funcs;
pub mod glu;
pub mod properties;
#[rustfmt::skip]
pub(crate) mod roots;
pub mod softmax;
pub(crate) mod special;
pub(crate) mod ziv;

pub use catalogue::CATALOGUE;
pub use function::Function;

/// One parameter of an activation.
#[derive(Debug)]
pub struct Param {
    /// Name as the command-line option (`--slope`) and in `list`/`info`.
    pub name: &'static str,
    /// Its value when none is given.
    pub default: f64,
    /// What it does, in a few words.
    pub help: &'static str,
    /// Smallest allowed value, and whether it is allowed itself.
    pub min: Option<(f64, bool)>,
    /// Largest allowed value, and whether it is allowed itself.
    pub max: Option<(f64, bool)>,
}

/// Most parameters one activation may have.
pub const MAX_PARAMS: usize = 8;

/// A bound a parameter value broke.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// Must be at least this.
    AtLeast(f64),
    /// Must be above this.
    Above(f64),
    /// Must be at most this.
    AtMost(f64),
    /// Must be below this.
    Below(f64),
}

/// A parameter value an activation cannot take.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ParamError {
    /// NaN given for a parameter.
    #[error("{function} {param}: NaN is not a value")]
    Nan {
        /// The function's name.
        function: &'static str,
        /// The parameter's name.
        param: &'static str,
    },
    /// An infinity for a parameter that needs a finite value (softplus's threshold
    /// alone takes inf: no threshold).
    #[error("{function} {param}: {value} is not finite")]
    NotFinite {
        /// The function's name.
        function: &'static str,
        /// The parameter's name.
        param: &'static str,
        /// The value given (±inf).
        value: f64,
    },
    /// Outside the parameter's range.
    #[error("{function} {param} = {value}: out of range ({bound:?})")]
    OutOfRange {
        /// The function's name.
        function: &'static str,
        /// The parameter's name.
        param: &'static str,
        /// The value given.
        value: f64,
        /// The bound it broke.
        bound: Bound,
    },
    /// Two parameters out of order (hardtanh's min and max).
    #[error("{function}: {lower} ({lower_value}) must be below {upper} ({upper_value})")]
    NotBelow {
        /// The function's name.
        function: &'static str,
        /// The parameter that must be smaller.
        lower: &'static str,
        /// The parameter that must be larger.
        upper: &'static str,
        /// Their values.
        lower_value: f64,
        /// Their values.
        upper_value: f64,
    },
}

/// A name that is neither a function of the catalogue nor an alias of one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown function '{name}'")]
pub struct UnknownFunction {
    /// The name as given.
    pub name: String,
}

/// A check of an entry's parameters together (beyond each one's range).
pub type Check = fn(&[f64]) -> Result<(), ParamError>;

/// f and f' at x with parameters p, in one call.
pub type Both = fn(f64, &[f64]) -> (f64, f64);

/// One activation function, defined in one place.
pub struct Activation {
    /// Canonical snake_case name.
    pub name: &'static str,
    /// Other accepted names (matching ignores case, `-` and `_`).
    pub aliases: &'static [&'static str],
    /// Its parameters, in order (at most [`MAX_PARAMS`]).
    pub params: &'static [Param],
    /// f(x; parameters).
    pub value: fn(f64, &[f64]) -> f64,
    /// f'(x; parameters), with the kink convention where f has a kink.
    pub deriv: fn(f64, &[f64]) -> f64,
    /// Value and derivative together, where sharing the work pays (GELU computes Φ
    /// once); must return exactly `(value, deriv)`. `None`: the two are computed apart.
    pub both: Option<Both>,
    /// The formula, in plain Unicode.
    pub formula: &'static str,
    /// The derivative's formula, in plain Unicode.
    pub deriv_formula: &'static str,
    /// Differentiable everywhere (no kink).
    pub smooth: bool,
    /// The identity: no activation at all (what a linear network has).
    pub linear: bool,
    /// A check of the parameters together, beyond each one's range.
    pub check: Option<Check>,
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

/// Parameter values for one activation, in the order of its `params` (up to
/// [`MAX_PARAMS`]; a test holds every catalogue entry to it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    v: [f64; MAX_PARAMS],
}

impl Params {
    /// The values, in the order of the activation's `params`, then unused slots.
    pub fn as_slice(&self) -> &[f64] {
        &self.v
    }
}

impl Activation {
    /// The defaults of every parameter.
    pub fn default_params(&self) -> Params {
        let mut v = [0.0; MAX_PARAMS];
        for (slot, p) in v.iter_mut().zip(self.params) {
            *slot = p.default;
        }
        Params { v }
    }

    /// Parameters with some values overridden by name (names it does not have are
    /// ignored); checks each against its range, then the entry's own check.
    pub fn params_with(&self, given: &[(&str, f64)]) -> Result<Params, ParamError> {
        let mut out = self.default_params();
        for (name, value) in given {
            let Some(i) = self.params.iter().position(|p| p.name == *name) else {
                continue;
            };
            let p = &self.params[i];
            let (function, param, value) = (self.name, p.name, *value);
            if value.is_nan() {
                return Err(ParamError::Nan { function, param });
            }
            if value.is_infinite() && !p.default.is_infinite() {
                return Err(ParamError::NotFinite { function, param, value });
            }
            let broken = match (p.min, p.max) {
                (Some((min, true)), _) if value < min => Some(Bound::AtLeast(min)),
                (Some((min, false)), _) if value <= min => Some(Bound::Above(min)),
                (_, Some((max, true))) if value > max => Some(Bound::AtMost(max)),
                (_, Some((max, false))) if value >= max => Some(Bound::Below(max)),
                _ => None,
            };
            if let Some(bound) = broken {
                return Err(ParamError::OutOfRange { function, param, value, bound });
            }
            out.v[i] = value;
        }
        if let Some(check) = self.check {
            check(&out.v)?;
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
pub fn lookup(name: &str) -> Result<&'static Activation, UnknownFunction> {
    let key = normalize(name);
    CATALOGUE
        .iter()
        .find(|a| a.names().any(|n| normalize(n) == key))
        .ok_or_else(|| UnknownFunction { name: name.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_entry_has_more_parameters_than_params_holds() {
        for a in CATALOGUE {
            assert!(a.params.len() <= MAX_PARAMS, "{} has {} parameters", a.name, a.params.len());
        }
    }

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
        assert_eq!(lookup("gelus").unwrap_err(), UnknownFunction { name: "gelus".into() });
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
