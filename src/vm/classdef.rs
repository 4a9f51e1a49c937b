//! Making a class object from its name, bases and namespace: shared by
//! `class` statements and the three-argument `type(name, bases, dict)`.

use super::class::{AttrMap, Class, Layout};
use super::function::{Args, PyResult};
use super::interp::Vm;
use super::types::TypeId;
use super::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// The class `name` over `bases` (not empty) with namespace `dict`;
    /// `cell` is the body's `__class__` cell, filled in here. Runs the
    /// bases' `__init_subclass__` with the class keywords `kw`.
    pub fn new_class(
        &mut self,
        name: &str,
        base_classes: Vec<Rc<Class>>,
        dict: AttrMap,
        kw: Vec<(Rc<str>, Value)>,
        cell: Option<Value>,
        meta: Option<Rc<Class>>,
    ) -> PyResult {
        let meta = self.winning_metaclass(meta, &base_classes)?;
        let Some(mro_tail) = super::class::c3_mro(&base_classes) else {
            let msg = super::class::mro_error(&base_classes);
            return Err(self.type_error(&msg));
        };
        let layout = if base_classes.iter().any(|b| b.layout == Layout::Exception) {
            Layout::Exception
        } else if base_classes
            .iter()
            .any(|b| b.layout == Layout::Builtin && b.builtin != Some(TypeId::Object))
        {
            Layout::Builtin
        } else {
            Layout::Object
        };
        // Defining `__eq__` without `__hash__` makes instances unhashable,
        // recorded in the class dict as CPython's type_new does.
        let mut dict = dict;
        if dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
            dict.insert("__hash__".into(), Value::None);
        }
        // Both are class methods even when written as plain functions, as
        // type_new makes them (so `super().__init_subclass__()` binds).
        for implicit in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = dict.get(implicit).cloned() {
                let cm = super::class::Instance::new(self.types.get(TypeId::ClassMethod).clone());
                {
                    let mut d = cm.dict.borrow_mut();
                    d.insert("__func__".into(), f.clone());
                    d.insert("__wrapped__".into(), f);
                }
                dict.insert(implicit.into(), Value::Instance(Rc::new(cm)));
            }
        }
        for slot in declared_slots(dict.get("__slots__")) {
            if slot != "__dict__" && dict.contains_key(slot.as_str()) {
                let msg = format!("'{slot}' in __slots__ conflicts with class variable");
                return Err(self.value_error(&msg));
            }
        }
        let qualname: Rc<str> = dict
            .get("__qualname__")
            .and_then(|v| v.as_str().map(Rc::from))
            .unwrap_or_else(|| Rc::from(name));
        let module: Rc<str> = dict
            .get("__module__")
            .and_then(|v| v.as_str().map(Rc::from))
            .unwrap_or_else(|| Rc::from("__main__"));
        let cls = Rc::new(Class {
            name: name.into(),
            qualname,
            module,
            bases: base_classes,
            mro_tail,
            dict: RefCell::new(dict),
            layout,
            builtin: None,
            meta,
            cache: Default::default(),
        });
        if let Some(Value::Cell(c)) = cell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
        self.call_set_names(&cls)?;
        // __init_subclass__ hooks on user bases.
        if let Some(hook) = cls
            .mro_tail
            .iter()
            .find_map(|b| b.dict.borrow().get("__init_subclass__").cloned())
        {
            let f = match &hook {
                Value::Instance(i) => i.dict.borrow().get("__func__").cloned().unwrap_or_default(),
                other => other.clone(),
            };
            if matches!(f, Value::Function(_)) {
                let mut args = Args::new([Value::Class(cls.clone())]);
                args.kw = kw;
                self.call(&f, args)?;
                return Ok(Value::Class(cls));
            }
        }
        if !kw.is_empty() {
            let msg = format!(
                "{}.__init_subclass__() takes no keyword arguments",
                cls.qualname
            );
            return Err(self.type_error(&msg));
        }
        Ok(Value::Class(cls))
    }

    /// The metaclass of a class over `bases`: the most derived of the
    /// explicit one and the bases' metaclasses (`None` for `type`), or
    /// CPython's "metaclass conflict" error.
    pub fn winning_metaclass(
        &mut self,
        explicit: Option<Rc<Class>>,
        bases: &[Rc<Class>],
    ) -> Result<Option<Rc<Class>>, Value> {
        let mut winner = explicit;
        for b in bases {
            let Some(m) = &b.meta else { continue };
            match &winner {
                None => winner = Some(m.clone()),
                Some(w) if w.is_subclass(m) => {}
                Some(w) if m.is_subclass(w) => winner = Some(m.clone()),
                Some(_) => {
                    return Err(self.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a \
                         (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
            }
        }
        Ok(winner)
    }

    /// Calls `__set_name__(cls, name)` on every attribute of the new class
    /// whose type defines it, in namespace order, as `type.__new__` does.
    fn call_set_names(&mut self, cls: &Rc<Class>) -> Result<(), Value> {
        let items: Vec<(Rc<str>, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, v) in items {
            let vcls = self.types.class_of(&v);
            if let Some(f @ Value::Function(_)) = vcls.lookup_static("__set_name__") {
                let args = Args::new([v.clone(), Value::Class(cls.clone()), Value::str(&*name)]);
                if let Err(e) = self.call(&f, args) {
                    let note = format!(
                        "Error calling __set_name__ on '{}' instance '{}' in '{}'",
                        vcls.name, name, cls.name
                    );
                    if let Value::Instance(i) = &e
                        && let Some(d) = &i.exc
                    {
                        d.borrow_mut().notes.push(Value::str(note.as_str()));
                    }
                    return Err(e);
                }
            }
        }
        Ok(())
    }
}

/// The names a class body's `__slots__` value declares (a string or an
/// iterable of strings; other values declare nothing here).
pub fn declared_slots(slots: Option<&Value>) -> Vec<String> {
    let names = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    match slots {
        Some(Value::Str(s)) => vec![s.as_str().to_string()],
        Some(Value::Tuple(t)) => names(t),
        Some(Value::List(l)) => names(&l.borrow()),
        _ => Vec::new(),
    }
}
