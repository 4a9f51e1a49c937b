"""The named-tuple classes behind typing.NamedTuple (a private part of
typing).  They are built like collections.namedtuple builds them, same
behaviour and messages, without importing collections: that import costs
aio much more than this module does."""

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
])

_absent = object()


def _join_names(names):
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


class _tuplegetter:
    """Read-only access to one position of a named tuple."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")


def _check_names(typename, field_names):
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    taken = set()
    for name in field_names:
        if name.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in taken:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        taken.add(name)


def _too_many(signature_name, count, required, given):
    if required == count:
        plural = '' if count == 0 else 's'
        allowed = f'{count + 1} positional argument{plural}'
    else:
        allowed = f'from {required + 1} to {count + 1} positional arguments'
    return TypeError(f'{signature_name} takes {allowed} but {given + 1} '
                     'were given')


def namedtuple(typename, field_names, defaults, module):
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    _check_names(typename, field_names)
    fields = tuple(field_names)
    count = len(fields)
    defaults = tuple(defaults)
    if len(defaults) > count:
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[count - len(defaults):], defaults))
    required = count - len(field_defaults)
    arg_list = ', '.join(fields)
    positions = {name: k for k, name in enumerate(fields)}
    make_tuple = tuple.__new__
    signature_name = f'{typename}.__new__()'

    def __new__(_cls, *args, **kwargs):
        if not kwargs and len(args) == count:
            return make_tuple(_cls, args)
        values = list(args[:count])
        values.extend([_absent] * (count - len(values)))
        for key, value in kwargs.items():
            where = positions.get(key)
            if where is None:
                raise TypeError(f'{signature_name} got an unexpected keyword '
                                f'argument {key!r}')
            if values[where] is not _absent:
                raise TypeError(f'{signature_name} got multiple values for '
                                f'argument {key!r}')
            values[where] = value
        if len(args) > count:
            raise _too_many(signature_name, count, required, len(args))
        lacking = []
        for where, name in enumerate(fields):
            if values[where] is _absent:
                if name in field_defaults:
                    values[where] = field_defaults[name]
                else:
                    lacking.append(name)
        if lacking:
            plural = '' if len(lacking) == 1 else 's'
            raise TypeError(f'{signature_name} missing {len(lacking)} required '
                            f'positional argument{plural}: '
                            f'{_join_names(lacking)}')
        return make_tuple(_cls, values)

    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'

    @classmethod
    def _make(cls, iterable):
        made = make_tuple(cls, iterable)
        if len(made) != count:
            raise TypeError(f'Expected {count} arguments, got {len(made)}')
        return made

    _make.__func__.__doc__ = (f'Make a new {typename} object from a sequence '
                              'or iterable')

    def _replace(self, /, **kwds):
        made = self._make([kwds.pop(name, current)
                           for name, current in zip(fields, self)])
        if kwds:
            raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
        return made

    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        'Return a nicely formatted representation string'
        shown = ', '.join(f'{name}={value!r}'
                          for name, value in zip(fields, self))
        return f'{self.__class__.__name__}({shown})'

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict,
                   __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__replace__': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
        '__module__': module,
    }
    for position, name in enumerate(fields):
        namespace[name] = _tuplegetter(position,
                                       f'Alias for field number {position}')
    return type(typename, (tuple,), namespace)
