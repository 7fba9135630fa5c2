//! `list` and `info`: what each function is, with properties computed from it.

use super::functions::resolve;
use super::{Context, Error, ParamArgs};
use crate::activation::CATALOGUE;
use crate::activation::Function;
use crate::activation::properties::{End, PeakAt, Properties};
use crate::render::num::{shortest, significant};
use crate::report::{Cell, Column, Head, Sink};

pub fn list(sink: &mut dyn Sink) -> Result<(), Error> {
    sink.begin(&Head {
        title: format!("{} activation functions", CATALOGUE.len()),
        columns: vec![
            Column::text("name"),
            Column::text("aliases"),
            Column::text("parameters"),
            Column::text("formula"),
        ],
    })?;
    for a in CATALOGUE {
        let params: Vec<String> = a.params.iter().map(|p| format!("{}={}", p.name, shortest(p.default))).collect();
        sink.row(&[
            Cell::Text(a.name.into()),
            Cell::Text(a.aliases.join(", ")),
            Cell::Text(params.join(", ")),
            Cell::Text(a.formula.into()),
        ])?;
    }
    sink.note("Names ignore case, '-' and '_': LeakyReLU = leaky-relu = leaky_relu. Details: info FN")?;
    sink.end()?;
    // the session's own functions, in a section of their own
    let defined: Vec<(String, String, String)> = crate::defs::with(|d| {
        d.functions()
            .iter()
            .map(|f| {
                let params: Vec<String> = f.params.iter().map(|(p, v)| format!("{p}={}", shortest(*v))).collect();
                (f.name.clone(), params.join(", "), f.body.to_string())
            })
            .collect()
    });
    if !defined.is_empty() {
        sink.begin(&Head {
            title: format!("{} defined function{}", defined.len(), if defined.len() == 1 { "" } else { "s" }),
            columns: vec![Column::text("name"), Column::text("parameters"), Column::text("formula")],
        })?;
        for (name, params, body) in defined {
            sink.row(&[Cell::Text(name), Cell::Text(params), Cell::Text(body)])?;
        }
        sink.note("defs shows them as written (with constants); undef NAME removes one")?;
        sink.end()?;
    }
    Ok(())
}

fn end_text(e: End, lower: bool, digits: usize) -> String {
    let v = if e.value.is_infinite() {
        if e.value > 0.0 { "∞".to_string() } else { "-∞".to_string() }
    } else {
        // + 0.0: an end at zero reads 0, not -0 (log_sigmoid's range is (-∞, 0))
        significant(e.value + 0.0, digits)
    };
    match (lower, e.attained && e.value.is_finite()) {
        (true, true) => format!("[{v}"),
        (true, false) => format!("({v}"),
        (false, true) => format!("{v}]"),
        (false, false) => format!("{v})"),
    }
}

pub fn info(name: &str, params: &ParamArgs, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    let funcs = resolve(name, params, true)?;
    if funcs.len() != 1 {
        return Err(Error::Usage("info takes one function; use list for all of them".into()));
    }
    let named = &funcs[0];
    let pr = Properties::of(&named.f);
    let d = ctx.style.precision.min(8);
    let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
    let t = |s: &str| Cell::Text(s.to_string());
    let mut rows: Vec<(&str, Cell)> = Vec::new();
    match &named.f {
        Function::Entry(a, p) => {
            rows.push(("name", t(a.name)));
            rows.push(("aliases", t(&a.aliases.join(", "))));
            rows.push(("formula", t(a.formula)));
            rows.push(("derivative", t(a.deriv_formula)));
            let ptext: Vec<String> = a
                .params
                .iter()
                .zip(p.as_slice())
                .map(|(s, v)| {
                    let range = crate::messages::param_range(s);
                    format!(
                        "{} = {} (default {}; valid: {range}): {}",
                        s.name,
                        shortest(*v),
                        shortest(s.default),
                        s.help
                    )
                })
                .collect();
            rows.push(("parameters", t(&if ptext.is_empty() { "none".into() } else { ptext.join("; ") })));
        }
        Function::Formula(_) => {
            rows.push(("name", t(&named.label)));
            rows.push(("formula", t(&named.formula())));
            rows.push(("derivative", t("exact for the formula as written: automatic differentiation (dual numbers), each catalogue function with its own derivative")));
        }
    }
    rows.push(("range", t(&format!("{}, {}", end_text(pr.range.0, true, d), end_text(pr.range.1, false, d)))));
    rows.push((
        "derivative range",
        t(&format!("{}, {}", end_text(pr.deriv_range.0, true, d), end_text(pr.deriv_range.1, false, d))),
    ));
    match &pr.deriv_peak_at {
        PeakAt::Point(x) => {
            rows.push(("derivative peak", Cell::Num(pr.deriv_peak.1)));
            rows.push(("derivative peak at x", Cell::Num(*x)));
        }
        PeakAt::Plateau(runs) => {
            rows.push(("derivative peak", Cell::Num(pr.deriv_peak.1)));
            let text: Vec<String> =
                runs.iter().map(|(a, b)| format!("{}, {}", end_text(*a, true, d), end_text(*b, false, d))).collect();
            let all = matches!(runs.as_slice(), [(a, b)] if a.value == f64::NEG_INFINITY && b.value == f64::INFINITY);
            rows.push((
                "derivative peak at x",
                t(&if all { "every x".to_string() } else { format!("every x in {}", text.join(" ∪ ")) }),
            ));
        }
        PeakAt::Approached(side) => {
            rows.push((
                "derivative peak",
                t(&format!(
                    "none: f' approaches its supremum {} as x → {}∞",
                    significant(pr.deriv_peak.1, d),
                    if *side > 0.0 { "+" } else { "-" }
                )),
            ));
        }
    }
    match pr.minimum {
        Some((x, v)) => {
            rows.push(("minimum", Cell::Num(v)));
            rows.push(("minimum at x", Cell::Num(x)));
        }
        None => rows.push(("minimum", t("none at a single point"))),
    }
    rows.push(("zero-centred (odd)", t(&yes(pr.odd))));
    rows.push(("monotonic", t(&yes(pr.monotonic))));
    rows.push((
        "smooth",
        t(match &named.f {
            Function::Entry(a, _) => a.smoothness,
            Function::Formula(f) if f.smooth() => "yes (nothing in the formula has a kink)",
            Function::Formula(_) => "not everywhere: the formula uses abs, sign, min, max, floor, ceil, if, a comparison or a function with a kink",
        }),
    ));
    let sat = match pr.saturates {
        (true, true) => "both sides (f' → 0 as x → ±∞)",
        (true, false) => "left (f' → 0 as x → -∞)",
        (false, true) => "right (f' → 0 as x → +∞)",
        (false, false) => "no",
    };
    rows.push(("saturating", t(sat)));
    rows.push(("mean of f(Z), Z ~ N(0,1)", Cell::Num(pr.mean)));
    rows.push(("variance of f(Z)", Cell::Num(pr.variance)));
    match &named.f {
        Function::Entry(a, _) => {
            rows.push(("derivative at kinks", t(a.kink_convention)));
            rows.push(("library defaults", t(a.library_defaults)));
            if !a.seed_remarks.is_empty() {
                rows.push(("seed notes", t(a.seed_remarks)));
            }
        }
        Function::Formula(_) => {
            rows.push(("derivative at kinks", t("each function's own convention (PyTorch's): relu'(0) = 0, abs'(0) = 0; max and min at a tie give each side half")));
            rows.push(("accuracy", t("evaluated in double arithmetic, one rounding per operation (elementary functions correctly rounded, catalogue calls within 2 ulp); the formula as a whole can lose digits to cancellation: 1 - tanh(x)^2 is 0 at x = 20 (compare it with tanh')")));
        }
    }
    sink.begin(&Head { title: named.label.clone(), columns: vec![Column::text("property"), Column::text("value")] })?;
    for (k, v) in rows {
        sink.row(&[Cell::Text(k.to_string()), v])?;
    }
    sink.note("Properties are computed from the function: extremes on a 0.001 grid over [-50, 50], refined by bisecting the slope; moments by Simpson's rule.")?;
    sink.end()?;
    Ok(())
}
