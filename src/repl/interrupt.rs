//! Ctrl-C while a line runs. The terminal delivers SIGINT (rustyline only
//! sees Ctrl-C as a key while it is reading); the handler only sets a flag,
//! which the REPL's event loop polls between iterations and turns into a
//! cancellation of the line's task.
//!
//! Pure computation that never yields to the loop cannot see the flag (the
//! dispatch loop does not poll it, to stay fast). So a Ctrl-C that arrives
//! while the previous one is still unhandled ends the process instead of
//! leaving the user stuck.

use std::sync::atomic::{AtomicBool, Ordering};

static PENDING: AtomicBool = AtomicBool::new(false);

/// A line is running. A Ctrl-C between lines (the terminal is briefly in
/// its normal mode then, before the editor takes the next line) is dropped.
static RUNNING: AtomicBool = AtomicBool::new(false);

/// Marks the span in which Ctrl-C applies to the running line.
pub fn set_running(running: bool) {
    PENDING.store(false, Ordering::SeqCst);
    RUNNING.store(running, Ordering::SeqCst);
}

/// The line's task ended cancelled because of Ctrl-C: its KeyboardInterrupt
/// is reported as one word, not as a traceback.
static LINE_CANCELLED: AtomicBool = AtomicBool::new(false);

pub fn note_line_cancelled() {
    LINE_CANCELLED.store(true, Ordering::SeqCst);
}

pub fn take_line_cancelled() -> bool {
    LINE_CANCELLED.swap(false, Ordering::SeqCst)
}

/// Consumes a pending Ctrl-C.
pub fn take() -> bool {
    PENDING.swap(false, Ordering::SeqCst)
}

/// Forgets a Ctrl-C that nothing has taken yet.
pub fn clear() {
    PENDING.store(false, Ordering::SeqCst);
}

#[cfg(unix)]
extern "C" fn on_sigint(_sig: libc::c_int) {
    if !RUNNING.load(Ordering::SeqCst) {
        return;
    }
    if PENDING.swap(true, Ordering::SeqCst) {
        const MSG: &[u8] = b"\nKeyboardInterrupt (twice, not handled): leaving\n";
        // SAFETY: write(2) and _exit(2) are async-signal-safe.
        unsafe {
            libc::write(2, MSG.as_ptr().cast(), MSG.len());
            libc::_exit(130);
        }
    }
}

/// Installs the handler. rustyline swaps in its own while it reads a line
/// and restores this one afterwards.
#[cfg(unix)]
pub fn install() {
    // SAFETY: the handler only touches an atomic and async-signal-safe calls.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        sa.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(libc::SIGINT, &sa, std::ptr::null_mut());
    }
}

#[cfg(not(unix))]
pub fn install() {}
