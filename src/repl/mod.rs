//! The interactive REPL: a persistent interpreter and event loop, lines read
//! with rustyline on a terminal (multi-line blocks, history) or from a pipe
//! (prompts still printed, so sessions can be scripted).
//!
//! The event loop keeps running while the user types (see driver.rs); on the
//! virtual clock, time only passes while a line awaits.

mod commands;
mod driver;
mod eventloop;
mod helper;
mod highlight;
mod interrupt;
mod output;
mod tasks;
mod terminal;

use crate::api::ClockKind;
use crate::compiler::{self, Mode};
use crate::diagnostics;
use crate::vm::frame::ResumeKind;
use crate::vm::{Value, Vm};
use std::io::{BufRead, IsTerminal, Write};

pub struct Repl {
    vm: Vm,
    globals: crate::vm::function::Globals,
    color: bool,
    /// On a terminal: awaiting what nothing will complete waits for Ctrl-C.
    interactive: bool,
    /// Inputs run so far. Each gets its own file name, as in CPython 3.13,
    /// so tracebacks and `:tasks` can quote lines typed earlier.
    inputs: usize,
    /// The last Ctrl-C at the prompt came with nothing typed.
    ctrl_c_on_empty: bool,
}

/// What the session should do after a piece of input.
pub enum Flow {
    Continue,
    Exit(i32),
}

impl Repl {
    pub fn new(clock: ClockKind) -> Self {
        let mut vm = Vm::new(vec![String::new()]);
        vm.runtime.clock = crate::runtime::clock::Clock::new(clock == ClockKind::Virtual);
        let globals = vm.new_globals("__main__");
        vm.main_globals = Some(globals.clone());
        // As in `python -m asyncio`: asyncio is already imported and the
        // loop is running, so `spawn(...)` works on any line.
        if let Ok(m) = vm.import_module("asyncio") {
            globals.borrow_mut().insert("asyncio".into(), m);
        }
        vm.runtime.running = true;
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Repl {
            vm,
            globals,
            color,
            interactive: false,
            inputs: 0,
            ctrl_c_on_empty: false,
        }
    }

    /// Runs one complete piece of input (a statement or a block).
    pub fn eval(&mut self, src: &str) -> Flow {
        interrupt::set_running(true);
        let flow = self.eval_line(src);
        interrupt::set_running(false);
        flow
    }

    fn eval_line(&mut self, src: &str) -> Flow {
        let trimmed = src.trim();
        if trimmed.is_empty() {
            self.run_pending();
            return Flow::Continue;
        }
        if let Some(cmd) = trimmed.strip_prefix(':') {
            return commands::run(self, cmd);
        }
        let name = self.input_name();
        let flow = self.exec(src, &name);
        self.run_pending();
        self.vm.flush();
        flow
    }

    fn input_name(&mut self) -> String {
        let name = format!("<python-input-{}>", self.inputs);
        self.inputs += 1;
        name
    }

    fn exec(&mut self, src: &str, name: &str) -> Flow {
        let module = match crate::parser::parse(src) {
            Ok(m) => m,
            Err(errs) => {
                self.report_syntax(name, src, &errs);
                return Flow::Continue;
            }
        };
        let code = match compiler::compile(&module, name, src, Mode::Interactive) {
            Ok(c) => c,
            Err(errs) => {
                self.report_syntax(name, src, &errs);
                return Flow::Continue;
            }
        };
        crate::vm::sources::register(name, src);
        let top_level_await = code.flags.top_level_await;
        let frame = self
            .vm
            .new_frame(code, self.globals.clone(), ResumeKind::Boundary);
        let result = if top_level_await {
            let coro = self.vm.module_coroutine(frame);
            self.vm.repl_await(coro, self.interactive)
        } else {
            self.vm.run_frame(frame)
        };
        match result {
            Ok(_) => Flow::Continue,
            Err(e) => self.report(e),
        }
    }

    /// Prints an error that ended a line (or a background callback):
    /// SystemExit ends the session, Ctrl-C prints `KeyboardInterrupt` as
    /// `python -m asyncio` does, anything else its traceback.
    fn report(&mut self, e: Value) -> Flow {
        if self.vm.exc_matches_name(&e, "SystemExit") {
            return Flow::Exit(crate::api::exit_status(&mut self.vm, e));
        }
        if interrupt::take_line_cancelled() {
            self.vm.flush();
            eprintln!("KeyboardInterrupt");
            return Flow::Continue;
        }
        crate::api::exit_status(&mut self.vm, e);
        Flow::Continue
    }

    fn report_syntax(&mut self, name: &str, src: &str, errs: &[diagnostics::SyntaxError]) {
        self.vm.flush();
        let text = diagnostics::render(name, src, errs, self.color);
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    /// Lets tasks that are ready (or whose timers are due) run.
    pub fn run_pending(&mut self) {
        let _ = self.vm.run_ready();
        self.vm.flush();
    }
}

/// `aio repl`: on a terminal with line editing; otherwise reading stdin,
/// still printing prompts.
pub fn main(clock: ClockKind) -> i32 {
    let mut repl = Repl::new(clock);
    if std::io::stdin().is_terminal() {
        // On a pipe Ctrl-C keeps its default meaning: end the process.
        interrupt::install();
        repl.interactive = true;
        driver::interactive(&mut repl)
    } else {
        piped(&mut repl)
    }
}

fn piped(repl: &mut Repl) -> i32 {
    let stdin = std::io::stdin();
    let mut buf = String::new();
    let mut out = std::io::stdout();
    let _ = write!(out, ">>> ");
    let _ = out.flush();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        buf.push_str(&line);
        buf.push('\n');
        if crate::lexer::is_incomplete(buf.trim_end_matches('\n')) && !line.trim().is_empty() {
            let _ = write!(out, "... ");
            let _ = out.flush();
            continue;
        }
        let src = std::mem::take(&mut buf);
        match repl.eval(&src) {
            Flow::Continue => {}
            Flow::Exit(code) => return code,
        }
        let _ = write!(out, ">>> ");
        let _ = out.flush();
    }
    if !buf.trim().is_empty()
        && let Flow::Exit(code) = repl.eval(&buf)
    {
        return code;
    }
    let _ = writeln!(out);
    0
}
