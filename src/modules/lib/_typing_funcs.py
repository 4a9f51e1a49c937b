"""typing's ForwardRef, get_origin/get_args and decorators (a private
part of typing, loaded on first use)."""

import sys
from typing import (
    Generic, Union, Annotated, _is_param_expr, _GenericAlias, _InstanceAlias,
    _AnnotatedAlias, _TypesGenericAlias, _TypesUnionType, _FunctionType)


# --- ForwardRef ------------------------------------------------------------------------

class ForwardRef:
    """Internal wrapper to hold a forward reference."""
    __module__ = 'typing'

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        text = f'({arg},)[0]' if arg.startswith('*') else arg
        try:
            code = compile(text, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(
                f"Forward reference must be an expression -- got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, type_params=(), *,
                  recursive_guard=frozenset()):
        import _typing_hints
        return _typing_hints.evaluate_forward_ref(
            self, globalns, localns, type_params, recursive_guard)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__ and
                    self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            mod = ''
        else:
            mod = f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{mod})'


# --- introspection -----------------------------------------------------------------------

def get_origin(tp):
    """The unsubscripted version of a type: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        return tp._impl.__origin__
    if isinstance(tp, (_InstanceAlias, _TypesGenericAlias)) or getattr(
            type(tp), '_typing_psargs', False):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _TypesUnionType):
        return _TypesUnionType
    return None


def get_args(tp):
    """Type arguments with all substitutions performed."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        impl = tp._impl
        args = getattr(impl, '__args__', ())
        if impl._is_callable and not (len(args) == 2 and
                                      _is_param_expr(args[0])):
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, (_InstanceAlias, _TypesGenericAlias, _TypesUnionType)):
        return tp.__args__
    return ()


# --- decorators and checks ---------------------------------------------------------

def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj, /):
    """Print the runtime type of obj to stderr and return obj."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


# {module: {qualname: {first line: function}}}
_overload_registry = {}


def overload(func):
    """Decorator for overloaded function signatures."""
    f = getattr(func, "__func__", func)
    try:
        key = f.__qualname__
        line = f.__code__.co_firstlineno
        mod = f.__module__
    except AttributeError:
        return _overload_dummy
    _overload_registry.setdefault(mod, {}).setdefault(key, {})[line] = func
    return _overload_dummy


def get_overloads(func):
    """The overloads defined for func, in definition order."""
    f = getattr(func, "__func__", func)
    # (aio's builtins have no __module__.)
    by_name = _overload_registry.get(getattr(f, '__module__', 'builtins'))
    name = getattr(f, '__qualname__', None)
    if by_name is None or name not in by_name:
        return []
    return list(by_name[name].values())


def clear_overloads():
    """Forget every overload recorded so far."""
    _overload_registry.clear()


def no_type_check(arg):
    """Mark a function or class so that get_type_hints ignores it."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__')
                    or obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}'
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, _FunctionType):
                obj.__no_type_check__ = True
            elif hasattr(obj, '__func__'):
                obj.__func__.__no_type_check__ = True
            elif isinstance(obj, type):
                no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except (TypeError, AttributeError):
        pass
    return arg


def no_type_check_decorator(decorator):
    """Give another decorator the @no_type_check effect."""
    import functools

    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, frozen_default=False,
                        field_specifiers=(), **kwargs):
    """Mark a decorator, base class or metaclass as dataclass-like."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "frozen_default": frozen_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator
