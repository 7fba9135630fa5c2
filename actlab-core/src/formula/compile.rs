//! Names resolved, definitions expanded: a parsed formula becomes a [`Program`].

use super::program::{ELEMENTARY, Elementary, Op, Program, STACK};
use super::syntax::{self, BinOp, Expr, Kind};
use super::{CONSTANTS, ErrorKind, Formula, FormulaError};
use crate::activation::{self, Activation};
use std::cell::Cell;

/// Most operations one formula may compile to, definitions expanded.
pub const MAX_OPS: usize = 100_000;
/// Deepest chain of definitions calling definitions.
pub const MAX_CALL_DEPTH: usize = 16;

/// A function defined with `def NAME(x; p = 1) = FORMULA`.
#[derive(Clone, Debug)]
pub struct Defined {
    /// Its name.
    pub name: String,
    /// Its variable.
    pub var: String,
    /// Its parameters and their defaults.
    pub params: Vec<(String, f64)>,
    /// Its body.
    pub body: Expr,
    /// The definition as written, after `def`.
    pub text: String,
}

/// A constant defined with `let NAME = FORMULA` (its value is computed once).
#[derive(Clone, Debug)]
pub struct Constant {
    /// Its name.
    pub name: String,
    /// Its value.
    pub value: f64,
    /// The definition as written, after `let`.
    pub text: String,
}

/// The functions and constants a session has defined. A plain value: the front end
/// keeps it (and saves it) where it likes.
#[derive(Clone, Debug, Default)]
pub struct Definitions {
    functions: Vec<Defined>,
    constants: Vec<Constant>,
}

fn elementary(name: &str) -> Option<Elementary> {
    ELEMENTARY.iter().find(|(n, _)| *n == name).map(|(_, e)| *e)
}

fn builtin_constant(name: &str) -> Option<f64> {
    CONSTANTS.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

struct Compiler<'a> {
    defs: &'a Definitions,
    var: Option<&'a str>,
    params: &'a [(String, f64)],
    depth: usize,
    budget: &'a Cell<usize>,
}

impl Compiler<'_> {
    fn push(&self, prog: &mut Program, op: Op, span: (usize, usize)) -> Result<(), FormulaError> {
        let left = self.budget.get();
        if left == 0 {
            return Err(FormulaError::at(ErrorKind::TooLarge { max: MAX_OPS }, span));
        }
        self.budget.set(left - 1);
        prog.ops.push(op);
        Ok(())
    }

    /// A number needed at compile time (a parameter's value): the formula with no x.
    fn constant(&self, e: &Expr, param: &str) -> Result<f64, FormulaError> {
        let c = Compiler { var: None, ..*self };
        let mut prog = Program::new();
        c.expr(e, &mut prog).map_err(|err| match err.kind {
            ErrorKind::FreeVariable(_) => FormulaError::at(ErrorKind::ParamNotConstant(param.to_string()), e.span),
            _ => err,
        })?;
        finish(&mut prog, e.span)?;
        Ok(prog.value(0.0))
    }

    fn expr(&self, e: &Expr, prog: &mut Program) -> Result<(), FormulaError> {
        match &e.kind {
            Kind::Num(v) => self.push(prog, Op::Const(*v), e.span),
            Kind::Name(name, primes) => {
                if *primes == 0 {
                    if self.var == Some(name.as_str()) {
                        return self.push(prog, Op::X, e.span);
                    }
                    if let Some((_, v)) = self.params.iter().find(|(p, _)| p == name) {
                        return self.push(prog, Op::Const(*v), e.span);
                    }
                    if let Some(c) = self.defs.constants.iter().find(|c| c.name == *name) {
                        return self.push(prog, Op::Const(c.value), e.span);
                    }
                    if let Some(v) = builtin_constant(name) {
                        return self.push(prog, Op::Const(v), e.span);
                    }
                    if name == "x" && self.var.is_none() {
                        return Err(FormulaError::at(ErrorKind::FreeVariable(name.clone()), e.span));
                    }
                }
                if self.is_function(name) {
                    let shown = format!("{name}{}", "'".repeat(*primes as usize));
                    return Err(FormulaError::at(ErrorKind::NotAValue(shown), e.span));
                }
                Err(FormulaError::at(ErrorKind::UnknownName(name.clone()), e.span))
            }
            Kind::Neg(a) => {
                self.expr(a, prog)?;
                self.push(prog, Op::Neg, e.span)
            }
            Kind::Bin(op, a, b) => {
                self.expr(a, prog)?;
                self.expr(b, prog)?;
                let op = match op {
                    BinOp::Add => Op::Add,
                    BinOp::Sub => Op::Sub,
                    BinOp::Mul => Op::Mul,
                    BinOp::Div => Op::Div,
                    BinOp::Pow => Op::Pow,
                    cmp => {
                        prog.smooth = false;
                        Op::Cmp(*cmp)
                    }
                };
                self.push(prog, op, e.span)
            }
            Kind::Call { name, primes, args, named } => self.call(e, name, *primes, args, named, prog),
        }
    }

    fn is_function(&self, name: &str) -> bool {
        elementary(name).is_some()
            || self.defs.functions.iter().any(|f| f.name == name)
            || activation::lookup(name).is_ok()
    }

    fn call(
        &self,
        e: &Expr,
        name: &str,
        primes: u8,
        args: &[Expr],
        named: &[(String, Expr)],
        prog: &mut Program,
    ) -> Result<(), FormulaError> {
        let shown = format!("{name}{}", "'".repeat(primes as usize));
        let arity = |expected: usize| -> Result<(), FormulaError> {
            if args.len() != expected {
                return Err(FormulaError::at(
                    ErrorKind::Arity { name: shown.clone(), expected, found: args.len() },
                    e.span,
                ));
            }
            Ok(())
        };
        if let Some(el) = elementary(name) {
            if primes > 0 {
                return Err(FormulaError::at(ErrorKind::PrimeOfElementary(shown), e.span));
            }
            if let Some((p, v)) = named.first() {
                return Err(FormulaError::at(
                    ErrorKind::UnknownParam { function: name.to_string(), param: p.clone() },
                    v.span,
                ));
            }
            arity(el.arity())?;
            for a in args {
                self.expr(a, prog)?;
            }
            prog.smooth &= el.smooth();
            let op = match el {
                Elementary::One(f) => Op::F1(f),
                Elementary::Two(f) => Op::F2(f),
                Elementary::Pow => Op::Pow,
                Elementary::If => Op::If,
            };
            return self.push(prog, op, e.span);
        }
        if primes > 1 {
            return Err(FormulaError::at(ErrorKind::TooManyPrimes(shown), e.span));
        }
        let mut given: Vec<(&str, f64, (usize, usize))> = Vec::new();
        for (p, v) in named {
            if given.iter().any(|(q, ..)| q == p) {
                return Err(FormulaError::at(ErrorKind::RepeatedParam(p.clone()), v.span));
            }
            given.push((p, self.constant(v, p)?, v.span));
        }
        if let Some(def) = self.defs.functions.iter().find(|f| f.name == name) {
            arity(1)?;
            let mut params = def.params.clone();
            for (p, v, span) in &given {
                match params.iter_mut().find(|(q, _)| q == p) {
                    Some(slot) => slot.1 = *v,
                    None => {
                        return Err(FormulaError::at(
                            ErrorKind::UnknownParam { function: name.to_string(), param: p.to_string() },
                            *span,
                        ));
                    }
                }
            }
            if self.depth + 1 > MAX_CALL_DEPTH {
                return Err(FormulaError::at(ErrorKind::CallsTooDeep { max: MAX_CALL_DEPTH }, e.span));
            }
            let inner = Compiler { var: Some(&def.var), params: &params, depth: self.depth + 1, ..*self };
            let mut sub = Program::new();
            inner.expr(&def.body, &mut sub).map_err(|err| FormulaError { span: e.span, ..err })?;
            finish(&mut sub, e.span)?;
            self.expr(&args[0], prog)?;
            prog.smooth &= sub.smooth;
            let op = if primes == 1 {
                if !sub.differentiable {
                    return Err(FormulaError::at(ErrorKind::SecondDerivative(shown), e.span));
                }
                prog.differentiable = false;
                prog.prime_name.get_or_insert(shown);
                Op::CallPrime(prog.subs.len() as u16)
            } else {
                if !sub.differentiable {
                    prog.differentiable = false;
                    prog.prime_name = prog.prime_name.take().or(sub.prime_name.clone());
                }
                Op::Call(prog.subs.len() as u16)
            };
            prog.subs.push(sub);
            return self.push(prog, op, e.span);
        }
        if let Ok(act) = activation::lookup(name) {
            arity(1)?;
            self.expr(&args[0], prog)?;
            let p = catalogue_params(act, &given)?;
            prog.smooth &= act.smooth;
            let i = prog.acts.len() as u16;
            prog.acts.push((act, p));
            let op = if primes == 1 {
                prog.differentiable = false;
                prog.prime_name.get_or_insert(format!("{}'", act.name));
                Op::ActPrime(i)
            } else {
                Op::Act(i)
            };
            return self.push(prog, op, e.span);
        }
        if self.var == Some(name)
            || self.params.iter().any(|(p, _)| p == name)
            || self.defs.constants.iter().any(|c| c.name == name)
            || builtin_constant(name).is_some()
        {
            return Err(FormulaError::at(ErrorKind::NotAFunction(name.to_string()), e.span));
        }
        Err(FormulaError::at(ErrorKind::UnknownName(name.to_string()), (e.span.0, e.span.0 + name.len())))
    }
}

/// A catalogue entry's parameters with those given by name.
fn catalogue_params(
    act: &'static Activation,
    given: &[(&str, f64, (usize, usize))],
) -> Result<activation::Params, FormulaError> {
    for (p, _, span) in given {
        if !act.params.iter().any(|q| q.name == *p) {
            return Err(FormulaError::at(
                ErrorKind::UnknownParam { function: act.name.to_string(), param: p.to_string() },
                *span,
            ));
        }
    }
    let pairs: Vec<(&str, f64)> = given.iter().map(|(p, v, _)| (*p, *v)).collect();
    let span = given.first().map_or((0, 0), |g| g.2);
    act.params_with(&pairs).map_err(|e| FormulaError::at(ErrorKind::Param(e), span))
}

impl Program {
    fn new() -> Program {
        Program { differentiable: true, smooth: true, ..Program::default() }
    }
}

/// Measure the stack the program needs; refuse it beyond [`STACK`].
fn finish(prog: &mut Program, span: (usize, usize)) -> Result<(), FormulaError> {
    let (mut n, mut max) = (0usize, 0usize);
    for op in &prog.ops {
        match op {
            Op::Const(_) | Op::X => {
                n += 1;
                max = max.max(n);
            }
            Op::If => n -= 2,
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow | Op::Cmp(_) | Op::F2(_) => n -= 1,
            _ => {}
        }
    }
    if max > STACK {
        return Err(FormulaError::at(ErrorKind::TooDeep { max: syntax::MAX_DEPTH }, span));
    }
    prog.stack = max;
    Ok(())
}

/// Names a formula uses that are definitions (functions or constants).
fn uses(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        Kind::Num(_) => {}
        Kind::Name(n, _) => out.push(n.clone()),
        Kind::Neg(a) => uses(a, out),
        Kind::Bin(_, a, b) => {
            uses(a, out);
            uses(b, out);
        }
        Kind::Call { name, args, named, .. } => {
            out.push(name.clone());
            args.iter().for_each(|a| uses(a, out));
            named.iter().for_each(|(_, v)| uses(v, out));
        }
    }
}

impl Definitions {
    /// No definitions.
    pub fn new() -> Self {
        Self::default()
    }

    fn compiler<'a>(&'a self, var: Option<&'a str>, budget: &'a Cell<usize>) -> Compiler<'a> {
        Compiler { defs: self, var, params: &[], depth: 0, budget }
    }

    /// A function of x: a formula (`x*sigmoid(1.702*x)`), or a bare name of a
    /// catalogue, defined or elementary function, with primes (`sigmoid'`,
    /// `swish`), taking the `overrides` that are its parameters.
    pub fn function(&self, text: &str, overrides: &[(&str, f64)]) -> Result<Formula, FormulaError> {
        let expr = syntax::parse(text)?;
        let budget = Cell::new(MAX_OPS);
        let c = self.compiler(Some("x"), &budget);
        let mut prog = Program::new();
        match &expr.kind {
            Kind::Name(name, primes) if name != "x" && c.is_function(name) => {
                let params: Vec<&str> = match self.functions.iter().find(|f| f.name == *name) {
                    Some(d) => d.params.iter().map(|(p, _)| p.as_str()).collect(),
                    None => {
                        activation::lookup(name).map(|a| a.params.iter().map(|p| p.name).collect()).unwrap_or_default()
                    }
                };
                let named: Vec<(String, Expr)> = overrides
                    .iter()
                    .filter(|(p, _)| params.contains(p))
                    .map(|(p, v)| {
                        let num = Expr { kind: Kind::Num(v.abs()), span: expr.span };
                        let value = if v.is_sign_negative() {
                            Expr { kind: Kind::Neg(Box::new(num)), span: expr.span }
                        } else {
                            num
                        };
                        (p.to_string(), value)
                    })
                    .collect();
                let x = Expr { kind: Kind::Name("x".into(), 0), span: expr.span };
                c.call(&expr, name, *primes, &[x], &named, &mut prog)?;
            }
            _ => c.expr(&expr, &mut prog)?,
        }
        finish(&mut prog, (0, text.len()))?;
        Ok(Formula { text: text.trim().to_string(), program: prog })
    }

    /// The value of a formula with no variable (`sqrt(2)`, `3*pi/4`, `sigmoid(1)`).
    pub fn constant(&self, text: &str) -> Result<f64, FormulaError> {
        let expr = syntax::parse(text)?;
        self.constant_of(&expr, None)
    }

    fn constant_of(&self, expr: &Expr, params: Option<&[(String, f64)]>) -> Result<f64, FormulaError> {
        let budget = Cell::new(MAX_OPS);
        let mut c = self.compiler(None, &budget);
        if let Some(p) = params {
            c.params = p;
        }
        let mut prog = Program::new();
        c.expr(expr, &mut prog)?;
        finish(&mut prog, expr.span)?;
        Ok(prog.value(0.0))
    }

    /// Add or replace a definition: `NAME(x; p = 1) = FORMULA` or `NAME = FORMULA`
    /// (the text after `def` or `let`). Returns the name.
    pub fn define(&mut self, text: &str) -> Result<String, FormulaError> {
        let d = syntax::parse_definition(text)?;
        // a catalogue entry's own name is taken; an alias (swish) may be given to a definition
        let taken = |n: &str| {
            let key = activation::normalize(n);
            elementary(n).is_some()
                || builtin_constant(n).is_some()
                || n == "x"
                || activation::CATALOGUE.iter().any(|a| activation::normalize(a.name) == key)
        };
        if taken(&d.name) {
            return Err(FormulaError::at(ErrorKind::Reserved(d.name.clone()), (0, d.name.len())));
        }
        let text = text.trim().to_string();
        let Some(var) = d.var else {
            let value = self.constant_of(&d.body, None)?;
            let mut next = self.clone();
            next.functions.retain(|f| f.name != d.name);
            next.constants.retain(|c| c.name != d.name);
            next.constants.push(Constant { name: d.name.clone(), value, text });
            next.still_compiles(&d.name)?;
            *self = next;
            return Ok(d.name);
        };
        if taken(&var) && var != "x" {
            return Err(FormulaError::at(ErrorKind::Reserved(var), (0, 0)));
        }
        let mut params: Vec<(String, f64)> = Vec::new();
        for (p, v) in &d.params {
            if *p == var || taken(p) || params.iter().any(|(q, _)| q == p) {
                return Err(FormulaError::at(ErrorKind::Reserved(p.clone()), v.span));
            }
            params.push((p.clone(), self.constant_of(v, None)?));
        }
        // a definition may not reach itself through the definitions it uses
        if self.reaches(&d.body, &d.name, &mut Vec::new()) {
            return Err(FormulaError::at(ErrorKind::Recursive(d.name.clone()), (d.body_start, text.len())));
        }
        let mut next = self.clone();
        next.functions.retain(|f| f.name != d.name);
        next.constants.retain(|c| c.name != d.name);
        let defined = Defined { name: d.name.clone(), var, params, body: d.body, text };
        {
            let budget = Cell::new(MAX_OPS);
            let c =
                Compiler { defs: &next, var: Some(&defined.var), params: &defined.params, depth: 1, budget: &budget };
            let mut prog = Program::new();
            c.expr(&defined.body, &mut prog)?;
            finish(&mut prog, defined.body.span)?;
        }
        next.functions.push(defined);
        next.still_compiles(&d.name)?;
        *self = next;
        Ok(d.name)
    }

    /// Whether `e` uses `target`, directly or through definitions.
    fn reaches(&self, e: &Expr, target: &str, seen: &mut Vec<String>) -> bool {
        let mut names = Vec::new();
        uses(e, &mut names);
        for n in names {
            if n == target {
                return true;
            }
            if seen.contains(&n) {
                continue;
            }
            seen.push(n.clone());
            if let Some(f) = self.functions.iter().find(|f| f.name == n)
                && self.reaches(&f.body, target, seen)
            {
                return true;
            }
        }
        false
    }

    /// Every function definition still compiles (after `changed` was replaced).
    fn still_compiles(&self, changed: &str) -> Result<(), FormulaError> {
        let broken: Vec<String> = self
            .functions
            .iter()
            .filter(|f| f.name != changed)
            .filter(|f| {
                let budget = Cell::new(MAX_OPS);
                let c = Compiler { defs: self, var: Some(&f.var), params: &f.params, depth: 1, budget: &budget };
                c.expr(&f.body, &mut Program::new()).is_err()
            })
            .map(|f| f.name.clone())
            .collect();
        if broken.is_empty() {
            Ok(())
        } else {
            Err(FormulaError::at(ErrorKind::UsedBy { name: changed.to_string(), users: broken }, (0, 0)))
        }
    }

    /// Remove a definition (refused while others use it).
    pub fn remove(&mut self, name: &str) -> Result<(), FormulaError> {
        if !self.functions.iter().any(|f| f.name == name) && !self.constants.iter().any(|c| c.name == name) {
            return Err(FormulaError::at(ErrorKind::NotDefined(name.to_string()), (0, name.len())));
        }
        let users: Vec<String> = self
            .functions
            .iter()
            .filter(|f| f.name != name)
            .filter(|f| {
                let mut n = Vec::new();
                uses(&f.body, &mut n);
                n.iter().any(|u| u == name)
            })
            .map(|f| f.name.clone())
            .collect();
        if !users.is_empty() {
            return Err(FormulaError::at(ErrorKind::UsedBy { name: name.to_string(), users }, (0, name.len())));
        }
        self.functions.retain(|f| f.name != name);
        self.constants.retain(|c| c.name != name);
        Ok(())
    }

    /// The defined functions, in the order defined.
    pub fn functions(&self) -> &[Defined] {
        &self.functions
    }

    /// The defined constants, in the order defined.
    pub fn constants(&self) -> &[Constant] {
        &self.constants
    }

    /// The defined function `name`.
    pub fn function_named(&self, name: &str) -> Option<&Defined> {
        self.functions.iter().find(|f| f.name == name)
    }

    /// Every defined name (functions, then constants).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.functions.iter().map(|f| f.name.as_str()).chain(self.constants.iter().map(|c| c.name.as_str()))
    }

    /// Nothing defined.
    pub fn is_empty(&self) -> bool {
        self.functions.is_empty() && self.constants.is_empty()
    }
}
