//! Helpers shared by the CLI and runner integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

pub const AIO: &str = env!("CARGO_BIN_EXE_aio");

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixtures() -> PathBuf {
    manifest_dir().join("tests/runner_fixtures")
}

/// What a run of aio did.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    pub fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or("")
    }

    /// Test names listed with a given verdict (`PASS`, `FAIL`, `SKIP`).
    pub fn listed(&self, verdict: &str) -> Vec<String> {
        self.stdout
            .lines()
            .filter_map(|l| l.strip_prefix(verdict)?.strip_prefix(' '))
            .map(|rest| rest.split(" (").next().unwrap_or(rest).to_string())
            .collect()
    }
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "status {} after {:?}\n--- stdout\n{}--- stderr\n{}",
            self.status, self.elapsed, self.stdout, self.stderr
        )
    }
}

/// Runs aio with `args` in `dir`, stdin empty, colour off.
pub fn aio_in(dir: &Path, args: &[&str]) -> Run {
    aio_with(dir, args, None)
}

pub fn aio(args: &[&str]) -> Run {
    aio_in(&manifest_dir(), args)
}

/// Runs aio with `stdin` piped in (None: stdin is empty).
pub fn aio_with(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    use std::io::Write;
    let started = Instant::now();
    let mut child = Command::new(AIO)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aio starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    if let Some(text) = stdin {
        pipe.write_all(text.as_bytes())
            .expect("stdin accepts the program");
    }
    drop(pipe);
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("aio finishes");
    Run {
        status: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// Runs aio with `args` in `dir`, stdin empty, colour off, with the
/// variables `env` set and `unset` removed.
pub fn aio_env(dir: &Path, args: &[&str], env: &[(&str, &str)], unset: &[&str]) -> Run {
    let mut command = Command::new(AIO);
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    for (k, v) in env {
        command.env(k, v);
    }
    for k in unset {
        command.env_remove(k);
    }
    let started = Instant::now();
    let output = command.stdin(Stdio::null()).output().expect("aio runs");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// A temp folder holding `files` (name, contents).
pub fn suite(tag: &str, files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new(tag);
    for (name, contents) in files {
        dir.write(name, contents);
    }
    dir
}

/// A fresh folder under the system temp dir, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("aio-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }

    /// A temp copy of a fixtures folder.
    pub fn copy_of(tag: &str, from: &Path) -> TempDir {
        let dir = TempDir::new(tag);
        copy_tree(from, dir.path());
        dir
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, contents).expect("write");
        path
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    pub fn exists(&self, name: &str) -> bool {
        self.0.join(name).exists()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    for entry in std::fs::read_dir(from).expect("fixtures folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The `--interpreter` command of the CPython 3.13 oracle, or None (with a
/// note on stderr) where it cannot run: the tests that use it then skip, so
/// the suite never needs CPython. `AIO_ORACLE` overrides the command.
///
/// Holding the returned guard serialises the oracle tests of one test
/// binary: CPython runs are CPU-heavy, and on a small machine several suites
/// at once would push ordinary tests past the short time limits used here.
pub fn oracle(test: &str) -> Option<(String, MutexGuard<'static, ()>)> {
    static SERIAL: Mutex<()> = Mutex::new(());
    static ORACLE: OnceLock<Option<String>> = OnceLock::new();
    let found = ORACLE.get_or_init(|| {
        let command = std::env::var("AIO_ORACLE").unwrap_or_else(|_| {
            let script = manifest_dir().join("../shared/oracle/cpython_oracle.py");
            format!("python3 {}", script.display())
        });
        let probe = TempDir::new("oracle-probe");
        probe.write("probe.aio", "print(6 * 7)\n");
        let mut words = command.split_whitespace();
        let program = words.next()?;
        let output = Command::new(program)
            .args(words)
            .arg("probe.aio")
            .current_dir(probe.path())
            .stdin(Stdio::null())
            .output()
            .ok()?;
        (output.status.success() && output.stdout == b"42\n").then_some(command)
    });
    if found.is_none() {
        eprintln!(
            "note: skipping {test}: the CPython 3.13 oracle (python3 ../shared/oracle/cpython_oracle.py) is not available"
        );
    }
    let guard = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    found.clone().map(|command| (command, guard))
}

pub fn python3_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Asserts that `path` holds well-formed XML, using python3's parser when
/// there is one (the check is skipped otherwise: the counts are still checked).
pub fn assert_well_formed_xml(path: &Path) {
    if !python3_available() {
        eprintln!("note: python3 not found; XML well-formedness not checked");
        return;
    }
    let output = Command::new("python3")
        .args([
            "-c",
            "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])",
        ])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "malformed XML: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        std::fs::read_to_string(path).unwrap_or_default()
    );
}
