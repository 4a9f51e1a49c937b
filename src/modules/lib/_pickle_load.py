"""The unpickler: runs the pickle virtual machine over a byte stream with
the checks and error messages of CPython's C unpickler."""

import sys
import _pickle_common as _c
from _pickle_common import UnpicklingError


class _Input:
    """Bytes to decode: all in memory (loads), or read from a file on
    demand, a whole frame at a time when the stream is framed."""

    def __init__(self, data=None, file=None):
        self.buf = data if data is not None else b''
        self.pos = 0
        self.file = file

    def read(self, n):
        pos = self.pos
        end = pos + n
        if end <= len(self.buf):
            self.pos = end
            return self.buf[pos:end]
        if self.file is None:
            raise UnpicklingError("pickle data was truncated")
        data = self.buf[pos:]
        self.buf = b''
        self.pos = 0
        more = self.file.read(n - len(data))
        if not isinstance(more, bytes):
            more = bytes(more)
        data += more
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    def readline(self):
        buf = self.buf
        i = buf.find(b'\n', self.pos)
        if i >= 0:
            line = buf[self.pos:i + 1]
            self.pos = i + 1
            return line
        if self.file is None:
            raise UnpicklingError("pickle data was truncated")
        data = buf[self.pos:]
        self.buf = b''
        self.pos = 0
        line = data + bytes(self.file.readline())
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def load_frame(self, n):
        if self.file is None:
            if self.pos + n > len(self.buf):
                raise UnpicklingError("pickle data was truncated")
            return
        rest = self.buf[self.pos:]
        data = self.file.read(n) if n else b''
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        self.buf = rest + bytes(data)
        self.pos = 0


class LoaderCore:
    """State shared by pickle.Unpickler and the opcode handlers."""

    def _setup(self, file, fix_imports, encoding, errors, buffers):
        if file is _c.NO_FILE:
            file = None
        elif not hasattr(file, 'read') or not hasattr(file, 'readline'):
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = file
        self.fix_imports = bool(fix_imports)
        self.encoding = encoding
        self.errors = errors
        self._buffers = iter(buffers) if buffers is not None else None
        self.memo = {}
        self.proto = 0

    def _run(self, source):
        self._in = source
        self.stack = []
        self.marks = []
        self.proto = 0
        read = source.read
        dispatch = _DISPATCH
        while True:
            try:
                op = read(1)
            except UnpicklingError:
                raise EOFError("Ran out of input") from None
            handler = dispatch.get(op)
            if handler is None:
                _bad_opcode(op)
            if handler is _load_stop:
                return self._pop()
            handler(self)

    # -- stack helpers --------------------------------------------------------

    def _underflow(self):
        if self.marks:
            raise UnpicklingError("unexpected MARK found")
        raise UnpicklingError("unpickling stack underflow")

    def _fence(self):
        return self.marks[-1] if self.marks else 0

    def _pop(self):
        stack = self.stack
        if len(stack) <= self._fence():
            self._underflow()
        return stack.pop()

    def _top(self):
        if len(self.stack) <= self._fence():
            self._underflow()
        return self.stack[-1]

    def _pop_mark(self):
        if not self.marks:
            raise UnpicklingError("could not find MARK")
        k = self.marks.pop()
        items = self.stack[k:]
        del self.stack[k:]
        return items

    def _read_int(self, n, signed=False):
        return int.from_bytes(self._in.read(n), 'little', signed=signed)

    def _readline_text(self):
        return self._in.readline()[:-1].decode('latin-1')

    def _decode_string(self, value):
        if self.encoding == 'bytes':
            return value
        if self.encoding == 'bytes' or self.encoding is None:
            return value
        return value.decode(self.encoding, self.errors)

    # -- globals --------------------------------------------------------------

    def find_class(self, module, name):
        if self.proto < 3 and self.fix_imports:
            import _compat_pickle as compat
            if (module, name) in compat.NAME_MAPPING:
                module, name = compat.NAME_MAPPING[(module, name)]
            elif module in compat.IMPORT_MAPPING:
                module = compat.IMPORT_MAPPING[module]
        if module == '__main__' and _c.main_module() is None:
            return _main_object(name)
        mod = _c.import_module(module)
        path = name.split('.') if self.proto >= 4 else [name]
        if self.proto >= 4 and '<locals>' in path:
            raise AttributeError(f"Can't get local attribute {name!r} on {mod!r}")
        try:
            return _c.deep_getattr(mod, path)[1]
        except AttributeError:
            raise AttributeError(f"Can't get attribute {name!r} on {mod!r}") from None

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered, "
                              "but no persistent_load function was specified.")


def _main_object(name):
    try:
        return _c.find_main(name)
    except KeyError:
        where = sys.argv[0] if sys.argv else '__main__'
        raise AttributeError(f"Can't get attribute {name!r} on <module '__main__' "
                             f"from {where!r}>") from None


def _bad_opcode(op):
    c = op[0]
    if 0x20 <= c <= 0x7e and c not in (0x27, 0x5c):
        raise UnpicklingError(f"invalid load key, '{chr(c)}'.")
    raise UnpicklingError(f"invalid load key, '\\x{c:02x}'.")


def _load_stop(self):
    pass


from _pickle_ops import DISPATCH as _DISPATCH  # noqa: E402

_DISPATCH[b'.'] = _load_stop
