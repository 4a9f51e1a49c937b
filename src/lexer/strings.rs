//! String literals: finding where one ends (including PEP 701 f-strings,
//! whose replacement fields may contain any string, even with the same quote)
//! and turning it into a token.

use super::escapes::{decode_bytes_body, decode_string_body};
use super::raw::Raw;
use super::token::Tok;
use crate::ast::Span;
use crate::diagnostics::SyntaxError;
use logos::Lexer;

/// Deeper nesting of replacement fields is refused rather than risking the
/// scanner's (recursive) stack; CPython's own limit is lower still.
const MAX_FIELD_DEPTH: usize = 150;

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

impl Prefix {
    pub(crate) fn parse(p: &str) -> Option<Prefix> {
        let mut out = Prefix::default();
        for c in p.chars() {
            match c.to_ascii_lowercase() {
                'r' => out.raw = true,
                'b' => out.bytes = true,
                'f' => out.fstring = true,
                'u' if p.len() == 1 => {}
                _ => return None,
            }
        }
        if p.len() > 2 || (out.bytes && out.fstring) || (p.len() == 2 && !out.raw) {
            return None;
        }
        Some(out)
    }
}

/// How a scan ended: `Ok(end)` is the offset just past the closing quote.
type Scan = Result<usize, ScanError>;

#[derive(Debug)]
pub(crate) enum ScanError {
    /// Reached a line end (single-quoted) or the end of input; `at` is where.
    Unterminated { at: usize },
    /// Some other error (already recorded); the literal ends at `resume`.
    Reported { resume: usize },
}

pub(crate) struct Scanner<'a> {
    b: &'a [u8],
    depth: usize,
    pub errors: Vec<SyntaxError>,
}

fn is_line_end(c: u8) -> bool {
    c == b'\n' || c == b'\r'
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Scanner {
            b: src.as_bytes(),
            depth: 0,
            errors: Vec::new(),
        }
    }

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn closes(&self, i: usize, quote: u8, triple: bool) -> Option<usize> {
        if self.at(i) != quote {
            return None;
        }
        if !triple {
            return Some(i + 1);
        }
        (self.at(i + 1) == quote && self.at(i + 2) == quote).then_some(i + 3)
    }

    /// Length of the backslash escape at `i` as far as finding the end of
    /// the literal is concerned (decoding happens later).
    fn escape_len(&self, i: usize) -> usize {
        match (self.at(i + 1), self.at(i + 2)) {
            (b'\r', b'\n') => 3,
            _ if i + 1 >= self.b.len() => 1,
            _ => 2,
        }
    }

    /// Scans the body of a plain (non-f) literal starting at `i`.
    pub(crate) fn plain(&self, mut i: usize, quote: u8, triple: bool) -> Scan {
        while i < self.b.len() {
            let c = self.b[i];
            if c == b'\\' {
                i += self.escape_len(i);
            } else if let Some(end) = self.closes(i, quote, triple) {
                return Ok(end);
            } else if !triple && is_line_end(c) {
                return Err(ScanError::Unterminated { at: i });
            } else {
                i += 1;
            }
        }
        Err(ScanError::Unterminated { at: self.b.len() })
    }

    fn err(&mut self, msg: &str, at: usize) {
        let at = at.min(self.b.len());
        self.errors.push(SyntaxError::new(
            msg,
            Span::new(at, (at + 1).min(self.b.len()).max(at)),
        ));
    }

    /// Scans the body of an f-string starting at `i`: literal text, `{{`/`}}`
    /// escapes and replacement fields.
    pub(crate) fn fstring(&mut self, mut i: usize, quote: u8, triple: bool, raw: bool) -> Scan {
        while i < self.b.len() {
            let c = self.b[i];
            match c {
                // `\{` is a backslash followed by a field, not an escaped brace.
                b'\\' if matches!(self.at(i + 1), b'{' | b'}') => i += 1,
                b'\\' if !raw && self.at(i + 1) == b'N' && self.at(i + 2) == b'{' => {
                    i += 3;
                    while i < self.b.len()
                        && !matches!(self.b[i], b'}' | b'\n' | b'\r')
                        && self.b[i] != quote
                    {
                        i += 1;
                    }
                    if self.at(i) == b'}' {
                        i += 1;
                    }
                }
                b'\\' => i += self.escape_len(i),
                b'{' if self.at(i + 1) == b'{' => i += 2,
                b'}' if self.at(i + 1) == b'}' => i += 2,
                b'{' => i = self.field(i + 1, quote, triple)?,
                b'}' => {
                    self.err("f-string: single '}' is not allowed", i);
                    i += 1;
                }
                _ => {
                    if let Some(end) = self.closes(i, quote, triple) {
                        return Ok(end);
                    }
                    if !triple && is_line_end(c) {
                        return Err(ScanError::Unterminated { at: i });
                    }
                    i += 1;
                }
            }
        }
        Err(ScanError::Unterminated { at: self.b.len() })
    }

    /// Scans a replacement field from just after its `{` to just after its
    /// `}`. Line ends and comments are allowed here, even in single-quoted
    /// f-strings (PEP 701).
    fn field(&mut self, i: usize, quote: u8, triple: bool) -> Scan {
        if self.depth >= MAX_FIELD_DEPTH {
            self.err("f-string: expressions nested too deeply", i);
            return Err(ScanError::Reported {
                resume: self.b.len(),
            });
        }
        self.depth += 1;
        let r = self.field_inner(i, quote, triple);
        self.depth -= 1;
        r
    }

    fn field_inner(&mut self, mut i: usize, quote: u8, triple: bool) -> Scan {
        // Where the field's `{` and the brackets open inside it are.
        let open = i.saturating_sub(1);
        let mut brackets: Vec<usize> = Vec::new();
        while i < self.b.len() {
            let c = self.b[i];
            match c {
                b'(' | b'[' | b'{' => {
                    brackets.push(i);
                    i += 1;
                }
                b')' | b']' => {
                    brackets.pop();
                    i += 1;
                }
                b'}' if brackets.is_empty() => return Ok(i + 1),
                b'}' => {
                    brackets.pop();
                    i += 1;
                }
                b'#' => {
                    while i < self.b.len() && !is_line_end(self.b[i]) {
                        i += 1;
                    }
                }
                b':' if brackets.is_empty() => {
                    return self.format_spec(i + 1, quote, triple, open);
                }
                b'\'' | b'"' => i = self.nested(i, i, Prefix::default(), quote, triple)?,
                c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                    let start = i;
                    while i < self.b.len()
                        && (self.b[i].is_ascii_alphanumeric()
                            || self.b[i] == b'_'
                            || self.b[i] >= 0x80)
                    {
                        i += 1;
                    }
                    if matches!(self.at(i), b'\'' | b'"') {
                        let word = std::str::from_utf8(&self.b[start..i]).unwrap_or("");
                        if let Some(p) = Prefix::parse(word) {
                            i = self.nested(start, i, p, quote, triple)?;
                        }
                    }
                }
                b'\\' => i += self.escape_len(i),
                _ => i += 1,
            }
        }
        self.never_closed(brackets.last().copied().unwrap_or(open));
        Err(ScanError::Reported { resume: i })
    }

    /// The input ended inside a replacement field: CPython reports the
    /// innermost bracket (or the field's `{`) as never closed.
    fn never_closed(&mut self, at: usize) {
        let c = char::from(self.at(at));
        self.err(&format!("'{c}' was never closed"), at);
    }

    /// A string literal inside a replacement field; `q` is its opening
    /// quote, `outer` / `outer_triple` the enclosing f-string's.
    fn nested(&mut self, start: usize, q: usize, p: Prefix, outer: u8, outer_triple: bool) -> Scan {
        let quote = self.b[q];
        let triple = self.at(q + 1) == quote && self.at(q + 2) == quote;
        let body = if triple { q + 3 } else { q + 1 };
        let r = if p.fstring {
            self.fstring(body, quote, triple, p.raw)
        } else {
            self.plain(body, quote, triple)
        };
        match r {
            Ok(end) => Ok(end),
            Err(ScanError::Unterminated { at }) => {
                if quote == outer && triple == outer_triple {
                    // The quote ends the enclosing f-string: a `}` is missing.
                    self.err("f-string: expecting '}'", q);
                    let quote_len = if triple { 3 } else { 1 };
                    return Err(ScanError::Reported {
                        resume: q + quote_len,
                    });
                }
                let at = at.min(self.b.len());
                let line = self.b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
                let kind = if p.fstring { "f-string" } else { "string" };
                let triple_word = if triple { "triple-quoted " } else { "" };
                let msg =
                    format!("unterminated {triple_word}{kind} literal (detected at line {line})");
                self.err(&msg, start);
                Err(ScanError::Reported { resume: at })
            }
            Err(e) => Err(e),
        }
    }

    /// Scans a format spec (after `:`) up to and including the field's `}`.
    /// `open` is the field's `{`.
    fn format_spec(&mut self, mut i: usize, quote: u8, triple: bool, open: usize) -> Scan {
        while i < self.b.len() {
            let c = self.b[i];
            match c {
                b'{' => i = self.field(i + 1, quote, triple)?,
                b'}' => return Ok(i + 1),
                b'\\' => i += self.escape_len(i),
                _ => {
                    if let Some(end) = self.closes(i, quote, triple) {
                        self.err("f-string: expecting '}', or format specs", i);
                        return Err(ScanError::Reported { resume: end });
                    }
                    i += 1;
                }
            }
        }
        self.never_closed(open);
        Err(ScanError::Reported { resume: i })
    }
}

/// Logos callback for every string literal, from its prefix to its end.
pub(crate) fn lex_string(lex: &mut Lexer<'_, Raw>) -> Tok {
    let span = lex.span();
    let src = lex.source();
    let opener = lex.slice();
    let prefix_text = &opener[..opener.len() - 1];
    // The raw pattern only admits valid prefixes.
    let prefix = Prefix::parse(prefix_text).unwrap_or_default();
    let quote = opener.as_bytes()[opener.len() - 1];
    let mut scanner = Scanner::new(src);
    let triple = scanner.at(span.end) == quote && scanner.at(span.end + 1) == quote;
    let body_start = if triple { span.end + 2 } else { span.end };
    let scan = if prefix.fstring {
        scanner.fstring(body_start, quote, triple, prefix.raw)
    } else {
        scanner.plain(body_start, quote, triple)
    };
    lex.extras.errors.append(&mut scanner.errors);
    let end = match scan {
        Ok(end) => end,
        Err(ScanError::Unterminated { at }) => {
            let kind = if prefix.fstring { "f-string" } else { "string" };
            let line = if triple {
                lex.extras.unterminated_triple = true;
                // A final line end does not start a line of its own.
                let trailing = src.ends_with('\n') || src.ends_with('\r');
                lex.extras.lines.line_at(src, src.len()) - usize::from(trailing)
            } else {
                lex.extras.lines.line_at(src, at)
            };
            let triple_word = if triple { "triple-quoted " } else { "" };
            let msg = format!("unterminated {triple_word}{kind} literal (detected at line {line})");
            let opener_span = Span::new(span.start, body_start);
            lex.extras.errors.push(SyntaxError::new(msg, opener_span));
            bump_to(lex, at);
            return Tok::Str(String::new());
        }
        Err(ScanError::Reported { resume }) => {
            // A replacement field still open at the end may yet be closed by more REPL input.
            lex.extras.unterminated_triple |= triple && resume >= src.len();
            bump_to(lex, resume);
            return Tok::Str(String::new());
        }
    };
    bump_to(lex, end);
    let quote_len = if triple { 3 } else { 1 };
    let body = &src[body_start..end - quote_len];
    if prefix.fstring {
        return Tok::FString {
            body: body.to_string(),
            body_start,
            raw: prefix.raw,
        };
    }
    if prefix.bytes {
        if !body.is_ascii() {
            let msg = "bytes can only contain ASCII literal characters";
            lex.extras
                .errors
                .push(SyntaxError::new(msg, Span::new(span.start, end)));
            return Tok::Bytes(Vec::new());
        }
        return match decode_bytes_body(body, prefix.raw, body_start) {
            Ok(v) => Tok::Bytes(v),
            Err(e) => {
                lex.extras.errors.push(e);
                Tok::Bytes(Vec::new())
            }
        };
    }
    match decode_string_body(body, prefix.raw, false, body_start) {
        Ok(s) => Tok::Str(s),
        Err(e) => {
            lex.extras.errors.push(e);
            Tok::Str(String::new())
        }
    }
}

/// Moves the logos cursor to absolute offset `to`, never backwards and never
/// off a char boundary.
fn bump_to(lex: &mut Lexer<'_, Raw>, to: usize) {
    let src = lex.source();
    let mut to = to.min(src.len());
    while !src.is_char_boundary(to) {
        to += 1;
    }
    let cur = lex.span().end;
    if to > cur {
        lex.bump(to - cur);
    }
}
