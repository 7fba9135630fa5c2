//! The binary in its three front ends: one-shot shell commands, script mode (piped
//! stdin and `run FILE`), and the prompt (in a pseudo-terminal). Expected numbers
//! come from the mpmath reference (tests/fixtures/reference.tsv).

use predicates::prelude::*;
use std::io::{Read, Write};
use std::process::Stdio;

mod common;
use common::{actlab, stdout_of};

// ------------------------------------------------------------------ one-shot shell

#[test]
fn shell_eval_prints_a_table() {
    actlab().args(["eval", "gelu", "1.5"]).assert().success().stdout(predicate::str::contains("1.399789198"));
}

#[test]
fn shell_csv_is_shortest_round_trip() {
    // reference: gelu(1.5) = 1.399789198096713 (correctly rounded)
    assert_eq!(stdout_of(&["eval", "gelu", "1.5", "--format", "csv"]), "x,gelu\n1.5,1.399789198096713\n");
    // deriv: x, value, derivative, in that order; tanh(0.3), tanh'(0.3) from the reference
    assert_eq!(
        stdout_of(&["deriv", "tanh", "0.3", "--format", "csv"]),
        "x,tanh,tanh'\n0.3,0.2913126124515909,0.9151369618266292\n"
    );
}

#[test]
fn shell_tails_that_other_libraries_lose() {
    // σ'(40) = 4.248354255291589e-18 (σ(1-σ) gives 0); gelu(-10) = -7.619853024160526e-23 (erf form gives 0)
    assert_eq!(
        stdout_of(&["deriv", "sigmoid", "40", "-f", "tsv"]),
        "x\tsigmoid\tsigmoid'\n40\t1\t4.248354255291589e-18\n"
    );
    assert_eq!(stdout_of(&["eval", "gelu", "-10", "-f", "csv"]), "x,gelu\n-10,-7.619853024160526e-23\n");
}

#[test]
fn shell_several_functions_and_ranges() {
    let out = stdout_of(&["eval", "relu,leaky_relu", "-2..2:0.5", "--format", "csv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "x,relu,leaky_relu");
    assert_eq!(lines.len(), 10);
    assert_eq!(lines[1], "-2,0,-0.02");
    assert_eq!(lines[9], "2,2,2");
}

#[test]
fn shell_parameters_per_call() {
    let out = stdout_of(&["eval", "leaky_relu", "0.5", "-2", "--slope", "0.2", "-f", "csv"]);
    assert_eq!(out, "x,leaky_relu(slope=0.2)\n0.5,0.5\n-2,-0.4\n");
}

#[test]
fn shell_stdin_accepts_every_special_double() {
    let out = actlab()
        .args(["eval", "relu,sigmoid", "-", "--format", "csv"])
        .write_stdin("inf -inf\nnan 5e-324 -0 1e-310\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0], ["inf", "inf", "1"]);
    assert_eq!(rows[1], ["-inf", "0", "0"]);
    assert_eq!(rows[2], ["nan", "nan", "nan"]);
    assert_eq!(rows[3], ["5e-324", "5e-324", "0.5"]);
    assert_eq!(rows[4][0], "-0");
    assert_eq!(rows[5][0], "1e-310");
}

#[test]
fn every_machine_output_reparses_to_the_library_value() {
    use actlab::activation::lookup;
    for name in ["gelu", "mish", "softplus", "selu", "tanhshrink"] {
        let out = stdout_of(&["deriv", name, "-30..30:0.37", "--format", "csv"]);
        let a = lookup(name).unwrap();
        let p = a.default_params();
        for line in out.lines().skip(1) {
            let v: Vec<f64> = line.split(',').map(|s| s.parse().unwrap()).collect();
            assert_eq!(v[1].to_bits(), a.value(v[0], &p).to_bits(), "{name} {line}");
            assert_eq!(v[2].to_bits(), a.deriv(v[0], &p).to_bits(), "{name} {line}");
        }
    }
}

#[test]
fn json_is_valid_and_keeps_non_finite_values() {
    let out = stdout_of(&["eval", "gelu", "1", "-inf", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["columns"], serde_json::json!(["x", "gelu"]));
    assert_eq!(v["rows"][0]["gelu"].as_f64().unwrap(), 0.8413447460685429);
    assert_eq!(v["rows"][1]["x"], "-inf");
}

#[test]
fn markdown_and_list_and_info() {
    let md = stdout_of(&["eval", "relu", "1", "--format", "markdown"]);
    assert!(md.contains("| x | relu |") && md.contains("|---:|---:|"), "{md}");
    let list = stdout_of(&["list", "-f", "csv"]);
    assert_eq!(list.lines().count(), 1 + actlab::activation::CATALOGUE.len());
    let info = stdout_of(&["info", "LeakyReLU", "-f", "csv"]);
    assert!(info.contains("slope 0.01 in PyTorch and JAX; 0.2 in Keras"), "{info}");
    let info = stdout_of(&["info", "gelu", "-f", "csv"]);
    assert!(info.contains("minimum at x,-0.75179152"), "{info}");
}

#[test]
fn errors_name_the_problem_and_set_the_exit_code() {
    actlab()
        .args(["eval", "gelus", "1"])
        .assert()
        .code(2)
        .stderr("error: unknown function 'gelus' (did you mean 'gelu'?)\n");
    actlab().args(["evl", "gelu", "1"]).assert().code(2).stderr(predicate::str::contains("did you mean 'eval'"));
    actlab().args(["eval", "gelu", "1.2.3"]).assert().code(2).stderr("error: '1.2.3' is not a number\n");
    actlab()
        .args(["eval", "gelu", "1", "--slope", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--slope does not apply to gelu"));
    actlab()
        .args(["eval", "celu", "1", "--alpha", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must be > 0"));
    actlab()
        .args(["eval", "gelu", "-"])
        .write_stdin("1 2 x3\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("stdin line 1: 'x3' is not a number"));
    actlab().args(["run", "/nonexistent/script"]).assert().code(1).stderr(predicate::str::contains("cannot open"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("actlab"))
        .env("LC_ALL", "C.UTF-8")
        .args(["eval", "gelu", "-1e6..1e6:0.001", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

// ------------------------------------------------------------------ script mode

#[test]
fn piped_script_runs_each_line_without_prompt_or_colour() {
    let script = "# a comment\n\neval gelu 1.5 --format csv\nderiv sigmoid 0 -f csv\n";
    let out = actlab().write_stdin(script).env("CLICOLOR_FORCE", "0").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, "x,gelu\n1.5,1.399789198096713\nx,sigmoid,sigmoid'\n0,0.5,0.25\n");
    assert!(!text.contains('\x1b') && !text.contains("actlab>"));
}

#[test]
fn script_errors_name_their_line_and_stop() {
    let script = "eval relu 1 -f csv\n\neval gelus 1\neval relu 2 -f csv\n";
    actlab()
        .write_stdin(script)
        .assert()
        .code(1)
        .stdout("x,relu\n1,1\n")
        .stderr("line 3: unknown function 'gelus' (did you mean 'gelu'?)\n");
    actlab().arg("--keep-going").write_stdin(script).assert().code(1).stdout("x,relu\n1,1\nx,relu\n2,2\n");
}

#[test]
fn run_file_names_file_and_line_and_may_read_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.actlab");
    std::fs::write(&path, "eval relu - -f csv\nbogus 1\n").unwrap();
    let p = path.to_str().unwrap();
    actlab()
        .args(["run", p])
        .write_stdin("-1 3\n")
        .assert()
        .code(1)
        .stdout("x,relu\n-1,0\n3,3\n")
        .stderr(format!("{p}:2: unknown command 'bogus' (type help for the commands)\n"));
}

#[test]
fn dash_in_a_piped_script_is_refused_clearly() {
    actlab()
        .write_stdin("eval gelu -\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 1: '-' reads numbers from stdin"));
}

// ------------------------------------------------------------------ the prompt

#[cfg(unix)]
#[test]
fn prompt_evaluates_and_exits_on_ctrl_d() {
    let bin = assert_cmd::cargo::cargo_bin("actlab");
    let mut cmd = std::process::Command::new(bin);
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("NO_COLOR", "1").env("ACTLAB_HISTORY", "/dev/null").env("TERM", "xterm");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).unwrap();
    p.exp_string("actlab>").unwrap();
    p.send_line("eval gelu 1.5").unwrap();
    p.flush().unwrap();
    p.exp_string("1.399789198").unwrap();
    p.send_line("eval gelus 1").unwrap();
    p.flush().unwrap();
    p.exp_string("did you mean 'gelu'").unwrap();
    p.exp_string("actlab>").unwrap();
    p.send_control('d').unwrap();
    p.flush().unwrap();
    let status = format!("{:?}", p.process().wait().unwrap());
    assert!(status.starts_with("Exited(") && status.ends_with(", 0)"), "{status}");
    let _ = std::io::stdout().flush();
}

// ------------------------------------------------------------------ gradient chains

#[test]
fn chain_sigmoid_at_zero_is_a_quarter_per_layer() {
    let out = stdout_of(&["chain", "sigmoid", "20", "--at", "0", "--format", "csv"]);
    let last = out.lines().last().unwrap();
    // 0.25^20 = 9.094947017729282e-13 and log10 = -12.041199826559248, shown to the
    // 13 digits and 14 decimals that 20 roundings cannot change
    assert_eq!(last, "20,0,0.25,9.094947017729e-13,-12.04119982655925");
}

#[test]
fn chain_product_survives_far_below_the_double_range() {
    let out = stdout_of(&["chain", "sigmoid", "1000", "--at", "0", "--format", "csv"]);
    let last: Vec<&str> = out.lines().last().unwrap().split(',').collect();
    assert_eq!(last[3], "8.70980981622e-603");
    let l: f64 = last[4].parse().unwrap();
    assert!((l + 602.0599913279624).abs() < 1e-9, "{l}");
}

#[test]
fn chain_verdicts_in_json_notes() {
    let notes = |args: &[&str]| -> Vec<String> {
        let out = stdout_of(args);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect()
    };
    let n = notes(&["chain", "identity", "60", "--width", "64", "--gain", "0.5", "-f", "json"]);
    assert!(n.iter().any(|s| s.starts_with("identity: vanished below 1e-6 at layer")), "{n:?}");
    let n = notes(&["chain", "identity", "60", "--width", "64", "--gain", "2", "-f", "json"]);
    assert!(n.iter().any(|s| s.starts_with("identity: exploded above 1e6 at layer")), "{n:?}");
    let n = notes(&["chain", "identity", "60", "--width", "64", "--gain", "2", "--clip-norm", "1", "-f", "json"]);
    assert!(n.iter().any(|s| s.starts_with("identity: stable")), "{n:?}");
    let n = notes(&["chain", "relu", "5", "--at", "-1", "-f", "json"]);
    assert!(n.iter().any(|s| s.contains("exactly 0 from layer 1")), "{n:?}");
}

#[test]
fn chain_random_is_reproducible_and_summarised() {
    let a = stdout_of(&["chain", "tanh", "30", "--random", "--seed", "3", "-f", "csv"]);
    let b = stdout_of(&["chain", "tanh", "30", "--random", "--seed", "3", "-f", "csv"]);
    assert_eq!(a, b);
    let t = stdout_of(&["chain", "sigmoid,tanh", "20", "--random", "--trials", "200", "-f", "csv"]);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "function,trials,mean log10,median,p5,p95,min,max,vanished,exploded");
    assert!(lines[1].starts_with("sigmoid,200,") && lines[2].starts_with("tanh,200,"));
}

#[test]
fn chain_and_clip_refuse_bad_sizes() {
    actlab().args(["chain", "relu", "0"]).assert().code(2).stderr(predicate::str::contains("at least 1"));
    actlab()
        .args(["chain", "relu", "10", "--width", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--width 0"));
    actlab()
        .args(["chain", "relu", "10", "--width", "100000"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 4096"));
    actlab().args(["clip", "1", "2"]).assert().code(2);
    actlab().args(["clip", "--norm", "-1", "1", "2"]).assert().code(2).stderr(predicate::str::contains("positive"));
}

#[test]
fn clip_by_norm_and_by_value() {
    assert_eq!(stdout_of(&["clip", "--norm", "1", "3", "4", "-f", "csv"]), "i,before,after\n1,3,0.6\n2,4,0.8\n");
    assert_eq!(
        stdout_of(&["clip", "--value", "1", "3", "-4", "0.5", "-f", "csv"]),
        "i,before,after\n1,3,1\n2,-4,-1\n3,0.5,0.5\n"
    );
}

// ------------------------------------------------------------------ linear maps, collapse, glu, xor

/// Rows of a command's TSV output (its args end in "-f csv"; TSV needs no quoting).
fn csv_rows(args: &[&str]) -> Vec<Vec<String>> {
    let mut a: Vec<&str> = args.to_vec();
    if let Some(i) = a.iter().position(|x| *x == "csv") {
        a[i] = "tsv";
    }
    stdout_of(&a).lines().map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

#[test]
fn matrix_rotate_is_exact_in_degrees() {
    let r = csv_rows(&["matrix", "rotate", "30", "-f", "csv"]);
    assert_eq!(r[1], ["M row 1", "0.8660254037844386", "-0.5"]);
    assert_eq!(r[2], ["M row 2", "0.5", "0.8660254037844386"]);
    let r = csv_rows(&["matrix", "rotate", "90", "-f", "csv"]);
    assert_eq!(
        (r[1].clone(), r[2].clone()),
        (vec!["M row 1".into(), "0".into(), "-1".into()], vec!["M row 2".into(), "1".into(), "0".into()])
    );
    // eigenvalues of a rotation are complex: cos ± i sin
    let r = csv_rows(&["matrix", "rotate", "30", "-f", "csv"]);
    let e1 = r.iter().find(|row| row[0] == "eigenvalue 1 (re, im)").unwrap();
    assert_eq!(e1[1], "0.8660254037844386");
    assert!((e1[2].parse::<f64>().unwrap() - 0.5).abs() < 1e-15);
}

#[test]
fn matrix_names_the_map_and_the_order() {
    let notes = |args: &[&str]| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&stdout_of(args)).unwrap();
        v["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect()
    };
    assert_eq!(notes(&["matrix", "rotate", "30", "-f", "json"])[0], "Rotation by 30°.");
    assert_eq!(notes(&["matrix", "flip", "x", "-f", "json"])[0], "Reflection across the x axis (flip: y ↦ -y).");
    // named by the direction given
    assert_eq!(
        notes(&["matrix", "project", "1", "1", "-f", "json"])[0],
        "Projection onto the line through (0, 0) and (1, 1)."
    );
    assert_eq!(
        notes(&["matrix", "project", "0.6", "0.8", "-f", "json"])[0],
        "Projection onto the line through (0, 0) and (0.6, 0.8)."
    );
    assert_eq!(notes(&["matrix", "scale", "2", "-f", "json"])[0], "Uniform scaling by 2: enlarges.");
    let n = notes(&["matrix", "rotate", "30", "then", "scale", "2", "-f", "json"]);
    assert!(n[1].contains("M = S·R"), "{n:?}");
    let n = notes(&["matrix", "translate", "1", "2", "-f", "json"]);
    assert!(n.iter().any(|s| s.contains("not linear")), "{n:?}");
    actlab().args(["matrix", "project", "0", "0"]).assert().code(2).stderr(predicate::str::contains("zero vector"));
    actlab().args(["matrix", "rotat", "30"]).assert().code(2).stderr(predicate::str::contains("did you mean 'rotate'"));
}

#[test]
fn matrix_apply_maps_a_vector() {
    let r = csv_rows(&["matrix", "scale", "2", "3", "--apply", "1", "-1", "-f", "csv"]);
    assert_eq!(r.last().unwrap(), &["(1, -1) ↦", "2", "-3"]);
}

#[test]
fn collapse_is_exact_without_activation_and_not_with_it() {
    let value = |args: &[&str], q: &str| -> f64 {
        let out = stdout_of(args);
        let line = out.lines().find(|l| l.contains(q)).unwrap().to_string();
        line.rsplit(',').next().unwrap().parse().unwrap()
    };
    let lin = ["collapse", "10", "--width", "3", "-f", "csv"];
    let scale = value(&lin, "largest |stack(x)|");
    assert!(value(&lin, "max |stack(x)") < 1e-13 * scale.max(1.0));
    let act = ["collapse", "10", "--width", "3", "--act", "tanh", "-f", "csv"];
    assert!(value(&act, "residual / spread") > 0.05);
}

#[test]
fn glu_values_and_errors() {
    let r = csv_rows(&["glu", "1", "2", "3", "4", "-f", "csv"]);
    // mpmath: 1·σ(3) = 0.9525741268224332191… → 0.9525741268224333; 2·σ(4) = 1.9640275800758168839… → 1.964027580075817
    assert_eq!(r[1][4], "0.9525741268224333");
    assert_eq!(r[2][4], "1.964027580075817");
    assert_eq!(r[0], ["i", "a", "b", "sigmoid(b)", "y", "∂y/∂a", "∂y/∂b"]);
    let sw = csv_rows(&["glu", "1", "2", "--gate", "swish", "-f", "csv"]);
    assert_eq!(sw[0][3], "silu(b)");
    actlab().args(["glu", "1", "2", "3"]).assert().code(2).stderr(predicate::str::contains("even number"));
}

#[test]
fn xor_needs_a_nonlinearity() {
    for act in ["tanh", "relu"] {
        let out = stdout_of(&["xor", "--act", act, "-f", "json"]);
        assert!(out.contains("accuracy 4/4"), "{act}: {out}");
    }
    let out = stdout_of(&["xor", "--act", "none", "-f", "csv"]);
    let losses: Vec<f64> = out
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert!(losses.last().unwrap() >= &(0.25 - 1e-9), "{losses:?}");
    let json = stdout_of(&["xor", "--act", "none", "-f", "json"]);
    assert!(!json.contains("accuracy 4/4"));
    // deterministic for a seed
    assert_eq!(stdout_of(&["xor", "--seed", "5", "-f", "csv"]), stdout_of(&["xor", "--seed", "5", "-f", "csv"]));
    // every parameter has a gradient of its own shape
    assert!(stdout_of(&["xor", "-f", "csv"]).contains("W1,4×2,4×2,"));
}

// ------------------------------------------------------------------ completions and man page

#[test]
fn completions_load_in_bash_and_the_man_page_is_roff() {
    let bin = assert_cmd::cargo::cargo_bin("actlab");
    let script = format!("source <('{}' completions bash) && complete -p actlab", bin.display());
    let out = std::process::Command::new("bash").env("LC_ALL", "C.UTF-8").arg("-c").arg(script).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("actlab"), "{}", String::from_utf8_lossy(&out.stderr));
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let s = stdout_of(&["completions", shell]);
        assert!(s.contains("actlab") && s.contains("chain"), "{shell}");
    }
    let man = stdout_of(&["manpage", "--format", "json"]);
    assert!(man.starts_with(".ie") && man.contains(".TH actlab 1"), "{}", &man[..100]);
}

/// A program that feeds actlab and waits for the answers before sending more (a
/// coprocess) gets every answer to what it has sent, with stdin still open.
#[test]
fn stream_answers_what_has_arrived_without_waiting_for_more() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("actlab"))
        .env("LC_ALL", "C.UTF-8")
        .args(["eval", "gelu", "-", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    assert_eq!(rx.recv_timeout(Duration::from_secs(10)).unwrap(), "x,gelu");
    // rounds of various sizes: one number, a pipe's worth and more (several reads)
    for (round, n) in [1usize, 3_000, 40_000, 7].into_iter().enumerate() {
        let text: String = (0..n).map(|i| format!("{}.25\n", i % 50)).collect();
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
        for i in 0..n {
            let line = rx
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|_| panic!("round {round}: no answer for number {i} of {n} (stdin still open)"));
            assert!(line.starts_with(&format!("{}.25,", i % 50)), "round {round}: {line}");
        }
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

/// A long range in CSV/TSV goes through the two-thread stream; its rows are exactly the
/// rows the same x values give through stdin (and, for a short range, the ordinary path).
#[test]
fn range_stream_matches_stdin_rows() {
    for (f, range, fmt) in [
        ("deriv", "-3..7:0.00007", "csv"), // 142,858 points: several chunks
        ("eval", "-40..40:0.0005", "tsv"), // tails and the middle
        ("deriv", "-1..1:0.0005", "csv"),  // 4001 points: the ordinary path
    ] {
        let out = stdout_of(&[f, "gelu,silu,relu", range, "--format", fmt]);
        let sep = if fmt == "csv" { ',' } else { '\t' };
        let xs: String = out.lines().skip(1).map(|l| format!("{}\n", l.split(sep).next().unwrap())).collect();
        let via_stdin = actlab().args([f, "gelu,silu,relu", "-", "--format", fmt]).write_stdin(xs).output().unwrap();
        assert!(via_stdin.status.success());
        assert_eq!(out, String::from_utf8(via_stdin.stdout).unwrap(), "{f} {range} {fmt}");
    }
}
