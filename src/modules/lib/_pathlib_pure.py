"""Pure (no I/O) path classes for pathlib: PurePath, PurePosixPath and
PureWindowsPath.

A path keeps the strings it was built from (`_raw_paths`) and parses them
on first use into a drive, a root and a list of tail segments; `str()`,
the case-normalised form and the hash are likewise computed once and kept.
"""

import os
import ntpath
import glob as _glob

posixpath = os.path


class UnsupportedOperation(NotImplementedError):
    """Raised when a path operation is not supported on this system or
    for this kind of path."""
    pass


def _is_case_sensitive(parser):
    return parser.normcase('Aa') == 'Aa'


class _PathParents:
    """The logical ancestors of a path, as a read-only sequence
    (path.parents); index 0 is the immediate parent."""

    __slots__ = ('_path', '_drv', '_root', '_tail')

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        n = len(self._tail)
        if idx >= n or idx < -n:
            raise IndexError(idx)
        if idx < 0:
            idx += n
        return self._path._from_parsed_parts(self._drv, self._root,
                                             self._tail[:-idx - 1])

    def __iter__(self):
        for i in range(len(self._tail)):
            yield self[i]

    def __reversed__(self):
        for i in range(len(self._tail) - 1, -1, -1):
            yield self[i]

    def __contains__(self, value):
        for item in self:
            if item is value or item == value:
                return True
        return False

    def index(self, value, start=0, stop=None):
        n = len(self._tail)
        if start < 0:
            start = max(n + start, 0)
        if stop is None:
            stop = n
        elif stop < 0:
            stop += n
        for i in range(start, min(stop, n)):
            item = self[i]
            if item is value or item == value:
                return i
        raise ValueError

    def count(self, value):
        return sum(1 for item in self if item is value or item == value)

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


_UNRESERVED = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
                        b'0123456789_.-~/')


def _quote(data):
    # Percent-encode bytes for a file URI ('/' stays as it is).
    return ''.join(chr(b) if b in _UNRESERVED else '%%%02X' % b
                   for b in data)


def _unquote(text):
    # Undo percent-encoding, giving bytes.
    raw = text.encode('utf-8')
    out = []
    i, n = 0, len(raw)
    hexdigits = b'0123456789abcdefABCDEF'
    while i < n:
        b = raw[i]
        if (b == 37 and i + 2 < n and raw[i + 1] in hexdigits
                and raw[i + 2] in hexdigits):
            out.append(int(raw[i + 1:i + 3].decode('ascii'), 16))
            i += 3
        else:
            out.append(b)
            i += 1
    return bytes(out)


class PurePathBase:
    """Root of the pure path classes (CPython keeps a generic path model
    here; in this implementation everything lives in PurePath)."""
    __slots__ = ()


class PathBase(PurePathBase):
    """Root of the concrete path classes."""
    __slots__ = ()


class PurePath(PurePathBase):
    """A file-system path without I/O: parsing, joining and comparing.

    PurePath(...) makes a PurePosixPath here (a PureWindowsPath on
    Windows); either can be built directly on any system."""

    __slots__ = ('_raw_paths', '_drv', '_root', '_tail_cached', '_str',
                 '_str_normcase_cached', '_parts_normcase_cached', '_hash')
    parser = posixpath
    _globber = _glob._StringGlobber

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == 'nt' else PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        paths = []
        for arg in args:
            if isinstance(arg, PurePath):
                if arg.parser is ntpath and self.parser is posixpath:
                    # Windows paths joined into POSIX ones use '/' instead.
                    paths.extend(p.replace('\\', '/') for p in arg._raw_paths)
                else:
                    paths.extend(arg._raw_paths)
                continue
            try:
                path = os.fspath(arg)
            except TypeError:
                path = arg
            if not isinstance(path, str):
                raise TypeError(
                    "argument should be a str or an os.PathLike object "
                    "where __fspath__ returns a str, not "
                    + repr(type(path).__name__))
            paths.append(path)
        self._raw_paths = paths
        self._drv = self._root = self._tail_cached = None
        self._str = self._str_normcase_cached = None
        self._parts_normcase_cached = self._hash = None

    def with_segments(self, *pathsegments):
        """A new path of the same type from the given segments; subclasses
        override it to pass extra state along to derived paths."""
        return type(self)(*pathsegments)

    def joinpath(self, *pathsegments):
        """This path joined with the segments (an anchored one restarts)."""
        return self.with_segments(self, *pathsegments)

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    def __reduce__(self):
        return self.__class__, tuple(self._raw_paths)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def __fspath__(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def as_posix(self):
        """The path with forward slashes."""
        return str(self).replace(self.parser.sep, '/')

    # ---------------------------------------------------------- parsing

    @classmethod
    def _parse_path(cls, path):
        # (drive, root, tail segments) of one joined path string.
        if not path:
            return '', '', []
        sep = cls.parser.sep
        altsep = cls.parser.altsep
        if altsep:
            path = path.replace(altsep, sep)
        drv, root, rel = cls.parser.splitroot(path)
        if not root and drv.startswith(sep) and not drv.endswith(sep):
            pieces = drv.split(sep)
            # A UNC share (//server/share, //?/UNC/server/share) is rooted.
            if len(pieces) == 4 and pieces[2] not in '?.':
                root = sep
            elif len(pieces) == 6:
                root = sep
        tail = [x for x in rel.split(sep) if x and x != '.']
        return drv, root, tail

    @property
    def _raw_path(self):
        paths = self._raw_paths
        if not paths:
            return ''
        if len(paths) == 1:
            return paths[0]
        return self.parser.join(*paths)

    def _load_parts(self):
        self._drv, self._root, self._tail_cached = self._parse_path(
            self._raw_path)

    @classmethod
    def _format_parsed_parts(cls, drv, root, tail):
        if drv or root:
            return drv + root + cls.parser.sep.join(tail)
        if tail and cls.parser.splitdrive(tail[0])[0]:
            # A first segment like 'c:x' must not read as a drive.
            tail = ['.'] + tail
        return cls.parser.sep.join(tail)

    def _from_parsed_parts(self, drv, root, tail):
        path = self._from_parsed_string(
            self._format_parsed_parts(drv, root, tail))
        path._drv = drv
        path._root = root
        path._tail_cached = tail
        return path

    def _from_parsed_string(self, path_str):
        path = self.with_segments(path_str)
        path._str = path_str or '.'
        return path

    def __str__(self):
        s = self._str
        if s is None:
            s = self._format_parsed_parts(self.drive, self.root,
                                          self._tail) or '.'
            self._str = s
        return s

    @property
    def drive(self):
        """The drive prefix (letter or UNC share), if any."""
        if self._tail_cached is None:
            self._load_parts()
        return self._drv

    @property
    def root(self):
        """The root ('/' or '\\'), if any."""
        if self._tail_cached is None:
            self._load_parts()
        return self._root

    @property
    def _tail(self):
        if self._tail_cached is None:
            self._load_parts()
        return self._tail_cached

    @property
    def anchor(self):
        """Drive and root together."""
        return self.drive + self.root

    @property
    def parts(self):
        """The components of the path, the anchor first."""
        anchor = self.drive + self.root
        if anchor:
            return (anchor,) + tuple(self._tail)
        return tuple(self._tail)

    @property
    def parent(self):
        """The logical parent (the path itself for an anchor or '.')."""
        tail = self._tail
        if not tail:
            return self
        return self._from_parsed_parts(self.drive, self.root, tail[:-1])

    @property
    def parents(self):
        """The sequence of logical ancestors."""
        return _PathParents(self)

    @property
    def name(self):
        """The final component, or ''."""
        tail = self._tail
        return tail[-1] if tail else ''

    @property
    def suffix(self):
        """The last '.ext' of the final component, or ''."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        """All the '.ext' parts of the final component."""
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        """The final component without its last suffix."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    # ---------------------------------------------------------- derived paths

    def with_name(self, name):
        """This path with its final component replaced."""
        p = self.parser
        if (not name or p.sep in name or (p.altsep and p.altsep in name)
                or name == '.'):
            raise ValueError("Invalid name " + repr(name))
        tail = list(self._tail)
        if not tail:
            raise ValueError(repr(self) + " has an empty name")
        tail[-1] = name
        return self._from_parsed_parts(self.drive, self.root, tail)

    def with_stem(self, stem):
        """This path with the stem of its final component replaced."""
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        if not stem:
            raise ValueError(repr(self) + " has a non-empty suffix")
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        """This path with its suffix changed, added ('' removes it)."""
        stem = self.stem
        if not stem:
            raise ValueError(repr(self) + " has an empty name")
        if suffix and not (suffix.startswith('.') and len(suffix) > 1):
            raise ValueError("Invalid suffix " + repr(suffix))
        return self.with_name(stem + suffix)

    def relative_to(self, other, /, *_deprecated, walk_up=False):
        """This path relative to `other`; ValueError when it is not below
        it (with walk_up=True, '..' segments climb out instead)."""
        if _deprecated:
            import warnings
            warnings.warn("support for supplying more than one positional "
                          "argument to pathlib.PurePath.relative_to() is "
                          "deprecated and scheduled for removal in Python "
                          "3.14", DeprecationWarning, stacklevel=2)
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        parents = self.parents
        step = 0
        base = other
        for base in [other] + list(other.parents):
            if base == self or base in parents:
                break
            if not walk_up:
                raise ValueError(repr(str(self)) + " is not in the subpath of "
                                 + repr(str(other)))
            if base.name == '..':
                raise ValueError("'..' segment in " + repr(str(other))
                                 + " cannot be walked")
            step += 1
        else:
            raise ValueError(repr(str(self)) + " and " + repr(str(other))
                             + " have different anchors")
        tail = ['..'] * step + self._tail[len(base._tail):]
        return self._from_parsed_parts('', '', tail)

    def is_relative_to(self, other, /, *_deprecated):
        """Whether this path is `other` or below it."""
        if _deprecated:
            import warnings
            warnings.warn("support for supplying more than one argument to "
                          "pathlib.PurePath.is_relative_to() is deprecated "
                          "and scheduled for removal in Python 3.14",
                          DeprecationWarning, stacklevel=2)
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        return other == self or other in self.parents

    def is_absolute(self):
        """Whether the path has a root (and a drive, where drives exist)."""
        if self.parser is posixpath:
            for path in self._raw_paths:
                if path.startswith('/'):
                    return True
            return False
        return self.parser.isabs(self)

    def is_reserved(self):
        """Whether Windows reserves the name (deprecated)."""
        import warnings
        warnings.warn("pathlib.PurePath.is_reserved() is deprecated and "
                      "scheduled for removal in Python 3.15. Use "
                      "os.path.isreserved() to detect reserved paths on "
                      "Windows.", DeprecationWarning, stacklevel=2)
        if self.parser is ntpath:
            return self.parser.isreserved(self)
        return False

    def as_uri(self):
        """The path as a 'file:' URI (it must be absolute)."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        drive = self.drive
        if len(drive) == 2 and drive[1] == ':':
            prefix = 'file:///' + drive
            path = self.as_posix()[2:]
        elif drive:
            prefix = 'file:'
            path = self.as_posix()
        else:
            prefix = 'file://'
            path = str(self)
        return prefix + _quote(os.fsencode(path))

    # ---------------------------------------------------------- comparison

    @property
    def _str_normcase(self):
        s = self._str_normcase_cached
        if s is None:
            s = str(self)
            if self.parser is not posixpath:
                s = s.lower()
            self._str_normcase_cached = s
        return s

    @property
    def _parts_normcase(self):
        parts = self._parts_normcase_cached
        if parts is None:
            parts = self._str_normcase.split(self.parser.sep)
            self._parts_normcase_cached = parts
        return parts

    def __hash__(self):
        h = self._hash
        if h is None:
            h = self._hash = hash(self._str_normcase)
        return h

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return (self._str_normcase == other._str_normcase
                and self.parser is other.parser)

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    # ---------------------------------------------------------- matching

    @property
    def _pattern_str(self):
        # An empty path must not match wildcards: '.' becomes ''.
        s = str(self)
        return '' if s == '.' else s

    def match(self, path_pattern, *, case_sensitive=None):
        """Whether the path matches a glob-style pattern, compared from the
        right ('**' acts like '*'); an absolute pattern must match whole."""
        if not isinstance(path_pattern, PurePath):
            path_pattern = self.with_segments(path_pattern)
        if case_sensitive is None:
            case_sensitive = _is_case_sensitive(self.parser)
        path_parts = self.parts[::-1]
        pattern_parts = path_pattern.parts[::-1]
        if not pattern_parts:
            raise ValueError("empty pattern")
        if len(path_parts) < len(pattern_parts):
            return False
        if len(path_parts) > len(pattern_parts) and path_pattern.anchor:
            return False
        globber = self._globber(path_pattern.parser.sep, case_sensitive)
        for path_part, pattern_part in zip(path_parts, pattern_parts):
            if globber.compile(pattern_part)(path_part) is None:
                return False
        return True

    def full_match(self, pattern, *, case_sensitive=None):
        """Whether the whole path matches a glob-style pattern, in which
        '**' spans any number of segments."""
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if case_sensitive is None:
            case_sensitive = _is_case_sensitive(self.parser)
        globber = self._globber(pattern.parser.sep, case_sensitive,
                                recursive=True)
        match = globber.compile(pattern._pattern_str)
        return match(self._pattern_str) is not None


os.PathLike.register(PurePath)


class PurePosixPath(PurePath):
    """A pure path with POSIX rules ('/' separates, no drives)."""
    parser = posixpath
    __slots__ = ()


class PureWindowsPath(PurePath):
    """A pure path with Windows rules (drives, UNC shares, '\\' and '/',
    case-insensitive comparison)."""
    parser = ntpath
    __slots__ = ()


for _cls in (PurePath, PurePosixPath, PureWindowsPath, _PathParents):
    _cls.__module__ = 'pathlib._local'
for _cls in (UnsupportedOperation, PurePathBase, PathBase):
    _cls.__module__ = 'pathlib._abc'
del _cls
