//! Code at run time: `compile`, `exec`, `eval` and `__import__`.
//!
//! Namespaces given as dicts are copied into the VM's own namespace maps for
//! the run and written back afterwards, so what the code defined or changed
//! is in the dict when the call returns (also when it raised).

use super::function;
use crate::compiler::Mode;
use crate::compiler::bytecode::Code;
use crate::vm::class::{AttrMap, new_attrs};
use crate::vm::frame::ResumeKind;
use crate::vm::function::{Args, Globals, PyResult};
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    function(vm, "compile", compile);
    function(vm, "exec", exec);
    function(vm, "eval", eval);
    function(vm, "__import__", dunder_import);
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: the
/// top-level package of a dotted name, or the named module itself when
/// `fromlist` asks for names from it (as the import statement uses it).
fn dunder_import(vm: &mut Vm, mut args: Args) -> PyResult {
    let fromlist = args
        .take_kw("fromlist")
        .or_else(|| args.pos.get(3).cloned());
    let level = args.take_kw("level").or_else(|| args.pos.get(4).cloned());
    let name = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("__import__() argument 1 must be str, not {tn}")));
        }
        None => {
            return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)"));
        }
    };
    if let Some(level) = level
        && vm.index_value(&level)? != 0
    {
        return Err(vm.new_exc(
            "ImportError",
            "attempted relative import with no known parent package",
        ));
    }
    if name.is_empty() {
        return Err(vm.value_error("Empty module name"));
    }
    let leaf = vm.import_module(&name)?;
    let wants_leaf = match &fromlist {
        None | Some(Value::None) => false,
        Some(v) => vm.truthy(v)?,
    };
    match name.split_once('.') {
        Some((top, _)) if !wants_leaf => vm.import_module(top),
        _ => Ok(leaf),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Exec,
    Eval,
    Single,
}

/// The text of a source argument (str, or UTF-8 bytes).
fn source_text(vm: &mut Vm, v: &Value, func: &str) -> Result<String, Value> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => match std::str::from_utf8(b) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => Err(vm.new_exc("SyntaxError", "source code cannot be decoded as UTF-8")),
        },
        other => {
            let tn = vm.type_name(other);
            let what = if func == "compile" {
                "compile() arg 1 must be a string, bytes or AST object".to_string()
            } else {
                format!("{func}() arg 1 must be a string, bytes or code object, not {tn}")
            };
            Err(vm.type_error(&what))
        }
    }
}

/// A `SyntaxError` value for a compile error in `src`, with CPython's
/// attributes (`msg`, `filename`, `lineno`, `offset`, `text`, …).
fn syntax_error(
    vm: &mut Vm,
    err: &crate::diagnostics::SyntaxError,
    src: &str,
    filename: &str,
) -> Value {
    let (line, col) = crate::diagnostics::line_col(src, err.span.start);
    let (end_line, end_col) = crate::diagnostics::line_col(src, err.span.end);
    let text = src.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let text = format!("{text}\n");
    let details = Value::tuple(vec![
        Value::str(filename),
        Value::Int(line as i64),
        Value::Int(col as i64),
        Value::str(text.as_str()),
        Value::Int(end_line as i64),
        Value::Int(end_col as i64),
    ]);
    let name = err.kind.name();
    let cls = vm.types.exc(name);
    let exc = vm.exc_from_class(&cls, vec![Value::str(err.message.as_str()), details]);
    if let Value::Instance(i) = &exc {
        let mut d = i.dict.borrow_mut();
        d.insert("msg".into(), Value::str(err.message.as_str()));
        d.insert("filename".into(), Value::str(filename));
        d.insert("lineno".into(), Value::Int(line as i64));
        d.insert("offset".into(), Value::Int(col as i64));
        d.insert("text".into(), Value::str(text.as_str()));
        d.insert("end_lineno".into(), Value::Int(end_line as i64));
        d.insert("end_offset".into(), Value::Int(end_col as i64));
        d.insert("print_file_and_line".into(), Value::None);
    }
    exc
}

/// Compiles `src` as a module body, an expression or one interactive
/// statement.
fn compile_text(vm: &mut Vm, src: &str, filename: &str, kind: Kind) -> Result<Rc<Code>, Value> {
    let module = match crate::parser::parse(src) {
        Ok(m) => m,
        Err(errs) => {
            let e = errs
                .first()
                .map(|e| syntax_error(vm, e, src, filename))
                .unwrap_or_else(|| vm.new_exc("SyntaxError", "invalid syntax"));
            return Err(e);
        }
    };
    if kind == Kind::Eval {
        let single_expr = matches!(
            module.body.as_slice(),
            [crate::ast::Stmt {
                kind: crate::ast::StmtKind::Expr(_),
                ..
            }]
        );
        if !single_expr {
            let span = module
                .body
                .iter()
                .find(|s| !matches!(s.kind, crate::ast::StmtKind::Expr(_)))
                .or(module.body.get(1))
                .map(|s| s.span)
                .unwrap_or(crate::ast::Span::new(0, 0));
            let err = crate::diagnostics::SyntaxError::new("invalid syntax", span);
            return Err(syntax_error(vm, &err, src, filename));
        }
    }
    let mode = match kind {
        Kind::Exec => Mode::Exec,
        Kind::Eval => Mode::Eval,
        Kind::Single => Mode::Interactive,
    };
    match crate::compiler::compile(&module, filename, src, mode) {
        Ok(c) => Ok(c),
        Err(errs) => {
            let e = errs
                .first()
                .map(|e| syntax_error(vm, e, src, filename))
                .unwrap_or_else(|| vm.new_exc("SyntaxError", "invalid syntax"));
            Err(e)
        }
    }
}

fn str_arg(vm: &mut Vm, v: Option<&Value>, what: &str) -> Result<String, Value> {
    match v {
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "compile() argument '{what}' must be str, not {tn}"
            )))
        }
        None => Err(vm.type_error(&format!(
            "compile() missing required argument '{what}' (pos {})",
            if what == "filename" { 2 } else { 3 }
        ))),
    }
}

/// The value of keyword `name` or positional argument `i`.
fn arg_or_kw(args: &Args, i: usize, name: &str) -> Option<Value> {
    args.kw
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
        .or_else(|| args.pos.get(i).cloned())
}

fn compile(vm: &mut Vm, args: Args) -> PyResult {
    let Some(source) = arg_or_kw(&args, 0, "source") else {
        return Err(vm.type_error("compile() missing required argument 'source' (pos 1)"));
    };
    let filename = str_arg(vm, arg_or_kw(&args, 1, "filename").as_ref(), "filename")?;
    let mode = str_arg(vm, arg_or_kw(&args, 2, "mode").as_ref(), "mode")?;
    let kind = match mode.as_str() {
        "exec" => Kind::Exec,
        "eval" => Kind::Eval,
        "single" => Kind::Single,
        _ => {
            return Err(
                vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
            );
        }
    };
    let src = source_text(vm, &source, "compile")?;
    compile_text(vm, &src, &filename, kind).map(Value::Code)
}

fn exec(vm: &mut Vm, args: Args) -> PyResult {
    run(vm, args, Kind::Exec)
}

fn eval(vm: &mut Vm, args: Args) -> PyResult {
    run(vm, args, Kind::Eval)
}

/// A namespace map holding the str-keyed entries of dict `d`.
fn attrs_of(vm: &mut Vm, d: &Value) -> Result<AttrMap, Value> {
    let mut m = new_attrs();
    if let Value::Dict(dd) = d {
        for e in dd.borrow().iter() {
            if let Value::Str(k) = &e.key {
                m.insert(k.as_str().into(), e.value.clone());
            }
        }
        return Ok(m);
    }
    let items_fn = vm.getattr(d, "items")?;
    let items = vm.call(&items_fn, Args::default())?;
    for pair in vm.collect(&items)? {
        let kv = vm.collect(&pair)?;
        if let [Value::Str(k), v] = kv.as_slice() {
            m.insert(k.as_str().into(), v.clone());
        }
    }
    Ok(m)
}

/// Writes every entry of `m` into mapping `d`.
fn write_back(vm: &mut Vm, m: &AttrMap, d: &Value) -> Result<(), Value> {
    let entries: Vec<(Rc<str>, Value)> = m.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (k, v) in entries {
        vm.setitem(d, Value::str(&*k), v)?;
    }
    Ok(())
}

fn run(vm: &mut Vm, args: Args, kind: Kind) -> PyResult {
    let func = if kind == Kind::Eval { "eval" } else { "exec" };
    let Some(source) = arg_or_kw(&args, 0, "source") else {
        return Err(vm.type_error(&format!("{func} expected at least 1 argument, got 0")));
    };
    if args.pos.len() > 3 {
        return Err(vm.type_error(&format!(
            "{func} expected at most 3 arguments, got {}",
            args.pos.len()
        )));
    }
    let globals_arg = arg_or_kw(&args, 1, "globals").filter(|g| !g.is_none());
    let locals_arg = arg_or_kw(&args, 2, "locals").filter(|l| !l.is_none());
    if let Some(g) = &globals_arg
        && !matches!(g, Value::Dict(_))
        && crate::vm::class::payload_of(g).is_none()
    {
        let tn = vm.type_name(g);
        let msg = if kind == Kind::Eval {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        } else {
            format!("exec() globals must be a dict, not {tn}")
        };
        return Err(vm.type_error(&msg));
    }
    let code = match &source {
        Value::Code(c) => c.clone(),
        other => {
            let mut text = source_text(vm, other, func)?;
            if kind == Kind::Eval {
                // eval ignores leading spaces and tabs, as CPython does.
                text = text.trim_start_matches([' ', '\t']).to_string();
            }
            compile_text(vm, &text, "<string>", kind)?
        }
    };
    // The namespaces: the given dicts, or the caller's.
    let caller = vm
        .frames
        .last()
        .map(|f| (f.globals.clone(), f.ns.clone(), f.code.clone()));
    let (globals, given_globals): (Globals, Option<Value>) = match &globals_arg {
        Some(g) => {
            let m = attrs_of(vm, g)?;
            (Rc::new(RefCell::new(m)), Some(g.clone()))
        }
        None => match &caller {
            Some((g, _, _)) => (g.clone(), None),
            None => (vm.new_globals("__main__"), None),
        },
    };
    let same_locals = match (&locals_arg, &globals_arg) {
        (Some(l), Some(g)) => l.is(g),
        (None, _) => true,
        _ => false,
    };
    let ns: Option<Rc<RefCell<AttrMap>>> = if !same_locals {
        let l = locals_arg.clone().unwrap_or_default();
        Some(Rc::new(RefCell::new(attrs_of(vm, &l)?)))
    } else if globals_arg.is_none() {
        // No namespaces given: the caller's locals, as `locals()` sees them.
        match &caller {
            Some((_, Some(ns), _)) => Some(ns.clone()),
            Some((_, None, code)) if &*code.name != "<module>" => {
                let locals_fn = vm.builtins.borrow().get("locals").cloned();
                let snapshot = vm.call(&locals_fn.unwrap_or_default(), Args::default())?;
                Some(Rc::new(RefCell::new(attrs_of(vm, &snapshot)?)))
            }
            _ => None,
        }
    } else {
        None
    };
    let mut frame = vm.new_frame(code, globals.clone(), ResumeKind::Boundary);
    frame.ns = ns.clone();
    let result = vm.run_frame(frame);
    if let Some(g) = &given_globals {
        let m = globals.borrow().clone();
        write_back(vm, &m, g)?;
    }
    if !same_locals && let (Some(l), Some(ns)) = (&locals_arg, &ns) {
        let m = ns.borrow().clone();
        write_back(vm, &m, l)?;
    }
    let v = result?;
    Ok(if kind == Kind::Eval { v } else { Value::None })
}
