# zlib: compression in the zlib, gzip and raw deflate formats, over the C
# zlib streams of the native `_zlib` (the same library CPython wraps, so the
# bytes match). This layer checks arguments as CPython's module does and
# keeps the bookkeeping of each stream (unused data, unconsumed tails).

import _zlib

MAX_WBITS = 15
DEFLATED = 8
DEF_MEM_LEVEL = 8
DEF_BUF_SIZE = 16384
ZLIB_VERSION = "1.2.13"
ZLIB_RUNTIME_VERSION = "1.2.13"
Z_NO_COMPRESSION = 0
Z_BEST_SPEED = 1
Z_BEST_COMPRESSION = 9
Z_DEFAULT_COMPRESSION = -1
Z_DEFAULT_STRATEGY = 0
Z_FILTERED = 1
Z_HUFFMAN_ONLY = 2
Z_RLE = 3
Z_FIXED = 4
Z_NO_FLUSH = 0
Z_PARTIAL_FLUSH = 1
Z_SYNC_FLUSH = 2
Z_FULL_FLUSH = 3
Z_FINISH = 4
Z_BLOCK = 5
Z_TREES = 6


class error(Exception):
    pass


error.__module__ = "zlib"


def _buffer(data, what="a bytes-like object is required"):
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    if hasattr(data, "tobytes"):
        return data.tobytes()
    raise TypeError(f"{what}, not '{type(data).__name__}'")


def _int(value, name):
    if isinstance(value, int):
        return value
    if hasattr(type(value), "__index__"):
        return type(value).__index__(value)
    raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")


def _compress_format(wbits):
    # 9..15: zlib header; -9..-15: raw deflate; 25..31: gzip header. zlib
    # itself reads a window of 8 as 9.
    if 9 <= wbits <= 15 or wbits == 8:
        return "zlib", max(wbits, 9)
    if -15 <= wbits <= -9 or wbits == -8:
        return "raw", max(-wbits, 9)
    if 25 <= wbits <= 31 or wbits == 24:
        return "gzip", max(wbits - 16, 9)
    raise ValueError("Invalid initialization option")


def _decompress_format(wbits, data):
    if wbits == 0:
        return "zlib", 15
    if 8 <= wbits <= 15:
        return "zlib", max(wbits, 9)
    if -15 <= wbits <= -8:
        return "raw", max(-wbits, 9)
    if 24 <= wbits <= 31:
        return "gzip", max(wbits - 16, 9)
    if 40 <= wbits <= 47 or wbits == 32:
        # Automatic header detection: gzip by its magic number, else zlib.
        bits = max(wbits - 32, 9) if wbits != 32 else 15
        return ("gzip" if data[:2] == b"\x1f\x8b" else "zlib"), bits
    raise ValueError("Invalid initialization option")


def _check_level(level):
    if not (-1 <= level <= 9):
        raise error("Bad compression level")


def compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS):
    data = _buffer(data)
    level = _int(level, "level")
    wbits = _int(wbits, "wbits")
    _check_level(level)
    try:
        kind, bits = _compress_format(wbits)
    except ValueError:
        raise error("Bad compression level") from None
    stream = _zlib.compressor(level, kind, bits, None)
    return _zlib.compress(stream, data, Z_FINISH)


def _raise(state, message, doing="decompressing data"):
    if state == 2:
        raise error(f"Error 2 while {doing}")
    raise error(f"Error {state} while {doing}: {message}")


def decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE):
    data = _buffer(data)
    wbits = _int(wbits, "wbits")
    bufsize = _int(bufsize, "bufsize")
    if bufsize < 0:
        raise ValueError("bufsize must be non-negative")
    try:
        kind, bits = _decompress_format(wbits, data)
    except ValueError:
        raise error("Error -2 while preparing to decompress data: inconsistent stream state") from None
    stream = _zlib.decompressor(kind, bits, None)
    out, used, state, message = _zlib.decompress(stream, data, 0, 1, None)
    if state < 0 or state == 2:
        _raise(state, message)
    if state != 1:
        raise error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


class Compress:
    __slots__ = ("_stream", "_finished")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Compress' instances")

    def compress(self, data, /):
        data = _buffer(data)
        if self._finished:
            raise error("Error -2 while compressing data: inconsistent stream state")
        return _zlib.compress(self._stream, data, Z_NO_FLUSH)

    def flush(self, mode=Z_FINISH, /):
        mode = _int(mode, "mode")
        if mode == Z_NO_FLUSH:
            return b""
        if self._finished:
            raise error("Error -2 while flushing: inconsistent stream state")
        out = _zlib.compress(self._stream, b"", mode)
        if mode == Z_FINISH:
            self._finished = True
        return out

    def copy(self):
        raise ValueError("Inconsistent stream state")

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


Compress.__module__ = "zlib"


def compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
                memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None):
    level = _int(level, "level")
    wbits = _int(wbits, "wbits")
    memLevel = _int(memLevel, "memLevel")
    strategy = _int(strategy, "strategy")
    if zdict is not None:
        zdict = _buffer(zdict, "zdict argument must support the buffer protocol")
    if (not -1 <= level <= 9 or method != DEFLATED or not 1 <= memLevel <= 9
            or not 0 <= strategy <= 4):
        raise ValueError("Invalid initialization option")
    kind, bits = _compress_format(wbits)
    obj = object.__new__(Compress)
    obj._stream = _zlib.compressor(level, kind, bits, zdict)
    obj._finished = False
    return obj


class Decompress:
    __slots__ = ("_stream", "_wbits", "_zdict", "unused_data", "unconsumed_tail", "eof")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'zlib.Decompress' instances")

    def _open(self, data):
        if self._stream is None:
            kind, bits = _decompress_format(self._wbits, data)
            self._stream = _zlib.decompressor(kind, bits, self._zdict)

    def decompress(self, data, /, max_length=0):
        data = _buffer(data)
        max_length = _int(max_length, "max_length")
        if max_length < 0:
            raise ValueError("max_length must be non-negative")
        if self.eof:
            self.unused_data += data
            return b""
        self._open(data)
        out, used, state, message = _zlib.decompress(
            self._stream, data, max_length, 0, self._zdict)
        if state < 0 or state == 2:
            _raise(state, message)
        rest = data[used:]
        if state == 1:
            self.eof = True
            self.unused_data += rest
            self.unconsumed_tail = b""
        elif max_length:
            self.unconsumed_tail = rest
        else:
            self.unconsumed_tail = b""
        return out

    def flush(self, length=DEF_BUF_SIZE, /):
        length = _int(length, "length")
        if length <= 0:
            raise ValueError("length must be greater than zero")
        data = self.unconsumed_tail
        if self.eof or self._stream is None and not data:
            self.unconsumed_tail = b""
            return b""
        self._open(data)
        out, used, state, message = _zlib.decompress(self._stream, data, 0, 1, self._zdict)
        if state < 0 and used < len(data):
            _raise(state, message)
        if state == 1:
            self.eof = True
            self.unused_data += data[used:]
        self.unconsumed_tail = b""
        return out

    def copy(self):
        raise ValueError("Inconsistent stream state")

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()


Decompress.__module__ = "zlib"


def decompressobj(wbits=MAX_WBITS, zdict=b""):
    wbits = _int(wbits, "wbits")
    if zdict != b"":
        zdict = _buffer(zdict, "zdict argument must support the buffer protocol")
    if not (wbits == 0 or 8 <= abs(wbits) <= 15 or 24 <= wbits <= 31
            or 40 <= wbits <= 47 or wbits == 32):
        raise ValueError("Invalid initialization option")
    obj = object.__new__(Decompress)
    obj._stream = None
    obj._wbits = wbits
    obj._zdict = zdict or None
    obj.unused_data = b""
    obj.unconsumed_tail = b""
    obj.eof = False
    return obj


def crc32(data, value=0, /):
    return _zlib.crc32(_buffer(data), _int(value, "value") & 0xFFFFFFFF)


def adler32(data, value=1, /):
    return _zlib.adler32(_buffer(data), _int(value, "value") & 0xFFFFFFFF)
