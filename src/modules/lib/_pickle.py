"""The pickler and unpickler behind the pickle module (CPython's C
accelerator is also called _pickle; classes and functions here report
that module name, as in CPython)."""

import _pickle_common as _common
from _pickle_common import (PickleError, PicklingError, UnpicklingError,  # noqa: F401
                            HIGHEST_PROTOCOL, DEFAULT_PROTOCOL)
from _pickle_save import Saver as _Saver, register_picklebuffer as _register_pb
from _pickle_load import LoaderCore as _LoaderCore, _Input


class PickleBuffer:
    """Wrapper for a bytes-like object, letting protocol 5 pickle its data
    out of band (through buffer_callback) or in band."""

    def __init__(self, buffer):
        if not isinstance(buffer, (bytes, bytearray)):
            name = type(buffer).__name__
            raise TypeError(f"a bytes-like object is required, not '{name}'")
        self._buffer = buffer

    def _pickle__data(self):
        if self._buffer is None:
            raise ValueError("operation forbidden on released PickleBuffer object")
        return self._buffer

    def raw(self):
        """The underlying data (aio has no memoryview: the object itself)."""
        return self._pickle__data()

    def release(self):
        """Release the underlying buffer."""
        self._buffer = None

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'pickle.PickleBuffer' object")


_register_pb(PickleBuffer)


class Pickler(_Saver):
    """Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)

    Writes pickles of objects to the binary file (anything with a write()
    method taking bytes). Subclasses may define persistent_id(obj),
    reducer_override(obj) and a dispatch_table."""

    def __init__(self, file, protocol=None, fix_imports=True, buffer_callback=None):
        self._setup(file, protocol, fix_imports, buffer_callback)

    def persistent_id(self, obj):
        return None

    def dump(self, obj):
        """Write a pickled representation of obj to the file."""
        if not hasattr(self, '_out'):
            raise PicklingError("Pickler.__init__() was not called by "
                                f"{type(self).__name__}.__init__()")
        data = self._dump_bytes(obj)
        self._file_write(data)

    def clear_memo(self):
        """Forget the objects already pickled (the memo)."""
        self.memo.clear()
        self._str_memo.clear()


_common.default_persistent_id = Pickler.persistent_id


class Unpickler(_LoaderCore):
    """Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',
    buffers=())

    Reads pickles from the binary file (anything with read() and
    readline() methods). Subclasses may define persistent_load(pid) and
    override find_class(module, name)."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._setup(file, fix_imports, encoding, errors, buffers)

    def load(self):
        """Read one pickled object from the file and return it."""
        if not hasattr(self, '_file'):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  f"{type(self).__name__}.__init__()")
        return self._run(_Input(None, self._file))


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickle of obj as a bytes object."""
    pickler = Pickler.__new__(Pickler)
    pickler._setup(_common.NO_FILE, protocol, fix_imports, buffer_callback)
    return pickler._dump_bytes(obj)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write the pickle of obj to the open binary file."""
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def _bytes_of(data):
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    inner = getattr(data, '_pickle__data', None)
    if inner is not None:
        return bytes(inner())
    tobytes = getattr(data, '_array__bytes', None)
    if tobytes is not None:
        return tobytes()
    raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    """Read a pickled object from the bytes-like data and return it."""
    data = _bytes_of(data)
    unpickler = Unpickler.__new__(Unpickler)
    unpickler._setup(_common.NO_FILE, fix_imports, encoding, errors, buffers)
    return unpickler._run(_Input(data))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    """Read one pickled object from the open binary file and return it."""
    return Unpickler(file, fix_imports=fix_imports, encoding=encoding,
                     errors=errors, buffers=buffers).load()


