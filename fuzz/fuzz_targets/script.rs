//! Fuzz the script reader: raw bytes (any encoding, any line length, NUL bytes) through
//! `Session::run_script` with --keep-going, as `actlab < FILE` reads them. A panic
//! inside a line is caught and reported as an internal error: that counts as a crash.
#![no_main]

use actlab::command::line::Session;
use actlab::render::{Format, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // keep single runs short: big depths, widths and ranges are legal but slow
    let slow = |w: &[u8]| {
        let numeric = w.iter().all(|c| c.is_ascii_digit() || b"e.+-:".contains(c));
        (numeric && w.len() > 4) || (w.windows(2).any(|p| p == b"..") && w.len() > 9)
    };
    if data.len() > 8192 || data.split(|b| b.is_ascii_whitespace()).any(slow) {
        return;
    }
    for format in [Format::Table, Format::Json] {
        let style = Style { format, ..Style::default() };
        let mut session = Session::new(style, None);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut script = data;
        let _ = session.run_script(&mut script, None, true, &mut out, &mut err);
        let err = String::from_utf8_lossy(&err);
        assert!(!err.contains("internal error"), "{err}");
    }
});
