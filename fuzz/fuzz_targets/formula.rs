//! Fuzz the formula parser and compiler: any text either parses or is an error; what
//! parses prints as text that parses to the same tree; what compiles evaluates (value
//! and derivative) without panicking; definitions (def/let) never panic either.
#![no_main]

use actlab::formula::{Definitions, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(tree) = parse(text) {
        let printed = tree.to_string();
        assert_eq!(parse(&printed).ok(), Some(tree), "{text:?} printed as {printed:?}");
    }
    let mut defs = Definitions::new();
    let _ = defs.define("sw(x; b = 1) = x*sigmoid(b*x)");
    let _ = defs.define("k = 1.702");
    if let Ok(f) = defs.function(text, &[("b", 2.0)]) {
        for x in [0.0, -1.5, 3.0, 1e300, f64::NAN] {
            let _ = (f.value(x), f.value_and_deriv(x));
        }
    }
    let _ = defs.constant(text);
    let mut d2 = defs.clone();
    if d2.define(text).is_ok() {
        let names: Vec<String> = d2.names().map(String::from).collect();
        for n in names {
            let _ = d2.function(&n, &[]);
            let _ = d2.remove(&n);
        }
    }
});
