# The built-in `bytearray` type, written in the language and loaded the
# first time a program names it. The bytes live in a list of ints (so
# appending is amortised O(1)); the methods it shares with `bytes` run on a
# bytes copy and give bytearrays back where CPython's do.


def _byte(value):
    if not isinstance(value, int):
        index = getattr(type(value), "__index__", None)
        if index is None:
            raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
        value = index(value)
    if not 0 <= value < 256:
        raise ValueError("byte must be in range(0, 256)")
    return value


def _as_bytes(x):
    """The bytes of a bytes-like argument, or None."""
    if isinstance(x, bytes):
        return x
    if isinstance(x, bytearray):
        return bytes(x._bytearray__items)
    return None


def _items_of(source, encoding, errors):
    if isinstance(source, str):
        if encoding is None:
            raise TypeError("string argument without an encoding")
        return list(source.encode(encoding, errors or "strict"))
    if encoding is not None:
        raise TypeError("encoding without a string argument")
    if errors is not None:
        raise TypeError("errors without a string argument")
    if source is None:
        return []
    if isinstance(source, int):
        if source < 0:
            raise ValueError("negative count")
        return [0] * source
    data = _as_bytes(source)
    if data is not None:
        return list(data)
    if not hasattr(type(source), "__iter__"):
        raise TypeError(f"cannot convert '{type(source).__name__}' object to bytearray")
    return [_byte(v) for v in source]


class bytearray:
    """bytearray(iterable_of_ints) -> bytearray
bytearray(string, encoding[, errors]) -> bytearray
bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer
bytearray(int) -> bytes array of size given by the parameter initialized with null bytes
bytearray() -> empty bytes array

Construct a mutable bytearray object from:
  - an iterable yielding integers in range(256)
  - a text string encoded using the specified encoding
  - a bytes or a buffer object
  - any object implementing the buffer API.
  - an integer"""

    __module__ = "builtins"
    __hash__ = None

    def __init__(self, source=None, encoding=None, errors=None):
        self.__items = _items_of(source, encoding, errors)

    @classmethod
    def fromhex(cls, string):
        return cls(bytes.fromhex(string))

    def __bytes__(self):
        return bytes(self.__items)

    def __repr__(self):
        return f"{type(self).__name__}({bytes(self.__items)!r})"

    __str__ = __repr__

    def __len__(self):
        return len(self.__items)

    def __iter__(self):
        return iter(self.__items)

    def __contains__(self, item):
        if isinstance(item, int):
            return _byte(item) in self.__items
        return item in bytes(self.__items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return bytearray(self.__items[index])
        return self.__items[index]

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            data = _as_bytes(value)
            if isinstance(value, int):
                raise TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
            self.__items[index] = list(data) if data is not None else [_byte(v) for v in value]
        else:
            self.__items[index] = _byte(value)

    def __delitem__(self, index):
        del self.__items[index]

    def __eq__(self, other):
        data = _as_bytes(other)
        return NotImplemented if data is None else bytes(self.__items) == data

    def __ne__(self, other):
        data = _as_bytes(other)
        return NotImplemented if data is None else bytes(self.__items) != data

    def __lt__(self, other):
        data = _as_bytes(other)
        return NotImplemented if data is None else bytes(self.__items) < data

    def __le__(self, other):
        data = _as_bytes(other)
        return NotImplemented if data is None else bytes(self.__items) <= data

    def __gt__(self, other):
        data = _as_bytes(other)
        return NotImplemented if data is None else bytes(self.__items) > data

    def __ge__(self, other):
        data = _as_bytes(other)
        return NotImplemented if data is None else bytes(self.__items) >= data

    def __add__(self, other):
        data = _as_bytes(other)
        if data is None:
            raise TypeError(f"can't concat {type(other).__name__} to bytearray")
        return bytearray(self.__items + list(data))

    def __radd__(self, other):
        data = _as_bytes(other)
        if data is None:
            return NotImplemented
        return data + bytes(self.__items)

    def __iadd__(self, other):
        data = _as_bytes(other)
        if data is None:
            raise TypeError(f"can't concat {type(other).__name__} to bytearray")
        self.__items.extend(data)
        return self

    def __mul__(self, n):
        return bytearray(self.__items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.__items *= n
        return self

    def __mod__(self, args):
        return bytearray(bytes(self.__items) % args)

    def append(self, item):
        self.__items.append(_byte(item))

    def extend(self, iterable):
        data = _as_bytes(iterable)
        if data is not None:
            self.__items.extend(data)
        elif isinstance(iterable, str):
            raise TypeError("expected iterable of integers; got: 'str'")
        else:
            self.__items.extend(_byte(v) for v in iterable)

    def insert(self, index, item):
        self.__items.insert(index, _byte(item))

    def pop(self, index=-1):
        if not self.__items:
            raise IndexError("pop from empty bytearray")
        try:
            return self.__items.pop(index)
        except IndexError:
            raise IndexError("pop index out of range") from None

    def remove(self, value):
        try:
            self.__items.remove(_byte(value))
        except ValueError:
            raise ValueError("value not found in bytearray") from None

    def clear(self):
        self.__items.clear()

    def copy(self):
        return bytearray(self.__items)

    def reverse(self):
        self.__items.reverse()

    def partition(self, sep):
        data, sep = bytes(self.__items), bytes(sep)
        i = data.find(sep)
        if i < 0:
            return bytearray(data), bytearray(), bytearray()
        return bytearray(data[:i]), bytearray(sep), bytearray(data[i + len(sep):])

    def rpartition(self, sep):
        data, sep = bytes(self.__items), bytes(sep)
        i = data.rfind(sep)
        if i < 0:
            return bytearray(), bytearray(), bytearray(data)
        return bytearray(data[:i]), bytearray(sep), bytearray(data[i + len(sep):])

    def decode(self, encoding="utf-8", errors="strict"):
        return bytes(self.__items).decode(encoding, errors)


def _wrap(name):
    method = getattr(bytes, name)

    def call(self, *args, **kwargs):
        args = tuple(_as_bytes(a) if isinstance(a, bytearray) else a for a in args)
        result = method(bytes(self._bytearray__items), *args, **kwargs)
        if isinstance(result, bytes):
            return bytearray(result)
        if isinstance(result, list):
            return [bytearray(r) for r in result]
        if isinstance(result, tuple) and result and isinstance(result[0], bytes):
            return tuple(bytearray(r) for r in result)
        return result

    call.__name__ = name
    call.__qualname__ = "bytearray." + name
    return call


for _name in ("capitalize", "center", "count", "endswith", "expandtabs", "find", "hex",
              "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace",
              "istitle", "isupper", "join", "ljust", "lower", "lstrip",
              "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust",
              "rsplit", "rstrip", "split", "splitlines", "startswith",
              "strip", "swapcase", "title", "translate", "upper", "zfill"):
    if hasattr(bytes, _name):
        setattr(bytearray, _name, _wrap(_name))
del _name
