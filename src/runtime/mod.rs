//! The async runtime: the event loop and the objects it schedules. Hooks
//! here let the VM treat runtime objects (futures, tasks) natively.

use crate::vm::awaiting::NativeAwait;
use crate::vm::{Value, Vm};
use std::collections::HashMap;

#[derive(Default)]
pub struct Runtime {
    /// Source text by file name, for traceback lines.
    pub sources: HashMap<String, String>,
}

pub fn native_repr(_vm: &mut Vm, _v: &Value) -> Result<Option<String>, Value> {
    Ok(None)
}

pub fn native_truthy(_vm: &mut Vm, _v: &Value) -> Option<bool> {
    None
}

pub fn native_contains(_vm: &mut Vm, _c: &Value, _item: &Value) -> Result<Option<bool>, Value> {
    Ok(None)
}

pub fn native_iter(_vm: &mut Vm, _v: &Value) -> Result<Option<Value>, Value> {
    Ok(None)
}

pub fn await_native(_vm: &mut Vm, _v: &Value) -> Result<Option<NativeAwait>, Value> {
    Ok(None)
}

pub fn is_native_awaitable(_v: &Value) -> bool {
    false
}
