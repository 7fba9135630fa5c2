//! Renderers: a result (see `crate::report`) as a table, CSV, TSV, JSON or Markdown.
pub mod num;
