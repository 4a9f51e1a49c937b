//! Methods of the built-in types (str, list, dict, set, tuple, int, float…).
//!
//! Every method is a native function whose first positional argument is the
//! receiver (`s.upper()` calls `upper(vm, [s])`). Each type lives in its own
//! file; this module holds the argument-checking helpers they share and the
//! hooks the VM calls for the dict view objects.

pub mod bytes;
mod dict;
mod float;
mod format;
mod generator;
mod int;
mod iterator;
pub mod list;
mod object;
mod range;
mod set;
mod slice;
mod str;
mod tuple;
mod type_;

use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};

pub use dict::{view_contains, view_iter, view_len, view_repr};

pub fn install(vm: &mut Vm) {
    str::install(vm);
    list::install(vm);
    tuple::install(vm);
    dict::install(vm);
    set::install(vm);
    int::install(vm);
    float::install(vm);
    bytes::install(vm);
    object::install(vm);
    type_::install(vm);
    slice::install(vm);
    range::install(vm);
    generator::install(vm);
    iterator::install(vm);
}

/// `len()` of native runtime objects without `__len__`.
pub fn native_len(vm: &mut Vm, v: &Value) -> Option<usize> {
    view_len(vm, v)
}

/// Registers a table of methods on one type.
fn register(vm: &mut Vm, t: TypeId, table: &[(&str, NativeFn)]) {
    for (name, f) in table {
        super::method(vm, t, name, *f);
    }
}

/// Registers a static method (e.g. `str.maketrans`).
fn static_method(vm: &mut Vm, t: TypeId, name: &str, f: NativeFn) {
    let cls = vm.types.get(t).clone();
    cls.set_attr(
        name.into(),
        super::native(name, f, crate::vm::function::BuiltinKind::StaticMethod),
    );
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Checks the number of arguments after the receiver, with CPython's
/// messages for positional-only methods. `tname` is the type's name.
fn check(
    vm: &mut Vm,
    args: &Args,
    tname: &str,
    name: &str,
    min: usize,
    max: usize,
) -> Result<(), Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(&format!("{tname}.{name}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    if min == 0 && max == 0 && n > 0 {
        return Err(vm.type_error(&format!("{tname}.{name}() takes no arguments ({n} given)")));
    }
    if min == 1 && max == 1 && n != 1 {
        return Err(vm.type_error(&format!(
            "{tname}.{name}() takes exactly one argument ({n} given)"
        )));
    }
    if n < min {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        };
        return Err(vm.type_error(&msg));
    }
    if n > max {
        let msg = if min == max {
            format!("{name} expected {max} argument{}, got {n}", plural(max))
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(vm.type_error(&msg));
    }
    Ok(())
}

/// Binds the arguments after the receiver to named parameters (positional or
/// keyword), for methods that take keywords. The first `required` must be given.
fn params(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    names: &[&str],
    required: usize,
) -> Result<Vec<Option<Value>>, Value> {
    let pos = args.pos.get(1..).unwrap_or(&[]);
    if pos.len() > names.len() {
        let max = names.len();
        return Err(vm.type_error(&format!(
            "{name}() takes at most {max} argument{} ({} given)",
            plural(max),
            pos.len()
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in &args.kw {
        match names.iter().position(|n| *n == &**k) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(vm.type_error(&format!(
                        "argument for {name}() given by name ('{k}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            None => {
                return Err(vm.type_error(&format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    for (i, slot) in out.iter().enumerate().take(required) {
        if slot.is_none() {
            return Err(vm.type_error(&format!(
                "{name}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            )));
        }
    }
    Ok(out)
}

/// The error for a method called on the wrong kind of receiver
/// (`str.upper(1)`), or with none (`str.upper()`).
fn bad_receiver(vm: &mut Vm, args: &Args, tname: &str, name: &str) -> Value {
    match args.pos.first() {
        Some(v) => {
            let vt = vm.type_name(v);
            // Operator slots are wrapper descriptors in CPython, with their
            // own wording; other dunders are ordinary method descriptors.
            let slot = name.starts_with("__")
                && name.ends_with("__")
                && !matches!(
                    name,
                    "__format__"
                        | "__round__"
                        | "__trunc__"
                        | "__floor__"
                        | "__ceil__"
                        | "__getitem__"
                        | "__sizeof__"
                        | "__reversed__"
                        | "__getnewargs__"
                        | "__dir__"
                );
            if slot {
                vm.type_error(&format!(
                    "descriptor '{name}' requires a '{tname}' object but received a '{vt}'"
                ))
            } else {
                vm.type_error(&format!(
                    "descriptor '{name}' for '{tname}' objects doesn't apply to a '{vt}' object"
                ))
            }
        }
        None => vm.type_error(&format!(
            "unbound method {tname}.{name}() needs an argument"
        )),
    }
}

/// An optional argument: absent or None.
fn opt(v: &Option<Value>) -> Option<&Value> {
    match v {
        Some(Value::None) | None => None,
        Some(v) => Some(v),
    }
}

/// An optional `start`/`end` argument as an index (None → default).
fn opt_index(vm: &mut Vm, v: Option<&Value>) -> Result<Option<i64>, Value> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => Ok(Some(if num_traits::Signed::is_negative(&**b) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        Some(v) => match v {
            Value::Int(_) | Value::Bool(_) | Value::Instance(_) => vm.index_value(v).map(Some),
            _ => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// Clamps Python-style `start`/`end` to `[0, len]`, as `s[start:end]` does.
fn clamp_range(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let len_i = len as i64;
    let fix = |i: i64| {
        if i < 0 {
            (i + len_i).max(0)
        } else {
            i.min(len_i)
        }
    };
    let s = start.map(fix).unwrap_or(0) as usize;
    let e = end.map(fix).unwrap_or(len_i) as usize;
    (s, e)
}

/// The unadjusted start (for `find('', 5)` on a shorter string → -1).
fn raw_start(len: usize, start: Option<i64>) -> i64 {
    match start {
        Some(i) if i < 0 => (i + len as i64).max(0),
        Some(i) => i,
        None => 0,
    }
}

/// Result as bool.
fn b(v: bool) -> PyResult {
    Ok(Value::Bool(v))
}
