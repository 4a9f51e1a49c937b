//! `:tasks` — the live tasks: name, what each is doing (ready to run,
//! sleeping until a loop time, or waiting on another task or future), and
//! where it is suspended.

use crate::runtime::future::{FutState, with_task};
use crate::runtime::handle::Callback;
use crate::vm::generator::GenState;
use crate::vm::{Value, Vm};
use std::collections::HashMap;

pub struct Row {
    pub name: String,
    pub state: String,
    pub at: String,
}

pub fn rows(vm: &mut Vm) -> Vec<Row> {
    let live: Vec<Value> = vm.runtime.tasks.clone();
    let sleeps = sleep_deadlines(vm);
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
            None => vm.str(&name).unwrap_or_else(|_| "?".into()),
        };
        let state = state_of(vm, &waiter, &sleeps);
        rows.push(Row {
            name,
            state,
            at: location(&coro),
        });
    }
    rows
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

/// `file:line in function` of the innermost suspended frame, with the
/// source line when the REPL still has it.
fn location(coro: &Value) -> String {
    let Value::Generator(g) = coro else {
        return "-".into();
    };
    let state = g.state.borrow();
    let GenState::Suspended(frames) = &*state else {
        return format!("{}() (not suspended)", g.qualname);
    };
    let Some(f) = frames.last() else {
        return format!("{}() (not started)", g.qualname);
    };
    let line = f.current_line();
    let file = &f.code.filename;
    let text = crate::vm::sources::line(file, line)
        .map(|l| format!(": {}", l.trim()))
        .unwrap_or_default();
    format!("{file}:{line} in {}(){text}", f.code.qualname)
}

/// The table, or a line saying there is nothing to show.
pub fn render(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "no live tasks\n".into();
    }
    let wn = rows.iter().map(|r| r.name.len()).max().unwrap_or(0).max(4);
    let ws = rows.iter().map(|r| r.state.len()).max().unwrap_or(0).max(5);
    let mut out = format!("{:<wn$}  {:<ws$}  suspended at\n", "name", "state");
    for r in rows {
        out.push_str(&format!("{:<wn$}  {:<ws$}  {}\n", r.name, r.state, r.at));
    }
    out
}
