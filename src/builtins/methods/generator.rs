//! Generator (and coroutine) methods: `send`, `throw`, `close`.

use super::{bad_receiver, check, register};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::generator::{GenState, Generator};
use crate::vm::interp::{GenOutcome, Resume};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[("send", send), ("throw", throw), ("close", close)];
    register(vm, TypeId::Generator, table);
    register(vm, TypeId::Coroutine, table);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Rc<Generator>, Value> {
    match args.pos.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(bad_receiver(vm, args, "generator", name)),
    }
}

fn outcome(vm: &mut Vm, r: GenOutcome) -> PyResult {
    match r {
        GenOutcome::Yielded(v) => Ok(v),
        GenOutcome::Returned(v) => {
            let args = if v.is_none() { vec![] } else { vec![v] };
            Err(vm.new_exc_args("StopIteration", args))
        }
    }
}

fn send(vm: &mut Vm, args: Args) -> PyResult {
    let g = this(vm, &args, "send")?;
    check(vm, &args, "generator", "send", 1, 1)?;
    let r = vm.resume_gen(&g, Resume::Send(args.pos[1].clone()))?;
    outcome(vm, r)
}

fn throw(vm: &mut Vm, args: Args) -> PyResult {
    let g = this(vm, &args, "throw")?;
    check(vm, &args, "generator", "throw", 1, 3)?;
    let typ = args.pos[1].clone();
    let exc = match (&typ, args.pos.get(2)) {
        (Value::Class(_), Some(val)) if !val.is_none() => {
            if matches!(val, Value::Instance(_)) && vm.exception_matches(val, &typ)? {
                val.clone()
            } else {
                vm.call(&typ, Args::new([val.clone()]))?
            }
        }
        _ => vm.make_exception(typ)?,
    };
    let r = vm.resume_gen(&g, Resume::Throw(exc))?;
    outcome(vm, r)
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let g = this(vm, &args, "close")?;
    check(vm, &args, "generator", "close", 0, 0)?;
    let finished = matches!(*g.state.borrow(), GenState::Finished);
    if finished {
        return Ok(Value::None);
    }
    if !g.started.get() {
        *g.state.borrow_mut() = GenState::Finished;
        return Ok(Value::None);
    }
    let exit = vm.new_exc_empty("GeneratorExit");
    match vm.resume_gen(&g, Resume::Throw(exit)) {
        Ok(GenOutcome::Yielded(_)) => {
            Err(vm.new_exc("RuntimeError", "generator ignored GeneratorExit"))
        }
        Ok(GenOutcome::Returned(_)) => Ok(Value::None),
        Err(e)
            if vm.exc_matches_name(&e, "GeneratorExit")
                || vm.exc_matches_name(&e, "StopIteration") =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}
