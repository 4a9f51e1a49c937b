"""Abstract Base Classes (ABCs) for numbers, according to PEP 3141.

The tower is Number > Complex > Real > Rational > Integral; the built-in
complex, float and int are registered at the matching level (bool comes
with int as its subclass)."""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


def _abstract_property(func):
    """property(abstractmethod(func))."""
    prop = property(abstractmethod(func))
    if not getattr(prop, '__isabstractmethod__', False):
        # aio's property does not take __isabstractmethod__ from its getter
        prop.__isabstractmethod__ = True
    return prop


class Number(metaclass=ABCMeta):
    """The root of the numeric hierarchy; isinstance(x, Number) tells
    whether x is a number of any kind."""

    __slots__ = ()

    # numbers that compare equal must hash equal: concrete types decide
    __hash__ = None


class Complex(Number):
    """Numbers with real and imaginary parts and the arithmetic of the
    built-in complex type."""

    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """The value as a built-in complex."""

    def __bool__(self):
        """True unless the value is zero."""
        return self != 0

    @_abstract_property
    def real(self):
        """The real part."""
        raise NotImplementedError

    @_abstract_property
    def imag(self):
        """The imaginary part."""
        raise NotImplementedError

    @abstractmethod
    def __add__(self, other):
        """self + other"""
        raise NotImplementedError

    @abstractmethod
    def __radd__(self, other):
        """other + self"""
        raise NotImplementedError

    @abstractmethod
    def __neg__(self):
        """-self"""
        raise NotImplementedError

    @abstractmethod
    def __pos__(self):
        """+self"""
        raise NotImplementedError

    def __sub__(self, other):
        """self - other"""
        return self + -other

    def __rsub__(self, other):
        """other - self"""
        return -self + other

    @abstractmethod
    def __mul__(self, other):
        """self * other"""
        raise NotImplementedError

    @abstractmethod
    def __rmul__(self, other):
        """other * self"""
        raise NotImplementedError

    @abstractmethod
    def __truediv__(self, other):
        """self / other"""
        raise NotImplementedError

    @abstractmethod
    def __rtruediv__(self, other):
        """other / self"""
        raise NotImplementedError

    @abstractmethod
    def __pow__(self, exponent):
        """self ** exponent"""
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
        """base ** self"""
        raise NotImplementedError

    @abstractmethod
    def __abs__(self):
        """The magnitude, a Real."""
        raise NotImplementedError

    @abstractmethod
    def conjugate(self):
        """The complex conjugate."""
        raise NotImplementedError

    @abstractmethod
    def __eq__(self, other):
        """self == other"""
        raise NotImplementedError


Complex.register(complex)


class Real(Complex):
    """Complex numbers with no imaginary part: adds ordering, rounding,
    floor division and remainder, and a conversion to float."""

    __slots__ = ()

    @abstractmethod
    def __float__(self):
        """The nearest float."""
        raise NotImplementedError

    @abstractmethod
    def __trunc__(self):
        """The Integral nearest to self between 0 and self."""
        raise NotImplementedError

    @abstractmethod
    def __floor__(self):
        """The largest Integral <= self."""
        raise NotImplementedError

    @abstractmethod
    def __ceil__(self):
        """The smallest Integral >= self."""
        raise NotImplementedError

    @abstractmethod
    def __round__(self, ndigits=None):
        """An Integral without ndigits, else a Real rounded to ndigits
        decimal places (ties to even)."""
        raise NotImplementedError

    def __divmod__(self, other):
        """(self // other, self % other)"""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """(other // self, other % self)"""
        return (other // self, other % self)

    @abstractmethod
    def __floordiv__(self, other):
        """self // other, an Integral value"""
        raise NotImplementedError

    @abstractmethod
    def __rfloordiv__(self, other):
        """other // self, an Integral value"""
        raise NotImplementedError

    @abstractmethod
    def __mod__(self, other):
        """self % other"""
        raise NotImplementedError

    @abstractmethod
    def __rmod__(self, other):
        """other % self"""
        raise NotImplementedError

    @abstractmethod
    def __lt__(self, other):
        """self < other"""
        raise NotImplementedError

    @abstractmethod
    def __le__(self, other):
        """self <= other"""
        raise NotImplementedError

    def __complex__(self):
        """complex(self) with a zero imaginary part."""
        return complex(float(self))

    @property
    def real(self):
        """A Real is its own real part."""
        return +self

    @property
    def imag(self):
        """A Real has no imaginary part."""
        return 0

    def conjugate(self):
        """A Real is its own conjugate."""
        return +self


Real.register(float)


class Rational(Real):
    """Real numbers that are a ratio numerator / denominator of Integrals
    in lowest terms."""

    __slots__ = ()

    @_abstract_property
    def numerator(self):
        """The numerator in lowest terms."""
        raise NotImplementedError

    @_abstract_property
    def denominator(self):
        """The positive denominator in lowest terms."""
        raise NotImplementedError

    def __float__(self):
        """The float nearest to numerator / denominator."""
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Rational numbers with denominator 1: adds the bitwise operators,
    three-argument pow and use as an index."""

    __slots__ = ()

    @abstractmethod
    def __int__(self):
        """The value as a built-in int."""
        raise NotImplementedError

    def __index__(self):
        """int(self), so that Integrals can be used as indices."""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """self ** exponent % modulus, exactly, when modulus is given."""
        raise NotImplementedError

    @abstractmethod
    def __lshift__(self, other):
        """self << other"""
        raise NotImplementedError

    @abstractmethod
    def __rlshift__(self, other):
        """other << self"""
        raise NotImplementedError

    @abstractmethod
    def __rshift__(self, other):
        """self >> other"""
        raise NotImplementedError

    @abstractmethod
    def __rrshift__(self, other):
        """other >> self"""
        raise NotImplementedError

    @abstractmethod
    def __and__(self, other):
        """self & other"""
        raise NotImplementedError

    @abstractmethod
    def __rand__(self, other):
        """other & self"""
        raise NotImplementedError

    @abstractmethod
    def __xor__(self, other):
        """self ^ other"""
        raise NotImplementedError

    @abstractmethod
    def __rxor__(self, other):
        """other ^ self"""
        raise NotImplementedError

    @abstractmethod
    def __or__(self, other):
        """self | other"""
        raise NotImplementedError

    @abstractmethod
    def __ror__(self, other):
        """other | self"""
        raise NotImplementedError

    @abstractmethod
    def __invert__(self):
        """~self"""
        raise NotImplementedError

    def __float__(self):
        """float(int(self))"""
        return float(int(self))

    @property
    def numerator(self):
        """An Integral is its own numerator."""
        return +self

    @property
    def denominator(self):
        """An Integral has denominator 1."""
        return 1


Integral.register(int)
