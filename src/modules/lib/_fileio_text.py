"""`TextIOWrapper`: the text layer of files opened by `open()`.

Decoded text is kept untranslated in `_text` (consumed up to `_tpos`), so
`tell()` can turn the unread remainder back into a byte count; newline
translation happens as characters are handed out.
"""

import io as _io

UnsupportedOperation = _io.UnsupportedOperation
_CHUNK = 8192

_UTF8 = ('utf-8', 'utf8', 'u8', 'utf', 'cp65001')
_ASCII = ('ascii', 'us-ascii', '646', 'us', 'ansi-x3.4-1968')
_LATIN1 = ('latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819',
           'l1', 'latin', 'iso-ir-100', 'iso-8859-1')


_registry = []


def _dirty():
    # The registry of streams with unwritten data lives in _fileio (imported
    # lazily: _fileio imports this module while it is being set up).
    if not _registry:
        import _fileio
        _registry.append(_fileio._dirty)
    return _registry[0]


def _codec(encoding):
    """Canonical codec name for `encoding`, or LookupError."""
    key = encoding.lower().replace('_', '-').replace(' ', '-')
    if key in _UTF8:
        return 'utf-8'
    if key in ('utf-8-sig', 'utf8-sig'):
        return 'utf-8-sig'
    if key in _ASCII:
        return 'ascii'
    if key in _LATIN1:
        return 'latin-1'
    try:
        b''.decode(encoding)
    except LookupError:
        raise LookupError("unknown encoding: " + encoding) from None
    return encoding


def _utf8_split(data):
    # Index where an incomplete trailing UTF-8 sequence starts (or len).
    n = len(data)
    i = n - 1
    stop = max(n - 4, -1)
    while i > stop:
        b = data[i]
        if b & 0xC0 != 0x80:
            if b >= 0xF0:
                need = 4
            elif b >= 0xE0:
                need = 3
            elif b >= 0xC0:
                need = 2
            else:
                return n
            return i if n - i < need else n
        i -= 1
    return n


def _translate(s):
    if '\r' in s:
        return s.replace('\r\n', '\n').replace('\r', '\n')
    return s


class TextIOWrapper(_io.TextIOBase):
    """Character stream over a buffered binary stream."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if encoding is not None and not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str "
                            "or None, not " + type(encoding).__name__)
        if errors is None:
            errors = 'strict'
        elif not isinstance(errors, str):
            raise TypeError("TextIOWrapper() argument 'errors' must be str "
                            "or None, not " + type(errors).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str "
                            "or None, not " + type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: " + newline)
        self._buffer = buffer
        self._encoding = 'UTF-8' if encoding is None else encoding
        self._set_codec(_codec(self._encoding))
        self._errors = errors
        self._newline = newline
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        self._text = ''
        self._tpos = 0
        self._pending = b''
        self._eof = False
        self._telling = True
        self._seen = 0   # bit set of newline kinds met: 1 '\r', 2 '\n', 4 '\r\n'
        # Encoded writes are batched here (encoding errors still surface in
        # write()); they reach the buffer before any read, seek or flush.
        self._wparts = []
        self._wsize = 0
        self._can_read = buffer.readable()
        self._can_write = buffer.writable()
        if self._sig and buffer.seekable() and buffer.tell() != 0:
            self._bom_read = self._bom_write = False

    def _set_codec(self, codec):
        # utf-8-sig is utf-8 plus a BOM skipped/written at position 0.
        self._sig = codec == 'utf-8-sig'
        self._codec = 'utf-8' if self._sig else codec
        self._bom_read = self._bom_write = self._sig

    # -- attributes

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def name(self):
        return self._buffer.name

    @property
    def newlines(self):
        kinds = [k for bit, k in ((1, '\r'), (2, '\n'), (4, '\r\n'))
                 if self._seen & bit]
        if not kinds or self._newline not in (None, ''):
            return None
        if len(kinds) == 1:
            return kinds[0]
        return tuple(kinds)

    def __repr__(self):
        out = '<_io.TextIOWrapper'
        try:
            out += ' name=' + repr(self.name)
        except (AttributeError, ValueError):
            pass
        mode = getattr(self, 'mode', None)
        if mode is not None:
            out += ' mode=' + repr(mode)
        return out + ' encoding=' + repr(self._encoding) + '>'

    def _check_closed(self):
        if self._buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        return self._buffer.readable()

    def writable(self):
        return self._buffer.writable()

    def seekable(self):
        return self._buffer.seekable()

    # -- decoding

    def _decode(self, data, final):
        if self._codec == 'utf-8' and not final:
            cut = _utf8_split(data)
            self._pending = data[cut:]
            data = data[:cut]
        else:
            self._pending = b''
        text = data.decode(self._codec, self._errors)
        if self._bom_read and text:
            self._bom_read = False
            if text[0] == '\ufeff':
                text = text[1:]
        return text

    def _more(self, size=_CHUNK):
        # Decode one more chunk into _text; sets _eof when the stream ends.
        data = self._buffer.read1(size)
        if not data:
            self._eof = True
            if not self._pending:
                return
        fresh = self._decode(self._pending + data, self._eof)
        self._note(fresh)
        self._text = self._text[self._tpos:] + fresh
        self._tpos = 0

    def _note(self, s):
        # Record which newline kinds went by, for the `newlines` attribute.
        if self._newline not in (None, '') or ('\r' not in s and '\n' not in s):
            return
        crlf = s.count('\r\n')
        if crlf:
            self._seen |= 4
        if s.count('\r') > crlf:
            self._seen |= 1
        if s.count('\n') > crlf:
            self._seen |= 2

    def _reset_read(self):
        self._text = ''
        self._tpos = 0
        self._pending = b''
        self._eof = False

    def _check_readable(self):
        if self._buffer.closed:
            raise ValueError("I/O operation on closed file.")
        if not self._can_read:
            raise UnsupportedOperation("not readable")
        if self._wparts:
            self._push_writes()

    def _push_writes(self):
        _dirty().pop(id(self), None)
        data = b''.join(self._wparts)
        self._wparts = []
        self._wsize = 0
        self._buffer.write(data)

    # -- reading

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '"
                            + type(size).__name__ + "'")
        if size < 0:
            return self._read_all()
        return self._read_n(size)

    def _read_all(self):
        rest = self._buffer.read()
        text = self._text[self._tpos:]
        if rest or self._pending:
            fresh = self._decode(self._pending + rest, True)
            self._note(fresh)
            text += fresh
        self._text = ''
        self._tpos = 0
        self._eof = True
        return _translate(text) if self._newline is None else text

    def _read_n(self, size):
        out = []
        got = 0
        translate = self._newline is None
        while got < size:
            text = self._text
            start = self._tpos
            if start >= len(text):
                if self._eof:
                    break
                self._more()
                continue
            seg = text[start:start + size - got]
            end = start + len(seg)
            if translate and seg.endswith('\r'):
                if end < len(text):
                    if text[end] == '\n':
                        seg += '\n'
                        end += 1
                elif not self._eof:
                    # A '\r' at the end may be half of '\r\n'; decide later.
                    if len(seg) == 1:
                        self._more()
                        continue
                    seg = seg[:-1]
                    end -= 1
            if translate:
                seg = _translate(seg)
            self._tpos = end
            out.append(seg)
            got += len(seg)
        return ''.join(out)

    def _find_end(self, text, start):
        # (index of the terminator, index after the line) or (-1, -1);
        # (i, -1) when a '\r' at the end may be half of '\r\n'.
        nl = self._newline
        if nl is None or nl == '':
            i = text.find('\n', start)
            j = text.find('\r', start, i if i >= 0 else len(text))
            if j < 0:
                return (i, i + 1) if i >= 0 else (-1, -1)
            if j + 1 < len(text):
                return j, (j + 2 if text[j + 1] == '\n' else j + 1)
            return (j, j + 1) if self._eof else (j, -1)
        if nl == '\r\n':
            i = text.find('\r\n', start)
            return (i, i + 2) if i >= 0 else (-1, -1)
        i = text.find(nl, start)
        return (i, i + 1) if i >= 0 else (-1, -1)

    def readline(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '"
                            + type(size).__name__ + "'")
        nl = self._newline
        if size < 0 and (nl is None or nl == '\n'):
            # Fast path: a whole '\n'-terminated line already decoded.
            text = self._text
            start = self._tpos
            i = text.find('\n', start)
            if i >= 0 and (nl == '\n' or text.find('\r', start, i) < 0):
                self._tpos = i + 1
                return text[start:i + 1]
        while True:
            text = self._text
            start = self._tpos
            term, end = self._find_end(text, start)
            body = (term if term >= 0 else len(text)) - start
            if 0 <= size <= body:
                self._tpos = start + size
                return text[start:start + size]
            if end >= 0:
                break
            if self._eof:
                end = len(text)
                break
            # Grow geometrically so a very long line costs linear time.
            self._more(max(_CHUNK, len(text) - start))
        line = text[start:end]
        if self._newline is None:
            line = _translate(line)
        if 0 <= size < len(line):
            # Only possible for '\r\n' endings: cut inside the terminator.
            end = start + size
            line = text[start:end]
        self._tpos = end
        return line

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        self._telling = False
        nl = self._newline
        if nl is None or nl == '\n':
            # Fast path (close() empties _text, so no closed check needed).
            text = self._text
            start = self._tpos
            i = text.find('\n', start)
            if i >= 0 and (nl == '\n' or text.find('\r', start, i) < 0):
                self._tpos = i + 1
                return text[start:i + 1]
        line = self.readline()
        if not line:
            self._telling = self._buffer.seekable()
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        self._check_closed()
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    # -- writing

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not "
                            + type(s).__name__)
        if self._buffer.closed:
            raise ValueError("I/O operation on closed file.")
        if not self._can_write:
            raise UnsupportedOperation("not writable")
        length = len(s)
        flush = self._line_buffering and ('\n' in s or '\r' in s)
        if self._newline in ('\r', '\r\n') and '\n' in s:
            s = s.replace('\n', self._newline)
        if self._text or self._pending:
            self._reset_read()
        data = s.encode(self._codec, self._errors)
        if self._bom_write:
            self._bom_write = False
            data = b'\xef\xbb\xbf' + data
        if not self._wparts:
            _dirty()[id(self)] = self
        self._wparts.append(data)
        self._wsize += len(data)
        if self._wsize >= _CHUNK or flush or self._write_through:
            self._push_writes()
            if flush:
                self._buffer.flush()
        return length

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)

    def flush(self):
        self._check_closed()
        if self._wparts:
            self._push_writes()
        self._buffer.flush()

    # -- positioning

    def tell(self):
        self._check_closed()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if not self._telling:
            raise OSError("telling position disabled by next() call")
        self.flush()
        pos = self._buffer.tell()
        rest = self._text[self._tpos:]
        if rest:
            pos -= len(rest.encode(self._codec, self._errors))
        return pos - len(self._pending)

    def seek(self, cookie, whence=0):
        self._check_closed()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == 1:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative "
                                           "seeks")
            cookie = self.tell()
            whence = 0
        elif whence == 2:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative "
                                           "seeks")
            self.flush()
            self._reset_read()
            end = self._buffer.seek(0, 2)
            self._bom_write = self._sig and end == 0
            return end
        elif whence != 0:
            raise ValueError("invalid whence (" + str(whence)
                             + ", should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError("negative seek position " + repr(cookie))
        self.flush()
        self._reset_read()
        self._buffer.seek(cookie)
        self._bom_read = self._bom_write = self._sig and cookie == 0
        self._telling = True
        return cookie

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)

    # -- lifetime

    def close(self):
        if self._buffer is None or self._buffer.closed:
            return
        try:
            self.flush()
        finally:
            self._text = ''
            self._tpos = 0
            self._buffer.close()

    def detach(self):
        self.flush()
        buffer = self._buffer
        self._buffer = None
        return buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        self.flush()
        if encoding is not None:
            self._set_codec(_codec(encoding))
            self._encoding = encoding
            if errors is None:
                errors = 'strict'
        if errors is not None:
            self._errors = errors
        if newline is not Ellipsis:
            if newline not in (None, '', '\n', '\r', '\r\n'):
                raise ValueError("illegal newline value: " + str(newline))
            self._newline = newline
        if line_buffering is not None:
            self._line_buffering = bool(line_buffering)
        if write_through is not None:
            self._write_through = bool(write_through)

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


TextIOWrapper.__module__ = '_io'
