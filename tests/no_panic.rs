//! No source text makes the front end panic: every golden program, cut at
//! every line and at many byte offsets, and randomly mutated, goes through
//! the lexer, parser and compiler (`aio::api::check_source`).

use std::path::{Path, PathBuf};

fn programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            programs(&p, out);
        } else if p.extension().is_some_and(|x| x == "aio") {
            out.push(p);
        }
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Checks the text and renders its errors as the command line would: the
/// report is drawn from the spans, so a span inside a character would panic here.
fn check(src: &str) {
    let errors = aio::api::check_source("<fuzz>", src);
    let _ = aio::diagnostics::render("<fuzz>", src, &errors, false);
}

/// Characters of every UTF-8 width, including identifier letters and symbols
/// that are not, glued to numbers, names and strings by the mutations.
const WIDE: [&str; 6] = ["é", "😀", "ß", "λ", "\u{3000}", "€"];

#[test]
fn prefixes_and_mutations_never_panic() {
    let mut files = Vec::new();
    programs(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 100, "golden programs found: {}", files.len());
    let mut rng = Rng(0x9e3779b97f4a7c15);
    let noise = b"()[]{}:;,.'\"\\\n\t #@=+-*/%<>!~^&|0123456789abcxyz_fasyncawait";
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        // Every line boundary and a spread of byte offsets.
        let mut cuts: Vec<usize> = src.match_indices('\n').map(|(i, _)| i).collect();
        let step = (src.len() / 40).max(1);
        cuts.extend((0..src.len()).step_by(step));
        for cut in cuts {
            if src.is_char_boundary(cut) {
                check(&src[..cut]);
            }
        }
        // Random byte mutations (kept valid UTF-8 by using ASCII noise).
        let bytes = src.as_bytes();
        for _ in 0..12 {
            let mut b = bytes.to_vec();
            for _ in 0..1 + rng.next() % 4 {
                if b.is_empty() {
                    break;
                }
                let at = (rng.next() as usize) % b.len();
                let c = noise[(rng.next() as usize) % noise.len()];
                match rng.next() % 3 {
                    0 => b[at] = c,
                    1 => b.insert(at, c),
                    _ => {
                        b.remove(at);
                    }
                }
            }
            if let Ok(s) = String::from_utf8(b) {
                check(&s);
            }
        }
        // Wide characters inserted at character boundaries.
        for _ in 0..6 {
            let mut s = src.clone();
            let at = (rng.next() as usize) % (s.len() + 1);
            if s.is_char_boundary(at) {
                s.insert_str(at, WIDE[(rng.next() as usize) % WIDE.len()]);
                check(&s);
            }
        }
    }
}

#[test]
fn wide_characters_after_numbers_are_reported_not_panicked() {
    for src in ["x = 1é", "0xé", "1.5é", "1😀", "0b1€", "1jλ", "1e5ß"] {
        let errors = aio::api::check_source("<t>", src);
        assert!(!errors.is_empty(), "{src}");
        let text = aio::diagnostics::render("<t>", src, &errors, false);
        assert!(text.contains("SyntaxError"), "{src}: {text}");
    }
}
