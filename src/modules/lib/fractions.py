"""Rational numbers of unlimited precision (aio implementation of CPython's
fractions)."""

import math
import operator
import sys

try:
    import numbers as _numbers
except ImportError:
    _numbers = None

try:
    from decimal import Decimal as _Decimal
except ImportError:
    _Decimal = None

from _fraction_format import format_general as _format_general
from _fraction_format import format_float_style as _format_float_style
from _fraction_format import parse_general_spec as _parse_general_spec
from _fraction_format import parse_float_spec as _parse_float_spec

__all__ = ['Fraction']

# hash(x) for numbers is x reduced modulo this prime (sys.hash_info.modulus)
_PyHASH_MODULUS = 2305843009213693951
_PyHASH_INF = 314159

_FLOAT_EXACT = 1 << 53

try:
    _complex = complex
except NameError:
    _complex = None


def _is_rational(x):
    if isinstance(x, (int, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Rational)


def _is_real(x):
    if isinstance(x, float):
        return True
    return _numbers is not None and isinstance(x, _numbers.Real)


def _is_complex(x):
    if _complex is not None and isinstance(x, _complex):
        return True
    return _numbers is not None and isinstance(x, _numbers.Complex)


def _int_ratio_to_float(n, d):
    """n / d correctly rounded, for ints n and d > 0 of any size (done by
    hand because the interpreter's int division loses huge operands)."""
    if -_FLOAT_EXACT <= n <= _FLOAT_EXACT and d <= _FLOAT_EXACT:
        return n / d
    a = -n if n < 0 else n
    k = a.bit_length() - d.bit_length()
    # e is the binary exponent of a/d: 2**e <= a/d < 2**(e+1)
    if k >= 0:
        e = k if a >= (d << k) else k - 1
    else:
        e = k if (a << -k) >= d else k - 1
    ulp = max(e - 52, -1074)
    divisor = d if ulp < 0 else d << ulp
    q, r = divmod(a << -ulp if ulp < 0 else a, divisor)
    twice = 2 * r
    if twice > divisor or (twice == divisor and q & 1):
        q += 1
    if ulp + q.bit_length() > 1024:
        raise OverflowError("integer division result too large for a float")
    value = math.ldexp(float(q), ulp)
    return -value if n < 0 else value


def _parse_digits(text, pos, allow_empty):
    """Digits, possibly grouped with single underscores, starting at pos.
    Returns (digits without underscores, new pos) or (None, pos)."""
    n = len(text)
    start = pos
    while pos < n and text[pos].isdecimal():
        pos += 1
    if pos == start:
        return ('' if allow_empty else None), pos
    while pos + 1 < n and text[pos] == '_' and text[pos + 1].isdecimal():
        pos += 1
        while pos < n and text[pos].isdecimal():
            pos += 1
    return text[start:pos].replace('_', ''), pos


def _skip_space(text, pos):
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _parse_rational(text):
    """Parse '[sign]num[/den]' or a decimal with optional exponent.
    Returns (numerator, denominator) or None when text is malformed."""
    n = len(text)
    pos = _skip_space(text, 0)
    negative = False
    if pos < n and text[pos] in '+-':
        negative = text[pos] == '-'
        pos += 1
    # a digit, or a point followed by a digit, must come next
    if not (pos < n and (text[pos].isdecimal() or (
            text[pos] == '.' and pos + 1 < n and text[pos + 1].isdecimal()))):
        return None
    num, pos = _parse_digits(text, pos, True)
    numerator = int(num or '0')
    denominator = 1
    after = _skip_space(text, pos)
    if after < n and text[after] == '/':
        den, pos = _parse_digits(text, _skip_space(text, after + 1), False)
        if den is None:
            return None
        denominator = int(den)
    else:
        if pos < n and text[pos] == '.':
            frac, pos = _parse_digits(text, pos + 1, True)
            if frac:
                scale = 10 ** len(frac)
                numerator = numerator * scale + int(frac)
                denominator *= scale
        if pos < n and text[pos] in 'eE':
            p = pos + 1
            exp_negative = False
            if p < n and text[p] in '+-':
                exp_negative = text[p] == '-'
                p += 1
            digits, p = _parse_digits(text, p, False)
            if digits is not None:
                exp = int(digits)
                if exp_negative:
                    denominator *= 10 ** exp
                else:
                    numerator *= 10 ** exp
                pos = p
    if _skip_space(text, pos) != n:
        return None
    return (-numerator if negative else numerator), denominator


def _hash_algorithm(numerator, denominator):
    # Agree with hash() of equal ints and floats: |n| / d reduced modulo
    # the hash prime, or the infinity hash when d has no inverse.
    try:
        dinv = pow(denominator, -1, _PyHASH_MODULUS)
    except ValueError:
        value = _PyHASH_INF
    else:
        value = (abs(numerator) % _PyHASH_MODULUS) * dinv % _PyHASH_MODULUS
    if numerator < 0:
        value = -value
    return -2 if value == -1 else value


_Base = _numbers.Rational if _numbers is not None else object


class Fraction(_Base):
    """A rational number: Fraction(3, 6) == Fraction(1, 2).

    Also built from a numeric string ('-2.5', '1e3', '3/7'), a float
    (exactly), or another rational number."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or (
                    _Decimal is not None and isinstance(numerator, _Decimal)):
                self._numerator, self._denominator = (
                    numerator.as_integer_ratio())
                return self
            if isinstance(numerator, str):
                parsed = _parse_rational(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' %
                                     numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string "
                                "or a Rational instance")
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of a finite float (so from_float(0.1) is not
        1/10)."""
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a finite Decimal."""
        if isinstance(dec, int):
            return cls(dec)
        if _Decimal is None or not isinstance(dec, _Decimal):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        # trusted: already in lowest terms with a positive denominator
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def is_integer(self):
        return self._denominator == 1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction whose denominator is at most
        max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued fraction; p0/q0 and p1/q1 are the last two
        # convergents whose denominators still fit.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # Choose between the semiconvergent and the last convergent; a tie
        # goes to the one with the smaller denominator (p1/q1).
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        spec = _parse_general_spec(format_spec)
        if spec is not None:
            return _format_general(self._numerator, self._denominator, spec)
        spec = _parse_float_spec(format_spec)
        # alignment together with zero padding is ambiguous: refuse it
        if spec is not None and (spec['align'] is None or
                                 spec['zeropad'] is None):
            return _format_float_style(self._numerator, self._denominator,
                                       spec)
        raise ValueError(
            f"Invalid format specifier {format_spec!r} "
            f"for object of type {type(self).__name__!r}")

    def __float__(self):
        return _int_ratio_to_float(int(self._numerator),
                                   int(self._denominator))

    if _complex is not None:
        def __complex__(self):
            return _complex(float(self))

    # -- arithmetic -------------------------------------------------------

    def _operator_fallbacks(monomorphic_operator, fallback_operator,
                            handle_complex=True):
        """Build the forward and reflected methods of a binary operator:
        exact for rationals, through float (or complex) otherwise."""
        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            if isinstance(b, int):
                return monomorphic_operator(a, Fraction(b))
            if isinstance(b, float):
                return fallback_operator(float(a), b)
            if (handle_complex and _complex is not None
                    and isinstance(b, _complex)):
                return fallback_operator(_complex(a), b)
            return NotImplemented
        forward.__name__ = '__' + fallback_operator.__name__ + '__'
        forward.__doc__ = monomorphic_operator.__doc__

        def reverse(b, a):
            if _is_rational(a):
                return monomorphic_operator(Fraction(a), b)
            if _is_real(a):
                return fallback_operator(float(a), float(b))
            if handle_complex and _is_complex(a):
                return fallback_operator(_complex(a), _complex(b))
            return NotImplemented
        reverse.__name__ = '__r' + fallback_operator.__name__ + '__'
        reverse.__doc__ = monomorphic_operator.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db - da * nb, da * db)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction._from_coprime_ints(na * nb, db * da)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % db)
        na, da = a._numerator, a._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction._from_coprime_ints(n, d)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(
        _floordiv, operator.floordiv, False)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod, False)

    def _mod(a, b):
        """a % b"""
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod, False)

    def __pow__(a, b):
        """a ** b: rational for an integral exponent, float otherwise."""
        if _is_rational(b):
            if b.denominator != 1:
                return float(a) ** float(b)
            power = b.numerator
            if power >= 0:
                return Fraction._from_coprime_ints(a._numerator ** power,
                                                   a._denominator ** power)
            if a._numerator > 0:
                return Fraction._from_coprime_ints(a._denominator ** -power,
                                                   a._numerator ** -power)
            if a._numerator == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' %
                                        a._denominator ** -power)
            return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                               (-a._numerator) ** -power)
        if isinstance(b, float) or (_complex is not None and
                                    isinstance(b, _complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # an int base stays an int
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """Round half to even; an int without ndigits, else a Fraction."""
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            if remainder * 2 > d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        return _hash_algorithm(self._numerator, self._denominator)

    # -- comparisons --------------------------------------------------------

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if _is_complex(b) and not isinstance(b, float) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # any finite value compares with inf/nan as 0.0 would
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if _is_rational(other):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        return bool(a._numerator)

    # -- pickling and copying ---------------------------------------------

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
