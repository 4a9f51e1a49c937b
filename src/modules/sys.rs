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
        d.insert("stdout".into(), vm.std_stream(1));
        d.insert("stderr".into(), vm.std_stream(2));
        d.insert("maxsize".into(), Value::Int(i64::MAX));
        d.insert("platform".into(), Value::str("linux"));
    }
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
    if let Some(v) = args.pos.first() {
        let n = vm.index_value(v)?;
        vm.recursion_limit = n.clamp(50, 100_000) as usize;
    }
    Ok(Value::None)
}
