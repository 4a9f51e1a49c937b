//! The interpreter's periodic look outside: at every backward jump (each
//! loop iteration) and every Python call it counts down, and when the count
//! runs out it checks what may have to stop the program — the memory budget,
//! the run's step budget (`--max-steps`) and its wall-clock limit
//! (`--timeout`). Counting down keeps the common case to one decrement.

use super::{PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};

/// Steps between two looks at the memory budget and the clock.
const POLL_EVERY: u32 = 1024;

/// The exit status of a run stopped by `--timeout` or `--max-steps`
/// (coreutils' `timeout` uses the same), distinct from a program's own.
pub const LIMIT_EXIT_STATUS: i32 = 124;

/// Set by the `--timeout` watchdog thread when the time is up.
static DEADLINE_PASSED: AtomicBool = AtomicBool::new(false);

#[derive(Debug, Clone)]
pub struct Watch {
    countdown: u32,
    /// The length the running countdown started at.
    chunk: u32,
    /// Steps taken so far (loop iterations and calls).
    steps: u64,
    /// `--max-steps`.
    max_steps: Option<u64>,
    /// `--timeout`, for the message.
    timeout: Option<f64>,
}

impl Default for Watch {
    fn default() -> Self {
        Watch {
            countdown: POLL_EVERY,
            chunk: POLL_EVERY,
            steps: 0,
            max_steps: None,
            timeout: None,
        }
    }
}

impl Watch {
    /// Applies the limits of a run; the timeout starts a watchdog thread that
    /// raises the flag, and ends the process itself if the program is stuck
    /// somewhere the interpreter cannot look (a blocking call).
    pub fn limit(&mut self, max_steps: Option<u64>, timeout: Option<f64>) {
        self.max_steps = max_steps;
        self.timeout = timeout;
        self.rearm();
        if let Some(secs) = timeout {
            start_watchdog(secs);
        }
    }
}

fn start_watchdog(secs: f64) {
    let _ = std::thread::Builder::new()
        .name("aio-timeout".into())
        .spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs_f64(secs));
            DEADLINE_PASSED.store(true, Ordering::Relaxed);
            // The interpreter stops at its next step; a program blocked in
            // the operating system gets a grace second, then is ended here.
            std::thread::sleep(std::time::Duration::from_secs(1));
            eprintln!("{}", timeout_message(secs));
            std::process::exit(LIMIT_EXIT_STATUS);
        });
}

fn timeout_message(secs: f64) -> String {
    format!(
        "aio: the program ran longer than its time limit of {secs} s and was stopped (--timeout)"
    )
}

impl Watch {
    /// Starts the next countdown: POLL_EVERY steps, or fewer when the step
    /// budget ends sooner.
    fn rearm(&mut self) {
        self.chunk = match self.max_steps {
            Some(max) => max.saturating_sub(self.steps).clamp(1, POLL_EVERY as u64) as u32,
            None => POLL_EVERY,
        };
        self.countdown = self.chunk;
    }
}

impl Vm {
    /// One step: a loop iteration or a call.
    #[inline(always)]
    pub fn tick(&mut self) -> PyResult<()> {
        self.watch.countdown -= 1;
        if self.watch.countdown == 0 {
            return self.look_outside();
        }
        Ok(())
    }

    #[cold]
    fn look_outside(&mut self) -> PyResult<()> {
        let w = &mut self.watch;
        w.steps += u64::from(w.chunk);
        w.rearm();
        if let Some(max) = w.max_steps
            && w.steps >= max
        {
            let msg = format!(
                "aio: the program took more than {max} steps (loop iterations and calls) \
                 and was stopped (--max-steps)"
            );
            self.stop_for_limit(&msg);
        }
        if DEADLINE_PASSED.load(Ordering::Relaxed) {
            let msg = timeout_message(self.watch.timeout.unwrap_or(0.0));
            self.stop_for_limit(&msg);
        }
        if crate::memory::over_budget() {
            return Err(self.new_exc_empty("MemoryError"));
        }
        Ok(())
    }

    /// Ends the process for a run limit: what the program printed is kept,
    /// then the message names the limit and the flag that raises it.
    fn stop_for_limit(&mut self, msg: &str) -> ! {
        self.flush();
        eprintln!("{msg}");
        std::process::exit(LIMIT_EXIT_STATUS);
    }
}
