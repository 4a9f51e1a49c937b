//! Built-in modules importable by programs.

use crate::vm::{PyResult, Value, Vm};

pub mod sys;

/// Creates a built-in module by name, or `None` if there is no such module.
pub fn load(vm: &mut Vm, name: &str) -> Result<Option<Value>, Value> {
    let m: PyResult = match name {
        "sys" => sys::create(vm),
        _ => return Ok(None),
    };
    m.map(Some)
}
