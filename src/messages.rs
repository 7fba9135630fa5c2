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

/// A parameter value refused: `celu --alpha 0: must be > 0`.
pub fn param_error(e: &ParamError) -> String {
    match e {
        ParamError::Nan { function, param } => format!("{function} --{param}: the value is nan; give a number"),
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
