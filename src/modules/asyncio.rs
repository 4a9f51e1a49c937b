//! The `asyncio` module: natives over the runtime (loop, Future, Task,
//! sleep, run) plus a prelude written in the language itself for the parts
//! CPython also writes in Python (gather, TaskGroup, timeouts, queues, locks).

use crate::builtins::native;
use crate::runtime::RuntimeClasses;
use crate::runtime::future::{FutCb, FutState, TaskData, is_future, is_task, with_fut, with_task};
use crate::runtime::handle::{Callback, Handle};
use crate::vm::class::Layout;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

const PRELUDE: &str = include_str!("asyncio_prelude.py");

fn method(c: &Rc<crate::vm::class::Class>, name: &str, f: NativeFn) {
    c.set_attr(name.into(), native(name, f, BuiltinKind::Method));
}

pub fn make_classes(vm: &mut Vm) -> RuntimeClasses {
    let object = vm.types.get(TypeId::Object).clone();
    let future = new_class(
        "Future",
        vec![object.clone()],
        Layout::Builtin,
        None,
        "_asyncio",
    );
    let task = new_class(
        "Task",
        vec![future.clone()],
        Layout::Builtin,
        None,
        "_asyncio",
    );
    let event_loop = new_class(
        "_UnixSelectorEventLoop",
        vec![object.clone()],
        Layout::Builtin,
        None,
        "asyncio.unix_events",
    );
    let handle = new_class(
        "Handle",
        vec![object.clone()],
        Layout::Builtin,
        None,
        "asyncio.events",
    );
    let timer_handle = new_class(
        "TimerHandle",
        vec![handle.clone()],
        Layout::Builtin,
        None,
        "asyncio.events",
    );
    let sleep = new_class(
        "coroutine",
        vec![object.clone()],
        Layout::Builtin,
        None,
        "builtins",
    );
    for (name, f) in [
        ("send", coro_unsupported as NativeFn),
        ("throw", coro_unsupported),
        ("close", coro_close),
        ("__await__", fut_await),
    ] {
        method(&sleep, name, f);
    }
    let base_exc = vm.types.exc("BaseException");
    let exc = vm.types.exc("Exception");
    let cancelled_error = new_class(
        "CancelledError",
        vec![base_exc],
        Layout::Exception,
        None,
        "asyncio.exceptions",
    );
    let invalid_state_error = new_class(
        "InvalidStateError",
        vec![exc],
        Layout::Exception,
        None,
        "asyncio.exceptions",
    );
    for (name, f) in [
        ("result", fut_result as NativeFn),
        ("exception", fut_exception),
        ("done", fut_done),
        ("cancelled", fut_cancelled),
        ("cancel", fut_cancel),
        ("set_result", fut_set_result),
        ("set_exception", fut_set_exception),
        ("add_done_callback", fut_add_done_callback),
        ("remove_done_callback", fut_remove_done_callback),
        ("get_loop", get_running_loop),
        ("__await__", fut_await),
        ("__iter__", fut_await),
        ("__next__", fut_next),
        ("send", fut_next),
    ] {
        method(&future, name, f);
    }
    future.set_attr(
        "__new__".into(),
        native("__new__", new_future_obj, BuiltinKind::StaticMethod),
    );
    for (name, f) in [
        ("set_result", task_set_result as NativeFn),
        ("set_exception", task_set_exception),
        ("get_name", task_get_name),
        ("set_name", task_set_name),
        ("get_coro", task_get_coro),
        ("cancel", task_cancel_m),
        ("cancelling", task_cancelling),
        ("uncancel", task_uncancel),
        ("get_context", task_get_context),
    ] {
        method(&task, name, f);
    }
    task.set_attr(
        "__new__".into(),
        native("__new__", new_task_obj, BuiltinKind::StaticMethod),
    );
    for (name, f) in [
        ("time", loop_time as NativeFn),
        ("call_soon", loop_call_soon),
        ("call_soon_threadsafe", loop_call_soon),
        ("call_later", loop_call_later),
        ("call_at", loop_call_at),
        ("create_future", loop_create_future),
        ("create_task", loop_create_task),
        ("run_in_executor", loop_run_in_executor),
        ("is_running", loop_is_running),
        ("is_closed", loop_is_closed),
        ("get_debug", loop_get_debug),
        ("set_debug", loop_set_debug),
        ("run_until_complete", loop_run_until_complete),
        ("close", loop_close),
        ("call_exception_handler", loop_call_exception_handler),
        ("default_exception_handler", loop_call_exception_handler),
        ("set_exception_handler", loop_noop),
    ] {
        method(&event_loop, name, f);
    }
    for (name, f) in crate::modules::signal_native::loop_methods() {
        method(&event_loop, name, *f);
    }
    for (name, f) in crate::modules::streams::loop_methods() {
        method(&event_loop, name, *f);
    }
    // Read by debug mode each step (runtime/debug.rs); a program may set
    // its own on the loop.
    event_loop.set_attr("slow_callback_duration".into(), Value::Float(0.1));
    for (name, f) in [
        ("cancel", handle_cancel as NativeFn),
        ("cancelled", handle_cancelled),
        ("when", handle_when),
    ] {
        method(&handle, name, f);
    }
    for (name, f) in [
        ("__lt__", timer_lt as NativeFn),
        ("__le__", timer_le),
        ("__gt__", timer_gt),
        ("__ge__", timer_ge),
    ] {
        method(&timer_handle, name, f);
    }
    RuntimeClasses {
        future,
        task,
        event_loop,
        handle,
        timer_handle,
        sleep,
        cancelled_error,
        invalid_state_error,
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("asyncio");
    vm.runtime_class("Future");
    let classes = match &vm.runtime.classes {
        Some(c) => (
            c.future.clone(),
            c.task.clone(),
            c.cancelled_error.clone(),
            c.invalid_state_error.clone(),
            c.handle.clone(),
            c.timer_handle.clone(),
        ),
        None => return Err(vm.new_exc("ImportError", "asyncio runtime unavailable")),
    };
    {
        let mut d = g.borrow_mut();
        d.insert("Future".into(), Value::Class(classes.0));
        d.insert("Task".into(), Value::Class(classes.1));
        d.insert("CancelledError".into(), Value::Class(classes.2));
        d.insert("InvalidStateError".into(), Value::Class(classes.3));
        d.insert("Handle".into(), Value::Class(classes.4));
        d.insert("TimerHandle".into(), Value::Class(classes.5));
        d.insert(
            "TimeoutError".into(),
            Value::Class(vm.types.exc("TimeoutError")),
        );
        let table: &[(&str, NativeFn)] = &[
            ("run", run),
            ("sleep", sleep),
            ("create_task", create_task),
            ("get_running_loop", get_running_loop),
            ("get_event_loop", get_event_loop),
            ("new_event_loop", new_event_loop),
            ("set_event_loop", set_event_loop),
            ("_runner_shutdown", runner_shutdown),
            ("_get_running_loop", get_running_loop_or_none),
            ("current_task", current_task),
            ("all_tasks", all_tasks),
            ("iscoroutine", crate::modules::inspect::iscoroutine),
            (
                "iscoroutinefunction",
                crate::modules::inspect::iscoroutinefunction,
            ),
            ("isfuture", isfuture),
            ("_add_done", add_done),
            ("_task_seq", task_seq),
            ("_cancelled_error", cancelled_error),
            ("_cancel_message", cancel_message),
            ("_set_children", set_children),
            ("_cancel_requested", cancel_requested),
        ];
        let io = crate::modules::sockets::functions()
            .iter()
            .chain(crate::modules::streams::functions())
            .chain(crate::modules::subprocess::functions());
        for (name, f) in table.iter().chain(io) {
            d.insert((*name).into(), native(name, *f, BuiltinKind::Function));
        }
        for (name, v) in crate::modules::subprocess::constants() {
            d.insert(format!("_{name}").as_str().into(), Value::Int(v));
        }
    }
    let module = Value::Module(Rc::new(ModuleObj {
        name: "asyncio".into(),
        dict: g.clone(),
    }));
    vm.modules.insert("asyncio".into(), module.clone());
    run_prelude(vm, g)?;
    Ok(module)
}

fn run_prelude(vm: &mut Vm, g: crate::vm::function::Globals) -> Result<(), Value> {
    vm.install_lazy_source("<asyncio>", PRELUDE, g)
}

/// Streams and subprocesses are compiled on first use (a missing asyncio
/// attribute, or `import asyncio.subprocess`), so programs that only use
/// tasks don't pay for them at start-up.
pub fn lazy_attr(vm: &mut Vm, m: &ModuleObj, name: &str) -> Result<Option<Value>, Value> {
    if let Some(v) = vm.lazy_global(&m.dict, name)? {
        return Ok(Some(v));
    }
    if &*m.name != "asyncio" || name.starts_with("__") || m.dict.borrow().contains_key(IO_LOADED) {
        return Ok(None);
    }
    load_io(vm, m.dict.clone())?;
    Ok(m.dict.borrow().get(name).cloned())
}

const IO_LOADED: &str = "_io_loaded";

/// Runs the streams and subprocess preludes in asyncio's namespace and
/// makes the `asyncio.subprocess` module.
pub fn load_io(vm: &mut Vm, g: crate::vm::function::Globals) -> Result<(), Value> {
    use crate::modules::streams::{PRELUDE as STREAMS, SUBPROCESS_PRELUDE};
    if g.borrow().contains_key(IO_LOADED) {
        return Ok(());
    }
    g.borrow_mut().insert(IO_LOADED.into(), Value::Bool(true));
    vm.exec_module_source("<asyncio.streams>", STREAMS, g.clone())?;
    vm.exec_module_source("<asyncio.subprocess>", SUBPROCESS_PRELUDE, g.clone())?;
    // `asyncio.subprocess`: the names CPython's submodule exports.
    let sub = vm.new_globals("asyncio.subprocess");
    {
        let src = g.borrow();
        let mut d = sub.borrow_mut();
        for (name, v) in crate::modules::subprocess::constants() {
            d.insert(name.into(), Value::Int(v));
        }
        for name in [
            "Process",
            "SubprocessStreamProtocol",
            "create_subprocess_exec",
            "create_subprocess_shell",
        ] {
            if let Some(v) = src.get(name) {
                d.insert(name.into(), v.clone());
            }
        }
    }
    let module = Value::Module(Rc::new(ModuleObj {
        name: "asyncio.subprocess".into(),
        dict: sub,
    }));
    vm.modules
        .insert("asyncio.subprocess".into(), module.clone());
    g.borrow_mut().insert("subprocess".into(), module);
    Ok(())
}

// ------------------------------------------------------------ helpers

fn first(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

fn no_loop(vm: &mut Vm) -> Value {
    vm.new_exc("RuntimeError", "no running event loop")
}

/// The loop object's state: whether its `asyncio.run` has finished.
pub struct LoopData {
    closed: std::cell::Cell<bool>,
}

pub fn mark_closed(l: &Value) {
    if let Value::Native(n) = l
        && let Some(d) = n.data.borrow().downcast_ref::<LoopData>()
    {
        d.closed.set(true);
    }
}

fn loop_closed(l: &Value) -> bool {
    match l {
        Value::Native(n) => n
            .data
            .borrow()
            .downcast_ref::<LoopData>()
            .is_some_and(|d| d.closed.get()),
        _ => false,
    }
}

fn coro_unsupported(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("native coroutine does not support send/throw from Python"))
}

fn coro_close(_vm: &mut Vm, args: Args) -> PyResult {
    crate::runtime::sleep::mark_awaited(&first(&args));
    Ok(Value::None)
}

pub fn loop_object(vm: &mut Vm) -> Value {
    if let Some(l) = &vm.runtime.loop_obj {
        return l.clone();
    }
    let l = new_loop(vm);
    vm.runtime.loop_obj = Some(l.clone());
    l
}

/// A loop object, not yet current. The runtime has one ready queue and
/// timer heap; loop objects only mark which one is current and closed.
fn new_loop(vm: &mut Vm) -> Value {
    let class = vm.runtime_class("Loop");
    Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(LoopData {
            closed: std::cell::Cell::new(false),
        })),
        dict: RefCell::new(None),
    }))
}

fn new_event_loop(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(new_loop(vm))
}

fn set_event_loop(vm: &mut Vm, args: Args) -> PyResult {
    let l = first(&args);
    vm.runtime.loop_set = true;
    vm.runtime.loop_obj = if l.is_none() { None } else { Some(l) };
    Ok(Value::None)
}

/// A handle as user code sees it. The callable is kept beside the handle
/// because running the callback consumes it, while CPython's repr still
/// names it afterwards.
struct HandleObj {
    handle: Handle,
    func: Value,
    timer: bool,
    /// Scheduling order: timers compare by (deadline, order), as the
    /// oracle's FIFO timers do.
    seq: u64,
}

static HANDLE_SEQ: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn handle_obj(vm: &mut Vm, handle: Handle, func: Value, timer: bool) -> Value {
    let class = vm.runtime_class(if timer { "TimerHandle" } else { "Handle" });
    Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(HandleObj {
            handle,
            func,
            timer,
            seq: HANDLE_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })),
        dict: RefCell::new(None),
    }))
}

fn with_handle<R>(v: &Value, f: impl FnOnce(&Handle) -> R) -> Option<R> {
    let Value::Native(n) = v else { return None };
    let d = n.data.borrow();
    d.downcast_ref::<HandleObj>().map(|o| f(&o.handle))
}

/// `Handle._repr_info` / `TimerHandle._repr_info`: class name, `cancelled`,
/// the deadline for timers, then the callback's source unless cancelled.
fn handle_repr(vm: &mut Vm, n: &NativeObj) -> Result<Option<String>, Value> {
    let Some((cancelled, when, func, timer)) =
        n.data.borrow().downcast_ref::<HandleObj>().map(|o| {
            (
                o.handle.cancelled.get(),
                o.handle.when,
                o.func.clone(),
                o.timer,
            )
        })
    else {
        return Ok(None);
    };
    let mut info = vec![n.class.name.to_string()];
    if cancelled {
        info.push("cancelled".into());
    }
    if timer {
        info.push(format!("when={}", vm.repr(&Value::Float(when))?));
    }
    if !cancelled {
        info.push(callback_source(vm, &func)?);
    }
    Ok(Some(format!("<{}>", info.join(" "))))
}

fn to_f64(vm: &mut Vm, v: &Value) -> Result<f64, Value> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => Ok(num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY)),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("'{tn}' object cannot be interpreted as a float")))
        }
    }
}

// ------------------------------------------------------------ module functions

fn run(vm: &mut Vm, mut args: Args) -> PyResult {
    // Each run makes a new loop: `debug=None` gives it the default
    // (`--debug`, PYTHONASYNCIODEBUG).
    vm.runtime.debug.enabled = match args.take_kw("debug") {
        Some(debug) if !debug.is_none() => vm.truthy(&debug)?,
        _ => vm.runtime.debug.default,
    };
    let coro = first(&args);
    vm.asyncio_run(coro)
}

fn sleep(vm: &mut Vm, mut args: Args) -> PyResult {
    let result = args.take_kw("result").unwrap_or_else(|| arg(&args, 1));
    let delay = first(&args);
    let d = to_f64(vm, &delay)?;
    Ok(vm.new_sleep(d, result))
}

fn create_task(vm: &mut Vm, mut args: Args) -> PyResult {
    let name = args.take_kw("name").unwrap_or(Value::None);
    let context = args.take_kw("context").unwrap_or(Value::None);
    if !vm.runtime.running {
        if let Value::Generator(g) = first(&args) {
            g.awaited.set(true);
        }
        return Err(no_loop(vm));
    }
    vm.create_task_in(first(&args), name, context)
}

fn get_running_loop(vm: &mut Vm, _args: Args) -> PyResult {
    if !vm.runtime.running {
        return Err(no_loop(vm));
    }
    Ok(loop_object(vm))
}

fn get_running_loop_or_none(vm: &mut Vm, _args: Args) -> PyResult {
    if !vm.runtime.running {
        return Ok(Value::None);
    }
    Ok(loop_object(vm))
}

/// Outside a running loop, the policy's loop: made on first use with a
/// DeprecationWarning (3.12+), an error once a loop was set and unset
/// (as `asyncio.run` leaves it).
fn get_event_loop(vm: &mut Vm, _args: Args) -> PyResult {
    if !vm.runtime.running && vm.runtime.loop_obj.is_none() {
        if vm.runtime.loop_set {
            return Err(vm.new_exc(
                "RuntimeError",
                "There is no current event loop in thread 'MainThread'.",
            ));
        }
        vm.runtime.loop_set = true;
        if let Some(f) = vm.frames.last() {
            let line = f.current_line();
            let file = f.code.filename.clone();
            let quoted = crate::vm::sources::line(&file, line)
                .map(|l| format!("\n  {}", l.trim()))
                .unwrap_or_default();
            vm.flush();
            eprintln!("{file}:{line}: DeprecationWarning: There is no current event loop{quoted}");
        }
    }
    Ok(loop_object(vm))
}

fn current_task(vm: &mut Vm, _args: Args) -> PyResult {
    if !vm.runtime.running {
        return Err(no_loop(vm));
    }
    Ok(vm.runtime.current_task.clone().unwrap_or(Value::None))
}

fn all_tasks(vm: &mut Vm, _args: Args) -> PyResult {
    if !vm.runtime.running {
        return Err(no_loop(vm));
    }
    let live: Vec<Value> = vm
        .runtime
        .tasks
        .iter()
        .filter(|t| with_fut(t, |f| !f.done()).unwrap_or(false))
        .cloned()
        .collect();
    vm.new_set(live)
}

fn isfuture(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(is_future(&first(&args))))
}

/// `_add_done(fut, fn)`: internal fast add_done_callback for the prelude.
fn add_done(vm: &mut Vm, args: Args) -> PyResult {
    let fut = first(&args);
    vm.future_add_callback(&fut, FutCb::Py(arg(&args, 1)));
    Ok(Value::None)
}

/// Creation order of a task (design.md §2 orders by it where CPython doesn't).
fn task_seq(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        with_task(&first(&args), |t| t.seq as i64).unwrap_or(-1),
    ))
}

// ------------------------------------------------------------ Future methods

fn new_future_obj(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_future())
}

fn fut_result(vm: &mut Vm, args: Args) -> PyResult {
    vm.future_result(&first(&args))
}

fn fut_exception(vm: &mut Vm, args: Args) -> PyResult {
    let f = first(&args);
    enum R {
        Pending,
        Cancelled,
        Exc(Value),
    }
    let r = with_fut(&f, |fd| match &fd.state {
        FutState::Pending => R::Pending,
        FutState::Cancelled => R::Cancelled,
        FutState::Failed(e) => {
            fd.log_traceback = false;
            R::Exc(e.clone())
        }
        FutState::Done(_) => R::Exc(Value::None),
    });
    match r {
        Some(R::Exc(e)) => Ok(e),
        Some(R::Cancelled) => Err(vm.make_cancelled_error(&f)),
        Some(R::Pending) => Err(vm.invalid_state("Exception is not set.")),
        None => Err(vm.type_error("not a future")),
    }
}

fn fut_done(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        with_fut(&first(&args), |f| f.done()).unwrap_or(false),
    ))
}

fn fut_cancelled(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        with_fut(&first(&args), |f| matches!(f.state, FutState::Cancelled)).unwrap_or(false),
    ))
}

fn fut_cancel(vm: &mut Vm, mut args: Args) -> PyResult {
    let msg = args.take_kw("msg").unwrap_or_else(|| arg(&args, 1));
    Ok(Value::Bool(vm.cancel_any(&first(&args), msg)?))
}

fn cancelled_error(vm: &mut Vm, args: Args) -> PyResult {
    Ok(vm.make_cancelled_error(&first(&args)))
}

fn cancel_message(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(with_fut(&first(&args), |f| f.cancel_message.clone()).unwrap_or(Value::None))
}

fn set_children(vm: &mut Vm, args: Args) -> PyResult {
    let children = vm.collect(&arg(&args, 1))?;
    with_fut(&first(&args), |f| f.children = Some(children));
    Ok(Value::None)
}

fn cancel_requested(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        with_fut(&first(&args), |f| f.cancel_requested).unwrap_or(false),
    ))
}

fn fut_set_result(vm: &mut Vm, args: Args) -> PyResult {
    vm.future_set_result(&first(&args), arg(&args, 1))?;
    Ok(Value::None)
}

fn fut_set_exception(vm: &mut Vm, args: Args) -> PyResult {
    vm.future_set_exception(&first(&args), arg(&args, 1))?;
    Ok(Value::None)
}

fn fut_add_done_callback(vm: &mut Vm, mut args: Args) -> PyResult {
    let _ = args.take_kw("context");
    vm.future_add_callback(&first(&args), FutCb::Py(arg(&args, 1)));
    Ok(Value::None)
}

fn fut_remove_done_callback(vm: &mut Vm, args: Args) -> PyResult {
    let f = first(&args);
    let target = arg(&args, 1);
    let cbs = with_fut(&f, |fd| std::mem::take(&mut fd.callbacks)).unwrap_or_default();
    let mut keep = Vec::new();
    let mut removed = 0;
    for cb in cbs {
        let same = match &cb {
            FutCb::Py(func) => func.is(&target) || vm.eq(func, &target).unwrap_or(false),
            FutCb::Wakeup(_) => false,
        };
        if same {
            removed += 1;
        } else {
            keep.push(cb);
        }
    }
    with_fut(&f, |fd| fd.callbacks = keep);
    Ok(Value::Int(removed))
}

/// `fut.__await__()`: a generator-like awaitable; awaiting the future
/// directly is handled natively, so this returns the future itself.
fn fut_await(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(first(&args))
}

/// Iterating a future (what `yield from fut` does by hand): the future
/// itself while pending, then StopIteration carrying the result.
fn fut_next(vm: &mut Vm, args: Args) -> PyResult {
    let f = first(&args);
    if !with_fut(&f, |fd| fd.done()).unwrap_or(true) {
        return Ok(f);
    }
    let r = vm.future_result(&f)?;
    Err(vm.new_exc_args("StopIteration", vec![r]))
}

// ------------------------------------------------------------ Task methods

fn new_task_obj(vm: &mut Vm, mut args: Args) -> PyResult {
    let name = args.take_kw("name").unwrap_or(Value::None);
    let _ = args.take_kw("loop");
    if !vm.runtime.running {
        return Err(no_loop(vm));
    }
    vm.create_task(arg(&args, 1), name)
}

fn task_get_name(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(with_task(&first(&args), |t| t.name()).unwrap_or(Value::None))
}

fn task_set_result(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exc("RuntimeError", "Task does not support set_result operation"))
}

fn task_set_exception(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.new_exc(
        "RuntimeError",
        "Task does not support set_exception operation",
    ))
}

fn task_set_name(vm: &mut Vm, args: Args) -> PyResult {
    let name = vm.str_value(&arg(&args, 1))?;
    with_task(&first(&args), |t| t.name = name);
    Ok(Value::None)
}

fn task_get_coro(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(with_task(&first(&args), |t| t.coro.clone()).unwrap_or(Value::None))
}

fn task_cancel_m(vm: &mut Vm, mut args: Args) -> PyResult {
    let msg = args.take_kw("msg").unwrap_or_else(|| arg(&args, 1));
    Ok(Value::Bool(vm.task_cancel(&first(&args), msg)?))
}

fn task_cancelling(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        with_task(&first(&args), |t| t.num_cancels_requested).unwrap_or(0),
    ))
}

fn task_uncancel(_vm: &mut Vm, args: Args) -> PyResult {
    let n = with_task(&first(&args), |t: &mut TaskData| {
        if t.num_cancels_requested > 0 {
            t.num_cancels_requested -= 1;
            if t.num_cancels_requested == 0 {
                t.must_cancel = false;
            }
        }
        t.num_cancels_requested
    });
    Ok(Value::Int(n.unwrap_or(0)))
}

fn task_get_context(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

// ------------------------------------------------------------ loop methods

fn loop_time(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Float(vm.runtime.clock.time()))
}

fn callback_of(args: &Args, from: usize) -> Callback {
    Callback::Call {
        func: arg(args, from),
        args: args.pos.iter().skip(from + 1).cloned().collect(),
    }
}

fn loop_call_soon(vm: &mut Vm, mut args: Args) -> PyResult {
    let _ = args.take_kw("context");
    let h = vm.call_soon(callback_of(&args, 1));
    Ok(handle_obj(vm, h, arg(&args, 1), false))
}

fn loop_call_later(vm: &mut Vm, mut args: Args) -> PyResult {
    let _ = args.take_kw("context");
    let delay = to_f64(vm, &arg(&args, 1))?;
    let h = vm.call_later(delay, callback_of(&args, 2));
    Ok(handle_obj(vm, h, arg(&args, 2), true))
}

fn loop_call_at(vm: &mut Vm, mut args: Args) -> PyResult {
    let _ = args.take_kw("context");
    let when = to_f64(vm, &arg(&args, 1))?;
    let h = vm.call_at(when, callback_of(&args, 2));
    Ok(handle_obj(vm, h, arg(&args, 2), true))
}

fn loop_create_future(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(vm.new_future())
}

fn loop_create_task(vm: &mut Vm, mut args: Args) -> PyResult {
    let name = args.take_kw("name").unwrap_or(Value::None);
    let context = args.take_kw("context").unwrap_or(Value::None);
    vm.create_task_in(arg(&args, 1), name, context)
}

/// Runs the function now with its blocking sleeps counted on a private
/// clock; the future completes that much later on the shared clock, as if
/// a worker thread had slept meanwhile (design.md §2).
fn loop_run_in_executor(vm: &mut Vm, args: Args) -> PyResult {
    let func = arg(&args, 2);
    let fargs: Vec<Value> = args.pos.iter().skip(3).cloned().collect();
    let fut = vm.new_future();
    let saved = vm.runtime.offload_ns.replace(0);
    let r = vm.call(&func, Args::new(fargs));
    let spent = vm.runtime.offload_ns.take().unwrap_or(0);
    vm.runtime.offload_ns = saved;
    let delay = spent as f64 / 1e9;
    if !vm.runtime.clock.is_virtual() {
        // Real clock: the sleeps already happened on a worker's behalf.
    }
    vm.call_later(
        delay,
        Callback::Settle {
            fut: fut.clone(),
            result: r,
        },
    );
    Ok(fut)
}

fn loop_is_running(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        vm.runtime.running && !loop_closed(&first(&args)),
    ))
}

fn loop_is_closed(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(loop_closed(&first(&args))))
}

fn loop_get_debug(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(vm.runtime.debug.enabled))
}

fn loop_set_debug(vm: &mut Vm, args: Args) -> PyResult {
    let on = arg(&args, 1);
    vm.runtime.debug.enabled = vm.truthy(&on)?;
    Ok(Value::None)
}

fn loop_noop(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::None)
}

/// `loop.run_until_complete(aw)`: runs this loop until the future is done,
/// leaving other tasks pending and the loop open.
fn loop_run_until_complete(vm: &mut Vm, args: Args) -> PyResult {
    let l = first(&args);
    let x = arg(&args, 1);
    if loop_closed(&l) {
        return Err(vm.new_exc("RuntimeError", "Event loop is closed"));
    }
    if vm.runtime.running {
        return Err(vm.new_exc("RuntimeError", "This event loop is already running"));
    }
    vm.runtime.loop_obj = Some(l);
    vm.runtime.running = true;
    let fut = if is_future(&x) {
        Ok(x)
    } else {
        let m = vm.import_module("asyncio")?;
        let ensure = vm.getattr(&m, "ensure_future")?;
        vm.call(&ensure, Args::new([x]))
    };
    let r = fut.and_then(|f| vm.run_until_complete(&f).map(|()| f));
    vm.runtime.running = false;
    vm.runtime.current_task = None;
    vm.future_result(&r?)
}

fn loop_close(vm: &mut Vm, args: Args) -> PyResult {
    let l = first(&args);
    if vm.runtime.running && vm.runtime.loop_obj.as_ref().is_some_and(|c| c.is(&l)) {
        return Err(vm.new_exc("RuntimeError", "Cannot close a running event loop"));
    }
    mark_closed(&l);
    Ok(Value::None)
}

/// `Runner.close()`'s work on the current loop: cancel what is left, shut
/// down async generators, close the loop and unset it.
fn runner_shutdown(vm: &mut Vm, _args: Args) -> PyResult {
    vm.runtime.running = true;
    let r = vm.finish_loop();
    vm.runtime.running = false;
    vm.runtime.current_task = None;
    vm.runtime.loop_set = true;
    r.map(|()| Value::None)
}

fn loop_call_exception_handler(vm: &mut Vm, args: Args) -> PyResult {
    let ctx = arg(&args, 1);
    let msg = vm
        .getitem(&ctx, &Value::str("message"))
        .unwrap_or(Value::str("Unhandled exception"));
    let m = vm.str(&msg)?;
    vm.flush();
    eprintln!("{m}");
    Ok(Value::None)
}

fn handle_cancel(_vm: &mut Vm, args: Args) -> PyResult {
    with_handle(&first(&args), |h| {
        h.cancelled.set(true);
        h.callback.borrow_mut().take();
    });
    Ok(Value::None)
}

fn handle_cancelled(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Bool(
        with_handle(&first(&args), |h| h.cancelled.get()).unwrap_or(false),
    ))
}

fn timer_key(v: &Value) -> Option<(f64, u64)> {
    let Value::Native(n) = v else { return None };
    let d = n.data.borrow();
    d.downcast_ref::<HandleObj>()
        .filter(|o| o.timer)
        .map(|o| (o.handle.when, o.seq))
}

fn timer_compare(_vm: &mut Vm, args: &Args, op: fn(&(f64, u64), &(f64, u64)) -> bool) -> PyResult {
    match (timer_key(&first(args)), timer_key(&arg(args, 1))) {
        (Some(a), Some(b)) => Ok(Value::Bool(op(&a, &b))),
        _ => Ok(Value::NotImplemented),
    }
}

fn timer_lt(vm: &mut Vm, args: Args) -> PyResult {
    timer_compare(vm, &args, |a, b| a < b)
}
fn timer_le(vm: &mut Vm, args: Args) -> PyResult {
    timer_compare(vm, &args, |a, b| a <= b)
}
fn timer_gt(vm: &mut Vm, args: Args) -> PyResult {
    timer_compare(vm, &args, |a, b| a > b)
}
fn timer_ge(vm: &mut Vm, args: Args) -> PyResult {
    timer_compare(vm, &args, |a, b| a >= b)
}

fn handle_when(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Float(
        with_handle(&first(&args), |h| h.when).unwrap_or(0.0),
    ))
}

// ------------------------------------------------------------ reprs

pub fn repr_of(vm: &mut Vm, v: &Value) -> Result<Option<String>, Value> {
    if is_task(v) {
        let Some((name, coro, waiter, cancelling)) = with_task(v, |t| {
            (
                t.name(),
                t.coro.clone(),
                t.fut_waiter.clone(),
                t.num_cancels_requested > 0 && !t.fut.done(),
            )
        }) else {
            return Ok(None);
        };
        // CPython's `_task_repr_info`: the future's fields with the name,
        // coroutine and awaited future inserted after the state.
        let mut info = future_info(vm, v)?;
        if cancelling {
            info[0] = "cancelling".into();
        }
        info.insert(1, format!("name={}", vm.repr(&name)?));
        let mut at = 2;
        if let Value::Generator(g) = &coro {
            let mut file = g.code.filename.to_string();
            let mut first_line = g.code.first_line;
            let mut waiting_line = None;
            if file == "<asyncio>"
                && let Some((f, def, at)) = cpython_coroutine(&g.qualname)
            {
                file = format!("{CPYTHON_ASYNCIO}/{f}");
                first_line = def;
                waiting_line = Some(at);
            }
            let desc = if g.is_finished() {
                format!("{}() done, defined at {}:{}", g.qualname, file, first_line)
            } else {
                // Not started yet: CPython reports the `def` line.
                let line = if g.started.get() {
                    waiting_line
                        .or_else(|| coro_line(vm, g))
                        .unwrap_or(first_line)
                } else {
                    first_line
                };
                format!("{}() running at {}:{}", g.qualname, file, line)
            };
            info.insert(at, format!("coro=<{desc}>"));
            at += 1;
        } else if !coro.is_none() {
            info.insert(at, format!("coro=<{}>", vm.repr(&coro)?));
            at += 1;
        }
        if !waiter.is_none() && !with_fut(v, |f| f.done()).unwrap_or(true) {
            info.insert(at, format!("wait_for={}", vm.repr(&waiter)?));
        }
        // Debug mode: where the task was created, last, as CPython's futures.
        if let Some(site) =
            with_task(v, |t| t.seq).and_then(|n| vm.runtime.debug.created_at.get(&n))
        {
            info.push(format!("created at {site}"));
        }
        return Ok(Some(format!("<Task {}>", info.join(" "))));
    }
    if is_future(v) {
        let info = future_info(vm, v)?;
        let gathering = with_fut(v, |f| f.children.is_some()).unwrap_or(false);
        let class = if gathering {
            "_GatheringFuture"
        } else {
            "Future"
        };
        return Ok(Some(format!("<{class} {}>", info.join(" "))));
    }
    if let Value::Native(n) = v {
        if n.data.borrow().is::<LoopData>() {
            let closed = loop_closed(v);
            let running = vm.runtime.running && !closed;
            return Ok(Some(format!(
                "<{} running={} closed={} debug={}>",
                n.class.name,
                if running { "True" } else { "False" },
                if closed { "True" } else { "False" },
                if vm.runtime.debug.enabled {
                    "True"
                } else {
                    "False"
                }
            )));
        }
        if n.data.borrow().is::<HandleObj>() {
            return handle_repr(vm, n);
        }
        if n.data.borrow().is::<crate::runtime::sleep::SleepData>() {
            return Ok(Some(format!(
                "<coroutine object sleep at {:#x}>",
                v.ptr().unwrap_or(0)
            )));
        }
    }
    Ok(None)
}

/// The line of the coroutine's own frame (`cr_frame.f_lineno`), not of the
/// innermost coroutine it awaits. A running coroutine's frames are on the VM
/// stack: its own is the innermost run boundary with its code.
fn coro_line(vm: &Vm, g: &crate::vm::generator::Generator) -> Option<u32> {
    use crate::vm::frame::ResumeKind;
    use crate::vm::generator::GenState;
    match &*g.state.borrow() {
        GenState::Suspended(frames) => frames.first().map(|f| f.current_line()),
        GenState::Running => vm
            .frames
            .iter()
            .rev()
            .find(|f| Rc::ptr_eq(&f.code, &g.code) && f.kind == ResumeKind::Boundary)
            .or_else(|| {
                vm.frames
                    .iter()
                    .rev()
                    .find(|f| Rc::ptr_eq(&f.code, &g.code))
            })
            .map(|f| f.current_line()),
        GenState::Finished => None,
    }
}

/// CPython's `_future_repr_info`: state, outcome, then the callbacks.
fn future_info(vm: &mut Vm, v: &Value) -> Result<Vec<String>, Value> {
    let Some((state, mut callbacks)) = with_fut(v, |f| {
        let state = match &f.state {
            FutState::Pending => (0, Value::None),
            FutState::Cancelled => (1, Value::None),
            FutState::Done(r) => (2, r.clone()),
            FutState::Failed(e) => (3, e.clone()),
        };
        let cbs: Vec<Option<Value>> = f
            .callbacks
            .iter()
            .map(|c| match c {
                FutCb::Wakeup(_) => None,
                FutCb::Py(f) => Some(f.clone()),
            })
            .collect();
        (state, cbs)
    }) else {
        return Ok(vec!["pending".into()]);
    };
    let mut info = vec![
        match state.0 {
            0 => "pending",
            1 => "cancelled",
            _ => "finished",
        }
        .to_string(),
    ];
    match state {
        (2, r) => info.push(format!("result={}", vm.repr(&r)?)),
        (3, e) => info.push(format!("exception={}", vm.repr(&e)?)),
        _ => {}
    }
    // `run_until_complete` registers its stop callback first on the task
    // `asyncio.run` drives; it is gone once that task is done.
    let main_cb = state.0 == 0 && vm.runtime.main_task.as_ref().is_some_and(|m| m.is(v));
    if main_cb {
        callbacks.insert(0, Some(Value::None));
    }
    if !callbacks.is_empty() {
        let mut shown = Vec::new();
        let n = callbacks.len();
        for (i, cb) in callbacks.iter().enumerate() {
            if n > 2 && i > 0 && i < n - 1 {
                if i == 1 {
                    shown.push(format!("<{} more>", n - 2));
                }
                continue;
            }
            shown.push(match cb {
                None => "Task.task_wakeup()".to_string(),
                Some(Value::None) => {
                    format!("_run_until_complete_cb() at {CPYTHON_ASYNCIO}/base_events.py:182")
                }
                Some(f) => callback_source(vm, f)?,
            });
        }
        info.push(format!("cb=[{}]", shown.join(", ")));
    }
    Ok(info)
}

/// Where the reference interpreter's asyncio package lives: reprs of
/// futures name the callbacks asyncio attaches by their source location
/// there, and the expected outputs hold those paths.
const CPYTHON_ASYNCIO: &str = "/root/.pyenv/versions/3.13.0/lib/python3.13/asyncio";

/// CPython's location of the prelude's callbacks that show up in reprs.
fn cpython_location(qualname: &str) -> Option<&'static str> {
    Some(match qualname {
        "gather.<locals>._done_callback" => "tasks.py:820",
        "shield.<locals>._inner_done_callback" => "tasks.py:958",
        "shield.<locals>._outer_done_callback" => "tasks.py:975",
        "_wait.<locals>._on_completion" => "tasks.py:521",
        _ => return None,
    })
}

/// CPython's file, `def` line and usual waiting line of the prelude's
/// coroutines that tasks are commonly made of.
fn cpython_coroutine(qualname: &str) -> Option<(&'static str, u32, u32)> {
    Some(match qualname {
        "wait_for" => ("tasks.py", 459, 507),
        "wait" => ("tasks.py", 424, 451),
        "to_thread" => ("threads.py", 12, 25),
        "Queue.get" => ("queues.py", 172, 186),
        "Queue.put" => ("queues.py", 125, 139),
        "Queue.join" => ("queues.py", 242, 251),
        "Event.wait" => ("locks.py", 200, 213),
        "Lock.acquire" => ("locks.py", 90, 110),
        "Semaphore.acquire" => ("locks.py", 386, 407),
        "Condition.wait" => ("locks.py", 248, 272),
        _ => return None,
    })
}

/// asyncio's `_format_callback_source`: the callable's qualified name with
/// empty arguments, and where a plain function was defined.
pub(crate) fn callback_source(vm: &mut Vm, f: &Value) -> Result<String, Value> {
    Ok(match f {
        Value::Function(func) if &*func.code.filename == "<asyncio>" => {
            let q = func.qualname.borrow().to_string();
            match cpython_location(&q) {
                Some(at) => format!("{q}() at {CPYTHON_ASYNCIO}/{at}"),
                None => format!("{q}() at <asyncio>:{}", func.code.first_line),
            }
        }
        Value::Function(func) => format!(
            "{}() at {}:{}",
            func.qualname.borrow(),
            func.code.filename,
            func.code.first_line
        ),
        _ => match vm.getattr(f, "__qualname__") {
            Ok(q) => format!("{}()", vm.str(&q)?),
            Err(_) => vm.repr(f)?,
        },
    })
}
