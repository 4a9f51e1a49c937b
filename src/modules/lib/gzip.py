"""Reading and writing gzip-compressed data (RFC 1952).

`compress`/`decompress` work on whole byte strings; `GzipFile` (and `open`)
give a file object whose contents are compressed on the way to, or
decompressed on the way from, an underlying file.
"""

import builtins
import io
import os
import struct
import time
import zlib

from _gzip_read import (BadGzipFile, GzipReader as _GzipReader,
                        ReadBuffer as _ReadBuffer, decompress_all as _decompress_all,
                        FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT, READ_BUFFER_SIZE)

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

READ = 'rb'
WRITE = 'wb'

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

_WRITE_BUFFER_SIZE = 4 * io.DEFAULT_BUFFER_SIZE
_EBADF = 9


def _bytes_like(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    if not isinstance(data, str) and hasattr(data, "tobytes"):
        return data.tobytes()
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Open a gzip file in binary mode (a GzipFile) or text mode (a
    TextIOWrapper over one); `filename` may be a path or a file object."""
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        for name, value in (("encoding", encoding), ("errors", errors), ("newline", newline)):
            if value is not None:
                raise ValueError(f"Argument '{name}' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" not in mode:
        return binary_file
    # encoding=None: CPython asks for the locale's encoding, UTF-8 here.
    return io.TextIOWrapper(binary_file, encoding, errors, newline)


def _header_name(name):
    # FNAME must be Latin-1 (RFC 1952); a name that is not is left out.
    try:
        fname = os.path.basename(name)
        if not isinstance(fname, bytes):
            fname = fname.encode('latin-1')
    except UnicodeEncodeError:
        return b''
    if fname.endswith(b'.gz'):
        fname = fname[:-3]
    return fname


class _WriteBufferStream:
    # What the write buffer flushes into: the compressor of a GzipFile.

    def __init__(self, gzip_file):
        self.gzip_file = gzip_file

    def write(self, data):
        return self.gzip_file._write_raw(data)


class _WriteBuffer:
    """Batches small writes before they reach the compressor, flushing as
    CPython's BufferedWriter does (so the file fills at the same moments)."""

    closed = False

    def __init__(self, raw, buffer_size):
        self.raw = raw
        self.buffer_size = buffer_size
        self._parts = []
        self._len = 0

    def write(self, data):
        data = _bytes_like(data)
        n = len(data)
        if self._len + n <= self.buffer_size:
            if n:
                self._parts.append(data)
                self._len += n
            return n
        self.flush()
        if n > self.buffer_size:
            self.raw.write(data)
        else:
            self._parts.append(data)
            self._len = n
        return n

    def flush(self):
        if self._parts:
            data = b''.join(self._parts)
            self._parts = []
            self._len = 0
            self.raw.write(data)

    def readline(self, size=-1):
        raise io.UnsupportedOperation("read")


class GzipFile(io.BufferedIOBase):
    """A binary file object over gzip-compressed data.

    Reading decompresses every member in turn; writing produces one member.
    Seeking forward is supported in both modes, backward only when reading
    (it starts again from the beginning)."""

    myfileobj = None

    def __init__(self, filename=None, mode=None,
                 compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        origmode = mode
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')
        if mode.startswith('r'):
            self.mode = READ
            self._buffer = _ReadBuffer(_GzipReader(fileobj))
            self.name = filename
        elif mode.startswith(('w', 'a', 'x')):
            if origmode is None:
                import warnings
                warnings.warn(
                    "GzipFile was opened for writing, but this will change in future "
                    "Python releases.  Specify the mode argument for opening it for writing.",
                    FutureWarning, 2)
            self.mode = WRITE
            self._init_write(filename)
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED, -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
            self._write_mtime = mtime
            self._buffer_size = _WRITE_BUFFER_SIZE
            self._buffer = _WriteBuffer(_WriteBufferStream(self), self._buffer_size)
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        if self.mode == WRITE:
            self._write_gzip_header(compresslevel)

    # -- state

    @property
    def mtime(self):
        """The mtime of the last member header read (None before any)."""
        return self._buffer.raw._last_mtime

    @property
    def closed(self):
        return self.fileobj is None

    def __repr__(self):
        inner = repr(self.fileobj)
        return '<gzip ' + inner[1:-1] + ' ' + hex(id(self)) + '>'

    def _check_not_closed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def _check_open_iobase(self):
        # The io.IOBase methods word their message with a final period.
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def _bad_mode(self, what, kind):
        return OSError(_EBADF, f"{what}() on {kind} GzipFile object")

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def isatty(self):
        self._check_open_iobase()
        return False

    def fileno(self):
        return self.fileobj.fileno()

    # -- writing

    def _init_write(self, filename):
        self.name = filename
        self.crc = zlib.crc32(b"")
        self.size = 0
        self.writebuf = []
        self.bufsize = 0
        self.offset = 0

    def _write_gzip_header(self, compresslevel):
        # Field by field, one write each, as CPython's writer does (file
        # objects that log their writes see the same calls).
        out = self.fileobj
        out.write(b'\x1f\x8b')
        out.write(b'\x08')
        fname = _header_name(self.name)
        out.write(bytes([FNAME if fname else 0]))
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        out.write(struct.pack("<L", int(mtime)))
        if compresslevel == _COMPRESS_LEVEL_BEST:
            out.write(b'\x02')
        elif compresslevel == _COMPRESS_LEVEL_FAST:
            out.write(b'\x04')
        else:
            out.write(b'\x00')
        out.write(b'\xff')
        if fname:
            out.write(fname + b'\x00')

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            raise self._bad_mode("write", "read-only")
        if self.fileobj is None:
            raise ValueError("write() on closed GzipFile object")
        return self._buffer.write(data)

    def _write_raw(self, data):
        length = len(data)
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def writelines(self, lines):
        self._check_open_iobase()
        for line in lines:
            self.write(line)

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self._buffer.flush()
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def close(self):
        fileobj = self.fileobj
        if fileobj is None or self._buffer.closed:
            return
        try:
            if self.mode == WRITE:
                self._buffer.flush()
                fileobj.write(self.compress.flush())
                fileobj.write(struct.pack("<L", self.crc))
                fileobj.write(struct.pack("<L", self.size & 0xFFFFFFFF))
            elif self.mode == READ:
                self._buffer.close()
        finally:
            self.fileobj = None
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    # -- reading

    def read(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            raise self._bad_mode("read", "write-only")
        return self._buffer.read(size)

    def read1(self, size=-1):
        self._check_not_closed()
        if self.mode != READ:
            raise self._bad_mode("read1", "write-only")
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        return self._buffer.read1(size)

    def peek(self, n):
        self._check_not_closed()
        if self.mode != READ:
            raise self._bad_mode("peek", "write-only")
        return self._buffer.peek(n)

    def readline(self, size=-1):
        self._check_not_closed()
        return self._buffer.readline(size)

    def _readinto(self, b, data):
        n = len(data)
        if n > len(b):
            raise ValueError(f"read() returned too much data: {len(b)} bytes requested, "
                             f"{n} returned")
        b[:n] = data
        return n

    def readinto(self, b):
        return self._readinto(b, self.read(len(b)))

    def readinto1(self, b):
        return self._readinto(b, self.read1(len(b)))

    def __iter__(self):
        self._check_open_iobase()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        hint = _hint_arg(hint)
        self._check_open_iobase()
        lines = []
        if hint <= 0:
            for line in self:
                lines.append(line)
            return lines
        total = 0
        for line in self:
            lines.append(line)
            if len(line) > hint - total:
                break
            total += len(line)
        return lines

    # -- positioning

    def rewind(self):
        """Go back to the start of the uncompressed data."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self._buffer.seek(0)

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            self._check_not_closed()
            self._buffer.flush()
            if whence != io.SEEK_SET:
                if whence != io.SEEK_CUR:
                    raise ValueError('Seek from end not supported')
                offset = self.offset + offset
            if offset < self.offset:
                raise OSError('Negative seek in write mode')
            self._write_zeros(offset - self.offset)
        elif self.mode == READ:
            self._check_not_closed()
            return self._buffer.seek(offset, whence)
        return self.offset

    def _write_zeros(self, count):
        chunk = b'\0' * self._buffer_size
        for _ in range(count // self._buffer_size):
            self.write(chunk)
        self.write(b'\0' * (count % self._buffer_size))

    def tell(self):
        self._check_not_closed()
        self._buffer.flush()
        return self.seek(0, io.SEEK_CUR)

    # -- the rest of io.BufferedIOBase

    def truncate(self, size=None):
        raise io.UnsupportedOperation("truncate")

    def detach(self):
        raise io.UnsupportedOperation("detach")

    def __enter__(self):
        self._check_open_iobase()
        return self

    def __exit__(self, *exc):
        self.close()


def _hint_arg(hint):
    if hint is None:
        return -1
    if isinstance(hint, int):
        return hint
    raise TypeError(f"argument should be integer or None, not '{type(hint).__name__}'")


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """The gzip file (one member) holding `data`."""
    # zlib writes the gzip header and trailer itself (wbits=31); its
    # header's mtime and OS fields are then replaced as CPython does.
    out = zlib.compress(data, level=compresslevel, wbits=31)
    if mtime is None:
        mtime = time.time()
    header = out[:4] + struct.pack("<L", int(mtime)) + bytes([out[8], 255])
    return header + out[10:]


def decompress(data):
    """The uncompressed contents of all the members in `data`."""
    return _decompress_all(_bytes_like(data))
