//! Issue 17's defects at the extremes, each pinned to a value computed with mpmath (50
//! digits, inputs converted exactly, the result rounded once), not to actlab's own
//! output.

use actlab::activation::glu::glu;
use actlab::activation::{Function, ParamError, lookup};

#[test]
fn squareplus_at_extreme_b() {
    let sp = lookup("squareplus").unwrap();
    let p = sp.params_with(&[("b", 1e300)]).unwrap();
    // mpmath: (x + √(x² + b))/2 and (1 + x/√(x² + b))/2 at x = ±2e150, b = 1e300
    assert_eq!(sp.value_and_deriv(2e150, &p), (2.118033988749895e150, 0.947213595499958));
    assert_eq!(sp.value_and_deriv(-2e150, &p), (1.1803398874989485e149, 0.052786404500042065));
    // b = 0 is relu (no NaN or inf at tiny x); at 0 the derivative is the limit 1/2
    let relu = sp.params_with(&[("b", 0.0)]).unwrap();
    assert_eq!(sp.value_and_deriv(1e-160, &relu), (1e-160, 1.0));
    assert_eq!(sp.value_and_deriv(-1e-160, &relu), (0.0, 0.0));
    assert_eq!(sp.value_and_deriv(0.0, &relu), (0.0, 0.5));
}

#[test]
fn glu_keeps_what_the_gate_underflows() {
    let gate = |n: &str| Function::entry(lookup(n).unwrap());
    // mpmath: a·σ(b), a·σ(b)(1 - σ(b)) at a = 1e300, b = -780
    let u = glu(&[1e300, -780.0], &gate("sigmoid")).unwrap()[0];
    assert_eq!((u.y, u.dy_db), (1.779525089371171e-39, 1.779525089371171e-39));
    // the sign of a zero: a = -1, b = -800 gives -0
    let u = glu(&[-1.0, -800.0], &gate("sigmoid")).unwrap()[0];
    assert!(u.y == 0.0 && u.y.is_sign_negative(), "{u:?}");
    // mpmath: a·b·σ(b), a·σ(b)(1 + b(1 - σ(b)))
    let u = glu(&[1e300, -780.0], &gate("silu")).unwrap()[0];
    assert_eq!((u.y, u.dy_db), (-1.3880295697095133e-36, -1.3862500446201422e-36));
    // mpmath: a·b·Φ(b), a·(Φ(b) + b·φ(b)) at b = -40
    let u = glu(&[1e300, -40.0], &gate("gelu")).unwrap()[0];
    assert_eq!((u.y, u.dy_db), (-1.462357416366012e-48, -5.849425109812298e-47));
}

#[test]
fn clipping_near_the_ends_of_the_doubles() {
    use actlab::gradient::clip::by_norm;
    // exact: 3-4-5 triangles scaled
    assert_eq!(by_norm(&[3e300, 4e300], 1e10).0, vec![6e9, 8e9]);
    assert_eq!(by_norm(&[3e-170, 4e-170], 1e-300).0, vec![6e-301, 8e-301]);
}

#[test]
fn infinite_parameters_are_refused_with_a_message() {
    let celu = lookup("celu").unwrap();
    assert!(matches!(celu.params_with(&[("alpha", f64::INFINITY)]), Err(ParamError::NotFinite { .. })));
    let sp = lookup("squareplus").unwrap();
    assert!(matches!(sp.params_with(&[("b", f64::INFINITY)]), Err(ParamError::NotFinite { .. })));
    // softplus's threshold alone takes inf (its default: no threshold)
    let softplus = lookup("softplus").unwrap();
    assert!(softplus.params_with(&[("threshold", f64::INFINITY)]).is_ok());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_actlab"))
        .env("LC_ALL", "C.UTF-8")
        .args(["eval", "celu", "-1", "--alpha", "inf"])
        .env("ACTLAB_INIT", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("celu --alpha inf: give a finite value"));
}

#[test]
fn maps_at_any_scale_and_rotations_that_add_up() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_actlab"))
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .env("ACTLAB_INIT", "")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // rotations in a row are one rotation: exactly rotate 90's matrix
    let twice = run(&["matrix", "rotate", "45", "then", "rotate", "45", "-f", "csv"]);
    let once = run(&["matrix", "rotate", "90", "-f", "csv"]);
    assert_eq!(twice.lines().nth(1), once.lines().nth(1));
    assert_eq!(twice.lines().nth(2), once.lines().nth(2));
    // scale 1e-200 is invertible, its eigenvalues 1e-200 (not 0)
    let tiny = run(&["matrix", "scale", "1e-200", "-f", "csv"]);
    assert!(tiny.contains("rank,2,") && tiny.contains("\"eigenvalue 2 (re, im)\",1e-200,0"), "{tiny}");
    // no NaN from a huge map; a tiny rotation keeps its imaginary parts (sin 1e-10 = 1e-10)
    let big = run(&["matrix", "rotate", "45", "then", "scale", "1e200", "-f", "csv"]);
    assert!(!big.contains(",nan"), "{big}");
    let small = run(&["matrix", "rotate", "1e-10", "--rad", "-f", "csv"]);
    assert!(small.contains("\"eigenvalue 1 (re, im)\",1,1e-10"), "{small}");
}

#[test]
fn chains_print_only_the_digits_that_are_right() {
    // mpmath: (1 - tanh²(0.001))^1000 = 0.99900049999987503054589, log10 of it
    // -0.00043429440952085749716; σ'(700)^1e6 = 4.65290001988e-304006138, log10
    // -304006137.33227627935579
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_actlab"))
        .env("LC_ALL", "C.UTF-8")
        .args(["chain", "tanh", "1000", "--at", "0.001", "-f", "csv"])
        .env("ACTLAB_INIT", "")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let last: Vec<&str> = text.lines().last().unwrap().split(',').collect();
    let within_last_digit = |shown: &str, exact: f64| {
        let digits = shown.trim_start_matches(['-', '0', '.']).replace('.', "").len() as i32;
        let mag = exact.abs().log10().floor() as i32;
        let half_unit = 0.5 * 10f64.powi(mag - digits + 1);
        (shown.parse::<f64>().unwrap() - exact).abs() <= half_unit * 1.0001
    };
    assert!(within_last_digit(last[3], 0.999_000_499_999_875_1), "{}", last[3]);
    assert!(last[3].len() < 17, "{} has more digits than 1000 roundings leave right", last[3]);
    let l: f64 = last[4].parse().unwrap();
    assert!((l + 0.000_434_294_409_520_857_5).abs() < 5e-14, "{l}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_actlab"))
        .env("LC_ALL", "C.UTF-8")
        .args(["chain", "sigmoid", "1000000", "--at", "700", "-f", "csv"])
        .env("ACTLAB_INIT", "")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let last: Vec<&str> = text.lines().last().unwrap().split(',').collect();
    let (mant, exp) = last[3].split_once('e').unwrap();
    assert_eq!(exp, "-304006138");
    assert!(within_last_digit(mant, 4.652_900_019_882_612), "{mant}");
    let l: f64 = last[4].parse().unwrap();
    assert!((l + 304_006_137.332_276_3).abs() < 1e-7, "{l}");
}
