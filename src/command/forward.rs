//! `forward`: the drift of a batch through random dense layers, layer by layer.

use super::functions::resolve;
use super::{Error, ForwardPassArgs};
use crate::activation::Function;
use crate::gradient::Show;
use crate::gradient::forward::{self, ForwardError, ForwardSpec, LayerStats, Norm, SATURATED, WeightInit};
use crate::render::num::{shortest, significant};
use crate::render::plot::{Plot, Series};
use crate::report::{Cell, Column, Head, Sink};

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
            ForwardError::Empty => "--width, --batch and DEPTH must be at least 1".into(),
            ForwardError::TooMuchWork(w) => format!(
                "batch × width² × depth × functions = {} multiply-adds, more than the limit of {}; use a smaller --batch, --width or DEPTH",
                significant(w, 3),
                significant(forward::MAX_WORK, 3)
            ),
            ForwardError::TooMuchKept(k) => format!(
                "--backward keeps f'(z) for every layer: {} values, more than the limit of {}; use a smaller --batch, --width or DEPTH",
                significant(k, 3),
                forward::MAX_KEPT
            ),
            ForwardError::Scale => "--gain must be positive and --bias finite".into(),
        })
    })?;
    let show = super::chain::show_rows(a.all, a.every)?;
    let one = funcs.len() == 1;
    let mut columns = vec![Column::num("layer")];
    for f in &funcs {
        let n = |s: &str| if one { s.to_string() } else { format!("{} {s}", f.label) };
        columns.push(Column::num(n("z mean")));
        columns.push(Column::num(n("z std")));
        columns.push(Column::num(n("a mean")));
        columns.push(Column::num(n("a std")));
        columns.push(Column::num(n("saturated")));
        columns.push(Column::num(n("dead")));
        if spec.backward {
            columns.push(Column::num(n("log10 ‖g‖")));
        }
    }
    let normed = match norm {
        Some(Norm::Layer) => ", layer norm before each activation",
        Some(Norm::Batch) => ", batch norm before each activation",
        None => "",
    };
    let bias = if spec.bias == 0.0 { String::new() } else { format!(", bias {}", shortest(spec.bias)) };
    sink.begin(&Head {
        title: format!(
            "{} N(0, 1) inputs through {} random {}×{} layer{} (init {}, gain {}{bias}{normed}), seed {}: z = pre-activations, a = f(z)",
            spec.batch,
            spec.depth,
            spec.width,
            spec.width,
            if spec.depth == 1 { "" } else { "s" },
            init_name(spec.init),
            shortest(spec.gain),
            spec.seed
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
            Show::Every(n) => format!("every {n}th and the last"),
            _ => "the first 10, then 20, 50, 100, …, and the last".to_string(),
        };
        sink.note(&format!("showing {shown} of {} layers ({which}); --every N or --all for more", spec.depth))?;
    }
    sink.note(&format!(
        "saturated: the fraction of (sample, unit) pairs with |f'(z)| < {SATURATED}; dead: the fraction of units with f'(z) = 0 for every sample{}",
        if spec.backward {
            "; log10 ‖g‖: the gradient reaching the layer's input, RMS over the batch (each sample's output gradient has norm 1)"
        } else {
            ""
        }
    ))?;
    if let (Some(first), Some(last)) = (rows.first(), rows.last()) {
        for (i, f) in funcs.iter().enumerate() {
            let (a, b) = (first[i], last[i]);
            if rows.len() == 1 {
                sink.note(&format!(
                    "{}: activations' mean {}, std {}; saturated {}",
                    f.label,
                    significant(a.mean, 3),
                    significant(a.std, 3),
                    significant(a.saturated, 3)
                ))?;
                continue;
            }
            let drift = if b.mean.abs() > 0.1 * b.std {
                "not zero-centred: each layer hands the next a biased input"
            } else {
                "zero-centred"
            };
            let scale = if b.std < 1e-3 * a.std {
                "the spread shrinks toward 0"
            } else if b.std > 1e3 * a.std {
                "the spread grows without bound"
            } else {
                "the spread holds"
            };
            sink.note(&format!(
                "{}: activations' mean {} at layer 1, {} at layer {} ({drift}); std {} → {} ({scale}); saturated {} → {}",
                f.label,
                significant(a.mean, 3),
                significant(b.mean, 3),
                b.k,
                significant(a.std, 3),
                significant(b.std, 3),
                significant(a.saturated, 3),
                significant(b.saturated, 3)
            ))?;
        }
    }
    sink.end()?;
    if a.plot || a.svg.is_some() {
        let mut series = Vec::new();
        for (i, f) in funcs.iter().enumerate() {
            series.push(Series {
                name: format!("{} mean", f.label),
                points: rows.iter().map(|r| (r[i].k as f64, r[i].mean)).collect(),
                dashed: false,
            });
            series.push(Series {
                name: format!("{} std", f.label),
                points: rows.iter().map(|r| (r[i].k as f64, r[i].std)).collect(),
                dashed: true,
            });
        }
        let plot = Plot {
            title: format!("activations' mean and standard deviation through {} layers", spec.depth),
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
