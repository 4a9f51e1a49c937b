"""Empty and SimpleQueue for the queue module (aio implementation of
CPython's _queue; use queue instead).

aio runs one thread, so a get() that would wait forever raises
RuntimeError, and a get() with a timeout waits that long, then raises
Empty."""

import time as _time
from collections import deque as _deque
from types import GenericAlias as _GenericAlias

__all__ = []

_MISSING = object()


class Empty(Exception):
    """Raised by a get() that finds no item without waiting or within its
    timeout."""
    __module__ = '_queue'


def _bind(fname, args, kwargs, names, defaults):
    """Bind arguments like Argument Clinic (same checks and messages);
    defaults gives the values of the trailing optional parameters."""
    nargs = len(args)
    total = nargs + len(kwargs)
    maxargs = len(names)
    required = maxargs - len(defaults)
    if total > maxargs:
        raise TypeError('%s() takes at most %d %sargument%s (%d given)'
                        % (fname, maxargs, 'keyword ' if nargs == 0 else '',
                           '' if maxargs == 1 else 's', total))
    values = list(args) + [_MISSING] * (maxargs - nargs)
    left = len(kwargs)
    for i in range(nargs, maxargs):
        name = names[i]
        if left and name in kwargs:
            values[i] = kwargs[name]
            left -= 1
        elif i < required:
            raise TypeError("%s() missing required argument '%s' (pos %d)"
                            % (fname, name, i + 1))
        else:
            values[i] = defaults[i - required]
    if left:
        for i in range(nargs):
            if names[i] in kwargs:
                raise TypeError("argument for %s() given by name ('%s') and "
                                "position (%d)" % (fname, names[i], i + 1))
        for key in kwargs:
            if key not in names:
                raise TypeError("%s() got an unexpected keyword argument "
                                "'%s'" % (fname, key))
    return values


def _seconds(timeout):
    """A timeout in seconds as the C code reads it (_PyTime_FromSecondsObject)."""
    if isinstance(timeout, float):
        if timeout != timeout:
            raise ValueError('Invalid value NaN (not a number)')
        return timeout
    if not isinstance(timeout, int):
        index = getattr(type(timeout), '__index__', None)
        if index is None:
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(timeout).__name__)
        timeout = index(timeout)
    return timeout


def _wait_in_vain(what, timeout):
    """Nothing can change a queue while its only thread waits: wait out the
    timeout, or refuse to wait forever."""
    if timeout is None:
        raise RuntimeError('%s would block forever: aio runs a single '
                           'thread, so nothing else can change the queue'
                           % what)
    if timeout > 0:
        _time.sleep(timeout)


class SimpleQueue(object):
    """An unbounded first-in first-out queue without task tracking."""

    __slots__ = ('_items',)

    def __new__(cls, *args, **kwargs):
        if cls is SimpleQueue:
            if args:
                raise TypeError('SimpleQueue() takes no positional arguments')
            if kwargs:
                raise TypeError('SimpleQueue() takes no keyword arguments')
        self = object.__new__(cls)
        object.__setattr__(self, '_items', _deque())
        return self

    def __setattr__(self, name, value):
        if type(self) is SimpleQueue or name == '_items':
            raise AttributeError("'_queue.SimpleQueue' object has no attribute "
                                 "'%s' and no __dict__ for setting new "
                                 "attributes" % name)
        object.__setattr__(self, name, value)

    def put(self, *args, **kwargs):
        """Put the item on the queue (block and timeout are ignored: the
        queue is unbounded)."""
        item, block, timeout = _bind('put', args, kwargs,
                                     ('item', 'block', 'timeout'),
                                     (True, None))
        self._items.append(item)

    def put_nowait(self, *args, **kwargs):
        """put(item), which never blocks anyway."""
        item, = _bind('put_nowait', args, kwargs, ('item',), ())
        self._items.append(item)

    def get(self, *args, **kwargs):
        """Remove and return an item from the queue; raise Empty when none
        arrives (at once when block is false, else within timeout)."""
        block, timeout = _bind('get', args, kwargs, ('block', 'timeout'),
                               (True, None))
        block = bool(block)
        if block and timeout is not None:
            timeout = _seconds(timeout)
            if timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
        if self._items:
            return self._items.popleft()
        if block:
            _wait_in_vain('SimpleQueue.get()', timeout)
        raise Empty

    def get_nowait(self):
        """get(block=False)"""
        if self._items:
            return self._items.popleft()
        raise Empty

    def empty(self):
        """Whether the queue holds no item."""
        return not self._items

    def qsize(self):
        """The number of items in the queue."""
        return len(self._items)

    __class_getitem__ = classmethod(_GenericAlias)
