//! An insertion-ordered hash table for dicts and sets.
//!
//! Hashes are computed by the VM (user `__hash__` may run), so every entry
//! point takes the hash; key equality here is the structural equality of
//! built-in values, with identity for other objects.
//!
//! Sets iterate in the order of CPython's open-addressing table (programs
//! print sets, and CPython's order is the reference), so a set also keeps
//! `SetSlots`: a replica of CPython's slot table that decides that order.

use super::value::Value;
use hashbrown::HashTable;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const SET_MINSIZE: usize = 8;

/// CPython's set table layout: slot → entry index.
#[derive(Clone)]
struct SetSlots {
    table: Vec<u32>,
    /// Entry index → slot.
    pos: Vec<u32>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl SetSlots {
    fn new() -> Self {
        SetSlots {
            table: vec![EMPTY; SET_MINSIZE],
            pos: Vec::new(),
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    fn set_pos(&mut self, entry: u32, slot: usize) {
        let e = entry as usize;
        if self.pos.len() <= e {
            self.pos.resize(e + 1, EMPTY);
        }
        self.pos[e] = slot as u32;
    }

    /// `set_add_entry` for a key known to be absent.
    fn add(&mut self, hash: i64, entry: u32, hashes: &dyn Fn(u32) -> i64) {
        let _ = hashes;
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match self.table[j] {
                    EMPTY => {
                        if let Some(f) = freeslot {
                            self.table[f] = entry;
                            self.set_pos(entry, f);
                            self.used += 1;
                            return;
                        }
                        self.table[j] = entry;
                        self.set_pos(entry, j);
                        self.fill += 1;
                        self.used += 1;
                        if self.fill * 5 >= mask * 3 {
                            let n = if self.used > 50000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            };
                            self.resize(n, hashes);
                        }
                        return;
                    }
                    // CPython 3.13 reuses the last deleted slot seen before
                    // an empty one (checked against its set order).
                    DUMMY => {
                        freeslot = Some(j);
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn insert_clean(table: &mut [u32], hash: i64, entry: u32) -> usize {
        let mask = table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i] == EMPTY {
                table[i] = entry;
                return i;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(off) = table[i + 1..=i + LINEAR_PROBES]
                    .iter()
                    .position(|&t| t == EMPTY)
            {
                let j = i + 1 + off;
                table[j] = entry;
                return j;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    fn resize(&mut self, minused: usize, hashes: &dyn Fn(u32) -> i64) {
        let mut newsize = SET_MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![EMPTY; newsize]);
        for e in old {
            if e != EMPTY && e != DUMMY {
                let slot = Self::insert_clean(&mut self.table, hashes(e), e);
                self.set_pos(e, slot);
            }
        }
        self.fill = self.used;
    }

    fn remove(&mut self, entry: u32) {
        if let Some(&slot) = self.pos.get(entry as usize)
            && slot != EMPTY
        {
            self.table[slot as usize] = DUMMY;
            self.pos[entry as usize] = EMPTY;
            self.used -= 1;
        }
    }

    fn order(&self) -> impl Iterator<Item = u32> + '_ {
        self.table
            .iter()
            .copied()
            .filter(|&e| e != EMPTY && e != DUMMY)
    }
}

#[derive(Clone, Default)]
pub struct Dict {
    index: HashTable<u32>,
    entries: Vec<Option<Entry>>,
    len: usize,
    slots: Option<Box<SetSlots>>,
    /// Whether some key ever stored needs a user `__eq__` to compare (then
    /// lookups of built-in keys must consult it too).
    user_eq_keys: bool,
}

impl Dict {
    pub fn new() -> Self {
        Self::default()
    }

    /// A table that iterates in CPython's set order.
    pub fn new_set() -> Self {
        Dict {
            slots: Some(Box::new(SetSlots::new())),
            ..Default::default()
        }
    }

    /// An empty set table sized as CPython's `set_merge` /
    /// `set_update_internal` pre-size an empty set for `n` new entries.
    pub fn new_set_for(n: usize) -> Self {
        let mut size = SET_MINSIZE;
        if n * 5 >= (SET_MINSIZE - 1) * 3 {
            while size <= n * 2 {
                size <<= 1;
            }
        }
        let mut slots = SetSlots::new();
        slots.table = vec![EMPTY; size];
        Dict {
            slots: Some(Box::new(slots)),
            ..Default::default()
        }
    }

    /// A new set holding this set's entries, laid out as CPython's copy
    /// (`set_merge` into an empty set): the same table when the sizes match
    /// and there are no deleted slots, else re-inserted in slot order.
    pub fn set_copy(&self) -> Dict {
        let Some(s) = &self.slots else {
            return self.clone();
        };
        let mut d = Dict::new_set_for(self.len);
        if d.slots
            .as_ref()
            .is_some_and(|ds| ds.table.len() == s.table.len())
            && s.fill == s.used
        {
            return self.clone();
        }
        for e in self.iter() {
            d.insert(e.hash, e.key.clone(), e.value.clone());
        }
        d
    }

    pub fn is_set_table(&self) -> bool {
        self.slots.is_some()
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

    /// Stored keys with this hash (for lookups that need user `__eq__`).
    pub fn keys_with_hash(&self, hash: i64) -> Vec<Value> {
        self.index
            .iter_hash(hash as u64)
            .filter_map(|&i| self.entries[i as usize].as_ref())
            .filter(|e| e.hash == hash)
            .map(|e| e.key.clone())
            .collect()
    }

    /// See [`Dict::user_eq_keys`].
    pub fn has_user_eq_keys(&self) -> bool {
        self.user_eq_keys
    }

    pub fn get(&self, hash: i64, key: &Value) -> Option<&Value> {
        let i = self.find(hash, key)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    pub fn contains(&self, hash: i64, key: &Value) -> bool {
        self.find(hash, key).is_some()
    }

    /// The bytes one more new key could make the dict allocate at once (its
    /// entries and its index both doubling), so that a huge dict's growth can
    /// be refused with MemoryError before it is attempted.
    pub fn growth_bytes(&self) -> usize {
        let mut bytes = 0;
        if self.entries.len() == self.entries.capacity() {
            bytes += self.entries.capacity() * 2 * std::mem::size_of::<Option<Entry>>();
            if let Some(slots) = &self.slots {
                bytes += slots.table.len() * 2 * std::mem::size_of::<u32>();
            }
        }
        if self.index.len() == self.index.capacity() {
            bytes += self.index.capacity() * 2 * (std::mem::size_of::<u32>() + 1);
        }
        bytes
    }

    /// Inserts or replaces; an existing key keeps its position (and its
    /// original key object, as in CPython). Returns the old value.
    pub fn insert(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        if let Some(i) = self.find(hash, &key)
            && let Some(e) = self.entries[i].as_mut()
        {
            return Some(std::mem::replace(&mut e.value, value));
        }
        let i = self.entries.len() as u32;
        self.user_eq_keys |= super::seq::needs_user_eq(&key);
        self.entries.push(Some(Entry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(hash as u64, i, |&j| {
            entries[j as usize].as_ref().map(|e| e.hash).unwrap_or(0) as u64
        });
        self.len += 1;
        if let Some(slots) = self.slots.as_mut() {
            let entries = &self.entries;
            let hashes = |e: u32| entries[e as usize].as_ref().map(|x| x.hash).unwrap_or(0);
            slots.add(hash, i, &hashes);
        }
        None
    }

    /// CPython's `set_merge` of another set into this one: the table is
    /// first grown to fit both, then the other's entries are added in its
    /// slot order.
    pub fn set_merge(&mut self, other: &Dict) {
        if let (Some(slots), Some(o)) = (self.slots.as_mut(), other.slots.as_ref())
            && (slots.fill + o.used) * 5 >= slots.mask() * 3
        {
            let entries = &self.entries;
            let hashes = |e: u32| entries[e as usize].as_ref().map(|x| x.hash).unwrap_or(0);
            slots.resize((slots.used + o.used) * 2, &hashes);
        }
        for e in other.iter() {
            self.insert(e.hash, e.key.clone(), e.value.clone());
        }
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
        self.take_entry(i).map(|e| (e.key, e.value))
    }

    fn take_entry(&mut self, i: usize) -> Option<Entry> {
        let e = self.entries[i].take()?;
        self.len -= 1;
        if let Some(slots) = self.slots.as_mut() {
            slots.remove(i as u32);
        }
        self.maybe_compact();
        Some(e)
    }

    fn maybe_compact(&mut self) {
        if self.len == 0 && self.slots.is_none() {
            self.entries.clear();
            return;
        }
        if !(self.entries.len() > 16 && self.len * 2 < self.entries.len()) {
            return;
        }
        // Renumber live entries; a set's slot table keeps its layout.
        let mut remap = vec![EMPTY; self.entries.len()];
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        for (oi, e) in old.into_iter().enumerate() {
            if let Some(e) = e {
                let ni = self.entries.len() as u32;
                remap[oi] = ni;
                let hash = e.hash;
                self.entries.push(Some(e));
                let entries = &self.entries;
                self.index.insert_unique(hash as u64, ni, |&j| {
                    entries[j as usize].as_ref().map(|x| x.hash).unwrap_or(0) as u64
                });
            }
        }
        if let Some(slots) = self.slots.as_mut() {
            let mut pos = vec![EMPTY; self.entries.len()];
            for (slot, t) in slots.table.iter_mut().enumerate() {
                if *t != EMPTY && *t != DUMMY {
                    *t = remap[*t as usize];
                    pos[*t as usize] = slot as u32;
                }
            }
            slots.pos = pos;
        }
    }

    pub fn clear(&mut self) {
        self.index.clear();
        self.entries.clear();
        self.len = 0;
        if self.slots.is_some() {
            self.slots = Some(Box::new(SetSlots::new()));
        }
    }

    /// Live entries in iteration order: insertion order for dicts, CPython's
    /// table order for sets.
    pub fn iter(&self) -> Box<dyn Iterator<Item = &Entry> + '_> {
        match &self.slots {
            None => Box::new(self.entries.iter().flatten()),
            Some(slots) => Box::new(
                slots
                    .order()
                    .filter_map(move |i| self.entries.get(i as usize).and_then(|e| e.as_ref())),
            ),
        }
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    /// The live entry at or after iteration position `pos`, and the next
    /// position (for iterators that survive between calls).
    pub fn entry_from(&self, pos: usize) -> Option<(&Entry, usize)> {
        match &self.slots {
            None => {
                let mut p = pos;
                while p < self.entries.len() {
                    if let Some(e) = &self.entries[p] {
                        return Some((e, p + 1));
                    }
                    p += 1;
                }
                None
            }
            Some(slots) => {
                let mut p = pos;
                while p < slots.table.len() {
                    let t = slots.table[p];
                    if t != EMPTY
                        && t != DUMMY
                        && let Some(Some(e)) = self.entries.get(t as usize)
                    {
                        return Some((e, p + 1));
                    }
                    p += 1;
                }
                None
            }
        }
    }

    /// `dict.popitem()`: the last inserted entry.
    pub fn pop_last(&mut self) -> Option<Entry> {
        let pos = self.entries.iter().rposition(|e| e.is_some())?;
        let hash = self.entries[pos].as_ref()?.hash;
        if let Ok(o) = self.index.find_entry(hash as u64, |&i| i as usize == pos) {
            o.remove();
        }
        self.take_entry(pos)
    }

    /// `set.pop()` (CPython's finger scan) or the first dict entry.
    pub fn pop_first(&mut self) -> Option<Entry> {
        let pos = match &mut self.slots {
            None => self.entries.iter().position(|e| e.is_some())?,
            Some(slots) => {
                if slots.used == 0 {
                    return None;
                }
                let mask = slots.mask();
                let mut i = slots.finger & mask;
                loop {
                    let t = slots.table[i];
                    if t != EMPTY && t != DUMMY {
                        break;
                    }
                    i = (i + 1) & mask;
                }
                slots.finger = i + 1;
                slots.table[i] as usize
            }
        };
        let hash = self.entries[pos].as_ref()?.hash;
        if let Ok(o) = self.index.find_entry(hash as u64, |&i| i as usize == pos) {
            o.remove();
        }
        self.take_entry(pos)
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
        (Float(x), Float(y)) => x == y || x.to_bits() == y.to_bits(),
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
        // Subclasses of built-in types (IntEnum members, str subclasses)
        // without an `__eq__` of their own are equal to their value.
        (Instance(_), _) | (_, Instance(_)) if !a.is(b) => {
            let value_of = |v: &Value| match v {
                Instance(i)
                    if !i.payload.borrow().is_unbound()
                        && !matches!(i.class.lookup_static("__eq__"), Some(Function(_))) =>
                {
                    Some(i.payload.borrow().clone())
                }
                Instance(_) => Option::None,
                other => Some(other.clone()),
            };
            match (value_of(a), value_of(b)) {
                (Some(x), Some(y)) if !matches!((&x, &y), (Instance(_), Instance(_))) => {
                    key_eq(&x, &y)
                }
                _ => false,
            }
        }
        _ => a.is(b),
    }
}
