//! `range` methods.

use super::{bad_receiver, check, register};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::value::Range;
use crate::vm::{Value, Vm};

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[("index", index), ("count", count)];
    register(vm, TypeId::Range, table);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Range, Value> {
    match args.pos.first() {
        Some(Value::Range(r)) => Ok(**r),
        _ => Err(bad_receiver(vm, args, "range", name)),
    }
}

/// The position of `x` in `r`, comparing by value.
fn position(vm: &mut Vm, r: &Range, x: &Value) -> Result<Option<i64>, Value> {
    let i = match x {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Ok(None),
        other => {
            // Non-int values: compare item by item.
            for k in 0..r.len() {
                if vm.eq(&Value::Int(r.get(k)), other)? {
                    return Ok(Some(k));
                }
            }
            return Ok(None);
        }
    };
    let inside = if r.step > 0 {
        i >= r.start && i < r.stop
    } else {
        i <= r.start && i > r.stop
    };
    if inside && (i - r.start) % r.step == 0 {
        Ok(Some((i - r.start) / r.step))
    } else {
        Ok(None)
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    let r = this(vm, &args, "index")?;
    check(vm, &args, "range", "index", 1, 1)?;
    match position(vm, &r, &args.pos[1])? {
        Some(k) => Ok(Value::Int(k)),
        None => {
            let s = vm.repr(&args.pos[1])?;
            Err(vm.value_error(&format!("{s} is not in range")))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let r = this(vm, &args, "count")?;
    check(vm, &args, "range", "count", 1, 1)?;
    Ok(Value::Int(position(vm, &r, &args.pos[1])?.is_some() as i64))
}
