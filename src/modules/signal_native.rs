//! `_signal`: the primitives under `signal` (lib/signal.py) and the loop's
//! `add_signal_handler`/`remove_signal_handler`. Delivery itself is in
//! runtime/signals.rs; the Python layer makes the `Signals`/`Handlers`
//! enums and converts numbers to them.

use crate::builtins::native;
use crate::runtime::signals::{Disposition, NSIG, install};
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use std::rc::Rc;

/// Linux's signal names and numbers (the ones CPython's module exports).
pub const SIGNALS: &[(&str, i32)] = &[
    ("SIGHUP", 1),
    ("SIGINT", 2),
    ("SIGQUIT", 3),
    ("SIGILL", 4),
    ("SIGTRAP", 5),
    ("SIGABRT", 6),
    ("SIGIOT", 6),
    ("SIGBUS", 7),
    ("SIGFPE", 8),
    ("SIGKILL", 9),
    ("SIGUSR1", 10),
    ("SIGSEGV", 11),
    ("SIGUSR2", 12),
    ("SIGPIPE", 13),
    ("SIGALRM", 14),
    ("SIGTERM", 15),
    ("SIGSTKFLT", 16),
    ("SIGCHLD", 17),
    ("SIGCONT", 18),
    ("SIGSTOP", 19),
    ("SIGTSTP", 20),
    ("SIGTTIN", 21),
    ("SIGTTOU", 22),
    ("SIGURG", 23),
    ("SIGXCPU", 24),
    ("SIGXFSZ", 25),
    ("SIGVTALRM", 26),
    ("SIGPROF", 27),
    ("SIGWINCH", 28),
    ("SIGIO", 29),
    ("SIGPOLL", 29),
    ("SIGPWR", 30),
    ("SIGSYS", 31),
    ("SIGRTMIN", 34),
    ("SIGRTMAX", 64),
];

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_signal");
    {
        let mut d = g.borrow_mut();
        for (name, f) in [
            ("signal", set_handler as NativeFn),
            ("getsignal", getsignal),
            ("raise_signal", raise_signal),
            ("strsignal", strsignal),
            ("valid_signals", valid_signals),
            ("alarm", alarm),
            ("pause", pause),
            ("default_int_handler", default_int_handler),
            ("_check_pending", check_pending),
        ] {
            d.insert(name.into(), native(name, f, BuiltinKind::Function));
        }
        for (name, n) in SIGNALS {
            d.insert((*name).into(), Value::Int(i64::from(*n)));
        }
        d.insert("NSIG".into(), Value::Int(i64::from(NSIG)));
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_signal".into(),
        dict: g,
    })))
}

/// The signal number argument, checked as CPython checks it.
fn signum(vm: &mut Vm, args: &Args, i: usize) -> Result<i32, Value> {
    let v = args.pos.get(i).cloned().unwrap_or(Value::None);
    let n = vm.index_value(&v)?;
    if !(1..i64::from(NSIG)).contains(&n) {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn os_error(vm: &mut Vm, errno: i32) -> Value {
    crate::modules::os_native::os_error(vm, errno, &[])
}

fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        other => vm.types.class_of(other).lookup_static("__call__").is_some(),
    }
}

/// The handler `getsignal` reports for a signal nobody set.
fn initial_handler(vm: &mut Vm, sig: i32) -> Value {
    if sig == 2
        && let Some(Value::Module(m)) = vm.modules.get("_signal")
        && let Some(h) = m.dict.borrow().get("default_int_handler")
    {
        return h.clone();
    }
    Value::Int(0)
}

fn current_handler(vm: &mut Vm, sig: i32) -> Value {
    match vm.runtime.signals.handlers.get(&sig) {
        Some(h) => h.clone(),
        None => initial_handler(vm, sig),
    }
}

/// `signal(signalnum, handler)`: `handler` is 0 (SIG_DFL), 1 (SIG_IGN) or
/// a callable; returns the previous handler.
fn set_handler(vm: &mut Vm, args: Args) -> PyResult {
    let sig = signum(vm, &args, 0)?;
    let handler = args.pos.get(1).cloned().unwrap_or(Value::None);
    let how = match &handler {
        Value::Int(0) => Disposition::Default,
        Value::Int(1) => Disposition::Ignore,
        h if is_callable(vm, h) => Disposition::Catch,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ));
        }
    };
    let old = current_handler(vm, sig);
    install(sig, how).map_err(|errno| os_error(vm, errno))?;
    vm.runtime.signals.handlers.insert(sig, handler);
    Ok(old)
}

fn getsignal(vm: &mut Vm, args: Args) -> PyResult {
    let sig = signum(vm, &args, 0)?;
    Ok(current_handler(vm, sig))
}

/// `raise_signal(signalnum)`: the signal is delivered at once; its handler
/// runs before the call returns.
fn raise_signal(vm: &mut Vm, args: Args) -> PyResult {
    let sig = signum(vm, &args, 0)?;
    // SAFETY: raise(3) sends a valid signal number to this thread.
    if unsafe { libc::raise(sig) } != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(22);
        return Err(os_error(vm, errno));
    }
    vm.run_signal_handlers()?;
    Ok(Value::None)
}

fn strsignal(vm: &mut Vm, args: Args) -> PyResult {
    let sig = signum(vm, &args, 0)?;
    // CPython's own table of descriptions (the C library's wording).
    let text = match sig {
        1 => "Hangup",
        2 => "Interrupt",
        3 => "Quit",
        4 => "Illegal instruction",
        5 => "Trace/breakpoint trap",
        6 => "Aborted",
        7 => "Bus error",
        8 => "Floating-point exception",
        9 => "Killed",
        10 => "User defined signal 1",
        11 => "Segmentation fault",
        12 => "User defined signal 2",
        13 => "Broken pipe",
        14 => "Alarm clock",
        15 => "Terminated",
        16 => "Stack fault",
        17 => "Child exited",
        18 => "Continued",
        19 => "Stopped (signal)",
        20 => "Stopped",
        21 => "Stopped (tty input)",
        22 => "Stopped (tty output)",
        23 => "Urgent I/O condition",
        24 => "CPU time limit exceeded",
        25 => "File size limit exceeded",
        26 => "Virtual timer expired",
        27 => "Profiling timer expired",
        28 => "Window changed",
        29 => "I/O possible",
        30 => "Power failure",
        31 => "Bad system call",
        n if (34..=64).contains(&n) => {
            return Ok(Value::str(format!("Real-time signal {}", n - 34).as_str()));
        }
        _ => return Ok(Value::None),
    };
    Ok(Value::str(text))
}

/// Every signal number but glibc's two reserved ones (32 and 33).
fn valid_signals(_vm: &mut Vm, _args: Args) -> PyResult {
    let nums: Vec<Value> = (1..NSIG)
        .filter(|n| *n != 32 && *n != 33)
        .map(|n| Value::Int(i64::from(n)))
        .collect();
    Ok(Value::list(nums))
}

fn alarm(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let secs = vm.index_value(&v)?;
    // SAFETY: alarm(2) only arms the process's real-time timer.
    let left = unsafe { libc::alarm(secs.clamp(0, i64::from(u32::MAX)) as u32) };
    Ok(Value::Int(i64::from(left)))
}

fn pause(vm: &mut Vm, _args: Args) -> PyResult {
    vm.flush();
    crate::runtime::signals::wait_for_signal();
    vm.run_signal_handlers()?;
    Ok(Value::None)
}

/// `default_int_handler(signalnum, frame)`: raises KeyboardInterrupt.
fn default_int_handler(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exc("KeyboardInterrupt", ""))
}

/// Runs the handlers of signals that arrived (after `os.kill`).
fn check_pending(vm: &mut Vm, _args: Args) -> PyResult {
    vm.run_signal_handlers()?;
    Ok(Value::None)
}

// ------------------------------------------------------------ the loop's side

pub fn loop_methods() -> &'static [(&'static str, NativeFn)] {
    &[
        ("add_signal_handler", add_signal_handler),
        ("remove_signal_handler", remove_signal_handler),
    ]
}

/// `loop.add_signal_handler(sig, callback, *args)`.
fn add_signal_handler(vm: &mut Vm, args: Args) -> PyResult {
    let sig = signum(vm, &args, 1)?;
    let callback = args.pos.get(2).cloned().unwrap_or(Value::None);
    let is_coro = matches!(&callback, Value::Generator(_))
        || matches!(
            crate::modules::inspect::iscoroutinefunction(vm, Args::new([callback.clone()]))?,
            Value::Bool(true)
        );
    if is_coro {
        return Err(vm.type_error("coroutines cannot be used with add_signal_handler()"));
    }
    install(sig, Disposition::Catch).map_err(|errno| {
        if errno == libc::EINVAL {
            vm.new_exc("RuntimeError", &format!("sig {sig} cannot be caught"))
        } else {
            os_error(vm, errno)
        }
    })?;
    let rest = args.pos.get(3..).map(<[Value]>::to_vec).unwrap_or_default();
    vm.runtime
        .signals
        .loop_handlers
        .insert(sig, (callback, rest));
    Ok(Value::None)
}

/// `loop.remove_signal_handler(sig)`: True if a handler was removed; the
/// signal goes back to its default (SIGINT to `default_int_handler`).
fn remove_signal_handler(vm: &mut Vm, args: Args) -> PyResult {
    let sig = signum(vm, &args, 1)?;
    if vm.runtime.signals.loop_handlers.remove(&sig).is_none() {
        return Ok(Value::Bool(false));
    }
    if sig == 2 {
        let h = initial_handler(vm, 2);
        install(2, Disposition::Catch).map_err(|errno| os_error(vm, errno))?;
        vm.runtime.signals.handlers.insert(2, h);
    } else {
        install(sig, Disposition::Default).map_err(|errno| os_error(vm, errno))?;
        vm.runtime.signals.handlers.remove(&sig);
    }
    Ok(Value::Bool(true))
}
