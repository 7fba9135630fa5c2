//! Every example in the help text runs without an error, so help never goes stale.

use actlab::command::Cli;
use actlab::command::line::Session;
use actlab::render::Style;
use clap::CommandFactory;

fn examples(text: &str) -> Vec<String> {
    let Some((_, tail)) = text.split_once("Examples:") else { return Vec::new() };
    tail.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| l.trim_start_matches("actlab ").to_string()).collect()
}

#[test]
fn every_help_example_runs() {
    let cli = Cli::command();
    let mut all = examples(&cli.get_after_help().map(|s| s.to_string()).unwrap_or_default());
    for sub in cli.get_subcommands() {
        let ex = examples(&sub.get_after_help().map(|s| s.to_string()).unwrap_or_default());
        if !matches!(
            sub.get_name(),
            "help" | "list" | "run" | "exit" | "clear" | "settings" | "completions" | "manpage"
        ) {
            assert!(!ex.is_empty(), "'{}' has no examples in its help", sub.get_name());
        }
        all.extend(ex);
    }
    // examples may write files (plot --svg): run them in a scratch directory
    let scratch = tempfile::tempdir().unwrap();
    std::env::set_current_dir(scratch.path()).unwrap();
    let mut ran = 0;
    // one session, as at the prompt: the examples of def define what later ones use
    let mut session = Session::new(Style::default(), None);
    for ex in &all {
        if ex.contains('|') || ex.contains(" - ") {
            continue; // shell pipelines: covered by tests/cli.rs
        }
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let r = session.run_line(ex, &mut out, &mut err);
        assert!(r.is_ok(), "help example `{ex}` failed: {:?}", r.err());
        let quiet = ["set ", "def ", "let ", "undef "].iter().any(|w| ex.starts_with(w));
        assert!(quiet || !out.is_empty(), "help example `{ex}` printed nothing");
        ran += 1;
    }
    assert!(ran >= 30, "only {ran} examples ran");
}
