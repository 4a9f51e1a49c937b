//! Parsing of the format-spec mini-language:
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
//! Mirrors `parse_internal_render_format_spec` in CPython's
//! `Python/formatter_unicode.c`, including the order its checks run in,
//! because that order decides which error message the user sees.

use super::FormatError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// `=`: padding goes between the sign/prefix and the digits.
    AfterSign,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
    Space,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

/// The kind of object being formatted; it decides the defaults (type code
/// and alignment) the parser fills in, exactly as CPython does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecTarget {
    Int,
    Float,
    Str,
}

impl SpecTarget {
    fn default_type(self) -> Option<char> {
        match self {
            SpecTarget::Int => Some('d'),
            SpecTarget::Float => None,
            SpecTarget::Str => Some('s'),
        }
    }

    fn default_align(self) -> Align {
        match self {
            SpecTarget::Str => Align::Left,
            SpecTarget::Int | SpecTarget::Float => Align::Right,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Align,
    /// `None` when no sign option was written; strings reject even `-`.
    pub sign: Option<Sign>,
    /// The `z` option: coerce negative zero to zero (floats only).
    pub no_neg_zero: bool,
    pub alternate: bool,
    /// A bare `0` before the width was written.
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// `None` only for floats without a type code (repr-like formatting).
    pub ty: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of ASCII digits; `None` if there were none.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let start = *pos;
    let mut acc: i64 = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        let d = i64::from(d);
        if acc > (i64::MAX - d) / 10 {
            return Err(FormatError::value(
                "Too many decimal digits in format string",
            ));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    if *pos == start {
        return Ok(None);
    }
    // On 64-bit targets this never fails; elsewhere the width cannot be
    // allocated anyway.
    usize::try_from(acc).map(Some).map_err(|_| super::too_big())
}

/// Parses `spec` for an object of Python type `type_name` (used only in
/// error messages, so `bool` or a subclass name can be reported).
pub fn parse_spec(
    spec: &str,
    target: SpecTarget,
    type_name: &str,
) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: ' ',
        align: target.default_align(),
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: target.default_type(),
    };
    let mut fill_given = false;
    let mut align_given = false;

    if let Some(a) = chars.get(1).copied().and_then(align_of) {
        out.fill = chars[0];
        out.align = a;
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if let Some(a) = chars.first().copied().and_then(align_of) {
        out.align = a;
        align_given = true;
        pos = 1;
    }

    out.sign = match chars.get(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if out.sign.is_some() {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    // Backwards-compatible `0` flag: zero fill, and for numbers (whose
    // default alignment is right) sign-aware padding.
    if !fill_given && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        out.zero_pad = true;
        if !align_given && target.default_align() == Align::Right {
            out.align = Align::AfterSign;
        }
        pos += 1;
    }

    out.width = parse_count(&chars, &mut pos)?;

    if chars.get(pos) == Some(&',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some(Grouping::Underscore) {
        return Err(FormatError::value("Cannot specify both ',' and '_'."));
    }

    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = parse_count(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(FormatError::value("Format specifier missing precision"));
        }
    }

    if end - pos > 1 {
        return Err(FormatError::value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }

    if let Some(g) = out.grouping {
        let allowed = match out.ty {
            None => true,
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            // PEP 515: `_` groups binary/octal/hex digits in fours.
            Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
            Some(_) => false,
        };
        if !allowed {
            let sep = if g == Grouping::Comma { ',' } else { '_' };
            let ty = out.ty.unwrap_or('\0');
            let code = ty as u32;
            let msg = if code > 32 && code < 128 {
                format!("Cannot specify '{sep}' with '{ty}'.")
            } else {
                format!("Cannot specify '{sep}' with '\\x{code:x}'.")
            };
            return Err(FormatError::value(msg));
        }
    }
    if out.width.is_some_and(|w| !super::field_fits(w)) {
        return Err(super::too_big());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_field() {
        let s = parse_spec("*^+z#012,.3f", SpecTarget::Float, "float");
        assert_eq!(
            s,
            Ok(FormatSpec {
                fill: '*',
                align: Align::Center,
                sign: Some(Sign::Plus),
                no_neg_zero: true,
                alternate: true,
                zero_pad: false,
                width: Some(12),
                grouping: Some(Grouping::Comma),
                precision: Some(3),
                ty: Some('f'),
            })
        );
    }

    #[test]
    fn zero_flag_depends_on_target() {
        let n = parse_spec("05", SpecTarget::Int, "int").map(|s| (s.fill, s.align));
        assert_eq!(n, Ok(('0', Align::AfterSign)));
        let s = parse_spec("05", SpecTarget::Str, "str").map(|s| (s.fill, s.align));
        assert_eq!(s, Ok(('0', Align::Left)));
        let f = parse_spec("<05", SpecTarget::Int, "int").map(|s| (s.fill, s.align));
        assert_eq!(f, Ok(('0', Align::Left)));
        // An explicit fill wins over the `0` flag, which then is the width.
        let x = parse_spec("x<05", SpecTarget::Int, "int").map(|s| (s.fill, s.width));
        assert_eq!(x, Ok(('x', Some(5))));
    }

    #[test]
    fn fill_may_be_any_char() {
        let s = parse_spec("é>7", SpecTarget::Str, "str").map(|s| (s.fill, s.width));
        assert_eq!(s, Ok(('é', Some(7))));
    }

    #[test]
    fn errors() {
        let msg = |spec: &str| {
            parse_spec(spec, SpecTarget::Int, "int")
                .err()
                .map(|e| e.message)
                .unwrap_or_default()
        };
        assert_eq!(msg(",_d"), "Cannot specify both ',' and '_'.");
        assert_eq!(msg("_,d"), "Cannot specify both ',' and '_'.");
        assert_eq!(msg("."), "Format specifier missing precision");
        assert_eq!(
            msg("abc"),
            "Invalid format specifier 'abc' for object of type 'int'"
        );
        assert_eq!(msg(",x"), "Cannot specify ',' with 'x'.");
        assert_eq!(msg("_c"), "Cannot specify '_' with 'c'.");
        assert_eq!(
            msg("99999999999999999999"),
            "Too many decimal digits in format string"
        );
    }
}
