//! A function of x as the commands take it: a catalogue entry with its parameters,
//! or a compiled formula.

use super::{Activation, Params};
use crate::formula::Formula;
use std::sync::Arc;

/// A catalogue entry at some parameters, or a formula (which may call entries).
#[derive(Clone, Debug)]
pub enum Function {
    /// A catalogue entry and its parameter values.
    Entry(&'static Activation, Params),
    /// A compiled formula (shared: cloning is cheap).
    Formula(Arc<Formula>),
}

impl Function {
    /// The catalogue entry at its default parameters.
    pub fn entry(a: &'static Activation) -> Self {
        Function::Entry(a, a.default_params())
    }

    /// f(x). NaN in, NaN out for an entry.
    #[inline]
    pub fn value(&self, x: f64) -> f64 {
        match self {
            Function::Entry(a, p) => a.value(x, p),
            Function::Formula(f) => f.value(x),
        }
    }

    /// f'(x).
    #[inline]
    pub fn deriv(&self, x: f64) -> f64 {
        match self {
            Function::Entry(a, p) => a.deriv(x, p),
            Function::Formula(f) => f.deriv(x),
        }
    }

    /// (f(x), f'(x)).
    #[inline]
    pub fn value_and_deriv(&self, x: f64) -> (f64, f64) {
        match self {
            Function::Entry(a, p) => a.value_and_deriv(x, p),
            Function::Formula(f) => f.value_and_deriv(x),
        }
    }

    /// The catalogue entry, when it is one.
    pub fn activation(&self) -> Option<(&'static Activation, &Params)> {
        match self {
            Function::Entry(a, p) => Some((a, p)),
            Function::Formula(_) => None,
        }
    }

    /// Differentiable everywhere (no kink).
    pub fn smooth(&self) -> bool {
        match self {
            Function::Entry(a, _) => a.smooth,
            Function::Formula(f) => f.smooth(),
        }
    }

    /// The identity (a catalogue entry marked linear).
    pub fn linear(&self) -> bool {
        matches!(self, Function::Entry(a, _) if a.linear)
    }
}
