//! `typing` and `collections.abc`: names importable for annotations. Each is
//! a plain class, so `Optional[int]`, `class C(Generic[T])` and
//! `isinstance(x, Awaitable)`-free annotation code work.

use crate::builtins::native;
use crate::vm::class::Layout;
use crate::vm::function::{Args, BuiltinKind, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use std::rc::Rc;

const TYPING: &[&str] = &[
    "Any",
    "Optional",
    "Union",
    "List",
    "Dict",
    "Tuple",
    "Set",
    "FrozenSet",
    "Callable",
    "Awaitable",
    "Coroutine",
    "AsyncIterator",
    "AsyncIterable",
    "AsyncGenerator",
    "Iterator",
    "Iterable",
    "Generator",
    "Generic",
    "Protocol",
    "Final",
    "ClassVar",
    "Literal",
    "Sequence",
    "Mapping",
    "MutableMapping",
    "MutableSequence",
    "Type",
    "NoReturn",
    "Never",
    "Self",
    "Annotated",
    "TypeAlias",
    "Hashable",
    "Sized",
    "Container",
    "Collection",
    "Deque",
    "DefaultDict",
    "OrderedDict",
    "Counter",
    "ChainMap",
    "AbstractSet",
    "MutableSet",
    "ContextManager",
    "AsyncContextManager",
    "SupportsInt",
    "SupportsFloat",
    "IO",
    "TextIO",
    "Pattern",
    "Match",
    "Text",
    "AnyStr",
    "LiteralString",
    "Required",
    "NotRequired",
    "TypedDict",
    "ParamSpec",
    "Concatenate",
    "TypeGuard",
    "Unpack",
    "TypeVarTuple",
];

const ABC: &[&str] = &[
    "Awaitable",
    "Coroutine",
    "AsyncIterable",
    "AsyncIterator",
    "AsyncGenerator",
    "Iterable",
    "Iterator",
    "Generator",
    "Reversible",
    "Callable",
    "Collection",
    "Container",
    "Hashable",
    "Sized",
    "Sequence",
    "MutableSequence",
    "Mapping",
    "MutableMapping",
    "Set",
    "MutableSet",
    "MappingView",
    "KeysView",
    "ItemsView",
    "ValuesView",
    "ByteString",
    "Buffer",
];

fn module_with_classes(vm: &mut Vm, module: &str, names: &[&str]) -> Value {
    let g = vm.new_globals(module);
    let object = vm.types.get(TypeId::Object).clone();
    for name in names {
        let c = new_class(name, vec![object.clone()], Layout::Object, None, module);
        c.set_attr(
            "__class_getitem__".into(),
            native("__class_getitem__", class_getitem, BuiltinKind::ClassMethod),
        );
        c.set_attr(
            "__init__".into(),
            native("__init__", accept_anything, BuiltinKind::Method),
        );
        g.borrow_mut().insert((*name).into(), Value::Class(c));
    }
    Value::Module(Rc::new(ModuleObj {
        name: module.into(),
        dict: g,
    }))
}

fn class_getitem(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn accept_anything(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

fn identity_second(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.get(1).cloned().unwrap_or(Value::None))
}

fn identity_first(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn type_var(vm: &mut Vm, args: Args) -> PyResult {
    let name = args.pos.first().cloned().unwrap_or(Value::None);
    let object = vm.types.get(TypeId::Object).clone();
    let label = name.as_str().unwrap_or("T").to_string();
    let c = new_class(&label, vec![object], Layout::Object, None, "typing");
    c.set_attr(
        "__class_getitem__".into(),
        native("__class_getitem__", class_getitem, BuiltinKind::ClassMethod),
    );
    Ok(Value::Class(c))
}

pub fn create_typing(vm: &mut Vm) -> PyResult {
    let m = module_with_classes(vm, "typing", TYPING);
    if let Value::Module(mo) = &m {
        let mut d = mo.dict.borrow_mut();
        d.insert("TYPE_CHECKING".into(), Value::Bool(false));
        d.insert(
            "cast".into(),
            native("cast", identity_second, BuiltinKind::Function),
        );
        d.insert(
            "TypeVar".into(),
            native("TypeVar", type_var, BuiltinKind::Function),
        );
        d.insert(
            "NewType".into(),
            native("NewType", identity_second, BuiltinKind::Function),
        );
        d.insert(
            "overload".into(),
            native("overload", identity_first, BuiltinKind::Function),
        );
        d.insert(
            "final".into(),
            native("final", identity_first, BuiltinKind::Function),
        );
        d.insert(
            "runtime_checkable".into(),
            native("runtime_checkable", identity_first, BuiltinKind::Function),
        );
        d.insert(
            "no_type_check".into(),
            native("no_type_check", identity_first, BuiltinKind::Function),
        );
        d.insert(
            "reveal_type".into(),
            native("reveal_type", identity_first, BuiltinKind::Function),
        );
    }
    Ok(m)
}

pub fn create_abc(vm: &mut Vm) -> PyResult {
    Ok(module_with_classes(vm, "collections.abc", ABC))
}

/// `collections`, as a package that holds only `abc`.
pub fn create_collections(vm: &mut Vm) -> PyResult {
    // `collections.abc` becomes an attribute when it is imported.
    let g = vm.new_globals("collections");
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "collections".into(),
        dict: g,
    })))
}
