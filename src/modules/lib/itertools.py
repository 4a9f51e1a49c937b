"""Functional tools for creating and using iterators.

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
batched(p, n) --> [p0, p1, ..., p_n-1], [p_n, p_n+1, ..., p_2n-1], ...
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(predicate, seq) --> seq[n], seq[n+1], starting when predicate fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(predicate, seq) --> elements of seq where predicate(elem) is False
islice(seq, [start,] stop [, step]) --> elements from
       seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(predicate, seq) --> seq[0], seq[1], until predicate fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
"""

import sys as _sys

_MAXSIZE = _sys.maxsize


# ---- argument helpers -----------------------------------------------------

def _plural(n):
    return 'argument' if n == 1 else 'arguments'


def _check_count(name, args, lo, hi):
    k = len(args)
    if lo == hi:
        if k != lo:
            raise TypeError(f'{name} expected {lo} {_plural(lo)}, got {k}')
    elif k < lo:
        raise TypeError(f'{name} expected at least {lo} {_plural(lo)}, got {k}')
    elif hi is not None and k > hi:
        raise TypeError(f'{name} expected at most {hi} {_plural(hi)}, got {k}')


def _custom_init(cls):
    # a subclass that defines __init__ may take keywords of its own
    for klass in cls.__mro__:
        if klass is not object and '__init__' in klass.__dict__:
            return True
    return False


def _no_keywords(name, cls, kwargs):
    if kwargs and not _custom_init(cls):
        raise TypeError(f'{name}() takes no keyword arguments')


def _unpack(fname, args, kwargs, names, nreq, kwonly=(), style='total'):
    """Bind constructor arguments the way CPython's argument parsers do,
    with their error messages.  Returns (values, keyword-only values)."""
    npos = len(names)
    if style == 'total':
        given = len(args) + len(kwargs)
        if given > npos:
            raise TypeError(f'{fname}() takes at most {npos} {_plural(npos)} ({given} given)')
    elif len(args) > npos:
        how = 'exactly' if nreq == npos else 'at most'
        word = 'positional argument' if npos == 1 else 'positional arguments'
        raise TypeError(f'{fname}() takes {how} {npos} {word} ({len(args)} given)')
    values = list(args) + [_UNSET] * (npos - len(args))
    extra = {}
    for key, val in kwargs.items():
        if key in names:
            i = names.index(key)
            if i < len(args):
                raise TypeError(f"argument for {fname}() given by name ('{key}') and position ({i + 1})")
            values[i] = val
        elif key in kwonly:
            extra[key] = val
        else:
            raise TypeError(f"{fname}() got an unexpected keyword argument '{key}'")
    for i in range(nreq):
        if values[i] is _UNSET:
            raise TypeError(f"{fname}() missing required argument '{names[i]}' (pos {i + 1})")
    return values, extra


def _as_index(x):
    if isinstance(x, int):
        return int(x)
    hook = getattr(type(x), '__index__', None)
    if hook is None:
        raise TypeError(f"'{type(x).__name__}' object cannot be interpreted as an integer")
    return hook(x)


def _is_number(x):
    if isinstance(x, (int, float)):
        return True
    t = type(x)
    for name in ('__index__', '__int__', '__float__', '__complex__'):
        if hasattr(t, name):
            return True
    return False


_UNSET = object()


def _rebuild(cls, state):
    obj = object.__new__(cls)
    for name, value in state.items():
        setattr(obj, name, value)
    return obj


def _reduce_state(self):
    # copy.copy() support (no __copy__: tee() must not take these objects
    # for copyable ones); a copy shares the underlying iterator(s)
    return _rebuild, (type(self), dict(vars(self)))


# ---- infinite iterators ----------------------------------------------------

class count:
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (start, step), _ = _unpack('count', args, kwargs, ('start', 'step'), 0)
        if start is _UNSET:
            start = 0
        if step is _UNSET:
            step = 1
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        if isinstance(start, int) and isinstance(step, int) and step == 1:
            # the unit-step integer case counts in plain ints
            start = int(start)
        self._value = start
        self._step = step
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        current = self._value
        self._value = current + self._step
        return current

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if isinstance(step, int) and step == 1:
            return f'{name}({self._value!r})'
        return f'{name}({self._value!r}, {step!r})'


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('cycle', cls, kwargs)
        _check_count('cycle', args, 1, 1)
        self._source = iter(args[0])
        self._saved = []
        self._pos = 0
        self._replaying = False
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        if not self._replaying:
            src = self._source
            if src is not None:
                for item in src:
                    self._saved.append(item)
                    return item
                self._source = None
            if not self._saved:
                raise StopIteration
            self._replaying = True
            self._pos = 0
        saved = self._saved
        item = saved[self._pos]
        self._pos = (self._pos + 1) % len(saved)
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (elem, times), _ = _unpack('repeat', args, kwargs, ('object', 'times'), 1)
        self._object = elem
        if times is _UNSET:
            self._left = None
        else:
            n = _as_index(times)
            self._left = n if n > 0 else 0
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        left = self._left
        if left is None:
            return self._object
        if left <= 0:
            raise StopIteration
        self._left = left - 1
        return self._object

    def __length_hint__(self):
        if self._left is None:
            raise TypeError('len() of unsized object')
        return self._left

    def __repr__(self):
        name = type(self).__name__
        if self._left is None:
            return f'{name}({self._object!r})'
        return f'{name}({self._object!r}, {self._left})'


# ---- iterators terminating on the shortest input ------------------------

class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (iterable, func), extra = _unpack('accumulate', args, kwargs, ('iterable', 'func'), 1,
                                          ('initial',), 'pos')
        self._it = iter(iterable)
        self._func = None if func is _UNSET else func
        self._total = _UNSET
        self._initial = extra.get('initial')
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        value = next(self._it)
        if self._total is _UNSET:
            self._total = value
        elif self._func is None:
            self._total = self._total + value
        else:
            self._total = self._func(self._total, value)
        return self._total


class batched:
    """Batch data into tuples of length n. The last batch may be shorter than n.

Loops over the input iterable and accumulates data into tuples
up to size n.  The input is consumed lazily, just enough to
fill a batch.  The result is yielded as soon as a batch is full
or when the input iterable is exhausted.

    >>> for batch in batched('ABCDEFG', 3):
    ...     print(batch)
    ...
    ('A', 'B', 'C')
    ('D', 'E', 'F')
    ('G',)

If "strict" is True, raises a ValueError if the final batch is shorter
than n."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (iterable, n), extra = _unpack('batched', args, kwargs, ('iterable', 'n'), 2,
                                       ('strict',), 'pos')
        strict = extra.get('strict', False)
        size = _as_index(n)
        if size < 1:
            raise ValueError('n must be at least one')
        self._it = iter(iterable)
        self._size = size
        self._strict = strict
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        chunk = []
        size = self._size
        for item in it:
            chunk.append(item)
            if len(chunk) == size:
                return tuple(chunk)
        self._it = None
        if not chunk:
            raise StopIteration
        if self._strict:
            raise ValueError('batched(): incomplete batch')
        return tuple(chunk)


class chain:
    """Return a chain object whose .__next__() method returns elements from the
first iterable until it is exhausted, then elements from the next
iterable, until all of the iterables are exhausted."""

    def __new__(cls, *iterables, **kwargs):
        self = object.__new__(cls)
        _no_keywords('chain', cls, kwargs)
        self._sources = iter(iterables)
        self._active = None
        return self

    @classmethod
    def from_iterable(cls, *args):
        """Alternative chain() constructor taking a single iterable argument that evaluates lazily."""
        if len(args) != 1:
            raise TypeError(f'chain.from_iterable() takes exactly one argument ({len(args)} given)')
        obj = cls.__new__(cls)
        obj._sources = iter(args[0])
        obj._active = None
        return obj

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            active = self._active
            if active is None:
                sources = self._sources
                if sources is None:
                    raise StopIteration
                try:
                    nxt = next(sources)
                except StopIteration:
                    self._sources = None
                    raise
                self._active = iter(nxt)
                continue
            try:
                return next(active)
            except StopIteration:
                self._active = None

    def __class_getitem__(cls, item):
        return _Alias(cls, item)


class _Alias:
    # minimal stand-in for types.GenericAlias (chain[int])
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        o = self.__origin__
        inner = ', '.join(a.__qualname__ if isinstance(a, type) and a.__module__ == 'builtins'
                          else (f'{a.__module__}.{a.__qualname__}' if isinstance(a, type) else repr(a))
                          for a in self.__args__)
        return f'{o.__module__}.{o.__qualname__}[{inner}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class compress:
    """Return data elements corresponding to true selector elements.

Forms a shorter iterator from selected data elements using the selectors to
choose the data elements."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (data, selectors), _ = _unpack('compress', args, kwargs, ('data', 'selectors'), 2)
        self._data = iter(data)
        self._selectors = iter(selectors)
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        data = self._data
        selectors = self._selectors
        while True:
            item = next(data)
            flag = next(selectors)
            if flag:
                return item


class dropwhile:
    """Drop items from the iterable while predicate(item) is true.

Afterwards, return every element until the iterable is exhausted."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('dropwhile', cls, kwargs)
        _check_count('dropwhile', args, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        self._dropping = True
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if not self._dropping:
            return next(it)
        while True:
            item = next(it)
            if not self._pred(item):
                self._dropping = False
                return item


class takewhile:
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('takewhile', cls, kwargs)
        _check_count('takewhile', args, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        self._done = False
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        item = next(self._it)
        if self._pred(item):
            return item
        self._done = True
        raise StopIteration


class filterfalse:
    """Return those items of iterable for which function(item) is false.

If function is None, return the items that are false."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('filterfalse', cls, kwargs)
        _check_count('filterfalse', args, 2, 2)
        self._pred = args[0]
        self._it = iter(args[1])
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        pred = self._pred
        it = self._it
        while True:
            item = next(it)
            keep = item if pred is None else pred(item)
            if not keep:
                return item


class starmap:
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('starmap', cls, kwargs)
        _check_count('starmap', args, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator.

    s -> (s0,s1), (s1,s2), (s2, s3), ..."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('pairwise', cls, kwargs)
        _check_count('pairwise', args, 1, 1)
        self._it = iter(args[0])
        self._last = _UNSET
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        # the source may re-enter this iterator: read our state only once
        old = self._last
        try:
            if old is _UNSET:
                old = next(it)
                self._last = old
            item = next(it)
        except StopIteration:
            self._it = None
            self._last = _UNSET
            raise
        self._last = item
        return (old, item)


_GROUP_END = object()


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

  iterable
    Elements to divide into groups according to the key function.
  key
    A function for computing the group category for each element.
    If the key function is not specified or is None, the element itself
    is used for grouping."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (iterable, key), _ = _unpack('groupby', args, kwargs, ('iterable', 'key'), 1)
        self._it = iter(iterable)
        self._keyfunc = None if key is _UNSET else key
        self._target = _GROUP_END
        self._curkey = _GROUP_END
        self._curvalue = _GROUP_END
        self._live = None
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def _advance(self):
        value = next(self._it)
        k = value if self._keyfunc is None else self._keyfunc(value)
        self._curvalue = value
        self._curkey = k

    def __next__(self):
        self._live = None
        # move past whatever remains of the previous group
        while True:
            if self._curkey is _GROUP_END:
                pass
            elif self._target is _GROUP_END:
                break
            elif not (self._target == self._curkey):
                break
            self._advance()
        self._target = self._curkey
        g = _grouper(self, self._target)
        self._live = g
        return (self._curkey, g)


class _grouper:
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._live is not self:
            raise StopIteration
        if parent._curvalue is _GROUP_END:
            parent._advance()
        if not (self._key == parent._curkey):
            raise StopIteration
        value = parent._curvalue
        parent._curvalue = _GROUP_END
        parent._curkey = _GROUP_END
        return value


def _slice_arg(x, message):
    if x is None:
        return None
    try:
        v = _as_index(x)
    except TypeError:
        raise ValueError(message) from None
    if v < 0 or v > _MAXSIZE:
        raise ValueError(message)
    return v


_STOP_MSG = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_INDEX_MSG = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.'
_STEP_MSG = 'Step for islice() must be a positive integer or None.'


class islice:
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object

Return an iterator whose next() method returns selected values from an
iterable.  If start is specified, will skip all preceding elements;
otherwise, start defaults to zero.  Step defaults to one.  If
specified as another value, step determines how many values are
skipped between successive calls.  Works like a slice() on a list
but returns an iterator."""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        _no_keywords('islice', cls, kwargs)
        _check_count('islice', args, 2, 4)
        source = args[0]
        if len(args) == 2:
            start = 0
            stop = _slice_arg(args[1], _STOP_MSG)
            step = 1
        else:
            start = _slice_arg(args[1], _INDEX_MSG)
            stop = _slice_arg(args[2], _STOP_MSG)
            if start is None:
                start = 0
            step = 1
            if len(args) == 4 and args[3] is not None:
                try:
                    step = _as_index(args[3])
                except TypeError:
                    raise ValueError(_STEP_MSG) from None
                if step < 1:
                    raise ValueError(_STEP_MSG)
        self._it = iter(source)
        self._next_index = start
        self._stop = stop
        self._step = step
        self._seen = 0
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._seen < self._next_index:
                next(it)
                self._seen += 1
            if stop is not None and self._seen >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._seen += 1
        nxt = self._next_index + self._step
        if stop is not None and nxt > stop:
            nxt = stop
        self._next_index = nxt
        return item


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple where
the i-th element comes from the i-th iterable argument.  The .__next__()
method continues until the longest iterable in the argument sequence
is exhausted and then it raises StopIteration.  When the shorter iterables
are exhausted, the fillvalue is substituted in their place.  The fillvalue
defaults to None or can be specified by a keyword argument."""

    def __new__(cls, *iterables, **kwargs):
        self = object.__new__(cls)
        fill = None
        if kwargs:
            if len(kwargs) != 1 or 'fillvalue' not in kwargs:
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fill = kwargs['fillvalue']
        self._its = [iter(x) for x in iterables]
        self._fill = fill
        self._open = len(self._its)
        return self

    __reduce__ = _reduce_state

    def __iter__(self):
        return self

    def __next__(self):
        its = self._its
        if not its or self._open == 0:
            raise StopIteration
        out = []
        for i in range(len(its)):
            it = its[i]
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                its[i] = None
                self._open -= 1
                if self._open == 0:
                    self._its = []
                    raise
                out.append(self._fill)
        return tuple(out)


# ---- tee ---------------------------------------------------------------------

class _TeeCell:
    __slots__ = ('value', 'link')

    def __init__(self):
        self.link = None


class _TeeSource:
    """The iterator shared by a family of tee objects."""
    __slots__ = ('it', 'busy')

    def __init__(self, it):
        self.it = it
        self.busy = False

    def pull(self):
        if self.busy:
            raise RuntimeError('cannot re-enter the tee iterator')
        self.busy = True
        try:
            return next(self.it)
        finally:
            self.busy = False


class _tee:
    """Iterator wrapped to make it copyable."""

    def __new__(cls, iterable):
        self = object.__new__(cls)
        it = iter(iterable)
        if isinstance(it, _tee):
            self._source = it._source
            self._cell = it._cell
        else:
            self._source = _TeeSource(it)
            self._cell = _TeeCell()
        return self

    def __iter__(self):
        return self

    def __next__(self):
        cell = self._cell
        if cell.link is None:
            value = self._source.pull()
            if cell.link is None:
                cell.value = value
                cell.link = _TeeCell()
        self._cell = cell.link
        return cell.value

    def __copy__(self):
        other = object.__new__(type(self))
        other._source = self._source
        other._cell = self._cell
        return other


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    if kwargs:
        raise TypeError('itertools.tee() takes no keyword arguments')
    _check_count('tee', args, 1, 2)
    iterable = args[0]
    n = _as_index(args[1]) if len(args) > 1 else 2
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    first = it if hasattr(it, '__copy__') else _tee(it)
    group = [first]
    for _ in range(n - 1):
        group.append(first.__copy__())
    return tuple(group)


# ---- combinatorics -------------------------------------------------------------

def _check_r(r, strict=False):
    if not strict:
        r = _as_index(r)
    elif not isinstance(r, int):
        raise TypeError('Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class _Combinatoric:
    # Shared plumbing: subclasses provide _produce(), a generator.
    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


class product(_Combinatoric):
    """Cartesian product of input iterables.  Equivalent to nested for-loops.

For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).
The leftmost iterators are in the outermost for-loop, so the output tuples
cycle in a manner similar to an odometer (with the rightmost element changing
on every iteration).

To compute the product of an iterable with itself, specify the number
of repetitions with the optional repeat keyword argument. For example,
product(A, repeat=4) means the same as product(A, A, A, A).

product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)
product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ..."""

    def __new__(cls, *iterables, **kwargs):
        self = object.__new__(cls)
        for key in kwargs:
            if key != 'repeat':
                raise TypeError(f"product() got an unexpected keyword argument '{key}'")
        times = _as_index(kwargs.get('repeat', 1))
        if times < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(x) for x in iterables] * times
        self._gen = self._produce(pools)
        return self

    @staticmethod
    def _produce(pools):
        if any(len(p) == 0 for p in pools):
            return
        width = len(pools)
        idx = [0] * width
        yield tuple(p[0] for p in pools)
        while True:
            pos = width - 1
            while pos >= 0:
                idx[pos] += 1
                if idx[pos] < len(pools[pos]):
                    break
                idx[pos] = 0
                pos -= 1
            if pos < 0:
                return
            yield tuple(pools[i][idx[i]] for i in range(width))


class permutations(_Combinatoric):
    """Return successive r-length permutations of elements in the iterable.

permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)"""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (iterable, r), _ = _unpack('permutations', args, kwargs, ('iterable', 'r'), 1)
        if r is _UNSET:
            r = None
        pool = tuple(iterable)
        size = len(pool) if r is None else _check_r(r, True)
        self._gen = self._produce(pool, size)
        return self

    @staticmethod
    def _produce(pool, r):
        n = len(pool)
        if r > n:
            return
        order = list(range(n))
        countdown = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in order[:r])
        if n == 0:
            return
        while True:
            for i in range(r - 1, -1, -1):
                countdown[i] -= 1
                if countdown[i] == 0:
                    moved = order[i]
                    del order[i]
                    order.append(moved)
                    countdown[i] = n - i
                else:
                    j = n - countdown[i]
                    order[i], order[j] = order[j], order[i]
                    yield tuple(pool[k] for k in order[:r])
                    break
            else:
                return


class combinations(_Combinatoric):
    """Return successive r-length combinations of elements in the iterable.

combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)"""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (iterable, r), _ = _unpack('combinations', args, kwargs, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = self._produce(pool, _check_r(r))
        return self

    @staticmethod
    def _produce(pool, r):
        n = len(pool)
        if r > n:
            return
        picks = list(range(r))
        yield tuple(pool[i] for i in picks)
        while True:
            pos = r - 1
            while pos >= 0 and picks[pos] == pos + n - r:
                pos -= 1
            if pos < 0:
                return
            picks[pos] += 1
            for j in range(pos + 1, r):
                picks[j] = picks[j - 1] + 1
            yield tuple(pool[i] for i in picks)


class combinations_with_replacement(_Combinatoric):
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.

combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')"""

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        (iterable, r), _ = _unpack('combinations_with_replacement', args, kwargs, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = self._produce(pool, _check_r(r))
        return self

    @staticmethod
    def _produce(pool, r):
        n = len(pool)
        if n == 0 and r > 0:
            return
        picks = [0] * r
        yield tuple(pool[i] for i in picks)
        while True:
            pos = r - 1
            while pos >= 0 and picks[pos] == n - 1:
                pos -= 1
            if pos < 0:
                return
            level = picks[pos] + 1
            for j in range(pos, r):
                picks[j] = level
            yield tuple(pool[i] for i in picks)

