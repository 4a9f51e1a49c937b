//! Futures and the future half of tasks: state, done-callbacks, results.

use super::handle::Callback;
use crate::vm::native::NativeObj;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub enum FutState {
    Pending,
    Done(Value),
    Failed(Value),
    Cancelled,
}

pub enum FutCb {
    /// A task waiting on this future.
    Wakeup(Value),
    /// A callable taking the future.
    Py(Value),
}

pub struct FutureData {
    pub state: FutState,
    pub callbacks: Vec<FutCb>,
    pub cancel_message: Value,
    /// The CancelledError a cancelled task ended with, re-raised to awaiters.
    pub cancelled_exc: Value,
    /// An exception nobody has retrieved yet.
    pub log_traceback: bool,
    /// A gather's outer future: cancelling it cancels these instead.
    pub children: Option<Vec<Value>>,
    pub cancel_requested: bool,
}

impl FutureData {
    pub fn new() -> Self {
        FutureData {
            state: FutState::Pending,
            callbacks: Vec::new(),
            cancel_message: Value::None,
            cancelled_exc: Value::None,
            log_traceback: false,
            children: None,
            cancel_requested: false,
        }
    }
    pub fn done(&self) -> bool {
        !matches!(self.state, FutState::Pending)
    }
}

impl Default for FutureData {
    fn default() -> Self {
        Self::new()
    }
}

pub struct TaskData {
    pub fut: FutureData,
    pub coro: Value,
    /// A str, or for an unnamed task its number N: the name `Task-N` is
    /// made when asked for (as CPython 3.12+ does), which keeps a million
    /// idle tasks a string each lighter.
    pub name: Value,
    pub must_cancel: bool,
    pub fut_waiter: Value,
    pub num_cancels_requested: i64,
    pub seq: u64,
    /// The `contextvars.Context` each step runs in (None: no contextvars).
    pub context: Value,
}

impl TaskData {
    pub fn name(&self) -> Value {
        match &self.name {
            Value::Int(n) => Value::str(format!("Task-{n}")),
            other => other.clone(),
        }
    }
}

/// Runs `f` on the future state of a Future or Task value.
pub fn with_fut<R>(v: &Value, f: impl FnOnce(&mut FutureData) -> R) -> Option<R> {
    let Value::Native(n) = v else { return None };
    let mut data = n.data.borrow_mut();
    if let Some(fd) = data.downcast_mut::<FutureData>() {
        return Some(f(fd));
    }
    if let Some(td) = data.downcast_mut::<TaskData>() {
        return Some(f(&mut td.fut));
    }
    None
}

pub fn with_task<R>(v: &Value, f: impl FnOnce(&mut TaskData) -> R) -> Option<R> {
    let Value::Native(n) = v else { return None };
    let mut data = n.data.borrow_mut();
    data.downcast_mut::<TaskData>().map(f)
}

pub fn is_future(v: &Value) -> bool {
    with_fut(v, |_| ()).is_some()
}

pub fn is_task(v: &Value) -> bool {
    with_task(v, |_| ()).is_some()
}

pub fn native_ptr(v: &Value) -> Option<*const NativeObj> {
    match v {
        Value::Native(n) => Some(Rc::as_ptr(n)),
        _ => None,
    }
}

impl Vm {
    pub fn new_future(&mut self) -> Value {
        let class = self.runtime_class("Future");
        Value::Native(Rc::new(NativeObj {
            class,
            data: std::cell::RefCell::new(Box::new(FutureData::new())),
            dict: std::cell::RefCell::new(None),
        }))
    }

    /// Schedules the done-callbacks, in registration order.
    fn schedule_callbacks(&mut self, fut: &Value) {
        let cbs = with_fut(fut, |f| std::mem::take(&mut f.callbacks)).unwrap_or_default();
        for cb in cbs {
            match cb {
                FutCb::Wakeup(task) => {
                    self.call_soon(Callback::Wakeup {
                        task,
                        fut: fut.clone(),
                    });
                }
                FutCb::Py(func) => {
                    self.call_soon(Callback::Call {
                        func,
                        args: vec![fut.clone()],
                    });
                }
            }
        }
    }

    pub fn invalid_state(&mut self, msg: &str) -> Value {
        let cls = self.runtime_class("InvalidStateError");
        self.exc_from_class(&cls, vec![Value::str(msg)])
    }

    pub fn future_set_result(&mut self, fut: &Value, v: Value) -> Result<(), Value> {
        let ok = with_fut(fut, |f| {
            if f.done() {
                false
            } else {
                f.state = FutState::Done(v);
                true
            }
        });
        match ok {
            None => return Err(self.type_error("not a future")),
            Some(false) => return Err(self.invalid_state("invalid state")),
            Some(true) => {}
        }
        self.schedule_callbacks(fut);
        Ok(())
    }

    pub fn future_set_exception(&mut self, fut: &Value, e: Value) -> Result<(), Value> {
        let e = match &e {
            Value::Class(_) => self.call(&e, crate::vm::Args::default())?,
            _ => e,
        };
        if !self.exc_matches_name(&e, "BaseException") {
            return Err(self.type_error("invalid exception object"));
        }
        let e = if self.exc_matches_name(&e, "StopIteration") {
            let r = self.new_exc(
                "RuntimeError",
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            );
            self.set_cause(&r, &e);
            r
        } else {
            e
        };
        let ok = with_fut(fut, |f| {
            if f.done() {
                false
            } else {
                f.state = FutState::Failed(e);
                f.log_traceback = true;
                true
            }
        });
        match ok {
            None => return Err(self.type_error("not a future")),
            Some(false) => return Err(self.invalid_state("invalid state")),
            Some(true) => {}
        }
        self.schedule_callbacks(fut);
        Ok(())
    }

    /// `Future.cancel(msg)`: false if already done.
    pub fn future_cancel(&mut self, fut: &Value, msg: Value) -> bool {
        let ok = with_fut(fut, |f| {
            if f.done() {
                false
            } else {
                f.log_traceback = false;
                f.state = FutState::Cancelled;
                f.cancel_message = msg;
                true
            }
        })
        .unwrap_or(false);
        if ok {
            self.schedule_callbacks(fut);
        }
        ok
    }

    pub fn future_state_name(&self, fut: &Value) -> &'static str {
        with_fut(fut, |f| match f.state {
            FutState::Pending => "PENDING",
            FutState::Cancelled => "CANCELLED",
            _ => "FINISHED",
        })
        .unwrap_or("PENDING")
    }

    /// A CancelledError for a cancelled future: the saved one for a task
    /// that raised it, else a new one carrying the cancel message.
    pub fn make_cancelled_error(&mut self, fut: &Value) -> Value {
        let (saved, msg) = with_fut(fut, |f| {
            (
                std::mem::replace(&mut f.cancelled_exc, Value::None),
                f.cancel_message.clone(),
            )
        })
        .unwrap_or((Value::None, Value::None));
        if !saved.is_none() {
            return saved;
        }
        let cls = self.runtime_class("CancelledError");
        let args = if msg.is_none() { vec![] } else { vec![msg] };
        self.exc_from_class(&cls, args)
    }

    /// `Future.result()`.
    pub fn future_result(&mut self, fut: &Value) -> Result<Value, Value> {
        enum R {
            Pending,
            Ok(Value),
            Err(Value),
            Cancelled,
        }
        let r = with_fut(fut, |f| match &f.state {
            FutState::Pending => R::Pending,
            FutState::Done(v) => R::Ok(v.clone()),
            FutState::Failed(e) => {
                f.log_traceback = false;
                R::Err(e.clone())
            }
            FutState::Cancelled => R::Cancelled,
        });
        match r {
            Some(R::Ok(v)) => Ok(v),
            Some(R::Err(e)) => Err(e),
            Some(R::Cancelled) => Err(self.make_cancelled_error(fut)),
            Some(R::Pending) => Err(self.invalid_state("Result is not set.")),
            None => Err(self.type_error("not a future")),
        }
    }

    pub fn future_add_callback(&mut self, fut: &Value, cb: FutCb) {
        let done = with_fut(fut, |f| f.done()).unwrap_or(false);
        if done {
            match cb {
                FutCb::Wakeup(task) => {
                    self.call_soon(Callback::Wakeup {
                        task,
                        fut: fut.clone(),
                    });
                }
                FutCb::Py(func) => {
                    self.call_soon(Callback::Call {
                        func,
                        args: vec![fut.clone()],
                    });
                }
            }
        } else {
            with_fut(fut, |f| f.callbacks.push(cb));
        }
    }
}
