//! Subscripts and slices, sets and dict merging.

use super::dict::Dict;
use super::function::{Args, PyResult};
use super::interp::Vm;
use super::value::Value;
use crate::ast::BinOp;
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;
use std::rc::Rc;

/// Resolved slice bounds over a sequence of `len` items.
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl SliceIdx {
    pub fn indices(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut i = self.start;
        if self.step > 0 {
            while i < self.stop {
                out.push(i as usize);
                i += self.step;
            }
        } else {
            while i > self.stop {
                out.push(i as usize);
                i += self.step;
            }
        }
        out
    }
}

/// Keys whose equality needs the VM (a user `__eq__`).
pub fn needs_user_eq(key: &Value) -> bool {
    match key {
        Value::Instance(i) => matches!(i.class.lookup_static("__eq__"), Some(Value::Function(_))),
        Value::Tuple(t) => t.iter().any(needs_user_eq),
        // Equal ranges and slices are different objects with equal hashes.
        Value::Range(_) | Value::Slice(_) => true,
        _ => false,
    }
}

impl Vm {
    /// The key object stored in `d` that equals `key`, if any; user
    /// `__eq__` methods run here, outside any borrow of the table.
    pub fn canonical_key(&mut self, d: &Dict, hash: i64, key: &Value) -> Result<Value, Value> {
        if !needs_user_eq(key) && !d.has_user_eq_keys() {
            return Ok(key.clone());
        }
        for c in d.keys_with_hash(hash) {
            if c.is(key) || self.eq(&c, key)? {
                return Ok(c);
            }
        }
        Ok(key.clone())
    }

    pub fn canon_key_of(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        hash: i64,
        key: &Value,
    ) -> Result<Value, Value> {
        self.canon_in(d, hash, key)
    }

    fn canon_in(&mut self, d: &Rc<RefCell<Dict>>, hash: i64, key: &Value) -> Result<Value, Value> {
        if !needs_user_eq(key) && !d.borrow().has_user_eq_keys() {
            return Ok(key.clone());
        }
        let snapshot = d.borrow().keys_with_hash(hash);
        for c in snapshot {
            if c.is(key) || self.eq(&c, key)? {
                return Ok(c);
            }
        }
        Ok(key.clone())
    }

    pub fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> Result<SliceIdx, Value> {
        let len = len as i64;
        // Bounds past the machine range clamp, as CPython's PySlice_Unpack does.
        let clamp = |vm: &mut Vm, v: &Value| -> Result<i64, Value> {
            let b = vm.slice_bound(v)?;
            Ok(b.to_i64().unwrap_or(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))
        };
        let step = if s[2].is_none() {
            1
        } else {
            clamp(self, &s[2])?
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let conv = |vm: &mut Vm, v: &Value, default: i64| -> Result<i64, Value> {
            if v.is_none() {
                return Ok(default);
            }
            let i = match v {
                Value::Int(i) => *i,
                _ => clamp(vm, v)?,
            };
            Ok(if i < 0 { (i + len).max(lo) } else { i.min(hi) })
        };
        let start = conv(self, &s[0], if step > 0 { 0 } else { len - 1 })?;
        let stop = conv(self, &s[1], if step > 0 { len } else { -1 })?;
        Ok(SliceIdx { start, stop, step })
    }

    fn seq_index(&mut self, idx: &Value, len: usize, what: &str) -> Result<usize, Value> {
        let i = match idx {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => {
                return Err(
                    self.new_exc("IndexError", "cannot fit 'int' into an index-sized integer")
                );
            }
            Value::Instance(_)
                if self
                    .types
                    .class_of(idx)
                    .lookup_static("__index__")
                    .is_some() =>
            {
                self.index_value(idx)?
            }
            _ => {
                let tn = self.type_name(idx);
                let msg = if what == "string" {
                    format!("string indices must be integers, not '{tn}'")
                } else {
                    format!("{what} indices must be integers or slices, not {tn}")
                };
                return Err(self.type_error(&msg));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.new_exc("IndexError", &format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// `mapping[name]`, or `None` when it raises `KeyError` (a class body's
    /// prepared namespace falling back to globals).
    pub fn mapping_lookup(&mut self, mapping: &Value, name: &str) -> Result<Option<Value>, Value> {
        match self.getitem(mapping, &Value::str(name)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches_name(&e, "KeyError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn getitem(&mut self, obj: &Value, idx: &Value) -> PyResult {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = idx {
                    let items = l.borrow().clone();
                    let si = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        si.indices().into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let len = l.borrow().len();
                let i = self.seq_index(idx, len, "list")?;
                Ok(l.borrow()[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = idx {
                    let si = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(
                        si.indices().into_iter().map(|i| t[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(idx, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                if s.is_ascii() {
                    let b = s.as_str().as_bytes();
                    if let Value::Slice(sl) = idx {
                        let si = self.slice_indices(sl, b.len())?;
                        if si.step == 1 {
                            let (a, z) = (
                                si.start.max(0) as usize,
                                si.stop.max(si.start).max(0) as usize,
                            );
                            return Ok(Value::str(&s.as_str()[a..z.min(b.len())]));
                        }
                        let out: String = si.indices().into_iter().map(|i| b[i] as char).collect();
                        return Ok(Value::str(out));
                    }
                    let i = self.seq_index(idx, b.len(), "string")?;
                    return Ok(Value::str((b[i] as char).to_string()));
                }
                let chars: Vec<char> = s.as_str().chars().collect();
                if let Value::Slice(sl) = idx {
                    let si = self.slice_indices(sl, chars.len())?;
                    let out: String = si.indices().into_iter().map(|i| chars[i]).collect();
                    return Ok(Value::str(out));
                }
                let i = self.seq_index(idx, chars.len(), "string")?;
                Ok(Value::str(chars[i].to_string()))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = idx {
                    let si = self.slice_indices(sl, b.len())?;
                    return Ok(Value::Bytes(Rc::new(
                        si.indices().into_iter().map(|i| b[i]).collect(),
                    )));
                }
                let i = self.seq_index(idx, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            Value::Range(r) => {
                if let Value::Slice(sl) = idx {
                    let (lo, hi, by) = self.slice_indices_big(sl, &r.len_big())?;
                    return Ok(Value::Range(Rc::new(r.slice(&lo, &hi, &by))));
                }
                let i = match idx {
                    Value::Instance(_) if self.user_method(idx, "__index__").is_some() => {
                        num_bigint::BigInt::from(self.index_value(idx)?)
                    }
                    _ => match self.to_bigint(idx) {
                        Some(i) => i,
                        None => {
                            let tn = self.type_name(idx);
                            return Err(self.type_error(&format!(
                                "range indices must be integers or slices, not {tn}"
                            )));
                        }
                    },
                };
                match r.item(&i) {
                    Some(v) => Ok(Value::from_bigint(v)),
                    None => Err(self.new_exc("IndexError", "range object index out of range")),
                }
            }
            Value::Dict(d) => {
                let h = self.hash(idx)?;
                let idx = &self.canon_in(d, h, idx)?;
                let found = d.borrow().get(h, idx).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(idx.clone())),
                }
            }
            Value::Class(c) => {
                if let Some(f) = self.user_method(obj, "__getitem__") {
                    return self.call(&f, Args::new([obj.clone(), idx.clone()]));
                }
                // `list[int]` and friends in annotations-as-values: return the class.
                if let Some(f) = c.lookup_static("__class_getitem__") {
                    let f = match &f {
                        Value::Instance(i) => {
                            i.dict.borrow().get("__func__").cloned().unwrap_or_default()
                        }
                        other => other.clone(),
                    };
                    return self.call(&f, Args::new([obj.clone(), idx.clone()]));
                }
                // `list[int]`, `dict[str, int]`: a generic alias.
                if c.builtin.is_some() {
                    return self.call_support(
                        "_typealias",
                        "alias",
                        vec![obj.clone(), idx.clone()],
                    );
                }
                Ok(obj.clone())
            }
            Value::Instance(_) | Value::Native(_) => {
                let cls = self.types.class_of(obj);
                match cls.lookup_static("__getitem__") {
                    Some(f @ Value::Builtin(_)) => {
                        // A dict subclass: a missing key goes to `__missing__`.
                        if let Some(Value::Dict(d)) = super::class::payload_of(obj)
                            && let Some(missing @ Value::Function(_)) =
                                cls.lookup_static("__missing__")
                        {
                            let h = self.hash(idx)?;
                            let k = self.canon_in(&d, h, idx)?;
                            let found = d.borrow().get(h, &k).cloned();
                            return match found {
                                Some(v) => Ok(v),
                                None => self.call(&missing, Args::new([obj.clone(), idx.clone()])),
                            };
                        }
                        self.call(&f, Args::new([obj.clone(), idx.clone()]))
                    }
                    Some(f) => self.call(&f, Args::new([obj.clone(), idx.clone()])),
                    None => self.not_subscriptable(obj),
                }
            }
            _ => self.not_subscriptable(obj),
        }
    }

    fn not_subscriptable(&mut self, obj: &Value) -> PyResult {
        let tn = self.type_name(obj);
        Err(self.type_error(&format!("'{tn}' object is not subscriptable")))
    }

    pub fn key_error(&mut self, key: Value) -> Value {
        self.new_exc_args("KeyError", vec![key])
    }

    pub fn setitem(&mut self, obj: &Value, idx: Value, v: Value) -> Result<(), Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = &idx {
                    let new_items = match self.collect(&v) {
                        Ok(items) => items,
                        // CPython 3.13 says this for every list slice.
                        Err(_) => {
                            return Err(self.type_error("must assign iterable to extended slice"));
                        }
                    };
                    let len = l.borrow().len();
                    let si = self.slice_indices(s, len)?;
                    if si.step == 1 {
                        let a = si.start.clamp(0, len as i64) as usize;
                        let z = (si.stop.max(si.start)).clamp(0, len as i64) as usize;
                        l.borrow_mut().splice(a..z, new_items);
                        return Ok(());
                    }
                    let ix = si.indices();
                    if ix.len() != new_items.len() {
                        return Err(self.value_error(&format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            ix.len()
                        )));
                    }
                    let mut lb = l.borrow_mut();
                    for (i, item) in ix.into_iter().zip(new_items) {
                        lb[i] = item;
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.seq_index(&idx, len, "list assignment")?;
                l.borrow_mut()[i] = v;
                Ok(())
            }
            Value::Dict(d) => {
                let h = self.hash(&idx)?;
                let idx = self.canon_in(d, h, &idx)?;
                self.room_for_key(d)?;
                d.borrow_mut().insert(h, idx, v);
                Ok(())
            }
            Value::Instance(_) | Value::Native(_) => {
                let cls = self.types.class_of(obj);
                match cls.lookup_static("__setitem__") {
                    Some(f) => {
                        self.call(&f, Args::new([obj.clone(), idx, v]))?;
                        Ok(())
                    }
                    None => {
                        let tn = self.type_name(obj);
                        Err(self
                            .type_error(&format!("'{tn}' object does not support item assignment")))
                    }
                }
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, idx: &Value) -> Result<(), Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = idx {
                    let len = l.borrow().len();
                    let si = self.slice_indices(s, len)?;
                    let mut ix = si.indices();
                    ix.sort_unstable();
                    let mut lb = l.borrow_mut();
                    for i in ix.into_iter().rev() {
                        lb.remove(i);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.seq_index(idx, len, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let h = self.hash(idx)?;
                let idx = &self.canon_in(d, h, idx)?;
                let r = d.borrow_mut().remove(h, idx);
                match r {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(idx.clone())),
                }
            }
            Value::Instance(_) | Value::Native(_) => {
                let cls = self.types.class_of(obj);
                match cls.lookup_static("__delitem__") {
                    Some(f) => {
                        self.call(&f, Args::new([obj.clone(), idx.clone()]))?;
                        Ok(())
                    }
                    None => {
                        let tn = self.type_name(obj);
                        Err(self
                            .type_error(&format!("'{tn}' object doesn't support item deletion")))
                    }
                }
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(&format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    // ------------------------------------------------------------ sets

    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult {
        let set = Value::Set(Rc::new(RefCell::new(Dict::new_set())));
        for it in items {
            self.set_add(&set, it)?;
        }
        Ok(set)
    }

    pub fn set_add(&mut self, set: &Value, v: Value) -> Result<(), Value> {
        let h = self.hash(&v)?;
        if let Value::Set(s) = set {
            let v = self.canon_in(s, h, &v)?;
            self.room_for_key(s)?;
            s.borrow_mut().insert(h, v, Value::None);
        }
        Ok(())
    }

    pub fn set_entries(&self, v: &Value) -> Vec<(i64, Value)> {
        match v {
            Value::Set(s) => s.borrow().iter().map(|e| (e.hash, e.key.clone())).collect(),
            Value::FrozenSet(s) => s.iter().map(|e| (e.hash, e.key.clone())).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the set or dict `v` holds a key equal to `k` (user `__eq__`
    /// included; the candidates are copied out before it runs).
    pub fn set_contains_raw(&mut self, v: &Value, h: i64, k: &Value) -> Result<bool, Value> {
        if !needs_user_eq(k) {
            return Ok(match v {
                Value::Set(s) | Value::Dict(s) => s.borrow().contains(h, k),
                Value::FrozenSet(s) => s.contains(h, k),
                _ => false,
            });
        }
        let candidates = match v {
            Value::Set(s) | Value::Dict(s) => s.borrow().keys_with_hash(h),
            Value::FrozenSet(s) => s.keys_with_hash(h),
            _ => Vec::new(),
        };
        for c in candidates {
            if c.is(k) || self.eq(&c, k)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `k`, or the key equal to it already in the owned table `d`.
    fn canon_owned(&mut self, d: &Dict, h: i64, k: Value) -> Result<Value, Value> {
        if !needs_user_eq(&k) {
            return Ok(k);
        }
        for c in d.keys_with_hash(h) {
            if c.is(&k) || self.eq(&c, &k)? {
                return Ok(c);
            }
        }
        Ok(k)
    }

    /// Set operators, building results in the order CPython's algorithms do
    /// (it decides the printed order).
    pub fn set_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        let (xa, ya) = (self.set_entries(a), self.set_entries(b));
        let copy_of = |v: &Value| -> Dict {
            match v {
                Value::Set(s) => s.borrow().set_copy(),
                Value::FrozenSet(s) => s.set_copy(),
                _ => Dict::new_set(),
            }
        };
        let d = match op {
            BinOp::BitOr => {
                let mut d = copy_of(a);
                let user_eq = ya.iter().any(|(_, k)| needs_user_eq(k));
                match b {
                    Value::Set(s) if !user_eq => d.set_merge(&s.borrow()),
                    Value::FrozenSet(s) if !user_eq => d.set_merge(s),
                    _ => {
                        for (h, k) in ya {
                            let k = self.canon_owned(&d, h, k)?;
                            if !d.contains(h, &k) {
                                d.insert(h, k, Value::None);
                            }
                        }
                    }
                }
                d
            }
            BinOp::BitAnd => {
                // Iterate the smaller set, probing the larger.
                let (small, big) = if ya.len() > xa.len() {
                    (xa, b)
                } else {
                    (ya, a)
                };
                let mut d = Dict::new_set();
                for (h, k) in small {
                    if self.set_contains_raw(big, h, &k)? {
                        d.insert(h, k, Value::None);
                    }
                }
                d
            }
            BinOp::Sub => {
                if (xa.len() >> 2) > ya.len() {
                    let mut d = copy_of(a);
                    for (h, k) in ya {
                        let k = self.canon_owned(&d, h, k)?;
                        d.remove(h, &k);
                    }
                    d
                } else {
                    let mut d = Dict::new_set();
                    for (h, k) in xa {
                        if !self.set_contains_raw(b, h, &k)? {
                            d.insert(h, k, Value::None);
                        }
                    }
                    d
                }
            }
            _ => {
                let mut d = copy_of(b);
                for (h, k) in xa {
                    let k = self.canon_owned(&d, h, k)?;
                    if d.contains(h, &k) {
                        d.remove(h, &k);
                    } else {
                        d.insert(h, k, Value::None);
                    }
                }
                d
            }
        };
        Ok(match a {
            Value::FrozenSet(_) => Value::FrozenSet(Rc::new(d)),
            _ => Value::Set(Rc::new(RefCell::new(d))),
        })
    }

    /// `{**a}` / `f(**a)`: merge a mapping into the dict `target`.
    pub fn dict_update(&mut self, target: &Value, src: &Value, no_dups: bool) -> Result<(), Value> {
        let who = no_dups.then(|| "function".to_string());
        self.merge_mapping(target, src, who)
    }

    /// `f(**a)` where the callee `func` is known: a repeated keyword is
    /// reported with the callee's name, as CPython does.
    pub fn dict_merge_for_call(
        &mut self,
        func: &Value,
        target: &Value,
        src: &Value,
    ) -> Result<(), Value> {
        let who = self.function_str(func);
        self.merge_mapping(target, src, Some(who))
    }

    /// CPython's `_PyObject_FunctionStr`: `module.qualname()` (no module
    /// for built-ins), or `TYPE object` for other callables.
    pub fn function_str(&mut self, func: &Value) -> String {
        let func = match func {
            Value::Method(m) => m.func.clone(),
            other => other.clone(),
        };
        let Ok(qualname) = self.getattr(&func, "__qualname__") else {
            return format!("{} object", self.type_name(&func));
        };
        let qualname = match qualname.as_str() {
            Some(q) => q.to_string(),
            None => return format!("{} object", self.type_name(&func)),
        };
        match self.getattr(&func, "__module__") {
            Ok(m) => match m.as_str() {
                Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
                _ => format!("{qualname}()"),
            },
            Err(_) => format!("{qualname}()"),
        }
    }

    /// Merges a mapping into the dict `target`; with `dups_for`, a key
    /// already there is an error naming that function.
    fn merge_mapping(
        &mut self,
        target: &Value,
        src: &Value,
        dups_for: Option<String>,
    ) -> Result<(), Value> {
        let no_dups = dups_for.is_some();
        let Value::Dict(t) = target else {
            return Ok(());
        };
        let pairs: Vec<(i64, Value, Value)> = match src {
            Value::Dict(d) => d
                .borrow()
                .iter()
                .map(|e| (e.hash, e.key.clone(), e.value.clone()))
                .collect(),
            _ => {
                let keys_fn = match self.getattr(src, "keys") {
                    Ok(f) => f,
                    Err(_) => {
                        let tn = self.type_name(src);
                        return Err(self.type_error(&format!("'{tn}' object is not a mapping")));
                    }
                };
                let keys = self.call(&keys_fn, Args::default())?;
                let keys = self.collect(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = self.getitem(src, &k)?;
                    let h = self.hash(&k)?;
                    out.push((h, k, v));
                }
                out
            }
        };
        for (h, k, v) in pairs {
            if no_dups && t.borrow().contains(h, &k) {
                let ks = self.repr(&k)?;
                let who = dups_for.as_deref().unwrap_or("function");
                return Err(self.type_error(&format!(
                    "{who} got multiple values for keyword argument {ks}"
                )));
            }
            t.borrow_mut().insert(h, k, v);
        }
        Ok(())
    }
}
