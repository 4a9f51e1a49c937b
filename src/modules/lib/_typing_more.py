"""Parts of typing loaded on first use (a private part of typing):
ParamSpec, TypeVarTuple, Concatenate, Unpack and re-subscription of
aliases (List[T][int])."""

import typing
from typing import (
    Union, Unpack, Annotated, TypeVar, NoDefault, _type_check, _type_convert,
    _is_class, _is_param_expr, _params_of, _GenericAlias, _InstanceAlias,
    _UnionGenericAlias, _AnnotatedAlias, _TypesGenericAlias, _type_repr,
    _caller)


# --- ParamSpec and TypeVarTuple -----------------------------------------------------

def _check_name(name, kind):
    if not isinstance(name, str):
        raise TypeError(f"{kind}() argument 'name' must be str, "
                        f"not {type(name).__name__}")


class _VarBase:
    # What ParamSpec and TypeVarTuple share with TypeVar.
    __module__ = 'typing'
    _typing_var = True
    __covariant__ = __contravariant__ = __infer_variance__ = False
    __reduce__ = TypeVar.__reduce__
    has_default = TypeVar.has_default

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != 'typing':
            raise TypeError(f"type 'typing.{cls.__mro__[1].__name__}' is "
                            "not an acceptable base type")


class ParamSpecArgs:
    """The type of P.args for a ParamSpec P."""
    __module__ = 'typing'
    _typing_psargs = True

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.args"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, id(self.__origin__)))


class ParamSpecKwargs:
    """The type of P.kwargs for a ParamSpec P."""
    __module__ = 'typing'
    _typing_psargs = True

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.kwargs"

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, id(self.__origin__)))


class ParamSpec(_VarBase):
    """Parameter specification variable."""
    __module__ = 'typing'
    _typing_param_expr = True
    __or__ = TypeVar.__or__
    __ror__ = TypeVar.__ror__

    def __init__(self, name, *, bound=None, covariant=False,
                 contravariant=False, infer_variance=False,
                 default=NoDefault):
        _check_name(name, 'paramspec')
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with "
                             "infer_variance.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        # CPython 3.13 stores a missing bound as NoneType here.
        self.__bound__ = _type_check(bound, "Bound must be a type.")
        self.__default__ = default
        self.__module__ = _caller()

    __repr__ = TypeVar.__repr__

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            return tuple([_type_check(a, "Expected a type.") for a in arg])
        if not _is_param_expr(arg):
            raise TypeError("Expected a list of types, an ellipsis, "
                            f"ParamSpec, or Concatenate. Got {arg}")
        return arg

    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        i = params.index(self)
        if i == len(args) and self.has_default():
            args = tuple(args) + (self.__default__,)
        if i >= len(args):
            raise TypeError(f"Too few arguments for {alias}")
        if len(params) == 1 and not _is_param_expr(args[0]):
            return (tuple(args),)
        if isinstance(args[i], list):
            return tuple(args[:i]) + (tuple(args[i]),) + tuple(args[i + 1:])
        return args


class TypeVarTuple(_VarBase):
    """Type variable tuple: a variadic type variable."""
    __module__ = 'typing'
    _typing_tvt = True

    def __init__(self, name, *, default=NoDefault):
        _check_name(name, 'typevartuple')
        self.__name__ = name
        self.__default__ = default
        self.__module__ = _caller()

    def __repr__(self):
        return self.__name__

    # Not unionable; as a C type in CPython its name carries the module.
    def __or__(self, other):
        raise TypeError("unsupported operand type(s) for |: "
                        f"'typing.TypeVarTuple' and '{type(other).__name__}'")

    def __ror__(self, other):
        raise TypeError("unsupported operand type(s) for |: "
                        f"'{type(other).__name__}' and 'typing.TypeVarTuple'")

    def __iter__(self):
        yield Unpack[self]

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")

    def __typing_prepare_subst__(self, alias, args):
        params = alias.__parameters__
        idx = params.index(self)
        for p in params[idx + 1:]:
            if isinstance(p, TypeVarTuple):
                raise TypeError(
                    f"More than one TypeVarTuple parameter in {alias}")
        alen, plen = len(args), len(params)
        left, right = idx, plen - idx - 1
        var_index = fill = None
        for k, arg in enumerate(args):
            if not isinstance(arg, type):
                sub = getattr(arg, '__typing_unpacked_tuple_args__', None)
                if sub and len(sub) == 2 and sub[-1] is ...:
                    if var_index is not None:
                        raise TypeError("More than one unpacked "
                                        "arbitrary-length tuple argument")
                    var_index, fill = k, sub[0]
        if var_index is not None:
            left = min(left, var_index)
            right = min(right, alen - var_index - 1)
        elif left + right > alen:
            raise TypeError(f"Too few arguments for {alias}; actual {alen}, "
                            f"expected at least {plen - 1}")
        if left == alen - right and self.has_default():
            middle = tuple(_unpack_args([self.__default__]))
        else:
            middle = tuple(args[left:alen - right])
        return (tuple(args[:left]) + (fill,) * (idx - left) + (middle,) +
                (fill,) * (plen - right - left - idx - 1) +
                tuple(args[alen - right:]))


# --- Concatenate and Unpack ---------------------------------------------------------

class _ConcatenateGenericAlias(_InstanceAlias):
    __module__ = 'typing'
    _typing_param_expr = True

    def copy_with(self, params):
        if isinstance(params[-1], (list, tuple)):
            return tuple(params[:-1]) + tuple(params[-1])
        if isinstance(params[-1], _ConcatenateGenericAlias):
            params = tuple(params[:-1]) + params[-1].__args__
        return _ConcatenateGenericAlias(self.__origin__, params)


class _UnpackGenericAlias(_InstanceAlias):
    __module__ = 'typing'
    _typing_unpack = True

    def _repr(self):
        return f'typing.Unpack[{_type_repr(self.__args__[0])}]'

    def _getitem(self, args):
        if self.__typing_is_unpacked_typevartuple__:
            return args
        return super()._getitem(args)

    @property
    def __typing_unpacked_tuple_args__(self):
        arg = self.__args__[0]
        if isinstance(arg, (_GenericAlias, _TypesGenericAlias)):
            if arg.__origin__ is not tuple:
                raise TypeError("Unpack[...] must be used with a tuple type")
            return arg.__args__
        return None

    @property
    def __typing_is_unpacked_typevartuple__(self):
        return isinstance(self.__args__[0], TypeVarTuple)


def concatenate_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError("The last parameter to Concatenate should be a "
                        "ParamSpec variable or ellipsis.")
    msg = "Concatenate[arg, ...]: each arg must be a type."
    head = tuple([_type_check(p, msg) for p in parameters[:-1]])
    return _ConcatenateGenericAlias(self, head + (parameters[-1],))


def unpack_getitem(self, parameters):
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _UnpackGenericAlias(self, (item,))


# --- substituting type variables: List[T][int] -----------------------------------

def _unpack_args(args):
    out = []
    for a in args:
        sub = getattr(a, '__typing_unpacked_tuple_args__', None)
        if sub is not None and not (sub and sub[-1] is ...):
            out.extend(sub)
        else:
            out.append(a)
    return out


def substitute_alias(alias, args):
    args = _unpack_args([_type_convert(p) for p in args])
    params = alias.__parameters__
    for param in params:
        prepare = getattr(param, '__typing_prepare_subst__', None)
        if prepare is not None:
            args = prepare(alias._pub, args)
    alen, plen = len(args), len(params)
    if alen != plen:
        raise TypeError(f"Too {'many' if alen > plen else 'few'} arguments "
                        f"for {alias._pub}; actual {alen}, expected {plen}")
    mapping = dict(zip(params, args))
    return alias.copy_with(tuple(_substitute(alias, alias.__args__, mapping)))


def _substitute(alias, args, mapping):
    out = []
    for old in args:
        if _is_class(old):
            out.append(old)
            continue
        subst = None if isinstance(old, type) else getattr(
            old, '__typing_subst__', None)
        if subst:
            new = subst(mapping[old])
        elif isinstance(old, _TypesGenericAlias):
            new = _TypesGenericAlias(
                old.__origin__, tuple(_substitute(alias, old.__args__,
                                                  mapping)))
        else:
            sub = _params_of(old)
            if not sub:
                new = old
            else:
                subargs = []
                for x in sub:
                    if isinstance(x, TypeVarTuple):
                        subargs.extend(mapping[x])
                    else:
                        subargs.append(mapping[x])
                new = old[tuple(subargs)]
        if alias._is_callable and isinstance(new, tuple):
            out.extend(new)
        elif (not isinstance(old, type) and
              getattr(old, '__typing_is_unpacked_typevartuple__', False)):
            out.extend(new)
        elif isinstance(old, tuple):
            out.append(tuple(_substitute(alias, old, mapping)))
        else:
            out.append(new)
    return out


def reduce_alias(alias):
    import operator
    if isinstance(alias, _AnnotatedAlias):
        return operator.getitem, (Annotated,
                                  (alias.__origin__,) + alias.__metadata__)
    if isinstance(alias, _UnionGenericAlias):
        return operator.getitem, (Union, alias.__args__)
    origin = alias.__origin__
    if alias._name:
        origin = getattr(typing, alias._name)
    args = tuple(alias.__args__)
    if len(args) == 1 and not isinstance(args[0], tuple):
        args, = args
    return operator.getitem, (origin, args)
