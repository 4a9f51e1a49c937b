//! The asyncio mistakes: coroutines never awaited, blocking calls, nested
//! event loops, dropped tasks, `with`/`for` where `async with`/`async for`
//! is needed, awaiting a list, loops that never yield, and handlers that
//! swallow cancellation.

use super::Lint;
use super::facts::Facts;
use super::visit::{any_expr_in_scope, each_expr, each_stmt_in_scope, stmt_exprs};
use crate::ast::{Expr, ExprKind, Module, Stmt, StmtKind};
use std::collections::HashMap;

/// Coroutine functions of asyncio that people call and forget to await.
const ASYNCIO_COROUTINES: &[&str] = &[
    "sleep",
    "wait_for",
    "wait",
    "open_connection",
    "start_server",
    "create_subprocess_exec",
    "create_subprocess_shell",
    "to_thread",
];

/// Context managers of asyncio that only work with `async with`.
const ASYNC_ONLY_CMS: &[&str] = &[
    "Lock",
    "Semaphore",
    "BoundedSemaphore",
    "Condition",
    "TaskGroup",
    "timeout",
    "timeout_at",
];

/// Blocking calls, and what to write instead inside `async def`.
const BLOCKING: &[(&str, &str)] = &[
    ("time.sleep", "use `await asyncio.sleep(...)`"),
    ("input", "use `await asyncio.to_thread(input, ...)`"),
    (
        "open",
        "file I/O blocks: run it with `await asyncio.to_thread(...)`",
    ),
    (
        "subprocess.run",
        "use `await asyncio.create_subprocess_exec(...)`",
    ),
    (
        "subprocess.call",
        "use `await asyncio.create_subprocess_exec(...)`",
    ),
    (
        "subprocess.check_call",
        "use `await asyncio.create_subprocess_exec(...)`",
    ),
    (
        "subprocess.check_output",
        "use `await asyncio.create_subprocess_exec(...)`",
    ),
    (
        "os.system",
        "use `await asyncio.create_subprocess_shell(...)`",
    ),
    (
        "socket.create_connection",
        "use `await asyncio.open_connection(...)`",
    ),
    (
        "urllib.request.urlopen",
        "run it with `await asyncio.to_thread(...)`",
    ),
    (
        "requests.get",
        "use an async HTTP client, or `await asyncio.to_thread(requests.get, ...)`",
    ),
    (
        "requests.post",
        "use an async HTTP client, or `await asyncio.to_thread(requests.post, ...)`",
    ),
    (
        "requests.put",
        "use an async HTTP client, or `await asyncio.to_thread(requests.put, ...)`",
    ),
    (
        "requests.delete",
        "use an async HTTP client, or `await asyncio.to_thread(requests.delete, ...)`",
    ),
    (
        "requests.request",
        "use an async HTTP client, or `await asyncio.to_thread(requests.request, ...)`",
    ),
];

#[derive(Clone, Copy)]
struct Scope<'a> {
    is_async: bool,
    /// An async generator (`async def` with `yield`).
    is_generator: bool,
    class: Option<&'a str>,
}

pub fn check(module: &Module, facts: &Facts, out: &mut Vec<Lint>) {
    let top = Scope {
        is_async: facts.top_level_await,
        is_generator: false,
        class: None,
    };
    Checker { facts, out }.scope(&module.body, top, &HashMap::new());
}

struct Checker<'a> {
    facts: &'a Facts,
    out: &'a mut Vec<Lint>,
}

impl Checker<'_> {
    fn scope(&mut self, body: &[Stmt], scope: Scope, outer: &HashMap<String, Bound>) {
        // Names bound to async-only context managers or lists, here or in
        // an enclosing scope (a module-level `lock = asyncio.Lock()`).
        let mut bound: HashMap<String, Bound> = outer.clone();
        let mut uses: HashMap<String, usize> = HashMap::new();
        each_stmt_in_scope(body, &mut |stmt| {
            stmt_exprs(stmt, &mut |e| {
                each_expr(e, &mut |x| {
                    if let ExprKind::Name(n) = &x.kind {
                        *uses.entry(n.clone()).or_default() += 1;
                    }
                })
            });
            if let StmtKind::Assign { targets, value } = &stmt.kind
                && let [target] = targets.as_slice()
                && let ExprKind::Name(name) = &target.kind
                && let Some(kind) = self.bound_kind(value)
            {
                bound.insert(name.clone(), kind);
            }
        });
        let mut nested = Vec::new();
        each_stmt_in_scope(body, &mut |stmt| {
            self.statement(stmt, scope, &bound, &uses);
            match &stmt.kind {
                StmtKind::FunctionDef(def) => nested.push((
                    &def.body[..],
                    Scope {
                        is_async: def.is_async,
                        is_generator: def.is_async && has_yield(&def.body),
                        class: scope.class,
                    },
                )),
                StmtKind::ClassDef(def) => nested.push((
                    &def.body[..],
                    Scope {
                        is_async: false,
                        is_generator: false,
                        class: Some(def.name.as_str()),
                    },
                )),
                _ => {}
            }
        });
        for (body, inner) in nested {
            self.scope(body, inner, &bound);
        }
    }

    fn statement(
        &mut self,
        stmt: &Stmt,
        scope: Scope,
        bound: &HashMap<String, Bound>,
        uses: &HashMap<String, usize>,
    ) {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                if let Some(name) = self.coroutine_call(e, scope) {
                    self.push(
                        "AIO101",
                        e,
                        format!("coroutine '{name}' is created but never awaited"),
                        "this makes a coroutine object and drops it; nothing runs",
                        format!("write `await {name}(...)`, or run it concurrently with `asyncio.create_task({name}(...))`"),
                    );
                }
                if let Some(what) = self.dropped_task(e) {
                    self.push(
                        "AIO104",
                        e,
                        format!("the task from `{what}` is not kept"),
                        "the event loop keeps only a weak reference to it",
                        "keep a reference (`task = ...`, a set of tasks) or use an `asyncio.TaskGroup`",
                    );
                }
            }
            StmtKind::Assign { targets, value } => {
                if let [target] = targets.as_slice()
                    && let ExprKind::Name(n) = &target.kind
                    && uses.get(n).copied().unwrap_or(0) <= 1
                    && let Some(name) = self.coroutine_call(value, scope)
                {
                    self.push(
                        "AIO101",
                        value,
                        format!("coroutine '{name}' is created but never awaited"),
                        format!("`{n}` holds it, but nothing awaits it"),
                        format!("write `{n} = await {name}(...)`"),
                    );
                }
            }
            StmtKind::With {
                items,
                is_async: false,
                ..
            } => {
                for item in items {
                    if let Some(what) = self.async_only_cm(&item.context, bound) {
                        self.push(
                            "AIO105",
                            &item.context,
                            format!("{what} needs `async with`, not `with`"),
                            "this only supports the asynchronous context manager protocol",
                            "use `async with`",
                        );
                    }
                }
            }
            StmtKind::For {
                iter,
                is_async: false,
                ..
            } => {
                if let Some(what) = self.async_iterable(iter) {
                    self.push(
                        "AIO106",
                        iter,
                        format!("{what} needs `async for`, not `for`"),
                        "this is an asynchronous iterable",
                        "use `async for`",
                    );
                }
            }
            StmtKind::While { test, body, .. } if scope.is_async && never_yields(test, body) => {
                self.push(
                    "AIO108",
                    test,
                    "this loop never gives the event loop a turn".to_string(),
                    "nothing in the loop awaits, so no other task can run until it ends",
                    "wait on an `asyncio.Event`, or `await asyncio.sleep(0)` inside the loop",
                );
            }
            StmtKind::Try { finalbody, .. } if scope.is_async && !finalbody.is_empty() => {
                self.awaits_in_finally(finalbody);
                self.swallowed_cancellation(stmt);
            }
            StmtKind::With {
                items,
                body,
                is_async: true,
            } if scope.is_generator => {
                for item in items {
                    if let Some(what) = self.scope_cm(&item.context)
                        && let Some(at) = first_yield(body)
                    {
                        self.push(
                            "AIO114",
                            at,
                            format!("`yield` inside `async with {what}` in an async generator"),
                            "the caller runs while the generator is suspended here, outside the scope's control",
                            "collect the results and yield after the `async with` block, or turn the generator into a task that feeds a queue",
                        );
                    }
                }
            }
            StmtKind::Try { .. } if scope.is_async => self.swallowed_cancellation(stmt),
            _ => {}
        }
        stmt_exprs(stmt, &mut |e| {
            each_expr(e, &mut |x| self.expression(x, scope, bound));
        });
    }

    /// Handlers around the task's own awaits that catch its cancellation
    /// and do not raise it again.
    fn swallowed_cancellation(&mut self, stmt: &Stmt) {
        match &stmt.kind {
            StmtKind::Try { body, handlers, .. } if awaits_own_work(body) => {
                for h in handlers {
                    if self.catches_cancellation(h.typ.as_ref()) && !reraises(&h.body) {
                        let what = match &h.typ {
                            None => "a bare `except:`".to_string(),
                            Some(_) => "this handler".to_string(),
                        };
                        // The `except ...` clause, not the whole handler.
                        let clause_end = h
                            .typ
                            .as_ref()
                            .map_or(h.span.start + "except".len(), |t| t.span.end);
                        self.out.push(super::Lint {
                            code: "AIO109",
                            message: format!("{what} swallows the task's cancellation"),
                            span: crate::ast::Span::new(h.span.start, clause_end),
                            label: "a CancelledError caught here is not raised again".into(),
                            help: "end the handler with `raise` (or catch `Exception` instead)"
                                .into(),
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// `await` in a `finally` block (not of `asyncio.shield(...)`): when the
    /// task is being cancelled, the await can be cancelled in its turn.
    fn awaits_in_finally(&mut self, finalbody: &[Stmt]) {
        let mut found: Vec<Expr> = Vec::new();
        each_stmt_in_scope(finalbody, &mut |s| {
            stmt_exprs(s, &mut |e| {
                each_expr(e, &mut |x| {
                    if let ExprKind::Await(inner) = &x.kind
                        && !self.is_shield(inner)
                    {
                        found.push(x.clone());
                    }
                })
            })
        });
        for at in found {
            self.push(
                "AIO113",
                &at,
                "`await` in `finally` can be cut short by cancellation".to_string(),
                "if the task is being cancelled, this await may be cancelled too",
                "wrap it: `await asyncio.shield(...)`, or bound it with `asyncio.timeout(...)`",
            );
        }
    }

    fn is_shield(&self, e: &Expr) -> bool {
        let ExprKind::Call { func, .. } = &e.kind else {
            return false;
        };
        self.facts.qualified(func).as_deref() == Some("asyncio.shield")
    }

    /// `TaskGroup()` / `timeout(...)` of asyncio: scopes a generator must
    /// not yield inside.
    fn scope_cm(&self, e: &Expr) -> Option<String> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let q = self.facts.qualified(func)?;
        matches!(
            q.as_str(),
            "asyncio.TaskGroup" | "asyncio.timeout" | "asyncio.timeout_at"
        )
        .then(|| format!("{q}()"))
    }

    fn expression(&mut self, e: &Expr, scope: Scope, bound: &HashMap<String, Bound>) {
        match &e.kind {
            ExprKind::Call { func, args, .. } => {
                let name = self.facts.qualified(func).unwrap_or_default();
                if scope.is_async {
                    // Names go through imports, so an imported `open` is
                    // `io.open` here, not the built-in.
                    if let Some((_, help)) = BLOCKING.iter().find(|(b, _)| *b == name) {
                        self.push(
                            "AIO102",
                            e,
                            format!("`{name}()` blocks the event loop"),
                            "every other task waits while this runs",
                            help.to_string(),
                        );
                    }
                    let nested_run = name == "asyncio.run"
                        || matches!(&func.kind, ExprKind::Attribute { attr, .. } if attr == "run_until_complete");
                    if nested_run {
                        self.push(
                            "AIO103",
                            e,
                            format!("`{name}` cannot run inside a running event loop"),
                            "an event loop is already running here",
                            "await the coroutine instead",
                        );
                    }
                }
                if (name == "asyncio.gather" || name == "gather")
                    && let [only] = args.as_slice()
                    && is_list(only, bound)
                {
                    self.push(
                        "AIO107",
                        only,
                        "`gather` takes awaitables, not a list of them".to_string(),
                        "this list is passed as one argument",
                        "unpack it: `gather(*tasks)`",
                    );
                }
            }
            ExprKind::Await(inner) if is_list(inner, bound) || is_plain_value(inner) => {
                self.push(
                    "AIO107",
                    inner,
                    "this cannot be awaited".to_string(),
                    "a list, tuple or plain value is not awaitable",
                    "await each, or all at once with `await asyncio.gather(*...)`",
                );
            }
            _ => {}
        }
    }

    fn push(
        &mut self,
        code: &'static str,
        at: &Expr,
        message: String,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.out.push(Lint {
            code,
            message,
            span: at.span,
            label: label.into(),
            help: help.into(),
        });
    }

    /// The name of the coroutine function `e` calls, if it is one.
    fn coroutine_call(&self, e: &Expr, scope: Scope) -> Option<String> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        match &func.kind {
            ExprKind::Name(n) if self.facts.coroutine_fns.contains(n) => Some(n.clone()),
            ExprKind::Attribute { value, attr } => {
                if let ExprKind::Name(base) = &value.kind
                    && (base == "self" || base == "cls")
                    && let Some(class) = scope.class
                    && self
                        .facts
                        .async_methods
                        .get(class)
                        .is_some_and(|m| m.contains(attr))
                {
                    return Some(format!("{base}.{attr}"));
                }
                let q = self.facts.qualified(func)?;
                let short = q.strip_prefix("asyncio.")?;
                ASYNCIO_COROUTINES.contains(&short).then_some(q)
            }
            ExprKind::Name(n) => {
                let q = self.facts.imports.get(n)?;
                let short = q.strip_prefix("asyncio.")?;
                ASYNCIO_COROUTINES.contains(&short).then(|| n.clone())
            }
            _ => None,
        }
    }

    /// `asyncio.create_task(...)` / `ensure_future(...)` as a statement.
    fn dropped_task(&self, e: &Expr) -> Option<String> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let q = self.facts.qualified(func)?;
        matches!(q.as_str(), "asyncio.create_task" | "asyncio.ensure_future").then_some(q)
    }

    fn bound_kind(&self, value: &Expr) -> Option<Bound> {
        if self.async_only_cm(value, &HashMap::new()).is_some() {
            return Some(Bound::AsyncCm);
        }
        is_list(value, &HashMap::new()).then_some(Bound::List)
    }

    /// A description of `e` when it is an async-only context manager.
    fn async_only_cm(&self, e: &Expr, bound: &HashMap<String, Bound>) -> Option<String> {
        if let ExprKind::Name(n) = &e.kind
            && bound.get(n) == Some(&Bound::AsyncCm)
        {
            return Some(format!("`{n}`"));
        }
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let q = self.facts.qualified(func)?;
        if let Some(short) = q.strip_prefix("asyncio.")
            && ASYNC_ONLY_CMS.contains(&short)
        {
            return Some(format!("`{q}()`"));
        }
        if let ExprKind::Name(n) = &func.kind
            && (self.facts.async_cms.contains(n) || self.facts.async_only_cm_classes.contains(n))
        {
            return Some(format!("`{n}()`"));
        }
        None
    }

    fn async_iterable(&self, e: &Expr) -> Option<String> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let ExprKind::Name(n) = &func.kind else {
            return None;
        };
        if self.facts.async_gens.contains(n) {
            return Some(format!("the async generator `{n}()`"));
        }
        self.facts
            .async_only_iter_classes
            .contains(n)
            .then(|| format!("`{n}()`"))
    }

    fn catches_cancellation(&self, typ: Option<&Expr>) -> bool {
        let Some(typ) = typ else {
            return true;
        };
        let names: Vec<&Expr> = match &typ.kind {
            ExprKind::Tuple(items) => items.iter().collect(),
            _ => vec![typ],
        };
        names.iter().any(|t| {
            let q = self.facts.qualified(t).unwrap_or_default();
            matches!(
                q.as_str(),
                "BaseException"
                    | "asyncio.CancelledError"
                    | "CancelledError"
                    | "asyncio.exceptions.CancelledError"
            )
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    AsyncCm,
    List,
}

fn is_list(e: &Expr, bound: &HashMap<String, Bound>) -> bool {
    match &e.kind {
        ExprKind::List(_) | ExprKind::ListComp { .. } => true,
        ExprKind::Name(n) => bound.get(n) == Some(&Bound::List),
        _ => false,
    }
}

fn is_plain_value(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Tuple(_)
            | ExprKind::Set(_)
            | ExprKind::Dict(_)
            | ExprKind::Constant(_)
            | ExprKind::JoinedStr(_)
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
    )
}

/// Whether anything in `body`'s scope awaits (or iterates/enters asynchronously).
fn awaits(body: &[Stmt]) -> bool {
    awaits_where(body, &|_| true)
}

/// Whether `body` awaits work of the task itself (a call), where the
/// task's own cancellation lands. Awaiting a task by name is left alone:
/// `t.cancel()` then `try: await t except CancelledError:` is how one
/// waits for a task one cancelled.
fn awaits_own_work(body: &[Stmt]) -> bool {
    awaits_where(body, &|awaited| {
        matches!(awaited.kind, ExprKind::Call { .. })
    })
}

/// Whether `body`'s scope has an `async for`/`async with`, or an `await`
/// of something `which` accepts.
fn awaits_where(body: &[Stmt], which: &dyn Fn(&Expr) -> bool) -> bool {
    let mut found = false;
    each_stmt_in_scope(body, &mut |s| {
        found |= matches!(
            s.kind,
            StmtKind::For { is_async: true, .. } | StmtKind::With { is_async: true, .. }
        );
    });
    found
        || any_expr_in_scope(
            body,
            &|e| matches!(&e.kind, ExprKind::Await(inner) if which(inner)),
        )
}

/// A `while True` / `while flag` / `while not flag` loop with no await,
/// break, return or raise in it: a busy-wait.
fn never_yields(test: &Expr, body: &[Stmt]) -> bool {
    let flag_like = |e: &Expr| {
        matches!(
            e.kind,
            ExprKind::Name(_)
                | ExprKind::Attribute { .. }
                | ExprKind::Constant(crate::ast::Constant::True)
        )
    };
    let is_flag = match &test.kind {
        ExprKind::UnaryOp {
            op: crate::ast::UnaryOp::Not,
            operand,
        } => flag_like(operand),
        _ => flag_like(test),
    };
    if !is_flag || awaits(body) {
        return false;
    }
    let mut leaves = false;
    let mut calls = false;
    each_stmt_in_scope(body, &mut |s| {
        leaves |= matches!(
            s.kind,
            StmtKind::Break | StmtKind::Return(_) | StmtKind::Raise { .. }
        );
    });
    // A loop that calls something may be waiting in it (a queue's get_nowait
    // in a try, a blocking read): only flag loops that do nothing but spin.
    each_stmt_in_scope(body, &mut |s| {
        stmt_exprs(s, &mut |e| {
            each_expr(e, &mut |x| calls |= matches!(x.kind, ExprKind::Call { .. }))
        });
    });
    !leaves && !calls
}

fn has_yield(body: &[Stmt]) -> bool {
    any_expr_in_scope(body, &|e| {
        matches!(e.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
    })
}

/// The first `yield` in `body`'s scope.
fn first_yield(body: &[Stmt]) -> Option<&Expr> {
    let mut found = None;
    each_stmt_in_scope(body, &mut |s| {
        stmt_exprs(s, &mut |e| {
            each_expr(e, &mut |x| {
                if found.is_none() && matches!(x.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_))
                {
                    found = Some(x);
                }
            })
        })
    });
    found
}

/// Whether a handler ends in (or contains) a `raise`.
fn reraises(body: &[Stmt]) -> bool {
    let mut found = false;
    each_stmt_in_scope(body, &mut |s| {
        found |= matches!(s.kind, StmtKind::Raise { .. })
    });
    found
}
