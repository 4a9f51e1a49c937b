//! Which expressions may be assigned to, deleted or augmented, and the
//! CPython wording when they may not.

use crate::ast::{Constant, Expr, ExprKind};
use crate::diagnostics::SyntaxError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetCtx {
    /// `x = value` with a single `=`: CPython adds "Maybe you meant '=='".
    AssignSingle,
    /// Chained `a = b = value`, tuple targets and the like.
    Assign,
    /// `for` targets (statements and comprehensions), `with … as` targets.
    For,
    AugAssign,
    Del,
}

/// CPython's name for an expression kind in error messages.
pub fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::PatternAs { .. } => "expression",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Returns the error for the first sub-expression that cannot be a target.
pub fn check_target(e: &Expr, ctx: TargetCtx) -> Option<SyntaxError> {
    check(e, ctx, true, true)
}

/// `whole`: `e` is the entire target. `next_to_eq`: `e` stands right before
/// the `=`, where CPython suggests `==`.
fn check(e: &Expr, ctx: TargetCtx, whole: bool, next_to_eq: bool) -> Option<SyntaxError> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(items) | ExprKind::List(items) if ctx != TargetCtx::AugAssign => {
            // CPython words the last element of a bare tuple (`a, 1 = x`)
            // as if it were the whole target: it is the one next to the `=`.
            let bare = matches!(e.kind, ExprKind::Tuple(_))
                && items.first().is_some_and(|f| f.span.start == e.span.start);
            let last = items.len().saturating_sub(1);
            items
                .iter()
                .enumerate()
                .find_map(|(i, x)| check(x, ctx, false, next_to_eq && bare && i == last))
        }
        ExprKind::Starred(inner) if ctx != TargetCtx::AugAssign && ctx != TargetCtx::Del => {
            if whole {
                Some(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    e.span,
                ))
            } else {
                check(inner, ctx, false, false)
            }
        }
        _ => {
            let what = describe(e);
            let msg = match ctx {
                TargetCtx::AugAssign => {
                    format!("'{what}' is an illegal expression for augmented assignment")
                }
                TargetCtx::Del => format!("cannot delete {what}"),
                TargetCtx::AssignSingle if next_to_eq && !is_keyword_constant(e) => {
                    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
                }
                _ => format!("cannot assign to {what}"),
            };
            Some(SyntaxError::new(msg, e.span))
        }
    }
}

fn is_keyword_constant(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant(Constant::None | Constant::True | Constant::False)
    )
}
