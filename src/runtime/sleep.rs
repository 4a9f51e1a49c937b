//! `asyncio.sleep` as a native awaitable: the same steps as CPython's
//! coroutine (a future resolved by a `call_later` timer, or one bare yield
//! for a non-positive delay) without a Python frame.

use super::handle::{Callback, Handle};
use crate::vm::awaiting::NativeAwait;
use crate::vm::native::NativeObj;
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub struct SleepData {
    pub delay: f64,
    pub result: Value,
    started: bool,
    fut: Value,
    handle: Option<Handle>,
    /// Handed to a task or closed: no "never awaited" warning then.
    pub awaited: bool,
    /// Where it was created, for that warning: code and instruction.
    origin: Option<(Rc<crate::compiler::bytecode::Code>, usize)>,
}

impl Drop for SleepData {
    // An abandoned sleep (its task was cancelled) cancels its timer, as
    // CPython's `finally: h.cancel()` does.
    fn drop(&mut self) {
        if let Some(h) = &self.handle {
            h.cancelled.set(true);
        }
        if !self.started
            && !self.awaited
            && let Some((code, ip)) = &self.origin
        {
            // The same warning as for a Python coroutine never awaited.
            let line = code.line_at(ip.saturating_sub(1));
            let quoted = crate::vm::sources::line(&code.filename, line)
                .map(|l| format!("\n  {}", l.trim()))
                .unwrap_or_default();
            eprintln!(
                "{}:{line}: RuntimeWarning: coroutine 'sleep' was never awaited{quoted}\n  help: write 'await asyncio.sleep(...)'",
                code.filename
            );
        }
    }
}

pub fn is_sleep(v: &Value) -> bool {
    match v {
        Value::Native(n) => n.data.borrow().is::<SleepData>(),
        _ => false,
    }
}

/// Marks a sleep as taken care of (given to a task, or closed).
pub fn mark_awaited(v: &Value) {
    if let Value::Native(n) = v
        && let Some(s) = n.data.borrow_mut().downcast_mut::<SleepData>()
    {
        s.awaited = true;
    }
}

impl Vm {
    pub fn new_sleep(&mut self, delay: f64, result: Value) -> Value {
        let class = self.runtime_class("Sleep");
        let origin = self.frames.last().map(|f| (f.code.clone(), f.ip));
        Value::Native(Rc::new(NativeObj {
            class,
            data: RefCell::new(Box::new(SleepData {
                delay,
                result,
                started: false,
                fut: Value::None,
                handle: None,
                awaited: false,
                origin,
            })),
            dict: RefCell::new(None),
        }))
    }
}

pub fn await_sleep(vm: &mut Vm, v: &Value) -> Result<Option<NativeAwait>, Value> {
    let Value::Native(n) = v else { return Ok(None) };
    enum Step {
        Start(f64, Value),
        Resume(Value, Value, bool),
    }
    let step = {
        let data = n.data.borrow();
        let Some(s) = data.downcast_ref::<SleepData>() else {
            return Ok(None);
        };
        if s.started {
            Step::Resume(s.fut.clone(), s.result.clone(), s.delay <= 0.0)
        } else {
            Step::Start(s.delay, s.result.clone())
        }
    };
    match step {
        Step::Start(delay, result) => {
            if delay <= 0.0 {
                if let Some(s) = n.data.borrow_mut().downcast_mut::<SleepData>() {
                    s.started = true;
                }
                return Ok(Some(NativeAwait::Pending(Value::None)));
            }
            let fut = vm.new_future();
            let h = vm.call_later(
                delay,
                Callback::SetResultUnlessCancelled {
                    fut: fut.clone(),
                    result,
                },
            );
            if let Some(s) = n.data.borrow_mut().downcast_mut::<SleepData>() {
                s.started = true;
                s.fut = fut.clone();
                s.handle = Some(h);
            }
            Ok(Some(NativeAwait::Pending(fut)))
        }
        Step::Resume(fut, result, zero) => {
            if zero {
                return Ok(Some(NativeAwait::Ready(result)));
            }
            let done = super::future::with_fut(&fut, |f| f.done()).unwrap_or(true);
            if !done {
                return Ok(Some(NativeAwait::Pending(fut)));
            }
            if let Some(s) = n.data.borrow_mut().downcast_mut::<SleepData>()
                && let Some(h) = s.handle.take()
            {
                h.cancelled.set(true);
            }
            vm.future_result(&fut).map(|r| Some(NativeAwait::Ready(r)))
        }
    }
}
