"""Format-spec parsing and rendering for fractions.Fraction.__format__."""

_ALIGNS = '<>=^'
_ASCII_DIGITS = '0123456789'


def _parse_fill_align(spec, out):
    if len(spec) >= 2 and spec[1] in _ALIGNS:
        out['fill'], out['align'] = spec[0], spec[1]
        return 2
    if spec and spec[0] in _ALIGNS:
        out['align'] = spec[0]
        return 1
    return 0


def _parse_width(spec, pos):
    """'0' or a number not starting with 0; returns (text or None, pos)."""
    if pos < len(spec) and spec[pos] == '0':
        return '0', pos + 1
    start = pos
    if pos < len(spec) and spec[pos] in '123456789':
        while pos < len(spec) and spec[pos] in _ASCII_DIGITS:
            pos += 1
        return spec[start:pos], pos
    return None, pos


def _take(spec, pos, chars):
    if pos < len(spec) and spec[pos] in chars:
        return spec[pos], pos + 1
    return None, pos


def parse_general_spec(spec):
    """[[fill]align][sign][#][width][,|_] or None."""
    out = {'fill': None, 'align': None}
    pos = _parse_fill_align(spec, out)
    out['sign'], pos = _take(spec, pos, '-+ ')
    out['alt'], pos = _take(spec, pos, '#')
    out['minimumwidth'], pos = _parse_width(spec, pos)
    out['thousands_sep'], pos = _take(spec, pos, ',_')
    return out if pos == len(spec) else None


def parse_float_spec(spec):
    """[[fill]align][sign][z][#][0][width][,|_][.precision]type or None."""
    out = {'fill': None, 'align': None, 'precision': None}
    n = len(spec)
    pos = _parse_fill_align(spec, out)
    out['sign'], pos = _take(spec, pos, '-+ ')
    out['no_neg_zero'], pos = _take(spec, pos, 'z')
    out['alt'], pos = _take(spec, pos, '#')
    out['zeropad'] = None
    # a '0' counts as zero padding only when another digit follows it
    if pos + 1 < n and spec[pos] == '0' and spec[pos + 1] in _ASCII_DIGITS:
        out['zeropad'] = '0'
        pos += 1
    out['minimumwidth'], pos = _parse_width(spec, pos)
    out['thousands_sep'], pos = _take(spec, pos, ',_')
    if pos < n and spec[pos] == '.':
        precision, after = _parse_width(spec, pos + 1)
        if precision is None:
            return None
        out['precision'] = precision
        pos = after
    out['presentation_type'], pos = _take(spec, pos, 'eEfFgG%')
    if out['presentation_type'] is None or pos != n:
        return None
    return out


def _pad(sign, body, fill, align, minimumwidth):
    padding = fill * (minimumwidth - len(sign) - len(body))
    if align == '>':
        return padding + sign + body
    if align == '<':
        return sign + body + padding
    if align == '^':
        half = len(padding) // 2
        return padding[:half] + sign + body + padding[half:]
    return sign + padding + body


def format_general(n, d, spec):
    fill = spec['fill'] or ' '
    align = spec['align'] or '>'
    pos_sign = '' if spec['sign'] in (None, '-') else spec['sign']
    minimumwidth = int(spec['minimumwidth'] or '0')
    sep = spec['thousands_sep'] or ''
    if d > 1 or spec['alt']:
        body = f"{abs(n):{sep}}/{d:{sep}}"
    else:
        body = f"{abs(n):{sep}}"
    sign = '-' if n < 0 else pos_sign
    return _pad(sign, body, fill, align, minimumwidth)


def round_to_exponent(n, d, exponent, no_neg_zero=False):
    """Round n/d (d > 0) to a multiple of 10**exponent, ties to even.
    Returns (negative, significand)."""
    if exponent >= 0:
        d *= 10 ** exponent
    else:
        n *= 10 ** -exponent
    q, r = divmod(n + (d >> 1), d)
    if r == 0 and d & 1 == 0:
        # exactly half way: the quotient rounded up; make it even
        q &= -2
    negative = q < 0 if no_neg_zero else n < 0
    return negative, abs(q)


def round_to_figures(n, d, figures):
    """Round n/d to the given count of significant digits, ties to even.
    Returns (negative, significand, exponent)."""
    if n == 0:
        return False, 0, 1 - figures
    str_n, str_d = str(abs(n)), str(d)
    # 10**(m - 1) <= |n|/d <= 10**m
    m = len(str_n) - len(str_d) + (str_d <= str_n)
    exponent = m - figures
    negative, significand = round_to_exponent(n, d, exponent)
    if len(str(significand)) == figures + 1:
        significand //= 10
        exponent += 1
    return negative, significand, exponent


def _group_thousands(leading, sep):
    first = 1 + (len(leading) - 1) % 3
    groups = [leading[:first]]
    for pos in range(first, len(leading), 3):
        groups.append(leading[pos:pos + 3])
    return sep.join(groups)


def format_float_style(n, d, spec):
    fill = spec['fill'] or ' '
    align = spec['align'] or '>'
    pos_sign = '' if spec['sign'] in (None, '-') else spec['sign']
    no_neg_zero = bool(spec['no_neg_zero'])
    alternate = bool(spec['alt'])
    zeropad = bool(spec['zeropad'])
    minimumwidth = int(spec['minimumwidth'] or '0')
    sep = spec['thousands_sep']
    precision = int(spec['precision'] or '6')
    kind = spec['presentation_type']
    trim_zeros = kind in 'gG' and not alternate
    trim_point = not alternate
    exponent_indicator = 'E' if kind in 'EFG' else 'e'

    # point_pos: how many of the digits go after the decimal point
    if kind in 'fF%':
        exponent = -precision - (2 if kind == '%' else 0)
        negative, significand = round_to_exponent(n, d, exponent, no_neg_zero)
        scientific = False
        point_pos = precision
    else:
        figures = max(precision, 1) if kind in 'gG' else precision + 1
        negative, significand, exponent = round_to_figures(n, d, figures)
        scientific = (kind in 'eE' or exponent > 0
                      or exponent + figures <= -4)
        point_pos = figures - 1 if scientific else -exponent

    if kind == '%':
        suffix = '%'
    elif scientific:
        suffix = f"{exponent_indicator}{exponent + point_pos:+03d}"
    else:
        suffix = ''

    digits = f"{significand:0{point_pos + 1}d}"
    sign = '-' if negative else pos_sign
    leading = digits[:len(digits) - point_pos]
    frac_part = digits[len(digits) - point_pos:]
    if trim_zeros:
        frac_part = frac_part.rstrip('0')
    separator = '' if trim_point and not frac_part else '.'
    trailing = separator + frac_part + suffix

    if zeropad:
        min_leading = minimumwidth - len(sign) - len(trailing)
        # separators will also be inserted into the zero padding
        leading = leading.zfill(
            3 * min_leading // 4 + 1 if sep else min_leading)
    if sep:
        leading = _group_thousands(leading, sep)
    return _pad(sign, leading + trailing, fill, align, minimumwidth)
