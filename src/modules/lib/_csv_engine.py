"""The record parser and record joiner behind _csv.reader and _csv.writer."""

# parser states (as in CPython's C parser)
_START_RECORD = 0
_START_FIELD = 1
_ESCAPED_CHAR = 2
_IN_FIELD = 3
_IN_QUOTED_FIELD = 4
_ESCAPE_IN_QUOTED_FIELD = 5
_QUOTE_IN_QUOTED_FIELD = 6
_EAT_CRNL = 7
_AFTER_ESCAPED_CRNL = 8

_QUOTE_ALL = 1
_QUOTE_NONNUMERIC = 2
_QUOTE_NONE = 3
_QUOTE_STRINGS = 4
_QUOTE_NOTNULL = 5


def _error():
    from _csv import Error
    return Error


class _Record:
    """Fields of the record being parsed plus the field being built."""

    __slots__ = ('fields', 'parts', 'length', 'unquoted', 'quoting', 'limit')

    def __init__(self, quoting, limit):
        self.fields = []
        self.parts = []
        self.length = 0
        self.unquoted = True
        self.quoting = quoting
        self.limit = limit

    def add(self, text):
        # the limit applies before each character is added
        if self.length + len(text) > self.limit:
            raise _error()("field larger than field limit (%d)" % self.limit)
        self.parts.append(text)
        self.length += len(text)

    def save(self):
        quoting = self.quoting
        if self.unquoted and not self.length and (
                quoting == _QUOTE_NOTNULL or quoting == _QUOTE_STRINGS):
            field = None
        else:
            field = ''.join(self.parts)
            if self.unquoted and self.length and (
                    quoting == _QUOTE_NONNUMERIC or
                    quoting == _QUOTE_STRINGS):
                field = float(field)
        self.parts = []
        self.length = 0
        self.fields.append(field)


def _scan(line, pos, stops):
    """Index of the first character at or after pos that is in stops."""
    n = len(line)
    while pos < n and line[pos] not in stops:
        pos += 1
    return pos


def reader_config(d):
    """The dialect settings the parser needs, computed once per reader."""
    delim = d.delimiter
    quote = d.quotechar if d.quoting != _QUOTE_NONE else None
    esc = d.escapechar
    skip = d.skipinitialspace
    unquoted_stops = frozenset(c for c in (delim, esc, '\n', '\r') if c)
    quoted_stops = frozenset(c for c in (quote, esc) if c)
    # characters with a meaning at the start of a field
    start_stops = unquoted_stops | frozenset(
        c for c in (quote, ' ' if skip else None) if c)
    return (delim, quote, esc, skip, d.strict, d.doublequote, d.quoting,
            unquoted_stops, quoted_stops, start_stops)


def parse_record(rdr, limit):
    """Read lines from rdr._input until one record is complete."""
    config = rdr._config
    if config is None:
        config = rdr._config = reader_config(rdr.dialect)
    (delim, quote, esc, skip, strict, doublequote, quoting,
     unquoted_stops, quoted_stops, start_stops) = config
    rec = _Record(quoting, limit)
    state = _START_RECORD
    while True:
        try:
            line = next(rdr._input)
        except StopIteration:
            if rec.length != 0 or state == _IN_QUOTED_FIELD:
                if strict:
                    raise _error()("unexpected end of data") from None
                rec.save()
                return rec.fields
            raise
        if not isinstance(line, str):
            raise _error()("iterator should return strings, not %s "
                           "(the file should be opened in text mode)"
                           % type(line).__name__)
        rdr.line_num += 1
        pos = 0
        n = len(line)
        while pos < n:
            c = line[pos]
            if state == _IN_FIELD:
                if c not in unquoted_stops:
                    end = _scan(line, pos + 1, unquoted_stops)
                    rec.add(line[pos:end])
                    pos = end
                    continue
                if c == delim:
                    rec.save()
                    state = _START_FIELD
                    pos += 1
                    continue
            elif state == _START_FIELD and c not in start_stops:
                rec.unquoted = True
                end = _scan(line, pos + 1, unquoted_stops)
                rec.add(line[pos:end])
                pos = end
                state = _IN_FIELD
                continue
            if state == _IN_QUOTED_FIELD and c not in quoted_stops:
                end = _scan(line, pos + 1, quoted_stops)
                rec.add(line[pos:end])
                pos = end
                continue
            state = _step(rec, state, c, delim, quote, esc, skip, strict,
                          doublequote)
            pos += 1
        state = _step_eol(rec, state)
        if state == _START_RECORD:
            return rec.fields


def _step(rec, state, c, delim, quote, esc, skip, strict, doublequote):
    """Feed one character; return the new state."""
    if state == _START_RECORD:
        if c == '\n' or c == '\r':
            return _EAT_CRNL
        state = _START_FIELD
    if state == _START_FIELD:
        rec.unquoted = True
        if c == '\n' or c == '\r':
            rec.save()
            return _EAT_CRNL
        if c == quote:
            rec.unquoted = False
            return _IN_QUOTED_FIELD
        if c == esc:
            return _ESCAPED_CHAR
        if c == ' ' and skip:
            return _START_FIELD
        if c == delim:
            rec.save()
            return _START_FIELD
        rec.add(c)
        return _IN_FIELD
    if state == _ESCAPED_CHAR:
        rec.add(c)
        if c == '\n' or c == '\r':
            return _AFTER_ESCAPED_CRNL
        return _IN_FIELD
    if state == _IN_FIELD or state == _AFTER_ESCAPED_CRNL:
        if c == '\n' or c == '\r':
            rec.save()
            return _EAT_CRNL
        if c == esc:
            return _ESCAPED_CHAR
        if c == delim:
            rec.save()
            return _START_FIELD
        # after an escaped line break the record still spans to the next
        # line, so the state is kept
        rec.add(c)
        return state
    if state == _IN_QUOTED_FIELD:
        if c == esc:
            return _ESCAPE_IN_QUOTED_FIELD
        if c == quote:
            return _QUOTE_IN_QUOTED_FIELD if doublequote else _IN_FIELD
        rec.add(c)
        return _IN_QUOTED_FIELD
    if state == _ESCAPE_IN_QUOTED_FIELD:
        rec.add(c)
        return _IN_QUOTED_FIELD
    if state == _QUOTE_IN_QUOTED_FIELD:
        if c == quote:
            # a doubled quote stands for one quote
            rec.add(c)
            return _IN_QUOTED_FIELD
        if c == delim:
            rec.save()
            return _START_FIELD
        if c == '\n' or c == '\r':
            rec.save()
            return _EAT_CRNL
        if not strict:
            rec.add(c)
            return _IN_FIELD
        raise _error()("'%s' expected after '%s'" % (delim, quote))
    # _EAT_CRNL
    if c == '\n' or c == '\r':
        return _EAT_CRNL
    raise _error()("new-line character seen in unquoted field - "
                   "do you need to open the file with newline=''?")


def _step_eol(rec, state):
    """The end of an input line; return the new state."""
    if state == _START_RECORD or state == _EAT_CRNL:
        return _START_RECORD
    if state == _START_FIELD or state == _IN_FIELD or \
            state == _QUOTE_IN_QUOTED_FIELD:
        if state == _START_FIELD:
            rec.unquoted = True
        rec.save()
        return _START_RECORD
    if state == _ESCAPED_CHAR:
        rec.add('\n')
        return _IN_FIELD
    if state == _ESCAPE_IN_QUOTED_FIELD:
        rec.add('\n')
        return _IN_QUOTED_FIELD
    # _IN_QUOTED_FIELD and _AFTER_ESCAPED_CRNL wait for the next line
    return state


def _is_number(x):
    if isinstance(x, (int, float)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__int__') or
            hasattr(t, '__float__') or hasattr(t, '__complex__'))


def _needs_quoting(field, quoting):
    if quoting == _QUOTE_NONNUMERIC:
        return not _is_number(field)
    if quoting == _QUOTE_ALL:
        return True
    if quoting == _QUOTE_STRINGS:
        return isinstance(field, str)
    if quoting == _QUOTE_NOTNULL:
        return field is not None
    return False


def _escape_field(text, d, specials, quoted, error):
    """Return (text with escapes/doubled quotes, whether to quote it)."""
    for c in specials:
        if c in text:
            break
    else:
        return text, quoted
    quote = d.quotechar
    esc = d.escapechar
    none = d.quoting == _QUOTE_NONE
    out = []
    for c in text:
        if c in specials:
            want_escape = False
            if none:
                want_escape = True
            else:
                if c == quote:
                    if d.doublequote:
                        out.append(quote)
                    else:
                        want_escape = True
                elif c == esc:
                    want_escape = True
                if not want_escape:
                    quoted = True
            if want_escape:
                if esc is None:
                    raise error("need to escape, but no escapechar set")
                out.append(esc)
        out.append(c)
    return ''.join(out), quoted


def special_chars(d):
    """The characters that make a written field need quoting or escapes."""
    specials = set(d.lineterminator)
    for c in (d.delimiter, d.escapechar, d.quotechar, '\n', '\r'):
        if c is not None:
            specials.add(c)
    return tuple(specials)


def join_record(fields, d, specials, error):
    """The line for one record, line terminator included."""
    quoting = d.quoting
    pieces = []
    count = 0
    field = None
    for field in fields:
        quoted = _needs_quoting(field, quoting)
        if field is None:
            text = ''
        elif isinstance(field, str):
            text = field
        else:
            text = str(field)
        text, quoted = _escape_field(text, d, specials, quoted, error)
        if quoted:
            text = d.quotechar + text + d.quotechar
        pieces.append(text)
        count += 1
    line = d.delimiter.join(pieces)
    if count == 1 and not line:
        # a lone None cannot be told from a lone '' unless quoted
        if quoting == _QUOTE_NONE or (field is None and (
                quoting == _QUOTE_STRINGS or quoting == _QUOTE_NOTNULL)):
            raise error("single empty field record must be quoted")
        line = d.quotechar * 2
    return line + d.lineterminator
