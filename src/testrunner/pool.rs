//! Running work on N threads while handing results back in input order.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;

/// Calls `work` on every item using up to `jobs` threads, and `on_result`
/// on the calling thread with each result in the order of `items`, as soon
/// as it and all earlier ones are done. Ordered reporting keeps the output
/// of a parallel run reproducible while still streaming. `on_finish` hears
/// of each result as it arrives, in any order (for a progress line).
///
/// `on_result` returns whether to go on: once it says stop, no further
/// item is started, and results of the ones still running are dropped.
pub fn run_ordered<T, R, W, F, P>(
    items: Vec<T>,
    jobs: usize,
    work: W,
    mut on_result: F,
    mut on_finish: P,
) where
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    F: FnMut(R) -> bool,
    P: FnMut(&R),
{
    let stop = AtomicBool::new(false);
    let queue = Mutex::new(items.into_iter().enumerate());
    let workers = jobs.max(1);
    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (queue, work, stop) = (&queue, &work, &stop);
            scope.spawn(move || {
                loop {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    // A worker that panicked poisons nothing we rely on: the
                    // iterator is still consistent, so keep taking items.
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                    let Some((index, item)) = next else { break };
                    if tx.send((index, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);

        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, result) in rx {
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            on_finish(&result);
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if !on_result(result) {
                    stop.store(true, Ordering::Relaxed);
                    break;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn results_come_back_in_order() {
        let items: Vec<u64> = (0..20).collect();
        let mut seen = Vec::new();
        run_ordered(
            items,
            4,
            |i| {
                // Later items finish first.
                thread::sleep(Duration::from_millis(20 - i));
                i * 10
            },
            |r| {
                seen.push(r);
                true
            },
            |_| {},
        );
        assert_eq!(seen, (0..20).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn stopping_starts_nothing_more() {
        let mut seen = Vec::new();
        run_ordered(
            (0..100).collect(),
            2,
            |i: u32| i,
            |r| {
                seen.push(r);
                r < 3
            },
            |_| {},
        );
        assert_eq!(seen, [0, 1, 2, 3]);
    }
}
