//! `set` and `frozenset` methods.

use super::{b, bad_receiver, check, register};
use crate::ast::{BinOp, CmpOp};
use crate::vm::dict::Dict;
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let shared: &[(&str, NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__or__", dunder_or),
        ("__and__", dunder_and),
        ("__sub__", dunder_sub),
        ("__xor__", dunder_xor),
        ("__ror__", dunder_ror),
        ("__rand__", dunder_rand),
        ("__rsub__", dunder_rsub),
        ("__rxor__", dunder_rxor),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__le__", dunder_le),
        ("__lt__", dunder_lt),
        ("__ge__", dunder_ge),
        ("__gt__", dunder_gt),
        ("__repr__", dunder_repr),
    ];
    register(vm, TypeId::Set, shared);
    register(vm, TypeId::FrozenSet, shared);
    let mutating: &[(&str, NativeFn)] = &[
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("clear", clear),
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("__ior__", dunder_ior),
        ("__iand__", dunder_iand),
        ("__isub__", dunder_isub),
        ("__ixor__", dunder_ixor),
    ];
    register(vm, TypeId::Set, mutating);
    crate::builtins::method(vm, TypeId::FrozenSet, "__hash__", dunder_hash);
}

fn tname(args: &Args) -> &'static str {
    match args.pos.first() {
        Some(Value::FrozenSet(_)) => "frozenset",
        _ => "set",
    }
}

/// The receiver's entries (set or frozenset), by value.
fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Dict, Value> {
    match args.pos.first() {
        Some(Value::Set(s)) => Ok(s.borrow().set_copy()),
        Some(Value::FrozenSet(s)) => Ok(s.set_copy()),
        _ => Err(bad_receiver(vm, args, "set", name)),
    }
}

/// The receiver of a mutating method.
/// The receiver's own table (same slot layout), for methods that iterate it.
fn receiver_table(args: &Args) -> Option<Dict> {
    match args.pos.first() {
        Some(Value::Set(s)) => Some(s.borrow().clone()),
        Some(Value::FrozenSet(s)) => Some((**s).clone()),
        _ => None,
    }
}

fn this_mut(vm: &mut Vm, args: &Args, name: &str) -> Result<Rc<RefCell<Dict>>, Value> {
    match args.pos.first() {
        Some(Value::Set(s)) => Ok(s.clone()),
        _ => Err(bad_receiver(vm, args, "set", name)),
    }
}

/// Wraps entries in the receiver's type.
fn same_kind(args: &Args, d: Dict) -> Value {
    match args.pos.first() {
        Some(Value::FrozenSet(_)) => Value::FrozenSet(Rc::new(d)),
        _ => Value::Set(Rc::new(RefCell::new(d))),
    }
}

/// Any iterable's items as set entries (hash, key).
fn entries(vm: &mut Vm, v: &Value) -> Result<Dict, Value> {
    match v {
        Value::Set(s) => Ok(s.borrow().clone()),
        Value::FrozenSet(s) => Ok((**s).clone()),
        _ => {
            let items = vm.collect(v)?;
            let mut d = Dict::new_set();
            for it in items {
                let h = vm.hash(&it)?;
                d.insert(h, it, Value::None);
            }
            Ok(d)
        }
    }
}

fn no_kw(vm: &mut Vm, args: &Args, name: &str) -> Result<(), Value> {
    if !args.kw.is_empty() {
        let t = tname(args);
        return Err(vm.type_error(&format!("{t}.{name}() takes no keyword arguments")));
    }
    Ok(())
}

fn union_into(vm: &mut Vm, d: &mut Dict, others: &[Value]) -> Result<(), Value> {
    for o in others {
        if is_setlike(o) {
            let e = entries(vm, o)?;
            d.set_merge(&e);
            continue;
        }
        let e = entries(vm, o)?;
        for en in e.iter() {
            d.insert(en.hash, en.key.clone(), Value::None);
        }
    }
    Ok(())
}

/// CPython's `set_intersection`, once per argument: with a set, iterate
/// the smaller one (the argument on a tie); with another iterable, iterate
/// it. The result's slot order depends on which side was iterated.
fn intersect_into(vm: &mut Vm, d: &mut Dict, others: &[Value]) -> Result<(), Value> {
    for o in others {
        let mut n = Dict::new_set();
        if is_setlike(o) {
            let e = entries(vm, o)?;
            let (small, big) = if e.len() > d.len() {
                (&*d, &e)
            } else {
                (&e, &*d)
            };
            for en in small.iter() {
                if big.contains(en.hash, &en.key) {
                    n.insert(en.hash, en.key.clone(), Value::None);
                }
            }
        } else {
            for it in vm.collect(o)? {
                let h = vm.hash(&it)?;
                if d.contains(h, &it) {
                    n.insert(h, it, Value::None);
                }
            }
        }
        *d = n;
    }
    Ok(())
}

fn difference_into(vm: &mut Vm, d: &mut Dict, others: &[Value]) -> Result<(), Value> {
    for o in others {
        let e = entries(vm, o)?;
        for en in e.iter() {
            d.remove(en.hash, &en.key);
        }
    }
    Ok(())
}

fn symdiff_into(vm: &mut Vm, d: &mut Dict, other: &Value) -> Result<(), Value> {
    let e = entries(vm, other)?;
    for en in e.iter() {
        if d.remove(en.hash, &en.key).is_none() {
            d.insert(en.hash, en.key.clone(), Value::None);
        }
    }
    Ok(())
}

fn copy(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "copy")?;
    check(vm, &args, tname(&args), "copy", 0, 0)?;
    Ok(same_kind(&args, d))
}

fn union(vm: &mut Vm, args: Args) -> PyResult {
    let mut d = this(vm, &args, "union")?;
    no_kw(vm, &args, "union")?;
    union_into(vm, &mut d, &args.pos[1..])?;
    Ok(same_kind(&args, d))
}

fn intersection(vm: &mut Vm, args: Args) -> PyResult {
    let mut d = this(vm, &args, "intersection")?;
    no_kw(vm, &args, "intersection")?;
    // Each step iterates the previous result as laid out, not a copy.
    if args.pos.len() > 1 {
        d = receiver_table(&args).unwrap_or(d);
    }
    intersect_into(vm, &mut d, &args.pos[1..])?;
    Ok(same_kind(&args, d))
}

fn difference(vm: &mut Vm, args: Args) -> PyResult {
    let mut d = this(vm, &args, "difference")?;
    no_kw(vm, &args, "difference")?;
    // CPython's `set_difference` for the first argument: a set or dict that
    // is not much smaller than the receiver gives a result built by
    // iterating the receiver; later arguments are removed in place.
    if let Some(other) = args.pos.get(1)
        && (is_setlike(other) || matches!(other, Value::Dict(_)))
    {
        let e = entries(vm, other)?;
        if (d.len() >> 2) <= e.len() {
            let mine = receiver_table(&args).unwrap_or_default();
            let mut n = Dict::new_set();
            for en in mine.iter() {
                if !e.contains(en.hash, &en.key) {
                    n.insert(en.hash, en.key.clone(), Value::None);
                }
            }
            difference_into(vm, &mut n, &args.pos[2..])?;
            return Ok(same_kind(&args, n));
        }
    }
    difference_into(vm, &mut d, &args.pos[1..])?;
    Ok(same_kind(&args, d))
}

/// CPython's `set_symmetric_difference`: a copy of the argument, updated
/// with the receiver's entries in the receiver's order.
fn symmetric_difference(vm: &mut Vm, args: Args) -> PyResult {
    let mine = match args.pos.first() {
        Some(Value::Set(s)) => s.borrow().clone(),
        Some(Value::FrozenSet(s)) => (**s).clone(),
        _ => return Err(bad_receiver(vm, &args, "set", "symmetric_difference")),
    };
    check(vm, &args, tname(&args), "symmetric_difference", 1, 1)?;
    let other = &args.pos[1];
    let mut d = if is_setlike(other) {
        entries(vm, other)?.set_copy()
    } else {
        entries(vm, other)?
    };
    for en in mine.iter() {
        if d.remove(en.hash, &en.key).is_none() {
            d.insert(en.hash, en.key.clone(), Value::None);
        }
    }
    Ok(same_kind(&args, d))
}

fn issubset(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "issubset")?;
    check(vm, &args, tname(&args), "issubset", 1, 1)?;
    let o = Value::FrozenSet(Rc::new(entries(vm, &args.pos[1])?));
    all_in(vm, &d, &o)
}

/// Whether every element of `d` is in the set `o` (user `__eq__` included).
fn all_in(vm: &mut Vm, d: &Dict, o: &Value) -> PyResult {
    for e in d.iter() {
        if !vm.set_contains_raw(o, e.hash, &e.key)? {
            return b(false);
        }
    }
    b(true)
}

fn issuperset(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "issuperset")?;
    check(vm, &args, tname(&args), "issuperset", 1, 1)?;
    let o = entries(vm, &args.pos[1])?;
    let me = Value::FrozenSet(Rc::new(d.set_copy()));
    all_in(vm, &o, &me)
}

fn isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "isdisjoint")?;
    check(vm, &args, tname(&args), "isdisjoint", 1, 1)?;
    let o = entries(vm, &args.pos[1])?;
    b(!o.iter().any(|e| d.contains(e.hash, &e.key)))
}

// ------------------------------------------------------------ mutation

fn add(vm: &mut Vm, args: Args) -> PyResult {
    let s = this_mut(vm, &args, "add")?;
    check(vm, &args, "set", "add", 1, 1)?;
    let h = vm.hash(&args.pos[1])?;
    let key = vm.canon_key_of(&s, h, &args.pos[1])?;
    vm.room_for_key(&s)?;
    s.borrow_mut().insert(h, key, Value::None);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    let s = this_mut(vm, &args, "remove")?;
    check(vm, &args, "set", "remove", 1, 1)?;
    let h = vm.hash(&args.pos[1])?;
    let key = vm.canon_key_of(&s, h, &args.pos[1])?;
    let r = s.borrow_mut().remove(h, &key);
    match r {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args.pos[1].clone())),
    }
}

fn discard(vm: &mut Vm, args: Args) -> PyResult {
    let s = this_mut(vm, &args, "discard")?;
    check(vm, &args, "set", "discard", 1, 1)?;
    let h = vm.hash(&args.pos[1])?;
    let key = vm.canon_key_of(&s, h, &args.pos[1])?;
    let r = s.borrow_mut().remove(h, &key);
    drop(r);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    let s = this_mut(vm, &args, "pop")?;
    check(vm, &args, "set", "pop", 0, 0)?;
    let e = s.borrow_mut().pop_first();
    match e {
        Some(e) => Ok(e.key),
        None => Err(vm.key_error(Value::str("pop from an empty set"))),
    }
}

fn clear(vm: &mut Vm, args: Args) -> PyResult {
    let s = this_mut(vm, &args, "clear")?;
    check(vm, &args, "set", "clear", 0, 0)?;
    let old = std::mem::take(&mut *s.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// Applies `f` to a copy of the set's entries and stores the result.
fn mutate(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: impl FnOnce(&mut Vm, &mut Dict) -> Result<(), Value>,
) -> PyResult {
    let s = this_mut(vm, args, name)?;
    no_kw(vm, args, name)?;
    let mut d = s.borrow().clone();
    f(vm, &mut d)?;
    *s.borrow_mut() = d;
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: Args) -> PyResult {
    let others: Vec<Value> = args.pos[1.min(args.len())..].to_vec();
    mutate(vm, &args, "update", |vm, d| union_into(vm, d, &others))
}

fn intersection_update(vm: &mut Vm, args: Args) -> PyResult {
    let others: Vec<Value> = args.pos[1.min(args.len())..].to_vec();
    mutate(vm, &args, "intersection_update", |vm, d| {
        intersect_into(vm, d, &others)
    })
}

fn difference_update(vm: &mut Vm, args: Args) -> PyResult {
    let others: Vec<Value> = args.pos[1.min(args.len())..].to_vec();
    mutate(vm, &args, "difference_update", |vm, d| {
        difference_into(vm, d, &others)
    })
}

fn symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult {
    check(vm, &args, "set", "symmetric_difference_update", 1, 1)?;
    let other = args.pos[1].clone();
    mutate(vm, &args, "symmetric_difference_update", |vm, d| {
        symdiff_into(vm, d, &other)
    })
}

fn is_setlike(v: &Value) -> bool {
    matches!(v, Value::Set(_) | Value::FrozenSet(_))
}

fn inplace(vm: &mut Vm, args: Args, name: &str, op: BinOp) -> PyResult {
    let s = this_mut(vm, &args, name)?;
    check(vm, &args, "set", name, 1, 1)?;
    let other = args.pos[1].clone();
    if !is_setlike(&other) {
        return Ok(Value::NotImplemented);
    }
    let mut d = s.borrow().clone();
    let others = [other];
    match op {
        BinOp::BitOr => union_into(vm, &mut d, &others)?,
        BinOp::BitAnd => intersect_into(vm, &mut d, &others)?,
        BinOp::Sub => difference_into(vm, &mut d, &others)?,
        _ => symdiff_into(vm, &mut d, &others[0])?,
    }
    *s.borrow_mut() = d;
    Ok(Value::Set(s))
}

fn dunder_ior(vm: &mut Vm, args: Args) -> PyResult {
    inplace(vm, args, "__ior__", BinOp::BitOr)
}
fn dunder_iand(vm: &mut Vm, args: Args) -> PyResult {
    inplace(vm, args, "__iand__", BinOp::BitAnd)
}
fn dunder_isub(vm: &mut Vm, args: Args) -> PyResult {
    inplace(vm, args, "__isub__", BinOp::Sub)
}
fn dunder_ixor(vm: &mut Vm, args: Args) -> PyResult {
    inplace(vm, args, "__ixor__", BinOp::BitXor)
}

// ------------------------------------------------------------ dunders

fn receiver(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    match args.pos.first() {
        Some(v @ (Value::Set(_) | Value::FrozenSet(_))) => Ok(v.clone()),
        _ => Err(bad_receiver(vm, args, "set", name)),
    }
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__len__")?;
    check(vm, &args, tname(&args), "__len__", 0, 0)?;
    Ok(Value::Int(d.len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    let s = receiver(vm, &args, "__contains__")?;
    check(vm, &args, tname(&args), "__contains__", 1, 1)?;
    b(vm.contains(&s, &args.pos[1])?)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let s = receiver(vm, &args, "__iter__")?;
    check(vm, &args, tname(&args), "__iter__", 0, 0)?;
    vm.iter(&s)
}

fn binop(vm: &mut Vm, args: Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let s = receiver(vm, &args, name)?;
    check(vm, &args, tname(&args), name, 1, 1)?;
    let other = args.pos[1].clone();
    if !is_setlike(&other) {
        return Ok(Value::NotImplemented);
    }
    if reflected {
        vm.set_binary(op, &other, &s)
    } else {
        vm.set_binary(op, &s, &other)
    }
}

fn dunder_or(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__or__", BinOp::BitOr, false)
}
fn dunder_and(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__and__", BinOp::BitAnd, false)
}
fn dunder_sub(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__sub__", BinOp::Sub, false)
}
fn dunder_xor(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__xor__", BinOp::BitXor, false)
}
fn dunder_ror(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__ror__", BinOp::BitOr, true)
}
fn dunder_rand(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__rand__", BinOp::BitAnd, true)
}
fn dunder_rsub(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__rsub__", BinOp::Sub, true)
}
fn dunder_rxor(vm: &mut Vm, args: Args) -> PyResult {
    binop(vm, args, "__rxor__", BinOp::BitXor, true)
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let s = receiver(vm, &args, name)?;
    check(vm, &args, tname(&args), name, 1, 1)?;
    let other = args.pos[1].clone();
    if !is_setlike(&other) {
        return Ok(Value::NotImplemented);
    }
    vm.compare(op, &s, &other)
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__eq__", CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__ne__", CmpOp::NotEq)
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__le__", CmpOp::LtE)
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__lt__", CmpOp::Lt)
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__ge__", CmpOp::GtE)
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__gt__", CmpOp::Gt)
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = receiver(vm, &args, "__repr__")?;
    check(vm, &args, tname(&args), "__repr__", 0, 0)?;
    Ok(Value::str(vm.repr(&s)?))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult {
    let s = receiver(vm, &args, "__hash__")?;
    check(vm, &args, "frozenset", "__hash__", 0, 0)?;
    Ok(Value::Int(vm.hash(&s)?))
}
