//! One unit through DEPTH layers: the product of local factors W·f'(z_k).

use super::{BigProduct, Crossing};
use crate::activation::Function;
use crate::interrupt::{Interrupt, Interrupted};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use statrs::distribution::Normal;

/// Where the pre-activations come from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PreActivation {
    /// Every layer sees the same z.
    At(f64),
    /// A real forward pass: z_k = W a_{k-1} + B, a_k = f(z_k), a_0 = input.
    Forward {
        /// B.
        bias: f64,
        /// a_0.
        input: f64,
    },
    /// z_k drawn from N(0, 1), reproducible by seed.
    Random {
        /// The generator's seed.
        seed: u64,
    },
}

impl PreActivation {
    /// From the command options: `--at X`, else `--random [--seed S]`, else a forward
    /// pass with `--bias B` (default 0) and `--input X0` (default 1).
    pub fn from_options(
        at: Option<f64>,
        random: bool,
        seed: Option<u64>,
        bias: Option<f64>,
        input: Option<f64>,
    ) -> Self {
        if let Some(x) = at {
            PreActivation::At(x)
        } else if random {
            PreActivation::Random { seed: seed.unwrap_or(0) }
        } else {
            PreActivation::Forward { bias: bias.unwrap_or(0.0), input: input.unwrap_or(1.0) }
        }
    }
}

/// One layer of a scalar chain.
#[derive(Clone, Copy, Debug)]
pub struct Layer {
    /// The layer, from 1.
    pub k: u64,
    /// Its pre-activation.
    pub z: f64,
    /// f'(z).
    pub deriv: f64,
    /// The local factor W·f'(z).
    pub factor: f64,
    /// The product of the factors so far.
    pub product: BigProduct,
}

/// A scalar chain in progress, one layer per `next()`.
pub struct ScalarChain<'a> {
    f: &'a Function,
    pre: PreActivation,
    weight: f64,
    k: u64,
    a: f64,
    product: BigProduct,
    rng: Option<(StdRng, Normal)>,
    /// f'(X) for `At(X)`: every layer is the same, so it is computed once.
    fixed: Option<f64>,
    /// The last layer's z and factor (a forward pass repeats once z does).
    last_z: f64,
    last_deriv: f64,
    last_factor: f64,
}

impl<'a> ScalarChain<'a> {
    /// A chain of `f` at parameters `p`, pre-activations from `pre`, layer weight `weight`.
    pub fn new(f: &'a Function, pre: PreActivation, weight: f64) -> Self {
        let (a, rng) = match pre {
            PreActivation::Forward { input, .. } => (input, None),
            PreActivation::Random { seed } => (0.0, Some((StdRng::seed_from_u64(seed), Normal::standard()))),
            PreActivation::At(_) => (0.0, None),
        };
        let fixed = if let PreActivation::At(x) = pre { Some(f.deriv(x)) } else { None };
        ScalarChain {
            f,
            pre,
            weight,
            k: 0,
            a,
            product: BigProduct::ONE,
            rng,
            fixed,
            last_z: f64::NAN,
            last_deriv: f64::NAN,
            last_factor: f64::NAN,
        }
    }

    /// The layers done so far.
    pub fn layers(&self) -> u64 {
        self.k
    }

    /// The product so far.
    pub fn product(&self) -> BigProduct {
        self.product
    }

    /// Layer k + 1.
    #[inline]
    pub fn next_layer(&mut self) -> Layer {
        self.step();
        self.last()
    }

    /// The last layer computed (or jumped to).
    #[inline]
    pub fn last(&self) -> Layer {
        Layer { k: self.k, z: self.last_z, deriv: self.last_deriv, factor: self.last_factor, product: self.product }
    }

    /// Compute layer k + 1 (read it with [`last`](Self::last) when it is shown).
    #[inline]
    pub fn step(&mut self) {
        self.k += 1;
        let z = match self.pre {
            PreActivation::At(x) => x,
            PreActivation::Forward { bias, .. } => self.weight * self.a + bias,
            PreActivation::Random { .. } => {
                let (rng, n) = self.rng.as_mut().expect("random chain has a generator");
                rng.sample(*n)
            }
        };
        // (fixed is set only for a chain at one point, never for a forward pass)
        let deriv = match (self.fixed, &self.pre) {
            (Some(d), _) => d,
            (None, PreActivation::Forward { .. }) => {
                let (a, d) = self.f.value_and_deriv(z);
                self.a = a;
                d
            }
            (None, _) => self.f.deriv(z),
        };
        let factor = self.weight * deriv;
        self.product.mul(factor);
        self.last_z = z;
        self.last_deriv = deriv;
        self.last_factor = factor;
    }

    /// Step layers until layer `until`, a layer that crosses a threshold for the first
    /// time (recorded in `cross`; returns true), or a layer after which the chain
    /// [`repeats`](Self::repeats) (so that the caller may jump): one tight loop, what a
    /// chain that never settles spends its time in.
    pub fn advance(&mut self, until: u64, cross: &mut Crossing) -> bool {
        while self.k < until {
            self.step();
            if cross.update_product(self.k, &self.product) {
                return true;
            }
            if self.repeats() {
                break;
            }
        }
        false
    }

    /// Whether every layer from here on is the last one again (the same z, so the same
    /// factor): a chain at one point, or a forward pass that has reached a fixed point
    /// of z ↦ W·f(z) + B (sigmoid's 0.659…, gelu's 5e-324 after ~1075 halvings).
    pub fn repeats(&self) -> bool {
        if self.k == 0 || self.last_factor.is_nan() {
            return false;
        }
        match self.pre {
            PreActivation::At(_) => true,
            PreActivation::Forward { bias, .. } => (self.weight * self.a + bias).to_bits() == self.last_z.to_bits(),
            PreActivation::Random { .. } => false,
        }
    }

    /// Layers k + 1 ..= k + n at once, when the chain [`repeats`](Self::repeats): the
    /// product times the last factor to the n-th power. Returns the last of them.
    pub fn skip(&mut self, n: u64) -> Layer {
        self.k += n;
        self.product.mul_pow(self.last_factor, n);
        self.last()
    }

    /// For a repeating chain: the last layer it may jump to, `limit` or, when a
    /// threshold that `c` has not seen crossed would be crossed before, two layers short
    /// of where the logarithms put the crossing (the layers from there are stepped).
    pub fn jump_limit(&self, c: &Crossing, limit: u64) -> u64 {
        self.next_crossing(c).map_or(limit, |j| limit.min(j.saturating_sub(2)))
    }

    /// For a repeating chain: the first layer at which the product would cross a
    /// threshold that `c` has not seen crossed yet, estimated from the logarithms (the
    /// caller steps the last layers before it one by one).
    fn next_crossing(&self, c: &Crossing) -> Option<u64> {
        let f = self.last_factor.abs();
        if !(f > 0.0 && f.is_finite() && f != 1.0) {
            return None;
        }
        let (l, lf) = (self.product.log10_approx(), f.log10());
        let target = if lf < 0.0 && c.vanished_at.is_none() {
            super::VANISH
        } else if lf > 0.0 && c.exploded_at.is_none() {
            super::EXPLODE
        } else {
            return None;
        };
        let steps = ((target - l) / lf).max(0.0);
        Some(self.k.saturating_add(if steps < 1e18 { steps as u64 } else { u64::MAX / 2 }))
    }
}

/// Run a whole chain and return the final log10 |product| and its crossings; `stop`
/// is asked every 65,536 layers.
pub fn run(
    f: &Function,
    pre: PreActivation,
    weight: f64,
    depth: u64,
    stop: &dyn Interrupt,
) -> Result<(f64, Crossing), Interrupted> {
    let mut c = ScalarChain::new(f, pre, weight);
    let mut cross = Crossing::default();
    while c.k < depth {
        if stop.interrupted() {
            return Err(Interrupted);
        }
        if c.repeats() {
            // jump to just before a crossing (stepped one by one), or to the end
            let until = c.jump_limit(&cross, depth);
            if until > c.k + 1 {
                let n = until - c.k - 1;
                c.skip(n);
                continue;
            }
        }
        // at most 65,536 layers between two questions to `stop`
        c.advance(depth.min(c.k + 65536), &mut cross);
    }
    let last = if c.k == 0 { 0.0 } else { c.product.log10_approx() };
    Ok((last, cross))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::lookup;
    use crate::interrupt::Never;

    #[test]
    fn sigmoid_at_zero_is_a_quarter_per_layer() {
        let s = &Function::entry(lookup("sigmoid").unwrap());
        let mut c = ScalarChain::new(s, PreActivation::At(0.0), 1.0);
        let mut last = c.next_layer();
        for _ in 1..20 {
            last = c.next_layer();
        }
        assert_eq!(last.product.to_f64(), 9.094947017729282e-13);
        let (l, cross) = run(s, PreActivation::At(0.0), 1.0, 1000, &Never).unwrap();
        assert!((l + 602.0599913279624).abs() < 1e-10);
        assert_eq!(cross.vanished_at, Some(10));
    }

    #[test]
    fn relu_forward_pass_is_stable_and_random_is_reproducible() {
        let r = &Function::entry(lookup("relu").unwrap());
        let (l, cross) = run(r, PreActivation::Forward { bias: 0.0, input: 1.0 }, 1.0, 50, &Never).unwrap();
        assert_eq!((l, cross), (0.0, Crossing::default()));
        let t = &Function::entry(lookup("tanh").unwrap());
        let a = run(t, PreActivation::Random { seed: 7 }, 1.0, 30, &Never).unwrap();
        let b = run(t, PreActivation::Random { seed: 7 }, 1.0, 30, &Never).unwrap();
        assert_eq!(a, b);
    }
}
