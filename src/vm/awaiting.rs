//! `await`, `yield from`, `async for` and `with` plumbing.

use super::frame::{Frame, ResumeKind};
use super::function::{Args, BoundMethod, PyResult};
use super::generator::{GenKind, GenState};
use super::interp::{Flow, Vm};
use super::value::Value;
use std::rc::Rc;

pub enum NativeAwait {
    Ready(Value),
    /// Not done: suspend the task, handing it this value (a future to
    /// wait on, or None for a bare yield).
    Pending(Value),
}

impl Vm {
    /// `YieldFrom`: stack `[..., sub, value]`.
    pub(crate) fn yield_from(&mut self, frame: &mut Frame, base: usize) -> Result<Flow, Value> {
        let len = frame.regs.len();
        let sub = frame.regs[len - 2].clone();
        if let Value::Generator(g) = &sub {
            let v = frame.pop();
            let frames = {
                let mut st = g.state.borrow_mut();
                match std::mem::replace(&mut *st, GenState::Running) {
                    GenState::Suspended(f) => f,
                    other => {
                        let finished = matches!(other, GenState::Finished);
                        *st = other;
                        drop(st);
                        if finished {
                            return match g.kind {
                                GenKind::Coroutine => Err(self.new_exc(
                                    "RuntimeError",
                                    "cannot reuse already awaited coroutine",
                                )),
                                GenKind::AsyncGenerator => {
                                    Err(self.new_exc_empty("StopAsyncIteration"))
                                }
                                GenKind::Generator => {
                                    frame.regs.pop();
                                    frame.regs.push(Value::None);
                                    Ok(Flow::Next)
                                }
                            };
                        }
                        let msg = match g.kind {
                            GenKind::Coroutine => "coroutine is being awaited already",
                            _ => "generator already executing",
                        };
                        let kind = if g.kind == GenKind::Coroutine {
                            "RuntimeError"
                        } else {
                            "ValueError"
                        };
                        return Err(self.new_exc(kind, msg));
                    }
                }
            };
            g.awaited.set(true);
            let started = g.started.replace(true);
            if self.frames.len() >= self.recursion_limit {
                *g.state.borrow_mut() = GenState::Suspended(frames);
                g.started.set(started);
                return Err(self.new_exc("RecursionError", "maximum recursion depth exceeded"));
            }
            let bottom = self.frames.len();
            for mut f in frames {
                if self.frames.len() == bottom {
                    f.kind = ResumeKind::Delegate;
                }
                self.frames.push(f);
            }
            if started && let Some(top) = self.frames.last_mut() {
                top.push(v);
            }
            return Ok(Flow::Switch);
        }
        match crate::runtime::await_native(self, &sub)? {
            Some(NativeAwait::Ready(r)) => {
                frame.regs.pop();
                frame.regs.pop();
                frame.regs.push(r);
                Ok(Flow::Next)
            }
            Some(NativeAwait::Pending(yielded)) => {
                frame.regs.pop();
                frame.ip -= 1;
                self.suspend_with(yielded, base)
            }
            None => {
                // A plain iterator under `yield from`.
                frame.regs.pop();
                match self.next(&sub)? {
                    Some(item) => {
                        frame.ip -= 1;
                        self.suspend_with(item, base)
                    }
                    None => {
                        frame.regs.pop();
                        frame.regs.push(Value::None);
                        Ok(Flow::Next)
                    }
                }
            }
        }
    }

    fn suspend_with(&mut self, v: Value, base: usize) -> Result<Flow, Value> {
        match self.yield_value(v, base)? {
            Some(exit) => Ok(Flow::Exit(exit)),
            None => Ok(Flow::Switch),
        }
    }

    pub fn get_awaitable(&mut self, v: Value) -> PyResult {
        match &v {
            Value::Generator(g) => match g.kind {
                GenKind::Coroutine => {
                    if g.is_running() {
                        return Err(
                            self.new_exc("RuntimeError", "coroutine is being awaited already")
                        );
                    }
                    Ok(v)
                }
                _ => Err(self.cannot_await(&v)),
            },
            Value::Instance(_) | Value::Native(_) => {
                if crate::runtime::is_native_awaitable(&v) {
                    return Ok(v);
                }
                let cls = self.types.class_of(&v);
                match cls.lookup_static("__await__") {
                    Some(f) => {
                        let it = self.call(&f, Args::new([v.clone()]))?;
                        match &it {
                            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                                Err(self.type_error("__await__() returned a coroutine"))
                            }
                            Value::Generator(_) | Value::Iter(_) => Ok(it),
                            _ => {
                                if self.types.class_of(&it).lookup_static("__next__").is_some() {
                                    return Ok(it);
                                }
                                let tn = self.type_name(&it);
                                Err(self.type_error(&format!(
                                    "__await__() returned non-iterator of type '{tn}'"
                                )))
                            }
                        }
                    }
                    None => {
                        let tn = self.type_name(&v);
                        Err(self.type_error(&format!("'{tn}' object can't be awaited")))
                    }
                }
            }
            _ => Err(self.cannot_await(&v)),
        }
    }

    fn cannot_await(&mut self, v: &Value) -> Value {
        let tn = self.type_name(v);
        let e = self.type_error(&format!("object {tn} can't be used in 'await' expression"));
        if matches!(v, Value::List(_) | Value::Tuple(_)) {
            self.set_hint(
                &e,
                "to wait for several awaitables, write 'await asyncio.gather(*aws)'",
            );
        }
        e
    }

    pub fn get_aiter(&mut self, v: Value) -> PyResult {
        if let Value::Generator(g) = &v
            && g.kind == GenKind::AsyncGenerator
        {
            return Ok(v);
        }
        let cls = self.types.class_of(&v);
        match cls.lookup_static("__aiter__") {
            Some(f) => self.call(&f, Args::new([v.clone()])),
            None => {
                let tn = self.type_name(&v);
                Err(self.type_error(&format!(
                    "'async for' requires an object with __aiter__ method, got {tn}"
                )))
            }
        }
    }

    pub fn get_anext(&mut self, it: &Value) -> PyResult {
        if let Value::Generator(g) = it
            && g.kind == GenKind::AsyncGenerator
        {
            self.register_asyncgen(g);
            return Ok(it.clone());
        }
        let cls = self.types.class_of(it);
        match cls.lookup_static("__anext__") {
            Some(f) => {
                let aw = self.call(&f, Args::new([it.clone()]))?;
                self.get_awaitable(aw)
            }
            None => {
                let tn = self.type_name(it);
                Err(self.type_error(&format!(
                    "'async for' received an invalid object from __anext__: {tn}"
                )))
            }
        }
    }

    pub fn before_with(&mut self, mgr: Value, is_async: bool) -> Result<(Value, Value), Value> {
        let cls = self.types.class_of(&mgr);
        let (enter_name, exit_name) = if is_async {
            ("__aenter__", "__aexit__")
        } else {
            ("__enter__", "__exit__")
        };
        let (enter, exit) = (cls.lookup_static(enter_name), cls.lookup_static(exit_name));
        let (Some(enter), Some(exit)) = (enter.clone(), exit.clone()) else {
            let tn = self.type_name(&mgr);
            let what = if is_async {
                "the asynchronous context manager protocol"
            } else {
                "the context manager protocol"
            };
            let missed = match (enter, exit) {
                (Some(_), None) => format!(" (missed {exit_name} method)"),
                _ => String::new(),
            };
            let e = self.type_error(&format!("'{tn}' object does not support {what}{missed}"));
            let other = if is_async { "__enter__" } else { "__aenter__" };
            if cls.lookup_static(other).is_some() {
                let hint = if is_async {
                    "use 'with': this is an ordinary context manager"
                } else {
                    "use 'async with': this is an asynchronous context manager"
                };
                self.set_hint(&e, hint);
            }
            return Err(e);
        };
        let bound_exit = Value::Method(Rc::new(BoundMethod {
            receiver: mgr.clone(),
            func: exit,
        }));
        let entered = self.call(&enter, Args::new([mgr]))?;
        Ok((bound_exit, entered))
    }

    pub fn import_module(&mut self, name: &str) -> PyResult {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        // A submodule's package is imported first, and the submodule
        // becomes an attribute of it, as CPython's import system does.
        let parent = match name.rsplit_once('.') {
            Some((pkg, _)) => Some(self.import_module(pkg)?),
            None => None,
        };
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        match crate::modules::load(self, name)? {
            Some(m) => {
                self.modules.insert(name.to_string(), m.clone());
                // `sys.modules` lists it too, once `sys` exists.
                let table = match self.modules.get("sys") {
                    Some(Value::Module(sys)) => sys.dict.borrow().get("modules").cloned(),
                    _ => None,
                };
                if let Some(table @ Value::Dict(_)) = table {
                    self.setitem(&table, Value::str(name), m.clone())?;
                }
                if let (Some(Value::Module(p)), Some((_, leaf))) = (parent, name.rsplit_once('.')) {
                    p.dict.borrow_mut().insert(leaf.into(), m.clone());
                }
                Ok(m)
            }
            None => {
                let e = self.new_exc("ModuleNotFoundError", &format!("No module named '{name}'"));
                Err(e)
            }
        }
    }

    /// `from m import *`: binds `m.__all__`, or every name of `m` not
    /// starting with an underscore, in `globals`.
    pub fn import_star(
        &mut self,
        m: &Value,
        globals: &crate::vm::function::Globals,
    ) -> Result<(), Value> {
        let Value::Module(mo) = m else {
            return Ok(());
        };
        let all = mo.dict.borrow().get("__all__").cloned();
        let pairs: Vec<(Value, Value)> = match all {
            Some(all) => {
                let names = self.collect(&all)?;
                let mut out = Vec::with_capacity(names.len());
                for n in names {
                    let Value::Str(s) = &n else {
                        let e = self.new_exc("TypeError", "Item in module.__all__ must be str");
                        return Err(e);
                    };
                    let v = self.getattr(m, s.as_str())?;
                    out.push((n.clone(), v));
                }
                out
            }
            None => mo
                .dict
                .borrow()
                .iter()
                .filter(|(k, _)| !k.starts_with('_'))
                .map(|(k, v)| (Value::str(&**k), v.clone()))
                .collect(),
        };
        let mut g = globals.borrow_mut();
        for (k, v) in pairs {
            if let Value::Str(s) = &k {
                g.insert(s.as_str().into(), v);
            }
        }
        Ok(())
    }

    /// Calls `module.name(*args)` of a support module written in the
    /// language (src/modules/lib), importing it on first use.
    pub fn call_support(&mut self, module: &str, name: &str, args: Vec<Value>) -> PyResult {
        let m = self.import_module(module)?;
        let f = self.getattr(&m, name)?;
        self.call(&f, Args::new(args))
    }
}
