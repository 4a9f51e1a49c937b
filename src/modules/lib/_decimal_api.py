# The public methods of Decimal and Context: argument conversion, context
# defaults and CPython's error messages around the arithmetic functions of
# _decimal_arith and _decimal_math.  `install()` attaches them to the two
# classes.

import _decimal_arith as _a
import _decimal_math as _m
import _decimal_core as _c
from _decimal_core import Decimal, getcontext, convert_strict, convert_operand, _context_arg
from _decimal_context import Context
from _decimal_format import format_decimal
from _decimal_signals import ROUNDINGS, ROUNDING_TEXT, C_FLOAT, C_SYNTAX, C_INVALID

# Types that never handle Decimal operands themselves: an unsupported
# operation with them fails at once, with CPython's message.
_PLAIN_TYPES = (float, complex, str, bytes, bytearray, list, tuple, dict, set,
                frozenset, type(None), range, type)


def _unsupported(op, left, right):
    return TypeError(f"unsupported operand type(s) for {op}: '{left}' and '{right}'")


def _type_name(x):
    return "decimal.Decimal" if isinstance(x, Decimal) else type(x).__name__


def _forward_fail(op, other, reflected):
    """NotImplemented when other's type may handle the operation, else the
    TypeError CPython raises."""
    if op == "*" and isinstance(other, (str, list, tuple, bytes, bytearray)):
        raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
    tp = type(other)
    if not isinstance(other, _PLAIN_TYPES) and tp.__module__ != "fractions" \
            and getattr(tp, reflected, None) is not None:
        return NotImplemented
    raise _unsupported(op, "decimal.Decimal", _type_name(other))


def _reflected_fail(op, other):
    if op == "+" and isinstance(other, (str, list, tuple, bytes)):
        name = type(other).__name__
        raise TypeError(f'can only concatenate {name} (not "decimal.Decimal") to {name}')
    if op == "*" and isinstance(other, (str, list, tuple, bytes)):
        raise TypeError("can't multiply sequence by non-int of type 'decimal.Decimal'")
    raise _unsupported(op, _type_name(other), "decimal.Decimal")


def _rounding_arg(rounding):
    if rounding is None:
        return None
    if not isinstance(rounding, str) or rounding not in ROUNDINGS:
        raise TypeError(ROUNDING_TEXT)
    return rounding


def _binary(func, op, reflected):
    def forward(self, other):
        o = convert_operand(other)
        if o is None:
            return _forward_fail(op, other, reflected)
        return func(self, o, getcontext())

    def backward(self, other):
        o = convert_operand(other)
        if o is None:
            return _reflected_fail(op, other)
        return func(o, self, getcontext())
    return forward, backward


def _pow(self, other, modulo=None):
    o = convert_operand(other)
    if o is None:
        return _forward_fail("** or pow()", other, "__rpow__")
    ctx = getcontext()
    if modulo is None:
        return _m.power(self, o, ctx)
    m = convert_operand(modulo)
    if m is None:
        raise TypeError("unsupported operand type(s) for ** or pow(): "
                        f"'decimal.Decimal', '{_type_name(other)}', '{_type_name(modulo)}'")
    return _m.power_modulo(self, o, m, ctx)


def _rpow(self, other, modulo=None):
    o = convert_operand(other)
    if o is None:
        return _reflected_fail("** or pow()", other)
    ctx = getcontext()
    if modulo is None:
        return _m.power(o, self, ctx)
    m = convert_strict(modulo)
    return _m.power_modulo(o, self, m, ctx)


def _divmod(self, other):
    o = convert_operand(other)
    if o is None:
        return _forward_fail("divmod()", other, "__rdivmod__")
    return _a.divmod_(self, o, getcontext())


def _rdivmod(self, other):
    o = convert_operand(other)
    if o is None:
        return _reflected_fail("divmod()", other)
    return _a.divmod_(o, self, getcontext())


# ------------------------------------------------------- Decimal methods

def _unary_method(func):
    def method(self, context=None):
        return func(self, _context_arg(context))
    method.__name__ = func.__name__
    return method


def _binary_method(func):
    def method(self, other, context=None):
        ctx = _context_arg(context)
        return func(self, convert_strict(other), ctx)
    return method


def _quantize(self, exp, rounding=None, context=None):
    ctx = _context_arg(context)
    return _a.quantize(self, convert_strict(exp), _rounding_arg(rounding), ctx)


def _integral_method(exact):
    def method(self, rounding=None, context=None):
        ctx = _context_arg(context)
        return _a.to_integral(self, _rounding_arg(rounding), ctx, exact)
    return method


def _fma(self, other, third, context=None):
    ctx = _context_arg(context)
    return _a.fma(self, convert_strict(other), convert_strict(third), ctx)


def _compare_total(self, other, context=None):
    return _a.compare_total(self, convert_strict(other))


def _compare_total_mag(self, other, context=None):
    return _a.compare_total_mag(self, convert_strict(other))


def _logical_invert(self, context=None):
    return _a.logical_invert(self, _context_arg(context))


def _format(self, specifier, override=None, /):
    if not isinstance(specifier, str):
        raise TypeError("format arg must be str")
    if override is not None and not isinstance(override, dict):
        raise TypeError("optional argument must be a dict")
    return format_decimal(self, specifier, getcontext())


_DECIMAL_METHODS = {
    "exp": _unary_method(_m.exp),
    "ln": _unary_method(_m.ln),
    "log10": _unary_method(_m.log10),
    "sqrt": _unary_method(_m.sqrt),
    "logb": _unary_method(_a.logb),
    "normalize": _unary_method(_a.normalize),
    "next_plus": _unary_method(_a.next_plus),
    "next_minus": _unary_method(_a.next_minus),
    "compare": _binary_method(_a.compare),
    "compare_signal": _binary_method(_a.compare_signal),
    "compare_total": _compare_total,
    "compare_total_mag": _compare_total_mag,
    "max": _binary_method(_a.max_),
    "min": _binary_method(_a.min_),
    "max_mag": _binary_method(_a.max_mag),
    "min_mag": _binary_method(_a.min_mag),
    "next_toward": _binary_method(_a.next_toward),
    "remainder_near": _binary_method(_a.remainder_near),
    "scaleb": _binary_method(_a.scaleb),
    "shift": _binary_method(_a.shift),
    "rotate": _binary_method(_a.rotate),
    "logical_and": _binary_method(_a.logical_and),
    "logical_or": _binary_method(_a.logical_or),
    "logical_xor": _binary_method(_a.logical_xor),
    "logical_invert": _logical_invert,
    "quantize": _quantize,
    "to_integral": _integral_method(False),
    "to_integral_value": _integral_method(False),
    "to_integral_exact": _integral_method(True),
    "fma": _fma,
    "__pow__": _pow,
    "__rpow__": _rpow,
    "__divmod__": _divmod,
    "__rdivmod__": _rdivmod,
    "__format__": _format,
    "__neg__": lambda self: _a.minus(self, getcontext()),
    "__pos__": lambda self: _a.plus(self, getcontext()),
    "__abs__": lambda self: _a.absolute(self, getcontext()),
}

for _name, _func, _op in (("add", _a.add, "+"), ("sub", _a.subtract, "-"),
                          ("mul", _a.multiply, "*"), ("truediv", _a.divide, "/"),
                          ("floordiv", _a.divide_int, "//"), ("mod", _a.remainder, "%")):
    _fwd, _back = _binary(_func, _op, f"__r{_name}__")
    _DECIMAL_METHODS[f"__{_name}__"] = _fwd
    _DECIMAL_METHODS[f"__r{_name}__"] = _back


# ------------------------------------------------------- Context methods

def _ctx_unary(func):
    def method(self, a):
        return func(convert_strict(a), self)
    return method


def _ctx_binary(func):
    def method(self, a, b):
        return func(convert_strict(a), convert_strict(b), self)
    return method


def _ctx_predicate(name):
    def method(self, a):
        return getattr(convert_strict(a), name)()
    return method


def _ctx_context_predicate(name):
    def method(self, a):
        return getattr(convert_strict(a), name)(self)
    return method


def _create_decimal(self, num="0"):
    if isinstance(num, str):
        parsed = _c.parse_number(num)
        if parsed is None or (parsed[3] == _c.FINITE and _c._exponent_out_of_range(parsed)):
            return _c.invalid(self, C_SYNTAX if parsed is None else C_INVALID)
        d = _c._new(*parsed)
    elif isinstance(num, float):
        self._signal(C_FLOAT)
        d = _c._from_float(Decimal, num)
    else:
        d = Decimal(num, self)
    return _apply_context(self, d)


def _apply_context(ctx, d):
    if d._kind == _c.FINITE:
        return _c.fix(d._sign, d._coef, d._exp, ctx)
    if d._kind >= _c.QNAN:
        room = ctx._prec - ctx._clamp
        if d._coef and _c.ndigits(d._coef) > room:
            return _c.invalid(ctx, C_SYNTAX)
        return _c._new(d._sign, d._coef, 0, d._kind)
    return _c._new(d._sign, 0, 0, _c.INF)


def _create_decimal_from_float(self, f):
    return _apply_context(self, Decimal.from_float(f))


def _ctx_apply(self, a):
    a = convert_strict(a)
    if a._kind >= _c.QNAN:
        quiet = _c.fix_nan(a, self)
        return _c._new(a._sign, quiet._coef, 0, a._kind)
    return _apply_context(self, a)


def _ctx_power(self, a, b, modulo=None):
    a, b = convert_strict(a), convert_strict(b)
    if modulo is None:
        return _m.power(a, b, self)
    return _m.power_modulo(a, b, convert_strict(modulo), self)


def _ctx_quantize(self, a, b):
    return _a.quantize(convert_strict(a), convert_strict(b), None, self)


def _ctx_fma(self, a, b, c):
    return _a.fma(convert_strict(a), convert_strict(b), convert_strict(c), self)


def _ctx_canonical(self, a):
    if not isinstance(a, Decimal):
        raise TypeError("argument must be a Decimal")
    return a


def _ctx_copy_decimal(self, a):
    a = convert_strict(a)
    return _c._new(a._sign, a._coef, a._exp, a._kind)


def _ctx_to_sci(self, a):
    return _c.to_text(convert_strict(a), False, self._capitals)


def _ctx_to_eng(self, a):
    return _c.to_text(convert_strict(a), True, self._capitals)


_CONTEXT_METHODS = {
    "abs": _ctx_unary(_a.absolute),
    "plus": _ctx_unary(_a.plus),
    "minus": _ctx_unary(_a.minus),
    "exp": _ctx_unary(_m.exp),
    "ln": _ctx_unary(_m.ln),
    "log10": _ctx_unary(_m.log10),
    "sqrt": _ctx_unary(_m.sqrt),
    "logb": _ctx_unary(_a.logb),
    "normalize": _ctx_unary(_a.normalize),
    "next_plus": _ctx_unary(_a.next_plus),
    "next_minus": _ctx_unary(_a.next_minus),
    "logical_invert": _ctx_unary(_a.logical_invert),
    "to_integral": lambda self, a: _a.to_integral(convert_strict(a), None, self, False),
    "to_integral_value": lambda self, a: _a.to_integral(convert_strict(a), None, self, False),
    "to_integral_exact": lambda self, a: _a.to_integral(convert_strict(a), None, self, True),
    "add": _ctx_binary(_a.add),
    "subtract": _ctx_binary(_a.subtract),
    "multiply": _ctx_binary(_a.multiply),
    "divide": _ctx_binary(_a.divide),
    "divide_int": _ctx_binary(_a.divide_int),
    "remainder": _ctx_binary(_a.remainder),
    "remainder_near": _ctx_binary(_a.remainder_near),
    "divmod": _ctx_binary(_a.divmod_),
    "compare": _ctx_binary(_a.compare),
    "compare_signal": _ctx_binary(_a.compare_signal),
    "compare_total": lambda self, a, b: _a.compare_total(convert_strict(a), convert_strict(b)),
    "compare_total_mag": lambda self, a, b: _a.compare_total_mag(convert_strict(a), convert_strict(b)),
    "max": _ctx_binary(_a.max_),
    "min": _ctx_binary(_a.min_),
    "max_mag": _ctx_binary(_a.max_mag),
    "min_mag": _ctx_binary(_a.min_mag),
    "next_toward": _ctx_binary(_a.next_toward),
    "scaleb": _ctx_binary(_a.scaleb),
    "shift": _ctx_binary(_a.shift),
    "rotate": _ctx_binary(_a.rotate),
    "logical_and": _ctx_binary(_a.logical_and),
    "logical_or": _ctx_binary(_a.logical_or),
    "logical_xor": _ctx_binary(_a.logical_xor),
    "same_quantum": lambda self, a, b: convert_strict(a).same_quantum(convert_strict(b)),
    "copy_sign": lambda self, a, b: convert_strict(a).copy_sign(convert_strict(b)),
    "copy_abs": lambda self, a: convert_strict(a).copy_abs(),
    "copy_negate": lambda self, a: convert_strict(a).copy_negate(),
    "copy_decimal": _ctx_copy_decimal,
    "canonical": _ctx_canonical,
    "number_class": _ctx_context_predicate("number_class"),
    "is_normal": _ctx_context_predicate("is_normal"),
    "is_subnormal": _ctx_context_predicate("is_subnormal"),
    "power": _ctx_power,
    "quantize": _ctx_quantize,
    "fma": _ctx_fma,
    "create_decimal": _create_decimal,
    "create_decimal_from_float": _create_decimal_from_float,
    "_apply": _ctx_apply,
    "to_sci_string": _ctx_to_sci,
    "to_eng_string": _ctx_to_eng,
    "radix": lambda self: _c._new(0, 10, 0),
}

for _pred in ("is_canonical", "is_finite", "is_infinite", "is_nan", "is_qnan",
              "is_signed", "is_snan", "is_zero"):
    _CONTEXT_METHODS[_pred] = _ctx_predicate(_pred)


def install():
    for name, func in _DECIMAL_METHODS.items():
        if not name.startswith("__"):
            func.__name__ = name
        setattr(Decimal, name, func)
    for name, func in _CONTEXT_METHODS.items():
        func.__name__ = name
        setattr(Context, name, func)
