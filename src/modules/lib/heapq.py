"""Heap queue algorithm (a.k.a. priority queue).

Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
all k, counting elements from 0.  For the sake of comparison,
non-existing elements are considered to be infinite.  The interesting
property of a heap is that a[0] is always its smallest element.

Usage:

heap = []            # creates an empty heap
heappush(heap, item) # pushes a new item on the heap
item = heappop(heap) # pops the smallest item from the heap
item = heap[0]       # smallest item on the heap without popping it
heapify(x)           # transforms list into a heap, in-place, in linear time
item = heappushpop(heap, item) # pushes a new item and then returns
                               # the smallest item; the heap size is unchanged
item = heapreplace(heap, item) # pops and returns smallest item, and adds
                               # new item; the heap size is unchanged

Our API differs from textbook heap algorithms as follows:

- We use 0-based indexing.  This makes the relationship between the
  index for a node and the indexes for its children slightly less
  obvious, but is more suitable since Python uses 0-based indexing.

- Our heappop() method returns the smallest item, not the largest.

These two make it possible to view the heap as a regular Python list
without surprises: heap[0] is the smallest item, and heap.sort()
maintains the heap invariant!
"""

__about__ = """Heap queues"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _need_list(heap, fname, numbered):
    if not isinstance(heap, list):
        which = 'argument 1' if numbered else 'argument'
        shown = 'None' if heap is None else type(heap).__name__
        raise TypeError(f'{fname}() {which} must be list, not {shown}')


# The sifting helpers.  "Toward root" moves the item at `pos` up while it
# is smaller than its parent; "from root" first walks the hole at `pos`
# down to a leaf along the smaller children, then moves the saved item up
# from there (fewer comparisons than the textbook version, and the exact
# comparison sequence CPython performs).

def _toward_root(heap, top, pos):
    item = heap[pos]
    while pos > top:
        up = (pos - 1) >> 1
        parent = heap[up]
        if item < parent:
            heap[pos] = parent
            pos = up
            continue
        break
    heap[pos] = item


def _from_root(heap, pos):
    end = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        other = child + 1
        if other < end and not heap[child] < heap[other]:
            child = other
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _toward_root(heap, top, pos)


def _toward_root_max(heap, top, pos):
    item = heap[pos]
    while pos > top:
        up = (pos - 1) >> 1
        parent = heap[up]
        if parent < item:
            heap[pos] = parent
            pos = up
            continue
        break
    heap[pos] = item


def _from_root_max(heap, pos):
    end = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        other = child + 1
        if other < end and not heap[other] < heap[child]:
            child = other
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _toward_root_max(heap, top, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _need_list(heap, 'heappush', True)
    heap.append(item)
    _toward_root(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _need_list(heap, 'heappop', False)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _from_root(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item.

    This is more efficient than heappop() followed by heappush(), and can be
    more appropriate when using a fixed-size heap.  Note that the value
    returned may be larger than item!  That constrains reasonable uses of
    this routine unless written as part of a conditional replacement:

        if item > heap[0]:
            item = heapreplace(heap, item)
    """
    _need_list(heap, 'heapreplace', True)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _from_root(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _need_list(heap, 'heappushpop', True)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _from_root(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _need_list(x, 'heapify', False)
    for pos in range(len(x) // 2 - 1, -1, -1):
        _from_root(x, pos)


def _heappop_max(heap):
    """Maxheap version of a heappop."""
    _need_list(heap, '_heappop_max', False)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _from_root_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    """Maxheap version of a heappop followed by a heappush."""
    _need_list(heap, '_heapreplace_max', True)
    if not heap:
        raise IndexError('index out of range')
    largest = heap[0]
    heap[0] = item
    _from_root_max(heap, 0)
    return largest


def _heapify_max(x):
    """Transform list into a maxheap, in-place, in O(len(x)) time."""
    _need_list(x, '_heapify_max', False)
    for pos in range(len(x) // 2 - 1, -1, -1):
        _from_root_max(x, pos)


def merge(*iterables, key=None, reverse=False):
    '''Merge multiple sorted inputs into a single sorted output.

    Similar to sorted(itertools.chain(*iterables)) but returns a generator,
    does not pull the data into memory all at once, and assumes that each of
    the input streams is already sorted (smallest to largest).

    >>> list(merge([1,3,5,7], [0,2,4,8], [5,10,15,20], [], [25]))
    [0, 1, 2, 3, 4, 5, 5, 7, 8, 10, 15, 20, 25]

    If *key* is not None, applies a key function to each element to determine
    its sort order.

    >>> list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len))
    ['dog', 'cat', 'fish', 'horse', 'kangaroo']

    '''
    if reverse:
        build, drop, swap, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        build, drop, swap, sign = heapify, heappop, heapreplace, 1

    # Each heap entry is a list [sort key, tie-breaker, value, iterator];
    # the tie-breaker (the input's position) keeps the merge stable and
    # keeps the comparisons away from values and iterators.
    entries = []
    for position, source in enumerate(iterables):
        it = iter(source)
        try:
            value = next(it)
        except StopIteration:
            continue
        rank = value if key is None else key(value)
        entries.append([rank, position * sign, value, it])
    build(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = next(entry[3])
                entry[0] = value if key is None else key(value)
                entry[2] = value
                swap(entries, entry)
        except StopIteration:
            drop(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n == 1:
        nothing = object()
        best = min(iter(iterable), default=nothing, key=key)
        return [] if best is nothing else [best]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # Keep the n best seen so far in a max-heap of (key, arrival, value)
    # triples; the arrival number makes ties resolve like a stable sort.
    it = iter(iterable)
    kept = []
    for arrival, elem in zip(range(n), it):
        kept.append((elem if key is None else key(elem), arrival, elem))
    if not kept:
        return []
    _heapify_max(kept)
    worst = kept[0][0]
    arrival = n
    for elem in it:
        rank = elem if key is None else key(elem)
        if rank < worst:
            _heapreplace_max(kept, (rank, arrival, elem))
            worst = kept[0][0]
            arrival += 1
    kept.sort()
    return [entry[2] for entry in kept]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n == 1:
        nothing = object()
        best = max(iter(iterable), default=nothing, key=key)
        return [] if best is nothing else [best]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # A min-heap of the n best so far; arrivals count downwards so that
    # earlier items win ties after the final reverse sort.
    it = iter(iterable)
    kept = []
    for arrival, elem in zip(range(0, -n, -1), it):
        kept.append((elem if key is None else key(elem), arrival, elem))
    if not kept:
        return []
    heapify(kept)
    worst = kept[0][0]
    arrival = -n
    for elem in it:
        rank = elem if key is None else key(elem)
        if worst < rank:
            heapreplace(kept, (rank, arrival, elem))
            worst = kept[0][0]
            arrival -= 1
    kept.sort(reverse=True)
    return [entry[2] for entry in kept]
