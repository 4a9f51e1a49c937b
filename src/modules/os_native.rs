//! `_os`: the operating-system calls under the `os` package and `open()`
//! (both written in the language, in `lib/os/` and `lib/_fileio.py`).
//! Each function is one system call; failures raise the OSError subclass
//! CPython picks for the errno, with `errno`, `strerror` and `filename`.

use crate::builtins::native;
use crate::permissions::Access;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use std::ffi::{CStr, CString};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_os");
    {
        let mut d = g.borrow_mut();
        let table: &[(&str, NativeFn)] = &[
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("unlink", unlink),
            ("rename", rename),
            ("stat", stat),
            ("fstat", fstat),
            ("open", open),
            ("read", read),
            ("write", write),
            ("close", close),
            ("lseek", lseek),
            ("ftruncate", ftruncate),
            ("isatty", isatty),
            ("getpid", getpid),
            ("kill", kill),
            ("getppid", getppid),
            ("getuid", getuid),
            ("cpu_count", cpu_count),
            ("urandom", urandom),
            ("strerror", strerror),
            ("environ", environ),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("readlink", readlink),
            ("access", access),
            ("utime", utime),
            ("umask", umask),
        ];
        for (name, f) in table {
            d.insert((*name).into(), native(name, *f, BuiltinKind::Function));
        }
        let flags = [
            ("O_RDONLY", libc::O_RDONLY),
            ("O_WRONLY", libc::O_WRONLY),
            ("O_RDWR", libc::O_RDWR),
            ("O_APPEND", libc::O_APPEND),
            ("O_CREAT", libc::O_CREAT),
            ("O_EXCL", libc::O_EXCL),
            ("O_TRUNC", libc::O_TRUNC),
            ("O_CLOEXEC", libc::O_CLOEXEC),
            ("O_NONBLOCK", libc::O_NONBLOCK),
        ];
        for (name, v) in flags {
            d.insert(name.into(), Value::Int(v as i64));
        }
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_os".into(),
        dict: g,
    })))
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

fn strerror_text(errno: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated message.
    let p = unsafe { libc::strerror(errno) };
    if p.is_null() {
        return format!("Unknown error {errno}");
    }
    // SAFETY: checked non-null above.
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// The OSError for `errno`, naming `files` as CPython does.
pub(crate) fn os_error(vm: &mut Vm, errno: i32, files: &[&Value]) -> Value {
    let cls = crate::vm::exc::errno_class(errno as i64).unwrap_or("OSError");
    let mut args = vec![Value::Int(errno as i64), Value::str(strerror_text(errno))];
    if let Some(f) = files.first() {
        args.push((*f).clone());
        if let Some(f2) = files.get(1) {
            args.push(Value::None);
            args.push((*f2).clone());
        }
    }
    vm.new_exc_args(cls, args)
}

fn arg(args: &Args, i: usize) -> Option<&Value> {
    args.pos.get(i)
}

/// The path a `path_arg` value names, for permission checks.
fn path_of(v: &Value) -> std::path::PathBuf {
    match v {
        Value::Str(s) => std::path::PathBuf::from(s.as_str()),
        Value::Bytes(b) => std::path::PathBuf::from(String::from_utf8_lossy(b).into_owned()),
        _ => std::path::PathBuf::new(),
    }
}

/// A path argument that is about to be read (`write` false) or written.
fn checked_path(
    vm: &mut Vm,
    args: &Args,
    i: usize,
    write: bool,
) -> Result<(CString, Value), Value> {
    let (c, v) = path_arg(vm, args, i)?;
    let path = path_of(&v);
    if write {
        vm.require(Access::Write(&path))?;
    } else {
        vm.require(Access::Read(&path))?;
    }
    Ok((c, v))
}

/// A path argument as a C string (str or bytes).
fn path_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<(CString, Value), Value> {
    let v = arg(args, i).cloned().unwrap_or(Value::None);
    let bytes = match &v {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        Value::Bytes(b) => b.to_vec(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "path should be string, bytes or os.PathLike, not {tn}"
            )));
        }
    };
    match CString::new(bytes) {
        Ok(c) => Ok((c, v)),
        Err(_) => Err(vm.value_error("embedded null byte")),
    }
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<i64, Value> {
    match arg(args, i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
        None => Err(vm.type_error("missing required argument")),
    }
}

fn check(vm: &mut Vm, r: i64, files: &[&Value]) -> Result<i64, Value> {
    if r < 0 {
        let e = last_errno();
        return Err(os_error(vm, e, files));
    }
    Ok(r)
}

fn getcwd(vm: &mut Vm, _args: Args) -> PyResult {
    match std::env::current_dir() {
        Ok(p) => Ok(Value::str(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, e.raw_os_error().unwrap_or(0), &[])),
    }
}

fn chdir(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = checked_path(vm, &args, 0, false)?;
    // SAFETY: p is a valid C string.
    check(vm, unsafe { libc::chdir(p.as_ptr()) } as i64, &[&v])?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: Args) -> PyResult {
    let (_, v) = checked_path(vm, &args, 0, false)?;
    let as_bytes = matches!(v, Value::Bytes(_));
    let path = path_of(&v);
    let entries = match std::fs::read_dir(&path) {
        Ok(e) => e,
        Err(e) => return Err(os_error(vm, e.raw_os_error().unwrap_or(0), &[&v])),
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        out.push(if as_bytes {
            Value::Bytes(Rc::new(name.into_bytes()))
        } else {
            Value::str(name)
        });
    }
    Ok(Value::list(out))
}

fn mkdir(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = checked_path(vm, &args, 0, true)?;
    let mode = if args.pos.len() > 1 {
        int_arg(vm, &args, 1)?
    } else {
        0o777
    };
    // SAFETY: p is a valid C string.
    check(
        vm,
        unsafe { libc::mkdir(p.as_ptr(), mode as libc::mode_t) } as i64,
        &[&v],
    )?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = checked_path(vm, &args, 0, true)?;
    // SAFETY: p is a valid C string.
    check(vm, unsafe { libc::rmdir(p.as_ptr()) } as i64, &[&v])?;
    Ok(Value::None)
}

fn unlink(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = checked_path(vm, &args, 0, true)?;
    // SAFETY: p is a valid C string.
    check(vm, unsafe { libc::unlink(p.as_ptr()) } as i64, &[&v])?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: Args) -> PyResult {
    let (a, va) = checked_path(vm, &args, 0, true)?;
    let (b, vb) = checked_path(vm, &args, 1, true)?;
    // SAFETY: both are valid C strings.
    check(
        vm,
        unsafe { libc::rename(a.as_ptr(), b.as_ptr()) } as i64,
        &[&va, &vb],
    )?;
    Ok(Value::None)
}

fn stat_tuple(st: &libc::stat) -> Value {
    let ns = |s: i64, n: i64| Value::from_bigint(num_bigint::BigInt::from(s) * 1_000_000_000 + n);
    Value::tuple(vec![
        Value::Int(st.st_mode as i64),
        Value::Int(st.st_ino as i64),
        Value::Int(st.st_dev as i64),
        Value::Int(st.st_nlink as i64),
        Value::Int(st.st_uid as i64),
        Value::Int(st.st_gid as i64),
        Value::Int(st.st_size),
        ns(st.st_atime, st.st_atime_nsec),
        ns(st.st_mtime, st.st_mtime_nsec),
        ns(st.st_ctime, st.st_ctime_nsec),
    ])
}

fn stat(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = path_arg(vm, &args, 0)?;
    vm.require(Access::Stat(&path_of(&v)))?;
    let follow = !matches!(arg(&args, 1), Some(Value::Bool(false)));
    // SAFETY: an all-zero stat is a valid value to be overwritten.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: p is a valid C string and st a valid out-pointer.
    let r = unsafe {
        if follow {
            libc::stat(p.as_ptr(), &mut st)
        } else {
            libc::lstat(p.as_ptr(), &mut st)
        }
    };
    check(vm, r as i64, &[&v])?;
    Ok(stat_tuple(&st))
}

fn fstat(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    // SAFETY: an all-zero stat is a valid value to be overwritten.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a valid out-pointer; a bad fd gives EBADF.
    check(vm, unsafe { libc::fstat(fd as i32, &mut st) } as i64, &[])?;
    Ok(stat_tuple(&st))
}

fn open(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = path_arg(vm, &args, 0)?;
    let flags = int_arg(vm, &args, 1)? as i32 | libc::O_CLOEXEC;
    let path = path_of(&v);
    let writes = flags
        & (libc::O_WRONLY | libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC | libc::O_APPEND)
        != 0;
    if flags & libc::O_WRONLY == 0 {
        vm.require(Access::Read(&path))?;
    }
    if writes {
        vm.require(Access::Write(&path))?;
    }
    let mode = if args.pos.len() > 2 {
        int_arg(vm, &args, 2)?
    } else {
        0o777
    };
    // SAFETY: p is a valid C string.
    let fd = unsafe { libc::open(p.as_ptr(), flags, mode as libc::c_uint) };
    Ok(Value::Int(check(vm, fd as i64, &[&v])?))
}

fn read(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    let n = int_arg(vm, &args, 1)?.max(0) as usize;
    let mut buf = vec![0u8; n];
    // SAFETY: buf has n writable bytes.
    let got = unsafe { libc::read(fd as i32, buf.as_mut_ptr().cast(), n) };
    let got = check(vm, got as i64, &[])? as usize;
    buf.truncate(got);
    Ok(Value::Bytes(Rc::new(buf)))
}

fn write(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    let data = match arg(&args, 1) {
        Some(Value::Bytes(b)) => b.clone(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        }
        None => return Err(vm.type_error("write() missing data")),
    };
    // SAFETY: data is a valid buffer of its length.
    let n = unsafe { libc::write(fd as i32, data.as_ptr().cast(), data.len()) };
    Ok(Value::Int(check(vm, n as i64, &[])?))
}

fn close(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    // SAFETY: closing an fd the program opened; a bad fd gives EBADF.
    check(vm, unsafe { libc::close(fd as i32) } as i64, &[])?;
    Ok(Value::None)
}

fn lseek(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    let pos = int_arg(vm, &args, 1)?;
    let how = int_arg(vm, &args, 2)?;
    // SAFETY: plain system call on an fd.
    let r = unsafe { libc::lseek(fd as i32, pos as libc::off_t, how as i32) };
    Ok(Value::Int(check(vm, r, &[])?))
}

fn ftruncate(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    let len = int_arg(vm, &args, 1)?;
    // SAFETY: plain system call on an fd.
    check(
        vm,
        unsafe { libc::ftruncate(fd as i32, len as libc::off_t) } as i64,
        &[],
    )?;
    Ok(Value::None)
}

fn isatty(vm: &mut Vm, args: Args) -> PyResult {
    let fd = int_arg(vm, &args, 0)?;
    // SAFETY: plain query on an fd.
    Ok(Value::Bool(unsafe { libc::isatty(fd as i32) } == 1))
}

/// `kill(pid, sig)`. Signalling another process needs `--allow-run`; a
/// handler for a signal sent to this process runs before the call returns.
fn kill(vm: &mut Vm, args: Args) -> PyResult {
    let pid = vm.index_value(arg(&args, 0).unwrap_or(&Value::None))?;
    let sig = vm.index_value(arg(&args, 1).unwrap_or(&Value::None))?;
    if pid != i64::from(std::process::id()) {
        vm.require(Access::Run("kill"))?;
    }
    let (Ok(pid), Ok(sig)) = (i32::try_from(pid), i32::try_from(sig)) else {
        return Err(vm.new_exc("OverflowError", "signed integer is greater than maximum"));
    };
    // SAFETY: kill(2) with plain integers.
    if unsafe { libc::kill(pid, sig) } != 0 {
        let errno = std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL);
        return Err(os_error(vm, errno, &[]));
    }
    if i64::from(pid) == i64::from(std::process::id()) && vm.runtime.signals.catches(sig) {
        crate::runtime::signals::await_delivery(sig);
    }
    vm.run_signal_handlers()?;
    Ok(Value::None)
}

fn getpid(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_vm: &mut Vm, _args: Args) -> PyResult {
    // SAFETY: getppid cannot fail.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn getuid(_vm: &mut Vm, _args: Args) -> PyResult {
    // SAFETY: getuid cannot fail.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}

fn cpu_count(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn urandom(vm: &mut Vm, args: Args) -> PyResult {
    let n = int_arg(vm, &args, 0)?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the rest of buf is writable.
        let r =
            unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            let e = last_errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(os_error(vm, e, &[]));
        }
        filled += r as usize;
    }
    Ok(Value::Bytes(Rc::new(buf)))
}

fn strerror(vm: &mut Vm, args: Args) -> PyResult {
    let e = int_arg(vm, &args, 0)?;
    Ok(Value::str(strerror_text(e as i32)))
}

fn environ(vm: &mut Vm, _args: Args) -> PyResult {
    let d = Value::dict(Default::default());
    // Without permission a variable is simply not there, as if unset: a
    // program that only reads `os.environ.get(...)` keeps working.
    for (k, v) in std::env::vars_os() {
        if !vm.env_visible(&k.to_string_lossy()) {
            continue;
        }
        let k = Value::str(k.to_string_lossy().into_owned());
        let v = Value::str(v.to_string_lossy().into_owned());
        vm.setitem(&d, k, v)?;
    }
    Ok(d)
}

fn str_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<String, Value> {
    match arg(args, i) {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("str expected, not {tn}")))
        }
        None => Err(vm.type_error("missing required argument")),
    }
}

fn putenv(vm: &mut Vm, args: Args) -> PyResult {
    let k = str_arg(vm, &args, 0)?;
    let v = str_arg(vm, &args, 1)?;
    vm.require(Access::Env(&k))?;
    if k.is_empty() || k.contains('=') || k.contains('\0') || v.contains('\0') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: the interpreter is single-threaded (design.md §5): no other
    // thread reads the environment concurrently.
    unsafe { std::env::set_var(k, v) };
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: Args) -> PyResult {
    let k = str_arg(vm, &args, 0)?;
    vm.require(Access::Env(&k))?;
    if k.is_empty() || k.contains('=') || k.contains('\0') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: as in putenv.
    unsafe { std::env::remove_var(k) };
    Ok(Value::None)
}

fn readlink(vm: &mut Vm, args: Args) -> PyResult {
    let (_, v) = checked_path(vm, &args, 0, false)?;
    let path = path_of(&v);
    match std::fs::read_link(&path) {
        Ok(p) => Ok(Value::str(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, e.raw_os_error().unwrap_or(0), &[&v])),
    }
}

fn access(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = path_arg(vm, &args, 0)?;
    vm.require(Access::Stat(&path_of(&v)))?;
    let mode = int_arg(vm, &args, 1)?;
    // SAFETY: p is a valid C string.
    Ok(Value::Bool(
        unsafe { libc::access(p.as_ptr(), mode as i32) } == 0,
    ))
}

fn utime(vm: &mut Vm, args: Args) -> PyResult {
    let (p, v) = checked_path(vm, &args, 0, true)?;
    let at = int_arg(vm, &args, 1)?;
    let mt = int_arg(vm, &args, 2)?;
    let spec = |ns: i64| libc::timespec {
        tv_sec: ns.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: ns.rem_euclid(1_000_000_000) as _,
    };
    let times = [spec(at), spec(mt)];
    // SAFETY: p is a valid C string and times two valid timespecs.
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, p.as_ptr(), times.as_ptr(), 0) };
    check(vm, r as i64, &[&v])?;
    Ok(Value::None)
}

fn umask(vm: &mut Vm, args: Args) -> PyResult {
    let m = int_arg(vm, &args, 0)?;
    // SAFETY: umask cannot fail.
    Ok(Value::Int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}
