//! The awaitables of async generators: `asend`, `athrow`, `aclose` (and so
//! `__anext__`/`anext()`). Each drives the generator's frames one step per
//! await: an `await` inside the generator suspends the task as usual, and
//! the generator's own `yield` completes the awaitable with that value.

use crate::compiler::bytecode::Op;
use crate::vm::awaiting::NativeAwait;
use crate::vm::generator::{GenKind, GenState, Generator};
use crate::vm::interp::{GenOutcome, Resume};
use crate::vm::native::NativeObj;
use crate::vm::{Value, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub enum Action {
    Send(Value),
    Throw(Value),
    Close,
}

pub struct AgenOp {
    gen_: Rc<Generator>,
    action: RefCell<Option<Action>>,
    closing: bool,
    default: Option<Value>,
    started: Cell<bool>,
}

pub fn is_agen_op(v: &Value) -> bool {
    match v {
        Value::Native(n) => n.data.borrow().is::<AgenOp>(),
        _ => false,
    }
}

impl Vm {
    /// CPython's `firstiter` hook: remember a started async generator so
    /// `asyncio.run` can close it at shutdown.
    pub fn register_asyncgen(&mut self, g: &Rc<Generator>) {
        if !self.runtime.running || g.started.get() {
            return;
        }
        // Weak, like CPython's WeakSet: a dropped generator is finalized.
        if !self
            .runtime
            .asyncgens
            .iter()
            .any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(g)))
        {
            self.runtime.asyncgens.retain(|w| w.strong_count() > 0);
            self.runtime.asyncgens.push(Rc::downgrade(g));
        }
    }

    pub fn new_agen_op(
        &mut self,
        g: &Rc<Generator>,
        action: Action,
        default: Option<Value>,
    ) -> Value {
        self.register_asyncgen(g);
        let class = self.runtime_class("Sleep");
        let closing = matches!(action, Action::Close);
        Value::Native(Rc::new(NativeObj {
            class,
            data: RefCell::new(Box::new(AgenOp {
                gen_: g.clone(),
                action: RefCell::new(Some(action)),
                closing,
                default,
                started: Cell::new(false),
            })),
            dict: RefCell::new(None),
        }))
    }
}

/// Whether the generator's last suspension was its own `yield` (not an
/// `await` inside it).
fn yielded_value(g: &Generator) -> bool {
    match &*g.state.borrow() {
        GenState::Suspended(frames) => match frames.last() {
            Some(f) => {
                frames.len() == 1
                    && f.code.flags.async_generator
                    && f.ip > 0
                    && matches!(f.code.ops.get(f.ip - 1), Some(Op::YieldValue))
            }
            None => false,
        },
        _ => false,
    }
}

pub fn await_agen(vm: &mut Vm, v: &Value) -> Result<Option<NativeAwait>, Value> {
    let Value::Native(n) = v else { return Ok(None) };
    let (g, action, closing, default, started) = {
        let data = n.data.borrow();
        let Some(op) = data.downcast_ref::<AgenOp>() else {
            return Ok(None);
        };
        (
            op.gen_.clone(),
            op.action.borrow_mut().take(),
            op.closing,
            op.default.clone(),
            op.started.replace(true),
        )
    };
    let resume = match action {
        Some(Action::Send(v)) => {
            if g.is_finished() {
                let e = vm.new_exc_empty("StopAsyncIteration");
                return finish_err(vm, e, default);
            }
            Resume::Send(v)
        }
        Some(Action::Throw(e)) => {
            if g.is_finished() || !g.started.get() {
                *g.state.borrow_mut() = GenState::Finished;
                return Err(e);
            }
            Resume::Throw(e)
        }
        Some(Action::Close) => {
            if g.is_finished() || !g.started.get() {
                *g.state.borrow_mut() = GenState::Finished;
                return Ok(Some(NativeAwait::Ready(Value::None)));
            }
            Resume::Throw(vm.new_exc_empty("GeneratorExit"))
        }
        None if started => Resume::Send(Value::None),
        None => Resume::Send(Value::None),
    };
    match vm.resume_gen(&g, resume) {
        Ok(GenOutcome::Yielded(y)) => {
            if yielded_value(&g) {
                if closing {
                    return Err(vm.new_exc("RuntimeError", "async generator ignored GeneratorExit"));
                }
                Ok(Some(NativeAwait::Ready(y)))
            } else {
                Ok(Some(NativeAwait::Pending(y)))
            }
        }
        Ok(GenOutcome::Returned(_)) => {
            if closing {
                Ok(Some(NativeAwait::Ready(Value::None)))
            } else {
                let e = vm.new_exc_empty("StopAsyncIteration");
                finish_err(vm, e, default)
            }
        }
        Err(e) => {
            if closing
                && (vm.exc_matches_name(&e, "GeneratorExit")
                    || vm.exc_matches_name(&e, "StopAsyncIteration"))
            {
                return Ok(Some(NativeAwait::Ready(Value::None)));
            }
            if default.is_some() && vm.exc_matches_name(&e, "StopAsyncIteration") {
                return finish_err(vm, e, default);
            }
            Err(e)
        }
    }
}

fn finish_err(
    _vm: &mut Vm,
    e: Value,
    default: Option<Value>,
) -> Result<Option<NativeAwait>, Value> {
    match default {
        Some(d) => Ok(Some(NativeAwait::Ready(d))),
        None => Err(e),
    }
}

pub fn async_gen(v: &Value) -> Option<Rc<Generator>> {
    match v {
        Value::Generator(g) if g.kind == GenKind::AsyncGenerator => Some(g.clone()),
        _ => None,
    }
}
