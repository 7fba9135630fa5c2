//! Every kind of bad input, with the message it must get and the exit code: in
//! one-shot mode (exit 2 for how a command is written, 1 for a failure), in script
//! mode (always 1, with the line), and never a panic or a backtrace.

mod common;

/// The binary with backtraces switched on: none may ever be printed.
fn actlab() -> assert_cmd::Command {
    let mut c = common::actlab();
    c.env("RUST_BACKTRACE", "1");
    c
}

/// (arguments, a piece of the message, exit code in one-shot mode)
const CASES: &[(&[&str], &str, i32)] = &[
    (&["evl", "gelu", "1"], "unknown command 'evl' (did you mean 'eval'?)", 2),
    (&["eval", "gelus", "1"], "unknown function 'gelus' (did you mean 'gelu'?)", 2),
    (&["eval", "gelu", "1", "--slop", "2"], "unexpected argument '--slop'", 2),
    (&["eval", "gelu", "1", "--slope", "2"], "--slope does not apply to gelu", 2),
    (&["eval"], "required arguments were not provided", 2),
    (&["eval", "gelu"], "required arguments were not provided", 2),
    (&["eval", "gelu", "abc"], "'abc' is not a number", 2),
    (&["eval", "gelu", "1e999"], "'1e999' is out of range for a double", 2),
    (&["eval", "gelu", "0x10"], "'0x10' is hexadecimal", 2),
    (&["eval", "gelu", "1_000"], "'1_000' has an underscore", 2),
    (&["eval", "gelu", "1,5"], "'1,5' has a comma", 2),
    (&["eval", "gelu", ""], "expected a number, found nothing", 2),
    (&["eval", "gelu", "0..1:0"], "the step is 0", 2),
    (&["eval", "gelu", "0..1:-1"], "the step goes away from the end", 2),
    (&["eval", "gelu", "1..0:1"], "use a negative step to count down", 2),
    (&["eval", "gelu", "0..1:1e-300"], "more than the limit", 2),
    (&["eval", "gelu", "0..1e12:1"], "has 1000000000001 points, more than the limit of 10000000000", 2),
    (&["eval", "gelu", "1e16..1.0000000000000004e16:1"], "the step is too small to move", 2),
    (&["eval", "gelu", "-", "-"], "'-' (read stdin) may appear only once", 2),
    (&["eval", "celu", "1", "--alpha", "0"], "must be > 0", 2),
    (&["eval", "hardtanh", "1", "--min", "2"], "--min (2) must be below --max (1)", 2),
    (&["eval", "gelu,,relu", "1"], "empty function name", 2),
    (&["eval", "gelu", "1", "--precision", "0"], "a double has 1 to 17 significant digits", 2),
    (&["eval", "gelu", "1", "--precision", "1000"], "a double has 1 to 17 significant digits", 2),
    (&["eval", "gelu", "1", "--format", "xml"], "invalid value 'xml'", 2),
    (&["chain", "relu", "0"], "at least 1", 2),
    (&["chain", "relu", "-3"], "invalid value '-3' for '<DEPTH>': give a whole number of layers, at least 1", 2),
    (&["chain", "relu", "2.5"], "give a whole number", 2),
    (&["chain", "relu", "1e12"], "at most 100000000 layers", 2),
    (&["chain", "relu", "10", "--width", "0"], "--width 0", 2),
    (&["chain", "relu", "10", "--width", "100000"], "at most 4096", 2),
    (&["chain", "relu", "10000", "--width", "4096"], "more than the limit", 2),
    (&["chain", "relu", "10", "--every", "0"], "--every 0", 2),
    (&["chain", "relu", "10", "--at", "0", "--random"], "cannot be used with", 2),
    (&["chain", "relu", "10", "--width", "8", "--clip-norm", "-1"], "--clip-norm must be a positive number", 2),
    (&["glu", "1", "2", "3"], "even number of inputs", 2),
    (&["matrix", "project", "0", "0"], "zero vector has no direction", 2),
    (&["matrix", "rotat", "30"], "did you mean 'rotate'", 2),
    (&["matrix", "rotate"], "rotate DEG: a number is missing", 2),
    (&["matrix", "rotate", "inf"], "every number must be finite", 2),
    (&["matrix", "flip", "z"], "give x (across the x axis) or y", 2),
    (&["collapse", "3", "--width", "100"], "--width from 1 to 16", 2),
    (&["xor", "--hidden", "0"], "from 1 to 1024 units", 2),
    (&["xor", "--lr", "-1"], "--lr must be a positive number", 2),
    (&["clip", "--norm", "0", "1"], "MAX must be a positive number", 2),
    (&["clip", "--norm", "1", "inf"], "components must be finite", 2),
    (&["info", "gelu,relu"], "info takes one function", 2),
    (&["set", "format", "csv"], "in the shell use options", 2),
    (&["run", "/nonexistent/script.actlab"], "cannot open '/nonexistent/script.actlab'", 1),
    (&["run", "/"], "", 1),
];

#[test]
fn one_shot_bad_inputs_get_a_clear_message_and_exit_code() {
    let mut failures = Vec::new();
    for (args, msg, code) in CASES {
        let out = actlab().args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        let got = out.status.code();
        if got != Some(*code) || !err.contains(msg) || err.contains("panicked") || err.contains("RUST_BACKTRACE") {
            failures.push(format!("{args:?}: exit {got:?}, stderr: {err}"));
        }
        if *code == 2 && !out.stdout.is_empty() {
            failures.push(format!("{args:?}: printed a result as well as an error"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn script_mode_reports_the_line_and_exits_1() {
    for (args, msg, _) in CASES.iter().filter(|(a, _, _)| a[0] != "set" && a[0] != "run") {
        let line = shlex::try_join(args.iter().copied()).unwrap();
        let script = format!("# comment\n\n{line}\neval relu 1\n");
        let out = actlab().write_stdin(script).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{line}: {err}");
        assert!(err.starts_with("line 3: ") && err.contains(msg), "{line}: {err}");
        assert!(out.stdout.is_empty(), "{line}: the run must stop at the error");
    }
}

#[test]
fn strange_input_lines_and_bytes() {
    // unbalanced quotes, empty and whitespace-only lines, a megabyte line
    actlab()
        .write_stdin("eval relu 'oops\n")
        .assert()
        .code(1)
        .stderr("line 1: unbalanced quote: close the quote or remove it\n");
    actlab().write_stdin("\n   \n\t\n").assert().success().stdout("");
    let long = format!("eval relu {}\n", "1 ".repeat(500_000));
    let out = actlab().write_stdin(long.clone()).arg("--format").arg("csv").output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout.len(), "x,relu\n".len() + 4 * 500_000);
    // a line over the limit (1 MiB) is refused as such, without being kept
    let junk = format!("eval relu {}\n", "x".repeat(1 << 20));
    actlab()
        .write_stdin(junk)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("line 1: the line is longer than 1 MiB"));
    // invalid UTF-8: in a script line, and in numbers on stdin
    actlab()
        .write_stdin(&b"eval relu 1\xff\n"[..])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("line 1: the line is not valid UTF-8"));
    actlab()
        .args(["eval", "relu", "-", "-f", "csv"])
        .write_stdin(&b"1\n2\xfe\n"[..])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("stdin line 2: the input is not valid UTF-8"));
    actlab()
        .args(["eval", "relu", "-", "-f", "table"])
        .write_stdin(&b"1\n\xfe\n"[..])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("stdin line 2"));
}

#[test]
fn values_that_are_fine_are_computed_not_refused() {
    actlab()
        .args(["eval", "gelu", "nan", "inf", "-inf", "-0", "5e-324", "-f", "csv"])
        .assert()
        .success()
        .stdout("x,gelu\nnan,nan\ninf,inf\n-inf,-0\n-0,-0\n5e-324,5e-324\n");
    actlab().args(["eval", "gelu", "1e-999", "-f", "csv"]).assert().success().stdout("x,gelu\n0,0\n");
}
