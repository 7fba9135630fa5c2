//! Stopping long work: computations that can run for long take an [`Interrupt`] and
//! ask it as they go (as fend's core does); the front end decides what it means (the
//! prompt's Ctrl-C). The library itself keeps no global flag for it.

/// Asked by long computations; `true` means stop as soon as possible. They also
/// report how far they are, which the front end may show.
pub trait Interrupt {
    /// Whether the work should stop now.
    fn interrupted(&self) -> bool;
    /// `done` of `total` steps are done (called now and then, not every step).
    fn progress(&self, _done: u64, _total: u64) {}
}

impl<F: Fn() -> bool> Interrupt for F {
    fn interrupted(&self) -> bool {
        self()
    }
}

/// Never interrupts (tests, callers with nothing to stop them).
pub struct Never;

impl Interrupt for Never {
    fn interrupted(&self) -> bool {
        false
    }
}

/// The work was stopped by its [`Interrupt`] before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}
