//! Numeric literals, following CPython's tokenizer: where a literal ends,
//! which malformed spellings are errors, and their messages.

use super::raw::Raw;
use super::token::Tok;
use crate::ast::Span;
use crate::diagnostics::SyntaxError;
use logos::Lexer;
use num_bigint::BigInt;

/// CPython refuses to convert longer decimal literals (`sys.int_info.default_max_str_digits`).
const MAX_STR_DIGITS: usize = 4300;

/// Logos callback: the pattern only matched the first character(s); the
/// rest is scanned by hand because the grammar has context (`1else`, `1e5`).
pub(crate) fn lex_number(lex: &mut Lexer<'_, Raw>) -> Tok {
    let start = lex.span().start;
    let rest = lex.source().get(start..).unwrap_or("");
    let (len, result) = scan(rest);
    lex.bump(len.saturating_sub(lex.span().len()));
    match result {
        Ok(tok) => tok,
        Err((msg, at)) => {
            let span = Span::new(start + at.start, start + at.end);
            lex.extras.errors.push(SyntaxError::new(msg, span));
            Tok::Int(BigInt::from(0))
        }
    }
}

type NumResult = Result<Tok, (String, std::ops::Range<usize>)>;

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Whether a byte right after a number makes the literal malformed. As in
/// CPython's tokenizer only ASCII counts: `1é` is a number and then a name,
/// which the parser reports as "invalid syntax".
fn glued_to_number(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Consumes `digit (_? digit)*` starting at `i`; returns the end and whether an
/// underscore was left without a following digit.
fn digits(b: &[u8], mut i: usize, is_digit: impl Fn(u8) -> bool) -> (usize, bool) {
    while i < b.len() {
        if is_digit(b[i]) {
            i += 1;
        } else if b[i] == b'_' && i > 0 && is_digit(b[i - 1]) {
            if i + 1 < b.len() && is_digit(b[i + 1]) {
                i += 1;
            } else {
                return (i + 1, true);
            }
        } else {
            break;
        }
    }
    (i, false)
}

/// Skips the rest of a malformed literal so it does not also produce a name.
fn skip_junk(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && (is_ident_byte(b[i]) || b[i] == b'.') {
        i += 1;
    }
    // Never stop inside a UTF-8 sequence.
    while i < b.len() && (b[i] & 0xC0) == 0x80 {
        i += 1;
    }
    i
}

/// CPython accepts `1if x else 2` (with a warning): a number may be directly
/// followed by one of these keywords.
fn keyword_follows(rest: &[u8]) -> bool {
    ["and", "else", "for", "if", "in", "is", "not", "or"]
        .iter()
        .any(|k| rest.starts_with(k.as_bytes()))
}

/// Scans one literal at the start of `s`; returns its length and value.
pub(crate) fn scan(s: &str) -> (usize, NumResult) {
    let b = s.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        let radix = match b[1] {
            b'x' | b'X' => Some((16, "hexadecimal")),
            b'o' | b'O' => Some((8, "octal")),
            b'b' | b'B' => Some((2, "binary")),
            _ => None,
        };
        if let Some((radix, word)) = radix {
            return scan_radix(b, radix, word);
        }
    }
    scan_decimal(s)
}

fn scan_radix(b: &[u8], radix: u32, word: &str) -> (usize, NumResult) {
    let is_digit = |c: u8| (c as char).is_digit(radix);
    let mut i = 2;
    if i < b.len() && b[i] == b'_' {
        i += 1;
    }
    let first = i;
    let (end, dangling) = digits(b, i, is_digit);
    let invalid = |at: usize| {
        let msg = match b.get(at) {
            Some(&c) if radix < 10 && c.is_ascii_digit() => {
                format!("invalid digit '{}' in {word} literal", c as char)
            }
            _ => format!("invalid {word} literal"),
        };
        (skip_junk(b, at), Err((msg, at..at + 1)))
    };
    if end == first || dangling {
        return invalid(if dangling { end - 1 } else { end });
    }
    if end < b.len() && glued_to_number(b[end]) && !keyword_follows(&b[end..]) {
        return invalid(end);
    }
    let clean: Vec<u8> = b[first..end]
        .iter()
        .copied()
        .filter(|&c| c != b'_')
        .collect();
    match BigInt::parse_bytes(&clean, radix) {
        Some(v) => (end, Ok(Tok::Int(v))),
        None => (end, Err((format!("invalid {word} literal"), 0..end))),
    }
}

fn scan_decimal(s: &str) -> (usize, NumResult) {
    let b = s.as_bytes();
    let dec = |c: u8| c.is_ascii_digit();
    let bad = |at: usize, what: &str| {
        let msg = format!("invalid {what} literal");
        (skip_junk(b, at), Err((msg, at..at + 1)))
    };
    let (mut i, dangling) = digits(b, 0, dec);
    if dangling {
        return bad(i - 1, "decimal");
    }
    let int_end = i;
    let mut is_float = false;
    if i < b.len() && b[i] == b'.' {
        is_float = true;
        i += 1;
        if i < b.len() && dec(b[i]) {
            let (end, dangling) = digits(b, i, dec);
            if dangling {
                return bad(end - 1, "decimal");
            }
            i = end;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && dec(b[j]) {
            let (end, dangling) = digits(b, j, dec);
            if dangling {
                return bad(end - 1, "decimal");
            }
            i = end;
            is_float = true;
        } else if j > i + 1 || !keyword_follows(&b[i..]) {
            // `1e` and `1e+` are malformed exponents; `1else` is a number and a keyword.
            return bad(j.min(b.len().saturating_sub(1)).max(i), "decimal");
        }
    }
    let mut imag = false;
    if i < b.len() && (b[i] == b'j' || b[i] == b'J') {
        imag = true;
        i += 1;
    }
    if i < b.len() && glued_to_number(b[i]) && !keyword_follows(&b[i..]) {
        return bad(i, if imag { "imaginary" } else { "decimal" });
    }
    let text: String = s[..i].chars().filter(|&c| c != '_').collect();
    if imag || is_float {
        let body = text.trim_end_matches(['j', 'J']);
        return match body.parse::<f64>() {
            Ok(v) if imag => (i, Ok(Tok::Imag(v))),
            Ok(v) => (i, Ok(Tok::Float(v))),
            Err(_) => (i, Err(("invalid decimal literal".into(), 0..i))),
        };
    }
    let int_digits = &text;
    if int_digits.len() > 1 && int_digits.starts_with('0') && int_digits.bytes().any(|c| c != b'0')
    {
        let msg = "leading zeros in decimal integer literals are not permitted; \
                   use an 0o prefix for octal integers";
        return (i, Err((msg.into(), 0..int_end)));
    }
    if int_digits.len() > MAX_STR_DIGITS {
        let msg = format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit \
             - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
            int_digits.len()
        );
        return (i, Err((msg, 0..i)));
    }
    match BigInt::parse_bytes(int_digits.as_bytes(), 10) {
        Some(v) => (i, Ok(Tok::Int(v))),
        None => (i, Err(("invalid decimal literal".into(), 0..i))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Tok {
        match scan(s) {
            (_, Ok(t)) => t,
            (_, Err((m, _))) => panic!("{s:?}: {m}"),
        }
    }
    fn err(s: &str) -> String {
        match scan(s) {
            (_, Ok(t)) => panic!("{s:?} lexed as {t:?}"),
            (_, Err((m, _))) => m,
        }
    }
    fn int(v: i64) -> Tok {
        Tok::Int(BigInt::from(v))
    }

    #[test]
    fn integers() {
        assert_eq!(ok("0"), int(0));
        assert_eq!(ok("00"), int(0));
        assert_eq!(ok("0_0"), int(0));
        assert_eq!(ok("1_000_000"), int(1_000_000));
        assert_eq!(ok("0x_ff"), int(255));
        assert_eq!(ok("0XFF"), int(255));
        assert_eq!(ok("0o17"), int(15));
        assert_eq!(ok("0b1010"), int(10));
        let big = "123456789012345678901234567890";
        assert_eq!(ok(big), Tok::Int(big.parse().unwrap()));
    }

    #[test]
    fn floats_and_imaginary() {
        assert_eq!(ok("1."), Tok::Float(1.0));
        assert_eq!(ok(".5"), Tok::Float(0.5));
        assert_eq!(ok("1e10"), Tok::Float(1e10));
        assert_eq!(ok("1_000.5e-3"), Tok::Float(1.0005));
        assert_eq!(ok("1E+2"), Tok::Float(100.0));
        assert_eq!(ok("09.5"), Tok::Float(9.5));
        assert_eq!(ok("3j"), Tok::Imag(3.0));
        assert_eq!(ok("1.5J"), Tok::Imag(1.5));
        assert_eq!(ok("012j"), Tok::Imag(12.0));
        assert_eq!(ok("1e999"), Tok::Float(f64::INFINITY));
    }

    #[test]
    fn keyword_may_follow() {
        assert_eq!(scan("1if x else 2").0, 1);
        assert_eq!(scan("1else").0, 1);
        assert_eq!(scan("0b1if").0, 3);
        assert_eq!(scan("1.5or").0, 3);
    }

    #[test]
    fn errors() {
        assert!(err("0123").starts_with("leading zeros in decimal integer literals"));
        assert!(err("0_7").starts_with("leading zeros"));
        for s in [
            "1abc",
            "1__0",
            "1_",
            "1e",
            "1e+",
            "1.e5x",
            "1_a",
            "1.__class__",
        ] {
            assert_eq!(err(s), "invalid decimal literal", "{s}");
        }
        assert_eq!(err("0x"), "invalid hexadecimal literal");
        assert_eq!(err("0xg"), "invalid hexadecimal literal");
        assert_eq!(err("0x_"), "invalid hexadecimal literal");
        assert_eq!(err("0x1_"), "invalid hexadecimal literal");
        assert_eq!(err("0o"), "invalid octal literal");
        assert_eq!(err("0b2"), "invalid digit '2' in binary literal");
        assert_eq!(err("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(err("1jx"), "invalid imaginary literal");
        assert!(err(&"1".repeat(5000)).starts_with("Exceeds the limit (4300 digits)"));
    }

    #[test]
    fn junk_is_consumed() {
        assert_eq!(scan("1abc + 2").0, 4);
        assert_eq!(scan("0xzz.q").0, 6);
        // A non-ASCII letter is not part of the number (CPython lexes a
        // name after it and reports "invalid syntax").
        assert_eq!(scan("1é").0, 1);
    }
}
