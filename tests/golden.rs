//! The project's golden suites: `aio test tests/` must pass, so `cargo test`
//! fails when any golden program's output changes. (The runner's own
//! fixtures fail on purpose; their folder holds `.aio-test-ignore`.)

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
        summary.contains(" passed, ") && summary.contains(" failed"),
        "no summary line:\n{stdout}\n{stderr}"
    );
    assert!(
        output.status.success(),
        "golden tests failed:\n{stdout}\n{stderr}"
    );
}
