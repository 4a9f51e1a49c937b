//! Objects implemented in Rust that programs see as instances of a class:
//! the runtime's futures, tasks, queues and locks hang off `NativeData`.

use super::class::{AttrMap, Class};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

pub struct NativeObj {
    pub class: Rc<Class>,
    pub data: RefCell<Box<dyn Any>>,
    pub dict: RefCell<Option<AttrMap>>,
}
