"""typing's generic aliases, Generic and Protocol (a private part of typing).

aio accepts only real classes as bases, so an alias that can be
subclassed (`Generic[T]`, `List[int]`, `Box[int]`, `typing.Mapping`) is a
"shell": a small class whose metaclass is `_GenericAlias` and whose
behaviour lives in a plain object, `shell._impl`.  When a class statement
lists shells among its bases, the shell metaclass wins the metaclass
choice; its `__new__` then does what `__mro_entries__` does in CPython and
builds the real class.  Aliases that cannot be bases (unions, literals,
Annotated, ...) are ordinary instances of `_InstanceAlias` subclasses.
"""

from abc import ABCMeta
from typing import (
    _type_repr, _type_check, _type_convert, _is_class, _is_param_expr,
    _collect_type_parameters, _cached, _more, _proto, _SpecialForm, _TypesGenericAlias,
    _TypesUnionType, _NoneType, Union)

_SUBSCRIPTED_CHECK = ("Subscripted generics cannot be used with"
                      " class and instance checks")


class _TypingEllipsis:
    """Internal placeholder for ... (ellipsis)."""


def _load(path):
    # Origins in other modules are imported on first use: importing
    # collections.abc is much slower than importing typing.
    mod, attr = path
    if mod == 'collections.abc':
        import collections.abc as m
    elif mod == 'collections':
        import collections as m
    elif mod == 'contextlib':
        import contextlib as m
    else:
        import re as m
    return getattr(m, attr)


# --- Protocol's metaclass (shells' metaclass derives from it) ----------------------
# The checks themselves live in _typing_more, loaded on first use.

class _ProtocolMeta(ABCMeta):
    __module__ = 'typing'

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        if name == "Protocol" and bases == (Generic,):
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            cls.__protocol_attrs__ = set()
            return cls
        if Protocol in bases:
            _proto().check_protocol_bases(bases)
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        if getattr(cls, "_is_protocol", False):
            cls.__protocol_attrs__ = _proto().get_protocol_attrs(cls)
        return cls

    def __subclasscheck__(cls, other):
        return _proto().protocol_subclasscheck(cls, other)

    def __instancecheck__(cls, instance):
        return _proto().protocol_instancecheck(cls, instance)


# --- Generic ------------------------------------------------------------------

def _check_generic_specialization(cls, arguments):
    expected = len(cls.__parameters__)
    if not expected:
        raise TypeError(f"{cls} is not a generic class")
    actual = len(arguments)
    if actual != expected:
        if actual < expected:
            if cls.__parameters__[actual].has_default():
                return
            expected -= sum(p.has_default() for p in cls.__parameters__)
            expect_val = f"at least {expected}"
        else:
            expect_val = expected
        raise TypeError(f"Too {'many' if actual > expected else 'few'} "
                        f"arguments for {cls}; actual {actual}, "
                        f"expected {expect_val}")


def _generic_class_getitem(cls, args):
    if not isinstance(args, tuple):
        args = (args,)
    args = tuple(_type_convert(p) for p in args)
    if cls is Generic or cls is Protocol:
        if not args:
            raise TypeError(
                f"Parameter list to {cls.__qualname__}[...] cannot be empty")
        if not all(getattr(type(p), '_typing_var', False) and not getattr(
                type(p), '_typing_tvt', False) or getattr(
                p, '__typing_is_unpacked_typevartuple__', False)
                for p in args):
            raise TypeError(
                f"Parameters to {cls.__name__}[...] must all be type "
                "variables or parameter specification variables.")
        if len(set(args)) != len(args):
            raise TypeError(
                f"Parameters to {cls.__name__}[...] must all be unique")
    else:
        for param in cls.__parameters__:
            prepare = getattr(param, '__typing_prepare_subst__', None)
            if prepare is not None:
                args = prepare(cls, args)
        _check_generic_specialization(cls, args)
        new_args = []
        for param, arg in zip(cls.__parameters__, args):
            if getattr(type(param), '_typing_tvt', False):
                new_args.extend(arg)
            else:
                new_args.append(arg)
        args = tuple(new_args)
    return _alias(cls, args)


def _generic_init_subclass(cls, args, kwargs):
    if kwargs and not _hook_after(cls, Generic):
        # object's own message, with the qualified name as in CPython.
        raise TypeError(f"{cls.__qualname__}.__init_subclass__() takes no "
                        "keyword arguments")
    super(Generic, cls).__init_subclass__(*args, **kwargs)
    own = cls.__dict__
    if '__orig_bases__' in own:
        error = Generic in cls.__orig_bases__
    else:
        error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol' and
                 type(cls).__name__ != '_TypedDictMeta')
    if error:
        raise TypeError("Cannot inherit from plain Generic")
    tvars = ()
    if '__orig_bases__' in own:
        tvars = _collect_type_parameters(cls.__orig_bases__)
        gvars = None
        for base in cls.__orig_bases__:
            if isinstance(base, _GenericAlias) and base._impl._origin is Generic:
                if gvars is not None:
                    raise TypeError(
                        "Cannot inherit from Generic[...] multiple times.")
                gvars = base.__parameters__
        if gvars is not None:
            gset = set(gvars)
            if not set(tvars) <= gset:
                s_vars = ', '.join(str(t) for t in tvars if t not in gset)
                s_args = ', '.join(str(g) for g in gvars)
                raise TypeError(f"Some type variables ({s_vars}) are not "
                                f"listed in Generic[{s_args}]")
            tvars = gvars
    cls.__parameters__ = tuple(tvars)


def _hook_after(cls, base):
    # Does a class after base in cls's MRO (object aside) define
    # __init_subclass__?
    mro = cls.__mro__
    for klass in mro[mro.index(base) + 1:-1]:
        if '__init_subclass__' in klass.__dict__:
            return True
    return False


class Generic:
    """Abstract base class for generic types."""

    __module__ = 'typing'
    __slots__ = ()

    @classmethod
    def __class_getitem__(cls, params):
        return _cached((cls, params), _generic_class_getitem, cls, params)

    @classmethod
    def __init_subclass__(cls, *args, **kwargs):
        _generic_init_subclass(cls, args, kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes."""

    __module__ = 'typing'
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    @classmethod
    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        _proto().protocol_init_subclass(cls)


# --- NamedTuple and TypedDict bases ------------------------------------------------
# Their metaclasses are bases of the shells' metaclass, so that
# `class P(NamedTuple, Generic[T])` finds one winning metaclass; the work
# is done by _typing_extras, loaded on first use.

class NamedTupleMeta(type):
    __module__ = 'typing'

    def __new__(mcls, typename, bases, ns):
        import _typing_extras
        return _typing_extras.namedtuple_class(typename, bases, ns)

    def __call__(cls, *args, **kwargs):
        import _typing_extras
        return _typing_extras.namedtuple_call(cls, args, kwargs)


class _TypedDictMeta(type):
    __module__ = 'typing'

    def __new__(mcls, name, bases, ns, total=True):
        import _typing_extras
        return _typing_extras.typeddict_class(name, bases, ns, total)

    def __init__(cls, *args, **kwargs):
        pass

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            import _typing_extras
            return _typing_extras.typeddict_call(*args, **kwargs)
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    def __instancecheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (),
                          {'__module__': 'typing'})
TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (),
                         {'__module__': 'typing'})


# --- alias behaviour ------------------------------------------------------------

class _AliasBase:
    # What every alias shares. `_pub` is the object users see: the shell
    # class, or the alias itself for instance aliases.
    _opath = None
    _is_callable = False

    def __init__(self, origin, inst=True, name=None):
        if type(origin) is tuple:
            self._opath = origin
            origin = None
        self._origin = origin
        self._inst = inst
        self._name = name
        self._pub = self

    @property
    def __origin__(self):
        if self._origin is None:
            self._origin = _load(self._opath)
        return self._origin

    def _origin_ref(self):
        return self._origin if self._origin is not None else self._opath

    def _call(self, args, kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self._pub
        except Exception:
            pass
        return result

    def _instancecheck(self, obj):
        return self._subclasscheck(type(obj))

    def _subclasscheck(self, cls):
        raise TypeError(_SUBSCRIPTED_CHECK)

    def _mro_entries(self, bases):
        res = []
        origin = self.__origin__
        if origin not in bases:
            res.append(origin)
        i = bases.index(self._pub)
        for b in bases[i + 1:]:
            if isinstance(b, _GenericAlias) or issubclass(b, Generic):
                break
        else:
            res.append(Generic)
        return tuple(res)


class _Subscripted(_AliasBase):
    # An alias with arguments: List[int], Box[T], Union[int, str], ...

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst, name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_type_parameters(
            args, enforce_default_ordering=(origin is Generic or
                                            origin is Protocol))

    def _repr(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return f'{name}[{args}]'

    def copy_with(self, args):
        return _alias(self._origin_ref(), args, name=self._name,
                      inst=self._inst, kind=type(self))

    def _getitem(self, args):
        if self._origin is Generic or self._origin is Protocol:
            raise TypeError(f"Cannot subscript already-subscripted {self._pub}")
        if not self.__parameters__:
            raise TypeError(f"{self._pub} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        return _cached((self._pub, args), self._subst, args)

    def _subst(self, args):
        return _more().substitute_alias(self, args)

    def _mro_entries(self, bases):
        if isinstance(self._origin, _SpecialForm):
            raise TypeError(f"Cannot subclass {self._pub!r}")
        if self._name:
            return super()._mro_entries(bases)
        if self._origin is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self._pub)
            for b in bases[i + 1:]:
                if isinstance(b, _GenericAlias) and b is not self._pub:
                    return ()
        return (self.__origin__,)

    def _reduce(self):
        return _more().reduce_alias(self)


class _Alias(_Subscripted):
    """A subscripted alias that may be subclassed (kept in a shell)."""


class _CallableAlias(_Alias):
    _is_callable = True

    def _repr(self):
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super()._repr()
        head = ", ".join(_type_repr(a) for a in args[:-1])
        return f'typing.Callable[[{head}], {_type_repr(args[-1])}]'


class _SpecialAlias(_AliasBase):
    """An unsubscripted alias of a class: typing.List, typing.Iterable."""

    def __init__(self, origin, nparams, *, inst=True, name=None, defaults=()):
        if name is None:
            name = origin[1] if type(origin) is tuple else origin.__name__
        super().__init__(origin, inst, name)
        self._nparams = nparams
        self._defaults = defaults

    def _repr(self):
        return 'typing.' + self._name

    def _reduce(self):
        return self._name

    def _getitem(self, params):
        return _cached((self._pub, params), self._getitem_new, params)

    def _getitem_new(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        n, defaults = self._nparams, self._defaults
        if defaults and len(params) < n <= len(params) + len(defaults):
            params = params + defaults[len(params) - n:]
        actual = len(params)
        if actual != n:
            if defaults:
                expected = f"at least {n - len(defaults)}"
            else:
                expected = str(n)
            if not n:
                raise TypeError(f"{self._pub} is not a generic class")
            raise TypeError(f"Too {'many' if actual > n else 'few'} arguments"
                            f" for {self._pub}; actual {actual}, "
                            f"expected {expected}")
        return self.copy_with(params)

    def copy_with(self, params):
        return _alias(self._origin_ref(), params, name=self._name,
                      inst=self._inst)

    def _subclasscheck(self, cls):
        if isinstance(cls, _GenericAlias):
            if isinstance(cls._impl, _SpecialAlias):
                return issubclass(cls._impl.__origin__, self.__origin__)
            raise TypeError(_SUBSCRIPTED_CHECK)
        return issubclass(cls, self.__origin__)


class _CallableSpecial(_SpecialAlias):
    def copy_with(self, params):
        return _alias(self._origin_ref(), params, name=self._name,
                      inst=self._inst, kind=_CallableAlias)

    def _getitem(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (tuple(args), result)
        else:
            params = (args, result)
        return _cached((self._pub, params), self._getitem_new, params)

    def _getitem_new(self, params):
        args, result = params
        result = _type_check(result,
                             "Callable[args, result]: result must be a type.")
        if args is Ellipsis:
            return self.copy_with((_TypingEllipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        return self.copy_with(args + (result,))


class _TupleSpecial(_SpecialAlias):
    def _getitem_new(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with(params + (_TypingEllipsis,))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        return self.copy_with(tuple(_type_check(p, msg) for p in params))


# --- shells -----------------------------------------------------------------------

def _subclass_with_aliases(name, bases, ns, kwargs):
    # A class statement listed alias shells among its bases: replace each by
    # its __mro_entries__ and build the class with the right metaclass.
    entries = []
    for b in bases:
        if isinstance(b, _GenericAlias):
            entries.extend(b._impl._mro_entries(bases))
        else:
            entries.append(b)
    if '__orig_bases__' not in ns:
        ns['__orig_bases__'] = bases
    # (aio does not pass an explicit `metaclass=` on to here.)
    meta = type
    for b in entries:
        m = type(b)
        if issubclass(meta, m):
            continue
        if issubclass(m, meta):
            meta = m
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class "
                        "must be a (non-strict) subclass of the metaclasses "
                        "of all its bases")
    return meta(name, tuple(entries), ns, **kwargs)


def _fwd(attr):
    def get(cls):
        return getattr(cls._impl, attr)
    return property(get)


class _GenericAlias(_ProtocolMeta, _TypedDictMeta, NamedTupleMeta):
    """The type of typing's generic aliases (List[int], Generic[T], and
    here the bare typing.List too)."""

    __module__ = 'typing'

    def __new__(mcls, name, bases, ns, **kwargs):
        return _subclass_with_aliases(name, bases, ns, kwargs)

    def __repr__(cls):
        return cls._impl._repr()

    def __call__(cls, *args, **kwargs):
        return cls._impl._call(args, kwargs)

    def __getitem__(cls, params):
        return cls._impl._getitem(params)

    def __or__(cls, other):
        return Union[cls, other]

    def __ror__(cls, other):
        return Union[other, cls]

    def __instancecheck__(cls, obj):
        return cls._impl._instancecheck(obj)

    def __subclasscheck__(cls, other):
        return cls._impl._subclasscheck(other)

    def __mro_entries__(cls, bases):
        return cls._impl._mro_entries(bases)

    def __reduce__(cls):
        return cls._impl._reduce()

    def copy_with(cls, params):
        return cls._impl.copy_with(params)

    __origin__ = _fwd('__origin__')
    __args__ = _fwd('__args__')
    __parameters__ = _fwd('__parameters__')
    _name = _fwd('_name')
    _inst = _fwd('_inst')
    _nparams = _fwd('_nparams')
    _defaults = _fwd('_defaults')


def _shell(impl, name, module):
    ns = {'_impl': impl, '__module__': module, '__qualname__': name,
          '__doc__': None}
    cls = type.__new__(_GenericAlias, name, (), ns)
    impl._pub = cls
    return cls


def _alias(origin, args, *, inst=True, name=None, kind=_Alias):
    # One shell per distinct alias, however it was reached (List[T][int]
    # is List[int]): shells compare by identity.
    if not isinstance(args, tuple):
        args = (args,)
    key = (kind, name or origin, args, inst)
    return _cached(key, _new_alias, origin, args, inst, name, kind)


def _new_alias(origin, args, inst, name, kind):
    impl = kind(origin, args, inst=inst, name=name)
    if name:
        return _shell(impl, name, 'typing')
    return _shell(impl, getattr(origin, '__name__', 'Generic'),
                  origin.__module__)


def _special(origin, nparams, *, inst=True, name=None, defaults=(),
             kind=_SpecialAlias):
    impl = kind(origin, nparams, inst=inst, name=name, defaults=defaults)
    return _shell(impl, impl._name, 'typing')


# --- instance aliases -------------------------------------------------------------

class _InstanceAlias(_Subscripted):
    """An alias that is never a base: a plain object with dunders."""

    __module__ = 'typing'

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, args, inst=inst, name=name)
        # The class's own __qualname__ would shadow __getattr__.
        self.__qualname__ = name or origin.__name__

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        raise AttributeError(attr)

    def __repr__(self):
        return self._repr()

    def __call__(self, *args, **kwargs):
        return self._call(args, kwargs)

    def __getitem__(self, params):
        return self._getitem(params)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __instancecheck__(self, obj):
        return self._instancecheck(obj)

    def __subclasscheck__(self, cls):
        return self._subclasscheck(cls)

    def __reduce__(self):
        return self._reduce()

    def __eq__(self, other):
        if not isinstance(other, _InstanceAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def copy_with(self, args):
        return type(self)(self.__origin__, args, name=self._name,
                          inst=self._inst)


class _UnionGenericAlias(_InstanceAlias):
    __module__ = 'typing'

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _TypesUnionType)):
            return NotImplemented
        try:
            return set(self.__args__) == set(other.__args__)
        except TypeError:
            a, b = list(self.__args__), list(other.__args__)
            return all(x in b for x in a) and all(y in a for y in b)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def _repr(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super()._repr()

    def _subclasscheck(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False


class _LiteralGenericAlias(_InstanceAlias):
    __module__ = 'typing'

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set((a, type(a)) for a in self.__args__) ==
                set((a, type(a)) for a in other.__args__))

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))


class _AnnotatedAlias(_InstanceAlias):
    __module__ = 'typing'

    def __init__(self, origin, metadata, **ignored):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,), name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def _repr(self):
        meta = ", ".join(repr(a) for a in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {meta}]"

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def _mro_entries(self, bases):
        return (self.__origin__,)
