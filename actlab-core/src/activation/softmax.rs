//! softmax, log_softmax and softmin of a vector, with a temperature, accurate for any
//! input: the differences x_i - max are carried exactly in two doubles (then divided by
//! the temperature), each e^(d_i) is a double-double mantissa times 2^k (so nothing
//! underflows early and nothing overflows), the sum is a double-double, and each result
//! is rounded once. softmax(x + c) = softmax(x) for every constant c.

use super::dd::{DD, two_sum};
use super::special::{exp_parts, finish, join};

/// Which member of the family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// s_i = e^(x_i/T) / Σ_j e^(x_j/T)
    Softmax,
    /// log s_i = x_i/T - log Σ_j e^(x_j/T)
    LogSoftmax,
    /// softmax of -x: the smallest input gets the most weight
    Softmin,
}

/// Why a softmax cannot be taken.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SoftmaxError {
    /// No inputs.
    #[error("no inputs")]
    Empty,
    /// The temperature must be positive and finite.
    #[error("temperature {0} is not positive and finite")]
    Temperature(f64),
}

/// The exponentials e^(d_i) as mantissa and exponent, and their sum.
struct Exps {
    parts: Vec<(DD, i32)>,
    d: Vec<DD>,
    sum: DD,
}

fn exps(x: &[f64], t: f64) -> Exps {
    let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let d: Vec<DD> = x
        .iter()
        .map(|&xi| {
            // x_i - max exactly (two doubles), then / T in double-double
            let (h, l) = two_sum(xi, -max);
            if h.is_infinite() && xi.is_finite() {
                // the difference of two huge inputs overflows where (x_i - max)/T may
                // not: halve both (exactly), divide, double
                let (h2, l2) = two_sum(xi * 0.5, -max * 0.5);
                return (DD::new(h2, l2) / DD::from(t)).scale(2.0);
            }
            let diff = if h.is_infinite() { DD::from(h) } else { DD::new(h, l) };
            if t == 1.0 { diff } else { diff / DD::from(t) }
        })
        .collect();
    let parts: Vec<(DD, i32)> = d.iter().map(|&di| exp_parts(di, true)).collect();
    let mut sum = DD::from(0.0);
    for &(m, k) in &parts {
        sum = sum + join(m, k);
    }
    Exps { parts, d, sum }
}

/// log S for S in [1, n] as a double-double: the rounded log, then one Newton step.
fn log_dd(s: DD) -> DD {
    let r = core_math::log(s.hi);
    let (m, k) = exp_parts(DD::from(r), true);
    let e = join(m, k);
    DD::from(r) + (s - e) / e
}

/// The member `kind` of the family at temperature `t`, each value rounded once.
pub fn softmax(x: &[f64], t: f64, kind: Kind) -> Result<Vec<f64>, SoftmaxError> {
    if x.is_empty() {
        return Err(SoftmaxError::Empty);
    }
    if !(t > 0.0 && t.is_finite()) {
        return Err(SoftmaxError::Temperature(t));
    }
    if kind == Kind::Softmin {
        let neg: Vec<f64> = x.iter().map(|v| -v).collect();
        return softmax(&neg, t, Kind::Softmax);
    }
    if x.iter().any(|v| v.is_nan()) {
        return Ok(vec![f64::NAN; x.len()]);
    }
    // +inf dominates: the infinite inputs share everything (as the limit does)
    let infinite = x.iter().filter(|v| **v == f64::INFINITY).count();
    if infinite > 0 {
        return Ok(x
            .iter()
            .map(|&v| {
                let s = if v == f64::INFINITY { 1.0 / infinite as f64 } else { 0.0 };
                if kind == Kind::LogSoftmax { s.ln() } else { s }
            })
            .collect());
    }
    if x.iter().all(|v| *v == f64::NEG_INFINITY) {
        return Ok(vec![f64::NAN; x.len()]);
    }
    let e = exps(x, t);
    Ok(match kind {
        Kind::LogSoftmax => {
            let log_sum = log_dd(e.sum);
            e.d.iter().map(|&di| (di - log_sum).to_f64()).collect()
        }
        _ => e
            .parts
            .iter()
            .map(|&(m, k)| {
                let q = m / e.sum;
                finish(q, k)
            })
            .collect(),
    })
}

/// The Jacobian ∂s_i/∂x_j = s_i(δ_ij - s_j)/T of softmax (for softmin, of s = softmin(x):
/// -s_i(δ_ij - s_j)/T), each entry rounded once; the diagonal uses 1 - s_i as the sum of
/// the other terms, so it keeps its digits where s_i is near 1.
pub fn jacobian(x: &[f64], t: f64, kind: Kind) -> Result<Vec<Vec<f64>>, SoftmaxError> {
    let s = softmax(x, t, Kind::Softmax)?;
    if kind == Kind::Softmin {
        let neg: Vec<f64> = x.iter().map(|v| -v).collect();
        let j = jacobian(&neg, t, Kind::Softmax)?;
        return Ok(j.into_iter().map(|row| row.into_iter().map(|v| -v).collect()).collect());
    }
    if s.iter().any(|v| v.is_nan()) || x.iter().any(|v| v.is_infinite()) {
        let n = x.len();
        return Ok((0..n)
            .map(|i| (0..n).map(|j| if i == j { s[i] * (1.0 - s[i]) / t } else { -s[i] * s[j] / t }).collect())
            .collect());
    }
    let e = exps(x, t);
    let n = x.len();
    let inv_t = DD::from(1.0) / DD::from(t);
    // s_i = q_i · 2^k_i with q_i = m_i / S a normal double-double: products keep their
    // exponents apart and are rounded once, subnormal or not
    let q: Vec<(DD, i32)> = e.parts.iter().map(|&(m, k)| (m / e.sum, k)).collect();
    // Σ_{j≠i} e^(d_j) / S = O_i · 2^K_i, summed at the scale of its largest term
    let others = |i: usize| -> (DD, i32) {
        let big = (0..n).filter(|&j| j != i).map(|j| e.parts[j].1).max().unwrap_or(0);
        let mut o = DD::from(0.0);
        for (j, &(m, k)) in e.parts.iter().enumerate() {
            if j != i {
                o = o + join(m, k - big);
            }
        }
        (o / e.sum, big)
    };
    let jac = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| match (kind, i == j) {
                    // ∂ log s_i / ∂x_j = (δ_ij - s_j)/T
                    (Kind::LogSoftmax, true) => {
                        let (o, k) = others(i);
                        finish(o * inv_t, k)
                    }
                    (Kind::LogSoftmax, false) => -finish(q[j].0 * inv_t, q[j].1),
                    (_, true) => {
                        let (o, k) = others(i);
                        finish(q[i].0 * o * inv_t, q[i].1 + k)
                    }
                    (_, false) => -finish(q[i].0 * q[j].0 * inv_t, q[i].1 + q[j].1),
                })
                .collect()
        })
        .collect();
    Ok(jac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        let s = softmax(&[1.0, 2.0, 3.0], 1.0, Kind::Softmax).unwrap();
        // mpmath: 0.09003057317038046, 0.24472847105479764, 0.6652409557748219
        assert_eq!(s, vec![0.09003057317038046, 0.24472847105479764, 0.6652409557748219]);
        let huge = softmax(&[1e308, -1e308, 0.0], 1.0, Kind::Softmax).unwrap();
        assert_eq!(huge, vec![1.0, 0.0, 0.0]);
        let same = softmax(&[7.0; 4], 0.5, Kind::Softmax).unwrap();
        assert_eq!(same, vec![0.25; 4]);
        let shifted = softmax(&[1001.0, 1002.0, 1003.0], 1.0, Kind::Softmax).unwrap();
        assert_eq!(shifted, s);
        let l = softmax(&[0.0, -1000.0], 1.0, Kind::LogSoftmax).unwrap();
        assert_eq!(l[1], -1000.0);
        // -e^-1000 rounds to zero
        assert_eq!(l[0], 0.0);
        assert_eq!(softmax(&[1.0], -1.0, Kind::Softmax), Err(SoftmaxError::Temperature(-1.0)));
    }
}
