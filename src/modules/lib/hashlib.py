# hashlib: constructors over the native digest objects of `_hashlib`.

import _hashlib

algorithms_guaranteed = frozenset(("md5", "sha1", "sha224", "sha256", "sha384", "sha512",
                                   "sha3_224", "sha3_256", "sha3_384", "sha3_512",
                                   "blake2b", "blake2s", "shake_128", "shake_256"))
algorithms_available = frozenset(_hashlib.algorithms) | algorithms_guaranteed


def new(name, data=b"", *, usedforsecurity=True):
    if not isinstance(name, str):
        raise TypeError(f"new() argument 'name' must be str, not {type(name).__name__}")
    return _hashlib.new(name, data)


def _constructor(name):
    def construct(data=b"", *, usedforsecurity=True, string=None):
        if string is not None:
            if data != b"":
                raise TypeError("'data' and 'string' are mutually exclusive "
                                "and support for 'string' keyword parameter "
                                "is slated for removal in a future version.")
            data = string
        return _hashlib.new(name, data)
    construct.__name__ = "openssl_" + name
    construct.__qualname__ = "openssl_" + name
    return construct


md5 = _constructor("md5")
sha1 = _constructor("sha1")
sha224 = _constructor("sha224")
sha256 = _constructor("sha256")
sha384 = _constructor("sha384")
sha512 = _constructor("sha512")
sha3_224 = _constructor("sha3_224")
sha3_256 = _constructor("sha3_256")
sha3_384 = _constructor("sha3_384")
sha3_512 = _constructor("sha3_512")
blake2b = _constructor("blake2b")
blake2s = _constructor("blake2s")


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    h = new(digest) if isinstance(digest, str) else digest()
    if hasattr(fileobj, "getbuffer"):
        h.update(bytes(fileobj.getbuffer()))
        return h
    if not (hasattr(fileobj, "readinto") and hasattr(fileobj, "readable")
            and fileobj.readable()):
        raise ValueError(f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        h.update(chunk)
    return h


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """PBKDF2 (RFC 8018) with HMAC over `hash_name`."""
    import hmac
    if iterations < 1:
        raise ValueError("iteration value must be greater than 0.")
    size = new(hash_name).digest_size
    if dklen is None:
        dklen = size
    if dklen < 1:
        raise ValueError("key length must be greater than 0.")
    key = hmac.new(password, digestmod=hash_name)
    out = b""
    block = 1
    while len(out) < dklen:
        mac = key.copy()
        mac.update(salt + block.to_bytes(4, "big"))
        u = mac.digest()
        acc = int.from_bytes(u, "big")
        for _ in range(iterations - 1):
            mac = key.copy()
            mac.update(u)
            u = mac.digest()
            acc ^= int.from_bytes(u, "big")
        out += acc.to_bytes(size, "big")
        block += 1
    return out[:dklen]
