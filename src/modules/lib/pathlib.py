"""Object-oriented file-system paths.

The pure classes (PurePath, PurePosixPath, PureWindowsPath) only handle
path strings; Path and PosixPath add the operations that touch the file
system, through the `os` module.  WindowsPath exists but cannot be built
on this system.
"""

import os

from _pathlib_pure import (PurePath, PathBase, PurePosixPath, PureWindowsPath,
                           UnsupportedOperation, _is_case_sensitive,
                           _unquote)
import glob as _glob

__all__ = [
    "UnsupportedOperation",
    "PurePath", "PurePosixPath", "PureWindowsPath",
    "Path", "PosixPath", "WindowsPath",
]

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000
_S_IFCHR = 0o020000
_S_IFBLK = 0o060000
_S_IFIFO = 0o010000
_S_IFSOCK = 0o140000

# ENOENT, ENOTDIR, EBADF, ELOOP: "it isn't there" for the is_*() queries.
_IGNORED_ERRNOS = (2, 20, 9, 40)


def _ignore_error(exc):
    return getattr(exc, 'errno', None) in _IGNORED_ERRNOS


def _walk(top, top_down, on_error, follow_symlinks):
    # os.walk(), except that without follow_symlinks a link to a directory
    # is listed with the files.
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            with os.scandir(top) as it:
                entries = list(it)
        except OSError as error:
            if on_error is not None:
                on_error(error)
            continue
        dirs = []
        nondirs = []
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=follow_symlinks)
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
        if top_down:
            yield top, dirs, nondirs
        else:
            stack.append((top, dirs, nondirs))
        # After a top-down yield the caller may have pruned `dirs`.
        for name in reversed(dirs):
            stack.append(os.path.join(top, name))


def _bytes_like(data):
    if isinstance(data, bytes):
        return data
    kind = type(data).__name__
    if kind in ('bytearray', 'memoryview'):
        return bytes(data)
    raise TypeError("memoryview: a bytes-like object is required, not '"
                    + kind + "'")


class Path(PathBase, PurePath):
    """A path on the local file system, with the operations that query and
    change it.  Path(...) makes a PosixPath here."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        if kwargs:
            import warnings
            warnings.warn("support for supplying keyword arguments to "
                          "pathlib.PurePath is deprecated and scheduled for "
                          "removal in Python 3.14", DeprecationWarning,
                          stacklevel=2)
        PurePath.__init__(self, *args)

    @classmethod
    def _unsupported_msg(cls, attribute):
        return cls.__name__ + "." + attribute + " is unsupported on this system"

    # ---------------------------------------------------------- queries

    def stat(self, *, follow_symlinks=True):
        """os.stat() of the path."""
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """os.lstat() of the path: a symlink describes itself."""
        return self.stat(follow_symlinks=False)

    def _mode(self, follow_symlinks=True):
        # The st_mode, or None when the path is missing (other errors raise).
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except OSError as e:
            if not _ignore_error(e):
                raise
            return None
        except ValueError:
            return None

    def _is_type(self, kind, follow_symlinks=True):
        mode = self._mode(follow_symlinks)
        return mode is not None and mode & _S_IFMT == kind

    def exists(self, *, follow_symlinks=True):
        """Whether the path exists (a broken symlink does not, unless
        follow_symlinks is false)."""
        return self._mode(follow_symlinks) is not None

    def is_dir(self, *, follow_symlinks=True):
        """Whether the path is a directory."""
        return self._is_type(_S_IFDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        """Whether the path is a regular file."""
        return self._is_type(_S_IFREG, follow_symlinks)

    def is_symlink(self):
        """Whether the path is a symbolic link."""
        return self._is_type(_S_IFLNK, False)

    def is_block_device(self):
        return self._is_type(_S_IFBLK)

    def is_char_device(self):
        return self._is_type(_S_IFCHR)

    def is_fifo(self):
        return self._is_type(_S_IFIFO)

    def is_socket(self):
        return self._is_type(_S_IFSOCK)

    def is_mount(self):
        """Whether the path is a mount point."""
        return os.path.ismount(self)

    def is_junction(self):
        """Junctions exist only on Windows."""
        return False

    def samefile(self, other_path):
        """Whether `other_path` names the same file."""
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.with_segments(other_path).stat()
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    # ---------------------------------------------------------- contents

    def open(self, mode='r', buffering=-1, encoding=None, errors=None,
             newline=None):
        """Open the file, as the built-in open() does."""
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """The whole file as bytes."""
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None, newline=None):
        """The whole file as text."""
        with self.open(mode='r', encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.read()

    def write_bytes(self, data):
        """Replace the file's contents with `data`; returns the count."""
        data = _bytes_like(data)
        with self.open(mode='wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """Replace the file's contents with the text; returns the count."""
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s'
                            % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.write(data)

    # ---------------------------------------------------------- listing

    def iterdir(self):
        """The paths of the directory's entries (in no particular order).
        The directory is read at once, so errors are raised here."""
        root_dir = str(self)
        with os.scandir(root_dir) as it:
            paths = [entry.path for entry in it]
        if root_dir == '.':
            paths = [p[2:] for p in paths]
        return map(self._from_parsed_string, paths)

    def _glob_selector(self, parts, case_sensitive, recurse_symlinks):
        if case_sensitive is None:
            case_sensitive = _is_case_sensitive(self.parser)
            case_pedantic = False
        else:
            case_pedantic = True
        recursive = True if recurse_symlinks else _glob._no_recurse_symlinks
        globber = self._globber(self.parser.sep, case_sensitive,
                                case_pedantic, recursive)
        return globber.selector(parts)

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """The existing paths below this one matching a relative pattern
        ('**' matches any number of directories)."""
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if pattern.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pattern._tail)
        if not parts:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        raw = pattern._raw_path
        if raw[-1] in (self.parser.sep, self.parser.altsep):
            # A trailing slash asks for directories only.
            parts.append('')
        select = self._glob_selector(parts[::-1], case_sensitive,
                                     recurse_symlinks)
        root = str(self)
        return self._glob_results(select(root), root == '.', parts[-1])

    def _glob_results(self, paths, strip_dot, last):
        anchor_len = len(self.anchor)
        sep = self.parser.sep
        for path in paths:
            if strip_dot:
                path = path[2:]
            if last == '':
                path = path[:-1]
            elif last == '**' and len(path) > anchor_len and path[-1] == sep:
                path = path[:-1]
            yield self._from_parsed_string(path)

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """glob() with '**/' in front of the pattern."""
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        pattern = '**' / pattern
        return self.glob(pattern, case_sensitive=case_sensitive,
                         recurse_symlinks=recurse_symlinks)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        """(dirpath, dirnames, filenames) for each directory of the tree,
        like os.walk()."""
        root_dir = str(self)
        for path_str, dirnames, filenames in _walk(root_dir, top_down,
                                                   on_error, follow_symlinks):
            if root_dir == '.':
                path_str = path_str[2:]
            yield self._from_parsed_string(path_str), dirnames, filenames

    # ---------------------------------------------------------- names

    @classmethod
    def cwd(cls):
        """The current working directory."""
        return cls('').absolute()

    @classmethod
    def home(cls):
        """The user's home directory."""
        return cls("~").expanduser()

    def absolute(self):
        """An absolute version of the path (no normalisation, no symlink
        resolution)."""
        if self.is_absolute():
            return self
        if self.root:
            drive = os.path.splitroot(os.getcwd())[0]
            return self._from_parsed_parts(drive, self.root, self._tail)
        if self.drive:
            cwd = os.path.abspath(self.drive)
        else:
            cwd = os.getcwd()
        if not self._tail:
            return self._from_parsed_string(cwd)
        drive, root, rel = os.path.splitroot(cwd)
        if not rel:
            return self._from_parsed_parts(drive, root, self._tail)
        tail = rel.split(self.parser.sep)
        tail.extend(self._tail)
        return self._from_parsed_parts(drive, root, tail)

    def resolve(self, strict=False):
        """The absolute path with symlinks and '..' resolved."""
        return self.with_segments(os.path.realpath(self, strict=strict))

    def readlink(self):
        """The path a symbolic link points to."""
        return self.with_segments(os.readlink(self))

    def expanduser(self):
        """The path with a leading '~' replaced by the home directory."""
        tail = self._tail
        if not (self.drive or self.root) and tail and tail[0][:1] == '~':
            homedir = os.path.expanduser(tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            drv, root, head = self._parse_path(homedir)
            return self._from_parsed_parts(drv, root, head + tail[1:])
        return self

    @classmethod
    def from_uri(cls, uri):
        """The path of a 'file:' URI."""
        if not uri.startswith('file:'):
            raise ValueError("URI does not start with 'file:': " + repr(uri))
        path = uri[5:]
        if path[:3] == '///':
            path = path[2:]             # empty authority
        elif path[:12] == '//localhost/':
            path = path[11:]
        if path[:3] == '///' or (path[:1] == '/' and path[2:3] in ':|'):
            path = path[1:]             # slash before a DOS drive or UNC
        if path[1:2] == '|':
            path = path[:1] + ':' + path[2:]
        path = cls(os.fsdecode(_unquote(path)))
        if not path.is_absolute():
            raise ValueError("URI is not absolute: " + repr(uri))
        return path

    # ---------------------------------------------------------- changes

    def touch(self, mode=0o666, exist_ok=True):
        """Create the file if missing, else update its modification time."""
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        os.close(os.open(self, flags, mode))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Create the directory (and its missing parents, if asked)."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            # EEXIST may hide behind other errors (EACCES, EROFS): look.
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        """Change the permission bits, like os.chmod()."""
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        """chmod() of a symlink itself."""
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        """Remove the file (missing_ok: no error if it is not there)."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """Remove the (empty) directory."""
        os.rmdir(self)

    def rename(self, target):
        """Rename to `target` (relative to the cwd); returns the new path."""
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        """Rename, overwriting `target` if it exists; returns the new path."""
        os.replace(self, target)
        return self.with_segments(target)

    if hasattr(os, "symlink"):
        def symlink_to(self, target, target_is_directory=False):
            """Make this path a symlink to `target`."""
            os.symlink(target, self, target_is_directory)

    if hasattr(os, "link"):
        def hardlink_to(self, target):
            """Make this path a hard link to `target`."""
            os.link(target, self)

    as_uri = PurePath.as_uri


class PosixPath(Path, PurePosixPath):
    """A Path on a POSIX system."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """A Path on Windows; it cannot be instantiated here."""
    __slots__ = ()

    if os.name != 'nt':
        def __new__(cls, *args, **kwargs):
            raise UnsupportedOperation(
                "cannot instantiate " + repr(cls.__name__) + " on your system")


for _cls in (Path, PosixPath, WindowsPath):
    _cls.__module__ = 'pathlib._local'
del _cls
