//! Formulas in every front end: numbers written as formulas, functions written as
//! formulas (derivatives exact for the formula, checked against the catalogue and the
//! mpmath fixture), definitions kept in the init file, calc, compare, and errors that
//! point at their place.

use actlab::activation::lookup;
use actlab::command::line::Session;
use actlab::formula::Definitions;
use actlab::render::Style;
use assert_cmd::Command;

const BIN: &str = env!("CARGO_BIN_EXE_actlab");

/// The binary with its own (empty) init file in `dir`.
fn actlab(dir: &std::path::Path) -> Command {
    let mut c = Command::new(BIN);
    c.env("LC_ALL", "C.UTF-8");
    c.env("ACTLAB_INIT", dir.join("init")).env("NO_COLOR", "1");
    c
}

fn run(dir: &std::path::Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = actlab(dir).args(args).output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into(), out.status.code())
}

/// Lines run in one in-process session: (stdout, the first error).
fn session(lines: &[&str]) -> (String, Option<String>) {
    let mut s = Session::new(Style { format: actlab::render::Format::Csv, ..Style::default() }, None);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut first = None;
    for l in lines {
        if let Err(e) = s.run_line(l, &mut out, &mut err) {
            first.get_or_insert(e.to_string());
        }
    }
    (String::from_utf8_lossy(&out).into(), first)
}

#[test]
fn numbers_are_formulas_wherever_a_number_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (out, _, code) = run(
        d,
        &["eval", "gelu", "sqrt(2)", "pi", "1/3", "-2^0.5", "3*pi/4", "ln(2)", "sigmoid(1)", "1e-3", "-f", "csv"],
    );
    assert_eq!(code, Some(0));
    let gelu = lookup("gelu").unwrap();
    let p = gelu.default_params();
    let want: Vec<String> = [
        2f64.sqrt(),
        std::f64::consts::PI,
        1.0 / 3.0,
        -(2f64.sqrt()),
        3.0 * std::f64::consts::PI / 4.0,
        std::f64::consts::LN_2,
        0.7310585786300049,
        1e-3,
    ]
    .iter()
    .map(|x| {
        format!("{x:?}").trim_end_matches(".0").to_string()
            + ","
            + format!("{:?}", gelu.value(*x, &p)).trim_end_matches(".0")
    })
    .collect();
    let got: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(got, want);
    // ranges, parameters, matrix angles, clip and glu inputs, chain options
    let (out, err, code) = run(d, &["deriv", "gelu", "-pi..pi:pi/8", "-f", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.lines().count(), 18);
    let (out, _, _) = run(d, &["eval", "leaky_relu", "-1", "--slope", "1/5", "-f", "csv"]);
    assert_eq!(out, "x,leaky_relu(slope=0.2)\n-1,-0.2\n");
    let (out, _, _) = run(d, &["matrix", "rotate", "pi/6", "--rad", "-f", "csv"]);
    let (same, _, _) = run(d, &["matrix", "rotate", "0.5235987755982988", "--rad", "-f", "csv"]);
    assert_eq!(out, same);
    let (out, _, code) = run(d, &["clip", "--norm", "sqrt(4)", "3", "2^2", "-f", "csv"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("1.2") && out.contains("1.6"), "{out}");
    let (_, _, code) = run(d, &["glu", "1", "sqrt(2)", "-1/2", "pi", "-f", "csv"]);
    assert_eq!(code, Some(0));
    let (_, err, code) = run(d, &["chain", "tanh", "20", "--at", "pi/4", "--weight", "sqrt(2)", "-f", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    // a plain decimal is the same double as before
    let (out, _, _) = run(d, &["eval", "identity", "0.1", "-f", "csv"]);
    assert_eq!(out, "x,identity\n0.1,0.1\n");
}

#[test]
fn functions_are_formulas_with_exact_derivatives() {
    let (out, err) = session(&[
        "eval 2*sigmoid(2*x)-1,tanh -3..3:1",
        "deriv x*sigmoid(1.702*x) 1",
        "eval \"sigmoid'\" 0",
        "eval sigmoid' 0",
        "eval leaky_relu(x, slope=0.01),leaky_relu(x, slope=0.2) -2",
        "deriv if(x > 0, x, 0.01*x) -3 0 3",
    ]);
    assert_eq!(err, None);
    // tanh from sigmoid: the two columns agree
    for l in out.lines().skip(1).take(7) {
        let v: Vec<f64> = l.split(',').map(|c| c.parse().unwrap()).collect();
        assert!((v[1] - v[2]).abs() <= 2.0 * f64::EPSILON, "{l}");
    }
    assert!(out.contains("x,sigmoid'\n0,0.25\n"));
    assert!(out.contains("-2,-0.02,-0.4\n"));
    // the kink convention of the formula's own if(): the x > 0 branch is taken only above 0
    assert!(out.contains("-3,-0.03,0.01\n0,0,0.01\n3,3,1\n"), "{out}");
    let silu = lookup("silu").unwrap();
    let f = Definitions::new().function("x*sigmoid(1.702*x)", &[]).unwrap();
    let d = f.deriv(1.0);
    assert!(out.contains(&format!("1,{:?},{:?}", f.value(1.0), d)));
    // and through chain, info, plot, xor, collapse
    let (out, err) = session(&[
        "chain x*tanh(softplus(x)) 50 --at 0.5",
        "info x*sigmoid(x)",
        "plot sigmoid(2*x),2*sigmoid(2*x),2*sigmoid(2*x)-1,tanh --cols 40",
        "xor --act x*sigmoid(x) --epochs 100",
        "collapse 3 --act 'max(x, 0)'",
        "glu 1 2 3 4 --gate 'x*sigmoid(x)'",
    ]);
    assert_eq!(err, None);
    // info computes the properties of a formula as of an entry: silu's minimum
    let (entry, _) = session(&["info silu"]);
    let line = |text: &str, key: &str| text.lines().find(|l| l.starts_with(key)).unwrap().to_string();
    assert_eq!(line(&out, "minimum,"), line(&entry, "minimum,"));
    let at = |text: &str| line(text, "minimum at x,")[13..].parse::<f64>().unwrap();
    assert!((at(&out) - at(&entry)).abs() < 1e-9);
    assert!((at(&out) + 1.278_464_542_761_074).abs() < 1e-9 && silu.smooth);
}

#[test]
fn formula_derivatives_match_the_fixture() {
    // silu = x·σ(x) and mish = x·tanh(softplus(x)), written as formulas: value and
    // derivative against mpmath. The product rule adds two rounded terms, so near a
    // zero of the derivative (silu' at -1.278…) the error is measured against the
    // size of the terms, not of their sum: that is what a formula in doubles can do.
    let text = std::fs::read_to_string("tests/fixtures/reference.tsv").unwrap();
    let defs = Definitions::new();
    for (name, formula, terms) in [
        ("silu", "x*sigmoid(x)", "abs(x*sigmoid'(x)) + abs(sigmoid(x))"),
        ("mish", "x*tanh(softplus(x))", "abs(x*tanh'(softplus(x))*softplus'(x)) + abs(tanh(softplus(x)))"),
    ] {
        let f = defs.function(formula, &[]).unwrap();
        let scale = defs.function(terms, &[]).unwrap();
        let (mut worst_value, mut worst_deriv, mut rows) = (0f64, 0f64, 0);
        for line in text.lines().filter(|l| l.starts_with(&format!("{name}\t"))) {
            let c: Vec<&str> = line.split('\t').collect();
            let (x, hi, lo): (f64, f64, f64) = (c[2].parse().unwrap(), c[3].parse().unwrap(), c[4].parse().unwrap());
            // beyond |x| = 700 σ and e^x leave the doubles' normal range: the formula
            // rounds subnormals there, the catalogue does not
            if !hi.is_finite() || x.abs() > 700.0 {
                continue;
            }
            rows += 1;
            let exact = hi + lo;
            let (got, size) =
                if c[1] == "value" { (f.value(x), exact.abs()) } else { (f.deriv(x), scale.value(x).max(exact.abs())) };
            let err = (got - exact).abs() / (size * f64::EPSILON).max(f64::from_bits(1));
            if c[1] == "value" {
                worst_value = worst_value.max(err);
            } else {
                worst_deriv = worst_deriv.max(err);
            }
        }
        assert!(rows > 1000, "{name}: {rows} rows");
        // 2^-52 relative units: 4 of them is 8 ulp at worst, 2 at best
        assert!(worst_value <= 4.0, "{formula}: value {worst_value}");
        assert!(worst_deriv <= 4.0, "{formula}: derivative {worst_deriv}");
    }
}

#[test]
fn identities_hold_to_the_last_bits() {
    let d = Definitions::new();
    let built = d.function("2*sigmoid(2*x)-1", &[]).unwrap();
    let tanh = lookup("tanh").unwrap();
    let p = tanh.default_params();
    for i in -4000..=4000 {
        let x = i as f64 / 200.0;
        // 2σ(2x) - 1 cancels near 0: its error is a few ulp of 1, not of tanh(x)
        assert!((built.value(x) - tanh.value(x, &p)).abs() <= 2.0 * f64::EPSILON, "{x}");
        let (a, b) = (built.deriv(x), tanh.deriv(x, &p));
        assert!((a - b).abs() <= 4.0 * f64::EPSILON * b.abs(), "{x}: {a} {b}");
    }
    // the naive derivative loses everything where tanh' does not
    assert_eq!(d.function("1 - tanh(x)^2", &[]).unwrap().value(20.0), 0.0);
    assert!(d.function("tanh'", &[]).unwrap().value(20.0) > 1e-17);
}

#[test]
fn definitions_are_first_class_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let init = d.join("init");
    // a one-shot def is kept in the init file, and every front end loads it
    let (out, err, code) = run(d, &["def", "swish(x; beta = 1) = x*sigmoid(beta*x)"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.is_empty() && err.contains("defined swish"), "{out}{err}");
    let (_, _, code) = run(d, &["let", "k", "=", "1.702"]);
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(&init).unwrap(), "def swish(x; beta = 1) = x*sigmoid(beta*x)\nlet k = 1.702\n");
    let (out, err, code) = run(d, &["eval", "swish", "1", "--beta", "2", "-f", "csv"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "x,swish(beta=2)\n1,0.8807970779778824\n");
    let (out, _, _) = run(d, &["eval", "gelu", "k", "-f", "csv"]);
    assert!(out.starts_with("x,gelu\n1.702,"));
    let out = actlab(d).write_stdin("eval swish(x, beta=k) 1 -f csv\nlist -f csv\ndefs -f csv\n").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("swish,function,def swish(x; beta = 1) = x*sigmoid(beta*x),"), "{text}");
    // --no-init skips it
    let (_, err, code) = run(d, &["eval", "gelu", "k", "--no-init"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("'k' is not a number"), "{err}");
    // redefining replaces the line; undef removes it
    run(d, &["def", "swish(x; beta = 1) = x*sigmoid(beta*x) + 0"]);
    let (_, _, code) = run(d, &["undef", "k"]);
    assert_eq!(code, Some(0));
    assert_eq!(std::fs::read_to_string(&init).unwrap(), "def swish(x; beta = 1) = x*sigmoid(beta*x) + 0\n");
    // a broken line is named with its line number and skipped, never fatal
    std::fs::write(&init, "def ok(x) = 2*x\ndef bad(x) = 2*\nset format csv\nlet c = 3\n").unwrap();
    let (out, err, code) = run(d, &["eval", "ok", "c", "-f", "csv"]);
    assert_eq!(code, Some(0));
    assert_eq!(out, "x,ok\n3,6\n");
    assert!(err.contains("init:2: ") && err.contains("init:3: only def and let"), "{err}");
    // refused: catalogue names, recursion, removing what others use
    let (_, e) = session(&["def gelu(x) = x"]);
    assert!(e.unwrap().contains("'gelu' is taken"));
    let (_, e) = session(&["def f(x) = f(x) + 1"]);
    assert!(e.unwrap().contains("'f' would use itself"));
    let (_, e) = session(&["def f(x) = 2*x", "def g(x) = f(x) + 1", "def f(x) = g(x)"]);
    assert!(e.unwrap().contains("would use itself"));
    let (_, e) = session(&["def f(x) = 2*x", "def g(x) = f(x) + 1", "undef f"]);
    assert!(e.unwrap().contains("'f' is used by g"));
}

#[test]
fn calc_and_formula_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _, code) = run(dir.path(), &["calc", "2*sigmoid(2)-1"]);
    assert_eq!((out.as_str(), code), ("0.761594156\n", Some(0)));
    let out = actlab(dir.path()).write_stdin("2*sigmoid(2)-1\n-1 + 2\npi\n").arg("-p").arg("17").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "0.76159415595576485\n1\n3.1415926535897931\n");
    let (_, err, code) = run(dir.path(), &["calc", "x*y"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("'x' has no value here"), "{err}");
    let (_, err, _) = run(dir.path(), &["calc", "2*y"]);
    assert!(err.contains("unknown name 'y'"), "{err}");
}

#[test]
fn errors_point_at_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = actlab(dir.path())
        .arg("--keep-going")
        .write_stdin("eval x*sigmoud(x) 1\nderiv 'x*sigmoid(1.702*x' 1\neval 'sigmoid(x, 2)' 1\neval 'leaky_relu(x, slop=1)' 1\nevl gelu 1\n")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("line 1: unknown name 'sigmoud' (did you mean 'sigmoid'?)\n  x*sigmoud(x)\n    ^^^^^^^"),
        "{err}"
    );
    assert!(err.contains("line 2: '(' is never closed\n  x*sigmoid(1.702*x\n           ^"), "{err}");
    assert!(err.contains("line 3: sigmoid takes 1 argument, given 2"), "{err}");
    assert!(err.contains("line 4: leaky_relu has no parameter 'slop' (did you mean 'slope'?)"), "{err}");
    assert!(err.contains("line 5: unknown command 'evl' (did you mean 'eval'?)"), "{err}");
    // 100,000 nested parentheses: an error, not a stack overflow
    let deep = format!("{}x{}", "(".repeat(100_000), ")".repeat(100_000));
    let out = actlab(dir.path()).write_stdin(format!("eval {deep} 1\n")).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("nested too deeply"), "{err}");
    // domain errors follow IEEE
    let (out, _, code) = run(dir.path(), &["eval", "ln(x)", "-1", "-f", "csv"]);
    assert_eq!((out.as_str(), code), ("x,ln(x)\n-1,nan\n", Some(0)));
    // no second derivatives
    let (_, err, _) = run(dir.path(), &["deriv", "tanh'", "1"]);
    assert!(err.contains("second derivative"), "{err}");
}

#[test]
fn the_stream_takes_a_formula_column() {
    let dir = tempfile::tempdir().unwrap();
    let xs: String = (0..10_000).map(|i| format!("{}\n", i as f64 / 1000.0 - 5.0)).collect();
    let out =
        actlab(dir.path()).args(["deriv", "x*sigmoid(1.702*x)", "-", "-f", "csv"]).write_stdin(xs).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let f = Definitions::new().function("x*sigmoid(1.702*x)", &[]).unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for l in text.lines().skip(1).step_by(97) {
        let v: Vec<f64> = l.split(',').map(|c| c.parse().unwrap()).collect();
        assert_eq!((v[1], v[2]), f.value_and_deriv(v[0]), "{l}");
    }
    assert_eq!(text.lines().count(), 10_001);
}

#[test]
fn compare_answers_the_notes_question() {
    let (out, err) = session(&[
        "compare gelu gelu_tanh",
        "compare gelu x*sigmoid(1.702*x) -4..4 --deriv",
        "compare 1-tanh(x)^2 tanh' 0..20",
        "compare gelu gelu_tanh 0 1 2",
    ]);
    assert_eq!(err, None);
    // the largest |G - F| of the tanh form is about 4.7e-4, near x = 2.7, refined off the grid
    let row = out.lines().find(|l| l.starts_with("|G - F|,")).unwrap();
    let v: Vec<&str> = row.split(',').collect();
    let (d, x): (f64, f64) = (v[1].parse().unwrap(), v[2].parse().unwrap());
    assert!((d - 4.73e-4).abs() < 1e-6 && (x - 2.7).abs() < 0.1, "{row}");
    assert!((x * 20001.0 / 12.0).fract() != 0.0);
    assert!(out.contains("formula (interpreted)") && out.contains("catalogue (compiled)"));
    // 1 - tanh(x)^2 is 0 where tanh' is not: the relative error is infinite there
    assert!(out.contains("|G - F|/|F|,inf,"), "{out}");
    assert!(out.contains("x,gelu,gelu_tanh,G - F,|G - F|/|F|,ulps\n0,0,0,0,0,0\n"), "{out}");
}

#[test]
fn glu_takes_a_batch_and_a_linear_layer() {
    // every row of a batch is the single-row result, from arguments, stdin and a file
    let (batch, err) = session(&["glu 1 2 3 4 / 5 6 7 8 / -1 0 1 2 --gate swiglu"]);
    assert_eq!(err, None);
    let mut expected = String::from("row,i,a,b,silu(b),y,∂y/∂a,∂y/∂b\n");
    for (r, row) in ["1 2 3 4", "5 6 7 8", "-1 0 1 2"].iter().enumerate() {
        let (one, _) = session(&[&format!("glu {row} --gate swiglu")]);
        for l in one.lines().skip(1) {
            expected.push_str(&format!("{},{l}\n", r + 1));
        }
    }
    assert_eq!(batch, expected);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.csv"), "a,b,c,d\n1,2,3,4\n5,6,7,8\n-1,0,1,2\n").unwrap();
    let out = actlab(dir.path())
        .args(["glu", "-", "--gate", "swiglu", "-f", "csv"])
        .write_stdin("1 2 3 4\n5\t6\t7\t8\n-1,0,1,2\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), batch);
    let (from_file, _, _) = run(
        dir.path(),
        &["glu", "--file", dir.path().join("x.csv").to_str().unwrap(), "--gate", "swiglu", "-f", "csv"],
    );
    assert_eq!(from_file, batch);
    // a direct computation: y = a·σ(b) to the last bit
    let sig = lookup("sigmoid").unwrap();
    let p = sig.default_params();
    let (out, _) = session(&["glu 0.5 -2 3 1.5"]);
    let row: Vec<f64> = out.lines().nth(1).unwrap().split(',').map(|c| c.parse().unwrap()).collect();
    assert_eq!(row[3], sig.value(3.0, &p));
    assert_eq!(row[5], sig.value(3.0, &p));
    // --linear OUT: a seeded Linear(in, 2·OUT) first; its shapes are named
    let (out, err) = session(&["glu 1 2 3 --linear 2 --gate gelu --seed 7"]);
    assert_eq!(err, None);
    assert_eq!(out.lines().count(), 3, "{out}");
    let (again, _) = session(&["glu 1 2 3 --linear 2 --gate gelu --seed 7"]);
    assert_eq!(out, again);
    let (_, err) = session(&["glu 1 2 3 4 / 5 6"]);
    assert!(err.unwrap().contains("row 2 has 2 values where row 1 has 4"));
}
