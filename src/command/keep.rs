//! The init file's definitions: one `def`/`let` line per name, rewritten in place
//! when a name is defined again or removed.

use std::io::Write;
use std::path::Path;

/// The name a `def`/`let` line defines: read leniently (not with the formula parser),
/// so that a broken line is still replaced when its name is defined again.
fn defines(line: &str) -> Option<String> {
    let body = line.trim().strip_prefix("def ").or_else(|| line.trim().strip_prefix("let "))?;
    let name: String = body.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    (!name.is_empty()).then_some(name)
}

/// Drop the lines defining `name`, then append `line` (if any).
pub fn replace(path: &Path, name: &str, line: Option<&str>) -> std::io::Result<()> {
    let old = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let mut text: String =
        old.lines().filter(|l| defines(l).as_deref() != Some(name)).flat_map(|l| [l, "\n"]).collect();
    if let Some(l) = line {
        text.push_str(l);
        text.push('\n');
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    // write beside it, then rename: a crash never leaves half a file
    let tmp = path.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_lines() {
        assert_eq!(defines("def swish(x; beta = 1) = x").as_deref(), Some("swish"));
        assert_eq!(defines("let k = 2").as_deref(), Some("k"));
        assert_eq!(defines("# def k"), None);
    }
}
