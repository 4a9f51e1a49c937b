"""time, timezone and IsoCalendarDate for the datetime module."""

import _datetime_fmt as _fmt
from _datetime_util import QUALIFIED as _QUALIFIED, tname as _tname, \
    check_time_fields as _check_time_fields
from _datetime_delta import timedelta, new_delta as _new_delta, delta_us as _delta_us
from _datetime_base import (
    _M, _readonly, _bad_args, _check_tzinfo, _check_offset, _utcoffset_of,
    _tzname_of, _cmp_other, _arith_other, _check_str, _time_text, _iso_arg,
    _invalid_iso, _tz_from_iso, tzinfo, _DAY_US, _argname, _no_attribute,
    _unexpected_kw)
import _datetime_base as _base

_object_new = object.__new__
_ORD_1900 = 693596            # ordinal of 1900-01-01, the date time.strftime uses


def _readonly_item(i, name):
    msg = "attribute '%s' of 'datetime.IsoCalendarDate' objects is not writable" % name

    def get(self):
        return self[i]

    def refuse(self, value):
        raise AttributeError(msg)
    return property(get, refuse)


class IsoCalendarDate(tuple):
    __module__ = 'datetime'
    __slots__ = ()
    __getattr__ = _no_attribute

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = _readonly_item(0, 'year')
    week = _readonly_item(1, 'week')
    weekday = _readonly_item(2, 'weekday')

    def __repr__(self):
        return '%s(year=%d, week=%d, weekday=%d)' % (_tname(self), self[0], self[1], self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))


def _time_args_error(nextra, kw, npos, nmax):
    given = npos + nextra + len(kw)
    if given > nmax:
        return TypeError('function takes at most %d arguments (%d given)' % (nmax, given))
    if nextra:
        return TypeError('function takes at most %d positional arguments (%d given)'
                         % (npos, npos + nextra))
    return TypeError("this function got an unexpected keyword argument '%s'"
                     % next(iter(kw)))


def _new_time(cls, h, m, s, us, tz, fold):
    if cls is time:
        self = _object_new(time)
        self._hour = h
        self._minute = m
        self._second = s
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    if fold:
        return cls(h, m, s, us, tz, fold=fold)
    return cls(h, m, s, us, tz)


class time:
    """A time of day, optionally with a tzinfo; every argument is optional."""
    __module__ = 'datetime'
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *extra, fold=0, **kw):
        if extra or kw:
            raise _time_args_error(len(extra), kw, 5, 6)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = _object_new(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    __getattr__ = _no_attribute

    hour = _readonly('_hour', 'hour', 'datetime.time')
    minute = _readonly('_minute', 'minute', 'datetime.time')
    second = _readonly('_second', 'second', 'datetime.time')
    microsecond = _readonly('_microsecond', 'microsecond', 'datetime.time')
    tzinfo = _readonly('_tzinfo', 'tzinfo', 'datetime.time')
    fold = _readonly('_fold', 'fold', 'datetime.time')

    @classmethod
    def fromisoformat(cls, time_string):
        """Parse HH[:MM[:SS[.ffffff]]] with an optional UTC offset (a leading
        'T' is allowed)."""
        s = _iso_arg(time_string)
        start = 1 if s[:1] == 'T' else 0
        parsed = _fmt.parse_time(s, start)
        if parsed is None:
            raise _invalid_iso(time_string)
        h, m, sec, us, tz = parsed
        tz = _tz_from_iso(tz)
        return _new_time_checked(cls, h, m, sec, us, tz)

    # -- time zone information -----------------------------------------------

    def utcoffset(self):
        """The tzinfo's utcoffset(None), or None when naive."""
        if self._tzinfo is None:
            return None
        return _utcoffset_of(self._tzinfo, None)

    def dst(self):
        """The tzinfo's dst(None), or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(None), 'dst')

    def tzname(self):
        """The tzinfo's tzname(None), or None when naive."""
        if self._tzinfo is None:
            return None
        return _tzname_of(self._tzinfo, None)

    # -- formatting ----------------------------------------------------------

    def __repr__(self):
        if self._microsecond:
            s = '%s(%d, %d, %d, %d' % (_tname(self), self._hour, self._minute,
                                       self._second, self._microsecond)
        elif self._second:
            s = '%s(%d, %d, %d' % (_tname(self), self._hour, self._minute, self._second)
        else:
            s = '%s(%d, %d' % (_tname(self), self._hour, self._minute)
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        if self._fold:
            s += ', fold=1'
        return s + ')'

    def isoformat(self, timespec='auto'):
        """HH:MM:SS to the precision timespec asks for, then the UTC offset if any."""
        _check_str(timespec, 'isoformat', 1)
        s = _time_text(self._hour, self._minute, self._second, self._microsecond, timespec)
        off = self.utcoffset()
        if off is not None:
            s += _fmt.format_offset(_delta_us(off), ':')
        return s

    def __str__(self):
        return self.isoformat()

    def strftime(self, format=_M):
        """Format with a time.strftime()-style format; the date fields read
        as 1900-01-01."""
        if format is _M:
            raise TypeError("strftime() missing required argument 'format' (pos 1)")
        _check_str(format, 'strftime', 1)
        return _fmt.strftime(format, 1900, 1, 1, self._hour, self._minute,
                             self._second, self._microsecond, _ORD_1900,
                             self._offset_us, self._zone_name)

    def _offset_us(self):
        off = self.utcoffset()
        return None if off is None else _delta_us(off)

    def _zone_name(self):
        return self.tzname()

    def __format__(self, fmt):
        _check_str(fmt, '__format__', 1)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=_M, minute=_M, second=_M, microsecond=_M, tzinfo=_M,
                *extra, fold=_M, **kw):
        """A copy with the given fields changed."""
        if extra:
            raise TypeError('replace() takes at most 5 positional arguments (%d given)'
                            % (5 + len(extra)))
        if kw:
            raise _unexpected_kw('replace()', kw, ('hour', 'minute', 'second',
                                                   'microsecond', 'tzinfo', 'fold'))
        h = self._hour if hour is _M else hour
        m = self._minute if minute is _M else minute
        s = self._second if second is _M else second
        us = self._microsecond if microsecond is _M else microsecond
        tz = self._tzinfo if tzinfo is _M else tzinfo
        f = self._fold if fold is _M else fold
        return _new_time_checked(type(self), h, m, s, us, tz, f)

    __replace__ = replace

    # -- comparisons ---------------------------------------------------------

    def _cmpkey(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _diff(self, other, eq):
        """Sign of self - other; for equality tests 2 means 'unequal'."""
        if self._tzinfo is other._tzinfo:
            a, b = self._cmpkey(), other._cmpkey()
        else:
            o1 = self.utcoffset()
            o2 = other.utcoffset()
            if o1 == o2:
                a, b = self._cmpkey(), other._cmpkey()
            elif o1 is not None and o2 is not None:
                a = self._total_us() - _delta_us(o1)
                b = other._total_us() - _delta_us(o2)
            elif eq:
                return 2
            else:
                raise TypeError("can't compare offset-naive and offset-aware times")
        return 0 if a == b else (-1 if a < b else 1)

    def _total_us(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * 1000000 \
            + self._microsecond

    def __eq__(self, other):
        if isinstance(other, time):
            return self._diff(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._diff(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._diff(other, False) < 0
        return _cmp_other('<', self, other)

    def __le__(self, other):
        if isinstance(other, time):
            return self._diff(other, False) <= 0
        return _cmp_other('<=', self, other)

    def __gt__(self, other):
        if isinstance(other, time):
            return self._diff(other, False) > 0
        return _cmp_other('>', self, other)

    def __ge__(self, other):
        if isinstance(other, time):
            return self._diff(other, False) >= 0
        return _cmp_other('>=', self, other)

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            if off is None:
                self._hashcode = hash(self._cmpkey())
            else:
                self._hashcode = hash(self._total_us() - _delta_us(off))
        return self._hashcode

    def __bool__(self):
        return True

    # time has no arithmetic; these only give CPython's error wording.
    def __add__(self, other):
        return _arith_other('+', self, other, True)

    def __radd__(self, other):
        return _arith_other('+', other, self, False)

    def __sub__(self, other):
        return _arith_other('-', self, other, True)

    def __rsub__(self, other):
        return _arith_other('-', other, self, False)

    def __reduce__(self):
        return (_restore_time, (type(self), self._hour, self._minute, self._second,
                                self._microsecond, self._tzinfo, self._fold))


def _restore_time(cls, h, m, s, us, tz, fold):
    return cls(h, m, s, us, tz, fold=fold)


def _new_time_checked(cls, h, m, s, us, tz, fold=0):
    if cls is time:
        h, m, s, us, fold = _check_time_fields(h, m, s, us, fold)
        _check_tzinfo(tz)
        return _new_time(time, h, m, s, us, tz, fold)
    if fold:
        return cls(h, m, s, us, tz, fold=fold)
    return cls(h, m, s, us, tz)


# ---- timezone ---------------------------------------------------------------

def _tz_arg(dt, meth):
    if dt is not None and not isinstance(dt, _base.datetime):
        raise TypeError('%s(dt) argument must be a datetime instance or None, not %s'
                        % (meth, _tname(dt)))


class timezone(tzinfo):
    """A tzinfo with a fixed offset from UTC and an optional name."""
    __module__ = 'datetime'
    __slots__ = ('_offset', '_name')

    def __new__(cls, offset=_M, name=_M, *extra, **kw):
        if offset is _M or extra or kw:
            raise _bad_args('timezone()', ('offset', 'name'), (offset, name), extra, kw,
                            required=1)
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, not %s'
                            % _argname(offset))
        if name is _M:
            if not offset and _UTC is not None:
                return _UTC
            name = None
        elif not isinstance(name, str):
            raise TypeError('timezone() argument 2 must be str, not %s' % _argname(name))
        return _new_timezone(offset, name)

    def __init_subclass__(cls, **kw):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def utcoffset(self, dt):
        """The fixed offset."""
        _tz_arg(dt, 'utcoffset')
        return self._offset

    def dst(self, dt):
        """Always None."""
        _tz_arg(dt, 'dst')
        return None

    def tzname(self, dt):
        """The name given at construction, else 'UTC' or 'UTC+HH:MM'."""
        _tz_arg(dt, 'tzname')
        return self._zone_name()

    def _zone_name(self):
        if self._name is not None:
            return self._name
        us = _delta_us(self._offset)
        if us == 0:
            return 'UTC'
        return 'UTC' + _fmt.format_offset(us, ':')

    def fromutc(self, dt):
        """dt (UTC time, tzinfo=self) shifted by the offset."""
        if not isinstance(dt, _base.datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt._tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt._plus_us(_delta_us(self._offset))

    def __repr__(self):
        if self is _UTC:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self._zone_name()

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError('__format__() argument must be str, not %s' % _argname(spec))
        if spec:
            raise TypeError('unsupported format string passed to datetime.timezone.__format__')
        return str(self)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timezone):
            return self._offset != other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __getinitargs__(self):
        """The constructor arguments."""
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (timezone, self.__getinitargs__())


def _new_timezone(offset, name):
    us = _delta_us(offset)
    if not -_DAY_US < us < _DAY_US:
        raise ValueError('offset must be a timedelta strictly between '
                         '-timedelta(hours=24) and timedelta(hours=24), not %r.'
                         % (offset,))
    self = _object_new(timezone)
    self._offset = offset
    self._name = name
    return self


_UTC = None
_UTC = _new_timezone(_new_delta(0), None)
timezone.utc = _UTC
timezone.min = _new_timezone(_new_delta(-_DAY_US + 60000000), None)
timezone.max = _new_timezone(_new_delta(_DAY_US - 60000000), None)

time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = _new_delta(1)

_QUALIFIED[time] = 'datetime.time'
_QUALIFIED[timezone] = 'datetime.timezone'
_QUALIFIED[IsoCalendarDate] = 'datetime.IsoCalendarDate'
