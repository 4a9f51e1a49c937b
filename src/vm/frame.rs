//! Heap frames. A frame is plain data (code, instruction pointer, locals and
//! value stack in one vector, cells, block stack), so a suspended coroutine
//! is just its frames: no Rust stack is held across a suspension.

use super::class::AttrMap;
use super::function::{CellRef, Globals};
use super::value::Value;
use crate::compiler::bytecode::Code;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `try/except`: jump to the handler with the exception pushed.
    Except,
    /// `try/finally` or `with`: same, the handler re-raises at its end.
    Finally,
}

#[derive(Debug, Clone, Copy)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// Stack height (above the locals) to restore before jumping.
    pub depth: u32,
    /// Length of `Frame::handling` when the block was set up.
    pub handling: u32,
}

/// How a frame hands its outcome to whoever resumed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeKind {
    /// An ordinary call: the return value is pushed on the caller's stack.
    Call,
    /// A generator driven by the caller's `ForIter`: a yielded value is the
    /// next item; returning ends the loop.
    ForIter,
    /// Delegated to by the caller's `YieldFrom` (also `await`): yields pass
    /// through to the caller's own consumer; the return value is pushed.
    Delegate,
    /// `__init__` run for a constructor call: the instance already sits on
    /// the caller's stack as the call's result; the return value must be
    /// None and is dropped.
    Init,
    /// The run loop returns to Rust when this frame yields, returns or raises.
    Boundary,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub ip: usize,
    /// Locals first (`code.nlocals()` slots), then the value stack.
    pub regs: Vec<Value>,
    pub cells: Vec<CellRef>,
    pub globals: Globals,
    /// Class bodies keep their names here instead of in fast locals.
    pub ns: Option<Rc<RefCell<AttrMap>>>,
    /// A class body's namespace when the metaclass's `__prepare__` returned
    /// a mapping other than a plain dict: names go through its
    /// `__getitem__`/`__setitem__`/`__delitem__`.
    pub ns_mapping: Option<Value>,
    pub blocks: Vec<Block>,
    /// Exceptions being handled in this frame (innermost last).
    pub handling: Vec<Value>,
    pub kind: ResumeKind,
}

impl Frame {
    pub fn current_line(&self) -> u32 {
        self.code.line_at(self.ip.saturating_sub(1))
    }
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.regs.push(v);
    }
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.regs.pop().unwrap_or_default()
    }
    #[inline]
    pub fn top(&self) -> Value {
        self.regs.last().cloned().unwrap_or_default()
    }
    pub fn stack_height(&self) -> usize {
        self.regs.len() - self.code.nlocals()
    }
}
