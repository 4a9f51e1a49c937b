# The Decimal type: representation, construction, conversion to text and to
# other numbers, comparison and hashing.  Arithmetic lives in
# _decimal_arith and _decimal_math and is attached to the class by the
# `decimal` module.
#
# A Decimal is (_sign, _coef, _exp, _kind): sign 0 or 1, the coefficient as
# a non-negative int, the exponent as an int, and the kind: 0 finite,
# 1 infinite, 2 quiet NaN, 3 signaling NaN (for NaNs _coef is the payload).
# Keeping the coefficient as an int makes the arithmetic plain integer work.

import math as _math
from collections import namedtuple as _namedtuple

from _decimal_signals import (
    C_INVALID, C_SYNTAX, C_FLOAT, C_INEXACT, C_ROUNDED, C_SUBNORMAL,
    C_UNDERFLOW, C_CLAMPED, C_OVERFLOW, ROUND_HALF_EVEN, ROUND_HALF_UP,
    ROUND_HALF_DOWN, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_05UP,
    MAX_EMAX, MIN_ETINY,
)
from _decimal_context import getcontext, Context

FINITE, INF, QNAN, SNAN = 0, 1, 2, 3

DecimalTuple = _namedtuple("DecimalTuple", "sign digits exponent", module="decimal")

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159
_HASH_INV10 = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)

_POW10 = [10 ** i for i in range(100)]


def pow10(n):
    return _POW10[n] if n < 100 else 10 ** n


def ndigits(c):
    """Number of decimal digits of a non-negative int (1 for zero)."""
    if c < 10:
        return 1
    return len(str(c))


_onew = object.__new__


class Decimal(object):
    """Decimal(value="0", context=None): an exact decimal floating-point
    number made from an int, a str, a float, a (sign, digits, exponent)
    tuple or another Decimal."""

    # No __slots__: in aio plain instance attributes are much cheaper to
    # set, and every result is a new Decimal.
    __module__ = "decimal"

    def __new__(cls, value="0", context=None, *more):
        if more:
            raise TypeError(f"function takes at most 2 arguments ({2 + len(more)} given)")
        if context is not None and not isinstance(context, Context):
            raise TypeError("optional argument must be a context")
        if isinstance(value, Decimal):
            if cls is Decimal and type(value) is Decimal:
                return value
            return _new_of(cls, value._sign, value._coef, value._exp, value._kind)
        if isinstance(value, int):
            return _from_int(cls, value)
        if isinstance(value, str):
            parsed = parse_number(_clean_text(value))
            if parsed is None or parsed[3] == FINITE and _exponent_out_of_range(parsed):
                ctx = context if context is not None else getcontext()
                bad = C_SYNTAX if parsed is None else C_INVALID
                ctx._signal(bad)
                return _new_of(cls, 0, 0, 0, QNAN)
            if cls is Decimal:
                return _new(parsed[0], parsed[1], parsed[2], parsed[3])
            return _new_of(cls, *parsed)
        if isinstance(value, float):
            ctx = context if context is not None else getcontext()
            ctx._signal(C_FLOAT)
            return _from_float(cls, value)
        if isinstance(value, (tuple, list)):
            return _from_tuple(cls, value)
        raise TypeError(f"conversion from {type(value).__name__} to Decimal is not supported")

    @classmethod
    def from_float(cls, f):
        """The exact value of a float (or int) as a Decimal."""
        if isinstance(f, int):
            return _from_int(cls, f)
        if not isinstance(f, float):
            raise TypeError("argument must be int or float")
        return _from_float(cls, f)

    # ---------------------------------------------------------- predicates

    def is_nan(self):
        return self._kind >= QNAN

    def is_qnan(self):
        return self._kind == QNAN

    def is_snan(self):
        return self._kind == SNAN

    def is_infinite(self):
        return self._kind == INF

    def is_finite(self):
        return self._kind == FINITE

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._kind == FINITE and self._coef == 0

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        if self._kind or self._coef == 0:
            return False
        ctx = _context_arg(context)
        return self.adjusted() >= ctx._emin

    def is_subnormal(self, context=None):
        if self._kind or self._coef == 0:
            return False
        ctx = _context_arg(context)
        return self.adjusted() < ctx._emin

    def adjusted(self):
        if self._kind:
            return 0
        return self._exp + ndigits(self._coef) - 1

    def radix(self):
        return _new(0, 10, 0)

    def number_class(self, context=None):
        kind = self._kind
        if kind == SNAN:
            return "sNaN"
        if kind == QNAN:
            return "NaN"
        sign = "-" if self._sign else "+"
        if kind == INF:
            return sign + "Infinity"
        if self._coef == 0:
            return sign + "Zero"
        ctx = _context_arg(context)
        if self.adjusted() < ctx._emin:
            return sign + "Subnormal"
        return sign + "Normal"

    def same_quantum(self, other, context=None):
        other = convert_strict(other)
        if self._kind or other._kind:
            if self._kind >= QNAN or other._kind >= QNAN:
                return self._kind >= QNAN and other._kind >= QNAN
            return self._kind == other._kind
        return self._exp == other._exp

    # ----------------------------------------------------- copies and parts

    def copy_abs(self):
        return _new(0, self._coef, self._exp, self._kind)

    def copy_negate(self):
        return _new(1 - self._sign, self._coef, self._exp, self._kind)

    def copy_sign(self, other, context=None):
        other = convert_strict(other)
        return _new(other._sign, self._coef, self._exp, self._kind)

    def as_tuple(self):
        kind = self._kind
        if kind == INF:
            return DecimalTuple(self._sign, (0,), "F")
        if kind >= QNAN:
            digits = tuple(map(int, str(self._coef))) if self._coef else ()
            return DecimalTuple(self._sign, digits, "n" if kind == QNAN else "N")
        return DecimalTuple(self._sign, tuple(map(int, str(self._coef))), self._exp)

    def as_integer_ratio(self):
        if self._kind:
            what = "NaN" if self._kind >= QNAN else "Infinity"
            err = ValueError if self._kind >= QNAN else OverflowError
            raise err(f"cannot convert {what} to integer ratio")
        coef, exp = self._coef, self._exp
        if exp >= 0:
            num, den = coef * pow10(exp), 1
        else:
            num, den = coef, pow10(-exp)
            g = _math.gcd(num, den)
            num //= g
            den //= g
        return (-num if self._sign else num), den

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return _new(0, 0, 0)

    def conjugate(self):
        return self

    # -------------------------------------------------------------- text

    def __str__(self):
        return to_text(self, False, getcontext()._capitals)

    def __repr__(self):
        return "Decimal('" + to_text(self, False, getcontext()._capitals) + "')"

    def to_eng_string(self, context=None):
        ctx = _context_arg(context)
        return to_text(self, True, ctx._capitals)

    # ------------------------------------------------- numeric conversions

    def __bool__(self):
        return self._kind != FINITE or self._coef != 0

    def _integral(self, rounding):
        if self._kind:
            if self._kind >= QNAN:
                raise ValueError("cannot convert NaN to integer")
            raise OverflowError("cannot convert Infinity to integer")
        coef, exp = self._coef, self._exp
        if exp >= 0:
            value = coef * pow10(exp)
        else:
            c, drop = shrink(coef, -exp)
            value = round_coefficient(c, drop, self._sign, rounding)[0]
        return -value if self._sign else value

    def __int__(self):
        return self._integral(ROUND_DOWN)

    def __trunc__(self):
        return self._integral(ROUND_DOWN)

    def __floor__(self):
        return self._integral(ROUND_FLOOR)

    def __ceil__(self):
        return self._integral(ROUND_CEILING)

    def __round__(self, *args):
        if not args:
            return self._integral(ROUND_HALF_EVEN)
        n = args[0]
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_new(0, 1, -n))

    def __float__(self):
        kind = self._kind
        if kind >= QNAN:
            if kind == SNAN:
                raise ValueError("cannot convert signaling NaN to float")
            return -float("nan") if self._sign else float("nan")
        if kind == INF:
            return float("-inf") if self._sign else float("inf")
        return float(to_text(self, False, 1))

    def __complex__(self):
        return complex(float(self))

    # ------------------------------------------------ comparison and hash

    def __eq__(self, other):
        pair = _comparable(self, other, True)
        if pair is None:
            return NotImplemented
        a, b = pair
        if a._kind >= QNAN or b._kind >= QNAN:
            if a._kind == SNAN or b._kind == SNAN:
                getcontext()._signal(C_INVALID)
            return False
        return compare_values(a, b) == 0

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def _order(self, other):
        """compare_values(self, other); None after a NaN (signalled);
        NotImplemented for a type a Decimal cannot be ordered with."""
        pair = _comparable(self, other, False)
        if pair is None:
            if isinstance(other, _PLAIN_TYPES):
                # These types never order themselves against a Decimal.
                return _ORDER_FAILED
            return NotImplemented
        a, b = pair
        if a._kind >= QNAN or b._kind >= QNAN:
            getcontext()._signal(C_INVALID)
            return None
        return compare_values(a, b)

    def __lt__(self, other):
        c = self._order(other)
        if c is NotImplemented or c is _ORDER_FAILED:
            return _order_failure(c, "<", other)
        return c is not None and c < 0

    def __le__(self, other):
        c = self._order(other)
        if c is NotImplemented or c is _ORDER_FAILED:
            return _order_failure(c, "<=", other)
        return c is not None and c <= 0

    def __gt__(self, other):
        c = self._order(other)
        if c is NotImplemented or c is _ORDER_FAILED:
            return _order_failure(c, ">", other)
        return c is not None and c > 0

    def __ge__(self, other):
        c = self._order(other)
        if c is NotImplemented or c is _ORDER_FAILED:
            return _order_failure(c, ">=", other)
        return c is not None and c >= 0

    def __hash__(self):
        kind = self._kind
        if kind:
            if kind == SNAN:
                raise TypeError("Cannot hash a signaling NaN value")
            if kind == QNAN:
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        m = _HASH_MODULUS
        if self._exp >= 0:
            scale = pow(10, self._exp, m)
        else:
            scale = pow(_HASH_INV10, -self._exp, m)
        h = self._coef % m * scale % m
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    # ------------------------------------------------------------ copying

    def __reduce__(self):
        return (type(self), (to_text(self, False, 1),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return type(self)(self)

    def __deepcopy__(self, memo):
        return self.__copy__()


_PLAIN_TYPES = (str, bytes, bytearray, list, tuple, dict, set, frozenset, complex,
                type(None), range)
_ORDER_FAILED = object()


def _order_failure(marker, op, other):
    if marker is NotImplemented:
        return NotImplemented
    raise TypeError(f"'{op}' not supported between instances of 'decimal.Decimal' "
                    f"and '{type(other).__name__}'")


# ------------------------------------------------------------ constructors

def _new(sign, coef, exp, kind=FINITE):
    d = _onew(Decimal)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._kind = kind
    return d


def _new_of(cls, sign, coef, exp, kind=FINITE):
    d = _onew(cls)
    d._sign = sign
    d._coef = coef
    d._exp = exp
    d._kind = kind
    return d


def _from_int(cls, n):
    if n < 0:
        return _new_of(cls, 1, -n, 0)
    return _new_of(cls, 0, int(n), 0)


def _from_float(cls, f):
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if f != f:
        # CPython drops a NaN's sign here (it goes through repr(float)).
        return _new_of(cls, 0, 0, 0, QNAN)
    if f in (float("inf"), float("-inf")):
        return _new_of(cls, sign, 0, 0, INF)
    num, den = abs(f).as_integer_ratio()
    # den is a power of two: n / 2**k == n * 5**k / 10**k.
    k = den.bit_length() - 1
    return _new_of(cls, sign, num * 5 ** k, -k)


def _from_tuple(cls, value):
    if len(value) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = value
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if isinstance(exp, str):
        if exp not in ("F", "n", "N"):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        kind = {"F": INF, "n": QNAN, "N": SNAN}[exp]
    elif isinstance(exp, int):
        kind = FINITE
    else:
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (tuple, list)):
        raise ValueError("coefficient must be a tuple of digits")
    coef = 0
    for digit in digits:
        if not (isinstance(digit, int) and 0 <= digit <= 9):
            raise ValueError("coefficient must be a tuple of digits")
        coef = coef * 10 + digit
    if kind == INF:
        return _new_of(cls, int(sign), 0, 0, INF)
    if kind != FINITE:
        return _new_of(cls, int(sign), coef, 0, kind)
    return _new_of(cls, int(sign), coef, int(exp))


# ----------------------------------------------------------------- parsing

def _digit_value(ch):
    """The value of a non-ASCII Unicode decimal digit."""
    # Decimal digits come in runs of ten, 0 to 9, so the offset from the
    # start of the run gives the value.
    o = ord(ch)
    start = o
    while start > 0 and chr(start - 1).isdecimal():
        start -= 1
    return (o - start) % 10


def _clean_text(s):
    """What Decimal(str) parses: stripped, underscores dropped, digits ASCII."""
    s = s.strip()
    if "_" in s:
        s = s.replace("_", "")
    if not s.isascii():
        chars = []
        for ch in s:
            if ch.isascii():
                chars.append(ch)
            elif ch.isdecimal():
                chars.append(chr(48 + _digit_value(ch)))
            else:
                return "\x00"
        s = "".join(chars)
    return s


def _all_digits(s):
    return s.isdigit() and s.isascii()


def parse_number(s):
    """(sign, coef, exp, kind) for the decimal written in s, or None."""
    if not s:
        return None
    sign = 0
    first = s[0]
    if first == "-" or first == "+":
        sign = 1 if first == "-" else 0
        s = s[1:]
        if not s:
            return None
        first = s[0]
    if first.isdigit() or first == ".":
        epos = s.find("e")
        if epos < 0:
            epos = s.find("E")
        exp = 0
        if epos >= 0:
            text = s[epos + 1:]
            s = s[:epos]
            body = text[1:] if text[:1] in ("+", "-") else text
            if not _all_digits(body):
                return None
            exp = int(text)
        whole, dot, frac = s.partition(".")
        digits = whole + frac
        if not digits or not _all_digits(digits):
            return None
        return sign, int(digits), exp - len(frac), FINITE
    low = s.lower()
    if low == "inf" or low == "infinity":
        return sign, 0, 0, INF
    if low.startswith("nan"):
        kind, payload = QNAN, s[3:]
    elif low.startswith("snan"):
        kind, payload = SNAN, s[4:]
    else:
        return None
    if not payload:
        return sign, 0, 0, kind
    if not _all_digits(payload):
        return None
    return sign, int(payload), 0, kind


def _exponent_out_of_range(parsed):
    exp = parsed[2]
    if -10 ** 17 < exp < 10 ** 17:
        return False
    return exp < MIN_ETINY or exp + ndigits(parsed[1]) - 1 > MAX_EMAX


# ------------------------------------------------------------- to text

def to_text(d, eng, capitals):
    """The to-scientific-string (or engineering) form of a Decimal."""
    sign = "-" if d._sign else ""
    kind = d._kind
    if kind:
        if kind == INF:
            return sign + "Infinity"
        payload = str(d._coef) if d._coef else ""
        return sign + ("NaN" if kind == QNAN else "sNaN") + payload
    digits = str(d._coef)
    exp = d._exp
    n = len(digits)
    left = exp + n            # digits to the left of the point, as if plain
    if exp <= 0 and left > -6:
        point = left
    elif not eng:
        point = 1
    elif d._coef == 0:
        point = (left + 1) % 3 - 1
    else:
        point = (left - 1) % 3 + 1
    if point <= 0:
        body = "0." + "0" * (-point) + digits
    elif point >= n:
        body = digits + "0" * (point - n)
    else:
        body = digits[:point] + "." + digits[point:]
    if left == point:
        return sign + body
    e = left - point
    return sign + body + ("E" if capitals else "e") + ("+" if e >= 0 else "-") + str(abs(e))


# -------------------------------------------------------------- rounding

def round_coefficient(coef, drop, sign, rounding):
    """Drop `drop` low digits of coef by `rounding`: (new_coef, inexact)."""
    p = pow10(drop)
    q, r = divmod(coef, p)
    if r == 0:
        return q, False
    if rounding == ROUND_HALF_EVEN:
        twice = r + r
        if twice > p or (twice == p and q & 1):
            q += 1
    elif rounding == ROUND_HALF_UP:
        if r + r >= p:
            q += 1
    elif rounding == ROUND_HALF_DOWN:
        if r + r > p:
            q += 1
    elif rounding == ROUND_UP:
        q += 1
    elif rounding == ROUND_CEILING:
        if not sign:
            q += 1
    elif rounding == ROUND_FLOOR:
        if sign:
            q += 1
    elif rounding == ROUND_05UP:
        if q % 5 == 0:
            q += 1
    return q, True


def shrink(coef, drop):
    """(coef, drop) with the same rounding outcome but a bounded divisor:
    a coefficient entirely below the rounding point becomes a 1 just below."""
    if drop > 1 and drop > ndigits(coef) + 1:
        return (1 if coef else 0), 1
    return coef, drop


def fix(sign, coef, exp, ctx, status=0, rounding=None):
    """Fit a finite result into ctx (precision, exponent limits, clamping),
    signal what happened, and return it as a Decimal."""
    prec = ctx._prec
    if not status and ctx._emin <= exp <= ctx._emax - prec + 1 and \
            (coef < _POW10[prec] if prec < 100 else ndigits(coef) <= prec):
        d = _onew(Decimal)
        d._sign = sign
        d._coef = coef
        d._exp = exp
        d._kind = 0
        return d
    result, status = fit(sign, coef, exp, ctx, status, rounding)
    if status:
        ctx._signal(status)
    return result


def fit(sign, coef, exp, ctx, status=0, rounding=None):
    """(Decimal, conditions): a finite result fitted into ctx, unsignalled."""
    prec = ctx._prec
    emax = ctx._emax
    emin = ctx._emin
    # Common case: at most prec digits and an exponent safely inside the
    # limits (exp <= Etop also satisfies clamping): nothing to do.
    if emin <= exp <= emax - prec + 1 and (coef < _POW10[prec] if prec < 100 else ndigits(coef) <= prec):
        return _new(sign, coef, exp), status
    if rounding is None:
        rounding = ctx._rounding
    if coef == 0:
        top = emax - prec + 1 if ctx._clamp else emax
        tiny = emin - prec + 1
        if exp < tiny:
            exp = tiny
            status |= C_CLAMPED
        elif exp > top:
            exp = top
            status |= C_CLAMPED
        return _new(sign, 0, exp), status
    n = ndigits(coef)
    adj = exp + n - 1
    if adj > emax:
        return overflow(sign, ctx, status, rounding)
    if adj < emin:
        tiny = emin - prec + 1
        if exp < tiny:
            c, drop = shrink(coef, tiny - exp)
            coef, inexact = round_coefficient(c, drop, sign, rounding)
            exp = tiny
            status |= C_ROUNDED
            if inexact:
                status |= C_INEXACT | C_UNDERFLOW
                if coef == 0:
                    status |= C_CLAMPED
        return _new(sign, coef, exp), status | C_SUBNORMAL
    if n > prec:
        drop = n - prec
        coef, inexact = round_coefficient(coef, drop, sign, rounding)
        exp += drop
        status |= C_ROUNDED | (C_INEXACT if inexact else 0)
        if coef == pow10(prec):
            coef //= 10
            exp += 1
            if exp + prec - 1 > emax:
                return overflow(sign, ctx, status, rounding)
    if ctx._clamp:
        top = emax - prec + 1
        if exp > top:
            coef *= pow10(exp - top)
            exp = top
            status |= C_CLAMPED
    return _new(sign, coef, exp), status


def overflow(sign, ctx, status=0, rounding=None):
    """(result, conditions) for a result too large for ctx."""
    status |= C_OVERFLOW | C_INEXACT | C_ROUNDED
    if rounding is None:
        rounding = ctx._rounding
    if (rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP)
            or (rounding == ROUND_CEILING and not sign)
            or (rounding == ROUND_FLOOR and sign)):
        return _new(sign, 0, 0, INF), status
    prec = ctx._prec
    return _new(sign, pow10(prec) - 1, ctx._emax - prec + 1), status


def fix_nan(d, ctx):
    """A NaN result with its payload cut to what the context can hold."""
    room = ctx._prec - ctx._clamp
    coef = d._coef
    if coef and ndigits(coef) > room:
        coef = coef % pow10(room) if room > 0 else 0
    if d._kind == QNAN and coef == d._coef and type(d) is Decimal:
        return d
    return _new(d._sign, coef, 0, QNAN)


def nan_operands(a, b, ctx):
    """The result when a or b is a NaN (signalling for sNaNs), else None."""
    ka = a._kind
    kb = b._kind if b is not None else 0
    if ka < QNAN and kb < QNAN:
        return None
    if ka == SNAN or kb == SNAN:
        ctx._signal(C_INVALID)
        return fix_nan(a if ka == SNAN else b, ctx)
    return fix_nan(a if ka == QNAN else b, ctx)


def invalid(ctx, condition=C_INVALID):
    ctx._signal(condition)
    return _new(0, 0, 0, QNAN)


# ----------------------------------------------------- operand conversion

def _context_arg(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError("optional argument must be a context")
    return context


def convert_strict(x):
    """An operand of a method: Decimal or int, else TypeError."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return _from_int(Decimal, x)
    raise TypeError(f"conversion from {type(x).__name__} to Decimal is not supported")


def convert_operand(x):
    """An operand of an operator: Decimal, or None when not supported."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return _from_int(Decimal, x)
    return None


def _rational_parts(x):
    """(numerator, denominator) of a numbers.Rational that is not an int."""
    num = getattr(x, "numerator", None)
    den = getattr(x, "denominator", None)
    if isinstance(num, int) and isinstance(den, int) and den > 0 and not isinstance(x, float):
        return num, den
    return None


def _comparable(self, other, equality):
    """(a, b): Decimals that compare as self and other do, or None when
    other is not comparable with a Decimal."""
    if isinstance(other, Decimal):
        return self, other
    if isinstance(other, int):
        return self, _from_int(Decimal, other)
    if isinstance(other, complex):
        if not equality or other.imag != 0.0:
            return None
        other = other.real
    if isinstance(other, float):
        ctx = getcontext()
        if equality:
            # Equality with a float is recorded but never trapped.
            ctx._flags._bits |= C_FLOAT
        else:
            ctx._signal(C_FLOAT)
        return self, _from_float(Decimal, other)
    parts = _rational_parts(other)
    if parts is None or not _is_rational(other):
        return None
    num, den = parts
    # self against num/den is self*den against num: exact in integers.
    if self._kind == FINITE:
        self = _new(self._sign, self._coef * den, self._exp)
    return self, _from_int(Decimal, num)


def _is_rational(x):
    import numbers
    return isinstance(x, numbers.Rational)


def compare_values(a, b):
    """-1, 0 or 1 comparing two non-NaN Decimals numerically."""
    ka, kb = a._kind, b._kind
    if ka or kb:
        va = (-1 if a._sign else 1) if ka else 0
        vb = (-1 if b._sign else 1) if kb else 0
        if ka and kb:
            return (va > vb) - (va < vb)
        if ka:
            return va
        return -vb
    a_zero = a._coef == 0
    b_zero = b._coef == 0
    if a_zero or b_zero:
        if a_zero and b_zero:
            return 0
        if a_zero:
            return 1 if b._sign else -1
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    adj_a = a._exp + ndigits(a._coef)
    adj_b = b._exp + ndigits(b._coef)
    if adj_a != adj_b:
        result = 1 if adj_a > adj_b else -1
    else:
        ca, cb = a._coef, b._coef
        if a._exp > b._exp:
            ca *= pow10(a._exp - b._exp)
        elif b._exp > a._exp:
            cb *= pow10(b._exp - a._exp)
        result = (ca > cb) - (ca < cb)
    return -result if a._sign else result
