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
use crate::report::{Cell, Column, Head, Sink};

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
    let mut m = Affine::IDENTITY;
    for op in ops {
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
        return Err(Error::Usage(format!("--axis {ax}: give x or y")));
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
    if a.plot {
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
        if affine { " (3×3 homogeneous: affine)" } else { "" }
    );
    sink.begin(&Head { title, columns })?;
    let w = if affine { 4 } else { 3 };
    let mut row = |q: String, v: &[Cell]| -> std::io::Result<()> {
        let mut cells = vec![Cell::Text(q)];
        cells.extend_from_slice(v);
        while cells.len() < w {
            cells.push(Cell::Empty);
        }
        sink.row(&cells).map(drop)
    };
    let n = Cell::Num;
    let [[ma, mb], [mc, md]] = m.m;
    if affine {
        row("M row 1".into(), &[n(ma), n(mb), n(m.t[0])])?;
        row("M row 2".into(), &[n(mc), n(md), n(m.t[1])])?;
        row("M row 3".into(), &[n(0.0), n(0.0), n(1.0)])?;
    } else {
        row("M row 1".into(), &[n(ma), n(mb)])?;
        row("M row 2".into(), &[n(mc), n(md)])?;
    }
    let part = if affine { " (linear part)" } else { "" };
    row(format!("determinant{part}"), &[n(m.det())])?;
    row(format!("trace{part}"), &[n(m.trace())])?;
    for (i, (re, im)) in m.eigenvalues().iter().enumerate() {
        row(format!("eigenvalue {} (re, im){part}", i + 1), &[n(*re), n(*im)])?;
    }
    row(format!("rank{part}"), &[Cell::Int(m.rank() as i64)])?;
    for (name, v) in [("e1 = (1, 0) ↦", [1.0, 0.0]), ("e2 = (0, 1) ↦", [0.0, 1.0])] {
        let r = m.apply(v);
        row(name.into(), &[n(r[0]), n(r[1])])?;
    }
    for c in [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]] {
        let r = m.apply(c);
        row(format!("corner ({}, {}) ↦", c[0], c[1]), &[n(r[0]), n(r[1])])?;
    }
    if let Some(x) = apply {
        let r = m.apply(x);
        row(format!("({}, {}) ↦", shortest(x[0]), shortest(x[1])), &[n(r[0]), n(r[1])])?;
    }
    sink.note(&format!("{}.", capitalise(&messages::describe(&m))))?;
    if ops.len() > 1 {
        sink.note(&format!(
            "Applied in the order written: {} first, so M = {} (the last operation is the leftmost factor).",
            a.ops.first().map_or("", String::as_str),
            product.join("·")
        ))?;
    }
    if affine {
        sink.note("Translation x ↦ x + t is not linear (it moves the origin): linear + translation = affine, shown as a 3×3 matrix acting on (x, y, 1).")?;
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
    sink.begin(&Head {
        title: format!(
            "{} random affine layers of width {width} (seed {seed}) collapsed: W' = W_n⋯W_1, b' = W_n⋯W_2·b_1 + … + b_n",
            depth
        ),
        columns,
    })?;
    for i in 0..width {
        let mut r = vec![Cell::Text(format!("W' row {}", i + 1))];
        r.extend((0..width).map(|j| Cell::Num(c.w[(i, j)])));
        sink.row(&r)?;
    }
    let mut r = vec![Cell::Text("b'".into())];
    r.extend((0..width).map(|j| Cell::Num(c.b[j])));
    sink.row(&r)?;
    sink.end()?;
    let with = act.as_ref().map_or("no activation".to_string(), |n| format!("{} between layers", n.label));
    sink.begin(&Head {
        title: format!(
            "the stack against one affine map on {} random inputs ({with})",
            crate::linalg::collapse::SAMPLES
        ),
        columns: vec![Column::text("quantity"), Column::num("value")],
    })?;
    sink.row(&[Cell::Text("max |stack(x) − (W'x + b')|".into()), Cell::Num(c.max_diff)])?;
    sink.row(&[Cell::Text("largest |stack(x)|".into()), Cell::Num(c.output_scale)])?;
    sink.row(&[Cell::Text("best affine fit: residual / spread".into()), Cell::Num(c.fit_relative_rms)])?;
    sink.row(&[Cell::Text("best affine fit: R²".into()), Cell::Num(c.fit_r2)])?;
    if act.is_none() {
        sink.note("Without an activation the stack is exactly one affine map: the differences are rounding (about 1e-15 of the outputs). A deep linear network is a linear model.")?;
    } else {
        sink.note("With an activation between the layers no affine map reproduces the stack: even the best least-squares affine fit leaves a residual. The nonlinearity is what depth buys.")?;
    }
    sink.end()?;
    Ok(())
}

pub fn glu(a: &GluArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let x = parse_numbers(&a.values).map_err(Error::Usage)?;
    let name = a.gate.as_deref().unwrap_or("sigmoid");
    let (variant, gate, g) = match Gate::named(name) {
        Some(gate) => {
            let f = gate.activation();
            (gate.variant().to_string(), crate::activation::Function::entry(f), f.name.to_string())
        }
        None => {
            let n = resolve(name, &Default::default(), true)?.remove(0);
            (format!("GLU with the gate g(x) = {}", n.label), n.f, "g".to_string())
        }
    };
    let units = glu_units(&x, &gate).map_err(|e| {
        Error::Usage(format!(
            "glu needs an even number of inputs (halves a and b), got {}; e.g. glu 1 2 3 4 gives a = (1, 2), b = (3, 4)",
            e.len
        ))
    })?;
    sink.begin(&Head {
        title: format!("{variant}: y = a ⊗ {g}(b), a = x[:d], b = x[d:], d = {}", units.len()),
        columns: vec![
            Column::num("i"),
            Column::num("a"),
            Column::num("b"),
            Column::num(format!("{g}(b)")),
            Column::num("y"),
            Column::num("∂y/∂a"),
            Column::num("∂y/∂b"),
        ],
    })?;
    for (i, u) in units.iter().enumerate() {
        sink.row(&[
            Cell::Int(i as i64 + 1),
            Cell::Num(u.a),
            Cell::Num(u.b),
            Cell::Num(u.gate),
            Cell::Num(u.y),
            Cell::Num(u.dy_da),
            Cell::Num(u.dy_db),
        ])?;
    }
    sink.note(&format!(
        "∂y/∂a = {g}(b), ∂y/∂b = a·{g}'(b). A gate sits where an activation sits: x → Linear → [a, b] → a ⊗ {g}(b)."
    ))?;
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
        return Err(Error::Usage(format!("--hidden {hidden}: from 1 to 1024 units")));
    }
    if epochs > 10_000_000 || (epochs as f64) * (hidden as f64) > 1e9 {
        return Err(Error::Usage("--epochs: at most 1e7, and epochs × hidden at most 1e9".into()));
    }
    if !(lr > 0.0 && lr.is_finite()) {
        return Err(Error::Usage("--lr must be a positive number".into()));
    }
    let r = train(&XorSpec { act: act.as_ref().map(|n| &n.f), hidden, epochs, lr, seed }, &super::ctrl_c())?;
    let name = act.as_ref().map_or("none (linear)".to_string(), |n| n.label.clone());
    sink.begin(&Head {
        title: format!(
            "XOR with a 2-{hidden}-1 network, hidden activation {name}; full-batch gradient descent, lr {}, seed {seed}",
            shortest(lr)
        ),
        columns: vec![Column::num("epoch"), Column::num("loss (MSE)")],
    })?;
    for (e, l) in &r.losses {
        sink.row(&[Cell::Int(*e as i64), Cell::Num(*l)])?;
    }
    sink.end()?;
    sink.begin(&Head {
        title: "predictions".into(),
        columns: vec![
            Column::num("x1"),
            Column::num("x2"),
            Column::num("target"),
            Column::num("prediction"),
            Column::text("correct"),
        ],
    })?;
    for (x1, x2, y, p) in &r.predictions {
        let ok = (*p > 0.5) == (*y > 0.5);
        sink.row(&[
            Cell::Num(*x1),
            Cell::Num(*x2),
            Cell::Num(*y),
            Cell::Num(*p),
            Cell::Text(if ok { "yes" } else { "no" }.into()),
        ])?;
    }
    let final_loss = r.losses.last().map_or(f64::NAN, |l| l.1);
    sink.note(&format!("accuracy {}/4 (prediction > 0.5 counts as 1)", r.correct))?;
    if act.is_none() {
        sink.note(&format!(
            "Without an activation the network is one affine map: its loss stalls at {} (the best linear fit predicts 0.5 everywhere: MSE 0.25).",
            significant(final_loss, 6)
        ))?;
    }
    sink.end()?;
    sink.begin(&Head {
        title: "every parameter has a gradient of the same shape".into(),
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
        return Err(Error::Usage(format!("--temperature {}: give a positive, finite temperature", shortest(t))));
    }
    const MAX_JACOBIAN: usize = 64;
    if a.jacobian && x.len() > MAX_JACOBIAN {
        return Err(Error::Usage(format!(
            "--jacobian of {} inputs: at most {MAX_JACOBIAN} (the table has n × n entries)",
            x.len()
        )));
    }
    let y = family(&x, t, kind).map_err(|e| Error::Usage(e.to_string()))?;
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
    sink.note(match kind {
        Kind::LogSoftmax => "Invariant to adding a constant to every input; computed as (x_i - max)/T - log Σ e^((x_j - max)/T), so it never overflows and keeps its digits in the tail.",
        _ => "Invariant to adding a constant to every input (softmax(x + c) = softmax(x)); computed from x_i - max, so e^x never overflows. The outputs are positive and sum to 1; a large T flattens them toward 1/n, a small T sharpens them toward the largest input.",
    })?;
    sink.end()?;
    if a.jacobian {
        let j = jacobian(&x, t, kind).map_err(|e| Error::Usage(e.to_string()))?;
        let mut columns = vec![Column::text("")];
        columns.extend((1..=x.len()).map(|k| Column::num(format!("∂/∂x{k}"))));
        let formula = match kind {
            Kind::Softmax => "∂s_i/∂x_j = s_i(δ_ij - s_j)/T: J = (diag(s) - s sᵀ)/T",
            Kind::LogSoftmax => "∂ log s_i/∂x_j = (δ_ij - s_j)/T",
            Kind::Softmin => "∂s_i/∂x_j = -s_i(δ_ij - s_j)/T, s = softmin(x)",
        };
        sink.begin(&Head { title: format!("Jacobian: {formula}"), columns })?;
        for (i, row) in j.iter().enumerate() {
            let mut cells = vec![Cell::Text(format!("{name}_{}", i + 1))];
            cells.extend(row.iter().map(|v| Cell::Num(*v)));
            sink.row(&cells)?;
        }
        let largest = j.iter().flatten().fold(0.0f64, |m, v| m.max(v.abs()));
        if kind != Kind::LogSoftmax {
            sink.note(&format!(
                "Each row sums to 0 (adding a constant changes nothing). Largest |entry| {}; at most 1/(4T) = {}. When one output nears 1 every entry nears 0: a saturated softmax, like a saturated sigmoid, passes little gradient back.",
                crate::render::num::significant(largest, 6),
                crate::render::num::significant(0.25 / t, 6)
            ))?;
        }
        sink.end()?;
    }
    Ok(())
}
