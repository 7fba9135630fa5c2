//! Tables fit the terminal: every command of the docs, at 80 and 120 columns, prints no
//! line wider than the terminal (a table gets fewer digits, then splits into parts
//! repeating its key column; headers wrap only between words); range points are the
//! correctly rounded a + i·step whatever the end.

use actlab::command::line::Session;
use actlab::render::{Format, Style};
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// The commands of README.md and docs/*.md (console and prompt lines), without pipes.
fn documented() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    for e in std::fs::read_dir(root.join("docs")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "md") {
            files.push(p);
        }
    }
    let mut out = Vec::new();
    for f in files {
        for l in std::fs::read_to_string(f).unwrap().lines() {
            let cmd = l.strip_prefix("$ actlab ").or_else(|| l.strip_prefix("actlab> "));
            if let Some(c) = cmd
                && !c.contains('|')
                && !c.contains('<')
                && !c.contains(" -f ")
                && !c.contains("--format")
                && !c.contains("--svg")
                && !c.starts_with("set ")
            {
                out.push(c.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_documented_command_fits_80_and_120_columns() {
    let commands = documented();
    assert!(commands.len() > 40, "{}", commands.len());
    for cols in [80u16, 120] {
        let mut session =
            Session::new(Style { format: Format::Table, term_width: Some(cols), ..Style::default() }, None);
        for c in &commands {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let _ = session.run_line(c, &mut out, &mut err);
            let text = String::from_utf8_lossy(&out);
            for line in text.lines() {
                // plots take the width they are given (--cols)
                if c.contains("--cols") || c.starts_with("plot") || c.contains("--plot") {
                    continue;
                }
                assert!(
                    UnicodeWidthStr::width(line) <= cols as usize,
                    "`{c}` at {cols} columns: a line of {} columns:\n{line}\n{text}",
                    UnicodeWidthStr::width(line)
                );
            }
        }
    }
}

#[test]
fn headers_wrap_between_words_only() {
    let mut session = Session::new(Style { format: Format::Table, term_width: Some(80), ..Style::default() }, None);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    session.run_line("chain sigmoid,tanh,relu 50", &mut out, &mut err).unwrap();
    let text = String::from_utf8_lossy(&out);
    // every word of every header is whole somewhere in the output
    for word in ["sigmoid", "product", "log10", "f'(z)", "tanh", "relu", "layer"] {
        assert!(text.contains(word), "{word}:\n{text}");
    }
    assert!(text.contains("part 1 of"), "{text}");
    session.run_line("deriv sigmoid,tanh,relu,gelu 0 1", &mut out, &mut err).unwrap();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("sigmoid'") && text.contains("significant digits to fit 80 columns"), "{text}");
}

#[test]
fn range_points_do_not_depend_on_the_end() {
    let mut session = Session::new(Style { format: Format::Csv, ..Style::default() }, None);
    let run = |s: &mut Session, l: &str| {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        s.run_line(l, &mut out, &mut err).unwrap();
        String::from_utf8(out).unwrap()
    };
    let a = run(&mut session, "eval identity 0..1:0.15");
    let b = run(&mut session, "eval identity 0..0.9:0.15");
    assert_eq!(a, b);
    assert!(a.contains("0.45,0.45\n") && a.contains("0.9,0.9\n"), "{a}");
    let c = run(&mut session, "eval identity -1..1:0.1");
    assert!(c.contains("\n0,0\n") && c.contains("\n0.3,0.3\n") && c.ends_with("\n1,1\n"), "{c}");
    // a large range through the stream gives the same points
    let d = run(&mut session, "eval identity 0..1000:0.15");
    assert!(d.contains("\n999.9,999.9\n") && d.contains("\n0.45,0.45\n"), "{}", &d[..200]);
}

#[test]
fn words_that_start_with_a_minus_get_actlabs_own_message() {
    let bin = env!("CARGO_BIN_EXE_actlab");
    for (word, want) in [
        ("-1..1:0", "the step is 0"),
        ("-5..", "expected a number, found nothing"),
        ("-1,5", "has a comma"),
        ("-1x", "is not a number"),
        ("-1e8..1e8:0.01", "more than the limit"),
    ] {
        let out = std::process::Command::new(bin)
            .env("LC_ALL", "C.UTF-8")
            .args(["eval", "relu", word])
            .env("ACTLAB_INIT", "")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{word}: {err}");
        assert!(err.contains(want) && !err.contains("unexpected argument"), "{word}: {err}");
    }
}
