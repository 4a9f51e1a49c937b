//! The `sys` module.

use crate::vm::function::{Args, BuiltinFn, BuiltinKind};
use crate::vm::module::ModuleObj;
use crate::vm::{PyResult, Value, Vm};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("sys");
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a.as_str())).collect();
    {
        let mut d = g.borrow_mut();
        d.insert("argv".into(), Value::list(argv));
        d.insert("exit".into(), native("exit", sys_exit));
        d.insert(
            "getrecursionlimit".into(),
            native("getrecursionlimit", getrecursionlimit),
        );
        d.insert(
            "setrecursionlimit".into(),
            native("setrecursionlimit", setrecursionlimit),
        );
        let (stdout, stderr) = (vm.std_stream(1), vm.std_stream(2));
        d.insert("stdout".into(), stdout.clone());
        d.insert("stderr".into(), stderr.clone());
        d.insert("__stdout__".into(), stdout);
        d.insert("__stderr__".into(), stderr);
        d.insert("maxsize".into(), Value::Int(i64::MAX));
        d.insert("platform".into(), Value::str("linux"));
        d.insert("byteorder".into(), Value::str("little"));
        d.insert("exc_info".into(), native("exc_info", exc_info));
        d.insert("exception".into(), native("exception", exception));
        d.insert("intern".into(), native("intern", intern));
        d.insert("version".into(), Value::str("3.13.0 (aio) [Rust]"));
        d.insert("hexversion".into(), Value::Int(0x030d00f0));
        d.insert("api_version".into(), Value::Int(1013));
        d.insert("executable".into(), Value::str(""));
        d.insert("path".into(), Value::list(Vec::new()));
        d.insert("warnoptions".into(), Value::list(Vec::new()));
        d.insert(
            "builtin_module_names".into(),
            Value::tuple(
                ["sys", "time", "math"]
                    .into_iter()
                    .map(Value::str)
                    .collect(),
            ),
        );
        // The modules imported so far; `import` adds to it.
        let modules = crate::vm::dict::Dict::new();
        d.insert("modules".into(), Value::dict(modules));
    }
    if let Some(Value::Dict(m)) = g.borrow().get("modules").cloned() {
        let loaded: Vec<(String, Value)> = vm
            .modules
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let m = Value::Dict(m);
        for (k, v) in loaded {
            let _ = vm.setitem(&m, Value::str(k.as_str()), v);
        }
    }
    vm.call_support(
        "_sysinfo",
        "install",
        vec![Value::Module(Rc::new(ModuleObj {
            name: "sys".into(),
            dict: g.clone(),
        }))],
    )
    .ok();
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "sys".into(),
        dict: g,
    })))
}

impl Vm {
    /// `sys.stdout` / `sys.stderr`: objects with `write` and `flush`.
    pub fn std_stream(&mut self, fd: i64) -> Value {
        let cls = match self.modules.get("_io.TextIOWrapper") {
            Some(Value::Class(c)) => c.clone(),
            _ => {
                let object = self.types.get(crate::vm::types::TypeId::Object).clone();
                let c = crate::vm::types::new_class(
                    "TextIOWrapper",
                    vec![object],
                    crate::vm::class::Layout::Object,
                    None,
                    "_io",
                );
                c.set_attr(
                    "write".into(),
                    crate::builtins::native("write", stream_write, BuiltinKind::Method),
                );
                c.set_attr(
                    "flush".into(),
                    crate::builtins::native("flush", stream_flush, BuiltinKind::Method),
                );
                self.modules
                    .insert("_io.TextIOWrapper".into(), Value::Class(c.clone()));
                c
            }
        };
        let inst = crate::vm::class::Instance::new(cls);
        inst.dict.borrow_mut().insert("_fd".into(), Value::Int(fd));
        let name = if fd == 1 { "<stdout>" } else { "<stderr>" };
        inst.dict
            .borrow_mut()
            .insert("name".into(), Value::str(name));
        Value::Instance(Rc::new(inst))
    }
}

/// The exception being handled by the innermost frame handling one.
fn current_exception(vm: &Vm) -> Value {
    vm.frames
        .iter()
        .rev()
        .find_map(|f| f.handling.last().cloned())
        .unwrap_or(Value::None)
}

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(current_exception(vm))
}

/// `sys.exc_info()`: (type, value, traceback) of the exception being
/// handled, or three Nones.
fn exc_info(vm: &mut Vm, _args: Args) -> PyResult {
    let e = current_exception(vm);
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Class(vm.types.class_of(&e));
    let tb = vm.getattr(&e, "__traceback__").unwrap_or(Value::None);
    Ok(Value::tuple(vec![t, e, tb]))
}

/// `sys.intern(s)`: strings are values here, so the string itself.
fn intern(vm: &mut Vm, args: Args) -> PyResult {
    match args.pos.first() {
        Some(s @ Value::Str(_)) if args.pos.len() == 1 => Ok(s.clone()),
        Some(other) if args.pos.len() == 1 => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("intern() argument must be str, not {tn}")))
        }
        _ => Err(vm.type_error(&format!(
            "intern() takes exactly one argument ({} given)",
            args.pos.len()
        ))),
    }
}

/// The file descriptor behind a `sys.stdout`/`sys.stderr` object.
pub fn stream_fd(v: &Value) -> Option<i64> {
    match v {
        Value::Instance(i) if &*i.class.name == "TextIOWrapper" => match i.dict.borrow().get("_fd")
        {
            Some(Value::Int(fd)) => Some(*fd),
            _ => None,
        },
        _ => None,
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult {
    use std::io::Write;
    let fd = args.pos.first().and_then(stream_fd).unwrap_or(1);
    let text = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("write() argument must be str, not {tn}")));
        }
        None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
    };
    if fd == 2 {
        vm.flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        let _ = vm.out.write_all(text.as_bytes());
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult {
    vm.flush();
    Ok(Value::None)
}

pub fn native(name: &str, f: crate::vm::function::NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name: name.into(),
        func: f,
        bound: None,
        kind: BuiltinKind::Function,
        owner: None,
    }))
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult {
    let code = args.pos.into_iter().next();
    let cls = vm.types.exc("SystemExit");
    Err(vm.exc_from_class(&cls, code.into_iter().collect()))
}

fn getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    if matches!(v, Value::BigInt(_)) {
        return Err(vm.new_exc("OverflowError", "Python int too large to convert to C int"));
    }
    let n = vm.index_value(v)?;
    if n > i64::from(i32::MAX) {
        return Err(vm.new_exc("OverflowError", "Python int too large to convert to C int"));
    }
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len();
    if n as usize <= depth {
        let msg = format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        );
        return Err(vm.new_exc("RecursionError", &msg));
    }
    // Python frames live on the heap, so any limit is safe for them; calls
    // nested through native code are bounded separately (vm/depth.rs).
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}
