# The calendar half of the `time` module: `struct_time` and the functions
# that take or return one. The native `time` module loads this on the first
# use of one of these names; the conversions themselves are the C library's
# (native `_broken_down`, `_mktime`, `_strftime`), as in CPython.

import time as _t

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
           "Oct", "Nov", "Dec")


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers.

 Note that several fields' values are not the same as those defined by
 the C language standard for struct tm.  For example, the value of the
 field tm_year is the actual year, not year - 1900.  See individual
 fields' descriptions for details."""

    __module__ = "time"
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        if len(items) < 9:
            raise TypeError(
                f"time.struct_time() takes an at least 9-sequence ({len(items)}-sequence given)")
        if len(items) > 11:
            raise TypeError(
                f"time.struct_time() takes an at most 11-sequence ({len(items)}-sequence given)")
        self = tuple.__new__(cls, items[:9])
        extra = items[9:] + (None,) * (11 - len(items))
        object.__setattr__(self, "_struct_time__zone", extra[0])
        object.__setattr__(self, "_struct_time__gmtoff", extra[1])
        return self

    def __repr__(self):
        parts = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self))
        return f"time.struct_time({parts})"

    def __reduce__(self):
        return (struct_time, (tuple(self) + (self.__zone, self.__gmtoff),))

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self.__zone)
    tm_gmtoff = property(lambda self: self.__gmtoff)


def _seconds(secs):
    if secs is None:
        return _t.time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        return secs
    if isinstance(secs, int):
        return secs
    to_index = getattr(type(secs), "__index__", None)
    if to_index is None and hasattr(type(secs), "__float__"):
        return float(secs)
    if to_index is None:
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    return to_index(secs)


def gmtime(seconds=None):
    return struct_time(_t._broken_down(_seconds(seconds), False))


def localtime(seconds=None):
    return struct_time(_t._broken_down(_seconds(seconds), True))


def _time_tuple(t, caller):
    """The 9 fields (+ zone, gmtoff when known) of a time tuple argument,
    checked as CPython's gettmarg/checktm do."""
    if t is None:
        return tuple(localtime()) + (None, None)
    if not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{caller}(): illegal time tuple argument")
    for v in t:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    zone = gmtoff = None
    if isinstance(t, struct_time):
        zone, gmtoff = t.tm_zone, t.tm_gmtoff
    return tuple(t) + (zone, gmtoff)


def _check_ranges(fields):
    year, mon, mday, hour, minute, sec, wday, yday, isdst = fields[:9]
    if not 1 <= mon <= 12:
        raise ValueError("month out of range")
    if not 1 <= mday <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    if wday < 0:
        raise ValueError("day of week out of range")
    if not 1 <= yday <= 366:
        raise ValueError("day of year out of range")


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    fields = list(_time_tuple(t, "strftime"))
    # CPython lets zero stand for "unknown" in month, day and year day.
    for i in (1, 2, 7):
        if fields[i] == 0:
            fields[i] = 1
    if fields[8] < -1:
        fields[8] = -1
    elif fields[8] > 1:
        fields[8] = 1
    _check_ranges(fields)
    fields[6] = fields[6] % 7
    if fields[9] is None:
        fields = fields[:9]
    return _t._strftime(format, tuple(fields))


def mktime(t):
    fields = _time_tuple(t, "mktime")
    return _t._mktime(fields[:9])


def asctime(t=None):
    fields = list(_time_tuple(t, "asctime"))
    if fields[2] == 0:
        fields[2] = 1
    _check_ranges(fields)
    year, mon, mday, hour, minute, sec, wday = fields[:7]
    return "%s %s %2d %02d:%02d:%02d %d" % (
        _DAYS[wday % 7], _MONTHS[mon - 1], mday, hour, minute, sec, year)


def ctime(seconds=None):
    return asctime(localtime(seconds))


def strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    for arg in (data_string, format):
        if not isinstance(arg, str):
            raise TypeError(f"strptime() argument 1 must be str, not {type(arg).__name__}")
    from _datetime_strptime import parse
    from _datetime_base import date
    year, month, day, hour, minute, second, _micro, gmtoff, _frac, zone = parse(
        data_string, format)
    d = date(year, month, day)
    yday = d.toordinal() - date(year, 1, 1).toordinal() + 1
    offset = None if gmtoff is None else gmtoff
    return struct_time((year, month, day, hour, minute, second, d.weekday(),
                        yday, -1, zone, offset))


def process_time():
    return _t._process_time()


def process_time_ns():
    return int(_t._process_time() * 1e9)


thread_time = process_time
thread_time_ns = process_time_ns


class _ClockInfo:
    __module__ = "types"

    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"namespace({inner})"


_CLOCKS = {
    "time": ("clock_gettime(CLOCK_REALTIME)", False, True),
    "monotonic": ("clock_gettime(CLOCK_MONOTONIC)", True, False),
    "perf_counter": ("clock_gettime(CLOCK_MONOTONIC)", True, False),
    "process_time": ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", True, False),
    "thread_time": ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", True, False),
}


def get_clock_info(name):
    if name not in _CLOCKS:
        raise ValueError("unknown clock")
    implementation, monotonic, adjustable = _CLOCKS[name]
    return _ClockInfo(implementation=implementation, monotonic=monotonic,
                      adjustable=adjustable, resolution=1e-09)


def _zone_constants():
    """timezone, altzone, daylight, tzname as CPython derives them: from the
    local offsets of January and July of the current (real) year."""
    year = _t._broken_down(_t._wall_time(), True)[0]
    jan = _t._broken_down(_t._mktime((year, 1, 1, 0, 0, 0, 0, 1, -1)), True)
    jul = _t._broken_down(_t._mktime((year, 7, 1, 0, 0, 0, 0, 182, -1)), True)
    jan_off, jul_off = -jan[10], -jul[10]
    if jan_off < jul_off:
        # Southern hemisphere: January is the summer time.
        return jul_off, jan_off, int(jan_off != jul_off), (jul[9], jan[9])
    return jan_off, jul_off, int(jan_off != jul_off), (jan[9], jul[9])


timezone, altzone, daylight, tzname = _zone_constants()
