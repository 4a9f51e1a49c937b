//! The golden-test workflow around the runner's core: honest `--update`,
//! partial output of timed-out tests, selection and re-runs, the race
//! finder, recording from CPython, JUnit for sharded CI, and watch mode.
#![cfg(unix)]

mod runner_common;

use runner_common::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn update_on_a_folder_records_new_tests_and_keeps_err_honest() {
    let dir = suite(
        "update-new",
        &[
            ("old.aio", "print('now')\n"),
            ("old.out", "before\n"),
            ("fresh.aio", "print('hello')\n"),
            ("fails.aio", "print('start')\nraise ValueError('bad')\n"),
            // A helper module and a folder of programs that are not golden
            // tests (no .out anywhere) are not made into tests.
            ("_helper.aio", "X = 1\n"),
            ("other/prog.aio", "print(1)\n"),
        ],
    );
    let run = aio_in(dir.path(), &["test", ".", "--update"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(run.stdout.contains("new ./fresh.out\n"), "{run:?}");
    assert!(run.stdout.contains("new ./fails.code\n"), "{run:?}");
    assert!(run.stdout.contains("new ./fails.err\n"), "{run:?}");
    assert!(run.stdout.contains("updated ./old.out\n"), "{run:?}");
    assert!(
        run.stdout.contains("updated 5 files (2 new tests)\n"),
        "{run:?}"
    );
    assert_eq!(run.last_line(), "3 passed, 0 failed", "{run:?}");
    assert_eq!(dir.read("fresh.out"), "hello\n");
    assert_eq!(dir.read("fails.out"), "start\n");
    assert_eq!(dir.read("fails.code"), "1\n");
    assert_eq!(dir.read("fails.err"), "ValueError: bad\n");
    assert!(!dir.exists("_helper.out") && !dir.exists("other/prog.out"));

    // The error changes kind: the recorded .err catches it...
    dir.write("fails.aio", "print('start')\nraise TypeError('bad')\n");
    let run = aio_in(dir.path(), &["test", "."]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout
            .contains(r#"stderr last line "TypeError: bad", expected "ValueError: bad""#),
        "{run:?}"
    );
    // ...and once the program succeeds, --update removes .code and .err.
    dir.write("fails.aio", "print('start')\n");
    let run = aio_in(dir.path(), &["test", ".", "--update"]);
    assert!(run.stdout.contains("removed ./fails.code\n"), "{run:?}");
    assert!(run.stdout.contains("removed ./fails.err\n"), "{run:?}");
    assert!(!dir.exists("fails.code") && !dir.exists("fails.err"));
    assert_eq!(run.last_line(), "3 passed, 0 failed", "{run:?}");
}

#[test]
fn update_refuses_panics_time_outs_and_runaway_output() {
    let dir = suite(
        "update-refuse",
        &[
            (
                "panic.aio",
                "echo partial\necho \"thread 'main' panicked at src/vm/x.rs:1:1:\" >&2\nexit 101\n",
            ),
            ("panic.out", "old\n"),
            ("huge.aio", "head -c 17000000 /dev/zero | tr '\\0' x\n"),
            ("huge.out", "old\n"),
            ("slow.aio", "echo started\nsleep 30\n"),
            ("slow.out", "old\n"),
        ],
    );
    let run = aio_in(
        dir.path(),
        &[
            "test",
            ".",
            "--update",
            "--interpreter",
            "sh",
            "--timeout",
            "1",
        ],
    );
    assert_eq!(run.status, 1, "{run:?}");
    for (test, why) in [
        ("panic", "the interpreter panicked"),
        ("huge", "its output passed the 16 MiB capture limit"),
        ("slow", "it timed out"),
    ] {
        let line = format!("KEPT ./{test}.aio: not recorded: {why}; the old expectations are kept");
        assert!(run.stdout.contains(&line), "{line}\n{run:?}");
        assert_eq!(dir.read(&format!("{test}.out")), "old\n", "{test}");
        assert!(!dir.exists(&format!("{test}.code")), "{test}");
    }
    assert!(
        run.stdout
            .contains("FAIL ./huge.aio (printed more than the 16 MiB capture limit"),
        "{run:?}"
    );
    assert!(run.stdout.contains("updated 0 files\n"), "{run:?}");
    assert_eq!(run.last_line(), "0 passed, 3 failed", "{run:?}");
}

#[test]
fn update_replaces_files_by_renaming_a_complete_copy() {
    let dir = suite(
        "update-atomic",
        &[("t.aio", "print('new')\n"), ("t.out", "old\n")],
    );
    // A hard link sees writes made in place, but not a file renamed over
    // the name.
    std::fs::hard_link(dir.path().join("t.out"), dir.path().join("link")).expect("link");
    let run = aio_in(dir.path(), &["test", ".", "--update"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(dir.read("t.out"), "new\n");
    assert_eq!(dir.read("link"), "old\n");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_timed_out_test_shows_what_it_printed() {
    let dir = suite(
        "partial",
        &[
            (
                "loop.aio",
                "print('step 1')\nprint('step 2')\nwhile True:\n    pass\n",
            ),
            ("loop.out", "step 1\nstep 2\ndone\n"),
        ],
    );
    let run = aio_in(dir.path(), &["test", ".", "--timeout", "1"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout.contains(
            "FAIL ./loop.aio (timed out after 1s)\n\
             partial stdout (printed before it was stopped):\n  step 1\n  step 2\n"
        ),
        "{run:?}"
    );
}

#[test]
fn list_exclude_fail_fast_and_rerun_failed() {
    let dir = suite(
        "select",
        &[
            ("a.aio", "print('a')\n"),
            ("a.out", "a\n"),
            ("b.aio", "print('b')\n"),
            ("b.out", "wrong\n"),
            ("c.aio", "print('c')\n"),
            ("c.out", "c\n"),
            ("d.aio", "print('d')\n"),
            ("d.out", "wrong\n"),
        ],
    );
    let list = aio_in(dir.path(), &["test", ".", "--list", "--exclude", "c"]);
    assert_eq!(list.status, 0, "{list:?}");
    assert_eq!(list.stdout, "./a.aio\n./b.aio\n./d.aio\n", "{list:?}");

    let fast = aio_in(dir.path(), &["test", ".", "-x", "-j", "1"]);
    assert_eq!(fast.status, 1, "{fast:?}");
    assert_eq!(fast.listed("FAIL"), ["./b.aio"], "{fast:?}");
    assert!(
        fast.stdout
            .contains("stopped at the first failure (--fail-fast); 2 tests not run\n"),
        "{fast:?}"
    );
    assert_eq!(fast.last_line(), "1 passed, 1 failed", "{fast:?}");

    let all = aio_in(dir.path(), &["test", "."]);
    assert_eq!(all.last_line(), "2 passed, 2 failed", "{all:?}");
    let again = aio_in(dir.path(), &["test", ".", "--rerun-failed", "-v"]);
    assert!(
        again
            .stdout
            .starts_with("re-running the 2 tests that failed last time\n"),
        "{again:?}"
    );
    assert_eq!(again.listed("FAIL"), ["./b.aio", "./d.aio"], "{again:?}");
    assert!(again.listed("PASS").is_empty(), "{again:?}");

    // Fixed tests leave the record; with none left, everything runs.
    dir.write("b.out", "b\n");
    dir.write("d.out", "d\n");
    let fixed = aio_in(dir.path(), &["test", ".", "--rerun-failed"]);
    assert_eq!(fixed.last_line(), "2 passed, 0 failed", "{fixed:?}");
    let after = aio_in(dir.path(), &["test", ".", "--rerun-failed"]);
    assert!(
        after
            .stdout
            .starts_with("no test failed last time; running all\n"),
        "{after:?}"
    );
    assert_eq!(after.last_line(), "4 passed, 0 failed", "{after:?}");
}

#[test]
fn directives_give_arguments_and_limits() {
    let dir = suite(
        "directives",
        &[
            (
                "args.aio",
                "# aio: args=one two --three\nimport sys\nprint(sys.argv[1:])\n",
            ),
            ("args.out", "['one', 'two', '--three']\n"),
            (
                "steps.aio",
                "# aio: max-steps=5000\nprint('go')\nwhile True:\n    pass\n",
            ),
            ("steps.out", "go\n"),
            ("steps.code", "124\n"),
        ],
    );
    let run = aio_in(dir.path(), &["test", ".", "-v"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.listed("PASS"), ["./args.aio", "./steps.aio"], "{run:?}");
}

const RACE: &str = "\
import asyncio

balance = 100

async def withdraw(name, amount):
    global balance
    seen = balance
    await asyncio.sleep(0.1)
    balance = seen - amount
    print(name, 'took', amount)

async def main():
    await asyncio.gather(withdraw('a', 30), withdraw('b', 50))
    print('balance', balance)

asyncio.run(main())
";

const CALM: &str = "\
import asyncio

async def worker(name, delay, lock, log):
    await asyncio.sleep(delay)
    async with lock:
        log.append(name)
        await asyncio.sleep(0.05)
    print(name, 'done at', asyncio.get_running_loop().time())

async def main():
    lock, log = asyncio.Lock(), []
    await asyncio.gather(*(worker(n, d, lock, log) for n, d in [('x', 0.3), ('y', 0.1), ('z', 0.2)]))
    print(log)

asyncio.run(main())
";

#[test]
fn explore_finds_a_race_and_its_seed_replays_it() {
    let dir = suite("explore", &[("race.aio", RACE), ("calm.aio", CALM)]);
    let recorded = aio_in(dir.path(), &["test", ".", "--update"]);
    assert_eq!(recorded.last_line(), "2 passed, 0 failed", "{recorded:?}");
    assert_eq!(dir.read("race.out"), "a took 30\nb took 50\nbalance 50\n");

    let calm = aio_in(dir.path(), &["test", "calm.aio", "--explore", "200"]);
    assert_eq!(calm.last_line(), "1 passed, 0 failed", "{calm:?}");

    let race = aio_in(dir.path(), &["test", "race.aio", "--explore", "20"]);
    assert_eq!(race.status, 1, "{race:?}");
    let line = race
        .stdout
        .lines()
        .find(|l| l.starts_with("FAIL race.aio (the output depends on timing: "))
        .unwrap_or_else(|| panic!("no race reported: {race:?}"));
    let seed = line
        .split("aio run --perturb ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no seed in {line}"));
    assert!(
        line.ends_with(&format!("--perturb {seed} race.aio`)")),
        "{line}"
    );

    let replay = |args: &[&str]| {
        let mut all = vec!["run", "--clock", "virtual"];
        all.extend_from_slice(args);
        all.push("race.aio");
        aio_in(dir.path(), &all).stdout
    };
    let first = replay(&["--perturb", seed]);
    assert_eq!(
        first,
        replay(&["--perturb", seed]),
        "a seed is one schedule"
    );
    assert_ne!(first, dir.read("race.out"), "the replay shows the race");
    assert_eq!(replay(&[]), dir.read("race.out"));
}

#[test]
fn junit_names_shards_and_keeps_output() {
    let dir = suite(
        "junit-shard",
        &[
            ("a.aio", "print('a')\n"),
            ("a.out", "a\n"),
            (
                "b.aio",
                "import sys\nprint('b out')\nprint('b err', file=sys.stderr)\n",
            ),
            ("b.out", "other\n"),
        ],
    );
    let report = dir.path().join("shard2.xml");
    let run = aio_in(
        dir.path(),
        &[
            "test",
            ".",
            "--shard",
            "2/2",
            "--junit",
            &report.to_string_lossy(),
        ],
    );
    assert_eq!(run.status, 1, "{run:?}");
    let xml = std::fs::read_to_string(&report).expect("report");
    assert!(
        xml.contains(r#"<testsuite name="aio (shard 2/2)" tests="1" failures="1""#),
        "{xml}"
    );
    assert!(xml.contains("<system-out>b out\n</system-out>"), "{xml}");
    assert!(xml.contains("<system-err>b err\n</system-err>"), "{xml}");
    assert_well_formed_xml(&report);
}

#[test]
fn record_without_cpython_names_what_it_looked_for() {
    let dir = suite("no-cpython", &[("t.aio", "print(1)\n")]);
    let empty = dir.path().join("empty-bin");
    std::fs::create_dir_all(&empty).expect("dir");
    let home = dir.path().to_string_lossy().into_owned();
    let run = aio_env(
        dir.path(),
        &["test", ".", "--record"],
        &[
            ("PATH", &empty.to_string_lossy()),
            ("HOME", &home),
            ("PYENV_ROOT", &home),
        ],
        &["AIO_PYTHON"],
    );
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "aio test: CPython 3.13 was not found (looked for $AIO_PYTHON, python3.13 on PATH, \
             a pyenv install under $PYENV_ROOT or ~/.pyenv, and python3); install it or pass --python PATH"
        ),
        "{run:?}"
    );
    assert!(!dir.exists("t.out"));

    let run = aio_in(
        dir.path(),
        &["test", ".", "--record", "--python", "/no/such/python"],
    );
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("can't run /no/such/python"), "{run:?}");
}

/// Whether this machine has a CPython 3.13 for `--record` (the tests that
/// need one skip, with a note, where it is missing).
fn cpython_present(dir: &TempDir) -> bool {
    let probe = aio_in(dir.path(), &["test", "--list", "--record", "."]);
    if probe.status != 0 {
        eprintln!(
            "note: skipping: no CPython 3.13 for --record: {}",
            probe.stderr.trim()
        );
        return false;
    }
    true
}

#[test]
fn record_takes_expectations_from_cpython_on_the_virtual_clock() {
    let dir = suite(
        "record",
        &[
            (
                "clock.aio",
                "import asyncio, time\n\
                 async def main():\n    \
                     loop = asyncio.get_running_loop()\n    \
                     await asyncio.gather(asyncio.sleep(0.35), asyncio.sleep(0.1))\n    \
                     print(loop.time(), type(loop).__name__)\n    \
                     time.sleep(2)\n    \
                     print(loop.time())\n\
                 asyncio.run(main())\n",
            ),
            (
                "conveniences.aio",
                "async def f(x):\n    await sleep(0.5)\n    return x * 2\n\
                 print(await gather(f(1), spawn(f(2))))\n",
            ),
            ("boom.aio", "print('before')\nraise KeyError('k')\n"),
        ],
    );
    if !cpython_present(&dir) {
        return;
    }
    let run = aio_in(dir.path(), &["test", ".", "--record"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.last_line(), "3 passed, 0 failed", "{run:?}");
    assert_eq!(dir.read("clock.out"), "0.35 _UnixSelectorEventLoop\n2.35\n");
    assert_eq!(dir.read("conveniences.out"), "[2, 4]\n");
    assert_eq!(dir.read("boom.out"), "before\n");
    assert_eq!(dir.read("boom.code"), "1\n");
    assert_eq!(dir.read("boom.err"), "KeyError: 'k'\n");
    // aio agrees with what CPython recorded.
    let check = aio_in(dir.path(), &["test", "."]);
    assert_eq!(check.last_line(), "3 passed, 0 failed", "{check:?}");
}

#[test]
fn against_cpython_reports_disagreements() {
    let dir = suite(
        "against",
        &[
            (
                "same.aio",
                "import asyncio\nasyncio.run(asyncio.sleep(1))\nprint('ok')\n",
            ),
            ("same.out", "ok\n"),
            (
                "differs.aio",
                "import sys\nprint(sys.implementation.name)\n",
            ),
            ("differs.out", "aio\n"),
        ],
    );
    if !cpython_present(&dir) {
        return;
    }
    let run = aio_in(dir.path(), &["test", ".", "--against-cpython"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("FAIL ./differs.aio (stdout differs from CPython's)\n"),
        "{run:?}"
    );
    assert!(run.stdout.contains("-cpython\n+aio\n"), "{run:?}");
    assert_eq!(run.last_line(), "1 passed, 1 failed", "{run:?}");
}

#[test]
fn watch_reruns_a_changed_test() {
    let dir = suite(
        "watch",
        &[
            ("a.aio", "print('a')\n"),
            ("a.out", "a\n"),
            ("b.aio", "print('b')\n"),
            ("b.out", "b\n"),
        ],
    );
    let mut child = Command::new(AIO)
        .args(["test", ".", "--watch", "-v"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("aio starts");
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for = |want: &str| -> Vec<String> {
        let mut seen = Vec::new();
        while let Ok(line) = rx.recv_timeout(Duration::from_secs(10)) {
            let done = line == want;
            seen.push(line);
            if done {
                return seen;
            }
        }
        panic!("never saw {want:?}: {seen:?}");
    };
    let first = wait_for("watching for changes (Ctrl-C stops)");
    assert!(
        first.contains(&"2 passed, 0 failed".to_string()),
        "{first:?}"
    );
    std::thread::sleep(Duration::from_millis(300));
    dir.write("b.out", "changed\n");
    let second = wait_for("watching for changes (Ctrl-C stops)");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        second
            .iter()
            .any(|l| l.starts_with("FAIL ./b.aio (wrong output)")),
        "{second:?}"
    );
    assert!(
        second.contains(&"0 passed, 1 failed".to_string()),
        "only b re-ran: {second:?}"
    );
}
