"""A collection of string constants and classes (aio implementation).

Public names: ascii_letters, ascii_lowercase, ascii_uppercase, digits,
hexdigits, octdigits, punctuation, printable, whitespace, capwords,
Template, Formatter.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words, capitalize each word and join them with sep
    (a single space when sep is None)."""
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


# ---------------------------------------------------------------------------
# Template

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_ID_START = frozenset('_' + ascii_letters)
_ID_REST = frozenset('_' + ascii_letters + digits)
_NO_ARG = object()


class _Hit:
    """One placeholder occurrence found in a template."""
    __slots__ = ('kind', 'name', 'start', 'end', 'inner')

    def __init__(self, kind, name, start, end, inner):
        self.kind = kind      # 'escaped', 'named', 'braced' or 'invalid'
        self.name = name      # identifier for named/braced
        self.start = start    # index of the delimiter
        self.end = end        # index just past the placeholder
        self.inner = inner    # index where the 'invalid' group starts


def _ident_end(text, pos):
    """End of the ASCII identifier starting at pos, or -1 when there is none."""
    if pos >= len(text) or text[pos] not in _ID_START:
        return -1
    pos += 1
    while pos < len(text) and text[pos] in _ID_REST:
        pos += 1
    return pos


class _DictLayers:
    """Look a key up in the keyword mapping first, then the positional one."""

    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        try:
            return self._first[key]
        except KeyError:
            pass
        try:
            return self._second[key]
        except KeyError:
            raise KeyError(key) from None


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    # -- scanning ---------------------------------------------------------

    @classmethod
    def _uses_regex(cls):
        return ('pattern' in _class_chain_dict(cls)
                or cls.idpattern != _DEFAULT_IDPATTERN
                or cls.braceidpattern is not None
                or 'flags' in _class_chain_dict(cls))

    def _hits(self):
        if type(self)._uses_regex():
            yield from self._regex_hits()
            return
        text = self.template
        delim = self.delimiter
        dlen = len(delim)
        pos = 0
        while True:
            at = text.find(delim, pos) if dlen else -1
            if at < 0:
                return
            after = at + dlen
            if dlen and text.startswith(delim, after):
                hit = _Hit('escaped', None, at, after + dlen, -1)
            else:
                stop = _ident_end(text, after)
                if stop >= 0:
                    hit = _Hit('named', text[after:stop], at, stop, -1)
                else:
                    hit = None
                    if after < len(text) and text[after] == '{':
                        stop = _ident_end(text, after + 1)
                        if stop >= 0 and stop < len(text) and text[stop] == '}':
                            hit = _Hit('braced', text[after + 1:stop], at,
                                       stop + 1, -1)
                    if hit is None:
                        hit = _Hit('invalid', None, at, after, after)
            yield hit
            pos = hit.end

    def _regex_hits(self):
        import re
        cls = type(self)
        pat = _class_chain_dict(cls).get('pattern')
        flags = getattr(cls, 'flags', re.IGNORECASE)
        if pat is None:
            bid = cls.braceidpattern or cls.idpattern
            delim = re.escape(cls.delimiter)
            pat = (r"%s(?:(?P<escaped>%s)|(?P<named>%s)|{(?P<braced>%s)}|"
                   r"(?P<invalid>))" % (delim, delim, cls.idpattern, bid))
        if isinstance(pat, str):
            pat = re.compile(pat, flags | re.VERBOSE)
        for mo in pat.finditer(self.template):
            groups = mo.groupdict()
            if groups.get('escaped') is not None:
                yield _Hit('escaped', None, mo.start(), mo.end(), -1)
            elif groups.get('named') is not None:
                yield _Hit('named', groups['named'], mo.start(), mo.end(), -1)
            elif groups.get('braced') is not None:
                yield _Hit('braced', groups['braced'], mo.start(), mo.end(), -1)
            elif groups.get('invalid') is not None:
                yield _Hit('invalid', None, mo.start(), mo.end(),
                           mo.start('invalid'))
            else:
                raise ValueError('Unrecognized named group in pattern', pat)

    def _raise_invalid(self, hit):
        before = self.template[:hit.inner]
        pieces = before.splitlines(keepends=True)
        if pieces:
            line = len(pieces)
            col = hit.inner - len(''.join(pieces[:-1]))
        else:
            line = col = 1
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (line, col))

    def _render(self, lookup, safe):
        text = self.template
        out = []
        pos = 0
        for hit in self._hits():
            out.append(text[pos:hit.start])
            kind = hit.kind
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._raise_invalid(hit)
                out.append(text[hit.start:hit.end])
            elif safe:
                try:
                    out.append(str(lookup[hit.name]))
                except KeyError:
                    out.append(text[hit.start:hit.end])
            else:
                out.append(str(lookup[hit.name]))
            pos = hit.end
        out.append(text[pos:])
        return ''.join(out)

    @staticmethod
    def _mapping(mapping, kws):
        if mapping is _NO_ARG:
            return kws
        if kws:
            return _DictLayers(kws, mapping)
        return mapping

    # -- public API -------------------------------------------------------

    def substitute(self, mapping=_NO_ARG, /, **kws):
        return self._render(self._mapping(mapping, kws), False)

    def safe_substitute(self, mapping=_NO_ARG, /, **kws):
        return self._render(self._mapping(mapping, kws), True)

    def is_valid(self):
        for hit in self._hits():
            if hit.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        names = []
        for hit in self._hits():
            if hit.name is not None and hit.name not in names:
                names.append(hit.name)
        return names


def _class_chain_dict(cls):
    """Attributes defined by cls and its bases below Template."""
    merged = {}
    for klass in reversed(cls.__mro__):
        if klass is Template or klass is object:
            continue
        merged.update(klass.__dict__)
    return merged


# ---------------------------------------------------------------------------
# Formatter

def _parse_format(text):
    """Yield (literal, field_name, format_spec, conversion) like
    str.format's own parser (the C helper _string.formatter_parser)."""
    n = len(text)
    pos = 0
    while pos < n:
        start = pos
        brace = None
        while pos < n:
            ch = text[pos]
            pos += 1
            if ch == '{' or ch == '}':
                brace = ch
                break
        at_end = pos >= n
        lit_end = pos
        if brace == '}' and (at_end or text[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if brace == '{' and at_end:
            raise ValueError("Single '{' encountered in format string")
        field_follows = brace is not None
        if brace is not None:
            if text[pos] == brace:
                pos += 1            # doubled brace: literal text only
                field_follows = False
            else:
                lit_end -= 1
        literal = text[start:lit_end]
        if not field_follows:
            yield (literal, None, None, None)
            continue
        name, spec, conv, pos = _parse_field(text, pos)
        yield (literal, name, spec, conv)


def _parse_field(text, pos):
    n = len(text)
    name_start = pos
    ch = None
    while pos < n:
        c = text[pos]
        pos += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while pos < n and text[pos] != ']':
                pos += 1
            continue
        if c in '}:!':
            ch = c
            break
    if ch is None:
        raise ValueError("expected '}' before end of string")
    name = text[name_start:pos - 1]
    if ch == '}':
        return name, '', None, pos
    conv = None
    if ch == '!':
        if pos >= n:
            raise ValueError("end of string while looking for conversion "
                             "specifier")
        conv = text[pos]
        pos += 1
        if pos < n:
            nxt = text[pos]
            pos += 1
            if nxt == '}':
                return name, '', conv, pos
            if nxt != ':':
                raise ValueError("expected ':' after conversion specifier")
    spec_start = pos
    depth = 1
    while pos < n:
        ch = text[pos]
        pos += 1
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
            if depth == 0:
                return name, text[spec_start:pos - 1], conv, pos
    raise ValueError("unmatched '{' in format spec")


def _as_index(part):
    return int(part) if part and part.isdecimal() else part


def _split_field_name(name):
    """Split 'a.b[0]' into ('a', iterator of (is_attribute, key))."""
    n = len(name)
    pos = 0
    while pos < n and name[pos] not in '.[':
        pos += 1
    first = _as_index(name[:pos])

    def rest(pos=pos):
        while pos < n:
            ch = name[pos]
            pos += 1
            if ch == '.':
                begin = pos
                while pos < n and name[pos] not in '.[':
                    pos += 1
                key = name[begin:pos]
                is_attr = True
            elif ch == '[':
                begin = pos
                while pos < n and name[pos] != ']':
                    pos += 1
                if pos >= n:
                    raise ValueError("Missing ']' in format string")
                key = _as_index(name[begin:pos])
                pos += 1
                is_attr = False
            else:
                raise ValueError("Only '.' or '[' may follow ']' in format "
                                 "field specifier")
            if key == '':
                raise ValueError("Empty attribute in format string")
            yield is_attr, key

    return first, rest()


class Formatter:
    """Customisable string formatting, as used by str.format()."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text, _ = self._vformat(format_string, args, kwargs, used, 2)
        self.check_unused_args(used, args, kwargs)
        return text

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal, field, spec, conv in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field is None:
                continue
            if field == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field = str(auto_arg_index)
                auto_arg_index += 1
            elif field.isdigit():
                if auto_arg_index:
                    # (CPython's Formatter uses this same message here)
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            value, key = self.get_field(field, args, kwargs)
            used_args.add(key)
            value = self.convert_field(value, conv)
            spec, auto_arg_index = self._vformat(
                spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(value, spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
