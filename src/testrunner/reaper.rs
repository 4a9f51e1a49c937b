//! Killing the running tests when the runner itself is interrupted.
//!
//! Each test runs in its own process group, so a Ctrl-C at the terminal
//! reaches only the runner; without this, a test stuck in a loop would
//! outlive it. Running groups are kept in a fixed table of atomics, because
//! a signal handler may not lock or allocate.

use std::sync::atomic::{AtomicI32, Ordering};

const SLOTS: usize = 1024;
static GROUPS: [AtomicI32; SLOTS] = [const { AtomicI32::new(0) }; SLOTS];

/// Remembers a running test's process group until the guard drops. With
/// more tests at once than slots, the extra ones just go unrecorded.
pub struct Registered(Option<usize>);

pub fn register(pid: u32) -> Registered {
    let Ok(pid) = i32::try_from(pid) else {
        return Registered(None);
    };
    let slot = GROUPS.iter().position(|slot| {
        slot.compare_exchange(0, pid, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    });
    Registered(slot)
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Some(slot) = self.0 {
            GROUPS[slot].store(0, Ordering::SeqCst);
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP: kill every running test's group, then die
/// of the same signal as if there had been no handler.
#[cfg(unix)]
pub fn install_interrupt_handler() {
    extern "C" fn on_signal(signal: libc::c_int) {
        for slot in &GROUPS {
            let pgid = slot.load(Ordering::SeqCst);
            if pgid > 0 {
                // SAFETY: kill(2) is async-signal-safe and has no memory preconditions.
                unsafe {
                    libc::kill(-pgid, libc::SIGKILL);
                }
            }
        }
        // SAFETY: signal(2) and raise(3) are async-signal-safe; restoring the
        // default action first makes raise terminate the process.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
    let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only does async-signal-safe work (atomic loads,
        // kill, signal, raise).
        unsafe {
            libc::signal(signal, handler);
        }
    }
}

#[cfg(not(unix))]
pub fn install_interrupt_handler() {}
