//! `forward`: the drift of a batch through random dense layers, layer by layer.

use super::functions::resolve;
use super::{Error, ForwardPassArgs};
use crate::activation::Function;
use crate::gradient::Show;
use crate::gradient::forward::{self, ForwardError, ForwardSpec, LayerStats, Norm, SATURATED, WeightInit};
use crate::render::num::{shortest, significant};
use crate::render::plot::{Plot, Series};
use crate::report::{Cell, Column, Head, Sink};
use crate::t;

fn init_name(i: WeightInit) -> &'static str {
    match i {
        WeightInit::Normal => "normal (lecun, xavier) σ = gain/√N",
        WeightInit::He => "he σ = gain·√(2/N)",
        WeightInit::Orthogonal => "orthogonal gain·Q",
    }
}

pub fn forward(a: &ForwardPassArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let funcs = resolve(&a.functions, &a.params, true)?;
    let norm = match a.norm.as_deref() {
        Some("layer") => Some(Norm::Layer),
        Some("batch") => Some(Norm::Batch),
        _ => None,
    };
    let spec = ForwardSpec {
        width: a.width.unwrap_or(128),
        depth: a.depth,
        batch: a.batch.unwrap_or(256),
        gain: a.gain.unwrap_or(1.0),
        init: a.init.unwrap_or(WeightInit::Normal),
        bias: a.bias.unwrap_or(0.0),
        norm,
        seed: a.seed.unwrap_or(0),
        backward: a.backward,
    };
    spec.check(funcs.len()).map_err(|e| {
        Error::Usage(match e {
            ForwardError::Empty => t!("forward-empty"),
            ForwardError::TooMuchWork(w) => {
                t!("forward-too-much-work", work = significant(w, 3), max = significant(forward::MAX_WORK, 3))
            }
            ForwardError::TooMuchKept(k) => {
                t!("forward-too-much-kept", kept = significant(k, 3), max = forward::MAX_KEPT)
            }
            ForwardError::Scale => t!("forward-scale"),
        })
    })?;
    let show = super::chain::show_rows(a.all, a.every)?;
    let one = funcs.len() == 1;
    let mut columns = vec![Column::num("layer")];
    for f in &funcs {
        let prefix = if one { None } else { Some(f.label.as_str()) };
        for key in ["z mean", "z std", "a mean", "a std", "saturated", "dead"] {
            columns.push(Column::num_of(prefix, key));
        }
        if spec.backward {
            columns.push(Column::num_of(prefix, "log10 ‖g‖"));
        }
    }
    let normed = match norm {
        Some(Norm::Layer) => t!("forward-layer-norm"),
        Some(Norm::Batch) => t!("forward-batch-norm"),
        None => String::new(),
    };
    let bias = if spec.bias == 0.0 { String::new() } else { t!("forward-bias", bias = shortest(spec.bias)) };
    sink.begin(&Head {
        title: t!(
            "forward-title",
            batch = spec.batch,
            depth = crate::i18n::count(spec.depth),
            width = spec.width,
            init = init_name(spec.init),
            gain = shortest(spec.gain),
            bias = bias,
            norm = normed,
            seed = spec.seed
        ),
        columns,
    })?;
    let fs: Vec<Function> = funcs.iter().map(|n| n.f.clone()).collect();
    let mut rows: Vec<Vec<LayerStats>> = Vec::new();
    let mut written: std::io::Result<()> = Ok(());
    let mut shown = 0u64;
    let run = forward::run(&fs, &spec, &super::ctrl_c(), |layers| {
        rows.push(layers.to_vec());
        let k = layers[0].k;
        if written.is_err() || !show.shows(k, spec.depth, false) {
            return;
        }
        shown += 1;
        let mut cells = vec![Cell::Int(k as i64)];
        for s in layers {
            cells.extend([
                Cell::Num(s.pre_mean),
                Cell::Num(s.pre_std),
                Cell::Num(s.mean),
                Cell::Num(s.std),
                Cell::Num(s.saturated),
                Cell::Num(s.dead),
            ]);
            if let Some(g) = s.grad_log10 {
                cells.push(Cell::Num(g));
            }
        }
        written = sink.row(&cells).map(drop);
    });
    written?;
    run?;
    if shown < spec.depth {
        let which = match show {
            Show::Every(n) => t!("forward-shown-every", n = n),
            _ => t!("forward-shown-default"),
        };
        sink.note(&t!("forward-showing", shown = shown, depth = spec.depth, which = which))?;
    }
    let backward = if spec.backward { t!("forward-note-backward") } else { String::new() };
    sink.note(&t!("forward-note", saturated = SATURATED, backward = backward))?;
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        for (i, f) in funcs.iter().enumerate() {
            let (a, b) = (first[i], last[i]);
            if rows.len() == 1 {
                sink.note(&t!(
                    "forward-one-layer",
                    name = f.label.as_str(),
                    mean = significant(a.mean, 3),
                    std = significant(a.std, 3),
                    saturated = significant(a.saturated, 3)
                ))?;
                continue;
            }
            let drift = if b.mean.abs() > 0.1 * b.std { t!("forward-not-centred") } else { t!("forward-centred") };
            let scale = if b.std < 1e-3 * a.std {
                t!("forward-spread-shrinks")
            } else if b.std > 1e3 * a.std {
                t!("forward-spread-grows")
            } else {
                t!("forward-spread-holds")
            };
            sink.note(&t!(
                "forward-drift",
                name = f.label.as_str(),
                mean1 = significant(a.mean, 3),
                mean2 = significant(b.mean, 3),
                layer = b.k,
                drift = drift,
                std1 = significant(a.std, 3),
                std2 = significant(b.std, 3),
                scale = scale,
                sat1 = significant(a.saturated, 3),
                sat2 = significant(b.saturated, 3)
            ))?;
        }
    }
    sink.end()?;
    if a.plot || a.svg.is_some() {
        let mut series = Vec::new();
        for (i, f) in funcs.iter().enumerate() {
            series.push(Series {
                key: format!("{} mean", f.label),
                name: t!("forward-series-mean", name = f.label.as_str()),
                points: rows.iter().map(|r| (r[i].k as f64, r[i].mean)).collect(),
                dashed: false,
            });
            series.push(Series {
                key: format!("{} std", f.label),
                name: t!("forward-series-std", name = f.label.as_str()),
                points: rows.iter().map(|r| (r[i].k as f64, r[i].std)).collect(),
                dashed: true,
            });
        }
        let plot = Plot {
            title: t!("forward-plot-title", depth = spec.depth),
            x_label: "layer".into(),
            y_label: "mean, std of f(z)".into(),
            series,
            log_y: false,
            equal_aspect: false,
            size: super::plot::size(&a.size, None, None)?,
        };
        super::plot::emit(&plot, a.svg.as_deref(), sink)?;
    }
    Ok(())
}
