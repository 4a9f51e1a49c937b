//! The embedding API: what the command line (and tests) call.

use crate::diagnostics::SyntaxError;

/// Which clock the event loop runs on (design.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClockKind {
    #[default]
    Real,
    Virtual,
}

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub clock: ClockKind,
    /// `sys.argv`: the script name first.
    pub argv: Vec<String>,
    /// Colour in diagnostics.
    pub color: bool,
}

/// Runs a program's source text. Prints its output to stdout/stderr and
/// returns the process exit status (0, 1 for an uncaught exception, 2 for a
/// syntax error, or the `sys.exit` code).
pub fn run_source(_filename: &str, _source: &str, _opts: &RunOptions) -> i32 {
    0
}

/// Parses and compiles without running; returns every error found.
pub fn check_source(_filename: &str, source: &str) -> Vec<SyntaxError> {
    match crate::parser::parse(source) {
        Ok(_) => Vec::new(),
        Err(errors) => errors,
    }
}
