//! `eval` and `deriv`: values (and derivatives) at numbers, ranges and streamed stdin.

use super::input::{XItem, for_each_number, parse_x};
use super::{Context, Error, EvalArgs, ParamArgs};
use crate::activation::{Activation, Params, lookup};
use crate::messages;
use crate::render::num::shortest;
use crate::report::{Cell, Column, Flow, Head, Sink};

/// The catalogue function `name`, or a message with the closest name.
pub fn function(name: &str) -> Result<&'static Activation, Error> {
    lookup(name).map_err(|e| {
        Error::Usage(messages::unknown_function(&e, crate::activation::CATALOGUE.iter().flat_map(|a| a.names())))
    })
}

/// Most functions one command may name (`eval f1,f2,...`).
pub const MAX_FUNCTIONS: usize = 256;

/// Functions named in `FN[,FN...]`, each with its parameters.
pub fn resolve(names: &str, params: &ParamArgs) -> Result<Vec<(&'static Activation, Params)>, Error> {
    let mut out = Vec::new();
    let count = names.split(',').count();
    if count > MAX_FUNCTIONS {
        return Err(Error::Usage(format!("{count} functions in one command; at most {MAX_FUNCTIONS}")));
    }
    for name in names.split(',').map(str::trim) {
        if name.is_empty() {
            return Err(Error::Usage(format!("empty function name in '{}'", crate::shown::shown(names))));
        }
        out.push(function(name)?);
    }
    let given = params.given();
    for (pname, _) in given {
        if !out.iter().any(|a| a.params.iter().any(|p| p.name == *pname)) {
            let owners: Vec<&str> = crate::activation::CATALOGUE
                .iter()
                .filter(|a| a.params.iter().any(|p| p.name == *pname))
                .map(|a| a.name)
                .collect();
            let list: Vec<&str> = out.iter().map(|a| a.name).collect();
            return Err(Error::Usage(format!(
                "--{pname} does not apply to {} (it is a parameter of {})",
                list.join(", "),
                owners.join(", ")
            )));
        }
    }
    out.into_iter()
        .map(|a| a.params_with(given).map(|p| (a, p)).map_err(|e| Error::Usage(messages::param_error(&e))))
        .collect()
}

/// `gelu`, or `leaky_relu(slope=0.2)` when a parameter differs from its default.
pub fn label(a: &Activation, p: &Params) -> String {
    let set: Vec<String> = a
        .params
        .iter()
        .zip(p.as_slice())
        .filter(|(spec, v)| spec.default.to_bits() != v.to_bits())
        .map(|(spec, v)| format!("{}={}", spec.name, shortest(*v)))
        .collect();
    if set.is_empty() { a.name.to_string() } else { format!("{}({})", a.name, set.join(",")) }
}

pub fn eval(args: &EvalArgs, with_deriv: bool, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    let funcs = resolve(&args.functions, &args.params)?;
    let mut items = Vec::with_capacity(args.xs.len());
    for x in &args.xs {
        items.push(parse_x(x).map_err(Error::Usage)?);
    }
    let stdin_uses = items.iter().filter(|i| matches!(i, XItem::Stdin)).count();
    if stdin_uses > 1 {
        return Err(Error::Usage("'-' (read stdin) may appear only once".into()));
    }
    if stdin_uses == 1 && ctx.stdin.is_none() {
        return Err(Error::Usage(
            "'-' reads numbers from stdin, but stdin holds the script here; put the numbers in the command, \
             or run the script with 'actlab run FILE'"
                .into(),
        ));
    }
    let mut columns = vec![Column::num("x")];
    for (a, p) in &funcs {
        let l = label(a, p);
        if with_deriv {
            columns.push(Column::num(l.clone()));
            columns.push(Column::num(format!("{l}'")));
        } else {
            columns.push(Column::num(l));
        }
    }
    let title = funcs
        .iter()
        .map(|(a, _)| if with_deriv { format!("{}; {}", a.formula, a.deriv_formula) } else { a.formula.to_string() })
        .collect::<Vec<_>>()
        .join("\n");
    sink.begin(&Head { title, columns })?;
    let mut cells = vec![Cell::Empty; 1 + funcs.len() * if with_deriv { 2 } else { 1 }];
    let mut emit = |x: f64, sink: &mut dyn Sink| -> std::io::Result<Flow> {
        cells[0] = Cell::Num(x);
        let mut i = 1;
        for (a, p) in &funcs {
            if with_deriv {
                let (v, d) = a.value_and_deriv(x, p);
                cells[i] = Cell::Num(v);
                cells[i + 1] = Cell::Num(d);
                i += 2;
            } else {
                cells[i] = Cell::Num(a.value(x, p));
                i += 1;
            }
        }
        sink.row(&cells)
    };
    for item in &items {
        match item {
            XItem::Number(x) => {
                emit(*x, sink)?;
            }
            XItem::Range(r) if r.count >= 4096 && sink.separator().is_some() => {
                let spec =
                    super::stream::Spec { funcs: &funcs, deriv: with_deriv, sep: sink.separator().unwrap_or(b',') };
                super::stream::range(r, spec, |bytes| sink.raw(bytes))?;
                sink.flush()?;
            }
            XItem::Range(r) => {
                for i in 0..r.count {
                    if i % 65536 == 0 {
                        super::check_interrupt()?;
                    }
                    if emit(r.point(i), sink)? == Flow::Stop {
                        sink.left_out(r.count - i - 1);
                        break;
                    }
                }
            }
            XItem::Stdin if sink.separator().is_some() => {
                let input = ctx.stdin.as_deref_mut().expect("checked above");
                let sep = sink.separator().unwrap_or(b',');
                // the header (and rows so far) show before the first wait for input
                sink.flush()?;
                let cell = std::cell::RefCell::new(&mut *sink);
                let emit = std::cell::RefCell::new(&mut emit);
                super::stream::delimited(
                    input,
                    super::stream::Spec { funcs: &funcs, deriv: with_deriv, sep },
                    |bytes| {
                        let mut s = cell.borrow_mut();
                        s.raw(bytes)?;
                        s.flush()
                    },
                    |text, line| {
                        // a bad token somewhere in this chunk: the ordinary path names it
                        let mut r = std::io::Cursor::new(text);
                        for_each_number(
                            &mut r,
                            line,
                            |x| (emit.borrow_mut())(x, *cell.borrow_mut()).map(drop),
                            || Ok(()),
                        )
                    },
                )?;
            }
            XItem::Stdin => {
                let input = ctx.stdin.as_deref_mut().expect("checked above");
                // emit and flush both need the sink: share it through a cell
                let cell = std::cell::RefCell::new(&mut *sink);
                for_each_number(input, 1, |x| emit(x, *cell.borrow_mut()).map(drop), || cell.borrow_mut().flush())?;
            }
        }
    }
    sink.end()?;
    Ok(())
}
