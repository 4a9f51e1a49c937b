"""Interface to the garbage collector.

aio has no cycle collector (and no reference counting either): memory is
managed by the interpreter itself, so collect() never finds anything and
returns 0. The functions keep CPython's signatures, argument checks and
bookkeeping (thresholds, debug flags, callbacks, statistics) so programs
that tune or query the collector keep working.
"""

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL

# Objects the collector found but could not free (never any here).
garbage = []
# Called as cb(phase, info) with phase "start" / "stop" around collect().
callbacks = []

_NUM_GENERATIONS = 3
_state = {"enabled": True, "debug": 0, "frozen": 0}
_thresholds = [2000, 10, 10]
_collections = [0, 0, 0]


def _index(value):
    if isinstance(value, int):
        return int(value)
    hook = getattr(type(value), "__index__", None)
    if hook is None:
        raise TypeError(
            f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return hook(value)


def _no_args(name, args):
    if args:
        raise TypeError(f"{name}() takes no arguments ({len(args)} given)")


def _one_arg(name, args):
    if len(args) != 1:
        raise TypeError(f"{name}() takes exactly one argument ({len(args)} given)")
    return args[0]


def enable(*args):
    """Turn automatic collection on."""
    _no_args("gc.enable", args)
    _state["enabled"] = True


def disable(*args):
    """Turn automatic collection off."""
    _no_args("gc.disable", args)
    _state["enabled"] = False


def isenabled(*args):
    """Whether automatic collection is on."""
    _no_args("gc.isenabled", args)
    return _state["enabled"]


def _run_callbacks(phase, generation):
    # Every callback of one phase sees the same dict, as in CPython; an
    # error is reported and the remaining callbacks still run.
    info = {"generation": generation, "collected": 0, "uncollectable": 0}
    for cb in list(callbacks):
        try:
            cb(phase, info)
        except Exception as exc:
            _report(cb, exc)


def _report(cb, exc):
    import sys
    try:
        sys.stdout.flush()
        sys.stderr.write(f"Exception ignored in: {cb!r}\n")
        import traceback
        traceback.print_exception(type(exc), exc, exc.__traceback__,
                                  file=sys.stderr)
    except Exception:
        pass


def collect(*args, **kwargs):
    """Run a collection of the given generation (0, 1 or 2, default all).
    Returns how many unreachable objects were found: always 0 in aio."""
    generation = _collect_args(args, kwargs)
    if callbacks:
        _run_callbacks("start", generation)
    _collections[generation] += 1
    if callbacks:
        _run_callbacks("stop", generation)
    return 0


def _collect_args(args, kwargs):
    for key in kwargs:
        if key != "generation":
            raise TypeError(f"collect() got an unexpected keyword argument '{key}'")
    if len(args) + len(kwargs) > 1:
        raise TypeError(
            f"collect() takes at most 1 argument ({len(args) + len(kwargs)} given)")
    generation = args[0] if args else kwargs.get("generation", 2)
    generation = _index(generation)
    if not 0 <= generation < _NUM_GENERATIONS:
        raise ValueError("invalid generation")
    return generation


def get_count(*args):
    """The allocation counts driving automatic collection (always zeros)."""
    _no_args("gc.get_count", args)
    return (0, 0, 0)


def get_stats(*args):
    """One dict per generation: collections run, objects collected and
    objects found uncollectable."""
    _no_args("gc.get_stats", args)
    return [{"collections": n, "collected": 0, "uncollectable": 0}
            for n in _collections]


def set_debug(*args):
    """Set the debugging flags (a combination of the DEBUG_* constants)."""
    _state["debug"] = _index(_one_arg("gc.set_debug", args))


def get_debug(*args):
    """The current debugging flags."""
    _no_args("gc.get_debug", args)
    return _state["debug"]


def set_threshold(*args):
    """Set the collection thresholds (1 to 3 integers); ones not given keep
    their value."""
    if not 1 <= len(args) <= _NUM_GENERATIONS:
        raise TypeError("gc.set_threshold requires 1 to 3 arguments")
    values = [_index(a) for a in args]
    for i, v in enumerate(values):
        _thresholds[i] = v


def get_threshold(*args):
    """The collection thresholds as a tuple of three integers."""
    _no_args("gc.get_threshold", args)
    return tuple(_thresholds)


def get_objects(generation=None):
    """The objects tracked by the collector. aio cannot enumerate its heap,
    so this is always an empty list (after CPython's argument checks)."""
    if generation is not None:
        if not isinstance(generation, int):
            raise TypeError("argument should be integer or None, not "
                            f"'{type(generation).__name__}'")
        if generation >= _NUM_GENERATIONS:
            raise ValueError(
                "generation parameter must be less than the number of "
                f"available generations ({_NUM_GENERATIONS})")
        if generation < -1:
            raise ValueError("generation parameter cannot be negative")
    return []


def get_referrers(*objs):
    """Objects referring to any of objs. aio cannot search its heap, so the
    answer is always an empty list."""
    return []


# Types whose instances never hold references to other objects.
_ATOMIC = (int, float, complex, str, bytes, bool, type(None), range)


def _referents_of(obj):
    # Mirrors what CPython's traversal visits for the common containers
    # (list and tuple items are visited last to first).
    cls = type(obj)
    if isinstance(obj, _ATOMIC) or cls.__name__ == "bytearray":
        return []
    if isinstance(obj, (list, tuple)):
        return list(reversed(obj))
    if isinstance(obj, dict):
        if all(type(k) is str for k in obj):
            return list(obj.values())
        out = []
        for k, v in obj.items():
            out.append(v)
            out.append(k)
        return out
    if isinstance(obj, (set, frozenset)):
        return list(obj)
    if isinstance(obj, type):
        return [dict(obj.__dict__), obj.__mro__, obj.__bases__]
    out = []
    try:
        state = obj.__dict__
    except AttributeError:
        state = None
    if isinstance(state, dict):
        out.extend(state.values())
    out.append(cls)
    return out


def get_referents(*objs):
    """The objects directly referred to by the arguments."""
    out = []
    for obj in objs:
        out.extend(_referents_of(obj))
    return out


def is_tracked(*args):
    """Whether the collector would track obj. Follows CPython's rules:
    atomic values are untracked, and so are tuples and dicts holding only
    untracked values."""
    return _tracked(_one_arg("gc.is_tracked", args))


def _tracked(obj):
    if isinstance(obj, _ATOMIC):
        return False
    cls = type(obj)
    if cls.__name__ == "bytearray" and cls.__module__ == "builtins":
        return False
    if isinstance(obj, tuple):
        return any(_tracked(x) for x in obj)
    if isinstance(obj, dict):
        for k, v in obj.items():
            if _tracked(k) or _tracked(v):
                return True
        return False
    return True


def is_finalized(*args):
    """Whether obj's finalizer has already run (never, in aio)."""
    _one_arg("gc.is_finalized", args)
    return False


def freeze(*args):
    """Move every tracked object to a permanent generation (nothing to
    move in aio)."""
    _no_args("gc.freeze", args)
    return None


def unfreeze(*args):
    """Return the permanent generation's objects to the oldest one."""
    _no_args("gc.unfreeze", args)
    _state["frozen"] = 0


def get_freeze_count(*args):
    """How many objects are in the permanent generation."""
    _no_args("gc.get_freeze_count", args)
    return _state["frozen"]
