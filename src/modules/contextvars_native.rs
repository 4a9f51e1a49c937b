//! `_contextvars`: the interpreter's slot for the current
//! `contextvars.Context` (lib/contextvars.py). Tasks switch it around each
//! step (runtime/task.rs), so each task sees its own context.

use crate::builtins::native;
use crate::vm::function::{Args, BuiltinKind, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_contextvars");
    g.borrow_mut().insert(
        "current".into(),
        native("current", current, BuiltinKind::Function),
    );
    g.borrow_mut().insert(
        "set_current".into(),
        native("set_current", set_current, BuiltinKind::Function),
    );
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_contextvars".into(),
        dict: g,
    })))
}

fn current(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.runtime.context.clone())
}

fn set_current(vm: &mut Vm, args: Args) -> PyResult {
    vm.runtime.context = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(Value::None)
}
