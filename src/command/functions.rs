//! Functions as commands take them: `FN[,FN...]`, where each is a catalogue name
//! (`gelu`), a defined name (`swish`), a derivative (`sigmoid'`) or a formula in x
//! (`x*sigmoid(1.702*x)`), and the parameter options that apply to them.

use super::{Error, ParamArgs};
use crate::activation::{CATALOGUE, Function, lookup};
use crate::messages;
use crate::render::num::shortest;
use std::sync::Arc;

/// Most functions one command may name (`eval f1,f2,...`).
pub const MAX_FUNCTIONS: usize = 256;

/// `FN[,FN...]` split at the commas outside parentheses
/// (`leaky_relu(x, slope=0.2),tanh` is two).
pub fn split(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i64, 0);
    for (i, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(&list[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&list[start..]);
    out
}

/// A lone name (letters, digits, `_`, `-`), perhaps with primes: what is looked up
/// rather than read as a formula.
fn is_bare_name(s: &str) -> bool {
    let body = s.trim_end_matches('\'');
    !body.is_empty()
        && body.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && body.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The catalogue entry `name`, or a message with the closest name.
pub fn catalogue_entry(name: &str) -> Result<&'static crate::activation::Activation, Error> {
    lookup(name).map_err(|e| Error::Usage(unknown(&e.name)))
}

/// `unknown function 'gelus' (did you mean 'gelu'?)`, over the catalogue and the
/// definitions.
fn unknown(name: &str) -> String {
    crate::defs::with(|d| {
        let mut names: Vec<&str> = CATALOGUE.iter().flat_map(|a| a.names()).collect();
        names.extend(d.functions().iter().map(|f| f.name.as_str()));
        messages::unknown_function(&crate::activation::UnknownFunction { name: name.to_string() }, names)
    })
}

/// One function from its text, with the parameters given.
fn one(text: &str, given: &[(&str, f64)]) -> Result<Function, Error> {
    let defined = crate::defs::with(|d| d.function_named(text).is_some());
    if !defined && let Ok(a) = lookup(text) {
        let mine: Vec<(&str, f64)> =
            given.iter().copied().filter(|(n, _)| a.params.iter().any(|p| p.name == *n)).collect();
        return a
            .params_with(&mine)
            .map(|p| Function::Entry(a, p))
            .map_err(|e| Error::Usage(messages::param_error(&e)));
    }
    crate::defs::with(|d| {
        let formula = d.function(text, given).map_err(|e| {
            if is_bare_name(text) && matches!(e.kind, crate::formula::ErrorKind::UnknownName(_)) {
                Error::Usage(unknown(text))
            } else {
                Error::Usage(messages::formula_error(&e, text, d))
            }
        })?;
        Ok(Function::Formula(Arc::new(formula)))
    })
}

/// The parameter names a bare defined or catalogue name takes.
fn params_of(text: &str) -> Vec<String> {
    crate::defs::with(|d| match d.function_named(text.trim_end_matches('\'')) {
        Some(f) => f.params.iter().map(|(p, _)| p.clone()).collect(),
        None => lookup(text.trim_end_matches('\''))
            .map(|a| a.params.iter().map(|p| p.name.to_string()).collect())
            .unwrap_or_default(),
    })
}

/// A function and how to show it.
#[derive(Clone, Debug)]
pub struct Named {
    pub f: Function,
    /// `gelu`, `leaky_relu(slope=0.2)`, `swish(beta=2)`, or the formula as typed.
    pub label: String,
}

impl Named {
    /// The formula, for a title.
    pub fn formula(&self) -> String {
        match &self.f {
            Function::Entry(a, _) => crate::i18n::entry_text(a.name, "formula", a.formula),
            Function::Formula(_) => self.definition().unwrap_or_else(|| format!("f(x) = {}", self.label)),
        }
    }

    /// The derivative's formula, for a title.
    pub fn deriv_formula(&self) -> String {
        match &self.f {
            Function::Entry(a, _) => crate::i18n::entry_text(a.name, "derivative", a.deriv_formula),
            Function::Formula(_) => crate::t!("formula-deriv-title"),
        }
    }

    /// `swish(x; beta = 1) = x*sigmoid(beta*x)` for a defined name.
    pub fn definition(&self) -> Option<String> {
        let name = self.label.split('(').next().unwrap_or("");
        crate::defs::with(|d| d.function_named(name).map(|f| f.text.clone()))
    }
}

/// The functions of `FN[,FN...]`, with the parameter options. With `deriv`, each
/// must have a derivative (a formula with f' inside has none: no second derivatives).
pub fn resolve(list: &str, params: &ParamArgs, deriv: bool) -> Result<Vec<Named>, Error> {
    let pieces = split(list);
    if pieces.len() > MAX_FUNCTIONS {
        return Err(Error::Usage(crate::t!("too-many-functions", n = pieces.len(), max = MAX_FUNCTIONS)));
    }
    let given = params.given();
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces.iter().map(|p| p.trim()) {
        if piece.is_empty() {
            return Err(Error::Usage(crate::t!("empty-function-name", list = crate::shown::shown(list))));
        }
        let f = one(piece, &given)?;
        if deriv
            && let Function::Formula(formula) = &f
            && let Some(prime) = formula.derivative_blocked_by()
        {
            return Err(Error::Usage(crate::t!(
                "deriv-needs-second",
                name = crate::shown::shown(piece),
                prime = prime
            )));
        }
        let label = match &f {
            Function::Entry(a, p) => entry_label(a, p),
            Function::Formula(_) => {
                let set: Vec<String> = if is_bare_name(piece) {
                    let mine = params_of(piece);
                    given
                        .iter()
                        .filter(|(n, _)| mine.iter().any(|m| m == n))
                        .map(|(n, v)| format!("{n}={}", shortest(*v)))
                        .collect()
                } else {
                    Vec::new()
                };
                if set.is_empty() { piece.to_string() } else { format!("{piece}({})", set.join(",")) }
            }
        };
        out.push(Named { f, label });
    }
    // two columns never share a name: a repeat is named as typed (sigmoid,logistic), else numbered
    for i in 1..out.len() {
        if out[..i].iter().any(|o| o.label == out[i].label) {
            let typed = pieces[i].trim();
            let mut label = typed.to_string();
            let mut k = 1;
            while out.iter().enumerate().any(|(j, o)| j != i && o.label == label) {
                k += 1;
                label = format!("{typed} ({k})");
            }
            out[i].label = label;
        }
    }
    for (pname, _) in &given {
        let applies = pieces.iter().any(|p| is_bare_name(p.trim()) && params_of(p.trim()).iter().any(|q| q == pname));
        if !applies {
            let owners: Vec<&str> =
                CATALOGUE.iter().filter(|a| a.params.iter().any(|p| p.name == *pname)).map(|a| a.name).collect();
            let owners = crate::defs::with(|d| {
                let mut o: Vec<String> = owners.iter().map(|s| s.to_string()).collect();
                o.extend(
                    d.functions().iter().filter(|f| f.params.iter().any(|(p, _)| p == pname)).map(|f| f.name.clone()),
                );
                o
            });
            let list: Vec<&str> = out.iter().map(|n| n.label.as_str()).collect();
            let formula_hint = if out.iter().any(|n| matches!(n.f, Function::Formula(_)) && !is_bare_name(&n.label)) {
                crate::t!("hint-param-in-call")
            } else {
                String::new()
            };
            return Err(Error::Usage(crate::t!(
                "param-does-not-apply",
                param = pname,
                functions = list.join(", "),
                owners = owners.join(", "),
                hint = formula_hint
            )));
        }
    }
    Ok(out)
}

/// The derivative's name: `gelu'`, `leaky_relu(slope=0.2)'`, `(x*sigmoid(x))'`.
pub fn primed(label: &str) -> String {
    let simple = label.chars().all(|c| c.is_alphanumeric() || "_'".contains(c))
        || (label.ends_with(')')
            && label.find('(').is_some_and(|i| label[..i].chars().all(|c| c.is_alphanumeric() || c == '_'))
            && label.matches('(').count() == 1);
    if simple { format!("{label}'") } else { format!("({label})'") }
}

/// `gelu`, or `leaky_relu(slope=0.2)` when a parameter differs from its default.
pub fn entry_label(a: &crate::activation::Activation, p: &crate::activation::Params) -> String {
    let set: Vec<String> = a
        .params
        .iter()
        .zip(p.as_slice())
        .filter(|(spec, v)| spec.default.to_bits() != v.to_bits())
        .map(|(spec, v)| format!("{}={}", spec.name, shortest(*v)))
        .collect();
    if set.is_empty() { a.name.to_string() } else { format!("{}({})", a.name, set.join(",")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_outside_parentheses() {
        assert_eq!(split("leaky_relu(x, slope=0.2),tanh"), ["leaky_relu(x, slope=0.2)", "tanh"]);
        assert_eq!(split("max(x,0)"), ["max(x,0)"]);
        assert_eq!(split("a,,b"), ["a", "", "b"]);
    }
}
