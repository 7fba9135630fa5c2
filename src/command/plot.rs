//! `plot`: functions (and derivatives), gradient chains, and `matrix --plot`.

use super::functions::resolve;
use super::{Error, PlotArgs, PlotChain, PlotChainArgs, PlotSize};
use crate::activation::Function;
use crate::gradient::matrix;
use crate::gradient::scalar::{PreActivation, ScalarChain};
use crate::linalg::Affine;
use crate::render::num::shortest;
use crate::render::plot::{Plot, Series};
use crate::render::svg::SvgFile;
use crate::report::Sink;

/// Draw `plot` into the sink, or (`--svg FILE`) into an SVG file through the SVG sink.
pub fn emit(plot: &Plot, svg_path: Option<&std::path::Path>, sink: &mut dyn Sink) -> Result<(), Error> {
    if let Some(path) = svg_path {
        check_svg_name(path)?;
    }
    match svg_path {
        Some(path) => SvgFile::new(path, sink).plot(plot),
        None => sink.plot(plot),
    }
    .map_err(|e| match e.kind() {
        std::io::ErrorKind::Other => Error::Failed(e.to_string()),
        _ => Error::Io(e),
    })
}

/// `--svg` writes SVG: a name that promises another format (`plot.png`) is refused
/// rather than filled with SVG.
pub fn check_svg_name(path: &std::path::Path) -> Result<(), Error> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if let Some(e) = ext.filter(|e| {
        matches!(e.as_str(), "png" | "jpg" | "jpeg" | "gif" | "bmp" | "webp" | "pdf" | "eps" | "tif" | "tiff")
    }) {
        return Err(Error::Usage(crate::t!(
            "svg-name",
            path = crate::shown::shown(&path.display().to_string()),
            ext = e
        )));
    }
    Ok(())
}

/// The plot's size in characters: `--cols`/`--rows` (or their older names).
pub(super) fn size(
    s: &PlotSize,
    width: Option<usize>,
    height: Option<usize>,
) -> Result<(Option<usize>, Option<usize>), Error> {
    let (w, h) = (s.cols.or(width), s.rows.or(height));
    if w.is_some_and(|w| !(10..=400).contains(&w)) || h.is_some_and(|h| !(4..=200).contains(&h)) {
        return Err(Error::Usage(crate::t!("plot-size")));
    }
    Ok((w, h))
}

pub fn plot(a: &PlotArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    if let Some(PlotChain::Chain(c)) = &a.chain {
        return chain_plot(c, sink);
    }
    let funcs = resolve(a.functions.as_deref().unwrap_or_default(), &a.params, a.deriv)?;
    let (from, to) = (a.from.unwrap_or(-5.0), a.to.unwrap_or(5.0));
    if !(from.is_finite() && to.is_finite() && from < to) {
        return Err(Error::Usage(crate::t!("plot-bounds", from = shortest(from), to = shortest(to))));
    }
    let (cols, rows) = size(&a.size, a.width, a.height)?;
    let n = if a.svg.is_some() { 801 } else { 2 * cols.unwrap_or(160) + 1 };
    let xs: Vec<f64> = (0..n)
        .map(|i| {
            let t = i as f64 / (n - 1) as f64;
            // to - from overflows for bounds near ±1.8e308: weigh the ends instead
            if (to - from).is_finite() { from + (to - from) * t } else { from * (1.0 - t) + to * t }
        })
        .collect();
    let mut series = Vec::new();
    for named in &funcs {
        let (f, l) = (&named.f, named.label.clone());
        series.push(Series {
            key: String::new(),
            name: l.clone(),
            points: xs.iter().map(|&x| (x, f.value(x))).collect(),
            dashed: false,
        });
        if a.deriv {
            series.push(Series {
                key: String::new(),
                name: super::functions::primed(&l),
                points: xs.iter().map(|&x| (x, f.deriv(x))).collect(),
                dashed: true,
            });
        }
    }
    let names: Vec<String> = funcs.iter().map(|n| n.label.clone()).collect();
    let plot = Plot {
        title: if a.deriv {
            crate::t!("plot-title-deriv", names = names.join(", "), from = shortest(from), to = shortest(to))
        } else {
            crate::t!("plot-title", names = names.join(", "), from = shortest(from), to = shortest(to))
        },
        x_label: "x".into(),
        y_label: if a.deriv { "f(x), f'(x)".into() } else { "f(x)".into() },
        series,
        log_y: false,
        equal_aspect: false,
        size: (cols, rows),
    };
    emit(&plot, a.svg.as_deref(), sink)
}

fn chain_plot(a: &PlotChainArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let funcs = resolve(&a.functions, &a.params, true)?;
    let depth = a.depth;
    let size = size(&a.size, None, None)?;
    let every = (depth / 2000).max(1);
    let keep = |k: u64| k.is_multiple_of(every) || k == 1 || k == depth;
    let point = |k: u64, v: f64| (k as f64, if v.is_finite() { v } else { f64::NAN });
    let mut series: Vec<Series> = funcs
        .iter()
        .map(|n| Series { key: String::new(), name: n.label.clone(), points: Vec::new(), dashed: false })
        .collect();
    let f = &a.forward;
    let (title, y_label) = if let Some(width) = f.width {
        // the gradient's norm through random width × width layers (chain --width)
        let spec = super::chain::matrix_spec(f, width, depth, funcs.len())?;
        let fs: Vec<Function> = funcs.iter().map(|n| n.f.clone()).collect();
        matrix::run(&fs, &spec, &super::ctrl_c(), |layers| {
            for (s, g) in series.iter_mut().zip(layers) {
                if keep(g.k) {
                    s.points.push(point(g.k, g.log10_norm));
                }
            }
        })?;
        (crate::t!("plot-width-chain-title", depth = depth, width = width), "‖g‖")
    } else {
        let weight = f.weight.unwrap_or(1.0);
        let pre = PreActivation::from_options(f.at, f.random, f.seed, f.bias, f.input);
        for (s, named) in series.iter_mut().zip(&funcs) {
            let mut c = ScalarChain::new(&named.f, pre, weight);
            let (mut k, mut steps) = (0u64, 0u64);
            while k < depth {
                // the next layer drawn; a chain that repeats its last layer (a fixed point
                // of the forward pass, or --at) jumps there, as `chain` does
                let next = if k == 0 { 1 } else { ((k / every + 1) * every).min(depth) };
                if next > k + 1 && c.repeats() {
                    c.skip(next - k);
                    k = next;
                } else {
                    c.step();
                    k += 1;
                }
                if keep(k) {
                    s.points.push(point(k, c.product().log10()));
                }
                steps += 1;
                if steps.is_multiple_of(65536) {
                    super::check_interrupt()?;
                }
            }
        }
        (crate::t!("plot-chain-title", depth = depth), "|product|")
    };
    let plot = Plot {
        title,
        x_label: "layer".into(),
        y_label: y_label.into(),
        series,
        log_y: true,
        equal_aspect: false,
        size,
    };
    emit(&plot, a.svg.as_deref(), sink)
}

/// The unit square and the basis vectors, before and after the map.
pub fn matrix_plot(
    m: &Affine,
    title: &str,
    svg_path: Option<&std::path::Path>,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    let square = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]];
    let img: Vec<(f64, f64)> = square.iter().map(|p| m.apply(*p)).map(|p| (p[0], p[1])).collect();
    let (o, e1, e2) = (m.apply([0.0, 0.0]), m.apply([1.0, 0.0]), m.apply([0.0, 1.0]));
    let nan = (f64::NAN, f64::NAN);
    let plot = Plot {
        title: title.to_string(),
        x_label: "x".into(),
        y_label: "y".into(),
        series: vec![
            Series {
                key: "unit square".into(),
                name: crate::t!("plot-unit-square"),
                points: square.iter().map(|p| (p[0], p[1])).collect(),
                dashed: true,
            },
            Series { key: "its image".into(), name: crate::t!("plot-its-image"), points: img, dashed: false },
            Series {
                key: String::new(),
                name: "e1, e2".into(),
                points: vec![(0.0, 0.0), (1.0, 0.0), nan, (0.0, 0.0), (0.0, 1.0)],
                dashed: true,
            },
            Series {
                key: String::new(),
                name: "M e1, M e2".into(),
                points: vec![(o[0], o[1]), (e1[0], e1[1]), nan, (o[0], o[1]), (e2[0], e2[1])],
                dashed: false,
            },
        ],
        log_y: false,
        equal_aspect: true,
        size: (None, None),
    };
    emit(&plot, svg_path, sink)
}
