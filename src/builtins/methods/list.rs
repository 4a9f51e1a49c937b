//! `list` methods.

use super::{b, bad_receiver, check, clamp_range, opt_index, register};
use crate::ast::{BinOp, CmpOp};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

type ListRef = Rc<RefCell<Vec<Value>>>;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("sort", sort),
        ("reverse", reverse),
        ("copy", copy),
        ("clear", clear),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
        ("__add__", dunder_add),
        ("__iadd__", dunder_iadd),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__imul__", dunder_imul),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
        ("__repr__", dunder_repr),
    ];
    register(vm, TypeId::List, table);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<ListRef, Value> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(bad_receiver(vm, args, "list", name)),
    }
}

fn append(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "append")?;
    check(vm, &args, "list", "append", 1, 1)?;
    vm.room_for(&l.borrow(), 1)?;
    l.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "extend")?;
    check(vm, &args, "list", "extend", 1, 1)?;
    let items = vm.collect(&args.pos[1])?;
    vm.room_for(&l.borrow(), items.len())?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "insert")?;
    check(vm, &args, "list", "insert", 2, 2)?;
    let i = vm.index_value(&args.pos[1])?;
    vm.room_for(&l.borrow(), 1)?;
    let mut lb = l.borrow_mut();
    let len = lb.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    lb.insert(at as usize, args.pos[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "pop")?;
    check(vm, &args, "list", "pop", 0, 1)?;
    let i = match args.pos.get(1) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let len = l.borrow().len() as i64;
    if len == 0 {
        return Err(vm.new_exc("IndexError", "pop from empty list"));
    }
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.new_exc("IndexError", "pop index out of range"));
    }
    Ok(l.borrow_mut().remove(j as usize))
}

/// Index of the first item equal to `x` in `items[start..end]`.
fn find(
    vm: &mut Vm,
    l: &ListRef,
    x: &Value,
    start: usize,
    end: usize,
) -> Result<Option<usize>, Value> {
    let mut i = start;
    loop {
        let item = {
            let lb = l.borrow();
            if i >= end.min(lb.len()) {
                return Ok(None);
            }
            lb[i].clone()
        };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "remove")?;
    check(vm, &args, "list", "remove", 1, 1)?;
    let len = l.borrow().len();
    match find(vm, &l, &args.pos[1], 0, len)? {
        Some(i) => {
            let mut lb = l.borrow_mut();
            if i < lb.len() {
                lb.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "index")?;
    check(vm, &args, "list", "index", 1, 3)?;
    let st = opt_index(vm, args.pos.get(2))?;
    let en = opt_index(vm, args.pos.get(3))?;
    let len = l.borrow().len();
    let (a, e) = clamp_range(len, st, en);
    match find(vm, &l, &args.pos[1], a, e)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args.pos[1])?;
            Err(vm.value_error(&format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "count")?;
    check(vm, &args, "list", "count", 1, 1)?;
    let items = l.borrow().clone();
    let mut n = 0;
    for it in &items {
        if it.is(&args.pos[1]) || vm.eq(it, &args.pos[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, mut args: Args) -> PyResult {
    let l = this(vm, &args, "sort")?;
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let reverse = match args.take_kw("reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.type_error(&format!("sort() got an unexpected keyword argument '{k}'")));
    }
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    // CPython empties the list while sorting; sort a snapshot and write back.
    let items = std::mem::take(&mut *l.borrow_mut());
    let res = list_sort(vm, items.clone(), key, reverse);
    let modified = !l.borrow().is_empty();
    match res {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

/// Sorts as `list.sort` does: keys first, then CPython's comparison
/// sequence for short lists (count_run + binary insertion, so errors and
/// `__lt__` side effects come in the same order); longer lists use the
/// shared stable merge sort.
pub fn list_sort(
    vm: &mut Vm,
    mut items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> Result<Vec<Value>, Value> {
    if items.len() >= 64 {
        return crate::builtins::functions::sort_values(vm, items, key, reverse);
    }
    let mut keys = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call(k, Args::new([it.clone()]))?);
            }
            ks
        }
        None => items.clone(),
    };
    // Stability under reverse: reverse, sort, reverse back.
    if reverse {
        keys.reverse();
        items.reverse();
    }
    let mut perm: Vec<usize> = (0..items.len()).collect();
    small_sort(vm, &keys, &mut perm)?;
    let mut out: Vec<Value> = perm.into_iter().map(|i| items[i].clone()).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

/// CPython 3.13's `count_run` followed by `binarysort`, on a permutation.
fn small_sort(vm: &mut Vm, keys: &[Value], a: &mut [usize]) -> Result<(), Value> {
    let n_all = a.len();
    if n_all < 2 {
        return Ok(());
    }
    let lt = |vm: &mut Vm, x: usize, y: usize| vm.less_than(&keys[x], &keys[y]);
    // count_run: an ascending run, or a descending one reversed in place.
    let mut n = 1;
    while n < n_all {
        if lt(vm, a[n], a[n - 1])? {
            break;
        }
        n += 1;
    }
    if n < n_all {
        let mut descending = true;
        if n > 1 {
            if lt(vm, a[0], a[n - 1])? {
                descending = false;
            } else {
                a[..n].reverse();
            }
        }
        if descending {
            let mut neq = 0usize;
            while n < n_all {
                if lt(vm, a[n], a[n - 1])? {
                    if neq > 0 {
                        let k = neq + 1;
                        a[n - k..n].reverse();
                        neq = 0;
                    }
                } else if lt(vm, a[n - 1], a[n])? {
                    break;
                } else {
                    neq += 1;
                }
                n += 1;
            }
            if neq > 0 {
                let k = neq + 1;
                a[n - k..n].reverse();
            }
            a[..n].reverse();
            while n < n_all {
                if lt(vm, a[n], a[n - 1])? {
                    break;
                }
                n += 1;
            }
        }
    }
    // binarysort the rest into the run.
    for ok in n..n_all {
        let pivot = a[ok];
        let (mut l, mut r) = (0, ok);
        while l < r {
            let m = (l + r) >> 1;
            if lt(vm, pivot, a[m])? {
                r = m;
            } else {
                l = m + 1;
            }
        }
        a.copy_within(l..ok, l + 1);
        a[l] = pivot;
    }
    Ok(())
}

fn reverse(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "reverse")?;
    check(vm, &args, "list", "reverse", 0, 0)?;
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "copy")?;
    check(vm, &args, "list", "copy", 0, 0)?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "clear")?;
    check(vm, &args, "list", "clear", 0, 0)?;
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}

// ------------------------------------------------------------ dunders

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__len__")?;
    check(vm, &args, "list", "__len__", 0, 0)?;
    Ok(Value::Int(l.borrow().len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__getitem__")?;
    check(vm, &args, "list", "__getitem__", 1, 1)?;
    vm.getitem(&Value::List(l), &args.pos[1])
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__setitem__")?;
    check(vm, &args, "list", "__setitem__", 2, 2)?;
    vm.setitem(&Value::List(l), args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__delitem__")?;
    check(vm, &args, "list", "__delitem__", 1, 1)?;
    vm.delitem(&Value::List(l), &args.pos[1])?;
    Ok(Value::None)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__contains__")?;
    check(vm, &args, "list", "__contains__", 1, 1)?;
    b(vm.contains(&Value::List(l), &args.pos[1])?)
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__iter__")?;
    check(vm, &args, "list", "__iter__", 0, 0)?;
    vm.iter(&Value::List(l))
}

fn dunder_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__reversed__")?;
    check(vm, &args, "list", "__reversed__", 0, 0)?;
    let idx = l.borrow().len();
    Ok(Value::Iter(Rc::new(RefCell::new(
        crate::vm::iter::NativeIter::Reversed { items: l, idx },
    ))))
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__add__")?;
    check(vm, &args, "list", "__add__", 1, 1)?;
    match &args.pos[1] {
        Value::List(o) => {
            let mut v = l.borrow().clone();
            v.extend(o.borrow().iter().cloned());
            Ok(Value::list(v))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("can only concatenate list (not \"{tn}\") to list")))
        }
    }
}

fn dunder_iadd(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__iadd__")?;
    check(vm, &args, "list", "__iadd__", 1, 1)?;
    let items = vm.collect(&args.pos[1])?;
    l.borrow_mut().extend(items);
    Ok(Value::List(l))
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__mul__")?;
    check(vm, &args, "list", "__mul__", 1, 1)?;
    match &args.pos[1] {
        n @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            vm.binary_op(BinOp::Mul, Value::List(l), n.clone(), false)
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_imul(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__imul__")?;
    check(vm, &args, "list", "__imul__", 1, 1)?;
    let n = vm.repeat_count(&args.pos[1])?;
    let unit = l.borrow().len() * std::mem::size_of::<Value>();
    vm.repeat_bytes(unit, n, None)?;
    let items = l.borrow().clone();
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    *l.borrow_mut() = out;
    Ok(Value::List(l))
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let l = this(vm, &args, name)?;
    check(vm, &args, "list", name, 1, 1)?;
    match &args.pos[1] {
        o @ Value::List(_) => vm.compare(op, &Value::List(l), o),
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

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let l = this(vm, &args, "__repr__")?;
    check(vm, &args, "list", "__repr__", 0, 0)?;
    Ok(Value::str(vm.repr(&Value::List(l))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_ints(v: &[i64]) -> Vec<i64> {
        let mut vm = Vm::new(vec![]);
        let items = v.iter().map(|&i| Value::Int(i)).collect();
        list_sort(&mut vm, items, None, false)
            .unwrap_or_default()
            .into_iter()
            .map(|x| match x {
                Value::Int(i) => i,
                _ => -999,
            })
            .collect()
    }

    #[test]
    fn sorts_like_python() {
        assert_eq!(sorted_ints(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(sorted_ints(&[5, 4, 4, 3, 9, 1]), vec![1, 3, 4, 4, 5, 9]);
        assert_eq!(sorted_ints(&[3, 2, 3, 4, 1]), vec![1, 2, 3, 3, 4]);
        assert_eq!(sorted_ints(&[1, 1, 1, 0]), vec![0, 1, 1, 1]);
        let big: Vec<i64> = (0..100).rev().collect();
        assert_eq!(sorted_ints(&big), (0..100).collect::<Vec<_>>());
    }
}
