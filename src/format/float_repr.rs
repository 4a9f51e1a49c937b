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
    break_tie_to_even(abs, from_exp_notation(&format!("{abs:e}")))
}

/// When the float lies exactly halfway between two shortest candidates
/// (e.g. 1927653133504281.25 between ...281.2 and ...281.3), dtoa picks
/// the even last digit; Rust may pick the odd one, so switch.
fn break_tie_to_even(abs: f64, d: Digits) -> Digits {
    let odd = d.digits.bytes().last().is_some_and(|b| b % 2 == 1);
    if !odd {
        return d;
    }
    let Some(exact) = short_exact(abs) else {
        return d;
    };
    let n = d.digits.len();
    if exact.digits.len() != n + 1 || !exact.digits.ends_with('5') || exact.decpt != d.decpt {
        return d;
    }
    let truncated = &exact.digits[..n];
    let other = if truncated == d.digits {
        match increment(truncated) {
            Some(o) => o,
            None => return d,
        }
    } else {
        truncated.to_string()
    };
    let even = other.bytes().last().is_some_and(|b| b % 2 == 0);
    let round_trips = format!("0.{other}e{}", d.decpt).parse::<f64>() == Ok(abs);
    if !even || !round_trips {
        return d;
    }
    let mut digits = other;
    trim_trailing_zeros(&mut digits);
    Digits {
        digits,
        decpt: d.decpt,
    }
}

/// Adds one unit in the last place; `None` if that carries out of the
/// leading digit.
fn increment(digits: &str) -> Option<String> {
    let mut bytes = digits.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return String::from_utf8(bytes).ok();
        }
    }
    None
}

/// The exact decimal value of a finite positive float, but only when it
/// has at most 18 significant digits (the only case a shortest-repr tie can
/// occur in); computed in u128 to keep repr free of bignums.
fn short_exact(abs: f64) -> Option<Digits> {
    let bits = abs.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return None;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += i64::from(tz);
    let (n, scale) = if e >= 0 {
        if e >= 64 {
            return None;
        }
        (u128::from(m) << e, 0)
    } else {
        // m / 2^k == m × 5^k / 10^k; 5^27 alone exceeds 10^18.
        let k = u32::try_from(-e).ok().filter(|&k| k <= 26)?;
        (u128::from(m) * 5u128.pow(k), i64::from(k))
    };
    if n >= 10u128.pow(18) {
        return None;
    }
    let s = n.to_string();
    let decpt = s.len() as i64 - scale;
    let mut digits = s;
    trim_trailing_zeros(&mut digits);
    Some(Digits { digits, decpt })
}

/// `_Py_dg_dtoa` mode 2: `n` (>= 1) significant digits, trailing zeros
/// removed.
fn significant(abs: f64, n: usize) -> Digits {
    if abs == 0.0 {
        return zero();
    }
    // A double's exact decimal expansion has at most 767 significant digits,
    // so asking for more only adds zeros (which are trimmed); Rust's
    // formatter refuses precisions beyond u16 anyway.
    from_exp_notation(&format!("{:.*e}", n.saturating_sub(1).min(800), abs))
}

/// `_Py_dg_dtoa` mode 3: rounded to `n` digits after the point. A value
/// that rounds to zero yields no digits at all, as in dtoa.
fn fixed(abs: f64, n: usize) -> Digits {
    if abs == 0.0 {
        return zero();
    }
    // Every double's expansion ends within 1074 fractional digits: beyond
    // that the digits are exact and only zeros follow.
    let exact = n.min(1100);
    let s = format!("{abs:.exact$}");
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
        // Exactly halfway between two shortest candidates: even wins.
        (1927653133504281.0 + 0.25, "1927653133504281.2"),
        (-863652811856219.0 - 0.25, "-863652811856219.2"),
        (-248631428651130.0 - 0.625, "-248631428651130.62"),
        (-1794493155204888.0 - 0.25, "-1794493155204888.2"),
        (0.5, "0.5"),
        (2.5, "2.5"),
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
