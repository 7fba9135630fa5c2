//! Fuzz the prompt's helper as it runs on every key press: the highlighter, the live
//! preview and the completer, on every prefix of the line (the cursor at every
//! character boundary), with any text including non-ASCII.
#![no_main]

use actlab::prompt::ActlabHelper;
use libfuzzer_sys::fuzz_target;
use rustyline::history::DefaultHistory;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else { return };
    if line.len() > 512 || line.split_whitespace().any(|w| w.contains("..") || w.len() > 6 && w.bytes().all(|b| b.is_ascii_digit())) {
        return;
    }
    let helper = ActlabHelper::new(true);
    let history = DefaultHistory::new();
    let ctx = rustyline::Context::new(&history);
    for (pos, _) in line.char_indices().chain(std::iter::once((line.len(), ' '))) {
        let prefix = &line[..pos];
        let _ = helper.colored(prefix);
        let _ = helper.preview(prefix);
        let _ = helper.complete_words(line, pos, &ctx).expect("completion never fails");
    }
});
