"""Item conversion and byte (de)serialisation for the array module.

Items are kept as plain Python values in a list (ints, floats, or
one-character strings for the 'u'/'w' typecodes); these helpers check and
convert values the way CPython's C setters do, with the same messages, and
turn item lists into machine bytes and back (little-endian, the native
order of the platforms aio runs on).
"""

import struct as _struct

_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1

# typecode -> (itemsize, struct code, signed)
SIZES = {
    'b': 1, 'B': 1, 'u': 4, 'w': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
    'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8,
}
STRUCT_CODE = {
    'b': 'b', 'B': 'B', 'u': 'I', 'w': 'I', 'h': 'h', 'H': 'H', 'i': 'i',
    'I': 'I', 'l': 'q', 'L': 'Q', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd',
}
SIGNED = set('bhilqfd')
INT_CODES = set('bBhHiIlLqQ')
FLOAT_CODES = set('fd')
UNICODE_CODES = set('uw')


def as_index(v):
    """v as an int, through __index__, or CPython's TypeError."""
    if isinstance(v, int):
        return int(v)
    hook = getattr(type(v), '__index__', None)
    if hook is None:
        raise TypeError(
            f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return hook(v)


def _bounded(name, lo, hi, long_first):
    # The checks of the small C integer setters: first the conversion to a
    # C long (or unsigned long), then the range of the item type.
    def conv(v):
        if type(v) is not int:
            v = as_index(v)
        if lo <= v <= hi:
            return v
        if long_first and not _LONG_MIN <= v <= _LONG_MAX:
            raise OverflowError("Python int too large to convert to C long")
        if v > hi:
            raise OverflowError(f"{name} is greater than maximum")
        raise OverflowError(f"{name} is less than minimum")
    return conv


def _conv_I(v):
    if type(v) is not int:
        v = as_index(v)
    if 0 <= v <= 0xFFFFFFFF:
        return v
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if v > _ULONG_MAX:
        raise OverflowError("Python int too large to convert to C unsigned long")
    raise OverflowError("unsigned int is greater than maximum")


def _conv_l(v):
    if type(v) is not int:
        v = as_index(v)
    if _LONG_MIN <= v <= _LONG_MAX:
        return v
    raise OverflowError("Python int too large to convert to C long")


def _conv_L(v):
    if type(v) is not int:
        v = as_index(v)
    if 0 <= v <= _ULONG_MAX:
        return v
    if v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    raise OverflowError("Python int too large to convert to C unsigned long")


def _conv_q(v):
    if type(v) is not int:
        v = as_index(v)
    if _LONG_MIN <= v <= _LONG_MAX:
        return v
    raise OverflowError("int too big to convert")


def _conv_Q(v):
    if type(v) is not int:
        v = as_index(v)
    if 0 <= v <= _ULONG_MAX:
        return v
    if v < 0:
        raise OverflowError("can't convert negative int to unsigned")
    raise OverflowError("int too big to convert")


def _conv_d(v):
    if type(v) is float:
        return v
    if isinstance(v, (int, float)):
        return float(v)
    cls = type(v)
    hook = getattr(cls, '__float__', None)
    if hook is not None:
        return hook(v)
    hook = getattr(cls, '__index__', None)
    if hook is not None:
        return float(hook(v))
    raise TypeError(f"must be real number, not {cls.__name__}")


def _conv_u(v):
    if type(v) is str and len(v) == 1:
        return v
    if isinstance(v, str) and len(v) == 1:
        return str(v)
    raise TypeError("array item must be unicode character")


CONVERTERS = {
    'b': _bounded("signed char", -128, 127, True),
    'B': _bounded("unsigned byte integer", 0, 255, True),
    'h': _bounded("signed short integer", -32768, 32767, True),
    'H': _bounded("unsigned short", 0, 65535, True),
    'i': _bounded("signed integer", -(1 << 31), (1 << 31) - 1, True),
    'I': _conv_I, 'l': _conv_l, 'L': _conv_L, 'q': _conv_q, 'Q': _conv_Q,
    'f': _conv_d, 'd': _conv_d, 'u': _conv_u, 'w': _conv_u,
}


def round_floats(values):
    """Round doubles to the nearest single-precision value, as a C cast
    does (out-of-range values become infinities)."""
    n = len(values)
    if not n:
        return values
    try:
        return list(_struct.unpack(f'<{n}f', _struct.pack(f'<{n}f', *values)))
    except OverflowError:
        return [_round_float(v) for v in values]


def _round_float(v):
    try:
        return _struct.unpack('<f', _struct.pack('<f', v))[0]
    except OverflowError:
        return float('inf') if v > 0 else float('-inf')


def convert_all(tc, values):
    """The stored form of every value, or the first conversion error."""
    conv = CONVERTERS[tc]
    out = [conv(v) for v in values]
    if tc == 'f':
        out = round_floats(out)
    return out


def convert_one(tc, value):
    v = CONVERTERS[tc](value)
    if tc == 'f':
        v = round_floats([v])[0]
    return v


def to_bytes(tc, items):
    """The machine (little-endian) bytes of a list of stored items."""
    n = len(items)
    if not n:
        return b''
    if tc in UNICODE_CODES:
        return b''.join([ord(c).to_bytes(4, 'little') for c in items])
    if tc in FLOAT_CODES:
        return _struct.pack(f'<{n}{tc}', *items)
    size = SIZES[tc]
    signed = tc in SIGNED
    return b''.join([x.to_bytes(size, 'little', signed=signed) for x in items])


def from_bytes(tc, data, order='<'):
    """Stored items decoded from machine bytes (whose length must be a
    multiple of the item size)."""
    size = SIZES[tc]
    n = len(data) // size
    if not n:
        return []
    values = _struct.unpack(f'{order}{n}{STRUCT_CODE[tc]}', data)
    if tc in UNICODE_CODES:
        return [chr(v) for v in values]
    return list(values)


def bytes_of(obj):
    """The bytes of a bytes-like object (bytes, bytearray, array), or the
    TypeError CPython raises for anything else."""
    if isinstance(obj, bytes):
        return obj
    cls = type(obj)
    if cls.__name__ == 'bytearray' or isinstance(obj, bytearray):
        return bytes(obj)
    tobytes = getattr(obj, '_array__bytes', None)
    if tobytes is not None:
        # Only arrays of single bytes pass CPython's simple-buffer check.
        if obj.itemsize != 1:
            raise TypeError("a bytes-like object is required")
        return tobytes()
    if cls.__name__ == 'memoryview':
        return obj.tobytes()
    raise TypeError(f"a bytes-like object is required, not '{cls.__name__}'")


# Machine format codes used by pickled arrays: code -> (struct format,
# kind) where kind is 'int', 'float', 'utf16' or 'utf32'.
MFORMATS = {
    0: ('<B', 'int'), 1: ('<b', 'int'), 2: ('<H', 'int'), 3: ('>H', 'int'),
    4: ('<h', 'int'), 5: ('>h', 'int'), 6: ('<I', 'int'), 7: ('>I', 'int'),
    8: ('<i', 'int'), 9: ('>i', 'int'), 10: ('<Q', 'int'), 11: ('>Q', 'int'),
    12: ('<q', 'int'), 13: ('>q', 'int'), 14: ('<f', 'float'),
    15: ('>f', 'float'), 16: ('<d', 'float'), 17: ('>d', 'float'),
    18: ('<H', 'utf16'), 19: ('>H', 'utf16'), 20: ('<I', 'utf32'),
    21: ('>I', 'utf32'),
}
NATIVE_MFORMAT = {
    'b': 1, 'B': 0, 'h': 4, 'H': 2, 'i': 8, 'I': 6, 'l': 12, 'L': 10,
    'q': 12, 'Q': 10, 'f': 14, 'd': 16, 'u': 20, 'w': 20,
}


def _utf16_decode(units):
    out = []
    i, n = 0, len(units)
    while i < n:
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < n and 0xDC00 <= units[i + 1] < 0xE000:
            out.append(chr(0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)))
            i += 2
        else:
            out.append(chr(u))
            i += 1
    return ''.join(out)


def _decode_error(codec, data, start):
    reason = 'code point not in range(0x110000)'
    message = (f"'{codec}' codec can't decode bytes in position "
               f"{start}-{start + 3}: {reason}")
    # aio's UnicodeDecodeError does not build CPython's message from the
    # five arguments, so give it the finished text when it accepts that.
    try:
        return UnicodeDecodeError(message)
    except TypeError:
        return UnicodeDecodeError(codec, data, start, start + 4, reason)


def int_typecode_for(size, signed):
    # The last typecode of the right width and signedness, as CPython picks.
    pick = None
    for tc in 'bBhHiIlLqQ':
        if SIZES[tc] == size and (tc in SIGNED) == signed:
            pick = tc
    return pick


def decode_mformat(code, data):
    """(kind, values) decoded from pickled array bytes."""
    fmt, kind = MFORMATS[code]
    size = _struct.calcsize(fmt)
    if kind in ('utf16', 'utf32'):
        # CPython requires whole pairs of code units here.
        if len(data) % (2 * size):
            raise ValueError("string length not a multiple of item size")
    elif len(data) % size:
        raise ValueError("bytes length not a multiple of item size")
    n = len(data) // size
    values = list(_struct.unpack(f'{fmt[0]}{n}{fmt[1]}', data)) if n else []
    if kind == 'utf16':
        return kind, _utf16_decode(values)
    if kind == 'utf32':
        for i, v in enumerate(values):
            if v > 0x10FFFF:
                codec = 'utf-32-le' if fmt[0] == '<' else 'utf-32-be'
                raise _decode_error(codec, data, 4 * i)
        return kind, ''.join(chr(v) for v in values)
    return kind, values
