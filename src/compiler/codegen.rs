//! Code generation: walks the AST with the symbol table's decisions and
//! emits ops. `finally` bodies are emitted inline on every exit path
//! (fall-through, return, break, continue) and once more for the exception
//! path, as CPython does, so the VM needs no "pending return" state.

mod matching;
use super::Mode;
use super::bytecode::{Code, CodeFlags, Op};
use super::symtable::{NameKind, ScopeId, ScopeKind, SymbolTable, node_key};
use crate::ast::*;
use crate::diagnostics::SyntaxError;
use crate::vm::value::Value;
use indexmap::IndexSet;
use num_traits::ToPrimitive;
use std::rc::Rc;

enum FBlock<'a> {
    Loop {
        continue_target: usize,
        breaks: Vec<usize>,
        is_for: bool,
    },
    TryExcept,
    Finally(&'a [Stmt]),
    /// Running a finally body for an exception: the exception is on the stack.
    FinallyEnd,
    /// Inside an except handler body.
    Handler,
    With {
        is_async: bool,
    },
    /// Inside an `except*` handler: the remaining group is on the stack.
    StarHandler,
}

/// A constant that equal ones share a slot with.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    Int(i64),
    Str(String),
    None,
    Bool(bool),
}

struct Unit<'a> {
    scope: ScopeId,
    name: String,
    qualname: String,
    ops: Vec<Op>,
    lines: Vec<u32>,
    consts: Vec<Value>,
    /// Where each simple constant already sits in `consts`, so reusing one
    /// is a lookup (a scan made big programs quadratic to compile).
    const_slots: std::collections::HashMap<ConstKey, u32>,
    names: IndexSet<String>,
    varnames: IndexSet<String>,
    cellvars: IndexSet<String>,
    freevars: IndexSet<String>,
    line: u32,
    fblocks: Vec<FBlock<'a>>,
    flags: CodeFlags,
    argcount: u32,
    posonlycount: u32,
    kwonlycount: u32,
    first_line: u32,
    doc: Option<Rc<str>>,
    patterns: Vec<super::bytecode::MatchCaseCode>,
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: Rc<str>,
    line_starts: Vec<usize>,
    units: Vec<Unit<'a>>,
    errors: Vec<SyntaxError>,
    mode: Mode,
    /// The program text, for annotations kept as strings.
    source: String,
}

/// Whether a module or class body has an annotated simple name, which
/// makes `__annotations__` (CPython's SETUP_ANNOTATIONS); nested blocks
/// count, nested functions and classes do not.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { target, .. } => matches!(target.kind, ExprKind::Name(_)),
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            has_annotations(body)
                || handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(orelse)
                || has_annotations(finalbody)
        }
        _ => false,
    })
}

pub fn compile_module(
    module: &Module,
    table: &SymbolTable,
    filename: &str,
    source: &str,
    mode: Mode,
) -> Result<Rc<Code>, Vec<SyntaxError>> {
    let mut line_starts = vec![0];
    line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
    let mut c = Compiler {
        table,
        filename: filename.into(),
        line_starts,
        units: Vec::new(),
        errors: Vec::new(),
        mode,
        source: source.to_string(),
    };
    c.push_unit(0, "<module>", "<module>".into(), 1);
    if has_annotations(&module.body) {
        c.emit(Op::SetupAnnotations);
    }
    let scope = &table.scopes[0];
    if scope.has_await {
        c.unit().flags.top_level_await = true;
    }
    let body = &module.body;
    if mode == Mode::Eval
        && let [
            Stmt {
                kind: StmtKind::Expr(e),
                ..
            },
        ] = body.as_slice()
    {
        c.set_line(e.span);
        c.expr(e);
        c.emit(Op::Return);
        let code = c.pop_unit();
        return if c.errors.is_empty() {
            Ok(code)
        } else {
            Err(c.errors)
        };
    }
    if let Some(Stmt {
        kind:
            StmtKind::Expr(Expr {
                kind: ExprKind::Constant(Constant::Str(doc)),
                ..
            }),
        ..
    }) = body.first()
        && mode != Mode::Interactive
    {
        c.load_const(Value::str(clean_doc(doc)));
        let i = c.name_idx("__doc__");
        c.emit(Op::StoreName(i));
    }
    for s in body {
        c.stmt(s);
    }
    c.emit(Op::LoadConst(0));
    c.emit(Op::Return);
    let code = c.pop_unit();
    if c.errors.is_empty() {
        Ok(code)
    } else {
        Err(c.errors)
    }
}

type Label = usize;

/// A docstring as CPython 3.13's compiler stores it: tabs expanded, the
/// first line's leading spaces dropped, and the common indentation of the
/// other non-blank lines removed.
fn clean_doc(doc: &str) -> String {
    let mut expanded = String::with_capacity(doc.len());
    let mut col = 0;
    for ch in doc.chars() {
        match ch {
            '\t' => {
                let n = 8 - col % 8;
                expanded.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' => {
                expanded.push(ch);
                col = 0;
            }
            _ => {
                expanded.push(ch);
                col += 1;
            }
        }
    }
    let mut lines = expanded.split('\n');
    let first = lines.next().unwrap_or("").trim_start_matches(' ');
    let rest: Vec<&str> = lines.collect();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let margin = rest
        .iter()
        .filter(|l| !l.trim_start_matches(' ').is_empty())
        .map(|l| indent(l))
        .min()
        .unwrap_or(0);
    let mut out = first.to_string();
    for l in rest {
        out.push('\n');
        out.push_str(&l[margin.min(indent(l))..]);
    }
    out
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }
    fn unit_kind(&self) -> ScopeKind {
        self.table.scopes[self.unit_ref().scope].kind
    }
    fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    fn push_unit(&mut self, scope: ScopeId, name: &str, qualname: String, line: u32) {
        let s = &self.table.scopes[scope];
        let mut cellvars: IndexSet<String> = s.cells.iter().cloned().collect();
        cellvars.sort();
        let mut freevars: IndexSet<String> = s.frees.iter().cloned().collect();
        freevars.sort();
        let mut varnames = IndexSet::new();
        for p in &s.params {
            varnames.insert(p.clone());
        }
        let mut u = Unit {
            scope,
            name: name.to_string(),
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            consts: vec![Value::None],
            const_slots: std::collections::HashMap::from([(ConstKey::None, 0)]),
            names: IndexSet::new(),
            varnames,
            cellvars,
            freevars,
            line,
            fblocks: Vec::new(),
            flags: CodeFlags::default(),
            argcount: 0,
            posonlycount: 0,
            kwonlycount: 0,
            first_line: line,
            doc: None,
            patterns: Vec::new(),
        };
        if s.kind == ScopeKind::Function || s.kind == ScopeKind::Comprehension {
            u.flags.generator = s.is_generator && !s.is_async;
            u.flags.coroutine = s.is_async && !s.is_generator;
            u.flags.async_generator = s.is_async && s.is_generator;
            if s.kind == ScopeKind::Comprehension && s.has_await {
                if s.is_generator {
                    u.flags.generator = false;
                    u.flags.async_generator = true;
                } else {
                    u.flags.coroutine = true;
                }
            }
        }
        if s.kind == ScopeKind::Class {
            u.flags.class_body = true;
        }
        self.units.push(u);
    }

    fn pop_unit(&mut self) -> Rc<Code> {
        let u = match self.units.pop() {
            Some(u) => u,
            None => unreachable_unit(),
        };
        let to_rc = |set: &IndexSet<String>| -> Vec<Rc<str>> {
            set.iter().map(|s| crate::vm::intern::intern(s)).collect()
        };
        let varnames = to_rc(&u.varnames);
        let mut cell_params = Vec::new();
        for (ci, name) in u.cellvars.iter().enumerate() {
            if let Some(vi) = u.varnames.get_index_of(name) {
                cell_params.push((vi as u32, ci as u32));
            }
        }
        let nnames = u.names.len();
        let mut code = Code {
            global_cache: (0..nnames).map(|_| std::cell::Cell::new(0)).collect(),
            attr_cache: (0..nnames).map(|_| std::cell::Cell::new(0)).collect(),
            doc: u.doc,
            name: u.name.as_str().into(),
            qualname: u.qualname.as_str().into(),
            filename: self.filename.clone(),
            ops: super::fuse::fuse_operands(u.ops),
            lines: u.lines,
            consts: u.consts,
            names: to_rc(&u.names),
            varnames,
            cellvars: to_rc(&u.cellvars),
            freevars: to_rc(&u.freevars),
            cell_params,
            argcount: u.argcount,
            posonlycount: u.posonlycount,
            kwonlycount: u.kwonlycount,
            flags: u.flags,
            first_line: u.first_line,
            max_stack: 16,
            fast_argc: u32::MAX,
            patterns: u.patterns,
        };
        code.fast_argc = code.compute_fast_argc();
        Rc::new(code)
    }

    fn line_of(&self, offset: usize) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    fn set_line(&mut self, span: Span) {
        let l = self.line_of(span.start);
        self.unit().line = l;
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.unit();
        u.ops.push(op);
        u.lines.push(u.line);
        u.ops.len() - 1
    }
    fn here(&self) -> Label {
        self.unit_ref().ops.len()
    }
    fn patch(&mut self, at: usize, target: Label) {
        let t = target as u32;
        let u = self.unit();
        u.ops[at] = match u.ops[at] {
            Op::Jump(_) => Op::Jump(t),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
            Op::PopJumpIfNone(_) => Op::PopJumpIfNone(t),
            Op::ForIter(_) => Op::ForIter(t),
            Op::SetupExcept(_) => Op::SetupExcept(t),
            Op::SetupFinally(_) => Op::SetupFinally(t),
            other => other,
        };
    }
    fn patch_here(&mut self, at: usize) {
        let h = self.here();
        self.patch(at, h);
    }

    fn const_idx(&mut self, v: Value) -> u32 {
        let u = self.unit();
        // Reuse identical simple constants to keep tables small.
        let key = match &v {
            Value::Int(a) => Some(ConstKey::Int(*a)),
            Value::Str(a) => Some(ConstKey::Str(a.as_str().to_string())),
            Value::None => Some(ConstKey::None),
            Value::Bool(b) => Some(ConstKey::Bool(*b)),
            _ => None,
        };
        if let Some(k) = &key
            && let Some(&i) = u.const_slots.get(k)
        {
            return i;
        }
        u.consts.push(v);
        let i = (u.consts.len() - 1) as u32;
        if let Some(k) = key {
            u.const_slots.insert(k, i);
        }
        i
    }
    fn load_const(&mut self, v: Value) {
        let i = self.const_idx(v);
        self.emit(Op::LoadConst(i));
    }
    fn name_idx(&mut self, name: &str) -> u32 {
        let (i, _) = self.unit().names.insert_full(name.to_string());
        i as u32
    }
    fn var_idx(&mut self, name: &str) -> u32 {
        let (i, _) = self.unit().varnames.insert_full(name.to_string());
        i as u32
    }
    fn cell_idx(&mut self, name: &str) -> u32 {
        let u = self.unit_ref();
        if let Some(i) = u.cellvars.get_index_of(name) {
            return i as u32;
        }
        if let Some(i) = u.freevars.get_index_of(name) {
            return (u.cellvars.len() + i) as u32;
        }
        // Should not happen after analysis; fall back to a fresh free slot.
        let u = self.unit();
        u.freevars.insert(name.to_string());
        (u.cellvars.len() + u.freevars.len() - 1) as u32
    }

    fn error(&mut self, msg: &str, span: Span) {
        self.errors.push(SyntaxError::new(msg, span));
    }

    fn name_kind(&self, name: &str) -> NameKind {
        let scope = &self.table.scopes[self.unit_ref().scope];
        let k = scope.lookup(name);
        if scope.kind == ScopeKind::Module {
            return match k {
                NameKind::Free | NameKind::Cell => k,
                _ => NameKind::GlobalImplicit,
            };
        }
        k
    }

    /// For `value` = `super()` with no arguments, in a function whose first
    /// parameter is a plain local and where `super` is a global: emits
    /// `super` and the `__class__` cell (`LoadSuperMethod` reads the first
    /// local itself, since it may have been deleted) and returns true.
    /// Emits nothing otherwise.
    fn zero_arg_super(&mut self, value: &Expr) -> bool {
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = &value.kind
        else {
            return false;
        };
        let ExprKind::Name(n) = &func.kind else {
            return false;
        };
        if n != "super" || !args.is_empty() || !keywords.is_empty() {
            return false;
        }
        let u = self.unit_ref();
        let Some(first) = u.varnames.get_index(0).cloned() else {
            return false;
        };
        if u.argcount == 0
            || u.flags.class_body
            || !u.freevars.contains("__class__")
            || !matches!(
                self.name_kind("super"),
                NameKind::GlobalImplicit | NameKind::GlobalExplicit
            )
            || self.name_kind(&first) != NameKind::Local
        {
            return false;
        }
        self.load_name("super");
        let ci = self.cell_idx("__class__");
        self.emit(Op::LoadClosure(ci));
        true
    }

    fn load_name(&mut self, name: &str) {
        match self.name_kind(name) {
            NameKind::Local => {
                let i = self.var_idx(name);
                self.emit(Op::LoadFast(i));
            }
            NameKind::Cell => {
                let i = self.cell_idx(name);
                self.emit(Op::LoadDeref(i));
            }
            NameKind::Free => {
                let i = self.cell_idx(name);
                if self.unit_ref().flags.class_body {
                    let n = self.name_idx(name);
                    let _ = n;
                    self.emit(Op::LoadClassDeref(i));
                } else {
                    self.emit(Op::LoadDeref(i));
                }
            }
            NameKind::GlobalImplicit
                if self.units.len() == 1 && matches!(self.mode, Mode::Eval | Mode::Exec) =>
            {
                let i = self.name_idx(name);
                self.emit(Op::LoadName(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name_idx(name);
                self.emit(Op::LoadGlobal(i));
            }
            NameKind::Name => {
                let i = self.name_idx(name);
                self.emit(Op::LoadName(i));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        match self.name_kind(name) {
            NameKind::Local => {
                let i = self.var_idx(name);
                self.emit(Op::StoreFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.cell_idx(name);
                self.emit(Op::StoreDeref(i));
            }
            NameKind::GlobalImplicit
                if self.units.len() == 1 && matches!(self.mode, Mode::Eval | Mode::Exec) =>
            {
                let i = self.name_idx(name);
                self.emit(Op::StoreName(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name_idx(name);
                self.emit(Op::StoreGlobal(i));
            }
            NameKind::Name => {
                let i = self.name_idx(name);
                self.emit(Op::StoreName(i));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        match self.name_kind(name) {
            NameKind::Local => {
                let i = self.var_idx(name);
                self.emit(Op::DeleteFast(i));
            }
            NameKind::Cell | NameKind::Free => {
                let i = self.cell_idx(name);
                self.emit(Op::DeleteDeref(i));
            }
            NameKind::GlobalExplicit | NameKind::GlobalImplicit => {
                let i = self.name_idx(name);
                self.emit(Op::DeleteGlobal(i));
            }
            NameKind::Name => {
                let i = self.name_idx(name);
                self.emit(Op::DeleteName(i));
            }
        }
    }

    // ---------------------------------------------------------------- statements

    fn body(&mut self, stmts: &'a [Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Expr(e) => {
                self.expr(e);
                let top_level = self.units.len() == 1;
                if self.mode == Mode::Interactive && top_level {
                    self.emit(Op::PrintExpr);
                } else {
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Copy(0));
                    }
                    self.assign(t);
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => {
                if let Some(v) = value {
                    self.expr(v);
                    self.assign(target);
                }
                // Outside functions the annotation is evaluated; a simple
                // name's is stored in `__annotations__`.
                if self.unit_kind() != ScopeKind::Function {
                    self.annotation_value(annotation);
                    match &target.kind {
                        ExprKind::Name(n) => {
                            let i = self.name_idx("__annotations__");
                            self.emit(Op::LoadName(i));
                            let key = self.mangled(n);
                            self.load_const(Value::str(key.as_str()));
                            self.emit(Op::StoreSubscr);
                        }
                        _ => {
                            self.emit(Op::Pop);
                        }
                    }
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t);
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => self.break_continue(true, s.span),
            StmtKind::Continue => self.break_continue(false, s.span),
            StmtKind::Return(v) => {
                if self
                    .unit()
                    .fblocks
                    .iter()
                    .any(|b| matches!(b, FBlock::StarHandler))
                {
                    self.no_exit_from_star(s.span);
                }
                match v {
                    Some(v) => self.expr(v),
                    None => self.load_const(Value::None),
                }
                self.unwind_all(true);
                self.emit(Op::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test);
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.body(body);
                if orelse.is_empty() {
                    self.patch_here(jf);
                } else {
                    let je = self.emit(Op::Jump(0));
                    self.patch_here(jf);
                    self.body(orelse);
                    self.patch_here(je);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test);
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.unit().fblocks.push(FBlock::Loop {
                    continue_target: start,
                    breaks: Vec::new(),
                    is_for: false,
                });
                self.body(body);
                self.emit(Op::Jump(start as u32));
                let breaks = self.pop_loop();
                self.patch_here(jf);
                self.body(orelse);
                for b in breaks {
                    self.patch_here(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse);
                } else {
                    self.iter_expr(iter);
                    self.emit(Op::GetIter);
                    let start = self.here();
                    let fi = self.emit(Op::ForIter(0));
                    self.assign(target);
                    self.unit().fblocks.push(FBlock::Loop {
                        continue_target: start,
                        breaks: Vec::new(),
                        is_for: true,
                    });
                    self.body(body);
                    self.emit(Op::Jump(start as u32));
                    let breaks = self.pop_loop();
                    self.patch_here(fi);
                    self.body(orelse);
                    for b in breaks {
                        self.patch_here(b);
                    }
                }
            }
            StmtKind::FunctionDef(f) => self.function_def(f),
            StmtKind::ClassDef(c) => self.class_def(c),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *is_star);
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star);
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e);
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c);
                        n = 2;
                    }
                }
                self.emit(Op::Raise(n));
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with(items, body, *is_async),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let i = self.name_idx(&a.name);
                    self.emit(Op::ImportName(i));
                    match &a.asname {
                        Some(asname) => self.store_name(asname),
                        None => {
                            let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                            if top != a.name {
                                self.emit(Op::Pop);
                                let t = self.name_idx(&top);
                                self.emit(Op::ImportName(t));
                            }
                            self.store_name(&top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    self.error(
                        "attempted relative import with no known parent package",
                        s.span,
                    );
                    return;
                }
                let i = self.name_idx(module);
                self.emit(Op::ImportName(i));
                for a in names {
                    if a.name == "*" {
                        if self.units.len() > 1 {
                            self.error("import * only allowed at module level", a.span);
                        }
                        self.emit(Op::ImportStar);
                        continue;
                    }
                    let n = self.name_idx(&a.name);
                    self.emit(Op::ImportFrom(n));
                    let bind = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.store_name(&bind);
                }
                self.emit(Op::Pop);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m);
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                self.patch_here(j);
            }
        }
    }

    fn pop_loop(&mut self) -> Vec<usize> {
        match self.unit().fblocks.pop() {
            Some(FBlock::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        }
    }

    /// Emits the cleanup of one frame block on a jump out of it.
    /// `preserve_tos`: a return value sits on top of the stack.
    fn unwind_block(&mut self, block: &FBlock<'a>, preserve_tos: bool) {
        match block {
            FBlock::Loop { is_for, .. } => {
                if *is_for {
                    if preserve_tos {
                        self.emit(Op::Swap(1));
                    }
                    self.emit(Op::Pop);
                }
            }
            FBlock::TryExcept => {
                self.emit(Op::PopBlock);
            }
            FBlock::Finally(body) => {
                self.emit(Op::PopBlock);
                self.body(body);
            }
            FBlock::FinallyEnd => {
                self.emit(Op::PopExcept);
                if preserve_tos {
                    self.emit(Op::Swap(1));
                }
                self.emit(Op::Pop);
            }
            FBlock::Handler => {
                self.emit(Op::PopExcept);
            }
            // A SyntaxError (see `no_exit_from_star`): nothing to unwind.
            FBlock::StarHandler => {}
            FBlock::With { is_async } => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Swap(1));
                }
                self.call_exit_none(*is_async);
            }
        }
    }

    /// Stack `exit` → calls `exit(None, None, None)` and drops the result.
    fn call_exit_none(&mut self, is_async: bool) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Op::Call(3));
        if is_async {
            self.emit(Op::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Op::YieldFrom);
        }
        self.emit(Op::Pop);
    }

    fn unwind_all(&mut self, preserve_tos: bool) {
        // Each block's cleanup runs with the blocks outside it still active,
        // so take them off one at a time and put them all back after.
        let mut taken = Vec::new();
        while let Some(b) = self.unit().fblocks.pop() {
            self.unwind_block(&b, preserve_tos);
            taken.push(b);
        }
        while let Some(b) = taken.pop() {
            self.unit().fblocks.push(b);
        }
    }

    fn no_exit_from_star(&mut self, span: Span) {
        self.error(
            "'break', 'continue' and 'return' cannot appear in an except* block",
            span,
        );
    }

    fn break_continue(&mut self, is_break: bool, span: Span) {
        let mut taken = Vec::new();
        let mut found = false;
        while let Some(b) = self.unit().fblocks.pop() {
            if matches!(b, FBlock::StarHandler) {
                self.no_exit_from_star(span);
            }
            if let FBlock::Loop {
                continue_target,
                is_for,
                ..
            } = &b
            {
                let (ct, is_for) = (*continue_target, *is_for);
                if is_break {
                    if is_for {
                        self.emit(Op::Pop);
                    }
                    let j = self.emit(Op::Jump(0));
                    taken.push(b);
                    if let Some(FBlock::Loop { breaks, .. }) = taken.last_mut() {
                        breaks.push(j);
                    }
                } else {
                    self.emit(Op::Jump(ct as u32));
                    taken.push(b);
                }
                found = true;
                break;
            }
            self.unwind_block(&b, false);
            taken.push(b);
        }
        while let Some(b) = taken.pop() {
            self.unit().fblocks.push(b);
        }
        if !found {
            self.error(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                span,
            );
        }
    }

    fn async_for(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) {
        self.expr(iter);
        self.emit(Op::GetAIter);
        let start = self.here();
        let setup = self.emit(Op::SetupExcept(0));
        self.emit(Op::GetANext);
        self.load_const(Value::None);
        self.emit(Op::YieldFrom);
        self.emit(Op::PopBlock);
        self.assign(target);
        self.unit().fblocks.push(FBlock::Loop {
            continue_target: start,
            breaks: Vec::new(),
            is_for: true,
        });
        self.body(body);
        self.emit(Op::Jump(start as u32));
        let breaks = self.pop_loop();
        self.patch_here(setup);
        // Handler: StopAsyncIteration ends the loop; anything else propagates.
        self.emit(Op::EndAsyncFor);
        self.body(orelse);
        for b in breaks {
            self.patch_here(b);
        }
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        is_star: bool,
    ) {
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.body(body);
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.body(orelse);
        let to_end = self.emit(Op::Jump(0));
        self.patch_here(setup);
        if is_star {
            self.star_handlers(handlers);
        } else {
            self.handlers(handlers);
        }
        self.patch_here(to_end);
    }

    /// Stack at entry: `[exc]`, with the exception recorded as being handled.
    fn handlers(&mut self, handlers: &'a [ExceptHandler]) {
        let mut ends = Vec::new();
        for h in handlers {
            self.set_line(h.span);
            let mut next = None;
            if let Some(t) = &h.typ {
                self.expr(t);
                self.emit(Op::CheckExcMatch);
                next = Some(self.emit(Op::PopJumpIfFalse(0)));
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            self.unit().fblocks.push(FBlock::Handler);
            self.body(&h.body);
            self.unit().fblocks.pop();
            self.emit(Op::PopExcept);
            if let Some(n) = &h.name {
                // `except E as e` unbinds e when the handler ends.
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.emit(Op::Jump(0)));
            if let Some(nx) = next {
                self.patch_here(nx);
            }
        }
        self.emit(Op::Reraise);
        for e in ends {
            self.patch_here(e);
        }
    }

    /// `except*`: stack at entry `[exc]`, the exception being handled.
    /// Every clause runs on the part of the group it matches, as the
    /// exception being handled; what a clause raises is collected, and
    /// `PrepReraiseStar` combines it with the unmatched rest at the end.
    fn star_handlers(&mut self, handlers: &'a [ExceptHandler]) {
        // [orig, raised, rest]
        self.emit(Op::BuildList(0));
        self.emit(Op::Copy(1));
        for h in handlers {
            self.set_line(h.span);
            if let Some(t) = &h.typ {
                self.expr(t);
            } else {
                self.load_const(Value::None);
            }
            self.emit(Op::CheckEgMatch);
            // [orig, raised, rest, match]
            self.emit(Op::Copy(0));
            let skip = self.emit(Op::PopJumpIfNone(0));
            self.emit(Op::PushHandled);
            self.emit(Op::Copy(0));
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            let setup = self.emit(Op::SetupExcept(0));
            self.unit().fblocks.push(FBlock::StarHandler);
            self.body(&h.body);
            self.unit().fblocks.pop();
            self.emit(Op::PopBlock);
            self.emit(Op::PopExcept);
            self.emit(Op::Pop);
            let ok = self.emit(Op::Jump(0));
            // The clause raised: [orig, raised, rest, match, exc].
            self.patch_here(setup);
            self.emit(Op::PopExcept);
            self.emit(Op::PopExcept);
            self.emit(Op::StarCollect);
            self.patch_here(ok);
            if let Some(n) = &h.name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            let done = self.emit(Op::Jump(0));
            self.patch_here(skip);
            self.emit(Op::Pop);
            self.patch_here(done);
        }
        // [orig, raised, rest]
        self.emit(Op::PrepReraiseStar);
        self.emit(Op::PopExcept);
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        is_star: bool,
    ) {
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::Finally(finalbody));
        if handlers.is_empty() {
            self.body(body);
        } else {
            self.try_except(body, handlers, orelse, is_star);
        }
        self.unit().fblocks.pop();
        self.emit(Op::PopBlock);
        self.body(finalbody);
        let to_end = self.emit(Op::Jump(0));
        self.patch_here(setup);
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.body(finalbody);
        self.unit().fblocks.pop();
        self.emit(Op::Reraise);
        self.patch_here(to_end);
    }

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool) {
        let Some((first, rest)) = items.split_first() else {
            self.body(body);
            return;
        };
        // The implicit `__exit__` calls belong to the `with` line, as in
        // CPython's tracebacks.
        let with_line = self.unit_ref().line;
        self.expr(&first.context);
        if is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit(Op::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Op::YieldFrom);
        } else {
            self.emit(Op::BeforeWith);
        }
        // [exit, value]
        match &first.vars {
            Some(t) => self.assign(t),
            None => {
                self.emit(Op::Pop);
            }
        }
        let setup = self.emit(Op::SetupFinally(0));
        self.unit().fblocks.push(FBlock::With { is_async });
        if rest.is_empty() {
            self.body(body);
        } else {
            self.with(rest, body, is_async);
        }
        self.unit().fblocks.pop();
        self.unit().line = with_line;
        self.emit(Op::PopBlock);
        self.call_exit_none(is_async);
        let to_end = self.emit(Op::Jump(0));
        self.patch_here(setup);
        // [exit, exc]
        self.emit(Op::WithExceptStart);
        if is_async {
            self.emit(Op::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Op::YieldFrom);
        }
        let suppress = self.emit(Op::PopJumpIfTrue(0));
        self.emit(Op::Reraise);
        self.patch_here(suppress);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        self.emit(Op::Pop);
        self.patch_here(to_end);
    }

    fn function_def(&mut self, f: &'a FunctionDef) {
        for d in &f.decorators {
            self.expr(d);
        }
        let line = self.unit_ref().line;
        let code = self.function_code(
            node_key(f),
            &f.name,
            &f.params,
            FuncBody::Stmts(&f.body),
            line,
        );
        self.make_function(code, &f.params, f.returns.as_ref());
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        let bound = self.mangled(&f.name);
        self.store_name(&bound);
    }

    /// The name a `def`/`class` statement binds: mangled inside a class.
    fn mangled(&self, name: &str) -> String {
        let mut id = Some(self.unit_ref().scope);
        let mut class = None;
        while let Some(i) = id {
            let s = &self.table.scopes[i];
            if s.kind == ScopeKind::Class {
                class = Some(s.name.as_str());
                break;
            }
            id = s.parent;
        }
        super::mangle::mangle(class, name).unwrap_or_else(|| name.to_string())
    }

    /// CPython 3.13's `__qualname__`: list, set and dict comprehensions are
    /// inlined (invisible); a generator expression adds no `<locals>`.
    fn qualname_for(&self, name: &str) -> String {
        let inlined =
            |u: &Unit| matches!(u.name.as_str(), "<listcomp>" | "<setcomp>" | "<dictcomp>");
        let Some(u) = self.units.iter().rev().find(|u| !inlined(u)) else {
            return name.to_string();
        };
        match self.table.scopes[u.scope].kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class | ScopeKind::Comprehension => format!("{}.{}", u.qualname, name),
            ScopeKind::Function => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    fn function_code(
        &mut self,
        key: usize,
        name: &str,
        params: &'a Params,
        body: FuncBody<'a>,
        line: u32,
    ) -> Rc<Code> {
        let Some(&scope) = self.table.by_node.get(&key) else {
            return self.empty_code(name);
        };
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name, qualname, line);
        {
            let u = self.unit();
            u.posonlycount = params.posonly.len() as u32;
            u.argcount = (params.posonly.len() + params.args.len()) as u32;
            u.kwonlycount = params.kwonly.len() as u32;
            u.flags.varargs = params.vararg.is_some();
            u.flags.varkw = params.kwarg.is_some();
            // Parameter slots come first, in call order.
            u.varnames.clear();
            for p in params.posonly.iter().chain(&params.args) {
                u.varnames.insert(p.name.clone());
            }
            for p in &params.kwonly {
                u.varnames.insert(p.name.clone());
            }
            if let Some(v) = &params.vararg {
                u.varnames.insert(v.name.clone());
            }
            if let Some(k) = &params.kwarg {
                u.varnames.insert(k.name.clone());
            }
        }
        match body {
            FuncBody::Stmts(stmts) => {
                if let Some(Stmt {
                    kind:
                        StmtKind::Expr(Expr {
                            kind: ExprKind::Constant(Constant::Str(doc)),
                            ..
                        }),
                    ..
                }) = stmts.first()
                {
                    self.unit().doc = Some(clean_doc(doc).into());
                }
                self.body(stmts);
                self.load_const(Value::None);
                self.emit(Op::Return);
            }
            FuncBody::Expr(e) => {
                self.expr(e);
                self.emit(Op::Return);
            }
        }
        self.pop_unit()
    }

    fn empty_code(&mut self, name: &str) -> Rc<Code> {
        self.push_unit(0, name, name.to_string(), 1);
        self.load_const(Value::None);
        self.emit(Op::Return);
        self.pop_unit()
    }

    /// Emits defaults, closure and the code constant, then MakeFunction.
    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    fn annotation_value(&mut self, e: &'a Expr) {
        if self.table.future_annotations {
            let text = self
                .source
                .get(e.span.start..e.span.end)
                .unwrap_or_default()
                .to_string();
            self.load_const(Value::str(text.as_str()));
        } else {
            self.expr(e);
        }
    }

    /// Pushes the `__annotations__` dict of a function (parameters in
    /// order, then `return`); false when it has none.
    fn function_annotations(&mut self, params: &'a Params, returns: Option<&'a Expr>) -> bool {
        let mut n = 0;
        for p in params.all() {
            if let Some(a) = &p.annotation {
                let key = self.mangled(&p.name);
                self.load_const(Value::str(key.as_str()));
                self.annotation_value(a);
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.annotation_value(r);
            n += 1;
        }
        if n > 0 {
            self.emit(Op::BuildMap(n));
        }
        n > 0
    }

    fn make_function(&mut self, code: Rc<Code>, params: &'a Params, returns: Option<&'a Expr>) {
        let mut flags = 0u8;
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d);
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<&Param> = params
            .kwonly
            .iter()
            .filter(|p| p.default.is_some())
            .collect();
        if !kwdefaults.is_empty() {
            for p in &kwdefaults {
                self.load_const(Value::str(p.name.as_str()));
                if let Some(d) = &p.default {
                    self.expr(d);
                }
            }
            self.emit(Op::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        if self.function_annotations(params, returns) {
            flags |= 8;
        }
        self.closure_for(&code, &mut flags);
        self.load_const(Value::Code(code));
        self.emit(Op::MakeFunction(flags));
    }

    fn closure_for(&mut self, code: &Rc<Code>, flags: &mut u8) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.iter() {
                let i = self.cell_idx(fv);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            *flags |= 4;
        }
    }

    fn class_def(&mut self, c: &'a ClassDef) {
        for d in &c.decorators {
            self.expr(d);
        }
        let Some(&scope) = self.table.by_node.get(&node_key(c)) else {
            return;
        };
        let qualname = self.qualname_for(&c.name);
        let line = self.unit_ref().line;
        self.push_unit(scope, &c.name, qualname.clone(), line);
        if has_annotations(&c.body) {
            self.emit(Op::SetupAnnotations);
        }
        let m = self.name_idx("__name__");
        self.emit(Op::LoadGlobal(m));
        let i = self.name_idx("__module__");
        self.emit(Op::StoreName(i));
        self.load_const(Value::str(qualname.as_str()));
        let i = self.name_idx("__qualname__");
        self.emit(Op::StoreName(i));
        if let Some(Stmt {
            kind:
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(doc)),
                    ..
                }),
            ..
        }) = c.body.first()
        {
            self.load_const(Value::str(clean_doc(doc)));
            let i = self.name_idx("__doc__");
            self.emit(Op::StoreName(i));
        }
        self.body(&c.body);
        if self.unit_ref().cellvars.contains("__class__") {
            let i = self.cell_idx("__class__");
            self.emit(Op::LoadClosure(i));
        } else {
            self.load_const(Value::None);
        }
        self.emit(Op::Return);
        let code = self.pop_unit();
        let mut flags = 0;
        self.closure_for(&code, &mut flags);
        self.load_const(Value::Code(code));
        self.emit(Op::MakeFunction(flags));
        self.load_const(Value::str(c.name.as_str()));
        for b in &c.bases {
            self.expr(b);
        }
        let kw_names: Vec<Value> = c
            .keywords
            .iter()
            .filter_map(|k| k.name.as_ref().map(|n| Value::str(n.as_str())))
            .collect();
        for k in &c.keywords {
            if k.name.is_some() {
                self.expr(&k.value);
            }
        }
        let kwi = self.const_idx(Value::tuple(kw_names));
        self.emit(Op::BuildClass(c.bases.len() as u16, kwi as u16));
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        let bound = self.mangled(&c.name);
        self.store_name(&bound);
    }

    // ---------------------------------------------------------------- targets

    fn assign(&mut self, t: &'a Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                let i = self.name_idx(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                let stars = items
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 {
                    self.error("multiple starred expressions in assignment", t.span);
                } else if star
                    .is_some_and(|si| si >= 256 || items.len() - si - 1 > usize::from(u16::MAX))
                {
                    self.error("too many expressions in star-unpacking assignment", t.span);
                }
                match star {
                    Some(si) => {
                        let after = items.len() - si - 1;
                        self.emit(Op::UnpackEx(si as u16, after as u16));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(items.len() as u32));
                    }
                }
                for it in items {
                    match &it.kind {
                        ExprKind::Starred(inner) => self.assign(inner),
                        _ => self.assign(it),
                    }
                }
            }
            ExprKind::Starred(inner) => {
                self.error(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                );
                self.assign(inner);
            }
            _ => self.error("cannot assign to expression", t.span),
        }
    }

    fn delete(&mut self, t: &'a Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                let i = self.name_idx(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i);
                }
            }
            _ => self.error("cannot delete expression", t.span),
        }
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) {
        match &target.kind {
            ExprKind::Name(n) => {
                self.load_name(n);
                self.expr(value);
                self.emit(Op::InPlace(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj);
                self.emit(Op::Copy(0));
                let i = self.name_idx(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value);
                self.emit(Op::InPlace(op));
                self.emit(Op::Swap(1));
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj);
                self.expr(index);
                self.emit(Op::Copy(1));
                self.emit(Op::Copy(1));
                self.emit(Op::Subscript);
                self.expr(value);
                self.emit(Op::InPlace(op));
                self.emit(Op::Swap(2));
                self.emit(Op::Swap(1));
                self.emit(Op::StoreSubscr);
            }
            _ => self.error(
                "'expression' is an illegal expression for augmented assignment",
                target.span,
            ),
        }
    }

    // ---------------------------------------------------------------- expressions

    fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            // `x as y` outside a pattern: the grammar has no such expression.
            ExprKind::PatternAs { .. } => self.error("invalid syntax", e.span),
            ExprKind::Constant(Constant::Imag(x)) => {
                self.load_const(Value::Float(*x));
                self.emit(Op::Imaginary);
            }
            ExprKind::Constant(c) => {
                let v = constant_value(c);
                self.load_const(v);
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::BinOp { left, op, right } => {
                self.expr(left);
                self.expr(right);
                self.set_line(e.span);
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                // Fold negative literals so `-5` is one constant.
                if let (UnaryOp::Neg, ExprKind::Constant(Constant::Int(i))) = (op, &operand.kind) {
                    self.load_const(Value::from_bigint(-i.clone()));
                    return;
                }
                if let (UnaryOp::Neg, ExprKind::Constant(Constant::Float(x))) = (op, &operand.kind)
                {
                    self.load_const(Value::Float(-x));
                    return;
                }
                self.expr(operand);
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v);
                    if i + 1 < values.len() {
                        let j = match op {
                            BoolOp::And => self.emit(Op::JumpIfFalseOrPop(0)),
                            BoolOp::Or => self.emit(Op::JumpIfTrueOrPop(0)),
                        };
                        jumps.push(j);
                    }
                }
                for j in jumps {
                    self.patch_here(j);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left);
                if ops.len() == 1 {
                    self.expr(&comparators[0]);
                    self.set_line(e.span);
                    self.emit(Op::Compare(ops[0]));
                    return;
                }
                let mut cleanups = Vec::new();
                for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                    self.expr(c);
                    if i + 1 < ops.len() {
                        self.emit(Op::Swap(1));
                        self.emit(Op::Copy(1));
                        self.emit(Op::Compare(*op));
                        cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                    } else {
                        self.emit(Op::Compare(*op));
                    }
                }
                let end = self.emit(Op::Jump(0));
                for c in cleanups {
                    self.patch_here(c);
                }
                self.emit(Op::Swap(1));
                self.emit(Op::Pop);
                self.patch_here(end);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords),
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                let i = self.name_idx(attr);
                self.set_line(e.span);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
                self.set_line(e.span);
                self.emit(Op::Subscript);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x),
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s);
                        self.emit(Op::BuildSlice(3));
                    }
                    None => {
                        self.emit(Op::BuildSlice(2));
                    }
                }
            }
            ExprKind::List(items) => self.sequence(items, Seq::List),
            ExprKind::Tuple(items) => self.sequence(items, Seq::Tuple),
            ExprKind::Set(items) => self.sequence(items, Seq::Set),
            ExprKind::Dict(items) => {
                let has_unpack = items.iter().any(|i| matches!(i, DictItem::Unpack(_)));
                if !has_unpack {
                    for it in items {
                        if let DictItem::KeyValue(k, v) = it {
                            self.expr(k);
                            self.expr(v);
                        }
                    }
                    self.emit(Op::BuildMap(items.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for it in items {
                        match it {
                            DictItem::KeyValue(k, v) => {
                                self.expr(k);
                                self.expr(v);
                                self.emit(Op::MapAdd(1));
                            }
                            DictItem::Unpack(m) => {
                                self.expr(m);
                                self.emit(Op::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => {
                self.error("can't use starred expression here", e.span);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                let jf = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body);
                let je = self.emit(Op::Jump(0));
                self.patch_here(jf);
                self.expr(orelse);
                self.patch_here(je);
            }
            ExprKind::Lambda { params, body } => {
                let line = self.unit_ref().line;
                let code =
                    self.function_code(node_key(e), "<lambda>", params, FuncBody::Expr(body), line);
                self.make_function(code, params, None);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, generators, Comp::List(elt))
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, generators, Comp::Set(elt))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, Comp::Dict(key, value)),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, generators, Comp::Gen(elt))
            }
            ExprKind::Await(v) => {
                self.expr(v);
                self.set_line(e.span);
                self.emit(Op::GetAwaitable);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v),
                    None => self.load_const(Value::None),
                }
                self.emit(Op::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v);
                self.emit(Op::GetYieldFromIter);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                self.emit(Op::Copy(0));
                self.store_name(target);
            }
        }
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) {
        if parts.is_empty() {
            self.load_const(Value::str(""));
            return;
        }
        for p in parts {
            match p {
                FStringPart::Literal(s) => self.load_const(Value::str(s.as_str())),
                FStringPart::Value {
                    expr,
                    conversion,
                    format_spec,
                } => {
                    self.expr(expr);
                    let mut flag = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if let Some(spec) = format_spec {
                        self.fstring(spec);
                        flag |= 4;
                    }
                    self.emit(Op::FormatValue(flag));
                }
            }
        }
        if parts.len() > 1 {
            self.emit(Op::BuildString(parts.len() as u32));
        } else if let FStringPart::Literal(_) = parts[0] {
            // A lone literal is already a str.
        }
    }

    /// What a `for` loop or comprehension iterates: CPython turns a set
    /// display of constants there into a frozenset constant, whose order
    /// is that of the frozenset its compiler rebuilds.
    fn iter_expr(&mut self, e: &'a Expr) {
        if let ExprKind::Set(items) = &e.kind
            && !items.is_empty()
            && items.iter().all(folds_to_constant)
        {
            self.load_const(crate::builtins::frozenset_display_fn());
            for i in items {
                self.expr(i);
            }
            self.emit(Op::Call(items.len() as u32));
            return;
        }
        self.expr(e);
    }

    fn sequence(&mut self, items: &'a [Expr], kind: Seq) {
        let has_star = items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_)));
        if matches!(kind, Seq::Set) && items.len() > 2 && items.iter().all(folds_to_constant) {
            // CPython builds such a display from a frozenset constant, so
            // its slot order differs from adding the items one by one.
            self.load_const(crate::builtins::set_display_fn());
            for i in items {
                self.expr(i);
            }
            self.emit(Op::Call(items.len() as u32));
            return;
        }
        if !has_star {
            for i in items {
                self.expr(i);
            }
            let n = items.len() as u32;
            self.emit(match kind {
                Seq::List => Op::BuildList(n),
                Seq::Tuple => Op::BuildTuple(n),
                Seq::Set => Op::BuildSet(n),
            });
            return;
        }
        match kind {
            Seq::Set => self.emit(Op::BuildSet(0)),
            _ => self.emit(Op::BuildList(0)),
        };
        for i in items {
            match &i.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner);
                    self.emit(match kind {
                        Seq::Set => Op::SetUpdate(1),
                        _ => Op::ListExtend(1),
                    });
                }
                _ => {
                    self.expr(i);
                    self.emit(match kind {
                        Seq::Set => Op::SetAdd(1),
                        _ => Op::ListAppend(1),
                    });
                }
            }
        }
        if let Seq::Tuple = kind {
            self.emit(Op::ListToTuple);
        }
    }

    fn call(&mut self, e: &'a Expr, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword]) {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.name.is_none());
        if has_star {
            self.expr(func);
            self.sequence(args, Seq::Tuple);
            let has_kw = !keywords.is_empty();
            if has_kw {
                self.emit(Op::BuildMap(0));
                let mut merged = false;
                for k in keywords {
                    match &k.name {
                        // After a `**`, a named keyword is merged like one, so
                        // a repeat is "got multiple values" as in CPython.
                        Some(n) if merged => {
                            self.emit(Op::BuildMap(0));
                            self.load_const(Value::str(n.as_str()));
                            self.expr(&k.value);
                            self.emit(Op::MapAdd(1));
                            self.emit(Op::DictMerge(1));
                        }
                        Some(n) => {
                            self.load_const(Value::str(n.as_str()));
                            self.expr(&k.value);
                            self.emit(Op::MapAdd(1));
                        }
                        None => {
                            self.expr(&k.value);
                            self.emit(Op::DictMerge(1));
                            merged = true;
                        }
                    }
                }
            }
            self.set_line(e.span);
            self.emit(Op::CallEx(has_kw as u8));
            return;
        }
        let method = if let ExprKind::Attribute { value, attr } = &func.kind {
            if self.zero_arg_super(value) {
                let i = self.name_idx(attr);
                self.emit(Op::LoadSuperMethod(i));
            } else {
                self.expr(value);
                let i = self.name_idx(attr);
                self.emit(Op::LoadMethod(i));
            }
            true
        } else {
            self.expr(func);
            false
        };
        for a in args {
            self.expr(a);
        }
        for k in keywords {
            self.expr(&k.value);
        }
        self.set_line(e.span);
        let argc = args.len() + keywords.len();
        if keywords.is_empty() {
            self.emit(if method {
                Op::CallMethod(argc as u32)
            } else {
                Op::Call(argc as u32)
            });
        } else {
            let names: Vec<Value> = keywords
                .iter()
                .filter_map(|k| k.name.as_ref().map(|n| Value::str(n.as_str())))
                .collect();
            let ki = self.const_idx(Value::tuple(names)) as u16;
            self.emit(if method {
                Op::CallMethodKw(argc as u16, ki)
            } else {
                Op::CallKw(argc as u16, ki)
            });
        }
    }

    fn comprehension(&mut self, e: &'a Expr, generators: &'a [Comprehension], kind: Comp<'a>) {
        let Some(&scope) = self.table.by_node.get(&node_key(e)) else {
            return;
        };
        let Some(first) = generators.first() else {
            return;
        };
        let name = match kind {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let line = self.unit_ref().line;
        self.push_unit(scope, name, qualname, line);
        self.unit().argcount = 1;
        match kind {
            Comp::List(_) => {
                self.emit(Op::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Op::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Op::BuildMap(0));
            }
            Comp::Gen(_) => {}
        }
        self.comp_loop(generators, 0, &kind);
        if let Comp::Gen(_) = kind {
            self.load_const(Value::None);
        }
        self.emit(Op::Return);
        let code = self.pop_unit();
        let is_coroutine = code.flags.coroutine;
        let mut flags = 0;
        self.closure_for(&code, &mut flags);
        self.load_const(Value::Code(code));
        self.emit(Op::MakeFunction(flags));
        self.iter_expr(&first.iter);
        self.emit(if first.is_async {
            Op::GetAIter
        } else {
            Op::GetIter
        });
        self.emit(Op::Call(1));
        if is_coroutine {
            self.emit(Op::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Op::YieldFrom);
        }
    }

    fn comp_loop(&mut self, generators: &'a [Comprehension], depth: usize, kind: &Comp<'a>) {
        let g = &generators[depth];
        if depth == 0 {
            let i = self.var_idx(".0");
            self.emit(Op::LoadFast(i));
        } else {
            self.iter_expr(&g.iter);
            self.emit(if g.is_async {
                Op::GetAIter
            } else {
                Op::GetIter
            });
        }
        let start = self.here();
        let (exit_jump, async_setup) = if g.is_async {
            let setup = self.emit(Op::SetupExcept(0));
            self.emit(Op::GetANext);
            self.load_const(Value::None);
            self.emit(Op::YieldFrom);
            self.emit(Op::PopBlock);
            (None, Some(setup))
        } else {
            (Some(self.emit(Op::ForIter(0))), None)
        };
        self.assign(&g.target);
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond);
            skips.push(self.emit(Op::PopJumpIfFalse(0)));
        }
        if depth + 1 < generators.len() {
            self.comp_loop(generators, depth + 1, kind);
        } else {
            // The container sits below one iterator per loop level.
            let n = (generators.len() + 1) as u32;
            match kind {
                Comp::List(elt) => {
                    self.expr(elt);
                    self.emit(Op::ListAppend(n));
                }
                Comp::Set(elt) => {
                    self.expr(elt);
                    self.emit(Op::SetAdd(n));
                }
                Comp::Dict(k, v) => {
                    self.expr(k);
                    self.expr(v);
                    self.emit(Op::MapAdd(n));
                }
                Comp::Gen(elt) => {
                    self.expr(elt);
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        for s in skips {
            self.patch(s, start);
        }
        self.emit(Op::Jump(start as u32));
        if let Some(j) = exit_jump {
            self.patch_here(j);
        }
        if let Some(s) = async_setup {
            self.patch_here(s);
            self.emit(Op::EndAsyncFor);
        }
    }
}

enum FuncBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

#[derive(Clone, Copy)]
enum Seq {
    List,
    Tuple,
    Set,
}

enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// Whether CPython's AST optimizer turns `e` into a constant (the cases
/// that matter for displays: literals, signed numbers, tuples of those).
fn folds_to_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(_) => true,
        ExprKind::UnaryOp {
            op: UnaryOp::Neg | UnaryOp::Pos,
            operand,
        } => matches!(
            operand.kind,
            ExprKind::Constant(Constant::Int(_) | Constant::Float(_) | Constant::Imag(_))
        ),
        ExprKind::Tuple(items) => items.iter().all(folds_to_constant),
        _ => false,
    }
}

fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::True => Value::Bool(true),
        Constant::False => Value::Bool(false),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => match i.to_i64() {
            Some(v) => Value::Int(v),
            None => Value::BigInt(Rc::new(i.clone())),
        },
        Constant::Float(x) => Value::Float(*x),
        Constant::Imag(x) => Value::Float(*x),
        Constant::Str(s) => Value::str(s.as_str()),
        Constant::Bytes(b) => Value::Bytes(Rc::new(b.clone())),
    }
}

fn unreachable_unit() -> Unit<'static> {
    Unit {
        scope: 0,
        name: String::new(),
        qualname: String::new(),
        ops: Vec::new(),
        lines: Vec::new(),
        consts: Vec::new(),
        const_slots: std::collections::HashMap::new(),
        names: IndexSet::new(),
        varnames: IndexSet::new(),
        cellvars: IndexSet::new(),
        freevars: IndexSet::new(),
        line: 0,
        fblocks: Vec::new(),
        flags: CodeFlags::default(),
        argcount: 0,
        posonlycount: 0,
        kwonlycount: 0,
        first_line: 0,
        doc: None,
        patterns: Vec::new(),
    }
}
