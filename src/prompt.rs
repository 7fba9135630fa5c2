//! The prompt's helper (rustyline): completion, hints and highlighting, all derived from the clap
//! definition and the catalogue (no second list of commands or options).

use crate::activation::{CATALOGUE, lookup};
use crate::command::input::parse_x;
use crate::command::line::{Parsed, parse_line};
use crate::command::{Cli, Command};
use crate::render::num::significant;
use clap::CommandFactory;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;

pub struct ActlabHelper {
    pub color: bool,
    cli: clap::Command,
    files: FilenameCompleter,
}

const SETTINGS: &[&str] = &["format", "precision", "angle", "color"];

fn function_names() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().flat_map(|a| a.names())
}

impl ActlabHelper {
    pub fn new(color: bool) -> Self {
        let mut cli = Cli::command();
        cli.build();
        ActlabHelper { color, cli, files: FilenameCompleter::new() }
    }

    fn subcommand(&self, name: &str) -> Option<&clap::Command> {
        self.cli.get_subcommands().find(|c| c.get_name() == name || c.get_all_aliases().any(|a| a == name))
    }

    /// Options (long names) of a command, the global ones included.
    fn options(&self, cmd: &clap::Command) -> Vec<String> {
        cmd.get_arguments()
            .chain(self.cli.get_arguments())
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .filter(|l| l != "--help" && l != "--version")
            .collect()
    }

    fn takes_value(&self, cmd: &clap::Command, opt: &str) -> Option<clap::Arg> {
        let long = opt.strip_prefix("--")?;
        cmd.get_arguments()
            .chain(self.cli.get_arguments())
            .find(|a| a.get_long() == Some(long) || a.get_short().is_some_and(|s| opt == format!("-{s}")))
            .filter(|a| a.get_action().takes_values())
            .cloned()
    }

    /// Candidates for the word at the cursor, given the words before it.
    fn candidates(&self, before: &[&str], word: &str) -> Vec<String> {
        let Some(first) = before.first() else {
            return self.cli.get_subcommands().map(|c| c.get_name().to_string()).collect();
        };
        if *first == "help" {
            return self.cli.get_subcommands().map(|c| c.get_name().to_string()).collect();
        }
        let Some(cmd) = self.subcommand(first) else { return Vec::new() };
        if word.starts_with('-') {
            return self.options(cmd);
        }
        // the value of an option?
        if let Some(prev) = before.last()
            && prev.starts_with('-')
            && let Some(arg) = self.takes_value(cmd, prev)
        {
            let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
            if !values.is_empty() {
                return values;
            }
            if arg.get_long() == Some("act") {
                return function_names().map(str::to_string).chain(["none".to_string()]).collect();
            }
            return Vec::new();
        }
        let positional = before[1..].iter().filter(|w| !w.starts_with('-') || parse_x(w).is_ok()).count();
        match cmd.get_name() {
            "eval" | "deriv" | "chain" | "info" if positional == 0 => {
                // complete the last name of a comma list
                let head = word.rfind(',').map_or("", |i| &word[..=i]);
                function_names().map(|n| format!("{head}{n}")).collect()
            }
            "matrix" => {
                let last = before.last().copied().unwrap_or("");
                if matches!(last, "flip" | "project") {
                    vec!["x".into(), "y".into()]
                } else {
                    crate::command::matrix_words::OPERATIONS.iter().map(|s| s.to_string()).collect()
                }
            }
            "set" if positional == 0 => SETTINGS.iter().map(|s| s.to_string()).collect(),
            "set" => match before.get(1).copied() {
                Some("format") => ["table", "csv", "tsv", "json", "markdown"].map(String::from).to_vec(),
                Some("angle") => vec!["deg".into(), "rad".into()],
                Some("color") => ["auto", "always", "never"].map(String::from).to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    /// A live preview for eval/deriv at a few plain numbers, else the usage of the
    /// command being typed.
    pub fn preview(&self, line: &str) -> Option<String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let first = *words.first()?;
        let cmd = self.subcommand(first)?;
        if words.len() == 1 {
            let usage = cmd.clone().render_usage().to_string();
            let rest = usage.split_once(first).map(|(_, r)| r.trim().to_string())?;
            return Some(if line.ends_with(' ') { rest } else { format!(" {rest}") });
        }
        if !matches!(first, "eval" | "deriv") {
            return None;
        }
        let Ok(Parsed::Command(cli)) = parse_line(line) else { return None };
        let (Some(Command::Eval(a)) | Some(Command::Deriv(a))) = &cli.command else { return None };
        if a.xs.len() > 3 || a.xs.iter().any(|x| x.trim() == "-" || x.contains("..")) {
            return None;
        }
        let mut parts = Vec::new();
        for name in a.functions.split(',') {
            let f = lookup(name.trim()).ok()?;
            let p = f.params_with(a.params.given()).ok()?;
            for x in &a.xs {
                let x = crate::command::input::parse_number(x).ok()?;
                let v = if first == "deriv" { f.deriv(x, &p) } else { f.value(x, &p) };
                let tick = if first == "deriv" { "'" } else { "" };
                parts.push(format!("{}{tick}({}) = {}", f.name, significant(x, 6), significant(v, 10)));
            }
        }
        Some(format!("   → {}", parts.join(", ")))
    }
}

impl Completer for ActlabHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        // a bug here must not end the session: no completion instead
        guarded(|| self.complete_words(line, pos, ctx)).unwrap_or(Ok((pos, Vec::new())))
    }
}

/// `f()`, or None if it panicked (the prompt's helpers run on every key press).
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

impl ActlabHelper {
    pub fn complete_words(&self, line: &str, pos: usize, ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        if !line.is_char_boundary(pos) {
            return Ok((pos, Vec::new()));
        }
        let before = &line[..pos];
        // the word starts after the last whitespace, which may be wider than a byte (U+00A0)
        let start = before.char_indices().rfind(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        let words: Vec<&str> = before[..start].split_whitespace().collect();
        if words.first() == Some(&"run") && !word.starts_with('-') {
            return self.files.complete(line, pos, ctx);
        }
        let mut c: Vec<String> = self.candidates(&words, word).into_iter().filter(|c| c.starts_with(word)).collect();
        c.sort();
        c.dedup();
        Ok((start, c.into_iter().map(|s| Pair { display: s.clone(), replacement: s }).collect()))
    }
}

impl Hinter for ActlabHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        if pos < line.len() || line.trim().is_empty() {
            return None;
        }
        guarded(|| self.preview(line)).flatten()
    }
}

impl Highlighter for ActlabHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.trim().is_empty() {
            return Cow::Borrowed(line);
        }
        guarded(|| Cow::Owned(self.colored(line))).unwrap_or(Cow::Borrowed(line))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color { Cow::Owned(format!("\x1b[2m{hint}\x1b[0m")) } else { Cow::Borrowed(hint) }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

impl ActlabHelper {
    /// The line with its words coloured: command, options, numbers, function names.
    pub fn colored(&self, line: &str) -> String {
        let mut out = String::with_capacity(line.len() * 2);
        let mut first = true;
        let mut cmd = "";
        let mut rest = line;
        while !rest.is_empty() {
            let ws = rest.len() - rest.trim_start().len();
            out.push_str(&rest[..ws]);
            rest = &rest[ws..];
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let w = &rest[..end];
            rest = &rest[end..];
            if w.is_empty() {
                continue;
            }
            let style = if first {
                cmd = w;
                if self.subcommand(w).is_some() { "1;34" } else { "31" }
            } else if w.starts_with("--") || (w.starts_with('-') && parse_x(w).is_err() && w != "-") {
                "36"
            } else if parse_x(w).is_ok() {
                "33"
            } else if matches!(cmd, "eval" | "deriv" | "chain" | "info") {
                if w.split(',').all(|n| lookup(n.trim()).is_ok()) { "32" } else { "31" }
            } else {
                ""
            };
            first = false;
            if style.is_empty() {
                out.push_str(w);
            } else {
                out.push_str(&format!("\x1b[{style}m{w}\x1b[0m"));
            }
        }
        out
    }
}

impl Validator for ActlabHelper {}
impl Helper for ActlabHelper {}
