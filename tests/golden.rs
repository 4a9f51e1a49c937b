//! The project's golden suites: `aio test tests/` must pass, so `cargo test`
//! fails when any golden program's output changes. (The runner's own
//! fixtures fail on purpose; their folder holds `.aio-test-ignore`.)
//!
//! Programs that do not pass yet are listed, one path per line, in
//! `tests/known_failures.txt`: the list is the honest record of what does not
//! work. The test fails on any failure not listed, and also when a listed
//! program starts passing, so the list only ever shrinks.

use std::collections::BTreeSet;
use std::process::Command;

fn known_failures() -> BTreeSet<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/known_failures.txt");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

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
    let failed: BTreeSet<String> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("FAIL "))
        .filter_map(|l| l.split(" (").next())
        .map(str::to_string)
        .collect();
    let known = known_failures();
    let unexpected: Vec<&String> = failed.difference(&known).collect();
    let fixed: Vec<&String> = known.difference(&failed).collect();
    assert!(
        unexpected.is_empty(),
        "golden tests failed that are not in tests/known_failures.txt: {unexpected:?}\n{stdout}\n{stderr}"
    );
    assert!(
        fixed.is_empty(),
        "these now pass: remove them from tests/known_failures.txt: {fixed:?}"
    );
    println!("{summary} ({} known failures listed)", known.len());
}
