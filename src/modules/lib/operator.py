"""Operator interface.

This module exports a set of functions implemented in Python corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.
"""

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf',
           'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand',
           'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul',
           'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'irshift',
           'is_', 'is_not', 'isub', 'itemgetter', 'itruediv', 'ixor', 'le',
           'length_hint', 'lshift', 'lt', 'matmul', 'methodcaller', 'mod',
           'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift',
           'setitem', 'sub', 'truediv', 'truth', 'xor']

_abs = abs


def _tname(x):
    return type(x).__name__


# ---- comparisons ---------------------------------------------------------

def lt(a, b):
    "Same as a < b."
    return a < b

def le(a, b):
    "Same as a <= b."
    return a <= b

def eq(a, b):
    "Same as a == b."
    return a == b

def ne(a, b):
    "Same as a != b."
    return a != b

def ge(a, b):
    "Same as a >= b."
    return a >= b

def gt(a, b):
    "Same as a > b."
    return a > b


# ---- logical -------------------------------------------------------------

def not_(a):
    "Same as not a."
    return not a

def truth(a):
    "Return True if a is true, False otherwise."
    return True if a else False

def is_(a, b):
    "Same as a is b."
    return a is b

def is_not(a, b):
    "Same as a is not b."
    return a is not b


# ---- arithmetic and bitwise ---------------------------------------------

def abs(a):
    "Same as abs(a)."
    return _abs(a)

def add(a, b):
    "Same as a + b."
    return a + b

def and_(a, b):
    "Same as a & b."
    return a & b

def floordiv(a, b):
    "Same as a // b."
    return a // b

def index(a):
    "Same as a.__index__()"
    hook = getattr(type(a), '__index__', None)
    if hook is None:
        raise TypeError(f"'{_tname(a)}' object cannot be interpreted as an integer")
    res = hook(a)
    if not isinstance(res, int):
        raise TypeError(f"__index__ returned non-int (type {_tname(res)})")
    return res

def inv(a):
    "Same as ~a."
    return ~a

def invert(a):
    "Same as ~a."
    return ~a

def lshift(a, b):
    "Same as a << b."
    return a << b

def mod(a, b):
    "Same as a % b."
    return a % b

def mul(a, b):
    "Same as a * b."
    return a * b

def matmul(a, b):
    "Same as a @ b."
    return a @ b

def neg(a):
    "Same as -a."
    return -a

def or_(a, b):
    "Same as a | b."
    return a | b

def pos(a):
    "Same as +a."
    return +a

def pow(a, b):
    "Same as a ** b."
    return a ** b

def rshift(a, b):
    "Same as a >> b."
    return a >> b

def sub(a, b):
    "Same as a - b."
    return a - b

def truediv(a, b):
    "Same as a / b."
    return a / b

def xor(a, b):
    "Same as a ^ b."
    return a ^ b


# ---- sequences -----------------------------------------------------------

# Types whose own "+" is sequence concatenation (CPython's sq_concat).
_NATIVE_CONCAT = (str, list, tuple, bytes)
try:
    _NATIVE_CONCAT += (bytearray,)
except NameError:
    pass


def _seq_like(x):
    return not isinstance(x, dict) and hasattr(type(x), '__getitem__')


def _add_slots(a, b, inplace):
    # Try the numeric-add hooks the way the binary operator would, but
    # report NotImplemented instead of raising.
    ta, tb = type(a), type(b)
    if inplace:
        hook = getattr(ta, '__iadd__', None)
        if hook is not None:
            res = hook(a, b)
            if res is not NotImplemented:
                return res
    hook = getattr(ta, '__add__', None)
    if hook is not None:
        res = hook(a, b)
        if res is not NotImplemented:
            return res
    if tb is not ta:
        hook = getattr(tb, '__radd__', None)
        if hook is not None:
            res = hook(b, a)
            if res is not NotImplemented:
                return res
    return NotImplemented


def _concat(a, b, inplace):
    if isinstance(a, _NATIVE_CONCAT):
        if inplace:
            a += b
            return a
        return a + b
    if _seq_like(a) and _seq_like(b):
        res = _add_slots(a, b, inplace)
        if res is not NotImplemented:
            return res
    raise TypeError(f"'{_tname(a)}' object can't be concatenated")


def concat(a, b):
    "Same as a + b, for a and b sequences."
    return _concat(a, b, False)

def _iterate(a):
    try:
        return iter(a)
    except TypeError:
        raise TypeError(f"argument of type '{_tname(a)}' is not iterable") from None


def contains(a, b):
    "Same as b in a (note reversed operands)."
    if not hasattr(type(a), '__contains__'):
        for item in _iterate(a):
            if item is b or item == b:
                return True
        return False
    return b in a

def countOf(a, b):
    "Return the number of items in a which are, or which equal, b."
    n = 0
    for item in _iterate(a):
        if item is b or item == b:
            n += 1
    return n

def delitem(a, b):
    "Same as del a[b]."
    del a[b]

def getitem(a, b):
    "Same as a[b]."
    return a[b]

def indexOf(a, b):
    "Return the first index of b in a."
    pos = 0
    for item in _iterate(a):
        if item is b or item == b:
            return pos
        pos += 1
    raise ValueError('sequence.index(x): x not in sequence')

def setitem(a, b, c):
    "Same as a[b] = c."
    a[b] = c

def length_hint(obj, default=0):
    """Return an estimate of the number of items in obj.

    This is useful for presizing containers when building from an iterable.

    If the object supports len(), the result will be exact.
    Otherwise, it may over- or under-estimate by an arbitrary amount.
    The result will be an integer >= 0.
    """
    if not isinstance(default, int):
        raise TypeError(f"'{_tname(default)}' object cannot be interpreted as an integer")
    if hasattr(type(obj), '__len__'):
        return len(obj)
    hook = getattr(type(obj), '__length_hint__', None)
    if hook is None:
        return default
    try:
        est = hook(obj)
    except TypeError:
        return default
    if est is NotImplemented:
        return default
    if not isinstance(est, int):
        raise TypeError(f"__length_hint__ must be an integer, not {_tname(est)}")
    if est < 0:
        raise ValueError("__length_hint__() should return >= 0")
    return est


# ---- other ---------------------------------------------------------------

def call(obj, /, *args, **kwargs):
    "Same as obj(*args, **kwargs)."
    return obj(*args, **kwargs)


# ---- callables built from operators -------------------------------------

def _fetch_attr(obj, dotted):
    for part in dotted:
        obj = getattr(obj, part)
    return obj


class attrgetter:
    """Return a callable object that fetches the given attribute(s) from its operand.
    After f = attrgetter('name'), the call f(r) returns r.name.
    After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).
    After h = attrgetter('name.first', 'name.last'), the call h(r) returns
    (r.name.first, r.name.last).
    """
    __slots__ = ('_names', '_paths')

    def __init__(self, *names, **kwargs):
        if kwargs:
            raise TypeError('attrgetter() takes no keyword arguments')
        if not names:
            raise TypeError('attrgetter expected 1 argument, got 0')
        for n in names:
            if not isinstance(n, str):
                raise TypeError('attribute name must be a string')
        self._names = names
        self._paths = tuple(tuple(n.split('.')) for n in names)

    def __call__(self, obj, /):
        if len(self._paths) == 1:
            return _fetch_attr(obj, self._paths[0])
        return tuple(_fetch_attr(obj, p) for p in self._paths)

    def __repr__(self):
        inner = ', '.join(repr(n) for n in self._names)
        return f'{type(self).__module__}.{type(self).__qualname__}({inner})'

    def __reduce__(self):
        return type(self), self._names


class itemgetter:
    """Return a callable object that fetches the given item(s) from its operand.
    After f = itemgetter(2), the call f(r) returns r[2].
    After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])
    """
    __slots__ = ('_keys',)

    def __init__(self, *keys, **kwargs):
        if kwargs:
            raise TypeError('itemgetter() takes no keyword arguments')
        if not keys:
            raise TypeError('itemgetter expected 1 argument, got 0')
        self._keys = keys

    def __call__(self, obj, /):
        keys = self._keys
        if len(keys) == 1:
            return obj[keys[0]]
        return tuple(obj[k] for k in keys)

    def __repr__(self):
        inner = ', '.join(repr(k) for k in self._keys)
        return f'{type(self).__module__}.{type(self).__qualname__}({inner})'

    def __reduce__(self):
        return type(self), self._keys


class methodcaller:
    """Return a callable object that calls the given method on its operand.
    After f = methodcaller('name'), the call f(r) returns r.name().
    After g = methodcaller('name', 'date', foo=1), the call g(r) returns
    r.name('date', foo=1).
    """
    __slots__ = ('_method', '_pargs', '_kwargs')

    def __init__(*args, **kwargs):
        if len(args) < 2:
            raise TypeError('methodcaller needs at least one argument, the method name')
        self = args[0]
        name = args[1]
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._method = name
        self._pargs = args[2:]
        self._kwargs = kwargs

    def __call__(self, obj, /):
        return getattr(obj, self._method)(*self._pargs, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._method)]
        parts.extend(repr(a) for a in self._pargs)
        parts.extend(f'{k}={v!r}' for k, v in self._kwargs.items())
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(parts)})"


# ---- in-place operations -------------------------------------------------

def iadd(a, b):
    "Same as a += b."
    a += b
    return a

def iand(a, b):
    "Same as a &= b."
    a &= b
    return a

def iconcat(a, b):
    "Same as a += b, for a and b sequences."
    return _concat(a, b, True)

def ifloordiv(a, b):
    "Same as a //= b."
    a //= b
    return a

def ilshift(a, b):
    "Same as a <<= b."
    a <<= b
    return a

def imod(a, b):
    "Same as a %= b."
    a %= b
    return a

def imul(a, b):
    "Same as a *= b."
    a *= b
    return a

def imatmul(a, b):
    "Same as a @= b."
    a @= b
    return a

def ior(a, b):
    "Same as a |= b."
    a |= b
    return a

def ipow(a, b):
    "Same as a **= b."
    a **= b
    return a

def irshift(a, b):
    "Same as a >>= b."
    a >>= b
    return a

def isub(a, b):
    "Same as a -= b."
    a -= b
    return a

def itruediv(a, b):
    "Same as a /= b."
    a /= b
    return a

def ixor(a, b):
    "Same as a ^= b."
    a ^= b
    return a


# ---- dunder spellings ----------------------------------------------------

__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__not__ = not_
__abs__ = abs
__add__ = add
__and__ = and_
__call__ = call
__floordiv__ = floordiv
__index__ = index
__inv__ = inv
__invert__ = invert
__lshift__ = lshift
__mod__ = mod
__mul__ = mul
__matmul__ = matmul
__neg__ = neg
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
__concat__ = concat
__contains__ = contains
__delitem__ = delitem
__getitem__ = getitem
__setitem__ = setitem
__iadd__ = iadd
__iand__ = iand
__iconcat__ = iconcat
__ifloordiv__ = ifloordiv
__ilshift__ = ilshift
__imod__ = imod
__imul__ = imul
__imatmul__ = imatmul
__ior__ = ior
__ipow__ = ipow
__irshift__ = irshift
__isub__ = isub
__itruediv__ = itruediv
__ixor__ = ixor
