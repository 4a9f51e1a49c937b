"""Helpers for pickle and copy: the registry of reduction functions for
extension types, the extension-code registry, and the constructors that
pickled objects name (_reconstructor, __newobj__, __newobj_ex__).
"""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

# type -> function(obj) returning a reduce tuple (or a global name).
dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register pickle_function as the reducer of ob_type's instances."""
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    # The constructor is only checked for being callable (kept for
    # compatibility with old callers).
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    """Check that object can be used as a constructor."""
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


try:
    _union_type = type(int | str)
    if _union_type is not type:
        pickle(_union_type, pickle_union)
except TypeError:
    pass


def _reconstructor(cls, base, state):
    """Rebuild an instance pickled with protocol 0 or 1."""
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def _is_builtin_type(cls):
    # aio has no heap-type flag: the types defined by the interpreter (and
    # the library stand-ins for builtins) are the ones living in builtins.
    return getattr(cls, '__module__', None) == 'builtins'


def _reduce_ex(self, proto):
    """object.__reduce_ex__ for protocols 0 and 1."""
    assert proto < 2
    cls = self.__class__
    base = object
    for klass in cls.__mro__:
        if _is_builtin_type(klass):
            base = klass
            break
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    getstate = getattr(type(self), '__getstate__', None)
    if getstate is None or getstate is getattr(object, '__getstate__', None):
        if getattr(self, "__slots__", None):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        try:
            dict = self.__dict__
        except AttributeError:
            dict = None
    else:
        dict = self.__getstate__()
    if dict:
        return _reconstructor, args, dict
    return _reconstructor, args


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by pickle protocol 4 to call __new__ with keyword arguments."""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of the slots of cls and its bases (mangled as attribute
    names), cached on the class as __slotnames__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            if "__slots__" not in klass.__dict__:
                continue
            slots = klass.__dict__['__slots__']
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    stripped = klass.__name__.lstrip('_')
                    names.append(f'_{stripped}{name}' if stripped else name)
                else:
                    names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# Extension codes: (module, name) <-> small integer, for compact pickles.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError(f"key {key} is already registered with code "
                         f"{_extension_registry[key]}")
    if code in _inverted_registry:
        raise ValueError(f"code {code} is already in use for key "
                         f"{_inverted_registry[code]}")
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code (for testing only)."""
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError(f"key {key} is not registered with code {code}")
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
