//! CSV and TSV: a header line, then one line per row; numbers as the shortest text
//! that reads back as the same double. Titles and notes are left out (they would
//! break the file for the program reading it). A command with several results
//! (`xor`, `compare`) writes them one after the other, each with its header, separated
//! by one empty line: split at empty lines to load them table by table.

use crate::render::num::{MAX_LEN, Out, shortest_into};
use crate::report::{Cell, Flow, Head, Sink};
use std::io::{self, Write};

pub struct Delimited<'a> {
    sep: u8,
    out: &'a mut dyn Write,
    buf: zmij::Buffer,
    /// A row of numbers being laid out.
    line: Out,
    nums: Vec<f64>,
    /// Results written so far (the next is preceded by an empty line).
    results: usize,
}

/// One row of numbers as CSV/TSV text: x, then each value, separated by `sep`, each
/// the shortest text that reads back as the same double. The one row layout of both
/// this sink and the two-core stream (`command::stream`).
#[inline]
pub fn number_row(out: &mut Out, sep: u8, first: f64, rest: &[f64]) {
    out.reserve((1 + rest.len()) * (MAX_LEN + 1));
    out.number(first);
    for y in rest {
        out.push(sep);
        out.number(*y);
    }
    out.push(b'\n');
}

/// One row as `Markdown`'s `row` writes it: `| x | y |`, `digits` significant digits.
pub fn markdown_row(out: &mut Out, digits: usize, first: f64, rest: &[f64]) {
    out.reserve((1 + rest.len()) * (MAX_LEN + 8) + 4);
    out.text("| ");
    crate::render::num::significant_into(out, first, digits);
    for y in rest {
        out.text(" | ");
        crate::render::num::significant_into(out, *y, digits);
    }
    out.text(" |\n");
}

/// One row as `Json`'s `row` writes it after the first: `,\n{"x":1.5,"gelu":1.39…}`,
/// a number that is not finite as a string.
pub fn json_row(out: &mut Out, keys: &[String], first: f64, rest: &[f64]) {
    out.reserve(keys.iter().map(|k| k.len() + MAX_LEN + 4).sum::<usize>() + 4);
    out.text(",\n{");
    for (i, (k, v)) in keys.iter().zip(std::iter::once(&first).chain(rest)).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.text(k);
        out.push(b':');
        if v.is_finite() {
            out.number(*v);
        } else {
            out.push(b'"');
            out.number(*v);
            out.push(b'"');
        }
    }
    out.push(b'}');
}

impl<'a> Delimited<'a> {
    pub fn new(sep: u8, out: &'a mut dyn Write) -> Self {
        Delimited { sep, out, buf: zmij::Buffer::new(), line: Out::default(), nums: Vec::new(), results: 0 }
    }

    fn field(&mut self, s: &str) -> io::Result<()> {
        let needs_quotes = s.bytes().any(|b| b == self.sep || b == b'"' || b == b'\n' || b == b'\r');
        if needs_quotes {
            self.out.write_all(b"\"")?;
            self.out.write_all(s.replace('"', "\"\"").as_bytes())?;
            self.out.write_all(b"\"")
        } else {
            self.out.write_all(s.as_bytes())
        }
    }
}

impl Sink for Delimited<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        if self.results > 0 {
            self.out.write_all(b"\n")?;
        }
        self.results += 1;
        for (i, c) in head.columns.iter().enumerate() {
            if i > 0 {
                self.out.write_all(&[self.sep])?;
            }
            self.field(&c.name)?;
        }
        self.out.write_all(b"\n")
    }

    #[inline]
    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        // a row of numbers (eval, deriv…) in the layout the stream writes too
        if let Some((Cell::Num(first), rest)) = cells.split_first()
            && rest.iter().all(|c| matches!(c, Cell::Num(_)))
        {
            self.nums.clear();
            self.nums.extend(rest.iter().map(|c| if let Cell::Num(y) = c { *y } else { 0.0 }));
            self.line.clear();
            number_row(&mut self.line, self.sep, *first, &self.nums);
            self.out.write_all(self.line.as_bytes())?;
            return Ok(Flow::Continue);
        }
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(&[self.sep])?;
            }
            match c {
                Cell::Num(x) => {
                    let s = shortest_into(*x, &mut self.buf);
                    self.out.write_all(s.as_bytes())?;
                }
                Cell::Int(n) => write!(self.out, "{n}")?,
                Cell::Text(t) | Cell::Key { key: t, .. } => self.field(t)?,
                Cell::Empty => {}
            }
        }
        self.out.write_all(b"\n")?;
        Ok(Flow::Continue)
    }

    fn note(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn row_format(&self) -> Option<crate::report::RowFormat> {
        Some(crate::report::RowFormat::Delimited(self.sep))
    }

    fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        if self.results > 0 {
            self.out.write_all(b"\n")?;
        }
        self.results += 1;
        writeln!(self.out, "{}", text.trim_end())
    }
}
