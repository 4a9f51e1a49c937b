"""Filename globbing: find the paths matching a shell-style pattern.

`glob()`/`iglob()` follow the shell rules: '*', '?' and '[...]' match within
one path segment, names starting with a dot are only matched by patterns that
start with a dot (unless include_hidden), and with recursive=True a '**'
segment matches any number of directories.  `translate()` turns a pattern
into a regular expression.  The `_StringGlobber` class at the end is the
engine behind pathlib's Path.glob().
"""

import os
import fnmatch

# `re` is only needed once a pattern is compiled: importing it up front
# would double the cost of `import glob` (and of `import pathlib`).

__all__ = ["glob", "iglob", "escape", "translate"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """A list of the paths matching `pathname` (see iglob())."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """An iterator over the paths matching `pathname`.

    Results are relative to `root_dir` (or to `dir_fd`, an open directory)
    when the pattern is relative.  With recursive=True, '**' matches any
    files and zero or more directories; include_hidden=True lets wildcards
    match names that start with a dot."""
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    if dir_fd is not None:
        root_dir = _dir_fd_path(dir_fd, root_dir)
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # The start directory itself comes out first as an empty name.
        return _drop_empty_first(it)
    return it


def _dir_fd_path(dir_fd, root_dir):
    # No openat() here: find the directory's path through /proc instead.
    where = os.readlink('/proc/self/fd/' + str(dir_fd))
    if isinstance(root_dir, bytes):
        where = os.fsencode(where)
    return os.path.join(where, root_dir) if root_dir else where


def _drop_empty_first(it):
    for first in it:
        if first:
            yield first
        break
    yield from it


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        # A literal path: it is its own result if it exists.
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        elif os.path.isdir(_join(root_dir, dirname)):
            # a trailing slash asks for a directory
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    # split() hands back a bare root unchanged; don't recurse on it forever.
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if not has_magic(basename):
        in_dir = _glob0
    elif recursive and _isrecursive(basename):
        in_dir = _glob2
    else:
        in_dir = _glob1
    for parent in dirs:
        for name in in_dir(_join(root_dir, parent), basename, dironly,
                           include_hidden):
            yield os.path.join(parent, name)


def _glob1(dirname, pattern, dironly, include_hidden=False):
    # The names in a directory that match a wildcard pattern.
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden=False):
    # A literal name: itself if it exists ('' asks for the directory).
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden=False):
    # '**': the directory itself (as '') and everything below it.
    if not dirname or os.path.isdir(dirname):
        yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


_deprecated_message = (
    "{name} is deprecated and will be removed in Python 3.15. Use "
    "glob.glob and pass a directory to its root_dir argument instead.")


def glob0(dirname, pattern):
    import warnings
    warnings.warn(_deprecated_message.format(name='glob.glob0'),
                  DeprecationWarning, stacklevel=2)
    return _glob0(dirname, pattern, False)


def glob1(dirname, pattern):
    import warnings
    warnings.warn(_deprecated_message.format(name='glob.glob1'),
                  DeprecationWarning, stacklevel=2)
    return _glob1(dirname, pattern, False)


def _listdir(dirname, dironly):
    # Entry names of a directory (only subdirectories if dironly); an
    # unreadable directory simply has none.
    if not dirname:
        dirname = b'.' if isinstance(dirname, bytes) else '.'
    try:
        with os.scandir(dirname) as it:
            entries = list(it)
    except OSError:
        return []
    names = []
    for entry in entries:
        try:
            if not dironly or entry.is_dir():
                names.append(entry.name)
        except OSError:
            pass
    return names


def _rlistdir(dirname, dironly, include_hidden=False):
    # Every path below a directory, relative to it, parents first.
    for name in _listdir(dirname, dironly):
        if include_hidden or not _ishidden(name):
            yield name
            path = _join(dirname, name) if dirname else name
            for below in _rlistdir(path, dironly, include_hidden):
                yield _join(name, below)


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def __getattr__(name):
    # magic_check and magic_check_bytes are made on first use.
    if name in ('magic_check', 'magic_check_bytes'):
        import re
        g = globals()
        g['magic_check'] = re.compile('([*?[])')
        g['magic_check_bytes'] = re.compile(b'([*?[])')
        return g[name]
    raise AttributeError("module 'glob' has no attribute " + repr(name))


def has_magic(s):
    """Whether the string holds any of the wildcard characters * ? [."""
    if isinstance(s, bytes):
        return b'*' in s or b'?' in s or b'[' in s
    if not isinstance(s, str):
        raise TypeError("expected string or bytes-like object, got '"
                        + type(s).__name__ + "'")
    return '*' in s or '?' in s or '[' in s


def _ishidden(path):
    return path[0] in ('.', 46)


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def escape(pathname):
    """Escape the wildcard characters, each by enclosing it in brackets."""
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = (pathname.replace(b'[', b'[[]').replace(b'*', b'[*]')
                    .replace(b'?', b'[?]'))
    else:
        # '[' first, so the brackets added for '*' and '?' stay as they are.
        pathname = (pathname.replace('[', '[[]').replace('*', '[*]')
                    .replace('?', '[?]'))
    return drive + pathname


# ---------------------------------------------------------------- translate

# The characters re.escape() puts a backslash before.
_RE_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _re_escape(text):
    return ''.join('\\' + c if c in _RE_SPECIAL else c for c in text)


def _split_any(pat, seps):
    # pat split at every character that is one of seps.
    if len(seps) == 1:
        return pat.split(seps[0])
    parts = []
    start = 0
    for i, c in enumerate(pat):
        if c in seps:
            parts.append(pat[start:i])
            start = i + 1
    parts.append(pat[start:])
    return parts


def _set_chunks(pat, start, end):
    # The set pat[start:end] cut at its range hyphens; a range whose ends
    # are reversed (such as z-a) is empty and is dropped with its hyphen.
    chunks = []
    i = start
    k = start + 2 if pat[start] == '!' else start + 1
    while True:
        k = pat.find('-', k, end)
        if k < 0:
            break
        chunks.append(pat[i:k])
        i = k + 1
        k += 3
    last = pat[i:end]
    if last:
        chunks.append(last)
    else:
        chunks[-1] += '-'
    for k in range(len(chunks) - 1, 0, -1):
        if chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
    return chunks


def _set_regex(pat, start, end):
    # The regex for the bracket expression whose body is pat[start:end].
    body = pat[start:end]
    if '-' not in body:
        body = body.replace('\\', '\\\\')
    else:
        body = '-'.join(c.replace('\\', '\\\\').replace('-', '\\-')
                        for c in _set_chunks(pat, start, end))
    # '&&', '~~' and '||' could one day be set operations: escape them.
    body = ''.join('\\' + c if c in '&~|' else c for c in body)
    if not body:
        return '(?!)'
    if body == '!':
        return '.'
    if body[0] == '!':
        body = '^' + body[1:]
    elif body[0] in '^[':
        body = '\\' + body
    return '[' + body + ']'


def _translate_segment(pat, star, qmark):
    # Regex pieces for one shell pattern; runs of '*' count once.
    out = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not out or out[-1] is not star:
                out.append(star)
        elif c == '?':
            out.append(qmark)
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                out.append('\\[')
            else:
                out.append(_set_regex(pat, i, j))
                i = j + 1
        else:
            out.append('\\' + c if c in _RE_SPECIAL else c)
    return out


def translate(pat, *, recursive=False, include_hidden=False, seps=None):
    """The regular expression (a str) matching the paths that the pattern
    matches.  recursive=True makes '**' segments span directories,
    include_hidden=True lets wildcards match leading dots, and `seps` gives
    the separator characters (default: os.sep and os.altsep)."""
    if not seps:
        seps = (os.path.sep, os.path.altsep) if os.path.altsep else os.path.sep
    escaped = ''.join(map(_re_escape, seps))
    any_sep = '[' + escaped + ']' if len(seps) > 1 else escaped
    not_sep = '[^' + escaped + ']'
    if include_hidden:
        last_seg = not_sep + '+'
        any_segs = '(?:.+' + any_sep + ')?'
        any_last_segs = '.*'
    else:
        last_seg = '[^' + escaped + '.]' + not_sep + '*'
        any_segs = '(?:' + last_seg + any_sep + ')*'
        any_last_segs = any_segs + '(?:' + last_seg + ')?'
    one_seg = last_seg + any_sep
    star = not_sep + '*'
    out = []
    parts = _split_any(pat, seps)
    last = len(parts) - 1
    for idx, part in enumerate(parts):
        if part == '*':
            out.append(one_seg if idx < last else last_seg)
        elif recursive and part == '**':
            if idx == last:
                out.append(any_last_segs)
            elif parts[idx + 1] != '**':
                out.append(any_segs)
        else:
            if part:
                if not include_hidden and part[0] in '*?':
                    out.append(r'(?!\.)')
                out.extend(_translate_segment(part, star, not_sep))
            if idx < last:
                out.append(any_sep)
    return '(?s:' + ''.join(out) + ')\\Z'


_pattern_cache = {}


def _compile_pattern(pat, sep, case_sensitive, recursive=True):
    """The bound match() of the compiled pattern (hidden names included)."""
    key = (pat, sep, case_sensitive, recursive)
    match = _pattern_cache.get(key)
    if match is None:
        import re
        flags = 0 if case_sensitive else re.IGNORECASE
        regex = translate(pat, recursive=recursive, include_hidden=True,
                          seps=sep)
        match = re.compile(regex, flags).match
        if len(_pattern_cache) >= 512:
            _pattern_cache.clear()
        _pattern_cache[key] = match
    return match


# ---------------------------------------------------------------- pathlib

_special_parts = ('', '.', '..')
_no_recurse_symlinks = object()


def _add_slash(path):
    if not path or path[-1] == '/':
        return path
    return path + '/'


class _StringGlobber:
    """Selects the paths (as strings) matching a list of pattern segments.

    selector(parts) takes the segments reversed (next one last) and returns
    a function select(path, exists=False) yielding the matching paths below
    `path`; each kind of segment gets its own small selector closure, chained
    to the one for the rest of the pattern."""

    def __init__(self, sep, case_sensitive, case_pedantic=False,
                 recursive=False):
        self.sep = sep
        self.case_sensitive = case_sensitive
        # When case sensitivity was asked for explicitly, even literal
        # segments must be compared against the real directory listing.
        self.case_pedantic = case_pedantic
        self.recursive = recursive

    def compile(self, pat):
        return _compile_pattern(pat, self.sep, self.case_sensitive,
                                self.recursive)

    def selector(self, parts):
        if not parts:
            return self._select_exists
        part = parts.pop()
        if self.recursive and part == '**':
            return self._recursive_selector(part, parts)
        if part in _special_parts:
            return self._special_selector(part, parts)
        if not self.case_pedantic and not has_magic(part):
            return self._literal_selector(part, parts)
        return self._wildcard_selector(part, parts)

    @staticmethod
    def _select_exists(path, exists=False):
        if exists:
            yield path
            return
        try:
            os.lstat(path)
        except OSError:
            return
        yield path

    def _special_selector(self, part, parts):
        select_next = self.selector(parts)

        def select_special(path, exists=False):
            return select_next(_add_slash(path) + part, exists)
        return select_special

    def _literal_selector(self, part, parts):
        # Literal segments in a row need no listing: join them in one go.
        while parts and not has_magic(parts[-1]):
            part += self.sep + parts.pop()
        select_next = self.selector(parts)

        def select_literal(path, exists=False):
            return select_next(_add_slash(path) + part, False)
        return select_literal

    def _wildcard_selector(self, part, parts):
        match = None if part == '*' else self.compile(part)
        dir_only = bool(parts)
        select_next = self.selector(parts) if dir_only else None

        def select_wildcard(path, exists=False):
            entries = _scandir_list(path)
            for entry in entries:
                if match is not None and not match(entry.name):
                    continue
                if dir_only:
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                    yield from select_next(entry.path, True)
                else:
                    yield entry.path
        return select_wildcard

    def _recursive_selector(self, part, parts):
        while parts and parts[-1] == '**':
            parts.pop()
        follow = self.recursive is not _no_recurse_symlinks
        if follow:
            # Later plain segments become part of one regex that filters
            # the walk, so they cost no extra listings.
            while parts and parts[-1] not in _special_parts:
                part += self.sep + parts.pop()
        match = None if part == '**' else self.compile(part)
        dir_only = bool(parts)
        select_next = self.selector(parts)

        def select_recursive(path, exists=False):
            path = _add_slash(path)
            pos = len(path)
            if match is None or match(path, pos):
                yield from select_next(path, exists)
            stack = [path]
            while stack:
                yield from walk_step(stack, pos)

        def walk_step(stack, pos):
            for entry in _scandir_list(stack.pop()):
                try:
                    is_dir = entry.is_dir(follow_symlinks=follow)
                except OSError:
                    is_dir = False
                if is_dir or not dir_only:
                    entry_path = entry.path
                    if match is None or match(entry_path, pos):
                        if dir_only:
                            yield from select_next(entry_path, True)
                        else:
                            yield entry_path
                    if is_dir:
                        stack.append(entry_path)
        return select_recursive


def _scandir_list(path):
    # The entries of a directory, or none if it cannot be listed.
    try:
        with os.scandir(path) as it:
            return list(it)
    except OSError:
        return []
