//! Tab completion at the prompt, driven by the grammar and the catalogue: every
//! context where a command, an option, an option's value, a function name, a matrix
//! word or a file can be typed.

use actlab::prompt::ActlabHelper;
use rustyline::history::DefaultHistory;

/// The candidates offered with the cursor at the end of `line`.
fn complete(line: &str) -> Vec<String> {
    let helper = ActlabHelper::new(false);
    let history = DefaultHistory::new();
    let ctx = rustyline::Context::new(&history);
    let (_, pairs) = helper.complete_words(line, line.len(), &ctx).unwrap();
    pairs.into_iter().map(|p| p.replacement).collect()
}

fn offers(line: &str, want: &[&str]) {
    let got = complete(line);
    for w in want {
        assert!(got.iter().any(|g| g == w), "`{line}` should offer {w}; offers {got:?}");
    }
}

#[test]
fn commands_and_help_topics() {
    offers("", &["eval", "deriv", "chain", "matrix", "plot", "set", "settings", "run", "exit"]);
    assert_eq!(complete("ev"), ["eval"]);
    offers("help ", &["eval", "chain"]);
}

#[test]
fn function_names_ignore_case_and_put_canonical_names_first() {
    assert_eq!(complete("info Leaky"), ["leaky_relu"]);
    let s = complete("eval s");
    let canonical = s.iter().position(|n| n == "silu").unwrap();
    let alias = s.iter().position(|n| n == "swish").unwrap();
    assert!(canonical < alias, "{s:?}");
    offers("eval gelu,si", &["gelu,sigmoid", "gelu,silu"]);
    offers("deriv sw", &["swish"]);
    offers("chain ta", &["tanh", "tanhshrink"]);
    offers("collapse 3 --act ", &["tanh", "none"]);
}

#[test]
fn plot_offers_its_chain_and_functions() {
    assert_eq!(complete("plot ch"), ["chain"]);
    offers("plot ", &["chain", "gelu"]);
    offers("plot chain ", &["sigmoid", "relu"]);
    offers("plot chain identity 30 --g", &["--gain"]);
    offers("plot chain identity 30 --width 8 --in", &["--init", "--input"]);
}

#[test]
fn option_values_come_from_the_grammar() {
    offers("glu 1 2 --gate ", &["sigmoid", "swish", "gelu", "relu"]);
    offers("chain relu 10 --width 8 --init ", &["normal", "he", "xavier"]);
    offers("eval gelu 1 -f ", &["csv", "json", "markdown"]);
    offers("eval leaky_relu 1 --sl", &["--slope"]);
    offers("set ", &["format", "precision", "angle", "color"]);
    offers("set format ", &["table", "csv", "tsv", "json", "markdown"]);
    offers("set angle ", &["deg", "rad"]);
    offers("set color ", &["auto", "always", "never"]);
}

#[test]
fn matrix_words_and_files() {
    offers("matrix ro", &["rotate"]);
    offers("matrix rotate 30 th", &["then"]);
    assert_eq!(complete("matrix flip "), ["x", "y"]);
    // file names for run and --svg (whatever the directory holds, no panic)
    let dir = std::env::current_dir().unwrap();
    let here: Vec<String> = complete("run Carg");
    assert!(dir.join("Cargo.toml").exists() && here.iter().any(|f| f.contains("Cargo.toml")), "{here:?}");
    assert!(complete("plot gelu --svg Carg").iter().any(|f| f.contains("Cargo.toml")));
}

#[test]
fn plot_chain_and_the_new_commands() {
    offers("plot ch", &["chain"]);
    offers("plot chain ", &["sigmoid", "tanh", "relu"]);
    offers("plot chain sig", &["sigmoid"]);
    offers("forward re", &["relu"]);
    offers("compare gelu gelu_t", &["gelu_tanh"]);
    offers("grad ta", &["tanh"]);
    offers("forward relu 50 --init ", &["he", "xavier", "orthogonal", "normal"]);
    offers(
        "",
        &["forward", "grad", "softmax", "log_softmax", "softmin", "compare", "calc", "def", "let", "defs", "undef"],
    );
    // every alias is offered beside its canonical name
    offers("eval ", &["logistic", "sigmoid", "swish", "silu", "gelu_erf", "phi"]);
}

#[test]
fn the_prompt_help_names_every_command() {
    use clap::CommandFactory;
    let grouped: Vec<&str> = actlab::command::line::HELP_GROUPS.iter().flat_map(|(_, n)| n.iter().copied()).collect();
    for sub in actlab::command::Cli::command().get_subcommands() {
        let name = sub.get_name();
        assert!(name == "help" || grouped.contains(&name), "help at the prompt does not name {name}");
    }
    let help = actlab::command::line::prompt_help();
    assert!(help.lines().count() <= 22 && help.lines().all(|l| l.chars().count() <= 80), "{help}");
}
