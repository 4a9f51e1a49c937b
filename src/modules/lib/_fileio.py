"""File objects on disk and the built-in `open()`.

Three layers, as in CPython's `io`: `FileIO` talks to a file descriptor
through the native `_os` calls; `BufferedReader`/`BufferedWriter`/
`BufferedRandom` batch those calls; `TextIOWrapper` decodes, encodes and
translates newlines on top of a buffered stream.
"""

import _os
import io as _io

UnsupportedOperation = _io.UnsupportedOperation
DEFAULT_BUFFER_SIZE = 8192
_CHUNK = 8192

_SEEK_SET = 0
_SEEK_CUR = 1
_SEEK_END = 2

_S_IFMT = 0o170000
_S_IFDIR = 0o040000


# Streams holding unwritten data, by id.  The interpreter has no finalizers,
# so a file dropped without close() would never be flushed; instead pending
# data is pushed out whenever a file is opened (and by `_flush_all()`, which
# the interpreter may call at exit).
_dirty = {}


def _flush_all():
    """Flush every stream that still holds unwritten data."""
    rounds = 0
    while _dirty and rounds < 3:
        rounds += 1
        for stream in list(_dirty.values()):
            _dirty.pop(id(stream), None)
            try:
                stream.flush()
            except Exception:
                pass


def _closed_error(what=None):
    if what is None:
        return ValueError("I/O operation on closed file")
    return ValueError(what + " of closed file")


def _check_index(value):
    # Accept ints (and __index__ objects) where CPython wants an integer.
    if isinstance(value, int):
        return value
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'" + type(value).__name__
                        + "' object cannot be interpreted as an integer")
    return index(value)


def _check_size(size):
    # read()-style sizes: None or an integer; negative means "all".
    if size is None:
        return -1
    if not isinstance(size, int):
        index = getattr(type(size), '__index__', None)
        if index is None:
            raise TypeError("argument should be integer or None, not '"
                            + type(size).__name__ + "'")
        size = index(size)
    return size


def _require_bytes(data):
    if not isinstance(data, bytes):
        raise TypeError("a bytes-like object is required, not '"
                        + type(data).__name__ + "'")


def _fspath_for_open(file):
    if isinstance(file, (str, bytes)):
        return file
    method = getattr(type(file), '__fspath__', None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(file).__name__)
    return method(file)


# ---------------------------------------------------------------- raw

class FileIO(_io.RawIOBase):
    """Unbuffered binary file on a file descriptor."""

    def __init__(self, file, mode='r', closefd=True, opener=None):
        self._fd = -1
        self._closed = True
        self._closefd = closefd
        if not isinstance(mode, str):
            raise TypeError("FileIO() argument 'mode' must be str, not "
                            + type(mode).__name__)
        flags = self._parse_mode(mode)
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if isinstance(file, int) and not isinstance(file, bool):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            path = _fspath_for_open(file)
            if isinstance(path, bytes):
                path = path.decode('utf-8')
            if opener is None:
                fd = _os.open(path, flags | _os.O_CLOEXEC, 0o666)
            else:
                fd = opener(file, flags | _os.O_CLOEXEC)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError("opener returned " + str(fd))
        self.name = file
        self._fd = fd
        self._closed = False
        self._seekable = None
        try:
            st = _os.fstat(fd)
        except OSError:
            st = None
        if st is not None and st[0] & _S_IFMT == _S_IFDIR:
            if closefd:
                _os.close(fd)
            self._closed = True
            raise IsADirectoryError(21, _os.strerror(21), file)
        self._blksize = DEFAULT_BUFFER_SIZE
        if self._appending:
            try:
                _os.lseek(fd, 0, _SEEK_END)
            except OSError:
                pass

    def _parse_mode(self, mode):
        self._readable = self._writable = False
        self._appending = self._created = False
        plus = False
        seen = ''
        for ch in mode:
            if ch in seen or ch not in 'rwxab+':
                raise ValueError("invalid mode: " + mode)
            seen += ch
        kinds = sum(1 for ch in 'rwxa' if ch in mode)
        if kinds != 1 or mode.count('+') > 1:
            raise ValueError("Must have exactly one of create/read/write/"
                             "append mode and at most one plus")
        if 'x' in mode:
            self._created = self._writable = True
            flags = _os.O_EXCL | _os.O_CREAT
        elif 'r' in mode:
            self._readable = True
            flags = 0
        elif 'w' in mode:
            self._writable = True
            flags = _os.O_CREAT | _os.O_TRUNC
        else:
            self._writable = self._appending = True
            flags = _os.O_APPEND | _os.O_CREAT
        if '+' in mode:
            self._readable = self._writable = True
            plus = True
        if self._readable and self._writable:
            flags |= _os.O_RDWR
        elif self._readable:
            flags |= _os.O_RDONLY
        else:
            flags |= _os.O_WRONLY
        self._plus = plus
        return flags

    @property
    def mode(self):
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'

    @property
    def closed(self):
        return self._closed

    @property
    def closefd(self):
        return self._closefd

    def _check(self):
        if self._closed:
            raise _closed_error()

    def _check_readable(self):
        self._check()
        if not self._readable:
            raise UnsupportedOperation("File not open for reading")

    def _check_writable(self):
        self._check()
        if not self._writable:
            raise UnsupportedOperation("File not open for writing")

    def __repr__(self):
        if self._closed:
            return '<_io.FileIO [closed]>'
        return ('<_io.FileIO name=' + repr(self.name) + ' mode='
                + repr(self.mode) + ' closefd=' + repr(self._closefd) + '>')

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        if self._seekable is None:
            try:
                _os.lseek(self._fd, 0, _SEEK_CUR)
                self._seekable = True
            except OSError:
                self._seekable = False
        return self._seekable

    def isatty(self):
        self._check()
        return _os.isatty(self._fd)

    def read(self, size=-1):
        self._check_readable()
        size = _check_size(size)
        if size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._check()
        chunks = []
        while True:
            data = _os.read(self._fd, 65536)
            if not data:
                break
            chunks.append(data)
        return b''.join(chunks)

    def readline(self, size=-1):
        # Byte at a time, as an unbuffered stream must not read ahead.
        self._check_readable()
        size = _check_size(size)
        out = []
        while size < 0 or len(out) < size:
            b = _os.read(self._fd, 1)
            if not b:
                break
            out.append(b)
            if b == b'\n':
                break
        return b''.join(out)

    def readlines(self, hint=-1):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        return _io.RawIOBase.readlines(self, hint)

    def __iter__(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check_writable()
        _require_bytes(data)
        return _os.write(self._fd, data)

    def writelines(self, lines):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check()
        pos = _check_index(pos)
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._check()
        return _os.lseek(self._fd, 0, _SEEK_CUR)

    def truncate(self, size=None):
        self._check_writable()
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def flush(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        if self._closed:
            return
        self._closed = True
        if self._closefd:
            _os.close(self._fd)

    def __enter__(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


FileIO.__module__ = '_io'


# ---------------------------------------------------------------- buffered

class _Buffered(_io.BufferedIOBase):
    """Shared machinery: a read-ahead buffer and a pending-write buffer.

    At most one of the two is non-empty; switching direction first drops
    the read-ahead (seeking the raw file back) or flushes the writes."""

    _can_read = False
    _can_write = False

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        self.raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b''
        self._rpos = 0
        self._wbuf = []
        self._wlen = 0

    # -- state

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def __repr__(self):
        kind = '<_io.' + type(self).__name__
        try:
            name = self.name
        except (AttributeError, ValueError):
            return kind + '>'
        return kind + ' name=' + repr(name) + '>'

    def _check(self, what):
        if self.raw.closed:
            raise _closed_error(what)

    def _check_read(self, what='read'):
        if not self._can_read:
            raise UnsupportedOperation(what)
        self._check(what)

    def _check_write(self):
        if not self._can_write:
            raise UnsupportedOperation('write')
        if self.raw.closed:
            raise ValueError("write to closed file")

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()

    def readable(self):
        if not self._can_read:
            return False
        return self.raw.readable()

    def writable(self):
        if not self._can_write:
            return False
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    # -- reading

    def _drop_read(self):
        # Forget read-ahead, moving the raw position back to the logical one.
        extra = len(self._rbuf) - self._rpos
        self._rbuf = b''
        self._rpos = 0
        if extra:
            self.raw.seek(-extra, _SEEK_CUR)

    def _fill(self, want):
        # Read from raw until `want` bytes are buffered or EOF; True at EOF.
        if self._wlen:
            self._flush_writes()
        have = len(self._rbuf) - self._rpos
        if self._rpos:
            self._rbuf = self._rbuf[self._rpos:]
            self._rpos = 0
        chunks = [self._rbuf]
        eof = False
        while have < want:
            data = self.raw.read(max(self.buffer_size, want - have))
            if not data:
                eof = True
                break
            chunks.append(data)
            have += len(data)
        self._rbuf = b''.join(chunks)
        return eof

    def _take(self, n):
        end = self._rpos + n
        data = self._rbuf[self._rpos:end]
        self._rpos = min(end, len(self._rbuf))
        return data

    def read(self, size=-1):
        self._check_read()
        size = _check_size(size)
        if size < -1:
            raise ValueError("read length must be non-negative or -1")
        if size == -1:
            return self._read_all()
        if len(self._rbuf) - self._rpos < size:
            self._fill(size)
        return self._take(size)

    def _read_all(self):
        if self._wlen:
            self._flush_writes()
        chunks = [self._rbuf[self._rpos:]]
        self._rbuf = b''
        self._rpos = 0
        while True:
            data = self.raw.read(max(self.buffer_size, 65536))
            if not data:
                break
            chunks.append(data)
        return b''.join(chunks)

    def read1(self, size=-1):
        self._check_read('read1')
        size = _check_size(size)
        if size < 0:
            size = self.buffer_size
        if self._rpos >= len(self._rbuf):
            if self._wlen:
                self._flush_writes()
            self._rbuf = b''
            self._rpos = 0
            if size >= self.buffer_size:
                return self.raw.read(size) or b''
            self._rbuf = self.raw.read(self.buffer_size) or b''
        return self._take(size)

    def peek(self, size=0):
        self._check_read('peek')
        if self._rpos >= len(self._rbuf):
            self._fill(1)
        return self._rbuf[self._rpos:]

    def readline(self, size=-1):
        if not self._can_read:
            raise UnsupportedOperation('read')
        self._check('readline')
        size = _check_size(size)
        start = self._rpos
        while True:
            i = self._rbuf.find(b'\n', self._rpos)
            if i >= 0:
                n = i + 1 - self._rpos
                break
            have = len(self._rbuf) - self._rpos
            if 0 <= size <= have:
                n = have
                break
            # Ask for twice as much each round: long lines stay linear.
            if self._fill(2 * have + 1) and len(self._rbuf) - self._rpos == have:
                n = have
                break
        if size >= 0:
            n = min(n, size)
        return self._take(n)

    def __iter__(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")
        if hint is not None and hint > 0:
            return _io.BufferedIOBase.readlines(self, hint)
        if not self._can_read:
            raise UnsupportedOperation('read')
        # Everything at once: one read, then split keeping the newlines.
        data = self._read_all()
        lines = []
        start = 0
        while True:
            i = data.find(b'\n', start)
            if i < 0:
                break
            lines.append(data[start:i + 1])
            start = i + 1
        if start < len(data):
            lines.append(data[start:])
        return lines

    # -- writing

    def write(self, data):
        self._check_write()
        _require_bytes(data)
        if self._rpos < len(self._rbuf):
            self._drop_read()
        else:
            self._rbuf = b''
            self._rpos = 0
        if not self._wbuf:
            _dirty[id(self)] = self
        self._wbuf.append(data)
        self._wlen += len(data)
        if self._wlen >= self.buffer_size:
            self._flush_writes()
        return len(data)

    def writelines(self, lines):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")
        for line in lines:
            self.write(line)

    def _flush_writes(self):
        _dirty.pop(id(self), None)
        data = b''.join(self._wbuf)
        self._wbuf = []
        self._wlen = 0
        while data:
            n = self.raw.write(data)
            if n is None:
                n = 0
            data = data[n:]

    def flush(self):
        if self.raw.closed:
            if self._can_write:
                raise _closed_error('flush')
            raise ValueError("I/O operation on closed file.")
        if self._wlen:
            self._flush_writes()

    # -- positioning

    def tell(self):
        pos = self.raw.tell()
        return pos - (len(self._rbuf) - self._rpos) + self._wlen

    def seek(self, pos, whence=0):
        pos = _check_index(pos)
        if whence not in (0, 1, 2, 3, 4):
            raise ValueError("whence value " + str(whence)
                             + " unsupported")
        self._check('seek')
        if whence == _SEEK_CUR:
            pos = self.tell() + pos
            whence = _SEEK_SET
        if self._wlen:
            self._flush_writes()
        self._rbuf = b''
        self._rpos = 0
        return self.raw.seek(pos, whence)

    def truncate(self, pos=None):
        self._check('truncate')
        if not self._can_write:
            raise UnsupportedOperation('truncate')
        if pos is None:
            pos = self.tell()
        if self._wlen:
            self._flush_writes()
        self._drop_read()
        return self.raw.truncate(pos)

    # -- lifetime

    def close(self):
        if self.raw.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def __enter__(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class BufferedReader(_Buffered):
    """Buffered binary stream for reading."""
    _can_read = True


class BufferedWriter(_Buffered):
    """Buffered binary stream for writing."""
    _can_write = True


class BufferedRandom(_Buffered):
    """Buffered binary stream for reading and writing with seeks."""
    _can_read = True
    _can_write = True


BufferedReader.__module__ = '_io'
BufferedWriter.__module__ = '_io'
BufferedRandom.__module__ = '_io'


from _fileio_text import TextIOWrapper, _codec


# ---------------------------------------------------------------- open()

def _arg_type(name, value):
    if value is not None and not isinstance(value, str):
        raise TypeError("open() argument '" + name + "' must be str or None, "
                        "not " + type(value).__name__)


def _parse_open_mode(mode):
    # Returns (raw_mode, text); raises CPython's messages for bad modes.
    seen = ''
    for ch in mode:
        if ch not in 'axrwb+t' or ch in seen:
            raise ValueError("invalid mode: " + repr(mode))
        seen += ch
    creating = 'x' in mode
    reading = 'r' in mode
    writing = 'w' in mode
    appending = 'a' in mode
    updating = '+' in mode
    text = 't' in mode
    binary = 'b' in mode
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append "
                         "mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append "
                         "mode and at most one plus")
    raw_mode = ('x' if creating else 'r' if reading else 'w' if writing
                else 'a') + ('+' if updating else '')
    return raw_mode, not binary


def open(file, mode='r', buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    """Open a file and return a stream (text unless 'b' is in the mode)."""
    if not isinstance(file, (str, bytes, int)):
        file = _fspath_for_open(file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not "
                        + type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'" + type(buffering).__name__
                        + "' object cannot be interpreted as an integer")
    if _dirty:
        _flush_all()
    _arg_type('encoding', encoding)
    _arg_type('errors', errors)
    _arg_type('newline', newline)
    raw_mode, text = _parse_open_mode(mode)
    if not text:
        if encoding is not None:
            raise ValueError("binary mode doesn't take an encoding argument")
        if errors is not None:
            raise ValueError("binary mode doesn't take an errors argument")
        if newline is not None:
            raise ValueError("binary mode doesn't take a newline argument")
    elif buffering == 0:
        raise ValueError("can't have unbuffered text I/O")
    if newline not in (None, '', '\n', '\r', '\r\n'):
        raise ValueError("illegal newline value: " + newline)
    if text and encoding is not None:
        _codec(encoding)   # LookupError before the file is touched
    raw = FileIO(file, raw_mode, closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or (buffering < 0 and raw.isatty()):
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = DEFAULT_BUFFER_SIZE
        if buffering == 0:
            return raw
        if raw._readable and raw._writable:
            buffer = BufferedRandom(raw, buffering)
        elif raw._writable:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if not text:
            return buffer
        wrapper = TextIOWrapper(buffer, encoding, errors, newline,
                                line_buffering)
        result = wrapper
        wrapper.mode = mode
        return wrapper
    except BaseException:
        result.close()
        raise
