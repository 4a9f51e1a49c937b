//! `concurrent` and `concurrent.futures`: `ThreadPoolExecutor` as the
//! context manager programs hand to `run_in_executor` (the work itself runs
//! as design.md §2 describes, on the loop's offload clock).

use crate::vm::module::ModuleObj;
use crate::vm::{PyResult, Value, Vm};
use std::rc::Rc;

const SOURCE: &str = "
class Executor:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is not None and max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        self._max_workers = max_workers if max_workers is not None else 5
        self._thread_name_prefix = thread_name_prefix
        self._shutdown = False
        if initializer is not None:
            initializer(*initargs)


class ProcessPoolExecutor(ThreadPoolExecutor):
    pass
";

pub fn create_futures(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("concurrent.futures");
    vm.exec_module_source("<concurrent.futures>", SOURCE, g.clone())?;
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "concurrent.futures".into(),
        dict: g,
    })))
}

pub fn create_package(vm: &mut Vm) -> PyResult {
    // `concurrent.futures` becomes an attribute when it is imported.
    let g = vm.new_globals("concurrent");
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "concurrent".into(),
        dict: g,
    })))
}
