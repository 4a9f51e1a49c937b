//! The REPL driven through a pipe (`aio repl` prints its prompts there too).
//! The terminal side (line editing, completion, Ctrl-C) is in repl_pty.rs.

use std::io::Write;
use std::process::{Command, Stdio};

fn session(input: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_aio"))
        .args(["--clock", "virtual", "repl"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aio starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("aio finishes");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn expressions_echo_and_bind_underscore() {
    let (out, _, code) = session("x = 2 + 3\nx\n_ * 10\nNone\n");
    assert_eq!(code, 0);
    assert!(out.contains(">>> 5\n"), "{out}");
    assert!(out.contains(">>> 50\n"), "{out}");
}

#[test]
fn multi_line_async_def_and_top_level_await_on_the_virtual_clock() {
    let input = "async def f(a):\n    await sleep(1)\n    return a * 2\n\nloop = asyncio.get_running_loop()\nt0 = loop.time()\nawait gather(f(1), f(2))\nprint(f'elapsed {loop.time() - t0:.1f}')\n";
    let (out, err, code) = session(input);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("... ... ... "), "continuation prompts: {out}");
    assert!(out.contains("[2, 4]"), "{out}");
    assert!(out.contains("elapsed 1.0"), "{out}");
}

#[test]
fn errors_do_not_end_the_session() {
    let (out, err, code) = session("1 +* 2\n1/0\nprint('still here')\n");
    assert_eq!(code, 0);
    assert!(err.contains("SyntaxError"), "{err}");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert!(out.contains("still here"), "{out}");
}

#[test]
fn background_tasks_run_between_lines_and_show_in_tasks() {
    let input = "async def tick():\n    for i in range(3):\n        print('tick', i)\n        await sleep(0.5)\n\nt = spawn(tick())\n:tasks\nawait sleep(2)\nt.done()\n";
    let (out, err, code) = session(input);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("tick 0"), "{out}");
    assert!(
        out.contains("Task-1") && out.contains("sleeping until 0.500"),
        "{out}"
    );
    assert!(out.contains("in tick(): await sleep(0.5)"), "{out}");
    assert!(out.contains("tick 2"), "{out}");
    assert!(out.contains(">>> True"), "{out}");
}

#[test]
fn time_command_and_exit_status() {
    let (out, _, code) = session(":time await sleep(1.5)\nimport sys\nsys.exit(3)\n");
    assert!(out.contains("elapsed: 1.500s"), "{out}");
    assert_eq!(code, 3);
}

#[test]
fn a_server_started_on_one_line_answers_a_client_on_later_lines() {
    let input = "async def handle(r, w):\n    w.write((await r.readline()).upper())\n    await w.drain()\n    w.close()\n\nsrv = await asyncio.start_server(handle, '127.0.0.1', 0)\nport = srv.sockets[0].getsockname()[1]\nr, w = await asyncio.open_connection('127.0.0.1', port)\nw.write(b'hi\\n')\nawait r.readline()\nsrv.close()\nawait srv.wait_closed()\nprint('closed')\n";
    let (out, err, code) = session(input);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("b'HI\\n'"), "{out}");
    assert!(out.contains("closed"), "{out}");
}
