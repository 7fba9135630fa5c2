//! Formulas: numbers written as expressions (`sqrt(2)`, `3*pi/4`), functions of `x`
//! (`x*sigmoid(1.702*x)`), and definitions (`def swish(x; beta = 1) =
//! x*sigmoid(beta*x)`, `let k = 1.702`).
//!
//! A formula is parsed once ([`syntax`]), compiled against the catalogue, the
//! elementary functions and the [`Definitions`] into a small postfix program, and
//! evaluated per value without re-parsing. Its derivative is exact for the formula
//! as written: dual numbers carry d/dx through every operation, and a catalogue call
//! uses the entry's own derivative (kink convention included), never a difference
//! quotient. Each operation is rounded once (elementary functions are correctly
//! rounded, from core-math), but the formula as a whole can lose digits to
//! cancellation: `1 - tanh(x)^2` is 0 at x = 20.

mod compile;
mod program;
pub mod syntax;

pub use compile::{Constant, Defined, Definitions, MAX_CALL_DEPTH, MAX_OPS};
pub use syntax::{BinOp, Expr, Kind, parse};

use crate::activation::ParamError;

/// What was expected where a formula went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A number, a name or `(`.
    Value,
    /// An operator or the end.
    Operator,
    /// `)`.
    Close,
    /// `,` or `)` in a call.
    CommaOrClose,
    /// A name.
    Name,
    /// `=` in a definition.
    Assign,
}

/// What is wrong with a formula.
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorKind {
    /// Nothing to read.
    Empty,
    /// Longer than the limit, in bytes.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// Nested deeper than the limit.
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// Larger than [`MAX_OPS`] operations once definitions are expanded.
    TooLarge {
        /// The limit.
        max: usize,
    },
    /// Definitions calling definitions deeper than [`MAX_CALL_DEPTH`].
    CallsTooDeep {
        /// The limit.
        max: usize,
    },
    /// A character that has no meaning in a formula.
    UnexpectedChar(char),
    /// A number that does not read as one.
    BadNumber,
    /// A number beyond the largest double.
    NumberOutOfRange,
    /// Something else where `expected` was.
    Unexpected {
        /// What was found.
        found: String,
        /// What would have fitted.
        expected: Expected,
    },
    /// The text ended where `expected` was.
    UnexpectedEnd(Expected),
    /// `(` never closed.
    Unclosed,
    /// `)` with no `(`.
    UnmatchedClose,
    /// `a < b < c`.
    ChainedComparison,
    /// `f(slope = 1, x)`.
    PositionalAfterNamed,
    /// A parameter of a definition without `= default`.
    ParamWithoutDefault(String),
    /// A name that is nothing known.
    UnknownName(String),
    /// A function used as a value without a call (`sigmoid + 1`).
    NotAValue(String),
    /// A number (a constant, the variable, a parameter) called like a function.
    NotAFunction(String),
    /// A call with the wrong number of arguments.
    Arity {
        /// The function.
        name: String,
        /// How many it takes.
        expected: usize,
        /// How many were given.
        found: usize,
    },
    /// `f(x, p = 1)` where f has no parameter p.
    UnknownParam {
        /// The function.
        function: String,
        /// The parameter given.
        param: String,
    },
    /// The same parameter given twice.
    RepeatedParam(String),
    /// A parameter's value depends on x.
    ParamNotConstant(String),
    /// A parameter's value is out of its range.
    Param(ParamError),
    /// `exp'`: a prime on an elementary function (write its derivative instead).
    PrimeOfElementary(String),
    /// `f''`: more than one prime.
    TooManyPrimes(String),
    /// The derivative of a formula containing `f'` (actlab has no second derivatives).
    SecondDerivative(String),
    /// The variable used where only a number can be (a constant, `let`, `calc`).
    FreeVariable(String),
    /// A definition of a name that is taken (catalogue, elementary, constant, x).
    Reserved(String),
    /// A definition that uses itself (directly or through others).
    Recursive(String),
    /// Removing a definition that others use.
    UsedBy {
        /// The definition.
        name: String,
        /// The definitions that use it.
        users: Vec<String>,
    },
    /// `undef` of a name that is not defined.
    NotDefined(String),
}

/// A formula that cannot be read or compiled, with the bytes of the text at fault.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{kind:?} at bytes {}..{}", span.0, span.1)]
pub struct FormulaError {
    /// What is wrong.
    pub kind: ErrorKind,
    /// Where, as byte offsets `start..end` into the text (empty when it is the whole).
    pub span: (usize, usize),
}

impl FormulaError {
    pub(crate) fn at(kind: ErrorKind, span: (usize, usize)) -> Self {
        FormulaError { kind, span }
    }
}

/// A compiled function of x: evaluate it as often as needed.
#[derive(Clone, Debug)]
pub struct Formula {
    text: String,
    program: program::Program,
}

impl Formula {
    /// The formula as the user wrote it (trimmed).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// f(x).
    #[inline]
    pub fn value(&self, x: f64) -> f64 {
        self.program.value(x)
    }

    /// f'(x), exact for the formula as written (NaN when it contains an f').
    #[inline]
    pub fn deriv(&self, x: f64) -> f64 {
        self.program.dual(x, 1.0).1
    }

    /// (f(x), f'(x)).
    #[inline]
    pub fn value_and_deriv(&self, x: f64) -> (f64, f64) {
        self.program.dual(x, 1.0)
    }

    /// Its derivative can be computed: it contains no `f'` (actlab computes no
    /// second derivatives). When not, the name of the first `f'`.
    pub fn derivative_blocked_by(&self) -> Option<&str> {
        if self.program.differentiable { None } else { Some(self.program.prime_name.as_deref().unwrap_or("?")) }
    }

    /// No kink or jump anywhere (no abs, sign, min, max, floor, ceil, if,
    /// comparison, or catalogue function with a kink).
    pub fn smooth(&self) -> bool {
        self.program.smooth
    }
}

/// The names of the elementary functions a formula may call.
pub fn elementary_names() -> impl Iterator<Item = &'static str> {
    program::ELEMENTARY.iter().map(|(n, _)| *n)
}

/// The built-in constants: pi (also π), tau, e, inf, nan.
pub const CONSTANTS: &[(&str, f64)] = &[
    ("pi", std::f64::consts::PI),
    ("π", std::f64::consts::PI),
    ("tau", std::f64::consts::TAU),
    ("e", std::f64::consts::E),
    ("inf", f64::INFINITY),
    ("infinity", f64::INFINITY),
    ("nan", f64::NAN),
];

#[cfg(test)]
mod tests;
