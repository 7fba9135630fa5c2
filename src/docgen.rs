//! Reference pages generated from the program itself: `docs/commands.md` from the
//! clap definition and `docs/functions.md` from the catalogue. A test compares the
//! files with these, so the docs cannot drift (ACTLAB_UPDATE_DOCS=1 rewrites them).

use crate::activation::CATALOGUE;
use crate::command::Cli;
use crate::render::num::shortest;
use clap::CommandFactory;

/// docs/commands.md
pub fn commands_md() -> String {
    let mut cli = Cli::command();
    cli.build();
    let mut s = String::from(
        "# Commands\n\n<!-- generated from the clap definition by src/docgen.rs; \
         ACTLAB_UPDATE_DOCS=1 cargo test --test docs rewrites it -->\n\n\
         Every command works the same three ways: as `actlab COMMAND ...` in the shell, as `COMMAND ...` \
         at the `actlab>` prompt, and as a line of a script (`actlab < script`, `actlab run FILE`).\n\n",
    );
    s.push_str("## actlab\n\n```text\n");
    s.push_str(&cli.render_long_help().to_string());
    s.push_str("```\n");
    for sub in cli.get_subcommands_mut() {
        if sub.get_name() == "help" {
            continue;
        }
        s.push_str(&format!("\n## {}\n\n```text\n", sub.get_name()));
        s.push_str(&sub.render_long_help().to_string());
        s.push_str("```\n");
    }
    s.push_str("\n## Formulas\n\n`help formulas` at the prompt or in the shell prints this.\n\n```text\n");
    s.push_str(&crate::messages::formula_help());
    s.push_str("```\n");
    s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n") + "\n"
}

/// docs/functions.md
pub fn functions_md() -> String {
    let mut s = String::from(
        "# Functions\n\n<!-- generated from the catalogue (src/activation/catalogue.rs) by src/docgen.rs; \
         ACTLAB_UPDATE_DOCS=1 cargo test --test docs rewrites it -->\n\n\
         Names ignore case, `-` and `_` (`LeakyReLU` = `leaky-relu` = `leaky_relu`). Every value and \
         derivative is within 2 ulp of the correctly rounded result for every double (see \
         [accuracy.md](accuracy.md)). `actlab info FN` adds properties computed from the function: \
         range, derivative peak, minimum, monotonicity, saturation, and the mean and variance of f(Z) \
         for Z ~ N(0, 1). A minimum is located to the last bit (by bisection on the sign of f'); \
         the derivative's peak to 12 significant digits (f'' is not in the catalogue: a difference \
         quotient stands in for it).\n\n| name | aliases | parameters |\n|---|---|---|\n",
    );
    for a in CATALOGUE {
        let params: Vec<String> = a.params.iter().map(|p| format!("{} = {}", p.name, shortest(p.default))).collect();
        s.push_str(&format!("| [{}](#{}) | {} | {} |\n", a.name, a.name, a.aliases.join(", "), params.join(", ")));
    }
    for a in CATALOGUE {
        s.push_str(&format!("\n## {}\n\n", a.name));
        s.push_str(&format!("- value: {}\n- derivative: {}\n", a.formula, a.deriv_formula));
        for p in a.params {
            s.push_str(&format!(
                "- parameter `--{}` (default {}; valid: {}): {}\n",
                p.name,
                shortest(p.default),
                crate::messages::param_range(p),
                p.help
            ));
        }
        s.push_str(&format!("- smoothness: {}\n- at kinks: {}\n", a.smoothness, a.kink_convention));
        s.push_str(&format!("- libraries: {}\n", a.library_defaults));
        if !a.seed_remarks.is_empty() {
            s.push_str(&format!("- the seed notes: {}\n", a.seed_remarks));
        }
    }
    s
}
