//! The backtracking matcher. It runs over a slice of code units (bytes for
//! bytes and ASCII strings, code points otherwise), so positions are the
//! indices Python sees. Choice points and the old values of everything
//! they must restore live on one explicit stack: no recursion per
//! character, so long subjects cannot overflow the native stack; only
//! lookarounds and atomic groups recurse, as deep as the pattern nests.

use super::ast::RepKind;
use super::chars;
use super::program::{AtCode, Fold, Inst, Program};

pub const UNSET: usize = usize::MAX;

enum Frame {
    Choice {
        pc: u32,
        pos: usize,
    },
    Slot {
        slot: u32,
        old: usize,
        last: i32,
    },
    Rep {
        rep: u32,
        count: u32,
        last: usize,
    },
    Greedy {
        pc: u32,
        start: usize,
        count: usize,
        min: usize,
        lit: Option<u32>,
    },
    Lazy {
        pc: u32,
        pos: usize,
        count: usize,
    },
    LazyIter {
        pc: u32,
        pos: usize,
    },
}

impl Frame {
    fn is_undo(&self) -> bool {
        matches!(self, Frame::Slot { .. } | Frame::Rep { .. })
    }
}

pub trait Unit: Copy {
    fn get(self) -> u32;
    /// The index of the first unit equal to `c`.
    fn find(hay: &[Self], c: u32) -> Option<usize>;
}
impl Unit for u8 {
    #[inline(always)]
    fn get(self) -> u32 {
        self as u32
    }
    fn find(hay: &[u8], c: u32) -> Option<usize> {
        let c = u8::try_from(c).ok()?;
        memchr::memchr(c, hay)
    }
}
impl Unit for u32 {
    #[inline(always)]
    fn get(self) -> u32 {
        self
    }
    fn find(hay: &[u32], c: u32) -> Option<usize> {
        hay.iter().position(|&u| u == c)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Match,
    Full,
    Search,
}

pub struct Matcher<'a, T: Unit> {
    prog: &'a Program,
    text: &'a [T],
    /// Capture marks: group g starts at `slots[2g]` and ends at `slots[2g+1]`.
    pub slots: Vec<usize>,
    pub lastindex: i32,
    reps: Vec<(u32, usize)>,
    stack: Vec<Frame>,
    full: bool,
    must_advance: bool,
    start: usize,
}

impl<'a, T: Unit> Matcher<'a, T> {
    /// A matcher over `text`, which ends at the end position.
    pub fn new(prog: &'a Program, text: &'a [T]) -> Self {
        Matcher {
            prog,
            text,
            slots: vec![UNSET; 2 * prog.groups.max(1)],
            lastindex: -1,
            reps: vec![(0, UNSET); prog.reps],
            stack: Vec::new(),
            full: false,
            must_advance: false,
            start: 0,
        }
    }

    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self.text[i].get()
    }

    /// Finds a match starting at `pos` (or later, for a search); on
    /// success `slots[0..2]` hold its span. With `must_advance`, an empty
    /// match at `pos` itself does not count (how `finditer` and `sub`
    /// step past empty matches).
    pub fn exec(&mut self, pos: usize, mode: Mode, must_advance: bool) -> bool {
        let end = self.text.len();
        if pos > end {
            return false;
        }
        self.full = mode == Mode::Full;
        if mode != Mode::Search {
            return self.try_at(pos, must_advance);
        }
        let mut p = pos;
        loop {
            let Some(q) = self.candidate(p) else {
                return false;
            };
            if self.try_at(q, must_advance && q == pos) {
                return true;
            }
            if self.prog.anchored || q >= end {
                return false;
            }
            p = q + 1;
        }
    }

    fn try_at(&mut self, pos: usize, must_advance: bool) -> bool {
        self.slots.fill(UNSET);
        self.lastindex = -1;
        self.stack.clear();
        self.must_advance = must_advance;
        self.start = pos;
        match self.run(0, pos) {
            Some(e) => {
                self.slots[0] = pos;
                self.slots[1] = e;
                true
            }
            None => false,
        }
    }

    /// The first position at or after `p` where a match can start.
    fn candidate(&self, p: usize) -> Option<usize> {
        let end = self.text.len();
        let prog = self.prog;
        if p > end {
            return None;
        }
        if prog.line_start {
            if p == 0 || self.at(p - 1) == '\n' as u32 {
                return Some(p);
            }
            return T::find(&self.text[p..], '\n' as u32).map(|i| p + i + 1);
        }
        if let Some(&c0) = prog.prefix.first() {
            let n = prog.prefix.len();
            let mut i = p;
            while i + n <= end {
                i += T::find(&self.text[i..end - n + 1], c0)?;
                if (1..n).all(|k| self.at(i + k) == prog.prefix[k]) {
                    return Some(i);
                }
                i += 1;
            }
            return None;
        }
        if let Some(first) = prog.first {
            let off = self.text[p..]
                .iter()
                .position(|u| prog.test(first, u.get()))?;
            return Some(p + off);
        }
        Some(p)
    }

    fn is_word(&self, i: usize, uni: bool) -> bool {
        let c = self.at(i);
        if uni {
            chars::is_uni_word(c)
        } else {
            chars::is_ascii_word(c)
        }
    }

    fn at_code(&self, code: AtCode, pos: usize) -> bool {
        let end = self.text.len();
        let nl = '\n' as u32;
        match code {
            AtCode::Beginning | AtCode::BeginningString => pos == 0,
            AtCode::BeginningLine => pos == 0 || self.at(pos - 1) == nl,
            AtCode::End => pos == end || (pos + 1 == end && self.at(pos) == nl),
            AtCode::EndLine => pos == end || self.at(pos) == nl,
            AtCode::EndString => pos == end,
            AtCode::Boundary
            | AtCode::NonBoundary
            | AtCode::UniBoundary
            | AtCode::UniNonBoundary => {
                if end == 0 {
                    return false;
                }
                let uni = matches!(code, AtCode::UniBoundary | AtCode::UniNonBoundary);
                let before = pos > 0 && self.is_word(pos - 1, uni);
                let here = pos < end && self.is_word(pos, uni);
                let boundary = before != here;
                if matches!(code, AtCode::Boundary | AtCode::UniBoundary) {
                    boundary
                } else {
                    !boundary
                }
            }
        }
    }

    fn set_slot(&mut self, slot: u32, pos: usize) {
        let s = slot as usize;
        if s >= self.slots.len() {
            return;
        }
        self.stack.push(Frame::Slot {
            slot,
            old: self.slots[s],
            last: self.lastindex,
        });
        self.slots[s] = pos;
        if slot & 1 == 1 {
            self.lastindex = (slot / 2) as i32;
        }
    }

    fn set_rep(&mut self, rep: u32, count: u32, last: usize) {
        let r = rep as usize;
        let (c, l) = self.reps[r];
        self.stack.push(Frame::Rep {
            rep,
            count: c,
            last: l,
        });
        self.reps[r] = (count, last);
    }

    /// How many of the next characters (at most `max`) `item` accepts.
    fn count(&self, item: Inst, pos: usize, max: u32) -> usize {
        let end = self.text.len();
        let limit = if max == u32::MAX {
            end
        } else {
            end.min(pos.saturating_add(max as usize))
        };
        let mut i = pos;
        match item {
            Inst::AnyAll => return limit - pos,
            Inst::Char(c) => {
                while i < limit && self.at(i) == c {
                    i += 1
                }
            }
            Inst::Any => {
                while i < limit && self.at(i) != '\n' as u32 {
                    i += 1
                }
            }
            _ => {
                while i < limit && self.prog.test(item, self.at(i)) {
                    i += 1
                }
            }
        }
        i - pos
    }

    /// The literal the instruction after `pc` must match, if any.
    fn next_literal(&self, pc: usize) -> Option<u32> {
        let mut k = pc + 1;
        loop {
            match self.prog.insts.get(k)? {
                Inst::Mark(_) => k += 1,
                Inst::Char(c) => return Some(*c),
                _ => return None,
            }
        }
    }

    fn backref(&self, g: u32, fold: Fold, pos: usize) -> Option<usize> {
        let (s, e) = (
            *self.slots.get(2 * g as usize)?,
            *self.slots.get(2 * g as usize + 1)?,
        );
        if s == UNSET || e == UNSET || e < s {
            return None;
        }
        let n = e - s;
        if pos + n > self.text.len() {
            return None;
        }
        let same = (0..n).all(|k| {
            let (a, b) = (self.at(s + k), self.at(pos + k));
            a == b || (fold != Fold::None && fold.lower(a) == fold.lower(b))
        });
        same.then_some(pos + n)
    }

    /// Drops the choice points above `base`, keeping what undoes state.
    fn cut(&mut self, base: usize) {
        let mut w = base;
        for r in base..self.stack.len() {
            if self.stack[r].is_undo() {
                self.stack.swap(w, r);
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    fn undo(&mut self, f: Frame) {
        match f {
            Frame::Slot { slot, old, last } => {
                self.slots[slot as usize] = old;
                self.lastindex = last;
            }
            Frame::Rep { rep, count, last } => self.reps[rep as usize] = (count, last),
            _ => {}
        }
    }

    /// Restores everything recorded above `base`.
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            if let Some(f) = self.stack.pop() {
                self.undo(f);
            }
        }
    }
}

impl<T: Unit> Matcher<'_, T> {
    /// Runs the program from `pc` at `pos` until `Match` (or, in a
    /// lookaround or atomic group, its `SubMatch`); the end position.
    fn run(&mut self, pc: usize, pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let end = self.text.len();
        let (mut pc, mut pos) = (pc, pos);
        loop {
            let &inst = self.prog.insts.get(pc)?;
            let ok = match inst {
                Inst::Char(c) => {
                    let ok = pos < end && self.at(pos) == c;
                    pos += ok as usize;
                    ok
                }
                Inst::NotChar(_)
                | Inst::Fold(..)
                | Inst::NotFold(..)
                | Inst::Set(_)
                | Inst::Any
                | Inst::AnyAll => {
                    let ok = pos < end && self.prog.test(inst, self.at(pos));
                    pos += ok as usize;
                    ok
                }
                Inst::At(code) => self.at_code(code, pos),
                Inst::Mark(slot) => {
                    self.set_slot(slot, pos);
                    true
                }
                Inst::Branch(alt) => {
                    self.stack.push(Frame::Choice { pc: alt, pos });
                    true
                }
                Inst::Jmp(t) => {
                    pc = t as usize;
                    continue;
                }
                Inst::RepOne {
                    item,
                    min,
                    max,
                    kind,
                } => match self.rep_one(pc, item, min, max, kind, pos) {
                    Some(p) => {
                        pos = p;
                        true
                    }
                    None => false,
                },
                Inst::RepStart(rep) => {
                    self.set_rep(rep, 0, UNSET);
                    true
                }
                Inst::RepLoop {
                    rep,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    pc = self.rep_loop(pc, rep, min, max, greedy, exit, pos);
                    continue;
                }
                Inst::Backref(g, fold) => match self.backref(g, fold, pos) {
                    Some(p) => {
                        pos = p;
                        true
                    }
                    None => false,
                },
                Inst::GroupExists(g, no) => {
                    let s = self.slots.get(2 * g as usize).copied().unwrap_or(UNSET);
                    let e = self.slots.get(2 * g as usize + 1).copied().unwrap_or(UNSET);
                    if s == UNSET || e == UNSET || e < s {
                        pc = no as usize;
                        continue;
                    }
                    true
                }
                Inst::Assert {
                    behind,
                    negate,
                    width,
                    end: next,
                } => {
                    if self.assert(pc, behind, negate, width as usize, pos) {
                        pc = next as usize;
                        continue;
                    }
                    false
                }
                Inst::Atomic(next) => {
                    let inner = self.stack.len();
                    match self.run(pc + 1, pos) {
                        Some(p) => {
                            self.cut(inner);
                            pos = p;
                            pc = next as usize;
                            continue;
                        }
                        None => false,
                    }
                }
                Inst::SubMatch => return Some(pos),
                Inst::Fail => false,
                Inst::Match => {
                    if (self.full && pos != end) || (self.must_advance && pos == self.start) {
                        false
                    } else {
                        return Some(pos);
                    }
                }
            };
            if ok {
                pc += 1;
            } else {
                match self.backtrack(base) {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return None,
                }
            }
        }
    }

    fn assert(&mut self, pc: usize, behind: bool, negate: bool, width: usize, pos: usize) -> bool {
        let start = if behind {
            if pos < width {
                return negate;
            }
            pos - width
        } else {
            pos
        };
        let base = self.stack.len();
        let found = self.run(pc + 1, start).is_some();
        match (found, negate) {
            (true, false) => {
                self.cut(base);
                true
            }
            (true, true) => {
                self.unwind(base);
                false
            }
            (false, n) => n,
        }
    }

    fn rep_one(
        &mut self,
        pc: usize,
        item: u32,
        min: u32,
        max: u32,
        kind: RepKind,
        pos: usize,
    ) -> Option<usize> {
        let item_inst = *self.prog.items.get(item as usize)?;
        let min = min as usize;
        match kind {
            RepKind::Possessive => {
                let n = self.count(item_inst, pos, max);
                (n >= min).then_some(pos + n)
            }
            RepKind::Lazy => {
                let n = self.count(item_inst, pos, min as u32);
                if n < min {
                    return None;
                }
                if (min as u64) < max as u64 {
                    self.stack.push(Frame::Lazy {
                        pc: pc as u32,
                        pos: pos + min,
                        count: min,
                    });
                }
                Some(pos + min)
            }
            RepKind::Greedy => {
                let n = self.count(item_inst, pos, max);
                if n < min {
                    return None;
                }
                let lit = self.next_literal(pc);
                let k = self.fit_literal(pos, n, min, lit)?;
                if k > min {
                    self.stack.push(Frame::Greedy {
                        pc: pc as u32 + 1,
                        start: pos,
                        count: k,
                        min,
                        lit,
                    });
                }
                Some(pos + k)
            }
        }
    }

    /// The largest count from `k` down to `min` after which the literal
    /// that follows can match (any count, without one).
    fn fit_literal(
        &self,
        start: usize,
        mut k: usize,
        min: usize,
        lit: Option<u32>,
    ) -> Option<usize> {
        let Some(c) = lit else {
            return Some(k);
        };
        let end = self.text.len();
        loop {
            if start + k < end && self.at(start + k) == c {
                return Some(k);
            }
            if k == min {
                return None;
            }
            k -= 1;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn rep_loop(
        &mut self,
        pc: usize,
        rep: u32,
        min: u32,
        max: u32,
        greedy: bool,
        exit: u32,
        pos: usize,
    ) -> usize {
        let (count, last) = self.reps[rep as usize];
        if count < min {
            self.set_rep(rep, count + 1, pos);
            return pc + 1;
        }
        if (max == u32::MAX || count < max) && pos != last {
            if greedy {
                self.stack.push(Frame::Choice { pc: exit, pos });
                self.set_rep(rep, count + 1, pos);
                return pc + 1;
            }
            self.stack.push(Frame::LazyIter { pc: pc as u32, pos });
        }
        exit as usize
    }

    /// Pops the stack down to the latest choice point above `base` and
    /// where to resume from it.
    fn backtrack(&mut self, base: usize) -> Option<(usize, usize)> {
        let end = self.text.len();
        while self.stack.len() > base {
            let f = self.stack.pop()?;
            match f {
                Frame::Choice { pc, pos } => return Some((pc as usize, pos)),
                Frame::Slot { .. } | Frame::Rep { .. } => self.undo(f),
                Frame::Greedy {
                    pc,
                    start,
                    count,
                    min,
                    lit,
                } => {
                    if let Some(k) = self.fit_literal(start, count - 1, min, lit) {
                        if k > min {
                            self.stack.push(Frame::Greedy {
                                pc,
                                start,
                                count: k,
                                min,
                                lit,
                            });
                        }
                        return Some((pc as usize, start + k));
                    }
                }
                Frame::Lazy { pc, pos, count } => {
                    let Some(Inst::RepOne { item, max, .. }) = self.prog.insts.get(pc as usize)
                    else {
                        continue;
                    };
                    let item = self.prog.items.get(*item as usize).copied();
                    let max = *max as usize;
                    if let Some(item) = item
                        && (max == u32::MAX as usize || count < max)
                        && pos < end
                        && self.prog.test(item, self.at(pos))
                    {
                        if count + 1 < max {
                            self.stack.push(Frame::Lazy {
                                pc,
                                pos: pos + 1,
                                count: count + 1,
                            });
                        }
                        return Some((pc as usize + 1, pos + 1));
                    }
                }
                Frame::LazyIter { pc, pos } => {
                    let Some(Inst::RepLoop { rep, max, .. }) = self.prog.insts.get(pc as usize)
                    else {
                        continue;
                    };
                    let (rep, max) = (*rep, *max);
                    let (count, last) = self.reps[rep as usize];
                    if (max == u32::MAX || count < max) && pos != last {
                        self.set_rep(rep, count + 1, pos);
                        return Some((pc as usize + 1, pos));
                    }
                }
            }
        }
        None
    }
}
