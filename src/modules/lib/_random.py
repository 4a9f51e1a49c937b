"""Core Mersenne Twister generator (MT19937), as CPython's _random module.

Pure-Python implementation: the state is a list of 624 unsigned 32-bit
words plus a position; outputs are bit-for-bit those of CPython.
"""

import time as _time

_N = 624
_M = 397
_MASK32 = 0xFFFFFFFF
_UPPER = 0x80000000
_LOWER = 0x7FFFFFFF
_TWIST = 0x9908B0DF

# counter mixed into time-based seeds so two quick seed() calls differ
_entropy_counter = [0]


def _regenerate(mt):
    # Refill all 624 words of the state in place (the "twist").
    upper = _UPPER
    lower = _LOWER
    twist = _TWIST
    i = 0
    while i < 227:          # 227 == N - M
        y = (mt[i] & upper) | (mt[i + 1] & lower)
        if y & 1:
            mt[i] = mt[i + 397] ^ (y >> 1) ^ twist
        else:
            mt[i] = mt[i + 397] ^ (y >> 1)
        i += 1
    while i < 623:
        y = (mt[i] & upper) | (mt[i + 1] & lower)
        if y & 1:
            mt[i] = mt[i - 227] ^ (y >> 1) ^ twist
        else:
            mt[i] = mt[i - 227] ^ (y >> 1)
        i += 1
    y = (mt[623] & upper) | (mt[0] & lower)
    if y & 1:
        mt[623] = mt[396] ^ (y >> 1) ^ twist
    else:
        mt[623] = mt[396] ^ (y >> 1)


def _linear_fill(seed):
    # Knuth-style linear initialisation of the state from one 32-bit word.
    mt = [0] * _N
    prev = seed & _MASK32
    mt[0] = prev
    for i in range(1, _N):
        prev = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        mt[i] = prev
    return mt


def _state_from_words(words):
    # Initialisation by an array of 32-bit words (init_by_array).
    mt = _linear_fill(19650218)
    count = len(words)
    i = 1
    j = 0
    steps = _N if _N > count else count
    while steps:
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + words[j] + j) & _MASK32
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= count:
            j = 0
        steps -= 1
    steps = _N - 1
    while steps:
        prev = mt[i - 1]
        mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK32
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        steps -= 1
    mt[0] = 0x80000000
    return mt


def _split_words(n):
    # Non-negative int -> list of 32-bit words, least significant first.
    if n == 0:
        return [0]
    words = []
    while n:
        words.append(n & _MASK32)
        n >>= 32
    return words


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return meth(value)


def _fresh_entropy():
    # No OS randomness source is available: mix the clock, a counter and
    # an object address.
    _entropy_counter[0] += 1
    t = _time.time_ns()
    words = _split_words(t)
    words.append(_entropy_counter[0] & _MASK32)
    words.extend(_split_words(id(object())))
    words.append((t * 6364136223846793005 + 1442695040888963407) & _MASK32)
    return words


class Random:
    """Random() -> create a random number generator with its own internal state."""

    def __new__(cls, *args, **kwargs):
        # a fresh generator is all zeros until __init__ (or seed()) runs
        self = object.__new__(cls)
        self._mt = [0] * _N
        self._pos = 0
        return self

    def __init__(self, *args, **kwargs):
        if kwargs and (type(self) is Random or type(self).__init__ is Random.__init__):
            raise TypeError('Random() takes no keyword arguments')
        if len(args) > 1:
            raise TypeError('Random() requires 0 or 1 argument')
        Random.seed(self, args[0] if args else None)

    def seed(self, n=None):
        """seed([n]) -> None.

        Defaults to use urandom and falls back to a combination
        of the current time and the process identifier.
        """
        if n is None:
            words = _fresh_entropy()
        elif isinstance(n, int):
            words = _split_words(abs(int(n)))
        else:
            words = _split_words(hash(n) & 0xFFFFFFFFFFFFFFFF)
        self._mt = _state_from_words(words)
        self._pos = _N

    def _next32(self):
        pos = self._pos
        mt = self._mt
        if pos >= _N:
            _regenerate(mt)
            pos = 0
        y = mt[pos]
        self._pos = pos + 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        return y ^ (y >> 18)

    def random(self):
        """random() -> x in the interval [0, 1)."""
        mt = self._mt
        pos = self._pos
        if pos >= _N:
            _regenerate(mt)
            pos = 0
        a = mt[pos]
        pos += 1
        if pos >= _N:
            _regenerate(mt)
            pos = 0
        b = mt[pos]
        self._pos = pos + 1
        a ^= a >> 11
        a ^= (a << 7) & 0x9D2C5680
        a ^= (a << 15) & 0xEFC60000
        a ^= a >> 18
        b ^= b >> 11
        b ^= (b << 7) & 0x9D2C5680
        b ^= (b << 15) & 0xEFC60000
        b ^= b >> 18
        return ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        k = _as_index(k)
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k == 0:
            return 0
        if k <= 32:
            return self._next32() >> (32 - k)
        result = 0
        shift = 0
        nxt = self._next32
        while k > 0:
            w = nxt()
            if k < 32:
                w >>= 32 - k
            result |= w << shift
            shift += 32
            k -= 32
        return result

    def getstate(self):
        """getstate() -> tuple containing the current state."""
        return tuple(self._mt) + (self._pos,)

    def setstate(self, state):
        """setstate(state) -> None.  Restores generator state."""
        if not isinstance(state, tuple):
            raise TypeError('state vector must be a tuple')
        if len(state) != _N + 1:
            raise ValueError('state vector is the wrong size')
        words = []
        for item in state[:_N]:
            if not isinstance(item, int):
                raise TypeError('an integer is required')
            if item < 0:
                raise OverflowError("can't convert negative value to unsigned int")
            if item > 0xFFFFFFFFFFFFFFFF:
                raise OverflowError('Python int too large to convert to C unsigned long')
            words.append(int(item) & _MASK32)
        pos = _as_index(state[_N])
        if pos < 0 or pos > _N:
            raise ValueError('invalid state')
        self._mt = words
        self._pos = pos
