//! Weak references: a handle that does not keep its object alive, and the
//! notice that an object with watched weak references has died.
//!
//! aio frees a value when its last reference goes (there is no cycle
//! collector), so "dead" is exact: `Weak::upgrade` fails once the last
//! strong reference is dropped. A weak reference with a callback asks to be
//! told: the instance's `Drop` queues the callbacks, and the VM runs them at
//! its next safe point (the same one that closes dropped generators), as
//! CPython runs them when the reference count reaches zero.

use super::Value;
use super::class::Instance;
use super::function::{BoundMethod, Function};
use super::generator::Generator;
use super::native::NativeObj;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};

/// A reference to a value that does not keep it alive.
pub enum WeakTarget {
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Class(Weak<super::class::Class>),
    Method(Weak<BoundMethod>),
    Generator(Weak<Generator>),
    Set(Weak<RefCell<super::dict::Dict>>),
    FrozenSet(Weak<super::dict::Dict>),
    Native(Weak<NativeObj>),
}

impl WeakTarget {
    /// The weak handle of `v`, or `None` for the types CPython refuses
    /// (`cannot create weak reference to 'int' object`).
    pub fn of(v: &Value) -> Option<WeakTarget> {
        Some(match v {
            Value::Instance(i) => WeakTarget::Instance(Rc::downgrade(i)),
            Value::Function(f) => WeakTarget::Function(Rc::downgrade(f)),
            Value::Class(c) => WeakTarget::Class(Rc::downgrade(c)),
            Value::Method(m) => WeakTarget::Method(Rc::downgrade(m)),
            Value::Generator(g) => WeakTarget::Generator(Rc::downgrade(g)),
            Value::Set(s) => WeakTarget::Set(Rc::downgrade(s)),
            Value::FrozenSet(s) => WeakTarget::FrozenSet(Rc::downgrade(s)),
            Value::Native(n) => WeakTarget::Native(Rc::downgrade(n)),
            _ => return None,
        })
    }

    /// The object, while it lives.
    pub fn get(&self) -> Option<Value> {
        Some(match self {
            WeakTarget::Instance(w) => Value::Instance(w.upgrade()?),
            WeakTarget::Function(w) => Value::Function(w.upgrade()?),
            WeakTarget::Class(w) => Value::Class(w.upgrade()?),
            WeakTarget::Method(w) => Value::Method(w.upgrade()?),
            WeakTarget::Generator(w) => Value::Generator(w.upgrade()?),
            WeakTarget::Set(w) => Value::Set(w.upgrade()?),
            WeakTarget::FrozenSet(w) => Value::FrozenSet(w.upgrade()?),
            WeakTarget::Native(w) => Value::Native(w.upgrade()?),
        })
    }

    /// How many weak handles point at the object (CPython's
    /// `getweakrefcount` counts reference objects; aio makes one handle per
    /// reference object).
    pub fn count(&self) -> usize {
        match self {
            WeakTarget::Instance(w) => w.weak_count(),
            WeakTarget::Function(w) => w.weak_count(),
            WeakTarget::Class(w) => w.weak_count(),
            WeakTarget::Method(w) => w.weak_count(),
            WeakTarget::Generator(w) => w.weak_count(),
            WeakTarget::Set(w) => w.weak_count(),
            WeakTarget::FrozenSet(w) => w.weak_count(),
            WeakTarget::Native(w) => w.weak_count(),
        }
    }
}

/// Set once any weak reference with a callback exists, so the drop of an
/// instance costs one load until then.
static ANY_WATCHED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// Watched instances by address: the reference objects (themselves
    /// instances of `weakref.ref` or a subclass) whose callbacks run when
    /// the instance dies. Held weakly: a reference object that dies first
    /// is not called, as in CPython.
    static WATCHERS: RefCell<FxHashMap<usize, Vec<Weak<Instance>>>> =
        RefCell::new(FxHashMap::default());
    /// The plain reference (no callback) of each instance that has one:
    /// CPython hands out the same `ref(obj)` object while it lives.
    static CANONICAL: RefCell<FxHashMap<usize, Weak<Instance>>> =
        RefCell::new(FxHashMap::default());
    /// Reference objects whose referent died, oldest death first.
    static DUE: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
}

/// Asks that `reference` (an instance with a `__callback__`) be called
/// when `target` dies. Only instances are watched; false otherwise.
pub fn watch(target: &Value, reference: &Rc<Instance>) -> bool {
    let Value::Instance(t) = target else {
        return false;
    };
    let addr = Rc::as_ptr(t) as usize;
    ANY_WATCHED.store(true, Ordering::Relaxed);
    WATCHERS
        .try_with(|w| {
            w.borrow_mut()
                .entry(addr)
                .or_default()
                .push(Rc::downgrade(reference))
        })
        .is_ok()
}

/// The plain reference object of `target`, if one is alive.
pub fn canonical(target: &Value) -> Option<Rc<Instance>> {
    let Value::Instance(t) = target else {
        return None;
    };
    let addr = Rc::as_ptr(t) as usize;
    CANONICAL
        .try_with(|c| c.borrow().get(&addr).and_then(Weak::upgrade))
        .ok()
        .flatten()
}

/// Records `reference` as the plain reference object of `target`.
pub fn set_canonical(target: &Value, reference: &Rc<Instance>) {
    let Value::Instance(t) = target else {
        return;
    };
    let addr = Rc::as_ptr(t) as usize;
    ANY_WATCHED.store(true, Ordering::Relaxed);
    let _ = CANONICAL.try_with(|c| c.borrow_mut().insert(addr, Rc::downgrade(reference)));
}

/// Called from `Instance::drop`: queues the callbacks of the instance at
/// `addr`, most recently made reference first (CPython's order).
pub fn died(addr: usize) {
    if !ANY_WATCHED.load(Ordering::Relaxed) {
        return;
    }
    let _ = CANONICAL.try_with(|c| c.borrow_mut().remove(&addr));
    let Ok(Some(watchers)) = WATCHERS.try_with(|w| w.borrow_mut().remove(&addr)) else {
        return;
    };
    let live: Vec<Rc<Instance>> = watchers.iter().rev().filter_map(Weak::upgrade).collect();
    if live.is_empty() {
        return;
    }
    let _ = DUE.try_with(|d| d.borrow_mut().extend(live));
    super::generator::FINALIZE_PENDING.store(true, Ordering::Relaxed);
}

/// The reference objects whose callbacks are due.
pub fn take_due() -> Vec<Rc<Instance>> {
    DUE.try_with(|d| std::mem::take(&mut *d.borrow_mut()))
        .unwrap_or_default()
}
