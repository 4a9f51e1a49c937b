//! Colours for the line being typed, from the project's own lexer, so what
//! is highlighted is exactly what will be parsed. The text is never changed,
//! only wrapped in ANSI colour codes (rustyline requires the same width).

use crate::lexer::{Tok, lex};
use std::collections::HashSet;

const RESET: &str = "\x1b[0m";
const KEYWORD: &str = "\x1b[1;35m";
const CONSTANT: &str = "\x1b[35m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[33m";
const COMMENT: &str = "\x1b[2;37m";
const BUILTIN: &str = "\x1b[36m";
const DEFINED: &str = "\x1b[1;34m";
const COMMAND: &str = "\x1b[1;36m";

/// `line` with colour codes around keywords, literals, comments, built-in
/// names and the names that `def`/`class` introduce.
pub fn highlight(line: &str, builtins: &HashSet<String>) -> String {
    if let Some(rest) = line.trim_start().strip_prefix(':') {
        let word_end =
            line.len() - rest.len() + rest.find(char::is_whitespace).unwrap_or(rest.len());
        let start = line.len() - rest.len() - 1;
        return format!(
            "{}{COMMAND}{}{RESET}{}",
            &line[..start],
            &line[start..word_end],
            &line[word_end..]
        );
    }
    let (toks, _errors) = lex(line);
    let mut out = String::with_capacity(line.len() * 2);
    let mut at = 0;
    let mut prev: Option<&Tok> = None;
    for (tok, span) in &toks {
        let (start, end) = (span.start, span.end);
        // Layout tokens may have empty or out-of-order spans.
        if start < at || end > line.len() || start >= end || !line.is_char_boundary(start) {
            continue;
        }
        if !line.is_char_boundary(end) {
            continue;
        }
        push_gap(&mut out, &line[at..start]);
        match colour_of(tok, prev, builtins) {
            Some(c) => {
                out.push_str(c);
                out.push_str(&line[start..end]);
                out.push_str(RESET);
            }
            None => out.push_str(&line[start..end]),
        }
        at = end;
        prev = Some(tok);
    }
    push_gap(&mut out, &line[at..]);
    out
}

/// Text between tokens: whitespace, comments, and whatever the lexer could
/// not make a token of (an unterminated string, say).
fn push_gap(out: &mut String, gap: &str) {
    let mut rest = gap;
    while let Some(hash) = rest.find('#') {
        out.push_str(&rest[..hash]);
        let end = rest[hash..].find('\n').map_or(rest.len(), |n| hash + n);
        out.push_str(COMMENT);
        out.push_str(&rest[hash..end]);
        out.push_str(RESET);
        rest = &rest[end..];
    }
    out.push_str(rest);
}

fn colour_of(tok: &Tok, prev: Option<&Tok>, builtins: &HashSet<String>) -> Option<&'static str> {
    Some(match tok {
        Tok::Str(_) | Tok::Bytes(_) | Tok::FString { .. } => STRING,
        Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => NUMBER,
        Tok::True | Tok::False | Tok::None => CONSTANT,
        Tok::Name(_) if matches!(prev, Some(Tok::Def | Tok::Class)) => DEFINED,
        Tok::Name(n) if builtins.contains(n.as_str()) && !matches!(prev, Some(Tok::Dot)) => BUILTIN,
        Tok::Name(_) => return None,
        t if is_keyword(t) => KEYWORD,
        _ => return None,
    })
}

fn is_keyword(t: &Tok) -> bool {
    matches!(
        t,
        Tok::And
            | Tok::As
            | Tok::Assert
            | Tok::Async
            | Tok::Await
            | Tok::Break
            | Tok::Class
            | Tok::Continue
            | Tok::Def
            | Tok::Del
            | Tok::Elif
            | Tok::Else
            | Tok::Except
            | Tok::Finally
            | Tok::For
            | Tok::From
            | Tok::Global
            | Tok::If
            | Tok::Import
            | Tok::In
            | Tok::Is
            | Tok::Lambda
            | Tok::Nonlocal
            | Tok::Not
            | Tok::Or
            | Tok::Pass
            | Tok::Raise
            | Tok::Return
            | Tok::Try
            | Tok::While
            | Tok::With
            | Tok::Yield
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut in_esc = false;
        for c in s.chars() {
            match (in_esc, c) {
                (false, '\x1b') => in_esc = true,
                (true, 'm') => in_esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }

    #[test]
    fn text_is_unchanged_and_parts_are_coloured() {
        let b: HashSet<String> = ["print".to_string()].into_iter().collect();
        for src in [
            "async def f(x):  # hi",
            "print('a', 1.5, None) # c",
            "x = 'unterminated",
            "s = f'{x!r}' + \"é\"",
            ":time await sleep(1)",
            "    return await g(x)\n",
        ] {
            let h = highlight(src, &b);
            assert_eq!(strip(&h), src);
        }
        let h = highlight("async def f(): print(1) # c", &b);
        assert!(h.contains(&format!("{KEYWORD}async{RESET}")));
        assert!(h.contains(&format!("{DEFINED}f{RESET}")));
        assert!(h.contains(&format!("{BUILTIN}print{RESET}")));
        assert!(h.contains(&format!("{NUMBER}1{RESET}")));
        assert!(h.contains(&format!("{COMMENT}# c{RESET}")));
    }
}
