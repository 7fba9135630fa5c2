//! The prompt's helper (rustyline): completion, hints and highlighting, all derived from the clap
//! definition and the catalogue (no second list of commands or options).

use crate::activation::{CATALOGUE, lookup, normalize};
use crate::command::input::parse_x;
use crate::command::line::{Parsed, parse_line};
use crate::command::{Cli, Command, Context as ExecContext, Line, execute};
use crate::render::Style;
use crate::render::num::significant;
use crate::render::palette::{Role, color};
use crate::report::{Cell, Collected};
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

/// Function names for completion: every canonical name first, then the aliases, then
/// the session's definitions.
fn function_names() -> Vec<String> {
    let mut names: Vec<String> = CATALOGUE.iter().map(|a| a.name.to_string()).collect();
    names.extend(CATALOGUE.iter().flat_map(|a| a.aliases.iter().map(|s| s.to_string())));
    names.extend(crate::defs::with(|d| d.functions().iter().map(|f| f.name.clone()).collect::<Vec<_>>()));
    names
}

/// Names a formula may use besides the functions: elementary functions, constants,
/// the variable and the session's constants.
fn formula_names() -> Vec<String> {
    let mut names: Vec<String> = crate::formula::elementary_names().map(str::to_string).collect();
    names.extend(crate::formula::CONSTANTS.iter().filter(|(n, _)| n.is_ascii()).map(|(n, _)| n.to_string()));
    names.push("x".into());
    names.extend(crate::defs::with(|d| d.constants().iter().map(|c| c.name.clone()).collect::<Vec<_>>()));
    names
}

/// What the word at the cursor can be.
enum Want {
    /// These words (filtered by the typed prefix, case-sensitive).
    Words(Vec<String>),
    /// A function name, or the last name of a comma list (matched ignoring case).
    Functions,
    /// A file name.
    File,
}

impl ActlabHelper {
    pub fn new(color: bool) -> Self {
        let mut cli = Cli::command();
        cli.build();
        ActlabHelper { color, cli, files: FilenameCompleter::new() }
    }

    fn subcommand<'c>(cmd: &'c clap::Command, name: &str) -> Option<&'c clap::Command> {
        cmd.get_subcommands().find(|c| c.get_name() == name || c.get_all_aliases().any(|a| a == name))
    }

    /// The argument an option names (`--gate`, `-f`), among the command's and the global ones.
    fn option<'c>(&'c self, cmd: &'c clap::Command, opt: &str) -> Option<&'c clap::Arg> {
        cmd.get_arguments().chain(self.cli.get_arguments()).find(|a| {
            a.get_long().is_some_and(|l| opt.strip_prefix("--") == Some(l))
                || a.get_short().is_some_and(|s| opt == format!("-{s}"))
        })
    }

    /// Candidates for the word at the cursor, given the words before it: walk the
    /// grammar (subcommands, options, their values, positionals) as clap defines it.
    fn want(&self, before: &[&str], word: &str) -> Want {
        let mut cmd = &self.cli;
        let mut rest = before;
        if rest.first() == Some(&"help") {
            rest = &rest[1..];
        }
        while let Some(sub) = rest.first().and_then(|w| Self::subcommand(cmd, w)) {
            cmd = sub;
            rest = &rest[1..];
        }
        let subcommands = || cmd.get_subcommands().filter(|c| !c.is_hide_set()).map(|c| c.get_name().to_string());
        if std::ptr::eq(cmd, &self.cli) || before.first() == Some(&"help") && rest.is_empty() {
            return Want::Words(subcommands().collect());
        }
        if word.starts_with('-') && parse_x(word).is_err() {
            let opts = cmd.get_arguments().chain(self.cli.get_arguments()).filter(|a| !a.is_hide_set());
            return Want::Words(
                opts.filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                    .filter(|l| l != "--help" && l != "--version")
                    .collect(),
            );
        }
        // the value of an option?
        if let Some(arg) = rest
            .last()
            .filter(|w| w.starts_with("--") || w.len() == 2 && w.starts_with('-'))
            .and_then(|w| self.option(cmd, w))
            && arg.get_action().takes_values()
        {
            if arg.get_value_hint() == clap::ValueHint::FilePath {
                return Want::File;
            }
            if arg.get_long() == Some("act") {
                return Want::Words(function_names().into_iter().chain(["none".into()]).collect());
            }
            if arg.get_long() == Some("gate") {
                let gates = ["sigmoid", "swish", "gelu", "relu", "glu", "swiglu", "geglu", "reglu"];
                return Want::Words(gates.iter().map(|g| g.to_string()).chain(function_names()).collect());
            }
            return Want::Words(arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect());
        }
        // the n-th positional argument (words that are not options or their values)
        let mut n = 0;
        let mut skip = false;
        for w in rest {
            if skip {
                skip = false;
            } else if w.starts_with('-') && parse_x(w).is_err() && *w != "-" {
                skip = self.option(cmd, w).is_some_and(|a| a.get_action().takes_values());
            } else {
                n += 1;
            }
        }
        if cmd.get_name() == "matrix" {
            return match rest.last().copied() {
                Some("flip" | "project") => Want::Words(vec!["x".into(), "y".into()]),
                _ => Want::Words(crate::command::matrix_words::OPERATIONS.iter().map(|s| s.to_string()).collect()),
            };
        }
        let Some(pos) = cmd.get_positionals().nth(n) else {
            // `set ` and the like: a command whose words are subcommands
            return Want::Words(if n == 0 { subcommands().collect() } else { Vec::new() });
        };
        // FN[,FN...], FN, and compare's F and G
        if pos.get_value_names().is_some_and(|v| v.iter().any(|v| v.starts_with("FN") || v == "F" || v == "G")) {
            if n == 0 && cmd.has_subcommands() && !word.contains(',') {
                // plot: a function, or the subcommand chain
                let mut words: Vec<String> = subcommands().collect();
                words.extend(function_names());
                return Want::Words(words);
            }
            return Want::Functions;
        }
        if pos.get_value_hint() == clap::ValueHint::FilePath {
            return Want::File;
        }
        let values: Vec<String> = pos.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        if values.is_empty() && n == 0 { Want::Words(subcommands().collect()) } else { Want::Words(values) }
    }

    /// A live preview for eval/deriv at a few plain numbers, else the usage of the
    /// command being typed.
    pub fn preview(&self, line: &str) -> Option<String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        let first = *words.first()?;
        let cmd = Self::subcommand(&self.cli, first)?;
        if words.len() == 1 {
            let usage = cmd.clone().render_usage().to_string();
            let rest = usage.split_once(first).map(|(_, r)| r.trim().to_string())?;
            return Some(if line.ends_with(' ') { rest } else { format!(" {rest}") });
        }
        if !matches!(first, "eval" | "deriv") {
            return None;
        }
        let Ok(Parsed::Command(cli)) = parse_line(line) else { return None };
        let Some(Line::Compute(cmd)) = &cli.command else { return None };
        let cmd: &Command = cmd;
        let (Command::Eval(a) | Command::Deriv(a)) = cmd else { return None };
        if a.xs.len() > 3 || a.xs.iter().any(|x| x.trim() == "-" || x.contains("..")) {
            return None;
        }
        // the command itself, run into a collected result: the preview is what Enter gives
        let mut result = Collected::default();
        let mut ctx = ExecContext { stdin: None, style: Style::default(), radians: false };
        execute(cmd, &mut ctx, &mut result).ok()?;
        let head = result.heads.first()?;
        let deriv = matches!(cmd, Command::Deriv(_));
        let mut parts = Vec::new();
        for row in &result.rows {
            let Some(Cell::Num(x)) = row.first() else { continue };
            for (col, cell) in head.columns.iter().zip(row).skip(1) {
                if deriv && !col.name.ends_with('\'') {
                    continue;
                }
                let Cell::Num(v) = cell else { continue };
                let at = if col.name.contains('(') {
                    format!(" at {}", significant(*x, 6))
                } else {
                    format!("({})", significant(*x, 6))
                };
                parts.push(format!("{}{at} = {}", col.label, significant(*v, 10)));
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
        let pair = |s: String| Pair { display: s.clone(), replacement: s };
        let found: Vec<String> = match self.want(&words, word) {
            Want::File => return self.files.complete(line, pos, ctx),
            Want::Functions => {
                // complete the last name of a comma list or of a formula (x*sigm), ignoring
                // case, - and _
                let cut = word.rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'));
                let (head, last) =
                    cut.map_or(("", word), |i| word.split_at(i + word[i..].chars().next().map_or(1, char::len_utf8)));
                let in_formula = head.chars().any(|c| c != ',');
                let key = normalize(last);
                let mut names = function_names();
                if in_formula {
                    names.extend(formula_names());
                }
                let mut seen = std::collections::HashSet::new();
                names
                    .into_iter()
                    .filter(|n| normalize(n).starts_with(&key) && seen.insert(n.clone()))
                    .map(|n| format!("{head}{n}"))
                    .collect()
            }
            Want::Words(mut c) => {
                c.retain(|c| c.starts_with(word));
                c.sort();
                c.dedup();
                c
            }
        };
        Ok((start, found.into_iter().map(pair).collect()))
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
        if self.color { Cow::Owned(color(hint, Role::Dim, true)) } else { Cow::Borrowed(hint) }
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
            let role = if first {
                cmd = w;
                Some(if Self::subcommand(&self.cli, w).is_some() { Role::Command } else { Role::Unknown })
            } else if w.starts_with("--") || (w.starts_with('-') && parse_x(w).is_err() && w != "-") {
                Some(Role::Option)
            } else if parse_x(w).is_ok() {
                Some(Role::Number)
            } else if matches!(cmd, "eval" | "deriv" | "chain" | "info") {
                Some(if w.split(',').all(|n| lookup(n.trim()).is_ok()) { Role::Function } else { Role::Unknown })
            } else {
                None
            };
            first = false;
            match role {
                Some(r) => out.push_str(&color(w, r, true)),
                None => out.push_str(w),
            }
        }
        out
    }
}

impl Validator for ActlabHelper {}
impl Helper for ActlabHelper {}
