//! Every command shown in README.md and docs/*.md runs here and its output is
//! compared with the text under it, so the docs cannot drift from the program.
//!
//! A transcript is a ```console block: lines starting with `$ ` are commands (run
//! with `sh -c`, actlab on the PATH, stderr merged into stdout, in a scratch
//! directory); the lines up to the next `$ ` are the expected output.
//! A ```prompt block is one session at the prompt: lines starting with `actlab> `
//! are typed in order (run as a script, so settings carry over), each followed by its
//! output.
//! `ACTLAB_UPDATE_DOCS=1 cargo test --test transcripts` rewrites the outputs.

use std::path::{Path, PathBuf};
use std::process::Command;

fn doc_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The Chinese guide runs in a Chinese locale (it says so once, at the top); every
/// other document in a neutral one.
fn locale(file: &Path) -> &'static str {
    if file.to_string_lossy().ends_with(".zh-CN.md") { "zh_CN.UTF-8" } else { "C.UTF-8" }
}

fn run(cmd: &str, scratch: &Path, lang: &str) -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_actlab")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{{ {cmd}\n}} 2>&1"))
        .current_dir(scratch)
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env("LC_ALL", lang)
        .env("ACTLAB_HISTORY", "/dev/null")
        .env("ACTLAB_INIT", scratch.join("init"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// Output of a prompt session of `lines`, one entry per line (each line's output is
/// what the session prints after the previous lines).
/// A prompt session's lines run one after the other in one session (in-process, as
/// the prompt runs them: an error shows as `error: ...` and the session goes on); each
/// line's output.
fn run_session(lines: &[String], lang: &str) -> Vec<String> {
    actlab::i18n::set(actlab::i18n::from_locale(lang));
    let mut session = actlab::command::line::Session::new(actlab::render::Style::default(), None);
    lines
        .iter()
        .map(|line| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            if let Err(e) = session.run_line(line, &mut out, &mut err) {
                let tag = actlab::t!("error-tag");
                out.extend_from_slice(format!("{}\n", actlab::i18n::tagged(&tag, &tag, &e.to_string())).as_bytes());
            }
            out.extend_from_slice(&err);
            let text = String::from_utf8_lossy(&out).to_string();
            text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
        })
        .collect()
}

#[test]
fn every_documented_command_prints_what_the_docs_say() {
    let update = std::env::var_os("ACTLAB_UPDATE_DOCS").is_some();
    let scratch = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in doc_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut out_lines: Vec<String> = Vec::new();
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            out_lines.push(line.to_string());
            if line.trim() == "```prompt" {
                let mut block: Vec<String> = Vec::new();
                for l in lines.by_ref() {
                    if l.trim() == "```" {
                        break;
                    }
                    block.push(l.to_string());
                }
                let cmds: Vec<String> =
                    block.iter().filter_map(|l| l.strip_prefix("actlab> ").map(str::to_string)).collect();
                let outs = run_session(&cmds, locale(&file));
                let mut expected: Vec<String> = Vec::new();
                let mut cur: Option<String> = None;
                for l in &block {
                    if l.starts_with("actlab> ") {
                        if cur.is_some() {
                            expected.push(cur.take().unwrap_or_default());
                        }
                        cur = Some(String::new());
                    } else if let Some(c) = cur.as_mut() {
                        if !c.is_empty() {
                            c.push('\n');
                        }
                        c.push_str(l.trim_end());
                    }
                }
                if let Some(c) = cur {
                    expected.push(c);
                }
                for (i, cmd) in cmds.iter().enumerate() {
                    count += 1;
                    let want = expected.get(i).cloned().unwrap_or_default();
                    if outs[i] != want {
                        failures.push(format!(
                            "{}: prompt `{cmd}`\n--- docs\n{want}\n--- actlab\n{}\n",
                            file.display(),
                            outs[i]
                        ));
                    }
                    out_lines.push(format!("actlab> {cmd}"));
                    if !outs[i].is_empty() {
                        out_lines.extend(outs[i].lines().map(str::to_string));
                    }
                }
                out_lines.push("```".into());
                continue;
            }
            if line.trim() != "```console" {
                continue;
            }
            // inside a transcript block
            let mut block: Vec<String> = Vec::new();
            for l in lines.by_ref() {
                if l.trim() == "```" {
                    break;
                }
                block.push(l.to_string());
            }
            let mut i = 0;
            while i < block.len() {
                let Some(cmd) = block[i].strip_prefix("$ ") else {
                    failures.push(format!(
                        "{}: text before a command in a console block: {}",
                        file.display(),
                        block[i]
                    ));
                    i += 1;
                    continue;
                };
                let mut j = i + 1;
                while j < block.len() && !block[j].starts_with("$ ") {
                    j += 1;
                }
                let want = block[i + 1..j].iter().map(|s| s.trim_end()).collect::<Vec<_>>().join("\n");
                let got = run(cmd, scratch.path(), locale(&file));
                count += 1;
                if got != want {
                    failures.push(format!("{}: `{cmd}`\n--- docs\n{want}\n--- actlab\n{got}\n", file.display()));
                }
                out_lines.push(block[i].clone());
                if !got.is_empty() {
                    out_lines.extend(got.lines().map(str::to_string));
                }
                i = j;
            }
            out_lines.push("```".into());
        }
        if update {
            let mut new = out_lines.join("\n");
            new.push('\n');
            if new != text {
                std::fs::write(&file, new).unwrap();
            }
        }
    }
    assert!(count > 0, "no transcripts found");
    if !update {
        assert!(
            failures.is_empty(),
            "{} documented commands differ (ACTLAB_UPDATE_DOCS=1 rewrites):\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn the_chinese_guide_has_every_command_of_the_english_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let commands = |f: &str| -> std::collections::BTreeSet<String> {
        std::fs::read_to_string(root.join("docs").join(f))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("$ actlab") || l.starts_with("actlab> "))
            .map(str::to_string)
            .collect()
    };
    let (en, zh) = (commands("guide.md"), commands("guide.zh-CN.md"));
    let missing: Vec<&String> = en.difference(&zh).collect();
    assert!(missing.is_empty(), "docs/guide.zh-CN.md lacks {missing:?}");
}
