//! `aio check`: report every compile error and every lint without running
//! anything. Exit status: 2 for a syntax error or an unreadable file, 1
//! when a lint is denied (`--deny CODE`, `--deny-warnings`), else 0.

use super::args::CheckArgs;
use super::source;
use crate::api::checked_module;
use crate::diagnostics::render;

pub fn check(args: CheckArgs) -> i32 {
    let config = args.lints.config();
    if let Some(code) = config.unknown_code() {
        let known: Vec<&str> = crate::lint::CODES.iter().map(|(c, _)| *c).collect();
        eprintln!(
            "aio check: unknown lint `{code}` (the lints are {})",
            known.join(", ")
        );
        return 2;
    }
    let color = super::term::stderr_color();
    let (mut status, mut warnings, mut errors) = (0, 0, 0);
    for file in &args.files {
        let text = match source::read_file(file) {
            Ok(text) => text,
            Err(msg) => {
                eprintln!("{msg}");
                status = 2;
                continue;
            }
        };
        let name = file.to_string_lossy();
        let module = match checked_module(&name, &text) {
            Ok(module) => module,
            Err(syntax) => {
                eprint!("{}", render(&name, &text, &syntax, color));
                status = 2;
                continue;
            }
        };
        let lints = crate::lint::lint(&module, &text, &config);
        eprint!(
            "{}",
            crate::lint::render(&name, &text, &lints, &config, color)
        );
        for lint in &lints {
            if config.is_denied(lint.code) {
                errors += 1;
            } else {
                warnings += 1;
            }
        }
    }
    if warnings + errors > 0 {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        eprintln!(
            "aio check: {}, {}",
            plural(warnings, "warning"),
            plural(errors, "error")
        );
    }
    if errors > 0 && status == 0 {
        status = 1;
    }
    status
}
