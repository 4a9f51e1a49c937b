"""Parts of typing made on first use (a private part of typing): the
NamedTuple and TypedDict classes, NewType and TypeAliasType."""

from typing import (
    Generic, Union, NamedTuple, TypedDict, Required, NotRequired, ReadOnly,
    Annotated, get_origin, get_args, _type_check, _caller, _TypedDictMeta,
    _generic_class_getitem)


# --- NamedTuple ---------------------------------------------------------------------

_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace',
                         '_asdict', '_source'})
_SPECIAL = frozenset({'__module__', '__name__', '__annotations__',
                      '__qualname__', '__classcell__', '__orig_bases__'})


def _make_nmtuple(name, types, module, defaults=()):
    import _namedtuple
    fields = [n for n, t in types]
    types = {n: _type_check(t, f"field {n} annotation must be a type")
             for n, t in types}
    nm_tpl = _namedtuple.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = nm_tpl.__new__.__annotations__ = types
    return nm_tpl


def namedtuple_class(typename, bases, ns):
    # `class P(NamedTuple): ...`
    generic = False
    for base in bases:
        if base is Generic:
            generic = True
        elif base is not NamedTuple:
            raise TypeError(
                'can only inherit from a NamedTuple type and Generic')
    types = ns.get('__annotations__', {})
    default_names = []
    for field_name in types:
        if field_name in ns:
            default_names.append(field_name)
        elif default_names:
            plural = 's' if len(default_names) > 1 else ''
            raise TypeError(f"Non-default namedtuple field {field_name} "
                            f"cannot follow default field{plural} "
                            f"{', '.join(default_names)}")
    nm_tpl = _make_nmtuple(typename, types.items(),
                           defaults=[ns[n] for n in default_names],
                           module=ns.get('__module__', '__main__'))
    extra = {}
    for key, val in ns.items():
        if key in _PROHIBITED:
            raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
        if key not in _SPECIAL and key not in nm_tpl._fields:
            extra[key] = val
    if generic:
        nm_tpl = _generic_namedtuple(nm_tpl, bases, ns, extra)
    else:
        for key, val in extra.items():
            setattr(nm_tpl, key, val)
        nm_tpl.__orig_bases__ = ns.get('__orig_bases__', (NamedTuple,))
    _set_names(nm_tpl, typename, extra)
    return nm_tpl


def _generic_namedtuple(nm_tpl, bases, ns, extra):
    # Rebuild the class over (tuple, Generic): aio cannot assign __bases__.
    body = {}
    for key, val in nm_tpl.__dict__.items():
        if key not in ('__dict__', '__weakref__'):
            body[key] = val
    body.update(extra)
    body['__orig_bases__'] = ns.get('__orig_bases__', bases)
    body['__qualname__'] = ns.get('__qualname__', nm_tpl.__name__)
    new_bases = tuple(tuple if b is NamedTuple else b for b in bases)
    cls = type(nm_tpl.__name__, new_bases, body)
    cls.__class_getitem__ = classmethod(_generic_class_getitem)
    return cls


def _set_names(cls, typename, attrs):
    for key, val in attrs.items():
        set_name = getattr(type(val), '__set_name__', None)
        if set_name is None:
            continue
        try:
            set_name(val, cls, key)
        except BaseException as e:
            e.add_note(f"Error calling __set_name__ on {type(val).__name__!r} "
                       f"instance {key!r} in {typename!r}")
            raise


def namedtuple_call(cls, args, kwargs):
    # `NamedTuple('P', [('x', int)])`
    if cls is not NamedTuple:
        return type.__call__(cls, *args, **kwargs)
    if not args:
        raise TypeError("NamedTuple() missing required argument 'typename' "
                        "(pos 1)")
    typename = args[0]
    if len(args) > 2:
        raise TypeError(f"NamedTuple() takes from 1 to 2 positional arguments"
                        f" but {len(args)} were given")
    fields = args[1] if len(args) == 2 else None
    if fields is None:
        if kwargs and len(args) == 2:
            raise TypeError("Cannot pass `None` as the 'fields' parameter "
                            "and also specify fields using keyword arguments")
        fields = list(kwargs.items())
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    nt = _make_nmtuple(typename, fields, module=_caller())
    nt.__orig_bases__ = (NamedTuple,)
    return nt


# --- TypedDict ------------------------------------------------------------------------

def _qualifiers(annotation):
    found = set()
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            args = get_args(annotation)
            if not args:
                break
            annotation = args[0]
        elif origin is Required or origin is NotRequired or origin is ReadOnly:
            found.add(origin)
            annotation = get_args(annotation)[0]
        else:
            break
    return found


def typeddict_class(name, bases, ns, total=True):
    for base in bases:
        if type(base) is not _TypedDictMeta and base is not Generic:
            raise TypeError('cannot inherit from both a TypedDict type '
                            'and a non-TypedDict base class')
    generic = any(b is Generic or (isinstance(b, type) and
                                   issubclass(b, Generic)) for b in bases)
    body = dict(ns)
    if '__orig_bases__' not in body:
        body['__orig_bases__'] = bases
    own = body.get('__annotations__', {})
    body.pop('__annotations__', None)
    tp_dict = type.__new__(_TypedDictMeta, name,
                           (Generic, dict) if generic else (dict,), body)
    msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
    own = {n: _type_check(tp, msg, module=tp_dict.__module__)
           for n, tp in own.items()}
    annotations = {}
    required, optional, readonly, mutable = set(), set(), set(), set()
    for base in bases:
        d = base.__dict__
        annotations.update(d.get('__annotations__', {}))
        base_required = d.get('__required_keys__', set())
        required |= base_required
        optional -= base_required
        base_optional = d.get('__optional_keys__', set())
        required -= base_optional
        optional |= base_optional
        readonly.update(d.get('__readonly_keys__', ()))
        mutable.update(d.get('__mutable_keys__', ()))
    annotations.update(own)
    for key, tp in own.items():
        quals = _qualifiers(tp)
        if Required in quals:
            is_required = True
        elif NotRequired in quals:
            is_required = False
        else:
            is_required = total
        if is_required:
            required.add(key)
            optional.discard(key)
        else:
            optional.add(key)
            required.discard(key)
        if ReadOnly in quals:
            if key in mutable:
                raise TypeError(f"Cannot override mutable key {key!r}"
                                " with read-only key")
            readonly.add(key)
        else:
            mutable.add(key)
            readonly.discard(key)
    tp_dict.__annotations__ = annotations
    tp_dict.__required_keys__ = frozenset(required)
    tp_dict.__optional_keys__ = frozenset(optional)
    tp_dict.__readonly_keys__ = frozenset(readonly)
    tp_dict.__mutable_keys__ = frozenset(mutable)
    tp_dict.__total__ = total
    return tp_dict


def typeddict_call(typename, fields=None, /, *, total=True):
    # `TypedDict('TD', {'x': int}, total=False)`
    ns = {'__annotations__': dict(fields or {}), '__module__': _caller(),
          '__orig_bases__': (TypedDict,)}
    return typeddict_class(typename, (), ns, total)


# --- NewType and TypeAliasType ----------------------------------------------------------

class NewType:
    """A distinct type for the checker; calling it returns its argument."""

    __module__ = 'typing'

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _caller()

    def __call__(self, x):
        return x

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class TypeAliasType:
    """A named type alias (what a `type X = ...` statement makes)."""

    __module__ = 'typing'

    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError("typealias() argument 'name' must be str, "
                            f"not {type(name).__name__}")
        self.__name__ = name
        self.__qualname__ = name
        self.__value__ = value
        self.__type_params__ = tuple(type_params)
        self.__parameters__ = tuple(type_params)
        self.__module__ = _caller()

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        if not isinstance(params, tuple):
            params = (params,)
        from _typealias import GenericAlias
        return GenericAlias(self, params)

    # As in CPython, `X | Y` with a type alias is a types.UnionType.
    def __or__(self, other):
        return _alias_union(self, other)

    def __ror__(self, other):
        return _alias_union(other, self)

    def __reduce__(self):
        return self.__name__


def _alias_union(a, b):
    import _typealias
    args = []
    for t in _typealias._flatten(a) + _typealias._flatten(b):
        if t not in args:
            args.append(t)
    if len(args) == 1:
        return args[0]
    return _typealias.UnionType(tuple(args))
