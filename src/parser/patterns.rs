//! `case` patterns. The grammar of patterns is, but for `as`, a subset of
//! expressions', so a pattern is parsed as an expression and then read as a
//! pattern here, with CPython's errors for what no pattern may contain.

use crate::ast::{BinOp, Constant, DictItem, Expr, ExprKind, Pattern, PatternKind, Span, UnaryOp};
use crate::diagnostics::{NextToken, SyntaxError};

fn invalid(span: Span) -> Box<SyntaxError> {
    Box::new(SyntaxError::new("invalid syntax", span))
}

/// "invalid syntax" at the first token after `pos`: where CPython's pattern
/// rules stop, having read a whole pattern that something follows.
fn invalid_after(pos: usize, which: NextToken) -> Box<SyntaxError> {
    Box::new(SyntaxError::new("invalid syntax", Span::new(pos, pos)).at_next_token(which))
}

fn error(msg: &str, span: Span) -> Box<SyntaxError> {
    Box::new(SyntaxError::new(msg, span))
}

fn pat(kind: PatternKind, span: Span) -> Pattern {
    Pattern { kind, span }
}

/// Whether `e` is a dotted name (`a.b.c`): a value pattern.
fn is_dotted(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Attribute { value, .. } => {
            matches!(value.kind, ExprKind::Name(_)) || is_dotted(value)
        }
        _ => false,
    }
}

fn is_number(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Constant(Constant::Int(_) | Constant::Float(_) | Constant::Imag(_))
    )
}

/// A literal: a number (maybe negated), a complex `a + bj`, a string, bytes.
fn literal(e: &Expr) -> Result<Option<PatternKind>, Box<SyntaxError>> {
    Ok(Some(match &e.kind {
        ExprKind::Constant(c @ (Constant::None | Constant::True | Constant::False)) => {
            PatternKind::Singleton(c.clone())
        }
        ExprKind::Constant(Constant::Ellipsis) => return Ok(None),
        ExprKind::Constant(_) => PatternKind::Value(e.clone()),
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } if is_number(operand) => PatternKind::Value(e.clone()),
        ExprKind::BinOp {
            left,
            op: BinOp::Add | BinOp::Sub,
            right,
        } => {
            let real_ok = is_number(left)
                || matches!(&left.kind, ExprKind::UnaryOp { op: UnaryOp::Neg, operand } if is_number(operand));
            if !real_ok {
                // A whole pattern followed by an operator: the operator is
                // where the pattern grammar stops.
                to_pattern((**left).clone())?;
                return Err(invalid_after(left.span.end, NextToken::First));
            }
            match right.kind {
                ExprKind::Constant(Constant::Imag(_)) => {}
                ExprKind::Constant(Constant::Int(_) | Constant::Float(_)) => {
                    return Err(error(
                        "imaginary number required in complex literal",
                        right.span,
                    ));
                }
                _ => return Err(invalid(right.span)),
            }
            PatternKind::Value(e.clone())
        }
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } => return Err(invalid(operand.span)),
        ExprKind::BinOp { left, op, .. } if *op != BinOp::BitOr => {
            to_pattern((**left).clone())?;
            return Err(invalid_after(left.span.end, NextToken::First));
        }
        _ => return Ok(None),
    }))
}

/// Reads expression `e` (parsed where a pattern stands) as a pattern.
pub fn to_pattern(e: Expr) -> Result<Pattern, Box<SyntaxError>> {
    let span = e.span;
    if let Some(kind) = literal(&e)? {
        return Ok(pat(kind, span));
    }
    let kind = match e.kind {
        ExprKind::PatternAs { value, name } => {
            let inner = to_pattern(*value)?;
            if name == "_" {
                return Err(error("cannot use '_' as a target", span));
            }
            PatternKind::As(Box::new(inner), name)
        }
        ExprKind::Name(n) if n == "_" => PatternKind::Wildcard,
        ExprKind::Name(n) => PatternKind::Capture(n),
        ExprKind::Attribute { .. } if is_dotted(&e) => PatternKind::Value(e),
        ExprKind::JoinedStr(_) => {
            return Err(error(
                "patterns may only match literals and attribute lookups",
                span,
            ));
        }
        ExprKind::BinOp {
            left,
            op: BinOp::BitOr,
            right,
        } => {
            let mut alts = Vec::new();
            for side in [*left, *right] {
                match to_pattern(side)? {
                    Pattern {
                        kind: PatternKind::Or(inner),
                        ..
                    } => alts.extend(inner),
                    p => alts.push(p),
                }
            }
            PatternKind::Or(alts)
        }
        ExprKind::List(items) | ExprKind::Tuple(items) => sequence(items, span)?,
        ExprKind::Dict(items) => mapping(items, span)?,
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            if !(matches!(func.kind, ExprKind::Name(_)) || is_dotted(&func)) {
                return Err(invalid(func.span));
            }
            let mut pos = Vec::new();
            for a in args {
                if matches!(a.kind, ExprKind::Starred(_)) {
                    return Err(invalid(a.span));
                }
                pos.push(to_pattern(a)?);
            }
            let mut kw_names = Vec::new();
            let mut kw_values = Vec::new();
            for k in keywords {
                let Some(name) = k.name else {
                    return Err(invalid(k.span));
                };
                kw_names.push(name);
                kw_values.push(to_pattern(k.value)?);
            }
            PatternKind::Class {
                cls: *func,
                args: pos,
                kw_names,
                kw_values,
            }
        }
        _ => return Err(invalid(span)),
    };
    Ok(pat(kind, span))
}

fn sequence(items: Vec<Expr>, span: Span) -> Result<PatternKind, Box<SyntaxError>> {
    let mut out = Vec::new();
    let mut star = None;
    for (i, it) in items.into_iter().enumerate() {
        if let ExprKind::Starred(inner) = it.kind {
            if star.is_some() {
                return Err(error("multiple starred names in sequence pattern", span));
            }
            let name = match inner.kind {
                ExprKind::Name(n) if n == "_" => None,
                ExprKind::Name(n) => Some(n),
                _ => return Err(invalid(inner.span)),
            };
            star = Some((i, name));
            out.push(pat(PatternKind::Wildcard, it.span));
        } else {
            out.push(to_pattern(it)?);
        }
    }
    Ok(PatternKind::Sequence { items: out, star })
}

fn mapping(items: Vec<DictItem>, span: Span) -> Result<PatternKind, Box<SyntaxError>> {
    let mut keys = Vec::new();
    let mut values = Vec::new();
    let mut rest = None;
    let n = items.len();
    for (i, it) in items.into_iter().enumerate() {
        match it {
            DictItem::KeyValue(k, v) => {
                let key_ok = matches!(
                    literal(&k)?,
                    Some(PatternKind::Value(_) | PatternKind::Singleton(_))
                ) || is_dotted(&k);
                if !key_ok {
                    return Err(invalid(k.span));
                }
                keys.push(k);
                values.push(to_pattern(v)?);
            }
            DictItem::Unpack(e) => {
                let at = e.span.start;
                match e.kind {
                    // `**rest` must be a name other than `_`, and last.
                    ExprKind::Name(name) if name != "_" && i + 1 == n => rest = Some(name),
                    // Only the closing brace may follow `**rest`.
                    ExprKind::Name(name) if name != "_" => {
                        return Err(invalid_after(e.span.end, NextToken::PastComma));
                    }
                    _ => return Err(invalid(Span::new(at, span.end))),
                }
            }
        }
    }
    Ok(PatternKind::Mapping { keys, values, rest })
}
