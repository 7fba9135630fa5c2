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
use std::io::Read;

const CHUNK: usize = 1 << 20;

/// Parse, compute and format one run of whitespace-separated tokens.
/// Err(()) if a token is not a plain number (the caller re-runs it slowly).
fn work(
    text: &[u8],
    funcs: &[(&'static Activation, Params)],
    deriv: bool,
    sep: u8,
    out: &mut Vec<u8>,
) -> Result<(), ()> {
    let mut buf = zmij::Buffer::new();
    let mut put = |out: &mut Vec<u8>, x: f64| {
        let s = super::super::render::num::shortest_into(x, &mut buf);
        out.extend_from_slice(s.as_bytes());
    };
    let n = text.len();
    let mut i = 0;
    loop {
        while i < n && text[i].is_ascii_whitespace() {
            i += 1;
        }
        if i == n {
            break;
        }
        let start = i;
        while i < n && !text[i].is_ascii_whitespace() {
            i += 1;
        }
        let s = std::str::from_utf8(&text[start..i]).map_err(|_| ())?;
        let x = super::input::parse_token(s).map_err(|_| ())?;
        put(out, x);
        for (f, p) in funcs {
            out.push(sep);
            put(out, f.value(x, p));
            if deriv {
                out.push(sep);
                put(out, f.deriv(x, p));
            }
        }
        out.push(b'\n');
    }
    Ok(())
}

/// Stream numbers from `input` as rows of `sep`-separated text through `write`.
/// `slow` handles a chunk with a bad token (and reports it precisely).
pub fn delimited(
    input: &mut dyn Read,
    funcs: &[(&'static Activation, Params)],
    deriv: bool,
    sep: u8,
    mut write: impl FnMut(&[u8]) -> std::io::Result<()>,
    mut slow: impl FnMut(&[u8], u64) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut buf = vec![0u8; CHUNK];
    let mut len = 0;
    let mut line = 1u64;
    let (mut out_a, mut out_b) = (Vec::with_capacity(CHUNK * 2), Vec::with_capacity(CHUNK * 2));
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
        // a fast producer (a full pipe, a file): gather a bigger chunk before working;
        // a slow one (a person typing): answer at once
        if !eof && n >= 32768 && len + 65536 <= buf.len() {
            continue;
        }
        // whole tokens end at the last whitespace (or at EOF)
        let cut = if eof { len } else { buf[..len].iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |i| i + 1) };
        if cut == 0 {
            if len == buf.len() {
                return Err(Error::Failed(format!("stdin line {line}: a token longer than 1 MiB is not a number")));
            }
            continue;
        }
        let text = &buf[..cut];
        let mid = text[..text.len() / 2].iter().rposition(|b| b.is_ascii_whitespace()).map_or(0, |i| i + 1);
        let (a, b) = text.split_at(mid);
        out_a.clear();
        out_b.clear();
        let (ra, rb) = if a.len() > 4096 {
            std::thread::scope(|s| {
                let h = s.spawn(|| work(a, funcs, deriv, sep, &mut out_a));
                let rb = work(b, funcs, deriv, sep, &mut out_b);
                (h.join().unwrap_or(Err(())), rb)
            })
        } else {
            (work(a, funcs, deriv, sep, &mut out_a), work(b, funcs, deriv, sep, &mut out_b))
        };
        if ra.is_ok() && rb.is_ok() {
            write(&out_a)?;
            write(&out_b)?;
        } else {
            slow(text, line)?;
        }
        line += text.iter().filter(|b| **b == b'\n').count() as u64;
        super::check_interrupt()?;
        buf.copy_within(cut..len, 0);
        len -= cut;
    }
    Ok(())
}
