//! One line of input, as the prompt and scripts see it: split with shlex, parsed
//! with the same clap enum as the shell (multicall), run, rendered. Script mode is
//! a loop over lines that names the line of each error.

use super::{AngleUnit, Cli, ColorChoice, Context, Error, Line, SessionCommand, Setting, execute, style_for};
use crate::render::{self, Style};
use crate::suggest::did_you_mean;
use crate::t;
use clap::error::ErrorKind;
use std::io::{BufRead, Write};

/// What a line turned out to be.
#[derive(Debug)]
pub enum Parsed {
    /// Blank, or a comment.
    Nothing,
    Command(Box<Cli>),
    /// `help`, `CMD --help`: text to show.
    Help(String),
}

/// A clap error as one or two plain lines, without the usage block.
pub fn clap_message(e: &clap::Error) -> String {
    if let Some(m) = crate::i18n::localise_clap_error(e) {
        return cut_quoted(&m);
    }
    let text = e.render().to_string();
    let mut msg = String::new();
    for l in text.lines() {
        let l = l.trim();
        if l.is_empty() || l.starts_with("Usage:") || l.starts_with("For more information") {
            continue;
        }
        let l = l.trim_start_matches("error: ").trim_start_matches(' ');
        if !msg.is_empty() {
            msg.push_str(if l.starts_with("tip:") { "; " } else { " " });
        }
        msg.push_str(l);
    }
    // the protective space of protect_values is not the user's
    cut_quoted(&msg.replace("' -", "'-"))
}

/// Words quoted in a message ('like this') cut to a readable length.
fn cut_quoted(msg: &str) -> String {
    let parts: Vec<&str> = msg.split('\'').collect();
    let mut out = String::with_capacity(msg.len().min(4096));
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push('\'');
        }
        // odd parts sit between quotes
        if i % 2 == 1 && i + 1 < parts.len() { out.push_str(&crate::shown::shown(part)) } else { out.push_str(part) }
    }
    out
}

/// Parse a line of the prompt or of a script.
pub fn parse_line(line: &str) -> Result<Parsed, Error> {
    if line.len() > MAX_LINE {
        return Err(line_too_long());
    }
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return Ok(Parsed::Nothing);
    }
    let words = split_words(trimmed)?;
    if words.is_empty() {
        return Ok(Parsed::Nothing);
    }
    // `--lang zh` on a line: the line (its help, its errors) is in that language
    if let Some(lang) = crate::i18n::lang_in_words(&words) {
        crate::i18n::set(lang);
    }
    if words.len() == 2 && words[0] == "help" && matches!(words[1].as_str(), "formulas" | "formula") {
        return Ok(Parsed::Help(crate::messages::formula_help()));
    }
    if words.len() == 1 && matches!(words[0].as_str(), "help" | "?") {
        return Ok(Parsed::Help(prompt_help()));
    }
    if let Some(calc) = as_formula(&words.join(" "), &words[0]) {
        return calc;
    }
    let words = super::protect_values(std::iter::once("actlab".to_string()).chain(words));
    match super::parse_cli(&words) {
        Ok(l) if l.command.is_none() => Err(Error::Usage(t!("line-options-alone"))),
        Ok(l) => Ok(Parsed::Command(Box::new(l))),
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                Ok(Parsed::Help(crate::i18n::localise_help_text(&e.render().to_string())))
            }
            ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument
                if !words[1].starts_with('-') && !is_command(&words[1]) =>
            {
                Err(unknown_command(&words[1]))
            }
            // after global options (--lang zh evl gelu 1): the word clap did not know
            ErrorKind::InvalidSubcommand => match e.get(clap::error::ContextKind::InvalidSubcommand) {
                Some(clap::error::ContextValue::String(w)) if !is_command(w) => Err(unknown_command(w)),
                _ => Err(Error::Usage(clap_message(&e))),
            },
            _ => Err(Error::Usage(clap_message(&e))),
        },
    }
}

/// The commands by what they are for (every command of the grammar is in one group:
/// a test holds it).
pub const HELP_GROUPS: &[(&str, &[&str])] = &[
    ("group-functions", &["eval", "deriv", "list", "info", "plot", "compare", "calc"]),
    ("group-gradients", &["chain", "clip", "forward", "grad", "xor", "collapse"]),
    ("group-maps", &["matrix", "glu", "softmax", "log_softmax", "softmin"]),
    ("group-definitions", &["def", "let", "defs", "undef"]),
    ("group-session", &["set", "settings", "run", "clear", "exit", "completions", "manpage"]),
];

/// `help` at the prompt: what the prompt does, on one 80×24 screen.
pub fn prompt_help() -> String {
    let mut s = t!("prompt-help-head") + "\n";
    for (what, names) in HELP_GROUPS {
        let what = crate::i18n::text(what, &[]);
        let pad = 20usize.saturating_sub(unicode_width::UnicodeWidthStr::width(what.as_str()));
        s.push_str(&format!("  {what}{} {}\n", " ".repeat(pad), names.join(" ")));
    }
    s.push('\n');
    s.push_str(&t!("prompt-help-examples"));
    s.push_str("\n\n");
    s.push_str(&t!("prompt-help-tail"));
    s.push('\n');
    s
}

/// Stands for a prime (`sigmoid'`) while shlex splits the line.
const PRIME: char = '\u{E000}';

/// Split a prompt or script line into words as a shell would (shlex), except that a
/// `'` right after a name or `)` is a prime (`deriv sigmoid' 0`, `tanh'(x)`), not
/// a quote, and that words are joined while parentheses are open
/// (`eval leaky_relu(x, slope=0.2) 1` has three words).
pub fn split_words(line: &str) -> Result<Vec<String>, Error> {
    let mut marked = String::with_capacity(line.len());
    let (mut single, mut double, mut escaped) = (false, false, false);
    let mut prev = ' ';
    for c in line.chars() {
        let mut out = c;
        if escaped {
            escaped = false;
        } else if single {
            single = c != '\'';
        } else if double {
            match c {
                '"' => double = false,
                '\\' => escaped = true,
                _ => {}
            }
        } else {
            match c {
                '\'' if prev.is_alphanumeric() || prev == '_' || prev == ')' || prev == PRIME => out = PRIME,
                '\'' => single = true,
                '"' => double = true,
                '\\' => escaped = true,
                _ => {}
            }
        }
        marked.push(out);
        prev = out;
    }
    let words = shlex::split(&marked).ok_or_else(|| Error::Usage(t!("line-unbalanced-quote")))?;
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut open = 0i64;
    for w in words {
        let w = w.replace(PRIME, "'");
        let depth = w.matches('(').count() as i64 - w.matches(')').count() as i64;
        // inside open parentheses a word continues the formula when one side of the
        // gap is an operator or a separator (leaky_relu(x, slope=0.2); not
        // 'x*sigmoid(1.702*x' 1, a missing parenthesis before a number)
        let joins = |last: &str| {
            last.ends_with([',', ';', '(', '+', '-', '*', '/', '^', '<', '>', '=', '!'])
                || w.starts_with([')', ',', ';', '+', '-', '*', '/', '^', '<', '>', '=', '!'])
        };
        match out.last_mut() {
            Some(last) if open > 0 && joins(last) => {
                last.push(' ');
                last.push_str(&w);
            }
            _ => out.push(w),
        }
        open = (open + depth).max(0);
    }
    Ok(out)
}

/// A line that is not a command but a formula (`2*sigmoid(2) - 1`, `pi/4`, `-1 + 2`)
/// is a `calc`. A lone word that is no constant stays a (mistyped) command.
fn as_formula(line: &str, first: &str) -> Option<Result<Parsed, Error>> {
    if is_command(first) || first.starts_with("--") || super::is_short_option(first) || first == "help" {
        return None;
    }
    let text = line.trim();
    match crate::formula::parse(text) {
        Ok(e) => {
            if let crate::formula::Kind::Name(n, 0) = &e.kind {
                let constant = crate::formula::CONSTANTS.iter().any(|(c, _)| c == n)
                    || crate::defs::with(|d| d.constants().iter().any(|c| c.name == *n));
                if !constant {
                    return None;
                }
            }
            let cli = super::parse_cli(["actlab", "calc", text]).map_err(|e| Error::Usage(clap_message(&e)));
            Some(cli.map(|c| Parsed::Command(Box::new(c))))
        }
        // a word then more words: a command with a typo (evl gelu 1), unless it reads as arithmetic
        Err(_) if first.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') => None,
        Err(e) => Some(Err(Error::Usage(crate::defs::with(|d| crate::messages::formula_error(&e, text, d))))),
    }
}

fn is_command(word: &str) -> bool {
    super::command_names().iter().any(|c| c == word)
}

fn unknown_command(word: &str) -> Error {
    let names = super::command_names();
    let hint = match did_you_mean(word, names.iter().map(String::as_str)) {
        Some(s) => t!("hint-did-you-mean", suggestion = s),
        None if crate::activation::lookup(word).is_ok() => t!("hint-to-evaluate", name = word.to_lowercase()),
        None => t!("hint-type-help"),
    };
    Error::Usage(t!("unknown-command", name = crate::shown::shown(word), hint = hint))
}

/// What happened to the session after a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Exit,
}

/// State shared by the lines of one prompt or script session.
pub struct Session<'a> {
    pub style: Style,
    /// Standard input for `-`, when it is not the script itself.
    pub stdin: Option<&'a mut dyn BufRead>,
    /// `set angle rad`
    pub radians: bool,
    /// What `set color auto` means here (is the output a terminal, NO_COLOR, ...).
    pub auto_color: bool,
    /// The colour setting (auto unless `set color` or `--color` said otherwise).
    pub color: ColorChoice,
    /// Scripts being run (`run FILE`), outermost first.
    running: Vec<std::path::PathBuf>,
    /// The definitions (`def`, `let`), shared with the prompt's helper.
    pub defs: crate::defs::Shared,
    /// Where `def`/`let`/`undef` are kept (the prompt and one-shot commands; not scripts).
    pub keep_in: Option<std::path::PathBuf>,
    /// stderr is a terminal: long commands may show progress there (table output only).
    pub progress: bool,
    /// The session's language (`set lang`); a line's `--lang` is for that line.
    pub lang: crate::i18n::Lang,
}

impl<'a> Session<'a> {
    pub fn new(style: Style, stdin: Option<&'a mut dyn BufRead>) -> Self {
        Session {
            style,
            stdin,
            radians: false,
            auto_color: style.color,
            color: ColorChoice::Auto,
            running: Vec::new(),
            defs: Default::default(),
            keep_in: None,
            progress: false,
            lang: crate::i18n::current(),
        }
    }

    /// `set KEY VALUE`
    fn set(&mut self, setting: Setting) {
        match setting {
            Setting::Format { format } => self.style.format = format,
            Setting::Precision { digits } => self.style.precision = digits,
            Setting::Angle { unit } => self.radians = unit == AngleUnit::Rad,
            Setting::Lang { lang } => {
                self.lang = lang;
                crate::i18n::set(lang);
            }
            Setting::Color { when } => {
                self.color = when;
                self.style.color = match when {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => self.auto_color,
                };
            }
        }
    }

    /// `auto (on)`, `always`, `never`: the setting, and what auto means here.
    fn color_setting(&self) -> String {
        match self.color {
            ColorChoice::Auto if self.auto_color => t!("settings-auto-on"),
            ColorChoice::Auto => t!("settings-auto-off"),
            ColorChoice::Always => "always".into(),
            ColorChoice::Never => "never".into(),
        }
    }

    fn settings_table(&self, sink: &mut dyn crate::report::Sink) -> Result<(), Error> {
        use crate::report::{Cell, Column, Head};
        use clap::ValueEnum;
        let fmt = self.style.format.to_possible_value().map_or("table".to_string(), |v| v.get_name().to_string());
        sink.begin(&Head {
            title: t!("settings-title"),
            columns: vec![Column::text("setting"), Column::text("value")],
        })?;
        for (k, v) in [
            ("format", fmt),
            ("precision", self.style.precision.to_string()),
            ("angle", if self.radians { "rad" } else { "deg" }.to_string()),
            ("color", self.color_setting()),
            ("lang", if self.lang == crate::i18n::Lang::Zh { "zh" } else { "en" }.to_string()),
        ] {
            sink.row(&[Cell::key(k), Cell::Text(v)])?;
        }
        sink.note(&t!("settings-note"))?;
        sink.end()?;
        Ok(())
    }

    /// Parse and run one line, writing results to `out`.
    pub fn run_line(&mut self, line: &str, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
        crate::i18n::set(self.lang);
        let r = self.run_line_in_lang(line, out, err);
        crate::i18n::set(self.lang);
        r
    }

    fn run_line_in_lang(&mut self, line: &str, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
        let _defs = crate::defs::install(&self.defs);
        match parse_line(line)? {
            Parsed::Nothing => Ok(Outcome::Continue),
            Parsed::Help(h) => {
                out.write_all(h.as_bytes())?;
                Ok(Outcome::Continue)
            }
            Parsed::Command(cli) => self.run(&cli, out, err),
        }
    }

    /// Run a parsed command line (a prompt or script line, or the shell's arguments).
    pub fn run(&mut self, cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
        let _defs = crate::defs::install(&self.defs);
        let style = style_for(self.style, &cli.global);
        let Some(line) = &cli.command else { return Ok(Outcome::Continue) };
        match line {
            Line::Session(SessionCommand::Exit) => Ok(Outcome::Exit),
            Line::Session(SessionCommand::Clear) => {
                // the terminal's own "clear": home, erase the screen and the scrollback
                out.write_all(b"\x1b[H\x1b[2J\x1b[3J")?;
                Ok(Outcome::Continue)
            }
            Line::Session(SessionCommand::Set(setting)) => {
                self.set(*setting);
                Ok(Outcome::Continue)
            }
            // what a definition did is said on stderr: stdout stays the results' (a
            // script's CSV is not broken by "defined swish")
            Line::Session(SessionCommand::Def { text }) => self.define("def", &text.join(" "), err),
            Line::Session(SessionCommand::Let { text }) => self.define("let", &text.join(" "), err),
            Line::Session(SessionCommand::Undef { name }) => self.undefine(name, err),
            Line::Session(SessionCommand::Defs) => {
                let mut sink = render::sink(style, out);
                self.defs_table(sink.as_mut())?;
                sink.finish()?;
                Ok(Outcome::Continue)
            }
            Line::Session(SessionCommand::Settings) => {
                let mut sink = render::sink(style, out);
                self.settings_table(sink.as_mut())?;
                sink.finish()?;
                Ok(Outcome::Continue)
            }
            Line::Session(SessionCommand::Run { file, keep_going }) => {
                let keep_going = *keep_going || cli.keep_going;
                let saved = self.style;
                self.style = style;
                let r = self.run_file(file, keep_going, out, err);
                self.style = saved;
                match r? {
                    0 => Ok(Outcome::Continue),
                    n => Err(Error::Failed(t!(
                        "script-errors",
                        n = crate::i18n::count(n),
                        name = crate::shown::shown(&file.display().to_string())
                    ))),
                }
            }
            Line::Compute(cmd) => {
                let stdin = self.stdin.as_mut().map(|s| &mut **s as &mut dyn BufRead);
                let mut ctx = Context { stdin, style, radians: self.radians };
                super::SHOW_PROGRESS.store(
                    self.progress && style.format == crate::render::Format::Table,
                    std::sync::atomic::Ordering::Relaxed,
                );
                let mut sink = render::sink(style, out);
                execute(cmd, &mut ctx, sink.as_mut())?;
                Ok(Outcome::Continue)
            }
        }
    }

    /// `def TEXT` or `let TEXT`: add the definition, and keep it when the session keeps
    /// definitions (saying where).
    fn define(&mut self, word: &str, text: &str, out: &mut dyn Write) -> Result<Outcome, Error> {
        let text = text.trim();
        if word == "def" && !text.contains('(') && text.contains('=') {
            return Err(Error::Usage(t!("def-not-function", text = crate::shown::shown(text))));
        }
        if word == "let" && text.split('=').next().is_some_and(|n| n.contains('(')) {
            return Err(Error::Usage(t!("let-not-constant", text = crate::shown::shown(text))));
        }
        let name = {
            let mut d = self.defs.borrow_mut();
            d.define(text).map_err(|e| Error::Usage(crate::messages::formula_error(&e, text, &d)))?
        };
        let shadows = crate::activation::lookup(&name).ok().map(|a| a.name);
        if let Some(path) = self.keep_in.clone() {
            let line = format!("{word} {text}");
            super::keep::replace(&path, &name, Some(&line)).map_err(|e| {
                Error::Failed(t!(
                    "def-cannot-keep",
                    name = name,
                    path = path.display(),
                    error = crate::i18n::io_error(&e)
                ))
            })?;
            writeln!(out, "{}", t!("def-kept", name = name, path = path.display()))?;
        }
        if let Some(entry) = shadows {
            writeln!(out, "{}", t!("def-shadows-alias", name = name, entry = entry))?;
        }
        Ok(Outcome::Continue)
    }

    /// `undef NAME`
    fn undefine(&mut self, name: &str, out: &mut dyn Write) -> Result<Outcome, Error> {
        {
            let mut d = self.defs.borrow_mut();
            d.remove(name).map_err(|e| Error::Usage(crate::messages::formula_error(&e, name, &d)))?;
        }
        if let Some(path) = self.keep_in.clone() {
            super::keep::replace(&path, name, None).map_err(|e| {
                Error::Failed(t!(
                    "undef-cannot-update",
                    name = name,
                    path = path.display(),
                    error = crate::i18n::io_error(&e)
                ))
            })?;
            writeln!(out, "{}", t!("undef-kept", name = name, path = path.display()))?;
        }
        Ok(Outcome::Continue)
    }

    fn defs_table(&self, sink: &mut dyn crate::report::Sink) -> Result<(), Error> {
        use crate::report::{Cell, Column, Head};
        let d = self.defs.borrow();
        sink.begin(&Head {
            title: t!("defs-title"),
            columns: vec![Column::text("name"), Column::text("kind"), Column::text("definition"), Column::num("value")],
        })?;
        for f in d.functions() {
            sink.row(&[
                Cell::Text(f.name.clone()),
                Cell::keyed("function", t!("defs-kind-function")),
                Cell::Text(format!("def {}", f.text)),
                Cell::Empty,
            ])?;
        }
        for c in d.constants() {
            sink.row(&[
                Cell::Text(c.name.clone()),
                Cell::keyed("constant", t!("defs-kind-constant")),
                Cell::Text(format!("let {}", c.text)),
                Cell::Num(c.value),
            ])?;
        }
        if d.is_empty() {
            sink.note(&t!("defs-none"))?;
        } else if let Some(p) = &self.keep_in {
            sink.note(&t!("defs-kept-in", path = p.display()))?;
        }
        sink.end()?;
        Ok(())
    }

    /// Run the script in `file` (a `run FILE` line, or `actlab run FILE`). A script
    /// that is already running (directly or through others) is refused: it would
    /// run itself without end. Nesting is bounded by [`MAX_NESTING`].
    pub fn run_file(
        &mut self,
        file: &std::path::Path,
        keep_going: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<usize, Error> {
        let name = crate::shown::shown(&file.display().to_string());
        if self.running.len() >= MAX_NESTING {
            return Err(Error::Failed(t!("script-nested", max = MAX_NESTING, name = name)));
        }
        let f = std::fs::File::open(file)
            .map_err(|e| Error::Failed(t!("script-cannot-open", name = name, error = crate::i18n::io_error(&e))))?;
        let id = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
        if self.running.contains(&id) {
            return Err(Error::Failed(t!("script-already-running", name = name)));
        }
        let mut reader = std::io::BufReader::new(f);
        self.running.push(id);
        let r = self.run_script(&mut reader, Some(&name), keep_going, out, err);
        self.running.pop();
        r
    }

    /// Run every line of `script`; errors go to `err` as `FILE:LINE: message` (or
    /// `line N: message`). Stops at the first error unless `keep_going`, and at Ctrl-C
    /// (at the prompt). Returns the number of errors; a closed output pipe comes back as
    /// `Err(Io)`. Lines longer than [`MAX_LINE`] bytes are refused (and skipped
    /// without being kept), so memory stays bounded whatever the input.
    pub fn run_script(
        &mut self,
        script: &mut dyn BufRead,
        name: Option<&str>,
        keep_going: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<usize, Error> {
        let mut errors = 0;
        let mut buf = Vec::new();
        let mut n = 0u64;
        loop {
            super::check_interrupt()?;
            let Some(read) = read_line(script, &mut buf)? else { break };
            n += 1;
            let result = match read {
                Read::TooLong => Err(line_too_long()),
                Read::Text => match std::str::from_utf8(&buf) {
                    Ok(text) => catch_panic(|| self.run_line(text, out, err)),
                    Err(_) => Err(Error::Usage(t!("line-not-utf8"))),
                },
            };
            match result {
                Ok(Outcome::Continue) => {}
                Ok(Outcome::Exit) => break,
                Err(Error::Io(e)) => return Err(Error::Io(e)),
                Err(e) if e.is_interrupt() => return Err(e),
                Err(e) => {
                    errors += 1;
                    out.flush()?;
                    let at = match name {
                        Some(f) => format!("{f}:{n}"),
                        None => t!("script-line", n = n),
                    };
                    writeln!(err, "{}", t!("script-error", at = at, message = crate::shown::message(&e.to_string())))?;
                    if !keep_going {
                        break;
                    }
                    if matches!(read, Read::TooLong) {
                        skip_line(script)?;
                    }
                }
            }
        }
        out.flush()?;
        Ok(errors)
    }
}

/// Load definitions from the init file: each `def`/`let` line is defined; a
/// broken line is skipped and named (`FILE:LINE: message`) in the returned list.
pub fn load_init(defs: &crate::defs::Shared, path: &std::path::Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate().take(10_000) {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let body = t.strip_prefix("def ").or_else(|| t.strip_prefix("let "));
        let r = match body {
            Some(b) => {
                let mut d = defs.borrow_mut();
                d.define(b).map(drop).map_err(|e| crate::messages::formula_error(&e, b.trim(), &d))
            }
            None => Err(t!("init-only-defs")),
        };
        if let Err(m) = r {
            problems.push(format!("{}:{}: {} (skipped)", path.display(), i + 1, crate::shown::message(&m)));
        }
    }
    problems
}

/// Longest line of a script or of the prompt, in bytes.
pub const MAX_LINE: usize = 1 << 20;
/// Deepest nesting of `run FILE`.
pub const MAX_NESTING: usize = 16;

fn line_too_long() -> Error {
    Error::Usage(t!("line-too-long", mib = MAX_LINE >> 20))
}

enum Read {
    Text,
    TooLong,
}

/// The next line into `buf` (None at the end). A line over [`MAX_LINE`] is not kept:
/// only its first [`MAX_LINE`] bytes are read ([`skip_line`] drops the rest).
fn read_line(script: &mut dyn BufRead, buf: &mut Vec<u8>) -> Result<Option<Read>, Error> {
    buf.clear();
    let read = std::io::Read::take(&mut *script, MAX_LINE as u64 + 1)
        .read_until(b'\n', buf)
        .map_err(|e| Error::Failed(t!("script-cannot-read", error = crate::i18n::io_error(&e))))?;
    if read == 0 {
        return Ok(None);
    }
    Ok(Some(if buf.len() <= MAX_LINE || buf.ends_with(b"\n") { Read::Text } else { Read::TooLong }))
}

/// Read and drop the rest of a line, asking for Ctrl-C as it goes (a line may never
/// end: `run /dev/zero --keep-going`).
fn skip_line(script: &mut dyn BufRead) -> Result<(), Error> {
    loop {
        super::check_interrupt()?;
        let chunk = script
            .fill_buf()
            .map_err(|e| Error::Failed(t!("script-cannot-read", error = crate::i18n::io_error(&e))))?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => {
                script.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = chunk.len();
                script.consume(n);
            }
        }
    }
}

/// Run `f`, turning a panic (a bug: no input should reach one) into an error that
/// names it, so that a session goes on after it.
pub fn catch_panic<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        Err(Error::Failed(t!("internal-error-line", what = crate::shown::shown(&panic_text(payload.as_ref())))))
    })
}

/// What a panic said (its message, when it is text).
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_naming_it() {
        let e = catch_panic::<()>(|| panic!("boom")).unwrap_err();
        assert!(e.to_string().starts_with("internal error: boom"), "{e}");
        assert_eq!(catch_panic(|| Ok(3)).unwrap(), 3);
    }

    #[test]
    fn long_lines_are_refused_and_the_rest_skipped_with_keep_going() {
        let mut data = vec![b'1'; MAX_LINE + 10];
        data.extend_from_slice(b"\neval relu 2 -f csv\n");
        let mut session = Session::new(Style::default(), None);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let n = session.run_script(&mut &data[..], None, true, &mut out, &mut err).unwrap();
        assert_eq!(n, 1);
        assert!(String::from_utf8_lossy(&err).starts_with("line 1: the line is longer than 1 MiB"));
        assert_eq!(String::from_utf8_lossy(&out), "x,relu\n2,2\n");
    }
}
