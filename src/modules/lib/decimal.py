# decimal: decimal fixed- and floating-point arithmetic following the
# General Decimal Arithmetic specification, with CPython's API, messages
# and results.  The implementation is split over the _decimal_* modules:
#   _decimal_signals  signals, conditions, rounding modes
#   _decimal_context  Context, the current context, localcontext()
#   _decimal_core     the Decimal type, parsing, text, comparison, hashing
#   _decimal_arith    arithmetic, quantize, comparisons, logical operations
#   _decimal_math     sqrt, exp, ln, log10, power
#   _decimal_format   format()
#   _decimal_api      the methods of Decimal and Context

"""Decimal fixed-point and floating-point arithmetic.

Decimal numbers are exact: Decimal('0.1') * 3 == Decimal('0.3').  Every
operation rounds its result according to the current Context (28 digits,
ROUND_HALF_EVEN by default) and records what happened in the context's
flags; a trapped signal raises the matching exception.
"""

from _decimal_signals import (
    ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
    ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP,
    MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY,
    DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
    DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
    Subnormal, Overflow, Underflow, FloatOperation,
)
from _decimal_context import (
    Context, DefaultContext, BasicContext, ExtendedContext,
    getcontext, setcontext, localcontext,
)
from _decimal_core import Decimal, DecimalTuple
import _decimal_api

_decimal_api.install()
del _decimal_api

import numbers as _numbers
_numbers.Number.register(Decimal)
del _numbers

__version__ = "1.70"
__libmpdec_version__ = "2.5.1"

HAVE_THREADS = True
HAVE_CONTEXTVAR = True
