//! Number text: the shortest string that reads back as the same double (machine
//! formats), and rounding to N significant digits (tables).

/// Shortest round-trip text: `1.5`, `1e-7`, `-0`, `inf`, `-inf`, `nan`.
pub fn shortest(x: f64) -> String {
    let mut buf = zmij::Buffer::new();
    shortest_into(x, &mut buf).to_string()
}

/// As [`shortest`], into a reusable buffer (no allocation).
#[inline]
pub fn shortest_into(x: f64, buf: &mut zmij::Buffer) -> &str {
    if x.is_finite() {
        // one test on the hot path; zmij writes ±0 as "0.0" and "-0.0"
        let s = buf.format_finite(x);
        s.strip_suffix(".0").unwrap_or(s)
    } else if x.is_nan() {
        "nan"
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

/// A growable byte buffer written at a position, for the streaming path: numbers are
/// copied in with a few fixed-size moves instead of a `memcpy` call per number (which
/// halves the cost of writing one; docs/performance.md). Aligned to its own cache
/// lines, so that two threads writing two of them do not contend.
#[derive(Default)]
#[repr(align(128))]
pub struct Out {
    buf: Vec<u8>,
    len: usize,
    fmt: zmij::Buffer,
}

impl Out {
    /// Room for at least `n` more bytes.
    #[inline]
    pub fn reserve(&mut self, n: usize) {
        if self.len + n > self.buf.len() {
            let size = (self.len + n).max(2 * self.buf.len()).max(4096);
            self.buf.resize(size, 0);
        }
    }

    /// One byte; the caller has reserved room.
    #[inline]
    pub fn push(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// The shortest round-trip text of `x`, exactly as [`shortest`] writes it; the
    /// caller has reserved [`MAX_LEN`] bytes.
    #[inline]
    pub fn number(&mut self, x: f64) {
        let s = shortest_into(x, &mut self.fmt).as_bytes();
        let end = self.len + s.len();
        copy_short(&mut self.buf[self.len..end], s);
        self.len = end;
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn clear(&mut self) {
        self.len = 0;
    }
}

/// `dst.copy_from_slice(src)` for at most 32 bytes, as two overlapping fixed-size moves.
#[inline]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    let n = src.len();
    if n >= 16 {
        dst[..16].copy_from_slice(&src[..16]);
        dst[n - 16..].copy_from_slice(&src[n - 16..]);
    } else if n >= 8 {
        dst[..8].copy_from_slice(&src[..8]);
        dst[n - 8..].copy_from_slice(&src[n - 8..]);
    } else {
        dst.copy_from_slice(src);
    }
}

/// The longest text [`Out::number`] writes (`-2.2250738585072014e-308`).
pub const MAX_LEN: usize = 24;

/// `x` rounded to `digits` significant digits, fixed notation for moderate
/// magnitudes and scientific otherwise; trailing zeros removed.
pub fn significant(x: f64, digits: usize) -> String {
    if !x.is_finite() || x == 0.0 {
        return shortest(x);
    }
    let digits = digits.clamp(1, 17);
    let sci = format!("{:.*e}", digits - 1, x);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) && exp < digits as i32 + 6 {
        let decimals = (digits as i32 - 1 - exp).max(0) as usize;
        let fixed = format!("{:.*}", decimals, x);
        trim_zeros(&fixed).to_string()
    } else {
        format!("{}e{}", trim_zeros(mant), exp)
    }
}

fn trim_zeros(s: &str) -> &str {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_round_trips() {
        for x in [1.5, 0.1, 1e-7, 1e300, 5e-324, -2.5, 0.8660254037844386, 123456789.0] {
            assert_eq!(shortest(x).parse::<f64>().unwrap(), x);
        }
        assert_eq!(shortest(2.0), "2");
        assert_eq!(shortest(-0.0), "-0");
        assert_eq!(shortest(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn out_writes_what_shortest_writes() {
        let mut out = Out::default();
        let xs = [
            0.0,
            -0.0,
            2.0,
            -1.5,
            1e-7,
            1e300,
            5e-324,
            -2.2250738585072014e-308,
            0.1,
            12345678.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut want = String::new();
        for x in xs {
            out.reserve(MAX_LEN + 1);
            out.number(x);
            out.push(b',');
            want += &shortest(x);
            want.push(',');
        }
        assert_eq!(std::str::from_utf8(out.as_bytes()).unwrap(), want);
    }

    #[test]
    fn significant_digits() {
        assert_eq!(significant(1.3995715961264, 6), "1.39957");
        assert_eq!(significant(-7.619853024160526e-23, 4), "-7.62e-23");
        assert_eq!(significant(0.25, 10), "0.25");
        assert_eq!(significant(1e20, 3), "1e20");
        assert_eq!(significant(9.999999, 3), "10");
    }
}

#[cfg(test)]
mod format_style {
    #[test]
    fn zmij_style() {
        let s: Vec<String> =
            [1e-7, 1e300, 0.1, 123456789012345680000.0, 1.5e-5, 2.5e16].iter().map(|x| super::shortest(*x)).collect();
        assert_eq!(s, ["1e-7", "1e+300", "0.1", "1.2345678901234568e+20", "0.000015", "2.5e+16"]);
    }
}
