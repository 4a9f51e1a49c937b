//! The layout pass: turns raw tokens into the parser's stream, adding
//! NEWLINE / INDENT / DEDENT the way CPython's tokenizer does and checking
//! that brackets match.

use super::lines::LineCounter;
use super::raw::{Extras, Raw};
use super::token::Tok;
use crate::ast::Span;
use crate::diagnostics::{SyntaxError, SyntaxKind};
use logos::Logos;

/// CPython's `MAXLEVEL`.
const MAX_BRACKET_DEPTH: usize = 200;
const TAB_SIZE: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Module,
    /// A replacement-field expression: as if inside parentheses.
    Expression,
}

/// What the REPL needs to know about where the input stopped.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pub open_brackets: usize,
    pub unterminated_triple: bool,
    pub trailing_backslash: bool,
}

pub(crate) struct Output {
    pub toks: Vec<(Tok, Span)>,
    pub errors: Vec<SyntaxError>,
    pub summary: Summary,
}

struct Layout<'s> {
    src: &'s str,
    mode: Mode,
    toks: Vec<(Tok, Span)>,
    errors: Vec<SyntaxError>,
    /// Indentation levels as (column with tabs to 8, column with tabs to 1);
    /// comparing both is how CPython detects ambiguous tab use.
    indents: Vec<(usize, usize)>,
    /// Open brackets with the line each was opened on.
    brackets: Vec<(Tok, Span, usize)>,
    line_start: usize,
    line_has_tokens: bool,
    nesting_reported: bool,
    lines: LineCounter,
}

pub(crate) fn run(src: &str, mode: Mode) -> Output {
    let mut lexer = Raw::lexer_with_extras(src, Extras::default());
    // CPython ignores a UTF-8 byte order mark at the start of a file.
    if src.starts_with('\u{FEFF}') {
        lexer.bump('\u{FEFF}'.len_utf8());
    }
    let mut lay = Layout {
        src,
        mode,
        toks: Vec::with_capacity(src.len() / 4),
        errors: Vec::new(),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        line_start: lexer.span().end,
        line_has_tokens: false,
        nesting_reported: false,
        lines: LineCounter::default(),
    };
    if let Some(at) = src.bytes().position(|b| b == 0) {
        lay.errors.push(SyntaxError::new(
            "source code cannot contain null bytes",
            Span::new(at, at + 1),
        ));
    }
    while let Some(item) = lexer.next() {
        let span = Span::new(lexer.span().start, lexer.span().end);
        // Callbacks record errors as they go; keep them in source order.
        lay.errors.append(&mut lexer.extras.errors);
        match item {
            Ok(Raw::Newline) => lay.newline(span),
            Ok(Raw::Comment | Raw::Continuation | Raw::Invalid) => {}
            Ok(Raw::Tok(tok)) => lay.token(tok, span),
            Err(()) => lay.errors.push(SyntaxError::new("invalid syntax", span)),
        }
    }
    lay.errors.append(&mut lexer.extras.errors);
    let extras = &lexer.extras;
    if extras.trailing_backslash
        && !lay
            .errors
            .iter()
            .any(|e| e.message == "unexpected EOF while parsing")
    {
        // CPython points just past the backslash.
        let at = src.trim_end().len();
        lay.errors.push(SyntaxError::new(
            "unexpected EOF while parsing",
            Span::new(at, at),
        ));
    }
    let summary = Summary {
        open_brackets: lay.brackets.len(),
        unterminated_triple: extras.unterminated_triple,
        trailing_backslash: extras.trailing_backslash,
    };
    lay.finish();
    Output {
        toks: lay.toks,
        errors: lay.errors,
        summary,
    }
}

impl Layout<'_> {
    fn newline(&mut self, span: Span) {
        if self.mode == Mode::Expression || !self.brackets.is_empty() {
            return;
        }
        if self.line_has_tokens {
            self.toks.push((Tok::Newline, span));
            self.line_has_tokens = false;
        }
        self.line_start = span.end;
    }

    fn token(&mut self, tok: Tok, span: Span) {
        if self.mode == Mode::Module && !self.line_has_tokens && self.brackets.is_empty() {
            self.indent(span.start);
        }
        self.line_has_tokens = true;
        match tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH && !self.nesting_reported {
                    self.nesting_reported = true;
                    self.errors
                        .push(SyntaxError::new("too many nested parentheses", span));
                }
                let line = self.lines.line_at(self.src, span.start);
                self.brackets.push((tok.clone(), span, line));
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => self.close(&tok, span),
            _ => {}
        }
        self.toks.push((tok, span));
    }

    fn close(&mut self, tok: &Tok, span: Span) {
        let Some((open, open_span, open_line)) = self.brackets.last().cloned() else {
            self.errors.push(SyntaxError::new(
                format!("unmatched '{}'", bracket_char(tok)),
                span,
            ));
            return;
        };
        if pairs(&open, tok) {
            self.brackets.pop();
            return;
        }
        let mut msg = format!(
            "closing parenthesis '{}' does not match opening parenthesis '{}'",
            bracket_char(tok),
            bracket_char(&open)
        );
        if open_line != self.lines.line_at(self.src, span.start) {
            msg.push_str(&format!(" on line {open_line}"));
        }
        self.errors
            .push(SyntaxError::new(msg, span).with_secondary(open_span, "opened here"));
        // Recover as if the unclosed inner brackets had been closed too, so
        // one typo yields one error rather than a cascade.
        let outer = self.brackets.iter().rposition(|(o, _, _)| pairs(o, tok));
        self.brackets
            .truncate(outer.unwrap_or(self.brackets.len() - 1));
    }

    /// Compares the indentation of a new logical line, whose first token
    /// starts at `at`, with the enclosing levels.
    fn indent(&mut self, at: usize) {
        let (mut col, mut alt) = (0usize, 0usize);
        for c in self.src.as_bytes()[self.line_start.min(at)..at].iter() {
            match c {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                // Form feeds (and anything odd, such as a continuation
                // backslash at the start of a line) restart the count.
                _ => {
                    col = 0;
                    alt = 0;
                }
            }
        }
        let here = Span::new(at, at);
        // CPython reports a TabError at the start of the line.
        let line_start = self.line_start.min(at);
        let tab_error = || {
            SyntaxError::new(
                "inconsistent use of tabs and spaces in indentation",
                Span::new(line_start, line_start),
            )
            .with_kind(SyntaxKind::TabError)
        };
        let (top, alt_top) = self.indents.last().copied().unwrap_or((0, 0));
        if col == top {
            if alt != alt_top {
                self.errors.push(tab_error());
            }
        } else if col > top {
            if alt <= alt_top {
                self.errors.push(tab_error());
            }
            self.indents.push((col, alt));
            self.toks
                .push((Tok::Indent, Span::new(self.line_start.min(at), at)));
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.toks.push((Tok::Dedent, here));
            }
            let (top, alt_top) = self.indents.last().copied().unwrap_or((0, 0));
            if col != top {
                let msg = "unindent does not match any outer indentation level";
                // CPython points at the end of the (physical) line.
                let eol = self.src[at..]
                    .find(['\r', '\n'])
                    .map_or(self.src.len(), |n| at + n);
                self.errors.push(
                    SyntaxError::new(msg, Span::new(eol, eol))
                        .with_kind(SyntaxKind::IndentationError),
                );
            } else if alt != alt_top {
                self.errors.push(tab_error());
            }
        }
    }

    fn finish(&mut self) {
        let end = Span::new(self.src.len(), self.src.len());
        if let Some((open, span, _)) = self.brackets.last() {
            let msg = format!("'{}' was never closed", bracket_char(open));
            self.errors.push(SyntaxError::new(msg, *span));
        }
        if self.mode == Mode::Expression {
            return;
        }
        if self.line_has_tokens {
            self.toks.push((Tok::Newline, end));
        }
        for _ in 1..self.indents.len() {
            self.toks.push((Tok::Dedent, end));
        }
        self.indents.truncate(1);
    }
}

fn pairs(open: &Tok, close: &Tok) -> bool {
    matches!(
        (open, close),
        (Tok::LParen, Tok::RParen) | (Tok::LBracket, Tok::RBracket) | (Tok::LBrace, Tok::RBrace)
    )
}

fn bracket_char(t: &Tok) -> char {
    match t {
        Tok::LParen => '(',
        Tok::RParen => ')',
        Tok::LBracket => '[',
        Tok::RBracket => ']',
        Tok::LBrace => '{',
        _ => '}',
    }
}
