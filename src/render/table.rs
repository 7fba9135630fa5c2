//! Tables for people (comfy-table): numbers rounded to `precision` significant
//! digits, the title above, notes below. Rows past `max_table_rows` are counted,
//! not kept, and a note says how many were left out.
//!
//! A table fits the width it is given (the terminal's, else 120 columns): a header
//! wraps only between words, a number never wraps; if the columns still do not fit,
//! numbers get fewer digits (down to [`MIN_DIGITS`]), and then the table is split into
//! several that each fit, every part repeating the first (key) column. On a terminal,
//! titles and notes wrap between words too.

use crate::render::{Style, num::significant};
use crate::report::{Cell, Flow, Head, Sink};
use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, presets};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Fewest significant digits a table shrinks its numbers to before it splits.
pub const MIN_DIGITS: usize = 4;

/// Width of `text` on a terminal (CJK characters count two).
fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The longest word of a header or a cell of text: the narrowest it can wrap to
/// (Chinese text may wrap between any two characters).
fn longest_word(text: &str) -> usize {
    text.split_whitespace().flat_map(pieces).map(width).max().unwrap_or(0)
}

/// Punctuation that may not begin a line (it stays with the character before it).
const NO_BREAK_BEFORE: &str = "，。、；：！？）」』》”’,.;:!?)]}%";
/// Punctuation that may not end a line.
const NO_BREAK_AFTER: &str = "（「『《“‘([{";

/// A word's pieces between which a line may break: Chinese text has no spaces, so a
/// break may come before and after each wide (CJK) character, but not before closing
/// or after opening punctuation.
fn pieces(word: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut start = 0;
    let mut prev_wide = false;
    let mut prev = ' ';
    for (i, c) in word.char_indices() {
        let wide = unicode_width::UnicodeWidthChar::width(c) == Some(2);
        let may_break =
            i > start && (wide || prev_wide) && !NO_BREAK_BEFORE.contains(c) && !NO_BREAK_AFTER.contains(prev);
        if may_break {
            out.push(&word[start..i]);
            start = i;
        }
        prev_wide = wide;
        prev = c;
    }
    out.push(&word[start..]);
    out
}

/// `text` wrapped between words (and between Chinese characters) to lines of at most
/// `cols` columns (a word longer than that stays whole on its own line).
pub fn wrap(text: &str, cols: usize) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = 0usize;
        for word in para.split(' ') {
            for (j, piece) in pieces(word).into_iter().enumerate() {
                // the first piece of a word follows a space; the others join
                let gap = usize::from(j == 0 && line > 0);
                let w = width(piece);
                if line > 0 && line + gap + w > cols {
                    out.push('\n');
                    line = 0;
                } else if gap == 1 {
                    out.push(' ');
                    line += 1;
                }
                out.push_str(piece);
                line += w;
            }
        }
    }
    out
}

fn render(cell: &Cell, digits: usize) -> String {
    match cell {
        Cell::Num(x) => significant(*x, digits),
        Cell::Int(n) => n.to_string(),
        Cell::Text(t) | Cell::Key { label: t, .. } => t.clone(),
        Cell::Empty => String::new(),
    }
}

pub struct Table<'a> {
    style: Style,
    out: &'a mut dyn Write,
    head: Option<Head>,
    rows: Vec<Vec<Cell>>,
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
        self.rows.push(cells.to_vec());
        Ok(if self.rows.len() >= self.style.max_table_rows { Flow::Stop } else { Flow::Continue })
    }

    fn note(&mut self, note: &str) -> io::Result<()> {
        self.notes.push(note.to_string());
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        let Some(head) = self.head.take() else { return Ok(()) };
        let rows = std::mem::take(&mut self.rows);
        let avail = self.style.term_width.map_or(120, usize::from).max(20);
        let n = head.columns.len();
        // the narrowest each column can be at `digits`: its widest cell (never wrapped),
        // and its header's longest word (headers wrap between words only)
        let needs = |digits: usize| -> Vec<usize> {
            (0..n)
                .map(|i| {
                    let cells = rows.iter().filter_map(|r| r.get(i)).map(|c| match c {
                        // text may wrap between words as well
                        Cell::Text(t) | Cell::Key { label: t, .. } => longest_word(t),
                        c => width(&render(c, digits)),
                    });
                    cells.max().unwrap_or(0).max(longest_word(&head.columns[i].label)).max(1)
                })
                .collect()
        };
        // each column takes its width + 2 of padding + 1 of border, plus the last border
        let total = |w: &[usize]| w.iter().map(|x| x + 3).sum::<usize>() + 1;
        let mut digits = self.style.precision;
        let mut w = needs(digits);
        while total(&w) > avail && digits > MIN_DIGITS && rows.iter().flatten().any(|c| matches!(c, Cell::Num(_))) {
            digits -= 1;
            w = needs(digits);
        }
        // still too wide: parts that each fit, each repeating the key column
        let mut parts: Vec<Vec<usize>> = Vec::new();
        if total(&w) <= avail || n <= 2 {
            parts.push((0..n).collect());
        } else {
            let key = w[0] + 3;
            let mut part = vec![0];
            let mut used = 1 + key;
            for (i, wi) in w.iter().enumerate().skip(1) {
                if part.len() > 1 && used + wi + 3 > avail {
                    parts.push(std::mem::replace(&mut part, vec![0]));
                    used = 1 + key;
                }
                part.push(i);
                used += wi + 3;
            }
            parts.push(part);
        }
        let wrap_text = |t: &str| if self.style.term_width.is_some() { wrap(t, avail) } else { t.to_string() };
        if !head.title.is_empty() {
            writeln!(self.out, "{}", wrap_text(&head.title))?;
        }
        let count = parts.len();
        for (k, part) in parts.iter().enumerate() {
            if count > 1 {
                let (first, last) = (part.get(1).copied().unwrap_or(0) + 1, part.last().copied().unwrap_or(0) + 1);
                writeln!(
                    self.out,
                    "{}",
                    crate::t!("table-part", first = first, last = last, n = n, part = k + 1, count = count)
                )?;
            }
            let mut t = comfy_table::Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED);
            t.set_content_arrangement(ContentArrangement::Dynamic);
            t.set_width(u16::try_from(avail).unwrap_or(u16::MAX));
            let header: Vec<comfy_table::Cell> = part
                .iter()
                .map(|&i| {
                    let cell = comfy_table::Cell::new(&head.columns[i].label);
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
            for r in &rows {
                t.add_row(part.iter().map(|&i| r.get(i).map_or(String::new(), |c| render(c, digits))));
            }
            for (j, &i) in part.iter().enumerate() {
                if let Some(col) = t.column_mut(j) {
                    if head.columns[i].numeric {
                        col.set_cell_alignment(CellAlignment::Right);
                    }
                    // never narrower than a number or a header's longest word (+ the padding)
                    let min = u16::try_from(w[i] + 2).unwrap_or(u16::MAX);
                    col.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(min)));
                }
            }
            writeln!(self.out, "{t}")?;
        }
        if self.left_out > 0 {
            writeln!(
                self.out,
                "{}",
                wrap_text(&crate::t!("table-left-out", n = self.left_out, max = self.style.max_table_rows))
            )?;
        }
        if digits < self.style.precision {
            writeln!(self.out, "{}", wrap_text(&crate::t!("table-fewer-digits", digits = digits, width = avail)))?;
        }
        for n in &self.notes {
            writeln!(self.out, "{}", wrap_text(n))?;
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
