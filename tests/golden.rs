//! The project's golden suites: `aio test tests/` must pass, so `cargo test`
//! fails when any golden program's output changes. (The runner's own
//! fixtures fail on purpose; their folder holds `.aio-test-ignore`.)
//!
//! Programs that do not pass yet say so on their first line,
//! `# aio: xfail WHY`: the honest record of what does not work. The runner
//! treats xfail strictly, so a listed program that starts passing fails the
//! suite until its directive is removed, and the list only ever shrinks.

use std::process::Command;

#[test]
fn golden_suites_pass() {
    let output = Command::new(env!("CARGO_BIN_EXE_aio"))
        .args(["test", "tests"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("aio runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stdout.lines().last().unwrap_or("");
    assert!(
        summary.contains(" passed, 0 failed"),
        "golden tests failed (or a test marked xfail now passes):\n{stdout}\n{stderr}"
    );
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    println!("{summary}");
}
