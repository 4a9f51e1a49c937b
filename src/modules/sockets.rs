//! Non-blocking file descriptors for the asyncio transports: TCP sockets,
//! pipes and pidfds behind one `socket`-like native object. Every call
//! returns at once; "would block" is `None`, so the transports written in
//! the language (asyncio_streams.py) can follow CPython's selector
//! transports step for step.

use crate::builtins::native;
use crate::permissions::Access;
use crate::vm::class::{Class, Layout};
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::rc::Rc;

thread_local! {
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

pub enum FdKind {
    Sock(Socket),
    /// A pipe end or a pidfd.
    File(std::fs::File),
}

/// The native payload: `None` once closed.
pub struct FdObj {
    pub inner: RefCell<Option<FdKind>>,
}

impl FdObj {
    fn fd(&self) -> RawFd {
        match &*self.inner.borrow() {
            Some(FdKind::Sock(s)) => s.as_raw_fd(),
            Some(FdKind::File(f)) => f.as_raw_fd(),
            None => -1,
        }
    }
}

pub fn set_nonblocking(fd: RawFd) {
    // SAFETY: fcntl on an fd we own, with flag arguments only.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags >= 0 {
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
    }
}

/// `OSError` (or its errno subclass) with CPython's `[Errno N] text` args.
pub fn os_error(vm: &mut Vm, e: &std::io::Error) -> Value {
    match e.raw_os_error() {
        Some(code) => {
            let text = e.to_string();
            let suffix = format!(" (os error {code})");
            let plain = text.strip_suffix(&suffix).unwrap_or(&text).to_string();
            let cls = crate::vm::exc::errno_class(code as i64).unwrap_or("OSError");
            vm.new_exc_args(
                cls,
                vec![Value::Int(code as i64), Value::str(plain.as_str())],
            )
        }
        None => vm.new_exc("OSError", &e.to_string()),
    }
}

fn would_block(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::Interrupted
    )
}

pub fn addr_tuple(a: &SocketAddr) -> Value {
    match a {
        SocketAddr::V4(v) => Value::tuple(vec![
            Value::str(v.ip().to_string()),
            Value::Int(v.port() as i64),
        ]),
        SocketAddr::V6(v) => Value::tuple(vec![
            Value::str(v.ip().to_string()),
            Value::Int(v.port() as i64),
            Value::Int(v.flowinfo() as i64),
            Value::Int(v.scope_id() as i64),
        ]),
    }
}

fn sockaddr_tuple(a: &SockAddr) -> Value {
    match a.as_socket() {
        Some(s) => addr_tuple(&s),
        None => Value::str(""),
    }
}

pub fn fd_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = vm.runtime.native_classes.get("socket") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("socket", vec![object], Layout::Builtin, None, "socket");
    for (name, f) in [
        ("fileno", fd_fileno as NativeFn),
        ("recv", fd_recv),
        ("send", fd_send),
        ("accept", fd_accept),
        ("getsockname", fd_getsockname),
        ("getpeername", fd_getpeername),
        ("close", fd_close),
        ("shutdown", fd_shutdown),
        ("_so_error", fd_so_error),
        ("__repr__", fd_repr),
    ] {
        c.set_attr(name.into(), native(name, f, BuiltinKind::Method));
    }
    vm.runtime.native_classes.insert("socket", c.clone());
    c
}

pub fn new_fd(vm: &mut Vm, k: FdKind) -> Value {
    let class = fd_class(vm);
    Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(FdObj {
            inner: RefCell::new(Some(k)),
        })),
        dict: RefCell::new(None),
    }))
}

fn with_fdobj<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&FdObj) -> R) -> Result<R, Value> {
    if let Value::Native(n) = v
        && let Some(d) = n.data.borrow().downcast_ref::<FdObj>()
    {
        return Ok(f(d));
    }
    Err(vm.type_error("expected a socket"))
}

fn bad_fd(vm: &mut Vm) -> Value {
    vm.new_exc_args(
        "OSError",
        vec![Value::Int(9), Value::str("Bad file descriptor")],
    )
}

pub fn functions() -> &'static [(&'static str, NativeFn)] {
    &[
        ("_ipaddr_info", ipaddr_info),
        ("_getaddrinfo", getaddrinfo),
        ("_sock_connect", sock_connect),
        ("_sock_listen", sock_listen),
    ]
}

// ------------------------------------------------------------ methods

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn fd_fileno(vm: &mut Vm, args: Args) -> PyResult {
    let fd = with_fdobj(vm, &this(&args), |o| o.fd())?;
    Ok(Value::Int(fd as i64))
}

/// `recv(n)`: bytes (b'' at EOF), or None when nothing is there yet.
fn fd_recv(vm: &mut Vm, args: Args) -> PyResult {
    let n = match args.pos.get(1) {
        Some(v) => vm.index_value(v)?.clamp(1, 1 << 24) as usize,
        None => 262_144,
    };
    // One scratch buffer per thread: a recv of up to 256 KiB must not
    // allocate and zero that much for every few bytes that arrive.
    let r = SCRATCH.with(|scratch| {
        let mut buf = scratch.borrow_mut();
        if buf.len() < n {
            buf.resize(n, 0);
        }
        let buf = &mut buf[..n];
        with_fdobj(vm, &this(&args), |o| match &*o.inner.borrow() {
            Some(FdKind::Sock(s)) => Some((&*s).read(buf).map(|k| buf[..k].to_vec())),
            Some(FdKind::File(f)) => Some((&*f).read(buf).map(|k| buf[..k].to_vec())),
            None => None,
        })
    })?;
    match r {
        None => Err(bad_fd(vm)),
        Some(Ok(data)) => Ok(Value::Bytes(Rc::new(data))),
        Some(Err(e)) if would_block(&e) => Ok(Value::None),
        Some(Err(e)) => Err(os_error(vm, &e)),
    }
}

/// `send(data)`: bytes written, or None when the kernel buffer is full.
fn fd_send(vm: &mut Vm, args: Args) -> PyResult {
    let data = match args.pos.get(1) {
        Some(Value::Bytes(b)) => b.clone(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")));
        }
        None => return Err(vm.type_error("send() takes exactly one argument (0 given)")),
    };
    let r = with_fdobj(vm, &this(&args), |o| match &*o.inner.borrow() {
        Some(FdKind::Sock(s)) => Some(s.send(&data)),
        Some(FdKind::File(f)) => Some((&*f).write(&data)),
        None => None,
    })?;
    match r {
        None => Err(bad_fd(vm)),
        Some(Ok(k)) => Ok(Value::Int(k as i64)),
        Some(Err(e)) if would_block(&e) => Ok(Value::None),
        Some(Err(e)) => Err(os_error(vm, &e)),
    }
}

/// `accept()`: (socket, peer address), or None when no one is waiting.
fn fd_accept(vm: &mut Vm, args: Args) -> PyResult {
    let r = with_fdobj(vm, &this(&args), |o| match &*o.inner.borrow() {
        Some(FdKind::Sock(s)) => Some(s.accept()),
        _ => None,
    })?;
    match r {
        None => Err(bad_fd(vm)),
        Some(Ok((s, addr))) => {
            let _ = s.set_nonblocking(true);
            let _ = s.set_tcp_nodelay(true);
            let peer = sockaddr_tuple(&addr);
            let sock = new_fd(vm, FdKind::Sock(s));
            Ok(Value::tuple(vec![sock, peer]))
        }
        Some(Err(e)) if would_block(&e) => Ok(Value::None),
        Some(Err(e)) if e.raw_os_error() == Some(libc::ECONNABORTED) => Ok(Value::None),
        Some(Err(e)) => Err(os_error(vm, &e)),
    }
}

fn sock_addr(vm: &mut Vm, args: &Args, peer: bool) -> PyResult {
    let r = with_fdobj(vm, &this(args), |o| match &*o.inner.borrow() {
        Some(FdKind::Sock(s)) => Some(if peer { s.peer_addr() } else { s.local_addr() }),
        _ => None,
    })?;
    match r {
        None => Err(bad_fd(vm)),
        Some(Ok(a)) => Ok(sockaddr_tuple(&a)),
        Some(Err(e)) => Err(os_error(vm, &e)),
    }
}

fn fd_getsockname(vm: &mut Vm, args: Args) -> PyResult {
    sock_addr(vm, &args, false)
}

fn fd_getpeername(vm: &mut Vm, args: Args) -> PyResult {
    sock_addr(vm, &args, true)
}

fn fd_close(vm: &mut Vm, args: Args) -> PyResult {
    let old = with_fdobj(vm, &this(&args), |o| o.inner.borrow_mut().take())?;
    drop(old);
    Ok(Value::None)
}

/// `shutdown(how)`; only SHUT_WR (1) matters to the transports.
fn fd_shutdown(vm: &mut Vm, args: Args) -> PyResult {
    let how = match args.pos.get(1) {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    let how = match how {
        0 => std::net::Shutdown::Read,
        1 => std::net::Shutdown::Write,
        _ => std::net::Shutdown::Both,
    };
    let r = with_fdobj(vm, &this(&args), |o| match &*o.inner.borrow() {
        Some(FdKind::Sock(s)) => Some(s.shutdown(how)),
        _ => None,
    })?;
    match r {
        Some(Err(e)) if e.kind() != std::io::ErrorKind::NotConnected => Err(os_error(vm, &e)),
        _ => Ok(Value::None),
    }
}

/// The pending error of a non-blocking connect (SO_ERROR), 0 if none.
fn fd_so_error(vm: &mut Vm, args: Args) -> PyResult {
    let r = with_fdobj(vm, &this(&args), |o| match &*o.inner.borrow() {
        Some(FdKind::Sock(s)) => s.take_error(),
        _ => Ok(None),
    })?;
    Ok(Value::Int(match r {
        Ok(Some(e)) | Err(e) => e.raw_os_error().unwrap_or(libc::EIO) as i64,
        Ok(None) => 0,
    }))
}

fn fd_repr(vm: &mut Vm, args: Args) -> PyResult {
    let fd = with_fdobj(vm, &this(&args), |o| o.fd())?;
    let laddr = sock_addr(vm, &args, false)
        .ok()
        .map(|a| vm.repr(&a))
        .transpose()?;
    Ok(Value::str(match laddr {
        Some(a) => format!("<socket fd={fd}, family=2, type=1, proto=6, laddr={a}>"),
        None => format!("<socket fd={fd}>"),
    }))
}

// ------------------------------------------------------------ functions

fn host_port(vm: &mut Vm, args: &Args) -> Result<(Option<String>, u16), Value> {
    let host = match args.pos.first() {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("host must be a str, not {tn}")));
        }
    };
    let port = match args.pos.get(1) {
        None | Some(Value::None) => 0,
        Some(v) => {
            let p = vm.index_value(v)?;
            if !(0..=65535).contains(&p) {
                return Err(vm.new_exc("OverflowError", "getsockaddrarg: port must be 0-65535."));
            }
            p as u16
        }
    };
    Ok((host, port))
}

/// CPython's `_ipaddr_info` shortcut: an address literal needs no lookup.
fn ipaddr_info(vm: &mut Vm, args: Args) -> PyResult {
    let (host, port) = host_port(vm, &args)?;
    match host.as_deref().map(str::parse::<IpAddr>) {
        Some(Ok(ip)) => Ok(addr_tuple(&SocketAddr::new(ip, port))),
        _ => Ok(Value::None),
    }
}

/// A blocking name lookup (run through `run_in_executor`, as CPython):
/// a list of address tuples, or (code, message) when it fails.
fn getaddrinfo(vm: &mut Vm, args: Args) -> PyResult {
    let (host, port) = host_port(vm, &args)?;
    let host = host.unwrap_or_else(|| "0.0.0.0".into());
    vm.require(Access::Lookup(&host))?;
    match (host.as_str(), port).to_socket_addrs() {
        Ok(addrs) => {
            let mut seen = Vec::new();
            for a in addrs {
                if !seen.contains(&a) {
                    seen.push(a);
                }
            }
            Ok(Value::list(seen.iter().map(addr_tuple).collect()))
        }
        // (code, message) for the caller to raise as `socket.gaierror`;
        // std gives only gai_strerror's text, so map it back to EAI_*.
        Err(e) => {
            let text = e.to_string();
            let msg = text
                .strip_prefix("failed to lookup address information: ")
                .unwrap_or(&text)
                .to_string();
            let code = match msg.as_str() {
                "Temporary failure in name resolution" => -3,
                "Non-recoverable failure in name resolution" => -4,
                "No address associated with hostname" => -5,
                "Servname not supported for ai_socktype" => -8,
                _ => -2,
            };
            Ok(Value::tuple(vec![
                Value::Int(code),
                Value::str(msg.as_str()),
            ]))
        }
    }
}

fn addr_of(vm: &mut Vm, v: &Value) -> Result<SocketAddr, Value> {
    let items = vm.collect(v)?;
    let (Some(Value::Str(h)), Some(p)) = (items.first(), items.get(1)) else {
        return Err(vm.type_error("address must be a (host, port) tuple"));
    };
    let port = vm.index_value(p)?;
    match (h.as_str().parse::<IpAddr>(), u16::try_from(port)) {
        (Ok(ip), Ok(port)) => Ok(SocketAddr::new(ip, port)),
        _ => Err(vm.new_exc_args(
            "OSError",
            vec![Value::Int(-2), Value::str("Name or service not known")],
        )),
    }
}

fn new_socket(vm: &mut Vm, a: &SocketAddr) -> Result<Socket, Value> {
    let s = Socket::new(Domain::for_address(*a), Type::STREAM, Some(Protocol::TCP))
        .map_err(|e| os_error(vm, &e))?;
    s.set_nonblocking(true).map_err(|e| os_error(vm, &e))?;
    Ok(s)
}

/// `_sock_connect(addr)`: starts a non-blocking connect; returns
/// (socket, connected-already). An immediate failure raises.
fn sock_connect(vm: &mut Vm, args: Args) -> PyResult {
    let a = addr_of(vm, &this(&args))?;
    vm.require(Access::Net(a.ip(), a.port()))?;
    let s = new_socket(vm, &a)?;
    let _ = s.set_tcp_nodelay(true);
    let done = match s.connect(&SockAddr::from(a)) {
        Ok(()) => true,
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) || would_block(&e) => false,
        Err(e) => return Err(os_error(vm, &e)),
    };
    let sock = new_fd(vm, FdKind::Sock(s));
    Ok(Value::tuple(vec![sock, Value::Bool(done)]))
}

/// `_sock_listen(addr, backlog)`: a bound, listening, non-blocking socket.
fn sock_listen(vm: &mut Vm, args: Args) -> PyResult {
    let a = addr_of(vm, &this(&args))?;
    let backlog = match args.pos.get(1) {
        Some(v) => vm.index_value(v)?.clamp(0, i32::MAX as i64) as i32,
        None => 100,
    };
    vm.require(Access::Net(a.ip(), a.port()))?;
    let s = new_socket(vm, &a)?;
    let _ = s.set_reuse_address(true);
    if a.is_ipv6() {
        let _ = s.set_only_v6(true);
    }
    s.bind(&SockAddr::from(a)).map_err(|e| os_error(vm, &e))?;
    s.listen(backlog).map_err(|e| os_error(vm, &e))?;
    Ok(new_fd(vm, FdKind::Sock(s)))
}

/// Wraps a raw fd we own (pipe end, pidfd) as a non-blocking FdObj.
pub fn fd_from_owned(vm: &mut Vm, fd: OwnedFd) -> Value {
    set_nonblocking(fd.as_raw_fd());
    new_fd(vm, FdKind::File(std::fs::File::from(fd)))
}

/// # Safety
/// `fd` must be an open descriptor that nothing else owns.
pub unsafe fn owned(fd: RawFd) -> OwnedFd {
    // SAFETY: the caller hands over sole ownership of an open fd.
    unsafe { OwnedFd::from_raw_fd(fd) }
}
