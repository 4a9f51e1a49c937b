//! Backslash escapes in string and bytes literals, with CPython's messages.

// The public signatures return a plain `SyntaxError` (the parser's contract);
// errors are rare, so the large `Err` costs nothing in practice.
#![allow(clippy::result_large_err)]

use super::charnames;
use crate::ast::Span;
use crate::diagnostics::SyntaxError;

/// Decodes the text between the quotes of a literal. `base` is the offset of
/// `body` in the file, so errors point at the escape. With `is_bytes` the
/// bytes escape rules apply and each byte becomes the char of the same value.
/// Line ends (`\r\n`, `\r`) read as `\n`, as CPython reads source files.
pub fn decode_string_body(
    body: &str,
    raw: bool,
    is_bytes: bool,
    base: usize,
) -> Result<String, SyntaxError> {
    let mut out = String::with_capacity(body.len());
    decode(body, raw, is_bytes, base, |u| {
        out.push(char::from_u32(u).unwrap_or('\u{FFFD}'))
    })?;
    Ok(out)
}

/// Decodes the body of a bytes literal; non-ASCII text is encoded as UTF-8
/// (callers report it as an error before decoding).
pub fn decode_bytes_body(body: &str, raw: bool, base: usize) -> Result<Vec<u8>, SyntaxError> {
    let mut out = Vec::with_capacity(body.len());
    decode(body, raw, true, base, |u| match u8::try_from(u) {
        Ok(b) => out.push(b),
        Err(_) => {
            let c = char::from_u32(u).unwrap_or('\u{FFFD}');
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    })?;
    Ok(out)
}

fn decode(
    body: &str,
    raw: bool,
    bytes: bool,
    base: usize,
    mut emit: impl FnMut(u32),
) -> Result<(), SyntaxError> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' => {
                emit('\n' as u32);
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            }
            b'\\' if !raw => i = escape(body, i, bytes, base, &mut emit)?,
            c if c < 0x80 => {
                emit(c as u32);
                i += 1;
            }
            _ => {
                // Not at a backslash or ASCII, so `i` starts a multi-byte char.
                let c = body[i..].chars().next().unwrap_or('\u{FFFD}');
                emit(c as u32);
                i += c.len_utf8();
            }
        }
    }
    Ok(())
}

fn hex_value(s: &[u8]) -> u32 {
    s.iter().fold(0, |acc, &c| {
        acc * 16 + (c as char).to_digit(16).unwrap_or(0)
    })
}

/// Decodes the escape whose backslash is at `i`; returns where to continue.
fn escape(
    body: &str,
    i: usize,
    bytes: bool,
    base: usize,
    emit: &mut impl FnMut(u32),
) -> Result<usize, SyntaxError> {
    let b = body.as_bytes();
    let Some(&n) = b.get(i + 1) else {
        emit('\\' as u32);
        return Ok(i + 1);
    };
    let simple = match n {
        b'\n' => return Ok(i + 2),
        b'\r' => {
            return Ok(if b.get(i + 2) == Some(&b'\n') {
                i + 3
            } else {
                i + 2
            });
        }
        b'\\' | b'\'' | b'"' => Some(n as u32),
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'n' => Some(10),
        b'r' => Some(13),
        b't' => Some(9),
        b'v' => Some(11),
        _ => None,
    };
    if let Some(v) = simple {
        emit(v);
        return Ok(i + 2);
    }
    let unicode_error = |last: usize, what: &str| {
        let msg = format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{last}: {what}"
        );
        SyntaxError::new(msg, Span::new(base + i, base + last + 1))
    };
    match n {
        b'0'..=b'7' => {
            let mut j = i + 1;
            let mut v = 0u32;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + u32::from(b[j] - b'0');
                j += 1;
            }
            emit(if bytes { v & 0xFF } else { v });
            Ok(j)
        }
        b'x' | b'u' | b'U' if !(bytes && n != b'x') => {
            let want = match n {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = b[i + 2..]
                .iter()
                .take(want)
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            if digits < want {
                if bytes {
                    let msg = format!("(value error) invalid \\x escape at position {i}");
                    return Err(SyntaxError::new(
                        msg,
                        Span::new(base + i, base + i + 2 + digits),
                    ));
                }
                let what = match n {
                    b'x' => "truncated \\xXX escape",
                    b'u' => "truncated \\uXXXX escape",
                    _ => "truncated \\UXXXXXXXX escape",
                };
                return Err(unicode_error(i + 1 + digits, what));
            }
            let v = hex_value(&b[i + 2..i + 2 + want]);
            if v > 0x10FFFF {
                return Err(unicode_error(i + 1 + want, "illegal Unicode character"));
            }
            emit(v);
            Ok(i + 2 + want)
        }
        b'N' if !bytes => {
            let close = if b.get(i + 2) == Some(&b'{') {
                body[i + 2..].find('}').map(|k| i + 2 + k)
            } else {
                None
            };
            let Some(close) = close.filter(|&c| c > i + 3) else {
                let last = close.unwrap_or(if b.get(i + 2) == Some(&b'{') {
                    b.len() - 1
                } else {
                    i + 1
                });
                return Err(unicode_error(last, "malformed \\N character escape"));
            };
            match charnames::lookup(&body[i + 3..close]) {
                Some(c) => {
                    emit(c as u32);
                    Ok(close + 1)
                }
                None => Err(unicode_error(close, "unknown Unicode character name")),
            }
        }
        _ => {
            // Unknown escapes stay as written (CPython only warns).
            emit('\\' as u32);
            Ok(i + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> String {
        decode_string_body(body, false, false, 0).unwrap()
    }
    fn e(body: &str) -> String {
        decode_string_body(body, false, false, 0)
            .unwrap_err()
            .message
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(
            s(r#"a\nb\tc\r\\\'\"\a\b\f\v"#),
            "a\nb\tc\r\\'\"\x07\x08\x0c\x0b"
        );
        assert_eq!(s(r"\0\101\777\18"), "\0A\u{1ff}\u{1}8");
        assert_eq!(s(r"\x41\u00e9\U0001F600"), "Aé😀");
        assert_eq!(s(r"\N{BULLET}\N{em dash}"), "•—");
        assert_eq!(s(r"\d\w\ "), r"\d\w\ ");
        assert_eq!(s("a\\\nb\\\r\nc"), "abc");
        assert_eq!(s("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(s(r"\ud800"), "\u{FFFD}");
    }

    #[test]
    fn raw_keeps_backslashes() {
        let r = |b: &str| decode_string_body(b, true, false, 0).unwrap();
        assert_eq!(r(r"\n\d\\"), r"\n\d\\");
        assert_eq!(r("a\\\nb"), "a\\\nb");
        assert_eq!(r(r#"\""#), r#"\""#);
    }

    #[test]
    fn bytes_escapes() {
        let b = |x: &str| decode_bytes_body(x, false, 0).unwrap();
        assert_eq!(b(r"\x00\xff\n\777"), vec![0, 255, 10, 0xFF]);
        assert_eq!(b(r"\u1234\N{x}"), br"\u1234\N{x}".to_vec());
        assert_eq!(
            decode_bytes_body(r"\x4", false, 0).unwrap_err().message,
            "(value error) invalid \\x escape at position 0"
        );
    }

    #[test]
    fn errors() {
        let p = "(unicode error) 'unicodeescape' codec can't decode bytes in position";
        assert_eq!(e(r"\x4"), format!("{p} 0-2: truncated \\xXX escape"));
        assert_eq!(e(r"\u12"), format!("{p} 0-3: truncated \\uXXXX escape"));
        assert_eq!(
            e(r"\U1234"),
            format!("{p} 0-5: truncated \\UXXXXXXXX escape")
        );
        assert_eq!(
            e(r"\N{foo}"),
            format!("{p} 0-6: unknown Unicode character name")
        );
        assert_eq!(
            e(r"\N{SPACE"),
            format!("{p} 0-7: malformed \\N character escape")
        );
        assert_eq!(e(r"\N"), format!("{p} 0-1: malformed \\N character escape"));
        assert_eq!(
            e(r"\N{}"),
            format!("{p} 0-3: malformed \\N character escape")
        );
        assert_eq!(
            e(r"\U00110000"),
            format!("{p} 0-9: illegal Unicode character")
        );
        let err = decode_string_body(r"ab\x4", false, false, 100).unwrap_err();
        assert_eq!(err.span, Span::new(102, 105));
    }
}
