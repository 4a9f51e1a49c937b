"""JSONDecoder: JSON text -> Python objects."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos

    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_SIMPLE_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}


def _skip_ws(s, i, n):
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, start, upos):
    # value of the 4 hex digits at s[start:start+4]; `upos` is the index of
    # the 'u' for the error message
    text = s[start:start + 4]
    for ch in text:
        if ch not in _HEX:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, upos)
    return int(text, 16)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the
    character in s after the quote that started the JSON string.
    Unescapes all valid JSON string escape sequences and raises ValueError
    on attempt to decode an invalid string. If strict is False then literal
    control characters are allowed in the string.

    Returns a tuple of the decoded string and the index of the character in s
    after the end quote."""
    n = len(s)
    begin = end - 1
    parts = []
    quote = -2
    while True:
        if quote < end and quote != -1:
            quote = s.find('"', end)
        stop = n if quote == -1 else quote
        chunk = s[end:stop]
        bs = chunk.find('\\')
        if bs != -1:
            stop = end + bs
            chunk = chunk[:bs]
        if strict and chunk and min(chunk) < ' ':
            for k in range(end, stop):
                if s[k] < ' ':
                    raise JSONDecodeError('Invalid control character at', s, k)
        if stop == n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if chunk:
            parts.append(chunk)
        if stop == quote:
            if len(parts) == 1:
                return parts[0], stop + 1
            return ''.join(parts), stop + 1
        # a backslash escape at `stop`
        pos = stop + 1
        if pos == n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[pos]
        if esc != 'u':
            ch = _SIMPLE_ESCAPES.get(esc)
            if ch is None:
                raise JSONDecodeError('Invalid \\escape', s, stop)
            parts.append(ch)
            end = pos + 1
            continue
        upos = pos
        end = pos + 5
        if end >= n:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, upos)
        code = _hex4(s, pos + 1, upos)
        if (0xD800 <= code <= 0xDBFF and end + 6 < n
                and s[end] == '\\' and s[end + 1] == 'u'):
            low = _hex4(s, end + 2, end + 1)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                end += 6
        parts.append(chr(code))


class _Scanner:
    # Recursive-descent parser with CPython's error positions and messages.

    def __init__(self, context):
        self.strict = bool(context.strict)
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = context.memo

    def __call__(self, string, idx):
        if not isinstance(string, str):
            raise TypeError('first argument must be a string, not %s'
                            % type(string).__name__)
        if idx < 0:
            raise ValueError('idx cannot be negative')
        try:
            return self.term(string, idx, len(string))
        finally:
            self.memo.clear()

    def term(self, s, i, n):
        if i >= n:
            raise StopIteration(i)
        ch = s[i]
        if ch == '"':
            return scanstring(s, i + 1, self.strict)
        if ch == '{':
            return self.obj(s, i + 1, n)
        if ch == '[':
            return self.arr(s, i + 1, n)
        if ch == 'n':
            if s.startswith('null', i):
                return None, i + 4
        elif ch == 't':
            if s.startswith('true', i):
                return True, i + 4
        elif ch == 'f':
            if s.startswith('false', i):
                return False, i + 5
        elif ch == 'N':
            if s.startswith('NaN', i):
                return self.parse_constant('NaN'), i + 3
        elif ch == 'I':
            if s.startswith('Infinity', i):
                return self.parse_constant('Infinity'), i + 8
        elif ch == '-':
            if s.startswith('-Infinity', i):
                return self.parse_constant('-Infinity'), i + 9
        return self.number(s, i, n)

    def number(self, s, start, n):
        i = start
        if s[i] == '-':
            i += 1
            if i >= n:
                raise StopIteration(start)
        ch = s[i]
        if '1' <= ch <= '9':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        elif ch == '0':
            i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i + 1 < n and s[i] in 'eE':
            mark = i
            i += 1
            if i + 1 < n and s[i] in '-+':
                i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
            if s[i - 1] in _DIGITS:
                is_float = True
            else:
                i = mark
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def obj(self, s, i, n):
        i = _skip_ws(s, i, n)
        pairs_hook = self.object_pairs_hook
        pairs = []
        if i >= n or s[i] != '}':
            memo = self.memo
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes', s, i)
                key, i = scanstring(s, i + 1, self.strict)
                key = memo.setdefault(key, key)
                i = _skip_ws(s, i, n)
                if i >= n or s[i] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = _skip_ws(s, i + 1, n)
                value, i = self.term(s, i, n)
                pairs.append((key, value))
                i = _skip_ws(s, i, n)
                if i < n and s[i] == '}':
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                comma = i
                i = _skip_ws(s, i + 1, n)
                if i < n and s[i] == '}':
                    raise JSONDecodeError(
                        'Illegal trailing comma before end of object', s, comma)
        if pairs_hook is not None:
            return pairs_hook(pairs), i + 1
        result = {}
        for key, value in pairs:
            result[key] = value
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i + 1

    def arr(self, s, i, n):
        i = _skip_ws(s, i, n)
        values = []
        if i >= n or s[i] != ']':
            while True:
                value, i = self.term(s, i, n)
                values.append(value)
                i = _skip_ws(s, i, n)
                if i < n and s[i] == ']':
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                comma = i
                i = _skip_ws(s, i + 1, n)
                if i < n and s[i] == ']':
                    raise JSONDecodeError(
                        'Illegal trailing comma before end of array', s, comma)
        return values, i + 1


def make_scanner(context):
    """Return a scan_once(string, idx) callable configured from `context`."""
    return _Scanner(context)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder

    Performs the following translations in decoding by default:

    +---------------+-------------------+
    | JSON          | Python            |
    +===============+===================+
    | object        | dict              |
    +---------------+-------------------+
    | array         | list              |
    +---------------+-------------------+
    | string        | str               |
    +---------------+-------------------+
    | number (int)  | int               |
    +---------------+-------------------+
    | number (real) | float             |
    +---------------+-------------------+
    | true          | True              |
    +---------------+-------------------+
    | false         | False             |
    +---------------+-------------------+
    | null          | None              |
    +---------------+-------------------+

    It also understands ``NaN``, ``Infinity``, and ``-Infinity`` as
    their corresponding ``float`` values, which is outside the JSON spec.

    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = make_scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document).

        """
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.

        This can be used to decode a JSON document from a string that may
        have extraneous data at the end.

        """
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
        return obj, end
