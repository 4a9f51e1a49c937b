//! Built-in modules importable by programs.

use crate::vm::{PyResult, Value, Vm};

pub mod asyncio;
pub mod concurrent;
pub mod inspect;
pub mod sys;
pub mod time;
pub mod typing;

/// Creates a built-in module by name, or `None` if there is no such module.
pub fn load(vm: &mut Vm, name: &str) -> Result<Option<Value>, Value> {
    let m: PyResult = match name {
        "sys" => sys::create(vm),
        "typing" => typing::create_typing(vm),
        "collections.abc" => typing::create_abc(vm),
        "collections" => typing::create_collections(vm),
        "inspect" => inspect::create(vm),
        "asyncio" => asyncio::create(vm),
        "time" => time::create(vm),
        "concurrent" => concurrent::create_package(vm),
        "concurrent.futures" => concurrent::create_futures(vm),
        _ => return Ok(None),
    };
    m.map(Some)
}
