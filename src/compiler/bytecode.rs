//! The instruction set and the code object the compiler emits.
//!
//! Instructions are a plain Rust enum (8 bytes) so the VM dispatches with one
//! `match` and no decoding; operands index the code object's tables.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::value::Value;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    /// Like LoadFast, for a local that might be unbound (UnboundLocalError).
    LoadFastChecked(u32),
    /// `LoadFast a; LoadConst k` before an operator (see compiler/fuse.rs).
    FastConstOp(u16, u16),
    /// `LoadFast a; LoadFast b` before an operator (see compiler/fuse.rs).
    FastFastOp(u16, u16),
    StoreFast(u32),
    DeleteFast(u32),
    /// Cells: own cellvars first, then freevars.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Pushes the cell itself, to build a closure.
    LoadClosure(u32),
    /// In a class body: the class namespace first, then the cell.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: the namespace dict, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `[func, self]` for a method found on the type, or
    /// `[attr, Unbound]`, so CallMethod avoids a bound-method object.
    LoadMethod(u32),
    /// `super().name` about to be called: pops `super` and the `__class__`
    /// cell, reads the first local (see vm/super_call.rs).
    LoadSuperMethod(u32),
    CallMethod(u32),
    CallMethodKw(u16, u16),
    Subscript,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    InPlace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Pop,
    /// Duplicates the item `n` deep (0 = top).
    Copy(u32),
    /// Swaps the top with the item `n` deep.
    Swap(u32),
    /// Replaces the float on top with the complex number with that
    /// imaginary part (an imaginary literal such as `2j`).
    Imaginary,
    /// `case` pattern `code.patterns[i]`: stack `subject, values...` →
    /// `captures..., True` on a match, `False` otherwise.
    MatchCase(u32),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// Pops and jumps when the top is None (used by `with` exits).
    PopJumpIfNone(u32),
    GetIter,
    /// Pushes the next item, or pops the iterator and jumps when exhausted.
    ForIter(u32),
    GetAIter,
    GetANext,
    /// Turns StopAsyncIteration raised by an `async for` step into a jump.
    EndAsyncFor,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    BuildSlice(u32),
    BuildString(u32),
    /// Append TOS to the list `n` deep (after popping TOS).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like DictUpdate, but duplicate keys are an error (`f(**a, **b)`).
    DictMerge(u32),
    ListToTuple,
    UnpackSequence(u32),
    UnpackEx(u16, u16),
    /// Conversion (0 none, 1 str, 2 repr, 3 ascii); bit 4 set = a spec is on the stack.
    FormatValue(u8),
    /// Flags: 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple.
    MakeFunction(u8),
    Call(u32),
    /// argc (positional + keyword), const index of the keyword-name tuple.
    CallKw(u16, u16),
    /// 1 = a kwargs dict is on the stack above the args tuple.
    CallEx(u8),
    Return,
    YieldValue,
    /// Delegates to the iterator/awaitable under TOS, sending TOS.
    YieldFrom,
    GetAwaitable,
    GetYieldFromIter,
    SetupExcept(u32),
    SetupFinally(u32),
    PopBlock,
    /// Leaves an except handler: restores the previously handled exception.
    PopExcept,
    /// Re-raises the exception on top of the stack.
    Reraise,
    /// 0: bare `raise`; 1: `raise X`; 2: `raise X from Y`.
    Raise(u8),
    /// Stack `exc, type` → `exc, bool`.
    CheckExcMatch,
    /// `except*`: stack `eg, type` → `rest, match_or_none`.
    CheckEgMatch,
    /// Enter `with`: stack `mgr` → `exit, enter_result`.
    BeforeWith,
    BeforeAsyncWith,
    /// Calls `exit(type, exc, tb)` for the exception on TOS; stack keeps the
    /// exception and pushes the result.
    WithExceptStart,
    /// Stack `group_or_none, orig` after except* handlers: raise what remains.
    PrepReraiseStar,
    /// `except*` clause entry: the matched part (TOS) becomes the exception being handled.
    PushHandled,
    /// `except*` clause raised: `[.., raised, rest, match, exc]` → `[.., raised, rest]`, exc recorded.
    StarCollect,
    ImportName(u32),
    ImportFrom(u32),
    /// `from M import *` at module level: stack `module` → ``; binds its
    /// public names (or `__all__`) in the globals.
    ImportStar,
    /// REPL: print the repr of TOS unless None, and bind `_`.
    PrintExpr,
    LoadAssertionError,
    /// Marks a generator's start, so the first `send` must be None.
    GenStart,
    /// Builds a class: stack `body_func, name, *bases` with a keyword tuple.
    BuildClass(u16, u16),
    /// Pushes the enclosing exception being handled (for bare `raise` in a
    /// nested block) — unused placeholder kept out of the hot loop.
    SetupAnnotations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CodeFlags {
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub async_generator: bool,
    /// Module body that awaits at top level: run as the main coroutine.
    pub top_level_await: bool,
    /// Class body: names live in the namespace dict.
    pub class_body: bool,
}

#[derive(Debug)]
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub ops: Vec<Op>,
    /// Source line of each op (parallel to `ops`).
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, its local slot, so the
    /// argument is moved into the cell when the frame starts.
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlycount: u32,
    pub kwonlycount: u32,
    pub flags: CodeFlags,
    pub first_line: u32,
    pub max_stack: u32,
    /// Per-name inline cache for `LoadGlobal`: 1 + the name's index in the
    /// globals map, or with `BUILTIN_BIT` set, in the builtins map; 0 when
    /// unknown. Entries are verified on use, so a stale one only costs a miss.
    pub global_cache: Vec<std::cell::Cell<u32>>,
    /// Per-name hint for attribute access on instances: the index the name
    /// last had in an instance dict. Instances of one class usually set
    /// their attributes in the same order, so the hint, verified by
    /// pointer against the interned name, skips hashing.
    pub attr_cache: Vec<std::cell::Cell<u32>>,
    /// The docstring, when the body starts with a string literal.
    pub doc: Option<Rc<str>>,
    /// The positional argument count when a call with exactly that many
    /// positional arguments can move them straight into the locals (no
    /// defaults needed, no `*args`/`**kw`/keyword-only); `u32::MAX`
    /// otherwise. Cells are set up after the move.
    pub fast_argc: u32,
    /// The `case` patterns of `MatchCase` ops.
    pub patterns: Vec<MatchCaseCode>,
}

/// A compiled `case` pattern. Values (literals, dotted names, classes,
/// mapping keys) are evaluated onto the stack before the op, numbered in
/// pre-order; captures fill numbered slots that the op pushes in order.
#[derive(Debug, Clone, PartialEq)]
pub enum MatchPat {
    Wildcard,
    Capture(u32),
    /// Equal (`==`) to value slot `n`.
    Value(u32),
    /// `None`, `False`, `True` (0, 1, 2): compared by identity.
    Singleton(u8),
    /// Items; the starred one (index, capture slot or None for `*_`).
    Seq {
        items: Vec<MatchPat>,
        star: Option<(usize, Option<u32>)>,
    },
    Map {
        keys: Vec<u32>,
        values: Vec<MatchPat>,
        rest: Option<u32>,
    },
    Class {
        cls: u32,
        args: Vec<MatchPat>,
        kw_names: Vec<Rc<str>>,
        kw: Vec<MatchPat>,
    },
    Or(Vec<MatchPat>),
    As(Box<MatchPat>, u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatchCaseCode {
    pub pat: MatchPat,
    pub nvalues: u32,
    pub ncaptures: u32,
}

pub const BUILTIN_BIT: u32 = 1 << 31;

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines
            .get(ip)
            .or_else(|| self.lines.last())
            .copied()
            .unwrap_or(self.first_line)
    }
    /// Value-stack slots to reserve in a fresh frame. A generator or
    /// coroutine frame can stay suspended for a long time (a million idle
    /// tasks), so it starts small and grows if its stack gets deeper.
    pub fn initial_stack(&self) -> usize {
        if self.is_generator_like() { 6 } else { 16 }
    }
    pub fn is_generator_like(&self) -> bool {
        self.flags.generator || self.flags.coroutine || self.flags.async_generator
    }

    /// The value of `fast_argc` for a code object with these properties.
    pub fn compute_fast_argc(&self) -> u32 {
        let simple = !self.flags.varargs
            && !self.flags.varkw
            && self.kwonlycount == 0
            && !self.flags.class_body;
        if simple { self.argcount } else { u32::MAX }
    }
}
