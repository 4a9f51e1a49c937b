"""csv.Sniffer: guess the dialect of a CSV sample.

CPython finds quoted fields with regular expressions; the same matches are
found here by hand, since the interpreter has no re module."""

from io import StringIO

_QUOTES = '"\''


def _is_word(c):
    return c.isalnum() or c == '_'


def _is_delim_char(c):
    # the class [^\w\n"']
    return not _is_word(c) and c != '\n' and c not in _QUOTES


def _close_quote(data, start, q, need):
    """Smallest k >= start with data[k] == q and need(k + 1) true."""
    k = data.find(q, start)
    while k >= 0:
        if need(k + 1):
            return k
        k = data.find(q, k + 1)
    return None


def _find_after_delim(data, to_eol):
    """Matches of  delim, optional space, quoted text, then the same quote
    followed by the same delim (or, to_eol, by the end of a line)."""
    n = len(data)
    out = []
    i = 0
    while i < n:
        d = data[i]
        if _is_delim_char(d):
            j = i + 1
            space = ''
            if j < n and data[j] == ' ':
                space = ' '
                j += 1
            if j < n and data[j] in _QUOTES:
                q = data[j]
                if to_eol:
                    need = lambda p: p == n or data[p] == '\n'
                else:
                    need = lambda p: p < n and data[p] == d
                k = _close_quote(data, j + 1, q, need)
                if k is not None:
                    out.append({'delim': d, 'space': space, 'quote': q})
                    i = k + 1 if to_eol else k + 2
                    continue
        i += 1
    return out


def _find_at_line_start(data, with_delim):
    """Matches of  a line start, quoted text, then the same quote followed
    by a delim and optional space (or, without delim, by a line end)."""
    n = len(data)
    out = []
    i = 0
    while i < n:
        starts = []
        if i == 0 or data[i - 1] == '\n':
            starts.append(i)
        if data[i] == '\n':
            starts.append(i + 1)
        found = None
        for qpos in starts:
            if qpos >= n or data[qpos] not in _QUOTES:
                continue
            q = data[qpos]
            if with_delim:
                need = lambda p: p < n and _is_delim_char(data[p])
            else:
                need = lambda p: p == n or data[p] == '\n'
            k = _close_quote(data, qpos + 1, q, need)
            if k is not None:
                found = (q, k)
                break
        if found is None:
            i += 1
            continue
        q, k = found
        if with_delim:
            space = ' ' if k + 2 < n and data[k + 2] == ' ' else ''
            out.append({'quote': q, 'delim': data[k + 1], 'space': space})
            i = k + 2 + len(space)
        else:
            out.append({'quote': q})
            i = k + 1
    return out


def _has_doubled_quote(data, delim, q):
    """Is there a field with three quotes in it, e.g.  ,"a ""b"" c", ?"""
    n = len(data)
    # reach[p]: some field start p0 <= p has only non-word chars up to p
    reach = [False] * (n + 1)
    for p in range(n + 1):
        anchor = (not delim or p == 0 or data[p - 1] == '\n'
                  or data[p - 1] == delim)
        reach[p] = anchor or (reach[p - 1] and not _is_word(data[p - 1]))
    # rreach[e]: only non-word chars from e up to some field end
    rreach = [False] * (n + 1)
    for e in range(n, -1, -1):
        end = (not delim or e == n or data[e] == '\n' or data[e] == delim)
        rreach[e] = end or (e < n and not _is_word(data[e]) and rreach[e + 1])
    segment = []
    for p in range(n + 1):
        if p == n or data[p] == '\n' or (delim and data[p] == delim):
            if _triple_fits(segment, reach, rreach):
                return True
            segment = []
        elif data[p] == q:
            segment.append(p)
    return False


def _triple_fits(quotes, reach, rreach):
    first = next((i for i, a in enumerate(quotes) if reach[a]), None)
    if first is None:
        return False
    for j in range(len(quotes) - 1, first + 1, -1):
        if rreach[quotes[j] + 1]:
            return True
    return False


def _is_complex_text(s):
    """Would complex(s) accept s?"""
    s = s.strip()
    if s.startswith('(') and s.endswith(')'):
        s = s[1:-1].strip()
    if not s:
        return False
    if s[-1] not in 'jJ':
        return _is_float_text(s)
    body = s[:-1]
    for i in range(len(body) - 1, 0, -1):
        if body[i] in '+-' and body[i - 1] not in 'eE':
            real, imag = body[:i], body[i:]
            return _is_float_text(real) and (imag in ('+', '-') or
                                             _is_float_text(imag))
    return body in ('', '+', '-') or _is_float_text(body)


def _is_float_text(t):
    if not t or t != t.strip():
        return False
    try:
        float(t)
    except ValueError:
        return False
    return True


class _ComplexType:
    """Stands for the complex type in has_header's per-column votes."""

    def __call__(self, text):
        if not _is_complex_text(text):
            raise ValueError("complex() arg is a malformed string")
        return text


_complex = _ComplexType()


class Sniffer:
    '''
    "Sniffs" the format of a CSV file (i.e. delimiter, quotechar)
    Returns a Dialect object.
    '''
    def __init__(self):
        # tie-breakers when several delimiters fit equally well
        self.preferred = [',', '\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        """
        Returns a dialect (or None) corresponding to the sample
        """
        import csv
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample,
                                                                delimiters)
        if not delimiter:
            raise csv.Error("Could not determine delimiter")

        class dialect(csv.Dialect):
            _name = "sniffed"
            lineterminator = '\r\n'
            quoting = csv.QUOTE_MINIMAL

        dialect.__module__ = 'csv'
        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        # a quotechar of '' is not accepted by the reader
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        """Find quoted text between two equal delimiters, e.g.  ,'text',
        and vote for the most frequent quote and delimiter."""
        matches = _find_after_delim(data, False)
        if not matches:
            matches = _find_at_line_start(data, True)
        if not matches:
            matches = _find_after_delim(data, True)
        if not matches:
            matches = _find_at_line_start(data, False)
        if not matches:
            return ('', False, None, 0)
        quotes = {}
        delims = {}
        spaces = 0
        for m in matches:
            key = m['quote']
            if key:
                quotes[key] = quotes.get(key, 0) + 1
            if 'delim' not in m:
                continue
            key = m['delim']
            if key and (delimiters is None or key in delimiters):
                delims[key] = delims.get(key, 0) + 1
            if m['space']:
                spaces += 1
        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == '\n':
                delim = ''
        else:
            # a single column of quoted data
            delim = ''
            skipinitialspace = 0
        doublequote = _has_doubled_quote(data, delim, quotechar)
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """Pick the character that occurs equally often on (nearly) every
        line, looking at chunks of ten lines at a time."""
        data = list(filter(None, data.split('\n')))
        ascii = [chr(c) for c in range(127)]
        chunkLength = min(10, len(data))
        iteration = 0
        charFrequency = {}
        modes = {}
        delims = {}
        start, end = 0, chunkLength
        while start < len(data):
            iteration += 1
            for line in data[start:end]:
                for char in ascii:
                    metaFrequency = charFrequency.get(char, {})
                    freq = line.count(char)
                    metaFrequency[freq] = metaFrequency.get(freq, 0) + 1
                    charFrequency[char] = metaFrequency
            for char in charFrequency.keys():
                items = list(charFrequency[char].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    best = max(items, key=lambda x: x[1])
                    # the mode, less the rows that disagree with it
                    items.remove(best)
                    modes[char] = (best[0],
                                   best[1] - sum(item[1] for item in items))
                else:
                    modes[char] = items[0]
            modeList = modes.items()
            total = float(min(chunkLength * iteration, len(data)))
            consistency = 1.0
            threshold = 0.9
            while len(delims) == 0 and consistency >= threshold:
                for k, v in modeList:
                    if v[0] > 0 and v[1] > 0:
                        if ((v[1] / total) >= consistency and
                                (delimiters is None or k in delimiters)):
                            delims[k] = v
                consistency -= 0.01
            if len(delims) == 1:
                delim = list(delims.keys())[0]
                return (delim, _skip_space(data, delim))
            start = end
            end += chunkLength
        if not delims:
            return ('', 0)
        if len(delims) > 1:
            for d in self.preferred:
                if d in delims.keys():
                    return (d, _skip_space(data, d))
        items = [(v, k) for (k, v) in delims.items()]
        items.sort()
        delim = items[-1][1]
        return (delim, _skip_space(data, delim))

    def has_header(self, sample):
        """Guess whether the first row of sample holds column names: it
        does when it differs in type or length from the rows below."""
        import csv
        rdr = csv.reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        columnTypes = {}
        for i in range(columns):
            columnTypes[i] = None
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(columnTypes.keys()):
                thisType = _complex
                try:
                    thisType(row[col])
                except (ValueError, OverflowError):
                    thisType = len(row[col])
                if thisType != columnTypes[col]:
                    if columnTypes[col] is None:
                        columnTypes[col] = thisType
                    else:
                        del columnTypes[col]
        hasHeader = 0
        for col, colType in columnTypes.items():
            if isinstance(colType, int):
                if len(header[col]) != colType:
                    hasHeader += 1
                else:
                    hasHeader -= 1
            else:
                try:
                    colType(header[col])
                except (ValueError, TypeError):
                    hasHeader += 1
                else:
                    hasHeader -= 1
        return hasHeader > 0


def _skip_space(data, delim):
    return data[0].count(delim) == data[0].count("%c " % delim)


Sniffer.__module__ = 'csv'
