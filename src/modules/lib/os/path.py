"""POSIX pathname operations (`os.path`, also known as `posixpath`).

Every function accepts str, bytes or an os.PathLike object and answers in
the same type it was given.  The string functions never touch the disk;
the query functions (`exists`, `isdir`, `getsize`, ...) go through `os.stat`.
"""

import os

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split",
           "splitext", "basename", "dirname", "commonprefix", "getsize",
           "getmtime", "getatime", "getctime", "islink", "exists", "lexists",
           "isdir", "isfile", "ismount", "expanduser", "expandvars",
           "normpath", "abspath", "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep",
           "extsep", "devnull", "realpath", "supports_unicode_filenames",
           "relpath", "commonpath", "isjunction", "isdevdrive"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _seps(p):
    # (sep, curdir, pardir) in the type of `p`.
    if isinstance(p, bytes):
        return b'/', b'.', b'..'
    return '/', '.', '..'


def _check_arg_types(funcname, *args):
    # Called after a TypeError to give CPython's clearer message.
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError(funcname + "() argument must be str, bytes, or "
                            "os.PathLike object, not "
                            + repr(type(s).__name__)) from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def normcase(s):
    """Normalize case of pathname; nothing to do on POSIX."""
    return os.fspath(s)


def isabs(s):
    """Test whether a path is absolute."""
    s = os.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    """Join path components, inserting '/' as needed; an absolute
    component discards everything before it."""
    a = os.fspath(a)
    sep = _seps(a)[0]
    path = a
    try:
        if not p:
            # Provoke the str/bytes check even with a single argument.
            path[:0] + sep
        for b in p:
            b = os.fspath(b)
            if b.startswith(sep) or not path:
                path = b
            elif path.endswith(sep):
                path = path + b
            else:
                path = path + sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def _strip_head(head, sep):
    # Trailing slashes go unless the head is nothing but slashes.
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def split(p):
    """Split into (head, tail) where tail is everything after the last '/'."""
    p = os.fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    return _strip_head(p[:i], sep), p[i:]


def splitext(p):
    """Split the extension (from the last dot of the last component, leading
    dots ignored) from a path; returns (root, ext)."""
    p = os.fspath(p)
    sep, dot, _ = _seps(p)
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        i = sep_index + 1
        while i < dot_index:
            if p[i:i + 1] != dot:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    """Split into (drive, path); the drive is always empty on POSIX."""
    p = os.fspath(p)
    return p[:0], p


def splitroot(p):
    """Split into (drive, root, tail)."""
    p = os.fspath(p)
    sep = _seps(p)[0]
    empty = p[:0]
    if p[:1] != sep:
        return empty, empty, p
    if p[1:2] != sep or p[2:3] == sep:
        return empty, sep, p[1:]
    # Exactly two leading slashes keep their implementation-defined meaning.
    return empty, p[:2], p[2:]


def basename(p):
    """The final component of a pathname."""
    p = os.fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    """The directory component of a pathname."""
    p = os.fspath(p)
    sep = _seps(p)[0]
    return _strip_head(p[:p.rfind(sep) + 1], sep)


def _stat_mode(path, follow=True):
    try:
        st = os.stat(path) if follow else os.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode


def exists(path):
    """Whether the path names an existing file (broken symlinks: False)."""
    return _stat_mode(path) is not None


def lexists(path):
    """Whether the path exists, counting broken symlinks."""
    return _stat_mode(path, False) is not None


def isfile(path):
    """Whether the path is a regular file (following symlinks)."""
    m = _stat_mode(path)
    return m is not None and m & _S_IFMT == _S_IFREG


def isdir(s):
    """Whether the path is a directory (following symlinks)."""
    m = _stat_mode(s)
    return m is not None and m & _S_IFMT == _S_IFDIR


def islink(path):
    """Whether the path is a symbolic link."""
    m = _stat_mode(path, False)
    return m is not None and m & _S_IFMT == _S_IFLNK


def isjunction(path):
    """Junctions exist only on Windows."""
    os.fspath(path)
    return False


def isdevdrive(path):
    """Dev Drives exist only on Windows."""
    os.fspath(path)
    return False


def ismount(path):
    """Whether the path is a mount point."""
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if s1.st_mode & _S_IFMT == _S_IFLNK:
        return False
    path = os.fspath(path)
    parent = join(path, _seps(path)[2])
    try:
        s2 = os.lstat(parent)
    except OSError:
        try:
            s2 = os.lstat(realpath(parent))
        except OSError:
            return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    """Size of a file in bytes."""
    return os.stat(filename).st_size


def getmtime(filename):
    """Last modification time (seconds since the epoch)."""
    return os.stat(filename).st_mtime


def getatime(filename):
    """Last access time (seconds since the epoch)."""
    return os.stat(filename).st_atime


def getctime(filename):
    """Last metadata change time (seconds since the epoch)."""
    return os.stat(filename).st_ctime


def commonprefix(m):
    """The longest common leading string (not path-aware) of the items."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    lo = min(m)
    hi = max(m)
    for i in range(len(lo)):
        if lo[i] != hi[i]:
            return lo[:i]
    return lo


def samestat(s1, s2):
    """Whether two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether two paths name the same file."""
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    """Whether two file descriptors refer to the same file."""
    return samestat(os.fstat(fp1), os.fstat(fp2))


def expanduser(path):
    """Replace a leading '~' by $HOME; '~user' forms are left alone when the
    user database is unavailable."""
    path = os.fspath(path)
    sep = _seps(path)[0]
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1 or 'HOME' not in os.environ:
        # No pwd database here: '~user' and a missing $HOME stay unchanged.
        return path
    home = os.environ['HOME']
    if isinstance(path, bytes):
        home = os.fsencode(home)
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def _is_word(ch):
    # ASCII \w: what CPython's re.ASCII pattern accepts in a variable name.
    return ('a' <= ch <= 'z' or 'A' <= ch <= 'Z' or '0' <= ch <= '9'
            or ch == '_')


def _expand_str(path, lookup):
    # Scan for $name and ${name}; unknown variables are kept verbatim.
    out = []
    i = 0
    n = len(path)
    while True:
        j = path.find('$', i)
        if j < 0:
            out.append(path[i:])
            break
        out.append(path[i:j])
        k = j + 1
        if k < n and path[k] == '{':
            close = path.find('}', k + 1)
            if close < 0:
                out.append('$')
                i = k
                continue
            name = path[k + 1:close]
            end = close + 1
        else:
            end = k
            while end < n and _is_word(path[end]):
                end += 1
            if end == k:
                out.append('$')
                i = k
                continue
            name = path[k:end]
        value = lookup(name)
        out.append(path[j:end] if value is None else value)
        i = end
    return ''.join(out)


def expandvars(path):
    """Expand $var and ${var} from the environment; unknown ones stay."""
    path = os.fspath(path)
    env = os.environ
    if isinstance(path, bytes):
        if b'$' not in path:
            return path
        # Work on a latin-1 image of the bytes so every byte round-trips.
        def blookup(name):
            key = os.fsdecode(name.encode('latin-1'))
            if key not in env:
                return None
            return os.fsencode(env[key]).decode('latin-1')
        return _expand_str(path.decode('latin-1'), blookup).encode('latin-1')
    if '$' not in path:
        return path
    return _expand_str(path, lambda name: env.get(name))


def normpath(path):
    """Collapse redundant separators and '.'/'..' components."""
    path = os.fspath(path)
    sep, dot, dotdot = _seps(path)
    if not path:
        return dot
    _, root, rest = splitroot(path)
    parts = []
    for comp in rest.split(sep):
        if not comp or comp == dot:
            continue
        if comp != dotdot or (not root and not parts) or (
                parts and parts[-1] == dotdot):
            parts.append(comp)
        elif parts:
            parts.pop()
    return (root + sep.join(parts)) or dot


def abspath(path):
    """Absolute, normalized version of a path."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        if not path.startswith(b'/'):
            path = join(os.getcwdb(), path)
    elif not path.startswith('/'):
        path = join(os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Canonical path, with symbolic links resolved."""
    filename = os.fspath(filename)
    sep, dot, dotdot = _seps(filename)
    getcwd = os.getcwdb if isinstance(filename, bytes) else os.getcwd
    # Pending components, reversed so pop() yields the next one; a None marks
    # the end of a symlink's expansion (the link path sits beneath it).
    todo = filename.split(sep)[::-1]
    path = sep if filename.startswith(sep) else getcwd()
    seen = {}
    while todo:
        name = todo.pop()
        if name is None:
            seen[todo.pop()] = path
            continue
        if not name or name == dot:
            continue
        if name == dotdot:
            path = path[:path.rfind(sep)] or sep
            continue
        newpath = path + name if path == sep else path + sep + name
        try:
            st = os.lstat(newpath)
            if st.st_mode & _S_IFMT != _S_IFLNK:
                path = newpath
                continue
            if newpath in seen:
                path = seen[newpath]
                if path is not None:
                    continue
                if strict:
                    os.stat(newpath)   # raises the ELOOP error
                path = newpath
                continue
            target = os.readlink(newpath)
        except OSError:
            if strict:
                raise
            path = newpath
            continue
        seen[newpath] = None
        if target.startswith(sep):
            path = sep
        todo.append(newpath)
        todo.append(None)
        todo.extend(target.split(sep)[::-1])
    return path


def relpath(path, start=None):
    """Relative path to `path` from `start` (default: the current dir)."""
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    sep, dot, dotdot = _seps(path)
    start = dot if start is None else os.fspath(start)
    try:
        start_tail = abspath(start).lstrip(sep)
        path_tail = abspath(path).lstrip(sep)
        start_list = start_tail.split(sep) if start_tail else []
        path_list = path_tail.split(sep) if path_tail else []
        i = len(commonprefix([start_list, path_list]))
        rel = [dotdot] * (len(start_list) - i) + path_list[i:]
        if not rel:
            return dot
        return sep.join(rel)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Longest common sub-path of the given paths."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    sep, dot, _ = _seps(paths[0])
    try:
        split_paths = [p.split(sep) for p in paths]
        kinds = {p.startswith(sep) for p in paths}
        if len(kinds) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        absolute = kinds.pop()
        split_paths = [[c for c in s if c and c != dot] for s in split_paths]
        lo = min(split_paths)
        hi = max(split_paths)
        common = lo
        for i in range(len(lo)):
            if lo[i] != hi[i]:
                common = lo[:i]
                break
        return (sep if absolute else sep[:0]) + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise
