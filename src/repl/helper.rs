//! The rustyline side: multi-line validation (the lexer decides when input
//! is complete), highlighting, completion of keywords, names in scope and
//! module members, history across sessions, and a Ctrl-C binding that
//! remembers whether the line was empty.

use super::Repl;
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::history::FileHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{
    Cmd, ConditionalEventHandler, Context, Editor, Event, EventContext, EventHandler, Helper,
    Hinter, KeyEvent, RepeatCount,
};
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub type AioEditor = Editor<AioHelper, FileHistory>;

#[derive(Helper, Hinter)]
pub struct AioHelper {
    /// Names offered by completion (refreshed before each prompt).
    pub names: Vec<String>,
    builtins: HashSet<String>,
    color: bool,
    /// Set by the Ctrl-C binding: whether the line was empty when pressed.
    pub ctrl_c_on_empty: Arc<AtomicBool>,
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

impl Highlighter for AioHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if self.color {
            Cow::Owned(super::highlight::highlight(line, &self.builtins))
        } else {
            Cow::Borrowed(line)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Typing can change a token's kind anywhere on the line (an opening
        // quote, say); moving the cursor cannot.
        self.color && kind != CmdKind::MoveCursor
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
        let before = line.get(..pos).unwrap_or(line);
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

/// Records whether the line was empty, then interrupts as usual.
struct CtrlC(Arc<AtomicBool>);

impl ConditionalEventHandler for CtrlC {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        self.0.store(ctx.line().is_empty(), Ordering::SeqCst);
        Some(Cmd::Interrupt)
    }
}

pub fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/state"))
        })?;
    let dir = base.join("aio");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Names in scope, plus `name.attribute` for each of them (module members,
/// methods, instance attributes), as `dir()` lists them.
pub fn names_in_scope(repl: &mut Repl) -> Vec<String> {
    let globals: Vec<(String, crate::vm::Value)> = repl
        .globals
        .borrow()
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let dir = repl.vm.builtins.borrow().get("dir").cloned();
    let mut names = Vec::new();
    for (k, v) in globals {
        if let Some(dir) = &dir
            && !k.starts_with("__")
            && let Ok(listed) = repl.vm.call(dir, crate::vm::Args::new([v]))
            && let crate::vm::Value::List(items) = listed
        {
            for item in items.borrow().iter() {
                if let Some(member) = item.as_str()
                    && !member.starts_with('_')
                {
                    names.push(format!("{k}.{member}"));
                }
            }
        }
        names.push(k);
    }
    names.extend(repl.vm.builtins.borrow().keys().map(|k| k.to_string()));
    names.sort();
    names.dedup();
    names
}

/// NO_COLOR (https://no-color.org) set to a non-empty value.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// A configured editor with the session's history loaded.
pub fn new_editor(repl: &mut Repl) -> rustyline::Result<AioEditor> {
    let config = rustyline::Config::builder()
        .auto_add_history(false)
        .max_history_size(10_000)?
        .build();
    let mut rl: AioEditor = Editor::with_config(config)?;
    let ctrl_c_on_empty = Arc::new(AtomicBool::new(false));
    rl.set_helper(Some(AioHelper {
        names: names_in_scope(repl),
        builtins: repl
            .vm
            .builtins
            .borrow()
            .keys()
            .map(|k| k.to_string())
            .collect(),
        color: std::io::IsTerminal::is_terminal(&std::io::stdout()) && !no_color(),
        ctrl_c_on_empty: ctrl_c_on_empty.clone(),
    }));
    rl.bind_sequence(
        KeyEvent::ctrl('C'),
        EventHandler::Conditional(Box::new(CtrlC(ctrl_c_on_empty))),
    );
    if let Some(p) = history_path() {
        // A missing file is the normal first run.
        let _ = rl.load_history(&p);
    }
    Ok(rl)
}
