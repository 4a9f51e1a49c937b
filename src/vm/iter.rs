//! Iterators over built-in values, kept as plain state so `for` loops over
//! lists, ranges and dicts never allocate per item.

use super::dict::Dict;
use super::value::{PyStr, Value};
use std::cell::RefCell;
use std::rc::Rc;

pub enum NativeIter {
    List {
        list: Rc<RefCell<Vec<Value>>>,
        idx: usize,
    },
    Tuple {
        items: Rc<Vec<Value>>,
        idx: usize,
    },
    Str {
        s: Rc<PyStr>,
        pos: usize,
    },
    Bytes {
        b: Rc<Vec<u8>>,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// A range whose bounds or length do not fit in an i64.
    BigRange {
        cur: num_bigint::BigInt,
        step: num_bigint::BigInt,
        left: num_bigint::BigInt,
    },
    /// Keys (0), values (1) or items (2) of a dict or set, with the size at
    /// start to detect mutation during iteration.
    Dict {
        dict: Rc<RefCell<Dict>>,
        pos: usize,
        mode: u8,
        len: usize,
    },
    FrozenSet {
        set: Rc<Dict>,
        pos: usize,
    },
    Reversed {
        items: Rc<RefCell<Vec<Value>>>,
        idx: usize,
    },
    /// A snapshot (used for reversed tuples/strings and other one-offs).
    Values {
        items: Vec<Value>,
        idx: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(obj)` over an object with only `__getitem__`.
    SeqIndex {
        obj: Value,
        idx: i64,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

impl NativeIter {
    pub fn type_name(&self) -> &'static str {
        match self {
            NativeIter::List { .. } => "list_iterator",
            NativeIter::Tuple { .. } => "tuple_iterator",
            NativeIter::Str { .. } => "str_ascii_iterator",
            NativeIter::Bytes { .. } => "bytes_iterator",
            NativeIter::Range { .. } => "range_iterator",
            NativeIter::BigRange { .. } => "longrange_iterator",
            NativeIter::Dict { mode: 0, .. } => "dict_keyiterator",
            NativeIter::Dict { mode: 1, .. } => "dict_valueiterator",
            NativeIter::Dict { .. } => "dict_itemiterator",
            NativeIter::FrozenSet { .. } => "set_iterator",
            NativeIter::Reversed { .. } => "list_reverseiterator",
            NativeIter::Values { .. } => "iterator",
            NativeIter::Enumerate { .. } => "enumerate",
            NativeIter::Zip { .. } => "zip",
            NativeIter::Map { .. } => "map",
            NativeIter::Filter { .. } => "filter",
            NativeIter::SeqIndex { .. } => "iterator",
            NativeIter::Callable { .. } => "callable_iterator",
            NativeIter::Exhausted => "iterator",
        }
    }
}

impl NativeIter {
    /// One step of a list, tuple or range iterator: `Some(Some(item))`,
    /// `Some(None)` when exhausted, `None` for the other kinds. Small enough
    /// to inline into the dispatch loop's `ForIter`.
    #[inline(always)]
    pub fn step_sequence(&mut self) -> Option<Option<Value>> {
        match self {
            NativeIter::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    Some(Some(Value::Int(v)))
                } else {
                    Some(None)
                }
            }
            NativeIter::List { list, idx } => {
                let l = list.borrow();
                let item = l.get(*idx).map(Value::dup);
                if item.is_some() {
                    *idx += 1;
                }
                Some(item)
            }
            NativeIter::Tuple { items, idx } => {
                let item = items.get(*idx).map(Value::dup);
                if item.is_some() {
                    *idx += 1;
                }
                Some(item)
            }
            _ => None,
        }
    }
}
