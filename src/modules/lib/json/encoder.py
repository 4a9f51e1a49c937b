"""JSONEncoder: Python data structures -> JSON text."""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

# escapes shared by both string encoders: backslash, quote and every
# control character below U+0020
_ESCAPES = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _code in range(0x20):
    _ESCAPES.setdefault(chr(_code), '\\u%04x' % _code)
del _code


def _quote_plain(s):
    # only backslash and quote need escaping
    if '\\' in s:
        s = s.replace('\\', '\\\\')
    if '"' in s:
        s = s.replace('"', '\\"')
    return '"' + s + '"'


# str.translate tables, filled lazily with the escapes of characters seen
_TABLE = {ord(k): v for k, v in _ESCAPES.items()}
_TABLE_ASCII = dict(_TABLE)


def _ascii_escape(code):
    if 0x20 <= code < 0x7F:
        return chr(code)
    if code < 0x10000:
        return '\\u%04x' % code
    code -= 0x10000
    return '\\u%04x\\u%04x' % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF))


def encode_basestring(s):
    """Return a JSON representation of a Python string, keeping non-ASCII."""
    if type(s) is not str:
        s = str.__str__(s)
    if not s or min(s) >= ' ':
        return _quote_plain(s)
    return '"' + s.translate(_TABLE) + '"'


def encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if type(s) is not str:
        s = str.__str__(s)
    if s.isascii() and s.isprintable():
        return _quote_plain(s)
    table = _TABLE_ASCII
    for ch in set(s):
        code = ord(ch)
        if code not in table:
            table[code] = _ascii_escape(code)
    return '"' + s.translate(table) + '"'


def _int_text(value):
    # int.__repr__ of the value (an int subclass prints as a plain int)
    if type(value) is int:
        return repr(value)
    return repr(int(value))


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports the following objects and types by default:

    +-------------------+---------------+
    | Python            | JSON          |
    +===================+===============+
    | dict              | object        |
    +-------------------+---------------+
    | list, tuple       | array         |
    +-------------------+---------------+
    | str               | string        |
    +-------------------+---------------+
    | int, float        | number        |
    +-------------------+---------------+
    | True              | true          |
    +-------------------+---------------+
    | False             | false         |
    +-------------------+---------------+
    | None              | null          |
    +-------------------+---------------+

    To extend this to recognize other objects, subclass and implement a
    ``.default()`` method with another method that returns a serializable
    object for ``o`` if possible, otherwise it should call the superclass
    implementation (to raise ``TypeError``).

    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        """Constructor for JSONEncoder, with sensible defaults."""
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``).
        """
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure.

        >>> from json.encoder import JSONEncoder
        >>> JSONEncoder().encode({"foo": ["bar", "baz"]})
        '{"foo": ["bar", "baz"]}'

        """
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string
        representation as available.
        """
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        walker = _Walker(
            {} if self.check_circular else None,
            self.default,
            encode_basestring_ascii if self.ensure_ascii else encode_basestring,
            indent,
            self.allow_nan,
            self.key_separator,
            self.item_separator,
            self.sort_keys,
            self.skipkeys,
        )
        if _one_shot:
            out = []
            walker.fill(o, 0, out)
            return out
        return walker.value(o, 0)


class _Walker:
    # Produces the chunks of the JSON text for one iterencode() call.

    def __init__(self, markers, default, quote, indent, allow_nan,
                 key_sep, item_sep, sort_keys, skipkeys):
        self.markers = markers
        self.default = default
        self.quote = quote
        self.indent = indent
        self.allow_nan = allow_nan
        self.key_sep = key_sep
        self.item_sep = item_sep
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys

    def number(self, f):
        if f != f:
            text = 'NaN'
        elif f == INFINITY:
            text = 'Infinity'
        elif f == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(f)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant: '
                             + repr(f))
        return text

    def scalar(self, o):
        # JSON text of a scalar, or None when `o` is a container/other
        if isinstance(o, str):
            return self.quote(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return _int_text(o)
        if isinstance(o, float):
            return self.number(o)
        return None

    def enter(self, o):
        markers = self.markers
        if markers is None:
            return None
        key = id(o)
        if key in markers:
            raise ValueError('Circular reference detected')
        markers[key] = o
        return key

    def leave(self, key):
        if key is not None:
            del self.markers[key]

    def nested(self, o, level):
        if isinstance(o, (list, tuple)):
            return self.array(o, level)
        if isinstance(o, dict):
            return self.mapping(o, level)
        return self.other(o, level)

    def fill(self, o, level, out):
        # eager variant of value(): appends every chunk to the list `out`
        text = self.scalar(o)
        if text is not None:
            out.append(text)
        elif isinstance(o, (list, tuple)):
            self.fill_array(o, level, out)
        elif isinstance(o, dict):
            self.fill_mapping(o, level, out)
        else:
            mark = self.enter(o)
            self.fill(self.default(o), level, out)
            self.leave(mark)

    def fill_array(self, seq, level, out):
        if not seq:
            out.append('[]')
            return
        mark = self.enter(seq)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('[' + newline)
        else:
            newline = None
            sep = self.item_sep
            out.append('[')
        scalar = self.scalar
        first = True
        for item in seq:
            if first:
                first = False
            else:
                out.append(sep)
            text = scalar(item)
            if text is not None:
                out.append(text)
            else:
                self.fill(item, level, out)
        if newline is not None:
            out.append('\n' + indent * (level - 1))
        out.append(']')
        self.leave(mark)

    def fill_mapping(self, dct, level, out):
        if not dct:
            out.append('{}')
            return
        mark = self.enter(dct)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            out.append('{' + newline)
        else:
            newline = None
            sep = self.item_sep
            out.append('{')
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        scalar = self.scalar
        quote = self.quote
        key_sep = self.key_sep
        first = True
        for key, item in items:
            if not isinstance(key, str):
                key = self.key_text(key)
                if key is None:
                    continue
            if first:
                first = False
            else:
                out.append(sep)
            out.append(quote(key))
            out.append(key_sep)
            text = scalar(item)
            if text is not None:
                out.append(text)
            else:
                self.fill(item, level, out)
        if newline is not None:
            out.append('\n' + indent * (level - 1))
        out.append('}')
        self.leave(mark)

    def key_text(self, key):
        # text of a non-str dict key; None means "skip this item"
        if isinstance(key, float):
            return self.number(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return _int_text(key)
        if self.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            yield text
            return
        yield from self.nested(o, level)

    def other(self, o, level):
        mark = self.enter(o)
        replacement = self.default(o)
        yield from self.value(replacement, level)
        self.leave(mark)

    def array(self, seq, level):
        if not seq:
            yield '[]'
            return
        mark = self.enter(seq)
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            lead = '[' + newline
        else:
            newline = None
            sep = self.item_sep
            lead = '['
        prefix = lead
        for item in seq:
            text = self.scalar(item)
            if text is not None:
                yield prefix + text
            else:
                yield prefix
                yield from self.nested(item, level)
            prefix = sep
        if newline is not None:
            level -= 1
            yield '\n' + indent * level
        yield ']'
        self.leave(mark)

    def mapping(self, dct, level):
        if not dct:
            yield '{}'
            return
        mark = self.enter(dct)
        yield '{'
        indent = self.indent
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = self.item_sep + newline
            yield newline
        else:
            newline = None
            sep = self.item_sep
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, item in items:
            if not isinstance(key, str):
                key = self.key_text(key)
                if key is None:
                    continue
            if first:
                first = False
            else:
                yield sep
            yield self.quote(key)
            yield self.key_sep
            text = self.scalar(item)
            if text is not None:
                yield text
            else:
                yield from self.nested(item, level)
        if newline is not None:
            level -= 1
            yield '\n' + indent * level
        yield '}'
        self.leave(mark)
