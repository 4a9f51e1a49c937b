//! `format(str, spec)`: a port of `format_string_internal` from CPython's
//! `Python/formatter_unicode.c`. Widths and precisions count chars (code
//! points), as Python does, never bytes.

use super::spec::{Align, Sign, SpecTarget, parse_spec};
use super::{FormatError, push_n, unknown_code};

pub fn format_str(value: &str, spec: &str) -> Result<String, FormatError> {
    format_str_typed(value, spec, "str")
}

/// Like [`format_str`], naming `type_name` in error messages.
pub fn format_str_typed(value: &str, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let spec = parse_spec(spec, SpecTarget::Str, type_name)?;
    match spec.ty {
        Some('s') | None => {}
        Some(other) => return Err(unknown_code(other, type_name)),
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FormatError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(FormatError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Align::AfterSign {
        return Err(FormatError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }

    let text = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((byte, _)) => &value[..byte],
            None => value,
        },
        None => value,
    };
    Ok(pad(text, spec.width, spec.align, spec.fill))
}

/// CPython's `calc_padding` + fill; `=` behaves like `<` here.
pub(crate) fn pad(text: &str, width: Option<usize>, align: Align, fill: char) -> String {
    let len = text.chars().count();
    let total = width.unwrap_or(0).max(len);
    let extra = total - len;
    let left = match align {
        Align::Right => extra,
        Align::Center => extra / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::with_capacity(text.len() + extra * fill.len_utf8());
    push_n(&mut out, fill, left);
    out.push_str(text);
    push_n(&mut out, fill, extra - left);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::outcome;

    /// (value, spec, exception class or "", result or message) from CPython.
    const CASES: &[(&str, &str, &str, &str)] = &include!("cases/str.in");

    #[test]
    fn matches_cpython() {
        let mut failures = Vec::new();
        for &(value, spec, kind, want) in CASES {
            let got = outcome(format_str(value, spec));
            if got != (kind, want.to_string()) {
                failures.push(format!(
                    "format({value:?}, {spec:?}) = {got:?}, want {kind} {want:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
