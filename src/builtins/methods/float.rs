//! `float` methods.

use super::{bad_receiver, check, register};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("is_integer", is_integer),
        ("as_integer_ratio", as_integer_ratio),
        ("conjugate", conjugate),
        ("hex", hex),
        ("__int__", dunder_trunc),
        ("__trunc__", dunder_trunc),
        ("__floor__", dunder_floor),
        ("__ceil__", dunder_ceil),
        ("__float__", dunder_float),
        ("__round__", dunder_round),
        ("__bool__", dunder_bool),
        ("__hash__", dunder_hash),
        ("__repr__", dunder_repr),
        ("__format__", dunder_format),
    ];
    register(vm, TypeId::Float, table);
    super::int::install_numeric(vm, TypeId::Float);
    crate::builtins::class_method(vm, TypeId::Float, "fromhex", fromhex);
}

/// `float.fromhex(s)`: `[sign] [0x] hexdigits [. hexdigits] [p exponent]`
/// (or inf/nan), rounded once to the nearest float.
fn fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let text = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("must be str, not {tn}")));
        }
        None => return Err(vm.type_error("float.fromhex() takes exactly one argument (0 given)")),
    };
    match parse_hex_float(&text) {
        Some(x) if x.is_infinite() && !text.to_ascii_lowercase().contains("inf") => Err(vm
            .new_exc(
                "OverflowError",
                "hexadecimal value too large to represent as a float",
            )),
        Some(x) => Ok(Value::Float(x)),
        None => Err(vm.value_error("invalid hexadecimal floating-point string")),
    }
}

fn parse_hex_float(text: &str) -> Option<f64> {
    let s = text.trim();
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |x: f64| if neg { -x } else { x };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(signed(f64::INFINITY)),
        "nan" => return Some(signed(f64::NAN)),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut m = num_bigint::BigUint::default();
    for c in int_part.chars().chain(frac_part.chars()) {
        m = m * 16u32 + c.to_digit(16)?;
    }
    let mut exp: i64 = match exponent {
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Exponents past any float's range saturate.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                -100_000
            } else {
                100_000
            })
        }
        None => 0,
    };
    exp = exp.clamp(-100_000, 100_000) - 4 * frac_part.len() as i64;
    if m.bits() == 0 {
        return Some(signed(0.0));
    }
    // Keep 120 bits plus a sticky bit for what is shifted out.
    let extra = m.bits().saturating_sub(120);
    let mut q = (&m >> extra).to_u128().unwrap_or(0);
    if extra > 0 && (&m & ((num_bigint::BigUint::from(1u8) << extra) - 1u8)) != 0u8.into() {
        q |= 1;
    }
    Some(signed(crate::vm::ops::round_scaled(q, exp + extra as i64)))
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<f64, Value> {
    match args.pos.first() {
        Some(Value::Float(x)) => Ok(*x),
        _ => Err(bad_receiver(vm, args, "float", name)),
    }
}

/// A float with no fractional part as an int, with CPython's errors.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.new_exc("OverflowError", "cannot convert float infinity to integer"));
    }
    if x.abs() < 9e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(crate::builtins::ctors::float_to_bigint(
        x,
    )))
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "is_integer")?;
    check(vm, &args, "float", "is_integer", 0, 0)?;
    Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "as_integer_ratio")?;
    check(vm, &args, "float", "as_integer_ratio", 0, 0)?;
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.new_exc("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    let (num, den) = ratio(x);
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

/// The exact value of a finite float as a reduced fraction.
pub fn ratio(x: f64) -> (BigInt, BigInt) {
    if x == 0.0 {
        return (BigInt::from(0), BigInt::from(1));
    }
    let bits = x.to_bits();
    let neg = bits >> 63 == 1;
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut mant, mut exp) = if raw_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), raw_exp - 1075)
    };
    while mant & 1 == 0 && exp < 0 {
        mant >>= 1;
        exp += 1;
    }
    let mut num = BigInt::from(mant);
    let mut den = BigInt::from(1);
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    if neg {
        num = -num;
    }
    (num, den)
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "conjugate")?;
    check(vm, &args, "float", "conjugate", 0, 0)?;
    Ok(Value::Float(x))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "hex")?;
    check(vm, &args, "float", "hex", 0, 0)?;
    Ok(Value::str(float_hex(x)))
}

/// `float.hex()`: `0x1.8000000000000p+1`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if raw_exp == 0 {
        (0, -1022)
    } else {
        (1, raw_exp - 1023)
    };
    let sign_e = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{sign_e}{}", exp.abs())
}

fn dunder_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__trunc__")?;
    check(vm, &args, "float", "__trunc__", 0, 0)?;
    float_to_int(vm, x.trunc())
}

fn dunder_floor(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__floor__")?;
    check(vm, &args, "float", "__floor__", 0, 0)?;
    float_to_int(vm, x.floor())
}

fn dunder_ceil(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__ceil__")?;
    check(vm, &args, "float", "__ceil__", 0, 0)?;
    float_to_int(vm, x.ceil())
}

fn dunder_float(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__float__")?;
    check(vm, &args, "float", "__float__", 0, 0)?;
    Ok(Value::Float(x))
}

fn dunder_round(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__round__")?;
    check(vm, &args, "float", "__round__", 0, 1)?;
    let f = vm
        .builtins
        .borrow()
        .get("round")
        .cloned()
        .unwrap_or_default();
    let mut a = Args::new(args.pos.iter().cloned());
    if let Some(Value::None) = a.pos.get(1) {
        a.pos.truncate(1);
    }
    vm.call(&f, a)
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__bool__")?;
    check(vm, &args, "float", "__bool__", 0, 0)?;
    Ok(Value::Bool(x != 0.0))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__hash__")?;
    check(vm, &args, "float", "__hash__", 0, 0)?;
    Ok(Value::Int(vm.hash(&Value::Float(x))?))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__repr__")?;
    check(vm, &args, "float", "__repr__", 0, 0)?;
    Ok(Value::str(crate::vm::convert::float_repr(x)))
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__format__")?;
    check(vm, &args, "float", "__format__", 1, 1)?;
    let spec = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
        }
    };
    Ok(Value::str(vm.format(&Value::Float(x), spec.as_str())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios() {
        assert_eq!(ratio(0.5), (BigInt::from(1), BigInt::from(2)));
        assert_eq!(ratio(-0.75), (BigInt::from(-3), BigInt::from(4)));
        assert_eq!(ratio(3.0), (BigInt::from(3), BigInt::from(1)));
    }

    #[test]
    fn hexes() {
        assert_eq!(float_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex(3.0), "0x1.8000000000000p+1");
        assert_eq!(float_hex(0.0), "0x0.0p+0");
    }
}
