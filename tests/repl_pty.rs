//! The REPL on a pseudo-terminal, as a person uses it: line editing,
//! multi-line blocks, background output while the prompt waits, Ctrl-C,
//! completion and history. Expected output is chosen so it never appears in
//! the echoed input (the terminal shows what is typed as well).
//!
//! Every wait has a generous timeout and nothing is timed, so a loaded
//! machine only makes these slower; a failed expectation ends the session.
#![cfg(unix)]

use rexpect::session::{Options, PtySession, spawn_with_options};
use std::path::{Path, PathBuf};
use std::process::Command;

const TIMEOUT_MS: u64 = 20_000;

/// A fresh directory for history files, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("aio-repl-pty-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn start(clock: &str, state: &Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_aio"));
    cmd.args(["--clock", clock, "repl"])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("XDG_STATE_HOME", state)
        .env("HOME", state);
    let options = Options::new()
        .timeout_ms(Some(TIMEOUT_MS))
        .strip_ansi_escape_codes(true);
    let mut p = spawn_with_options(cmd, options).expect("aio starts on a pty");
    p.exp_string("Ctrl-D to leave").expect("banner");
    p
}

/// Types a line and presses Enter.
fn line(p: &mut PtySession, text: &str) {
    p.send(text).expect("send");
    p.send("\r").expect("send");
    p.flush().expect("flush");
}

fn expect(p: &mut PtySession, needle: &str) {
    if let Err(e) = p.exp_string(needle) {
        panic!("expected {needle:?}: {e}");
    }
}

/// Ctrl-D at an empty prompt ends the session. It waits for the prompt:
/// before the editor reads, the terminal is in its normal mode, where
/// Ctrl-D is not a character the editor would see.
fn quit(mut p: PtySession) {
    expect(&mut p, ">>> ");
    p.send_control('d').expect("ctrl-d");
    p.exp_eof().expect("the REPL exits on Ctrl-D");
}

#[test]
fn multi_line_async_def_then_top_level_await() {
    let dir = TempDir::new("multiline");
    let mut p = start("virtual", &dir.0);
    line(&mut p, "async def double(x):");
    line(&mut p, "    await sleep(0.5)");
    line(&mut p, "    return x * 2");
    line(&mut p, "");
    line(&mut p, "await double(21)");
    expect(&mut p, "42");
    quit(p);
}

#[test]
fn gather_under_the_virtual_clock_with_time() {
    let dir = TempDir::new("gather");
    let mut p = start("virtual", &dir.0);
    line(&mut p, "async def job(n):");
    line(&mut p, "    await sleep(n)");
    line(&mut p, "    return n * 100");
    line(&mut p, "");
    line(&mut p, ":time await gather(job(1), job(2), job(3))");
    expect(&mut p, "[100, 200, 300]");
    expect(&mut p, "elapsed: 3.000s");
    quit(p);
}

#[test]
fn background_output_arrives_while_the_prompt_waits() {
    let dir = TempDir::new("background");
    let mut p = start("real", &dir.0);
    line(&mut p, "async def beat():");
    line(&mut p, "    for i in range(3):");
    line(&mut p, "        await sleep(0.2)");
    line(&mut p, "        print(f'beat{i + 100}')");
    line(&mut p, "");
    line(&mut p, "t = spawn(beat())");
    // A half-typed line: the beats print above it, and it survives.
    p.send("x = 4").expect("send");
    p.flush().expect("flush");
    expect(&mut p, "beat100");
    expect(&mut p, "beat102");
    line(&mut p, "1");
    line(&mut p, "x + 1");
    expect(&mut p, "42");
    quit(p);
}

#[test]
fn ctrl_c_cancels_a_long_sleep_and_returns_to_the_prompt() {
    let dir = TempDir::new("ctrlc");
    let mut p = start("real", &dir.0);
    line(&mut p, "async def nap():");
    line(&mut p, "    try:");
    line(&mut p, "        print('nap' + 'ping')");
    line(&mut p, "        await sleep(100)");
    line(&mut p, "    except asyncio.CancelledError:");
    line(&mut p, "        print('got ' + 'cancelled')");
    line(&mut p, "        raise");
    line(&mut p, "");
    line(&mut p, "await nap()");
    expect(&mut p, "napping");
    p.send_control('c').expect("ctrl-c");
    expect(&mut p, "got cancelled");
    expect(&mut p, "KeyboardInterrupt");
    line(&mut p, "6 * 7");
    expect(&mut p, "42");
    quit(p);
}

#[test]
fn a_syntax_error_then_a_good_line() {
    let dir = TempDir::new("syntax");
    let mut p = start("virtual", &dir.0);
    line(&mut p, "1 +* 2");
    expect(&mut p, "SyntaxError");
    line(&mut p, "6 * 7");
    expect(&mut p, "42");
    quit(p);
}

#[test]
fn tasks_lists_a_sleeping_task() {
    let dir = TempDir::new("tasks");
    let mut p = start("virtual", &dir.0);
    line(&mut p, "async def nap():");
    line(&mut p, "    await sleep(50)");
    line(&mut p, "");
    line(&mut p, "t = spawn(nap(), name='napper')");
    line(&mut p, ":tasks");
    if let Err(e) = p.exp_regex(r"napper +sleeping until 50\.000") {
        panic!("a sleeping task in :tasks: {e}");
    }
    expect(&mut p, "in nap(): await sleep(50)");
    quit(p);
}

#[test]
fn tab_completes_asyncio_members() {
    let dir = TempDir::new("complete");
    let mut p = start("virtual", &dir.0);
    // `gath` has one completion; Enter then evaluates the completed name.
    p.send("asyncio.gath\t").expect("send");
    p.flush().expect("flush");
    expect(&mut p, "asyncio.gather");
    line(&mut p, "");
    expect(&mut p, "<function gather");
    quit(p);
}

#[test]
fn history_survives_a_restart() {
    let dir = TempDir::new("history");
    let mut p = start("virtual", &dir.0);
    line(&mut p, "marker = 12000 + 345");
    line(&mut p, "marker");
    expect(&mut p, "12345");
    quit(p);

    let mut p = start("virtual", &dir.0);
    line(&mut p, "marker = 1");
    // Up three times: past `marker = 1` and `marker` to the first
    // session's `marker = 12000 + 345`.
    p.send("\x1b[A\x1b[A\x1b[A").expect("send");
    line(&mut p, "");
    line(&mut p, "marker + 1");
    expect(&mut p, "12346");
    quit(p);
}
