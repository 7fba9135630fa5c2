//! ns per value for every activation and derivative (divan), on 1024 inputs drawn
//! from N(0, 2²) — where networks evaluate them — plus the tails.
//! Run: cargo bench --bench activations

use actlab_core::activation::{CATALOGUE, Params};
use std::hint::black_box;

#[path = "common/inputs.rs"]
mod inputs;
use inputs::inputs;

fn main() {
    divan::main();
}

fn names() -> Vec<&'static str> {
    CATALOGUE.iter().map(|a| a.name).collect()
}

#[divan::bench(args = names(), counter = divan::counter::ItemsCount::new(1024usize))]
fn value(bencher: divan::Bencher, name: &str) {
    let a = actlab_core::activation::lookup(name).unwrap();
    let p: Params = a.default_params();
    let xs = inputs();
    bencher.bench(|| xs.iter().map(|x| a.value(black_box(*x), &p)).sum::<f64>());
}

#[divan::bench(args = names(), counter = divan::counter::ItemsCount::new(1024usize))]
fn deriv(bencher: divan::Bencher, name: &str) {
    let a = actlab_core::activation::lookup(name).unwrap();
    let p: Params = a.default_params();
    let xs = inputs();
    bencher.bench(|| xs.iter().map(|x| a.deriv(black_box(*x), &p)).sum::<f64>());
}

/// Value and derivative in one call (what `deriv` and the chains use): fused where the
/// catalogue entry has `both` (GELU computes Φ once), else the two apart.
#[divan::bench(args = names(), counter = divan::counter::ItemsCount::new(1024usize))]
fn value_and_deriv(bencher: divan::Bencher, name: &str) {
    let a = actlab_core::activation::lookup(name).unwrap();
    let p: Params = a.default_params();
    let xs = inputs();
    bencher.bench(|| {
        xs.iter()
            .map(|x| {
                let (v, d) = a.value_and_deriv(black_box(*x), &p);
                v + d
            })
            .sum::<f64>()
    });
}

/// The correctly rounded primitives underneath (core-math), for comparison.
#[divan::bench(args = ["exp", "expm1", "log1p", "tanh", "erfc", "std_exp"], counter = divan::counter::ItemsCount::new(1024usize))]
fn primitive(bencher: divan::Bencher, name: &str) {
    let f: fn(f64) -> f64 = match name {
        "exp" => core_math::exp,
        "expm1" => core_math::expm1,
        "log1p" => core_math::log1p,
        "tanh" => core_math::tanh,
        "erfc" => core_math::erfc,
        _ => f64::exp,
    };
    let xs: Vec<f64> = inputs().iter().map(|x| -x.abs() / 4.0).collect();
    bencher.bench(|| xs.iter().map(|x| f(black_box(*x))).sum::<f64>());
}
