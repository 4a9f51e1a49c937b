//! Methods of `type` itself, reachable on every class (`C.mro()`).

use super::register;
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[("mro", mro), ("__subclasses__", subclasses)];
    register(vm, TypeId::Type, table);
}

fn this(
    vm: &mut Vm,
    args: &Args,
    name: &str,
) -> Result<std::rc::Rc<crate::vm::class::Class>, Value> {
    match args.pos.first() {
        Some(Value::Class(c)) => Ok(c.clone()),
        _ => Err(super::bad_receiver(vm, args, "type", name)),
    }
}

fn mro(vm: &mut Vm, args: Args) -> PyResult {
    let c = this(vm, &args, "mro")?;
    super::check(vm, &args, "type", "mro", 0, 0)?;
    Ok(Value::list(c.mro().into_iter().map(Value::Class).collect()))
}

/// Classes do not record their subclasses; an empty list.
fn subclasses(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__subclasses__")?;
    super::check(vm, &args, "type", "__subclasses__", 0, 0)?;
    Ok(Value::list(Vec::new()))
}
