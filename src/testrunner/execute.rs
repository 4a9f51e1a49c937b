//! Running one test program as a child process, with a time limit.

use super::config::Runner;
use super::discover::TestCase;
use crate::api::ClockKind;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// More output than this is a runaway program; keeping it all would only
/// exhaust memory (the rest is read and dropped so the child never blocks).
const CAPTURE_LIMIT: usize = 16 << 20;

/// How long to wait for pipes to drain once the child is gone; only a
/// descendant that escaped the process group can hold them open longer.
const DRAIN_GRACE: Duration = Duration::from_secs(2);

/// Between SIGTERM at the time limit and SIGKILL: the time a program has to
/// flush what it printed, so a timed-out test can show its partial output.
/// aio itself is given the limit as `--timeout` and stops on its own (it
/// flushes, then exits 124); the kill is then only a backstop.
const TERM_GRACE: Duration = Duration::from_secs(1);

/// How one test is to be run.
#[derive(Debug, Clone, Default)]
pub struct Launch {
    pub clock: ClockKind,
    pub args: Vec<String>,
    pub timeout: Duration,
    /// `--max-memory` / `--max-steps` for aio (other interpreters ignore them).
    pub max_memory: Option<usize>,
    pub max_steps: Option<u64>,
    /// `--perturb SEED` for aio: one of `--explore`'s perturbed schedules.
    pub perturb: Option<u64>,
    /// What an aio test may do beyond its sandbox (`allow=` kinds).
    pub allow: Vec<String>,
}

/// A test's memory budget unless its directive says otherwise: enough for
/// any honest test, and a runaway one cannot take the machine's memory.
pub const TEST_MEMORY: usize = 1 << 30;

/// The sandbox of an aio test: it reads its own folder, writes only in its
/// own temporary folder (which is `TMPDIR`, so `tempfile` finds it), talks
/// only to loopback, runs nothing and sees no environment but `TMPDIR`.
fn sandbox_args(command: &mut Command, folder: &Path, scratch: &Path, allow: &[String]) {
    if allow.iter().any(|k| k == "all") {
        return;
    }
    let grants = |kind: &str| allow.iter().any(|k| k == kind);
    let (folder, scratch) = (
        std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf()),
        scratch.to_string_lossy().into_owned(),
    );
    command.arg("--sandbox");
    command.arg(if grants("read") {
        "--allow-read".to_string()
    } else {
        format!("--allow-read={},{scratch}", folder.display())
    });
    command.arg(if grants("write") {
        "--allow-write".to_string()
    } else {
        format!("--allow-write={scratch}")
    });
    command.arg(if grants("net") {
        "--allow-net"
    } else {
        "--allow-net=localhost"
    });
    if grants("run") {
        command.arg("--allow-run");
    }
    command.arg(if grants("env") {
        "--allow-env"
    } else {
        "--allow-env=TMPDIR"
    });
}

/// A fresh temporary folder for one run of a test, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new() -> Option<Scratch> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("aio-test-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path).ok()?;
        Some(Scratch(path.canonicalize().unwrap_or(path)))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub end: End,
    pub elapsed: Duration,
    /// Stdout went past the capture limit and was cut.
    pub truncated: bool,
}

impl Outcome {
    /// A Rust panic in aio (or any interpreter written in Rust): its output
    /// is not a result anyone should record.
    pub fn panicked(&self) -> bool {
        matches!(self.end, End::Exited(101))
            && String::from_utf8_lossy(&self.stderr).contains("' panicked at ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    Exited(i32),
    Signaled(i32),
    /// Killed at the time limit.
    TimedOut,
    /// The command could not be started, or its status could not be read.
    NotStarted(String),
}

pub fn execute(runner: &Runner, case: &TestCase, launch: &Launch) -> Outcome {
    let started = Instant::now();
    let timeout = launch.timeout;
    let not_started = |msg: String| Outcome {
        stdout: Vec::new(),
        stderr: Vec::new(),
        end: End::NotStarted(msg),
        elapsed: started.elapsed(),
        truncated: false,
    };
    let Some(scratch) = Scratch::new() else {
        return not_started("can't make the test's temporary folder".to_string());
    };
    let Some(mut command) = command_for(runner, case, launch, &scratch.0) else {
        return not_started("the interpreter command is empty".to_string());
    };
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => {
            let program = command.get_program().to_string_lossy().into_owned();
            return not_started(format!("can't run {program}: {e}"));
        }
    };
    let pid = child.id();
    let _registered = super::reaper::register(pid);
    let (Some(out_pipe), Some(err_pipe)) = (child.stdout.take(), child.stderr.take()) else {
        kill_group(&mut child);
        return not_started("the child's output pipes are missing".to_string());
    };
    // Both pipes are drained on their own threads: a child that fills one
    // pipe while the runner blocks on the other would deadlock.
    let stdout = drain(out_pipe);
    let stderr = drain(err_pipe);

    let (status_tx, status_rx) = mpsc::channel();
    let mut waiter_child = child;
    thread::spawn(move || {
        let _ = status_tx.send(waiter_child.wait());
    });

    let mut timed_out = false;
    let own_limit = matches!(runner, Runner::Aio(_));
    let first_wait = if own_limit {
        // aio's own watchdog ends a program stuck in a blocking call one
        // second past the limit; this leaves it room to.
        timeout + 2 * TERM_GRACE
    } else {
        timeout
    };
    let status = match status_rx.recv_timeout(first_wait) {
        Ok(status) => status,
        Err(_) => {
            timed_out = true;
            if !own_limit {
                signal_group(pid, SIGTERM);
            }
            let status = status_rx.recv_timeout(TERM_GRACE).or_else(|_| {
                signal_group(pid, SIGKILL);
                status_rx.recv_timeout(DRAIN_GRACE)
            });
            status.unwrap_or_else(|_| Err(std::io::Error::other("the killed child did not exit")))
        }
    };
    // Whatever the child left running in its group would outlive the test
    // and keep the pipes open.
    signal_group(pid, SIGKILL);
    let elapsed = started.elapsed();

    let end = match status {
        _ if timed_out => End::TimedOut,
        // aio stopped itself at the limit it was given (after flushing).
        Ok(status) if own_limit && status.code() == Some(LIMIT_EXIT) && elapsed >= timeout => {
            End::TimedOut
        }
        Ok(status) => end_of(status),
        Err(e) => End::NotStarted(format!("can't read the exit status: {e}")),
    };
    let (stdout, truncated) = collect(stdout);
    Outcome {
        stdout,
        stderr: collect(stderr).0,
        end,
        elapsed,
        truncated,
    }
}

/// aio's exit status when `--timeout` stops it.
const LIMIT_EXIT: i32 = 124;

fn command_for(
    runner: &Runner,
    case: &TestCase,
    launch: &Launch,
    scratch: &Path,
) -> Option<Command> {
    let clock = launch.clock;
    let clock_name = match clock {
        ClockKind::Real => "real",
        ClockKind::Virtual => "virtual",
    };
    // Tests run in their own folder and see only the file name, so output
    // that mentions the script (tracebacks, sys.argv) is the same wherever
    // the suite is run from.
    let folder = match case.aio.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = case
        .aio
        .file_name()
        .map(|f| f.to_os_string())
        .unwrap_or_default();
    if file.to_string_lossy().starts_with('-') {
        let mut dotted = std::ffi::OsString::from("./");
        dotted.push(&file);
        file = dotted;
    }
    let mut command = match runner {
        Runner::Aio(exe) => {
            let mut c = Command::new(exe);
            c.args(["run", "--clock", clock_name]);
            c.arg("--timeout")
                .arg(launch.timeout.as_secs_f64().to_string());
            let memory = launch.max_memory.unwrap_or(TEST_MEMORY);
            c.arg("--max-memory").arg(memory.to_string());
            if let Some(steps) = launch.max_steps {
                c.arg("--max-steps").arg(steps.to_string());
            }
            if let Some(seed) = launch.perturb {
                c.arg("--perturb").arg(seed.to_string());
            }
            sandbox_args(&mut c, folder, scratch, &launch.allow);
            c
        }
        Runner::Command(words) => {
            let (program, rest) = words.split_first()?;
            let mut c = Command::new(program);
            c.args(rest);
            // The oracle's default is the virtual clock; other interpreters
            // need not know the option unless a test asks for the real one.
            if clock == ClockKind::Real {
                c.args(["--clock", "real"]);
            }
            c
        }
    };
    command
        .arg(file)
        .args(&launch.args)
        .current_dir(folder)
        // CPython randomises str hashes, hence set order; tests must be reproducible.
        .env("PYTHONHASHSEED", "0")
        .env("TMPDIR", scratch)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own group, so a timeout can kill everything it started.
        command.process_group(0);
    }
    Some(command)
}

/// What was read from a pipe, and whether some of it was dropped.
type Drained = (Vec<u8>, bool);

fn drain(mut pipe: impl Read + Send + 'static) -> mpsc::Receiver<Drained> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut dropped = false;
        let mut buf = [0u8; 64 * 1024];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let room = CAPTURE_LIMIT.saturating_sub(kept.len());
                    dropped |= n > room;
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send((kept, dropped));
    });
    rx
}

fn collect(rx: mpsc::Receiver<Drained>) -> Drained {
    rx.recv_timeout(DRAIN_GRACE).unwrap_or_default()
}

/// The capture limit, for messages.
pub const CAPTURE_LIMIT_MIB: usize = CAPTURE_LIMIT >> 20;

fn end_of(status: ExitStatus) -> End {
    if let Some(code) = status.code() {
        return End::Exited(code);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return End::Signaled(signal);
        }
    }
    End::NotStarted(format!("unexpected exit status {status}"))
}

fn kill_group(child: &mut Child) {
    signal_group(child.id(), SIGKILL);
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(unix)]
use libc::{SIGKILL, SIGTERM};
#[cfg(not(unix))]
const SIGKILL: i32 = 9;
#[cfg(not(unix))]
const SIGTERM: i32 = 15;

#[cfg(unix)]
fn signal_group(pid: u32, signal: i32) {
    let Ok(pgid) = libc::pid_t::try_from(pid) else {
        return;
    };
    // SAFETY: kill(2) has no memory-safety preconditions. The child was
    // started as the leader of its own group (process_group(0)), so -pgid
    // reaches exactly it and its descendants. ESRCH (group already gone)
    // is the common, harmless case.
    unsafe {
        libc::kill(-pgid, signal);
    }
}

#[cfg(not(unix))]
fn signal_group(_pid: u32, _signal: i32) {}

/// `SIGSEGV` for 11, as people know signals by name.
pub fn signal_name(signal: i32) -> String {
    let name = match signal {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        5 => "SIGTRAP",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        14 => "SIGALRM",
        15 => "SIGTERM",
        _ => return format!("signal {signal}"),
    };
    format!("signal {signal} ({name})")
}
