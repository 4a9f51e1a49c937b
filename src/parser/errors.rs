//! Turning chumsky's "expected X, found Y" into CPython's wording, and the
//! token-level checks (indentation, nesting depth) done before parsing.

use super::grammar::{PErr, TSpan, sp};
use crate::ast::Span;
use crate::diagnostics::{SyntaxError, SyntaxKind, line_col};
use crate::lexer::Tok;
use chumsky::error::{RichPattern, RichReason};

/// CPython's tokenizer limit.
const MAX_PAREN_DEPTH: usize = 200;
/// Prefix operators, `**`, `lambda`, conditional expressions and long
/// operator chains all deepen the parse or the AST; beyond this many in one
/// expression the input is refused rather than risking the stack.
const MAX_OPERATORS: usize = 3000;

fn starts_atom(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Bytes(_)
            | Tok::FString { .. }
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::LBrace
            | Tok::Lambda
            | Tok::Not
            | Tok::Await
    )
}

fn ends_atom(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::Bytes(_)
            | Tok::FString { .. }
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::RParen
            | Tok::RBracket
            | Tok::RBrace
    )
}

/// Where the expression that ends just before token `k` starts, as
/// CPython reports it for "Perhaps you forgot a comma?" (the start of the
/// disjunction before the stray expression; a lone parenthesized
/// expression is reported at its inside).
/// Whether token `t` can continue an expression (an operand or operator).
fn continues_expression(t: &Tok) -> bool {
    {
        ends_atom(t)
            || matches!(
                t,
                Tok::Dot
                    | Tok::Await
                    | Tok::Not
                    | Tok::And
                    | Tok::Or
                    | Tok::Is
                    | Tok::Plus
                    | Tok::Minus
                    | Tok::Star
                    | Tok::DoubleStar
                    | Tok::Slash
                    | Tok::DoubleSlash
                    | Tok::Percent
                    | Tok::At
                    | Tok::LShift
                    | Tok::RShift
                    | Tok::Amp
                    | Tok::Pipe
                    | Tok::Caret
                    | Tok::Tilde
                    | Tok::Lt
                    | Tok::Gt
                    | Tok::Le
                    | Tok::Ge
                    | Tok::EqEq
                    | Tok::NotEq
            )
    }
}

/// Whether the expression starting at byte offset `at` runs to the end of
/// the input (only layout tokens after it): a missing comma before it is
/// then never found, as CPython meets the end of input first.
pub fn expression_runs_to_end(toks: &[(Tok, TSpan)], at: usize) -> bool {
    let mut depth = 0usize;
    for (t, s) in toks.iter().filter(|(_, s)| s.start >= at) {
        let _ = s;
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            _ if depth > 0 => {}
            _ if is_layout(t) => {}
            _ if continues_expression(t) || matches!(t, Tok::Lambda) => {}
            _ => return false,
        }
    }
    true
}

fn disjunction_start(toks: &[(Tok, TSpan)], k: usize) -> usize {
    let continues = continues_expression;
    let mut depth = 0usize;
    let mut start = k.saturating_sub(1);
    let mut i = k;
    while i > 0 {
        i -= 1;
        let t = &toks[i].0;
        match t {
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ if depth > 0 => {}
            _ if continues(t) => {}
            _ => break,
        }
        start = i;
    }
    // `(x) y`: CPython's node for a parenthesized expression starts inside.
    if toks[start].0 == Tok::LParen && start + 2 < k && toks[k - 1].0 == Tok::RParen {
        let mut d = 0usize;
        let mut closes_at_end = true;
        let mut has_comma = false;
        for (j, (t, _)) in toks.iter().enumerate().take(k - 1).skip(start) {
            match t {
                Tok::LParen | Tok::LBracket | Tok::LBrace => d += 1,
                Tok::RParen | Tok::RBracket | Tok::RBrace => {
                    d = d.saturating_sub(1);
                    if d == 0 && j < k - 1 {
                        closes_at_end = false;
                    }
                }
                Tok::Comma | Tok::For if d == 1 => has_comma = true,
                _ => {}
            }
        }
        if closes_at_end && !has_comma {
            return toks[start + 1].1.start;
        }
    }
    toks[start].1.start
}

fn is_layout(t: &Tok) -> bool {
    matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent)
}

/// Bracket depth just before token `k`.
fn depth_before(toks: &[(Tok, TSpan)], k: usize) -> usize {
    let mut d = 0usize;
    for (t, _) in toks.iter().take(k) {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => d += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace => d = d.saturating_sub(1),
            _ => {}
        }
    }
    d
}

/// Whether token `k` lies where CPython never suggests a missing comma:
/// the parameter list or return annotation of a `def`, an import list, a
/// comprehension clause (those are not `expression`s in its grammar), or a
/// name followed by a string (a would-be string prefix).
fn no_comma_hint(toks: &[(Tok, TSpan)], k: usize) -> bool {
    if k >= 1
        && matches!(toks[k - 1].0, Tok::Name(_))
        && matches!(toks[k].0, Tok::Str(_) | Tok::Bytes(_) | Tok::FString { .. })
    {
        return true;
    }
    let mut depth = 0usize;
    for (t, _) in toks[..k].iter().rev() {
        match t {
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            Tok::Comma if depth == 0 => break,
            Tok::For if depth == 0 => return true,
            _ => {}
        }
    }
    let mut i = line_start(toks, k);
    if matches!(toks.get(i), Some((Tok::From | Tok::Import, _))) {
        return true;
    }
    if matches!(toks.get(i), Some((Tok::Async, _))) {
        i += 1;
    }
    if !matches!(toks.get(i), Some((Tok::Def, _))) {
        return false;
    }
    let mut depth = 0usize;
    for (j, (t, _)) in toks.iter().enumerate().skip(i) {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
            Tok::Colon if depth == 0 => return k < j,
            _ => {}
        }
    }
    true
}

/// Whether token `k` follows the `for` of a comprehension and its targets
/// (commas allowed) at the same bracket depth. (CPython has this message
/// for comprehensions only; a `for` statement gets "invalid syntax".)
fn after_for(toks: &[(Tok, TSpan)], k: usize) -> bool {
    let mut depth = 0usize;
    for (i, (t, _)) in toks[..k].iter().enumerate().rev() {
        if *t == Tok::For && depth == 0 {
            let ls = line_start(toks, i);
            return !(ls == i || ls + 1 == i && toks[ls].0 == Tok::Async);
        }
        match t {
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth += 1,
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if depth == 0 {
                    return false;
                }
                depth -= 1;
            }
            Tok::In | Tok::If | Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Colon
                if depth == 0 =>
            {
                return false;
            }
            _ => {}
        }
    }
    false
}

/// Converts one chumsky error from parsing `toks` (one chunk, or the
/// expression of an f-string field when `in_field`).
pub fn convert(e: PErr<'_>, toks: &[(Tok, TSpan)], in_field: bool) -> SyntaxError {
    let span = *e.span();
    let (expected, found) = match e.into_reason() {
        RichReason::Custom(err) => return *err,
        RichReason::ExpectedFound { expected, found } => (expected, found.map(|f| f.into_inner())),
    };
    let k = toks
        .iter()
        .position(|(_, s)| s.start >= span.start && !(s.start == s.end && span.start != span.end));
    let expects = |t: &Tok| {
        expected.iter().any(|p| match p {
            RichPattern::Token(x) => &**x == t,
            RichPattern::Label(l) => *l == t.to_string(),
            _ => false,
        })
    };
    let first = toks.iter().find(|(t, _)| !is_layout(t));

    let Some(found) = found else {
        if in_field {
            return SyntaxError::new("f-string: expecting '=', or '!', or ':', or '}'", sp(span))
                .with_label("the expression ends here, unfinished");
        }
        return SyntaxError::new("invalid syntax", sp(span))
            .with_label("the statement ends here, unfinished");
    };

    if matches!(found, Tok::Newline) && k.is_some_and(|k| k > 0 && toks[k - 1].0 == Tok::Import) {
        return SyntaxError::new("Expected one or more names after 'import'", sp(span))
            .with_label("a name is missing here");
    }

    // `print "x"` and friends.
    if let (Some((Tok::Name(n), ps)), Some(k)) = (first, k)
        && n == "print"
        && k > 0
        && toks[k - 1].1 == *ps
        && starts_atom(&found)
    {
        let end = toks
            .iter()
            .rev()
            .find(|(t, _)| !is_layout(t))
            .map(|(_, s)| s.end)
            .unwrap_or(span.end);
        return SyntaxError::new(
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            Span::new(ps.start, end),
        )
        .with_label("print is a function")
        .with_hint("call it: print(...)");
    }

    let header = k.and_then(|k| header_name(toks, line_start(toks, k)));
    // Where CPython's grammar forces the ':' (`&&':'`), any other token
    // gets "expected ':'"; elsewhere only a line end does.
    let forced_colon = matches!(
        header,
        Some("function definition" | "'for' statement" | "'try' statement")
            | Some("'finally' statement" | "'else' statement")
    );
    if expects(&Tok::Colon)
        && header.is_some()
        && (matches!(found, Tok::Newline)
            || forced_colon
                && k.is_some_and(|k| {
                    depth_before(toks, k) == depth_before(toks, line_start(toks, k))
                }))
    {
        return SyntaxError::new("expected ':'", sp(span))
            .with_label("expected ':' here")
            .with_hint("a block header ends with ':'");
    }

    if let Some(k) = k
        && k >= 1
        && toks[k - 1].0 == Tok::Assign
        && matches!(found, Tok::RParen | Tok::Comma)
        && depth_before(toks, k) > 0
    {
        let msg = if header == Some("function definition") {
            "expected default value expression"
        } else {
            "expected argument value expression"
        };
        return SyntaxError::new(msg, sp(span)).with_label("a value is missing here");
    }

    if expects(&Tok::In) && !matches!(found, Tok::In) && k.is_some_and(|k| after_for(toks, k)) {
        return SyntaxError::new("'in' expected after for-loop variables", sp(span))
            .with_label("expected 'in' here");
    }

    if header == Some("function definition")
        && expects(&Tok::LParen)
        && k.is_some_and(|k| k >= 2 && matches!(toks[k - 2].0, Tok::Def))
    {
        return SyntaxError::new("expected '('", sp(span)).with_label("expected '(' here");
    }

    if matches!(found, Tok::Assign) && matches!(first, Some((Tok::If | Tok::Elif | Tok::While, _)))
    {
        return SyntaxError::new(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            sp(span),
        )
        .with_label("assignment is not allowed here");
    }

    if let Some(k) = k
        && k > 0
        && !no_comma_hint(toks, k)
        && starts_atom(&found)
        && ends_atom(&toks[k - 1].0)
        && (in_field || depth_before(toks, k) > 0)
    {
        return SyntaxError::new(
            "invalid syntax. Perhaps you forgot a comma?",
            Span::new(disjunction_start(toks, k), span.end),
        )
        .with_label("two expressions in a row");
    }

    if expects(&Tok::Else)
        && !expects(&Tok::Colon)
        && !matches!(found, Tok::Else)
        && k.is_some_and(|k| {
            toks.get(line_start(toks, k) + 1..k)
                .is_some_and(|line| line.iter().any(|(t, _)| *t == Tok::If))
        })
    {
        return SyntaxError::new("expected 'else' after 'if' expression", sp(span))
            .with_label("expected 'else' here");
    }

    if matches!(found, Tok::Indent) {
        // CPython's column is the token's 0-based one.
        let at = span.end.max(1) - 1;
        return SyntaxError::new("unexpected indent", Span::new(at, at + 1))
            .with_kind(SyntaxKind::IndentationError);
    }

    let mut err =
        SyntaxError::new("invalid syntax", sp(span)).with_label(format!("unexpected {found}"));
    let names: Vec<String> = expected
        .iter()
        .filter_map(|p| match p {
            RichPattern::Token(t) => Some(t.to_string()),
            RichPattern::Label(l) => Some(l.to_string()),
            _ => None,
        })
        .collect();
    if !names.is_empty() && names.len() <= 4 {
        err = err.with_hint(format!("expected {}", names.join(" or ")));
    }
    err
}

/// The statement kind CPython names in "expected an indented block after …".
fn header_name(toks: &[(Tok, TSpan)], line_start: usize) -> Option<&'static str> {
    let mut i = line_start;
    if matches!(toks.get(i), Some((Tok::Async, _))) {
        i += 1;
    }
    Some(match &toks.get(i)?.0 {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::With => "'with' statement",
        Tok::Try => "'try' statement",
        Tok::Except => {
            if matches!(toks.get(i + 1), Some((Tok::Star, _))) {
                "'except*' statement"
            } else {
                "'except' statement"
            }
        }
        Tok::Finally => "'finally' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        _ => return None,
    })
}

/// Index of the first token of the logical line holding token `i`.
fn line_start(toks: &[(Tok, TSpan)], i: usize) -> usize {
    let mut s = i;
    while s > 0 && !is_layout(&toks[s - 1].0) && toks[s - 1].0 != Tok::Semi {
        s -= 1;
    }
    s
}

/// An error found on the tokens alone.
pub struct LayoutError {
    pub error: SyntaxError,
    /// Where the grammar would stumble on the same problem: a syntax
    /// error the parser meets before this point is what CPython reports.
    pub trigger: usize,
    /// Nesting-depth errors: the chunk must not be parsed at all.
    pub too_deep: bool,
}

/// Indentation and depth errors, found on the tokens alone.
pub fn layout_errors(toks: &[(Tok, TSpan)], src: &str) -> Vec<LayoutError> {
    let mut errors = Vec::new();
    let mut depth = 0usize;
    let mut ops = 0usize;
    for (i, (t, s)) in toks.iter().enumerate() {
        match t {
            Tok::Indent => {
                let header = i >= 1 && toks[i - 1].0 == Tok::Newline && {
                    let ls = if i >= 2 { line_start(toks, i - 2) } else { 0 };
                    header_name(toks, ls).is_some()
                        || toks.get(ls).is_some_and(|(t, _)| *t == Tok::At)
                };
                let after_colon =
                    i >= 2 && toks[i - 1].0 == Tok::Newline && toks[i - 2].0 == Tok::Colon;
                if !after_colon && !header {
                    let at = toks.get(i + 1).map(|(_, s)| *s).unwrap_or(*s);
                    errors.push(LayoutError {
                        // CPython's column is the token's 0-based one.
                        error: SyntaxError::new(
                            "unexpected indent",
                            Span::new(at.start.max(1) - 1, at.start.max(1)),
                        )
                        .with_kind(SyntaxKind::IndentationError)
                        .with_label("this line is indented more than the one before")
                        .with_hint("a deeper indent only starts a block after a ':' line"),
                        trigger: s.start,
                        too_deep: false,
                    });
                }
            }
            Tok::Colon
                if toks.get(i + 1).is_some_and(|(t, _)| *t == Tok::Newline)
                    && !toks.get(i + 2).is_some_and(|(t, _)| *t == Tok::Indent) =>
            {
                let ls = line_start(toks, i);
                if let Some(what) = header_name(toks, ls) {
                    let (line, _) = line_col(src, toks[ls].1.start);
                    let at = toks
                        .get(i + 2)
                        .filter(|(t, _)| !is_layout(t))
                        .or_else(|| toks.get(i + 1))
                        .map(|(_, s)| *s)
                        .unwrap_or(*s);
                    errors.push(LayoutError {
                        error: SyntaxError::new(
                            format!("expected an indented block after {what} on line {line}"),
                            sp(at),
                        )
                        .with_kind(SyntaxKind::IndentationError)
                        .with_label("expected an indented line here")
                        .with_secondary(sp(toks[ls].1), "the block starts here"),
                        trigger: at.start,
                        too_deep: false,
                    });
                }
            }
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                depth += 1;
                if depth == MAX_PAREN_DEPTH + 1 {
                    errors.push(LayoutError {
                        error: SyntaxError::new("too many nested parentheses", sp(*s)),
                        trigger: 0,
                        too_deep: true,
                    });
                }
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
            Tok::Newline | Tok::Semi | Tok::Comma => ops = 0,
            _ => {}
        }
        if !is_layout(t)
            && !matches!(
                t,
                Tok::Name(_)
                    | Tok::Int(_)
                    | Tok::Float(_)
                    | Tok::Str(_)
                    | Tok::Bytes(_)
                    | Tok::FString { .. }
                    | Tok::Comma
            )
        {
            ops += 1;
            if ops == MAX_OPERATORS + 1 {
                errors.push(LayoutError {
                    error: SyntaxError::new("too many nested expressions", sp(*s)),
                    trigger: 0,
                    too_deep: true,
                });
            }
        }
    }
    errors
}
