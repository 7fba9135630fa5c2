//! actlab: the front end of actlab (the one command grammar, sessions, renderers and
//! the prompt's helper) on top of the numeric core, `actlab-core`, which it
//! re-exports under [`activation`], [`gradient`], [`interrupt`] and [`linalg`]. The
//! binary (`src/main.rs`) adds the shell, the prompt and script mode.

pub use actlab_core::{activation, formula, gradient, interrupt, linalg};

pub mod command;
pub mod defs;
pub mod docgen;
pub mod i18n;
pub mod messages;
pub mod prompt;
pub mod render;
pub mod report;
pub mod shown;
pub mod suggest;
