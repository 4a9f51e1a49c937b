//! What a program defines and imports, gathered once for the rules: which
//! names are async functions, async generators, async-only context managers
//! and iterables, and what each imported name stands for.

use super::visit::{each_expr, stmt_blocks};
use crate::ast::{Expr, ExprKind, FunctionDef, Module, Stmt, StmtKind};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Default)]
pub struct Facts {
    /// `async def` names that are coroutine functions (not generators).
    pub coroutine_fns: HashSet<String>,
    /// Names also defined by a plain `def` or bound otherwise: calls to
    /// them cannot be judged.
    pub ambiguous: HashSet<String>,
    /// `async def` with `yield`.
    pub async_gens: HashSet<String>,
    /// Functions decorated with `asynccontextmanager`.
    pub async_cms: HashSet<String>,
    /// Classes with `__aenter__` but no `__enter__`.
    pub async_only_cm_classes: HashSet<String>,
    /// Classes with `__aiter__` but no `__iter__`.
    pub async_only_iter_classes: HashSet<String>,
    /// Async methods, by class.
    pub async_methods: HashMap<String, HashSet<String>>,
    /// Local name → what it was imported as: `asyncio`, `time.sleep`.
    pub imports: HashMap<String, String>,
    /// Whether the module body awaits at top level (aio's convenience).
    pub top_level_await: bool,
}

impl Facts {
    pub fn gather(module: &Module) -> Facts {
        let mut facts = Facts::default();
        let mut plain = HashSet::new();
        facts.collect(&module.body, None, &mut plain);
        for name in plain {
            if facts.coroutine_fns.remove(&name) {
                facts.ambiguous.insert(name);
            }
        }
        facts.top_level_await = module.body.iter().any(top_level_awaits);
        facts
    }

    fn collect(&mut self, body: &[Stmt], class: Option<&str>, plain: &mut HashSet<String>) {
        for stmt in body {
            match &stmt.kind {
                StmtKind::FunctionDef(def) => self.function(def, class, plain),
                StmtKind::ClassDef(def) => {
                    let has = |name: &str| {
                        def.body
                            .iter()
                            .any(|s| matches!(&s.kind, StmtKind::FunctionDef(f) if f.name == name))
                    };
                    if has("__aenter__") && !has("__enter__") {
                        self.async_only_cm_classes.insert(def.name.clone());
                    }
                    if has("__aiter__") && !has("__iter__") {
                        self.async_only_iter_classes.insert(def.name.clone());
                    }
                    self.collect(&def.body, Some(&def.name), plain);
                    continue;
                }
                StmtKind::Import(aliases) => {
                    for a in aliases {
                        let local = a.asname.clone().unwrap_or_else(|| {
                            a.name.split('.').next().unwrap_or(&a.name).to_string()
                        });
                        let target = if a.asname.is_some() {
                            a.name.clone()
                        } else {
                            local.clone()
                        };
                        self.imports.insert(local, target);
                    }
                }
                StmtKind::ImportFrom {
                    module,
                    names,
                    level: 0,
                } => {
                    for a in names {
                        let local = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.imports.insert(local, format!("{module}.{}", a.name));
                    }
                }
                StmtKind::Assign { targets, .. } => {
                    for t in targets {
                        if let ExprKind::Name(n) = &t.kind {
                            plain.insert(n.clone());
                        }
                    }
                }
                _ => {}
            }
            for block in stmt_blocks(stmt) {
                if !matches!(stmt.kind, StmtKind::FunctionDef(_)) {
                    self.collect(block, class, plain);
                }
            }
        }
    }

    fn function(&mut self, def: &FunctionDef, class: Option<&str>, plain: &mut HashSet<String>) {
        let decorated_cm = def.decorators.iter().any(|d| {
            let name = match &d.kind {
                ExprKind::Name(n) => n.as_str(),
                ExprKind::Attribute { attr, .. } => attr.as_str(),
                _ => "",
            };
            name == "asynccontextmanager"
        });
        if decorated_cm {
            self.async_cms.insert(def.name.clone());
        } else if def.is_async && contains_yield(&def.body) {
            self.async_gens.insert(def.name.clone());
        } else if def.is_async && def.decorators.is_empty() {
            match class {
                Some(c) => {
                    self.async_methods
                        .entry(c.to_string())
                        .or_default()
                        .insert(def.name.clone());
                }
                None => {
                    self.coroutine_fns.insert(def.name.clone());
                }
            }
        } else if class.is_none() {
            plain.insert(def.name.clone());
        }
        self.collect(&def.body, None, plain);
    }

    /// What `expr` names, through imports: `asyncio.sleep` for
    /// `asyncio.sleep` and for `sleep` imported from asyncio; plain names
    /// stay themselves.
    pub fn qualified(&self, expr: &Expr) -> Option<String> {
        match &expr.kind {
            ExprKind::Name(n) => Some(self.imports.get(n).cloned().unwrap_or_else(|| n.clone())),
            ExprKind::Attribute { value, attr } => {
                let base = self.qualified(value)?;
                Some(format!("{base}.{attr}"))
            }
            _ => None,
        }
    }

    /// Whether `name` is bound to the module `module` by an import.
    pub fn is_module(&self, name: &str, module: &str) -> bool {
        self.imports.get(name).is_some_and(|m| m == module)
    }
}

fn contains_yield(body: &[Stmt]) -> bool {
    super::visit::any_expr_in_scope(body, &|e| {
        matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
    })
}

fn top_level_awaits(stmt: &Stmt) -> bool {
    if matches!(stmt.kind, StmtKind::FunctionDef(_) | StmtKind::ClassDef(_)) {
        return false;
    }
    let mut found = matches!(
        stmt.kind,
        StmtKind::For { is_async: true, .. } | StmtKind::With { is_async: true, .. }
    );
    super::visit::stmt_exprs(stmt, &mut |e| {
        each_expr(e, &mut |x| found |= matches!(x.kind, ExprKind::Await(_)));
    });
    found
        || stmt_blocks(stmt)
            .iter()
            .any(|b| b.iter().any(top_level_awaits))
}
