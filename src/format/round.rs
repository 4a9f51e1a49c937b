//! `round(float, ndigits)`: a port of `double_round` from CPython's
//! `Objects/floatobject.c`. The value is rounded half-even on its exact
//! decimal expansion and the resulting decimal string read back, so
//! `round(2.675, 2)` is 2.67 (2.675 is really 2.67499999...).

use num_bigint::BigUint;
use num_traits::Pow;

use super::FormatError;

/// Exact decimal expansion of a finite, positive float: digits without
/// trailing zeros and the point position (value = 0.DIGITS × 10^decpt).
fn exact_decimal(abs: f64) -> (Vec<u8>, i64) {
    let bits = abs.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    // value = mantissa × 2^exp
    let (mantissa, exp) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    };
    let (n, scale) = if exp >= 0 {
        (BigUint::from(mantissa) << (exp as usize), 0)
    } else {
        // m / 2^k == m × 5^k / 10^k
        let k = (-exp) as u32;
        (
            BigUint::from(mantissa) * BigUint::from(5u32).pow(k),
            i64::from(k),
        )
    };
    let mut digits = n.to_string().into_bytes();
    let decpt = digits.len() as i64 - scale;
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, decpt)
}

/// Rounds 0.DIGITS × 10^decpt half-even to `keep` significant digits
/// (which may be zero or negative: the value then rounds to 0 or to one
/// unit of the next power of ten).
fn round_digits(digits: &[u8], decpt: i64, keep: i64) -> (Vec<u8>, i64) {
    if keep >= digits.len() as i64 {
        return (digits.to_vec(), decpt);
    }
    if keep < 0 {
        return (Vec::new(), decpt);
    }
    let keep = keep as usize;
    let mut kept = digits[..keep].to_vec();
    let first_dropped = digits[keep];
    let rest_nonzero = digits[keep + 1..].iter().any(|&d| d != b'0');
    let last_odd = kept.last().is_some_and(|d| (d - b'0') % 2 == 1);
    let up = first_dropped > b'5' || (first_dropped == b'5' && (rest_nonzero || last_odd));
    if !up {
        return (kept, decpt);
    }
    for d in kept.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return (kept, decpt);
        }
    }
    // All nines (or nothing kept): carry into a new leading digit.
    kept.insert(0, b'1');
    (kept, decpt + 1)
}

/// Python's `round(x, ndigits)` for a float `x`.
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, FormatError> {
    // Beyond these bounds the answer is known without rounding; they are
    // CPython's NDIGITS_MAX and NDIGITS_MIN.
    if !x.is_finite() || x == 0.0 || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (digits, decpt) = exact_decimal(x.abs());
    let (rounded, decpt) = round_digits(&digits, decpt, decpt + ndigits);
    let sign = if x < 0.0 { "-" } else { "" };
    let text = format!(
        "{sign}0{}e{}",
        String::from_utf8_lossy(&rounded),
        decpt - rounded.len() as i64
    );
    let value: f64 = text
        .parse()
        .map_err(|_| FormatError::value("invalid rounded value"))?;
    if value.is_infinite() {
        return Err(FormatError::overflow(
            "rounded value too large to represent",
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_expansion() {
        assert_eq!(exact_decimal(0.5), (b"5".to_vec(), 0));
        assert_eq!(exact_decimal(1.0), (b"1".to_vec(), 1));
        assert_eq!(exact_decimal(1024.0), (b"1024".to_vec(), 4));
        assert_eq!(
            exact_decimal(0.1),
            (
                b"1000000000000000055511151231257827021181583404541015625".to_vec(),
                0
            )
        );
    }

    /// (x, ndigits, repr(round(x, ndigits))) from CPython 3.13.
    const CASES: &[(f64, i64, &str)] = &include!("cases/round.in");

    #[test]
    fn round_matches_cpython() {
        for &(x, n, want) in CASES {
            let got = float_round(x, n).map(super::super::float_repr);
            assert_eq!(got.as_deref(), Ok(want), "round({x:?}, {n})");
        }
    }

    #[test]
    fn round_overflow() {
        let e = float_round(1.7976931348623157e308, -308).err();
        assert_eq!(
            e.map(|e| (e.kind, e.message)),
            Some((
                super::super::ErrorKind::Overflow,
                "rounded value too large to represent".to_string()
            ))
        );
    }
}
