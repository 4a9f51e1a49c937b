//! The embedding API: what the command line (and tests) call.

use crate::compiler::{self, Mode};
use crate::diagnostics::{self, SyntaxError};
use crate::vm::frame::ResumeKind;
use crate::vm::{Value, Vm};
use std::io::Write;

/// Which clock the event loop runs on (design.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClockKind {
    #[default]
    Real,
    Virtual,
}

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub clock: ClockKind,
    /// `sys.argv`: the script name first.
    pub argv: Vec<String>,
    /// Colour in diagnostics.
    pub color: bool,
    /// `--max-steps`: loop iterations and calls before the run is stopped.
    pub max_steps: Option<u64>,
    /// `--timeout`: wall-clock seconds before the run is stopped.
    pub timeout: Option<f64>,
    /// `--perturb SEED`: a seeded order for ties in the schedule.
    pub perturb: Option<u64>,
    /// What the program may touch outside the interpreter.
    pub permissions: crate::permissions::Permissions,
    /// `--debug`: asyncio's debug mode from the start.
    pub debug: bool,
}

/// Deep Python recursion nests Rust calls (native callbacks), so programs
/// run on a thread with a generous stack.
const STACK_SIZE: usize = 512 << 20;

/// Runs a program's source text. Prints its output to stdout/stderr and
/// returns the process exit status (0, 1 for an uncaught exception, 2 for a
/// syntax error, or the `sys.exit` code).
pub fn run_source(filename: &str, source: &str, opts: &RunOptions) -> i32 {
    let errors = check_source(filename, source);
    if !errors.is_empty() {
        let text = diagnostics::render(filename, source, &errors, opts.color);
        let _ = std::io::stderr().write_all(text.as_bytes());
        return 2;
    }
    let (filename, source, opts) = (filename.to_string(), source.to_string(), opts.clone());
    on_interpreter_thread(move || run_checked(&filename, &source, &opts))
}

/// Runs `body` on a thread with the interpreter's large stack (the REPL and
/// scripts alike), returning its exit status; 70 if it panicked.
pub fn on_interpreter_thread(body: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let handle = std::thread::Builder::new()
        .name("aio-main".into())
        .stack_size(STACK_SIZE)
        .spawn(body);
    match handle {
        Ok(h) => h.join().unwrap_or(70),
        Err(_) => run_checked_fallback(),
    }
}

fn run_checked_fallback() -> i32 {
    eprintln!("aio: could not start the interpreter thread");
    70
}

fn run_checked(filename: &str, source: &str, opts: &RunOptions) -> i32 {
    let module = match crate::parser::parse(source) {
        Ok(m) => m,
        Err(_) => return 2,
    };
    let code = match compiler::compile(&module, filename, source, Mode::Module) {
        Ok(c) => c,
        Err(_) => return 2,
    };
    let mut vm = Vm::new(opts.argv.clone());
    vm.watch.limit(opts.max_steps, opts.timeout);
    vm.runtime.clock = crate::runtime::clock::Clock::new(opts.clock == ClockKind::Virtual);
    vm.runtime.perturb = opts.perturb.map(crate::runtime::perturb::Perturb::new);
    vm.permissions = opts.permissions.clone();
    if opts.debug {
        vm.runtime.debug.enabled = true;
        vm.runtime.debug.default = true;
    }
    crate::vm::sources::register(filename, source);
    let globals = vm.new_globals("__main__");
    globals
        .borrow_mut()
        .insert("__file__".into(), Value::str(filename));
    vm.main_globals = Some(globals.clone());
    let top_level_await = code.flags.top_level_await;
    let frame = vm.new_frame(code, globals, ResumeKind::Boundary);
    let result = if top_level_await {
        // The module body is the main coroutine (design.md §1).
        let coro = vm.module_coroutine(frame);
        vm.asyncio_run(coro)
    } else {
        vm.run_frame(frame)
    };
    let status = match result {
        Ok(_) => 0,
        Err(e) => exit_status(&mut vm, e),
    };
    run_exit_functions(&mut vm);
    flush_open_files(&mut vm);
    vm.report_deferred();
    vm.flush();
    status
}

/// Calls what the program registered with `atexit.register`, last first,
/// as CPython does when the main module has finished (also after an
/// uncaught exception). The module reports a callback's own errors.
pub fn run_exit_functions(vm: &mut Vm) {
    if vm.modules.contains_key("atexit") {
        let _ = vm.call_support("atexit", "_run_exitfuncs", Vec::new());
        vm.flush();
    }
}

/// Writes out what files opened with `open()` still buffer, as CPython's
/// file objects do when they are finalised at exit.
pub fn flush_open_files(vm: &mut Vm) {
    if vm.modules.contains_key("_fileio") {
        let _ = vm.call_support("_fileio", "_flush_all", Vec::new());
    }
}

/// Maps an uncaught exception to an exit status, printing its traceback.
pub fn exit_status(vm: &mut Vm, e: Value) -> i32 {
    vm.flush();
    if vm.exc_matches_name(&e, "SystemExit") {
        let args = vm.exc_args(&e);
        return match args.first() {
            None | Some(Value::None) => 0,
            Some(Value::Int(i)) => *i as i32,
            Some(Value::Bool(b)) => *b as i32,
            Some(other) => {
                let s = vm.str(other).unwrap_or_default();
                eprintln!("{s}");
                1
            }
        };
    }
    let tb = vm.format_traceback(&e);
    let _ = std::io::stderr().write_all(tb.as_bytes());
    vm.report_deferred();
    1
}

/// Parses and compiles without running; returns every error found.
pub fn check_source(filename: &str, source: &str) -> Vec<SyntaxError> {
    checked_module(filename, source).err().unwrap_or_default()
}

/// The syntax tree of a program that parses and compiles, or its errors.
pub fn checked_module(
    filename: &str,
    source: &str,
) -> Result<crate::ast::Module, Vec<SyntaxError>> {
    let module = crate::parser::parse(source)?;
    compiler::compile(&module, filename, source, Mode::Module)?;
    Ok(module)
}
