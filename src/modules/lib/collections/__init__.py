'''This module implements specialized container datatypes providing
alternatives to Python's general purpose built-in containers, dict,
list, set, and tuple.

* namedtuple   factory function for creating tuple subclasses with named fields
* deque        list-like container with fast appends and pops on either end
* ChainMap     dict-like class for creating a single view of multiple mappings
* Counter      dict subclass for counting hashable objects
* OrderedDict  dict subclass that remembers the order entries were added
* defaultdict  dict subclass that calls a factory function to supply missing values
* UserDict     wrapper around dictionary objects for easier dict subclassing
* UserList     wrapper around list objects for easier list subclassing
* UserString   wrapper around string objects for easier string subclassing

'''

__all__ = [
    'ChainMap',
    'Counter',
    'OrderedDict',
    'UserDict',
    'UserList',
    'UserString',
    'defaultdict',
    'deque',
    'namedtuple',
]

import sys as _sys
import collections.abc as _abc
import heapq as _heapq

_Mapping = _abc.Mapping
_MutableMapping = _abc.MutableMapping
_MutableSequence = _abc.MutableSequence
_Sequence = _abc.Sequence
_KeysView = _abc.KeysView
_ValuesView = _abc.ValuesView
_ItemsView = _abc.ItemsView


def _class_alias(cls, item):
    try:
        from types import GenericAlias
    except ImportError:
        return cls
    return GenericAlias(cls, item)


# Objects whose repr is being computed right now (ids), so that a
# container that holds itself prints a placeholder instead of recursing.
_repr_active = set()


def _guarded_repr(obj, build, placeholder):
    key = id(obj)
    if key in _repr_active:
        return placeholder
    _repr_active.add(key)
    try:
        return build()
    finally:
        _repr_active.discard(key)


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be "
                        f"interpreted as an integer")
    return method(value)


################################################################################
### deque
################################################################################

class _ReadOnlyMaxlen:
    """The read-only `maxlen` attribute of deques."""

    __doc__ = 'maximum size of a deque or None if unbounded'

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj._maxlen

    def __set__(self, obj, value):
        raise AttributeError(
            "attribute 'maxlen' of 'collections.deque' objects is not writable")

    def __delete__(self, obj):
        raise AttributeError(
            "attribute 'maxlen' of 'collections.deque' objects is not writable")


class _deque_iterator:

    def __init__(self, dq, backwards):
        self._dq = dq
        self._stamp = dq._stamp
        self._step = 0
        self._backwards = backwards

    def __iter__(self):
        return self

    def __next__(self):
        dq = self._dq
        if dq is None:
            raise StopIteration
        if dq._stamp != self._stamp:
            self._dq = None
            raise RuntimeError('deque mutated during iteration')
        step = self._step
        if step >= dq._size:
            self._dq = None
            raise StopIteration
        self._step = step + 1
        if self._backwards:
            step = dq._size - 1 - step
        return dq._ring[(dq._head + step) & dq._mask]

    def __length_hint__(self):
        dq = self._dq
        if dq is None:
            return 0
        return max(dq._size - self._step, 0)


class _deque_reverse_iterator(_deque_iterator):
    pass


_deque_iterator.__module__ = 'collections'
_deque_reverse_iterator.__module__ = 'collections'


class deque:
    '''A list-like sequence optimized for data accesses near its endpoints.'''

    # The items live in a ring buffer `_ring` whose length is a power of
    # two (`_mask` + 1); the leftmost item is at `_head`.  `_stamp` changes
    # with every mutation that would confuse a running iterator.

    maxlen = _ReadOnlyMaxlen()

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._ring = [None] * 8
        self._mask = 7
        self._head = 0
        self._size = 0
        self._maxlen = None
        self._stamp = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                method = getattr(type(maxlen), '__index__', None)
                if method is None:
                    raise TypeError('an integer is required')
                maxlen = method(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
            maxlen = int(maxlen)
        self._maxlen = maxlen
        if self._size:
            self.clear()
        if iterable is not self:
            self.extend(iterable)

    # -- ring buffer primitives (no limit checks, no stamp changes) --

    def _grow(self):
        old = self._ring
        cap = len(old)
        head = self._head
        fresh = old[head:] + old[:head]
        fresh.extend([None] * cap)
        self._ring = fresh
        self._mask = 2 * cap - 1
        self._head = 0

    def _push_right(self, item):
        if self._size > self._mask:
            self._grow()
        self._ring[(self._head + self._size) & self._mask] = item
        self._size += 1

    def _push_left(self, item):
        if self._size > self._mask:
            self._grow()
        self._head = (self._head - 1) & self._mask
        self._ring[self._head] = item
        self._size += 1

    def _take_right(self):
        self._size -= 1
        slot = (self._head + self._size) & self._mask
        item = self._ring[slot]
        self._ring[slot] = None
        return item

    def _take_left(self):
        slot = self._head
        item = self._ring[slot]
        self._ring[slot] = None
        self._head = (slot + 1) & self._mask
        self._size -= 1
        return item

    def _slot(self, index):
        size = self._size
        if not isinstance(index, int):
            method = getattr(type(index), '__index__', None)
            if method is None:
                raise TypeError(f'sequence index must be integer, not '
                                f"'{type(index).__name__}'")
            index = method(index)
        if index < 0:
            index += size
        if index < 0 or index >= size:
            raise IndexError('deque index out of range')
        return (self._head + index) & self._mask

    def _items(self):
        ring = self._ring
        head = self._head
        mask = self._mask
        return [ring[(head + k) & mask] for k in range(self._size)]

    # -- the public API --

    def append(self, x):
        '''Add an element to the right side of the deque.'''
        self._stamp += 1
        limit = self._maxlen
        if limit is not None and self._size >= limit:
            if limit == 0:
                return
            self._take_left()
        self._push_right(x)

    def appendleft(self, x):
        '''Add an element to the left side of the deque.'''
        self._stamp += 1
        limit = self._maxlen
        if limit is not None and self._size >= limit:
            if limit == 0:
                return
            self._take_right()
        self._push_left(x)

    def pop(self):
        '''Remove and return the rightmost element.'''
        if not self._size:
            raise IndexError('pop from an empty deque')
        self._stamp += 1
        return self._take_right()

    def popleft(self):
        '''Remove and return the leftmost element.'''
        if not self._size:
            raise IndexError('pop from an empty deque')
        self._stamp += 1
        return self._take_left()

    def extend(self, iterable):
        '''Extend the right side of the deque with elements from the iterable.'''
        if iterable is self:
            iterable = self._items()
        for item in iterable:
            self.append(item)

    def extendleft(self, iterable):
        '''Extend the left side of the deque with elements from the iterable.'''
        if iterable is self:
            iterable = self._items()
        for item in iterable:
            self.appendleft(item)

    def rotate(self, n=1):
        '''Rotate the deque n steps to the right.  If n is negative, rotates left.'''
        n = _as_index(n)
        self._stamp += 1
        size = self._size
        if size <= 1:
            return
        n %= size
        if n == 0:
            return
        if size == self._mask + 1:
            # A full ring: moving the head is the whole rotation.
            self._head = (self._head - n) & self._mask
        elif n <= size // 2:
            for _ in range(n):
                self._push_left(self._take_right())
        else:
            for _ in range(size - n):
                self._push_right(self._take_left())

    def clear(self):
        '''Remove all elements from the deque.'''
        self._stamp += 1
        self._ring = [None] * 8
        self._mask = 7
        self._head = 0
        self._size = 0

    def copy(self):
        '''Return a shallow copy of a deque.'''
        cls = type(self)
        if cls is deque:
            fresh = deque((), self._maxlen)
            for item in self._items():
                fresh._push_right(item)
            return fresh
        if self._maxlen is None:
            return cls(self)
        return cls(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        '''Return number of occurrences of value.'''
        found = 0
        for item in self._items():
            if item is value or item == value:
                found += 1
        return found

    def index(self, value, start=0, stop=_sys.maxsize):
        '''Return first index of value.

        Raises ValueError if the value is not present.'''
        size = self._size
        start = _as_index(start)
        stop = _as_index(stop)
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        stop = min(stop, size)
        ring = self._ring
        head = self._head
        mask = self._mask
        for k in range(start, stop):
            item = ring[(head + k) & mask]
            if item is value or item == value:
                return k
        raise ValueError(f'{value!r} is not in deque')

    def insert(self, index, value):
        '''Insert value before index.'''
        index = _as_index(index)
        size = self._size
        if self._maxlen is not None and size >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        if index < 0:
            index = max(index + size, 0)
        if index > size:
            index = size
        self._stamp += 1
        if index == size:
            self._push_right(value)
            return
        if index == 0:
            self._push_left(value)
            return
        self._push_right(None)
        ring = self._ring
        head = self._head
        mask = self._mask
        for k in range(size, index, -1):
            ring[(head + k) & mask] = ring[(head + k - 1) & mask]
        ring[(head + index) & mask] = value

    def _drop(self, index):
        # Removes the item at the (valid, non-negative) position `index`,
        # shifting whichever side is shorter.
        ring = self._ring
        head = self._head
        mask = self._mask
        size = self._size
        if index < size // 2:
            for k in range(index, 0, -1):
                ring[(head + k) & mask] = ring[(head + k - 1) & mask]
            self._take_left()
        else:
            for k in range(index, size - 1):
                ring[(head + k) & mask] = ring[(head + k + 1) & mask]
            self._take_right()

    def remove(self, value):
        '''Remove first occurrence of value.'''
        ring = self._ring
        head = self._head
        mask = self._mask
        for k in range(self._size):
            item = ring[(head + k) & mask]
            if item is value or item == value:
                self._stamp += 1
                self._drop(k)
                return
        raise ValueError(f'{value!r} is not in deque')

    def reverse(self):
        '''Reverse *IN PLACE*.'''
        items = self._items()
        items.reverse()
        ring = self._ring
        head = self._head
        mask = self._mask
        for k, item in enumerate(items):
            ring[(head + k) & mask] = item

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size > 0

    def __getitem__(self, index):
        return self._ring[self._slot(index)]

    def __setitem__(self, index, value):
        self._ring[self._slot(index)] = value

    def __delitem__(self, index):
        slot = self._slot(index)
        self._stamp += 1
        self._drop((slot - self._head) & self._mask)

    def __contains__(self, value):
        for item in self._items():
            if item is value or item == value:
                return True
        return False

    def __iter__(self):
        return _deque_iterator(self, False)

    def __reversed__(self):
        return _deque_reverse_iterator(self, True)

    def __repr__(self):
        def build():
            body = repr(self._items())
            name = type(self).__name__
            if self._maxlen is None:
                return f'{name}({body})'
            return f'{name}({body}, maxlen={self._maxlen})'
        return _guarded_repr(self, build, '[...]')

    __hash__ = None

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._items(), other._items())

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not '
                            f'"{type(other).__name__}") to deque')
        fresh = self.copy()
        fresh.extend(other)
        return fresh

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        fresh = self.copy()
        fresh *= n
        return fresh

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _as_index(n)
        if n <= 0:
            self.clear()
            return self
        if n == 1 or not self._size:
            return self
        items = self._items()
        for _ in range(n - 1):
            for item in items:
                self.append(item)
        return self

    def __reduce__(self):
        if self._maxlen is None:
            args = ()
        else:
            args = ((), self._maxlen)
        state = getattr(self, '__dict__', None) or None
        if state is not None:
            state = {k: v for k, v in state.items()
                     if k not in ('_ring', '_mask', '_head', '_size',
                                  '_maxlen', '_stamp')} or None
        return type(self), args, state, iter(self)

    __class_getitem__ = classmethod(_class_alias)


_MutableSequence.register(deque)


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    '''defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
'''

    default_factory = None

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.update(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            shown = 'None'
        else:
            shown = _guarded_repr(factory, lambda: repr(factory), '...')
        body = _guarded_repr(self, lambda: dict.__repr__(self), '{...}')
        return f'{type(self).__name__}({shown}, {body})'

    def copy(self):
        '''D.copy() -> a shallow copy of D.'''
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        if self.default_factory is None:
            args = ()
        else:
            args = (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        fresh = self.copy()
        fresh.update(other)
        return fresh

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        fresh = type(self)(self.default_factory, other)
        fresh.update(self)
        return fresh

    def __ior__(self, other):
        self.update(other)
        return self

    __class_getitem__ = classmethod(_class_alias)


################################################################################
### OrderedDict
################################################################################

def _odict_view(name, base, extra):
    # The views of OrderedDict are named like CPython's built-in ones
    # (odict_keys, ...), which live in no importable module.
    def __reversed__(self):
        source = self._mapping
        for key in reversed(source):
            yield extra(source, key)

    def __repr__(self):
        return f'{type(self).__name__}({list(self)!r})'

    namespace = {
        '__slots__': (),
        '__module__': 'builtins',
        '__qualname__': name,
        '__reversed__': __reversed__,
        '__repr__': __repr__,
    }
    return type(base)(name, (base,), namespace)


_OrderedDictKeysView = _odict_view(
    'odict_keys', _KeysView, lambda source, key: key)
_OrderedDictValuesView = _odict_view(
    'odict_values', _ValuesView, lambda source, key: source[key])
_OrderedDictItemsView = _odict_view(
    'odict_items', _ItemsView, lambda source, key: (key, source[key]))


_absent = object()


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    # Plain dicts keep insertion order already; this class adds the
    # reordering operations and order-sensitive equality on top of it.

    def __init__(self, other=(), /, **kwds):
        self.update(other, **kwds)

    def update(self, other=(), /, **kwds):
        if isinstance(other, _Mapping) or hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def popitem(self, last=True):
        '''Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.
        '''
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(self))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        '''Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.
        '''
        if not dict.__contains__(self, key):
            raise KeyError(key)
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def keys(self):
        "D.keys() -> a set-like object providing a view on D's keys"
        return _OrderedDictKeysView(self)

    def values(self):
        "D.values() -> an object providing a view on D's values"
        return _OrderedDictValuesView(self)

    def items(self):
        "D.items() -> a set-like object providing a view on D's items"
        return _OrderedDictItemsView(self)

    def pop(self, key, default=_absent):
        '''od.pop(key[,default]) -> v, remove specified key and return the corresponding value.

        If the key is not found, return the default if given; otherwise,
        raise a KeyError.
        '''
        if default is _absent:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        '''Insert key with a value of default if key is not in the dictionary.

        Return the value for key if key is in the dictionary, else default.
        '''
        if key in self:
            return self[key]
        self[key] = default
        return default

    def __repr__(self):
        def build():
            if not self:
                return f'{type(self).__name__}()'
            return f'{type(self).__name__}({dict(dict.items(self))!r})'
        return _guarded_repr(self, build, '...')

    def __reduce__(self):
        state = dict(vars(self)) if hasattr(self, '__dict__') else None
        return type(self), (), state or None, None, iter(dict.items(self))

    def copy(self):
        'od.copy() -> a shallow copy of od'
        return type(self)(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        '''Create a new ordered dictionary with keys from iterable and values set to value.'''
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            return all(a == b for a, b in zip(dict.keys(self), dict.keys(other)))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        same = self.__eq__(other)
        if same is NotImplemented:
            return same
        return not same

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        fresh = type(self)(self)
        fresh.update(other)
        return fresh

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        fresh = type(self)(other)
        fresh.update(self)
        return fresh

    def __ior__(self, other):
        self.update(other)
        return self

    __class_getitem__ = classmethod(_class_alias)


################################################################################
### namedtuple
################################################################################

from _namedtuple import namedtuple, _tuplegetter

namedtuple.__module__ = 'collections'
_tuplegetter.__module__ = 'collections'


################################################################################
### Counter
################################################################################

class Counter(dict):
    '''Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.

    >>> c = Counter('abcdeabcdabcaba')  # count elements from a string

    >>> c.most_common(3)                # three most common elements
    [('a', 5), ('b', 4), ('c', 3)]

    '''

    def __init__(self, iterable=None, /, **kwds):
        '''Create a new, empty Counter object.  And if given, count elements
        from an input iterable.  Or, initialize the count from another mapping
        of elements to their counts.
        '''
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of elements not in the Counter is zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        '''List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.
        '''
        if n is None:
            return sorted(self.items(), key=_second, reverse=True)
        return _heapq.nlargest(n, self.items(), key=_second)

    def elements(self):
        '''Iterator over elements repeating each as many times as its count.

        If an element's count has been set to zero or is a negative
        number, elements() will ignore it.
        '''
        for elem, times in self.items():
            for _ in range(times):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        '''Like dict.update() but add counts instead of replacing them.

        Source can be an iterable, a dictionary, or another Counter instance.
        '''
        if iterable is not None:
            if isinstance(iterable, _Mapping):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        '''Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero.  Both the inputs and outputs are
        allowed to contain zero and negative counts.

        Source can be an iterable, a dictionary, or another Counter instance.
        '''
        if iterable is not None:
            if isinstance(iterable, _Mapping):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'Return a shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'Like dict.__delitem__() but does not raise KeyError for missing values.'
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return f'{self.__class__.__name__}({shown!r})'

    # -- multiset comparisons --

    def _all_pairs(self, other, test):
        for source in (self, other):
            for elem in source:
                if not test(self[elem], other[elem]):
                    return False
        return True

    def __eq__(self, other):
        'True if all counts agree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_pairs(other, lambda a, b: a == b)

    def __ne__(self, other):
        'True if any counts disagree. Missing counts are treated as zero.'
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        'True if all counts in self are a subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_pairs(other, lambda a, b: a <= b)

    def __lt__(self, other):
        'True if all counts in self are a proper subset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        'True if all counts in self are a superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_pairs(other, lambda a, b: a >= b)

    def __gt__(self, other):
        'True if all counts in self are a proper superset of those in other.'
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # -- multiset arithmetic --

    def __add__(self, other):
        '''Add counts from two counters.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            combined = count + other[elem]
            if combined > 0:
                result[elem] = combined
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        ''' Subtract count, but keep only results with positive counts.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            remaining = count - other[elem]
            if remaining > 0:
                result[elem] = remaining
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        '''Union is the maximum of value in either of the input counters.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            theirs = other[elem]
            best = theirs if count < theirs else count
            if best > 0:
                result[elem] = best
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        ''' Intersection is the minimum of corresponding counts.'''
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            theirs = other[elem]
            least = count if count < theirs else theirs
            if least > 0:
                result[elem] = least
        return result

    def __pos__(self):
        'Adds an empty counter, effectively stripping negative and zero counts'
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        '''Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts.
        '''
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        '''Internal method to strip elements with a negative or zero count'''
        doomed = [elem for elem, count in self.items() if not count > 0]
        for elem in doomed:
            del self[elem]
        return self

    def __iadd__(self, other):
        '''Inplace add from another counter, keeping only positive counts.'''
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        '''Inplace subtract counter, but keep only results with positive counts.'''
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        '''Inplace union is the maximum of value from either counter.'''
        for elem, theirs in other.items():
            if theirs > self[elem]:
                self[elem] = theirs
        return self._keep_positive()

    def __iand__(self, other):
        '''Inplace intersection is the minimum of corresponding elements.'''
        for elem, count in self.items():
            theirs = other[elem]
            if theirs < count:
                self[elem] = theirs
        return self._keep_positive()


def _second(pair):
    return pair[1]


################################################################################
### ChainMap
################################################################################

class ChainMap(_MutableMapping):
    ''' A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    The underlying mappings are stored in a list.  That list is public and can
    be accessed or updated using the *maps* attribute.  There is no other
    state.

    Lookups search the underlying mappings successively until a key is found.
    In contrast, writes, updates, and deletions only operate on the first
    mapping.
    '''

    def __init__(self, *maps):
        '''Initialize a ChainMap by setting *maps* to the given mappings.
        If no mappings are provided, a single empty dictionary is used.
        '''
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def __contains__(self, key):
        return any(key in mapping for mapping in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return _guarded_repr(
            self,
            lambda: f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})',
            '...')

    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        'Create a new ChainMap with keys from iterable and values set to value.'
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        '''New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        '''
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        merged = self.copy()
        merged.maps[0].update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        merged = dict(other)
        for child in reversed(self.maps):
            merged.update(child)
        return self.__class__(merged)


################################################################################
### UserDict
################################################################################

class UserDict(_MutableMapping):

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, '__missing__'):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            made = copy.copy(self)
        finally:
            self.data = data
        made.update(self)
        return made

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


################################################################################
### UserList
################################################################################

class UserList(_MutableSequence):
    """A more or less complete user-defined wrapper around list objects."""

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserList) else other

    def __lt__(self, other):
        return self.data < self._unwrap(other)

    def __le__(self, other):
        return self.data <= self._unwrap(other)

    def __eq__(self, other):
        return self.data == self._unwrap(other)

    def __gt__(self, other):
        return self.data > self._unwrap(other)

    def __ge__(self, other):
        return self.data >= self._unwrap(other)

    __hash__ = None

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__['data'] = self.__dict__['data'][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


################################################################################
### UserString
################################################################################

class UserString(_Sequence):

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def _unwrap(self, other):
        return other.data if isinstance(other, UserString) else other

    def __eq__(self, string):
        return self.data == self._unwrap(string)

    def __lt__(self, string):
        return self.data < self._unwrap(string)

    def __le__(self, string):
        return self.data <= self._unwrap(string)

    def __gt__(self, string):
        return self.data > self._unwrap(string)

    def __ge__(self, string):
        return self.data >= self._unwrap(string)

    def __contains__(self, char):
        if isinstance(char, UserString):
            char = char.data
        return char in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    # the string methods, delegating to self.data

    def capitalize(self):
        return self.__class__(self.data.capitalize())

    def casefold(self):
        return self.__class__(self.data.casefold())

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def count(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.count(sub, start, end)

    def removeprefix(self, prefix, /):
        if isinstance(prefix, UserString):
            prefix = prefix.data
        return self.__class__(self.data.removeprefix(prefix))

    def removesuffix(self, suffix, /):
        if isinstance(suffix, UserString):
            suffix = suffix.data
        return self.__class__(self.data.removesuffix(suffix))

    def encode(self, encoding='utf-8', errors='strict'):
        encoding = 'utf-8' if encoding is None else encoding
        errors = 'strict' if errors is None else errors
        return self.data.encode(encoding, errors)

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def find(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.find(sub, start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(sub, start, end)

    def isalpha(self):
        return self.data.isalpha()

    def isalnum(self):
        return self.data.isalnum()

    def isascii(self):
        return self.data.isascii()

    def isdecimal(self):
        return self.data.isdecimal()

    def isdigit(self):
        return self.data.isdigit()

    def isidentifier(self):
        return self.data.isidentifier()

    def islower(self):
        return self.data.islower()

    def isnumeric(self):
        return self.data.isnumeric()

    def isprintable(self):
        return self.data.isprintable()

    def isspace(self):
        return self.data.isspace()

    def istitle(self):
        return self.data.istitle()

    def isupper(self):
        return self.data.isupper()

    def join(self, seq):
        return self.data.join(seq)

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def lower(self):
        return self.__class__(self.data.lower())

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    maketrans = str.maketrans

    def partition(self, sep):
        return self.data.partition(sep)

    def replace(self, old, new, maxsplit=-1):
        if isinstance(old, UserString):
            old = old.data
        if isinstance(new, UserString):
            new = new.data
        return self.__class__(self.data.replace(old, new, maxsplit))

    def rfind(self, sub, start=0, end=_sys.maxsize):
        if isinstance(sub, UserString):
            sub = sub.data
        return self.data.rfind(sub, start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(sub, start, end)

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def swapcase(self):
        return self.__class__(self.data.swapcase())

    def title(self):
        return self.__class__(self.data.title())

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    def upper(self):
        return self.__class__(self.data.upper())

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))
