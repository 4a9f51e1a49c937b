//! Malformed programs (tests/syntax/*.aio): `aio check` must exit 2 and its
//! first report must name the line and column where CPython 3.13 reports the
//! error (`NAME.loc`: `KIND LINE COL`), with CPython's message (`NAME.msg`).
//!
//! Programs whose report does not match yet are listed in
//! `tests/syntax/known_mismatches.txt`; the test fails on any other mismatch
//! and when a listed program starts matching, so the list only shrinks.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn known() -> BTreeSet<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/syntax/known_mismatches.txt"
    );
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// What is wrong with one program's report, or None when it matches.
fn check_one(aio: &Path, file: &Path) -> Option<String> {
    let loc = std::fs::read_to_string(file.with_extension("loc")).ok()?;
    let msg = std::fs::read_to_string(file.with_extension("msg")).unwrap_or_default();
    let mut parts = loc.split_whitespace();
    let (kind, line, col) = (parts.next()?, parts.next()?, parts.next()?);
    let out = Command::new(aio)
        .arg("check")
        .arg(file)
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() != Some(2) {
        return Some(format!("exit status {:?}, expected 2", out.status.code()));
    }
    let first = stderr.lines().next().unwrap_or("");
    let want_head = format!("{kind}: {}", msg.trim());
    let want_loc = format!("(line {line}, column {col})");
    if !first.contains(&want_head) || !first.contains(&want_loc) {
        return Some(format!("got `{first}`, want `{want_head} {want_loc}`"));
    }
    None
}

#[test]
fn malformed_programs_report_cpythons_location() {
    let aio = Path::new(env!("CARGO_BIN_EXE_aio"));
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/syntax exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "aio"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "expected at least 25 malformed programs");
    let known = known();
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    for f in &files {
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match check_one(aio, f) {
            Some(problem) if !known.contains(&name) => {
                unexpected.push(format!("{name}: {problem}"))
            }
            None if known.contains(&name) => fixed.push(name),
            _ => {}
        }
    }
    assert!(
        unexpected.is_empty(),
        "mismatched syntax reports:\n{}",
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "these now match; remove them from known_mismatches.txt: {fixed:?}"
    );
}
