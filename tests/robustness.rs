//! Hostile and careless input: no panic, MemoryError instead of an aborted
//! process under a memory cap, RecursionError instead of a native stack
//! overflow, bounded exception-group output, and the run limits
//! (`--timeout`, `--max-steps`, `--max-memory`). Every expected exception
//! and message is CPython 3.13's.

mod runner_common;

use runner_common::*;
use std::process::{Command, Stdio};

/// Runs `aio run -c CODE` under an address-space cap of `kib` KiB (as
/// `ulimit -v` sets it), returning the run.
fn capped(kib: u64, code: &str) -> Run {
    let started = std::time::Instant::now();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kib} && exec \"$0\" run -c \"$1\""))
        .arg(AIO)
        .arg(code)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs aio");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

fn last_stderr_line(run: &Run) -> &str {
    run.stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// 4 GiB, as in the measurements.
const CAP: u64 = 4 << 20;

#[test]
fn oversized_requests_raise_memory_error_under_a_cap() {
    let cases = [
        ("x = 'a' * 10**12", "MemoryError"),
        ("x = [0] * 10**11", "MemoryError"),
        ("x = bytes(10**12)", "MemoryError"),
        ("x = 'x'.center(10**12)", "MemoryError"),
        ("x = ','.join(['abc'] * 10**9)", "MemoryError"),
        (
            "x = 'ab' * (2**62)",
            "OverflowError: repeated string is too long",
        ),
        (
            "x = b'ab' * (2**62)",
            "OverflowError: repeated bytes are too long",
        ),
        ("x = [None] * (2**62)", "MemoryError"),
        ("x = 1 << 2**63", "MemoryError"),
    ];
    for (code, want) in cases {
        let run = capped(CAP, code);
        assert_eq!(run.status, 1, "{code}: {run:?}");
        assert_eq!(last_stderr_line(&run), want, "{code}: {run:?}");
        assert!(!run.stderr.contains("panicked"), "{code}: {run:?}");
    }
}

#[test]
fn growth_without_end_raises_memory_error_and_can_be_caught() {
    let grow = [
        "l = []\nwhile True:\n    l.append(1)",
        "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1",
        "s = set()\ni = 0\nwhile True:\n    s.add(i)\n    i += 1",
        "s = ''\nwhile True:\n    s += 'x' * 10**7",
        "l = [i for i in range(10**10)]",
    ];
    for code in grow {
        let run = capped(CAP, code);
        assert_eq!(run.status, 1, "{code}: {run:?}");
        assert_eq!(last_stderr_line(&run), "MemoryError", "{code}: {run:?}");
    }
    let caught = "l = []\ntry:\n    while True:\n        l.append('x' * 1000)\n\
                  except MemoryError:\n    del l\n    print('caught')\nprint('after', [1] * 3)";
    let run = capped(CAP, caught);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "caught\nafter [1, 1, 1]\n");
}

#[test]
fn max_memory_sets_the_budget() {
    let run = aio(&[
        "run",
        "--max-memory",
        "64M",
        "-c",
        "x = 'a' * 10**8\nprint('unreachable')",
    ]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(last_stderr_line(&run), "MemoryError");
    let run = aio(&[
        "run",
        "--max-memory",
        "64M",
        "-c",
        "print(len('a' * 10**6))",
    ]);
    assert_eq!(run.stdout, "1000000\n", "{run:?}");
    let run = aio(&["run", "--max-memory", "lots", "-c", "pass"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stderr.contains("is not a size"), "{run:?}");
}

#[test]
fn number_literals_glued_to_wide_characters_are_syntax_errors() {
    for (code, want) in [
        ("x = 1é", "SyntaxError: invalid syntax"),
        ("0xé", "SyntaxError: invalid hexadecimal literal"),
        ("1.5é", "SyntaxError: invalid syntax"),
        ("1😀", "SyntaxError: invalid character '😀' (U+1F600)"),
    ] {
        let run = aio(&["run", "-c", code]);
        assert!(!run.stderr.contains("panicked"), "{code}: {run:?}");
        // design.md §4: a syntax error exits with status 2.
        assert_eq!(run.status, 2, "{code}: {run:?}");
        assert_eq!(last_stderr_line(&run), want, "{code}: {run:?}");
        let dir = TempDir::new("wide-number");
        dir.write("bad.aio", code);
        let run = aio_in(dir.path(), &["check", "bad.aio"]);
        assert!(!run.stderr.contains("panicked"), "{code}: {run:?}");
        assert!(run.stderr.contains(want), "{code}: {run:?}");
    }
}

#[test]
fn huge_float_precision_is_formatted_not_panicked() {
    let run = aio(&[
        "run",
        "-c",
        "print(len(f'{1.5:.100000f}'), f'{1.5:.2000f}'[-3:], len(f'{2.5:.70000e}'))",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout, "100002 000 70006\n");
}

#[test]
fn a_million_deep_list_raises_recursion_error() {
    let code = "x = []\nfor _ in range(1000000):\n    x = [x]\nstr(x)";
    let run = aio(&["run", "-c", code]);
    assert_eq!(run.status, 1, "{run:?}");
    assert_eq!(
        last_stderr_line(&run),
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
    );
}

#[test]
fn deep_exception_groups_print_as_cpython_cuts_them() {
    let dir = manifest_dir().join("tests/golden/robustness");
    let run = aio_in(&dir, &["run", "group_depth.aio"]);
    let want = std::fs::read_to_string(dir.join("group_depth.stderr")).expect("expected stderr");
    assert_eq!(run.status, 1);
    assert_eq!(run.stderr, want);
}

#[test]
fn max_steps_stops_a_run_deterministically() {
    let code =
        "import sys\ni = 0\nwhile True:\n    i += 1\n    if i % 1000 == 0:\n        print(i)";
    let first = aio(&["run", "--max-steps", "5500", "-c", code]);
    assert_eq!(first.status, 124, "{first:?}");
    assert_eq!(first.stdout, "1000\n2000\n3000\n4000\n5000\n");
    assert!(first.stderr.contains("--max-steps"), "{first:?}");
    let again = aio(&["run", "--max-steps", "5500", "-c", code]);
    assert_eq!(again.stdout, first.stdout);
    // Calls count too: a recursion-free program of calls is stopped.
    let calls = "def f():\n    return 1\nfor _ in range(10):\n    pass\nprint(sum(f() for _ in range(100)))";
    let run = aio(&["run", "--max-steps", "1000000", "-c", calls]);
    assert_eq!(run.stdout, "100\n", "{run:?}");
    let run = aio(&["run", "--max-steps", "50", "-c", calls]);
    assert_eq!(run.status, 124, "{run:?}");
}

#[test]
fn timeout_stops_a_busy_or_blocked_run() {
    let busy = aio(&[
        "run",
        "--timeout",
        "0.5",
        "-c",
        "print('start', flush=True)\nwhile True:\n    pass",
    ]);
    assert_eq!(busy.status, 124, "{busy:?}");
    assert_eq!(busy.stdout, "start\n");
    assert!(busy.stderr.contains("--timeout"), "{busy:?}");
    let blocked = aio(&[
        "run",
        "--timeout",
        "0.3",
        "-c",
        "import time\nprint('a')\ntime.sleep(30)",
    ]);
    assert_eq!(blocked.status, 124, "{blocked:?}");
    assert!(
        blocked.elapsed < std::time::Duration::from_secs(10),
        "{blocked:?}"
    );
    let quick = aio(&["run", "--timeout", "5", "-c", "print('done')"]);
    assert_eq!(quick.status, 0, "{quick:?}");
    assert_eq!(quick.stdout, "done\n");
}
