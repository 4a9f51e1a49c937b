//! Classes (built-in and user-defined) and their instances.

use super::value::Value;
use indexmap::IndexMap;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Attribute namespaces: insertion-ordered, keyed by name.
pub type AttrMap = IndexMap<Rc<str>, Value, FxBuildHasher>;

pub fn new_attrs() -> AttrMap {
    IndexMap::with_hasher(FxBuildHasher)
}

/// What an instance of a class carries besides its `__dict__`: decided by
/// the nearest built-in base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Object,
    Exception,
    /// A built-in type whose values are not `Instance`s (int, str, list, …).
    Builtin,
}

pub struct Class {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub module: Rc<str>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order without the class itself (which would
    /// make an `Rc` cycle); `mro()` prepends it.
    pub mro_tail: Vec<Rc<Class>>,
    pub dict: RefCell<AttrMap>,
    pub layout: Layout,
    /// Set for the built-in types, so `type(x) is int` and friends resolve.
    pub builtin: Option<super::types::TypeId>,
    /// The metaclass when it is not `type` itself (`class C(metaclass=M)`,
    /// or inherited from a base).
    pub meta: Option<Rc<Class>>,
    /// Results of `lookup` (hits and misses), valid while the global class
    /// epoch equals `cache_epoch`: any write to any class dict bumps the
    /// epoch, since it can change what a subclass finds along its MRO.
    pub cache: LookupCache,
}

/// Keyed by the address and length of the interned name: interned names
/// are never freed, so no other string can sit at that address, and the
/// names the bytecode passes (from `Code::names`) are the interned ones
/// themselves — a hit costs no string hashing or comparison. `recent` is a
/// small two-way set-associative front for `map`, probed inline by
/// `lookup`: a set holds its most recent name first.
#[derive(Default)]
pub struct LookupCache {
    map: RefCell<FxHashMap<(usize, usize), Option<Value>>>,
    recent: RefCell<[RecentEntry; RECENT]>,
    epoch: Cell<u64>,
    /// `plain_attrs` and the epoch it was computed at.
    plain: Cell<(u64, bool)>,
}

const RECENT: usize = 16;
type RecentEntry = ((usize, usize), Option<Value>);

fn name_key(name: &str) -> (usize, usize) {
    (name.as_ptr() as usize, name.len())
}

/// The first of the two `recent` entries of `key`'s set.
fn recent_set(key: (usize, usize)) -> usize {
    // Fibonacci hashing: names' addresses share their low bits.
    let sets = RECENT / 2;
    (key.0.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (usize::BITS - sets.ilog2())) * 2
}

thread_local! {
    static CLASS_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Invalidates every class's lookup cache.
pub fn bump_class_epoch() {
    CLASS_EPOCH.with(|e| e.set(e.get() + 1));
}

impl Class {
    /// The attribute `name` found along the MRO (cached; see `cache`).
    #[inline]
    pub fn lookup(&self, name: &str) -> Option<Value> {
        match self.lookup_recent(name) {
            Some(hit) => hit,
            None => self.lookup_slow(name, false),
        }
    }
    /// `lookup` for a name spelled in aio's own source. A `'static` string
    /// is never freed, so its address identifies it as well as an interned
    /// name's does, and the lookup skips interning.
    #[inline]
    pub fn lookup_static(&self, name: &'static str) -> Option<Value> {
        match self.lookup_recent(name) {
            Some(hit) => hit,
            None => self.lookup_slow(name, true),
        }
    }
    /// Whether instances use the ordinary attribute protocol: no Python
    /// `__getattribute__` or `__setattr__`, no `__slots__` — the condition
    /// for the attribute fast paths in attr.rs. Cached per class epoch.
    #[inline]
    pub fn plain_attrs(&self) -> bool {
        let epoch = CLASS_EPOCH.with(|e| e.get());
        let (at, plain) = self.cache.plain.get();
        if at == epoch {
            return plain;
        }
        let plain = !matches!(
            self.lookup_static("__getattribute__"),
            Some(Value::Function(_))
        ) && !matches!(self.lookup_static("__setattr__"), Some(Value::Function(_)))
            && self.lookup_static("__slots__").is_none();
        self.cache.plain.set((epoch, plain));
        plain
    }
    #[inline(always)]
    fn lookup_recent(&self, name: &str) -> Option<Option<Value>> {
        if self.cache.epoch.get() != CLASS_EPOCH.with(|e| e.get()) {
            return None;
        }
        let key = name_key(name);
        let recent = self.cache.recent.borrow();
        let set = recent_set(key);
        if recent[set].0 == key {
            return Some(recent[set].1.clone());
        }
        if recent[set + 1].0 == key {
            return Some(recent[set + 1].1.clone());
        }
        None
    }
    #[inline(never)]
    fn lookup_slow(&self, name: &str, stable: bool) -> Option<Value> {
        let epoch = CLASS_EPOCH.with(|e| e.get());
        if self.cache.epoch.get() != epoch {
            self.cache.map.borrow_mut().clear();
            for slot in self.cache.recent.borrow_mut().iter_mut() {
                *slot = ((0, 0), None);
            }
            self.cache.epoch.set(epoch);
        }
        let key = if stable {
            name_key(name)
        } else {
            let direct = name_key(name);
            if self.cache.map.borrow().contains_key(&direct) {
                direct
            } else {
                // A name built at run time: find its interned twin's entry.
                name_key(&super::intern::intern(name))
            }
        };
        let cached = self.cache.map.borrow().get(&key).cloned();
        let found = match cached {
            Some(v) => v,
            None => {
                let found = self.lookup_uncached(name);
                self.cache.map.borrow_mut().insert(key, found.clone());
                found
            }
        };
        let mut recent = self.cache.recent.borrow_mut();
        let set = recent_set(key);
        let evicted = std::mem::replace(&mut recent[set], (key, found.clone()));
        let evicted = std::mem::replace(&mut recent[set + 1], evicted);
        drop(recent);
        drop(evicted);
        found
    }
    fn lookup_uncached(&self, name: &str) -> Option<Value> {
        if name == "__hash__" {
            return self.lookup_hash();
        }
        if let Some(v) = self.dict.borrow().get(name) {
            return Some(v.clone());
        }
        for c in &self.mro_tail {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }
    /// `__hash__`: a user class that defines `__eq__` but not `__hash__`
    /// has `__hash__ = None` (CPython's `type_new` puts it in the dict).
    fn lookup_hash(&self) -> Option<Value> {
        let own = |c: &Class| {
            let d = c.dict.borrow();
            match d.get("__hash__") {
                Some(v) => Some(v.clone()),
                None if c.builtin.is_none() && d.contains_key("__eq__") => Some(Value::None),
                None => None,
            }
        };
        own(self).or_else(|| self.mro_tail.iter().find_map(|c| own(c)))
    }
    /// `lookup` that also says which class held the attribute.
    pub fn lookup_with_owner(self: &Rc<Self>, name: &str) -> Option<(Value, Rc<Class>)> {
        if name == "__hash__" {
            let own = |c: &Rc<Class>| {
                let d = c.dict.borrow();
                match d.get("__hash__") {
                    Some(v) => Some((v.clone(), c.clone())),
                    None if c.builtin.is_none() && d.contains_key("__eq__") => {
                        Some((Value::None, c.clone()))
                    }
                    None => None,
                }
            };
            return own(self).or_else(|| self.mro_tail.iter().find_map(own));
        }
        if let Some(v) = self.dict.borrow().get(name) {
            return Some((v.clone(), self.clone()));
        }
        for c in &self.mro_tail {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some((v.clone(), c.clone()));
            }
        }
        None
    }
    pub fn mro(self: &Rc<Self>) -> Vec<Rc<Class>> {
        let mut v = Vec::with_capacity(self.mro_tail.len() + 1);
        v.push(self.clone());
        v.extend(self.mro_tail.iter().cloned());
        v
    }
    /// `name` found along this class's MRO after `this` (what `super(this,
    /// obj)` sees, for `obj` of this class); None when `this` is not in it.
    pub fn lookup_after(self: &Rc<Self>, this: &Rc<Class>, name: &str) -> Option<Value> {
        let mut mro = std::iter::once(self).chain(self.mro_tail.iter());
        mro.position(|c| Rc::ptr_eq(c, this))?;
        mro.find_map(|c| c.dict.borrow().get(name).cloned())
    }
    pub fn is_subclass(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_tail.iter().any(|c| Rc::ptr_eq(c, other))
    }
    pub fn set_attr(&self, name: Rc<str>, value: Value) {
        self.dict.borrow_mut().insert(name, value);
        bump_class_epoch();
    }
}

/// C3 linearization of the bases; `None` when no consistent order exists.
pub fn c3_mro(bases: &[Rc<Class>]) -> Option<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            if !in_tail {
                chosen = Some(head.clone());
                break;
            }
        }
        let head = chosen?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        out.push(head);
    }
}

/// CPython's message when `c3_mro(bases)` fails: a duplicate base, or the
/// heads of the lists left when the merge got stuck, in merge order.
pub fn mro_error(bases: &[Rc<Class>]) -> String {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Rc::ptr_eq(o, b)) {
            return format!("duplicate base class {}", b.name);
        }
    }
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    loop {
        seqs.retain(|s| !s.is_empty());
        let chosen = seqs.iter().map(|s| &s[0]).find(|head| {
            !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)))
        });
        let Some(head) = chosen.cloned() else {
            break;
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
    }
    let mut heads: Vec<&Rc<Class>> = Vec::new();
    for s in &seqs {
        if !heads.iter().any(|h| Rc::ptr_eq(h, &s[0])) {
            heads.push(&s[0]);
        }
    }
    let names: Vec<&str> = heads.iter().map(|h| &*h.name).collect();
    format!(
        "Cannot create a consistent method resolution order (MRO) for bases {}",
        names.join(", ")
    )
}

pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<AttrMap>,
    pub exc: Option<Box<RefCell<ExcData>>>,
    /// For subclasses of built-in types (`class Stack(list)`): the list,
    /// dict, str… the instance is; `Unbound` otherwise.
    pub payload: RefCell<Value>,
}

/// The built-in value inside an instance of a subclass of a built-in type.
pub fn payload_of(v: &Value) -> Option<Value> {
    match v {
        Value::Instance(i) => {
            let p = i.payload.borrow();
            if p.is_unbound() {
                None
            } else {
                Some(p.clone())
            }
        }
        _ => None,
    }
}

/// The state every exception object carries.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// (code name, file, line) entries, outermost first.
    pub traceback: Vec<TraceEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// ExceptionGroup members.
    pub group: Option<(Value, Vec<Value>)>,
    pub notes: Vec<Value>,
    /// Set once the exception has been raised (or matched by an `except`),
    /// so `__traceback__` is not None even before a frame has unwound.
    pub raised: bool,
    /// Set by a re-raise (bare `raise`, the end of a `finally` or of an
    /// unmatched `except`): unwinding then adds no traceback entry for the
    /// frame, which already has one, as CPython's RERAISE skips it.
    pub reraised: bool,
}

#[derive(Clone)]
pub struct TraceEntry {
    pub code: Rc<crate::compiler::bytecode::Code>,
    pub line: u32,
}

impl Drop for Instance {
    fn drop(&mut self) {
        super::weak::died(self as *const Instance as usize);
    }
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Self {
        let exc = if class.layout == Layout::Exception {
            Some(Box::new(RefCell::new(ExcData {
                cause: Value::None,
                context: Value::None,
                ..Default::default()
            })))
        } else {
            None
        };
        Instance {
            class,
            dict: RefCell::new(new_attrs()),
            exc,
            payload: RefCell::new(Value::Unbound),
        }
    }
}
