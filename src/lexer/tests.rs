//! Whole-lexer tests: token streams, layout, errors and robustness.

use super::*;
use num_bigint::BigInt;

fn toks(src: &str) -> Vec<Tok> {
    let (t, e) = lex(src);
    assert!(e.is_empty(), "{src:?}: unexpected errors {e:?}");
    t.into_iter().map(|(t, _)| t).collect()
}

#[allow(dead_code)]
fn errors(src: &str) -> Vec<String> {
    lex(src).1.into_iter().map(|e| e.message).collect()
}

fn name(s: &str) -> Tok {
    Tok::Name(s.into())
}

fn int(v: i64) -> Tok {
    Tok::Int(BigInt::from(v))
}

#[test]
fn simple_statement() {
    assert_eq!(
        toks("x = 1\n"),
        vec![name("x"), Tok::Assign, int(1), Tok::Newline]
    );
    assert_eq!(
        toks("x = 1"),
        vec![name("x"), Tok::Assign, int(1), Tok::Newline]
    );
}

#[test]
fn indentation() {
    use Tok::*;
    let src = "if x:\n    y\n\n    # c\n  # d\n    z\nw\n";
    assert_eq!(
        toks(src),
        vec![
            If,
            name("x"),
            Colon,
            Newline,
            Indent,
            name("y"),
            Newline,
            name("z"),
            Newline,
            Dedent,
            name("w"),
            Newline
        ]
    );
}
