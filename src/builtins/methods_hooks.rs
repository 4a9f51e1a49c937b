//! Behaviour of native built-in objects (dict views) that the generic
//! protocols (`in`, `iter`) defer to.

use crate::vm::{Value, Vm};

pub fn contains(_vm: &mut Vm, _c: &Value, _item: &Value) -> Result<Option<bool>, Value> {
    Ok(None)
}

pub fn iter(_vm: &mut Vm, _v: &Value) -> Result<Option<Value>, Value> {
    Ok(None)
}
