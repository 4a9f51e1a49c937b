//! The raw scan: logos splits the source into tokens, comments, line ends and
//! continuation backslashes. Literals are scanned and decoded by callbacks;
//! the layout pass then turns line structure into NEWLINE/INDENT/DEDENT.

use super::lines::LineCounter;
use super::names::{self, invalid_char};
use super::token::Tok;
use super::{numbers, strings};
use crate::ast::Span;
use crate::diagnostics::SyntaxError;
use logos::{Lexer, Logos, Skip};

#[derive(Debug, Default)]
pub(crate) struct Extras {
    pub errors: Vec<SyntaxError>,
    /// Set when input ends inside a triple-quoted string (the REPL waits).
    pub unterminated_triple: bool,
    /// Set when input ends right after a backslash (the REPL waits).
    pub trailing_backslash: bool,
    pub lines: LineCounter,
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(extras = Extras)]
#[logos(skip r"[ \t\x0C]+")]
pub(crate) enum Raw {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    /// A backslash that joins two physical lines.
    #[regex(r"\\(\r\n|\n|\r)", continuation)]
    Continuation,
    #[token("\\", stray_backslash)]
    #[regex(r"[\x00-\x08\x0B\x0E-\x1F\x7F$?!`]", invalid)]
    Invalid,

    // Every non-ASCII character is accepted here so that one token covers a
    // whole identifier; `names::name` reports the characters Python rejects.
    #[regex(
        r"[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z0-9_\x{80}-\x{10FFFF}]*",
        names::name
    )]
    #[regex(r"[0-9]|\.[0-9]", numbers::lex_number)]
    #[regex(r#"([rRuUbBfF]|[rR][bBfF]|[bBfF][rR])?["']"#, strings::lex_string)]
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("**", |_| Tok::DoubleStar)]
    #[token("/", |_| Tok::Slash)]
    #[token("//", |_| Tok::DoubleSlash)]
    #[token("%", |_| Tok::Percent)]
    #[token("@", |_| Tok::At)]
    #[token("<<", |_| Tok::LShift)]
    #[token(">>", |_| Tok::RShift)]
    #[token("&", |_| Tok::Amp)]
    #[token("|", |_| Tok::Pipe)]
    #[token("^", |_| Tok::Caret)]
    #[token("~", |_| Tok::Tilde)]
    #[token(":=", |_| Tok::Walrus)]
    #[token("<", |_| Tok::Lt)]
    #[token(">", |_| Tok::Gt)]
    #[token("<=", |_| Tok::Le)]
    #[token(">=", |_| Tok::Ge)]
    #[token("==", |_| Tok::EqEq)]
    #[token("!=", |_| Tok::NotEq)]
    #[token("(", |_| Tok::LParen)]
    #[token(")", |_| Tok::RParen)]
    #[token("[", |_| Tok::LBracket)]
    #[token("]", |_| Tok::RBracket)]
    #[token("{", |_| Tok::LBrace)]
    #[token("}", |_| Tok::RBrace)]
    #[token(",", |_| Tok::Comma)]
    #[token(":", |_| Tok::Colon)]
    #[token(".", |_| Tok::Dot)]
    #[token(";", |_| Tok::Semi)]
    #[token("=", |_| Tok::Assign)]
    #[token("->", |_| Tok::Arrow)]
    #[token("...", |_| Tok::Ellipsis)]
    #[token("+=", |_| Tok::PlusEq)]
    #[token("-=", |_| Tok::MinusEq)]
    #[token("*=", |_| Tok::StarEq)]
    #[token("/=", |_| Tok::SlashEq)]
    #[token("//=", |_| Tok::DoubleSlashEq)]
    #[token("%=", |_| Tok::PercentEq)]
    #[token("@=", |_| Tok::AtEq)]
    #[token("&=", |_| Tok::AmpEq)]
    #[token("|=", |_| Tok::PipeEq)]
    #[token("^=", |_| Tok::CaretEq)]
    #[token("<<=", |_| Tok::LShiftEq)]
    #[token(">>=", |_| Tok::RShiftEq)]
    #[token("**=", |_| Tok::DoubleStarEq)]
    Tok(Tok),
}

fn continuation(lex: &mut Lexer<'_, Raw>) {
    lex.extras.trailing_backslash = lex.remainder().is_empty();
}

fn stray_backslash(lex: &mut Lexer<'_, Raw>) -> Skip {
    let mut span = Span::new(lex.span().start, lex.span().end);
    let msg = if lex.remainder().is_empty() {
        lex.extras.trailing_backslash = true;
        // CPython points just past the backslash.
        span = Span::new(span.end, span.end);
        "unexpected EOF while parsing"
    } else {
        "unexpected character after line continuation character"
    };
    lex.extras.errors.push(SyntaxError::new(msg, span));
    Skip
}

fn invalid(lex: &mut Lexer<'_, Raw>) -> Skip {
    let span = Span::new(lex.span().start, lex.span().end);
    let c = lex.slice().chars().next().unwrap_or('\0');
    if c == '\0' {
        // `layout::run` reports null bytes once for the whole file, as CPython does.
        return Skip;
    }
    let err = if matches!(c, '$' | '?' | '!' | '`') {
        SyntaxError::new("invalid syntax", span)
    } else {
        invalid_char(c, span)
    };
    lex.extras.errors.push(err);
    Skip
}
