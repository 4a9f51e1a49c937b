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

#[test]
fn xfail_skip_and_timeout_directives() {
    let dir = fixtures().join("directives").to_string_lossy().into_owned();
    let run = aio(&["test", "-v", &dir]);
    assert_eq!(
        run.last_line(),
        "1 passed, 2 failed, 1 skipped, 1 expected to fail",
        "{run:?}"
    );
    assert_eq!(run.status, 1, "{run:?}");
    // A known failure is reported with its reason and does not fail the suite.
    assert!(
        run.stdout.contains(&format!(
            "XFAIL {dir}/known_bug.aio (expected to fail: prints the wrong number on purpose)"
        )),
        "{run:?}"
    );
    // Strict: a test marked xfail that passes fails until the mark goes.
    assert!(
        run.stdout.contains(&format!(
            "FAIL {dir}/fixed_bug.aio (passed, but is marked `xfail it used to fail`: remove the directive)"
        )),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains(&format!("SKIP {dir}/offline.aio (needs a network)")),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains(&format!("FAIL {dir}/slow.aio (timed out after 0.5s)")),
        "{run:?}"
    );
    let only_known = aio(&["test", "--filter", "known_bug", &dir]);
    assert_eq!(only_known.status, 0, "{only_known:?}");
}

#[test]
fn a_filter_that_selects_nothing_is_an_error_unless_allowed() {
    let dir = fixtures().join("directives").to_string_lossy().into_owned();
    let run = aio(&["test", "--filter", "no-such-test", &dir]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "no test is selected by --filter `no-such-test`; check it, or pass --allow-empty"
        ),
        "{run:?}"
    );
    let allowed = aio(&["test", "--filter", "no-such-test", "--allow-empty", &dir]);
    assert_eq!(allowed.status, 0, "{allowed:?}");
    assert_eq!(allowed.last_line(), "0 passed, 0 failed");
}
