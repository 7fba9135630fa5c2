//! "Did you mean ...?": the closest candidate by optimal-string-alignment distance
//! (Damerau-Levenshtein without repeated edits, from `strsim`), compared
//! case-insensitively.

/// Edit distance counting insertions, deletions, substitutions and adjacent swaps
/// (optimal string alignment), ignoring case.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase())
}

/// The best candidate within distance 3 (and less than the word's own length).
///
/// A word far longer than every candidate cannot be within 3 edits of one: it is not
/// compared at all (a 1 MB word would otherwise cost seconds per candidate).
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let chars = word.chars().count();
    let limit = 3.min(chars.saturating_sub(1)).max(1);
    candidates
        .into_iter()
        .filter(|c| chars <= c.chars().count() + limit)
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("gelu", "gelus"), 1);
        assert_eq!(distance("tnah", "tanh"), 1);
        assert_eq!(distance("Sigmoid", "sigmoid"), 0);
        assert_eq!(did_you_mean("evla", ["eval", "deriv"]), Some("eval"));
        assert_eq!(did_you_mean("xyzzy", ["eval", "deriv"]), None);
    }
}
