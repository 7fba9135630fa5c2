//! actlab in Chinese: chosen by --lang, by `set lang` and by the locale; every kind
//! of text in Chinese (errors, help, titles, notes, verdicts, labels), machine
//! formats with the same English keys in both languages, numbers never localised,
//! and tables that fit the terminal with Chinese text in them.

use actlab::command::line::Session;
use actlab::render::{Format, Style};
use std::process::{Command, Output};
use unicode_width::UnicodeWidthStr;

fn actlab(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actlab"));
    c.args(args).env("ACTLAB_INIT", "").env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C.UTF-8");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr)
}

/// The environment, the flags before the command, and whether Chinese is expected.
type Case = (&'static [(&'static str, &'static str)], &'static [&'static str], bool);

#[test]
fn the_locale_and_lang_choose_the_language() {
    let cases: &[Case] = &[
        (&[("LANG", "zh_CN.UTF-8")], &[], true),
        (&[("LANG", "zh_TW.UTF-8")], &[], true),
        (&[("LC_MESSAGES", "zh_CN.UTF-8")], &[], true),
        // LC_ALL wins over LANG, and --lang over both
        (&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")], &[], false),
        (&[("LANG", "de_DE.UTF-8")], &[], false),
        (&[("LANG", "zh_CN.UTF-8")], &["--lang", "en"], false),
        (&[], &["--lang", "zh"], true),
        (&[], &["--lang=zh"], true),
    ];
    for (env, flags, zh) in cases {
        let mut args = flags.to_vec();
        args.extend(["eval", "gelus", "1"]);
        let o = actlab(&args, env);
        assert_eq!(o.status.code(), Some(2), "{env:?} {flags:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        let want = if *zh {
            "错误：未知函数 'gelus'（你是不是想输入 'gelu'？）"
        } else {
            "error: unknown function 'gelus'"
        };
        assert!(err.contains(want), "{env:?} {flags:?}: {err}");
    }
}

#[test]
fn errors_of_every_kind_are_in_chinese_with_their_exit_codes() {
    for (args, want, code) in [
        (&["eval", "gelu", "1e999"][..], "超出了双精度数的范围", 2),
        (&["eval", "gelu", "1,5"], "含有逗号", 2),
        (&["eval", "gelu", "x+"], "公式在应出现", 2),
        (&["eval", "gelu", "1", "--bogus"], "多余的参数 '--bogus'", 2),
        (&["eval", "gelu", "1", "-f", "xml"], "--format <FORMAT> 的值 'xml' 无效", 2),
        (&["chain", "relu", "5", "--width", "100000"], "最多 4096", 2),
        (&["evl", "gelu", "1"], "未知命令 'evl'（你是不是想输入 'eval'？）", 2),
        (&["sigmoid", "1"], "未知命令 'sigmoid'（要计算它：eval sigmoid X）", 2),
        (&["eval", "celu", "1", "--alpha", "0"], "celu --alpha 0：必须 > 0", 2),
        (&["matrix", "project", "0", "0"], "零向量没有方向", 2),
        (&["run", "/nonexistent/script"], "无法打开 '/nonexistent/script'", 1),
    ] {
        let mut a = vec!["--lang", "zh"];
        a.extend_from_slice(args);
        let o = actlab(&a, &[]);
        let t = text(&o);
        assert!(t.contains(want), "{args:?}: {t}");
        assert_eq!(o.status.code(), Some(code), "{args:?}: {t}");
        assert!(!t.contains("error:") && !t.contains("panicked"), "{args:?}: {t}");
    }
}

#[test]
fn help_is_in_chinese() {
    let o = actlab(&["--lang", "zh", "chain", "--help"], &[]);
    let t = text(&o);
    assert_eq!(o.status.code(), Some(0));
    for want in
        ["经过 DEPTH 层的梯度乘积：梯度消失与梯度爆炸", "用法：actlab chain", "参数：", "选项：", "显示帮助", "示例："]
    {
        assert!(t.contains(want), "{want}:\n{t}");
    }
    for english in ["Usage:", "Options:", "Arguments:", "Print help", "Examples:", "Number of layers"] {
        assert!(!t.contains(english), "{english}:\n{t}");
    }
    // every line fits clap's 100 columns, Chinese characters counted as two
    assert!(t.lines().all(|l| l.width() <= 100), "{t}");
    let o = actlab(&["--lang", "zh", "--help"], &[]);
    assert!(
        text(&o).contains("命令：") && text(&o).contains("  eval         一个或多个激活函数的值 f(x)"),
        "{}",
        text(&o)
    );
}

/// Every command's help, nested ones (`plot chain`) included: each option that has a
/// description has it in Chinese.
#[test]
fn every_commands_options_are_described_in_chinese() {
    let o = actlab(&["--help"], &[]);
    let names: Vec<String> = text(&o)
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|n| n != "help")
        .collect();
    assert!(names.len() > 15, "{names:?}");
    let mut commands: Vec<Vec<String>> = names.iter().map(|n| vec![n.clone()]).collect();
    commands.push(vec!["plot".into(), "chain".into()]);
    for c in commands {
        let mut args = vec!["--lang", "zh"];
        args.extend(c.iter().map(String::as_str));
        args.push("--help");
        let o = actlab(&args, &[]);
        let t = text(&o);
        for line in t.lines().filter(|l| l.trim_start().starts_with('-')) {
            // "  -f, --format <FORMAT>    description": the words after the option's name
            let description = line.trim_start().split_once("  ").map_or("", |x| x.1).trim();
            let english = description.split_whitespace().filter(|w| w.chars().all(|c| c.is_ascii_alphabetic())).count();
            let chinese = description.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(description.is_empty() || chinese || english < 3, "{c:?}: {line}");
            // threshold's --value is not clip's (a shared translation once said so)
            if line.trim_start().starts_with("--value <VALUE>") {
                assert!(description.starts_with("threshold:"), "{c:?}: {line}");
            }
        }
    }
}

#[test]
fn machine_formats_keep_english_keys_and_numbers_are_never_localised() {
    for args in [
        &["chain", "sigmoid", "5", "--at", "0"][..],
        &["info", "gelu"],
        &["matrix", "rotate", "30"],
        &["xor", "--epochs", "10"],
        &["forward", "tanh", "3", "--width", "8", "--batch", "4"],
        &["compare", "gelu", "gelu_tanh", "0", "1"],
    ] {
        for format in ["csv", "tsv"] {
            let run = |lang: &str| {
                let mut a = vec!["--lang", lang, "-f", format];
                a.extend_from_slice(args);
                String::from_utf8(actlab(&a, &[]).stdout).unwrap()
            };
            let (en, zh) = (run("en"), run("zh"));
            // every header line and every key column is the same; numbers are the same
            let en_lines: Vec<&str> = en.lines().collect();
            let zh_lines: Vec<&str> = zh.lines().collect();
            assert_eq!(en_lines.len(), zh_lines.len(), "{args:?}");
            for (e, z) in en_lines.iter().zip(&zh_lines) {
                let sep = if format == "csv" { ',' } else { '\t' };
                let (ek, zk) = (e.split(sep).next(), z.split(sep).next());
                assert_eq!(ek, zk, "{args:?} {format}:\n{en}\n{zh}");
            }
            // the header rows are identical
            assert_eq!(en_lines.first(), zh_lines.first(), "{args:?}");
        }
        // JSON: the same columns, Chinese titles and notes
        let json = |lang: &str| {
            let mut a = vec!["--lang", lang, "-f", "json"];
            a.extend_from_slice(args);
            let out = String::from_utf8(actlab(&a, &[]).stdout).unwrap();
            serde_json::from_str::<serde_json::Value>(&out).unwrap()
        };
        let (en, zh) = (json("en"), json("zh"));
        let docs = |v: &serde_json::Value| -> Vec<serde_json::Value> {
            v.as_array().cloned().unwrap_or_else(|| vec![v.clone()])
        };
        for (e, z) in docs(&en).iter().zip(docs(&zh).iter()) {
            assert_eq!(e["columns"], z["columns"], "{args:?}");
            assert_eq!(e["rows"].as_array().map(Vec::len), z["rows"].as_array().map(Vec::len), "{args:?}");
        }
    }
    let zh = text(&actlab(&["--lang", "zh", "-f", "json", "chain", "sigmoid", "5", "--at", "0"], &[]));
    assert!(zh.contains("\"title\":\"经过 5 层的梯度乘积") && zh.contains("梯度消失") == zh.contains("消失"), "{zh}");
    // numbers: a dot, no grouping, in every format
    for format in ["table", "csv", "json", "markdown"] {
        let t = text(&actlab(&["--lang", "zh", "-f", format, "eval", "identity", "1234567.5"], &[]));
        assert!(t.contains("1234567.5") && !t.contains("1,234,567") && !t.contains("1234567,5"), "{format}: {t}");
    }
}

#[test]
fn a_script_can_switch_language_and_names_its_lines_in_it() {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actlab"));
    c.env("ACTLAB_INIT", "").env_remove("LC_ALL").env("LANG", "C.UTF-8");
    c.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped());
    let mut child = c.spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"eval relu 1 -f csv\nset lang zh\nsettings -f csv\neval gelus 1\n").unwrap();
    let o = child.wait_with_output().unwrap();
    let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(1), "{out}{err}");
    assert!(out.contains("x,relu\n1,1\n") && out.contains("lang,zh"), "{out}");
    assert!(err.contains("第 4 行：未知函数 'gelus'"), "{err}");
}

fn session(cols: u16) -> Session<'static> {
    actlab::i18n::set(actlab::i18n::Lang::Zh);
    Session::new(Style { format: Format::Table, term_width: Some(cols), ..Style::default() }, None)
}

fn run(s: &mut Session, line: &str) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    if let Err(e) = s.run_line(line, &mut out, &mut err) {
        out.extend_from_slice(e.to_string().as_bytes());
    }
    String::from_utf8_lossy(&out).to_string() + &String::from_utf8_lossy(&err)
}

#[test]
fn chinese_tables_fit_the_terminal_and_stay_aligned() {
    let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.zh-CN.md")).unwrap();
    let commands: Vec<&str> = guide
        .lines()
        .filter_map(|l| l.strip_prefix("$ actlab ").or_else(|| l.strip_prefix("actlab> ")))
        .filter(|c| !c.contains(['|', '<']) && !c.contains("-f ") && !c.contains("--format") && !c.contains("--svg"))
        .filter(|c| !c.starts_with("set ") && !c.starts_with("plot") && !c.contains("--plot") && !c.contains("--cols"))
        .collect();
    assert!(commands.len() > 30, "{}", commands.len());
    for cols in [80u16, 120] {
        let mut s = session(cols);
        for c in &commands {
            let out = run(&mut s, c);
            let mut table_width = None;
            for line in out.lines() {
                assert!(line.width() <= cols as usize, "`{c}` at {cols}: {} columns:\n{line}\n{out}", line.width());
                // the lines of one table all have the same width: CJK is measured as two columns
                if line.starts_with(['┌', '│', '╞', '├', '└']) {
                    let w = line.width();
                    if line.starts_with('┌') {
                        table_width = Some(w);
                    }
                    assert_eq!(Some(w), table_width, "`{c}` at {cols}: a misaligned line:\n{line}\n{out}");
                }
            }
        }
    }
}

#[test]
fn titles_notes_verdicts_and_labels_are_chinese() {
    let mut s = session(120);
    let chain = run(&mut s, "chain sigmoid 20 --at 0");
    for want in ["经过 20 层的梯度乘积", "│ 层 ", "乘积", "梯度消失：在第 10 层低于 1e-6", "有效数字："]
    {
        assert!(chain.contains(want), "{want}:\n{chain}");
    }
    let info = run(&mut s, "info leaky_relu");
    for want in ["性质", "导数的值域", "x <= 0 时的斜率", "解决 ReLU 的死神经元问题", "以零为中心（奇函数）"]
    {
        assert!(info.contains(want), "{want}:\n{info}");
    }
    let list = run(&mut s, "list");
    assert!(list.contains("26 个激活函数") && list.contains("名字不区分大小写"), "{list}");
    let m = run(&mut s, "matrix rotate 30 then scale 2");
    assert!(m.contains("旋转 30° 并均匀缩放 2 倍。") && m.contains("按书写顺序作用"), "{m}");
    let plot = run(&mut s, "plot sigmoid --deriv --cols 40 --rows 6");
    assert!(plot.contains("sigmoid 及其导数，区间 [-5, 5]"), "{plot}");
    let banner_help = run(&mut s, "help");
    assert!(banner_help.contains("梯度与网络") && banner_help.contains("Tab 补全"), "{banner_help}");
    let set = run(&mut s, "settings");
    assert!(set.contains("语言") && set.contains("zh"), "{set}");
}

#[test]
fn the_prompt_in_a_chinese_locale_speaks_chinese_from_the_banner_to_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_actlab"));
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "zh_CN.UTF-8");
    cmd.env("ACTLAB_HISTORY", dir.path().join("history")).env("ACTLAB_INIT", dir.path().join("init"));
    cmd.env("NO_COLOR", "1").env("TERM", "xterm").env_remove("CLICOLOR_FORCE");
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).unwrap();
    // rexpect reads the terminal byte by byte, each byte a char: expect UTF-8 that way
    let bytes = |s: &str| s.bytes().map(char::from).collect::<String>();
    p.exp_string(&bytes("试试：eval gelu 1.5")).unwrap();
    p.exp_string("actlab>").unwrap();
    p.send_line("evl gelu 1").unwrap();
    p.exp_string(&bytes("错误：未知命令 'evl'（你是不是想输入 'eval'？）")).unwrap();
    p.send_line("eval gelu π").unwrap();
    p.exp_string("3.138953219").unwrap();
    p.send_line("chain sigmoid 20 --at 0").unwrap();
    p.exp_string(&bytes("梯度消失：在第 10 层低于 1e-6")).unwrap();
    p.send_line("set lang en").unwrap();
    p.send_line("evl").unwrap();
    p.exp_string("unknown command 'evl'").unwrap();
    p.send_line("exit").unwrap();
    p.exp_eof().unwrap();
}
