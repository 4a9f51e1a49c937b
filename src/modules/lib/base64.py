"""Base16, Base32, Base64 (RFC 3548), Base85 and Ascii85 data encodings
(aio implementation of CPython's base64)."""

import binascii

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode', 'z85encode',
    'z85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

try:
    bytes_types = (bytes, bytearray)
except NameError:
    bytes_types = (bytes,)


def _maketrans(frm, to):
    """A 256-entry translation table (bytes.maketrans)."""
    frm = _buffer_bytes(frm)
    to = _buffer_bytes(to)
    if len(frm) != len(to):
        raise ValueError("maketrans arguments must have same length")
    table = list(range(256))
    for a, b in zip(frm, to):
        table[a] = b
    return table


def _translate(data, table):
    return bytes([table[b] for b in data])


def _buffer_bytes(s):
    # what a C function taking a buffer accepts
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(s).__name__)


def _memoryview_bytes(s):
    # memoryview(s).tobytes()
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("memoryview: a bytes-like object is required, not '%s'"
                    % type(s).__name__)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII '
                             'characters')
    if isinstance(s, bytes_types):
        return s
    raise TypeError("argument should be a bytes-like object or ASCII "
                    "string, not %r" % s.__class__.__name__) from None


# -- Base64 -------------------------------------------------------------------

def b64encode(s, altchars=None):
    """Encode bytes s with Base64; altchars (2 bytes) replace '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _translate(encoded, _maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 bytes or ASCII str s.  Without validate, characters
    outside the alphabet are dropped; with it they raise binascii.Error."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, _maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """Encode bytes s using the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode s, encoded with the standard Base64 alphabet."""
    return b64decode(s)


_urlsafe_encode_translation = _maketrans(b'+/', b'-_')
_urlsafe_decode_translation = _maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Encode bytes s with the URL-safe alphabet ('-' and '_')."""
    return _translate(b64encode(s), _urlsafe_encode_translation)


def urlsafe_b64decode(s):
    """Decode s, encoded with the URL-safe alphabet."""
    s = _bytes_from_decode_data(s)
    s = _translate(s, _urlsafe_decode_translation)
    return b64decode(s)


# -- Base32 ---------------------------------------------------------------------

_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_b32rev = {}


def _b32encode(alphabet, s):
    s = _memoryview_bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    out = []
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5], 'big')
        for shift in range(35, -1, -5):
            out.append(alphabet[(c >> shift) & 31])
    # the padding replaces the characters made only of zero fill
    pad = {1: 6, 2: 4, 3: 3, 4: 1}.get(leftover, 0)
    if pad:
        out[-pad:] = [61] * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    if alphabet not in _b32rev:
        _b32rev[alphabet] = {v: k for k, v in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = _translate(s, _maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    # the pad count tells how many trailing zero bytes to drop
    l = len(s)
    s = s.rstrip(b'=')
    padchars = l - len(s)
    decoded = b''
    pieces = []
    b32rev = _b32rev[alphabet]
    acc = 0
    for i in range(0, len(s), 8):
        quanta = s[i:i + 8]
        acc = 0
        for c in quanta:
            v = b32rev.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            acc = (acc << 5) + v
        pieces.append(acc.to_bytes(5, 'big'))
    decoded = b''.join(pieces)
    if l % 8 or padchars not in {0, 1, 3, 4, 6}:
        raise binascii.Error('Incorrect padding')
    if padchars and decoded:
        acc <<= 5 * padchars
        last = acc.to_bytes(5, 'big')
        leftover = (43 - 5 * padchars) // 8
        decoded = decoded[:-5] + last[:leftover]
    return decoded


def b32encode(s):
    """Encode the bytes-like object s using base32 and return a bytes
    object."""
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    """Decode the base32 encoded bytes or ASCII string s.  casefold accepts
    lowercase; map01 ('I' or 'L') maps the digits 0 and 1 to letters."""
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    """Encode the bytes-like object s using base32hex and return a bytes
    object."""
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    """Decode the base32hex encoded bytes or ASCII string s."""
    return _b32decode(_b32hexalphabet, s, casefold)


# -- Base16 -------------------------------------------------------------------------

def b16encode(s):
    """Encode the bytes-like object s using Base16 and return a bytes object.
    """
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode the Base16 encoded bytes or ASCII string s."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


from _base85 import (a85encode, a85decode, b85encode, b85decode,  # noqa
                     z85encode, z85decode)


# -- the legacy line-oriented interface --------------------------------------

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode a file; input and output are binary files."""
    while s := input.read(MAXBINSIZE):
        while len(s) < MAXBINSIZE and (ns := input.read(MAXBINSIZE - len(s))):
            s += ns
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode a file; input and output are binary files."""
    while line := input.readline():
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    if not isinstance(s, bytes_types):
        raise TypeError("expected bytes-like object, not %s"
                        % s.__class__.__name__)


def encodebytes(s):
    """Encode bytes into lines of base64 data, 76 characters each."""
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b"".join(pieces)


def decodebytes(s):
    """Decode bytes of base64 data."""
    _input_type_check(s)
    return binascii.a2b_base64(s)
