//! Parser tests. ASTs are compared through a compact S-expression printer
//! so each case fits on one line.

use super::*;
use crate::ast::*;
use crate::diagnostics::{SyntaxKind, line_col};
use std::fmt::Write;

fn c(out: &mut String, k: &Constant) {
    match k {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => write!(out, "{i}").unwrap_or(()),
        Constant::Float(f) => write!(out, "{f:?}").unwrap_or(()),
        Constant::Imag(f) => write!(out, "{f:?}j").unwrap_or(()),
        Constant::Str(s) => write!(out, "{s:?}").unwrap_or(()),
        Constant::Bytes(b) => write!(out, "b{:?}", String::from_utf8_lossy(b)).unwrap_or(()),
    }
}

fn list(out: &mut String, items: &[Expr]) {
    for i in items {
        out.push(' ');
        e(out, i);
    }
}

fn comps(out: &mut String, gens: &[Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " (async-for " } else { " (for " });
        e(out, &g.target);
        out.push(' ');
        e(out, &g.iter);
        for i in &g.ifs {
            out.push_str(" (if ");
            e(out, i);
            out.push(')');
        }
        out.push(')');
    }
}

fn opt(out: &mut String, x: &Option<Box<Expr>>) {
    match x {
        Some(x) => e(out, x),
        None => out.push('_'),
    }
}

fn fparts(out: &mut String, parts: &[FStringPart]) {
    for p in parts {
        out.push(' ');
        match p {
            FStringPart::Literal(s) => write!(out, "{s:?}").unwrap_or(()),
            FStringPart::Value {
                expr,
                conversion,
                format_spec,
            } => {
                out.push('{');
                e(out, expr);
                if let Some(c) = conversion {
                    write!(out, " !{c}").unwrap_or(());
                }
                if let Some(spec) = format_spec {
                    out.push_str(" :");
                    fparts(out, spec);
                }
                out.push('}');
            }
        }
    }
}

fn params(out: &mut String, p: &Params) {
    out.push('(');
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push(' ');
        }
        first = false;
    };
    let one = |out: &mut String, prefix: &str, p: &Param| {
        out.push_str(prefix);
        out.push_str(&p.name);
        if let Some(a) = &p.annotation {
            out.push(':');
            e(out, a);
        }
        if let Some(d) = &p.default {
            out.push('=');
            e(out, d);
        }
    };
    for a in &p.posonly {
        sep(out);
        one(out, "", a);
    }
    if !p.posonly.is_empty() {
        sep(out);
        out.push('/');
    }
    for a in &p.args {
        sep(out);
        one(out, "", a);
    }
    if let Some(v) = &p.vararg {
        sep(out);
        one(out, "*", v);
    } else if !p.kwonly.is_empty() {
        sep(out);
        out.push('*');
    }
    for a in &p.kwonly {
        sep(out);
        one(out, "", a);
    }
    if let Some(v) = &p.kwarg {
        sep(out);
        one(out, "**", v);
    }
    out.push(')');
}

fn kws(out: &mut String, k: &[Keyword]) {
    for k in k {
        out.push(' ');
        match &k.name {
            Some(n) => write!(out, "{n}=").unwrap_or(()),
            None => out.push_str("**"),
        }
        e(out, &k.value);
    }
}

fn e(out: &mut String, x: &Expr) {
    use ExprKind::*;
    match &x.kind {
        Name(n) => out.push_str(n),
        PatternAs { value, name } => {
            out.push_str("(as ");
            e(out, value);
            write!(out, " {name})").unwrap_or(());
        }
        Constant(k) => c(out, k),
        JoinedStr(parts) => {
            out.push_str("(f");
            fparts(out, parts);
            out.push(')');
        }
        BinOp { left, op, right } => {
            write!(out, "({op:?} ").unwrap_or(());
            e(out, left);
            out.push(' ');
            e(out, right);
            out.push(')');
        }
        UnaryOp { op, operand } => {
            write!(out, "({op:?} ").unwrap_or(());
            e(out, operand);
            out.push(')');
        }
        BoolOp { op, values } => {
            write!(out, "({op:?}").unwrap_or(());
            list(out, values);
            out.push(')');
        }
        Compare {
            left,
            ops,
            comparators,
        } => {
            out.push('(');
            e(out, left);
            for (o, r) in ops.iter().zip(comparators) {
                write!(out, " {o:?} ").unwrap_or(());
                e(out, r);
            }
            out.push(')');
        }
        Call {
            func,
            args,
            keywords,
        } => {
            out.push_str("(call ");
            e(out, func);
            list(out, args);
            kws(out, keywords);
            out.push(')');
        }
        Attribute { value, attr } => {
            out.push_str("(. ");
            e(out, value);
            write!(out, " {attr})").unwrap_or(());
        }
        Subscript { value, index } => {
            out.push_str("(sub ");
            e(out, value);
            out.push(' ');
            e(out, index);
            out.push(')');
        }
        Slice { lower, upper, step } => {
            out.push_str("(slice ");
            opt(out, lower);
            out.push(' ');
            opt(out, upper);
            out.push(' ');
            opt(out, step);
            out.push(')');
        }
        List(items) => {
            out.push_str("[list");
            list(out, items);
            out.push(']');
        }
        Tuple(items) => {
            out.push_str("(tuple");
            list(out, items);
            out.push(')');
        }
        Set(items) => {
            out.push_str("{set");
            list(out, items);
            out.push('}');
        }
        Dict(items) => {
            out.push_str("{dict");
            for i in items {
                out.push(' ');
                match i {
                    DictItem::KeyValue(k, v) => {
                        e(out, k);
                        out.push(':');
                        e(out, v);
                    }
                    DictItem::Unpack(v) => {
                        out.push_str("**");
                        e(out, v);
                    }
                }
            }
            out.push('}');
        }
        Starred(v) => {
            out.push('*');
            e(out, v);
        }
        IfExp { test, body, orelse } => {
            out.push_str("(if ");
            e(out, test);
            out.push(' ');
            e(out, body);
            out.push(' ');
            e(out, orelse);
            out.push(')');
        }
        Lambda { params: p, body } => {
            out.push_str("(lambda ");
            params(out, p);
            out.push(' ');
            e(out, body);
            out.push(')');
        }
        ListComp { elt, generators } => {
            out.push_str("(listcomp ");
            e(out, elt);
            comps(out, generators);
            out.push(')');
        }
        SetComp { elt, generators } => {
            out.push_str("(setcomp ");
            e(out, elt);
            comps(out, generators);
            out.push(')');
        }
        GeneratorExp { elt, generators } => {
            out.push_str("(genexp ");
            e(out, elt);
            comps(out, generators);
            out.push(')');
        }
        DictComp {
            key,
            value,
            generators,
        } => {
            out.push_str("(dictcomp ");
            e(out, key);
            out.push(':');
            e(out, value);
            comps(out, generators);
            out.push(')');
        }
        Await(v) => {
            out.push_str("(await ");
            e(out, v);
            out.push(')');
        }
        Yield(v) => {
            out.push_str("(yield");
            if let Some(v) = v {
                out.push(' ');
                e(out, v);
            }
            out.push(')');
        }
        YieldFrom(v) => {
            out.push_str("(yield-from ");
            e(out, v);
            out.push(')');
        }
        NamedExpr { target, value } => {
            write!(out, "(:= {target} ").unwrap_or(());
            e(out, value);
            out.push(')');
        }
    }
}

fn body(out: &mut String, label: &str, stmts: &[Stmt], ind: usize) {
    if !label.is_empty() {
        writeln!(out, "{}{label}", "  ".repeat(ind)).unwrap_or(());
    }
    for st in stmts {
        s(out, st, ind + 1);
    }
}

fn s(out: &mut String, st: &Stmt, ind: usize) {
    use StmtKind::*;
    let pad = "  ".repeat(ind);
    out.push_str(&pad);
    match &st.kind {
        Expr(x) => e(out, x),
        Match { subject, cases } => {
            out.push_str("(match ");
            e(out, subject);
            write!(out, " {} cases)", cases.len()).unwrap_or(());
        }
        Assign { targets, value } => {
            out.push_str("(=");
            list(out, targets);
            out.push(' ');
            e(out, value);
            out.push(')');
        }
        AugAssign { target, op, value } => {
            write!(out, "({op:?}= ").unwrap_or(());
            e(out, target);
            out.push(' ');
            e(out, value);
            out.push(')');
        }
        AnnAssign {
            target,
            annotation,
            value,
        } => {
            out.push_str("(ann ");
            e(out, target);
            out.push(' ');
            e(out, annotation);
            if let Some(v) = value {
                out.push(' ');
                e(out, v);
            }
            out.push(')');
        }
        Delete(t) => {
            out.push_str("(del");
            list(out, t);
            out.push(')');
        }
        Pass => out.push_str("pass"),
        Break => out.push_str("break"),
        Continue => out.push_str("continue"),
        Return(v) => {
            out.push_str("(return");
            if let Some(v) = v {
                out.push(' ');
                e(out, v);
            }
            out.push(')');
        }
        If {
            test,
            body: b,
            orelse,
        } => {
            out.push_str("(if ");
            e(out, test);
            out.push_str(")\n");
            body(out, "", b, ind);
            if !orelse.is_empty() {
                body(out, "else", orelse, ind);
            }
            return;
        }
        While {
            test,
            body: b,
            orelse,
        } => {
            out.push_str("(while ");
            e(out, test);
            out.push_str(")\n");
            body(out, "", b, ind);
            if !orelse.is_empty() {
                body(out, "else", orelse, ind);
            }
            return;
        }
        For {
            target,
            iter,
            body: b,
            orelse,
            is_async,
        } => {
            out.push_str(if *is_async { "(async-for " } else { "(for " });
            e(out, target);
            out.push(' ');
            e(out, iter);
            out.push_str(")\n");
            body(out, "", b, ind);
            if !orelse.is_empty() {
                body(out, "else", orelse, ind);
            }
            return;
        }
        FunctionDef(f) => {
            for d in &f.decorators {
                out.push('@');
                e(out, d);
                out.push(' ');
            }
            out.push_str(if f.is_async { "(async-def " } else { "(def " });
            out.push_str(&f.name);
            params(out, &f.params);
            if let Some(r) = &f.returns {
                out.push_str(" -> ");
                e(out, r);
            }
            out.push_str(")\n");
            body(out, "", &f.body, ind);
            return;
        }
        ClassDef(cd) => {
            for d in &cd.decorators {
                out.push('@');
                e(out, d);
                out.push(' ');
            }
            write!(out, "(class {}", cd.name).unwrap_or(());
            list(out, &cd.bases);
            kws(out, &cd.keywords);
            out.push_str(")\n");
            body(out, "", &cd.body, ind);
            return;
        }
        Try {
            body: b,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => {
            out.push_str(if *is_star { "(try*)\n" } else { "(try)\n" });
            body(out, "", b, ind);
            for h in handlers {
                out.push_str(&pad);
                out.push_str("(except");
                if let Some(t) = &h.typ {
                    out.push(' ');
                    e(out, t);
                }
                if let Some(n) = &h.name {
                    write!(out, " as {n}").unwrap_or(());
                }
                out.push_str(")\n");
                body(out, "", &h.body, ind);
            }
            if !orelse.is_empty() {
                body(out, "else", orelse, ind);
            }
            if !finalbody.is_empty() {
                body(out, "finally", finalbody, ind);
            }
            return;
        }
        Raise { exc, cause } => {
            out.push_str("(raise");
            if let Some(x) = exc {
                out.push(' ');
                e(out, x);
            }
            if let Some(x) = cause {
                out.push_str(" from ");
                e(out, x);
            }
            out.push(')');
        }
        With {
            items,
            body: b,
            is_async,
        } => {
            out.push_str(if *is_async { "(async-with" } else { "(with" });
            for i in items {
                out.push(' ');
                e(out, &i.context);
                if let Some(v) = &i.vars {
                    out.push_str(" as ");
                    e(out, v);
                }
                out.push(';');
            }
            out.push_str(")\n");
            body(out, "", b, ind);
            return;
        }
        Global(n) => write!(out, "(global {})", n.join(" ")).unwrap_or(()),
        Nonlocal(n) => write!(out, "(nonlocal {})", n.join(" ")).unwrap_or(()),
        Import(a) => {
            out.push_str("(import");
            for a in a {
                write!(out, " {}", a.name).unwrap_or(());
                if let Some(x) = &a.asname {
                    write!(out, " as {x}").unwrap_or(());
                }
            }
            out.push(')');
        }
        ImportFrom {
            module,
            names,
            level,
        } => {
            write!(out, "(from {}{module} import", ".".repeat(*level)).unwrap_or(());
            for a in names {
                write!(out, " {}", a.name).unwrap_or(());
                if let Some(x) = &a.asname {
                    write!(out, " as {x}").unwrap_or(());
                }
            }
            out.push(')');
        }
        Assert { test, msg } => {
            out.push_str("(assert ");
            e(out, test);
            if let Some(m) = msg {
                out.push(' ');
                e(out, m);
            }
            out.push(')');
        }
    }
    out.push('\n');
}

fn show_expr(x: &Expr) -> String {
    let mut out = String::new();
    e(&mut out, x);
    out
}

#[track_caller]
fn px(src: &str) -> String {
    match parse_expression(src) {
        Ok(x) => show_expr(&x),
        Err(errs) => panic!("{src:?} failed: {errs:#?}"),
    }
}

#[track_caller]
fn pm(src: &str) -> String {
    match parse(src) {
        Ok(m) => {
            let mut out = String::new();
            for st in &m.body {
                s(&mut out, st, 0);
            }
            out.trim_end().to_string()
        }
        Err(errs) => panic!("{src:?} failed: {errs:#?}"),
    }
}

#[track_caller]
fn errs(src: &str) -> Vec<SyntaxError> {
    match parse(src) {
        Ok(m) => panic!("{src:?} parsed: {m:#?}"),
        Err(errs) => errs,
    }
}

/// The first error's message and 1-based line and column.
#[track_caller]
fn err1(src: &str) -> (String, usize, usize) {
    let es = errs(src);
    let (l, col) = line_col(src, es[0].span.start);
    (es[0].message.clone(), l, col)
}

#[test]
fn atoms() {
    assert_eq!(px("x"), "x");
    assert_eq!(px("1"), "1");
    assert_eq!(px("1.5"), "1.5");
    assert_eq!(px("2j"), "2.0j");
    assert_eq!(px("None"), "None");
    assert_eq!(px("..."), "...");
    assert_eq!(px("'a' 'b'"), "\"ab\"");
    assert_eq!(px("b'a' b'b'"), "b\"ab\"");
    assert_eq!(px("()"), "(tuple)");
    assert_eq!(px("(1,)"), "(tuple 1)");
    assert_eq!(px("(1)"), "1");
    assert_eq!(px("(1, 2,)"), "(tuple 1 2)");
    assert_eq!(px("[]"), "[list]");
    assert_eq!(px("[1, *a]"), "[list 1 *a]");
    assert_eq!(px("{}"), "{dict}");
    assert_eq!(px("{1: 2, **d}"), "{dict 1:2 **d}");
    assert_eq!(px("{**d, 1: 2}"), "{dict **d 1:2}");
    assert_eq!(px("{1, 2}"), "{set 1 2}");
    assert_eq!(px("{1}"), "{set 1}");
    assert_eq!(px("a, b"), "(tuple a b)");
    assert_eq!(px("a,"), "(tuple a)");
}

#[test]
fn comprehensions() {
    assert_eq!(px("[x for x in y]"), "(listcomp x (for x y))");
    assert_eq!(
        px("[x for x in y if x if z for a, b in c]"),
        "(listcomp x (for x y (if x) (if z)) (for (tuple a b) c))"
    );
    assert_eq!(px("{x for x in y}"), "(setcomp x (for x y))");
    assert_eq!(
        px("{k: v for k, v in d}"),
        "(dictcomp k:v (for (tuple k v) d))"
    );
    assert_eq!(px("(x for x in y)"), "(genexp x (for x y))");
    assert_eq!(px("[x async for x in y]"), "(listcomp x (async-for x y))");
    assert_eq!(px("f(x for x in y)"), "(call f (genexp x (for x y)))");
    assert_eq!(
        px("[y := f(x) for x in z]"),
        "(listcomp (:= y (call f x)) (for x z))"
    );
}

#[test]
fn precedence() {
    assert_eq!(px("-2**2"), "(Neg (Pow 2 2))");
    assert_eq!(px("2**-1"), "(Pow 2 (Neg 1))");
    assert_eq!(px("2**3**4"), "(Pow 2 (Pow 3 4))");
    assert_eq!(px("not a == b"), "(Not (a Eq b))");
    assert_eq!(px("a if b else c if d else e"), "(if b a (if d c e))");
    assert_eq!(px("lambda: x if y else z"), "(lambda () (if y x z))");
    assert_eq!(px("a < b <= c"), "(a Lt b LtE c)");
    assert_eq!(px("a not in b is not c"), "(a NotIn b IsNot c)");
    assert_eq!(px("a or b and not c"), "(Or a (And b (Not c)))");
    assert_eq!(
        px("a | b ^ c & d << e + f * g"),
        "(BitOr a (BitXor b (BitAnd c (LShift d (Add e (Mul f g))))))"
    );
    assert_eq!(px("a - b - c"), "(Sub (Sub a b) c)");
    assert_eq!(
        px("a // b % c @ d / e"),
        "(Div (MatMul (Mod (FloorDiv a b) c) d) e)"
    );
    assert_eq!(px("~a + -b"), "(Add (Invert a) (Neg b))");
    assert_eq!(px("await x ** 2"), "(Pow (await x) 2)");
    assert_eq!(px("-await x"), "(Neg (await x))");
    assert_eq!(px("await f(x).y"), "(await (. (call f x) y))");
    assert_eq!(px("a >> b < c"), "((RShift a b) Lt c)");
}

#[test]
fn primaries() {
    assert_eq!(px("f(a, *b, c=1, **d)"), "(call f a *b c=1 **d)");
    assert_eq!(px("a.b.c"), "(. (. a b) c)");
    assert_eq!(px("a[1:2:3]"), "(sub a (slice 1 2 3))");
    assert_eq!(px("a[::2]"), "(sub a (slice _ _ 2))");
    assert_eq!(px("a[:]"), "(sub a (slice _ _ _))");
    assert_eq!(px("a[1:]"), "(sub a (slice 1 _ _))");
    assert_eq!(px("a[1, 2]"), "(sub a (tuple 1 2))");
    assert_eq!(
        px("a[1:2, ::3]"),
        "(sub a (tuple (slice 1 2 _) (slice _ _ 3)))"
    );
    assert_eq!(px("a[*b]"), "(sub a *b)");
    assert_eq!(px("f()()[0].x"), "(. (sub (call (call f)) 0) x)");
    assert_eq!(px("(x := 1)"), "(:= x 1)");
    assert_eq!(px("f(x := 1)"), "(call f (:= x 1))");
}

#[test]
fn lambdas_and_yield() {
    assert_eq!(
        px("lambda a, b=1, *c, d, **e: a"),
        "(lambda (a b=1 *c d **e) a)"
    );
    assert_eq!(px("lambda *, k: k"), "(lambda (* k) k)");
    assert_eq!(px("lambda a, /, b: a"), "(lambda (a / b) a)");
    assert_eq!(px("(yield)"), "(yield)");
    assert_eq!(px("(yield x)"), "(yield x)");
    assert_eq!(px("(yield a, b)"), "(yield (tuple a b))");
    assert_eq!(px("(yield from g)"), "(yield-from g)");
}

#[test]
fn fstrings() {
    assert_eq!(px("f'a{x}b'"), "(f \"a\" {x} \"b\")");
    assert_eq!(px("f'{x!r}'"), "(f {x !r})");
    assert_eq!(px("f'{x:>10}'"), "(f {x : \">10\"})");
    assert_eq!(px("f'{x:{w}.{p}f}'"), "(f {x : {w} \".\" {p} \"f\"})");
    assert_eq!(px("f'{x=}'"), "(f \"x=\" {x !r})");
    assert_eq!(px("f'{x = }'"), "(f \"x = \" {x !r})");
    assert_eq!(px("f'{x=:>10}'"), "(f \"x=\" {x : \">10\"})");
    assert_eq!(px("f'{x=!s}'"), "(f \"x=\" {x !s})");
    assert_eq!(px("f'{{}}'"), "(f \"{}\")");
    assert_eq!(px("f'{a!=b}'"), "(f {(a NotEq b)})");
    assert_eq!(px("f'{a == b}'"), "(f {(a Eq b)})");
    assert_eq!(px("f'{d[\"k\"]}'"), "(f {(sub d \"k\")})");
    assert_eq!(px("f\"{d[\"k\"]}\""), "(f {(sub d \"k\")})");
    assert_eq!(px("f'{f\"{x}\"}'"), "(f {(f {x})})");
    assert_eq!(px("f'{(lambda: 1)()}'"), "(f {(call (lambda () 1))})");
    assert_eq!(px("f'{a[1:2]}'"), "(f {(sub a (slice 1 2 _))})");
    assert_eq!(px("'a' f'{x}' 'b'"), "(f \"a\" {x} \"b\")");
    assert_eq!(px("f'\\n{x}'"), "(f \"\\n\" {x})");
    assert_eq!(px("rf'\\n{x}'"), "(f \"\\\\n\" {x})");
    assert_eq!(px("f'{x}' f'{y}'"), "(f {x} {y})");
    assert_eq!(px("f''"), "(f)");
}

#[test]
fn fstring_spans_are_absolute() {
    let src = "x = f'ab{yy}'\n";
    let m = parse(src).unwrap_or_else(|e| panic!("{e:?}"));
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!("not an assignment")
    };
    let ExprKind::JoinedStr(parts) = &value.kind else {
        panic!("not an f-string")
    };
    let FStringPart::Value { expr, .. } = &parts[1] else {
        panic!("no field")
    };
    assert_eq!(&src[expr.span.start..expr.span.end], "yy");
}

#[test]
fn simple_statements() {
    assert_eq!(pm("x = 1"), "(= x 1)");
    assert_eq!(pm("a = b = 1"), "(= a b 1)");
    assert_eq!(pm("a, *b = c"), "(= (tuple a *b) c)");
    assert_eq!(pm("[a, b] = c"), "(= [list a b] c)");
    assert_eq!(pm("a.b[c] = d"), "(= (sub (. a b) c) d)");
    assert_eq!(pm("x = yield y"), "(= x (yield y))");
    assert_eq!(pm("x = 1, 2"), "(= x (tuple 1 2))");
    assert_eq!(pm("x += 1"), "(Add= x 1)");
    assert_eq!(
        pm("x **= 2; y //= 3; z >>= 1; w @= m"),
        "(Pow= x 2)\n(FloorDiv= y 3)\n(RShift= z 1)\n(MatMul= w m)"
    );
    assert_eq!(pm("x: int = 1"), "(ann x int 1)");
    assert_eq!(pm("x: list[int]"), "(ann x (sub list int))");
    assert_eq!(pm("del a, b[0]"), "(del a (sub b 0))");
    assert_eq!(pm("pass; break; continue"), "pass\nbreak\ncontinue");
    assert_eq!(pm("return"), "(return)");
    assert_eq!(pm("return a, b"), "(return (tuple a b))");
    assert_eq!(pm("return *a, b"), "(return (tuple *a b))");
    assert_eq!(pm("raise"), "(raise)");
    assert_eq!(pm("raise E from e"), "(raise E from e)");
    assert_eq!(pm("global a, b"), "(global a b)");
    assert_eq!(pm("nonlocal a"), "(nonlocal a)");
    assert_eq!(pm("import a.b.c as d, e"), "(import a.b.c as d e)");
    assert_eq!(pm("from m import a as b, c"), "(from m import a as b c)");
    assert_eq!(pm("from m import (a,\n b,)"), "(from m import a b)");
    assert_eq!(pm("from . import x"), "(from . import x)");
    assert_eq!(pm("from ..pkg.mod import *"), "(from ..pkg.mod import *)");
    assert_eq!(pm("from ... import x"), "(from ... import x)");
    assert_eq!(pm("assert x, 'msg'"), "(assert x \"msg\")");
    assert_eq!(pm("await sleep(1)"), "(await (call sleep 1))");
    assert_eq!(pm("f(x);"), "(call f x)");
    assert_eq!(pm("yield"), "(yield)");
}

#[test]
fn compound_statements() {
    assert_eq!(
        pm("if a:\n    x\nelif b:\n    y\nelse:\n    z\n"),
        "(if a)\n  x\nelse\n  (if b)\n    y\n  else\n    z"
    );
    assert_eq!(pm("if x: pass"), "(if x)\n  pass");
    assert_eq!(pm("if x: a; b\n"), "(if x)\n  a\n  b");
    assert_eq!(
        pm("while x:\n    break\nelse:\n    pass\n"),
        "(while x)\n  break\nelse\n  pass"
    );
    assert_eq!(
        pm("for a, b in c:\n    pass\n"),
        "(for (tuple a b) c)\n  pass"
    );
    assert_eq!(
        pm("async for x in y:\n    pass\n"),
        "(async-for x y)\n  pass"
    );
    assert_eq!(
        pm("for x in y:\n    pass\nelse:\n    pass\n"),
        "(for x y)\n  pass\nelse\n  pass"
    );
    assert_eq!(
        pm("with a as b, c:\n    pass\n"),
        "(with a as b; c;)\n  pass"
    );
    assert_eq!(
        pm("with (a as b, c as d,):\n    pass\n"),
        "(with a as b; c as d;)\n  pass"
    );
    assert_eq!(
        pm("with (a, b) as c:\n    pass\n"),
        "(with (tuple a b) as c;)\n  pass"
    );
    assert_eq!(
        pm("async with a as b:\n    pass\n"),
        "(async-with a as b;)\n  pass"
    );
    assert_eq!(
        pm("def f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:\n    return a\n"),
        "(def f(a / b:int=1 *args c d=2 **kw) -> int)\n  (return a)"
    );
    assert_eq!(pm("def f(*, a): pass"), "(def f(* a))\n  pass");
    assert_eq!(
        pm("@dec\n@dec2(1)\nasync def f():\n    await x\n"),
        "@dec @(call dec2 1) (async-def f())\n  (await x)"
    );
    assert_eq!(
        pm("class A(B, metaclass=M):\n    x = 1\n"),
        "(class A B metaclass=M)\n  (= x 1)"
    );
    assert_eq!(pm("@d\nclass A: pass"), "@d (class A)\n  pass");
    assert_eq!(
        pm(
            "try:\n    a\nexcept E as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n"
        ),
        "(try)\n  a\n(except E as e)\n  b\n(except (tuple A B))\n  c\n(except)\n  d\nelse\n  e\nfinally\n  f"
    );
    assert_eq!(
        pm("try:\n    a\nexcept* E:\n    b\n"),
        "(try*)\n  a\n(except E)\n  b"
    );
    assert_eq!(
        pm("try:\n    a\nfinally:\n    b\n"),
        "(try)\n  a\nfinally\n  b"
    );
}

#[test]
fn program() {
    let src = "import asyncio\n\nasync def main():\n    # comment\n    t = spawn(work(1))\n    async with asyncio.timeout(1):\n        r = await t\n    print(f\"{r=}\")\n\nasyncio.run(main())\n";
    assert_eq!(
        pm(src),
        "(import asyncio)\n(async-def main())\n  (= t (call spawn (call work 1)))\n  (async-with (call (. asyncio timeout) 1);)\n    (= r (await t))\n  (call print (f \"r=\" {r !r}))\n(call (. asyncio run) (call main))"
    );
}

#[test]
fn spans() {
    let src = "x = 1\nif a:\n    foo(b)\n";
    let m = parse(src).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(m.body[0].span, Span::new(0, 5));
    let StmtKind::If { body, .. } = &m.body[1].kind else {
        panic!()
    };
    assert_eq!(&src[body[0].span.start..body[0].span.end], "foo(b)");
}

// ---- errors ----

#[test]
fn missing_colon() {
    for (src, line, col) in [
        ("if x\n    pass\n", 1, 5),
        ("while x\n    pass\n", 1, 8),
        ("for x in y\n    pass\n", 1, 11),
        ("def f()\n    pass\n", 1, 8),
        ("class A\n    pass\n", 1, 8),
        ("if x:\n    pass\nelse\n    pass\n", 3, 5),
        ("try\n    pass\nfinally:\n    pass\n", 1, 4),
        ("with a\n    pass\n", 1, 7),
    ] {
        assert_eq!(
            err1(src),
            ("expected ':'".to_string(), line, col),
            "{src:?}"
        );
    }
}

#[test]
fn indentation_errors() {
    let es = errs("if x:\npass\n");
    assert_eq!(
        es[0].message,
        "expected an indented block after 'if' statement on line 1"
    );
    assert_eq!(es[0].kind, SyntaxKind::IndentationError);
    assert_eq!(line_col("if x:\npass\n", es[0].span.start), (2, 1));
    assert_eq!(
        err1("def f():\nx = 1\n").0,
        "expected an indented block after function definition on line 1"
    );
    assert_eq!(
        err1("x = 1\nclass A:\n").0,
        "expected an indented block after class definition on line 2"
    );
    // A syntax error the parser meets first wins over the indentation.
    assert_eq!(err1("x = \n  + y\n"), ("invalid syntax".into(), 1, 5));
    assert_eq!(err1("except E:\npass\n"), ("invalid syntax".into(), 1, 1));
    let src = "x = 1\n    y = 2\n";
    let es = errs(src);
    assert_eq!(es[0].message, "unexpected indent");
    assert_eq!(es[0].kind, SyntaxKind::IndentationError);
    assert_eq!(line_col(src, es[0].span.start), (2, 4));
}

#[test]
fn error_messages() {
    let cases: &[(&str, &str, usize, usize)] = &[
        ("x = (1 +\n", "'(' was never closed", 1, 5),
        ("x = 1 +* 2\n", "invalid syntax", 1, 8),
        (
            "print \"x\"\n",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            1,
            1,
        ),
        (
            "1 = x\n",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        (
            "f() = 1\n",
            "cannot assign to function call here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        ("(a, 1) = x\n", "cannot assign to literal", 1, 5),
        (
            "a + 1 += 1\n",
            "'expression' is an illegal expression for augmented assignment",
            1,
            1,
        ),
        ("del f()\n", "cannot delete function call", 1, 5),
        ("for 1 in x: pass\n", "cannot assign to literal", 1, 5),
        (
            "f(a=1, b)\n",
            "positional argument follows keyword argument",
            1,
            9,
        ),
        (
            "f(**a, *b)\n",
            "iterable argument unpacking follows keyword argument unpacking",
            1,
            8,
        ),
        (
            "def f(a=1, b): pass\n",
            "parameter without a default follows parameter with a default",
            1,
            12,
        ),
        (
            "def f(x, x): pass\n",
            "duplicate argument 'x' in function definition",
            1,
            10,
        ),
        (
            "def f(*): pass\n",
            "named arguments must follow bare *",
            1,
            7,
        ),
        (
            "f(a b)\n",
            "invalid syntax. Perhaps you forgot a comma?",
            1,
            3,
        ),
        (
            "[1 2]\n",
            "invalid syntax. Perhaps you forgot a comma?",
            1,
            2,
        ),
        ("else:\n    pass\n", "invalid syntax", 1, 1),
        (
            "try:\n    pass\nx = 1\n",
            "expected 'except' or 'finally' block",
            3,
            1,
        ),
        ("f'{x'\n", "f-string: expecting '}'", 1, 5),
        (
            "f'{}'\n",
            "f-string: valid expression required before '}'",
            1,
            4,
        ),
        (
            "f'{!r}'\n",
            "f-string: valid expression required before '!'",
            1,
            4,
        ),
        ("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8),
        (
            "f(a.b=1)\n",
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            1,
            3,
        ),
        (
            "a, 1 = x\n",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
            1,
            4,
        ),
        ("x = 1 = 2\n", "cannot assign to literal", 1, 5),
        ("True = 1\n", "cannot assign to True", 1, 1),
        (
            "... = 1\n",
            "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        (
            "(yield) = 1\n",
            "cannot assign to yield expression here. Maybe you meant '==' instead of '='?",
            1,
            2,
        ),
        (
            "f(x)(y) += 1\n",
            "'function call' is an illegal expression for augmented assignment",
            1,
            1,
        ),
        (
            "{a: b} = 1\n",
            "cannot assign to dict literal here. Maybe you meant '==' instead of '='?",
            1,
            1,
        ),
        (
            "for *a in b: pass\n",
            "starred assignment target must be in a list or tuple",
            1,
            5,
        ),
        ("x := 1\n", "invalid syntax", 1, 3),
        ("lambda x\n", "invalid syntax", 1, 9),
        ("def f(x y): pass\n", "invalid syntax", 1, 9),
        ("x = = 1\n", "invalid syntax", 1, 5),
        ("print(1) 2\n", "invalid syntax", 1, 10),
        (
            "print 1\n",
            "Missing parentheses in call to 'print'. Did you mean print(...)?",
            1,
            1,
        ),
        (
            "try:\n    pass\nelse:\n    pass\n",
            "expected 'except' or 'finally' block",
            3,
            1,
        ),
        (
            "f'{x!z}'\n",
            "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'",
            1,
            6,
        ),
        ("f'}'\n", "f-string: single '}' is not allowed", 1, 3),
        ("b'a' 'b'\n", "cannot mix bytes and nonbytes literals", 1, 1),
        (
            "if x = 1: pass\n",
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            1,
            6,
        ),
        (
            "x = a if b\n",
            "expected 'else' after 'if' expression",
            1,
            11,
        ),
        ("except A, B: pass\n", "invalid syntax", 1, 1),
        (
            "try:\n    pass\nexcept A, B:\n    pass\n",
            "multiple exception types must be parenthesized",
            3,
            8,
        ),
        ("*a\n", "can't use starred expression here", 1, 1),
        ("x: int, y = 1\n", "invalid syntax", 1, 7),
        (
            "a, b: int\n",
            "only single target (not tuple) can be annotated",
            1,
            1,
        ),
        (
            "f(x for x in y, 1)\n",
            "Generator expression must be parenthesized",
            1,
            3,
        ),
        ("(*a)\n", "cannot use starred expression here", 1, 2),
        (
            "from m import a,\n",
            "trailing comma not allowed without surrounding parentheses",
            1,
            16,
        ),
    ];
    for (src, msg, line, col) in cases {
        assert_eq!(err1(src), (msg.to_string(), *line, *col), "source: {src:?}");
    }
}

#[test]
fn several_errors_are_reported() {
    let src = "x = = 1\ny = 2\ndef f:\n    pass\nz = +\n";
    let es = errs(src);
    let lines: Vec<usize> = es.iter().map(|e| line_col(src, e.span.start).0).collect();
    assert_eq!(lines, vec![1, 3, 5], "{es:#?}");
    // Errors inside a function body are found after one in its header.
    let src = "def f(x y):\n    a = = 1\n    b = 2\n    c c\n";
    let es = errs(src);
    let lines: Vec<usize> = es.iter().map(|e| line_col(src, e.span.start).0).collect();
    assert_eq!(lines, vec![1, 2, 4], "{es:#?}");
}

#[test]
fn compiler_checks_are_not_parser_errors() {
    pm("await x\nreturn 1\nbreak\ncontinue\nyield 2\n");
}

#[test]
fn deep_nesting_is_refused_not_crashed() {
    let deep = format!("x = {}1{}\n", "(".repeat(1000), ")".repeat(1000));
    assert_eq!(errs(&deep)[0].message, "too many nested parentheses");
    let ok = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    pm(&ok);
    let minus = format!("x = {}1\n", "-".repeat(5000));
    assert_eq!(errs(&minus)[0].message, "too many nested expressions");
    let minus = format!("x = {}1\n", "-".repeat(2000));
    pm(&minus);
    let fs = format!("x = {}x{}\n", "f'{".repeat(40), "}'".repeat(40));
    let _ = parse(&fs);
    pm(&format!("x = {}1\n", "lambda: ".repeat(1400)));
    pm(&format!("x = {}1\n", "a if b else ".repeat(900)));
    pm(&format!("x = {}1\n", "2 ** ".repeat(2500)));
    pm(&format!("x = {}1\n", "1 + ".repeat(2500)));
}

const SAMPLES: &[&str] = &[
    "import asyncio\n\nasync def worker(name, q: asyncio.Queue) -> None:\n    while True:\n        item = await q.get()\n        try:\n            print(f\"{name}: {item!r:>10} {item = }\")\n        except (ValueError, KeyError) as e:\n            raise RuntimeError('bad') from e\n        finally:\n            q.task_done()\n\n@decorator(1, k=2)\nclass C(Base, metaclass=M):\n    x: int = 0\n    def m(self, a, /, b=1, *args, c, **kw):\n        return [i ** 2 for i in range(a) if i % 2], {k: v for k, v in kw.items()}\n\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        for i in range(3):\n            tg.create_task(worker(i, q))\n    x = lambda a, *b: a if b else -a\n    del x\n    assert not x, 'no'\n\nasyncio.run(main())\n",
    "a, *b = c = d[1:2, ::3]\nif a: pass\nelif b: pass\nelse: pass\nwith open(p) as f, (g):\n    pass\nglobal g\nx = {**a, 'b': (yield from c)}\ntry:\n    pass\nexcept* E:\n    pass\n",
];

/// A tiny deterministic generator so the mutation test needs no crates.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn samples_parse() {
    for s in SAMPLES {
        pm(s);
    }
}

#[test]
fn no_panic_on_prefixes() {
    for s in SAMPLES {
        let mut cut = 0;
        while cut <= s.len() {
            if s.is_char_boundary(cut) {
                let _ = parse(&s[..cut]);
            }
            cut += 3;
        }
    }
}

#[test]
fn no_panic_on_token_mutations() {
    let pool: Vec<(Tok, Span)> = lexer::lex(SAMPLES[0]).0;
    let mut rng = Lcg(42);
    for round in 0..300 {
        let mut toks = pool.clone();
        for _ in 0..(1 + round % 4) {
            let i = rng.next() % toks.len();
            match rng.next() % 3 {
                0 => {
                    toks.remove(i);
                }
                1 => {
                    let j = rng.next() % pool.len();
                    toks.insert(i, pool[j].clone());
                }
                _ => {
                    let j = rng.next() % toks.len();
                    toks.swap(i, j);
                }
            }
            if toks.is_empty() {
                break;
            }
        }
        let _ = parse_tokens(&toks, SAMPLES[0]);
    }
}

#[test]
fn more_forms() {
    assert_eq!(pm(""), "");
    assert_eq!(pm("# only a comment\n\n"), "");
    assert_eq!(
        pm("if (n := len(a)) > 10:\n    pass\n"),
        "(if ((:= n (call len a)) Gt 10))\n  pass"
    );
    assert_eq!(
        pm("while x := f():\n    pass\n"),
        "(while (:= x (call f)))\n  pass"
    );
    assert_eq!(pm("class A:\n    pass\n"), "(class A)\n  pass");
    assert_eq!(pm("class A(): pass"), "(class A)\n  pass");
    assert_eq!(
        pm(
            "def outer():\n    x = 0\n    def inner():\n        nonlocal x\n        x += 1\n    return inner\n"
        ),
        "(def outer())\n  (= x 0)\n  (def inner())\n    (nonlocal x)\n    (Add= x 1)\n  (return inner)"
    );
    assert_eq!(
        pm("class A:\n    @property\n    def x(self): return 1\n"),
        "(class A)\n  @property (def x(self))\n    (return 1)"
    );
    assert_eq!(pm("for x in *a, *b: pass"), "(for x (tuple *a *b))\n  pass");
    assert_eq!(pm("x = *a, *b"), "(= x (tuple *a *b))");
    assert_eq!(pm("del (a), [b]"), "(del a [list b])");
    assert_eq!(
        pm("if a: pass\nelif b: pass\n"),
        "(if a)\n  pass\nelse\n  (if b)\n    pass"
    );
    assert_eq!(
        pm("x = a[...]; y = a[()]"),
        "(= x (sub a ...))\n(= y (sub a (tuple)))"
    );
    assert_eq!(
        pm("async def f():\n    return [x async for x in g() if await x]\n"),
        "(async-def f())\n  (return (listcomp x (async-for x (call g) (if (await x)))))"
    );
    assert_eq!(pm("def f(**kw,): pass"), "(def f(**kw))\n  pass");
    assert_eq!(
        pm("def f(a, *, b: int = 1): pass"),
        "(def f(a * b:int=1))\n  pass"
    );
    assert_eq!(pm("class A(B, **kw): pass"), "(class A B **kw)\n  pass");
    assert_eq!(pm("x = (\n  1,\n  2,\n)\n"), "(= x (tuple 1 2))");
    assert_eq!(pm("raise X from None"), "(raise X from None)");
    assert_eq!(pm("print(*a, sep='')"), "(call print *a sep=\"\")");
    assert_eq!(pm("x = lambda: (yield)"), "(= x (lambda () (yield)))");
    assert_eq!(pm("f(a)(b)[c](d)"), "(call (sub (call (call f a) b) c) d)");
    assert_eq!(pm("x = not not a"), "(= x (Not (Not a)))");
    assert_eq!(pm("x = - - a"), "(= x (Neg (Neg a)))");
    assert_eq!(pm("x = a is not None"), "(= x (a IsNot None))");
}

#[test]
fn more_fstrings() {
    assert_eq!(px("f'{x!r:>{w}}'"), "(f {x !r : \">\" {w}})");
    assert_eq!(px("f'{3.14:.2f}'"), "(f {3.14 : \".2f\"})");
    assert_eq!(px("f'{x:%Y-%m-%d}'"), "(f {x : \"%Y-%m-%d\"})");
    assert_eq!(px("f'{x:=^10}'"), "(f {x : \"=^10\"})");
    assert_eq!(px("f'{a >= b}'"), "(f {(a GtE b)})");
    assert_eq!(px("f'{f(a=1)}'"), "(f {(call f a=1)})");
    assert_eq!(px("f'{a[i]=}'"), "(f \"a[i]=\" {(sub a i) !r})");
    assert_eq!(px("f'{x !r}'"), "(f {x !r})");
    assert_eq!(px("f'{\"a\" if x else \"b\"}'"), "(f {(if x \"a\" \"b\")})");
    assert_eq!(px("f'\\N{BULLET} {x}'"), "(f \"\u{2022} \" {x})");
    assert_eq!(px("f'''{\nx\n}'''"), "(f {x})");
    assert_eq!(px("f'{await x}'"), "(f {(await x)})");
    assert_eq!(px("f'{x}{{}}{y}'"), "(f {x} \"{}\" {y})");
    assert_eq!(px("f'{a, b}'"), "(f {(tuple a b)})");
    assert_eq!(px("f'{x:{y}{z}}'"), "(f {x : {y} {z}})");
}

#[test]
fn lexer_errors_pass_through() {
    let src = "if x:\n        a\n    b\n";
    let es = errs(src);
    assert!(es[0].message.contains("unindent"), "{es:#?}");
    assert_eq!(err1("x = (1,\ny = 2\n").0, "'(' was never closed");
}

#[test]
fn fstring_field_errors() {
    assert_eq!(
        err1("f'{a b}'\n"),
        ("invalid syntax. Perhaps you forgot a comma?".into(), 1, 4)
    );
    assert_eq!(
        err1("f'{x!}'\n"),
        ("f-string: missing conversion character".into(), 1, 6)
    );
    assert_eq!(
        err1("x = f'{1 +}'\n"),
        (
            "f-string: expecting '=', or '!', or ':', or '}'".into(),
            1,
            11
        )
    );
    assert_eq!(
        err1("f'{lambda x: 1}'\n"),
        (
            "f-string: lambda expressions are not allowed without parentheses".into(),
            1,
            4
        )
    );
    assert_eq!(
        err1("import\n").0,
        "Expected one or more names after 'import'"
    );
    assert_eq!(err1("class A(x for x in y): pass\n").0, "invalid syntax");
    assert_eq!(
        err1("def f(a, /, /): pass\n"),
        ("/ may appear only once".into(), 1, 13)
    );
    assert_eq!(
        err1("def f(**k, a): pass\n"),
        ("arguments cannot follow var-keyword argument".into(), 1, 12)
    );
    assert_eq!(
        err1("f(**k, a)\n").0,
        "positional argument follows keyword argument unpacking"
    );
    assert_eq!(
        err1("(a, b) += 1\n").0,
        "'tuple' is an illegal expression for augmented assignment"
    );
    assert_eq!(
        err1("with a as 1: pass\n"),
        ("cannot assign to literal".into(), 1, 11)
    );
    assert_eq!(err1("a[]\n"), ("invalid syntax".into(), 1, 3));
    assert_eq!(
        err1("def f(a=): pass\n").0,
        "expected default value expression"
    );
    assert_eq!(
        err1("x = *a\n"),
        ("can't use starred expression here".into(), 1, 5)
    );
    assert_eq!(err1("return *a\n").0, "can't use starred expression here");
    assert_eq!(err1("f(a=)\n").0, "expected argument value expression");
    assert_eq!(
        err1(
            "for x y in z: pass
"
        )
        .0,
        "invalid syntax"
    );
    assert_eq!(
        err1("[x for a, b c in z]\n").0,
        "'in' expected after for-loop variables"
    );
    assert_eq!(err1("def f:\n    pass\n").0, "expected '('");
    assert_eq!(err1("def f(x) y:\n    pass\n").0, "expected ':'");
    assert_eq!(err1("x = a not b\n").0, "invalid syntax");
    assert_eq!(err1("getattr(x \"y\")\n").0, "invalid syntax");
    assert_eq!(err1("[x for x in y if a b]\n").0, "invalid syntax");
    assert_eq!(err1("def f(x y): pass\nz = 1)\n").0, "unmatched ')'");
}

#[test]
fn no_panic_on_char_mutations() {
    let base = "x = f'{a!r:>{w}} {b=} {{c}}' + g(h[1:2], *i, k=l)\nif m: [n for n in o]\n";
    let pool: Vec<char> = "{}()[]'\":!=,*\n \\fx".chars().collect();
    let mut rng = Lcg(7);
    for _ in 0..250 {
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..(1 + rng.next() % 3) {
            let i = rng.next() % chars.len();
            if rng.next().is_multiple_of(2) {
                chars.remove(i);
            } else {
                chars.insert(i, pool[rng.next() % pool.len()]);
            }
        }
        let src: String = chars.into_iter().collect();
        let _ = parse(&src);
    }
}

/// Timing check for release builds:
/// `cargo test --release --lib parser::tests::perf_10k_lines -- --ignored --nocapture`
#[test]
#[ignore]
fn perf_10k_lines() {
    let mut src = String::new();
    while src.lines().count() < 10_000 {
        src.push_str(SAMPLES[0]);
        src.push_str(SAMPLES[1]);
    }
    let t = std::time::Instant::now();
    let (toks, _) = lexer::lex(&src);
    let lexed = t.elapsed();
    let t = std::time::Instant::now();
    let m = parse_tokens(&toks, &src);
    let parsed = t.elapsed();
    assert!(m.is_ok());
    eprintln!(
        "{} lines: lex {lexed:?}, parse {parsed:?}",
        src.lines().count()
    );
    let nof = src.replace("f\"", "\"");
    let (toks, _) = lexer::lex(&nof);
    let t = std::time::Instant::now();
    let m = parse_tokens(&toks, &nof);
    assert!(m.is_ok());
    eprintln!("without f-strings: parse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    for _ in 0..100 {
        let _ = stmt::field::<EmptyErr>();
    }
    eprintln!("build field parser: {:?}", t.elapsed() / 100);
}
/// Differential check over a directory of Python files (not run by default):
/// `AIO_PARSE_DIR=/path cargo test --release --lib parser::tests::parse_dir -- --ignored --nocapture`
#[test]
#[ignore]
fn parse_dir() {
    let Ok(dir) = std::env::var("AIO_PARSE_DIR") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let (mut ok, mut bad) = (0, 0);
    let t = std::time::Instant::now();
    for f in files {
        let Ok(src) = std::fs::read_to_string(&f) else {
            continue;
        };
        match parse(&src) {
            Ok(_) => ok += 1,
            Err(es) => {
                bad += 1;
                let (l, c) = line_col(&src, es[0].span.start);
                let line = src.lines().nth(l - 1).unwrap_or("");
                eprintln!(
                    "{}:{l}:{c}: {} | {}",
                    f.display(),
                    es[0].message,
                    line.trim()
                );
            }
        }
    }
    eprintln!("{ok} ok, {bad} failed in {:?}", t.elapsed());
}

/// Differential check against CPython verdicts (not run by default): reads
/// `\x1e`-separated sources from `AIO_DIFF_IN`, writes one verdict per line
/// to `AIO_DIFF_OUT`.
#[test]
#[ignore]
fn diff_cases() {
    let (Ok(input), Ok(output)) = (std::env::var("AIO_DIFF_IN"), std::env::var("AIO_DIFF_OUT"))
    else {
        return;
    };
    let text = std::fs::read_to_string(input).unwrap_or_default();
    let mut out = String::new();
    for src in text.split('\x1e') {
        match parse(src) {
            Ok(_) => out.push_str("ok\n"),
            Err(es) => {
                let (l, c) = line_col(src, es[0].span.start);
                let _ = writeln!(
                    out,
                    "err {}: {} ({l}:{c})",
                    es[0].kind.name(),
                    es[0].message
                );
            }
        }
    }
    let _ = std::fs::write(output, out);
}
#[test]
fn shallow_inputs_fit_a_small_stack() {
    let worst = [
        format!("x = {}1\n", "lambda: ".repeat(199)),
        format!("x = {}1\n", "a if b else ".repeat(199)),
        format!("x = {}1{}\n", "([{".repeat(10), "}])".repeat(10)),
        format!("x = {}{}1\n", "not ".repeat(50), "-".repeat(49)),
    ];
    for src in worst {
        let (toks, _) = lexer::lex(&src);
        assert!(shallow(&toks), "{src}");
        let h = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || parse(&src).is_ok());
        assert!(matches!(h.map(|h| h.join()), Ok(Ok(true))));
    }
}
