//! Built-in modules importable by programs.

use crate::vm::{PyResult, Value, Vm};
use std::rc::Rc;

pub mod asyncio;
pub mod concurrent;
mod contextvars_native;
mod hashlib_native;
pub mod inspect;
pub mod lazy;
pub mod math;
pub(crate) mod os_native;
pub mod pure;
pub mod re_engine;
mod signal_native;
pub mod sockets;
pub mod streams;
pub mod subprocess;
pub mod sys;
pub mod time;
mod time_calendar;
pub mod typing;
mod weakref_native;
pub mod zlib_native;

/// Creates a built-in module by name, or `None` if there is no such module.
pub fn load(vm: &mut Vm, name: &str) -> Result<Option<Value>, Value> {
    // A module written in the language itself takes precedence over a
    // native one of the same name (the native ones are placeholders).
    if let Some(m) = pure::load(vm, name) {
        return m.map(Some);
    }
    let m: PyResult = match name {
        "sys" => sys::create(vm),
        // The module's namespace is the interpreter's builtins themselves.
        "builtins" => Ok(Value::Module(Rc::new(crate::vm::module::ModuleObj {
            name: "builtins".into(),
            dict: vm.builtins.clone(),
        }))),
        "typing" => typing::create_typing(vm),
        "collections.abc" => typing::create_abc(vm),
        "collections" => typing::create_collections(vm),
        "inspect" => inspect::create(vm),
        "asyncio" => asyncio::create(vm),
        "asyncio.subprocess" => {
            if let Value::Module(m) = vm.import_module("asyncio")? {
                asyncio::load_io(vm, m.dict.clone())?;
            }
            return Ok(vm.modules.get("asyncio.subprocess").cloned());
        }
        "time" => time::create(vm),
        "_os" => os_native::create(vm),
        "_contextvars" => contextvars_native::create(vm),
        "_hashlib" => hashlib_native::create(vm),
        "_zlib" => zlib_native::create(vm),
        "_weakref" => weakref_native::create(vm),
        "_signal" => signal_native::create(vm),
        "math" => math::create(vm),
        "_re" => re_engine::create(vm),
        "concurrent" => concurrent::create_package(vm),
        "concurrent.futures" => concurrent::create_futures(vm),
        _ => return Ok(None),
    };
    m.map(Some)
}

impl Vm {
    /// Runs source that ships inside the binary (a module written in the
    /// language itself) in the namespace `g`.
    pub fn exec_module_source(
        &mut self,
        name: &str,
        src: &str,
        g: crate::vm::function::Globals,
    ) -> Result<(), Value> {
        crate::vm::sources::register(name, src);
        self.exec_unit_source(name, src, g)
    }

    /// Compiles and runs `src` in `g` under file name `name`, whose text the
    /// source registry already holds (see lazy.rs).
    pub fn exec_unit_source(
        &mut self,
        name: &str,
        src: &str,
        g: crate::vm::function::Globals,
    ) -> Result<(), Value> {
        let fail = |vm: &mut Vm, errs: Vec<crate::diagnostics::SyntaxError>| {
            let msg = errs.first().map(|e| e.message.clone()).unwrap_or_default();
            vm.new_exc("SystemError", &format!("{name}: {msg}"))
        };
        let module = match crate::parser::parse(src) {
            Ok(m) => m,
            Err(errs) => return Err(fail(self, errs)),
        };
        let code = match crate::compiler::compile(&module, name, src, crate::compiler::Mode::Module)
        {
            Ok(c) => c,
            Err(errs) => return Err(fail(self, errs)),
        };
        let frame = self.new_frame(code, g, crate::vm::frame::ResumeKind::Boundary);
        self.run_frame(frame).map(|_| ())
    }
}
