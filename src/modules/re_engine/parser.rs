//! A parser of Python's regular expression syntax, giving CPython 3.13's
//! errors (message and position) for every malformed pattern.

use super::ast::*;
use super::chars::Cat;
use super::source::*;

/// Nesting deeper than this raises RecursionError, where CPython's
/// recursive parser would exhaust its recursion limit.
const MAX_DEPTH: usize = 993;

pub struct Parsed {
    pub nodes: Vec<Node>,
    pub flags: u32,
    /// Number of groups, group 0 included.
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub group_widths: Vec<Option<(u128, u128)>>,
    pub warnings: Vec<(String, &'static str)>,
}

struct Parser<'a> {
    src: Source<'a>,
    flags: u32,
    names: Vec<(String, usize)>,
    widths: Vec<Option<(u128, u128)>>,
    lookbehind: Option<usize>,
    grouprefpos: Vec<(usize, usize)>,
    warnings: Vec<(String, &'static str)>,
    depth: usize,
}

pub fn parse(pattern: &[u32], is_text: bool, flags: u32) -> PResult<Parsed> {
    let src = Source::new(pattern, is_text)?;
    let mut p = Parser {
        src,
        flags,
        names: Vec::new(),
        widths: vec![None],
        lookbehind: None,
        grouprefpos: Vec::new(),
        warnings: Vec::new(),
        depth: 0,
    };
    let nodes = p.parse_sub(flags & FLAG_VERBOSE != 0, 0)?;
    let flags = fix_flags(is_text, p.flags)?;
    if p.src.next.is_some() {
        return Err(p.src.error("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &p.grouprefpos {
        if g >= p.widths.len() {
            return Err(ReError::new(
                format!("invalid group reference {g}"),
                Some(pos),
            ));
        }
    }
    Ok(Parsed {
        nodes,
        flags,
        groups: p.widths.len(),
        names: p.names,
        group_widths: p.widths,
        warnings: p.warnings,
    })
}

fn fix_flags(is_text: bool, mut flags: u32) -> PResult<u32> {
    let value = |m: &str| Err(ReError::other(ErrKind::Value, m));
    if is_text {
        if flags & FLAG_LOCALE != 0 {
            return value("cannot use LOCALE flag with a str pattern");
        }
        if flags & FLAG_ASCII == 0 {
            flags |= FLAG_UNICODE;
        } else if flags & FLAG_UNICODE != 0 {
            return value("ASCII and UNICODE flags are incompatible");
        }
    } else {
        if flags & FLAG_UNICODE != 0 {
            return value("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & FLAG_LOCALE != 0 && flags & FLAG_ASCII != 0 {
            return value("ASCII and LOCALE flags are incompatible");
        }
    }
    Ok(flags)
}

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => FLAG_IGNORECASE,
        'L' => FLAG_LOCALE,
        'm' => FLAG_MULTILINE,
        's' => FLAG_DOTALL,
        'x' => FLAG_VERBOSE,
        'a' => FLAG_ASCII,
        'u' => FLAG_UNICODE,
        _ => return None,
    })
}

fn category(c: u32) -> Option<Node> {
    let cat = |k| {
        Some(Node::In(Box::new(SetNode {
            negate: false,
            items: vec![SetItem::Cat(k)],
        })))
    };
    match char::from_u32(c)? {
        'A' => Some(Node::At(At::BeginningString)),
        'b' => Some(Node::At(At::Boundary)),
        'B' => Some(Node::At(At::NonBoundary)),
        'd' => cat(Cat::Digit),
        'D' => cat(Cat::NotDigit),
        's' => cat(Cat::Space),
        'S' => cat(Cat::NotSpace),
        'w' => cat(Cat::Word),
        'W' => cat(Cat::NotWord),
        'Z' => Some(Node::At(At::EndString)),
        _ => None,
    }
}

fn simple_escape(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 92,
        _ => return None,
    })
}

fn text_of(esc: &[u32]) -> String {
    esc.iter().map(|&c| ch(c)).collect()
}

impl Parser<'_> {
    fn bad_escape(&self, esc: &[u32]) -> ReError {
        self.src
            .error(&format!("bad escape {}", text_of(esc)), esc.len())
    }

    fn incomplete(&self, esc: &[u32]) -> ReError {
        self.src
            .error(&format!("incomplete escape {}", text_of(esc)), esc.len())
    }

    /// `\x`, `\u`, `\U` and `\N` (shared by both escape contexts), or
    /// `None` if `c` is none of them.
    fn code_escape(&mut self, c: u32) -> PResult<Option<u32>> {
        let mut esc = vec!['\\' as u32, c];
        let digits = match char::from_u32(c) {
            Some('x') => 2,
            Some('u') if self.src.is_text => 4,
            Some('U') if self.src.is_text => 8,
            Some('N') if self.src.is_text => {
                if !self.src.matches('{')? {
                    return Err(self.src.error("missing {", 0));
                }
                let name = self.src.getuntil('}', "character name")?;
                return match crate::lexer::charnames::lookup(&name) {
                    Some(ch) => Ok(Some(ch as u32)),
                    None => Err(self.src.error(
                        &format!(
                            "undefined character name {}",
                            crate::vm::convert::str_repr(&name)
                        ),
                        name.chars().count() + 4,
                    )),
                };
            }
            _ => return Ok(None),
        };
        esc.extend(self.src.getwhile(digits, is_hexdigit)?);
        if esc.len() != digits + 2 {
            return Err(self.incomplete(&esc));
        }
        let v = digits_value(&esc[2..], 16);
        if v > 0x10ffff {
            return Err(self.bad_escape(&esc));
        }
        Ok(Some(v as u32))
    }

    /// An escape inside a character set: a literal or a category.
    fn class_escape(&mut self, c: u32) -> PResult<SetItem> {
        if let Some(v) = simple_escape(c) {
            return Ok(SetItem::Lit(v));
        }
        if let Some(Node::In(set)) = category(c) {
            return Ok(set.items[0]);
        }
        if let Some(v) = self.code_escape(c)? {
            return Ok(SetItem::Lit(v));
        }
        let mut esc = vec!['\\' as u32, c];
        if is_octdigit(c) {
            esc.extend(self.src.getwhile(2, is_octdigit)?);
            let v = digits_value(&esc[1..], 8);
            if v > 0o377 {
                return Err(self.src.error(
                    &format!(
                        "octal escape value {} outside of range 0-0o377",
                        text_of(&esc)
                    ),
                    esc.len(),
                ));
            }
            return Ok(SetItem::Lit(v as u32));
        }
        if is_digit(c) || is_ascii_letter(c) {
            return Err(self.bad_escape(&esc));
        }
        Ok(SetItem::Lit(c))
    }

    /// An escape outside a set.
    fn escape(&mut self, c: u32) -> PResult<Node> {
        if let Some(n) = category(c) {
            return Ok(n);
        }
        if let Some(v) = simple_escape(c) {
            return Ok(Node::Lit(v));
        }
        if let Some(v) = self.code_escape(c)? {
            return Ok(Node::Lit(v));
        }
        let mut esc = vec!['\\' as u32, c];
        if c == '0' as u32 {
            esc.extend(self.src.getwhile(2, is_octdigit)?);
            return Ok(Node::Lit(digits_value(&esc[1..], 8) as u32));
        }
        if is_digit(c) {
            if let Some(d) = self.src.peek_char().filter(|&d| is_digit(d)) {
                self.src.get()?;
                esc.push(d);
                if is_octdigit(esc[1])
                    && is_octdigit(esc[2])
                    && self.src.peek_char().is_some_and(is_octdigit)
                {
                    if let Some(Tok::C(e)) = self.src.get()? {
                        esc.push(e);
                    }
                    let v = digits_value(&esc[1..], 8);
                    if v > 0o377 {
                        return Err(self.src.error(
                            &format!(
                                "octal escape value {} outside of range 0-0o377",
                                text_of(&esc)
                            ),
                            esc.len(),
                        ));
                    }
                    return Ok(Node::Lit(v as u32));
                }
            }
            let group = digits_value(&esc[1..], 10) as usize;
            if group < self.widths.len() {
                if self.widths[group].is_none() {
                    return Err(self.src.error("cannot refer to an open group", esc.len()));
                }
                self.check_lookbehind_group(group)?;
                return Ok(Node::GroupRef(group));
            }
            return Err(self
                .src
                .error(&format!("invalid group reference {group}"), esc.len() - 1));
        }
        if is_ascii_letter(c) {
            return Err(self.bad_escape(&esc));
        }
        Ok(Node::Lit(c))
    }

    fn check_lookbehind_group(&self, gid: usize) -> PResult<()> {
        if let Some(lb) = self.lookbehind {
            if !(gid < self.widths.len() && self.widths[gid].is_some()) {
                return Err(self.src.error("cannot refer to an open group", 0));
            }
            if gid >= lb {
                return Err(self.src.error(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }

    fn open_group(&mut self, name: Option<&str>) -> Result<usize, String> {
        let gid = self.widths.len();
        self.widths.push(None);
        if self.widths.len() > MAXGROUPS {
            return Err("too many groups".into());
        }
        if let Some(name) = name {
            if let Some((_, old)) = self.names.iter().find(|(n, _)| n == name) {
                return Err(format!(
                    "redefinition of group name {} as group {gid}; was group {old}",
                    crate::vm::convert::str_repr(name)
                ));
            }
            self.names.push((name.to_string(), gid));
        }
        Ok(gid)
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ReError::other(
                ErrKind::Recursion,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    /// An alternation `a|b|c`.
    fn parse_sub(&mut self, mut verbose: bool, nested: usize) -> PResult<Vec<Node>> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            let first = nested == 0 && items.is_empty();
            items.push(self.parse_seq(verbose, nested + 1, first)?);
            if !self.src.matches('|')? {
                break;
            }
            if nested == 0 {
                verbose = self.flags & FLAG_VERBOSE != 0;
            }
        }
        self.depth -= 1;
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or_default());
        }
        Ok(vec![Node::Branch(items)])
    }

    fn warn(&mut self, msg: String, category: &'static str) {
        self.warnings.push((msg, category));
    }

    /// A sequence, up to `|`, `)` or the end.
    fn parse_seq(&mut self, mut verbose: bool, nested: usize, first: bool) -> PResult<Vec<Node>> {
        self.enter()?;
        let mut seq: Vec<Node> = Vec::new();
        while let Some(this) = self.src.next {
            if this == Tok::C('|' as u32) || this == Tok::C(')' as u32) {
                break;
            }
            self.src.get()?;
            if verbose && let Tok::C(c) = this {
                if matches!(c, 0x20 | 0x09 | 0x0a | 0x0d | 0x0b | 0x0c) {
                    continue;
                }
                if c == '#' as u32 {
                    loop {
                        match self.src.get()? {
                            None | Some(Tok::C(10)) => break,
                            _ => {}
                        }
                    }
                    continue;
                }
            }
            let c = match this {
                Tok::Esc(c) => {
                    let n = self.escape(c)?;
                    seq.push(n);
                    continue;
                }
                Tok::C(c) => c,
            };
            match ch(c) {
                '[' => {
                    let n = self.parse_set(nested)?;
                    seq.push(n);
                }
                '*' | '+' | '?' | '{' => {
                    if !self.parse_repeat(&mut seq, this)? {
                        seq.push(Node::Lit(c));
                    }
                }
                '.' => seq.push(Node::Any),
                '(' => {
                    if let Some(n) = self.parse_group(&mut verbose, nested, first, &seq)? {
                        seq.push(n);
                    }
                }
                '^' => seq.push(Node::At(At::Beginning)),
                '$' => seq.push(Node::At(At::End)),
                _ => seq.push(Node::Lit(c)),
            }
        }
        self.depth -= 1;
        // A non-capturing group without flags is only kept until here so
        // that `(?:a*)*` is not "multiple repeat".
        let mut out = Vec::with_capacity(seq.len());
        for n in seq {
            match n {
                Node::Group(None, 0, 0, body) => out.extend(body),
                other => out.push(other),
            }
        }
        Ok(out)
    }

    fn parse_set(&mut self, nested: usize) -> PResult<Node> {
        let _ = nested;
        let here = self.src.tell() - 1;
        let mut set: Vec<SetItem> = Vec::new();
        if self.src.next_is('[') {
            let pos = self.src.tell();
            self.warn(
                format!("Possible nested set at position {pos}"),
                "FutureWarning",
            );
        }
        let negate = self.src.matches('^')?;
        loop {
            let Some(this) = self.src.get()? else {
                return Err(self
                    .src
                    .error("unterminated character set", self.src.tell() - here));
            };
            if this == Tok::C(']' as u32) && !set.is_empty() {
                break;
            }
            let code1 = match this {
                Tok::Esc(c) => self.class_escape(c)?,
                Tok::C(c) => {
                    if !set.is_empty()
                        && matches!(ch(c), '-' | '&' | '~' | '|')
                        && self.src.next == Some(this)
                    {
                        let kind = match ch(c) {
                            '-' => "difference",
                            '&' => "intersection",
                            '~' => "symmetric difference",
                            _ => "union",
                        };
                        let pos = self.src.tell() - 1;
                        self.warn(
                            format!("Possible set {kind} at position {pos}"),
                            "FutureWarning",
                        );
                    }
                    SetItem::Lit(c)
                }
            };
            if self.src.matches('-')? {
                let Some(that) = self.src.get()? else {
                    return Err(self
                        .src
                        .error("unterminated character set", self.src.tell() - here));
                };
                if that == Tok::C(']' as u32) {
                    set.push(code1);
                    set.push(SetItem::Lit('-' as u32));
                    break;
                }
                let code2 = match that {
                    Tok::Esc(c) => self.class_escape(c)?,
                    Tok::C(c) => {
                        if c == '-' as u32 {
                            let pos = self.src.tell() - 2;
                            self.warn(
                                format!("Possible set difference at position {pos}"),
                                "FutureWarning",
                            );
                        }
                        SetItem::Lit(c)
                    }
                };
                let bad = || {
                    let msg = format!("bad character range {}-{}", this.text(), that.text());
                    self.src.error(&msg, this.len() + 1 + that.len())
                };
                let (SetItem::Lit(lo), SetItem::Lit(hi)) = (code1, code2) else {
                    return Err(bad());
                };
                if hi < lo {
                    return Err(bad());
                }
                set.push(SetItem::Range(lo, hi));
            } else {
                set.push(code1);
            }
        }
        let mut uniq: Vec<SetItem> = Vec::with_capacity(set.len());
        for it in set {
            if !uniq.contains(&it) {
                uniq.push(it);
            }
        }
        if let [SetItem::Lit(c)] = uniq[..] {
            return Ok(if negate {
                Node::NotLit(c)
            } else {
                Node::Lit(c)
            });
        }
        Ok(Node::In(Box::new(SetNode {
            negate,
            items: uniq,
        })))
    }

    /// A repeat after `seq`'s last item; false if a `{` turned out to be
    /// a literal.
    fn parse_repeat(&mut self, seq: &mut Vec<Node>, this: Tok) -> PResult<bool> {
        let here = self.src.tell();
        let (min, max) = match this {
            Tok::C(c) if c == '?' as u32 => (0, 1),
            Tok::C(c) if c == '*' as u32 => (0, MAXREPEAT),
            Tok::C(c) if c == '+' as u32 => (1, MAXREPEAT),
            _ => {
                if self.src.next_is('}') {
                    return Ok(false);
                }
                let lo = self.src.getwhile(usize::MAX, is_digit)?;
                let hi = if self.src.matches(',')? {
                    self.src.getwhile(usize::MAX, is_digit)?
                } else {
                    lo.clone()
                };
                if !self.src.matches('}')? {
                    self.src.seek(here)?;
                    return Ok(false);
                }
                let too_large =
                    || ReError::other(ErrKind::Overflow, "the repetition number is too large");
                let mut min = 0;
                let mut max = MAXREPEAT;
                if !lo.is_empty() {
                    min = digits_value(&lo, 10);
                    if min >= MAXREPEAT {
                        return Err(too_large());
                    }
                }
                if !hi.is_empty() {
                    max = digits_value(&hi, 10);
                    if max >= MAXREPEAT {
                        return Err(too_large());
                    }
                    if max < min {
                        return Err(self
                            .src
                            .error("min repeat greater than max repeat", self.src.tell() - here));
                    }
                }
                (min, max)
            }
        };
        let offset = self.src.tell() - here + this.len();
        let item = match seq.last() {
            None | Some(Node::At(_)) => {
                return Err(self.src.error("nothing to repeat", offset));
            }
            Some(n) if n.is_repeat() => {
                return Err(self.src.error("multiple repeat", offset));
            }
            Some(_) => seq.pop(),
        };
        let body = match item {
            Some(Node::Group(None, 0, 0, p)) => p,
            Some(n) => vec![n],
            None => Vec::new(),
        };
        let kind = if self.src.matches('?')? {
            RepKind::Lazy
        } else if self.src.matches('+')? {
            RepKind::Possessive
        } else {
            RepKind::Greedy
        };
        seq.push(Node::Repeat(kind, min, max, body));
        Ok(true)
    }
}

impl Parser<'_> {
    fn expect_close(&mut self, start: usize) -> PResult<()> {
        if !self.src.matches(')')? {
            return Err(self.src.error(
                "missing ), unterminated subpattern",
                self.src.tell() - start,
            ));
        }
        Ok(())
    }

    fn unexpected_end(&self) -> ReError {
        self.src.error("unexpected end of pattern", 0)
    }

    /// A group after `(`: `None` for comments and global flags.
    fn parse_group(
        &mut self,
        verbose: &mut bool,
        nested: usize,
        first: bool,
        seq: &[Node],
    ) -> PResult<Option<Node>> {
        let start = self.src.tell() - 1;
        let mut name: Option<String> = None;
        let mut capture = true;
        let mut atomic = false;
        let (mut add, mut del) = (0, 0);
        if self.src.matches('?')? {
            let Some(tok) = self.src.get()? else {
                return Err(self.unexpected_end());
            };
            let c = match tok {
                Tok::C(c) => ch(c),
                Tok::Esc(_) => '\\',
            };
            match c {
                'P' => {
                    if self.src.matches('<')? {
                        let n = self.src.getuntil('>', "group name")?;
                        self.src.checkgroupname(&n, 1)?;
                        name = Some(n);
                    } else if self.src.matches('=')? {
                        let n = self.src.getuntil(')', "group name")?;
                        self.src.checkgroupname(&n, 1)?;
                        let len = n.chars().count() + 1;
                        let Some(&(_, gid)) = self.names.iter().find(|(k, _)| *k == n) else {
                            let msg =
                                format!("unknown group name {}", crate::vm::convert::str_repr(&n));
                            return Err(self.src.error(&msg, len));
                        };
                        if self.widths[gid].is_none() {
                            return Err(self.src.error("cannot refer to an open group", len));
                        }
                        self.check_lookbehind_group(gid)?;
                        return Ok(Some(Node::GroupRef(gid)));
                    } else {
                        let Some(t) = self.src.get()? else {
                            return Err(self.unexpected_end());
                        };
                        return Err(self
                            .src
                            .error(&format!("unknown extension ?P{}", t.text()), t.len() + 2));
                    }
                }
                ':' => capture = false,
                '#' => {
                    loop {
                        if self.src.next.is_none() {
                            return Err(self.src.error(
                                "missing ), unterminated comment",
                                self.src.tell() - start,
                            ));
                        }
                        if self.src.get()? == Some(Tok::C(')' as u32)) {
                            break;
                        }
                    }
                    return Ok(None);
                }
                '=' | '!' | '<' => {
                    return self.parse_assert(tok, start, nested, *verbose).map(Some);
                }
                '(' => return self.parse_conditional(start, nested, *verbose).map(Some),
                '>' => {
                    capture = false;
                    atomic = true;
                }
                _ if tok.len() == 1 && (c == '-' || flag_of(c as u32).is_some()) => {
                    match self.parse_flags(c as u32)? {
                        None => {
                            if !first || !seq.is_empty() {
                                return Err(self.src.error(
                                    "global flags not at the start of the expression",
                                    self.src.tell() - start,
                                ));
                            }
                            *verbose = self.flags & FLAG_VERBOSE != 0;
                            return Ok(None);
                        }
                        Some((a, d)) => {
                            add = a;
                            del = d;
                            capture = false;
                        }
                    }
                }
                _ => {
                    return Err(self
                        .src
                        .error(&format!("unknown extension ?{}", tok.text()), tok.len() + 1));
                }
            }
        }
        let group = if capture {
            match self.open_group(name.as_deref()) {
                Ok(g) => Some(g),
                Err(msg) => {
                    let n = name.as_deref().map_or(0, |n| n.chars().count());
                    return Err(self.src.error(&msg, n + 1));
                }
            }
        } else {
            None
        };
        let sub_verbose = (*verbose || add & FLAG_VERBOSE != 0) && del & FLAG_VERBOSE == 0;
        let body = self.parse_sub(sub_verbose, nested + 1)?;
        self.expect_close(start)?;
        if let Some(g) = group {
            self.widths[g] = Some(width(&body, &self.widths));
        }
        Ok(Some(if atomic {
            Node::Atomic(body)
        } else {
            Node::Group(group, add, del, body)
        }))
    }

    fn parse_assert(
        &mut self,
        tok: Tok,
        start: usize,
        nested: usize,
        verbose: bool,
    ) -> PResult<Node> {
        let mut kind = tok;
        let mut behind = false;
        let mut saved = None;
        if tok == Tok::C('<' as u32) {
            let Some(t) = self.src.get()? else {
                return Err(self.unexpected_end());
            };
            if t != Tok::C('=' as u32) && t != Tok::C('!' as u32) {
                return Err(self
                    .src
                    .error(&format!("unknown extension ?<{}", t.text()), t.len() + 2));
            }
            kind = t;
            behind = true;
            saved = Some(self.lookbehind);
            if self.lookbehind.is_none() {
                self.lookbehind = Some(self.widths.len());
            }
        }
        let body = self.parse_sub(verbose, nested + 1);
        if let Some(old) = saved
            && old.is_none()
        {
            self.lookbehind = None;
        }
        let body = body?;
        self.expect_close(start)?;
        let negate = kind == Tok::C('!' as u32);
        if negate && body.is_empty() {
            return Ok(Node::Failure);
        }
        Ok(Node::Assert {
            behind,
            negate,
            body,
        })
    }

    fn parse_conditional(&mut self, start: usize, nested: usize, verbose: bool) -> PResult<Node> {
        let name = self.src.getuntil(')', "group name")?;
        let len = name.chars().count() + 1;
        let group = if !(name.bytes().all(|b| b.is_ascii_digit())) {
            self.src.checkgroupname(&name, 1)?;
            match self.names.iter().find(|(k, _)| *k == name) {
                Some(&(_, g)) => g,
                None => {
                    let msg = format!("unknown group name {}", crate::vm::convert::str_repr(&name));
                    return Err(self.src.error(&msg, len));
                }
            }
        } else {
            let digits: Vec<u32> = name.chars().map(|c| c as u32).collect();
            let g = digits_value(&digits, 10);
            if g == 0 {
                return Err(self.src.error("bad group number", len));
            }
            if g >= MAXGROUPS as u64 {
                return Err(self.src.error(&format!("invalid group reference {g}"), len));
            }
            let g = g as usize;
            if !self.grouprefpos.iter().any(|&(k, _)| k == g) {
                self.grouprefpos.push((g, self.src.tell() - len));
            }
            g
        };
        self.check_lookbehind_group(group)?;
        let yes = self.parse_seq(verbose, nested + 1, false)?;
        let no = if self.src.matches('|')? {
            let no = self.parse_seq(verbose, nested + 1, false)?;
            if self.src.next_is('|') {
                return Err(self
                    .src
                    .error("conditional backref with more than two branches", 0));
            }
            Some(no)
        } else {
            None
        };
        self.expect_close(start)?;
        Ok(Node::GroupExists(group, yes, no))
    }

    /// Inline flags after `(?`; `None` for global flags `(?i)`.
    fn parse_flags(&mut self, first: u32) -> PResult<Option<(u32, u32)>> {
        let mut add = 0;
        let mut del = 0;
        let mut c = Some(Tok::C(first));
        if first != '-' as u32 {
            while let Some(Tok::C(k)) = c {
                let Some(flag) = flag_of(k) else { break };
                if self.src.is_text {
                    if k == 'L' as u32 {
                        return Err(self.src.error(
                            "bad inline flags: cannot use 'L' flag with a str pattern",
                            0,
                        ));
                    }
                } else if k == 'u' as u32 {
                    return Err(self.src.error(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(self.src.error(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                c = self.src.get()?;
                let Some(t) = c else {
                    return Err(self.src.error("missing -, : or )", 0));
                };
                if matches!(t, Tok::C(x) if x == ')' as u32 || x == '-' as u32 || x == ':' as u32) {
                    break;
                }
                if !matches!(t, Tok::C(x) if flag_of(x).is_some()) {
                    return Err(self.flag_error(t, "missing -, : or )"));
                }
            }
        }
        if c == Some(Tok::C(')' as u32)) {
            self.flags |= add;
            return Ok(None);
        }
        if c == Some(Tok::C('-' as u32)) {
            c = self.src.get()?;
            let Some(t) = c else {
                return Err(self.src.error("missing flag", 0));
            };
            if !matches!(t, Tok::C(x) if flag_of(x).is_some()) {
                return Err(self.flag_error(t, "missing flag"));
            }
            while let Some(Tok::C(k)) = c {
                let Some(flag) = flag_of(k) else { break };
                if flag & TYPE_FLAGS != 0 {
                    return Err(self.src.error(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= flag;
                c = self.src.get()?;
                let Some(t) = c else {
                    return Err(self.src.error("missing :", 0));
                };
                if t == Tok::C(':' as u32) {
                    break;
                }
                if !matches!(t, Tok::C(x) if flag_of(x).is_some()) {
                    return Err(self.flag_error(t, "missing :"));
                }
            }
        }
        if add & del != 0 {
            return Err(self
                .src
                .error("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }

    fn flag_error(&self, t: Tok, otherwise: &str) -> ReError {
        let alpha = matches!(t, Tok::C(x) if ch(x).is_alphabetic());
        let msg = if alpha { "unknown flag" } else { otherwise };
        self.src.error(msg, t.len())
    }
}
