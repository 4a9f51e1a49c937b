//! Attribute access: instance dicts, class MRO lookup, descriptors
//! (functions bind, property, staticmethod, classmethod, user `__get__`),
//! `__getattr__`, and the special attributes of built-in objects.

use super::class::{Class, Instance};
use super::function::{Args, BoundMethod, BuiltinKind, PyResult};
use super::interp::Vm;
use super::types::TypeId;
use super::value::Value;
use std::cell::Cell;
use std::rc::Rc;

/// What `Vm::load_attr` found.
pub enum Loaded {
    Value(Value),
    /// A property's getter, still to be called with the object.
    Getter(Value),
}

/// A method of a user-defined descriptor's class (`__get__`, `__set__`,
/// `__delete__`), when it is a Python function.
fn user_descriptor_method(i: &Instance, name: &str) -> Option<Value> {
    match i.class.lookup(name) {
        Some(f @ Value::Function(_)) => Some(f),
        _ => None,
    }
}

/// Whether instances of `cls` may store `name` in their dict: always,
/// unless every user class along the MRO declares `__slots__` without
/// `__dict__` and none of them lists `name`.
fn slots_allow(cls: &Class, name: &str) -> bool {
    if cls.lookup_static("__slots__").is_none() {
        return true;
    }
    let own = |c: &Class| c.dict.borrow().get("__slots__").cloned();
    let mut classes = vec![own(cls)];
    for c in &cls.mro_tail {
        match c.builtin {
            None => classes.push(own(c)),
            Some(TypeId::Object) => {}
            Some(_) => return true,
        }
    }
    classes.iter().any(|slots| {
        let names: Vec<&str> = match slots {
            None => return true,
            Some(Value::Str(s)) => vec![s.as_str()],
            Some(Value::Tuple(t)) => t.iter().filter_map(Value::as_str).collect(),
            Some(Value::List(l)) => {
                return l
                    .borrow()
                    .iter()
                    .any(|v| matches!(v.as_str(), Some(n) if n == name || n == "__dict__"));
            }
            Some(_) => return true,
        };
        names.iter().any(|n| *n == name || *n == "__dict__")
    })
}

/// Whether instances of `cls` are properties: `property` itself or a
/// subclass of it (whose methods may add to or override property's).
pub fn is_property_class(cls: &Class) -> bool {
    cls.builtin == Some(TypeId::Property)
        || cls
            .mro_tail
            .iter()
            .any(|c| c.builtin == Some(TypeId::Property))
}

/// The built-in type an instance's class derives from, counting a
/// subclass of property as a property.
fn builtin_kind(i: &Instance) -> Option<TypeId> {
    if is_property_class(&i.class) {
        return Some(TypeId::Property);
    }
    i.class.builtin
}

/// Properties and user descriptors with `__set__` or `__delete__` take
/// precedence over the instance dict.
fn is_data_descriptor(attr: &Value) -> bool {
    match attr {
        Value::Instance(i) => match builtin_kind(i) {
            Some(TypeId::Property) => true,
            None => {
                user_descriptor_method(i, "__get__").is_some()
                    && (user_descriptor_method(i, "__set__").is_some()
                        || user_descriptor_method(i, "__delete__").is_some())
            }
            _ => false,
        },
        _ => false,
    }
}

impl Vm {
    pub fn type_name(&self, v: &Value) -> String {
        self.types.class_of(v).name.to_string()
    }

    fn attr_error(&mut self, obj: &Value, name: &str) -> Value {
        let msg = match obj {
            Value::Class(c) => format!("type object '{}' has no attribute '{name}'", c.name),
            Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let e = self.new_exc("AttributeError", &msg);
        // dir(obj), sorted, without underscored names unless asked for one.
        let mut candidates: Vec<String> = Vec::new();
        match obj {
            Value::Module(m) => candidates.extend(m.dict.borrow().keys().map(|k| k.to_string())),
            Value::Class(c) => {
                for k in c.mro() {
                    candidates.extend(k.dict.borrow().keys().map(|k| k.to_string()));
                }
            }
            _ => {
                if let Value::Instance(i) = obj {
                    candidates.extend(i.dict.borrow().keys().map(|k| k.to_string()));
                }
                for k in self.types.class_of(obj).mro() {
                    candidates.extend(k.dict.borrow().keys().map(|k| k.to_string()));
                }
            }
        }
        candidates.sort();
        candidates.dedup();
        if !name.starts_with('_') {
            candidates.retain(|c| !c.starts_with('_'));
        }
        let suggestion = super::suggest::suggest(name, candidates.iter().map(|s| s.as_str()));
        if let Value::Instance(i) = &e {
            i.dict.borrow_mut().insert("name".into(), Value::str(name));
            i.dict.borrow_mut().insert("obj".into(), obj.clone());
            if let Some(s) = suggestion {
                i.dict
                    .borrow_mut()
                    .insert("__suggestion__".into(), Value::str(s));
            }
        }
        e
    }

    fn is_builtin_instance(v: &Value, id: TypeId) -> bool {
        match v {
            Value::Instance(i) => i.class.builtin == Some(id),
            _ => false,
        }
    }

    /// Binds a class attribute found by lookup to `obj`.
    fn bind(&mut self, attr: Value, obj: &Value, cls: &Rc<Class>) -> PyResult {
        match &attr {
            Value::Function(_) => Ok(Value::Method(Rc::new(BoundMethod {
                receiver: obj.clone(),
                func: attr,
            }))),
            Value::Builtin(b) => match b.kind {
                BuiltinKind::Method => Ok(Value::Method(Rc::new(BoundMethod {
                    receiver: obj.clone(),
                    func: attr.clone(),
                }))),
                BuiltinKind::ClassMethod => Ok(Value::Method(Rc::new(BoundMethod {
                    receiver: Value::Class(cls.clone()),
                    func: attr.clone(),
                }))),
                _ => Ok(attr.clone()),
            },
            // A subclass of property with a `__get__` of its own.
            Value::Instance(i)
                if i.class.builtin.is_none()
                    && is_property_class(&i.class)
                    && user_descriptor_method(i, "__get__").is_some() =>
            {
                let get = user_descriptor_method(i, "__get__").unwrap_or(Value::None);
                let owner = Value::Class(cls.clone());
                self.call(&get, Args::new([attr.clone(), obj.clone(), owner]))
            }
            Value::Instance(i) => match builtin_kind(i) {
                Some(TypeId::Property) => {
                    let fget = i.dict.borrow().get("fget").cloned().unwrap_or(Value::None);
                    if fget.is_none() {
                        return Err(self.new_exc("AttributeError", "property has no getter"));
                    }
                    self.call(&fget, Args::new([obj.clone()]))
                }
                Some(TypeId::StaticMethod) => Ok(i
                    .dict
                    .borrow()
                    .get("__func__")
                    .cloned()
                    .unwrap_or(Value::None)),
                Some(TypeId::ClassMethod) => {
                    let f = i
                        .dict
                        .borrow()
                        .get("__func__")
                        .cloned()
                        .unwrap_or(Value::None);
                    Ok(Value::Method(Rc::new(BoundMethod {
                        receiver: Value::Class(cls.clone()),
                        func: f,
                    })))
                }
                _ => {
                    if let Some(get) = i.class.lookup_static("__get__")
                        && matches!(get, Value::Function(_))
                    {
                        return self.call(
                            &get,
                            Args::new([attr.clone(), obj.clone(), Value::Class(cls.clone())]),
                        );
                    }
                    Ok(attr)
                }
            },
            _ => Ok(attr),
        }
    }

    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult {
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => {
                if let Some(v) = m.dict.borrow().get(name) {
                    return Ok(v.clone());
                }
                if name == "__name__" {
                    return Ok(Value::str(&*m.name));
                }
                if name == "__dict__" {
                    self.load_all_lazy(&m.dict)?;
                    let d = self.attrs_to_dict(&m.dict.borrow());
                    return Ok(d);
                }
                if let Some(v) = crate::modules::asyncio::lazy_attr(self, m, name)? {
                    return Ok(v);
                }
                if &*m.name == "builtins"
                    && let Some(v) = self.lazy_builtin(name)?
                {
                    return Ok(v);
                }
                // A module-level `__getattr__` (PEP 562) answers the rest.
                let hook = m.dict.borrow().get("__getattr__").cloned();
                if let Some(f) = hook {
                    return self.call(&f, Args::new([Value::str(name)]));
                }
                Err(self.attr_error(obj, name))
            }
            _ => {
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(v);
                }
                let cls = self.types.class_of(obj);
                if let Value::Native(n) = obj
                    && let Some(d) = &*n.dict.borrow()
                    && let Some(v) = d.get(name)
                {
                    return Ok(v.clone());
                }
                if let Value::Function(f) = obj
                    && let Some(d) = &*f.attrs.borrow()
                    && let Some(v) = d.get(name)
                {
                    return Ok(v.clone());
                }
                match cls.lookup(name) {
                    Some(attr) => self.bind(attr, obj, &cls),
                    // A bound method passes other reads to its function.
                    None => match obj {
                        Value::Method(m) => {
                            let f = m.func.clone();
                            self.getattr(&f, name)
                                .map_err(|_| self.attr_error(obj, name))
                        }
                        _ => Err(self.attr_error(obj, name)),
                    },
                }
            }
        }
    }

    fn instance_getattr(&mut self, obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult {
        let cls = inst.class.clone();
        if cls.builtin == Some(TypeId::Super) {
            return self.super_getattr(inst, name);
        }
        let r = match cls.lookup_static("__getattribute__") {
            Some(ga @ Value::Function(_)) => {
                self.call(&ga, Args::new([obj.clone(), Value::str(name)]))
            }
            _ => self.generic_getattr(obj, inst, name),
        };
        match r {
            Err(e) if self.exc_matches_name(&e, "AttributeError") => {
                match cls.lookup_static("__getattr__") {
                    Some(ga @ Value::Function(_)) => {
                        self.call(&ga, Args::new([obj.clone(), Value::str(name)]))
                    }
                    _ => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__`: data descriptors on the class, then the
    /// instance dict, then other class attributes (bound).
    pub fn generic_getattr(&mut self, obj: &Value, inst: &Rc<Instance>, name: &str) -> PyResult {
        let cls = inst.class.clone();
        let attr = cls.lookup(name);
        if let Some(a) = &attr
            && is_data_descriptor(a)
        {
            return self.bind(a.clone(), obj, &cls);
        }
        if let Some(v) = inst.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(a) = attr {
            return self.bind(a, obj, &cls);
        }
        if let Some(v) = self.exception_attr(inst, name) {
            return Ok(v);
        }
        // A subclass of a built-in descriptor type (property) keeps the
        // descriptor's fields (`fget`, …) in the value it wraps.
        if let Value::Instance(p) = &*inst.payload.borrow()
            && let Some(v) = p.dict.borrow().get(name)
        {
            return Ok(v.clone());
        }
        match name {
            "__class__" => return Ok(Value::Class(cls.clone())),
            // Instances of classes whose `__slots__` leave it out have none.
            "__dict__" if slots_allow(&cls, "__dict__") => {
                // Values of slots live beside the dict, not in it.
                let mut slots = Vec::new();
                for c in std::iter::once(&cls).chain(cls.mro_tail.iter()) {
                    slots.extend(super::classdef::declared_slots(
                        c.dict.borrow().get("__slots__"),
                    ));
                }
                let mut attrs = inst.dict.borrow().clone();
                for s in &slots {
                    attrs.shift_remove(s.as_str());
                }
                let d = self.attrs_to_dict(&attrs);
                return Ok(d);
            }
            _ => {}
        }
        Err(self.attr_error(obj, name))
    }

    fn exception_attr(&mut self, inst: &Instance, name: &str) -> Option<Value> {
        let data = inst.exc.as_ref()?;
        let d = data.borrow();
        Some(match name {
            "args" => Value::tuple(d.args.clone()),
            "__cause__" => d.cause.clone(),
            "__context__" => d.context.clone(),
            "__suppress_context__" => Value::Bool(d.suppress_context),
            "__traceback__" => {
                if d.traceback.is_empty() && !d.raised {
                    Value::None
                } else {
                    Value::str("<traceback>")
                }
            }
            "__notes__" => {
                if d.notes.is_empty() {
                    return None;
                }
                Value::list(d.notes.clone())
            }
            "exceptions" => match &d.group {
                Some((_, m)) => Value::tuple(m.clone()),
                None => return None,
            },
            "message" => match &d.group {
                Some((msg, _)) => msg.clone(),
                None => return None,
            },
            "value" if self.exc_matches_name_class(&inst.class, "StopIteration") => {
                d.args.first().cloned().unwrap_or(Value::None)
            }
            "code" if self.exc_matches_name_class(&inst.class, "SystemExit") => {
                match d.args.len() {
                    0 => Value::None,
                    1 => d.args[0].clone(),
                    _ => Value::tuple(d.args.clone()),
                }
            }
            "errno" if self.exc_matches_name_class(&inst.class, "OSError") => {
                if d.args.len() >= 2 {
                    d.args[0].clone()
                } else {
                    Value::None
                }
            }
            "filename" if self.exc_matches_name_class(&inst.class, "OSError") => {
                if d.args.len() >= 3 {
                    d.args[2].clone()
                } else {
                    Value::None
                }
            }
            "strerror" if self.exc_matches_name_class(&inst.class, "OSError") => {
                if d.args.len() >= 2 {
                    d.args[1].clone()
                } else {
                    Value::None
                }
            }
            _ => return None,
        })
    }

    pub fn exc_matches_name_class(&self, c: &Rc<Class>, name: &str) -> bool {
        match self.types.exceptions.get(name) {
            Some(e) => c.is_subclass(e),
            None => false,
        }
    }

    fn class_getattr(&mut self, c: &Rc<Class>, name: &str) -> PyResult {
        match name {
            "__name__" => return Ok(Value::str(&*c.name)),
            "__qualname__" => return Ok(Value::str(&*c.qualname)),
            "__module__" => {
                if let Some(v) = c.dict.borrow().get("__module__") {
                    return Ok(v.clone());
                }
                return Ok(Value::str(&*c.module));
            }
            "__bases__" => {
                return Ok(Value::tuple(
                    c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
                ));
            }
            "__base__" => {
                return Ok(c
                    .bases
                    .first()
                    .map(|b| Value::Class(b.clone()))
                    .unwrap_or(Value::None));
            }
            "__mro__" => {
                return Ok(Value::tuple(
                    c.mro().into_iter().map(Value::Class).collect(),
                ));
            }
            "__dict__" => {
                let d = self.attrs_to_dict(&c.dict.borrow());
                return Ok(d);
            }
            "__class__" => return Ok(Value::Class(self.types.class_of(&Value::Class(c.clone())))),
            _ => {}
        }
        // A data descriptor of the metaclass (a property, say) wins over the
        // class's own attributes, as in `type.__getattribute__`.
        if let Some(m) = &c.meta
            && let Some(Value::Instance(di)) = m.lookup(name)
        {
            let d = Value::Instance(di.clone());
            if is_property_class(&di.class) {
                return self.bind(d, &Value::Class(c.clone()), m);
            }
            if user_descriptor_method(&di, "__set__").is_some()
                && let Some(get) = user_descriptor_method(&di, "__get__")
            {
                let args = Args::new([d, Value::Class(c.clone()), Value::Class(m.clone())]);
                return self.call(&get, args);
            }
        }
        match c.lookup(name) {
            Some(attr) => match &attr {
                Value::Instance(i) => match i.class.builtin {
                    Some(TypeId::StaticMethod) => Ok(i
                        .dict
                        .borrow()
                        .get("__func__")
                        .cloned()
                        .unwrap_or(Value::None)),
                    Some(TypeId::ClassMethod) => {
                        let f = i
                            .dict
                            .borrow()
                            .get("__func__")
                            .cloned()
                            .unwrap_or(Value::None);
                        Ok(Value::Method(Rc::new(BoundMethod {
                            receiver: Value::Class(c.clone()),
                            func: f,
                        })))
                    }
                    None if user_descriptor_method(i, "__get__").is_some() => {
                        let get = user_descriptor_method(i, "__get__").unwrap_or_default();
                        self.call(
                            &get,
                            Args::new([attr.clone(), Value::None, Value::Class(c.clone())]),
                        )
                    }
                    _ => Ok(attr.clone()),
                },
                Value::Builtin(b) if b.kind == BuiltinKind::ClassMethod => {
                    Ok(Value::Method(Rc::new(BoundMethod {
                        receiver: Value::Class(c.clone()),
                        func: attr.clone(),
                    })))
                }
                _ => Ok(attr),
            },
            None => {
                if name == "__doc__" {
                    return Ok(Value::None);
                }
                // Attributes of the metaclass, bound to the class.
                if let Some(m) = c.meta.clone()
                    && let Some(attr) = m.lookup(name)
                {
                    if let Value::Instance(di) = &attr
                        && let Some(get) = user_descriptor_method(di, "__get__")
                    {
                        let args =
                            Args::new([attr.clone(), Value::Class(c.clone()), Value::Class(m)]);
                        return self.call(&get, args);
                    }
                    return self.bind(attr, &Value::Class(c.clone()), &m);
                }
                // Methods of `type` itself (e.g. `C.mro()`).
                let ty = self.types.get(TypeId::Type).clone();
                if let Some(attr) = ty.dict.borrow().get(name).cloned() {
                    return self.bind(attr, &Value::Class(c.clone()), &ty);
                }
                Err(self.attr_error(&Value::Class(c.clone()), name))
            }
        }
    }

    fn super_getattr(&mut self, inst: &Rc<Instance>, name: &str) -> PyResult {
        match self.super_find(inst, name) {
            Some((attr, obj, start_cls)) => {
                if let Value::Class(oc) = &obj
                    && oc.is_subclass(&start_cls)
                {
                    // super() in a classmethod: bind classmethods to the class.
                    if let Value::Instance(i) = &attr
                        && i.class.builtin == Some(TypeId::ClassMethod)
                    {
                        let f = i.dict.borrow().get("__func__").cloned().unwrap_or_default();
                        return Ok(Value::Method(Rc::new(BoundMethod {
                            receiver: obj,
                            func: f,
                        })));
                    }
                    if let Value::Builtin(b) = &attr
                        && b.kind == BuiltinKind::ClassMethod
                    {
                        return Ok(Value::Method(Rc::new(BoundMethod {
                            receiver: obj,
                            func: attr.clone(),
                        })));
                    }
                    return Ok(attr);
                }
                self.bind(attr, &obj, &start_cls)
            }
            None => {
                if let Some(v @ Value::Class(_)) = inst.dict.borrow().get(name)
                    && name == "__thisclass__"
                {
                    return Ok(v.clone());
                }
                if name == "__self__" {
                    return Ok(inst.dict.borrow().get(name).cloned().unwrap_or_default());
                }
                let msg = format!("'super' object has no attribute '{name}'");
                Err(self.new_exc("AttributeError", &msg))
            }
        }
    }

    /// What `super(this, obj).name` finds along `obj`'s MRO after `this`:
    /// the unbound attribute, `obj`, and the class the MRO started from.
    fn super_find(&self, inst: &Instance, name: &str) -> Option<(Value, Value, Rc<Class>)> {
        let (this, obj) = {
            let d = inst.dict.borrow();
            (
                d.get("__thisclass__").cloned().unwrap_or(Value::None),
                d.get("__self__").cloned().unwrap_or(Value::None),
            )
        };
        let Value::Class(this) = this else {
            return None;
        };
        // A class that is a subclass of `this` (super() in a classmethod)
        // searches its own MRO; anything else, a class under its metaclass
        // included, searches its type's.
        let start_cls = match &obj {
            Value::Class(c) if c.is_subclass(&this) => c.clone(),
            other => self.types.class_of(other),
        };
        let attr = start_cls.lookup_after(&this, name)?;
        Some((attr, obj, start_cls))
    }

    /// Attributes that built-in values expose without a class-dict entry.
    fn special_attr(&mut self, obj: &Value, name: &str) -> Result<Option<Value>, Value> {
        Ok(Some(match (obj, name) {
            (_, "__class__") => Value::Class(self.types.class_of(obj)),
            (Value::Function(f), "__name__") => Value::str(&**f.name.borrow()),
            (Value::Function(f), "__qualname__") => Value::str(&**f.qualname.borrow()),
            // An assigned `__module__` wins over the defining module's name.
            (Value::Function(f), "__module__") => {
                let assigned = f
                    .attrs
                    .borrow()
                    .as_ref()
                    .and_then(|a| a.get("__module__").cloned());
                match assigned {
                    Some(m) => m,
                    None => f
                        .globals
                        .borrow()
                        .get("__name__")
                        .cloned()
                        .unwrap_or(Value::None),
                }
            }
            (Value::Function(f), "__defaults__") => {
                if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }
            }
            (Value::Function(f), "__doc__") => f
                .attrs
                .borrow()
                .as_ref()
                .and_then(|a| a.get("__doc__").cloned())
                .or_else(|| f.code.doc.as_ref().map(|d| Value::str(&**d)))
                .unwrap_or(Value::None),
            (Value::Function(f), "__code__") => Value::Code(f.code.clone()),
            (Value::Function(f), "__kwdefaults__") => {
                if f.kwdefaults.is_empty() {
                    Value::None
                } else {
                    let mut d = super::dict::Dict::new();
                    for (k, v) in &f.kwdefaults {
                        d.insert(super::hash::str_hash(k), Value::str(&**k), v.clone());
                    }
                    Value::dict(d)
                }
            }
            (Value::Function(f), "__closure__") => {
                if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }
            }
            (Value::Cell(c), "cell_contents") => c.borrow().clone(),
            (Value::Function(f), "__dict__") => match &*f.attrs.borrow() {
                Some(a) => {
                    let mut a = a.clone();
                    for hidden in ["__annotations__", "__doc__", "__module__"] {
                        a.shift_remove(hidden);
                    }
                    self.attrs_to_dict(&a)
                }
                None => Value::dict(Default::default()),
            },
            (Value::Function(f), "__annotations__") => {
                // Made empty on first access and kept, as CPython does.
                let fresh = Value::dict(Default::default());
                f.attrs
                    .borrow_mut()
                    .get_or_insert_with(super::class::new_attrs)
                    .entry("__annotations__".into())
                    .or_insert(fresh)
                    .clone()
            }
            (Value::Code(c), "co_name") => Value::str(&*c.name),
            (Value::Code(c), "co_filename") => Value::str(&*c.filename),
            (Value::Code(c), "co_firstlineno") => Value::Int(c.first_line as i64),
            (Value::Code(c), "co_qualname") => Value::str(&*c.qualname),
            (Value::Code(c), "co_argcount") => Value::Int(c.argcount as i64),
            (Value::Code(c), "co_posonlyargcount") => Value::Int(c.posonlycount as i64),
            (Value::Code(c), "co_kwonlyargcount") => Value::Int(c.kwonlycount as i64),
            (Value::Code(c), "co_varnames") => {
                Value::tuple(c.varnames.iter().map(|n| Value::str(&**n)).collect())
            }
            // Calling `f.__call__` is calling `f` (its repr differs from CPython's
            // method-wrapper).
            (Value::Function(_) | Value::Builtin(_) | Value::Method(_), "__call__") => obj.clone(),
            (Value::Builtin(b), "__name__" | "__qualname__") => Value::str(&*b.name),
            (Value::Builtin(b), "__self__") => b.bound.clone().unwrap_or(Value::None),
            (Value::Method(m), "__self__") => m.receiver.clone(),
            (Value::Method(m), "__func__") => m.func.clone(),
            (Value::Method(m), "__name__" | "__qualname__" | "__doc__" | "__module__") => {
                let f = m.func.clone();
                return self.getattr(&f, name).map(Some);
            }
            (Value::Generator(g), "__name__") => Value::str(&*g.name),
            (Value::Generator(g), "__qualname__") => Value::str(&*g.qualname),
            (Value::Generator(g), "cr_code" | "gi_code" | "ag_code") => Value::Code(g.code.clone()),
            (Value::Generator(g), "gi_running" | "cr_running" | "ag_running") => {
                Value::Bool(g.is_running())
            }
            (Value::Generator(g), "gi_frame" | "cr_frame" | "ag_frame") => {
                if g.is_finished() {
                    Value::None
                } else {
                    Value::str("<frame>")
                }
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
                match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => obj.clone(),
                }
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Value::Int(1),
            (Value::Float(_), "real") => obj.clone(),
            (Value::Float(_), "imag") => Value::Float(0.0),
            (Value::Slice(s), "start") => s[0].clone(),
            (Value::Slice(s), "stop") => s[1].clone(),
            (Value::Slice(s), "step") => s[2].clone(),
            (Value::Range(r), "start") => r.start(),
            (Value::Range(r), "stop") => r.stop(),
            (Value::Range(r), "step") => r.step(),
            _ => return Ok(None),
        }))
    }

    pub fn attrs_to_dict(&mut self, attrs: &super::class::AttrMap) -> Value {
        let mut d = super::dict::Dict::new();
        for (k, v) in attrs.iter() {
            let key = Value::str(&**k);
            let h = super::hash::str_hash(k);
            d.insert(h, key, v.clone());
        }
        Value::dict(d)
    }

    /// `obj.name = v` from bytecode, where `name` is the code's interned
    /// name: a plain instance attribute is stored without re-allocating the
    /// key, anything else goes through `setattr`.
    pub fn store_attr(
        &mut self,
        obj: &Value,
        name: &Rc<str>,
        hint: &Cell<u32>,
        v: Value,
    ) -> Result<(), Value> {
        if let Value::Instance(inst) = obj
            && inst.class.builtin.is_none()
            && inst.exc.is_none()
            && inst.class.plain_attrs()
            && !matches!(inst.class.lookup(name), Some(Value::Instance(_)))
        {
            let mut d = inst.dict.borrow_mut();
            let at = match d.get_index(hint.get() as usize) {
                Some((k, _)) if Rc::ptr_eq(k, name) => Some(hint.get() as usize),
                _ => d.get_index_of(&**name),
            };
            let old = match at.and_then(|i| d.get_index_mut(i)) {
                Some((_, slot)) => std::mem::replace(slot, v),
                None => {
                    let (i, _) = d.insert_full(name.clone(), v);
                    hint.set(i as u32);
                    Value::Unbound
                }
            };
            // The old value may own a generator whose finalizer looks at
            // this very dict: drop it after the borrow ends.
            drop(d);
            drop(old);
            return Ok(());
        }
        self.setattr(obj, name, v)
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> Result<(), Value> {
        match obj {
            Value::Instance(inst) if inst.class.builtin == Some(TypeId::Object) => {
                let msg = format!(
                    "'object' object has no attribute '{name}' and no __dict__ for setting new attributes"
                );
                Err(self.new_exc("AttributeError", &msg))
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if let Some(sa @ Value::Function(_)) = cls.lookup_static("__setattr__") {
                    self.call(&sa, Args::new([obj.clone(), Value::str(name), v]))?;
                    return Ok(());
                }
                self.generic_setattr(obj, inst, name, v)
            }
            Value::Class(c) => {
                if let Some(m) = &c.meta {
                    if let Some(sa @ Value::Function(_)) = m.lookup_static("__setattr__") {
                        self.call(&sa, Args::new([obj.clone(), Value::str(name), v]))?;
                        return Ok(());
                    }
                    if let Some(Value::Instance(d)) = m.lookup(name) {
                        if is_property_class(&d.class) {
                            let fset = d.dict.borrow().get("fset").cloned().unwrap_or_default();
                            if fset.is_none() {
                                let msg = format!(
                                    "property '{name}' of '{}' object has no setter",
                                    m.name
                                );
                                return Err(self.new_exc("AttributeError", &msg));
                            }
                            self.call(&fset, Args::new([obj.clone(), v]))?;
                            return Ok(());
                        }
                        if let Some(set) = user_descriptor_method(&d, "__set__") {
                            self.call(&set, Args::new([Value::Instance(d), obj.clone(), v]))?;
                            return Ok(());
                        }
                    }
                }
                c.set_attr(name.into(), v);
                Ok(())
            }
            Value::Module(m) => {
                m.dict.borrow_mut().insert(name.into(), v);
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" => {
                        if let Some(s) = v.as_str() {
                            *f.name.borrow_mut() = s.into();
                        }
                    }
                    "__qualname__" => {
                        if let Some(s) = v.as_str() {
                            *f.qualname.borrow_mut() = s.into();
                        }
                    }
                    _ => {
                        f.attrs
                            .borrow_mut()
                            .get_or_insert_with(super::class::new_attrs)
                            .insert(name.into(), v);
                    }
                }
                Ok(())
            }
            Value::Native(n) => {
                n.dict
                    .borrow_mut()
                    .get_or_insert_with(super::class::new_attrs)
                    .insert(name.into(), v);
                Ok(())
            }
            _ => {
                let tn = self.type_name(obj);
                let has = self.types.class_of(obj).lookup(name).is_some();
                let special = matches!(
                    (obj, name),
                    (
                        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_),
                        "real" | "imag"
                    ) | (
                        Value::Int(_) | Value::BigInt(_) | Value::Bool(_),
                        "numerator" | "denominator"
                    )
                );
                let msg = if special {
                    format!("attribute '{name}' of '{tn}' objects is not writable")
                } else if has {
                    format!("'{tn}' object attribute '{name}' is read-only")
                } else {
                    format!(
                        "'{tn}' object has no attribute '{name}' and no __dict__ for setting new attributes"
                    )
                };
                Err(self.new_exc("AttributeError", &msg))
            }
        }
    }

    /// `object.__setattr__`: a data descriptor on the class, else the
    /// instance dict (refused for names outside `__slots__`).
    pub fn generic_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
        v: Value,
    ) -> Result<(), Value> {
        let cls = inst.class.clone();
        if let Some(Value::Instance(p)) = cls.lookup(name) {
            if is_property_class(&p.class) {
                let fset = p.dict.borrow().get("fset").cloned().unwrap_or(Value::None);
                if fset.is_none() {
                    let msg = format!("property '{name}' of '{}' object has no setter", cls.name);
                    return Err(self.new_exc("AttributeError", &msg));
                }
                self.call(&fset, Args::new([obj.clone(), v]))?;
                return Ok(());
            }
            if p.class.builtin.is_none()
                && let Some(set) = user_descriptor_method(&p, "__set__")
            {
                self.call(
                    &set,
                    Args::new([Value::Instance(p.clone()), obj.clone(), v]),
                )?;
                return Ok(());
            }
        }
        if inst.exc.is_none() && !slots_allow(&cls, name) {
            let msg = format!(
                "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
                cls.name
            );
            return Err(self.new_exc("AttributeError", &msg));
        }
        if let Some(data) = &inst.exc {
            let mut d = data.borrow_mut();
            match name {
                "__cause__" => {
                    d.cause = v;
                    d.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    d.context = v;
                    return Ok(());
                }
                "__suppress_context__" => {
                    d.suppress_context = matches!(v, Value::Bool(true));
                    return Ok(());
                }
                "args" => {
                    drop(d);
                    let items = self.collect(&v)?;
                    if let Some(data) = &inst.exc {
                        data.borrow_mut().args = items;
                    }
                    return Ok(());
                }
                "__traceback__" => return Ok(()),
                _ => {}
            }
        }
        inst.dict.borrow_mut().insert(name.into(), v);
        Ok(())
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> Result<(), Value> {
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(da @ Value::Function(_)) = inst.class.lookup_static("__delattr__") {
                    self.call(&da, Args::new([obj.clone(), Value::str(name)]))?;
                    return Ok(());
                }
                return self.generic_delattr(obj, inst, name);
            }
            Value::Class(c) => {
                if let Some(m) = &c.meta
                    && let Some(da @ Value::Function(_)) = m.lookup_static("__delattr__")
                {
                    self.call(&da, Args::new([obj.clone(), Value::str(name)]))?;
                    return Ok(());
                }
                super::class::bump_class_epoch();
                c.dict.borrow_mut().shift_remove(name).is_some()
            }
            Value::Module(m) => m.dict.borrow_mut().shift_remove(name).is_some(),
            Value::Function(f) => f
                .attrs
                .borrow_mut()
                .as_mut()
                .map(|a| a.shift_remove(name).is_some())
                .unwrap_or(false),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.attr_error(obj, name))
        }
    }

    /// `object.__delattr__`: a data descriptor's deleter, else the dict entry.
    pub fn generic_delattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &str,
    ) -> Result<(), Value> {
        let cls = inst.class.clone();
        if let Some(Value::Instance(p)) = cls.lookup(name) {
            if is_property_class(&p.class) {
                let fdel = p.dict.borrow().get("fdel").cloned().unwrap_or(Value::None);
                if fdel.is_none() {
                    let msg = format!("property '{name}' of '{}' object has no deleter", cls.name);
                    return Err(self.new_exc("AttributeError", &msg));
                }
                self.call(&fdel, Args::new([obj.clone()]))?;
                return Ok(());
            }
            if p.class.builtin.is_none()
                && let Some(del) = user_descriptor_method(&p, "__delete__")
            {
                self.call(&del, Args::new([Value::Instance(p.clone()), obj.clone()]))?;
                return Ok(());
            }
        }
        if inst.dict.borrow_mut().shift_remove(name).is_some() {
            return Ok(());
        }
        Err(self.attr_error(obj, name))
    }

    /// For `obj.name(...)`: `(function, obj)` when the call can skip making a
    /// bound method, else `(attribute, Unbound)`.
    pub fn load_method(&mut self, obj: Value, name: &str) -> Result<(Value, Value), Value> {
        match &obj {
            Value::Instance(inst) => {
                if inst.class.builtin == Some(TypeId::Super) {
                    // `super().method(...)`: call the function with `obj`
                    // as its first argument, with no bound method between.
                    if let Some((f @ Value::Function(_), receiver, _)) = self.super_find(inst, name)
                        && !matches!(receiver, Value::Class(_))
                    {
                        return Ok((f, receiver));
                    }
                } else if let Some(f @ Value::Function(_)) = inst.class.lookup(name)
                    && inst.class.plain_attrs()
                    && !inst.dict.borrow().contains_key(name)
                {
                    return Ok((f, obj));
                }
            }
            Value::Class(_) | Value::Module(_) => {}
            _ => {
                let cls = self.types.class_of(&obj);
                if let Some(attr) = cls.lookup(name) {
                    match &attr {
                        Value::Builtin(b) if b.kind == BuiltinKind::Method => {
                            return Ok((attr, obj));
                        }
                        Value::Function(_) => return Ok((attr, obj)),
                        _ => {}
                    }
                }
            }
        }
        let v = self.getattr(&obj, name)?;
        Ok((v, Value::Unbound))
    }

    /// `obj.name` from bytecode (`name` interned, `hint` its per-code
    /// dict-index cache). A property with a plain-function getter comes
    /// back as `Loaded::Getter`, for the dispatch loop to run as a frame.
    #[inline]
    pub fn load_attr(
        &mut self,
        obj: &Value,
        name: &Rc<str>,
        hint: &Cell<u32>,
    ) -> Result<Loaded, Value> {
        if let Value::Instance(inst) = obj
            && inst.class.builtin.is_none()
            && inst.class.plain_attrs()
        {
            match inst.class.lookup(name) {
                // Nothing on the class, or a method the instance may shadow.
                None | Some(Value::Function(_)) => {
                    let d = inst.dict.borrow();
                    if let Some((k, v)) = d.get_index(hint.get() as usize)
                        && Rc::ptr_eq(k, name)
                    {
                        return Ok(Loaded::Value(v.clone()));
                    }
                    if let Some((i, _, v)) = d.get_full(&**name) {
                        hint.set(i as u32);
                        return Ok(Loaded::Value(v.clone()));
                    }
                }
                Some(Value::Instance(p)) if is_property_class(&p.class) => {
                    if let Some(f @ Value::Function(_)) = p.dict.borrow().get("fget") {
                        return Ok(Loaded::Getter(f.clone()));
                    }
                }
                _ => {}
            }
        }
        self.getattr(obj, name).map(Loaded::Value)
    }

    pub fn hasattr(&mut self, obj: &Value, name: &str) -> Result<bool, Value> {
        match self.getattr(obj, name) {
            Ok(_) => Ok(true),
            Err(e) if self.exc_matches_name(&e, "AttributeError") => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub fn is_instance_of(&self, v: &Value, id: TypeId) -> bool {
        Self::is_builtin_instance(v, id)
    }
}
