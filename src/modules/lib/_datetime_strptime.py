"""strptime for datetime.datetime, in the C/English locale.

CPython turns the format into a regular expression (compiled with
IGNORECASE) and matches it against the data; this module matches the same
language directly, trying the alternatives of each directive in the same
order and backtracking the same way, then converts the fields as CPython's
_strptime does."""

from _datetime_util import ymd2ord as _ymd2ord, is_leap as _is_leap

_DIGIT = None                 # stands for \d (any Unicode decimal digit)

# Each directive: a list of alternatives, each a sequence of character
# classes (a string of allowed characters, or _DIGIT).
def _alts(*specs):
    out = []
    for spec in specs:
        classes = []
        i = 0
        while i < len(spec):
            c = spec[i]
            if c == '[':
                j = spec.index(']', i)
                lo, hi = spec[i + 1], spec[j - 1]
                classes.append(''.join(chr(k) for k in range(ord(lo), ord(hi) + 1)))
                i = j + 1
            elif c == 'D':
                classes.append(_DIGIT)
                i += 1
            else:
                classes.append(c)
                i += 1
        out.append(tuple(classes))
    return out


_NUMERIC = {
    'd': _alts('3[0-1]', '[1-2]D', '0[1-9]', '[1-9]', ' [1-9]'),
    'H': _alts('2[0-3]', '[0-1]D', 'D'),
    'I': _alts('1[0-2]', '0[1-9]', '[1-9]'),
    'G': _alts('DDDD'),
    'j': _alts('36[0-6]', '3[0-5]D', '[1-2]DD', '0[1-9]D', '00[1-9]',
               '[1-9]D', '0[1-9]', '[1-9]'),
    'm': _alts('1[0-2]', '0[1-9]', '[1-9]'),
    'M': _alts('[0-5]D', 'D'),
    'S': _alts('6[0-1]', '[0-5]D', 'D'),
    'U': _alts('5[0-3]', '[0-4]D', 'D'),
    'W': _alts('5[0-3]', '[0-4]D', 'D'),
    'w': _alts('[0-6]'),
    'u': _alts('[1-7]'),
    'V': _alts('5[0-3]', '0[1-9]', '[1-4]D', 'D'),
    'y': _alts('DD'),
    'Y': _alts('DDDD'),
}

_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday',
             'saturday', 'sunday']
_WEEKDAY_ABBRS = [d[:3] for d in _WEEKDAYS]
_MONTHS = ['', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
           'august', 'september', 'october', 'november', 'december']
_MONTH_ABBRS = [''] + [m[:3] for m in _MONTHS[1:]]
_AM_PM = ['am', 'pm']


def _zone_names():
    import time
    names = getattr(time, 'tzname', ('UTC', 'UTC'))
    no_dst = {'utc', 'gmt', names[0].lower()}
    dst = {names[1].lower()} if getattr(time, 'daylight', 0) else set()
    return list(no_dst) + list(dst)


def _longest_first(names):
    return sorted(names, key=len, reverse=True)


_NAMES = {
    'A': _longest_first(_WEEKDAYS),
    'a': _longest_first(_WEEKDAY_ABBRS),
    'B': _longest_first(_MONTHS[1:]),
    'b': _longest_first(_MONTH_ABBRS[1:]),
    'p': _AM_PM,
}
_LOCALE_FORMATS = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}
_REGEX_SPECIAL = frozenset('\\.^$*+?(){}[]|')


# ---- candidates: lengths a directive can match at a position, in the
# order the regular expression would try them --------------------------------

def _class_ok(cls, c):
    if cls is _DIGIT:
        return c.isdecimal()
    return c in cls


def _numeric_lengths(alts, s, pos):
    n = len(s)
    seen = []
    for alt in alts:
        k = len(alt)
        if pos + k > n or k in seen:
            continue
        for i in range(k):
            if not _class_ok(alt[i], s[pos + i]):
                break
        else:
            seen.append(k)
    return seen


def _fraction_lengths(s, pos):
    k = 0
    while k < 6 and pos + k < len(s) and '0' <= s[pos + k] <= '9':
        k += 1
    return list(range(k, 0, -1))


def _name_lengths(names, s, pos):
    out = []
    for name in names:
        k = len(name)
        if k and k not in out and s[pos:pos + k].lower() == name:
            out.append(k)
    return out


def _digit_at(s, i):
    return i < len(s) and s[i].isdecimal()


def _offset_lengths(s, pos):
    """[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|Z"""
    out = []
    n = len(s)
    if pos < n and s[pos] in '+-' and _digit_at(s, pos + 1) and _digit_at(s, pos + 2):
        p = pos + 3
        for colon in ((1, 0) if p < n and s[p] == ':' else (0,)):
            q = p + colon
            if not (q + 1 < n and s[q] in '012345' and s[q + 1].isdecimal()):
                continue
            q += 2
            # The optional seconds group, greedy: present first.
            for colon2 in ((1, 0) if q < n and s[q] == ':' else (0,)):
                r = q + colon2
                if r + 1 < n and s[r] in '012345' and s[r + 1].isdecimal():
                    r += 2
                    if r < n and s[r] == '.':
                        k = 0
                        while k < 6 and _digit_at(s, r + 1 + k):
                            k += 1
                        for j in range(k, 0, -1):
                            out.append(r + 1 + j - pos)
                    out.append(r - pos)
            out.append(q - pos)
    if pos < n and s[pos] == 'Z':
        out.append(1)
    return out


# ---- compiling a format ----------------------------------------------------

_LIT, _WS, _DIR = 0, 1, 2


def _tokens(fmt, whole, out, flags):
    n = len(fmt)
    i = 0
    while i < n:
        c = fmt[i]
        if c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append((_WS,))
            continue
        if c != '%':
            out.append((_LIT, c, c.lower()))
            i += 1
            continue
        if i + 1 >= n:
            raise ValueError("stray %% in format '%s'" % whole)
        d = fmt[i + 1]
        i += 2
        if d.isspace() or d in _REGEX_SPECIAL:
            raise ValueError("'%%' is a bad directive in format '%s'" % whole)
        if d == '%':
            out.append((_LIT, '%', '%'))
        elif d in _LOCALE_FORMATS:
            _tokens(_LOCALE_FORMATS[d], whole, out, flags)
        elif d in _NUMERIC or d in _NAMES or d in 'fzZ':
            out.append((_DIR, d))
            if d in 'YyG':
                flags['year'] = True
            elif d == 'd':
                flags['day'] = True
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (d, whole))
    return out


_cache = {}


def _compile(fmt):
    tokens = _cache.get(fmt)
    if tokens is None:
        flags = {}
        tokens = _tokens(fmt, fmt, [], flags)
        if flags.get('day') and not flags.get('year'):
            import warnings
            warnings.warn(
                "Parsing dates involving a day of month without a year specified "
                "is ambiguious\nand fails to parse leap day. The default behavior "
                "will change in Python 3.15\nto either always raise an exception "
                "or to use a different default year (TBD).\nTo avoid trouble, add "
                "a specific year to the input & format.\nSee "
                "https://github.com/python/cpython/issues/70647.",
                DeprecationWarning, stacklevel=4)
        if len(_cache) > 64:
            _cache.clear()
        _cache[fmt] = tokens
    return tokens


def _lengths(d, s, pos):
    alts = _NUMERIC.get(d)
    if alts is not None:
        return _numeric_lengths(alts, s, pos)
    if d == 'f':
        return _fraction_lengths(s, pos)
    if d == 'z':
        return _offset_lengths(s, pos)
    if d == 'Z':
        return _name_lengths(_longest_first(_zone_names()), s, pos)
    return _name_lengths(_NAMES[d], s, pos)


def _match(tokens, s):
    """Captured (directive, text) pairs and the end of the match, or None."""
    n = len(s)
    ntok = len(tokens)
    caps = []

    def walk(ti, pos):
        while ti < ntok:
            tok = tokens[ti]
            kind = tok[0]
            if kind == _LIT:
                if pos < n and (s[pos] == tok[1] or s[pos].lower() == tok[2]):
                    ti += 1
                    pos += 1
                    continue
                return -1
            if kind == _WS:
                end = pos
                while end < n and s[end].isspace():
                    end += 1
                for e in range(end, pos, -1):
                    r = walk(ti + 1, e)
                    if r >= 0:
                        return r
                return -1
            depth = len(caps)
            for k in _lengths(tok[1], s, pos):
                caps.append((tok[1], s[pos:pos + k]))
                r = walk(ti + 1, pos + k)
                if r >= 0:
                    return r
                del caps[depth:]
            return -1
        return pos

    end = walk(0, 0)
    if end < 0:
        return None
    return caps, end


# ---- conversion ----------------------------------------------------------------

def _int(text):
    """int() of matched digits; \\d also matches non-ASCII decimal digits,
    which aio's int() does not read, so those are converted here."""
    if text.isascii():
        return int(text)
    v = 0
    for c in text:
        o = ord(c)
        start = o
        # Decimal digits come in whole runs of ten starting at zero.
        while chr(start - 1).isdecimal():
            start -= 1
        v = v * 10 + (o - start) % 10
    return v


def _julian_from_week(year, week, weekday, monday_first):
    """Day of the year (1-based, may be <= 0) for a %U/%W week number."""
    first = (_ymd2ord(year, 1, 1) + 6) % 7
    if not monday_first:
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    if week == 0:
        return 1 + weekday - first
    return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday


def _offset(text):
    if text == 'Z':
        return 0, 0
    z = text
    if z[3] == ':':
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ':':
                raise ValueError('Inconsistent use of : in %s' % text)
            z = z[:5] + z[6:]
    secs = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
    frac = z[8:]
    us = int(frac + '0' * (6 - len(frac)))
    if z[0] == '-':
        return -secs, -us
    return secs, us


def parse(data, fmt):
    """(year, month, day, hour, minute, second, microsecond, gmtoff,
    gmtoff_fraction, zone name) parsed from *data* by *fmt*."""
    from _datetime_base import date
    found = _match(_compile(fmt), data)
    if found is None:
        raise ValueError('time data %r does not match format %r' % (data, fmt))
    caps, end = found
    if end != len(data):
        raise ValueError('unconverted data remains: %s' % data[end:])
    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week = None
    monday_first = False
    weekday = julian = None
    zone = None
    ampm = ''
    for d, text in caps:
        if d == 'p':
            ampm = text.lower()
    for d, text in caps:
        if d == 'y':
            year = _int(text)
            year += 2000 if year <= 68 else 1900
        elif d == 'Y':
            year = _int(text)
        elif d == 'G':
            iso_year = _int(text)
        elif d == 'm':
            month = _int(text)
        elif d == 'B':
            month = _MONTHS.index(text.lower())
        elif d == 'b':
            month = _MONTH_ABBRS.index(text.lower())
        elif d == 'd':
            day = _int(text)
        elif d == 'H':
            hour = _int(text)
        elif d == 'I':
            hour = _int(text)
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm' and hour != 12:
                hour += 12
        elif d == 'M':
            minute = _int(text)
        elif d == 'S':
            second = _int(text)
        elif d == 'f':
            fraction = int(text + '0' * (6 - len(text)))
        elif d == 'A':
            weekday = _WEEKDAYS.index(text.lower())
        elif d == 'a':
            weekday = _WEEKDAY_ABBRS.index(text.lower())
        elif d == 'w':
            weekday = (_int(text) + 6) % 7
        elif d == 'u':
            weekday = _int(text) - 1
        elif d == 'j':
            julian = _int(text)
        elif d == 'U' or d == 'W':
            week = _int(text)
            monday_first = d == 'W'
        elif d == 'V':
            iso_week = _int(text)
        elif d == 'z':
            gmtoff, gmtoff_fraction = _offset(text)
        elif d == 'Z':
            zone = text
    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible "
                             "with ISO year directive '%G'. Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO "
                             "week directive '%V' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO "
                             "year directive '%G' and a weekday directive "
                             "('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")
    leap_fix = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904          # a leap year, so that Feb 29 can be checked
            leap_fix = True
        else:
            year = 1900
    if julian is None and weekday is not None:
        if week is not None:
            julian = _julian_from_week(date(year, 1, 1).year, week, weekday,
                                       monday_first)
        elif iso_year is not None and iso_week is not None:
            r = date.fromisocalendar(iso_year, iso_week, weekday + 1)
            year, month, day = r.year, r.month, r.day
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        date(year, month, day)           # validates, as CPython does
    else:
        r = date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())
        year, month, day = r.year, r.month, r.day
    if leap_fix:
        year = 1900
    return (year, month, day, hour, minute, second, fraction, gmtoff,
            gmtoff_fraction, zone)
