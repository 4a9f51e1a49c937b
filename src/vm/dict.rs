//! An insertion-ordered hash table for dicts and sets.
//!
//! Hashes are computed by the VM (user `__hash__` may run), so every entry
//! point takes the hash; key equality here is the structural equality of
//! built-in values, with identity for other objects.

use super::value::Value;
use hashbrown::HashTable;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    index: HashTable<u32>,
    entries: Vec<Option<Entry>>,
    len: usize,
}

impl Dict {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn find(&self, hash: i64, key: &Value) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(hash as u64, |&i| match &entries[i as usize] {
                Some(e) => e.hash == hash && key_eq(&e.key, key),
                None => false,
            })
            .map(|&i| i as usize)
    }

    pub fn get(&self, hash: i64, key: &Value) -> Option<&Value> {
        let i = self.find(hash, key)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    pub fn contains(&self, hash: i64, key: &Value) -> bool {
        self.find(hash, key).is_some()
    }

    /// Inserts or replaces; an existing key keeps its position (and its
    /// original key object, as in CPython). Returns the old value.
    pub fn insert(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        if let Some(i) = self.find(hash, &key) {
            if let Some(e) = self.entries[i].as_mut() {
                return Some(std::mem::replace(&mut e.value, value));
            }
        }
        let i = self.entries.len() as u32;
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, i, |&j| {
            entries[j as usize].as_ref().map(|e| e.hash).unwrap_or(0) as u64
        });
        self.len += 1;
        None
    }

    pub fn remove(&mut self, hash: i64, key: &Value) -> Option<(Value, Value)> {
        let entries = &self.entries;
        let found = self
            .index
            .find_entry(hash as u64, |&i| match &entries[i as usize] {
                Some(e) => e.hash == hash && key_eq(&e.key, key),
                None => false,
            });
        let i = match found {
            Ok(occupied) => {
                let (i, _) = occupied.remove();
                i as usize
            }
            Err(_) => return None,
        };
        let e = self.entries[i].take()?;
        self.len -= 1;
        self.maybe_compact();
        Some((e.key, e.value))
    }

    fn maybe_compact(&mut self) {
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            let live: Vec<Entry> = self.entries.drain(..).flatten().collect();
            self.index.clear();
            self.entries.clear();
            self.len = 0;
            for e in live {
                self.insert(e.hash, e.key, e.value);
            }
        } else if self.len == 0 {
            self.entries.clear();
        }
    }

    pub fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
        self.len = 0;
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    /// The `n`-th live entry at or after raw position `pos`, for iterators
    /// that survive mutation checks: returns (entry, next raw position).
    pub fn entry_from(&self, pos: usize) -> Option<(&Entry, usize)> {
        let mut p = pos;
        while p < self.entries.len() {
            if let Some(e) = &self.entries[p] {
                return Some((e, p + 1));
            }
            p += 1;
        }
        None
    }

    pub fn pop_last(&mut self) -> Option<Entry> {
        while let Some(slot) = self.entries.pop() {
            if let Some(e) = slot {
                let len = self.entries.len() as u32;
                if let Ok(o) = self.index.find_entry(e.hash as u64, |&i| i == len) {
                    o.remove();
                }
                self.len -= 1;
                return Some(e);
            }
        }
        None
    }

    pub fn pop_first(&mut self) -> Option<Entry> {
        let pos = self.entries.iter().position(|e| e.is_some())?;
        let e = self.entries[pos].take()?;
        if let Ok(o) = self.index.find_entry(e.hash as u64, |&i| i as usize == pos) {
            o.remove();
        }
        self.len -= 1;
        self.maybe_compact();
        Some(e)
    }
}

/// Equality of dictionary keys without running user code: numbers by value
/// across int/float/bool, strings, bytes, tuples and frozensets structurally,
/// everything else by identity.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }
        (Bytes(x), Bytes(y)) => x == y,
        (FrozenSet(x), FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|e| y.contains(e.hash, &e.key))
        }
        _ => a.is(b),
    }
}
