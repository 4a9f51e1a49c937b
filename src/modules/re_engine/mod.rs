//! `_re`, the native engine under the `re` module (src/modules/lib/re):
//! pattern compilation with CPython's errors, and the matching loops
//! (`exec`, `findall`, `sub` with a parsed template, `split`) done here
//! so that scanning large strings never leaves Rust. The Pattern and
//! Match classes, flags, templates and the cache are in the language.

mod ast;
mod chars;
mod compile;
mod match_obj;
mod matcher;
mod parser;
mod program;
mod source;
mod subject;
mod template;

use crate::builtins::native;
use crate::vm::class::{Class, Layout};
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::native::NativeObj;
use crate::vm::types::{TypeId, new_class};
use crate::vm::{Value, Vm};
use matcher::{Matcher, Mode, UNSET, Unit};
use program::Program;
use source::ErrKind;
use std::cell::RefCell;
use std::rc::Rc;
use subject::{Slicer, Subject};

struct Code {
    prog: Program,
    is_text: bool,
    names: Vec<(String, usize)>,
}

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("_re");
    let match_class = match_obj::match_class(vm)?;
    g.borrow_mut()
        .insert("Match".into(), Value::Class(match_class));
    {
        let mut d = g.borrow_mut();
        let table: &[(&str, NativeFn)] = &[
            ("compile", re_compile),
            ("exec", re_exec),
            ("findall", re_findall),
            ("sub", re_sub),
            ("split", re_split),
            ("template", re_template),
        ];
        for (name, f) in table {
            d.insert((*name).into(), native(name, *f, BuiltinKind::Function));
        }
        d.insert("MAXREPEAT".into(), Value::Int(ast::MAXREPEAT as i64));
        d.insert("MAXGROUPS".into(), Value::Int(ast::MAXGROUPS as i64));
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "_re".into(),
        dict: g,
    })))
}

fn code_class(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = vm.runtime.native_classes.get("_re.Code") {
        return c.clone();
    }
    let object = vm.types.get(TypeId::Object).clone();
    let c = new_class("Code", vec![object], Layout::Builtin, None, "_re");
    vm.runtime.native_classes.insert("_re.Code", c.clone());
    c
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

fn int_arg(vm: &mut Vm, args: &Args, i: usize) -> Result<i64, Value> {
    vm.index_value(&arg(args, i))
}

/// `_re.compile(pattern, flags)`: `(code, flags, groups, names, warnings)`,
/// or `(None, kind, message, position)` for a bad pattern.
fn re_compile(vm: &mut Vm, args: Args) -> PyResult {
    let pat = arg(&args, 0);
    let pat = match &pat {
        Value::Instance(_) => crate::vm::class::payload_of(&pat).unwrap_or(pat),
        _ => pat,
    };
    let flags = int_arg(vm, &args, 1)?;
    let (units, is_text): (Vec<u32>, bool) = match &pat {
        Value::Str(s) => (s.as_str().chars().map(|c| c as u32).collect(), true),
        Value::Bytes(b) => (b.iter().map(|&c| c as u32).collect(), false),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "first argument must be string or compiled pattern, not {tn}"
            )));
        }
    };
    let result = parser::parse(&units, is_text, flags as u32)
        .and_then(|p| compile::compile(&p).map(|prog| (p, prog)));
    let (parsed, prog) = match result {
        Ok(r) => r,
        Err(e) => return Ok(error_tuple(e)),
    };
    let final_flags = (flags & !(u32::MAX as i64)) | parsed.flags as i64;
    let names = parsed
        .names
        .iter()
        .map(|(n, g)| Value::tuple(vec![Value::str(n.as_str()), Value::Int(*g as i64)]))
        .collect();
    let warnings = parsed
        .warnings
        .iter()
        .map(|(m, c)| Value::tuple(vec![Value::str(m.as_str()), Value::str(*c)]))
        .collect();
    let groups = parsed.groups as i64 - 1;
    let class = code_class(vm);
    let code = Value::Native(Rc::new(NativeObj {
        class,
        data: RefCell::new(Box::new(Rc::new(Code {
            prog,
            is_text,
            names: parsed.names.clone(),
        }))),
        dict: RefCell::new(None),
    }));
    Ok(Value::tuple(vec![
        code,
        Value::Int(final_flags),
        Value::Int(groups),
        Value::list(names),
        Value::list(warnings),
    ]))
}

/// `(None, kind, message, position)`: the Python side raises it.
fn error_tuple(e: source::ReError) -> Value {
    let kind = match e.kind {
        ErrKind::Pattern => "error",
        ErrKind::Overflow => "OverflowError",
        ErrKind::Value => "ValueError",
        ErrKind::Recursion => "RecursionError",
        ErrKind::Index => "IndexError",
    };
    let pos = e.pos.map_or(Value::None, |p| Value::Int(p as i64));
    Value::tuple(vec![Value::None, Value::str(kind), Value::str(e.msg), pos])
}

/// `_re.template(code, repl)`: the pieces of a replacement template, a
/// list of literals and group numbers (or an error tuple).
fn re_template(vm: &mut Vm, args: Args) -> PyResult {
    let code = code_of(vm, &arg(&args, 0))?;
    let repl = arg(&args, 1);
    let units: Vec<u32> = match (&repl, code.is_text) {
        (Value::Str(s), true) => s.as_str().chars().map(|c| c as u32).collect(),
        (Value::Bytes(b), false) => b.iter().map(|&c| c as u32).collect(),
        _ => {
            let tn = vm.type_name(&repl);
            let want = if code.is_text {
                "expected str instance"
            } else {
                "expected a bytes-like object"
            };
            return Err(vm.type_error(&format!("{want}, {tn} found")));
        }
    };
    let groups = code.prog.groups - 1;
    let pieces = match template::parse(&units, code.is_text, groups, &code.names) {
        Ok(p) => p,
        Err(e) => return Ok(error_tuple(e)),
    };
    let out = pieces
        .into_iter()
        .map(|p| match p {
            template::Piece::Group(g) => Value::Int(g as i64),
            template::Piece::Literal(l) if code.is_text => {
                Value::str(l.iter().map(|&c| source::ch(c)).collect::<String>())
            }
            template::Piece::Literal(l) => {
                Value::Bytes(Rc::new(l.iter().map(|&c| c as u8).collect()))
            }
        })
        .collect();
    Ok(Value::list(out))
}

fn code_of(vm: &mut Vm, v: &Value) -> Result<Rc<Code>, Value> {
    if let Value::Native(n) = v
        && let Some(c) = n.data.borrow().downcast_ref::<Rc<Code>>()
    {
        return Ok(c.clone());
    }
    Err(vm.type_error("expected a compiled pattern"))
}

/// Python's pos/endpos clamped to the string.
fn bounds(vm: &mut Vm, args: &Args, i: usize, len: usize) -> Result<(usize, usize), Value> {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    let pos = clamp(int_arg(vm, args, i)?);
    let endpos = clamp(int_arg(vm, args, i + 1)?);
    Ok((pos, endpos))
}

fn exec_on<T: Unit>(
    prog: &Program,
    text: &[T],
    pos: usize,
    mode: Mode,
    must_advance: bool,
) -> Option<(Vec<(i64, i64)>, i32)> {
    let mut m = Matcher::new(prog, text);
    if !m.exec(pos, mode, must_advance) {
        return None;
    }
    let regs = (0..prog.groups)
        .map(|g| {
            let (s, e) = (m.slots[2 * g], m.slots[2 * g + 1]);
            if s == UNSET || e == UNSET {
                (-1, -1)
            } else {
                (s as i64, e as i64)
            }
        })
        .collect();
    Some((regs, m.lastindex))
}

/// `_re.exec(code, string, pos, endpos, mode, must_advance, pattern)`:
/// a Match, or None.
fn re_exec(vm: &mut Vm, args: Args) -> PyResult {
    let code = code_of(vm, &arg(&args, 0))?;
    let string = arg(&args, 1);
    let subject = Subject::from_value(vm, &string, code.is_text)?;
    let (pos, endpos) = bounds(vm, &args, 2, subject.len())?;
    let mode = match int_arg(vm, &args, 4)? {
        0 => Mode::Match,
        1 => Mode::Full,
        _ => Mode::Search,
    };
    let must = vm.truthy(&arg(&args, 5))?;
    let prog = &code.prog;
    let found = match &subject {
        Subject::Bytes(b) => exec_on(prog, &b[..endpos], pos, mode, must),
        Subject::Ascii(s) => exec_on(prog, &s.as_str().as_bytes()[..endpos], pos, mode, must),
        Subject::Wide(_, w) => exec_on(prog, &w.units[..endpos], pos, mode, must),
    };
    match found {
        None => Ok(Value::None),
        Some((regs, lastindex)) => match_obj::new_match(
            vm,
            match_obj::MatchData {
                string,
                pattern: arg(&args, 6),
                code: code.clone(),
                pos,
                endpos,
                lastindex,
                regs,
            },
        ),
    }
}

/// Calls `f(matcher)` for each successive match from `pos`, the way
/// CPython steps past empty matches, until `f` returns false.
fn each_match<T: Unit>(
    prog: &Program,
    text: &[T],
    pos: usize,
    mut f: impl FnMut(&Matcher<'_, T>) -> bool,
) {
    let mut m = Matcher::new(prog, text);
    let mut pos = pos;
    let mut must = false;
    while pos <= text.len() {
        if !m.exec(pos, Mode::Search, must) {
            break;
        }
        if !f(&m) {
            break;
        }
        let (b, e) = (m.slots[0], m.slots[1]);
        must = b == e;
        pos = e;
    }
}

/// Runs `$body` with `$text` bound to the subject's code units up to
/// `$end`, for each representation.
macro_rules! on_text {
    ($subject:expr, $end:expr, |$text:ident| $body:expr) => {
        match $subject {
            Subject::Bytes(b) => {
                let $text = &b[..$end];
                $body
            }
            Subject::Ascii(s) => {
                let $text = &s.as_str().as_bytes()[..$end];
                $body
            }
            Subject::Wide(_, w) => {
                let $text = &w.units[..$end];
                $body
            }
        }
    };
}

fn group_value(sl: &mut Slicer<'_>, slots: &[usize], g: usize, unset: &Value) -> Value {
    let (s, e) = (slots[2 * g], slots[2 * g + 1]);
    if s == UNSET || e == UNSET {
        unset.clone()
    } else {
        sl.slice(s, e)
    }
}

/// `_re.findall(code, string, pos, endpos)`.
fn re_findall(vm: &mut Vm, args: Args) -> PyResult {
    let code = code_of(vm, &arg(&args, 0))?;
    let subject = Subject::from_value(vm, &arg(&args, 1), code.is_text)?;
    let (pos, endpos) = bounds(vm, &args, 2, subject.len())?;
    let prog = &code.prog;
    let mut sl = subject.slicer();
    let empty = sl.empty();
    let mut out = Vec::new();
    on_text!(&subject, endpos, |text| each_match(prog, text, pos, |m| {
        let item = match prog.groups {
            1 => sl.slice(m.slots[0], m.slots[1]),
            2 => group_value(&mut sl, &m.slots, 1, &empty),
            n => Value::tuple(
                (1..n)
                    .map(|g| group_value(&mut sl, &m.slots, g, &empty))
                    .collect(),
            ),
        };
        out.push(item);
        true
    }));
    Ok(Value::list(out))
}

/// `_re.split(code, string, maxsplit)`.
fn re_split(vm: &mut Vm, args: Args) -> PyResult {
    let code = code_of(vm, &arg(&args, 0))?;
    let subject = Subject::from_value(vm, &arg(&args, 1), code.is_text)?;
    let maxsplit = int_arg(vm, &args, 2)?;
    let len = subject.len();
    let mut sl = subject.slicer();
    if maxsplit < 0 {
        return Ok(Value::list(vec![sl.slice(0, len)]));
    }
    let prog = &code.prog;
    let mut out = Vec::new();
    let mut last = 0;
    let mut n = 0i64;
    on_text!(&subject, len, |text| each_match(prog, text, 0, |m| {
        if maxsplit != 0 && n >= maxsplit {
            return false;
        }
        out.push(sl.slice(last, m.slots[0]));
        for g in 1..prog.groups {
            out.push(group_value(&mut sl, &m.slots, g, &Value::None));
        }
        n += 1;
        last = m.slots[1];
        true
    }));
    out.push(sl.slice(last, len));
    Ok(Value::list(out))
}

enum Piece {
    Text(Value),
    Group(usize),
}

/// `_re.sub(code, string, template, count)` with a parsed template (a
/// list of literal strings and group numbers): `(result, count)`.
fn re_sub(vm: &mut Vm, args: Args) -> PyResult {
    let code = code_of(vm, &arg(&args, 0))?;
    let subject = Subject::from_value(vm, &arg(&args, 1), code.is_text)?;
    let template = match arg(&args, 2) {
        Value::List(l) => l.borrow().clone(),
        _ => return Err(vm.type_error("expected a template list")),
    };
    let mut pieces = Vec::new();
    for item in template {
        pieces.push(match item {
            Value::Int(g) if g >= 0 && (g as usize) < code.prog.groups => Piece::Group(g as usize),
            Value::Str(_) | Value::Bytes(_) => Piece::Text(item),
            _ => return Err(vm.value_error("bad template item")),
        });
    }
    let count = int_arg(vm, &args, 3)?;
    let len = subject.len();
    let prog = &code.prog;
    let mut sl = subject.slicer();
    let mut s_out = String::new();
    let mut b_out = Vec::new();
    let mut last = 0;
    let mut n = 0i64;
    if count >= 0 {
        on_text!(&subject, len, |text| each_match(prog, text, 0, |m| {
            if count != 0 && n >= count {
                return false;
            }
            sl.push_str(&mut s_out, last, m.slots[0]);
            sl.push_bytes(&mut b_out, last, m.slots[0]);
            for p in &pieces {
                match p {
                    Piece::Text(Value::Str(s)) => s_out.push_str(s.as_str()),
                    Piece::Text(Value::Bytes(b)) => b_out.extend_from_slice(b),
                    Piece::Text(_) => {}
                    Piece::Group(g) => {
                        let (a, b) = (m.slots[2 * g], m.slots[2 * g + 1]);
                        if a != UNSET && b != UNSET {
                            sl.push_str(&mut s_out, a, b);
                            sl.push_bytes(&mut b_out, a, b);
                        }
                    }
                }
            }
            n += 1;
            last = m.slots[1];
            true
        }));
    }
    sl.push_str(&mut s_out, last, len);
    sl.push_bytes(&mut b_out, last, len);
    let result = if code.is_text {
        Value::str(s_out)
    } else {
        Value::Bytes(Rc::new(b_out))
    };
    Ok(Value::tuple(vec![result, Value::Int(n)]))
}
