//! Source text → tokens with byte spans.
pub(crate) mod charnames;
mod escapes;
mod incomplete;
mod layout;
mod lines;
mod names;
mod numbers;
mod raw;
mod strings;
#[cfg(test)]
mod tests;
pub mod token;

use crate::ast::Span;
use crate::diagnostics::SyntaxError;
pub use escapes::{decode_bytes_body, decode_string_body};
pub use incomplete::is_incomplete;
use layout::Mode;
pub use token::Tok;

/// Lexes a whole module. Returns every token it could make (ending with a
/// final `Newline` and the closing `Dedent`s) and every error found.
pub fn lex(src: &str) -> (Vec<(Tok, Span)>, Vec<SyntaxError>) {
    let out = layout::run(src, Mode::Module);
    (out.toks, out.errors)
}

/// Lexes the expression of an f-string replacement field as if it were
/// inside parentheses (line ends are whitespace, no NEWLINE/INDENT/DEDENT).
/// `base` is the fragment's offset in the file; every span, and the
/// `body_start` of nested f-strings, is shifted by it.
pub fn lex_expression(src: &str, base: usize) -> (Vec<(Tok, Span)>, Vec<SyntaxError>) {
    let out = layout::run(src, Mode::Expression);
    let shift = |s: Span| Span::new(s.start + base, s.end + base);
    let toks = out
        .toks
        .into_iter()
        .map(|(tok, span)| {
            let tok = match tok {
                Tok::FString {
                    body,
                    body_start,
                    raw,
                } => Tok::FString {
                    body,
                    body_start: body_start + base,
                    raw,
                },
                other => other,
            };
            (tok, shift(span))
        })
        .collect();
    let errors = out
        .errors
        .into_iter()
        .map(|mut e| {
            e.span = shift(e.span);
            e.secondary = e.secondary.map(|(s, l)| (shift(s), l));
            e
        })
        .collect();
    (toks, errors)
}
