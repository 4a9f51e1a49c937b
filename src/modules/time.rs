//! The `time` module, on the selected clock (design.md §2).

use crate::builtins::native;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("time");
    {
        let mut d = g.borrow_mut();
        let table: &[(&str, NativeFn)] = &[
            ("time", time),
            ("perf_counter", perf_counter),
            ("monotonic", perf_counter),
            ("sleep", sleep),
            ("time_ns", time_ns),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic_ns", perf_counter_ns),
            ("_broken_down", super::time_calendar::broken_down),
            ("_mktime", super::time_calendar::mktime),
            ("_strftime", super::time_calendar::strftime),
            ("_process_time", super::time_calendar::process_time),
            ("_wall_time", super::time_calendar::wall_time),
            ("__getattr__", calendar_attr),
        ];
        for (name, f) in table {
            d.insert((*name).into(), native(name, *f, BuiltinKind::Function));
        }
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "time".into(),
        dict: g,
    })))
}

/// The rest of the module (`struct_time`, `strftime`, `localtime`, …) is
/// written in the language in `lib/_time.py`, loaded on first use.
fn calendar_attr(vm: &mut Vm, args: Args) -> PyResult {
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(vm.type_error("__getattr__ expects a name")),
    };
    let extra = vm.import_module("_time")?;
    let found = match &extra {
        Value::Module(m) if !name.as_str().starts_with('_') => {
            m.dict.borrow().get(name.as_str()).cloned()
        }
        _ => None,
    };
    // CPython's time functions are built-ins: they do not bind as methods.
    let found = found.map(|v| match v {
        Value::Function(_) => crate::builtins::as_builtin(name.as_str(), v),
        other => other,
    });
    match found {
        Some(v) => {
            if let Ok(Value::Module(t)) = vm.import_module("time") {
                t.dict.borrow_mut().insert(name.as_str().into(), v.clone());
            }
            Ok(v)
        }
        None => Err(vm.new_exc(
            "AttributeError",
            &format!("module 'time' has no attribute '{}'", name.as_str()),
        )),
    }
}

fn time(vm: &mut Vm, _args: Args) -> PyResult {
    if vm.runtime.clock.is_virtual() {
        return Ok(Value::Float(vm.runtime.clock.read()));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(now))
}

/// The `_ns` clocks read the time without moving the virtual clock on:
/// only `time()`, `perf_counter()` and `monotonic()` tick (design.md §2),
/// so a library that stamps records in nanoseconds (logging, random's
/// seeding) leaves the program's schedule alone.
fn time_ns(vm: &mut Vm, _args: Args) -> PyResult {
    if vm.runtime.clock.is_virtual() {
        return Ok(Value::Int((vm.runtime.clock.time() * 1e9).round() as i64));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    Ok(Value::Int(now))
}

fn perf_counter(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Float(vm.runtime.clock.read()))
}

fn perf_counter_ns(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int((vm.runtime.clock.time() * 1e9).round() as i64))
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult {
    let d = match args.pos.first() {
        Some(Value::Float(x)) => *x,
        Some(Value::Int(i)) => *i as f64,
        Some(Value::Bool(b)) => *b as i64 as f64,
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )));
        }
        None => return Err(vm.type_error("time.sleep() takes exactly one argument (0 given)")),
    };
    if d < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if let Some(ns) = vm.runtime.offload_ns.as_mut() {
        *ns += (d * 1e9).round() as u64;
        return Ok(Value::None);
    }
    vm.flush();
    vm.note_blocking_sleep(d);
    vm.runtime.clock.blocking_sleep(d);
    Ok(Value::None)
}
