//! Creating, raising, matching and printing exceptions.

use super::class::{Class, Instance};
use super::frame::Frame;
use super::function::Args;
use super::interp::Vm;
use super::value::Value;
use std::rc::Rc;

impl Vm {
    pub fn new_exc(&mut self, name: &str, msg: &str) -> Value {
        let cls = self.types.exc(name);
        self.exc_from_class(&cls, vec![Value::str(msg)])
    }

    pub fn new_exc_empty(&mut self, name: &str) -> Value {
        let cls = self.types.exc(name);
        self.exc_from_class(&cls, vec![])
    }

    pub fn exc_from_class(&mut self, cls: &Rc<Class>, args: Vec<Value>) -> Value {
        let inst = Instance::new(cls.clone());
        if let Some(d) = &inst.exc {
            d.borrow_mut().args = args;
        }
        Value::Instance(Rc::new(inst))
    }

    pub fn type_error(&mut self, msg: &str) -> Value {
        self.new_exc("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: &str) -> Value {
        self.new_exc("ValueError", msg)
    }

    pub fn is_exception_class(&self, c: &Rc<Class>) -> bool {
        c.layout == super::class::Layout::Exception
    }

    pub fn exc_matches_name(&self, exc: &Value, name: &str) -> bool {
        match (exc, self.types.exceptions.get(name)) {
            (Value::Instance(i), Some(c)) => i.class.is_subclass(c),
            _ => false,
        }
    }

    pub fn exc_args(&self, exc: &Value) -> Vec<Value> {
        match exc {
            Value::Instance(i) => match &i.exc {
                Some(d) => d.borrow().args.clone(),
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub fn set_cause(&self, exc: &Value, cause: &Value) {
        if let Value::Instance(i) = exc
            && let Some(d) = &i.exc
        {
            let mut d = d.borrow_mut();
            d.cause = cause.clone();
            d.suppress_context = true;
        }
    }

    /// `except T` matching: T is a class or a tuple of classes.
    pub fn exception_matches(&mut self, exc: &Value, t: &Value) -> Result<bool, Value> {
        mark_raised(exc);
        let cls = self.types.class_of(exc);
        match t {
            Value::Class(c) => {
                if !self.is_exception_class(c) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(cls.is_subclass(c))
            }
            Value::Tuple(items) => {
                for it in items.iter() {
                    if self.exception_matches(exc, it)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Turns what a `raise` statement names into an exception instance.
    pub fn make_exception(&mut self, v: Value) -> Result<Value, Value> {
        match &v {
            Value::Class(c) if self.is_exception_class(c) => self.call(&v, Args::default()),
            Value::Instance(i) if i.exc.is_some() => Ok(v),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    pub(crate) fn do_raise(&mut self, frame: &mut Frame, n: u8) -> Value {
        match n {
            0 => match self.current_handled() {
                Some(e) => {
                    mark_reraised(&e);
                    e
                }
                None => self.new_exc("RuntimeError", "No active exception to reraise"),
            },
            _ => {
                let cause = if n == 2 { Some(frame.pop()) } else { None };
                let v = frame.pop();
                let exc = match self.make_exception(v) {
                    Ok(e) => e,
                    Err(e) => return e,
                };
                mark_raised(&exc);
                if let Some(c) = cause {
                    let c = if c.is_none() {
                        Ok(Value::None)
                    } else {
                        self.make_exception(c)
                    };
                    match c {
                        Ok(c) => self.set_cause(&exc, &c),
                        Err(_) => {
                            return self
                                .type_error("exception causes must derive from BaseException");
                        }
                    }
                }
                exc
            }
        }
    }

    pub fn exc_group_members(&self, v: &Value) -> Option<Vec<Value>> {
        match v {
            Value::Instance(i) => i
                .exc
                .as_ref()
                .and_then(|d| d.borrow().group.as_ref().map(|(_, m)| m.clone())),
            _ => None,
        }
    }

    fn exc_group_message(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => i
                .exc
                .as_ref()
                .and_then(|d| d.borrow().group.as_ref().map(|(m, _)| m.clone()))
                .unwrap_or(Value::str("")),
            _ => Value::str(""),
        }
    }

    /// Builds an exception group of the same class as `template` (or
    /// ExceptionGroup / BaseExceptionGroup by content).
    pub fn new_group(
        &mut self,
        template: Option<&Value>,
        msg: Value,
        members: Vec<Value>,
    ) -> Value {
        let cls = match template {
            Some(Value::Instance(i)) => i.class.clone(),
            _ => {
                let all_exc = members
                    .iter()
                    .all(|m| self.exc_matches_name(m, "Exception"));
                self.types.exc(if all_exc {
                    "ExceptionGroup"
                } else {
                    "BaseExceptionGroup"
                })
            }
        };
        // A group made by splitting keeps its members in a list (CPython's
        // `derive`); a naked exception wrapped by `except*` in a tuple.
        let list = if template.is_some() {
            Value::list(members.clone())
        } else {
            Value::tuple(members.clone())
        };
        let e = self.exc_from_class(&cls, vec![msg.clone(), list]);
        if let Value::Instance(i) = &e
            && let Some(d) = &i.exc
        {
            d.borrow_mut().group = Some((msg, members));
        }
        e
    }

    /// Splits a group by an `except*` type: (rest or None, match or None).
    pub fn eg_match(&mut self, eg: Value, t: &Value) -> Result<(Value, Value), Value> {
        if eg.is_none() {
            return Ok((Value::None, Value::None));
        }
        if self.exc_group_members(&eg).is_none() {
            // A naked exception is matched as if wrapped in a group.
            if self.exception_matches(&eg, t)? {
                let g = self.new_group(None, Value::str(""), vec![eg]);
                return Ok((Value::None, g));
            }
            return Ok((eg, Value::None));
        }
        let (m, r) = self.split_group(&eg, t)?;
        Ok((r, m))
    }

    pub fn split_exception_group(
        &mut self,
        eg: &Value,
        t: &Value,
    ) -> Result<(Value, Value), Value> {
        self.split_group(eg, t)
    }

    /// `except*`/`split` matching: a class, a tuple of classes, or (for
    /// `split`/`subgroup`) a predicate.
    fn group_cond(&mut self, e: &Value, t: &Value) -> Result<bool, Value> {
        match t {
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) => {
                let r = self.call(t, super::function::Args::new([e.clone()]))?;
                self.truthy(&r)
            }
            _ => self.exception_matches(e, t),
        }
    }

    fn split_group(&mut self, eg: &Value, t: &Value) -> Result<(Value, Value), Value> {
        if self.group_cond(eg, t)? {
            return Ok((eg.clone(), Value::None));
        }
        let Some(members) = self.exc_group_members(eg) else {
            return Ok((Value::None, eg.clone()));
        };
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        let mut rest_unchanged = true;
        for m in members {
            if self.exc_group_members(&m).is_some() {
                let (a, b) = self.split_group(&m, t)?;
                if !a.is_none() {
                    matched.push(a);
                }
                if !b.is(&m) {
                    rest_unchanged = false;
                }
                if !b.is_none() {
                    rest.push(b);
                }
            } else if self.group_cond(&m, t)? {
                matched.push(m);
            } else {
                rest.push(m);
            }
        }
        let msg = self.exc_group_message(eg);
        let mk = |vm: &mut Vm, items: Vec<Value>, _total: usize| {
            if items.is_empty() {
                Value::None
            } else {
                let g = vm.new_group(Some(eg), msg.clone(), items);
                vm.copy_exc_meta(eg, &g);
                g
            }
        };
        let total = self.exc_group_members(eg).map(|m| m.len()).unwrap_or(0);
        let rest_is_all = rest_unchanged && rest.len() == total;
        let m = mk(self, matched, total);
        let r = if rest_is_all {
            eg.clone()
        } else {
            mk(self, rest, total)
        };
        Ok((m, r))
    }

    fn copy_exc_meta(&self, from: &Value, to: &Value) {
        if let (Value::Instance(a), Value::Instance(b)) = (from, to)
            && let (Some(da), Some(db)) = (&a.exc, &b.exc)
        {
            let da = da.borrow();
            let mut db = db.borrow_mut();
            db.cause = da.cause.clone();
            db.context = da.context.clone();
            db.traceback = da.traceback.clone();
            db.notes = da.notes.clone();
        }
    }

    /// After the `except*` clauses: what (if anything) to re-raise.
    /// `raised` lists what the clauses raised, a re-raise of a clause's
    /// matched part wrapped in a 1-tuple; `rest` is what no clause matched.
    /// Re-raised parts keep the original group's shape; new exceptions go
    /// into a new group beside them (CPython's `_PyExc_PrepReraiseStar`).
    pub fn prep_reraise_star(&mut self, orig: Value, raised: Value, rest: Value) -> Option<Value> {
        let items: Vec<Value> = match &raised {
            Value::List(l) => l.borrow().clone(),
            _ => Vec::new(),
        };
        let mut reraised = Vec::new();
        let mut new = Vec::new();
        for it in items {
            match &it {
                Value::Tuple(t) if t.len() == 1 => reraised.push(t[0].clone()),
                _ => new.push(it),
            }
        }
        if !rest.is_none() {
            reraised.push(rest);
        }
        if self.exc_group_members(&orig).is_none() {
            // A naked exception was wrapped: one clause at most ran.
            return new
                .into_iter()
                .next()
                .or_else(|| reraised.into_iter().next());
        }
        let mut keep = Vec::new();
        for e in &reraised {
            self.collect_leaves(e, &mut keep);
        }
        let kept = if keep.is_empty() {
            Value::None
        } else {
            self.project_group(&orig, &keep)
        };
        if new.is_empty() {
            return if kept.is_none() { None } else { Some(kept) };
        }
        if !kept.is_none() {
            new.push(kept);
        }
        if new.len() == 1 {
            return new.pop();
        }
        // CPython builds this group from a list.
        let g = self.new_group(None, Value::str(""), new);
        if let Value::Instance(i) = &g
            && let Some(d) = &i.exc
        {
            let members = d.borrow().group.as_ref().map(|(_, m)| m.clone());
            if let Some(members) = members {
                d.borrow_mut().args = vec![Value::str(""), Value::list(members)];
            }
        }
        Some(g)
    }

    /// The leaf exceptions of `e` (itself, for a plain exception), by address.
    fn collect_leaves(&self, e: &Value, out: &mut Vec<usize>) {
        match self.exc_group_members(e) {
            Some(members) => {
                for m in members {
                    self.collect_leaves(&m, out);
                }
            }
            None => out.extend(e.ptr()),
        }
    }

    /// `eg` cut down to the leaves in `keep`, its nesting kept; None if
    /// none is left.
    fn project_group(&mut self, eg: &Value, keep: &[usize]) -> Value {
        let Some(members) = self.exc_group_members(eg) else {
            return if e_in(eg, keep) {
                eg.clone()
            } else {
                Value::None
            };
        };
        let mut out = Vec::new();
        let mut whole = true;
        for m in &members {
            let p = self.project_group(m, keep);
            if !p.is(m) {
                whole = false;
            }
            if !p.is_none() {
                out.push(p);
            }
        }
        if whole {
            return eg.clone();
        }
        if out.is_empty() {
            return Value::None;
        }
        let msg = self.exc_group_message(eg);
        let g = self.new_group(Some(eg), msg, out);
        self.copy_exc_meta(eg, &g);
        g
    }

    // ------------------------------------------------------------ printing

    /// `str(exc)` as CPython computes it for built-in exceptions.
    pub fn exc_str(&mut self, exc: &Value) -> Result<String, Value> {
        let args = self.exc_args(exc);
        if let Some(members) = self.exc_group_members(exc) {
            let msg = self.exc_group_message(exc);
            let m = self.str(&msg)?;
            let n = members.len();
            return Ok(format!(
                "{m} ({n} sub-exception{})",
                if n == 1 { "" } else { "s" }
            ));
        }
        // SyntaxError(msg, (filename, lineno, offset, text, ...)).
        if self.exc_matches_name(exc, "SyntaxError")
            && args.len() == 2
            && let Value::Tuple(details) = &args[1]
            && details.len() >= 2
        {
            let msg = self.str(&args[0])?;
            return Ok(match (&details[0], &details[1]) {
                (Value::Str(f), Value::Int(n)) => format!("{msg} ({}, line {n})", f.as_str()),
                (_, Value::Int(n)) => format!("{msg} (line {n})"),
                (Value::Str(f), _) => format!("{msg} ({})", f.as_str()),
                _ => msg,
            });
        }
        if self.exc_matches_name(exc, "KeyError") && args.len() == 1 {
            return self.repr(&args[0]);
        }
        if (2..=5).contains(&args.len()) && self.exc_matches_name(exc, "OSError") {
            let errno = self.str(&args[0])?;
            let strerror = self.str(&args[1])?;
            return Ok(match (args.get(2), args.get(4)) {
                (Some(f), Some(f2)) if !matches!(f, Value::None) && !matches!(f2, Value::None) => {
                    let (a, b) = (self.repr(f)?, self.repr(f2)?);
                    format!("[Errno {errno}] {strerror}: {a} -> {b}")
                }
                (Some(f), _) if !matches!(f, Value::None) => {
                    format!("[Errno {errno}] {strerror}: {}", self.repr(f)?)
                }
                _ => format!("[Errno {errno}] {strerror}"),
            });
        }
        match args.len() {
            0 => Ok(String::new()),
            1 => self.str(&args[0]),
            _ => self.repr(&Value::tuple(args)),
        }
    }

    /// The last line of a traceback: `ValueError: boom`.
    pub fn exc_summary(&mut self, exc: &Value) -> String {
        let cls = self.types.class_of(exc);
        let name = if cls.module.as_ref() == "builtins" || cls.module.as_ref() == "__main__" {
            cls.qualname.to_string()
        } else {
            format!("{}.{}", cls.module, cls.qualname)
        };
        let msg = match self.str_of_exception(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    fn str_of_exception(&mut self, exc: &Value) -> Result<String, Value> {
        self.str(exc)
    }

    /// `BaseExceptionGroup(message, exceptions)` and subclasses.
    pub fn construct_group(&mut self, cls: &Rc<Class>, args: &[Value]) -> Result<Value, Value> {
        let name = cls.name.clone();
        if args.len() != 2 {
            return Err(
                self.type_error(&format!("{name} expected 2 arguments, got {}", args.len()))
            );
        }
        let msg = args[0].clone();
        if !matches!(msg, Value::Str(_)) {
            let tn = self.type_name(&msg);
            return Err(self.type_error(&format!("argument 1 must be str, not {tn}")));
        }
        let seq = args[1].clone();
        let members = match &seq {
            Value::List(_) | Value::Tuple(_) => self.collect(&seq)?,
            _ => {
                return Err(self.type_error("second argument (exceptions) must be a sequence"));
            }
        };
        if members.is_empty() {
            return Err(
                self.value_error("second argument (exceptions) must be a non-empty sequence")
            );
        }
        for (i, m) in members.iter().enumerate() {
            let ok = matches!(m, Value::Instance(inst) if inst.exc.is_some());
            if !ok {
                return Err(self.value_error(&format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
        let all_exc = members
            .iter()
            .all(|m| self.exc_matches_name(m, "Exception"));
        let base_group = self.types.exc("BaseExceptionGroup");
        let mut cls = cls.clone();
        if Rc::ptr_eq(&cls, &base_group) && all_exc {
            cls = self.types.exc("ExceptionGroup");
        } else if self.exc_matches_name_class(&cls, "Exception") && !all_exc {
            let nested = if Rc::ptr_eq(&cls, &self.types.exc("ExceptionGroup")) {
                "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
            } else {
                format!("Cannot nest BaseExceptions in '{}'", cls.name)
            };
            return Err(self.type_error(&nested));
        }
        let e = self.exc_from_class(&cls, vec![msg.clone(), seq]);
        if let Value::Instance(i) = &e
            && let Some(d) = &i.exc
        {
            d.borrow_mut().group = Some((msg, members));
        }
        Ok(e)
    }

    /// A full traceback, with the cause/context chain, as CPython prints it.
    pub fn format_traceback(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        self.format_chain(exc, &mut out, 0);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, depth: usize) {
        let (cause, context, suppress, tb) = match exc {
            Value::Instance(i) => match &i.exc {
                Some(d) => {
                    let d = d.borrow();
                    (
                        d.cause.clone(),
                        d.context.clone(),
                        d.suppress_context,
                        d.traceback.clone(),
                    )
                }
                None => (Value::None, Value::None, false, Vec::new()),
            },
            _ => (Value::None, Value::None, false, Vec::new()),
        };
        if depth < 20 {
            if !cause.is_none() {
                self.format_chain(&cause, out, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !context.is_none() && !suppress {
                self.format_chain(&context, out, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        if self.exc_group_members(exc).is_some() {
            let mut lines = Vec::new();
            self.group_lines(exc, 0, &mut lines);
            for l in lines {
                out.push_str(&l);
                out.push('\n');
            }
            return;
        }
        for l in self.plain_lines(exc, &tb) {
            out.push_str(&l);
            out.push('\n');
        }
    }

    /// Attaches a "help:" line that the traceback prints for a mistake
    /// learners make (kept out of the exception's args and str()).
    pub fn set_hint(&mut self, exc: &Value, hint: &str) {
        if let Value::Instance(i) = exc {
            i.dict
                .borrow_mut()
                .insert("__aio_hint__".into(), Value::str(hint));
        }
    }

    fn hint_of(&self, exc: &Value) -> Option<String> {
        match exc {
            Value::Instance(i) => match i.dict.borrow().get("__aio_hint__") {
                Some(Value::Str(s)) => Some(s.as_str().to_string()),
                _ => None,
            },
            _ => None,
        }
    }

    /// The summary line as a traceback prints it: with "Did you mean".
    fn summary_with_suggestion(&mut self, exc: &Value) -> String {
        let mut summary = self.exc_summary(exc);
        if let Value::Instance(i) = exc
            && let Some(Value::Str(s)) = i.dict.borrow().get("__suggestion__")
        {
            summary.push_str(&format!(". Did you mean: '{}'?", s.as_str()));
        }
        summary
    }

    fn plain_lines(&mut self, exc: &Value, tb: &[super::class::TraceEntry]) -> Vec<String> {
        let mut lines = Vec::new();
        if !tb.is_empty() {
            lines.push("Traceback (most recent call last):".to_string());
            // Runs of the same frame and line collapse after three, as
            // traceback.py's StackSummary.format does for deep recursion.
            const CUTOFF: usize = 3;
            let repeated = |count: usize| {
                let n = count - CUTOFF;
                format!(
                    "  [Previous line repeated {n} more time{}]",
                    if n > 1 { "s" } else { "" }
                )
            };
            let mut last: Option<(&str, u32, &str)> = None;
            let mut count = 0;
            for entry in tb.iter().rev() {
                let key = (&*entry.code.filename, entry.line, &*entry.code.name);
                if last != Some(key) {
                    if count > CUTOFF {
                        lines.push(repeated(count));
                    }
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > CUTOFF {
                    continue;
                }
                lines.push(format!(
                    "  File \"{}\", line {}, in {}",
                    entry.code.filename, entry.line, entry.code.name
                ));
                if let Some(src) = self.source_line(&entry.code.filename, entry.line) {
                    lines.push(format!("    {}", src.trim()));
                }
            }
            if count > CUTOFF {
                lines.push(repeated(count));
            }
        }
        let summary = self.summary_with_suggestion(exc);
        // aio's teaching hint goes just above CPython's own last line, which
        // stays the last line (tests compare it).
        if let Some(hint) = self.hint_of(exc) {
            lines.push(format!("  help: {hint}"));
        }
        lines.extend(summary.lines().map(|s| s.to_string()));
        lines.extend(self.note_lines(exc));
        lines
    }

    /// The lines of an exception's `__notes__`, printed after its summary.
    fn note_lines(&mut self, exc: &Value) -> Vec<String> {
        let notes = match exc {
            Value::Instance(i) => i
                .exc
                .as_ref()
                .map(|d| d.borrow().notes.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for n in notes {
            let text = self
                .str(&n)
                .unwrap_or_else(|_| "<note str() failed>".to_string());
            out.extend(text.lines().map(str::to_string));
        }
        out
    }

    /// CPython's boxed layout for exception groups.
    fn group_lines(&mut self, exc: &Value, level: usize, out: &mut Vec<String>) {
        let m = " ".repeat(2 + 2 * level);
        let tb = match exc {
            Value::Instance(i) => i
                .exc
                .as_ref()
                .map(|d| d.borrow().traceback.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut first = true;
        if !tb.is_empty() {
            out.push(format!(
                "{m}{} Exception Group Traceback (most recent call last):",
                if level == 0 { "+" } else { "|" }
            ));
            first = false;
            for entry in tb.iter().rev() {
                out.push(format!(
                    "{m}|   File \"{}\", line {}, in {}",
                    entry.code.filename, entry.line, entry.code.name
                ));
                if let Some(src) = self.source_line(&entry.code.filename, entry.line) {
                    out.push(format!("{m}|     {}", src.trim()));
                }
            }
        }
        let summary = self.exc_summary(exc);
        for l in summary.lines() {
            out.push(format!(
                "{m}{} {l}",
                if first && level == 0 { "+" } else { "|" }
            ));
            first = false;
        }
        for l in self.note_lines(exc) {
            out.push(format!("{m}| {l}"));
        }
        let members = self.exc_group_members(exc).unwrap_or_default();
        // traceback's max_group_width: the rest are summarised in one box.
        const WIDTH: usize = 15;
        if members.len() > WIDTH {
            let mut shown = members[..WIDTH].to_vec();
            shown.push(Value::None);
            let rest = members.len() - WIDTH;
            return self.group_members(&shown, level, out, Some(rest));
        }
        self.group_members(&members, level, out, None)
    }

    /// The boxes of a group's members; `more` counts those cut off after
    /// the last real one (whose place holds None).
    fn group_members(
        &mut self,
        members: &[Value],
        level: usize,
        out: &mut Vec<String>,
        more: Option<usize>,
    ) {
        let m = " ".repeat(2 + 2 * level);
        let m2 = " ".repeat(2 + 2 * (level + 1));
        let n = members.len();
        for (i, sub) in members.iter().enumerate() {
            if let (Some(rest), true) = (more, i + 1 == n) {
                out.push(format!("{m2}+---------------- ... ----------------"));
                let s = if rest > 1 { "s" } else { "" };
                out.push(format!("{m2}| and {rest} more exception{s}"));
                out.push(format!("{m2}+------------------------------------"));
                break;
            }
            if i == 0 {
                out.push(format!("{m}+-+---------------- {} ----------------", i + 1));
            } else {
                out.push(format!("{m2}+---------------- {} ----------------", i + 1));
            }
            let nested = self.exc_group_members(sub).is_some();
            // traceback's max_group_depth: deeper groups become one line,
            // which leaves the closing line to this group.
            const DEPTH: usize = 10;
            if nested && level + 1 >= DEPTH {
                out.push(format!("{m2}| ... (max_group_depth is {DEPTH})"));
                if i + 1 == n {
                    out.push(format!("{m2}+------------------------------------"));
                }
                continue;
            }
            if nested {
                self.group_lines(sub, level + 1, out);
            } else {
                let stb = match sub {
                    Value::Instance(si) => si
                        .exc
                        .as_ref()
                        .map(|d| d.borrow().traceback.clone())
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                for l in self.plain_lines(sub, &stb) {
                    out.push(format!("{m2}| {l}"));
                }
            }
            // A nested group as the last member draws the closing line
            // itself; CPython does not repeat it for the outer group.
            if i + 1 == n && !nested {
                out.push(format!("{m2}+------------------------------------"));
            }
        }
    }

    fn source_line(&self, filename: &str, line: u32) -> Option<String> {
        super::sources::line(filename, line)
    }
}

/// The OSError subclass CPython picks for an errno (`OSError(111, ...)` is a
/// ConnectionRefusedError).
pub fn errno_class(errno: i64) -> Option<&'static str> {
    let e = i32::try_from(errno).ok()?;
    Some(match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => "BlockingIOError",
        libc::ECHILD => "ChildProcessError",
        libc::EPIPE | libc::ESHUTDOWN => "BrokenPipeError",
        libc::ECONNABORTED => "ConnectionAbortedError",
        libc::ECONNREFUSED => "ConnectionRefusedError",
        libc::ECONNRESET => "ConnectionResetError",
        libc::EEXIST => "FileExistsError",
        libc::ENOENT => "FileNotFoundError",
        libc::EINTR => "InterruptedError",
        libc::EISDIR => "IsADirectoryError",
        libc::ENOTDIR => "NotADirectoryError",
        libc::EACCES | libc::EPERM => "PermissionError",
        libc::ESRCH => "ProcessLookupError",
        libc::ETIMEDOUT => "TimeoutError",
        _ => return None,
    })
}

/// Records that `exc` has been raised (see `ExcData::raised`).
fn e_in(e: &Value, keep: &[usize]) -> bool {
    e.ptr().is_some_and(|p| keep.contains(&p))
}

/// Whether `a` and `b` carry the same traceback (a part split from a group
/// copies the group's; raising it anew adds an entry).
pub fn same_traceback(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Instance(x), Value::Instance(y)) => match (&x.exc, &y.exc) {
            (Some(dx), Some(dy)) => dx.borrow().traceback.len() == dy.borrow().traceback.len(),
            _ => false,
        },
        _ => false,
    }
}

pub fn mark_reraised(exc: &Value) {
    if let Value::Instance(i) = exc
        && let Some(d) = &i.exc
        && let Ok(mut d) = d.try_borrow_mut()
    {
        d.reraised = true;
    }
}

/// Takes the re-raise mark (see `ExcData::reraised`).
pub fn take_reraised(exc: &Value) -> bool {
    if let Value::Instance(i) = exc
        && let Some(d) = &i.exc
        && let Ok(mut d) = d.try_borrow_mut()
    {
        return std::mem::take(&mut d.reraised);
    }
    false
}

/// Whether a frame of `code` appears in tracebacks: list, set and dict
/// comprehensions are inlined into their function in CPython 3.13.
pub fn shows_in_traceback(code: &crate::compiler::bytecode::Code) -> bool {
    !matches!(&*code.name, "<listcomp>" | "<setcomp>" | "<dictcomp>")
}

fn mark_raised(exc: &Value) {
    if let Value::Instance(i) = exc
        && let Some(d) = &i.exc
        && let Ok(mut d) = d.try_borrow_mut()
    {
        d.raised = true;
    }
}
