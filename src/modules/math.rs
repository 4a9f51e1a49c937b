//! The `math` module, with CPython 3.13's results and errors.
//!
//! Float functions go to the platform libm (as CPython's do), except where
//! CPython computes the result itself: gamma/lgamma (its Lanczos method),
//! hypot/dist/fsum/sumprod (correctly rounded here, by exact arithmetic),
//! and the integer functions, which work on big ints.

use crate::ast::BinOp;
use crate::builtins::native;
use crate::vm::function::{Args, BuiltinKind, NativeFn, PyResult};
use crate::vm::module::ModuleObj;
use crate::vm::{Value, Vm};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

mod libm {
    mod c {
        unsafe extern "C" {
            pub safe fn acos(x: f64) -> f64;
            pub safe fn asin(x: f64) -> f64;
            pub safe fn atan(x: f64) -> f64;
            pub safe fn atan2(y: f64, x: f64) -> f64;
            pub safe fn acosh(x: f64) -> f64;
            pub safe fn asinh(x: f64) -> f64;
            pub safe fn atanh(x: f64) -> f64;
            pub safe fn cos(x: f64) -> f64;
            pub safe fn sin(x: f64) -> f64;
            pub safe fn tan(x: f64) -> f64;
            pub safe fn cosh(x: f64) -> f64;
            pub safe fn sinh(x: f64) -> f64;
            pub safe fn tanh(x: f64) -> f64;
            pub safe fn exp(x: f64) -> f64;
            pub safe fn exp2(x: f64) -> f64;
            pub safe fn expm1(x: f64) -> f64;
            pub safe fn log(x: f64) -> f64;
            pub safe fn log2(x: f64) -> f64;
            pub safe fn log10(x: f64) -> f64;
            pub safe fn log1p(x: f64) -> f64;
            pub safe fn pow(x: f64, y: f64) -> f64;
            pub safe fn cbrt(x: f64) -> f64;
            pub safe fn erf(x: f64) -> f64;
            pub safe fn erfc(x: f64) -> f64;
            pub safe fn fmod(x: f64, y: f64) -> f64;
            pub safe fn sqrt(x: f64) -> f64;
            pub safe fn ldexp(x: f64, e: i32) -> f64;
            pub safe fn fma(x: f64, y: f64, z: f64) -> f64;
        }
    }
    pub fn acos(x: f64) -> f64 {
        c::acos(x)
    }
    pub fn asin(x: f64) -> f64 {
        c::asin(x)
    }
    pub fn atan(x: f64) -> f64 {
        c::atan(x)
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        c::atan2(y, x)
    }
    pub fn acosh(x: f64) -> f64 {
        c::acosh(x)
    }
    pub fn asinh(x: f64) -> f64 {
        c::asinh(x)
    }
    pub fn atanh(x: f64) -> f64 {
        c::atanh(x)
    }
    pub fn cos(x: f64) -> f64 {
        c::cos(x)
    }
    pub fn sin(x: f64) -> f64 {
        c::sin(x)
    }
    pub fn tan(x: f64) -> f64 {
        c::tan(x)
    }
    pub fn cosh(x: f64) -> f64 {
        c::cosh(x)
    }
    pub fn sinh(x: f64) -> f64 {
        c::sinh(x)
    }
    pub fn tanh(x: f64) -> f64 {
        c::tanh(x)
    }
    pub fn exp(x: f64) -> f64 {
        c::exp(x)
    }
    pub fn exp2(x: f64) -> f64 {
        c::exp2(x)
    }
    pub fn expm1(x: f64) -> f64 {
        c::expm1(x)
    }
    pub fn log(x: f64) -> f64 {
        c::log(x)
    }
    pub fn log2(x: f64) -> f64 {
        c::log2(x)
    }
    pub fn log10(x: f64) -> f64 {
        c::log10(x)
    }
    pub fn log1p(x: f64) -> f64 {
        c::log1p(x)
    }
    pub fn pow(x: f64, y: f64) -> f64 {
        c::pow(x, y)
    }
    pub fn cbrt(x: f64) -> f64 {
        c::cbrt(x)
    }
    pub fn erf(x: f64) -> f64 {
        c::erf(x)
    }
    pub fn erfc(x: f64) -> f64 {
        c::erfc(x)
    }
    pub fn fmod(x: f64, y: f64) -> f64 {
        c::fmod(x, y)
    }
    pub fn sqrt(x: f64) -> f64 {
        c::sqrt(x)
    }
    pub fn ldexp(x: f64, e: i32) -> f64 {
        c::ldexp(x, e)
    }
    pub fn fma(x: f64, y: f64, z: f64) -> f64 {
        c::fma(x, y, z)
    }
}

pub fn create(vm: &mut Vm) -> PyResult {
    let g = vm.new_globals("math");
    {
        let mut d = g.borrow_mut();
        let table: &[(&str, NativeFn)] = &[
            ("acos", m_acos),
            ("acosh", m_acosh),
            ("asin", m_asin),
            ("asinh", m_asinh),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("ceil", m_ceil),
            ("comb", m_comb),
            ("copysign", m_copysign),
            ("cos", m_cos),
            ("cosh", m_cosh),
            ("degrees", m_degrees),
            ("dist", m_dist),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("fabs", m_fabs),
            ("factorial", m_factorial),
            ("floor", m_floor),
            ("fma", m_fma),
            ("fmod", m_fmod),
            ("frexp", m_frexp),
            ("fsum", m_fsum),
            ("gamma", m_gamma),
            ("gcd", m_gcd),
            ("hypot", m_hypot),
            ("isclose", m_isclose),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isqrt", m_isqrt),
            ("lcm", m_lcm),
            ("ldexp", m_ldexp),
            ("lgamma", m_lgamma),
            ("log", m_log),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("log2", m_log2),
            ("modf", m_modf),
            ("nextafter", m_nextafter),
            ("perm", m_perm),
            ("pow", m_pow),
            ("prod", m_prod),
            ("radians", m_radians),
            ("remainder", m_remainder),
            ("sin", m_sin),
            ("sinh", m_sinh),
            ("sqrt", m_sqrt),
            ("sumprod", m_sumprod),
            ("tan", m_tan),
            ("tanh", m_tanh),
            ("trunc", m_trunc),
            ("ulp", m_ulp),
        ];
        for (name, f) in table {
            d.insert((*name).into(), native(name, *f, BuiltinKind::Function));
        }
        d.insert("pi".into(), Value::Float(std::f64::consts::PI));
        d.insert("e".into(), Value::Float(std::f64::consts::E));
        d.insert("tau".into(), Value::Float(std::f64::consts::TAU));
        d.insert("inf".into(), Value::Float(f64::INFINITY));
        d.insert("nan".into(), Value::Float(f64::NAN));
    }
    Ok(Value::Module(Rc::new(ModuleObj {
        name: "math".into(),
        dict: g,
    })))
}

// ------------------------------------------------------------ arguments

fn no_kw(vm: &mut Vm, args: &Args, name: &str) -> Result<(), Value> {
    if args.kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("math.{name}() takes no keyword arguments")))
    }
}

/// The single argument of a one-argument function.
fn one(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    no_kw(vm, args, name)?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    }
    Ok(args.pos[0].clone())
}

/// Exactly `n` positional arguments ("atan2 expected 2 arguments, got 1").
fn exactly(vm: &mut Vm, args: &Args, name: &str, n: usize) -> Result<(), Value> {
    no_kw(vm, args, name)?;
    if args.pos.len() != n {
        return Err(vm.type_error(&format!(
            "{name} expected {n} arguments, got {}",
            args.pos.len()
        )));
    }
    Ok(())
}

fn domain_error(vm: &mut Vm) -> Value {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> Value {
    vm.new_exc("OverflowError", "math range error")
}

/// A real number as a float (`PyFloat_AsDouble`): `__float__`, then `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> Result<f64, Value> {
    match v {
        Value::Float(x) => Ok(*x),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => big_to_f64(vm, b),
        Value::Instance(_) => {
            if let Some(p) = crate::vm::class::payload_of(v)
                && matches!(
                    p,
                    Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_)
                )
            {
                return to_f64(vm, &p);
            }
            if let Some(f) = vm.user_method(v, "__float__") {
                let r = vm.call(&f, Args::new([v.clone()]))?;
                return match r {
                    Value::Float(x) => Ok(x),
                    other => {
                        let cn = vm.type_name(v);
                        let tn = vm.type_name(&other);
                        Err(vm
                            .type_error(&format!("{cn}.__float__ returned non-float (type {tn})")))
                    }
                };
            }
            if vm.user_method(v, "__index__").is_some() {
                let b = to_int(vm, v)?;
                return big_to_f64(vm, &b);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("must be real number, not {tn}")))
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("must be real number, not {tn}")))
        }
    }
}

fn big_to_f64(vm: &mut Vm, b: &BigInt) -> Result<f64, Value> {
    match b.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(vm.new_exc("OverflowError", "int too large to convert to float")),
    }
}

/// An integer argument (`__index__`), as a big int.
pub fn to_int(vm: &mut Vm, v: &Value) -> Result<BigInt, Value> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) => {
            if let Some(p) = crate::vm::class::payload_of(v)
                && matches!(p, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
            {
                return to_int(vm, &p);
            }
            if let Some(f) = vm.user_method(v, "__index__") {
                let r = vm.call(&f, Args::new([v.clone()]))?;
                return match r {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_int(vm, &r),
                    other => {
                        let tn = vm.type_name(&other);
                        Err(vm.type_error(&format!("__index__ returned non-int (type {tn})")))
                    }
                };
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!(
                "'{tn}' object cannot be interpreted as an integer"
            )))
        }
    }
}

/// An integral float as an int, with CPython's errors for NaN and infinities.
pub fn float_to_int(vm: &mut Vm, x: f64) -> PyResult {
    if !x.is_finite() {
        return Err(vm.float_to_int_error(x));
    }
    if x.abs() < 9.0e18 {
        return Ok(Value::Int(x as i64));
    }
    Ok(Value::from_bigint(
        BigInt::from_f64(x).unwrap_or_else(BigInt::zero),
    ))
}

// ------------------------------------------------------------ float functions

/// CPython's `math_1`: a NaN from a non-NaN is a domain error, an infinity
/// from a finite argument a range error (if the function can overflow) or a
/// domain error.
fn math_1(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: impl Fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult {
    let v = one(vm, args, name)?;
    let x = to_f64(vm, &v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm)
        });
    }
    Ok(Value::Float(r))
}

macro_rules! func1 {
    ($fname:ident, $name:literal, $f:expr, $ovf:expr) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            math_1(vm, &args, $name, $f, $ovf)
        }
    };
}

func1!(m_acos, "acos", libm::acos, false);
func1!(m_acosh, "acosh", libm::acosh, false);
func1!(m_asin, "asin", libm::asin, false);
func1!(m_asinh, "asinh", libm::asinh, false);
func1!(m_atan, "atan", libm::atan, false);
func1!(m_atanh, "atanh", libm::atanh, false);
func1!(m_cbrt, "cbrt", libm::cbrt, false);
func1!(m_cos, "cos", libm::cos, false);
func1!(m_cosh, "cosh", libm::cosh, true);
func1!(m_erf, "erf", libm::erf, false);
func1!(m_erfc, "erfc", libm::erfc, false);
func1!(m_exp, "exp", libm::exp, true);
func1!(m_exp2, "exp2", libm::exp2, true);
func1!(m_expm1, "expm1", libm::expm1, true);
func1!(m_fabs, "fabs", f64::abs, false);
func1!(m_log1p, "log1p", libm::log1p, false);
func1!(m_sin, "sin", libm::sin, false);
func1!(m_sinh, "sinh", libm::sinh, true);
func1!(m_sqrt, "sqrt", libm::sqrt, false);
func1!(m_tan, "tan", libm::tan, false);
func1!(m_tanh, "tanh", libm::tanh, false);
func1!(
    m_degrees,
    "degrees",
    |x| x * (180.0 / std::f64::consts::PI),
    false
);
func1!(
    m_radians,
    "radians",
    |x| x * (std::f64::consts::PI / 180.0),
    false
);

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "isfinite")?;
    Ok(Value::Bool(to_f64(vm, &v)?.is_finite()))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "isinf")?;
    Ok(Value::Bool(to_f64(vm, &v)?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "isnan")?;
    Ok(Value::Bool(to_f64(vm, &v)?.is_nan()))
}

/// Outcome of a function that reports errors the way C's errno does.
enum Errno {
    Ok(f64),
    Domain,
    Range,
}

fn errno_1(vm: &mut Vm, args: &Args, name: &str, f: fn(f64) -> Errno) -> PyResult {
    let v = one(vm, args, name)?;
    let x = to_f64(vm, &v)?;
    match f(x) {
        Errno::Ok(r) => Ok(Value::Float(r)),
        Errno::Domain => Err(domain_error(vm)),
        Errno::Range => Err(range_error(vm)),
    }
}

fn m_gamma(vm: &mut Vm, args: Args) -> PyResult {
    errno_1(vm, &args, "gamma", tgamma)
}

fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult {
    errno_1(vm, &args, "lgamma", lgamma)
}

const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// The Lanczos rational sum for x > 0 (in 1/x for large x, against overflow).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for (n, d) in LANCZOS_NUM.iter().zip(LANCZOS_DEN.iter()).rev() {
            num = num * x + n;
            den = den * x + d;
        }
    } else {
        for (n, d) in LANCZOS_NUM.iter().zip(LANCZOS_DEN.iter()) {
            num = num / x + n;
            den = den / x + d;
        }
    }
    num / den
}

/// sin(pi * x) for finite x, exact at the integers and half-integers.
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = libm::fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> Errno {
    use std::f64::consts::PI;
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Errno::Ok(x)
        } else {
            Errno::Domain
        };
    }
    if x == 0.0 {
        return Errno::Domain;
    }
    if x == x.floor() {
        if x < 0.0 {
            return Errno::Domain;
        }
        if x <= 23.0 {
            let r = product_range(2, x as u64 - 1)
                .to_f64()
                .unwrap_or(f64::INFINITY);
            return Errno::Ok(r);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Errno::Ok(0.0 / sinpi(x))
        } else {
            Errno::Range
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct pow(y, ..) / exp(y) by.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let half = libm::pow(y, absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let half = libm::pow(y, absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    if r.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok(r)
    }
}

fn lgamma(x: f64) -> Errno {
    if !x.is_finite() {
        return Errno::Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Errno::Domain
        } else {
            Errno::Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Errno::Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        let logpi = 1.144_729_885_849_400_2_f64;
        r = logpi - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok(r)
    }
}

/// Two float arguments (`math_2`'s conversion and count check).
fn two_floats(vm: &mut Vm, args: &Args, name: &str) -> Result<(f64, f64), Value> {
    exactly(vm, args, name, 2)?;
    let x = to_f64(vm, &args.pos[0])?;
    let y = to_f64(vm, &args.pos[1])?;
    Ok((x, y))
}

fn math_2(vm: &mut Vm, x: f64, y: f64, r: f64) -> PyResult {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult {
    use std::f64::consts::PI;
    let (y, x) = two_floats(vm, &args, "atan2")?;
    let r = if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if y.is_infinite() {
        if x.is_infinite() {
            if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            }
        } else {
            (0.5 * PI).copysign(y)
        }
    } else if x.is_infinite() || y == 0.0 {
        if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        }
    } else {
        libm::atan2(y, x)
    };
    math_2(vm, y, x, r)
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, &args, "remainder")?;
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            f64::NAN
        } else {
            let (ax, ay) = (x.abs(), y.abs());
            let m = libm::fmod(ax, ay);
            let c = ay - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                // Halfway: pick the even multiple.
                m - 2.0 * libm::fmod(0.5 * (ax - m), ay)
            };
            1.0f64.copysign(x) * r
        }
    } else if x.is_nan() {
        x
    } else if y.is_nan() {
        y
    } else if x.is_infinite() {
        f64::NAN
    } else {
        x
    };
    math_2(vm, x, y, r)
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_pow(vm: &mut Vm, args: Args) -> PyResult {
    let (x, y) = two_floats(vm, &args, "pow")?;
    let r;
    if !x.is_finite() || !y.is_finite() {
        r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    if x == 0.0 && y < 0.0 {
        return Err(domain_error(vm));
    }
    r = libm::pow(x, y);
    if r.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error(vm)
        } else {
            range_error(vm)
        });
    }
    Ok(Value::Float(r))
}

fn m_fma(vm: &mut Vm, args: Args) -> PyResult {
    exactly(vm, &args, "fma", 3)?;
    let x = to_f64(vm, &args.pos[0])?;
    let y = to_f64(vm, &args.pos[1])?;
    let z = to_f64(vm, &args.pos[2])?;
    let r = libm::fma(x, y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(vm.value_error("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(vm.new_exc("OverflowError", "overflow in fma"));
        }
    }
    Ok(Value::Float(r))
}

// ------------------------------------------------------------ logarithms

/// (m, e) with x == m * 2**e and 0.5 <= m < 1, for a positive big int.
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits() as i64;
    let mag = b.magnitude();
    let m = if bits <= 55 {
        mag.to_f64().unwrap_or(0.0)
    } else {
        let shift = (bits - 55) as u64;
        let mut top = mag >> shift;
        if (mag - (&top << shift)) != BigUint::zero() {
            top |= BigUint::one();
        }
        top.to_f64().unwrap_or(0.0)
    };
    // m is now the value divided by 2**(bits - 55) (or the value itself).
    let (m, e) = if bits <= 55 { (m, 0) } else { (m, bits - 55) };
    let (fm, fe) = frexp(m);
    (fm, fe as i64 + e)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// CPython's `loghelper`: ints of any size, then floats through `func`.
fn loghelper(vm: &mut Vm, v: &Value, func: fn(f64) -> f64) -> Result<f64, Value> {
    let as_int = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.to_bigint(v),
        Value::Instance(_) => match crate::vm::class::payload_of(v) {
            Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => vm.to_bigint(&p),
            _ => None,
        },
        _ => None,
    };
    if let Some(b) = as_int {
        if b.sign() != Sign::Plus {
            return Err(domain_error(vm));
        }
        return Ok(match b.to_f64() {
            Some(x) if x.is_finite() => func(x),
            _ => {
                let (m, e) = big_frexp(&b);
                func(m) + func(2.0) * e as f64
            }
        });
    }
    let x = to_f64(vm, v)?;
    let r = func(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(domain_error(vm));
    }
    Ok(r)
}

fn ln(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn log2_(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x == f64::NEG_INFINITY {
        f64::NAN
    } else {
        libm::log2(x)
    }
}

fn log10_(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x == f64::NEG_INFINITY {
        f64::NAN
    } else {
        libm::log10(x)
    }
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "log")?;
    match args.pos.len() {
        0 => return Err(vm.type_error("log expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => return Err(vm.type_error(&format!("log expected at most 2 arguments, got {n}"))),
    }
    let num = loghelper(vm, &args.pos[0], ln)?;
    if args.pos.len() == 1 {
        return Ok(Value::Float(num));
    }
    let den = loghelper(vm, &args.pos[1], ln)?;
    if den == 0.0 {
        return Err(vm.new_exc("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "log2")?;
    Ok(Value::Float(loghelper(vm, &v, log2_)?))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "log10")?;
    Ok(Value::Float(loghelper(vm, &v, log10_)?))
}

// ------------------------------------------------------------ rounding

/// ceil/floor: floats directly, else the object's `__ceil__`/`__floor__`,
/// else its float value.
fn round_to_int(vm: &mut Vm, args: Args, name: &str, up: bool) -> PyResult {
    let v = one(vm, &args, name)?;
    match &v {
        Value::Float(x) => return float_to_int(vm, if up { x.ceil() } else { x.floor() }),
        Value::Int(_) | Value::BigInt(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    let dunder = if up { "__ceil__" } else { "__floor__" };
    if let Some(f) = vm.user_method(&v, dunder) {
        return vm.call(&f, Args::new([v.clone()]));
    }
    if let Some(p) = crate::vm::class::payload_of(&v) {
        match p {
            Value::Int(_) | Value::BigInt(_) => return Ok(p),
            Value::Bool(b) => return Ok(Value::Int(b as i64)),
            _ => {}
        }
    }
    let x = to_f64(vm, &v)?;
    float_to_int(vm, if up { x.ceil() } else { x.floor() })
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult {
    round_to_int(vm, args, "ceil", true)
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult {
    round_to_int(vm, args, "floor", false)
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "trunc")?;
    match &v {
        Value::Float(x) => return float_to_int(vm, x.trunc()),
        Value::Int(_) | Value::BigInt(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {}
    }
    if let Some(f) = vm.user_method(&v, "__trunc__") {
        return vm.call(&f, Args::new([v.clone()]));
    }
    match crate::vm::class::payload_of(&v) {
        Some(Value::Float(x)) => return float_to_int(vm, x.trunc()),
        Some(p @ (Value::Int(_) | Value::BigInt(_))) => return Ok(p),
        Some(Value::Bool(b)) => return Ok(Value::Int(b as i64)),
        _ => {}
    }
    let tn = vm.type_name(&v);
    Err(vm.type_error(&format!("type {tn} doesn't define __trunc__ method")))
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "frexp")?;
    let x = to_f64(vm, &v)?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult {
    exactly(vm, &args, "ldexp", 2)?;
    let x = to_f64(vm, &args.pos[0])?;
    let exp: i64 = match &args.pos[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.sign() == Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => {
            return Err(vm.type_error("Expected an int as second argument to ldexp."));
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    if exp > i32::MAX as i64 {
        return Err(range_error(vm));
    }
    if exp < i32::MIN as i64 {
        return Ok(Value::Float(0.0f64.copysign(x)));
    }
    let r = libm::ldexp(x, exp as i32);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "modf")?;
    let x = to_f64(vm, &v)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

// ------------------------------------------------------------ exact sums

/// A finite float as (signed integer mantissa, binary exponent).
fn decompose(x: f64) -> (i64, i32) {
    if x == 0.0 {
        return (0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1i64 << 52), exp - 1075)
    };
    (if x < 0.0 { -m } else { m }, e)
}

/// n * 2**e rounded to the nearest float (ties to even).
fn scaled_to_f64(n: &BigInt, e: i64) -> f64 {
    if n.is_zero() {
        return 0.0;
    }
    let neg = n.sign() == Sign::Minus;
    let mag = n.magnitude();
    let bits = mag.bits() as i64;
    // The exponent of the result's lowest kept bit: 53 significant bits,
    // but never below the subnormal quantum 2**-1074.
    let top = bits + e; // value < 2**top
    let mut keep_low = top - 53;
    if keep_low < -1074 {
        keep_low = -1074;
    }
    let shift = keep_low - e;
    let q: BigUint = if shift > 0 {
        let s = shift as u64;
        let q = mag >> s;
        let rem = mag - (&q << s);
        let half = BigUint::one() << (s - 1);
        if rem > half || (rem == half && q.is_odd()) {
            q + BigUint::one()
        } else {
            q
        }
    } else {
        mag << ((-shift) as u64)
    };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let shift_exp = e + shift;
    let r = mul_pow2(qf, shift_exp);
    if neg { -r } else { r }
}

/// x * 2**k without intermediate overflow (x is an exact integer here).
fn mul_pow2(x: f64, k: i64) -> f64 {
    let k = k.clamp(-3000, 3000) as i32;
    let mut r = x;
    let mut k = k;
    while k > 1000 {
        r *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        // Only exact while r stays normal; r is at most 2**53 in units of
        // the final quantum, so split so the last step does the rounding.
        r *= 2f64.powi(-1000);
        k += 1000;
    }
    libm::ldexp(r, k)
}

/// The correctly rounded square root of the sum of squares of finite floats.
fn exact_norm(xs: &[f64]) -> f64 {
    let parts: Vec<(i64, i32)> = xs.iter().map(|x| decompose(*x)).collect();
    let Some(min_e) = parts.iter().filter(|p| p.0 != 0).map(|p| p.1).min() else {
        return 0.0;
    };
    let mut sum = BigUint::zero();
    for (m, e) in &parts {
        if *m == 0 {
            continue;
        }
        let m = BigUint::from(m.unsigned_abs());
        sum += (&m * &m) << (2 * (*e - min_e)) as u64;
    }
    // sqrt(sum * 2**(2*min_e)) = sqrt(sum) * 2**min_e.
    let bits = sum.bits() as i64;
    let k = if bits < 120 { (120 - bits + 1) / 2 } else { 0 };
    let scaled: BigUint = &sum << (2 * k) as u64;
    let r = scaled.sqrt();
    let sticky = &r * &r != scaled;
    let mut r2 = BigInt::from(r) << 1u32;
    if sticky {
        r2 += 1;
    }
    scaled_to_f64(&r2, min_e as i64 - k - 1)
}

fn vector_norm(vm: &mut Vm, xs: &[f64]) -> PyResult {
    let _ = vm;
    if xs.iter().any(|x| x.is_infinite()) {
        return Ok(Value::Float(f64::INFINITY));
    }
    if xs.iter().any(|x| x.is_nan()) {
        return Ok(Value::Float(f64::NAN));
    }
    Ok(Value::Float(exact_norm(xs)))
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "hypot")?;
    let mut xs = Vec::with_capacity(args.pos.len());
    for v in &args.pos {
        xs.push(to_f64(vm, v)?);
    }
    vector_norm(vm, &xs)
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult {
    exactly(vm, &args, "dist", 2)?;
    let p = vm.collect(&args.pos[0])?;
    let q = vm.collect(&args.pos[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut xs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        let a = to_f64(vm, a)?;
        let b = to_f64(vm, b)?;
        xs.push((a - b).abs());
    }
    vector_norm(vm, &xs)
}

fn m_fsum(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "fsum")?;
    let it = vm.iter(&v)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(&it)? {
        let mut x = to_f64(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.new_exc("OverflowError", "intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut n = partials.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Round half-even correctly when the rest pushes past a tie.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn m_prod(vm: &mut Vm, mut args: Args) -> PyResult {
    let start = args.take_kw("start");
    if let Some((k, _)) = args.kw.first() {
        let k = k.clone();
        return Err(vm.type_error(&format!("prod() got an unexpected keyword argument '{k}'")));
    }
    let n = args.pos.len() + start.is_some() as usize;
    if n > 2 {
        return Err(vm.type_error(&format!("prod() takes at most 2 arguments ({n} given)")));
    }
    if args.pos.len() != 1 {
        return Err(vm.type_error(&format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.pos.len()
        )));
    }
    let mut acc = start.unwrap_or(Value::Int(1));
    let it = vm.iter(&args.pos[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(BinOp::Mul, acc, x, false)?;
    }
    Ok(acc)
}

fn m_sumprod(vm: &mut Vm, args: Args) -> PyResult {
    exactly(vm, &args, "sumprod", 2)?;
    let pi = vm.iter(&args.pos[0])?;
    let qi = vm.iter(&args.pos[1])?;
    let mut pairs = Vec::new();
    loop {
        let a = vm.next(&pi)?;
        let b = vm.next(&qi)?;
        match (a, b) {
            (Some(a), Some(b)) => pairs.push((a, b)),
            (None, None) => break,
            _ => return Err(vm.value_error("Inputs are not the same length")),
        }
    }
    let is_num = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_)
        )
    };
    let all_num = pairs.iter().all(|(a, b)| is_num(a) && is_num(b));
    let any_float = pairs
        .iter()
        .any(|(a, b)| matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)));
    if all_num && any_float {
        let mut finite = true;
        let mut naive = 0.0f64;
        for (a, b) in &pairs {
            let x = to_f64(vm, a)?;
            let y = to_f64(vm, b)?;
            let p = x * y;
            if !x.is_finite() || !y.is_finite() || !p.is_finite() {
                finite = false;
            }
            naive += p;
        }
        if !finite {
            return Ok(Value::Float(naive));
        }
        // Exact: every product as a dyadic rational, summed, rounded once.
        let mut terms = Vec::new();
        for (a, b) in &pairs {
            let (ma, ea) = exact_parts(vm, a);
            let (mb, eb) = exact_parts(vm, b);
            terms.push((ma * mb, ea + eb));
        }
        let Some(min_e) = terms.iter().filter(|t| !t.0.is_zero()).map(|t| t.1).min() else {
            return Ok(Value::Float(naive * 0.0));
        };
        let mut total = BigInt::zero();
        for (m, e) in terms {
            total += m << (e - min_e) as u64;
        }
        return Ok(Value::Float(scaled_to_f64(&total, min_e)));
    }
    let mut acc = Value::Int(0);
    for (a, b) in pairs {
        let p = vm.binary_op(BinOp::Mul, a, b, false)?;
        acc = vm.binary_op(BinOp::Add, acc, p, false)?;
    }
    Ok(acc)
}

/// A number as an exact dyadic (mantissa, exponent).
fn exact_parts(vm: &Vm, v: &Value) -> (BigInt, i64) {
    match v {
        Value::Float(x) => {
            let (m, e) = decompose(*x);
            (BigInt::from(m), e as i64)
        }
        other => (vm.to_bigint(other).unwrap_or_default(), 0),
    }
}

// ------------------------------------------------------------ comparisons

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult {
    let mut a = args.pos.first().cloned();
    let mut b = args.pos.get(1).cloned();
    if args.pos.len() > 2 {
        return Err(vm.type_error(&format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let mut rel_tol = 1e-9;
    let mut abs_tol = 0.0;
    let mut rel_v = None;
    let mut abs_v = None;
    for (k, v) in &args.kw {
        match &**k {
            "a" if a.is_none() => a = Some(v.clone()),
            "b" if b.is_none() => b = Some(v.clone()),
            "rel_tol" => rel_v = Some(v.clone()),
            "abs_tol" => abs_v = Some(v.clone()),
            "a" | "b" => {
                let pos = if &**k == "a" { 1 } else { 2 };
                return Err(vm.type_error(&format!(
                    "argument for isclose() given by name ('{k}') and position ({pos})"
                )));
            }
            _ => {
                return Err(vm.type_error(&format!(
                    "isclose() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let Some(a) = a else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let Some(b) = b else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    let a = to_f64(vm, &a)?;
    let b = to_f64(vm, &b)?;
    if let Some(v) = rel_v {
        rel_tol = to_f64(vm, &v)?;
    }
    if let Some(v) = abs_v {
        abs_tol = to_f64(vm, &v)?;
    }
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

/// The float `steps` representable floats from x towards y.
fn step_towards(x: f64, y: f64, steps: u64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if steps == 0 {
        return x;
    }
    // Floats ordered as integers: negative floats map below zero.
    let key = |f: f64| -> i64 {
        let b = f.to_bits() as i64;
        if b < 0 { i64::MIN - b } else { b }
    };
    let unkey = |k: i64| -> f64 {
        if k < 0 {
            f64::from_bits((i64::MIN - k) as u64)
        } else {
            f64::from_bits(k as u64)
        }
    };
    let (kx, ky) = (key(x), key(y));
    if kx == ky {
        return y;
    }
    let dist = (ky as i128 - kx as i128).unsigned_abs();
    if dist <= steps as u128 {
        return y;
    }
    let r = if ky > kx {
        unkey(kx + steps as i64)
    } else {
        unkey(kx - steps as i64)
    };
    // Crossing zero lands on -0.0 or 0.0 by the key; both compare equal.
    if r == 0.0 && x != 0.0 {
        return 0.0f64.copysign(r);
    }
    r
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult {
    let total = args.pos.len() + args.kw.len();
    let mut steps_v = None;
    for (k, v) in &args.kw {
        match &**k {
            "steps" => steps_v = Some(v.clone()),
            _ => {
                return Err(vm.type_error(&format!(
                    "nextafter() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    if total > 3 {
        return Err(vm.type_error(&format!(
            "nextafter() takes at most 3 arguments ({total} given)"
        )));
    }
    if args.pos.len() < 2 {
        return Err(vm.type_error(&format!(
            "nextafter() takes exactly 2 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let x = to_f64(vm, &args.pos[0])?;
    let y = to_f64(vm, &args.pos[1])?;
    let steps_v = match (args.pos.get(2), steps_v) {
        (Some(v), _) => Some(v.clone()),
        (None, v) => v,
    };
    let steps = match steps_v {
        None | Some(Value::None) => 1u64,
        Some(v) => {
            let n = to_int(vm, &v)?;
            if n.is_negative() {
                return Err(vm.value_error("steps must be a non-negative integer"));
            }
            n.to_u64().unwrap_or(u64::MAX)
        }
    };
    Ok(Value::Float(step_towards(x, y, steps)))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "ulp")?;
    let x = to_f64(vm, &v)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let next = step_towards(x, f64::INFINITY, 1);
    if next.is_infinite() {
        let prev = step_towards(x, 0.0, 1);
        return Ok(Value::Float(x - prev));
    }
    Ok(Value::Float(next - x))
}

// ------------------------------------------------------------ integers

fn product_range(lo: u64, hi: u64) -> BigInt {
    // Product of lo..=hi by binary splitting.
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut r = BigInt::one();
        for k in lo..=hi {
            r *= k;
        }
        return r;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "factorial")?;
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = to_int(vm, &v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(vm.new_exc(
            "OverflowError",
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    Ok(Value::from_bigint(product_range(2, n)))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult {
    exactly(vm, &args, "comb", 2)?;
    let n = to_int(vm, &args.pos[0])?;
    let k = to_int(vm, &args.pos[1])?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let nk = &n - &k;
    let k = if nk < k { nk } else { k };
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.new_exc(
            "OverflowError",
            "min(n - k, k) must not exceed 9223372036854775807",
        ));
    };
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(r))
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "perm")?;
    match args.pos.len() {
        0 => return Err(vm.type_error("perm expected at least 1 argument, got 0")),
        1 | 2 => {}
        n => return Err(vm.type_error(&format!("perm expected at most 2 arguments, got {n}"))),
    }
    let n = to_int(vm, &args.pos[0])?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(to_int(vm, v)?),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    let k = match k {
        None => n.clone(),
        Some(k) => k,
    };
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.new_exc("OverflowError", "k must not exceed 9223372036854775807"));
    };
    if let Some(nn) = n.to_u64() {
        return Ok(Value::from_bigint(product_range(nn - k + 1, nn)));
    }
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(Value::from_bigint(r))
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "gcd")?;
    let mut acc = BigInt::zero();
    for v in &args.pos {
        let x = to_int(vm, v)?;
        acc = acc.gcd(&x);
    }
    Ok(Value::from_bigint(acc))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult {
    no_kw(vm, &args, "lcm")?;
    let mut acc = BigInt::one();
    for v in &args.pos {
        let x = to_int(vm, v)?;
        if acc.is_zero() || x.is_zero() {
            acc = BigInt::zero();
            continue;
        }
        acc = acc.lcm(&x);
    }
    Ok(Value::from_bigint(acc.abs()))
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult {
    let v = one(vm, &args, "isqrt")?;
    let n = to_int(vm, &v)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}
