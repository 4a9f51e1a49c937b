//! `int` (and `bool`) methods, plus the arithmetic dunders shared with
//! `float` (`int.__add__(1, 2)` and friends delegate to the VM's operators).

use super::{bad_receiver, check, params, register};
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("bit_length", bit_length),
        ("bit_count", bit_count),
        ("to_bytes", to_bytes),
        ("conjugate", conjugate),
        ("as_integer_ratio", as_integer_ratio),
        ("is_integer", is_integer),
        ("__index__", dunder_int),
        ("__int__", dunder_int),
        ("__float__", dunder_float),
        ("__trunc__", dunder_int),
        ("__floor__", dunder_int),
        ("__ceil__", dunder_int),
        ("__round__", dunder_round),
        ("__bool__", dunder_bool),
        ("__hash__", dunder_hash),
        ("__repr__", dunder_repr),
        ("__format__", dunder_format),
    ];
    register(vm, TypeId::Int, table);
    crate::builtins::class_method(vm, TypeId::Int, "from_bytes", from_bytes);
    install_numeric(vm, TypeId::Int);
}

/// Arithmetic, unary and comparison dunders for int and float.
pub fn install_numeric(vm: &mut Vm, t: TypeId) {
    let table: &[(&str, NativeFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", mod_),
        ("__rmod__", rmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__divmod__", divmod),
        ("__rdivmod__", rdivmod),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    register(vm, t, table);
    if t == TypeId::Int {
        let bits: &[(&str, NativeFn)] = &[
            ("__and__", and),
            ("__rand__", rand),
            ("__or__", or),
            ("__ror__", ror),
            ("__xor__", xor),
            ("__rxor__", rxor),
            ("__lshift__", lshift),
            ("__rlshift__", rlshift),
            ("__rshift__", rshift),
            ("__rrshift__", rrshift),
            ("__invert__", invert),
        ];
        register(vm, t, bits);
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn is_num(v: &Value) -> bool {
    is_int(v) || matches!(v, Value::Float(_))
}

fn tname(v: Option<&Value>) -> &'static str {
    match v {
        Some(Value::Float(_)) => "float",
        _ => "int",
    }
}

/// The receiver of a numeric dunder (int for int methods, float for float).
fn num_this(vm: &mut Vm, args: &Args, name: &str) -> PyResult {
    match args.pos.first() {
        Some(v) if is_num(v) => Ok(v.clone()),
        _ => Err(bad_receiver(vm, args, "int", name)),
    }
}

/// Whether `other` is an operand the receiver's type handles itself.
fn accepts(me: &Value, other: &Value) -> bool {
    match me {
        Value::Float(_) => is_num(other),
        _ => is_int(other),
    }
}

fn arith(vm: &mut Vm, args: Args, name: &str, op: BinOp, reflected: bool) -> PyResult {
    let me = num_this(vm, &args, name)?;
    check(vm, &args, tname(Some(&me)), name, 1, 1)?;
    let other = args.pos[1].clone();
    if !accepts(&me, &other) {
        return Ok(Value::NotImplemented);
    }
    if reflected {
        vm.binary_op(op, other, me, false)
    } else {
        vm.binary_op(op, me, other, false)
    }
}

macro_rules! arith_fns {
    ($($f:ident, $rf:ident, $name:literal, $rname:literal, $op:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: Args) -> PyResult {
                arith(vm, args, $name, $op, false)
            }
            fn $rf(vm: &mut Vm, args: Args) -> PyResult {
                arith(vm, args, $rname, $op, true)
            }
        )*
    };
}

arith_fns! {
    add, radd, "__add__", "__radd__", BinOp::Add;
    sub, rsub, "__sub__", "__rsub__", BinOp::Sub;
    mul, rmul, "__mul__", "__rmul__", BinOp::Mul;
    truediv, rtruediv, "__truediv__", "__rtruediv__", BinOp::Div;
    floordiv, rfloordiv, "__floordiv__", "__rfloordiv__", BinOp::FloorDiv;
    mod_, rmod, "__mod__", "__rmod__", BinOp::Mod;
    and, rand, "__and__", "__rand__", BinOp::BitAnd;
    or, ror, "__or__", "__ror__", BinOp::BitOr;
    xor, rxor, "__xor__", "__rxor__", BinOp::BitXor;
    lshift, rlshift, "__lshift__", "__rlshift__", BinOp::LShift;
    rshift, rrshift, "__rshift__", "__rrshift__", BinOp::RShift;
}

fn pow(vm: &mut Vm, args: Args) -> PyResult {
    if args.len() == 3 && !args.pos[2].is_none() {
        let f = vm.builtins.borrow().get("pow").cloned().unwrap_or_default();
        return vm.call(&f, Args::new(args.pos.iter().cloned()));
    }
    let mut a = args;
    a.pos.truncate(2);
    arith(vm, a, "__pow__", BinOp::Pow, false)
}

fn rpow(vm: &mut Vm, args: Args) -> PyResult {
    let mut a = args;
    a.pos.truncate(2);
    arith(vm, a, "__rpow__", BinOp::Pow, true)
}

fn divmod_impl(vm: &mut Vm, args: Args, name: &str, reflected: bool) -> PyResult {
    let me = num_this(vm, &args, name)?;
    check(vm, &args, tname(Some(&me)), name, 1, 1)?;
    let other = args.pos[1].clone();
    if !accepts(&me, &other) {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if reflected { (other, me) } else { (me, other) };
    let q = vm.binary_op(BinOp::FloorDiv, a.clone(), b.clone(), false)?;
    let r = vm.binary_op(BinOp::Mod, a, b, false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult {
    divmod_impl(vm, args, "__divmod__", false)
}
fn rdivmod(vm: &mut Vm, args: Args) -> PyResult {
    divmod_impl(vm, args, "__rdivmod__", true)
}

fn unary(vm: &mut Vm, args: Args, name: &str, op: UnaryOp) -> PyResult {
    let me = num_this(vm, &args, name)?;
    check(vm, &args, tname(Some(&me)), name, 0, 0)?;
    vm.unary_op(op, me)
}

fn neg(vm: &mut Vm, args: Args) -> PyResult {
    unary(vm, args, "__neg__", UnaryOp::Neg)
}
fn pos(vm: &mut Vm, args: Args) -> PyResult {
    unary(vm, args, "__pos__", UnaryOp::Pos)
}
fn invert(vm: &mut Vm, args: Args) -> PyResult {
    unary(vm, args, "__invert__", UnaryOp::Invert)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult {
    let me = num_this(vm, &args, "__abs__")?;
    check(vm, &args, tname(Some(&me)), "__abs__", 0, 0)?;
    Ok(match me {
        Value::Float(x) => Value::Float(x.abs()),
        Value::Bool(b) => Value::Int(b as i64),
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(i).abs()),
        },
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        other => other,
    })
}

fn cmp(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let me = num_this(vm, &args, name)?;
    check(vm, &args, tname(Some(&me)), name, 1, 1)?;
    let other = args.pos[1].clone();
    if !is_num(&other) {
        return Ok(Value::NotImplemented);
    }
    vm.compare(op, &me, &other)
}

fn eq(vm: &mut Vm, args: Args) -> PyResult {
    cmp(vm, args, "__eq__", CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: Args) -> PyResult {
    cmp(vm, args, "__ne__", CmpOp::NotEq)
}
fn lt(vm: &mut Vm, args: Args) -> PyResult {
    cmp(vm, args, "__lt__", CmpOp::Lt)
}
fn le(vm: &mut Vm, args: Args) -> PyResult {
    cmp(vm, args, "__le__", CmpOp::LtE)
}
fn gt(vm: &mut Vm, args: Args) -> PyResult {
    cmp(vm, args, "__gt__", CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: Args) -> PyResult {
    cmp(vm, args, "__ge__", CmpOp::GtE)
}

// ------------------------------------------------------------ int only

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<BigInt, Value> {
    match args.pos.first() {
        Some(v) if is_int(v) => Ok(vm.to_bigint(v).unwrap_or_default()),
        _ => Err(bad_receiver(vm, args, "int", name)),
    }
}

fn int_value(args: &Args) -> Value {
    match args.pos.first() {
        Some(Value::Bool(b)) => Value::Int(*b as i64),
        Some(v) => v.clone(),
        None => Value::Int(0),
    }
}

fn bit_length(vm: &mut Vm, args: Args) -> PyResult {
    let n = this(vm, &args, "bit_length")?;
    check(vm, &args, "int", "bit_length", 0, 0)?;
    Ok(Value::Int(n.bits() as i64))
}

fn bit_count(vm: &mut Vm, args: Args) -> PyResult {
    let n = this(vm, &args, "bit_count")?;
    check(vm, &args, "int", "bit_count", 0, 0)?;
    let ones: u64 = n
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

fn byteorder(vm: &mut Vm, v: Option<&Value>) -> Result<bool, Value> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "to_bytes() argument 'byteorder' must be str, not {tn}"
            )))
        }
    }
}

fn to_bytes(vm: &mut Vm, args: Args) -> PyResult {
    let n = this(vm, &args, "to_bytes")?;
    let p = params(vm, &args, "to_bytes", &["length", "byteorder", "signed"], 0)?;
    let length = match &p[0] {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, p[1].as_ref())?;
    let signed = match &p[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !signed && n.is_negative() {
        return Err(vm.new_exc("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if n.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        // to_signed_bytes_le may add a sign byte that fits exactly.
        return Err(vm.new_exc("OverflowError", "int too big to convert"));
    }
    let fill = if signed && n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn from_bytes(vm: &mut Vm, args: Args) -> PyResult {
    // args.pos[0] is the class.
    let mut a = Args::default();
    a.pos.push(Value::None);
    a.pos.extend(args.pos.iter().skip(1).cloned());
    a.kw = args.kw;
    let p = params(vm, &a, "from_bytes", &["bytes", "byteorder", "signed"], 1)?;
    let data: Vec<u8> = match &p[0] {
        Some(Value::Bytes(b)) => b.to_vec(),
        Some(Value::Str(_)) => {
            return Err(vm.type_error("cannot convert 'str' object to bytes"));
        }
        Some(v) => {
            let items = vm.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let i = vm.index_value(&it)?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            out
        }
        None => Vec::new(),
    };
    let little = byteorder(vm, p[1].as_ref())?;
    let signed = match &p[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    Ok(Value::from_bigint(n))
}

fn conjugate(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "conjugate")?;
    check(vm, &args, "int", "conjugate", 0, 0)?;
    Ok(int_value(&args))
}

fn as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "as_integer_ratio")?;
    check(vm, &args, "int", "as_integer_ratio", 0, 0)?;
    Ok(Value::tuple(vec![int_value(&args), Value::Int(1)]))
}

fn is_integer(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "is_integer")?;
    check(vm, &args, "int", "is_integer", 0, 0)?;
    Ok(Value::Bool(true))
}

fn dunder_int(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__int__")?;
    check(vm, &args, "int", "__int__", 0, 0)?;
    Ok(int_value(&args))
}

fn dunder_float(vm: &mut Vm, args: Args) -> PyResult {
    let n = this(vm, &args, "__float__")?;
    check(vm, &args, "int", "__float__", 0, 0)?;
    match num_traits::ToPrimitive::to_f64(&n) {
        Some(x) if x.is_finite() => Ok(Value::Float(x)),
        _ => Err(vm.new_exc("OverflowError", "int too large to convert to float")),
    }
}

fn dunder_round(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__round__")?;
    check(vm, &args, "int", "__round__", 0, 1)?;
    let f = vm
        .builtins
        .borrow()
        .get("round")
        .cloned()
        .unwrap_or_default();
    vm.call(&f, Args::new(args.pos.iter().cloned()))
}

fn dunder_bool(vm: &mut Vm, args: Args) -> PyResult {
    let n = this(vm, &args, "__bool__")?;
    check(vm, &args, "int", "__bool__", 0, 0)?;
    Ok(Value::Bool(!n.is_zero()))
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__hash__")?;
    check(vm, &args, "int", "__hash__", 0, 0)?;
    let v = args.pos[0].clone();
    Ok(Value::Int(vm.hash(&v)?))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__repr__")?;
    check(vm, &args, "int", "__repr__", 0, 0)?;
    let v = args.pos[0].clone();
    Ok(Value::str(vm.repr(&v)?))
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult {
    this(vm, &args, "__format__")?;
    check(vm, &args, "int", "__format__", 1, 1)?;
    let spec = match &args.pos[1] {
        Value::Str(s) => s.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
        }
    };
    let v = args.pos[0].clone();
    Ok(Value::str(vm.format(&v, spec.as_str())?))
}
