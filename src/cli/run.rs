//! `aio run`, `aio FILE` and stdin scripts.

use super::args::{LimitArgs, RunArgs};
use super::source;
use crate::api::{ClockKind, RunOptions, run_source};
use std::ffi::OsString;

/// Where the program comes from, and the `sys.argv` it sees.
#[derive(Debug, PartialEq, Eq)]
enum Program {
    File(OsString),
    Stdin,
    Code(String),
}

pub fn run(args: RunArgs, clock: ClockKind) -> i32 {
    let (program, argv) = plan(args.code, args.script);
    let permissions = match crate::permissions::Permissions::from_flags(&args.permissions.flags()) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("aio run: {msg}");
            return 2;
        }
    };
    let lint = args.lint;
    launch(program, argv, clock, args.limits, permissions, lint)
}

/// `aio FILE ARGS...`: everything after FILE belongs to the script.
pub fn run_bare(words: Vec<OsString>, clock: ClockKind) -> i32 {
    let (program, argv) = plan(None, words);
    launch(
        program,
        argv,
        clock,
        LimitArgs::default(),
        Default::default(),
        false,
    )
}

/// `aio < script.aio`: like python3, sys.argv is `['']`.
pub fn run_piped(clock: ClockKind) -> i32 {
    launch(
        Program::Stdin,
        vec![String::new()],
        clock,
        LimitArgs::default(),
        Default::default(),
        false,
    )
}

/// The argv conventions of `python3 -c CODE ARGS`, `python3 - ARGS` and
/// `python3 FILE ARGS`.
fn plan(code: Option<String>, words: Vec<OsString>) -> (Program, Vec<String>) {
    let mut argv: Vec<String> = words
        .iter()
        .map(|w| w.to_string_lossy().into_owned())
        .collect();
    if let Some(code) = code {
        argv.insert(0, "-c".to_string());
        return (Program::Code(code), argv);
    }
    match words.into_iter().next() {
        Some(file) if file == "-" => (Program::Stdin, argv),
        Some(file) => (Program::File(file), argv),
        // clap insists on FILE when there is no -c; run stdin like a bare `aio`.
        None => (Program::Stdin, vec![String::new()]),
    }
}

fn launch(
    program: Program,
    argv: Vec<String>,
    clock: ClockKind,
    limits: LimitArgs,
    permissions: crate::permissions::Permissions,
    lint: bool,
) -> i32 {
    if let Some(bytes) = limits.max_memory {
        crate::memory::set_budget(bytes);
    }
    let (name, text) = match program {
        Program::Code(code) => ("<string>".to_string(), Ok(code)),
        Program::Stdin => ("<stdin>".to_string(), source::read_stdin()),
        Program::File(file) => (
            file.to_string_lossy().into_owned(),
            source::read_file(&file),
        ),
    };
    let text = match text {
        Ok(text) => text,
        Err(msg) => {
            eprintln!("{msg}");
            return 2;
        }
    };
    if lint && let Ok(module) = crate::parser::parse(&text) {
        let config = crate::lint::LintConfig::default();
        let found = crate::lint::lint(&module, &text, &config);
        let color = super::term::stderr_color();
        eprint!(
            "{}",
            crate::lint::render(&name, &text, &found, &config, color)
        );
    }
    let opts = RunOptions {
        clock,
        argv,
        color: super::term::stderr_color(),
        max_steps: limits.max_steps,
        timeout: limits.timeout,
        perturb: limits.perturb,
        debug: limits.debug,
        permissions,
    };
    run_source(&name, &text, &opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn file_then_arguments() {
        let (program, argv) = plan(None, words(&["x.aio", "-v", "--clock"]));
        assert_eq!(program, Program::File("x.aio".into()));
        assert_eq!(argv, ["x.aio", "-v", "--clock"]);
    }

    #[test]
    fn code_takes_every_word_as_an_argument() {
        let (program, argv) = plan(Some("print(1)".into()), words(&["a", "-b"]));
        assert_eq!(program, Program::Code("print(1)".into()));
        assert_eq!(argv, ["-c", "a", "-b"]);
    }

    #[test]
    fn dash_reads_stdin() {
        let (program, argv) = plan(None, words(&["-", "a"]));
        assert_eq!(program, Program::Stdin);
        assert_eq!(argv, ["-", "a"]);
    }
}
