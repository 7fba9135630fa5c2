//! `chain` (scalar and matrix gradient chains) and `clip`.

use super::functions::{Named, resolve};
use super::input::parse_numbers;
use super::{ChainArgs, ClipArgs, Error, ForwardArgs};
use crate::activation::Function;
use crate::gradient::matrix::{self, MatrixSpec};
use crate::gradient::scalar::{self, PreActivation, ScalarChain};
use crate::gradient::{BigProduct, Crossing, Show, clip};
use crate::messages;
use crate::render::num::{shortest, significant};
use crate::report::{Cell, Column, Head, Sink};
use crate::t;
use statrs::statistics::{Data, Distribution, Max, Min, OrderStatistics};

/// Deepest scalar chain.
pub const MAX_DEPTH: u64 = 100_000_000;

/// A product as a number when a double holds it, else as text `8.71e-603`; either way
/// with only the digits that are right (one layer: the factor itself, every digit).
fn product_cell(p: &BigProduct, layers: u64) -> Cell {
    let l = p.log10();
    if !l.is_finite() || l.abs() < 307.0 {
        let v = p.to_f64();
        return Cell::Num(if layers > 1 { round_significant(v, right_digits(layers)) } else { v });
    }
    Cell::Text(big_text(l, p.is_negative(), layers))
}

/// log10 |product| with only the decimals that are right: the product is within a
/// relative N·2^-52 of the exact one, so its log10 within N·2^-52/ln 10.
fn log10_cell(l: f64, layers: u64) -> Cell {
    if layers <= 1 || !l.is_finite() {
        return Cell::Num(l);
    }
    let err = layers as f64 * f64::EPSILON * std::f64::consts::LOG10_E;
    let decimals = (-err.log10()).floor().max(0.0) as usize;
    Cell::Num(format!("{l:.decimals$}").parse().unwrap_or(l))
}

/// v rounded to `digits` significant decimal digits.
fn round_significant(v: f64, digits: usize) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    format!("{:.*e}", digits.saturating_sub(1), v).parse().unwrap_or(v)
}

/// Significant digits of a product of `layers` rounded factors that are right: each
/// factor (W·f'(z), correctly rounded) is off by up to 2^-52 (relative), so N of them
/// by N·2^-52.
fn right_digits(layers: u64) -> usize {
    (15.3 - (layers.max(1) as f64).log10()).floor().clamp(3.0, 15.0) as usize
}

/// 10^l as `m.mmme±E`, with only the digits that are right: those of the product of
/// `layers` factors, and those that l itself carries (its last bit is 10^-16·|l|).
fn big_text(l: f64, negative: bool, layers: u64) -> String {
    let e = l.floor();
    let m = 10f64.powf(l - e);
    let digits = right_digits(layers).min((15.3 - l.abs().max(1.0).log10()).floor().clamp(3.0, 15.0) as usize);
    let (m, e) = if significant(m, digits).starts_with("10") { (1.0, e + 1.0) } else { (m, e) };
    format!("{}{}e{}", if negative { "-" } else { "" }, significant(m, digits), e as i64)
}

fn norm_cell(l: f64) -> Cell {
    if l == f64::NEG_INFINITY {
        Cell::Num(0.0)
    } else if l.abs() < 307.0 {
        Cell::Num(10f64.powf(l))
    } else {
        Cell::Text(big_text(l, false, 1))
    }
}

/// Which layers a table shows: `--all`, `--every N`, or the default selection.
pub(super) fn show_rows(all: bool, every: Option<u64>) -> Result<Show, Error> {
    Ok(if all {
        Show::All
    } else if let Some(n) = every {
        if n == 0 {
            return Err(Error::Usage(t!("chain-every-zero")));
        }
        Show::Every(n)
    } else {
        Show::Default
    })
}

pub fn chain(a: &ChainArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let funcs = resolve(&a.functions, &a.params, true)?;
    let depth = a.depth;
    let show = show_rows(a.all, a.every)?;
    let f = &a.forward;
    if let Some(width) = f.width {
        return matrix_chain(f, &funcs, depth, width, show, sink);
    }
    let weight = f.weight.unwrap_or(1.0);
    let pre = PreActivation::from_options(f.at, f.random, f.seed, f.bias, f.input);
    if let Some(t) = a.trials {
        return trials(&funcs, pre, weight, depth, t, sink);
    }
    let one = funcs.len() == 1;
    let mut columns = vec![Column::num("layer")];
    for n in &funcs {
        let prefix = if one { None } else { Some(n.label.as_str()) };
        columns.push(Column::num_of(prefix, "z"));
        columns.push(Column::num_of(prefix, "f'(z)"));
        if weight != 1.0 {
            columns.push(Column::num_of(prefix, "W·f'(z)"));
        }
        columns.push(Column::num_of(prefix, "product"));
        columns.push(Column::num_of(prefix, "log10 product"));
    }
    let source = match pre {
        PreActivation::At(x) => t!("chain-source-at", z = shortest(x)),
        PreActivation::Forward { bias, input } => {
            let sign = if bias.is_sign_negative() { "−" } else { "+" };
            t!(
                "chain-source-forward",
                weight = shortest(weight),
                sign = sign,
                bias = shortest(bias.abs()),
                input = shortest(input)
            )
        }
        PreActivation::Random { seed } => t!("chain-source-random", seed = seed),
    };
    let wtext = if weight == 1.0 { String::new() } else { format!("{}·", shortest(weight)) };
    sink.begin(&Head { title: t!("chain-title", weight = wtext, depth = depth, source = source), columns })?;
    let mut chains: Vec<ScalarChain> = funcs.iter().map(|n| ScalarChain::new(&n.f, pre, weight)).collect();
    let mut crossings = vec![Crossing::default(); funcs.len()];
    let mut cells = Vec::with_capacity(1 + 5 * funcs.len());
    let mut layers = Vec::with_capacity(funcs.len());
    let mut shown = 0u64;
    let watch = super::ctrl_c();
    let mut k = 0u64;
    // progress and Ctrl-C are looked at every 65,536 layers
    let mut next_check = 65536u64;
    // the next layer shown whether or not a threshold is crossed there
    let mut next_shown = show.next_after(0, depth);
    while k < depth {
        if k >= next_check {
            super::check_interrupt()?;
            crate::interrupt::Interrupt::progress(&watch, k, depth);
            next_check = k + 65536;
        }
        // every chain repeats its last layer (a fixed point of the forward pass, or
        // --at): jump to the layer before the next one shown or crossing, in one step
        let until = if k > 0 && chains.iter().all(|c| c.repeats()) {
            chains.iter().zip(&crossings).fold(next_shown - 1, |until, (c, cr)| c.jump_limit(cr, until))
        } else {
            k
        };
        let crossed = if until > k + 1 {
            for c in chains.iter_mut() {
                c.skip(until - k);
            }
            k = until;
            false
        } else if let ([c], [cr]) = (&mut chains[..], &mut crossings[..]) {
            // one chain: step in a tight loop to the next row, a crossing, or a fixed point
            let crossed = c.advance(next_shown.min(next_check), cr);
            k = c.layers();
            crossed
        } else {
            k += 1;
            let mut crossed = false;
            for (i, c) in chains.iter_mut().enumerate() {
                c.step();
                crossed |= crossings[i].update_product(k, &c.product());
            }
            crossed
        };
        if k < next_shown && !crossed {
            continue;
        }
        // a row: the layers are read only now
        layers.clear();
        layers.extend(chains.iter().map(ScalarChain::last));
        if k >= next_shown {
            next_shown = show.next_after(k, depth);
        }
        shown += 1;
        cells.clear();
        cells.push(Cell::Int(k as i64));
        for l in &layers {
            cells.push(Cell::Num(l.z));
            cells.push(Cell::Num(l.deriv));
            if weight != 1.0 {
                cells.push(Cell::Num(l.factor));
            }
            cells.push(product_cell(&l.product, k));
            cells.push(log10_cell(l.product.log10(), k));
        }
        sink.row(&cells)?;
    }
    let last: Vec<f64> =
        chains.iter().map(|c| if c.layers() == 0 { 0.0 } else { c.product().log10_approx() }).collect();
    if depth > 1 {
        sink.note(&messages::chain_digits())?;
    }
    if shown < depth {
        let which = if show == Show::Default { t!("chain-shown-default") } else { t!("chain-shown-requested") };
        sink.note(&t!("chain-showing", shown = shown, depth = depth, which = which))?;
    }
    for (i, n) in funcs.iter().enumerate() {
        sink.note(&format!(
            "{}: {}",
            n.label,
            messages::verdict(&crossings[i], &t!("verdict-the-product"), depth, last[i])
        ))?;
    }
    sink.end()?;
    Ok(())
}

fn trials(
    funcs: &[Named],
    pre: PreActivation,
    weight: f64,
    depth: u64,
    t: u64,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    let PreActivation::Random { seed } = pre else {
        return Err(Error::Usage(t!("chain-trials-random")));
    };
    if t == 0 || t > 1_000_000 || (t as f64) * (depth as f64) > 1e9 {
        return Err(Error::Usage(t!("chain-trials-range")));
    }
    let cols = ["function", "trials", "mean log10", "median", "p5", "p95", "min", "max", "vanished", "exploded"];
    sink.begin(&Head {
        title: t!("chain-trials-title", depth = depth, trials = t, seed = seed, last = seed + t - 1),
        columns: cols
            .iter()
            .enumerate()
            .map(|(i, c)| if i == 0 { Column::text(*c) } else { Column::num(*c) })
            .collect(),
    })?;
    for n in funcs {
        let mut logs = Vec::with_capacity(t as usize);
        let (mut van, mut exp) = (0u64, 0u64);
        for i in 0..t {
            super::check_interrupt()?;
            let pre = PreActivation::Random { seed: seed.wrapping_add(i) };
            let (l, c) = scalar::run(&n.f, pre, weight, depth, &super::ctrl_c())?;
            logs.push(l.max(-1e308));
            van += u64::from(c.vanished_at.is_some() || c.zero_at.is_some());
            exp += u64::from(c.exploded_at.is_some());
        }
        let mut d = Data::new(logs);
        let row = [
            Cell::Text(n.label.clone()),
            Cell::Int(t as i64),
            Cell::Num(d.mean().unwrap_or(f64::NAN)),
            Cell::Num(d.median()),
            Cell::Num(d.percentile(5)),
            Cell::Num(d.percentile(95)),
            Cell::Num(d.min()),
            Cell::Num(d.max()),
            Cell::Num(van as f64 / t as f64),
            Cell::Num(exp as f64 / t as f64),
        ];
        sink.row(&row)?;
    }
    sink.note(&t!("chain-trials-note"))?;
    sink.end()?;
    Ok(())
}

/// The width chain `--width`, `--gain`, `--init`, `--seed`, `--clip-norm` ask for,
/// checked.
pub fn matrix_spec(f: &ForwardArgs, width: usize, depth: u64, functions: usize) -> Result<MatrixSpec, Error> {
    let spec = MatrixSpec {
        width,
        depth,
        gain: f.gain.unwrap_or(1.0),
        init: f.init.unwrap_or(matrix::Init::Normal),
        seed: f.seed.unwrap_or(0),
        clip_norm: f.clip_norm,
    };
    spec.check(functions).map_err(|e| Error::Usage(messages::spec_error(&e, width, depth, functions)))?;
    Ok(spec)
}

fn matrix_chain(
    f: &ForwardArgs,
    funcs: &[Named],
    depth: u64,
    width: usize,
    show: Show,
    sink: &mut dyn Sink,
) -> Result<(), Error> {
    let spec = matrix_spec(f, width, depth, funcs.len())?;
    let one = funcs.len() == 1;
    let mut columns = vec![Column::num("layer")];
    for named in funcs {
        let prefix = if one { None } else { Some(named.label.as_str()) };
        columns.push(Column::num_of(prefix, "‖g‖"));
        columns.push(Column::num_of(prefix, "log10 ‖g‖"));
        columns.push(Column::num_of(prefix, "ratio"));
        columns.push(Column::num_of(prefix, "dead fraction"));
        if spec.clip_norm.is_some() {
            let mut c = Column::num_of(prefix, "clipped");
            c.numeric = false;
            columns.push(c);
        }
    }
    let init = match spec.init {
        matrix::Init::Normal => "normal",
        matrix::Init::He => "he",
        matrix::Init::Xavier => "xavier",
    };
    let clip_text = spec.clip_norm.map_or(String::new(), |c| t!("width-chain-clipped", norm = shortest(c)));
    sink.begin(&Head {
        title: t!(
            "width-chain-title",
            depth = depth,
            width = width,
            sigma = significant(spec.sigma(), 6),
            init = init,
            gain = shortest(spec.gain),
            seed = spec.seed,
            clip = clip_text
        ),
        columns,
    })?;
    // every function through the same weights (same seed), layer by layer: only the
    // rows that are shown are kept, so memory does not grow with the depth
    let mut crossings = vec![Crossing::default(); funcs.len()];
    let mut last = vec![0.0; funcs.len()];
    let mut shown = 0;
    let mut cells = Vec::new();
    let mut written: std::io::Result<()> = Ok(());
    let stop = super::ctrl_c();
    let failed = &stop.failed;
    let fs: Vec<Function> = funcs.iter().map(|n| n.f.clone()).collect();
    let run = matrix::run(&fs, &spec, &stop, |layers| {
        let mut crossed = false;
        for (i, g) in layers.iter().enumerate() {
            crossed |= crossings[i].update(g.k, g.log10_norm);
            last[i] = g.log10_norm;
        }
        let k = layers[0].k;
        if !show.shows(k, depth, crossed) {
            return;
        }
        shown += 1;
        cells.clear();
        cells.push(Cell::Int(k as i64));
        for g in layers {
            cells.push(norm_cell(g.log10_norm));
            cells.push(Cell::Num(g.log10_norm));
            cells.push(Cell::Num(g.ratio));
            cells.push(Cell::Num(g.dead_fraction));
            if spec.clip_norm.is_some() {
                cells.push(if g.clipped { Cell::keyed("yes", t!("yes")) } else { Cell::Text(String::new()) });
            }
        }
        if let Err(e) = sink.row(&cells) {
            written = Err(e);
            failed.set(true);
        }
    });
    written?;
    run?;
    if shown < depth {
        sink.note(&t!("width-chain-showing", shown = shown, depth = depth))?;
    }
    sink.note(&t!("width-chain-note"))?;
    for (i, named) in funcs.iter().enumerate() {
        let mut v = messages::verdict(&crossings[i], "‖g‖", depth, last[i]);
        if named.f.linear() {
            v.push_str(&t!("width-chain-identity"));
        }
        sink.note(&format!("{}: {v}", named.label))?;
    }
    sink.end()?;
    Ok(())
}

pub fn clip(a: &ClipArgs, sink: &mut dyn Sink) -> Result<(), Error> {
    let g = parse_numbers(&a.values).map_err(Error::Usage)?;
    if g.iter().any(|x| !x.is_finite()) {
        return Err(Error::Usage(t!("clip-not-finite")));
    }
    let (max, by_norm) = match (a.norm, a.value) {
        (Some(m), None) => (m, true),
        (None, Some(m)) => (m, false),
        _ => return Err(Error::Usage(t!("clip-one-of"))),
    };
    if !(max > 0.0 && max.is_finite()) {
        return Err(Error::Usage(t!("clip-max", max = shortest(max))));
    }
    let (after, scale) = if by_norm { clip::by_norm(&g, max) } else { (clip::by_value(&g, max), f64::NAN) };
    let how = if by_norm { t!("clip-by-norm", max = shortest(max)) } else { t!("clip-by-value", max = shortest(max)) };
    sink.begin(&Head { title: how, columns: vec![Column::num("i"), Column::num("before"), Column::num("after")] })?;
    for (i, (b, c)) in g.iter().zip(&after).enumerate() {
        sink.row(&[Cell::Int(i as i64 + 1), Cell::Num(*b), Cell::Num(*c)])?;
    }
    let (nb, na) = (clip::norm(&g), clip::norm(&after));
    sink.note(&t!("clip-norms", before = significant(nb, 10), after = significant(na, 10)))?;
    if by_norm {
        sink.note(&t!("clip-scale", scale = significant(scale, 10)))?;
    } else {
        let changed = g.iter().zip(&after).filter(|(b, c)| b != c).count();
        sink.note(&t!("clip-clamped", changed = changed, total = g.len()))?;
    }
    sink.end()?;
    Ok(())
}
