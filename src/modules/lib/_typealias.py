"""Types as values: `X | Y` unions and `list[int]` generic aliases.

The interpreter calls `union(a, b)` for `|` between types (or None) and
`alias(origin, args)` for a subscripted built-in class.
"""


def _type_repr(t):
    # How an argument of an alias or a union prints.
    if t is None or t is type(None):
        return "None"
    if t is Ellipsis:
        return "..."
    if isinstance(t, type) and not isinstance(t, (GenericAlias, UnionType)):
        if t.__module__ == "builtins":
            return t.__qualname__
        return f"{t.__module__}.{t.__qualname__}"
    return repr(t)


def _is_union_arg(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType)) or (
        type(x).__module__ == "typing")


class GenericAlias:
    """`list[int]`: an origin class with its arguments."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        if not self.__args__:
            inner = "()"
        else:
            inner = ", ".join(_type_repr(a) for a in self.__args__)
        return f"{_type_repr(self.__origin__)}[{inner}]"

    def __call__(self, *args, **kwargs):
        obj = self.__origin__(*args, **kwargs)
        try:
            obj.__orig_class__ = self
        except Exception:
            pass
        return obj

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getattr__(self, name):
        # CPython forwards to the origin all but a few dunders; these are the
        # ones programs read (`list[int].__name__` is 'list').
        if name.startswith("__") and name.endswith("__") and name not in _FORWARDED:
            raise AttributeError(name)
        return getattr(self.__origin__, name)


_FORWARDED = frozenset(("__name__", "__qualname__", "__module__", "__doc__"))

GenericAlias.__module__ = "types"


class UnionType:
    """`int | None`: the alternatives, without repeats, in order."""

    def __init__(self, args):
        self.__args__ = args

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return union(self, other)

    def __ror__(self, other):
        return union(other, self)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


UnionType.__module__ = "types"


def _flatten(x):
    if x is None:
        return (type(None),)
    if isinstance(x, UnionType):
        return x.__args__
    return (x,)


def union(a, b):
    if not (_is_union_arg(a) and _is_union_arg(b)):
        return NotImplemented
    args = []
    for t in _flatten(a) + _flatten(b):
        if t not in args:
            args.append(t)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


def alias(origin, args):
    return GenericAlias(origin, args)
