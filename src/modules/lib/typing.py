"""Support for type hints: special forms, generic aliases, type variables,
Generic and Protocol.

Import time matters (compiling is most of it), so the module is split:
* here: helpers, special forms, Any, TypeVar, the library aliases, and the
  small functions;
* _typing_generics: the alias objects, Generic, Protocol (thin), the
  NamedTuple and TypedDict metaclasses;
* loaded on first use: _typing_more (ParamSpec, TypeVarTuple, Concatenate,
  Unpack, List[T][int]), _typing_funcs (ForwardRef, get_origin, get_args,
  overload, ...), _typing_proto (protocol checks), _typing_extras with the
  shared _namedtuple (NamedTuple, TypedDict, NewType, TypeAliasType), _typing_io
  (IO, Supports*), _typing_hints (get_type_hints).
"""

import sys
import _typealias


__all__ = """Annotated Any Callable ClassVar Concatenate Final ForwardRef
Generic Literal Optional ParamSpec Protocol Tuple Type TypeVar TypeVarTuple
Union AbstractSet ByteString Container ContextManager Hashable ItemsView
Iterable Iterator KeysView Mapping MappingView MutableMapping MutableSequence
MutableSet Sequence Sized ValuesView Awaitable AsyncIterator AsyncIterable
Coroutine Collection AsyncGenerator AsyncContextManager Reversible SupportsAbs
SupportsBytes SupportsComplex SupportsFloat SupportsIndex SupportsInt
SupportsRound ChainMap Counter Deque Dict DefaultDict List OrderedDict Set
FrozenSet NamedTuple TypedDict Generator BinaryIO IO Match Pattern TextIO
AnyStr assert_type assert_never cast clear_overloads dataclass_transform final
get_args get_origin get_overloads get_protocol_members get_type_hints
is_protocol is_typeddict LiteralString Never NewType no_type_check
no_type_check_decorator NoDefault NoReturn NotRequired overload override
ParamSpecArgs ParamSpecKwargs ReadOnly Required reveal_type runtime_checkable
Self Text TYPE_CHECKING TypeAlias TypeGuard TypeIs TypeAliasType
Unpack""".split()

_MISSING = object()
_FunctionType = type(lambda: None)
_NoneType = type(None)
_TypesGenericAlias = _typealias.GenericAlias
_TypesUnionType = _typealias.UnionType


def _more():
    import _typing_more
    return _typing_more


def _proto():
    import _typing_proto
    return _typing_proto


def _funcs():
    import _typing_funcs
    return _typing_funcs


# --- helpers ------------------------------------------------------------------------

def _is_class(x):
    # A real class: alias shells are classes here only to be subclassable.
    return isinstance(x, type) and not isinstance(x, _GenericAlias)


def _type_repr(obj):
    if isinstance(obj, type):
        if isinstance(obj, _GenericAlias):
            return repr(obj)
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join([_type_repr(t) for t in obj]) + ']'
    return repr(obj)


def _type_convert(arg, module=None, *, allow_special_forms=False):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return _funcs().ForwardRef(arg, module=module,
                                   is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *,
                allow_special_forms=False):
    arg = _type_convert(arg, module, allow_special_forms=allow_special_forms)
    if isinstance(arg, _GenericAlias):
        origin = arg._impl._origin
        if origin is Generic or origin is Protocol or (
                not allow_special_forms and (origin is ClassVar or (
                    is_argument and origin is Final))):
            raise TypeError(f"{arg} is not valid as type argument")
        return arg
    if isinstance(arg, _SpecialForm):
        if arg in _BARE_OK or (allow_special_forms and
                               (arg is ClassVar or arg is Final)):
            return arg
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if arg is Generic or arg is Protocol:
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {repr(arg)[:100]}.")
    return arg


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list)) or getattr(
        type(arg), '_typing_param_expr', False)


def _collect_type_parameters(args, *, enforce_default_ordering=True):
    # The free type variables of args, in order of first appearance.
    seen_default = seen_tuple = False
    params = []
    for t in args:
        if _is_class(t):
            continue
        if isinstance(t, tuple):
            found = _collect_type_parameters(t)
        elif getattr(type(t), '_typing_var', False):
            if t in params:
                continue
            if enforce_default_ordering:
                if t.has_default():
                    if seen_tuple:
                        raise TypeError('Type parameter with a default'
                                        ' follows TypeVarTuple')
                    seen_default = True
                elif seen_default:
                    raise TypeError(f'Type parameter {t!r} without a default '
                                    'follows type parameter with a default')
            params.append(t)
            continue
        else:
            if getattr(t, '__typing_is_unpacked_typevartuple__', False):
                seen_tuple = True
            found = _params_of(t)
        for x in found:
            if x not in params:
                params.append(x)
    return tuple(params)


def _params_of(t):
    # The free type parameters an argument carries.
    if isinstance(t, _TypesGenericAlias):
        return _collect_type_parameters(t.__args__,
                                        enforce_default_ordering=False)
    return getattr(t, '__parameters__', ())


def _dedupe(params):
    # The first of equal parameters, in order; unhashable ones too.
    out = []
    try:
        seen = set()
        for p in params:
            if p not in seen:
                seen.add(p)
                out.append(p)
    except TypeError:
        out = []
        for p in params:
            if p not in out:
                out.append(p)
    return out


# Results of subscriptions, so that equal aliases are the same object
# (alias shells compare by identity).  Unhashable arguments skip it.
_cache = {}


def _frozen(x):
    # A hashable stand-in for lists in subscriptions (Z[[int, str]]).
    if isinstance(x, (list, tuple)):
        return (type(x),) + tuple([_frozen(y) for y in x])
    return x


def _cached(key, func, *args):
    try:
        hit = _cache.get(key, _MISSING)
    except TypeError:
        try:
            key = _frozen(key)
            hit = _cache.get(key, _MISSING)
        except TypeError:
            return func(*args)
    if hit is _MISSING:
        hit = _cache[key] = func(*args)
    return hit


def _caller(default='__main__'):
    getter = getattr(sys, '_getframe', None)
    if getter is not None:
        try:
            return getter(2).f_globals.get('__name__', default)
        except (AttributeError, ValueError):
            pass
    return default


# --- special forms ------------------------------------------------------------------

class _SpecialForm:
    """A typing construct such as Union or ClassVar (not a class)."""

    def __init__(self, getitem, name):
        self._getitem = getitem
        self._name = self.__qualname__ = name

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        return _cached((self, parameters), self._getitem, self, parameters)


class _TypedCacheSpecialForm(_SpecialForm):
    # Literal and Annotated: 1 and True must not share a cache entry.
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        key = (self, parameters, tuple([type(p) for p in parameters]))
        return _cached(key, self._getitem, self, *parameters)


def _not_subscriptable(self, parameters):
    raise TypeError(f"{self} is not subscriptable")


def _single_type(self, parameters):
    # ClassVar[...] and Final[...]: one type; bare special forms allowed.
    item = _type_check(parameters, f'{self} accepts only single type.',
                       allow_special_forms=True)
    return _alias(self, (item,))


def _single_arg(self, parameters):
    # TypeGuard[...] and TypeIs[...].
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _alias(self, (item,))


def _typeddict_qualifier(self, parameters):
    # Required[...], NotRequired[...] and ReadOnly[...].
    item = _type_check(parameters, f'{self._name} accepts only a single type.')
    return _alias(self, (item,))


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    flat = []
    for p in parameters:
        p = _type_check(p, msg)
        if isinstance(p, (_UnionGenericAlias, _TypesUnionType)):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    params = tuple(_dedupe(flat))
    if len(params) == 1:
        return params[0]
    if len(params) == 2 and _NoneType in params:
        return _UnionGenericAlias(self, params, name="Optional")
    return _UnionGenericAlias(self, params)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, _NoneType]


def _literal_getitem(self, *parameters):
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    try:
        flat = [p for p, _ in _dedupe([(p, type(p)) for p in flat])]
    except TypeError:
        pass
    return _LiteralGenericAlias(self, tuple(flat))


def _annotated_getitem(self, *params):
    if len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two "
                        "arguments (a type and an annotation).")
    if getattr(params[0], '__typing_is_unpacked_typevartuple__', False):
        raise TypeError("Annotated[...] should not be used with an "
                        "unpacked TypeVarTuple")
    origin = _type_check(params[0], "Annotated[t, ...]: t must be a type.",
                         allow_special_forms=True)
    return _AnnotatedAlias(origin, tuple(params[1:]))


def _lazy_getitem(name):
    def getitem(self, parameters):
        return getattr(_more(), name)(self, parameters)
    return getitem


NoReturn = _SpecialForm(_not_subscriptable, 'NoReturn')
Never = _SpecialForm(_not_subscriptable, 'Never')
Self = _SpecialForm(_not_subscriptable, 'Self')
LiteralString = _SpecialForm(_not_subscriptable, 'LiteralString')
TypeAlias = _SpecialForm(_not_subscriptable, 'TypeAlias')
ClassVar = _SpecialForm(_single_type, 'ClassVar')
Final = _SpecialForm(_single_type, 'Final')
Union = _SpecialForm(_union_getitem, 'Union')
Optional = _SpecialForm(_optional_getitem, 'Optional')
Concatenate = _SpecialForm(_lazy_getitem('concatenate_getitem'), 'Concatenate')
TypeGuard = _SpecialForm(_single_arg, 'TypeGuard')
TypeIs = _SpecialForm(_single_arg, 'TypeIs')
Unpack = _SpecialForm(_lazy_getitem('unpack_getitem'), 'Unpack')
Required = _SpecialForm(_typeddict_qualifier, 'Required')
NotRequired = _SpecialForm(_typeddict_qualifier, 'NotRequired')
ReadOnly = _SpecialForm(_typeddict_qualifier, 'ReadOnly')
Literal = _TypedCacheSpecialForm(_literal_getitem, 'Literal')
Annotated = _TypedCacheSpecialForm(_annotated_getitem, 'Annotated')
_BARE_OK = (LiteralString, NoReturn, Never, Self, TypeAlias)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return self in type(obj).__mro__

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return f"<class '{self.__module__}.{self.__qualname__}'>"


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


class NoDefaultType:
    __slots__ = ()

    def __repr__(self):
        return 'typing.NoDefault'

    def __reduce__(self):
        return 'NoDefault'


NoDefault = NoDefaultType()
del NoDefaultType


# --- TypeVar ---------------------------------------------------------------------------

class TypeVar:
    """Type variable."""

    _typing_var = True

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False,
                 default=NoDefault):
        if not isinstance(name, str):
            raise TypeError("typevar() argument 'name' must be str, "
                            f"not {type(name).__name__}")
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with "
                             "infer_variance.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        if bound is not None:
            bound = _type_check(bound, "Bound must be a type.")
        self.__bound__ = bound
        self.__constraints__ = constraints
        self.__default__ = default
        self.__module__ = _caller()

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.TypeVar' is not an acceptable base type")

    def __repr__(self):
        if self.__infer_variance__:
            return self.__name__
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __getitem__(self, item):
        raise TypeError("'typing.TypeVar' object is not subscriptable")

    def has_default(self):
        return self.__default__ is not NoDefault

    def __typing_subst__(self, arg):
        arg = _type_check(arg, "Parameters to generic types must be types.")
        if (getattr(type(arg), '_typing_unpack', False) or
                (isinstance(arg, _TypesGenericAlias) and
                 getattr(arg, '__unpacked__', False))):
            raise TypeError(f"{arg} is not valid as type argument")
        return arg

    def __typing_prepare_subst__(self, alias, args):
        i = alias.__parameters__.index(self)
        if i < len(args):
            return args
        if i == len(args) and self.has_default():
            return tuple(args) + (self.__default__,)
        raise TypeError(f"Too few arguments for {alias}; actual {len(args)}, "
                        f"expected at least {i + 1}")


# The alias objects, Generic and Protocol.  That module imports the names
# above, which exist by now.
from _typing_generics import (                    # noqa: E402
    _GenericAlias, _UnionGenericAlias, _LiteralGenericAlias, _AnnotatedAlias,
    _InstanceAlias, _ProtocolMeta, _TypingEllipsis, _alias, _special,
    _CallableSpecial, _TupleSpecial, _generic_class_getitem, Generic, Protocol,
    NamedTupleMeta, _TypedDictMeta, NamedTuple, TypedDict)


def _patch_typealias():
    # types.GenericAlias and X | Y (in _typealias) must print typing's
    # aliases with repr(), and leave `list[int] | List[str]` to typing's
    # __ror__, as CPython's C types do.
    type_repr = _typealias._type_repr
    is_union_arg = _typealias._is_union_arg

    def alias_repr(t):
        if isinstance(t, _GenericAlias):
            return repr(t)
        if isinstance(t, list):
            return '[' + ', '.join([alias_repr(a) for a in t]) + ']'
        return type_repr(t)

    def union_arg(x):
        if isinstance(x, _GenericAlias) or (
                not isinstance(x, type) and type(x).__module__ == 'typing'):
            return False
        return is_union_arg(x)

    _typealias._type_repr = alias_repr
    _typealias._is_union_arg = union_arg


_patch_typealias()


# --- the aliases of library classes ------------------------------------------------------

_ABC = 'collections.abc'
Hashable = _special((_ABC, 'Hashable'), 0)
Awaitable = _special((_ABC, 'Awaitable'), 1)
Coroutine = _special((_ABC, 'Coroutine'), 3)
AsyncIterable = _special((_ABC, 'AsyncIterable'), 1)
AsyncIterator = _special((_ABC, 'AsyncIterator'), 1)
Iterable = _special((_ABC, 'Iterable'), 1)
Iterator = _special((_ABC, 'Iterator'), 1)
Reversible = _special((_ABC, 'Reversible'), 1)
Sized = _special((_ABC, 'Sized'), 0)
Container = _special((_ABC, 'Container'), 1)
Collection = _special((_ABC, 'Collection'), 1)
Callable = _special((_ABC, 'Callable'), 2, kind=_CallableSpecial)
AbstractSet = _special((_ABC, 'Set'), 1, name='AbstractSet')
MutableSet = _special((_ABC, 'MutableSet'), 1)
Mapping = _special((_ABC, 'Mapping'), 2)
MutableMapping = _special((_ABC, 'MutableMapping'), 2)
Sequence = _special((_ABC, 'Sequence'), 1)
MutableSequence = _special((_ABC, 'MutableSequence'), 1)
ByteString = _special((_ABC, 'ByteString'), 0)
Tuple = _special(tuple, -1, inst=False, name='Tuple', kind=_TupleSpecial)
List = _special(list, 1, inst=False, name='List')
Deque = _special(('collections', 'deque'), 1, name='Deque')
Set = _special(set, 1, inst=False, name='Set')
FrozenSet = _special(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _special((_ABC, 'MappingView'), 1)
KeysView = _special((_ABC, 'KeysView'), 1)
ItemsView = _special((_ABC, 'ItemsView'), 2)
ValuesView = _special((_ABC, 'ValuesView'), 1)
Dict = _special(dict, 2, inst=False, name='Dict')
DefaultDict = _special(('collections', 'defaultdict'), 2, name='DefaultDict')
OrderedDict = _special(('collections', 'OrderedDict'), 2)
Counter = _special(('collections', 'Counter'), 1)
ChainMap = _special(('collections', 'ChainMap'), 2)
Generator = _special((_ABC, 'Generator'), 3, defaults=(_NoneType, _NoneType))
AsyncGenerator = _special((_ABC, 'AsyncGenerator'), 2, defaults=(_NoneType,))
Type = _special(type, 1, inst=False, name='Type')


def _typevar(*args, **kwargs):
    tv = TypeVar(*args, **kwargs)
    tv.__module__ = 'typing'
    return tv


T = _typevar('T')
KT = _typevar('KT')
VT = _typevar('VT')
T_co = _typevar('T_co', covariant=True)
V_co = _typevar('V_co', covariant=True)
VT_co = _typevar('VT_co', covariant=True)
T_contra = _typevar('T_contra', contravariant=True)
CT_co = _typevar('CT_co', covariant=True, bound=type)
AnyStr = _typevar('AnyStr', bytes, str)
Text = str
TYPE_CHECKING = False


# --- small functions (the others are made on first use) ------------------------------

def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm the type of val; returns val."""
    return val


def final(f):
    """Mark a method or class final (sets __final__ = True)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method, /):
    """Mark a method as overriding one of a base (sets __override__)."""
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def is_typeddict(tp):
    """True for a TypedDict class."""
    return (isinstance(tp, _TypedDictMeta) and tp is not TypedDict and
            not isinstance(tp, _GenericAlias))


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a module, class or function, with forward
    references evaluated (and Annotated stripped unless include_extras)."""
    import _typing_hints
    return _typing_hints.get_type_hints(obj, globalns, localns,
                                        include_extras)


# Where the names made on first use live.
_LAZY = dict.fromkeys(
    "ParamSpec TypeVarTuple ParamSpecArgs ParamSpecKwargs".split(),
    '_typing_more')
_LAZY.update(dict.fromkeys("""ForwardRef get_origin get_args overload
get_overloads clear_overloads no_type_check no_type_check_decorator
dataclass_transform assert_never reveal_type""".split(), '_typing_funcs'))
_LAZY.update(dict.fromkeys(
    "runtime_checkable is_protocol get_protocol_members".split(),
    '_typing_proto'))
_LAZY.update(dict.fromkeys("NewType TypeAliasType".split(), '_typing_extras'))
_LAZY.update(dict.fromkeys("""IO TextIO BinaryIO SupportsInt SupportsFloat
SupportsComplex SupportsBytes SupportsIndex SupportsAbs SupportsRound Pattern
Match ContextManager AsyncContextManager""".split(), '_typing_io'))


def __getattr__(attr):
    where = _LAZY.get(attr)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
    if where == '_typing_more':
        module = _more()
    elif where == '_typing_funcs':
        module = _funcs()
    elif where == '_typing_proto':
        module = _proto()
    elif where == '_typing_extras':
        import _typing_extras as module
    else:
        import _typing_io as module
    obj = getattr(module, attr)
    setattr(sys.modules[__name__], attr, obj)
    return obj
