//! What the runner remembers between runs: the tests that failed, for
//! `--rerun-failed`. Kept in `.aio-cache/last-failed` under the current
//! folder, one test path per line (the folder ignores itself for git).

use super::{State, TestResult};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

const FILE: &str = "last-failed";

/// The failures on record; None when no run has been recorded.
pub fn last_failures(dir: &Path) -> Option<BTreeSet<String>> {
    let text = fs::read_to_string(dir.join(FILE)).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect(),
    )
}

/// Records this run's failures. Tests that did not run this time keep
/// their earlier verdict, so a filtered run does not forget failures
/// elsewhere. Being unable to write (a read-only checkout) loses only the
/// convenience, so it is not an error.
pub fn remember_failures(dir: &Path, results: &[TestResult]) {
    let mut failed = last_failures(dir).unwrap_or_default();
    for result in results {
        failed.remove(&result.case.name);
        if matches!(result.state, State::Failed(_)) {
            failed.insert(result.case.name.clone());
        }
    }
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    let _ = fs::write(dir.join(".gitignore"), "# written by aio test\n*\n");
    let text: String = failed.iter().map(|name| format!("{name}\n")).collect();
    let _ = super::update::write_atomic(&dir.join(FILE), text.as_bytes());
}
