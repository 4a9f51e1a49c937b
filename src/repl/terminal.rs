//! The terminal's mode, saved before the line editor changes it, for the
//! rare exit that cannot wait for the editor to restore it.

#[cfg(unix)]
pub struct Saved(Option<libc::termios>);

#[cfg(unix)]
pub fn save() -> Saved {
    // SAFETY: tcgetattr fills the zeroed struct or fails, leaving it unused.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut t) == 0 {
            Saved(Some(t))
        } else {
            Saved(None)
        }
    }
}

#[cfg(unix)]
pub fn restore(saved: Saved) {
    if let Some(t) = saved.0 {
        // SAFETY: `t` came from tcgetattr on the same descriptor.
        unsafe {
            libc::tcsetattr(0, libc::TCSADRAIN, &t);
        }
    }
}

#[cfg(not(unix))]
pub struct Saved;

#[cfg(not(unix))]
pub fn save() -> Saved {
    Saved
}

#[cfg(not(unix))]
pub fn restore(_: Saved) {}
