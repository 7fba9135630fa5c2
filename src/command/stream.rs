//! The fast streaming path: CSV/TSV rows for numbers from stdin or for a range, on
//! both cores.
//!
//! Input is read in chunks (whatever one read brings, up to 1 MiB); each chunk's whole
//! tokens are split in two halves at a whitespace boundary, one half parsed, computed
//! and formatted by a helper thread while this thread does the other, and the two
//! outputs are written in order. A range is cut into chunks of points the same way.
//! Memory stays bounded (a chunk per thread) however long the input; results are
//! written after every chunk, so they appear as input arrives. Any bad token sends its
//! chunk through the ordinary path for a precise message.

use super::Error;
use super::input::Range;
use crate::activation::Function;
use crate::render::delimited::{json_row, markdown_row, number_row};
use crate::render::num::Out;
use crate::report::RowFormat;
use std::io::Read;
use std::sync::mpsc::{Receiver, Sender, channel};

const CHUNK: usize = 1 << 20;
/// Points of a range per chunk (about as many as a 1 MiB chunk of full-precision input).
const RANGE_CHUNK: u64 = 1 << 16;

impl Spec<'_> {
    /// Output columns besides x.
    fn columns(&self) -> usize {
        self.funcs.len() * (1 + self.deriv as usize)
    }

    /// Bytes of input read at once: fewer as the columns grow, so that a chunk's
    /// results (up to ~25 bytes per value) stay within a few tens of MiB whatever the
    /// number of functions.
    fn read_size(&self) -> usize {
        (CHUNK / (1 + self.columns())).max(4096)
    }

    /// Points of a range per chunk, likewise.
    fn range_chunk(&self) -> u64 {
        (RANGE_CHUNK / (1 + self.columns()) as u64).max(256)
    }
}

/// What to compute and how to print it.
#[derive(Clone, Copy)]
pub struct Spec<'a> {
    pub funcs: &'a [Function],
    pub deriv: bool,
    pub format: &'a RowFormat,
}

/// Where a chunk's x values come from.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// Whitespace-separated tokens.
    Text(&'a [u8]),
    /// Points `from..to` of a range.
    Points(&'a Range, u64, u64),
}

/// One thread's buffers, kept across chunks.
#[derive(Default)]
struct Bufs {
    xs: Vec<f64>,
    ys: Vec<f64>,
    out: Out,
}

impl Bufs {
    /// Parse (or generate), compute and format one chunk, in three passes (each keeps
    /// its own code and branch history hot, which is measurably faster than one value
    /// at a time). Ok(the number of lines of text it spans); Err(()) if a token is not a
    /// plain finite number (the caller re-runs the chunk through the ordinary path,
    /// which decides about words like `inf` and names a bad token).
    fn run(&mut self, src: Source, spec: &Spec) -> Result<u64, ()> {
        let Bufs { xs, ys, out } = self;
        xs.clear();
        let lines = match src {
            Source::Text(text) => parse(text, xs)?,
            Source::Points(r, from, to) => {
                xs.extend((from..to).map(|i| r.point(i)));
                0
            }
        };
        let Spec { funcs, deriv, format } = *spec;
        let cols = funcs.len() * (1 + deriv as usize);
        ys.clear();
        ys.resize(xs.len() * cols, 0.0);
        for (c, f) in funcs.iter().enumerate() {
            // the catalogue's entries keep their own loop (the hot path of the stream)
            match (f, deriv) {
                (Function::Entry(a, p), true) => {
                    for (row, x) in ys.chunks_exact_mut(cols).zip(xs.iter()) {
                        (row[2 * c], row[2 * c + 1]) = a.value_and_deriv(*x, p);
                    }
                }
                (Function::Entry(a, p), false) => {
                    for (row, x) in ys.chunks_exact_mut(cols).zip(xs.iter()) {
                        row[c] = a.value(*x, p);
                    }
                }
                (_, true) => {
                    for (row, x) in ys.chunks_exact_mut(cols).zip(xs.iter()) {
                        (row[2 * c], row[2 * c + 1]) = f.value_and_deriv(*x);
                    }
                }
                (_, false) => {
                    for (row, x) in ys.chunks_exact_mut(cols).zip(xs.iter()) {
                        row[c] = f.value(*x);
                    }
                }
            }
        }
        out.clear();
        match format {
            RowFormat::Delimited(sep) => {
                for (row, x) in ys.chunks_exact(cols).zip(xs.iter()) {
                    number_row(out, *sep, *x, row);
                }
            }
            RowFormat::Markdown(digits) => {
                for (row, x) in ys.chunks_exact(cols).zip(xs.iter()) {
                    markdown_row(out, *digits, *x, row);
                }
            }
            RowFormat::Json(keys) => {
                for (row, x) in ys.chunks_exact(cols).zip(xs.iter()) {
                    json_row(out, keys, *x, row);
                }
            }
        }
        Ok(lines)
    }
}

/// The numbers of `text` into `xs`; Ok(the newlines seen), Err(()) at a token that is
/// not a plain finite number.
fn parse(text: &[u8], xs: &mut Vec<f64>) -> Result<u64, ()> {
    let n = text.len();
    let mut i = 0;
    let mut lines = 0;
    loop {
        while i < n && text[i].is_ascii_whitespace() {
            lines += (text[i] == b'\n') as u64;
            i += 1;
        }
        if i == n {
            return Ok(lines);
        }
        // the longest prefix that is a number must be the whole token
        let start = i;
        let (x, used) = fast_float2::parse_partial::<f64, _>(&text[i..]).map_err(|_| ())?;
        i += used;
        if i < n && !text[i].is_ascii_whitespace() {
            return Err(());
        }
        // NaN and the words for infinity cost what any number costs; an infinity
        // from overflow (1e999) goes to the ordinary path, which refuses it
        if x.is_infinite() && !is_word(&text[start..i]) {
            return Err(());
        }
        xs.push(x);
    }
}

/// `inf`, `-Infinity`…: a number written as a word (not an overflowing decimal).
fn is_word(token: &[u8]) -> bool {
    token.iter().any(u8::is_ascii_alphabetic) && !token.iter().any(u8::is_ascii_digit)
}

/// A job for the helper thread: its input, its buffers and, back, its result.
struct Job {
    text: Vec<u8>,
    points: Option<(Range, u64, u64)>,
    bufs: Bufs,
    result: Result<u64, ()>,
}

/// This thread's side of a helper thread that lives as long as the stream (a thread
/// started per chunk often began on the busy core and lost a quarter of the gain).
struct Helper {
    to: Sender<Box<Job>>,
    from: Receiver<Box<Job>>,
    /// The job's box while it is here, so its buffers are reused.
    job: Option<Box<Job>>,
    /// This thread's own buffers.
    mine: Bufs,
}

/// The two outputs in order and the lines of text they span, or Err(()) for a bad token.
type Halves<'a> = Result<(u64, [&'a [u8]; 2]), ()>;

/// The helper thread is gone: a bug.
fn stopped() -> Error {
    Error::Failed(crate::t!("internal-helper-stopped"))
}

impl Helper {
    /// Run a scope with a helper thread for `spec`.
    fn with<R>(spec: Spec, f: impl FnOnce(&mut Helper) -> R) -> R {
        std::thread::scope(|scope| {
            let (to, jobs) = channel::<Box<Job>>();
            let (done, from) = channel::<Box<Job>>();
            scope.spawn(move || {
                for mut job in jobs {
                    let Job { text, points, bufs, result } = &mut *job;
                    let src = match points {
                        Some((r, from, to)) => Source::Points(r, *from, *to),
                        None => Source::Text(text),
                    };
                    *result = bufs.run(src, &spec);
                    if done.send(job).is_err() {
                        break;
                    }
                }
            });
            let job = Job { text: Vec::new(), points: None, bufs: Bufs::default(), result: Ok(0) };
            f(&mut Helper { to, from, job: Some(Box::new(job)), mine: Bufs::default() })
        })
    }

    /// `a` on the helper while `b` runs here (both here if they are small); then the two
    /// outputs in order, or Err(()) if either had a bad token.
    fn split(&mut self, a: Source, b: Source, spec: &Spec) -> Result<Halves<'_>, Error> {
        let mut job = self.job.take().ok_or_else(stopped)?;
        let big = match a {
            Source::Text(t) => t.len() > 4096,
            Source::Points(_, from, to) => to - from > 256,
        };
        let (ra, rb) = if big {
            match a {
                Source::Text(t) => {
                    job.text.clear();
                    job.text.extend_from_slice(t);
                    job.points = None;
                }
                Source::Points(r, from, to) => job.points = Some((r.clone(), from, to)),
            }
            self.to.send(job).map_err(|_| stopped())?;
            let rb = self.mine.run(b, spec);
            job = self.from.recv().map_err(|_| stopped())?;
            (job.result, rb)
        } else {
            (job.bufs.run(a, spec), self.mine.run(b, spec))
        };
        let job = self.job.insert(job);
        Ok(match (ra, rb) {
            (Ok(la), Ok(lb)) => Ok((la + lb, [job.bufs.out.as_bytes(), self.mine.out.as_bytes()])),
            _ => Err(()),
        })
    }
}

/// Rows for the points of `r` through `write`, chunk by chunk.
pub fn range(r: &Range, spec: Spec, mut write: impl FnMut(&[u8]) -> std::io::Result<()>) -> Result<(), Error> {
    Helper::with(spec, |helper| {
        let mut i = 0;
        while i < r.count {
            let n = spec.range_chunk().min(r.count - i);
            let mid = i + n / 2;
            let halves = helper.split(Source::Points(r, i, mid), Source::Points(r, mid, i + n), &spec)?;
            let (_, [a, b]) = halves.map_err(|_| Error::Failed(crate::t!("internal-range-point")))?;
            write(a)?;
            write(b)?;
            super::check_interrupt()?;
            i += n;
        }
        Ok(())
    })
}

/// Stream numbers from `input` as rows of `sep`-separated text through `write`.
/// `slow` handles a chunk with a bad token (and reports it precisely).
pub fn delimited(
    input: &mut dyn Read,
    spec: Spec,
    mut write: impl FnMut(&[u8]) -> std::io::Result<()>,
    mut slow: impl FnMut(&[u8], u64) -> Result<(), Error>,
) -> Result<(), Error> {
    Helper::with(spec, |helper| {
        let mut buf = vec![0u8; CHUNK];
        let mut len = 0;
        let mut line = 1u64;
        let mut eof = false;
        while !eof {
            let room = (len + spec.read_size()).min(buf.len());
            let n = loop {
                match input.read(&mut buf[len..room]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        return Err(Error::Failed(crate::t!("stdin-cannot-read", error = crate::i18n::io_error(&e))));
                    }
                }
            };
            len += n;
            eof = n == 0;
            // work on whatever the read brought (a file: a whole chunk; a pipe: what the
            // producer has written so far): never wait for more input before answering
            // what has arrived, so a program that feeds actlab and waits for the answers
            // (a coprocess) cannot deadlock with it.
            // Whole tokens end at the last whitespace (or at EOF).
            let cut =
                if eof { len } else { buf[..len].iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |i| i + 1) };
            if cut == 0 {
                if len == buf.len() {
                    return Err(Error::Failed(crate::t!("stdin-token-too-long", line = line)));
                }
                continue;
            }
            let text = &buf[..cut];
            let mid = text[..text.len() / 2].iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |i| i + 1);
            let (a, b) = text.split_at(mid);
            match helper.split(Source::Text(a), Source::Text(b), &spec)? {
                Ok((lines, [out_a, out_b])) => {
                    write(out_a)?;
                    write(out_b)?;
                    line += lines;
                }
                Err(()) => {
                    slow(text, line)?;
                    line += text.iter().filter(|b| **b == b'\n').count() as u64;
                }
            }
            super::check_interrupt()?;
            buf.copy_within(cut..len, 0);
            len -= cut;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the fast path makes of one token: Some(x) or None (handed to the slow path).
    fn fast(token: &str) -> Option<f64> {
        let funcs = [Function::entry(crate::activation::lookup("identity").unwrap())];
        let mut bufs = Bufs::default();
        bufs.run(
            Source::Text(token.as_bytes()),
            &Spec { funcs: &funcs, deriv: false, format: &RowFormat::Delimited(b',') },
        )
        .ok()?;
        Some(bufs.xs[0])
    }

    /// The fast path takes a token only if the ordinary parser gives the same double.
    fn agrees(token: &str) -> Result<(), String> {
        if let Some(x) = fast(token) {
            match super::super::input::parse_token(token) {
                Ok(y) if y.to_bits() == x.to_bits() => {}
                other => return Err(format!("{token:?}: fast {x:?}, ordinary {other:?}")),
            }
        }
        Ok(())
    }

    #[test]
    fn tricky_tokens() {
        for t in [
            "1",
            "-0",
            "+1.5",
            "1.",
            ".5",
            "-.5",
            "1e5",
            "1E+05",
            "1e-400",
            "1e400",
            "0x1p3",
            "1_0",
            "inf",
            "-inf",
            "nan",
            "NaN",
            "infinity",
            "00012",
            "1.5e",
            "1e+",
            "--1",
            "1..2",
            "+-1",
            "1,5",
            "٣",
            "1e99999999999",
            "4.9e-324",
            "2.2250738585072011e-308",
            "1.7976931348623157e308",
            "9007199254740993",
            "-nan",
            "+inf",
            "Infinity",
            "-Infinity",
            "INF",
            "nAn",
            "infin",
            "1inf",
            "inf1",
        ] {
            agrees(t).unwrap();
        }
        // NaN and infinities cost what a number costs: they take the fast path too
        for t in ["nan", "NaN", "inf", "-inf", "infinity"] {
            assert!(fast(t).is_some(), "{t}");
        }
        // the common forms do take the fast path
        for t in ["1", "-0", "+1.5", "1.", ".5", "1e5", "1E+05", "00012", "4.9e-324"] {
            assert!(fast(t).is_some(), "{t}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn random_tokens_agree(t in "[-+0-9.eE]{1,25}") {
            prop_assert!(agrees(&t).is_ok(), "{}", agrees(&t).unwrap_err());
        }
    }
}
