"""The datetime class of the datetime module."""

import time as _time
import _datetime_fmt as _fmt
from _datetime_util import (
    MAXORDINAL, EPOCH_SECONDS, US_PER_DAY as _DAY_US, QUALIFIED as _QUALIFIED,
    ymd2ord as _ymd2ord, ord2ymd as _ord2ymd, tname as _tname,
    check_date_fields as _check_date_fields,
    check_time_fields as _check_time_fields, split_timestamp as _split_timestamp,
    local_offset as _local_offset, fields_from_seconds as _fields_from_seconds,
    local_seconds as _local_seconds, local_to_utc_seconds as _local_to_utc)
from _datetime_delta import timedelta, new_delta as _new_delta, delta_us as _delta_us
from _datetime_base import (
    _M, _readonly, _bad_args, _missing, _check_tzinfo, _check_offset,
    _utcoffset_of, _tzname_of, _cmp_other, _arith_other, _check_str,
    _time_text, _ctime, _iso_arg, _invalid_iso, _tz_from_iso, date, tzinfo,
    _argname, _unexpected_kw)
from _datetime_time import time as _time_cls, timezone, _new_time, _new_timezone

_object_new = object.__new__
_date_cls = date


def _new_dt(cls, y, m, d, hh, mi, ss, us, tz, fold):
    """A datetime from fields known to be valid (subclasses still go
    through their constructor, as CPython does)."""
    if cls is datetime:
        self = _object_new(datetime)
        self._year = y
        self._month = m
        self._day = d
        self._hour = hh
        self._minute = mi
        self._second = ss
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    if fold:
        return cls(y, m, d, hh, mi, ss, us, tz, fold=fold)
    return cls(y, m, d, hh, mi, ss, us, tz)


def _new_dt_checked(cls, y, m, d, hh, mi, ss, us, tz, fold):
    if cls is datetime:
        y, m, d = _check_date_fields(y, m, d)
        hh, mi, ss, us, fold = _check_time_fields(hh, mi, ss, us, fold)
        _check_tzinfo(tz)
        return _new_dt(datetime, y, m, d, hh, mi, ss, us, tz, fold)
    return _new_dt(cls, y, m, d, hh, mi, ss, us, tz, fold)


def _from_us(cls, t, tz):
    """The datetime t microseconds after ordinal 0's midnight (fold 0)."""
    days, rem = divmod(t, _DAY_US)
    if not 1 <= days <= MAXORDINAL:
        raise OverflowError('date value out of range')
    y, m, d = _ord2ymd(days)
    secs, us = divmod(rem, 1000000)
    hh, secs = divmod(secs, 3600)
    mi, ss = divmod(secs, 60)
    return _new_dt(cls, y, m, d, hh, mi, ss, us, tz, 0)


def _from_timestamp(cls, t, tz, utc):
    secs, us = _split_timestamp(t, False)
    u = secs + EPOCH_SECONDS
    fold = 0
    if tz is None and not utc:
        local = u + _local_offset(secs)[0]
        y, m, d, hh, mi, ss = _fields_from_seconds(local)
        # A wall time repeated by a backward shift gets fold=1.
        probe = _local_seconds(u - 86400)
        transition = local - probe - 86400
        if transition < 0 and _local_seconds(u + transition) == local:
            fold = 1
    else:
        y, m, d, hh, mi, ss = _fields_from_seconds(u)
    result = _new_dt(cls, y, m, d, hh, mi, ss, us, tz, fold)
    if tz is not None:
        result = tz.fromutc(result)
    return result


def _local_tz_at(ts):
    off, zone = _local_offset(ts)
    return _new_timezone(_new_delta(off * 1000000), zone)


def _local_tz_for_wall(dt):
    """The local fixed-offset zone in force at naive wall time dt."""
    t1 = dt._local_us() // 1000000
    fold = dt._fold
    seconds = _local_to_utc(t1, fold)
    seconds2 = _local_to_utc(t1, 1 - fold)
    if seconds2 != seconds and (seconds2 > seconds) == bool(fold):
        seconds = seconds2
    return _local_tz_at(seconds - EPOCH_SECONDS)


def _dt_args_error(year, month, day, extra, kw):
    if extra:
        given = 8 + len(extra) + len(kw)
        if given > 9:
            return TypeError('function takes at most 9 arguments (%d given)' % given)
        return TypeError('function takes at most 8 positional arguments (%d given)'
                         % (8 + len(extra)))
    return _bad_args('function', ('year', 'month', 'day'), (year, month, day),
                     (), kw, 9)


class datetime(date):
    """A date together with a time of day, optionally with a tzinfo."""
    __module__ = 'datetime'
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year=_M, month=_M, day=_M, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *extra, fold=0, **kw):
        if day is _M or extra or kw:
            raise _dt_args_error(year, month, day, extra, kw)
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = _object_new(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        self._hashcode = -1
        return self

    hour = _readonly('_hour', 'hour', 'datetime.datetime')
    minute = _readonly('_minute', 'minute', 'datetime.datetime')
    second = _readonly('_second', 'second', 'datetime.datetime')
    microsecond = _readonly('_microsecond', 'microsecond', 'datetime.datetime')
    tzinfo = _readonly('_tzinfo', 'tzinfo', 'datetime.datetime')
    fold = _readonly('_fold', 'fold', 'datetime.datetime')

    # -- other constructors ------------------------------------------------

    @classmethod
    def fromtimestamp(cls, timestamp=_M, tz=None, *extra, **kw):
        """The datetime at a POSIX timestamp: local time when tz is None,
        else tz's time."""
        if timestamp is _M or extra or kw:
            raise _bad_args('fromtimestamp()', ('timestamp', 'tz'),
                            (timestamp, tz), extra, kw, required=1)
        _check_tzinfo(tz)
        return _from_timestamp(cls, timestamp, tz, False)

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC datetime at a POSIX timestamp (deprecated)."""
        import warnings
        warnings.warn('datetime.datetime.utcfromtimestamp() is deprecated and '
                      'scheduled for removal in a future version. Use '
                      'timezone-aware objects to represent datetimes in UTC: '
                      'datetime.datetime.fromtimestamp(timestamp, datetime.UTC).',
                      DeprecationWarning, stacklevel=2)
        return _from_timestamp(cls, t, None, True)

    @classmethod
    def now(cls, tz=None):
        """The current time: local and naive, or in zone tz."""
        _check_tzinfo(tz)
        return _from_timestamp(cls, _time.time(), tz, False)

    @classmethod
    def utcnow(cls):
        """The current UTC time as a naive datetime (deprecated)."""
        import warnings
        warnings.warn('datetime.datetime.utcnow() is deprecated and scheduled '
                      'for removal in a future version. Use timezone-aware '
                      'objects to represent datetimes in UTC: '
                      'datetime.datetime.now(datetime.UTC).',
                      DeprecationWarning, stacklevel=2)
        return _from_timestamp(cls, _time.time(), None, True)

    @classmethod
    def combine(cls, date=_M, time=_M, tzinfo=_M, *extra, **kw):
        """A datetime from a date and a time (tzinfo defaults to the time's)."""
        if time is _M or extra or kw:
            raise _bad_args('combine()', ('date', 'time', 'tzinfo'),
                            (date, time, tzinfo), extra, kw, required=2)
        if not isinstance(date, _date_cls):
            raise TypeError('combine() argument 1 must be datetime.date, not %s'
                            % _argname(date))
        if not isinstance(time, _time_cls):
            raise TypeError('combine() argument 2 must be datetime.time, not %s'
                            % _argname(time))
        if tzinfo is _M:
            tzinfo = time._tzinfo
        return _new_dt_checked(cls, date._year, date._month, date._day, time._hour,
                               time._minute, time._second, time._microsecond,
                               tzinfo, time._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """Parse a date (as date.fromisoformat accepts it), optionally
        followed by any one separator character and a time with optional offset."""
        s = _iso_arg(date_string)
        if len(s) < 7:
            raise _invalid_iso(date_string)
        sep = _fmt.datetime_separator(s)
        ymd = _fmt.parse_date(s, sep) if sep >= 0 else None
        if ymd is None:
            raise _invalid_iso(date_string)
        h = m = sec = us = 0
        tz = None
        if len(s) > sep:
            parsed = _fmt.parse_time(s, sep + 1)
            if parsed is None:
                raise _invalid_iso(date_string)
            h, m, sec, us, tz = parsed
        tz = _tz_from_iso(tz)
        return _new_dt_checked(cls, ymd[0], ymd[1], ymd[2], h, m, sec, us, tz, 0)

    @classmethod
    def strptime(cls, date_string=_M, format=_M, *extra):
        """Parse date_string according to a strptime format."""
        if format is _M or extra:
            raise TypeError('strptime() takes exactly 2 arguments (%d given)'
                            % ((date_string is not _M) + (format is not _M) + len(extra)))
        _check_str(date_string, 'strptime', 1)
        _check_str(format, 'strptime', 2)
        import _datetime_strptime
        y, mo, d, hh, mi, ss, frac, gmtoff, gmtoff_frac, zone = \
            _datetime_strptime.parse(date_string, format)
        args = (y, mo, d, hh, mi, ss, frac)
        if gmtoff is not None:
            delta = timedelta(seconds=gmtoff, microseconds=gmtoff_frac)
            args += (timezone(delta, zone) if zone else timezone(delta),)
        return cls(*args)

    # -- conversions -----------------------------------------------------------

    def _local_us(self):
        return ((_ymd2ord(self._year, self._month, self._day) * 86400
                 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def _plus_us(self, n):
        return _from_us(type(self), self._local_us() + n, self._tzinfo)

    def timestamp(self):
        """The POSIX timestamp (a float); naive values count as local time."""
        if self._tzinfo is not None:
            return (self - _EPOCH).total_seconds()
        t1 = self._local_us() // 1000000
        u = _local_to_utc(t1, self._fold)
        return float(u - EPOCH_SECONDS) + self._microsecond / 1e6

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return _new_time(_time_cls, self._hour, self._minute, self._second,
                         self._microsecond, None, self._fold)

    def timetz(self):
        """The time part, with tzinfo."""
        return _new_time(_time_cls, self._hour, self._minute, self._second,
                         self._microsecond, self._tzinfo, self._fold)

    def replace(self, year=_M, month=_M, day=_M, hour=_M, minute=_M, second=_M,
                microsecond=_M, tzinfo=_M, *extra, fold=_M, **kw):
        """A copy with the given fields changed."""
        if extra:
            raise TypeError('replace() takes at most 8 positional arguments (%d given)'
                            % (8 + len(extra)))
        if kw:
            raise _unexpected_kw('replace()', kw, (
                'year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond',
                'tzinfo', 'fold'))
        return _new_dt_checked(
            type(self),
            self._year if year is _M else year,
            self._month if month is _M else month,
            self._day if day is _M else day,
            self._hour if hour is _M else hour,
            self._minute if minute is _M else minute,
            self._second if second is _M else second,
            self._microsecond if microsecond is _M else microsecond,
            self._tzinfo if tzinfo is _M else tzinfo,
            self._fold if fold is _M else fold)

    __replace__ = replace

    def astimezone(self, tz=None):
        """The same instant expressed in zone tz (local time if tz is None)."""
        _check_tzinfo(tz)
        mytz = self._tzinfo
        offset = None
        if mytz is not None:
            if mytz is tz:
                return self
            offset = _utcoffset_of(mytz, self)
        if offset is None:
            # Naive (or a zone that gives no offset): take it as local time.
            mytz = _local_tz_for_wall(self)
            offset = mytz._offset
        utc = _from_us(type(self), self._local_us() - _delta_us(offset), None)
        if tz is None:
            tz = _local_tz_at((utc._local_us() // 1000000) - EPOCH_SECONDS)
        utc = _new_dt(type(utc), utc._year, utc._month, utc._day, utc._hour,
                      utc._minute, utc._second, utc._microsecond, tz, utc._fold)
        return tz.fromutc(utc)

    # -- formatting ------------------------------------------------------------

    def ctime(self):
        """The value in the style of time.ctime()."""
        return _ctime(self._year, self._month, self._day, self._hour,
                      self._minute, self._second)

    def isoformat(self, sep='T', timespec='auto'):
        """YYYY-MM-DD, the separator, the time to the precision timespec asks
        for, and the UTC offset if there is one."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError('isoformat() argument 1 must be a unicode character, not %s'
                            % _tname(sep))
        _check_str(timespec, 'isoformat', 2)
        s = '%04d-%02d-%02d%s%s' % (self._year, self._month, self._day, sep,
                                    _time_text(self._hour, self._minute, self._second,
                                               self._microsecond, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _fmt.format_offset(_delta_us(off), ':')
        return s

    def __repr__(self):
        if self._microsecond:
            s = '%s(%d, %d, %d, %d, %d, %d, %d' % (
                _tname(self), self._year, self._month, self._day, self._hour,
                self._minute, self._second, self._microsecond)
        elif self._second:
            s = '%s(%d, %d, %d, %d, %d, %d' % (
                _tname(self), self._year, self._month, self._day, self._hour,
                self._minute, self._second)
        else:
            s = '%s(%d, %d, %d, %d, %d' % (
                _tname(self), self._year, self._month, self._day, self._hour,
                self._minute)
        if self._fold:
            s += ', fold=1'
        if self._tzinfo is not None:
            s += ', tzinfo=%r' % (self._tzinfo,)
        return s + ')'

    def __str__(self):
        return self.isoformat(' ')

    def strftime(self, format=_M):
        """Format with a time.strftime()-style format."""
        if format is _M:
            raise _missing('strftime()', 'format', 1)
        _check_str(format, 'strftime', 1)
        y, m, d = self._year, self._month, self._day
        return _fmt.strftime(format, y, m, d, self._hour, self._minute,
                             self._second, self._microsecond, _ymd2ord(y, m, d),
                             self._offset_us, self.tzname)

    def _offset_us(self):
        off = self.utcoffset()
        return None if off is None else _delta_us(off)

    # -- time zone information -----------------------------------------------

    def utcoffset(self):
        """The tzinfo's utcoffset() for this value, or None when naive."""
        if self._tzinfo is None:
            return None
        return _utcoffset_of(self._tzinfo, self)

    def dst(self):
        """The tzinfo's dst() for this value, or None when naive."""
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(self), 'dst')

    def tzname(self):
        """The tzinfo's tzname() for this value, or None when naive."""
        if self._tzinfo is None:
            return None
        return _tzname_of(self._tzinfo, self)

    # -- comparisons and hashing -------------------------------------------

    def _cmpkey(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def _flipped(self):
        """A copy with fold inverted, made without calling constructors."""
        other = _object_new(type(self))
        for name in ('_year', '_month', '_day', '_hour', '_minute', '_second',
                     '_microsecond', '_tzinfo'):
            setattr(other, name, getattr(self, name))
        other._fold = 1 - self._fold
        other._hashcode = -1
        return other

    def _offset_ambiguous(self, off):
        # PEP 495: an instant whose offset depends on fold is never equal
        # to one in another zone.
        flip = self._flipped().utcoffset()
        return flip is not off and flip != off

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
                a = self._local_us() - _delta_us(o1)
                b = other._local_us() - _delta_us(o2)
            elif eq:
                return 2
            else:
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            if eq and a == b and (self._offset_ambiguous(o1)
                                  or other._offset_ambiguous(o2)):
                return 2
        return 0 if a == b else (-1 if a < b else 1)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._diff(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._diff(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._diff(other, False) < 0
        return _cmp_other('<', self, other)

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._diff(other, False) <= 0
        return _cmp_other('<=', self, other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._diff(other, False) > 0
        return _cmp_other('>', self, other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._diff(other, False) >= 0
        return _cmp_other('>=', self, other)

    def __hash__(self):
        if self._hashcode == -1:
            base = self._flipped() if self._fold else self
            off = base.utcoffset()
            if off is None:
                self._hashcode = hash(self._cmpkey())
            else:
                self._hashcode = hash(self._local_us() - _delta_us(off))
        return self._hashcode

    # -- arithmetic ------------------------------------------------------------

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._plus_us(_delta_us(other))
        return _arith_other('+', self, other, True)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self._plus_us(_delta_us(other))
        return _arith_other('+', other, self, False)

    def __sub__(self, other):
        if isinstance(other, datetime):
            shift = 0
            if self._tzinfo is not other._tzinfo:
                o1 = self.utcoffset()
                o2 = other.utcoffset()
                if (o1 is None) != (o2 is None):
                    raise TypeError("can't subtract offset-naive and "
                                    "offset-aware datetimes")
                if o1 is not None:
                    shift = _delta_us(o1) - _delta_us(o2)
            return _new_delta(self._local_us() - other._local_us() - shift)
        if isinstance(other, timedelta):
            return self._plus_us(-_delta_us(other))
        return _arith_other('-', self, other, True)

    def __rsub__(self, other):
        return _arith_other('-', other, self, False)

    def __reduce__(self):
        return (_restore_datetime, (type(self), self._year, self._month, self._day,
                                    self._hour, self._minute, self._second,
                                    self._microsecond, self._tzinfo, self._fold))


def _restore_datetime(cls, y, m, d, hh, mi, ss, us, tz, fold):
    return cls(y, m, d, hh, mi, ss, us, tz, fold=fold)


if hasattr(_time, 'struct_time'):
    def _date_timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        y, m, d = self._year, self._month, self._day
        o = _ymd2ord(y, m, d)
        return _time.struct_time((y, m, d, 0, 0, 0, (o + 6) % 7,
                                  o - _ymd2ord(y, 1, 1) + 1, -1))

    def _dt_timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        dst = self.dst()
        isdst = -1 if dst is None else (1 if dst else 0)
        y, m, d = self._year, self._month, self._day
        o = _ymd2ord(y, m, d)
        return _time.struct_time((y, m, d, self._hour, self._minute, self._second,
                                  (o + 6) % 7, o - _ymd2ord(y, 1, 1) + 1, isdst))

    def _dt_utctimetuple(self):
        """Return UTC time tuple, compatible with time.localtime()."""
        off = self.utcoffset()
        t = self if not off else self._plus_us(-_delta_us(off))
        y, m, d = t._year, t._month, t._day
        o = _ymd2ord(y, m, d)
        return _time.struct_time((y, m, d, t._hour, t._minute, t._second,
                                  (o + 6) % 7, o - _ymd2ord(y, 1, 1) + 1, 0))

    date.timetuple = _date_timetuple
    datetime.timetuple = _dt_timetuple
    datetime.utctimetuple = _dt_utctimetuple


_QUALIFIED[datetime] = 'datetime.datetime'
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
