//! The golden runner's process handling, checked without any Python: the
//! "programs" here are shell scripts run with `--interpreter sh`, written
//! into temp folders, so these tests run on any Unix machine.
#![cfg(unix)]

mod runner_common;

use runner_common::*;
use std::time::Duration;

fn test_in(dir: &TempDir, extra: &[&str]) -> Run {
    let mut args = vec!["test", ".", "--interpreter", "sh"];
    args.extend_from_slice(extra);
    aio_in(dir.path(), &args)
}

#[test]
fn time_outs_run_in_parallel_and_kill_the_process_group() {
    let dir = suite(
        "timeout",
        &[
            ("spin.aio", "while :; do :; done\n"),
            ("spin.out", ""),
            // A background child would keep the output pipes open, and
            // outlive the test, if only the direct child were killed.
            (
                "orphan.aio",
                "(sleep 3; touch leaked) &\nwhile :; do :; done\n",
            ),
            ("orphan.out", ""),
            ("quick.aio", "echo done\n"),
            ("quick.out", "done\n"),
        ],
    );
    let run = test_in(&dir, &["--timeout", "1", "-j", "3"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout.contains("FAIL ./spin.aio (timed out after 1s)"),
        "{run:?}"
    );
    assert!(
        run.stdout
            .contains("FAIL ./orphan.aio (timed out after 1s)"),
        "{run:?}"
    );
    assert_eq!(run.last_line(), "1 passed, 2 failed", "{run:?}");
    assert!(run.elapsed < Duration::from_secs(3), "{run:?}");
    std::thread::sleep(Duration::from_millis(3500) - run.elapsed.min(Duration::from_secs(1)));
    assert!(
        !dir.exists("leaked"),
        "the background child survived the time-out"
    );
}

#[test]
fn a_crash_by_signal_is_reported() {
    let dir = suite(
        "signal",
        &[
            ("segv.aio", "echo hi\nkill -SEGV $$\n"),
            ("segv.out", "hi\n"),
        ],
    );
    let run = test_in(&dir, &[]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("FAIL ./segv.aio (crashed by signal 11 (SIGSEGV))"),
        "{run:?}"
    );
}

#[test]
fn exit_status_and_stderr_line_are_checked() {
    let dir = suite(
        "status",
        &[
            (
                "ok.aio",
                "echo out\necho 'Traceback:' >&2\necho 'ValueError: x' >&2\necho >&2\nexit 1\n",
            ),
            ("ok.out", "out\n"),
            ("ok.code", "1\n"),
            ("ok.err", "ValueError: x\n"),
            ("status.aio", "exit 4\n"),
            ("status.out", ""),
            ("status.code", "3"),
            ("bad_code.aio", "true\n"),
            ("bad_code.out", ""),
            ("bad_code.code", "three\n"),
        ],
    );
    let run = test_in(&dir, &["-v"]);
    assert_eq!(run.listed("PASS"), ["./ok.aio"], "{run:?}");
    assert!(
        run.stdout
            .contains("FAIL ./status.aio (exit status 4, expected 3)"),
        "{run:?}"
    );
    assert!(
        run.stdout.contains(
            "FAIL ./bad_code.aio (./bad_code.code must hold an exit status, not \"three\")"
        ),
        "{run:?}"
    );
    assert_eq!(run.last_line(), "1 passed, 2 failed");
}

#[test]
fn children_see_their_folder_args_and_a_fixed_hash_seed() {
    let dir = suite(
        "env",
        &[
            (
                "sub/env.aio",
                "echo \"$0\" \"$PYTHONHASHSEED\" \"$(basename \"$PWD\")\"\nfor a in \"$@\"; do echo \"[$a]\"; done\nif read line; then echo \"stdin: $line\"; fi\n",
            ),
            ("sub/env.args", "-x\ntwo words\n"),
            ("sub/env.out", "env.aio 0 sub\n[-x]\n[two words]\n"),
        ],
    );
    let run = test_in(&dir, &[]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.last_line(), "1 passed, 0 failed");
}

#[test]
fn large_output_on_both_pipes_does_not_deadlock() {
    let lines = 100_000;
    let expected = "out\n".repeat(lines);
    let script = format!("yes err | head -n {lines} >&2\nyes out | head -n {lines}\n");
    let dir = suite("pipes", &[("big.aio", &script), ("big.out", &expected)]);
    let run = test_in(&dir, &["--timeout", "20"]);
    assert_eq!(run.status, 0, "{run:?}");
}

#[test]
fn shards_deal_out_every_test_once() {
    let files: Vec<(String, String)> = (0..7)
        .flat_map(|i| {
            [
                (format!("t{i}.aio"), format!("echo {i}\n")),
                (format!("t{i}.out"), format!("{i}\n")),
            ]
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = suite("shard", &refs);
    let mut seen = Vec::new();
    for shard in ["1/3", "2/3", "3/3"] {
        let run = test_in(&dir, &["--shard", shard, "-v"]);
        assert_eq!(run.status, 0, "{run:?}");
        let names = run.listed("PASS");
        assert!(names.len() >= 2, "{shard}: {run:?}");
        seen.extend(names);
    }
    seen.sort();
    let all: Vec<String> = (0..7).map(|i| format!("./t{i}.aio")).collect();
    assert_eq!(seen, all);
}

#[test]
fn filter_skip_and_ignore_marker() {
    let dir = suite(
        "select",
        &[
            ("alpha.aio", "echo a\n"),
            ("alpha.out", "a\n"),
            ("beta.aio", "echo b\n"),
            ("beta.out", "wrong\n"),
            ("skipped.aio", "# aio: skip\nexit 9\n"),
            ("skipped.out", ""),
            ("fixtures/.aio-test-ignore", ""),
            ("fixtures/broken.aio", "exit 1\n"),
            ("fixtures/broken.out", ""),
        ],
    );
    let all = test_in(&dir, &[]);
    assert_eq!(all.last_line(), "1 passed, 1 failed, 1 skipped", "{all:?}");
    assert!(!all.stdout.contains("broken"), "{all:?}");

    let filtered = test_in(&dir, &["--filter", "alp"]);
    assert_eq!(filtered.status, 0, "{filtered:?}");
    assert_eq!(filtered.last_line(), "1 passed, 0 failed");

    // Named directly, an ignored folder runs.
    let direct = aio_in(dir.path(), &["test", "fixtures", "--interpreter", "sh"]);
    assert_eq!(direct.last_line(), "0 passed, 1 failed", "{direct:?}");
}

#[test]
fn a_bad_directive_fails_the_test() {
    let dir = suite(
        "directive",
        &[("typo.aio", "# aio: skipp\n"), ("typo.out", "")],
    );
    let run = test_in(&dir, &[]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(run.stdout.contains("unknown directive `skipp`"), "{run:?}");
}

#[test]
fn update_records_a_new_test_named_directly() {
    let dir = suite("record", &[("new.aio", "echo fresh\nexit 2\n")]);
    let before = aio_in(dir.path(), &["test", "new.aio", "--interpreter", "sh"]);
    assert_eq!(before.status, 1, "{before:?}");
    assert!(
        before
            .stdout
            .contains("FAIL new.aio (exit status 2, expected 0; no .out file"),
        "{before:?}"
    );

    let run = aio_in(
        dir.path(),
        &["test", "new.aio", "--interpreter", "sh", "--update"],
    );
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("new new.out\nnew new.code\nnew new.err\n"),
        "{run:?}"
    );
    assert!(
        run.stdout
            .ends_with("updated 3 files (1 new test)\n1 passed, 0 failed\n"),
        "{run:?}"
    );
    assert_eq!(dir.read("new.out"), "fresh\n");
    assert_eq!(dir.read("new.code"), "2\n");
    assert_eq!(
        dir.read("new.err"),
        "",
        "nothing on stderr, and that is checked"
    );

    // Back to exit status 0: the .code file goes.
    dir.write("new.aio", "echo fresh\n");
    let run = aio_in(
        dir.path(),
        &["test", ".", "--interpreter", "sh", "--update"],
    );
    assert!(
        run.stdout
            .contains("removed ./new.code\nremoved ./new.err\n"),
        "{run:?}"
    );
    assert!(run.stdout.contains("updated 2 files\n"), "{run:?}");
    assert!(!dir.exists("new.code") && !dir.exists("new.err"));
}

#[test]
fn junit_escapes_names_and_output() {
    let dir = suite(
        "junit",
        &[
            ("a&b.aio", "printf '<tag> \"q\" \\033[31m\\n'\n"),
            ("a&b.out", "expected\n"),
            ("ok.aio", "echo ok\n"),
            ("ok.out", "ok\n"),
            ("skip.aio", "# aio: skip\n"),
            ("skip.out", ""),
        ],
    );
    let report = dir.path().join("report.xml");
    let run = test_in(&dir, &["--junit", &report.to_string_lossy()]);
    assert_eq!(run.status, 1, "{run:?}");
    let xml = std::fs::read_to_string(&report).expect("report written");
    assert!(
        xml.contains(r#"<testsuite name="aio" tests="3" failures="1" errors="0" skipped="1""#),
        "{xml}"
    );
    assert!(xml.contains("name=\"./a&amp;b.aio\""), "{xml}");
    assert!(
        xml.contains("+&lt;tag&gt; &quot;q&quot; \u{FFFD}[31m"),
        "{xml}"
    );
    assert!(xml.contains("<skipped/>"), "{xml}");
    assert_well_formed_xml(&report);
}

#[test]
fn no_tests_is_not_an_error_but_a_missing_path_is() {
    let dir = TempDir::new("empty");
    let run = aio_in(dir.path(), &["test", "."]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "0 passed, 0 failed\n");

    let run = aio_in(dir.path(), &["test", "nowhere"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("aio test: no such file or directory: nowhere"),
        "{run:?}"
    );

    // The default path is tests/.
    let run = aio_in(dir.path(), &["test"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("tests"), "{run:?}");
}

#[test]
fn an_interpreter_that_cannot_start_fails_each_test() {
    let dir = suite("nostart", &[("x.aio", ""), ("x.out", "")]);
    let run = aio_in(
        dir.path(),
        &["test", ".", "--interpreter", "/nonexistent/python"],
    );
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("FAIL ./x.aio (can't run /nonexistent/python"),
        "{run:?}"
    );
}

#[test]
fn interrupting_the_runner_kills_running_tests() {
    let dir = suite(
        "interrupt",
        &[
            (
                "stuck.aio",
                "(sleep 2; touch leaked) &\nwhile :; do :; done\n",
            ),
            ("stuck.out", ""),
        ],
    );
    let mut runner = std::process::Command::new(AIO)
        .args(["test", ".", "--interpreter", "sh", "--timeout", "60"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("aio starts");
    std::thread::sleep(Duration::from_millis(500));
    let sent = std::process::Command::new("kill")
        .args(["-INT", &runner.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = runner.wait().expect("the runner exits");
    assert!(!status.success());
    std::thread::sleep(Duration::from_millis(2500));
    assert!(
        !dir.exists("leaked"),
        "a test outlived the interrupted runner"
    );
}
