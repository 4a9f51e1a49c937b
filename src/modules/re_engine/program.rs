//! The compiled form of a pattern: instructions for the backtracking
//! matcher, and the character sets they test.

use super::ast::RepKind;
use super::chars::{self, Cat};

/// Zero-width assertions, with the flags already applied.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AtCode {
    Beginning,
    BeginningLine,
    BeginningString,
    End,
    EndLine,
    EndString,
    Boundary,
    NonBoundary,
    UniBoundary,
    UniNonBoundary,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fold {
    None,
    Ascii,
    Unicode,
}

impl Fold {
    #[inline]
    pub fn lower(self, c: u32) -> u32 {
        match self {
            Fold::None => c,
            Fold::Ascii => chars::ascii_lower(c),
            Fold::Unicode => chars::uni_lower(c),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Inst {
    Char(u32),
    NotChar(u32),
    /// The character's lowercase (ASCII or Unicode) equals this.
    Fold(Fold, u32),
    NotFold(Fold, u32),
    Set(u32),
    Any,
    AnyAll,
    At(AtCode),
    Mark(u32),
    /// Try the next instruction; on failure, the given one.
    Branch(u32),
    Jmp(u32),
    RepOne {
        item: u32,
        min: u32,
        max: u32,
        kind: RepKind,
    },
    RepStart(u32),
    RepLoop {
        rep: u32,
        min: u32,
        max: u32,
        greedy: bool,
        exit: u32,
    },
    Backref(u32, Fold),
    GroupExists(u32, u32),
    Assert {
        behind: bool,
        negate: bool,
        width: u32,
        end: u32,
    },
    Atomic(u32),
    SubMatch,
    Fail,
    Match,
}

/// A character set, tested the way `_sre`'s `IN`/`IN_UNI_IGNORE` test it:
/// the character is lowercased first when the set has cased members.
pub struct Set {
    pub negate: bool,
    pub fold: Fold,
    /// Sorted, disjoint ranges of members.
    pub ranges: Vec<(u32, u32)>,
    /// Ranges that also match when the (lowercased) character's
    /// uppercase falls in them (`RANGE_UNI_IGNORE`).
    pub upper_ranges: Vec<(u32, u32)>,
    pub cats: Vec<Cat>,
    /// The result for characters below 256, precomputed.
    pub low: [u64; 4],
}

impl Set {
    pub fn new(
        negate: bool,
        fold: Fold,
        mut points: Vec<(u32, u32)>,
        upper_ranges: Vec<(u32, u32)>,
        cats: Vec<Cat>,
    ) -> Set {
        points.sort_unstable();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for (a, b) in points {
            match ranges.last_mut() {
                Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
                _ => ranges.push((a, b)),
            }
        }
        let mut set = Set {
            negate,
            fold,
            ranges,
            upper_ranges,
            cats,
            low: [0; 4],
        };
        for c in 0..256u32 {
            if set.test_slow(c) {
                set.low[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        set
    }

    #[inline]
    pub fn test(&self, c: u32) -> bool {
        if c < 256 {
            return self.low[(c >> 6) as usize] & (1 << (c & 63)) != 0;
        }
        self.test_slow(c)
    }

    fn test_slow(&self, c: u32) -> bool {
        let c = self.fold.lower(c);
        let found = self.contains(c)
            || self
                .upper_ranges
                .iter()
                .any(|&(a, b)| (a..=b).contains(&c) || (a..=b).contains(&chars::uni_upper(c)))
            || self.cats.iter().any(|k| k.test(c));
        found != self.negate
    }

    fn contains(&self, c: u32) -> bool {
        let i = self.ranges.partition_point(|&(_, b)| b < c);
        self.ranges.get(i).is_some_and(|&(a, _)| a <= c)
    }
}

pub struct Program {
    pub insts: Vec<Inst>,
    /// The single-character bodies of `RepOne`.
    pub items: Vec<Inst>,
    pub sets: Vec<Set>,
    /// Groups, group 0 included.
    pub groups: usize,
    pub reps: usize,
    /// Characters every match starts with (case-sensitively).
    pub prefix: Vec<u32>,
    /// A single-character test every match's first character passes.
    pub first: Option<Inst>,
    /// Matches can only start at the beginning of the string.
    pub anchored: bool,
    /// Matches can only start at the beginning of a line.
    pub line_start: bool,
}

impl Program {
    /// Whether the single-character instruction `inst` accepts `c`.
    #[inline]
    pub fn test(&self, inst: Inst, c: u32) -> bool {
        match inst {
            Inst::Char(x) => c == x,
            Inst::NotChar(x) => c != x,
            Inst::Fold(f, x) => f.lower(c) == x,
            Inst::NotFold(f, x) => f.lower(c) != x,
            Inst::Set(i) => self.sets.get(i as usize).is_some_and(|s| s.test(c)),
            Inst::Any => c != '\n' as u32,
            Inst::AnyAll => true,
            _ => false,
        }
    }

    /// Fills in `prefix`, `first` and `anchored` from the instructions.
    pub fn analyse(&mut self) {
        let mut pc = 0;
        while let Some(Inst::Mark(_)) = self.insts.get(pc) {
            pc += 1;
        }
        match self.insts.get(pc) {
            Some(Inst::At(AtCode::BeginningString | AtCode::Beginning)) => {
                self.anchored = true;
                return;
            }
            Some(Inst::At(AtCode::BeginningLine)) => {
                self.line_start = true;
                return;
            }
            _ => {}
        }
        // Marks and assertions consume nothing, so the characters after
        // them are still where every match starts.
        let mut prefix = Vec::new();
        while let Some(inst) = self.insts.get(pc) {
            match *inst {
                Inst::Char(c) => prefix.push(c),
                Inst::Mark(_) | Inst::At(_) => {}
                _ => break,
            }
            pc += 1;
        }
        if !prefix.is_empty() {
            self.prefix = prefix;
            return;
        }
        self.first = match self.insts.get(pc) {
            Some(i @ (Inst::NotChar(_) | Inst::Fold(..) | Inst::NotFold(..) | Inst::Set(_))) => {
                Some(*i)
            }
            Some(Inst::RepOne { item, min, .. }) if *min > 0 => {
                self.items.get(*item as usize).copied()
            }
            _ => None,
        };
    }
}
