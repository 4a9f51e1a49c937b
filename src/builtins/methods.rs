//! Methods of the built-in types (str, list, dict, set, tuple, int, float…).

use crate::vm::{Value, Vm};

pub fn install(_vm: &mut Vm) {}

/// `len()` of native runtime objects without `__len__`.
pub fn native_len(_vm: &mut Vm, _v: &Value) -> Option<usize> {
    None
}
