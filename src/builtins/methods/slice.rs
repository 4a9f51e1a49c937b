//! `slice` methods.

use super::{bad_receiver, check, register};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[("indices", indices)];
    register(vm, TypeId::Slice, table);
}

fn indices(vm: &mut Vm, args: Args) -> PyResult {
    let s = match args.pos.first() {
        Some(Value::Slice(s)) => s.clone(),
        _ => return Err(bad_receiver(vm, &args, "slice", "indices")),
    };
    check(vm, &args, "slice", "indices", 1, 1)?;
    let len = vm.index_value(&args.pos[1])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let si = vm.slice_indices(&s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(si.start),
        Value::Int(si.stop),
        Value::Int(si.step),
    ]))
}
