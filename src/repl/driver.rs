//! The terminal session. The line editor runs on its own thread and hands
//! over each line; this thread owns the interpreter and keeps the event
//! loop going while the user types, so background tasks make progress and
//! their output appears above the prompt (rustyline's external printer).

use super::helper::{self, AioEditor};
use super::output::PromptAwareOut;
use super::terminal;
use super::{Flow, Repl};
use crate::vm::output::Sink;
use rustyline::ExternalPrinter as _;
use rustyline::error::ReadlineError;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;

/// What the editor thread read.
enum Input {
    Line(String),
    /// Ctrl-C at the prompt; `empty` when nothing had been typed.
    Interrupted {
        empty: bool,
    },
    Eof,
    Failed(String),
}

/// Loop iterations run between two looks at the input channel, so a busy
/// background task cannot keep a typed line waiting.
const BATCH: usize = 64;

pub fn interactive(repl: &mut Repl) -> i32 {
    let mut rl = match helper::new_editor(repl) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("aio: cannot start the line editor: {e}");
            return 2;
        }
    };
    let prompt_up = Rc::new(Cell::new(false));
    // Without a terminal on both sides there is no printer; output then
    // goes straight to stdout, which is not the screen being typed on.
    if let Ok(printer) = rl.create_external_printer() {
        let (tx, rx) = mpsc::channel::<String>();
        let spawned = std::thread::Builder::new()
            .name("aio-printer".into())
            .spawn(move || {
                let mut printer = printer;
                for msg in rx {
                    if printer.print(msg.clone()).is_err() {
                        print!("{msg}");
                    }
                }
            });
        if spawned.is_ok() {
            let out = PromptAwareOut::new(prompt_up.clone(), tx);
            repl.vm.set_output(Sink::Custom(Box::new(out)));
        }
    }
    println!(
        "aio REPL — top-level await works, asyncio is imported. :help for commands, Ctrl-D to leave."
    );
    let (requests, inputs, editor) = match spawn_editor(rl) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("aio: cannot start the line editor: {e}");
            return 2;
        }
    };
    let saved = terminal::save();
    let (code, editor_reading) = session(repl, &requests, &inputs, &prompt_up);
    prompt_up.set(false);
    // Back to plain stdout: this drops the printer's channel, ending it.
    repl.vm.set_output(Sink::stdout());
    drop(requests);
    if editor_reading {
        // A background task ended the session mid-`readline`, which cannot
        // be woken: put the terminal back as it was and leave the thread.
        terminal::restore(saved);
        println!();
    } else {
        // The editor restores the terminal when it is dropped on its thread.
        let _ = editor.join();
    }
    code
}

/// Reads and runs lines until the session ends: its exit status, and
/// whether the editor thread was still reading then.
fn session(
    repl: &mut Repl,
    requests: &Sender<Vec<String>>,
    inputs: &Receiver<Input>,
    prompt_up: &Rc<Cell<bool>>,
) -> (i32, bool) {
    let code = loop {
        repl.vm.flush();
        if requests.send(helper::names_in_scope(repl)).is_err() {
            break 1;
        }
        prompt_up.set(true);
        let input = wait_for_input(repl, inputs);
        prompt_up.set(false);
        repl.vm.flush();
        match input {
            Ok(input) => {
                if let Some(code) = handle(repl, input) {
                    break code;
                }
            }
            Err(code) => return (code, true),
        }
    };
    (code, false)
}

/// Runs one input; `Some(status)` when the session should end.
fn handle(repl: &mut Repl, input: Input) -> Option<i32> {
    match input {
        Input::Line(line) => {
            repl.ctrl_c_on_empty = false;
            if let Flow::Exit(code) = repl.eval(&line) {
                return Some(code);
            }
        }
        Input::Interrupted { empty } => {
            if empty && repl.ctrl_c_on_empty {
                return Some(0);
            }
            repl.ctrl_c_on_empty = empty;
            if empty {
                eprintln!("KeyboardInterrupt (Ctrl-C again or Ctrl-D to leave)");
            } else {
                eprintln!("KeyboardInterrupt");
            }
        }
        Input::Eof => return Some(0),
        Input::Failed(e) => {
            eprintln!("aio: {e}");
            return Some(1);
        }
    }
    None
}

/// Runs the loop while the prompt is up: whatever is ready or due, then a
/// wait for input no longer than the time to the next timer.
fn wait_for_input(repl: &mut Repl, inputs: &Receiver<Input>) -> Result<Input, i32> {
    loop {
        if let Err(e) = repl.vm.run_ready_bounded(BATCH)
            && let Flow::Exit(code) = repl.report(e)
        {
            return Err(code);
        }
        repl.vm.flush();
        let got = match repl.vm.idle_timeout() {
            Some(wait) => inputs.recv_timeout(wait),
            None => inputs.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match got {
            Ok(input) => return Ok(input),
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Ok(Input::Eof),
        }
    }
}

type EditorThread = (Sender<Vec<String>>, Receiver<Input>, JoinHandle<()>);

/// The editor thread: for each request (the names to complete), one
/// `readline`; lines go into the history file as they are entered.
fn spawn_editor(mut rl: AioEditor) -> std::io::Result<EditorThread> {
    let (req_tx, req_rx) = mpsc::channel::<Vec<String>>();
    let (in_tx, in_rx) = mpsc::channel::<Input>();
    let history = helper::history_path();
    let handle = std::thread::Builder::new()
        .name("aio-editor".into())
        .spawn(move || {
            while let Ok(names) = req_rx.recv() {
                if let Some(h) = rl.helper_mut() {
                    h.names = names;
                }
                let input = match rl.readline(">>> ") {
                    Ok(line) => {
                        if !line.trim().is_empty() {
                            let _ = rl.add_history_entry(line.as_str());
                            if let Some(p) = &history {
                                let _ = rl.append_history(p);
                            }
                        }
                        Input::Line(line)
                    }
                    Err(ReadlineError::Interrupted) => Input::Interrupted {
                        empty: rl
                            .helper()
                            .is_some_and(|h| h.ctrl_c_on_empty.load(Ordering::SeqCst)),
                    },
                    Err(ReadlineError::Eof) => Input::Eof,
                    Err(e) => Input::Failed(e.to_string()),
                };
                if in_tx.send(input).is_err() {
                    break;
                }
            }
        })?;
    Ok((req_tx, in_rx, handle))
}
