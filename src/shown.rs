//! User text as it appears inside a message: control characters escaped (a NUL byte
//! reads `\0`, never raw), and a long word cut to its start and end with its length
//! named, so that a 900 KB bad token gives a one-line message.

/// Characters of a word shown whole in a message; longer words are cut.
pub const MAX_SHOWN: usize = 40;

/// `word` fit for a message: escaped, and cut past [`MAX_SHOWN`] characters.
pub fn shown(word: &str) -> String {
    let n = word.chars().count();
    if n <= MAX_SHOWN {
        return escape(word);
    }
    let head: String = word.chars().take(24).collect();
    let tail: String = word.chars().skip(n - 8).collect();
    format!("{}…{} ({n} characters)", escape(&head), escape(&tail))
}

/// Control characters (and the other invisible ones Rust escapes) as escapes.
pub fn escape(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// A whole message made safe to print: control characters other than line breaks
/// escaped, and at most `MAX_MESSAGE` bytes (a safety net behind [`shown`]).
pub fn message(msg: &str) -> String {
    const MAX_MESSAGE: usize = 4096;
    let mut out = String::with_capacity(msg.len().min(MAX_MESSAGE) + 8);
    for c in msg.chars() {
        if out.len() >= MAX_MESSAGE {
            out.push_str(" …");
            break;
        }
        if c == '\n' || c == '\t' || !needs_escape(c) {
            out.push(c);
        } else {
            out.extend(c.escape_debug());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_stay_and_long_words_are_cut() {
        assert_eq!(shown("gelu"), "gelu");
        assert_eq!(shown("a\0b\x1b"), "a\\0b\\u{1b}");
        let long = "x".repeat(1000);
        let s = shown(&long);
        assert!(s.len() < 60 && s.ends_with("(1000 characters)"), "{s}");
        assert_eq!(message("a\nb\x07"), "a\nb\\u{7}");
        assert!(message(&"é".repeat(10_000)).len() <= 4100);
    }
}
