//! The fast streaming path: numbers from stdin to CSV/TSV rows, on both cores.
//!
//! Input is read in chunks (whatever the pipe has, up to 1 MiB); each chunk's whole
//! tokens are split in two halves at a whitespace boundary, one half parsed,
//! computed and formatted on a second thread while this thread does the other, and
//! the two outputs are written in order. Memory stays bounded (two chunks) however
//! long the input; results are flushed after every chunk, so they appear as input
//! arrives. Any bad token sends the chunk through the ordinary path for a precise
//! message.

use super::Error;
use crate::activation::{Activation, Params};
use crate::render::num::{MAX_LEN, Out};
use std::io::Read;

const CHUNK: usize = 1 << 20;

/// Parse, compute and format one run of whitespace-separated tokens, in three passes
/// (parse all, compute all, format all: each pass keeps its own code and branch
/// history hot, which is measurably faster than doing one value at a time).
/// Ok(the number of lines it spans); Err(()) if a token is not a plain finite number (the caller re-runs the chunk
/// through the ordinary path, which decides about words like `inf` and names a bad token).
fn work(
    text: &[u8],
    funcs: &[(&'static Activation, Params)],
    deriv: bool,
    sep: u8,
    bufs: &mut Bufs,
) -> Result<u64, ()> {
    let Bufs { xs, ys, out } = bufs;
    xs.clear();
    let n = text.len();
    let mut i = 0;
    let mut lines = 0;
    loop {
        while i < n && text[i].is_ascii_whitespace() {
            lines += (text[i] == b'\n') as u64;
            i += 1;
        }
        if i == n {
            break;
        }
        // the longest prefix that is a number must be the whole token
        let (x, used) = fast_float2::parse_partial::<f64, _>(&text[i..]).map_err(|_| ())?;
        i += used;
        if !x.is_finite() || (i < n && !text[i].is_ascii_whitespace()) {
            return Err(());
        }
        xs.push(x);
    }
    let cols = funcs.len() * (1 + deriv as usize);
    ys.clear();
    ys.resize(xs.len() * cols, 0.0);
    for (c, (f, p)) in funcs.iter().enumerate() {
        if deriv {
            for (row, x) in ys.chunks_exact_mut(cols).zip(xs.iter()) {
                (row[2 * c], row[2 * c + 1]) = f.value_and_deriv(*x, p);
            }
        } else {
            for (row, x) in ys.chunks_exact_mut(cols).zip(xs.iter()) {
                row[c] = f.value(*x, p);
            }
        }
    }
    out.clear();
    for (row, x) in ys.chunks_exact(cols).zip(xs.iter()) {
        out.reserve((1 + cols) * (MAX_LEN + 1));
        out.number(*x);
        for y in row {
            out.push(sep);
            out.number(*y);
        }
        out.push(b'\n');
    }
    Ok(lines)
}

/// One thread's buffers, kept across chunks.
#[derive(Default)]
struct Bufs {
    xs: Vec<f64>,
    ys: Vec<f64>,
    out: Out,
}

/// A job for the helper thread: its text, its buffers and, back, its result.
struct Job {
    text: Vec<u8>,
    bufs: Bufs,
    result: Result<u64, ()>,
}

/// Stream numbers from `input` as rows of `sep`-separated text through `write`.
/// `slow` handles a chunk with a bad token (and reports it precisely).
///
/// A helper thread lives as long as the stream (a thread started per chunk often
/// began on the busy core and lost a third of the gain); it gets the first half of
/// every big chunk, copied, while this thread does the second half.
pub fn delimited(
    input: &mut dyn Read,
    funcs: &[(&'static Activation, Params)],
    deriv: bool,
    sep: u8,
    mut write: impl FnMut(&[u8]) -> std::io::Result<()>,
    mut slow: impl FnMut(&[u8], u64) -> Result<(), Error>,
) -> Result<(), Error> {
    std::thread::scope(|scope| {
        let (to_helper, jobs) = std::sync::mpsc::channel::<Box<Job>>();
        let (done, from_helper) = std::sync::mpsc::channel::<Box<Job>>();
        scope.spawn(move || {
            for mut job in jobs {
                job.result = work(&job.text, funcs, deriv, sep, &mut job.bufs);
                if done.send(job).is_err() {
                    break;
                }
            }
        });
        let mut spare = Some(Box::new(Job { text: Vec::new(), bufs: Bufs::default(), result: Ok(0) }));
        let mut mine = Box::<Bufs>::default();
        let mut buf = vec![0u8; CHUNK];
        let mut len = 0;
        let mut line = 1u64;
        let mut eof = false;
        while !eof {
            let n = loop {
                match input.read(&mut buf[len..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(Error::Failed(format!("cannot read stdin: {e}"))),
                }
            };
            len += n;
            eof = n == 0;
            // work on whatever the read brought (a file: a whole chunk; a pipe: what the
            // producer has written so far): never wait for more input before answering
            // what has arrived, so a program that feeds actlab and waits for the answers
            // (a coprocess) cannot deadlock with it
            // whole tokens end at the last whitespace (or at EOF)
            let cut =
                if eof { len } else { buf[..len].iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |i| i + 1) };
            if cut == 0 {
                if len == buf.len() {
                    return Err(Error::Failed(format!("stdin line {line}: a token longer than 1 MiB is not a number")));
                }
                continue;
            }
            let text = &buf[..cut];
            let mid = text[..text.len() / 2].iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |i| i + 1);
            let (a, b) = text.split_at(mid);
            let mut job = spare.take().expect("the helper's job is back");
            let (ra, rb) = if a.len() > 4096 {
                job.text.clear();
                job.text.extend_from_slice(a);
                to_helper.send(job).map_err(|_| Error::Failed("internal error: the helper thread stopped".into()))?;
                let rb = work(b, funcs, deriv, sep, &mut mine);
                job = from_helper
                    .recv()
                    .map_err(|_| Error::Failed("internal error: the helper thread stopped".into()))?;
                (job.result, rb)
            } else {
                (work(a, funcs, deriv, sep, &mut job.bufs), work(b, funcs, deriv, sep, &mut mine))
            };
            if let (Ok(la), Ok(lb)) = (ra, rb) {
                write(job.bufs.out.as_bytes())?;
                write(mine.out.as_bytes())?;
                line += la + lb;
            } else {
                slow(text, line)?;
                line += text.iter().filter(|b| **b == b'\n').count() as u64;
            }
            spare = Some(job);
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
        let f = crate::activation::lookup("identity").unwrap();
        let funcs = [(f, f.default_params())];
        let mut bufs = Bufs::default();
        work(token.as_bytes(), &funcs, false, b',', &mut bufs).ok()?;
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
        ] {
            agrees(t).unwrap();
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
