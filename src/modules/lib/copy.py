"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)                # make a shallow copy of y
        x = copy.deepcopy(y)            # make a deep copy of y
        x = copy.replace(y, a=1, b=2)   # new object with fields replaced, as defined by `__replace__`

For module specific errors, copy.Error is raised.

The difference between shallow and deep copying is only relevant for
compound objects (objects that contain other objects, like lists or
class instances).

- A shallow copy constructs a new compound object and then (to the
  extent possible) inserts *the same objects* into it that the
  original contains.

- A deep copy constructs a new compound object and then, recursively,
  inserts *copies* into it of the objects found in the original.

Two problems often exist with deep copy operations that don't exist
with shallow copy operations:

 a) recursive objects (compound objects that, directly or indirectly,
    contain a reference to themselves) may cause a recursive loop

 b) because deep copy copies *everything* it may copy too much, e.g.
    administrative data structures that should be shared even between
    copies

Python's deep copy operation avoids these problems by:

 a) keeping a table of objects already copied during the current
    copying pass

 b) letting user-defined classes override the copying operation or the
    set of components copied

This version does not copy types like module, class, function, method,
nor stack trace, stack frame, nor file, socket, window, nor any
similar types.

Classes can use the same interfaces to control copying that they use
to control pickling: they can define methods called __getinitargs__(),
__getstate__() and __setstate__().  See the documentation for module
"pickle" for information on these methods.
"""


class Error(Exception):
    pass


error = Error   # backward compatibility

__all__ = ["Error", "copy", "deepcopy", "replace"]


def _type_of(make):
    try:
        return type(make())
    except Exception:
        return None


def _sample_function():
    pass


class _Probe:
    def method(self):
        pass


# Types whose instances are never copied (they are immutable or have
# identity semantics).
_ATOMIC = set(t for t in (
    type(None), int, float, bool, str, bytes, type, range, slice,
    property, frozenset, tuple,
    _type_of(lambda: complex(1, 1)),
    _type_of(lambda: len),
    _type_of(lambda: ...),
    _type_of(lambda: NotImplemented),
    _type_of(lambda: _sample_function),
    _type_of(lambda: _sample_function.__code__),
) if t is not None)

# For copy(): immutable containers are returned as they are too.
_SHALLOW_SAME = set(_ATOMIC)
_SHALLOW_SAME.add(super)

# For deepcopy(): the same, except for the containers of mutable things.
_DEEP_SAME = set(_ATOMIC)
_DEEP_SAME.discard(tuple)
_DEEP_SAME.discard(frozenset)
_DEEP_SAME.discard(slice)

_METHOD_TYPE = _type_of(lambda: _Probe().method)


def _shallow_builtin(x):
    cls = type(x)
    if cls is list or cls is dict or cls is set:
        return x.copy()
    if cls.__name__ == 'bytearray' and cls.__module__ == 'builtins':
        return x.copy()
    return _NO_COPY


_NO_COPY = object()


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _SHALLOW_SAME:
        return x
    made = _shallow_builtin(x)
    if made is not _NO_COPY:
        return made
    if isinstance(x, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    parts = _reduce(x, cls)
    if isinstance(parts, str):
        return x
    return _reconstruct(x, None, *parts)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    key = id(x)
    if memo is None:
        memo = {}
    else:
        found = memo.get(key, _nil)
        if found is not _nil:
            return found

    cls = type(x)
    if cls in _DEEP_SAME:
        made = x
    elif cls is list:
        made = _deep_list(x, memo)
    elif cls is dict:
        made = _deep_dict(x, memo)
    elif cls is tuple:
        made = _deep_tuple(x, memo)
    elif _METHOD_TYPE is not None and cls is _METHOD_TYPE:
        made = cls(x.__func__, deepcopy(x.__self__, memo))
    elif isinstance(x, type):
        made = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            made = copier(memo)
        else:
            parts = _reduce(x, cls)
            if isinstance(parts, str):
                made = x
            else:
                made = _reconstruct(x, memo, *parts)
    # If is its own copy, don't memoize.
    if made is not x:
        memo[key] = made
        _keep_alive(x, memo)
    return made


def _deep_list(x, memo):
    made = []
    memo[id(x)] = made
    for item in x:
        made.append(deepcopy(item, memo))
    return made


def _deep_dict(x, memo):
    made = {}
    memo[id(x)] = made
    for k, v in x.items():
        made[deepcopy(k, memo)] = deepcopy(v, memo)
    return made


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # The tuple may have been copied while copying its own items (a cycle
    # through a mutable object): then that copy is the answer.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for old, new in zip(x, items):
        if old is not new:
            return tuple(items)
    return x


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


def _own_attr(cls, name):
    """The attribute `name` as defined by cls or a base other than object."""
    for klass in getattr(cls, '__mro__', (cls,)):
        if klass is object:
            break
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _new_instance(cls, *args, **kwargs):
    return cls.__new__(cls, *args, **kwargs)


_VALUE_BASES = (int, float, str, bytes, tuple)


def _reduce(x, cls):
    """The (callable, args, state, listitems, dictitems) recipe for x, as
    pickle protocol 4 would describe it."""
    if _own_attr(cls, '__reduce_ex__') is not None:
        parts = x.__reduce_ex__(4)
    elif _own_attr(cls, '__reduce__') is not None:
        parts = x.__reduce__()
    else:
        parts = _default_reduce(x, cls)
    if isinstance(parts, str):
        return parts
    if not isinstance(parts, tuple):
        raise Error(f"un(deep)copyable object of type {cls}")
    return parts


def _default_reduce(x, cls):
    # What object.__reduce_ex__(4) produces for an ordinary instance.
    if isinstance(x, (set, frozenset)):
        # Sets rebuild from a list of their items, as set.__reduce__ says.
        return (cls, (list(x),), _default_state(x, cls) or None)
    if cls is slice:
        return (slice, (x.start, x.stop, x.step))
    if cls.__name__ == 'bytearray' and cls.__module__ == 'builtins':
        return (cls, (bytes(x),))
    if (cls.__module__ == 'builtins' and cls is not object
            and not isinstance(x, _VALUE_BASES + (list, dict))):
        # Built-in objects without a pickle recipe (generators, frames, ...).
        raise TypeError(f"cannot pickle '{cls.__name__}' object")
    kwargs = {}
    if hasattr(x, '__getnewargs_ex__'):
        args, kwargs = x.__getnewargs_ex__()
    elif hasattr(x, '__getnewargs__'):
        args = x.__getnewargs__()
    else:
        args = ()
        for base in _VALUE_BASES:
            if isinstance(x, base):
                args = (base(x),)
                break
    args = tuple(args)

    getstate = _own_attr(cls, '__getstate__')
    if getstate is not None:
        state = x.__getstate__()
    else:
        state = _default_state(x, cls)

    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return (_new_with_kwargs, (cls, args, kwargs), state,
                listitems, dictitems)
    return (_new_instance, (cls,) + args, state, listitems, dictitems)


def _new_with_kwargs(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _default_state(x, cls):
    try:
        own = x.__dict__
    except AttributeError:
        own = None
    if own is not None and not isinstance(own, dict):
        own = None
    if own is not None:
        own = dict(own) or None
    slotted = {}
    for klass in getattr(cls, '__mro__', ()):
        names = klass.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = f'_{klass.__name__.lstrip("_")}{name}'
            try:
                slotted[name] = getattr(x, name)
            except AttributeError:
                pass
    if slotted:
        return (own, slotted)
    return own


def _update_dict(obj, state):
    obj.__dict__.update(state)
    # Where __dict__ is not a live view, set what did not arrive directly.
    present = obj.__dict__
    for k in state:
        if k not in present:
            object.__setattr__(obj, k, state[k])


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    made = func(*args)
    if deep:
        memo[id(x)] = made

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(made, '__setstate__'):
            made.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state:
                _update_dict(made, state)
            if slotstate is not None:
                for k, v in slotstate.items():
                    setattr(made, k, v)

    if listiter is not None:
        if deep:
            for item in listiter:
                made.append(deepcopy(item, memo))
        else:
            for item in listiter:
                made.append(item)
    if dictiter is not None:
        if deep:
            for k, v in dictiter:
                made[deepcopy(k, memo)] = deepcopy(v, memo)
        else:
            for k, v in dictiter:
                made[k] = v
    return made


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values.

    This is especially useful for immutable objects, like named tuples or
    frozen dataclasses.
    """
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)


del _sample_function, _Probe
