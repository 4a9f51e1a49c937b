"""Private helpers for the datetime module: calendar arithmetic on
proleptic Gregorian ordinals, C-style argument conversion, the type names
CPython's C implementation shows in messages, and the local-time model."""

import time as _time
from operator import index as _index

MINYEAR = 1
MAXYEAR = 9999
MAXORDINAL = 3652059          # ordinal of 9999-12-31
EPOCH_ORDINAL = 719163        # ordinal of 1970-01-01
EPOCH_SECONDS = EPOCH_ORDINAL * 86400
US_PER_DAY = 86400000000
MAX_DELTA_DAYS = 999999999

# Cumulative days before each month in a common year (index 1..12), and
# the lengths of the months.
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def days_in_month(y, m):
    if m == 2 and is_leap(y):
        return 29
    return _DAYS_IN_MONTH[m]


def ymd2ord(y, m, d):
    """Ordinal of y-m-d, 0001-01-01 being 1.  Works for any integer year."""
    p = y - 1
    n = p * 365 + p // 4 - p // 100 + p // 400 + _DAYS_BEFORE_MONTH[m] + d
    if m > 2 and is_leap(y):
        n += 1
    return n


def ord2ymd(n):
    """Inverse of ymd2ord, by counting from a March-based year so that the
    leap day falls at the end (valid for any integer ordinal)."""
    z = n + 305                      # days since 0000-03-01
    era = z // 146097
    doe = z - era * 146097           # day of the 400-year era, 0..146096
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153        # March = 0
    d = doy - (153 * mp + 2) // 5 + 1
    y = yoe + era * 400
    if mp < 10:
        return y, mp + 3, d
    return y + 1, mp - 9, d


def year_of_ordinal(n):
    return ord2ymd(n)[0]


def iso_week1_monday(y):
    """Ordinal of the Monday starting ISO week 1 of year y."""
    jan4 = ymd2ord(y, 1, 4)
    return jan4 - (jan4 + 6) % 7


def iso_calendar(y, o):
    """(iso_year, iso_week, iso_weekday) of ordinal o lying in year y."""
    start = iso_week1_monday(y)
    if o < start:
        y -= 1
        start = iso_week1_monday(y)
    else:
        following = iso_week1_monday(y + 1)
        if o >= following:
            y += 1
            start = following
    w, d = divmod(o - start, 7)
    return y, w + 1, d + 1


# ---- argument conversion ------------------------------------------------

def c_int(v):
    """Convert like the C 'i' argument format: __index__, then C int range."""
    if type(v) is not int:
        v = _index(v)
    if -2147483648 <= v <= 2147483647:
        return v
    if -9223372036854775808 <= v <= 9223372036854775807:
        if v > 0:
            raise OverflowError("signed integer is greater than maximum")
        raise OverflowError("signed integer is less than minimum")
    raise OverflowError("Python int too large to convert to C long")


def check_date_fields(y, m, d):
    if type(y) is int and type(m) is int and type(d) is int and \
            1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= 28:
        return y, m, d
    # Like C: convert every argument first, then check the ranges.
    y = c_int(y)
    m = c_int(m)
    d = c_int(d)
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError('year %d is out of range' % y)
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    if d < 1 or d > days_in_month(y, m):
        raise ValueError('day is out of range for month')
    return y, m, d


def check_time_fields(h, mi, s, us, fold):
    if type(h) is int and type(mi) is int and type(s) is int and \
            type(us) is int and 0 <= h <= 23 and 0 <= mi <= 59 and \
            0 <= s <= 59 and 0 <= us <= 999999 and (fold == 0 or fold == 1) \
            and type(fold) is int:
        return h, mi, s, us, fold
    h = c_int(h)
    mi = c_int(mi)
    s = c_int(s)
    us = c_int(us)
    fold = c_int(fold)
    if not 0 <= h <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= mi <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= s <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= us <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold != 0 and fold != 1:
        raise ValueError('fold must be either 0 or 1')
    return h, mi, s, us, fold


# ---- type names as CPython's C implementation prints them --------------

# Filled in by datetime.py: the exact base classes map to 'datetime.NAME'.
QUALIFIED = {}


def tname(x):
    t = type(x)
    q = QUALIFIED.get(t)
    if q is not None:
        return q
    return t.__name__


def is_closed_type(x):
    """True when x's type is a builtin or one of our exact classes: such a
    type never handles the reflected operation, so the error can be raised
    at once with CPython's wording."""
    t = type(x)
    return t in QUALIFIED or t.__module__ == 'builtins'


def binop_error(op, a, b):
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                     % (op, tname(a), tname(b)))


def cmp_error(op, a, b):
    return TypeError("'%s' not supported between instances of '%s' and '%s'"
                     % (op, tname(a), tname(b)))


def round_half_even_div(a, b):
    """a / b rounded to the nearest integer, ties to even (b != 0)."""
    q, r = divmod(a, b)
    r2 = 2 * r
    if b > 0:
        if r2 > b or (r2 == b and q & 1):
            q += 1
    else:
        if r2 < b or (r2 == b and q & 1):
            q += 1
    return q


def c_round(x):
    """C's round(): halves go away from zero."""
    if x >= 0.0:
        r = float(int(x))
        if x - r >= 0.5:
            r += 1.0
        return r
    r = float(int(-x))
    if -x - r >= 0.5:
        r += 1.0
    return -r


# ---- time stamps --------------------------------------------------------

TIME_T_MIN = -9223372036854775808
TIME_T_MAX = 9223372036854775807


def split_timestamp(t, floor):
    """Seconds and microseconds of a timestamp, as CPython converts it:
    floats are rounded half-even (or floored when *floor*) to microseconds."""
    if isinstance(t, float):
        if t != t:
            raise ValueError('Invalid value NaN (not a number)')
        if t in (float('inf'), float('-inf')):
            raise OverflowError('timestamp out of range for platform time_t')
        ip = float(int(t))
        frac = t - ip
        if floor:
            if frac < 0:
                ip -= 1.0
            secs = int(ip)
            if not TIME_T_MIN <= secs <= TIME_T_MAX:
                raise OverflowError('timestamp out of range for platform time_t')
            return secs, 0
        us = frac * 1e6
        r = round(us)
        if r >= 1000000:
            r -= 1000000
            ip += 1.0
        elif r < 0:
            r += 1000000
            ip -= 1.0
        secs = int(ip)
        if not TIME_T_MIN <= secs <= TIME_T_MAX:
            raise OverflowError('timestamp out of range for platform time_t')
        return secs, int(r)
    secs = _index(t)
    if not TIME_T_MIN <= secs <= TIME_T_MAX:
        raise OverflowError('timestamp out of range for platform time_t')
    return secs, 0


def local_offset(t):
    """(utc offset in seconds, zone name) of local time at POSIX time t.
    Without time.localtime (or its tm_gmtoff), local time is UTC."""
    lt = getattr(_time, 'localtime', None)
    if lt is not None:
        tm = lt(t)
        off = getattr(tm, 'tm_gmtoff', None)
        if off is not None:
            return off, getattr(tm, 'tm_zone', None) or ''
    return 0, 'UTC'


def fields_from_seconds(u):
    """(y, m, d, hh, mm, ss) of u seconds counted from ordinal 0 midnight,
    raising CPython's error when the year leaves 1..9999."""
    days, secs = divmod(u, 86400)
    if not 1 <= days <= MAXORDINAL:
        tm_year = year_of_ordinal(days) - 1900
        if not -2147483648 <= tm_year <= 2147483647:
            # gmtime()/localtime() fail with EOVERFLOW
            raise OSError(75, 'Value too large for defined data type')
        # CPython adds 1900 in a C int, which may wrap around.
        y = (tm_year + 1900 + 2147483648) % 4294967296 - 2147483648
        raise ValueError('year %d is out of range' % y)
    y, m, d = ord2ymd(days)
    hh, secs = divmod(secs, 3600)
    mm, ss = divmod(secs, 60)
    return y, m, d, hh, mm, ss


def local_seconds(u):
    """Local wall time (in seconds from ordinal 0) of the instant u (same
    scale, UTC); errors when the local date leaves the supported years."""
    t = u - EPOCH_SECONDS
    if not TIME_T_MIN <= t <= TIME_T_MAX:
        raise OverflowError('timestamp out of range for platform time_t')
    off = local_offset(t)[0]
    v = u + off
    days = v // 86400
    if not 1 <= days <= MAXORDINAL:
        fields_from_seconds(v)
    return v


def local_to_utc_seconds(t1, fold):
    """Solve local_seconds(u) == t1 for u, choosing by fold like CPython."""
    lt = local_seconds(t1)
    a = lt - t1
    u1 = t1 - a
    t2 = local_seconds(u1)
    if t2 == t1:
        u2 = u1 + 86400 if fold else u1 - 86400
        lt = local_seconds(u2)
        b = lt - u2
        if a == b:
            return u1
    else:
        b = t2 - u1
    u2 = t1 - b
    t2 = local_seconds(u2)
    if t2 == t1:
        return u2
    # t1 falls in a gap: neither offset solves it; fold picks the side.
    if fold:
        return min(u1, u2)
    return max(u1, u2)
