//! The value representation: a 16-byte enum; small ints and floats inline,
//! everything else behind an `Rc`. Values are single-threaded (design.md §5).

use super::class::{Class, Instance};
use super::dict::Dict;
use super::function::{BoundMethod, BuiltinFn, Function};
use super::generator::Generator;
use super::iter::NativeIter;
use super::module::ModuleObj;
use super::native::NativeObj;
pub use super::range::Range;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

// A full-word tag keeps the payload at offset 8, so a value moves as two
// aligned words; with a byte tag, rustc copies the 15 bytes after it with
// overlapping moves that defeat store forwarding in the dispatch loop.
#[derive(Clone, Default)]
#[repr(u64)]
pub enum Value {
    /// Internal: an empty local slot or a "no value" marker; never seen by programs.
    #[default]
    Unbound,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<Vec<u8>>),
    Tuple(Rc<Vec<Value>>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Dict>>),
    FrozenSet(Rc<Dict>),
    Range(Rc<Range>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Builtin(Rc<BuiltinFn>),
    Method(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<ModuleObj>),
    Generator(Rc<Generator>),
    Iter(Rc<RefCell<NativeIter>>),
    Cell(Rc<RefCell<Value>>),
    Native(Rc<NativeObj>),
    Code(Rc<crate::compiler::bytecode::Code>),
}

/// A str: the text plus a lazily computed hash.
pub struct PyStr {
    pub s: Box<str>,
    hash: Cell<Option<i64>>,
    ascii: bool,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> Self {
        let s: Box<str> = s.into();
        let ascii = s.is_ascii();
        PyStr {
            s,
            hash: Cell::new(None),
            ascii,
        }
    }
    pub fn as_str(&self) -> &str {
        &self.s
    }
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }
    /// Length in code points, as Python counts.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.s.len()
        } else {
            self.s.chars().count()
        }
    }
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = super::hash::str_hash(&self.s);
        self.hash.set(Some(h));
        h
    }
}

thread_local! {
    static NAN_TAG: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A quiet NaN with a payload no earlier call returned: each
/// `float('nan')` is a new object in CPython, and the payload is what keeps
/// `n in [n]` true but `float('nan') in [float('nan')]` false here.
pub fn fresh_nan() -> f64 {
    let tag = NAN_TAG.with(|t| {
        let next = (t.get() + 1) & ((1 << 51) - 1);
        t.set(next);
        next
    });
    f64::from_bits(0x7FF8_0000_0000_0000 | tag)
}

impl Value {
    pub fn str(s: impl Into<Box<str>>) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }
    /// `clone`, with the scalar cases inlined: the dispatch loop copies
    /// locals and constants on every load, and most of them are scalars.
    #[inline(always)]
    pub fn dup(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Bool(b) => Value::Bool(*b),
            Value::None => Value::None,
            _ => self.clone(),
        }
    }
    /// Drops the value, with the scalar cases (nothing to free) decided
    /// inline instead of in the out-of-line drop glue.
    #[inline(always)]
    pub fn discard(self) {
        match self {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::Unbound => {
                std::mem::forget(self)
            }
            other => drop(other),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn is_unbound(&self) -> bool {
        matches!(self, Value::Unbound)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Unbound, Unbound)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are cached in CPython; all machine ints compare by value here.
            (Int(a), Int(b)) => a == b,
            // Floats are not boxed: equal bits are the same object. A NaN
            // made by `float('nan')` carries its own payload (`fresh_nan`),
            // so two of them are distinct while one stays itself.
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }
    /// The address of the heap object, for identity and `id()`.
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) | Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Method(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return Option::None,
        })
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Unbound => write!(f, "<unbound>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Tuple(t) => write!(f, "tuple{:?}", t),
            Value::List(l) => write!(f, "list{:?}", l.borrow()),
            _ => write!(f, "<object>"),
        }
    }
}
