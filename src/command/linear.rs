//! `matrix`, `collapse`, `glu` and `xor`: the seed's linear-algebra argument.

use super::functions::resolve;
use super::input::{parse_number, parse_numbers};
use super::matrix_words::parse_ops;
use super::{CollapseArgs, Error, GluArgs, MatrixArgs, XorArgs};
use crate::activation::glu::{Gate, glu as glu_units};
use crate::gradient::xor::{XorSpec, train};
use crate::linalg::collapse::collapse as collapse_layers;
use crate::linalg::{Affine, Axis, Op};
use crate::messages;
use crate::render::num::{shortest, significant};
use crate::report::{Cell, Column, Flow, Head, Sink};
use crate::t;

fn letter(op: &Op) -> &'static str {
    match op {
        Op::Rotate { .. } => "R",
        Op::Scale(..) => "S",
        Op::Flip(_) => "F",
        Op::Project(..) => "P",
        Op::Shear { .. } => "H",
        Op::Custom(_) => "A",
        Op::Translate(..) => "T",
    }
}

/// An operation as it would be typed, for messages: `project 0 0`.
fn op_words(op: &Op) -> String {
    match op {
        Op::Rotate { angle, .. } => format!("rotate {}", shortest(*angle)),
        Op::Scale(a, b) => format!("scale {} {}", shortest(*a), shortest(*b)),
        Op::Flip(Axis::X) => "flip x".into(),
        Op::Flip(Axis::Y) => "flip y".into(),
        Op::Project(a, b) => format!("project {} {}", shortest(*a), shortest(*b)),
        Op::Shear { k, .. } => format!("shear {}", shortest(*k)),
        Op::Custom(m) => format!("custom {}", m.map(shortest).join(" ")),
        Op::Translate(a, b) => format!("translate {} {}", shortest(*a), shortest(*b)),
    }
}

/// Compose the operations in the order written (the first applied first).
pub fn compose(ops: &[Op]) -> Result<Affine, Error> {
    // rotations in a row are one rotation by the summed angle: rotate 45 then rotate 45
    // is rotate 90 exactly (cos 90° = 0, not 2.2e-16 from cos²45° - sin²45°)
    let mut merged: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops {
        match (merged.last_mut(), op) {
            (Some(Op::Rotate { angle: a, rad: r1 }), Op::Rotate { angle: b, rad: r2 })
                if r1 == r2 && (*a + b).is_finite() =>
            {
                *a += b;
            }
            _ => merged.push(op.clone()),
        }
    }
    let mut m = Affine::IDENTITY;
    for op in &merged {
        m = Affine::of(op)
            .map_err(|e| Error::Usage(format!("{}: {}", op_words(op), messages::map_error(&e))))?
            .after(&m);
    }
    Ok(m)
}

pub fn matrix(a: &MatrixArgs, radians: bool, sink: &mut dyn Sink) -> Result<(), Error> {
    let axis = if a.axis.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("y")) { Axis::Y } else { Axis::X };
    if let Some(ax) = &a.axis
        && !["x", "y"].contains(&ax.to_ascii_lowercase().as_str())
    {
        return Err(Error::Usage(t!("matrix-axis", axis = ax)));
    }
    let ops = parse_ops(&a.ops, axis, (a.rad || radians) && !a.deg).map_err(Error::Usage)?;
    let m = compose(&ops)?;
    let apply = match &a.apply {
        Some(v) => {
            let x = parse_number(&v[0]).map_err(|e| Error::Usage(format!("--apply: {e}")))?;
            let y = parse_number(&v[1]).map_err(|e| Error::Usage(format!("--apply: {e}")))?;
            Some([x, y])
        }
        None => None,
    };
    let affine = !m.is_linear() || ops.iter().any(|o| matches!(o, Op::Translate(..)));
    if a.plot || a.svg.is_some() {
        let title = format!("{}: {}", a.ops.join(" "), messages::describe(&m));
        return super::plot::matrix_plot(&m, &title, a.svg.as_deref(), sink);
    }
    let product: Vec<&str> = ops.iter().rev().map(letter).collect();
    let mut columns = vec![Column::text("quantity"), Column::num("1"), Column::num("2")];
    if affine {
        columns.push(Column::num("3"));
    }
    let title = format!(
        "{}: M = {}{}",
        a.ops.join(" "),
        product.join("·"),
        if affine { t!("matrix-homogeneous") } else { String::new() }
    );
    sink.begin(&Head { title, columns })?;
    let w = if affine { 4 } else { 3 };
    let mut row = |q: Cell, v: &[Cell]| -> std::io::Result<()> {
        let mut cells = vec![q];
        cells.extend_from_slice(v);
        while cells.len() < w {
            cells.push(Cell::Empty);
        }
        sink.row(&cells).map(drop)
    };
    let n = Cell::Num;
    let [[ma, mb], [mc, md]] = m.m;
    if affine {
        row(Cell::key("M row 1"), &[n(ma), n(mb), n(m.t[0])])?;
        row(Cell::key("M row 2"), &[n(mc), n(md), n(m.t[1])])?;
        row(Cell::key("M row 3"), &[n(0.0), n(0.0), n(1.0)])?;
    } else {
        row(Cell::key("M row 1"), &[n(ma), n(mb)])?;
        row(Cell::key("M row 2"), &[n(mc), n(md)])?;
    }
    let (part, part_label) = if affine { (" (linear part)", t!("matrix-linear-part")) } else { ("", String::new()) };
    let quantity = |key: &str| Cell::keyed(format!("{key}{part}"), format!("{}{part_label}", crate::i18n::column(key)));
    // one projection: P = u uᵀ/(uᵀu) is singular with eigenvalues 1 and 0 exactly, whatever
    // the rounding of its entries
    let projection = ops.len() == 1 && matches!(ops[0], Op::Project(..));
    row(quantity("determinant"), &[n(if projection { 0.0 } else { m.det() })])?;
    row(quantity("trace"), &[n(if projection { 1.0 } else { m.trace() })])?;
    let eigen = if projection { [(1.0, 0.0), (0.0, 0.0)] } else { m.eigenvalues() };
    for (i, (re, im)) in eigen.iter().enumerate() {
        let key = format!("eigenvalue {} (re, im){part}", i + 1);
        row(Cell::keyed(key, t!("matrix-eigenvalue", i = i + 1) + &part_label), &[n(*re), n(*im)])?;
    }
    row(quantity("rank"), &[Cell::Int(m.rank() as i64)])?;
    for (name, v) in [("e1 = (1, 0) ↦", [1.0, 0.0]), ("e2 = (0, 1) ↦", [0.0, 1.0])] {
        let r = m.apply(v);
        row(Cell::Text(name.into()), &[n(r[0]), n(r[1])])?;
    }
    for c in [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]] {
        let r = m.apply(c);
        let key = format!("corner ({}, {}) ↦", c[0], c[1]);
        row(Cell::keyed(key, t!("matrix-corner", x = c[0], y = c[1])), &[n(r[0]), n(r[1])])?;
    }
    if let Some(x) = apply {
        let r = m.apply(x);
        row(Cell::Text(format!("({}, {}) ↦", shortest(x[0]), shortest(x[1]))), &[n(r[0]), n(r[1])])?;
    }
    let what = match ops.as_slice() {
        // named by the direction given, not by the matrix's rounded columns
        [Op::Project(u1, u2)] => {
            t!("matrix-projection-through", u1 = shortest(*u1), u2 = shortest(*u2))
        }
        _ => messages::describe(&m),
    };
    sink.note(&t!("sentence", text = capitalise(&what)))?;
    if ops.len() > 1 {
        sink.note(&t!("matrix-order", first = a.ops.first().map_or("", String::as_str), product = product.join("·")))?;
    }
    if affine {
        sink.note(&t!("matrix-affine-note"))?;
    }
    sink.end()?;
    Ok(())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub fn collapse(a: &CollapseArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let depth = a.depth;
    let act = match a.act.as_deref() {
        None | Some("none") => None,
        Some(name) => Some(resolve(name, &a.params, false)?.remove(0)),
    };
    let width = a.width.unwrap_or(2);
    let seed = a.seed.unwrap_or(0);
    let c = collapse_layers(depth, width, seed, act.as_ref().map(|n| &n.f))
        .map_err(|e| Error::Usage(messages::collapse_error(&e)))?;
    let mut columns = vec![Column::text("")];
    columns.extend((1..=width).map(|j| Column::num(j.to_string())));
    sink.begin(&Head { title: t!("collapse-title", depth = depth, width = width, seed = seed), columns })?;
    for i in 0..width {
        let mut r = vec![Cell::keyed(format!("W' row {}", i + 1), t!("collapse-w-row", i = i + 1))];
        r.extend((0..width).map(|j| Cell::Num(c.w[(i, j)])));
        sink.row(&r)?;
    }
    let mut r = vec![Cell::Text("b'".into())];
    r.extend((0..width).map(|j| Cell::Num(c.b[j])));
    sink.row(&r)?;
    sink.end()?;
    let with = act.as_ref().map_or(t!("collapse-no-activation"), |n| t!("collapse-between", name = n.label.as_str()));
    sink.begin(&Head {
        title: t!("collapse-compare-title", samples = crate::linalg::collapse::SAMPLES, with = with),
        columns: vec![Column::text("quantity"), Column::num("value")],
    })?;
    sink.row(&[Cell::key("max |stack(x) − (W'x + b')|"), Cell::Num(c.max_diff)])?;
    sink.row(&[Cell::key("largest |stack(x)|"), Cell::Num(c.output_scale)])?;
    sink.row(&[Cell::key("best affine fit: residual / spread"), Cell::Num(c.fit_relative_rms)])?;
    sink.row(&[Cell::key("best affine fit: R²"), Cell::Num(c.fit_r2)])?;
    if act.is_none() {
        sink.note(&t!("collapse-linear-note"))?;
    } else {
        sink.note(&t!("collapse-nonlinear-note"))?;
    }
    sink.end()?;
    Ok(())
}

/// Most rows of a `glu` batch, and most values per row.
const MAX_GLU_ROWS: usize = 100_000;
const MAX_GLU_WIDTH: usize = 4096;

/// Rows of numbers from text: one per line, separated by commas, tabs or spaces; a
/// first line that does not read as numbers (a header) is skipped.
fn glu_rows_from(text: &mut dyn std::io::BufRead, what: &str) -> Result<Vec<Vec<f64>>, Error> {
    let mut rows = Vec::new();
    let mut line = String::new();
    let mut n = 0;
    loop {
        super::check_interrupt()?;
        line.clear();
        let read = std::io::BufRead::read_line(&mut std::io::Read::take(&mut *text, 1 << 20), &mut line)
            .map_err(|e| Error::Failed(t!("cannot-read", what = what, error = crate::i18n::io_error(&e))))?;
        if read == 0 {
            break;
        }
        n += 1;
        let words: Vec<String> = line
            .split(|c: char| c == ',' || c == '\t' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        if words.is_empty() || words[0].starts_with('#') {
            continue;
        }
        match parse_numbers(&words) {
            Ok(r) => rows.push(r),
            Err(_) if rows.is_empty() && n == 1 => continue, // a header
            Err(e) => return Err(Error::Failed(t!("glu-line", what = what, line = n, error = e))),
        }
        if rows.len() > MAX_GLU_ROWS {
            return Err(Error::Usage(t!("glu-too-many-rows", max = MAX_GLU_ROWS, what = what)));
        }
    }
    Ok(rows)
}

pub fn glu(a: &GluArgs, ctx: &mut super::Context, sink: &mut dyn Sink) -> Result<(), Error> {
    // the batch: rows from the arguments ('/' between rows), stdin ('-') or a file
    let mut rows: Vec<Vec<f64>> = Vec::new();
    if let Some(path) = &a.file {
        let shown = crate::shown::shown(&path.display().to_string());
        let f = std::fs::File::open(path)
            .map_err(|e| Error::Failed(t!("script-cannot-open", name = shown, error = crate::i18n::io_error(&e))))?;
        rows = glu_rows_from(&mut std::io::BufReader::new(f), &format!("'{shown}'"))?;
    }
    if a.values.len() == 1 && a.values[0] == "-" {
        let Some(input) = ctx.stdin.as_deref_mut() else {
            return Err(Error::Usage(t!("glu-stdin-is-script")));
        };
        rows.extend(glu_rows_from(input, &t!("stdin"))?);
    } else if !a.values.is_empty() {
        for part in a.values.split(|w| w.trim() == "/") {
            rows.push(parse_numbers(part).map_err(Error::Usage)?);
        }
    }
    if rows.is_empty() || rows.iter().any(|r| r.is_empty()) {
        return Err(Error::Usage(t!("glu-no-rows")));
    }
    let width = rows[0].len();
    if let Some((i, r)) = rows.iter().enumerate().find(|(_, r)| r.len() != width) {
        return Err(Error::Usage(t!("glu-ragged", row = i + 1, values = r.len(), width = width)));
    }
    if width > MAX_GLU_WIDTH {
        return Err(Error::Usage(t!("glu-too-wide", width = width, max = MAX_GLU_WIDTH)));
    }
    let name = a.gate.as_deref().unwrap_or("sigmoid");
    let (variant, gate, g) = match Gate::named(name) {
        Some(gate) => {
            let f = gate.activation();
            (gate.variant().to_string(), crate::activation::Function::entry(f), f.name.to_string())
        }
        None => {
            let n = resolve(name, &Default::default(), true)?.remove(0);
            (t!("glu-custom-gate", gate = n.label.as_str()), n.f, "g".to_string())
        }
    };
    // the Linear layer in front: h = x Wᵀ + b, W (2·OUT × in) and b (2·OUT) drawn from the seed
    let mut linear_note = None;
    if let Some(out) = a.linear {
        if out == 0 || out > MAX_GLU_WIDTH / 2 {
            return Err(Error::Usage(t!("glu-linear-range", out = out, max = MAX_GLU_WIDTH / 2)));
        }
        let seed = a.seed.unwrap_or(0);
        rows = crate::activation::glu::linear(&rows, out, seed);
        linear_note = Some(t!(
            "glu-linear-note",
            rows = rows.len(),
            width = width,
            two_out = 2 * out,
            out = out,
            seed = seed,
            gate = g.as_str()
        ));
    }
    let n = rows[0].len();
    let d = a.dim.unwrap_or(n / 2);
    if n % 2 == 1 || d * 2 != n {
        return Err(Error::Usage(if a.dim.is_some() {
            t!("glu-dim", d = d, n = n, half = n / 2)
        } else {
            t!("glu-odd", n = n)
        }));
    }
    let batch = rows.len() > 1;
    let mut columns = Vec::new();
    if batch {
        columns.push(Column::num("row"));
    }
    columns.extend([
        Column::num("i"),
        Column::num("a"),
        Column::num("b"),
        Column::num(format!("{g}(b)")),
        Column::num("y"),
        Column::num("∂y/∂a"),
        Column::num("∂y/∂b"),
    ]);
    let shape = if batch { t!("glu-shape-batch", rows = rows.len(), n = n) } else { "x[:d], b = x[d:]".into() };
    sink.begin(&Head { title: format!("{variant}: y = a ⊗ {g}(b), a = {shape}, d = {d}"), columns })?;
    for (r, x) in rows.iter().enumerate() {
        super::check_interrupt()?;
        let units = glu_units(x, &gate).map_err(|e| Error::Usage(t!("glu-odd", n = e.len)))?;
        for (i, u) in units.iter().enumerate() {
            let mut cells = Vec::with_capacity(8);
            if batch {
                cells.push(Cell::Int(r as i64 + 1));
            }
            cells.extend([
                Cell::Int(i as i64 + 1),
                Cell::Num(u.a),
                Cell::Num(u.b),
                Cell::Num(u.gate),
                Cell::Num(u.y),
                Cell::Num(u.dy_da),
                Cell::Num(u.dy_db),
            ]);
            if sink.row(&cells)? == Flow::Stop {
                break;
            }
        }
    }
    if let Some(note) = linear_note {
        sink.note(&note)?;
    }
    sink.note(&t!("glu-note", gate = g.as_str()))?;
    sink.end()?;
    Ok(())
}

pub fn xor(a: &XorArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let act_name = a.act.clone().unwrap_or_else(|| "tanh".into());
    let act =
        if act_name.eq_ignore_ascii_case("none") { None } else { Some(resolve(&act_name, &a.params, true)?.remove(0)) };
    let hidden = a.hidden.unwrap_or(4);
    let epochs = a.epochs.unwrap_or(5000);
    let lr = a.lr.unwrap_or(0.1);
    let seed = a.seed.unwrap_or(1);
    if hidden == 0 || hidden > 1024 {
        return Err(Error::Usage(t!("xor-hidden", hidden = hidden)));
    }
    if epochs > 10_000_000 || (epochs as f64) * (hidden as f64) > 1e9 {
        return Err(Error::Usage(t!("xor-epochs")));
    }
    if !(lr > 0.0 && lr.is_finite()) {
        return Err(Error::Usage(t!("xor-lr")));
    }
    let snapshots: Vec<u64> = match a.show_gradients.as_deref() {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|w| match w.trim() {
                "first" => Ok(0),
                "last" => Ok(epochs),
                w => super::input::parse_number(w).and_then(|v| {
                    if v.fract() == 0.0 && v >= 0.0 && v <= epochs as f64 {
                        Ok(v as u64)
                    } else {
                        Err(t!("xor-show-gradients", word = w, epochs = epochs))
                    }
                }),
            })
            .collect::<Result<_, _>>()
            .map_err(Error::Usage)?,
    };
    let r = train(
        &XorSpec { act: act.as_ref().map(|n| &n.f), hidden, epochs, lr, seed, snapshots: &snapshots },
        &super::ctrl_c(),
    )?;
    let name = act.as_ref().map_or(t!("xor-none-linear"), |n| n.label.clone());
    sink.begin(&Head {
        title: t!("xor-title", hidden = hidden, name = name, lr = shortest(lr), seed = seed),
        columns: vec![Column::num("epoch"), Column::num("loss (MSE)")],
    })?;
    for (e, l) in &r.losses {
        sink.row(&[Cell::Int(*e as i64), Cell::Num(*l)])?;
    }
    sink.end()?;
    sink.begin(&Head {
        title: t!("xor-predictions"),
        columns: vec![
            Column::num("x1"),
            Column::num("x2"),
            Column::num("target"),
            Column::num("prediction"),
            Column::text("correct"),
        ],
    })?;
    for (x1, x2, y, p) in &r.predictions {
        let ok = crate::gradient::xor::is_correct(*p, *y);
        sink.row(&[
            Cell::Num(*x1),
            Cell::Num(*x2),
            Cell::Num(*y),
            Cell::Num(*p),
            if ok { Cell::keyed("yes", t!("yes")) } else { Cell::keyed("no", t!("no")) },
        ])?;
    }
    let final_loss = r.losses.last().map_or(f64::NAN, |l| l.1);
    sink.note(&t!("xor-accuracy", correct = r.correct))?;
    if let Some(e) = r.diverged_at {
        sink.note(&t!("xor-diverged", epoch = e, loss = significant(final_loss, 3), lr = shortest(lr / 10.0)))?;
    }
    if act.is_none() {
        sink.note(&t!("xor-linear-note", loss = significant(final_loss, 6)))?;
    }
    sink.end()?;
    sink.begin(&Head {
        title: t!("xor-shapes-title"),
        columns: vec![
            Column::text("parameter"),
            Column::text("shape"),
            Column::text("gradient shape"),
            Column::num("‖gradient‖ at the end"),
        ],
    })?;
    for p in &r.params {
        sink.row(&[
            Cell::Text(p.name.into()),
            Cell::Text(format!("{}×{}", p.shape.0, p.shape.1)),
            Cell::Text(format!("{}×{}", p.grad_shape.0, p.grad_shape.1)),
            Cell::Num(p.grad_norm),
        ])?;
    }
    sink.end()?;
    for snap in &r.snapshots {
        for p in &snap.params {
            side_by_side(
                &t!(
                    "xor-snapshot",
                    epoch = snap.epoch,
                    loss = significant(snap.loss, 4),
                    name = p.name,
                    rows = p.value.len(),
                    cols = p.value.first().map_or(0, Vec::len)
                ),
                p.name,
                &p.value,
                &format!("∂L/∂{}", p.name),
                &p.grad,
                sink,
            )?;
        }
    }
    Ok(())
}

/// `softmax`, `log_softmax`, `softmin`.
pub fn softmax(
    a: &super::SoftmaxArgs,
    kind: crate::activation::softmax::Kind,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    use crate::activation::softmax::{Kind, jacobian, softmax as family};
    let x = parse_numbers(&a.values).map_err(Error::Usage)?;
    let t = a.temperature.unwrap_or(1.0);
    if !(t > 0.0 && t.is_finite()) {
        return Err(Error::Usage(t!("softmax-temperature", t = shortest(t))));
    }
    const MAX_JACOBIAN: usize = 64;
    if a.jacobian && x.len() > MAX_JACOBIAN {
        return Err(Error::Usage(t!("softmax-jacobian-max", n = x.len(), max = MAX_JACOBIAN)));
    }
    let y = family(&x, t, kind).map_err(|e| Error::Usage(messages::softmax_error(&e)))?;
    let (name, formula) = match kind {
        Kind::Softmax => ("softmax", "softmax(x)_i = e^(x_i/T) / Σ_j e^(x_j/T)"),
        Kind::LogSoftmax => ("log_softmax", "log_softmax(x)_i = x_i/T - log Σ_j e^(x_j/T)"),
        Kind::Softmin => ("softmin", "softmin(x)_i = e^(-x_i/T) / Σ_j e^(-x_j/T) = softmax(-x)_i"),
    };
    sink.begin(&Head {
        title: format!("{formula}, T = {}, n = {}", shortest(t), x.len()),
        columns: vec![Column::num("i"), Column::num("x"), Column::num(name)],
    })?;
    for (i, (xi, yi)) in x.iter().zip(&y).enumerate() {
        sink.row(&[Cell::Int(i as i64 + 1), Cell::Num(*xi), Cell::Num(*yi)])?;
    }
    sink.note(&match kind {
        Kind::LogSoftmax => t!("log-softmax-note"),
        _ => t!("softmax-note"),
    })?;
    sink.end()?;
    if a.jacobian {
        let j = jacobian(&x, t, kind).map_err(|e| Error::Usage(messages::softmax_error(&e)))?;
        let mut columns = vec![Column::text("")];
        columns.extend((1..=x.len()).map(|k| Column::num(format!("∂/∂x{k}"))));
        let formula = match kind {
            Kind::Softmax => "∂s_i/∂x_j = s_i(δ_ij - s_j)/T: J = (diag(s) - s sᵀ)/T",
            Kind::LogSoftmax => "∂ log s_i/∂x_j = (δ_ij - s_j)/T",
            Kind::Softmin => "∂s_i/∂x_j = -s_i(δ_ij - s_j)/T, s = softmin(x)",
        };
        sink.begin(&Head { title: t!("softmax-jacobian-title", formula = formula), columns })?;
        for (i, row) in j.iter().enumerate() {
            let mut cells = vec![Cell::Text(format!("{name}_{}", i + 1))];
            cells.extend(row.iter().map(|v| Cell::Num(*v)));
            sink.row(&cells)?;
        }
        let largest = j.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
        if kind != Kind::LogSoftmax {
            sink.note(&t!(
                "softmax-jacobian-note",
                largest = crate::render::num::significant(largest, 6),
                bound = crate::render::num::significant(0.25 / t, 6)
            ))?;
        }
        sink.end()?;
    }
    Ok(())
}

/// A matrix and its gradient side by side, row by row: `W[1] W[2] … ∂L/∂W[1] …`.
fn side_by_side(
    title: &str,
    name: &str,
    value: &[Vec<f64>],
    gname: &str,
    grad: &[Vec<f64>],
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    let cols = value.first().map_or(0, Vec::len);
    let mut columns = vec![Column::num("row")];
    columns.extend((1..=cols).map(|j| if cols == 1 { Column::num(name) } else { matrix_column(name, j) }));
    columns.extend((1..=cols).map(|j| if cols == 1 { Column::num(gname) } else { matrix_column(gname, j) }));
    sink.begin(&Head { title: title.to_string(), columns })?;
    for (i, (v, g)) in value.iter().zip(grad).enumerate() {
        let mut cells = vec![Cell::Int(i as i64 + 1)];
        cells.extend(v.iter().map(|x| Cell::Num(*x)));
        cells.extend(g.iter().map(|x| Cell::Num(*x)));
        sink.row(&cells)?;
    }
    sink.end()?;
    Ok(())
}

/// `W col 2`, labelled in the current language.
fn matrix_column(name: &str, j: usize) -> Column {
    Column::num(format!("{name} col {j}")).label(t!("matrix-col", name = name, j = j))
}

/// Rows of numbers from words, '/' between rows.
fn matrix_words(words: &[String]) -> Result<Vec<Vec<f64>>, Error> {
    words.split(|w| w.trim() == "/").map(|part| parse_numbers(part).map_err(Error::Usage)).collect()
}

/// `grad`: one dense layer's forward and backward pass.
pub fn grad(a: &super::GradArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let f = resolve(&a.function, &a.params, true)?.remove(0);
    const MAX: usize = 64;
    let (w, b, x, g, random) = match &a.weights {
        Some(words) => {
            let w = matrix_words(words)?;
            let out = w.len();
            let b = match &a.bias {
                Some(v) => parse_numbers(v).map_err(Error::Usage)?,
                None => vec![0.0; out],
            };
            let Some(x) = &a.input else {
                return Err(Error::Usage(t!("grad-weights-input")));
            };
            let x = parse_numbers(x).map_err(Error::Usage)?;
            let g = match &a.upstream {
                Some(v) => parse_numbers(v).map_err(Error::Usage)?,
                None => vec![1.0; out],
            };
            (w, b, x, g, None)
        }
        None => {
            let (inp, out) = (a.inputs.unwrap_or(3), a.outputs.unwrap_or(2));
            if inp == 0 || out == 0 || inp > MAX || out > MAX {
                return Err(Error::Usage(t!("grad-in-out", max = MAX)));
            }
            let seed = a.seed.unwrap_or(1);
            let (w, mut b, mut x, mut g) = crate::gradient::dense::random_layer(out, inp, seed);
            if let Some(v) = &a.bias {
                b = parse_numbers(v).map_err(Error::Usage)?;
            }
            if let Some(v) = &a.input {
                x = parse_numbers(v).map_err(Error::Usage)?;
            }
            if let Some(v) = &a.upstream {
                g = parse_numbers(v).map_err(Error::Usage)?;
            }
            (w, b, x, g, Some(seed))
        }
    };
    if w.len() > MAX || w.iter().any(|r| r.len() > MAX) {
        return Err(Error::Usage(t!("grad-w-max", max = MAX)));
    }
    let d = crate::gradient::dense::dense(&w, &b, &x, &g, &f.f).map_err(|e| {
        Error::Usage(if e.cols == 0 && e.rows > 0 {
            t!("grad-ragged")
        } else {
            t!("grad-shapes", rows = e.rows, cols = e.cols, bias = e.bias, input = e.input, upstream = e.upstream)
        })
    })?;
    let (out, inp) = (w.len(), x.len());
    let l = &f.label;
    let source = random.map_or(String::new(), |s| t!("grad-random", seed = s));
    sink.begin(&Head {
        title: t!("grad-title", f = l.as_str(), source = source),
        columns: vec![
            Column::num("j"),
            Column::num("z"),
            Column::num("a"),
            Column::num("f'(z)"),
            Column::num("g = ∂L/∂a"),
            Column::num("δ = ∂L/∂z = ∂L/∂b"),
        ],
    })?;
    for (j, gj) in g.iter().enumerate() {
        sink.row(&[
            Cell::Int(j as i64 + 1),
            Cell::Num(d.z[j]),
            Cell::Num(d.a[j]),
            Cell::Num(d.fz[j]),
            Cell::Num(*gj),
            Cell::Num(d.delta[j]),
        ])?;
    }
    sink.end()?;
    side_by_side(&t!("grad-w-title", out = out, inp = inp), "W", &w, "∂L/∂W", &d.dw, sink)?;
    let xs: Vec<Vec<f64>> = x.iter().map(|v| vec![*v]).collect();
    let dxs: Vec<Vec<f64>> = d.dx.iter().map(|v| vec![*v]).collect();
    side_by_side(&t!("grad-x-title", inp = inp), "x", &xs, "∂L/∂x", &dxs, sink)?;
    sink.begin(&Head {
        title: t!("grad-shapes-title"),
        columns: vec![
            Column::text("parameter"),
            Column::text("shape"),
            Column::text("gradient"),
            Column::text("shape"),
        ],
    })?;
    for (p, s) in [("W", format!("{out}×{inp}")), ("b", format!("{out}")), ("x", format!("{inp}"))] {
        sink.row(&[Cell::Text(p.into()), Cell::Text(s.clone()), Cell::Text(format!("∂L/∂{p}")), Cell::Text(s)])?;
    }
    sink.end()?;
    Ok(())
}
