//! `aio run --perturb SEED` (and `aio test --explore`): a seeded schedule
//! that takes what real timing leaves open in another order. Timers whose
//! deadlines are the same instant (within the clock's resolution, 1 ns —
//! on a real machine either could come first, by microseconds of latency)
//! and I/O that is ready at the same moment are shuffled; nothing else
//! changes, so every time a program reads is what it would be unperturbed,
//! and only an order-dependent program can print something different.

/// Deadlines closer than this are the same instant (the loop's resolution).
const SAME_INSTANT: f64 = 1e-9;

/// A small, fast, seeded generator (SplitMix64): the same seed gives the
/// same schedule on every machine.
#[derive(Debug, Clone)]
pub struct Perturb {
    state: u64,
}

impl Perturb {
    pub fn new(seed: u64) -> Self {
        Perturb { state: seed }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        // Multiply-shift: unbiased enough for scheduling, and never zero-divides.
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Shuffles each run of neighbours (sorted by `when`) that share an
    /// instant, leaving distinct instants in their order.
    pub fn shuffle_ties<T>(&mut self, items: &mut [T], when: impl Fn(&T) -> f64) {
        let mut start = 0;
        while start < items.len() {
            let first = when(&items[start]);
            let mut end = start + 1;
            while end < items.len() && when(&items[end]) - first < SAME_INSTANT {
                end += 1;
            }
            self.shuffle(&mut items[start..end]);
            start = end;
        }
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_order_and_all_orders_reachable() {
        let shuffled = |seed| {
            let mut v = [1, 2, 3];
            Perturb::new(seed).shuffle(&mut v);
            v
        };
        assert_eq!(shuffled(7), shuffled(7));
        let orders: std::collections::HashSet<_> = (0..200).map(shuffled).collect();
        assert_eq!(orders.len(), 6);
    }

    #[test]
    fn only_ties_move() {
        for seed in 0..50 {
            let mut v = [(0.5, 'a'), (1.0, 'b'), (1.0, 'c'), (2.0, 'd')];
            Perturb::new(seed).shuffle_ties(&mut v, |x| x.0);
            assert_eq!((v[0].1, v[3].1), ('a', 'd'));
        }
    }
}
