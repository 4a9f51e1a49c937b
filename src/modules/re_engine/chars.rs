//! Character predicates and case mappings with the definitions CPython's
//! `_sre` uses: `\w` is `str.isalnum()` or `_`, `\d` is a decimal digit
//! (category Nd), `\s` is `str.isspace()`; case-insensitive matching
//! compares the first character of the full lowercase mapping, as
//! `Py_UNICODE_TOLOWER` does.

use unicode_general_category::{GeneralCategory as G, get_general_category};

/// The character classes of `\d \D \s \S \w \W`, in their ASCII and
/// Unicode flavours.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
    UniDigit,
    UniNotDigit,
    UniSpace,
    UniNotSpace,
    UniWord,
    UniNotWord,
}

impl Cat {
    /// The Unicode flavour of an ASCII class.
    pub fn unicode(self) -> Cat {
        match self {
            Cat::Digit => Cat::UniDigit,
            Cat::NotDigit => Cat::UniNotDigit,
            Cat::Space => Cat::UniSpace,
            Cat::NotSpace => Cat::UniNotSpace,
            Cat::Word => Cat::UniWord,
            Cat::NotWord => Cat::UniNotWord,
            other => other,
        }
    }

    #[inline]
    pub fn test(self, c: u32) -> bool {
        match self {
            Cat::Digit => is_ascii_digit(c),
            Cat::NotDigit => !is_ascii_digit(c),
            Cat::Space => is_ascii_space(c),
            Cat::NotSpace => !is_ascii_space(c),
            Cat::Word => is_ascii_word(c),
            Cat::NotWord => !is_ascii_word(c),
            Cat::UniDigit => is_uni_digit(c),
            Cat::UniNotDigit => !is_uni_digit(c),
            Cat::UniSpace => is_uni_space(c),
            Cat::UniNotSpace => !is_uni_space(c),
            Cat::UniWord => is_uni_word(c),
            Cat::UniNotWord => !is_uni_word(c),
        }
    }
}

#[inline]
pub fn is_ascii_digit(c: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&c)
}

#[inline]
pub fn is_ascii_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0d | 0x20)
}

#[inline]
pub fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u32)
}

fn category(c: u32) -> Option<G> {
    char::from_u32(c).map(get_general_category)
}

pub fn is_uni_digit(c: u32) -> bool {
    if c < 128 {
        return is_ascii_digit(c);
    }
    category(c) == Some(G::DecimalNumber)
}

/// `str.isspace()`: bidirectional classes WS, B, S or category Zs.
pub fn is_uni_space(c: u32) -> bool {
    matches!(
        c,
        0x09..=0x0d
            | 0x1c..=0x20
            | 0x85
            | 0xa0
            | 0x1680
            | 0x2000..=0x200a
            | 0x2028
            | 0x2029
            | 0x202f
            | 0x205f
            | 0x3000
    )
}

/// `str.isalnum()` or `_`: letters (L*) and numbers (N*). The category
/// table is Unicode 15.0's; CPython 3.13 has 15.1, which only added the
/// letters of CJK Extension I.
pub fn is_uni_word(c: u32) -> bool {
    if c < 128 {
        return is_ascii_word(c);
    }
    if (0x2ebf0..=0x2ee5d).contains(&c) {
        return true;
    }
    matches!(
        category(c),
        Some(
            G::UppercaseLetter
                | G::LowercaseLetter
                | G::TitlecaseLetter
                | G::ModifierLetter
                | G::OtherLetter
                | G::DecimalNumber
                | G::LetterNumber
                | G::OtherNumber
        )
    )
}

#[inline]
pub fn ascii_lower(c: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&c) {
        c + 32
    } else {
        c
    }
}

#[inline]
pub fn ascii_upper(c: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&c) {
        c - 32
    } else {
        c
    }
}

/// `Py_UNICODE_TOLOWER`: the first character of the full lowercase mapping.
#[inline]
pub fn uni_lower(c: u32) -> u32 {
    if c < 128 {
        return ascii_lower(c);
    }
    match char::from_u32(c) {
        Some(ch) => ch.to_lowercase().next().map_or(c, |l| l as u32),
        None => c,
    }
}

/// `Py_UNICODE_TOUPPER`: the first character of the full uppercase mapping.
#[inline]
pub fn uni_upper(c: u32) -> u32 {
    if c < 128 {
        return ascii_upper(c);
    }
    match char::from_u32(c) {
        Some(ch) => ch.to_uppercase().next().map_or(c, |u| u as u32),
        None => c,
    }
}

pub fn uni_iscased(c: u32) -> bool {
    c != uni_lower(c) || c != uni_upper(c)
}

pub fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// Characters that also match a lowercase character case-insensitively
/// although neither is the other's lowercase (CPython's `_EXTRA_CASES`,
/// derived from the Unicode data): keyed by lowercase character.
pub fn extra_cases(lo: u32) -> &'static [u32] {
    match lo {
        0x69 => &[0x131],
        0x73 => &[0x17f],
        0xb5 => &[0x3bc],
        0x131 => &[0x69],
        0x17f => &[0x73],
        0x345 => &[0x3b9, 0x1fbe],
        0x390 => &[0x1fd3],
        0x3b0 => &[0x1fe3],
        0x3b2 => &[0x3d0],
        0x3b5 => &[0x3f5],
        0x3b8 => &[0x3d1],
        0x3b9 => &[0x345, 0x1fbe],
        0x3ba => &[0x3f0],
        0x3bc => &[0xb5],
        0x3c0 => &[0x3d6],
        0x3c1 => &[0x3f1],
        0x3c2 => &[0x3c3],
        0x3c3 => &[0x3c2],
        0x3c6 => &[0x3d5],
        0x3d0 => &[0x3b2],
        0x3d1 => &[0x3b8],
        0x3d5 => &[0x3c6],
        0x3d6 => &[0x3c0],
        0x3f0 => &[0x3ba],
        0x3f1 => &[0x3c1],
        0x3f5 => &[0x3b5],
        0x432 => &[0x1c80],
        0x434 => &[0x1c81],
        0x43e => &[0x1c82],
        0x441 => &[0x1c83],
        0x442 => &[0x1c84, 0x1c85],
        0x44a => &[0x1c86],
        0x463 => &[0x1c87],
        0x1c80 => &[0x432],
        0x1c81 => &[0x434],
        0x1c82 => &[0x43e],
        0x1c83 => &[0x441],
        0x1c84 => &[0x442, 0x1c85],
        0x1c85 => &[0x442, 0x1c84],
        0x1c86 => &[0x44a],
        0x1c87 => &[0x463],
        0x1c88 => &[0xa64b],
        0x1e61 => &[0x1e9b],
        0x1e9b => &[0x1e61],
        0x1fbe => &[0x345, 0x3b9],
        0x1fd3 => &[0x390],
        0x1fe3 => &[0x3b0],
        0xa64b => &[0x1c88],
        0xfb05 => &[0xfb06],
        0xfb06 => &[0xfb05],
        _ => &[],
    }
}
