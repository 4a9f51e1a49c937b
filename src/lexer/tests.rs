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

fn spans(src: &str) -> Vec<(Tok, usize, usize)> {
    lex(src)
        .0
        .into_iter()
        .map(|(t, s)| (t, s.start, s.end))
        .collect()
}

#[test]
fn operators_longest_match() {
    use Tok::*;
    let src = "** **= // //= -> := ... != << <<= >> >>= <= >= == = < > + += - -= * *= / /= % %= @ @= & &= | |= ^ ^= ~ . , ; : ( ) [ ] { }";
    let got = toks(src);
    let want = vec![
        DoubleStar,
        DoubleStarEq,
        DoubleSlash,
        DoubleSlashEq,
        Arrow,
        Walrus,
        Ellipsis,
        NotEq,
        LShift,
        LShiftEq,
        RShift,
        RShiftEq,
        Le,
        Ge,
        EqEq,
        Assign,
        Lt,
        Gt,
        Plus,
        PlusEq,
        Minus,
        MinusEq,
        Star,
        StarEq,
        Slash,
        SlashEq,
        Percent,
        PercentEq,
        At,
        AtEq,
        Amp,
        AmpEq,
        Pipe,
        PipeEq,
        Caret,
        CaretEq,
        Tilde,
        Dot,
        Comma,
        Semi,
        Colon,
        LParen,
        RParen,
        LBracket,
        RBracket,
        LBrace,
        RBrace,
        Newline,
    ];
    assert_eq!(got, want);
    assert_eq!(
        toks("a....b"),
        vec![name("a"), Ellipsis, Dot, name("b"), Newline]
    );
    assert_eq!(toks("x.5"), vec![name("x"), Float(0.5), Newline]);
}

#[test]
fn keywords_and_soft_keywords() {
    use Tok::*;
    assert_eq!(
        toks("async def await False None True and or not in is lambda yield nonlocal global del"),
        vec![
            Async,
            Def,
            Await,
            False,
            Tok::None,
            True,
            And,
            Or,
            Not,
            In,
            Is,
            Lambda,
            Yield,
            Nonlocal,
            Global,
            Del,
            Newline
        ]
    );
    assert_eq!(
        toks("match case type _"),
        vec![
            name("match"),
            name("case"),
            name("type"),
            name("_"),
            Newline
        ]
    );
    assert_eq!(
        toks("café = ñ_1"),
        vec![name("café"), Assign, name("ñ_1"), Newline]
    );
    assert_eq!(toks("Truex if_"), vec![name("Truex"), name("if_"), Newline]);
}

#[test]
fn implicit_and_explicit_line_joining() {
    use Tok::*;
    assert_eq!(
        toks("x = (1,\n  # c\n\n      2)\ny"),
        vec![
            name("x"),
            Assign,
            LParen,
            int(1),
            Comma,
            int(2),
            RParen,
            Newline,
            name("y"),
            Newline
        ]
    );
    assert_eq!(
        toks("x = 1 + \\\n    2\n"),
        vec![name("x"), Assign, int(1), Plus, int(2), Newline]
    );
    assert_eq!(
        toks("if a and \\\n  b:\n  pass\n"),
        vec![
            If,
            name("a"),
            And,
            name("b"),
            Colon,
            Newline,
            Indent,
            Pass,
            Newline,
            Dedent
        ]
    );
}

#[test]
fn blank_comment_and_empty_files() {
    assert!(toks("").is_empty());
    assert!(toks("\n\n  \n").is_empty());
    assert!(toks("# only a comment").is_empty());
    assert!(toks("# a\n   # b\n\t\n").is_empty());
    assert_eq!(toks("\u{FEFF}x"), vec![name("x"), Tok::Newline]);
}

#[test]
fn line_endings() {
    use Tok::*;
    let want = vec![
        name("a"),
        Newline,
        Indent,
        name("b"),
        Newline,
        Dedent,
        name("c"),
        Newline,
    ];
    assert_eq!(toks("a\n  b\nc\n"), want);
    assert_eq!(toks("a\r\n  b\r\nc\r\n"), want);
    assert_eq!(toks("a\r  b\rc"), want);
    assert_eq!(
        toks("s = '''x\r\ny'''"),
        vec![name("s"), Assign, Str("x\ny".into()), Newline]
    );
}

#[test]
fn layout_spans() {
    use Tok::*;
    let got = spans("if x:\n  y\nz");
    assert_eq!(
        got,
        vec![
            (If, 0, 2),
            (name("x"), 3, 4),
            (Colon, 4, 5),
            (Newline, 5, 6),
            (Indent, 6, 8),
            (name("y"), 8, 9),
            (Newline, 9, 10),
            (Dedent, 10, 10),
            (name("z"), 10, 11),
            (Newline, 11, 11),
        ]
    );
    let got = spans("def f():\n    return 1");
    assert_eq!(got[got.len() - 2..], [(Newline, 21, 21), (Dedent, 21, 21)]);
}

#[test]
fn nested_blocks_close_at_eof() {
    use Tok::*;
    let got = toks("if a:\n  if b:\n    c\n");
    assert_eq!(got.iter().filter(|t| **t == Indent).count(), 2);
    assert_eq!(got[got.len() - 2..], [Dedent, Dedent]);
    let got = toks("if a:\n  if b:\n    c\nd\n");
    assert_eq!(got[got.len() - 4..], [Dedent, Dedent, name("d"), Newline]);
}

#[test]
fn tabs() {
    use Tok::*;
    // A tab advances to the next multiple of 8 and is consistent with itself.
    assert_eq!(
        toks("if a:\n\tb\n\tc\n"),
        vec![
            If,
            name("a"),
            Colon,
            Newline,
            Indent,
            name("b"),
            Newline,
            name("c"),
            Newline,
            Dedent
        ]
    );
    assert_eq!(
        toks("if a:\n \x0c b\n"),
        vec![
            If,
            name("a"),
            Colon,
            Newline,
            Indent,
            name("b"),
            Newline,
            Dedent
        ]
    );
    let tab = "inconsistent use of tabs and spaces in indentation";
    for src in [
        "if 1:\n\tx\n        y\n",
        "if 1:\n        x\n\ty\n",
        "if 1:\n  \tx\n\t  y\n",
    ] {
        let (_, errs) = lex(src);
        assert_eq!(errs.len(), 1, "{src:?}");
        assert_eq!(errs[0].message, tab);
        assert_eq!(errs[0].kind, crate::diagnostics::SyntaxKind::TabError);
    }
}

#[test]
fn unindent_mismatch() {
    let (_, errs) = lex("if 1:\n        x\n    y\n");
    assert_eq!(errs.len(), 1);
    assert_eq!(
        errs[0].message,
        "unindent does not match any outer indentation level"
    );
    assert_eq!(
        errs[0].kind,
        crate::diagnostics::SyntaxKind::IndentationError
    );
    assert_eq!(errs[0].span.start, 21);
}

#[test]
fn strings() {
    use Tok::*;
    assert_eq!(
        toks(r#"'a' "b" '''c''' """d""" u'e' r'\n' R"\d" b'x' Br'\n' rb"\\" 'a' 'b'"#),
        vec![
            Str("a".into()),
            Str("b".into()),
            Str("c".into()),
            Str("d".into()),
            Str("e".into()),
            Str(r"\n".into()),
            Str(r"\d".into()),
            Bytes(b"x".to_vec()),
            Bytes(br"\n".to_vec()),
            Bytes(br"\\".to_vec()),
            Str("a".into()),
            Str("b".into()),
            Newline
        ]
    );
    assert_eq!(toks(r"'\d\x41'"), vec![Str(r"\dA".into()), Newline]);
    assert_eq!(
        toks("'''a\n'b'\n\"c\"'''"),
        vec![Str("a\n'b'\n\"c\"".into()), Newline]
    );
    assert_eq!(toks("'a\\\nb'"), vec![Str("ab".into()), Newline]);
    assert_eq!(
        toks(r#"'it\'s' "q\"q""#),
        vec![Str("it's".into()), Str("q\"q".into()), Newline]
    );
    assert_eq!(toks(r"r'\''"), vec![Str(r"\'".into()), Newline]);
    // `bu` is not a prefix: a name followed by a string.
    assert_eq!(toks("bu''"), vec![name("bu"), Str(String::new()), Newline]);
    assert_eq!(toks("'\\N{BULLET}'"), vec![Str("•".into()), Newline]);
}

#[test]
fn string_errors() {
    assert_eq!(
        errors("'abc\n"),
        ["unterminated string literal (detected at line 1)"]
    );
    assert_eq!(
        errors("x = 1\n'abc"),
        ["unterminated string literal (detected at line 2)"]
    );
    assert_eq!(
        errors("x = '''abc\n\n\n"),
        ["unterminated triple-quoted string literal (detected at line 3)"]
    );
    assert_eq!(
        errors("f'abc\n"),
        ["unterminated f-string literal (detected at line 1)"]
    );
    assert_eq!(
        errors("f'''abc\n"),
        ["unterminated triple-quoted f-string literal (detected at line 1)"]
    );
    assert_eq!(
        errors("b'\u{e9}'"),
        ["bytes can only contain ASCII literal characters"]
    );
    assert_eq!(
        errors(r"b'\x4'"),
        [r"(value error) invalid \x escape at position 0"]
    );
    assert!(errors(r"'\N{no such}'")[0].ends_with("unknown Unicode character name"));
    let (toks, errs) = lex("x = 'abc\ny = 2\n");
    assert_eq!(errs[0].span, crate::ast::Span::new(4, 5));
    // Lexing resumes on the next line.
    assert!(toks.contains(&(name("y"), crate::ast::Span::new(9, 10))));
    // Several errors are reported in one run.
    assert_eq!(errors("'a\n'b\n").len(), 2);
}

fn fstring(body: &str, body_start: usize, raw: bool) -> Tok {
    Tok::FString {
        body: body.into(),
        body_start,
        raw,
    }
}

#[test]
fn fstrings() {
    use Tok::*;
    assert_eq!(toks("f'a{x}b'"), vec![fstring("a{x}b", 2, false), Newline]);
    assert_eq!(
        toks("x = F\"{y!r:>10}\""),
        vec![name("x"), Assign, fstring("{y!r:>10}", 6, false), Newline]
    );
    assert_eq!(
        toks("rf'\\d{x}' fR'' Rf\"\""),
        vec![
            fstring("\\d{x}", 3, true),
            fstring("", 13, true),
            fstring("", 18, true),
            Newline
        ]
    );
    assert_eq!(
        toks("f'''a\n{x}'''"),
        vec![fstring("a\n{x}", 4, false), Newline]
    );
    // PEP 701: the same quote inside a replacement field.
    assert_eq!(
        toks(r#"f"{d["k"]}""#),
        vec![fstring(r#"{d["k"]}"#, 2, false), Newline]
    );
    assert_eq!(
        toks(r#"f"{f"{x}"}""#),
        vec![fstring(r#"{f"{x}"}"#, 2, false), Newline]
    );
    assert_eq!(
        toks(r#"f"{'}'}""#),
        vec![fstring("{'}'}", 2, false), Newline]
    );
    assert_eq!(
        toks("f'{{}}{{x}}'"),
        vec![fstring("{{}}{{x}}", 2, false), Newline]
    );
    assert_eq!(
        toks("f'{x:{w}.{p}f}'"),
        vec![fstring("{x:{w}.{p}f}", 2, false), Newline]
    );
    assert_eq!(
        toks("f'{a[1:2]}'"),
        vec![fstring("{a[1:2]}", 2, false), Newline]
    );
    assert_eq!(
        toks("f'{ {\"a\": 1}[\"a\"] }'"),
        vec![fstring("{ {\"a\": 1}[\"a\"] }", 2, false), Newline]
    );
    assert_eq!(
        toks("f'{x!=y}'"),
        vec![fstring("{x!=y}", 2, false), Newline]
    );
    assert_eq!(toks("f'\\{6}'"), vec![fstring("\\{6}", 2, false), Newline]);
    assert_eq!(
        toks("f'\\N{BULLET} {x}'"),
        vec![fstring("\\N{BULLET} {x}", 2, false), Newline]
    );
    assert_eq!(
        toks("f'{x\n+ 1}'"),
        vec![fstring("{x\n+ 1}", 2, false), Newline]
    );
    assert_eq!(
        toks("f'''{x # c\n}'''"),
        vec![fstring("{x # c\n}", 4, false), Newline]
    );
    assert_eq!(
        toks("f'{\"\"\"a'b\"\"\"}'"),
        vec![fstring("{\"\"\"a'b\"\"\"}", 2, false), Newline]
    );
}

#[test]
fn fstring_errors() {
    assert_eq!(errors("f'{x'\n"), ["f-string: expecting '}'"]);
    assert_eq!(errors("f'{'\n"), ["f-string: expecting '}'"]);
    assert_eq!(errors("f'}'\n"), ["f-string: single '}' is not allowed"]);
    assert_eq!(errors("f'{x}}'\n"), ["f-string: single '}' is not allowed"]);
    assert_eq!(errors("f'{x:{'\n"), ["f-string: expecting '}'"]);
    let deep = format!("f'{}{}'", "{f'".repeat(300), "'}".repeat(300));
    assert!(!errors(&deep).is_empty());
}

#[test]
fn brackets() {
    assert_eq!(errors("(1, [2\n"), ["'[' was never closed"]);
    let (_, e) = lex("foo(a, [b\n\n");
    assert_eq!(e[0].span, crate::ast::Span::new(7, 8));
    assert_eq!(
        errors("(1, [2)\n"),
        ["closing parenthesis ')' does not match opening parenthesis '['"]
    );
    assert_eq!(
        errors("(\n1,\n2]\n"),
        ["closing parenthesis ']' does not match opening parenthesis '(' on line 1"]
    );
    assert_eq!(errors(")\n"), ["unmatched ')'"]);
    assert_eq!(errors("x = }"), ["unmatched '}'"]);
    let ok = format!("x = {}{}", "(".repeat(200), ")".repeat(200));
    assert!(errors(&ok).is_empty());
    let deep = format!("x = {}{}", "(".repeat(201), ")".repeat(201));
    assert_eq!(errors(&deep), ["too many nested parentheses"]);
    let very_deep = "[".repeat(100_000);
    assert_eq!(
        errors(&very_deep),
        ["too many nested parentheses", "'[' was never closed"]
    );
}

#[test]
fn invalid_characters() {
    for (src, msg) in [
        ("a $ b", "invalid syntax"),
        ("a ? b", "invalid syntax"),
        ("a ! b", "invalid syntax"),
        ("a ` b", "invalid syntax"),
        ("x = €", "invalid character '€' (U+20AC)"),
        ("x = a€", "invalid character '€' (U+20AC)"),
        ("x = \u{a0}1", "invalid non-printable character U+00A0"),
        ("x\x0b= 1", "invalid non-printable character U+000B"),
        ("x = 1\0", "source code cannot contain null bytes"),
        ("x = '\0\0' # \0", "source code cannot contain null bytes"),
        (
            "x = 1 \\ \n",
            "unexpected character after line continuation character",
        ),
        ("x = 1 \\", "unexpected EOF while parsing"),
        ("x = 1 \\\n", "unexpected EOF while parsing"),
    ] {
        assert_eq!(errors(src), [msg], "{src:?}");
    }
    let (_, e) = lex("x = €");
    assert_eq!(e[0].span, crate::ast::Span::new(4, 7));
}

#[test]
fn number_errors_through_lex() {
    let (toks, e) = lex("x = 1abc + 0123");
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].message, "invalid decimal literal");
    assert!(e[1].message.starts_with("leading zeros"));
    // The malformed literal does not leak a name.
    assert!(!toks.iter().any(|(t, _)| *t == name("abc")));
    assert_eq!(lex("1if x else 2").1, vec![]);
}

#[test]
fn expression_fragments() {
    use Tok::*;
    let (t, e) = lex_expression("a +\n  b['k']", 10);
    assert!(e.is_empty());
    let t: Vec<_> = t.into_iter().map(|(t, s)| (t, s.start, s.end)).collect();
    assert_eq!(
        t,
        vec![
            (name("a"), 10, 11),
            (Plus, 12, 13),
            (name("b"), 16, 17),
            (LBracket, 17, 18),
            (Str("k".into()), 18, 21),
            (RBracket, 21, 22)
        ]
    );
    let (t, _) = lex_expression("f'{y}'", 100);
    assert_eq!(t[0].0, fstring("{y}", 102, false));
    let (_, e) = lex_expression("(a", 5);
    assert_eq!(e[0].message, "'(' was never closed");
    assert_eq!(e[0].span, crate::ast::Span::new(5, 6));
}

/// A deterministic xorshift generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SAMPLES: &[&str] = &[
    "import asyncio\n\nasync def main(n: int = 3) -> None:\n    for i in range(n):\n        await asyncio.sleep(0.1)\n        print(f\"tick {i!r:>4} {d['k']}\")\n    return [x ** 2 for x in (1, 2, 3) if x]\n\nasyncio.run(main())\n",
    "class A(B):\n\tdef f(self, *a, **k):\n\t\ts = '''doc\n\t\tstring'''\n\t\treturn b'\\x00' + rb'\\d' if self else 0x_ff_ff\n",
    "x = {1: 2.5e-3, 'a': [1j, .5, 1_000]}  # comment\ny = x \\\n  @ z\nwhile x != 0b101:\n    x //= 2; x <<= 1\n",
    "s = f'{f\"{x:{w}}\"!s}' \"\\N{BULLET}\" r'\\\\' \nprint(s)\r\n  \r\nif s:\r\n    pass\r\n",
];

const PIECES: &[&str] = &[
    "'", "\"", "'''", "\"\"\"", "f'", "{", "}", "(", ")", "[", "]", "\\", "\n", "\r", "\t", " ",
    "#", "0x", "1e", "_", "€", "\0", "\u{a0}", "é", "\\N{", "rb'", "f\"{", "!", ":", ".", "0", "9",
];

#[test]
fn no_panic_on_mutations() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for sample in SAMPLES {
        let _ = lex(sample);
        for _ in 0..1500 {
            let mut s: String = (*sample).to_string();
            for _ in 0..1 + rng.below(4) {
                let mut at = rng.below(s.len() + 1);
                while !s.is_char_boundary(at) {
                    at -= 1;
                }
                match rng.below(4) {
                    0 => s.insert_str(at, PIECES[rng.below(PIECES.len())]),
                    1 => {
                        let c = char::from_u32(rng.below(0x3000) as u32).unwrap_or('?');
                        s.insert(at, c);
                    }
                    2 => {
                        let mut end = (at + rng.below(8)).min(s.len());
                        while !s.is_char_boundary(end) {
                            end += 1;
                        }
                        s.replace_range(at..end, "");
                    }
                    _ => s.truncate(at),
                }
            }
            let (toks, errs) = lex(&s);
            for (_, span) in &toks {
                assert!(
                    span.start <= span.end && span.end <= s.len(),
                    "{s:?}: bad span {span:?}"
                );
            }
            for e in &errs {
                assert!(
                    e.span.start <= e.span.end && e.span.end <= s.len() + 1,
                    "{s:?}: bad error span {e:?}"
                );
            }
            let _ = lex_expression(&s, 7);
            let _ = is_incomplete(&s);
        }
    }
}

#[test]
fn no_panic_on_random_text() {
    let mut rng = Rng(12345);
    for _ in 0..2000 {
        let len = rng.below(60);
        let s: String = (0..len)
            .map(|_| {
                let r = rng.below(10);
                if r < 7 {
                    (rng.below(95) as u8 + 32) as char
                } else if r < 9 {
                    PIECES[rng.below(PIECES.len())]
                        .chars()
                        .next()
                        .unwrap_or(' ')
                } else {
                    char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x')
                }
            })
            .collect();
        let _ = lex(&s);
        let _ = lex_expression(&s, 0);
        let _ = is_incomplete(&s);
    }
}

#[test]
fn pathological_inputs() {
    let _ = lex(&"f'{".repeat(10_000));
    let _ = lex(&"(".repeat(100_000));
    let _ = lex(&"\\\n".repeat(1000));
    let _ = lex(&" ".repeat(10_000));
    let _ = lex(&format!(
        "if x:\n{}",
        (1..300)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
    ));
    let _ = lex("\r\r\r\n\n\r");
    let _ = lex("'\\");
    let _ = lex("f'\\");
    let _ = lex("f'{x!");
    let _ = lex("f'{x:");
    let _ = lex("b'\\");
    let _ = lex("'\\N{");
    let _ = lex("0x");
    let _ = lex("1e");
    let _ = lex(".");
}

/// Timing aid, not an assertion: `cargo test --release --lib lexer_speed -- --ignored --nocapture`.
#[test]
#[ignore]
fn lexer_speed() {
    let src = SAMPLES
        .iter()
        .map(|s| s.replace('\r', ""))
        .collect::<String>()
        .repeat(10_000 / 20);
    let lines = src.lines().count();
    let t = std::time::Instant::now();
    let (toks, errs) = lex(&src);
    println!(
        "{lines} lines, {} tokens, {} errors in {:?}",
        toks.len(),
        errs.len(),
        t.elapsed()
    );
    println!("{:?}", errs.first());
}

#[test]
fn many_errors_stay_linear() {
    // Quadratic line counting would make this test take minutes.
    let n = 20_000;
    assert_eq!(lex(&"'a\n".repeat(n)).1.len(), n);
    // One mismatch per `]`, plus the nesting limit.
    assert_eq!(
        lex(&format!("{}{}", "(\n".repeat(n), "]\n".repeat(n)))
            .1
            .len(),
        n + 1
    );
}

/// Differential aid, not run by default: lexes each file listed in
/// `AIO_LEX_FILES` and writes `<file>.aio-toks`, one token per line, for
/// comparison with CPython's `tokenize` output.
#[test]
#[ignore]
fn dump_tokens_for_comparison() {
    let Ok(list) = std::env::var("AIO_LEX_FILES") else {
        return;
    };
    for path in list.split(':') {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        let (toks, errs) = lex(&src);
        let mut out = String::new();
        for (t, s) in toks {
            let line = match t {
                Tok::Newline => "NEWLINE".to_string(),
                Tok::Indent => "INDENT".to_string(),
                Tok::Dedent => "DEDENT".to_string(),
                _ => format!("{:?}", &src[s.start..s.end]),
            };
            out.push_str(&line);
            out.push('\n');
        }
        for e in errs {
            out.push_str(&format!("ERROR {} at {}\n", e.message, e.span.start));
        }
        let _ = std::fs::write(format!("{path}.aio-toks"), out);
    }
}
