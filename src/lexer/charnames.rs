//! A small subset of the Unicode name table for `\N{...}` escapes: the full
//! table is large and programs rarely use more than a few common names.

const NAMES: &[(&str, char)] = &[
    ("NULL", '\0'),
    ("CHARACTER TABULATION", '\t'),
    ("LINE FEED", '\n'),
    ("CARRIAGE RETURN", '\r'),
    ("ESCAPE", '\u{1B}'),
    ("SPACE", ' '),
    ("NO-BREAK SPACE", '\u{A0}'),
    ("EXCLAMATION MARK", '!'),
    ("QUOTATION MARK", '"'),
    ("NUMBER SIGN", '#'),
    ("DOLLAR SIGN", '$'),
    ("PERCENT SIGN", '%'),
    ("AMPERSAND", '&'),
    ("APOSTROPHE", '\''),
    ("LEFT PARENTHESIS", '('),
    ("RIGHT PARENTHESIS", ')'),
    ("ASTERISK", '*'),
    ("PLUS SIGN", '+'),
    ("COMMA", ','),
    ("HYPHEN-MINUS", '-'),
    ("FULL STOP", '.'),
    ("SOLIDUS", '/'),
    ("COLON", ':'),
    ("SEMICOLON", ';'),
    ("LESS-THAN SIGN", '<'),
    ("EQUALS SIGN", '='),
    ("GREATER-THAN SIGN", '>'),
    ("QUESTION MARK", '?'),
    ("COMMERCIAL AT", '@'),
    ("LEFT SQUARE BRACKET", '['),
    ("REVERSE SOLIDUS", '\\'),
    ("RIGHT SQUARE BRACKET", ']'),
    ("LOW LINE", '_'),
    ("GRAVE ACCENT", '`'),
    ("LEFT CURLY BRACKET", '{'),
    ("VERTICAL LINE", '|'),
    ("RIGHT CURLY BRACKET", '}'),
    ("TILDE", '~'),
    ("DELETE", '\u{7F}'),
    ("CENT SIGN", '¢'),
    ("POUND SIGN", '£'),
    ("YEN SIGN", '¥'),
    ("SECTION SIGN", '§'),
    ("COPYRIGHT SIGN", '©'),
    ("REGISTERED SIGN", '®'),
    ("DEGREE SIGN", '°'),
    ("PLUS-MINUS SIGN", '±'),
    ("MICRO SIGN", 'µ'),
    ("PILCROW SIGN", '¶'),
    ("MIDDLE DOT", '·'),
    ("MULTIPLICATION SIGN", '×'),
    ("DIVISION SIGN", '÷'),
    ("LATIN SMALL LETTER SHARP S", 'ß'),
    ("LATIN SMALL LETTER E WITH ACUTE", 'é'),
    ("LATIN SMALL LETTER E WITH GRAVE", 'è'),
    ("LATIN SMALL LETTER A WITH GRAVE", 'à'),
    ("LATIN SMALL LETTER C WITH CEDILLA", 'ç'),
    ("LATIN SMALL LETTER U WITH DIAERESIS", 'ü'),
    ("LATIN SMALL LETTER O WITH DIAERESIS", 'ö'),
    ("LATIN SMALL LETTER A WITH DIAERESIS", 'ä'),
    ("LATIN SMALL LETTER N WITH TILDE", 'ñ'),
    ("LATIN CAPITAL LETTER E WITH ACUTE", 'É'),
    ("EN DASH", '–'),
    ("EM DASH", '—'),
    ("LEFT SINGLE QUOTATION MARK", '‘'),
    ("RIGHT SINGLE QUOTATION MARK", '’'),
    ("LEFT DOUBLE QUOTATION MARK", '“'),
    ("RIGHT DOUBLE QUOTATION MARK", '”'),
    ("BULLET", '•'),
    ("HORIZONTAL ELLIPSIS", '…'),
    ("PER MILLE SIGN", '‰'),
    ("EURO SIGN", '€'),
    ("TRADE MARK SIGN", '™'),
    ("LEFTWARDS ARROW", '←'),
    ("UPWARDS ARROW", '↑'),
    ("RIGHTWARDS ARROW", '→'),
    ("DOWNWARDS ARROW", '↓'),
    ("INFINITY", '∞'),
    ("NOT EQUAL TO", '≠'),
    ("LESS-THAN OR EQUAL TO", '≤'),
    ("GREATER-THAN OR EQUAL TO", '≥'),
    ("BOX DRAWINGS LIGHT HORIZONTAL", '─'),
    ("BOX DRAWINGS LIGHT VERTICAL", '│'),
    ("FULL BLOCK", '█'),
    ("LIGHT SHADE", '░'),
    ("BLACK SQUARE", '■'),
    ("WHITE SQUARE", '□'),
    ("BLACK CIRCLE", '●'),
    ("WHITE CIRCLE", '○'),
    ("BLACK STAR", '★'),
    ("WHITE STAR", '☆'),
    ("BLACK SPADE SUIT", '♠'),
    ("BLACK HEART SUIT", '♥'),
    ("BLACK DIAMOND SUIT", '♦'),
    ("BLACK CLUB SUIT", '♣'),
    ("SNOWMAN", '☃'),
    ("WARNING SIGN", '⚠'),
    ("HIGH VOLTAGE SIGN", '⚡'),
    ("CHECK MARK", '✓'),
    ("HEAVY CHECK MARK", '✔'),
    ("WHITE HEAVY CHECK MARK", '✅'),
    ("BALLOT X", '✗'),
    ("CROSS MARK", '❌'),
    ("SPARKLES", '✨'),
    ("HOURGLASS", '⌛'),
    ("HOURGLASS WITH FLOWING SAND", '⏳'),
    ("ALARM CLOCK", '⏰'),
    ("STOPWATCH", '⏱'),
    ("ROCKET", '🚀'),
    ("PARTY POPPER", '🎉'),
    ("FIRE", '🔥'),
    ("THUMBS UP SIGN", '👍'),
    ("GRINNING FACE", '😀'),
    ("PILE OF POO", '💩'),
    ("SNAKE", '🐍'),
    ("SLEEPING SYMBOL", '💤'),
    ("ZERO WIDTH SPACE", '\u{200B}'),
    ("REPLACEMENT CHARACTER", '\u{FFFD}'),
];

const GREEK: [&str; 24] = [
    "ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA", "LAMDA",
    "MU", "NU", "XI", "OMICRON", "PI", "RHO", "SIGMA", "TAU", "UPSILON", "PHI", "CHI", "PSI",
    "OMEGA",
];

const DIGITS: [&str; 10] = [
    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
];

/// Looks a character name up, case-insensitively like CPython.
pub(crate) fn lookup(name: &str) -> Option<char> {
    let name = name.to_ascii_uppercase();
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    if let Some(rest) = name.strip_prefix("LATIN SMALL LETTER ") {
        return single_letter(rest).map(|c| c.to_ascii_lowercase());
    }
    if let Some(rest) = name.strip_prefix("LATIN CAPITAL LETTER ") {
        return single_letter(rest);
    }
    if let Some(rest) = name.strip_prefix("DIGIT ") {
        let k = DIGITS.iter().position(|d| *d == rest)?;
        return char::from_digit(k as u32, 10);
    }
    let greek = |rest: &str, first: u32| {
        let k = GREEK.iter().position(|g| *g == rest)? as u32;
        // The Greek block has no capital at the final-sigma position.
        let skip = u32::from(k >= 17);
        char::from_u32(first + k + skip)
    };
    if let Some(rest) = name.strip_prefix("GREEK SMALL LETTER ") {
        return greek(rest, 0x3B1);
    }
    if let Some(rest) = name.strip_prefix("GREEK CAPITAL LETTER ") {
        return greek(rest, 0x391);
    }
    None
}

fn single_letter(s: &str) -> Option<char> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::lookup;

    #[test]
    fn names() {
        assert_eq!(lookup("bullet"), Some('•'));
        assert_eq!(lookup("LATIN SMALL LETTER Q"), Some('q'));
        assert_eq!(lookup("LATIN CAPITAL LETTER Q"), Some('Q'));
        assert_eq!(lookup("DIGIT SEVEN"), Some('7'));
        assert_eq!(lookup("GREEK SMALL LETTER ALPHA"), Some('α'));
        assert_eq!(lookup("GREEK SMALL LETTER PI"), Some('π'));
        assert_eq!(lookup("GREEK SMALL LETTER OMEGA"), Some('ω'));
        assert_eq!(lookup("GREEK CAPITAL LETTER SIGMA"), Some('Σ'));
        assert_eq!(lookup("GREEK CAPITAL LETTER OMEGA"), Some('Ω'));
        assert_eq!(lookup("NO SUCH NAME"), None);
    }
}
