//! What is built on the activations, against the mpmath reference
//! (tests/fixtures/maps.tsv, made by tests/fixtures/gen_maps.py): gated linear units
//! for every gate, 2-D maps (determinants, eigenvalues, singular values over scaled
//! and near-degenerate matrices, projections, rotations) and gradient clipping near
//! the ends of the doubles. The same promise as the activations: within 2 ulp, no
//! wrong sign, no lost non-zero, NaN only where the truth is NaN.
//!
//! `cargo test --test accuracy_maps -- --nocapture` prints the table in docs/accuracy.md.

mod common;
use actlab::activation::Function;
use actlab::activation::glu::{Gate, glu};
use actlab::gradient::clip::by_norm;
use actlab::linalg::{Affine, Op, sincos_deg};
use common::ulp_error;
use std::collections::BTreeMap;

const BOUND_ULP: f64 = 2.0;

/// actlab's value of one fixture row's quantity.
fn computed(kind: &str, x: &[f64], quantity: &str) -> f64 {
    if let Some(gate) = kind.strip_prefix("glu:") {
        let gate = Function::entry(Gate::named(gate).unwrap().activation());
        let u = glu(x, &gate).unwrap()[0];
        return match quantity {
            "y" => u.y,
            "dy_da" => u.dy_da,
            "dy_db" => u.dy_db,
            _ => panic!("{quantity}"),
        };
    }
    match kind {
        "matrix" => {
            let m = Affine::linear(x[0], x[1], x[2], x[3]);
            let [(r1, i1), (r2, i2)] = m.eigenvalues();
            let (s1, s2) = m.singular_values();
            match quantity {
                "det" => m.det(),
                "eig1re" => r1,
                "eig1im" => i1,
                "eig2re" => r2,
                "eig2im" => i2,
                "s1" => s1,
                "s2" => s2,
                _ => panic!("{quantity}"),
            }
        }
        "project" => {
            let p = Affine::of(&Op::Project(x[0], x[1])).unwrap().m;
            match quantity {
                "p11" => p[0][0],
                "p12" => p[0][1],
                "p22" => p[1][1],
                _ => panic!("{quantity}"),
            }
        }
        "rotate" => {
            let (s, c) = sincos_deg(x[0]);
            if quantity == "cos" { c } else { s }
        }
        "clip" => {
            let i: usize = quantity.strip_prefix("out").unwrap().parse().unwrap();
            by_norm(&x[1..], x[0]).0[i - 1]
        }
        _ => panic!("unknown kind {kind}"),
    }
}

#[derive(Default)]
struct Stat {
    max: f64,
    at: String,
    n: usize,
    misrounded: usize,
    bad: Vec<String>,
}

fn stats() -> BTreeMap<(String, String), Stat> {
    let mut stats: BTreeMap<(String, String), Stat> = BTreeMap::new();
    for line in include_str!("fixtures/maps.tsv").lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let x: Vec<f64> = f[1].split(',').map(|v| v.parse().unwrap()).collect();
        let (hi, lo): (f64, f64) = (f[3].parse().unwrap(), f[4].parse().unwrap());
        let got = computed(f[0], &x, f[2]);
        let err = ulp_error(got, hi, lo);
        // eig*: a real pair's second eigenvalue (small = det / big) and a complex
        // pair's parts are grouped by quantity, not by case
        let st = stats.entry((f[0].to_string(), f[2].to_string())).or_default();
        st.n += 1;
        if got.to_bits() != hi.to_bits() && !(got == 0.0 && hi == 0.0) {
            st.misrounded += 1;
        }
        if err > st.max {
            st.max = err;
            st.at = f[1].to_string();
        }
        let wrong_sign = got != 0.0 && hi != 0.0 && (got > 0.0) != (hi > 0.0);
        let lost = got == 0.0 && hi != 0.0;
        if err > BOUND_ULP || wrong_sign || lost || got.is_nan() {
            st.bad.push(format!("({}): got {got:e}, exact {hi:e} + {lo:e} ({err:.3} ulp)", f[1]));
        }
    }
    stats
}

#[test]
fn glu_maps_and_clipping_within_two_ulp() {
    let stats = stats();
    println!("| kind | quantity | max ulp | at | misrounded | cases |");
    println!("|---|---|---|---|---|---|");
    for ((k, q), st) in &stats {
        println!("| {k} | {q} | {:.3} | {} | {} | {} |", st.max, st.at, st.misrounded, st.n);
    }
    let mut failures = Vec::new();
    for ((k, q), st) in &stats {
        for b in st.bad.iter().take(6) {
            failures.push(format!("{k} {q} {b}"));
        }
        if st.bad.len() > 6 {
            failures.push(format!("{k} {q}: ... {} failures in all", st.bad.len()));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Every gate has rows, and every kind of map.
#[test]
fn the_fixture_covers_every_gate_and_kind() {
    let stats = stats();
    for gate in Gate::ALL {
        let name = format!("glu:{}", gate.activation().name);
        assert!(stats.keys().any(|(k, _)| *k == name), "no rows for the {name} gate");
    }
    for kind in ["matrix", "project", "rotate", "clip"] {
        assert!(stats.keys().any(|(k, _)| k == kind), "no rows for {kind}");
    }
}
