# Square root, exponential, logarithms and powers of Decimals.
#
# sqrt is exact integer work (math.isqrt).  exp, ln and log10 are computed in
# fixed point (an integer M meaning M * 10**-W) with a known error bound,
# then rounded; when the bound straddles a rounding boundary the work is
# redone with more digits (Ziv's method), so results are correctly rounded.
# Like CPython, these four always round half-even; power uses the context's
# rounding.

import math as _math

from _decimal_signals import (
    C_INVALID, C_INEXACT, C_ROUNDED, C_CLAMPED as _CLAMPED, ROUND_HALF_EVEN,
)
from _decimal_core import (
    FINITE, INF, QNAN, SNAN, _new, ndigits, pow10, fix, fit, nan_operands,
    invalid, compare_values,
)
import _decimal_arith as _arith

_ONE = _new(0, 1, 0)


# ------------------------------------------------------------------ sqrt

def sqrt(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        if a._sign:
            return invalid(ctx)
        return _new(0, 0, 0, INF)
    ideal = a._exp // 2
    if a._coef == 0:
        return fix(a._sign, 0, ideal, ctx, 0, ROUND_HALF_EVEN)
    if a._sign:
        return invalid(ctx)
    prec = ctx._prec
    coef, exp = a._coef, a._exp
    shift = 2 * prec + 2 - ndigits(coef)
    if (exp - shift) & 1:
        shift += 1
    rest = 0
    if shift >= 0:
        m = coef * pow10(shift)
    else:
        m, rest = divmod(coef, pow10(-shift))
    root = _math.isqrt(m)
    exp = (exp - shift) // 2
    if rest or root * root != m:
        if root % 5 == 0:
            root += 1
    elif exp < ideal:
        zeros = _arith._trailing_zeros(root, ideal - exp)
        if zeros:
            root //= pow10(zeros)
            exp += zeros
    return fix(0, root, exp, ctx, 0, ROUND_HALF_EVEN)


# ------------------------------------------------------- rounding helper

def _round_interval(m, err, exp, ctx, rounding):
    """The result when the true value lies within (m - err, m + err) units
    of 10**exp (m > err), or None when those ends round differently."""
    low, s1 = fit(0, (m - err - 1) * 10 + 9, exp - 1, ctx, 0, rounding)
    high, s2 = fit(0, (m + err) * 10 + 1, exp - 1, ctx, 0, rounding)
    if low._kind != high._kind or low._coef != high._coef or low._exp != high._exp:
        return None
    return low, s1 | s2


def _round_snapped(m, exp, ctx, rounding, sign=0):
    """Last resort for a value that seems to be exactly representable at one
    more digit (a tie): round m to one digit beyond the precision first."""
    extra = ndigits(m) - ctx._prec - 1
    if extra > 0:
        p = pow10(extra)
        m = (m + p // 2) // p
        exp += extra
    d, status = fit(sign, m, exp, ctx, 0, rounding)
    return _new(0, d._coef, d._exp, d._kind), status


def _signal_result(result, ctx, sign=0):
    d, status = result
    status |= C_INEXACT | C_ROUNDED
    ctx._signal(status)
    if sign and not d._kind:
        return _new(1, d._coef, d._exp)
    if sign:
        return _new(1, 0, 0, INF)
    return d


# ------------------------------------------------- fixed-point kernels

_LN10_CACHE = [0, 0]


def _atanh_inv(n, w):
    """atanh(1/n) * 10**w for an integer n > 1, with error below 3 units."""
    scale = pow10(w + 3)
    term = scale // n
    n2 = n * n
    total = term
    k = 1
    while term:
        term //= n2
        k += 2
        total += term // k
    return total // 1000


def _ln10(w):
    """ln(10) * 10**w, good to about one unit."""
    if _LN10_CACHE[0] >= w:
        return _LN10_CACHE[1] // pow10(_LN10_CACHE[0] - w)
    g = w + 10
    # ln 10 = 3 ln 2 + ln(5/4); ln 2 = 2 atanh(1/3), ln(5/4) = 2 atanh(1/9).
    value = 6 * _atanh_inv(3, g) + 2 * _atanh_inv(9, g)
    _LN10_CACHE[0] = g
    _LN10_CACHE[1] = value
    return value // pow10(10)


def _fixed(coef, exp, w):
    """coef * 10**exp * 10**w as an int (truncated)."""
    k = exp + w
    if k >= 0:
        return coef * pow10(k)
    if -k > ndigits(coef) + 1:
        return 0
    return coef // pow10(-k)


def _ln_fixed(x, w):
    """ln(x / 10**w) * 10**w for an int x > 0 near 10**w, with an error of
    a few units: square roots bring x near 1, then atanh's series."""
    one = pow10(w)
    roots = 0
    while abs(x - one) * 64 > one and roots < 60:
        x = _math.isqrt(x * one)
        roots += 1
    # Sum the series on |z| (floor division of negative terms never ends).
    negative = x < one
    z = abs(x - one) * one // (x + one)
    z2 = z * z // one
    term = z
    total = z
    k = 1
    while term:
        term = term * z2 // one
        k += 2
        total += term // k
    total = (2 * total) << roots
    return -total if negative else total


def _ln_approx(coef, exp, w):
    """(L, err): ln(coef * 10**exp) * 10**w within err units."""
    digits = ndigits(coef)
    adj = exp + digits - 1
    guard = 20
    wg = w + guard
    if adj in (-1, 0):
        x = _fixed(coef, exp, wg)
        if x <= 0:
            x = 1
        value = _ln_fixed(x, wg)
    else:
        # x = m * 10**adj with 1 <= m < 10.
        m = _fixed(coef, -(digits - 1), wg)
        value = _ln_fixed(m, wg) + adj * _ln10(wg + ndigits(abs(adj)))  \
            // pow10(ndigits(abs(adj)))
    return value // pow10(guard), 2


def _exp_approx(num, w):
    """(E, err, shift10): exp(num / 10**w) ~ E * 10**(shift10 - w) within
    err units, for an int num (|num / 10**w| not huge)."""
    guard = 20 + ndigits(abs(num))
    wg = w + guard
    one = pow10(wg)
    x = num * pow10(guard)
    # exp(x) = 10**n * exp(r) with r = x - n*ln(10) in [0, ln 10).
    ln10 = _ln10(wg)
    n = x // ln10
    r = x - n * ln10
    # exp(r) = exp(r / 2**k) ** (2**k)
    k = 0
    while r > one // 1024:
        r >>= 1
        k += 1
    term = one
    total = one
    i = 1
    while term:
        term = term * r // (one * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // one
    return total // pow10(guard), 2 + k, n


# -------------------------------------------------------------- exp

def exp(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        if a._sign:
            return _new(0, 0, 0)
        return _new(0, 0, 0, INF)
    if a._coef == 0:
        return _new(0, 1, 0)
    prec = ctx._prec
    adj = a._exp + ndigits(a._coef) - 1
    if adj >= 20:
        # |a| >= 1e20: beyond every exponent range.
        if a._sign:
            return fix(0, 1, ctx._emin - prec - 5, ctx, C_INEXACT | C_ROUNDED, ROUND_HALF_EVEN)
        return fix(0, 1, ctx._emax + 5, ctx, C_INEXACT | C_ROUNDED, ROUND_HALF_EVEN)
    w = prec + 5
    for attempt in range(8):
        # The argument truncated to w decimals; that error (below one unit
        # of 10**-w) is a relative error of the result.
        num = _fixed(a._coef, a._exp, w)
        if a._sign:
            num = -num
        e_val, err, n = _exp_approx(num, w)
        result = _round_interval(e_val, err + 11, n - w, ctx, ROUND_HALF_EVEN)
        if result is not None:
            return _signal_result(result, ctx)
        if attempt < 7:
            w += 10 * (attempt + 1)
    return _signal_result(_round_snapped(e_val, n - w, ctx, ROUND_HALF_EVEN), ctx)


# ------------------------------------------------------------ ln, log10

def _is_one(a):
    c, e = a._coef, a._exp
    if e > 0:
        return False
    return c == pow10(-e)


def _log_magnitude(a):
    """About log10(|ln a|), to size the working precision."""
    adj = a._exp + ndigits(a._coef) - 1
    if adj in (-1, 0):
        # Near 1, ln a ~ a - 1.
        diff = _arith.subtract(_new(0, a._coef, a._exp), _ONE, _Exact)
        if diff._coef == 0:
            return 0
        return diff._exp + ndigits(diff._coef) - 1
    return ndigits(abs(adj))


class _ExactContext:
    """A context for exact intermediate results."""
    _prec = 10 ** 9
    _emax = 10 ** 18
    _emin = -10 ** 18
    _clamp = 0
    _rounding = ROUND_HALF_EVEN
    _capitals = 1

    def _signal(self, status):
        pass


_Exact = _ExactContext()


def _log_special(a, ctx):
    if a._kind >= QNAN:
        return nan_operands(a, None, ctx)
    if a._kind == INF:
        if a._sign:
            return invalid(ctx)
        return _new(0, 0, 0, INF)
    if a._coef == 0:
        return _new(1, 0, 0, INF)
    if a._sign:
        return invalid(ctx)
    return None


def ln(a, ctx):
    special = _log_special(a, ctx)
    if special is not None:
        return special
    if _is_one(a):
        return _new(0, 0, 0)
    prec = ctx._prec
    mag = _log_magnitude(a)
    w = prec + 5 - min(mag, 0)
    for attempt in range(8):
        value, err = _ln_approx(a._coef, a._exp, w)
        sign = 1 if value < 0 else 0
        result = _round_interval(abs(value), err + 1, -w, ctx, ROUND_HALF_EVEN) \
            if abs(value) > err + 1 else None
        if result is not None:
            return _signal_result(result, ctx, sign)
        if attempt < 7:
            w += 10 * (attempt + 1)
    return _signal_result(_round_snapped(abs(value), -w, ctx, ROUND_HALF_EVEN), ctx, sign)


def log10(a, ctx):
    special = _log_special(a, ctx)
    if special is not None:
        return special
    text = str(a._coef)
    stripped = text.rstrip("0")
    if stripped == "1":
        # An exact power of ten.
        k = a._exp + len(text) - 1
        return fix(1 if k < 0 else 0, abs(k), 0, ctx, 0, ROUND_HALF_EVEN)
    prec = ctx._prec
    mag = _log_magnitude(a)
    w = prec + 5 - min(mag, 0)
    for attempt in range(8):
        value, err = _ln_approx(a._coef, a._exp, w + 3)
        q = value * pow10(w) // _ln10(w + 3)
        sign = 1 if q < 0 else 0
        q = abs(q)
        result = _round_interval(q, err + 2, -w, ctx, ROUND_HALF_EVEN) if q > err + 2 else None
        if result is not None:
            return _signal_result(result, ctx, sign)
        if attempt < 7:
            w += 10 * (attempt + 1)
    return _signal_result(_round_snapped(q, -w, ctx, ROUND_HALF_EVEN), ctx, sign)


# ---------------------------------------------------------------- power
#
# As CPython's libmpdec: integer exponents by binary powering in a context a
# few digits wider than the result (half-even at every step), other
# exponents as exp(y * ln(x)) with correctly rounded steps at prec + 23
# digits; then one final rounding with the context's own rounding.

_EXP_INF = 2000000000000000001


def _integral(d):
    return d._kind == FINITE and _arith._is_integral(d)


def _exp_digits(n):
    return len(str(abs(n)))


def _work_context(ctx, prec, wide):
    """A scratch context: half-even, no traps, no clamping; `wide` gives
    it the largest exponent range."""
    work = ctx.copy()
    object.__setattr__(work, "_prec", prec)
    object.__setattr__(work, "_rounding", ROUND_HALF_EVEN)
    object.__setattr__(work, "_clamp", 0)
    if wide:
        object.__setattr__(work, "_emax", 999999999999999999)
        object.__setattr__(work, "_emin", -999999999999999999)
    work._traps._bits = 0
    work._flags._bits = 0
    return work


def power(a, b, ctx):
    if a._kind >= QNAN or b._kind >= QNAN:
        return nan_operands(a, b, ctx)
    b_int = _integral(b)
    sign = 1 if (b_int and a._sign and _arith._integer_value(b) & 1) else 0
    b_zero = b._kind == FINITE and b._coef == 0
    if a._kind == FINITE and a._coef == 0:
        if b_zero:
            return invalid(ctx)
        if b._sign:
            return _new(sign, 0, 0, INF)
        return _new(sign, 0, 0)
    if a._sign and (not b_int or b._kind == INF):
        return invalid(ctx)
    if b._kind == INF:
        c = compare_values(a, _ONE)
        if c == 0:
            prec = ctx._prec
            ctx._signal(C_INEXACT | C_ROUNDED)
            return _new(sign, pow10(prec - 1), 1 - prec)
        if b._sign:
            c = -c
        return _new(sign, 0, 0) if c < 0 else _new(sign, 0, 0, INF)
    if a._kind == INF:
        if b_zero:
            return _new(sign, 1, 0)
        if b._sign:
            return _new(sign, 0, 0)
        return _new(sign, 0, 0, INF)
    if b_zero:
        return _new(sign, 1, 0)
    if _is_one(_new(0, a._coef, a._exp)):
        return _power_of_one(a, b, b_int, sign, ctx)
    bounded = _power_bounds(a, b, sign, ctx)
    if bounded is not None:
        return bounded
    if b_int:
        return _integer_power(a, b, sign, ctx)
    return _real_power(a, b, ctx)


def _power_of_one(a, b, b_int, sign, ctx):
    """(+-1.00...) ** b: exactly one, with the spec's exponent."""
    prec = ctx._prec
    status = 0
    if b_int:
        n = _arith._integer_value(b)
        if n < 0:
            return _new(sign, 1, 0)
        shift = n * -a._exp
        if shift > prec - 1:
            shift = prec - 1
            status = C_ROUNDED
    else:
        shift = prec - 1
        status = C_INEXACT | C_ROUNDED
    if status:
        ctx._signal(status)
    return _new(sign, pow10(shift), -shift)


def _power_bounds(a, b, sign, ctx):
    """The result when a ** b certainly overflows or underflows, else None."""
    adj_a = a._exp + ndigits(a._coef) - 1
    theta = b._exp + ndigits(b._coef) - 1
    if adj_a > 0:
        zeta = _exp_digits(adj_a) - 1
    elif adj_a < -1:
        zeta = _exp_digits(adj_a + 1) - 1
    else:
        diff = _arith.subtract(_new(0, a._coef, a._exp), _ONE, _Exact)
        u = diff._exp + ndigits(diff._coef) - 1
        zeta = u - 2 if adj_a == 0 else u - 1
    if ((adj_a < 0) ^ b._sign) == 0:
        if _exp_digits(ctx._emax) < zeta + theta:
            return fix(sign, 1, _EXP_INF, ctx)
    else:
        etiny = ctx._emin - ctx._prec + 1
        if _exp_digits(etiny) < zeta + theta:
            return fix(sign, 1, etiny - 1, ctx)
    return None


def _integer_power(a, b, sign, ctx):
    wprec = ctx._prec + ndigits(b._coef) + b._exp + 2
    if b._sign:
        wprec += 1
    work = _work_context(ctx, wprec, False)
    base = _new(0, a._coef, a._exp)
    if b._sign:
        base = _arith.divide(_ONE, base, work)
    n = abs(_arith._integer_value(b))
    if n < (1 << 64):
        result = base
        for bit in bin(n)[3:]:
            result = _arith.multiply(result, result, work)
            if bit == "1":
                result = _arith.multiply(result, base, work)
            if result._kind or (result._coef == 0 and work._flags._bits & _CLAMPED):
                break
    else:
        result = _ONE
        while n:
            if n & 1:
                result = _arith.multiply(result, base, work)
                if result._kind or (result._coef == 0 and work._flags._bits & _CLAMPED):
                    break
            base = _arith.multiply(base, base, work)
            n >>= 1
    status = work._flags._bits
    if result._kind == INF:
        return fix(sign, 1, _EXP_INF, ctx, status)
    return fix(sign, result._coef, result._exp, ctx, status)


def _real_power(a, b, ctx):
    prec = ctx._prec
    wp = max(ndigits(a._coef), prec) + 4 + 19
    work = _work_context(ctx, wp, True)
    y = ln(_new(0, a._coef, a._exp), work)
    y = _arith.multiply(y, b, work)
    work._flags._bits = 0
    r = exp(y, work)
    status = work._flags._bits | C_INEXACT | C_ROUNDED
    if r._kind == INF:
        return fix(0, 1, _EXP_INF, ctx, status)
    if r._coef == pow10(-r._exp) if r._exp <= 0 else False:
        return fix(0, pow10(prec - 1), 1 - prec, ctx, status)
    return fix(0, r._coef, r._exp, ctx, status)


def power_modulo(a, b, m, ctx):
    """pow(a, b, m) for integral a, b and m."""
    for x in (a, b, m):
        if x._kind == SNAN:
            ctx._signal(C_INVALID)
            return _arith.fix_nan(x, ctx)
    for x in (a, b, m):
        if x._kind == QNAN:
            return _arith.fix_nan(x, ctx)
    if not (_integral(a) and _integral(b) and _integral(m)):
        return invalid(ctx)
    if b._sign and b._coef:
        return invalid(ctx)
    if m._coef == 0:
        return invalid(ctx)
    if m._exp + ndigits(m._coef) - 1 >= ctx._prec:
        return invalid(ctx)
    if a._coef == 0 and b._coef == 0:
        return invalid(ctx)
    modulus = abs(_arith._integer_value(m))
    n = _arith._integer_value(b)
    sign = a._sign if n & 1 else 0
    base = a._coef * pow(10, a._exp, modulus) % modulus if a._exp >= 0 else \
        abs(_arith._integer_value(a)) % modulus
    return _new(sign, pow(base, n, modulus), 0)
