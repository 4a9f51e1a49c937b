//! Running a `case` pattern (PEP 634) against a subject: the work of the
//! `MatchCase` op. Captures land in numbered slots; on a failed match
//! they are discarded.

use super::class::{Instance, payload_of};
use super::frame::Frame;
use super::function::Args;
use super::interp::Vm;
use super::types::TypeId;
use super::value::Value;
use crate::compiler::bytecode::{Code, MatchPat};
use std::rc::Rc;

/// Built-in classes whose single positional sub-pattern matches the
/// subject itself (`int(x)`, `str(s)`).
const SELF_MATCHING: &[TypeId] = &[
    TypeId::Bool,
    TypeId::Bytes,
    TypeId::Dict,
    TypeId::Float,
    TypeId::FrozenSet,
    TypeId::Int,
    TypeId::List,
    TypeId::Set,
    TypeId::Str,
    TypeId::Tuple,
];

impl Vm {
    /// `MatchCase(idx)`: pops the subject and the case's values, pushes the
    /// captures and True, or False.
    pub(crate) fn match_case(
        &mut self,
        frame: &mut Frame,
        code: &Code,
        idx: u32,
    ) -> Result<(), Value> {
        let Some(case) = code.patterns.get(idx as usize) else {
            frame.push(Value::Bool(false));
            return Ok(());
        };
        let n = (case.nvalues as usize).min(frame.regs.len());
        let values = frame.regs.split_off(frame.regs.len() - n);
        let subject = frame.pop();
        let mut caps = vec![Value::None; case.ncaptures as usize];
        let ok = self.match_pat(&case.pat, &subject, &values, &mut caps)?;
        if ok {
            frame.regs.extend(caps);
        }
        frame.push(Value::Bool(ok));
        Ok(())
    }

    fn match_pat(
        &mut self,
        p: &MatchPat,
        subject: &Value,
        values: &[Value],
        caps: &mut [Value],
    ) -> Result<bool, Value> {
        let value = |i: &u32| values.get(*i as usize).cloned().unwrap_or_default();
        Ok(match p {
            MatchPat::Wildcard => true,
            MatchPat::Capture(k) => {
                set(caps, *k, subject.clone());
                true
            }
            MatchPat::Value(i) => self.eq(subject, &value(i))?,
            MatchPat::Singleton(s) => matches!(
                (s, subject),
                (0, Value::None) | (1, Value::Bool(false)) | (2, Value::Bool(true))
            ),
            MatchPat::Seq { items, star } => {
                self.match_sequence(items, *star, subject, values, caps)?
            }
            MatchPat::Map {
                keys,
                values: pats,
                rest,
            } => {
                let keys: Vec<Value> = keys.iter().map(value).collect();
                self.match_mapping(&keys, pats, *rest, subject, values, caps)?
            }
            MatchPat::Class {
                cls,
                args,
                kw_names,
                kw,
            } => self.match_class(&value(cls), args, kw_names, kw, subject, values, caps)?,
            MatchPat::Or(alts) => {
                for a in alts {
                    if self.match_pat(a, subject, values, caps)? {
                        return Ok(true);
                    }
                }
                false
            }
            MatchPat::As(inner, k) => {
                if self.match_pat(inner, subject, values, caps)? {
                    set(caps, *k, subject.clone());
                    true
                } else {
                    false
                }
            }
        })
    }

    /// `isinstance(v, collections.abc.<name>)`, when that module is loaded
    /// (a class can only have registered with it after an import).
    fn abc_isinstance(&mut self, v: &Value, name: &str) -> Result<bool, Value> {
        let Some(Value::Module(m)) = self.modules.get("collections.abc").cloned() else {
            return Ok(false);
        };
        let Some(abc) = m.dict.borrow().get(name).cloned() else {
            return Ok(false);
        };
        let Some(isinstance) = self.builtins.borrow().get("isinstance").cloned() else {
            return Ok(false);
        };
        let r = self.call(&isinstance, Args::new([v.clone(), abc]))?;
        self.truthy(&r)
    }

    fn is_sequence(&mut self, v: &Value) -> Result<bool, Value> {
        let inner = payload_of(v).unwrap_or_else(|| v.clone());
        match inner {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => Ok(true),
            Value::Str(_) | Value::Bytes(_) | Value::Dict(_) | Value::Set(_) => Ok(false),
            Value::Instance(_) => self.abc_isinstance(v, "Sequence"),
            _ => Ok(false),
        }
    }

    fn match_sequence(
        &mut self,
        items: &[MatchPat],
        star: Option<(usize, Option<u32>)>,
        subject: &Value,
        values: &[Value],
        caps: &mut [Value],
    ) -> Result<bool, Value> {
        if !self.is_sequence(subject)? {
            return Ok(false);
        }
        let elems = self.collect(subject)?;
        match star {
            None => {
                if elems.len() != items.len() {
                    return Ok(false);
                }
                for (p, e) in items.iter().zip(&elems) {
                    if !self.match_pat(p, e, values, caps)? {
                        return Ok(false);
                    }
                }
            }
            Some((si, cap)) => {
                let fixed = items.len() - 1;
                if elems.len() < fixed {
                    return Ok(false);
                }
                let tail = fixed - si;
                for (p, e) in items[..si].iter().zip(&elems) {
                    if !self.match_pat(p, e, values, caps)? {
                        return Ok(false);
                    }
                }
                let rest_end = elems.len() - tail;
                for (p, e) in items[si + 1..].iter().zip(&elems[rest_end..]) {
                    if !self.match_pat(p, e, values, caps)? {
                        return Ok(false);
                    }
                }
                if let Some(k) = cap {
                    set(caps, k, Value::list(elems[si..rest_end].to_vec()));
                }
            }
        }
        Ok(true)
    }

    fn match_mapping(
        &mut self,
        keys: &[Value],
        pats: &[MatchPat],
        rest: Option<u32>,
        subject: &Value,
        values: &[Value],
        caps: &mut [Value],
    ) -> Result<bool, Value> {
        let is_map = match payload_of(subject).unwrap_or_else(|| subject.clone()) {
            Value::Dict(_) => true,
            Value::Instance(_) => self.abc_isinstance(subject, "Mapping")?,
            _ => false,
        };
        if !is_map {
            return Ok(false);
        }
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    let r = self.repr(k)?;
                    let msg = format!("mapping pattern checks duplicate key ({r})");
                    return Err(self.value_error(&msg));
                }
            }
        }
        let get = self.getattr(subject, "get")?;
        let object = self.types.get(TypeId::Object).clone();
        let marker = Value::Instance(Rc::new(Instance::new(object)));
        for (k, p) in keys.iter().zip(pats) {
            let v = self.call(&get, Args::new([k.clone(), marker.clone()]))?;
            if v.is(&marker) || !self.match_pat(p, &v, values, caps)? {
                return Ok(false);
            }
        }
        if let Some(slot) = rest {
            let dict = self
                .builtins
                .borrow()
                .get("dict")
                .cloned()
                .unwrap_or_default();
            let copy = self.call(&dict, Args::new([subject.clone()]))?;
            for k in keys {
                self.delitem(&copy, k)?;
            }
            set(caps, slot, copy);
        }
        Ok(true)
    }

    #[allow(clippy::too_many_arguments)]
    fn match_class(
        &mut self,
        cls: &Value,
        args: &[MatchPat],
        kw_names: &[Rc<str>],
        kw: &[MatchPat],
        subject: &Value,
        values: &[Value],
        caps: &mut [Value],
    ) -> Result<bool, Value> {
        let Value::Class(c) = cls else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        let Some(isinstance) = self.builtins.borrow().get("isinstance").cloned() else {
            return Ok(false);
        };
        let r = self.call(&isinstance, Args::new([subject.clone(), cls.clone()]))?;
        if !self.truthy(&r)? {
            return Ok(false);
        }
        let mut attrs: Vec<Rc<str>> = Vec::new();
        if !args.is_empty() {
            let self_matching = c
                .mro()
                .iter()
                .any(|k| k.builtin.is_some_and(|t| SELF_MATCHING.contains(&t)))
                && c.lookup("__match_args__").is_none();
            if self_matching {
                if args.len() > 1 {
                    let msg = format!(
                        "{}() accepts 1 positional sub-pattern ({} given)",
                        c.name,
                        args.len()
                    );
                    return Err(self.type_error(&msg));
                }
                if !self.match_pat(&args[0], subject, values, caps)? {
                    return Ok(false);
                }
            } else {
                let match_args = match self.getattr(cls, "__match_args__") {
                    Ok(Value::Tuple(t)) => t.to_vec(),
                    Ok(other) => {
                        let tn = self.type_name(&other);
                        let msg = format!("{}.__match_args__ must be a tuple (got {tn})", c.name);
                        return Err(self.type_error(&msg));
                    }
                    Err(_) => Vec::new(),
                };
                if args.len() > match_args.len() {
                    let n = match_args.len();
                    let msg = format!(
                        "{}() accepts {n} positional sub-pattern{} ({} given)",
                        c.name,
                        if n == 1 { "" } else { "s" },
                        args.len()
                    );
                    return Err(self.type_error(&msg));
                }
                for name in &match_args[..args.len()] {
                    match name {
                        Value::Str(s) => attrs.push(Rc::from(s.as_str())),
                        other => {
                            let tn = self.type_name(other);
                            let msg = format!("__match_args__ elements must be strings (got {tn})");
                            return Err(self.type_error(&msg));
                        }
                    }
                }
            }
        }
        for k in kw_names {
            if attrs.contains(k) {
                let msg = format!("{}() got multiple sub-patterns for attribute '{k}'", c.name);
                return Err(self.type_error(&msg));
            }
        }
        let positional = attrs.iter().zip(args);
        let keywords = kw_names.iter().zip(kw);
        for (name, p) in positional.chain(keywords) {
            let v = match self.getattr(subject, name) {
                Ok(v) => v,
                Err(e) if self.exc_matches_name(&e, "AttributeError") => return Ok(false),
                Err(e) => return Err(e),
            };
            if !self.match_pat(p, &v, values, caps)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

fn set(caps: &mut [Value], k: u32, v: Value) {
    if let Some(slot) = caps.get_mut(k as usize) {
        *slot = v;
    }
}
