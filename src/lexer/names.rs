//! Identifiers and keywords.

use super::raw::Raw;
use super::token::Tok;
use crate::ast::Span;
use crate::diagnostics::SyntaxError;
use logos::Lexer;

/// Hard keywords only: `match`, `case`, `type` and `_` are soft keywords and
/// stay names so that they remain usable as identifiers.
pub(crate) fn keyword(word: &str) -> Option<Tok> {
    Some(match word {
        "False" => Tok::False,
        "None" => Tok::None,
        "True" => Tok::True,
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "async" => Tok::Async,
        "await" => Tok::Await,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "nonlocal" => Tok::Nonlocal,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}

/// Logos callback. The raw pattern accepts every non-ASCII character so that
/// one token covers a whole identifier; the characters Python would reject are
/// reported here, with CPython's wording.
pub(crate) fn name(lex: &mut Lexer<'_, Raw>) -> Tok {
    let text = lex.slice();
    if let Some(kw) = keyword(text) {
        return kw;
    }
    if !text.is_ascii() {
        let start = lex.span().start;
        for (i, c) in text.char_indices() {
            if !is_ident_char(c) {
                let at = Span::new(start + i, start + i + c.len_utf8());
                lex.extras.errors.push(invalid_char(c, at));
                break;
            }
        }
    }
    Tok::Name(text.to_string())
}

/// Approximates XID_Continue; the standard library has no XID tables.
fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric() || is_combining_mark(c)
}

/// The common combining-mark blocks, so decomposed accents are accepted.
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// CPython's message for a character that cannot start or continue a token.
pub(crate) fn invalid_char(c: char, at: Span) -> SyntaxError {
    let code = c as u32;
    if c == '\0' {
        SyntaxError::new("source code cannot contain null bytes", at)
    } else if c.is_control() || c.is_whitespace() || matches!(code, 0x200B..=0x200F | 0xFEFF) {
        SyntaxError::new(format!("invalid non-printable character U+{code:04X}"), at)
    } else {
        SyntaxError::new(format!("invalid character '{c}' (U+{code:04X})"), at)
    }
}
