//! The sentences made from the core's typed results and errors: what a map does, what
//! happened to a gradient chain, why a parameter or an operation is refused. The core
//! (`actlab-core`) returns values and enums; every sentence about them is written
//! here, once, so that a second language is a translation of this file.

use crate::activation::{Bound, ParamError, UnknownFunction};
use crate::gradient::Crossing;
use crate::gradient::matrix::{MAX_WIDTH, MAX_WORK, SpecError};
use crate::linalg::collapse::{self, CollapseError};
use crate::linalg::{Affine, Axis, MapError, MapKind};
use crate::render::num::{shortest, significant};
use crate::shown::shown;
use crate::suggest::did_you_mean;

/// A number for a sentence: at most 10 significant digits.
fn num(x: f64) -> String {
    significant(x + 0.0, 10)
}

fn axis(a: Axis) -> &'static str {
    match a {
        Axis::X => "x",
        Axis::Y => "y",
    }
}

/// `unknown function 'gelus' (did you mean 'gelu'?)`, the suggestion taken from
/// `candidates` (the catalogue's names and aliases).
pub fn unknown_function<'a>(e: &UnknownFunction, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let hint = match did_you_mean(&e.name, candidates) {
        Some(s) => format!(" (did you mean '{s}'?)"),
        None => " (see 'list' for the functions)".to_string(),
    };
    format!("unknown function '{}'{hint}", shown(&e.name))
}

/// A parameter's valid values, in words: `> 0`, `>= 0`, `any finite value`.
pub fn param_range(p: &crate::activation::Param) -> String {
    let end = |(v, closed): (f64, bool), below: bool| {
        let rel = match (below, closed) {
            (false, true) => ">=",
            (false, false) => ">",
            (true, true) => "<=",
            (true, false) => "<",
        };
        format!("{rel} {}", shortest(v))
    };
    match (p.min, p.max) {
        (Some(lo), Some(hi)) => format!("{} and {}", end(lo, false), end(hi, true)),
        (Some(lo), None) => end(lo, false),
        (None, Some(hi)) => end(hi, true),
        (None, None) if p.default.is_infinite() => "any value (inf: off)".to_string(),
        (None, None) => "any finite value".to_string(),
    }
}

/// A parameter value refused: `celu --alpha 0: must be > 0`.
pub fn param_error(e: &ParamError) -> String {
    match e {
        ParamError::Nan { function, param } => format!("{function} --{param}: the value is nan; give a number"),
        ParamError::NotFinite { function, param, value } => {
            format!("{function} --{param} {}: give a finite value", shortest(*value))
        }
        ParamError::OutOfRange { function, param, value, bound } => {
            let (rel, b) = match bound {
                Bound::AtLeast(b) => (">=", b),
                Bound::Above(b) => (">", b),
                Bound::AtMost(b) => ("<=", b),
                Bound::Below(b) => ("<", b),
            };
            format!("{function} --{param} {}: must be {rel} {}", shortest(*value), shortest(*b))
        }
        ParamError::NotBelow { function, lower, upper, lower_value, upper_value } => format!(
            "{function}: --{lower} ({}) must be below --{upper} ({})",
            shortest(*lower_value),
            shortest(*upper_value)
        ),
    }
}

/// Why a matrix operation has no map.
pub fn map_error(e: &MapError) -> &'static str {
    match e {
        MapError::ZeroVector => "the zero vector has no direction to project onto",
        MapError::NotFinite => "every number must be finite",
    }
}

/// A width chain refused for its size.
pub fn spec_error(e: &SpecError, width: usize, depth: u64, functions: usize) -> String {
    match e {
        SpecError::ZeroWidth => "--width 0: a layer needs at least one unit".into(),
        SpecError::TooWide { width } => {
            format!("--width {width}: at most {MAX_WIDTH} (each layer is a width × width matrix)")
        }
        SpecError::TooMuchWork { work } => {
            let per = if functions > 1 { format!(" × {functions} functions") } else { String::new() };
            format!(
                "width {width} × width × depth {depth}{per} needs {work:.1e} multiply-adds, more than the limit of \
                 {MAX_WORK:.0e}; use a smaller width or depth"
            )
        }
        SpecError::Gain => "--gain must be a positive number".into(),
        SpecError::ClipNorm => "--clip-norm must be a positive number".into(),
    }
}

/// A stack of layers that cannot be collapsed.
pub fn collapse_error(e: &CollapseError) -> String {
    match e {
        CollapseError::Depth => format!("collapse: depth from 1 to {}", collapse::MAX_DEPTH),
        CollapseError::Width => {
            format!("collapse: --width from 1 to {} (the collapsed matrix is printed)", collapse::MAX_WIDTH)
        }
        CollapseError::Fit => "collapse: the least-squares fit failed".into(),
    }
}

/// What a map does, in words (its linear part, then the translation if any).
pub fn describe(map: &Affine) -> String {
    let kind = map.kind();
    let what = describe_linear(kind);
    if map.is_linear() {
        return what;
    }
    let t = format!("({}, {})", num(map.t[0]), num(map.t[1]));
    if kind == MapKind::Identity {
        format!("translation by {t}: affine, not linear (it moves the origin)")
    } else {
        format!("{what}, then translation by {t}: affine, not linear (it moves the origin)")
    }
}

fn describe_linear(kind: MapKind) -> String {
    match kind {
        MapKind::Zero => "the zero map: everything goes to the origin".into(),
        MapKind::Identity => "the identity: every vector stays where it is".into(),
        MapKind::UniformScale(k) if k > 1.0 => format!("uniform scaling by {}: enlarges", num(k)),
        MapKind::UniformScale(k) => format!("uniform scaling by {}: shrinks", num(k)),
        MapKind::PointReflection => "point reflection through the origin (rotation by 180°)".into(),
        MapKind::ReflectAndScale(k) => format!(
            "uniform scaling by {}: point reflection and {}",
            num(k),
            if k < -1.0 { "enlarging" } else { "shrinking" }
        ),
        MapKind::Flip(Axis::X) => "reflection across the x axis (flip: y ↦ -y)".into(),
        MapKind::Flip(Axis::Y) => "reflection across the y axis (flip: x ↦ -x)".into(),
        MapKind::ProjectAxis(a) => format!("projection onto the {} axis", axis(a)),
        MapKind::Scale(a, d) => format!("scaling by {} along x and {} along y", num(a), num(d)),
        MapKind::Rotation { degrees, scale: None } => format!("rotation by {}°", num(degrees)),
        MapKind::Rotation { degrees, scale: Some(r) } => {
            format!("rotation by {}° with uniform scaling by {}", num(degrees), num(r))
        }
        MapKind::Reflection { degrees } => {
            format!("reflection across the line through the origin at {}°", num(degrees))
        }
        MapKind::Projection { toward: [u1, u2], oblique } => format!(
            "{} onto the line through ({}, {})",
            if oblique { "oblique projection" } else { "projection" },
            num(u1),
            num(u2)
        ),
        MapKind::Shear { axis: Axis::X, k } => format!("shear along x by {} (x ↦ x + {}·y)", num(k), num(k)),
        MapKind::Shear { axis: Axis::Y, k } => format!("shear along y by {} (y ↦ y + {}·x)", num(k), num(k)),
        MapKind::RankOne => "a rank-1 map: the plane collapses onto a line".into(),
        MapKind::General { s1, s2, flips } => format!(
            "a general linear map: stretches by {} and {} (singular values){}",
            num(s1),
            num(s2),
            if flips { ", and flips orientation (det < 0)" } else { "" }
        ),
    }
}

/// One sentence: what happened to a product (`what`) over `depth` layers, given its
/// crossings and its last log10.
pub fn verdict(c: &Crossing, what: &str, depth: u64, last_log10: f64) -> String {
    let end = if last_log10.is_finite() {
        format!("after {depth} layers {what} is 10^{:.2}", last_log10)
    } else if last_log10 == f64::NEG_INFINITY {
        format!("after {depth} layers {what} is exactly 0")
    } else {
        format!("after {depth} layers {what} is {last_log10}")
    };
    if let Some(k) = c.nan_at {
        return format!("undefined: {what} is NaN from layer {k} (a factor there is NaN or ∞·0); no verdict");
    }
    if let Some(k) = c.zero_at {
        return format!("vanished: exactly 0 from layer {k} (a local derivative is 0 there: a dead unit); {end}");
    }
    match (c.vanished_at, c.exploded_at) {
        (Some(v), Some(x)) if x < v => {
            format!("exploded above 1e6 at layer {x}, then vanished below 1e-6 at layer {v}; {end}")
        }
        (Some(v), Some(x)) => format!("vanished below 1e-6 at layer {v}, then exploded above 1e6 at layer {x}; {end}"),
        (Some(v), None) => format!("vanished below 1e-6 at layer {v}; {end}"),
        (None, Some(x)) => format!("exploded above 1e6 at layer {x}; {end}"),
        (None, None) => format!("stable: within [1e-6, 1e6] through all {depth} layers; {end}"),
    }
}

/// What was expected, in words.
fn expected(e: crate::formula::Expected) -> &'static str {
    use crate::formula::Expected;
    match e {
        Expected::Value => "a number, a name or '('",
        Expected::Operator => "an operator (+ - * / ^ or a comparison)",
        Expected::Close => "')'",
        Expected::CommaOrClose => "',' or ')'",
        Expected::Name => "a name",
        Expected::Assign => "'='",
    }
}

/// Every name a formula may use, for did-you-mean.
fn formula_names(defs: &crate::formula::Definitions) -> Vec<String> {
    let mut names: Vec<String> =
        crate::activation::CATALOGUE.iter().flat_map(|a| a.names()).map(String::from).collect();
    names.extend(crate::formula::elementary_names().map(String::from));
    names.extend(crate::formula::CONSTANTS.iter().map(|(n, _)| n.to_string()));
    names.extend(defs.names().map(String::from));
    names
}

/// Why a formula is refused, in one sentence (without where).
pub fn formula_reason(e: &crate::formula::FormulaError, text: &str, defs: &crate::formula::Definitions) -> String {
    use crate::formula::ErrorKind as K;
    let piece = text.get(e.span.0..e.span.1).unwrap_or("");
    match &e.kind {
        K::Empty => "the formula is empty".into(),
        K::TooLong { max } => format!("the formula is longer than {} KiB, the limit", max >> 10),
        K::TooDeep { max } => {
            format!("the formula is nested too deeply (at most {max} levels of parentheses, calls and operators)")
        }
        K::TooLarge { max } => {
            format!("the formula is too large once its definitions are expanded (more than {max} operations)")
        }
        K::CallsTooDeep { max } => format!("definitions call definitions more than {max} deep"),
        K::UnexpectedChar(c) => match c {
            '\u{2212}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => {
                format!("the dash '{c}' (U+{:04X}) is not a minus sign here; type the ASCII '-'", *c as u32)
            }
            '×' | '·' => format!("'{c}' is not an operator here; multiply with '*'"),
            '÷' => "'÷' is not an operator here; divide with '/'".into(),
            '&' | '|' => format!("'{c}' is not an operator here; for conditions use if(COND, A, B) and comparisons"),
            c => format!("'{}' has no meaning in a formula", crate::shown::escape(&c.to_string())),
        },
        K::BadNumber => format!("'{}' is not a number", shown(piece)),
        K::NumberOutOfRange => {
            format!("'{}' is beyond the largest double (about 1.8e308); write inf for infinity", shown(piece))
        }
        K::Unexpected { found, expected: x } => format!("expected {} but found '{}'", expected(*x), shown(found)),
        K::UnexpectedEnd(x) => format!("the formula ends where {} should come", expected(*x)),
        K::Unclosed => "'(' is never closed".into(),
        K::UnmatchedClose => "')' has no matching '('".into(),
        K::ChainedComparison => "comparisons do not chain (a < x < b); nest if() instead".into(),
        K::PositionalAfterNamed => "a plain argument follows a named one (write the named ones last)".into(),
        K::ParamWithoutDefault(p) => format!("the parameter '{}' needs a default: {} = VALUE", shown(p), shown(p)),
        K::UnknownName(n) => {
            let hint = match did_you_mean(n, formula_names(defs).iter().map(String::as_str)) {
                Some(s) => format!(" (did you mean '{s}'?)"),
                None => " (see 'list' for the functions, 'help formulas' for the rest)".into(),
            };
            format!("unknown name '{}'{hint}", shown(n))
        }
        K::NotAValue(n) => {
            let bare = n.trim_end_matches('\'');
            format!("'{}' is a function: call it, e.g. {}(x)", shown(n), shown(&format!("{bare}{}", &n[bare.len()..])))
        }
        K::NotAFunction(n) => format!("'{}' is a number, not a function", shown(n)),
        K::Arity { name, expected, found } => {
            let s = if *expected == 1 { "" } else { "s" };
            format!("{} takes {expected} argument{s}, given {found}", shown(name))
        }
        K::UnknownParam { function, param } => {
            let have: Vec<String> = match defs.function_named(function) {
                Some(d) => d.params.iter().map(|(p, _)| p.clone()).collect(),
                None => crate::activation::lookup(function)
                    .map(|a| a.params.iter().map(|p| p.name.to_string()).collect())
                    .unwrap_or_default(),
            };
            let tail = if have.is_empty() {
                " (it has none)".to_string()
            } else {
                match did_you_mean(param, have.iter().map(String::as_str)) {
                    Some(s) => format!(" (did you mean '{s}'?)"),
                    None => format!(" (its parameters: {})", have.join(", ")),
                }
            };
            format!("{} has no parameter '{}'{tail}", shown(function), shown(param))
        }
        K::RepeatedParam(p) => format!("the parameter '{}' is given twice", shown(p)),
        K::ParamNotConstant(p) => format!("the parameter '{}' must be a number; it cannot depend on x", shown(p)),
        K::Param(p) => param_error(p),
        K::PrimeOfElementary(n) => format!(
            "'{}': the derivative mark ' works on catalogue and defined functions; write this derivative as a formula",
            shown(n)
        ),
        K::TooManyPrimes(n) => format!("'{}': only first derivatives (one ') are available", shown(n)),
        K::SecondDerivative(n) => {
            format!("the derivative of {} would need a second derivative, which actlab does not compute", shown(n))
        }
        K::FreeVariable(n) => format!(
            "'{}' has no value here: a number is expected (to evaluate a formula in x: eval 'FORMULA' X)",
            shown(n)
        ),
        K::Reserved(n) => format!(
            "'{}' is taken (a catalogue function, an elementary function, a constant or the variable); choose another name",
            shown(n)
        ),
        K::Recursive(n) => format!("'{}' would use itself; definitions cannot be recursive", shown(n)),
        K::UsedBy { name, users } => {
            format!("'{}' is used by {}; change or remove {} first", shown(name), users.join(", "), users.join(", "))
        }
        K::NotDefined(n) => {
            let hint = match did_you_mean(n, defs.names()) {
                Some(s) => format!(" (did you mean '{s}'?)"),
                None => " (defs lists the definitions)".into(),
            };
            format!("'{}' is not defined{hint}", shown(n))
        }
    }
}

/// `REASON in 'TEXT'`, then the text with a caret under the place, when the text is
/// one short line.
pub fn formula_error(e: &crate::formula::FormulaError, text: &str, defs: &crate::formula::Definitions) -> String {
    let reason = formula_reason(e, text, defs);
    let whole = e.span == (0, 0) || e.span == (0, text.len());
    if whole && reason.contains(&format!("'{}'", shown(text))) {
        return reason;
    }
    if whole || text.len() > 120 || text.contains(['\n', '\r']) || !text.is_char_boundary(e.span.0.min(text.len())) {
        return format!("{reason} in '{}'", shown(text));
    }
    let col = unicode_width::UnicodeWidthStr::width(&text[..e.span.0.min(text.len())]);
    let len = text.get(e.span.0..e.span.1).map_or(1, unicode_width::UnicodeWidthStr::width).max(1);
    format!("{reason}\n  {text}\n  {}{}", " ".repeat(col), "^".repeat(len.min(40)))
}

/// `help formulas`: the formula grammar, also in docs/commands.md.
/// The note under a scalar chain of more than one layer.
pub const CHAIN_DIGITS: &str = "digits: the product and its log10 show only what N roundings cannot change \
(each factor is rounded once, so N of them are within N·2^-52 of the exact product)";

pub const FORMULA_HELP: &str = "\
Formulas

Wherever actlab takes a number it takes a formula without x (sqrt(2), -pi/4, 1/3, sigmoid(1)),
and wherever it takes a function it takes a formula in x (x*sigmoid(1.702*x)). Quote formulas
in a shell ('2*sigmoid(2*x)-1'); at the prompt and in scripts they may stand bare. A line of
the prompt or of a script that is not a command is a formula to compute: 2*sigmoid(2)-1.

  numbers      1  0.5  .5  1e-3  2.5E+8          (a plain decimal is read exactly as before)
  constants    pi (also π)  e  tau  inf  nan, and your own: let k = 1.702
  operators    + - * /  ^ (also **, right-associative: 2^3^2 = 2^9)  unary -  ( )
               -2^0.5 is -(2^0.5); comparisons < <= > >= == != give 1 or 0
  variable     x
  functions    every catalogue function, with its parameters by name:
                 sigmoid(x)  leaky_relu(x, slope=0.2)  elu(x, alpha=1/2)
               elementary: exp expm1 ln log log1p log2 log10 sqrt cbrt abs sign
                 erf erfc sin cos tan asin acos atan sinh cosh asinh acosh atanh
                 floor ceil, and of two arguments min max pow atan2 hypot
               a condition: if(COND, A, B), e.g. if(x > 0, x, 0.01*x)
  derivatives  f' of a catalogue or defined function: sigmoid'  tanh'(2*x)  swish'
               (one prime: actlab computes no second derivatives)
  definitions  def NAME(x) = FORMULA,  def NAME(x; p = 1, q = 2) = FORMULA,  let NAME = FORMULA
               defs lists them, undef NAME removes one; parameters become options (--p)

The derivative of a formula is exact for the formula as written: forward-mode automatic
differentiation (dual numbers), each catalogue function with its own derivative and kink
convention (relu'(0) = 0, abs'(0) = 0; max and min at a tie give each side half). Each
operation is rounded once (elementary functions correctly rounded, catalogue calls within
2 ulp), but a formula can lose digits to cancellation: 1 - tanh(x)^2 is 0 at x = 20 where
tanh' is 8.5e-18 (compare '1-tanh(x)^2' \"tanh'\" 0..20 shows where).

Limits: a formula is at most 1 MiB long and 200 levels deep; definitions expand to at most
100000 operations and call each other at most 16 deep; a definition may not use itself.
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linalg::Op;

    #[test]
    fn names_what_maps_do() {
        let d = |ops: &[Op]| describe(&ops.iter().fold(Affine::IDENTITY, |m, o| Affine::of(o).unwrap().after(&m)));
        assert_eq!(d(&[Op::Rotate { angle: 30.0, rad: false }]), "rotation by 30°");
        assert_eq!(d(&[Op::Flip(Axis::X)]), "reflection across the x axis (flip: y ↦ -y)");
        assert_eq!(d(&[Op::Project(1.0, 1.0)]), "projection onto the line through (1, 1)");
        assert_eq!(d(&[Op::Scale(2.0, 2.0)]), "uniform scaling by 2: enlarges");
        assert_eq!(d(&[Op::Scale(0.5, 0.5)]), "uniform scaling by 0.5: shrinks");
        assert_eq!(
            d(&[Op::Rotate { angle: 30.0, rad: false }, Op::Scale(2.0, 2.0)]),
            "rotation by 30° with uniform scaling by 2"
        );
        assert!(d(&[Op::Translate(1.0, 2.0)]).contains("not linear"));
    }

    #[test]
    fn verdicts() {
        let mut c = Crossing::default();
        assert!(verdict(&c, "the product", 5, 0.0).starts_with("stable"));
        c.update(3, f64::NAN);
        assert!(verdict(&c, "the product", 5, f64::NAN).starts_with("undefined"));
    }
}
