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
    check(e, ctx, true)
}

fn check(e: &Expr, ctx: TargetCtx, top: bool) -> Option<SyntaxError> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(items) | ExprKind::List(items) if ctx != TargetCtx::AugAssign => {
            items.iter().find_map(|i| check(i, ctx, false))
        }
        ExprKind::Starred(inner) if ctx != TargetCtx::AugAssign && ctx != TargetCtx::Del => {
            if top {
                Some(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    e.span,
                ))
            } else {
                check(inner, ctx, false)
            }
        }
        _ => {
            let what = describe(e);
            let msg = match ctx {
                TargetCtx::AugAssign => {
                    format!("'{what}' is an illegal expression for augmented assignment")
                }
                TargetCtx::Del => format!("cannot delete {what}"),
                TargetCtx::AssignSingle if top && !is_keyword_constant(e) => {
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
