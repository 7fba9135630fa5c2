//! Numbers as people type them: plain decimals, `inf`, `-inf`, `nan`, ranges
//! `A..B:STEP`, and `-` for numbers read from standard input (streamed).

use crate::shown::{escape, shown};
use crate::t;
use std::io::BufRead;

/// Most points one range may hold.
pub const MAX_RANGE_POINTS: u64 = 10_000_000_000;

/// Parse one number, naming what is wrong with it.
pub fn parse_number(s: &str) -> Result<f64, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(t!("number-nothing"));
    }
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if body.starts_with("0x") {
        return Err(t!("number-hex", text = shown(s)));
    }
    if t.contains('_') {
        return Err(t!("number-underscore", text = shown(s)));
    }
    if t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || ",.-+eE".contains(c)) {
        return Err(t!("number-comma", text = shown(s)));
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_infinite() && !matches!(body, "inf" | "infinity") => {
            Err(t!("number-out-of-range", text = shown(s)))
        }
        Ok(v) => Ok(v),
        // anything else may be a formula: sqrt(2), -pi/4, 1/3, sigmoid(1), a `let` constant
        Err(_) if t.chars().all(|c| c.is_ascii() || c == 'π') => formula_number(t),
        Err(_) => Err(not_a_number(t)),
    }
}

/// The value of a formula with no variable, with the session's definitions.
fn formula_number(t: &str) -> Result<f64, String> {
    crate::defs::with(|d| {
        d.constant(t).map_err(|e| {
            use crate::formula::ErrorKind as K;
            // a lone word that is no name at all reads best as "not a number"
            let lone = t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            if lone && matches!(e.kind, K::UnknownName(_) | K::BadNumber | K::Unexpected { .. }) {
                let hint = match &e.kind {
                    K::UnknownName(n) => crate::messages::name_suggestion(n, d).unwrap_or_default(),
                    _ => String::new(),
                };
                return t!("number-not-a-number", text = shown(t), hint = hint);
            }
            t!("number-not-a-number-why", text = shown(t), why = crate::messages::formula_error(&e, t, d))
        })
    })
}

/// Why `t` (not a number) is not one, naming a character from outside ASCII, which
/// people paste from documents: the minus sign −, digits of other scripts, π.
fn not_a_number(t: &str) -> String {
    let Some(c) = t.chars().find(|c| !c.is_ascii()) else {
        return t!("number-not-a-number", text = shown(t), hint = "");
    };
    let code = format!("U+{:04X}", c as u32);
    let why = match c {
        '\u{2212}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{fe63}' | '\u{ff0d}' => {
            t!("dash-not-minus", char = c, code = code)
        }
        '\u{ff10}'..='\u{ff19}' | '\u{ff0e}' => t!("number-full-width", char = c, code = code),
        c if c.is_numeric() => t!("number-not-ascii-digit", char = c, code = code),
        'π' => t!("number-pi"),
        c => t!("number-bad-char", char = escape(&c.to_string()), code = code),
    };
    t!("number-not-a-number-why", text = shown(t), why = why)
}

/// One token of a number stream: the plain parse when it gives a finite number or
/// NaN (the hot path), else [`parse_number`] (the words for infinity, or a message).
#[inline]
pub fn parse_token(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if !v.is_infinite() => Ok(v),
        _ => parse_number(s),
    }
}

/// A list of numbers as typed, naming the first bad one.
pub fn parse_numbers(words: &[String]) -> Result<Vec<f64>, String> {
    words.iter().map(|w| parse_number(w)).collect()
}

/// A number of layers: a whole number from 1 to `max`.
/// (The messages follow clap's "invalid value 'X' for '<DEPTH>': ", which names it.)
pub fn parse_depth(s: &str, max: u64) -> Result<u64, String> {
    let v = parse_number(s.trim())?;
    if v.fract() != 0.0 || v < 1.0 {
        return Err(t!("depth-whole"));
    }
    if v > max as f64 {
        return Err(t!("depth-max", max = max));
    }
    Ok(v as u64)
}

/// One item of an X list.
#[derive(Clone, Debug, PartialEq)]
pub enum XItem {
    Number(f64),
    Range(Range),
    Stdin,
}

/// Points a, a + step, ... up to and including b when it is reached. Point i is the
/// correctly rounded a + i·step of the numbers as typed (`0..1:0.15` has 0.45 and 0.9,
/// as `0..0.9:0.15` does): a decimal start and step are carried in two doubles.
#[derive(Clone, Debug, PartialEq)]
pub struct Range {
    pub start: f64,
    pub end: f64,
    pub step: f64,
    pub count: u64,
    /// b is hit (within rounding).
    pub exact_end: bool,
    /// What the decimals as typed have beyond `start` and `step` (0 for formulas).
    pub start_lo: f64,
    pub step_lo: f64,
}

/// The part of a plain decimal (at most 15 significant digits, at most 22 decimals)
/// that its nearest double `hi` leaves out: `text` = hi + lo to about 1e-32 relative.
fn decimal_lo(text: &str, hi: f64) -> f64 {
    let t = text.trim();
    let (mant, exp) = match t.find(['e', 'E']) {
        Some(i) => (&t[..i], t[i + 1..].parse::<i32>().ok()),
        None => (t, Some(0)),
    };
    let Some(exp) = exp else { return 0.0 };
    let neg = mant.starts_with('-');
    let mant = mant.trim_start_matches(['+', '-']);
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if !(int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())) || int.len() + frac.len() == 0 {
        return 0.0;
    }
    let digits: String = format!("{int}{frac}").trim_start_matches('0').to_string();
    if digits.len() > 15 {
        return 0.0;
    }
    let m: f64 = if digits.is_empty() { 0.0 } else { digits.parse::<u64>().unwrap_or(0) as f64 };
    let k = frac.len() as i32 - exp; // value = m / 10^k
    if !(0..=22).contains(&k) {
        return 0.0;
    }
    let p = 10f64.powi(k); // exact for k <= 22
    // m - 10^k·|hi| is exact in one fma (a small multiple of ulp(hi)·10^k)
    let r = f64::mul_add(-p, hi.abs(), m) / p;
    if neg { -r } else { r }
}

impl Range {
    #[inline]
    pub fn point(&self, i: u64) -> f64 {
        let p = self.point_dd(i);
        if p.is_finite() {
            return p;
        }
        // near the largest doubles (1e308..1.7e308) the product overflows where the
        // point itself does not: compute scaled down by 2^40, exact at these magnitudes
        const DOWN: f64 = 1.0 / (1u64 << 40) as f64;
        (self.start * DOWN + self.step * DOWN * i as f64) / DOWN
    }

    /// a + i·step in two doubles, rounded once.
    #[inline]
    fn point_dd(&self, i: u64) -> f64 {
        let n = i as f64; // exact: at most 10^10 points
        let p1 = n * self.step;
        let e1 = f64::mul_add(n, self.step, -p1);
        let h = self.start + p1;
        let bb = h - self.start;
        let l = (self.start - (h - bb)) + (p1 - bb);
        h + (l + e1 + self.start_lo + n * self.step_lo)
    }
}

/// Parse `A..B:STEP` (STEP may be left out: 1).
pub fn parse_range(s: &str) -> Result<Range, String> {
    let q = shown(s);
    let (a, rest) = s.split_once("..").ok_or_else(|| t!("range-not-a-range", range = q))?;
    let (b, step) = match rest.split_once(':') {
        Some((b, st)) => (b, Some(st)),
        None => (rest, None),
    };
    let what = |e: String| t!("range-error", range = q, error = e);
    let start = parse_number(a).map_err(what)?;
    let end = parse_number(b).map_err(what)?;
    let step_text = step;
    let step = match step {
        Some(st) => parse_number(st).map_err(what)?,
        None => 1.0,
    };
    if !start.is_finite() || !end.is_finite() || !step.is_finite() {
        return Err(t!("range-not-finite", range = q));
    }
    if step == 0.0 {
        return Err(t!("range-step-zero", range = q, a = shown(a), b = shown(b)));
    }
    if (end - start) * step < 0.0 {
        return Err(if step > 0.0 {
            t!("range-wrong-way-down", range = q)
        } else {
            t!("range-wrong-way-up", range = q)
        });
    }
    // (end - start) overflows for ends near ±1.8e308: halve them first (exact)
    let span = if (end - start).is_finite() { (end - start) / step } else { (end / 2.0 - start / 2.0) / step * 2.0 };
    if !span.is_finite() || span >= MAX_RANGE_POINTS as f64 {
        let points = span.floor() + 1.0;
        // the exact count while a double holds it (0..1e10:1 has 10000000001, not "1e10")
        let points = if points < 1e15 {
            format!("{points:.0}")
        } else {
            t!("about", n = crate::render::num::significant(points, 3))
        };
        return Err(t!("range-too-many", range = q, points = points, max = MAX_RANGE_POINTS));
    }
    let nearest = span.round();
    let exact_end = (span - nearest).abs() <= 1e-9 * nearest.max(1.0);
    let count = if exact_end { nearest as u64 + 1 } else { span.floor() as u64 + 1 };
    if count > 1 && start + step == start {
        return Err(t!("range-step-too-small", range = q, a = shown(a)));
    }
    let (start_lo, step_lo) = (decimal_lo(a, start), step_text.map_or(0.0, |t| decimal_lo(t, step)));
    Ok(Range { start, end, step, count, exact_end, start_lo, step_lo })
}

/// Parse one X item: a number, a range or `-`.
pub fn parse_x(s: &str) -> Result<XItem, String> {
    let s = s.trim();
    if s == "-" {
        return Ok(XItem::Stdin);
    }
    // a range has ".." after its first character (the first may be a sign)
    let after_first = s.chars().next().map_or(0, char::len_utf8);
    if s[after_first..].contains("..") {
        return parse_range(s).map(XItem::Range);
    }
    parse_number(s).map(XItem::Number)
}

/// Read whitespace-separated numbers from `input` in chunks, calling `f` for each:
/// memory stays bounded whatever the input size. Errors name the token and its line,
/// counted from `first_line` (the line `input` starts at).
pub fn for_each_number(
    input: &mut dyn BufRead,
    first_line: u64,
    mut f: impl FnMut(f64) -> std::io::Result<()>,
    mut after_chunk: impl FnMut() -> std::io::Result<()>,
) -> Result<(), crate::command::Error> {
    use crate::command::Error;
    let mut line = first_line;
    let mut carry: Vec<u8> = Vec::new();
    let handle = |tok: &[u8], line: u64, f: &mut dyn FnMut(f64) -> std::io::Result<()>| -> Result<(), Error> {
        let text = std::str::from_utf8(tok).map_err(|_| Error::Failed(t!("stdin-not-utf8", line = line)))?;
        let x = parse_token(text).map_err(|e| Error::Failed(t!("stdin-line", line = line, error = e)))?;
        f(x).map_err(Error::Io)
    };
    loop {
        let buf =
            input.fill_buf().map_err(|e| Error::Failed(t!("stdin-cannot-read", error = crate::i18n::io_error(&e))))?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        let mut start = 0;
        for i in 0..n {
            let b = buf[i];
            if b.is_ascii_whitespace() {
                if !carry.is_empty() {
                    carry.extend_from_slice(&buf[start..i]);
                    let tok = std::mem::take(&mut carry);
                    handle(&tok, line, &mut f)?;
                } else if i > start {
                    handle(&buf[start..i], line, &mut f)?;
                }
                if b == b'\n' {
                    line += 1;
                }
                start = i + 1;
            }
        }
        carry.extend_from_slice(&buf[start..n]);
        if carry.len() > 1 << 20 {
            return Err(Error::Failed(t!("stdin-token-too-long", line = line)));
        }
        input.consume(n);
        after_chunk().map_err(Error::Io)?;
        crate::command::check_interrupt()?;
    }
    if !carry.is_empty() {
        handle(&carry, line, &mut f)?;
    }
    Ok(())
}

/// Read one column of CSV or TSV from `input` (`NAME` from the header line, or a
/// 1-based number `N`), calling `f` for each value: actlab's own CSV can be piped back
/// in (`actlab eval gelu -2..2:1 -f csv | actlab deriv tanh - --column gelu`). The
/// separator is a tab if the first line has one, else a comma; a first line that is
/// not numbers is the header.
pub fn for_each_in_column(
    input: &mut dyn BufRead,
    column: &str,
    mut f: impl FnMut(f64) -> std::io::Result<()>,
    mut after_line: impl FnMut() -> std::io::Result<()>,
) -> Result<(), crate::command::Error> {
    use crate::command::Error;
    let mut line = String::new();
    let mut n = 0u64;
    let mut index: Option<usize> = column.parse::<usize>().ok().filter(|i| *i >= 1).map(|i| i - 1);
    let mut sep = ',';
    loop {
        super::check_interrupt()?;
        line.clear();
        let read = std::io::Read::take(&mut *input, 1 << 20)
            .read_line(&mut line)
            .map_err(|e| Error::Failed(t!("stdin-cannot-read", error = crate::i18n::io_error(&e))))?;
        if read == 0 {
            return Ok(());
        }
        n += 1;
        let text = line.trim_end_matches(['\n', '\r']);
        if n == 1 && text.contains('\t') {
            sep = '\t';
        }
        if text.is_empty() {
            continue;
        }
        let fields: Vec<&str> = text.split(sep).map(|s| s.trim().trim_matches('"')).collect();
        if n == 1 {
            let header = fields.iter().any(|w| parse_token(w).is_err());
            if header {
                if index.is_none() {
                    let Some(i) = fields.iter().position(|w| *w == column) else {
                        let names = fields.join(", ");
                        return Err(Error::Usage(t!("column-no-such", column = shown(column), names = shown(&names))));
                    };
                    index = Some(i);
                }
                continue;
            }
            if index.is_none() {
                return Err(Error::Usage(t!("column-no-header", column = shown(column))));
            }
        }
        let i = index.unwrap_or(0);
        let Some(word) = fields.get(i) else {
            return Err(Error::Failed(t!("column-missing", line = n, column = i + 1, fields = fields.len())));
        };
        let x = parse_token(word).map_err(|e| Error::Failed(t!("stdin-line", line = n, error = e)))?;
        f(x).map_err(Error::Io)?;
        after_line().map_err(Error::Io)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("-1.5").unwrap(), -1.5);
        assert_eq!(parse_number("-inf").unwrap(), f64::NEG_INFINITY);
        assert!(parse_number("nan").unwrap().is_nan());
        assert_eq!(parse_number("5e-324").unwrap(), 5e-324);
        assert!(parse_number("1e999").unwrap_err().contains("out of range"));
        assert!(parse_number("0x10").unwrap_err().contains("hexadecimal"));
        assert!(parse_number("1_000").unwrap_err().contains("underscore"));
        assert!(parse_number("abc").unwrap_err().contains("'abc' is not a number"));
    }

    #[test]
    fn ranges() {
        let r = parse_range("-2..2:0.5").unwrap();
        assert_eq!(r.count, 9);
        let pts: Vec<f64> = (0..r.count).map(|i| r.point(i)).collect();
        assert_eq!(pts, vec![-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0]);
        let r = parse_range("0..1:0.1").unwrap();
        assert_eq!((r.count, r.point(3)), (11, 0.3));
        let r = parse_range("0..1:0.3").unwrap();
        assert_eq!(r.count, 4);
        assert!(parse_range("0..1:0").is_err());
        assert!(parse_range("2..0:1").is_err());
        assert_eq!(parse_range("2..0:-1").unwrap().count, 3);
        assert!(parse_range("0..1e12:1").unwrap_err().contains("limit"));
    }

    #[test]
    fn stdin_tokens_across_chunks() {
        let data = b"1 2.5\n-3e2\tinf\n\n nan 7";
        let mut r = std::io::BufReader::with_capacity(3, &data[..]);
        let mut got = Vec::new();
        for_each_number(
            &mut r,
            1,
            |x| {
                got.push(x);
                Ok(())
            },
            || Ok(()),
        )
        .unwrap();
        assert_eq!(got.len(), 6);
        assert_eq!(&got[..4], &[1.0, 2.5, -300.0, f64::INFINITY]);
        assert!(got[4].is_nan() && got[5] == 7.0);
    }
}
