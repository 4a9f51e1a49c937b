//! `inspect`: the predicates asyncio programs use.

use crate::builtins::native;
use crate::vm::function::{Args, BuiltinKind, PyResult};
use crate::vm::generator::GenKind;
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("inspect");
    {
        let mut d = g.borrow_mut();
        let table: &[(&str, crate::vm::function::NativeFn)] = &[
            ("isawaitable", isawaitable),
            ("iscoroutine", iscoroutine),
            ("iscoroutinefunction", iscoroutinefunction),
            ("isgenerator", isgenerator),
            ("isgeneratorfunction", isgeneratorfunction),
            ("isasyncgen", isasyncgen),
            ("isasyncgenfunction", isasyncgenfunction),
            ("isfunction", isfunction),
            ("isclass", isclass),
            ("ismethod", ismethod),
            ("isbuiltin", isbuiltin),
        ];
        for (name, f) in table {
            d.insert((*name).into(), native(name, *f, BuiltinKind::Function));
        }
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "inspect".into(),
        dict: g,
    })))
}

fn first(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn gen_kind(v: &Value) -> Option<GenKind> {
    match v {
        Value::Generator(g) => Some(g.kind),
        _ => None,
    }
}

/// The code flags of a function (or bound method's function).
fn func_flags(v: &Value) -> Option<crate::compiler::bytecode::CodeFlags> {
    match v {
        Value::Function(f) => Some(f.code.flags),
        Value::Method(m) => func_flags(&m.func),
        _ => None,
    }
}

pub fn isawaitable(vm: &mut Vm, args: Args) -> PyResult {
    let v = first(&args);
    let r = match &v {
        Value::Generator(g) => g.kind == GenKind::Coroutine,
        Value::Instance(_) | Value::Native(_) => {
            crate::runtime::is_native_awaitable(&v)
                || vm.types.class_of(&v).lookup_static("__await__").is_some()
        }
        _ => false,
    };
    Ok(Value::Bool(r))
}

pub fn iscoroutine(_vm: &mut Vm, args: Args) -> PyResult {
    let v = first(&args);
    Ok(Value::Bool(
        gen_kind(&v) == Some(GenKind::Coroutine) || crate::runtime::sleep::is_sleep(&v),
    ))
}

pub fn iscoroutinefunction(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        func_flags(&first(&args)).is_some_and(|f| f.coroutine),
    ))
}

fn isgenerator(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        gen_kind(&first(&args)) == Some(GenKind::Generator),
    ))
}

fn isgeneratorfunction(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        func_flags(&first(&args)).is_some_and(|f| f.generator),
    ))
}

fn isasyncgen(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        gen_kind(&first(&args)) == Some(GenKind::AsyncGenerator),
    ))
}

fn isasyncgenfunction(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        func_flags(&first(&args)).is_some_and(|f| f.async_generator),
    ))
}

fn isfunction(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(matches!(first(&args), Value::Function(_))))
}

fn isclass(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(matches!(first(&args), Value::Class(_))))
}

fn ismethod(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(matches!(first(&args), Value::Method(_))))
}

fn isbuiltin(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(matches!(first(&args), Value::Builtin(_))))
}
