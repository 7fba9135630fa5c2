//! `calc` (a formula's value) and `compare` (two functions side by side: where and by
//! how much they differ, and what each costs here).

use super::functions::{Named, resolve};
use super::input::{XItem, parse_x};
use super::{CompareArgs, Context, Error};
use crate::activation::Function;
use crate::render::Format;
use crate::render::num::{shortest, significant};
use crate::render::plot::{Plot, Series};
use crate::report::{Cell, Column, Head, Sink};
use std::time::Instant;

pub fn calc(text: &str, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    let v = crate::defs::with(|d| {
        d.constant(text).map_err(|e| Error::Usage(crate::messages::formula_error(&e, text.trim(), d)))
    })?;
    if ctx.style.format == Format::Table {
        sink.verbatim(&format!("{}\n", significant(v, ctx.style.precision)))?;
        return Ok(());
    }
    sink.begin(&Head { title: String::new(), columns: vec![Column::text("formula"), Column::num("value")] })?;
    sink.row(&[Cell::Text(text.trim().to_string()), Cell::Num(v)])?;
    sink.end()?;
    Ok(())
}

/// Doubles between a and b: 0 when equal, 1 for neighbours (signed zeros are equal).
pub fn ulps(a: f64, b: f64) -> f64 {
    if a == b {
        return 0.0;
    }
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    let key = |x: f64| {
        let i = x.to_bits() as i64;
        if i < 0 { i64::MIN - i } else { i }
    };
    (key(a) as i128 - key(b) as i128).unsigned_abs() as f64
}

/// The three measures of a difference at one x.
fn measures(f: f64, g: f64) -> [f64; 3] {
    let abs = (g - f).abs();
    let rel = if f == g { 0.0 } else { abs / f.abs() };
    [abs, rel, ulps(f, g)]
}

fn eval(func: &Function, x: f64, deriv: bool) -> f64 {
    if deriv { func.deriv(x) } else { func.value(x) }
}

/// Grid points searched, then refined around the largest.
const GRID: usize = 20_001;
/// Points per refinement step, and steps.
const ZOOM: usize = 64;
const STEPS: usize = 8;

/// The x in [a, b] where measure `m` is largest: the best grid point, then zoomed in
/// around it (each step 64 points across the neighbourhood of the best so far).
fn largest(f: &Function, g: &Function, a: f64, b: f64, m: usize, deriv: bool) -> (f64, f64) {
    let score = |x: f64| {
        let v = measures(eval(f, x, deriv), eval(g, x, deriv))[m];
        if v.is_nan() { f64::NEG_INFINITY } else { v }
    };
    let at = |i: usize, n: usize, lo: f64, hi: f64| lo + (hi - lo) * (i as f64 / (n - 1) as f64);
    let (mut best_x, mut best) = (a, score(a));
    for i in 1..GRID {
        let x = at(i, GRID, a, b);
        let s = score(x);
        if s > best {
            (best_x, best) = (x, s);
        }
    }
    let mut h = (b - a) / (GRID - 1) as f64;
    for _ in 0..STEPS {
        let (lo, hi) = ((best_x - h).max(a), (best_x + h).min(b));
        for i in 0..ZOOM {
            let x = at(i, ZOOM, lo, hi);
            let s = score(x);
            if s > best {
                (best_x, best) = (x, s);
            }
        }
        h = 2.0 * (hi - lo) / (ZOOM - 1) as f64;
        if h <= best_x.abs() * f64::EPSILON {
            break;
        }
    }
    (best_x, best)
}

/// Nanoseconds per value: the median of timed runs over `xs`.
fn cost(f: &Function, xs: &[f64], deriv: bool) -> f64 {
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let mut acc = 0.0;
            for &x in xs {
                acc +=
                    if deriv { f.value_and_deriv(std::hint::black_box(x)).1 } else { f.value(std::hint::black_box(x)) };
            }
            std::hint::black_box(acc);
            t.elapsed().as_secs_f64() * 1e9 / xs.len() as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn kind(n: &Named) -> String {
    match n.f {
        Function::Entry(..) => crate::t!("compare-kind-catalogue"),
        Function::Formula(_) => crate::t!("compare-kind-formula"),
    }
}

pub fn compare(a: &CompareArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let mut f = resolve(&a.first, &a.params, a.deriv)?;
    let mut g = resolve(&a.second, &a.params, a.deriv)?;
    if f.len() != 1 || g.len() != 1 {
        return Err(Error::Usage(crate::t!("compare-two")));
    }
    let (f, g) = (f.remove(0), g.remove(0));
    let name = |l: &str| if a.deriv { super::functions::primed(l) } else { l.to_string() };
    let (fl, gl) = (name(&f.label), name(&g.label));
    let mut items = Vec::new();
    for x in &a.xs {
        items.push(parse_x(x).map_err(Error::Usage)?);
    }
    if items.iter().any(|i| matches!(i, XItem::Stdin)) {
        return Err(Error::Usage(crate::t!("compare-no-stdin")));
    }
    let ranges: Vec<_> = items.iter().filter_map(|i| if let XItem::Range(r) = i { Some(r) } else { None }).collect();
    if !items.is_empty() && ranges.is_empty() {
        // a table at the points given
        sink.begin(&Head {
            title: crate::t!("compare-title", g = gl.as_str(), f = fl.as_str()),
            columns: vec![
                Column::num("x"),
                Column::num(fl.clone()),
                Column::num(gl.clone()),
                Column::num("G - F"),
                Column::num("|G - F|/|F|"),
                Column::num("ulps"),
            ],
        })?;
        for i in &items {
            let XItem::Number(x) = i else { continue };
            let (fv, gv) = (eval(&f.f, *x, a.deriv), eval(&g.f, *x, a.deriv));
            let [_, rel, u] = measures(fv, gv);
            sink.row(&[Cell::Num(*x), Cell::Num(fv), Cell::Num(gv), Cell::Num(gv - fv), Cell::Num(rel), Cell::Num(u)])?;
        }
        sink.end()?;
        return Ok(());
    }
    if ranges.len() > 1 || items.len() > 1 {
        return Err(Error::Usage(crate::t!("compare-one-range")));
    }
    let (lo, hi) = ranges.first().map_or((-6.0, 6.0), |r| (r.start.min(r.end), r.start.max(r.end)));
    if lo >= hi {
        return Err(Error::Usage(crate::t!("compare-empty-range")));
    }
    sink.begin(&Head {
        title: crate::t!("compare-range-title", g = gl.as_str(), f = fl.as_str(), lo = shortest(lo), hi = shortest(hi)),
        columns: vec![
            Column::text("largest"),
            Column::num("value"),
            Column::num("at x"),
            Column::num(fl.clone()),
            Column::num(gl.clone()),
        ],
    })?;
    for (m, name) in ["|G - F|", "|G - F|/|F|", "ulps"].iter().enumerate() {
        super::check_interrupt()?;
        let (x, v) = largest(&f.f, &g.f, lo, hi, m, a.deriv);
        let (fv, gv) = (eval(&f.f, x, a.deriv), eval(&g.f, x, a.deriv));
        let v = if v == f64::NEG_INFINITY { f64::NAN } else { v };
        sink.row(&[Cell::key(*name), Cell::Num(v), Cell::Num(x), Cell::Num(fv), Cell::Num(gv)])?;
    }
    sink.note(&crate::t!("compare-search-note", grid = GRID, steps = STEPS, zoom = ZOOM))?;
    sink.end()?;
    let xs: Vec<f64> = (0..100_000).map(|i| lo + (hi - lo) * (i as f64 / 99_999.0)).collect();
    sink.begin(&Head {
        title: if a.deriv { crate::t!("compare-cost-deriv-title") } else { crate::t!("compare-cost-title") },
        columns: vec![Column::text("function"), Column::num("ns per value"), Column::text("kind")],
    })?;
    for n in [&f, &g] {
        super::check_interrupt()?;
        sink.row(&[Cell::Text(n.label.clone()), Cell::Num(cost(&n.f, &xs, a.deriv)), Cell::Text(kind(n))])?;
    }
    sink.note(&crate::t!("compare-cost-note"))?;
    sink.end()?;
    if a.plot || a.svg.is_some() {
        let n = if a.svg.is_some() { 801 } else { 321 };
        let points = (0..n)
            .map(|i| {
                let x = lo + (hi - lo) * (i as f64 / (n - 1) as f64);
                (x, eval(&g.f, x, a.deriv) - eval(&f.f, x, a.deriv))
            })
            .collect();
        let plot = Plot {
            title: crate::t!(
                "compare-plot-title",
                g = gl.as_str(),
                f = fl.as_str(),
                lo = shortest(lo),
                hi = shortest(hi)
            ),
            x_label: "x".into(),
            y_label: "G − F".into(),
            series: vec![Series { key: String::new(), name: format!("{gl} − {fl}"), points, dashed: false }],
            log_y: false,
            equal_aspect: false,
            size: (None, None),
        };
        super::plot::emit(&plot, a.svg.as_deref(), sink)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulps_count_the_doubles_between() {
        assert_eq!(ulps(1.0, 1.0), 0.0);
        assert_eq!(ulps(1.0, f64::from_bits(1.0f64.to_bits() + 3)), 3.0);
        assert_eq!(ulps(-0.0, 0.0), 0.0);
        assert_eq!(ulps(-5e-324, 5e-324), 2.0);
    }
}
