//! Running programs from the command line. These need the interpreter, so
//! they fail until it lands: they are its acceptance tests.

mod runner_common;

use runner_common::*;

#[test]
fn runs_a_file_with_its_arguments() {
    let dir = TempDir::new("run-args");
    dir.write("args.aio", "import sys\nprint(sys.argv)\n");
    let expected = "['args.aio', 'a', '-b', '--clock']\n";
    for args in [
        &["args.aio", "a", "-b", "--clock"][..],
        &["run", "args.aio", "a", "-b", "--clock"],
    ] {
        let run = aio_in(dir.path(), args);
        assert_eq!(run.status, 0, "{args:?}: {run:?}");
        assert_eq!(run.stdout, expected, "{args:?}");
    }
}

#[test]
fn runs_the_hello_example() {
    let run = aio(&["examples/hello.aio"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "Hello from aio\n");
}

#[test]
fn runs_a_string() {
    let run = aio(&["run", "-c", "import sys; print(1 + 1, sys.argv)", "x", "-y"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "2 ['-c', 'x', '-y']\n");
}

#[test]
fn runs_piped_stdin_as_a_script() {
    let run = aio_with(
        &manifest_dir(),
        &[],
        Some("import sys\nprint(40 + 2, sys.argv)\n"),
    );
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "42 ['']\n");
    let run = aio_with(
        &manifest_dir(),
        &["run", "-", "a"],
        Some("import sys\nprint(sys.argv)\n"),
    );
    assert_eq!(run.stdout, "['-', 'a']\n", "{run:?}");
}

#[test]
fn an_uncaught_exception_exits_1() {
    let run = aio(&["run", "-c", "raise ValueError('boom')"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(
        run.stderr.lines().last(),
        Some("ValueError: boom"),
        "{run:?}"
    );
}

#[test]
fn sys_exit_sets_the_status() {
    let run = aio(&["run", "-c", "import sys; sys.exit(7)"]);
    assert_eq!(run.status, 7, "{run:?}");
}

#[test]
fn a_syntax_error_exits_2() {
    let run = aio(&["run", "-c", "def f(:"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("SyntaxError"), "{run:?}");
}

#[test]
fn the_clock_option_reaches_the_program() {
    let code = "import asyncio\nasync def main():\n    await asyncio.sleep(100)\n    print(asyncio.get_running_loop().time())\nasyncio.run(main())\n";
    let run = aio(&["--clock", "virtual", "run", "-c", code]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "100.0\n");
    assert!(run.elapsed.as_secs() < 10, "virtual sleeps are instant");
}
