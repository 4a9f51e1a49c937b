//! printf-style `str % args`. The template is parsed once into pieces; the
//! VM walks them, fetching arguments (mapping keys, `*` widths, values) and
//! calling the `percent_*` helpers, which port the conversion and padding
//! code of CPython's `Objects/unicodeobject.c` (`unicode_format_arg_*`,
//! `_PyUnicode_FormatLong`, `formatfloat`).
//!
//! VM protocol for each [`PercentPiece::Spec`], in CPython's order:
//! 1. `key` set: the args must be a mapping (else TypeError "format requires
//!    a mapping"); the value is `args[key]`.
//! 2. `width`/`precision` == `Some(Count::Star)`: take the next argument (an
//!    int, else TypeError "* wants int"), in that order, then call
//!    [`PercentSpec::resolve`].
//! 3. Take the value (next argument unless keyed; "not enough arguments for
//!    format string" when exhausted).
//! 4. Dispatch on `conv`: `s`/`r`/`a` → [`percent_str`] of str/repr/ascii;
//!    `d i u` → [`percent_int`] of `int(v)` for real numbers (TypeError
//!    "%d format: a real number is required, not T"); `o x X` →
//!    [`percent_int`] of `v.__index__()` (TypeError "%x format: an integer
//!    is required, not T"); `e E f F g G` → [`percent_float`] of
//!    `float(v)` (TypeError "must be real number, not T"); `c` →
//!    [`percent_char`] of an int or a 1-char str; anything else →
//!    [`PercentSpec::unsupported`].
//! 5. After the last piece, leftover tuple arguments raise TypeError "not
//!    all arguments converted during string formatting".

use num_bigint::BigInt;
use num_traits::Signed;

use super::float_repr::{DtoaFlags, double_to_string};
use super::{FormatError, field_fits, push_n, too_big};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`
    pub left: bool,
    /// `+`
    pub plus: bool,
    /// ` `
    pub space: bool,
    /// `#`
    pub alt: bool,
    /// `0`
    pub zero: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    /// `*`: taken from the next argument.
    Star,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(key)s`
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// The conversion character, not yet validated (CPython only rejects it
    /// after fetching the argument).
    pub conv: char,
    /// Char index of `conv` in the template, for the error message.
    pub index: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece {
    /// Text to copy (with `%%` already turned into `%`).
    Literal(String),
    Spec(PercentSpec),
}

/// A spec whose `*` counts have been filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedPercent {
    pub flags: PercentFlags,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    pub conv: char,
}

impl PercentSpec {
    /// Fills in `*` counts with the argument values the VM fetched (pass
    /// `None` where the spec has no star). A negative `*` width means left
    /// alignment; a negative `*` precision means 0.
    pub fn resolve(
        &self,
        star_width: Option<i64>,
        star_precision: Option<i64>,
    ) -> Result<ResolvedPercent, FormatError> {
        let mut flags = self.flags;
        let width = match self.width {
            Some(Count::Fixed(w)) => Some(w),
            Some(Count::Star) => {
                let w = star_width.unwrap_or(0);
                if w < 0 {
                    flags.left = true;
                }
                Some(usize::try_from(w.unsigned_abs()).map_err(|_| too_big())?)
            }
            None => None,
        };
        let precision = match self.precision {
            Some(Count::Fixed(p)) => Some(p),
            Some(Count::Star) => {
                let p = star_precision.unwrap_or(0);
                if p > i64::from(i32::MAX) || p < i64::from(i32::MIN) {
                    return Err(FormatError::overflow(
                        "Python int too large to convert to C int",
                    ));
                }
                Some(p.max(0) as usize)
            }
            None => None,
        };
        if width.is_some_and(|w| !field_fits(w)) || precision.is_some_and(|p| !field_fits(p)) {
            return Err(too_big());
        }
        Ok(ResolvedPercent {
            flags,
            width,
            precision,
            conv: self.conv,
        })
    }

    /// The ValueError for a conversion character CPython does not know.
    pub fn unsupported(&self) -> FormatError {
        let code = self.conv as u32;
        let shown = if (31..=126).contains(&code) {
            self.conv
        } else {
            '?'
        };
        FormatError::value(format!(
            "unsupported format character '{shown}' (0x{code:x}) at index {}",
            self.index
        ))
    }
}

/// Splits a `%` template into literals and conversion specs. Reports the
/// errors CPython detects from the template alone ("incomplete format",
/// "incomplete format key", "width too big", "precision too big").
pub fn parse_percent(template: &str) -> Result<Vec<PercentPiece>, FormatError> {
    let chars: Vec<char> = template.chars().collect();
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    let incomplete = || FormatError::value("incomplete format");
    while i < chars.len() {
        if chars[i] != '%' {
            literal.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        match chars.get(i) {
            None => return Err(incomplete()),
            Some('%') => {
                literal.push('%');
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        let mut key = None;
        if chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while depth > 0 && j < chars.len() {
                match chars[j] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(FormatError::value("incomplete format key"));
            }
            key = Some(chars[start..j - 1].iter().collect::<String>());
            i = j;
        }
        let mut flags = PercentFlags::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => flags.left = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let width = if chars.get(i) == Some(&'*') {
            i += 1;
            Some(Count::Star)
        } else {
            read_count(&chars, &mut i, i64::MAX, "width too big")?.map(Count::Fixed)
        };
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            precision = if chars.get(i) == Some(&'*') {
                i += 1;
                Some(Count::Star)
            } else {
                let p = read_count(&chars, &mut i, i64::from(i32::MAX), "precision too big")?;
                Some(Count::Fixed(p.unwrap_or(0)))
            };
        }
        // Length modifiers are accepted and ignored, as in C.
        if matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let conv = *chars.get(i).ok_or_else(incomplete)?;
        if !literal.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut literal)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec {
            key,
            flags,
            width,
            precision,
            conv,
            index: i,
        }));
        i += 1;
    }
    if !literal.is_empty() {
        pieces.push(PercentPiece::Literal(literal));
    }
    Ok(pieces)
}

fn read_count(
    chars: &[char],
    i: &mut usize,
    max: i64,
    too_big_msg: &str,
) -> Result<Option<usize>, FormatError> {
    let start = *i;
    let mut acc: i64 = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        let d = i64::from(d);
        if acc > (max - d) / 10 {
            return Err(FormatError::value(too_big_msg));
        }
        acc = acc * 10 + d;
        *i += 1;
    }
    if *i == start {
        return Ok(None);
    }
    if !field_fits(acc as usize) {
        return Err(too_big());
    }
    Ok(Some(acc as usize))
}

/// `%d %i %u %o %x %X` of an int (the VM converts the argument first).
pub fn percent_int(value: &BigInt, spec: &ResolvedPercent) -> Result<String, FormatError> {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = value.magnitude().to_str_radix(radix);
    let mut text = String::with_capacity(digits.len() + 4);
    if value.is_negative() {
        text.push('-');
    }
    if spec.flags.alt {
        text.push_str(prefix);
    }
    // The precision is a minimum digit count.
    let n_digits = digits.len();
    push_n(
        &mut text,
        '0',
        spec.precision.unwrap_or(0).saturating_sub(n_digits),
    );
    if spec.conv == 'X' {
        text.push_str(&digits.to_ascii_uppercase());
    } else {
        text.push_str(&digits);
    }
    Ok(output(&text, spec, true))
}

/// `%e %E %f %F %g %G` of a float.
pub fn percent_float(value: f64, spec: &ResolvedPercent) -> Result<String, FormatError> {
    if !matches!(spec.conv, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        return Err(FormatError::value(format!(
            "percent_float called with '%{}'",
            spec.conv
        )));
    }
    let flags = DtoaFlags {
        alt: spec.flags.alt,
        upper: spec.conv.is_ascii_uppercase(),
        ..DtoaFlags::default()
    };
    let code = spec.conv.to_ascii_lowercase();
    let text = double_to_string(value, code, spec.precision.unwrap_or(6), flags);
    Ok(output(&text, spec, true))
}

/// `%s %r %a` of the already converted text (precision truncates).
pub fn percent_str(text: &str, spec: &ResolvedPercent) -> String {
    output(text, spec, false)
}

/// `%c` of the character the VM obtained (CPython raises OverflowError
/// "%c arg not in range(0x110000)" for out-of-range ints).
pub fn percent_char(ch: char, spec: &ResolvedPercent) -> String {
    output(&ch.to_string(), spec, false)
}

/// Port of `unicode_format_arg_output`: sign, `0x` prefix and padding.
fn output(text: &str, spec: &ResolvedPercent, numeric: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut len = chars.len();
    if matches!(spec.conv, 's' | 'r' | 'a')
        && let Some(p) = spec.precision
    {
        len = len.min(p);
    }
    let mut pindex = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len = len.saturating_sub(1);
                pindex = 1;
            }
            _ if flags.plus => sign = Some('+'),
            _ if flags.space => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = spec.width.unwrap_or(0).max(len);
    let has_prefix = numeric && flags.alt && matches!(spec.conv, 'x' | 'X' | 'o') && len >= 2;

    let mut out = String::with_capacity(width + 2);
    if let Some(c) = sign {
        if fill != ' ' {
            out.push(c);
        }
        if width > len {
            width -= 1;
        }
    }
    if has_prefix {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.left {
        push_n(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if let Some(c) = sign {
            out.push(c);
        }
        if has_prefix {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        push_n(&mut out, ' ', width - len);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{ErrorKind, float_repr};
    use num_traits::{FromPrimitive, ToPrimitive};
    use std::str::FromStr;

    /// A Python argument as the tests model it.
    #[derive(Debug, Clone, Copy)]
    enum A {
        I(&'static str),
        F(f64),
        S(&'static str),
    }

    /// (template, args tuple, exception class or "", result or message).
    type Case = (&'static str, &'static [A], &'static str, &'static str);
    const CASES: &[Case] = &include!("cases/percent.in");
    type MapCase = (
        &'static str,
        &'static [(&'static str, A)],
        &'static str,
        &'static str,
    );
    const MAP_CASES: &[MapCase] = &include!("cases/percent_map.in");

    fn err(kind: &str, msg: impl Into<String>) -> (String, String) {
        (kind.to_string(), msg.into())
    }

    fn from_fe(e: FormatError) -> (String, String) {
        let kind = match e.kind {
            ErrorKind::Value => "ValueError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Memory => "MemoryError",
        };
        (kind.to_string(), e.message)
    }

    fn big(s: &str) -> BigInt {
        BigInt::from_str(s).unwrap_or_default()
    }

    /// The part of the VM's job the tests need: argument fetching and the
    /// per-conversion coercions, following the protocol in the module docs.
    fn run(
        template: &str,
        tuple: &[A],
        map: Option<&[(&str, A)]>,
    ) -> Result<String, (String, String)> {
        let pieces = parse_percent(template).map_err(from_fe)?;
        let mut next = 0;
        let take = |next: &mut usize| -> Result<A, (String, String)> {
            let a = tuple
                .get(*next)
                .copied()
                .ok_or_else(|| err("TypeError", "not enough arguments for format string"))?;
            *next += 1;
            Ok(a)
        };
        let mut out = String::new();
        for piece in pieces {
            let spec = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                PercentPiece::Spec(spec) => spec,
            };
            let keyed = match (&spec.key, map) {
                (Some(_), None) => return Err(err("TypeError", "format requires a mapping")),
                (Some(k), Some(m)) => Some(
                    m.iter()
                        .find(|(name, _)| name == k)
                        .map(|&(_, v)| v)
                        .ok_or_else(|| err("KeyError", format!("'{k}'")))?,
                ),
                (None, _) => None,
            };
            let star =
                |c: Option<Count>, next: &mut usize| -> Result<Option<i64>, (String, String)> {
                    if c != Some(Count::Star) {
                        return Ok(None);
                    }
                    match take(next)? {
                        A::I(s) => Ok(big(s).to_i64()),
                        _ => Err(err("TypeError", "* wants int")),
                    }
                };
            let w = star(spec.width, &mut next)?;
            let p = star(spec.precision, &mut next)?;
            let r = spec.resolve(w, p).map_err(from_fe)?;
            let v = match keyed {
                Some(v) => v,
                None if map.is_some() => {
                    return Err(err("TypeError", "format requires a mapping"));
                }
                None => take(&mut next)?,
            };
            let piece = match (spec.conv, v) {
                ('s', A::S(s)) => percent_str(s, &r),
                ('r' | 'a', A::S(s)) => percent_str(&format!("'{s}'"), &r),
                ('s' | 'r' | 'a', A::I(s)) => percent_str(s, &r),
                ('s' | 'r' | 'a', A::F(f)) => percent_str(&float_repr(f), &r),
                ('d' | 'i' | 'u', A::F(f)) => {
                    let i = BigInt::from_f64(f.trunc()).unwrap_or_default();
                    percent_int(&i, &r).map_err(from_fe)?
                }
                ('d' | 'i' | 'u' | 'o' | 'x' | 'X', A::I(s)) => {
                    percent_int(&big(s), &r).map_err(from_fe)?
                }
                (c @ ('d' | 'i' | 'u'), A::S(_)) => {
                    return Err(err(
                        "TypeError",
                        format!("%{c} format: a real number is required, not str"),
                    ));
                }
                (c @ ('o' | 'x' | 'X'), A::F(_)) => {
                    return Err(err(
                        "TypeError",
                        format!("%{c} format: an integer is required, not float"),
                    ));
                }
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', A::F(f)) => {
                    percent_float(f, &r).map_err(from_fe)?
                }
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', A::I(s)) => {
                    let f = big(s).to_f64().unwrap_or(f64::NAN);
                    percent_float(f, &r).map_err(from_fe)?
                }
                ('e' | 'E' | 'f' | 'F' | 'g' | 'G', A::S(_)) => {
                    return Err(err("TypeError", "must be real number, not str"));
                }
                ('c', A::I(s)) => {
                    let code = big(s).to_i64().unwrap_or(-1);
                    let ch = u32::try_from(code)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| err("OverflowError", "%c arg not in range(0x110000)"))?;
                    percent_char(ch, &r)
                }
                ('c', A::S(s)) => percent_char(s.chars().next().unwrap_or(' '), &r),
                _ => return Err(from_fe(spec.unsupported())),
            };
            out.push_str(&piece);
        }
        if map.is_none() && next < tuple.len() {
            return Err(err(
                "TypeError",
                "not all arguments converted during string formatting",
            ));
        }
        Ok(out)
    }

    fn check(
        template: &str,
        got: Result<String, (String, String)>,
        kind: &str,
        want: &str,
        failures: &mut Vec<String>,
    ) {
        let got = match got {
            Ok(s) => (String::new(), s),
            Err(e) => e,
        };
        if got != (kind.to_string(), want.to_string()) {
            failures.push(format!("{template:?}: got {got:?}, want {kind} {want:?}"));
        }
    }

    #[test]
    fn tuple_args_match_cpython() {
        let mut failures = Vec::new();
        for &(template, args, kind, want) in CASES {
            check(
                template,
                run(template, args, None),
                kind,
                want,
                &mut failures,
            );
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn mapping_args_match_cpython() {
        let mut failures = Vec::new();
        for &(template, map, kind, want) in MAP_CASES {
            check(
                template,
                run(template, &[], Some(map)),
                kind,
                want,
                &mut failures,
            );
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn parses_pieces() {
        let pieces = parse_percent("a%%b%(k)-#08.3lx");
        assert_eq!(
            pieces,
            Ok(vec![
                PercentPiece::Literal("a%b".to_string()),
                PercentPiece::Spec(PercentSpec {
                    key: Some("k".to_string()),
                    flags: PercentFlags {
                        left: true,
                        alt: true,
                        zero: true,
                        ..PercentFlags::default()
                    },
                    width: Some(Count::Fixed(8)),
                    precision: Some(Count::Fixed(3)),
                    conv: 'x',
                    index: 15,
                }),
            ])
        );
    }
}
