//! Callables: user functions (closures over cells), built-in functions and
//! bound methods.

use super::class::AttrMap;
use super::interp::Vm;
use super::value::Value;
use crate::compiler::bytecode::Code;
use smallvec::SmallVec;
use std::cell::RefCell;
use std::rc::Rc;

pub type CellRef = Rc<RefCell<Value>>;
pub type Globals = Rc<RefCell<AttrMap>>;

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Globals,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    pub closure: Vec<CellRef>,
    pub attrs: RefCell<Option<AttrMap>>,
}

/// Arguments to a native function: positional first (self included for
/// methods), then keywords in call order.
#[derive(Default)]
pub struct Args {
    pub pos: SmallVec<[Value; 4]>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: impl IntoIterator<Item = Value>) -> Self {
        Args {
            pos: pos.into_iter().collect(),
            kw: Vec::new(),
        }
    }
    pub fn len(&self) -> usize {
        self.pos.len()
    }
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }
    /// Removes and returns a keyword argument.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

pub type PyResult<T = Value> = Result<T, Value>;
pub type NativeFn = fn(&mut Vm, Args) -> PyResult;

pub struct BuiltinFn {
    pub name: Rc<str>,
    pub func: NativeFn,
    /// Bound receiver for module-level functions that carry state.
    pub bound: Option<Value>,
    /// `classmethod`-like natives receive the class as first argument.
    pub kind: BuiltinKind,
    /// The built-in type whose method this is: called on an instance of a
    /// user subclass, it works on the instance's built-in payload.
    pub owner: Option<super::types::TypeId>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinKind {
    Function,
    /// A method descriptor of a built-in type: binds on attribute access.
    Method,
    ClassMethod,
    StaticMethod,
}

pub struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}
