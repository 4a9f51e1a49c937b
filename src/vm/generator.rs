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

/// A suspended generator's frames, bottom first. Most chains are one or two
/// frames deep, so they live inline with no allocation of their own.
pub type FrameChain = smallvec::SmallVec<[Box<Frame>; 2]>;

pub enum GenState {
    /// Not running: the frames to push on resume (bottom first).
    Suspended(FrameChain),
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

/// Set when a dropped generator left work for the VM (see `Drop`).
pub static FINALIZE_PENDING: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

thread_local! {
    /// Suspended generators whose last reference went away: CPython closes
    /// them at that moment (running `finally` blocks); the VM does it at
    /// its next safe point.
    pub static FINALIZE: RefCell<Vec<Rc<Generator>>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == GenKind::Coroutine && !self.started.get() && !self.awaited.get() {
            // The warnings module's format: location, message, then the
            // source line stripped.
            let quoted = super::sources::line(&self.code.filename, self.origin_line)
                .map(|l| format!("\n  {}", l.trim()))
                .unwrap_or_default();
            // CPython ends with "Enable tracemalloc to get the object
            // allocation traceback", which an aio user cannot act on; the
            // fix is what helps.
            let name = self.qualname.rsplit('.').next().unwrap_or(&self.qualname);
            eprintln!(
                "{}:{}: RuntimeWarning: coroutine '{}' was never awaited{quoted}\n  help: write 'await {name}(...)', or run it as a task with asyncio.create_task({name}(...))",
                self.code.filename, self.origin_line, self.qualname
            );
            return;
        }
        if !self.started.get() || self.kind == GenKind::Coroutine {
            return;
        }
        let frames = match std::mem::replace(&mut *self.state.borrow_mut(), GenState::Finished) {
            GenState::Suspended(f) => f,
            _ => return,
        };
        // Only a generator suspended inside try/finally or with has anything to run.
        if frames.iter().all(|f| f.blocks.is_empty()) {
            return;
        }
        let heir = Rc::new(Generator {
            kind: self.kind,
            state: RefCell::new(GenState::Suspended(frames)),
            started: Cell::new(true),
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            code: self.code.clone(),
            awaited: Cell::new(true),
            origin_line: self.origin_line,
            running_async: Cell::new(false),
            extra: RefCell::new(Value::None),
        });
        let _ = FINALIZE.try_with(|q| q.borrow_mut().push(heir));
        FINALIZE_PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}
