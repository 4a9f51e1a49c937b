"""typing.get_type_hints and forward-reference evaluation (a private part
of typing, loaded on first use)."""

import sys
import builtins
import typing
from typing import (
    ForwardRef, Union, Required, NotRequired, ReadOnly, _type_check,
    _GenericAlias, _AnnotatedAlias, _UnionGenericAlias, _LiteralGenericAlias,
    _TypesGenericAlias, _TypesUnionType, _NoneType)
from _typing_generics import _InstanceAlias


def _fallback_namespace():
    # aio exposes neither function.__globals__ nor the __main__ module, so
    # names of such modules cannot be found; typing's own public names and
    # the builtins are the best guess.
    ns = dict(vars(builtins))
    for name in typing.__all__:
        try:
            ns[name] = getattr(typing, name)
        except AttributeError:
            pass
    return ns


def _module_namespace(module_name):
    mod = sys.modules.get(module_name) if module_name else None
    if mod is not None and module_name != 'typing':
        return mod.__dict__
    return None


def evaluate_forward_ref(ref, globalns, localns, type_params, guard):
    if ref.__forward_arg__ in guard:
        return ref
    if not ref.__forward_evaluated__ or localns is not globalns:
        if globalns is None and localns is None:
            globalns = localns = {}
        elif globalns is None:
            globalns = localns
        elif localns is None:
            localns = globalns
        if ref.__forward_module__ is not None:
            found = _module_namespace(ref.__forward_module__)
            if found is not None:
                globalns = found
        if type_params:
            globalns, localns = dict(globalns), dict(localns)
            for param in type_params:
                name = param.__name__
                if not ref.__forward_is_class__ or name not in globalns:
                    globalns[name] = param
                    localns.pop(name, None)
        value = eval(ref.__forward_code__, globalns, localns)
        tp = _type_check(value, "Forward references must evaluate to types.",
                         is_argument=ref.__forward_is_argument__,
                         allow_special_forms=ref.__forward_is_class__)
        ref.__forward_value__ = eval_type(tp, globalns, localns, type_params,
                                          guard | {ref.__forward_arg__})
        ref.__forward_evaluated__ = True
    return ref.__forward_value__


def _rebuild(t, args):
    # The alias t with its arguments replaced.
    if isinstance(t, _TypesGenericAlias):
        return _TypesGenericAlias(t.__origin__, args)
    if isinstance(t, _TypesUnionType):
        result = args[0]
        for a in args[1:]:
            result = result | a
        return result
    return t.copy_with(args)


def _has_args(t):
    return (isinstance(t, (_TypesGenericAlias, _TypesUnionType,
                           _UnionGenericAlias)) or
            (isinstance(t, _GenericAlias) and hasattr(t._impl, '__args__')) or
            isinstance(t, _InstanceAlias))


def eval_type(t, globalns, localns, type_params=(), guard=frozenset()):
    if isinstance(t, ForwardRef):
        return evaluate_forward_ref(t, globalns, localns, type_params, guard)
    if isinstance(t, _LiteralGenericAlias) or not _has_args(t):
        return t
    args = t.__args__
    if isinstance(t, _TypesGenericAlias):
        args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in args)
    new = tuple(eval_type(a, globalns, localns, type_params, guard)
                for a in args)
    if all(x is y for x, y in zip(new, t.__args__)):
        return t
    if isinstance(t, _AnnotatedAlias):
        return _AnnotatedAlias(new[0], t.__metadata__)
    return _rebuild(t, new)


def strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return strip_annotations(t.__origin__)
    origin = getattr(t, '__origin__', None)
    if origin is Required or origin is NotRequired or origin is ReadOnly:
        return strip_annotations(t.__args__[0])
    if isinstance(t, _LiteralGenericAlias) or not _has_args(t):
        return t
    stripped = tuple(strip_annotations(a) for a in t.__args__)
    if all(x is y for x, y in zip(stripped, t.__args__)):
        return t
    return _rebuild(t, stripped)


def _class_hints(obj, globalns, localns):
    hints = {}
    fallback = None
    for base in reversed(obj.__mro__):
        if globalns is None:
            base_globals = _module_namespace(base.__module__)
            if base_globals is None:
                if fallback is None:
                    fallback = _fallback_namespace()
                base_globals = dict(fallback)
                # A class can at least name itself and its bases.
                for klass in obj.__mro__:
                    base_globals.setdefault(klass.__name__, klass)
        else:
            base_globals = globalns
        ann = base.__dict__.get('__annotations__', {})
        base_locals = dict(vars(base)) if localns is None else localns
        if localns is None and globalns is None:
            base_globals, base_locals = base_locals, base_globals
        for name, value in ann.items():
            if value is None:
                value = _NoneType
            if isinstance(value, str):
                value = ForwardRef(value, is_argument=False, is_class=True)
            hints[name] = eval_type(value, base_globals, base_locals,
                                    getattr(base, '__type_params__', ()))
    return hints


def _is_plain_callable(obj):
    return callable(obj) or isinstance(obj, type(sys))


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type) and not isinstance(obj, _GenericAlias):
        hints = _class_hints(obj, globalns, localns)
    else:
        if globalns is None:
            if isinstance(obj, type(sys)):
                globalns = obj.__dict__
            else:
                nsobj = obj
                while hasattr(nsobj, '__wrapped__'):
                    nsobj = nsobj.__wrapped__
                globalns = getattr(nsobj, '__globals__', None)
                if globalns is None:
                    globalns = _module_namespace(
                        getattr(nsobj, '__module__', None))
                if globalns is None:
                    globalns = _fallback_namespace()
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        hints = getattr(obj, '__annotations__', None)
        if hints is None:
            if _is_plain_callable(obj):
                return {}
            raise TypeError('{!r} is not a module, class, method, '
                            'or function.'.format(obj))
        hints = dict(hints)
        type_params = getattr(obj, '__type_params__', ())
        is_module = isinstance(obj, type(sys))
        for name, value in hints.items():
            if value is None:
                value = _NoneType
            if isinstance(value, str):
                value = ForwardRef(value, is_argument=not is_module,
                                   is_class=False)
            hints[name] = eval_type(value, globalns, localns, type_params)
    if include_extras:
        return hints
    return {k: strip_annotations(t) for k, t in hints.items()}
