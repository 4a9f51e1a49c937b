"""Queues with optional size limits and task tracking: FIFO (Queue), LIFO
(LifoQueue), by priority (PriorityQueue), and SimpleQueue (aio
implementation of CPython's queue).

aio runs one thread, so nothing else can change a queue while a call waits
on it.  A put()/get() that would wait for ever (block=True, timeout=None,
and the queue full/empty), or a join() with unfinished tasks, raises
RuntimeError instead of hanging; with a timeout the call waits that long
(time.sleep), then raises Full/Empty as CPython does."""

import types
from collections import deque
from heapq import heappush, heappop
from time import sleep as _sleep

from _queue import Empty, SimpleQueue
from _queue import _wait_in_vain

__all__ = [
    'Empty',
    'Full',
    'ShutDown',
    'Queue',
    'PriorityQueue',
    'LifoQueue',
    'SimpleQueue',
]


class Full(Exception):
    """Raised by a put() that finds no free slot without waiting or within
    its timeout."""
    pass


class ShutDown(Exception):
    """Raised by put() and get() on a queue that was shut down."""


class _Lock:
    """Stands in for threading.Lock: with a single thread, acquiring a
    held lock could only deadlock."""

    def __init__(self):
        self._held = False

    def acquire(self, blocking=True, timeout=-1):
        if self._held:
            if blocking and timeout < 0:
                raise RuntimeError('acquiring a lock held by the only thread '
                                   'would block forever')
            if blocking and timeout > 0:
                _sleep(timeout)
            return False
        self._held = True
        return True

    def release(self):
        if not self._held:
            raise RuntimeError('release unlocked lock')
        self._held = False

    def locked(self):
        return self._held

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class _Condition:
    """Stands in for threading.Condition over a _Lock."""

    def __init__(self, lock):
        self._lock = lock

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        _wait_in_vain('Condition.wait()', timeout)
        return False

    def notify(self, n=1):
        pass

    def notify_all(self):
        pass


class Queue:
    """A FIFO queue; maxsize <= 0 means no limit on the number of items."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = _Lock()
        self.not_empty = _Condition(self.mutex)
        self.not_full = _Condition(self.mutex)
        self.all_tasks_done = _Condition(self.mutex)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    def task_done(self):
        """Tell the queue that the processing of an item taken by get() is
        complete (ValueError when there are more calls than items)."""
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished < 0:
                raise ValueError('task_done() called too many times')
            if unfinished == 0:
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Return once every item put() has been marked done by task_done()
        (RuntimeError when some is not: nothing else could mark it)."""
        with self.all_tasks_done:
            if self.unfinished_tasks:
                _wait_in_vain('Queue.join()', None)

    def qsize(self):
        """The number of items in the queue."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Whether the queue holds no item."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Whether the queue holds maxsize items (never when unbounded)."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Add item; when the queue is full, raise Full at once (block
        false) or after waiting timeout seconds.  ShutDown once the queue
        is shut down."""
        with self.not_full:
            if self.is_shutdown:
                raise ShutDown
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    if self._qsize() >= self.maxsize:
                        _wait_in_vain('Queue.put() on a full queue', None)
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                elif self._qsize() >= self.maxsize:
                    _wait_in_vain('Queue.put()', timeout)
                    raise Full
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return the next item; when there is none, raise Empty
        at once (block false) or after waiting timeout seconds.  ShutDown
        once the queue is shut down and empty."""
        with self.not_empty:
            if self.is_shutdown and not self._qsize():
                raise ShutDown
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                if not self._qsize():
                    _wait_in_vain('Queue.get() on an empty queue', None)
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            elif not self._qsize():
                _wait_in_vain('Queue.get()', timeout)
                raise Empty
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item, block=False)"""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)"""
        return self.get(block=False)

    def shutdown(self, immediate=False):
        """Make put() raise ShutDown from now on, and get() once the queue
        is empty; immediate empties the queue now, marking its items as
        done."""
        with self.mutex:
            self.is_shutdown = True
            if immediate:
                while self._qsize():
                    self._get()
                    if self.unfinished_tasks > 0:
                        self.unfinished_tasks -= 1
                self.all_tasks_done.notify_all()
            self.not_empty.notify_all()
            self.not_full.notify_all()

    # The storage; subclasses override these four to change the order.

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(types.GenericAlias)


class PriorityQueue(Queue):
    """A Queue whose get() returns the smallest item first (a heap), for
    example the (priority, data) pair with the lowest priority."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A Queue whose get() returns the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()
