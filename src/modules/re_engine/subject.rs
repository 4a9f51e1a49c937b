//! The string being matched, as the matcher sees it: bytes and ASCII
//! strings as their bytes, other strings decoded to code points (kept for
//! the last string seen, so a scanner calling `match(s, pos)` in a loop
//! decodes once), and slices of it back as Python values.

use crate::vm::value::PyStr;
use crate::vm::{Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub enum Subject {
    Bytes(Rc<Vec<u8>>),
    Ascii(Rc<PyStr>),
    Wide(Rc<PyStr>, Rc<Wide>),
}

/// A non-ASCII string's code points, and the byte offset of every 64th
/// one (so a span's text is found without walking from the start).
pub struct Wide {
    pub units: Vec<u32>,
    marks: Vec<usize>,
}

const MARK_EVERY: usize = 64;

impl Wide {
    fn new(s: &str) -> Wide {
        let mut units = Vec::with_capacity(s.len());
        let mut marks = Vec::with_capacity(s.len() / MARK_EVERY + 1);
        for (i, (b, c)) in s.char_indices().enumerate() {
            if i % MARK_EVERY == 0 {
                marks.push(b);
            }
            units.push(c as u32);
        }
        Wide { units, marks }
    }

    /// The byte offset of character `c` of `s` (the string this was made from).
    pub fn byte_of(&self, s: &str, c: usize) -> usize {
        if c >= self.units.len() {
            return s.len();
        }
        let start = self.marks.get(c / MARK_EVERY).copied().unwrap_or(0);
        let skip = c % MARK_EVERY;
        s.get(start..)
            .and_then(|rest| rest.char_indices().nth(skip))
            .map_or(s.len(), |(i, _)| start + i)
    }
}

/// A string and its code points.
type Decoded = (Rc<PyStr>, Rc<Wide>);

thread_local! {
    static LAST_WIDE: RefCell<Option<Decoded>> = const { RefCell::new(None) };
}

pub fn decode(s: &Rc<PyStr>) -> Rc<Wide> {
    let cached = LAST_WIDE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| Rc::ptr_eq(k, s))
            .map(|(_, v)| v.clone())
    });
    if let Some(v) = cached {
        return v;
    }
    let v = Rc::new(Wide::new(s.as_str()));
    LAST_WIDE.with(|c| *c.borrow_mut() = Some((s.clone(), v.clone())));
    v
}

impl Subject {
    /// The subject for `v`, checked against the pattern's kind.
    pub fn from_value(vm: &mut Vm, v: &Value, is_text: bool) -> Result<Subject, Value> {
        let inner = match v {
            Value::Instance(_) => crate::vm::class::payload_of(v).unwrap_or_else(|| v.clone()),
            _ => v.clone(),
        };
        match inner {
            Value::Str(s) if is_text => Ok(if s.is_ascii() {
                Subject::Ascii(s)
            } else {
                let w = decode(&s);
                Subject::Wide(s, w)
            }),
            Value::Bytes(b) if !is_text => Ok(Subject::Bytes(b)),
            Value::Str(_) => {
                Err(vm.type_error("cannot use a bytes pattern on a string-like object"))
            }
            Value::Bytes(_) => {
                Err(vm.type_error("cannot use a string pattern on a bytes-like object"))
            }
            _ => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!("expected string or bytes-like object, got '{tn}'")))
            }
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Subject::Bytes(b) => b.len(),
            Subject::Ascii(s) => s.as_str().len(),
            Subject::Wide(_, w) => w.units.len(),
        }
    }

    pub fn slicer(&self) -> Slicer<'_> {
        Slicer {
            subject: self,
            chars: 0,
            bytes: 0,
        }
    }
}

/// Turns spans of the subject into values; for decoded strings it keeps
/// the byte offset of the last position asked for, so spans taken in
/// order cost their own length, not the string's.
pub struct Slicer<'a> {
    subject: &'a Subject,
    chars: usize,
    bytes: usize,
}

impl Slicer<'_> {
    fn byte_of(&mut self, s: &str, c: usize) -> usize {
        let b = s.as_bytes();
        while self.chars < c && self.bytes < b.len() {
            self.bytes += 1;
            while self.bytes < b.len() && (b[self.bytes] & 0xc0) == 0x80 {
                self.bytes += 1;
            }
            self.chars += 1;
        }
        while self.chars > c && self.bytes > 0 {
            self.bytes -= 1;
            while self.bytes > 0 && (b[self.bytes] & 0xc0) == 0x80 {
                self.bytes -= 1;
            }
            self.chars -= 1;
        }
        self.bytes
    }

    /// Appends `[a, b)` of a str subject to `out`.
    pub fn push_str(&mut self, out: &mut String, a: usize, b: usize) {
        match self.subject {
            Subject::Ascii(s) => out.push_str(s.as_str().get(a..b).unwrap_or("")),
            Subject::Wide(s, _) => {
                let text = s.as_str();
                let x = self.byte_of(text, a);
                let y = self.byte_of(text, b);
                out.push_str(text.get(x..y).unwrap_or(""));
            }
            Subject::Bytes(_) => {}
        }
    }

    /// Appends `[a, b)` of a bytes subject to `out`.
    pub fn push_bytes(&mut self, out: &mut Vec<u8>, a: usize, b: usize) {
        if let Subject::Bytes(v) = self.subject {
            out.extend_from_slice(v.get(a..b).unwrap_or(&[]));
        }
    }

    pub fn slice(&mut self, a: usize, b: usize) -> Value {
        match self.subject {
            Subject::Bytes(v) => Value::Bytes(Rc::new(v.get(a..b).unwrap_or(&[]).to_vec())),
            _ => {
                let mut s = String::new();
                self.push_str(&mut s, a, b);
                Value::str(s)
            }
        }
    }

    pub fn empty(&self) -> Value {
        match self.subject {
            Subject::Bytes(_) => Value::Bytes(Rc::new(Vec::new())),
            _ => Value::str(""),
        }
    }
}
