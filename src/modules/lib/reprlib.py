"""repr() with limits on the size of what it shows (aio implementation of
CPython's reprlib)."""

__all__ = ["Repr", "repr", "recursive_repr"]

import builtins
from itertools import islice

try:
    from _thread import get_ident
except ImportError:
    def get_ident():
        # aio runs a single thread
        return 1


def recursive_repr(fillvalue='...'):
    """Decorator for __repr__ methods: a repr of an object that is already
    being repr'd further up the call stack gives fillvalue instead of
    recursing forever."""

    def decorating_function(user_function):
        active = set()

        def wrapper(self):
            key = (id(self), get_ident())
            if key in active:
                return fillvalue
            active.add(key)
            try:
                return user_function(self)
            finally:
                active.discard(key)

        # copied by hand, as CPython does (functools would be a cycle there)
        wrapper.__module__ = getattr(user_function, '__module__')
        wrapper.__doc__ = getattr(user_function, '__doc__')
        wrapper.__name__ = getattr(user_function, '__name__')
        wrapper.__qualname__ = getattr(user_function, '__qualname__')
        wrapper.__annotations__ = getattr(user_function, '__annotations__', {})
        wrapper.__type_params__ = getattr(user_function, '__type_params__', ())
        wrapper.__wrapped__ = user_function
        return wrapper

    return decorating_function


def _shorten(s, limit, fill):
    """Keep the two ends of s around fill when s is longer than limit (the
    room of a three-character filler is reserved whatever fill is)."""
    if len(s) <= limit:
        return s
    i = max(0, (limit - 3) // 2)
    j = max(0, limit - 3 - i)
    return s[:i] + fill + s[len(s) - j:]


def _possibly_sorted(x):
    # sorted when the items can be compared, else in iteration order
    try:
        return sorted(x)
    except Exception:
        return list(x)


class Repr:
    """Size limits (maxlevel for nesting, one max* per kind of container,
    maxstring, maxlong, maxother) and the methods that apply them."""

    def __init__(self, *, maxlevel=6, maxtuple=6, maxlist=6, maxarray=5,
                 maxdict=4, maxset=6, maxfrozenset=6, maxdeque=6,
                 maxstring=30, maxlong=40, maxother=30, fillvalue='...',
                 indent=None):
        self.maxlevel = maxlevel
        self.maxtuple = maxtuple
        self.maxlist = maxlist
        self.maxarray = maxarray
        self.maxdict = maxdict
        self.maxset = maxset
        self.maxfrozenset = maxfrozenset
        self.maxdeque = maxdeque
        self.maxstring = maxstring
        self.maxlong = maxlong
        self.maxother = maxother
        self.fillvalue = fillvalue
        self.indent = indent

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        # dispatch on the type name: repr_<name>, spaces turned into '_'
        typename = '_'.join(type(x).__name__.split())
        method = getattr(self, 'repr_' + typename, None)
        if method is None:
            return self.repr_instance(x, level)
        return method(x, level)

    def _join(self, pieces, level):
        if self.indent is None:
            return ', '.join(pieces)
        if not pieces:
            return ''
        indent = self.indent
        if isinstance(indent, int):
            if indent < 0:
                raise ValueError(
                    f'Repr.indent cannot be negative int (was {indent!r})')
            indent *= ' '
        try:
            sep = ',\n' + (self.maxlevel - level + 1) * indent
        except TypeError as error:
            raise TypeError(
                f'Repr.indent must be a str, int or None, not {type(indent)}'
            ) from error
        # each piece on its own line, the closing bracket one level out
        return sep.join(('', *pieces, ''))[1:-len(indent) or None]

    def _repr_iterable(self, x, level, left, right, maxiter, trail=''):
        n = len(x)
        if level <= 0 and n:
            s = self.fillvalue
        else:
            newlevel = level - 1
            pieces = [self.repr1(elem, newlevel)
                      for elem in islice(x, maxiter)]
            if n > maxiter:
                pieces.append(self.fillvalue)
            s = self._join(pieces, level)
            if n == 1 and trail and self.indent is None:
                right = trail + right
        return '%s%s%s' % (left, s, right)

    def repr_tuple(self, x, level):
        return self._repr_iterable(x, level, '(', ')', self.maxtuple, ',')

    def repr_list(self, x, level):
        return self._repr_iterable(x, level, '[', ']', self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        header = "array('%s', [" % x.typecode
        return self._repr_iterable(x, level, header, '])', self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return 'set()'
        return self._repr_iterable(_possibly_sorted(x), level, '{', '}',
                                   self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return 'frozenset()'
        return self._repr_iterable(_possibly_sorted(x), level,
                                   'frozenset({', '})', self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._repr_iterable(x, level, 'deque([', '])', self.maxdeque)

    def repr_dict(self, x, level):
        n = len(x)
        if n == 0:
            return '{}'
        if level <= 0:
            return '{' + self.fillvalue + '}'
        newlevel = level - 1
        pieces = []
        for key in islice(_possibly_sorted(x), self.maxdict):
            pieces.append('%s: %s' % (self.repr1(key, newlevel),
                                      self.repr1(x[key], newlevel)))
        if n > self.maxdict:
            pieces.append(self.fillvalue)
        return '{%s}' % (self._join(pieces, level),)

    def repr_str(self, x, level):
        limit = self.maxstring
        s = builtins.repr(x[:limit])
        if len(s) > limit:
            # cut the string itself, then the repr of what is left
            i = max(0, (limit - 3) // 2)
            j = max(0, limit - 3 - i)
            s = builtins.repr(x[:i] + x[len(x) - j:])
            s = s[:i] + self.fillvalue + s[len(s) - j:]
        return s

    def repr_int(self, x, level):
        return _shorten(builtins.repr(x), self.maxlong, self.fillvalue)

    def repr_instance(self, x, level):
        try:
            s = builtins.repr(x)
        except Exception:
            # a broken __repr__ must not break the caller
            return '<%s instance at %#x>' % (x.__class__.__name__, id(x))
        return _shorten(s, self.maxother, self.fillvalue)


aRepr = Repr()
repr = aRepr.repr
