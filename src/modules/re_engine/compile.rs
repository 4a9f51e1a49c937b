//! Parsed pattern to matcher program, applying the flags in scope to each
//! item as CPython's `_compiler` does (case folding, `\w` flavour, the
//! meaning of `^`, `$` and `.`), and checking lookbehind widths.

use super::ast::*;
use super::chars::{self, Cat};
use super::parser::Parsed;
use super::program::*;
use super::source::{PResult, ReError};

struct Compiler<'a> {
    prog: Program,
    widths: &'a [Option<(u128, u128)>],
}

pub fn compile(parsed: &Parsed) -> PResult<Program> {
    let mut c = Compiler {
        prog: Program {
            insts: Vec::new(),
            items: Vec::new(),
            sets: Vec::new(),
            groups: parsed.groups,
            reps: 0,
            prefix: Vec::new(),
            first: None,
            anchored: false,
            line_start: false,
        },
        widths: &parsed.group_widths,
    };
    c.seq(&parsed.nodes, parsed.flags)?;
    c.emit(Inst::Match);
    let mut prog = c.prog;
    prog.analyse();
    Ok(prog)
}

fn combine(flags: u32, add: u32, del: u32) -> u32 {
    let flags = if add & TYPE_FLAGS != 0 {
        flags & !TYPE_FLAGS
    } else {
        flags
    };
    (flags | add) & !del
}

fn fold_of(flags: u32) -> Fold {
    if flags & FLAG_IGNORECASE == 0 {
        Fold::None
    } else if flags & FLAG_UNICODE != 0 && flags & FLAG_LOCALE == 0 {
        Fold::Unicode
    } else {
        // LOCALE is taken as the C locale: ASCII case rules.
        Fold::Ascii
    }
}

fn iscased(fold: Fold, c: u32) -> bool {
    match fold {
        Fold::None => false,
        Fold::Ascii => chars::ascii_iscased(c),
        Fold::Unicode => chars::uni_iscased(c),
    }
}

fn fixes(fold: Fold, lo: u32) -> &'static [u32] {
    if fold == Fold::Unicode {
        chars::extra_cases(lo)
    } else {
        &[]
    }
}

fn cat_of(k: Cat, flags: u32) -> Cat {
    if flags & FLAG_UNICODE != 0 && flags & FLAG_LOCALE == 0 {
        k.unicode()
    } else {
        k
    }
}

/// The single-character item a repeat body reduces to, with the flags
/// that apply to it (CPython's `_simple`).
fn simple(body: &[Node], flags: u32) -> Option<(&Node, u32)> {
    match body {
        [n @ (Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::In(_))] => Some((n, flags)),
        [Node::Group(None, add, del, inner)] => simple(inner, combine(flags, *add, *del)),
        _ => None,
    }
}

impl Compiler<'_> {
    fn emit(&mut self, i: Inst) -> usize {
        self.prog.insts.push(i);
        self.prog.insts.len() - 1
    }

    fn here(&self) -> u32 {
        self.prog.insts.len() as u32
    }

    fn patch(&mut self, at: usize, target: u32) {
        let t = target;
        if let Some(i) = self.prog.insts.get_mut(at) {
            match i {
                Inst::Branch(x) | Inst::Jmp(x) | Inst::Atomic(x) | Inst::GroupExists(_, x) => {
                    *x = t
                }
                Inst::RepLoop { exit, .. } => *exit = t,
                Inst::Assert { end, .. } => *end = t,
                _ => {}
            }
        }
    }

    fn seq(&mut self, nodes: &[Node], flags: u32) -> PResult<()> {
        for n in nodes {
            self.node(n, flags)?;
        }
        Ok(())
    }

    /// The instruction for a single-character item.
    fn unit(&mut self, n: &Node, flags: u32) -> Inst {
        let fold = fold_of(flags);
        match n {
            Node::Lit(c) | Node::NotLit(c) => {
                let neg = matches!(n, Node::NotLit(_));
                if !iscased(fold, *c) {
                    return if neg {
                        Inst::NotChar(*c)
                    } else {
                        Inst::Char(*c)
                    };
                }
                let lo = fold.lower(*c);
                let extra = fixes(fold, lo);
                if extra.is_empty() {
                    return if neg {
                        Inst::NotFold(fold, lo)
                    } else {
                        Inst::Fold(fold, lo)
                    };
                }
                let mut points = vec![(lo, lo)];
                points.extend(extra.iter().map(|&k| (k, k)));
                self.add_set(Set::new(neg, fold, points, Vec::new(), Vec::new()))
            }
            Node::In(set) => {
                let s = self.build_set(set, flags);
                self.add_set(s)
            }
            Node::Any if flags & FLAG_DOTALL != 0 => Inst::AnyAll,
            _ => Inst::Any,
        }
    }

    fn add_set(&mut self, s: Set) -> Inst {
        self.prog.sets.push(s);
        Inst::Set(self.prog.sets.len() as u32 - 1)
    }

    /// CPython's `_optimize_charset`: under IGNORECASE the members are
    /// lowercased (plus their extra cases) into a map of the BMP, and what
    /// does not fit the map is tested as written.
    fn build_set(&self, set: &SetNode, flags: u32) -> Set {
        let fold = fold_of(flags);
        let mut points = Vec::new();
        let mut upper = Vec::new();
        let mut cats = Vec::new();
        let mut hascased = false;
        for item in &set.items {
            match *item {
                SetItem::Cat(k) => cats.push(cat_of(k, flags)),
                SetItem::Lit(c) if fold != Fold::None => {
                    let lo = fold.lower(c);
                    if lo < 0x10000 {
                        points.push((lo, lo));
                        points.extend(fixes(fold, lo).iter().map(|&k| (k, k)));
                        hascased |= iscased(fold, c);
                    } else {
                        points.push((c, c));
                        hascased = true;
                    }
                }
                SetItem::Range(a, b) if fold != Fold::None => {
                    for i in a..=b.min(0xffff) {
                        let lo = fold.lower(i);
                        points.push((lo, lo));
                        points.extend(fixes(fold, lo).iter().map(|&k| (k, k)));
                    }
                    if b >= 0x10000 {
                        hascased = true;
                        upper.push((a, b));
                    } else if !hascased {
                        hascased = (a..=b).any(|i| iscased(fold, i));
                    }
                }
                SetItem::Lit(c) => points.push((c, c)),
                SetItem::Range(a, b) => points.push((a, b)),
            }
        }
        if !hascased || fold == Fold::None {
            // Without cased members the set is tested on the character as
            // it is; a non-BMP range is then an ordinary range.
            points.append(&mut upper);
            return Set::new(set.negate, Fold::None, points, Vec::new(), cats);
        }
        // Non-BMP ranges keep CPython's Unicode uppercase test even under
        // ASCII folding, as `RANGE_UNI_IGNORE` does.
        Set::new(set.negate, fold, points, upper, cats)
    }

    fn node(&mut self, n: &Node, flags: u32) -> PResult<()> {
        match n {
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::In(_) => {
                let i = self.unit(n, flags);
                self.emit(i);
            }
            Node::At(at) => {
                let ml = flags & FLAG_MULTILINE != 0;
                let uni = flags & FLAG_UNICODE != 0 && flags & FLAG_LOCALE == 0;
                let code = match at {
                    At::Beginning if ml => AtCode::BeginningLine,
                    At::Beginning => AtCode::Beginning,
                    At::BeginningString => AtCode::BeginningString,
                    At::End if ml => AtCode::EndLine,
                    At::End => AtCode::End,
                    At::EndString => AtCode::EndString,
                    At::Boundary if uni => AtCode::UniBoundary,
                    At::Boundary => AtCode::Boundary,
                    At::NonBoundary if uni => AtCode::UniNonBoundary,
                    At::NonBoundary => AtCode::NonBoundary,
                };
                self.emit(Inst::At(code));
            }
            Node::Group(g, add, del, body) => {
                let inner = combine(flags, *add, *del);
                if let Some(g) = g {
                    self.emit(Inst::Mark(2 * *g as u32));
                }
                self.seq(body, inner)?;
                if let Some(g) = g {
                    self.emit(Inst::Mark(2 * *g as u32 + 1));
                }
            }
            Node::Repeat(kind, min, max, body) => self.repeat(*kind, *min, *max, body, flags)?,
            Node::Branch(alts) => {
                let mut jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    let last = i + 1 == alts.len();
                    let br = if last {
                        None
                    } else {
                        Some(self.emit(Inst::Branch(0)))
                    };
                    self.seq(alt, flags)?;
                    if let Some(br) = br {
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let here = self.here();
                        self.patch(br, here);
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Node::GroupRef(g) => {
                self.emit(Inst::Backref(*g as u32, fold_of(flags)));
            }
            Node::Assert {
                behind,
                negate,
                body,
            } => {
                let mut w = 0;
                if *behind {
                    let (lo, hi) = width(body, self.widths);
                    if lo > u32::MAX as u128 {
                        return Err(ReError::new("looks too much behind", None));
                    }
                    if lo != hi {
                        return Err(ReError::new(
                            "look-behind requires fixed-width pattern",
                            None,
                        ));
                    }
                    w = lo as u32;
                }
                let at = self.emit(Inst::Assert {
                    behind: *behind,
                    negate: *negate,
                    width: w,
                    end: 0,
                });
                self.seq(body, flags)?;
                self.emit(Inst::SubMatch);
                let end = self.here();
                self.patch(at, end);
            }
            Node::Failure => {
                self.emit(Inst::Fail);
            }
            Node::Atomic(body) => {
                let at = self.emit(Inst::Atomic(0));
                self.seq(body, flags)?;
                self.emit(Inst::SubMatch);
                let end = self.here();
                self.patch(at, end);
            }
            Node::GroupExists(g, yes, no) => {
                let at = self.emit(Inst::GroupExists(*g as u32, 0));
                self.seq(yes, flags)?;
                let j = self.emit(Inst::Jmp(0));
                let no_pc = self.here();
                self.patch(at, no_pc);
                if let Some(no) = no {
                    self.seq(no, flags)?;
                }
                let end = self.here();
                self.patch(j, end);
            }
        }
        Ok(())
    }

    fn repeat(
        &mut self,
        kind: RepKind,
        min: u64,
        max: u64,
        body: &[Node],
        flags: u32,
    ) -> PResult<()> {
        let (min, max) = (min as u32, max as u32);
        if let Some((unit, uflags)) = simple(body, flags) {
            let item = self.unit(unit, uflags);
            self.prog.items.push(item);
            let item = self.prog.items.len() as u32 - 1;
            self.emit(Inst::RepOne {
                item,
                min,
                max,
                kind,
            });
            return Ok(());
        }
        // A possessive repeat is an atomic group around a greedy one.
        let atomic = if kind == RepKind::Possessive {
            Some(self.emit(Inst::Atomic(0)))
        } else {
            None
        };
        let rep = self.prog.reps as u32;
        self.prog.reps += 1;
        self.emit(Inst::RepStart(rep));
        let lp = self.emit(Inst::RepLoop {
            rep,
            min,
            max,
            greedy: kind != RepKind::Lazy,
            exit: 0,
        });
        self.seq(body, flags)?;
        self.emit(Inst::Jmp(lp as u32));
        let exit = self.here();
        self.patch(lp, exit);
        if let Some(at) = atomic {
            self.emit(Inst::SubMatch);
            let end = self.here();
            self.patch(at, end);
        }
        Ok(())
    }
}
