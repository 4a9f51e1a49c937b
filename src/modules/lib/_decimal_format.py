# format() for Decimals: the format-specification mini-language as the C
# implementation of the decimal module applies it.  Decimal keeps its own
# digits: no precision means no rounding, and 'g' keeps trailing zeros.

from _decimal_core import FINITE, INF, QNAN, ndigits, pow10, round_coefficient, shrink

_TYPES = "eEfFgGn%"
_ALIGNS = "<>=^"


def _bad():
    return ValueError("invalid format string")


def _parse_spec(spec):
    """The parts of a format specification, or ValueError."""
    fill, align = None, None
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in _ALIGNS:
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in _ALIGNS:
        align = spec[0]
        i = 1
    sign = "-"
    if i < n and spec[i] in "+- ":
        sign = spec[i]
        i += 1
    no_neg_zero = False
    if i < n and spec[i] == "z":
        no_neg_zero = True
        i += 1
    alt = False
    if i < n and spec[i] == "#":
        alt = True
        i += 1
    zero = False
    if i < n and spec[i] == "0":
        zero = True
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    grouping = False
    if i < n and spec[i] == ",":
        grouping = True
        i += 1
    precision = None
    if i < n and spec[i] == ".":
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise _bad()
        precision = int(spec[start:i])
    kind = None
    if i < n and spec[i] in _TYPES:
        kind = spec[i]
        i += 1
    if i != n:
        raise _bad()
    zero_fill = False
    if zero and fill is None:
        fill = "0"
        zero_fill = True
        if align is None:
            align = "="
    return {
        "fill": fill if fill is not None else " ", "align": align, "sign": sign,
        "no_neg_zero": no_neg_zero, "alt": alt, "zero": zero_fill, "width": width,
        "grouping": grouping, "precision": precision, "type": kind,
    }


def _group_digits(digits, min_width, separator):
    """Integer digits with separators every three, zero-padded (if
    min_width asks for it) to at least min_width characters."""
    groups = []
    while True:
        size = min(max(len(digits), min_width, 1), 3)
        groups.append(digits[-size:].rjust(size, "0") if digits else "0" * size)
        digits = digits[:-size] if len(digits) > size else ""
        min_width -= size
        if not digits and min_width <= 0:
            break
        min_width -= len(separator)
    return separator.join(reversed(groups))


def _pad(body, sign_text, spec):
    """Apply width, fill and alignment to sign + body."""
    width = spec["width"]
    total = len(sign_text) + len(body)
    if total >= width:
        return sign_text + body
    fill = spec["fill"]
    room = width - total
    align = spec["align"] or ">"
    if align == "<":
        return sign_text + body + fill * room
    if align == "^":
        left = room // 2
        return fill * left + sign_text + body + fill * (room - left)
    if align == "=":
        return sign_text + fill * room + body
    return fill * room + sign_text + body


def _sign_text(negative, spec):
    if negative:
        return "-"
    if spec["sign"] == "+":
        return "+"
    if spec["sign"] == " ":
        return " "
    return ""


def _rounded(coef, exp, sign, new_exp, rounding):
    """The coefficient moved to new_exp (rounding when digits are lost)."""
    if new_exp <= exp:
        return coef * pow10(exp - new_exp)
    c, drop = shrink(coef, new_exp - exp)
    return round_coefficient(c, drop, sign, rounding)[0]


def format_decimal(d, spec_text, ctx):
    spec = _parse_spec(spec_text)
    kind = spec["type"]
    if kind is None:
        kind = "G" if ctx._capitals else "g"
    if d._kind != FINITE:
        return _format_special(d, spec, kind)
    precision = spec["precision"]
    rounding = ctx._rounding
    sign, coef, exp = d._sign, d._coef, d._exp
    if kind == "%":
        exp += 2
    if precision is not None:
        if kind in "eE":
            if coef:
                drop = ndigits(coef) - (precision + 1)
                if drop < 0:
                    coef *= pow10(-drop)
                    exp += drop
                elif drop > 0:
                    coef = _rounded(coef, exp, sign, exp + drop, rounding)
                    exp += drop
                    if ndigits(coef) > precision + 1:
                        coef //= 10
                        exp += 1
        elif kind in "fF%":
            coef = _rounded(coef, exp, sign, -precision, rounding)
            exp = -precision
        else:
            digits = max(precision, 1)
            drop = ndigits(coef) - digits
            if drop > 0:
                coef = _rounded(coef, exp, sign, exp + drop, rounding)
                exp += drop
                if ndigits(coef) > digits:
                    coef //= 10
                    exp += 1
    if coef == 0 and exp > 0 and kind in "fF%":
        exp = 0
    if coef == 0 and spec["no_neg_zero"]:
        sign = 0
    digits = str(coef)
    left = exp + len(digits)
    if kind in "eE":
        point = 1 - precision if (coef == 0 and precision is not None) else 1
    elif kind in "fF%":
        point = left
    else:
        point = left if (exp <= 0 and left > -6) else 1
    if point < 0:
        int_part, frac_part = "0", "0" * (-point) + digits
    elif point > len(digits):
        int_part, frac_part = digits + "0" * (point - len(digits)), ""
    else:
        int_part, frac_part = digits[:point] or "0", digits[point:]
    exponent = left - point
    return _assemble(sign, int_part, frac_part, exponent, kind, spec)


def _assemble(sign, int_part, frac_part, exponent, kind, spec):
    tail = ""
    if frac_part or spec["alt"]:
        tail = "." + frac_part
    if exponent != 0 or kind in "eE":
        mark = "E" if kind in "EG" else "e"
        tail += mark + ("+" if exponent >= 0 else "-") + str(abs(exponent))
    if kind == "%":
        tail += "%"
    sign_text = _sign_text(sign, spec)
    if spec["zero"]:
        min_width = spec["width"] - len(sign_text) - len(tail)
    else:
        min_width = 0
    if spec["grouping"]:
        int_part = _group_digits(int_part, min_width, ",")
    elif min_width > len(int_part):
        int_part = int_part.rjust(min_width, "0")
    return _pad(int_part + tail, sign_text, spec)


def _format_special(d, spec, kind):
    if d._kind == INF:
        body = "Infinity"
    else:
        body = ("NaN" if d._kind == QNAN else "sNaN") + (str(d._coef) if d._coef else "")
    if kind == "%":
        body += "%"
    if spec["zero"]:
        # Zero padding does not apply to infinities and NaNs.
        spec = dict(spec, fill=" ", align=">" if spec["align"] == "=" else spec["align"])
    return _pad(body, _sign_text(d._sign, spec), spec)
