//! Tables for people (comfy-table): numbers rounded to `precision` significant
//! digits, the title above, notes below. Rows past `max_table_rows` are counted,
//! not kept, and a note says how many were left out.

use crate::render::{Style, num::significant};
use crate::report::{Cell, Flow, Head, Sink};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, presets};
use std::io::{self, Write};

pub struct Table<'a> {
    style: Style,
    out: &'a mut dyn Write,
    head: Option<Head>,
    rows: Vec<Vec<String>>,
    left_out: u64,
    notes: Vec<String>,
}

impl<'a> Table<'a> {
    pub fn new(style: Style, out: &'a mut dyn Write) -> Self {
        Table { style, out, head: None, rows: Vec::new(), left_out: 0, notes: Vec::new() }
    }
}

impl Sink for Table<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.head = Some(head.clone());
        self.rows.clear();
        self.notes.clear();
        self.left_out = 0;
        Ok(())
    }

    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        if self.rows.len() >= self.style.max_table_rows {
            self.left_out += 1;
            return Ok(Flow::Stop);
        }
        let p = self.style.precision;
        self.rows.push(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Num(x) => significant(*x, p),
                    Cell::Int(n) => n.to_string(),
                    Cell::Text(t) => t.clone(),
                    Cell::Empty => String::new(),
                })
                .collect(),
        );
        Ok(if self.rows.len() >= self.style.max_table_rows { Flow::Stop } else { Flow::Continue })
    }

    fn note(&mut self, note: &str) -> io::Result<()> {
        self.notes.push(note.to_string());
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        let Some(head) = self.head.take() else { return Ok(()) };
        let mut t = comfy_table::Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED);
        t.set_content_arrangement(ContentArrangement::Dynamic);
        t.set_width(self.style.term_width.unwrap_or(120));
        let header: Vec<comfy_table::Cell> = head
            .columns
            .iter()
            .map(|c| {
                let cell = comfy_table::Cell::new(&c.name);
                if self.style.color { cell.add_attribute(comfy_table::Attribute::Bold) } else { cell }
            })
            .collect();
        t.set_header(header);
        // comfy-table styles only when it sees a terminal: our colour decision rules instead
        if self.style.color {
            t.enforce_styling();
        } else {
            t.force_no_tty();
        }
        // the widest cell of each column: a number must never be broken across lines
        let mut widest = vec![0usize; head.columns.len()];
        for r in &self.rows {
            for (w, cell) in widest.iter_mut().zip(r) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for r in self.rows.drain(..) {
            t.add_row(r);
        }
        for (i, c) in head.columns.iter().enumerate() {
            if c.numeric
                && let Some(col) = t.column_mut(i)
            {
                col.set_cell_alignment(CellAlignment::Right);
                // at least as wide as its widest number; headers and text columns wrap instead
                let w = u16::try_from(widest[i] + 2).unwrap_or(u16::MAX); // + the padding
                col.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(w)));
            }
        }
        if !head.title.is_empty() {
            writeln!(self.out, "{}", head.title)?;
        }
        writeln!(self.out, "{t}")?;
        if self.left_out > 0 {
            writeln!(
                self.out,
                "… {} more rows not shown (a table keeps {}; use --format csv or tsv for every row)",
                self.left_out, self.style.max_table_rows
            )?;
        }
        for n in &self.notes {
            writeln!(self.out, "{n}")?;
        }
        Ok(())
    }

    fn abort(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            self.head = None;
            return Ok(());
        }
        self.end()
    }

    fn text(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", text.trim_end())
    }

    fn plot(&mut self, plot: &crate::render::plot::Plot) -> io::Result<()> {
        let tw = self.style.term_width.unwrap_or(80) as usize;
        let w = plot.size.0.unwrap_or(tw.saturating_sub(12).clamp(20, 160));
        let text = crate::render::plot::braille(plot, w, plot.size.1.unwrap_or(18), self.style.color);
        self.out.write_all(text.as_bytes())
    }

    fn left_out(&mut self, n: u64) {
        self.left_out += n;
    }
}
