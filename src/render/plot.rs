//! Plots: a front-end-neutral [`Plot`] (named series of points), drawn in the
//! terminal with braille characters (2×4 dots per character, axes, tick labels,
//! legend, a colour per series within the colour settings) or written as SVG with
//! plotters (no system fonts needed). Machine formats get the points as a table.

use super::palette;
use std::fmt::Write as _;

#[derive(Clone, Debug)]
pub struct Series {
    /// The series' stable English name in CSV, TSV and JSON, when `name` (the
    /// legend, in the current language) differs; empty: the same as `name`.
    pub key: String,
    pub name: String,
    pub points: Vec<(f64, f64)>,
    /// Drawn dashed (derivatives, "before" shapes).
    pub dashed: bool,
}

#[derive(Clone, Debug)]
pub struct Plot {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub series: Vec<Series>,
    /// y values are log10 of the quantity: tick labels read 1e-6 and so on.
    pub log_y: bool,
    /// Same scale on both axes (geometry: the matrix plot).
    pub equal_aspect: bool,
    /// Drawing area in characters, when the command asked for one.
    pub size: (Option<usize>, Option<usize>),
}

const SVG_COLORS: [(u8, u8, u8); 6] =
    [(31, 119, 180), (214, 39, 40), (44, 160, 44), (148, 103, 189), (255, 127, 14), (23, 190, 207)];

fn finite_bounds(plot: &Plot) -> Option<((f64, f64), (f64, f64))> {
    let pts = plot.series.iter().flat_map(|s| s.points.iter()).filter(|(x, y)| x.is_finite() && y.is_finite());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for &(x, y) in pts {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    if !x0.is_finite() {
        return None;
    }
    if x1 - x0 <= 0.0 {
        (x0, x1) = (x0 - 1.0, x1 + 1.0);
    }
    if y1 - y0 <= 0.0 {
        (y0, y1) = (y0 - 1.0, y1 + 1.0);
    }
    let pad = (y1 - y0) * 0.05;
    Some(((x0, x1), (y0 - pad, y1 + pad)))
}

fn tick_label(v: f64, log: bool) -> String {
    if log {
        let e = v.round();
        if (v - e).abs() < 1e-9 { format!("1e{}", e as i64) } else { super::num::significant(10f64.powf(v), 2) }
    } else {
        super::num::significant(if v.abs() < 1e-12 { 0.0 } else { v }, 4)
    }
}

/// b - a without overflow (bounds near ±1.8e308 give a width above the largest double:
/// then half of it, which is all the callers' ratios need when both sides use it).
fn half_span(a: f64, b: f64) -> f64 {
    b / 2.0 - a / 2.0
}

/// About `n` round tick positions within [a, b].
fn ticks(a: f64, b: f64, n: usize, log: bool) -> Vec<f64> {
    let raw = half_span(a, b) / n as f64 * 2.0;
    if !raw.is_finite() {
        return vec![a, b];
    }
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let step = if log { step.max(1.0).round() } else { step };
    let mut t = (a / step).ceil() * step;
    let mut out = Vec::new();
    while t <= b + step * 1e-9 && out.len() < 20 {
        out.push(t);
        t += step;
    }
    out
}

/// The plot in braille, `width` × `height` characters for the drawing area.
pub fn braille(plot: &Plot, width: usize, height: usize, color: bool) -> String {
    let (w, h) = (width.max(10), height.max(4));
    let Some(((mut x0, mut x1), (mut y0, mut y1))) = finite_bounds(plot) else {
        return format!("{}\n{}\n", plot.title, crate::t!("plot-nothing-finite-paren"));
    };
    if plot.equal_aspect {
        // a character is about twice as tall as wide: 2 dots across, 4 down
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let span = ((x1 - x0) / (2 * w) as f64).max((y1 - y0) / (4 * h) as f64);
        (x0, x1) = (cx - span * w as f64, cx + span * w as f64);
        (y0, y1) = (cy - span * 2.0 * h as f64, cy + span * 2.0 * h as f64);
    }
    let (pw, ph) = (2 * w, 4 * h);
    let mut dots = vec![0u8; w * h];
    let mut owner = vec![usize::MAX; w * h];
    let to_px = |x: f64, y: f64| -> (f64, f64) {
        (half_span(x0, x) / half_span(x0, x1) * (pw - 1) as f64, half_span(y, y1) / half_span(y0, y1) * (ph - 1) as f64)
    };
    let mut set = |px: i64, py: i64, s: usize| {
        if px < 0 || py < 0 || px >= pw as i64 || py >= ph as i64 {
            return;
        }
        let (cx, cy) = (px as usize / 2, py as usize / 4);
        let (dx, dy) = (px as usize % 2, py as usize % 4);
        let bit = match (dx, dy) {
            (0, 3) => 6,
            (1, 3) => 7,
            (0, d) => d,
            (_, d) => d + 3,
        };
        dots[cy * w + cx] |= 1 << bit;
        owner[cy * w + cx] = s;
    };
    // axes through zero when zero is in range
    let axis = usize::MAX - 1;
    if y0 < 0.0 && y1 > 0.0 && !plot.log_y {
        let (_, py) = to_px(x0, 0.0);
        for px in (0..pw as i64).step_by(2) {
            set(px, py.round() as i64, axis);
        }
    }
    if x0 < 0.0 && x1 > 0.0 {
        let (px, _) = to_px(0.0, y0);
        for py in (0..ph as i64).step_by(2) {
            set(px.round() as i64, py, axis);
        }
    }
    for (si, s) in plot.series.iter().enumerate() {
        let mut prev: Option<(f64, f64)> = None;
        let mut count = 0u64;
        for &(x, y) in &s.points {
            if !(x.is_finite() && y.is_finite()) {
                prev = None;
                continue;
            }
            let (px, py) = to_px(x, y);
            if let Some((qx, qy)) = prev {
                let steps = ((px - qx).abs().max((py - qy).abs()).ceil() as usize).max(1);
                for k in 0..=steps {
                    count += 1;
                    if s.dashed && (count / 3) % 2 == 1 {
                        continue;
                    }
                    let t = k as f64 / steps as f64;
                    set((qx + (px - qx) * t).round() as i64, (qy + (py - qy) * t).round() as i64, si);
                }
            } else {
                set(px.round() as i64, py.round() as i64, si);
            }
            prev = Some((px, py));
        }
    }
    // y tick labels on the left, at the rows nearest the ticks
    let yt = ticks(y0, y1, (h / 3).max(2), plot.log_y);
    let mut labels = vec![String::new(); h];
    for t in &yt {
        let (_, py) = to_px(x0, *t);
        let row = py.round().max(0.0) as usize / 4;
        if row < h {
            labels[row] = tick_label(*t, plot.log_y);
        }
    }
    use unicode_width::UnicodeWidthStr;
    let (x_label, y_label) = (crate::i18n::column(&plot.x_label), crate::i18n::column(&plot.y_label));
    let lw = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0).max(y_label.width().min(12));
    let mut out = String::new();
    let _ = writeln!(out, "{}", plot.title);
    // the y label, cut to the labels' width (a Chinese character is two columns)
    let mut y_text = String::new();
    for c in y_label.chars() {
        if (y_text.clone() + &c.to_string()).width() > lw {
            break;
        }
        y_text.push(c);
    }
    let _ = writeln!(out, "{}{y_text}", " ".repeat(lw - y_text.width()));
    for r in 0..h {
        let _ = write!(out, "{:>lw$} ┤", labels[r]);
        for c in 0..w {
            let bits = dots[r * w + c];
            let ch = char::from_u32(0x2800 + bits as u32).unwrap_or(' ');
            let o = owner[r * w + c];
            if color && bits != 0 && o < plot.series.len() {
                out.push_str(&palette::series(&ch.to_string(), o, true));
            } else if color && bits != 0 {
                out.push_str(&palette::color(&ch.to_string(), palette::Role::Dim, true));
            } else {
                out.push(if bits == 0 { ' ' } else { ch });
            }
        }
        // no trailing blanks (a row ends at its last dot)
        let kept = out.trim_end_matches(' ').len();
        out.truncate(kept);
        out.push('\n');
    }
    // x axis with ticks
    let _ = writeln!(out, "{:>lw$} └{}", "", "─".repeat(w));
    let mut xl = vec![' '; w + 12];
    for t in ticks(x0, x1, (w / 12).max(2), false) {
        let (px, _) = to_px(t, y0);
        let col = (px / 2.0).round() as usize;
        let label = tick_label(t, false);
        let start = col.saturating_sub(label.chars().count() / 2);
        if start + label.chars().count() <= xl.len()
            && xl[start..start + label.chars().count()].iter().all(|c| *c == ' ')
        {
            for (i, ch) in label.chars().enumerate() {
                xl[start + i] = ch;
            }
        }
    }
    let _ = writeln!(out, "{:>lw$}  {}", "", xl.iter().collect::<String>().trim_end());
    let pad = w.saturating_sub(x_label.width()) / 2;
    let _ = writeln!(out, "{}", format!("{:>lw$}  {}{x_label}", "", " ".repeat(pad)).trim_end());
    let mut legend = String::new();
    for (i, s) in plot.series.iter().enumerate() {
        let mark = if s.dashed { "⠒ ⠒" } else { "⠒⠒⠒" };
        if color {
            let _ = write!(legend, "{} {}   ", palette::series(mark, i, true), s.name);
        } else {
            let _ = write!(legend, "{mark} {}   ", s.name);
        }
    }
    let _ = writeln!(out, "{:>lw$}  {}", "", legend.trim_end());
    out
}

/// Write the plot as an SVG file (plotters).
pub fn svg(plot: &Plot, path: &std::path::Path, width: u32, height: u32) -> Result<(), String> {
    use plotters::prelude::*;
    let Some(((mut x0, mut x1), (mut y0, mut y1))) = finite_bounds(plot) else {
        return Err(crate::t!("plot-nothing-finite"));
    };
    if plot.equal_aspect {
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let plot_w = width as f64 - 80.0;
        let plot_h = height as f64 - 100.0;
        let span = ((x1 - x0) / plot_w).max((y1 - y0) / plot_h) * 1.05;
        (x0, x1) = (cx - span * plot_w / 2.0, cx + span * plot_w / 2.0);
        (y0, y1) = (cy - span * plot_h / 2.0, cy + span * plot_h / 2.0);
    }
    // a long title gets a smaller font, then is cut, so that it stays inside the picture
    let chars = plot.title.chars().count().max(1) as f64;
    let room = width as f64 - 20.0;
    let font = (room / (0.55 * chars)).clamp(10.0, 18.0);
    let fits = (room / (0.55 * font)) as usize;
    let caption = if plot.title.chars().count() > fits {
        plot.title.chars().take(fits.saturating_sub(1)).collect::<String>() + "…"
    } else {
        plot.title.clone()
    };
    let root = SVGBackend::new(path, (width, height)).into_drawing_area();
    let e = |e: &dyn std::fmt::Display| crate::t!("cannot-write-file", path = path.display(), error = e);
    root.fill(&WHITE).map_err(|x| e(&x))?;
    let log = plot.log_y;
    let mut chart = ChartBuilder::on(&root)
        .caption(&caption, ("sans-serif", font))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(|x| e(&x))?;
    chart
        .configure_mesh()
        .x_desc(crate::i18n::column(&plot.x_label))
        .y_desc(crate::i18n::column(&plot.y_label))
        .y_label_formatter(&|v| tick_label(*v, log))
        .x_label_formatter(&|v| tick_label(*v, false))
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(|x| e(&x))?;
    for (i, s) in plot.series.iter().enumerate() {
        let (r, g, b) = SVG_COLORS[i % SVG_COLORS.len()];
        let color = RGBColor(r, g, b);
        let style = color.stroke_width(2);
        // split at non-finite points
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for &(x, y) in &s.points {
            if x.is_finite() && y.is_finite() {
                runs.last_mut().expect("non-empty").push((x, y));
            } else if !runs.last().expect("non-empty").is_empty() {
                runs.push(Vec::new());
            }
        }
        let mut first = true;
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            let drawn = if s.dashed {
                chart.draw_series(DashedLineSeries::new(run, 6, 4, style))
            } else {
                chart.draw_series(LineSeries::new(run, style))
            }
            .map_err(|x| e(&x))?;
            if first {
                let dashed = s.dashed;
                drawn.label(s.name.as_str()).legend(move |(x, y)| {
                    let seg = |a: i32, b: i32| PathElement::new(vec![(a, 0), (b, 0)], color.stroke_width(2));
                    // the legend's swatch is dashed for dashed series
                    if dashed {
                        EmptyElement::at((x, y)) + seg(0, 6) + seg(9, 15) + seg(18, 20)
                    } else {
                        EmptyElement::at((x, y)) + seg(0, 10) + seg(10, 20) + seg(20, 20)
                    }
                });
                first = false;
            }
        }
    }
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(|x| e(&x))?;
    root.present().map_err(|x| e(&x))?;
    Ok(())
}
