//! The dispatch loop. Python calls push heap frames onto `Vm::frames` and
//! the loop continues in the new frame — no Rust recursion per call — so a
//! coroutine's whole await chain can be lifted off the stack at a suspension.
//! Rust code that must call back into Python (a `key=` function, `__repr__`)
//! runs a nested loop bounded by a `Boundary` frame.

use super::attr::Loaded;
use super::class::{AttrMap, TraceEntry};
use super::frame::{Block, BlockKind, Frame, ResumeKind};
use super::function::{Args, Globals, PyResult};
use super::generator::{GenState, Generator};
use super::types::Types;
use super::value::Value;
use crate::ast::{BinOp, UnaryOp};
use crate::compiler::bytecode::{BUILTIN_BIT, Code, Op};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// How a run of the loop ended.
pub enum Exit {
    Return(Value),
    /// The boundary frame yielded: its frames, to store in the generator.
    Yield(Value, super::generator::FrameChain),
}

pub struct Vm {
    pub frames: Vec<Box<Frame>>,
    pub types: Types,
    pub builtins: Globals,
    pub modules: std::collections::HashMap<String, Value>,
    pub argv: Vec<String>,
    pub out: std::io::BufWriter<super::output::Sink>,
    pub recursion_limit: usize,
    /// Python frames alive across nested runs, for RecursionError.
    pub depth: usize,
    #[allow(clippy::vec_box)] // frames move between this pool and `frames` without copying
    frame_pool: Vec<Box<Frame>>,
    pub main_globals: Option<Globals>,
    pub repr_guard: Vec<usize>,
    /// How deep nested native walks (repr, ==, hash) are (vm/depth.rs).
    pub native_depth: u32,
    /// Per-VM state of the async runtime.
    pub runtime: crate::runtime::Runtime,
    /// Module sources compiled a definition at a time (modules/lazy.rs).
    pub lazy: crate::modules::lazy::LazyModules,
    /// The step countdown and run limits (vm/watch.rs).
    pub watch: super::watch::Watch,
    /// What the program may touch outside (everything, unless restricted).
    pub permissions: crate::permissions::Permissions,
}

impl Vm {
    pub fn new(argv: Vec<String>) -> Self {
        let mut vm = Vm {
            frames: Vec::with_capacity(64),
            types: Types::new(),
            builtins: Rc::new(RefCell::new(super::class::new_attrs())),
            modules: Default::default(),
            argv,
            out: std::io::BufWriter::with_capacity(
                super::output::BUFFER,
                super::output::Sink::stdout(),
            ),
            recursion_limit: 1000,
            depth: 0,
            frame_pool: Vec::new(),
            main_globals: None,
            repr_guard: Vec::new(),
            native_depth: 0,
            runtime: Default::default(),
            lazy: Default::default(),
            watch: Default::default(),
            permissions: Default::default(),
        };
        crate::builtins::install(&mut vm);
        // Imported from the start, as in CPython, so every namespace's
        // `__builtins__` is the one module `import builtins` returns.
        let builtins = Value::Module(Rc::new(super::module::ModuleObj {
            name: "builtins".into(),
            dict: vm.builtins.clone(),
        }));
        vm.modules.insert("builtins".into(), builtins);
        vm
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }

    pub fn new_globals(&self, name: &str) -> Globals {
        let mut g = super::class::new_attrs();
        g.insert("__name__".into(), Value::str(name));
        g.insert("__doc__".into(), Value::None);
        g.insert("__package__".into(), Value::None);
        g.insert("__spec__".into(), Value::None);
        // As CPython's `__main__`: the builtins module itself.
        let builtins = self.modules.get("builtins").cloned().unwrap_or(Value::None);
        g.insert("__builtins__".into(), builtins);
        Rc::new(RefCell::new(g))
    }

    // ------------------------------------------------------------ frames

    /// Makes a frame for `code` with empty locals.
    pub fn new_frame(&mut self, code: Rc<Code>, globals: Globals, kind: ResumeKind) -> Box<Frame> {
        let n = code.nlocals();
        let mut f = self.new_frame_raw(code, globals, kind);
        f.regs.resize(n, Value::Unbound);
        f
    }

    /// A frame whose register vector is empty: the caller pushes the locals.
    #[inline]
    pub fn new_frame_raw(
        &mut self,
        code: Rc<Code>,
        globals: Globals,
        kind: ResumeKind,
    ) -> Box<Frame> {
        let n = code.nlocals();
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.code = code;
                f.globals = globals;
                f.ip = 0;
                f.kind = kind;
                f.ns = None;
                f.ns_mapping = None;
                f
            }
            None => Box::new(Frame {
                regs: Vec::with_capacity(n + code.initial_stack()),
                code,
                ip: 0,
                cells: Vec::new(),
                globals,
                ns: None,
                ns_mapping: None,
                blocks: Vec::new(),
                handling: Vec::new(),
                kind,
            }),
        }
    }

    #[inline]
    pub fn recycle(&mut self, mut f: Box<Frame>) {
        if self.frame_pool.len() < 64 {
            f.regs.clear();
            f.cells.clear();
            f.blocks.clear();
            f.handling.clear();
            f.ns = None;
            f.ns_mapping = None;
            self.frame_pool.push(f);
        }
    }

    /// Runs a frame to completion on top of the current stack.
    pub fn run_frame(&mut self, mut frame: Box<Frame>) -> PyResult {
        frame.kind = ResumeKind::Boundary;
        self.frames.push(frame);
        match self.run() {
            Ok(Exit::Return(v)) => Ok(v),
            Ok(Exit::Yield(_, frames)) => {
                for f in frames {
                    self.recycle(f);
                }
                Err(self.new_exc("RuntimeError", "unexpected yield outside a generator"))
            }
            Err(e) => Err(e),
        }
    }

    /// Resumes a generator/coroutine: pushes its frames, sends a value (or
    /// throws), and runs until it yields, returns or raises.
    pub fn resume_gen(&mut self, gen_: &Rc<Generator>, send: Resume) -> Result<GenOutcome, Value> {
        let frames = {
            let mut st = gen_.state.borrow_mut();
            match std::mem::replace(&mut *st, GenState::Running) {
                GenState::Suspended(f) => f,
                GenState::Running => {
                    *st = GenState::Running;
                    drop(st);
                    let what = gen_kind_name(gen_);
                    return Err(self.new_exc("ValueError", &format!("{what} already executing")));
                }
                GenState::Finished => {
                    *st = GenState::Finished;
                    drop(st);
                    return Err(match send {
                        Resume::Throw(e) => e,
                        Resume::Send(_) => match gen_.kind {
                            super::generator::GenKind::Coroutine => self
                                .new_exc("RuntimeError", "cannot reuse already awaited coroutine"),
                            super::generator::GenKind::AsyncGenerator => {
                                self.new_exc_empty("StopAsyncIteration")
                            }
                            _ => self.new_exc_empty("StopIteration"),
                        },
                    });
                }
            }
        };
        let started = gen_.started.replace(true);
        let base = self.frames.len();
        for mut f in frames {
            if self.frames.len() == base {
                f.kind = ResumeKind::Boundary;
            }
            self.frames.push(f);
        }
        match send {
            Resume::Send(v) => {
                if started {
                    if let Some(top) = self.frames.last_mut() {
                        top.push(v);
                    }
                } else if !v.is_none() {
                    let frames: super::generator::FrameChain = self.frames.drain(base..).collect();
                    *gen_.state.borrow_mut() = GenState::Suspended(frames);
                    gen_.started.set(false);
                    let what = gen_kind_name(gen_);
                    return Err(self.new_exc(
                        "TypeError",
                        &format!("can't send non-None value to a just-started {what}"),
                    ));
                }
            }
            Resume::Throw(e) => {
                // Raise at the innermost frame's current instruction.
                let outcome = self.unwind(e, base);
                match outcome {
                    Ok(None) => {}
                    Ok(Some(exit)) => return Ok(self.finish_resume(gen_, Ok(exit))),
                    Err(e) => {
                        *gen_.state.borrow_mut() = GenState::Finished;
                        return Err(e);
                    }
                }
            }
        }
        let r = self.run_from(base);
        match r {
            Err(e) => {
                *gen_.state.borrow_mut() = GenState::Finished;
                Err(e)
            }
            Ok(exit) => Ok(self.finish_resume(gen_, Ok(exit))),
        }
    }

    fn finish_resume(&mut self, gen_: &Rc<Generator>, r: Result<Exit, Value>) -> GenOutcome {
        match r {
            Ok(Exit::Yield(v, frames)) => {
                *gen_.state.borrow_mut() = GenState::Suspended(frames);
                GenOutcome::Yielded(v)
            }
            Ok(Exit::Return(v)) => {
                *gen_.state.borrow_mut() = GenState::Finished;
                GenOutcome::Returned(v)
            }
            Err(_) => {
                *gen_.state.borrow_mut() = GenState::Finished;
                GenOutcome::Returned(Value::None)
            }
        }
    }

    // ------------------------------------------------------------ the loop

    /// Runs from the top frame until the frame at the current base (the
    /// topmost `Boundary` frame) finishes.
    pub fn run(&mut self) -> Result<Exit, Value> {
        let base = self.frames.len().saturating_sub(1);
        self.run_from(base)
    }

    /// Runs until the frame at index `base` finishes or yields.
    pub fn run_from(&mut self, base: usize) -> Result<Exit, Value> {
        self.depth += 1;
        // Each nested run is a native recursion as well: it is bounded like
        // CPython's C recursion, whatever the Python limit.
        let limit = (self.recursion_limit + 50).min(super::depth::NATIVE_DEPTH_LIMIT as usize);
        if self.depth > limit {
            self.depth -= 1;
            let e = self.new_exc("RecursionError", "maximum recursion depth exceeded");
            if let Some(f) = self.frames.pop() {
                self.recycle(f);
            }
            return Err(e);
        }
        let r = self.run_inner(base);
        self.depth -= 1;
        r
    }

    fn run_inner(&mut self, base: usize) -> Result<Exit, Value> {
        'frames: loop {
            let Some(top) = self.frames.last_mut() else {
                return Ok(Exit::Return(Value::None));
            };
            // SAFETY: frames are boxed, so this frame's address is stable while
            // other frames are pushed or popped above it; it is only dropped
            // by the loop itself, after which we `continue 'frames`.
            let frame: &mut Frame = unsafe { &mut *(&mut **top as *mut Frame) };
            // SAFETY: the frame holds an Rc to its code for its whole life.
            let code: &Code = unsafe { &*Rc::as_ptr(&frame.code) };
            // A plain slice (no interior mutability) stays in registers.
            let ops: &[Op] = &code.ops;
            // A frame entered at its first instruction is a call: one step.
            if frame.ip == 0
                && let Err(e) = self.tick()
            {
                match self.unwind(e, base) {
                    Ok(None) => continue 'frames,
                    Ok(Some(x)) => return Ok(x),
                    Err(e) => return Err(e),
                }
            }
            loop {
                let Some(&op) = ops.get(frame.ip) else {
                    let e = self.new_exc("SystemError", "instruction pointer out of range");
                    match self.unwind(e, base) {
                        Ok(None) => continue 'frames,
                        Ok(Some(x)) => return Ok(x),
                        Err(e) => return Err(e),
                    }
                };
                frame.ip += 1;
                let result: Result<(), Value> = match op {
                    Op::Nop => Ok(()),
                    Op::LoadConst(i) => {
                        frame.regs.push(code.consts[i as usize].dup());
                        Ok(())
                    }
                    Op::LoadFast(i) | Op::LoadFastChecked(i) => {
                        self.load_fast(frame, code, i as usize)
                    }
                    Op::FastConstOp(a, k) => {
                        let x = &frame.regs[a as usize];
                        if let (Value::Int(x), Value::Int(y)) = (x, &code.consts[k as usize])
                            && fused_int_op(frame, ops, *x, *y)
                        {
                            continue;
                        }
                        self.load_fast(frame, code, a as usize)
                    }
                    Op::FastFastOp(a, b) => {
                        if let (Value::Int(x), Value::Int(y)) =
                            (&frame.regs[a as usize], &frame.regs[b as usize])
                            && fused_int_op(frame, ops, *x, *y)
                        {
                            continue;
                        }
                        self.load_fast(frame, code, a as usize)
                    }
                    Op::StoreFast(i) => {
                        let v = frame.pop();
                        std::mem::replace(&mut frame.regs[i as usize], v).discard();
                        if super::generator::FINALIZE_PENDING
                            .load(std::sync::atomic::Ordering::Relaxed)
                        {
                            self.run_finalizers();
                        }
                        Ok(())
                    }
                    Op::DeleteFast(i) => {
                        if frame.regs[i as usize].is_unbound() {
                            let name = &code.varnames[i as usize];
                            Err(self.new_exc(
                                "UnboundLocalError",
                                &format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                ),
                            ))
                        } else {
                            frame.regs[i as usize] = Value::Unbound;
                            self.finalize_if_pending();
                            Ok(())
                        }
                    }
                    Op::LoadDeref(i) => {
                        let v = frame.cells[i as usize].borrow().clone();
                        if v.is_unbound() {
                            Err(self.unbound_cell(code, i as usize))
                        } else {
                            frame.regs.push(v);
                            Ok(())
                        }
                    }
                    Op::StoreDeref(i) => {
                        let v = frame.pop();
                        *frame.cells[i as usize].borrow_mut() = v;
                        Ok(())
                    }
                    Op::DeleteDeref(i) => {
                        *frame.cells[i as usize].borrow_mut() = Value::Unbound;
                        Ok(())
                    }
                    Op::LoadClosure(i) => {
                        let c = frame.cells[i as usize].clone();
                        frame.regs.push(Value::Cell(c));
                        Ok(())
                    }
                    Op::LoadClassDeref(i) => {
                        let ncell = code.cellvars.len();
                        let name = if (i as usize) < ncell {
                            code.cellvars[i as usize].clone()
                        } else {
                            code.freevars[i as usize - ncell].clone()
                        };
                        let from_ns = frame
                            .ns
                            .as_ref()
                            .and_then(|ns| ns.borrow().get(&*name).cloned());
                        match from_ns {
                            Some(v) => {
                                frame.regs.push(v);
                                Ok(())
                            }
                            None => {
                                let v = frame.cells[i as usize].borrow().clone();
                                if v.is_unbound() {
                                    Err(self.unbound_cell(code, i as usize))
                                } else {
                                    frame.regs.push(v);
                                    Ok(())
                                }
                            }
                        }
                    }
                    Op::LoadGlobal(i) => {
                        let name = &code.names[i as usize];
                        let slot = &code.global_cache[i as usize];
                        let cached = slot.get();
                        if cached != 0 {
                            let hit = if cached & BUILTIN_BIT == 0 {
                                let g = frame.globals.borrow();
                                match g.get_index((cached - 1) as usize) {
                                    Some((k, v)) if Rc::ptr_eq(k, name) || **k == **name => {
                                        Some(v.clone())
                                    }
                                    _ => None,
                                }
                            } else {
                                // A builtin stays valid while no global shadows it.
                                let shadowed = frame.globals.borrow().contains_key(&**name);
                                let b = self.builtins.borrow();
                                match b.get_index(((cached & !BUILTIN_BIT) - 1) as usize) {
                                    Some((k, v))
                                        if !shadowed && (Rc::ptr_eq(k, name) || **k == **name) =>
                                    {
                                        Some(v.clone())
                                    }
                                    _ => None,
                                }
                            };
                            if let Some(v) = hit {
                                frame.regs.push(v);
                                continue;
                            }
                        }
                        let full = frame
                            .globals
                            .borrow()
                            .get_full(&**name)
                            .map(|(i, _, v)| (i, v.clone()));
                        if let Some((idx, v)) = full {
                            slot.set(idx as u32 + 1);
                            frame.regs.push(v);
                            continue;
                        }
                        if let Some((idx, _, v)) = self.builtins.borrow().get_full(&**name) {
                            slot.set((idx as u32 + 1) | BUILTIN_BIT);
                            frame.regs.push(v.clone());
                            continue;
                        }
                        let found: Option<Value> = None;
                        match found {
                            Some(v) => {
                                frame.regs.push(v);
                                Ok(())
                            }
                            None => {
                                let b = self.builtins.borrow().get(&**name).cloned();
                                match b {
                                    Some(v) => {
                                        frame.regs.push(v);
                                        Ok(())
                                    }
                                    None => self.load_missing_global(frame, name),
                                }
                            }
                        }
                    }
                    Op::StoreGlobal(i) => {
                        let v = frame.pop();
                        frame
                            .globals
                            .borrow_mut()
                            .insert(code.names[i as usize].clone(), v);
                        self.finalize_if_pending();
                        Ok(())
                    }
                    Op::DeleteGlobal(i) => {
                        let name = &code.names[i as usize];
                        let removed = frame.globals.borrow_mut().shift_remove(&**name);
                        match removed {
                            Some(v) => {
                                drop(v);
                                self.finalize_if_pending();
                                Ok(())
                            }
                            None => Err(self.name_error(name)),
                        }
                    }
                    Op::LoadName(i) if frame.ns_mapping.is_some() => {
                        let name = code.names[i as usize].clone();
                        let m = frame.ns_mapping.clone().unwrap_or_default();
                        match self.mapping_lookup(&m, &name) {
                            Ok(Some(v)) => {
                                frame.regs.push(v);
                                Ok(())
                            }
                            Ok(None) => {
                                let g = frame.globals.borrow().get(&*name).cloned();
                                let found =
                                    g.or_else(|| self.builtins.borrow().get(&*name).cloned());
                                match found {
                                    Some(v) => {
                                        frame.regs.push(v);
                                        Ok(())
                                    }
                                    None => self.load_missing_global(frame, &name),
                                }
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::StoreName(i) if frame.ns_mapping.is_some() => {
                        let v = frame.pop();
                        let m = frame.ns_mapping.clone().unwrap_or_default();
                        let key = Value::str(&*code.names[i as usize]);
                        self.setitem(&m, key, v)
                    }
                    Op::DeleteName(i) if frame.ns_mapping.is_some() => {
                        let m = frame.ns_mapping.clone().unwrap_or_default();
                        let key = Value::str(&*code.names[i as usize]);
                        self.delitem(&m, &key)
                    }
                    Op::LoadName(i) => {
                        let name = &code.names[i as usize];
                        let mut found = frame
                            .ns
                            .as_ref()
                            .and_then(|ns| ns.borrow().get(&**name).cloned());
                        if found.is_none() {
                            found = frame.globals.borrow().get(&**name).cloned();
                        }
                        if found.is_none() {
                            found = self.builtins.borrow().get(&**name).cloned();
                        }
                        match found {
                            Some(v) => {
                                frame.regs.push(v);
                                Ok(())
                            }
                            None => self.load_missing_global(frame, name),
                        }
                    }
                    Op::StoreName(i) => {
                        let v = frame.pop();
                        let name = code.names[i as usize].clone();
                        match &frame.ns {
                            Some(ns) => {
                                ns.borrow_mut().insert(name, v);
                            }
                            None => {
                                frame.globals.borrow_mut().insert(name, v);
                            }
                        }
                        self.finalize_if_pending();
                        Ok(())
                    }
                    Op::DeleteName(i) => {
                        let name = &code.names[i as usize];
                        let removed = match &frame.ns {
                            Some(ns) => ns.borrow_mut().shift_remove(&**name),
                            None => frame.globals.borrow_mut().shift_remove(&**name),
                        };
                        match removed {
                            Some(v) => {
                                drop(v);
                                self.finalize_if_pending();
                                Ok(())
                            }
                            None => Err(self.name_error(name)),
                        }
                    }
                    Op::LoadAttr(i) => {
                        let obj = frame.pop();
                        let name = &code.names[i as usize];
                        match self.load_attr(&obj, name, &code.attr_cache[i as usize]) {
                            Ok(Loaded::Value(v)) => {
                                frame.regs.push(v);
                                Ok(())
                            }
                            // A property's getter runs as a frame of this
                            // loop, like any call, instead of re-entering it.
                            Ok(Loaded::Getter(fget)) => {
                                frame.regs.push(fget);
                                frame.regs.push(obj);
                                if self.push_exact_call(frame, 1) {
                                    continue 'frames;
                                }
                                match self.call_from_stack(frame, 1, None) {
                                    Ok(true) => continue 'frames,
                                    Ok(false) => Ok(()),
                                    Err(e) => Err(e),
                                }
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::StoreAttr(i) => {
                        let obj = frame.pop();
                        let v = frame.pop();
                        self.store_attr(
                            &obj,
                            &code.names[i as usize],
                            &code.attr_cache[i as usize],
                            v,
                        )
                    }
                    Op::DeleteAttr(i) => {
                        let obj = frame.pop();
                        self.delattr(&obj, &code.names[i as usize])
                    }
                    Op::LoadMethod(i) => {
                        let obj = frame.pop();
                        match self.load_method(obj, &code.names[i as usize]) {
                            Ok((a, b)) => {
                                frame.regs.push(a);
                                frame.regs.push(b);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::LoadSuperMethod(i) => {
                        let obj = frame.regs.first().cloned().unwrap_or_default();
                        let cell = frame.pop();
                        let sup = frame.pop();
                        match self.load_super_method(sup, cell, obj, &code.names[i as usize]) {
                            Ok((a, b)) => {
                                frame.regs.push(a);
                                frame.regs.push(b);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallMethod(argc) => {
                        let n = Self::method_call_args(frame, argc as usize);
                        if self.push_exact_call(frame, n) {
                            continue 'frames;
                        }
                        match self.call_from_stack(frame, n, None) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallMethodKw(argc, ki) => {
                        let n = Self::method_call_args(frame, argc as usize);
                        let names = code.consts[ki as usize].clone();
                        match self.call_from_stack(frame, n, Some(names)) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(e),
                        }
                    }
                    Op::Call(argc) => {
                        if self.push_exact_call(frame, argc as usize) {
                            continue 'frames;
                        }
                        match self.call_from_stack(frame, argc as usize, None) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallKw(argc, ki) => {
                        let names = code.consts[ki as usize].clone();
                        match self.call_from_stack(frame, argc as usize, Some(names)) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(e),
                        }
                    }
                    Op::CallEx(has_kw) => {
                        let kwargs = if has_kw != 0 { Some(frame.pop()) } else { None };
                        let args = frame.pop();
                        let func = frame.pop();
                        match self.call_ex(frame, func, args, kwargs) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(e),
                        }
                    }
                    Op::Subscript => {
                        let idx = frame.pop();
                        let obj = frame.pop();
                        self.getitem(&obj, &idx).map(|v| frame.regs.push(v))
                    }
                    Op::StoreSubscr => {
                        let idx = frame.pop();
                        let obj = frame.pop();
                        let v = frame.pop();
                        self.setitem(&obj, idx, v)
                    }
                    Op::DeleteSubscr => {
                        let idx = frame.pop();
                        let obj = frame.pop();
                        self.delitem(&obj, &idx)
                    }
                    Op::Binary(bop) | Op::InPlace(bop) => {
                        // Int fast path, in place: the operands are ints, so
                        // nothing needs dropping.
                        if let [.., Value::Int(x), Value::Int(y)] = frame.regs[..]
                            && let Some(r) = int_binary(bop, x, y)
                        {
                            std::mem::forget(frame.regs.pop());
                            if let Some(Value::Int(slot)) = frame.regs.last_mut() {
                                *slot = r;
                            }
                            continue;
                        }
                        let b = frame.pop();
                        let a = frame.pop();
                        let inplace = matches!(op, Op::InPlace(_));
                        self.binary_op(bop, a, b, inplace)
                            .map(|v| frame.regs.push(v))
                    }
                    Op::Unary(uop) => {
                        let a = frame.pop();
                        let r = match uop {
                            UnaryOp::Not => self.truthy(&a).map(|t| Value::Bool(!t)),
                            _ => self.unary_op(uop, a),
                        };
                        r.map(|v| frame.regs.push(v))
                    }
                    Op::Compare(cop) => {
                        if let [.., Value::Int(x), Value::Int(y)] = frame.regs[..]
                            && let Some(r) = int_compare(cop, x, y)
                        {
                            std::mem::forget(frame.regs.pop());
                            std::mem::forget(frame.regs.pop());
                            push_or_jump(frame, ops, r);
                            continue;
                        }
                        let b = frame.pop();
                        let a = frame.pop();
                        self.compare(cop, &a, &b).map(|v| frame.regs.push(v))
                    }
                    Op::Pop => {
                        frame.regs.pop();
                        if super::generator::FINALIZE_PENDING
                            .load(std::sync::atomic::Ordering::Relaxed)
                        {
                            self.run_finalizers();
                        }
                        Ok(())
                    }
                    Op::Copy(n) => {
                        let len = frame.regs.len();
                        let v = frame.regs[len - 1 - n as usize].clone();
                        frame.regs.push(v);
                        Ok(())
                    }
                    Op::MatchCase(i) => self.match_case(frame, code, i),
                    Op::Imaginary => {
                        let x = frame.pop();
                        match self.call_support("_complex", "_imaginary", vec![x]) {
                            Ok(c) => {
                                frame.regs.push(c);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::Swap(n) => {
                        let len = frame.regs.len();
                        frame.regs.swap(len - 1, len - 1 - n as usize);
                        Ok(())
                    }
                    Op::Jump(t) => {
                        let backward = (t as usize) < frame.ip;
                        frame.ip = t as usize;
                        // Every loop iteration jumps back: one step.
                        if backward { self.tick() } else { Ok(()) }
                    }
                    Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                        let v = frame.pop();
                        let b = match v {
                            Value::Bool(b) => Ok(b),
                            ref other => self.truthy(other),
                        };
                        match b {
                            Ok(b) => {
                                if b == matches!(op, Op::PopJumpIfTrue(_)) {
                                    frame.ip = t as usize;
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                        match self.truthy(&frame.top()) {
                            Ok(b) => {
                                if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                                    frame.ip = t as usize;
                                } else {
                                    frame.regs.pop();
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::PopJumpIfNone(t) => {
                        if frame.pop().is_none() {
                            frame.ip = t as usize;
                        }
                        Ok(())
                    }
                    Op::GetIter => {
                        let v = frame.pop();
                        self.iter(&v).map(|it| frame.regs.push(it))
                    }
                    Op::ForIter(target) => {
                        // Range, list and tuple iterators step here, without
                        // leaving the dispatch loop.
                        let step = match frame.regs.last() {
                            Some(Value::Iter(ni)) => match ni.try_borrow_mut() {
                                Ok(mut it) => it.step_sequence(),
                                Err(_) => None,
                            },
                            _ => None,
                        };
                        match step {
                            Some(Some(v)) => {
                                frame.regs.push(v);
                                continue;
                            }
                            Some(None) => {
                                frame.regs.pop();
                                frame.ip = target as usize;
                                continue;
                            }
                            None => {}
                        }
                        match self.for_iter(frame, target) {
                            Ok(true) => continue 'frames,
                            Ok(false) => Ok(()),
                            Err(e) => Err(e),
                        }
                    }
                    Op::BuildTuple(n) => {
                        let at = frame.regs.len() - n as usize;
                        let items: Vec<Value> = frame.regs.drain(at..).collect();
                        frame.regs.push(Value::tuple(items));
                        Ok(())
                    }
                    Op::BuildList(n) => {
                        let at = frame.regs.len() - n as usize;
                        let items: Vec<Value> = frame.regs.drain(at..).collect();
                        frame.regs.push(Value::list(items));
                        Ok(())
                    }
                    Op::BuildSet(n) => {
                        let at = frame.regs.len() - n as usize;
                        let items: Vec<Value> = frame.regs.drain(at..).collect();
                        self.new_set(items).map(|s| frame.regs.push(s))
                    }
                    Op::BuildMap(n) => {
                        let at = frame.regs.len() - 2 * n as usize;
                        let items: Vec<Value> = frame.regs.drain(at..).collect();
                        let mut d = super::dict::Dict::new();
                        let mut r = Ok(());
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            // Keys equal by a user `__eq__` are one key.
                            let key = self
                                .hash(&k)
                                .and_then(|h| Ok((h, self.canonical_key(&d, h, &k)?)));
                            match key {
                                Ok((h, k)) => {
                                    d.insert(h, k, v);
                                }
                                Err(e) => {
                                    r = Err(e);
                                    break;
                                }
                            }
                        }
                        frame.regs.push(Value::dict(d));
                        r
                    }
                    Op::BuildSlice(n) => {
                        let step = if n == 3 { frame.pop() } else { Value::None };
                        let stop = frame.pop();
                        let start = frame.pop();
                        frame.regs.push(Value::Slice(Rc::new([start, stop, step])));
                        Ok(())
                    }
                    Op::BuildString(n) => {
                        let at = frame.regs.len() - n as usize;
                        let mut s = String::new();
                        for v in frame.regs.drain(at..) {
                            if let Value::Str(p) = v {
                                s.push_str(p.as_str());
                            }
                        }
                        frame.regs.push(Value::str(s));
                        Ok(())
                    }
                    Op::ListAppend(n) => {
                        let v = frame.pop();
                        let len = frame.regs.len();
                        match &frame.regs[len - n as usize] {
                            Value::List(l) => {
                                let room = self.room_for(&l.borrow(), 1);
                                if room.is_ok() {
                                    l.borrow_mut().push(v);
                                }
                                room
                            }
                            _ => Ok(()),
                        }
                    }
                    Op::SetAdd(n) => {
                        let v = frame.pop();
                        let len = frame.regs.len();
                        let target = frame.regs[len - n as usize].clone();
                        self.set_add(&target, v)
                    }
                    Op::MapAdd(n) => {
                        let v = frame.pop();
                        let k = frame.pop();
                        let len = frame.regs.len();
                        let target = frame.regs[len - n as usize].clone();
                        match self.hash(&k) {
                            Ok(h) => {
                                if let Value::Dict(d) = target {
                                    d.borrow_mut().insert(h, k, v);
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::ListExtend(n) => {
                        let v = frame.pop();
                        let len = frame.regs.len();
                        let target = frame.regs[len - n as usize].clone();
                        let items = match self.collect(&v) {
                            Err(e)
                                if self.exc_matches_name(&e, "TypeError")
                                    && self.iter(&v).is_err() =>
                            {
                                let tn = self.type_name(&v);
                                Err(self.type_error(&format!(
                                    "Value after * must be an iterable, not {tn}"
                                )))
                            }
                            other => other,
                        };
                        match items {
                            Ok(items) => {
                                if let Value::List(l) = target {
                                    l.borrow_mut().extend(items);
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::SetUpdate(n) => {
                        let v = frame.pop();
                        let len = frame.regs.len();
                        let target = frame.regs[len - n as usize].clone();
                        match self.collect(&v) {
                            Ok(items) => {
                                let mut r = Ok(());
                                for it in items {
                                    if let Err(e) = self.set_add(&target, it) {
                                        r = Err(e);
                                        break;
                                    }
                                }
                                r
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::DictUpdate(n) => {
                        let v = frame.pop();
                        let len = frame.regs.len();
                        let target = frame.regs[len - n as usize].clone();
                        self.dict_update(&target, &v, false)
                    }
                    Op::DictMerge(n) => {
                        // `f(**a, **b)`: the stack holds `f, args, kwargs`;
                        // a repeated key's error names the callee.
                        let v = frame.pop();
                        let len = frame.regs.len();
                        let target = frame.regs[len - n as usize].clone();
                        let func = frame.regs[len - n as usize - 2].clone();
                        self.dict_merge_for_call(&func, &target, &v)
                    }
                    Op::ListToTuple => {
                        let v = frame.pop();
                        let t = match v {
                            Value::List(l) => Value::tuple(std::mem::take(&mut *l.borrow_mut())),
                            other => other,
                        };
                        frame.regs.push(t);
                        Ok(())
                    }
                    Op::UnpackSequence(n) => {
                        let v = frame.pop();
                        match self.unpack(&v, n as usize, None) {
                            Ok(items) => {
                                frame.regs.extend(items.into_iter().rev());
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::UnpackEx(before, after) => {
                        let v = frame.pop();
                        match self.unpack(&v, before as usize, Some(after as usize)) {
                            Ok(items) => {
                                frame.regs.extend(items.into_iter().rev());
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::FormatValue(flags) => {
                        let spec = if flags & 4 != 0 {
                            Some(frame.pop())
                        } else {
                            None
                        };
                        let v = frame.pop();
                        self.format_value(v, flags & 3, spec)
                            .map(|s| frame.regs.push(s))
                    }
                    Op::MakeFunction(flags) => {
                        let f = self.make_function(frame, flags);
                        frame.regs.push(f);
                        Ok(())
                    }
                    Op::Return => {
                        let v = frame.pop();
                        // Hot path: an ordinary call returning to its caller.
                        if frame.kind == ResumeKind::Call && self.frames.len() > base + 1 {
                            if let Some(f) = self.frames.pop() {
                                self.recycle(f);
                            }
                            if let Some(caller) = self.frames.last_mut() {
                                caller.regs.push(v);
                            }
                            continue 'frames;
                        }
                        if frame.kind == ResumeKind::Init && self.frames.len() > base + 1 {
                            if let Some(f) = self.frames.pop() {
                                self.recycle(f);
                            }
                            if v.is_none() {
                                continue 'frames;
                            }
                            // Raised at the call site, as CPython's type_call does.
                            let tn = self.type_name(&v);
                            let e = self
                                .type_error(&format!("__init__() should return None, not '{tn}'"));
                            match self.unwind(e, base) {
                                Ok(None) => continue 'frames,
                                Ok(Some(x)) => return Ok(x),
                                Err(e) => return Err(e),
                            }
                        }
                        if code.flags.async_generator && frame.kind == ResumeKind::Delegate {
                            if let Some(f) = self.frames.pop() {
                                self.recycle(f);
                            }
                            if let Some(caller) = self.frames.last_mut()
                                && let Value::Generator(g) = caller.pop()
                            {
                                *g.state.borrow_mut() = GenState::Finished;
                            }
                            let e = self.new_exc_empty("StopAsyncIteration");
                            match self.unwind(e, base) {
                                Ok(None) => continue 'frames,
                                Ok(Some(x)) => return Ok(x),
                                Err(e) => return Err(e),
                            }
                        }
                        match self.return_from_frame(v, base) {
                            Some(exit) => return Ok(exit),
                            None => continue 'frames,
                        }
                    }
                    Op::YieldValue => {
                        let v = frame.pop();
                        match self.yield_value(v, base) {
                            Ok(Some(exit)) => return Ok(exit),
                            Ok(None) => continue 'frames,
                            Err(e) => Err(e),
                        }
                    }
                    Op::YieldFrom => match self.yield_from(frame, base) {
                        Ok(Flow::Next) => Ok(()),
                        Ok(Flow::Switch) => continue 'frames,
                        Ok(Flow::Exit(x)) => return Ok(x),
                        Err(e) => Err(e),
                    },
                    Op::GetAwaitable => {
                        let v = frame.pop();
                        self.get_awaitable(v).map(|a| frame.regs.push(a))
                    }
                    Op::GetYieldFromIter => {
                        let v = frame.pop();
                        let r = if matches!(v, Value::Generator(_))
                            || crate::runtime::is_native_awaitable(&v)
                        {
                            Ok(v)
                        } else {
                            self.iter(&v)
                        };
                        r.map(|it| frame.regs.push(it))
                    }
                    Op::GetAIter => {
                        let v = frame.pop();
                        self.get_aiter(v).map(|it| frame.regs.push(it))
                    }
                    Op::GetANext => {
                        let it = frame.top().clone();
                        self.get_anext(&it).map(|aw| frame.regs.push(aw))
                    }
                    Op::EndAsyncFor => {
                        let exc = frame.pop();
                        if self.exc_matches_name(&exc, "StopAsyncIteration") {
                            frame.regs.pop(); // the async iterator
                            frame.handling.pop();
                            Ok(())
                        } else {
                            Err(exc)
                        }
                    }
                    Op::SetupExcept(h) | Op::SetupFinally(h) => {
                        let kind = if matches!(op, Op::SetupExcept(_)) {
                            BlockKind::Except
                        } else {
                            BlockKind::Finally
                        };
                        let depth = frame.stack_height() as u32;
                        let handling = frame.handling.len() as u32;
                        frame.blocks.push(Block {
                            kind,
                            handler: h,
                            depth,
                            handling,
                        });
                        Ok(())
                    }
                    Op::PopBlock => {
                        frame.blocks.pop();
                        Ok(())
                    }
                    Op::PopExcept => {
                        frame.handling.pop();
                        Ok(())
                    }
                    Op::Reraise => {
                        let e = frame.pop();
                        super::exc::mark_reraised(&e);
                        Err(e)
                    }
                    Op::Raise(n) => Err(self.do_raise(frame, n)),
                    Op::CheckExcMatch => {
                        let t = frame.pop();
                        let exc = frame.top().clone();
                        match self.exception_matches(&exc, &t) {
                            Ok(b) => {
                                frame.regs.push(Value::Bool(b));
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::CheckEgMatch => {
                        let t = frame.pop();
                        let eg = frame.pop();
                        match self.eg_match(eg, &t) {
                            Ok((rest, matched)) => {
                                frame.regs.push(rest);
                                frame.regs.push(matched);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::PushHandled => {
                        let v = frame.top().clone();
                        frame.handling.push(v);
                        Ok(())
                    }
                    Op::StarCollect => {
                        let exc = frame.pop();
                        let matched = frame.pop();
                        let len = frame.regs.len();
                        let orig = frame.regs[len - 3].clone();
                        // A bare `raise` re-raises the matched part itself,
                        // its traceback untouched (CPython compares the
                        // metadata with the original group's).
                        let reraise = exc.is(&matched) && super::exc::same_traceback(&exc, &orig);
                        let item = if reraise {
                            Value::tuple(vec![exc])
                        } else {
                            exc
                        };
                        if let Value::List(l) = &frame.regs[len - 2] {
                            l.borrow_mut().push(item);
                        }
                        Ok(())
                    }
                    Op::PrepReraiseStar => {
                        let rest = frame.pop();
                        let raised = frame.pop();
                        let orig = frame.pop();
                        match self.prep_reraise_star(orig, raised, rest) {
                            Some(e) => Err(e),
                            None => Ok(()),
                        }
                    }
                    Op::BeforeWith => {
                        let mgr = frame.pop();
                        match self.before_with(mgr, false) {
                            Ok((exit, entered)) => {
                                frame.regs.push(exit);
                                frame.regs.push(entered);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::BeforeAsyncWith => {
                        let mgr = frame.pop();
                        match self.before_with(mgr, true) {
                            Ok((exit, entered)) => {
                                frame.regs.push(exit);
                                frame.regs.push(entered);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Op::WithExceptStart => {
                        let len = frame.regs.len();
                        let exc = frame.regs[len - 1].clone();
                        let exit = frame.regs[len - 2].clone();
                        let typ = Value::Class(self.types.class_of(&exc));
                        self.call(&exit, Args::new([typ, exc, Value::None]))
                            .map(|r| frame.regs.push(r))
                    }
                    Op::ImportName(i) => self
                        .import_module(&code.names[i as usize])
                        .map(|m| frame.regs.push(m)),
                    Op::ImportFrom(i) => {
                        let m = frame.top().clone();
                        let name = &code.names[i as usize];
                        match self.getattr(&m, name) {
                            Ok(v) => {
                                frame.regs.push(v);
                                Ok(())
                            }
                            Err(_) => {
                                let mname = match &m {
                                    Value::Module(mo) => mo.name.to_string(),
                                    _ => "?".to_string(),
                                };
                                Err(self.new_exc(
                                    "ImportError",
                                    &format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                                ))
                            }
                        }
                    }
                    Op::ImportStar => {
                        let m = frame.top().clone();
                        self.import_star(&m, &frame.globals)
                    }
                    Op::PrintExpr => {
                        let v = frame.pop();
                        self.print_expr(v)
                    }
                    Op::LoadAssertionError => {
                        frame
                            .regs
                            .push(Value::Class(self.types.exc("AssertionError")));
                        Ok(())
                    }
                    Op::GenStart => Ok(()),
                    Op::SetupAnnotations => {
                        let fresh = Value::dict(super::dict::Dict::new());
                        match &frame.ns_mapping {
                            Some(m) => {
                                let m = m.clone();
                                match self.mapping_lookup(&m, "__annotations__") {
                                    Ok(Some(_)) => Ok(()),
                                    Ok(None) => {
                                        self.setitem(&m, Value::str("__annotations__"), fresh)
                                    }
                                    Err(e) => Err(e),
                                }
                            }
                            None => {
                                let target =
                                    frame.ns.clone().unwrap_or_else(|| frame.globals.clone());
                                target
                                    .borrow_mut()
                                    .entry("__annotations__".into())
                                    .or_insert(fresh);
                                Ok(())
                            }
                        }
                    }
                    Op::BuildClass(nbases, ki) => {
                        let names = code.consts[ki as usize].clone();
                        let nkw = match &names {
                            Value::Tuple(t) => t.len(),
                            _ => 0,
                        };
                        let at = frame.regs.len() - nkw - nbases as usize - 2;
                        let mut items: Vec<Value> = frame.regs.drain(at..).collect();
                        let kwvals: Vec<Value> = items.split_off(2 + nbases as usize);
                        let bases: Vec<Value> = items.split_off(2);
                        let name = items.pop().unwrap_or_default();
                        let body = items.pop().unwrap_or_default();
                        let kw: Vec<(Rc<str>, Value)> = match &names {
                            Value::Tuple(t) => t
                                .iter()
                                .filter_map(|n| n.as_str().map(Rc::from))
                                .zip(kwvals)
                                .collect(),
                            _ => Vec::new(),
                        };
                        self.build_class(body, name, bases, kw, frame.globals.clone())
                            .map(|c| frame.regs.push(c))
                    }
                };
                if let Err(e) = result {
                    match self.unwind(e, base) {
                        Ok(None) => continue 'frames,
                        Ok(Some(x)) => return Ok(x),
                        Err(e) => return Err(e),
                    }
                }
            }
        }
    }

    /// A global found nowhere: defined by a not yet compiled statement of
    /// a lazily compiled module (modules/lazy.rs), or a NameError.
    #[cold]
    fn load_missing_global(&mut self, frame: &mut Frame, name: &str) -> Result<(), Value> {
        let globals = frame.globals.clone();
        let found = match self.lazy_global(&globals, name)? {
            Some(v) => Some(v),
            None => self.lazy_builtin(name)?,
        };
        match found {
            Some(v) => {
                frame.regs.push(v);
                Ok(())
            }
            None => Err(self.name_error(name)),
        }
    }

    #[inline(always)]
    fn load_fast(&mut self, frame: &mut Frame, code: &Code, i: usize) -> Result<(), Value> {
        let v = &frame.regs[i];
        if let Value::Unbound = v {
            let name = &code.varnames[i];
            Err(self.new_exc(
                "UnboundLocalError",
                &format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            ))
        } else {
            let v = v.dup();
            frame.regs.push(v);
            Ok(())
        }
    }

    // ------------------------------------------------------------ returns and yields

    /// Pops the finished top frame and hands `v` to whoever resumed it.
    fn return_from_frame(&mut self, v: Value, base: usize) -> Option<Exit> {
        let f = self.frames.pop()?;
        let kind = f.kind;
        self.recycle(f);
        if self.frames.len() == base || kind == ResumeKind::Boundary {
            return Some(Exit::Return(v));
        }
        let caller = self.frames.last_mut()?;
        match kind {
            ResumeKind::Call => caller.push(v),
            // Only reached without a caller above `base`, which the
            // return fast path rules out; the instance is the result.
            ResumeKind::Init => {}
            ResumeKind::Delegate => {
                if let Value::Generator(g) = caller.pop() {
                    *g.state.borrow_mut() = GenState::Finished;
                }
                caller.push(v);
            }
            ResumeKind::ForIter => {
                if let Value::Generator(g) = caller.pop() {
                    *g.state.borrow_mut() = GenState::Finished;
                }
                // Jump past the loop: the ForIter that resumed us holds the target.
                let ip = caller.ip.saturating_sub(1);
                if let Some(Op::ForIter(t)) = caller.code.ops.get(ip).copied() {
                    caller.ip = t as usize;
                }
            }
            ResumeKind::Boundary => {}
        }
        None
    }

    /// Suspends the generator whose frame chain is on top, delivering `v`.
    pub(crate) fn yield_value(&mut self, v: Value, base: usize) -> Result<Option<Exit>, Value> {
        // An async generator's own `yield` ends the `__anext__` await that
        // drove it, handing the value to the awaiting frame.
        let top = self.frames.len() - 1;
        if top > base
            && self.frames[top].code.flags.async_generator
            && self.frames[top].kind == ResumeKind::Delegate
            && self.frames[top].ip > 0
            && matches!(
                self.frames[top].code.ops.get(self.frames[top].ip - 1),
                Some(Op::YieldValue)
            )
        {
            let seg: super::generator::FrameChain = self.frames.drain(top..).collect();
            if let Some(caller) = self.frames.last_mut() {
                if let Value::Generator(g) = caller.pop() {
                    *g.state.borrow_mut() = GenState::Suspended(seg);
                }
                caller.push(v);
            }
            return Ok(None);
        }
        let mut root = self.frames.len() - 1;
        while root > base && self.frames[root].kind == ResumeKind::Delegate {
            root -= 1;
        }
        let kind = self.frames[root].kind;
        let seg: super::generator::FrameChain = self.frames.drain(root..).collect();
        match kind {
            ResumeKind::ForIter => {
                let Some(caller) = self.frames.last_mut() else {
                    return Ok(Some(Exit::Return(Value::None)));
                };
                if let Value::Generator(g) = caller.top() {
                    *g.state.borrow_mut() = GenState::Suspended(seg);
                }
                caller.push(v);
                Ok(None)
            }
            _ => Ok(Some(Exit::Yield(v, seg))),
        }
    }

    // ------------------------------------------------------------ exceptions

    /// Finds a handler for `exc`, popping frames that have none. `Ok(None)`:
    /// continue running the (new) top frame; `Ok(Some)`: unreachable today;
    /// `Err`: the boundary frame raised.
    pub fn unwind(&mut self, exc: Value, base: usize) -> Result<Option<Exit>, Value> {
        self.set_context(&exc);
        // Each frame the exception enters gets a traceback entry at the
        // failing line, before its handlers run (CPython's PyTraceBack_Here).
        let mut add_entry = !super::exc::take_reraised(&exc);
        let mut exc = exc;
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(exc);
            };
            if add_entry
                && super::exc::shows_in_traceback(&frame.code)
                && let Value::Instance(inst) = &exc
                && let Some(data) = &inst.exc
            {
                data.borrow_mut().traceback.push(TraceEntry {
                    code: frame.code.clone(),
                    line: frame.current_line(),
                });
            }
            add_entry = true;
            if let Some(block) = frame.blocks.pop() {
                let keep = frame.code.nlocals() + block.depth as usize;
                frame.regs.truncate(keep);
                frame.handling.truncate(block.handling as usize);
                frame.handling.push(exc.clone());
                frame.regs.push(exc);
                frame.ip = block.handler as usize;
                return Ok(None);
            }
            let code = frame.code.clone();
            let kind = frame.kind;
            let is_gen = code.is_generator_like();
            let at_base = self.frames.len() - 1 == base;
            if let Some(f) = self.frames.pop() {
                self.recycle(f);
            }
            let next = if is_gen && self.exc_matches_name(&exc, "StopIteration") {
                let what = if code.flags.coroutine {
                    "coroutine"
                } else if code.flags.async_generator {
                    "async generator"
                } else {
                    "generator"
                };
                let e = self.new_exc("RuntimeError", &format!("{what} raised StopIteration"));
                self.set_cause(&e, &exc);
                e
            } else if code.flags.async_generator
                && self.exc_matches_name(&exc, "StopAsyncIteration")
            {
                let e = self.new_exc("RuntimeError", "async generator raised StopAsyncIteration");
                self.set_cause(&e, &exc);
                e
            } else {
                exc
            };
            if at_base || kind == ResumeKind::Boundary {
                return Err(next);
            }
            match kind {
                ResumeKind::Delegate | ResumeKind::ForIter => {
                    if let Some(caller) = self.frames.last_mut()
                        && let Value::Generator(g) = caller.pop()
                    {
                        *g.state.borrow_mut() = GenState::Finished;
                    }
                }
                _ => {}
            }
            // Continue unwinding in the caller with the same exception.
            self.set_context(&next);
            exc = next;
        }
    }

    /// The exception currently being handled, innermost first.
    pub fn current_handled(&self) -> Option<Value> {
        for f in self.frames.iter().rev() {
            if let Some(e) = f.handling.last() {
                return Some(e.clone());
            }
        }
        None
    }

    fn set_context(&self, exc: &Value) {
        let Value::Instance(inst) = exc else { return };
        let Some(data) = &inst.exc else { return };
        if let Some(handled) = self.current_handled() {
            if handled.is(exc) {
                return;
            }
            let mut d = data.borrow_mut();
            if d.context.is_none() {
                // Avoid cycles: don't chain to an exception whose chain already holds us.
                let mut cur = handled.clone();
                for _ in 0..100 {
                    if cur.is(exc) {
                        return;
                    }
                    let next = match &cur {
                        Value::Instance(i) => match &i.exc {
                            Some(dd) => dd.borrow().context.clone(),
                            None => Value::None,
                        },
                        _ => Value::None,
                    };
                    if next.is_none() {
                        break;
                    }
                    cur = next;
                }
                d.context = handled;
            }
        }
    }

    fn unbound_cell(&mut self, code: &Code, i: usize) -> Value {
        let ncell = code.cellvars.len();
        if i < ncell {
            let name = &code.cellvars[i];
            self.new_exc(
                "UnboundLocalError",
                &format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = code
                .freevars
                .get(i - ncell)
                .cloned()
                .unwrap_or_else(|| "?".into());
            self.new_exc(
                "NameError",
                &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    pub fn name_error(&mut self, name: &str) -> Value {
        let e = self.new_exc("NameError", &format!("name '{name}' is not defined"));
        // Candidates as CPython's traceback gathers them: the frame's
        // locals, then its globals, then the builtins.
        let mut candidates: Vec<String> = Vec::new();
        if let Some(f) = self.frames.last() {
            for (i, n) in f.code.varnames.iter().enumerate() {
                if f.regs.get(i).is_some_and(|v| !v.is_unbound()) {
                    candidates.push(n.to_string());
                }
            }
            candidates.extend(f.globals.borrow().keys().map(|k| k.to_string()));
        }
        candidates.extend(self.builtins.borrow().keys().map(|k| k.to_string()));
        let suggestion = super::suggest::suggest(name, candidates.iter().map(|s| s.as_str()));
        if let Value::Instance(i) = &e {
            i.dict.borrow_mut().insert("name".into(), Value::str(name));
            if let Some(s) = suggestion {
                i.dict
                    .borrow_mut()
                    .insert("__suggestion__".into(), Value::str(s));
            }
        }
        e
    }

    // ------------------------------------------------------------ helpers used by ops

    fn make_function(&mut self, frame: &mut Frame, flags: u8) -> Value {
        let code = match frame.pop() {
            Value::Code(c) => c,
            _ => return Value::None,
        };
        let closure = if flags & 4 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t
                    .iter()
                    .filter_map(|c| match c {
                        Value::Cell(c) => Some(c.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let annotations = if flags & 8 != 0 {
            Some(frame.pop())
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            match frame.pop() {
                Value::Dict(d) => d
                    .borrow()
                    .iter()
                    .filter_map(|e| e.key.as_str().map(|k| (Rc::from(k), e.value.clone())))
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let defaults = if flags & 1 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        Value::Function(Rc::new(super::function::Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            globals: frame.globals.clone(),
            code,
            defaults,
            kwdefaults,
            closure,
            attrs: RefCell::new(annotations.map(|a| {
                let mut m = super::class::new_attrs();
                m.insert("__annotations__".into(), a);
                m
            })),
        }))
    }

    fn print_expr(&mut self, v: Value) -> Result<(), Value> {
        if v.is_none() {
            return Ok(());
        }
        let s = self.repr(&v)?;
        let _ = writeln!(self.out, "{s}");
        self.flush();
        if let Some(g) = &self.main_globals {
            g.borrow_mut().insert("_".into(), v);
        }
        Ok(())
    }

    /// Closes generators that were dropped while suspended in a `try` or
    /// `with` (CPython runs their `finally` when the last reference goes).
    pub fn run_finalizers(&mut self) {
        super::generator::FINALIZE_PENDING.store(false, std::sync::atomic::Ordering::Relaxed);
        let pending: Vec<Rc<Generator>> = super::generator::FINALIZE
            .try_with(|q| std::mem::take(&mut *q.borrow_mut()))
            .unwrap_or_default();
        for g in pending {
            match g.kind {
                super::generator::GenKind::AsyncGenerator => {
                    if self.runtime.running {
                        let op = self.new_agen_op(&g, crate::runtime::agen::Action::Close, None);
                        self.call_soon(crate::runtime::handle::Callback::CreateTask { coro: op });
                    }
                }
                _ => {
                    if let Err(e) = crate::builtins::gen_methods::close_gen(self, &g) {
                        self.flush();
                        let r = self.repr(&Value::Generator(g.clone())).unwrap_or_default();
                        let tb = self.format_traceback(&e);
                        eprintln!("Exception ignored in: {r}\n{}", tb.trim_end());
                    }
                }
            }
        }
        self.run_weakref_callbacks();
    }

    /// Calls `ref.__callback__(ref)` for each weak reference whose object
    /// died (see vm/weak.rs).
    fn run_weakref_callbacks(&mut self) {
        for reference in super::weak::take_due() {
            let reference = Value::Instance(reference);
            let Ok(callback) = self.getattr(&reference, "__callback__") else {
                continue;
            };
            if matches!(callback, Value::None) {
                continue;
            }
            if let Err(e) = self.call(&callback, Args::new([reference])) {
                self.flush();
                let r = self.repr(&callback).unwrap_or_default();
                let tb = self.format_traceback(&e);
                eprintln!("Exception ignored in: {r}\n{}", tb.trim_end());
            }
        }
    }

    /// Runs what dropped values left to do, if anything (see `run_finalizers`).
    #[inline]
    pub(crate) fn finalize_if_pending(&mut self) {
        if super::generator::FINALIZE_PENDING.load(std::sync::atomic::Ordering::Relaxed) {
            self.run_finalizers();
        }
    }

    /// `LoadMethod` left `[func, self_or_unbound, args...]`: drop the
    /// placeholder when there is no receiver; the number of arguments the
    /// call then passes.
    fn method_call_args(frame: &mut Frame, argc: usize) -> usize {
        let self_pos = frame.regs.len() - argc - 1;
        if frame.regs[self_pos].is_unbound() {
            frame.regs.remove(self_pos);
            argc
        } else {
            argc + 1
        }
    }

    pub fn class_namespace(&self) -> Rc<RefCell<AttrMap>> {
        Rc::new(RefCell::new(super::class::new_attrs()))
    }
}

pub enum Resume {
    Send(Value),
    Throw(Value),
}

pub enum GenOutcome {
    Yielded(Value),
    Returned(Value),
}

pub enum Flow {
    Next,
    Switch,
    Exit(Exit),
}

pub fn gen_kind_name(g: &Generator) -> &'static str {
    match g.kind {
        super::generator::GenKind::Generator => "generator",
        super::generator::GenKind::Coroutine => "coroutine",
        super::generator::GenKind::AsyncGenerator => "async generator",
    }
}

/// Finishes a fused `FastConstOp`/`FastFastOp` group on two ints: the
/// operator is the instruction after the second load. False, with nothing
/// done, when the result is not a small int.
#[inline(always)]
fn fused_int_op(frame: &mut Frame, ops: &[Op], x: i64, y: i64) -> bool {
    match ops.get(frame.ip + 1) {
        Some(Op::Binary(b) | Op::InPlace(b)) => match int_binary(*b, x, y) {
            Some(r) => {
                frame.regs.push(Value::Int(r));
                frame.ip += 2;
                true
            }
            None => false,
        },
        Some(Op::Compare(c)) => match int_compare(*c, x, y) {
            Some(r) => {
                frame.ip += 2;
                push_or_jump(frame, ops, r);
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// A comparison's result: a conditional jump right after it is taken
/// here, exactly as that instruction would take it.
#[inline(always)]
fn push_or_jump(frame: &mut Frame, ops: &[Op], r: bool) {
    match ops.get(frame.ip) {
        Some(Op::PopJumpIfFalse(t)) => {
            frame.ip = if r { frame.ip + 1 } else { *t as usize };
        }
        Some(Op::PopJumpIfTrue(t)) => {
            frame.ip = if r { *t as usize } else { frame.ip + 1 };
        }
        _ => frame.regs.push(Value::Bool(r)),
    }
}

/// `x op y` for machine ints when it cannot overflow; None sends the
/// operation down the general path (big ints, floats, errors).
#[inline(always)]
fn int_binary(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        // Python's modulo takes the divisor's sign.
        BinOp::Mod if y > 0 => Some(x.rem_euclid(y)),
        BinOp::FloorDiv if y > 0 => Some(x.div_euclid(y)),
        _ => None,
    }
}

#[inline(always)]
fn int_compare(op: crate::ast::CmpOp, x: i64, y: i64) -> Option<bool> {
    use crate::ast::CmpOp::*;
    Some(match op {
        Lt => x < y,
        LtE => x <= y,
        Gt => x > y,
        GtE => x >= y,
        Eq => x == y,
        NotEq => x != y,
        _ => return None,
    })
}
