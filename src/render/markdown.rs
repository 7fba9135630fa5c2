//! Markdown: the title in bold, a pipe table, notes as a list.

use crate::render::{Style, num::significant};
use crate::report::{Cell, Flow, Head, Sink};
use std::io::{self, Write};

pub struct Markdown<'a> {
    style: Style,
    out: &'a mut dyn Write,
    notes: Vec<String>,
}

impl<'a> Markdown<'a> {
    pub fn new(style: Style, out: &'a mut dyn Write) -> Self {
        Markdown { style, out, notes: Vec::new() }
    }
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|")
}

impl Sink for Markdown<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.notes.clear();
        writeln!(self.out, "**{}**\n", escape(&head.title))?;
        let names: Vec<String> = head.columns.iter().map(|c| escape(&c.label)).collect();
        writeln!(self.out, "| {} |", names.join(" | "))?;
        let rule: Vec<&str> = head.columns.iter().map(|c| if c.numeric { "---:" } else { "---" }).collect();
        writeln!(self.out, "|{}|", rule.join("|"))
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        let texts: Vec<String> = cells
            .iter()
            .map(|c| match c {
                Cell::Num(x) => significant(*x, self.style.precision),
                Cell::Int(n) => n.to_string(),
                Cell::Text(t) | Cell::Key { label: t, .. } => escape(t),
                Cell::Empty => String::new(),
            })
            .collect();
        writeln!(self.out, "| {} |", texts.join(" | "))?;
        Ok(Flow::Continue)
    }

    fn note(&mut self, note: &str) -> io::Result<()> {
        self.notes.push(note.to_string());
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        if !self.notes.is_empty() {
            writeln!(self.out)?;
            for n in std::mem::take(&mut self.notes) {
                writeln!(self.out, "- {}", escape(&n))?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn row_format(&self) -> Option<crate::report::RowFormat> {
        Some(crate::report::RowFormat::Markdown(self.style.precision))
    }

    fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    fn plot(&mut self, plot: &crate::render::plot::Plot) -> io::Result<()> {
        let text = crate::render::plot::braille(plot, plot.size.0.unwrap_or(64), plot.size.1.unwrap_or(16), false);
        writeln!(self.out, "```text\n{}```", text)
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", text.trim_end())
    }
}
