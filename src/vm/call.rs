//! Calls: binding arguments to parameters exactly as Python does, pushing
//! frames for Python functions, creating generators/coroutines, calling
//! natives, and constructing instances and classes.

use super::class::{Class, Instance, Layout};
use super::frame::{Frame, ResumeKind};
use super::function::{Args, Function, Globals, PyResult};
use super::generator::{GenKind, GenState, Generator};
use super::interp::Vm;
use super::types::TypeId;
use super::value::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

impl Vm {
    /// The hot path of a call: a plain Python function (or a bound method of
    /// one) given exactly its positional parameters (see `Code::fast_argc`).
    /// The arguments move from the caller's stack into the new frame's
    /// locals. Returns false, touching nothing, when the general path must
    /// handle the call; true when the call is done or its frame pushed
    /// (re-enter the top frame).
    #[inline(always)]
    pub(crate) fn push_exact_call(&mut self, frame: &mut Frame, argc: usize) -> bool {
        let func_pos = frame.regs.len() - argc - 1;
        let (f, receiver) = match &frame.regs[func_pos] {
            Value::Function(f) => (f, None),
            Value::Method(m) => match &m.func {
                Value::Function(f) => (f, Some(&m.receiver)),
                _ => return false,
            },
            Value::Class(_) => return self.push_init_call(frame, argc),
            _ => return false,
        };
        let total = argc + receiver.is_some() as usize;
        if f.code.fast_argc as usize != total || self.frames.len() >= self.recursion_limit {
            return false;
        }
        let mut nf = self.new_frame_raw(f.code.clone(), f.globals.clone(), ResumeKind::Call);
        let with_cells = Self::has_cells(f).then(|| f.clone());
        let receiver = receiver.cloned();
        Self::move_args(frame, &mut nf, receiver, argc);
        if let Some(f) = with_cells {
            self.setup_cells(&mut nf, &f);
        }
        let func = frame.regs.pop();
        if nf.code.is_generator_like() {
            // A generator or coroutine function returns its suspended frame.
            let f = match &func {
                Some(Value::Function(f)) => Some(f),
                Some(Value::Method(m)) => match &m.func {
                    Value::Function(f) => Some(f),
                    _ => None,
                },
                _ => None,
            };
            if let Some(f) = f {
                let g = self.make_generator(nf, f);
                frame.regs.push(g);
            }
            // True all the same: the loop re-enters the caller, which is
            // still on top, at its next instruction.
            return true;
        }
        self.frames.push(nf);
        true
    }

    /// Moves the top `argc` values of `frame`'s stack (after `first`, if
    /// any) into the fresh frame `nf`'s locals, leaving the callable on
    /// top of `frame`'s stack, and unbinds the remaining locals.
    #[inline(always)]
    fn move_args(frame: &mut Frame, nf: &mut Frame, first: Option<Value>, argc: usize) {
        let func_pos = frame.regs.len() - argc - 1;
        let n = nf.code.nlocals();
        let total = argc + first.is_some() as usize;
        nf.regs.clear();
        nf.regs.reserve(n.max(total));
        if let Some(r) = first {
            nf.regs.push(r);
        }
        let start = nf.regs.len();
        // SAFETY: the `argc` arguments are moved bitwise from the caller's
        // stack into the new frame's register vector after `first` (if
        // any; capacity reserved above), and the caller's length is cut to
        // just above the callee, so every value keeps exactly one owner.
        unsafe {
            std::ptr::copy_nonoverlapping(
                frame.regs.as_ptr().add(func_pos + 1),
                nf.regs.as_mut_ptr().add(start),
                argc,
            );
            nf.regs.set_len(start + argc);
            frame.regs.set_len(func_pos + 1);
        }
        if n > total {
            nf.regs.resize(n, Value::Unbound);
        }
    }

    /// `C(args)` for a plain user class whose `__init__` takes exactly these
    /// positional arguments: the new instance replaces the class on the
    /// caller's stack (it is the call's result) and `__init__` runs as an
    /// ordinary frame of the loop, whose return value is checked and
    /// dropped (`ResumeKind::Init`).
    fn push_init_call(&mut self, frame: &mut Frame, argc: usize) -> bool {
        let func_pos = frame.regs.len() - argc - 1;
        let Value::Class(cls) = &frame.regs[func_pos] else {
            return false;
        };
        if cls.builtin.is_some()
            || cls.meta.is_some()
            || cls.layout != Layout::Object
            || !matches!(cls.lookup_static("__new__"), Some(Value::Builtin(_)))
        {
            return false;
        }
        let Some(Value::Function(init)) = cls.lookup_static("__init__") else {
            return false;
        };
        if cls.lookup_static("__abstractmethods__").is_some() {
            return false;
        }
        if init.code.fast_argc as usize != argc + 1
            || init.code.is_generator_like()
            || self.frames.len() >= self.recursion_limit
        {
            return false;
        }
        let obj = Value::Instance(Rc::new(Instance::new(cls.clone())));
        let mut nf = self.new_frame_raw(init.code.clone(), init.globals.clone(), ResumeKind::Init);
        Self::move_args(frame, &mut nf, Some(obj.clone()), argc);
        if Self::has_cells(&init) {
            self.setup_cells(&mut nf, &init);
        }
        frame.regs[func_pos] = obj;
        self.frames.push(nf);
        true
    }

    /// Executes a call whose callee and `argc` arguments are on `frame`'s
    /// stack. Returns true when a new frame was pushed (the loop must switch
    /// to it).
    pub(crate) fn call_from_stack(
        &mut self,
        frame: &mut Frame,
        argc: usize,
        kwnames: Option<Value>,
    ) -> Result<bool, Value> {
        let func_pos = frame.regs.len() - argc - 1;
        let func = std::mem::take(&mut frame.regs[func_pos]);
        let mut args = Args::default();
        let nkw = match &kwnames {
            Some(Value::Tuple(t)) => t.len(),
            _ => 0,
        };
        let npos = argc - nkw;
        let mut drained = frame.regs.drain(func_pos + 1..);
        for _ in 0..npos {
            if let Some(v) = drained.next() {
                args.pos.push(v);
            }
        }
        if let Some(Value::Tuple(names)) = &kwnames {
            for n in names.iter() {
                let v = drained.next().unwrap_or_default();
                args.kw.push((Rc::from(n.as_str().unwrap_or("")), v));
            }
        }
        drop(drained);
        frame.regs.truncate(func_pos);
        self.call_pushing(frame, func, args)
    }

    /// Calls `func`; Python functions get a pushed frame (returns true),
    /// everything else runs now and its result is pushed on `frame`.
    fn call_pushing(
        &mut self,
        frame: &mut Frame,
        func: Value,
        mut args: Args,
    ) -> Result<bool, Value> {
        let (f, receiver) = match &func {
            Value::Function(f) => (Some(f.clone()), None),
            Value::Method(m) => match &m.func {
                Value::Function(f) => (Some(f.clone()), Some(m.receiver.clone())),
                _ => (None, None),
            },
            _ => (None, None),
        };
        if let Some(f) = f {
            if let Some(r) = receiver {
                args.pos.insert(0, r);
            }
            if self.frames.len() >= self.recursion_limit {
                return Err(self.new_exc("RecursionError", "maximum recursion depth exceeded"));
            }
            let nf = self.bind_args(&f, args, ResumeKind::Call)?;
            return self.enter(nf, &f).map(|v| match v {
                Some(v) => {
                    frame.regs.push(v);
                    false
                }
                None => true,
            });
        }
        let v = self.call(&func, args)?;
        frame.regs.push(v);
        Ok(false)
    }

    /// `f(*args, **kwargs)`.
    pub(crate) fn call_ex(
        &mut self,
        frame: &mut Frame,
        func: Value,
        args: Value,
        kwargs: Option<Value>,
    ) -> Result<bool, Value> {
        let mut a = Args::default();
        match &args {
            Value::Tuple(t) => a.pos.extend(t.iter().cloned()),
            other => {
                let items = self.collect(other)?;
                a.pos.extend(items);
            }
        }
        if let Some(kw) = kwargs
            && let Value::Dict(d) = &kw
        {
            for e in d.borrow().iter() {
                match &e.key {
                    Value::Str(s) => a.kw.push((Rc::from(s.as_str()), e.value.clone())),
                    _ => {
                        return Err(self.type_error("keywords must be strings"));
                    }
                }
            }
        }
        self.call_pushing(frame, func, a)
    }

    /// Pushes the frame, or for generator-like code wraps it in a generator.
    /// Returns `Some(value)` when no frame was pushed.
    fn enter(&mut self, nf: Box<Frame>, f: &Rc<Function>) -> Result<Option<Value>, Value> {
        if f.code.is_generator_like() {
            return Ok(Some(self.make_generator(nf, f)));
        }
        self.frames.push(nf);
        Ok(None)
    }

    pub fn make_generator(&mut self, nf: Box<Frame>, f: &Rc<Function>) -> Value {
        let code = &f.code;
        let kind = if code.flags.coroutine {
            GenKind::Coroutine
        } else if code.flags.async_generator {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let line = self
            .frames
            .last()
            .map(|fr| fr.current_line())
            .unwrap_or(code.first_line);
        Value::Generator(Rc::new(Generator {
            kind,
            state: RefCell::new(GenState::Suspended(smallvec::smallvec![nf])),
            started: Cell::new(false),
            name: f.name.borrow().clone(),
            qualname: f.qualname.borrow().clone(),
            code: code.clone(),
            awaited: Cell::new(kind != GenKind::Coroutine),
            origin_line: line,
            running_async: Cell::new(false),
            extra: RefCell::new(Value::None),
        }))
    }

    /// Wraps a module frame as a coroutine, for top-level `await`.
    pub fn module_coroutine(&mut self, frame: Box<Frame>) -> Value {
        let code = frame.code.clone();
        Value::Generator(Rc::new(Generator {
            kind: GenKind::Coroutine,
            state: RefCell::new(GenState::Suspended(smallvec::smallvec![frame])),
            started: Cell::new(false),
            name: "<module>".into(),
            qualname: "<module>".into(),
            code,
            awaited: Cell::new(true),
            origin_line: 1,
            running_async: Cell::new(false),
            extra: RefCell::new(Value::None),
        }))
    }

    #[inline(always)]
    fn has_cells(f: &Function) -> bool {
        !f.code.cellvars.is_empty() || !f.closure.is_empty()
    }

    fn setup_cells(&mut self, nf: &mut Frame, f: &Rc<Function>) {
        let code = &f.code;
        if code.cellvars.is_empty() && f.closure.is_empty() {
            return;
        }
        for _ in 0..code.cellvars.len() {
            nf.cells.push(Rc::new(RefCell::new(Value::Unbound)));
        }
        for &(local, cell) in &code.cell_params {
            let v = std::mem::take(&mut nf.regs[local as usize]);
            *nf.cells[cell as usize].borrow_mut() = v;
        }
        nf.cells.extend(f.closure.iter().cloned());
    }

    /// Binds arguments to a fresh frame for `f`, with Python's errors.
    pub fn bind_args(
        &mut self,
        f: &Rc<Function>,
        args: Args,
        kind: ResumeKind,
    ) -> Result<Box<Frame>, Value> {
        let code = f.code.clone();
        let mut nf = self.new_frame(code.clone(), f.globals.clone(), kind);
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlycount as usize;
        let qual = f.qualname.borrow().clone();
        let Args { pos, kw } = args;
        let npos = pos.len();
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < argcount {
                nf.regs[i] = v;
            } else {
                extra.push(v);
            }
        }
        let mut slot = argcount + kwonly;
        if code.flags.varargs {
            nf.regs[slot] = Value::tuple(extra);
            slot += 1;
        } else if !extra.is_empty() {
            let ndef = f.defaults.len();
            let takes = if ndef > 0 {
                format!("from {} to {}", argcount - ndef, argcount)
            } else {
                argcount.to_string()
            };
            let kwgiven = kw.len();
            let msg = if kwgiven > 0 {
                format!(
                    "{qual}() takes {takes} positional argument{} but {npos} positional argument{} (and {kwgiven} keyword-only argument{}) were given",
                    if argcount == 1 { "" } else { "s" },
                    if npos == 1 { "" } else { "s" },
                    if kwgiven == 1 { "" } else { "s" },
                )
            } else {
                format!(
                    "{qual}() takes {takes} positional argument{} but {npos} {} given",
                    if argcount == 1 && ndef == 0 { "" } else { "s" },
                    if npos == 1 { "was" } else { "were" }
                )
            };
            self.recycle(nf);
            return Err(self.type_error(&msg));
        }
        let mut varkw = if code.flags.varkw {
            Some(super::dict::Dict::new())
        } else {
            None
        };
        let posonly = code.posonlycount as usize;
        let mut posonly_as_kw = Vec::new();
        for (name, v) in kw {
            let idx = code.varnames[..argcount + kwonly]
                .iter()
                .position(|n| **n == *name);
            match idx {
                Some(i) if i >= posonly => {
                    if !nf.regs[i].is_unbound() {
                        self.recycle(nf);
                        return Err(self.type_error(&format!(
                            "{qual}() got multiple values for argument '{name}'"
                        )));
                    }
                    nf.regs[i] = v;
                }
                _ => match &mut varkw {
                    Some(d) => {
                        let h = super::hash::str_hash(&name);
                        d.insert(h, Value::str(&*name), v);
                    }
                    None => {
                        if idx.is_some() {
                            posonly_as_kw.push(name.to_string());
                            continue;
                        }
                        self.recycle(nf);
                        let names = code.varnames[posonly..argcount + kwonly].iter();
                        let hint = super::suggest::suggest_keyword(&name, names.map(|n| &**n))
                            .map(|s| format!(". Did you mean '{s}'?"))
                            .unwrap_or_default();
                        return Err(self.type_error(&format!(
                            "{qual}() got an unexpected keyword argument '{name}'{hint}"
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            self.recycle(nf);
            let names = posonly_as_kw.join(", ");
            return Err(self.type_error(&format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{names}'"
            )));
        }
        if let Some(d) = varkw {
            nf.regs[slot] = Value::dict(d);
        }
        // Defaults fill the trailing positional parameters.
        let ndef = f.defaults.len();
        let mut missing = Vec::new();
        for i in 0..argcount {
            if nf.regs[i].is_unbound() {
                if i + ndef >= argcount {
                    nf.regs[i] = f.defaults[i + ndef - argcount].clone();
                } else {
                    missing.push(code.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            self.recycle(nf);
            let msg = format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            );
            return Err(self.type_error(&msg));
        }
        let mut missing_kw = Vec::new();
        for i in argcount..argcount + kwonly {
            if nf.regs[i].is_unbound() {
                let name = &code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| k == name) {
                    Some((_, v)) => nf.regs[i] = v.clone(),
                    None => missing_kw.push(name.to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            self.recycle(nf);
            let msg = format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                join_names(&missing_kw)
            );
            return Err(self.type_error(&msg));
        }
        self.setup_cells(&mut nf, f);
        Ok(nf)
    }

    /// Calls any callable from Rust, running Python code in a nested loop.
    pub fn call(&mut self, func: &Value, mut args: Args) -> PyResult {
        match func {
            Value::Function(f) => {
                if self.frames.len() >= self.recursion_limit {
                    return Err(self.new_exc("RecursionError", "maximum recursion depth exceeded"));
                }
                let nf = self.bind_args(f, args, ResumeKind::Boundary)?;
                if f.code.is_generator_like() {
                    return Ok(self.make_generator(nf, f));
                }
                self.run_frame(nf)
            }
            Value::Method(m) => {
                args.pos.insert(0, m.receiver.clone());
                let f = m.func.clone();
                self.call(&f, args)
            }
            Value::Builtin(b) => {
                if let Some(bound) = &b.bound {
                    args.pos.insert(0, bound.clone());
                }
                if b.owner.is_some()
                    && let Some(p) = args.pos.first().and_then(super::class::payload_of)
                {
                    args.pos[0] = p;
                }
                (b.func)(self, args)
            }
            Value::Class(c) => {
                // A metaclass's own `__call__` decides what calling the class does.
                if let Some(m) = &c.meta
                    && let Some(call @ Value::Function(_)) = m.lookup_static("__call__")
                {
                    args.pos.insert(0, func.clone());
                    return self.call(&call, args);
                }
                self.construct(c, args)
            }
            Value::Instance(_) | Value::Native(_) => {
                let cls = self.types.class_of(func);
                match cls.lookup_static("__call__") {
                    Some(call) => {
                        args.pos.insert(0, func.clone());
                        self.call(&call, args)
                    }
                    None => {
                        let tn = self.type_name(func);
                        Err(self.type_error(&format!("'{tn}' object is not callable")))
                    }
                }
            }
            _ => {
                let tn = self.type_name(func);
                Err(self.type_error(&format!("'{tn}' object is not callable")))
            }
        }
    }

    pub fn call0(&mut self, func: &Value) -> PyResult {
        self.call(func, Args::default())
    }
    pub fn call1(&mut self, func: &Value, a: Value) -> PyResult {
        self.call(func, Args::new([a]))
    }

    /// `Cls(*args)`: built-in constructors, exceptions, user `__new__` /
    /// `__init__`.
    pub fn construct(&mut self, cls: &Rc<Class>, mut args: Args) -> PyResult {
        // The nearest class in the MRO that has a native constructor decides
        // how the object is made.
        if let Some(ctor) = cls.lookup_static("__new__") {
            match &ctor {
                Value::Builtin(_) if cls.builtin.is_some() => {
                    args.pos.insert(0, Value::Class(cls.clone()));
                    return self.call(&ctor, args);
                }
                // A metaclass without a `__new__` of its own: `type.__new__`
                // makes the class, then the metaclass's `__init__` runs.
                Value::Builtin(_) if cls.is_subclass(self.types.get(TypeId::Type)) => {
                    let mut nargs = Args::new([Value::Class(cls.clone())]);
                    nargs.pos.extend(args.pos.iter().cloned());
                    nargs.kw = args.kw.clone();
                    let obj = self.call(&ctor, nargs)?;
                    if args.pos.len() == 3 {
                        self.run_init(&obj, cls, args)?;
                    }
                    return Ok(obj);
                }
                Value::Builtin(_) if cls.layout == Layout::Builtin => {
                    return self.construct_builtin_subclass(cls, &ctor, args);
                }
                Value::Instance(_) | Value::Function(_) => {
                    let f = match &ctor {
                        Value::Instance(i) => {
                            i.dict.borrow().get("__func__").cloned().unwrap_or_default()
                        }
                        _ => ctor.clone(),
                    };
                    let mut nargs = Args::default();
                    nargs.pos.push(Value::Class(cls.clone()));
                    nargs.pos.extend(args.pos.iter().cloned());
                    nargs.kw = args.kw.clone();
                    let obj = self.call(&f, nargs)?;
                    let ocls = self.types.class_of(&obj);
                    if ocls.is_subclass(cls) {
                        self.run_init(&obj, cls, args)?;
                    }
                    return Ok(obj);
                }
                _ => {}
            }
        }
        if cls.layout == Layout::Exception && self.exc_matches_name_class(cls, "BaseExceptionGroup")
        {
            let obj = self.construct_group(cls, &args.pos)?;
            if let Some(init @ Value::Function(_)) = cls.lookup_static("__init__") {
                let mut a = Args::default();
                a.pos.push(obj.clone());
                a.pos.extend(args.pos.iter().cloned());
                a.kw = args.kw;
                self.call(&init, a)?;
            }
            return Ok(obj);
        }
        // `OSError(errno, strerror)` builds the errno's subclass, as CPython.
        let mapped = match (cls.name.as_ref(), args.pos.first()) {
            ("OSError", Some(Value::Int(e))) if args.pos.len() >= 2 => {
                crate::vm::exc::errno_class(*e).map(|n| self.types.exc(n))
            }
            _ => None,
        };
        self.check_abstract(cls)?;
        let inst = Instance::new(mapped.unwrap_or_else(|| cls.clone()));
        if let Some(d) = &inst.exc {
            d.borrow_mut().args = args.pos.to_vec();
        }
        let obj = Value::Instance(Rc::new(inst));
        self.run_init(&obj, cls, args)?;
        Ok(obj)
    }

    /// An instance of a user subclass of a built-in type: the payload is
    /// made by the built-in constructor (with the arguments, unless the class
    /// defines `__init__` for a mutable type, which then fills it itself).
    fn construct_builtin_subclass(
        &mut self,
        cls: &Rc<Class>,
        ctor: &Value,
        args: Args,
    ) -> PyResult {
        let base = cls
            .mro_tail
            .iter()
            .find(|c| c.builtin.is_some_and(|t| t != super::types::TypeId::Object))
            .cloned();
        let Some(base) = base else {
            // A runtime class (asyncio.Future…): its constructor makes the object.
            let mut args = args;
            args.pos.insert(0, Value::Class(cls.clone()));
            return self.call(ctor, args);
        };
        let mutable = matches!(
            base.builtin,
            Some(
                super::types::TypeId::List | super::types::TypeId::Dict | super::types::TypeId::Set
            )
        );
        let user_init = matches!(cls.lookup_static("__init__"), Some(Value::Function(_)));
        let mut nargs = Args::default();
        nargs.pos.push(Value::Class(base.clone()));
        if !(mutable && user_init) {
            nargs.pos.extend(args.pos.iter().cloned());
            nargs.kw = args.kw.clone();
        }
        let payload = self.call(ctor, nargs)?;
        let inst = Instance::new(cls.clone());
        *inst.payload.borrow_mut() = payload;
        let obj = Value::Instance(Rc::new(inst));
        if user_init {
            self.run_init(&obj, cls, args)?;
        }
        Ok(obj)
    }

    fn run_init(&mut self, obj: &Value, cls: &Rc<Class>, mut args: Args) -> Result<(), Value> {
        match cls.lookup_static("__init__") {
            Some(init @ Value::Function(_)) => {
                args.pos.insert(0, obj.clone());
                let r = self.call(&init, args)?;
                if !r.is_none() {
                    let tn = self.type_name(&r);
                    return Err(
                        self.type_error(&format!("__init__() should return None, not '{tn}'"))
                    );
                }
                Ok(())
            }
            Some(init @ Value::Builtin(_)) => {
                args.pos.insert(0, obj.clone());
                self.call(&init, args)?;
                Ok(())
            }
            _ => {
                if cls.layout != Layout::Exception && (!args.pos.is_empty() || !args.kw.is_empty())
                {
                    let has_new = matches!(
                        cls.lookup_static("__new__"),
                        Some(Value::Function(_)) | Some(Value::Instance(_))
                    );
                    if !has_new {
                        return Err(self.type_error(&format!("{}() takes no arguments", cls.name)));
                    }
                }
                Ok(())
            }
        }
    }

    /// Runs a class body and creates the class.
    pub fn build_class(
        &mut self,
        body: Value,
        name: Value,
        bases: Vec<Value>,
        kw: Vec<(Rc<str>, Value)>,
        globals: Globals,
    ) -> PyResult {
        let Value::Function(f) = body else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let name = name.as_str().unwrap_or("?").to_string();
        let mut base_classes = Vec::new();
        for b in &bases {
            match b {
                Value::Class(c) => base_classes.push(c.clone()),
                _ => {
                    let tn = self.type_name(b);
                    return Err(self.type_error(&format!("bases must be types, not {tn}")));
                }
            }
        }
        let mut kw = kw;
        let explicit = kw
            .iter()
            .position(|(k, _)| &**k == "metaclass")
            .map(|i| kw.remove(i).1);
        // `metaclass=` may name any callable; a class decides with the
        // bases' metaclasses which one wins.
        let meta = match explicit {
            Some(Value::Class(m)) if m.builtin == Some(TypeId::Type) => None,
            Some(Value::Class(m)) => Some(m),
            Some(other) => {
                let ns = self.run_class_body(&f, globals, None)?;
                let bases_t = Value::tuple(bases.clone());
                let mut args = Args::new([Value::str(&*name), bases_t, ns]);
                args.kw = kw;
                return self.call(&other, args);
            }
            None => None,
        };
        let meta = self.winning_metaclass(meta, &base_classes)?;
        if base_classes.is_empty() {
            base_classes.push(self.types.get(TypeId::Object).clone());
        }
        let Some(meta) = meta else {
            let ns = self.class_namespace();
            let mut nf = self.new_frame(f.code.clone(), globals, ResumeKind::Boundary);
            nf.ns = Some(ns.clone());
            self.setup_cells(&mut nf, &f);
            let cell = self.run_frame(nf)?;
            let dict = std::mem::take(&mut *ns.borrow_mut());
            return self.new_class(&name, base_classes, dict, kw, Some(cell), None);
        };
        // A user metaclass: `__prepare__` makes the namespace, the body
        // fills it, and calling the metaclass makes the class.
        let bases_t = Value::tuple(bases.clone());
        let prepared = match meta.lookup("__prepare__") {
            Some(p @ (Value::Function(_) | Value::Instance(_))) => {
                let p = self
                    .getattr(&Value::Class(meta.clone()), "__prepare__")
                    .unwrap_or(p);
                let mut args = Args::new([Value::str(&*name), bases_t.clone()]);
                args.kw = kw.clone();
                Some(self.call(&p, args)?)
            }
            _ => None,
        };
        let ns = self.run_class_body(&f, globals, prepared)?;
        let mut args = Args::new([Value::str(&*name), bases_t, ns]);
        args.kw = kw;
        self.call(&Value::Class(meta), args)
    }

    /// Runs a class body in a fresh namespace, or in `prepared` (what a
    /// metaclass's `__prepare__` returned), and returns the namespace as a
    /// value, with `__classcell__` set when the body uses `__class__`.
    fn run_class_body(
        &mut self,
        f: &Rc<super::function::Function>,
        globals: Globals,
        prepared: Option<Value>,
    ) -> PyResult {
        let ns = self.class_namespace();
        let mut nf = self.new_frame(f.code.clone(), globals, ResumeKind::Boundary);
        nf.ns = Some(ns.clone());
        let plain = match prepared {
            Some(Value::Dict(d)) => Some(d),
            Some(other) => {
                nf.ns_mapping = Some(other.clone());
                self.setup_cells(&mut nf, f);
                let cell = self.run_frame(nf)?;
                if let Value::Cell(_) = cell {
                    self.setitem(&other, Value::str("__classcell__"), cell)?;
                }
                return Ok(other);
            }
            None => None,
        };
        if let Some(d) = &plain {
            let items: Vec<(Value, Value)> = d
                .borrow()
                .iter()
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect();
            let mut n = ns.borrow_mut();
            for (k, v) in items {
                if let Value::Str(s) = &k {
                    n.insert(s.as_str().into(), v);
                }
            }
        }
        self.setup_cells(&mut nf, f);
        let cell = self.run_frame(nf)?;
        let mut dict = std::mem::take(&mut *ns.borrow_mut());
        if let Value::Cell(_) = cell {
            dict.insert("__classcell__".into(), cell);
        }
        Ok(self.attrs_to_dict(&dict))
    }
}

impl Vm {
    /// `object.__new__`'s refusal to instantiate a class that still has
    /// abstract methods (its `__abstractmethods__`, set by `abc.ABCMeta`).
    pub fn check_abstract(&mut self, cls: &Rc<Class>) -> Result<(), Value> {
        let Some(abstract_set) = cls.lookup_static("__abstractmethods__") else {
            return Ok(());
        };
        let mut names: Vec<String> = self
            .collect(&abstract_set)?
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let msg = format!(
            "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
            cls.name,
            if names.len() == 1 { "" } else { "s" },
            quoted.join(", ")
        );
        Err(self.type_error(&msg))
    }
}

fn join_names(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
