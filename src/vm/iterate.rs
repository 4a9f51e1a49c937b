//! The iterator protocol: `iter()`, `next()`, the `ForIter` fast paths, and
//! helpers that drain an iterable.

use super::frame::{Frame, ResumeKind};
use super::function::{Args, PyResult};
use super::generator::{GenKind, GenState};
use super::interp::{GenOutcome, Resume, Vm};
use super::iter::NativeIter;
use super::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

fn native(it: NativeIter) -> Value {
    Value::Iter(Rc::new(RefCell::new(it)))
}

impl Vm {
    pub fn iter(&mut self, v: &Value) -> PyResult {
        Ok(match v {
            Value::List(l) => native(NativeIter::List {
                list: l.clone(),
                idx: 0,
            }),
            Value::Tuple(t) => native(NativeIter::Tuple {
                items: t.clone(),
                idx: 0,
            }),
            Value::Str(s) => native(NativeIter::Str {
                s: s.clone(),
                pos: 0,
            }),
            Value::Bytes(b) => native(NativeIter::Bytes {
                b: b.clone(),
                idx: 0,
            }),
            Value::Range(r) => native(r.iter()),
            Value::Dict(d) | Value::Set(d) => {
                let len = d.borrow().len();
                native(NativeIter::Dict {
                    dict: d.clone(),
                    pos: 0,
                    mode: 0,
                    len,
                })
            }
            Value::FrozenSet(s) => native(NativeIter::FrozenSet {
                set: s.clone(),
                pos: 0,
            }),
            Value::Iter(_) => v.clone(),
            Value::Generator(g) if g.kind == GenKind::Generator => v.clone(),
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => {
                let cls = self.types.class_of(v);
                if let Some(f) = cls.lookup_static("__iter__")
                    && !matches!(v, Value::Class(c) if c.meta.is_none())
                {
                    let it = self.call(&f, Args::new([v.clone()]))?;
                    let icls = self.types.class_of(&it);
                    let ok = matches!(it, Value::Iter(_) | Value::Generator(_))
                        || icls.lookup_static("__next__").is_some();
                    if !ok {
                        let tn = self.type_name(&it);
                        return Err(self
                            .type_error(&format!("iter() returned non-iterator of type '{tn}'")));
                    }
                    return Ok(it);
                }
                if let Some(it) = crate::runtime::native_iter(self, v)? {
                    return Ok(it);
                }
                if !matches!(v, Value::Class(c) if c.meta.is_none())
                    && cls.lookup_static("__getitem__").is_some()
                {
                    return Ok(native(NativeIter::SeqIndex {
                        obj: v.clone(),
                        idx: 0,
                    }));
                }
                return Err(self.not_iterable(v));
            }
            _ => return Err(self.not_iterable(v)),
        })
    }

    fn not_iterable(&mut self, v: &Value) -> Value {
        let tn = self.type_name(v);
        let e = self.type_error(&format!("'{tn}' object is not iterable"));
        if self.types.class_of(v).lookup_static("__aiter__").is_some() {
            self.set_hint(&e, "use 'async for': this is an asynchronous iterable");
        } else if matches!(v, Value::Generator(g) if g.kind == super::generator::GenKind::Coroutine)
        {
            self.set_hint(
                &e,
                "a coroutine gives its result when awaited: 'await' it first",
            );
        }
        e
    }

    /// The next item, or None when exhausted.
    pub fn next(&mut self, it: &Value) -> Result<Option<Value>, Value> {
        match it {
            Value::Iter(ni) => self.native_next(ni),
            Value::Generator(g) if g.is_finished() => Ok(None),
            Value::Generator(g) => match self.resume_gen(g, Resume::Send(Value::None))? {
                GenOutcome::Yielded(v) => Ok(Some(v)),
                GenOutcome::Returned(_) => Ok(None),
            },
            _ => {
                let cls = self.types.class_of(it);
                match cls.lookup_static("__next__") {
                    Some(f) => match self.call(&f, Args::new([it.clone()])) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.exc_matches_name(&e, "StopIteration") => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => {
                        let tn = self.type_name(it);
                        Err(self.type_error(&format!("'{tn}' object is not an iterator")))
                    }
                }
            }
        }
    }

    fn native_next(&mut self, ni: &Rc<RefCell<NativeIter>>) -> Result<Option<Value>, Value> {
        let mut st = ni.borrow_mut();
        let r = match &mut *st {
            NativeIter::List { .. } | NativeIter::Tuple { .. } | NativeIter::Range { .. } => {
                st.step_sequence().flatten()
            }
            NativeIter::BigRange { cur, step, left } => super::range::big_step(cur, step, left),
            NativeIter::Str { s, pos } => match s.as_str()[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    Some(Value::str(c.to_string()))
                }
                None => None,
            },
            NativeIter::Bytes { b, idx } => {
                if *idx < b.len() {
                    *idx += 1;
                    Some(Value::Int(b[*idx - 1] as i64))
                } else {
                    None
                }
            }
            NativeIter::Dict {
                dict,
                pos,
                mode,
                len,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    let is_set = d.is_set_table();
                    drop(d);
                    *st = NativeIter::Exhausted;
                    drop(st);
                    let msg = if is_set {
                        "Set changed size during iteration"
                    } else {
                        "dictionary changed size during iteration"
                    };
                    return Err(self.new_exc("RuntimeError", msg));
                }
                match d.entry_from(*pos) {
                    Some((e, next)) => {
                        *pos = next;
                        Some(match mode {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        })
                    }
                    None => None,
                }
            }
            NativeIter::FrozenSet { set, pos } => match set.entry_from(*pos) {
                Some((e, next)) => {
                    *pos = next;
                    Some(e.key.clone())
                }
                None => None,
            },
            NativeIter::Reversed { items, idx } => {
                let l = items.borrow();
                if *idx > 0 && *idx <= l.len() {
                    *idx -= 1;
                    Some(l[*idx].clone())
                } else {
                    *idx = 0;
                    None
                }
            }
            NativeIter::Values { items, idx } => {
                if *idx < items.len() {
                    *idx += 1;
                    Some(std::mem::take(&mut items[*idx - 1]))
                } else {
                    None
                }
            }
            NativeIter::Exhausted => None,
            // The rest call back into Python: release the borrow first.
            _ => {
                drop(st);
                return self.native_next_slow(ni);
            }
        };
        Ok(r)
    }

    fn native_next_slow(&mut self, ni: &Rc<RefCell<NativeIter>>) -> Result<Option<Value>, Value> {
        enum Step {
            Enumerate(Value, Value),
            Zip(Vec<Value>, bool),
            Map(Value, Vec<Value>),
            Filter(Value, Value),
            Seq(Value, i64),
            Callable(Value, Value),
        }
        let step = match &*ni.borrow() {
            NativeIter::Enumerate { inner, count } => Step::Enumerate(inner.clone(), count.clone()),
            NativeIter::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
            NativeIter::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
            NativeIter::Filter { func, inner } => Step::Filter(func.clone(), inner.clone()),
            NativeIter::SeqIndex { obj, idx } => Step::Seq(obj.clone(), *idx),
            NativeIter::Callable { func, sentinel } => {
                Step::Callable(func.clone(), sentinel.clone())
            }
            _ => return Ok(None),
        };
        match step {
            Step::Enumerate(inner, count) => match self.next(&inner)? {
                Some(v) => {
                    let next = self.binary_op(
                        crate::ast::BinOp::Add,
                        count.clone(),
                        Value::Int(1),
                        false,
                    )?;
                    if let NativeIter::Enumerate { count: c, .. } = &mut *ni.borrow_mut() {
                        *c = next;
                    }
                    Ok(Some(Value::tuple(vec![count, v])))
                }
                None => Ok(None),
            },
            Step::Zip(iters, strict) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    let msg = format!(
                                        "zip() argument {} is shorter than argument{} {}",
                                        i + 1,
                                        if i == 1 { "" } else { "s" },
                                        if i == 1 {
                                            "1".to_string()
                                        } else {
                                            format!("1-{i}")
                                        }
                                    );
                                    return Err(self.value_error(&msg));
                                }
                                for (j, rest) in iters.iter().enumerate().skip(1) {
                                    if self.next(rest)?.is_some() {
                                        let msg = format!(
                                            "zip() argument {} is longer than argument{} {}",
                                            j + 1,
                                            if j == 1 { "" } else { "s" },
                                            if j == 1 {
                                                "1".to_string()
                                            } else {
                                                format!("1-{j}")
                                            }
                                        );
                                        return Err(self.value_error(&msg));
                                    }
                                }
                            }
                            *ni.borrow_mut() = NativeIter::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            Step::Map(func, iters) => {
                let mut args = Args::default();
                for it in &iters {
                    match self.next(it)? {
                        Some(v) => args.pos.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, args).map(Some)
            }
            Step::Filter(func, inner) => loop {
                match self.next(&inner)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call(&func, Args::new([v.clone()]))?;
                            self.truthy(&r)?
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            },
            Step::Seq(obj, idx) => match self.getitem(&obj, &Value::Int(idx)) {
                Ok(v) => {
                    if let NativeIter::SeqIndex { idx: i, .. } = &mut *ni.borrow_mut() {
                        *i += 1;
                    }
                    Ok(Some(v))
                }
                Err(e)
                    if self.exc_matches_name(&e, "IndexError")
                        || self.exc_matches_name(&e, "StopIteration") =>
                {
                    *ni.borrow_mut() = NativeIter::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            },
            Step::Callable(func, sentinel) => {
                let v = self.call(&func, Args::default())?;
                if self.eq(&v, &sentinel)? {
                    *ni.borrow_mut() = NativeIter::Exhausted;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
        }
    }

    /// The `ForIter` instruction. Returns true when a generator's frames
    /// were pushed and the loop must switch to them.
    pub(crate) fn for_iter(&mut self, frame: &mut Frame, target: u32) -> Result<bool, Value> {
        let it = frame.top().clone();
        if let Value::Generator(g) = &it
            && g.kind == GenKind::Generator
        {
            let frames = {
                let mut st = g.state.borrow_mut();
                match std::mem::replace(&mut *st, GenState::Running) {
                    GenState::Suspended(f) => f,
                    other => {
                        let running = matches!(other, GenState::Running);
                        *st = other;
                        drop(st);
                        if running {
                            return Err(self.value_error("generator already executing"));
                        }
                        frame.regs.pop();
                        frame.ip = target as usize;
                        return Ok(false);
                    }
                }
            };
            if self.frames.len() >= self.recursion_limit {
                *g.state.borrow_mut() = GenState::Suspended(frames);
                return Err(self.new_exc("RecursionError", "maximum recursion depth exceeded"));
            }
            let started = g.started.replace(true);
            let base = self.frames.len();
            for mut f in frames {
                if self.frames.len() == base {
                    f.kind = ResumeKind::ForIter;
                }
                self.frames.push(f);
            }
            if started && let Some(top) = self.frames.last_mut() {
                top.push(Value::None);
            }
            return Ok(true);
        }
        match self.next(&it)? {
            Some(v) => {
                frame.regs.push(v);
            }
            None => {
                frame.regs.pop();
                frame.ip = target as usize;
            }
        }
        Ok(false)
    }

    /// Drains any iterable into a vector.
    pub fn collect(&mut self, v: &Value) -> Result<Vec<Value>, Value> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            Value::Dict(d) | Value::Set(d) => return Ok(d.borrow().keys()),
            Value::FrozenSet(s) => return Ok(s.keys()),
            Value::Range(r) => {
                let Some(n) = r.len() else {
                    return Err(self.new_exc(
                        "OverflowError",
                        "Python int too large to convert to C ssize_t",
                    ));
                };
                if n > 100_000_000 {
                    return Err(self.new_exc("MemoryError", ""));
                }
                if let super::range::Range::Small { start, step, .. } = **r {
                    return Ok((0..n).map(|i| Value::Int(start + i * step)).collect());
                }
            }
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacking for assignment: exactly `n` items, or with a star target,
    /// `before` items, a list, and `after` items.
    pub fn unpack(
        &mut self,
        v: &Value,
        before: usize,
        after: Option<usize>,
    ) -> Result<Vec<Value>, Value> {
        let items = match v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                let it = match self.iter(v) {
                    Ok(it) => it,
                    Err(_) => {
                        let tn = self.type_name(v);
                        return Err(
                            self.type_error(&format!("cannot unpack non-iterable {tn} object"))
                        );
                    }
                };
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if after.is_none() && out.len() > before {
                        break;
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() == before {
                    Ok(items)
                } else if items.len() > before {
                    Err(self.value_error(&format!("too many values to unpack (expected {before})")))
                } else {
                    Err(self.value_error(&format!(
                        "not enough values to unpack (expected {before}, got {})",
                        items.len()
                    )))
                }
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(&format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(before);
                items.push(Value::list(mid));
                items.extend(tail);
                Ok(items)
            }
        }
    }
}
