"""Efficient arrays of numeric values (and of characters).

array(typecode[, initializer]) is a mutable sequence whose items all have
the C type named by the typecode:

    b signed char      B unsigned char     u wchar_t (deprecated)  w Py_UCS4
    h signed short     H unsigned short    i signed int   I unsigned int
    l signed long      L unsigned long     q signed long long
    Q unsigned long long                   f float        d double

In aio the items live in a Python list (already converted and range
checked, so every operation sees exactly the values CPython would store);
machine bytes are produced on demand by tobytes()/tofile() and pickling.
"""

import _array_conv as _conv

__all__ = ['ArrayType', 'array', 'typecodes']

typecodes = 'bBuwhHiIlLqQfd'

_BAD_TYPECODE = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"
_INTERNAL = ('_array__tc', '_array__items')


def _exactly_one(name, args):
    if len(args) != 1:
        raise TypeError(f"array.{name}() takes exactly one argument ({len(args)} given)")
    return args[0]


def _no_args(name, args):
    if args:
        raise TypeError(f"array.{name}() takes no arguments ({len(args)} given)")


def _check_typecode(c):
    if not isinstance(c, str) or len(c) != 1:
        raise TypeError("array() argument 1 must be a unicode character, "
                        f"not {type(c).__name__}")
    if c not in _conv.SIZES:
        raise ValueError(_BAD_TYPECODE)
    if c == 'u':
        import warnings
        warnings.warn("The 'u' type code is deprecated and will be removed "
                      "in Python 3.16", DeprecationWarning, stacklevel=3)


def _make(cls, tc, items):
    """A new array of type cls holding the already-converted items."""
    self = object.__new__(cls)
    object.__setattr__(self, '_array__tc', tc)
    object.__setattr__(self, '_array__items', items)
    return self


def _initial_items(tc, initial):
    """The converted items for array(tc, initial)."""
    if tc not in _conv.UNICODE_CODES:
        if isinstance(initial, str):
            raise TypeError("cannot use a str to initialize an array with "
                            f"typecode '{tc}'")
        if isinstance(initial, array) and initial._array__tc in _conv.UNICODE_CODES:
            raise TypeError("cannot use a unicode array to initialize an array "
                            f"with typecode '{tc}'")
    if isinstance(initial, (list, tuple)):
        return _conv.convert_all(tc, initial)
    if isinstance(initial, str):
        return list(initial)
    if isinstance(initial, array):
        if initial._array__tc == tc:
            return list(initial._array__items)
        return _conv.convert_all(tc, list(initial._array__items))
    if isinstance(initial, bytes) or type(initial).__name__ == 'bytearray':
        data = bytes(initial)
        if len(data) % _conv.SIZES[tc]:
            raise ValueError("bytes length not a multiple of item size")
        return _conv.from_bytes(tc, data)
    # Any other iterable is consumed item by item.
    return _conv.convert_all(tc, list(iter(initial)))


def _index_of(index):
    if type(index) is int:
        return index
    if isinstance(index, int):
        return int(index)
    hook = getattr(type(index), '__index__', None)
    if hook is None:
        raise TypeError("array indices must be integers")
    return hook(index)


def _slice_bound(v):
    if v is None or isinstance(v, int):
        return v
    hook = getattr(type(v), '__index__', None)
    if hook is None:
        raise TypeError("slice indices must be integers or have an __index__ method")
    return hook(v)


def _tname(obj):
    # CPython's C type is named 'array.array' in messages.
    return 'array.array' if type(obj) is array else type(obj).__name__


def _floaty(a, b):
    return a._array__tc in _conv.FLOAT_CODES or b._array__tc in _conv.FLOAT_CODES


def _first_difference(x, y):
    # Compares with ==, never by identity: a NaN item never equals itself,
    # as in CPython where every item read makes a new float.
    n = min(len(x), len(y))
    for i in range(n):
        if not (x[i] == y[i]):
            return i
    return n


_OPS = {
    '==': lambda a, b: a == b, '!=': lambda a, b: a != b,
    '<': lambda a, b: a < b, '<=': lambda a, b: a <= b,
    '>': lambda a, b: a > b, '>=': lambda a, b: a >= b,
}


def _compare(self, other, op):
    if not isinstance(other, array):
        if op in ('==', '!=') or type(other).__module__ != 'builtins':
            return NotImplemented
        raise TypeError(f"'{op}' not supported between instances of "
                        f"'{_tname(self)}' and '{_tname(other)}'")
    x, y = self._array__items, other._array__items
    if len(x) != len(y) and op in ('==', '!='):
        return op == '!='
    if not _floaty(self, other):
        return _OPS[op](x, y)
    k = _first_difference(x, y)
    if k >= len(x) or k >= len(y):
        return _OPS[op](len(x), len(y))
    if op == '==':
        return False
    if op == '!=':
        return True
    return _OPS[op](x[k], y[k])


class array:
    """array(typecode [, initializer]) -> array

Return a new array whose items are restricted by typecode, and
initialized from the optional initializer value, which must be a list,
a bytes-like object, a str (for 'u' and 'w'), or an iterable over
elements of the appropriate type."""

    def __new__(cls, *args, **kwargs):
        if kwargs and (cls is array or cls.__init__ is object.__init__):
            raise TypeError("array.array() takes no keyword arguments")
        if not args:
            raise TypeError("array() takes at least 1 argument (0 given)")
        if len(args) > 2:
            raise TypeError(f"array() takes at most 2 arguments ({len(args)} given)")
        tc = args[0]
        _check_typecode(tc)
        items = _initial_items(tc, args[1]) if len(args) == 2 else []
        return _make(cls, tc, items)

    # -- attributes -------------------------------------------------------

    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self.__tc

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _conv.SIZES[self.__tc]

    def __setattr__(self, name, value):
        self.__check_attr(name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.__check_attr(name)
        object.__delattr__(self, name)

    def __check_attr(self, name):
        if name in ('typecode', 'itemsize'):
            raise AttributeError(
                f"attribute '{name}' of 'array.array' objects is not writable")
        if type(self) is array or name in _INTERNAL:
            raise AttributeError(
                f"'array.array' object has no attribute '{name}' and no "
                "__dict__ for setting new attributes")

    # -- sequence protocol ------------------------------------------------

    def __len__(self):
        return len(self.__items)

    def __iter__(self):
        return iter(self.__items)

    def __contains__(self, value):
        if self.__tc in _conv.FLOAT_CODES:
            for x in self.__items:
                if x == value:
                    return True
            return False
        return value in self.__items

    def __getitem__(self, index):
        items = self.__items
        if isinstance(index, slice):
            return _make(array, self.__tc, items[index])
        i = _index_of(index)
        if -len(items) <= i < len(items):
            return items[i]
        raise IndexError("array index out of range")

    def __setitem__(self, index, value):
        items = self.__items
        if isinstance(index, slice):
            self.__set_slice(index, value)
            return
        i = _index_of(index)
        if not -len(items) <= i < len(items):
            raise IndexError("array assignment index out of range")
        items[i] = _conv.convert_one(self.__tc, value)

    def __set_slice(self, index, value):
        if not isinstance(value, array):
            raise TypeError("can only assign array (not "
                            f'"{_tname(value)}") to array slice')
        if value.__tc != self.__tc:
            raise TypeError("bad argument type for built-in operation")
        items = self.__items
        new = list(value.__items)
        start, stop, step = index.indices(len(items))
        if step == 1:
            items[index] = new
            return
        size = len(range(start, stop, step))
        if not new:
            # Assigning an empty array to an extended slice deletes it.
            del items[index]
        elif len(new) != size:
            raise ValueError(f"attempt to assign array of size {len(new)} "
                             f"to extended slice of size {size}")
        else:
            items[index] = new

    def __delitem__(self, index):
        items = self.__items
        if isinstance(index, slice):
            del items[index]
            return
        i = _index_of(index)
        if not -len(items) <= i < len(items):
            raise IndexError("array assignment index out of range")
        del items[i]

    # -- operators ----------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, array):
            if hasattr(type(other), '__radd__') and type(other).__module__ != 'builtins':
                return NotImplemented
            raise TypeError("can only append array (not "
                            f'"{_tname(other)}") to array')
        if other.__tc != self.__tc:
            raise TypeError("bad argument type for built-in operation")
        return _make(array, self.__tc, self.__items + other.__items)

    def __radd__(self, other):
        # seq + array: report what the left sequence's concatenation says.
        for kind in (list, tuple, str):
            if isinstance(other, kind):
                raise TypeError(f"can only concatenate {kind.__name__} "
                                f'(not "{_tname(self)}") to {kind.__name__}')
        if isinstance(other, bytes):
            # bytes concatenate any buffer, whatever its item size.
            return other + self.tobytes()
        return NotImplemented

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError("can only extend array with array (not "
                            f'"{_tname(other)}")')
        if other.__tc != self.__tc:
            raise TypeError("can only extend with array of same kind")
        self.__items.extend(list(other.__items))
        return self

    def __mul__(self, n):
        if not isinstance(n, int) and not hasattr(type(n), '__index__'):
            if (hasattr(type(n), '__rmul__') and type(n).__module__ != 'builtins'
                    and not isinstance(n, array)):
                return NotImplemented
            raise TypeError("can't multiply sequence by non-int of type "
                            f"'{_tname(n)}'")
        return _make(array, self.__tc, self.__items * _conv.as_index(n))

    def __rmul__(self, n):
        if isinstance(n, (list, tuple, str, bytes, bytearray)):
            # seq * array: the left sequence refuses our type.
            raise TypeError("can't multiply sequence by non-int of type "
                            f"'{_tname(self)}'")
        return self.__mul__(n)

    def __imul__(self, n):
        n = _conv.as_index(n)
        items = self.__items
        if n <= 0:
            del items[:]
        else:
            items[:] = items * n
        return self

    def __eq__(self, other):
        return _compare(self, other, '==')

    def __ne__(self, other):
        return _compare(self, other, '!=')

    def __lt__(self, other):
        return _compare(self, other, '<')

    def __le__(self, other):
        return _compare(self, other, '<=')

    def __gt__(self, other):
        return _compare(self, other, '>')

    def __ge__(self, other):
        return _compare(self, other, '>=')

    def __hash__(self):
        raise TypeError("unhashable type: 'array.array'")

    def __repr__(self):
        name = type(self).__name__
        tc = self.__tc
        if not self.__items:
            return f"{name}('{tc}')"
        if tc in _conv.UNICODE_CODES:
            return f"{name}('{tc}', {''.join(self.__items)!r})"
        return f"{name}('{tc}', {self.__items!r})"

    # -- list-like methods --------------------------------------------------

    def append(self, *args):
        """Append new value v to the end of the array."""
        v = _exactly_one('append', args)
        self.__items.append(_conv.convert_one(self.__tc, v))

    def extend(self, *args):
        """Append items to the end of the array."""
        if len(args) != 1:
            raise TypeError(
                f"extend() takes exactly 1 positional argument ({len(args)} given)")
        other = args[0]
        if isinstance(other, array):
            if other.__tc != self.__tc:
                raise TypeError("can only extend with array of same kind")
            self.__items.extend(list(other.__items))
            return
        values = list(iter(other))
        try:
            self.__items.extend(_conv.convert_all(self.__tc, values))
        except Exception:
            # CPython appends one item at a time: keep those before the bad one.
            for v in values:
                self.__items.append(_conv.convert_one(self.__tc, v))
            raise

    def insert(self, *args):
        """Insert a new item v into the array before position i."""
        if len(args) != 2:
            raise TypeError(f"insert expected 2 arguments, got {len(args)}")
        i = _conv.as_index(args[0])
        self.__items.insert(i, _conv.convert_one(self.__tc, args[1]))

    def pop(self, *args):
        """Return the i-th element and delete it from the array (default last)."""
        if len(args) > 1:
            raise TypeError(f"pop expected at most 1 argument, got {len(args)}")
        i = _conv.as_index(args[0]) if args else -1
        items = self.__items
        if not items:
            raise IndexError("pop from empty array")
        if not -len(items) <= i < len(items):
            raise IndexError("pop index out of range")
        return items.pop(i)

    def __find(self, value, start, stop):
        items = self.__items
        for i in range(*slice(start, stop).indices(len(items))):
            if items[i] == value:
                return i
        return -1

    def remove(self, *args):
        """Remove the first occurrence of v in the array."""
        v = _exactly_one('remove', args)
        i = self.__find(v, None, None)
        if i < 0:
            raise ValueError("array.remove(x): x not in array")
        del self.__items[i]

    def index(self, *args):
        """Return index of first occurrence of v in the array (within start:stop)."""
        if not args:
            raise TypeError("index expected at least 1 argument, got 0")
        if len(args) > 3:
            raise TypeError(f"index expected at most 3 arguments, got {len(args)}")
        start = _slice_bound(args[1]) if len(args) > 1 else None
        stop = _slice_bound(args[2]) if len(args) > 2 else None
        i = self.__find(args[0], start, stop)
        if i < 0:
            raise ValueError("array.index(x): x not in array")
        return i

    def count(self, *args):
        """Return number of occurrences of v in the array."""
        v = _exactly_one('count', args)
        if self.__tc not in _conv.FLOAT_CODES:
            return self.__items.count(v)
        n = 0
        for x in self.__items:
            if x == v:
                n += 1
        return n

    def reverse(self, *args):
        """Reverse the order of the items in the array."""
        _no_args('reverse', args)
        self.__items.reverse()

    def byteswap(self, *args):
        """Byteswap all items of the array (sizes 1, 2, 4 or 8)."""
        _no_args('byteswap', args)
        tc = self.__tc
        if _conv.SIZES[tc] == 1:
            return
        data = _conv.to_bytes(tc, self.__items)
        # Reading little-endian bytes as big-endian swaps every item.
        self.__items[:] = _conv.from_bytes(tc, data, '>')

    def buffer_info(self, *args):
        """Return (address, length): where the items live and how many there are."""
        _no_args('buffer_info', args)
        return (id(self.__items), len(self.__items))

    # -- conversions --------------------------------------------------------

    def _array__bytes(self):
        return _conv.to_bytes(self.__tc, self.__items)

    def tobytes(self, *args):
        """Convert the array to an array of machine values and return the bytes."""
        _no_args('tobytes', args)
        return _conv.to_bytes(self.__tc, self.__items)

    def frombytes(self, *args):
        """Append items from a bytes-like object, read as machine values."""
        data = _conv.bytes_of(_exactly_one('frombytes', args))
        if len(data) % _conv.SIZES[self.__tc]:
            raise ValueError("bytes length not a multiple of item size")
        self.__items.extend(_conv.from_bytes(self.__tc, data))

    def tolist(self, *args):
        """Convert array to an ordinary list with the same items."""
        _no_args('tolist', args)
        return list(self.__items)

    def fromlist(self, *args):
        """Append items to array from list (all or nothing)."""
        values = _exactly_one('fromlist', args)
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        self.__items.extend(_conv.convert_all(self.__tc, values))

    def tounicode(self, *args):
        """Return the 'u' or 'w' array's characters as a str."""
        _no_args('tounicode', args)
        if self.__tc not in _conv.UNICODE_CODES:
            raise ValueError("tounicode() may only be called on unicode type "
                             "arrays ('u' or 'w')")
        return ''.join(self.__items)

    def fromunicode(self, *args):
        """Append the characters of a str to a 'u' or 'w' array."""
        s = _exactly_one('fromunicode', args)
        if not isinstance(s, str):
            raise TypeError(f"fromunicode() argument must be str, not {type(s).__name__}")
        if self.__tc not in _conv.UNICODE_CODES:
            raise ValueError("fromunicode() may only be called on unicode type "
                             "arrays ('u' or 'w')")
        self.__items.extend(s)

    def tofile(self, *args):
        """Write all items (as machine values) to the file object f."""
        if len(args) != 1:
            raise TypeError(
                f"tofile() takes exactly 1 positional argument ({len(args)} given)")
        f = args[0]
        data = _conv.to_bytes(self.__tc, self.__items)
        block = 64 * 1024
        for i in range(0, len(data), block):
            f.write(data[i:i + block])

    def fromfile(self, *args):
        """Read n items (as machine values) from the file object f and append them."""
        if len(args) != 2:
            raise TypeError(
                f"fromfile() takes exactly 2 positional arguments ({len(args)} given)")
        f, n = args
        n = _conv.as_index(n)
        if n < 0:
            raise ValueError("negative count")
        size = _conv.SIZES[self.__tc]
        data = f.read(n * size)
        if not isinstance(data, bytes):
            raise TypeError("read() didn't return bytes")
        self.frombytes(data)
        if len(data) != n * size:
            raise EOFError("read() didn't return enough bytes")

    # -- copying and pickling -----------------------------------------------

    def __copy__(self, *args):
        _no_args('__copy__', args)
        return _make(array, self.__tc, list(self.__items))

    def __deepcopy__(self, *args):
        _exactly_one('__deepcopy__', args)
        return _make(array, self.__tc, list(self.__items))

    def __reduce__(self):
        raise TypeError("cannot pickle 'array' object")

    def __reduce_ex__(self, *args):
        if len(args) != 1:
            raise TypeError("__reduce_ex__() takes exactly 1 positional "
                            f"argument ({len(args)} given)")
        protocol = _conv.as_index(args[0])
        cls = type(self)
        state = None
        if cls is not array:
            state = {k: v for k, v in vars(self).items() if k not in _INTERNAL}
        if protocol < 3:
            return (cls, (self.__tc, list(self.__items)), state)
        return (_array_reconstructor,
                (cls, self.__tc, _conv.NATIVE_MFORMAT[self.__tc], self.tobytes()),
                state)

    def __sizeof__(self):
        return 64 + len(self.__items) * _conv.SIZES[self.__tc]

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


ArrayType = array


def _array_reconstructor(arraytype, typecode, mformat_code, items):
    """Rebuild a pickled array from its machine-format bytes."""
    if not isinstance(arraytype, type):
        raise TypeError("first argument must be a type object, not "
                        f"{type(arraytype).__name__}")
    if not issubclass(arraytype, array):
        raise TypeError(f"{arraytype.__name__} is not a subtype of array.array")
    if not isinstance(typecode, str) or typecode not in _conv.SIZES:
        raise ValueError("second argument must be a valid type code")
    mformat_code = _conv.as_index(mformat_code)
    if mformat_code not in _conv.MFORMATS:
        raise ValueError("third argument must be a valid machine format code.")
    if not isinstance(items, bytes):
        raise TypeError(f"fourth argument should be bytes, not {type(items).__name__}")
    if mformat_code == _conv.NATIVE_MFORMAT[typecode]:
        return arraytype(typecode, items)
    kind, values = _conv.decode_mformat(mformat_code, items)
    if kind == 'int':
        fmt = _conv.MFORMATS[mformat_code][0]
        import struct
        typecode = _conv.int_typecode_for(struct.calcsize(fmt), fmt[1].islower())
    return arraytype(typecode, values if kind != 'float' else list(values))
