//! asyncio's debug mode, as CPython's: a callback or task step that holds
//! the loop for `slow_callback_duration` (0.1 s) or longer is reported as
//! `Executing <Task ...> took 0.250 seconds` on the `asyncio` logger, and
//! tasks remember where they were created (`created at FILE:LINE` in their
//! repr). On top of CPython, the report names the line that held the loop
//! when it was a blocking `time.sleep` (under the virtual clock a blocking
//! sleep is what moves time during a step).

use super::handle::Callback;
use crate::vm::{Value, Vm};

#[derive(Debug, Clone)]
pub struct DebugState {
    pub enabled: bool,
    /// What a new loop starts with: `--debug` or `PYTHONASYNCIODEBUG`.
    pub default: bool,
    /// The longest blocking sleep of the running step: (seconds, where).
    pub held_by: Option<(f64, String)>,
    /// Where each task created in debug mode was created, by its number
    /// (kept aside so tasks cost nothing extra outside debug mode).
    pub created_at: std::collections::HashMap<u64, String>,
}

impl Default for DebugState {
    fn default() -> Self {
        let from_env = std::env::var_os("PYTHONASYNCIODEBUG").is_some_and(|v| !v.is_empty());
        DebugState {
            enabled: from_env,
            default: from_env,
            held_by: None,
            created_at: Default::default(),
        }
    }
}

impl Vm {
    /// Runs one callback and reports it if it held the loop too long.
    pub(crate) fn run_callback_timed(&mut self, cb: Callback, when: f64) -> Result<(), Value> {
        let task = match &cb {
            Callback::Step { task, .. } | Callback::Wakeup { task, .. } => Some(task.clone()),
            _ => None,
        };
        let handle = match (&task, &cb) {
            (None, Callback::Call { func, .. }) => {
                let what = crate::modules::asyncio::callback_source(self, func).unwrap_or_default();
                Some(format!("<Handle {what}>"))
            }
            _ => None,
        };
        self.runtime.debug.held_by = None;
        let t0 = self.runtime.clock.time();
        let result = self.run_callback(cb, when);
        let dt = self.runtime.clock.time() - t0;
        if dt >= self.slow_callback_duration() {
            let what = match (&task, handle) {
                (Some(t), _) => self.repr(t).unwrap_or_default(),
                (None, Some(h)) => h,
                (None, None) => "<Handle>".to_string(),
            };
            let mut message = format!("Executing {what} took {dt:.3} seconds");
            if let Some((secs, site)) = self.runtime.debug.held_by.take() {
                message.push_str(&format!(
                    "\n  help: the loop was held by time.sleep({secs}) at {site}; \
                     use `await asyncio.sleep({secs})` so other tasks can run"
                ));
            }
            self.log_asyncio_warning(&message);
        }
        result
    }

    /// `loop.slow_callback_duration` (0.1 s unless the program set it).
    fn slow_callback_duration(&mut self) -> f64 {
        let Some(lp) = self.runtime.loop_obj.clone() else {
            return 0.1;
        };
        match self.getattr(&lp, "slow_callback_duration") {
            Ok(Value::Float(x)) => x,
            Ok(Value::Int(i)) => i as f64,
            _ => 0.1,
        }
    }

    /// `logging.getLogger('asyncio').warning(message)`, as CPython reports.
    fn log_asyncio_warning(&mut self, message: &str) {
        self.flush();
        let logged = self
            .call_support("logging", "getLogger", vec![Value::str("asyncio")])
            .and_then(|logger| self.getattr(&logger, "warning"))
            .and_then(|warn| self.call(&warn, crate::vm::Args::new([Value::str(message)])));
        if logged.is_err() {
            eprintln!("{message}");
        }
        self.flush();
    }

    /// Where a blocking sleep of `seconds` is being made, for the slow-step
    /// report: the innermost frame of the program's own code.
    pub fn note_blocking_sleep(&mut self, seconds: f64) {
        if !self.runtime.debug.enabled || !self.runtime.running {
            return;
        }
        if self
            .runtime
            .debug
            .held_by
            .as_ref()
            .is_some_and(|(s, _)| *s >= seconds)
        {
            return;
        }
        if let Some(site) = self.user_site() {
            self.runtime.debug.held_by = Some((seconds, site));
        }
    }

    /// `file:line in function()` of the innermost frame of program code.
    pub fn user_site(&self) -> Option<String> {
        let f = self.innermost_user_frame()?;
        Some(format!(
            "{}:{} in {}()",
            f.code.filename,
            f.current_line(),
            f.code.qualname
        ))
    }

    /// `file:line` of the program's own code that is running, for
    /// `created at` in debug-mode task reprs.
    pub fn creation_site(&self) -> Option<String> {
        let f = self.innermost_user_frame()?;
        Some(format!("{}:{}", f.code.filename, f.current_line()))
    }

    fn innermost_user_frame(&self) -> Option<&crate::vm::frame::Frame> {
        self.frames
            .iter()
            .rev()
            .map(|f| &**f)
            .find(|f| super::waiting::is_user_file(&f.code.filename))
    }
}
