//! `str.format` / `str.format_map`: the replacement-field grammar
//! `{field_name!conv:spec}` with `{{`/`}}` escapes and nested fields in specs.
//! Specs themselves are applied by `vm.format` (the format mini-language).

use crate::vm::convert::ascii_of;
use crate::vm::{Value, Vm};
use std::rc::Rc;

pub enum Kwargs {
    List(Vec<(Rc<str>, Value)>),
    Mapping(Value),
}

/// A parsed piece of a format string.
#[derive(Debug, PartialEq)]
pub enum Piece<'a> {
    Lit(String),
    Field {
        name: &'a str,
        conv: Option<char>,
        spec: &'a str,
    },
}

/// An error from parsing, as a ValueError message.
pub fn parse(s: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut lit = String::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'{' {
            if bytes.get(i + 1) == Some(&b'{') {
                lit.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace.
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < bytes.len() {
                match bytes[j] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j >= bytes.len() {
                return Err(if depth > 1 || start < bytes.len() {
                    "expected '}' before end of string".into()
                } else {
                    "Single '{' encountered in format string".into()
                });
            }
            let body = &s[start..j];
            if !lit.is_empty() {
                out.push(Piece::Lit(std::mem::take(&mut lit)));
            }
            out.push(parse_field(body)?);
            i = j + 1;
        } else if c == b'}' {
            if bytes.get(i + 1) == Some(&b'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err("Single '}' encountered in format string".into());
        } else {
            // Copy one UTF-8 character.
            let ch_len = s[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
            lit.push_str(&s[i..i + ch_len]);
            i += ch_len;
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Lit(lit));
    }
    Ok(out)
}

fn parse_field(body: &str) -> Result<Piece<'_>, String> {
    // The field name ends at the first '!' or ':' outside brackets.
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut in_bracket = false;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => in_bracket = true,
            b']' => in_bracket = false,
            b'!' | b':' if !in_bracket => break,
            b'{' | b'}' if !in_bracket => {
                return Err("unexpected '{' in field name".into());
            }
            _ => {}
        }
        i += 1;
    }
    let name = &body[..i];
    let mut conv = None;
    let mut rest = &body[i..];
    if let Some(r) = rest.strip_prefix('!') {
        let mut chars = r.chars();
        match chars.next() {
            Some(c) => conv = Some(c),
            None => {
                return Err("end of string while looking for conversion specifier".into());
            }
        }
        rest = chars.as_str();
        if !rest.is_empty() && !rest.starts_with(':') {
            return Err("expected ':' after conversion specifier".into());
        }
    }
    let spec = rest.strip_prefix(':').unwrap_or("");
    Ok(Piece::Field { name, conv, spec })
}

struct State {
    auto: Option<usize>,
    manual: bool,
}

pub fn format_str(vm: &mut Vm, s: &str, pos: &[Value], kw: &Kwargs) -> Result<String, Value> {
    let mut st = State {
        auto: None,
        manual: false,
    };
    format_rec(vm, s, pos, kw, &mut st, 2)
}

fn format_rec(
    vm: &mut Vm,
    s: &str,
    pos: &[Value],
    kw: &Kwargs,
    st: &mut State,
    depth: u32,
) -> Result<String, Value> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let pieces = parse(s).map_err(|m| vm.value_error(&m))?;
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Lit(l) => out.push_str(&l),
            Piece::Field { name, conv, spec } => {
                let v = resolve(vm, name, pos, kw, st)?;
                let v = match conv {
                    None => v,
                    Some('r') => Value::str(vm.repr(&v)?),
                    Some('s') => Value::str(vm.str(&v)?),
                    Some('a') => Value::str(ascii_of(&vm.repr(&v)?)),
                    Some(c) => {
                        return Err(vm.value_error(&format!("Unknown conversion specifier {c}")));
                    }
                };
                let spec = if spec.contains('{') {
                    format_rec(vm, spec, pos, kw, st, depth - 1)?
                } else {
                    spec.to_string()
                };
                match (&v, spec.is_empty()) {
                    (Value::Str(sv), true) => out.push_str(sv.as_str()),
                    _ => out.push_str(&vm.format(&v, &spec)?),
                }
            }
        }
    }
    Ok(out)
}

fn resolve(
    vm: &mut Vm,
    name: &str,
    pos: &[Value],
    kw: &Kwargs,
    st: &mut State,
) -> Result<Value, Value> {
    // Split the first part from the `.attr` / `[key]` chain.
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(end);
    let mut v = if first.is_empty() || first.bytes().all(|c| c.is_ascii_digit()) {
        let idx = if first.is_empty() {
            if st.manual {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let n = st.auto.unwrap_or(0);
            st.auto = Some(n + 1);
            n
        } else {
            if st.auto.is_some() {
                return Err(vm.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            st.manual = true;
            match first.parse::<usize>() {
                Ok(n) => n,
                Err(_) => {
                    return Err(vm.value_error("Too many decimal digits in format string"));
                }
            }
        };
        match pos.get(idx) {
            Some(v) => v.clone(),
            None => {
                return Err(vm.new_exc(
                    "IndexError",
                    &format!("Replacement index {idx} out of range for positional args tuple"),
                ));
            }
        }
    } else {
        match kw {
            Kwargs::List(l) => match l.iter().find(|(k, _)| &**k == first) {
                Some((_, v)) => v.clone(),
                None => return Err(vm.key_error(Value::str(first))),
            },
            Kwargs::Mapping(m) => {
                let m = m.clone();
                vm.getitem(&m, &Value::str(first))?
            }
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            v = vm.getattr(&v, attr)?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let Some(close) = r.find(']') else {
                return Err(vm.value_error("Missing ']' in format string"));
            };
            let key = &r[..close];
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let k = match key.parse::<i64>() {
                Ok(n) if key.bytes().all(|c| c.is_ascii_digit()) => Value::Int(n),
                _ => Value::str(key),
            };
            v = vm.getitem(&v, &k)?;
            rest = &r[close + 1..];
            if !rest.is_empty() && !rest.starts_with(['.', '[']) {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str, conv: Option<char>, spec: &str) -> String {
        format!("{name}|{conv:?}|{spec}")
    }

    fn show(s: &str) -> Vec<String> {
        parse(s)
            .unwrap()
            .into_iter()
            .map(|p| match p {
                Piece::Lit(l) => l,
                Piece::Field { name, conv, spec } => field(name, conv, spec),
            })
            .collect()
    }

    #[test]
    fn parses_fields() {
        assert_eq!(show("a{}b"), vec!["a", "|None|", "b"]);
        assert_eq!(show("{{x}}"), vec!["{x}"]);
        assert_eq!(show("{0!r:>{w}}"), vec!["0|Some('r')|>{w}"]);
        assert_eq!(show("{a[k]:d}"), vec!["a[k]|None|d"]);
        assert_eq!(show("{a[:]}"), vec!["a[:]|None|"]);
    }

    #[test]
    fn parse_errors() {
        assert_eq!(
            parse("{").unwrap_err(),
            "Single '{' encountered in format string"
        );
        assert_eq!(
            parse("}").unwrap_err(),
            "Single '}' encountered in format string"
        );
        assert_eq!(
            parse("{0[").unwrap_err(),
            "expected '}' before end of string"
        );
    }
}
