//! Every command's output in every machine format loads in a real parser: JSON is one
//! document (serde_json), CSV and TSV are tables separated by empty lines, each
//! loadable with the csv crate (every record as long as its header); keys and column
//! names are unique.

use actlab::command::Cli;
use actlab::command::line::Session;
use actlab::render::{Format, Style};
use clap::CommandFactory;

/// Every example in the help of every command.
fn examples() -> Vec<String> {
    let cli = Cli::command();
    let mut all = Vec::new();
    for sub in cli.get_subcommands() {
        let text = sub.get_after_help().map(|s| s.to_string()).unwrap_or_default();
        if let Some((_, tail)) = text.split_once("Examples:") {
            all.extend(tail.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from));
        }
    }
    // commands whose output is not a result, or writes files
    all.retain(|e| {
        !e.contains('|')
            && !e.contains(" - ")
            && !e.contains("--svg")
            && !e.starts_with("set ")
            && !e.contains("--plot")
    });
    all
}

fn run(session: &mut Session, line: &str) -> String {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    session.run_line(line, &mut out, &mut err).unwrap_or_else(|e| panic!("`{line}`: {e}"));
    String::from_utf8(out).unwrap()
}

#[test]
fn json_is_one_document_with_unique_keys() {
    let mut session = Session::new(Style { format: Format::Json, ..Style::default() }, None);
    let mut checked = 0;
    for ex in examples() {
        let text = run(&mut session, &ex);
        if text.trim().is_empty() {
            continue; // def, let, undef: nothing to load
        }
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("`{ex}` -f json: {e}\n{text}"));
        let results = match &value {
            serde_json::Value::Array(a) => a.clone(),
            v => vec![v.clone()],
        };
        for r in results {
            if let Some(cols) = r.get("columns").and_then(|c| c.as_array()) {
                let mut names: Vec<&str> = cols.iter().filter_map(|c| c.as_str()).collect();
                let n = names.len();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), n, "`{ex}`: repeated column names");
            }
        }
        checked += 1;
    }
    assert!(checked >= 40, "{checked}");
    // a repeated function is named as typed
    let text = run(&mut session, "eval sigmoid,logistic 1");
    assert!(text.contains("\"logistic\":"), "{text}");
}

#[test]
fn csv_and_tsv_load_table_by_table() {
    for (format, sep) in [(Format::Csv, b','), (Format::Tsv, b'\t')] {
        let mut session = Session::new(Style { format, ..Style::default() }, None);
        for ex in examples() {
            let text = run(&mut session, &ex);
            for table in text.split("\n\n").filter(|t| !t.trim().is_empty()) {
                let mut reader =
                    csv::ReaderBuilder::new().delimiter(sep).has_headers(true).from_reader(table.as_bytes());
                let width = reader.headers().unwrap_or_else(|e| panic!("`{ex}`: {e}\n{table}")).len();
                for record in reader.records() {
                    let record = record.unwrap_or_else(|e| panic!("`{ex}` ({format:?}): {e}\n{table}"));
                    assert_eq!(record.len(), width, "`{ex}` ({format:?}):\n{table}");
                }
            }
        }
    }
}
