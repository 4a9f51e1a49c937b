//! Private name mangling: inside a class body (and the functions nested in
//! it), an identifier `__spam` that does not end in `__` stands for
//! `_Class__spam`. Done as an AST pass before the symbol table, so both
//! passes see the same names. The names of `def`/`class` statements stay as
//! written (they are a function's `__name__`); the symbol table and code
//! generator mangle the binding itself with `mangle`.

use crate::ast::*;

/// CPython's `_Py_Mangle`.
pub fn mangle(class: Option<&str>, name: &str) -> Option<String> {
    let class = class?;
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return None;
    }
    Some(format!("_{stripped}{name}"))
}

/// Whether the module has any class whose body could need mangling.
pub fn has_class(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::ClassDef(_) => true,
        StmtKind::FunctionDef(f) => has_class(&f.body),
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => has_class(body) || has_class(orelse),
        StmtKind::With { body, .. } => has_class(body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            has_class(body)
                || handlers.iter().any(|h| has_class(&h.body))
                || has_class(orelse)
                || has_class(finalbody)
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_class(&c.body)),
        _ => false,
    })
}

pub fn module(m: &mut Module) {
    let mut p = Pass { class: None };
    p.stmts(&mut m.body);
}

struct Pass {
    class: Option<String>,
}

impl Pass {
    fn name(&self, n: &mut String) {
        if let Some(m) = mangle(self.class.as_deref(), n) {
            *n = m;
        }
    }

    fn stmts(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn pattern(&mut self, p: &mut Pattern) {
        match &mut p.kind {
            PatternKind::Wildcard | PatternKind::Singleton(_) => {}
            PatternKind::Capture(n) => self.name(n),
            PatternKind::Value(e) => self.expr(e),
            PatternKind::Sequence { items, star } => {
                for it in items {
                    self.pattern(it);
                }
                if let Some((_, Some(n))) = star {
                    self.name(n);
                }
            }
            PatternKind::Mapping { keys, values, rest } => {
                self.exprs(keys);
                for v in values {
                    self.pattern(v);
                }
                if let Some(n) = rest {
                    self.name(n);
                }
            }
            PatternKind::Class {
                cls,
                args,
                kw_values,
                ..
            } => {
                self.expr(cls);
                for a in args.iter_mut().chain(kw_values.iter_mut()) {
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
                self.name(n);
            }
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.pattern(&mut c.pattern);
                    self.opt(&mut c.guard);
                    self.stmts(&mut c.body);
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.exprs(targets);
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(target);
                self.expr(annotation);
                self.opt(value);
            }
            StmtKind::Delete(v) => self.exprs(v),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => self.opt(v),
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
                ..
            } => {
                self.expr(target);
                self.expr(iter);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::FunctionDef(f) => {
                self.exprs(&mut f.decorators);
                self.params(&mut f.params);
                if let Some(r) = &mut f.returns {
                    self.expr(r);
                }
                self.stmts(&mut f.body);
            }
            StmtKind::ClassDef(c) => {
                self.exprs(&mut c.decorators);
                self.exprs(&mut c.bases);
                for k in &mut c.keywords {
                    self.expr(&mut k.value);
                }
                let outer = self.class.replace(c.name.clone());
                self.stmts(&mut c.body);
                self.class = outer;
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
                    if let Some(t) = &mut h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &mut h.name {
                        self.name(n);
                    }
                    self.stmts(&mut h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc);
                self.opt(cause);
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&mut it.context);
                    if let Some(v) = &mut it.vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                for n in names {
                    self.name(n);
                }
            }
            StmtKind::Import(_) | StmtKind::ImportFrom { .. } => {}
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg);
            }
        }
    }

    fn params(&mut self, p: &mut Params) {
        let all = p
            .posonly
            .iter_mut()
            .chain(p.args.iter_mut())
            .chain(p.vararg.iter_mut())
            .chain(p.kwonly.iter_mut())
            .chain(p.kwarg.iter_mut());
        for param in all {
            if let Some(m) = mangle(self.class.as_deref(), &param.name) {
                param.name = m;
            }
            if let Some(d) = &mut param.default {
                self.expr(d);
            }
            if let Some(a) = &mut param.annotation {
                self.expr(a);
            }
        }
    }

    fn opt(&mut self, e: &mut Option<Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn exprs(&mut self, v: &mut [Expr]) {
        for e in v {
            self.expr(e);
        }
    }

    fn comps(&mut self, gens: &mut [Comprehension]) {
        for g in gens {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            self.exprs(&mut g.ifs);
        }
    }

    fn fstring(&mut self, parts: &mut [FStringPart]) {
        for p in parts {
            if let FStringPart::Value {
                expr, format_spec, ..
            } = p
            {
                self.expr(expr);
                if let Some(spec) = format_spec {
                    self.fstring(spec);
                }
            }
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::PatternAs { value, name } => {
                self.expr(value);
                self.name(name);
            }
            ExprKind::Constant(_) => {}
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                self.exprs(comparators);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                self.exprs(args);
                // Keyword names are not mangled (CPython passes them as written).
                for k in keywords {
                    self.expr(&mut k.value);
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                self.name(attr);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part);
                }
            }
            ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => self.exprs(v),
            ExprKind::Dict(items) => {
                for it in items {
                    match it {
                        DictItem::KeyValue(k, v) => {
                            self.expr(k);
                            self.expr(v);
                        }
                        DictItem::Unpack(v) => self.expr(v),
                    }
                }
            }
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::YieldFrom(v) => self.expr(v),
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.params(params);
                self.expr(body);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comps(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.expr(key);
                self.expr(value);
                self.comps(generators);
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.name(target);
                self.expr(value);
            }
        }
    }
}
