//! What the runner is asked to do, and what it reports back.

use super::shard::Shard;
use super::{State, TestResult};
use crate::api::ClockKind;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct TestConfig {
    /// Files and folders to search; a folder is searched recursively.
    pub paths: Vec<PathBuf>,
    pub runner: Runner,
    /// Tests run at once (at least 1).
    pub jobs: usize,
    pub timeout: Duration,
    /// Only tests whose path contains this.
    pub filter: Option<String>,
    /// Not the tests whose path contains any of these.
    pub exclude: Vec<String>,
    /// Whether a filter that selects no test is fine (`--allow-empty`).
    pub allow_empty: bool,
    pub update: bool,
    /// Also run every test under this (CPython) and report disagreements
    /// instead of checking expectation files.
    pub against: Option<Runner>,
    /// Print the selected tests instead of running them.
    pub list: bool,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// Only the tests that failed last time (recorded in `state_dir`).
    pub rerun_failed: bool,
    /// Where the runner remembers the last run's failures.
    pub state_dir: PathBuf,
    /// `--explore N`: N perturbed re-runs of each passing test.
    pub explore: u32,
    /// `--lint`: a test whose program has lints fails.
    pub lint: bool,
    /// A live progress line on stderr (a terminal).
    pub progress: bool,
    pub shard: Option<Shard>,
    pub junit: Option<PathBuf>,
    /// The clock of tests without a `clock=` directive.
    pub clock: ClockKind,
    /// List passing and skipped tests too.
    pub verbose: bool,
    pub color: bool,
}

impl TestConfig {
    /// The defaults of `aio test`, running tests with `runner`.
    pub fn new(runner: Runner) -> Self {
        TestConfig {
            paths: vec![PathBuf::from("tests")],
            runner,
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            timeout: Duration::from_secs(10),
            filter: None,
            exclude: Vec::new(),
            allow_empty: false,
            update: false,
            against: None,
            list: false,
            fail_fast: false,
            rerun_failed: false,
            state_dir: PathBuf::from(".aio-cache"),
            explore: 0,
            lint: false,
            progress: false,
            shard: None,
            junit: None,
            clock: ClockKind::Virtual,
            verbose: false,
            color: false,
        }
    }
}

/// How a test program is run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Runner {
    /// `AIO run --clock CLOCK FILE ARGS...`
    Aio(PathBuf),
    /// `WORDS... FILE ARGS...` (with `--clock real` before FILE for real-clock tests).
    Command(Vec<String>),
}

impl Runner {
    /// Splits an `--interpreter` command line on whitespace. Tests run in
    /// their own folder, so words naming existing paths relative to the
    /// current folder are made absolute here.
    pub fn command(line: &str) -> Result<Runner, String> {
        let words: Vec<String> = line
            .split_whitespace()
            .enumerate()
            .map(|(i, word)| {
                // A bare program name is looked up on PATH, not in this folder.
                let is_bare_program = i == 0 && !word.contains('/');
                let path = Path::new(word);
                if is_bare_program || path.is_absolute() || !path.exists() {
                    return word.to_string();
                }
                std::path::absolute(path)
                    .map_or_else(|_| word.to_string(), |p| p.to_string_lossy().into_owned())
            })
            .collect();
        if words.is_empty() {
            return Err("the interpreter command is empty".to_string());
        }
        Ok(Runner::Command(words))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    /// Failed as their `xfail` directive expects.
    pub xfailed: usize,
    /// Expectation files written or removed by `--update`.
    pub updated_files: usize,
    /// Tests `--update` recorded for the first time.
    pub new_tests: usize,
    /// Tests not run because `--fail-fast` stopped the suite.
    pub not_run: usize,
}

impl Summary {
    pub(crate) fn count(&mut self, result: &TestResult) {
        match result.state {
            State::Passed => self.passed += 1,
            State::Skipped(_) => self.skipped += 1,
            State::XFailed(_) => self.xfailed += 1,
            State::Failed(_) => self.failed += 1,
        }
        self.updated_files += result.updated.files.len();
        if result.case.is_new && !result.updated.files.is_empty() {
            self.new_tests += 1;
        }
    }

    /// `aio test`'s exit status.
    pub fn exit_code(&self) -> i32 {
        if self.failed > 0 { 1 } else { 0 }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} passed, {} failed", self.passed, self.failed)?;
        if self.skipped > 0 {
            write!(f, ", {} skipped", self.skipped)?;
        }
        if self.xfailed > 0 {
            write!(f, ", {} expected to fail", self.xfailed)?;
        }
        Ok(())
    }
}

/// Problems with the run itself rather than with a test: usage errors.
#[derive(Debug)]
pub enum Error {
    NoSuchPath(PathBuf),
    /// A file named directly that is not an `.aio` program.
    NotAProgram(PathBuf),
    Read(PathBuf, std::io::Error),
    Junit(PathBuf, std::io::Error),
    Output(std::io::Error),
    /// `--filter` matched no test (a typo would otherwise pass silently).
    EmptyFilter(String),
    /// Options that cannot go together, or CPython not found.
    Usage(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoSuchPath(p) => write!(f, "no such file or directory: {}", p.display()),
            Error::NotAProgram(p) => write!(f, "not an .aio program: {}", p.display()),
            Error::Read(p, e) => write!(f, "can't read {}: {e}", p.display()),
            Error::Junit(p, e) => write!(f, "can't write the JUnit report {}: {e}", p.display()),
            Error::Output(e) => write!(f, "can't write the report: {e}"),
            Error::Usage(msg) => write!(f, "{msg}"),
            Error::EmptyFilter(filters) => write!(
                f,
                "no test is selected by {filters}; check it, or pass --allow-empty"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_mentions_skipped_only_when_some_were() {
        let mut s = Summary {
            passed: 3,
            failed: 1,
            ..Summary::default()
        };
        assert_eq!(s.to_string(), "3 passed, 1 failed");
        s.skipped = 2;
        assert_eq!(s.to_string(), "3 passed, 1 failed, 2 skipped");
    }

    #[test]
    fn interpreter_words_keep_bare_programs_and_absolutise_paths() {
        let Ok(Runner::Command(words)) = Runner::command("python3  Cargo.toml -X nope/x.py") else {
            panic!("expected a command");
        };
        assert_eq!(words[0], "python3");
        assert!(Path::new(&words[1]).is_absolute());
        assert_eq!(&words[2..], ["-X", "nope/x.py"]);
        assert!(Runner::command("   ").is_err());
    }
}
