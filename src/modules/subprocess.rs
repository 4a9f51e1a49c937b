//! Child processes for `asyncio.create_subprocess_exec/shell`: spawning
//! with pipes, and a pidfd the loop polls to learn of the exit (CPython
//! 3.13 on Linux uses the same `PidfdChildWatcher`). The transports and
//! `Process` are in asyncio_subprocess.py.

use super::sockets::{fd_from_owned, os_error, owned};
use crate::builtins::native;
use crate::vm::class::{Class, Layout};
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::os::fd::OwnedFd;
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, Stdio};
use std::rc::Rc;

/// `asyncio.subprocess.PIPE`, `STDOUT`, `DEVNULL` (the `subprocess` values).
pub const PIPE: i64 = -1;
pub const STDOUT: i64 = -2;
pub const DEVNULL: i64 = -3;

pub struct ProcData {
    child: RefCell<Child>,
    returncode: RefCell<Option<i64>>,
}

thread_local! {
    /// Children spawned on this thread, to kill the ones still running when
    /// the loop closes.
    static LIVE: RefCell<Vec<std::rc::Weak<NativeObj>>> = const { RefCell::new(Vec::new()) };
}

impl ProcData {
    /// What CPython's subprocess transport does when it is closed or freed
    /// with the child still running: SIGKILL (here also reaped, so no
    /// zombie or orphan outlives the program).
    fn kill_if_running(&self) {
        if self.returncode.borrow().is_some() {
            return;
        }
        let mut child = self.child.borrow_mut();
        if let Ok(None) = child.try_wait() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for ProcData {
    fn drop(&mut self) {
        self.kill_if_running();
    }
}

/// Kills children still running as `asyncio.run` closes its loop.
pub fn kill_leftovers() {
    let live = LIVE
        .try_with(|l| std::mem::take(&mut *l.borrow_mut()))
        .unwrap_or_default();
    for w in live {
        if let Some(obj) = w.upgrade()
            && let Some(p) = obj.data.borrow().downcast_ref::<ProcData>()
        {
            p.kill_if_running();
        }
    }
}

pub fn functions() -> &'static [(&'static str, NativeFn)] {
    &[("_spawn", spawn)]
}

fn proc_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = vm.runtime.native_classes.get("Popen") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("Popen", vec![object], Layout::Builtin, None, "subprocess");
    for (name, f) in [
        ("poll", proc_poll as NativeFn),
        ("send_signal", proc_send_signal),
        ("pidfd", proc_pidfd),
        ("pid", proc_pid),
    ] {
        c.set_attr(name.into(), native(name, f, BuiltinKind::Method));
    }
    vm.runtime.native_classes.insert("Popen", c.clone());
    c
}

fn pipe(vm: &mut Vm) -> Result<(OwnedFd, OwnedFd), Value> {
    let mut fds = [0; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe2 to fill.
    let r = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) };
    if r != 0 {
        return Err(os_error(vm, &std::io::Error::last_os_error()));
    }
    // SAFETY: pipe2 succeeded, so both fds are open and ours alone.
    Ok(unsafe { (owned(fds[0]), owned(fds[1])) })
}

enum Mode {
    Inherit,
    Pipe,
    Stdout,
    Null,
}

fn mode(vm: &mut Vm, v: Option<&Value>) -> Result<Mode, Value> {
    Ok(match v {
        None | Some(Value::None) => Mode::Inherit,
        Some(v) => match vm.index_value(v)? {
            PIPE => Mode::Pipe,
            STDOUT => Mode::Stdout,
            DEVNULL => Mode::Null,
            _ => return Err(vm.value_error("only PIPE, STDOUT, DEVNULL or None are supported")),
        },
    })
}

/// `_spawn(args, shell, stdin, stdout, stderr, cwd)` →
/// (proc, stdin pipe, stdout pipe, stderr pipe), each pipe None unless PIPE.
fn spawn(vm: &mut Vm, args: Args) -> PyResult {
    let argv = vm.collect(&args.pos.first().cloned().unwrap_or(Value::None))?;
    let shell = vm.truthy(&args.pos.get(1).cloned().unwrap_or(Value::None))?;
    let mut words = Vec::new();
    for a in &argv {
        match a {
            Value::Str(s) => words.push(s.as_str().to_string()),
            Value::Bytes(b) => words.push(String::from_utf8_lossy(b).into_owned()),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "expected str, bytes or os.PathLike object, not {tn}"
                )));
            }
        }
    }
    let Some(program) = words.first().cloned() else {
        return Err(vm.new_exc("IndexError", "list index out of range"));
    };
    vm.require(crate::permissions::Access::Run(if shell {
        "sh"
    } else {
        &program
    }))?;
    let mut cmd = if shell {
        let mut c = Command::new("/bin/sh");
        c.arg("-c").args(&words);
        c
    } else {
        let mut c = Command::new(&program);
        c.args(&words[1..]);
        c
    };
    if let Some(Value::Str(cwd)) = args.pos.get(5) {
        cmd.current_dir(cwd.as_str());
    }
    let modes = [
        mode(vm, args.pos.get(2))?,
        mode(vm, args.pos.get(3))?,
        mode(vm, args.pos.get(4))?,
    ];
    let mut parent_ends: [Option<OwnedFd>; 3] = [None, None, None];
    let mut stdout_write: Option<OwnedFd> = None;
    for (i, m) in modes.iter().enumerate() {
        let child_end = match m {
            Mode::Inherit => Stdio::inherit(),
            Mode::Null => Stdio::null(),
            Mode::Stdout => match (i, &stdout_write) {
                (2, Some(w)) => Stdio::from(w.try_clone().map_err(|e| os_error(vm, &e))?),
                (2, None) => Stdio::inherit(),
                _ => return Err(vm.value_error("STDOUT can only be used for stderr")),
            },
            Mode::Pipe => {
                let (r, w) = pipe(vm)?;
                let (parent, child) = if i == 0 { (w, r) } else { (r, w) };
                if i == 1 {
                    stdout_write = Some(child.try_clone().map_err(|e| os_error(vm, &e))?);
                }
                parent_ends[i] = Some(parent);
                Stdio::from(child)
            }
        };
        match i {
            0 => cmd.stdin(child_end),
            1 => cmd.stdout(child_end),
            _ => cmd.stderr(child_end),
        };
    }
    // Rust's stdout may hold text the child's output must come after.
    vm.flush();
    let child = cmd.spawn();
    drop(cmd);
    drop(stdout_write);
    let child = match child {
        Ok(c) => c,
        Err(e) => {
            let err = os_error(vm, &e);
            if e.raw_os_error().is_some() && !shell {
                // CPython names the program: `[Errno 2] No such file or directory: 'x'`.
                let (code, text) = (
                    e.raw_os_error().unwrap_or(0) as i64,
                    vm.getattr(&err, "strerror").unwrap_or(Value::None),
                );
                let cls = crate::vm::exc::errno_class(code).unwrap_or("OSError");
                return Err(vm.new_exc_args(
                    cls,
                    vec![Value::Int(code), text, Value::str(program.as_str())],
                ));
            }
            return Err(err);
        }
    };
    let class = proc_class(vm);
    let obj = Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(ProcData {
            child: RefCell::new(child),
            returncode: RefCell::new(None),
        })),
        dict: RefCell::new(None),
    });
    let _ = LIVE.try_with(|l| {
        let mut l = l.borrow_mut();
        l.retain(|w| w.strong_count() > 0);
        l.push(Rc::downgrade(&obj));
    });
    let proc = Value::Native(obj);
    let mut out = vec![proc];
    for end in parent_ends {
        out.push(match end {
            Some(fd) => fd_from_owned(vm, fd),
            None => Value::None,
        });
    }
    Ok(Value::tuple(out))
}

fn with_proc<R>(vm: &mut Vm, args: &Args, f: impl FnOnce(&ProcData) -> R) -> Result<R, Value> {
    if let Some(Value::Native(n)) = args.pos.first()
        && let Some(d) = n.data.borrow().downcast_ref::<ProcData>()
    {
        return Ok(f(d));
    }
    Err(vm.type_error("expected a process"))
}

fn proc_pid(vm: &mut Vm, args: Args) -> PyResult {
    let pid = with_proc(vm, &args, |p| p.child.borrow().id())?;
    Ok(Value::Int(pid as i64))
}

/// Reaps the child if it has exited: its return code (-N for signal N),
/// or None while it runs.
fn proc_poll(vm: &mut Vm, args: Args) -> PyResult {
    let r = with_proc(vm, &args, |p| {
        if let Some(rc) = *p.returncode.borrow() {
            return Some(rc);
        }
        let st = p.child.borrow_mut().try_wait().ok().flatten()?;
        let rc = match (st.code(), st.signal()) {
            (Some(c), _) => c as i64,
            (None, Some(s)) => -(s as i64),
            _ => 255,
        };
        *p.returncode.borrow_mut() = Some(rc);
        Some(rc)
    })?;
    Ok(r.map_or(Value::None, Value::Int))
}

/// `os.kill(pid, sig)`, unless the child was already reaped.
fn proc_send_signal(vm: &mut Vm, args: Args) -> PyResult {
    let sig = match args.pos.get(1) {
        Some(v) => vm.index_value(v)?,
        None => {
            return Err(
                vm.type_error("send_signal() missing 1 required positional argument: 'signal'")
            );
        }
    };
    let target = with_proc(vm, &args, |p| {
        if p.returncode.borrow().is_some() {
            None
        } else {
            Some(p.child.borrow().id())
        }
    })?;
    let Some(pid) = target else {
        return Ok(Value::None);
    };
    // SAFETY: kill(2) with a child's pid we have not reaped yet.
    let r = unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) };
    if r != 0 {
        let e = std::io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::ESRCH) {
            return Err(os_error(vm, &e));
        }
    }
    Ok(Value::None)
}

/// A pidfd for the child: readable once it exits. None if the kernel has
/// no pidfd_open.
fn proc_pidfd(vm: &mut Vm, args: Args) -> PyResult {
    let pid = with_proc(vm, &args, |p| p.child.borrow().id())?;
    // SAFETY: the pidfd_open syscall takes a pid and flags and returns a new fd.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) };
    if fd < 0 {
        return Ok(Value::None);
    }
    // SAFETY: the syscall returned a fresh fd that only we hold.
    let fd = unsafe { owned(fd as i32) };
    Ok(fd_from_owned(vm, fd))
}

/// The names `asyncio.subprocess` exports besides its functions.
pub fn constants() -> [(&'static str, i64); 3] {
    [("PIPE", PIPE), ("STDOUT", STDOUT), ("DEVNULL", DEVNULL)]
}
