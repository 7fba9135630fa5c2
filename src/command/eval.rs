//! `eval` and `deriv`: values (and derivatives) at numbers, ranges and streamed stdin.

use super::functions::resolve;
use super::input::{XItem, for_each_number, parse_x};
use super::{Context, Error, EvalArgs};
use crate::activation::Function;
use crate::report::{Cell, Column, Flow, Head, Sink};

pub fn eval(args: &EvalArgs, with_deriv: bool, ctx: &mut Context, sink: &mut dyn Sink) -> Result<(), Error> {
    let named = resolve(&args.functions, &args.params, with_deriv)?;
    let funcs: Vec<Function> = named.iter().map(|n| n.f.clone()).collect();
    let mut items = Vec::with_capacity(args.xs.len());
    for x in &args.xs {
        items.push(parse_x(x).map_err(Error::Usage)?);
    }
    let stdin_uses = items.iter().filter(|i| matches!(i, XItem::Stdin)).count();
    if stdin_uses > 1 {
        return Err(Error::Usage(crate::t!("eval-stdin-once")));
    }
    if args.column.is_some() && stdin_uses == 0 {
        return Err(Error::Usage(crate::t!("eval-column-needs-stdin")));
    }
    if stdin_uses == 1 && ctx.stdin.is_none() {
        return Err(Error::Usage(crate::t!("eval-stdin-is-script")));
    }
    let mut columns = vec![Column::num("x")];
    for n in &named {
        let l = n.label.clone();
        if with_deriv {
            columns.push(Column::num(l.clone()));
            columns.push(Column::num(super::functions::primed(&l)));
        } else {
            columns.push(Column::num(l));
        }
    }
    let title = named
        .iter()
        .map(|n| if with_deriv { format!("{}; {}", n.formula(), n.deriv_formula()) } else { n.formula() })
        .collect::<Vec<_>>()
        .join("\n");
    sink.begin(&Head { title, columns })?;
    let mut cells = vec![Cell::Empty; 1 + funcs.len() * if with_deriv { 2 } else { 1 }];
    // once the sink keeps no more rows (a table's first 1000), the rest are only counted
    let mut full = false;
    let mut emit = |x: f64, sink: &mut dyn Sink| -> std::io::Result<Flow> {
        if full {
            return sink.row(&[]);
        }
        cells[0] = Cell::Num(x);
        let mut i = 1;
        for a in &funcs {
            if with_deriv {
                let (v, d) = a.value_and_deriv(x);
                cells[i] = Cell::Num(v);
                cells[i + 1] = Cell::Num(d);
                i += 2;
            } else {
                cells[i] = Cell::Num(a.value(x));
                i += 1;
            }
        }
        let flow = sink.row(&cells)?;
        full = flow == Flow::Stop;
        Ok(flow)
    };
    // rows of numbers that the streaming path may format itself, on two cores
    let format = sink.row_format();
    for item in &items {
        match item {
            XItem::Number(x) => {
                emit(*x, sink)?;
            }
            XItem::Range(r) if r.count >= 4096 && format.is_some() => {
                let format = format.as_ref().expect("checked");
                let spec = super::stream::Spec { funcs: &funcs, deriv: with_deriv, format };
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
            XItem::Stdin if args.column.is_some() => {
                let input = ctx.stdin.as_deref_mut().expect("checked above");
                let column = args.column.as_deref().unwrap_or_default();
                let cell = std::cell::RefCell::new(&mut *sink);
                super::input::for_each_in_column(
                    input,
                    column,
                    |x| emit(x, *cell.borrow_mut()).map(drop),
                    || cell.borrow_mut().flush(),
                )?;
            }
            XItem::Stdin if format.is_some() => {
                let input = ctx.stdin.as_deref_mut().expect("checked above");
                let format = format.as_ref().expect("checked");
                // the header (and rows so far) show before the first wait for input
                sink.flush()?;
                let cell = std::cell::RefCell::new(&mut *sink);
                let emit = std::cell::RefCell::new(&mut emit);
                super::stream::delimited(
                    input,
                    super::stream::Spec { funcs: &funcs, deriv: with_deriv, format },
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
