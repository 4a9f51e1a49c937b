//! Module sources written in the language itself (asyncio's prelude),
//! compiled one top-level definition at a time, on first use.
//!
//! Parsing the whole prelude costs more than the rest of a small program's
//! start-up, and most programs use a handful of its names. So the source is
//! cut, with the lexer, into its top-level statements; a statement that
//! binds names (`def`, `class`, `NAME = …`) is compiled and run the first
//! time one of its names is looked up and missing — as a module attribute
//! (`asyncio.gather`), or as a global of code running in that module (one
//! prelude function calling another, a class naming its base). Statements
//! that bind nothing run at once, in order.

use crate::lexer::Tok;
use crate::vm::function::Globals;
use crate::vm::{Value, Vm};
use rustc_hash::FxHashMap;
use std::rc::Rc;

/// One top-level statement of a lazily compiled source.
struct Unit {
    /// Byte range of its lines in the source.
    start: usize,
    end: usize,
    /// 1-based line of `start`, so tracebacks keep the file's numbering.
    line: usize,
    names: Vec<String>,
    loaded: bool,
}

/// A source whose units run in `globals` on demand.
struct LazySource {
    filename: &'static str,
    text: &'static str,
    globals: Globals,
    units: Vec<Unit>,
    by_name: FxHashMap<String, usize>,
}

/// The lazily compiled sources of one VM.
#[derive(Default)]
pub struct LazyModules {
    sources: Vec<LazySource>,
}

/// Splits `text` into top-level statements: (start, end, first line, names
/// bound). Decorators stay with the definition they decorate.
fn split(text: &str) -> Vec<(usize, usize, usize, Vec<String>)> {
    let (toks, _) = crate::lexer::lex(text);
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut first_tok = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let (tok, span) = &toks[i];
        match tok {
            Tok::Indent => depth += 1,
            Tok::Dedent => depth = depth.saturating_sub(1),
            _ => {}
        }
        if start.is_none() && depth == 0 && !matches!(tok, Tok::Newline | Tok::Dedent) {
            start = Some(span.start);
            first_tok = i;
        }
        // A statement ends at a top-level NEWLINE not opening a block, or
        // at the DEDENT that closes its block.
        let next = toks.get(i + 1).map(|(t, _)| t);
        let ends = depth == 0
            && match tok {
                Tok::Newline => !matches!(next, Some(Tok::Indent)),
                Tok::Dedent => true,
                _ => false,
            };
        if ends && let Some(s) = start {
            // A decorator line ends at its NEWLINE; its definition follows.
            let decorator_line = matches!(toks[first_tok].0, Tok::At)
                && matches!(tok, Tok::Newline)
                && matches!(next, Some(Tok::At | Tok::Def | Tok::Class | Tok::Async));
            if !decorator_line {
                let line_start = text[..s].rfind('\n').map_or(0, |p| p + 1);
                let line = text[..line_start].matches('\n').count() + 1;
                out.push((line_start, span.end, line, bound_names(&toks[first_tok..i])));
                start = None;
            }
        }
        i += 1;
    }
    out
}

/// The names a top-level statement binds, when it is a definition or a
/// plain assignment; empty otherwise (the statement then runs eagerly).
fn bound_names(toks: &[(Tok, crate::ast::Span)]) -> Vec<String> {
    let mut t = toks.iter().map(|(t, _)| t).peekable();
    // Skip decorator lines.
    while let Some(Tok::At) = t.peek() {
        for tok in t.by_ref() {
            if matches!(tok, Tok::Newline) {
                break;
            }
        }
    }
    match (t.next(), t.next(), t.next()) {
        (Some(Tok::Def | Tok::Class), Some(Tok::Name(n)), _) => vec![n.clone()],
        (Some(Tok::Async), Some(Tok::Def), Some(Tok::Name(n))) => vec![n.clone()],
        (Some(Tok::Name(n)), Some(Tok::Assign), _) => vec![n.clone()],
        _ => Vec::new(),
    }
}

impl Vm {
    /// Installs `text` as the source of module namespace `globals`: runs
    /// its unnamed statements (and any whose name is already bound, so
    /// later definitions still replace earlier ones) now, the rest on
    /// first use.
    pub fn install_lazy_source(
        &mut self,
        filename: &'static str,
        text: &'static str,
        globals: Globals,
    ) -> Result<(), Value> {
        crate::vm::sources::register(filename, text);
        let mut units = Vec::new();
        let mut by_name = FxHashMap::default();
        for (start, end, line, names) in split(text) {
            let idx = units.len();
            for n in &names {
                by_name.insert(n.clone(), idx);
            }
            units.push(Unit {
                start,
                end,
                line,
                names,
                loaded: false,
            });
        }
        let eager: Vec<usize> = {
            let g = globals.borrow();
            units
                .iter()
                .enumerate()
                .filter(|(_, u)| {
                    u.names.is_empty() || u.names.iter().any(|n| g.contains_key(n.as_str()))
                })
                .map(|(i, _)| i)
                .collect()
        };
        let src = self.lazy.sources.len();
        self.lazy.sources.push(LazySource {
            filename,
            text,
            globals,
            units,
            by_name,
        });
        for unit in eager {
            self.run_unit(src, unit)?;
        }
        Ok(())
    }

    /// `name` in module namespace `globals`, compiling the statement that
    /// defines it if it has not run yet. None when nothing defines it.
    pub fn lazy_global(&mut self, globals: &Globals, name: &str) -> Result<Option<Value>, Value> {
        let found = self.lazy.sources.iter().enumerate().find_map(|(s, src)| {
            if !Rc::ptr_eq(&src.globals, globals) {
                return None;
            }
            let u = *src.by_name.get(name)?;
            (!src.units[u].loaded).then_some((s, u))
        });
        let Some((src, unit)) = found else {
            return Ok(None);
        };
        self.run_unit(src, unit)?;
        Ok(globals.borrow().get(name).cloned())
    }

    /// Every name the lazily compiled sources of `globals` would define
    /// (for completion and `dir`).
    pub fn lazy_names(&self, globals: &Globals) -> Vec<String> {
        self.lazy
            .sources
            .iter()
            .filter(|s| Rc::ptr_eq(&s.globals, globals))
            .flat_map(|s| s.by_name.keys().cloned())
            .collect()
    }

    /// Runs every statement of `globals`' lazy sources not yet run (before
    /// the namespace is shown whole: `__dict__`, `dir`, `import *`).
    pub fn load_all_lazy(&mut self, globals: &Globals) -> Result<(), Value> {
        for s in 0..self.lazy.sources.len() {
            if !Rc::ptr_eq(&self.lazy.sources[s].globals, globals) {
                continue;
            }
            for u in 0..self.lazy.sources[s].units.len() {
                self.run_unit(s, u)?;
            }
        }
        Ok(())
    }

    fn run_unit(&mut self, src: usize, unit: usize) -> Result<(), Value> {
        let (filename, code_text, globals) = {
            let s = &mut self.lazy.sources[src];
            let u = &mut s.units[unit];
            if u.loaded {
                return Ok(());
            }
            u.loaded = true;
            // Blank lines in front keep line numbers those of the file.
            let mut t = "\n".repeat(u.line - 1);
            t.push_str(&s.text[u.start..u.end]);
            (s.filename, t, s.globals.clone())
        };
        self.exec_unit_source(filename, &code_text, globals)
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn splits_top_level_statements() {
        let src = "# c\nA = 1\n\n@dec\ndef f(x):\n    return x\n\nclass C(B):\n    def m(self):\n        pass\n\nasync def g():\n    pass\nprint(A)\nx = (1,\n 2)\n";
        let units = split(src);
        let names: Vec<Vec<String>> = units.iter().map(|u| u.3.clone()).collect();
        assert_eq!(
            names,
            vec![
                vec!["A".to_string()],
                vec!["f".to_string()],
                vec!["C".to_string()],
                vec!["g".to_string()],
                vec![],
                vec!["x".to_string()],
            ]
        );
        // A block ends where the next statement starts (blank lines included).
        assert_eq!(
            &src[units[1].0..units[1].1],
            "@dec\ndef f(x):\n    return x\n\n"
        );
        assert_eq!(units[1].2, 4);
        assert_eq!(&src[units[5].0..units[5].1], "x = (1,\n 2)\n");
    }
}
