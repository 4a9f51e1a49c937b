"""Names for built-in types and helpers for creating classes (aio implementation)."""

import sys as _sys


# -- types obtained from real objects ----------------------------------------

def _a_function():
    pass


FunctionType = type(_a_function)
LambdaType = type(lambda: None)
BuiltinFunctionType = type(len)
BuiltinMethodType = BuiltinFunctionType
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)


class _Holder:
    def _method(self):
        pass


MethodType = type(_Holder()._method)


def _a_generator():
    yield 1


_gen = _a_generator()
GeneratorType = type(_gen)
_gen.close()


async def _a_coroutine():
    pass


_coro = _a_coroutine()
CoroutineType = type(_coro)
_coro.close()


async def _an_async_generator():
    yield 1


_agen = _an_async_generator()
AsyncGeneratorType = type(_agen)
del _gen, _coro, _agen


def _type_named(expected, make):
    """type(make()) when this interpreter provides it under its CPython name."""
    try:
        found = type(make())
    except Exception:
        return None
    return found if found.__name__ == expected else None


def _traceback():
    try:
        raise TypeError
    except TypeError as exc:
        return exc.__traceback__


def _capsule():
    import _socket
    return _socket.CAPI


# Each of these is only defined when the interpreter has the real type.
CodeType = _type_named('code', lambda: _a_function.__code__)
if CodeType is None:
    del CodeType
CellType = _type_named('cell', lambda: (lambda x: (lambda: x))(0).__closure__[0])
if CellType is None:
    del CellType
WrapperDescriptorType = _type_named('wrapper_descriptor', lambda: object.__init__)
if WrapperDescriptorType is None:
    del WrapperDescriptorType
MethodWrapperType = _type_named('method-wrapper', lambda: object().__str__)
if MethodWrapperType is None:
    del MethodWrapperType
MethodDescriptorType = _type_named('method_descriptor', lambda: str.join)
if MethodDescriptorType is None:
    del MethodDescriptorType
ClassMethodDescriptorType = _type_named('classmethod_descriptor', lambda: dict.__dict__['fromkeys'])
if ClassMethodDescriptorType is None:
    del ClassMethodDescriptorType
GetSetDescriptorType = _type_named('getset_descriptor', lambda: FunctionType.__dict__['__code__'])
if GetSetDescriptorType is None:
    del GetSetDescriptorType
MemberDescriptorType = _type_named('member_descriptor', lambda: FunctionType.__dict__['__globals__'])
if MemberDescriptorType is None:
    del MemberDescriptorType
TracebackType = _type_named('traceback', _traceback)
if TracebackType is None:
    del TracebackType
FrameType = _type_named('frame', lambda: _traceback().tb_frame)
if FrameType is None:
    del FrameType
UnionType = _type_named('UnionType', lambda: int | str)
if UnionType is None:
    del UnionType
GenericAlias = _type_named('GenericAlias', lambda: list[int])
if GenericAlias is None:
    del GenericAlias
CapsuleType = _type_named('PyCapsule', _capsule)
if CapsuleType is None:
    del CapsuleType


# -- SimpleNamespace -----------------------------------------------------------

_repr_active = set()


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __hash__(self):
        cls = type(self)
        label = "types.SimpleNamespace" if cls is SimpleNamespace else cls.__name__
        raise TypeError("unhashable type: '%s'" % label)

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError("%s expected at most 1 argument, got %d"
                            % (type(self).__name__, len(args)))
        if args:
            initial = dict(args[0])
            for key in initial:
                if not isinstance(key, str):
                    raise TypeError("keywords must be strings")
            for key, value in initial.items():
                setattr(self, key, value)
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __getattr__(self, name):
        cls = type(self)
        label = "types.SimpleNamespace" if cls is SimpleNamespace else cls.__name__
        raise AttributeError("'%s' object has no attribute '%s'" % (label, name))

    def __repr__(self):
        cls = type(self)
        label = "namespace" if cls is SimpleNamespace else cls.__name__
        key = id(self)
        if key in _repr_active:
            return label + "(...)"
        _repr_active.add(key)
        try:
            inner = ", ".join("%s=%r" % (k, v) for k, v in self.__dict__.items())
        finally:
            _repr_active.discard(key)
        return "%s(%s)" % (label, inner)

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ != other.__dict__
        return NotImplemented

    def __replace__(self, /, **changes):
        fields = dict(self.__dict__)
        fields.update(changes)
        return type(self)(**fields)


# -- MappingProxyType ------------------------------------------------------------

_builtin_proxy = type(type.__dict__)
if _builtin_proxy.__name__ == 'mappingproxy':
    MappingProxyType = _builtin_proxy
else:
    class mappingproxy:
        """Read-only proxy of a mapping."""
        __module__ = 'builtins'
        __slots__ = ('_target',)

        def __new__(cls, mapping):
            if (isinstance(mapping, (list, tuple, str, bytes))
                    or not hasattr(mapping, '__getitem__')
                    or not hasattr(mapping, 'keys')):
                raise TypeError("mappingproxy() argument must be a mapping, not %s"
                                % type(mapping).__name__)
            self = object.__new__(cls)
            object.__setattr__(self, '_target', mapping)
            return self

        def __getitem__(self, key):
            return self._target[key]

        def __setitem__(self, key, value):
            raise TypeError("'mappingproxy' object does not support item assignment")

        def __delitem__(self, key):
            raise TypeError("'mappingproxy' object does not support item deletion")

        def __setattr__(self, name, value):
            raise AttributeError("'mappingproxy' object has no attribute %r and no "
                                 "__dict__ for setting new attributes" % name)

        def __len__(self):
            return len(self._target)

        def __iter__(self):
            return iter(self._target)

        def __reversed__(self):
            return reversed(self._target)

        def __contains__(self, key):
            return key in self._target

        def get(self, key, default=None):
            return self._target.get(key, default)

        def keys(self):
            return self._target.keys()

        def values(self):
            return self._target.values()

        def items(self):
            return self._target.items()

        def copy(self):
            return self._target.copy()

        def __eq__(self, other):
            if isinstance(other, _MappingProxy):
                other = other._target
            return self._target == other

        def __ne__(self, other):
            if isinstance(other, _MappingProxy):
                other = other._target
            return self._target != other

        def __hash__(self):
            return hash(self._target)

        def __or__(self, other):
            if isinstance(other, _MappingProxy):
                other = other._target
            if not isinstance(other, dict) and not hasattr(other, 'keys'):
                return NotImplemented
            merged = dict(self._target)
            merged.update(other)
            return merged

        def __ror__(self, other):
            if not isinstance(other, dict) and not hasattr(other, 'keys'):
                return NotImplemented
            merged = dict(other)
            merged.update(self._target)
            return merged

        def __ior__(self, other):
            raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

        def __repr__(self):
            return "mappingproxy(%r)" % (self._target,)

        def __str__(self):
            return str(self._target)

    MappingProxyType = _MappingProxy = mappingproxy
    del mappingproxy
del _builtin_proxy


# -- class creation helpers ----------------------------------------------------

def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    result = []
    changed = False
    for base in bases:
        if isinstance(base, type) or not hasattr(base, "__mro_entries__"):
            result.append(base)
            continue
        entries = base.__mro_entries__(bases)
        changed = True
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        result.extend(entries)
    return tuple(result) if changed else bases


def _most_derived_meta(meta, bases):
    winner = meta
    for base in bases:
        candidate = type(base)
        if issubclass(winner, candidate):
            continue
        if issubclass(candidate, winner):
            winner = candidate
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must "
                        "be a (non-strict) subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Return (metaclass, namespace, remaining keywords) for a class statement."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if isinstance(meta, type):
        meta = _most_derived_meta(meta, bases)
    prepare = getattr(meta, '__prepare__', None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    real_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, real_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if real_bases is not bases:
        ns['__orig_bases__'] = bases
    if '__module__' not in ns:
        ns['__module__'] = 'types'
    return meta(name, real_bases, ns, **kwds)


def get_original_bases(cls, /):
    """Return the class's "original" bases prior to modification by __mro_entries__."""
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(f"Expected an instance of type, not {type(cls).__name__!r}") from None


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def _copy(self, **changes):
        parts = dict(fget=self.fget, fset=self.fset, fdel=self.fdel,
                     doc=None if self.overwrite_doc else self.__doc__)
        parts.update(changes)
        fresh = type(self)(**parts)
        fresh.overwrite_doc = self.overwrite_doc
        return fresh

    def getter(self, fget):
        return self._copy(fget=fget)

    def setter(self, fset):
        return self._copy(fset=fset)

    def deleter(self, fdel):
        return self._copy(fdel=fdel)


# -- coroutine -------------------------------------------------------------------

class _AwaitableGenerator:
    """Wrap a generator so that it can be awaited (generator-based coroutine)."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, value):
        return self.__wrapped.send(value)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_running = gi_running
    cr_frame = gi_frame
    cr_code = gi_code
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self.__wrapped

    __await__ = __iter__


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    import inspect as _inspect
    if _inspect.iscoroutinefunction(func):
        return func

    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, CoroutineType):
            return result
        if isinstance(result, GeneratorType):
            return _AwaitableGenerator(result)
        return result

    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            setattr(wrapped, attr, getattr(func, attr))
        except (AttributeError, TypeError):
            pass
    wrapped.__wrapped__ = func
    return wrapped


__all__ = [_n for _n in globals() if _n[:1] != '_']
