//! `dict` methods and the live view objects `dict_keys`, `dict_values` and
//! `dict_items`.

use super::{b, bad_receiver, check, register};
use crate::ast::CmpOp;
use crate::vm::dict::Dict;
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::iter::NativeIter;
use crate::vm::native::NativeObj;
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

type DictRef = Rc<RefCell<Dict>>;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("copy", copy),
        ("clear", clear),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__setitem__", dunder_setitem),
        ("__delitem__", dunder_delitem),
        ("__contains__", dunder_contains),
        ("__iter__", dunder_iter),
        ("__reversed__", dunder_reversed),
        ("__or__", dunder_or),
        ("__ror__", dunder_ror),
        ("__ior__", dunder_ior),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__repr__", dunder_repr),
    ];
    register(vm, TypeId::Dict, table);
    crate::builtins::class_method(vm, TypeId::Dict, "fromkeys", fromkeys);

    let common: &[(&str, NativeFn)] = &[
        ("__len__", view_dunder_len),
        ("__iter__", view_dunder_iter),
        ("__reversed__", view_dunder_reversed),
        ("__contains__", view_dunder_contains),
        ("__repr__", view_dunder_repr),
    ];
    let setlike: &[(&str, NativeFn)] = &[
        ("isdisjoint", view_isdisjoint),
        ("__and__", view_and),
        ("__rand__", view_rand),
        ("__or__", view_or),
        ("__ror__", view_ror),
        ("__sub__", view_sub),
        ("__rsub__", view_rsub),
        ("__xor__", view_xor),
        ("__rxor__", view_rxor),
        ("__eq__", view_eq),
        ("__ne__", view_ne),
        ("__lt__", view_lt),
        ("__le__", view_le),
        ("__gt__", view_gt),
        ("__ge__", view_ge),
    ];
    for t in [TypeId::DictKeys, TypeId::DictValues, TypeId::DictItems] {
        register(vm, t, common);
    }
    for t in [TypeId::DictKeys, TypeId::DictItems] {
        register(vm, t, setlike);
    }
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<DictRef, Value> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(bad_receiver(vm, args, "dict", name)),
    }
}

fn lookup(vm: &mut Vm, d: &DictRef, key: &Value) -> Result<(i64, Option<Value>), Value> {
    let h = vm.hash(key)?;
    let key = vm.canon_key_of(d, h, key)?;
    let found = d.borrow().get(h, &key).cloned();
    Ok((h, found))
}

fn get(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "get")?;
    check(vm, &args, "dict", "get", 1, 2)?;
    let (_, found) = lookup(vm, &d, &args.pos[1])?;
    Ok(found.unwrap_or_else(|| args.pos.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "setdefault")?;
    check(vm, &args, "dict", "setdefault", 1, 2)?;
    let (h, found) = lookup(vm, &d, &args.pos[1])?;
    match found {
        Some(v) => Ok(v),
        None => {
            let v = args.pos.get(2).cloned().unwrap_or(Value::None);
            d.borrow_mut().insert(h, args.pos[1].clone(), v.clone());
            Ok(v)
        }
    }
}

fn pop(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "pop")?;
    check(vm, &args, "dict", "pop", 1, 2)?;
    let h = vm.hash(&args.pos[1])?;
    let key = vm.canon_key_of(&d, h, &args.pos[1])?;
    let removed = d.borrow_mut().remove(h, &key);
    match removed {
        Some((_, v)) => Ok(v),
        None => match args.pos.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(args.pos[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "popitem")?;
    check(vm, &args, "dict", "popitem", 0, 0)?;
    let e = d.borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

/// `d.update(src)`: a mapping (anything with `keys`) or an iterable of pairs.
pub fn update_from(vm: &mut Vm, target: &Value, src: &Value) -> Result<(), Value> {
    if matches!(src, Value::Dict(_)) || vm.hasattr(src, "keys")? {
        return vm.dict_update(target, src, false);
    }
    let items = vm.collect(src)?;
    for (i, it) in items.into_iter().enumerate() {
        let pair = match &it {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            other => match vm.collect(other) {
                Ok(p) => p,
                Err(e) => {
                    if vm.exc_matches_name(&e, "TypeError") {
                        return Err(vm.type_error(&format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )));
                    }
                    return Err(e);
                }
            },
        };
        if pair.len() != 2 {
            return Err(vm.value_error(&format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut p = pair.into_iter();
        let (k, v) = (p.next().unwrap_or_default(), p.next().unwrap_or_default());
        vm.setitem(target, k, v)?;
    }
    Ok(())
}

fn update(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "update")?;
    if args.len() > 2 {
        return Err(vm.type_error(&format!(
            "update expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let target = Value::Dict(d);
    if let Some(src) = args.pos.get(1) {
        update_from(vm, &target, src)?;
    }
    for (k, v) in args.kw {
        vm.setitem(&target, Value::str(&*k), v)?;
    }
    Ok(Value::None)
}

fn make_view(vm: &mut Vm, d: DictRef, mode: u8) -> Value {
    let t = match mode {
        0 => TypeId::DictKeys,
        1 => TypeId::DictValues,
        _ => TypeId::DictItems,
    };
    Value::Native(Rc::new(NativeObj {
        class: vm.types.get(t).clone(),
        data: RefCell::new(Box::new(DictView { dict: d, mode })),
        dict: RefCell::new(None),
    }))
}

fn keys(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "keys")?;
    check(vm, &args, "dict", "keys", 0, 0)?;
    Ok(make_view(vm, d, 0))
}
fn values(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "values")?;
    check(vm, &args, "dict", "values", 0, 0)?;
    Ok(make_view(vm, d, 1))
}
fn items(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "items")?;
    check(vm, &args, "dict", "items", 0, 0)?;
    Ok(make_view(vm, d, 2))
}

fn copy(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "copy")?;
    check(vm, &args, "dict", "copy", 0, 0)?;
    let c = d.borrow().clone();
    Ok(Value::dict(c))
}

fn clear(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "clear")?;
    check(vm, &args, "dict", "clear", 0, 0)?;
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn fromkeys(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("dict.fromkeys() takes no keyword arguments"));
    }
    let n = args.len().saturating_sub(1);
    if !(1..=2).contains(&n) {
        let msg = if n == 0 {
            "fromkeys expected at least 1 argument, got 0".to_string()
        } else {
            format!("fromkeys expected at most 2 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    let value = args.pos.get(2).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&args.pos[1])?;
    let mut d = Dict::new();
    for k in keys {
        let h = vm.hash(&k)?;
        d.insert(h, k, value.clone());
    }
    let out = Value::dict(d);
    // A subclass gets its own instance when its constructor makes dicts.
    if let Some(Value::Class(c)) = args.pos.first()
        && c.builtin != Some(TypeId::Dict)
    {
        let inst = vm.call(&Value::Class(c.clone()), Args::default())?;
        if matches!(inst, Value::Dict(_)) {
            vm.dict_update(&inst, &out, false)?;
            return Ok(inst);
        }
        let keys = vm.collect(&out)?;
        for k in keys {
            vm.setitem(&inst, k, value.clone())?;
        }
        return Ok(inst);
    }
    Ok(out)
}

// ------------------------------------------------------------ dunders

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__len__")?;
    check(vm, &args, "dict", "__len__", 0, 0)?;
    Ok(Value::Int(d.borrow().len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__getitem__")?;
    check(vm, &args, "dict", "__getitem__", 1, 1)?;
    vm.getitem(&Value::Dict(d), &args.pos[1])
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__setitem__")?;
    check(vm, &args, "dict", "__setitem__", 2, 2)?;
    vm.setitem(&Value::Dict(d), args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__delitem__")?;
    check(vm, &args, "dict", "__delitem__", 1, 1)?;
    vm.delitem(&Value::Dict(d), &args.pos[1])?;
    Ok(Value::None)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__contains__")?;
    check(vm, &args, "dict", "__contains__", 1, 1)?;
    let (_, found) = lookup(vm, &d, &args.pos[1])?;
    b(found.is_some())
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__iter__")?;
    check(vm, &args, "dict", "__iter__", 0, 0)?;
    Ok(dict_iter(d, 0))
}

fn dunder_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__reversed__")?;
    check(vm, &args, "dict", "__reversed__", 0, 0)?;
    let mut keys = d.borrow().keys();
    keys.reverse();
    Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Values {
        items: keys,
        idx: 0,
    }))))
}

fn dunder_or(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__or__")?;
    check(vm, &args, "dict", "__or__", 1, 1)?;
    match &args.pos[1] {
        Value::Dict(o) => {
            let mut n = d.borrow().clone();
            for e in o.borrow().iter() {
                n.insert(e.hash, e.key.clone(), e.value.clone());
            }
            Ok(Value::dict(n))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_ror(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__ror__")?;
    check(vm, &args, "dict", "__ror__", 1, 1)?;
    match &args.pos[1] {
        Value::Dict(o) => {
            let mut n = o.borrow().clone();
            for e in d.borrow().iter() {
                n.insert(e.hash, e.key.clone(), e.value.clone());
            }
            Ok(Value::dict(n))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_ior(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__ior__")?;
    check(vm, &args, "dict", "__ior__", 1, 1)?;
    let target = Value::Dict(d);
    update_from(vm, &target, &args.pos[1])?;
    Ok(target)
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__eq__")?;
    check(vm, &args, "dict", "__eq__", 1, 1)?;
    match &args.pos[1] {
        o @ Value::Dict(_) => b(vm.eq(&Value::Dict(d), o)?),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__ne__")?;
    check(vm, &args, "dict", "__ne__", 1, 1)?;
    match &args.pos[1] {
        o @ Value::Dict(_) => b(!vm.eq(&Value::Dict(d), o)?),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let d = this(vm, &args, "__repr__")?;
    check(vm, &args, "dict", "__repr__", 0, 0)?;
    Ok(Value::str(vm.repr(&Value::Dict(d))?))
}

// ------------------------------------------------------------ views

/// The data of a `dict_keys` (mode 0), `dict_values` (1) or `dict_items`
/// (2) object: a live reference to the dict.
pub struct DictView {
    pub dict: DictRef,
    pub mode: u8,
}

fn view_of(v: &Value) -> Option<(DictRef, u8)> {
    let Value::Native(n) = v else {
        return None;
    };
    let data = n.data.borrow();
    data.downcast_ref::<DictView>()
        .map(|dv| (dv.dict.clone(), dv.mode))
}

fn dict_iter(d: DictRef, mode: u8) -> Value {
    let len = d.borrow().len();
    Value::Iter(Rc::new(RefCell::new(NativeIter::Dict {
        dict: d,
        pos: 0,
        mode,
        len,
    })))
}

/// The items a view yields, as values.
fn view_items(d: &DictRef, mode: u8) -> Vec<Value> {
    d.borrow()
        .iter()
        .map(|e| match mode {
            0 => e.key.clone(),
            1 => e.value.clone(),
            _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
        })
        .collect()
}

/// Hook for `len()` of a view.
pub fn view_len(_vm: &mut Vm, v: &Value) -> Option<usize> {
    view_of(v).map(|(d, _)| d.borrow().len())
}

/// Hook for `iter()` of a view.
pub fn view_iter(_vm: &mut Vm, v: &Value) -> Result<Option<Value>, Value> {
    Ok(view_of(v).map(|(d, mode)| dict_iter(d, mode)))
}

/// Hook for `repr()` of a view: `dict_keys(['a', 'b'])`.
pub fn view_repr(vm: &mut Vm, v: &Value) -> Result<Option<String>, Value> {
    let Some((d, mode)) = view_of(v) else {
        return Ok(None);
    };
    let name = match mode {
        0 => "dict_keys",
        1 => "dict_values",
        _ => "dict_items",
    };
    let id = Rc::as_ptr(&d) as usize;
    if vm.repr_guard.contains(&id) {
        return Ok(Some("...".into()));
    }
    vm.repr_guard.push(id);
    let items = view_items(&d, mode);
    let r = vm.repr(&Value::list(items));
    vm.repr_guard.pop();
    Ok(Some(format!("{name}({})", r?)))
}

/// Hook for `x in view`.
pub fn view_contains(vm: &mut Vm, c: &Value, item: &Value) -> Result<Option<bool>, Value> {
    let Some((d, mode)) = view_of(c) else {
        return Ok(None);
    };
    Ok(Some(match mode {
        0 => {
            let h = vm.hash(item)?;
            let item = vm.canon_key_of(&d, h, item)?;
            d.borrow().contains(h, &item)
        }
        1 => {
            let vals = d.borrow().values();
            let mut found = false;
            for v in &vals {
                if v.is(item) || vm.eq(v, item)? {
                    found = true;
                    break;
                }
            }
            found
        }
        _ => {
            let Value::Tuple(t) = item else {
                return Ok(Some(false));
            };
            if t.len() != 2 {
                return Ok(Some(false));
            }
            let h = vm.hash(&t[0])?;
            let found = d.borrow().get(h, &t[0]).cloned();
            match found {
                Some(v) => v.is(&t[1]) || vm.eq(&v, &t[1])?,
                None => false,
            }
        }
    }))
}

fn view_this(vm: &mut Vm, args: &Args, name: &str) -> Result<(DictRef, u8), Value> {
    match args.pos.first().and_then(view_of) {
        Some(x) => Ok(x),
        None => Err(bad_receiver(vm, args, "dict_keys", name)),
    }
}

fn view_dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let (d, _) = view_this(vm, &args, "__len__")?;
    let n = d.borrow().len();
    Ok(Value::Int(n as i64))
}

fn view_dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or_default();
    match view_iter(vm, &v)? {
        Some(it) => Ok(it),
        None => Err(bad_receiver(vm, &args, "dict_keys", "__iter__")),
    }
}

fn view_dunder_reversed(vm: &mut Vm, args: Args) -> PyResult {
    let (d, mode) = view_this(vm, &args, "__reversed__")?;
    let mut items = view_items(&d, mode);
    items.reverse();
    Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Values {
        items,
        idx: 0,
    }))))
}

fn view_dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    check(vm, &args, "dict_keys", "__contains__", 1, 1)?;
    let c = args.pos[0].clone();
    match view_contains(vm, &c, &args.pos[1])? {
        Some(r) => b(r),
        None => Err(bad_receiver(vm, &args, "dict_keys", "__contains__")),
    }
}

fn view_dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or_default();
    match view_repr(vm, &v)? {
        Some(r) => Ok(Value::str(r)),
        None => Err(bad_receiver(vm, &args, "dict_keys", "__repr__")),
    }
}

/// Any iterable (or view) as a set value, for the set-like view operators.
fn as_set(vm: &mut Vm, v: &Value) -> PyResult {
    match v {
        Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
        _ => {
            let items = match view_of(v) {
                Some((d, mode)) => view_items(&d, mode),
                None => vm.collect(v)?,
            };
            vm.new_set(items)
        }
    }
}

fn is_iterable(vm: &mut Vm, v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Dict(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::Range(_)
            | Value::Iter(_)
            | Value::Generator(_)
    ) || view_of(v).is_some()
        || vm.types.class_of(v).lookup_static("__iter__").is_some()
}

fn view_binop(vm: &mut Vm, args: Args, op: crate::ast::BinOp, reflected: bool) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let (me, other) = (args.pos[0].clone(), args.pos[1].clone());
    if !is_iterable(vm, &other) {
        return Ok(Value::NotImplemented);
    }
    let a = as_set(vm, &me)?;
    let o = as_set(vm, &other)?;
    let (x, y) = if reflected { (o, a) } else { (a, o) };
    // Results are always mutable sets.
    let x = match x {
        Value::FrozenSet(f) => Value::Set(Rc::new(RefCell::new((*f).clone()))),
        other => other,
    };
    vm.set_binary(op, &x, &y)
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::BitAnd, false)
}
fn view_rand(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::BitAnd, true)
}
fn view_or(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::BitOr, false)
}
fn view_ror(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::BitOr, true)
}
fn view_sub(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::Sub, false)
}
fn view_rsub(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::Sub, true)
}
fn view_xor(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::BitXor, false)
}
fn view_rxor(vm: &mut Vm, args: Args) -> PyResult {
    view_binop(vm, args, crate::ast::BinOp::BitXor, true)
}

fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult {
    check(vm, &args, "dict_keys", "isdisjoint", 1, 1)?;
    let me = args.pos[0].clone();
    let other = vm.collect(&args.pos[1])?;
    for it in &other {
        if let Some(true) = view_contains(vm, &me, it)? {
            return b(false);
        }
    }
    b(true)
}

fn view_compare(vm: &mut Vm, args: Args, op: CmpOp) -> PyResult {
    if args.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let other = args.pos[1].clone();
    let setlike = matches!(other, Value::Set(_) | Value::FrozenSet(_))
        || matches!(view_of(&other), Some((_, 0 | 2)));
    if !setlike {
        return Ok(Value::NotImplemented);
    }
    let a = as_set(vm, &args.pos[0])?;
    let o = as_set(vm, &other)?;
    vm.compare(op, &a, &o)
}

fn view_eq(vm: &mut Vm, args: Args) -> PyResult {
    view_compare(vm, args, CmpOp::Eq)
}
fn view_ne(vm: &mut Vm, args: Args) -> PyResult {
    view_compare(vm, args, CmpOp::NotEq)
}
fn view_lt(vm: &mut Vm, args: Args) -> PyResult {
    view_compare(vm, args, CmpOp::Lt)
}
fn view_le(vm: &mut Vm, args: Args) -> PyResult {
    view_compare(vm, args, CmpOp::LtE)
}
fn view_gt(vm: &mut Vm, args: Args) -> PyResult {
    view_compare(vm, args, CmpOp::Gt)
}
fn view_ge(vm: &mut Vm, args: Args) -> PyResult {
    view_compare(vm, args, CmpOp::GtE)
}
