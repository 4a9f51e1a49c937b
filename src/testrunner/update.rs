//! `--update`: rewrite a test's expectations from what it actually did.

use super::discover::TestCase;
use super::execute::{End, Outcome};
use super::verdict::{Expected, last_line};
use std::fs;
use std::path::{Path, PathBuf};

/// Brings the expectation files in line with `outcome` and returns the
/// files it changed. A run that did not finish (time-out, signal) records
/// nothing: it has no result worth keeping, and the test stays failed.
/// `X.err` is only kept up to date, never created: checking stderr is a
/// choice the test's author makes.
pub fn update(
    case: &TestCase,
    expected: &Expected,
    outcome: &Outcome,
) -> Result<Vec<PathBuf>, String> {
    let End::Exited(code) = outcome.end else {
        return Ok(Vec::new());
    };
    let mut changed = Vec::new();

    if expected.out.as_deref() != Some(outcome.stdout.as_slice()) {
        write(&case.sibling("out"), &outcome.stdout, &mut changed)?;
    }

    let code_file = case.sibling("code");
    if code != expected.code || (code != 0 && !code_file.exists()) {
        if code == 0 {
            fs::remove_file(&code_file)
                .map_err(|e| format!("can't remove {}: {e}", code_file.display()))?;
            changed.push(code_file);
        } else {
            write(&code_file, format!("{code}\n").as_bytes(), &mut changed)?;
        }
    }

    if let Some(want) = &expected.err {
        let got = last_line(&outcome.stderr).unwrap_or_default();
        if got != *want {
            let text = if got.is_empty() { got } else { got + "\n" };
            write(&case.sibling("err"), text.as_bytes(), &mut changed)?;
        }
    }
    Ok(changed)
}

fn write(path: &Path, contents: &[u8], changed: &mut Vec<PathBuf>) -> Result<(), String> {
    fs::write(path, contents).map_err(|e| format!("can't write {}: {e}", path.display()))?;
    changed.push(path.to_path_buf());
    Ok(())
}
