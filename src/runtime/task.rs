//! Tasks: a coroutine driven step by step by the event loop, exactly as
//! CPython's `Task.__step` / `__wakeup` do it.

use super::future::{FutCb, FutState, FutureData, TaskData, is_future, with_fut, with_task};
use super::handle::Callback;
use crate::vm::generator::GenKind;
use crate::vm::interp::{GenOutcome, Resume};
use crate::vm::native::NativeObj;
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// `loop.create_task(coro, name=None)`.
    pub fn create_task(&mut self, coro: Value, name: Value) -> Result<Value, Value> {
        self.create_task_in(coro, name, Value::None)
    }

    /// `create_task(coro, name=..., context=...)`: the task runs in
    /// `context`, or (None) in a copy of the current context, as CPython's.
    pub fn create_task_in(
        &mut self,
        coro: Value,
        name: Value,
        context: Value,
    ) -> Result<Value, Value> {
        match &coro {
            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                g.awaited.set(true);
            }
            _ if super::sleep::is_sleep(&coro) => super::sleep::mark_awaited(&coro),
            _ => {
                let r = self.repr(&coro)?;
                return Err(self.type_error(&format!("a coroutine was expected, got {r}")));
            }
        }
        // Only unnamed tasks consume a number, as in CPython.
        let name = if name.is_none() {
            self.runtime.task_counter += 1;
            Value::Int(self.runtime.task_counter as i64)
        } else {
            self.str_value(&name)?
        };
        let context = if context.is_none() && !self.runtime.context.is_none() {
            self.call_support("contextvars", "copy_context", Vec::new())?
        } else {
            context
        };
        self.runtime.task_seq += 1;
        let n = self.runtime.task_seq;
        if self.runtime.debug.enabled
            && let Some(site) = self.creation_site()
        {
            self.runtime.debug.created_at.insert(n, site);
        }
        let class = self.runtime_class("Task");
        let task = Value::Native(Rc::new(NativeObj {
            class,
            data: RefCell::new(Box::new(TaskData {
                fut: FutureData::new(),
                coro,
                name,
                must_cancel: false,
                fut_waiter: Value::None,
                num_cancels_requested: 0,
                seq: n,
                context,
            })),
            dict: RefCell::new(None),
        }));
        self.runtime.tasks.push(task.clone());
        self.call_soon(Callback::Step {
            task: task.clone(),
            exc: None,
        });
        Ok(task)
    }

    /// `Task.__step`.
    pub fn task_step(&mut self, task: &Value, exc: Option<Value>) -> Result<(), Value> {
        let Some((done, must_cancel, coro, context)) = with_task(task, |t| {
            (
                t.fut.done(),
                t.must_cancel,
                t.coro.clone(),
                t.context.clone(),
            )
        }) else {
            return Ok(());
        };
        if done {
            return Ok(());
        }
        let mut exc = exc;
        if must_cancel {
            if !exc.as_ref().is_some_and(|e| self.is_cancelled_error(e)) {
                exc = Some(self.make_cancelled_error(task));
            }
            with_task(task, |t| t.must_cancel = false);
        }
        with_task(task, |t| t.fut_waiter = Value::None);
        let prev = self.runtime.current_task.replace(task.clone());
        let prev_context =
            (!context.is_none()).then(|| std::mem::replace(&mut self.runtime.context, context));
        let r = match &coro {
            Value::Generator(g) => self.resume_gen(
                g,
                match exc {
                    Some(e) => Resume::Throw(e),
                    None => Resume::Send(Value::None),
                },
            ),
            // A native coroutine (asyncio.sleep) driven directly.
            _ => match exc {
                Some(e) => Err(e),
                None => match super::await_native(self, &coro) {
                    Ok(Some(crate::vm::awaiting::NativeAwait::Pending(y))) => {
                        Ok(GenOutcome::Yielded(y))
                    }
                    Ok(Some(crate::vm::awaiting::NativeAwait::Ready(v))) => {
                        Ok(GenOutcome::Returned(v))
                    }
                    Ok(None) => Ok(GenOutcome::Returned(Value::None)),
                    Err(e) => Err(e),
                },
            },
        };
        self.runtime.current_task = prev;
        if let Some(c) = prev_context {
            self.runtime.context = c;
        }
        match r {
            Ok(GenOutcome::Returned(v)) => {
                let must = with_task(task, |t| std::mem::replace(&mut t.must_cancel, false))
                    .unwrap_or(false);
                if must {
                    let msg = with_fut(task, |f| f.cancel_message.clone()).unwrap_or(Value::None);
                    self.future_cancel(task, msg);
                } else {
                    self.future_set_result(task, v)?;
                }
            }
            Err(e) => {
                if self.is_cancelled_error(&e) {
                    with_fut(task, |f| f.cancelled_exc = e.clone());
                    self.future_cancel(task, Value::None);
                } else if self.exc_matches_name(&e, "KeyboardInterrupt")
                    || self.exc_matches_name(&e, "SystemExit")
                {
                    let _ = self.future_set_exception(task, e.clone());
                    return Err(e);
                } else {
                    self.future_set_exception(task, e)?;
                }
            }
            Ok(GenOutcome::Yielded(y)) => {
                if is_future(&y) {
                    if y.is(task) {
                        let r = self.repr(task)?;
                        let e = self
                            .new_exc("RuntimeError", &format!("Task cannot await on itself: {r}"));
                        self.call_soon(Callback::Step {
                            task: task.clone(),
                            exc: Some(e),
                        });
                    } else {
                        self.future_add_callback(&y, FutCb::Wakeup(task.clone()));
                        with_task(task, |t| t.fut_waiter = y.clone());
                        let must = with_task(task, |t| t.must_cancel).unwrap_or(false);
                        if must {
                            let msg =
                                with_fut(task, |f| f.cancel_message.clone()).unwrap_or(Value::None);
                            if self.cancel_any(&y, msg)? {
                                with_task(task, |t| t.must_cancel = false);
                            }
                        }
                    }
                } else if y.is_none() {
                    self.call_soon(Callback::Step {
                        task: task.clone(),
                        exc: None,
                    });
                } else {
                    let r = self.repr(&y)?;
                    let e = self.new_exc("RuntimeError", &format!("Task got bad yield: {r}"));
                    self.call_soon(Callback::Step {
                        task: task.clone(),
                        exc: Some(e),
                    });
                }
            }
        }
        Ok(())
    }

    /// Cancels a future or task.
    pub fn cancel_any(&mut self, fut: &Value, msg: Value) -> Result<bool, Value> {
        if super::future::is_task(fut) {
            return self.task_cancel(fut, msg);
        }
        let children =
            with_fut(fut, |f| if f.done() { None } else { f.children.clone() }).flatten();
        if let Some(children) = children {
            // A gather's future: cancel the children; it follows them.
            let mut any = false;
            for c in &children {
                if self.cancel_any(c, msg.clone())? {
                    any = true;
                }
            }
            if any {
                with_fut(fut, |f| f.cancel_requested = true);
            }
            return Ok(any);
        }
        Ok(self.future_cancel(fut, msg))
    }

    /// `Task.cancel(msg)`.
    pub fn task_cancel(&mut self, task: &Value, msg: Value) -> Result<bool, Value> {
        let Some((done, waiter)) = with_task(task, |t| {
            if !t.fut.done() {
                t.num_cancels_requested += 1;
            }
            (t.fut.done(), t.fut_waiter.clone())
        }) else {
            return Ok(false);
        };
        if done {
            return Ok(false);
        }
        if !waiter.is_none() && self.cancel_any(&waiter, msg.clone())? {
            // The waiter's callbacks wake the task with CancelledError.
            return Ok(true);
        }
        with_task(task, |t| {
            t.must_cancel = true;
            t.fut.cancel_message = msg;
        });
        Ok(true)
    }

    pub fn is_cancelled_error(&self, e: &Value) -> bool {
        match (e, &self.runtime.classes) {
            (Value::Instance(i), Some(c)) => i.class.is_subclass(&c.cancelled_error),
            _ => false,
        }
    }

    /// Reports the failed tasks held back while an exception escaped.
    pub fn report_deferred(&mut self) {
        for t in std::mem::take(&mut self.runtime.deferred_reports) {
            self.report_unretrieved(&t);
        }
    }

    /// Prints "Task exception was never retrieved" for failed tasks whose
    /// exception nobody looked at (CPython does it when the task is freed).
    pub fn report_unretrieved(&mut self, task: &Value) {
        let failed = with_fut(task, |f| match &f.state {
            FutState::Failed(e) if f.log_traceback => {
                f.log_traceback = false;
                Some(e.clone())
            }
            _ => None,
        })
        .flatten();
        if let Some(e) = failed {
            self.flush();
            let r = self.repr(task).unwrap_or_default();
            let tb = self.format_traceback(&e);
            eprintln!(
                "Task exception was never retrieved\nfuture: {r}\n{}",
                tb.trim_end()
            );
        }
    }
}
