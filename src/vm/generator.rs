//! Generators, coroutines and async generators: a code object's suspended
//! frames. A suspended generator owns the segment of frames from its own
//! frame up to the innermost one it was delegating to (`yield from` /
//! `await`), so resuming pushes the segment back and runs on.

use super::frame::Frame;
use super::value::Value;
use crate::compiler::bytecode::Code;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub enum GenState {
    /// Not running: the frames to push on resume (bottom first).
    Suspended(Vec<Box<Frame>>),
    /// Its frames are on the VM's frame stack.
    Running,
    Finished,
}

pub struct Generator {
    pub kind: GenKind,
    pub state: RefCell<GenState>,
    pub started: Cell<bool>,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub code: Rc<Code>,
    /// Set once awaited or iterated, for the "never awaited" warning.
    pub awaited: Cell<bool>,
    /// Line where the coroutine was created (for the warning).
    pub origin_line: u32,
    /// Async generators: a value being delivered through `asend`.
    pub running_async: Cell<bool>,
    /// Async generator hooks: the awaitable currently driving it.
    pub extra: RefCell<Value>,
}

impl Generator {
    pub fn is_finished(&self) -> bool {
        matches!(*self.state.borrow(), GenState::Finished)
    }
    pub fn is_running(&self) -> bool {
        matches!(*self.state.borrow(), GenState::Running)
    }
    /// The line the innermost suspended frame is at.
    pub fn suspended_line(&self) -> Option<u32> {
        match &*self.state.borrow() {
            GenState::Suspended(frames) => frames.last().map(|f| f.current_line()),
            _ => None,
        }
    }
}
