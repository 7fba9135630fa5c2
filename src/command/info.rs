//! `list` and `info`: what each function is, with properties computed from it.

use super::functions::resolve;
use super::{Context, Error, ParamArgs};
use crate::activation::CATALOGUE;
use crate::activation::Function;
use crate::activation::properties::{End, PeakAt, Properties};
use crate::i18n::entry_text;
use crate::render::num::{shortest, significant};
use crate::report::{Cell, Column, Head, Sink};
use crate::t;

pub fn list(sink: &mut dyn Sink) -> Result<(), Error> {
    sink.begin(&Head {
        title: t!("list-title", n = CATALOGUE.len()),
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
            Cell::Text(entry_text(a.name, "formula", a.formula)),
        ])?;
    }
    sink.note(&t!("list-note"))?;
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
            title: t!("list-defined-title", n = crate::i18n::count(defined.len())),
            columns: vec![Column::text("name"), Column::text("parameters"), Column::text("formula")],
        })?;
        for (name, params, body) in defined {
            sink.row(&[Cell::Text(name), Cell::Text(params), Cell::Text(body)])?;
        }
        sink.note(&t!("list-defined-note"))?;
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
        return Err(Error::Usage(t!("info-one-function")));
    }
    let named = &funcs[0];
    let pr = Properties::of(&named.f);
    let d = ctx.style.precision.min(8);
    let yes = |b: bool| if b { t!("yes") } else { t!("no") };
    let t = |s: &str| Cell::Text(s.to_string());
    let mut rows: Vec<(&str, Cell)> = Vec::new();
    match &named.f {
        Function::Entry(a, p) => {
            rows.push(("name", t(a.name)));
            rows.push(("aliases", t(&a.aliases.join(", "))));
            rows.push(("formula", t(&entry_text(a.name, "formula", a.formula))));
            rows.push(("derivative", t(&entry_text(a.name, "derivative", a.deriv_formula))));
            let ptext: Vec<String> = a
                .params
                .iter()
                .zip(p.as_slice())
                .map(|(s, v)| {
                    let range = crate::messages::param_range(s);
                    t!(
                        "info-param",
                        name = s.name,
                        value = shortest(*v),
                        default = shortest(s.default),
                        range = range,
                        help = entry_text(a.name, &format!("param-{}", s.name), s.help)
                    )
                })
                .collect();
            rows.push(("parameters", t(&if ptext.is_empty() { t!("none") } else { ptext.join("; ") })));
        }
        Function::Formula(_) => {
            rows.push(("name", t(&named.label)));
            rows.push(("formula", t(&named.formula())));
            rows.push(("derivative", t(&t!("info-formula-derivative"))));
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
                t(&if all { t!("info-every-x") } else { t!("info-every-x-in", set = text.join(" ∪ ")) }),
            ));
        }
        PeakAt::Approached(side) => {
            rows.push((
                "derivative peak",
                t(&t!(
                    "info-peak-approached",
                    sup = significant(pr.deriv_peak.1, d),
                    side = if *side > 0.0 { "+" } else { "-" }
                )),
            ));
        }
    }
    match pr.minimum {
        Some((x, v)) => {
            rows.push(("minimum", Cell::Num(v)));
            rows.push(("minimum at x", Cell::Num(x)));
        }
        None => rows.push(("minimum", t(&t!("info-no-minimum")))),
    }
    rows.push(("zero-centred (odd)", t(&yes(pr.odd))));
    rows.push(("monotonic", t(&yes(pr.monotonic))));
    rows.push((
        "smooth",
        t(&match &named.f {
            Function::Entry(a, _) => entry_text(a.name, "smoothness", a.smoothness),
            Function::Formula(f) if f.smooth() => t!("info-formula-smooth"),
            Function::Formula(_) => t!("info-formula-not-smooth"),
        }),
    ));
    let sat = match pr.saturates {
        (true, true) => t!("info-saturates-both"),
        (true, false) => t!("info-saturates-left"),
        (false, true) => t!("info-saturates-right"),
        (false, false) => t!("no"),
    };
    rows.push(("saturating", t(&sat)));
    rows.push(("mean of f(Z), Z ~ N(0,1)", Cell::Num(pr.mean)));
    rows.push(("variance of f(Z)", Cell::Num(pr.variance)));
    match &named.f {
        Function::Entry(a, _) => {
            rows.push(("derivative at kinks", t(&entry_text(a.name, "kinks", a.kink_convention))));
            rows.push(("library defaults", t(&entry_text(a.name, "defaults", a.library_defaults))));
            if !a.seed_remarks.is_empty() {
                rows.push(("seed notes", t(&entry_text(a.name, "remarks", a.seed_remarks))));
            }
        }
        Function::Formula(_) => {
            rows.push(("derivative at kinks", t(&t!("info-formula-kinks"))));
            rows.push(("accuracy", t(&t!("info-formula-accuracy"))));
        }
    }
    sink.begin(&Head { title: named.label.clone(), columns: vec![Column::text("property"), Column::text("value")] })?;
    for (k, v) in rows {
        sink.row(&[Cell::key(k), v])?;
    }
    sink.note(&t!("info-note"))?;
    sink.end()?;
    Ok(())
}
