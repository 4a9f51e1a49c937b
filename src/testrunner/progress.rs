//! The live progress line on a terminal: `[ 120/935] 2 failed  3.4s`.
//! It is drawn on stderr and wiped before each report line, so the report
//! on stdout reads the same with or without it.

use std::io::Write;
use std::time::{Duration, Instant};

/// Redrawing more often than this only flickers.
const REDRAW_EVERY: Duration = Duration::from_millis(100);

pub struct Progress {
    enabled: bool,
    total: usize,
    done: usize,
    failed: usize,
    started: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    pub fn new(enabled: bool, total: usize) -> Self {
        Progress {
            enabled,
            total,
            done: 0,
            failed: 0,
            started: Instant::now(),
            drawn: None,
        }
    }

    /// A test finished (in any order).
    pub fn finished(&mut self, failed: bool) {
        self.done += 1;
        self.failed += usize::from(failed);
        if !self.enabled || self.drawn.is_some_and(|t| t.elapsed() < REDRAW_EVERY) {
            return;
        }
        let width = self.total.to_string().len();
        let line = format!(
            "\r\x1b[2K[{:>width$}/{}] {} failed  {:.1}s",
            self.done,
            self.total,
            self.failed,
            self.started.elapsed().as_secs_f64()
        );
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
        self.drawn = Some(Instant::now());
    }

    /// Wipes the line, if one is drawn.
    pub fn clear(&mut self) {
        if self.drawn.take().is_some() {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(b"\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
