//! Statements. One call of the parser built here reads one logical
//! statement: a compound statement with its blocks, or a line of simple
//! statements separated by `;`.

use super::grammar::{BoxP, ExprParsers, PErrT, TSpan, custom, exprs, sp};
use super::targets::{TargetCtx, check_target};
use crate::ast::*;
use crate::diagnostics::SyntaxError;
use crate::lexer::Tok;
use chumsky::prelude::*;

fn st(kind: StmtKind, s: TSpan) -> Stmt {
    Stmt { kind, span: sp(s) }
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

#[derive(Clone)]
enum AssignTail {
    Assign(Vec<Expr>),
    Aug(BinOp, Expr),
    Ann(Expr, Option<Expr>),
    Nothing,
}

#[derive(Clone)]
enum Def {
    Func(Box<FunctionDef>),
    Class(Box<ClassDef>),
}

/// Parses one statement (which may be several `;`-separated simple ones).
pub fn statement<'a, Er: PErrT<'a>>() -> BoxP<'a, Vec<Stmt>, Er> {
    let ExprParsers {
        expression,
        named,
        star_expressions,
        star_targets,
        yield_expr,
        bitwise_or,
        name,
        params,
        call_args,
    } = exprs();

    let mut statement = Recursive::declare();
    let statement_b: BoxP<'a, Vec<Stmt>, Er> = statement.clone().boxed();

    let rhs = yield_expr.clone().or(star_expressions.clone()).boxed();

    let augop = select! {
        Tok::PlusEq => BinOp::Add,
        Tok::MinusEq => BinOp::Sub,
        Tok::StarEq => BinOp::Mul,
        Tok::AtEq => BinOp::MatMul,
        Tok::SlashEq => BinOp::Div,
        Tok::DoubleSlashEq => BinOp::FloorDiv,
        Tok::PercentEq => BinOp::Mod,
        Tok::DoubleStarEq => BinOp::Pow,
        Tok::LShiftEq => BinOp::LShift,
        Tok::RShiftEq => BinOp::RShift,
        Tok::PipeEq => BinOp::BitOr,
        Tok::CaretEq => BinOp::BitXor,
        Tok::AmpEq => BinOp::BitAnd,
    };

    let expr_stmt = rhs
        .clone()
        .then(choice((
            just(Tok::Assign)
                .ignore_then(rhs.clone())
                .repeated()
                .at_least(1)
                .collect::<Vec<_>>()
                .map(AssignTail::Assign),
            augop
                .then(rhs.clone())
                .map(|(op, v)| AssignTail::Aug(op, v)),
            just(Tok::Colon)
                .ignore_then(expression.clone())
                .then(just(Tok::Assign).ignore_then(rhs.clone()).or_not())
                .map(|(a, v)| AssignTail::Ann(a, v)),
            empty().to(AssignTail::Nothing),
        )))
        .validate(|(first, tail), e, emitter| {
            let lone_star = |v: &Expr| matches!(v.kind, ExprKind::Starred(_));
            let value = match &tail {
                AssignTail::Assign(rest) => rest.last(),
                AssignTail::Aug(_, v) | AssignTail::Ann(_, Some(v)) => Some(v),
                _ => None,
            };
            if let Some(v) = value
                && lone_star(v)
            {
                emitter.emit(custom(err("can't use starred expression here", v.span)));
            }
            let kind = match tail {
                AssignTail::Nothing => {
                    if matches!(first.kind, ExprKind::Starred(_)) {
                        emitter.emit(custom(err("can't use starred expression here", first.span)));
                    }
                    StmtKind::Expr(first)
                }
                AssignTail::Assign(mut rest) => {
                    let ctx = if rest.len() == 1 {
                        TargetCtx::AssignSingle
                    } else {
                        TargetCtx::Assign
                    };
                    let value = rest.pop().unwrap_or_else(|| first.clone());
                    let mut targets = Vec::with_capacity(rest.len() + 1);
                    targets.push(first);
                    targets.extend(rest);
                    for t in &targets {
                        if let Some(error) = check_target(t, ctx) {
                            emitter.emit(custom(error));
                        }
                    }
                    StmtKind::Assign { targets, value }
                }
                AssignTail::Aug(op, value) => {
                    if let Some(error) = check_target(&first, TargetCtx::AugAssign) {
                        emitter.emit(custom(error));
                    }
                    StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    }
                }
                AssignTail::Ann(annotation, value) => {
                    let msg = match &first.kind {
                        ExprKind::Name(_)
                        | ExprKind::Attribute { .. }
                        | ExprKind::Subscript { .. } => None,
                        ExprKind::Tuple(_) => {
                            Some("only single target (not tuple) can be annotated".to_string())
                        }
                        ExprKind::List(_) => {
                            Some("only single target (not list) can be annotated".to_string())
                        }
                        _ => Some("illegal target for annotation".to_string()),
                    };
                    if let Some(msg) = msg {
                        emitter.emit(custom(err(msg, first.span)));
                    }
                    StmtKind::AnnAssign {
                        target: first,
                        annotation,
                        value,
                    }
                }
            };
            st(kind, e.span())
        })
        .boxed();

    let names = name
        .clone()
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed();
    let dotted = name
        .clone()
        .separated_by(just(Tok::Dot))
        .at_least(1)
        .collect::<Vec<_>>()
        .map(|v| v.join("."))
        .boxed();
    let alias = |n: BoxP<'a, String, Er>| {
        n.then(just(Tok::As).ignore_then(name.clone()).or_not())
            .map_with(|(name, asname), e| Alias {
                name,
                asname,
                span: sp(e.span()),
            })
            .boxed()
    };
    let dotted_alias = alias(dotted.clone());
    let import_alias = alias(name.clone());

    let import = just(Tok::Import)
        .ignore_then(
            dotted_alias
                .separated_by(just(Tok::Comma))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .map(StmtKind::Import);
    let from_names = choice((
        just(Tok::Star).map_with(|_, e| {
            vec![Alias {
                name: "*".into(),
                asname: None,
                span: sp(e.span()),
            }]
        }),
        just(Tok::LParen)
            .ignore_then(
                import_alias
                    .clone()
                    .separated_by(just(Tok::Comma))
                    .at_least(1)
                    .allow_trailing()
                    .collect::<Vec<_>>(),
            )
            .then_ignore(just(Tok::RParen)),
        import_alias
            .separated_by(just(Tok::Comma))
            .at_least(1)
            .collect::<Vec<_>>()
            .then(just(Tok::Comma).map_with(|_, e| e.span()).or_not())
            .validate(|(names, trailing), _e, emitter| {
                if let Some(s) = trailing {
                    emitter.emit(custom(err(
                        "trailing comma not allowed without surrounding parentheses",
                        sp(s),
                    )));
                }
                names
            }),
    ));
    let from_import = just(Tok::From)
        .ignore_then(
            choice((just(Tok::Dot).to(1usize), just(Tok::Ellipsis).to(3usize)))
                .repeated()
                .collect::<Vec<_>>()
                .map(|v| v.iter().sum::<usize>()),
        )
        .then(dotted.or_not())
        .then_ignore(just(Tok::Import))
        .then(from_names)
        .try_map_with(|((level, module), names), e| {
            if level == 0 && module.is_none() {
                return Err(custom(err("invalid syntax", sp(e.span()))));
            }
            Ok(StmtKind::ImportFrom {
                module: module.unwrap_or_default(),
                names,
                level,
            })
        });

    let del_targets = bitwise_or
        .clone()
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .validate(|targets, _e, emitter| {
            for t in &targets {
                if let Some(error) = check_target(t, TargetCtx::Del) {
                    emitter.emit(custom(error));
                }
            }
            targets
        });

    let keyword_stmt = choice((
        just(Tok::Pass).to(StmtKind::Pass),
        just(Tok::Break).to(StmtKind::Break),
        just(Tok::Continue).to(StmtKind::Continue),
        just(Tok::Return)
            .ignore_then(star_expressions.clone().or_not())
            .validate(|v, _e, emitter| {
                if let Some(x) = &v
                    && matches!(x.kind, ExprKind::Starred(_))
                {
                    emitter.emit(custom(err("can't use starred expression here", x.span)));
                }
                StmtKind::Return(v)
            }),
        just(Tok::Raise)
            .ignore_then(
                expression
                    .clone()
                    .then(just(Tok::From).ignore_then(expression.clone()).or_not())
                    .or_not(),
            )
            .map(|r| match r {
                None => StmtKind::Raise {
                    exc: None,
                    cause: None,
                },
                Some((exc, cause)) => StmtKind::Raise {
                    exc: Some(exc),
                    cause,
                },
            }),
        just(Tok::Global)
            .ignore_then(names.clone())
            .map(StmtKind::Global),
        just(Tok::Nonlocal)
            .ignore_then(names)
            .map(StmtKind::Nonlocal),
        just(Tok::Del)
            .ignore_then(del_targets)
            .map(StmtKind::Delete),
        import,
        from_import,
        just(Tok::Assert)
            .ignore_then(expression.clone())
            .then(just(Tok::Comma).ignore_then(expression.clone()).or_not())
            .map(|(test, msg)| StmtKind::Assert { test, msg }),
    ))
    .map_with(|k, e| st(k, e.span()));

    let simple_stmt = keyword_stmt.or(expr_stmt).boxed();
    let simple_stmts = simple_stmt
        .separated_by(just(Tok::Semi))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .then_ignore(just(Tok::Newline).ignored().or(end()))
        .boxed();

    let block = choice((
        just(Tok::Newline)
            .ignore_then(just(Tok::Indent))
            .ignore_then(
                choice((just(Tok::Newline).to(Vec::new()), statement_b.clone()))
                    .repeated()
                    .collect::<Vec<Vec<Stmt>>>(),
            )
            .then_ignore(just(Tok::Dedent))
            .map(|v| v.into_iter().flatten().collect::<Vec<_>>()),
        simple_stmts.clone(),
    ))
    .boxed();
    let colon = just(Tok::Colon).labelled("':'");
    let else_block = just(Tok::Else)
        .ignore_then(colon.clone())
        .ignore_then(block.clone())
        .or_not()
        .map(Option::unwrap_or_default)
        .boxed();

    let if_stmt = just(Tok::If)
        .ignore_then(named.clone())
        .then_ignore(colon.clone())
        .then(block.clone())
        .then(
            just(Tok::Elif)
                .map_with(|_, e| e.span())
                .then(named.clone())
                .then_ignore(colon.clone())
                .then(block.clone())
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(else_block.clone())
        .map_with(|(((test, body), elifs), mut orelse), e| {
            let end = e.span().end;
            for ((kw, test), body) in elifs.into_iter().rev() {
                orelse = vec![Stmt {
                    kind: StmtKind::If { test, body, orelse },
                    span: Span::new(kw.start, end),
                }];
            }
            st(StmtKind::If { test, body, orelse }, e.span())
        });

    let while_stmt = just(Tok::While)
        .ignore_then(named.clone())
        .then_ignore(colon.clone())
        .then(block.clone())
        .then(else_block.clone())
        .map_with(|((test, body), orelse), e| st(StmtKind::While { test, body, orelse }, e.span()));

    let for_stmt = just(Tok::Async)
        .or_not()
        .then_ignore(just(Tok::For))
        .then(star_targets.clone())
        .then_ignore(just(Tok::In))
        .then(star_expressions.clone())
        .then_ignore(colon.clone())
        .then(block.clone())
        .then(else_block.clone())
        .validate(|((((is_async, target), iter), body), orelse), e, emitter| {
            if let Some(error) = check_target(&target, TargetCtx::For) {
                emitter.emit(custom(error));
            }
            st(
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    is_async: is_async.is_some(),
                },
                e.span(),
            )
        });

    let with_item = expression
        .clone()
        .then(just(Tok::As).ignore_then(bitwise_or.clone()).or_not())
        .validate(|(context, vars), _e, emitter| {
            if let Some(v) = &vars
                && let Some(error) = check_target(v, TargetCtx::For)
            {
                emitter.emit(custom(error));
            }
            WithItem { context, vars }
        })
        .boxed();
    let with_items_paren = just(Tok::LParen)
        .ignore_then(
            with_item
                .clone()
                .separated_by(just(Tok::Comma))
                .at_least(1)
                .allow_trailing()
                .collect::<Vec<_>>(),
        )
        .then_ignore(just(Tok::RParen))
        .then_ignore(just(Tok::Colon).rewind());
    let with_items = with_item
        .separated_by(just(Tok::Comma))
        .at_least(1)
        .collect::<Vec<_>>();
    let with_stmt = just(Tok::Async)
        .or_not()
        .then_ignore(just(Tok::With))
        .then(choice((with_items_paren, with_items)))
        .then_ignore(colon.clone())
        .then(block.clone())
        .map_with(|((is_async, items), body), e| {
            st(
                StmtKind::With {
                    items,
                    body,
                    is_async: is_async.is_some(),
                },
                e.span(),
            )
        });

    let func_def = just(Tok::Async)
        .or_not()
        .then_ignore(just(Tok::Def))
        .then(name.clone().map_with(|n, e| (n, e.span())))
        .then_ignore(just(Tok::LParen))
        .then(params)
        .then_ignore(just(Tok::RParen))
        .then(just(Tok::Arrow).ignore_then(expression.clone()).or_not())
        .then_ignore(colon.clone())
        .then(block.clone())
        .map_with(|((((is_async, (name, ns)), params), returns), body), e| {
            (
                Def::Func(Box::new(FunctionDef {
                    name,
                    params,
                    body,
                    decorators: Vec::new(),
                    returns,
                    is_async: is_async.is_some(),
                    name_span: sp(ns),
                })),
                e.span(),
            )
        });
    let class_def = just(Tok::Class)
        .ignore_then(name.clone().map_with(|n, e| (n, e.span())))
        .then(just(Tok::LParen).ignore_then(call_args).or_not())
        .then_ignore(colon.clone())
        .then(block.clone())
        .validate(|(((name, ns), args), body), e, emitter| {
            let (bases, keywords) = args.unwrap_or_default();
            if let Some(g) = bases
                .iter()
                .find(|b| matches!(b.kind, ExprKind::GeneratorExp { .. }))
            {
                emitter.emit(custom(err("invalid syntax", g.span)));
            }
            (
                Def::Class(Box::new(ClassDef {
                    name,
                    bases,
                    keywords,
                    body,
                    decorators: Vec::new(),
                    name_span: sp(ns),
                })),
                e.span(),
            )
        });
    let decorated = just(Tok::At)
        .ignore_then(named.clone())
        .then_ignore(just(Tok::Newline))
        .repeated()
        .collect::<Vec<_>>()
        .then(choice((func_def, class_def)))
        .map(|(decorators, (def, s))| match def {
            Def::Func(mut f) => {
                f.decorators = decorators;
                st(StmtKind::FunctionDef(f), s)
            }
            Def::Class(mut c) => {
                c.decorators = decorators;
                st(StmtKind::ClassDef(c), s)
            }
        });

    let except_clause = just(Tok::Except)
        .ignore_then(just(Tok::Star).map_with(|_, e| e.span()).or_not())
        .then(
            expression
                .clone()
                .then(
                    just(Tok::Comma)
                        .ignore_then(expression.clone())
                        .repeated()
                        .at_least(1)
                        .collect::<Vec<_>>()
                        .map_with(|_, e| e.span())
                        .or_not(),
                )
                .then(just(Tok::As).ignore_then(name.clone()).or_not())
                .or_not(),
        )
        .then_ignore(colon.clone())
        .then(block.clone())
        .validate(|((star, typ), body), e, emitter| {
            let (typ, name) = match typ {
                None => (None, None),
                Some(((t, extra), name)) => {
                    if let Some(s) = extra {
                        emitter.emit(custom(
                            err(
                                "multiple exception types must be parenthesized",
                                t.span.to(sp(s)),
                            )
                            .with_hint("write `except (A, B):`"),
                        ));
                    }
                    (Some(t), name)
                }
            };
            if let Some(s) = star
                && typ.is_none()
            {
                emitter.emit(custom(err("expected one or more exception types", sp(s))));
            }
            (
                star.is_some(),
                ExceptHandler {
                    typ,
                    name,
                    body,
                    span: sp(e.span()),
                },
            )
        })
        .boxed();

    let try_stmt = just(Tok::Try)
        .ignore_then(colon.clone())
        .ignore_then(block.clone())
        .then(except_clause.repeated().collect::<Vec<_>>())
        .then(
            just(Tok::Else)
                .map_with(|_, e| e.span())
                .then_ignore(colon.clone())
                .then(block.clone())
                .or_not(),
        )
        .then(
            just(Tok::Finally)
                .ignore_then(colon.clone())
                .ignore_then(block.clone())
                .or_not(),
        )
        .then(empty().map_with(|_, e| e.span()))
        .validate(
            |((((body, handlers), orelse), finalbody), after), e, emitter| {
                if handlers.is_empty() && finalbody.is_none() {
                    emitter.emit(custom(err(
                        "expected 'except' or 'finally' block",
                        sp(orelse.as_ref().map(|(s, _)| *s).unwrap_or(after)),
                    )));
                }
                let is_star = handlers.first().is_some_and(|(s, _)| *s);
                if let Some((_, odd)) = handlers.iter().find(|(s, _)| *s != is_star) {
                    emitter.emit(custom(err(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        odd.span,
                    )));
                }
                let n = handlers.len();
                for (i, (_, h)) in handlers.iter().enumerate() {
                    if h.typ.is_none() && i + 1 < n {
                        emitter.emit(custom(err("default 'except:' must be last", h.span)));
                    }
                }
                st(
                    StmtKind::Try {
                        body,
                        handlers: handlers.into_iter().map(|(_, h)| h).collect(),
                        orelse: orelse.map(|(_, b)| b).unwrap_or_default(),
                        finalbody: finalbody.unwrap_or_default(),
                        is_star,
                    },
                    e.span(),
                )
            },
        );

    // `match` and `case` are soft keywords: names everywhere else.
    let soft = |kw: &'static str| {
        select! { Tok::Name(n) if n == kw => () }
            .labelled(kw)
            .boxed()
    };
    let case_block = soft("case")
        .ignore_then(star_expressions.clone())
        .then(
            just(Tok::As)
                .ignore_then(name.clone())
                .map_with(|n, e| (n, e.span()))
                .or_not(),
        )
        .then(just(Tok::If).ignore_then(named.clone()).or_not())
        .then_ignore(colon.clone())
        .then(block.clone())
        .validate(|(((pattern, alias), guard), body), _e, emitter| {
            let pattern = match super::patterns::to_pattern(pattern) {
                Ok(p) => p,
                Err(error) => {
                    emitter.emit(custom(*error));
                    Pattern {
                        kind: PatternKind::Wildcard,
                        span: Span::new(0, 0),
                    }
                }
            };
            let pattern = match alias {
                Some((n, s)) => {
                    let span = Span::new(pattern.span.start, sp(s).end);
                    Pattern {
                        kind: PatternKind::As(Box::new(pattern), n),
                        span,
                    }
                }
                None => pattern,
            };
            MatchCase {
                pattern,
                guard,
                body,
            }
        })
        .boxed();
    let match_stmt = soft("match")
        .ignore_then(star_expressions.clone())
        .then_ignore(colon.clone())
        .then_ignore(just(Tok::Newline))
        .then_ignore(just(Tok::Indent))
        .then(
            just(Tok::Newline)
                .repeated()
                .ignore_then(case_block)
                .then_ignore(just(Tok::Newline).repeated())
                .repeated()
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .then_ignore(just(Tok::Dedent))
        .map_with(|(subject, cases), e| st(StmtKind::Match { subject, cases }, e.span()));

    let compound = choice((
        match_stmt.boxed(),
        if_stmt.boxed(),
        while_stmt.boxed(),
        for_stmt.boxed(),
        with_stmt.boxed(),
        decorated.boxed(),
        try_stmt.boxed(),
    ))
    .map(|s| vec![s]);

    statement.define(compound.or(simple_stmts).boxed());
    statement.boxed()
}

/// One chunk of the token stream: a statement, possibly surrounded by
/// stray newlines, and nothing else.
pub fn chunk<'a, Er: PErrT<'a>>() -> BoxP<'a, Vec<Stmt>, Er> {
    just(Tok::Newline)
        .repeated()
        .ignore_then(statement().or_not())
        .then_ignore(just(Tok::Newline).repeated())
        .then_ignore(end())
        .map(Option::unwrap_or_default)
        .boxed()
}

/// A replacement field inside an f-string: `yield …` or star-expressions.
pub fn field<'a, Er: PErrT<'a>>() -> BoxP<'a, Expr, Er> {
    let e = exprs();
    e.yield_expr
        .or(e.star_expressions)
        .then_ignore(end())
        .boxed()
}

/// A bare expression (for `parse_expression`).
pub fn expression_only<'a, Er: PErrT<'a>>() -> BoxP<'a, Expr, Er> {
    let e = exprs();
    just(Tok::Newline)
        .repeated()
        .ignore_then(e.yield_expr.or(e.star_expressions))
        .then_ignore(just(Tok::Newline).repeated())
        .then_ignore(end())
        .boxed()
}
