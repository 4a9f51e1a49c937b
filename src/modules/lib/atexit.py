"""Register functions to be called when the interpreter exits.

register(func, *args, **kwargs) stores a call; the interpreter runs the
stored calls, the most recently registered first, once the main program
has finished (normally, through sys.exit, or after an uncaught error).
"""

# Each entry is (func, args, kwargs), or None once unregistered: like
# CPython, unregister() empties the slot and _ncallbacks() still counts it.
# The interpreter calls _run_exitfuncs() at exit whenever this module has
# been imported.
_callbacks = []


def register(*args, **kwargs):
    """Register func(*args, **kwargs) to be called at exit; returns func,
    so register can be used as a decorator."""
    if not args:
        raise TypeError(f"register() takes at least 1 argument ({len(args)} given)")
    func = args[0]
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args[1:], kwargs))
    return func


def unregister(*args):
    """Remove every registration of func (compared with ==)."""
    if len(args) != 1:
        raise TypeError(
            f"atexit.unregister() takes exactly one argument ({len(args)} given)")
    func = args[0]
    for i, entry in enumerate(_callbacks):
        if entry is not None and entry[0] == func:
            _callbacks[i] = None


def _clear():
    """Forget every registered call."""
    del _callbacks[:]


def _ncallbacks():
    """How many calls are registered."""
    return len(_callbacks)


def _report(func, exc):
    # CPython reports through the unraisable hook: a header naming the
    # callback, then the usual traceback, on stderr.
    import sys
    err = sys.stderr
    try:
        err.write(f"Exception ignored in atexit callback {func!r}:\n")
        import traceback
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=err)
    except BaseException:
        pass
    try:
        err.flush()
    except BaseException:
        pass


def _run_exitfuncs():
    """Call the registered functions, last registered first; an error in
    one is reported on stderr and the others still run. Calls registered
    while this runs are dropped, as in CPython. Afterwards nothing stays
    registered."""
    import sys
    # Walk the live list downward: a callback may unregister one that has
    # not run yet; what is registered meanwhile lands above and is dropped.
    i = len(_callbacks) - 1
    while i >= 0:
        entry = _callbacks[i] if i < len(_callbacks) else None
        i -= 1
        if entry is None:
            continue
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            try:
                sys.stdout.flush()
            except BaseException:
                pass
            _report(func, exc)
    del _callbacks[:]
