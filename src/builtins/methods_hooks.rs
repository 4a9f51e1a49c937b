//! Behaviour of native built-in objects (dict views) that the generic
//! protocols (`in`, `iter`) defer to.

use crate::vm::{Value, Vm};

pub fn contains(vm: &mut Vm, c: &Value, item: &Value) -> Result<Option<bool>, Value> {
    super::methods::view_contains(vm, c, item)
}

pub fn iter(vm: &mut Vm, v: &Value) -> Result<Option<Value>, Value> {
    super::methods::view_iter(vm, v)
}
