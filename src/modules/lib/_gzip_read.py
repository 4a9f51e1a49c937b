# Reading side of gzip: the member header parser, a raw stream that turns
# the members of a gzip file into one stream of bytes, and a read buffer
# that hands that stream out the way CPython's C BufferedReader does (the
# sizes returned by read1/peek and the errors' timing follow from it).

import struct
import zlib

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ_BUFFER_SIZE = 128 * 1024   # compressed bytes asked for at a time
_BUFFER_SIZE = 8192             # io.DEFAULT_BUFFER_SIZE
_SKIP_CHUNK = 8192


class BadGzipFile(OSError):
    pass


BadGzipFile.__module__ = "gzip"


def _eof_error():
    return EOFError("Compressed file ended before the end-of-stream marker was reached")


def _size_arg(size):
    # Sizes accepted like CPython's buffered streams: an integer or None.
    if size is None:
        return -1
    if isinstance(size, int):
        return size
    if hasattr(type(size), "__index__"):
        return type(size).__index__(size)
    raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")


def _index_arg(value):
    if isinstance(value, int):
        return value
    if hasattr(type(value), "__index__"):
        return type(value).__index__(value)
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


class _Source:
    """A file read forwards, into which unread bytes can be pushed back."""

    def __init__(self, fileobj, data=b""):
        self.file = fileobj
        self._head = data

    def read(self, n):
        head = self._head
        if head:
            if len(head) >= n:
                self._head = head[n:]
                return head[:n]
            self._head = b""
            if self.file is None:
                return head
            return head + self.file.read(n - len(head))
        if self.file is None:
            return b""
        return self.file.read(n)

    def read_exact(self, n):
        data = self.read(n)
        while len(data) < n:
            more = self.read(n - len(data))
            if not more:
                raise _eof_error()
            data += more
        return data

    def prepend(self, data):
        self._head = data + self._head

    def skip_cstring(self):
        # Past the next NUL byte, or to the end of the data.
        while True:
            chunk = self.read(256)
            if not chunk:
                return
            i = chunk.find(b"\x00")
            if i >= 0:
                self.prepend(chunk[i + 1:])
                return

    def skip_zeros(self):
        while True:
            chunk = self.read(_SKIP_CHUNK)
            if not chunk:
                return
            rest = chunk.lstrip(b"\x00")
            if rest:
                self.prepend(rest)
                return

    def rest(self):
        # Everything left, for the one-shot decompressor.
        head = self._head
        self._head = b""
        if self.file is None:
            return head
        return head + self.file.read()

    def seek(self, pos):
        self._head = b""
        return self.file.seek(pos)


def read_header(src):
    """Consume one member header from `src`; its mtime, or None at the end."""
    magic = src.read(2)
    if magic == b"":
        return None
    if magic != b"\x1f\x8b":
        raise BadGzipFile("Not a gzipped file (%r)" % (magic,))
    method, flags, mtime = struct.unpack("<BBIxx", src.read_exact(8))
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    if flags & FEXTRA:
        extra, = struct.unpack("<H", src.read_exact(2))
        src.read_exact(extra)
    if flags & FNAME:
        src.skip_cstring()
    if flags & FCOMMENT:
        src.skip_cstring()
    if flags & FHCRC:
        src.read_exact(2)
    return mtime


def _new_decompressor():
    return zlib.decompressobj(-zlib.MAX_WBITS)


def decompress_all(data):
    """The one-shot gzip.decompress: every member, zero padding between."""
    members = []
    while True:
        src = _Source(None, data)
        if read_header(src) is None:
            return b"".join(members)
        dec = _new_decompressor()
        out = dec.decompress(src.rest())
        if not dec.eof or len(dec.unused_data) < 8:
            raise _eof_error()
        crc, size = struct.unpack("<II", dec.unused_data[:8])
        if crc != zlib.crc32(out):
            raise BadGzipFile("CRC check failed")
        if size != (len(out) & 0xFFFFFFFF):
            raise BadGzipFile("Incorrect length of data produced")
        members.append(out)
        data = dec.unused_data[8:].lstrip(b"\x00")


class GzipReader:
    """Raw stream of the uncompressed bytes of all members of a gzip file.

    Each read returns data of one member only; a member's trailer is checked
    when the read after its last byte starts, as CPython does."""

    def __init__(self, fileobj):
        self._fp = _Source(fileobj)
        self._dec = _new_decompressor()
        self._tail = b""          # input zlib left unconsumed (max_length)
        self._new_member = True
        self._last_mtime = None
        self._crc = 0
        self._member_size = 0
        self._pos = 0
        self._size = -1           # total length once the end was reached
        self.closed = False

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self._pos

    def close(self):
        self._dec = None
        self.closed = True

    def _finish_member(self):
        crc, size = struct.unpack("<II", self._fp.read_exact(8))
        if crc != self._crc:
            raise BadGzipFile("CRC check failed %s != %s" % (hex(crc), hex(self._crc)))
        if size != (self._member_size & 0xFFFFFFFF):
            raise BadGzipFile("Incorrect length of data produced")
        # Members may be followed by zero bytes (padding) before the next.
        self._fp.skip_zeros()
        self._new_member = True
        self._dec = _new_decompressor()

    def _start_member(self):
        self._crc = 0
        self._member_size = 0
        mtime = read_header(self._fp)
        if mtime is None:
            self._size = self._pos
            return False
        self._last_mtime = mtime
        self._new_member = False
        return True

    def read(self, size=-1):
        if size < 0:
            return self.readall()
        if size == 0:
            return b""
        return self._chunk(size)

    def _chunk(self, size):
        """Up to `size` bytes (0: no limit) of the current member."""
        while True:
            if self._dec.eof:
                self._finish_member()
            if self._new_member and not self._start_member():
                return b""
            fresh = not self._tail
            data = self._fp.read(READ_BUFFER_SIZE) if fresh else self._tail
            out = self._dec.decompress(data, size)
            self._tail = self._dec.unconsumed_tail
            if self._dec.eof and self._dec.unused_data:
                self._fp.prepend(self._dec.unused_data)
            if out:
                break
            if fresh and not data:
                raise _eof_error()
        self._crc = zlib.crc32(out, self._crc)
        self._member_size += len(out)
        self._pos += len(out)
        return out

    def readall(self):
        chunks = []
        while True:
            data = self._chunk(0)
            if not data:
                return b"".join(chunks)
            chunks.append(data)

    def _rewind(self):
        self._fp.seek(0)
        self._dec = _new_decompressor()
        self._tail = b""
        self._new_member = True
        self._pos = 0

    def seek(self, offset, whence=0):
        if whence == 1:
            offset = self._pos + offset
        elif whence == 2:
            if self._size < 0:
                while self._chunk(0):
                    pass
            offset = self._size + offset
        elif whence != 0:
            raise ValueError("Invalid value for whence: {}".format(whence))
        if offset < self._pos:
            self._rewind()
        else:
            offset -= self._pos
        while offset > 0:
            data = self.read(min(_SKIP_CHUNK, offset))
            if not data:
                break
            offset -= len(data)
        return self._pos


class ReadBuffer:
    """A read-ahead buffer over a raw stream, shaped like CPython's C
    BufferedReader: `_buf` holds bytes read from raw, `_off` how many of
    them were handed out."""

    def __init__(self, raw, buffer_size=_BUFFER_SIZE):
        self.raw = raw
        self.buffer_size = buffer_size
        self._buf = b""
        self._off = 0

    @property
    def closed(self):
        return self.raw.closed

    def close(self):
        if not self.raw.closed:
            self.raw.close()
            self._reset()

    def flush(self):
        pass

    def _reset(self):
        self._buf = b""
        self._off = 0

    def _avail(self):
        return len(self._buf) - self._off

    def _take(self, n):
        start = self._off
        self._off = start + n
        return self._buf[start:start + n]

    def _fill(self):
        # Top the buffer up with one raw read; the bytes read (b"" at EOF).
        data = self.raw.read(self.buffer_size - len(self._buf))
        if data:
            self._buf += data
        return data

    def read(self, size=-1):
        size = _size_arg(size)
        if size < -1:
            raise ValueError("read length must be non-negative or -1")
        if size == -1:
            head = self._buf[self._off:]
            self._reset()
            rest = self.raw.readall()
            return head + rest if head else rest
        if size <= self._avail():
            return self._take(size)
        return self._read_long(size)

    def _read_long(self, size):
        parts = [self._buf[self._off:]]
        remaining = size - len(parts[0])
        self._reset()
        # Whole buffers' worth go straight from raw ...
        while remaining >= self.buffer_size:
            data = self.raw.read(remaining - remaining % self.buffer_size)
            if not data:
                return b"".join(parts)
            parts.append(data)
            remaining -= len(data)
        # ... the rest through the buffer, which keeps what is left over.
        while remaining > 0 and len(self._buf) < self.buffer_size:
            start = len(self._buf)
            data = self._fill()
            if not data:
                break
            n = min(remaining, len(data))
            parts.append(self._buf[start:start + n])
            self._off += n
            remaining -= n
        return b"".join(parts)

    def read1(self, size=-1):
        size = _size_arg(size)
        if size < 0:
            size = self.buffer_size
        if size == 0:
            return b""
        have = self._avail()
        if have > 0:
            return self._take(min(have, size))
        self._reset()
        return self.raw.read(size)

    def peek(self, size=0):
        _index_arg(size)
        if self._avail() > 0:
            return self._buf[self._off:]
        self._reset()
        self._fill()
        return self._buf

    def readline(self, size=-1):
        limit = _size_arg(size)
        n = self._avail()
        if 0 <= limit < n:
            n = limit
        start = self._off
        i = self._buf.find(b"\n", start, start + n)
        if i >= 0:
            return self._take(i + 1 - start)
        if n == limit:
            return self._take(n)
        parts = [self._take(n)]
        if limit >= 0:
            limit -= n
        while True:
            self._reset()
            if not self._fill():
                break
            n = len(self._buf)
            if 0 <= limit < n:
                n = limit
            i = self._buf.find(b"\n", 0, n)
            if i >= 0:
                parts.append(self._take(i + 1))
                break
            parts.append(self._take(n))
            if n == limit:
                break
            if limit >= 0:
                limit -= n
        return b"".join(parts)

    def tell(self):
        pos = self.raw.tell() - self._avail()
        return pos if pos > 0 else 0

    def seek(self, target, whence=0):
        whence = _index_arg(whence)
        if whence not in (0, 1, 2, 3, 4):
            raise ValueError(f"whence value {whence} unsupported")
        if self.raw.closed:
            raise ValueError("seek of closed file")
        target = _index_arg(target)
        avail = self._avail()
        if whence in (0, 1) and avail > 0:
            # A target inside the buffer just moves the read offset.
            current = self.raw.tell()
            offset = target - (current - avail) if whence == 0 else target
            if -self._off <= offset <= avail:
                self._off += offset
                return current - avail + offset
        if whence == 1:
            target -= avail
        pos = self.raw.seek(target, whence)
        self._reset()
        return pos
