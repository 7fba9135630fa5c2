//! The grammar in Chinese: each command's and argument's help from `zh.ftl`
//! (`help-CMD`, `help-CMD-after`, `help-CMD--ARG` or, shared by every command,
//! `help--ARG`), clap's own words (headings, "Print help") and its errors.

use super::{Lang, current, lookup};
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The key of a command's help: `help-eval`, `help-set-format`; the root is `actlab`.
pub fn command_key(path: &str) -> String {
    format!("help-{path}")
}

/// The command `path` (`actlab`, `eval`, `set-format`) with its help in the current
/// language; subcommands follow (their arguments when they are added, see
/// [`localise_args`]).
pub fn localise_command(cmd: clap::Command) -> clap::Command {
    if current() == Lang::En {
        return cmd;
    }
    // clap wraps only at spaces, which Chinese has few of: it does not wrap here, and
    // `localise_help_text` wraps the rendered help between words and characters
    let cmd = localise_one(cmd, "actlab").term_width(10_000);
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| {
            let sub = localise_one(sub, name);
            let inner: Vec<String> = sub.get_subcommands().map(|s| s.get_name().to_string()).collect();
            inner.iter().fold(sub, |sub, n| sub.mut_subcommand(n, |s| localise_one(s, &format!("{name}-{n}"))))
        })
    })
}

thread_local! {
    /// Whether the grammar being built is the translated one (help, completion, the
    /// man page), not the one parsing is done with.
    static LOCALISING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the translated grammar is being built (else the grammar built is the one
/// parsing is done with, whose help texts nobody reads: they stay English, untranslated).
pub fn localising() -> bool {
    LOCALISING.with(|l| l.get())
}

/// `f` with the grammar's deferred parts translated as they are added.
pub fn while_localising<R>(f: impl FnOnce() -> R) -> R {
    let before = LOCALISING.with(|l| l.replace(true));
    let r = f();
    LOCALISING.with(|l| l.set(before));
    r
}

/// A command's arguments, about and examples in the current language (`path` as in
/// [`localise_command`]) when the translated grammar is being built; called on a
/// command's deferred arguments.
pub fn localise_args(cmd: clap::Command, path: &str) -> clap::Command {
    if current() == Lang::En || !LOCALISING.with(|l| l.get()) {
        return cmd;
    }
    localise_one(cmd, path)
}

fn localise_one(mut cmd: clap::Command, path: &str) -> clap::Command {
    let key = command_key(path);
    if let Some(about) = lookup(Lang::Zh, &key) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if let Some(after) = lookup(Lang::Zh, &format!("{key}-after")) {
        cmd = cmd.after_help(after);
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let text = lookup(Lang::Zh, &format!("{key}--{id}")).or_else(|| lookup(Lang::Zh, &format!("help--{id}")));
        if let Some(text) = text {
            cmd = cmd.mut_arg(id.as_str(), |a| {
                // possible values described in English (-f's table, csv, …): the
                // Chinese help describes them itself
                let described = a.get_possible_values().iter().any(|v| v.get_help().is_some());
                let a = a.help(text).long_help(None::<&str>);
                if described { a.hide_possible_values(true) } else { a }
            });
        }
    }
    cmd
}

/// clap's own words in a rendered help text (headings, the help and version
/// flags, possible values), in the current language.
pub fn localise_help_text(text: &str) -> String {
    if current() == Lang::En {
        return text.to_string();
    }
    const WORDS: &[(&str, &str)] = &[
        ("Print this message or the help of the given subcommand(s)", "显示本帮助，或给定命令的帮助"),
        ("Print help (see more with '--help')", "显示帮助（--help 显示更多）"),
        ("Print help (see a summary with '-h')", "显示帮助（-h 显示摘要）"),
        ("Print help", "显示帮助"),
        ("Print version", "显示版本"),
        ("Possible values:", "可选值："),
        ("[possible values: ", "[可选值: "),
        ("[default: ", "[默认: "),
        ("[aliases: ", "[别名: "),
        ("[alias: ", "[别名: "),
    ];
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let heading = match line.trim_end() {
            "Commands:" => Some("命令："),
            "Options:" => Some("选项："),
            "Arguments:" => Some("参数："),
            _ => None,
        };
        if let Some(h) = heading {
            out.push_str(h);
            out.push('\n');
            continue;
        }
        let mut l = match line.strip_prefix("Usage: ") {
            Some(rest) => format!("用法：{rest}"),
            None => line.to_string(),
        };
        for (en, zh) in WORDS {
            if l.contains(en) {
                l = l.replace(en, zh);
            }
        }
        out.push_str(&wrap_line(&l, help_width()));
    }
    out
}

/// The width help is wrapped to: the terminal's, else clap's 100 columns.
fn help_width() -> usize {
    use std::io::IsTerminal;
    let tty = std::io::stdout().is_terminal();
    let cols = if tty { terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)) } else { None };
    cols.unwrap_or(100).clamp(40, 100)
}

/// A help line wider than `width` wrapped between words and Chinese characters
/// (clap wraps only at spaces, and Chinese has none), its continuation lines
/// indented like its text: under the description of an option (after the gap of
/// two or more spaces), else under its first word.
fn wrap_line(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let body = line.trim_end_matches('\n');
    if body.width() <= width {
        return line.to_string();
    }
    let lead = body.len() - body.trim_start().len();
    let indent = body[lead..].find("  ").map_or(lead, |gap| {
        let after = &body[lead + gap..];
        lead + gap + (after.len() - after.trim_start().len())
    });
    let head = &body[..indent];
    let pad = head.width();
    if pad + 10 > width {
        return line.to_string();
    }
    let wrapped = crate::render::wrap(&body[indent..], width - pad);
    let mut out = String::with_capacity(line.len() + 16);
    for (i, l) in wrapped.split('\n').enumerate() {
        if i == 0 {
            out.push_str(head);
        } else {
            out.push('\n');
            out.push_str(&" ".repeat(pad));
        }
        out.push_str(l);
    }
    if line.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ")),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        ContextValue::None => None,
        _ => None,
    }
}

/// A clap error as one line in the current language: `None` in English (the caller
/// uses clap's own words).
pub fn localise_clap_error(e: &clap::Error) -> Option<String> {
    if current() == Lang::En {
        return None;
    }
    let arg = context(e, ContextKind::InvalidArg).map(|a| a.trim().replace(" -", "-")).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).map(|v| v.trim_start().to_string()).unwrap_or_default();
    let suggested = context(e, ContextKind::SuggestedArg).or_else(|| context(e, ContextKind::SuggestedValue));
    let hint = match suggested {
        Some(s) => crate::t!("clap-did-you-mean", suggestion = s),
        None => String::new(),
    };
    let msg = match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue).unwrap_or_default();
            if value.is_empty() {
                crate::t!("clap-missing-value", arg = arg)
            } else if valid.is_empty() {
                crate::t!("clap-invalid-value", arg = arg, value = value)
            } else {
                crate::t!("clap-invalid-value-valid", arg = arg, value = value, valid = valid)
            }
        }
        ErrorKind::UnknownArgument => crate::t!("clap-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            crate::t!("clap-unknown-argument", arg = sub)
        }
        ErrorKind::MissingRequiredArgument => crate::t!("clap-missing-argument", arg = arg),
        ErrorKind::MissingSubcommand => crate::t!("clap-missing-subcommand"),
        ErrorKind::ArgumentConflict => {
            let other = context(e, ContextKind::PriorArg).unwrap_or_default();
            crate::t!("clap-conflict", arg = arg, other = other)
        }
        ErrorKind::TooManyValues => crate::t!("clap-too-many-values", arg = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => crate::t!("clap-wrong-number", arg = arg),
        ErrorKind::ValueValidation => {
            // our own value parsers' messages are already in the current language
            let source = std::error::Error::source(e).map(|s| s.to_string()).unwrap_or_default();
            crate::t!("clap-value-validation", arg = arg, value = value, reason = source)
        }
        ErrorKind::NoEquals => crate::t!("clap-no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => crate::t!("clap-invalid-utf8"),
        _ => return None,
    };
    Some(format!("{msg}{hint}"))
}
