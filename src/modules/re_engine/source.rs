//! The pattern tokenizer: one character, or a backslash and the character
//! after it, at a time, with positions counted the way CPython's
//! `_parser.Tokenizer` counts them (errors point where CPython's do).

use super::chars::ascii_lower;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tok {
    C(u32),
    /// A backslash followed by this character.
    Esc(u32),
}

impl Tok {
    pub fn len(self) -> usize {
        match self {
            Tok::C(_) => 1,
            Tok::Esc(_) => 2,
        }
    }
    /// The token's text, for error messages.
    pub fn text(self) -> String {
        match self {
            Tok::C(c) => ch(c).to_string(),
            Tok::Esc(c) => format!("\\{}", ch(c)),
        }
    }
}

pub fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ErrKind {
    Pattern,
    Overflow,
    Value,
    Recursion,
    Index,
}

#[derive(Clone, Debug)]
pub struct ReError {
    pub kind: ErrKind,
    pub msg: String,
    pub pos: Option<usize>,
}

impl ReError {
    pub fn new(msg: impl Into<String>, pos: Option<usize>) -> ReError {
        ReError {
            kind: ErrKind::Pattern,
            msg: msg.into(),
            pos,
        }
    }
    pub fn other(kind: ErrKind, msg: impl Into<String>) -> ReError {
        ReError {
            kind,
            msg: msg.into(),
            pos: None,
        }
    }
}

pub type PResult<T> = Result<T, ReError>;

pub struct Source<'a> {
    pub s: &'a [u32],
    pub is_text: bool,
    index: usize,
    pub next: Option<Tok>,
}

impl<'a> Source<'a> {
    pub fn new(s: &'a [u32], is_text: bool) -> PResult<Source<'a>> {
        let mut src = Source {
            s,
            is_text,
            index: 0,
            next: None,
        };
        src.advance()?;
        Ok(src)
    }

    fn advance(&mut self) -> PResult<()> {
        let Some(&c) = self.s.get(self.index) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' as u32 {
            let Some(&d) = self.s.get(self.index + 1) else {
                return Err(self.raw_error(
                    "bad escape (end of pattern)",
                    self.s.len().saturating_sub(1),
                ));
            };
            self.index += 2;
            self.next = Some(Tok::Esc(d));
        } else {
            self.index += 1;
            self.next = Some(Tok::C(c));
        }
        Ok(())
    }

    /// Consumes the next token if it is the plain character `c`.
    pub fn matches(&mut self, c: char) -> PResult<bool> {
        if self.next == Some(Tok::C(c as u32)) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn get(&mut self) -> PResult<Option<Tok>> {
        let this = self.next;
        self.advance()?;
        Ok(this)
    }

    /// The next token if it is a plain character.
    pub fn peek_char(&self) -> Option<u32> {
        match self.next {
            Some(Tok::C(c)) => Some(c),
            _ => None,
        }
    }

    pub fn next_is(&self, c: char) -> bool {
        self.next == Some(Tok::C(c as u32))
    }

    /// Up to `n` plain characters accepted by `ok`.
    pub fn getwhile(&mut self, n: usize, ok: impl Fn(u32) -> bool) -> PResult<Vec<u32>> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.peek_char() {
                Some(c) if ok(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }

    /// Tokens up to `terminator`, as text (escapes keep their backslash).
    pub fn getuntil(&mut self, terminator: char, name: &str) -> PResult<String> {
        let mut result = String::new();
        let mut len = 0;
        loop {
            let c = self.next;
            self.advance()?;
            match c {
                None => {
                    if len == 0 {
                        return Err(self.error(&format!("missing {name}"), 0));
                    }
                    return Err(
                        self.error(&format!("missing {terminator}, unterminated name"), len)
                    );
                }
                Some(Tok::C(t)) if t == terminator as u32 => {
                    if len == 0 {
                        return Err(self.error(&format!("missing {name}"), 1));
                    }
                    break;
                }
                Some(t) => {
                    len += t.len();
                    result.push_str(&t.text());
                }
            }
        }
        Ok(result)
    }

    pub fn tell(&self) -> usize {
        self.index - self.next.map_or(0, Tok::len)
    }

    pub fn seek(&mut self, index: usize) -> PResult<()> {
        self.index = index;
        self.advance()
    }

    fn raw_error(&self, msg: &str, pos: usize) -> ReError {
        let msg = if self.is_text {
            msg.to_string()
        } else {
            crate::vm::convert::ascii_of(msg)
        };
        ReError::new(msg, Some(pos))
    }

    /// An error at `offset` characters before the current position.
    pub fn error(&self, msg: &str, offset: usize) -> ReError {
        self.raw_error(msg, self.tell().saturating_sub(offset))
    }

    pub fn checkgroupname(&self, name: &str, offset: usize) -> PResult<()> {
        let n = name.chars().count() + offset;
        if !self.is_text && !name.is_ascii() {
            let msg = format!("bad character in group name {}", ascii_repr(name));
            return Err(self.error(&msg, n));
        }
        if !is_identifier(name) {
            let msg = format!(
                "bad character in group name {}",
                crate::vm::convert::str_repr(name)
            );
            return Err(self.error(&msg, n));
        }
        Ok(())
    }
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) => {}
        _ => return false,
    }
    it.all(unicode_ident::is_xid_continue)
}

/// `ascii(s)` for a str.
pub fn ascii_repr(s: &str) -> String {
    let r = crate::vm::convert::str_repr(s);
    let mut out = String::new();
    for c in r.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

pub fn is_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

pub fn is_octdigit(c: u32) -> bool {
    (b'0' as u32..=b'7' as u32).contains(&c)
}

pub fn is_hexdigit(c: u32) -> bool {
    is_digit(c) || (b'a' as u32..=b'f' as u32).contains(&ascii_lower(c))
}

pub fn is_ascii_letter(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// The value of a run of digits in `radix`, saturating.
pub fn digits_value(d: &[u32], radix: u32) -> u64 {
    d.iter().fold(0u64, |acc, &c| {
        let v = char::from_u32(c)
            .and_then(|c| c.to_digit(radix))
            .unwrap_or(0);
        acc.saturating_mul(radix as u64).saturating_add(v as u64)
    })
}
