//! `_weakref`: the primitives under `weakref` (lib/weakref.py). The Python
//! layer owns the API (`ref`, `proxy`, `finalize`, the weak containers);
//! this file makes handles that do not keep their object alive and asks the
//! VM to call a reference back when its object dies (vm/weak.rs).

use crate::builtins::native;
use crate::vm::class::Layout;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::weak::{self, WeakTarget};
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_weakref");
    for (name, f) in [
        ("handle", handle as NativeFn),
        ("get", get),
        ("watch", watch),
        ("count", count),
        ("canonical", canonical),
        ("set_canonical", set_canonical),
    ] {
        g.borrow_mut()
            .insert(name.into(), native(name, f, BuiltinKind::Function));
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_weakref".into(),
        dict: g,
    })))
}

fn handle_class(vm: &mut Vm) -> Rc<crate::vm::class::Class> {
    if let Some(c) = vm.runtime.native_classes.get("_weakref.handle") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("handle", vec![object], Layout::Builtin, None, "_weakref");
    vm.runtime
        .native_classes
        .insert("_weakref.handle", c.clone());
    c
}

fn target_of(vm: &mut Vm, v: &Value) -> Result<WeakTarget, Value> {
    WeakTarget::of(v).ok_or_else(|| {
        let name = vm.type_name(v);
        vm.type_error(&format!("cannot create weak reference to '{name}' object"))
    })
}

/// `handle(obj)`: a weak handle, or CPython's TypeError for values that
/// cannot be weakly referenced.
fn handle(vm: &mut Vm, args: Args) -> PyResult {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let target = target_of(vm, &obj)?;
    let class = handle_class(vm);
    Ok(Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(target)),
        dict: RefCell::new(None),
    })))
}

/// `get(handle)`: the object, or None once it has died.
fn get(vm: &mut Vm, args: Args) -> PyResult {
    if let Some(Value::Native(n)) = args.pos.first()
        && let Some(t) = n.data.borrow().downcast_ref::<WeakTarget>()
    {
        return Ok(t.get().unwrap_or(Value::None));
    }
    Err(vm.type_error("_weakref.get: a handle is required"))
}

/// `watch(obj, reference)`: call `reference.__callback__(reference)` when
/// `obj` dies, if `reference` is still alive then. True when watched.
fn watch(vm: &mut Vm, args: Args) -> PyResult {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(obj), Some(Value::Instance(reference))) => {
            Ok(Value::Bool(weak::watch(obj, reference)))
        }
        _ => Err(vm.type_error("_weakref.watch: an object and a reference are required")),
    }
}

/// `count(obj)`: how many weak handles point at `obj`.
fn count(_vm: &mut Vm, args: Args) -> PyResult {
    let n = args
        .pos
        .first()
        .and_then(WeakTarget::of)
        // The probe made one more.
        .map(|t| t.count().saturating_sub(1))
        .unwrap_or(0);
    Ok(Value::Int(n as i64))
}

/// `canonical(obj)`: the live plain reference object of `obj`, or None.
fn canonical(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args
        .pos
        .first()
        .and_then(weak::canonical)
        .map(Value::Instance)
        .unwrap_or(Value::None))
}

/// `set_canonical(obj, reference)`: `reference` is `obj`'s plain reference.
fn set_canonical(_vm: &mut Vm, args: Args) -> PyResult {
    if let (Some(obj), Some(Value::Instance(reference))) = (args.pos.first(), args.pos.get(1)) {
        weak::set_canonical(obj, reference);
    }
    Ok(Value::None)
}
