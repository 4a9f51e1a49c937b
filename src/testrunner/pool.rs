//! Running work on N threads while handing results back in input order.

use std::collections::BTreeMap;
use std::sync::{Mutex, mpsc};
use std::thread;

/// Calls `work` on every item using up to `jobs` threads, and `on_result`
/// on the calling thread with each result in the order of `items`, as soon
/// as it and all earlier ones are done. Ordered reporting keeps the output
/// of a parallel run reproducible while still streaming.
pub fn run_ordered<T, R, W, F>(items: Vec<T>, jobs: usize, work: W, mut on_result: F)
where
    T: Send,
    R: Send,
    W: Fn(T) -> R + Sync,
    F: FnMut(R),
{
    let queue = Mutex::new(items.into_iter().enumerate());
    let workers = jobs.max(1);
    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..workers {
            let tx = tx.clone();
            let (queue, work) = (&queue, &work);
            scope.spawn(move || {
                loop {
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
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&next) {
                on_result(result);
                next += 1;
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
            |r| seen.push(r),
        );
        assert_eq!(seen, (0..20).map(|i| i * 10).collect::<Vec<_>>());
    }
}
