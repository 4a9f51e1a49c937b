"""The pickler: turns objects into pickle bytes exactly as CPython's C
pickler (_pickle.Pickler) lays them out -- the same opcodes, memo indexes,
batching and framing -- for protocols 0 to 5."""

import _pickle_common as _c
from _pickle_common import PicklingError

_FRAME_TARGET = 64 * 1024
_BININT1 = [b'K' + bytes([i]) for i in range(256)]
_BINGET = [b'h' + bytes([i]) for i in range(256)]
_SHORT_STR = [b'\x8c' + bytes([i]) for i in range(256)]
_LATIN1 = 'latin1'   # one object, so repeated uses share a memo entry

_FunctionType = type(_c.sample_function)


class _Output:
    """Collects opcodes. Everything goes into the current frame; with
    framing on (protocol 4+) a frame is closed once it reaches 64 KiB at an
    object boundary, and gets a FRAME header if it has 4 bytes or more."""

    def __init__(self):
        self.chunks = []
        self.frame = []
        self.frame_len = 0
        self.framing = False

    def write(self, data):
        self.frame.append(data)
        self.frame_len += len(data)

    def commit(self):
        data = b''.join(self.frame)
        self.frame = []
        self.frame_len = 0
        if not data:
            return
        if self.framing and len(data) >= 4:
            self.chunks.append(b'\x95' + len(data).to_bytes(8, 'little'))
        self.chunks.append(data)

    def write_large(self, header, payload):
        # Large payloads bypass framing; the next opcode opens a new frame.
        if self.framing:
            self.commit()
            self.chunks.append(header)
            self.chunks.append(payload)
        else:
            self.write(header)
            self.write(payload)

    def getvalue(self):
        return b''.join(self.chunks)


def _protocol_of(protocol):
    if protocol is None:
        return _c.DEFAULT_PROTOCOL
    protocol = _c.as_index(protocol)
    if protocol < 0:
        return _c.HIGHEST_PROTOCOL
    if protocol > _c.HIGHEST_PROTOCOL:
        raise ValueError(f"pickle protocol must be <= {_c.HIGHEST_PROTOCOL}")
    return protocol


def _shared_str(s):
    """Whether CPython would hand out one shared object for every string
    equal to s: interned identifier-like literals and attribute names, the
    empty string and one-character latin-1 strings. aio does not intern
    them, so the pickler memoizes these by value."""
    if len(s) <= 1:
        return not s or ord(s) < 256
    return s.isascii() and s.replace('_', 'a').isalnum()


def encode_long(x):
    """Little-endian two's complement bytes of x, as short as possible."""
    if x == 0:
        return b''
    nbytes = (abs(x).bit_length() >> 3) + 1
    data = x.to_bytes(nbytes, 'little', signed=True)
    if x < 0 and nbytes > 1 and data[-1] == 0xff and data[-2] & 0x80:
        data = data[:-1]
    return data


def raw_unicode_escape(s):
    """Protocol 0 text: latin-1, with \\uXXXX / \\UXXXXXXXX escapes for the
    characters that would break the line-based format."""
    out = []
    for ch in s:
        o = ord(ch)
        if o >= 0x10000:
            out.append('\\U%08x' % o)
        elif o >= 256 or ch in '\\\n\r\x00\x1a':
            out.append('\\u%04x' % o)
        else:
            out.append(ch)
    return ''.join(out).encode('latin-1')


class PicklerCore:
    """State and opcode writers shared by pickle.Pickler."""

    def _setup(self, file, protocol, fix_imports, buffer_callback):
        proto = _protocol_of(protocol)
        if buffer_callback is not None and proto < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        if file is not _c.NO_FILE:
            try:
                self._file_write = file.write
            except AttributeError:
                raise TypeError("file must have a 'write' attribute") from None
        else:
            self._file_write = None
        self.proto = proto
        self.bin = proto >= 1
        self.fast = 0
        self.fix_imports = bool(fix_imports) and proto < 3
        self._buffer_callback = buffer_callback
        self.memo = {}
        # Strings CPython would share (interned identifiers, one-character
        # strings) are memoized by value; see _shared_str.
        self._str_memo = {}
        self._out = _Output()

    # -- driving ------------------------------------------------------------

    def _dump_bytes(self, obj):
        out = self._out
        write = out.write
        if self.proto >= 2:
            out.chunks.append(b'\x80' + bytes([self.proto]))
        if self.proto >= 4:
            out.framing = True
        self._pers = self._persistent_hook()
        self._override = getattr(self, 'reducer_override', None)
        self.save(obj)
        write(b'.')
        out.commit()
        out.framing = False
        data = out.getvalue()
        out.chunks = []
        return data

    def _persistent_hook(self):
        hook = getattr(self, 'persistent_id', None)
        if hook is None:
            return None
        func = getattr(hook, '__func__', None)
        if func is not None and func is _c.default_persistent_id:
            return None
        return hook

    def save(self, obj, pers_save=False):
        # The hot path: atoms and memo hits are written inline.
        if self._pers is not None and not pers_save:
            pid = self._pers(obj)
            if pid is not None:
                self._save_pers(pid)
                self._boundary()
                return
        t = type(obj)
        out = self._out
        if t is int:
            if 0 <= obj <= 0xff and self.bin:
                out.frame.append(_BININT1[obj])
                out.frame_len += 2
            else:
                self._save_int(obj)
        elif obj is None:
            out.frame.append(b'N')
            out.frame_len += 1
        elif t is str:
            self._save_str_memo(obj)
        elif t is float:
            self._save_float(obj)
        elif t is bool:
            self._save_bool(obj)
        else:
            x = self.memo.get(id(obj))
            if x is not None:
                out.write(self._get(x[0]))
            else:
                saver = _DISPATCH.get(t)
                if saver is not None:
                    saver(self, obj)
                else:
                    self._save_other(obj, t)
        if out.frame_len >= _FRAME_TARGET and out.framing:
            out.commit()

    def _boundary(self):
        out = self._out
        if out.frame_len >= _FRAME_TARGET and out.framing:
            out.commit()

    def _save_str_memo(self, obj):
        idx = self._str_memo.get(obj)
        if idx is not None:
            # Only strings CPython would share are remembered by value.
            self._out.write(self._get(idx))
            return
        if _shared_str(obj):
            self._save_str(obj)
            if not self.fast:
                self._str_memo[obj] = self.memo[id(obj)][0]
            return
        x = self.memo.get(id(obj))
        if x is not None:
            self._out.write(self._get(x[0]))
            return
        self._save_str(obj)

    def _save_other(self, obj, t):
        rv = NotImplemented
        if self._override is not None:
            rv = self._override(obj)
        if rv is NotImplemented:
            if t is type:
                self._save_type(obj)
                return
            if t is _FunctionType:
                self._save_global(obj)
                return
            rv = self._reduce_value(obj, t)
            if rv is None:
                return
        if isinstance(rv, str):
            self._save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        self._save_reduce_tuple(rv, obj)

    def _reduce_value(self, obj, t):
        """The reduce value of obj; None once obj has been saved directly."""
        table = getattr(self, 'dispatch_table', None)
        if table is None:
            import copyreg
            table = copyreg.dispatch_table
        try:
            reduce = table.get(t) if isinstance(table, dict) else table[t]
        except KeyError:
            reduce = None
        if reduce is not None:
            return reduce(obj)
        if isinstance(obj, type):
            self._save_global(obj)
            return None
        if obj is Ellipsis or obj is NotImplemented:
            return 'Ellipsis' if obj is Ellipsis else 'NotImplemented'
        return _c.reduce_object(obj, self.proto)

    def _save_pers(self, pid):
        if self.bin:
            self.save(pid, True)
            self._out.write(b'Q')
            return
        try:
            text = str(pid).encode('ascii')
        except UnicodeEncodeError:
            raise PicklingError(
                "persistent IDs in protocol 0 must be ASCII strings") from None
        self._out.write(b'P' + text + b'\n')

    # -- memo ---------------------------------------------------------------

    def _memoize(self, obj):
        if self.fast:
            return None
        idx = len(self.memo)
        self.memo[id(obj)] = (idx, obj)
        if self.proto >= 4:
            self._out.write(b'\x94')
        elif self.bin:
            if idx < 256:
                self._out.write(b'q' + bytes([idx]))
            else:
                self._out.write(b'r' + idx.to_bytes(4, 'little'))
        else:
            self._out.write(b'p' + str(idx).encode('ascii') + b'\n')
        return idx

    def _get(self, idx):
        if self.bin:
            if idx < 256:
                return _BINGET[idx]
            return b'j' + idx.to_bytes(4, 'little')
        return b'g' + str(idx).encode('ascii') + b'\n'

    # -- atoms --------------------------------------------------------------

    def _save_bool(self, obj):
        if self.proto >= 2:
            self._out.write(b'\x88' if obj else b'\x89')
        else:
            self._out.write(b'I01\n' if obj else b'I00\n')

    def _save_int(self, obj):
        write = self._out.write
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj <= 0xff:
                    write(b'K' + bytes([obj]))
                elif 0 <= obj <= 0xffff:
                    write(b'M' + obj.to_bytes(2, 'little'))
                else:
                    write(b'J' + obj.to_bytes(4, 'little', signed=True))
            else:
                write(b'I' + str(obj).encode('ascii') + b'\n')
            return
        if self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                write(b'\x8a' + bytes([n]) + data)
            else:
                write(b'\x8b' + n.to_bytes(4, 'little', signed=True) + data)
            return
        write(b'L' + str(obj).encode('ascii') + b'L\n')

    def _save_float(self, obj):
        if self.bin:
            self._out.write(b'G' + _c.pack_double(obj))
        else:
            self._out.write(b'F' + repr(obj).encode('ascii') + b'\n')

    def _write_sized(self, header, data):
        if len(data) >= _FRAME_TARGET:
            self._out.write_large(header, data)
        else:
            self._out.write(header + data)

    def _save_bytes_data(self, obj, data):
        n = len(data)
        if n <= 0xff:
            header = b'C' + bytes([n])
        elif n <= 0xffffffff:
            header = b'B' + n.to_bytes(4, 'little')
        else:
            header = b'\x8e' + n.to_bytes(8, 'little')
        self._write_sized(header, data)
        self._memoize(obj)

    def _save_bytes(self, obj):
        if self.proto >= 3:
            self._save_bytes_data(obj, obj)
            return
        import _codecs
        # Old protocols have no bytes opcode: rebuild through
        # codecs.encode(latin-1 text), which Python 2 also understands.
        if not obj:
            self._save_reduce(bytes, (), obj=obj)
        else:
            self._save_reduce(_codecs.encode, (obj.decode('latin-1'), _LATIN1),
                              obj=obj)

    def _save_bytearray(self, obj):
        if self.proto < 5:
            args = (bytes(obj),) if len(obj) else ()
            self._save_reduce(type(obj), args, obj=obj)
            return
        data = bytes(obj)
        self._write_sized(b'\x96' + len(data).to_bytes(8, 'little'), data)
        self._memoize(obj)

    def _save_str(self, obj):
        if not self.bin:
            self._out.write(b'V' + raw_unicode_escape(obj) + b'\n')
            self._memoize(obj)
            return
        data = obj.encode('utf-8', 'surrogatepass')
        n = len(data)
        if n <= 0xff and self.proto >= 4:
            if not self.fast:
                # The common case in one write: opcode, text and MEMOIZE.
                self.memo[id(obj)] = (len(self.memo), obj)
                self._out.write(_SHORT_STR[n] + data + b'\x94')
                return
            header = _SHORT_STR[n]
        elif n > 0xffffffff and self.proto >= 4:
            header = b'\x8d' + n.to_bytes(8, 'little')
        else:
            header = b'X' + n.to_bytes(4, 'little')
        self._write_sized(header, data)
        self._memoize(obj)

    def _save_picklebuffer(self, obj):
        if self.proto < 5:
            raise PicklingError("PickleBuffer can only be pickled with protocol >= 5")
        raw = obj._pickle__data()
        in_band = True
        if self._buffer_callback is not None:
            in_band = bool(self._buffer_callback(obj))
        readonly = isinstance(raw, bytes)
        if in_band:
            if readonly:
                self._save_bytes_data(obj, raw)
            else:
                data = bytes(raw)
                self._write_sized(b'\x96' + len(data).to_bytes(8, 'little'), data)
                self._memoize(obj)
            return
        self._out.write(b'\x97')
        if readonly:
            self._out.write(b'\x98')


from _pickle_containers import ContainerSaver as _ContainerSaver  # noqa: E402


class Saver(PicklerCore, _ContainerSaver):
    pass


_DISPATCH = {
    str: PicklerCore._save_str,
    bytes: PicklerCore._save_bytes,
    bytearray: PicklerCore._save_bytearray,
    list: _ContainerSaver._save_list,
    tuple: _ContainerSaver._save_tuple,
    dict: _ContainerSaver._save_dict,
    set: _ContainerSaver._save_set,
    frozenset: _ContainerSaver._save_frozenset,
}


def register_picklebuffer(cls):
    _DISPATCH[cls] = PicklerCore._save_picklebuffer
