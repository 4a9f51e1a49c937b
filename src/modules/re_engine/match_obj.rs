//! `re.Match`, native: a loop over `finditer` makes one per match and
//! usually reads a group or two from it, so both must cost little.

use super::Code;
use crate::builtins::native;
use crate::vm::class::{Class, Layout};
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub struct MatchData {
    pub string: Value,
    pub pattern: Value,
    pub code: Rc<Code>,
    pub pos: usize,
    pub endpos: usize,
    pub lastindex: i32,
    /// (start, end) of every group, -1 for groups that did not match.
    pub regs: Vec<(i64, i64)>,
}

pub fn match_class(vm: &mut Vm) -> Result<Rc<Class>, Value> {
    if let Some(c) = vm.runtime.native_classes.get("re.Match") {
        return Ok(c.clone());
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("Match", vec![object], Layout::Builtin, None, "re");
    let methods: &[(&str, NativeFn)] = &[
        ("group", m_group),
        ("__getitem__", m_getitem),
        ("groups", m_groups),
        ("groupdict", m_groupdict),
        ("start", m_start),
        ("end", m_end),
        ("span", m_span),
        ("expand", m_expand),
        ("__repr__", m_repr),
        ("__copy__", m_self),
        ("__deepcopy__", m_self),
    ];
    for (name, f) in methods {
        c.set_attr((*name).into(), native(name, *f, BuiltinKind::Method));
    }
    c.set_attr(
        "__new__".into(),
        native("__new__", m_new, BuiltinKind::StaticMethod),
    );
    c.set_attr(
        "__class_getitem__".into(),
        native(
            "__class_getitem__",
            m_class_getitem,
            BuiltinKind::ClassMethod,
        ),
    );
    let props: &[(&str, NativeFn)] = &[
        ("string", p_string),
        ("re", p_re),
        ("pos", p_pos),
        ("endpos", p_endpos),
        ("lastindex", p_lastindex),
        ("lastgroup", p_lastgroup),
        ("regs", p_regs),
    ];
    let property = Value::Class(vm.types.get(TypeId::Property).clone());
    for (name, f) in props {
        let getter = native(name, *f, BuiltinKind::Function);
        let p = vm.call(&property, Args::new([getter]))?;
        c.set_attr((*name).into(), p);
    }
    vm.runtime.native_classes.insert("re.Match", c.clone());
    Ok(c)
}

pub fn new_match(vm: &mut Vm, data: MatchData) -> PyResult {
    let class = match_class(vm)?;
    Ok(Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(data)),
        dict: RefCell::new(None),
    })))
}

/// Runs `f` on the Match that is the first argument.
fn with<R>(vm: &mut Vm, args: &Args, f: impl FnOnce(&MatchData) -> R) -> Result<R, Value> {
    if let Some(Value::Native(n)) = args.pos.first()
        && let Some(m) = n.data.borrow().downcast_ref::<MatchData>()
    {
        return Ok(f(m));
    }
    Err(vm.type_error("descriptor requires a 're.Match' object"))
}

fn no_such_group(vm: &mut Vm) -> Value {
    vm.new_exc("IndexError", "no such group")
}

/// The number of group `g` (an index or a name).
fn group_index(vm: &mut Vm, m: &MatchData, g: &Value) -> Result<usize, Value> {
    let i = match g {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::Str(s) => match m.code.names.iter().find(|(n, _)| n == s.as_str()) {
            Some(&(_, i)) => i as i64,
            None => return Err(no_such_group(vm)),
        },
        Value::Instance(_) if vm.user_method(g, "__index__").is_some() => vm.index_value(g)?,
        _ => return Err(no_such_group(vm)),
    };
    if i < 0 || i as usize >= m.regs.len() {
        return Err(no_such_group(vm));
    }
    Ok(i as usize)
}

/// The text of `[s, e)` of the subject.
fn slice(string: &Value, s: i64, e: i64) -> Value {
    let (s, e) = (s.max(0) as usize, e.max(0) as usize);
    let inner = match string {
        Value::Instance(_) => crate::vm::class::payload_of(string).unwrap_or(Value::None),
        v => v.clone(),
    };
    match inner {
        Value::Bytes(b) => Value::Bytes(Rc::new(b.get(s..e).unwrap_or(&[]).to_vec())),
        Value::Str(t) if t.is_ascii() => Value::str(t.as_str().get(s..e).unwrap_or("")),
        Value::Str(t) => {
            let wide = super::subject::decode(&t);
            let text = t.as_str();
            let a = wide.byte_of(text, s);
            let b = wide.byte_of(text, e.max(s));
            Value::str(text.get(a..b).unwrap_or(""))
        }
        _ => Value::None,
    }
}

fn group_value(m: &MatchData, g: usize, default: &Value) -> Value {
    let (s, e) = m.regs[g];
    if s < 0 {
        default.clone()
    } else {
        slice(&m.string, s, e)
    }
}

fn m_group(vm: &mut Vm, args: Args) -> PyResult {
    let Some(Value::Native(n)) = args.pos.first() else {
        return Err(vm.type_error("descriptor requires a 're.Match' object"));
    };
    let n = n.clone();
    let data = n.data.borrow();
    let Some(m) = data.downcast_ref::<MatchData>() else {
        return Err(vm.type_error("descriptor requires a 're.Match' object"));
    };
    match args.pos.len() {
        1 => Ok(group_value(m, 0, &Value::None)),
        2 => {
            let g = group_index(vm, m, &args.pos[1])?;
            Ok(group_value(m, g, &Value::None))
        }
        _ => {
            let mut out = Vec::with_capacity(args.pos.len() - 1);
            for a in &args.pos[1..] {
                let g = group_index(vm, m, a)?;
                out.push(group_value(m, g, &Value::None));
            }
            Ok(Value::tuple(out))
        }
    }
}

fn m_getitem(vm: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    m_group(vm, args)
}

/// The optional `default` argument (positional or keyword).
fn default_arg(args: &mut Args) -> Value {
    args.take_kw("default")
        .or_else(|| args.pos.get(1).cloned())
        .unwrap_or(Value::None)
}

fn m_groups(vm: &mut Vm, mut args: Args) -> PyResult {
    let default = default_arg(&mut args);
    with(vm, &args, |m| {
        Value::tuple(
            (1..m.regs.len())
                .map(|g| group_value(m, g, &default))
                .collect(),
        )
    })
}

fn m_groupdict(vm: &mut Vm, mut args: Args) -> PyResult {
    let default = default_arg(&mut args);
    let pairs = with(vm, &args, |m| {
        m.code
            .names
            .iter()
            .map(|(n, g)| (Value::str(n.as_str()), group_value(m, *g, &default)))
            .collect::<Vec<_>>()
    })?;
    let dict = vm.call(
        &Value::Class(vm.types.get(TypeId::Dict).clone()),
        Args::new([]),
    )?;
    for (k, v) in pairs {
        vm.setitem(&dict, k, v)?;
    }
    Ok(dict)
}

/// The span of the group named by the optional second argument.
fn span_of(vm: &mut Vm, args: &Args) -> Result<(i64, i64), Value> {
    let Some(Value::Native(n)) = args.pos.first() else {
        return Err(vm.type_error("descriptor requires a 're.Match' object"));
    };
    let n = n.clone();
    let data = n.data.borrow();
    let Some(m) = data.downcast_ref::<MatchData>() else {
        return Err(vm.type_error("descriptor requires a 're.Match' object"));
    };
    let g = match args.pos.get(1) {
        Some(g) => group_index(vm, m, g)?,
        None => 0,
    };
    Ok(m.regs[g])
}

fn m_start(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(span_of(vm, &args)?.0))
}

fn m_end(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(span_of(vm, &args)?.1))
}

fn m_span(vm: &mut Vm, args: Args) -> PyResult {
    let (s, e) = span_of(vm, &args)?;
    Ok(Value::tuple(vec![Value::Int(s), Value::Int(e)]))
}

/// `expand` goes through the re module, which owns the template cache and
/// raises `re.error`.
fn m_expand(vm: &mut Vm, args: Args) -> PyResult {
    let re = vm.import_module("re")?;
    let f = vm.getattr(&re, "_expand")?;
    vm.call(&f, Args::new([arg(&args, 0), arg(&args, 1)]))
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

fn m_repr(vm: &mut Vm, args: Args) -> PyResult {
    let (s, e, text) = with(vm, &args, |m| {
        let (s, e) = m.regs[0];
        (s, e, slice(&m.string, s, e))
    })?;
    let r = vm.repr(&text)?;
    let r: String = r.chars().take(50).collect();
    Ok(Value::str(format!(
        "<re.Match object; span=({s}, {e}), match={r}>"
    )))
}

fn m_self(_vm: &mut Vm, args: Args) -> PyResult {
    Ok(arg(&args, 0))
}

fn m_new(vm: &mut Vm, _args: Args) -> PyResult {
    Err(vm.type_error("cannot create 're.Match' instances"))
}

fn m_class_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let types = vm.import_module("types")?;
    let alias = vm.getattr(&types, "GenericAlias")?;
    vm.call(&alias, Args::new([arg(&args, 0), arg(&args, 1)]))
}

fn p_string(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| m.string.clone())
}

fn p_re(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| m.pattern.clone())
}

fn p_pos(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| Value::Int(m.pos as i64))
}

fn p_endpos(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| Value::Int(m.endpos as i64))
}

fn p_lastindex(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| {
        if m.lastindex < 0 {
            Value::None
        } else {
            Value::Int(m.lastindex as i64)
        }
    })
}

fn p_lastgroup(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| {
        m.code
            .names
            .iter()
            .find(|(_, g)| *g as i64 == m.lastindex as i64)
            .map_or(Value::None, |(n, _)| Value::str(n.as_str()))
    })
}

fn p_regs(vm: &mut Vm, args: Args) -> PyResult {
    with(vm, &args, |m| {
        Value::tuple(
            m.regs
                .iter()
                .map(|&(s, e)| Value::tuple(vec![Value::Int(s), Value::Int(e)]))
                .collect(),
        )
    })
}
