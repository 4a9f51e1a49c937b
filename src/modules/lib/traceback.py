"""Extract, format and print exceptions and stack traces (aio implementation)."""

import sys

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']


# ---------------------------------------------------------------- source lines

_file_lines = {}


def _read_source(filename):
    """All lines of *filename* (each ending in '\\n'), or [] when unreadable."""
    cached = _file_lines.get(filename)
    if cached is not None:
        return cached
    lines = []
    try:
        import linecache as _lc
        lines = _lc.getlines(filename)
    except Exception:
        lines = []
    if not lines:
        try:
            reader = open(filename)
            try:
                text = reader.read()
            finally:
                reader.close()
            lines = text.splitlines(True)
        except Exception:
            lines = []
    _file_lines[filename] = lines
    return lines


def _source_line(filename, lineno):
    if not isinstance(lineno, int) or lineno < 1:
        return ''
    lines = _read_source(filename)
    if lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def _is_traceback(tb):
    return tb is not None and not isinstance(tb, str) and hasattr(tb, 'tb_frame')


def _real_tb(tb):
    return tb if _is_traceback(tb) else None


def _safe_text(obj, what, conv=str):
    try:
        return conv(obj)
    except BaseException:
        return '<%s %s() failed>' % (what, conv.__name__)


def _out(file):
    return sys.stderr if file is None else file


def _write_all(chunks, file):
    target = _out(file)
    for chunk in chunks:
        print(chunk, file=target, end='')


# ---------------------------------------------------------------- walkers

def walk_tb(tb):
    """Yield (frame, lineno) for each entry of a traceback, following tb_next."""
    tb = _real_tb(tb)
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """Yield (frame, lineno) from frame *f* outwards, following f_back."""
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


def clear_frames(tb):
    tb = _real_tb(tb)
    while tb is not None:
        frame = tb.tb_frame
        clear = getattr(frame, 'clear', None)
        if clear is not None:
            try:
                clear()
            except RuntimeError:
                pass
        tb = tb.tb_next


# ---------------------------------------------------------------- FrameSummary

class FrameSummary:
    """One frame of a traceback or stack: filename, lineno, name, line, locals."""

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None,
                 end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._raw = line
        if lookup_line:
            self.line
        if locals:
            shown = {}
            for key in locals:
                shown[key] = _safe_text(locals[key], 'local', repr)
            self.locals = shown
        else:
            self.locals = None

    def _load(self):
        if self._raw is None and self.lineno is not None and self.end_lineno is not None:
            parts = []
            n = self.lineno
            while n <= self.end_lineno:
                parts.append(_source_line(self.filename, n).rstrip())
                n += 1
            self._raw = '\n'.join(parts) + '\n'
        return self._raw

    @property
    def line(self):
        raw = self._load()
        if raw is None:
            return None
        return raw.partition('\n')[0].strip()

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return '<FrameSummary file %s, line %s in %s>' % (
            self.filename, self.lineno, self.name)


# ---------------------------------------------------------------- StackSummary

_REPEAT_LIMIT = 3


def _apply_limit(pairs, limit):
    if limit is None:
        limit = getattr(sys, 'tracebacklimit', None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return list(pairs)
    if limit >= 0:
        taken = []
        if limit == 0:
            return taken
        for item in pairs:
            taken.append(item)
            if len(taken) >= limit:
                break
        return taken
    everything = list(pairs)
    return everything[len(everything) + limit:] if -limit < len(everything) else everything


class StackSummary(list):
    """A list of FrameSummary objects."""

    @classmethod
    def extract(cls, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        result = cls()
        for frame, lineno in _apply_limit(frame_gen, limit):
            code = frame.f_code
            if capture_locals:
                frame_locals = getattr(frame, 'f_locals', None)
            else:
                frame_locals = None
            result.append(FrameSummary(code.co_filename, lineno, code.co_name,
                                       lookup_line=False, locals=frame_locals))
        if lookup_lines:
            for summary in result:
                summary.line
        return result

    @classmethod
    def from_list(cls, a_list):
        result = StackSummary()
        for item in a_list:
            if isinstance(item, FrameSummary):
                result.append(item)
            else:
                filename, lineno, name, line = item
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        filename = frame_summary.filename
        if filename.startswith('<stdin>-'):
            filename = '<stdin>'
        text = '  File "%s", line %s, in %s\n' % (
            filename, frame_summary.lineno, frame_summary.name)
        raw = frame_summary._load() if isinstance(frame_summary, FrameSummary) else frame_summary.line
        if raw and raw.strip():
            text += '    ' + frame_summary.line + '\n'
        if frame_summary.locals:
            for key in sorted(frame_summary.locals):
                text += '    %s = %s\n' % (key, frame_summary.locals[key])
        return text

    def format(self, **kwargs):
        lines = []
        previous = None
        repeats = 0
        for summary in self:
            rendered = self.format_frame_summary(summary)
            if rendered is None:
                continue
            key = (summary.filename, summary.lineno, summary.name)
            if previous is None or key != previous:
                if repeats > _REPEAT_LIMIT:
                    lines.append(_repeat_note(repeats - _REPEAT_LIMIT))
                previous = key
                repeats = 0
            repeats += 1
            if repeats <= _REPEAT_LIMIT:
                lines.append(rendered)
        if repeats > _REPEAT_LIMIT:
            lines.append(_repeat_note(repeats - _REPEAT_LIMIT))
        return lines


def _repeat_note(n):
    return '  [Previous line repeated %d more time%s]\n' % (n, 's' if n > 1 else '')


def _summaries_of_tb(tb, limit=None):
    return StackSummary.extract(walk_tb(tb), limit=limit)


# ---------------------------------------------------------------- module API: tb / stack

def extract_tb(tb, limit=None):
    return _summaries_of_tb(tb, limit)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    _write_all(StackSummary.from_list(extracted_list).format(), file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _caller_frame(depth):
    getter = getattr(sys, '_getframe', None)
    if getter is None:
        return None
    try:
        return getter(depth + 1)
    except Exception:
        return None


def extract_stack(f=None, limit=None):
    if f is None:
        f = _caller_frame(1)
    if f is None:
        return StackSummary()
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def format_stack(f=None, limit=None):
    if f is None:
        f = _caller_frame(1)
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = _caller_frame(1)
    print_list(extract_stack(f, limit=limit), file=file)



# ---------------------------------------------------------------- "Did you mean" suggestions

# CPython 3.13's sys.stdlib_module_names (used for "Did you forget to import ...?")
_STDLIB_NAMES = frozenset("""
__future__ _abc _aix_support _android_support _ast _asyncio _bisect _blake2 _bz2 _codecs
_codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections
_collections_abc _colorize _compat_pickle _compression _contextvars _csv _ctypes _curses
_curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib
_frozen_importlib_external _functools _gdbm _hashlib _heapq _imp _interpchannels
_interpqueues _interpreters _io _ios_support _json _locale _lsprof _lzma _markupbase
_md5 _multibytecodec _multiprocessing _opcode _opcode_metadata _operator _osx_support
_overlapped _pickle _posixshmem _posixsubprocess _py_abc _pydatetime _pydecimal _pyio
_pylong _pyrepl _queue _random _scproxy _sha1 _sha2 _sha3 _signal _sitebuiltins _socket
_sqlite3 _sre _ssl _stat _statistics _string _strptime _struct _suggestions _symtable
_sysconfig _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid
_warnings _weakref _weakrefset _winapi _wmi _zoneinfo abc antigravity argparse array ast
asyncio atexit base64 bdb binascii bisect builtins bz2 cProfile calendar cmath cmd code
codecs codeop collections colorsys compileall concurrent configparser contextlib
contextvars copy copyreg csv ctypes curses dataclasses datetime dbm decimal difflib dis
doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput
fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib
grp gzip hashlib heapq hmac html http idlelib imaplib importlib inspect io ipaddress
itertools json keyword linecache locale logging lzma mailbox marshal math mimetypes mmap
modulefinder msvcrt multiprocessing netrc nt ntpath nturl2path numbers opcode operator
optparse os pathlib pdb pickle pickletools pkgutil platform plistlib poplib posix
posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue
quopri random re readline reprlib resource rlcompleter runpy sched secrets select
selectors shelve shlex shutil signal site smtplib socket socketserver sqlite3
sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct
subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios textwrap this
threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty
turtle turtledemo types typing unicodedata unittest urllib uuid venv warnings wave
weakref webbrowser winreg winsound wsgiref xml xmlrpc zipapp zipfile zipimport zlib
zoneinfo
""".split())

_CANDIDATE_LIMIT = 750
_NAME_LIMIT = 40
_STEP = 2        # cost of an insertion, deletion or substitution
_CASE_STEP = 1   # cost of a substitution that only changes case


def _char_cost(x, y):
    if x == y:
        return 0
    if x.lower() == y.lower():
        return _CASE_STEP
    return _STEP


def _edit_distance(a, b, ceiling):
    """Weighted Levenshtein distance, giving up (ceiling + 1) once it must exceed ceiling."""
    if a == b:
        return 0
    lead = 0
    while lead < len(a) and lead < len(b) and a[lead] == b[lead]:
        lead += 1
    a = a[lead:]
    b = b[lead:]
    tail = 0
    while tail < len(a) and tail < len(b) and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    if tail:
        a = a[:len(a) - tail]
        b = b[:len(b) - tail]
    if not a or not b:
        return _STEP * (len(a) + len(b))
    if len(a) > _NAME_LIMIT or len(b) > _NAME_LIMIT:
        return ceiling + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _STEP > ceiling:
        return ceiling + 1
    previous = [(i + 1) * _STEP for i in range(len(a))]
    current = 0
    for j in range(len(b)):
        ch = b[j]
        diagonal = j * _STEP
        current = diagonal
        lowest = None
        for i in range(len(a)):
            via_sub = diagonal + _char_cost(ch, a[i])
            diagonal = previous[i]
            via_gap = min(current, diagonal) + _STEP
            current = via_sub if via_sub < via_gap else via_gap
            previous[i] = current
            if lowest is None or current < lowest:
                lowest = current
        if lowest is not None and lowest > ceiling:
            return ceiling + 1
    return current


def _closest_name(candidates, wrong):
    if len(candidates) > _CANDIDATE_LIMIT or len(wrong) > _NAME_LIMIT:
        return None
    best = None
    pick = None
    for name in candidates:
        if name == wrong:
            continue
        limit = (len(name) + len(wrong) + 3) * _STEP // 6
        if best is not None and best - 1 < limit:
            limit = best - 1
        dist = _edit_distance(wrong, name, limit)
        if dist > limit:
            continue
        if not pick or dist < best:
            pick = name
            best = dist
    return pick


def _last_tb(tb):
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb


def _suggest(exc_value, tb, wrong):
    if wrong is None or not isinstance(wrong, str):
        return None
    if isinstance(exc_value, AttributeError):
        try:
            obj = exc_value.obj
            names = dir(obj)
            hide = wrong[:1] != '_'
            if hide and tb is not None:
                frame = _last_tb(tb).tb_frame
                frame_locals = getattr(frame, 'f_locals', {})
                if 'self' in frame_locals and frame_locals['self'] is obj:
                    hide = False
            if hide:
                names = [n for n in names if n[:1] != '_']
        except Exception:
            return None
    elif isinstance(exc_value, NameError):
        if tb is None:
            return None
        frame = _last_tb(tb).tb_frame
        frame_locals = getattr(frame, 'f_locals', None) or {}
        names = (list(frame_locals) + list(getattr(frame, 'f_globals', None) or {})
                 + list(getattr(frame, 'f_builtins', None) or {}))
        if 'self' in frame_locals:
            if hasattr(frame_locals['self'], wrong):
                return 'self.' + wrong
    else:
        return None
    return _closest_name(names, wrong)


def _with_suggestion(text, exc_type, exc_value, tb):
    """Append CPython's 'Did you mean' / 'Did you forget to import' hints to an error message."""
    try:
        if not issubclass(exc_type, (NameError, AttributeError)):
            return text
        wrong = getattr(exc_value, 'name', None)
        if wrong is None:
            return text
        hint = _suggest(exc_value, tb, wrong)
        if hint:
            text += ". Did you mean: '%s'?" % hint
        if issubclass(exc_type, NameError) and wrong in _STDLIB_NAMES:
            if hint:
                text += " Or did you forget to import '%s'?" % wrong
            else:
                text += ". Did you forget to import '%s'?" % wrong
    except Exception:
        pass
    return text


# ---------------------------------------------------------------- exceptions

_CAUSE_MSG = ('\nThe above exception was the direct cause '
              'of the following exception:\n\n')
_CONTEXT_MSG = ('\nDuring handling of the above exception, '
                'another exception occurred:\n\n')


class _Sentinel:
    def __repr__(self):
        return '<implicit>'


_sentinel = _Sentinel()


def _value_and_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError('Both or neither of value and tb must be given')
    if value is _sentinel:
        if exc is None:
            return None, None
        if isinstance(exc, BaseException):
            return exc, exc.__traceback__
        raise TypeError('Exception expected for value, %s found' % type(exc).__name__)
    return value, tb


def _final_line(type_text, value_text, newline=True):
    end = '\n' if newline else ''
    if value_text is None or not value_text:
        return '%s%s' % (type_text, end)
    return '%s: %s%s' % (type_text, value_text, end)


def _format_final_exc_line(etype, value):
    return _final_line(etype, _safe_text(value, 'exception'))


def _indent_block(text, prefix):
    pieces = text.splitlines(True)
    return ''.join([prefix + piece for piece in pieces])


class _PrintState:
    def __init__(self):
        self.depth = 0
        self.need_close = False

    def prefix(self):
        return ' ' * (2 * self.depth)

    def emit(self, chunks, margin='|'):
        lead = self.prefix()
        if self.depth:
            lead += margin + ' '
        if isinstance(chunks, str):
            chunks = [chunks]
        out = []
        for chunk in chunks:
            out.append(_indent_block(chunk, lead))
        return out


def _is_group(exc):
    try:
        return isinstance(exc, BaseExceptionGroup)
    except NameError:
        return False


_SYNTAX_FIELDS = ('filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset')


def _syntax_details(exc):
    """SyntaxError attributes, recovered from args when the object lacks them."""
    found = {}
    args = getattr(exc, 'args', ())
    location = ()
    if len(args) == 2 and isinstance(args[1], tuple):
        location = args[1]
    for i in range(len(_SYNTAX_FIELDS)):
        name = _SYNTAX_FIELDS[i]
        marker = object()
        value = getattr(exc, name, marker)
        if value is marker:
            value = location[i] if i < len(location) else None
        found[name] = value
    marker = object()
    msg = getattr(exc, 'msg', marker)
    if msg is marker:
        msg = args[0] if args else None
    found['msg'] = msg
    return found


def _is_sequence_of_notes(notes):
    return isinstance(notes, (list, tuple))


class TracebackException:
    """An exception captured in a form ready for rendering."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, save_exc_type=True,
                 _seen=None):
        top_level = _seen is None
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary.extract(walk_tb(exc_traceback), limit=limit,
                                          lookup_lines=lookup_lines,
                                          capture_locals=capture_locals)
        self._type = exc_type if save_exc_type else None
        self._str = _safe_text(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as err:
            self.__notes__ = ['Ignored error getting __notes__: %s'
                              % _safe_text(err, '__notes__', repr)]
        self._syntax = False
        self._has_type = exc_type is not None
        if exc_type is not None:
            self.exc_type_qualname = getattr(exc_type, '__qualname__', exc_type.__name__)
            self.exc_type_module = getattr(exc_type, '__module__', 'builtins')
        else:
            self.exc_type_qualname = None
            self.exc_type_module = None
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            details = _syntax_details(exc_value)
            self.filename = details['filename']
            lno = details['lineno']
            self.lineno = str(lno) if lno is not None else None
            end_lno = details['end_lineno']
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = details['text']
            self.offset = details['offset']
            self.end_offset = details['end_offset']
            self.msg = details['msg']
            self._syntax = True
        elif exc_type is not None and exc_value is not None:
            self._str = _with_suggestion(self._str, exc_type, exc_value, _real_tb(exc_traceback))
        self.__suppress_context__ = (
            getattr(exc_value, '__suppress_context__', False)
            if exc_value is not None else False)
        self.__cause__ = None
        self.__context__ = None
        self.exceptions = None
        if not top_level:
            return
        pending = [(self, exc_value)]
        while pending:
            te, e = pending.pop()
            options = dict(limit=limit, lookup_lines=lookup_lines,
                           capture_locals=capture_locals,
                           max_group_width=max_group_width,
                           max_group_depth=max_group_depth, _seen=_seen)
            cause_exc = getattr(e, '__cause__', None) if e is not None else None
            if cause_exc is not None and id(cause_exc) not in _seen:
                cause = TracebackException(type(cause_exc), cause_exc,
                                           cause_exc.__traceback__, **options)
            else:
                cause = None
            if compact:
                want_context = (cause is None and e is not None
                                and not e.__suppress_context__)
            else:
                want_context = True
            ctx_exc = getattr(e, '__context__', None) if e is not None else None
            if ctx_exc is not None and want_context and id(ctx_exc) not in _seen:
                context = TracebackException(type(ctx_exc), ctx_exc,
                                             ctx_exc.__traceback__, **options)
            else:
                context = None
            if e is not None and _is_group(e):
                members = []
                for sub in e.exceptions:
                    members.append(TracebackException(type(sub), sub,
                                                      sub.__traceback__, **options))
            else:
                members = None
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = members
            if cause is not None:
                pending.append((cause, cause_exc))
            if context is not None:
                pending.append((context, ctx_exc))
            if members:
                for i in range(len(members)):
                    pending.append((members[i], e.exceptions[i]))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type(self):
        try:
            import warnings as _w
            _w.warn('Deprecated in 3.13. Use exc_type_str instead.',
                    DeprecationWarning, stacklevel=2)
        except ImportError:
            pass
        return self._type

    @property
    def exc_type_str(self):
        if not self._has_type:
            return None
        name = self.exc_type_qualname
        module = self.exc_type_module
        if module not in ('__main__', 'builtins'):
            if not isinstance(module, str):
                module = '<unknown>'
            name = module + '.' + name
        return name

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return (self._str == other._str and list(self.stack) == list(other.stack)
                    and self.exc_type_str == other.exc_type_str
                    and self.__cause__ == other.__cause__
                    and self.__context__ == other.__context__
                    and self.exceptions == other.exceptions
                    and self.__notes__ == other.__notes__)
        return NotImplemented

    __hash__ = None

    def __str__(self):
        return self._str

    def format_exception_only(self, *, show_group=False, _depth=0, **kwargs):
        pad = ' ' * (3 * _depth)
        if not self._has_type:
            yield pad + _final_line(None, self._str)
            return
        type_text = self.exc_type_str
        if self._syntax:
            for piece in self._syntax_lines(type_text):
                yield pad + piece
        elif _depth > 0:
            for piece in _final_line(type_text, self._str, newline=False).split('\n'):
                yield pad + piece + '\n'
        else:
            yield _final_line(type_text, self._str)
        notes = self.__notes__
        if _is_sequence_of_notes(notes):
            for note in notes:
                for piece in _safe_text(note, 'note').split('\n'):
                    yield pad + piece + '\n'
        elif notes is not None:
            yield pad + _safe_text(notes, '__notes__', repr) + '\n'
        if self.exceptions and show_group:
            for member in self.exceptions:
                for piece in member.format_exception_only(show_group=show_group,
                                                          _depth=_depth + 1):
                    yield piece

    def _syntax_lines(self, type_text):
        suffix = ''
        if self.lineno is not None:
            yield '  File "%s", line %s\n' % (self.filename or '<string>', self.lineno)
        elif self.filename is not None:
            suffix = ' (%s)' % (self.filename,)
        text = self.text
        if text is not None:
            right = text.rstrip('\n')
            left = right.lstrip(' \n\f')
            lead = len(right) - len(left)
            if self.offset is None:
                yield '    %s\n' % left
            else:
                start = self.offset
                if self.lineno == self.end_lineno:
                    stop = self.end_offset if self.end_offset not in (None, 0) else start
                else:
                    stop = len(right) + 1
                if text and start > len(text):
                    start = len(right) + 1
                if text and stop > len(text):
                    stop = len(right) + 1
                if start >= stop or stop < 0:
                    stop = start + 1
                col = start - 1 - lead
                end_col = stop - 1 - lead
                yield '    %s\n' % left
                if col >= 0:
                    gap = ''.join([c if c.isspace() else ' ' for c in left[:col]])
                    yield '    %s%s\n' % (gap, '^' * (end_col - col))
        msg = self.msg or '<no detail available>'
        yield '%s: %s%s\n' % (type_text, msg, suffix)

    def format(self, *, chain=True, _ctx=None, **kwargs):
        state = _ctx if _ctx is not None else _PrintState()
        chain_list = []
        node = self
        if chain:
            while node is not None:
                if node.__cause__ is not None:
                    chain_list.append((_CAUSE_MSG, node))
                    node = node.__cause__
                elif node.__context__ is not None and not node.__suppress_context__:
                    chain_list.append((_CONTEXT_MSG, node))
                    node = node.__context__
                else:
                    chain_list.append((None, node))
                    node = None
        else:
            chain_list.append((None, node))
        chain_list.reverse()
        for joiner, node in chain_list:
            if joiner is not None:
                for piece in state.emit(joiner):
                    yield piece
            if node.exceptions is None:
                if node.stack:
                    for piece in state.emit('Traceback (most recent call last):\n'):
                        yield piece
                    for piece in state.emit(node.stack.format()):
                        yield piece
                for piece in state.emit(list(node.format_exception_only())):
                    yield piece
            elif state.depth > self.max_group_depth:
                for piece in state.emit('... (max_group_depth is %d)\n' % self.max_group_depth):
                    yield piece
            else:
                for piece in node._format_group(state, chain):
                    yield piece

    def _format_group(self, state, chain):
        outermost = state.depth == 0
        if outermost:
            state.depth += 1
        if self.stack:
            for piece in state.emit('Exception Group Traceback (most recent call last):\n',
                                    margin='+' if outermost else '|'):
                yield piece
            for piece in state.emit(self.stack.format()):
                yield piece
        for piece in state.emit(list(self.format_exception_only())):
            yield piece
        total = len(self.exceptions)
        shown = total if total <= self.max_group_width else self.max_group_width + 1
        state.need_close = False
        for i in range(shown):
            is_last = i == shown - 1
            if is_last:
                state.need_close = True
            cut = self.max_group_width is not None and i >= self.max_group_width
            title = '...' if cut else str(i + 1)
            yield (state.prefix() + ('+-' if i == 0 else '  ')
                   + '+---------------- %s ----------------\n' % title)
            state.depth += 1
            if not cut:
                for piece in self.exceptions[i].format(chain=chain, _ctx=state):
                    yield piece
            else:
                left = total - self.max_group_width
                for piece in state.emit('and %d more exception%s\n'
                                        % (left, 's' if left > 1 else '')):
                    yield piece
            if is_last and state.need_close:
                yield state.prefix() + '+------------------------------------\n'
                state.need_close = False
            state.depth -= 1
        if outermost:
            state.depth = 0

    def print(self, *, file=None, chain=True, **kwargs):
        _write_all(self.format(chain=chain), file)


# ---------------------------------------------------------------- module API: exceptions

def format_exception_only(exc, /, value=_sentinel, *, show_group=False, **kwargs):
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True, **kwargs):
    value, tb = _value_and_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True, **kwargs):
    value, tb = _value_and_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def _current_exception():
    getter = getattr(sys, 'exception', None)
    if getter is not None:
        return getter()
    info = getattr(sys, 'exc_info', None)
    if info is not None:
        return info()[1]
    return None


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(_current_exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_current_exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    if not hasattr(sys, 'last_exc') and not hasattr(sys, 'last_type'):
        raise ValueError('no last exception')
    if hasattr(sys, 'last_exc'):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit=limit, file=file, chain=chain)
