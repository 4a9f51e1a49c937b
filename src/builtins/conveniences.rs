//! aio's script conveniences (design.md §1): `sleep`, `gather` and `spawn`
//! as built-in names, each the asyncio function of the same role.

use super::function;
use crate::vm::Vm;
use crate::vm::function::{Args, PyResult};

pub fn install(vm: &mut Vm) {
    function(vm, "sleep", sleep);
    function(vm, "gather", gather);
    function(vm, "spawn", spawn);
}

fn call_asyncio(vm: &mut Vm, name: &str, args: Args) -> PyResult {
    let m = vm.import_module("asyncio")?;
    let f = vm.getattr(&m, name)?;
    vm.call(&f, args)
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult {
    call_asyncio(vm, "sleep", args)
}

fn gather(vm: &mut Vm, args: Args) -> PyResult {
    call_asyncio(vm, "gather", args)
}

fn spawn(vm: &mut Vm, args: Args) -> PyResult {
    call_asyncio(vm, "create_task", args)
}
