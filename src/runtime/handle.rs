//! Scheduled callbacks: the ready queue's items and the timer heap's.

use crate::vm::Value;
use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;

pub enum Callback {
    /// `Task.__step`, optionally throwing an exception in.
    Step { task: Value, exc: Option<Value> },
    /// `Task.__wakeup(future)`.
    Wakeup { task: Value, fut: Value },
    /// `call_soon(func, *args)` and done-callbacks.
    Call { func: Value, args: Vec<Value> },
    /// `asyncio.sleep`'s timer: resolve the future unless cancelled.
    SetResultUnlessCancelled { fut: Value, result: Value },
    /// An fd registered with `add_reader` / `add_writer` became ready.
    Io { reg: Rc<super::io::IoReg> },
    /// The loop's async-generator finalizer: `create_task(agen.aclose())`.
    CreateTask { coro: Value },
    /// An executor job finishing after its virtual duration.
    Settle {
        fut: Value,
        result: Result<Value, Value>,
    },
}

pub struct HandleData {
    pub callback: RefCell<Option<Callback>>,
    pub cancelled: Cell<bool>,
    /// Deadline for timers.
    pub when: f64,
}

pub type Handle = Rc<HandleData>;

pub fn new_handle(cb: Callback, when: f64) -> Handle {
    Rc::new(HandleData {
        callback: RefCell::new(Some(cb)),
        cancelled: Cell::new(false),
        when,
    })
}

/// A timer heap entry: ordered by deadline, then scheduling order.
pub struct Timer {
    pub when: f64,
    pub seq: u64,
    pub handle: Handle,
}

impl PartialEq for Timer {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Timer {}
impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Timer {
    // Reversed: BinaryHeap is a max-heap and we want the earliest first.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .when
            .total_cmp(&self.when)
            .then(other.seq.cmp(&self.seq))
    }
}
