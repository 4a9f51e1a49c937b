"""Ascii85, base85 and Z85 codings for the base64 module."""


def _b64():
    import base64
    return base64


def _85encode(b, chars, pad=False, foldnuls=False, foldspaces=False):
    b = _b64()._memoryview_bytes(b)
    padding = (-len(b)) % 4
    if padding:
        b = b + b'\0' * padding
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        if foldnuls and not word:
            chunks.append(b'z')
        elif foldspaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            digits = []
            for _ in range(5):
                word, r = divmod(word, 85)
                digits.append(chars[r])
            digits.reverse()
            chunks.append(bytes(digits))
    if padding and not pad:
        if chunks[-1] == b'z':
            chunks[-1] = bytes([chars[0]]) * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


_A85CHARS = bytes(range(33, 118))
_A85START = b"<~"
_A85END = b"~>"


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode bytes b with Ascii85.  foldspaces writes 'y' for four spaces,
    wrapcol wraps lines, pad pads the input to a multiple of 4 bytes, and
    adobe adds the <~ ~> frame."""
    result = _85encode(b, _A85CHARS, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol]
                  for i in range(0, len(result), wrapcol)]
        if adobe:
            if len(chunks[-1]) + 2 > wrapcol:
                chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 bytes or ASCII str b."""
    b = _b64()._bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError(
                "Ascii85 encoded byte sequences must end "
                "with {!r}".format(_A85END))
        if b.startswith(_A85START):
            b = b[2:-2]
        else:
            b = b[:-2]
    decoded = []
    curr = []
    for x in b + b'u' * 4:
        if 33 <= x <= 117:
            curr.append(x)
            if len(curr) == 5:
                acc = 0
                for c in curr:
                    acc = 85 * acc + (c - 33)
                if acc > 0xffffffff:
                    raise ValueError('Ascii85 overflow') from None
                decoded.append(acc.to_bytes(4, 'big'))
                curr.clear()
        elif x == 122:  # 'z'
            if curr:
                raise ValueError('z inside Ascii85 5-tuple')
            decoded.append(b'\0\0\0\0')
        elif foldspaces and x == 121:  # 'y'
            if curr:
                raise ValueError('y inside Ascii85 5-tuple')
            decoded.append(b'\x20\x20\x20\x20')
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    result = b''.join(decoded)
    padding = 4 - len(curr)
    if padding:
        result = result[:-padding]
    return result


_b85alphabet = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_b85dec = [None] * 256
for _i, _c in enumerate(_b85alphabet):
    _b85dec[_c] = _i


def b85encode(b, pad=False):
    """Encode bytes b in base85; pad pads the input to a multiple of 4."""
    return _85encode(b, _b85alphabet, pad)


def b85decode(b):
    """Decode base85 bytes or ASCII str b."""
    b = _b64()._bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    out = []
    for i in range(0, len(b), 5):
        acc = 0
        for j in range(i, i + 5):
            v = _b85dec[b[j]]
            if v is None:
                raise ValueError('bad base85 character at position %d'
                                 % j) from None
            acc = acc * 85 + v
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d'
                             % i) from None
        out.append(acc.to_bytes(4, 'big'))
    result = b''.join(out)
    if padding:
        result = result[:-padding]
    return result


_z85alphabet = (b'0123456789abcdefghijklmnopqrstuvwxyz'
                b'ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#')
# characters valid in base85 but not in z85 become NUL, which is invalid
_z85_b85_decode_diff = b';_`|~'


def _z85_tables():
    base64 = _b64()
    decode = base64._maketrans(_z85alphabet + _z85_b85_decode_diff,
                               _b85alphabet + b'\x00' * 5)
    encode = base64._maketrans(_b85alphabet, _z85alphabet)
    return encode, decode


def z85encode(s):
    """Encode bytes s in Z85."""
    return _b64()._translate(b85encode(s), _z85_tables()[0])


def z85decode(s):
    """Decode Z85 bytes or ASCII str s."""
    base64 = _b64()
    s = base64._bytes_from_decode_data(s)
    s = base64._translate(s, _z85_tables()[1])
    try:
        return b85decode(s)
    except ValueError as e:
        raise ValueError(e.args[0].replace('base85', 'z85')) from None
