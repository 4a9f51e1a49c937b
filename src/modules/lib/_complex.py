# The built-in `complex` type. The interpreter makes it a builtin the first
# time a program names it, evaluates an imaginary literal, or raises a
# negative float to a fractional power, so programs that never use complex
# numbers pay nothing for it.
#
# The arithmetic follows CPython 3.13's algorithms (Smith's division, the
# polar form for non-integer powers, repeated squaring for small integer
# powers) so results agree to the last bit.

import math as _math

_MISSING = object()
_HASH_IMAG = 1000003
_HASH_MASK = (1 << 64) - 1


def _is_real_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, complex)


def _parts(x):
    """(real, imag) of a number mixed into complex arithmetic, or None."""
    if isinstance(x, complex):
        return x._complex__re, x._complex__im
    if isinstance(x, (int, float)):
        return float(x), 0.0
    return None


def _quotient(ar, ai, br, bi):
    """a / b by Smith's method; None when b is zero."""
    abs_br = abs(br)
    abs_bi = abs(bi)
    if abs_br >= abs_bi:
        if abs_br == 0.0:
            return None
        ratio = bi / br
        denom = br + bi * ratio
        return (ar + ai * ratio) / denom, (ai - ar * ratio) / denom
    if abs_bi >= abs_br:
        ratio = br / bi
        denom = br * ratio + bi
        return (ar * ratio + ai) / denom, (ai * ratio - ar) / denom
    # One of the parts of b is a NaN.
    nan = float("nan")
    return nan, nan


def _product(ar, ai, br, bi):
    return ar * br - ai * bi, ar * bi + ai * br


def _power_unsigned(r, i, n):
    """(r + ij) ** n for a non-negative integer n, by repeated squaring."""
    acc = (1.0, 0.0)
    p = (r, i)
    mask = 1
    while mask > 0 and n >= mask:
        if n & mask:
            acc = _product(acc[0], acc[1], p[0], p[1])
        mask <<= 1
        p = _product(p[0], p[1], p[0], p[1])
    return acc


def _power_polar(ar, ai, br, bi):
    """a ** b through the polar form; None for zero to a bad power."""
    if br == 0.0 and bi == 0.0:
        return 1.0, 0.0
    if ar == 0.0 and ai == 0.0:
        if bi != 0.0 or br < 0.0:
            return None
        return 0.0, 0.0
    vabs = _math.hypot(ar, ai)
    try:
        length = vabs ** br
    except OverflowError:
        length = float("inf")
    at = _math.atan2(ai, ar)
    phase = at * br
    if bi != 0.0:
        length /= _math.exp(at * bi)
        phase += bi * _math.log(vabs)
    return length * _math.cos(phase), length * _math.sin(phase)


def _power(ar, ai, br, bi):
    if bi == 0.0 and br == _math.floor(br) and abs(br) <= 100.0:
        n = int(br)
        if n >= 0:
            result = _power_unsigned(ar, ai, n)
        else:
            r, i = _power_unsigned(ar, ai, -n)
            result = _quotient(1.0, 0.0, r, i)
    else:
        result = _power_polar(ar, ai, br, bi)
    if result is None:
        raise ZeroDivisionError("0.0 to a negative or complex power")
    if _math.isinf(result[0]) or _math.isinf(result[1]):
        raise OverflowError("complex exponentiation")
    return complex(result[0], result[1])


def _float_power(base, exponent):
    """float ** float for a negative base and a fractional exponent."""
    return _power(float(base), 0.0, float(exponent), 0.0)


def _short_repr(x):
    """repr of a float as complex's repr shows it: no trailing `.0`."""
    text = repr(x)
    if text.endswith(".0"):
        text = text[:-2]
    return text


def _scan_float(s, i):
    """The float written at s[i:] (sign included): (value, end) or None."""
    n = len(s)
    j = i
    if j < n and s[j] in "+-":
        j += 1
    for word in ("infinity", "inf", "nan"):
        if s[j : j + len(word)].lower() == word:
            return float(s[i : j + len(word)]), j + len(word)
    k = j
    digits = False
    while k < n and (s[k].isdigit() or s[k] == "_"):
        digits = digits or s[k].isdigit()
        k += 1
    if k < n and s[k] == ".":
        k += 1
        while k < n and (s[k].isdigit() or s[k] == "_"):
            digits = digits or s[k].isdigit()
            k += 1
    if not digits:
        return None
    if k < n and s[k] in "eE":
        m = k + 1
        if m < n and s[m] in "+-":
            m += 1
        if m < n and s[m].isdigit():
            while m < n and (s[m].isdigit() or s[m] == "_"):
                m += 1
            k = m
    return float(s[i:k]), k


def _parse(text):
    """(real, imag) written in `text`, as complex() reads strings."""
    s = text.strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    try:
        parsed = _parse_bare(s)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError("complex() arg is a malformed string")
    return parsed


def _parse_bare(s):
    n = len(s)
    first = _scan_float(s, 0)
    if first is None:
        units = {"j": 1.0, "+j": 1.0, "-j": -1.0}
        if s.lower() in units:
            return 0.0, units[s.lower()]
        return None
    x, end = first
    if end == n:
        return x, 0.0
    if s[end] in "jJ":
        return (0.0, x) if end + 1 == n else None
    if s[end] not in "+-":
        return None
    second = _scan_float(s, end)
    if second is None:
        unit = s[end:].lower()
        if unit in ("+j", "-j"):
            return x, 1.0 if unit == "+j" else -1.0
        return None
    y, stop = second
    if stop + 1 == n and s[stop] in "jJ":
        return x, y
    return None


def _as_float(x, which):
    if isinstance(x, (int, float)):
        return float(x)
    to_float = getattr(type(x), "__float__", None)
    if to_float is None:
        to_float = getattr(type(x), "__index__", None)
    if to_float is None:
        name = type(x).__name__
        raise TypeError(f"complex() {which} argument must be a string or a number, not '{name}'"
                        if which == "first" else
                        f"complex() second argument must be a number, not '{name}'")
    return float(x)


def _as_parts(x, which):
    """(real, imag, whether x is complex) of a constructor argument."""
    if isinstance(x, complex):
        return x._complex__re, x._complex__im, True
    hook = getattr(type(x), "__complex__", None)
    if hook is not None:
        c = hook(x)
        if not isinstance(c, complex):
            raise TypeError(f"__complex__ returned non-complex (type {type(c).__name__})")
        return c._complex__re, c._complex__im, True
    return _as_float(x, which), 0.0, False


def _constructor_args(args, kwargs):
    """(real, imag) from complex()'s arguments, with CPython's errors."""
    if len(args) > 2:
        raise TypeError(f"complex() takes at most 2 arguments ({len(args)} given)")
    real = args[0] if args else _MISSING
    imag = args[1] if len(args) > 1 else _MISSING
    for name, value in kwargs.items():
        if name == "real" and not args:
            real = value
        elif name == "imag" and len(args) < 2:
            imag = value
        elif name in ("real", "imag"):
            pos = 1 if name == "real" else 2
            raise TypeError(f"argument for complex() given by name ('{name}') and position ({pos})")
        else:
            raise TypeError(f"complex() got an unexpected keyword argument '{name}'")
    return real, imag


class complex:
    """Create a complex number from a string or numbers.

If a string is given, parse it as a complex number.
If a single number is given, convert it to a complex number.
If the 'real' or 'imag' arguments are given, create a complex number
with the specified real and imaginary components."""

    __module__ = "builtins"

    def __new__(cls, *args, **kwargs):
        real, imag = _constructor_args(args, kwargs)
        if real is _MISSING:
            real = 0.0
        if isinstance(real, str):
            if imag is not _MISSING:
                raise TypeError("complex() can't take second arg if first is a string")
            re, im = _parse(real)
        elif isinstance(imag, str):
            raise TypeError("complex() second arg can't be a string")
        else:
            if type(real) is complex and imag is _MISSING and cls is complex:
                return real
            re, im, real_is_complex = _as_parts(real, "first")
            if imag is not _MISSING:
                # As CPython: the result is real + imag*1j, computed part by
                # part only where an argument is complex (so -0.0 survives).
                ire, iim, imag_is_complex = _as_parts(imag, "second")
                if imag_is_complex:
                    re -= iim
                im = ire + im if real_is_complex else ire
        self = object.__new__(cls)
        object.__setattr__(self, "_complex__re", re)
        object.__setattr__(self, "_complex__im", im)
        return self

    def __setattr__(self, name, value):
        if name in ("real", "imag"):
            raise AttributeError("readonly attribute")
        if type(self) is complex:
            raise AttributeError(
                f"'complex' object has no attribute '{name}' "
                "and no __dict__ for setting new attributes"
            )
        object.__setattr__(self, name, value)

    @property
    def real(self):
        return self.__re

    @property
    def imag(self):
        return self.__im

    def conjugate(self):
        return complex(self.__re, -self.__im)

    def __complex__(self):
        return self if type(self) is complex else complex(self.__re, self.__im)

    def __getnewargs__(self):
        return (self.__re, self.__im)

    def __repr__(self):
        re, im = self.__re, self.__im
        if re == 0.0 and _math.copysign(1.0, re) == 1.0:
            return _short_repr(im) + "j"
        im_text = _short_repr(im)
        if not im_text.startswith("-"):
            im_text = "+" + im_text
        return "(" + _short_repr(re) + im_text + "j)"

    __str__ = __repr__

    def __format__(self, spec):
        if not spec:
            return str(self)
        return _format(self.__re, self.__im, spec)

    def __hash__(self):
        h = (hash(self.__re) + _HASH_IMAG * hash(self.__im)) & _HASH_MASK
        if h >= 1 << 63:
            h -= 1 << 64
        return -2 if h == -1 else h

    def __bool__(self):
        return self.__re != 0.0 or self.__im != 0.0

    def __eq__(self, other):
        if isinstance(other, complex):
            return self.__re == other.__re and self.__im == other.__im
        if isinstance(other, (int, float)):
            return self.__im == 0.0 and self.__re == other
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __abs__(self):
        re, im = self.__re, self.__im
        result = _math.hypot(re, im)
        if _math.isinf(result) and _math.isfinite(re) and _math.isfinite(im):
            raise OverflowError("absolute value too large")
        return result

    def __neg__(self):
        return complex(-self.__re, -self.__im)

    def __pos__(self):
        return complex(self.__re, self.__im)

    def __add__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(self.__re + o[0], self.__im + o[1])

    __radd__ = __add__

    def __sub__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(self.__re - o[0], self.__im - o[1])

    def __rsub__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(o[0] - self.__re, o[1] - self.__im)

    def __mul__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        return complex(*_product(self.__re, self.__im, o[0], o[1]))

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        q = _quotient(self.__re, self.__im, o[0], o[1])
        if q is None:
            raise ZeroDivisionError("complex division by zero")
        return complex(*q)

    def __rtruediv__(self, other):
        o = _parts(other)
        if o is None:
            return NotImplemented
        q = _quotient(o[0], o[1], self.__re, self.__im)
        if q is None:
            raise ZeroDivisionError("complex division by zero")
        return complex(*q)

    def __pow__(self, other, modulo=None):
        if modulo is not None:
            raise ValueError("complex modulo")
        o = _parts(other)
        if o is None:
            return NotImplemented
        return _power(self.__re, self.__im, o[0], o[1])

    def __rpow__(self, other, modulo=None):
        if modulo is not None:
            raise ValueError("complex modulo")
        o = _parts(other)
        if o is None:
            return NotImplemented
        return _power(o[0], o[1], self.__re, self.__im)


def _imaginary(x):
    """The value of an imaginary literal such as `2j`."""
    return complex(0.0, x)


def _split_spec(spec):
    """The parts of a format spec: fill, align, sign, z, alt, zero, width,
    grouping, precision, type."""
    i = 0
    fill, align = " ", ""
    if len(spec) >= 2 and spec[1] in "<>=^":
        fill, align, i = spec[0], spec[1], 2
    elif spec[:1] in ("<", ">", "=", "^"):
        align, i = spec[0], 1
    sign = ""
    if spec[i : i + 1] in ("+", "-", " "):
        sign = spec[i]
        i += 1
    z = spec[i : i + 1] == "z"
    i += z
    alt = spec[i : i + 1] == "#"
    i += alt
    zero = spec[i : i + 1] == "0"
    i += zero
    start = i
    while i < len(spec) and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    grouping = ""
    if spec[i : i + 1] in (",", "_"):
        grouping = spec[i]
        i += 1
    precision = -1
    if spec[i : i + 1] == ".":
        start = i + 1
        i += 1
        while i < len(spec) and spec[i].isdigit():
            i += 1
        precision = int(spec[start:i]) if i > start else -1
    kind = spec[i:]
    return fill, align, sign, z, alt, zero, width, grouping, precision, kind


def _format(re, im, spec):
    fill, align, sign, z, alt, zero, width, grouping, precision, kind = _split_spec(spec)
    if len(kind) > 1:
        raise ValueError("Invalid format specifier '" + spec + "' for object of type 'complex'")
    if kind and kind not in "eEfFgGn":
        raise ValueError(f"Unknown format code '{kind}' for object of type 'complex'")
    if zero:
        raise ValueError("Zero padding is not allowed in complex format specifier")
    if align == "=":
        raise ValueError("'=' alignment flag is not allowed in complex format specifier")
    skip_re = parens = False
    if not kind:
        kind = "r"
        if re == 0.0 and _math.copysign(1.0, re) == 1.0:
            skip_re = True
        else:
            parens = True
        if precision >= 0:
            kind = "g"
    if kind == "n":
        kind = "g"
    if precision < 0 and kind != "r":
        precision = 6

    def part(x, part_sign):
        flags = part_sign + ("z" if z else "") + ("#" if alt else "") + grouping
        if kind == "r":
            text = format(x, flags)
            return text[:-2] if text.endswith(".0") else text
        return format(x, flags + "." + str(precision) + kind)

    if skip_re:
        body = part(im, sign) + "j"
    else:
        body = part(re, sign) + part(im, "+") + "j"
    if parens:
        body = "(" + body + ")"
    return format(body, fill + (align or ">") + str(width)) if width else body
