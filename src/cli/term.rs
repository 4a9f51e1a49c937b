//! Whether to colour output.

use std::io::IsTerminal;

/// Colour is for people: only on a terminal, and never when the user opted
/// out with NO_COLOR (https://no-color.org: set to a non-empty value).
pub fn color_for(is_terminal: bool) -> bool {
    is_terminal && !no_color()
}

pub fn stderr_color() -> bool {
    color_for(std::io::stderr().is_terminal())
}

pub fn stdout_color() -> bool {
    color_for(std::io::stdout().is_terminal())
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}
