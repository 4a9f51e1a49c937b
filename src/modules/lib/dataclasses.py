"""Generate special methods (__init__, __repr__, __eq__, ...) for classes
from their annotated fields (PEP 557)."""

import sys

__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',

           # Helper functions.
           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


# ---------------------------------------------------------------------------
# Small stand-ins for modules that may not be available (types, reprlib,
# keyword, _thread).  Each is resolved once, when this module is imported.

try:
    from types import MappingProxyType as _MappingProxy
except Exception:
    class _MappingProxy:
        """Read-only view of a mapping."""
        __slots__ = ('_m',)

        def __init__(self, mapping):
            object.__setattr__(self, '_m', mapping)

        def __getitem__(self, key):
            return self._m[key]

        def __iter__(self):
            return iter(self._m)

        def __len__(self):
            return len(self._m)

        def __contains__(self, key):
            return key in self._m

        def get(self, key, default=None):
            return self._m.get(key, default)

        def keys(self):
            return self._m.keys()

        def values(self):
            return self._m.values()

        def items(self):
            return self._m.items()

        def copy(self):
            return self._m.copy()

        def __eq__(self, other):
            return self._m == other

        def __repr__(self):
            return f'mappingproxy({self._m!r})'

        def __setattr__(self, name, value):
            raise AttributeError(
                f"'mappingproxy' object has no attribute '{name}'")

try:
    from types import GenericAlias as _GenericAlias
except Exception:
    _GenericAlias = None

try:
    from _thread import get_ident as _get_ident
except Exception:
    def _get_ident():
        return 0


def _probe_type(make):
    try:
        return make()
    except Exception:
        return None


class _NeverInstance:
    """Placeholder for a type this interpreter does not expose."""


def _member_descriptor_type():
    class _Probe:
        __slots__ = ('slot',)
    t = type(_Probe.__dict__.get('slot'))
    if t is type(None):
        return _NeverInstance
    return t


_MemberDescriptor = _member_descriptor_type()
_GenericAliasType = _GenericAlias
if _GenericAliasType is None:
    _t = _probe_type(lambda: type(list[int]))
    _GenericAliasType = _t if _t not in (None, type) else _NeverInstance

_PY_KEYWORDS = frozenset((
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield'))


def _repr_guard(method):
    """Decorate a __repr__ so that a recursive call shows '...'."""
    active = set()

    def guarded(self):
        key = (id(self), _get_ident())
        if key in active:
            return '...'
        active.add(key)
        try:
            return method(self)
        finally:
            active.discard(key)

    for attr in ('__module__', '__doc__', '__name__', '__qualname__'):
        try:
            setattr(guarded, attr, getattr(method, attr))
        except AttributeError:
            pass
    guarded.__wrapped__ = method
    return guarded


# ---------------------------------------------------------------------------
# Public sentinels and classes.

class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


# Stands in for the default of an __init__ parameter whose field has a
# default_factory.
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = _MappingProxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


def _atomic_types():
    kinds = {type(None), bool, int, float, str, bytes, type(...),
             type(NotImplemented), type(len), type(_probe_type), type,
             range, property}
    for make in (lambda: complex, lambda: type(_probe_type.__code__)):
        t = _probe_type(make)
        if isinstance(t, type):
            kinds.add(t)
    return frozenset(kinds)


# Values that asdict()/astuple() return unchanged (deepcopy would too).
_ATOMIC_TYPES = _atomic_types()


class InitVar:
    __slots__ = ('type', )

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            shown = self.type.__name__
        else:
            shown = repr(self.type)
        return f'dataclasses.InitVar[{shown}]'

    @classmethod
    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name',
                 'type',
                 'default',
                 'default_factory',
                 'repr',
                 'hash',
                 'init',
                 'compare',
                 'metadata',
                 'kw_only',
                 '_field_type',
                 )

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = _MappingProxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    @_repr_guard
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # Forward the protocol to a descriptor used as the default value.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook:
            hook(self.default, owner, name)

    if _GenericAlias is not None:
        __class_getitem__ = classmethod(_GenericAlias)


class _DataclassParams:
    __slots__ = ('init',
                 'repr',
                 'eq',
                 'order',
                 'unsafe_hash',
                 'frozen',
                 'match_args',
                 'kw_only',
                 'slots',
                 'weakref_slot',
                 )

    def __init__(self,
                 init, repr, eq, order, unsafe_hash, frozen,
                 match_args, kw_only, slots, weakref_slot):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen
        self.match_args = match_args
        self.kw_only = kw_only
        self.slots = slots
        self.weakref_slot = weakref_slot

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r},'
                f'match_args={self.match_args!r},'
                f'kw_only={self.kw_only!r},'
                f'slots={self.slots!r},'
                f'weakref_slot={self.weakref_slot!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields.

    default is the default value of the field.  default_factory is a
    0-argument function called to initialize a field's value.  If init
    is true, the field will be a parameter to the class's __init__()
    function.  If repr is true, the field will be included in the
    object's repr().  If hash is true, the field will be included in the
    object's hash().  If compare is true, the field will be used in
    comparison functions.  metadata, if specified, must be a mapping
    which is stored but not otherwise examined by dataclass.  If kw_only
    is true, the field will become a keyword-only parameter to
    __init__().

    It is an error to specify both default and default_factory.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---------------------------------------------------------------------------
# Recognising ClassVar / InitVar / KW_ONLY annotations.

def _typing_module():
    modules = getattr(sys, 'modules', None)
    if modules is not None:
        return modules.get('typing')
    try:
        import typing
    except ImportError:
        return None
    return typing


def _module_dict(name):
    modules = getattr(sys, 'modules', None)
    if modules is None:
        return None
    mod = modules.get(name)
    if mod is None:
        return None
    return mod.__dict__


def _is_classvar(ann, typing):
    cv = typing.ClassVar
    if ann is cv:
        return True
    try:
        return type(ann) is typing._GenericAlias and ann.__origin__ is cv
    except AttributeError:
        # Interpreters without typing._GenericAlias.
        return getattr(ann, '__origin__', None) is cv


def _is_initvar(ann, _module=None):
    return ann is InitVar or type(ann) is InitVar


def _is_kw_only(ann, _module=None):
    return ann is KW_ONLY


def _word_end(text, i):
    n = len(text)
    while i < n and (text[i].isalnum() or text[i] == '_'):
        i += 1
    return i


def _skip_blanks(text, i):
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def _annotation_head(text):
    """For a string annotation like ' typing . ClassVar[int]' return
    ('typing', 'ClassVar'); for 'InitVar[int]' return (None, 'InitVar');
    None when the text does not start with an identifier."""
    start = _skip_blanks(text, 0)
    end = _word_end(text, start)
    if end == start:
        return None
    first = text[start:end]
    dot = _skip_blanks(text, end)
    if dot < len(text) and text[dot] == '.':
        s2 = _skip_blanks(text, dot + 1)
        e2 = _word_end(text, s2)
        if e2 > s2:
            return first, text[s2:e2]
    return None, first


def _string_names(text, cls, target_module, target, predicate, own_name):
    """Does the string annotation `text` (found on cls) refer to `target`,
    an object defined in `target_module`?  Looks names up in the globals of
    cls's module only, as CPython does."""
    head = _annotation_head(text)
    if head is None:
        return False
    mod_name, name = head
    cls_ns = _module_dict(cls.__module__)
    if cls_ns is None and getattr(sys, 'modules', None) is None:
        # No module registry to consult: judge by the spelling.
        if mod_name is None:
            return name == own_name
        return (mod_name == target_module.__name__.rpartition('.')[2]
                and name == own_name)
    ns = None
    if mod_name is None:
        ns = cls_ns
    elif cls_ns is not None and cls_ns.get(mod_name) is target_module:
        ns = _module_dict(target.__module__)
    return bool(ns) and predicate(ns.get(name), target_module)


def _this_module():
    ns = _module_dict(__name__)
    if ns is not None:
        return sys.modules[__name__]
    return _ThisModule


class _ThisModule:
    # Enough of a module object for _string_names when sys.modules is absent.
    __name__ = 'dataclasses'


try:
    _MUTABLE_BUILTINS = (list, dict, set, bytearray)
except NameError:               # an interpreter without bytearray
    _MUTABLE_BUILTINS = (list, dict, set)


def _unhashable_class(klass):
    # Mirrors "type(value).__hash__ is None", which marks mutable defaults.
    if klass.__hash__ is None:
        return True
    for k in klass.__mro__:
        ns = k.__dict__
        if '__hash__' in ns:
            return ns['__hash__'] is None
        if '__eq__' in ns:
            return True
        if k in _MUTABLE_BUILTINS:
            return True
    return False


def _make_field(cls, name, ann, default_kw_only):
    """Build the Field for one annotation of cls (ClassVar and InitVar
    pseudo-fields included, marked by _field_type)."""
    value = getattr(cls, name, MISSING)
    if isinstance(value, Field):
        f = value
    else:
        if isinstance(value, _MemberDescriptor):
            # A __slots__ entry, not a default value.
            value = MISSING
        f = field(default=value)

    f.name = name
    f.type = ann
    f._field_type = _FIELD

    typing = _typing_module()
    if typing is not None:
        if (_is_classvar(ann, typing)
                or (isinstance(ann, str)
                    and _string_names(ann, cls, typing, typing.ClassVar,
                                      _is_classvar, 'ClassVar'))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        this = _this_module()
        if (_is_initvar(ann)
                or (isinstance(ann, str)
                    and _string_names(ann, cls, this, InitVar,
                                      _is_initvar, 'InitVar'))):
            f._field_type = _FIELD_INITVAR

    if f._field_type is _FIELD_CLASSVAR or f._field_type is _FIELD_INITVAR:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')

    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies '
                            'kw_only')
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only

    if f._field_type is _FIELD and _unhashable_class(f.default.__class__):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _own_annotations(cls):
    ann = cls.__dict__.get('__annotations__')
    if ann is None:
        ann = getattr(cls, '__annotations__', None)
        if ann is None:
            return {}
        # Make sure it is not a base class's dictionary.
        for base in cls.__mro__[1:]:
            if base.__dict__.get('__annotations__') is ann:
                return {}
    return ann


# ---------------------------------------------------------------------------
# Source generation.

class _MethodSource:
    """Collects the source of the generated methods, compiles them in one
    exec, and installs them on the class."""

    def __init__(self, globals):
        self.globals = globals
        self.bound = {}          # names the generated code closes over
        self.order = []          # method names in generation order
        self.texts = []
        self.conflict_msgs = {}  # name -> True or an extra hint
        self.always = set()      # names installed even if already present
        self.guard_repr = set()

    def add(self, name, params, lines, *, bound=None, returns=MISSING,
            conflict=False, always=False):
        if bound:
            self.bound.update(bound)
        if conflict:
            self.conflict_msgs[name] = conflict
        if always:
            self.always.add(name)
        ret = ''
        if returns is not MISSING:
            ret_name = f'__dataclass_{name}_return_type__'
            self.bound[ret_name] = returns
            ret = f'->{ret_name}'
        body = '\n'.join('    ' + line for line in lines)
        self.order.append(name)
        self.texts.append(f'  def {name}({",".join(params)}){ret}:\n{body}')

    def install(self, cls):
        if self.order:
            result = '(' + ','.join(self.order) + ',)'
        else:
            result = '()'
        params = ','.join(self.bound)
        text = (f'def __create_fn__({params}):\n'
                + '\n'.join(self.texts)
                + f'\n  return {result}\n')
        ns = {}
        exec(text, self.globals, ns)
        made = ns['__create_fn__'](**self.bound)
        installed = set()
        for name, fn in zip(self.order, made):
            if name == '__repr__':
                fn = _repr_guard(fn)
            fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
            if name in self.always:
                setattr(cls, name, fn)
                installed.add(name)
                continue
            if _add_if_absent(cls, name, fn):
                installed.add(name)
            else:
                hint = self.conflict_msgs.get(name)
                if hint:
                    msg = (f'Cannot overwrite attribute {fn.__name__} '
                           f'in class {cls.__name__}')
                    if hint is not True:
                        msg = f'{msg} {hint}'
                    raise TypeError(msg)
        return installed


def _add_if_absent(cls, name, value):
    """Set cls.name unless the class itself already defines it.  Returns
    True when the value was set."""
    if name in cls.__dict__:
        return False
    setattr(cls, name, value)
    return True


def _as_tuple_text(obj, flds):
    if not flds:
        return '()'
    return '(' + ','.join(f'{obj}.{f.name}' for f in flds) + ',)'


def _store(frozen, name, value, self_name):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _init_line(f, frozen, bound, self_name, slots):
    """The statement of __init__ that sets field f, or None."""
    dflt = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        bound[dflt] = f.default_factory
        if f.init:
            value = (f'{dflt}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ '
                     f'else {f.name}')
        else:
            value = f'{dflt}()'
    elif f.init:
        if f.default is not MISSING:
            bound[dflt] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        # With __slots__ there is no class attribute to fall back on.
        bound[dflt] = f.default
        value = dflt
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _store(frozen, f.name, value, self_name)


def _param_text(f):
    if f.default is not MISSING:
        tail = f'=__dataclass_dflt_{f.name}__'
    elif f.default_factory is not MISSING:
        tail = '=__dataclass_HAS_DEFAULT_FACTORY__'
    else:
        tail = ''
    return f'{f.name}:__dataclass_type_{f.name}__{tail}'


def _gen_init(src, all_fields, positional, keyword_only, frozen,
              has_post_init, self_name, slots):
    last_default = None
    for f in positional:
        if f.init:
            if f.default is not MISSING or f.default_factory is not MISSING:
                last_default = f
            elif last_default is not None:
                raise TypeError(f'non-default argument {f.name!r} '
                                f'follows default argument {last_default.name!r}')

    bound = {f'__dataclass_type_{f.name}__': f.type for f in all_fields}
    bound['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    bound['__dataclass_builtins_object__'] = object

    lines = []
    for f in all_fields:
        line = _init_line(f, frozen, bound, self_name, slots)
        if line:
            lines.append(line)
    if has_post_init:
        args = ','.join(f.name for f in all_fields
                        if f._field_type is _FIELD_INITVAR)
        lines.append(f'{self_name}.{_POST_INIT_NAME}({args})')
    if not lines:
        lines = ['pass']

    params = [self_name] + [_param_text(f) for f in positional]
    if keyword_only:
        params.append('*')
        params.extend(_param_text(f) for f in keyword_only)
    src.add('__init__', params, lines, bound=bound, returns=None)


def _gen_frozen_guards(cls, flds, src):
    bound = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    cond = 'type(self) is cls'
    if flds:
        cond += ' or name in {' + ', '.join(repr(f.name) for f in flds) + '}'
    src.add('__setattr__', ('self', 'name', 'value'),
            (f'if {cond}:',
             '    raise FrozenInstanceError(f"cannot assign to field {name!r}")',
             'super(cls, self).__setattr__(name, value)'),
            bound=bound, conflict=True)
    src.add('__delattr__', ('self', 'name'),
            (f'if {cond}:',
             '    raise FrozenInstanceError(f"cannot delete field {name!r}")',
             'super(cls, self).__delattr__(name)'),
            bound=bound, conflict=True)


def _gen_hash(src, flds):
    chosen = [f for f in flds if (f.compare if f.hash is None else f.hash)]
    src.add('__hash__', ('self',),
            [f'return hash({_as_tuple_text("self", chosen)})'], always=True)


# What to do about __hash__, by (unsafe_hash, eq, frozen, explicit __hash__):
# None = leave it alone, 'none' = set it to None, 'add' = generate one,
# 'raise' = TypeError.
def _hash_decision(unsafe_hash, eq, frozen, explicit):
    if unsafe_hash:
        return 'raise' if explicit else 'add'
    if not eq or explicit:
        return None
    return 'add' if frozen else 'none'


# ---------------------------------------------------------------------------
# The signature text used as a default docstring.

def _format_annotation(ann):
    if getattr(ann, '__module__', None) == 'typing':
        text = repr(ann)
        out = []
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch.isalnum() or ch == '_' or ch == '.':
                j = i
                while j < n and (text[j].isalnum() or text[j] in '_.'):
                    j += 1
                word = text[i:j]
                if word.startswith('typing.'):
                    word = word[7:]
                out.append(word)
                i = j
            else:
                out.append(ch)
                i += 1
        return ''.join(out)
    if isinstance(ann, _GenericAliasType):
        return str(ann)
    if isinstance(ann, type):
        if ann.__module__ == 'builtins':
            return ann.__qualname__
        return ann.__module__ + '.' + ann.__qualname__
    return repr(ann)


def _signature_text(positional, keyword_only):
    parts = []
    for group, is_kw in ((positional, False), (keyword_only, True)):
        if is_kw and group:
            parts.append('*')
        for f in group:
            text = f'{f.name}: {_format_annotation(f.type)}'
            if f.default is not MISSING:
                text += f' = {f.default!r}'
            elif f.default_factory is not MISSING:
                text += f' = {_HAS_DEFAULT_FACTORY!r}'
            parts.append(text)
    return '(' + ', '.join(parts) + ')'


def _inspect_signature_text(cls):
    try:
        import inspect
        return str(inspect.signature(cls)).replace(' -> None', '')
    except (ImportError, AttributeError, TypeError, ValueError):
        return ''


# ---------------------------------------------------------------------------
# The decorator.

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    all_fields = {}

    module_ns = _module_dict(cls.__module__)
    if module_ns is None:
        module_ns = {'__name__': cls.__module__}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen,
                                           match_args, kw_only,
                                           slots, weakref_slot))

    # Inherit fields from dataclass bases, most basic first, so that a
    # redefinition in a subclass keeps the base's position.
    saw_frozen_base = False
    every_base_frozen = None       # None: no dataclass bases at all
    for base in cls.__mro__[-1:0:-1]:
        inherited = getattr(base, _FIELDS, None)
        if inherited is None:
            continue
        for f in inherited.values():
            all_fields[f.name] = f
        base_frozen = getattr(base, _PARAMS).frozen
        every_base_frozen = base_frozen if every_base_frozen is None else (
            every_base_frozen and base_frozen)
        saw_frozen_base = saw_frozen_base or base_frozen

    annotations = _own_annotations(cls)
    this = _this_module()
    own = []
    kw_marker_seen = False
    for name, ann in annotations.items():
        if (_is_kw_only(ann)
                or (isinstance(ann, str)
                    and _string_names(ann, cls, this, KW_ONLY,
                                      _is_kw_only, 'KW_ONLY'))):
            if kw_marker_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            kw_marker_seen = True
            kw_only = True
        else:
            own.append(_make_field(cls, name, ann, kw_only))

    for f in own:
        all_fields[f.name] = f
        # Replace a field() object in the class namespace by the plain
        # default, or remove it when there is none.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if every_base_frozen is not None:
        if saw_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if every_base_frozen is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, all_fields)

    own_hash = cls.__dict__.get('__hash__', MISSING)
    explicit_hash = not (own_hash is MISSING or
                         (own_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    init_fields = [f for f in all_fields.values()
                   if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR]
    positional = tuple(f for f in init_fields if f.init and not f.kw_only)
    keyword_only = tuple(f for f in init_fields if f.init and f.kw_only)

    src = _MethodSource(module_ns)

    if init:
        _gen_init(src, init_fields, positional, keyword_only, frozen,
                  hasattr(cls, _POST_INIT_NAME),
                  '__dataclass_self__' if 'self' in all_fields else 'self',
                  slots)

    _add_if_absent(cls, '__replace__', _replace)

    real = [f for f in all_fields.values() if f._field_type is _FIELD]

    if repr:
        shown = ', '.join(f'{f.name}={{self.{f.name}!r}}'
                          for f in real if f.repr)
        src.add('__repr__', ('self',),
                ['return f"{self.__class__.__qualname__}(' + shown + ')"'])

    if eq:
        same = ' and '.join(f'self.{f.name}==other.{f.name}'
                            for f in real if f.compare) or 'True'
        src.add('__eq__', ('self', 'other'),
                ['if self is other:',
                 '    return True',
                 'if other.__class__ is self.__class__:',
                 f'    return {same}',
                 'return NotImplemented'])

    if order:
        compared = [f for f in real if f.compare]
        mine = _as_tuple_text('self', compared)
        theirs = _as_tuple_text('other', compared)
        for name, op in (('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')):
            src.add(name, ('self', 'other'),
                    ['if other.__class__ is self.__class__:',
                     f'    return {mine}{op}{theirs}',
                     'return NotImplemented'],
                    conflict='Consider using functools.total_ordering')

    if frozen:
        _gen_frozen_guards(cls, real, src)

    decision = _hash_decision(bool(unsafe_hash), bool(eq), bool(frozen),
                              explicit_hash)
    if decision == 'raise':
        raise TypeError(f'Cannot overwrite attribute __hash__ '
                        f'in class {cls.__name__}')
    if decision is not None:
        cls.__hash__ = None
        if decision == 'add':
            _gen_hash(src, real)

    installed = src.install(cls)

    if not getattr(cls, '__doc__'):
        if '__init__' in installed and _init_decides_signature(cls):
            sig = _signature_text(positional, keyword_only)
        else:
            sig = _inspect_signature_text(cls)
        cls.__doc__ = cls.__name__ + sig

    if match_args:
        _add_if_absent(cls, '__match_args__',
                       tuple(f.name for f in positional))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)

    if hasattr(cls, '__abstractmethods__'):
        try:
            import abc
            abc.update_abstractmethods(cls)
        except (ImportError, AttributeError):
            pass

    return cls


def _init_decides_signature(cls):
    # inspect.signature(cls) uses __init__ unless a metaclass __call__ or a
    # __new__ defined on the class itself takes precedence.
    for meta in type(cls).__mro__:
        if meta is type or meta is object:
            break
        if '__call__' in meta.__dict__:
            return False
    return '__new__' not in cls.__dict__


def _slot_names_of(klass):
    slots = klass.__dict__.get('__slots__')
    if slots is None:
        names = []
        if getattr(klass, '__weakrefoffset__', -1) != 0:
            names.append('__weakref__')
        if getattr(klass, '__dictrefoffset__', -1) != 0:
            names.append('__dict__')
        return names
    if isinstance(slots, str):
        return [slots]
    if not hasattr(slots, '__next__'):
        return list(slots)
    raise TypeError(f"Slots of '{klass.__name__}' cannot be determined")


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _with_slots(cls, frozen, weakref_slot):
    # __slots__ only works at class creation, so build a new class.
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    ns = dict(cls.__dict__)
    names = tuple(f.name for f in fields(cls))
    taken = set()
    for base in cls.__mro__[1:-1]:
        taken.update(_slot_names_of(base))
    wanted = names + (('__weakref__',) if weakref_slot else ())
    ns['__slots__'] = tuple(n for n in wanted if n not in taken)
    for n in names:
        ns.pop(n, None)
    ns.pop('__dict__', None)
    ns.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, ns)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    if frozen:
        if '__getstate__' not in ns:
            new_cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in ns:
            new_cls.__setstate__ = _dataclass_setstate
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class.

    Examines PEP 526 __annotations__ to determine fields.

    If init is true, an __init__() method is added to the class. If repr
    is true, a __repr__() method is added. If order is true, rich
    comparison dunder methods are added. If unsafe_hash is true, a
    __hash__() method is added. If frozen is true, fields may not be
    assigned to after instance creation. If match_args is true, the
    __match_args__ tuple is added. If kw_only is true, then by default
    all fields are keyword-only. If slots is true, a new class with a
    __slots__ attribute is returned.
    """

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    if cls is None:
        return wrap
    return wrap(cls)


# ---------------------------------------------------------------------------
# Helper functions.

def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass.

    Accepts a dataclass or an instance of one. Tuple elements are of
    type Field.
    """
    try:
        table = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in table.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a
    dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _deep_copy(obj):
    try:
        import copy
    except ImportError:
        return obj
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary mapping
    field names to field values.

    If given, 'dict_factory' will be used instead of built-in dict.
    The function applies recursively to field values that are
    dataclass instances. This will also look into built-in containers:
    tuples, lists, and dicts. Other objects are copied with 'copy.deepcopy()'.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _to_dicts(obj, dict_factory)


def _to_dicts(obj, factory):
    kind = type(obj)
    if kind in _ATOMIC_TYPES:
        return obj
    if hasattr(kind, _FIELDS):
        pairs = [(f.name, _to_dicts(getattr(obj, f.name), factory))
                 for f in fields(obj)]
        if factory is dict:
            return dict(pairs)
        return factory(pairs)
    if kind is list:
        return [_to_dicts(v, factory) for v in obj]
    if kind is dict:
        return {_to_dicts(k, factory): _to_dicts(v, factory)
                for k, v in obj.items()}
    if kind is tuple:
        return tuple([_to_dicts(v, factory) for v in obj])
    if issubclass(kind, tuple):
        if hasattr(obj, '_fields'):
            # A namedtuple is rebuilt from positional arguments.
            return kind(*[_to_dicts(v, factory) for v in obj])
        return kind(_to_dicts(v, factory) for v in obj)
    if issubclass(kind, dict):
        if hasattr(kind, 'default_factory'):
            out = kind(obj.default_factory)
            for k, v in obj.items():
                out[_to_dicts(k, factory)] = _to_dicts(v, factory)
            return out
        return kind((_to_dicts(k, factory), _to_dicts(v, factory))
                    for k, v in obj.items())
    if issubclass(kind, list):
        return kind(_to_dicts(v, factory) for v in obj)
    return _deep_copy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple of field values.

    If given, 'tuple_factory' will be used instead of built-in tuple.
    The function applies recursively to field values that are
    dataclass instances. This will also look into built-in containers:
    tuples, lists, and dicts. Other objects are copied with 'copy.deepcopy()'.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _to_tuples(obj, tuple_factory)


def _to_tuples(obj, factory):
    kind = type(obj)
    if kind in _ATOMIC_TYPES:
        return obj
    if _is_dataclass_instance(obj):
        return factory([_to_tuples(getattr(obj, f.name), factory)
                        for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return kind(*[_to_tuples(v, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_to_tuples(v, factory) for v in obj)
    if isinstance(obj, dict):
        if hasattr(kind, 'default_factory'):
            out = kind(getattr(obj, 'default_factory'))
            for k, v in obj.items():
                out[_to_tuples(k, factory)] = _to_tuples(v, factory)
            return out
        return kind((_to_tuples(k, factory), _to_tuples(v, factory))
                    for k, v in obj.items())
    return _deep_copy(obj)


def _caller_module():
    getter = getattr(sys, '_getframemodulename', None)
    if getter is not None:
        try:
            return getter(2) or '__main__'
        except (AttributeError, ValueError):
            pass
    getter = getattr(sys, '_getframe', None)
    if getter is not None:
        try:
            return getter(2).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            return None
    # No frame introspection: the common case is a script.
    return '__main__'


def _build_class(name, bases, fill):
    """Create a class the way a class statement would (resolving
    __mro_entries__, choosing the metaclass, calling __prepare__)."""
    resolved = []
    changed = False
    for b in bases:
        if not isinstance(b, type):
            entries = getattr(b, '__mro_entries__', None)
            if entries is not None:
                got = entries(bases)
                if not isinstance(got, tuple):
                    raise TypeError("__mro_entries__ must return a tuple")
                resolved.extend(got)
                changed = True
                continue
        resolved.append(b)
    resolved = tuple(resolved)
    meta = type
    for b in resolved:
        bm = type(b)
        if issubclass(meta, bm):
            continue
        if issubclass(bm, meta):
            meta = bm
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class "
                        "must be a (non-strict) subclass of the metaclasses "
                        "of all its bases")
    prepare = getattr(meta, '__prepare__', None)
    ns = prepare(name, resolved) if prepare is not None else {}
    fill(ns)
    if changed and '__orig_bases__' not in ns:
        ns['__orig_bases__'] = tuple(bases)
    return meta(name, resolved, ns)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    """Return a new dynamically created dataclass.

    The dataclass name will be 'cls_name'.  'fields' is an iterable
    of either (name), (name, type) or (name, type, Field) objects. If type is
    omitted, use the string 'typing.Any'.

    For the bases and namespace parameters, see the builtin type() function.

    The parameters init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
    slots, and weakref_slot are passed to dataclass().

    If module parameter is defined, the '__module__' attribute of the dataclass is
    set to that value.
    """
    if namespace is None:
        namespace = {}

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in _PY_KEYWORDS:
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    def fill(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = _build_class(cls_name, bases, fill)

    if module is None:
        module = _caller_module()
    if module is not None:
        cls.__module__ = module

    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values.

    This is especially useful for frozen classes.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    return _replace(obj, **changes)


def _replace(self, /, **changes):
    for f in getattr(self, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError(f'field {f.name} is declared with '
                                f'init=False, it cannot be specified with '
                                f'replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError(f"InitVar {f.name!r} "
                                f'must be specified with replace()')
            changes[f.name] = getattr(self, f.name)
    return self.__class__(**changes)
