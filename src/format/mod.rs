//! Python's number and string formatting: float repr, `round()`, the
//! format-spec mini-language (`format()`, f-strings, `str.format`) and
//! printf-style `%` formatting.
//!
//! Everything here is a pure function on Rust values so the VM can call it
//! without this module knowing about Python objects. Error messages are
//! CPython 3.13's, and every error carries the exception class to raise.

mod float;
mod float_repr;
mod int;
mod number;
mod percent;
mod round;
mod spec;
mod string;

use std::fmt;

pub use float::{format_float, format_float_typed};
pub use float_repr::{DtoaFlags, double_to_string, float_repr};
pub use int::{format_i64, format_int, format_int_typed};
pub use percent::{
    Count, PercentFlags, PercentPiece, PercentSpec, ResolvedPercent, parse_percent, percent_char,
    percent_float, percent_int, percent_str,
};
pub use round::float_round;
pub use spec::{Align, FormatSpec, Grouping, Sign, SpecTarget, parse_spec};
pub use string::{format_str, format_str_typed};

/// Which Python exception a formatting failure maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Value,
    Overflow,
    Type,
    Memory,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub message: String,
}

impl FormatError {
    pub(crate) fn value(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::Value,
            message: message.into(),
        }
    }

    pub(crate) fn overflow(message: impl Into<String>) -> Self {
        FormatError {
            kind: ErrorKind::Overflow,
            message: message.into(),
        }
    }

    /// Python exception class name, for the VM to build the exception.
    pub fn class_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::Value => "ValueError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Memory => "MemoryError",
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message)
    }
}

impl std::error::Error for FormatError {}

/// Whether a field of `n` characters may be built: CPython tries to
/// allocate it and raises MemoryError when it cannot; here the request is
/// weighed against the memory budget first, so an absurd width or precision
/// can never abort the process.
pub(crate) fn field_fits(n: usize) -> bool {
    crate::memory::fits(n.saturating_mul(2))
}

pub(crate) fn too_big() -> FormatError {
    FormatError {
        kind: ErrorKind::Memory,
        message: String::new(),
    }
}

pub(crate) fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// CPython prints non-printable or non-ASCII codes as `\x..` in messages.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> FormatError {
    let code = ty as u32;
    if code > 32 && code < 128 {
        FormatError::value(format!(
            "Unknown format code '{ty}' for object of type '{type_name}'"
        ))
    } else {
        FormatError::value(format!(
            "Unknown format code '\\x{code:x}' for object of type '{type_name}'"
        ))
    }
}

/// Turns a result into CPython-comparable (exception class or "", text).
#[cfg(test)]
pub(crate) fn outcome(r: Result<String, FormatError>) -> (&'static str, String) {
    match r {
        Ok(s) => ("", s),
        Err(e) => (e.class_name(), e.message),
    }
}
