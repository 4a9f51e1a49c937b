"""Conversion between binary data and ASCII (aio implementation of
CPython's binascii C module)."""

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'a2b_hex', 'a2b_qp',
           'a2b_uu', 'b2a_base64', 'b2a_hex', 'b2a_qp', 'b2a_uu',
           'crc32', 'crc_hqx', 'hexlify', 'unhexlify']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'

_B64_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_DECODE = [255] * 256
for _i, _c in enumerate(_B64_ALPHABET):
    _B64_DECODE[_c] = _i
_HEX_DIGITS = b'0123456789abcdef'
_HEX_VALUE = [-1] * 256
for _i, _c in enumerate(b'0123456789abcdef'):
    _HEX_VALUE[_c] = _i
for _i, _c in enumerate(b'ABCDEF'):
    _HEX_VALUE[_c] = _i + 10
_PAD = 61  # '='


def _binary(data):
    """The bytes of a bytes-like argument."""
    if isinstance(data, bytes):
        return data
    try:
        buffer_types = (bytearray, memoryview)
    except NameError:
        buffer_types = ()
    if buffer_types and isinstance(data, buffer_types):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(data).__name__)


def _ascii(data):
    """The bytes of an argument that may also be an ASCII-only str."""
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII '
                             'characters')
        return data.encode('ascii')
    try:
        return _binary(data)
    except TypeError:
        raise TypeError("argument should be bytes, buffer or ASCII string, "
                        "not '%s'" % type(data).__name__) from None


def _index(value):
    if isinstance(value, int):
        return int(value)
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return method(value)


def _check_args(name, args, low, high):
    n = len(args)
    if low == high and n != low:
        raise TypeError('%s expected %d arguments, got %d' % (name, low, n))
    if n < low:
        raise TypeError('%s expected at least %d argument%s, got %d'
                        % (name, low, '' if low == 1 else 's', n))
    if n > high:
        raise TypeError('%s expected at most %d arguments, got %d'
                        % (name, high, n))


# -- base64 ---------------------------------------------------------------------

def _one_positional(name, args):
    if len(args) != 1:
        raise TypeError('%s() takes exactly 1 positional argument (%d given)'
                        % (name, len(args)))
    return args[0]


def _exactly_one(name, args):
    if len(args) != 1:
        raise TypeError('binascii.%s() takes exactly one argument '
                        '(%d given)' % (name, len(args)))
    return args[0]


def b2a_base64(*args, newline=True):
    """Base64-code line of data."""
    data = _binary(_one_positional('b2a_base64', args))
    table = _B64_ALPHABET
    out = []
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out.append(table[v >> 18])
        out.append(table[(v >> 12) & 63])
        out.append(table[(v >> 6) & 63])
        out.append(table[v & 63])
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        out.extend((table[v >> 18], table[(v >> 12) & 63], _PAD, _PAD))
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        out.extend((table[v >> 18], table[(v >> 12) & 63],
                    table[(v >> 6) & 63], _PAD))
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(*args, strict_mode=False):
    """Decode a line of base64 data."""
    data = _ascii(_one_positional('a2b_base64', args))
    strict = bool(strict_mode)
    if strict and data and data[0] == _PAD:
        raise Error("Leading padding not allowed")
    out = []
    quad_pos = 0
    left = 0
    pads = 0
    padding_started = False
    n = len(data)
    for i in range(n):
        ch = data[i]
        if ch == _PAD:
            padding_started = True
            if strict and quad_pos == 0:
                raise Error("Excess padding not allowed")
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    # complete padding ends the data
                    if strict and i + 1 < n:
                        raise Error("Excess data after padding")
                    return bytes(out)
            continue
        v = _B64_DECODE[ch]
        if v == 255:
            if strict:
                raise Error("Only base64 data is allowed")
            continue
        if strict and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            left = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((left << 2) | (v >> 4)) & 255)
            left = v & 0x0f
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((left << 4) | (v >> 2)) & 255)
            left = v & 0x03
        else:
            quad_pos = 0
            out.append(((left << 6) | v) & 255)
            left = 0
    if quad_pos == 1:
        raise Error("Invalid base64-encoded string: number of data "
                    "characters (%d) cannot be 1 more than a multiple of 4"
                    % (len(out) // 3 * 4 + 1))
    if quad_pos != 0:
        raise Error("Incorrect padding")
    return bytes(out)


# -- hexadecimal ------------------------------------------------------------

def _separator(sep):
    if isinstance(sep, str):
        if len(sep) != 1:
            raise ValueError("sep must be length 1.")
        # CPython accepts any one-byte (latin-1) character here
        if ord(sep) > 255:
            raise ValueError("sep must be ASCII.")
        return ord(sep)
    if isinstance(sep, bytes):
        if len(sep) != 1:
            raise ValueError("sep must be length 1.")
        return sep[0]
    if not hasattr(sep, '__len__'):
        raise TypeError("object of type '%s' has no len()"
                        % type(sep).__name__)
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    raise TypeError("sep must be str or bytes.")


_MISSING = object()


def b2a_hex(data=_MISSING, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data, optionally with a
    separator byte every bytes_per_sep bytes (counted from the right, or
    from the left when bytes_per_sep is negative)."""
    if data is _MISSING:
        raise TypeError("b2a_hex() missing required argument 'data' (pos 1)")
    data = _binary(data)
    digits = _HEX_DIGITS
    if sep is None:
        out = []
        for b in data:
            out.append(digits[b >> 4])
            out.append(digits[b & 15])
        return bytes(out)
    sep_byte = _separator(sep)
    group = _index(bytes_per_sep)
    if not -2 ** 31 <= group < 2 ** 31:
        raise OverflowError("Python int too large to convert to C int")
    n = len(data)
    if group == 0 or n == 0:
        return b2a_hex(data)
    size = abs(group)
    # the partial group goes at the start for positive sizes
    first = n % size if group > 0 else size
    if first == 0:
        first = size
    out = []
    for i, b in enumerate(data):
        if i and (i - first) % size == 0:
            out.append(sep_byte)
        out.append(digits[b >> 4])
        out.append(digits[b & 15])
    return bytes(out)


def hexlify(data=_MISSING, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data."""
    if data is _MISSING:
        raise TypeError("hexlify() missing required argument 'data' (pos 1)")
    return b2a_hex(data, sep, bytes_per_sep)


def a2b_hex(*args):
    """Binary data of hexadecimal representation."""
    return _unhex(_exactly_one('a2b_hex', args))


def _unhex(hexstr):
    data = _ascii(hexstr)
    if len(data) % 2:
        raise Error("Odd-length string")
    out = []
    table = _HEX_VALUE
    for i in range(0, len(data), 2):
        hi = table[data[i]]
        lo = table[data[i + 1]]
        if hi < 0 or lo < 0:
            raise Error("Non-hexadecimal digit found")
        out.append((hi << 4) | lo)
    return bytes(out)


def unhexlify(*args):
    """Binary data of hexadecimal representation."""
    return _unhex(_exactly_one('unhexlify', args))


# -- checksums ------------------------------------------------------------------

def _make_crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


def _make_crc_hqx_table():
    table = []
    for n in range(256):
        c = n << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) if c & 0x8000 else c << 1
        table.append(c & 0xffff)
    return table


_CRC32_TABLE = None
_CRC_HQX_TABLE = None


def crc32(*args):
    """Compute CRC-32 incrementally."""
    global _CRC32_TABLE
    _check_args('crc32', args, 1, 2)
    data = _binary(args[0])
    crc = _index(args[1]) & 0xffffffff if len(args) > 1 else 0
    if _CRC32_TABLE is None:
        _CRC32_TABLE = _make_crc32_table()
    table = _CRC32_TABLE
    crc ^= 0xffffffff
    for b in data:
        crc = table[(crc ^ b) & 0xff] ^ (crc >> 8)
    return crc ^ 0xffffffff


def crc_hqx(*args):
    """Compute CRC-CCITT incrementally."""
    global _CRC_HQX_TABLE
    _check_args('crc_hqx', args, 2, 2)
    data = _binary(args[0])
    crc = _index(args[1]) & 0xffff
    if _CRC_HQX_TABLE is None:
        _CRC_HQX_TABLE = _make_crc_hqx_table()
    table = _CRC_HQX_TABLE
    for b in data:
        crc = ((crc << 8) & 0xff00) ^ table[(crc >> 8) ^ b]
    return crc


from _binascii_uu_qp import a2b_uu, b2a_uu, a2b_qp, b2a_qp  # noqa: E402
