//! softmax, log_softmax, softmin and their Jacobians against the mpmath fixture
//! (tests/fixtures/softmax.tsv, made by tests/fixtures/gen_softmax.py): every value
//! within 2 ulp of the exact result, no 0 where the truth is a non-zero double, across
//! inputs spread over 1e300, equal inputs, the largest doubles and six temperatures.

mod common;
use actlab::activation::softmax::{Kind, jacobian, softmax};
use common::ulp_error;
use std::collections::HashMap;

fn parse(v: &str) -> f64 {
    v.parse().unwrap()
}

#[test]
fn the_family_is_within_two_ulp_of_mpmath() {
    let text = std::fs::read_to_string("tests/fixtures/softmax.tsv").unwrap();
    let mut cache: HashMap<(String, String, String), Vec<Vec<f64>>> = HashMap::new();
    let mut worst: HashMap<String, (f64, String)> = HashMap::new();
    let mut rows = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&str> = line.split('\t').collect();
        let (kind, t, xs) = (c[0], c[1], c[2]);
        let (i, j): (usize, i64) = (c[3].parse().unwrap(), c[4].parse().unwrap());
        let (hi, lo) = (parse(c[5]), parse(c[6]));
        let x: Vec<f64> = xs.split(',').map(parse).collect();
        let temp = parse(t);
        let got = cache.entry((kind.to_string(), t.to_string(), xs.to_string())).or_insert_with(|| match kind {
            "softmax" => vec![softmax(&x, temp, Kind::Softmax).unwrap()],
            "log_softmax" => vec![softmax(&x, temp, Kind::LogSoftmax).unwrap()],
            "softmin" => vec![softmax(&x, temp, Kind::Softmin).unwrap()],
            "jacobian" => jacobian(&x, temp, Kind::Softmax).unwrap(),
            "log_softmax_jacobian" => jacobian(&x, temp, Kind::LogSoftmax).unwrap(),
            "softmin_jacobian" => jacobian(&x, temp, Kind::Softmin).unwrap(),
            k => panic!("unknown kind {k}"),
        });
        let v = if j < 0 { got[0][i] } else { got[i][j as usize] };
        let err = ulp_error(v, hi, lo);
        let at = format!("{kind} T={t} x=[{xs}] ({i},{j}): got {v:e}, exact {hi:e}");
        assert!(!(v == 0.0 && hi != 0.0), "a lost non-zero: {at}");
        let w = worst.entry(kind.to_string()).or_insert((0.0, String::new()));
        if err > w.0 {
            *w = (err, at);
        }
        rows += 1;
    }
    assert!(rows > 10_000, "{rows} rows");
    for (kind, (err, at)) in &worst {
        println!("{kind}: max {err:.3} ulp at {at}");
        assert!(*err <= 2.0, "{kind}: {err} ulp at {at}");
    }
}

#[test]
fn softmax_is_invariant_to_a_constant() {
    // (shifts that are exact in doubles: x + c is exactly the shifted vector)
    let x = [0.25, -1.75, 2.25, 9.0];
    let s = softmax(&x, 1.0, Kind::Softmax).unwrap();
    for c in [1.0, -64.0, 1024.0] {
        let shifted: Vec<f64> = x.iter().map(|v| v + c).collect();
        assert_eq!(softmax(&shifted, 1.0, Kind::Softmax).unwrap(), s);
    }
}

#[test]
fn the_commands_in_the_shell_and_in_scripts() {
    let bin = env!("CARGO_BIN_EXE_actlab");
    let out = std::process::Command::new(bin)
        .env("LC_ALL", "C.UTF-8")
        .args(["softmax", "1", "2", "3", "-f", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "i,x,softmax\n1,1,0.09003057317038046\n2,2,0.24472847105479764\n3,3,0.6652409557748219\n"
    );
    let mut session = actlab::command::line::Session::new(
        actlab::render::Style { format: actlab::render::Format::Csv, ..Default::default() },
        None,
    );
    let (mut o, mut e) = (Vec::new(), Vec::new());
    session.run_line("log_softmax 0 -1000 --jacobian", &mut o, &mut e).unwrap();
    let text = String::from_utf8_lossy(&o);
    assert!(text.starts_with("i,x,log_softmax\n1,0,0\n2,-1000,-1000\n"), "{text}");
    let err = session.run_line("softmin 1 2 --temperature 0", &mut o, &mut e).unwrap_err().to_string();
    assert!(err.contains("positive, finite temperature"), "{err}");
    // rows of the softmax Jacobian sum to 0
    let mut o = Vec::new();
    session.run_line("softmax 0.5 -1 3 --jacobian -t 2", &mut o, &mut e).unwrap();
    let text = String::from_utf8_lossy(&o);
    for row in text.lines().filter(|l| l.starts_with("softmax_")) {
        let sum: f64 = row.split(',').skip(1).map(|c| c.parse::<f64>().unwrap()).sum();
        assert!(sum.abs() < 1e-16, "{row}");
    }
}
