//! Float to text: a port of CPython's `PyOS_double_to_string` /
//! `format_float_short` (Python/pystrtod.c) on top of Rust's float
//! formatting, which already yields the digit strings `_Py_dg_dtoa` would:
//! shortest round-trip digits for `{:e}`, and correctly rounded
//! (round-half-even on the exact binary value) digits for `{:.N}` and
//! `{:.Ne}`.

/// Options of `PyOS_double_to_string` (the `Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// Always emit a sign (`+` for non-negative values).
    pub sign_plus: bool,
    /// Append `.0` when the result would look like an integer.
    pub add_dot_0: bool,
    /// `#`: keep the decimal point and (for `g`) trailing zeros.
    pub alt: bool,
    /// `z`: drop the minus sign of a result that rounds to zero.
    pub no_neg_zero: bool,
    /// `E`/`F`/`G`: `E`, `INF`, `NAN`.
    pub upper: bool,
}

/// Digits without leading or trailing zeros (except the lone `"0"` for
/// zero) and the decimal point position: value = 0.DIGITS × 10^decpt.
struct Digits {
    digits: String,
    decpt: i64,
}

/// Splits Rust's `{:e}` output (`d.ddde-N`) into digits and decpt.
fn from_exp_notation(s: &str) -> Digits {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    trim_trailing_zeros(&mut digits);
    Digits {
        digits,
        decpt: exp + 1,
    }
}

fn trim_trailing_zeros(digits: &mut String) {
    let kept = digits.trim_end_matches('0').len().max(1);
    digits.truncate(kept);
}

/// `_Py_dg_dtoa` mode 0: shortest digits that round-trip.
fn shortest(abs: f64) -> Digits {
    if abs == 0.0 {
        return zero();
    }
    from_exp_notation(&format!("{abs:e}"))
}

/// `_Py_dg_dtoa` mode 2: `n` (>= 1) significant digits, trailing zeros
/// removed.
fn significant(abs: f64, n: usize) -> Digits {
    if abs == 0.0 {
        return zero();
    }
    from_exp_notation(&format!("{:.*e}", n.saturating_sub(1), abs))
}

/// `_Py_dg_dtoa` mode 3: rounded to `n` digits after the point. A value
/// that rounds to zero yields no digits at all, as in dtoa.
fn fixed(abs: f64, n: usize) -> Digits {
    if abs == 0.0 {
        return zero();
    }
    let s = format!("{abs:.n$}");
    let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
    let all = format!("{int_part}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    let digits = all[lead..].trim_end_matches('0').to_string();
    if digits.is_empty() {
        return Digits {
            digits,
            decpt: -(n as i64),
        };
    }
    Digits {
        digits,
        decpt: int_part.len() as i64 - lead as i64,
    }
}

fn zero() -> Digits {
    Digits {
        digits: "0".to_string(),
        decpt: 1,
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`. `code` is one of
/// `e f g r` (`r` = repr, precision ignored); use `flags.upper` for the
/// capitalised variants.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let mut out = String::new();
    if x.is_nan() {
        // The sign of a NaN is never shown.
        if flags.sign_plus {
            out.push('+');
        }
        out.push_str(if flags.upper { "NAN" } else { "nan" });
        return out;
    }
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        } else if flags.sign_plus {
            out.push('+');
        }
        out.push_str(if flags.upper { "INF" } else { "inf" });
        return out;
    }

    let abs = x.abs();
    let (precision, Digits { digits, decpt }) = match code {
        'e' => (precision + 1, significant(abs, precision + 1)),
        'f' => (precision, fixed(abs, precision)),
        'g' => {
            let p = precision.max(1);
            (p, significant(abs, p))
        }
        _ => (0, shortest(abs)),
    };
    let precision = precision as i64;
    let digits_len = digits.len() as i64;
    let mut decpt = decpt;

    let mut negative = x.is_sign_negative();
    if flags.no_neg_zero && (digits.is_empty() || digits == "0") {
        negative = false;
    }

    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    if negative {
        out.push('-');
    } else if flags.sign_plus {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| super::push_n(out, '0', n.max(0) as usize);
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let (int_part, frac) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Python's `repr(float)` (and `str(float)`).
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, repr) pairs produced by CPython 3.13.
    const REPRS: &[(f64, &str)] = &[
        (0.1, "0.1"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e-5, "1e-05"),
        (0.0001, "0.0001"),
        (1e16, "1e+16"),
        (1234567890123456.0, "1234567890123456.0"),
        (12345678901234567.0, "1.2345678901234568e+16"),
        (1.0, "1.0"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-f64::NAN, "nan"),
        (1.5e300, "1.5e+300"),
        (5e-324, "5e-324"),
        (f64::MAX, "1.7976931348623157e+308"),
        (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
        (2e16 + 8.0, "2.000000000000001e+16"),
        (100.0, "100.0"),
        (-123.456, "-123.456"),
        (0.00012, "0.00012"),
        (1e22, "1e+22"),
        (1.0 / 3.0, "0.3333333333333333"),
        (2.0 / 3.0, "0.6666666666666666"),
        (9007199254740993.0, "9007199254740992.0"),
        (123456789.0, "123456789.0"),
        (1e-7, "1e-07"),
        (1.5e-10, "1.5e-10"),
        (3.14259, "3.14259"),
    ];

    #[test]
    fn repr_matches_cpython() {
        for &(x, want) in REPRS {
            assert_eq!(float_repr(x), want, "repr({x:?})");
        }
    }

    #[test]
    fn dtoa_modes() {
        let f = DtoaFlags::default();
        assert_eq!(double_to_string(2.675, 'f', 2, f), "2.67");
        assert_eq!(double_to_string(0.125, 'f', 2, f), "0.12");
        assert_eq!(double_to_string(0.375, 'f', 2, f), "0.38");
        assert_eq!(double_to_string(0.001, 'f', 2, f), "0.00");
        assert_eq!(double_to_string(-0.001, 'f', 2, f), "-0.00");
        let z = DtoaFlags {
            no_neg_zero: true,
            ..f
        };
        assert_eq!(double_to_string(-0.001, 'f', 2, z), "0.00");
        assert_eq!(double_to_string(0.5, 'f', 0, f), "0");
        assert_eq!(double_to_string(1.5, 'f', 0, f), "2");
        assert_eq!(double_to_string(9.99, 'e', 1, f), "1.0e+01");
        assert_eq!(double_to_string(1e22, 'f', 0, f), "10000000000000000000000");
        assert_eq!(double_to_string(123456.0, 'g', 6, f), "123456");
        assert_eq!(double_to_string(1234567.0, 'g', 6, f), "1.23457e+06");
    }
}
