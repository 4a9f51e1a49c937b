//! repr/str, truthiness, hashing and equality — with user dunders.

use super::depth::Walk;
use super::function::{Args, PyResult};
use super::interp::Vm;
use super::types::TypeId;
use super::value::Value;
use num_bigint::BigInt;
use std::rc::Rc;

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if is_unprintable(c) => {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether repr() escapes `c`: CPython's `str.isprintable` is false for
/// the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (but for the space).
pub fn is_unprintable(c: char) -> bool {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    if c == ' ' {
        return false;
    }
    // Unicode 15.1's additions (Python 3.13's version) are newer than the
    // category tables (Unicode 15.0): CJK Extension I and a few symbols.
    if ('\u{2EBF0}'..='\u{2EE5D}').contains(&c)
        || ('\u{2FFC}'..='\u{2FFF}').contains(&c)
        || c == '\u{31EF}'
    {
        return false;
    }
    matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

pub fn float_repr(x: f64) -> String {
    crate::format::float_repr(x)
}

impl Vm {
    pub(crate) fn user_method(&self, v: &Value, name: &'static str) -> Option<Value> {
        match v {
            Value::Instance(i) => match i.class.lookup_static(name) {
                Some(f @ Value::Function(_)) => Some(f),
                Some(f @ Value::Method(_)) => Some(f),
                Some(f @ Value::Builtin(_)) if !i.payload.borrow().is_unbound() => Some(f),
                _ => None,
            },
            Value::Native(n) => match n.class.lookup_static(name) {
                Some(f @ (Value::Function(_) | Value::Builtin(_))) => Some(f),
                _ => None,
            },
            Value::Class(c) => match c.meta.as_ref()?.lookup_static(name) {
                Some(f @ Value::Function(_)) => Some(f),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn repr(&mut self, v: &Value) -> Result<String, Value> {
        match v {
            Value::Tuple(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Instance(_) => self.nested(Walk::Repr, |vm| vm.repr_of(v)),
            _ => self.repr_of(v),
        }
    }

    fn repr_of(&mut self, v: &Value) -> Result<String, Value> {
        Ok(match v {
            Value::Unbound => "<NULL>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => b.to_string(),
            Value::Float(x) => float_repr(*x),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => bytes_repr(b),
            Value::Tuple(t) => {
                let id = Rc::as_ptr(t) as usize;
                if self.repr_guard.contains(&id) {
                    return Ok("(...)".into());
                }
                self.repr_guard.push(id);
                let r = self.join_reprs(t.iter());
                self.repr_guard.pop();
                if t.len() == 1 {
                    format!("({},)", r?)
                } else {
                    format!("({})", r?)
                }
            }
            Value::List(l) => {
                let id = Rc::as_ptr(l) as usize;
                if self.repr_guard.contains(&id) {
                    return Ok("[...]".into());
                }
                self.repr_guard.push(id);
                let items = l.borrow().clone();
                let r = self.join_reprs(items.iter());
                self.repr_guard.pop();
                format!("[{}]", r?)
            }
            Value::Dict(d) => {
                let id = Rc::as_ptr(d) as usize;
                if self.repr_guard.contains(&id) {
                    return Ok("{...}".into());
                }
                self.repr_guard.push(id);
                let entries: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                let mut parts = Vec::with_capacity(entries.len());
                let mut err = None;
                for (k, v) in entries {
                    match (self.repr(&k), self.repr(&v)) {
                        (Ok(a), Ok(b)) => parts.push(format!("{a}: {b}")),
                        (Err(e), _) | (_, Err(e)) => {
                            err = Some(e);
                            break;
                        }
                    }
                }
                self.repr_guard.pop();
                if let Some(e) = err {
                    return Err(e);
                }
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let keys = s.borrow().keys();
                if keys.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(keys.iter())?)
                }
            }
            Value::FrozenSet(s) => {
                let keys = s.keys();
                if keys.is_empty() {
                    "frozenset()".into()
                } else {
                    format!("frozenset({{{}}})", self.join_reprs(keys.iter())?)
                }
            }
            Value::Range(r) => r.repr(),
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s[0])?,
                self.repr(&s[1])?,
                self.repr(&s[2])?
            ),
            Value::Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow(),
                v.ptr().unwrap_or(0)
            ),
            Value::Builtin(b) => match &b.bound {
                // A language function presented as a built-in (builtins::as_builtin).
                Some(Value::Function(_)) => format!("<built-in function {}>", b.name),
                Some(r) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    self.type_name(r),
                    r.ptr().unwrap_or(0)
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Method(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => b.name.to_string(),
                    _ => "?".into(),
                };
                let r = self.repr(&m.receiver.clone())?;
                format!("<bound method {fname} of {r}>")
            }
            Value::Class(c) if c.meta.is_some() && self.user_method(v, "__repr__").is_some() => {
                let f = self.user_method(v, "__repr__").unwrap_or_default();
                let r = self.call(&f, super::function::Args::new([v.clone()]))?;
                match r.as_str() {
                    Some(s) => s.to_string(),
                    None => {
                        let tn = self.type_name(&r);
                        return Err(
                            self.type_error(&format!("__repr__ returned non-string (type {tn})"))
                        );
                    }
                }
            }
            Value::Class(c) => {
                // `__module__` may be reassigned after the class is made.
                let module = match c.dict.borrow().get("__module__") {
                    Some(Value::Str(s)) => s.as_str().to_string(),
                    _ => c.module.to_string(),
                };
                if module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{module}.{}'>", c.qualname)
                }
            }
            Value::Module(m) => {
                format!("<module '{}' (built-in)>", m.name)
            }
            Value::Generator(g) => format!(
                "<{} object {} at {:#x}>",
                super::interp::gen_kind_name(g).replace(' ', "_"),
                g.qualname,
                v.ptr().unwrap_or(0)
            ),
            Value::Iter(it) => format!(
                "<{} object at {:#x}>",
                it.borrow().type_name(),
                v.ptr().unwrap_or(0)
            ),
            Value::Cell(_) => format!("<cell at {:#x}>", v.ptr().unwrap_or(0)),
            Value::Code(c) => format!("<code object {} at {:#x}>", c.name, v.ptr().unwrap_or(0)),
            Value::Native(_) | Value::Instance(_) => return self.object_repr(v),
        })
    }

    fn object_repr(&mut self, v: &Value) -> Result<String, Value> {
        if let Some(f) = self.user_method(v, "__repr__") {
            let r = self.call(&f, Args::new([v.clone()]))?;
            return match r {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => {
                    let tn = self.type_name(&other);
                    Err(self.type_error(&format!("__repr__ returned non-string (type {tn})")))
                }
            };
        }
        if let Value::Instance(i) = v {
            if i.exc.is_some() {
                let args = self.exc_args(v);
                let name = i.class.name.to_string();
                if args.len() == 1 {
                    return Ok(format!("{name}({})", self.repr(&args[0])?));
                }
                return Ok(format!("{name}({})", self.join_reprs(args.iter())?));
            }
            if let Some(
                TypeId::Property | TypeId::StaticMethod | TypeId::ClassMethod | TypeId::Super,
            ) = i.class.builtin
            {
                return Ok(format!(
                    "<{} object at {:#x}>",
                    i.class.name,
                    v.ptr().unwrap_or(0)
                ));
            }
        }
        if let Some(r) = crate::runtime::native_repr(self, v)? {
            return Ok(r);
        }
        let cls = self.types.class_of(v);
        let module = match cls.dict.borrow().get("__module__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => cls.module.to_string(),
        };
        // Built-in classes print without their module (`<object object at …>`).
        let prefix = if module == "builtins" {
            String::new()
        } else {
            format!("{module}.")
        };
        Ok(format!(
            "<{prefix}{} object at {:#x}>",
            cls.qualname,
            v.ptr().unwrap_or(0)
        ))
    }

    fn join_reprs<'a>(&mut self, items: impl Iterator<Item = &'a Value>) -> Result<String, Value> {
        let mut out = String::new();
        for (i, it) in items.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(it)?);
        }
        Ok(out)
    }

    pub fn str(&mut self, v: &Value) -> Result<String, Value> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(f) = self.user_method(v, "__str__") {
                    let r = self.call(&f, Args::new([v.clone()]))?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => {
                            let tn = self.type_name(&other);
                            Err(self
                                .type_error(&format!("__str__ returned non-string (type {tn})")))
                        }
                    };
                }
                if let Value::Instance(i) = v
                    && i.exc.is_some()
                {
                    return self.exc_str(v);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    pub fn str_value(&mut self, v: &Value) -> PyResult {
        if let Value::Str(_) = v {
            return Ok(v.clone());
        }
        Ok(Value::str(self.str(v)?))
    }

    pub fn truthy(&mut self, v: &Value) -> Result<bool, Value> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::None | Value::Unbound => false,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(f) = self.user_method(v, "__bool__") {
                    let r = self.call(&f, Args::new([v.clone()]))?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => {
                            let tn = self.type_name(&other);
                            Err(self
                                .type_error(&format!("__bool__ should return bool, returned {tn}")))
                        }
                    };
                }
                if let Some(f) = self.user_method(v, "__len__") {
                    let r = self.call(&f, Args::new([v.clone()]))?;
                    let n = self.index_value(&r)?;
                    if n < 0 {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                    return Ok(n != 0);
                }
                if let Some(b) = crate::runtime::native_truthy(self, v) {
                    return Ok(b);
                }
                true
            }
            _ => true,
        })
    }

    pub fn hash(&mut self, v: &Value) -> Result<i64, Value> {
        match v {
            Value::Tuple(_) => self.nested(Walk::Hash, |vm| vm.hash_of(v)),
            _ => self.hash_of(v),
        }
    }

    fn hash_of(&mut self, v: &Value) -> Result<i64, Value> {
        use super::hash::*;
        Ok(match v {
            Value::Int(i) => int_hash(*i),
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => bigint_hash(b),
            Value::Float(x) => float_hash(*x),
            Value::Str(s) => s.hash(),
            Value::Bytes(b) => bytes_hash(b),
            Value::None => 4238894112,
            Value::Tuple(t) => {
                let mut hs = Vec::with_capacity(t.len());
                for it in t.iter() {
                    hs.push(self.hash(it)?);
                }
                tuple_hash(hs.into_iter(), t.len())
            }
            Value::FrozenSet(s) => frozenset_hash(s.iter().map(|e| e.hash), s.len()),
            Value::Range(r) => self.hash(&Value::tuple(r.hash_key().to_vec()))?,
            Value::Slice(s) => {
                let mut hs = [0; 3];
                for (h, part) in hs.iter_mut().zip(s.iter()) {
                    *h = self.hash(part)?;
                }
                slice_hash(hs.into_iter())
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                let tn = self.type_name(v);
                return Err(self.type_error(&format!("unhashable type: '{tn}'")));
            }
            Value::Instance(i) => {
                match i.class.lookup_static("__hash__") {
                    Some(Value::None) => {
                        let tn = self.type_name(v);
                        return Err(self.type_error(&format!("unhashable type: '{tn}'")));
                    }
                    Some(f @ Value::Function(_)) => {
                        let r = self.call(&f, Args::new([v.clone()]))?;
                        return match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::BigInt(b) => Ok(bigint_hash(&b)),
                            Value::Bool(b) => Ok(b as i64),
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        };
                    }
                    // A subclass of a hashable built-in type hashes its value.
                    _ if !i.payload.borrow().is_unbound()
                        && !matches!(i.class.lookup_static("__eq__"), Some(Value::Function(_))) =>
                    {
                        let p = i.payload.borrow().clone();
                        return self.hash(&p);
                    }
                    // `__hash__ = object.__hash__` restores identity hashing.
                    Some(Value::Builtin(_)) => return Ok((v.ptr().unwrap_or(0) >> 4) as i64),
                    _ => {}
                }
                if matches!(i.class.lookup_static("__eq__"), Some(Value::Function(_))) {
                    let tn = self.type_name(v);
                    return Err(self.type_error(&format!("unhashable type: '{tn}'")));
                }
                (v.ptr().unwrap_or(0) >> 4) as i64
            }
            _ => (v.ptr().unwrap_or(0) >> 4) as i64,
        })
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> Result<bool, Value> {
        use Value::*;
        match (a, b) {
            (Tuple(_), Tuple(_)) | (List(_), List(_)) | (Dict(_), Dict(_)) => {
                self.nested(Walk::Compare, |vm| vm.eq_of(a, b))
            }
            _ => self.eq_of(a, b),
        }
    }

    fn eq_of(&mut self, a: &Value, b: &Value) -> Result<bool, Value> {
        use Value::*;
        match (a, b) {
            (Int(x), Int(y)) => Ok(x == y),
            (Str(x), Str(y)) => Ok(x.as_str() == y.as_str()),
            (None, None) => Ok(true),
            (Bool(x), Bool(y)) => Ok(x == y),
            (Float(x), Float(y)) => Ok(x == y),
            (Int(_) | BigInt(_) | Bool(_) | Float(_), Int(_) | BigInt(_) | Bool(_) | Float(_)) => {
                Ok(super::ops::num_cmp(a, b) == Some(std::cmp::Ordering::Equal))
            }
            (Tuple(x), Tuple(y)) => self.seq_eq(&x[..], &y[..]),
            (List(x), List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (xs, ys) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&xs, &ys)
            }
            (Dict(x), Dict(y)) => {
                if x.borrow().len() != y.borrow().len() {
                    return Ok(false);
                }
                let entries: Vec<_> = x
                    .borrow()
                    .iter()
                    .map(|e| (e.hash, e.key.clone(), e.value.clone()))
                    .collect();
                for (h, k, v) in entries {
                    let k = self.canon_key_of(y, h, &k)?;
                    let other = y.borrow().get(h, &k).cloned();
                    match other {
                        Some(o) => {
                            if !self.eq(&v, &o)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                let (xa, ya) = (self.set_entries(a), self.set_entries(b));
                if xa.len() != ya.len() {
                    return Ok(false);
                }
                for (h, k) in &xa {
                    if !self.set_contains_raw(b, *h, k)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Bytes(x), Bytes(y)) => Ok(x == y),
            (Range(x), Range(y)) => Ok(x.same(y)),
            (Slice(x), Slice(y)) => self.seq_eq(&x[..], &y[..]),
            (Method(x), Method(y)) => Ok(x.receiver.is(&y.receiver) && x.func.is(&y.func)),
            (Instance(_) | Native(_), _) | (_, Instance(_) | Native(_)) => {
                // Subclasses of built-in types without an `__eq__` of their
                // own compare by value.
                let user_eq = |v: &Value| match v {
                    Instance(i) => matches!(i.class.lookup_static("__eq__"), Some(Function(_))),
                    _ => false,
                };
                let (pa, pb) = (super::class::payload_of(a), super::class::payload_of(b));
                if (pa.is_some() || pb.is_some()) && !user_eq(a) && !user_eq(b) {
                    let pa = pa.unwrap_or_else(|| a.clone());
                    let pb = pb.unwrap_or_else(|| b.clone());
                    return self.eq(&pa, &pb);
                }
                let r = self.rich_compare(a, b, "__eq__", "__eq__")?;
                match r {
                    NotImplemented => self.eq_after_not_implemented(a, b),
                    v => self.truthy(&v),
                }
            }
            _ => Ok(a.is(b)),
        }
    }

    /// `==` once both `__eq__` methods declined: subclasses of built-in
    /// types compare by their value, everything else by identity.
    pub fn eq_after_not_implemented(&mut self, a: &Value, b: &Value) -> Result<bool, Value> {
        let (pa, pb) = (super::class::payload_of(a), super::class::payload_of(b));
        if pa.is_none() && pb.is_none() {
            return Ok(a.is(b));
        }
        let pa = pa.unwrap_or_else(|| a.clone());
        let pb = pb.unwrap_or_else(|| b.clone());
        self.eq(&pa, &pb)
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> Result<bool, Value> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !(p.is(q) || self.eq(p, q)?) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Calls `a.op(b)`, then the reflected `b.rop(a)`; NotImplemented when neither applies.
    pub fn rich_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: &'static str,
        rop: &'static str,
    ) -> PyResult {
        // A subclass's reflected method goes first.
        let (ca, cb) = (self.types.class_of(a), self.types.class_of(b));
        let b_first = !Rc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca);
        if b_first && let Some(f) = self.user_method(b, rop) {
            let r = self.call(&f, Args::new([b.clone(), a.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if let Some(f) = self.user_method(a, op) {
            let r = self.call(&f, Args::new([a.clone(), b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first && let Some(f) = self.user_method(b, rop) {
            let r = self.call(&f, Args::new([b.clone(), a.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        Ok(Value::NotImplemented)
    }

    /// An int-like value as i64 (`__index__` semantics for built-ins).
    pub fn index_value(&mut self, v: &Value) -> Result<i64, Value> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(self.new_exc(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )),
            Value::Instance(_) => {
                if let Some(f) = self.user_method(v, "__index__") {
                    let r = self.call(&f, Args::new([v.clone()]))?;
                    if !matches!(r, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
                        let tn = self.type_name(&r);
                        return Err(
                            self.type_error(&format!("__index__ returned non-int (type {tn})"))
                        );
                    }
                    return self.index_value(&r);
                }
                let tn = self.type_name(v);
                Err(self.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )))
            }
            _ => {
                let tn = self.type_name(v);
                Err(self.type_error(&format!(
                    "'{tn}' object cannot be interpreted as an integer"
                )))
            }
        }
    }

    pub fn to_bigint(&self, v: &Value) -> Option<BigInt> {
        match v {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// f-string `{v!conv:spec}`.
    pub fn format_value(&mut self, v: Value, conv: u8, spec: Option<Value>) -> PyResult {
        let v = match conv {
            1 => Value::str(self.str(&v)?),
            2 => Value::str(self.repr(&v)?),
            3 => Value::str(ascii_of(&self.repr(&v)?)),
            _ => v,
        };
        let spec_s = match &spec {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => String::new(),
        };
        if spec_s.is_empty()
            && let Value::Str(_) = v
        {
            return Ok(v);
        }
        Ok(Value::str(self.format(&v, &spec_s)?))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> Result<String, Value> {
        let r = match v {
            Value::Int(i) => crate::format::format_i64(*i, spec),
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.to_string());
                }
                crate::format::format_int_typed(&BigInt::from(*b as i64), spec, "bool")
            }
            Value::BigInt(b) => crate::format::format_int(b, spec),
            Value::Float(x) => crate::format::format_float(*x, spec),
            Value::Str(s) => crate::format::format_str(s.as_str(), spec),
            Value::Instance(_) | Value::Native(_)
                if self.user_method(v, "__format__").is_some() =>
            {
                let f = self.user_method(v, "__format__").unwrap_or_default();
                let r = self.call(&f, Args::new([v.clone(), Value::str(spec)]))?;
                return match r {
                    Value::Str(s) => Ok(s.as_str().to_string()),
                    _ => Err(self.type_error("__format__ must return a str")),
                };
            }
            _ => {
                if spec.is_empty() {
                    return self.str(v);
                }
                let tn = self.type_name(v);
                return Err(self.type_error(&format!(
                    "unsupported format string passed to {tn}.__format__"
                )));
            }
        };
        r.map_err(|e| self.format_error(e))
    }
}

impl Vm {
    /// The error for converting a NaN or an infinity to an int.
    pub fn float_to_int_error(&mut self, x: f64) -> Value {
        if x.is_nan() {
            self.value_error("cannot convert float NaN to integer")
        } else {
            self.new_exc("OverflowError", "cannot convert float infinity to integer")
        }
    }

    pub fn format_error(&mut self, e: crate::format::FormatError) -> Value {
        self.new_exc(e.class_name(), &e.message)
    }
}

pub fn ascii_of(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

/// CPython's frozenset hash (shuffle each element hash, xor, mix).
pub fn frozenset_hash(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let mut h: u64 = 0;
    for eh in hashes {
        let e = eh as u64;
        h ^= ((e ^ 89869747) ^ (e << 16)).wrapping_mul(3644798167);
    }
    h ^= ((len as u64).wrapping_add(1)).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    let r = h as i64;
    if r == -1 { 590923713 } else { r }
}
