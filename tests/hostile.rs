//! Hostile input in every front end: no input may crash actlab (exit 101), take
//! memory without bound, run without end, lose output or print a garbled message.
//! Each test is a class found by a hostile-input pass (see docs/robustness.md).

mod common;

use common::actlab;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_actlab");

/// Words people paste from documents: a Unicode minus, π, digits of other scripts,
/// full-width digits, a control character.
// (π is read: it is pi in a formula; see tests/formulas.rs)
const NON_ASCII: &[&str] = &["−1", "π1", "١٢٣", "１.５", "١..٢", "é", "1\u{0}", "∞", "½", "\u{200b}1"];

fn no_crash(out: &std::process::Output, what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "{what}: {err}");
    assert!(!err.contains("panicked") && !err.contains("internal error"), "{what}: {err}");
}

#[test]
fn non_ascii_numbers_are_refused_in_every_front_end() {
    for w in NON_ASCII {
        // one-shot (an argument cannot hold a NUL byte)
        if !w.contains('\0') {
            let out = actlab().args(["eval", "gelu", w]).output().unwrap();
            no_crash(&out, w);
            assert_eq!(out.status.code(), Some(2), "{w}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("not a number"), "{w}: {err}");
        }
        // a script with --keep-going goes on to the next line
        let line = shlex::try_quote(w).map(|q| q.to_string()).unwrap_or_else(|_| w.to_string());
        let script = format!("deriv gelu {line}\ninfo {line}\neval gelu 1 -f csv\n");
        let out = actlab().arg("--keep-going").write_stdin(script).output().unwrap();
        no_crash(&out, w);
        assert_eq!(out.status.code(), Some(1), "{w}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("1,0.8413447460685429"), "{w}");
        // and the number stream
        let out = actlab().args(["eval", "gelu", "-", "-f", "csv"]).write_stdin(format!("1\n{w}\n")).output().unwrap();
        no_crash(&out, w);
        assert_eq!(out.status.code(), Some(1), "{w}");
        assert!(!out.stderr.contains(&0), "{w}: a raw NUL in the message");
    }
    let err = actlab().args(["eval", "gelu", "−1"]).output().unwrap().stderr;
    assert!(String::from_utf8_lossy(&err).contains("U+2212"));
}

#[test]
fn invalid_utf8_arguments_are_named() {
    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"1\xff");
    let out = actlab().arg("eval").arg("gelu").arg(bad).output().unwrap();
    no_crash(&out, "invalid UTF-8");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("argument 3") && err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn messages_cut_long_words_and_escape_control_characters() {
    // (one argument is at most 128 KiB on Linux)
    let arg = "7".repeat(60_000) + &"x".repeat(60_000);
    for args in [vec!["eval", "gelu", &arg], vec!["eval", &arg, "1"], vec![&arg]] {
        let out = actlab().args(&args).output().unwrap();
        no_crash(&out, "long word");
        assert!(out.stderr.len() < 400, "a {} byte message", out.stderr.len());
    }
    // the same through a script and through the stream, at 900 KB
    let long = "7".repeat(450_000) + &"x".repeat(450_000);
    let out = actlab().write_stdin(format!("eval gelu {long}\n")).output().unwrap();
    assert!(out.stderr.len() < 400 && out.status.code() == Some(1));
    let out = actlab().args(["eval", "gelu", "-"]).write_stdin(format!("1 {long}")).output().unwrap();
    assert!(out.stderr.len() < 400 && out.status.code() == Some(1));
    // control characters are escaped, never written raw
    let out = actlab().write_stdin("eval gelu 1\u{7}\u{1b}[31m\n").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && err.contains("\\u{1b}"), "{err}");
    // a subnormal in a message is short, not 320 digits
    let out = actlab().args(["matrix", "project", "1e-320", "0", "-f", "csv"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = actlab().args(["matrix", "project", "0", "0"]).output().unwrap();
    assert!(out.stderr.len() < 200);
}

/// Run `args` with standard input from `input` under an address-space limit of
/// `mib` MiB (RLIMIT_AS via the shell's ulimit): going past it fails the allocation.
fn limited(mib: u64, args: &str, input: &str) -> std::process::Output {
    let script = format!("ulimit -v {}; exec \"{BIN}\" {args} < {input}", mib * 1024);
    Command::new("sh").env("LC_ALL", "C.UTF-8").arg("-c").arg(script).output().unwrap()
}

#[test]
fn memory_stays_bounded_for_huge_lines_many_functions_and_deep_width_chains() {
    let dir = tempfile::tempdir().unwrap();
    // a script with no line break at all (as /dev/zero): refused at the limit, not kept
    let zeros = dir.path().join("zeros");
    std::fs::write(&zeros, vec![b'0'; 8 << 20]).unwrap();
    let out = limited(256, "", zeros.to_str().unwrap());
    no_crash(&out, "8 MB line");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("longer than 1 MiB"));
    let out = limited(256, &format!("run {} --keep-going", zeros.display()), "/dev/null");
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    // 256 functions on 1 MB of numbers, through the two-core stream
    let nums = dir.path().join("nums");
    let text: String = (0..150_000).map(|i| format!("{} ", i as f64 * 0.37)).collect();
    std::fs::write(&nums, text).unwrap();
    let funcs = vec!["gelu"; 256].join(",");
    let out = limited(512, &format!("deriv {funcs} - -f csv"), nums.to_str().unwrap());
    no_crash(&out, "256 functions");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.stdout.iter().filter(|b| **b == b'\n').count(), 150_001);
    // more functions than that are refused
    let many = vec!["gelu"; 1000].join(",");
    let out = actlab().args(["eval", &many, "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 256"));
    // a width chain keeps the printed rows, not every layer
    let out = limited(512, "chain relu,tanh 3000000 --width 1 -f csv", "/dev/null");
    no_crash(&out, "deep width chain");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_script_that_runs_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let me = dir.path().join("me.actlab");
    let line = format!("run {}\n", me.display());
    std::fs::write(&me, line.repeat(4)).unwrap();
    let start = Instant::now();
    let out =
        actlab().args(["run", me.to_str().unwrap(), "--keep-going"]).timeout(Duration::from_secs(20)).output().unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("already running"), "{err}");
    // two scripts that run each other
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::write(&a, format!("run {}\n", b.display())).unwrap();
    std::fs::write(&b, format!("run {}\n", a.display())).unwrap();
    let out = actlab().args(["run", a.to_str().unwrap()]).timeout(Duration::from_secs(20)).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("already running"));
}

#[test]
fn suggestions_for_huge_unknown_words_are_quick() {
    let word = "q".repeat(1_000_000);
    let start = Instant::now();
    let out = actlab().write_stdin(format!("{word}\neval {word} 1\n")).arg("--keep-going").output().unwrap();
    assert!(start.elapsed() < Duration::from_secs(5), "{:?}", start.elapsed());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn rows_before_an_error_are_written_in_every_format() {
    for f in ["table", "csv", "tsv", "json", "markdown"] {
        let out = actlab().args(["eval", "gelu", "-", "-f", f]).write_stdin("1\n2\nabc\n").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{f}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("0.841344746") && text.contains("1.95449973"), "{f}: {text}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("stdin line 3"), "{f}");
        if f == "json" {
            let v: serde_json::Value = serde_json::from_str(&text).expect("one closed JSON document");
            assert_eq!(v["rows"].as_array().unwrap().len(), 2);
        }
    }
}

/// Feed `first`, and wait for a line of output before sending anything else.
fn answers_before_more_input(args: &[&str]) -> bool {
    let mut child = Command::new(BIN)
        .env("LC_ALL", "C.UTF-8")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"1\n").unwrap();
    stdin.flush().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte).is_ok_and(|n| n == 1) {
            seen.push(byte[0]);
            if String::from_utf8_lossy(&seen).contains("0.8413") {
                let _ = tx.send(());
                break;
            }
        }
    });
    let answered = rx.recv_timeout(Duration::from_secs(5)).is_ok();
    drop(stdin);
    let _ = child.wait();
    answered
}

#[test]
fn markdown_and_json_stream_as_csv_does() {
    for f in ["csv", "tsv", "json", "markdown"] {
        assert!(answers_before_more_input(&["eval", "gelu", "-", "-f", f]), "{f} waited for the end of input");
    }
}

#[test]
fn lost_output_is_an_error_and_a_broken_pipe_is_not() {
    let sh = |script: &str| {
        Command::new("bash").env("LC_ALL", "C.UTF-8").arg("-c").arg(script.replace("ACTLAB", BIN)).output().unwrap()
    };
    let out = sh("ACTLAB eval gelu 1 >&-");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard output is closed"));
    for cmd in
        ["ACTLAB --help > /dev/full", "ACTLAB eval gelu 1 > /dev/full", "ACTLAB eval gelu - -f csv > /dev/full <<< 1"]
    {
        let out = sh(cmd);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("error"), "{cmd}");
    }
    let out = sh("ACTLAB eval gelu -1e6..1e6:0.001 -f csv | head -1 > /dev/null; exit ${PIPESTATUS[0]}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn ranges_and_plots_reach_the_largest_doubles() {
    let out = common::stdout_of(&["eval", "gelu", "1e308..1.7e308:1e307", "-f", "csv"]);
    assert_eq!(out.lines().count(), 9);
    assert!(!out.contains("inf"), "{out}");
    assert!(out.contains("1.6e+308,1.6e+308"), "{out}");
    let out = common::stdout_of(&["eval", "identity", "-1e308..1e308:1e308", "-f", "csv"]);
    assert_eq!(out, "x,identity\n-1e+308,-1e+308\n0,0\n1e+308,1e+308\n");
    // the curve reaches the top right corner of the plot
    let out =
        common::stdout_of(&["plot", "gelu", "--from", "-1e308", "--to", "1e308", "--width", "40", "--height", "6"]);
    let top = out.lines().nth(2).unwrap();
    assert!(top.trim_end().chars().last().is_some_and(|c| ('\u{2801}'..='\u{28ff}').contains(&c)), "{out}");
}

#[test]
fn nan_in_chain_parameters_is_refused_not_called_stable() {
    for opt in ["--weight", "--bias", "--input", "--at"] {
        let out = actlab().args(["chain", "relu", "10", opt, "nan"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{opt}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("not finite"), "{opt}");
    }
}

/// The prompt in a pseudo-terminal, with colour on (the highlighter runs on every key).
fn prompt(dir: &std::path::Path) -> rexpect::session::PtySession {
    let mut cmd = Command::new(BIN);
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("ACTLAB_HISTORY", dir.join("h")).env("TERM", "xterm").env("CLICOLOR_FORCE", "1").env_remove("NO_COLOR");
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).unwrap();
    p.exp_string("actlab").unwrap();
    p
}

#[test]
fn the_prompt_survives_hostile_words_as_they_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = prompt(dir.path());
    // typed but not entered: the highlighter, hint and completer see each prefix
    for w in ["info π", "eval é", "deriv gelu ١..٢", "eval gelu −1", "plot chain π", "matrix rotate １"] {
        p.send(w).unwrap();
        p.send("\t").unwrap();
        p.flush().unwrap();
        std::thread::sleep(Duration::from_millis(100));
        p.send_control('c').unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }
    p.send_line("eval gelu −1").unwrap();
    p.exp_string("not a minus sign").unwrap();
    p.send_line("eval gelu π -f csv").unwrap();
    p.exp_string("3.141592653589793,3.1389532188605234").unwrap();
    p.send_line("eval gelu 1 -f csv").unwrap();
    p.exp_string("1,0.8413447460685429").unwrap();
    p.send_control('d').unwrap();
    assert!(format!("{:?}", p.process().wait().unwrap()).ends_with(", 0)"));
}

#[test]
fn ctrl_c_stops_long_commands_at_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = prompt(dir.path());
    for cmd in [
        "eval gelu -1e6..1e6:0.001 -f csv".to_string(),
        "xor --epochs 10000000 --hidden 100 --lr 0.001".to_string(),
        "chain gelu 100000000 --random".to_string(),
        "chain tanh 3000 --width 512".to_string(),
        // one endless line, skipped with --keep-going: only Ctrl-C ends it
        "run /dev/zero --keep-going".to_string(),
    ] {
        p.send_line(&cmd).unwrap();
        std::thread::sleep(Duration::from_millis(150));
        let start = Instant::now();
        p.send_control('c').unwrap();
        p.exp_string("interrupted").unwrap();
        assert!(start.elapsed() < Duration::from_millis(2000), "{cmd}: {:?}", start.elapsed());
        std::thread::sleep(Duration::from_millis(300));
    }
    p.send_line("eval gelu 1 -f csv").unwrap();
    p.exp_string("1,0.8413447460685429").unwrap();
    p.send_control('d').unwrap();
    p.process().wait().unwrap();
}
