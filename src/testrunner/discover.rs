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
}

impl TestCase {
    fn new(aio: PathBuf) -> Self {
        let directives = fs::read(&aio)
            .map_err(|e| format!("can't read {}: {e}", aio.display()))
            .and_then(|bytes| directive::parse(&String::from_utf8_lossy(&bytes)));
        TestCase {
            name: aio.to_string_lossy().into_owned(),
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
pub fn discover(paths: &[PathBuf]) -> Result<Vec<TestCase>, Error> {
    let mut programs = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|_| Error::NoSuchPath(path.clone()))?;
        if meta.is_dir() {
            walk(path, &mut programs)?;
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

fn walk(dir: &Path, programs: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|e| Error::Read(dir.to_path_buf(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::Read(dir.to_path_buf(), e))?;
        let path = entry.path();
        // Symlinked folders are not followed, so a link cycle cannot loop.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !hidden && !path.join(IGNORE_MARKER).exists() {
                walk(&path, programs)?;
            }
        } else if is_program(&path) && path.with_extension("out").is_file() {
            programs.push(path);
        }
    }
    Ok(())
}

fn is_program(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "aio")
}
