"""functools.py - Tools for working with functions and callable objects
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

_MISSING = object()


# ---- interpreter-independent helpers ------------------------------------
#
# Binding a callable found on a class: functions, staticmethod and
# classmethod objects are descriptors.  When the running interpreter does
# not expose their __get__, the binding is emulated here.

class _BoundCall:
    """A callable bound to its first argument (stands in for a bound method)."""
    __slots__ = ('__func__', '__self__')

    def __init__(self, func, obj):
        object.__setattr__(self, '__func__', func)
        object.__setattr__(self, '__self__', obj)

    def __call__(self, /, *args, **kwargs):
        return self.__func__(self.__self__, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.__func__, name)

    def __eq__(self, other):
        if not isinstance(other, _BoundCall):
            return NotImplemented
        return self.__func__ == other.__func__ and self.__self__ is other.__self__

    def __hash__(self):
        return hash((self.__func__, id(self.__self__)))

    def __repr__(self):
        name = getattr(self.__func__, '__qualname__', None) or getattr(self.__func__, '__name__', '?')
        return f'<bound method {name} of {self.__self__!r}>'


def _is_plain_function(f):
    return type(f).__name__ == 'function'


def _getter_of(func):
    """The __get__ of *func* if it is a descriptor, else None."""
    get = getattr(func, '__get__', None)
    if get is not None:
        return get
    if isinstance(func, (staticmethod, classmethod)) or _is_plain_function(func):
        def emulated(obj, cls=None):
            return _bind(func, obj, cls)
        return emulated
    return None


def _bind(func, obj, cls=None):
    get = getattr(func, '__get__', None)
    if get is not None:
        return get(obj, cls)
    if isinstance(func, staticmethod):
        return func.__func__
    if isinstance(func, classmethod):
        owner = cls if cls is not None else type(obj)
        return _BoundCall(func.__func__, owner)
    if obj is None:
        return func
    if _is_plain_function(func):
        return _BoundCall(func, obj)
    return func


class _Alias:
    """Stand-in for types.GenericAlias (``partial[int]`` and friends)."""

    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    @staticmethod
    def _show(a):
        if isinstance(a, type):
            if a.__module__ == 'builtins':
                return a.__qualname__
            return f'{a.__module__}.{a.__qualname__}'
        if a is Ellipsis:
            return '...'
        return repr(a)

    def __repr__(self):
        o = self.__origin__
        inner = ', '.join(self._show(a) for a in self.__args__)
        return f'{o.__module__}.{o.__qualname__}[{inner}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))


def _class_alias(cls, item):
    return _Alias(cls, item)


# ---- update_wrapper / wraps --------------------------------------------------

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper,
                   wrapped,
                   assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function

       wrapper is the function to be updated
       wrapped is the original function
       assigned is a tuple naming the attributes assigned directly
       from the wrapped function to the wrapper function (defaults to
       functools.WRAPPER_ASSIGNMENTS)
       updated is a tuple naming the attributes of the wrapper that
       are updated with the corresponding attribute from the wrapped
       function (defaults to functools.WRAPPER_UPDATES)
    """
    for name in assigned:
        # only attributes the wrapped object really has are copied
        value = getattr(wrapped, name, _MISSING)
        if value is not _MISSING:
            setattr(wrapper, name, value)
    for name in updated:
        target = getattr(wrapper, name)
        source = getattr(wrapped, name, {})
        target.update(source)
        if name == '__dict__' and getattr(wrapper, '__dict__', None) is not target:
            # the namespace we got was a copy: store the entries one by one
            for key, value in source.items():
                setattr(wrapper, key, value)
    # set last, so an inherited __wrapped__ from wrapped.__dict__ is replaced
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped,
          assigned=WRAPPER_ASSIGNMENTS,
          updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function

       Returns a decorator that invokes update_wrapper() with the decorated
       function as the wrapper argument and the arguments to wraps() as the
       remaining arguments. Default arguments are as for update_wrapper().
       This is a convenience function to simplify applying partial() to
       update_wrapper().
    """
    return partial(update_wrapper, wrapped=wrapped,
                   assigned=assigned, updated=updated)


# ---- total_ordering -------------------------------------------------------------

# For each root comparison, how every other comparison is derived from it
# and from ==.  Each entry: (name, how) where how names the combination.
_DERIVED = {
    '__lt__': (('__gt__', 'not_and_ne', '>', '(not a < b) and (a != b)'),
               ('__le__', 'or_eq', '<=', '(a < b) or (a == b)'),
               ('__ge__', 'not', '>=', '(not a < b)')),
    '__le__': (('__ge__', 'not_or_eq', '>=', '(not a <= b) or (a == b)'),
               ('__lt__', 'and_ne', '<', '(a <= b) and (a != b)'),
               ('__gt__', 'not', '>', '(not a <= b)')),
    '__gt__': (('__lt__', 'not_and_ne', '<', '(not a > b) and (a != b)'),
               ('__ge__', 'or_eq', '>=', '(a > b) or (a == b)'),
               ('__le__', 'not', '<=', '(not a > b)')),
    '__ge__': (('__le__', 'not_or_eq', '<=', '(not a >= b) or (a == b)'),
               ('__gt__', 'and_ne', '>', '(a >= b) and (a != b)'),
               ('__lt__', 'not', '<', '(not a >= b)')),
}

_OP_SHORT = {'__lt__': 'lt', '__le__': 'le', '__gt__': 'gt', '__ge__': 'ge'}


def _derive(root, how):
    if how == 'not_and_ne':
        def derived(self, other):
            res = getattr(type(self), root)(self, other)
            if res is NotImplemented:
                return res
            return not res and self != other
    elif how == 'or_eq':
        def derived(self, other):
            res = getattr(type(self), root)(self, other)
            if res is NotImplemented:
                return res
            return res or self == other
    elif how == 'not_or_eq':
        def derived(self, other):
            res = getattr(type(self), root)(self, other)
            if res is NotImplemented:
                return res
            return not res or self == other
    elif how == 'and_ne':
        def derived(self, other):
            res = getattr(type(self), root)(self, other)
            if res is NotImplemented:
                return res
            return res and self != other
    else:
        def derived(self, other):
            res = getattr(type(self), root)(self, other)
            if res is NotImplemented:
                return res
            return not res
    return derived


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [name for name in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, name, None) is not getattr(object, name, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # preference order when several are present: __lt__, __le__, __gt__, __ge__
    root = max(defined)
    symbol = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}[root]
    for name, how, sym, formula in _DERIVED[root]:
        if name in defined:
            continue
        fn = _derive(root, how)
        fn.__name__ = name
        fn.__qualname__ = f'_{_OP_SHORT[name]}_from_{_OP_SHORT[root]}'
        fn.__doc__ = f'Return a {sym} b.  Computed by @total_ordering from {formula}.'
        setattr(cls, name, fn)
    return cls


# ---- cmp_to_key -------------------------------------------------------------------

class KeyWrapper:
    __slots__ = ('cmp', 'obj')

    def __init__(self, cmp, obj=_MISSING):
        self.cmp = cmp
        if obj is not _MISSING:
            self.obj = obj

    def __call__(self, *args, **kwargs):
        given = len(args) + len(kwargs)
        if given > 1:
            raise TypeError(f'K() takes at most 1 argument ({given} given)')
        if args:
            return type(self)(self.cmp, args[0])
        if 'obj' in kwargs:
            return type(self)(self.cmp, kwargs['obj'])
        if kwargs:
            name = next(iter(kwargs))
            raise TypeError(f"K() got an unexpected keyword argument '{name}'")
        raise TypeError("K() missing required argument 'obj' (pos 1)")

    def _against(self, other):
        if not isinstance(other, _KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self.cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._against(other) < 0

    def __gt__(self, other):
        return self._against(other) > 0

    def __eq__(self, other):
        return self._against(other) == 0

    def __ne__(self, other):
        return self._against(other) != 0

    def __le__(self, other):
        return self._against(other) <= 0

    def __ge__(self, other):
        return self._against(other) >= 0

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")


_KeyWrapper = KeyWrapper
del KeyWrapper


def cmp_to_key(*args, **kwargs):
    """Convert a cmp= function into a key= function.

  mycmp
    Function that compares two objects."""
    given = len(args) + len(kwargs)
    if given > 1:
        raise TypeError(f'cmp_to_key() takes at most 1 argument ({given} given)')
    if args:
        return _KeyWrapper(args[0])
    if 'mycmp' in kwargs:
        return _KeyWrapper(kwargs['mycmp'])
    for key in kwargs:
        raise TypeError(f"cmp_to_key() got an unexpected keyword argument '{key}'")
    raise TypeError("cmp_to_key() missing required argument 'mycmp' (pos 1)")


# ---- reduce -----------------------------------------------------------------------

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial], /) -> value

Apply a function of two arguments cumulatively to the items of an iterable, from left to right.

This effectively reduces the iterable to a single value.  If initial is present,
it is placed before the items of the iterable in the calculation, and serves as
a default when the iterable is empty.

For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5])
calculates ((((1 + 2) + 3) + 4) + 5)."""
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    n = len(args)
    if n < 2:
        raise TypeError(f"reduce expected at least 2 arguments, got {n}")
    if n > 3:
        raise TypeError(f"reduce expected at most 3 arguments, got {n}")
    function = args[0]
    try:
        items = iter(args[1])
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if n == 3:
        acc = args[2]
    else:
        acc = next(items, _MISSING)
        if acc is _MISSING:
            raise TypeError('reduce() of empty iterable with no initial value')
    for item in items:
        acc = function(acc, item)
    return acc


# ---- partial --------------------------------------------------------------------

class _ReadOnlyField:
    """Data descriptor exposing one stored field, refusing assignment."""

    def __init__(self, slot, doc):
        self._slot = slot
        self.__doc__ = doc

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return object.__getattribute__(obj, self._slot)

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')


_PARTIAL_STATE = ('_partial_fn', '_partial_args', '_partial_kw')
_repr_active = set()


class partial:
    """Create a new function with partial application of the given arguments
and keywords."""

    __slots__ = ('_partial_fn', '_partial_args', '_partial_kw', '__dict__', '__weakref__')

    func = _ReadOnlyField('_partial_fn', 'function object to use in future partial calls')
    args = _ReadOnlyField('_partial_args', 'tuple of arguments to future partial calls')
    keywords = _ReadOnlyField('_partial_kw', 'dictionary of keyword arguments to future partial calls')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        extra = args[1:]
        if isinstance(func, partial) and not _own_attrs(func):
            # a partial of a partial collapses into one
            extra = func.args + extra
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        object.__setattr__(self, '_partial_fn', func)
        object.__setattr__(self, '_partial_args', tuple(extra))
        object.__setattr__(self, '_partial_kw', dict(keywords))
        return self

    def __call__(self, /, *args, **keywords):
        if keywords:
            keywords = {**self._partial_kw, **keywords}
        else:
            keywords = self._partial_kw
        return self._partial_fn(*self._partial_args, *args, **keywords)

    def __repr__(self):
        key = id(self)
        cls = type(self)
        head = f'{cls.__module__}.{cls.__qualname__}'
        if key in _repr_active:
            return '...'
        _repr_active.add(key)
        try:
            parts = [repr(self.func)]
            parts.extend(repr(a) for a in self.args)
            parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        finally:
            _repr_active.discard(key)
        return f"{head}({', '.join(parts)})"

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            import warnings
        except ImportError:
            return self
        warnings.warn('functools.partial will be a method descriptor in '
                      'future Python versions; wrap it in staticmethod() '
                      'if you want to preserve the old behavior',
                      FutureWarning, 2)
        return self

    def __reduce__(self):
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None, _own_attrs(self) or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError(f'expected 4 items in state, got {len(state)}')
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError('invalid partial state')
        if type(args) is not tuple:
            args = tuple(args)
        if kwds is None:
            kwds = {}
        elif type(kwds) is not dict:
            kwds = dict(kwds)
        object.__setattr__(self, '_partial_fn', func)
        object.__setattr__(self, '_partial_args', args)
        object.__setattr__(self, '_partial_kw', kwds)
        # the namespace is replaced as a whole
        for k in list(_own_attrs(self)):
            delattr(self, k)
        if namespace:
            for k, v in namespace.items():
                setattr(self, k, v)

    def __class_getitem__(cls, item):
        return _class_alias(cls, item)


def _own_attrs(p):
    """Attributes set on a partial object by its user (not its own state)."""
    try:
        ns = object.__getattribute__(p, '__dict__')
    except AttributeError:
        return {}
    return {k: v for k, v in ns.items() if k not in _PARTIAL_STATE}


# ---- partialmethod -------------------------------------------------------------

class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and _getter_of(func) is None:
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            # the inner one's arguments must come first, right after self/cls
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        cls = type(self)
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def _unbound(self):
        spec = self

        def _method(cls_or_self, /, *args, **keywords):
            merged = {**spec.keywords, **keywords}
            return spec.func(cls_or_self, *spec.args, *args, **merged)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.__partialmethod__ = self
        return _method

    def __get__(self, obj, cls=None):
        target = self.func
        getter = _getter_of(target)
        if getter is not None and not isinstance(target, partial):
            bound = getter(obj, cls)
            if bound is not target:
                result = partial(bound, *self.args, **self.keywords)
                owner = getattr(bound, '__self__', _MISSING)
                if owner is not _MISSING:
                    result.__self__ = owner
                return result
        return _bind(self._unbound(), obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    def __class_getitem__(cls, item):
        return _class_alias(cls, item)


def _unwrap_partial(func):
    while isinstance(func, partial):
        func = func.func
    return func


def _unwrap_partialmethod(func):
    prev = None
    while func is not prev:
        prev = func
        while isinstance(getattr(func, '__partialmethod__', None), partialmethod):
            func = func.__partialmethod__
        while isinstance(func, partialmethod):
            func = getattr(func, 'func')
        func = _unwrap_partial(func)
    return func


# ---- LRU cache ------------------------------------------------------------------

class CacheInfo(tuple):
    'CacheInfo(hits, misses, maxsize, currsize)'

    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0], doc='Alias for field number 0')
    misses = property(lambda self: self[1], doc='Alias for field number 1')
    maxsize = property(lambda self: self[2], doc='Alias for field number 2')
    currsize = property(lambda self: self[3], doc='Alias for field number 3')

    def __repr__(self):
        return (f'{type(self).__name__}(hits={self[0]!r}, misses={self[1]!r}, '
                f'maxsize={self[2]!r}, currsize={self[3]!r})')

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **changes):
        values = [changes.pop(name, old) for name, old in zip(self._fields, self)]
        if changes:
            raise ValueError(f'Got unexpected field names: {list(changes)!r}')
        return type(self)(*values)

    def __getnewargs__(self):
        return tuple(self)


if type(CacheInfo(0, 0, 0, 0)) is not CacheInfo:
    # This interpreter cannot subclass tuple yet: an equivalent record.
    class CacheInfo:
        'CacheInfo(hits, misses, maxsize, currsize)'

        __slots__ = ('_values',)
        _fields = ('hits', 'misses', 'maxsize', 'currsize')

        def __init__(self, hits, misses, maxsize, currsize):
            self._values = (hits, misses, maxsize, currsize)

        hits = property(lambda self: self._values[0], doc='Alias for field number 0')
        misses = property(lambda self: self._values[1], doc='Alias for field number 1')
        maxsize = property(lambda self: self._values[2], doc='Alias for field number 2')
        currsize = property(lambda self: self._values[3], doc='Alias for field number 3')

        def __repr__(self):
            h, m, s, c = self._values
            return (f'{type(self).__name__}(hits={h!r}, misses={m!r}, '
                    f'maxsize={s!r}, currsize={c!r})')

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return 4

        def __getitem__(self, index):
            return self._values[index]

        def __contains__(self, item):
            return item in self._values

        def __eq__(self, other):
            o = _info_values(other)
            return NotImplemented if o is None else self._values == o

        def __ne__(self, other):
            o = _info_values(other)
            return NotImplemented if o is None else self._values != o

        def __lt__(self, other):
            o = _info_values(other)
            return NotImplemented if o is None else self._values < o

        def __le__(self, other):
            o = _info_values(other)
            return NotImplemented if o is None else self._values <= o

        def __gt__(self, other):
            o = _info_values(other)
            return NotImplemented if o is None else self._values > o

        def __ge__(self, other):
            o = _info_values(other)
            return NotImplemented if o is None else self._values >= o

        def __hash__(self):
            return hash(self._values)

        def __add__(self, other):
            return self._values + tuple(other)

        def count(self, value):
            return self._values.count(value)

        def index(self, value):
            return self._values.index(value)

        def _asdict(self):
            return dict(zip(self._fields, self._values))

        def _replace(self, **changes):
            values = [changes.pop(name, old) for name, old in zip(self._fields, self._values)]
            if changes:
                raise ValueError(f'Got unexpected field names: {list(changes)!r}')
            return type(self)(*values)

_CacheInfo = CacheInfo
del CacheInfo


def _info_values(other):
    if isinstance(other, _CacheInfo):
        return tuple(other)
    if isinstance(other, tuple):
        return other
    return None

# separates positional from keyword parts of a cache key
_KW_MARK = (object(),)
_FAST_KEY_TYPES = (int, str)


_len = len   # the cached function may be len itself (or replace it)


class _HashedKey:
    """A cache key whose hash is computed once, so that the arguments'
    __hash__ runs a single time per call."""
    __slots__ = ('parts', 'hashvalue')

    def __init__(self, parts):
        self.parts = parts
        self.hashvalue = hash(parts)

    def __hash__(self):
        return self.hashvalue

    def __eq__(self, other):
        if type(other) is not _HashedKey:
            return NotImplemented
        return self.parts == other.parts


def _cache_key(args, kwds, typed):
    key = args
    if kwds:
        key += _KW_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif _len(key) == 1 and type(key[0]) in _FAST_KEY_TYPES:
        return key[0]
    return _HashedKey(key)


class _lru_cache_wrapper:
    """Cached callable produced by lru_cache()."""

    def __init__(self, user_function, maxsize, typed, info_type):
        self._lru_fn = user_function
        self._lru_max = maxsize
        self._lru_typed = typed
        self._lru_info = info_type
        self._lru_store = {}
        self._lru_hits = 0
        self._lru_misses = 0

    def __call__(self, /, *args, **kwds):
        limit = self._lru_max
        if limit == 0:
            self._lru_misses += 1
            return self._lru_fn(*args, **kwds)
        key = _cache_key(args, kwds, self._lru_typed)
        store = self._lru_store
        found = store.get(key, _MISSING)
        if found is not _MISSING:
            self._lru_hits += 1
            if limit is not None:
                # refresh: most recently used entries live at the end
                del store[key]
                store[key] = found
            return found
        self._lru_misses += 1
        result = self._lru_fn(*args, **kwds)
        if key in store:
            # a recursive call already stored this key
            return result
        if limit is not None and _len(store) >= limit:
            del store[next(iter(store))]
        store[key] = result
        return result

    def cache_info(self):
        """Report cache statistics"""
        return self._lru_info(self._lru_hits, self._lru_misses,
                              self._lru_max, _len(self._lru_store))

    def cache_clear(self):
        """Clear the cache and cache statistics"""
        self._lru_store.clear()
        self._lru_hits = 0
        self._lru_misses = 0

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return _BoundCall(self, obj)

    def __reduce__(self):
        return self.__qualname__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If *maxsize* is set to None, the LRU features are disabled and the cache
    can grow without bound.

    If *typed* is True, arguments of different types will be cached separately.
    For example, f(decimal.Decimal("3.0")) and f(3.0) will be treated as
    distinct calls with distinct results. Some types such as str and int may
    be cached separately even when typed is false.

    Arguments to the cached function must be hashable.

    View the cache statistics named tuple (hits, misses, maxsize, currsize)
    with f.cache_info().  Clear the cache and statistics with f.cache_clear().
    Access the underlying function with f.__wrapped__.

    See:  https://en.wikipedia.org/wiki/Cache_replacement_policies#Least_recently_used_(LRU)

    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # used as a bare decorator: @lru_cache
        user_function, maxsize = maxsize, 128
        return _make_lru(user_function, maxsize, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _make_lru(user_function, maxsize, typed)

    decorating_function.__qualname__ = 'lru_cache.<locals>.decorating_function'
    return decorating_function


def _make_lru(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    params = {'maxsize': maxsize, 'typed': typed}
    wrapper.cache_parameters = lambda: dict(params)
    return update_wrapper(wrapper, user_function)


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---- singledispatch ---------------------------------------------------------

class mappingproxy:
    """Read-only live view of a dispatch registry (like types.MappingProxyType)."""
    __slots__ = ('_map',)
    __module__ = 'builtins'

    def __init__(self, mapping):
        object.__setattr__(self, '_map', mapping)

    def __getitem__(self, key):
        return self._map[key]

    def __iter__(self):
        return iter(self._map)

    def __len__(self):
        return len(self._map)

    def __contains__(self, key):
        return key in self._map

    def get(self, key, default=None):
        return self._map.get(key, default)

    def keys(self):
        return self._map.keys()

    def values(self):
        return self._map.values()

    def items(self):
        return self._map.items()

    def copy(self):
        return self._map.copy()

    def __eq__(self, other):
        if isinstance(other, type(self)):
            other = other._map
        return self._map == other

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError(f"'mappingproxy' object has no attribute '{name}'")

    def __repr__(self):
        return f'mappingproxy({self._map!r})'


_RegistryView = mappingproxy
del mappingproxy


def _is_union(tp):
    name = type(tp).__name__
    if name == 'UnionType':
        return True
    origin = getattr(tp, '__origin__', None)
    if origin is None:
        return False
    try:
        import typing
    except ImportError:
        return False
    return origin is getattr(typing, 'Union', _MISSING)


def _dispatch_type_ok(tp):
    if isinstance(tp, type):
        return True
    if _is_union(tp):
        return all(isinstance(a, type) for a in tp.__args__)
    return False


def _subclass_safe(cls, base):
    try:
        return issubclass(cls, base)
    except TypeError:
        return False


def _merge_linearizations(seqs):
    """C3 merge: repeatedly take the first head that appears in no tail."""
    seqs = [list(q) for q in seqs]
    out = []
    while True:
        seqs = [q for q in seqs if q]
        if not seqs:
            return out
        pick = None
        for q in seqs:
            head = q[0]
            if not any(head in other[1:] for other in seqs):
                pick = head
                break
        if pick is None:
            raise RuntimeError('Inconsistent hierarchy')
        out.append(pick)
        for q in seqs:
            if q[0] == pick:
                del q[0]


def _c3_mro(cls, abcs=None):
    """The C3 linearization of *cls*, with the abstract base classes in
    *abcs* inserted next to the class that brings in their behaviour."""
    bases = cls.__bases__
    # explicit bases up to (and including) the last abstract one keep their
    # place; virtual ABCs are merged right after them
    cut = 0
    for i in range(len(bases) - 1, -1, -1):
        if hasattr(bases[i], '__abstractmethods__'):
            cut = i + 1
            break
    pending = list(abcs) if abcs else []
    leading = list(bases[:cut])
    trailing = list(bases[cut:])
    introduced = [a for a in pending
                  if issubclass(cls, a) and not any(issubclass(b, a) for b in bases)]
    for a in introduced:
        pending.remove(a)
    groups = [[cls]]
    groups += [_c3_mro(b, abcs=pending) for b in leading]
    groups += [_c3_mro(a, abcs=pending) for a in introduced]
    groups += [_c3_mro(b, abcs=pending) for b in trailing]
    groups += [leading, introduced, trailing]
    return _merge_linearizations(groups)


def _compose_mro(cls, types):
    """The MRO of *cls* extended with those of *types* (registered classes)
    that it is a virtual subclass of."""
    own = set(cls.__mro__)

    def applies(t):
        return (t not in own and hasattr(t, '__mro__')
                and type(t).__name__ != 'GenericAlias'
                and _subclass_safe(cls, t))
    related = [t for t in types if applies(t)]
    # a type already reachable through another related type adds nothing
    related = [t for t in related
               if not any(o is not t and t in o.__mro__ for o in related)]
    wanted = set(related)
    extra = []
    for t in related:
        chains = []
        subclasses = getattr(t, '__subclasses__', None)
        for sub in (subclasses() if subclasses is not None else ()):
            if sub not in own and _subclass_safe(cls, sub):
                chains.append([k for k in sub.__mro__ if k in wanted])
        if not chains:
            extra.append(t)
            continue
        chains.sort(key=len, reverse=True)
        for chain in chains:
            for k in chain:
                if k not in extra:
                    extra.append(k)
    return _c3_mro(cls, abcs=extra)


def _find_impl(cls, registry):
    """The implementation registered for the closest match to *cls*."""
    order = _compose_mro(cls, registry.keys())
    real = cls.__mro__
    chosen = None
    for t in order:
        if chosen is not None:
            if (t in registry and t not in real and chosen not in real
                    and not _subclass_safe(chosen, t)):
                raise RuntimeError(f'Ambiguous dispatch: {chosen} or {t}')
            break
        if t in registry:
            chosen = t
    return registry.get(chosen)


def _first_annotation(func):
    try:
        import typing
        hints = typing.get_type_hints(func)
    except (ImportError, AttributeError):
        hints = {}
        ns = getattr(func, '__globals__', {})
        for name, value in getattr(func, '__annotations__', {}).items():
            if isinstance(value, str):
                try:
                    value = eval(value, ns)
                except Exception:
                    pass
            hints[name] = value
    return next(iter(hints.items()))


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument. The decorated
    function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function.
    """
    registry = {}
    memo = {}
    state = {'memo_ok': True}

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available implementation
        for the given *cls* registered on *generic_func*.
        """
        if state['memo_ok']:
            impl = memo.get(cls, _MISSING)
            if impl is not _MISSING:
                return impl
        impl = registry.get(cls, _MISSING)
        if impl is _MISSING:
            impl = _find_impl(cls, registry)
        if state['memo_ok']:
            memo[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_func*.
        """
        if _dispatch_type_ok(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f'Invalid first argument to `register()`. '
                    f'{cls!r} is not a class or union type.')
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            func = cls
            argname, cls = _first_annotation(func)
            if not _dispatch_type_ok(cls):
                if _is_union(cls):
                    raise TypeError(
                        f'Invalid annotation for {argname!r}. '
                        f'{cls!r} not all arguments are classes.')
                raise TypeError(
                    f'Invalid annotation for {argname!r}. '
                    f'{cls!r} is not a class.')
        if _is_union(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        if any(hasattr(t, '__abstractmethods__') for t in registry):
            # virtual subclassing can change at any time: do not memoize
            state['memo_ok'] = False
        memo.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _RegistryView(registry)
    wrapper._clear_cache = memo.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func):
        if not callable(func) and _getter_of(func) is None:
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch
        funcname = getattr(self.func, '__name__', 'singledispatchmethod method')

        def _method(*args, **kwargs):
            if not args:
                raise TypeError(f'{funcname} requires at least '
                                '1 positional argument')
            impl = dispatch(args[0].__class__)
            return _bind(impl, obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---- cached_property ------------------------------------------------------------

class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                f'({self.attrname!r} and {name!r}).'
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            ns = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f'instance to cache {name!r} property.'
            ) from None
        value = ns.get(name, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            try:
                ns[name] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f'does not support item assignment for caching {name!r} property.'
                ) from None
            if getattr(instance, '__dict__', None) is not ns:
                # this interpreter handed out a copy of the namespace
                try:
                    object.__setattr__(instance, name, value)
                except AttributeError:
                    raise TypeError(
                        f"No '__dict__' attribute on {type(instance).__name__!r} "
                        f'instance to cache {name!r} property.'
                    ) from None
        return value

    def __class_getitem__(cls, item):
        return _class_alias(cls, item)
