//! `--update`: rewrite a test's expectations from what it actually did.
//!
//! Only a run that finished on its own is recorded: a time-out, a crash, a
//! panic or output past the capture limit is not a result, so the old files
//! stay and the test stays failed. Every file is written beside its final
//! name and renamed into place, so an interrupted update never leaves a
//! half-written expectation.

use super::discover::TestCase;
use super::execute::{CAPTURE_LIMIT_MIB, End, Outcome, signal_name};
use super::verdict::{Expected, last_line};
use std::fs;
use std::path::{Path, PathBuf};

/// What an update did to one test.
#[derive(Debug, Default)]
pub struct Updated {
    /// Files written or removed.
    pub files: Vec<PathBuf>,
    /// Why nothing was recorded, when the run is not worth keeping.
    pub refused: Option<String>,
}

/// Brings the expectation files in line with `outcome`.
///
/// * `X.out` gets the exact stdout.
/// * `X.code` holds a non-zero exit status and is removed when it is 0.
/// * `X.err` holds the last stderr line whenever the status is not 0; when
///   the status becomes 0 it is removed, and a test that exits 0 keeps an
///   `X.err` its author wrote (checking stderr is then their choice).
pub fn update(case: &TestCase, expected: &Expected, outcome: &Outcome) -> Result<Updated, String> {
    if let Some(reason) = refusal(outcome) {
        return Ok(Updated {
            files: Vec::new(),
            refused: Some(reason),
        });
    }
    let End::Exited(code) = outcome.end else {
        return Ok(Updated::default());
    };
    let mut changed = Vec::new();

    if expected.out.as_deref() != Some(outcome.stdout.as_slice()) {
        write(&case.sibling("out"), &outcome.stdout, &mut changed)?;
    }

    let code_file = case.sibling("code");
    if code == 0 {
        remove(&code_file, &mut changed)?;
    } else if code != expected.code || !code_file.exists() {
        write(&code_file, format!("{code}\n").as_bytes(), &mut changed)?;
    }

    let err_file = case.sibling("err");
    let got = last_line(&outcome.stderr).unwrap_or_default();
    if code != 0 || expected.err.is_some() && expected.code == 0 {
        if expected.err.as_deref() != Some(got.as_str()) {
            let text = if got.is_empty() { got } else { got + "\n" };
            write(&err_file, text.as_bytes(), &mut changed)?;
        }
    } else if expected.err.is_some() {
        // The status became 0: the error line it recorded is gone.
        remove(&err_file, &mut changed)?;
    }
    Ok(Updated {
        files: changed,
        refused: None,
    })
}

/// Why a run must not become the expectation, if it must not.
fn refusal(outcome: &Outcome) -> Option<String> {
    let why = match &outcome.end {
        End::TimedOut => "it timed out".to_string(),
        End::Signaled(signal) => format!("it was killed by {}", signal_name(*signal)),
        End::NotStarted(msg) => format!("it did not run ({msg})"),
        End::Exited(_) if outcome.panicked() => "the interpreter panicked".to_string(),
        End::Exited(_) if outcome.truncated => {
            format!("its output passed the {CAPTURE_LIMIT_MIB} MiB capture limit")
        }
        End::Exited(_) => return None,
    };
    Some(format!(
        "not recorded: {why}; the old expectations are kept"
    ))
}

/// Writes an expectation file and remembers that it changed.
fn write(path: &Path, contents: &[u8], changed: &mut Vec<PathBuf>) -> Result<(), String> {
    write_atomic(path, contents)?;
    changed.push(path.to_path_buf());
    Ok(())
}

/// Writes `contents` to a temporary file in the same folder, then renames
/// it over `path` (atomic on one file system).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), String> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.unwrap_or_default(),
        std::process::id()
    ));
    let failed = |e: std::io::Error| format!("can't write {}: {e}", path.display());
    fs::write(&temp, contents).map_err(failed)?;
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(failed(e));
    }
    Ok(())
}

fn remove(path: &Path, changed: &mut Vec<PathBuf>) -> Result<(), String> {
    match fs::remove_file(path) {
        Ok(()) => {
            changed.push(path.to_path_buf());
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("can't remove {}: {e}", path.display())),
    }
}
