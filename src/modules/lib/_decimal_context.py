# Decimal contexts: precision, rounding, exponent limits, flags and traps,
# and the current context of each thread of execution.
#
# The current context lives in a ContextVar, so every asyncio task sees the
# context it was created with and localcontext() in one task leaves the
# others alone.  The arithmetic methods of Context are attached by the
# `decimal` module (they need the Decimal type, which imports this module).

import contextvars as _contextvars

import _decimal_signals as _sig
from _decimal_signals import (
    SignalDict, ROUNDINGS, ROUNDING_TEXT, MAX_PREC, MAX_EMAX, MIN_EMIN,
    C_INVALID, C_INVALID_ANY, C_DIVZERO, C_OVERFLOW,
    ROUND_HALF_EVEN, ROUND_HALF_UP,
)

_SSIZE_LIMIT = 1 << 63

# The order in which a Context repr lists its flags and traps.
_REPR_ORDER = (_sig.Clamped, _sig.InvalidOperation, _sig.DivisionByZero, _sig.Inexact,
               _sig.FloatOperation, _sig.Overflow, _sig.Rounded, _sig.Subnormal,
               _sig.Underflow)

_FIELDS = ("prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps")
_SLOTS = ("_prec", "_rounding", "_emin", "_emax", "_capitals", "_clamp", "_flags", "_traps")
_SETTABLE = frozenset(_FIELDS + _SLOTS)


def _as_int(value):
    if not isinstance(value, int):
        raise TypeError("an integer is required")
    if not -_SSIZE_LIMIT <= value < _SSIZE_LIMIT:
        raise OverflowError("Python int too large to convert to C ssize_t")
    return int(value)


def _repr_list(mask):
    names = [cls.__name__ for cls in _REPR_ORDER if mask & _sig.BIT_OF_SIGNAL[cls]]
    return "[" + ", ".join(names) + "]"


def _signal_mask(value):
    """The mask for a flags/traps argument of Context(): a list or a dict."""
    if isinstance(value, list):
        return _sig.mask_from_list(value)
    return _sig.mask_from_dict(value)


class Context(object):
    """Context(prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
    clamp=None, flags=None, traps=None): the environment of decimal
    arithmetic.  Arguments left out are taken from DefaultContext."""

    __slots__ = _SLOTS
    __module__ = "decimal"

    def __init__(self, *args, **kwargs):
        if len(args) > 8:
            raise TypeError(f"function takes at most 8 arguments ({len(args)} given)")
        values = dict(zip(_FIELDS, args))
        for name, value in kwargs.items():
            if name not in _FIELDS or name in values:
                raise TypeError(f"this function got an unexpected keyword argument '{name}'")
            values[name] = value
        base = DefaultContext
        if base is None:
            object.__setattr__(self, "_prec", 28)
            object.__setattr__(self, "_rounding", ROUND_HALF_EVEN)
            object.__setattr__(self, "_emin", -999999)
            object.__setattr__(self, "_emax", 999999)
            object.__setattr__(self, "_capitals", 1)
            object.__setattr__(self, "_clamp", 0)
            object.__setattr__(self, "_flags", SignalDict(0))
            object.__setattr__(self, "_traps", SignalDict(C_INVALID | C_DIVZERO | C_OVERFLOW))
        else:
            base._copy_into(self)
        self._configure(values)

    def _configure(self, values):
        """Apply Context()/localcontext() arguments; None means unchanged."""
        for name in _FIELDS:
            value = values.get(name)
            if value is None:
                continue
            if name == "flags":
                self._flags._bits = _signal_mask(value)
            elif name == "traps":
                self._traps._bits = _signal_mask(value)
            else:
                setattr(self, name, value)

    def _copy_into(self, other):
        object.__setattr__(other, "_prec", self._prec)
        object.__setattr__(other, "_rounding", self._rounding)
        object.__setattr__(other, "_emin", self._emin)
        object.__setattr__(other, "_emax", self._emax)
        object.__setattr__(other, "_capitals", self._capitals)
        object.__setattr__(other, "_clamp", self._clamp)
        object.__setattr__(other, "_flags", SignalDict(self._flags._bits))
        object.__setattr__(other, "_traps", SignalDict(self._traps._bits))

    def __setattr__(self, name, value):
        if name not in _SETTABLE:
            raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    # ------------------------------------------------------- attributes

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        value = _as_int(value)
        if not 1 <= value <= MAX_PREC:
            raise ValueError("valid range for prec is [1, MAX_PREC]")
        object.__setattr__(self, "_prec", value)

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if not isinstance(value, str) or value not in ROUNDINGS:
            raise TypeError(ROUNDING_TEXT)
        object.__setattr__(self, "_rounding", str(value))

    @property
    def Emin(self):
        return self._emin

    @Emin.setter
    def Emin(self, value):
        value = _as_int(value)
        if not MIN_EMIN <= value <= 0:
            raise ValueError("valid range for Emin is [MIN_EMIN, 0]")
        object.__setattr__(self, "_emin", value)

    @property
    def Emax(self):
        return self._emax

    @Emax.setter
    def Emax(self, value):
        value = _as_int(value)
        if not 0 <= value <= MAX_EMAX:
            raise ValueError("valid range for Emax is [0, MAX_EMAX]")
        object.__setattr__(self, "_emax", value)

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        value = _as_int(value)
        if value not in (0, 1):
            raise ValueError("valid values for capitals are 0 or 1")
        object.__setattr__(self, "_capitals", value)

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        value = _as_int(value)
        if value not in (0, 1):
            raise ValueError("valid values for clamp are 0 or 1")
        object.__setattr__(self, "_clamp", value)

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, value):
        self._flags._bits = _sig.mask_from_dict(value)

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, value):
        self._traps._bits = _sig.mask_from_dict(value)

    # ---------------------------------------------------------- helpers

    def Etiny(self):
        """The smallest exponent of a subnormal: Emin - prec + 1."""
        return self._emin - self._prec + 1

    def Etop(self):
        """The largest exponent with clamping: Emax - prec + 1."""
        return self._emax - self._prec + 1

    def clear_flags(self):
        self._flags._bits = 0

    def clear_traps(self):
        self._traps._bits = 0

    def copy(self):
        new = object.__new__(Context)
        self._copy_into(new)
        return new

    __copy__ = copy

    def _signal(self, status):
        """Record the conditions in `status`; raise the first trapped one."""
        bits = status
        if bits & C_INVALID_ANY:
            bits = (bits & ~C_INVALID_ANY) | C_INVALID
        self._flags._bits |= bits
        if bits & self._traps._bits:
            raise _sig.trap_error(status, self._traps._bits)

    def __repr__(self):
        return (f"Context(prec={self._prec}, rounding={self._rounding}, "
                f"Emin={self._emin}, Emax={self._emax}, capitals={self._capitals}, "
                f"clamp={self._clamp}, flags={_repr_list(self._flags._bits)}, "
                f"traps={_repr_list(self._traps._bits)})")

    def __reduce__(self):
        flags = [s for s in _sig.SIGNALS if self._flags._bits & _sig.BIT_OF_SIGNAL[s]]
        traps = [s for s in _sig.SIGNALS if self._traps._bits & _sig.BIT_OF_SIGNAL[s]]
        return (Context, (self._prec, self._rounding, self._emin, self._emax,
                          self._capitals, self._clamp, flags, traps))


DefaultContext = None
DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[_sig.DivisionByZero, _sig.Overflow, _sig.InvalidOperation])
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP, flags=[],
                       traps=[_sig.DivisionByZero, _sig.Overflow, _sig.InvalidOperation,
                              _sig.Clamped, _sig.Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, flags=[], traps=[])

_current = _contextvars.ContextVar("decimal_context")


def getcontext():
    """The current context (a fresh copy of DefaultContext the first time)."""
    ctx = _current.get(None)
    if ctx is None:
        ctx = DefaultContext.copy()
        ctx._flags._bits = 0
        _current.set(ctx)
    return ctx


def setcontext(context):
    """Make `context` current; the three templates are copied first."""
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context._flags._bits = 0
    _current.set(context)


_LOCAL_ARGS = ("ctx",) + _FIELDS


class ContextManager(object):
    """What localcontext() returns: entering makes a copy current."""

    __module__ = "decimal"

    def __init__(self, local, saved):
        self._local = local
        self._saved = saved

    def __enter__(self):
        setcontext(self._local)
        return self._local

    def __exit__(self, *exc):
        setcontext(self._saved)
        return False


def localcontext(*args, **kwargs):
    """A context manager that makes a copy of ctx (or of the current
    context), changed by the keyword arguments, current while it is active."""
    if len(args) > len(_LOCAL_ARGS):
        raise TypeError(f"function takes at most {len(_LOCAL_ARGS)} arguments ({len(args)} given)")
    values = dict(zip(_LOCAL_ARGS, args))
    for name, value in kwargs.items():
        if name not in _LOCAL_ARGS or name in values:
            raise TypeError(f"this function got an unexpected keyword argument '{name}'")
        values[name] = value
    ctx = values.pop("ctx", None)
    saved = getcontext()
    if ctx is None:
        ctx = saved
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    for name in ("prec", "Emin", "Emax", "capitals", "clamp"):
        if values.get(name) is not None:
            _as_int(values[name])
    local = ctx.copy()
    local._configure(values)
    return ContextManager(local, saved)
