//! Splitting an f-string body into literal text and replacement fields.
//!
//! The lexer hands over the raw body; here it is cut at `{`…`}` fields,
//! each field's expression text is lexed with `lex_expression` (spans stay
//! absolute because the field's source offset is passed as base) and parsed
//! with the expression grammar. Nested f-strings recurse through the same
//! path, so the nesting depth is capped.

use crate::ast::{Constant, Expr, ExprKind, FStringPart, Span};
use crate::diagnostics::SyntaxError;
use crate::lexer;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// CPython allows about 150 levels; a few dozen is plenty and keeps the
/// recursion (each level builds its own parser) cheap.
const MAX_NESTING: usize = 32;

type Parsed = (Vec<FStringPart>, Vec<SyntaxError>);

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    // The grammar may try an atom more than once while choosing between
    // alternatives; the result for one body (keyed by its source position)
    // never changes within a parse, so it is computed once.
    static CACHE: RefCell<HashMap<(usize, usize), Parsed>> = RefCell::new(HashMap::new());
}

/// Forgets cached results; called at the start of every top-level parse,
/// because cache keys are source offsets.
pub fn reset_cache() {
    CACHE.with(|c| c.borrow_mut().clear());
}

struct DepthGuard;

impl DepthGuard {
    fn enter() -> Option<DepthGuard> {
        DEPTH.with(|d| {
            if d.get() >= MAX_NESTING {
                None
            } else {
                d.set(d.get() + 1);
                Some(DepthGuard)
            }
        })
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

pub fn parse_fstring(body: &str, body_start: usize, raw: bool) -> Parsed {
    let key = (body_start, body.len());
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    let result = match DepthGuard::enter() {
        None => (
            Vec::new(),
            vec![SyntaxError::new(
                "f-string: too many nested expressions",
                Span::new(body_start, body_start + body.len()),
            )],
        ),
        Some(_guard) => {
            let mut sc = Scanner {
                body,
                b: body.as_bytes(),
                base: body_start,
                raw,
                errors: Vec::new(),
            };
            let (parts, _) = sc.parts(0, false);
            (parts, sc.errors)
        }
    };
    CACHE.with(|c| c.borrow_mut().insert(key, result.clone()));
    result
}

struct Scanner<'s> {
    body: &'s str,
    b: &'s [u8],
    base: usize,
    raw: bool,
    errors: Vec<SyntaxError>,
}

impl Scanner<'_> {
    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.base + from, self.base + to)
    }

    fn error(&mut self, msg: &str, from: usize, to: usize) {
        let e = SyntaxError::new(msg, self.span(from, to));
        self.errors.push(e);
    }

    fn text(&self, from: usize, to: usize) -> &str {
        self.body.get(from..to).unwrap_or("")
    }

    /// Appends the literal `body[from..to]`, escape-decoded unless raw.
    fn flush(&mut self, parts: &mut Vec<FStringPart>, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let seg = self.text(from, to).to_string();
        let decoded = if self.raw {
            seg
        } else {
            match lexer::decode_string_body(&seg, false, false, self.base + from) {
                Ok(s) => s,
                Err(e) => {
                    self.errors.push(e);
                    seg
                }
            }
        };
        if decoded.is_empty() {
            return;
        }
        if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
            prev.push_str(&decoded);
        } else {
            parts.push(FStringPart::Literal(decoded));
        }
    }

    /// Literal text and fields from `i` to the end of the body, or (in a
    /// format spec) to the `}` that closes the enclosing field, whose index
    /// is returned.
    fn parts(&mut self, mut i: usize, in_spec: bool) -> (Vec<FStringPart>, usize) {
        let mut parts = Vec::new();
        let mut seg = i;
        let n = self.b.len();
        while i < n {
            match self.b[i] {
                b'{' => {
                    if self.b.get(i + 1) == Some(&b'{') && !in_spec {
                        self.flush(&mut parts, seg, i + 1);
                        i += 2;
                        seg = i;
                        continue;
                    }
                    self.flush(&mut parts, seg, i);
                    let (field, next) = self.field(i);
                    parts.extend(field);
                    i = next;
                    seg = i;
                }
                b'}' => {
                    if in_spec {
                        self.flush(&mut parts, seg, i);
                        return (parts, i);
                    }
                    if self.b.get(i + 1) == Some(&b'}') {
                        self.flush(&mut parts, seg, i + 1);
                        i += 2;
                        seg = i;
                        continue;
                    }
                    self.flush(&mut parts, seg, i);
                    self.error("f-string: single '}' is not allowed", i, i + 1);
                    i += 1;
                    seg = i;
                }
                b'\\' if !self.raw => {
                    // `\N{NAME}` holds braces that are not fields.
                    if self.b.get(i + 1) == Some(&b'N') && self.b.get(i + 2) == Some(&b'{') {
                        let mut j = i + 3;
                        while j < n && self.b[j] != b'}' {
                            j += 1;
                        }
                        i = j + 1;
                    } else if matches!(self.b.get(i + 1), Some(b'{') | Some(b'}') | None) {
                        i += 1;
                    } else {
                        i += 2;
                    }
                }
                _ => i += 1,
            }
        }
        let end = n.min(i);
        self.flush(&mut parts, seg, end);
        (parts, end)
    }

    /// Skips a quoted string inside a field; returns the index after it.
    fn skip_string(&self, i: usize) -> usize {
        let q = self.b[i];
        let n = self.b.len();
        let triple = self.b.get(i + 1) == Some(&q) && self.b.get(i + 2) == Some(&q);
        let mut j = if triple { i + 3 } else { i + 1 };
        while j < n {
            let c = self.b[j];
            if c == b'\\' {
                j += 2;
                continue;
            }
            if c == q {
                if !triple {
                    return j + 1;
                }
                if self.b.get(j + 1) == Some(&q) && self.b.get(j + 2) == Some(&q) {
                    return j + 3;
                }
            }
            j += 1;
        }
        n
    }

    /// One replacement field starting at the `{` at `open`. Returns its parts
    /// (a debug literal and the value) and the index after the closing `}`.
    fn field(&mut self, open: usize) -> (Vec<FStringPart>, usize) {
        let n = self.b.len();
        let start = open + 1;
        let mut j = start;
        let mut depth = 0usize;
        let mut debug = false;
        while j < n {
            match self.b[j] {
                b'\'' | b'"' => {
                    j = self.skip_string(j);
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                b'!' if depth == 0 && self.b.get(j + 1) != Some(&b'=') => break,
                b':' if depth == 0 => break,
                b'=' if depth == 0 => {
                    let next = self.b.get(j + 1).copied();
                    let prev = if j > start { self.b[j - 1] } else { b' ' };
                    if next == Some(b'=') {
                        j += 2;
                        continue;
                    }
                    if !matches!(prev, b'=' | b'!' | b'<' | b'>') {
                        debug = true;
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        let expr_end = j.min(n);
        let text = self.text(start, expr_end).to_string();
        if j >= n {
            self.error("f-string: expecting '}'", open, open + 1);
            return (Vec::new(), n);
        }
        let mut out = Vec::new();
        if text.trim().is_empty() {
            // CPython 3.13 wording (3.11 said "empty expression not allowed").
            let next = self
                .body
                .get(j..)
                .and_then(|s| s.chars().next())
                .unwrap_or('}');
            self.error(
                &format!("f-string: valid expression required before '{next}'"),
                j,
                j + next.len_utf8(),
            );
        }
        if debug {
            j += 1;
            while j < n && matches!(self.b[j], b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            out.push(FStringPart::Literal(self.text(start, j).to_string()));
        }
        let mut conversion = None;
        if j < n && self.b[j] == b'!' {
            j += 1;
            match self.body.get(j..).and_then(|s| s.chars().next()) {
                None => {
                    self.error("f-string: expecting '}'", open, open + 1);
                    return (out, n);
                }
                Some(c @ ('r' | 's' | 'a')) => {
                    conversion = Some(c);
                    j += 1;
                }
                Some(':') | Some('}') => {
                    self.error("f-string: missing conversion character", j, j + 1);
                }
                Some(c) => {
                    self.error(
                        &format!(
                            "f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"
                        ),
                        j,
                        j + c.len_utf8(),
                    );
                    j += c.len_utf8();
                }
            }
        }
        let mut format_spec = None;
        if j < n && self.b[j] == b':' {
            let (spec, k) = self.parts(j + 1, true);
            format_spec = Some(spec);
            j = k;
        }
        if j >= n || self.b[j] != b'}' {
            self.error("f-string: expecting '}'", open, open + 1);
            return (out, n);
        }
        let close = j;
        if text.trim_start().starts_with("lambda") && self.b.get(expr_end) == Some(&b':') {
            self.error(
                "f-string: lambda expressions are not allowed without parentheses",
                start,
                expr_end,
            );
            return (out, close + 1);
        }
        if debug && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        let expr = if text.trim().is_empty() {
            placeholder(self.span(open, close + 1))
        } else {
            self.parse_expr(&text, start)
        };
        out.push(FStringPart::Value {
            expr: Box::new(expr),
            conversion,
            format_spec,
        });
        (out, close + 1)
    }

    fn parse_expr(&mut self, text: &str, at: usize) -> Expr {
        let (toks, lex_errors) = lexer::lex_expression(text, self.base + at);
        if !lex_errors.is_empty() {
            self.errors.extend(lex_errors);
            return placeholder(self.span(at, at + text.len()));
        }
        match super::parse_field_tokens(&toks, self.span(at, at + text.len())) {
            Ok(e) => e,
            Err(errs) => {
                self.errors.extend(errs);
                placeholder(self.span(at, at + text.len()))
            }
        }
    }
}

fn placeholder(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Constant(Constant::None),
        span,
    }
}
