"""Pickler methods for containers, reduce tuples and globals, laid out as
CPython's C pickler does (batches of 1000, APPEND/SETITEM for single-item
batches, recursion checks through the memo)."""

import _pickle_common as _c
from _pickle_common import PicklingError

_BATCH = 1000


def _callable_name(obj):
    name = getattr(obj, '__name__', None)
    return name if isinstance(name, str) else ''


class ContainerSaver:

    # -- tuples -------------------------------------------------------------

    def _save_tuple(self, obj):
        write = self._out.write
        n = len(obj)
        if n == 0:
            write(b')' if self.proto else b'(t')
            return
        save = self.save
        if n <= 3 and self.proto >= 2:
            for item in obj:
                save(item)
            if id(obj) in self.memo:
                # Recursive tuple: it was memoized while saving its items.
                write(b'0' * n)
                write(self._get(self.memo[id(obj)][0]))
                return
            write((b'\x85', b'\x86', b'\x87')[n - 1])
        else:
            write(b'(')
            for item in obj:
                save(item)
            if id(obj) in self.memo:
                write(b'1' if self.bin else b'0' * (n + 1))
                write(self._get(self.memo[id(obj)][0]))
                return
            write(b't')
        self._memoize(obj)

    # -- lists --------------------------------------------------------------

    def _save_list(self, obj):
        self._out.write(b']' if self.bin else b'(l')
        self._memoize(obj)
        if not obj:
            return
        if type(obj) is list and self.proto > 0:
            self._batch_list_exact(obj)
        else:
            self._batch_appends(iter(obj))

    def _batch_list_exact(self, obj):
        write = self._out.write
        save = self.save
        if len(obj) == 1:
            save(obj[0])
            write(b'a')
            return
        total = 0
        while True:
            write(b'(')
            count = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                count += 1
                if count == _BATCH:
                    break
            write(b'e')
            if total >= len(obj):
                return

    def _batch_appends(self, items):
        write = self._out.write
        save = self.save
        if self.proto == 0:
            for item in items:
                save(item)
                write(b'a')
            return
        while True:
            first = next(items, _END)
            if first is _END:
                return
            second = next(items, _END)
            if second is _END:
                save(first)
                write(b'a')
                return
            write(b'(')
            save(first)
            n = 1
            item = second
            while item is not _END:
                save(item)
                n += 1
                if n == _BATCH:
                    break
                item = next(items, _END)
            write(b'e')
            if n != _BATCH:
                return

    # -- dicts --------------------------------------------------------------

    def _save_dict(self, obj):
        self._out.write(b'}' if self.bin else b'(d')
        self._memoize(obj)
        if not obj:
            return
        if type(obj) is dict and self.proto > 0:
            self._batch_dict_exact(obj)
        else:
            self._batch_setitems(iter(obj.items()))

    def _batch_dict_exact(self, obj):
        write = self._out.write
        save = self.save
        size = len(obj)
        if size == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            write(b's')
            return
        items = iter(list(obj.items()))
        while True:
            write(b'(')
            i = 0
            for k, v in items:
                save(k)
                save(v)
                i += 1
                if i == _BATCH:
                    break
            write(b'u')
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            # A batch that ends exactly on the last item is followed by an
            # empty MARK/SETITEMS pair, as in CPython.
            if i != _BATCH:
                return

    def _batch_setitems(self, items):
        write = self._out.write
        save = self.save
        if self.proto == 0:
            for pair in items:
                k, v = _pair(pair)
                save(k)
                save(v)
                write(b's')
            return
        while True:
            first = next(items, _END)
            if first is _END:
                return
            second = next(items, _END)
            if second is _END:
                k, v = _pair(first)
                save(k)
                save(v)
                write(b's')
                return
            write(b'(')
            k, v = _pair(first)
            save(k)
            save(v)
            n = 1
            item = second
            while item is not _END:
                k, v = _pair(item)
                save(k)
                save(v)
                n += 1
                if n == _BATCH:
                    break
                item = next(items, _END)
            write(b'u')
            if n != _BATCH:
                return

    # -- sets ---------------------------------------------------------------

    def _save_set(self, obj):
        if self.proto < 4:
            self._save_reduce(set, (list(obj),), obj=obj)
            return
        write = self._out.write
        write(b'\x8f')
        self._memoize(obj)
        if not obj:
            return
        size = len(obj)
        items = iter(list(obj))
        save = self.save
        while True:
            write(b'(')
            i = 0
            for item in items:
                save(item)
                i += 1
                if i == _BATCH:
                    break
            write(b'\x90')
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if i != _BATCH:
                return

    def _save_frozenset(self, obj):
        if self.proto < 4:
            self._save_reduce(frozenset, (list(obj),), obj=obj)
            return
        write = self._out.write
        write(b'(')
        for item in obj:
            self.save(item)
        if id(obj) in self.memo:
            write(b'1')
            write(self._get(self.memo[id(obj)][0]))
            return
        write(b'\x91')
        self._memoize(obj)

    # -- reduce -------------------------------------------------------------

    def _save_reduce_tuple(self, rv, obj):
        n = len(rv)
        if not 2 <= n <= 6:
            raise PicklingError(
                "tuple returned by __reduce__ must contain 2 through 6 elements")
        func, args = rv[0], rv[1]
        state = rv[2] if n > 2 else None
        listitems = rv[3] if n > 3 else None
        dictitems = rv[4] if n > 4 else None
        setter = rv[5] if n > 5 else None
        if not callable(func):
            raise PicklingError(
                "first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError(
                "second item of the tuple returned by __reduce__ must be a tuple")
        _check_iterator(listitems, 'fourth')
        _check_iterator(dictitems, 'fifth')
        if setter is not None and not callable(setter):
            raise PicklingError("sixth element of the tuple returned by __reduce__ "
                                f"must be a function, not {type(setter).__name__}")
        self._save_reduce(func, args, state, listitems, dictitems, setter, obj=obj)

    def _save_reduce(self, func, args, state=None, listitems=None,
                     dictitems=None, state_setter=None, obj=None):
        save = self.save
        write = self._out.write
        name = _callable_name(func) if self.proto >= 2 else ''
        if name == '__newobj_ex__':
            self._save_newobj_ex(args)
        elif name == '__newobj__':
            self._save_newobj(args, obj)
        else:
            save(func)
            save(args)
            write(b'R')
        if obj is not None:
            if id(obj) in self.memo:
                # obj was saved while saving its own arguments.
                write(b'0')
                write(self._get(self.memo[id(obj)][0]))
            else:
                self._memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                write(b'b')
            else:
                save(state_setter)
                save(obj)
                save(state)
                write(b'\x86R0')

    def _save_newobj(self, args, obj):
        if not args:
            raise PicklingError("__newobj__ arglist is empty")
        cls = args[0]
        if not isinstance(cls, type):
            raise PicklingError("args[0] from __newobj__ args is not a type")
        if obj is not None and getattr(obj, '__class__', type(obj)) is not cls:
            raise PicklingError("args[0] from __newobj__ args has the wrong class")
        self.save(cls)
        self.save(args[1:])
        self._out.write(b'\x81')

    def _save_newobj_ex(self, args):
        if len(args) != 3:
            raise PicklingError("length of the NEWOBJ_EX argument tuple must be "
                                f"exactly 3, not {len(args)}")
        cls, cargs, kwargs = args
        if not isinstance(cls, type):
            raise PicklingError("first item from NEWOBJ_EX argument tuple must be "
                                f"a class, not {type(cls).__name__}")
        if not isinstance(cargs, tuple):
            raise PicklingError("second item from NEWOBJ_EX argument tuple must be "
                                f"a tuple, not {type(cargs).__name__}")
        if not isinstance(kwargs, dict):
            raise PicklingError("third item from NEWOBJ_EX argument tuple must be "
                                f"a dict, not {type(kwargs).__name__}")
        if self.proto >= 4:
            self.save(cls)
            self.save(cargs)
            self.save(kwargs)
            self._out.write(b'\x92')
            return
        import functools
        self.save(functools.partial(cls.__new__, cls, *cargs, **kwargs))
        self.save(())
        self._out.write(b'R')

    # -- globals ------------------------------------------------------------

    def _save_type(self, obj):
        for singleton in (None, Ellipsis, NotImplemented):
            if obj is type(singleton):
                self._save_reduce(type, (singleton,), obj=obj)
                return
        self._save_global(obj)

    def _save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        path = name.split('.')
        if '<locals>' in path:
            raise AttributeError(f"Can't get local object {name!r}")
        module_name = _c.whichmodule(obj, path)
        parent, module = self._locate_global(obj, name, path, module_name)
        if self.proto >= 2 and self._save_extension(module_name, name):
            return
        if self.proto >= 4:
            mod_shared, name_shared = _string_sharing(obj, module_name, name)
            self._save_global_str(module_name, mod_shared)
            self._save_global_str(name, name_shared)
            self._out.write(b'\x93')
        elif len(path) > 1:
            self._save_getattr_chain(module_name, path)
        else:
            self._write_global(module_name, name)
        self._memoize(obj)

    def _save_global_str(self, s, shared):
        if not shared:
            self._save_str(s)
            return
        idx = self._str_memo.get(s)
        if idx is not None:
            self._out.write(self._get(idx))
            return
        self._save_str(s)
        if not self.fast:
            self._str_memo[s] = self.memo[id(s)][0]

    def _save_getattr_chain(self, module_name, path):
        # A nested name before protocol 4: getattr(parent, last) where the
        # parent is written the same way, none of it memoized (as CPython).
        write = self._out.write
        self.save(getattr)
        if self.proto < 2:
            write(b'(')
        if len(path) == 2:
            self._write_global(module_name, path[0])
        else:
            self._save_getattr_chain(module_name, path[:-1])
        # The name is a fresh piece of the split qualname: never shared.
        self._save_str(path[-1])
        write(b't' if self.proto < 2 else b'\x86')
        write(b'R')

    def _locate_global(self, obj, name, path, module_name):
        """(parent, module) of obj, checking that obj is found there."""
        if module_name == '__main__' and _c.main_module() is None:
            # No __main__ module to check against (see MAIN_OBJECTS).
            if '<lambda>' in path:
                raise PicklingError(f"Can't pickle {obj!r}: attribute lookup "
                                    f"{name} on {module_name} failed")
            _c.remember_main(name, obj)
            return None, None
        try:
            module = _c.import_module(module_name)
        except Exception:
            raise PicklingError(f"Can't pickle {obj!r}: import of module "
                                f"{module_name!r} failed") from None
        try:
            parent, found = _c.deep_getattr(module, path)
        except AttributeError:
            raise PicklingError(f"Can't pickle {obj!r}: attribute lookup "
                                f"{name} on {module_name} failed") from None
        if found is not obj:
            raise PicklingError(f"Can't pickle {obj!r}: it's not the same object "
                                f"as {module_name}.{name}")
        return parent, module

    def _save_extension(self, module_name, name):
        import copyreg
        code = copyreg._extension_registry.get((module_name, name))
        if code is None:
            return False
        write = self._out.write
        if code <= 0xff:
            write(b'\x82' + bytes([code]))
        elif code <= 0xffff:
            write(b'\x83' + code.to_bytes(2, 'little'))
        else:
            write(b'\x84' + code.to_bytes(4, 'little', signed=True))
        return True

    def _write_global(self, module_name, name):
        if self.fix_imports:
            import _compat_pickle as compat
            key = (module_name, name)
            if key in compat.REVERSE_NAME_MAPPING:
                module_name, name = compat.REVERSE_NAME_MAPPING[key]
            elif module_name in compat.REVERSE_IMPORT_MAPPING:
                module_name = compat.REVERSE_IMPORT_MAPPING[module_name]
        encoding = 'utf-8' if self.proto == 3 else 'ascii'
        try:
            mod = module_name.encode(encoding)
        except UnicodeEncodeError:
            raise PicklingError(f"can't pickle module identifier '{module_name}' "
                                f"using pickle protocol {self.proto}") from None
        try:
            glob = name.encode(encoding)
        except UnicodeEncodeError:
            raise PicklingError(f"can't pickle global identifier '{name}' "
                                f"using pickle protocol {self.proto}") from None
        self._out.write(b'c' + mod + b'\n' + glob + b'\n')


# Which of a global's module and qualified name strings CPython shares with
# equal strings elsewhere in a pickle. Python-level classes and functions
# have interned names. Static C types have an interned module but make a
# new qualname string on each access; C types built from specs ("heap
# types") make new strings for both; C functions have an interned module.
_C_FUNCTION_MODULES = frozenset({
    'builtins', 'array', '_codecs', 'math', 'cmath', '_operator', '_functools',
    'itertools', '_struct', 'time', 'binascii', '_heapq', '_bisect', 'sys', 'gc',
    'atexit', '_pickle'})
_C_STATIC_MODULES = frozenset({'builtins', 'datetime'})
_C_STATIC_TYPES = frozenset({('collections', 'OrderedDict')})
_C_HEAP_MODULES = frozenset({'array', 'decimal', '_struct', 'itertools', '_pickle'})
_C_HEAP_TYPES = frozenset({('collections', 'deque'), ('collections', 'defaultdict'),
                           ('functools', 'partial')})
_BuiltinFunction = type(len)


def _string_sharing(obj, module_name, name):
    """(module string shared, qualname string shared) for a global."""
    if isinstance(obj, type):
        key = (module_name, name)
        if module_name in _C_HEAP_MODULES or key in _C_HEAP_TYPES:
            return False, False
        if module_name in _C_STATIC_MODULES or key in _C_STATIC_TYPES:
            return True, False
        return True, True
    if type(obj) is _BuiltinFunction or module_name in _C_FUNCTION_MODULES:
        return True, False
    return True, True


_END = object()


def _pair(item):
    if not isinstance(item, tuple) or len(item) != 2:
        raise TypeError("dict items iterator must return 2-tuples")
    return item


def _check_iterator(value, which):
    if value is None:
        return
    if not hasattr(type(value), '__next__'):
        raise PicklingError(f"{which} element of the tuple returned by __reduce__ "
                            f"must be an iterator, not {type(value).__name__}")
