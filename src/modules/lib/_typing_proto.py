"""typing's protocol checks (a private part of typing, loaded when the
first protocol class is made)."""

from abc import ABCMeta
from typing import Generic, Protocol, _GenericAlias


# --- protocols ---------------------------------------------------------------------------

_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible', 'Buffer',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}

_EXCLUDED = frozenset({
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
    '_is_runtime_protocol', '__protocol_attrs__',
    '__non_callable_proto_members__', '__type_params__',
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
    '__weakref__', '__class_getitem__', '__match_args__',
    '__static_attributes__', '__firstlineno__', '_MutableMapping__marker',
    '__qualname__', '__classcell__',
})

# Checks made from inside ABCMeta (its walk over subclasses) may consult
# protocols that are not runtime-checkable: CPython allows calls that come
# from the abc module.
_reckless = [0]


def _abc_instancecheck(cls, instance):
    _reckless[0] += 1
    try:
        return ABCMeta.__instancecheck__(cls, instance)
    finally:
        _reckless[0] -= 1


def _abc_subclasscheck(cls, other):
    _reckless[0] += 1
    try:
        return ABCMeta.__subclasscheck__(cls, other)
    finally:
        _reckless[0] -= 1


def check_protocol_bases(bases):
    for base in bases:
        if not (base is object or base is Generic
                or base.__name__ in _PROTO_ALLOWLIST.get(base.__module__, [])
                or (issubclass(base, Generic) and
                    getattr(base, "_is_protocol", False))):
            raise TypeError("Protocols can only inherit from other "
                            f"protocols, got {base!r}")


def get_protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        own = base.__dict__
        for attr in list(own) + list(own.get('__annotations__', {})):
            if not attr.startswith('_abc_') and attr not in _EXCLUDED:
                attrs.add(attr)
    return attrs


def _static_getattr(obj, attr):
    # Like inspect.getattr_static: no __getattr__, no descriptors run.
    try:
        own = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        own = {}
    if attr in own:
        return own[attr]
    for klass in type(obj).__mro__:
        d = klass.__dict__
        if attr in d:
            return d[attr]
    raise AttributeError(attr)


def _check_class_arg(arg):
    if not isinstance(arg, type):
        raise TypeError('issubclass() arg 1 must be a class')


def protocol_subclasscheck(cls, other):
    if cls is Protocol:
        return isinstance(other, type) and Protocol in other.__mro__
    if getattr(cls, '_is_protocol', False) and not _reckless[0]:
        if not getattr(cls, '_is_runtime_protocol', False):
            _check_class_arg(other)
            raise TypeError("Instance and class checks can only be used "
                            "with @runtime_checkable protocols")
        if (cls.__non_callable_proto_members__ and
                cls.__dict__.get("__subclasshook__") is _proto_hook):
            _check_class_arg(other)
            names = sorted(cls.__non_callable_proto_members__)
            raise TypeError(
                "Protocols with non-method members don't support "
                f"issubclass(). Non-method members: {str(names)[1:-1]}.")
    return _abc_subclasscheck(cls, other)


def protocol_instancecheck(cls, instance):
    if cls is Protocol:
        return Protocol in type(instance).__mro__
    if not getattr(cls, "_is_protocol", False):
        return _abc_instancecheck(cls, instance)
    if not getattr(cls, '_is_runtime_protocol', False) and not _reckless[0]:
        raise TypeError("Instance and class checks can only be used with"
                        " @runtime_checkable protocols")
    if _abc_instancecheck(cls, instance):
        return True
    for attr in cls.__protocol_attrs__:
        try:
            val = _static_getattr(instance, attr)
        except AttributeError:
            return False
        if val is None and attr not in cls.__non_callable_proto_members__:
            return False
    return True


def _proto_hook_func(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            d = base.__dict__
            if attr in d:
                if d[attr] is None:
                    return NotImplemented
                break
            annotations = d.get('__annotations__', {})
            if (isinstance(annotations, dict) and attr in annotations and
                    issubclass(other, Generic) and
                    getattr(other, '_is_protocol', False)):
                break
        else:
            return NotImplemented
    return True


_proto_hook = classmethod(_proto_hook_func)


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # A concrete subclass of a protocol: find the real __init__ once.
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


def protocol_init_subclass(cls):
    own = cls.__dict__
    if not own.get('_is_protocol', False):
        cls._is_protocol = any(b is Protocol for b in cls.__bases__)
    if '__subclasshook__' not in own:
        cls.__subclasshook__ = _proto_hook
    if cls._is_protocol:
        for base in cls.__mro__[:-1]:
            init = base.__dict__.get('__init__')
            if init is not None:
                break
        if init is None or init is _no_init_or_replace_init:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (usable with
    isinstance() and issubclass())."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)
            and getattr(cls, '_is_protocol', False)):
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % (cls,))
    cls._is_runtime_protocol = True
    members = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception as e:
            raise TypeError(f"Failed to determine whether protocol member "
                            f"{attr!r} is a method member") from e
        if not is_callable:
            members.add(attr)
    cls.__non_callable_proto_members__ = members
    return cls


def is_protocol(tp, /):
    """True for a protocol class (not Protocol itself)."""
    return (isinstance(tp, type) and not isinstance(tp, _GenericAlias) and
            bool(getattr(tp, '_is_protocol', False)) and tp is not Protocol)


def get_protocol_members(tp, /):
    """The frozenset of names a protocol class declares."""
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)
