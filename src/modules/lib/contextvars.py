# contextvars: context variables with asyncio's semantics. The current
# Context lives in the interpreter (`_contextvars`), which gives each task
# a copy of the context it was created in and switches contexts around
# every step of a task, as CPython's Task does.

import _contextvars

_MISSING = object()


def _current():
    ctx = _contextvars.current()
    if ctx is None:
        ctx = Context()
        _contextvars.set_current(ctx)
    return ctx


class Context:
    __module__ = "_contextvars"

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        previous = _contextvars.current()
        self._entered = True
        _contextvars.set_current(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _contextvars.set_current(previous)
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def _check(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")

    def __getitem__(self, var):
        self._check(var)
        return self._data[var]

    def get(self, var, default=None):
        self._check(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        self._check(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    return _current().copy()


class ContextVar:
    __module__ = "_contextvars"

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, default=_MISSING):
        data = _current()._data
        if self in data:
            return data[self]
        if default is not _MISSING:
            return default
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        old = ctx._data.get(self, Token.MISSING)
        ctx._data[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        token._used = True
        if token._old is Token.MISSING:
            ctx._data.pop(self, None)
        else:
            ctx._data[self] = token._old

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def __repr__(self):
        default = "" if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at {id(self):#x}>"


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    __module__ = "_contextvars"
    MISSING = _Missing()

    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at {id(self):#x}>"


# From here on tasks get contexts of their own (runtime/task.rs): the root
# context exists as soon as the module does.
_current()
