"""The few functions of CPython's _codecs that pickle needs: old pickle
protocols rebuild bytes objects through _codecs.encode(text, 'latin1')."""


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode obj (a str) with the given codec."""
    if not isinstance(obj, str):
        raise TypeError(f"utf_8_encode() argument 1 must be str, not {type(obj).__name__}")
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode obj (a bytes-like object) with the given codec."""
    return bytes(obj).decode(encoding, errors)
