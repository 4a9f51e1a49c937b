//! Finding the tests under the given paths.

use super::config::Error;
use super::directive::{self, Directives};
use std::fs;
use std::path::{Path, PathBuf};

/// A folder holding this file is skipped when reached by walking a parent,
/// e.g. the runner's own fixtures, which fail on purpose. Naming the folder
/// itself still runs it.
pub const IGNORE_MARKER: &str = ".aio-test-ignore";

#[derive(Debug, Clone)]
pub struct TestCase {
    /// The program, as reached from the given path.
    pub aio: PathBuf,
    /// How the test is shown and filtered: the program's path.
    pub name: String,
    /// A bad directive makes the test fail, with this message.
    pub directives: Result<Directives, String>,
    /// It has no `X.out` yet (found by `--update`, or named directly).
    pub is_new: bool,
}

impl TestCase {
    fn new(aio: PathBuf) -> Self {
        let directives = fs::read(&aio)
            .map_err(|e| format!("can't read {}: {e}", aio.display()))
            .and_then(|bytes| directive::parse(&String::from_utf8_lossy(&bytes)));
        TestCase {
            name: aio.to_string_lossy().into_owned(),
            is_new: !aio.with_extension("out").exists(),
            aio,
            directives,
        }
    }

    /// The expectation file with this extension, beside the program.
    pub fn sibling(&self, ext: &str) -> PathBuf {
        self.aio.with_extension(ext)
    }
}

/// Every test under `paths`, sorted by path. A folder contributes each
/// `X.aio` that has an `X.out` beside it; a file named directly is a test
/// even without one (it then fails until `--update` records it).
///
/// With `new_tests` (`--update`), programs without an `X.out` are new tests
/// too, in a folder named directly and in any folder that already holds
/// golden tests — but not in folders of other kinds of test (no `.out` at
/// all), and never a file whose name starts with `_` (a helper module).
pub fn discover(paths: &[PathBuf], new_tests: bool) -> Result<Vec<TestCase>, Error> {
    let mut programs = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|_| Error::NoSuchPath(path.clone()))?;
        if meta.is_dir() {
            let walk_new = new_tests.then_some(NewTests::Here);
            walk(path, walk_new, &mut programs)?;
        } else if is_program(path) {
            programs.push(path.clone());
        } else {
            return Err(Error::NotAProgram(path.clone()));
        }
    }
    programs.sort();
    programs.dedup();
    Ok(programs.into_iter().map(TestCase::new).collect())
}

/// Where `--update` looks for new tests.
#[derive(Clone, Copy, PartialEq)]
enum NewTests {
    /// In this folder whatever it holds (it was named directly).
    Here,
    /// In folders that already hold golden tests.
    BesideGoldens,
}

fn walk(dir: &Path, new_tests: Option<NewTests>, programs: &mut Vec<PathBuf>) -> Result<(), Error> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| Error::Read(dir.to_path_buf(), e))? {
        entries.push(entry.map_err(|e| Error::Read(dir.to_path_buf(), e))?);
    }
    let holds_goldens = entries.iter().any(|e| {
        let path = e.path();
        path.extension().is_some_and(|x| x == "out") && path.with_extension("aio").is_file()
    });
    let new_here = match new_tests {
        Some(NewTests::Here) => true,
        Some(NewTests::BesideGoldens) => holds_goldens,
        None => false,
    };
    for entry in entries {
        let path = entry.path();
        // Symlinked folders are not followed, so a link cycle cannot loop.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && !path.join(IGNORE_MARKER).exists() {
                walk(&path, new_tests.map(|_| NewTests::BesideGoldens), programs)?;
            }
        } else if is_program(&path) {
            let helper = entry.file_name().to_string_lossy().starts_with('_');
            if path.with_extension("out").is_file() || (new_here && !helper) {
                programs.push(path);
            }
        }
    }
    Ok(())
}

fn is_program(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "aio")
}
