//! `format(float, spec)`: a port of `format_float_internal` from CPython's
//! `Python/formatter_unicode.c`.

use super::float_repr::{DtoaFlags, double_to_string, float_repr};
use super::number::{NumberParts, layout_number, split_digits};
use super::spec::{FormatSpec, Grouping, SpecTarget, parse_spec};
use super::{FormatError, unknown_code};

pub fn format_float(value: f64, spec: &str) -> Result<String, FormatError> {
    format_float_typed(value, spec, "float")
}

/// Like [`format_float`], naming `type_name` in error messages (for float
/// subclasses).
pub fn format_float_typed(value: f64, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_repr(value));
    }
    let spec = parse_spec(spec, SpecTarget::Float, type_name)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_spec(value, &spec)
        }
        Some(other) => Err(unknown_code(other, type_name)),
    }
}

/// Formats with an already parsed spec whose type is a float type (also
/// used for ints formatted with `e`, `f`, `%`, ...).
pub(crate) fn format_float_spec(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => {
            return Err(FormatError::value("precision too big"));
        }
        Some(p) if !super::field_fits(p) => {
            return Err(super::too_big());
        }
        p => p,
    };
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_zero: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut default_precision = 6;
    let mut value = value;
    let mut percent = false;
    let code = match spec.ty {
        // No type: repr, or 'g' keeping at least one fractional digit.
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            if precision.is_some() { 'g' } else { 'r' }
        }
        Some('n') => 'g',
        Some('%') => {
            value *= 100.0;
            percent = true;
            'f'
        }
        Some(c) => {
            flags.upper = c.is_ascii_uppercase();
            c.to_ascii_lowercase()
        }
    };
    let precision = precision.unwrap_or(default_precision);
    let mut text = double_to_string(value, code, precision, flags);
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (digits, has_decimal, remainder) = split_digits(body);
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    // 'n' uses the C locale, which has no grouping.
    let group = match (spec.ty, spec.grouping) {
        (Some('n'), _) | (_, None) => None,
        (_, Some(Grouping::Comma)) => Some((',', 3)),
        (_, Some(Grouping::Underscore)) => Some(('_', 3)),
    };
    Ok(layout_number(&parts, spec, group))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::outcome;

    /// (value, spec, exception class or "", result or message) from CPython.
    const CASES: &[(f64, &str, &str, &str)] = &include!("cases/float.in");

    #[test]
    fn matches_cpython() {
        let mut failures = Vec::new();
        for &(value, spec, kind, want) in CASES {
            let got = outcome(format_float(value, spec));
            if got != (kind, want.to_string()) {
                failures.push(format!(
                    "format({value:?}, {spec:?}) = {got:?}, want {kind} {want:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
