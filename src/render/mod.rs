//! Renderers: turn a streamed result (see [`crate::report`]) into a table
//! (comfy-table), CSV, TSV, JSON or Markdown, written to any `io::Write`.

pub mod delimited;
mod json;
mod markdown;
pub mod num;
pub mod palette;
pub mod plot;
pub mod svg;
mod table;

pub use table::wrap;

use crate::report::Sink;
use std::io::Write;

/// Output formats (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// aligned table for people (rounded to --precision)
    Table,
    /// comma-separated, header first, shortest round-trip numbers; several results are separated by an empty line
    Csv,
    /// tab-separated, header first, shortest round-trip numbers; several results are separated by an empty line
    Tsv,
    /// one JSON document: an object (title, columns, rows, notes), or an array of them when there are several
    Json,
    /// a Markdown table
    Markdown,
}

/// How to render: format, significant digits for tables, colour.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub format: Format,
    pub precision: usize,
    pub color: bool,
    /// Table rows kept before the rest are counted and left out.
    pub max_table_rows: usize,
    /// Width of the terminal, when output goes to one.
    pub term_width: Option<u16>,
}

impl Default for Style {
    fn default() -> Style {
        Style { format: Format::Table, precision: 10, color: false, max_table_rows: 1000, term_width: None }
    }
}

/// A sink that renders in `style` to `out`.
pub fn sink<'a>(style: Style, out: &'a mut dyn Write) -> Box<dyn Sink + 'a> {
    match style.format {
        Format::Table => Box::new(table::Table::new(style, out)),
        Format::Csv => Box::new(delimited::Delimited::new(b',', out)),
        Format::Tsv => Box::new(delimited::Delimited::new(b'\t', out)),
        Format::Json => Box::new(json::Json::new(out)),
        Format::Markdown => Box::new(markdown::Markdown::new(style, out)),
    }
}
