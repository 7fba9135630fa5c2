//! ns per value for the text around the numbers (divan): shortest round-trip
//! formatting (zmij, which actlab uses, against ryu) and parsing, on the same inputs
//! as actlab-core's activation bench.
//! Run: cargo bench --bench io

use std::hint::black_box;

#[path = "../actlab-core/benches/common/inputs.rs"]
mod inputs;
use inputs::inputs;

fn main() {
    divan::main();
}

/// Shortest round-trip formatting: ryu against zmij.
#[divan::bench(args = ["ryu", "zmij"], counter = divan::counter::ItemsCount::new(1024usize))]
fn format(bencher: divan::Bencher, name: &str) {
    let xs: Vec<f64> = inputs().iter().map(|x| x * 1.2345678901).collect();
    let mut out = Vec::with_capacity(32 * 1024);
    if name == "ryu" {
        let mut b = ryu::Buffer::new();
        bencher.bench_local(|| {
            out.clear();
            for x in &xs {
                out.extend_from_slice(b.format_finite(black_box(*x)).as_bytes());
            }
            out.len()
        });
    } else {
        let mut b = zmij::Buffer::new();
        bencher.bench_local(|| {
            out.clear();
            for x in &xs {
                out.extend_from_slice(b.format_finite(black_box(*x)).as_bytes());
            }
            out.len()
        });
    }
}

/// Parsing decimal text: the standard library.
#[divan::bench(counter = divan::counter::ItemsCount::new(1024usize))]
fn parse(bencher: divan::Bencher) {
    let text: Vec<String> = inputs().iter().map(|x| format!("{:?}", x * 1.2345678901)).collect();
    bencher.bench(|| text.iter().map(|t| black_box(t.as_str()).parse::<f64>().unwrap()).sum::<f64>());
}
