"""Private part of the datetime module: shared helpers, date and tzinfo.
The classes present themselves as members of datetime; the names of the
classes defined later (datetime, timezone, IsoCalendarDate) are filled in
by datetime.py once they exist."""

import time as _time
from _datetime_util import (
    MINYEAR, MAXYEAR, MAXORDINAL, EPOCH_SECONDS, US_PER_DAY,
    QUALIFIED as _QUALIFIED, ymd2ord as _ymd2ord, ord2ymd as _ord2ymd,
    iso_calendar as _iso_calendar, iso_week1_monday as _iso_week1_monday,
    c_int as _c_int, check_date_fields as _check_date_fields, tname as _tname,
    is_closed_type as _is_closed_type, binop_error as _binop_error,
    cmp_error as _cmp_error, split_timestamp as _split_timestamp,
    local_offset as _local_offset, fields_from_seconds as _fields_from_seconds)
import _datetime_fmt as _fmt
from _datetime_delta import timedelta, new_delta as _new_delta, delta_us as _delta_us

_M = object()                 # marks an argument that was not passed
_object_new = object.__new__
_DAY_US = US_PER_DAY


def _readonly(slot, name, owner):
    msg = "attribute '%s' of '%s' objects is not writable" % (name, owner)

    def get(self):
        return getattr(self, slot)

    def refuse(self, value):
        raise AttributeError(msg)
    return property(get, refuse)


def _missing(fname, name, pos):
    return TypeError("%s missing required argument '%s' (pos %d)" % (fname, name, pos))


def _bad_args(fname, names, args, extra, kw, most=0, required=0):
    """CPython's message for a call whose arguments did not bind; *most*
    is how many the function takes when more than *names*, *required* how
    many of *names* must be given (all by default)."""
    most = most or len(names)
    required = required or len(names)
    given = sum(1 for a in args if a is not _M) + len(extra) + len(kw)
    if extra or given > most:
        return TypeError('%s takes at most %d arguments (%d given)'
                         % (fname, most, given))
    for i in range(required):
        if args[i] is _M:
            return _missing(fname, names[i], i + 1)
    for k in kw:
        return TypeError("%s got an unexpected keyword argument '%s'"
                         % ('this function' if fname == 'function' else fname, k))
    return TypeError('bad arguments')


def _edit_distance(a, b):
    """Levenshtein distance where a change of case costs 1 and any other
    edit 2 (the measure CPython uses for its "Did you mean" hints)."""
    prev = list(range(0, 2 * len(b) + 1, 2))
    for i, ca in enumerate(a):
        cur = [2 * (i + 1)]
        for j, cb in enumerate(b):
            if ca == cb:
                sub = 0
            elif ca.lower() == cb.lower():
                sub = 1
            else:
                sub = 2
            cur.append(min(prev[j] + sub, prev[j + 1] + 2, cur[j] + 2))
        prev = cur
    return prev[-1]


def _unexpected_kw(fname, kw, names):
    """TypeError for an unknown keyword, with CPython's suggestion."""
    name = next(iter(kw))
    best = None
    best_dist = None
    for cand in names:
        limit = (len(name) + len(cand) + 3) * 2 // 6
        if best_dist is not None:
            limit = min(limit, best_dist - 1)
        dist = _edit_distance(name, cand)
        if dist <= limit:
            best, best_dist = cand, dist
    msg = "%s got an unexpected keyword argument '%s'" % (fname, name)
    if best is not None:
        msg += ". Did you mean '%s'?" % best
    return TypeError(msg)


def _no_attribute(self, name):
    # Reached only when normal lookup failed: CPython names the type with
    # its module ('datetime.date'), which the interpreter's message lacks.
    raise AttributeError("'%s' object has no attribute '%s'" % (_tname(self), name))


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % _tname(tz))


def _check_offset(off, meth):
    """Validate what a tzinfo's utcoffset()/dst() returned."""
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (meth, _tname(off)))
    if not -_DAY_US < _delta_us(off) < _DAY_US:
        raise ValueError('offset must be a timedelta strictly between '
                         '-timedelta(hours=24) and timedelta(hours=24).')
    return off


def _utcoffset_of(tz, arg):
    if type(tz) is timezone:
        return tz._offset
    return _check_offset(tz.utcoffset(arg), 'utcoffset')


def _tzname_of(tz, arg):
    name = tz.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % _tname(name))
    return name


def _cmp_other(op, a, b):
    # Only builtin operands are known never to handle the reflected case.
    if type(b).__module__ == 'builtins':
        raise _cmp_error(op, a, b)
    return NotImplemented


def _arith_other(op, a, b, forward):
    if _is_closed_type(b if forward else a):
        raise _binop_error(op, a, b)
    return NotImplemented


def _argname(value):
    """How C argument errors name the type of a wrong argument."""
    return 'None' if value is None else _tname(value)


def _check_str(value, fname, argno):
    if not isinstance(value, str):
        raise TypeError('%s() argument %d must be str, not %s'
                        % (fname, argno, _argname(value)))


def _time_text(h, m, s, us, timespec):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % h
    if timespec == 'minutes':
        return '%02d:%02d' % (h, m)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (h, m, s)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (h, m, s, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (h, m, s, us)
    raise ValueError('Unknown timespec value')


def _ctime(y, mo, d, hh, mi, ss):
    o = _ymd2ord(y, mo, d)
    return '%s %s %2d %02d:%02d:%02d %04d' % (
        _fmt.DAY_ABBRS[(o + 6) % 7], _fmt.MONTH_ABBRS[mo], d, hh, mi, ss, y)


def _new_date(cls, y, m, d):
    if cls is date:
        self = _object_new(date)
        self._year = y
        self._month = m
        self._day = d
        self._hashcode = -1
        return self
    return cls(y, m, d)


def _new_date_checked(cls, y, m, d):
    if cls is date:
        y, m, d = _check_date_fields(y, m, d)
        return _new_date(date, y, m, d)
    return cls(y, m, d)


def _iso_arg(s):
    if not isinstance(s, str):
        raise TypeError('fromisoformat: argument must be str')
    return s


def _invalid_iso(s):
    return ValueError('Invalid isoformat string: %r' % (s,))


def _tz_from_iso(tz):
    if tz is None:
        return None
    secs, us = tz
    if secs == 0 and us == 0:
        return timezone.utc
    return timezone(_new_delta(secs * 1000000 + us))


class date:
    """A calendar date (year, month, day) in the proleptic Gregorian calendar."""
    __module__ = 'datetime'
    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year=_M, month=_M, day=_M, *extra, **kw):
        if day is _M or extra or kw:
            raise _bad_args('function', ('year', 'month', 'day'),
                            (year, month, day), extra, kw)
        year, month, day = _check_date_fields(year, month, day)
        self = _object_new(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    __getattr__ = _no_attribute

    # -- other constructors ------------------------------------------------

    @classmethod
    def fromtimestamp(cls, t):
        """The local date at a POSIX timestamp."""
        secs = _split_timestamp(t, True)[0]
        off = _local_offset(secs)[0]
        y, m, d = _fields_from_seconds(secs + off + EPOCH_SECONDS)[:3]
        return _new_date(cls, y, m, d)

    @classmethod
    def today(cls):
        """The current local date (a datetime for datetime.today())."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n=_M, *extra):
        """The date with the given proleptic ordinal (0001-01-01 is 1)."""
        if n is _M or extra:
            raise TypeError('fromordinal() takes exactly 1 argument (%d given)'
                            % ((n is not _M) + len(extra)))
        n = _c_int(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        if y > MAXYEAR:
            raise ValueError('year %d is out of range' % y)
        return _new_date(cls, y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        """Parse YYYY-MM-DD, YYYYMMDD or an ISO week date (YYYY-Www[-D])."""
        s = _iso_arg(date_string)
        ymd = None
        if len(s) in (7, 8, 10):
            ymd = _fmt.parse_date(s, len(s))
        if ymd is None:
            raise _invalid_iso(date_string)
        return _new_date_checked(cls, *ymd)

    @classmethod
    def fromisocalendar(cls, year=_M, week=_M, day=_M):
        """The date of the given ISO year, week (1-53) and weekday (1-7)."""
        if day is _M:
            raise _bad_args('fromisocalendar()', ('year', 'week', 'day'),
                            (year, week, day), (), {})
        year = _c_int(year)
        week = _c_int(week)
        day = _c_int(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError('Year is out of range: %d' % year)
        ymd = _fmt.iso_to_ymd(year, week, 1)
        if ymd is None:
            raise ValueError('Invalid week: %d' % week)
        if not 1 <= day <= 7:
            raise ValueError('Invalid day: %d (range is [1, 7])' % day)
        y, m, d = _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
        return _new_date_checked(cls, y, m, d)

    # -- fields --------------------------------------------------------------

    year = _readonly('_year', 'year', 'datetime.date')
    month = _readonly('_month', 'month', 'datetime.date')
    day = _readonly('_day', 'day', 'datetime.date')

    # -- formatting ----------------------------------------------------------

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_tname(self), self._year, self._month, self._day)

    def isoformat(self):
        """The date as YYYY-MM-DD."""
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        """The date in the style of time.ctime(), e.g. 'Wed Jan  1 00:00:00 2020'."""
        return _ctime(self._year, self._month, self._day, 0, 0, 0)

    def strftime(self, format=_M):
        """Format the date with a time.strftime()-style format."""
        if format is _M:
            raise _missing('strftime()', 'format', 1)
        _check_str(format, 'strftime', 1)
        y, m, d = self._year, self._month, self._day
        return _fmt.strftime(format, y, m, d, 0, 0, 0, 0, _ymd2ord(y, m, d),
                             _none, _none)

    def __format__(self, fmt):
        _check_str(fmt, '__format__', 1)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # -- calendar computations ---------------------------------------------

    def toordinal(self):
        """The proleptic Gregorian ordinal (0001-01-01 is 1)."""
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        """Day of the week, 0 for Monday up to 6 for Sunday."""
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7

    def isoweekday(self):
        """Day of the week, 1 for Monday up to 7 for Sunday."""
        return (_ymd2ord(self._year, self._month, self._day) + 6) % 7 + 1

    def isocalendar(self):
        """(ISO year, ISO week, ISO weekday) as an IsoCalendarDate."""
        y = self._year
        return _IsoCalendarDate(*_iso_calendar(y, _ymd2ord(y, self._month, self._day)))

    def replace(self, year=_M, month=_M, day=_M, *extra, **kw):
        """A copy with the given fields changed."""
        if extra:
            raise TypeError('replace() takes at most 3 arguments (%d given)'
                            % (3 + len(extra)))
        if kw:
            raise _unexpected_kw('replace()', kw, ('year', 'month', 'day'))
        if year is _M:
            year = self._year
        if month is _M:
            month = self._month
        if day is _M:
            day = self._day
        return _new_date_checked(type(self), year, month, day)

    __replace__ = replace

    # -- comparisons and hashing -------------------------------------------

    def _cmpkey(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year == other._year and self._month == other._month
                    and self._day == other._day)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return not (self._year == other._year and self._month == other._month
                        and self._day == other._day)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() < other._cmpkey()
        return _cmp_other('<', self, other)

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() <= other._cmpkey()
        return _cmp_other('<=', self, other)

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() > other._cmpkey()
        return _cmp_other('>', self, other)

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() >= other._cmpkey()
        return _cmp_other('>=', self, other)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    # -- arithmetic ------------------------------------------------------------

    def _plus_days(self, n):
        o = _ymd2ord(self._year, self._month, self._day) + n
        if 0 < o <= MAXORDINAL:
            y, m, d = _ord2ymd(o)
            return _new_date(type(self), y, m, d)
        raise OverflowError('date value out of range')

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._plus_days(other._days)
        return _arith_other('+', self, other, True)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._plus_days(other._days)
        return _arith_other('+', other, self, False)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._plus_days(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            days = (_ymd2ord(self._year, self._month, self._day)
                    - _ymd2ord(other._year, other._month, other._day))
            return _new_delta(days * _DAY_US)
        return _arith_other('-', self, other, True)

    def __rsub__(self, other):
        return _arith_other('-', other, self, False)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


def _none():
    return None


class tzinfo:
    """Base class for time zone descriptions: subclasses give utcoffset(),
    dst() and tzname() for a datetime (or None)."""
    __module__ = 'datetime'
    __slots__ = ()
    __getattr__ = _no_attribute

    def tzname(self, dt):
        """The zone's name at dt (to be provided by subclasses)."""
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        """Offset from UTC at dt, positive east of Greenwich (to be provided
        by subclasses)."""
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """Daylight saving adjustment at dt (to be provided by subclasses)."""
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        """Turn dt, holding UTC time with tzinfo=self, into local time; the
        default works from utcoffset() and dst()."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt._tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        off = _check_offset(self.utcoffset(dt), 'utcoffset')
        if off is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        dst = _check_offset(self.dst(dt), 'dst')
        if dst is None:
            raise ValueError('fromutc: non-None dst() result required')
        delta = _delta_us(off) - _delta_us(dst)
        if delta:
            dt = dt._plus_us(delta)
            dst = _check_offset(dt.dst(), 'dst')
            if dst is None:
                raise ValueError('fromutc: tz.dst() gave inconsistent results; '
                                 'cannot convert')
        return dt._plus_us(_delta_us(dst))

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        args = getinitargs() if getinitargs else ()
        state = getattr(self, '__dict__', None) or None
        return (type(self), args, state)


# Defined in later modules; datetime.py fills these in.
datetime = timezone = _IsoCalendarDate = None

_QUALIFIED[date] = 'datetime.date'
_QUALIFIED[tzinfo] = 'datetime.tzinfo'
