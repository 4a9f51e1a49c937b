//! The memory budget: how many bytes the interpreter may hold, and how much
//! it holds now. The lowest layer: the allocator, the formatter and the VM
//! all consult it; the VM's checks on top are in vm/memory.rs.
//!
//! A program that asks for more than the machine has must get `MemoryError`
//! (as CPython gives it), not an aborted process. Two mechanisms together:
//!
//! * every allocation whose size a program chooses (`'a' * n`, `bytes(n)`,
//!   `s.center(n)`, format widths, …) asks [`fits`] first, so the request is
//!   refused before it is made;
//! * the binary's global allocator is [`Counting`], which keeps the number of
//!   live bytes; a program that grows step by step (an endless `append`) is
//!   stopped at the next loop iteration, where the interpreter looks at
//!   [`over_budget`].
//!
//! The budget defaults to a fraction of what the process may really use (its
//! address-space limit, its cgroup's limit, the machine's memory), leaving
//! room for the last doubling of a growing buffer; `--max-memory` sets it.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Requests from this size up are checked against the budget one by one.
pub const LARGE: usize = 1 << 20;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static BUDGET: AtomicUsize = AtomicUsize::new(usize::MAX);

/// A global allocator that counts live bytes on top of mimalloc.
pub struct Counting;

// SAFETY: every call is forwarded unchanged to mimalloc, which upholds the
// GlobalAlloc contract; the counter only observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { mimalloc::MiMalloc.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout.
        let p = unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator with this layout.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with this layout.
        let p = unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

/// Bytes held now (0 when the binary does not use [`Counting`], as in tests
/// that link the library: then only explicit requests are checked).
pub fn live() -> usize {
    LIVE.load(Ordering::Relaxed)
}

pub fn budget() -> usize {
    BUDGET.load(Ordering::Relaxed)
}

pub fn set_budget(bytes: usize) {
    BUDGET.store(bytes, Ordering::Relaxed);
}

/// Whether `extra` more bytes stay within the budget.
pub fn fits(extra: usize) -> bool {
    live()
        .checked_add(extra)
        .is_some_and(|total| total <= budget())
}

/// Whether the program already holds more than its budget.
pub fn over_budget() -> bool {
    live() > budget()
}

/// Parses a size as `--max-memory` takes it: bytes, or a number with a unit
/// (`512M`, `2G`, `1.5GiB`, `100k`).
pub fn parse_size(text: &str) -> Option<usize> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let value: f64 = num.parse().ok()?;
    let scale: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" | "kib" => 1024.0,
        "m" | "mb" | "mib" => 1024.0 * 1024.0,
        "g" | "gb" | "gib" => 1024.0 * 1024.0 * 1024.0,
        "t" | "tb" | "tib" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let bytes = value * scale;
    (bytes.is_finite() && bytes >= 1.0).then_some(bytes as usize)
}

/// The default budget: a share of the tightest of the address-space limit,
/// the cgroup's memory limit and the machine's memory.
pub fn default_budget() -> usize {
    let mut best = usize::MAX;
    if let Some(total) = machine_memory() {
        best = best.min(total / 4 * 3);
    }
    if let Some(cg) = cgroup_limit() {
        best = best.min(cg / 4 * 3);
    }
    if let Some(as_limit) = address_space_limit() {
        // Virtual size also covers code, stacks and the allocator's reserve,
        // and a doubling buffer briefly needs old + new.
        best = best.min(as_limit / 3);
    }
    best
}

fn machine_memory() -> Option<usize> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

fn cgroup_limit() -> Option<usize> {
    let text = std::fs::read_to_string("/sys/fs/cgroup/memory.max").ok()?;
    text.trim().parse().ok()
}

#[cfg(unix)]
fn address_space_limit() -> Option<usize> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct we pass and nothing else.
    let rc = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut lim) };
    if rc != 0 || lim.rlim_cur == libc::RLIM_INFINITY {
        return None;
    }
    usize::try_from(lim.rlim_cur).ok()
}

#[cfg(not(unix))]
fn address_space_limit() -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("100"), Some(100));
        assert_eq!(parse_size("2k"), Some(2048));
        assert_eq!(parse_size("512M"), Some(512 << 20));
        assert_eq!(parse_size("1.5GiB"), Some(3 << 29));
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size("0"), None);
    }

    #[test]
    fn the_default_budget_is_below_the_machine() {
        assert!(default_budget() > 0);
    }
}
