//! Property tests over the line grammar: random lines built from commands,
//! function names, options, numbers (odd ones included) and junk. Whatever the
//! line, actlab must not panic, and must give an error or a result, never both:
//! an error of how the line is written prints nothing on stdout.

use actlab::command::Error;
use actlab::command::line::Session;
use actlab::render::Style;
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "eval",
        "deriv",
        "list",
        "info",
        "chain",
        "clip",
        "matrix",
        "collapse",
        "glu",
        "xor",
        "set",
        "settings",
        "help",
        "exit",
        "gelu",
        "relu",
        "sigmoid,tanh",
        "LeakyReLU",
        "swish",
        "gelu_tanh",
        "mish",
        "softplus",
        "hardtanh",
        "threshold",
        "squareplus",
        "identity",
        "gelus",
        "-",
        "--format",
        "csv",
        "json",
        "table",
        "markdown",
        "tsv",
        "-p",
        "3",
        "--precision",
        "--slope",
        "--alpha",
        "--beta",
        "--threshold",
        "--min",
        "--max",
        "--lambda",
        "--b",
        "--value",
        "--at",
        "--random",
        "--seed",
        "--trials",
        "--width",
        "--gain",
        "--init",
        "he",
        "xavier",
        "--clip-norm",
        "--every",
        "--all",
        "--weight",
        "--bias",
        "--input",
        "--norm",
        "--apply",
        "--rad",
        "--deg",
        "--axis",
        "--gate",
        "--act",
        "--hidden",
        "--epochs",
        "--lr",
        "rotate",
        "scale",
        "flip",
        "x",
        "y",
        "project",
        "shear",
        "custom",
        "translate",
        "then",
        "0",
        "1",
        "-1",
        "1.5",
        "-2.5",
        "1e999",
        "-1e999",
        "nan",
        "inf",
        "-inf",
        "-0",
        "5e-324",
        "1e308",
        "0x1p3",
        "1_0",
        "1,5",
        "abc",
        "''",
        "\"",
        "'",
        "..",
        "-2..2:0.5",
        "0..1:0",
        "1..0:1",
        "0..1e12:1",
        "2..0:-1",
        "#",
        "precision",
        "format",
        "angle",
        "rad",
        "color",
        "never",
        "7",
        "12",
        "100",
        "1e7",
        "4097",
        "2.5",
        "--",
        "-x",
        "\u{1F600}",
    ]);
    prop_oneof![
        8 => fixed.prop_map(str::to_string),
        1 => any::<f64>().prop_map(|x| format!("{x:e}")),
        1 => "[ -~]{0,12}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 0..9).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn no_line_panics_and_errors_print_no_result(l in line()) {
        let mut session = Session::new(Style::default(), None);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        match session.run_line(&l, &mut out, &mut err) {
            Ok(_) => {}
            Err(Error::Usage(m)) => {
                prop_assert!(out.is_empty(), "line `{}`: usage error '{}' after output", l, m);
                prop_assert!(!m.is_empty());
            }
            Err(Error::Failed(m)) => prop_assert!(!m.is_empty()),
            Err(Error::Io(e)) => prop_assert!(false, "line `{}`: i/o error {}", l, e),
            Err(Error::Interrupted) => prop_assert!(false, "line `{}`: interrupted", l),
        }
    }
}

/// Any text, ASCII or not, with a few of the shapes the grammar cares about.
fn any_line() -> impl Strategy<Value = String> {
    prop_oneof![line(), "\\PC{0,40}", "(eval|info|plot chain|matrix|set) \\PC{0,20}"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

    /// The prompt's helper runs on every key press: at every cursor position of any
    /// line it colours, previews and completes without panicking.
    #[test]
    fn the_prompt_helper_takes_any_line_at_any_cursor(l in any_line()) {
        let helper = actlab::prompt::ActlabHelper::new(true);
        let history = rustyline::history::DefaultHistory::new();
        let ctx = rustyline::Context::new(&history);
        for pos in l.char_indices().map(|(i, _)| i).chain([l.len()]) {
            let prefix = &l[..pos];
            let coloured = helper.colored(prefix);
            prop_assert!(coloured.len() >= prefix.len());
            let _ = helper.preview(prefix);
            let (start, _) = helper.complete_words(&l, pos, &ctx).unwrap();
            prop_assert!(start <= pos && l.is_char_boundary(start));
        }
    }

    /// Scripts of any bytes (invalid UTF-8, NUL, long lines) give errors, not panics.
    #[test]
    fn scripts_of_any_bytes_give_errors_not_panics(bytes in prop::collection::vec(any::<u8>(), 0..300), l in any_line()) {
        let mut data = l.into_bytes();
        data.push(b'\n');
        data.extend(bytes);
        let mut session = Session::new(Style::default(), None);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut script = &data[..];
        session.run_script(&mut script, None, true, &mut out, &mut err).unwrap();
        let err = String::from_utf8_lossy(&err);
        prop_assert!(!err.contains("internal error"), "{}", err);
    }
}

/// A random formula tree (spans are not compared).
fn formula_tree() -> impl Strategy<Value = actlab::formula::Expr> {
    use actlab::formula::{BinOp, Expr, Kind};
    let e = |kind| Expr { kind, span: (0, 0) };
    let leaf = prop_oneof![
        prop_oneof![Just(0.0), Just(1.0), Just(0.5), Just(1e-300), Just(1.7e308), Just(3.0e16), 0.0..1e6f64]
            .prop_map(move |v| e(Kind::Num(v))),
        prop::sample::select(vec!["x", "pi", "e", "k", "beta"]).prop_map(move |n| e(Kind::Name(n.into(), 0))),
        prop::sample::select(vec!["sigmoid", "tanh"]).prop_map(move |n| e(Kind::Name(n.into(), 1))),
    ];
    leaf.prop_recursive(6, 64, 3, move |inner| {
        let ops = prop::sample::select(vec![
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::Div,
            BinOp::Pow,
            BinOp::Lt,
            BinOp::Le,
            BinOp::Gt,
            BinOp::Ge,
            BinOp::Eq,
            BinOp::Ne,
        ]);
        prop_oneof![
            inner.clone().prop_map(move |a| e(Kind::Neg(Box::new(a)))),
            (ops, inner.clone(), inner.clone()).prop_map(move |(op, a, b)| e(Kind::Bin(op, Box::new(a), Box::new(b)))),
            (
                prop::sample::select(vec!["sigmoid", "max", "leaky_relu", "if", "f"]),
                0u8..2,
                prop::collection::vec(inner.clone(), 0..3),
                prop::collection::vec(("[a-z]{1,5}", inner), 0..2),
            )
                .prop_map(move |(name, primes, args, named)| e(Kind::Call {
                    name: name.into(),
                    primes,
                    args,
                    named
                })),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Printing a formula and parsing the text gives the same tree.
    #[test]
    fn a_printed_formula_parses_to_the_same_tree(t in formula_tree()) {
        let text = t.to_string();
        let back = actlab::formula::parse(&text);
        prop_assert!(back.is_ok(), "{} does not parse: {:?}", text, back);
        prop_assert_eq!(back.unwrap(), t, "{}", text);
    }

    /// Any text that parses prints as text that parses to the same tree, and a
    /// compiled formula evaluates without panicking.
    #[test]
    fn parsed_text_round_trips(s in "[-+*/^()<>=!,;. 0-9a-z'πe]{0,40}") {
        if let Ok(t) = actlab::formula::parse(&s) {
            let printed = t.to_string();
            prop_assert_eq!(actlab::formula::parse(&printed).ok(), Some(t), "{} printed as {}", s, printed);
        }
        if let Ok(f) = actlab::formula::Definitions::new().function(&s, &[]) {
            let _ = (f.value(0.5), f.value_and_deriv(-3.0));
        }
    }
}
