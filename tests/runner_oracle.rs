//! The golden runner's features, checked by running the fixtures under the
//! CPython oracle (`--interpreter`), so they hold independently of the aio
//! interpreter. Each test skips itself, with a note, where the oracle cannot run.

mod runner_common;

use runner_common::*;
use std::time::Duration;

fn fixture(name: &str) -> String {
    fixtures().join(name).to_string_lossy().into_owned()
}

#[test]
fn reports_pass_fail_timeout_and_crash() {
    let Some((oracle, _serial)) = oracle("reports_pass_fail_timeout_and_crash") else {
        return;
    };
    let dir = fixture("basic");
    let run = aio(&[
        "test",
        &dir,
        "--interpreter",
        &oracle,
        "--timeout",
        "2",
        "-j",
        "1",
    ]);

    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(run.last_line(), "1 passed, 3 failed", "{run:?}");
    let out = &run.stdout;
    assert!(
        out.contains(&format!("FAIL {dir}/crash.aio (exit status 1, expected 0)")),
        "{run:?}"
    );
    assert!(
        out.contains("ValueError: boom"),
        "the crash's traceback is shown: {run:?}"
    );
    assert!(
        out.contains(&format!("FAIL {dir}/fail.aio (wrong output)")),
        "{run:?}"
    );
    assert!(out.contains("--- expected\n+++ actual\n"), "{run:?}");
    assert!(out.contains("-line one\n+line 1\n"), "{run:?}");
    assert!(
        out.contains(&format!("FAIL {dir}/timeout.aio (timed out after 2s)")),
        "{run:?}"
    );
    assert!(
        !out.contains("pass.aio"),
        "passing tests are quiet: {run:?}"
    );
    // The infinite loop costs the time limit, not more. (One test at a time:
    // on a small, busy machine the busy loop would otherwise starve the
    // CPython start-ups beside it past the 2 s limit; runner_sh checks
    // parallel time-outs with cheaper programs.)
    assert!(run.elapsed < Duration::from_secs(9), "{run:?}");
}

#[test]
fn verbose_lists_passing_tests() {
    let Some((oracle, _serial)) = oracle("verbose_lists_passing_tests") else {
        return;
    };
    let run = aio(&[
        "test",
        &fixture("basic/pass.aio"),
        "--interpreter",
        &oracle,
        "-v",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.listed("PASS"), [fixture("basic/pass.aio")], "{run:?}");
    assert_eq!(run.last_line(), "1 passed, 0 failed");
}

#[test]
fn code_err_args_skip_and_clock_directives() {
    let Some((oracle, _serial)) = oracle("code_err_args_skip_and_clock_directives") else {
        return;
    };
    let dir = fixture("expect");
    let run = aio(&["test", &dir, "--interpreter", &oracle, "-v"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(run.last_line(), "4 passed, 1 failed, 1 skipped", "{run:?}");
    let passed: Vec<String> = ["argv", "error_line", "exit_code", "real_clock"]
        .iter()
        .map(|n| format!("{dir}/{n}.aio"))
        .collect();
    assert_eq!(run.listed("PASS"), passed, "{run:?}");
    assert_eq!(run.listed("SKIP"), [format!("{dir}/skipped.aio")]);
    assert!(
        run.stdout.contains(&format!(
            "FAIL {dir}/wrong_error.aio (stderr last line \"KeyError: 'missing'\", expected \"ValueError: boom\")"
        )),
        "{run:?}"
    );
    assert!(
        !run.stdout.contains("not_a_test"),
        "an .aio without .out is no test"
    );
}

#[test]
fn filter_selects_by_path() {
    let Some((oracle, _serial)) = oracle("filter_selects_by_path") else {
        return;
    };
    let run = aio(&[
        "test",
        &fixtures().to_string_lossy(),
        "--interpreter",
        &oracle,
        "--filter",
        "exit_co",
        "-v",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.listed("PASS"), [fixture("expect/exit_code.aio")]);
    assert_eq!(run.last_line(), "1 passed, 0 failed");
}

#[test]
fn shards_partition_the_suite() {
    let Some((oracle, _serial)) = oracle("shards_partition_the_suite") else {
        return;
    };
    let dir = fixture("expect");
    let listed = |shard: &str| {
        let run = aio(&[
            "test",
            &dir,
            "--interpreter",
            &oracle,
            "--shard",
            shard,
            "-v",
        ]);
        let mut names = run.listed("PASS");
        names.extend(run.listed("FAIL"));
        names.extend(run.listed("SKIP"));
        names
    };
    let (first, second) = (listed("1/2"), listed("2/2"));
    assert!(!first.is_empty() && !second.is_empty());
    assert!(
        first.iter().all(|n| !second.contains(n)),
        "{first:?} {second:?}"
    );
    let mut all: Vec<String> = first.into_iter().chain(second).collect();
    all.sort();
    let mut expected: Vec<String> = [
        "argv",
        "error_line",
        "exit_code",
        "real_clock",
        "skipped",
        "wrong_error",
    ]
    .iter()
    .map(|n| format!("{dir}/{n}.aio"))
    .collect();
    expected.sort();
    assert_eq!(all, expected);
}

#[test]
fn update_records_the_interpreters_results() {
    let Some((oracle, _serial)) = oracle("update_records_the_interpreters_results") else {
        return;
    };
    let dir = TempDir::copy_of("update", &fixtures().join("basic"));
    let run = aio_in(
        dir.path(),
        &[
            "test",
            ".",
            "--update",
            "--interpreter",
            &oracle,
            "--timeout",
            "2",
            "-j",
            "1",
        ],
    );
    // The time-out has no result to record and still fails.
    assert_eq!(run.status, 1, "{run:?}");
    assert!(run.stdout.contains("updated 3 files\n"), "{run:?}");
    assert_eq!(run.last_line(), "3 passed, 1 failed", "{run:?}");
    assert_eq!(dir.read("fail.out"), "line 0\nline 1\nline 2\n");
    assert_eq!(dir.read("crash.code"), "1\n");
    assert_eq!(dir.read("crash.out"), "before\n");
    assert_eq!(
        dir.read("crash.err"),
        "ValueError: boom\n",
        "a non-zero status records the error line"
    );
    assert!(
        run.stdout
            .contains("KEPT ./timeout.aio: not recorded: it timed out"),
        "{run:?}"
    );
    assert_eq!(dir.read("timeout.out"), "");

    std::fs::remove_file(dir.path().join("timeout.aio")).expect("remove the time-out");
    let again = aio_in(dir.path(), &["test", ".", "--interpreter", &oracle]);
    assert_eq!(again.status, 0, "{again:?}");
    assert_eq!(again.last_line(), "3 passed, 0 failed", "{again:?}");
}

#[test]
fn update_rewrites_an_existing_err() {
    let Some((oracle, _serial)) = oracle("update_rewrites_an_existing_err") else {
        return;
    };
    let dir = TempDir::copy_of("update-err", &fixtures().join("expect"));
    let run = aio_in(
        dir.path(),
        &["test", ".", "--update", "--interpreter", &oracle],
    );
    assert_eq!(run.status, 0, "{run:?}");
    // The folder was named, so its program without an .out is a new test;
    // exit_code exits 3 with nothing on stderr, now checked by an empty .err.
    assert!(
        run.stdout.contains("updated 3 files (1 new test)\n"),
        "{run:?}"
    );
    assert!(run.stdout.contains("new ./not_a_test.out\n"), "{run:?}");
    assert_eq!(dir.read("wrong_error.err"), "KeyError: 'missing'\n");
    assert_eq!(dir.read("exit_code.err"), "");
    assert_eq!(
        dir.read("skipped.out"),
        "something else\n",
        "skipped tests are left alone"
    );
}

#[test]
fn junit_report_counts_and_parses() {
    let Some((oracle, _serial)) = oracle("junit_report_counts_and_parses") else {
        return;
    };
    let out = TempDir::new("junit");
    let report = out.path().join("report.xml");
    let run = aio(&[
        "test",
        &fixture("basic"),
        "--interpreter",
        &oracle,
        "--timeout",
        "2",
        "-j",
        "1",
        "--junit",
        &report.to_string_lossy(),
    ]);
    assert_eq!(run.status, 1, "{run:?}");
    let xml = std::fs::read_to_string(&report).expect("report written");
    assert!(
        xml.contains(r#"<testsuite name="aio" tests="4" failures="3" errors="0" skipped="0""#),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), 4, "{xml}");
    assert_eq!(xml.matches("<failure ").count(), 3, "{xml}");
    assert!(xml.contains("message=\"timed out after 2s\""), "{xml}");
    assert!(
        xml.contains("-line one\n+line 1"),
        "the diff is in the report: {xml}"
    );
    assert_well_formed_xml(&report);
}
