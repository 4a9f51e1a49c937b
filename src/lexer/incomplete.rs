//! Whether REPL input needs more lines before it can be run.

use super::layout::{self, Mode};
use super::token::Tok;

/// True while brackets are open, a triple-quoted string or a backslash
/// continuation is unfinished, or a compound statement has been started and
/// no blank line has ended it yet (the rule of Python's interactive prompt).
pub fn is_incomplete(src: &str) -> bool {
    let out = layout::run(src, Mode::Module);
    let s = &out.summary;
    if s.open_brackets > 0 || s.unterminated_triple || s.trailing_backslash {
        return true;
    }
    let last_line = src.rsplit(['\n', '\r']).next().unwrap_or("");
    let ended_by_blank_line = src.contains(['\n', '\r']) && last_line.trim().is_empty();
    if ended_by_blank_line {
        return false;
    }
    let starts_compound = matches!(
        out.toks.first(),
        Some((
            Tok::If
                | Tok::While
                | Tok::For
                | Tok::Try
                | Tok::With
                | Tok::Def
                | Tok::Class
                | Tok::Async
                | Tok::At,
            _
        ))
    );
    let opens_block = out
        .toks
        .windows(2)
        .any(|w| matches!((&w[0].0, &w[1].0), (Tok::Colon, Tok::Newline)));
    starts_compound || opens_block
}

#[cfg(test)]
mod tests {
    use super::is_incomplete;

    #[test]
    fn repl_rules() {
        assert!(!is_incomplete("x = 1"));
        assert!(!is_incomplete(""));
        assert!(is_incomplete("y = (1 +"));
        assert!(!is_incomplete("y = (1 +\n2) ** 3"));
        assert!(is_incomplete("s = '''abc"));
        assert!(is_incomplete("s = f'''{x +"));
        assert!(is_incomplete("x = 1 + \\"));
        assert!(is_incomplete("x = 1 + \\\n"));
        assert!(is_incomplete("async def f(x):"));
        assert!(is_incomplete("async def f(x):\n    return await g(x) * 2"));
        assert!(!is_incomplete(
            "async def f(x):\n    return await g(x) * 2\n"
        ));
        assert!(!is_incomplete("async def f(x):\n    return 1\n   "));
        assert!(is_incomplete("if x: pass"));
        assert!(is_incomplete("@dec"));
        assert!(is_incomplete(
            "for i in x:\n    if i:\n        pass\n    else:"
        ));
        assert!(!is_incomplete("print('a:')"));
        // An error the user must see: submit rather than wait.
        assert!(!is_incomplete("x = 'abc"));
    }
}
