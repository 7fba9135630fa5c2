//! Double-double arithmetic: a value carried as an unevaluated sum `hi + lo` of two
//! doubles (about 106 bits). The activations use it wherever a formula would
//! otherwise lose digits: sums that cancel, products whose rounding would be
//! amplified, and exponentials of arguments that are themselves rounded.

use std::ops::{Add, Div, Mul, Neg, Sub};

/// `hi + lo` with `|lo| <= ulp(hi) / 2` after every operation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DD {
    pub hi: f64,
    pub lo: f64,
}

/// `a + b = s + e` exactly (Knuth).
#[inline]
pub fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    if !s.is_finite() {
        return (s, 0.0);
    }
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `a + b = s + e` exactly, when `|a| >= |b|` (Dekker).
#[inline]
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    if !s.is_finite() {
        return (s, 0.0);
    }
    (s, b - (s - a))
}

/// `a * b = p + e` exactly (barring underflow), through a fused multiply-add.
#[inline]
pub fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    if !p.is_finite() {
        return (p, 0.0);
    }
    (p, a.mul_add(b, -p))
}

impl DD {
    pub const ONE: DD = DD::new(1.0, 0.0);

    pub const fn new(hi: f64, lo: f64) -> DD {
        DD { hi, lo }
    }

    /// The double nearest to the value.
    #[inline]
    pub fn to_f64(self) -> f64 {
        self.hi + self.lo
    }

    #[inline]
    fn norm(hi: f64, lo: f64) -> DD {
        let (h, l) = fast_two_sum(hi, lo);
        // inf and nan: keep hi, drop the meaningless remainder
        if h.is_finite() { DD::new(h, l) } else { DD::new(h, 0.0) }
    }

    #[inline]
    pub fn sqr(self) -> DD {
        self * self
    }

    #[inline]
    pub fn recip(self) -> DD {
        DD::ONE / self
    }

    /// Multiply by a power of two (exact unless it under- or overflows).
    #[inline]
    pub fn scale(self, p: f64) -> DD {
        DD::new(self.hi * p, self.lo * p)
    }

    /// Square root, one Newton step from the double root.
    pub fn sqrt(self) -> DD {
        if self.hi <= 0.0 {
            return DD::new(self.hi.sqrt(), 0.0);
        }
        let q = self.hi.sqrt();
        let r = self - DD::from(q).sqr();
        DD::norm(q, r.hi / (2.0 * q))
    }
}

impl From<f64> for DD {
    #[inline]
    fn from(x: f64) -> DD {
        DD::new(x, 0.0)
    }
}

impl Add for DD {
    type Output = DD;
    #[inline]
    fn add(self, o: DD) -> DD {
        let (s1, s2) = two_sum(self.hi, o.hi);
        let (t1, t2) = two_sum(self.lo, o.lo);
        let (s1, s2) = fast_two_sum(s1, s2 + t1);
        DD::norm(s1, s2 + t2)
    }
}

impl Add<f64> for DD {
    type Output = DD;
    #[inline]
    fn add(self, b: f64) -> DD {
        let (s1, s2) = two_sum(self.hi, b);
        DD::norm(s1, s2 + self.lo)
    }
}

impl Sub for DD {
    type Output = DD;
    #[inline]
    fn sub(self, o: DD) -> DD {
        self + (-o)
    }
}

impl Sub<f64> for DD {
    type Output = DD;
    #[inline]
    fn sub(self, b: f64) -> DD {
        self + (-b)
    }
}

impl Neg for DD {
    type Output = DD;
    #[inline]
    fn neg(self) -> DD {
        DD::new(-self.hi, -self.lo)
    }
}

impl Mul for DD {
    type Output = DD;
    #[inline]
    fn mul(self, o: DD) -> DD {
        let (p1, p2) = two_prod(self.hi, o.hi);
        DD::norm(p1, p2 + (self.hi * o.lo + self.lo * o.hi))
    }
}

impl Mul<f64> for DD {
    type Output = DD;
    #[inline]
    fn mul(self, b: f64) -> DD {
        let (p1, p2) = two_prod(self.hi, b);
        DD::norm(p1, p2 + self.lo * b)
    }
}

impl Div for DD {
    type Output = DD;
    /// Two divisions and one correction: about 104 correct bits. The remainder
    /// self.hi - q1·o.hi of a rounded quotient is exact in one fused multiply-add; the
    /// low parts add a term 2^-53 below it.
    #[inline]
    fn div(self, o: DD) -> DD {
        let q1 = self.hi / o.hi;
        if !q1.is_finite() || q1 == 0.0 {
            return DD::from(q1);
        }
        let r = (-q1).mul_add(o.hi, self.hi) + (self.lo - q1 * o.lo);
        DD::norm(q1, r / o.hi)
    }
}

impl DD {
    /// 1 / self by one division and a Newton correction (about 104 bits).
    #[inline]
    pub fn recip_fast(self) -> DD {
        let q = 1.0 / self.hi;
        if !q.is_finite() || q == 0.0 {
            return DD::from(q);
        }
        let r = (-self.hi).mul_add(q, 1.0) - self.lo * q;
        DD::norm(q, q * r)
    }
}

impl Div<f64> for DD {
    type Output = DD;
    #[inline]
    fn div(self, b: f64) -> DD {
        self / DD::from(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn third_is_exact_to_106_bits() {
        let t = DD::ONE / DD::from(3.0);
        // 3 * t = 1 to far below double precision
        let r = t * 3.0 - 1.0;
        assert!(r.to_f64().abs() < 1e-31, "{r:?}");
    }

    #[test]
    fn sqrt_two() {
        let s = DD::from(2.0).sqrt();
        assert!((s.sqr() - 2.0).to_f64().abs() < 1e-31);
    }

    #[test]
    fn sum_keeps_what_doubles_lose() {
        let s = DD::from(1.0) + 1e-20 - 1.0;
        assert_eq!(s.to_f64(), 1e-20);
    }
}
