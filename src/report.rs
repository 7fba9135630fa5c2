//! The front-end-neutral result: a titled table of typed columns, streamed row by
//! row into a [`Sink`], followed by notes. Renderers implement `Sink`; commands
//! only ever talk to a `Sink`, so every command works in every format and front end.

use std::io;

/// One cell of a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Num(f64),
    Int(i64),
    Text(String),
    /// A row's name: the stable English key in CSV, TSV and JSON, the label (in the
    /// current language) in tables and Markdown.
    Key {
        key: String,
        label: String,
    },
    Empty,
}

impl Cell {
    /// A row's name with its label given.
    pub fn keyed(key: impl Into<String>, label: impl Into<String>) -> Cell {
        Cell::Key { key: key.into(), label: label.into() }
    }

    /// A row's name, labelled in the current language (see [`crate::i18n::column`]).
    pub fn key(key: impl Into<String>) -> Cell {
        let key = key.into();
        Cell::Key { label: crate::i18n::column(&key), key }
    }
}

/// A column's name, its header for people, and what its cells hold (numbers are
/// right-aligned in tables). The name is the stable English key of the machine
/// formats (CSV, TSV, JSON); the label, in the current language, heads the table and
/// Markdown (the same as the name unless set with [`Column::label`]).
#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub label: String,
    pub numeric: bool,
}

impl Column {
    /// A column of numbers; its label is the name in the current language.
    pub fn num(name: impl Into<String>) -> Column {
        let name = name.into();
        Column { label: crate::i18n::column(&name), name, numeric: true }
    }
    /// A column of text; its label is the name in the current language.
    pub fn text(name: impl Into<String>) -> Column {
        let name = name.into();
        Column { label: crate::i18n::column(&name), name, numeric: false }
    }
    /// A column of numbers named `KEY` with one series, `PREFIX KEY` with several
    /// (`gelu product`): the prefix (a function's name) is not translated.
    pub fn num_of(prefix: Option<&str>, key: &str) -> Column {
        match prefix {
            None => Column::num(key),
            Some(p) => {
                Column { name: format!("{p} {key}"), label: format!("{p} {}", crate::i18n::column(key)), numeric: true }
            }
        }
    }
    /// The header people read, when it differs from the key.
    pub fn label(mut self, label: impl Into<String>) -> Column {
        self.label = label.into();
        self
    }
}

/// The head of a result: title and columns.
#[derive(Clone, Debug)]
pub struct Head {
    pub title: String,
    pub columns: Vec<Column>,
}

/// What a sink says after a row: go on, or stop sending rows (a table at its row
/// limit keeps no more; the caller then reports how many it did not send with
/// [`Sink::left_out`] instead of computing them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Send more.
    Continue,
    /// Send no more rows.
    Stop,
}

/// Where results go. Calls come in the order begin, row*, note*, end. `end` may be
/// called again (or with nothing begun) and then does nothing: a command that fails
/// half-way is ended by its caller, so the rows before the error are written and a
/// JSON document is closed.
pub trait Sink {
    fn begin(&mut self, head: &Head) -> io::Result<()>;
    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow>;
    fn note(&mut self, note: &str) -> io::Result<()>;
    fn end(&mut self) -> io::Result<()>;
    /// The command failed half-way: write what it produced (the rows before the error)
    /// and close the result; a table with no rows yet is dropped instead.
    fn abort(&mut self) -> io::Result<()> {
        self.end()
    }
    /// Output that is not a table (help text, messages).
    fn text(&mut self, text: &str) -> io::Result<()>;
    /// Text that must reach the output unchanged in every format (a completion
    /// script, a man page).
    fn verbatim(&mut self, text: &str) -> io::Result<()> {
        self.text(text)
    }
    /// Push out what is buffered (streamed input: results appear as input arrives).
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// `n` rows that were not sent after the sink said [`Flow::Stop`].
    fn left_out(&mut self, _n: u64) {}
    /// The command is over (whether it succeeded or not): close the document.
    fn finish(&mut self) -> io::Result<()> {
        self.flush()
    }
    /// A plot. By default its points as a table (series, x, y): what CSV, TSV and
    /// JSON give; the table renderer draws it in braille instead.
    fn plot(&mut self, plot: &crate::render::plot::Plot) -> io::Result<()> {
        self.begin(&Head {
            title: plot.title.clone(),
            columns: vec![Column::text("series"), Column::num(plot.x_label.clone()), Column::num(plot.y_label.clone())],
        })?;
        for s in &plot.series {
            let series =
                if s.key.is_empty() { Cell::Text(s.name.clone()) } else { Cell::keyed(s.key.clone(), s.name.clone()) };
            for &(x, y) in &s.points {
                if x.is_finite()
                    && y.is_finite()
                    && self.row(&[series.clone(), Cell::Num(x), Cell::Num(y)])? == Flow::Stop
                {
                    break;
                }
            }
        }
        self.end()
    }
    /// How a streaming command may format rows of numbers itself, on two cores, and
    /// hand them to [`Sink::raw`] (CSV, TSV, Markdown, JSON; a table keeps its rows).
    fn row_format(&self) -> Option<RowFormat> {
        None
    }
    /// Rows already formatted for this sink (see [`Sink::row_format`]).
    fn raw(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }
}

/// Rows of numbers as a sink writes them, for the streaming path: exactly what the
/// sink's own `row` writes for the same cells.
#[derive(Clone, Debug, PartialEq)]
pub enum RowFormat {
    /// CSV and TSV: fields joined by the separator, shortest round-trip numbers.
    Delimited(u8),
    /// Markdown: `| x | y |`, numbers to this many significant digits.
    Markdown(usize),
    /// JSON: `,\n{"key":number,…}` with these quoted keys (the sink drops the comma
    /// before its first row); a number that is not finite is a string.
    Json(Vec<String>),
}

/// A sink that keeps everything: for tests and for callers that want values.
#[derive(Default, Debug)]
pub struct Collected {
    pub heads: Vec<Head>,
    pub rows: Vec<Vec<Cell>>,
    pub notes: Vec<String>,
    pub texts: Vec<String>,
}

impl Sink for Collected {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.heads.push(head.clone());
        Ok(())
    }
    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        self.rows.push(cells.to_vec());
        Ok(Flow::Continue)
    }
    fn note(&mut self, note: &str) -> io::Result<()> {
        self.notes.push(note.to_string());
        Ok(())
    }
    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn text(&mut self, text: &str) -> io::Result<()> {
        self.texts.push(text.to_string());
        Ok(())
    }
}
