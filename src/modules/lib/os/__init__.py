"""Operating-system interfaces: files, directories, the environment, process
facts.  A thin, CPython-shaped layer over the native `_os` system calls."""

import abc as _abc
import sys as _sys

import _os

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
defpath = '/bin:/usr/bin'

error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

F_OK = 0
X_OK = 1
W_OK = 2
R_OK = 4

O_RDONLY = _os.O_RDONLY
O_WRONLY = _os.O_WRONLY
O_RDWR = _os.O_RDWR
O_APPEND = _os.O_APPEND
O_CREAT = _os.O_CREAT
O_EXCL = _os.O_EXCL
O_TRUNC = _os.O_TRUNC
O_CLOEXEC = _os.O_CLOEXEC
O_NONBLOCK = _os.O_NONBLOCK
O_ACCMODE = 3

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


# ---------------------------------------------------------------- paths

class PathLike(_abc.ABC):
    """Abstract base for objects that stand for a file-system path."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def fspath(path):
    """The str or bytes form of a path; PathLike objects are asked for it."""
    if isinstance(path, (str, bytes)):
        return path
    kind = type(path)
    method = getattr(kind, '__fspath__', None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + kind.__name__)
    result = method(path)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError("expected " + kind.__name__ + ".__fspath__() to return "
                    "str or bytes, not " + type(result).__name__)


def fsencode(filename):
    """A path as bytes (UTF-8)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8')
    return filename


def fsdecode(filename):
    """A path as str (UTF-8)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8')
    return filename


def _sync():
    # Files written through open() but never closed still hold buffered data
    # (no finalizers here); push it out before the file system is inspected.
    fileio = _sys.modules.get('_fileio')
    if fileio is not None and fileio._dirty:
        fileio._flush_all()


def _native(path, func, fd_ok=False, none_ok=False, arg='path'):
    # The native layer takes str paths; bytes are decoded, fds pass through.
    # Bad types get CPython's "FUNC: path should be ..." message.
    if isinstance(path, int) and not isinstance(path, bool) and fd_ok:
        return path
    if isinstance(path, str):
        return path
    if isinstance(path, bytes):
        return path.decode('utf-8')
    if getattr(type(path), '__fspath__', None) is not None:
        return _native(fspath(path), func)
    if fd_ok and none_ok:
        kinds = 'string, bytes, os.PathLike, integer or None'
    elif fd_ok:
        kinds = 'string, bytes, os.PathLike or integer'
    else:
        kinds = 'string, bytes or os.PathLike'
    raise TypeError(func + ': ' + arg + ' should be ' + kinds + ', not '
                    + type(path).__name__)


# ---------------------------------------------------------------- stat

_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid',
                'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')


class stat_result(tuple):
    """Result of stat(): a 10-tuple with named fields and extra attributes
    (float times and nanosecond times)."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, seq, extra=None):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence ("
                            + str(len(seq)) + "-sequence given)")
        if len(seq) > 19:
            raise TypeError("os.stat_result() takes an at most 19-sequence ("
                            + str(len(seq)) + "-sequence given)")
        self = tuple.__new__(cls, seq[:10])
        more = dict(extra) if extra else {}
        for i in range(3):
            key = _STAT_FIELDS[7 + i]
            if key not in more:
                more[key] = seq[7 + i]
        self._extra = more
        return self

    def __repr__(self):
        parts = [_STAT_FIELDS[i] + '=' + repr(self[i]) for i in range(10)]
        return 'os.stat_result(' + ', '.join(parts) + ')'

    def __reduce__(self):
        return (stat_result, (tuple(self), self._extra))

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra['st_atime'])
    st_mtime = property(lambda self: self._extra['st_mtime'])
    st_ctime = property(lambda self: self._extra['st_ctime'])
    st_atime_ns = property(lambda self: self._extra.get('st_atime_ns'))
    st_mtime_ns = property(lambda self: self._extra.get('st_mtime_ns'))
    st_ctime_ns = property(lambda self: self._extra.get('st_ctime_ns'))


def _ns_to_float(ns):
    return ns // 1000000000 + (ns % 1000000000) * 1e-9


def _make_stat(raw):
    ints = list(raw[:7])
    extra = {}
    for i, key in enumerate(('st_atime', 'st_mtime', 'st_ctime')):
        ns = raw[7 + i]
        ints.append(ns // 1000000000)
        extra[key] = _ns_to_float(ns)
        extra[key + '_ns'] = ns
    return stat_result(ints, extra)


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Status of a path (or an open file descriptor)."""
    _sync()
    path = _native(path, 'stat', True)
    if isinstance(path, int):
        return _make_stat(_os.fstat(path))
    return _make_stat(_os.stat(path, bool(follow_symlinks)))


def lstat(path, *, dir_fd=None):
    """Like stat() but a symbolic link describes itself."""
    _sync()
    return _make_stat(_os.stat(_native(path, 'lstat'), False))


def fstat(fd):
    """Status of an open file descriptor."""
    _sync()
    return _make_stat(_os.fstat(fd))


class terminal_size(tuple):
    """Size of a terminal as (columns, lines)."""

    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence ("
                            + str(len(seq)) + "-sequence given)")
        return tuple.__new__(cls, seq)

    def __repr__(self):
        return ('os.terminal_size(columns=' + repr(self[0]) + ', lines='
                + repr(self[1]) + ')')

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])


def get_terminal_size(fd=1):
    """Size of the terminal on `fd`; OSError when it is not a terminal."""
    if not _os.isatty(fd):
        raise OSError(25, 'Inappropriate ioctl for device')
    env = _os.environ()
    try:
        columns = int(env.get('COLUMNS', '80'))
        lines = int(env.get('LINES', '24'))
    except ValueError:
        columns, lines = 80, 24
    return terminal_size((columns, lines))


# ---------------------------------------------------------------- environment

class _Environ:
    """The process environment; assignments reach child processes.

    A full mutable mapping written out here rather than derived from
    collections.abc, which would make every `import os` noticeably slower."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[_env_str(key)]

    def __setitem__(self, key, value):
        key = _env_str(key)
        value = _env_str(value)
        _os.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        key = _env_str(key)
        if key not in self._data:
            raise KeyError(key)
        _os.unsetenv(key)
        del self._data[key]

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return _env_str(key) in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        items = ', '.join(repr(k) + ': ' + repr(v)
                          for k, v in self._data.items())
        return 'environ({' + items + '})'

    def get(self, key, default=None):
        key = _env_str(key)
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    _missing = object()

    def pop(self, key, default=_missing):
        key = _env_str(key)
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._missing:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError('popitem(): dictionary is empty')
        key = next(iter(self._data))
        value = self._data[key]
        del self[key]
        return key, value

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self._data)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self._data)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


def _env_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not " + type(value).__name__)
    return value


environ = _Environ(_os.environ())


def getenv(key, default=None):
    """An environment variable, or `default` when unset."""
    return environ.get(key, default)


def putenv(key, value):
    """Set a variable in the real environment (os.environ is not updated)."""
    _os.putenv(_env_str(fsdecode(key)), _env_str(fsdecode(value)))


def unsetenv(key):
    """Remove a variable from the real environment."""
    _os.unsetenv(_env_str(fsdecode(key)))


# ---------------------------------------------------------------- process

def getcwd():
    """The current working directory."""
    return _os.getcwd()


def getcwdb():
    """The current working directory as bytes."""
    return _os.getcwd().encode('utf-8')


def chdir(path):
    """Change the current working directory."""
    _os.chdir(_native(path, 'chdir', True))


def getpid():
    return _os.getpid()


def kill(pid, signal, /):
    """Sends *signal* to the process *pid*."""
    _os.kill(pid, signal)


def getppid():
    return _os.getppid()


def getuid():
    return _os.getuid()


def umask(mask):
    """Set the file-creation mask; returns the previous one."""
    return _os.umask(mask)


def cpu_count():
    """Number of CPUs in the system."""
    return _os.cpu_count()


def process_cpu_count():
    return _os.cpu_count()


def urandom(size):
    """`size` random bytes from the OS."""
    if size < 0:
        raise ValueError("negative argument not allowed")
    return _os.urandom(size)


def strerror(code):
    """The message for an error number."""
    return _os.strerror(code)


# ---------------------------------------------------------------- descriptors

def open(path, flags, mode=0o777, *, dir_fd=None):
    """Open a file descriptor."""
    _sync()
    return _os.open(_native(path, 'open'), flags, mode)


def read(fd, n):
    _sync()
    return _os.read(fd, n)


def write(fd, data):
    return _os.write(fd, data)


def close(fd):
    _os.close(fd)


def lseek(fd, position, whence):
    return _os.lseek(fd, position, whence)


def ftruncate(fd, length):
    _os.ftruncate(fd, length)


def truncate(path, length):
    fd = _os.open(_native(path, 'truncate', True), O_WRONLY, 0)
    try:
        _os.ftruncate(fd, length)
    finally:
        _os.close(fd)


def isatty(fd):
    return _os.isatty(fd)


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    """A file object on an already open file descriptor."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (" + repr(type(fd))
                        + ", expected integer)")
    import _fileio
    return _fileio.open(fd, mode, buffering, encoding, *args, **kwargs)


# ---------------------------------------------------------------- files

def _same_kind(path, names):
    # listdir/scandir answer in the type of the path they were given.
    if isinstance(path, bytes):
        return [n.encode('utf-8') for n in names]
    return names


def listdir(path=None):
    """Names of the entries in a directory (without '.' and '..')."""
    if path is None:
        path = '.'
    native = _native(path, 'listdir', True, True)
    if not isinstance(path, (str, bytes, int)):
        path = fspath(path)
    return _same_kind(path, _os.listdir(native))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _os.mkdir(_native(path, 'mkdir'), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a directory and any missing parents."""
    from os import path as _p
    head, tail = _p.split(name)
    if not tail:
        head, tail = _p.split(head)
    if head and tail and not _p.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass   # another creator won the race
        cdir = b'.' if isinstance(tail, bytes) else '.'
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not _p.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    _os.rmdir(_native(path, 'rmdir'))


def removedirs(name):
    """Remove a directory, then each empty parent in turn."""
    from os import path as _p
    rmdir(name)
    head, tail = _p.split(name)
    if not tail:
        head, tail = _p.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = _p.split(head)


def unlink(path, *, dir_fd=None):
    _os.unlink(_native(path, 'unlink'))


def remove(path, *, dir_fd=None):
    _os.unlink(_native(path, 'remove'))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _sync()
    _os.rename(_native(src, 'rename', arg='src'),
               _native(dst, 'rename', arg='dst'))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _sync()
    _os.rename(_native(src, 'replace', arg='src'),
               _native(dst, 'replace', arg='dst'))


def renames(old, new):
    """Rename, creating the new parents and pruning the old empty ones."""
    from os import path as _p
    head, tail = _p.split(new)
    if head and tail and not _p.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = _p.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def readlink(path, *, dir_fd=None):
    native = _native(path, 'readlink')
    target = _os.readlink(native)
    path = fspath(path)
    if isinstance(path, bytes):
        return target.encode('utf-8')
    return target


def access(path, mode, *, dir_fd=None, effective_ids=False,
           follow_symlinks=True):
    """Whether the calling process may access `path` in `mode`."""
    return _os.access(_native(path, 'access'), mode)


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    """Set access and modification times (seconds or nanoseconds)."""
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' "
                         "but not both")
    if times is not None:
        if not isinstance(times, tuple) or len(times) != 2:
            raise TypeError("utime: 'times' must be either a tuple of two "
                            "ints or None")
        atime_ns = _seconds_to_ns(times[0])
        mtime_ns = _seconds_to_ns(times[1])
    elif ns is not None:
        if not isinstance(ns, tuple) or len(ns) != 2:
            raise TypeError("utime: 'ns' must be a tuple of two ints")
        atime_ns, mtime_ns = ns
    else:
        import time
        atime_ns = mtime_ns = time.time_ns()
    _os.utime(_native(path, 'utime', True), atime_ns, mtime_ns)


def _seconds_to_ns(value):
    if isinstance(value, int):
        return value * 1000000000
    return int(round(value * 1e9))


# ---------------------------------------------------------------- scandir

class DirEntry:
    """One entry of a scandir() listing; stat results are cached."""

    def __init__(self, dirpath, name):
        self.name = name
        if isinstance(name, bytes):
            sep_ = b'/'
        else:
            sep_ = '/'
        if dirpath == sep_[:0] or dirpath is None:
            self.path = name
        elif dirpath.endswith(sep_):
            self.path = dirpath + name
        else:
            self.path = dirpath + sep_ + name
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return '<DirEntry ' + repr(self.name) + '>'

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & _S_IFMT == _S_IFDIR

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & _S_IFMT == _S_IFREG

    def is_symlink(self):
        return self._mode(False) & _S_IFMT == _S_IFLNK

    def is_junction(self):
        return False

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    """Iterator over DirEntry objects; also a context manager."""

    def __init__(self, path, names):
        self._path = path
        self._names = names
        self._pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._names is None or self._pos >= len(self._names):
            raise StopIteration
        name = self._names[self._pos]
        self._pos += 1
        return DirEntry(self._path, name)

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path=None):
    """Iterate over the entries of a directory as DirEntry objects."""
    if path is None:
        path = '.'
    native = _native(path, 'scandir', True, True)
    if not isinstance(path, (str, bytes, int)):
        path = fspath(path)
    names = _same_kind(path, _os.listdir(native))
    return _ScandirIterator(path, names)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory in the tree."""
    from os import path as _p
    stack = [fspath(top)]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            # A bottom-up result whose subdirectories are all done.
            yield top
            continue
        dirs = []
        nondirs = []
        walk_into = []
        try:
            entries = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        with entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into.append(entry.path)
                    else:
                        try:
                            link = entry.is_symlink()
                        except OSError:
                            link = False
                        if not link:
                            walk_into.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            # The caller may have pruned `dirs`; visit what is left in order.
            for dirname in reversed(dirs):
                new_path = _p.join(top, dirname)
                if followlinks or not _p.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_into):
                stack.append(new_path)


import os.path as path
