//! Every command shown in README.md and docs/*.md runs here and its output is
//! compared with the text under it, so the docs cannot drift from the program.
//!
//! A transcript is a ```console block: lines starting with `$ ` are commands (run
//! with `sh -c`, actlab on the PATH, stderr merged into stdout, in a scratch
//! directory); the lines up to the next `$ ` are the expected output.
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

fn run(cmd: &str, scratch: &Path) -> String {
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
        .env("ACTLAB_HISTORY", "/dev/null")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
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
                let got = run(cmd, scratch.path());
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
