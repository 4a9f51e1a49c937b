//! The built-in types as class objects, so `type(x)`, `isinstance` and
//! method lookup treat built-in and user classes alike.

use super::class::{Class, Layout, new_attrs};
use super::value::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

macro_rules! type_ids {
    ($($id:ident => $name:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum TypeId { $($id),* }
        pub const ALL_TYPES: &[(TypeId, &str)] = &[$((TypeId::$id, $name)),*];
    };
}

type_ids! {
    Object => "object",
    Type => "type",
    Int => "int",
    Bool => "bool",
    Float => "float",
    Str => "str",
    Bytes => "bytes",
    List => "list",
    Tuple => "tuple",
    Dict => "dict",
    Set => "set",
    FrozenSet => "frozenset",
    Range => "range",
    Slice => "slice",
    NoneType => "NoneType",
    NotImplementedType => "NotImplementedType",
    Ellipsis => "ellipsis",
    Function => "function",
    BuiltinFunction => "builtin_function_or_method",
    Method => "method",
    Module => "module",
    Generator => "generator",
    Coroutine => "coroutine",
    AsyncGenerator => "async_generator",
    Cell => "cell",
    Code => "code",
    Property => "property",
    StaticMethod => "staticmethod",
    ClassMethod => "classmethod",
    Super => "super",
    Iterator => "iterator",
    DictKeys => "dict_keys",
    DictValues => "dict_values",
    DictItems => "dict_items",
}

pub struct Types {
    classes: Vec<Rc<Class>>,
    pub exceptions: HashMap<&'static str, Rc<Class>>,
    /// One class per kind of native iterator (`type(map(...)).__name__`).
    iter_classes: HashMap<&'static str, Rc<Class>>,
}

const ITER_KINDS: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "bytes_iterator",
    "range_iterator",
    "longrange_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "list_reverseiterator",
    "iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
];

/// (name, base) in creation order: each base is defined before its subclasses.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("PythonFinalizationError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
];

pub fn new_class(
    name: &str,
    bases: Vec<Rc<Class>>,
    layout: Layout,
    builtin: Option<TypeId>,
    module: &str,
) -> Rc<Class> {
    let mro_tail = super::class::c3_mro(&bases).unwrap_or_default();
    Rc::new(Class {
        name: name.into(),
        qualname: name.into(),
        module: module.into(),
        bases,
        mro_tail,
        dict: RefCell::new(new_attrs()),
        layout,
        builtin,
        meta: None,
        cache: Default::default(),
    })
}

impl Types {
    pub fn new() -> Self {
        let object = new_class(
            "object",
            vec![],
            Layout::Object,
            Some(TypeId::Object),
            "builtins",
        );
        let mut classes: Vec<Rc<Class>> = Vec::with_capacity(ALL_TYPES.len());
        for (id, name) in ALL_TYPES {
            let c = match id {
                TypeId::Object => object.clone(),
                TypeId::Bool => {
                    let int = classes[TypeId::Int as usize].clone();
                    new_class(name, vec![int], Layout::Builtin, Some(*id), "builtins")
                }
                _ => new_class(
                    name,
                    vec![object.clone()],
                    Layout::Builtin,
                    Some(*id),
                    "builtins",
                ),
            };
            classes.push(c);
        }
        let mut exceptions: HashMap<&'static str, Rc<Class>> = HashMap::new();
        for (name, base) in EXCEPTIONS {
            let base_cls = if base.is_empty() {
                object.clone()
            } else {
                match exceptions.get(base) {
                    Some(b) => b.clone(),
                    None => object.clone(),
                }
            };
            let c = new_class(name, vec![base_cls], Layout::Exception, None, "builtins");
            exceptions.insert(name, c);
        }
        // ExceptionGroup is both a BaseExceptionGroup and an Exception.
        if let (Some(beg), Some(exc)) = (
            exceptions.get("BaseExceptionGroup").cloned(),
            exceptions.get("Exception").cloned(),
        ) {
            let eg = new_class(
                "ExceptionGroup",
                vec![beg, exc],
                Layout::Exception,
                None,
                "builtins",
            );
            exceptions.insert("ExceptionGroup", eg);
        }
        let iter_base = classes[TypeId::Iterator as usize].clone();
        let iter_classes = ITER_KINDS
            .iter()
            .map(|n| {
                (
                    *n,
                    new_class(
                        n,
                        vec![iter_base.clone()],
                        Layout::Builtin,
                        Some(TypeId::Iterator),
                        "builtins",
                    ),
                )
            })
            .collect();
        Types {
            classes,
            exceptions,
            iter_classes,
        }
    }

    #[inline]
    pub fn get(&self, id: TypeId) -> &Rc<Class> {
        &self.classes[id as usize]
    }

    pub fn exc(&self, name: &str) -> Rc<Class> {
        match self.exceptions.get(name) {
            Some(c) => c.clone(),
            None => self.get(TypeId::Object).clone(),
        }
    }

    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let id = match v {
            Value::Instance(i) => return i.class.clone(),
            Value::Native(n) => return n.class.clone(),
            Value::Unbound | Value::None => TypeId::NoneType,
            Value::NotImplemented => TypeId::NotImplementedType,
            Value::Ellipsis => TypeId::Ellipsis,
            Value::Bool(_) => TypeId::Bool,
            Value::Int(_) | Value::BigInt(_) => TypeId::Int,
            Value::Float(_) => TypeId::Float,
            Value::Str(_) => TypeId::Str,
            Value::Bytes(_) => TypeId::Bytes,
            Value::Tuple(_) => TypeId::Tuple,
            Value::List(_) => TypeId::List,
            Value::Dict(_) => TypeId::Dict,
            Value::Set(_) => TypeId::Set,
            Value::FrozenSet(_) => TypeId::FrozenSet,
            Value::Range(_) => TypeId::Range,
            Value::Slice(_) => TypeId::Slice,
            Value::Function(_) => TypeId::Function,
            Value::Builtin(_) => TypeId::BuiltinFunction,
            Value::Method(_) => TypeId::Method,
            Value::Class(c) => match &c.meta {
                Some(m) => return m.clone(),
                None => TypeId::Type,
            },
            Value::Module(_) => TypeId::Module,
            Value::Generator(g) => match g.kind {
                super::generator::GenKind::Generator => TypeId::Generator,
                super::generator::GenKind::Coroutine => TypeId::Coroutine,
                super::generator::GenKind::AsyncGenerator => TypeId::AsyncGenerator,
            },
            Value::Iter(it) => {
                let name = it.borrow().type_name();
                if let Some(c) = self.iter_classes.get(name) {
                    return c.clone();
                }
                TypeId::Iterator
            }
            Value::Cell(_) => TypeId::Cell,
            Value::Code(_) => TypeId::Code,
        };
        self.get(id).clone()
    }
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}
