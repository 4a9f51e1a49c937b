//! `range` methods.

use super::{bad_receiver, check, register};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::value::Range;
use crate::vm::{Value, Vm};
use num_bigint::BigInt;
use num_traits::Zero;
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[("index", index), ("count", count)];
    register(vm, TypeId::Range, table);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Rc<Range>, Value> {
    match args.pos.first() {
        Some(Value::Range(r)) => Ok(r.clone()),
        _ => Err(bad_receiver(vm, args, "range", name)),
    }
}

/// The position of `x` in `r`: arithmetic for ints, `==` item by item for
/// anything else (as CPython's sequence search does).
fn position(vm: &mut Vm, r: &Range, x: &Value) -> Result<Option<BigInt>, Value> {
    if let Some(i) = vm.to_bigint(x) {
        return Ok(r.position(&i));
    }
    let it = Value::Iter(Rc::new(RefCell::new(r.iter())));
    let mut k = BigInt::zero();
    while let Some(item) = vm.next(&it)? {
        if vm.eq(&item, x)? {
            return Ok(Some(k));
        }
        k += 1u8;
    }
    Ok(None)
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    let r = this(vm, &args, "index")?;
    check(vm, &args, "range", "index", 1, 1)?;
    match position(vm, &r, &args.pos[1])? {
        Some(k) => Ok(Value::from_bigint(k)),
        None => {
            let s = vm.repr(&args.pos[1])?;
            Err(vm.value_error(&format!("{s} is not in range")))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let r = this(vm, &args, "count")?;
    check(vm, &args, "range", "count", 1, 1)?;
    if vm.to_bigint(&args.pos[1]).is_some() {
        return Ok(Value::Int(position(vm, &r, &args.pos[1])?.is_some() as i64));
    }
    let it = Value::Iter(Rc::new(RefCell::new(r.iter())));
    let mut n = 0;
    while let Some(item) = vm.next(&it)? {
        if vm.eq(&item, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
