//! The `sys` module.

use crate::vm::function::{Args, BuiltinFn, BuiltinKind};
use crate::vm::module::ModuleObj;
use crate::vm::{PyResult, Value, Vm};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("sys");
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a.as_str())).collect();
    {
        let mut d = g.borrow_mut();
        d.insert("argv".into(), Value::list(argv));
        d.insert("exit".into(), native("exit", sys_exit));
        d.insert(
            "getrecursionlimit".into(),
            native("getrecursionlimit", getrecursionlimit),
        );
        d.insert(
            "setrecursionlimit".into(),
            native("setrecursionlimit", setrecursionlimit),
        );
        d.insert("stdout".into(), Value::str("<stdout>"));
        d.insert("stderr".into(), Value::str("<stderr>"));
        d.insert("maxsize".into(), Value::Int(i64::MAX));
        d.insert("platform".into(), Value::str("linux"));
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "sys".into(),
        dict: g,
    })))
}

pub fn native(name: &str, f: crate::vm::function::NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name: name.into(),
        func: f,
        bound: None,
        kind: BuiltinKind::Function,
    }))
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult {
    let code = args.pos.into_iter().next();
    let cls = vm.types.exc("SystemExit");
    Err(vm.exc_from_class(&cls, code.into_iter().collect()))
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(v) = args.pos.first() {
        let n = vm.index_value(v)?;
        vm.recursion_limit = n.clamp(50, 100_000) as usize;
    }
    Ok(Value::None)
}
