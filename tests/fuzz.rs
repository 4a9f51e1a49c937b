//! A mutation fuzzer over the golden corpus, on the stable toolchain: each
//! round takes a program from tests/ and examples/, damages it (bytes
//! flipped, lines cut, duplicated or swapped, brackets and quotes inserted,
//! non-ASCII characters put after numbers), and feeds it to the lexer,
//! parser, compiler and linter in process — none of which may panic — and,
//! every so often, to the whole interpreter under tight limits, which may
//! fail but must not crash.
//!
//! `cargo test` runs it for a few seconds. A long run:
//!
//! ```sh
//! AIO_FUZZ_SECS=3600 AIO_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! A failure prints the seed and round and writes the input to
//! `target/fuzz-crash-SEED-ROUND.aio`.

mod runner_common;

use runner_common::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// SplitMix64: the same seed gives the same inputs everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn corpus() -> Vec<String> {
    let root = manifest_dir();
    let mut files = Vec::new();
    for dir in [
        "tests/golden",
        "tests/modules",
        "tests/syntax",
        "tests/lints",
        "examples",
    ] {
        collect(&root.join(dir), &mut files);
    }
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "aio") {
            out.push(path);
        }
    }
}

const SPICE: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\"",
    "'",
    "\"\"\"",
    "\\",
    "\n",
    "\t",
    "    ",
    "é",
    "😀",
    "1é",
    "0x",
    "1e",
    "f'{",
    "}'",
    "await ",
    "async ",
    "yield ",
    "lambda:",
    "match x:\n case ",
    "*",
    "**",
    ":=",
    "@",
    "->",
    "\r",
    "\0",
    "#",
    "if",
    "else",
    "try:",
    "except*",
    "global x",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut s: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(s.len() + 1);
        match rng.below(6) {
            0 if !s.is_empty() => {
                let end = (at + 1 + rng.below(20)).min(s.len());
                s.drain(at.min(end)..end);
            }
            1 => {
                let piece = SPICE[rng.below(SPICE.len())];
                for (i, c) in piece.chars().enumerate() {
                    s.insert(at.min(s.len()) + i, c);
                }
            }
            2 if !s.is_empty() => {
                let i = rng.below(s.len());
                s[i] = char::from_u32((s[i] as u32) ^ (1 << rng.below(7))).unwrap_or('?');
            }
            3 => {
                let lines: Vec<String> = s
                    .iter()
                    .collect::<String>()
                    .lines()
                    .map(String::from)
                    .collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                    let mut lines = lines;
                    lines.swap(a, b);
                    s = lines.join("\n").chars().collect();
                }
            }
            4 if !s.is_empty() => {
                let end = (at + rng.below(40)).min(s.len());
                let copy: Vec<char> = s[at.min(end)..end].to_vec();
                for (i, c) in copy.into_iter().enumerate() {
                    s.insert(end + i, c);
                }
            }
            _ => {
                let digit = char::from(b'0' + rng.below(10) as u8);
                s.insert(at.min(s.len()), digit);
            }
        }
    }
    s.into_iter().collect()
}

/// The front end on one input; Err(panic message) if anything panicked.
fn front_end(text: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        if let Ok(module) = aio::parser::parse(text) {
            let _ = aio::compiler::compile(&module, "fuzz.aio", text, aio::compiler::Mode::Module);
            let _ = aio::lint::lint(&module, text, &aio::lint::LintConfig::default());
        }
        let errors = aio::api::check_source("fuzz.aio", text);
        let _ = aio::diagnostics::render("fuzz.aio", text, &errors, false);
    }))
    .map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

/// The whole interpreter under limits; Err if it crashed rather than failed.
fn whole_run(dir: &TempDir, text: &str) -> Result<(), String> {
    dir.write("case.aio", text);
    let run = aio_in(
        dir.path(),
        &[
            "run",
            "--clock",
            "virtual",
            "--max-steps",
            "200000",
            "--timeout",
            "5",
            "--max-memory",
            "512M",
            "--sandbox",
            "case.aio",
        ],
    );
    let crashed = run.status < 0 || run.status == 101 || run.stderr.contains("panicked at");
    if crashed {
        Err(format!("status {}: {}", run.status, run.stderr))
    } else {
        Ok(())
    }
}

#[test]
fn mutated_programs_never_crash_aio() {
    let secs: u64 = std::env::var("AIO_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("AIO_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let corpus = corpus();
    assert!(corpus.len() > 500, "corpus of {}", corpus.len());
    let mut rng = Rng(seed);
    let dir = TempDir::new("fuzz");
    let started = Instant::now();
    let (mut rounds, mut runs) = (0u64, 0u64);
    // The panic hook would print every caught panic; failures are reported below.
    std::panic::set_hook(Box::new(|_| {}));
    while started.elapsed() < Duration::from_secs(secs) {
        rounds += 1;
        let pick = rng.below(corpus.len());
        let input = mutate(&mut rng, &corpus[pick]);
        let mut outcome = front_end(&input);
        if outcome.is_ok() && rounds % 40 == 0 {
            runs += 1;
            outcome = whole_run(&dir, &input);
        }
        if let Err(why) = outcome {
            let _ = std::panic::take_hook();
            let path = manifest_dir().join(format!("target/fuzz-crash-{seed}-{rounds}.aio"));
            let _ = std::fs::write(&path, &input);
            panic!(
                "seed {seed} round {rounds}: {why}\ninput saved to {}",
                path.display()
            );
        }
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "fuzz: seed {seed}, {rounds} inputs through the front end, {runs} whole runs, no crash"
    );
}
