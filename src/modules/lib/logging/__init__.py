"""Logging package for aio, following the behaviour of CPython 3.13's logging."""

import sys
import time

__all__ = ['BASIC_FORMAT', 'BufferingFormatter', 'CRITICAL', 'DEBUG', 'ERROR',
           'FATAL', 'FileHandler', 'Filter', 'Formatter', 'Handler', 'INFO',
           'LogRecord', 'Logger', 'LoggerAdapter', 'NOTSET', 'NullHandler',
           'StreamHandler', 'WARN', 'WARNING', 'addLevelName', 'basicConfig',
           'captureWarnings', 'critical', 'debug', 'disable', 'error',
           'exception', 'fatal', 'getLevelName', 'getLogger', 'getLoggerClass',
           'info', 'log', 'makeLogRecord', 'setLoggerClass', 'shutdown',
           'warn', 'warning', 'getLogRecordFactory', 'setLogRecordFactory',
           'lastResort', 'raiseExceptions', 'getLevelNamesMapping',
           'getHandlerByName', 'getHandlerNames']

raiseExceptions = True
logThreads = True
logMultiprocessing = True
logProcesses = True
logAsyncioTasks = True


def _now_ns():
    getter = getattr(time, 'time_ns', None)
    if getter is not None:
        return getter()
    return int(time.time() * 1e9)


_startTime = _now_ns()

# ---------------------------------------------------------------- levels

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_levelToName = {
    CRITICAL: 'CRITICAL',
    ERROR: 'ERROR',
    WARNING: 'WARNING',
    INFO: 'INFO',
    DEBUG: 'DEBUG',
    NOTSET: 'NOTSET',
}
_nameToLevel = {
    'CRITICAL': CRITICAL,
    'FATAL': FATAL,
    'ERROR': ERROR,
    'WARN': WARNING,
    'WARNING': WARNING,
    'INFO': INFO,
    'DEBUG': DEBUG,
    'NOTSET': NOTSET,
}


def getLevelNamesMapping():
    return _nameToLevel.copy()


def getLevelName(level):
    """Name of a numeric level, number of a level name, or 'Level %s'."""
    found = _levelToName.get(level)
    if found is not None:
        return found
    found = _nameToLevel.get(level)
    if found is not None:
        return found
    return "Level %s" % level


def addLevelName(level, levelName):
    with _lock:
        _levelToName[level] = levelName
        _nameToLevel[levelName] = level


def _checkLevel(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _nameToLevel:
            raise ValueError("Unknown level: %r" % level)
        return _nameToLevel[level]
    raise TypeError("Level not an integer or a valid string: %r" % (level,))


# ---------------------------------------------------------------- locks

class _NoLock:
    """aio runs handlers on one thread; this lock only keeps the API shape."""

    def acquire(self, *args, **kwargs):
        return True

    def release(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def _at_fork_reinit(self):
        pass


def _make_lock():
    try:
        import threading as _th
        return _th.RLock()
    except ImportError:
        return _NoLock()


_lock = _make_lock()


def _acquireLock():
    _lock.acquire()


def _releaseLock():
    _lock.release()


# ---------------------------------------------------------------- frames / paths

def currentframe():
    getter = getattr(sys, '_getframe', None)
    if getter is None:
        return None
    try:
        return getter(1)
    except Exception:
        return None


def _own_filename():
    code = getattr(addLevelName, '__code__', None)
    if code is None:
        return None
    return getattr(code, 'co_filename', None)


_srcfile = _own_filename()


def _is_internal_frame(frame):
    name = frame.f_code.co_filename
    return name == _srcfile or ("importlib" in name and "_bootstrap" in name)


def _basename(path):
    return path.rpartition('/')[2]


def _strip_ext(name):
    dot = name.rfind('.')
    if dot <= 0:
        return name
    if name[:dot].strip('.') == '':
        return name
    return name[:dot]


class _TextBuffer:
    """Minimal in-memory text sink (write/getvalue), used instead of io.StringIO."""

    def __init__(self):
        self._parts = []

    def write(self, text):
        self._parts.append(text)
        return len(text)

    def flush(self):
        pass

    def getvalue(self):
        return ''.join(self._parts)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _current_exc_info():
    info = getattr(sys, 'exc_info', None)
    if info is not None:
        return info()
    getter = getattr(sys, 'exception', None)
    if getter is not None:
        exc = getter()
        if exc is not None:
            return (type(exc), exc, exc.__traceback__)
    return (None, None, None)


# ---------------------------------------------------------------- process / thread / task

_threading_module = None
_os_module = None
_probed = False


def _probe_modules():
    global _threading_module, _os_module, _probed
    _probed = True
    try:
        import threading as _th
        _threading_module = _th
    except ImportError:
        _threading_module = None
    try:
        import os as _os
        _os_module = _os
    except ImportError:
        _os_module = None


def _thread_info():
    if not _probed:
        _probe_modules()
    if _threading_module is None:
        return 1, 'MainThread'
    try:
        return _threading_module.get_ident(), _threading_module.current_thread().name
    except Exception:
        return 1, 'MainThread'


def _process_id():
    if not _probed:
        _probe_modules()
    if _os_module is None:
        # no os module: keep %(process)d usable
        return 1
    try:
        return _os_module.getpid()
    except Exception:
        return 1


_asyncio_module = None


def _task_name():
    global _asyncio_module
    if _asyncio_module is None:
        mods = getattr(sys, 'modules', None)
        if mods is not None:
            _asyncio_module = mods.get('asyncio')
            if _asyncio_module is None:
                return None
        else:
            try:
                import asyncio as _aio
            except Exception:
                return None
            _asyncio_module = _aio
    try:
        return _asyncio_module.current_task().get_name()
    except Exception:
        return None


def _is_mapping(obj):
    if isinstance(obj, dict):
        return True
    if isinstance(obj, (str, bytes, tuple, list)):
        return False
    return hasattr(obj, 'keys') and hasattr(obj, '__getitem__') and hasattr(obj, '__len__')


# ---------------------------------------------------------------- LogRecord

class LogRecord(object):
    """Everything known about one logged event."""

    def __init__(self, name, level, pathname, lineno, msg, args, exc_info,
                 func=None, sinfo=None, **kwargs):
        stamp = _now_ns()
        self.name = name
        self.msg = msg
        if (args and len(args) == 1 and _is_mapping(args[0]) and args[0]):
            args = args[0]
        self.args = args
        self.levelname = getLevelName(level)
        self.levelno = level
        self.pathname = pathname
        try:
            self.filename = _basename(pathname)
            self.module = _strip_ext(self.filename)
        except (TypeError, ValueError, AttributeError):
            self.filename = pathname
            self.module = "Unknown module"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = stamp / 1e9
        self.msecs = (stamp % 1000000000) // 1000000 + 0.0
        self.relativeCreated = (stamp - _startTime) / 1e6
        if logThreads:
            self.thread, self.threadName = _thread_info()
        else:
            self.thread = None
            self.threadName = None
        if logMultiprocessing:
            self.processName = 'MainProcess'
        else:
            self.processName = None
        if logProcesses:
            self.process = _process_id()
        else:
            self.process = None
        self.taskName = _task_name() if logAsyncioTasks else None

    def __repr__(self):
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (
            self.name, self.levelno, self.pathname, self.lineno, self.msg)

    def getMessage(self):
        text = str(self.msg)
        if self.args:
            text = text % self.args
        return text


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    return _logRecordFactory


def makeLogRecord(dict):
    record = _logRecordFactory(None, None, "", 0, "", (), None, None)
    for key in dict:
        setattr(record, key, dict[key])
    return record


# ---------------------------------------------------------------- format styles

def _is_word_char(ch):
    return ch.isalnum() or ch == '_'


def _scan_percent_field(fmt, i):
    """If a valid '%(name)...conv' directive starts at fmt[i], return True."""
    n = len(fmt)
    if i + 1 >= n or fmt[i] != '%' or fmt[i + 1] != '(':
        return False
    j = i + 2
    start = j
    while j < n and _is_word_char(fmt[j]):
        j += 1
    if j == start or j >= n or fmt[j] != ')':
        return False
    j += 1
    while j < n and fmt[j] in '#0+ -':
        j += 1
    if j < n and fmt[j] == '*':
        j += 1
    else:
        while j < n and fmt[j].isdigit():
            j += 1
    if j < n and fmt[j] == '.':
        k = j + 1
        if k < n and fmt[k] == '*':
            k += 1
        else:
            while k < n and fmt[k].isdigit():
                k += 1
        j = k
    return j < n and fmt[j].lower() in 'diouxefgcrsa%'


class PercentStyle(object):

    default_format = '%(message)s'
    asctime_format = '%(asctime)s'
    asctime_search = '%(asctime)'

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt or self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self._fmt.find(self.asctime_search) >= 0

    def validate(self):
        fmt = self._fmt
        i = fmt.find('%(')
        while i >= 0:
            if _scan_percent_field(fmt, i):
                return
            i = fmt.find('%(', i + 1)
        raise ValueError("Invalid format '%s' for '%s' style"
                         % (self._fmt, self.default_format[0]))

    def _values(self, record):
        values = dict(vars(record))
        if self._defaults:
            merged = dict(self._defaults)
            merged.update(values)
            values = merged
        return values

    def _format(self, record):
        return self._fmt % self._values(record)

    def format(self, record):
        try:
            return self._format(record)
        except KeyError as e:
            raise ValueError('Formatting field not found in record: %s' % e)


def _parse_braces(fmt):
    """Split a str.format string into (literal, field, spec, conversion) tuples,
    raising ValueError like string.Formatter.parse does."""
    out = []
    n = len(fmt)
    i = 0
    literal = ''
    while i < n:
        ch = fmt[i]
        if ch == '{':
            if i + 1 < n and fmt[i + 1] == '{':
                literal += '{'
                i += 2
                continue
            depth = 1
            j = i + 1
            while j < n and depth:
                if fmt[j] == '{':
                    depth += 1
                elif fmt[j] == '}':
                    depth -= 1
                j += 1
            if depth:
                raise ValueError("expected '}' before end of string")
            body = fmt[i + 1:j - 1]
            # split body into field[!conv][:spec]
            k = 0
            bracket = False
            field_end = len(body)
            while k < len(body):
                c = body[k]
                if c == '[':
                    bracket = True
                elif c == ']':
                    bracket = False
                elif not bracket and c in '!:':
                    field_end = k
                    break
                k += 1
            field = body[:field_end]
            rest = body[field_end:]
            conversion = None
            spec = ''
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = rest[1]
                rest = rest[2:]
                if rest and not rest.startswith(':'):
                    raise ValueError("expected ':' after conversion specifier")
            if rest.startswith(':'):
                spec = rest[1:]
            out.append((literal, field, spec, conversion))
            literal = ''
            i = j
        elif ch == '}':
            if i + 1 < n and fmt[i + 1] == '}':
                literal += '}'
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        else:
            literal += ch
            i += 1
    if literal:
        out.append((literal, None, None, None))
    return out


def _match_field_name(name):
    # ^(\d+|\w+)(\.\w+|\[[^]]+\])*$
    n = len(name)
    i = 0
    while i < n and _is_word_char(name[i]):
        i += 1
    if i == 0:
        return False
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and _is_word_char(name[j]):
                j += 1
            if j == i + 1:
                return False
            i = j
        elif name[i] == '[':
            close = name.find(']', i + 1)
            if close <= i + 1:
                return False
            i = close + 1
        else:
            return False
    return True


def _match_width_part(spec, i):
    # (\d+|{\w+})?  -> returns new index
    n = len(spec)
    if i < n and spec[i] == '{':
        j = i + 1
        while j < n and _is_word_char(spec[j]):
            j += 1
        if j > i + 1 and j < n and spec[j] == '}':
            return j + 1
        return i
    while i < n and spec[i].isdigit():
        i += 1
    return i


def _match_format_spec(spec):
    # ^(.?[<>=^])?[+ -]?#?0?(\d+|{\w+})?[,_]?(\.(\d+|{\w+}))?[bcdefgnosx%]?$  (re.I)
    candidates = [0]
    if len(spec) >= 1 and spec[0] in '<>=^':
        candidates.append(1)
    if len(spec) >= 2 and spec[1] in '<>=^':
        candidates.append(2)
    for start in candidates:
        i = start
        n = len(spec)
        if i < n and spec[i] in '+ -':
            i += 1
        if i < n and spec[i] == '#':
            i += 1
        if i < n and spec[i] == '0':
            i += 1
        i = _match_width_part(spec, i)
        if i < n and spec[i] in ',_':
            i += 1
        if i < n and spec[i] == '.':
            j = _match_width_part(spec, i + 1)
            if j > i + 1:
                i = j
        if i < n and spec[i].lower() in 'bcdefgnosx%':
            i += 1
        if i == n:
            return True
    return False


class StrFormatStyle(PercentStyle):
    default_format = '{message}'
    asctime_format = '{asctime}'
    asctime_search = '{asctime'

    def _format(self, record):
        return self._fmt.format(**self._values(record))

    def validate(self):
        names = set()
        try:
            for _lit, field, spec, conversion in _parse_braces(self._fmt):
                if field:
                    if not _match_field_name(field):
                        raise ValueError('invalid field name/expression: %r' % field)
                    names.add(field)
                if conversion and conversion not in 'rsa':
                    raise ValueError('invalid conversion: %r' % conversion)
                if spec and not _match_format_spec(spec):
                    raise ValueError('bad specifier: %r' % spec)
        except ValueError as e:
            raise ValueError('invalid format: %s' % e)
        if not names:
            raise ValueError('invalid format: no fields')


def _ident_at(text, i):
    """End index of a [_a-z][_a-z0-9]* identifier starting at i (ASCII), or i."""
    n = len(text)
    if i < n and (text[i] == '_' or ('a' <= text[i].lower() <= 'z')):
        j = i + 1
        while j < n and (text[j] == '_' or ('a' <= text[j].lower() <= 'z') or ('0' <= text[j] <= '9')):
            j += 1
        return j
    return i


def _template_tokens(text):
    """Yield ('text', s) / ('escaped', '$') / ('name', n) / ('invalid', pos) parts of a $-template."""
    n = len(text)
    i = 0
    buf = ''
    while i < n:
        ch = text[i]
        if ch != '$':
            buf += ch
            i += 1
            continue
        if buf:
            yield ('text', buf)
            buf = ''
        if i + 1 < n and text[i + 1] == '$':
            yield ('escaped', '$')
            i += 2
            continue
        end = _ident_at(text, i + 1)
        if end > i + 1:
            yield ('name', text[i + 1:end])
            i = end
            continue
        if i + 1 < n and text[i + 1] == '{':
            end = _ident_at(text, i + 2)
            if end > i + 2 and end < n and text[end] == '}':
                yield ('name', text[i + 2:end])
                i = end + 1
                continue
        yield ('invalid', i)
        i += 1
    if buf:
        yield ('text', buf)


def _template_substitute(text, values):
    pieces = []
    for kind, val in _template_tokens(text):
        if kind == 'text':
            pieces.append(val)
        elif kind == 'escaped':
            pieces.append('$')
        elif kind == 'name':
            pieces.append('%s' % (values[val],))
        else:
            before = text[:val]
            lines = before.splitlines(True)
            if not lines:
                colno = 1
                lineno = 1
            else:
                colno = val - len(''.join(lines[:-1]))
                lineno = len(lines)
            raise ValueError('Invalid placeholder in string: line %d, col %d'
                             % (lineno, colno))
    return ''.join(pieces)


class StringTemplateStyle(PercentStyle):
    default_format = '${message}'
    asctime_format = '${asctime}'
    asctime_search = '${asctime}'

    def usesTime(self):
        fmt = self._fmt
        return fmt.find('$asctime') >= 0 or fmt.find(self.asctime_search) >= 0

    def validate(self):
        names = set()
        for kind, val in _template_tokens(self._fmt):
            if kind == 'name':
                names.add(val)
            elif kind == 'invalid':
                if self._fmt[val:val + 1] == '$' and not _ident_at(self._fmt, val + 1) > val + 1:
                    raise ValueError("invalid format: bare '$' not allowed")
        if not names:
            raise ValueError('invalid format: no fields')

    def _format(self, record):
        return _template_substitute(self._fmt, self._values(record))


BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

_STYLES = {
    '%': (PercentStyle, BASIC_FORMAT),
    '{': (StrFormatStyle, '{levelname}:{name}:{message}'),
    '$': (StringTemplateStyle, '${levelname}:${name}:${message}'),
}


# ---------------------------------------------------------------- time formatting fallback

_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
           'August', 'September', 'October', 'November', 'December']


class _UTCTime(tuple):
    """(year, mon, mday, hour, min, sec, wday, yday, isdst) like time.struct_time."""

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])


def _utc_struct(secs=None):
    if secs is None:
        secs = time.time()
    whole = int(secs // 1)
    days = whole // 86400
    rem = whole - days * 86400
    # civil-from-days (proleptic Gregorian)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    year = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    if month <= 2:
        year += 1
    leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0
    starts = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    yday = starts[month - 1] + day + (1 if leap and month > 2 else 0)
    wday = (days + 3) % 7  # 1970-01-01 was a Thursday
    return _UTCTime((year, month, day, rem // 3600, (rem // 60) % 60, rem % 60,
                     wday, yday, 0))


def _strftime_fallback(fmt, st):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != '%' or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        code = fmt[i + 1]
        i += 2
        year, mon, mday, hour, minute, sec, wday, yday = st[0], st[1], st[2], st[3], st[4], st[5], st[6], st[7]
        if code == 'Y':
            out.append('%d' % year)
        elif code == 'y':
            out.append('%02d' % (year % 100))
        elif code == 'm':
            out.append('%02d' % mon)
        elif code == 'd':
            out.append('%02d' % mday)
        elif code == 'H':
            out.append('%02d' % hour)
        elif code == 'I':
            out.append('%02d' % ((hour % 12) or 12))
        elif code == 'M':
            out.append('%02d' % minute)
        elif code == 'S':
            out.append('%02d' % sec)
        elif code == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif code == 'j':
            out.append('%03d' % yday)
        elif code == 'a':
            out.append(_WEEKDAYS[wday][:3])
        elif code == 'A':
            out.append(_WEEKDAYS[wday])
        elif code == 'b':
            out.append(_MONTHS[mon - 1][:3])
        elif code == 'B':
            out.append(_MONTHS[mon - 1])
        elif code == 'Z':
            out.append('UTC')
        elif code == 'z':
            out.append('+0000')
        elif code == '%':
            out.append('%')
        else:
            out.append('%' + code)
    return ''.join(out)


def _strftime(fmt, st):
    real = getattr(time, 'strftime', None)
    if real is not None and not isinstance(st, _UTCTime):
        return real(fmt, st)
    return _strftime_fallback(fmt, st)


_default_converter = getattr(time, 'localtime', None)


# ---------------------------------------------------------------- Formatter

class Formatter(object):
    """Turns a LogRecord into text."""

    # time.localtime is a builtin (never bound); the pure-Python UTC fallback must not bind either
    converter = _default_converter if _default_converter is not None else staticmethod(_utc_struct)
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%', validate=True, *,
                 defaults=None):
        if style not in _STYLES:
            raise ValueError('Style must be one of: %s' % ','.join(_STYLES.keys()))
        self._style = _STYLES[style][0](fmt, defaults=defaults)
        if validate:
            self._style.validate()
        self._fmt = self._style._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        convert = self.converter
        moment = convert(record.created)
        if datefmt:
            text = _strftime(datefmt, moment)
        else:
            text = _strftime(self.default_time_format, moment)
            if self.default_msec_format:
                text = self.default_msec_format % (text, record.msecs)
        return text

    def formatException(self, ei):
        import traceback as _tb
        sink = _TextBuffer()
        _tb.print_exception(ei[0], ei[1], ei[2], limit=None, file=sink)
        text = sink.getvalue()
        if text[-1:] == "\n":
            text = text[:-1]
        return text

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            if text[-1:] != "\n":
                text = text + "\n"
            text = text + record.exc_text
        if record.stack_info:
            if text[-1:] != "\n":
                text = text + "\n"
            text = text + self.formatStack(record.stack_info)
        return text


_defaultFormatter = Formatter()


class BufferingFormatter(object):
    """Formats a batch of records, with optional header and footer."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt if linefmt else _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        text = ""
        if len(records) > 0:
            text = text + self.formatHeader(records)
            for record in records:
                text = text + self.linefmt.format(record)
            text = text + self.formatFooter(records)
        return text


# ---------------------------------------------------------------- filters

class Filter(object):
    """Passes records from the named logger and its descendants."""

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        if self.nlen == 0:
            return True
        if self.name == record.name:
            return True
        if record.name.find(self.name, 0, self.nlen) != 0:
            return False
        return record.name[self.nlen] == "."


class Filterer(object):
    """Base of loggers and handlers: keeps a list of filters."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        if not (filter in self.filters):
            self.filters.append(filter)

    def removeFilter(self, filter):
        if filter in self.filters:
            self.filters.remove(filter)

    def filter(self, record):
        for flt in self.filters:
            if hasattr(flt, 'filter'):
                verdict = flt.filter(record)
            else:
                verdict = flt(record)
            if not verdict:
                return False
            if isinstance(verdict, LogRecord):
                record = verdict
        return record


# ---------------------------------------------------------------- handlers

_handlers = {}
_handlerList = []


def _register_handler(handler):
    with _lock:
        _handlerList.append(handler)


def _forget_handler(handler):
    with _lock:
        if handler in _handlerList:
            _handlerList.remove(handler)


def getHandlerByName(name):
    return _handlers.get(name)


def getHandlerNames():
    return frozenset(_handlers)


class Handler(Filterer):
    """Dispatches records to a destination; subclasses implement emit()."""

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self._closed = False
        _register_handler(self)
        self.createLock()

    def get_name(self):
        return self._name

    def set_name(self, name):
        with _lock:
            if self._name in _handlers:
                del _handlers[self._name]
            self._name = name
            if name:
                _handlers[name] = self

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = _make_lock()

    def _at_fork_reinit(self):
        pass

    def acquire(self):
        if self.lock:
            self.lock.acquire()

    def release(self):
        if self.lock:
            self.lock.release()

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def format(self, record):
        fmt = self.formatter if self.formatter else _defaultFormatter
        return fmt.format(record)

    def emit(self, record):
        raise NotImplementedError('emit must be implemented '
                                  'by Handler subclasses')

    def handle(self, record):
        verdict = self.filter(record)
        if isinstance(verdict, LogRecord):
            record = verdict
        if verdict:
            self.acquire()
            try:
                self.emit(record)
            finally:
                self.release()
        return verdict

    def setFormatter(self, fmt):
        self.formatter = fmt

    def flush(self):
        pass

    def close(self):
        with _lock:
            self._closed = True
            if self._name and self._name in _handlers:
                del _handlers[self._name]

    def handleError(self, record):
        if not (raiseExceptions and sys.stderr):
            return
        import traceback as _tb
        err = sys.stderr
        try:
            err.write('--- Logging error ---\n')
            info = _current_exc_info()
            _tb.print_exception(info[0], info[1], info[2], None, err)
            err.write('Call stack:\n')
            frame = None
            tb = info[2]
            if tb is not None and hasattr(tb, 'tb_frame'):
                frame = tb.tb_frame
            else:
                frame = currentframe()
            while frame is not None and _is_internal_frame(frame):
                frame = frame.f_back
            if frame is not None:
                _tb.print_stack(frame, file=err)
            else:
                err.write('Logged from file %s, line %s\n' % (record.filename, record.lineno))
            try:
                err.write('Message: %r\n'
                          'Arguments: %s\n' % (record.msg, record.args))
            except RecursionError:
                raise
            except Exception:
                err.write('Unable to print the message and arguments'
                          ' - possible formatting error.\nUse the'
                          ' traceback above to help find the error.\n')
        except OSError:
            pass

    def __repr__(self):
        return '<%s (%s)>' % (self.__class__.__name__, getLevelName(self.level))


class StreamHandler(Handler):
    """Writes formatted records to a stream (sys.stderr by default)."""

    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        if stream is None:
            stream = sys.stderr
        self.stream = stream

    def flush(self):
        with self.lock:
            if self.stream and hasattr(self.stream, "flush"):
                self.stream.flush()

    def emit(self, record):
        try:
            text = self.format(record)
            target = self.stream
            target.write(text + self.terminator)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        if stream is self.stream:
            return None
        previous = self.stream
        with self.lock:
            self.flush()
            self.stream = stream
        return previous

    def __repr__(self):
        level = getLevelName(self.level)
        name = getattr(self.stream, 'name', '')
        name = str(name)
        if name:
            name += ' '
        return '<%s %s(%s)>' % (self.__class__.__name__, name, level)


def _abspath(path):
    try:
        import os as _os
        return _os.path.abspath(_os.fspath(path))
    except ImportError:
        return path


class FileHandler(StreamHandler):
    """Writes formatted records to a file."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        try:
            import os as _os
            filename = _os.fspath(filename)
        except ImportError:
            filename = str(filename)
        self.baseFilename = _abspath(filename)
        self.mode = mode
        self.encoding = encoding
        if "b" not in mode and encoding is None:
            self.encoding = 'locale'
        self.errors = errors
        self.delay = delay
        self._builtin_open = open
        if delay:
            Handler.__init__(self)
            self.stream = None
        else:
            StreamHandler.__init__(self, self._open())

    def close(self):
        with self.lock:
            try:
                try:
                    if self.stream:
                        try:
                            self.flush()
                        finally:
                            stream = self.stream
                            self.stream = None
                            if hasattr(stream, "close"):
                                stream.close()
                finally:
                    StreamHandler.close(self)
            finally:
                pass

    def _open(self):
        opener = self._builtin_open
        if 'b' in self.mode:
            return opener(self.baseFilename, self.mode)
        encoding = None if self.encoding == 'locale' else self.encoding
        if encoding is None and self.errors is None:
            return opener(self.baseFilename, self.mode)
        return opener(self.baseFilename, self.mode, encoding=encoding,
                      errors=self.errors)

    def emit(self, record):
        if self.stream is None:
            if self.mode != 'w' or not self._closed:
                self.stream = self._open()
        if self.stream:
            StreamHandler.emit(self, record)

    def __repr__(self):
        return '<%s %s (%s)>' % (self.__class__.__name__, self.baseFilename,
                                 getLevelName(self.level))


class _StderrHandler(StreamHandler):
    """The last-resort handler: writes to whatever sys.stderr is at emit time."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


_defaultLastResort = _StderrHandler(WARNING)
lastResort = _defaultLastResort


class NullHandler(Handler):
    """Does nothing; libraries add it to stay silent by default."""

    def handle(self, record):
        pass

    def emit(self, record):
        pass

    def createLock(self):
        self.lock = None

    def _at_fork_reinit(self):
        pass


# ---------------------------------------------------------------- manager / hierarchy

class PlaceHolder(object):
    """Stands in the logger tree for a name nobody has asked for yet."""

    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        if alogger not in self.loggerMap:
            self.loggerMap[alogger] = None


_loggerClass = None


def setLoggerClass(klass):
    global _loggerClass
    if klass != Logger:
        if not issubclass(klass, Logger):
            raise TypeError("logger not derived from logging.Logger: "
                            + klass.__name__)
    _loggerClass = klass


def getLoggerClass():
    return _loggerClass


class Manager(object):
    """Holds the logger hierarchy."""

    def __init__(self, rootnode):
        self.root = rootnode
        self.disable = 0
        self.emittedNoHandlerWarning = False
        self.loggerDict = {}
        self.loggerClass = None
        self.logRecordFactory = None

    @property
    def disable(self):
        return self._disable

    @disable.setter
    def disable(self, value):
        self._disable = _checkLevel(value)

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')
        with _lock:
            if name in self.loggerDict:
                found = self.loggerDict[name]
                if isinstance(found, PlaceHolder):
                    holder = found
                    found = (self.loggerClass or _loggerClass)(name)
                    found.manager = self
                    self.loggerDict[name] = found
                    self._link_children(holder, found)
                    self._link_parents(found)
                return found
            created = (self.loggerClass or _loggerClass)(name)
            created.manager = self
            self.loggerDict[name] = created
            self._link_parents(created)
            return created

    def setLoggerClass(self, klass):
        if klass != Logger:
            if not issubclass(klass, Logger):
                raise TypeError("logger not derived from logging.Logger: "
                                + klass.__name__)
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _link_parents(self, alogger):
        name = alogger.name
        dot = name.rfind(".")
        parent = None
        while dot > 0 and parent is None:
            prefix = name[:dot]
            if prefix not in self.loggerDict:
                self.loggerDict[prefix] = PlaceHolder(alogger)
            else:
                node = self.loggerDict[prefix]
                if isinstance(node, Logger):
                    parent = node
                else:
                    node.append(alogger)
            dot = name.rfind(".", 0, dot - 1)
        if parent is None:
            parent = self.root
        alogger.parent = parent

    def _link_children(self, holder, alogger):
        name = alogger.name
        size = len(name)
        for child in holder.loggerMap.keys():
            if child.parent.name[:size] != name:
                alogger.parent = child.parent
                child.parent = alogger

    # CPython's names for the two helpers above
    _fixupParents = _link_parents
    _fixupChildren = _link_children

    def _clear_cache(self):
        with _lock:
            for node in self.loggerDict.values():
                if isinstance(node, Logger):
                    node._cache.clear()
            self.root._cache.clear()


# ---------------------------------------------------------------- Logger

def _hier_depth(alogger):
    if alogger is alogger.manager.root:
        return 0
    return 1 + alogger.name.count('.')


class Logger(Filterer):
    """A named channel for log messages."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        import warnings as _w
        _w.warn("The 'warn' method is deprecated, "
                "use 'warning' instead", DeprecationWarning, 2)
        self.warning(msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    def fatal(self, msg, *args, **kwargs):
        self.critical(msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")
            return
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def findCaller(self, stack_info=False, stacklevel=1):
        frame = currentframe()
        if frame is None:
            return "(unknown file)", 0, "(unknown function)", None
        while stacklevel > 0:
            outer = frame.f_back
            if outer is None:
                break
            frame = outer
            if not _is_internal_frame(frame):
                stacklevel -= 1
        code = frame.f_code
        sinfo = None
        if stack_info:
            import traceback as _tb
            sink = _TextBuffer()
            sink.write("Stack (most recent call last):\n")
            _tb.print_stack(frame, file=sink)
            sinfo = sink.getvalue()
            if sinfo[-1] == '\n':
                sinfo = sinfo[:-1]
        return code.co_filename, frame.f_lineno, code.co_name, sinfo

    def makeRecord(self, name, level, fn, lno, msg, args, exc_info,
                   func=None, extra=None, sinfo=None):
        record = _logRecordFactory(name, level, fn, lno, msg, args, exc_info,
                                   func, sinfo)
        if extra is not None:
            present = vars(record)
            for key in extra:
                if (key in ["message", "asctime"]) or (key in present):
                    raise KeyError("Attempt to overwrite %r in LogRecord" % key)
                setattr(record, key, extra[key])
        return record

    def _log(self, level, msg, args, exc_info=None, extra=None, stack_info=False,
             stacklevel=1):
        sinfo = None
        if _srcfile:
            try:
                fn, lno, func, sinfo = self.findCaller(stack_info, stacklevel)
            except ValueError:
                fn, lno, func = "(unknown file)", 0, "(unknown function)"
        else:
            fn, lno, func = "(unknown file)", 0, "(unknown function)"
        if exc_info:
            if isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            elif not isinstance(exc_info, tuple):
                exc_info = _current_exc_info()
        record = self.makeRecord(self.name, level, fn, lno, msg, args,
                                 exc_info, func, extra, sinfo)
        self.handle(record)

    def handle(self, record):
        if self.disabled:
            return
        verdict = self.filter(record)
        if not verdict:
            return
        if isinstance(verdict, LogRecord):
            record = verdict
        self.callHandlers(record)

    def addHandler(self, hdlr):
        with _lock:
            if not (hdlr in self.handlers):
                self.handlers.append(hdlr)

    def removeHandler(self, hdlr):
        with _lock:
            if hdlr in self.handlers:
                self.handlers.remove(hdlr)

    def hasHandlers(self):
        node = self
        while node:
            if node.handlers:
                return True
            if not node.propagate:
                return False
            node = node.parent
        return False

    def callHandlers(self, record):
        node = self
        seen = 0
        while node:
            for hdlr in node.handlers:
                seen += 1
                if record.levelno >= hdlr.level:
                    hdlr.handle(record)
            if not node.propagate:
                node = None
            else:
                node = node.parent
        if seen == 0:
            if lastResort:
                if record.levelno >= lastResort.level:
                    lastResort.handle(record)
            elif raiseExceptions and not self.manager.emittedNoHandlerWarning:
                sys.stderr.write("No handlers could be found for logger"
                                 " \"%s\"\n" % self.name)
                self.manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        node = self
        while node:
            if node.level:
                return node.level
            node = node.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        try:
            return self._cache[level]
        except KeyError:
            with _lock:
                if self.manager.disable >= level:
                    answer = self._cache[level] = False
                else:
                    answer = self._cache[level] = (level >= self.getEffectiveLevel())
            return answer

    def getChild(self, suffix):
        if self.root is not self:
            suffix = '.'.join((self.name, suffix))
        return self.manager.getLogger(suffix)

    def getChildren(self):
        depth = _hier_depth(self) + 1
        with _lock:
            return set(item for item in self.manager.loggerDict.values()
                       if isinstance(item, Logger) and item.parent is self
                       and _hier_depth(item) == depth)

    def __repr__(self):
        level = getLevelName(self.getEffectiveLevel())
        return '<%s %s (%s)>' % (self.__class__.__name__, self.name, level)

    def __reduce__(self):
        if getLogger(self.name) is not self:
            import pickle
            raise pickle.PicklingError('logger cannot be pickled')
        return getLogger, (self.name,)


class RootLogger(Logger):
    """The root of the logger tree, named 'root'."""

    def __init__(self, level):
        Logger.__init__(self, "root", level)

    def __reduce__(self):
        return getLogger, ()


_loggerClass = Logger


class LoggerAdapter(object):
    """Wraps a logger to add contextual information (``extra``) to its records."""

    def __init__(self, logger, extra=None, merge_extra=False):
        self.logger = logger
        self.extra = extra
        self.merge_extra = merge_extra

    def process(self, msg, kwargs):
        if self.merge_extra and "extra" in kwargs:
            merged = dict(self.extra)
            merged.update(kwargs["extra"])
            kwargs["extra"] = merged
        else:
            kwargs["extra"] = self.extra
        return msg, kwargs

    def debug(self, msg, *args, **kwargs):
        self.log(DEBUG, msg, *args, **kwargs)

    def info(self, msg, *args, **kwargs):
        self.log(INFO, msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        self.log(WARNING, msg, *args, **kwargs)

    def warn(self, msg, *args, **kwargs):
        import warnings as _w
        _w.warn("The 'warn' method is deprecated, "
                "use 'warning' instead", DeprecationWarning, 2)
        self.warning(msg, *args, **kwargs)

    def error(self, msg, *args, **kwargs):
        self.log(ERROR, msg, *args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.log(ERROR, msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        self.log(CRITICAL, msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            msg, kwargs = self.process(msg, kwargs)
            self.logger.log(level, msg, *args, **kwargs)

    def isEnabledFor(self, level):
        return self.logger.isEnabledFor(level)

    def setLevel(self, level):
        self.logger.setLevel(level)

    def getEffectiveLevel(self):
        return self.logger.getEffectiveLevel()

    def hasHandlers(self):
        return self.logger.hasHandlers()

    def _log(self, level, msg, args, **kwargs):
        return self.logger._log(level, msg, args, **kwargs)

    @property
    def manager(self):
        return self.logger.manager

    @manager.setter
    def manager(self, value):
        self.logger.manager = value

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        level = getLevelName(self.logger.getEffectiveLevel())
        return '<%s %s (%s)>' % (self.__class__.__name__, self.logger.name, level)


root = RootLogger(WARNING)
Logger.root = root
Logger.manager = Manager(Logger.root)


# ---------------------------------------------------------------- configuration

def basicConfig(**kwargs):
    """Give the root logger a handler and formatter, unless it already has handlers."""
    with _lock:
        force = kwargs.pop('force', False)
        encoding = kwargs.pop('encoding', None)
        errors = kwargs.pop('errors', 'backslashreplace')
        if force:
            for h in root.handlers[:]:
                root.removeHandler(h)
                h.close()
        if len(root.handlers) == 0:
            handlers = kwargs.pop("handlers", None)
            if handlers is None:
                if "stream" in kwargs and "filename" in kwargs:
                    raise ValueError("'stream' and 'filename' should not be "
                                     "specified together")
            else:
                if "stream" in kwargs or "filename" in kwargs:
                    raise ValueError("'stream' or 'filename' should not be "
                                     "specified together with 'handlers'")
            if handlers is None:
                filename = kwargs.pop("filename", None)
                mode = kwargs.pop("filemode", 'a')
                if filename:
                    if 'b' in mode:
                        errors = None
                    h = FileHandler(filename, mode, encoding=encoding, errors=errors)
                else:
                    stream = kwargs.pop("stream", None)
                    h = StreamHandler(stream)
                handlers = [h]
            datefmt = kwargs.pop("datefmt", None)
            style = kwargs.pop("style", '%')
            if style not in _STYLES:
                raise ValueError('Style must be one of: %s' % ','.join(_STYLES.keys()))
            fs = kwargs.pop("format", _STYLES[style][1])
            fmt = Formatter(fs, datefmt, style)
            for h in handlers:
                if h.formatter is None:
                    h.setFormatter(fmt)
                root.addHandler(h)
            level = kwargs.pop("level", None)
            if level is not None:
                root.setLevel(level)
            if kwargs:
                keys = ', '.join(kwargs.keys())
                raise ValueError('Unrecognised argument(s): %s' % keys)


def getLogger(name=None):
    """The logger called *name* (created on first use), or the root logger."""
    if not name or isinstance(name, str) and name == root.name:
        return root
    return Logger.manager.getLogger(name)


def critical(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.critical(msg, *args, **kwargs)


def fatal(msg, *args, **kwargs):
    critical(msg, *args, **kwargs)


def error(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.error(msg, *args, **kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    error(msg, *args, exc_info=exc_info, **kwargs)


def warning(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.warning(msg, *args, **kwargs)


def warn(msg, *args, **kwargs):
    import warnings as _w
    _w.warn("The 'warn' function is deprecated, "
            "use 'warning' instead", DeprecationWarning, 2)
    warning(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.info(msg, *args, **kwargs)


def debug(msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.debug(msg, *args, **kwargs)


def log(level, msg, *args, **kwargs):
    if len(root.handlers) == 0:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    root.manager.disable = level
    root.manager._clear_cache()


def shutdown(handlerList=_handlerList):
    """Flush and close every handler (called at exit in CPython)."""
    for h in reversed(handlerList[:]):
        if h is None:
            continue
        try:
            h.acquire()
            try:
                if getattr(h, 'flushOnClose', True):
                    h.flush()
                h.close()
            finally:
                h.release()
        except (OSError, ValueError):
            pass
        except Exception:
            if raiseExceptions:
                raise


# ---------------------------------------------------------------- warnings capture

_warnings_showwarning = None


def _showwarning(message, category, filename, lineno, file=None, line=None):
    if file is not None:
        if _warnings_showwarning is not None:
            _warnings_showwarning(message, category, filename, lineno, file, line)
    else:
        import warnings as _w
        text = _w.formatwarning(message, category, filename, lineno, line)
        channel = getLogger("py.warnings")
        if not channel.handlers:
            channel.addHandler(NullHandler())
        channel.warning(str(text))


def captureWarnings(capture):
    """Route warnings.showwarning output to the 'py.warnings' logger, or stop."""
    global _warnings_showwarning
    import warnings as _w
    if capture:
        if _warnings_showwarning is None:
            _warnings_showwarning = _w.showwarning
            _w.showwarning = _showwarning
    else:
        if _warnings_showwarning is not None:
            _w.showwarning = _warnings_showwarning
            _warnings_showwarning = None
