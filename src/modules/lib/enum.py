"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag (aio implementation).

Behaviour follows CPython 3.13's enum module: the metaclass EnumType
collects members from the class body (through the EnumDict returned by
__prepare__), turns them into instances of the new class, and gives the
class its container protocol (iteration, len, `in`, lookup by name and by
value).
"""

import sys as _sys
from types import MappingProxyType, DynamicClassAttribute
from types import FunctionType as _FunctionType

__all__ = [
    'EnumType', 'EnumMeta', 'EnumDict',
    'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
    'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'global_flag_repr', 'global_enum_repr', 'global_str', 'global_enum',
    'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
    'pickle_by_global_name', 'pickle_by_enum_name',
]

# The builtins that this module shadows with its own names.
_py_property = property
_py_bin = bin
_py_type = type

# The core classes do not exist while the module defines them; code below
# tests these names against None to know how far the bootstrap has come.
Enum = Flag = ReprEnum = FlagBoundary = None
STRICT = CONFORM = EJECT = KEEP = None


# ---------------------------------------------------------------------------
# small helpers

class nonmember(object):
    """Protects item from becoming an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


class member(object):
    """Forces item to become an Enum member during class creation."""

    def __init__(self, value):
        self.value = value


_DESCRIPTOR_TYPES = (_FunctionType, staticmethod, classmethod, _py_property)


def _looks_like_descriptor(obj):
    if isinstance(obj, _DESCRIPTOR_TYPES):
        return True
    for hook in ('__get__', '__set__', '__delete__'):
        if hasattr(obj, hook):
            return True
    return False


def _dunder_name(name):
    return (len(name) > 4 and name[:2] == '__' and name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _sunder_name(name):
    return (len(name) > 2 and name[0] == '_' and name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _mangled_private(cls_name, name):
    prefix = '_%s__' % (cls_name,)
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not name.endswith('__'))


def _nested_class(cls_name, obj):
    if not isinstance(obj, _py_type):
        return False
    qualname = getattr(obj, '__qualname__', '')
    tail = cls_name + '.' + getattr(obj, '__name__', '')
    return qualname == tail or qualname.endswith('.' + tail)


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _iter_bits_lsb(num):
    original = num
    if Enum is not None and isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        low = num & -num
        yield low
        num ^= low


def _high_bit(value):
    """Index of the highest set bit, -1 for zero or negative numbers."""
    return value.bit_length() - 1


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """Like the built-in bin(), but two's complement for negative numbers,
    with the sign bit shown separately: bin(10) == '0b0 1010'."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        text = _py_bin(num + ceiling).replace('1', '0', 1)
    else:
        text = _py_bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


class _NotGiven:
    def __repr__(self):
        return '<not given>'


_not_given = _NotGiven()


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % (self.value,)


class property(DynamicClassAttribute):
    """An attribute that acts like property() on enum members, while access
    through the enum class finds the member of that name."""

    member = None
    _attr_type = None
    _cls_type = None
    name = None
    clsname = None

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is not None:
            return self.fget(instance)
        if self._attr_type == 'attr':
            return getattr(self._cls_type, self.name)
        if self._attr_type == 'desc':
            return getattr(instance._value_, self.name)
        try:
            return ownerclass._member_map_[self.name]
        except KeyError:
            raise AttributeError('%r has no attribute %r'
                                 % (ownerclass, self.name)) from None

    def __set__(self, instance, value):
        if self.fset is not None:
            return self.fset(instance, value)
        raise AttributeError("<enum %r> cannot set attribute %r"
                             % (self.clsname, self.name))

    def __delete__(self, instance):
        if self.fdel is not None:
            return self.fdel(instance)
        raise AttributeError("<enum %r> cannot delete attribute %r"
                             % (self.clsname, self.name))

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


# ---------------------------------------------------------------------------
# the class-body namespace

_ALLOWED_SUNDERS = frozenset([
    '_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
    '_ignore_', '_iter_member_', '_iter_member_by_value_',
    '_iter_member_by_def_', '_add_alias_', '_add_value_alias_',
])


class EnumDict(dict):
    """The namespace of an enum class body: records member names in order
    and refuses to reuse a name."""

    def __init__(self):
        super().__init__()
        self._member_names = {}
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if _mangled_private(self._cls_name, key):
            pass
        elif _sunder_name(key):
            if key not in _ALLOWED_SUNDERS and not key.startswith('_repr_'):
                raise ValueError('_sunder_ names, such as %r, are reserved for '
                                 'future Enum use' % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError("_generate_next_value_ must be defined before members")
                fn = value.__func__ if isinstance(value, staticmethod) else value
                self._generate_next_value = fn
            elif key == '_ignore_':
                names = (value.replace(',', ' ').split() if isinstance(value, str)
                         else list(value))
                self._ignore = names
                clash = set(names) & set(self._member_names)
                if clash:
                    raise ValueError('_ignore_ cannot specify already set names: %r'
                                     % (clash,))
                value = names
        elif _dunder_name(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _looks_like_descriptor(value):
            pass
        elif _nested_class(self._cls_name, value):
            pass
        else:
            value = self._new_member_value(key, value)
        dict.__setitem__(self, key, value)

    def _new_member_value(self, key, value):
        """Record key as a member; resolve auto() in value."""
        if key in self:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        if isinstance(value, member):
            value = value.value
        remember_whole = True
        if isinstance(value, auto):
            value = self._resolve_auto(key, value)
            remember_whole = False
        elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
            parts = []
            for item in value:
                if isinstance(item, auto):
                    item = self._resolve_auto(key, item)
                    remember_whole = False
                parts.append(item)
            kind = _py_type(value)
            try:
                value = kind(parts)
            except TypeError:
                value = kind(*parts)
        self._member_names[key] = None
        if remember_whole:
            self._last_values.append(value)
        return value

    def _resolve_auto(self, key, marker):
        if marker.value is _auto_null:
            marker.value = self._generate_next_value(
                key, 1, len(self._member_names), self._last_values[:])
            self._auto_called = True
        self._last_values.append(marker.value)
        return marker.value

    @_py_property
    def member_names(self):
        return list(self._member_names)

    def update(self, members, **more_members):
        if hasattr(members, 'keys'):
            for key in members.keys():
                self[key] = members[key]
        else:
            for key, value in members:
                self[key] = value
        for key, value in more_members.items():
            self[key] = value


_EnumDict = EnumDict

# classes whose members are being created right now
_under_construction = set()


class _ProtoMember:
    """Placeholder for a member in the class namespace; becomes the real
    member when the class is created."""

    def __init__(self, value):
        self.value = value
        self.done = False

    def __set_name__(self, enum_class, member_name):
        if self.done:
            return
        self.done = True
        type.__delattr__(enum_class, member_name)
        _under_construction.add(enum_class)
        enum_class._build_member_(member_name, self.value)


# ---------------------------------------------------------------------------
# the metaclass

class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        namespace = EnumDict()
        namespace._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            namespace['_generate_next_value_'] = getattr(
                first_enum, '_generate_next_value_', None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        ignored = dict.get(classdict, '_ignore_', None)
        ignored = list(ignored) if ignored is not None else []
        ignored.append('_ignore_')
        for key in ignored:
            dict.pop(classdict, key, None)
        if isinstance(classdict, EnumDict):
            member_names = [n for n in classdict._member_names if n not in ignored]
        else:
            member_names = []
        bad = set(member_names) & {'mro', ''}
        if bad:
            raise ValueError('invalid enum member name(s) %s'
                             % (','.join(repr(n) for n in bad),))
        order = dict.pop(classdict, '_order_', None)
        body = dict(classdict.items())
        gnv = body.get('_generate_next_value_')
        if gnv is not None and _py_type(gnv) is not staticmethod:
            body['_generate_next_value_'] = staticmethod(gnv)

        member_type, first_enum = metacls._get_mixins_(cls, bases)
        creator, keep_creator, pass_args = metacls._find_new_(body, member_type, first_enum)
        body['_new_member_'] = creator
        body['_use_args_'] = pass_args
        # Members are made by _ProtoMember.__set_name__ while type.__new__ runs
        # (so that __init_subclass__ already sees them); any left over (an
        # interpreter without __set_name__) are made right after.
        pending = []
        for name in member_names:
            proto = _ProtoMember(body[name])
            body[name] = proto
            pending.append((name, proto))

        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_unhashable_values_map_'] = {}
        body['_member_type_'] = member_type
        body['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
        body['_flag_mask_'] = 0
        body['_singles_mask_'] = 0
        body['_all_bits_'] = 0
        body['_inverted_'] = None

        try:
            failure = None
            enum_class = super().__new__(metacls, cls, bases, body, **kwds)
            for name, proto in pending:
                if not proto.done:
                    if _py_type(enum_class.__dict__.get(name)) is _ProtoMember:
                        type.__delattr__(enum_class, name)
                    proto.done = True
                    _under_construction.add(enum_class)
                    enum_class._build_member_(name, proto.value)
        except Exception as exc:
            # raise a fresh copy: drops the note type.__new__ adds to errors
            # raised from __set_name__
            failure = _py_type(exc)(str(exc))
            failure.__cause__ = exc.__cause__
            failure.__context__ = exc.__context__
            trace = exc.__traceback__
        finally:
            for klass in list(_under_construction):
                if klass.__name__ == cls:
                    _under_construction.discard(klass)
        if failure is not None:
            raise failure.with_traceback(trace)

        own = dict(enum_class.__dict__)
        metacls._settle_dunders_(enum_class, own, bases, member_type, first_enum)

        if Enum is not None:
            if keep_creator:
                enum_class.__new_member__ = creator
            enum_class.__new__ = Enum.__new__

        if isinstance(order, str):
            order = order.replace(',', ' ').split()
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if not is_flag and not (Flag is None and cls == 'Flag'):
            for attr in ('_boundary_', '_flag_mask_', '_singles_mask_',
                         '_all_bits_', '_inverted_'):
                type.__delattr__(enum_class, attr)
        elif is_flag:
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
            if order:
                order = [o for o in order
                         if o not in enum_class._member_map_
                         or _is_single_bit(enum_class[o]._value_)]
        if order:
            order = [o for o in order
                     if o not in enum_class._member_map_
                     or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    # -- building members -------------------------------------------------

    def _build_member_(cls, member_name, value):
        """Turn the class-body value of member_name into a member of cls."""
        args = value if isinstance(value, tuple) else (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        if cls._use_args_:
            new_member = cls._new_member_(cls, *args)
        else:
            new_member = cls._new_member_(cls)
        if not hasattr(new_member, '_value_'):
            if cls._member_type_ is object:
                new_member._value_ = value
            else:
                try:
                    new_member._value_ = cls._member_type_(*args)
                except Exception as exc:
                    raise TypeError('_value_ not set in __new__, unable to create it') from exc
        value = new_member._value_
        new_member._name_ = member_name
        new_member.__objclass__ = cls
        new_member.__init__(*args)
        new_member._sort_order_ = len(cls._member_names_)

        is_flag = Flag is not None and issubclass(cls, Flag)
        if is_flag:
            if isinstance(value, int):
                cls._flag_mask_ |= value
                if _is_single_bit(value):
                    cls._singles_mask_ |= value
            cls._all_bits_ = 2 ** cls._flag_mask_.bit_length() - 1

        canonical = _find_by_value(cls, value)
        if canonical is None:
            if not is_flag or (isinstance(value, int) and _is_single_bit(value)):
                cls._member_names_.append(member_name)
        else:
            new_member = canonical          # an alias of an earlier member
        cls._add_member_(member_name, new_member)
        try:
            cls._value2member_map_.setdefault(value, new_member)
        except TypeError:
            cls._unhashable_values_.append(value)
            cls._unhashable_values_map_.setdefault(member_name, []).append(value)

    def _add_member_(cls, name, member):
        existing = cls._member_map_.get(name)
        if existing is not None:
            if existing is not member:
                raise NameError('%r is already bound: %r' % (name, existing))
            return
        found = None
        kind = None
        owner = None
        for base in cls.__mro__[1:]:
            attr = base.__dict__.get(name)
            if attr is None:
                continue
            if isinstance(attr, (property, DynamicClassAttribute)):
                found, kind, owner = attr, 'enum', base
                break
            if _looks_like_descriptor(attr):
                found = attr
                kind = kind or 'desc'
                owner = owner or base
            else:
                kind, owner = 'attr', base
        if found is not None:
            redirect = property()
            redirect.member = member
            redirect.__set_name__(cls, name)
            if kind in ('enum', 'desc'):
                redirect.fget = getattr(found, 'fget', None)
                redirect.fset = getattr(found, 'fset', None)
                redirect.fdel = getattr(found, 'fdel', None)
            redirect._attr_type = kind
            redirect._cls_type = owner
            type.__setattr__(cls, name, redirect)
        else:
            type.__setattr__(cls, name, member)
        cls._member_map_[name] = member

    @staticmethod
    def _settle_dunders_(enum_class, own, bases, member_type, first_enum):
        """Pick __repr__/__str__/__format__ for the new class: the mixed-in
        data type's must not win over Enum's (except str/format for ReprEnum)."""
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type '
                                '(i.e. int, str, float, etc.)')
            if '__format__' not in own:
                fmt = member_type.__format__
                type.__setattr__(enum_class, '__format__', fmt)
                own['__format__'] = fmt
            if '__str__' not in own:
                to_str = member_type.__str__
                if to_str is object.__str__:
                    to_str = member_type.__repr__
                type.__setattr__(enum_class, '__str__', to_str)
                own['__str__'] = to_str
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name in own:
                continue
            current = getattr(enum_class, name, None)
            from_data = getattr(member_type, name, None)
            from_object = getattr(object, name, None)
            if current is None or current is from_data or current is from_object \
                    or current == from_data or current == from_object:
                preferred = getattr(first_enum, name, None)
                if preferred is not None:
                    type.__setattr__(enum_class, name, preferred)
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__',
                         '__rxor__', '__invert__'):
                if name not in own:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])

    # -- container protocol -----------------------------------------------

    def __bool__(cls):
        return True

    def __call__(cls, value, names=_not_given, *values, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if cls._member_map_:
            if names is not _not_given:
                value = (value, names) + values
            return cls.__new__(cls, value)
        if names is _not_given and type is None:
            raise TypeError(f"{cls} has no members; specify `names=()` if you meant "
                            f"to create a new, empty, enum")
        return cls._create_(class_name=value,
                            names=None if names is _not_given else names,
                            module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        try:
            return value in cls._value2member_map_
        except TypeError:
            return value in cls._unhashable_values_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = set(['__class__', '__contains__', '__doc__', '__getitem__',
                     '__iter__', '__len__', '__members__', '__module__',
                     '__name__', '__qualname__'] + cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        # (a class's __init_subclass__ is never object's own bound method)
        names.add('__init_subclass__')
        if cls._member_type_ is object:
            return sorted(names)
        return sorted(set(dir(cls._member_type_)) | names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_py_property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        members = cls.__dict__.get('_member_map_', {})
        if name in members:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    # -- functional API ---------------------------------------------------

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            plain_names, names, seen = names, [], []
            for count, name in enumerate(plain_names):
                value = first_enum._generate_next_value_(name, start, count, seen[:])
                seen.append(value)
                names.append((name, value))
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                key, value = item
                classdict[key] = value
        if module is None:
            module = _caller_module()
        dict.__setitem__(classdict, '__module__', module)
        if qualname is not None:
            dict.__setitem__(classdict, '__qualname__', qualname)
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    # -- class-creation helpers -------------------------------------------

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError("<enum %r> cannot extend %r" % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if '__repr__' in base.__dict__:
                    params = base.__dict__.get('__dataclass_params__')
                    if ('__dataclass_fields__' in base.__dict__ and params is not None
                            and params.repr):
                        return _dataclass_repr
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        found = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in found:
                            found.append(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    kind = candidate or base
                    if kind not in found:
                        found.append(kind)
                    break
                else:
                    candidate = candidate or base
        if len(found) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, set(found)))
        return found[0] if found else None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        """Return (member creator, whether to save it as __new_member__,
        whether the member's value is passed to it)."""
        creator = classdict.get('__new__', None)
        keep = first_enum is not None and creator is not None
        if isinstance(creator, staticmethod):
            creator = creator.__func__
        if creator is None:
            skip = (None, None.__new__, object.__new__,
                    Enum.__new__ if Enum is not None else None)
            for attr in ('__new_member__', '__new__'):
                for holder in (member_type, first_enum):
                    target = getattr(holder, attr, None)
                    if target not in skip:
                        creator = target
                        break
                if creator is not None:
                    break
            else:
                creator = object.__new__
        pass_args = not (first_enum is None or creator is object.__new__
                         or (Enum is not None and creator is Enum.__new__))
        return creator, keep, pass_args


EnumMeta = EnumType


def _find_by_value(cls, value):
    """The canonical member of cls whose value is value, or None."""
    try:
        return cls._value2member_map_.get(value)
    except TypeError:
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                return existing
        return None


def _caller_module():
    getframe = getattr(_sys, '_getframe', None)
    if getframe is not None:
        try:
            frame = getframe(1)
            while frame is not None and frame.f_globals.get('__name__') == __name__:
                frame = frame.f_back
            if frame is not None:
                return frame.f_globals['__name__']
        except (AttributeError, ValueError, KeyError):
            pass
    return '__main__'


def _dataclass_repr(self):
    fields = self.__dataclass_fields__
    return ', '.join('%s=%r' % (k, getattr(self, k))
                     for k in fields.keys() if fields[k].repr)


# ---------------------------------------------------------------------------
# Enum itself

class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs.

    >>> class Color(Enum):
    ...     RED = 1
    ...     BLUE = 2
    >>> Color.RED, Color(1), Color['RED']
    """

    def __new__(cls, value):
        # Members already exist; this only looks them up (Color(3)).
        if _py_type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for name, values in cls._unhashable_values_map_.items():
                if value in values:
                    return cls[name]
        if not cls._member_map_:
            if cls in _under_construction:
                raise TypeError('do not use `super().__new__; call the appropriate '
                                '__new__ directly') from None
            raise TypeError("%r has no members defined" % cls)
        problem = None
        try:
            result = cls._missing_(value)
        except Exception as exc:
            problem = exc
            result = None
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
            return result
        not_valid = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if result is None and problem is None:
            raise not_valid
        if problem is None:
            problem = TypeError('error in %s._missing_: returned %r instead of None '
                                'or a valid member' % (cls.__name__, result))
        if not isinstance(problem, ValueError):
            problem.__context__ = not_valid
        raise problem

    def __init__(self, *args, **kwds):
        pass

    def _add_alias_(self, name):
        self.__class__._add_member_(name, self)

    def _add_value_alias_(self, value):
        cls = self.__class__
        try:
            if value in cls._value2member_map_:
                bound = cls._value2member_map_[value]
                if bound is not self:
                    raise ValueError('%r is already bound: %r' % (value, bound))
                return
        except TypeError:
            for other in cls._member_map_.values():
                if other._value_ == value:
                    if other is not self:
                        raise ValueError('%r is already bound: %r' % (value, other))
                    return
        try:
            cls._value2member_map_.setdefault(value, self)
        except TypeError:
            cls._unhashable_values_.append(value)
            cls._unhashable_values_map_.setdefault(self.name, []).append(value)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Next value for auto(): one more than the largest value so far."""
        if not last_values:
            return start
        try:
            highest = sorted(last_values)[-1]
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None
        try:
            return highest + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (highest,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        show = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, show(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __dir__(self):
        found = set()
        if self.__class__._member_type_ is not object:
            found = set(dir(self.__class__._member_type_))
        for name in getattr(self, '__dict__', {}):
            if name[0] != '_' and name not in self._member_map_:
                found.add(name)
        for klass in self.__class__.__mro__:
            for name, obj in klass.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in self._member_map_:
                        found.add(name)
                    else:
                        found.discard(name)
                elif name not in self._member_map_:
                    found.add(name)
        return sorted({'__class__', '__doc__', '__eq__', '__hash__', '__module__'} | found)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


# without __set_name__ support the two properties would not know their names
for _attr in ('name', 'value'):
    _prop = Enum.__dict__[_attr]
    if _prop.name is None:
        _prop.__set_name__(Enum, _attr)
del _attr, _prop


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) >= 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2]))
        text = str(*values)
        new_member = str.__new__(cls, text)
        new_member._value_ = text
        return new_member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() gives the lower-cased member name."""
        return name.lower()


def pickle_by_global_name(self, proto):
    return self.name


_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    return getattr, (self.__class__, self._name_)


class FlagBoundary(StrEnum):
    """How Flag handles values outside its members:
    strict (raise, default for Flag), conform (drop extra bits),
    eject (return a plain int), keep (keep the bits, default for IntFlag)."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


# ---------------------------------------------------------------------------
# Flag

class Flag(Enum, boundary=STRICT):
    """Support for flags."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """auto() gives the next power of two."""
        if not count:
            return start if start is not None else 1
        highest = max(last_values)
        try:
            top = _high_bit(highest)
        except Exception:
            raise TypeError('invalid flag value %r' % highest) from None
        return 2 ** (top + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        """Members contained in value, lowest bit first."""
        for bit in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        """Members contained in value, in definition order."""
        yield from sorted(cls._iter_member_by_value_(value),
                          key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        """Make (and cache) the pseudo-member for a combination of flags."""
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles = cls._singles_mask_
        all_bits = cls._all_bits_
        negative = None
        out_of_range = not (~all_bits <= value <= all_bits)
        if out_of_range or value & (all_bits ^ flag_mask):
            policy = cls._boundary_
            if policy is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError("%r invalid value %r\n    given %s\n  allowed %s"
                                 % (cls, value, bin(value, width), bin(flag_mask, width)))
            if policy is CONFORM:
                value = value & flag_mask
            elif policy is EJECT:
                return value
            elif policy is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, policy))
        if value < 0:
            negative = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        alias_bits = value & ~singles
        single_bits = value & singles
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        if single_bits or alias_bits:
            parts = []
            covered = 0
            for part in cls._iter_member_(single_bits):
                parts.append(part)
                covered |= part._value_
            if alias_bits:
                value = single_bits | alias_bits
                for candidate in cls._member_map_.values():
                    cv = candidate._value_
                    if candidate not in parts and cv and cv & value == cv:
                        parts.append(candidate)
                        covered |= cv
            unknown = value ^ covered
            pseudo._name_ = '|'.join([p._name_ for p in parts])
            if not covered:
                pseudo._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo._name_ = None
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (_py_type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        show = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, show(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, show(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _get_value(self, flag):
        if isinstance(flag, self.__class__):
            return flag._value_
        if self._member_type_ is not object and isinstance(flag, self._member_type_):
            return flag
        return NotImplemented

    def _combine(self, other, symbol, op):
        other_value = self._get_value(other)
        if other_value is NotImplemented:
            return NotImplemented
        for flag in (self, other):
            if self._get_value(flag) is None:
                raise TypeError(f"'{flag}' cannot be combined with other flags with {symbol}")
        return self.__class__(op(self._value_, other_value))

    def __or__(self, other):
        return self._combine(other, '|', lambda a, b: a | b)

    def __and__(self, other):
        return self._combine(other, '&', lambda a, b: a & b)

    def __xor__(self, other):
        return self._combine(other, '^', lambda a, b: a ^ b)

    def __invert__(self):
        if self._get_value(self) is None:
            raise TypeError(f"'{self}' cannot be inverted")
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""


# ---------------------------------------------------------------------------
# decorators and checks

def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    aliases = [(name, m.name) for name, m in enumeration.__members__.items()
               if name != m.name]
    if aliases:
        detail = ', '.join("%s -> %s" % pair for pair in aliases)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, detail))
    return enumeration


def global_enum_repr(self):
    """repr as module.member_name (last part of a dotted module name)."""
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    """repr as module.flag_name, joined with | for combinations."""
    module = self.__class__.__module__.split('.')[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return "%s.%s(%r)" % (module, cls_name, self._value_)
    if _is_single_bit(self._value_):
        return '%s.%s' % (module, self._name_)
    if self._boundary_ is not KEEP:
        return '|'.join(['%s.%s' % (module, n) for n in self.name.split('|')])
    pieces = []
    for n in self._name_.split('|'):
        pieces.append(n if n[0].isdigit() else '%s.%s' % (module, n))
    return '|'.join(pieces)


def global_str(self):
    """str as the bare member name."""
    if self._name_ is None:
        return "%s(%r)" % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Decorator: members repr as module.NAME and are exported to the module."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    modules = getattr(_sys, 'modules', None)
    if modules is not None and cls.__module__ in modules:
        target = modules[cls.__module__]
        for name, value in cls.__members__.items():
            setattr(target, name, value)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator (used by other library modules): rebuild a plain
    class as an enum of type etype, its data attributes becoming members."""
    def rebuild(cls):
        metacls = etype.__class__
        namespace = metacls.__prepare__(cls.__name__, (etype,))
        for key, value in cls.__dict__.items():
            if key in ('__dict__', '__weakref__'):
                continue
            namespace[key] = value
        return metacls(cls.__name__, (etype,), namespace, boundary=boundary)
    return rebuild


class EnumCheck(StrEnum):
    """Various conditions to check an enumeration for."""
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Check an enumeration for various constraints (see EnumCheck)."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        if Flag is not None and issubclass(enumeration, Flag):
            kind = 'flag'
        elif issubclass(enumeration, Enum):
            kind = 'enum'
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in self.checks:
            if check is UNIQUE:
                aliases = [(name, m.name) for name, m in enumeration.__members__.items()
                           if name != m.name]
                if aliases:
                    detail = ', '.join("%s -> %s" % pair for pair in aliases)
                    raise ValueError('aliases found in %r: %s' % (enumeration, detail))
            elif check is CONTINUOUS:
                values = set(m.value for m in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if kind == 'flag':
                    missing = [2 ** i for i in range(_high_bit(low) + 1, _high_bit(high))
                               if 2 ** i not in values]
                else:
                    missing = [i for i in range(low + 1, high) if i not in values]
                if missing:
                    raise ValueError(('invalid %s %r: missing values %s' % (
                        kind, cls_name, ', '.join(str(m) for m in missing)))[:256])
            elif check is NAMED_FLAGS:
                canonical = enumeration._member_names_
                known_values = [m.value for m in enumeration]
                lacking = []
                lacking_bits = 0
                for name, alias in enumeration._member_map_.items():
                    if name in canonical or alias.value < 0:
                        continue
                    missed = [v for v in _iter_bits_lsb(alias.value) if v not in known_values]
                    if missed:
                        lacking.append(name)
                        for bit in missed:
                            lacking_bits |= bit
                if lacking:
                    if len(lacking) == 1:
                        which = 'alias %s is missing' % lacking[0]
                    else:
                        which = 'aliases %s and %s are missing' % (
                            ', '.join(lacking[:-1]), lacking[-1])
                    if _is_single_bit(lacking_bits):
                        what = 'value 0x%x' % lacking_bits
                    else:
                        what = 'combined values of 0x%x' % lacking_bits
                    raise ValueError('invalid Flag %r: %s %s [use enum.show_flag_values'
                                     '(value) for details]' % (cls_name, which, what))
        return enumeration
