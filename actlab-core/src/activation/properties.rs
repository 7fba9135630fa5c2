//! Properties computed from the functions themselves (never typed in): range,
//! derivative range and peak, minimum, symmetry, monotonicity, saturation, and the
//! mean and variance of f(Z) for Z ~ N(0, 1).

use super::Function;

/// One end of a range: its value, and whether some finite x attains it.
#[derive(Clone, Copy, Debug)]
pub struct End {
    /// The bound's value (may be infinite).
    pub value: f64,
    /// Whether f reaches it (a closed end) or only approaches it.
    pub attained: bool,
}

#[derive(Clone, Debug)]
/// What can be computed about a function: ranges, extrema, symmetry, moments.
pub struct Properties {
    /// The range of f: lower and upper end.
    pub range: (End, End),
    /// The range of f': lower and upper end.
    pub deriv_range: (End, End),
    /// (x, f'(x)) where f' is largest (x: one place it is reached; see `deriv_peak_at`).
    pub deriv_peak: (f64, f64),
    /// Where f' takes its largest value: one point, intervals (a plateau), or nowhere
    /// (a supremum approached as x → ±∞).
    pub deriv_peak_at: PeakAt,
    /// (x, f(x)) of the global minimum when it is attained at one point.
    pub minimum: Option<(f64, f64)>,
    /// f(-x) = -f(x).
    pub odd: bool,
    /// f' >= 0 everywhere.
    pub monotonic: bool,
    /// f' -> 0 as x -> -inf, as x -> +inf.
    pub saturates: (bool, bool),
    /// E f(Z) and Var f(Z), Z ~ N(0, 1).
    pub mean: f64,
    /// Var[f(Z)] for Z ~ N(0, 1).
    pub variance: f64,
}

/// Where a derivative's peak is.
#[derive(Clone, Debug, PartialEq)]
pub enum PeakAt {
    /// At one x.
    Point(f64),
    /// On each of these intervals (ends as `End`s: the x where the plateau stops, and
    /// whether f' there is still the peak).
    Plateau(Vec<(End, End)>),
    /// Nowhere: f' approaches it as x → this infinity.
    Approached(f64),
}

impl PartialEq for End {
    fn eq(&self, o: &End) -> bool {
        self.value.to_bits() == o.value.to_bits() && self.attained == o.attained
    }
}

/// Doubles in order as unsigned integers (for bisection over the doubles themselves).
fn key(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

fn unkey(k: u64) -> f64 {
    f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k })
}

/// The neighbouring doubles (a, b), a < b, where `p` changes between a (p(a) = pa)
/// and b: bisection over the doubles, at most 64 steps.
fn boundary(p: &dyn Fn(f64) -> bool, a: f64, b: f64) -> (f64, f64) {
    let pa = p(a);
    let (mut ka, mut kb) = (key(a), key(b));
    while kb - ka > 1 {
        let m = ka + (kb - ka) / 2;
        if p(unkey(m)) == pa {
            ka = m;
        } else {
            kb = m;
        }
    }
    (unkey(ka), unkey(kb))
}

/// One end of a plateau found between the neighbours a (outside) and b (inside), or
/// the reverse: reported at the shorter of the two (with a tiny pair read as 0, where
/// e^x rounds to 1), closed when f' there is still the peak.
fn plateau_end(on: &dyn Fn(f64) -> bool, (a, b): (f64, f64)) -> End {
    let short = |v: f64| format!("{v:e}").len();
    let v = if a.abs() < 1e-12 && b.abs() < 1e-12 {
        0.0
    } else if short(a) <= short(b) {
        a
    } else {
        b
    };
    End { value: v, attained: on(v) }
}

const GRID_HALF: i32 = 50_000; // x = i/1000 on [-50, 50]

fn grid() -> impl Iterator<Item = f64> {
    (-GRID_HALF..=GRID_HALF).map(|i| i as f64 / 1000.0)
}

/// Refine a local extremum of g near the grid point x0 (spacing h) by bisecting on the
/// sign of `slope` (negative left of the extremum, positive right of it, for a
/// minimum; the reverse for a maximum). With the exact derivative as the slope this
/// finds the extremum to the last bit; with `central`, to about 1e-13 (golden-section
/// search on g itself stalls at √ε ≈ 1e-8).
fn refine(g: &dyn Fn(f64) -> f64, slope: &dyn Fn(f64) -> f64, x0: f64, h: f64, maximise: bool) -> (f64, f64) {
    let s = if maximise { -1.0 } else { 1.0 };
    let slope = |x: f64| s * slope(x);
    let (mut a, mut b) = (x0 - h, x0 + h);
    if !(slope(a) < 0.0 && slope(b) > 0.0) {
        return (x0, g(x0));
    }
    for _ in 0..64 {
        let m = 0.5 * (a + b);
        if m <= a || m >= b {
            break; // a and b are neighbours
        }
        if slope(m) < 0.0 {
            a = m;
        } else {
            b = m;
        }
    }
    // of the two neighbours, the one whose slope is nearer zero
    let x = if slope(a).abs() <= slope(b).abs() { a } else { b };
    let (gx, g0) = (g(x), g(x0));
    if s * gx < s * g0 { (x, gx) } else { (x0, g0) }
}

/// The sign of g' where g has no exact derivative here: a central difference with
/// Richardson's correction, 8(g(x+δ) - g(x-δ)) - (g(x+2δ) - g(x-2δ)), whose error is
/// O(δ⁴). It places an extremum to about 1e-13 (the rounding of g is what is left).
fn central(g: &dyn Fn(f64) -> f64) -> impl Fn(f64) -> f64 + '_ {
    const DELTA: f64 = 1e-3;
    move |x| 8.0 * (g(x + DELTA) - g(x - DELTA)) - (g(x + 2.0 * DELTA) - g(x - 2.0 * DELTA))
}

/// x to 12 significant digits: what `central` can vouch for (printed in full, the
/// digits after would be noise).
fn vouched(x: f64) -> f64 {
    format!("{x:.11e}").parse().unwrap_or(x)
}

fn ends(g: &dyn Fn(f64) -> f64) -> ((End, f64), (End, f64)) {
    let (mut lo, mut lo_x, mut hi, mut hi_x) = (f64::INFINITY, 0.0, f64::NEG_INFINITY, 0.0);
    for x in grid() {
        let v = g(x);
        if v < lo {
            (lo, lo_x) = (v, x);
        }
        if v > hi {
            (hi, hi_x) = (v, x);
        }
    }
    let (l_inf, r_inf) = (g(f64::NEG_INFINITY), g(f64::INFINITY));
    // an end counts as attained when some |x| <= 10 reaches it: σ(x) rounds to 1 for
    // x > 36.7, but it is the limit, never a value
    let reached = |v: f64| (-10_000..=10_000).any(|i| g(i as f64 / 1000.0) == v);
    let lower = if l_inf.min(r_inf) < lo - 1e-12 * lo.abs().max(1e-300) {
        End { value: l_inf.min(r_inf), attained: false }
    } else {
        End { value: lo, attained: reached(lo) }
    };
    let upper = if l_inf.max(r_inf) > hi + 1e-12 * hi.abs().max(1e-300) {
        End { value: l_inf.max(r_inf), attained: false }
    } else {
        End { value: hi, attained: reached(hi) }
    };
    ((lower, lo_x), (upper, hi_x))
}

impl Properties {
    /// Compute the properties of `a` at parameters `p`.
    pub fn of(a: &Function) -> Properties {
        let f = |x: f64| a.value(x);
        let d = |x: f64| a.deriv(x);
        let ((lo, lo_x), (hi, _)) = ends(&f);
        let ((dlo, dlo_x), (dhi, dhi_x)) = ends(&d);
        let smooth = a.smooth();
        let deriv_peak = if dhi.attained && smooth {
            let (x, _) = refine(&d, &central(&d), dhi_x, 1e-3, true);
            let x = vouched(x);
            (x, d(x).max(dhi.value))
        } else {
            (dhi_x, dhi.value)
        };
        let deriv_peak_at = peak_at(&d, dhi, deriv_peak.0);
        // a smooth f' attains its lower end at an interior minimum: refined as the peak is
        let dlo = if dlo.attained && smooth && dlo.value.is_finite() {
            let (x, _) = refine(&d, &central(&d), dlo_x, 1e-3, false);
            End { value: d(vouched(x)).min(dlo.value), attained: true }
        } else {
            dlo
        };
        let deriv_range = (dlo, End { value: deriv_peak.1.max(dhi.value), ..dhi });
        // a minimum at one point: attained, and strictly higher a little to each side
        let minimum = if f(lo_x) == lo.value && f(lo_x - 0.01) > lo.value && f(lo_x + 0.01) > lo.value {
            // f' itself says which side the minimum is on: found to the last bit
            Some(if smooth { refine(&f, &d, lo_x, 1e-3, false) } else { (lo_x, lo.value) })
        } else {
            None
        };
        let range = (End { value: minimum.map_or(lo.value, |m| m.1), ..lo }, hi);
        let odd = grid().all(|x| {
            let (u, v) = (f(x), f(-x));
            (u + v).abs() <= 1e-12 * u.abs().max(1e-300)
        });
        let monotonic = grid().all(|x| d(x) >= 0.0);
        let saturates = (d(-1e6).abs() < 1e-12, d(1e6).abs() < 1e-12);
        let (mean, variance) = normal_moments(&f);
        // an odd function's mean is 0 by symmetry, exactly (not -1.55e-17 from the sum)
        let mean = if odd { 0.0 } else { mean };
        Properties { range, deriv_range, deriv_peak, deriv_peak_at, minimum, odd, monotonic, saturates, mean, variance }
    }
}

/// Where f' = d reaches its upper end `top` (grid maximum at `x0`, refined to `x`): a
/// point; the runs of grid points where d equals it, each end found to the last double
/// (relu's (0, ∞), hardtanh's (-1, 1)); or a limit at ±∞ that is never reached.
fn peak_at(d: &dyn Fn(f64) -> f64, top: End, x: f64) -> PeakAt {
    if !top.attained {
        return PeakAt::Approached(if (d(1e300) - top.value).abs() <= (d(-1e300) - top.value).abs() {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        });
    }
    let on = |x: f64| d(x) == top.value;
    let xs: Vec<f64> = grid().collect();
    let flags: Vec<bool> = xs.iter().map(|x| on(*x)).collect();
    if flags.iter().filter(|f| **f).count() < 2 {
        return PeakAt::Point(x);
    }
    let mut runs = Vec::new();
    let mut i = 0;
    while i < xs.len() {
        if !flags[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < xs.len() && flags[i + 1] {
            i += 1;
        }
        let lo = if start == 0 && on(-1e300) {
            End { value: f64::NEG_INFINITY, attained: false }
        } else {
            let from = if start == 0 { -1e300 } else { xs[start - 1] };
            plateau_end(&on, boundary(&on, from, xs[start]))
        };
        let hi = if i == xs.len() - 1 && on(1e300) {
            End { value: f64::INFINITY, attained: false }
        } else {
            let to = if i == xs.len() - 1 { 1e300 } else { xs[i + 1] };
            plateau_end(&on, boundary(&on, xs[i], to))
        };
        runs.push((lo, hi));
        i += 1;
    }
    PeakAt::Plateau(runs)
}

/// E f(Z) and Var f(Z) by composite Simpson's rule on [-40, 40] with h = 1/1000,
/// the density from statrs.
fn normal_moments(f: &dyn Fn(f64) -> f64) -> (f64, f64) {
    // Simpson's rule on [-40, 40] at steps h and 2h, extrapolated (Romberg: the h⁴ error
    // cancels), with φ to the last bit and compensated (Neumaier) sums, so that relu's
    // mean is 1/√(2π) to the last bit. A kink at 0 sits on a panel edge at both steps.
    let (a, steps) = (-40.0, 80_000);
    let h = 80.0 / steps as f64;
    let add = |(sum, c): (f64, f64), x: f64| {
        let t = sum + x;
        let c = if sum.abs() >= x.abs() { c + ((sum - t) + x) } else { c + ((x - t) + sum) };
        (t, c)
    };
    let weight = |i: usize, n: usize| {
        if i == 0 || i == n {
            1.0
        } else if i % 2 == 1 {
            4.0
        } else {
            2.0
        }
    };
    let zero = (0.0, 0.0);
    let (mut m1, mut m2, mut c1, mut c2) = (zero, zero, zero, zero);
    for i in 0..=steps {
        let z = a + i as f64 * h;
        let pz = super::funcs::gated::normal_pdf(z, &[]);
        if pz == 0.0 {
            continue;
        }
        let fz = f(z);
        let w = weight(i, steps);
        m1 = add(m1, w * fz * pz);
        m2 = add(m2, w * fz * fz * pz);
        if i % 2 == 0 {
            let w2 = weight(i / 2, steps / 2);
            c1 = add(c1, w2 * fz * pz);
            c2 = add(c2, w2 * fz * fz * pz);
        }
    }
    let fine = |(s, c): (f64, f64)| (s + c) * h / 3.0;
    let coarse = |(s, c): (f64, f64)| (s + c) * 2.0 * h / 3.0;
    let (e1, e2) = ((16.0 * fine(m1) - coarse(c1)) / 15.0, (16.0 * fine(m2) - coarse(c2)) / 15.0);
    (e1, e2 - e1 * e1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;

    fn props(name: &str) -> Properties {
        let a = lookup(name).unwrap();
        Properties::of(&Function::entry(a))
    }

    #[test]
    fn known_extremes() {
        let g = props("gelu");
        let (x, v) = g.minimum.unwrap();
        assert!((x + 0.75179).abs() < 1e-4 && (v + 0.16997).abs() < 1e-5, "{x} {v}");
        // gelu'' = φ(x)(2 - x²): the peak is at √2 (12 digits vouched for)
        assert!((g.deriv_peak.0 - 2f64.sqrt()).abs() < 5e-12 && (g.deriv_peak.1 - 1.12890).abs() < 1e-5);
        // silu'' = 0 at 2.39935728051546766783 (mpmath)
        assert!((props("silu").deriv_peak.0 - 2.399357280515468).abs() < 5e-12);
        assert!((x + 0.7517915246935645).abs() < 1e-9, "{x}");
        let s = props("sigmoid");
        assert_eq!(s.deriv_peak, (0.0, 0.25));
        assert!(!s.range.0.attained && s.range.0.value == 0.0 && s.range.1.value == 1.0);
        assert!(!s.range.1.attained && props("relu6").range.1.attained);
        assert!(!s.odd && props("tanh").odd && s.monotonic && s.saturates == (true, true));
        assert!((s.mean - 0.5).abs() < 1e-12);
        let m = props("mish").minimum.unwrap();
        assert!((m.0 + 1.19243).abs() < 1e-4 && (m.1 + 0.30884).abs() < 1e-5);
        assert!(props("relu").saturates == (true, false) && props("relu").minimum.is_none());
        // E relu(Z) = 1/√(2π), Var = 1/2 - 1/(2π)
        let r = props("relu");
        // 1/√(2π), correctly rounded (mpmath)
        assert_eq!(r.mean, 0.3989422804014327);
        assert!((r.variance - (0.5 - 0.5 / std::f64::consts::PI)).abs() < 1e-9);
    }

    #[test]
    fn plateaus_and_suprema_are_described() {
        let end = |value: f64, attained: bool| End { value, attained };
        let inf = f64::INFINITY;
        assert_eq!(props("relu").deriv_peak_at, PeakAt::Plateau(vec![(end(0.0, false), end(inf, false))]));
        assert_eq!(props("hardtanh").deriv_peak_at, PeakAt::Plateau(vec![(end(-1.0, false), end(1.0, false))]));
        assert_eq!(props("identity").deriv_peak_at, PeakAt::Plateau(vec![(end(-inf, false), end(inf, false))]));
        assert_eq!(
            props("softshrink").deriv_peak_at,
            PeakAt::Plateau(vec![(end(-inf, false), end(-0.5, false)), (end(0.5, false), end(inf, false))])
        );
        // elu'(0) = 1 (the convention), e^x < 1 left of it
        assert_eq!(props("elu").deriv_peak_at, PeakAt::Plateau(vec![(end(0.0, true), end(inf, false))]));
        let sp = props("squareplus");
        assert_eq!((sp.deriv_peak_at, sp.deriv_peak.1), (PeakAt::Approached(inf), 1.0));
        assert_eq!(props("sigmoid").deriv_peak_at, PeakAt::Point(0.0));
    }

    #[test]
    fn the_derivative_range_is_refined_at_both_ends() {
        // mpmath: gelu'(-√2) = -0.1289041451851547863, silu'(-2.3993572805) = -0.0998393201288669170
        let g = props("gelu").deriv_range.0.value;
        assert!((g + 0.12890414518515479).abs() < 1e-15, "{g}");
        let s = props("silu").deriv_range.0.value;
        assert!((s + 0.09983932012886692).abs() < 1e-15, "{s}");
    }

    #[test]
    fn minima_are_found_to_the_last_bit() {
        // the zeros of f' from mpmath (tools/gen_roots.py), rounded to doubles
        use crate::activation::roots::{GELU, GELU_TANH, MISH, SILU};
        for (name, root) in [("gelu", GELU), ("gelu_tanh", GELU_TANH), ("silu", SILU), ("mish", MISH)] {
            let (x, _) = props(name).minimum.unwrap();
            assert_eq!(x, root.x0.0, "{name}");
        }
    }
}
