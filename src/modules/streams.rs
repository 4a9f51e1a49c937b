//! The native half of asyncio streams: the loop's `add_reader` family and
//! the byte buffer a StreamReader keeps (CPython uses a bytearray, which
//! the language lacks). StreamReader/Writer, the transports and Server are
//! written in the language, in asyncio_streams.py.

use crate::builtins::native;
use crate::vm::class::{Class, Layout};
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub const PRELUDE: &str = include_str!("asyncio_streams.py");
pub const SUBPROCESS_PRELUDE: &str = include_str!("asyncio_subprocess.py");

/// Loop methods (self first), under CPython's public and private names.
pub fn loop_methods() -> &'static [(&'static str, NativeFn)] {
    &[
        ("add_reader", add_reader),
        ("_add_reader", add_reader),
        ("remove_reader", remove_reader),
        ("_remove_reader", remove_reader),
        ("add_writer", add_writer),
        ("_add_writer", add_writer),
        ("remove_writer", remove_writer),
        ("_remove_writer", remove_writer),
    ]
}

pub fn functions() -> &'static [(&'static str, NativeFn)] {
    &[("_Buffer", new_buffer), ("_CloseGuard", new_close_guard)]
}

// ------------------------------------------------------------ _CloseGuard

/// Held by a StreamWriter: when the writer is freed, its transport is
/// closed at the loop's next step, as CPython's `StreamWriter.__del__` does
/// (a handler that returns without closing still lets `wait_closed` end).
struct CloseGuard {
    transport: Option<Value>,
}

thread_local! {
    static DROPPED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static DROPPED_ANY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Drop for CloseGuard {
    fn drop(&mut self) {
        if let Some(t) = self.transport.take() {
            let _ = DROPPED.try_with(|q| q.borrow_mut().push(t));
            let _ = DROPPED_ANY.try_with(|f| f.set(true));
        }
    }
}

fn new_close_guard(vm: &mut Vm, args: Args) -> PyResult {
    let class = match vm.runtime.native_classes.get("_CloseGuard") {
        Some(c) => c.clone(),
        None => {
            let object = vm.types.get(TypeId::Object).clone();
            let c = new_class(
                "_CloseGuard",
                vec![object],
                Layout::Builtin,
                None,
                "asyncio",
            );
            vm.runtime.native_classes.insert("_CloseGuard", c.clone());
            c
        }
    };
    Ok(Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(CloseGuard {
            transport: args.pos.first().cloned(),
        })),
        dict: RefCell::new(None),
    })))
}

/// Closes the transports of StreamWriters freed since the last call.
pub fn close_dropped_writers(vm: &mut Vm) {
    if !DROPPED_ANY.try_with(|f| f.replace(false)).unwrap_or(false) {
        return;
    }
    let pending = DROPPED
        .try_with(|q| std::mem::take(&mut *q.borrow_mut()))
        .unwrap_or_default();
    if !vm.runtime.running {
        return;
    }
    for t in pending {
        let closing = vm
            .getattr(&t, "is_closing")
            .and_then(|f| vm.call(&f, Args::new([])))
            .and_then(|v| vm.truthy(&v));
        if let Ok(false) = closing
            && let Ok(close) = vm.getattr(&t, "close")
        {
            let _ = vm.call(&close, Args::new([]));
        }
    }
}

fn fd_arg(vm: &mut Vm, v: &Value) -> Result<i32, Value> {
    let v = match v {
        Value::Int(_) | Value::Bool(_) => v.clone(),
        other => {
            let f = vm.getattr(other, "fileno")?;
            vm.call(&f, Args::new([]))?
        }
    };
    let fd = vm.index_value(&v)?;
    if fd < 0 {
        return Err(vm.value_error(&format!("Invalid file descriptor: {fd}")));
    }
    i32::try_from(fd).map_err(|_| vm.value_error(&format!("Invalid file descriptor: {fd}")))
}

fn add(vm: &mut Vm, args: Args, write: bool) -> PyResult {
    let fd = fd_arg(vm, &args.pos.get(1).cloned().unwrap_or(Value::None))?;
    let func = args.pos.get(2).cloned().unwrap_or(Value::None);
    let rest = args.pos.iter().skip(3).cloned().collect();
    vm.runtime.io.add(fd, write, func, rest);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: Args, write: bool) -> PyResult {
    let fd = fd_arg(vm, &args.pos.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::Bool(vm.runtime.io.remove(fd, write)))
}

fn add_reader(vm: &mut Vm, args: Args) -> PyResult {
    add(vm, args, false)
}
fn add_writer(vm: &mut Vm, args: Args) -> PyResult {
    add(vm, args, true)
}
fn remove_reader(vm: &mut Vm, args: Args) -> PyResult {
    remove(vm, args, false)
}
fn remove_writer(vm: &mut Vm, args: Args) -> PyResult {
    remove(vm, args, true)
}

// ------------------------------------------------------------ _Buffer

/// Bytes not yet consumed; `start` skips what was taken, so taking from
/// the front is O(1) until the dead prefix is compacted away.
struct Buffer {
    data: Vec<u8>,
    start: usize,
}

impl Buffer {
    fn live(&self) -> &[u8] {
        &self.data[self.start..]
    }
}

fn buffer_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = vm.runtime.native_classes.get("_Buffer") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("_Buffer", vec![object], Layout::Builtin, None, "asyncio");
    for (name, f) in [
        ("extend", buf_extend as NativeFn),
        ("size", buf_size),
        ("find", buf_find),
        ("startswith", buf_startswith),
        ("take", buf_take),
        ("clear", buf_clear),
    ] {
        c.set_attr(name.into(), native(name, f, BuiltinKind::Method));
    }
    vm.runtime.native_classes.insert("_Buffer", c.clone());
    c
}

fn new_buffer(vm: &mut Vm, _args: Args) -> PyResult {
    let class = buffer_class(vm);
    Ok(Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(Buffer {
            data: Vec::new(),
            start: 0,
        })),
        dict: RefCell::new(None),
    })))
}

fn with_buf<R>(vm: &mut Vm, args: &Args, f: impl FnOnce(&mut Buffer) -> R) -> Result<R, Value> {
    if let Some(Value::Native(n)) = args.pos.first()
        && let Some(b) = n.data.borrow_mut().downcast_mut::<Buffer>()
    {
        return Ok(f(b));
    }
    Err(vm.type_error("expected a buffer"))
}

fn bytes_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<Rc<Vec<u8>>, Value> {
    match args.pos.get(i) {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
        None => Err(vm.type_error("a bytes-like object is required")),
    }
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<i64, Value> {
    match args.pos.get(i) {
        Some(v) => vm.index_value(v),
        None => Ok(0),
    }
}

fn buf_extend(vm: &mut Vm, args: Args) -> PyResult {
    let b = bytes_arg(vm, &args, 1)?;
    with_buf(vm, &args, |buf| {
        if buf.start > 0 && buf.start * 2 >= buf.data.len() {
            buf.data.drain(..buf.start);
            buf.start = 0;
        }
        buf.data.extend_from_slice(&b);
    })?;
    Ok(Value::None)
}

fn buf_size(vm: &mut Vm, args: Args) -> PyResult {
    let n = with_buf(vm, &args, |b| b.live().len())?;
    Ok(Value::Int(n as i64))
}

fn find_in(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// `find(sep, offset)` → index or -1, as bytearray.find.
fn buf_find(vm: &mut Vm, args: Args) -> PyResult {
    let sep = bytes_arg(vm, &args, 1)?;
    let from = int_arg(vm, &args, 2)?.max(0) as usize;
    let r = with_buf(vm, &args, |b| find_in(b.live(), &sep, from))?;
    Ok(Value::Int(r.map_or(-1, |p| p as i64)))
}

fn buf_startswith(vm: &mut Vm, args: Args) -> PyResult {
    let sep = bytes_arg(vm, &args, 1)?;
    let from = int_arg(vm, &args, 2)?.max(0) as usize;
    let r = with_buf(vm, &args, |b| {
        b.live().get(from..).is_some_and(|s| s.starts_with(&sep))
    })?;
    Ok(Value::Bool(r))
}

/// `take(n)`: removes and returns the first n bytes (all if n < 0).
fn buf_take(vm: &mut Vm, args: Args) -> PyResult {
    let n = match args.pos.get(1) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let out = with_buf(vm, &args, |b| {
        let live = b.live().len();
        let k = if n < 0 { live } else { (n as usize).min(live) };
        let out = b.data[b.start..b.start + k].to_vec();
        b.start += k;
        if b.start == b.data.len() {
            b.data.clear();
            b.start = 0;
        }
        out
    })?;
    Ok(Value::Bytes(Rc::new(out)))
}

fn buf_clear(vm: &mut Vm, args: Args) -> PyResult {
    with_buf(vm, &args, |b| {
        b.data.clear();
        b.start = 0;
    })?;
    Ok(Value::None)
}
