//! Tokens → AST, with error recovery so one run reports several errors.
//!
//! The token stream is cut into top-level statements ("chunks") before the
//! grammar runs: each chunk is parsed on its own, so an error in one
//! statement does not hide errors in the next. When a compound statement
//! fails, its indented bodies are parsed again the same way to find further
//! errors inside them.
//!
//! The grammar is recursive. Input that nests little is parsed on the
//! caller's stack; deeper input runs on a thread with a large stack, and the
//! nesting caps in `errors.rs` are sized for that stack.

mod errors;
mod fstring;
mod grammar;
mod patterns;
mod stmt;
mod targets;
#[cfg(test)]
mod tests;

use crate::ast::{Expr, Module, Span, Stmt};
use crate::diagnostics::{SyntaxError, SyntaxKind};
use crate::lexer::{self, Tok};
use chumsky::error::EmptyErr;
use chumsky::prelude::*;
use grammar::{BoxP, PErr, TSpan};
use std::ops::Range;

/// Measured: 200 nested brackets or 1400 nested lambdas need under 4 MB.
const PARSER_STACK: usize = 64 << 20;

/// Lexes and parses a module.
pub fn parse(src: &str) -> Result<Module, Vec<SyntaxError>> {
    let (tokens, lex_errors) = lexer::lex(src);
    guarded(&tokens, || {
        fstring::reset_cache();
        parse_with_lex_errors(&tokens, lex_errors, src)
    })
}

/// Parses an already lexed module.
pub fn parse_tokens(tokens: &[(Tok, Span)], src: &str) -> Result<Module, Vec<SyntaxError>> {
    guarded(tokens, || {
        fstring::reset_cache();
        parse_with_lex_errors(tokens, Vec::new(), src)
    })
}

/// Runs `work` on a stack deep enough for `tokens`, turning a panic (a bug)
/// into an error rather than taking the interpreter down.
fn guarded<T: Send>(
    tokens: &[(Tok, Span)],
    work: impl FnOnce() -> Result<T, Vec<SyntaxError>> + Send,
) -> Result<T, Vec<SyntaxError>> {
    if shallow(tokens) {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
            .unwrap_or_else(|_| Err(vec![crashed()]))
    } else {
        on_big_stack(work)
    }
}

fn crashed() -> SyntaxError {
    SyntaxError::new(
        "internal error: the parser crashed on this input",
        Span::default(),
    )
}

/// Whether the input nests so little that parsing on the caller's stack
/// is safe (any thread has at least the 2 MB Rust gives spawned threads;
/// the measured need here is well under 1 MB). A fresh thread per parse
/// costs more than the parse itself for typical files: its malloc arena
/// starts cold.
fn shallow(tokens: &[(Tok, Span)]) -> bool {
    const DEPTH: usize = 30;
    const OPS: usize = 200;
    let mut depth = 0usize;
    let mut ops = 0usize;
    for (t, _) in tokens {
        match t {
            Tok::LParen | Tok::LBracket | Tok::LBrace => depth += 1,
            Tok::RParen | Tok::RBracket | Tok::RBrace => depth = depth.saturating_sub(1),
            Tok::Newline | Tok::Semi | Tok::Comma => ops = 0,
            Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Not
            | Tok::Await
            | Tok::Lambda
            | Tok::DoubleStar
            | Tok::If
            | Tok::Walrus => ops += 1,
            Tok::FString { body, .. } => {
                // Fields are parsed recursively from the body text.
                let nest = body
                    .bytes()
                    .filter(|b| matches!(b, b'{' | b'(' | b'[' | b'\'' | b'"'))
                    .count();
                if depth + nest > DEPTH {
                    return false;
                }
            }
            _ => {}
        }
        if depth > DEPTH || ops > OPS {
            return false;
        }
    }
    true
}

/// Lexes and parses a single expression (as if inside parentheses).
pub fn parse_expression(src: &str) -> Result<Expr, Vec<SyntaxError>> {
    let (tokens, lex_errors) = lexer::lex_expression(src, 0);
    if !lex_errors.is_empty() {
        return Err(lex_errors);
    }
    guarded(&tokens, || {
        fstring::reset_cache();
        let toks = to_chumsky(&tokens);
        let mut errs: Vec<SyntaxError> = errors::layout_errors(&toks, src)
            .into_iter()
            .map(|l| l.error)
            .collect();
        if !errs.is_empty() {
            errs.sort_by_key(|e| e.span.start);
            return Err(errs);
        }
        run(
            &stmt::expression_only(),
            stmt::expression_only,
            &toks,
            Span::new(src.len(), src.len()),
            false,
        )
    })
}

/// Parses the tokens of one f-string replacement field.
fn parse_field_tokens(tokens: &[(Tok, Span)], whole: Span) -> Result<Expr, Vec<SyntaxError>> {
    let toks = to_chumsky(tokens);
    let errs = errors::layout_errors(&toks, "");
    if !errs.is_empty() {
        return Err(errs.into_iter().map(|l| l.error).collect());
    }
    run(
        &stmt::field(),
        stmt::field,
        &toks,
        Span::new(whole.end, whole.end),
        true,
    )
}

fn on_big_stack<T: Send>(
    f: impl FnOnce() -> Result<T, Vec<SyntaxError>> + Send,
) -> Result<T, Vec<SyntaxError>> {
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("aio-parser".into())
            .stack_size(PARSER_STACK)
            .spawn_scoped(scope, f);
        match handle {
            Ok(h) => h.join().unwrap_or_else(|_| Err(vec![crashed()])),
            // No thread could be made: report rather than risk the small stack.
            Err(_) => Err(vec![SyntaxError::new(
                "internal error: could not start the parser",
                Span::default(),
            )]),
        }
    })
}

fn to_chumsky(tokens: &[(Tok, Span)]) -> Vec<(Tok, TSpan)> {
    tokens
        .iter()
        .map(|(t, s)| (t.clone(), TSpan::from(s.start..s.end)))
        .collect()
}

/// Parses with the fast parser; on failure, parses again with the one
/// (built by `rich`) that says what went wrong.
fn run<'a, O>(
    fast: &BoxP<'a, O, EmptyErr>,
    rich: impl FnOnce() -> BoxP<'a, O, PErr<'a>>,
    toks: &'a [(Tok, TSpan)],
    eoi: Span,
    in_field: bool,
) -> Result<O, Vec<SyntaxError>> {
    let eoi: TSpan = (eoi.start..eoi.end).into();
    if let Ok(o) = fast.parse(toks.split_token_span(eoi)).into_result() {
        return Ok(o);
    }
    let (out, errs) = rich()
        .parse(toks.split_token_span(eoi))
        .into_output_errors();
    if errs.is_empty()
        && let Some(o) = out
    {
        return Ok(o);
    }
    let mut v: Vec<SyntaxError> = errs
        .into_iter()
        .map(|e| errors::convert(e, toks, in_field))
        .collect();
    if v.is_empty() {
        v.push(SyntaxError::new("invalid syntax", eoi_span(toks, eoi)));
    }
    for e in &mut v {
        place_at_next_token(e, toks);
    }
    v.sort_by_key(|e| e.span.start);
    Err(v)
}

/// Moves an error raised without the tokens at hand onto the token it
/// names (see [`SyntaxError::at_next_token`]).
fn place_at_next_token(e: &mut SyntaxError, toks: &[(Tok, TSpan)]) {
    let Some(which) = e.at_next_token.take() else {
        return;
    };
    let mut rest = toks.iter().skip_while(|(_, s)| s.start < e.span.start);
    let mut next = rest.next();
    if which == crate::diagnostics::NextToken::PastComma && matches!(next, Some((Tok::Comma, _))) {
        next = rest.next();
    }
    if let Some((_, s)) = next {
        e.span = Span::new(s.start, s.end);
    }
}

fn eoi_span(toks: &[(Tok, TSpan)], eoi: TSpan) -> Span {
    toks.last()
        .map(|(_, s)| Span::new(s.start, s.end))
        .unwrap_or(Span::new(eoi.start, eoi.end))
}

fn parse_with_lex_errors(
    tokens: &[(Tok, Span)],
    lex_errors: Vec<SyntaxError>,
    src: &str,
) -> Result<Module, Vec<SyntaxError>> {
    let toks = to_chumsky(tokens);
    let parser = stmt::chunk();
    let rich = stmt::chunk();
    let unclosed = |e: &SyntaxError| e.message.ends_with("was never closed");
    let limit = lex_errors
        .iter()
        .filter(|e| !unclosed(e))
        .map(|e| e.span.start)
        .min();
    let mut parse_errors = Vec::new();
    let body = parse_stmts(&parser, &rich, &toks, src, limit, &mut parse_errors);
    if lex_errors.is_empty() && parse_errors.is_empty() {
        return Ok(Module { body });
    }
    let mut errors = Vec::new();
    let mut from_lexer = Vec::new();
    for le in lex_errors {
        if unclosed(&le) {
            // CPython's parser stops at the first error it meets: one at the
            // bracket or the token after it wins; further on, the parser
            // was reading inside the unclosed bracket, and that is the news.
            // (The layout tokens the lexer adds at the end do not count.)
            let next = toks
                .iter()
                .find(|(t, s)| s.start > le.span.start && !matches!(t, Tok::Newline | Tok::Dedent));
            // (A missing comma is only found once a token follows the stray
            // expression; at the end of the input the bracket is the news.)
            let found_before_end = |p: &SyntaxError| {
                !p.message.ends_with("Perhaps you forgot a comma?")
                    || !errors::expression_runs_to_end(&toks, p.span.end.saturating_sub(1))
            };
            if let Some((_, next)) = next
                && parse_errors
                    .iter()
                    .any(|p| p.span.start <= next.start && found_before_end(p))
            {
                continue;
            }
            parse_errors.clear();
        }
        from_lexer.push((le.span.start, le.message.clone()));
        errors.push(le);
    }
    errors.extend(parse_errors);
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    errors.dedup_by(|a, b| a.span.start == b.span.start && a.message == b.message);
    // The tokenizer meets any other error of its own before the end of the
    // input, where it notices an unclosed bracket.
    if errors.first().is_some_and(unclosed)
        && let Some(i) = errors
            .iter()
            .position(|e| !unclosed(e) && from_lexer.contains(&(e.span.start, e.message.clone())))
    {
        let e = errors.remove(i);
        errors.insert(0, e);
    }
    // When CPython's parser fails, it tokenizes the rest of the file and
    // reports a tokenizer error found there instead (indentation errors
    // excepted), so a lexer error beats an earlier parser error.
    if errors
        .first()
        .is_some_and(|e| !from_lexer.contains(&(e.span.start, e.message.clone())))
        && let Some(i) = errors.iter().position(|e| {
            e.kind == SyntaxKind::SyntaxError
                && from_lexer.contains(&(e.span.start, e.message.clone()))
        })
    {
        let e = errors.remove(i);
        errors.insert(0, e);
    }
    Err(errors)
}

/// Parses a sequence of statements chunk by chunk. Chunks starting at or
/// after `limit` (the first lexer error) are skipped: their tokens are not
/// trustworthy.
fn parse_stmts<'a>(
    parser: &BoxP<'a, Vec<Stmt>, EmptyErr>,
    rich: &BoxP<'a, Vec<Stmt>, PErr<'a>>,
    toks: &'a [(Tok, TSpan)],
    src: &str,
    limit: Option<usize>,
    errors: &mut Vec<SyntaxError>,
) -> Vec<Stmt> {
    let mut body = Vec::new();
    let chunks = split_chunks(toks);
    for (n, range) in chunks.iter().enumerate() {
        let chunk = &toks[range.clone()];
        let Some((_, first)) = chunk.first() else {
            continue;
        };
        if limit.is_some_and(|l| first.start >= l) {
            break;
        }
        // One token of lookahead lets "expected an indented block" point
        // at the line that should have been indented.
        let with_next = &toks[range.start..(range.end + 1).min(toks.len())];
        let layout = errors::layout_errors(with_next, src);
        if layout.iter().any(|l| l.too_deep) {
            errors.extend(layout.into_iter().map(|l| l.error));
            continue;
        }
        // Errors point at the next statement when this one is cut short.
        let eoi = chunks
            .get(n + 1)
            .and_then(|r| toks.get(r.start))
            .map(|(_, s)| Span::new(s.start, s.start))
            .unwrap_or_else(|| {
                let end = chunk.last().map(|(_, s)| s.end).unwrap_or(src.len());
                Span::new(end, end)
            });
        if let Some(trigger) = layout.iter().map(|l| l.trigger).min() {
            // CPython reports a syntax error its parser meets before the
            // indentation problem; otherwise the indentation problem.
            let before: Vec<SyntaxError> = match run(parser, || rich.clone(), chunk, eoi, false) {
                Ok(_) => Vec::new(),
                Err(errs) => errs
                    .into_iter()
                    .filter(|e| e.span.start < trigger)
                    .collect(),
            };
            if before.is_empty() {
                errors.extend(layout.into_iter().map(|l| l.error));
            } else {
                errors.extend(before);
            }
            continue;
        }
        match run(parser, || rich.clone(), chunk, eoi, false) {
            Ok(stmts) => body.extend(stmts),
            Err(errs) => {
                let first_err = errs.iter().map(|e| e.span.start).min().unwrap_or(0);
                errors.extend(errs);
                for inner in bodies(chunk) {
                    let inner_toks = &chunk[inner];
                    if inner_toks.last().is_some_and(|(_, s)| s.end > first_err) {
                        let mut more = Vec::new();
                        parse_stmts(parser, rich, inner_toks, src, limit, &mut more);
                        errors.extend(more.into_iter().filter(|e| e.span.start > first_err));
                    }
                }
            }
        }
    }
    body
}

/// Ranges of the indented blocks directly inside a chunk (between an
/// `Indent` at depth 0 and its `Dedent`).
fn bodies(chunk: &[(Tok, TSpan)]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, (t, _)) in chunk.iter().enumerate() {
        match t {
            Tok::Indent => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            Tok::Dedent => {
                if depth == 1 {
                    out.push(start..i);
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push(start..chunk.len());
    }
    out
}

/// Cuts a statement sequence at statement boundaries: a `Newline` or the
/// last `Dedent` of a block at depth 0, unless a block, a decorated
/// definition or an `elif`/`else`/`except`/`finally` continues the statement.
fn split_chunks(toks: &[(Tok, TSpan)]) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut line_first: Option<usize> = None;
    for (i, (t, _)) in toks.iter().enumerate() {
        let boundary = match t {
            Tok::Indent => {
                depth += 1;
                false
            }
            Tok::Dedent => {
                depth = depth.saturating_sub(1);
                depth == 0
            }
            Tok::Newline => {
                let decorator = line_first.is_some_and(|f| toks[f].0 == Tok::At);
                line_first = None;
                depth == 0 && !decorator
            }
            _ => {
                if line_first.is_none() {
                    line_first = Some(i);
                }
                false
            }
        };
        if boundary {
            let continues = matches!(
                toks.get(i + 1).map(|(t, _)| t),
                Some(Tok::Indent | Tok::Elif | Tok::Else | Tok::Except | Tok::Finally)
            );
            if !continues {
                chunks.push(start..i + 1);
                start = i + 1;
            }
        }
    }
    if start < toks.len() {
        chunks.push(start..toks.len());
    }
    chunks
}
