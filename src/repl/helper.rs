//! The terminal front end: rustyline with multi-line validation (the
//! lexer decides when input is complete), history across sessions and
//! completion of keywords and names in scope.

use super::{Flow, Repl};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::history::FileHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Editor, Helper, Highlighter, Hinter};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

#[derive(Helper, Highlighter, Hinter)]
pub struct AioHelper {
    /// Names offered by completion (refreshed before each prompt).
    pub names: Vec<String>,
}

impl Validator for AioHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim_start().starts_with(':') || !crate::lexer::is_incomplete(input) {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

impl Completer for AioHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map(|i| i + 1)
            .unwrap_or(0);
        let word = &before[start..];
        let pairs = self
            .names
            .iter()
            .map(String::as_str)
            .chain(KEYWORDS.iter().copied())
            .filter(|n| n.starts_with(word))
            .map(|n| Pair {
                display: n.to_string(),
                replacement: n.to_string(),
            })
            .collect();
        Ok((start, pairs))
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/state"))
        })?;
    let dir = base.join("aio");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Names in scope plus `module.member` for imported modules.
fn names_in_scope(repl: &Repl) -> Vec<String> {
    let mut names = Vec::new();
    for (k, v) in repl.globals.borrow().iter() {
        names.push(k.to_string());
        if let crate::vm::Value::Module(m) = v {
            for member in m.dict.borrow().keys() {
                if !member.starts_with('_') {
                    names.push(format!("{k}.{member}"));
                }
            }
        }
    }
    names.extend(repl.vm.builtins.borrow().keys().map(|k| k.to_string()));
    names.sort();
    names.dedup();
    names
}

pub fn interactive(repl: &mut Repl) -> i32 {
    let config = rustyline::Config::builder().auto_add_history(false).build();
    let mut rl: Editor<AioHelper, FileHistory> = match Editor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("aio: cannot start the line editor: {e}");
            return 2;
        }
    };
    rl.set_helper(Some(AioHelper { names: Vec::new() }));
    let history = history_path();
    if let Some(p) = &history {
        let _ = rl.load_history(p);
    }
    println!(
        "aio REPL — top-level await works, asyncio is imported. :help for commands, Ctrl-D to leave."
    );
    let mut interrupted = false;
    let code = loop {
        repl.run_pending();
        if let Some(h) = rl.helper_mut() {
            h.names = names_in_scope(repl);
        }
        match rl.readline(">>> ") {
            Ok(line) => {
                interrupted = false;
                if !line.trim().is_empty() {
                    let _ = rl.add_history_entry(line.as_str());
                }
                if let Flow::Exit(code) = repl.eval(&line) {
                    break code;
                }
            }
            Err(ReadlineError::Interrupted) => {
                if interrupted {
                    break 0;
                }
                interrupted = true;
                println!("KeyboardInterrupt (Ctrl-C again or Ctrl-D to leave)");
            }
            Err(ReadlineError::Eof) => break 0,
            Err(e) => {
                eprintln!("aio: {e}");
                break 1;
            }
        }
    };
    if let Some(p) = &history {
        let _ = rl.save_history(p);
    }
    code
}
