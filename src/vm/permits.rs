//! The one door to the outside: modules that read or write files, open
//! sockets, start programs or touch the environment ask here first, and a
//! refusal becomes `PermissionError` naming the operation, the resource and
//! the flag that grants it (policy in `crate::permissions`).

use super::{PyResult, Vm};
use crate::permissions::Access;

impl Vm {
    pub fn require(&mut self, access: Access) -> PyResult<()> {
        match self.permissions.check(access) {
            Ok(()) => Ok(()),
            Err(msg) => Err(self.new_exc("PermissionError", &msg)),
        }
    }

    /// Whether the environment variable `name` is visible to the program.
    pub fn env_visible(&self, name: &str) -> bool {
        self.permissions.env_visible(name)
    }
}
