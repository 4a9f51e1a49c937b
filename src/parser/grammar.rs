//! The chumsky grammar: token slice → AST.
//!
//! The structure follows CPython's PEG grammar (see `grammar/aio.ebnf`), but
//! is arranged so that no rule re-parses a sub-expression after a failed
//! alternative: nested brackets would otherwise cost exponential time. So
//! displays, slices and statements parse their first expression once and then
//! decide what they are from the token that follows.
//!
//! Errors that CPython words specially (bad assignment targets, argument
//! order, …) are emitted from `validate` as `Rich::custom` carrying a ready
//! `SyntaxError`; plain "unexpected token" errors are worded later, in
//! `errors.rs`, where the surrounding tokens are known.

use super::fstring;
use super::targets::{TargetCtx, check_target, describe};
use crate::ast::*;
use crate::diagnostics::SyntaxError;
use crate::lexer::Tok;
use chumsky::input::MappedInput;
use chumsky::pratt::{infix, left, prefix, right};
use chumsky::prelude::*;

pub type TSpan = SimpleSpan;
pub type PInput<'a> = MappedInput<'a, Tok, TSpan, &'a [(Tok, TSpan)]>;
/// The error type of the second, reporting pass.
pub type PErr<'a> = Rich<'a, Tok, TSpan, Box<SyntaxError>>;
pub type BoxP<'a, O, Er> = Boxed<'a, 'a, PInput<'a>, O, extra::Err<Er>>;
type Emitter<Er> = chumsky::input::Emitter<Er>;

/// The grammar is generic over its error type: a first pass runs with the
/// zero-cost `EmptyErr` (tracking expected tokens in `Rich` costs more
/// than the parse itself), and only input that fails is parsed again with
/// `PErr` to word the errors.
pub trait PErrT<'a>:
    chumsky::error::Error<'a, PInput<'a>>
    + chumsky::error::LabelError<'a, PInput<'a>, &'static str>
    + 'a
{
    fn syntax(err: SyntaxError) -> Self;
}

impl<'a> PErrT<'a> for PErr<'a> {
    fn syntax(err: SyntaxError) -> Self {
        let s: TSpan = (err.span.start..err.span.end).into();
        Rich::custom(s, Box::new(err))
    }
}

impl<'a> PErrT<'a> for EmptyErr {
    fn syntax(_: SyntaxError) -> Self {
        EmptyErr::default()
    }
}

pub fn sp(s: TSpan) -> Span {
    Span::new(s.start, s.end)
}

fn ex(kind: ExprKind, s: TSpan) -> Expr {
    Expr { kind, span: sp(s) }
}

/// A custom chumsky error carrying a finished diagnostic.
pub fn custom<'a, Er: PErrT<'a>>(err: SyntaxError) -> Er {
    Er::syntax(err)
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// The expression parsers other rules (and the f-string field parser) use.
#[derive(Clone)]
pub struct ExprParsers<'a, Er: PErrT<'a>> {
    pub expression: BoxP<'a, Expr, Er>,
    pub named: BoxP<'a, Expr, Er>,
    pub star_expressions: BoxP<'a, Expr, Er>,
    pub star_targets: BoxP<'a, Expr, Er>,
    pub yield_expr: BoxP<'a, Expr, Er>,
    pub bitwise_or: BoxP<'a, Expr, Er>,
    pub name: BoxP<'a, String, Er>,
    pub params: BoxP<'a, Params, Er>,
    pub call_args: BoxP<'a, (Vec<Expr>, Vec<Keyword>), Er>,
}

#[derive(Clone)]
enum Trailer {
    Attr(String, TSpan),
    Call(Vec<Expr>, Vec<Keyword>, TSpan),
    Sub(Expr, TSpan),
}

/// What follows the first element inside `(…)`, `[…]` or `{…}`.
#[derive(Clone)]
enum Tail {
    Comp(Vec<Comprehension>),
    More(Vec<Expr>),
    Nothing,
}

#[derive(Clone)]
enum Brace {
    Dict(Vec<DictItem>),
    DictComp(Expr, Expr, Vec<Comprehension>),
    Set(Vec<Expr>),
    SetComp(Expr, Vec<Comprehension>),
}

#[derive(Clone)]
enum Arg {
    Pos(Expr),
    Gen(Expr),
    Kw(String, Expr, TSpan),
    DStar(Expr, TSpan),
}

#[derive(Clone)]
enum ParamItem {
    Slash(TSpan),
    /// The second field is the span of a (wrong) default's `=`.
    Star(Option<(String, Option<Expr>)>, Option<TSpan>, TSpan),
    DStar(String, Option<Expr>, Option<TSpan>, TSpan),
    Plain(String, Option<Expr>, Option<Expr>, TSpan),
}

#[derive(Clone)]
enum StrPiece {
    Str(String),
    Bytes(Vec<u8>),
    F(Vec<FStringPart>),
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

/// `a, b` → a tuple; a lone item without a comma stays itself.
fn comma_tuple<'a, Er: PErrT<'a>>(item: BoxP<'a, Expr, Er>) -> BoxP<'a, Expr, Er> {
    item.clone()
        .then(
            just(Tok::Comma)
                .ignore_then(item)
                .repeated()
                .collect::<Vec<_>>(),
        )
        .then(just(Tok::Comma).or_not())
        .map_with(|((first, rest), trailing), e| {
            if rest.is_empty() && trailing.is_none() {
                first
            } else {
                let mut v = Vec::with_capacity(rest.len() + 1);
                v.push(first);
                v.extend(rest);
                ex(ExprKind::Tuple(v), e.span())
            }
        })
        .boxed()
}

fn build_params<'a, Er: PErrT<'a>>(items: Vec<ParamItem>, emitter: &mut Emitter<Er>) -> Params {
    let mut p = Params::default();
    let mut seen_star = false;
    let mut seen_slash = false;
    let mut seen_default = false;
    let mut kwarg_span: Option<TSpan> = None;
    let mut bare_star: Option<TSpan> = None;
    let mut names: Vec<String> = Vec::new();
    let mut emit = |e: SyntaxError| emitter.emit(custom(e));
    let mut check_dup = |name: &str, s: TSpan, emit: &mut dyn FnMut(SyntaxError)| {
        if names.iter().any(|n| n == name) {
            emit(err(
                format!("duplicate argument '{name}' in function definition"),
                sp(s),
            ));
        } else {
            names.push(name.to_string());
        }
    };
    for item in items {
        if let Some(ks) = kwarg_span {
            let s = match &item {
                ParamItem::Slash(s)
                | ParamItem::Star(_, _, s)
                | ParamItem::DStar(_, _, _, s)
                | ParamItem::Plain(_, _, _, s) => *s,
            };
            emit(
                err("arguments cannot follow var-keyword argument", sp(s))
                    .with_secondary(sp(ks), "the '**' parameter must come last"),
            );
            continue;
        }
        match item {
            ParamItem::Slash(s) => {
                if seen_slash {
                    emit(err("/ may appear only once", sp(s)));
                } else if seen_star {
                    emit(err("/ must be ahead of *", sp(s)));
                } else if p.args.is_empty() {
                    emit(err("at least one argument must precede /", sp(s)));
                } else {
                    seen_slash = true;
                    p.posonly = std::mem::take(&mut p.args);
                }
            }
            ParamItem::Star(named, default, s) => {
                if seen_star {
                    emit(err("* argument may appear only once", sp(s)));
                    continue;
                }
                seen_star = true;
                if let Some(eq) = default {
                    emit(err(
                        "var-positional argument cannot have default value",
                        sp(eq),
                    ));
                }
                match named {
                    Some((name, annotation)) => {
                        check_dup(&name, s, &mut emit);
                        p.vararg = Some(Param {
                            name,
                            default: None,
                            annotation,
                            span: sp(s),
                        });
                    }
                    None => bare_star = Some(s),
                }
            }
            ParamItem::DStar(name, annotation, default, s) => {
                if let Some(eq) = default {
                    emit(err(
                        "var-keyword argument cannot have default value",
                        sp(eq),
                    ));
                }
                check_dup(&name, s, &mut emit);
                p.kwarg = Some(Param {
                    name,
                    default: None,
                    annotation,
                    span: sp(s),
                });
                kwarg_span = Some(s);
            }
            ParamItem::Plain(name, annotation, default, s) => {
                check_dup(&name, s, &mut emit);
                let param = Param {
                    name,
                    default,
                    annotation,
                    span: sp(s),
                };
                if seen_star {
                    bare_star = None;
                    p.kwonly.push(param);
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        emit(
                            err(
                                "parameter without a default follows parameter with a default",
                                sp(s),
                            )
                            .with_hint("give this parameter a default, or move it before the ones that have one"),
                        );
                    }
                    p.args.push(param);
                }
            }
        }
    }
    if let Some(s) = bare_star {
        emit(err("named arguments must follow bare *", sp(s)));
    }
    p
}

fn param_items<'a, Er: PErrT<'a>>(
    name: BoxP<'a, String, Er>,
    expression: BoxP<'a, Expr, Er>,
    annotated: bool,
) -> BoxP<'a, Params, Er> {
    let ann: BoxP<'a, Option<Expr>, Er> = if annotated {
        just(Tok::Colon)
            .ignore_then(expression.clone())
            .or_not()
            .boxed()
    } else {
        empty().to(None).boxed()
    };
    // Only reported as an error on `*args` / `**kwargs`, at the `=`.
    let bad_default = just(Tok::Assign)
        .map_with(|_, e| e.span())
        .then_ignore(expression.clone())
        .or_not()
        .boxed();
    let default = just(Tok::Assign).ignore_then(expression).or_not().boxed();
    let item = choice((
        just(Tok::Slash).map_with(|_, e| ParamItem::Slash(e.span())),
        just(Tok::DoubleStar)
            .ignore_then(name.clone())
            .then(ann.clone())
            .then(bad_default.clone())
            .map_with(|((n, a), d), e| ParamItem::DStar(n, a, d, e.span())),
        just(Tok::Star)
            .ignore_then(name.clone().then(ann.clone()).or_not())
            .then(bad_default)
            .map_with(|(n, d), e| ParamItem::Star(n, d, e.span())),
        name.then(ann)
            .then(default)
            .map_with(|((n, a), d), e| ParamItem::Plain(n, a, d, e.span())),
    ));
    item.separated_by(just(Tok::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .validate(|items, _e, emitter| build_params(items, emitter))
        .boxed()
}

fn concat_strings<'a, Er: PErrT<'a>>(
    pieces: Vec<StrPiece>,
    s: TSpan,
    emitter: &mut Emitter<Er>,
) -> Expr {
    let has_bytes = pieces.iter().any(|p| matches!(p, StrPiece::Bytes(_)));
    let has_other = pieces.iter().any(|p| !matches!(p, StrPiece::Bytes(_)));
    if has_bytes && has_other {
        emitter.emit(custom(err("cannot mix bytes and nonbytes literals", sp(s))));
        return ex(ExprKind::Constant(Constant::Bytes(Vec::new())), s);
    }
    if has_bytes {
        let mut all = Vec::new();
        for p in pieces {
            if let StrPiece::Bytes(b) = p {
                all.extend(b);
            }
        }
        return ex(ExprKind::Constant(Constant::Bytes(all)), s);
    }
    if !pieces.iter().any(|p| matches!(p, StrPiece::F(_))) {
        let mut all = String::new();
        for p in pieces {
            if let StrPiece::Str(t) = p {
                all.push_str(&t);
            }
        }
        return ex(ExprKind::Constant(Constant::Str(all)), s);
    }
    let mut parts: Vec<FStringPart> = Vec::new();
    let push_lit = |parts: &mut Vec<FStringPart>, t: String| {
        if t.is_empty() {
            return;
        }
        if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
            prev.push_str(&t);
        } else {
            parts.push(FStringPart::Literal(t));
        }
    };
    for p in pieces {
        match p {
            StrPiece::Str(t) => push_lit(&mut parts, t),
            StrPiece::F(fp) => {
                for part in fp {
                    match part {
                        FStringPart::Literal(t) => push_lit(&mut parts, t),
                        v => parts.push(v),
                    }
                }
            }
            StrPiece::Bytes(_) => {}
        }
    }
    ex(ExprKind::JoinedStr(parts), s)
}

fn emit_target<'a, Er: PErrT<'a>>(e: &Expr, ctx: TargetCtx, emitter: &mut Emitter<Er>) {
    if let Some(error) = check_target(e, ctx) {
        emitter.emit(custom(error));
    }
}

pub fn exprs<'a, Er: PErrT<'a>>() -> ExprParsers<'a, Er> {
    let mut expression = Recursive::declare();
    let mut disjunction = Recursive::declare();
    let mut bitwise_or = Recursive::declare();
    let expression_b: BoxP<'a, Expr, Er> = expression.clone().boxed();
    let disjunction_b: BoxP<'a, Expr, Er> = disjunction.clone().boxed();
    let bitwise_or_b: BoxP<'a, Expr, Er> = bitwise_or.clone().boxed();

    let name: BoxP<'a, String, Er> = select! { Tok::Name(n) => n }.labelled("name").boxed();

    let named = expression_b
        .clone()
        .then(just(Tok::Walrus).ignore_then(expression_b.clone()).or_not())
        .validate(|(target, value), e, emitter| match value {
            None => target,
            Some(value) => match target.kind {
                ExprKind::Name(n) => ex(
                    ExprKind::NamedExpr {
                        target: n,
                        value: bx(value),
                    },
                    e.span(),
                ),
                _ => {
                    emitter.emit(custom(err(
                        format!(
                            "cannot use assignment expressions with {}",
                            describe(&target)
                        ),
                        target.span,
                    )));
                    value
                }
            },
        })
        .boxed();

    let starred = just(Tok::Star)
        .ignore_then(bitwise_or_b.clone())
        .map_with(|v, e| ex(ExprKind::Starred(bx(v)), e.span()))
        .boxed();
    // Inside brackets an element may carry `as NAME`, which only a `case`
    // pattern accepts (`case [(1 | 2) as x, y]`).
    let star_named = starred
        .clone()
        .or(named.clone())
        .then(just(Tok::As).ignore_then(name.clone()).or_not())
        .map_with(|(v, alias), e| match alias {
            None => v,
            Some(n) => ex(
                ExprKind::PatternAs {
                    value: bx(v),
                    name: n,
                },
                e.span(),
            ),
        })
        .boxed();
    // A dict value or call argument may carry `as NAME` too, for mapping
    // and class patterns (`case {"k": int() as v}`, `case C(x=1 | 2 as v)`);
    // the compiler rejects it anywhere else.
    let expression_as = expression_b
        .clone()
        .then(just(Tok::As).ignore_then(name.clone()).or_not())
        .map_with(|(v, alias), e| match alias {
            None => v,
            Some(n) => ex(
                ExprKind::PatternAs {
                    value: bx(v),
                    name: n,
                },
                e.span(),
            ),
        })
        .boxed();
    let named_as = named
        .clone()
        .then(just(Tok::As).ignore_then(name.clone()).or_not())
        .map_with(|(v, alias), e| match alias {
            None => v,
            Some(n) => ex(
                ExprKind::PatternAs {
                    value: bx(v),
                    name: n,
                },
                e.span(),
            ),
        })
        .boxed();
    let star_expression = starred.clone().or(expression_b.clone()).boxed();
    let star_expressions = comma_tuple(star_expression);
    let star_target = starred.clone().or(bitwise_or_b.clone()).boxed();
    let star_targets = comma_tuple(star_target);

    let comp_for = just(Tok::Async)
        .or_not()
        .then_ignore(just(Tok::For))
        .then(star_targets.clone())
        .then_ignore(just(Tok::In))
        .then(disjunction_b.clone())
        .then(
            just(Tok::If)
                .ignore_then(disjunction_b.clone())
                .repeated()
                .collect::<Vec<_>>(),
        )
        .validate(|(((is_async, target), iter), ifs), _e, emitter| {
            emit_target(&target, TargetCtx::For, emitter);
            Comprehension {
                target,
                iter,
                ifs,
                is_async: is_async.is_some(),
            }
        })
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed();

    let yield_expr = just(Tok::Yield)
        .ignore_then(choice((
            just(Tok::From)
                .ignore_then(expression_b.clone())
                .map(|v| ExprKind::YieldFrom(bx(v))),
            star_expressions
                .clone()
                .or_not()
                .map(|v| ExprKind::Yield(v.map(bx))),
        )))
        .map_with(|k, e| ex(k, e.span()))
        .boxed();

    // The element after `(`, `[` or `{`, and what follows it.
    let tail = choice((
        comp_for.clone().map(Tail::Comp),
        just(Tok::Comma)
            .ignore_then(
                star_named
                    .clone()
                    .separated_by(just(Tok::Comma))
                    .allow_trailing()
                    .collect::<Vec<_>>(),
            )
            .map(Tail::More),
        empty().to(Tail::Nothing),
    ))
    .boxed();

    let no_star_in_comp = |elt: &Expr, emitter: &mut Emitter<Er>| {
        if matches!(elt.kind, ExprKind::Starred(_)) {
            emitter.emit(custom(err(
                "iterable unpacking cannot be used in comprehension",
                elt.span,
            )));
        }
    };

    let paren = just(Tok::LParen)
        .ignore_then(
            choice((
                yield_expr.clone().map(|y| (y, Tail::Nothing)),
                star_named.clone().then(tail.clone()),
            ))
            .or_not(),
        )
        .then_ignore(just(Tok::RParen))
        .validate(move |inner, e, emitter| match inner {
            None => ex(ExprKind::Tuple(Vec::new()), e.span()),
            Some((first, Tail::Nothing)) => {
                if matches!(first.kind, ExprKind::Starred(_)) {
                    emitter.emit(custom(err(
                        "cannot use starred expression here",
                        first.span,
                    )));
                }
                first
            }
            Some((first, Tail::Comp(generators))) => {
                no_star_in_comp(&first, emitter);
                ex(
                    ExprKind::GeneratorExp {
                        elt: bx(first),
                        generators,
                    },
                    e.span(),
                )
            }
            Some((first, Tail::More(rest))) => {
                let mut v = vec![first];
                v.extend(rest);
                ex(ExprKind::Tuple(v), e.span())
            }
        })
        .boxed();

    let list = just(Tok::LBracket)
        .ignore_then(star_named.clone().then(tail.clone()).or_not())
        .then_ignore(just(Tok::RBracket))
        .validate(move |inner, e, emitter| match inner {
            None => ex(ExprKind::List(Vec::new()), e.span()),
            Some((first, Tail::Nothing)) => ex(ExprKind::List(vec![first]), e.span()),
            Some((first, Tail::Comp(generators))) => {
                no_star_in_comp(&first, emitter);
                ex(
                    ExprKind::ListComp {
                        elt: bx(first),
                        generators,
                    },
                    e.span(),
                )
            }
            Some((first, Tail::More(rest))) => {
                let mut v = vec![first];
                v.extend(rest);
                ex(ExprKind::List(v), e.span())
            }
        })
        .boxed();

    // `: value`, with CPython's message when the value is missing.
    let dict_end = choice((just(Tok::Comma), just(Tok::RBrace))).rewind();
    let dict_value = just(Tok::Colon)
        .map_with(|_, e| e.span())
        .then(choice((
            expression_as.clone().map(Some),
            dict_end.clone().to(None),
        )))
        .validate(|(colon, v), _e, emitter| match v {
            Some(v) => v,
            None => {
                emitter.emit(custom(err(
                    "expression expected after dictionary key and ':'",
                    sp(colon),
                )));
                ex(ExprKind::Constant(Constant::None), colon)
            }
        })
        .boxed();
    let dict_item = choice((
        just(Tok::DoubleStar)
            .ignore_then(bitwise_or_b.clone())
            .map(DictItem::Unpack),
        expression_b
            .clone()
            .then(choice((dict_value.clone().map(Some), dict_end.to(None))))
            .validate(|(k, v), _e, emitter| {
                let v = v.unwrap_or_else(|| {
                    let end = k.span.end;
                    emitter.emit(custom(err(
                        "':' expected after dictionary key",
                        Span::new(end.saturating_sub(1), end),
                    )));
                    ex(ExprKind::Constant(Constant::None), (end..end).into())
                });
                DictItem::KeyValue(k, v)
            }),
    ))
    .boxed();
    let dict_rest = just(Tok::Comma)
        .ignore_then(
            dict_item
                .clone()
                .separated_by(just(Tok::Comma))
                .allow_trailing()
                .collect::<Vec<_>>(),
        )
        .or_not()
        .map(|v| v.unwrap_or_default())
        .boxed();
    let brace = just(Tok::LBrace)
        .ignore_then(
            choice((
                just(Tok::DoubleStar)
                    .ignore_then(bitwise_or_b.clone())
                    .then(dict_rest.clone())
                    .map(|(first, rest)| {
                        let mut v = vec![DictItem::Unpack(first)];
                        v.extend(rest);
                        (None, BraceTail::Items(v))
                    }),
                star_named
                    .clone()
                    .then(choice((
                        dict_value
                            .clone()
                            .then(choice((
                                comp_for.clone().map(Ok),
                                dict_rest.clone().map(Err),
                            )))
                            .map(|(v, r)| BraceTail::KeyValue(v, r)),
                        tail.clone().map(BraceTail::Set),
                    )))
                    .map(|(first, t)| (Some(first), t)),
            ))
            .or_not(),
        )
        .then_ignore(just(Tok::RBrace))
        .validate(move |inner, e, emitter| {
            let b = match inner {
                None => Brace::Dict(Vec::new()),
                Some((None, BraceTail::Items(v))) => Brace::Dict(v),
                Some((Some(key), BraceTail::KeyValue(value, Ok(gens)))) => {
                    Brace::DictComp(key, value, gens)
                }
                Some((Some(key), BraceTail::KeyValue(value, Err(rest)))) => {
                    if matches!(key.kind, ExprKind::Starred(_)) {
                        emitter.emit(custom(err(
                            "cannot use a starred expression in a dictionary key",
                            key.span,
                        )));
                    }
                    let mut v = vec![DictItem::KeyValue(key, value)];
                    v.extend(rest);
                    Brace::Dict(v)
                }
                Some((Some(first), BraceTail::Set(Tail::Nothing))) => Brace::Set(vec![first]),
                Some((Some(first), BraceTail::Set(Tail::More(rest)))) => {
                    let mut v = vec![first];
                    v.extend(rest);
                    Brace::Set(v)
                }
                Some((Some(first), BraceTail::Set(Tail::Comp(gens)))) => {
                    no_star_in_comp(&first, emitter);
                    Brace::SetComp(first, gens)
                }
                // `(None, _)` only comes with Items and `(Some, Items)` never
                // happens; keep the parser total anyway.
                Some((_, BraceTail::Items(v))) => Brace::Dict(v),
                Some((None, _)) => Brace::Dict(Vec::new()),
            };
            let kind = match b {
                Brace::Dict(v) => ExprKind::Dict(v),
                Brace::DictComp(k, v, generators) => ExprKind::DictComp {
                    key: bx(k),
                    value: bx(v),
                    generators,
                },
                Brace::Set(v) => ExprKind::Set(v),
                Brace::SetComp(elt, generators) => ExprKind::SetComp {
                    elt: bx(elt),
                    generators,
                },
            };
            ex(kind, e.span())
        })
        .boxed();

    let strings = select! {
        Tok::Str(s) => Ok(StrPiece::Str(s)),
        Tok::Bytes(b) => Ok(StrPiece::Bytes(b)),
        Tok::FString { body, body_start, raw } => Err((body, body_start, raw)),
    }
    .validate(|piece, _e, emitter| match piece {
        Ok(p) => p,
        Err((body, body_start, raw)) => {
            let (parts, errors) = fstring::parse_fstring(&body, body_start, raw);
            for e in errors {
                emitter.emit(custom(e));
            }
            StrPiece::F(parts)
        }
    })
    .repeated()
    .at_least(1)
    .collect::<Vec<_>>()
    .validate(|pieces, e, emitter| concat_strings(pieces, e.span(), emitter))
    .boxed();

    let constant = select! {
        Tok::Int(i) => Constant::Int(i),
        Tok::Float(f) => Constant::Float(f),
        Tok::Imag(f) => Constant::Imag(f),
        Tok::None => Constant::None,
        Tok::True => Constant::True,
        Tok::False => Constant::False,
        Tok::Ellipsis => Constant::Ellipsis,
    }
    .map_with(|c, e| ex(ExprKind::Constant(c), e.span()))
    .boxed();

    let atom = choice((
        name.clone()
            .map_with(|n, e| ex(ExprKind::Name(n), e.span())),
        constant,
        strings,
        paren,
        list,
        brace,
    ))
    .labelled("expression")
    .boxed();

    // Call arguments.
    let arg = choice((
        just(Tok::DoubleStar)
            .ignore_then(expression_b.clone())
            .map_with(|v, e| Arg::DStar(v, e.span())),
        // In a call, `*` takes a whole expression (`f(*a if c else b)`);
        // in displays only a bitwise-or.
        just(Tok::Star)
            .ignore_then(expression_b.clone())
            .map_with(|v, e| Arg::Pos(ex(ExprKind::Starred(bx(v)), e.span()))),
        name.clone()
            .then_ignore(just(Tok::Assign))
            .then(expression_as.clone())
            .map_with(|(n, v), e| Arg::Kw(n, v, e.span())),
        named_as
            .clone()
            .then(comp_for.clone().or_not())
            .then(
                just(Tok::Assign)
                    .map_with(|_, e| e.span())
                    .then(expression_b.clone())
                    .or_not(),
            )
            .validate(|((elt, gens), assigned), e, emitter| match gens {
                None => {
                    if let Some((_, v)) = assigned {
                        emitter.emit(custom(err(
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            elt.span.to(v.span),
                        )));
                    }
                    Arg::Pos(elt)
                }
                Some(generators) => {
                    if let Some((eq, _)) = assigned {
                        emitter.emit(custom(err("invalid syntax", sp(eq))));
                    }
                    Arg::Gen(ex(
                        ExprKind::GeneratorExp {
                            elt: bx(elt),
                            generators,
                        },
                        e.span(),
                    ))
                }
            }),
    ));
    let call_args = arg
        .separated_by(just(Tok::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .then(just(Tok::RParen).map_with(|_, e| e.span()))
        .validate(|(items, close), _e, emitter| build_args(items, close, emitter))
        .boxed();

    let slice_bound = expression_b.clone().or_not().boxed();
    let slice = choice((
        starred.clone(),
        named
            .clone()
            .or_not()
            .then(
                just(Tok::Colon)
                    .ignore_then(slice_bound.clone())
                    .then(just(Tok::Colon).ignore_then(slice_bound).or_not())
                    .or_not(),
            )
            .try_map_with(|(lower, rest), e| match (lower, rest) {
                (Some(x), None) => Ok(x),
                (None, None) => Err(custom(err("invalid syntax", sp(e.span())))),
                (lower, Some((upper, step))) => Ok(ex(
                    ExprKind::Slice {
                        lower: lower.map(bx),
                        upper: upper.map(bx),
                        step: step.flatten().map(bx),
                    },
                    e.span(),
                )),
            }),
    ))
    .boxed();
    let slices = comma_tuple(slice);

    let trailer = choice((
        just(Tok::Dot)
            .ignore_then(name.clone())
            .map_with(|n, e| Trailer::Attr(n, e.span())),
        just(Tok::LParen)
            .ignore_then(call_args.clone())
            .map_with(|(a, k), e| Trailer::Call(a, k, e.span())),
        just(Tok::LBracket)
            .ignore_then(slices)
            .then_ignore(just(Tok::RBracket))
            .map_with(|s, e| Trailer::Sub(s, e.span())),
    ));
    let primary = atom
        .foldl(trailer.repeated(), |lhs, t| {
            let start = lhs.span;
            match t {
                Trailer::Attr(attr, s) => Expr {
                    span: start.to(sp(s)),
                    kind: ExprKind::Attribute {
                        value: bx(lhs),
                        attr,
                    },
                },
                Trailer::Call(args, keywords, s) => Expr {
                    span: start.to(sp(s)),
                    kind: ExprKind::Call {
                        func: bx(lhs),
                        args,
                        keywords,
                    },
                },
                Trailer::Sub(index, s) => Expr {
                    span: start.to(sp(s)),
                    kind: ExprKind::Subscript {
                        value: bx(lhs),
                        index: bx(index),
                    },
                },
            }
        })
        .boxed();

    let await_primary = just(Tok::Await)
        .or_not()
        .then(primary)
        .map_with(|(aw, p), e| match aw {
            None => p,
            Some(_) => ex(ExprKind::Await(bx(p)), e.span()),
        })
        .boxed();

    let bin = |l: Expr, op: BinOp, r: Expr| Expr {
        span: l.span.to(r.span),
        kind: ExprKind::BinOp {
            left: bx(l),
            op,
            right: bx(r),
        },
    };
    let arith = await_primary
        .pratt((
            infix(right(10), just(Tok::DoubleStar), move |l, _, r, _| {
                bin(l, BinOp::Pow, r)
            }),
            prefix(
                9,
                select! {
                    Tok::Minus => UnaryOp::Neg,
                    Tok::Plus => UnaryOp::Pos,
                    Tok::Tilde => UnaryOp::Invert,
                }
                .map_with(|op, e| (op, e.span())),
                |(op, s): (UnaryOp, TSpan), operand: Expr, _| Expr {
                    span: sp(s).to(operand.span),
                    kind: ExprKind::UnaryOp {
                        op,
                        operand: bx(operand),
                    },
                },
            ),
            infix(
                left(8),
                select! {
                    Tok::Star => BinOp::Mul,
                    Tok::Slash => BinOp::Div,
                    Tok::DoubleSlash => BinOp::FloorDiv,
                    Tok::Percent => BinOp::Mod,
                    Tok::At => BinOp::MatMul,
                },
                move |l, op, r, _| bin(l, op, r),
            ),
            infix(
                left(7),
                select! { Tok::Plus => BinOp::Add, Tok::Minus => BinOp::Sub },
                move |l, op, r, _| bin(l, op, r),
            ),
            infix(
                left(6),
                select! { Tok::LShift => BinOp::LShift, Tok::RShift => BinOp::RShift },
                move |l, op, r, _| bin(l, op, r),
            ),
            infix(
                left(5),
                just(Tok::Amp).to(BinOp::BitAnd),
                move |l, op, r, _| bin(l, op, r),
            ),
            infix(
                left(4),
                just(Tok::Caret).to(BinOp::BitXor),
                move |l, op, r, _| bin(l, op, r),
            ),
            infix(
                left(3),
                just(Tok::Pipe).to(BinOp::BitOr),
                move |l, op, r, _| bin(l, op, r),
            ),
        ))
        .boxed();
    bitwise_or.define(arith);

    let cmp_op = choice((
        just(Tok::EqEq).to(CmpOp::Eq),
        just(Tok::NotEq).to(CmpOp::NotEq),
        just(Tok::Le).to(CmpOp::LtE),
        just(Tok::Ge).to(CmpOp::GtE),
        just(Tok::Lt).to(CmpOp::Lt),
        just(Tok::Gt).to(CmpOp::Gt),
        just(Tok::In).to(CmpOp::In),
        just(Tok::Not).then(just(Tok::In)).to(CmpOp::NotIn),
        just(Tok::Is).then(just(Tok::Not)).to(CmpOp::IsNot),
        just(Tok::Is).to(CmpOp::Is),
    ));
    let comparison = bitwise_or_b
        .clone()
        .then(
            cmp_op
                .then(bitwise_or_b.clone())
                .repeated()
                .collect::<Vec<_>>(),
        )
        .map_with(|(left, rest), e| {
            if rest.is_empty() {
                left
            } else {
                let (ops, comparators) = rest.into_iter().unzip();
                ex(
                    ExprKind::Compare {
                        left: bx(left),
                        ops,
                        comparators,
                    },
                    e.span(),
                )
            }
        })
        .boxed();
    let inversion = just(Tok::Not)
        .map_with(|_, e| e.span())
        .repeated()
        .foldr(comparison, |s: TSpan, operand: Expr| Expr {
            span: sp(s).to(operand.span),
            kind: ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand: bx(operand),
            },
        })
        .boxed();
    let bool_op = |op: BoolOp| {
        move |values: Vec<Expr>,
              e: &mut chumsky::input::MapExtra<'a, '_, PInput<'a>, extra::Err<Er>>| {
            if values.len() == 1 {
                values
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| ex(ExprKind::Tuple(vec![]), e.span()))
            } else {
                ex(ExprKind::BoolOp { op, values }, e.span())
            }
        }
    };
    let conjunction = inversion
        .separated_by(just(Tok::And))
        .at_least(1)
        .collect::<Vec<_>>()
        .map_with(bool_op(BoolOp::And))
        .boxed();
    let disj = conjunction
        .separated_by(just(Tok::Or))
        .at_least(1)
        .collect::<Vec<_>>()
        .map_with(bool_op(BoolOp::Or))
        .boxed();
    disjunction.define(disj);

    let lambda_params = param_items(name.clone(), expression_b.clone(), false);
    let lambdef = just(Tok::Lambda)
        .ignore_then(lambda_params)
        .then_ignore(just(Tok::Colon))
        .then(expression_b.clone())
        .map_with(|(params, body), e| {
            ex(
                ExprKind::Lambda {
                    params: Box::new(params),
                    body: bx(body),
                },
                e.span(),
            )
        });
    let conditional = disjunction_b
        .clone()
        .then(
            just(Tok::If)
                .ignore_then(disjunction_b.clone())
                .then_ignore(just(Tok::Else))
                .then(expression_b.clone())
                .or_not(),
        )
        .map_with(|(body, rest), e| match rest {
            None => body,
            Some((test, orelse)) => ex(
                ExprKind::IfExp {
                    test: bx(test),
                    body: bx(body),
                    orelse: bx(orelse),
                },
                e.span(),
            ),
        });
    expression.define(choice((lambdef, conditional)).boxed());

    let params = param_items(name.clone(), expression_b.clone(), true);

    ExprParsers {
        expression: expression_b,
        named,
        star_expressions,
        star_targets,
        yield_expr,
        bitwise_or: bitwise_or_b,
        name,
        params,
        call_args,
    }
}

#[derive(Clone)]
enum BraceTail {
    Items(Vec<DictItem>),
    KeyValue(Expr, Result<Vec<Comprehension>, Vec<DictItem>>),
    Set(Tail),
}

/// `close` is the call's `)`, where CPython reports a misplaced
/// positional argument.
fn build_args<'a, Er: PErrT<'a>>(
    items: Vec<Arg>,
    close: TSpan,
    emitter: &mut Emitter<Er>,
) -> (Vec<Expr>, Vec<Keyword>) {
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let n = items.len();
    let mut seen_kw = false;
    let mut seen_dstar = false;
    for item in items {
        match item {
            Arg::Pos(v) => {
                let is_star = matches!(v.kind, ExprKind::Starred(_));
                if seen_dstar {
                    let msg = if is_star {
                        "iterable argument unpacking follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument unpacking"
                    };
                    let at = if is_star { v.span } else { sp(close) };
                    emitter.emit(custom(err(msg, at)));
                } else if seen_kw && !is_star {
                    emitter.emit(custom(
                        err("positional argument follows keyword argument", sp(close))
                            .with_hint("move the positional arguments before the keyword ones"),
                    ));
                }
                args.push(v);
            }
            Arg::Gen(v) => {
                if n > 1 {
                    emitter.emit(custom(err(
                        "Generator expression must be parenthesized",
                        v.span,
                    )));
                }
                args.push(v);
            }
            Arg::Kw(name, value, s) => {
                seen_kw = true;
                if keywords
                    .iter()
                    .any(|k| k.name.as_deref() == Some(name.as_str()))
                {
                    emitter.emit(custom(err(
                        format!("keyword argument repeated: {name}"),
                        sp(s),
                    )));
                }
                keywords.push(Keyword {
                    name: Some(name),
                    value,
                    span: sp(s),
                });
            }
            Arg::DStar(value, s) => {
                seen_kw = true;
                seen_dstar = true;
                keywords.push(Keyword {
                    name: None,
                    value,
                    span: sp(s),
                });
            }
        }
    }
    (args, keywords)
}
