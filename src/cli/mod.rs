//! The `aio` command line: parses arguments and calls the library.

mod args;
mod check;
mod run;
mod source;
mod term;
mod test;

use crate::api::ClockKind;
use args::{Cli, ClockArg, Command};
use clap::Parser;
use std::io::IsTerminal;

/// Runs the command line and returns the process exit status.
pub fn main() -> i32 {
    main_with(std::env::args_os())
}

/// As `main`, with explicit arguments (the first is the program name).
pub fn main_with<I, T>(argv: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version land here too, with exit code 0.
            let _ = e.print();
            return e.exit_code();
        }
    };
    crate::memory::set_budget(crate::memory::default_budget());
    let clock = |default| match cli.clock {
        Some(ClockArg::Real) => ClockKind::Real,
        Some(ClockArg::Virtual) => ClockKind::Virtual,
        None => default,
    };
    match cli.command {
        Some(Command::Run(args)) => run::run(args, clock(ClockKind::Real)),
        Some(Command::Script(words)) => run::run_bare(words, clock(ClockKind::Real)),
        Some(Command::Test(args)) => test::test(args, clock(ClockKind::Virtual)),
        Some(Command::Check(args)) => check::check(args),
        Some(Command::Repl) => repl(clock(ClockKind::Real)),
        // Like python3: a piped-in program runs as a script.
        None if !std::io::stdin().is_terminal() => run::run_piped(clock(ClockKind::Real)),
        None => repl(clock(ClockKind::Real)),
    }
}

fn repl(clock: ClockKind) -> i32 {
    crate::api::on_interpreter_thread(move || crate::repl::main(clock))
}
