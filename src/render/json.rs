//! JSON: one object per result, streamed as rows arrive:
//! `{"title": ..., "columns": [...], "rows": [{"x": 1.5, "gelu": 1.39...}, ...], "notes": [...]}`.
//! Numbers are the shortest round-trip text; inf, -inf and nan (which JSON lacks)
//! are written as the strings "inf", "-inf", "nan".

use crate::render::num::shortest_into;
use crate::report::{Cell, Flow, Head, Sink};
use std::io::{self, Write};

pub struct Json<'a> {
    out: &'a mut dyn Write,
    keys: Vec<String>,
    rows: usize,
    /// A result is begun and not yet ended.
    open: bool,
    notes: Vec<String>,
    buf: zmij::Buffer,
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

impl<'a> Json<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Json { out, keys: Vec::new(), rows: 0, open: false, notes: Vec::new(), buf: zmij::Buffer::new() }
    }
}

impl Sink for Json<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.keys = head.columns.iter().map(|c| quoted(&c.name)).collect();
        self.rows = 0;
        self.open = true;
        self.notes.clear();
        let cols: Vec<&str> = self.keys.iter().map(String::as_str).collect();
        write!(self.out, "{{\"title\":{},\"columns\":[{}],\"rows\":[", quoted(&head.title), cols.join(","))
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        self.out.write_all(if self.rows == 0 { b"\n{" } else { b",\n{" })?;
        self.rows += 1;
        for (i, (k, c)) in self.keys.iter().zip(cells).enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            self.out.write_all(k.as_bytes())?;
            self.out.write_all(b":")?;
            match c {
                Cell::Num(x) if x.is_finite() => {
                    let s = shortest_into(*x, &mut self.buf);
                    self.out.write_all(s.as_bytes())?;
                }
                Cell::Num(x) => write!(self.out, "\"{}\"", shortest_into(*x, &mut self.buf))?,
                Cell::Int(n) => write!(self.out, "{n}")?,
                Cell::Text(t) => self.out.write_all(quoted(t).as_bytes())?,
                Cell::Empty => self.out.write_all(b"null")?,
            }
        }
        self.out.write_all(b"}")?;
        Ok(Flow::Continue)
    }

    fn note(&mut self, note: &str) -> io::Result<()> {
        self.notes.push(quoted(note));
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        if !std::mem::take(&mut self.open) {
            return Ok(());
        }
        writeln!(self.out, "],\"notes\":[{}]}}", self.notes.join(","))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn verbatim(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{{\"text\":{}}}", quoted(text.trim_end()))
    }
}
