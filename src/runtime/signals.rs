//! Operating-system signals. The C-level handler only marks the signal
//! pending; the interpreter acts on it at a safe point, as CPython does:
//! a handler installed with `signal.signal` runs right after the call that
//! raised the signal (`os.kill`, `signal.raise_signal`) or between two loop
//! callbacks, and a handler installed with `loop.add_signal_handler` is
//! scheduled by the loop the way CPython's self-pipe reader schedules it:
//! the loop notices the signal when it polls for I/O, runs a reader
//! callback, and that callback queues the handler with `call_soon`.

use crate::vm::{Args, Value, Vm};
use std::sync::atomic::{AtomicU64, Ordering};

/// Bit `n` is set while signal `n` (1..=64) is pending.
static PENDING: AtomicU64 = AtomicU64::new(0);

/// Signal numbers run from 1 to `NSIG - 1`.
pub const NSIG: i32 = 65;

/// What a signal does when it arrives, as far as the OS handler goes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Disposition {
    Default,
    Ignore,
    /// Caught by aio's handler, which marks it pending.
    Catch,
}

#[cfg(unix)]
extern "C" fn on_signal(sig: libc::c_int) {
    if (1..NSIG).contains(&sig) {
        PENDING.fetch_or(1u64 << (sig - 1), Ordering::SeqCst);
    }
}

/// Installs the OS-level disposition of `sig`; the error number on failure
/// (CPython's `OSError: [Errno 22] Invalid argument` for SIGKILL).
#[cfg(unix)]
pub fn install(sig: i32, how: Disposition) -> Result<(), i32> {
    // SAFETY: sigaction with a zeroed struct, an empty mask and either a
    // standard disposition or a handler that only does an atomic or.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = match how {
            Disposition::Default => libc::SIG_DFL,
            Disposition::Ignore => libc::SIG_IGN,
            Disposition::Catch => on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t,
        };
        action.sa_flags = libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        if libc::sigaction(sig, &action, std::ptr::null_mut()) != 0 {
            return Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(22));
        }
    }
    Ok(())
}

#[cfg(not(unix))]
pub fn install(_sig: i32, _how: Disposition) -> Result<(), i32> {
    Err(22)
}

/// Takes the pending signals among `mask`, lowest number first.
fn take(mask: u64) -> Vec<i32> {
    let taken = PENDING.fetch_and(!mask, Ordering::SeqCst) & mask;
    (1..NSIG)
        .filter(|s| taken & (1u64 << (s - 1)) != 0)
        .collect()
}

fn bit(sig: i32) -> u64 {
    1u64 << (sig - 1)
}

/// After this process sent itself `sig`: waits (briefly) until the OS has
/// delivered it, since another thread of the process may be the one that
/// takes it, a moment later.
pub fn await_delivery(sig: i32) {
    if !(1..NSIG).contains(&sig) {
        return;
    }
    let start = std::time::Instant::now();
    while PENDING.load(Ordering::SeqCst) & bit(sig) == 0
        && start.elapsed() < std::time::Duration::from_millis(50)
    {
        std::thread::yield_now();
    }
}

impl SignalState {
    /// Whether aio catches `sig` (a handler or a loop handler is set).
    pub fn catches(&self, sig: i32) -> bool {
        self.loop_handlers.contains_key(&sig)
            || self
                .handlers
                .get(&sig)
                .is_some_and(|h| !matches!(h, Value::Int(_)))
    }
}

/// Whether any signal is pending at all (one load: called often).
#[inline]
pub fn any_pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Waits until a signal arrives (the loop has nothing else to wait for but
/// a signal handler it was given).
#[cfg(unix)]
pub fn wait_for_signal() {
    while !any_pending() {
        // SAFETY: pause(2) only blocks until a signal handler has run.
        unsafe {
            libc::pause();
        }
    }
}

#[cfg(not(unix))]
pub fn wait_for_signal() {}

/// Per-interpreter signal state.
#[derive(Default)]
pub struct SignalState {
    /// `signal.signal` handlers (callables), by signal number.
    pub handlers: std::collections::HashMap<i32, Value>,
    /// `loop.add_signal_handler` callbacks and their arguments.
    pub loop_handlers: std::collections::BTreeMap<i32, (Value, Vec<Value>)>,
}

impl SignalState {
    fn mask(&self, of_loop: bool) -> u64 {
        let mut m = 0;
        if of_loop {
            for s in self.loop_handlers.keys() {
                m |= bit(*s);
            }
        } else {
            for (s, h) in &self.handlers {
                // SIG_DFL and SIG_IGN are the ints 0 and 1: nothing to call.
                if !matches!(h, Value::Int(_)) && !self.loop_handlers.contains_key(s) {
                    m |= bit(*s);
                }
            }
        }
        m
    }
}

impl Vm {
    /// Runs the `signal.signal` handlers of pending signals: `handler(signum,
    /// frame)`. An exception a handler raises propagates from here.
    pub fn run_signal_handlers(&mut self) -> Result<(), Value> {
        if !any_pending() {
            return Ok(());
        }
        let mask = self.runtime.signals.mask(false);
        for sig in take(mask) {
            let Some(handler) = self.runtime.signals.handlers.get(&sig).cloned() else {
                continue;
            };
            self.call(&handler, Args::new([Value::Int(sig as i64), Value::None]))?;
        }
        Ok(())
    }

    /// The loop's I/O poll: a signal with a loop handler queues the reader
    /// callback that then schedules the handler (CPython's `_read_from_self`).
    pub(crate) fn poll_loop_signals(&mut self) {
        if !any_pending() || self.runtime.signals.loop_handlers.is_empty() {
            return;
        }
        let mask = self.runtime.signals.mask(true);
        let due = take(mask);
        if due.is_empty() {
            return;
        }
        let reader = crate::builtins::native(
            "_read_from_self",
            read_from_self,
            crate::vm::function::BuiltinKind::Function,
        );
        let args = due.into_iter().map(|s| Value::Int(s as i64)).collect();
        self.call_soon(super::handle::Callback::Call { func: reader, args });
    }
}

/// The reader callback: each signal's handler goes on the ready queue.
fn read_from_self(vm: &mut Vm, args: Args) -> crate::vm::PyResult {
    for sig in &args.pos {
        let Value::Int(sig) = sig else { continue };
        if let Some((callback, cb_args)) = vm.runtime.signals.loop_handlers.get(&(*sig as i32)) {
            let cb = super::handle::Callback::Call {
                func: callback.clone(),
                args: cb_args.clone(),
            };
            vm.call_soon(cb);
        }
    }
    Ok(Value::None)
}
