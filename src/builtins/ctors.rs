//! Constructors of the built-in types (`int(...)`, `list(...)`, …), stored
//! as each type's native `__new__`.

use super::native;
use crate::vm::class::{Instance, Layout};
use crate::vm::dict::Dict;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::value::Range;
use crate::vm::{Value, Vm};
use num_bigint::BigInt;
use num_traits::{Num, One, ToPrimitive, Zero};
use std::cell::RefCell;
use std::rc::Rc;

fn ctor(vm: &mut Vm, t: TypeId, f: NativeFn) {
    let cls = vm.types.get(t).clone();
    cls.set_attr(
        "__new__".into(),
        native("__new__", f, BuiltinKind::StaticMethod),
    );
}

/// The constructors of the built-in value types, whose `__new__` is
/// `value_new` (so `tuple.__new__(cls, ...)` with a subclass makes an
/// instance of the subclass around the built-in value).
const VALUE_CTORS: &[(TypeId, NativeFn)] = &[
    (TypeId::Int, new_int),
    (TypeId::Bool, new_bool),
    (TypeId::Float, new_float),
    (TypeId::Str, new_str),
    (TypeId::List, new_list),
    (TypeId::Tuple, new_tuple),
    (TypeId::Dict, new_dict),
    (TypeId::Set, new_set),
    (TypeId::FrozenSet, new_frozenset),
    (TypeId::Bytes, new_bytes),
];

/// `T.__new__(cls, ...)` for a built-in value type `T`: `cls` may be `T`
/// or a user subclass of it.
fn value_new(vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(Value::Class(cls)) = args.pos.first().cloned() else {
        return Err(vm.type_error("__new__(): not enough arguments"));
    };
    let base = if cls.builtin.is_some() {
        Some(cls.clone())
    } else {
        cls.mro_tail
            .iter()
            .find(|c| VALUE_CTORS.iter().any(|(t, _)| c.builtin == Some(*t)))
            .cloned()
    };
    let Some(base) = base else {
        let msg = format!("{}.__new__({}): not a subtype", "object", cls.name);
        return Err(vm.type_error(&msg));
    };
    let Some(&(_, f)) = VALUE_CTORS.iter().find(|(t, _)| base.builtin == Some(*t)) else {
        return Err(vm.type_error("__new__(): not a built-in value type"));
    };
    args.pos[0] = Value::Class(base.clone());
    let v = f(vm, args)?;
    if Rc::ptr_eq(&cls, &base) {
        return Ok(v);
    }
    let inst = Instance::new(cls.clone());
    *inst.payload.borrow_mut() = v;
    Ok(Value::Instance(Rc::new(inst)))
}

pub fn install(vm: &mut Vm) {
    for (t, _) in VALUE_CTORS {
        ctor(vm, *t, value_new);
    }
    ctor(vm, TypeId::Range, new_range);
    ctor(vm, TypeId::Slice, new_slice);
    ctor(vm, TypeId::Method, new_method);
    ctor(vm, TypeId::Object, new_object);
    ctor(vm, TypeId::Type, new_type);
    super::method(vm, TypeId::Type, "__call__", type_call);
    super::method(vm, TypeId::Type, "__init__", type_init);
    super::method(vm, TypeId::Type, "__setattr__", type_setattr);
    super::method(vm, TypeId::Type, "__delattr__", type_delattr);
    ctor(vm, TypeId::Property, new_property);
    ctor(vm, TypeId::StaticMethod, new_staticmethod);
    super::method(vm, TypeId::StaticMethod, "__call__", staticmethod_call);
    ctor(vm, TypeId::ClassMethod, new_classmethod);
    ctor(vm, TypeId::Super, new_super);
    let base = vm.types.exc("BaseException");
    base.set_attr(
        "__init__".into(),
        native("__init__", exc_init, BuiltinKind::Method),
    );
    base.set_attr(
        "add_note".into(),
        native("add_note", exc_add_note, BuiltinKind::Method),
    );
    base.set_attr(
        "with_traceback".into(),
        native("with_traceback", exc_with_traceback, BuiltinKind::Method),
    );
    super::method(vm, TypeId::Property, "setter", property_setter);
    super::method(vm, TypeId::Property, "__get__", property_get);
    super::method(vm, TypeId::Property, "getter", property_getter);
    super::method(vm, TypeId::Property, "deleter", property_deleter);
}

fn arg(args: &Args, i: usize) -> Option<Value> {
    args.pos.get(i).cloned()
}

fn exc_init(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(Value::Instance(i)) = args.pos.first()
        && let Some(d) = &i.exc
    {
        d.borrow_mut().args = args.pos[1..].to_vec();
    }
    let _ = vm;
    Ok(Value::None)
}

/// `BaseException.add_note(note)`.
fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("BaseException.add_note() takes no keyword arguments"));
    }
    if args.pos.len() != 2 {
        return Err(vm.type_error(&format!(
            "BaseException.add_note() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    }
    let note = args.pos[1].clone();
    if !matches!(note, Value::Str(_)) {
        let tn = vm.type_name(&note);
        return Err(vm.type_error(&format!("note must be a str, not '{tn}'")));
    }
    if let Some(Value::Instance(i)) = args.pos.first()
        && let Some(d) = &i.exc
    {
        d.borrow_mut().notes.push(note);
    }
    Ok(Value::None)
}

/// `BaseException.with_traceback(tb)`: tracebacks are not objects here, so
/// this only returns the exception.
fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult {
    let _ = vm;
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

/// `s` with every Unicode decimal digit (category Nd, such as `'٣'`)
/// replaced by its ASCII digit, as int() and float() read them.
fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_general_category::{GeneralCategory, get_general_category};
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let nd = |c: char| get_general_category(c) == GeneralCategory::DecimalNumber;
    let value = |c: char| {
        // Decimal digits come in runs of ten starting at zero: count back
        // to the start of the run.
        let mut start = c as u32;
        while let Some(p) = start.checked_sub(1).and_then(char::from_u32) {
            if !nd(p) {
                break;
            }
            start -= 1;
        }
        (c as u32 - start) % 10
    };
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if !c.is_ascii() && nd(c) {
                    char::from_digit(value(c), 10).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult {
    let orig = s;
    let converted = ascii_digits(s);
    let t = converted.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let mut digits = body;
    let lower = body.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if (base == 16 || base == 0) && prefixed("0x") {
        base = 16;
        digits = &body[2..];
    } else if (base == 8 || base == 0) && prefixed("0o") {
        base = 8;
        digits = &body[2..];
    } else if (base == 2 || base == 0) && prefixed("0b") {
        base = 2;
        digits = &body[2..];
    } else if base == 0 {
        if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
            return Err(invalid_literal(vm, orig, 0));
        }
        base = 10;
    }
    let digits = digits
        .strip_prefix('_')
        .filter(|_| digits.len() > 1 && base != 10)
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(invalid_literal(vm, orig, base));
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return Err(invalid_literal(vm, orig, base));
    }
    match BigInt::from_str_radix(&clean, base) {
        Ok(b) => Ok(Value::from_bigint(if neg { -b } else { b })),
        Err(_) => Err(invalid_literal(vm, orig, base)),
    }
}

fn invalid_literal(vm: &mut Vm, s: &str, base: u32) -> Value {
    let r = crate::vm::convert::str_repr(s);
    vm.value_error(&format!("invalid literal for int() with base {base}: {r}"))
}

fn new_int(vm: &mut Vm, args: Args) -> PyResult {
    let mut args = args;
    let base_kw = args.take_kw("base");
    let v = arg(&args, 1);
    let base = arg(&args, 2).or(base_kw);
    let Some(v) = v else { return Ok(Value::Int(0)) };
    if let Some(b) = base {
        let b = vm.index_value(&b)?;
        if !(b == 0 || (2..=36).contains(&b)) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return match &v {
            Value::Str(s) => parse_int(vm, s.as_str(), b as u32),
            _ => Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
    }
    match &v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => {
            if x.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(vm.new_exc("OverflowError", "cannot convert float infinity to integer"));
            }
            let t = x.trunc();
            if t.abs() < 9.0e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(Value::from_bigint(float_to_bigint(t)))
            }
        }
        Value::Str(s) => parse_int(vm, s.as_str(), 10),
        Value::Bytes(b) => {
            let s = String::from_utf8_lossy(b).to_string();
            parse_int(vm, &s, 10)
        }
        _ => {
            let cls = vm.types.class_of(&v);
            for name in ["__int__", "__index__"] {
                if let Some(f) = cls.lookup(name) {
                    return vm.call(&f, Args::new([v.clone()]));
                }
            }
            let tn = vm.type_name(&v);
            Err(vm.type_error(&format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
            )))
        }
    }
}

pub fn float_to_bigint(x: f64) -> BigInt {
    // Exact conversion of an integral float through its bits.
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    v * sign
}

fn new_bool(vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 1) {
        Some(v) => Ok(Value::Bool(vm.truthy(&v)?)),
        None => Ok(Value::Bool(false)),
    }
}

pub fn parse_float(vm: &mut Vm, s: &str) -> PyResult {
    let converted = ascii_digits(s);
    let t = converted.trim();
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" => Some(crate::vm::value::fresh_nan()),
        // The sign of a NaN is kept, as CPython keeps it (copysign sees it).
        "-nan" => Some(-crate::vm::value::fresh_nan()),
        _ => {
            let ok = !t.contains("__")
                && !t.starts_with('_')
                && !t.ends_with('_')
                && lower
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+-.e".contains(c));
            if ok { lower.parse::<f64>().ok() } else { None }
        }
    };
    match v {
        Some(x) => Ok(Value::Float(x)),
        None => {
            let r = crate::vm::convert::str_repr(s);
            Err(vm.value_error(&format!("could not convert string to float: {r}")))
        }
    }
}

fn new_float(vm: &mut Vm, args: Args) -> PyResult {
    let Some(v) = arg(&args, 1) else {
        return Ok(Value::Float(0.0));
    };
    match &v {
        Value::Float(_) => Ok(v),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Bool(b) => Ok(Value::Float(*b as i64 as f64)),
        Value::BigInt(b) => match b.to_f64() {
            Some(x) if x.is_finite() => Ok(Value::Float(x)),
            _ => Err(vm.new_exc("OverflowError", "int too large to convert to float")),
        },
        Value::Str(s) => parse_float(vm, s.as_str()),
        _ => {
            let cls = vm.types.class_of(&v);
            if let Some(f) = cls.lookup_static("__float__") {
                return vm.call(&f, Args::new([v.clone()]));
            }
            if let Some(f) = cls.lookup_static("__index__") {
                let i = vm.call(&f, Args::new([v.clone()]))?;
                return new_float(vm, Args::new([Value::None, i]));
            }
            let tn = vm.type_name(&v);
            Err(vm.type_error(&format!(
                "float() argument must be a string or a real number, not '{tn}'"
            )))
        }
    }
}

fn new_str(vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 1) {
        Some(Value::Bytes(b)) if args.len() > 2 || !args.kw.is_empty() => {
            // str(b, encoding, errors) is b.decode(encoding, errors).
            let find = |k: &str| {
                args.kw
                    .iter()
                    .find(|(n, _)| &**n == k)
                    .map(|(_, v)| v.clone())
            };
            let enc = args.pos.get(2).cloned().or_else(|| find("encoding"));
            let errors = args.pos.get(3).cloned().or_else(|| find("errors"));
            super::methods::bytes::decode_bytes(vm, &b, enc.as_ref(), errors.as_ref())
        }
        Some(v) => vm.str_value(&v),
        None => Ok(Value::str("")),
    }
}

fn new_bytes(vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 1) {
        None => Ok(Value::Bytes(Rc::new(Vec::new()))),
        Some(Value::Str(s)) => Ok(Value::Bytes(Rc::new(s.as_str().as_bytes().to_vec()))),
        Some(Value::Int(n)) if n < 0 => Err(vm.new_exc("ValueError", "negative count")),
        Some(Value::Int(n)) => {
            vm.reserve(n as usize)?;
            Ok(Value::Bytes(Rc::new(vec![0; n as usize])))
        }
        Some(n @ Value::BigInt(_)) => Err(match vm.repeat_count(&n) {
            Err(e) => e,
            Ok(_) => vm.new_exc("ValueError", "negative count"),
        }),
        Some(v) => {
            let items = vm.collect(&v)?;
            let mut out = Vec::new();
            for it in items {
                let i = vm.index_value(&it)?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            Ok(Value::Bytes(Rc::new(out)))
        }
    }
}

fn new_list(vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 1) {
        Some(v) => Ok(Value::list(vm.collect(&v)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

fn new_tuple(vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 1) {
        Some(Value::Tuple(t)) => Ok(Value::Tuple(t)),
        Some(v) => Ok(Value::tuple(vm.collect(&v)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

pub fn dict_from(vm: &mut Vm, src: Option<Value>, kw: Vec<(Rc<str>, Value)>) -> PyResult {
    let d = Value::dict(Dict::new());
    if let Some(src) = src {
        match &src {
            Value::Dict(_) => vm.dict_update(&d, &src, false)?,
            _ if vm.hasattr(&src, "keys")? => vm.dict_update(&d, &src, false)?,
            _ => {
                let items = vm.collect(&src)?;
                for (i, it) in items.into_iter().enumerate() {
                    let pair = match vm.collect(&it) {
                        Ok(p) => p,
                        Err(_) => {
                            let tn = vm.type_name(&it);
                            return Err(vm.type_error(&format!(
                                "cannot convert dictionary update sequence element #{i} to a sequence"
                            ))).inspect_err(|_e| { let _ = tn; });
                        }
                    };
                    if pair.len() != 2 {
                        return Err(vm.value_error(&format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    let mut p = pair.into_iter();
                    let (k, v) = (p.next().unwrap_or_default(), p.next().unwrap_or_default());
                    vm.setitem(&d, k, v)?;
                }
            }
        }
    }
    for (k, v) in kw {
        vm.setitem(&d, Value::str(&*k), v)?;
    }
    Ok(d)
}

fn new_dict(vm: &mut Vm, args: Args) -> PyResult {
    let src = arg(&args, 1);
    dict_from(vm, src, args.kw)
}

fn new_set(vm: &mut Vm, args: Args) -> PyResult {
    // A set argument is copied as CPython's `set_merge` does; a dict's
    // keys go into a table sized for them first.
    match arg(&args, 1) {
        Some(Value::Set(s)) => return Ok(Value::Set(Rc::new(RefCell::new(s.borrow().set_copy())))),
        Some(Value::FrozenSet(s)) => return Ok(Value::Set(Rc::new(RefCell::new(s.set_copy())))),
        Some(Value::Dict(d)) => {
            let src = d.borrow().clone();
            let mut out = Dict::new_set_for(src.len());
            for e in src.iter() {
                out.insert(e.hash, e.key.clone(), Value::None);
            }
            return Ok(Value::Set(Rc::new(RefCell::new(out))));
        }
        _ => {}
    }
    let items = match arg(&args, 1) {
        Some(v) => vm.collect(&v)?,
        None => Vec::new(),
    };
    vm.new_set(items)
}

/// A set display whose items are all constants (`{1, 2, 3}`), built with
/// CPython's layout: its compiler folds the items into a frozenset, rebuilds
/// that frozenset from its own order when merging constants, and the
/// display copies it into a new set at run time.
pub fn set_display(vm: &mut Vm, args: Args) -> PyResult {
    let folded = folded_frozenset(vm, args)?;
    Ok(Value::Set(Rc::new(RefCell::new(folded.set_copy()))))
}

/// The frozenset constant CPython makes of a set display of constants.
pub fn frozenset_display(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::FrozenSet(Rc::new(folded_frozenset(vm, args)?)))
}

fn folded_frozenset(vm: &mut Vm, args: Args) -> Result<Dict, Value> {
    let mut first = Dict::new_set();
    for it in args.pos {
        let h = vm.hash(&it)?;
        first.insert(h, it, Value::None);
    }
    let mut folded = Dict::new_set();
    for e in first.iter() {
        folded.insert(e.hash, e.key.clone(), Value::None);
    }
    Ok(folded)
}

fn new_frozenset(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(v @ Value::FrozenSet(_)) = arg(&args, 1) {
        return Ok(v);
    }
    let s = new_set(vm, args)?;
    match s {
        Value::Set(d) => Ok(Value::FrozenSet(Rc::new(d.borrow().clone()))),
        other => Ok(other),
    }
}

fn new_range(vm: &mut Vm, args: Args) -> PyResult {
    let mut ints = Vec::new();
    for n in &args.pos[1..] {
        ints.push(match n {
            Value::Float(_) => {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            _ => match vm.to_bigint(n) {
                Some(b) => b,
                None => BigInt::from(vm.index_value(n)?),
            },
        });
    }
    let mut ints = ints.into_iter();
    let (start, stop, step) = match (ints.next(), ints.next(), ints.next(), ints.len()) {
        (Some(stop), None, _, _) => (BigInt::zero(), stop, BigInt::one()),
        (Some(start), Some(stop), None, _) => (start, stop, BigInt::one()),
        (Some(start), Some(stop), Some(step), 0) => (start, stop, step),
        (None, ..) => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        (.., extra) => {
            let n = extra + 3;
            return Err(vm.type_error(&format!("range expected at most 3 arguments, got {n}")));
        }
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range::new(start, stop, step))))
}

/// `types.MethodType(function, instance)`: a bound method.
fn new_method(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 3 {
        let n = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(&format!("method expected 2 arguments, got {n}")));
    }
    let func = args.pos[1].clone();
    let callable = match &func {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        other => vm.types.class_of(other).lookup_static("__call__").is_some(),
    };
    if !callable {
        return Err(vm.type_error("first argument must be callable"));
    }
    if matches!(args.pos[2], Value::None) {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Method(Rc::new(crate::vm::function::BoundMethod {
        receiver: args.pos[2].clone(),
        func,
    })))
}

fn new_slice(_vm: &mut Vm, args: Args) -> PyResult {
    let p: Vec<Value> = args.pos[1..].to_vec();
    let (a, b, c) = match p.len() {
        1 => (Value::None, p[0].clone(), Value::None),
        2 => (p[0].clone(), p[1].clone(), Value::None),
        _ => (
            p.first().cloned().unwrap_or(Value::None),
            p.get(1).cloned().unwrap_or(Value::None),
            p.get(2).cloned().unwrap_or(Value::None),
        ),
    };
    Ok(Value::Slice(Rc::new([a, b, c])))
}

fn new_object(vm: &mut Vm, args: Args) -> PyResult {
    match arg(&args, 0) {
        Some(Value::Class(c))
            if c.layout != Layout::Builtin || c.builtin == Some(TypeId::Object) =>
        {
            vm.check_abstract(&c)?;
            Ok(Value::Instance(Rc::new(Instance::new(c))))
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn new_type(vm: &mut Vm, args: Args) -> PyResult {
    if args.len() == 2 {
        let v = args.pos[1].clone();
        return Ok(Value::Class(vm.types.class_of(&v)));
    }
    if args.len() == 4 {
        let Some(name) = args.pos[1].as_str().map(str::to_string) else {
            let tn = vm.type_name(&args.pos[1]);
            return Err(vm.type_error(&format!("type.__new__() argument 1 must be str, not {tn}")));
        };
        let Value::Tuple(bases) = &args.pos[2] else {
            let tn = vm.type_name(&args.pos[2]);
            return Err(vm.type_error(&format!(
                "type.__new__() argument 2 must be tuple, not {tn}"
            )));
        };
        let ns_value = crate::vm::class::payload_of(&args.pos[3]).unwrap_or(args.pos[3].clone());
        let Value::Dict(ns) = &ns_value else {
            let tn = vm.type_name(&args.pos[3]);
            return Err(vm.type_error(&format!("type.__new__() argument 3 must be dict, not {tn}")));
        };
        let meta = match &args.pos[0] {
            Value::Class(m) if m.builtin != Some(TypeId::Type) => Some(m.clone()),
            _ => None,
        };
        let mut classes = Vec::new();
        for b in bases.iter() {
            match b {
                Value::Class(c) => classes.push(c.clone()),
                other => {
                    let tn = vm.type_name(other);
                    return Err(vm.type_error(&format!("bases must be types, not {tn}")));
                }
            }
        }
        if classes.is_empty() {
            classes.push(vm.types.get(TypeId::Object).clone());
        }
        let mut dict = crate::vm::class::new_attrs();
        for (k, v) in ns.borrow().iter().map(|e| (e.key.clone(), e.value.clone())) {
            match k.as_str() {
                Some(k) => {
                    dict.insert(k.into(), v);
                }
                None => return Err(vm.type_error("type() namespace keys must be strings")),
            }
        }
        dict.entry("__module__".into())
            .or_insert_with(|| Value::str("__main__"));
        let cell = dict.shift_remove("__classcell__");
        return vm.new_class(&name, classes, dict, args.kw, cell, meta);
    }
    Err(vm.type_error("type() takes 1 or 3 arguments"))
}

/// `type.__call__(cls, *args, **kwargs)`: makes an instance of `cls` the
/// ordinary way (what a metaclass's `__call__` reaches with `super()`).
fn type_call(vm: &mut Vm, mut args: Args) -> PyResult {
    if args.pos.is_empty() {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    }
    let receiver = args.pos.remove(0);
    match receiver {
        Value::Class(c) => vm.construct(&c, args),
        other => {
            let tn = vm.type_name(&other);
            Err(vm.type_error(&format!(
                "descriptor '__call__' requires a 'type' object but received a '{tn}'"
            )))
        }
    }
}

/// `type.__setattr__(cls, name, value)`: sets the class attribute itself,
/// past any metaclass `__setattr__` (what `super().__setattr__` reaches).
fn type_setattr(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.as_slice() {
        [Value::Class(c), Value::Str(name), v] => {
            if c.builtin.is_some() {
                let msg = format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    name.as_str(),
                    c.name
                );
                return Err(vm.type_error(&msg));
            }
            c.set_attr(name.as_str().into(), v.clone());
            Ok(Value::None)
        }
        _ => Err(vm.type_error("expected 2 arguments, got wrong arguments")),
    }
}

/// `type.__delattr__(cls, name)`, past any metaclass `__delattr__`.
fn type_delattr(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.as_slice() {
        [Value::Class(c), Value::Str(name)] => {
            crate::vm::class::bump_class_epoch();
            if c.dict.borrow_mut().shift_remove(name.as_str()).is_none() {
                let msg = format!(
                    "type object '{}' has no attribute '{}'",
                    c.name,
                    name.as_str()
                );
                return Err(vm.new_exc("AttributeError", &msg));
            }
            Ok(Value::None)
        }
        _ => Err(vm.type_error("expected 1 argument, got wrong arguments")),
    }
}

/// `type.__init__`: the class is complete after `type.__new__`.
fn type_init(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn descriptor(vm: &mut Vm, t: TypeId, entries: Vec<(&str, Value)>) -> PyResult {
    let cls = vm.types.get(t).clone();
    descriptor_of(cls, entries)
}

/// A descriptor object of class `cls` (a built-in descriptor type or a
/// subclass of one) holding `entries`.
fn descriptor_of(cls: Rc<crate::vm::class::Class>, entries: Vec<(&str, Value)>) -> PyResult {
    let inst = Instance::new(cls);
    {
        let mut d = inst.dict.borrow_mut();
        for (k, v) in entries {
            d.insert(k.into(), v);
        }
    }
    Ok(Value::Instance(Rc::new(inst)))
}

fn new_property(vm: &mut Vm, mut args: Args) -> PyResult {
    let fget = args
        .take_kw("fget")
        .or_else(|| arg(&args, 1))
        .unwrap_or(Value::None);
    let fset = args
        .take_kw("fset")
        .or_else(|| arg(&args, 2))
        .unwrap_or(Value::None);
    let fdel = args
        .take_kw("fdel")
        .or_else(|| arg(&args, 3))
        .unwrap_or(Value::None);
    let doc = args
        .take_kw("doc")
        .or_else(|| arg(&args, 4))
        .unwrap_or(Value::None);
    // Without `doc`, a property documents itself with its getter's docstring.
    let doc = if doc.is_none() && !fget.is_none() {
        match vm.getattr(&fget, "__doc__") {
            Ok(d) => d,
            Err(_) => Value::None,
        }
    } else {
        doc
    };
    // `class cached(property)` instances are made of their own class.
    let cls = match arg(&args, 0) {
        Some(Value::Class(c)) if crate::vm::attr::is_property_class(&c) => c,
        _ => vm.types.get(TypeId::Property).clone(),
    };
    let abstract_ = Value::Bool(any_abstract(vm, &[&fget, &fset, &fdel]));
    descriptor_of(
        cls,
        vec![
            ("fget", fget),
            ("fset", fset),
            ("fdel", fdel),
            ("__doc__", doc),
            ("__isabstractmethod__", abstract_),
        ],
    )
}

/// Whether any of `funcs` is marked `__isabstractmethod__` (what `abc`
/// reads from a property or a static/class method wrapping one).
fn any_abstract(vm: &mut Vm, funcs: &[&Value]) -> bool {
    funcs.iter().any(|f| {
        !f.is_none()
            && vm
                .getattr(f, "__isabstractmethod__")
                .ok()
                .and_then(|v| vm.truthy(&v).ok())
                .unwrap_or(false)
    })
}

/// `property.__get__(obj, type=None)`.
fn property_get(vm: &mut Vm, args: Args) -> PyResult {
    let Some(Value::Instance(p)) = arg(&args, 0) else {
        return Err(vm.type_error("descriptor '__get__' requires a 'property' object"));
    };
    let obj = arg(&args, 1).unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(Value::Instance(p));
    }
    let fget = p.dict.borrow().get("fget").cloned().unwrap_or(Value::None);
    if fget.is_none() {
        return Err(vm.new_exc("AttributeError", "property has no getter"));
    }
    vm.call(&fget, Args::new([obj]))
}

fn property_with(vm: &mut Vm, args: Args, slot: &str) -> PyResult {
    let Some(Value::Instance(p)) = arg(&args, 0) else {
        return Err(vm.type_error("descriptor requires a property"));
    };
    let f = arg(&args, 1).unwrap_or(Value::None);
    let mut entries: Vec<(&str, Value)> = Vec::new();
    let d = p.dict.borrow().clone();
    for k in ["fget", "fset", "fdel", "__doc__"] {
        let v = if k == slot {
            f.clone()
        } else {
            d.get(k).cloned().unwrap_or(Value::None)
        };
        entries.push((k, v));
    }
    let funcs: Vec<Value> = entries[..3].iter().map(|(_, v)| v.clone()).collect();
    let abstract_ = any_abstract(vm, &[&funcs[0], &funcs[1], &funcs[2]]);
    entries.push(("__isabstractmethod__", Value::Bool(abstract_)));
    descriptor_of(p.class.clone(), entries)
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult {
    property_with(vm, args, "fset")
}
fn property_getter(vm: &mut Vm, args: Args) -> PyResult {
    property_with(vm, args, "fget")
}
fn property_deleter(vm: &mut Vm, args: Args) -> PyResult {
    property_with(vm, args, "fdel")
}

fn new_staticmethod(vm: &mut Vm, args: Args) -> PyResult {
    let f = arg(&args, 1).unwrap_or(Value::None);
    let abstract_ = Value::Bool(any_abstract(vm, &[&f]));
    descriptor(
        vm,
        TypeId::StaticMethod,
        vec![
            ("__func__", f.clone()),
            ("__wrapped__", f),
            ("__isabstractmethod__", abstract_),
        ],
    )
}

fn new_classmethod(vm: &mut Vm, args: Args) -> PyResult {
    let f = arg(&args, 1).unwrap_or(Value::None);
    let abstract_ = Value::Bool(any_abstract(vm, &[&f]));
    descriptor(
        vm,
        TypeId::ClassMethod,
        vec![
            ("__func__", f.clone()),
            ("__wrapped__", f),
            ("__isabstractmethod__", abstract_),
        ],
    )
}

/// A staticmethod object is callable (since Python 3.10): it calls its function.
fn staticmethod_call(vm: &mut Vm, mut args: Args) -> PyResult {
    let Some(Value::Instance(sm)) = args.pos.first().cloned() else {
        return Err(vm.type_error("descriptor '__call__' requires a 'staticmethod' object"));
    };
    let f = sm
        .dict
        .borrow()
        .get("__func__")
        .cloned()
        .unwrap_or(Value::None);
    args.pos.remove(0);
    vm.call(&f, args)
}

/// `super()` with no arguments reads the caller's `__class__` cell and first argument.
fn new_super(vm: &mut Vm, args: Args) -> PyResult {
    let (this, obj) = if args.len() >= 3 {
        (args.pos[1].clone(), args.pos[2].clone())
    } else {
        let Some(frame) = vm.frames.last() else {
            return Err(vm.new_exc("RuntimeError", "super(): no arguments"));
        };
        let code = frame.code.clone();
        let ncell = code.cellvars.len();
        let cls = code
            .freevars
            .iter()
            .position(|n| &**n == "__class__")
            .and_then(|i| frame.cells.get(ncell + i))
            .map(|c| c.borrow().clone());
        let first = if code.argcount > 0 || code.flags.varargs {
            match code.cell_params.iter().find(|(l, _)| *l == 0) {
                Some((_, ci)) => frame.cells.get(*ci as usize).map(|c| c.borrow().clone()),
                None => frame.regs.first().cloned(),
            }
        } else {
            None
        };
        match (cls, first) {
            (Some(c @ Value::Class(_)), Some(f)) if !f.is_unbound() => (c, f),
            (Some(Value::Class(_)), Some(_)) => {
                return Err(vm.new_exc("RuntimeError", "super(): arg[0] deleted"));
            }
            (None, _) => {
                return Err(vm.new_exc("RuntimeError", "super(): __class__ cell not found"));
            }
            _ => return Err(vm.new_exc("RuntimeError", "super(): no arguments")),
        }
    };
    descriptor(
        vm,
        TypeId::Super,
        vec![("__thisclass__", this), ("__self__", obj)],
    )
}

#[allow(dead_code)]
fn empty_set() -> Value {
    Value::Set(Rc::new(RefCell::new(Dict::new_set())))
}
