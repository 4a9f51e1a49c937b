"""Private helpers for datetime: strftime (CPython's own %z %:z %Z %f,
everything else the way glibc formats it in the C locale) and the
ISO 8601 parsers behind fromisoformat()."""

from _datetime_util import (iso_calendar, iso_week1_monday, ymd2ord, ord2ymd,
                            is_leap, local_to_utc_seconds, EPOCH_SECONDS)

DAY_NAMES = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
             'Saturday', 'Sunday')
DAY_ABBRS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
MONTH_NAMES = ('', 'January', 'February', 'March', 'April', 'May', 'June',
               'July', 'August', 'September', 'October', 'November',
               'December')
MONTH_ABBRS = ('', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug',
               'Sep', 'Oct', 'Nov', 'Dec')


def format_offset(us, sep):
    """'+HH<sep>MM[<sep>SS[.ffffff]]' for an offset of *us* microseconds."""
    if us < 0:
        sign = '-'
        us = -us
    else:
        sign = '+'
    secs, frac = divmod(us, 1000000)
    mins, s = divmod(secs, 60)
    h, m = divmod(mins, 60)
    out = '%s%02d%s%02d' % (sign, h, sep, m)
    if frac:
        return out + '%s%02d.%06d' % (sep, s, frac)
    if s:
        return out + '%s%02d' % (sep, s)
    return out


# ---- the glibc part -----------------------------------------------------

# Numeric conversions: (default width, default padding).  The "yearish"
# ones (%Y %G %C) are not padded unless a width is given.
_NUMERIC = {
    'd': (2, '0'), 'e': (2, ' '), 'H': (2, '0'), 'I': (2, '0'),
    'k': (2, ' '), 'l': (2, ' '), 'j': (3, '0'), 'm': (2, '0'),
    'M': (2, '0'), 'S': (2, '0'), 'U': (2, '0'), 'W': (2, '0'),
    'V': (2, '0'), 'u': (1, '0'), 'w': (1, '0'), 'y': (2, '0'),
    'g': (2, '0'), 'Y': (1, '0'), 'G': (1, '0'), 'C': (1, '0'),
    's': (1, '0'),
}
_COMPOSITE = {
    'c': '%a %b %e %H:%M:%S %Y', 'D': '%m/%d/%y', 'x': '%m/%d/%y',
    'F': '%Y-%m-%d', 'T': '%H:%M:%S', 'X': '%H:%M:%S', 'R': '%H:%M',
    'r': '%I:%M:%S %p',
}
# Which conversions glibc accepts after the E and O modifiers.
_E_OK = frozenset('cnprstuxyzCPRTXYZ%')
_O_OK = frozenset('bdeghjklmnprstuwyzBCGHIMPRSTUVWZ%')
_FLAGS = frozenset('_-0^#')


class _Tm:
    """The broken-down time strftime works from (struct tm, more or less);
    the day of the year and the ISO calendar are computed on demand."""
    __slots__ = ('year', 'mon', 'mday', 'hour', 'min', 'sec', 'wday',
                 'ordinal', '_yday', '_iso')

    def __init__(self, y, mo, d, hh, mi, ss, o):
        self.year = y
        self.mon = mo
        self.mday = d
        self.hour = hh
        self.min = mi
        self.sec = ss
        self.ordinal = o
        self.wday = (o + 6) % 7               # Monday == 0
        self._yday = 0
        self._iso = None

    def yday(self):
        if not self._yday:
            self._yday = self.ordinal - ymd2ord(self.year, 1, 1) + 1
        return self._yday

    def iso(self):
        if self._iso is None:
            self._iso = iso_calendar(self.year, self.ordinal)
        return self._iso


def _number(tm, c):
    if c == 'd' or c == 'e':
        return tm.mday
    if c == 'H' or c == 'k':
        return tm.hour
    if c == 'I' or c == 'l':
        return (tm.hour + 11) % 12 + 1
    if c == 'M':
        return tm.min
    if c == 'S':
        return tm.sec
    if c == 'm':
        return tm.mon
    if c == 'Y':
        return tm.year
    if c == 'y':
        return tm.year % 100
    if c == 'C':
        return tm.year // 100
    if c == 'j':
        return tm.yday()
    if c == 'u':
        return tm.wday + 1
    if c == 'w':
        return (tm.wday + 1) % 7
    if c == 'U':
        return (tm.yday() + 6 - (tm.wday + 1) % 7) // 7
    if c == 'W':
        return (tm.yday() + 6 - tm.wday) // 7
    if c == 'G':
        return tm.iso()[0]
    if c == 'g':
        return tm.iso()[0] % 100
    if c == 'V':
        return tm.iso()[1]
    # 's': seconds since the epoch of this local wall time
    t1 = ((tm.ordinal * 24 + tm.hour) * 60 + tm.min) * 60 + tm.sec
    return local_to_utc_seconds(t1, 0) - EPOCH_SECONDS


def _pad_text(s, width, pad):
    if width > len(s):
        return ('0' if pad == '0' else ' ') * (width - len(s)) + s
    return s


def _conversion(tm, c, pad, width, upper, swap):
    """Text of one glibc conversion that has flags or a width."""
    spec = _NUMERIC.get(c)
    if spec is not None:
        v = _number(tm, c)
        dwidth, dpad = spec
        if pad == '-':
            fill = ' ' if width else ''
        elif pad == '_':
            fill = ' '
        elif pad == '0':
            fill = '0'
        else:
            fill = dpad
        w = width or dwidth
        digits = str(-v if v < 0 else v)
        sign = '-' if v < 0 else ''
        if fill and len(digits) + len(sign) < w:
            if fill == '0':
                digits = '0' * (w - len(digits) - len(sign)) + digits
            else:
                return ' ' * (w - len(digits) - len(sign)) + sign + digits
        return sign + digits
    if c in 'aAbBh':
        if c == 'a':
            s = DAY_ABBRS[tm.wday]
        elif c == 'A':
            s = DAY_NAMES[tm.wday]
        elif c == 'B':
            s = MONTH_NAMES[tm.mon]
        else:
            s = MONTH_ABBRS[tm.mon]
        if upper or swap:
            s = s.upper()
        return _pad_text(s, width, pad)
    if c == 'p' or c == 'P':
        s = 'AM' if tm.hour < 12 else 'PM'
        if c == 'P' or swap:
            s = s.lower()
        return _pad_text(s, width, pad)
    sub = _COMPOSITE.get(c)
    if sub is not None:
        s = _run(_compiled(sub), tm, None, None, None)
        if upper:
            s = s.upper()
        return _pad_text(s, width, pad)
    if c == 'Z':
        # Reached only with flags or a width: glibc sees no zone name.
        return _pad_text('', width, pad)
    return ''       # 'z' with flags: glibc prints nothing, DST being unknown


# Plain conversions (no flags, no width) done directly.
_PLAIN = {
    'd': lambda tm: '%02d' % tm.mday,
    'm': lambda tm: '%02d' % tm.mon,
    'Y': lambda tm: str(tm.year),
    'H': lambda tm: '%02d' % tm.hour,
    'M': lambda tm: '%02d' % tm.min,
    'S': lambda tm: '%02d' % tm.sec,
    'y': lambda tm: '%02d' % (tm.year % 100),
    'I': lambda tm: '%02d' % ((tm.hour + 11) % 12 + 1),
    'p': lambda tm: 'AM' if tm.hour < 12 else 'PM',
    'a': lambda tm: DAY_ABBRS[tm.wday],
    'A': lambda tm: DAY_NAMES[tm.wday],
    'b': lambda tm: MONTH_ABBRS[tm.mon],
    'h': lambda tm: MONTH_ABBRS[tm.mon],
    'B': lambda tm: MONTH_NAMES[tm.mon],
    'e': lambda tm: '%2d' % tm.mday,
    'j': lambda tm: '%03d' % tm.yday(),
}
_FIXED = {'n': '\n', 't': '\t', '%': '%'}

# Codes for the directives CPython replaces itself.
_PY_F, _PY_Z, _PY_COLON_Z, _PY_NAME = 0, 1, 2, 3


def _compile_glibc(fmt, ops):
    """Append the operations for a format the C library would receive."""
    n = len(fmt)
    i = 0
    while i < n:
        j = fmt.find('%', i)
        if j < 0:
            ops.append(fmt[i:])
            break
        if j > i:
            ops.append(fmt[i:j])
        k = j + 1
        pad = None
        upper = swap = False
        while k < n and fmt[k] in _FLAGS:
            f = fmt[k]
            if f == '^':
                upper = True
            elif f == '#':
                swap = True
            else:
                pad = f
            k += 1
        width = 0
        while k < n and '0' <= fmt[k] <= '9':
            width = width * 10 + ord(fmt[k]) - 48
            k += 1
        mod = None
        if k < n and (fmt[k] == 'E' or fmt[k] == 'O'):
            mod = fmt[k]
            k += 1
        c = fmt[k] if k < n else ''
        known = c and (c in _NUMERIC or c in 'aAbBhpPZz' or c in _COMPOSITE
                       or c in _FIXED)
        if known and mod is not None:
            known = c in (_E_OK if mod == 'E' else _O_OK)
        if not known:
            # Unknown: copied through as written, padded to the width.
            ops.append(_pad_text(fmt[j:k + 1], width, pad))
        elif c in _FIXED:
            ops.append(_pad_text(_FIXED[c], width, pad))
        elif pad is None and not width and not upper and not swap and c in _PLAIN:
            ops.append(_PLAIN[c])
        else:
            ops.append((c, pad, width, upper, swap))
        i = k + 1


_cache = {}


def _compiled(fmt):
    ops = _cache.get(fmt)
    if ops is not None:
        return ops
    ops = []
    n = len(fmt)
    i = start = 0
    while True:
        i = fmt.find('%', i)
        if i < 0 or i + 1 >= n:
            break
        c = fmt[i + 1]
        if c == 'f' or c == 'z' or c == 'Z' or (c == ':' and fmt[i + 2:i + 3] == 'z'):
            _compile_glibc(fmt[start:i], ops)
            ops.append(_PY_F if c == 'f' else _PY_Z if c == 'z' else
                       _PY_NAME if c == 'Z' else _PY_COLON_Z)
            i += 3 if c == ':' else 2
            start = i
        else:
            i += 2
    _compile_glibc(fmt[start:], ops)
    if len(_cache) >= 256:
        _cache.clear()
    _cache[fmt] = ops
    return ops


def _run(ops, tm, us, getoff, getname):
    out = []
    for op in ops:
        t = type(op)
        if t is str:
            out.append(op)
        elif t is int:
            if op == _PY_F:
                out.append('%06d' % us)
            elif op == _PY_NAME:
                name = getname()
                out.append(name if name is not None else '')
            else:
                off = getoff()
                if off is not None:
                    out.append(format_offset(off, ':' if op == _PY_COLON_Z else ''))
        elif t is tuple:
            out.append(_conversion(tm, *op))
        else:
            out.append(op(tm))
    return ''.join(out)


def strftime(fmt, y, mo, d, hh, mi, ss, us, o, getoff, getname):
    """strftime for the datetime classes: CPython itself does %f %z %:z %Z,
    the rest is formatted the way glibc does in the C locale.  getoff()
    gives the UTC offset in microseconds (or None) and getname() the zone
    name (or None); they are called only when the format asks for them."""
    z = fmt.find('\x00')
    if z >= 0:
        fmt = fmt[:z]           # the C library stops at a NUL
    ops = _cache.get(fmt)
    if ops is None:
        ops = _compiled(fmt)
    return _run(ops, _Tm(y, mo, d, hh, mi, ss, o), us, getoff, getname)


# ---- ISO 8601 parsing ---------------------------------------------------
#
# These follow CPython's C parser: only ASCII digits count, the character
# separating date and time may be anything, and reading past the end of the
# string behaves like meeting the C string's terminating NUL.

def _digits(s, i, n):
    """Value of the n ASCII digits at s[i:], or None."""
    t = s[i:i + n]
    if len(t) == n and t.isascii() and t.isdigit():
        return int(t)
    return None


def _at(s, i):
    # Past the end the C string holds its terminating NUL.
    return s[i] if i < len(s) else '\x00'


def parse_date(s, length):
    """(year, month, day) from s[:length] (the date part), or None."""
    y = _digits(s, 0, 4)
    if y is None:
        return None
    p = 4
    dash = _at(s, p) == '-'
    if dash:
        p += 1
    if _at(s, p) == 'W':
        week = _digits(s, p + 1, 2)
        if week is None:
            return None
        p += 3
        if p < length:
            if dash:
                if _at(s, p) != '-':
                    return None
                p += 1
            day = _digits(s, p, 1)
            if day is None:
                return None
        else:
            day = 1
        return iso_to_ymd(y, week, day)
    m = _digits(s, p, 2)
    if m is None:
        return None
    p += 2
    if dash:
        if _at(s, p) != '-':
            return None
        p += 1
    d = _digits(s, p, 2)
    if d is None:
        return None
    return y, m, d


def iso_to_ymd(y, week, day):
    """Date of an ISO year/week/day, or None when week or day is invalid."""
    if not 1 <= y <= 9999:
        return None
    if week <= 0 or week >= 53:
        if week != 53:
            return None
        jan1 = (ymd2ord(y, 1, 1) + 6) % 7
        if not (jan1 == 3 or (jan1 == 2 and is_leap(y))):
            return None
    if day <= 0 or day >= 8:
        return None
    return ord2ymd(iso_week1_monday(y) + (week - 1) * 7 + day - 1)


def datetime_separator(s):
    """Where the date part of a datetime string ends, or -1."""
    n = len(s)
    if n == 7:
        return 7
    if _at(s, 4) == '-':
        if _at(s, 5) != 'W':
            return 10
        if n < 8:
            return -1
        if n > 8 and s[8] == '-':
            if n == 9:
                return -1
            if n > 10 and '0' <= s[10] <= '9':
                return 8
            return 10
        return 8
    if _at(s, 4) == 'W':
        idx = 7
        while idx < n and '0' <= s[idx] <= '9':
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


def _hh_mm_ss_ff(s, start, end):
    """Parse [HH[:MM[:SS[.ffffff]]]] in s[start:end].  Returns
    (status, h, m, sec, us): status < 0 is an error, 1 means characters
    were left over, 0 a clean end."""
    vals = [0, 0, 0]
    p = start
    colon = True
    fraction = False
    for i in range(3):
        v = _digits(s, p, 2)
        if v is None:
            return -3, 0, 0, 0, 0
        vals[i] = v
        p += 2
        c = _at(s, p)
        p += 1
        if i == 0:
            colon = c == ':'
        if p >= end:
            return (0 if c == '\x00' else 1), vals[0], vals[1], vals[2], 0
        if colon and c == ':':
            continue
        if c == '.' or c == ',':
            fraction = True
            break
        if not colon:
            p -= 1
        else:
            return -4, 0, 0, 0, 0
    # The C parser reads a fraction here even when none was announced.
    left = end - p
    take = 6 if left >= 6 else left
    us = _digits(s, p, take)
    if us is None or take == 0:
        return -3, 0, 0, 0, 0
    us *= 10 ** (6 - take)
    p += take
    while '0' <= _at(s, p) <= '9':
        p += 1
    return (0 if _at(s, p) == '\x00' else 1), vals[0], vals[1], vals[2], us


def parse_time(s, start):
    """Parse the time part s[start:] with an optional UTC offset.
    Returns None when invalid, else (h, m, sec, us, tz) where tz is None or
    (offset seconds, offset microseconds)."""
    n = len(s)
    tzpos = start
    while True:
        c = _at(s, tzpos)
        if c == 'Z' or c == '+' or c == '-':
            break
        tzpos += 1
        if tzpos >= n:
            break
    rv, h, m, sec, us = _hh_mm_ss_ff(s, start, tzpos)
    if rv < 0:
        return None
    if tzpos >= n:
        if rv == 1:
            return None
        return h, m, sec, us, None
    if s[tzpos] == 'Z':
        if tzpos + 1 != n:
            return None
        return h, m, sec, us, (0, 0)
    sign = -1 if s[tzpos] == '-' else 1
    rv, th, tm, ts, tus = _hh_mm_ss_ff(s, tzpos + 1, n)
    if rv != 0:
        return None
    return h, m, sec, us, (sign * (th * 3600 + tm * 60 + ts), sign * tus)
