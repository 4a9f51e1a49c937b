//! A mutation fuzzer over the golden corpus, on the stable toolchain: each
//! round takes a program from tests/ and examples/, damages it (bytes
//! flipped, lines cut, duplicated or swapped, brackets and quotes inserted,
//! non-ASCII characters put after numbers), and feeds it to the lexer,
//! parser, compiler and linter (`aio check`, a batch of inputs per process)
//! — none of which may panic — and, a few per batch, to the whole
//! interpreter under tight limits, which may fail but must not crash.
//!
//! `cargo test` runs it for a few seconds. A long run:
//!
//! ```sh
//! AIO_FUZZ_SECS=3600 AIO_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! A failure prints the seed and batch and writes the input to
//! `target/fuzz-crash-SEED-BATCH.aio`.

mod runner_common;

use aio::runtime::perturb::Perturb;
use runner_common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

/// Inputs per `aio check` process.
const BATCH: usize = 100;

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

fn mutate(rng: &mut Perturb, text: &str) -> String {
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

/// Whether a run of aio crashed (a panic or a signal) rather than failed.
fn crashed(run: &Run) -> bool {
    run.status < 0 || run.status == 101 || run.stderr.contains("panicked at")
}

/// `aio check` over a batch of inputs (lexer, parser, compiler, linter and
/// the reports): Err with the first input that crashes it. Each batch is its
/// own process, so no state carries over from one batch to the next.
fn front_end(dir: &TempDir, batch: &[String]) -> Result<(), (String, String)> {
    let names: Vec<String> = (0..batch.len()).map(|i| format!("in{i}.aio")).collect();
    for (name, text) in names.iter().zip(batch) {
        dir.write(name, text);
    }
    let mut args = vec!["check"];
    args.extend(names.iter().map(String::as_str));
    if !crashed(&aio_in(dir.path(), &args)) {
        return Ok(());
    }
    for (name, text) in names.iter().zip(batch) {
        let run = aio_in(dir.path(), &["check", name]);
        if crashed(&run) {
            return Err((
                text.clone(),
                format!("aio check: status {}: {}", run.status, run.stderr),
            ));
        }
    }
    Err((
        batch.join("\n# ---\n"),
        "aio check crashed on the batch".into(),
    ))
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
    // The scheduler's seeded generator: the same seed, the same inputs.
    let mut rng = Perturb::new(seed);
    let dir = TempDir::new("fuzz");
    let started = Instant::now();
    let (mut inputs, mut runs) = (0u64, 0u64);
    let mut batch_no = 0u64;
    while started.elapsed() < Duration::from_secs(secs) {
        batch_no += 1;
        let batch: Vec<String> = (0..BATCH)
            .map(|_| {
                let pick = rng.below(corpus.len());
                mutate(&mut rng, &corpus[pick])
            })
            .collect();
        inputs += batch.len() as u64;
        let mut outcome = front_end(&dir, &batch);
        if outcome.is_ok() {
            // A couple of each batch through the whole interpreter.
            for text in batch.iter().take(2) {
                runs += 1;
                if let Err(why) = whole_run(&dir, text) {
                    outcome = Err((text.clone(), why));
                    break;
                }
            }
        }
        if let Err((input, why)) = outcome {
            let path = manifest_dir().join(format!("target/fuzz-crash-{seed}-{batch_no}.aio"));
            let _ = std::fs::write(&path, &input);
            panic!(
                "seed {seed} batch {batch_no}: {why}\ninput saved to {}",
                path.display()
            );
        }
    }
    eprintln!("fuzz: seed {seed}, {inputs} inputs through aio check, {runs} whole runs, no crash");
}
