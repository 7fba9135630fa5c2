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

    /// Any text (growing the buffer as needed).
    #[inline]
    pub fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// Any bytes (growing the buffer as needed).
    #[inline]
    pub fn bytes(&mut self, b: &[u8]) {
        self.reserve(b.len());
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
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
    let mut buf = [0u8; 48];
    match significant_fast(x, digits, &mut buf) {
        // only ASCII digits, signs, '.', 'e' are written
        Some(n) => String::from_utf8_lossy(&buf[..n]).into_owned(),
        None => significant_slow(x, digits),
    }
}

/// `significant` into `out` (the streaming path: no allocation on the fast path).
pub fn significant_into(out: &mut Out, x: f64, digits: usize) {
    let mut buf = [0u8; 48];
    match significant_fast(x, digits, &mut buf) {
        Some(n) => out.bytes(&buf[..n]),
        None => out.text(&significant_slow(x, digits)),
    }
}

fn significant_slow(x: f64, digits: usize) -> String {
    if !x.is_finite() || x == 0.0 { shortest(x) } else { significant_exact(x, digits.clamp(1, 17)) }
}

/// The text of `significant` in `buf` when it can be had from the shortest
/// round-trip text (see `rounded_digits`); its length, or None.
#[inline]
fn significant_fast(x: f64, digits: usize, buf: &mut [u8; 48]) -> Option<usize> {
    // a subnormal's ulp is a larger share of it: the argument of `rounded_digits`
    // does not hold there
    if !x.is_finite() || x.abs() < f64::MIN_POSITIVE {
        return None;
    }
    let digits = digits.clamp(1, 17);
    if let Some(n) = scaled(x, digits, buf) {
        return Some(n);
    }
    let mut z = zmij::Buffer::new();
    let (negative, d, len, exp) = rounded_digits(&mut z, x, digits)?;
    // fixed notation with more integer digits than asked for prints them all
    // (2128242759 to 4 digits): the exact conversion's business
    if exp >= digits as i32 {
        return None;
    }
    Some(layout(negative, &d[..len], exp, digits, buf))
}

/// Powers of ten that are doubles exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// |x| · 10^k as a double-double (hi, lo): exact for k >= 0 (a product of two doubles
/// by FMA); for k < 0 the quotient and its correction from the exact remainder, within
/// 2^-104 of |x|·10^k. None when 10^|k| is not a double.
#[inline]
fn scale10(a: f64, k: i32) -> Option<(f64, f64)> {
    let p = *POW10.get(k.unsigned_abs() as usize)?;
    if k >= 0 {
        let hi = a * p;
        Some((hi, a.mul_add(p, -hi)))
    } else {
        let hi = a / p;
        // the remainder a - hi·p is a double exactly (Dekker)
        let r = (-hi).mul_add(p, a);
        Some((hi, r / p))
    }
}

/// `significant` by integer rounding (no decimal text of x at all): y = |x|·10^k in
/// double-double, scaled so that 10^(digits-1) <= y < 10^digits, rounded to the
/// nearest integer q, whose digits are the answer. y is within 2^-100 of the exact
/// product, and |y| < 2^50, so y's distance to a rounding tie is known to within
/// 2^-45: nearer than that (a tie, or nearly one) gives None and the exact conversion
/// decides. Also None for 16 and 17 digits and magnitudes where 10^k is no double
/// (|x| beyond about 1e-13..1e31 at 10 digits).
#[inline]
fn scaled(x: f64, digits: usize, buf: &mut [u8; 48]) -> Option<usize> {
    if digits > 15 {
        return None;
    }
    let a = x.abs();
    let d = digits as i32;
    // the decimal exponent of a: from the binary one (at most one too low), then checked
    let e2 = ((a.to_bits() >> 52) as i32) - 1023;
    let mut e10 = (e2 as f64 * std::f64::consts::LOG10_2).floor() as i32;
    let (lo_bound, hi_bound) = (POW10[digits - 1], POW10[digits]);
    for _ in 0..3 {
        let (hi, lo) = scale10(a, d - 1 - e10)?;
        if hi > hi_bound || (hi == hi_bound && lo >= 0.0) {
            e10 += 1;
            continue;
        }
        if hi < lo_bound {
            e10 -= 1;
            continue;
        }
        let floor = hi.floor();
        // the fraction of y above floor (exact, then one rounding with lo): in (-tiny, 1 + tiny)
        let t = (hi - floor) + lo;
        if (t - 0.5).abs() < 2f64.powi(-45) {
            return None;
        }
        let mut q = floor as u64 + u64::from(t >= 0.5);
        let mut exp = e10;
        if q as f64 >= hi_bound {
            // 9.99…95 rounded up to 10.0…0
            q /= 10;
            exp += 1;
        }
        // fixed notation with more integer digits than asked for: as the exact path
        if exp >= d {
            return None;
        }
        // the digits of q, trailing zeros dropped
        let mut n = digits;
        while n > 1 && q.is_multiple_of(10) {
            q /= 10;
            n -= 1;
        }
        let mut dig = [0u8; 16];
        for i in (0..n).rev() {
            dig[i] = b'0' + (q % 10) as u8;
            q /= 10;
        }
        return Some(layout(x.is_sign_negative(), &dig[..n], exp, digits, buf));
    }
    None
}

/// The decimal digits of x rounded to `digits` significant ones, from its shortest
/// round-trip text (zmij, ~20 ns) instead of an exact conversion (~150 ns): (sign,
/// digits, how many, decimal exponent of the first). Rounding the shortest text is
/// rounding x itself unless a rounding tie of `digits` digits could lie between the
/// two: only when the shortest text has exactly `digits + 1` digits (any decimal of
/// that length inside x's rounding interval would make the shortest text no longer).
/// Then None: the exact conversion decides (and for 16 or 17 digits of a shorter text).
#[inline]
fn rounded_digits(buf: &mut zmij::Buffer, x: f64, digits: usize) -> Option<(bool, [u8; 24], usize, i32)> {
    let text = buf.format_finite(x).as_bytes();
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let (mant, exp10) = match text.iter().position(|&c| c == b'e') {
        Some(i) => {
            let (sign, num) = match text.get(i + 1) {
                Some(b'-') => (-1, &text[i + 2..]),
                Some(b'+') => (1, &text[i + 2..]),
                _ => (1, &text[i + 1..]),
            };
            let e = num.iter().try_fold(0i32, |e, &c| c.is_ascii_digit().then(|| e * 10 + (c - b'0') as i32))?;
            (&text[..i], sign * e)
        }
        None => (text, 0),
    };
    let mut d = [0u8; 24];
    let (mut n, mut point, mut lead) = (0usize, None, 0usize);
    for &c in mant {
        if c == b'.' {
            point = Some(n + lead);
        } else if c == b'0' && n == 0 {
            lead += 1; // leading zeros (0.000015) are not significant
        } else if n < d.len() {
            d[n] = c;
            n += 1;
        } else {
            return None;
        }
    }
    let point = point.unwrap_or(n + lead) as i32;
    while n > 0 && d[n - 1] == b'0' {
        n -= 1; // nor are trailing ones (1200, 1.50)
    }
    if n == 0 {
        return None;
    }
    let mut exp = exp10 + point - 1 - lead as i32;
    if n <= digits {
        // the shortest text is x rounded to n digits, and (x within half an ulp of it,
        // below half the spacing of 15-digit decimals) to any n..=15 digits; beyond 15
        // x's own further digits count
        return (digits <= 15).then_some((negative, d, n, exp));
    }
    if n == digits + 1 {
        return None;
    }
    // n >= digits + 2 and the text ends in a non-zero digit: no tie
    let up = d[digits] >= b'5';
    n = digits;
    if up {
        let mut i = n;
        loop {
            if i == 0 {
                // 9.99… became 10.0…
                d[0] = b'1';
                n = 1;
                exp += 1;
                break;
            }
            i -= 1;
            if d[i] == b'9' {
                d[i] = b'0';
            } else {
                d[i] += 1;
                break;
            }
        }
    }
    while n > 1 && d[n - 1] == b'0' {
        n -= 1;
    }
    Some((negative, d, n, exp))
}

/// Digits d (the first at 10^exp) as text in `out`: fixed notation for moderate
/// magnitudes, scientific otherwise, trailing zeros removed (the rules of
/// `significant_exact`); the length written.
fn layout(negative: bool, d: &[u8], exp: i32, digits: usize, out: &mut [u8; 48]) -> usize {
    let mut n = 0;
    let mut put = |c: u8| {
        out[n] = c;
        n += 1;
    };
    if negative {
        put(b'-');
    }
    if (-4..16).contains(&exp) && exp < digits as i32 + 6 {
        if exp < 0 {
            put(b'0');
            put(b'.');
            for _ in 0..(-exp - 1) {
                put(b'0');
            }
            d.iter().for_each(|&c| put(c));
        } else {
            let int = exp as usize + 1;
            for i in 0..int {
                put(d.get(i).copied().unwrap_or(b'0'));
            }
            if d.len() > int {
                put(b'.');
                d[int..].iter().for_each(|&c| put(c));
            }
        }
    } else {
        put(d[0]);
        if d.len() > 1 {
            put(b'.');
            d[1..].iter().for_each(|&c| put(c));
        }
        put(b'e');
        if exp < 0 {
            put(b'-');
        }
        let e = exp.unsigned_abs();
        if e >= 100 {
            put(b'0' + (e / 100) as u8);
        }
        if e >= 10 {
            put(b'0' + (e / 10 % 10) as u8);
        }
        put(b'0' + (e % 10) as u8);
    }
    n
}

/// `significant` by exact conversion (Rust's formatting): the reference, and the
/// fallback for the rare x whose shortest text is one digit longer than asked for.
fn significant_exact(x: f64, digits: usize) -> String {
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
    fn significant_is_the_exact_rounding() {
        // the fast path (rounding the shortest text) against the exact conversion
        let mut state = 0x1234_5678_9abc_def0u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut xs: Vec<f64> = (0..40_000).map(|_| f64::from_bits(next())).filter(|x| x.is_finite()).collect();
        xs.extend((0..40_000).map(|i| (next() % 2_000_000) as f64 / 1000.0 - 1000.0 + i as f64 * 1e-9));
        // every binade the integer rounding scales (about 1e-14 to 1e32), random mantissas
        xs.extend((0..60_000).map(|_| {
            let r = next();
            f64::from_bits(((1023 - 48 + (r >> 52) % 155) << 52) | (r & ((1 << 52) - 1)))
        }));
        // decimals with few digits and their neighbours: ties and near-ties at every count
        for _ in 0..20_000 {
            let r = next();
            let x = (r % 100_000_000) as f64 / POW10[(r >> 40) as usize % 12];
            xs.extend([x, f64::from_bits(x.to_bits() + 1), f64::from_bits(x.to_bits().saturating_sub(1))]);
        }
        xs.extend([
            0.5,
            1.5,
            2.5,
            0.125,
            9.9995,
            9.9999999,
            0.99996,
            1e15,
            1e16,
            123456.5,
            0.00012345,
            5e-324,
            1.7976931348623157e308,
        ]);
        xs.extend((1..=60).map(|k| 10f64.powi(k - 30)));
        for x in xs {
            for d in 1..=17 {
                assert_eq!(significant(x, d), significant_exact(x, d), "{x:e} to {d} digits");
                assert_eq!(significant(-x, d), significant_exact(-x, d), "{:e} to {d} digits", -x);
            }
        }
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
