//! The reference pages are generated from the program; fail when they drift.
//! `ACTLAB_UPDATE_DOCS=1 cargo test --test docs` rewrites them.

fn check(path: &str, want: String) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("ACTLAB_UPDATE_DOCS").is_some() {
        std::fs::write(&full, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(have == want, "{path} is out of date: run ACTLAB_UPDATE_DOCS=1 cargo test --test docs");
}

#[test]
fn commands_md_matches_the_clap_definition() {
    check("docs/commands.md", actlab::docgen::commands_md());
}

#[test]
fn functions_md_matches_the_catalogue() {
    check("docs/functions.md", actlab::docgen::functions_md());
}
