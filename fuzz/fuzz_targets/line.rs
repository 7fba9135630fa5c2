//! Fuzz the whole line path: bytes → (UTF-8 check) → shlex → clap → command → renderer.
//! Anything may come back as an error; nothing may panic or hang.
#![no_main]

use actlab::command::line::Session;
use actlab::render::{Format, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // keep single runs short: big depths, widths and ranges are legal but slow
    let slow = |w: &str| {
        let numeric = w.chars().all(|c| c.is_ascii_digit() || "e.+-:".contains(c));
        (numeric && w.trim_start_matches('-').len() > 3 && w.parse::<f64>().map_or(true, |v| v.abs() > 2000.0))
            || (w.contains("..") && w.len() > 9)
    };
    if text.len() > 4096 || text.split_whitespace().any(slow) {
        return;
    }
    // every format, and the table in Chinese too (other widths, other messages)
    for (format, lang) in [
        (Format::Table, actlab::i18n::Lang::En),
        (Format::Csv, actlab::i18n::Lang::En),
        (Format::Json, actlab::i18n::Lang::En),
        (Format::Table, actlab::i18n::Lang::Zh),
    ] {
        actlab::i18n::set(lang);
        let style = Style { format, term_width: Some(80), ..Style::default() };
        let mut session = Session::new(style, None);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        for line in text.lines() {
            let _ = session.run_line(line, &mut out, &mut err);
        }
    }
});
