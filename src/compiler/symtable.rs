//! Scope analysis: decides for every name in every scope whether it is a
//! fast local, a cell, a free variable, a global, or a class-namespace name —
//! Python's rules, including `global`/`nonlocal`, class scopes being
//! invisible to nested functions, and comprehensions as their own scopes.

use crate::ast::*;
use crate::diagnostics::SyntaxError;
use indexmap::{IndexMap, IndexSet};
use std::collections::HashMap;

pub type ScopeId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
    Comprehension,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Local,
    /// A local that nested scopes capture.
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Class body or module: the namespace, then globals, then builtins.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    pub params: Vec<String>,
    pub assigned: IndexSet<String>,
    /// Names assigned after a `global` declaration (for the errors of a
    /// later `nonlocal` of the same name).
    pub assigned_global: IndexSet<String>,
    pub used: IndexSet<String>,
    pub globals: IndexSet<String>,
    pub nonlocals: IndexSet<String>,
    /// Where each name was first declared `nonlocal` (for error reports).
    pub nonlocal_at: IndexMap<String, Span>,
    /// Where each `global` name was first declared.
    pub global_at: IndexMap<String, Span>,
    pub children: Vec<ScopeId>,
    pub is_async: bool,
    pub is_generator: bool,
    pub has_await: bool,
    /// Results of analysis.
    pub symbols: IndexMap<String, NameKind>,
    pub cells: IndexSet<String>,
    pub frees: IndexSet<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            params: Vec::new(),
            assigned: IndexSet::new(),
            assigned_global: IndexSet::new(),
            used: IndexSet::new(),
            globals: IndexSet::new(),
            nonlocals: IndexSet::new(),
            nonlocal_at: IndexMap::new(),
            global_at: IndexMap::new(),
            children: Vec::new(),
            is_async: false,
            is_generator: false,
            has_await: false,
            symbols: IndexMap::new(),
            cells: IndexSet::new(),
            frees: IndexSet::new(),
        }
    }
    pub fn lookup(&self, name: &str) -> NameKind {
        match self.symbols.get(name) {
            Some(k) => *k,
            None => match self.kind {
                ScopeKind::Module | ScopeKind::Class => NameKind::Name,
                _ => NameKind::GlobalImplicit,
            },
        }
    }
    fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Comprehension)
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address → scope, for functions, lambdas, classes and comprehensions.
    pub by_node: HashMap<usize, ScopeId>,
    pub errors: Vec<SyntaxError>,
    /// `from __future__ import annotations`: annotations are kept as
    /// strings, never evaluated.
    pub future_annotations: bool,
}

/// Whether the module starts with `from __future__ import annotations`
/// (after its docstring and other future imports).
pub fn has_future_annotations(module: &Module) -> bool {
    module.body.iter().any(|s| {
        matches!(&s.kind, StmtKind::ImportFrom { module, names, .. }
            if module == "__future__" && names.iter().any(|a| a.name == "annotations"))
    })
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
}

pub fn analyze(module: &Module) -> SymbolTable {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)],
            by_node: HashMap::new(),
            errors: Vec::new(),
            future_annotations: has_future_annotations(module),
        },
        stack: vec![0],
    };
    for s in &module.body {
        b.stmt(s);
    }
    b.resolve(0);
    b.table
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap_or(&0);
        &mut self.table.scopes[id]
    }
    fn cur_id(&self) -> ScopeId {
        *self.stack.last().unwrap_or(&0)
    }
    fn push(&mut self, kind: ScopeKind, name: &str, key: usize) -> ScopeId {
        let parent = self.cur_id();
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, Some(parent)));
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        id
    }
    fn pop(&mut self) {
        self.stack.pop();
    }
    /// The name a `def`/`class` statement binds: mangled inside a class.
    fn mangled(&self, name: &str) -> String {
        let class = self
            .stack
            .iter()
            .rev()
            .map(|&id| &self.table.scopes[id])
            .find(|s| s.kind == ScopeKind::Class)
            .map(|s| s.name.as_str());
        super::mangle::mangle(class, name).unwrap_or_else(|| name.to_string())
    }

    fn error(&mut self, msg: &str, span: Span) {
        self.table.errors.push(SyntaxError::new(msg, span));
    }

    fn bind(&mut self, name: &str, span: Span) {
        let scope = self.cur();
        if scope.globals.contains(name) {
            scope.assigned_global.insert(name.to_string());
            return;
        }
        if scope.nonlocals.contains(name) {
            return;
        }
        let _ = span;
        scope.assigned.insert(name.to_string());
    }
    fn use_name(&mut self, name: &str) {
        self.cur().used.insert(name.to_string());
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    /// A pattern's captures bind in the current scope; its values, class
    /// names and mapping keys are expressions evaluated there.
    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::Wildcard | PatternKind::Singleton(_) => {}
            PatternKind::Capture(n) => self.bind(n, p.span),
            PatternKind::Value(e) => self.expr(e),
            PatternKind::Sequence { items, star } => {
                for it in items {
                    self.pattern(it);
                }
                if let Some((_, Some(n))) = star {
                    self.bind(n, p.span);
                }
            }
            PatternKind::Mapping { keys, values, rest } => {
                for k in keys {
                    self.expr(k);
                }
                for v in values {
                    self.pattern(v);
                }
                if let Some(n) = rest {
                    self.bind(n, p.span);
                }
            }
            PatternKind::Class {
                cls,
                args,
                kw_values,
                ..
            } => {
                self.expr(cls);
                for a in args.iter().chain(kw_values) {
                    self.pattern(a);
                }
            }
            PatternKind::Or(alts) => {
                for a in alts {
                    self.pattern(a);
                }
            }
            PatternKind::As(inner, n) => {
                self.pattern(inner);
                self.bind(n, p.span);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target);
            }
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => {
                // Evaluated only outside functions (CPython 3.13).
                if !self.cur().is_function_like() {
                    self.annotation(annotation);
                }
                if let Some(v) = value {
                    self.expr(v);
                    self.target(target);
                } else if let ExprKind::Name(n) = &target.kind {
                    // A bare annotation still makes the name local.
                    if self.cur().is_function_like() {
                        self.bind(n, target.span);
                    }
                } else {
                    self.target(target);
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.target(t);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if !self.cur().is_function_like() || self.cur().kind == ScopeKind::Comprehension {
                    self.error("'return' outside function", s.span);
                }
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.mark_await(s.span, "asynchronous for");
                }
                self.expr(iter);
                self.target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.params_defaults(&f.params);
                if let Some(r) = &f.returns {
                    self.annotation(r);
                }
                let bound = self.mangled(&f.name);
                self.bind(&bound, f.name_span);
                let id = self.push(ScopeKind::Function, &f.name, node_key(&**f));
                self.table.scopes[id].is_async = f.is_async;
                self.params(&f.params);
                self.stmts(&f.body);
                self.pop();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                let bound = self.mangled(&c.name);
                self.bind(&bound, c.name_span);
                self.push(ScopeKind::Class, &c.name, node_key(&**c));
                self.stmts(&c.body);
                self.pop();
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.span);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.mark_await(s.span, "asynchronous with");
                }
                for it in items {
                    self.expr(&it.context);
                    if let Some(v) = &it.vars {
                        self.target(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Global(names) => {
                for n in names {
                    let scope = self.cur();
                    if scope.kind == ScopeKind::Module {
                        continue;
                    }
                    if scope.assigned.contains(n) || scope.used.contains(n) {
                        let msg = if scope.assigned.contains(n) {
                            format!("name '{n}' is assigned to before global declaration")
                        } else {
                            format!("name '{n}' is used prior to global declaration")
                        };
                        self.error(&msg, s.span);
                    } else if scope.nonlocals.contains(n) {
                        let at = scope.nonlocal_at.get(n).copied().unwrap_or(s.span);
                        self.error(&format!("name '{n}' is nonlocal and global"), at);
                    }
                    self.cur().globals.insert(n.clone());
                    self.cur().global_at.entry(n.clone()).or_insert(s.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                if self.cur().kind == ScopeKind::Module {
                    self.error("nonlocal declaration not allowed at module level", s.span);
                    return;
                }
                for n in names {
                    let scope = self.cur();
                    let assigned = scope.assigned.contains(n) || scope.assigned_global.contains(n);
                    if assigned || scope.used.contains(n) {
                        let msg = if assigned {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        } else {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        };
                        self.error(&msg, s.span);
                    } else if scope.globals.contains(n) {
                        let at = scope.global_at.get(n).copied().unwrap_or(s.span);
                        self.error(&format!("name '{n}' is nonlocal and global"), at);
                    }
                    self.cur().nonlocals.insert(n.clone());
                    self.cur().nonlocal_at.entry(n.clone()).or_insert(s.span);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or(&a.name).to_string(),
                    };
                    self.bind(&name, a.span);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        continue;
                    }
                    let name = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&name, a.span);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
        }
    }

    /// Annotations are evaluated where they stand (CPython 3.13), unless
    /// the module asks for them as strings.
    fn annotation(&mut self, e: &Expr) {
        if !self.table.future_annotations {
            self.expr(e);
        }
    }

    fn params_defaults(&mut self, p: &Params) {
        for a in p.posonly.iter().chain(&p.args).chain(&p.kwonly) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        for a in p.all() {
            if let Some(ann) = &a.annotation {
                self.annotation(ann);
            }
        }
    }

    fn params(&mut self, p: &Params) {
        let all = p
            .posonly
            .iter()
            .chain(&p.args)
            .chain(p.vararg.iter())
            .chain(&p.kwonly)
            .chain(p.kwarg.iter());
        let mut seen = IndexSet::new();
        let mut dups = Vec::new();
        for a in all {
            if !seen.insert(a.name.clone()) {
                dups.push((a.name.clone(), a.span));
            }
        }
        for (n, span) in dups {
            self.error(
                &format!("duplicate argument '{n}' in function definition"),
                span,
            );
        }
        let scope = self.cur();
        for n in seen {
            scope.params.push(n.clone());
            scope.assigned.insert(n);
        }
    }

    fn mark_await(&mut self, span: Span, what: &str) {
        let id = self.cur_id();
        let scope = &mut self.table.scopes[id];
        scope.has_await = true;
        match scope.kind {
            ScopeKind::Function if !scope.is_async => {
                let msg = if what == "await" {
                    "'await' outside async function".to_string()
                } else {
                    format!(
                        "'{}' outside async function",
                        what.replace("asynchronous ", "async ")
                    )
                };
                self.error(&msg, span);
            }
            ScopeKind::Class => {
                self.error("'await' outside function", span);
            }
            _ => {}
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n, t.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.target(i);
                }
            }
            ExprKind::Starred(inner) => self.target(inner),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        key: usize,
        generators: &[Comprehension],
        body: &mut dyn FnMut(&mut Self),
        is_genexp: bool,
    ) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter);
        }
        let id = self.push(ScopeKind::Comprehension, "<comprehension>", key);
        self.table.scopes[id].params.push(".0".to_string());
        self.table.scopes[id].assigned.insert(".0".to_string());
        if is_genexp {
            self.table.scopes[id].is_generator = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            if g.is_async {
                self.table.scopes[id].has_await = true;
            }
            self.target(&g.target);
            for cond in &g.ifs {
                self.expr(cond);
            }
        }
        body(self);
        self.pop();
        // An async comprehension makes the enclosing function await it.
        if self.table.scopes[id].has_await && !is_genexp {
            let span = generators.first().map(|g| g.iter.span).unwrap_or_default();
            self.mark_await(span, "asynchronous comprehension");
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::PatternAs { value, .. } => self.expr(value),
            ExprKind::Constant(_) => {}
            ExprKind::JoinedStr(parts) => self.fstring_parts(parts),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v);
                }
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                if let ExprKind::Name(n) = &func.kind
                    && n == "super"
                    && args.is_empty()
                {
                    // Zero-argument super() reads the implicit __class__ cell.
                    self.use_name("__class__");
                }
                for a in args {
                    self.expr(a);
                }
                for k in keywords {
                    self.expr(&k.value);
                }
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                for i in items {
                    self.expr(i);
                }
            }
            ExprKind::Dict(items) => {
                for it in items {
                    match it {
                        DictItem::KeyValue(k, v) => {
                            self.expr(k);
                            self.expr(v);
                        }
                        DictItem::Unpack(m) => self.expr(m),
                    }
                }
            }
            ExprKind::Starred(inner) => self.expr(inner),
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.params_defaults(params);
                self.push(ScopeKind::Function, "<lambda>", node_key(e));
                self.params(params);
                self.expr(body);
                self.pop();
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(node_key(e), generators, &mut |b| b.expr(elt), false)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(node_key(e), generators, &mut |b| b.expr(elt), true)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(
                node_key(e),
                generators,
                &mut |b| {
                    b.expr(key);
                    b.expr(value);
                },
                false,
            ),
            ExprKind::Await(v) => {
                self.mark_await(e.span, "await");
                self.expr(v);
            }
            ExprKind::Yield(v) => {
                self.mark_yield(e.span);
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.mark_yield(e.span);
                if self.cur().is_async {
                    self.error("'yield from' inside async function", e.span);
                }
                self.expr(v);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                self.walrus_bind(target, e.span);
            }
        }
    }

    fn walrus_bind(&mut self, name: &str, span: Span) {
        // In a comprehension the target binds in the enclosing real scope.
        let mut i = self.stack.len();
        while i > 0 {
            i -= 1;
            let id = self.stack[i];
            if self.table.scopes[id].kind != ScopeKind::Comprehension {
                let scope = &mut self.table.scopes[id];
                if !(scope.globals.contains(name) || scope.nonlocals.contains(name)) {
                    scope.assigned.insert(name.to_string());
                }
                let enclosing_is_module = scope.kind == ScopeKind::Module;
                for &cid in &self.stack[i + 1..] {
                    let c = &mut self.table.scopes[cid];
                    if enclosing_is_module {
                        c.globals.insert(name.to_string());
                    } else {
                        c.nonlocals.insert(name.to_string());
                    }
                }
                return;
            }
        }
        self.bind(name, span);
    }

    fn mark_yield(&mut self, span: Span) {
        let scope = self.cur();
        match scope.kind {
            ScopeKind::Function => scope.is_generator = true,
            ScopeKind::Comprehension => {
                self.error("'yield' inside list comprehension", span);
            }
            _ => self.error("'yield' outside function", span),
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Value {
                expr, format_spec, ..
            } = p
            {
                self.expr(expr);
                if let Some(spec) = format_spec {
                    self.fstring_parts(spec);
                }
            }
        }
    }

    /// Assigns a NameKind to every name of every scope, top-down.
    fn resolve(&mut self, id: ScopeId) {
        let names: Vec<String> = {
            let s = &self.table.scopes[id];
            let mut v: Vec<String> = s.params.clone();
            v.extend(s.assigned.iter().cloned());
            v.extend(s.used.iter().cloned());
            v.extend(s.globals.iter().cloned());
            v.extend(s.nonlocals.iter().cloned());
            v
        };
        for name in names {
            if self.table.scopes[id].symbols.contains_key(&name) {
                continue;
            }
            let kind = self.classify(id, &name);
            self.table.scopes[id].symbols.insert(name, kind);
        }
        let children = self.table.scopes[id].children.clone();
        for c in children {
            self.resolve(c);
        }
    }

    fn classify(&mut self, id: ScopeId, name: &str) -> NameKind {
        let s = &self.table.scopes[id];
        if s.globals.contains(name) {
            return NameKind::GlobalExplicit;
        }
        if s.nonlocals.contains(name) {
            if self.find_enclosing_binding(id, name).is_none() {
                let msg = format!("no binding for nonlocal '{name}' found");
                let at = s.nonlocal_at.get(name).copied().unwrap_or_default();
                self.error(&msg, at);
                return NameKind::GlobalImplicit;
            }
            self.make_free(id, name);
            return NameKind::Free;
        }
        match s.kind {
            ScopeKind::Module => NameKind::Name,
            ScopeKind::Class => {
                if name == "__class__" && !s.assigned.contains(name) {
                    return NameKind::Name;
                }
                if s.assigned.contains(name) {
                    NameKind::Name
                } else if self.find_enclosing_binding(id, name).is_some() {
                    self.make_free(id, name);
                    NameKind::Free
                } else {
                    NameKind::Name
                }
            }
            ScopeKind::Function | ScopeKind::Comprehension => {
                if s.assigned.contains(name) {
                    NameKind::Local
                } else if name == "__class__" {
                    match self.enclosing_class(id) {
                        Some(_) => {
                            self.make_free(id, name);
                            NameKind::Free
                        }
                        None => NameKind::GlobalImplicit,
                    }
                } else if self.find_enclosing_binding(id, name).is_some() {
                    self.make_free(id, name);
                    NameKind::Free
                } else {
                    NameKind::GlobalImplicit
                }
            }
        }
    }

    fn enclosing_class(&self, id: ScopeId) -> Option<ScopeId> {
        let mut cur = self.table.scopes[id].parent;
        while let Some(p) = cur {
            if self.table.scopes[p].kind == ScopeKind::Class {
                return Some(p);
            }
            cur = self.table.scopes[p].parent;
        }
        None
    }

    /// The nearest enclosing function scope that binds `name` (class scopes
    /// are skipped, as in Python).
    fn find_enclosing_binding(&self, id: ScopeId, name: &str) -> Option<ScopeId> {
        let mut cur = self.table.scopes[id].parent;
        while let Some(p) = cur {
            let s = &self.table.scopes[p];
            match s.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {}
                _ => {
                    if s.globals.contains(name) {
                        return None;
                    }
                    if s.assigned.contains(name) || s.nonlocals.contains(name) {
                        return Some(p);
                    }
                }
            }
            cur = s.parent;
        }
        None
    }

    /// Marks `name` free in `id` and every scope up to its owner, and a cell
    /// in the owner.
    fn make_free(&mut self, id: ScopeId, name: &str) {
        self.table.scopes[id].frees.insert(name.to_string());
        let mut cur = self.table.scopes[id].parent;
        while let Some(p) = cur {
            let s = &mut self.table.scopes[p];
            let owns = if name == "__class__" {
                s.kind == ScopeKind::Class
            } else {
                s.kind != ScopeKind::Class
                    && (s.assigned.contains(name) && !s.nonlocals.contains(name))
            };
            if owns {
                s.cells.insert(name.to_string());
                if s.kind != ScopeKind::Class || name == "__class__" {
                    s.symbols.insert(
                        name.to_string(),
                        if s.kind == ScopeKind::Class {
                            NameKind::Name
                        } else {
                            NameKind::Cell
                        },
                    );
                }
                return;
            }
            s.frees.insert(name.to_string());
            if s.kind != ScopeKind::Class && !s.symbols.contains_key(name) {
                s.symbols.insert(name.to_string(), NameKind::Free);
            }
            cur = s.parent;
        }
    }
}
