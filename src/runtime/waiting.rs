//! What each live task is waiting on, and where: the rows of the REPL's
//! `:tasks` and the deadlock report that replaces CPython's silent hang when
//! the loop has nothing left to run while the main task waits.

use super::future::{FutState, with_task};
use super::handle::Callback;
use crate::vm::generator::GenState;
use crate::vm::{Value, Vm};
use std::collections::HashMap;

pub struct TaskRow {
    pub name: String,
    /// `ready`, `sleeping until …`, `awaiting task X`, `waiting on …`.
    pub state: String,
    /// The asyncio primitive the task is blocked in (`Queue.get`), if any.
    pub blocked_in: Option<String>,
    /// `file:line in function(): source` of the innermost frame of the
    /// program's own code (not of the asyncio library).
    pub at: String,
}

impl Vm {
    /// Every pending task, in creation order.
    pub fn task_rows(&mut self) -> Vec<TaskRow> {
        let live: Vec<Value> = self.runtime.tasks.clone();
        let sleeps = sleep_deadlines(self);
        let mut rows = Vec::new();
        for t in &live {
            let info = with_task(t, |d| {
                let pending = matches!(d.fut.state, FutState::Pending);
                (pending, d.name(), d.fut_waiter.clone(), d.coro.clone())
            });
            let Some((true, name, waiter, coro)) = info else {
                continue;
            };
            let name = match name.as_str() {
                Some(n) => n.to_string(),
                None => self.str(&name).unwrap_or_else(|_| "?".into()),
            };
            let state = state_of(self, &waiter, &sleeps);
            let (at, blocked_in) = location(&coro);
            rows.push(TaskRow {
                name,
                state,
                blocked_in,
                at,
            });
        }
        rows
    }

    /// The RuntimeError for a loop that ran out of work before `fut` was
    /// done, after writing to stderr which task waits on what, and where.
    pub fn deadlock_error(&mut self) -> Value {
        self.flush();
        let rows = self.task_rows();
        eprint!("{}", deadlock_report(&rows));
        self.new_exc(
            "RuntimeError",
            "Event loop stopped before Future completed: deadlock (every task is waiting \
             and nothing is scheduled to wake any of them)",
        )
    }
}

/// The report: one entry per waiting task, its wait and its line.
pub fn deadlock_report(rows: &[TaskRow]) -> String {
    let mut out = String::from(
        "aio: deadlock: the event loop has nothing left to run (no ready callbacks, \
         no timers, no I/O) but tasks are still waiting:\n",
    );
    for r in rows {
        let what = match &r.blocked_in {
            Some(prim) => format!("blocked in {prim}(){}", hint_for(prim)),
            None => r.state.clone(),
        };
        out.push_str(&format!("  task {:?}: {what}\n      at {}\n", r.name, r.at));
    }
    if rows.is_empty() {
        out.push_str("  (no live tasks: the awaited future is never resolved)\n");
    }
    out
}

/// What would wake a task blocked in an asyncio primitive.
fn hint_for(primitive: &str) -> &'static str {
    match primitive {
        "Queue.get" => " — no task will put an item into the queue",
        "Queue.put" => " — the queue is full and no task will take from it",
        "Queue.join" => " — task_done() is not called for every item",
        "Event.wait" => " — no task will set() the event",
        "Lock.acquire" => " — the lock is held and no task will release it",
        "Semaphore.acquire" | "BoundedSemaphore.acquire" => {
            " — no task will release() the semaphore"
        }
        "Condition.wait" => " — no task will notify() the condition",
        "Barrier.wait" => " — not enough tasks will reach the barrier",
        _ => "",
    }
}

fn state_of(vm: &mut Vm, waiter: &Value, sleeps: &HashMap<usize, f64>) -> String {
    if waiter.is_none() {
        return "ready".into();
    }
    if let Some(&when) = waiter.ptr().and_then(|p| sleeps.get(&p)) {
        let now = vm.runtime.clock.time();
        return format!(
            "sleeping until {when:.3} ({:.3}s left)",
            (when - now).max(0.0)
        );
    }
    if let Some(Some(other)) = with_task(waiter, |d| d.name().as_str().map(str::to_string)) {
        return format!("awaiting task {other}");
    }
    let what = vm
        .repr(waiter)
        .unwrap_or_else(|_| "a future".into())
        .chars()
        .take(60)
        .collect::<String>();
    format!("waiting on {what}")
}

/// `asyncio.sleep` waits on a future that a timer resolves: each such
/// future (by address) with that timer's deadline.
fn sleep_deadlines(vm: &Vm) -> HashMap<usize, f64> {
    let mut map = HashMap::new();
    for t in vm.runtime.timers.iter() {
        if t.handle.cancelled.get() {
            continue;
        }
        if let Some(Callback::SetResultUnlessCancelled { fut, .. }) = &*t.handle.callback.borrow()
            && let Some(p) = fut.ptr()
        {
            map.insert(p, t.when);
        }
    }
    map
}

/// Library modules are compiled under names such as `<asyncio>`; the
/// program's own code has a file name, or `<string>`/`<stdin>`, or is a
/// REPL input (`<python-input-N>`, as CPython 3.13 names them).
pub(crate) fn is_user_file(file: &str) -> bool {
    !(file.starts_with('<') && file.ends_with('>'))
        || matches!(file, "<string>" | "<stdin>")
        || file.starts_with("<python-input-")
}

/// The innermost frame of the program's own code, and the library frame
/// nearest it (the primitive it is blocked in).
fn location(coro: &Value) -> (String, Option<String>) {
    let Value::Generator(g) = coro else {
        return ("-".into(), None);
    };
    let state = g.state.borrow();
    let GenState::Suspended(frames) = &*state else {
        return (format!("{}() (not suspended)", g.qualname), None);
    };
    if frames.is_empty() {
        return (format!("{}() (not started)", g.qualname), None);
    }
    let mut blocked_in = None;
    let mut chosen = frames.last();
    for f in frames.iter().rev() {
        if is_user_file(&f.code.filename) {
            chosen = Some(f);
            break;
        }
        // The innermost library frame names the primitive (Lock.acquire,
        // not the `async with` machinery around it).
        if blocked_in.is_none() {
            blocked_in = Some(f.code.qualname.to_string());
        }
    }
    let Some(f) = chosen else {
        return ("-".into(), None);
    };
    let line = f.current_line();
    let file = &f.code.filename;
    let text = crate::vm::sources::line(file, line)
        .map(|l| format!(": {}", l.trim()))
        .unwrap_or_default();
    (
        format!("{file}:{line} in {}(){text}", f.code.qualname),
        blocked_in,
    )
}
