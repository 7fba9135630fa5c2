//! The sentences made from the core's typed results and errors: what a map does, what
//! happened to a gradient chain, why a parameter or an operation is refused. The core
//! (`actlab-core`) returns values and enums; every sentence about them is written
//! here, once, so that a second language is a translation of this file.

use crate::activation::{Bound, ParamError, UnknownFunction};
use crate::gradient::Crossing;
use crate::gradient::matrix::{MAX_WIDTH, MAX_WORK, SpecError};
use crate::i18n::count;
use crate::linalg::collapse::{self, CollapseError};
use crate::linalg::{Affine, Axis, MapError, MapKind};
use crate::render::num::{shortest, significant};
use crate::shown::shown;
use crate::suggest::did_you_mean;
use crate::t;

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
        Some(s) => t!("hint-did-you-mean", suggestion = s),
        None => t!("hint-see-list"),
    };
    t!("unknown-function", name = shown(&e.name), hint = hint)
}

/// A relation and a bound: `> 0`, `<= 1`.
fn relation(below: bool, closed: bool, v: f64) -> String {
    let rel = match (below, closed) {
        (false, true) => ">=",
        (false, false) => ">",
        (true, true) => "<=",
        (true, false) => "<",
    };
    format!("{rel} {}", shortest(v))
}

/// A parameter's valid values, in words: `> 0`, `>= 0`, `any finite value`.
pub fn param_range(p: &crate::activation::Param) -> String {
    match (p.min, p.max) {
        (Some(lo), Some(hi)) => {
            t!("range-between", low = relation(false, lo.1, lo.0), high = relation(true, hi.1, hi.0))
        }
        (Some(lo), None) => relation(false, lo.1, lo.0),
        (None, Some(hi)) => relation(true, hi.1, hi.0),
        (None, None) if p.default.is_infinite() => t!("range-any-inf-off"),
        (None, None) => t!("range-any-finite"),
    }
}

/// A parameter value refused: `celu --alpha 0: must be > 0`.
pub fn param_error(e: &ParamError) -> String {
    match e {
        ParamError::Nan { function, param } => t!("param-nan", function = function, param = param),
        ParamError::NotFinite { function, param, value } => {
            t!("param-not-finite", function = function, param = param, value = shortest(*value))
        }
        ParamError::OutOfRange { function, param, value, bound } => {
            let bound = match bound {
                Bound::AtLeast(b) => relation(false, true, *b),
                Bound::Above(b) => relation(false, false, *b),
                Bound::AtMost(b) => relation(true, true, *b),
                Bound::Below(b) => relation(true, false, *b),
            };
            t!("param-out-of-range", function = function, param = param, value = shortest(*value), bound = bound)
        }
        ParamError::NotBelow { function, lower, upper, lower_value, upper_value } => t!(
            "param-not-below",
            function = function,
            lower = lower,
            upper = upper,
            lower_value = shortest(*lower_value),
            upper_value = shortest(*upper_value)
        ),
    }
}

/// Why a softmax cannot be taken.
pub fn softmax_error(e: &crate::activation::softmax::SoftmaxError) -> String {
    use crate::activation::softmax::SoftmaxError;
    match e {
        SoftmaxError::Empty => t!("softmax-empty"),
        SoftmaxError::Temperature(t) => t!("softmax-temperature", t = shortest(*t)),
    }
}

/// Why a matrix operation has no map.
pub fn map_error(e: &MapError) -> String {
    match e {
        MapError::ZeroVector => t!("map-zero-vector"),
        MapError::NotFinite => t!("map-not-finite"),
    }
}

/// A width chain refused for its size.
pub fn spec_error(e: &SpecError, width: usize, depth: u64, functions: usize) -> String {
    match e {
        SpecError::ZeroWidth => t!("spec-zero-width"),
        SpecError::TooWide { width } => t!("spec-too-wide", width = width, max = MAX_WIDTH),
        SpecError::TooMuchWork { work } => t!(
            "spec-too-much-work",
            width = width,
            depth = depth,
            functions = count(functions),
            work = format!("{work:.1e}"),
            max = format!("{MAX_WORK:.0e}")
        ),
        SpecError::Gain => t!("spec-gain"),
        SpecError::ClipNorm => t!("spec-clip-norm"),
    }
}

/// A stack of layers that cannot be collapsed.
pub fn collapse_error(e: &CollapseError) -> String {
    match e {
        CollapseError::Depth => t!("collapse-depth", max = collapse::MAX_DEPTH),
        CollapseError::Width => t!("collapse-width", max = collapse::MAX_WIDTH),
        CollapseError::Fit => t!("collapse-fit"),
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
        t!("map-translation", t = t)
    } else {
        t!("map-then-translation", what = what, t = t)
    }
}

fn describe_linear(kind: MapKind) -> String {
    match kind {
        MapKind::Zero => t!("map-zero"),
        MapKind::Identity => t!("map-identity"),
        MapKind::UniformScale(k) if k > 1.0 => t!("map-enlarges", k = num(k)),
        MapKind::UniformScale(k) => t!("map-shrinks", k = num(k)),
        MapKind::PointReflection => t!("map-point-reflection"),
        MapKind::ReflectAndScale(k) if k < -1.0 => t!("map-reflect-enlarge", k = num(k)),
        MapKind::ReflectAndScale(k) => t!("map-reflect-shrink", k = num(k)),
        MapKind::Flip(Axis::X) => t!("map-flip-x"),
        MapKind::Flip(Axis::Y) => t!("map-flip-y"),
        MapKind::ProjectAxis(a) => t!("map-project-axis", axis = axis(a)),
        MapKind::Scale(a, d) => t!("map-scale", a = num(a), d = num(d)),
        MapKind::Rotation { degrees, scale: None } => t!("map-rotation", degrees = num(degrees)),
        MapKind::Rotation { degrees, scale: Some(r) } => {
            t!("map-rotation-scaled", degrees = num(degrees), k = num(r))
        }
        MapKind::Reflection { degrees } => t!("map-reflection", degrees = num(degrees)),
        MapKind::Projection { toward: [u1, u2], oblique: false } => t!("map-projection", u1 = num(u1), u2 = num(u2)),
        MapKind::Projection { toward: [u1, u2], oblique: true } => {
            t!("map-oblique-projection", u1 = num(u1), u2 = num(u2))
        }
        MapKind::Shear { axis: Axis::X, k } => t!("map-shear-x", k = num(k)),
        MapKind::Shear { axis: Axis::Y, k } => t!("map-shear-y", k = num(k)),
        MapKind::RankOne => t!("map-rank-one"),
        MapKind::General { s1, s2, flips: false } => t!("map-general", s1 = num(s1), s2 = num(s2)),
        MapKind::General { s1, s2, flips: true } => t!("map-general-flips", s1 = num(s1), s2 = num(s2)),
    }
}

/// One sentence: what happened to a product (`what`, already in the current
/// language) over `depth` layers, given its crossings and its last log10.
pub fn verdict(c: &Crossing, what: &str, depth: u64, last_log10: f64) -> String {
    let end = if last_log10.is_finite() {
        t!("verdict-end", depth = depth, what = what, value = format!("10^{:.2}", last_log10))
    } else if last_log10 == f64::NEG_INFINITY {
        t!("verdict-end-zero", depth = depth, what = what)
    } else {
        t!("verdict-end", depth = depth, what = what, value = last_log10)
    };
    if let Some(k) = c.nan_at {
        return t!("verdict-nan", what = what, layer = k);
    }
    if let Some(k) = c.zero_at {
        return t!("verdict-zero", layer = k, end = end);
    }
    match (c.vanished_at, c.exploded_at) {
        (Some(v), Some(x)) if x < v => t!("verdict-exploded-vanished", exploded = x, vanished = v, end = end),
        (Some(v), Some(x)) => t!("verdict-vanished-exploded", exploded = x, vanished = v, end = end),
        (Some(v), None) => t!("verdict-vanished", layer = v, end = end),
        (None, Some(x)) => t!("verdict-exploded", layer = x, end = end),
        (None, None) => t!("verdict-stable", depth = depth, end = end),
    }
}

/// What was expected, in words.
fn expected(e: crate::formula::Expected) -> String {
    use crate::formula::Expected;
    match e {
        Expected::Value => t!("expected-value"),
        Expected::Operator => t!("expected-operator"),
        Expected::Close => "')'".into(),
        Expected::CommaOrClose => t!("expected-comma-or-close"),
        Expected::Name => t!("expected-name"),
        Expected::Assign => "'='".into(),
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

/// ` (did you mean 'gelu'?)` for an unknown name in a formula, if one is near.
pub fn name_suggestion(name: &str, defs: &crate::formula::Definitions) -> Option<String> {
    did_you_mean(name, formula_names(defs).iter().map(String::as_str)).map(|s| t!("hint-did-you-mean", suggestion = s))
}

/// Why a formula is refused, in one sentence (without where).
pub fn formula_reason(e: &crate::formula::FormulaError, text: &str, defs: &crate::formula::Definitions) -> String {
    use crate::formula::ErrorKind as K;
    let piece = text.get(e.span.0..e.span.1).unwrap_or("");
    match &e.kind {
        K::Empty => t!("formula-empty"),
        K::TooLong { max } => t!("formula-too-long", kib = max >> 10),
        K::TooDeep { max } => t!("formula-too-deep", max = max),
        K::TooLarge { max } => t!("formula-too-large", max = max),
        K::CallsTooDeep { max } => t!("formula-calls-too-deep", max = max),
        K::UnexpectedChar(c) => match c {
            '\u{2212}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => {
                t!("dash-not-minus", char = c, code = format!("U+{:04X}", *c as u32))
            }
            '×' | '·' => t!("formula-times", char = c),
            '÷' => t!("formula-divide"),
            '&' | '|' => t!("formula-logic", char = c),
            c => t!("formula-bad-char", char = crate::shown::escape(&c.to_string())),
        },
        K::BadNumber => t!("formula-bad-number", text = shown(piece)),
        K::NumberOutOfRange => t!("formula-number-out-of-range", text = shown(piece)),
        K::Unexpected { found, expected: x } => t!("formula-unexpected", expected = expected(*x), found = shown(found)),
        K::UnexpectedEnd(x) => t!("formula-unexpected-end", expected = expected(*x)),
        K::Unclosed => t!("formula-unclosed"),
        K::UnmatchedClose => t!("formula-unmatched-close"),
        K::ChainedComparison => t!("formula-chained-comparison"),
        K::PositionalAfterNamed => t!("formula-positional-after-named"),
        K::ParamWithoutDefault(p) => t!("formula-param-without-default", param = shown(p)),
        K::UnknownName(n) => {
            let hint = match did_you_mean(n, formula_names(defs).iter().map(String::as_str)) {
                Some(s) => t!("hint-did-you-mean", suggestion = s),
                None => t!("hint-see-list-formulas"),
            };
            t!("formula-unknown-name", name = shown(n), hint = hint)
        }
        K::NotAValue(n) => {
            let bare = n.trim_end_matches('\'');
            t!("formula-not-a-value", name = shown(n), call = shown(&format!("{bare}{}", &n[bare.len()..])))
        }
        K::NotAFunction(n) => t!("formula-not-a-function", name = shown(n)),
        K::Arity { name, expected, found } => {
            t!("formula-arity", name = shown(name), expected = count(*expected), found = found)
        }
        K::UnknownParam { function, param } => {
            let have: Vec<String> = match defs.function_named(function) {
                Some(d) => d.params.iter().map(|(p, _)| p.clone()).collect(),
                None => crate::activation::lookup(function)
                    .map(|a| a.params.iter().map(|p| p.name.to_string()).collect())
                    .unwrap_or_default(),
            };
            let tail = if have.is_empty() {
                t!("hint-no-parameters")
            } else {
                match did_you_mean(param, have.iter().map(String::as_str)) {
                    Some(s) => t!("hint-did-you-mean", suggestion = s),
                    None => t!("hint-its-parameters", params = have.join(", ")),
                }
            };
            t!("formula-unknown-param", function = shown(function), param = shown(param), hint = tail)
        }
        K::RepeatedParam(p) => t!("formula-repeated-param", param = shown(p)),
        K::ParamNotConstant(p) => t!("formula-param-not-constant", param = shown(p)),
        K::Param(p) => param_error(p),
        K::PrimeOfElementary(n) => t!("formula-prime-of-elementary", name = shown(n)),
        K::TooManyPrimes(n) => t!("formula-too-many-primes", name = shown(n)),
        K::SecondDerivative(n) => t!("formula-second-derivative", name = shown(n)),
        K::FreeVariable(n) => t!("formula-free-variable", name = shown(n)),
        K::Reserved(n) => t!("formula-reserved", name = shown(n)),
        K::Recursive(n) => t!("formula-recursive", name = shown(n)),
        K::UsedBy { name, users } => t!("formula-used-by", name = shown(name), users = users.join(", ")),
        K::NotDefined(n) => {
            let hint = match did_you_mean(n, defs.names()) {
                Some(s) => t!("hint-did-you-mean", suggestion = s),
                None => t!("hint-see-defs"),
            };
            t!("formula-not-defined", name = shown(n), hint = hint)
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
        return t!("formula-in", reason = reason, text = shown(text));
    }
    let col = unicode_width::UnicodeWidthStr::width(&text[..e.span.0.min(text.len())]);
    let len = text.get(e.span.0..e.span.1).map_or(1, unicode_width::UnicodeWidthStr::width).max(1);
    format!("{reason}\n  {text}\n  {}{}", " ".repeat(col), "^".repeat(len.min(40)))
}

/// The note under a scalar chain of more than one layer.
pub fn chain_digits() -> String {
    t!("chain-digits")
}

/// `help formulas`: the formula grammar, also in docs/commands.md.
pub fn formula_help() -> String {
    t!("formula-help") + "\n"
}

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
