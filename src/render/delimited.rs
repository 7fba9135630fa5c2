//! CSV and TSV: a header line, then one line per row; numbers as the shortest text
//! that reads back as the same double. Titles and notes are left out (they would
//! break the file for the program reading it).

use crate::render::num::shortest_into;
use crate::report::{Cell, Head, Sink};
use std::io::{self, Write};

pub struct Delimited<'a> {
    sep: u8,
    out: &'a mut dyn Write,
    buf: zmij::Buffer,
}

impl<'a> Delimited<'a> {
    pub fn new(sep: u8, out: &'a mut dyn Write) -> Self {
        Delimited { sep, out, buf: zmij::Buffer::new() }
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
        for (i, c) in head.columns.iter().enumerate() {
            if i > 0 {
                self.out.write_all(&[self.sep])?;
            }
            self.field(&c.name)?;
        }
        self.out.write_all(b"\n")
    }

    #[inline]
    fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
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
                Cell::Text(t) => self.field(t)?,
                Cell::Empty => {}
            }
        }
        self.out.write_all(b"\n")
    }

    fn note(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn separator(&self) -> Option<u8> {
        Some(self.sep)
    }

    fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", text.trim_end())
    }
}
