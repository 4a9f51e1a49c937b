//! `aio test` running the fixtures with aio itself (the default). These
//! need the interpreter, so they fail until it lands: they are its
//! acceptance tests. runner_oracle.rs checks the same runner features with
//! CPython as the interpreter.

mod runner_common;

use runner_common::*;
use std::time::Duration;

#[test]
fn aio_reports_pass_fail_timeout_and_crash() {
    let dir = fixtures().join("basic").to_string_lossy().into_owned();
    let run = aio(&["test", &dir, "--timeout", "2", "-j", "4"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(run.last_line(), "1 passed, 3 failed", "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("FAIL {dir}/crash.aio (exit status 1, expected 0)")),
        "{run:?}"
    );
    assert!(run.stdout.contains("ValueError: boom"), "{run:?}");
    assert!(run.stdout.contains("-line one\n+line 1\n"), "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("FAIL {dir}/timeout.aio (timed out after 2s)")),
        "{run:?}"
    );
    assert!(run.elapsed < Duration::from_secs(6), "{run:?}");
}

#[test]
fn aio_checks_code_err_args_skip_and_clock() {
    let dir = fixtures().join("expect").to_string_lossy().into_owned();
    let run = aio(&["test", &dir]);
    assert_eq!(run.last_line(), "4 passed, 1 failed, 1 skipped", "{run:?}");
    assert!(
        run.stdout
            .contains(&format!("FAIL {dir}/wrong_error.aio (stderr last line")),
        "{run:?}"
    );
}
