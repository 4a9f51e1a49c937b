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
    ) -> PyResult {
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
            cache: Default::default(),
        });
        if let Some(Value::Cell(c)) = cell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
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
                cls.name
            );
            return Err(self.type_error(&msg));
        }
        Ok(Value::Class(cls))
    }
}
