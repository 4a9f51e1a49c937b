//! Walking the syntax tree: the expressions directly inside a statement,
//! the statements nested in it, and the sub-expressions of an expression.
//! The lint rules are written against these three, so each rule says only
//! what it looks for.

use crate::ast::{
    DictItem, Expr, ExprKind, FStringPart, Params, Pattern, PatternKind, Stmt, StmtKind,
};

/// The expressions a statement holds itself (not those of nested blocks).
pub fn stmt_exprs<'a>(stmt: &'a Stmt, f: &mut dyn FnMut(&'a Expr)) {
    match &stmt.kind {
        StmtKind::Expr(e) => f(e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut *f);
            f(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            f(target);
            f(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            f(target);
            f(annotation);
            if let Some(v) = value {
                f(v);
            }
        }
        StmtKind::Delete(targets) => targets.iter().for_each(f),
        StmtKind::Return(Some(e)) => f(e),
        StmtKind::If { test, .. } | StmtKind::While { test, .. } => f(test),
        StmtKind::For { target, iter, .. } => {
            f(target);
            f(iter);
        }
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().for_each(&mut *f);
            params_exprs(&def.params, f);
            if let Some(r) = &def.returns {
                f(r);
            }
        }
        StmtKind::ClassDef(def) => {
            def.decorators.iter().for_each(&mut *f);
            def.bases.iter().for_each(&mut *f);
            def.keywords.iter().for_each(|k| f(&k.value));
        }
        StmtKind::Try { handlers, .. } => {
            for h in handlers {
                if let Some(t) = &h.typ {
                    f(t);
                }
            }
        }
        StmtKind::Raise { exc, cause } => {
            if let Some(e) = exc {
                f(e);
            }
            if let Some(c) = cause {
                f(c);
            }
        }
        StmtKind::With { items, .. } => {
            for item in items {
                f(&item.context);
                if let Some(v) = &item.vars {
                    f(v);
                }
            }
        }
        StmtKind::Assert { test, msg } => {
            f(test);
            if let Some(m) = msg {
                f(m);
            }
        }
        StmtKind::Match { subject, cases } => {
            f(subject);
            for case in cases {
                pattern_exprs(&case.pattern, f);
                if let Some(g) = &case.guard {
                    f(g);
                }
            }
        }
        StmtKind::Return(None)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => {}
    }
}

fn params_exprs<'a>(params: &'a Params, f: &mut dyn FnMut(&'a Expr)) {
    for p in params.all() {
        if let Some(d) = &p.default {
            f(d);
        }
        if let Some(a) = &p.annotation {
            f(a);
        }
    }
}

fn pattern_exprs<'a>(pattern: &'a Pattern, f: &mut dyn FnMut(&'a Expr)) {
    match &pattern.kind {
        PatternKind::Value(e) => f(e),
        PatternKind::Sequence { items, .. } | PatternKind::Or(items) => {
            items.iter().for_each(|p| pattern_exprs(p, f));
        }
        PatternKind::Mapping { keys, values, .. } => {
            keys.iter().for_each(&mut *f);
            values.iter().for_each(|p| pattern_exprs(p, f));
        }
        PatternKind::Class {
            cls,
            args,
            kw_values,
            ..
        } => {
            f(cls);
            args.iter()
                .chain(kw_values)
                .for_each(|p| pattern_exprs(p, f));
        }
        PatternKind::As(p, _) => pattern_exprs(p, f),
        PatternKind::Wildcard | PatternKind::Capture(_) | PatternKind::Singleton(_) => {}
    }
}

/// The blocks nested in a statement, function and class bodies included.
pub fn stmt_blocks(stmt: &Stmt) -> Vec<&[Stmt]> {
    match &stmt.kind {
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => vec![body, orelse],
        StmtKind::FunctionDef(def) => vec![&def.body],
        StmtKind::ClassDef(def) => vec![&def.body],
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            let mut blocks: Vec<&[Stmt]> = vec![body];
            blocks.extend(handlers.iter().map(|h| h.body.as_slice()));
            blocks.push(orelse);
            blocks.push(finalbody);
            blocks
        }
        StmtKind::With { body, .. } => vec![body],
        StmtKind::Match { cases, .. } => cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => Vec::new(),
    }
}

/// The direct sub-expressions of an expression (lambda bodies and
/// comprehensions included).
pub fn sub_exprs<'a>(expr: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match &expr.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::JoinedStr(parts) => fstring_exprs(parts, f),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func);
            args.iter().for_each(&mut *f);
            keywords.iter().for_each(|k| f(&k.value));
        }
        ExprKind::Attribute { value, .. } => f(value),
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                f(part);
            }
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            items.iter().for_each(f)
        }
        ExprKind::Dict(items) => {
            for item in items {
                match item {
                    DictItem::KeyValue(k, v) => {
                        f(k);
                        f(v);
                    }
                    DictItem::Unpack(m) => f(m),
                }
            }
        }
        ExprKind::Starred(e) | ExprKind::Await(e) | ExprKind::YieldFrom(e) => f(e),
        ExprKind::Yield(e) => {
            if let Some(e) = e {
                f(e);
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::Lambda { params, body } => {
            params_exprs(params, f);
            f(body);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            for g in generators {
                f(&g.target);
                f(&g.iter);
                g.ifs.iter().for_each(&mut *f);
            }
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            f(key);
            f(value);
            for g in generators {
                f(&g.target);
                f(&g.iter);
                g.ifs.iter().for_each(&mut *f);
            }
        }
        ExprKind::PatternAs { value, .. } | ExprKind::NamedExpr { value, .. } => f(value),
    }
}

fn fstring_exprs<'a>(parts: &'a [FStringPart], f: &mut dyn FnMut(&'a Expr)) {
    for part in parts {
        if let FStringPart::Value {
            expr, format_spec, ..
        } = part
        {
            f(expr);
            if let Some(spec) = format_spec {
                fstring_exprs(spec, f);
            }
        }
    }
}

/// Every expression in `expr`, itself first.
pub fn each_expr<'a>(expr: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    f(expr);
    sub_exprs(expr, &mut |e| each_expr(e, f));
}

/// Every statement in `body` and in blocks nested in it, but not inside
/// nested function or class definitions (those have their own scope and,
/// for functions, their own async-ness).
pub fn each_stmt_in_scope<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    for stmt in body {
        f(stmt);
        if matches!(stmt.kind, StmtKind::FunctionDef(_) | StmtKind::ClassDef(_)) {
            continue;
        }
        for block in stmt_blocks(stmt) {
            each_stmt_in_scope(block, f);
        }
    }
}

/// Whether any expression directly in `body`'s scope satisfies `pred`
/// (lambdas included, nested definitions not).
pub fn any_expr_in_scope(body: &[Stmt], pred: &dyn Fn(&Expr) -> bool) -> bool {
    let mut found = false;
    each_stmt_in_scope(body, &mut |stmt| {
        stmt_exprs(stmt, &mut |e| {
            each_expr(e, &mut |x| found |= pred(x));
        });
    });
    found
}
