//! `__next__` and `__iter__` of the built-in iterators (`enumerate`, `zip`,
//! `map`, list and range iterators…), for code that calls them by name.

use super::{bad_receiver, check, register};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[("__next__", next), ("__iter__", iter)];
    register(vm, TypeId::Iterator, table);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Value, Value> {
    match args.pos.first() {
        Some(v @ Value::Iter(_)) => Ok(v.clone()),
        _ => Err(bad_receiver(vm, args, "iterator", name)),
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let it = this(vm, &args, "__next__")?;
    check(vm, &args, "iterator", "__next__", 0, 0)?;
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exc_empty("StopIteration")),
    }
}

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    let it = this(vm, &args, "__iter__")?;
    check(vm, &args, "iterator", "__iter__", 0, 0)?;
    Ok(it)
}
