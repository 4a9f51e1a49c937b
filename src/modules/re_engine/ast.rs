//! The parsed form of a pattern, close to CPython's `_parser` output so
//! that widths and errors come out the same.

use super::chars::Cat;

pub const FLAG_IGNORECASE: u32 = 2;
pub const FLAG_LOCALE: u32 = 4;
pub const FLAG_MULTILINE: u32 = 8;
pub const FLAG_DOTALL: u32 = 16;
pub const FLAG_UNICODE: u32 = 32;
pub const FLAG_VERBOSE: u32 = 64;
pub const FLAG_ASCII: u32 = 256;
pub const TYPE_FLAGS: u32 = FLAG_ASCII | FLAG_LOCALE | FLAG_UNICODE;

pub const MAXREPEAT: u64 = u32::MAX as u64;
pub const MAXGROUPS: usize = 1_073_741_823;
/// Larger than any width a pattern can have (CPython's `MAXWIDTH`).
pub const MAXWIDTH: u128 = 1 << 64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum At {
    Beginning,
    BeginningString,
    End,
    EndString,
    Boundary,
    NonBoundary,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SetItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Cat),
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct SetNode {
    pub negate: bool,
    pub items: Vec<SetItem>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RepKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Node {
    Lit(u32),
    NotLit(u32),
    Any,
    In(Box<SetNode>),
    At(At),
    /// A capturing group (`Some(index)`) or a group with scoped flags.
    Group(Option<usize>, u32, u32, Vec<Node>),
    Repeat(RepKind, u64, u64, Vec<Node>),
    Branch(Vec<Vec<Node>>),
    GroupRef(usize),
    Assert {
        behind: bool,
        negate: bool,
        body: Vec<Node>,
    },
    Failure,
    Atomic(Vec<Node>),
    GroupExists(usize, Vec<Node>, Option<Vec<Node>>),
}

impl Node {
    pub fn is_repeat(&self) -> bool {
        matches!(self, Node::Repeat(..))
    }
}

/// The (min, max) width of a sequence, as `SubPattern.getwidth`.
pub fn width(nodes: &[Node], groups: &[Option<(u128, u128)>]) -> (u128, u128) {
    let (mut lo, mut hi) = (0u128, 0u128);
    for n in nodes {
        let (i, j) = match n {
            Node::Branch(alts) => {
                let mut i = MAXWIDTH;
                let mut j = 0;
                for a in alts {
                    let (l, h) = width(a, groups);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Atomic(p) | Node::Group(_, _, _, p) => width(p, groups),
            Node::Repeat(_, min, max, p) => {
                let (i, j) = width(p, groups);
                let lo_add = i.saturating_mul(*min as u128);
                let hi_add = if *max == MAXREPEAT && j > 0 {
                    MAXWIDTH
                } else {
                    j.saturating_mul(*max as u128)
                };
                (lo_add, hi_add)
            }
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::In(_) => (1, 1),
            Node::GroupRef(g) => groups.get(*g).copied().flatten().unwrap_or((0, 0)),
            Node::GroupExists(_, yes, no) => {
                let (mut i, mut j) = width(yes, groups);
                match no {
                    Some(no) => {
                        let (l, h) = width(no, groups);
                        i = i.min(l);
                        j = j.max(h);
                    }
                    None => i = 0,
                }
                (i, j)
            }
            Node::Failure | Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(MAXWIDTH), hi.min(MAXWIDTH))
}
