//! Methods of generators and coroutines: send, throw, close.

use super::method;
use crate::vm::function::{Args, PyResult};
use crate::vm::generator::{GenKind, GenState, Generator};
use crate::vm::interp::{GenOutcome, Resume};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    for t in [TypeId::Generator, TypeId::Coroutine] {
        method(vm, t, "send", gen_send);
        method(vm, t, "throw", gen_throw);
        method(vm, t, "close", gen_close);
    }
    method(vm, TypeId::Generator, "__next__", gen_next);
    method(vm, TypeId::Coroutine, "__await__", gen_iter);
    method(vm, TypeId::Generator, "__iter__", gen_iter);
}

fn receiver(vm: &mut Vm, args: &Args) -> Result<Rc<Generator>, Value> {
    match args.pos.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires a generator")),
    }
}

fn outcome(vm: &mut Vm, o: GenOutcome) -> PyResult {
    match o {
        GenOutcome::Yielded(v) => Ok(v),
        GenOutcome::Returned(r) => {
            let args = if r.is_none() { vec![] } else { vec![r] };
            Err(vm.new_exc_args("StopIteration", args))
        }
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult {
    let g = receiver(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    g.awaited.set(true);
    let o = vm.resume_gen(&g, Resume::Send(v))?;
    outcome(vm, o)
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult {
    let g = receiver(vm, &args)?;
    let o = vm.resume_gen(&g, Resume::Send(Value::None))?;
    outcome(vm, o)
}

fn gen_iter(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

/// `throw(exc)` / `throw(type, value)`: the exception instance to raise.
pub fn throw_value(vm: &mut Vm, args: &[Value]) -> PyResult {
    let Some(t) = args.first() else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    match t {
        Value::Class(_) => {
            let v = args.get(1).cloned();
            match v {
                Some(inst @ Value::Instance(_))
                    if vm.exception_matches(&inst, t).unwrap_or(false) =>
                {
                    Ok(inst)
                }
                Some(Value::None) | None => vm.make_exception(t.clone()),
                Some(other) => vm.call(t, Args::new([other])),
            }
        }
        other => vm.make_exception(other.clone()),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult {
    let g = receiver(vm, &args)?;
    let e = throw_value(vm, &args.pos[1..])?;
    g.awaited.set(true);
    let o = vm.resume_gen(&g, Resume::Throw(e))?;
    outcome(vm, o)
}

pub fn close_gen(vm: &mut Vm, g: &Rc<Generator>) -> PyResult {
    if !g.started.get() || g.is_finished() {
        *g.state.borrow_mut() = GenState::Finished;
        return Ok(Value::None);
    }
    let exit = vm.new_exc_empty("GeneratorExit");
    match vm.resume_gen(g, Resume::Throw(exit)) {
        Ok(GenOutcome::Yielded(_)) => {
            let what = match g.kind {
                GenKind::Coroutine => "coroutine ignored GeneratorExit",
                GenKind::AsyncGenerator => "async generator ignored GeneratorExit",
                GenKind::Generator => "generator ignored GeneratorExit",
            };
            Err(vm.new_exc("RuntimeError", what))
        }
        Ok(GenOutcome::Returned(v)) => Ok(v),
        Err(e) => {
            if vm.exc_matches_name(&e, "GeneratorExit") || vm.exc_matches_name(&e, "StopIteration")
            {
                Ok(Value::None)
            } else {
                Err(e)
            }
        }
    }
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult {
    let g = receiver(vm, &args)?;
    g.awaited.set(true);
    close_gen(vm, &g)
}

/// `split`, `subgroup` and `derive` of exception groups.
pub fn install_group_methods(vm: &mut Vm) {
    let cls = vm.types.exc("BaseExceptionGroup");
    cls.set_attr(
        "split".into(),
        super::native(
            "split",
            group_split,
            crate::vm::function::BuiltinKind::Method,
        ),
    );
    cls.set_attr(
        "subgroup".into(),
        super::native(
            "subgroup",
            group_subgroup,
            crate::vm::function::BuiltinKind::Method,
        ),
    );
    cls.set_attr(
        "derive".into(),
        super::native(
            "derive",
            group_derive,
            crate::vm::function::BuiltinKind::Method,
        ),
    );
}

fn group_split(vm: &mut Vm, args: Args) -> PyResult {
    let eg = args.pos.first().cloned().unwrap_or(Value::None);
    let t = args.pos.get(1).cloned().unwrap_or(Value::None);
    let (m, r) = vm.split_exception_group(&eg, &t)?;
    Ok(Value::tuple(vec![m, r]))
}

fn group_subgroup(vm: &mut Vm, args: Args) -> PyResult {
    let eg = args.pos.first().cloned().unwrap_or(Value::None);
    let t = args.pos.get(1).cloned().unwrap_or(Value::None);
    let (m, _) = vm.split_exception_group(&eg, &t)?;
    Ok(m)
}

fn group_derive(vm: &mut Vm, args: Args) -> PyResult {
    let eg = args.pos.first().cloned().unwrap_or(Value::None);
    let excs = args.pos.get(1).cloned().unwrap_or(Value::None);
    let msg = vm.getattr(&eg, "message")?;
    let cls = vm.types.exc("BaseExceptionGroup");
    vm.construct_group(&cls, &[msg, excs])
}

/// `asend`, `athrow`, `aclose`, `__anext__`, `__aiter__` and the builtins
/// `aiter` / `anext`.
pub fn install_async_gen(vm: &mut Vm) {
    method(vm, TypeId::AsyncGenerator, "asend", agen_asend);
    method(vm, TypeId::AsyncGenerator, "athrow", agen_athrow);
    method(vm, TypeId::AsyncGenerator, "aclose", agen_aclose);
    method(vm, TypeId::AsyncGenerator, "__anext__", agen_anext);
    method(vm, TypeId::AsyncGenerator, "__aiter__", gen_iter);
    super::function(vm, "aiter", builtin_aiter);
    super::function(vm, "anext", builtin_anext);
}

fn agen_receiver(vm: &mut Vm, args: &Args) -> Result<Rc<Generator>, Value> {
    match args.pos.first().and_then(crate::runtime::agen::async_gen) {
        Some(g) => Ok(g),
        None => Err(vm.type_error("descriptor requires an async_generator")),
    }
}

fn agen_asend(vm: &mut Vm, args: Args) -> PyResult {
    let g = agen_receiver(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(vm.new_agen_op(&g, crate::runtime::agen::Action::Send(v), None))
}

fn agen_anext(vm: &mut Vm, args: Args) -> PyResult {
    let g = agen_receiver(vm, &args)?;
    Ok(vm.new_agen_op(&g, crate::runtime::agen::Action::Send(Value::None), None))
}

fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult {
    let g = agen_receiver(vm, &args)?;
    let e = throw_value(vm, &args.pos[1..])?;
    Ok(vm.new_agen_op(&g, crate::runtime::agen::Action::Throw(e), None))
}

fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult {
    let g = agen_receiver(vm, &args)?;
    Ok(vm.new_agen_op(&g, crate::runtime::agen::Action::Close, None))
}

fn builtin_aiter(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    vm.get_aiter(v)
}

fn builtin_anext(vm: &mut Vm, args: Args) -> PyResult {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    let default = args.pos.get(1).cloned();
    if let Some(g) = crate::runtime::agen::async_gen(&it) {
        return Ok(vm.new_agen_op(&g, crate::runtime::agen::Action::Send(Value::None), default));
    }
    let cls = vm.types.class_of(&it);
    match cls.lookup_static("__anext__") {
        Some(f) => {
            let aw = vm.call(&f, Args::new([it.clone()]))?;
            match default {
                Some(d) => {
                    let m = vm.import_module("asyncio")?;
                    let wrap = vm.getattr(&m, "_anext_default")?;
                    vm.call(&wrap, Args::new([aw, d]))
                }
                None => Ok(aw),
            }
        }
        None => {
            let tn = vm.type_name(&it);
            Err(vm.type_error(&format!("'{tn}' object is not an async iterator")))
        }
    }
}
