//! The async runtime: our own single-threaded event loop with a FIFO ready
//! queue and a timer heap keyed by (deadline, sequence), run one iteration
//! at a time exactly like CPython's `BaseEventLoop._run_once`.

pub mod agen;
pub mod clock;
pub mod debug;
pub mod future;
pub mod handle;
pub mod io;
pub mod perturb;
pub mod signals;
pub mod sleep;
pub mod task;
pub mod waiting;

use crate::vm::awaiting::NativeAwait;
use crate::vm::class::Class;
use crate::vm::{Args, Value, Vm};
use clock::Clock;
use future::{FutState, with_fut};
use handle::{Callback, Handle, Timer, new_handle};
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::rc::Rc;

/// Classes the runtime creates its objects with.
pub struct RuntimeClasses {
    pub future: Rc<Class>,
    pub task: Rc<Class>,
    pub event_loop: Rc<Class>,
    pub handle: Rc<Class>,
    pub timer_handle: Rc<Class>,
    pub sleep: Rc<Class>,
    pub cancelled_error: Rc<Class>,
    pub invalid_state_error: Rc<Class>,
}

pub struct Runtime {
    pub clock: Clock,
    pub ready: VecDeque<Handle>,
    pub timers: BinaryHeap<Timer>,
    timer_seq: u64,
    pub running: bool,
    pub current_task: Option<Value>,
    /// The current `contextvars.Context`, or None while no program code
    /// has used contextvars (then tasks carry no context of their own).
    pub context: Value,
    /// The task `asyncio.run` is driving, while it runs.
    pub main_task: Option<Value>,
    pub task_counter: u64,
    /// Creation order of tasks (named or not).
    pub task_seq: u64,
    /// Async generators started while the loop runs, closed at shutdown.
    pub asyncgens: Vec<std::rc::Weak<crate::vm::generator::Generator>>,
    /// Tasks not yet finished, in creation order.
    pub tasks: Vec<Value>,
    pub loop_obj: Option<Value>,
    /// `set_event_loop` was called (also by `asyncio.run`): the policy no
    /// longer makes a loop on demand.
    pub loop_set: bool,
    pub classes: Option<RuntimeClasses>,
    /// Tasks that finished, to report unretrieved exceptions at shutdown.
    pub finished: Vec<Value>,
    since_compact: usize,
    /// Failed tasks to report once the uncaught exception is printed.
    pub deferred_reports: Vec<Value>,
    /// Inside `run_in_executor`: blocking sleeps add here, not to the clock.
    pub offload_ns: Option<u64>,
    /// Sockets, pipes and child processes the loop polls.
    pub io: io::Reactor,
    /// Native classes of modules other than the runtime's own, by name.
    pub native_classes: HashMap<&'static str, Rc<Class>>,
    /// `--perturb SEED`: ties in the schedule are taken in a seeded order.
    pub perturb: Option<perturb::Perturb>,
    /// asyncio's debug mode (`--debug`, `asyncio.run(debug=True)`,
    /// `loop.set_debug(True)`, `PYTHONASYNCIODEBUG`).
    pub debug: debug::DebugState,
    /// `signal.signal` and `loop.add_signal_handler` handlers.
    pub signals: signals::SignalState,
}

impl Runtime {
    /// Drops finished tasks from the live list, keeping failed ones whose
    /// exception was never retrieved for the shutdown report.
    pub fn compact_tasks(&mut self) {
        self.since_compact = 0;
        let mut keep = Vec::with_capacity(self.tasks.len());
        for t in self.tasks.drain(..) {
            match with_fut(&t, |f| {
                (
                    f.done(),
                    matches!(f.state, FutState::Failed(_)) && f.log_traceback,
                )
            }) {
                Some((false, _)) => keep.push(t),
                Some((true, true)) => self.finished.push(t),
                _ => {}
            }
        }
        self.tasks = keep;
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime {
            clock: Clock::new(false),
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            timer_seq: 0,
            running: false,
            current_task: None,
            context: Value::None,
            main_task: None,
            task_counter: 0,
            task_seq: 0,
            asyncgens: Vec::new(),
            tasks: Vec::new(),
            loop_obj: None,
            loop_set: false,
            classes: None,
            finished: Vec::new(),
            since_compact: 0,
            deferred_reports: Vec::new(),
            offload_ns: None,
            io: io::Reactor::default(),
            native_classes: HashMap::new(),
            perturb: None,
            debug: Default::default(),
            signals: Default::default(),
        }
    }
}

impl Vm {
    pub fn runtime_class(&mut self, name: &str) -> Rc<Class> {
        if self.runtime.classes.is_none() {
            let c = crate::modules::asyncio::make_classes(self);
            self.runtime.classes = Some(c);
        }
        let Some(c) = &self.runtime.classes else {
            return self.types.get(crate::vm::types::TypeId::Object).clone();
        };
        match name {
            "Future" => c.future.clone(),
            "Task" => c.task.clone(),
            "Loop" => c.event_loop.clone(),
            "Handle" => c.handle.clone(),
            "TimerHandle" => c.timer_handle.clone(),
            "Sleep" => c.sleep.clone(),
            "CancelledError" => c.cancelled_error.clone(),
            _ => c.invalid_state_error.clone(),
        }
    }

    pub fn call_soon(&mut self, cb: Callback) -> Handle {
        let h = new_handle(cb, 0.0);
        self.runtime.ready.push_back(h.clone());
        h
    }

    /// Schedules at an absolute loop time.
    pub fn call_at(&mut self, when: f64, cb: Callback) -> Handle {
        let h = new_handle(cb, when);
        self.runtime.timer_seq += 1;
        self.runtime.timers.push(Timer {
            when,
            seq: self.runtime.timer_seq,
            handle: h.clone(),
        });
        h
    }

    pub fn call_later(&mut self, delay: f64, cb: Callback) -> Handle {
        let when = self.runtime.clock.time() + delay;
        self.call_at(when, cb)
    }

    /// One loop iteration (CPython's `_run_once`).
    pub fn run_once(&mut self) -> Result<(), Value> {
        self.run_once_with(None, false)
    }

    /// `stopping`: the iteration after `loop.stop()` (CPython's
    /// `_stopping`), which polls without waiting and never jumps the clock.
    pub(crate) fn run_once_with(
        &mut self,
        max_wait: Option<std::time::Duration>,
        stopping: bool,
    ) -> Result<(), Value> {
        while let Some(t) = self.runtime.timers.peek() {
            if t.handle.cancelled.get() {
                self.runtime.timers.pop();
            } else {
                break;
            }
        }
        let timeout = if stopping || !self.runtime.ready.is_empty() {
            Some(0.0)
        } else {
            self.runtime
                .timers
                .peek()
                .map(|t| (t.when - self.runtime.clock.time()).max(0.0))
        };
        if timeout != Some(0.0) || self.loop_has_pending_io() {
            self.wait_for_events(timeout, max_wait);
        }
        self.poll_loop_signals();
        let end = self.runtime.clock.time() + 1e-9;
        let first_due = self.runtime.ready.len();
        while let Some(t) = self.runtime.timers.peek() {
            if t.handle.cancelled.get() {
                self.runtime.timers.pop();
                continue;
            }
            if t.when >= end {
                break;
            }
            if let Some(t) = self.runtime.timers.pop() {
                self.runtime.ready.push_back(t.handle);
            }
        }
        if let Some(perturb) = &mut self.runtime.perturb {
            let due = &mut self.runtime.ready.make_contiguous()[first_due..];
            perturb.shuffle_ties(due, |h| h.when);
        }
        let ntodo = self.runtime.ready.len();
        for _ in 0..ntodo {
            let Some(h) = self.runtime.ready.pop_front() else {
                break;
            };
            if h.cancelled.get() {
                continue;
            }
            let Some(cb) = h.callback.borrow_mut().take() else {
                continue;
            };
            if self.runtime.debug.enabled {
                self.run_callback_timed(cb, h.when)?;
            } else {
                self.run_callback(cb, h.when)?;
            }
            if crate::vm::generator::FINALIZE_PENDING.load(std::sync::atomic::Ordering::Relaxed) {
                self.run_finalizers();
            }
            self.run_signal_handlers()?;
            crate::modules::streams::close_dropped_writers(self);
        }
        Ok(())
    }

    /// `when` is the deadline of a timer's callback, 0 for `call_soon`'s.
    pub(crate) fn run_callback(&mut self, cb: Callback, when: f64) -> Result<(), Value> {
        let r = match cb {
            Callback::Step { task, exc } => self.task_step(&task, exc),
            Callback::Wakeup { task, fut } => {
                // `__wakeup`: the future's exception (or cancellation) is
                // thrown in; a result is read when the await re-runs.
                let exc = with_fut(&fut, |f| match &f.state {
                    FutState::Failed(e) => {
                        f.log_traceback = false;
                        Some(Some(e.clone()))
                    }
                    FutState::Cancelled => Some(None),
                    _ => None,
                })
                .flatten();
                let exc = match exc {
                    Some(Some(e)) => Some(e),
                    Some(None) => Some(self.make_cancelled_error(&fut)),
                    None => None,
                };
                self.task_step(&task, exc)
            }
            Callback::Call { func, args } => match self.call(&func, Args::new(args)) {
                Ok(_) => Ok(()),
                Err(e) => {
                    if self.exc_matches_name(&e, "SystemExit")
                        || self.exc_matches_name(&e, "KeyboardInterrupt")
                    {
                        return Err(e);
                    }
                    self.flush();
                    // The default exception handler's report: the message,
                    // the handle's repr, then the traceback.
                    let what =
                        crate::modules::asyncio::callback_source(self, &func).unwrap_or_default();
                    let handle = if when == 0.0 {
                        format!("<Handle {what}>")
                    } else {
                        let w = self.repr(&Value::Float(when)).unwrap_or_default();
                        format!("<TimerHandle when={w} {what}>")
                    };
                    let tb = self.format_traceback(&e);
                    eprintln!(
                        "Exception in callback {what}\nhandle: {handle}\n{}",
                        tb.trim_end()
                    );
                    Ok(())
                }
            },
            Callback::Io { reg } => {
                if reg.cancelled.get() {
                    return Ok(());
                }
                self.run_callback(
                    Callback::Call {
                        func: reg.func.clone(),
                        args: reg.args.clone(),
                    },
                    0.0,
                )
            }
            Callback::CreateTask { coro } => {
                let m = self.import_module("asyncio")?;
                let ensure = self.getattr(&m, "ensure_future")?;
                self.call(&ensure, Args::new([coro])).map(|_| ())
            }
            Callback::SetResultUnlessCancelled { fut, result } => {
                let cancelled =
                    with_fut(&fut, |f| matches!(f.state, FutState::Cancelled)).unwrap_or(true);
                if !cancelled {
                    let _ = self.future_set_result(&fut, result);
                }
                Ok(())
            }
            Callback::Settle { fut, result } => {
                let cancelled =
                    with_fut(&fut, |f| matches!(f.state, FutState::Cancelled)).unwrap_or(true);
                if !cancelled {
                    let _ = match result {
                        Ok(v) => self.future_set_result(&fut, v),
                        Err(e) => self.future_set_exception(&fut, e),
                    };
                }
                Ok(())
            }
        };
        self.runtime.since_compact += 1;
        if self.runtime.since_compact > self.runtime.tasks.len().max(64) {
            self.runtime.compact_tasks();
        }
        r
    }

    /// Runs the loop until `fut` is done.
    pub fn run_until_complete(&mut self, fut: &Value) -> Result<(), Value> {
        // After `fut` is done CPython's stop callback still needs one more
        // iteration, and every callback ready by then runs in it too.
        loop {
            if with_fut(fut, |f| f.done()).unwrap_or(true) {
                return self.run_once_with(None, true);
            }
            if self.runtime.ready.is_empty()
                && !self.loop_has_pending_io()
                && !self
                    .runtime
                    .timers
                    .iter()
                    .any(|t| !t.handle.cancelled.get())
            {
                if self.runtime.signals.loop_handlers.is_empty() {
                    return Err(self.deadlock_error());
                }
                // Nothing to run until a signal the loop handles arrives.
                self.flush();
                signals::wait_for_signal();
            }
            self.run_once()?;
        }
    }

    /// `asyncio.run(coro)`.
    pub fn asyncio_run(&mut self, coro: Value) -> Result<Value, Value> {
        if self.runtime.running {
            if let Value::Generator(g) = &coro {
                g.awaited.set(true);
            }
            let e = self.new_exc(
                "RuntimeError",
                "asyncio.run() cannot be called from a running event loop",
            );
            let in_repl = self
                .frames
                .iter()
                .any(|f| f.code.filename.starts_with("<python-input-"));
            let hint = if in_repl {
                "the REPL already runs an event loop: write 'await main()' instead"
            } else {
                "inside a coroutine, 'await' the coroutine instead of calling asyncio.run()"
            };
            self.set_hint(&e, hint);
            return Err(e);
        }
        let is_coro = match &coro {
            Value::Generator(g) => g.kind == crate::vm::generator::GenKind::Coroutine,
            // `asyncio.sleep(...)` is a native coroutine.
            Value::Native(n) => n.data.borrow().is::<sleep::SleepData>(),
            _ => false,
        };
        if !is_coro {
            let r = self.repr(&coro)?;
            return Err(self.value_error(&format!("a coroutine was expected, got {r}")));
        }
        // `asyncio.run` always runs on a new loop of its own.
        self.runtime.loop_obj = None;
        self.runtime.running = true;
        let main = self.create_task(coro, Value::None);
        let main = match main {
            Ok(t) => t,
            Err(e) => {
                self.runtime.running = false;
                return Err(e);
            }
        };
        self.runtime.main_task = Some(main.clone());
        let r = self.run_until_complete(&main);
        self.runtime.main_task = None;
        let r = match r {
            Ok(()) => self.future_result(&main),
            Err(e) => {
                // A SystemExit or KeyboardInterrupt from the main task is the
                // exception escaping here; CPython never reports that task
                // as unretrieved (a child's, though, it does).
                if e.is(&with_fut(&main, |f| match &f.state {
                    FutState::Failed(x) => x.clone(),
                    _ => Value::None,
                })
                .unwrap_or(Value::None))
                {
                    with_fut(&main, |f| f.log_traceback = false);
                }
                Err(e)
            }
        };
        let cleanup = self.finish_loop();
        self.runtime.running = false;
        self.runtime.current_task = None;
        // Like the Runner, leave no current loop behind.
        self.runtime.loop_set = true;
        self.runtime.compact_tasks();
        let finished: Vec<Value> = std::mem::take(&mut self.runtime.finished);
        if r.is_err() {
            // The escaping exception's traceback keeps the frames that
            // hold these tasks alive, so CPython reports them only after
            // the traceback, when everything is freed.
            self.runtime.deferred_reports.extend(finished);
        } else {
            for t in finished {
                self.report_unretrieved(&t);
            }
        }
        cleanup?;
        r
    }

    /// The end of a Runner: cancel leftover tasks, shut down async
    /// generators and the executor, then close and unset the loop.
    pub fn finish_loop(&mut self) -> Result<(), Value> {
        let mut cleanup = self.cancel_leftovers();
        if cleanup.is_ok() {
            cleanup = self.shutdown_tasks();
        }
        self.runtime.io.clear();
        crate::modules::subprocess::kill_leftovers();
        if let Some(l) = self.runtime.loop_obj.take() {
            crate::modules::asyncio::mark_closed(&l);
        }
        cleanup
    }

    /// CPython's `shutdown_asyncgens` and `shutdown_default_executor`, each
    /// run as a task (so they take task numbers, as there).
    fn shutdown_tasks(&mut self) -> Result<(), Value> {
        let m = self.import_module("asyncio")?;
        let agens: Vec<Value> = std::mem::take(&mut self.runtime.asyncgens)
            .into_iter()
            .filter_map(|w| w.upgrade())
            .filter(|g| !g.is_finished())
            .map(Value::Generator)
            .collect();
        for (name, args) in [
            ("_shutdown_asyncgens", vec![Value::list(agens)]),
            ("_shutdown_default_executor", vec![]),
        ] {
            let f = self.getattr(&m, name)?;
            let coro = self.call(&f, Args::new(args))?;
            let task = self.create_task(coro, Value::None)?;
            self.run_until_complete(&task)?;
        }
        Ok(())
    }

    /// `asyncio.run`'s shutdown: cancel what is left, in creation order, and
    /// run until those tasks finish.
    fn cancel_leftovers(&mut self) -> Result<(), Value> {
        let left: Vec<Value> = self
            .runtime
            .tasks
            .iter()
            .filter(|t| with_fut(t, |f| !f.done()).unwrap_or(false))
            .cloned()
            .collect();
        if left.is_empty() {
            return Ok(());
        }
        for t in &left {
            self.task_cancel(t, Value::None)?;
        }
        let m = self.import_module("asyncio")?;
        let gather = self.getattr(&m, "gather")?;
        let mut args = Args::new(left.iter().cloned());
        args.kw
            .push(("return_exceptions".into(), Value::Bool(true)));
        let outer = self.call(&gather, args)?;
        self.run_until_complete(&outer)?;
        for t in &left {
            let exc = with_fut(t, |f| match &f.state {
                FutState::Failed(e) => {
                    f.log_traceback = false;
                    Some(e.clone())
                }
                _ => None,
            })
            .flatten();
            if let Some(e) = exc {
                self.flush();
                let r = self.repr(t).unwrap_or_default();
                let tb = self.format_traceback(&e);
                eprintln!(
                    "unhandled exception during asyncio.run() shutdown\ntask: {r}\n{}",
                    tb.trim_end()
                );
            }
        }
        Ok(())
    }
}

pub fn native_repr(vm: &mut Vm, v: &Value) -> Result<Option<String>, Value> {
    crate::modules::asyncio::repr_of(vm, v)
}

pub fn native_truthy(_vm: &mut Vm, _v: &Value) -> Option<bool> {
    None
}

pub fn native_contains(vm: &mut Vm, c: &Value, item: &Value) -> Result<Option<bool>, Value> {
    crate::builtins::methods_hooks::contains(vm, c, item)
}

pub fn native_iter(vm: &mut Vm, v: &Value) -> Result<Option<Value>, Value> {
    crate::builtins::methods_hooks::iter(vm, v)
}

pub fn await_native(vm: &mut Vm, v: &Value) -> Result<Option<NativeAwait>, Value> {
    if let Some(done) = with_fut(v, |f| f.done()) {
        if !done {
            return Ok(Some(NativeAwait::Pending(v.clone())));
        }
        return vm.future_result(v).map(|r| Some(NativeAwait::Ready(r)));
    }
    if let Some(r) = sleep::await_sleep(vm, v)? {
        return Ok(Some(r));
    }
    if let Some(r) = agen::await_agen(vm, v)? {
        return Ok(Some(r));
    }
    Ok(None)
}

pub fn is_native_awaitable(v: &Value) -> bool {
    future::is_future(v) || sleep::is_sleep(v) || agen::is_agen_op(v)
}
