//! The command line's own contract: help, version, usage errors, exit statuses.

mod runner_common;

use runner_common::*;

#[test]
fn help_lists_commands_and_examples() {
    let run = aio(&["--help"]);
    assert_eq!(run.status, 0, "{run:?}");
    for word in [
        "repl",
        "run",
        "test",
        "check",
        "--clock",
        "--version",
        "Examples:",
    ] {
        assert!(run.stdout.contains(word), "{word} missing: {run:?}");
    }
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for command in ["run", "test", "check", "repl"] {
        let run = aio(&[command, "--help"]);
        assert_eq!(run.status, 0, "{command}: {run:?}");
        assert!(run.stdout.contains("Examples:"), "{command}: {run:?}");
        assert!(
            run.stdout.contains(&format!("aio {command}")),
            "{command}: {run:?}"
        );
    }
    let test_help = aio(&["test", "--help"]).stdout;
    for option in [
        "--jobs",
        "--timeout",
        "--filter",
        "--update",
        "--shard",
        "--junit",
        "--interpreter",
        "--verbose",
        ".code",
        ".err",
        ".args",
        "# aio: skip",
    ] {
        assert!(
            test_help.contains(option),
            "{option} missing from `aio test --help`"
        );
    }
}

#[test]
fn version() {
    let run = aio(&["--version"]);
    assert_eq!(run.status, 0);
    assert_eq!(run.stdout, format!("aio {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    for args in [
        &["--frobnicate"][..],
        &["--clock", "sundial", "run", "x.aio"],
        &["run"],
        &["run", "--bogus"],
        &["check"],
        &["test", "--shard", "3/2"],
        &["test", "--shard", "x"],
        &["test", "--timeout", "0"],
        &["test", "--timeout", "soon"],
        &["test", "-j", "0"],
    ] {
        let run = aio(args);
        assert_eq!(run.status, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains("error:"), "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{args:?}: {run:?}");
    }
}

#[test]
fn a_missing_script_is_a_clear_error() {
    for args in [
        &["missing.aio"][..],
        &["run", "missing.aio", "-x"],
        &["check", "missing.aio"],
    ] {
        let run = aio(args);
        assert_eq!(run.status, 2, "{args:?}: {run:?}");
        assert_eq!(
            run.stderr, "aio: can't open file 'missing.aio': [Errno 2] No such file or directory\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_folder_is_not_a_script() {
    let run = aio(&["run", "src"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .starts_with("aio: can't open file 'src': [Errno 21]"),
        "{run:?}"
    );
}

#[test]
fn the_repl_on_an_empty_pipe_prints_a_prompt_and_exits() {
    let run = aio(&["repl"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(run.stdout.starts_with(">>> "), "{run:?}");
}

#[test]
fn check_is_silent_on_a_good_file() {
    let run = aio(&["check", "examples/hello.aio"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
}

/// Needs the parser: fails until it lands.
#[test]
fn check_reports_syntax_errors_and_exits_2() {
    let dir = TempDir::new("check");
    dir.write("bad.aio", "def f(:\n    return 1\n\nprint((1, 2)\n");
    let run = aio_in(dir.path(), &["check", "bad.aio"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert!(
        run.stderr.contains("bad.aio"),
        "the report names the file: {run:?}"
    );
    assert!(run.stderr.contains("SyntaxError"), "{run:?}");
}
