//! How the REPL drives the event loop: a line's awaited work runs to the end
//! (interruptible by Ctrl-C), and between lines the loop runs what is ready
//! or due without ever sleeping, so the REPL can wait for input instead.
//!
//! Everything here uses the runtime's public state and `run_once`, which
//! only sleeps when nothing is ready and no timer is due — a case these
//! functions never hand it, except to let the virtual clock jump while a
//! line awaits.

use super::interrupt;
use crate::runtime::future::{FutState, with_fut};
use crate::vm::{Value, Vm};
use std::time::Duration;

/// How long to sleep at most while a line waits on the real clock, so that
/// Ctrl-C is noticed promptly.
const POLL: Duration = Duration::from_millis(50);

/// How often the idle REPL polls open sockets and pipes.
const IO_POLL: Duration = Duration::from_millis(20);

impl Vm {
    /// Drops cancelled timers from the top of the heap, so that its top is
    /// the next live deadline (`run_once` would otherwise sleep towards it
    /// after popping them, where Ctrl-C and input cannot reach it).
    fn prune_cancelled_timers(&mut self) {
        while self
            .runtime
            .timers
            .peek()
            .is_some_and(|t| t.handle.cancelled.get())
        {
            self.runtime.timers.pop();
        }
    }

    /// When the earliest live timer is due, in loop time.
    fn next_deadline(&mut self) -> Option<f64> {
        self.prune_cancelled_timers();
        self.runtime.timers.peek().map(|t| t.when)
    }

    /// Something to do right now: a ready callback or a due timer.
    pub fn loop_has_work(&mut self) -> bool {
        if !self.runtime.ready.is_empty() {
            return true;
        }
        let now = self.runtime.clock.time();
        self.next_deadline().is_some_and(|when| when < now + 1e-9)
    }

    /// How long the REPL may wait for input before the loop has work:
    /// `None` is "until input comes". On the virtual clock time does not
    /// pass while the user types, so timers only move when a line awaits.
    pub fn idle_timeout(&mut self) -> Option<Duration> {
        if self.loop_has_work() {
            return Some(Duration::ZERO);
        }
        // With sockets or pipes open, come back often to poll them.
        let io_cap = self.loop_has_pending_io().then_some(IO_POLL);
        if self.runtime.clock.is_virtual() {
            return io_cap;
        }
        let Some(deadline) = self.next_deadline() else {
            return io_cap;
        };
        let wait =
            Duration::from_secs_f64((deadline - self.runtime.clock.time()).clamp(0.0, 3600.0));
        Some(io_cap.map_or(wait, |c| c.min(wait)))
    }

    /// Runs ready callbacks and due timers, at most `limit` iterations,
    /// without jumping the clock.
    pub fn run_ready_bounded(&mut self, limit: usize) -> Result<(), Value> {
        for _ in 0..limit {
            if self.loop_has_work() {
                self.run_once()?;
            } else if self.loop_has_pending_io() {
                // Poll sockets and pipes without waiting or moving the
                // clock, and run what they made ready.
                self.run_once_with(Some(Duration::ZERO), true)?;
                if !self.loop_has_work() {
                    break;
                }
            } else {
                break;
            }
        }
        Ok(())
    }

    /// Runs ready callbacks and due timers without jumping the clock.
    pub fn run_ready(&mut self) -> Result<(), Value> {
        self.run_ready_bounded(100_000)
    }

    /// Awaits a coroutine on the REPL's long-lived loop: other tasks keep
    /// their state between lines, nothing is cancelled afterwards. Ctrl-C
    /// cancels the line's task, as `python -m asyncio` does, and the line
    /// then fails with KeyboardInterrupt. With `patient`, awaiting something
    /// that nothing will ever complete waits for Ctrl-C as CPython does;
    /// otherwise (scripted sessions) it fails at once.
    pub fn repl_await(&mut self, coro: Value, patient: bool) -> Result<Value, Value> {
        self.runtime.running = true;
        interrupt::clear();
        let task = self.create_task(coro, Value::None)?;
        let mut interrupted = false;
        loop {
            let done = with_fut(&task, |f| f.done()).unwrap_or(true);
            if done {
                // CPython's stop callback needs one more iteration; like
                // CPython's `_stopping` one it polls without waiting.
                self.run_once_with(None, true)?;
                break;
            }
            if interrupt::take() {
                if patient {
                    // The terminal echoed `^C`; what the cancelled work
                    // prints should start on a line of its own.
                    self.flush();
                    eprintln!();
                }
                interrupted = true;
                self.task_cancel(&task, Value::None)?;
                continue;
            }
            if self.loop_has_work() {
                self.run_once()?;
                continue;
            }
            if self.loop_has_pending_io() {
                // Sockets or pipes: one iteration that waits for them (and
                // for timers) at most `POLL`, so Ctrl-C is still noticed.
                self.flush();
                self.run_once_bounded(POLL)?;
                continue;
            }
            match self.next_deadline() {
                Some(_) if self.runtime.clock.is_virtual() => self.run_once()?,
                Some(when) => {
                    self.flush();
                    let wait = (when - self.runtime.clock.time()).max(0.0);
                    std::thread::sleep(POLL.min(Duration::from_secs_f64(wait.min(3600.0))));
                }
                None if patient => {
                    self.flush();
                    std::thread::sleep(POLL);
                }
                None => return Err(self.deadlock_error()),
            }
        }
        let cancelled =
            with_fut(&task, |f| matches!(f.state, FutState::Cancelled)).unwrap_or(false);
        if interrupted && cancelled {
            interrupt::note_line_cancelled();
            return Err(self.new_exc_empty("KeyboardInterrupt"));
        }
        self.future_result(&task)
    }
}
