//! `--svg FILE`: a sink that writes plots to an SVG file (plotters) and says so in the
//! format chosen for everything else; rows, notes and text pass through to it.

use crate::render::plot::{Plot, svg};
use crate::report::{Cell, Flow, Head, Sink};
use std::io;
use std::path::Path;

/// Plots go to `path`, everything else to `inner`.
pub struct SvgFile<'a> {
    path: &'a Path,
    inner: &'a mut dyn Sink,
}

impl<'a> SvgFile<'a> {
    pub fn new(path: &'a Path, inner: &'a mut dyn Sink) -> Self {
        SvgFile { path, inner }
    }
}

impl Sink for SvgFile<'_> {
    fn begin(&mut self, head: &Head) -> io::Result<()> {
        self.inner.begin(head)
    }
    fn row(&mut self, cells: &[Cell]) -> io::Result<Flow> {
        self.inner.row(cells)
    }
    fn note(&mut self, note: &str) -> io::Result<()> {
        self.inner.note(note)
    }
    fn end(&mut self) -> io::Result<()> {
        self.inner.end()
    }
    fn abort(&mut self) -> io::Result<()> {
        self.inner.abort()
    }
    fn text(&mut self, text: &str) -> io::Result<()> {
        self.inner.text(text)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
    fn plot(&mut self, plot: &Plot) -> io::Result<()> {
        svg(plot, self.path, 800, 500).map_err(io::Error::other)?;
        let names: Vec<&str> = plot.series.iter().map(|s| s.name.as_str()).collect();
        self.inner.text(&crate::t!(
            "svg-wrote",
            path = self.path.display(),
            n = plot.series.len(),
            names = names.join(", ")
        ))
    }
}
