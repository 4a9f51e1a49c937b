//! `aio test --watch`: run the suite, then re-run what a change touches
//! each time files under the tested paths change, until interrupted.
//! A change to a test's own files (`X.aio`, `X.out`, `X.code`, `X.err`,
//! `X.args`) re-runs that test; any other change (a module the tests
//! import, a fixture) re-runs them all.

use super::config::{Error, TestConfig};
use super::discover;
use notify::{RecursiveMode, Watcher};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Changes closer together than this are one change (an editor's save is
/// often several events).
const SETTLE: Duration = Duration::from_millis(200);

const TEST_FILES: [&str; 5] = ["aio", "out", "code", "err", "args"];

pub fn watch(config: &TestConfig, out: &mut dyn Write) -> Result<(), Error> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| Error::Usage(format!("can't watch files: {e}")))?;
    for path in &config.paths {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .map_err(|e| Error::Usage(format!("can't watch {}: {e}", path.display())))?;
    }
    super::run(config, out)?;
    let announce = |out: &mut dyn Write| {
        writeln!(out, "watching for changes (Ctrl-C stops)").map_err(Error::Output)
    };
    announce(out)?;
    loop {
        let Some(changed) = next_change(&rx) else {
            return Ok(());
        };
        if changed.is_empty() {
            continue;
        }
        let mut round = config.clone();
        if let Some(tests) = affected_tests(config, &changed)? {
            if tests.is_empty() {
                continue;
            }
            round.paths = tests;
            round.filter = None;
            round.exclude.clear();
            round.shard = None;
        }
        writeln!(out).map_err(Error::Output)?;
        super::run(&round, out)?;
        announce(out)?;
    }
}

/// The paths of the next batch of changes (the runner's own scratch files
/// left out); None when the watcher is gone.
fn next_change(rx: &mpsc::Receiver<notify::Result<notify::Event>>) -> Option<BTreeSet<PathBuf>> {
    let mut changed = BTreeSet::new();
    let first = rx.recv().ok()?;
    let mut add = |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
        {
            changed.extend(event.paths.into_iter().filter(|p| !is_scratch(p)));
        }
    };
    add(first);
    while let Ok(event) = rx.recv_timeout(SETTLE) {
        add(event);
    }
    Some(changed)
}

/// The runner's own temporary files and hidden files are not changes.
fn is_scratch(path: &Path) -> bool {
    path.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') && name != "." && name != ".."
    })
}

/// The tests to re-run for `changed`: Some(list) when every change belongs
/// to particular tests, None when everything must run again.
fn affected_tests(
    config: &TestConfig,
    changed: &BTreeSet<PathBuf>,
) -> Result<Option<Vec<PathBuf>>, Error> {
    let known = discover::discover(&config.paths, config.update)?;
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut tests = BTreeSet::new();
    for path in changed {
        let is_test_file = path
            .extension()
            .is_some_and(|x| TEST_FILES.iter().any(|t| x == *t));
        if !is_test_file {
            return Ok(None);
        }
        let program = path.with_extension("aio");
        if let Some(case) = known
            .iter()
            .find(|c| absolute(&c.aio) == absolute(&program))
        {
            tests.insert(case.aio.clone());
        }
    }
    Ok(Some(tests.into_iter().collect()))
}
