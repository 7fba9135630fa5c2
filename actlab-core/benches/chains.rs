//! ns per layer of a scalar chain's default forward pass (z_k = f(z_(k-1)), from 1):
//! the chains that never settle, whose every layer computes a value and a derivative
//! (what `chain FN 10000000` spends its time on), and the product alone.
//! Run: cargo bench -p actlab-core --bench chains

use actlab_core::activation::Function;
use actlab_core::activation::lookup;
use actlab_core::gradient::BigProduct;
use actlab_core::gradient::scalar::{PreActivation, run};
use actlab_core::interrupt::Never;
use std::hint::black_box;

fn main() {
    divan::main();
}

const LAYERS: u64 = 100_000;

#[divan::bench(
    args = ["tanh", "softsign", "log_sigmoid", "softplus", "squareplus", "sigmoid"],
    counter = divan::counter::ItemsCount::new(LAYERS as usize),
    sample_count = 20
)]
fn forward(bencher: divan::Bencher, name: &str) {
    let f = Function::entry(lookup(name).unwrap());
    let pre = PreActivation::Forward { bias: 0.0, input: 1.0 };
    bencher.bench(|| run(&f, black_box(pre), 1.0, LAYERS, &Never).unwrap());
}

/// The running product alone: a factor near 1 per layer.
#[divan::bench(counter = divan::counter::ItemsCount::new(LAYERS as usize), sample_count = 20)]
fn product(bencher: divan::Bencher) {
    bencher.bench(|| {
        let mut p = BigProduct::ONE;
        let mut f = 0.999_999_85;
        for _ in 0..LAYERS {
            p.mul(black_box(f));
            f = f * 1.000_000_000_1 - 1e-20;
        }
        p
    });
}
