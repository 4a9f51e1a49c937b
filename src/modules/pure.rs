//! Modules written in the language itself, embedded in the binary from
//! `src/modules/lib/` by build.rs and compiled when first imported, so a
//! program pays nothing for the modules it does not import.
//!
//! For work on those modules, `AIO_LIB_DIR=src/modules/lib` makes the
//! interpreter read them from that folder instead (a file there also makes
//! a module that the binary does not embed yet), so an edit needs no rebuild.

use crate::vm::function::PyResult;
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use std::rc::Rc;

/// (module name, source) of every embedded module, sorted by file path.
static EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/pure_modules.rs"));

/// Whether `name` is a package (its source is a `__init__.py`).
fn is_package(name: &str) -> bool {
    EMBEDDED.iter().any(|(m, _)| {
        m.len() > name.len() && m.starts_with(name) && m.as_bytes()[name.len()] == b'.'
    }) || dev_path(name).is_some_and(|p| p.ends_with("__init__.py"))
}

/// The file a module would have under `AIO_LIB_DIR`, if that is set and the
/// file exists.
fn dev_path(name: &str) -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("AIO_LIB_DIR")?;
    let rel = name.replace('.', "/");
    let base = std::path::Path::new(&dir);
    [
        base.join(format!("{rel}.py")),
        base.join(&rel).join("__init__.py"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// The source of module `name`, if it is one of ours.
fn source(name: &str) -> Option<&'static str> {
    if let Some(path) = dev_path(name) {
        let text = std::fs::read_to_string(path).ok()?;
        // Leaked once per import of a development copy: the registry of
        // sources keeps `&'static str`s for tracebacks.
        return Some(Box::leak(text.into_boxed_str()));
    }
    EMBEDDED.iter().find(|(m, _)| *m == name).map(|(_, s)| *s)
}

/// The names of every embedded module (for completion and docs checks).
pub fn names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(m, _)| *m)
}

/// Imports module `name` from its source, or `None` if it is not ours.
/// The module is entered in the module table before its body runs, as
/// CPython does, so modules that import each other see it.
pub fn load(vm: &mut Vm, name: &str) -> Option<PyResult> {
    let src = source(name)?;
    let filename = format!("<{name}>");
    let g = vm.new_globals(name);
    {
        let mut d = g.borrow_mut();
        d.insert("__file__".into(), Value::str(filename.as_str()));
        if is_package(name) {
            d.insert("__path__".into(), Value::list(Vec::new()));
            d.insert("__package__".into(), Value::str(name));
        } else {
            let pkg = name.rsplit_once('.').map_or("", |(p, _)| p);
            d.insert("__package__".into(), Value::str(pkg));
        }
    }
    let module = Value::Module(Rc::new(ModuleObj {
        name: name.into(),
        dict: g.clone(),
    }));
    vm.modules.insert(name.to_string(), module.clone());
    if let Err(e) = vm.exec_module_source(&filename, src, g) {
        vm.modules.remove(name);
        return Some(Err(e));
    }
    Some(Ok(module))
}

/// Built-in names whose type is written in the language: (name, module).
/// The module is imported the first time a program looks the name up, so
/// programs that never use the type do not pay for compiling it.
const LAZY_BUILTINS: &[(&str, &str)] = &[
    ("complex", "_complex"),
    ("open", "_fileio"),
    ("bytearray", "_bytearray"),
];

/// The names provided lazily, for `dir(builtins)`.
pub fn lazy_builtin_names() -> impl Iterator<Item = &'static str> {
    LAZY_BUILTINS.iter().map(|(name, _)| *name)
}

impl Vm {
    /// The built-in `name` if it is one of the lazily provided ones; it is
    /// entered in the builtins from then on.
    pub fn lazy_builtin(&mut self, name: &str) -> Result<Option<Value>, Value> {
        let Some((_, module)) = LAZY_BUILTINS.iter().find(|(n, _)| *n == name) else {
            return Ok(None);
        };
        let m = self.import_module(module)?;
        let v = self.getattr(&m, name)?;
        self.builtins.borrow_mut().insert(name.into(), v.clone());
        Ok(Some(v))
    }
}
