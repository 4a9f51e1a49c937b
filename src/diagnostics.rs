//! Compile-time errors (lexing, parsing, compiling) and their ariadne reports.

use crate::ast::Span;
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

/// The Python exception class a compile error corresponds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxKind::SyntaxError => "SyntaxError",
            SyntaxKind::IndentationError => "IndentationError",
            SyntaxKind::TabError => "TabError",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxKind,
    /// The headline, worded like CPython's where it has one (`invalid syntax`,
    /// `'(' was never closed`, `expected ':'`).
    pub message: String,
    pub span: Span,
    /// Text attached to the span in the report.
    pub label: String,
    /// A second place worth pointing at (e.g. the unclosed opener).
    pub secondary: Option<(Span, String)>,
    pub hint: Option<String>,
    /// Set where the error belongs at the first token at or after
    /// `span.start` (the parser knows the tokens; the rule raising it,
    /// such as a `case` pattern's, does not).
    pub at_next_token: Option<NextToken>,
}

/// Which token a [`SyntaxError::at_next_token`] error points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextToken {
    /// The first token at or after the position.
    First,
    /// The first one after an optional comma there.
    PastComma,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span) -> Self {
        let message = message.into();
        SyntaxError {
            kind: SyntaxKind::SyntaxError,
            label: message.clone(),
            message,
            span,
            secondary: None,
            hint: None,
            at_next_token: None,
        }
    }
    /// The error moves to the token at or after `span.start` (see
    /// [`SyntaxError::at_next_token`]).
    pub fn at_next_token(mut self, which: NextToken) -> Self {
        self.at_next_token = Some(which);
        self
    }
    pub fn with_kind(mut self, kind: SyntaxKind) -> Self {
        self.kind = kind;
        self
    }
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Self {
        self.secondary = Some((span, label.into()));
        self
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Renders every error as an ariadne report, followed by a CPython-style
/// last line (`SyntaxError: message`) so tools that read the final line of
/// stderr see the same thing CPython prints.
pub fn render(file: &str, src: &str, errors: &[SyntaxError], color: bool) -> String {
    let mut out = Vec::new();
    for err in errors {
        let clamp = |s: Span| char_aligned(src, s);
        let (line, col) = line_col(src, err.span.start);
        let mut report = Report::build(ReportKind::Error, (file, clamp(err.span)))
            .with_config(
                Config::default()
                    .with_index_type(IndexType::Byte)
                    .with_color(color),
            )
            .with_message(format!(
                "{}: {} (line {line}, column {col})",
                err.kind.name(),
                err.message
            ))
            .with_label(
                Label::new((file, clamp(err.span)))
                    .with_message(&err.label)
                    .with_color(Color::Red),
            );
        if let Some((span, text)) = &err.secondary {
            report = report.with_label(
                Label::new((file, clamp(*span)))
                    .with_message(text)
                    .with_color(Color::Yellow),
            );
        }
        if let Some(hint) = &err.hint {
            report = report.with_help(hint);
        }
        // Writing into a Vec cannot fail; a failure would only lose the pretty part.
        let _ = report.finish().write((file, Source::from(src)), &mut out);
    }
    let mut text = String::from_utf8_lossy(&out).into_owned();
    if let Some(first) = errors.first() {
        text.push_str(&format!("{}: {}\n", first.kind.name(), first.message));
    }
    text
}

/// A span clamped to the source and widened to whole characters: ariadne slices
/// the text by these offsets, and a span that ends inside a multi-byte
/// character (a lexer error right before `é`) must not make it panic.
pub fn char_aligned(src: &str, span: Span) -> std::ops::Range<usize> {
    let mut start = span.start.min(src.len());
    while !src.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, src.len());
    while !src.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
