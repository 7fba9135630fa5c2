//! JSON: one document per command. A result is one object, streamed as rows arrive:
//! `{"title": ..., "columns": [...], "rows": [{"x": 1.5, "gelu": 1.39...}, ...], "notes": [...]}`;
//! a command with several results (`xor`, `compare`, a table and a plot) gives an array
//! of them. The first result is held back (up to [`HOLD`] bytes, or until the command
//! flushes to stream its input) until it is known whether another follows.
//! Numbers are the shortest round-trip text; inf, -inf and nan (which JSON lacks)
//! are written as the strings "inf", "-inf", "nan". Keys are unique within a row: a
//! repeated column name gets ` (2)`, ` (3)`, ….

use crate::render::num::shortest_into;
use crate::report::{Cell, Flow, Head, Sink};
use std::io::{self, Write};

/// Most bytes of the first result held back before it is written as the whole document.
pub const HOLD: usize = 8 << 20;

enum Mode {
    /// Nothing or one result so far, held in the buffer.
    First(Vec<u8>),
    /// Several results: an array is open.
    Array,
    /// The first result was written out (it was large, or streamed): one document.
    Single,
}

pub struct Json<'a> {
    out: &'a mut dyn Write,
    mode: Mode,
    /// Results begun so far.
    results: usize,
    keys: Vec<String>,
    rows: usize,
    /// A result is begun and not yet ended.
    open: bool,
    notes: Vec<String>,
    buf: zmij::Buffer,
    /// One row's text, reused from row to row.
    line: Vec<u8>,
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

impl<'a> Json<'a> {
    pub fn new(out: &'a mut dyn Write) -> Self {
        Json {
            out,
            mode: Mode::First(Vec::new()),
            results: 0,
            keys: Vec::new(),
            rows: 0,
            open: false,
            notes: Vec::new(),
            buf: zmij::Buffer::new(),
            line: Vec::new(),
        }
    }

    /// Write, through the held-back buffer while there is one.
    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Mode::First(held) = &mut self.mode {
            if held.len() + bytes.len() <= HOLD {
                held.extend_from_slice(bytes);
                return Ok(());
            }
            let held = std::mem::take(held);
            self.mode = Mode::Single;
            self.out.write_all(&held)?;
        }
        self.out.write_all(bytes)
    }

    /// A new result (a table or a text) starts: open the array if it is the second.
    fn next_result(&mut self) -> io::Result<()> {
        self.results += 1;
        if self.results == 1 {
            return Ok(());
        }
        match &mut self.mode {
            Mode::First(held) => {
                let held = std::mem::take(held);
                self.mode = Mode::Array;
                self.out.write_all(b"[\n")?;
                self.out.write_all(&held)?;
                self.out.write_all(b",\n")
            }
            Mode::Array => self.out.write_all(b",\n"),
            // the first result went out whole: a second can only follow it (documented)
            Mode::Single => self.out.write_all(b"\n"),
        }
    }
}

impl Sink for Json<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.next_result()?;
        // unique keys: a repeated name gets " (2)", " (3)", …
        let mut seen: Vec<String> = Vec::new();
        self.keys = head
            .columns
            .iter()
            .map(|c| {
                let mut name = c.name.clone();
                let mut k = 1;
                while seen.contains(&name) {
                    k += 1;
                    name = format!("{} ({k})", c.name);
                }
                seen.push(name.clone());
                quoted(&name)
            })
            .collect();
        self.rows = 0;
        self.open = true;
        self.notes.clear();
        let text = format!("{{\"title\":{},\"columns\":[{}],\"rows\":[", quoted(&head.title), self.keys.join(","));
        self.put(text.as_bytes())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        line.extend_from_slice(if self.rows == 0 { b"\n{" } else { b",\n{" });
        self.rows += 1;
        for (i, (k, c)) in self.keys.iter().zip(cells).enumerate() {
            if i > 0 {
                line.push(b',');
            }
            line.extend_from_slice(k.as_bytes());
            line.push(b':');
            match c {
                Cell::Num(x) if x.is_finite() => line.extend_from_slice(shortest_into(*x, &mut self.buf).as_bytes()),
                Cell::Num(x) => {
                    line.push(b'"');
                    line.extend_from_slice(shortest_into(*x, &mut self.buf).as_bytes());
                    line.push(b'"');
                }
                Cell::Int(n) => line.extend_from_slice(n.to_string().as_bytes()),
                Cell::Text(t) | Cell::Key { key: t, .. } => line.extend_from_slice(quoted(t).as_bytes()),
                Cell::Empty => line.extend_from_slice(b"null"),
            }
        }
        line.push(b'}');
        let written = self.put(&line);
        self.line = line;
        written?;
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
        let text = format!("],\"notes\":[{}]}}", self.notes.join(","));
        self.put(text.as_bytes())
    }

    fn flush(&mut self) -> io::Result<()> {
        // a streaming command: its one result goes out as it grows
        if let Mode::First(held) = &mut self.mode {
            let held = std::mem::take(held);
            self.mode = Mode::Single;
            self.out.write_all(&held)?;
        }
        self.out.flush()
    }

    fn verbatim(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())
    }

    fn row_format(&self) -> Option<crate::report::RowFormat> {
        Some(crate::report::RowFormat::Json(self.keys.clone()))
    }

    fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        // rows from `json_row` each start with ",\n"; the first row of a result does not
        let bytes = if self.rows == 0 { bytes.strip_prefix(b",").unwrap_or(bytes) } else { bytes };
        if !bytes.is_empty() {
            self.rows += 1;
        }
        self.put(bytes)
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        self.next_result()?;
        let t = format!("{{\"text\":{}}}", quoted(text.trim_end()));
        self.put(t.as_bytes())
    }

    fn finish(&mut self) -> io::Result<()> {
        match std::mem::replace(&mut self.mode, Mode::Single) {
            Mode::First(held) if !held.is_empty() => {
                self.out.write_all(&held)?;
                self.out.write_all(b"\n")?;
            }
            Mode::Array => self.out.write_all(b"\n]\n")?,
            Mode::Single if self.results > 0 => self.out.write_all(b"\n")?,
            _ => {}
        }
        self.out.flush()
    }
}
