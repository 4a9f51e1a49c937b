//! Built-in functions: print, len, sorted, isinstance, …

use super::function;
use crate::vm::function::{Args, PyResult};
use crate::vm::iter::NativeIter;
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, crate::vm::function::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("callable", callable),
        ("iter", iter),
        ("next", next),
        ("id", id),
        ("hash", hash),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("chr", chr),
        ("ord", ord),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("any", any),
        ("all", all),
        ("format", format),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("input", input),
    ];
    for (name, f) in table {
        function(vm, name, *f);
    }
}

fn arg(vm: &mut Vm, args: &Args, i: usize, fname: &str) -> PyResult {
    match args.pos.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.type_error(&format!(
            "{fname}() missing required argument (pos {})",
            i + 1
        ))),
    }
}

fn exact_args(vm: &mut Vm, args: &Args, n: usize, fname: &str) -> Result<(), Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(&format!("{fname}() takes no keyword arguments")));
    }
    if args.len() != n {
        let msg = if n == 1 {
            format!(
                "{fname}() takes exactly one argument ({} given)",
                args.len()
            )
        } else {
            format!("{fname} expected {n} arguments, got {}", args.len())
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

fn print(vm: &mut Vm, mut args: Args) -> PyResult {
    let sep = args.take_kw("sep").unwrap_or(Value::None);
    let end = args.take_kw("end").unwrap_or(Value::None);
    let file = args.take_kw("file").unwrap_or(Value::None);
    let flush = args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        return Err(vm.type_error(&format!("print() got an unexpected keyword argument '{k}'")));
    }
    let sep = match &sep {
        Value::None => " ".to_string(),
        Value::Str(s) => s.as_str().to_string(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("sep must be None or a string, not {tn}")));
        }
    };
    let end = match &end {
        Value::None => "\n".to_string(),
        Value::Str(s) => s.as_str().to_string(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("end must be None or a string, not {tn}")));
        }
    };
    // Without `file=`, a program may have replaced `sys.stdout`.
    let file = match (&file, vm.modules.get("sys")) {
        (Value::None, Some(Value::Module(m))) => m
            .dict
            .borrow()
            .get("stdout")
            .cloned()
            .unwrap_or(Value::None),
        _ => file,
    };
    let fd = crate::modules::sys::stream_fd(&file);
    if !file.is_none() && fd.is_none() {
        // A file object: each piece is written separately, as CPython does.
        let w = vm.getattr(&file, "write")?;
        for (i, v) in args.pos.iter().enumerate() {
            if i > 0 {
                vm.call(&w, Args::new([Value::str(sep.as_str())]))?;
            }
            let s = match v {
                Value::Str(_) => v.clone(),
                other => Value::str(vm.str(other)?),
            };
            vm.call(&w, Args::new([s]))?;
        }
        vm.call(&w, Args::new([Value::str(end.as_str())]))?;
        if flush
            .as_ref()
            .is_some_and(|f| !matches!(f, Value::Bool(false) | Value::None))
        {
            let f = vm.getattr(&file, "flush")?;
            vm.call(&f, Args::default())?;
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(&vm.str(other)?),
        }
    }
    out.push_str(&end);
    if fd == Some(2) {
        vm.flush();
        let _ = std::io::stderr().write_all(out.as_bytes());
    } else {
        let _ = vm.out.write_all(out.as_bytes());
        if flush.is_some() {
            vm.flush();
        }
    }
    Ok(Value::None)
}

pub fn len_of(vm: &mut Vm, v: &Value) -> Result<usize, Value> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) | Value::Set(d) => d.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        Value::Range(r) => match r.len() {
            Some(n) => n as usize,
            None => {
                return Err(vm.new_exc(
                    "OverflowError",
                    "Python int too large to convert to C ssize_t",
                ));
            }
        },
        Value::Class(c) if c.meta.is_some() => {
            let cls = vm.types.class_of(v);
            match cls.lookup_static("__len__") {
                Some(f) => {
                    let r = vm.call(&f, Args::new([v.clone()]))?;
                    let n = vm.index_value(&r)?;
                    if n < 0 {
                        return Err(vm.value_error("__len__() should return >= 0"));
                    }
                    n as usize
                }
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
                }
            }
        }
        Value::Instance(_) | Value::Native(_) => {
            let cls = vm.types.class_of(v);
            match cls.lookup_static("__len__") {
                Some(f) => {
                    let r = vm.call(&f, Args::new([v.clone()]))?;
                    let n = match &r {
                        Value::BigInt(b) if num_traits::Signed::is_positive(&**b) => {
                            return Err(vm.new_exc(
                                "OverflowError",
                                "cannot fit 'int' into an index-sized integer",
                            ));
                        }
                        _ => vm.index_value(&r)?,
                    };
                    if n < 0 {
                        return Err(vm.value_error("__len__() should return >= 0"));
                    }
                    n as usize
                }
                None => {
                    if let Some(n) = crate::builtins::methods::native_len(vm, v) {
                        return Ok(n);
                    }
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
                }
            }
        }
        _ => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(&format!("object of type '{tn}' has no len()")));
        }
    })
}

fn len(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "len")?;
    Ok(Value::Int(len_of(vm, &args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "repr")?;
    Ok(Value::str(vm.repr(&args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "ascii")?;
    let r = vm.repr(&args.pos[0])?;
    Ok(Value::str(crate::vm::convert::ascii_of(&r)))
}

fn abs(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "abs")?;
    let v = &args.pos[0];
    Ok(match v {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(x) => Value::Float(x.abs()),
        _ => {
            let cls = vm.types.class_of(v);
            match cls.lookup_static("__abs__") {
                Some(f) => return vm.call(&f, Args::new([v.clone()])),
                None => {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(&format!("bad operand type for abs(): '{tn}'")));
                }
            }
        }
    })
}

fn min_max(vm: &mut Vm, mut args: Args, is_max: bool) -> PyResult {
    let name = if is_max { "max" } else { "min" };
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let default = args.take_kw("default");
    let items = if args.len() == 1 {
        vm.collect(&args.pos[0])?
    } else if args.is_empty() {
        return Err(vm.type_error(&format!("{name} expected at least 1 argument, got 0")));
    } else {
        if default.is_some() {
            return Err(vm.type_error(&format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        args.pos.to_vec()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(&format!("{name}() iterable argument is empty"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, Args::new([best.clone()]))?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, Args::new([it.clone()]))?,
            None => it.clone(),
        };
        // CPython asks `item > best` for max and `item < best` for min.
        let op = if is_max {
            crate::ast::CmpOp::Gt
        } else {
            crate::ast::CmpOp::Lt
        };
        let r = vm.compare(op, &k, &best_key)?;
        let better = vm.truthy(&r)?;
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: Args) -> PyResult {
    min_max(vm, args, false)
}
fn max(vm: &mut Vm, args: Args) -> PyResult {
    min_max(vm, args, true)
}

fn sum(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args
        .take_kw("start")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = start {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = arg(vm, &args, 0, "sum")?;
    let it = vm.iter(&it)?;
    let mut acc = start;
    // Floats are summed with Neumaier compensation, as CPython 3.12+ does
    // (ints joining a float sum are added without compensation).
    let mut fsum: Option<(f64, f64)> = None;
    while let Some(v) = vm.next(&it)? {
        if fsum.is_none()
            && let Value::Float(x) = acc
        {
            fsum = Some((x, 0.0));
        }
        if let Some((hi, lo)) = fsum.as_mut() {
            match &v {
                Value::Float(x) => {
                    let x = *x;
                    let t = *hi + x;
                    if hi.abs() >= x.abs() {
                        *lo += (*hi - t) + x;
                    } else {
                        *lo += (x - t) + *hi;
                    }
                    *hi = t;
                    continue;
                }
                Value::Int(i) => {
                    *hi += *i as f64;
                    continue;
                }
                Value::Bool(b) => {
                    *hi += *b as i64 as f64;
                    continue;
                }
                _ => {
                    let (h, l) = (*hi, *lo);
                    acc = Value::Float(if l != 0.0 && l.is_finite() { h + l } else { h });
                    fsum = None;
                }
            }
        }
        acc = vm.binary_op(crate::ast::BinOp::Add, acc, v, false)?;
    }
    if let Some((h, l)) = fsum {
        acc = Value::Float(if l != 0.0 && l.is_finite() { h + l } else { h });
    }
    Ok(acc)
}

/// A stable merge sort that calls back into Python for comparisons.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> Result<Vec<Value>, Value> {
    let keys = match &key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call(k, Args::new([it.clone()]))?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err = None;
    // Merge sort on indices (stable); errors stop further comparisons.
    let mut buf = idx.clone();
    fn merge_sort(
        vm: &mut Vm,
        keys: &[Value],
        a: &mut [usize],
        b: &mut [usize],
        reverse: bool,
        err: &mut Option<Value>,
    ) {
        let n = a.len();
        if n <= 1 {
            return;
        }
        let mid = n / 2;
        merge_sort(vm, keys, &mut a[..mid], &mut b[..mid], reverse, err);
        merge_sort(vm, keys, &mut a[mid..], &mut b[mid..], reverse, err);
        let (mut i, mut j, mut k) = (0, mid, 0);
        while i < mid && j < n {
            let take_right = if err.is_some() {
                false
            } else {
                let (l, r) = (&keys[a[i]], &keys[a[j]]);
                let res = if reverse {
                    vm.less_than(l, r)
                } else {
                    vm.less_than(r, l)
                };
                match res {
                    Ok(t) => t,
                    Err(e) => {
                        *err = Some(e);
                        false
                    }
                }
            };
            if take_right {
                b[k] = a[j];
                j += 1;
            } else {
                b[k] = a[i];
                i += 1;
            }
            k += 1;
        }
        while i < mid {
            b[k] = a[i];
            i += 1;
            k += 1;
        }
        while j < n {
            b[k] = a[j];
            j += 1;
            k += 1;
        }
        a.copy_from_slice(&b[..n]);
    }
    merge_sort(vm, &keys, &mut idx, &mut buf, reverse, &mut err);
    if let Some(e) = err {
        return Err(e);
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn sorted(vm: &mut Vm, mut args: Args) -> PyResult {
    let key = args.take_kw("key").filter(|k| !k.is_none());
    let reverse = match args.take_kw("reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    if args.len() != 1 {
        let n = args.len();
        return Err(vm.type_error(&format!("sorted expected 1 argument, got {n}")));
    }
    let items = vm.collect(&args.pos[0])?;
    Ok(Value::list(super::methods::list::list_sort(
        vm, items, key, reverse,
    )?))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "reversed")?;
    let v = args.pos[0].clone();
    let it = match &v {
        Value::List(l) => {
            let n = l.borrow().len();
            NativeIter::Reversed {
                items: l.clone(),
                idx: n,
            }
        }
        Value::Range(r) => r.reversed(),
        Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            let mut items = vm.collect(&v)?;
            items.reverse();
            NativeIter::Values { items, idx: 0 }
        }
        Value::Dict(_) => {
            let mut items = vm.collect(&v)?;
            items.reverse();
            NativeIter::Values { items, idx: 0 }
        }
        _ => {
            let cls = vm.types.class_of(&v);
            if let Some(f) = cls.lookup_static("__reversed__") {
                return vm.call(&f, Args::new([v.clone()]));
            }
            if cls.lookup_static("__len__").is_some() && cls.lookup_static("__getitem__").is_some()
            {
                let n = super::functions::len_of(vm, &v)?;
                let mut items = Vec::with_capacity(n);
                for i in (0..n).rev() {
                    items.push(vm.getitem(&v, &Value::Int(i as i64))?);
                }
                NativeIter::Values { items, idx: 0 }
            } else {
                let tn = vm.type_name(&v);
                return Err(vm.type_error(&format!("'{tn}' object is not reversible")));
            }
        }
    };
    Ok(Value::Iter(Rc::new(RefCell::new(it))))
}

fn enumerate(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args
        .take_kw("start")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::Int(0));
    let start = match vm.to_bigint(&start) {
        Some(b) => Value::from_bigint(b),
        None => Value::Int(vm.index_value(&start)?),
    };
    let v = arg(vm, &args, 0, "enumerate")?;
    let inner = vm.iter(&v)?;
    Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Enumerate {
        inner,
        count: start,
    }))))
}

fn zip(vm: &mut Vm, mut args: Args) -> PyResult {
    let strict = match args.take_kw("strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut iters = Vec::new();
    for (i, a) in args.pos.iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => iters.push(it),
            Err(_) => {
                let tn = vm.type_name(a);
                return Err(
                    vm.type_error(&format!("zip() argument #{} must support iteration", i + 1))
                )
                .inspect_err(|_e| {
                    let _ = tn;
                });
            }
        }
    }
    Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Zip {
        iters,
        strict,
    }))))
}

fn map(vm: &mut Vm, args: Args) -> PyResult {
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = args.pos[0].clone();
    let mut iters = Vec::new();
    for a in &args.pos[1..] {
        iters.push(vm.iter(a)?);
    }
    Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Map {
        func,
        iters,
    }))))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 2, "filter")?;
    let func = args.pos[0].clone();
    let inner = vm.iter(&args.pos[1])?;
    Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Filter {
        func,
        inner,
    }))))
}

pub fn isinstance_of(vm: &mut Vm, v: &Value, t: &Value) -> Result<bool, Value> {
    match t {
        Value::Class(c) => {
            let cls = vm.types.class_of(v);
            if Rc::ptr_eq(&cls, c) {
                return Ok(true);
            }
            if let Some(check) = vm.user_method(t, "__instancecheck__") {
                let r = vm.call(&check, Args::new([t.clone(), v.clone()]))?;
                return vm.truthy(&r);
            }
            Ok(cls.is_subclass(c))
        }
        Value::Tuple(items) => {
            for it in items.iter() {
                if isinstance_of(vm, v, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(_) if vm.user_method(t, "__instancecheck__").is_some() => {
            let check = vm.user_method(t, "__instancecheck__").unwrap_or_default();
            let r = vm.call(&check, Args::new([t.clone(), v.clone()]))?;
            vm.truthy(&r)
        }
        _ => Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 2, "isinstance")?;
    Ok(Value::Bool(isinstance_of(vm, &args.pos[0], &args.pos[1])?))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 2, "issubclass")?;
    let Value::Class(c) = &args.pos[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    fn check(vm: &mut Vm, c: &Rc<crate::vm::class::Class>, t: &Value) -> Result<bool, Value> {
        match t {
            Value::Class(tc) => {
                if let Some(check) = vm.user_method(t, "__subclasscheck__") {
                    let r = vm.call(&check, Args::new([t.clone(), Value::Class(c.clone())]))?;
                    return vm.truthy(&r);
                }
                Ok(c.is_subclass(tc))
            }
            Value::Tuple(items) => {
                for it in items.iter() {
                    if check(vm, c, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Instance(_) if vm.user_method(t, "__subclasscheck__").is_some() => {
                let check = vm.user_method(t, "__subclasscheck__").unwrap_or_default();
                let r = vm.call(&check, Args::new([t.clone(), Value::Class(c.clone())]))?;
                vm.truthy(&r)
            }
            _ => Err(
                vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            ),
        }
    }
    Ok(Value::Bool(check(vm, c, &args.pos[1])?))
}

fn attr_name(vm: &mut Vm, v: &Value) -> Result<String, Value> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 2, "hasattr")?;
    let name = attr_name(vm, &args.pos[1])?;
    Ok(Value::Bool(vm.hasattr(&args.pos[0], &name)?))
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult {
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(&format!(
            "getattr expected 2 or 3 arguments, got {}",
            args.len()
        )));
    }
    let name = attr_name(vm, &args.pos[1])?;
    match vm.getattr(&args.pos[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.exc_matches_name(&e, "AttributeError") => {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 3, "setattr")?;
    let name = attr_name(vm, &args.pos[1])?;
    vm.setattr(&args.pos[0], &name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 2, "delattr")?;
    let name = attr_name(vm, &args.pos[1])?;
    vm.delattr(&args.pos[0], &name)?;
    Ok(Value::None)
}

fn callable(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "callable")?;
    let v = &args.pos[0];
    Ok(Value::Bool(match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => {
            vm.types.class_of(v).lookup_static("__call__").is_some()
        }
        _ => false,
    }))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult {
    if args.len() == 2 {
        let callable = matches!(
            args.pos[0],
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)
        ) || vm
            .types
            .class_of(&args.pos[0])
            .lookup_static("__call__")
            .is_some();
        if !callable {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::Iter(Rc::new(RefCell::new(NativeIter::Callable {
            func: args.pos[0].clone(),
            sentinel: args.pos[1].clone(),
        }))));
    }
    exact_args(vm, &args, 1, "iter")?;
    vm.iter(&args.pos[0])
}

fn next(vm: &mut Vm, args: Args) -> PyResult {
    let it = arg(vm, &args, 0, "next")?;
    let ok = matches!(it, Value::Iter(_) | Value::Generator(_))
        || vm.types.class_of(&it).lookup_static("__next__").is_some();
    if !ok {
        let tn = vm.type_name(&it);
        return Err(vm.type_error(&format!("'{tn}' object is not an iterator")));
    }
    match it {
        Value::Generator(ref g) if args.len() < 2 => {
            match vm.resume_gen(g, crate::vm::interp::Resume::Send(Value::None))? {
                crate::vm::interp::GenOutcome::Yielded(v) => Ok(v),
                crate::vm::interp::GenOutcome::Returned(r) => {
                    Err(vm
                        .new_exc_args("StopIteration", if r.is_none() { vec![] } else { vec![r] }))
                }
            }
        }
        Value::Iter(_) | Value::Generator(_) => match vm.next(&it)? {
            Some(v) => Ok(v),
            None => match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.new_exc_empty("StopIteration")),
            },
        },
        _ => {
            let f = vm
                .types
                .class_of(&it)
                .lookup_static("__next__")
                .unwrap_or_default();
            match vm.call(&f, Args::new([it.clone()])) {
                Ok(v) => Ok(v),
                Err(e) if args.len() > 1 && vm.exc_matches_name(&e, "StopIteration") => {
                    Ok(args.pos[1].clone())
                }
                Err(e) => Err(e),
            }
        }
    }
}

fn id(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "id")?;
    let v = &args.pos[0];
    Ok(Value::Int(match v.ptr() {
        Some(p) => p as i64,
        None => match v {
            Value::Int(i) => 0x1000_0000 + i.wrapping_mul(32),
            Value::None => 0x9000,
            Value::Bool(b) => 0x9100 + *b as i64,
            Value::Float(x) => x.to_bits() as i64 & 0x7fff_ffff_ffff,
            _ => 0,
        },
    }))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "hash")?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn radix(vm: &mut Vm, args: &Args, prefix: &str, base: u32, name: &str) -> PyResult {
    exact_args(vm, args, 1, name)?;
    let v = vm.index_value(&args.pos[0]).or_else(|e| {
        if let Some(b) = vm.to_bigint(&args.pos[0]) {
            let _ = e;
            Ok(i64::MIN).map(|_| 0).and(Err(b))
        } else {
            Err(BigInt::zero())
                .map_err(|_| BigInt::zero())
                .map(|x: i64| x)
                .map_err(|_| BigInt::zero())
        }
    });
    let b = match v {
        Ok(i) => BigInt::from(i),
        Err(b) if !b.is_zero() => b,
        Err(_) => match vm.to_bigint(&args.pos[0]) {
            Some(b) => b,
            None => {
                let tn = vm.type_name(&args.pos[0]);
                return Err(vm.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )));
            }
        },
    };
    let s = b.abs().to_str_radix(base);
    Ok(Value::str(if b.is_negative() {
        format!("-{prefix}{s}")
    } else {
        format!("{prefix}{s}")
    }))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, &args, "0x", 16, "hex")
}
fn oct(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, &args, "0o", 8, "oct")
}
fn bin(vm: &mut Vm, args: Args) -> PyResult {
    radix(vm, &args, "0b", 2, "bin")
}

fn chr(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "chr")?;
    let i = vm.index_value(&args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "ord")?;
    match &args.pos[0] {
        Value::Str(s) => {
            let n = s.char_len();
            if n != 1 {
                return Err(vm.type_error(&format!(
                    "ord() expected a character, but string of length {n} found"
                )));
            }
            Ok(Value::Int(
                s.as_str().chars().next().map(|c| c as i64).unwrap_or(0),
            ))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "ord() expected string of length 1, but {tn} found"
            )))
        }
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 2, "divmod")?;
    let (a, b) = (args.pos[0].clone(), args.pos[1].clone());
    let zero = matches!(b, Value::Float(x) if x == 0.0)
        || (matches!(a, Value::Float(_)) && matches!(b, Value::Int(0) | Value::Bool(false)));
    if zero {
        return Err(vm.new_exc("ZeroDivisionError", "float divmod()"));
    }
    let numeric = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    };
    if !(numeric(&a) && numeric(&b)) {
        let user =
            |v: &Value, n: &str| matches!(v, Value::Instance(i) if i.class.lookup(n).is_some());
        if !user(&a, "__divmod__") && !user(&b, "__rdivmod__") {
            let (ta, tb) = (vm.type_name(&a), vm.type_name(&b));
            return Err(vm.type_error(&format!(
                "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
            )));
        }
        // a.__divmod__(b), then the reflected b.__rdivmod__(a) (first when
        // b's class is a proper subclass of a's).
        let (ca, cb) = (vm.types.class_of(&a), vm.types.class_of(&b));
        let b_first = !Rc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca);
        let mut attempts = vec![
            (ca.lookup_static("__divmod__"), a.clone(), b.clone()),
            (cb.lookup_static("__rdivmod__"), b.clone(), a.clone()),
        ];
        if b_first {
            attempts.reverse();
        }
        for (f, x, y) in attempts {
            if let Some(f) = f {
                let r = vm.call(&f, Args::new([x, y]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let (ta, tb) = (vm.type_name(&a), vm.type_name(&b));
        return Err(vm.type_error(&format!(
            "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
        )));
    }
    let q = vm.binary_op(crate::ast::BinOp::FloorDiv, a.clone(), b.clone(), false)?;
    let r = vm.binary_op(crate::ast::BinOp::Mod, a, b, false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult {
    if args.len() == 3 && !args.pos[2].is_none() {
        // Only the base's `__pow__` takes part in three-argument pow().
        if let Some(f) = vm.user_method(&args.pos[0], "__pow__") {
            let r = vm.call(&f, Args::new(args.pos.to_vec()))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        // Subclasses of int (IntEnum members) count as their value.
        let pos: Vec<Value> = args
            .pos
            .iter()
            .map(|v| crate::vm::class::payload_of(v).unwrap_or_else(|| v.clone()))
            .collect();
        let numeric = |v: &Value| {
            matches!(
                v,
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
            )
        };
        if !pos.iter().all(numeric) {
            let names: Vec<String> = args
                .pos
                .iter()
                .map(|v| format!("'{}'", vm.type_name(v)))
                .collect();
            return Err(vm.type_error(&format!(
                "unsupported operand type(s) for ** or pow(): {}",
                names.join(", ")
            )));
        }
        let (Some(b), Some(e), Some(m)) = (
            vm.to_bigint(&pos[0]),
            vm.to_bigint(&pos[1]),
            vm.to_bigint(&pos[2]),
        ) else {
            return Err(
                vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
            );
        };
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        let (b, e) = if e.is_negative() {
            // pow(b, -e, m) = pow(inverse(b), e, m), by extended Euclid.
            let (mut old_r, mut r) = (num_integer::Integer::mod_floor(&b, &m), m.clone());
            let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
            while !r.is_zero() {
                let q = num_integer::Integer::div_floor(&old_r, &r);
                let nr = &old_r - &q * &r;
                old_r = std::mem::replace(&mut r, nr);
                let ns = &old_s - &q * &s;
                old_s = std::mem::replace(&mut s, ns);
            }
            if old_r.abs() != BigInt::from(1) {
                return Err(vm.value_error("base is not invertible for the given modulus"));
            }
            let inv = num_integer::Integer::mod_floor(&(old_s * &old_r), &m);
            (inv, -e)
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
            r + &m
        } else {
            r
        };
        return Ok(Value::from_bigint(r));
    }
    if args.len() < 2 {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    }
    vm.binary_op(
        crate::ast::BinOp::Pow,
        args.pos[0].clone(),
        args.pos[1].clone(),
        false,
    )
}

fn round(vm: &mut Vm, mut args: Args) -> PyResult {
    let nd = args
        .take_kw("ndigits")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None);
    let v = arg(vm, &args, 0, "round")?;
    match &v {
        Value::Float(x) => {
            if nd.is_none() {
                if x.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(
                        vm.new_exc("OverflowError", "cannot convert float infinity to integer")
                    );
                }
                let r = x.round();
                let r = if (x - x.trunc()).abs() == 0.5 {
                    2.0 * (x / 2.0).round()
                } else {
                    r
                };
                return Ok(if r.abs() < 9e18 {
                    Value::Int(r as i64)
                } else {
                    Value::from_bigint(super::ctors::float_to_bigint(r))
                });
            }
            let n = vm.index_value(&nd)?;
            let r = crate::format::float_round(*x, n).map_err(|e| vm.format_error(e))?;
            Ok(Value::Float(r))
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            if nd.is_none() {
                return Ok(match v {
                    Value::Bool(b) => Value::Int(b as i64),
                    other => other,
                });
            }
            let n = vm.index_value(&nd)?;
            if n >= 0 {
                return Ok(match v {
                    Value::Bool(b) => Value::Int(b as i64),
                    other => other,
                });
            }
            let Some(b) = vm.to_bigint(&v) else {
                return Ok(v);
            };
            let m = num_traits::pow(BigInt::from(10), (-n) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&b, &m);
            let twice = &r * 2;
            let q = if twice > m || (twice == m && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(Value::from_bigint(q * m))
        }
        _ => {
            let cls = vm.types.class_of(&v);
            match cls.lookup_static("__round__") {
                Some(f) => {
                    let mut a = Args::new([v.clone()]);
                    if !nd.is_none() {
                        a.pos.push(nd);
                    }
                    vm.call(&f, a)
                }
                None => {
                    let tn = vm.type_name(&v);
                    Err(vm.type_error(&format!("type {tn} doesn't define __round__ method")))
                }
            }
        }
    }
}

fn any(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "any")?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: Args) -> PyResult {
    exact_args(vm, &args, 1, "all")?;
    let it = vm.iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn format(vm: &mut Vm, args: Args) -> PyResult {
    let v = arg(vm, &args, 0, "format")?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(_) => return Err(vm.type_error("format() argument 2 must be str")),
        None => String::new(),
    };
    Ok(Value::str(vm.format(&v, &spec)?))
}

fn vars(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.first() {
        Some(v) => match vm.getattr(v, "__dict__") {
            Ok(d) => Ok(d),
            Err(e) if vm.exc_matches_name(&e, "AttributeError") => {
                Err(vm.type_error("vars() argument must have __dict__ attribute"))
            }
            Err(e) => Err(e),
        },
        None => globals(vm, args),
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult {
    // A user `__dir__` (on the class, or on the metaclass for a class).
    if let Some(obj) = args.pos.first()
        && let Some(f) = vm.user_method(obj, "__dir__")
    {
        let r = vm.call(&f, Args::new([obj.clone()]))?;
        let mut items = vm.collect(&r)?;
        let mut err = None;
        items.sort_by(|a, b| match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => x.cmp(y),
            _ => {
                err = Some(());
                std::cmp::Ordering::Equal
            }
        });
        if err.is_some() {
            return Err(vm.type_error("'<' not supported between instances of 'str' and 'int'"));
        }
        return Ok(Value::list(items));
    }
    let mut names: Vec<String> = Vec::new();
    match args.pos.first() {
        Some(Value::Instance(i)) => {
            names.extend(i.dict.borrow().keys().map(|k| k.to_string()));
            for c in i.class.mro() {
                names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
            }
        }
        Some(Value::Class(c)) => {
            for c in c.mro() {
                names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
            }
        }
        Some(Value::Module(m)) => {
            names.extend(m.dict.borrow().keys().map(|k| k.to_string()));
            names.extend(vm.lazy_names(&m.dict));
            if Rc::ptr_eq(&m.dict, &vm.builtins) {
                names.extend(crate::modules::pure::lazy_builtin_names().map(String::from));
            }
        }
        Some(other) => {
            let cls = vm.types.class_of(other);
            for c in cls.mro() {
                names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
            }
        }
        None => {
            if let Value::Dict(d) = locals(vm, Args::default())? {
                names.extend(
                    d.borrow()
                        .keys()
                        .iter()
                        .filter_map(|k| k.as_str().map(str::to_string)),
                );
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult {
    let g = vm.frames.last().map(|f| f.globals.clone());
    match g {
        Some(g) => {
            let d = vm.attrs_to_dict(&g.borrow());
            Ok(d)
        }
        None => Ok(Value::dict(Default::default())),
    }
}

/// `locals()`: the caller's namespace — a class body's dict, the globals at
/// module level, or a snapshot of a function's bound variables (locals,
/// then cells, then free variables, as CPython 3.13 orders them).
fn locals(vm: &mut Vm, _args: Args) -> PyResult {
    let Some(frame) = vm.frames.last() else {
        return Ok(Value::dict(Default::default()));
    };
    if let Some(ns) = frame.ns.clone() {
        return Ok(vm.attrs_to_dict(&ns.borrow()));
    }
    let code = frame.code.clone();
    if &*code.name == "<module>" {
        let g = frame.globals.clone();
        return Ok(vm.attrs_to_dict(&g.borrow()));
    }
    let mut bound: Vec<(Rc<str>, Value)> = Vec::new();
    for (name, v) in code.varnames.iter().zip(frame.regs.iter()) {
        if !v.is_unbound() {
            bound.push((name.clone(), v.clone()));
        }
    }
    let cell_names = code.cellvars.iter().chain(code.freevars.iter());
    for (name, cell) in cell_names.zip(frame.cells.iter()) {
        let v = cell.borrow().clone();
        if !v.is_unbound() {
            bound.push((name.clone(), v));
        }
    }
    let mut d = crate::vm::dict::Dict::new();
    for (name, v) in bound {
        let h = crate::vm::hash::str_hash(&name);
        d.insert(h, Value::str(&*name), v);
    }
    Ok(Value::dict(d))
}

fn input(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(p) = args.pos.first() {
        let s = vm.str(p)?;
        let _ = vm.out.write_all(s.as_bytes());
    }
    vm.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_exc("EOFError", "EOF when reading a line")),
        Ok(_) => Ok(Value::str(line.trim_end_matches('\n'))),
        Err(e) => Err(vm.new_exc("OSError", &e.to_string())),
    }
}

#[allow(dead_code)]
fn unused(_: TypeId) -> Option<i64> {
    BigInt::zero().to_i64()
}
