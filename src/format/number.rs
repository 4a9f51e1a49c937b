//! Laying out a formatted number inside its field: sign, prefix, padding
//! and digit grouping. A port of `calc_number_widths`, `fill_number` and
//! `_PyUnicode_InsertThousandsGrouping` from CPython, because zero padding
//! interacts with grouping in ways (`format(1234, '08,')` is `0,001,234`,
//! wider than asked) that only the original algorithm reproduces.

use super::push_n;
use super::spec::{Align, FormatSpec, Sign};

/// A number already rendered to text and split into the pieces the field
/// layout treats differently.
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`, `0b`, `0o` (already in the right case).
    pub prefix: &'a str,
    /// The leading run of ASCII digits; the only part that is grouped and
    /// zero-padded.
    pub digits: &'a str,
    pub has_decimal: bool,
    /// Everything after the decimal point (or after the digits when there is
    /// none): fraction, exponent, `%`, `inf`, or a `c`-formatted character.
    pub remainder: &'a str,
}

/// Splits `body` (no sign) at the end of its leading digits.
pub(crate) fn split_digits(body: &str) -> (&str, bool, &str) {
    let n = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n);
    match rest.strip_prefix('.') {
        Some(r) => (digits, true, r),
        None => (digits, false, rest),
    }
}

/// Inserts `sep` every `size` digits from the right, left-padding with
/// zeros (which are grouped too) until the result is at least `min_width`
/// characters. Like CPython it never starts with a separator, so it may
/// overshoot `min_width` by one.
fn group_digits(digits: &str, group: Option<(char, usize)>, min_width: i64) -> String {
    let mut min_width = min_width;
    let mut remaining = digits.len() as i64;
    // Groups come out right to left; reverse at the end.
    let mut pieces: Vec<String> = Vec::new();
    let mut end = digits.len();
    let take = |l: i64, remaining: i64, end: &mut usize| -> String {
        let n_zeros = (l - remaining).max(0) as usize;
        let n_chars = remaining.min(l).max(0) as usize;
        let start = *end - n_chars;
        let mut s = String::with_capacity(n_zeros + n_chars);
        push_n(&mut s, '0', n_zeros);
        s.push_str(&digits[start..*end]);
        *end = start;
        s
    };
    let mut finished = false;
    if let Some((_, size)) = group {
        let size = size as i64;
        loop {
            let l = size.min(remaining.max(min_width).max(1));
            pieces.push(take(l, remaining, &mut end));
            remaining -= l.min(remaining).max(0);
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                finished = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !finished {
        let l = remaining.max(min_width).max(1);
        pieces.push(take(l, remaining, &mut end));
    }
    let sep = group.map(|(c, _)| c.to_string()).unwrap_or_default();
    pieces.reverse();
    pieces.join(&sep)
}

pub(crate) fn layout_number(
    parts: &NumberParts<'_>,
    spec: &FormatSpec,
    group: Option<(char, usize)>,
) -> String {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some(Sign::Plus)) => Some('+'),
        (false, Some(Sign::Space)) => Some(' '),
        (false, _) => None,
    };
    let n_prefix = parts.prefix.chars().count() as i64;
    let n_remainder = parts.remainder.chars().count() as i64;
    let n_other = i64::from(sign.is_some()) + n_prefix + i64::from(parts.has_decimal) + n_remainder;
    let width = spec.width.map_or(-1, |w| w as i64);
    let min_width = if spec.fill == '0' && spec.align == Align::AfterSign {
        width - n_other
    } else {
        0
    };
    // An empty digit run (`inf`, `c`) gets no zeros from grouping; any
    // padding then comes from the fill below.
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, group, min_width)
    };
    let n_padding = (width - (n_other + grouped.chars().count() as i64)).max(0) as usize;
    let (lpad, spad, rpad) = match spec.align {
        Align::Left => (0, 0, n_padding),
        Align::Center => (n_padding / 2, 0, n_padding - n_padding / 2),
        Align::AfterSign => (0, n_padding, 0),
        Align::Right => (n_padding, 0, 0),
    };
    let mut out = String::with_capacity(n_padding + grouped.len() + parts.remainder.len() + 4);
    push_n(&mut out, spec.fill, lpad);
    if let Some(c) = sign {
        out.push(c);
    }
    out.push_str(parts.prefix);
    push_n(&mut out, spec.fill, spad);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    push_n(&mut out, spec.fill, rpad);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_with_zero_padding() {
        let g = Some((',', 3));
        assert_eq!(group_digits("1234", g, 10), "00,001,234");
        assert_eq!(group_digits("1234", g, 8), "0,001,234");
        assert_eq!(group_digits("1234", g, 0), "1,234");
        assert_eq!(group_digits("123", g, 0), "123");
        assert_eq!(group_digits("1234567", Some(('_', 4)), 0), "123_4567");
        assert_eq!(group_digits("12", None, 5), "00012");
        assert_eq!(group_digits("12", None, 0), "12");
    }

    #[test]
    fn splits_digits() {
        assert_eq!(split_digits("12.5e+03"), ("12", true, "5e+03"));
        assert_eq!(split_digits("1e+03"), ("1", false, "e+03"));
        assert_eq!(split_digits("inf"), ("", false, "inf"));
    }
}
