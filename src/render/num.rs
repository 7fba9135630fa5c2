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
    if x.is_nan() {
        return "nan";
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0" } else { "0" };
    }
    let s = buf.format_finite(x);
    s.strip_suffix(".0").unwrap_or(s)
}

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
