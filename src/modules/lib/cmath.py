# cmath: mathematical functions for complex numbers.
#
# Every function works on a pair of floats and follows the algorithms of
# CPython's C module (Kahan-style branch cuts, rescaling against overflow and
# subnormal loss, log1p near |z| == 1), so results agree to the last bit.
# Non-finite arguments are answered from 7x7 tables indexed by the kind of
# each part, as C99 Annex G recommends.
#
# The C code reports problems through errno and only the Python wrapper turns
# them into exceptions; a few results (cmath.log with a base) depend on errno
# being overwritten between steps, so the internal functions return
# (real, imag, err) and the wrappers raise.

"""Functions for complex numbers: exponentials, logarithms, square roots,
trigonometric and hyperbolic functions, and polar coordinates."""

import math as _m

pi = _m.pi
e = _m.e
tau = _m.tau
inf = float("inf")
nan = float("nan")
infj = complex(0.0, inf)
nanj = complex(0.0, nan)

_OK = 0
_EDOM = 1
_ERANGE = 2

_DBL_MAX = 1.7976931348623157e308
_DBL_MIN = 2.2250738585072014e-308
_MANT_DIG = 53
_LARGE = _DBL_MAX / 4.0
_SQRT_LARGE = _m.sqrt(_LARGE)
_LOG_LARGE = _m.log(_LARGE)
_SQRT_DBL_MIN = _m.sqrt(_DBL_MIN)
_SCALE_UP = 2 * (_MANT_DIG // 2) + 1
_SCALE_DOWN = -(_SCALE_UP + 1) // 2
_LN2 = 0.6931471805599453094
_LN10 = 2.302585092994045684

_HYPOT_SCALE = 2.0 ** -600
_HYPOT_LARGE = 2.0 ** 511
_HYPOT_TINY = 2.0 ** -459
_HYPOT_EPS = 2.0 ** -54

_isfinite = _m.isfinite
_isinf = _m.isinf
_isnan = _m.isnan
_copysign = _m.copysign


# ---------------------------------------------------------------- arguments

def _real_arg(x):
    """x as a float, the way C's PyFloat_AsDouble converts it."""
    if isinstance(x, float):
        return x
    if isinstance(x, int):
        return float(x)
    tp = type(x)
    hook = getattr(tp, "__float__", None)
    if hook is not None:
        value = hook(x)
        if not isinstance(value, float):
            raise TypeError(f"{tp.__name__}.__float__ returned non-float "
                            f"(type {type(value).__name__})")
        return float(value)
    hook = getattr(tp, "__index__", None)
    if hook is not None:
        return float(hook(x))
    raise TypeError(f"must be real number, not {tp.__name__}")


def _complex_arg(z):
    """(real, imag) of an argument, the way C's PyComplex_AsCComplex reads it."""
    if isinstance(z, complex):
        return z.real, z.imag
    hook = getattr(type(z), "__complex__", None)
    if hook is not None:
        value = hook(z)
        if not isinstance(value, complex):
            raise TypeError("__complex__ returned non-complex "
                            f"(type {type(value).__name__})")
        return value.real, value.imag
    return _real_arg(z), 0.0


def _single(name, args, kwargs):
    if kwargs:
        raise TypeError(f"cmath.{name}() takes no keyword arguments")
    if len(args) != 1:
        raise TypeError(f"cmath.{name}() takes exactly one argument ({len(args)} given)")
    return _complex_arg(args[0])


def _finish(result):
    re, im, err = result
    if err == _EDOM:
        raise ValueError("math domain error")
    if err == _ERANGE:
        raise OverflowError("math range error")
    return complex(re, im)


# ------------------------------------------------------------------- hypot

# CPython's cmath calls the C library's hypot, which can differ in the last
# bit from math.hypot (a correctly rounded vector norm).  This is glibc's
# method (Borges, "An Improved Algorithm for hypot(a,b)"): a square root of
# the sum of squares, then one correction step from the rounding error.

def _hypot_kernel(big, small):
    h = _m.sqrt(big * big + small * small)
    if h <= 2.0 * small:
        delta = h - small
        t1 = big * (2.0 * delta - big)
        t2 = (delta - 2.0 * (big - small)) * delta
    else:
        delta = h - big
        t1 = 2.0 * delta * (big - 2.0 * small)
        t2 = (4.0 * delta - small) * small + delta * delta
    return h - (t1 + t2) / (2.0 * h)


def _hypot(x, y):
    if not (_isfinite(x) and _isfinite(y)):
        if _isinf(x) or _isinf(y):
            return inf
        return x + y
    x = abs(x)
    y = abs(y)
    big, small = (y, x) if x < y else (x, y)
    if big > _HYPOT_LARGE:
        # Scale down so the squares cannot overflow.
        if small <= big * _HYPOT_EPS:
            return big + small
        return _hypot_kernel(big * _HYPOT_SCALE, small * _HYPOT_SCALE) / _HYPOT_SCALE
    if small < _HYPOT_TINY:
        # Scale up so the squares do not lose bits to underflow.
        if big >= small / _HYPOT_EPS:
            return big + small
        return _hypot_kernel(big / _HYPOT_SCALE, small / _HYPOT_SCALE) * _HYPOT_SCALE
    if small <= big * _HYPOT_EPS:
        return big + small
    return _hypot_kernel(big, small)


# ----------------------------------------------------------- special values

# The kinds of a float, in table order.
_NINF, _NEG, _NZERO, _PZERO, _POS, _PINF, _NAN = range(7)


def _kind(d):
    if _isfinite(d):
        positive = _copysign(1.0, d) == 1.0
        if d != 0.0:
            return _POS if positive else _NEG
        return _PZERO if positive else _NZERO
    if _isnan(d):
        return _NAN
    return _PINF if d > 0 else _NINF


_WORDS = {
    "I": inf, "-I": -inf, "N": nan, "0": 0.0, "-0": -0.0, "1": 1.0, "-1": -1.0,
    "P": pi, "-P": -pi, "P2": pi / 2, "-P2": -pi / 2, "P4": pi / 4, "-P4": -pi / 4,
    "P34": 0.75 * pi, "-P34": -0.75 * pi,
}


def _table(text):
    """A 7x7 table from rows of `re:im` cells; `.` marks a cell never used."""
    rows = []
    for line in text.strip().splitlines():
        row = []
        for cell in line.split():
            if cell == ".":
                row.append(None)
            else:
                re, im = cell.split(":")
                row.append((_WORDS[re], _WORDS[im]))
        rows.append(row)
    return rows


# Rows: kind of the real part; columns: kind of the imaginary part
# (-inf, -x, -0, +0, +x, +inf, nan).
_ACOS = _table("""
P34:I P:I P:I P:-I P:-I P34:-I N:I
P2:I . . . . P2:-I N:N
P2:I . P2:0 P2:-0 . P2:-I P2:N
P2:I . P2:0 P2:-0 . P2:-I P2:N
P2:I . . . . P2:-I N:N
P4:I 0:I 0:I 0:-I 0:-I P4:-I N:I
N:I N:N N:N N:N N:N N:-I N:N
""")

_ACOSH = _table("""
I:-P34 I:-P I:-P I:P I:P I:P34 I:N
I:-P2 . . . . I:P2 N:N
I:-P2 . 0:-P2 0:P2 . I:P2 N:N
I:-P2 . 0:-P2 0:P2 . I:P2 N:N
I:-P2 . . . . I:P2 N:N
I:-P4 I:-0 I:-0 I:0 I:0 I:P4 I:N
I:N N:N N:N N:N N:N I:N N:N
""")

_ASINH = _table("""
-I:-P4 -I:-0 -I:-0 -I:0 -I:0 -I:P4 -I:N
-I:-P2 . . . . -I:P2 N:N
-I:-P2 . -0:-0 -0:0 . -I:P2 N:N
I:-P2 . 0:-0 0:0 . I:P2 N:N
I:-P2 . . . . I:P2 N:N
I:-P4 I:-0 I:-0 I:0 I:0 I:P4 I:N
I:N N:N N:-0 N:0 N:N I:N N:N
""")

_ATANH = _table("""
-0:-P2 -0:-P2 -0:-P2 -0:P2 -0:P2 -0:P2 -0:N
-0:-P2 . . . . -0:P2 N:N
-0:-P2 . -0:-0 -0:0 . -0:P2 -0:N
0:-P2 . 0:-0 0:0 . 0:P2 0:N
0:-P2 . . . . 0:P2 N:N
0:-P2 0:-P2 0:-P2 0:P2 0:P2 0:P2 0:N
0:-P2 N:N N:N N:N N:N 0:P2 N:N
""")

_COSH = _table("""
I:N . I:0 I:-0 . I:N I:N
N:N . . . . N:N N:N
N:0 . 1:0 1:-0 . N:0 N:0
N:0 . 1:-0 1:0 . N:0 N:0
N:N . . . . N:N N:N
I:N . I:-0 I:0 . I:N I:N
N:N N:N N:0 N:0 N:N N:N N:N
""")

_EXP = _table("""
0:0 . 0:-0 0:0 . 0:0 0:0
N:N . . . . N:N N:N
N:N . 1:-0 1:0 . N:N N:N
N:N . 1:-0 1:0 . N:N N:N
N:N . . . . N:N N:N
I:N . I:-0 I:0 . I:N I:N
N:N N:N N:-0 N:0 N:N N:N N:N
""")

_LOG = _table("""
I:-P34 I:-P I:-P I:P I:P I:P34 I:N
I:-P2 . . . . I:P2 N:N
I:-P2 . -I:-P -I:P . I:P2 N:N
I:-P2 . -I:-0 -I:0 . I:P2 N:N
I:-P2 . . . . I:P2 N:N
I:-P4 I:-0 I:-0 I:0 I:0 I:P4 I:N
I:N N:N N:N N:N N:N I:N N:N
""")

_SINH = _table("""
I:N . -I:-0 -I:0 . I:N I:N
N:N . . . . N:N N:N
0:N . -0:-0 -0:0 . 0:N 0:N
0:N . 0:-0 0:0 . 0:N 0:N
N:N . . . . N:N N:N
I:N . I:-0 I:0 . I:N I:N
N:N N:N N:-0 N:0 N:N N:N N:N
""")

_SQRT = _table("""
I:-I 0:-I 0:-I 0:I 0:I I:I N:I
I:-I . . . . I:I N:N
I:-I . 0:-0 0:0 . I:I N:N
I:-I . 0:-0 0:0 . I:I N:N
I:-I . . . . I:I N:N
I:-I I:-0 I:-0 I:0 I:0 I:I I:N
I:-I N:N N:N N:N N:N I:I N:N
""")

_TANH = _table("""
-1:0 . -1:-0 -1:0 . -1:0 -1:0
N:N . . . . N:N N:N
N:N . -0:-0 -0:0 . N:N N:N
N:N . 0:-0 0:0 . N:N N:N
N:N . . . . N:N N:N
1:0 . 1:-0 1:0 . 1:0 1:0
N:N N:N N:-0 N:0 N:N N:N N:N
""")

_RECT = _table("""
I:N . -I:0 -I:-0 . I:N I:N
N:N . . . . N:N N:N
0:0 . -0:0 -0:-0 . 0:0 0:0
0:0 . 0:-0 0:0 . 0:0 0:0
N:N . . . . N:N N:N
I:N . I:-0 I:0 . I:N I:N
N:N N:N N:0 N:0 N:N N:N N:N
""")


def _lookup(table, x, y):
    return table[_kind(x)][_kind(y)]


def _finite(x, y):
    return _isfinite(x) and _isfinite(y)


# ------------------------------------------------------------ core routines

def _sqrt(x, y):
    if not _finite(x, y):
        re, im = _lookup(_SQRT, x, y)
        return re, im, _OK
    if x == 0.0 and y == 0.0:
        return 0.0, y, _OK
    ax = abs(x)
    ay = abs(y)
    if ax < _DBL_MIN and ay < _DBL_MIN:
        # Scale subnormal parts up so hypot keeps its full precision.
        ax = _m.ldexp(ax, _SCALE_UP)
        s = _m.ldexp(_m.sqrt(ax + _hypot(ax, _m.ldexp(ay, _SCALE_UP))), _SCALE_DOWN)
    else:
        # Dividing by 8 first keeps ax + hypot(ax, ay) from overflowing.
        ax /= 8.0
        s = 2.0 * _m.sqrt(ax + _hypot(ax, ay / 8.0))
    d = ay / (2.0 * s)
    if x >= 0.0:
        return s, _copysign(d, y), _OK
    return d, _copysign(s, y), _OK


def _log(x, y):
    if not _finite(x, y):
        re, im = _lookup(_LOG, x, y)
        return re, im, _OK
    ax = abs(x)
    ay = abs(y)
    if ax > _LARGE or ay > _LARGE:
        re = _m.log(_hypot(ax / 2.0, ay / 2.0)) + _LN2
    elif ax < _DBL_MIN and ay < _DBL_MIN:
        if ax > 0.0 or ay > 0.0:
            # A subnormal modulus has too few bits: rescale by 2**53.
            re = _m.log(_hypot(_m.ldexp(ax, _MANT_DIG), _m.ldexp(ay, _MANT_DIG))) - _MANT_DIG * _LN2
        else:
            return -inf, _m.atan2(y, x), _EDOM
    else:
        h = _hypot(ax, ay)
        if 0.71 <= h <= 1.73:
            # Near the unit circle log(h) loses digits; log1p keeps them.
            big = ax if ax > ay else ay
            small = ay if ax > ay else ax
            re = _m.log1p((big - 1) * (big + 1) + small * small) / 2.0
        else:
            re = _m.log(h)
    return re, _m.atan2(y, x), _OK


def _exp(x, y):
    if not _finite(x, y):
        if _isinf(x) and _isfinite(y) and y != 0.0:
            if x > 0:
                re, im = _copysign(inf, _m.cos(y)), _copysign(inf, _m.sin(y))
            else:
                re, im = _copysign(0.0, _m.cos(y)), _copysign(0.0, _m.sin(y))
        else:
            re, im = _lookup(_EXP, x, y)
        bad = _isinf(y) and (_isfinite(x) or (_isinf(x) and x > 0))
        return re, im, _EDOM if bad else _OK
    try:
        if x > _LOG_LARGE:
            # exp(x) alone may overflow while the product does not.
            scale = _m.exp(x - 1.0)
            re = scale * _m.cos(y) * e
            im = scale * _m.sin(y) * e
        else:
            scale = _m.exp(x)
            re = scale * _m.cos(y)
            im = scale * _m.sin(y)
    except OverflowError:
        return inf, inf, _ERANGE
    if _isinf(re) or _isinf(im):
        return re, im, _ERANGE
    return re, im, _OK


def _hyperbolic_special(table, x, y, flip):
    """cosh/sinh at a non-finite point; `flip` gives the signs for x = -inf."""
    if _isinf(x) and _isfinite(y) and y != 0.0:
        c = _copysign(inf, _m.cos(y))
        s = _copysign(inf, _m.sin(y))
        if x > 0:
            re, im = c, s
        else:
            re, im = flip(c, s)
    else:
        re, im = _lookup(table, x, y)
    err = _EDOM if (_isinf(y) and not _isnan(x)) else _OK
    return re, im, err


def _cosh(x, y):
    if not _finite(x, y):
        return _hyperbolic_special(_COSH, x, y, lambda c, s: (c, -s))
    try:
        if abs(x) > _LOG_LARGE:
            # cosh(x) may overflow where cosh(x + iy) does not.
            x1 = x - _copysign(1.0, x)
            re = _m.cos(y) * _m.cosh(x1) * e
            im = _m.sin(y) * _m.sinh(x1) * e
        else:
            re = _m.cos(y) * _m.cosh(x)
            im = _m.sin(y) * _m.sinh(x)
    except OverflowError:
        return inf, inf, _ERANGE
    if _isinf(re) or _isinf(im):
        return re, im, _ERANGE
    return re, im, _OK


def _sinh(x, y):
    if not _finite(x, y):
        return _hyperbolic_special(_SINH, x, y, lambda c, s: (-c, s))
    try:
        if abs(x) > _LOG_LARGE:
            x1 = x - _copysign(1.0, x)
            re = _m.cos(y) * _m.sinh(x1) * e
            im = _m.sin(y) * _m.cosh(x1) * e
        else:
            re = _m.cos(y) * _m.sinh(x)
            im = _m.sin(y) * _m.cosh(x)
    except OverflowError:
        return inf, inf, _ERANGE
    if _isinf(re) or _isinf(im):
        return re, im, _ERANGE
    return re, im, _OK


def _tanh(x, y):
    if not _finite(x, y):
        if _isinf(x) and _isfinite(y) and y != 0.0:
            re = 1.0 if x > 0 else -1.0
            im = _copysign(0.0, 2.0 * _m.sin(y) * _m.cos(y))
        else:
            re, im = _lookup(_TANH, x, y)
        err = _EDOM if (_isinf(y) and _isfinite(x)) else _OK
        return re, im, err
    if abs(x) > _LOG_LARGE:
        # 1 - tanh(x)**2 is then about 4*exp(-2|x|); cosh(x) would overflow.
        re = _copysign(1.0, x)
        im = 4.0 * _m.sin(y) * _m.cos(y) * _m.exp(-2.0 * abs(x))
    else:
        tx = _m.tanh(x)
        ty = _m.tan(y)
        cx = 1.0 / _m.cosh(x)
        txty = tx * ty
        denom = 1.0 + txty * txty
        re = tx * (1.0 + ty * ty) / denom
        im = ((ty / denom) * cx) * cx
    return re, im, _OK


def _asinh(x, y):
    if not _finite(x, y):
        re, im = _lookup(_ASINH, x, y)
        return re, im, _OK
    if abs(x) > _LARGE or abs(y) > _LARGE:
        big = _m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0
        if y >= 0.0:
            re = _copysign(big, x)
        else:
            re = -_copysign(big, -x)
        return re, _m.atan2(y, abs(x)), _OK
    s1r, s1i, _ = _sqrt(1.0 + y, -x)
    s2r, s2i, _ = _sqrt(1.0 - y, x)
    re = _m.asinh(s1r * s2i - s2r * s1i)
    im = _m.atan2(y, s1r * s2r - s1i * s2i)
    return re, im, _OK


def _acos(x, y):
    if not _finite(x, y):
        re, im = _lookup(_ACOS, x, y)
        return re, im, _OK
    if abs(x) > _LARGE or abs(y) > _LARGE:
        re = _m.atan2(abs(y), x)
        big = _m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0
        # Split on the sign of x so the branch cut keeps its continuity.
        if x < 0.0:
            im = -_copysign(big, y)
        else:
            im = _copysign(big, -y)
        return re, im, _OK
    s1r, s1i, _ = _sqrt(1.0 - x, -y)
    s2r, s2i, _ = _sqrt(1.0 + x, y)
    re = 2.0 * _m.atan2(s1r, s2r)
    im = _m.asinh(s2r * s1i - s2i * s1r)
    return re, im, _OK


def _acosh(x, y):
    if not _finite(x, y):
        re, im = _lookup(_ACOSH, x, y)
        return re, im, _OK
    if abs(x) > _LARGE or abs(y) > _LARGE:
        re = _m.log(_hypot(x / 2.0, y / 2.0)) + _LN2 * 2.0
        return re, _m.atan2(y, x), _OK
    s1r, s1i, _ = _sqrt(x - 1.0, y)
    s2r, s2i, _ = _sqrt(x + 1.0, y)
    re = _m.asinh(s1r * s2r + s1i * s2i)
    im = 2.0 * _m.atan2(s1i, s2r)
    return re, im, _OK


def _atanh(x, y):
    if not _finite(x, y):
        re, im = _lookup(_ATANH, x, y)
        return re, im, _OK
    if x < 0.0:
        # atanh is odd: work with x >= 0.
        re, im, err = _atanh(-x, -y)
        return -re, -im, err
    ay = abs(y)
    if x > _SQRT_LARGE or ay > _SQRT_LARGE:
        # For large |z|, atanh(z) is about 1/z +- i*pi/2.
        h = _hypot(x / 2.0, y / 2.0)
        return x / 4.0 / h / h, -_copysign(pi / 2.0, -y), _OK
    if x == 1.0 and ay < _SQRT_DBL_MIN:
        if ay == 0.0:
            return inf, y, _EDOM
        re = -_m.log(_m.sqrt(ay) / _m.sqrt(_hypot(ay, 2.0)))
        return re, _copysign(_m.atan2(2.0, -ay) / 2, y), _OK
    re = _m.log1p(4.0 * x / ((1 - x) * (1 - x) + ay * ay)) / 4.0
    im = -_m.atan2(-2.0 * y, (1 - x) * (1 + x) - ay * ay) / 2.0
    return re, im, _OK


def _rotated(func, x, y):
    """-i * func(i*z): how sin, tan, asin and atan reuse the hyperbolic ones."""
    re, im, err = func(-y, x)
    return im, -re, err


def _atan2(x, y):
    """The phase of x + iy, with the C99 answers at infinities and zeros."""
    if _isnan(x) or _isnan(y):
        return nan
    if _isinf(y):
        if _isinf(x):
            return _copysign(0.25 * pi if x > 0 else 0.75 * pi, y)
        return _copysign(0.5 * pi, y)
    if _isinf(x) or y == 0.0:
        if _copysign(1.0, x) == 1.0:
            return _copysign(0.0, y)
        return _copysign(pi, y)
    return _m.atan2(y, x)


def _phase(x, y):
    """_atan2, failing where C's atan2 reports an underflow to zero."""
    phi = _atan2(x, y)
    if phi == 0.0 and y != 0.0 and _isfinite(x) and _isfinite(y):
        raise OverflowError("math range error")
    return phi


def _quotient(ar, ai, br, bi):
    """Complex division as C's _Py_c_quot does it: (re, im, err)."""
    abs_br = abs(br)
    abs_bi = abs(bi)
    if abs_br >= abs_bi:
        if abs_br == 0.0:
            return 0.0, 0.0, _EDOM
        ratio = bi / br
        denom = br + bi * ratio
        return (ar + ai * ratio) / denom, (ai - ar * ratio) / denom, _OK
    if abs_bi >= abs_br:
        ratio = br / bi
        denom = br * ratio + bi
        return (ar * ratio + ai) / denom, (ai * ratio - ar) / denom, _OK
    return nan, nan, _OK


def _modulus(x, y):
    """abs(x + iy) and whether it overflowed."""
    if not _finite(x, y):
        if _isinf(x) or _isinf(y):
            return inf, _OK
        return nan, _OK
    r = _hypot(x, y)
    return r, (_ERANGE if _isinf(r) else _OK)


# --------------------------------------------------------- public functions

def sqrt(*args, **kwargs):
    """Square root of z, with the branch cut along the negative real axis."""
    return _finish(_sqrt(*_single("sqrt", args, kwargs)))


def exp(*args, **kwargs):
    """e raised to the power z."""
    return _finish(_exp(*_single("exp", args, kwargs)))


def log10(*args, **kwargs):
    """Logarithm of z to base 10."""
    re, im, err = _log(*_single("log10", args, kwargs))
    return _finish((re / _LN10, im / _LN10, err))


def log(*args, **kwargs):
    """log(z[, base]) -> logarithm of z, natural unless a base is given."""
    if kwargs:
        raise TypeError("cmath.log() takes no keyword arguments")
    if not args:
        raise TypeError("log expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(f"log expected at most 2 arguments, got {len(args)}")
    re, im, err = _log(*_complex_arg(args[0]))
    if len(args) == 2:
        br, bi = _complex_arg(args[1])
        # As in C, the base's log resets the error state and the division
        # may set it again.
        lr, li, err = _log(br, bi)
        re, im, qerr = _quotient(re, im, lr, li)
        err = qerr or err
    return _finish((re, im, err))


def cos(*args, **kwargs):
    """Cosine of z."""
    x, y = _single("cos", args, kwargs)
    return _finish(_cosh(-y, x))


def sin(*args, **kwargs):
    """Sine of z."""
    return _finish(_rotated(_sinh, *_single("sin", args, kwargs)))


def tan(*args, **kwargs):
    """Tangent of z."""
    return _finish(_rotated(_tanh, *_single("tan", args, kwargs)))


def cosh(*args, **kwargs):
    """Hyperbolic cosine of z."""
    return _finish(_cosh(*_single("cosh", args, kwargs)))


def sinh(*args, **kwargs):
    """Hyperbolic sine of z."""
    return _finish(_sinh(*_single("sinh", args, kwargs)))


def tanh(*args, **kwargs):
    """Hyperbolic tangent of z."""
    return _finish(_tanh(*_single("tanh", args, kwargs)))


def acos(*args, **kwargs):
    """Inverse cosine of z."""
    return _finish(_acos(*_single("acos", args, kwargs)))


def asin(*args, **kwargs):
    """Inverse sine of z."""
    return _finish(_rotated(_asinh, *_single("asin", args, kwargs)))


def atan(*args, **kwargs):
    """Inverse tangent of z."""
    return _finish(_rotated(_atanh, *_single("atan", args, kwargs)))


def acosh(*args, **kwargs):
    """Inverse hyperbolic cosine of z."""
    return _finish(_acosh(*_single("acosh", args, kwargs)))


def asinh(*args, **kwargs):
    """Inverse hyperbolic sine of z."""
    return _finish(_asinh(*_single("asinh", args, kwargs)))


def atanh(*args, **kwargs):
    """Inverse hyperbolic tangent of z."""
    return _finish(_atanh(*_single("atanh", args, kwargs)))


def phase(*args, **kwargs):
    """The argument (angle) of z, in [-pi, pi]."""
    x, y = _single("phase", args, kwargs)
    return _phase(x, y)


def polar(*args, **kwargs):
    """(r, phi): z in polar coordinates."""
    x, y = _single("polar", args, kwargs)
    phi = _atan2(x, y)
    r, err = _modulus(x, y)
    if err:
        raise OverflowError("math range error")
    return r, phi


def rect(*args, **kwargs):
    """The complex number with modulus r and phase phi."""
    if kwargs:
        raise TypeError("cmath.rect() takes no keyword arguments")
    if len(args) != 2:
        raise TypeError(f"rect expected 2 arguments, got {len(args)}")
    r = _real_arg(args[0])
    phi = _real_arg(args[1])
    if not _finite(r, phi):
        if _isinf(r) and _isfinite(phi) and phi != 0.0:
            c = _copysign(inf, _m.cos(phi))
            s = _copysign(inf, _m.sin(phi))
            re, im = (c, s) if r > 0 else (-c, -s)
        else:
            re, im = _lookup(_RECT, r, phi)
        if r != 0.0 and not _isnan(r) and _isinf(phi):
            raise ValueError("math domain error")
        return complex(re, im)
    if phi == 0.0:
        # r * phi keeps the sign of a zero phase.
        return complex(r, r * phi)
    return complex(r * _m.cos(phi), r * _m.sin(phi))


def isfinite(*args, **kwargs):
    """True when both parts of z are finite."""
    x, y = _single("isfinite", args, kwargs)
    return _isfinite(x) and _isfinite(y)


def isnan(*args, **kwargs):
    """True when either part of z is a NaN."""
    x, y = _single("isnan", args, kwargs)
    return _isnan(x) or _isnan(y)


def isinf(*args, **kwargs):
    """True when either part of z is infinite."""
    x, y = _single("isinf", args, kwargs)
    return _isinf(x) or _isinf(y)


_MISSING = object()


def _isclose_args(args, kwargs):
    if len(args) > 2:
        raise TypeError(f"isclose() takes exactly 2 positional arguments ({len(args)} given)")
    values = list(args) + [_MISSING] * (2 - len(args))
    kw = dict(kwargs)
    for pos, name in enumerate(("a", "b")):
        if values[pos] is _MISSING:
            if name not in kw:
                raise TypeError(f"isclose() missing required argument '{name}' (pos {pos + 1})")
            values[pos] = kw.pop(name)
    rel_tol = kw.pop("rel_tol", 1e-09)
    abs_tol = kw.pop("abs_tol", 0.0)
    for name in kw:
        if name in ("a", "b"):
            pos = 1 if name == "a" else 2
            raise TypeError(f"argument for isclose() given by name ('{name}') and position ({pos})")
        raise TypeError(f"isclose() got an unexpected keyword argument '{name}'")
    return values[0], values[1], rel_tol, abs_tol


def isclose(*args, **kwargs):
    """isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) -> whether a and b are
    within rel_tol of each other relative to the larger magnitude, or within
    abs_tol in absolute terms."""
    a, b, rel_tol, abs_tol = _isclose_args(args, kwargs)
    ar, ai = _complex_arg(a)
    br, bi = _complex_arg(b)
    rel_tol = _real_arg(rel_tol)
    abs_tol = _real_arg(abs_tol)
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if ar == br and ai == bi:
        # Equal infinities are close; this catches them.
        return True
    if _isinf(ar) or _isinf(ai) or _isinf(br) or _isinf(bi):
        return False
    diff = _modulus(ar - br, ai - bi)[0]
    return (diff <= rel_tol * _modulus(br, bi)[0]
            or diff <= rel_tol * _modulus(ar, ai)[0]
            or diff <= abs_tol)

