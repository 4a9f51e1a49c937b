//! The loop's I/O step: file descriptors registered for reading or writing
//! with a callback each, polled once per iteration as CPython's selector
//! event loop does (`add_reader` / `add_writer` / `select`).
//!
//! Readiness, not completion: CPython's transports are driven by "this fd is
//! readable" callbacks that then call `recv` themselves, and the number of
//! loop iterations between a byte arriving and a task resuming is visible in
//! print order. A level-triggered epoll set over the registered fds keeps
//! that cycle exactly; a completion-based reactor (tokio's) would add or
//! drop hops, so tokio is not used here.

use crate::vm::{Value, Vm};
use std::cell::Cell;
use std::collections::HashMap;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::rc::Rc;
use std::time::Duration;

/// How long the virtual clock waits for I/O before it jumps to the next
/// timer while fds are registered (the oracle's `REAL_IO_GRACE_S`).
pub const VIRTUAL_IO_GRACE: Duration = Duration::from_millis(50);

/// One `add_reader` / `add_writer` registration. Removing it marks it
/// cancelled, so a callback already queued for this iteration is skipped,
/// as CPython cancels the registration's handle.
pub struct IoReg {
    pub func: Value,
    pub args: Vec<Value>,
    pub cancelled: Cell<bool>,
}

#[derive(Default)]
struct FdRegs {
    reader: Option<Rc<IoReg>>,
    writer: Option<Rc<IoReg>>,
}

impl FdRegs {
    fn mask(&self) -> u32 {
        (if self.reader.is_some() {
            libc::EPOLLIN as u32
        } else {
            0
        }) | (if self.writer.is_some() {
            libc::EPOLLOUT as u32
        } else {
            0
        })
    }
}

/// Registered fds over a level-triggered epoll set, as CPython's
/// `EpollSelector`: the kernel's ready-list order (which fd became ready
/// first) decides the order of callbacks, exactly as there.
#[derive(Default)]
pub struct Reactor {
    fds: HashMap<RawFd, FdRegs>,
    epoll: Option<OwnedFd>,
}

impl Reactor {
    pub fn is_empty(&self) -> bool {
        self.fds.is_empty()
    }

    fn epoll_fd(&mut self) -> Option<RawFd> {
        if self.epoll.is_none() {
            // SAFETY: epoll_create1 takes flags and returns a new fd or -1.
            let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
            if fd >= 0 {
                // SAFETY: a fresh fd that only we hold.
                self.epoll = Some(unsafe { OwnedFd::from_raw_fd(fd) });
            }
        }
        self.epoll.as_ref().map(|e| e.as_raw_fd())
    }

    /// Applies an interest change for `fd` (old mask → new mask).
    fn ctl(&mut self, fd: RawFd, old: u32, new: u32) {
        if old == new {
            return;
        }
        let Some(ep) = self.epoll_fd() else { return };
        let mut ev = libc::epoll_event {
            events: new,
            u64: fd as u64,
        };
        let op = match (old, new) {
            (0, _) => libc::EPOLL_CTL_ADD,
            (_, 0) => libc::EPOLL_CTL_DEL,
            _ => libc::EPOLL_CTL_MOD,
        };
        // SAFETY: `ev` is a valid epoll_event for the duration of the call.
        let r = unsafe { libc::epoll_ctl(ep, op, fd, &mut ev) };
        if r != 0 && op == libc::EPOLL_CTL_MOD {
            // The fd was closed and its number reused: register afresh.
            // SAFETY: as above.
            unsafe { libc::epoll_ctl(ep, libc::EPOLL_CTL_ADD, fd, &mut ev) };
        } else if r != 0 && op == libc::EPOLL_CTL_ADD {
            // SAFETY: as above.
            unsafe { libc::epoll_ctl(ep, libc::EPOLL_CTL_MOD, fd, &mut ev) };
        }
    }

    pub fn add(&mut self, fd: RawFd, write: bool, func: Value, args: Vec<Value>) {
        let reg = Rc::new(IoReg {
            func,
            args,
            cancelled: Cell::new(false),
        });
        let e = self.fds.entry(fd).or_default();
        let old = e.mask();
        let slot = if write { &mut e.writer } else { &mut e.reader };
        if let Some(prev) = slot.replace(reg) {
            prev.cancelled.set(true);
        }
        let new = e.mask();
        self.ctl(fd, old, new);
    }

    /// Returns whether something was registered.
    pub fn remove(&mut self, fd: RawFd, write: bool) -> bool {
        let Some(e) = self.fds.get_mut(&fd) else {
            return false;
        };
        let old = e.mask();
        let slot = if write { &mut e.writer } else { &mut e.reader };
        let prev = slot.take();
        let new = e.mask();
        if new == 0 {
            self.fds.remove(&fd);
        }
        self.ctl(fd, old, new);
        match prev {
            Some(r) => {
                r.cancelled.set(true);
                true
            }
            None => false,
        }
    }

    /// Drops every registration (the loop closing).
    pub fn clear(&mut self) {
        let fds: Vec<RawFd> = self.fds.keys().copied().collect();
        for fd in fds {
            self.remove(fd, false);
            self.remove(fd, true);
        }
    }

    /// One `epoll_wait`; `None` waits until an fd is ready. Returns the
    /// callbacks to queue, reader before writer for each fd.
    fn poll(&mut self, timeout: Option<Duration>) -> Vec<Rc<IoReg>> {
        let mut out = Vec::new();
        let Some(ep) = self.epoll_fd() else {
            return out;
        };
        let max = self.fds.len().max(1);
        let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; max];
        // CPython rounds the timeout up to whole milliseconds, too.
        let ms = match timeout {
            None => -1,
            Some(d) => d.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32,
        };
        // SAFETY: `evs` holds `max` writable epoll_event structs.
        let n = unsafe { libc::epoll_wait(ep, evs.as_mut_ptr(), max as i32, ms) };
        if n <= 0 {
            return out;
        }
        let (rd, wr) = (libc::EPOLLIN as u32, libc::EPOLLOUT as u32);
        for ev in &evs[..n as usize] {
            let (bits, fd) = (ev.events, ev.u64 as RawFd);
            let Some(e) = self.fds.get(&fd) else { continue };
            // CPython's EpollSelector: anything but EPOLLIN counts as
            // writable, anything but EPOLLOUT as readable (errors and
            // hang-ups wake both sides).
            if bits & !wr != 0
                && let Some(r) = &e.reader
            {
                out.push(r.clone());
            }
            if bits & !rd != 0
                && let Some(w) = &e.writer
            {
                out.push(w.clone());
            }
        }
        out
    }
}

impl Vm {
    /// Whether sockets, pipes or child processes are registered with the
    /// loop (something may still arrive even with no task ready).
    pub fn loop_has_pending_io(&self) -> bool {
        !self.runtime.io.is_empty()
    }

    /// Polls the registered fds, waiting at most `timeout` (`None`: until
    /// one is ready), and queues their callbacks. Returns how many.
    pub fn io_poll(&mut self, timeout: Option<Duration>) -> usize {
        if self.runtime.io.is_empty() {
            return 0;
        }
        let mut regs = self.runtime.io.poll(timeout);
        if let Some(perturb) = &mut self.runtime.perturb {
            // Ready at the same moment: the operating system could report them in any order.
            perturb.shuffle(&mut regs);
        }
        let n = regs.len();
        for reg in regs {
            self.call_soon(super::handle::Callback::Io { reg });
        }
        n
    }

    /// The wait step of one loop iteration: poll I/O, waiting only when
    /// nothing is ready — until the next timer under the real clock; under
    /// the virtual clock a grace period for I/O (if fds are registered),
    /// then a jump to the next timer. `timeout` is CPython's select timeout
    /// (`None` = no timer pending); `max_wait` bounds any real wait (the
    /// REPL polls its input between iterations).
    pub fn wait_for_events(&mut self, timeout: Option<f64>, max_wait: Option<Duration>) {
        let cap = |d: Option<Duration>| match (d, max_wait) {
            (Some(d), Some(m)) => Some(d.min(m)),
            (None, m) => m,
            (d, None) => d,
        };
        let to_duration = |s: f64| Duration::from_secs_f64(s.clamp(0.0, 86_400.0));
        if self.runtime.clock.is_virtual() {
            if self.io_poll(Some(Duration::ZERO)) > 0 || timeout == Some(0.0) {
                return;
            }
            if self.loop_has_pending_io() {
                self.flush();
                let grace = cap(timeout.map(|_| VIRTUAL_IO_GRACE));
                if self.io_poll(grace) > 0 {
                    return;
                }
                if timeout.is_none() {
                    return;
                }
            }
            if let Some(t) = self.runtime.timers.peek() {
                let when = t.when;
                self.runtime.clock.advance_to(when);
            }
            return;
        }
        let wait = cap(timeout.map(to_duration));
        if self.loop_has_pending_io() {
            if wait != Some(Duration::ZERO) {
                self.flush();
            }
            self.io_poll(wait);
        } else if let Some(w) = wait
            && !w.is_zero()
        {
            self.flush();
            std::thread::sleep(w);
        }
    }

    /// One loop iteration whose wait for I/O or timers lasts at most
    /// `max_wait` of real time.
    pub fn run_once_bounded(&mut self, max_wait: Duration) -> Result<(), Value> {
        self.run_once_with(Some(max_wait), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::net::UnixStream;
    use std::time::Instant;

    #[test]
    fn reports_readable_fd_until_removed() {
        let (a, mut b) = UnixStream::pair().expect("socketpair");
        let mut r = Reactor::default();
        r.add(a.as_raw_fd(), false, Value::None, vec![]);
        assert!(!r.is_empty());
        assert!(r.poll(Some(Duration::ZERO)).is_empty());
        b.write_all(b"x").expect("write");
        let ready = r.poll(Some(Duration::from_secs(1)));
        assert_eq!(ready.len(), 1);
        // Level-triggered, as CPython's selector: still readable.
        assert_eq!(r.poll(Some(Duration::ZERO)).len(), 1);
        assert!(r.remove(a.as_raw_fd(), false));
        assert!(ready[0].cancelled.get());
        assert!(r.is_empty());
        assert!(!r.remove(a.as_raw_fd(), false));
    }

    #[test]
    fn bounded_iteration_returns_when_only_io_is_pending() {
        let (a, _b) = UnixStream::pair().expect("socketpair");
        let mut vm = Vm::new(vec![]);
        assert!(!vm.loop_has_pending_io());
        vm.runtime.io.add(a.as_raw_fd(), false, Value::None, vec![]);
        assert!(vm.loop_has_pending_io());
        let t = Instant::now();
        assert!(vm.run_once_bounded(Duration::from_millis(20)).is_ok());
        assert!(t.elapsed() < Duration::from_secs(5));
        vm.runtime.io.clear();
        assert!(!vm.loop_has_pending_io());
    }
}
