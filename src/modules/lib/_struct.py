"""Conversion between Python values and the bytes of C structs (aio
implementation of CPython's _struct, the engine of the struct module).

A format string describes the layout.  Its first character may choose the
byte order, sizes and alignment: '@' native (the default), '=' native
order with standard sizes, '<' little-endian, '>' and '!' big-endian (all
with standard sizes and no alignment).  Then come type codes, each with an
optional decimal repeat count:

    x pad byte     c bytes of length 1   b/B signed/unsigned char
    ? bool         h/H short             i/I int        l/L long
    q/Q long long  n/N ssize_t/size_t (native only)     P pointer (native)
    e/f/d half, single and double precision floats
    s bytes (the count is the length)    p Pascal string (length byte first)

Whitespace between codes is ignored.  Errors raise struct.error.  The
native layout is the one of x86-64 Linux."""

import math as _math
import operator as _operator
import sys as _sys

try:
    _WRITABLE = (bytearray,)
    _STRINGS = (bytes, bytearray)
    _BUFFERS = (bytes, bytearray, memoryview)
except NameError:
    # aio has no bytearray/memoryview yet: only bytes can be read and
    # nothing can be written into.
    _WRITABLE = ()
    _STRINGS = (bytes,)
    _BUFFERS = (bytes,)

_MAXSIZE = _sys.maxsize


class error(Exception):
    __module__ = 'struct'


# code -> (kind, standard size, native size, native alignment)
_CODES = {
    'x': ('pad', 1, 1, 0), 'c': ('char', 1, 1, 0),
    'b': ('int', 1, 1, 0), 'B': ('uint', 1, 1, 0),
    '?': ('bool', 1, 1, 0),
    'h': ('int', 2, 2, 2), 'H': ('uint', 2, 2, 2),
    'i': ('int', 4, 4, 4), 'I': ('uint', 4, 4, 4),
    'l': ('int', 4, 8, 8), 'L': ('uint', 4, 8, 8),
    'q': ('int', 8, 8, 8), 'Q': ('uint', 8, 8, 8),
    'n': ('int', 0, 8, 8), 'N': ('uint', 0, 8, 8),
    'P': ('ptr', 0, 8, 8),
    'e': ('float', 2, 2, 2), 'f': ('float', 4, 4, 4),
    'd': ('float', 8, 8, 8),
    's': ('str', 1, 1, 0), 'p': ('pstr', 1, 1, 0),
}

_ORDERS = {'<': 'little', '>': 'big', '!': 'big', '=': _sys.byteorder,
           '@': _sys.byteorder}

_WHITESPACE = ' \t\n\r\x0b\x0c'
_DIGITS = '0123456789'


def _format_text(fmt):
    """The format as an ASCII str (what the C code sees as char *)."""
    if isinstance(fmt, str):
        fmt.encode('ascii')     # raises CPython's UnicodeEncodeError
        text = fmt
    elif isinstance(fmt, bytes):
        text = fmt.decode('latin-1')
    else:
        raise TypeError("Struct() argument 1 must be a str or bytes "
                        "object, not %s" % type(fmt).__name__)
    if '\0' in text:
        raise error('embedded null character')
    return text


def _compile(text):
    """Parse a format: (byte order, items, size, number of arguments).

    Each item is (kind, code, offset, count, size); counts are kept as
    given so that huge repeat counts cost nothing."""
    pos = 0
    native = True
    if text and text[0] in '@=<>!':
        native = text[0] == '@'
        order = _ORDERS[text[0]]
        pos = 1
    else:
        order = _ORDERS['@']
    items = []
    size = 0
    nargs = 0
    n = len(text)
    while pos < n:
        c = text[pos]
        pos += 1
        if c in _WHITESPACE:
            continue
        if c in _DIGITS:
            start = pos - 1
            while pos < n and text[pos] in _DIGITS:
                pos += 1
            num = int(text[start:pos])
            if num > _MAXSIZE:
                raise error('total struct size too long')
            if pos >= n:
                raise error('repeat count given without format specifier')
            c = text[pos]
            pos += 1
        else:
            num = 1
        entry = _CODES.get(c)
        if entry is None:
            raise error('bad char in struct format')
        kind, std_size, nat_size, align = entry
        if native:
            itemsize = nat_size
            if c == 'f':
                kind = 'nfloat'
            if align and size > 0:
                size += (align - 1) - (size - 1) % align
                if size > _MAXSIZE:
                    raise error('total struct size too long')
        else:
            itemsize = std_size
            if itemsize == 0:
                raise error('bad char in struct format')
        if kind == 'str' or kind == 'pstr':
            nargs += 1
            total = num
        elif kind == 'pad':
            total = num
        else:
            nargs += num
            total = num * itemsize
        if total > _MAXSIZE - size:
            raise error('total struct size too long')
        if kind != 'pad' and (num or kind == 'str' or kind == 'pstr'):
            items.append((kind, c, size, num, itemsize))
        size += total
    return order, items, size, nargs


# ------------------------------------------------ IEEE 754 bit patterns

# size in bytes -> (mantissa bits, exponent bits)
_FLOAT_LAYOUT = {2: (10, 5), 4: (23, 8), 8: (52, 11)}


def _pack_float_bits(x, size):
    """The IEEE 754 bit pattern of x rounded half-even to the binary
    format of `size` bytes; OverflowError when it rounds to infinity."""
    mbits, ebits = _FLOAT_LAYOUT[size]
    sign = (1 if _math.copysign(1.0, x) < 0 else 0) << (mbits + ebits)
    top = (1 << ebits) - 1
    if x != x:
        return sign | (top << mbits) | (1 << (mbits - 1))
    if x == 0.0:
        return sign
    if x in (_INF, -_INF):
        return sign | (top << mbits)
    m, e = _math.frexp(abs(x))
    mant = int(_math.ldexp(m, 53))          # exact: x == mant * 2**(e-53)
    qmin = 2 - (1 << (ebits - 1)) - mbits   # exponent of the subnormal step
    q = e - 1 - mbits
    if q < qmin:
        q = qmin
    shift = q - (e - 53)
    if shift > 0:
        r = mant >> shift
        rest = mant - (r << shift)
        half = 1 << (shift - 1)
        if rest > half or (rest == half and r & 1):
            r += 1
    else:
        r = mant << -shift
    # r counts steps of 2**q; adding the offset of q to the exponent field
    # also carries r's implicit leading bit into that field.
    bits = ((q - qmin) << mbits) + r
    if bits >= top << mbits:
        raise OverflowError
    return sign | bits


def _unpack_float_bits(bits, size):
    mbits, ebits = _FLOAT_LAYOUT[size]
    top = (1 << ebits) - 1
    negative = bits >> (mbits + ebits)
    field = (bits >> mbits) & top
    mant = bits & ((1 << mbits) - 1)
    if field == top:
        x = _INF if mant == 0 else _NAN
    elif field == 0:
        x = _math.ldexp(float(mant), 2 - (1 << (ebits - 1)) - mbits)
    else:
        x = _math.ldexp(float(mant | (1 << mbits)),
                        field + 1 - (1 << (ebits - 1)) - mbits)
    return -x if negative else x


_INF = float('inf')
_NAN = float('nan')


# ---------------------------------------------------------------- packing

def _get_int(v):
    if isinstance(v, int):
        return v
    if getattr(type(v), '__index__', None) is None:
        raise error('required argument is not an integer')
    return _operator.index(v)


def _range_message(code, lo, hi):
    return "'%s' format requires %d <= number <= %d" % (code, lo, hi)


def _int_bounds(size, signed):
    bits = size * 8
    if signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def _pack_ints(values, vi, end, code, size, signed, order, out):
    lo, hi = _int_bounds(size, signed)
    while vi < end:
        x = values[vi]
        if not isinstance(x, int):
            x = _get_int(x)
        if x < lo or x > hi:
            raise error(_range_message(code, lo, hi))
        out.append(x.to_bytes(size, order, signed=signed))
        vi += 1


def _pack_ptr(v, order):
    is_int = isinstance(v, int)
    x = _get_int(v)
    if x < -(1 << 63) or x >= (1 << 64):
        if is_int:
            raise error('int too large to convert')
        if x < 0:
            raise OverflowError('Python int too large to convert to C long')
        raise OverflowError('Python int too large to convert to C '
                            'unsigned long')
    return (x & 0xFFFFFFFFFFFFFFFF).to_bytes(8, order)


def _get_float(v):
    """PyFloat_AsDouble; any failure becomes struct.error."""
    if isinstance(v, float):
        return v
    try:
        if isinstance(v, int):
            return float(v)
        tp = type(v)
        conv = getattr(tp, '__float__', None)
        if conv is not None:
            r = conv(v)
            if isinstance(r, float):
                return r
        elif getattr(tp, '__index__', None) is not None:
            return float(_operator.index(v))
    except Exception:
        pass
    raise error('required argument is not a float')


def _pack_float(v, code, size, order, native=False):
    x = _get_float(v)
    try:
        bits = _pack_float_bits(x, size)
    except OverflowError:
        if native and code == 'f':
            # the C cast (float)x of native mode overflows to infinity
            return _pack_float_bits(_INF if x > 0 else -_INF, 4).to_bytes(
                4, order)
        if isinstance(v, int):
            raise error('int too large to convert') from None
        raise OverflowError('float too large to pack with %s format'
                            % code) from None
    return bits.to_bytes(size, order)


def _pack_str(v, code, count, pascal):
    if not isinstance(v, _STRINGS):
        raise error("argument for '%s' must be a bytes object" % code)
    data = bytes(v)
    if pascal:
        if count == 0:
            return b''
        data = data[:count - 1]
        n = len(data)
        return bytes([n if n < 255 else 255]) + data + \
            b'\0' * (count - 1 - n)
    data = data[:count]
    return data + b'\0' * (count - len(data))


def _pack_item(kind, code, count, size, order, values, vi, out):
    """Append the packed bytes of one item to out; returns the next index
    into values."""
    if kind == 'str' or kind == 'pstr':
        out.append(_pack_str(values[vi], code, count, kind == 'pstr'))
        return vi + 1
    end = vi + count
    if kind == 'int' or kind == 'uint':
        _pack_ints(values, vi, end, code, size, kind == 'int', order, out)
    elif kind == 'float' or kind == 'nfloat':
        native = kind == 'nfloat'
        while vi < end:
            out.append(_pack_float(values[vi], code, size, order, native))
            vi += 1
    elif kind == 'bool':
        while vi < end:
            out.append(b'\x01' if values[vi] else b'\x00')
            vi += 1
    elif kind == 'char':
        while vi < end:
            v = values[vi]
            if not isinstance(v, bytes) or len(v) != 1:
                raise error('char format requires a bytes object of '
                            'length 1')
            out.append(bytes(v))
            vi += 1
    else:  # ptr
        while vi < end:
            out.append(_pack_ptr(values[vi], order))
            vi += 1
    return end


def _pack_values(st, values):
    out = []
    pos = 0
    vi = 0
    order = st._order
    for kind, code, offset, count, size in st._items:
        if offset > pos:
            out.append(b'\0' * (offset - pos))
        vi = _pack_item(kind, code, count, size, order, values, vi, out)
        pos = offset + (count if kind == 'str' or kind == 'pstr'
                        else count * size)
    if st._size > pos:
        out.append(b'\0' * (st._size - pos))
    return b''.join(out)


# -------------------------------------------------------------- unpacking

def _buffer(obj):
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, _BUFFERS):
        return bytes(obj)
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(obj).__name__)


def _unpack_item(kind, count, size, order, data, o, out):
    if kind == 'str':
        out.append(data[o:o + count])
        return
    if kind == 'pstr':
        if count == 0:
            out.append(b'')
            return
        n = data[o]
        if n >= count:
            n = count - 1
        out.append(data[o + 1:o + 1 + n])
        return
    end = o + count * size
    if kind == 'int' or kind == 'uint' or kind == 'ptr':
        signed = kind == 'int'
        from_bytes = int.from_bytes
        while o < end:
            out.append(from_bytes(data[o:o + size], order, signed=signed))
            o += size
    elif kind == 'float' or kind == 'nfloat':
        while o < end:
            bits = int.from_bytes(data[o:o + size], order)
            out.append(_unpack_float_bits(bits, size))
            o += size
    elif kind == 'bool':
        while o < end:
            out.append(data[o] != 0)
            o += 1
    else:  # char
        while o < end:
            out.append(data[o:o + 1])
            o += 1


def _unpack_at(st, data, base):
    out = []
    order = st._order
    for kind, code, offset, count, size in st._items:
        _unpack_item(kind, count, size, order, data, base + offset, out)
    return tuple(out)


# ------------------------------------------------------------- the types

def _no_kwargs(name, kwargs):
    if kwargs:
        raise TypeError('%s() takes no keyword arguments' % name)


def _one_arg(name, args, kwargs):
    _no_kwargs(name, kwargs)
    if len(args) != 1:
        raise TypeError('%s() takes exactly one argument (%d given)'
                        % (name, len(args)))
    return args[0]


_MISSING = object()


def _parse_args(fname, args, kwargs, names, required, posonly=0):
    """Bind arguments the way Argument Clinic does (same checks in the same
    order, same messages); absent optional arguments are _MISSING."""
    nargs = len(args)
    total = nargs + len(kwargs)
    maxargs = len(names)
    if total > maxargs:
        raise TypeError('%s() takes at most %d %sargument%s (%d given)'
                        % (fname, maxargs, 'keyword ' if nargs == 0 else '',
                           '' if maxargs == 1 else 's', total))
    if nargs < posonly:
        raise TypeError('%s() takes %s %d positional argument%s (%d given)'
                        % (fname, 'at least' if posonly < maxargs
                           else 'exactly', posonly,
                           '' if posonly == 1 else 's', nargs))
    values = list(args) + [_MISSING] * (maxargs - nargs)
    left = len(kwargs)
    for i in range(max(nargs, posonly), maxargs):
        if left and names[i] in kwargs:
            values[i] = kwargs[names[i]]
            left -= 1
        elif i < required:
            raise TypeError("%s() missing required argument '%s' (pos %d)"
                            % (fname, names[i], i + 1))
        elif not left:
            break
    if left:
        for i in range(posonly, nargs):
            if names[i] in kwargs:
                raise TypeError("argument for %s() given by name ('%s') and "
                                "position (%d)" % (fname, names[i], i + 1))
        for key in kwargs:
            if key not in names[posonly:]:
                raise TypeError("%s() got an unexpected keyword argument "
                                "'%s'" % (fname, key))
    return values


def _as_offset(v, exc):
    """PyNumber_AsSsize_t(v, exc)."""
    n = _operator.index(v)
    if n > _MAXSIZE or n < -_MAXSIZE - 1:
        if exc is None:
            raise OverflowError('Python int too large to convert to C '
                                'ssize_t')
        raise exc("cannot fit 'int' into an index-sized integer")
    return n


def _pack(st, name, values):
    if len(values) != st._nargs:
        raise error('%s expected %d items for packing (got %d)'
                    % (name, st._nargs, len(values)))
    return _pack_values(st, values)


def _pack_into(st, args):
    if len(args) < 1:
        raise error('pack_into expected buffer argument')
    if len(args) < 2:
        raise error('pack_into expected offset argument')
    values = args[2:]
    if len(values) != st._nargs:
        raise error('pack_into expected %d items for packing (got %d)'
                    % (st._nargs, len(values)))
    buf = args[0]
    if not (_WRITABLE and isinstance(buf, _WRITABLE)):
        raise TypeError('argument must be read-write bytes-like object, '
                        'not %s' % ('None' if buf is None
                                    else type(buf).__name__))
    offset = _as_offset(args[1], IndexError)
    n = len(buf)
    size = st._size
    if offset < 0:
        if offset + size > 0:
            raise error('no space to pack %d bytes at offset %d'
                        % (size, offset))
        if offset + n < 0:
            raise error('offset %d out of range for %d-byte buffer'
                        % (offset, n))
        offset += n
    if n - offset < size:
        raise error('pack_into requires a buffer of at least %d bytes for '
                    'packing %d bytes at offset %d (actual buffer size is %d)'
                    % (size + offset, size, offset, n))
    buf[offset:offset + size] = _pack_values(st, values)


def _unpack(st, buf):
    data = _buffer(buf)
    if len(data) != st._size:
        raise error('unpack requires a buffer of %d bytes' % st._size)
    return _unpack_at(st, data, 0)


def _unpack_from(st, buf, offset):
    data = _buffer(buf)
    offset = 0 if offset is _MISSING else _as_offset(offset, None)
    n = len(data)
    size = st._size
    if offset < 0:
        if offset + n < 0:
            raise error('offset %d out of range for %d-byte buffer'
                        % (offset, n))
        if offset + size > 0:
            raise error('not enough data to unpack %d bytes at offset %d'
                        % (size, offset))
        offset += n
    if n - offset < size:
        raise error('unpack_from requires a buffer of at least %d bytes for '
                    'unpacking %d bytes at offset %d (actual buffer size is '
                    '%d)' % (size + offset, size, offset, n))
    return _unpack_at(st, data, offset)


def _iter_unpack(st, buf):
    if st._size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    data = _buffer(buf)
    if len(data) % st._size:
        raise error('iterative unpacking requires a buffer of a multiple of '
                    '%d bytes' % st._size)
    it = object.__new__(_unpack_iterator)
    it._struct = st
    it._data = data
    it._pos = 0
    return it


_STRUCT_FIELDS = ('_format', '_order', '_items', '_size', '_nargs')


class Struct(object):
    """A compiled format: Struct(format) packs and unpacks without parsing
    the format again."""

    __slots__ = _STRUCT_FIELDS

    def __init__(self, *args, **kwargs):
        fmt = _parse_args('Struct', args, kwargs, ('format',), 1)[0]
        text = _format_text(fmt)
        compiled = _compile(text)
        setter = object.__setattr__
        setter(self, '_format', text)
        for name, value in zip(_STRUCT_FIELDS[1:], compiled):
            setter(self, name, value)

    @property
    def format(self):
        """The format, as a str."""
        return self._format

    @property
    def size(self):
        """The number of bytes the format describes."""
        return self._size

    def __setattr__(self, name, value):
        if name in ('format', 'size'):
            raise AttributeError("attribute '%s' of '_struct.Struct' objects "
                                 "is not writable" % name)
        if type(self) is Struct or name in _STRUCT_FIELDS:
            raise AttributeError("'_struct.Struct' object has no attribute "
                                 "'%s' and no __dict__ for setting new "
                                 "attributes" % name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in ('format', 'size'):
            raise AttributeError("attribute '%s' of '_struct.Struct' objects "
                                 "is not writable" % name)
        object.__delattr__(self, name)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self._format)

    def pack(self, *values, **kwargs):
        """The bytes holding the values, laid out by the format."""
        _no_kwargs('Struct.pack', kwargs)
        return _pack(self, 'pack', values)

    def pack_into(self, *args, **kwargs):
        """Write the packed values into a writable buffer at offset."""
        _no_kwargs('Struct.pack_into', kwargs)
        _pack_into(self, args)

    def unpack(self, *args, **kwargs):
        """The tuple of values stored in buffer, which must have exactly
        self.size bytes."""
        return _unpack(self, _one_arg('Struct.unpack', args, kwargs))

    def unpack_from(self, *args, **kwargs):
        """The tuple of values stored in buffer from offset on (negative
        offsets count from the end)."""
        buf, offset = _parse_args('unpack_from', args, kwargs,
                                  ('buffer', 'offset'), 1)
        return _unpack_from(self, buf, offset)

    def iter_unpack(self, *args, **kwargs):
        """An iterator over the tuples stored one after the other in
        buffer, whose size must be a multiple of self.size."""
        return _iter_unpack(self, _one_arg('Struct.iter_unpack', args,
                                           kwargs))


class unpack_iterator(object):
    __slots__ = ('_struct', '_data', '_pos')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '_struct.unpack_iterator' instances")

    def __iter__(self):
        return self

    def __next__(self):
        st = self._struct
        if st is None or self._pos >= len(self._data):
            self._struct = None
            raise StopIteration
        pos = self._pos
        self._pos = pos + st._size
        return _unpack_at(st, self._data, pos)

    def __length_hint__(self):
        st = self._struct
        if st is None:
            return 0
        return (len(self._data) - self._pos) // st._size


# CPython does not export the iterator type from the module
_unpack_iterator = unpack_iterator
del unpack_iterator


# ------------------------------------------------- module-level functions

_cache = {}
_MAXCACHE = 100


def _clearcache():
    """Forget the compiled formats kept for the module functions."""
    _cache.clear()


def _get_struct(fmt):
    st = _cache.get(fmt)     # an unhashable format fails here, as in CPython
    if st is None:
        st = Struct(fmt)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[fmt] = st
    return st


def calcsize(*args, **kwargs):
    """The number of bytes of the layout the format describes."""
    return _get_struct(_one_arg('_struct.calcsize', args, kwargs))._size


def pack(*args, **kwargs):
    """Struct(format).pack(*values)"""
    _no_kwargs('_struct.pack', kwargs)
    if not args:
        raise TypeError('missing format argument')
    return _pack(_get_struct(args[0]), 'pack', args[1:])


def pack_into(*args, **kwargs):
    """Struct(format).pack_into(buffer, offset, *values)"""
    _no_kwargs('_struct.pack_into', kwargs)
    if not args:
        raise TypeError('missing format argument')
    _pack_into(_get_struct(args[0]), args[1:])


def unpack(*args, **kwargs):
    """Struct(format).unpack(buffer)"""
    _no_kwargs('_struct.unpack', kwargs)
    if len(args) != 2:
        raise TypeError('unpack expected 2 arguments, got %d' % len(args))
    return _unpack(_get_struct(args[0]), args[1])


def unpack_from(*args, **kwargs):
    """Struct(format).unpack_from(buffer, offset)"""
    fmt, buf, offset = _parse_args('unpack_from', args, kwargs,
                                   ('format', 'buffer', 'offset'), 2, 1)
    return _unpack_from(_get_struct(fmt), buf, offset)


def iter_unpack(*args, **kwargs):
    """Struct(format).iter_unpack(buffer)"""
    _no_kwargs('_struct.iter_unpack', kwargs)
    if len(args) != 2:
        raise TypeError('iter_unpack expected 2 arguments, got %d'
                        % len(args))
    return _iter_unpack(_get_struct(args[0]), args[1])
