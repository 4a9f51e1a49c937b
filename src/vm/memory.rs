//! The VM's side of the memory budget (src/memory.rs): requests a program
//! controls are checked before they are made, and refused with CPython's
//! `MemoryError` or `OverflowError`.

use crate::memory::{LARGE, fits};
use crate::vm::{PyResult, Value, Vm};

impl Vm {
    /// Refuses with `MemoryError` a request for `bytes` more than the budget
    /// leaves, before anything is allocated.
    pub fn reserve(&mut self, bytes: usize) -> PyResult<()> {
        if fits(bytes) {
            Ok(())
        } else {
            Err(self.new_exc_empty("MemoryError"))
        }
    }

    /// Checks, before `items` grows by `extra`, that a reallocation fits: a
    /// growing vector briefly holds its old and its new buffer, and the new
    /// one can be the largest single request a program ever makes. Small
    /// vectors are not checked (the periodic look at the budget covers them).
    #[inline]
    pub fn room_for<T>(&mut self, items: &Vec<T>, extra: usize) -> PyResult<()> {
        if items.len() + extra <= items.capacity() {
            return Ok(());
        }
        let new_cap = (items.len() + extra).max(items.capacity() * 2);
        self.reserve_large(new_cap.saturating_mul(std::mem::size_of::<T>()))
    }

    /// As [`reserve`](Self::reserve), for requests that may be small: only
    /// large ones are checked one by one.
    #[inline]
    pub fn reserve_large(&mut self, bytes: usize) -> PyResult<()> {
        if bytes >= LARGE {
            self.reserve(bytes)?;
        }
        Ok(())
    }

    /// Checks that a new key fits before it goes into `table` (a dict or a
    /// set), whose entries and index may both double at once.
    #[inline]
    pub fn room_for_key(
        &mut self,
        table: &std::cell::RefCell<crate::vm::dict::Dict>,
    ) -> PyResult<()> {
        let growth = table.borrow().growth_bytes();
        self.reserve_large(growth)
    }

    /// The count of a sequence repetition (`seq * n`): negative counts are 0,
    /// and one beyond a machine word is CPython's OverflowError.
    pub fn repeat_count(&mut self, n: &Value) -> PyResult<usize> {
        if matches!(n, Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus) {
            return Ok(0);
        }
        if matches!(n, Value::BigInt(_)) {
            return Err(self.new_exc(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            ));
        }
        Ok(self.index_value(n)?.max(0) as usize)
    }

    /// The size of `n` repetitions of `unit` bytes, checked: CPython raises
    /// `OverflowError(overflow)` when the length cannot be represented and
    /// `MemoryError` when it cannot be allocated. A list or tuple has no
    /// length message of its own: it is always `MemoryError`.
    pub fn repeat_bytes(
        &mut self,
        unit: usize,
        n: usize,
        overflow: Option<&str>,
    ) -> PyResult<usize> {
        match unit.checked_mul(n).filter(|t| *t <= isize::MAX as usize) {
            Some(total) => self.reserve(total).map(|_| total),
            None => Err(match overflow {
                Some(msg) => self.new_exc("OverflowError", msg),
                None => self.new_exc_empty("MemoryError"),
            }),
        }
    }
}
