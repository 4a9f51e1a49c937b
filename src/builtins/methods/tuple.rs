//! `tuple` methods.

use super::{b, bad_receiver, check, clamp_range, opt_index, register};
use crate::ast::{BinOp, CmpOp};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("index", index),
        ("count", count),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__add__", dunder_add),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
        ("__hash__", dunder_hash),
        ("__repr__", dunder_repr),
    ];
    register(vm, TypeId::Tuple, table);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Rc<Vec<Value>>, Value> {
    match args.pos.first() {
        Some(Value::Tuple(t)) => Ok(t.clone()),
        _ => Err(bad_receiver(vm, args, "tuple", name)),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "index")?;
    check(vm, &args, "tuple", "index", 1, 3)?;
    let st = opt_index(vm, args.pos.get(2))?;
    let en = opt_index(vm, args.pos.get(3))?;
    let (a, e) = clamp_range(t.len(), st, en);
    let x = &args.pos[1];
    for (i, it) in t.iter().enumerate().take(e).skip(a) {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "count")?;
    check(vm, &args, "tuple", "count", 1, 1)?;
    let mut n = 0;
    for it in t.iter() {
        if it.is(&args.pos[1]) || vm.eq(it, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__len__")?;
    check(vm, &args, "tuple", "__len__", 0, 0)?;
    Ok(Value::Int(t.len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__getitem__")?;
    check(vm, &args, "tuple", "__getitem__", 1, 1)?;
    vm.getitem(&Value::Tuple(t), &args.pos[1])
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__contains__")?;
    check(vm, &args, "tuple", "__contains__", 1, 1)?;
    b(vm.contains(&Value::Tuple(t), &args.pos[1])?)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__iter__")?;
    check(vm, &args, "tuple", "__iter__", 0, 0)?;
    vm.iter(&Value::Tuple(t))
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__add__")?;
    check(vm, &args, "tuple", "__add__", 1, 1)?;
    match &args.pos[1] {
        Value::Tuple(o) => {
            let mut v = t.to_vec();
            v.extend(o.iter().cloned());
            Ok(Value::tuple(v))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "can only concatenate tuple (not \"{tn}\") to tuple"
            )))
        }
    }
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__mul__")?;
    check(vm, &args, "tuple", "__mul__", 1, 1)?;
    match &args.pos[1] {
        n @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            vm.binary_op(BinOp::Mul, Value::Tuple(t), n.clone(), false)
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let t = this(vm, &args, name)?;
    check(vm, &args, "tuple", name, 1, 1)?;
    match &args.pos[1] {
        o @ Value::Tuple(_) => vm.compare(op, &Value::Tuple(t), o),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__eq__", CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__ne__", CmpOp::NotEq)
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__lt__", CmpOp::Lt)
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__le__", CmpOp::LtE)
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__gt__", CmpOp::Gt)
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__ge__", CmpOp::GtE)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__hash__")?;
    check(vm, &args, "tuple", "__hash__", 0, 0)?;
    Ok(Value::Int(vm.hash(&Value::Tuple(t))?))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let t = this(vm, &args, "__repr__")?;
    check(vm, &args, "tuple", "__repr__", 0, 0)?;
    Ok(Value::str(vm.repr(&Value::Tuple(t))?))
}
