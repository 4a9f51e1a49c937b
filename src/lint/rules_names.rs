//! Names, as pyflakes checks them: a name used but never bound anywhere
//! (with a "did you mean"), an import never used, and an attribute that
//! `asyncio` does not have (`asyncio.gahter`).
//!
//! Binding is judged over the whole module, not flow by flow: a name bound
//! anywhere counts as defined everywhere, so the check never cries wolf
//! about order; a module that binds names dynamically (`exec`, `globals()`,
//! `from m import *`) is not checked for undefined names at all.

use super::Lint;
use super::facts::Facts;
use super::known::{ASYNCIO, BUILTINS};
use super::visit::{each_expr, stmt_blocks, stmt_exprs};
use crate::ast::{Alias, Expr, ExprKind, Module, Params, Pattern, PatternKind, Stmt, StmtKind};
use crate::vm::suggest::suggest;
use std::collections::{HashMap, HashSet};

pub fn check(module: &Module, source: &str, facts: &Facts, out: &mut Vec<Lint>) {
    let mut names = Names::default();
    names.block(&module.body);
    undefined(&names, out);
    unused_imports(module, source, &names, out);
    asyncio_attributes(&names, facts, out);
}

#[derive(Default)]
struct Names<'a> {
    bound: HashSet<String>,
    /// Every name read, with where.
    loads: Vec<(&'a str, &'a Expr)>,
    /// `Attribute(Name, attr)` expressions.
    attributes: Vec<(&'a str, &'a str, &'a Expr)>,
    /// `exec`, `globals()`, `import *`: bindings the check cannot see.
    dynamic: bool,
}

impl<'a> Names<'a> {
    fn block(&mut self, body: &'a [Stmt]) {
        for stmt in body {
            self.statement(stmt);
            for block in stmt_blocks(stmt) {
                self.block(block);
            }
        }
    }

    fn statement(&mut self, stmt: &'a Stmt) {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| self.target(t)),
            StmtKind::AugAssign { target, .. } | StmtKind::AnnAssign { target, .. } => {
                self.target(target)
            }
            StmtKind::For { target, .. } => self.target(target),
            StmtKind::With { items, .. } => {
                for item in items {
                    if let Some(v) = &item.vars {
                        self.target(v);
                    }
                }
            }
            StmtKind::FunctionDef(def) => {
                self.bound.insert(def.name.clone());
                self.params(&def.params);
            }
            StmtKind::ClassDef(def) => {
                self.bound.insert(def.name.clone());
            }
            StmtKind::Try { handlers, .. } => {
                for h in handlers {
                    if let Some(n) = &h.name {
                        self.bound.insert(n.clone());
                    }
                }
            }
            StmtKind::Global(list) | StmtKind::Nonlocal(list) => {
                self.bound.extend(list.iter().cloned())
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.bound.insert(local_name(a));
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        self.dynamic = true;
                    }
                    self.bound.insert(local_name(a));
                }
            }
            StmtKind::Match { cases, .. } => {
                for case in cases {
                    self.pattern(&case.pattern);
                }
            }
            _ => {}
        }
        stmt_exprs(stmt, &mut |e| each_expr(e, &mut |x| self.expression(x)));
    }

    fn expression(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                if n == "exec" || n == "globals" || n == "locals" || n == "vars" {
                    self.dynamic = true;
                }
                self.loads.push((n.as_str(), e));
            }
            ExprKind::Attribute { value, attr } => {
                if let ExprKind::Name(base) = &value.kind {
                    self.attributes.push((base.as_str(), attr.as_str(), e));
                }
            }
            ExprKind::NamedExpr { target, .. } => {
                self.bound.insert(target.clone());
            }
            ExprKind::Lambda { params, .. } => self.params(params),
            ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::GeneratorExp { generators, .. }
            | ExprKind::DictComp { generators, .. } => {
                for g in generators {
                    self.target(&g.target);
                }
            }
            _ => {}
        }
    }

    fn target(&mut self, t: &Expr) {
        match &t.kind {
            ExprKind::Name(n) => {
                self.bound.insert(n.clone());
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().for_each(|i| self.target(i))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => {}
        }
    }

    fn params(&mut self, params: &Params) {
        self.bound.extend(params.all().map(|p| p.name.clone()));
    }

    fn pattern(&mut self, p: &Pattern) {
        match &p.kind {
            PatternKind::Capture(n) => {
                self.bound.insert(n.clone());
            }
            PatternKind::As(inner, n) => {
                self.bound.insert(n.clone());
                self.pattern(inner);
            }
            PatternKind::Sequence { items, star } => {
                if let Some((_, Some(n))) = star {
                    self.bound.insert(n.clone());
                }
                items.iter().for_each(|i| self.pattern(i));
            }
            PatternKind::Mapping { values, rest, .. } => {
                if let Some(n) = rest {
                    self.bound.insert(n.clone());
                }
                values.iter().for_each(|v| self.pattern(v));
            }
            PatternKind::Class {
                args, kw_values, ..
            } => {
                args.iter().chain(kw_values).for_each(|a| self.pattern(a));
            }
            PatternKind::Or(items) => items.iter().for_each(|i| self.pattern(i)),
            PatternKind::Wildcard | PatternKind::Value(_) | PatternKind::Singleton(_) => {}
        }
    }
}

fn local_name(a: &Alias) -> String {
    a.asname
        .clone()
        .unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name).to_string())
}

fn undefined(names: &Names, out: &mut Vec<Lint>) {
    if names.dynamic {
        return;
    }
    let known: HashSet<&str> = BUILTINS.iter().copied().collect();
    for (name, at) in &names.loads {
        if names.bound.contains(*name) || known.contains(name) {
            continue;
        }
        let candidates = names
            .bound
            .iter()
            .map(String::as_str)
            .chain(BUILTINS.iter().copied());
        let help = match suggest(name, candidates) {
            Some(s) => format!("did you mean '{s}'?"),
            None => format!("define `{name}` or import it"),
        };
        out.push(Lint {
            code: "AIO110",
            message: format!("name '{name}' is not defined"),
            span: at.span,
            label: "never assigned, defined or imported in this program".into(),
            help,
        });
    }
}

fn unused_imports(module: &Module, source: &str, names: &Names, out: &mut Vec<Lint>) {
    let mut used: HashMap<&str, usize> = HashMap::new();
    for (name, _) in &names.loads {
        *used.entry(name).or_default() += 1;
    }
    // Names listed in `__all__` are exported, hence used.
    let exported = |name: &str| {
        source.contains("__all__")
            && (source.contains(&format!("'{name}'")) || source.contains(&format!("\"{name}\"")))
    };
    for stmt in module_level(&module.body) {
        let (aliases, from_future) = match &stmt.kind {
            StmtKind::Import(a) => (a, false),
            StmtKind::ImportFrom { module, names, .. } => (names, module == "__future__"),
            _ => continue,
        };
        if from_future {
            continue;
        }
        for a in aliases {
            let local = local_name(a);
            if a.name == "*" || used.contains_key(local.as_str()) || exported(&local) {
                continue;
            }
            out.push(Lint {
                code: "AIO111",
                message: format!("'{}' is imported but never used", a.name),
                span: a.span,
                label: "nothing in this program uses it".into(),
                help: "remove the import".into(),
            });
        }
    }
}

/// Statements at module level, in `if`/`try` blocks too (not in functions).
fn module_level(body: &[Stmt]) -> Vec<&Stmt> {
    let mut all = Vec::new();
    for stmt in body {
        all.push(stmt);
        if !matches!(stmt.kind, StmtKind::FunctionDef(_) | StmtKind::ClassDef(_)) {
            for block in stmt_blocks(stmt) {
                all.extend(module_level(block));
            }
        }
    }
    all
}

fn asyncio_attributes(names: &Names, facts: &Facts, out: &mut Vec<Lint>) {
    for (base, attr, at) in &names.attributes {
        if !facts.is_module(base, "asyncio") || attr.starts_with("__") || ASYNCIO.contains(attr) {
            continue;
        }
        let help = match suggest(attr, ASYNCIO.iter().copied()) {
            Some(s) => format!("did you mean 'asyncio.{s}'?"),
            None => "see `dir(asyncio)` for what it has".to_string(),
        };
        out.push(Lint {
            code: "AIO112",
            message: format!("module 'asyncio' has no attribute '{attr}'"),
            span: at.span,
            label: "not part of asyncio".into(),
            help,
        });
    }
}
