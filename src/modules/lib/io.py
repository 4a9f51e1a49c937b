"""In-memory streams (`StringIO`, `BytesIO`) and the stream base classes.

Files on disk come from the built-in `open`; this module gives programs the
in-memory buffers they use to capture output and to feed parsers.
"""

import sys as _sys

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"


class IOBase:
    """What every stream shares: closing, context management, lines."""

    _closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    encoding = None
    errors = None
    newlines = None


class _Memory:
    # The buffer and position shared by StringIO and BytesIO.

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _init(self, initial, empty):
        self._buf = initial if initial is not None else empty
        self._empty = empty
        self._pos = 0

    def getvalue(self):
        self._check_open()
        return self._buf

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            if pos != 0 and isinstance(self, StringIO):
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            if pos != 0 and isinstance(self, StringIO):
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            size = len(self._buf)
        chunk = self._buf[self._pos:self._pos + size]
        self._pos += len(chunk)
        return chunk

    def readline(self, size=-1):
        self._check_open()
        nl = "\n" if isinstance(self._buf, str) else b"\n"
        end = self._buf.find(nl, self._pos)
        end = len(self._buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        chunk = self._buf[self._pos:end]
        self._pos = end
        return chunk

    def write(self, data):
        self._check_open()
        if self._pos > len(self._buf):
            self._buf += self._empty * (self._pos - len(self._buf)) if isinstance(
                self._buf, str) else b"\0" * (self._pos - len(self._buf))
        self._buf = self._buf[:self._pos] + data + self._buf[self._pos + len(data):]
        self._pos += len(data)
        return len(data)

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"Negative size value {size}")
        self._buf = self._buf[:size]
        return size


class StringIO(_Memory, TextIOBase):
    """A text stream kept in memory."""

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(
                f"initial_value must be str or None, not {type(initial_value).__name__}")
        if newline is not None and newline not in ("", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline!r}")
        self._newline = newline
        self._init(initial_value or "", "")

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        if self._newline not in (None, "", "\n"):
            s = s.replace("\n", self._newline)
        return _Memory.write(self, s)

    def __repr__(self):
        return f"<_io.StringIO object at {id(self):#x}>"

    @property
    def line_buffering(self):
        return False


class BytesIO(_Memory, BufferedIOBase):
    """A binary stream kept in memory."""

    def __init__(self, initial_bytes=b""):
        self._init(bytes(initial_bytes), b"")

    def write(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return _Memory.write(self, bytes(b))

    def getbuffer(self):
        return self._buf

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return f"<_io.BytesIO object at {id(self):#x}>"


StringIO.__module__ = "_io"
BytesIO.__module__ = "_io"


def open(*args, **kwargs):
    import builtins
    return builtins.open(*args, **kwargs)


SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
DEFAULT_BUFFER_SIZE = 8192
_FILE_CLASSES = ("FileIO", "BufferedReader", "BufferedWriter", "BufferedRandom",
                 "TextIOWrapper")


def __getattr__(name):
    # The file classes live in _fileio, loaded only when a program uses them.
    if name in _FILE_CLASSES:
        import _fileio
        return getattr(_fileio, name)
    raise AttributeError(f"module 'io' has no attribute '{name}'")
