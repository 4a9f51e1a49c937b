//! The builtins namespace and the methods of the built-in types.

mod conveniences;
mod ctors;
mod eval;
mod functions;
pub mod gen_methods;
pub(crate) mod methods;
pub mod methods_hooks;

use crate::vm::function::{BuiltinFn, BuiltinKind, NativeFn};
use crate::vm::types::{ALL_TYPES, TypeId};
use crate::vm::{Value, Vm};
use std::rc::Rc;

/// The function the compiler calls for an all-constant set display.
pub fn set_display_fn() -> Value {
    native("set", ctors::set_display, BuiltinKind::Function)
}

/// The function the compiler calls for an all-constant set display that a
/// `for` loop iterates (CPython makes it a frozenset constant).
pub fn frozenset_display_fn() -> Value {
    native("frozenset", ctors::frozenset_display, BuiltinKind::Function)
}

pub fn native(name: &str, f: NativeFn, kind: BuiltinKind) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name: name.into(),
        func: f,
        bound: None,
        kind,
        owner: None,
    }))
}

/// A function written in the language, presented as a built-in function:
/// it does not bind as a method when stored on a class (CPython's
/// `Formatter.converter = time.localtime` relies on that) and its repr is
/// `<built-in function NAME>`.
pub fn as_builtin(name: &str, func: Value) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name: name.into(),
        func: call_wrapped,
        bound: Some(func),
        kind: BuiltinKind::Function,
        owner: None,
    }))
}

fn call_wrapped(vm: &mut Vm, mut args: crate::vm::Args) -> crate::vm::PyResult {
    if args.pos.is_empty() {
        return Err(vm.type_error("missing wrapped function"));
    }
    let func = args.pos.remove(0);
    vm.call(&func, args)
}

/// Adds a method to a built-in type's class dict.
pub fn method(vm: &mut Vm, t: TypeId, name: &str, f: NativeFn) {
    let cls = vm.types.get(t).clone();
    let owner = match t {
        TypeId::Object | TypeId::Type => None,
        other => Some(other),
    };
    let m = Value::Builtin(Rc::new(crate::vm::function::BuiltinFn {
        name: name.into(),
        func: f,
        bound: None,
        kind: BuiltinKind::Method,
        owner,
    }));
    cls.set_attr(name.into(), m);
}

pub fn class_method(vm: &mut Vm, t: TypeId, name: &str, f: NativeFn) {
    let cls = vm.types.get(t).clone();
    cls.set_attr(name.into(), native(name, f, BuiltinKind::ClassMethod));
}

pub fn function(vm: &mut Vm, name: &str, f: NativeFn) {
    vm.builtins
        .borrow_mut()
        .insert(name.into(), native(name, f, BuiltinKind::Function));
}

pub fn install(vm: &mut Vm) {
    for (id, name) in ALL_TYPES {
        let exposed = matches!(
            id,
            TypeId::Object
                | TypeId::Type
                | TypeId::Int
                | TypeId::Bool
                | TypeId::Float
                | TypeId::Str
                | TypeId::Bytes
                | TypeId::List
                | TypeId::Tuple
                | TypeId::Dict
                | TypeId::Set
                | TypeId::FrozenSet
                | TypeId::Range
                | TypeId::Slice
                | TypeId::Property
                | TypeId::StaticMethod
                | TypeId::ClassMethod
                | TypeId::Super
        );
        if exposed {
            let c = vm.types.get(*id).clone();
            vm.builtins
                .borrow_mut()
                .insert((*name).into(), Value::Class(c));
        }
    }
    let excs: Vec<_> = vm
        .types
        .exceptions
        .iter()
        .map(|(n, c)| (*n, c.clone()))
        .collect();
    for (n, c) in excs {
        vm.builtins.borrow_mut().insert(n.into(), Value::Class(c));
    }
    {
        let mut b = vm.builtins.borrow_mut();
        b.insert("None".into(), Value::None);
        b.insert("Ellipsis".into(), Value::Ellipsis);
        b.insert("NotImplemented".into(), Value::NotImplemented);
        b.insert("EnvironmentError".into(), Value::None);
        b.insert("__name__".into(), Value::str("builtins"));
    }
    if let Some(os) = vm.types.exceptions.get("OSError").cloned() {
        vm.builtins
            .borrow_mut()
            .insert("EnvironmentError".into(), Value::Class(os.clone()));
        vm.builtins
            .borrow_mut()
            .insert("IOError".into(), Value::Class(os));
    }
    ctors::install(vm);
    // The mutable containers are unhashable: `list.__hash__ is None`.
    for t in [TypeId::List, TypeId::Dict, TypeId::Set] {
        vm.types.get(t).set_attr("__hash__".into(), Value::None);
    }
    // The hashable ones have a `__hash__` that subclasses inherit ahead of
    // later bases (an `IntEnum` member hashes as its int).
    for t in [
        TypeId::Int,
        TypeId::Bool,
        TypeId::Float,
        TypeId::Str,
        TypeId::Bytes,
        TypeId::Tuple,
        TypeId::FrozenSet,
    ] {
        method(vm, t, "__hash__", value_hash);
    }
    functions::install(vm);
    eval::install(vm);
    conveniences::install(vm);
    methods::install(vm);
    gen_methods::install(vm);
    gen_methods::install_group_methods(vm);
    gen_methods::install_async_gen(vm);
    intern_builtin_names(vm);
}

/// Re-keys the builtins namespace with interned names, so cached global
/// lookups of builtins verify by pointer (see `vm::intern`).
fn intern_builtin_names(vm: &mut Vm) {
    let old = std::mem::take(&mut *vm.builtins.borrow_mut());
    let mut b = vm.builtins.borrow_mut();
    for (k, v) in old {
        b.insert(crate::vm::intern::intern(&k), v);
    }
}

/// `T.__hash__(v)` for the hashable built-in types (a subclass instance
/// arrives as its built-in value).
fn value_hash(vm: &mut Vm, args: crate::vm::function::Args) -> crate::vm::function::PyResult {
    match args.pos.first() {
        Some(v) => Ok(Value::Int(vm.hash(v)?)),
        None => Err(vm.type_error("descriptor '__hash__' needs an argument")),
    }
}
