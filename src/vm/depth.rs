//! Native recursion: walks of nested data (repr, ==, <, hash) recurse in
//! Rust, not in Python frames, so the Python recursion limit does not stop
//! them. As CPython 3.13 does with its C recursion limit, they count their
//! own depth and raise RecursionError, with CPython's message, long before
//! the native stack could overflow.

use super::{PyResult, Vm};

/// CPython 3.13's `Py_C_RECURSION_LIMIT`.
pub const NATIVE_DEPTH_LIMIT: u32 = 10_000;

/// What a nested walk was doing, for the RecursionError message.
#[derive(Debug, Clone, Copy)]
pub enum Walk {
    Repr,
    Compare,
    Hash,
}

impl Walk {
    fn message(self) -> &'static str {
        match self {
            Walk::Repr => "maximum recursion depth exceeded while getting the repr of an object",
            Walk::Compare => "maximum recursion depth exceeded in comparison",
            Walk::Hash => "maximum recursion depth exceeded",
        }
    }
}

impl Vm {
    /// Runs one level of a nested walk, counting its depth.
    #[inline]
    pub fn nested<T>(&mut self, walk: Walk, f: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        if self.native_depth >= NATIVE_DEPTH_LIMIT {
            return Err(self.new_exc("RecursionError", walk.message()));
        }
        self.native_depth += 1;
        let r = f(self);
        self.native_depth -= 1;
        r
    }
}
