"""timedelta for the datetime module (kept apart to keep files short; it
presents itself as datetime.timedelta)."""

from math import modf as _modf
from _datetime_util import (US_PER_DAY, MAX_DELTA_DAYS, QUALIFIED, tname,
                            is_closed_type, binop_error, cmp_error,
                            round_half_even_div, c_round)

_object_new = object.__new__
# Operand types for which  sequence * timedelta  is a repetition error
# (aio has no bytearray).
try:
    _SEQUENCES = (str, list, tuple, bytes, bytearray)
except NameError:
    _SEQUENCES = (str, list, tuple, bytes)


def _readonly(name):
    def get(self):
        return getattr(self, name)

    def refuse(self, value):
        raise AttributeError('readonly attribute')
    return property(get, refuse)


def new_delta(us):
    """A plain timedelta of *us* microseconds, checked for range."""
    d, rest = divmod(us, US_PER_DAY)
    if d > MAX_DELTA_DAYS or d < -MAX_DELTA_DAYS:
        if d > 2147483647 or d < -2147483648:
            raise OverflowError('Python int too large to convert to C int')
        raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
    s, rest = divmod(rest, 1000000)
    self = _object_new(timedelta)
    self._days = d
    self._seconds = s
    self._microseconds = rest
    self._hashcode = -1
    return self


def delta_us(td):
    return (td._days * 86400 + td._seconds) * 1000000 + td._microseconds


# Microseconds in one unit of each constructor argument, in the order C
# accumulates them (that order decides how float fractions round).
_UNITS = (('microseconds', 1), ('milliseconds', 1000), ('seconds', 1000000),
          ('minutes', 60000000), ('hours', 3600000000),
          ('days', 86400000000), ('weeks', 604800000000))


def _accumulate(values):
    total = 0
    left = 0.0
    for (name, factor), v in zip(_UNITS, values):
        if isinstance(v, int):
            total += int(v) * factor
        elif isinstance(v, float):
            frac, whole = _modf(v)
            total += int(whole) * factor
            if frac != 0.0:
                frac, whole = _modf(float(factor) * frac)
                total += int(whole)
                left += frac
        else:
            raise TypeError('unsupported type for timedelta %s component: %s'
                            % (name, tname(v)))
    if left:
        # Round the leftover fraction half to even, as CPython does.
        whole = c_round(left)
        if abs(whole - left) == 0.5:
            odd = total & 1
            whole = 2.0 * c_round((left + odd) * 0.5) - odd
        total += int(whole)
    return total


class timedelta:
    """A duration, kept as days, seconds (0..86399) and microseconds
    (0..999999).  The constructor accepts ints or floats for days, seconds,
    microseconds, milliseconds, minutes, hours and weeks."""
    __module__ = 'datetime'
    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0, *extra, **kw):
        if extra:
            raise TypeError('__new__() takes at most 7 arguments (%d given)'
                            % (7 + len(extra) + len(kw)))
        if kw:
            raise TypeError("__new__() got an unexpected keyword argument '%s'"
                            % next(iter(kw)))
        if type(days) is int and type(seconds) is int and \
                type(microseconds) is int and type(milliseconds) is int and \
                type(minutes) is int and type(hours) is int and type(weeks) is int:
            us = ((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60
                  + seconds) * 1000000 + milliseconds * 1000 + microseconds
        else:
            us = _accumulate((microseconds, milliseconds, seconds, minutes,
                              hours, days, weeks))
        self = new_delta(us)
        if cls is not timedelta:
            d, s, u = self._days, self._seconds, self._microseconds
            self = _object_new(cls)
            self._days = d
            self._seconds = s
            self._microseconds = u
            self._hashcode = -1
        return self

    def __getattr__(self, name):
        # Only reached when lookup failed; CPython's message names the
        # type as 'datetime.timedelta'.
        raise AttributeError("'%s' object has no attribute '%s'" % (tname(self), name))

    days = _readonly('_days')
    seconds = _readonly('_seconds')
    microseconds = _readonly('_microseconds')

    def total_seconds(self):
        """The duration in seconds, as a float."""
        return delta_us(self) / 10**6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        return '%s(%s)' % (tname(self), ', '.join(args) or '0')

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._microseconds:
            s += '.%06d' % self._microseconds
        d = self._days
        if d:
            s = '%d day%s, %s' % (d, '' if d == 1 or d == -1 else 's', s)
        return s

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError('__format__() argument must be str, not %s' % tname(spec))
        if spec:
            raise TypeError('unsupported format string passed to %s.__format__'
                            % tname(self))
        return str(self)

    # -- arithmetic: results are always plain timedeltas ------------------

    def __add__(self, other):
        if isinstance(other, timedelta):
            return new_delta(delta_us(self) + delta_us(other))
        return _other(self, other, '+', True)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return new_delta(delta_us(self) + delta_us(other))
        return _other(other, self, '+', False)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return new_delta(delta_us(self) - delta_us(other))
        return _other(self, other, '-', True)

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return new_delta(delta_us(other) - delta_us(self))
        return _other(other, self, '-', False)

    def __neg__(self):
        return new_delta(-delta_us(self))

    def __pos__(self):
        return new_delta(delta_us(self))

    def __abs__(self):
        if self._days < 0:
            return new_delta(-delta_us(self))
        return new_delta(delta_us(self))

    def __mul__(self, other):
        if isinstance(other, int):
            return new_delta(delta_us(self) * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return new_delta(round_half_even_div(delta_us(self) * n, d))
        if isinstance(other, _SEQUENCES):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % tname(self))
        return _other(self, other, '*', True)

    def __rmul__(self, other):
        if isinstance(other, int):
            return new_delta(delta_us(self) * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return new_delta(round_half_even_div(delta_us(self) * n, d))
        if isinstance(other, _SEQUENCES):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % tname(self))
        return _other(other, self, '*', False)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            d = delta_us(other)
            if d == 0:
                raise ZeroDivisionError('division by zero')
            return delta_us(self) / d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return new_delta(round_half_even_div(delta_us(self), other))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            if n == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return new_delta(round_half_even_div(delta_us(self) * d, n))
        return _other(self, other, '/', True)

    def __rtruediv__(self, other):
        return _other(other, self, '/', False)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            d = delta_us(other)
            if d == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return delta_us(self) // d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            return new_delta(delta_us(self) // other)
        return _other(self, other, '//', True)

    def __rfloordiv__(self, other):
        return _other(other, self, '//', False)

    def __mod__(self, other):
        if isinstance(other, timedelta):
            d = delta_us(other)
            if d == 0:
                raise ZeroDivisionError('integer modulo by zero')
            return new_delta(delta_us(self) % d)
        return _other(self, other, '%', True)

    def __rmod__(self, other):
        return _other(other, self, '%', False)

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            d = delta_us(other)
            if d == 0:
                raise ZeroDivisionError('integer division or modulo by zero')
            q, r = divmod(delta_us(self), d)
            return q, new_delta(r)
        return _other(self, other, 'divmod()', True)

    def __rdivmod__(self, other):
        return _other(other, self, 'divmod()', False)

    # -- comparisons -------------------------------------------------------

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return (self._days == other._days and self._seconds == other._seconds
                    and self._microseconds == other._microseconds)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return not (self._days == other._days and self._seconds == other._seconds
                        and self._microseconds == other._microseconds)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return _cmp_other('<', self, other)

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return _cmp_other('<=', self, other)

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return _cmp_other('>', self, other)

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return _cmp_other('>=', self, other)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


def _other(a, b, op, forward):
    """Outcome of a binary operation the receiver cannot do: raise at once
    when no other class can take it, else let Python try the other side."""
    other = b if forward else a
    if is_closed_type(other) and not _defers(other, op, forward):
        raise binop_error(op, a, b)
    return NotImplemented


def _defers(other, op, forward):
    # date and datetime implement  timedelta + date  themselves, so that
    # case must reach their reflected method.
    return forward and op == '+' and \
        QUALIFIED.get(type(other)) in ('datetime.date', 'datetime.datetime')


def _cmp_other(op, a, b):
    if type(b).__module__ == 'builtins':
        raise cmp_error(op, a, b)
    return NotImplemented


timedelta.min = new_delta(-MAX_DELTA_DAYS * US_PER_DAY)
timedelta.max = new_delta(MAX_DELTA_DAYS * US_PER_DAY + US_PER_DAY - 1)
timedelta.resolution = new_delta(1)
QUALIFIED[timedelta] = 'datetime.timedelta'
