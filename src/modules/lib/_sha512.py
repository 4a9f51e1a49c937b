"""Pure-Python SHA-512 (FIPS 180-4), used by random.seed() for str/bytes seeds."""

_M64 = 0xFFFFFFFFFFFFFFFF


def _first_bits(count, root):
    # The first 64 fractional bits of the `root`-th roots of the first
    # `count` primes (the SHA-512 constants), computed with exact integers.
    primes = []
    cand = 2
    while len(primes) < count:
        if all(cand % p for p in primes if p * p <= cand):
            primes.append(cand)
        cand += 1
    out = []
    for p in primes:
        # integer root of p * 2**(64*root), rounded down
        target = p << (64 * root)
        lo = 0
        hi = 1 << (64 + 8)
        while lo < hi:
            mid = (lo + hi + 1) >> 1
            if mid ** root <= target:
                lo = mid
            else:
                hi = mid - 1
        out.append(lo & _M64)
    return out


_ROUND_K = None
_START_H = None


def _constants():
    global _ROUND_K, _START_H
    if _ROUND_K is None:
        _ROUND_K = _first_bits(80, 3)
        _START_H = _first_bits(8, 2)
    return _ROUND_K, _START_H


def _compress(h, block):
    k = _ROUND_K
    w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
    for t in range(16, 80):
        x = w[t - 15]
        s0 = ((x >> 1) | (x << 63)) ^ ((x >> 8) | (x << 56)) ^ (x >> 7)
        y = w[t - 2]
        s1 = ((y >> 19) | (y << 45)) ^ ((y >> 61) | (y << 3)) ^ (y >> 6)
        w.append((w[t - 16] + (s0 & _M64) + w[t - 7] + (s1 & _M64)) & _M64)
    a, b, c, d, e, f, g, hh = h
    m = _M64
    for t in range(80):
        e_rot = ((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))
        choose = (e & f) ^ (~e & g)
        t1 = (hh + (e_rot & m) + choose + k[t] + w[t]) & m
        a_rot = ((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))
        major = (a & b) ^ (a & c) ^ (b & c)
        t2 = ((a_rot & m) + major) & m
        hh = g
        g = f
        f = e
        e = (d + t1) & m
        d = c
        c = b
        b = a
        a = (t1 + t2) & m
    return [(x + y) & m for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


class sha512:
    name = 'sha512'
    digest_size = 64
    block_size = 128

    def __init__(self, data=b''):
        _constants()
        self._h = list(_START_H)
        self._pending = b''
        self._length = 0
        if data:
            self.update(data)

    def update(self, data):
        data = bytes(data)
        self._length += len(data)
        buf = self._pending + data
        full = len(buf) - len(buf) % 128
        h = self._h
        for off in range(0, full, 128):
            h = _compress(h, buf[off:off + 128])
        self._h = h
        self._pending = buf[full:]

    def copy(self):
        other = sha512.__new__(sha512)
        other._h = list(self._h)
        other._pending = self._pending
        other._length = self._length
        return other

    def digest(self):
        bitlen = self._length * 8
        tail = self._pending + b'\x80'
        tail += b'\x00' * ((112 - len(tail)) % 128)
        tail += bitlen.to_bytes(16, 'big')
        h = self._h
        for off in range(0, len(tail), 128):
            h = _compress(h, tail[off:off + 128])
        return b''.join(x.to_bytes(8, 'big') for x in h)

    def hexdigest(self):
        return self.digest().hex()
