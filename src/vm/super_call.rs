//! `super().name(...)` without building a super object: the compiler emits
//! `LoadSuperMethod` for a zero-argument `super()` whose method is called at
//! once (as CPython's LOAD_SUPER_ATTR), with `super`, the `__class__` cell
//! and the first argument on the stack.

use super::function::Args;
use super::interp::Vm;
use super::types::TypeId;
use super::value::Value;

impl Vm {
    /// Given `super`, the `__class__` cell and the first local (maybe
    /// unbound), what `LoadMethod` would push for `super().name`.
    pub(crate) fn load_super_method(
        &mut self,
        sup: Value,
        cell: Value,
        obj: Value,
        name: &str,
    ) -> Result<(Value, Value), Value> {
        let is_builtin_super = matches!(&sup, Value::Class(c) if c.builtin == Some(TypeId::Super));
        if is_builtin_super
            && !obj.is_unbound()
            && !matches!(obj, Value::Class(_))
            && let Value::Cell(cell) = &cell
            && let Value::Class(this) = &*cell.borrow()
            && let Some(f @ Value::Function(_)) = self.types.class_of(&obj).lookup_after(this, name)
        {
            return Ok((f, obj));
        }
        // Anything else (a shadowed `super`, a classmethod, a descriptor, a
        // missing attribute): the ordinary `super()` call and lookup, which
        // inspect this same frame.
        let s = self.call(&sup, Args::default())?;
        self.load_method(s, name)
    }
}
