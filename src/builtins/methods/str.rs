//! `str` methods.

use super::{b, bad_receiver, check, clamp_range, opt, opt_index, params, raw_start, register};
use crate::ast::BinOp;
use crate::vm::convert::str_repr;
use crate::vm::dict::Dict;
use crate::vm::function::{Args, NativeFn, PyResult};
use crate::vm::types::TypeId;
use crate::vm::value::PyStr;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let table: &[(&str, NativeFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("partition", partition),
        ("rpartition", rpartition),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("expandtabs", expandtabs),
        ("encode", encode),
        ("format", format),
        ("format_map", format_map),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
        ("__len__", dunder_len),
        ("__contains__", dunder_contains),
        ("__getitem__", dunder_getitem),
        ("__iter__", dunder_iter),
        ("__add__", dunder_add),
        ("__mul__", dunder_mul),
        ("__rmul__", dunder_mul),
        ("__mod__", dunder_mod),
        ("__eq__", dunder_eq),
        ("__ne__", dunder_ne),
        ("__lt__", dunder_lt),
        ("__le__", dunder_le),
        ("__gt__", dunder_gt),
        ("__ge__", dunder_ge),
        ("__hash__", dunder_hash),
        ("__repr__", dunder_repr),
        ("__str__", dunder_str),
        ("__format__", dunder_format),
    ];
    register(vm, TypeId::Str, table);
    super::static_method(vm, TypeId::Str, "maketrans", maketrans);
}

/// The receiver as a str.
fn this(vm: &mut Vm, args: &Args, name: &str) -> Result<Rc<PyStr>, Value> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(bad_receiver(vm, args, "str", name)),
    }
}

/// Python's `str.isspace` set: Unicode White_Space plus the separators
/// \x1c-\x1f.
pub fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// A str argument, or a TypeError naming the method and position.
fn str_arg(vm: &mut Vm, v: &Value, fname: &str, pos: usize) -> Result<Rc<PyStr>, Value> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("{fname}() argument {pos} must be str, not {tn}")))
        }
    }
}

fn int_arg(vm: &mut Vm, v: &Value) -> Result<i64, Value> {
    vm.index_value(v)
}

// ------------------------------------------------------------ char indexing

/// Byte offset of the `ci`-th code point (or the end).
fn byte_at(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map(|(i, _)| i).unwrap_or(s.len())
}

/// Code-point index of byte offset `bi`.
fn char_idx(s: &str, ascii: bool, bi: usize) -> usize {
    if ascii { bi } else { s[..bi].chars().count() }
}

/// The searched window `s[start:end]` for find/count/startswith: the raw
/// (unclamped) start, the clamped end, and their byte offsets. `None` when
/// the window is empty-and-invalid (start past end).
struct Window {
    start: usize,
    bstart: usize,
    bend: usize,
}

fn window(
    vm: &mut Vm,
    s: &PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> Result<Option<Window>, Value> {
    let len = s.char_len();
    let st = opt_index(vm, start)?;
    let en = opt_index(vm, end)?;
    let a = raw_start(len, st);
    let (_, e) = clamp_range(len, st, en);
    if a > e as i64 {
        return Ok(None);
    }
    let a = a as usize;
    let txt = s.as_str();
    Ok(Some(Window {
        start: a,
        bstart: byte_at(txt, s.is_ascii(), a),
        bend: byte_at(txt, s.is_ascii(), e),
    }))
}

// ------------------------------------------------------------ case

macro_rules! noarg {
    ($fname:ident, $pyname:literal, |$s:ident| $body:expr) => {
        fn $fname(vm: &mut Vm, args: Args) -> PyResult {
            let this_ = this(vm, &args, $pyname)?;
            check(vm, &args, "str", $pyname, 0, 0)?;
            let $s: &str = this_.as_str();
            Ok($body)
        }
    };
}

noarg!(upper, "upper", |s| Value::str(s.to_uppercase()));
noarg!(lower, "lower", |s| Value::str(s.to_lowercase()));
noarg!(title, "title", |s| Value::str(title_case(s)));
noarg!(capitalize, "capitalize", |s| {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        push_title(&mut out, c);
        out.push_str(&chars.as_str().to_lowercase());
    }
    Value::str(out)
});
noarg!(swapcase, "swapcase", |s| {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Value::str(out)
});
noarg!(casefold, "casefold", |s| {
    Value::str(s.to_lowercase().replace('ß', "ss"))
});

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

/// Unicode category Lt (digraphs such as `ǅ`, Greek with prosgegrammeni),
/// which Python's `istitle` counts as capitals; Rust has no predicate for it.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f
        | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

/// Appends the titlecase form of `c` (its uppercase, except for the
/// ligatures and digraphs whose titlecase differs).
fn push_title(out: &mut String, c: char) {
    let t = match c {
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ",
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ",
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ",
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ",
        'և' => "Եւ",
        _ => {
            out.extend(c.to_uppercase());
            return;
        }
    };
    out.push_str(t);
}

pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

// ------------------------------------------------------------ predicates

fn is_decimal(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c as u32,
            0x660..=0x669 | 0x6f0..=0x6f9 | 0x7c0..=0x7c9 | 0x966..=0x96f | 0x9e6..=0x9ef
            | 0xa66..=0xa6f | 0xae6..=0xaef | 0xb66..=0xb6f | 0xbe6..=0xbef | 0xc66..=0xc6f
            | 0xce6..=0xcef | 0xd66..=0xd6f | 0xe50..=0xe59 | 0xed0..=0xed9 | 0xf20..=0xf29
            | 0x1040..=0x1049 | 0x17e0..=0x17e9 | 0x1810..=0x1819 | 0xff10..=0xff19
            | 0x1d7ce..=0x1d7ff)
}

fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32,
            0xb2 | 0xb3 | 0xb9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468
            | 0x2474..=0x247c | 0x2488..=0x2490 | 0x24f5..=0x24fd | 0x2776..=0x277e
            | 0x2780..=0x2788 | 0x278a..=0x2792 | 0x1369..=0x1371)
}

fn is_numeric(c: char) -> bool {
    is_digit(c)
        || c.is_numeric()
        || matches!(
            c,
            '一' | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '〇'
                | '零'
        )
}

fn is_alpha(c: char) -> bool {
    c.is_alphabetic() && !c.is_numeric()
}

fn is_printable(c: char) -> bool {
    !crate::vm::convert::is_unprintable(c)
}

noarg!(isdigit, "isdigit", |s| Value::Bool(
    !s.is_empty() && s.chars().all(is_digit)
));
noarg!(isdecimal, "isdecimal", |s| Value::Bool(
    !s.is_empty() && s.chars().all(is_decimal)
));
noarg!(isnumeric, "isnumeric", |s| Value::Bool(
    !s.is_empty() && s.chars().all(is_numeric)
));
noarg!(isalpha, "isalpha", |s| Value::Bool(
    !s.is_empty() && s.chars().all(is_alpha)
));
noarg!(isalnum, "isalnum", |s| Value::Bool(
    !s.is_empty() && s.chars().all(|c| is_alpha(c) || is_numeric(c))
));
noarg!(isspace, "isspace", |s| Value::Bool(
    !s.is_empty() && s.chars().all(py_space)
));
noarg!(isupper, "isupper", |s| Value::Bool(
    s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase() || is_titlecase(c))
));
noarg!(islower, "islower", |s| Value::Bool(
    s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase() || is_titlecase(c))
));
noarg!(istitle, "istitle", |s| Value::Bool(is_title(s)));
noarg!(isidentifier, "isidentifier", |s| Value::Bool(
    is_identifier(s)
));
noarg!(isprintable, "isprintable", |s| Value::Bool(
    s.chars().all(is_printable)
));
noarg!(isascii, "isascii", |s| Value::Bool(s.is_ascii()));

fn is_title(s: &str) -> bool {
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    any
}

pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || is_alpha(c) => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

// ------------------------------------------------------------ padding

fn fill_char(vm: &mut Vm, v: Option<&Value>) -> Result<char, Value> {
    match v {
        None => Ok(' '),
        Some(Value::Str(s)) => {
            let mut it = s.as_str().chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "The fill character must be a unicode character, not {tn}"
            )))
        }
    }
}

fn pad(vm: &mut Vm, args: Args, name: &str, mode: u8) -> PyResult {
    let s = this(vm, &args, name)?;
    check(vm, &args, "str", name, 1, 2)?;
    let width = int_arg(vm, &args.pos[1])?;
    let fill = fill_char(vm, args.pos.get(2))?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let marg = (width - len) as usize;
    let left = match mode {
        0 => marg / 2 + (marg & (width as usize) & 1),
        1 => 0,
        _ => marg,
    };
    let right = marg - left;
    vm.reserve(marg.saturating_mul(fill.len_utf8()))?;
    let mut out = String::with_capacity(s.as_str().len() + marg);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::str(out))
}

fn center(vm: &mut Vm, args: Args) -> PyResult {
    pad(vm, args, "center", 0)
}
fn ljust(vm: &mut Vm, args: Args) -> PyResult {
    pad(vm, args, "ljust", 1)
}
fn rjust(vm: &mut Vm, args: Args) -> PyResult {
    pad(vm, args, "rjust", 2)
}

fn zfill(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "zfill")?;
    check(vm, &args, "str", "zfill", 1, 1)?;
    let width = int_arg(vm, &args.pos[1])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let n = (width - len) as usize;
    vm.reserve(n)?;
    let txt = s.as_str();
    let (sign, rest) = match txt.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &txt[1..]),
        _ => (None, txt),
    };
    let mut out = String::with_capacity(width as usize);
    if let Some(c) = sign {
        out.push(c);
    }
    out.extend(std::iter::repeat_n('0', n));
    out.push_str(rest);
    Ok(Value::str(out))
}

fn expandtabs(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "expandtabs")?;
    let p = params(vm, &args, "expandtabs", &["tabsize"], 0)?;
    let tab = match &p[0] {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(out))
}

// ------------------------------------------------------------ strip / split

fn strip_impl(vm: &mut Vm, args: Args, name: &str, left: bool, right: bool) -> PyResult {
    let s = this(vm, &args, name)?;
    check(vm, &args, "str", name, 0, 1)?;
    let txt = s.as_str();
    let out = match args.pos.get(1) {
        None | Some(Value::None) => {
            let mut t = txt;
            if left {
                t = t.trim_start_matches(py_space);
            }
            if right {
                t = t.trim_end_matches(py_space);
            }
            t
        }
        Some(Value::Str(chars)) => {
            let set: Vec<char> = chars.as_str().chars().collect();
            let mut t = txt;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t
        }
        Some(_) => return Err(vm.type_error(&format!("{name} arg must be None or str"))),
    };
    if out.len() == txt.len() {
        return Ok(Value::Str(s));
    }
    Ok(Value::str(out))
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

/// `str.split()` with no separator.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.find(py_space) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = rest[i..].trim_start_matches(py_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `str.rsplit()` with no separator.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.rfind(py_space) {
            Some(i) => {
                let c_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                out.push(&rest[i + c_len..]);
                rest = rest[..i].trim_end_matches(py_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split_args(vm: &mut Vm, args: &Args, name: &str) -> Result<(Option<Rc<PyStr>>, i64), Value> {
    let p = params(vm, args, name, &["sep", "maxsplit"], 0)?;
    let sep = match opt(&p[0]) {
        None => None,
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s.clone())
        }
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("must be str or None, not {tn}")));
        }
    };
    let maxsplit = match &p[1] {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

fn str_list(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "split")?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    let txt = s.as_str();
    Ok(match sep {
        None => str_list(split_whitespace(txt, maxsplit)),
        Some(sep) => {
            if maxsplit < 0 {
                str_list(txt.split(sep.as_str()).collect())
            } else {
                str_list(
                    txt.splitn(maxsplit.saturating_add(1) as usize, sep.as_str())
                        .collect(),
                )
            }
        }
    })
}

fn rsplit(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    let txt = s.as_str();
    Ok(match sep {
        None => str_list(rsplit_whitespace(txt, maxsplit)),
        Some(sep) => {
            let mut parts: Vec<&str> = if maxsplit < 0 {
                txt.rsplit(sep.as_str()).collect()
            } else {
                txt.rsplitn(maxsplit.saturating_add(1) as usize, sep.as_str())
                    .collect()
            };
            parts.reverse();
            str_list(parts)
        }
    })
}

pub fn split_lines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
                it.next();
                end += 1;
            }
            out.push(if keepends {
                &s[start..end]
            } else {
                &s[start..i]
            });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn splitlines(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "splitlines")?;
    let p = params(vm, &args, "splitlines", &["keepends"], 0)?;
    let keep = match &p[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(str_list(split_lines(s.as_str(), keep)))
}

fn join(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "join")?;
    check(vm, &args, "str", "join", 1, 1)?;
    let collected;
    let list_guard;
    let items: &[Value] = match &args.pos[1] {
        // A list is read in place: copying a huge one first could itself
        // exhaust memory.
        Value::List(l) => {
            list_guard = l.borrow();
            &list_guard
        }
        Value::Tuple(t) => t,
        other => match vm.collect(other) {
            Ok(v) => {
                collected = v;
                &collected
            }
            Err(e) => {
                if vm.exc_matches_name(&e, "TypeError") && vm.iter(other).is_err() {
                    return Err(vm.type_error("can only join an iterable"));
                }
                return Err(e);
            }
        },
    };
    let sep = s.as_str();
    let mut total = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(p) => total = total.saturating_add(p.as_str().len()),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(&format!(
                    "sequence item {i}: expected str instance, {tn} found"
                )));
            }
        }
    }
    vm.reserve(total)?;
    let mut out = String::with_capacity(total);
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(p) = it {
            out.push_str(p.as_str());
        }
    }
    Ok(Value::str(out))
}

fn partition_impl(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult {
    let s = this(vm, &args, name)?;
    check(vm, &args, "str", name, 1, 1)?;
    let sep = match &args.pos[1] {
        Value::Str(p) => p.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("must be str, not {tn}")));
        }
    };
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let txt = s.as_str();
    let found = if right {
        txt.rfind(sep.as_str())
    } else {
        txt.find(sep.as_str())
    };
    let empty = || Value::str("");
    Ok(Value::tuple(match found {
        Some(i) => vec![
            Value::str(&txt[..i]),
            Value::Str(sep.clone()),
            Value::str(&txt[i + sep.as_str().len()..]),
        ],
        None if right => vec![empty(), empty(), Value::Str(s.clone())],
        None => vec![Value::Str(s.clone()), empty(), empty()],
    }))
}

fn partition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, "partition", false)
}
fn rpartition(vm: &mut Vm, args: Args) -> PyResult {
    partition_impl(vm, args, "rpartition", true)
}

fn replace(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "replace")?;
    let p = params(vm, &args, "replace", &["old", "new", "count"], 2)?;
    let old = str_arg(vm, p[0].as_ref().unwrap_or(&Value::None), "replace", 1)?;
    let new = str_arg(vm, p[1].as_ref().unwrap_or(&Value::None), "replace", 2)?;
    let count = match &p[2] {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let txt = s.as_str();
    if count == 0 || (!old.as_str().is_empty() && !txt.contains(old.as_str())) {
        return Ok(Value::Str(s));
    }
    Ok(Value::str(if count < 0 {
        txt.replace(old.as_str(), new.as_str())
    } else {
        txt.replacen(old.as_str(), new.as_str(), count as usize)
    }))
}

fn removeprefix(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "removeprefix")?;
    check(vm, &args, "str", "removeprefix", 1, 1)?;
    let p = match &args.pos[1] {
        Value::Str(p) => p.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("removeprefix() argument must be str, not {tn}")));
        }
    };
    Ok(match s.as_str().strip_prefix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Value::str(r),
        _ => Value::Str(s),
    })
}

fn removesuffix(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "removesuffix")?;
    check(vm, &args, "str", "removesuffix", 1, 1)?;
    let p = match &args.pos[1] {
        Value::Str(p) => p.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("removesuffix() argument must be str, not {tn}")));
        }
    };
    Ok(match s.as_str().strip_suffix(p.as_str()) {
        Some(r) if !p.as_str().is_empty() => Value::str(r),
        _ => Value::Str(s),
    })
}

// ------------------------------------------------------------ searching

/// Parses `(sub, start, end)` and searches; returns the code-point index.
fn search(vm: &mut Vm, args: &Args, name: &str, right: bool) -> Result<Option<usize>, Value> {
    let s = this(vm, args, name)?;
    check(vm, args, "str", name, 1, 3)?;
    let sub = str_arg(vm, &args.pos[1], name, 1)?;
    let Some(w) = window(vm, &s, args.pos.get(2), args.pos.get(3))? else {
        return Ok(None);
    };
    let txt = s.as_str();
    if w.bstart > w.bend {
        return Ok(None);
    }
    let hay = &txt[w.bstart..w.bend];
    let found = if right {
        hay.rfind(sub.as_str())
    } else {
        hay.find(sub.as_str())
    };
    Ok(found.map(|bi| w.start + char_idx(hay, s.is_ascii(), bi)))
}

fn find(vm: &mut Vm, args: Args) -> PyResult {
    Ok(match search(vm, &args, "find", false)? {
        Some(i) => Value::Int(i as i64),
        None => Value::Int(-1),
    })
}
fn rfind(vm: &mut Vm, args: Args) -> PyResult {
    Ok(match search(vm, &args, "rfind", true)? {
        Some(i) => Value::Int(i as i64),
        None => Value::Int(-1),
    })
}
fn index(vm: &mut Vm, args: Args) -> PyResult {
    match search(vm, &args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn rindex(vm: &mut Vm, args: Args) -> PyResult {
    match search(vm, &args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn count(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "count")?;
    check(vm, &args, "str", "count", 1, 3)?;
    let sub = str_arg(vm, &args.pos[1], "count", 1)?;
    let Some(w) = window(vm, &s, args.pos.get(2), args.pos.get(3))? else {
        return Ok(Value::Int(0));
    };
    if w.bstart > w.bend {
        return Ok(Value::Int(0));
    }
    let hay = &s.as_str()[w.bstart..w.bend];
    let n = if sub.as_str().is_empty() {
        char_idx(hay, s.is_ascii(), hay.len()) + 1
    } else {
        hay.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: Args, name: &str, end: bool) -> PyResult {
    let s = this(vm, &args, name)?;
    check(vm, &args, "str", name, 1, 3)?;
    let cands: Vec<Rc<PyStr>> = match &args.pos[1] {
        Value::Str(p) => vec![p.clone()],
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len());
            for it in t.iter() {
                match it {
                    Value::Str(p) => v.push(p.clone()),
                    other => {
                        let tn = vm.type_name(other);
                        return Err(vm.type_error(&format!(
                            "tuple for {name} must only contain str, not {tn}"
                        )));
                    }
                }
            }
            v
        }
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!(
                "{name} first arg must be str or a tuple of str, not {tn}"
            )));
        }
    };
    let Some(w) = window(vm, &s, args.pos.get(2), args.pos.get(3))? else {
        return b(false);
    };
    if w.bstart > w.bend {
        return b(false);
    }
    let hay = &s.as_str()[w.bstart..w.bend];
    b(cands.iter().any(|p| {
        if end {
            hay.ends_with(p.as_str())
        } else {
            hay.starts_with(p.as_str())
        }
    }))
}

fn startswith(vm: &mut Vm, args: Args) -> PyResult {
    affix(vm, args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: Args) -> PyResult {
    affix(vm, args, "endswith", true)
}

// ------------------------------------------------------------ encode / translate

fn encoding_name(vm: &mut Vm, v: Option<&Value>) -> Result<String, Value> {
    match v {
        None => Ok("utf-8".into()),
        Some(Value::Str(e)) => {
            let n = e.as_str().to_ascii_lowercase().replace('_', "-");
            Ok(match n.as_str() {
                "utf-8" | "utf8" | "u8" => "utf-8".into(),
                "ascii" | "us-ascii" => "ascii".into(),
                "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => "latin-1".into(),
                _ => {
                    return Err(
                        vm.new_exc("LookupError", &format!("unknown encoding: {}", e.as_str()))
                    );
                }
            })
        }
        Some(other) => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!(
                "encode() argument 'encoding' must be str, not {tn}"
            )))
        }
    }
}

pub fn encode_str(vm: &mut Vm, s: &str, enc: Option<&Value>, errors: Option<&Value>) -> PyResult {
    let enc = encoding_name(vm, enc)?;
    let errors = match errors {
        Some(Value::Str(e)) => e.as_str().to_string(),
        _ => "strict".into(),
    };
    let limit: u32 = match enc.as_str() {
        "utf-8" => return Ok(Value::Bytes(Rc::new(s.as_bytes().to_vec()))),
        "ascii" => 0x80,
        _ => 0x100,
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors.as_str() {
            "ignore" => {}
            "replace" => out.push(b'?'),
            _ => {
                let mut j = i;
                while j < chars.len() && (chars[j] as u32) >= limit {
                    j += 1;
                }
                let codec = if limit == 0x80 { "ascii" } else { "latin-1" };
                let msg = if j - i == 1 {
                    format!(
                        "'{codec}' codec can't encode character {} in position {i}: ordinal not in range({limit})",
                        char_escape(c)
                    )
                } else {
                    format!(
                        "'{codec}' codec can't encode characters in position {i}-{}: ordinal not in range({limit})",
                        j - 1
                    )
                };
                return Err(vm.new_exc("UnicodeEncodeError", &msg));
            }
        }
        i += 1;
    }
    Ok(Value::Bytes(Rc::new(out)))
}

fn char_escape(c: char) -> String {
    let n = c as u32;
    if n <= 0xff {
        format!("'\\x{n:02x}'")
    } else if n <= 0xffff {
        format!("'\\u{n:04x}'")
    } else {
        format!("'\\U{n:08x}'")
    }
}

fn encode(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "encode")?;
    let p = params(vm, &args, "encode", &["encoding", "errors"], 0)?;
    encode_str(vm, s.as_str(), p[0].as_ref(), p[1].as_ref())
}

fn maketrans(vm: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(vm.type_error("str.maketrans() takes no keyword arguments"));
    }
    let n = args.len();
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(&msg));
    }
    let mut d = Dict::new();
    let mut put = |vm: &mut Vm, k: Value, v: Value| -> Result<(), Value> {
        let h = vm.hash(&k)?;
        d.insert(h, k, v);
        Ok(())
    };
    if n == 1 {
        let Value::Dict(src) = &args.pos[0] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let entries: Vec<(Value, Value)> = src
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in entries {
            let key = match &k {
                Value::Str(s) if s.char_len() == 1 => {
                    Value::Int(s.as_str().chars().next().map(|c| c as i64).unwrap_or(0))
                }
                Value::Int(_) => k.clone(),
                Value::Str(_) => {
                    return Err(
                        vm.value_error("string keys in translate table must be of length 1")
                    );
                }
                _ => {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                }
            };
            put(vm, key, v)?;
        }
    } else {
        let (Value::Str(x), Value::Str(y)) = (&args.pos[0], &args.pos[1]) else {
            return Err(vm.type_error("maketrans() argument 1 must be str, not dict"));
        };
        if x.char_len() != y.char_len() {
            return Err(vm.value_error("the first two maketrans arguments must have equal length"));
        }
        for (a, c) in x.as_str().chars().zip(y.as_str().chars()) {
            put(vm, Value::Int(a as i64), Value::Int(c as i64))?;
        }
        if let Some(z) = args.pos.get(2) {
            let Value::Str(z) = z else {
                let tn = vm.type_name(z);
                return Err(vm.type_error(&format!("maketrans() argument 3 must be str, not {tn}")));
            };
            for c in z.as_str().chars() {
                put(vm, Value::Int(c as i64), Value::None)?;
            }
        }
    }
    Ok(Value::dict(d))
}

fn translate(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "translate")?;
    check(vm, &args, "str", "translate", 1, 1)?;
    let table = args.pos[1].clone();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(r.as_str()),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None => {
                    return Err(vm.value_error("character mapping must be in range(0x110000)"));
                }
            },
            Ok(_) => {
                return Err(vm.type_error("character mapping must return integer, None or str"));
            }
            Err(e) if vm.exc_matches_name(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(out))
}

// ------------------------------------------------------------ format

fn format(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "format")?;
    let pos: Vec<Value> = args.pos[1..].to_vec();
    let kw = super::format::Kwargs::List(args.kw);
    let out = super::format::format_str(vm, s.as_str(), &pos, &kw)?;
    Ok(Value::str(out))
}

fn format_map(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "format_map")?;
    check(vm, &args, "str", "format_map", 1, 1)?;
    let kw = super::format::Kwargs::Mapping(args.pos[1].clone());
    let out = super::format::format_str(vm, s.as_str(), &[], &kw)?;
    Ok(Value::str(out))
}

// ------------------------------------------------------------ dunders

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__len__")?;
    check(vm, &args, "str", "__len__", 0, 0)?;
    Ok(Value::Int(s.char_len() as i64))
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__contains__")?;
    check(vm, &args, "str", "__contains__", 1, 1)?;
    b(vm.contains(&Value::Str(s), &args.pos[1])?)
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__getitem__")?;
    check(vm, &args, "str", "__getitem__", 1, 1)?;
    vm.getitem(&Value::Str(s), &args.pos[1])
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__iter__")?;
    check(vm, &args, "str", "__iter__", 0, 0)?;
    vm.iter(&Value::Str(s))
}

fn dunder_add(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__add__")?;
    check(vm, &args, "str", "__add__", 1, 1)?;
    match &args.pos[1] {
        Value::Str(o) => {
            let mut out = String::with_capacity(s.as_str().len() + o.as_str().len());
            out.push_str(s.as_str());
            out.push_str(o.as_str());
            Ok(Value::str(out))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(&format!("can only concatenate str (not \"{tn}\") to str")))
        }
    }
}

fn dunder_mul(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__mul__")?;
    check(vm, &args, "str", "__mul__", 1, 1)?;
    match &args.pos[1] {
        n @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
            vm.binary_op(BinOp::Mul, Value::Str(s), n.clone(), false)
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_mod(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__mod__")?;
    check(vm, &args, "str", "__mod__", 1, 1)?;
    vm.percent_format(s.as_str(), &args.pos[1])
}

fn cmp_impl(vm: &mut Vm, args: Args, name: &str, f: fn(&str, &str) -> bool) -> PyResult {
    let s = this(vm, &args, name)?;
    check(vm, &args, "str", name, 1, 1)?;
    match &args.pos[1] {
        Value::Str(o) => b(f(s.as_str(), o.as_str())),
        _ => Ok(Value::NotImplemented),
    }
}

fn dunder_eq(vm: &mut Vm, args: Args) -> PyResult {
    cmp_impl(vm, args, "__eq__", |a, b| a == b)
}
fn dunder_ne(vm: &mut Vm, args: Args) -> PyResult {
    cmp_impl(vm, args, "__ne__", |a, b| a != b)
}
fn dunder_lt(vm: &mut Vm, args: Args) -> PyResult {
    cmp_impl(vm, args, "__lt__", |a, b| a < b)
}
fn dunder_le(vm: &mut Vm, args: Args) -> PyResult {
    cmp_impl(vm, args, "__le__", |a, b| a <= b)
}
fn dunder_gt(vm: &mut Vm, args: Args) -> PyResult {
    cmp_impl(vm, args, "__gt__", |a, b| a > b)
}
fn dunder_ge(vm: &mut Vm, args: Args) -> PyResult {
    cmp_impl(vm, args, "__ge__", |a, b| a >= b)
}

fn dunder_hash(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__hash__")?;
    check(vm, &args, "str", "__hash__", 0, 0)?;
    Ok(Value::Int(s.hash()))
}

fn dunder_repr(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__repr__")?;
    check(vm, &args, "str", "__repr__", 0, 0)?;
    Ok(Value::str(str_repr(s.as_str())))
}

fn dunder_str(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__str__")?;
    check(vm, &args, "str", "__str__", 0, 0)?;
    Ok(Value::Str(s))
}

fn dunder_format(vm: &mut Vm, args: Args) -> PyResult {
    let s = this(vm, &args, "__format__")?;
    check(vm, &args, "str", "__format__", 1, 1)?;
    let spec = match &args.pos[1] {
        Value::Str(p) => p.clone(),
        other => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(&format!("__format__() argument must be str, not {tn}")));
        }
    };
    Ok(Value::str(vm.format(&Value::Str(s), spec.as_str())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split() {
        assert_eq!(split_whitespace("  a  b  c  ", -1), vec!["a", "b", "c"]);
        assert_eq!(split_whitespace("  a  b  c  ", 1), vec!["a", "b  c  "]);
        assert_eq!(split_whitespace("  a b ", 0), vec!["a b "]);
        assert_eq!(split_whitespace("   ", -1), Vec::<&str>::new());
        assert_eq!(split_whitespace("a\x1cb", -1), vec!["a", "b"]);
        assert_eq!(rsplit_whitespace("  a  b  c  ", 1), vec!["  a  b", "c"]);
        assert_eq!(rsplit_whitespace("a b c", -1), vec!["a", "b", "c"]);
    }

    #[test]
    fn lines() {
        assert_eq!(split_lines("a\nb\r\nc\rd", false), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\nb\r\n", true), vec!["a\n", "b\r\n"]);
        assert_eq!(split_lines("", false), Vec::<&str>::new());
        assert_eq!(split_lines("a\n\nb", false), vec!["a", "", "b"]);
    }

    #[test]
    fn titles() {
        assert_eq!(title_case("hello world"), "Hello World");
        assert_eq!(title_case("they're bill's"), "They'Re Bill'S");
        assert!(is_title("Hello World"));
        assert!(!is_title("Hello world"));
        assert!(!is_title("123"));
        assert!(is_identifier("_a1"));
        assert!(!is_identifier("1a"));
    }
}
