"""Filename matching with shell patterns (aio implementation of CPython's
fnmatch).

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case in account.

translate(PATTERN) returns the regular expression CPython builds; the
matching itself is done here directly on the parsed pattern, giving the
same answers as that expression.
"""

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

# the characters re.escape() puts a backslash before
_RE_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _normcase(path):
    # os.path.normcase on POSIX: checks the type, changes nothing
    if isinstance(path, (str, bytes)):
        return path
    fspath = getattr(type(path), '__fspath__', None)
    if fspath is None:
        raise TypeError("expected str, bytes or os.PathLike object, not %s"
                        % type(path).__name__)
    return fspath(path)


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN.

    Patterns are Unix shell style:

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any char not in seq

    An initial period in FILENAME is not special.
    Both FILENAME and PATTERN are first case-normalized
    if the operating system requires it.
    If you don't want this, use fnmatchcase(FILENAME, PATTERN).
    """
    name = _normcase(name)
    pat = _normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = _normcase(pat)
    match = _compile_pattern(pat)
    return [name for name in names if match(name)]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case.

    This is a version of fnmatch() which doesn't case-normalize
    its arguments.
    """
    return _compile_pattern(pat)(name)


# -- translation to a regular expression -------------------------------------

def _escape(c):
    if not isinstance(c, str):
        raise TypeError("decoding to str: need a bytes-like object, %s found"
                        % type(c).__name__)
    return '\\' + c if c in _RE_SPECIAL else c


def _bracket_end(pat, i):
    """Index of the ']' closing the set whose contents start at i, or
    len(pat) when it is unclosed."""
    n = len(pat)
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    return j


def _range_chunks(pat, i, j):
    """Split the set pat[i:j] at its range hyphens, dropping empty ranges
    such as z-a together with their end points."""
    chunks = []
    k = i + 2 if pat[i] == '!' else i + 1
    while True:
        k = pat.find('-', k, j)
        if k < 0:
            break
        chunks.append(pat[i:k])
        i = k + 1
        k = k + 3
    chunk = pat[i:j]
    if chunk:
        chunks.append(chunk)
    else:
        chunks[-1] += '-'
    for k in range(len(chunks) - 1, 0, -1):
        if chunks[k - 1][-1] > chunks[k][0]:
            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
            del chunks[k]
    return chunks


def _escape_set_ops(stuff):
    return ''.join('\\' + c if c in '&~|' else c for c in stuff)


# tokens: 'S' star, '?' any char, ('L', c) literal, ('C', negated,
# chars, ranges) a set, 'N' a set that matches nothing
_STAR = 'S'
_ANY = '?'
_NEVER = 'N'


def _set_token(chunks):
    """The token for a set given as range chunks (see _range_chunks)."""
    text = '-'.join(chunks)
    if not text:
        return _NEVER
    if text == '!':
        return _ANY
    negated = text[0] == '!'
    if negated:
        chunks = [chunks[0][1:]] + chunks[1:]
    chars = set(''.join(chunks))
    ranges = [(chunks[k - 1][-1], chunks[k][0])
              for k in range(1, len(chunks)) if chunks[k - 1]]
    return ('C', negated, frozenset(chars), tuple(ranges))


def _parse(pat):
    """Return (regex pieces, tokens) for pat; STAR marks stars in both."""
    pieces = []
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            # consecutive stars act as one
            if not pieces or pieces[-1] is not _STAR:
                pieces.append(_STAR)
                tokens.append(_STAR)
        elif c == '?':
            pieces.append('.')
            tokens.append(_ANY)
        elif c == '[':
            j = _bracket_end(pat, i)
            if j >= n:
                pieces.append('\\[')
                tokens.append(('L', '['))
                continue
            stuff = pat[i:j]
            if '-' not in stuff:
                chunks = [stuff]
                stuff = stuff.replace('\\', r'\\')
            else:
                chunks = _range_chunks(pat, i, j)
                stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                                 for s in chunks)
            stuff = _escape_set_ops(stuff)
            i = j + 1
            tokens.append(_set_token(chunks))
            if not stuff:
                pieces.append('(?!)')
            elif stuff == '!':
                pieces.append('.')
            else:
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] in ('^', '['):
                    stuff = '\\' + stuff
                pieces.append(f'[{stuff}]')
        else:
            pieces.append(_escape(c))
            tokens.append(('L', c))
    return pieces, tokens


def _join_translated_parts(parts):
    res = []
    i, n = 0, len(parts)
    while i < n and parts[i] is not _STAR:
        res.append(parts[i])
        i += 1
    while i < n:
        i += 1
        if i == n:
            res.append(".*")
            break
        fixed = []
        while i < n and parts[i] is not _STAR:
            fixed.append(parts[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            res.append(".*")
            res.append(fixed)
        else:
            # CPython uses an atomic group: the shortest run, no backtracking
            res.append(f"(?>.*?{fixed})")
    return fr'(?s:{"".join(res)})\Z'


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    return _join_translated_parts(_parse(pat)[0])


# -- matching -----------------------------------------------------------------------

def _token_matches(token, c):
    if token is _ANY:
        return True
    if token is _NEVER:
        return False
    if token[0] == 'L':
        return token[1] == c
    _, negated, chars, ranges = token
    found = c in chars or any(lo <= c <= hi for lo, hi in ranges)
    return found != negated


def _glob_match(tokens, name):
    """Does name match the tokens?  Each non-star token takes exactly one
    character, so on a mismatch it is enough to let the last star take
    one more character."""
    t = s = 0
    nt, ns = len(tokens), len(name)
    star_t = -1
    star_s = 0
    while s < ns:
        if t < nt and tokens[t] is _STAR:
            star_t = t
            star_s = s
            t += 1
        elif t < nt and _token_matches(tokens[t], name[s]):
            t += 1
            s += 1
        elif star_t >= 0:
            star_s += 1
            s = star_s
            t = star_t + 1
        else:
            return False
    while t < nt and tokens[t] is _STAR:
        t += 1
    return t == nt


_cache = {}


def _compile_pattern(pat):
    key = (type(pat), pat)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    if isinstance(pat, bytes):
        # bytes.decode: the interpreter's str(b, 'latin-1') loses bytes >= 0x80
        tokens = _parse(pat.decode('latin-1'))[1]
        is_bytes = True
    else:
        translate(pat)  # raises what CPython's translation raises
        tokens = _parse(pat)[1]
        is_bytes = False

    def match(name):
        if isinstance(name, str):
            if is_bytes:
                raise TypeError("cannot use a bytes pattern on a string-like "
                                "object")
            return _glob_match(tokens, name)
        if isinstance(name, bytes):
            if not is_bytes:
                raise TypeError("cannot use a string pattern on a bytes-like "
                                "object")
            return _glob_match(tokens, name.decode('latin-1'))
        raise TypeError("expected string or bytes-like object, got '%s'"
                        % type(name).__name__)

    if len(_cache) >= 32768:
        _cache.clear()
    try:
        _cache[key] = match
    except TypeError:
        pass
    return match
