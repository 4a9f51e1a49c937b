//! AST → bytecode, one code object per function, class body, lambda and
//! comprehension.

pub mod bytecode;
mod codegen;
mod fuse;
mod mangle;
pub mod symtable;

use crate::ast::Module;
use crate::diagnostics::SyntaxError;
use bytecode::Code;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A script: top-level `await` makes the body the main coroutine.
    Module,
    /// A REPL line: expression statements print their value.
    Interactive,
    /// `eval`: one expression, whose value the code returns.
    Eval,
    /// `exec`/`compile(..., 'exec')`: a module body whose top-level names go
    /// through the locals namespace (LOAD_NAME), which may differ from the
    /// globals.
    Exec,
}

pub fn compile(
    module: &Module,
    filename: &str,
    source: &str,
    mode: Mode,
) -> Result<Rc<Code>, Vec<SyntaxError>> {
    let mangled;
    let module = if mangle::has_class(&module.body) {
        let mut m = module.clone();
        mangle::module(&mut m);
        mangled = m;
        &mangled
    } else {
        module
    };
    let table = symtable::analyze(module);
    if !table.errors.is_empty() {
        return Err(table.errors);
    }
    codegen::compile_module(module, &table, filename, source, mode)
}
