//! "Did you mean ...?": the closest candidate by optimal-string-alignment distance
//! (Damerau-Levenshtein without repeated edits), compared case-insensitively.

/// Edit distance counting insertions, deletions, substitutions and adjacent swaps.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// The best candidate within distance 3 (and less than the word's own length).
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = 3.min(word.chars().count().saturating_sub(1)).max(1);
    candidates
        .into_iter()
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
