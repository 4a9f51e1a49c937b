"""Temporary files and directories.

mkstemp() and mkdtemp() create uniquely named files and directories
(created exclusively, so no other process can get the same one);
NamedTemporaryFile, TemporaryFile, SpooledTemporaryFile and
TemporaryDirectory wrap them in objects that clean up after themselves.
Names are returned as str, or as bytes when bytes arguments are given.

There are no finalizers here: an object that is neither closed nor used in
a `with` block is not removed when it is dropped.
"""

__all__ = [
    "NamedTemporaryFile", "TemporaryFile",
    "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp",
    "mktemp",
    "TMP_MAX", "gettempprefix",
    "tempdir", "gettempdir",
    "gettempprefixb", "gettempdirb",
]

import io as _io
import os as _os

_text_openflags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL
if hasattr(_os, 'O_NOFOLLOW'):
    _text_openflags |= _os.O_NOFOLLOW
_bin_openflags = _text_openflags

# Linux's value; how many names to try before giving up.
TMP_MAX = getattr(_os, 'TMP_MAX', 238328)

template = "tmp"

_EEXIST = 17
_ENOENT = 2


def _exists(fn):
    try:
        _os.lstat(fn)
    except OSError:
        return False
    return True


def _infer_return_type(*args):
    # str or bytes, from whichever of the arguments are given.
    return_type = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, _os.PathLike):
            arg = _os.fspath(arg)
        kind = bytes if isinstance(arg, bytes) else str
        if return_type is not None and kind is not return_type:
            raise TypeError("Can't mix bytes and non-bytes in "
                            "path components.")
        return_type = kind
    if return_type is None:
        if tempdir is None or isinstance(tempdir, str):
            return str
        return bytes
    return return_type


def _sanitize_params(prefix, suffix, dir):
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        prefix = template if output_type is str else _os.fsencode(template)
    if dir is None:
        dir = gettempdir() if output_type is str else gettempdirb()
    return prefix, suffix, dir, output_type


class _RandomNameSequence:
    """An endless iterator of random 8-character names drawn from
    lower-case letters, digits and '_'."""

    characters = "abcdefghijklmnopqrstuvwxyz0123456789_"

    def __iter__(self):
        return self

    def __next__(self):
        # 37 symbols: reject bytes >= 222 so each symbol is equally likely.
        chars = self.characters
        out = []
        while len(out) < 8:
            for b in _os.urandom(12):
                if b < 222 and len(out) < 8:
                    out.append(chars[b % 37])
        return ''.join(out)


def _candidate_tempdir_list():
    dirlist = []
    for envname in ('TMPDIR', 'TEMP', 'TMP'):
        dirname = _os.getenv(envname)
        if dirname:
            dirlist.append(dirname)
    dirlist.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirlist.append(_os.getcwd())
    except OSError:
        dirlist.append(_os.curdir)
    return dirlist


def _get_default_tempdir():
    # The first candidate directory in which a file can really be written.
    namer = _RandomNameSequence()
    dirlist = _candidate_tempdir_list()
    for dir in dirlist:
        if dir != _os.curdir:
            dir = _os.path.abspath(dir)
        for seq in range(100):
            filename = _os.path.join(dir, next(namer))
            try:
                fd = _os.open(filename, _bin_openflags, 0o600)
                try:
                    try:
                        _os.write(fd, b'blat')
                    finally:
                        _os.close(fd)
                finally:
                    _os.unlink(filename)
                return dir
            except FileExistsError:
                pass
            except OSError:
                break
    raise FileNotFoundError(_ENOENT, "No usable temporary directory found "
                            "in %s" % dirlist)


_name_sequence = None


def _get_candidate_names():
    global _name_sequence
    if _name_sequence is None:
        _name_sequence = _RandomNameSequence()
    return _name_sequence


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    dir = _os.path.abspath(dir)
    names = _get_candidate_names()
    for seq in range(TMP_MAX):
        name = next(names)
        if output_type is bytes:
            name = _os.fsencode(name)
        file = _os.path.join(dir, pre + name + suf)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, file
    raise FileExistsError(_EEXIST, "No usable temporary file name found")


def gettempprefix():
    """The default prefix of temporary names, as str."""
    return _os.fsdecode(template)


def gettempprefixb():
    """The default prefix of temporary names, as bytes."""
    return _os.fsencode(template)


tempdir = None


def _gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdir():
    """The directory for temporary files, as str."""
    return _os.fsdecode(_gettempdir())


def gettempdirb():
    """The directory for temporary files, as bytes."""
    return _os.fsencode(_gettempdir())


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file readable and writable only by this user and
    return (fd, absolute path).  The caller must delete it."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _text_openflags if text else _bin_openflags
    return _mkstemp_inner(dir, prefix, suffix, flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory accessible only by this user and return its
    absolute path.  The caller must remove it."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    names = _get_candidate_names()
    for seq in range(TMP_MAX):
        name = next(names)
        if output_type is bytes:
            name = _os.fsencode(name)
        file = _os.path.join(dir, prefix + name + suffix)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(file)
    raise FileExistsError(_EEXIST, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name not in use when asked (unsafe: nothing is created)."""
    if dir is None:
        dir = gettempdir()
    names = _get_candidate_names()
    for seq in range(TMP_MAX):
        file = _os.path.join(dir, prefix + next(names) + suffix)
        if not _exists(file):
            return file
    raise FileExistsError(_EEXIST, "No usable temporary filename found")


def _generic_alias(cls, item):
    # classmethod(types.GenericAlias), without importing `types` up front.
    import types
    return types.GenericAlias(cls, item)


# ---------------------------------------------------------------- files

def _set_raw_name(file, name):
    # The file was opened through `dir`; make its name the real one.
    raw = getattr(file, 'buffer', file)
    raw = getattr(raw, 'raw', raw)
    raw.name = name


class _TemporaryFileCloser:
    """Closes the file and removes it, each exactly once."""

    cleanup_called = False
    close_called = False

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self.delete = delete
        self.delete_on_close = delete_on_close

    def cleanup(self):
        if self.cleanup_called:
            return
        self.cleanup_called = True
        try:
            if not self.close_called:
                self.close_called = True
                self.file.close()
        finally:
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def close(self):
        if self.close_called:
            return
        self.close_called = True
        try:
            self.file.close()
        finally:
            if self.delete and self.delete_on_close:
                self.cleanup()


class _TemporaryFileWrapper:
    """A file object that is removed on close (or at the end of a `with`
    block); other attributes come from the wrapped file."""

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self._closer = _TemporaryFileCloser(file, name, delete,
                                            delete_on_close)

    def __getattr__(self, name):
        file = self.__dict__['file']
        a = getattr(file, name)
        if hasattr(a, '__call__'):
            import functools
            func = a

            @functools.wraps(func)
            def func_wrapper(*args, **kwargs):
                return func(*args, **kwargs)
            func_wrapper._closer = self._closer
            a = func_wrapper
        if not isinstance(a, int):
            # Methods are kept; flags such as `closed` must stay live.
            setattr(self, name, a)
        return a

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._closer.cleanup()
        return result

    def close(self):
        """Close the file, removing it if `delete`."""
        self._closer.close()

    def __iter__(self):
        for line in self.file:
            yield line


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None,
                       delete_on_close=True):
    """A temporary file with a visible name (its `name` attribute),
    created as by mkstemp() and opened with `mode`.  With `delete`, it is
    removed on close (or, if not delete_on_close, when its `with` block
    ends)."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _bin_openflags
    name = None

    def opener(*args):
        nonlocal name
        fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
        return fd
    try:
        file = open(dir, mode, buffering=buffering, newline=newline,
                    encoding=encoding, errors=errors, opener=opener)
        try:
            _set_raw_name(file, name)
            return _TemporaryFileWrapper(file, name, delete, delete_on_close)
        except BaseException:
            file.close()
            raise
    except BaseException:
        if name is not None:
            _os.unlink(name)
        raise


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """An anonymous temporary file: created, then unlinked at once, so it
    disappears when closed.  Its `name` is the file descriptor."""
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _bin_openflags
    fd = None

    def opener(*args):
        nonlocal fd
        fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
        try:
            _os.unlink(name)
        except BaseException:
            _os.close(fd)
            raise
        return fd
    file = open(dir, mode, buffering=buffering, newline=newline,
                encoding=encoding, errors=errors, opener=opener)
    _set_raw_name(file, fd)
    return file


class SpooledTemporaryFile(_io.IOBase):
    """A temporary file kept in memory until it grows past `max_size`
    bytes (or fileno() is needed); then it moves to a TemporaryFile."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1,
                 encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = _io.BytesIO()
        else:
            from _fileio import TextIOWrapper
            self._file = TextIOWrapper(_io.BytesIO(), encoding=encoding,
                                       errors=errors, newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering,
                                   'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline,
                                   'dir': dir, 'errors': errors}

    __class_getitem__ = classmethod(_generic_alias)

    def _check(self, file):
        if self._rolled:
            return
        if self._max_size and file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        """Move the contents to a real temporary file now."""
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        if hasattr(newfile, 'buffer'):
            newfile.buffer.write(file.detach().getvalue())
        else:
            newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def readable(self):
        return self._file.readable()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readinto1(self, b):
        return self._file.readinto1(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seekable(self):
        return self._file.seekable()

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        file = self._file
        rv = file.writelines(iterable)
        self._check(file)
        return rv

    def detach(self):
        return self._file.detach()


# ---------------------------------------------------------------- dirs

class TemporaryDirectory:
    """A new directory (as mkdtemp() makes) that is removed with all its
    contents by cleanup() or at the end of a `with` block, whose value is
    the directory's name."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False, *, delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._pending = True

    @classmethod
    def _rmtree(cls, name, ignore_errors=False, repeated=False):
        import shutil

        def onexc(func, path, exc):
            if isinstance(exc, PermissionError):
                if repeated and path == name:
                    if ignore_errors:
                        return
                    raise
                try:
                    if path != name:
                        _resetperms(_os.path.dirname(path))
                    _resetperms(path)
                    try:
                        _os.unlink(path)
                    except IsADirectoryError:
                        cls._rmtree(path, ignore_errors=ignore_errors)
                    except PermissionError:
                        if not _os.path.isdir(path):
                            if ignore_errors:
                                return
                            raise
                        cls._rmtree(path, ignore_errors=ignore_errors,
                                    repeated=(path == name))
                except FileNotFoundError:
                    pass
            elif isinstance(exc, FileNotFoundError):
                pass
            elif not ignore_errors:
                raise
        shutil.rmtree(name, onexc=onexc)

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        """Remove the directory and everything in it."""
        pending = self._pending
        self._pending = False
        if pending or _os.path.exists(self.name):
            self._rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    __class_getitem__ = classmethod(_generic_alias)


def _resetperms(path):
    # Make a path removable again (u+rwx), where permissions can be set.
    chmod = getattr(_os, 'chmod', None)
    if chmod is not None:
        try:
            chmod(path, 0o700, follow_symlinks=False)
        except NotImplementedError:
            if not _os.path.islink(path):
                chmod(path, 0o700)
