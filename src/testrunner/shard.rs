//! `--shard K/N`: split a suite across machines.

use std::fmt;
use std::str::FromStr;

/// The K-th (1-based) of N slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Round-robin by sorted position: neighbouring tests tend to be alike
    /// (same folder, similar cost), so dealing them out balances shards
    /// better than cutting the list into runs.
    pub fn select<T>(self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % self.count == self.index - 1)
            .map(|(_, item)| item)
            .collect()
    }
}

impl FromStr for Shard {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("invalid shard `{text}`: expected K/N with 1 <= K <= N, e.g. 2/3");
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2/3".parse(), Ok(Shard { index: 2, count: 3 }));
        for bad in ["0/3", "4/3", "1/0", "1", "a/b", "", "1/2/3"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_the_suite() {
        let items: Vec<usize> = (0..10).collect();
        let mut seen = Vec::new();
        for index in 1..=3 {
            seen.extend(Shard { index, count: 3 }.select(items.clone()));
        }
        seen.sort();
        assert_eq!(seen, items);
        assert_eq!(Shard { index: 2, count: 3 }.select(items), [1, 4, 7]);
    }
}
