//! `format(int, spec)`: a port of `format_long_internal` from CPython's
//! `Python/formatter_unicode.c`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float::format_float_spec;
use super::number::{NumberParts, layout_number};
use super::spec::{FormatSpec, Grouping, SpecTarget, parse_spec};
use super::{FormatError, unknown_code};

/// Either representation the VM may hold; the i64 one avoids bignum work.
#[derive(Clone, Copy)]
enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntRef::Small(v) => v < 0,
            IntRef::Big(v) => v.is_negative(),
        }
    }

    fn abs_in_radix(self, radix: u32) -> String {
        match self {
            IntRef::Small(v) => {
                let m = v.unsigned_abs();
                match radix {
                    2 => format!("{m:b}"),
                    8 => format!("{m:o}"),
                    16 => format!("{m:x}"),
                    _ => m.to_string(),
                }
            }
            IntRef::Big(v) => v.magnitude().to_str_radix(radix),
        }
    }

    fn to_f64(self) -> Result<f64, FormatError> {
        let f = match self {
            IntRef::Small(v) => Some(v as f64),
            IntRef::Big(v) => v.to_f64(),
        };
        match f {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(FormatError::overflow("int too large to convert to float")),
        }
    }

    fn to_display(self) -> String {
        match self {
            IntRef::Small(v) => v.to_string(),
            IntRef::Big(v) => v.to_string(),
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(v) => Some(v),
            IntRef::Big(v) => v.to_i64(),
        }
    }
}

pub fn format_int(value: &BigInt, spec: &str) -> Result<String, FormatError> {
    format_any(IntRef::Big(value), spec, "int")
}

/// Like [`format_int`], naming `type_name` in error messages (`bool`, int
/// subclasses). The VM must itself handle `format(True, '')`, which is
/// `str(True)`.
pub fn format_int_typed(
    value: &BigInt,
    spec: &str,
    type_name: &str,
) -> Result<String, FormatError> {
    format_any(IntRef::Big(value), spec, type_name)
}

pub fn format_i64(value: i64, spec: &str) -> Result<String, FormatError> {
    format_any(IntRef::Small(value), spec, "int")
}

fn format_any(value: IntRef<'_>, spec: &str, type_name: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(value.to_display());
    }
    let spec = parse_spec(spec, SpecTarget::Int, type_name)?;
    match spec.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_spec(value, &spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_spec(value.to_f64()?, &spec),
        Some(other) => Err(unknown_code(other, type_name)),
        // Unreachable: the parser defaults the type of ints to 'd'.
        None => format_int_spec(value, &spec),
    }
}

fn format_int_spec(value: IntRef<'_>, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(FormatError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(FormatError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        return format_char(value, spec);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.abs_in_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: value.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    let size = if radix == 10 { 3 } else { 4 };
    // 'n' uses the C locale, which has no grouping.
    let group = match spec.grouping {
        _ if ty == 'n' => None,
        Some(Grouping::Comma) => Some((',', size)),
        Some(Grouping::Underscore) => Some(('_', size)),
        None => None,
    };
    Ok(layout_number(&parts, spec, group))
}

fn format_char(value: IntRef<'_>, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.sign.is_some() {
        return Err(FormatError::value(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(FormatError::value(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let code = value
        .to_i64()
        .ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?;
    if !(0..=0x10ffff).contains(&code) {
        return Err(FormatError::overflow("%c arg not in range(0x110000)"));
    }
    // Rust strings cannot hold lone surrogates, which CPython allows here.
    let ch = u32::try_from(code)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| FormatError::value("surrogate code points are not supported"))?;
    let text = ch.to_string();
    // CPython lays the character out as a number's "remainder": it gets
    // number padding (so `05c` zero-fills) but is never grouped.
    let parts = NumberParts {
        negative: false,
        prefix: "",
        digits: "",
        has_decimal: false,
        remainder: &text,
    };
    Ok(layout_number(&parts, spec, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::outcome;
    use std::str::FromStr;

    /// (value, spec, exception class or "", result or message) from CPython.
    const CASES: &[(&str, &str, &str, &str)] = &include!("cases/int.in");

    #[test]
    fn bigint_matches_cpython() {
        let mut failures = Vec::new();
        for &(value, spec, kind, want) in CASES {
            let Ok(v) = BigInt::from_str(value) else {
                failures.push(format!("bad test value {value}"));
                continue;
            };
            let got = outcome(format_int(&v, spec));
            if got != (kind, want.to_string()) {
                failures.push(format!(
                    "format({value}, {spec:?}) = {got:?}, want {kind} {want:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn i64_fast_path_agrees() {
        let mut failures = Vec::new();
        for &(value, spec, kind, want) in CASES {
            let Ok(v) = value.parse::<i64>() else {
                continue;
            };
            let got = outcome(format_i64(v, spec));
            if got != (kind, want.to_string()) {
                failures.push(format!(
                    "format({value}, {spec:?}) = {got:?}, want {kind} {want:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn type_name_appears_in_errors() {
        let got = format_int_typed(&BigInt::from(1), "z", "bool")
            .err()
            .map(|e| e.message);
        assert_eq!(
            got.as_deref(),
            Some("Negative zero coercion (z) not allowed in integer format specifier")
        );
        let got = format_int_typed(&BigInt::from(1), "q", "bool")
            .err()
            .map(|e| e.message);
        assert_eq!(
            got.as_deref(),
            Some("Unknown format code 'q' for object of type 'bool'")
        );
    }
}
