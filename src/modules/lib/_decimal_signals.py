# Signals, conditions and rounding modes of the decimal module.
#
# An operation collects what happened as a bit mask of *conditions* (one
# bit per condition, so ConversionSyntax and DivisionUndefined stay
# distinguishable) and hands the mask to its context at the end.  The
# context keeps flags and traps as masks of the nine *signals*; every
# InvalidOperation condition maps to the InvalidOperation signal.  When a
# trapped signal occurs, the exception raised is the first trapped signal
# in CPython's order, and its argument lists the trapped conditions.

from collections.abc import MutableMapping as _MutableMapping

ROUND_DOWN = "ROUND_DOWN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_CEILING = "ROUND_CEILING"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_UP = "ROUND_UP"
ROUND_HALF_DOWN = "ROUND_HALF_DOWN"
ROUND_05UP = "ROUND_05UP"

# Order used by Context reprs and error messages.
ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
             ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)


class DecimalException(ArithmeticError):
    """Base class of the decimal module's signals."""
    __module__ = "decimal"


class Clamped(DecimalException):
    """An exponent was altered to fit the context's limits."""
    __module__ = "decimal"


class InvalidOperation(DecimalException):
    """An operation had no meaningful result."""
    __module__ = "decimal"


class ConversionSyntax(InvalidOperation):
    """A string was not a well-formed number."""
    __module__ = "decimal"


class DivisionByZero(DecimalException, ZeroDivisionError):
    """A finite non-zero number was divided by zero."""
    __module__ = "decimal"


class DivisionImpossible(InvalidOperation):
    """An integer quotient had more digits than the precision."""
    __module__ = "decimal"


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    """Zero was divided by zero."""
    __module__ = "decimal"


class Inexact(DecimalException):
    """A result was rounded and lost non-zero digits."""
    __module__ = "decimal"


class InvalidContext(InvalidOperation):
    """A context was unusable."""
    __module__ = "decimal"


class Rounded(DecimalException):
    """A result was rounded (possibly losing only zeros)."""
    __module__ = "decimal"


class Subnormal(DecimalException):
    """A result's adjusted exponent was below Emin."""
    __module__ = "decimal"


class Overflow(Inexact, Rounded):
    """A result's exponent was too large to represent."""
    __module__ = "decimal"


class Underflow(Inexact, Rounded, Subnormal):
    """A subnormal result was also inexact."""
    __module__ = "decimal"


class FloatOperation(DecimalException, TypeError):
    """A float was mixed into a Decimal construction or comparison."""
    __module__ = "decimal"


# Condition bits.
C_INVALID = 1
C_SYNTAX = 2
C_IMPOSSIBLE = 4
C_UNDEFINED = 8
C_CONTEXT = 16
C_FLOAT = 32
C_DIVZERO = 64
C_OVERFLOW = 128
C_UNDERFLOW = 256
C_SUBNORMAL = 512
C_INEXACT = 1024
C_ROUNDED = 2048
C_CLAMPED = 4096
C_INVALID_ANY = C_INVALID | C_SYNTAX | C_IMPOSSIBLE | C_UNDEFINED | C_CONTEXT

# The nine signals in CPython's order, each with its bit in a flags/traps
# mask (InvalidOperation owns the C_INVALID bit for all its conditions).
SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
           Subnormal, Inexact, Rounded, Clamped)
SIGNAL_BITS = (C_INVALID, C_FLOAT, C_DIVZERO, C_OVERFLOW, C_UNDERFLOW,
               C_SUBNORMAL, C_INEXACT, C_ROUNDED, C_CLAMPED)
BIT_OF_SIGNAL = dict(zip(SIGNALS, SIGNAL_BITS))

# Conditions in the order CPython lists them in an exception's argument.
_CONDITIONS = ((C_INVALID, InvalidOperation), (C_SYNTAX, ConversionSyntax),
               (C_IMPOSSIBLE, DivisionImpossible), (C_UNDEFINED, DivisionUndefined),
               (C_CONTEXT, InvalidContext), (C_FLOAT, FloatOperation),
               (C_DIVZERO, DivisionByZero), (C_OVERFLOW, Overflow),
               (C_UNDERFLOW, Underflow), (C_SUBNORMAL, Subnormal),
               (C_INEXACT, Inexact), (C_ROUNDED, Rounded), (C_CLAMPED, Clamped))

SIGNALS_TEXT = ("valid values for signals are:\n"
                "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                "   Clamped]")

ROUNDING_TEXT = ("valid values for rounding are:\n"
                 "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                 "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                 "   ROUND_05UP]")


def signal_bits(status):
    """The flags mask for a mask of conditions."""
    if status & C_INVALID_ANY:
        return (status & ~C_INVALID_ANY) | C_INVALID
    return status


def trap_error(status, traps):
    """The exception for the trapped part of `status`, or None."""
    hit = signal_bits(status) & traps
    if not hit:
        return None
    for cls, bit in zip(SIGNALS, SIGNAL_BITS):
        if hit & bit:
            break
    trapped = status if traps & C_INVALID else status & ~C_INVALID_ANY
    trapped &= traps | C_INVALID_ANY
    conditions = [c for bit, c in _CONDITIONS if trapped & bit]
    return cls(conditions)


def signal_list(mask, prefix=""):
    """The names of the signals set in a mask, for reprs."""
    return [prefix + cls.__name__ for cls, bit in zip(SIGNALS, SIGNAL_BITS) if mask & bit]


def mask_from_list(signals):
    mask = 0
    for sig in signals:
        bit = BIT_OF_SIGNAL.get(sig) if isinstance(sig, type) else None
        if bit is None:
            raise KeyError(SIGNALS_TEXT)
        mask |= bit
    return mask


def mask_from_dict(mapping):
    """The mask of a complete {signal: bool} mapping, as Context accepts."""
    if isinstance(mapping, SignalDict):
        return mapping._bits
    if not isinstance(mapping, dict):
        raise TypeError("argument must be a signal dict")
    if len(mapping) != len(SIGNALS):
        raise KeyError("invalid signal dict")
    mask = 0
    for sig, value in mapping.items():
        bit = BIT_OF_SIGNAL.get(sig) if isinstance(sig, type) else None
        if bit is None:
            raise KeyError("invalid signal dict")
        if value:
            mask |= bit
    return mask


class SignalDict(_MutableMapping):
    """The live flags or traps of a context, as a mapping signal -> bool."""

    __slots__ = ("_bits",)

    def __init__(self, bits=0):
        self._bits = bits

    def _bit(self, key):
        bit = BIT_OF_SIGNAL.get(key) if isinstance(key, type) else None
        if bit is None:
            raise KeyError(SIGNALS_TEXT)
        return bit

    def __getitem__(self, key):
        return bool(self._bits & self._bit(key))

    def __setitem__(self, key, value):
        bit = self._bit(key)
        if value:
            self._bits |= bit
        else:
            self._bits &= ~bit

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __contains__(self, key):
        return key in BIT_OF_SIGNAL

    def __iter__(self):
        return iter(SIGNALS)

    def __len__(self):
        return len(SIGNALS)

    def get(self, key, default=None):
        bit = BIT_OF_SIGNAL.get(key) if isinstance(key, type) else None
        if bit is None:
            return default
        return bool(self._bits & bit)

    def copy(self):
        return {sig: bool(self._bits & bit) for sig, bit in zip(SIGNALS, SIGNAL_BITS)}

    def update(self, other=(), **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for key, value in items:
            self[key] = value

    def __eq__(self, other):
        if isinstance(other, SignalDict):
            return self._bits == other._bits
        if isinstance(other, dict):
            try:
                return self._bits == mask_from_dict(other)
            except KeyError:
                raise ValueError("invalid signal dict") from None
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        cells = [f"{sig!r}:{bool(self._bits & bit)}" for sig, bit in zip(SIGNALS, SIGNAL_BITS)]
        return "{" + ", ".join(cells) + "}"
