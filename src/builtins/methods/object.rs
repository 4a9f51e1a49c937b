//! `object` methods: the defaults every class inherits, reachable from
//! `super().__init__()`, `object.__repr__(x)` and friends.

use super::register;
use crate::vm::class::Layout;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("__init__", init),
        ("__repr__", repr),
        ("__str__", str),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__hash__", hash),
        ("__setattr__", setattr),
        ("__delattr__", delattr),
        ("__getattribute__", getattribute),
    ];
    register(vm, TypeId::Object, table);
    let cls = vm.types.get(TypeId::Object).clone();
    cls.set_attr(
        "__init_subclass__".into(),
        crate::builtins::native("__init_subclass__", init_subclass, BuiltinKind::ClassMethod),
    );
}

fn receiver(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    match args.pos.first() {
        Some(v) => Ok(v.clone()),
        None => Err(vm.type_error(&format!("unbound method object.{name}() needs an argument"))),
    }
}

/// `object.__init__`: extra arguments are an error unless the class
/// overrides `__new__` (and not `__init__`), as in CPython.
fn init(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__init__")?;
    if args.len() == 1 && args.kw.is_empty() {
        return Ok(Value::None);
    }
    let cls = vm.types.class_of(&me);
    // Built-in values (a dict subclass calling super().__init__(...)) were
    // fully made by their constructor.
    if cls.layout == Layout::Builtin && !matches!(me, Value::Instance(_)) {
        return Ok(Value::None);
    }
    let init_overridden = !matches!(cls.lookup_static("__init__"), Some(Value::Builtin(b)) if b.func as usize == init as NativeFn as usize);
    let new_overridden = matches!(
        cls.lookup_static("__new__"),
        Some(Value::Function(_)) | Some(Value::Instance(_))
    );
    if init_overridden {
        return Err(vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    if !new_overridden {
        return Err(vm.type_error(&format!("{}() takes no arguments", cls.name)));
    }
    Ok(Value::None)
}

fn init_subclass(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        let name = match args.pos.first() {
            Some(Value::Class(c)) => c.name.to_string(),
            _ => "object".to_string(),
        };
        return Err(vm.type_error(&format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// The default `<module.Class object at 0x…>` (and the exception form).
pub fn default_repr(vm: &mut Vm, v: &Value) -> Result<String, Value> {
    if let Value::Instance(i) = v
        && i.exc.is_some()
    {
        let args = vm.exc_args(v);
        let name = i.class.name.to_string();
        if args.len() == 1 {
            return Ok(format!("{name}({})", vm.repr(&args[0])?));
        }
        let r = vm.repr(&Value::tuple(args))?;
        let inner = r
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .unwrap_or(&r)
            .to_string();
        return Ok(format!("{name}({inner})"));
    }
    if let Value::Native(_) = v {
        if let Some(r) = super::view_repr(vm, v)? {
            return Ok(r);
        }
        if let Some(r) = crate::runtime::native_repr(vm, v)? {
            return Ok(r);
        }
    }
    let cls = vm.types.class_of(v);
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

fn repr(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__repr__")?;
    match &me {
        Value::Instance(_) | Value::Native(_) => Ok(Value::str(default_repr(vm, &me)?)),
        other => Ok(Value::str(vm.repr(other)?)),
    }
}

fn str(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__str__")?;
    if let Value::Instance(i) = &me
        && i.exc.is_some()
    {
        return Ok(Value::str(vm.exc_str(&me)?));
    }
    Ok(Value::str(vm.repr(&me)?))
}

fn eq(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__eq__")?;
    match args.pos.get(1) {
        Some(o) if o.is(&me) => Ok(Value::Bool(true)),
        Some(_) => Ok(Value::NotImplemented),
        None => Err(vm.type_error("expected 1 argument, got 0")),
    }
}

fn ne(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__ne__")?;
    let Some(other) = args.pos.get(1).cloned() else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    let cls = vm.types.class_of(&me);
    let r = match cls.lookup_static("__eq__") {
        Some(f) => vm.call(&f, Args::new([me.clone(), other]))?,
        None => Value::NotImplemented,
    };
    match r {
        Value::NotImplemented => Ok(Value::NotImplemented),
        v => Ok(Value::Bool(!vm.truthy(&v)?)),
    }
}

fn hash(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__hash__")?;
    match me.ptr() {
        Some(p) if matches!(me, Value::Instance(_) | Value::Native(_)) => {
            Ok(Value::Int((p >> 4) as i64))
        }
        _ => Ok(Value::Int(vm.hash(&me)?)),
    }
}

fn attr_name(vm: &mut Vm, v: Option<&Value>) -> Result<String, Value> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("attribute name must be string, not '{tn}'")))
        }
        None => Err(vm.type_error("expected 2 arguments, got 0")),
    }
}

/// `object.__setattr__`: the generic assignment, bypassing a user
/// `__setattr__` (properties still apply).
fn setattr(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__setattr__")?;
    let name = attr_name(vm, args.pos.get(1))?;
    let Some(v) = args.pos.get(2).cloned() else {
        return Err(vm.type_error(&format!(
            "expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    };
    match &me {
        Value::Instance(inst) => vm.generic_setattr(&me, inst, &name, v)?,
        _ => vm.setattr(&me, &name, v)?,
    }
    Ok(Value::None)
}

/// `object.__getattribute__`: the generic lookup, bypassing a user
/// `__getattribute__` (and, as in CPython, not falling back to `__getattr__`).
fn getattribute(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__getattribute__")?;
    let name = attr_name(vm, args.pos.get(1))?;
    match &me {
        Value::Instance(inst) => vm.generic_getattr(&me, inst, &name),
        _ => vm.getattr(&me, &name),
    }
}

/// `object.__delattr__`: the generic deletion, bypassing a user `__delattr__`.
fn delattr(vm: &mut Vm, args: Args) -> PyResult {
    let me = receiver(vm, &args, "__delattr__")?;
    let name = attr_name(vm, args.pos.get(1))?;
    match &me {
        Value::Instance(inst) => vm.generic_delattr(&me, inst, &name)?,
        _ => vm.delattr(&me, &name)?,
    }
    Ok(Value::None)
}
