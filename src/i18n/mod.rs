//! The message catalogue: every sentence a user reads, in English (`en.ftl`) and
//! Simplified Chinese (`zh.ftl`), Fluent files compiled into the binary and parsed on
//! first use (a command that prints no sentence parses nothing).
//!
//! Three kinds of text are translated here:
//! - messages: `t!("id", name = value)`, one Fluent message per sentence, the same ids
//!   and placeholders in both files (a test holds it);
//! - the grammar's help (the clap doc comments are the English; `zh.ftl` has one
//!   `help-…` message per command and argument, applied when the grammar is built:
//!   [`localise_command`]);
//! - the catalogue's words about each function (`fn-NAME-…` in `zh.ftl`; the English
//!   is the catalogue entry itself).
//!
//! Numbers are never localised: placeholders take text, formatted by actlab's own
//! number formatting, the same in every language.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeMap;
use std::sync::Mutex;

pub mod help;
pub use help::{localise_args, localise_clap_error, localise_command, localise_help_text};

/// A language actlab speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// English
    En,
    /// 简体中文 (Simplified Chinese)
    Zh,
}

pub const EN_FTL: &str = include_str!("en.ftl");
pub const ZH_FTL: &str = include_str!("zh.ftl");

thread_local! {
    /// The language of this thread: a session (and the prompt, the shell) runs on one
    /// thread, so sessions on other threads (tests) keep their own.
    static LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Speak `lang` from now on, on this thread (`--lang`, `set lang`).
pub fn set(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// The language spoken now on this thread.
pub fn current() -> Lang {
    LANG.with(|l| l.get())
}

pub fn is_zh() -> bool {
    current() == Lang::Zh
}

/// The language of the environment: the first of LC_ALL, LC_MESSAGES, LANG that is
/// set and not empty; `zh…` (zh_CN.UTF-8, zh_TW.UTF-8, zh) is Chinese, anything
/// else English.
pub fn from_env() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
            return from_locale(&v.to_string_lossy());
        }
    }
    Lang::En
}

/// `zh_CN.UTF-8` → Chinese; `C`, `en_US.UTF-8`, `de_DE` → English.
pub fn from_locale(locale: &str) -> Lang {
    let l = locale.trim().to_ascii_lowercase();
    if l == "zh" || l.starts_with("zh_") || l.starts_with("zh-") || l.starts_with("zh.") { Lang::Zh } else { Lang::En }
}

/// `--lang X` or `--lang=X` among the program's (or a line's) words, read before the
/// grammar is built: the grammar's help is in the chosen language. An unknown value
/// is left to clap, which names it.
pub fn lang_in_words<S: AsRef<str>>(words: &[S]) -> Option<Lang> {
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let w = w.as_ref();
        if w == "--" {
            break;
        }
        let value = if w == "--lang" { words.get(i + 1).map(|v| v.as_ref()) } else { w.strip_prefix("--lang=") };
        match value {
            Some("en") => found = Some(Lang::En),
            Some("zh") => found = Some(Lang::Zh),
            _ => {}
        }
    }
    found
}

type Bundle = FluentBundle<FluentResource>;

fn build(source: String, tag: &str) -> Bundle {
    let resource = FluentResource::try_new(source).unwrap_or_else(|(r, _)| r);
    let mut bundle = FluentBundle::new_concurrent(vec![tag.parse().expect("a valid language tag")]);
    // no Unicode isolation marks around placeables: the output is plain text
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The family of a message, the part of its language's file it is parsed with: the
/// word before its first dash (`chain-title` → `chain`, `help-eval--x` → `help`), and
/// for the catalogue's words the function too (`fn-gelu-formula` → `fn-gelu`). A file
/// is one text, but a command that prints a table in Chinese needs its column labels
/// and its function's words, not the grammar's 170 help texts, the other 25
/// functions' words or the 500 other messages; an error needs its own family alone.
/// No message refers to another, so each family parses alone (a test checks).
pub(crate) fn family(id: &str) -> &str {
    let mut dashes = id.match_indices('-');
    match dashes.next() {
        None => id,
        Some((i, _)) if &id[..i] == "fn" => dashes.next().map_or(id, |(j, _)| &id[..j]),
        Some((i, _)) => &id[..i],
    }
}

/// At most this many messages in a language's file (the compiler says so if not).
const MAX_MESSAGES: usize = 2000;

/// Where each message of a file begins and ends, in bytes: its first line (`id = …`)
/// and the indented or blank lines after it, up to the next message or comment.
/// Found when actlab is compiled, so a family is gathered without reading the file.
pub(crate) struct Index {
    spans: [(u32, u32); MAX_MESSAGES],
    len: usize,
}

const fn index(src: &str) -> Index {
    let b = src.as_bytes();
    let mut spans = [(0u32, 0u32); MAX_MESSAGES];
    let (mut len, mut open, mut i) = (0usize, false, 0usize);
    while i < b.len() {
        // i starts a line
        if b[i].is_ascii_lowercase() || b[i] == b'#' {
            if open {
                spans[len - 1].1 = i as u32;
            }
            open = b[i] != b'#';
            if open {
                assert!(len < MAX_MESSAGES, "raise MAX_MESSAGES");
                spans[len] = (i as u32, 0);
                len += 1;
            }
        }
        while i < b.len() && b[i] != b'\n' {
            i += 1;
        }
        i += 1;
    }
    if open {
        spans[len - 1].1 = b.len() as u32;
    }
    Index { spans, len }
}

static EN_INDEX: Index = index(EN_FTL);
static ZH_INDEX: Index = index(ZH_FTL);

impl Index {
    /// Each message's text in `source` (the file this index was made from).
    pub(crate) fn messages<'s>(&self, source: &'s str) -> impl Iterator<Item = &'s str> + use<'s, '_> {
        self.spans[..self.len].iter().map(move |&(s, e)| &source[s as usize..e as usize])
    }

    /// The Fluent text of the family `f` in `source`.
    pub(crate) fn family_text(&self, source: &str, f: &str) -> String {
        let mut text = String::new();
        // family(id) == f, read off the bytes: id is f or begins with f and a dash
        let of = |m: &str| m.starts_with(f) && matches!(m.as_bytes().get(f.len()), Some(b'-' | b' ' | b'='));
        for m in self.messages(source).filter(|m| of(m)) {
            text.push_str(m);
        }
        text
    }
}

/// A language's file and its index.
pub(crate) fn source(lang: Lang) -> (&'static str, &'static Index) {
    match lang {
        Lang::En => (EN_FTL, &EN_INDEX),
        Lang::Zh => (ZH_FTL, &ZH_INDEX),
    }
}

fn bundle_of(lang: Lang, id: &str) -> Option<&'static Bundle> {
    static EN: Mutex<BTreeMap<String, &'static Bundle>> = Mutex::new(BTreeMap::new());
    static ZH: Mutex<BTreeMap<String, &'static Bundle>> = Mutex::new(BTreeMap::new());
    let (bundles, tag) = match lang {
        Lang::En => (&EN, "en"),
        Lang::Zh => (&ZH, "zh-CN"),
    };
    let f = family(id);
    let mut bundles = bundles.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(b) = bundles.get(f) {
        return Some(*b);
    }
    let (src, index) = source(lang);
    let text = index.family_text(src, f);
    if text.is_empty() {
        return None;
    }
    // a family's bundle lives as long as the process (there are about 60 of them)
    let b: &'static Bundle = Box::leak(Box::new(build(text, tag)));
    bundles.insert(f.to_string(), b);
    Some(b)
}

/// A placeholder's value: text (numbers already formatted), or a count that a
/// message may select on (`{ $n -> [one] … *[other] … }`).
pub enum Arg {
    Text(String),
    Count(u64),
}

impl<T: std::fmt::Display> From<T> for Arg {
    fn from(t: T) -> Arg {
        Arg::Text(t.to_string())
    }
}

/// A count for a plural (its digits are printed as written: no grouping).
pub fn count(n: impl TryInto<u64>) -> Count {
    Count(n.try_into().unwrap_or(u64::MAX))
}

/// See [`count`].
#[derive(Clone, Copy, Debug)]
pub struct Count(pub u64);

impl From<&Count> for Arg {
    fn from(c: &Count) -> Arg {
        Arg::Count(c.0)
    }
}

/// The message `id` in the current language, or in English when the current
/// language lacks it (a test makes sure none is missing), or the id itself.
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(current(), id, args)
}

/// The message `id` in `lang`.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    match bundle_of(lang, id).and_then(|b| format(b, id, args)) {
        Some(s) => s,
        None if lang != Lang::En => {
            bundle_of(Lang::En, id).and_then(|b| format(b, id, args)).unwrap_or_else(|| id.to_string())
        }
        None => id.to_string(),
    }
}

/// A column's header for people: the English key itself, or in Chinese its
/// `col-KEY` message (`col-log10-product`; the key lowercased, every run of other
/// characters a dash), or the key when it has none (`z`, `f'(z)`, a function's name).
pub fn column(key: &str) -> String {
    if current() == Lang::En {
        return key.to_string();
    }
    lookup(Lang::Zh, &column_id(key)).unwrap_or_else(|| key.to_string())
}

/// The catalogue's words about a function (`field`: formula, derivative,
/// smoothness, kinks, defaults, remarks, or `param-NAME`): in Chinese its
/// `fn-NAME-FIELD` message, else (and in English) the catalogue's own `english`.
pub fn entry_text(function: &str, field: &str, english: &str) -> String {
    if current() == Lang::En || english.is_empty() {
        return english.to_string();
    }
    lookup(Lang::Zh, &entry_id(function, field)).unwrap_or_else(|| english.to_string())
}

/// `fn-leaky_relu-param-slope`.
pub fn entry_id(function: &str, field: &str) -> String {
    format!("fn-{function}-{field}")
}

/// `log10 product` → `col-log10-product`.
pub fn column_id(key: &str) -> String {
    let mut id = String::from("col-");
    let mut dash = false;
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !id.ends_with('-') {
                id.push('-');
            }
            dash = false;
            id.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    id
}

/// A message that may be absent (the catalogue's words about a function in
/// Chinese): `None` when `lang` has no message `id`.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    bundle_of(lang, id).and_then(|b| format(b, id, &[]))
}

fn format(bundle: &Bundle, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let msg = bundle.get_message(id)?;
    let pattern = msg.value()?;
    let mut fa = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        match v {
            Arg::Text(s) => fa.set(*k, FluentValue::from(s.as_str())),
            // a count is a number for plural selection; its digits are its own
            Arg::Count(n) => fa.set(*k, FluentValue::from(*n as f64)),
        }
    }
    let mut errors = vec![];
    let s = bundle.format_pattern(pattern, if args.is_empty() { None } else { Some(&fa) }, &mut errors);
    Some(s.into_owned())
}

/// An operating-system error in words: in Chinese for the common kinds, else the
/// system's own text (Rust gives it in English).
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if current() == Lang::En {
        return e.to_string();
    }
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::AlreadyExists => "io-already-exists",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::BrokenPipe => "io-broken-pipe",
        K::InvalidData => "io-invalid-data",
        _ => return e.to_string(),
    };
    let code = e.raw_os_error().map_or(String::new(), |c| format!(" (os error {c})"));
    text(id, &[]) + &code
}

/// `error: MESSAGE`, `错误：MESSAGE`: a tag (`error-tag`, `warning-tag`, perhaps
/// coloured) and what follows it, with a space after an ASCII colon only.
pub fn tagged(tag: &str, plain_tag: &str, message: &str) -> String {
    let gap = if plain_tag.ends_with('：') { "" } else { " " };
    format!("{tag}{gap}{message}")
}

/// The ids and the placeholders of each message of a Fluent file (for the test that
/// both languages have the same).
pub fn inventory(source: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    use fluent_syntax::ast;
    let res = fluent_syntax::parser::parse(source).map_err(|(_, errs)| format!("{errs:?}"))?;
    let mut out = vec![];
    for entry in res.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = vec![];
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            vars.sort();
            vars.dedup();
            out.push((m.id.name.to_string(), vars));
        }
    }
    Ok(out)
}

fn pattern_vars(p: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        if let InlineExpression::VariableReference { id } = e {
            out.push(id.name.to_string());
        }
        if let InlineExpression::Placeable { expression } = e {
            expr(expression, out);
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern_vars(&v.value, out);
                }
            }
        }
    }
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// `t!("id")`, `t!("id", name = value, n = count(3))`: the message in the current
/// language.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($k:ident = $v:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($k), $crate::i18n::Arg::from(&$v))),+])
    };
}

#[cfg(test)]
mod tests;
