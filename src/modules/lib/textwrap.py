"""Text wrapping and filling (aio implementation of CPython's textwrap)."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The characters textwrap treats as whitespace (ASCII only, like CPython).
_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)
_PUNCT_EXTRA = frozenset('!"\'&.,?')


def _is_word_char(ch):
    # the regex class \w
    return ch.isalnum() or ch == '_'


def _is_letter(ch):
    # the regex class [^\d\W]: a word character that is not a digit
    return _is_word_char(ch) and not ch.isdecimal()


def _is_word_punct(ch):
    return _is_word_char(ch) or ch in _PUNCT_EXTRA


def _dash_run_then_word(text, pos):
    """True when text[pos:] is two or more '-' followed by a word character."""
    n = len(text)
    end = pos
    while end < n and text[end] == '-':
        end += 1
    return end - pos >= 2 and end < n and _is_word_char(text[end])


def _split_words_hyphenated(text):
    """Cut text into whitespace runs, em-dashes and words, breaking
    words after the hyphens of compound words."""
    out = []
    n = len(text)
    pos = 0
    while pos < n:
        ch = text[pos]
        if ch in _WS:
            stop = pos + 1
            while stop < n and text[stop] in _WS:
                stop += 1
            out.append(text[pos:stop])
            pos = stop
            continue
        if (ch == '-' and pos > 0 and _is_word_punct(text[pos - 1])
                and _dash_run_then_word(text, pos)):
            stop = pos
            while text[stop] == '-':
                stop += 1
            out.append(text[pos:stop])
            pos = stop
            continue
        # A word: the shortest run of non-whitespace that ends at a
        # hyphenation point, at whitespace / end of text, or before an em-dash.
        cut = pos + 1
        while True:
            # cut is a candidate end; text[pos:cut] is non-whitespace
            if cut < n and text[cut] == '-' and _hyphen_break_ok(text, cut):
                cut += 1
                break
            if cut >= n or text[cut] in _WS:
                break
            if _is_word_punct(text[cut - 1]) and _dash_run_then_word(text, cut):
                break
            cut += 1
        out.append(text[pos:cut])
        pos = cut
    return out


def _hyphen_break_ok(text, at):
    """May a compound word be broken right after the '-' at index at?"""
    n = len(text)

    def letter(i):
        return 0 <= i < n and _is_letter(text[i])

    before = (letter(at - 2) and letter(at - 1)) or (
        letter(at - 3) and 0 <= at - 2 and text[at - 2] == '-' and letter(at - 1))
    if not before:
        return False
    if not letter(at + 1):
        return False
    return letter(at + 2) or (at + 2 < n and text[at + 2] == '-' and letter(at + 3))


def _split_words_simple(text):
    out = []
    n = len(text)
    pos = 0
    while pos < n:
        in_ws = text[pos] in _WS
        stop = pos + 1
        while stop < n and (text[stop] in _WS) == in_ws:
            stop += 1
        out.append(text[pos:stop])
        pos = stop
    return out


def _ends_sentence(chunk):
    # lowercase ASCII letter, then . ! or ?, then an optional quote, at the end
    if chunk and chunk[-1] in '"\'':
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Object for wrapping/filling text.

    Options are the instance attributes width, initial_indent,
    subsequent_indent, expand_tabs, replace_whitespace, fix_sentence_endings,
    break_long_words, drop_whitespace, break_on_hyphens, tabsize, max_lines
    and placeholder.
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- overridable steps ------------------------------------------------

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            pieces = _split_words_hyphenated(text)
        else:
            pieces = _split_words_simple(text)
        return [p for p in pieces if p]

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        room = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            word = reversed_chunks[-1]
            cut = room
            if self.break_on_hyphens and len(word) > room:
                dash = word.rfind('-', 0, room)
                if dash > 0 and any(c != '-' for c in word[:dash]):
                    cut = dash + 1
            cur_line.append(word[:cut])
            reversed_chunks[-1] = word[cut:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        placeholder = self.placeholder
        max_lines = self.max_lines
        if max_lines is not None:
            first = self.subsequent_indent if max_lines > 1 else self.initial_indent
            if len(first) + len(placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        drop = self.drop_whitespace
        lines = []
        chunks.reverse()
        pending = chunks
        while pending:
            line = []
            used = 0
            prefix = self.subsequent_indent if lines else self.initial_indent
            avail = self.width - len(prefix)
            if drop and lines and pending[-1].strip() == '':
                pending.pop()
            while pending and used + len(pending[-1]) <= avail:
                piece = pending.pop()
                line.append(piece)
                used += len(piece)
            if pending and len(pending[-1]) > avail:
                self._handle_long_word(pending, line, used, avail)
                used = sum(len(p) for p in line)
            if drop and line and line[-1].strip() == '':
                used -= len(line[-1])
                line.pop()
            if not line:
                continue
            rest_is_blank = (not pending or (drop and len(pending) == 1
                                             and not pending[0].strip()))
            if (max_lines is None or len(lines) + 1 < max_lines
                    or (rest_is_blank and used <= avail)):
                lines.append(prefix + ''.join(line))
                continue
            # Truncate: this is the last line allowed.
            placed = False
            while line:
                if line[-1].strip() and used + len(placeholder) <= avail:
                    line.append(placeholder)
                    lines.append(prefix + ''.join(line))
                    placed = True
                    break
                used -= len(line[-1])
                line.pop()
            if not placed:
                if lines:
                    last = lines[-1].rstrip()
                    if len(last) + len(placeholder) <= self.width:
                        lines[-1] = last + placeholder
                        break
                lines.append(prefix + placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- public interface -------------------------------------------------

    def wrap(self, text):
        """Wrap the single paragraph in text; return a list of lines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap the single paragraph in text; return one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width."""
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


def _leading_blanks(line):
    i = 0
    while i < len(line) and line[i] in ' \t':
        i += 1
    return line[:i]


def dedent(text):
    """Remove any common leading whitespace from every line in text."""
    lines = text.split('\n')
    margin = None
    for idx, line in enumerate(lines):
        lead = _leading_blanks(line)
        if len(lead) == len(line):
            # empty, or only spaces and tabs: normalised to empty
            lines[idx] = ''
            continue
        if margin is None or lead.startswith(margin):
            if margin is None:
                margin = lead
        elif margin.startswith(lead):
            margin = lead
        else:
            common = 0
            for a, b in zip(margin, lead):
                if a != b:
                    break
                common += 1
            margin = margin[:common]
    if margin:
        cut = len(margin)
        lines = [ln[cut:] if ln.startswith(margin) else ln for ln in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Add prefix to the beginning of selected lines in text."""
    if predicate is None:
        def predicate(line):
            return not line.isspace()
    parts = []
    for line in text.splitlines(True):
        if predicate(line):
            parts.append(prefix)
        parts.append(line)
    return ''.join(parts)
