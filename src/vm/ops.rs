//! Operators: arithmetic with int→bigint overflow, comparisons, containment,
//! subscripts and slices — built-in types natively, user types by dunders.
use super::depth::Walk;

use super::function::{Args, PyResult};
use super::interp::Vm;
use super::value::Value;
use crate::ast::{BinOp, CmpOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Pow, Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(x) => Some(*x),
        Value::BigInt(b) => b.to_f64(),
        _ => None,
    }
}

fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// Numeric comparison across int, bigint, bool and float, exact for big values.
pub fn num_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        _ if is_int(a) && is_int(b) => Some(as_big(a)?.cmp(&as_big(b)?)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Float(x), other) if is_int(other) => float_int_cmp(*x, &as_big(other)?),
        (other, Value::Float(y)) if is_int(other) => {
            float_int_cmp(*y, &as_big(other)?).map(|o| o.reverse())
        }
        _ => None,
    }
}

fn float_int_cmp(x: f64, i: &BigInt) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = x.floor();
    // Exact for any finite float: `as i128` would saturate past 1.7e38.
    let fb = num_traits::FromPrimitive::from_f64(fl).unwrap_or_else(BigInt::zero);
    match fb.cmp(i) {
        Ordering::Equal => {
            if x > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 && ((m < 0.0) != (y < 0.0)) {
        m + y
    } else if m == 0.0 {
        0.0f64.copysign(y)
    } else {
        m
    }
}

pub fn float_floordiv(x: f64, y: f64) -> f64 {
    let m = float_mod(x, y);
    let d = (x - m) / y;
    if d == 0.0 {
        0.0f64.copysign(x / y)
    } else {
        let r = d.round();
        if (d - r).abs() > 0.5 { d.floor() } else { r }
    }
}

impl Vm {
    pub fn binary_op(&mut self, op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult {
        if inplace {
            // Mutable built-ins update in place (aliases see the change).
            let dunder = match (&a, op) {
                (Value::List(_), BinOp::Add) => Some("__iadd__"),
                (Value::List(_), BinOp::Mul) => Some("__imul__"),
                (Value::Set(_), BinOp::BitOr) => Some("__ior__"),
                (Value::Set(_), BinOp::BitAnd) => Some("__iand__"),
                (Value::Set(_), BinOp::Sub) => Some("__isub__"),
                (Value::Set(_), BinOp::BitXor) => Some("__ixor__"),
                (Value::Dict(_), BinOp::BitOr) => Some("__ior__"),
                _ => None,
            };
            if let Some(name) = dunder
                && let Some(f) = self.types.class_of(&a).lookup_static(name)
            {
                let r = self.call(&f, Args::new([a.clone(), b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.builtin_binary(op, &a, &b)? {
            return Ok(r);
        }
        let (name, rname, iname) = dunder(op);
        if inplace && let Some(f) = self.user_dunder(&a, iname) {
            let r = self.call(&f, Args::new([a.clone(), b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let r = self.rich_compare(&a, &b, name, rname)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        // `int | None` and friends: a union of types.
        if op == BinOp::BitOr
            && (matches!(a, Value::Class(_)) || matches!(b, Value::Class(_)))
            && matches!(a, Value::Class(_) | Value::None)
            && matches!(b, Value::Class(_) | Value::None)
        {
            let r = self.call_support("_typealias", "union", vec![a.clone(), b.clone()])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        let (ta, tb) = (self.type_name(&a), self.type_name(&b));
        let sym = op_symbol(op);
        let sym = if inplace && op != BinOp::Pow {
            format!("{sym}=")
        } else if inplace {
            "**=".to_string()
        } else {
            sym.to_string()
        };
        if op == BinOp::Add && matches!(a, Value::Str(_)) {
            return Err(self.type_error(&format!("can only concatenate str (not \"{tb}\") to str")));
        }
        if op == BinOp::Add && matches!(a, Value::List(_)) {
            return Err(
                self.type_error(&format!("can only concatenate list (not \"{tb}\") to list"))
            );
        }
        if op == BinOp::Add && matches!(a, Value::Tuple(_)) {
            return Err(self.type_error(&format!(
                "can only concatenate tuple (not \"{tb}\") to tuple"
            )));
        }
        if op == BinOp::Mul
            && (matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                || matches!(b, Value::Str(_) | Value::List(_) | Value::Tuple(_)))
        {
            let other = if matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
                &tb
            } else {
                &ta
            };
            return Err(self.type_error(&format!(
                "can't multiply sequence by non-int of type '{other}'"
            )));
        }
        Err(self.type_error(&format!(
            "unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"
        )))
    }

    fn user_dunder(&self, v: &Value, name: &'static str) -> Option<Value> {
        match v {
            Value::Instance(i) => match i.class.lookup_static(name) {
                Some(f @ Value::Function(_)) => Some(f),
                _ => None,
            },
            Value::Class(c) => match c.meta.as_ref()?.lookup_static(name) {
                Some(f @ Value::Function(_)) => Some(f),
                _ => None,
            },
            _ => None,
        }
    }

    fn builtin_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> Result<Option<Value>, Value> {
        use Value::*;
        if let (Bool(x), Bool(y)) = (a, b) {
            match op {
                BinOp::BitAnd => return Ok(Some(Bool(x & y))),
                BinOp::BitOr => return Ok(Some(Bool(x | y))),
                BinOp::BitXor => return Ok(Some(Bool(x ^ y))),
                _ => {}
            }
        }
        // Integers (including bool) first.
        if is_int(a) && is_int(b) && op != BinOp::MatMul {
            return self.int_binary(op, a, b).map(Some);
        }
        if let (Some(x), Some(y)) = (as_f64(a), as_f64(b)) {
            let float_op = matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::Div
                    | BinOp::FloorDiv
                    | BinOp::Mod
                    | BinOp::Pow
            );
            if float_op && (matches!(a, Float(_)) || matches!(b, Float(_))) {
                if let (BigInt(_), _) | (_, BigInt(_)) = (a, b)
                    && (as_f64(a).is_some_and(|v| v.is_infinite())
                        || as_f64(b).is_some_and(|v| v.is_infinite()))
                    && (!matches!(a, Float(_)) || !matches!(b, Float(_)))
                {
                    return Err(self.new_exc("OverflowError", "int too large to convert to float"));
                }
                return self.float_binary(op, x, y).map(Some);
            }
        }
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Str(x), Str(y)) => {
                self.reserve_large(x.as_str().len() + y.as_str().len())?;
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::str(s)
            }
            (BinOp::Mul, Str(s), n) | (BinOp::Mul, n, Str(s)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                self.repeat_bytes(s.as_str().len(), n, Some("repeated string is too long"))?;
                Value::str(s.as_str().repeat(n))
            }
            (BinOp::Mod, Str(s), args) => return self.percent_format(s.as_str(), args).map(Some),
            (BinOp::Mod, Bytes(b), args) => return self.percent_format_bytes(b, args).map(Some),
            (BinOp::Add, List(x), List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Value::list(v)
            }
            (BinOp::Mul, List(l), n) | (BinOp::Mul, n, List(l)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                let unit = l.borrow().len() * std::mem::size_of::<Value>();
                self.repeat_bytes(unit, n, Option::None)?;
                let items = l.borrow();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            (BinOp::Add, Tuple(x), Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Mul, Tuple(t), n) | (BinOp::Mul, n, Tuple(t)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                self.repeat_bytes(t.len() * std::mem::size_of::<Value>(), n, Option::None)?;
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            (BinOp::Mul, Bytes(bs), n) | (BinOp::Mul, n, Bytes(bs)) if is_int(n) => {
                let n = self.repeat_count(n)?;
                self.repeat_bytes(bs.len(), n, Some("repeated bytes are too long"))?;
                Value::Bytes(Rc::new(bs.repeat(n)))
            }
            (BinOp::Add, Bytes(x), Bytes(y)) => {
                let mut v = (**x).clone();
                v.extend_from_slice(y);
                Value::Bytes(Rc::new(v))
            }
            (BinOp::BitOr, Dict(x), Dict(y)) => {
                let mut d = x.borrow().clone();
                for e in y.borrow().iter() {
                    d.insert(e.hash, e.key.clone(), e.value.clone());
                }
                Value::dict(d)
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Set(_) | FrozenSet(_),
                Set(_) | FrozenSet(_),
            ) => {
                return self.set_binary(op, a, b).map(Some);
            }
            _ => return Ok(Option::None),
        }))
    }

    fn int_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult {
        if let (Some(x), Some(y)) = (small(a), small(b)) {
            let r = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mul => x.checked_mul(y),
                BinOp::FloorDiv => {
                    if y == 0 {
                        return Err(
                            self.new_exc("ZeroDivisionError", "integer division or modulo by zero")
                        );
                    }
                    x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
                }
                BinOp::Mod => {
                    if y == 0 {
                        return Err(self.new_exc("ZeroDivisionError", "integer modulo by zero"));
                    }
                    x.checked_rem(y).map(|_| x.mod_floor(&y))
                }
                BinOp::Div => {
                    if y == 0 {
                        return Err(self.new_exc("ZeroDivisionError", "division by zero"));
                    }
                    return Ok(Value::Float(int_true_div(
                        &BigInt::from(x),
                        &BigInt::from(y),
                    )));
                }
                BinOp::BitAnd => Some(x & y),
                BinOp::BitOr => Some(x | y),
                BinOp::BitXor => Some(x ^ y),
                BinOp::LShift => {
                    if y < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if y < 63 && (x.abs() < (1i64 << (62 - y))) {
                        Some(x << y)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if y < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if y >= 64 {
                        if x < 0 { -1 } else { 0 }
                    } else {
                        x >> y
                    })
                }
                BinOp::Pow => {
                    if y < 0 {
                        if x == 0 {
                            return Err(self.new_exc(
                                "ZeroDivisionError",
                                "0.0 cannot be raised to a negative power",
                            ));
                        }
                        return Ok(Value::Float((x as f64).powf(y as f64)));
                    }
                    if y <= u32::MAX as i64 {
                        x.checked_pow(y as u32)
                    } else {
                        None
                    }
                }
                BinOp::MatMul => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        let (Some(x), Some(y)) = (as_big(a), as_big(b)) else {
            return Ok(Value::NotImplemented);
        };
        Ok(match op {
            BinOp::Add => Value::from_bigint(x + y),
            BinOp::Sub => Value::from_bigint(x - y),
            BinOp::Mul => Value::from_bigint(x * y),
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(
                        self.new_exc("ZeroDivisionError", "integer division or modulo by zero")
                    );
                }
                Value::from_bigint(x.div_floor(&y))
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.new_exc("ZeroDivisionError", "integer modulo by zero"));
                }
                Value::from_bigint(x.mod_floor(&y))
            }
            BinOp::Div => {
                if y.is_zero() {
                    return Err(self.new_exc("ZeroDivisionError", "division by zero"));
                }
                let r = int_true_div(&x, &y);
                if r.is_infinite() {
                    return Err(self.new_exc(
                        "OverflowError",
                        "integer division result too large for a float",
                    ));
                }
                Value::Float(r)
            }
            BinOp::BitAnd => Value::from_bigint(x & y),
            BinOp::BitOr => Value::from_bigint(x | y),
            BinOp::BitXor => Value::from_bigint(x ^ y),
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                // As CPython: a count beyond a machine word cannot be
                // represented, a smaller one is refused only if the result
                // does not fit in memory.
                let Some(s) = y.to_i64().and_then(|s| usize::try_from(s).ok()) else {
                    // CPython counts in 30-bit digits: it can name the
                    // result's size up to 30 × 2**63 bits, then cannot.
                    let digits = y / BigInt::from(30);
                    return Err(if digits.to_i64().is_some() {
                        self.new_exc_empty("MemoryError")
                    } else {
                        self.new_exc("OverflowError", "too many digits in integer")
                    });
                };
                self.reserve_large(s / 8 + (x.bits() / 8) as usize)?;
                Value::from_bigint(x << s)
            }
            BinOp::RShift => {
                let Some(s) = y.to_u32() else {
                    if y.is_negative() {
                        return Err(self.value_error("negative shift count"));
                    }
                    return Ok(Value::Int(if x.is_negative() { -1 } else { 0 }));
                };
                Value::from_bigint(x >> s)
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let (xf, yf) = (
                        x.to_f64().unwrap_or(f64::INFINITY),
                        y.to_f64().unwrap_or(f64::NEG_INFINITY),
                    );
                    return self.float_binary(BinOp::Pow, xf, yf);
                }
                let Some(e) = y.to_u32() else {
                    return Err(self.new_exc("OverflowError", "exponent too large"));
                };
                Value::from_bigint(Pow::pow(x, e))
            }
            BinOp::MatMul => return Ok(Value::NotImplemented),
        })
    }

    fn float_binary(&mut self, op: BinOp, x: f64, y: f64) -> PyResult {
        Ok(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.new_exc("ZeroDivisionError", "float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.new_exc("ZeroDivisionError", "float floor division by zero"));
                }
                float_floordiv(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.new_exc("ZeroDivisionError", "float modulo by zero"));
                }
                float_mod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.new_exc(
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
                    // A negative base to a fractional power is complex.
                    return self.call_support(
                        "_complex",
                        "_float_power",
                        vec![Value::Float(x), Value::Float(y)],
                    );
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.new_exc_args(
                        "OverflowError",
                        vec![Value::Int(34), Value::str("Numerical result out of range")],
                    ));
                }
                r
            }
            _ => {
                let sym = op_symbol(op);
                return Err(self.type_error(&format!(
                    "unsupported operand type(s) for {sym}: 'float' and 'float'"
                )));
            }
        }))
    }

    pub fn new_exc_args(&mut self, name: &str, args: Vec<Value>) -> Value {
        let cls = self.types.exc(name);
        self.exc_from_class(&cls, args)
    }

    pub fn unary_op(&mut self, op: UnaryOp, a: Value) -> PyResult {
        match (op, &a) {
            (UnaryOp::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(r) => Value::Int(r),
                None => Value::from_bigint(-BigInt::from(*i)),
            }),
            (UnaryOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
            (UnaryOp::Neg, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
            (UnaryOp::Neg, Value::Float(x)) => Ok(Value::Float(-x)),
            (UnaryOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Ok(a),
            (UnaryOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
            (UnaryOp::Invert, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            (UnaryOp::Not, _) => Ok(Value::Bool(!self.truthy(&a)?)),
            _ => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    UnaryOp::Invert => "__invert__",
                    UnaryOp::Not => "__bool__",
                };
                if let Some(f) = self.user_dunder(&a, name) {
                    return self.call(&f, Args::new([a]));
                }
                // A subclass of a built-in type: the operator of its value.
                if let Some(p) = super::class::payload_of(&a) {
                    return self.unary_op(op, p);
                }
                let sym = match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Pos => "+",
                    UnaryOp::Invert => "~",
                    UnaryOp::Not => "not",
                };
                let tn = self.type_name(&a);
                Err(self.type_error(&format!("bad operand type for unary {sym}: '{tn}'")))
            }
        }
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        Ok(Value::Bool(match op {
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            CmpOp::Eq => {
                if matches!(a, Value::Instance(_) | Value::Native(_))
                    || matches!(b, Value::Instance(_) | Value::Native(_))
                {
                    let r = self.rich_compare(a, b, "__eq__", "__eq__")?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                    self.eq_after_not_implemented(a, b)?
                } else {
                    self.eq(a, b)?
                }
            }
            CmpOp::NotEq => {
                if matches!(a, Value::Instance(_) | Value::Native(_))
                    || matches!(b, Value::Instance(_) | Value::Native(_))
                {
                    let r = self.rich_compare(a, b, "__ne__", "__ne__")?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                    let r = self.rich_compare(a, b, "__eq__", "__eq__")?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Value::Bool(!self.truthy(&r)?));
                    }
                    !self.eq_after_not_implemented(a, b)?
                } else {
                    !self.eq(a, b)?
                }
            }
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => return self.order(op, a, b),
        }))
    }

    fn order(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult {
        let test = |o: Ordering| match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::LtE => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        };
        use Value::*;
        match (a, b) {
            (Int(_) | BigInt(_) | Bool(_) | Float(_), Int(_) | BigInt(_) | Bool(_) | Float(_)) => {
                return Ok(Value::Bool(num_cmp(a, b).is_some_and(test)));
            }
            (Str(x), Str(y)) => return Ok(Value::Bool(test(x.as_str().cmp(y.as_str())))),
            (Bytes(x), Bytes(y)) => return Ok(Value::Bool(test(x.cmp(y)))),
            (Tuple(x), Tuple(y)) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                return self.nested(Walk::Compare, |vm| vm.seq_order(op, &x, &y));
            }
            (List(x), List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.nested(Walk::Compare, |vm| vm.seq_order(op, &x, &y));
            }
            (Set(_) | FrozenSet(_), Set(_) | FrozenSet(_)) => {
                let (xa, ya) = (self.set_entries(a), self.set_entries(b));
                let mut sub = true;
                for (h, k) in &xa {
                    if !self.set_contains_raw(b, *h, k)? {
                        sub = false;
                        break;
                    }
                }
                let mut sup = true;
                for (h, k) in &ya {
                    if !self.set_contains_raw(a, *h, k)? {
                        sup = false;
                        break;
                    }
                }
                return Ok(Value::Bool(match op {
                    CmpOp::Lt => sub && xa.len() < ya.len(),
                    CmpOp::LtE => sub,
                    CmpOp::Gt => sup && xa.len() > ya.len(),
                    _ => sup,
                }));
            }
            _ => {}
        }
        let (name, rname) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        let r = self.rich_compare(a, b, name, rname)?;
        if !matches!(r, Value::NotImplemented) {
            return Ok(r);
        }
        // Instances of subclasses of built-in types compare by their
        // built-in value (`IntEnum` members, `str` subclasses).
        let (pa, pb) = (super::class::payload_of(a), super::class::payload_of(b));
        if pa.is_some() || pb.is_some() {
            let pa = pa.unwrap_or_else(|| a.clone());
            let pb = pb.unwrap_or_else(|| b.clone());
            if let Ok(r) = self.order(op, &pa, &pb) {
                return Ok(r);
            }
        }
        let sym = match op {
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            _ => ">=",
        };
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        Err(self.type_error(&format!(
            "'{sym}' not supported between instances of '{ta}' and '{tb}'"
        )))
    }

    fn seq_order(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult {
        for (p, q) in x.iter().zip(y) {
            if !(p.is(q) || self.eq(p, q)?) {
                return self.order(op, p, q);
            }
        }
        let o = x.len().cmp(&y.len());
        Ok(Value::Bool(match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::LtE => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        }))
    }

    /// Ordering used by sort/min/max: `a < b`.
    pub fn less_than(&mut self, a: &Value, b: &Value) -> Result<bool, Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(x < y);
        }
        let r = self.order(CmpOp::Lt, a, b)?;
        self.truthy(&r)
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> Result<bool, Value> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => {
                    let tn = self.type_name(item);
                    Err(self.type_error(&format!(
                        "'in <string>' requires string as left operand, not {tn}"
                    )))
                }
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                for it in &items {
                    if it.is(item) || self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for it in t.iter() {
                    if it.is(item) || self.eq(it, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) | Value::Set(d) => {
                let h = self.hash(item)?;
                let item = &self.canon_key_of(d, h, item)?;
                Ok(d.borrow().contains(h, item))
            }
            Value::FrozenSet(_) => {
                let h = self.hash(item)?;
                self.set_contains_raw(container, h, item)
            }
            Value::Range(r) => match item {
                Value::Int(i) => Ok(r.contains_int(*i)),
                Value::Bool(b) => Ok(r.contains_int(*b as i64)),
                Value::BigInt(b) => Ok(r.position(b).is_some()),
                _ => {
                    let it = Value::Iter(Rc::new(RefCell::new(r.iter())));
                    while let Some(x) = self.next(&it)? {
                        if self.eq(&x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            },
            Value::Bytes(b) => match item {
                Value::Int(i) if (0..256).contains(i) => Ok(b.contains(&(*i as u8))),
                Value::Int(_) => Err(self.value_error("byte must be in range(0, 256)")),
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                }
                other => {
                    let tn = self.type_name(other);
                    Err(self.type_error(&format!("a bytes-like object is required, not '{tn}'")))
                }
            },
            Value::Instance(_) | Value::Native(_) | Value::Class(_) => {
                if let Some(f) = self.user_dunder(container, "__contains__") {
                    let r = self.call(&f, Args::new([container.clone(), item.clone()]))?;
                    return self.truthy(&r);
                }
                if let Some(r) = crate::runtime::native_contains(self, container, item)? {
                    return Ok(r);
                }
                let it = self.iter(container)?;
                while let Some(v) = self.next(&it)? {
                    if v.is(item) || self.eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                if let Ok(it) = self.iter(container) {
                    while let Some(v) = self.next(&it)? {
                        if v.is(item) || self.eq(&v, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                let tn = self.type_name(container);
                Err(self.type_error(&format!("argument of type '{tn}' is not iterable")))
            }
        }
    }
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// `q * 2**exp` rounded once to the nearest float (ties to even), the
/// precision shrinking as CPython's does for subnormal results.
pub fn round_scaled(q: u128, exp: i64) -> f64 {
    let top = 127 - q.leading_zeros() as i64 + exp; // exponent of the leading bit
    if top > 1023 {
        return f64::INFINITY;
    }
    // Bits of precision the result keeps: 53, fewer below 2**-1022.
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if precision <= 0 && !(precision == 0 && q.count_ones() > 0) {
        return 0.0;
    }
    let width = 128 - q.leading_zeros() as i64;
    let drop = (width - precision).max(0) as u32;
    let mut m = if drop >= 128 { 0 } else { q >> drop };
    if drop > 0 && drop <= 128 {
        let half = 1u128 << (drop - 1);
        let rest = q & ((half << 1).wrapping_sub(1));
        if rest > half || (rest == half && m & 1 == 1) {
            m += 1;
        }
    }
    // m * 2**(exp + drop) is exactly representable: scale in two steps so
    // no intermediate leaves the normal range.
    let k = exp + drop as i64;
    let step = k.clamp(-1000, 1000);
    let f = m as f64 * 2f64.powi(step as i32);
    f * 2f64.powi((k - step) as i32)
}

/// Correctly rounded int/int true division.
pub fn int_true_div(x: &BigInt, y: &BigInt) -> f64 {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64())
        && a.abs() < (1 << 53)
        && b.abs() < (1 << 53)
    {
        return a as f64 / b as f64;
    }
    let neg = x.is_negative() != y.is_negative();
    let (x, y) = (x.abs(), y.abs());
    if x.is_zero() {
        return if neg { -0.0 } else { 0.0 };
    }
    // Scale so the quotient has 64+ significant bits; a sticky low bit
    // records a non-zero remainder, so one rounding below is exact.
    let shift = 64i64 + y.bits() as i64 - x.bits() as i64;
    let (n, d) = if shift > 0 {
        (x << shift as usize, y.clone())
    } else {
        (x.clone(), y << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u128().unwrap_or(0);
    if !r.is_zero() {
        q |= 1;
    }
    let f = round_scaled(q, -shift);
    if neg { -f } else { f }
}
