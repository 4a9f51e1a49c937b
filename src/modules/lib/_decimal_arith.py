# The arithmetic of the General Decimal Arithmetic specification, as
# functions of Decimals and a context: the exact result is formed with
# integer coefficients and then fitted to the context by `fix`.

from _decimal_signals import (
    C_INVALID, C_UNDEFINED, C_IMPOSSIBLE, C_DIVZERO, C_CLAMPED, C_INEXACT,
    C_ROUNDED, C_OVERFLOW, C_UNDERFLOW, C_SUBNORMAL,
    ROUND_FLOOR, ROUND_CEILING,
)
from _decimal_core import (
    FINITE, INF, QNAN, SNAN, _new, ndigits, pow10, fix,
    round_coefficient, shrink, nan_operands, fix_nan, invalid, compare_values,
)


def _inf(sign):
    return _new(sign, 0, 0, INF)


def _is_integral(d):
    """Whether a finite Decimal has an integer value."""
    if d._exp >= 0 or d._coef == 0:
        return True
    return -d._exp <= ndigits(d._coef) and d._coef % pow10(-d._exp) == 0


def _integer_value(d):
    """The int value of an integral finite Decimal."""
    if d._exp >= 0:
        v = d._coef * pow10(d._exp)
    else:
        v = d._coef // pow10(-d._exp)
    return -v if d._sign else v


# ------------------------------------------------------ plus, minus, abs

def plus(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        return _new(a._sign, 0, 0, INF)
    sign = a._sign
    if a._coef == 0 and sign and ctx._rounding != ROUND_FLOOR:
        sign = 0
    return fix(sign, a._coef, a._exp, ctx)


def minus(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        return _new(1 - a._sign, 0, 0, INF)
    if a._coef == 0:
        # 0 - x: a zero result is positive except when rounding to floor.
        sign = 1 if (ctx._rounding == ROUND_FLOOR and not a._sign) else 0
    else:
        sign = 1 - a._sign
    return fix(sign, a._coef, a._exp, ctx)


def absolute(a, ctx):
    if a._sign:
        return minus(a, ctx)
    return plus(a, ctx)


# ------------------------------------------------------------ add, sub

def add(a, b, ctx, bsign=None):
    """a + b; with bsign given, b's sign is replaced (a - b)."""
    sb = b._sign if bsign is None else bsign
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if a._kind == INF:
            if b._kind == INF and a._sign != sb:
                return invalid(ctx)
            return _inf(a._sign)
        return _inf(sb)
    sa = a._sign
    ca, ea, cb, eb = a._coef, a._exp, b._coef, b._exp
    exp = ea if ea < eb else eb
    prec = ctx._prec
    if ca == 0 or cb == 0:
        if ca == 0 and cb == 0:
            sign = sa if sa == sb else (1 if ctx._rounding == ROUND_FLOOR else 0)
            return fix(sign, 0, exp, ctx)
        # x + 0: x, padded to the smaller exponent as far as it can matter.
        if ca == 0:
            sign, c, e = sb, cb, eb
        else:
            sign, c, e = sa, ca, ea
        exp = max(exp, e - prec - 1)
        return fix(sign, c * pow10(e - exp), exp, ctx)
    # An operand far below the other's last digit that will be kept only
    # decides the rounding: replace it by a 1 just below, which rounds the
    # same way, instead of building an enormous coefficient.
    if ea - eb > prec + 40:
        floor_exp = min(ea, ea + ndigits(ca) - 1 - prec) - 2
        if eb + ndigits(cb) - 1 < floor_exp:
            cb, eb = 1, floor_exp
    elif eb - ea > prec + 40:
        floor_exp = min(eb, eb + ndigits(cb) - 1 - prec) - 2
        if ea + ndigits(ca) - 1 < floor_exp:
            ca, ea = 1, floor_exp
    exp = ea if ea < eb else eb
    if ea > exp:
        ca *= pow10(ea - exp)
    if eb > exp:
        cb *= pow10(eb - exp)
    if sa == sb:
        return fix(sa, ca + cb, exp, ctx)
    if ca >= cb:
        coef, sign = ca - cb, sa
    else:
        coef, sign = cb - ca, sb
    if coef == 0:
        sign = 1 if ctx._rounding == ROUND_FLOOR else 0
    return fix(sign, coef, exp, ctx)


def subtract(a, b, ctx):
    return add(a, b, ctx, 1 - b._sign)


# ---------------------------------------------------- multiply, divide

def multiply(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if (a._kind == INF and b._kind == FINITE and b._coef == 0) or \
                (b._kind == INF and a._kind == FINITE and a._coef == 0):
            return invalid(ctx)
        return _inf(sign)
    return fix(sign, a._coef * b._coef, a._exp + b._exp, ctx)


def divide(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if a._kind == INF:
            if b._kind == INF:
                return invalid(ctx)
            return _inf(sign)
        # finite / infinity
        ctx._signal(C_CLAMPED)
        return _new(sign, 0, ctx._emin - ctx._prec + 1)
    ca, cb = a._coef, b._coef
    if cb == 0:
        if ca == 0:
            return invalid(ctx, C_UNDEFINED)
        ctx._signal(C_DIVZERO)
        return _inf(sign)
    ideal = a._exp - b._exp
    if ca == 0:
        return fix(sign, 0, ideal, ctx)
    prec = ctx._prec
    # Scale so the quotient has at least prec + 1 digits.
    shift = ndigits(cb) - ndigits(ca) + prec + 1
    if shift >= 0:
        q, r = divmod(ca * pow10(shift), cb)
    else:
        q, r = divmod(ca, cb * pow10(-shift))
    exp = ideal - shift
    if r:
        # A non-zero remainder: make the last digit say "a bit more" so
        # every rounding mode sees an inexact value.
        if q % 5 == 0:
            q += 1
    elif exp < ideal:
        # Exact: move toward the ideal exponent, dropping trailing zeros.
        zeros = _trailing_zeros(q, ideal - exp)
        if zeros:
            q //= pow10(zeros)
            exp += zeros
    return fix(sign, q, exp, ctx)


def _trailing_zeros(n, limit):
    """How many trailing zero digits n has, at most limit."""
    if n % 10:
        return 0
    text = str(n)
    return min(len(text) - len(text.rstrip("0")), limit)


def _int_division(a, b, ctx):
    """(q, r, exp_r) for finite a and non-zero b, or None when the integer
    quotient needs more digits than the precision."""
    exp_r = a._exp if a._exp < b._exp else b._exp
    if a._coef == 0:
        return 0, 0, exp_r
    adj_a = a._exp + ndigits(a._coef) - 1
    adj_b = b._exp + ndigits(b._coef) - 1
    if adj_a < adj_b:
        # |a| < |b|: the quotient is zero.
        return 0, a._coef * pow10(a._exp - exp_r), exp_r
    if adj_a - adj_b > ctx._prec:
        return None
    va = a._coef * pow10(a._exp - exp_r)
    vb = b._coef * pow10(b._exp - exp_r)
    q, r = divmod(va, vb)
    if ndigits(q) > ctx._prec:
        return None
    return q, r, exp_r


def divide_int(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if a._kind == INF:
            if b._kind == INF:
                return invalid(ctx)
            return _inf(sign)
        return fix(sign, 0, 0, ctx)
    if b._coef == 0:
        if a._coef == 0:
            return invalid(ctx, C_UNDEFINED)
        ctx._signal(C_DIVZERO)
        return _inf(sign)
    parts = _int_division(a, b, ctx)
    if parts is None:
        return invalid(ctx, C_IMPOSSIBLE)
    return fix(sign, parts[0], 0, ctx)


def remainder(a, b, ctx):
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if a._kind == INF:
            return invalid(ctx)
        return plus_exact(a, ctx)
    if b._coef == 0:
        return invalid(ctx, C_UNDEFINED if a._coef == 0 else C_INVALID)
    parts = _int_division(a, b, ctx)
    if parts is None:
        return invalid(ctx, C_IMPOSSIBLE)
    return fix(a._sign, parts[1], parts[2], ctx)


def plus_exact(a, ctx):
    """a fitted to ctx, keeping the sign of a zero."""
    return fix(a._sign, a._coef, a._exp, ctx)


def divmod_(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r, r
        if a._kind == INF:
            if b._kind == INF:
                nan = invalid(ctx)
                return nan, nan
            ctx._signal(C_INVALID)
            return _inf(sign), _new(0, 0, 0, QNAN)
        return fix(sign, 0, 0, ctx), plus_exact(a, ctx)
    if b._coef == 0:
        if a._coef == 0:
            nan = invalid(ctx, C_UNDEFINED)
            return nan, nan
        ctx._signal(C_DIVZERO | C_INVALID)
        return _inf(sign), _new(0, 0, 0, QNAN)
    parts = _int_division(a, b, ctx)
    if parts is None:
        nan = invalid(ctx, C_IMPOSSIBLE)
        return nan, nan
    q, r, exp_r = parts
    return fix(sign, q, 0, ctx), fix(a._sign, r, exp_r, ctx)


def remainder_near(a, b, ctx):
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if a._kind == INF:
            return invalid(ctx)
        return plus_exact(a, ctx)
    if b._coef == 0:
        return invalid(ctx, C_UNDEFINED if a._coef == 0 else C_INVALID)
    exp_r = a._exp if a._exp < b._exp else b._exp
    if a._coef == 0:
        return fix(a._sign, 0, exp_r, ctx)
    adj_a = a._exp + ndigits(a._coef) - 1
    adj_b = b._exp + ndigits(b._coef) - 1
    if adj_a - adj_b > ctx._prec:
        return invalid(ctx, C_IMPOSSIBLE)
    if adj_a < adj_b - 1:
        # |a| < |b|/2 for sure: the nearest integer quotient is zero.
        return fix(a._sign, a._coef * pow10(a._exp - exp_r), exp_r, ctx)
    va = a._coef * pow10(a._exp - exp_r)
    vb = b._coef * pow10(b._exp - exp_r)
    q, r = divmod(va, vb)
    sign = a._sign
    if r + r > vb or (r + r == vb and q & 1):
        r = vb - r
        q += 1
        sign = 1 - sign
    if ndigits(q) > ctx._prec:
        return invalid(ctx, C_IMPOSSIBLE)
    return fix(sign, r, exp_r, ctx)


def fma(a, b, c, ctx):
    """a * b + c with a single rounding."""
    if a._kind or b._kind or c._kind:
        for x in (a, b, c):
            if x._kind == SNAN:
                ctx._signal(C_INVALID)
                return fix_nan(x, ctx)
        for x in (a, b, c):
            if x._kind == QNAN:
                return fix_nan(x, ctx)
        sign = a._sign ^ b._sign
        if a._kind == INF or b._kind == INF:
            if (a._kind == FINITE and a._coef == 0) or (b._kind == FINITE and b._coef == 0):
                return invalid(ctx)
            product = _inf(sign)
        else:
            product = _new(sign, a._coef * b._coef, a._exp + b._exp)
        return add(product, c, ctx)
    product = _new(a._sign ^ b._sign, a._coef * b._coef, a._exp + b._exp)
    return add(product, c, ctx)


# ---------------------------------------------------------- comparisons

def _unit(n):
    return _new(1 if n < 0 else 0, 1 if n else 0, 0)


def compare(a, b, ctx):
    r = nan_operands(a, b, ctx)
    if r is not None:
        return r
    return _unit(compare_values(a, b))


def compare_signal(a, b, ctx):
    if a._kind >= QNAN or b._kind >= QNAN:
        ctx._signal(C_INVALID)
        return fix_nan(a if a._kind == SNAN or (a._kind == QNAN and b._kind != SNAN) else b, ctx)
    return _unit(compare_values(a, b))


def _total_key_cmp(a, b):
    """The total ordering of the specification, ignoring signs."""
    rank_a = (0, 1, 3, 2)[a._kind]
    rank_b = (0, 1, 3, 2)[b._kind]
    if rank_a != rank_b:
        return -1 if rank_a < rank_b else 1
    if a._kind == INF:
        return 0
    if a._kind >= QNAN:
        return (a._coef > b._coef) - (a._coef < b._coef)
    c = compare_values(_new(0, a._coef, a._exp), _new(0, b._coef, b._exp))
    if c:
        return c
    return (a._exp > b._exp) - (a._exp < b._exp)


def total_cmp(a, b):
    if a._sign != b._sign:
        return -1 if a._sign else 1
    c = _total_key_cmp(a, b)
    return -c if a._sign else c


def compare_total(a, b):
    return _unit(total_cmp(a, b))


def compare_total_mag(a, b):
    return _unit(_total_key_cmp(a, b))


def _choose(a, b, ctx, want_max, magnitude):
    ka, kb = a._kind, b._kind
    if ka >= QNAN or kb >= QNAN:
        # A quiet NaN loses to a number.
        if ka == QNAN and kb < QNAN:
            return plus_exact(b, ctx) if kb == FINITE else b
        if kb == QNAN and ka < QNAN:
            return plus_exact(a, ctx) if ka == FINITE else a
        return nan_operands(a, b, ctx)
    if magnitude:
        c = compare_values(_new(0, a._coef, a._exp, ka), _new(0, b._coef, b._exp, kb))
    else:
        c = compare_values(a, b)
    if c == 0:
        c = total_cmp(a, b)
    pick = a if (c >= 0) == want_max else b
    if c == 0:
        pick = a
    if pick._kind:
        return _inf(pick._sign)
    return plus_exact(pick, ctx)


def max_(a, b, ctx):
    return _choose(a, b, ctx, True, False)


def min_(a, b, ctx):
    return _choose(a, b, ctx, False, False)


def max_mag(a, b, ctx):
    return _choose(a, b, ctx, True, True)


def min_mag(a, b, ctx):
    return _choose(a, b, ctx, False, True)


# ------------------------------------------------ quantize and integral

def _rescale(coef, exp_from, exp_to, sign, rounding):
    """(coef, inexact) of a coefficient moved to a new exponent."""
    if exp_to <= exp_from:
        return coef * pow10(exp_from - exp_to), False
    c, drop = shrink(coef, exp_to - exp_from)
    return round_coefficient(c, drop, sign, rounding)


def quantize(a, b, rounding, ctx):
    if rounding is None:
        rounding = ctx._rounding
    if a._kind or b._kind:
        r = nan_operands(a, b, ctx)
        if r is not None:
            return r
        if a._kind == INF and b._kind == INF:
            return _inf(a._sign)
        return invalid(ctx)
    exp = b._exp
    prec = ctx._prec
    if not (ctx._emin - prec + 1 <= exp <= ctx._emax):
        return invalid(ctx)
    if a._coef == 0:
        return _clamped_quantum(a._sign, 0, exp, ctx, 0)
    adj = a._exp + ndigits(a._coef) - 1
    if adj > ctx._emax or adj - exp + 1 > prec:
        return invalid(ctx)
    coef, inexact = _rescale(a._coef, a._exp, exp, a._sign, rounding)
    if coef and (ndigits(coef) > prec or exp + ndigits(coef) - 1 > ctx._emax):
        return invalid(ctx)
    status = 0
    if coef and exp + ndigits(coef) - 1 < ctx._emin:
        status |= C_SUBNORMAL
    if exp > a._exp:
        status |= C_ROUNDED | (C_INEXACT if inexact else 0)
    return _clamped_quantum(a._sign, coef, exp, ctx, status)


def _clamped_quantum(sign, coef, exp, ctx, status):
    """A quantize result, folded down to Etop when the context clamps."""
    if ctx._clamp:
        top = ctx._emax - ctx._prec + 1
        if exp > top:
            if coef:
                coef *= pow10(exp - top)
            exp = top
            status |= C_CLAMPED
    if status:
        ctx._signal(status)
    return _new(sign, coef, exp)


def to_integral(a, rounding, ctx, exact):
    if rounding is None:
        rounding = ctx._rounding
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        return _inf(a._sign)
    if a._exp >= 0:
        return a
    coef, inexact = _rescale(a._coef, a._exp, 0, a._sign, rounding)
    if exact and a._coef:
        ctx._signal(C_ROUNDED | (C_INEXACT if inexact else 0))
    return _new(a._sign, coef, 0)


def normalize(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        return _inf(a._sign)
    d = plus_exact(a, ctx)
    if d._kind:
        return d
    if d._coef == 0:
        return _new(d._sign, 0, 0)
    top = ctx._emax - ctx._prec + 1 if ctx._clamp else ctx._emax
    text = str(d._coef)
    zeros = len(text) - len(text.rstrip("0"))
    zeros = min(zeros, top - d._exp)
    if zeros <= 0:
        return d
    return _new(d._sign, d._coef // pow10(zeros), d._exp + zeros)


# ------------------------------------------------------ next and logb

def _quiet_context(ctx, rounding):
    c = ctx.copy()
    object.__setattr__(c, "_rounding", rounding)
    c._traps._bits = 0
    return c


def _below_grid(a, ctx, sign):
    """A value smaller than both a unit of a's last digit and the smallest
    subnormal: adding it and rounding toward it steps to the neighbour."""
    etiny = ctx._emin - ctx._prec + 1
    return _new(sign, 1, min(a._exp, etiny) - 1)


def next_plus(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        if a._sign:
            prec = ctx._prec
            return _new(1, pow10(prec) - 1, ctx._emax - prec + 1)
        return _inf(0)
    return add(a, _below_grid(a, ctx, 0), _quiet_context(ctx, ROUND_CEILING))


def next_minus(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        if not a._sign:
            prec = ctx._prec
            return _new(0, pow10(prec) - 1, ctx._emax - prec + 1)
        return _inf(1)
    return add(a, _below_grid(a, ctx, 1), _quiet_context(ctx, ROUND_FLOOR))


def next_toward(a, b, ctx):
    r = nan_operands(a, b, ctx)
    if r is not None:
        return r
    c = compare_values(a, b)
    if c == 0:
        return _new(b._sign, a._coef, a._exp, a._kind)
    result = next_plus(a, ctx) if c < 0 else next_minus(a, ctx)
    if result._kind == INF:
        ctx._signal(C_OVERFLOW | C_INEXACT | C_ROUNDED)
    elif result._kind == FINITE and result._exp + ndigits(result._coef) - 1 < ctx._emin:
        status = C_UNDERFLOW | C_SUBNORMAL | C_INEXACT | C_ROUNDED
        if result._coef == 0:
            status |= C_CLAMPED
        ctx._signal(status)
    return result


def logb(a, ctx):
    if a._kind:
        if a._kind >= QNAN:
            return nan_operands(a, None, ctx)
        return _inf(0)
    if a._coef == 0:
        ctx._signal(C_DIVZERO)
        return _inf(1)
    adj = a._exp + ndigits(a._coef) - 1
    return fix(1 if adj < 0 else 0, abs(adj), 0, ctx)


def _small_integer(b, limit):
    """The int value of b when it is an integer with exponent 0 and
    |b| <= limit, else None."""
    if b._kind or b._exp != 0:
        return None
    n = -b._coef if b._sign else b._coef
    if -limit <= n <= limit:
        return n
    return None


def scaleb(a, b, ctx):
    r = nan_operands(a, b, ctx)
    if r is not None:
        return r
    n = _small_integer(b, 2 * (ctx._emax + ctx._prec))
    if n is None:
        return invalid(ctx)
    if a._kind == INF:
        return _inf(a._sign)
    return fix(a._sign, a._coef, a._exp + n, ctx)


def shift(a, b, ctx):
    r = nan_operands(a, b, ctx)
    if r is not None:
        return r
    prec = ctx._prec
    n = _small_integer(b, prec)
    if n is None:
        return invalid(ctx)
    if a._kind == INF:
        return _inf(a._sign)
    coef = a._coef % pow10(prec)
    if n >= 0:
        coef = coef * pow10(n) % pow10(prec)
    else:
        coef //= pow10(-n)
    return _new(a._sign, coef, a._exp)


def rotate(a, b, ctx):
    r = nan_operands(a, b, ctx)
    if r is not None:
        return r
    prec = ctx._prec
    n = _small_integer(b, prec)
    if n is None:
        return invalid(ctx)
    if a._kind == INF:
        return _inf(a._sign)
    text = str(a._coef % pow10(prec)).rjust(prec, "0")
    k = n % prec
    text = text[k:] + text[:k]
    return _new(a._sign, int(text), a._exp)


# --------------------------------------------------------------- logical

def _logical_digits(d, prec):
    if d._kind or d._sign or d._exp != 0:
        return None
    text = str(d._coef)
    if text.strip("01"):
        return None
    # Only the lowest prec digits take part.
    return text[-prec:].rjust(prec, "0")


def _logical(a, b, ctx, op):
    prec = ctx._prec
    x = _logical_digits(a, prec)
    y = _logical_digits(b, prec) if b is not None else "0" * prec
    if x is None or y is None:
        return invalid(ctx)
    if op == "and":
        digits = "".join("1" if p == "1" and q == "1" else "0" for p, q in zip(x, y))
    elif op == "or":
        digits = "".join("1" if p == "1" or q == "1" else "0" for p, q in zip(x, y))
    elif op == "xor":
        digits = "".join("1" if p != q else "0" for p, q in zip(x, y))
    else:
        digits = "".join("0" if p == "1" else "1" for p in x)
    return _new(0, int(digits), 0)


def logical_and(a, b, ctx):
    return _logical(a, b, ctx, "and")


def logical_or(a, b, ctx):
    return _logical(a, b, ctx, "or")


def logical_xor(a, b, ctx):
    return _logical(a, b, ctx, "xor")


def logical_invert(a, ctx):
    return _logical(a, None, ctx, "invert")
