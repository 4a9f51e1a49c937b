"""uuencode and quoted-printable coding for the binascii module."""


def _binascii():
    import binascii
    return binascii


def b2a_uu(data, /, *, backtick=False):
    """Uuencode line of data."""
    ba = _binascii()
    data = ba._binary(data)
    n = len(data)
    if n > 45:
        raise ba.Error("At most 45 bytes at once")
    out = [96 if backtick and not n else 32 + n]
    padded = data + b'\0' * (-n % 3)
    for i in range(0, len(padded), 3):
        v = (padded[i] << 16) | (padded[i + 1] << 8) | padded[i + 2]
        for shift in (18, 12, 6, 0):
            six = (v >> shift) & 63
            out.append(96 if backtick and not six else six + 32)
    out.append(10)
    return bytes(out)


def a2b_uu(data, /):
    """Decode a line of uuencoded data."""
    ba = _binascii()
    data = ba._ascii(data)
    # an empty line reads as the NUL that terminates C strings
    first = data[0] if data else 0
    bin_len = (first - 32) & 63
    pos = 1
    remaining = len(data) - 1
    out = []
    left = 0
    bits = 0
    while bin_len > 0:
        ch = data[pos] if remaining > 0 else 0
        if ch == 10 or ch == 13 or remaining <= 0:
            # trailing spaces may have been eaten at the end of the line
            ch = 0
        else:
            if ch < 32 or ch > 96:
                raise ba.Error("Illegal char")
            ch = (ch - 32) & 63
        left = (left << 6) | ch
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((left >> bits) & 0xff)
            left &= (1 << bits) - 1
            bin_len -= 1
        pos += 1
        remaining -= 1
    while remaining > 0:
        ch = data[pos]
        if ch not in (32, 96, 10, 13):
            raise ba.Error("Trailing garbage")
        pos += 1
        remaining -= 1
    return bytes(out)


_HEX_UPPER = b'0123456789ABCDEF'
_MAXLINESIZE = 76


def _is_hex(c):
    return 48 <= c <= 57 or 65 <= c <= 70 or 97 <= c <= 102


def _hex_value(c):
    if c <= 57:
        return c - 48
    if c <= 70:
        return c - 55
    return c - 87


def a2b_qp(data, header=False):
    """Decode a string of qp-encoded data."""
    data = _binascii()._ascii(data)
    n = len(data)
    out = []
    i = 0
    while i < n:
        c = data[i]
        if c == 61:  # '='
            i += 1
            if i >= n:
                break
            c = data[i]
            if c == 10 or c == 13:
                # soft line break: skip to just past the newline
                if c != 10:
                    while i < n and data[i] != 10:
                        i += 1
                if i < n:
                    i += 1
            elif c == 61:
                out.append(61)
                i += 1
            elif i + 1 < n and _is_hex(c) and _is_hex(data[i + 1]):
                out.append((_hex_value(c) << 4) | _hex_value(data[i + 1]))
                i += 2
            else:
                out.append(61)
        elif header and c == 95:  # '_'
            out.append(32)
            i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)


def _needs_qp_escape(data, i, linelen, quotetabs, istext, header):
    c = data[i]
    n = len(data)
    last = i + 1 == n
    if c > 126 or c == 61 or (header and c == 95):
        return True
    if c == 46 and linelen == 0 and (last or data[i + 1] in (10, 13, 0)):
        return True
    if not istext and (c == 13 or c == 10):
        return True
    if (c == 9 or c == 32) and last:
        return True
    return (c < 33 and c != 13 and c != 10 and
            (quotetabs or (c != 9 and c != 32)))


def b2a_qp(data, quotetabs=False, istext=True, header=False):
    """Encode a string using quoted-printable encoding."""
    data = _binascii()._binary(data)
    n = len(data)
    nl = data.find(b'\n')
    crlf = nl > 0 and data[nl - 1] == 13
    soft_break = [61, 13, 10] if crlf else [61, 10]
    out = []
    linelen = 0
    i = 0
    while i < n:
        c = data[i]
        if _needs_qp_escape(data, i, linelen, quotetabs, istext, header):
            if linelen + 3 >= _MAXLINESIZE:
                out.extend(soft_break)
                linelen = 0
            out.extend((61, _HEX_UPPER[c >> 4], _HEX_UPPER[c & 15]))
            i += 1
            linelen += 3
        elif istext and (c == 10 or (i + 1 < n and c == 13 and
                                     data[i + 1] == 10)):
            linelen = 0
            # whitespace before a line end must be protected
            if out and out[-1] in (32, 9):
                ch = out[-1]
                out[-1] = 61
                out.extend((_HEX_UPPER[ch >> 4], _HEX_UPPER[ch & 15]))
            if crlf:
                out.append(13)
            out.append(10)
            i += 2 if c == 13 else 1
        else:
            if (i + 1 != n and data[i + 1] != 10 and
                    linelen + 1 >= _MAXLINESIZE):
                out.extend(soft_break)
                linelen = 0
            linelen += 1
            out.append(95 if header and c == 32 else c)
            i += 1
    return bytes(out)
