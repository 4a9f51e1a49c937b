//! Python's hash functions, bit-for-bit: set iteration order and `hash()`
//! output depend on them. Strings use SipHash-1-3 with the all-zero key that
//! CPython uses under PYTHONHASHSEED=0 (the oracle's setting).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

const MODULUS: i64 = (1i64 << 61) - 1;

fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

pub fn int_hash(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS as u64) as i64;
    fix(if i < 0 { -m } else { m })
}

pub fn bigint_hash(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = b.abs().mod_floor(&m).to_i64().unwrap_or(0);
    fix(if b.is_negative() { -r } else { r })
}

pub fn float_hash(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    if x == x.trunc() && x.abs() < 9.2e18 {
        return int_hash(x as i64);
    }
    // CPython's _Py_HashDouble: fold the mantissa 28 bits at a time.
    let (mut m, mut e) = frexp(x.abs());
    let sign = if x < 0.0 { -1i64 } else { 1 };
    let mut h: u64 = 0;
    let modulus = MODULUS as u64;
    while m != 0.0 {
        h = ((h << 28) & modulus) | (h >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= modulus {
            h -= modulus;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    h = ((h << e) & modulus) | (h >> (61 - e));
    fix(h as i64 * sign)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

pub fn str_hash(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut bytes: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if max < 256 {
        bytes.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 65536 {
        for c in s.chars() {
            bytes.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            bytes.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    fix(siphash13(0, 0, &bytes) as i64)
}

pub fn bytes_hash(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix(siphash13(0, 0, b) as i64)
}

const P1: u64 = 11400714785074694791;
const P2: u64 = 14029467366897019727;
const P5: u64 = 2870177450012600261;

fn xx_lanes(items: impl Iterator<Item = i64>) -> u64 {
    let mut acc: u64 = P5;
    for h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc
}

/// CPython's slice hash: the tuple hash of its three parts without the
/// length term.
pub fn slice_hash(items: impl Iterator<Item = i64>) -> i64 {
    let acc = xx_lanes(items);
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// CPython's tuple hash (an xxHash variant).
pub fn tuple_hash(items: impl Iterator<Item = i64>, len: usize) -> i64 {
    let mut acc = xx_lanes(items);
    acc = acc.wrapping_add((len as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v1 = v1.rotate_left(13);
            v1 ^= v0;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v3);
            v3 = v3.rotate_left(16);
            v3 ^= v2;
            v0 = v0.wrapping_add(v3);
            v3 = v3.rotate_left(21);
            v3 ^= v0;
            v2 = v2.wrapping_add(v1);
            v1 = v1.rotate_left(17);
            v1 ^= v2;
            v2 = v2.rotate_left(32);
        };
    }
    let len = data.len();
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let m = u64::from_le_bytes(w);
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut last = [0u8; 8];
    last[..rest.len()].copy_from_slice(rest);
    let b = ((len as u64) << 56) | u64::from_le_bytes(last);
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_with_hashseed_zero() {
        // Values printed by CPython 3.13 with PYTHONHASHSEED=0.
        assert_eq!(int_hash(-1), -2);
        assert_eq!(int_hash(1 << 62), 2);
        assert_eq!(str_hash("a"), 4644417185603328019);
        assert_eq!(str_hash("hello"), -2096571579003691106);
        assert_eq!(str_hash("héllo"), 6395329678795984700);
        assert_eq!(str_hash("日本"), 6243316497235261705);
        assert_eq!(tuple_hash([1, 2].into_iter(), 2), -3550055125485641917);
        assert_eq!(tuple_hash([].into_iter(), 0), 5740354900026072187);
        assert_eq!(bytes_hash(b"ab"), 6148830537548944441);
        assert_eq!(float_hash(1.5), 1152921504606846977);
        assert_eq!(float_hash(-0.1), -230584300921369408);
    }
}
