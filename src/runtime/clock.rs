//! The two clocks of design.md §2.

use std::time::Instant;

pub enum Clock {
    /// Integer nanoseconds; moves only when the loop jumps to a timer, on
    /// clock reads (1 µs each) and on blocking sleeps.
    Virtual {
        now_ns: u64,
    },
    Real {
        start: Instant,
    },
}

const NS: f64 = 1_000_000_000.0;
const TICK_NS: u64 = 1_000;

impl Clock {
    pub fn new(is_virtual: bool) -> Self {
        if is_virtual {
            Clock::Virtual { now_ns: 0 }
        } else {
            Clock::Real {
                start: Instant::now(),
            }
        }
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self, Clock::Virtual { .. })
    }

    /// `loop.time()`.
    pub fn time(&self) -> f64 {
        match self {
            Clock::Virtual { now_ns } => *now_ns as f64 / NS,
            Clock::Real { start } => start.elapsed().as_secs_f64(),
        }
    }

    /// `time.perf_counter()` and friends: the time, then a 1 µs tick.
    pub fn read(&mut self) -> f64 {
        match self {
            Clock::Virtual { now_ns } => {
                let v = *now_ns as f64 / NS;
                *now_ns += TICK_NS;
                v
            }
            Clock::Real { start } => start.elapsed().as_secs_f64(),
        }
    }

    /// Jumps forward so a timer due at `when` is due.
    pub fn advance_to(&mut self, when: f64) {
        if let Clock::Virtual { now_ns } = self {
            let target = (when * NS).ceil();
            if target.is_finite() && target > *now_ns as f64 {
                *now_ns = target as u64;
            }
        }
    }

    /// `time.sleep(d)`: blocks the whole loop.
    pub fn blocking_sleep(&mut self, seconds: f64) {
        match self {
            Clock::Virtual { now_ns } => {
                let ns = (seconds * NS).round();
                if ns > 0.0 && ns.is_finite() {
                    *now_ns += ns as u64;
                }
            }
            Clock::Real { .. } => {
                if seconds > 0.0 && seconds.is_finite() {
                    std::thread::sleep(std::time::Duration::from_secs_f64(seconds));
                }
            }
        }
    }

    pub fn add_ns(&mut self, ns: u64) {
        if let Clock::Virtual { now_ns } = self {
            *now_ns += ns;
        }
    }
}
