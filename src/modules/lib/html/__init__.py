"""General functions for HTML manipulation: escape() and unescape()
(aio implementation of CPython's html package; html.entities holds the
tables)."""

from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace the characters &, < and > of s by HTML-safe sequences, and
    also " and ' when quote is true (for use in attribute values)."""
    s = s.replace("&", "&amp;")     # first, or the others would be doubled
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# What the HTML5 standard substitutes for some numeric character references:
# NUL and CR, and the C1 range, read as windows-1252 where that defines a
# character.
_invalid_charrefs = {0x00: '\ufffd', 0x0d: '\r'}
_invalid_charrefs.update(zip(range(0x80, 0xa0), (
    '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021'
    '\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f'
    '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014'
    '\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178')))

# Code points whose references the standard drops: most C0 and C1
# controls, the noncharacters U+FDD0..U+FDEF and the last two code points
# of every plane.
_invalid_codepoints = set(range(0x1, 0x9)) | set(range(0xe, 0x20))
_invalid_codepoints |= set(range(0x7f, 0xa0)) | set(range(0xfdd0, 0xfdf0))
_invalid_codepoints.add(0xb)
for _plane in range(17):
    _invalid_codepoints.add((_plane << 16) | 0xfffe)
    _invalid_codepoints.add((_plane << 16) | 0xffff)
del _plane

_DIGITS = frozenset('0123456789')
_HEXDIGITS = frozenset('0123456789abcdefABCDEF')
# characters that end a name in a named reference
_NAME_STOP = frozenset('\t\n\f <&#;')
_MAX_NAME = 32


def _numeric(num):
    if num in _invalid_charrefs:
        return _invalid_charrefs[num]
    if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return '\ufffd'
    if num in _invalid_codepoints:
        return ''
    return chr(num)


def _named(name):
    if name in _html5:
        return _html5[name]
    # the longest known prefix (the standard allows some names without
    # their semicolon), keeping the rest as text
    for end in range(len(name) - 1, 1, -1):
        if name[:end] in _html5:
            return _html5[name[:end]] + name[end:]
    return '&' + name


def _run(s, start, chars):
    """The end of the run of characters from chars that begins at start."""
    n = len(s)
    while start < n and s[start] in chars:
        start += 1
    return start


def _reference(s, i):
    """(end, replacement) for a character reference whose '&' is at
    s[i - 1], or None when no reference starts there."""
    n = len(s)
    if i < n and s[i] == '#':
        digits_end = _run(s, i + 1, _DIGITS)
        if digits_end > i + 1:
            num = int(s[i + 1:digits_end])
            end = digits_end
        elif digits_end < n and s[digits_end] in 'xX':
            end = _run(s, digits_end + 1, _HEXDIGITS)
            if end == digits_end + 1:
                return None
            num = int(s[digits_end + 1:end], 16)
        else:
            return None
        if end < n and s[end] == ';':
            end += 1
        return end, _numeric(num)
    end = i
    limit = min(n, i + _MAX_NAME)
    while end < limit and s[end] not in _NAME_STOP:
        end += 1
    if end == i:
        return None
    if end < n and s[end] == ';':
        end += 1
    return end, _named(s[i:end])


def unescape(s):
    """Replace the named and numeric character references of s (&gt;,
    &#62;, &#x3e;) by their characters, following the rules of HTML5 for
    invalid or unterminated references."""
    if '&' not in s:
        return s
    pieces = []
    done = 0
    amp = s.find('&')
    while amp >= 0:
        found = _reference(s, amp + 1)
        if found is None:
            amp = s.find('&', amp + 1)
            continue
        end, text = found
        pieces.append(s[done:amp])
        pieces.append(text)
        done = end
        amp = s.find('&', end)
    pieces.append(s[done:])
    return ''.join(pieces)
