//! Formulas as text: the lexer, a recursive-descent parser with bounded depth and
//! length, and a printer whose output parses back to the same tree.
//!
//! ```text
//! formula  := compare
//! compare  := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
//! sum      := product (("+" | "-") product)*
//! product  := unary (("*" | "/") unary)*
//! unary    := ("-" | "+") unary | power
//! power    := primary (("^" | "**") unary)?          right-associative: 2^3^2 = 2^9
//! primary  := NUMBER | NAME "'"* | NAME "'"* "(" args ")" | "(" formula ")"
//! args     := arg (("," | ";") arg)*                 arg := formula | NAME "=" formula
//! ```

use super::{ErrorKind, FormulaError};

/// Longest formula, in bytes.
pub const MAX_LENGTH: usize = 1 << 20;
/// Deepest nesting of parentheses, calls and operators' operands.
pub const MAX_DEPTH: usize = 200;

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `^` (also written `**`)
    Pow,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

impl BinOp {
    fn text(self) -> &'static str {
        match self {
            BinOp::Add => " + ",
            BinOp::Sub => " - ",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Pow => "^",
            BinOp::Lt => " < ",
            BinOp::Le => " <= ",
            BinOp::Gt => " > ",
            BinOp::Ge => " >= ",
            BinOp::Eq => " == ",
            BinOp::Ne => " != ",
        }
    }

    /// Binding strength: comparisons 1, sums 2, products 3, powers 5 (unary minus is 4).
    fn precedence(self) -> u8 {
        match self {
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne => 1,
            BinOp::Add | BinOp::Sub => 2,
            BinOp::Mul | BinOp::Div => 3,
            BinOp::Pow => 5,
        }
    }
}

/// What a node is.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A number as written (never negative: `-2` is `Neg(2)`).
    Num(f64),
    /// A name used as a value (`x`, `pi`, a parameter), or a function named without a
    /// call (`sigmoid'`), with its primes.
    Name(String, u8),
    /// `name'(args, param = value)`: a call, with the number of primes.
    Call {
        /// The function's name as written.
        name: String,
        /// Primes after the name: 1 for the derivative.
        primes: u8,
        /// Positional arguments.
        args: Vec<Expr>,
        /// Named arguments (`slope = 0.2`).
        named: Vec<(String, Expr)>,
    },
    /// `-a`
    Neg(Box<Expr>),
    /// `a op b`
    Bin(BinOp, Box<Expr>, Box<Expr>),
}

/// A node of a parsed formula, with the bytes of the text it came from.
#[derive(Clone, Debug)]
pub struct Expr {
    /// What it is.
    pub kind: Kind,
    /// Its bytes in the text, `start..end`.
    pub span: (usize, usize),
}

/// Two trees are equal when their nodes are, wherever they were written.
impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Name(String, u8),
    Op(BinOp),
    Minus,
    Plus,
    Open,
    Close,
    Comma,
    Semi,
    Assign,
    End,
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Lexer<'_> {
    fn err(&self, kind: ErrorKind, start: usize, end: usize) -> FormulaError {
        FormulaError { kind, span: (start, end.max(start)) }
    }

    /// The next token and its span.
    fn next(&mut self) -> Result<(Tok, (usize, usize)), FormulaError> {
        let rest = &self.text[self.pos..];
        let trimmed = rest.trim_start();
        self.pos += rest.len() - trimmed.len();
        let start = self.pos;
        let Some(c) = trimmed.chars().next() else { return Ok((Tok::End, (start, start))) };
        let mut len = c.len_utf8();
        let next = trimmed[len..].chars().next();
        let tok = match c {
            '0'..='9' | '.' => {
                let b = trimmed.as_bytes();
                let mut i = 0;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i < b.len() && b[i] == b'.' {
                    i += 1;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
                if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
                    let mut j = i + 1;
                    if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                        j += 1;
                    }
                    if j < b.len() && b[j].is_ascii_digit() {
                        while j < b.len() && b[j].is_ascii_digit() {
                            j += 1;
                        }
                        i = j;
                    }
                }
                len = i;
                let word = &trimmed[..i];
                match word.parse::<f64>() {
                    Ok(v) if v.is_finite() => Tok::Num(v),
                    Ok(_) => return Err(self.err(ErrorKind::NumberOutOfRange, start, start + i)),
                    Err(_) => return Err(self.err(ErrorKind::BadNumber, start, start + i)),
                }
            }
            c if is_name_start(c) => {
                let end = trimmed.char_indices().find(|(_, c)| !is_name_char(*c)).map_or(trimmed.len(), |(i, _)| i);
                let primes = trimmed[end..].chars().take_while(|c| *c == '\'').count();
                len = end + primes;
                Tok::Name(trimmed[..end].to_string(), primes.min(u8::MAX as usize) as u8)
            }
            '+' => Tok::Plus,
            '-' => Tok::Minus,
            '*' if next == Some('*') => {
                len = 2;
                Tok::Op(BinOp::Pow)
            }
            '*' => Tok::Op(BinOp::Mul),
            '/' => Tok::Op(BinOp::Div),
            '^' => Tok::Op(BinOp::Pow),
            '(' => Tok::Open,
            ')' => Tok::Close,
            ',' => Tok::Comma,
            ';' => Tok::Semi,
            '<' | '>' | '=' | '!' => {
                let eq = next == Some('=');
                if eq {
                    len = 2;
                }
                match (c, eq) {
                    ('<', false) => Tok::Op(BinOp::Lt),
                    ('<', true) => Tok::Op(BinOp::Le),
                    ('>', false) => Tok::Op(BinOp::Gt),
                    ('>', true) => Tok::Op(BinOp::Ge),
                    ('=', true) => Tok::Op(BinOp::Eq),
                    ('=', false) => Tok::Assign,
                    ('!', true) => Tok::Op(BinOp::Ne),
                    _ => return Err(self.err(ErrorKind::UnexpectedChar(c), start, start + len)),
                }
            }
            c => return Err(self.err(ErrorKind::UnexpectedChar(c), start, start + len)),
        };
        self.pos += len;
        Ok((tok, (start, start + len)))
    }
}

struct Parser<'a> {
    lex: Lexer<'a>,
    tok: Tok,
    span: (usize, usize),
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Result<Self, FormulaError> {
        if text.len() > MAX_LENGTH {
            return Err(FormulaError { kind: ErrorKind::TooLong { max: MAX_LENGTH }, span: (0, 0) });
        }
        let mut lex = Lexer { text, pos: 0 };
        let (tok, span) = lex.next()?;
        Ok(Parser { lex, tok, span, depth: 0 })
    }

    fn bump(&mut self) -> Result<(), FormulaError> {
        let (tok, span) = self.lex.next()?;
        self.tok = tok;
        self.span = span;
        Ok(())
    }

    fn unexpected(&self, expected: super::Expected) -> FormulaError {
        let kind = match &self.tok {
            Tok::End => ErrorKind::UnexpectedEnd(expected),
            _ => ErrorKind::Unexpected { found: self.lex.text[self.span.0..self.span.1].to_string(), expected },
        };
        FormulaError { kind, span: self.span }
    }

    fn enter(&mut self) -> Result<(), FormulaError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(FormulaError { kind: ErrorKind::TooDeep { max: MAX_DEPTH }, span: self.span });
        }
        Ok(())
    }

    fn formula(&mut self) -> Result<Expr, FormulaError> {
        self.enter()?;
        let left = self.sum()?;
        let out = if let Tok::Op(op) = self.tok
            && op.precedence() == 1
        {
            self.bump()?;
            let right = self.sum()?;
            if let Tok::Op(op2) = self.tok
                && op2.precedence() == 1
            {
                return Err(FormulaError { kind: ErrorKind::ChainedComparison, span: self.span });
            }
            bin(op, left, right)
        } else {
            left
        };
        self.depth -= 1;
        Ok(out)
    }

    fn sum(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.product()?;
        loop {
            let op = match self.tok {
                Tok::Plus => BinOp::Add,
                Tok::Minus => BinOp::Sub,
                _ => return Ok(left),
            };
            self.bump()?;
            let right = self.product()?;
            left = bin(op, left, right);
        }
    }

    fn product(&mut self) -> Result<Expr, FormulaError> {
        let mut left = self.unary()?;
        while let Tok::Op(op @ (BinOp::Mul | BinOp::Div)) = self.tok {
            self.bump()?;
            let right = self.unary()?;
            left = bin(op, left, right);
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, FormulaError> {
        match self.tok {
            Tok::Minus | Tok::Plus => {
                let neg = self.tok == Tok::Minus;
                let start = self.span.0;
                self.enter()?;
                self.bump()?;
                let inner = self.unary()?;
                self.depth -= 1;
                if !neg {
                    return Ok(inner);
                }
                let span = (start, inner.span.1);
                Ok(Expr { kind: Kind::Neg(Box::new(inner)), span })
            }
            _ => self.power(),
        }
    }

    fn power(&mut self) -> Result<Expr, FormulaError> {
        let base = self.primary()?;
        if let Tok::Op(BinOp::Pow) = self.tok {
            self.enter()?;
            self.bump()?;
            let exponent = self.unary()?;
            self.depth -= 1;
            return Ok(bin(BinOp::Pow, base, exponent));
        }
        Ok(base)
    }

    fn primary(&mut self) -> Result<Expr, FormulaError> {
        let span = self.span;
        match std::mem::replace(&mut self.tok, Tok::End) {
            Tok::Num(v) => {
                self.bump()?;
                Ok(Expr { kind: Kind::Num(v), span })
            }
            Tok::Name(name, primes) => {
                self.bump()?;
                if self.tok != Tok::Open {
                    return Ok(Expr { kind: Kind::Name(name, primes), span });
                }
                self.enter()?;
                let open = self.span;
                self.bump()?;
                let (mut args, mut named) = (Vec::new(), Vec::new());
                if self.tok != Tok::Close {
                    loop {
                        self.argument(&mut args, &mut named)?;
                        match self.tok {
                            Tok::Comma | Tok::Semi => self.bump()?,
                            Tok::Close => break,
                            Tok::End => return Err(FormulaError { kind: ErrorKind::Unclosed, span: open }),
                            _ => return Err(self.unexpected(super::Expected::CommaOrClose)),
                        }
                    }
                }
                let end = self.span.1;
                self.bump()?;
                self.depth -= 1;
                Ok(Expr { kind: Kind::Call { name, primes, args, named }, span: (span.0, end) })
            }
            Tok::Open => {
                self.bump()?;
                let inner = self.formula()?;
                if self.tok != Tok::Close {
                    return Err(match self.tok {
                        Tok::End => FormulaError { kind: ErrorKind::Unclosed, span: (span.0, span.1) },
                        _ => self.unexpected(super::Expected::Close),
                    });
                }
                self.bump()?;
                Ok(inner)
            }
            tok => {
                self.tok = tok;
                Err(self.unexpected(super::Expected::Value))
            }
        }
    }

    fn argument(&mut self, args: &mut Vec<Expr>, named: &mut Vec<(String, Expr)>) -> Result<(), FormulaError> {
        // NAME = formula: look one token ahead without consuming
        if let Tok::Name(name, 0) = &self.tok {
            let saved = (self.lex.pos, self.tok.clone(), self.span);
            let name = name.clone();
            self.bump()?;
            if self.tok == Tok::Assign {
                self.bump()?;
                let value = self.formula()?;
                named.push((name, value));
                return Ok(());
            }
            (self.lex.pos, self.tok, self.span) = saved;
        }
        if !named.is_empty() {
            return Err(FormulaError { kind: ErrorKind::PositionalAfterNamed, span: self.span });
        }
        args.push(self.formula()?);
        Ok(())
    }
}

fn bin(op: BinOp, l: Expr, r: Expr) -> Expr {
    let span = (l.span.0, r.span.1);
    Expr { kind: Kind::Bin(op, Box::new(l), Box::new(r)), span }
}

/// Parse a whole formula.
pub fn parse(text: &str) -> Result<Expr, FormulaError> {
    let mut p = Parser::new(text)?;
    if p.tok == Tok::End {
        return Err(FormulaError { kind: ErrorKind::Empty, span: (0, 0) });
    }
    let e = p.formula()?;
    if p.tok != Tok::End {
        return Err(match p.tok {
            Tok::Close => FormulaError { kind: ErrorKind::UnmatchedClose, span: p.span },
            _ => p.unexpected(super::Expected::Operator),
        });
    }
    Ok(e)
}

/// A definition as written: `NAME(VAR; p = 1, …) = FORMULA` (a function) or
/// `NAME = FORMULA` (a constant).
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionText {
    /// The name defined.
    pub name: String,
    /// The variable (`x`), for a function.
    pub var: Option<String>,
    /// Parameters with their defaults, as formulas.
    pub params: Vec<(String, Expr)>,
    /// The body.
    pub body: Expr,
    /// Where the body starts in the text.
    pub body_start: usize,
}

/// Parse `NAME(x) = FORMULA`, `NAME(x; beta = 1) = FORMULA` or `NAME = FORMULA`.
pub fn parse_definition(text: &str) -> Result<DefinitionText, FormulaError> {
    let mut p = Parser::new(text)?;
    let name_span = p.span;
    let Tok::Name(name, 0) = p.tok.clone() else {
        return Err(p.unexpected(super::Expected::Name));
    };
    p.bump()?;
    let mut var = None;
    let mut params = Vec::new();
    if p.tok == Tok::Open {
        p.bump()?;
        let Tok::Name(v, 0) = p.tok.clone() else {
            return Err(p.unexpected(super::Expected::Name));
        };
        var = Some(v);
        p.bump()?;
        while matches!(p.tok, Tok::Comma | Tok::Semi) {
            p.bump()?;
            let span = p.span;
            let Tok::Name(pname, 0) = p.tok.clone() else {
                return Err(p.unexpected(super::Expected::Name));
            };
            p.bump()?;
            if p.tok != Tok::Assign {
                return Err(FormulaError { kind: ErrorKind::ParamWithoutDefault(pname), span });
            }
            p.bump()?;
            params.push((pname, p.formula()?));
        }
        if p.tok != Tok::Close {
            return Err(p.unexpected(super::Expected::CommaOrClose));
        }
        p.bump()?;
    }
    if p.tok != Tok::Assign {
        return Err(p.unexpected(super::Expected::Assign));
    }
    p.bump()?;
    let body_start = p.span.0;
    if p.tok == Tok::End {
        return Err(FormulaError { kind: ErrorKind::Empty, span: (body_start, body_start) });
    }
    let body = p.formula()?;
    if p.tok != Tok::End {
        return Err(match p.tok {
            Tok::Close => FormulaError { kind: ErrorKind::UnmatchedClose, span: p.span },
            _ => p.unexpected(super::Expected::Operator),
        });
    }
    let _ = name_span;
    Ok(DefinitionText { name, var, params, body, body_start })
}

impl Expr {
    fn precedence(&self) -> u8 {
        match &self.kind {
            Kind::Bin(op, ..) => op.precedence(),
            Kind::Neg(_) => 4,
            _ => 6,
        }
    }
}

fn write_operand(f: &mut std::fmt::Formatter<'_>, e: &Expr, paren: bool) -> std::fmt::Result {
    if paren { write!(f, "({e})") } else { write!(f, "{e}") }
}

/// Prints a formula that parses back to the same tree, with as few parentheses as
/// that allows.
impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.kind {
            // shortest text that reads back as the same double: 2, 0.5, 1e-7, 1e300
            Kind::Num(v) if v.fract() == 0.0 && v.abs() < 1e16 => write!(f, "{v}"),
            Kind::Num(v) => write!(f, "{v:?}"),
            Kind::Name(n, primes) => write!(f, "{n}{}", "'".repeat(*primes as usize)),
            Kind::Call { name, primes, args, named } => {
                write!(f, "{name}{}(", "'".repeat(*primes as usize))?;
                let mut first = true;
                for a in args {
                    if !first {
                        f.write_str(", ")?;
                    }
                    first = false;
                    write!(f, "{a}")?;
                }
                for (n, v) in named {
                    if !first {
                        f.write_str(", ")?;
                    }
                    first = false;
                    write!(f, "{n}={v}")?;
                }
                f.write_str(")")
            }
            Kind::Neg(a) => {
                f.write_str("-")?;
                write_operand(f, a, a.precedence() < 4)
            }
            Kind::Bin(op, l, r) => {
                let p = op.precedence();
                let (lp, rp) = match op {
                    // right-associative; the exponent may be a unary minus
                    BinOp::Pow => (l.precedence() <= p, r.precedence() < 4),
                    _ if p == 1 => (l.precedence() <= p, r.precedence() <= p),
                    _ => (l.precedence() < p, r.precedence() <= p),
                };
                write_operand(f, l, lp)?;
                f.write_str(op.text())?;
                write_operand(f, r, rp)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        let e = parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        let printed = e.to_string();
        assert_eq!(parse(&printed).unwrap(), e, "{text} printed as {printed}");
        printed
    }

    #[test]
    fn precedence_and_printing() {
        assert_eq!(round_trip("-2^0.5"), "-2^0.5");
        assert_eq!(round_trip("2*sigmoid(2*x)-1"), "2*sigmoid(2*x) - 1");
        assert_eq!(round_trip("2^3^2"), "2^3^2");
        assert_eq!(round_trip("(2^3)^2"), "(2^3)^2");
        assert_eq!(round_trip("(-2)^2"), "(-2)^2");
        assert_eq!(round_trip("2^-1"), "2^-1");
        assert_eq!(round_trip("a-(b-c)"), "a - (b - c)");
        assert_eq!(round_trip("a-b-c"), "a - b - c");
        assert_eq!(round_trip("-(a*b)"), "-(a*b)");
        assert_eq!(round_trip("if(x > 0, x, 0.01*x)"), "if(x > 0, x, 0.01*x)");
        assert_eq!(round_trip("leaky_relu(x, slope=1/5)"), "leaky_relu(x, slope=1/5)");
        assert_eq!(round_trip("sigmoid'(x) + tanh'"), "sigmoid'(x) + tanh'");
        assert_eq!(round_trip("x**2"), "x^2");
        assert_eq!(round_trip("1e-3 + .5"), "0.001 + 0.5");
        assert_eq!(round_trip("(x < 1) == (x > 2)"), "(x < 1) == (x > 2)");
    }

    #[test]
    fn errors_name_their_place() {
        let e = parse("x*sigmoid(1.702*x").unwrap_err();
        assert_eq!((e.kind, e.span), (ErrorKind::Unclosed, (9, 10)));
        assert_eq!(parse("(x").unwrap_err().kind, ErrorKind::Unclosed);
        assert_eq!(parse("x)").unwrap_err().span, (1, 2));
        assert!(matches!(parse("2 $ 3").unwrap_err().kind, ErrorKind::UnexpectedChar('$')));
        assert_eq!(parse("1e999").unwrap_err().kind, ErrorKind::NumberOutOfRange);
        assert_eq!(parse("").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(parse("1 < x < 2").unwrap_err().kind, ErrorKind::ChainedComparison);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(parse(&deep).unwrap_err().kind, ErrorKind::TooDeep { max: MAX_DEPTH });
        let long = "1+".repeat(MAX_LENGTH) + "x";
        assert_eq!(parse(&long).unwrap_err().kind, ErrorKind::TooLong { max: MAX_LENGTH });
        let minus = "-".repeat(60_000) + "x";
        assert_eq!(parse(&minus).unwrap_err().kind, ErrorKind::TooDeep { max: MAX_DEPTH });
        let pow = "2^".repeat(30_000) + "x";
        assert_eq!(parse(&pow).unwrap_err().kind, ErrorKind::TooDeep { max: MAX_DEPTH });
    }

    #[test]
    fn definitions() {
        let d = parse_definition("swish(x; beta = 1) = x*sigmoid(beta*x)").unwrap();
        assert_eq!(d.name, "swish");
        assert_eq!(d.var.as_deref(), Some("x"));
        assert_eq!(d.params.len(), 1);
        let c = parse_definition("k = 1.702").unwrap();
        assert_eq!(c.var, None);
        assert!(matches!(parse_definition("f(x; b) = x").unwrap_err().kind, ErrorKind::ParamWithoutDefault(_)));
    }
}
