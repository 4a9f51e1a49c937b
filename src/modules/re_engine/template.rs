//! Replacement templates (`\1`, `\g<name>`, `\g<0>`, escapes) parsed into
//! literal pieces and group numbers, with CPython's errors.

use super::ast::MAXGROUPS;
use super::source::*;

pub enum Piece {
    Literal(Vec<u32>),
    Group(usize),
}

fn escape_value(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

/// Parses `repl` for a pattern with `groups` groups (group 0 excluded)
/// and the given group names.
pub fn parse(
    repl: &[u32],
    is_text: bool,
    groups: usize,
    names: &[(String, usize)],
) -> PResult<Vec<Piece>> {
    let mut s = Source::new(repl, is_text)?;
    let mut out = Vec::new();
    let mut lit: Vec<u32> = Vec::new();
    let add_group =
        |out: &mut Vec<Piece>, lit: &mut Vec<u32>, s: &Source, index: usize, pos: usize| {
            if index > groups {
                return Err(s.error(&format!("invalid group reference {index}"), pos));
            }
            out.push(Piece::Literal(std::mem::take(lit)));
            out.push(Piece::Group(index));
            Ok(())
        };
    while let Some(this) = s.get()? {
        let c = match this {
            Tok::C(c) => {
                lit.push(c);
                continue;
            }
            Tok::Esc(c) => c,
        };
        if c == 'g' as u32 {
            if !s.matches('<')? {
                return Err(s.error("missing <", 0));
            }
            let name = s.getuntil('>', "group name")?;
            let len = name.chars().count() + 1;
            let index = if !name.bytes().all(|b| b.is_ascii_digit()) {
                s.checkgroupname(&name, 1)?;
                match names.iter().find(|(n, _)| *n == name) {
                    Some(&(_, g)) => g,
                    None => {
                        return Err(ReError::other(
                            ErrKind::Index,
                            format!("unknown group name {}", crate::vm::convert::str_repr(&name)),
                        ));
                    }
                }
            } else {
                let digits: Vec<u32> = name.chars().map(|c| c as u32).collect();
                let v = digits_value(&digits, 10);
                if v >= MAXGROUPS as u64 {
                    return Err(s.error(&format!("invalid group reference {v}"), len));
                }
                v as usize
            };
            add_group(&mut out, &mut lit, &s, index, len)?;
        } else if c == '0' as u32 {
            let mut digits = vec![c];
            digits.extend(s.getwhile(2, is_octdigit)?);
            lit.push((digits_value(&digits, 8) & 0xff) as u32);
        } else if is_digit(c) {
            let mut esc = vec!['\\' as u32, c];
            let mut octal = false;
            if let Some(d) = s.peek_char().filter(|&d| is_digit(d)) {
                s.get()?;
                esc.push(d);
                if is_octdigit(c) && is_octdigit(d) && s.peek_char().is_some_and(is_octdigit) {
                    if let Some(Tok::C(e)) = s.get()? {
                        esc.push(e);
                    }
                    octal = true;
                    let v = digits_value(&esc[1..], 8);
                    if v > 0o377 {
                        let text: String = esc.iter().map(|&u| ch(u)).collect();
                        return Err(s.error(
                            &format!("octal escape value {text} outside of range 0-0o377"),
                            esc.len(),
                        ));
                    }
                    lit.push(v as u32);
                }
            }
            if !octal {
                let index = digits_value(&esc[1..], 10) as usize;
                add_group(&mut out, &mut lit, &s, index, esc.len() - 1)?;
            }
        } else if let Some(v) = escape_value(c) {
            lit.push(v);
        } else if is_ascii_letter(c) {
            return Err(s.error(&format!("bad escape \\{}", ch(c)), 2));
        } else {
            lit.push('\\' as u32);
            lit.push(c);
        }
    }
    out.push(Piece::Literal(lit));
    Ok(out)
}
