//! `aio check`'s lints: one program per mistake under tests/lints/, each
//! with the exact report (`X.lint`, colour off), the flags that choose
//! which lints count, and no lint on the project's own examples and
//! goldens (except on lines that say `# aio: allow CODE`, in programs
//! about that very mistake).

mod runner_common;

use runner_common::*;
use std::path::{Path, PathBuf};

fn lints_dir() -> PathBuf {
    manifest_dir().join("tests/lints")
}

fn programs(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder").flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            found.extend(programs(&path));
        } else if path.extension().is_some_and(|e| e == "aio") {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn every_mistake_has_its_exact_report() {
    let dir = lints_dir();
    let all = programs(&dir);
    assert!(all.len() >= 14, "{all:?}");
    for program in all {
        let name = program
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let want = std::fs::read_to_string(program.with_extension("lint")).expect(".lint file");
        let run = aio_in(&dir, &["check", &name]);
        assert_eq!(run.status, 0, "{name}: {run:?}");
        assert_eq!(run.stderr, want, "{name}");
    }
}

#[test]
fn deny_allow_and_deny_warnings() {
    let dir = lints_dir();
    let denied = aio_in(&dir, &["check", "--deny", "AIO102", "blocking_sleep.aio"]);
    assert_eq!(denied.status, 1, "{denied:?}");
    assert!(
        denied
            .stderr
            .starts_with("[AIO102] error: `time.sleep()` blocks the event loop"),
        "{denied:?}"
    );
    assert!(
        denied.stderr.ends_with("aio check: 0 warnings, 1 error\n"),
        "{denied:?}"
    );

    let all = aio_in(
        &dir,
        &["check", "--deny-warnings", "typos.aio", "busy_wait.aio"],
    );
    assert_eq!(all.status, 1, "{all:?}");
    assert!(
        all.stderr.ends_with("aio check: 0 warnings, 5 errors\n"),
        "{all:?}"
    );

    let allowed = aio_in(
        &dir,
        &[
            "check",
            "--allow",
            "AIO111",
            "--allow",
            "AIO110",
            "typos.aio",
        ],
    );
    assert_eq!(allowed.status, 0, "{allowed:?}");
    assert!(
        !allowed.stderr.contains("AIO111") && !allowed.stderr.contains("AIO110"),
        "{allowed:?}"
    );
    assert!(allowed.stderr.contains("[AIO112]"), "{allowed:?}");

    let unknown = aio_in(&dir, &["check", "--deny", "AIO999", "typos.aio"]);
    assert_eq!(unknown.status, 2, "{unknown:?}");
    assert!(
        unknown.stderr.contains("unknown lint `AIO999`"),
        "{unknown:?}"
    );
}

#[test]
fn the_projects_examples_and_goldens_are_clean() {
    let root = manifest_dir();
    let mut files = programs(&root.join("examples"));
    for dir in ["tests/golden", "tests/modules", "tests/examples"] {
        files.extend(programs(&root.join(dir)));
    }
    assert!(files.len() > 500, "{}", files.len());
    let mut noisy = Vec::new();
    for chunk in files.chunks(200) {
        let mut args = vec!["check".to_string()];
        args.extend(chunk.iter().map(|p| p.to_string_lossy().into_owned()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = aio_in(&root, &refs);
        for line in run.stderr.lines().filter(|l| l.starts_with("[AIO")) {
            noisy.push(line.to_string());
        }
    }
    assert!(
        noisy.is_empty(),
        "lints on the project's own programs:\n{}",
        noisy.join("\n")
    );
}

#[test]
fn run_with_lint_reports_before_running() {
    let run = aio_in(
        &lints_dir(),
        &["run", "--clock", "virtual", "--lint", "run_in_async.aio"],
    );
    assert_eq!(run.status, 1, "{run:?}");
    let want = std::fs::read_to_string(lints_dir().join("run_in_async.lint")).expect(".lint");
    // The report (without check's count line), then the program's own error.
    let report = want.trim_end_matches("aio check: 1 warning, 0 errors\n");
    assert!(run.stderr.starts_with(report), "{run:?}");
    assert!(
        run.stderr
            .contains("RuntimeError: asyncio.run() cannot be called from a running event loop"),
        "{run:?}"
    );
}

#[test]
fn test_with_lint_fails_programs_that_have_lints() {
    let dir = TempDir::new("test-lint");
    dir.write(
        "blocks.aio",
        "import asyncio, time\nasync def main():\n    time.sleep(0.1)\n    print('ok')\nasyncio.run(main())\n",
    );
    dir.write("blocks.out", "ok\n");
    dir.write("clean.aio", "print('fine')\n");
    dir.write("clean.out", "fine\n");
    let plain = aio_in(dir.path(), &["test", "."]);
    assert_eq!(plain.last_line(), "2 passed, 0 failed", "{plain:?}");
    let run = aio_in(dir.path(), &["test", ".", "--lint"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout.contains(
            "FAIL ./blocks.aio (1 lint: [AIO102] `time.sleep()` blocks the event loop (line 3))"
        ),
        "{run:?}"
    );
    assert_eq!(run.last_line(), "1 passed, 1 failed", "{run:?}");
}
