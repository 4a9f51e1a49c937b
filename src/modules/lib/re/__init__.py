"""Regular expressions with CPython 3.13's syntax and behaviour.

The native engine `_re` parses, compiles and matches patterns (and gives
CPython's error messages and positions); this module holds the public
API: Pattern and Match objects, flags, the cache and templates.
"""

import enum
import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError"
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807


@enum.global_enum
@enum._simple_enum(enum.IntFlag, boundary=enum.KEEP)
class RegexFlag:
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    DEBUG = 128
    __str__ = object.__str__
    _numeric_repr_ = hex


# global_enum exports the members through sys.modules, which may not list
# this module yet while it is being imported from inside a function.
NOFLAG = RegexFlag.NOFLAG
ASCII = A = RegexFlag.ASCII
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
UNICODE = U = RegexFlag.UNICODE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
VERBOSE = X = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG


class PatternError(Exception):
    """A malformed pattern or template: msg, pattern, pos, lineno, colno."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            newline = '\n' if isinstance(pattern, str) else b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError.__module__ = 're'
error = PatternError


def _raise(result, pattern):
    # An error tuple from _re: (None, kind, message, position).
    _, kind, msg, pos = result
    if kind == 'error':
        raise PatternError(msg, pattern, pos)
    exc = {'OverflowError': OverflowError, 'ValueError': ValueError,
           'RecursionError': RecursionError, 'IndexError': IndexError}[kind]
    raise exc(msg)


def _index(i):
    if isinstance(i, int):
        return i
    return i.__index__()


_FLAG_NAMES = (
    ('re.IGNORECASE', 2), ('re.LOCALE', 4), ('re.MULTILINE', 8),
    ('re.DOTALL', 16), ('re.UNICODE', 32), ('re.VERBOSE', 64),
    ('re.DEBUG', 128), ('re.ASCII', 256),
)


class Pattern:
    """A compiled regular expression."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 're.Pattern' is not an acceptable base type")

    @property
    def pattern(self):
        """The source the pattern was compiled from."""
        return self._pattern

    @property
    def flags(self):
        """The flags the pattern was compiled with, inline flags included."""
        return self._flags

    @property
    def groups(self):
        """How many capturing groups the pattern has."""
        return self._groups

    @property
    def groupindex(self):
        """Group names mapped to their numbers (read-only)."""
        return _mappingproxy(dict(self._groupindex))

    # The engine converts pos/endpos with __index__ itself: these are
    # called once per token by scanners, so they stay one call deep.
    def match(self, string, pos=0, endpos=_MAXSIZE):
        """A Match if the pattern matches at the start, else None."""
        return _re.exec(self._code, string, pos, endpos, 0, False, self)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """A Match if the pattern matches the whole string, else None."""
        return _re.exec(self._code, string, pos, endpos, 1, False, self)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The first Match anywhere in the string, or None."""
        return _re.exec(self._code, string, pos, endpos, 2, False, self)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Every non-overlapping match: whole matches, group 1, or tuples of all groups."""
        return _re.findall(self._code, string, _index(pos), _index(endpos))

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator of Match objects for every non-overlapping match."""
        return _iter_matches(self, string, _index(pos), _index(endpos))

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, _index(pos), _index(endpos))

    def split(self, string, maxsplit=0):
        """The pieces between matches, with the groups of each match in between."""
        return _re.split(self._code, string, _index(maxsplit))

    def sub(self, repl, string, count=0):
        """The string with matches replaced by repl (a template or a function of the Match)."""
        return self._subx(repl, string, _index(count))[0]

    def subn(self, repl, string, count=0):
        """Like sub(), as a (new string, number of replacements) pair."""
        return self._subx(repl, string, _index(count))

    def _template(self, repl):
        key = (type(repl), repl)
        t = self._templates.get(key)
        if t is None:
            t = _re.template(self._code, repl)
            if type(t) is tuple:
                _raise(t, repl)
            self._templates[key] = t
        return t

    def _subx(self, repl, string, count):
        if callable(repl):
            return _sub_callable(self, repl, string, count)
        if isinstance(repl, str):
            backslash = '\\'
        elif isinstance(repl, bytes):
            backslash = b'\\'
        else:
            raise TypeError("decoding to str: need a bytes-like object, %s found"
                            % type(repl).__name__)
        if isinstance(repl, bytes) != self._isbytes:
            return _sub_mismatch(self, repl, string)
        if backslash not in repl:
            template = [repl]
        else:
            template = self._template(repl)
        return _re.sub(self._code, string, template, count)

    def __repr__(self):
        flags = self._flags
        if not self._isbytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        r = repr(self._pattern)[:200]
        names = []
        for name, bit in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        if names:
            return 're.compile(%s, %s)' % (r, '|'.join(names))
        return 're.compile(%s)' % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self._flags == other._flags and self._isbytes == other._isbytes
                and self._pattern == other._pattern)

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self._pattern, self._flags))

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


def _mappingproxy(d):
    import types
    return types.MappingProxyType(d)


def _generic_alias(cls, item):
    import types
    return types.GenericAlias(cls, item)


def _new_pattern(pattern, flags, code, groups, names):
    p = object.__new__(Pattern)
    p._pattern = pattern
    p._flags = flags
    p._code = code
    p._groups = groups
    p._groupindex = dict(names)
    p._names = {i: n for n, i in names}
    p._isbytes = isinstance(pattern, bytes)
    p._templates = {}
    return p


# Match objects are native (made by _re.exec, one per match found).
Match = _re.Match


def _expand(m, template):
    # Match.expand: the template's pieces, with the groups' text.
    empty = b'' if m.re._isbytes else ''
    parts = []
    for piece in m.re._template(template):
        if type(piece) is int:
            text = m.group(piece)
            parts.append(empty if text is None else text)
        else:
            parts.append(piece)
    return empty.join(parts)


def _iter_matches(pattern, string, pos, endpos):
    code = pattern._code
    must = False
    while True:
        m = _re.exec(code, string, pos, endpos, 2, must, pattern)
        if m is None:
            return
        yield m
        start, end = m.span()
        must = start == end
        pos = end


class _Scanner:
    # The object Pattern.scanner() returns: successive match() or search()
    # calls continue where the last match ended.

    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._must = False
        self._done = False

    def _next(self, mode):
        if self._done:
            return None
        m = _re.exec(self.pattern._code, self._string, self._pos, self._endpos,
                     mode, self._must, self.pattern)
        if m is None:
            self._done = True
            return None
        start, end = m.span()
        self._must = start == end
        self._pos = end
        return m

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


def _sub_mismatch(pattern, repl, string):
    # A str replacement for a bytes pattern (or the reverse) fails where
    # joining the pieces would: at the first replacement.
    m = pattern.search(string)
    if m is None:
        return string, 0
    item = 1 if m.start() > 0 else 0
    if pattern._isbytes:
        want = "expected a bytes-like object"
    else:
        want = "expected str instance"
    raise TypeError("sequence item %d: %s, %s found" % (item, want, type(repl).__name__))


def _sub_callable(pattern, repl, string, count):
    pieces = []
    n = 0
    last = 0
    if count >= 0:
        for m in _iter_matches(pattern, string, 0, _MAXSIZE):
            if count and n >= count:
                break
            start, end = m.span()
            if last < start:
                pieces.append(string[last:start])
            item = repl(m)
            if item is not None:
                pieces.append(item)
            last = end
            n += 1
    if last < len(string):
        pieces.append(string[last:])
    empty = b'' if pattern._isbytes else ''
    return empty.join(pieces), n


# -------------------------------------------------------------- functions

def match(pattern, string, flags=0):
    """A Match if the pattern matches at the start, else None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A Match if the pattern matches the whole string, else None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first Match anywhere in the string, or None."""
    return _compile(pattern, flags).search(string)


_UNSET = object()


def _legacy_args(name, args, first, firstname, flags, lo, hi):
    # count/maxsplit and flags passed positionally: still accepted, with
    # CPython's DeprecationWarning.
    if args:
        if first is not _UNSET:
            raise TypeError("%s() got multiple values for argument '%s'" % (name, firstname))
        first, *args = args
        if args:
            if flags is not _UNSET:
                raise TypeError("%s() got multiple values for argument 'flags'" % name)
            flags, *args = args
            if args:
                raise TypeError("%s() takes from %d to %d positional arguments "
                                "but %d were given" % (name, lo, hi, hi + len(args)))
        import warnings
        warnings.warn("'%s' is passed as positional argument" % firstname,
                      DeprecationWarning, stacklevel=3)
    if first is _UNSET:
        first = 0
    if flags is _UNSET:
        flags = 0
    return first, flags


def sub(pattern, repl, string, *args, count=_UNSET, flags=_UNSET):
    """The string with matches replaced by repl (a template or a function of the Match)."""
    count, flags = _legacy_args('sub', args, count, 'count', flags, 3, 5)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_UNSET, flags=_UNSET):
    """Like sub(), as a (new string, number of replacements) pair."""
    count, flags = _legacy_args('subn', args, count, 'count', flags, 3, 5)
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, *args, maxsplit=_UNSET, flags=_UNSET):
    """The pieces between matches, with the groups of each match in between."""
    maxsplit, flags = _legacy_args('split', args, maxsplit, 'maxsplit', flags, 2, 4)
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Every non-overlapping match: whole matches, group 1, or tuples of all groups."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of Match objects for every non-overlapping match."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    """Compile a pattern into a Pattern object."""
    return _compile(pattern, flags)


def purge():
    """Empty the pattern cache."""
    _cache.clear()


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """The string with every character that is special in patterns backslashed."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, 'latin1')
    return pattern.translate(_special_chars_map).encode('latin1')


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    r = _re.compile(pattern, flags)
    if r[0] is None:
        _raise(r, pattern)
    code, final_flags, groups, names, warns = r
    if warns:
        import warnings
        for msg, category in warns:
            warnings.warn(msg, FutureWarning, stacklevel=3)
    p = _new_pattern(pattern, final_flags, code, groups, names)
    if flags & DEBUG:
        return p
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


class Scanner:
    """Splits a string into tokens with a lexicon of (pattern, action)
    pairs; an action is a callable (scanner, text), a value, or None."""

    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        # Phrase k becomes capturing group k, numbered as CPython numbers
        # the phrases it parses into one alternation.
        alternation = '|'.join('(%s)' % phrase for phrase, _ in lexicon)
        self.scanner = _compile(alternation, flags)

    def scan(self, string):
        tokens = []
        next_match = self.scanner.scanner(string).match
        done = 0
        while True:
            m = next_match()
            if not m or m.end() == done:
                break
            action = self.lexicon[m.lastindex - 1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                tokens.append(action)
            done = m.end()
        return tokens, string[done:]
