//! `match` statements: each case's pattern becomes one `MatchCase` op,
//! preceded by the values it compares against; the captures it pushes are
//! stored, the guard tested, then the body runs.
//!
//! Stack during the statement: `subject`. For each case:
//! `Copy(0); values...; MatchCase(i)` → `captures..., bool`.

use super::Compiler;
use crate::ast::{Constant, Expr, MatchCase, Pattern, PatternKind, Span};
use crate::compiler::bytecode::{MatchCaseCode, MatchPat, Op};
use std::rc::Rc;

/// What building one case's pattern collects.
struct CaseBuild<'a> {
    values: Vec<&'a Expr>,
    captures: Vec<String>,
    errors: Vec<(String, Span)>,
}

impl<'a> CaseBuild<'a> {
    fn value(&mut self, e: &'a Expr) -> u32 {
        self.values.push(e);
        (self.values.len() - 1) as u32
    }

    fn capture(&mut self, name: &str, span: Span) -> u32 {
        if self.captures.iter().any(|c| c == name) {
            self.errors.push((
                format!("multiple assignments to name '{name}' in pattern"),
                span,
            ));
        }
        self.captures.push(name.to_string());
        (self.captures.len() - 1) as u32
    }

    fn build(&mut self, p: &'a Pattern) -> MatchPat {
        match &p.kind {
            PatternKind::Wildcard => MatchPat::Wildcard,
            PatternKind::Capture(n) => MatchPat::Capture(self.capture(n, p.span)),
            PatternKind::Value(e) => MatchPat::Value(self.value(e)),
            PatternKind::Singleton(c) => MatchPat::Singleton(match c {
                Constant::None => 0,
                Constant::False => 1,
                _ => 2,
            }),
            PatternKind::Sequence { items, star } => {
                let items: Vec<MatchPat> = items.iter().map(|it| self.build(it)).collect();
                let star = star
                    .as_ref()
                    .map(|(i, name)| (*i, name.as_ref().map(|n| self.capture(n, p.span))));
                MatchPat::Seq { items, star }
            }
            PatternKind::Mapping { keys, values, rest } => {
                let keys = keys.iter().map(|k| self.value(k)).collect();
                let values = values.iter().map(|v| self.build(v)).collect();
                let rest = rest.as_ref().map(|n| self.capture(n, p.span));
                MatchPat::Map { keys, values, rest }
            }
            PatternKind::Class {
                cls,
                args,
                kw_names,
                kw_values,
            } => {
                let cls = self.value(cls);
                let args = args.iter().map(|a| self.build(a)).collect();
                let kw = kw_values.iter().map(|a| self.build(a)).collect();
                let kw_names = kw_names.iter().map(|n| Rc::from(n.as_str())).collect();
                MatchPat::Class {
                    cls,
                    args,
                    kw_names,
                    kw,
                }
            }
            PatternKind::Or(alts) => self.build_or(alts, p.span),
            PatternKind::As(inner, name) => {
                let inner = self.build(inner);
                MatchPat::As(Box::new(inner), self.capture(name, p.span))
            }
        }
    }

    /// Every alternative binds the same names; each gets the slots the
    /// first alternative gave them.
    fn build_or(&mut self, alts: &'a [Pattern], span: Span) -> MatchPat {
        let before = self.captures.len();
        let mut out = Vec::new();
        let mut first_names: Option<Vec<String>> = None;
        for (i, alt) in alts.iter().enumerate() {
            if i + 1 < alts.len()
                && let Some(msg) = irrefutable_message(alt)
            {
                self.errors.push((msg, alt.span));
            }
            let mut sub = CaseBuild {
                values: Vec::new(),
                captures: self.captures[..before].to_vec(),
                errors: Vec::new(),
            };
            let built = sub.build(alt);
            // Values of this alternative join the case's, renumbered.
            let offset = self.values.len() as u32;
            self.values.extend(sub.values);
            self.errors.extend(sub.errors);
            let names: Vec<String> = sub.captures[before..].to_vec();
            let mut sorted = names.clone();
            sorted.sort();
            match &first_names {
                None => {
                    first_names = Some(sorted);
                    self.captures.extend(names.iter().cloned());
                }
                Some(f) if *f != sorted => {
                    self.errors
                        .push(("alternative patterns bind different names".into(), span));
                }
                Some(_) => {}
            }
            // Renumber: values by offset, captures to the first
            // alternative's slots for the same names.
            let slot_of = |k: u32| -> u32 {
                let name = &names[(k as usize).saturating_sub(before)];
                self.captures[before..]
                    .iter()
                    .position(|c| c == name)
                    .map_or(k, |p| (before + p) as u32)
            };
            out.push(renumber(built, offset, before as u32, &slot_of));
        }
        MatchPat::Or(out)
    }
}

/// `pat` with value slots shifted by `offset` and capture slots at or past
/// `first_new` mapped through `slot_of`.
fn renumber(pat: MatchPat, offset: u32, first_new: u32, slot_of: &dyn Fn(u32) -> u32) -> MatchPat {
    let cap = |k: u32| if k >= first_new { slot_of(k) } else { k };
    let rec = |p: MatchPat| renumber(p, offset, first_new, slot_of);
    match pat {
        MatchPat::Wildcard | MatchPat::Singleton(_) => pat,
        MatchPat::Capture(k) => MatchPat::Capture(cap(k)),
        MatchPat::Value(v) => MatchPat::Value(v + offset),
        MatchPat::Seq { items, star } => MatchPat::Seq {
            items: items.into_iter().map(rec).collect(),
            star: star.map(|(i, c)| (i, c.map(cap))),
        },
        MatchPat::Map { keys, values, rest } => MatchPat::Map {
            keys: keys.into_iter().map(|k| k + offset).collect(),
            values: values.into_iter().map(rec).collect(),
            rest: rest.map(cap),
        },
        MatchPat::Class {
            cls,
            args,
            kw_names,
            kw,
        } => MatchPat::Class {
            cls: cls + offset,
            args: args.into_iter().map(rec).collect(),
            kw_names,
            kw: kw.into_iter().map(rec).collect(),
        },
        MatchPat::Or(alts) => MatchPat::Or(alts.into_iter().map(rec).collect()),
        MatchPat::As(inner, k) => MatchPat::As(Box::new(rec(*inner)), cap(k)),
    }
}

/// CPython's error for an irrefutable pattern followed by others, or None
/// when `p` can fail.
fn irrefutable_message(p: &Pattern) -> Option<String> {
    match &p.kind {
        PatternKind::Wildcard => Some("wildcard makes remaining patterns unreachable".into()),
        PatternKind::Capture(n) => Some(format!(
            "name capture '{n}' makes remaining patterns unreachable"
        )),
        PatternKind::As(inner, _) => irrefutable_message(inner),
        PatternKind::Or(alts) => alts.iter().find_map(irrefutable_message),
        _ => None,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) {
        self.expr(subject);
        let mut to_end = Vec::new();
        for (ci, case) in cases.iter().enumerate() {
            if ci + 1 < cases.len()
                && case.guard.is_none()
                && let Some(msg) = irrefutable_message(&case.pattern)
            {
                self.error(&msg, case.pattern.span);
            }
            let mut b = CaseBuild {
                values: Vec::new(),
                captures: Vec::new(),
                errors: Vec::new(),
            };
            let pat = b.build(&case.pattern);
            for (msg, span) in std::mem::take(&mut b.errors) {
                self.error(&msg, span);
            }
            self.set_line(case.pattern.span);
            self.emit(Op::Copy(0));
            for v in &b.values {
                self.expr(v);
            }
            let idx = self.unit().patterns.len() as u32;
            self.unit().patterns.push(MatchCaseCode {
                pat,
                nvalues: b.values.len() as u32,
                ncaptures: b.captures.len() as u32,
            });
            self.emit(Op::MatchCase(idx));
            let no_match = self.emit(Op::PopJumpIfFalse(0));
            let names: Vec<String> = b.captures.iter().rev().cloned().collect();
            for n in names {
                self.store_name(&n);
            }
            let guard_fail = match &case.guard {
                Some(g) => {
                    self.expr(g);
                    Some(self.emit(Op::PopJumpIfFalse(0)))
                }
                None => None,
            };
            self.emit(Op::Pop);
            self.body(&case.body);
            to_end.push(self.emit(Op::Jump(0)));
            self.patch_here(no_match);
            if let Some(j) = guard_fail {
                self.patch_here(j);
            }
        }
        self.emit(Op::Pop);
        for j in to_end {
            self.patch_here(j);
        }
    }
}
