//! The one colour palette of actlab, through `colored`: every coloured word on a
//! terminal (prompt, errors, hints, highlighting, plot series) takes its colour here.
//! Callers decide whether colour is on (`--color`, NO_COLOR, CLICOLOR_FORCE, a
//! terminal) and pass that decision in; `main` sets `colored`'s override so that the
//! decision made here is the one that holds.

use colored::{ColoredString, Colorize};

/// What a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The `error:` tag.
    Error,
    /// The prompt `actlab>`.
    Prompt,
    /// Hints, previews, the banner's tips, plot axes.
    Dim,
    /// A known command at the prompt.
    Command,
    /// A word that is not known (an unknown command or function).
    Unknown,
    /// An option (`--format`).
    Option,
    /// A number or range.
    Number,
    /// A known function name.
    Function,
}

fn paint(text: &str, role: Role) -> ColoredString {
    match role {
        Role::Error => text.red().bold(),
        Role::Prompt => text.green().bold(),
        Role::Dim => text.dimmed(),
        Role::Command => text.blue().bold(),
        Role::Unknown => text.red(),
        Role::Option => text.cyan(),
        Role::Number => text.yellow(),
        Role::Function => text.green(),
    }
}

/// `text` in the colour of `role` when `on`, else as it is.
pub fn color(text: &str, role: Role, on: bool) -> String {
    if on { paint(text, role).to_string() } else { text.to_string() }
}

/// The colour of plot series `i` (they cycle).
pub fn series(text: &str, i: usize, on: bool) -> String {
    if !on {
        return text.to_string();
    }
    let c = match i % 6 {
        0 => text.blue(),
        1 => text.red(),
        2 => text.green(),
        3 => text.magenta(),
        4 => text.yellow(),
        _ => text.cyan(),
    };
    c.to_string()
}
