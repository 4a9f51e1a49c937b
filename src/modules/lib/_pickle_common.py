"""Pieces shared by the pickler and the unpickler: exceptions, protocol
numbers, module lookup, and the default reduction of objects (what
CPython's object.__reduce_ex__ computes, which aio's object lacks)."""

import sys

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    __module__ = '_pickle'


class PicklingError(PickleError):
    __module__ = '_pickle'


class UnpicklingError(PickleError):
    __module__ = '_pickle'


# Stands for "no file": dumps() and loads() work in memory.
NO_FILE = object()


def sample_function():
    pass


class Probe:
    def method(self):
        pass


def default_persistent_id(self, obj):
    return None


def as_index(v):
    if isinstance(v, int):
        return int(v)
    hook = getattr(type(v), '__index__', None)
    if hook is None:
        raise TypeError(
            f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return hook(v)


def pack_double(x):
    import struct
    return struct.pack('>d', x)


# -- modules ----------------------------------------------------------------

# aio has no sys.modules['__main__']: classes and functions of the main
# program are remembered here when they are pickled, so that loads() in the
# same program finds them again.
MAIN_OBJECTS = {}


class MainPlaceholder:
    """Stands for a main-program class known only through an object nested
    in it, so that getattr(Outer, 'Inner') works when unpickling."""

    __module__ = '__main__'

    def __init__(self, qualname):
        self.__qualname__ = qualname

    def __getattr__(self, name):
        try:
            return find_main(f'{self.__qualname__}.{name}')
        except KeyError:
            raise AttributeError(name) from None


_PLACEHOLDERS = {}


def remember_main(name, obj):
    MAIN_OBJECTS[name] = obj
    parts = name.split('.')
    for i in range(1, len(parts)):
        prefix = '.'.join(parts[:i])
        if prefix not in MAIN_OBJECTS and prefix not in _PLACEHOLDERS:
            _PLACEHOLDERS[prefix] = MainPlaceholder(prefix)


def find_main(name):
    """The main-program object called name (KeyError if never pickled)."""
    found = MAIN_OBJECTS.get(name)
    if found is None:
        found = _PLACEHOLDERS[name]
    return found


def main_module():
    return sys.modules.get('__main__')


def _valid_module_name(name):
    return isinstance(name, str) and name and all(
        part.isidentifier() for part in name.split('.'))


def import_module(name):
    """The module called name, imported if needed."""
    if name == 'builtins':
        import builtins
        return builtins
    found = sys.modules.get(name)
    if found is not None:
        return found
    if not _valid_module_name(name):
        raise ModuleNotFoundError(f"No module named {name!r}")
    namespace = {}
    exec(f"import {name}", namespace)
    found = sys.modules.get(name)
    if found is None:
        found = namespace[name.split('.')[0]]
        for part in name.split('.')[1:]:
            found = getattr(found, part)
    return found


def deep_getattr(obj, path):
    """(parent, value) after following the dotted path from obj."""
    parent = None
    for part in path:
        parent = obj
        obj = getattr(obj, part)
    return parent, obj


def whichmodule(obj, path):
    """The name of the module obj can be found in."""
    name = getattr(obj, '__module__', None)
    if name is not None:
        return name
    # Builtin functions have no __module__ in aio: search, builtins first.
    import builtins
    candidates = [('builtins', builtins)] + list(sys.modules.items())
    for modname, module in candidates:
        if modname == '__main__' or module is None:
            continue
        try:
            if deep_getattr(module, path)[1] is obj:
                return modname
        except Exception:
            pass
    return '__main__'


# -- default reduction ------------------------------------------------------

_VALUE_BASES = (bool, int, float, complex, str, bytes, tuple)


def own_attr(cls, name):
    """cls's attribute name if a class other than object defines it."""
    for klass in getattr(cls, '__mro__', (cls,)):
        if klass is object:
            break
        d = klass.__dict__
        if name in d:
            return d[name]
    return None


def _is_builtin(cls):
    return getattr(cls, '__module__', None) == 'builtins'


def reduce_object(obj, proto):
    """What obj.__reduce_ex__(proto) returns in CPython."""
    cls = type(obj)
    if own_attr(cls, '__reduce_ex__') is not None:
        return obj.__reduce_ex__(proto)
    if own_attr(cls, '__reduce__') is not None:
        return obj.__reduce__()
    special = _builtin_reduce(obj, cls, proto)
    if special is not None:
        return special
    if proto >= 2:
        return reduce_newobj(obj, cls)
    import copyreg
    return copyreg._reduce_ex(obj, proto)


def _exception_reduce(obj, cls):
    args = obj.args
    if isinstance(obj, OSError) and getattr(obj, 'filename', None) is not None:
        args = (obj.errno, obj.strerror, obj.filename)
        if getattr(obj, 'filename2', None) is not None:
            args = args + (None, obj.filename2)
    state = instance_dict(obj)
    if state:
        return (cls, args, state)
    return (cls, args)


_MethodType = type(Probe().method)
_BuiltinType = type(len)
_UNPICKLABLE = ('generator', 'coroutine', 'async_generator', 'module', 'frame',
                'code', 'cell', 'property', 'staticmethod', 'classmethod')


def _builtin_reduce(obj, cls, proto):
    # The __reduce__ methods CPython's builtin types define themselves.
    if isinstance(obj, BaseException):
        return _exception_reduce(obj, cls)
    if cls is range:
        return (range, (obj.start, obj.stop, obj.step))
    if cls is slice:
        return (slice, (obj.start, obj.stop, obj.step))
    if isinstance(obj, (set, frozenset)):
        return (cls, (list(obj),), getstate(obj, cls, False))
    if isinstance(obj, bytearray):
        state = instance_dict(obj) or None
        if proto < 3:
            return (cls, (bytes(obj).decode('latin-1'), 'latin-1'), state)
        return (cls, (bytes(obj),), state)
    if cls is _MethodType:
        return (getattr, (obj.__self__, obj.__func__.__name__))
    if cls is _BuiltinType:
        owner = getattr(obj, '__self__', None)
        if owner is None or type(owner).__name__ == 'module':
            return getattr(obj, '__qualname__', obj.__name__)
        return (getattr, (owner, obj.__name__))
    if _is_builtin(cls) and cls is not object and not isinstance(
            obj, _VALUE_BASES + (list, dict)):
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    return None


def _new_arguments(obj, cls):
    """(args, kwargs) for cls.__new__, as __getnewargs_ex__/__getnewargs__
    give them; (None, None) when the class has neither."""
    hook = own_attr(cls, '__getnewargs_ex__')
    if hook is not None:
        value = obj.__getnewargs_ex__()
        if not isinstance(value, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, "
                            f"not '{type(value).__name__}'")
        if len(value) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, "
                            f"not {len(value)}")
        args, kwargs = value
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ "
                            f"must be a tuple, not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ "
                            f"must be a dict, not '{type(kwargs).__name__}'")
        return args, kwargs
    hook = own_attr(cls, '__getnewargs__')
    if hook is not None:
        args = obj.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, "
                            f"not '{type(args).__name__}'")
        return args, None
    # The builtin value types' own __getnewargs__.
    if isinstance(obj, complex):
        return (obj.real, obj.imag), None
    for base in (int, float, str, bytes, tuple):
        if isinstance(obj, base):
            return (base(obj),), None
    return None, None


def reduce_newobj(obj, cls):
    import copyreg
    args, kwargs = _new_arguments(obj, cls)
    hasargs = args is not None
    if not kwargs:
        newobj = copyreg.__newobj__
        newargs = (cls,) + (args or ())
    else:
        newobj = copyreg.__newobj_ex__
        newargs = (cls, args, kwargs)
    required = not (hasargs or isinstance(obj, (list, dict)))
    state = getstate(obj, cls, required)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return (newobj, newargs, state, listitems, dictitems)


def instance_dict(obj):
    try:
        d = obj.__dict__
    except AttributeError:
        return None
    return d if isinstance(d, dict) else None


def getstate(obj, cls, required):
    """obj.__getstate__(): the instance dict (None when empty), paired
    with a dict of slot values when the class has slots."""
    if own_attr(cls, '__getstate__') is not None:
        return obj.__getstate__()
    import copyreg
    slotnames = copyreg._slotnames(cls) if hasattr(cls, '__slots__') else []
    d = instance_dict(obj)
    if d and slotnames:
        d = {k: v for k, v in d.items() if k not in slotnames}
    state = dict(d) if d else None
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state
