"""Support for regular expressions (aio's re).

Patterns are parsed, compiled and matched by the native engine `_re`,
which gives CPython 3.13's error messages and positions; this module
holds the public API: Pattern and Match objects, flags, the cache and
replacement templates.
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


class PatternError(Exception):
    """Exception raised for invalid regular expressions.

    Attributes:

        msg: The unformatted error message
        pattern: The regular expression pattern
        pos: The index in the pattern where compilation failed (may be None)
        lineno: The line corresponding to pos (may be None)
        colno: The column corresponding to pos (may be None)
    """

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
    """Compiled regular expression object."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 're.Pattern' is not an acceptable base type")

    @property
    def pattern(self):
        """The pattern string from which the RE object was compiled."""
        return self._pattern

    @property
    def flags(self):
        """The regex matching flags."""
        return self._flags

    @property
    def groups(self):
        """The number of capturing groups in the pattern."""
        return self._groups

    @property
    def groupindex(self):
        """A dictionary mapping group names to group numbers."""
        return _mappingproxy(dict(self._groupindex))

    def _exec(self, string, pos, endpos, mode):
        r = _re.exec(self._code, string, _index(pos), _index(endpos), mode, False)
        if r is None:
            return None
        return _new_match(self, string, r)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Matches zero or more characters at the beginning of the string."""
        return self._exec(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Matches against all of the string."""
        return self._exec(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Scan through string looking for a match, and return a corresponding match object instance.

        Return None if no position in the string matches."""
        return self._exec(string, pos, endpos, 2)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches of pattern in string."""
        return _re.findall(self._code, string, _index(pos), _index(endpos))

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Return an iterator over all non-overlapping matches for the RE pattern in string.

        For each match, the iterator returns a match object."""
        return _iter_matches(self, string, _index(pos), _index(endpos))

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, _index(pos), _index(endpos))

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        return _re.split(self._code, string, _index(maxsplit))

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."""
        return self._subx(repl, string, _index(count))[0]

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."""
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
        if isinstance(repl, (str, bytes)) and (b'\\' if isinstance(repl, bytes) else '\\') not in repl:
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


class Match:
    """The result of re.match() and re.search().
    Match objects always have a boolean value of True."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 're.Match' is not an acceptable base type")

    @property
    def string(self):
        """The string passed to match() or search()."""
        return self._string

    @property
    def re(self):
        """The regular expression object."""
        return self._re

    @property
    def pos(self):
        """The index into the string at which the RE engine started looking for a match."""
        return self._pos

    @property
    def endpos(self):
        """The index into the string beyond which the RE engine will not go."""
        return self._endpos

    @property
    def lastindex(self):
        """The integer index of the last matched capturing group."""
        return self._lastindex

    @property
    def lastgroup(self):
        """The name of the last matched capturing group."""
        if self._lastindex is None:
            return None
        return self._re._names.get(self._lastindex)

    @property
    def regs(self):
        return self._regs

    def _gindex(self, g):
        if isinstance(g, str):
            i = self._re._groupindex.get(g)
        elif isinstance(g, int):
            i = g
        else:
            try:
                i = g.__index__()
            except AttributeError:
                i = None
        if i is None or i < 0 or i >= len(self._regs):
            raise IndexError("no such group")
        return i

    def _get(self, i, default=None):
        s, e = self._regs[i]
        if s < 0:
            return default
        return self._string[s:e]

    def group(self, *args):
        """group([group1, ...]) -> str or tuple.
        Return subgroup(s) of the match by indices or names.
        For 0 returns the entire match."""
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._gindex(args[0]))
        return tuple([self._get(self._gindex(g)) for g in args])

    def __getitem__(self, g):
        return self._get(self._gindex(g))

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match, from 1.

          default
            Is used for groups that did not participate in the match."""
        return tuple([self._get(i, default) for i in range(1, len(self._regs))])

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.

          default
            Is used for groups that did not participate in the match."""
        return {name: self._get(i, default)
                for name, i in self._re._groupindex.items()}

    def start(self, group=0):
        """Return index of the start of the substring matched by group."""
        return self._regs[self._gindex(group)][0]

    def end(self, group=0):
        """Return index of the end of the substring matched by group."""
        return self._regs[self._gindex(group)][1]

    def span(self, group=0):
        """For match object m, return the 2-tuple (m.start(group), m.end(group))."""
        return self._regs[self._gindex(group)]

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."""
        return _expand(self, self._re._template(template))

    def __repr__(self):
        s, e = self._regs[0]
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            s, e, repr(self._string[s:e])[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)


def _new_match(pattern, string, r):
    m = object.__new__(Match)
    m._re = pattern
    m._string = string
    m._pos, m._endpos, m._lastindex, m._regs = r
    return m


def _expand(m, template):
    empty = b'' if m._re._isbytes else ''
    parts = []
    for piece in template:
        if type(piece) is int:
            parts.append(m._get(piece, empty))
        else:
            parts.append(piece)
    return empty.join(parts)


def _iter_matches(pattern, string, pos, endpos):
    code = pattern._code
    must = False
    while True:
        r = _re.exec(code, string, pos, endpos, 2, must)
        if r is None:
            return
        m = _new_match(pattern, string, r)
        yield m
        start, end = r[3][0]
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
        r = _re.exec(self.pattern._code, self._string, self._pos, self._endpos,
                     mode, self._must)
        if r is None:
            self._done = True
            return None
        start, end = r[3][0]
        self._must = start == end
        self._pos = end
        return _new_match(self.pattern, self._string, r)

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


def _sub_callable(pattern, repl, string, count):
    pieces = []
    n = 0
    last = 0
    if count >= 0:
        for m in _iter_matches(pattern, string, 0, _MAXSIZE):
            if count and n >= count:
                break
            start, end = m._regs[0]
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
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
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
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl.  repl can be either a string or a callable;
    if a string, backslash escapes in it are processed.  If it is
    a callable, it's passed the Match object and must return
    a replacement string to be used."""
    count, flags = _legacy_args('sub', args, count, 'count', flags, 3, 5)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_UNSET, flags=_UNSET):
    """Return a 2-tuple containing (new_string, number).
    new_string is the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in the source
    string by the replacement repl.  number is the number of
    substitutions that were made. repl can be either a string or a
    callable; if a string, backslash escapes in it are processed.
    If it is a callable, it's passed the Match object and must
    return a replacement string to be used."""
    count, flags = _legacy_args('subn', args, count, 'count', flags, 3, 5)
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, *args, maxsplit=_UNSET, flags=_UNSET):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings.  If
    capturing parentheses are used in pattern, then the text of all
    groups in the pattern are also returned as part of the resulting
    list.  If maxsplit is nonzero, at most maxsplit splits occur,
    and the remainder of the string is returned as the final element
    of the list."""
    maxsplit, flags = _legacy_args('split', args, maxsplit, 'maxsplit', flags, 2, 4)
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string.

    If one or more capturing groups are present in the pattern, return
    a list of groups; this will be a list of tuples if the pattern
    has more than one group.

    Empty matches are included in the result."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object.

    Empty matches are included in the result."""
    return _compile(pattern, flags).finditer(string)


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """
    Escape special characters in a string.
    """
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
    except (KeyError, TypeError):
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
            warnings.warn(msg, FutureWarning, stacklevel=4)
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
    def __init__(self, lexicon, flags=0):
        if isinstance(flags, RegexFlag):
            flags = flags.value
        self.lexicon = lexicon
        # One capturing group per phrase, numbered in order, as CPython
        # builds it from the parsed phrases.
        self.scanner = _compile('|'.join('(%s)' % phrase for phrase, _ in lexicon), flags)

    def scan(self, string):
        result = []
        append = result.append
        match = self.scanner.scanner(string).match
        i = 0
        while True:
            m = match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self.lexicon[m.lastindex-1][1]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                append(action)
            i = j
        return result, string[i:]
