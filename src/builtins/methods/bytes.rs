//! `bytes` methods.

use super::{b, bad_receiver, check, clamp_range, opt, opt_index, params, raw_start, register};
use crate::ast::CmpOp;
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::{Value, Vm};
use num_traits::ToPrimitive;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("join", join),
        ("split", split),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isspace", isspace),
        ("__len__", dunder_len),
        ("__getitem__", dunder_getitem),
        ("__iter__", dunder_iter),
        ("__contains__", dunder_contains),
        ("__add__", dunder_add),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__hash__", dunder_hash),
        ("__repr__", dunder_repr),
    ];
    register(vm, TypeId::Bytes, table);
    crate::builtins::class_method(vm, TypeId::Bytes, "fromhex", fromhex);
}

fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Rc<Vec<u8>>, Value> {
    match args.pos.first() {
        Some(Value::Bytes(x)) => Ok(x.clone()),
        _ => Err(bad_receiver(vm, args, "bytes", name)),
    }
}

fn bytes_arg(vm: &mut Vm, v: &Value) -> Result<Rc<Vec<u8>>, Value> {
    match v {
        Value::Bytes(x) => Ok(x.clone()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn new(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::new(v))
}

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

pub fn decode_bytes(
    vm: &mut Vm,
    data: &[u8],
    enc: Option<&Value>,
    errors: Option<&Value>,
) -> PyResult {
    let enc = match enc {
        None => "utf-8".to_string(),
        Some(Value::Str(e)) => e.as_str().to_ascii_lowercase().replace('_', "-"),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "decode() argument 'encoding' must be str, not {tn}"
            )));
        }
    };
    let errors = match errors {
        Some(Value::Str(e)) => e.as_str().to_string(),
        _ => "strict".into(),
    };
    match enc.as_str() {
        "utf-8" | "utf8" | "u8" => match std::str::from_utf8(data) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => match errors.as_str() {
                "replace" => Ok(Value::str(String::from_utf8_lossy(data).into_owned())),
                "ignore" => {
                    let s = String::from_utf8_lossy(data).replace('\u{fffd}', "");
                    Ok(Value::str(s))
                }
                _ => {
                    let pos = e.valid_up_to();
                    let byte = data.get(pos).copied().unwrap_or(0);
                    let reason = match e.error_len() {
                        None => "unexpected end of data",
                        Some(_) if (0x80..0xc2).contains(&byte) || byte >= 0xf5 => {
                            "invalid start byte"
                        }
                        Some(_) => "invalid continuation byte",
                    };
                    Err(vm.new_exc(
                        "UnicodeDecodeError",
                        &format!(
                            "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"
                        ),
                    ))
                }
            },
        },
        "ascii" | "us-ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &c) in data.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    match errors.as_str() {
                        "replace" => out.push('\u{fffd}'),
                        "ignore" => {}
                        _ => {
                            return Err(vm.new_exc(
                                "UnicodeDecodeError",
                                &format!(
                                    "'ascii' codec can't decode byte 0x{c:02x} in position {i}: ordinal not in range(128)"
                                ),
                            ));
                        }
                    }
                }
            }
            Ok(Value::str(out))
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Ok(Value::str(
            data.iter().map(|&c| c as char).collect::<String>(),
        )),
        _ => Err(vm.new_exc("LookupError", &format!("unknown encoding: {enc}"))),
    }
}

fn decode(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "decode")?;
    let p = params(vm, &args, "decode", &["encoding", "errors"], 0)?;
    decode_bytes(vm, &x, p[0].as_ref(), p[1].as_ref())
}

fn hex(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "hex")?;
    let p = params(vm, &args, "hex", &["sep", "bytes_per_sep"], 0)?;
    let sep = match opt(&p[0]) {
        None => {
            return Ok(Value::str(
                x.iter().map(|c| format!("{c:02x}")).collect::<String>(),
            ));
        }
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::Bytes(s)) => String::from_utf8_lossy(s).into_owned(),
        Some(_) => return Err(vm.type_error("sep must be str or bytes.")),
    };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match opt(&p[1]) {
        None => 1,
        Some(v) => vm.to_bigint(v).and_then(|b| b.to_i64()).unwrap_or(1),
    };
    // Groups of |per| bytes, counted from the right when per > 0 and from
    // the left when per < 0.
    let n = per.unsigned_abs().max(1) as usize;
    let len = x.len();
    let mut out = String::with_capacity(len * 3);
    for (i, c) in x.iter().enumerate() {
        let boundary = if per >= 0 {
            (len - i) % n == 0
        } else {
            i % n == 0
        };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(&format!("{c:02x}"));
    }
    Ok(Value::str(out))
}

fn fromhex(vm: &mut Vm, args: Args) -> PyResult {
    let s = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("fromhex() argument must be str, not {tn}")));
        }
        None => return Err(vm.type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let mut out = Vec::new();
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(vm.value_error(&format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    Ok(new(out))
}

fn join(vm: &mut Vm, args: Args) -> PyResult {
    let sep = this(vm, &args, "join")?;
    check(vm, &args, "bytes", "join", 1, 1)?;
    let items = vm.collect(&args.pos[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match it {
            Value::Bytes(p) => out.extend_from_slice(p),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected a bytes-like object, {tn} found"
                )));
            }
        }
    }
    Ok(new(out))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "split")?;
    let p = params(vm, &args, "split", &["sep", "maxsplit"], 0)?;
    let maxsplit = match &p[1] {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let mut out = Vec::new();
    match opt(&p[0]) {
        None => {
            let mut i = 0;
            let n = x.len();
            while i < n && is_space(x[i]) {
                i += 1;
            }
            while i < n {
                if maxsplit >= 0 && out.len() as i64 >= maxsplit {
                    let mut end = n;
                    while end > i && is_space(x[end - 1]) {
                        end -= 1;
                    }
                    out.push(new(x[i..end].to_vec()));
                    break;
                }
                let start = i;
                while i < n && !is_space(x[i]) {
                    i += 1;
                }
                out.push(new(x[start..i].to_vec()));
                while i < n && is_space(x[i]) {
                    i += 1;
                }
            }
        }
        Some(sep) => {
            let sep = bytes_arg(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut rest: &[u8] = &x;
            loop {
                if maxsplit >= 0 && out.len() as i64 >= maxsplit {
                    out.push(new(rest.to_vec()));
                    break;
                }
                match find_sub(rest, &sep) {
                    Some(i) => {
                        out.push(new(rest[..i].to_vec()));
                        rest = &rest[i + sep.len()..];
                    }
                    None => {
                        out.push(new(rest.to_vec()));
                        break;
                    }
                }
            }
        }
    }
    Ok(Value::list(out))
}

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let x = this(vm, &args, name)?;
    check(vm, &args, "bytes", name, 0, 1)?;
    let set: Option<Rc<Vec<u8>>> = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, v)?),
    };
    let strip_it = |c: u8| match &set {
        None => is_space(c),
        Some(s) => s.contains(&c),
    };
    let mut a = 0;
    let mut e = x.len();
    if left {
        while a < e && strip_it(x[a]) {
            a += 1;
        }
    }
    if right {
        while e > a && strip_it(x[e - 1]) {
            e -= 1;
        }
    }
    Ok(new(x[a..e].to_vec()))
}

fn strip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: Args) -> PyResult {
    strip_impl(vm, args, "rstrip", false, true)
}

/// The window `x[start:end]` as (raw start, clamped end), None when empty-invalid.
fn window(vm: &mut Vm, len: usize, args: &Args) -> Result<Option<(usize, usize)>, Value> {
    let st = opt_index(vm, args.pos.get(2))?;
    let en = opt_index(vm, args.pos.get(3))?;
    let a = raw_start(len, st);
    let (_, e) = clamp_range(len, st, en);
    if a > e as i64 {
        return Ok(None);
    }
    Ok(Some((a as usize, e)))
}

fn affix(vm: &mut Vm, args: Args, name: &str, end: bool) -> PyResult {
    let x = this(vm, &args, name)?;
    check(vm, &args, "bytes", name, 1, 3)?;
    let cands: Vec<Rc<Vec<u8>>> = match &args.pos[1] {
        Value::Bytes(p) => vec![p.clone()],
        Value::Tuple(t) => {
            let mut v = Vec::new();
            for it in t.iter() {
                v.push(bytes_arg(vm, it)?);
            }
            v
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "{name} first arg must be bytes or a tuple of bytes, not {tn}"
            )));
        }
    };
    let Some((a, e)) = window(vm, x.len(), &args)? else {
        return b(false);
    };
    let hay = &x[a..e];
    b(cands.iter().any(|p| {
        if end {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    }))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult {
    affix(vm, args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: Args) -> PyResult {
    affix(vm, args, "endswith", true)
}

fn needle(vm: &mut Vm, v: &Value) -> Result<Vec<u8>, Value> {
    match v {
        Value::Int(i) => {
            if !(0..256).contains(i) {
                return Err(vm.value_error("byte must be in range(0, 256)"));
            }
            Ok(vec![*i as u8])
        }
        other => Ok(bytes_arg(vm, other)?.to_vec()),
    }
}

fn search(vm: &mut Vm, args: &Args, name: &str, right: bool) -> Result<Option<usize>, Value> {
    let x = this(vm, args, name)?;
    check(vm, args, "bytes", name, 1, 3)?;
    let sub = needle(vm, &args.pos[1])?;
    let Some((a, e)) = window(vm, x.len(), args)? else {
        return Ok(None);
    };
    let hay = &x[a..e];
    let r = if right {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(r.map(|i| i + a))
}

fn find(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        search(vm, &args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult {
    Ok(Value::Int(
        search(vm, &args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
fn index(vm: &mut Vm, args: Args) -> PyResult {
    match search(vm, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "count")?;
    check(vm, &args, "bytes", "count", 1, 3)?;
    let sub = needle(vm, &args.pos[1])?;
    let Some((a, e)) = window(vm, x.len(), &args)? else {
        return Ok(Value::Int(0));
    };
    let hay = &x[a..e];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(j) = find_sub(&hay[i..], &sub) {
        n += 1;
        i += j + sub.len();
    }
    Ok(Value::Int(n))
}

fn replace(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "replace")?;
    check(vm, &args, "bytes", "replace", 2, 3)?;
    let old = bytes_arg(vm, &args.pos[1])?;
    let newb = bytes_arg(vm, &args.pos[2])?;
    let mut count = match args.pos.get(3) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let mut out = Vec::new();
    let mut i = 0;
    if old.is_empty() {
        for &c in x.iter() {
            if count != 0 {
                out.extend_from_slice(&newb);
                count -= 1;
            }
            out.push(c);
        }
        if count != 0 {
            out.extend_from_slice(&newb);
        }
        return Ok(new(out));
    }
    while i < x.len() {
        if count != 0 && x[i..].starts_with(&old) {
            out.extend_from_slice(&newb);
            i += old.len();
            count -= 1;
        } else {
            out.push(x[i]);
            i += 1;
        }
    }
    Ok(new(out))
}

fn upper(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "upper")?;
    check(vm, &args, "bytes", "upper", 0, 0)?;
    Ok(new(x.to_ascii_uppercase()))
}
fn lower(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "lower")?;
    check(vm, &args, "bytes", "lower", 0, 0)?;
    Ok(new(x.to_ascii_lowercase()))
}
fn isdigit(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "isdigit")?;
    check(vm, &args, "bytes", "isdigit", 0, 0)?;
    b(!x.is_empty() && x.iter().all(|c| c.is_ascii_digit()))
}
fn isalpha(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "isalpha")?;
    check(vm, &args, "bytes", "isalpha", 0, 0)?;
    b(!x.is_empty() && x.iter().all(|c| c.is_ascii_alphabetic()))
}
fn isspace(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "isspace")?;
    check(vm, &args, "bytes", "isspace", 0, 0)?;
    b(!x.is_empty() && x.iter().all(|&c| is_space(c)))
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__len__")?;
    check(vm, &args, "bytes", "__len__", 0, 0)?;
    Ok(Value::Int(x.len() as i64))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__getitem__")?;
    check(vm, &args, "bytes", "__getitem__", 1, 1)?;
    vm.getitem(&Value::Bytes(x), &args.pos[1])
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__iter__")?;
    check(vm, &args, "bytes", "__iter__", 0, 0)?;
    vm.iter(&Value::Bytes(x))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__contains__")?;
    check(vm, &args, "bytes", "__contains__", 1, 1)?;
    b(vm.contains(&Value::Bytes(x), &args.pos[1])?)
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__add__")?;
    check(vm, &args, "bytes", "__add__", 1, 1)?;
    match &args.pos[1] {
        Value::Bytes(o) => {
            let mut v = x.to_vec();
            v.extend_from_slice(o);
            Ok(new(v))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("can't concat {tn} to bytes")))
        }
    }
}

fn compare(vm: &mut Vm, args: Args, name: &str, op: CmpOp) -> PyResult {
    let x = this(vm, &args, name)?;
    check(vm, &args, "bytes", name, 1, 1)?;
    match &args.pos[1] {
        o @ Value::Bytes(_) => vm.compare(op, &Value::Bytes(x), o),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__eq__", CmpOp::Eq)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__ne__", CmpOp::NotEq)
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult {
    compare(vm, args, "__lt__", CmpOp::Lt)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__hash__")?;
    check(vm, &args, "bytes", "__hash__", 0, 0)?;
    Ok(Value::Int(vm.hash(&Value::Bytes(x))?))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let x = this(vm, &args, "__repr__")?;
    check(vm, &args, "bytes", "__repr__", 0, 0)?;
    Ok(Value::str(crate::vm::convert::bytes_repr(&x)))
}
