//! Module objects: a name and a namespace.

use super::function::Globals;
use std::rc::Rc;

pub struct ModuleObj {
    pub name: Rc<str>,
    pub dict: Globals,
}
