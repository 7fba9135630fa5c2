//! A compiled formula: postfix operations on a small fixed stack, evaluated for a
//! value, or for a value and its derivative with dual numbers (forward-mode automatic
//! differentiation: each operation carries d/dx along; catalogue functions bring
//! their own accurate derivative and kink convention).

use super::syntax::BinOp;
use crate::activation::{Activation, Params};

/// Deepest stack one program may use (the compiler refuses deeper formulas).
pub const STACK: usize = 128;

/// An elementary function of one argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum F1 {
    Exp,
    Expm1,
    Ln,
    Log1p,
    Log2,
    Log10,
    Sqrt,
    Cbrt,
    Abs,
    Sign,
    Erf,
    Erfc,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Asinh,
    Acosh,
    Atanh,
    Floor,
    Ceil,
}

/// An elementary function of two arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum F2 {
    Min,
    Max,
    Atan2,
    Hypot,
}

/// The elementary functions by name: (name, arity, which).
pub(crate) const ELEMENTARY: &[(&str, Elementary)] = &[
    ("exp", Elementary::One(F1::Exp)),
    ("expm1", Elementary::One(F1::Expm1)),
    ("ln", Elementary::One(F1::Ln)),
    ("log", Elementary::One(F1::Ln)),
    ("log1p", Elementary::One(F1::Log1p)),
    ("log2", Elementary::One(F1::Log2)),
    ("log10", Elementary::One(F1::Log10)),
    ("sqrt", Elementary::One(F1::Sqrt)),
    ("cbrt", Elementary::One(F1::Cbrt)),
    ("abs", Elementary::One(F1::Abs)),
    ("sign", Elementary::One(F1::Sign)),
    ("erf", Elementary::One(F1::Erf)),
    ("erfc", Elementary::One(F1::Erfc)),
    ("sin", Elementary::One(F1::Sin)),
    ("cos", Elementary::One(F1::Cos)),
    ("tan", Elementary::One(F1::Tan)),
    ("asin", Elementary::One(F1::Asin)),
    ("acos", Elementary::One(F1::Acos)),
    ("atan", Elementary::One(F1::Atan)),
    ("sinh", Elementary::One(F1::Sinh)),
    ("cosh", Elementary::One(F1::Cosh)),
    ("asinh", Elementary::One(F1::Asinh)),
    ("acosh", Elementary::One(F1::Acosh)),
    ("atanh", Elementary::One(F1::Atanh)),
    ("floor", Elementary::One(F1::Floor)),
    ("ceil", Elementary::One(F1::Ceil)),
    ("min", Elementary::Two(F2::Min)),
    ("max", Elementary::Two(F2::Max)),
    ("atan2", Elementary::Two(F2::Atan2)),
    ("hypot", Elementary::Two(F2::Hypot)),
    ("pow", Elementary::Pow),
    ("if", Elementary::If),
];

/// What an elementary name compiles to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Elementary {
    One(F1),
    Two(F2),
    Pow,
    If,
}

impl Elementary {
    pub(crate) fn arity(self) -> usize {
        match self {
            Elementary::One(_) => 1,
            Elementary::Two(_) | Elementary::Pow => 2,
            Elementary::If => 3,
        }
    }

    /// Differentiable everywhere it is defined (no kink, no jump).
    pub(crate) fn smooth(self) -> bool {
        !matches!(
            self,
            Elementary::One(F1::Abs | F1::Sign | F1::Floor | F1::Ceil)
                | Elementary::Two(F2::Min | F2::Max)
                | Elementary::If
        )
    }
}

impl F1 {
    #[inline]
    fn value(self, a: f64) -> f64 {
        use core_math as cm;
        match self {
            F1::Exp => cm::exp(a),
            F1::Expm1 => cm::expm1(a),
            F1::Ln => cm::log(a),
            F1::Log1p => cm::log1p(a),
            F1::Log2 => cm::log2(a),
            F1::Log10 => cm::log10(a),
            F1::Sqrt => a.sqrt(),
            F1::Cbrt => cm::cbrt(a),
            F1::Abs => a.abs(),
            F1::Sign => {
                if a == 0.0 || a.is_nan() {
                    a
                } else {
                    a.signum()
                }
            }
            F1::Erf => cm::erf(a),
            F1::Erfc => cm::erfc(a),
            F1::Sin => cm::sin(a),
            F1::Cos => cm::cos(a),
            F1::Tan => cm::tan(a),
            F1::Asin => cm::asin(a),
            F1::Acos => cm::acos(a),
            F1::Atan => cm::atan(a),
            F1::Sinh => cm::sinh(a),
            F1::Cosh => cm::cosh(a),
            F1::Asinh => cm::asinh(a),
            F1::Acosh => cm::acosh(a),
            F1::Atanh => cm::atanh(a),
            F1::Floor => a.floor(),
            F1::Ceil => a.ceil(),
        }
    }

    /// d f(a) / da, given v = f(a).
    #[inline]
    fn slope(self, a: f64, v: f64) -> f64 {
        use core_math as cm;
        use std::f64::consts::{LN_2, LN_10};
        match self {
            F1::Exp => v,
            F1::Expm1 => cm::exp(a),
            F1::Ln => 1.0 / a,
            F1::Log1p => 1.0 / (1.0 + a),
            F1::Log2 => 1.0 / (a * LN_2),
            F1::Log10 => 1.0 / (a * LN_10),
            F1::Sqrt => 0.5 / v,
            F1::Cbrt => 1.0 / (3.0 * v * v),
            // PyTorch's convention: abs'(0) = 0
            F1::Abs => {
                if a == 0.0 {
                    0.0
                } else {
                    a.signum()
                }
            }
            F1::Sign | F1::Floor | F1::Ceil => 0.0,
            F1::Erf => std::f64::consts::FRAC_2_SQRT_PI * cm::exp(-a * a),
            F1::Erfc => -std::f64::consts::FRAC_2_SQRT_PI * cm::exp(-a * a),
            F1::Sin => cm::cos(a),
            F1::Cos => -cm::sin(a),
            F1::Tan => 1.0 + v * v,
            F1::Asin => 1.0 / ((1.0 - a) * (1.0 + a)).sqrt(),
            F1::Acos => -1.0 / ((1.0 - a) * (1.0 + a)).sqrt(),
            F1::Atan => 1.0 / (1.0 + a * a),
            F1::Sinh => cm::cosh(a),
            F1::Cosh => cm::sinh(a),
            F1::Asinh => 1.0 / cm::hypot(a, 1.0),
            F1::Acosh => 1.0 / ((a - 1.0) * (a + 1.0)).sqrt(),
            F1::Atanh => 1.0 / ((1.0 - a) * (1.0 + a)),
        }
    }
}

/// One step of a program.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Op {
    Const(f64),
    X,
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Cmp(BinOp),
    /// if(c, a, b): pops b, a, c.
    If,
    F1(F1),
    F2(F2),
    /// A catalogue function, `acts[i]`.
    Act(u16),
    /// A catalogue function's derivative, `acts[i]`.
    ActPrime(u16),
    /// A defined function, `subs[i]`, at the top of the stack.
    Call(u16),
    /// A defined function's derivative, `subs[i]`.
    CallPrime(u16),
}

/// A compiled formula in one variable.
#[derive(Clone, Debug, Default)]
pub(crate) struct Program {
    pub ops: Vec<Op>,
    pub acts: Vec<(&'static Activation, Params)>,
    pub subs: Vec<Program>,
    /// Deepest stack it uses.
    pub stack: usize,
    /// Its derivative can be computed (no f' inside: actlab has no second derivatives).
    pub differentiable: bool,
    /// No kink or jump: abs, sign, min, max, floor, ceil, if, comparisons and the
    /// catalogue's functions with a kink make it false.
    pub smooth: bool,
    /// Where the derivative cannot be taken, the name of the f' that stops it.
    pub prime_name: Option<String>,
}

/// k·d, but 0 when d is 0 (a constant's zero derivative stays zero even where the
/// slope k is infinite).
#[inline]
fn t(k: f64, d: f64) -> f64 {
    if d == 0.0 { 0.0 } else { k * d }
}

#[inline]
fn compare(op: BinOp, a: f64, b: f64) -> f64 {
    let r = match op {
        BinOp::Lt => a < b,
        BinOp::Le => a <= b,
        BinOp::Gt => a > b,
        BinOp::Ge => a >= b,
        BinOp::Eq => a == b,
        _ => a != b,
    };
    if r { 1.0 } else { 0.0 }
}

#[inline]
fn choose(c: f64, a: f64, b: f64) -> f64 {
    if c.is_nan() {
        c
    } else if c != 0.0 {
        a
    } else {
        b
    }
}

#[inline]
fn f2(f: F2, a: f64, b: f64) -> f64 {
    match f {
        F2::Min => {
            if a.is_nan() || b.is_nan() {
                a + b
            } else {
                a.min(b)
            }
        }
        F2::Max => {
            if a.is_nan() || b.is_nan() {
                a + b
            } else {
                a.max(b)
            }
        }
        F2::Atan2 => core_math::atan2(a, b),
        F2::Hypot => core_math::hypot(a, b),
    }
}

impl Program {
    /// The value at x.
    #[inline]
    pub fn value(&self, x: f64) -> f64 {
        // a stack no larger than needed: clearing 128 slots per value would cost more
        // than the formula
        match self.stack {
            0..=8 => self.value_n::<8>(x),
            9..=32 => self.value_n::<32>(x),
            _ => self.value_n::<STACK>(x),
        }
    }

    /// The value and derivative times dx.
    #[inline]
    pub fn dual(&self, x: f64, dx: f64) -> (f64, f64) {
        match self.stack {
            0..=8 => self.dual_n::<8>(x, dx),
            9..=32 => self.dual_n::<32>(x, dx),
            _ => self.dual_n::<STACK>(x, dx),
        }
    }

    fn value_n<const N: usize>(&self, x: f64) -> f64 {
        let mut s = [0.0f64; N];
        let mut n = 0usize;
        for op in &self.ops {
            match *op {
                Op::Const(c) => {
                    s[n] = c;
                    n += 1;
                }
                Op::X => {
                    s[n] = x;
                    n += 1;
                }
                Op::Neg => s[n - 1] = -s[n - 1],
                Op::Add => {
                    n -= 1;
                    s[n - 1] += s[n];
                }
                Op::Sub => {
                    n -= 1;
                    s[n - 1] -= s[n];
                }
                Op::Mul => {
                    n -= 1;
                    s[n - 1] *= s[n];
                }
                Op::Div => {
                    n -= 1;
                    s[n - 1] /= s[n];
                }
                Op::Pow => {
                    n -= 1;
                    s[n - 1] = core_math::pow(s[n - 1], s[n]);
                }
                Op::Cmp(op) => {
                    n -= 1;
                    s[n - 1] = compare(op, s[n - 1], s[n]);
                }
                Op::If => {
                    n -= 2;
                    s[n - 1] = choose(s[n - 1], s[n], s[n + 1]);
                }
                Op::F1(f) => s[n - 1] = f.value(s[n - 1]),
                Op::F2(f) => {
                    n -= 1;
                    s[n - 1] = f2(f, s[n - 1], s[n]);
                }
                Op::Act(i) => {
                    let (a, p) = &self.acts[i as usize];
                    s[n - 1] = a.value(s[n - 1], p);
                }
                Op::ActPrime(i) => {
                    let (a, p) = &self.acts[i as usize];
                    s[n - 1] = a.deriv(s[n - 1], p);
                }
                Op::Call(i) => s[n - 1] = self.subs[i as usize].value(s[n - 1]),
                Op::CallPrime(i) => s[n - 1] = self.subs[i as usize].dual(s[n - 1], 1.0).1,
            }
        }
        s[0]
    }

    /// The value at x and its derivative times dx (NaN where the program is not
    /// differentiable).
    fn dual_n<const N: usize>(&self, x: f64, dx: f64) -> (f64, f64) {
        let mut s = [(0.0f64, 0.0f64); N];
        let mut n = 0usize;
        for op in &self.ops {
            match *op {
                Op::Const(c) => {
                    s[n] = (c, 0.0);
                    n += 1;
                }
                Op::X => {
                    s[n] = (x, dx);
                    n += 1;
                }
                Op::Neg => s[n - 1] = (-s[n - 1].0, -s[n - 1].1),
                Op::Add => {
                    n -= 1;
                    let (a, b) = (s[n - 1], s[n]);
                    s[n - 1] = (a.0 + b.0, a.1 + b.1);
                }
                Op::Sub => {
                    n -= 1;
                    let (a, b) = (s[n - 1], s[n]);
                    s[n - 1] = (a.0 - b.0, a.1 - b.1);
                }
                Op::Mul => {
                    n -= 1;
                    let (a, b) = (s[n - 1], s[n]);
                    s[n - 1] = (a.0 * b.0, t(a.0, b.1) + t(b.0, a.1));
                }
                Op::Div => {
                    n -= 1;
                    let (a, b) = (s[n - 1], s[n]);
                    let v = a.0 / b.0;
                    s[n - 1] = (v, (t(1.0, a.1) - t(v, b.1)) / b.0);
                }
                Op::Pow => {
                    n -= 1;
                    let (a, b) = (s[n - 1], s[n]);
                    let v = core_math::pow(a.0, b.0);
                    let by_base = if a.1 == 0.0 { 0.0 } else { b.0 * core_math::pow(a.0, b.0 - 1.0) * a.1 };
                    let by_exponent = if b.1 == 0.0 { 0.0 } else { v * core_math::log(a.0) * b.1 };
                    s[n - 1] = (v, by_base + by_exponent);
                }
                Op::Cmp(op) => {
                    n -= 1;
                    s[n - 1] = (compare(op, s[n - 1].0, s[n].0), 0.0);
                }
                Op::If => {
                    n -= 2;
                    let (c, a, b) = (s[n - 1].0, s[n], s[n + 1]);
                    s[n - 1] = if c.is_nan() {
                        (c, c)
                    } else if c != 0.0 {
                        a
                    } else {
                        b
                    };
                }
                Op::F1(f) => {
                    let (a, da) = s[n - 1];
                    let v = f.value(a);
                    s[n - 1] = (v, if da == 0.0 { 0.0 } else { f.slope(a, v) * da });
                }
                Op::F2(f) => {
                    n -= 1;
                    let (a, b) = (s[n - 1], s[n]);
                    let v = f2(f, a.0, b.0);
                    let d = match f {
                        // at a tie each argument gets half (PyTorch's maximum/minimum)
                        F2::Min | F2::Max if a.0 == b.0 => 0.5 * (a.1 + b.1),
                        F2::Min => {
                            if a.0 < b.0 {
                                a.1
                            } else {
                                b.1
                            }
                        }
                        F2::Max => {
                            if a.0 > b.0 {
                                a.1
                            } else {
                                b.1
                            }
                        }
                        F2::Atan2 => {
                            let r2 = a.0 * a.0 + b.0 * b.0;
                            t(b.0 / r2, a.1) - t(a.0 / r2, b.1)
                        }
                        F2::Hypot => t(a.0 / v, a.1) + t(b.0 / v, b.1),
                    };
                    s[n - 1] = (v, d);
                }
                Op::Act(i) => {
                    let (f, p) = &self.acts[i as usize];
                    let (u, du) = s[n - 1];
                    let (v, d) = f.value_and_deriv(u, p);
                    s[n - 1] = (v, t(d, du));
                }
                Op::ActPrime(i) => {
                    let (f, p) = &self.acts[i as usize];
                    let (u, du) = s[n - 1];
                    s[n - 1] = (f.deriv(u, p), if du == 0.0 { 0.0 } else { f64::NAN });
                }
                Op::Call(i) => {
                    let (u, du) = s[n - 1];
                    let (v, d) = self.subs[i as usize].dual(u, 1.0);
                    s[n - 1] = (v, t(d, du));
                }
                Op::CallPrime(i) => {
                    let (u, du) = s[n - 1];
                    let (_, d) = self.subs[i as usize].dual(u, 1.0);
                    s[n - 1] = (d, if du == 0.0 { 0.0 } else { f64::NAN });
                }
            }
        }
        s[0]
    }
}
