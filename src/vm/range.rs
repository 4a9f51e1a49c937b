//! `range` objects. Bounds are arbitrary ints as in CPython; the common case
//! where bounds and length fit in an i64 is kept unboxed so that `for` loops
//! step without big-int arithmetic (CPython's `range_iterator` versus
//! `longrange_iterator` split, with the same rule for choosing).

use super::iter::NativeIter;
use super::value::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

#[derive(Debug, Clone)]
pub enum Range {
    /// Start, stop, step and the length all fit in an i64.
    Small {
        start: i64,
        stop: i64,
        step: i64,
    },
    Big(Box<BigBounds>),
}

#[derive(Debug, Clone)]
pub struct BigBounds {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo < hi {
        (hi - lo - 1u8).div_floor(&step) + 1u8
    } else {
        BigInt::zero()
    }
}

impl Range {
    /// A range over `start..stop` by `step`; the caller has checked `step != 0`.
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64())
            && small_len(a, b, c) <= i64::MAX as i128
        {
            return Range::Small {
                start: a,
                stop: b,
                step: c,
            };
        }
        Range::Big(Box::new(BigBounds { start, stop, step }))
    }

    pub fn bounds(&self) -> (BigInt, BigInt, BigInt) {
        match self {
            Range::Small { start, stop, step } => (
                BigInt::from(*start),
                BigInt::from(*stop),
                BigInt::from(*step),
            ),
            Range::Big(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        }
    }

    pub fn start(&self) -> Value {
        match self {
            Range::Small { start, .. } => Value::Int(*start),
            Range::Big(b) => Value::from_bigint(b.start.clone()),
        }
    }

    pub fn stop(&self) -> Value {
        match self {
            Range::Small { stop, .. } => Value::Int(*stop),
            Range::Big(b) => Value::from_bigint(b.stop.clone()),
        }
    }

    pub fn step(&self) -> Value {
        match self {
            Range::Small { step, .. } => Value::Int(*step),
            Range::Big(b) => Value::from_bigint(b.step.clone()),
        }
    }

    pub fn len_big(&self) -> BigInt {
        match self {
            Range::Small { start, stop, step } => BigInt::from(small_len(*start, *stop, *step)),
            Range::Big(b) => big_len(&b.start, &b.stop, &b.step),
        }
    }

    /// The length when it fits in an i64 (what `len()` can return).
    pub fn len(&self) -> Option<i64> {
        match self {
            Range::Small { start, stop, step } => Some(small_len(*start, *stop, *step) as i64),
            Range::Big(_) => self.len_big().to_i64(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Range::Small { start, stop, step } => small_len(*start, *stop, *step) == 0,
            Range::Big(_) => self.len_big().is_zero(),
        }
    }

    /// The item at position `i`, counting from the end when negative; `None`
    /// when out of range.
    pub fn item(&self, i: &BigInt) -> Option<BigInt> {
        let len = self.len_big();
        let i = if i.is_negative() { i + &len } else { i.clone() };
        if i.is_negative() || i >= len {
            return None;
        }
        let (start, _, step) = self.bounds();
        Some(start + i * step)
    }

    /// The position of the int `x` in the range, if it is an item.
    pub fn position(&self, x: &BigInt) -> Option<BigInt> {
        let (start, stop, step) = self.bounds();
        let inside = if step.is_positive() {
            *x >= start && *x < stop
        } else {
            *x <= start && *x > stop
        };
        if !inside {
            return None;
        }
        let (q, r) = (x - &start).div_rem(&step);
        r.is_zero().then_some(q)
    }

    /// Whether the int `x` is an item, without big-int arithmetic when possible.
    pub fn contains_int(&self, x: i64) -> bool {
        match self {
            Range::Small { start, stop, step } => {
                let (x, start, stop, step) =
                    (x as i128, *start as i128, *stop as i128, *step as i128);
                let inside = if step > 0 {
                    x >= start && x < stop
                } else {
                    x <= start && x > stop
                };
                inside && (x - start) % step == 0
            }
            Range::Big(_) => self.position(&BigInt::from(x)).is_some(),
        }
    }

    /// `r[start:stop:step]` for slice bounds already resolved against the
    /// length (CPython's `compute_slice`).
    pub fn slice(&self, lo: &BigInt, hi: &BigInt, by: &BigInt) -> Range {
        let (start, _, step) = self.bounds();
        Range::new(&start + lo * &step, &start + hi * &step, step * by)
    }

    /// Same length, same first item, and (when longer than one) same step.
    pub fn same(&self, other: &Range) -> bool {
        let (n, m) = (self.len_big(), other.len_big());
        if n != m {
            return false;
        }
        if n.is_zero() {
            return true;
        }
        let (a, _, s) = self.bounds();
        let (b, _, t) = other.bounds();
        a == b && (n.is_one() || s == t)
    }

    /// The items of `hash((len, start, step))` with CPython's `None`s for
    /// short ranges, so that equal ranges hash alike.
    pub fn hash_key(&self) -> [Value; 3] {
        let n = self.len_big();
        if n.is_zero() {
            return [Value::Int(0), Value::None, Value::None];
        }
        let first = self.start();
        if n.is_one() {
            return [Value::Int(1), first, Value::None];
        }
        [Value::from_bigint(n), first, self.step()]
    }

    pub fn repr(&self) -> String {
        let (start, stop, step) = self.bounds();
        if step.is_one() {
            format!("range({start}, {stop})")
        } else {
            format!("range({start}, {stop}, {step})")
        }
    }

    pub fn iter(&self) -> NativeIter {
        match self {
            Range::Small { start, stop, step } => NativeIter::Range {
                cur: *start,
                stop: *stop,
                step: *step,
            },
            Range::Big(b) => NativeIter::BigRange {
                cur: b.start.clone(),
                step: b.step.clone(),
                left: self.len_big(),
            },
        }
    }

    /// `reversed(r)`: the same items from the last, stepping back.
    pub fn reversed(&self) -> NativeIter {
        let len = self.len_big();
        let (start, _, step) = self.bounds();
        let last = &start + (&len - 1u8) * &step;
        let back = -step;
        let stop = &last + &len * &back;
        Range::new(last, stop, back).iter()
    }
}

/// One step of a `longrange_iterator`.
pub fn big_step(cur: &mut BigInt, step: &BigInt, left: &mut BigInt) -> Option<Value> {
    if !left.is_positive() {
        return None;
    }
    let v = cur.clone();
    *cur += step;
    *left -= 1u8;
    Some(Value::from_bigint(v))
}

impl super::interp::Vm {
    /// A slice bound as a big int (`__index__` semantics, CPython's message).
    pub fn slice_bound(&mut self, v: &Value) -> Result<BigInt, Value> {
        if let Some(b) = self.to_bigint(v) {
            return Ok(b);
        }
        if let Value::Instance(_) = v
            && self.user_method(v, "__index__").is_some()
        {
            return Ok(BigInt::from(self.index_value(v)?));
        }
        Err(self.type_error("slice indices must be integers or None or have an __index__ method"))
    }

    /// CPython's `_PySlice_GetLongIndices`: a slice resolved against a
    /// length that may not fit in a machine int.
    pub fn slice_indices_big(
        &mut self,
        s: &[Value; 3],
        len: &BigInt,
    ) -> Result<(BigInt, BigInt, BigInt), Value> {
        let step = if s[2].is_none() {
            BigInt::one()
        } else {
            self.slice_bound(&s[2])?
        };
        if step.is_zero() {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let back = step.is_negative();
        let (lower, upper) = if back {
            (BigInt::from(-1), len - 1u8)
        } else {
            (BigInt::zero(), len.clone())
        };
        let resolve = |vm: &mut Self, v: &Value, default: &BigInt| -> Result<BigInt, Value> {
            if v.is_none() {
                return Ok(default.clone());
            }
            let mut i = vm.slice_bound(v)?;
            if i.is_negative() {
                i += len;
                if i < lower {
                    i = lower.clone();
                }
            } else if i > upper {
                i = upper.clone();
            }
            Ok(i)
        };
        let (first, last) = if back {
            (upper.clone(), lower.clone())
        } else {
            (lower.clone(), upper.clone())
        };
        let start = resolve(self, &s[0], &first)?;
        let stop = resolve(self, &s[1], &last)?;
        Ok((start, stop, step))
    }
}
