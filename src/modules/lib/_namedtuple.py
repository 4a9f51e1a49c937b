# namedtuple, shared by collections and typing.NamedTuple (typing uses it
# without importing collections, whose import costs much more than this).

import sys as _sys

_absent = object()

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
])


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


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point.__doc__                   # docstring for the new class
    'Point(x, y)'
    >>> p = Point(11, y=22)             # instantiate with positional args or keywords
    >>> p[0] + p[1]                     # indexable like a plain tuple
    33
    >>> x, y = p                        # unpack like a regular tuple
    >>> x, y
    (11, 22)
    >>> p.x + p.y                       # fields also accessible by name
    33
    >>> d = p._asdict()                 # convert to a dictionary
    >>> d['x']
    11
    >>> Point(**d)                      # convert from a dictionary
    Point(x=11, y=22)
    >>> p._replace(x=100)               # _replace() is like str.replace() but targets named fields
    Point(x=100, y=22)

    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)

    if rename:
        taken = set()
        for position, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in taken):
                field_names[position] = f'_{position}'
            taken.add(name)

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
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in taken:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        taken.add(name)

    fields = tuple(field_names)
    count = len(fields)
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[count - len(defaults):], defaults))
    else:
        field_defaults = {}
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
            if required == count:
                plural = '' if count == 0 else 's'
                allowed = f'{count + 1} positional argument{plural}'
            else:
                allowed = (f'from {required + 1} to {count + 1} positional '
                           f'arguments')
            raise TypeError(f'{signature_name} takes {allowed} but '
                            f'{len(args) + 1} were given')
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

    __new__.__name__ = '__new__'
    __new__.__qualname__ = f'{typename}.__new__'
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
        shown = ', '.join(f'{name}={value!r}' for name, value in zip(fields, self))
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
    }
    for position, name in enumerate(fields):
        namespace[name] = _tuplegetter(position,
                                        f'Alias for field number {position}')

    result = type(typename, (tuple,), namespace)

    if module is None:
        finder = getattr(_sys, '_getframemodulename', None)
        if finder is not None:
            try:
                module = finder(1) or '__main__'
            except ValueError:
                pass
        else:
            getframe = getattr(_sys, '_getframe', None)
            if getframe is not None:
                try:
                    module = getframe(1).f_globals.get('__name__', '__main__')
                except (AttributeError, ValueError):
                    pass
            else:
                module = '__main__'
    if module is not None:
        result.__module__ = module

    return result
