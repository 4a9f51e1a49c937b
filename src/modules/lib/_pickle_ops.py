"""Opcode handlers of the unpickler, one function per opcode, each taking
the unpickler (see _pickle_load.LoaderCore for the stack helpers)."""

import _pickle_common as _c
from _pickle_common import UnpicklingError


def _strtol(text):
    """int(text) with C's base-0 rules (0x.. hex, 0.. octal)."""
    s = text.strip()
    body = s.lstrip('+-')
    sign = -1 if s.startswith('-') else 1
    try:
        if body[:2] in ('0x', '0X'):
            return sign * int(body[2:], 16)
        if len(body) > 1 and body[0] == '0' and body.isdigit():
            return sign * int(body, 8)
        return int(s)
    except ValueError:
        raise ValueError("could not convert string to int") from None


def _escape_decode(text):
    """Python-2 string escapes (\\n, \\xNN, octal, ...) to bytes."""
    out = bytearray()
    data = text.encode('latin-1')
    i, n = 0, len(data)
    simple = {ord('n'): 10, ord('t'): 9, ord('r'): 13, ord('\\'): 92,
              ord("'"): 39, ord('"'): 34, ord('a'): 7, ord('b'): 8,
              ord('f'): 12, ord('v'): 11}
    while i < n:
        c = data[i]
        if c != 92 or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        e = data[i + 1]
        i += 2
        if e in simple:
            out.append(simple[e])
        elif e == ord('\n'):
            pass
        elif e == ord('x'):
            out.append(int(data[i:i + 2], 16))
            i += 2
        elif 48 <= e <= 55:
            j = i
            while j < n and j < i + 2 and 48 <= data[j] <= 55:
                j += 1
            out.append(int(bytes([e]) + data[i:j], 8) & 0xff)
            i = j
        else:
            out.append(92)
            out.append(e)
    return bytes(out)


def _raw_unicode_unescape(data):
    """Decode protocol 0 text: latin-1 with \\uXXXX and \\UXXXXXXXX."""
    text = data.decode('latin-1')
    if '\\' not in text:
        return text
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '\\' and i + 1 < n and text[i + 1] in 'uU':
            width = 4 if text[i + 1] == 'u' else 8
            out.append(chr(int(text[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            out.append(c)
            i += 1
    return ''.join(out)


# -- stack and memo -----------------------------------------------------------

def load_mark(self):
    self.marks.append(len(self.stack))


def load_pop(self):
    if self.marks and self.marks[-1] == len(self.stack):
        self.marks.pop()
    else:
        self._pop()


def load_pop_mark(self):
    self._pop_mark()


def load_dup(self):
    self.stack.append(self._top())


def _memo_get(self, idx):
    try:
        self.stack.append(self.memo[idx])
    except KeyError:
        raise UnpicklingError(f"Memo value not found at index {idx}") from None


def load_get(self):
    _memo_get(self, _strtol(self._readline_text()))


def load_binget(self):
    _memo_get(self, self._read_int(1))


def load_long_binget(self):
    _memo_get(self, self._read_int(4))


def load_put(self):
    idx = _strtol(self._readline_text())
    if idx < 0:
        raise ValueError("negative PUT argument")
    self.memo[idx] = self._top()


def load_binput(self):
    idx = self._read_int(1)
    self.memo[idx] = self._top()


def load_long_binput(self):
    idx = self._read_int(4, True)
    if idx < 0:
        raise ValueError("negative LONG_BINPUT argument")
    self.memo[idx] = self._top()


def load_memoize(self):
    self.memo[len(self.memo)] = self._top()


def load_frame(self):
    self._in.load_frame(self._read_int(8))


def load_proto(self):
    proto = self._read_int(1)
    if proto > _c.HIGHEST_PROTOCOL:
        raise ValueError(f"unsupported pickle protocol: {proto}")
    self.proto = proto


# -- atoms ----------------------------------------------------------------------

def load_none(self):
    self.stack.append(None)


def load_true(self):
    self.stack.append(True)


def load_false(self):
    self.stack.append(False)


def load_int(self):
    text = self._readline_text()
    if text == '00':
        value = False
    elif text == '01':
        value = True
    else:
        value = _strtol(text)
    self.stack.append(value)


def load_binint(self):
    self.stack.append(self._read_int(4, True))


def load_binint1(self):
    self.stack.append(self._read_int(1))


def load_binint2(self):
    self.stack.append(self._read_int(2))


def load_long(self):
    text = self._readline_text()
    if text.endswith('L'):
        text = text[:-1]
    self.stack.append(_strtol(text))


def load_long1(self):
    n = self._read_int(1)
    self.stack.append(int.from_bytes(self._in.read(n), 'little', signed=True))


def load_long4(self):
    n = self._read_int(4, True)
    if n < 0:
        raise UnpicklingError("LONG pickle has negative byte count")
    self.stack.append(int.from_bytes(self._in.read(n), 'little', signed=True))


def load_float(self):
    line = self._in.readline().decode('latin-1')
    try:
        value = float(line)
    except ValueError:
        raise ValueError(f"could not convert string to float: '{line}'") from None
    self.stack.append(value)


def load_binfloat(self):
    import struct
    self.stack.append(struct.unpack('>d', self._in.read(8))[0])


# -- strings and bytes ------------------------------------------------------------

def load_string(self):
    data = self._readline_text()
    if len(data) >= 2 and data[0] == data[-1] and data[0] in '\'"':
        data = data[1:-1]
    else:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    self.stack.append(self._decode_string(_escape_decode(data)))


def load_binstring(self):
    n = self._read_int(4)
    self.stack.append(self._decode_string(self._in.read(n)))


def load_short_binstring(self):
    n = self._read_int(1)
    self.stack.append(self._decode_string(self._in.read(n)))


def load_binbytes(self):
    self.stack.append(self._in.read(self._read_int(4)))


def load_short_binbytes(self):
    self.stack.append(self._in.read(self._read_int(1)))


def load_binbytes8(self):
    self.stack.append(self._in.read(self._read_int(8)))


def load_bytearray8(self):
    self.stack.append(bytearray(self._in.read(self._read_int(8))))


def load_unicode(self):
    self.stack.append(_raw_unicode_unescape(self._in.readline()[:-1]))


def _utf8(data):
    return data.decode('utf-8', 'surrogatepass')


def load_binunicode(self):
    self.stack.append(_utf8(self._in.read(self._read_int(4))))


def load_short_binunicode(self):
    self.stack.append(_utf8(self._in.read(self._read_int(1))))


def load_binunicode8(self):
    self.stack.append(_utf8(self._in.read(self._read_int(8))))


def load_next_buffer(self):
    if self._buffers is None:
        raise UnpicklingError("pickle stream refers to out-of-band data but no "
                              "*buffers* argument was given")
    try:
        buf = next(self._buffers)
    except StopIteration:
        raise UnpicklingError("not enough out-of-band buffers") from None
    self.stack.append(buf)


def load_readonly_buffer(self):
    top = self._top()
    if not isinstance(top, bytes):
        data = getattr(top, '_pickle__data', None)
        self.stack[-1] = bytes(data() if data is not None else top)


# -- containers ----------------------------------------------------------------------

def load_empty_tuple(self):
    self.stack.append(())


def load_tuple(self):
    self.stack.append(tuple(self._pop_mark()))


def _load_tuple_n(n):
    def load(self):
        stack = self.stack
        if len(stack) - self._fence() < n:
            self._underflow()
        items = tuple(stack[-n:])
        del stack[-n:]
        stack.append(items)
    return load


def load_empty_list(self):
    self.stack.append([])


def load_list(self):
    self.stack.append(self._pop_mark())


def _extend(target, items):
    if type(target) is list:
        target.extend(items)
        return
    extend = getattr(target, 'extend', None)
    if extend is not None:
        extend(items)
        return
    append = target.append
    for item in items:
        append(item)


def load_append(self):
    value = self._pop()
    target = self._top()
    if type(target) is list:
        target.append(value)
    else:
        _extend(target, [value])


def load_appends(self):
    items = self._pop_mark()
    _extend(self._top(), items)


def load_empty_dict(self):
    self.stack.append({})


def load_dict(self):
    items = self._pop_mark()
    if len(items) % 2:
        raise UnpicklingError("odd number of items for DICT")
    self.stack.append({items[i]: items[i + 1] for i in range(0, len(items), 2)})


def load_setitem(self):
    value = self._pop()
    key = self._pop()
    self._top()[key] = value


def load_setitems(self):
    items = self._pop_mark()
    if len(items) % 2:
        raise UnpicklingError("odd number of items for SETITEMS")
    target = self._top()
    for i in range(0, len(items), 2):
        target[items[i]] = items[i + 1]


def load_empty_set(self):
    self.stack.append(set())


def load_additems(self):
    items = self._pop_mark()
    target = self._top()
    if type(target) is set:
        target.update(items)
    else:
        add = target.add
        for item in items:
            add(item)


def load_frozenset(self):
    self.stack.append(frozenset(self._pop_mark()))


# -- objects ---------------------------------------------------------------------------

def _global_names(self):
    module = self._in.readline()[:-1].decode('utf-8')
    name = self._in.readline()[:-1].decode('utf-8')
    return module, name


def load_global(self):
    module, name = _global_names(self)
    self.stack.append(self.find_class(module, name))


def load_stack_global(self):
    name = self._pop()
    module = self._pop()
    if type(name) is not str or type(module) is not str:
        raise UnpicklingError("STACK_GLOBAL requires str")
    self.stack.append(self.find_class(module, name))


def load_reduce(self):
    args = self._pop()
    func = self._top()
    if not isinstance(args, tuple):
        raise TypeError("argument list must be a tuple")
    self.stack[-1] = func(*args)


def _newobj(self, cls, args, kwargs, opname):
    if not isinstance(cls, type):
        raise UnpicklingError(f"{opname} class argument must be a type, "
                              f"not {type(cls).__name__}")
    if not isinstance(args, tuple):
        raise UnpicklingError(f"{opname} args argument must be a tuple, "
                              f"not {type(args).__name__}")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise UnpicklingError(f"{opname} kwargs argument must be a dict, "
                              f"not {type(kwargs).__name__}")
    return cls.__new__(cls, *args, **(kwargs or {}))


def load_newobj(self):
    args = self._pop()
    cls = self._pop()
    self.stack.append(_newobj(self, cls, args, None, 'NEWOBJ'))


def load_newobj_ex(self):
    kwargs = self._pop()
    args = self._pop()
    cls = self._pop()
    self.stack.append(_newobj(self, cls, args, kwargs, 'NEWOBJ_EX'))


def _instantiate(cls, args):
    if not args and isinstance(cls, type) and not hasattr(cls, '__getinitargs__'):
        return cls.__new__(cls)
    return cls(*args)


def load_inst(self):
    module, name = _global_names(self)
    cls = self.find_class(module, name)
    args = self._pop_mark()
    self.stack.append(_instantiate(cls, tuple(args)))


def load_obj(self):
    args = self._pop_mark()
    if not args:
        self._underflow()
    self.stack.append(_instantiate(args[0], tuple(args[1:])))


def load_build(self):
    state = self._pop()
    inst = self._top()
    setstate = getattr(inst, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state is not None:
        if not isinstance(state, dict):
            raise UnpicklingError("state is not a dictionary")
        inst.__dict__   # CPython reads it first: objects without one fail here
        for k, v in state.items():
            object.__setattr__(inst, k, v)
    if slotstate is not None:
        if not isinstance(slotstate, dict):
            raise UnpicklingError("slot state is not a dictionary")
        for k, v in slotstate.items():
            setattr(inst, k, v)


def load_persid(self):
    try:
        pid = self._in.readline()[:-1].decode('ascii')
    except UnicodeDecodeError:
        raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
    self.stack.append(self.persistent_load(pid))


def load_binpersid(self):
    pid = self._pop()
    self.stack.append(self.persistent_load(pid))


def _load_ext(size):
    def load(self):
        code = self._read_int(size, size == 4)
        import copyreg
        if code <= 0:
            raise UnpicklingError("EXT specifies code <= 0")
        cached = copyreg._extension_cache.get(code, _MISSING)
        if cached is not _MISSING:
            self.stack.append(cached)
            return
        key = copyreg._inverted_registry.get(code)
        if key is None:
            raise ValueError(f"unregistered extension code {code}")
        obj = self.find_class(*key)
        copyreg._extension_cache[code] = obj
        self.stack.append(obj)
    return load


_MISSING = object()

DISPATCH = {
    b'(': load_mark, b'0': load_pop, b'1': load_pop_mark, b'2': load_dup,
    b'g': load_get, b'h': load_binget, b'j': load_long_binget,
    b'p': load_put, b'q': load_binput, b'r': load_long_binput,
    b'\x94': load_memoize, b'\x95': load_frame, b'\x80': load_proto,
    b'N': load_none, b'\x88': load_true, b'\x89': load_false,
    b'I': load_int, b'J': load_binint, b'K': load_binint1, b'M': load_binint2,
    b'L': load_long, b'\x8a': load_long1, b'\x8b': load_long4,
    b'F': load_float, b'G': load_binfloat,
    b'S': load_string, b'T': load_binstring, b'U': load_short_binstring,
    b'B': load_binbytes, b'C': load_short_binbytes, b'\x8e': load_binbytes8,
    b'\x96': load_bytearray8, b'V': load_unicode, b'X': load_binunicode,
    b'\x8c': load_short_binunicode, b'\x8d': load_binunicode8,
    b'\x97': load_next_buffer, b'\x98': load_readonly_buffer,
    b')': load_empty_tuple, b't': load_tuple, b'\x85': _load_tuple_n(1),
    b'\x86': _load_tuple_n(2), b'\x87': _load_tuple_n(3),
    b']': load_empty_list, b'l': load_list, b'a': load_append, b'e': load_appends,
    b'}': load_empty_dict, b'd': load_dict, b's': load_setitem, b'u': load_setitems,
    b'\x8f': load_empty_set, b'\x90': load_additems, b'\x91': load_frozenset,
    b'c': load_global, b'\x93': load_stack_global, b'R': load_reduce,
    b'\x81': load_newobj, b'\x92': load_newobj_ex, b'i': load_inst, b'o': load_obj,
    b'b': load_build, b'P': load_persid, b'Q': load_binpersid,
    b'\x82': _load_ext(1), b'\x83': _load_ext(2), b'\x84': _load_ext(4),
}
