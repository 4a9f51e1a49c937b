"""NormalDist and kernel density estimation for the statistics module."""

import math
import random as _random
from bisect import bisect_left, bisect_right
from itertools import repeat
from math import hypot, sqrt, fabs, exp, erf, tau, log
from math import pi, cos, sin, tan, cosh, asin, atan, acos



def _stats():
    # imported lazily: statistics imports this module while it loads
    import statistics
    return statistics

_SQRT2 = sqrt(2.0)


def _poly(coefficients, r):
    """Horner evaluation, highest coefficient first."""
    total = coefficients[0]
    for c in coefficients[1:]:
        total = total * r + c
    return total


# Wichura's algorithm AS241 for the inverse normal CDF.
_CENTRAL_NUM = (2.5090809287301226727e+3, 3.3430575583588128105e+4,
                6.7265770927008700853e+4, 4.5921953931549871457e+4,
                1.3731693765509461125e+4, 1.9715909503065514427e+3,
                1.3314166789178437745e+2, 3.3871328727963666080e+0)
_CENTRAL_DEN = (5.2264952788528545610e+3, 2.8729085735721942674e+4,
                3.9307895800092710610e+4, 2.1213794301586595867e+4,
                5.3941960214247511077e+3, 6.8718700749205790830e+2,
                4.2313330701600911252e+1, 1.0)
_MIDDLE_NUM = (7.74545014278341407640e-4, 2.27238449892691845833e-2,
               2.41780725177450611770e-1, 1.27045825245236838258e+0,
               3.64784832476320460504e+0, 5.76949722146069140550e+0,
               4.63033784615654529590e+0, 1.42343711074968357734e+0)
_MIDDLE_DEN = (1.05075007164441684324e-9, 5.47593808499534494600e-4,
               1.51986665636164571966e-2, 1.48103976427480074590e-1,
               6.89767334985100004550e-1, 1.67638483018380384940e+0,
               2.05319162663775882187e+0, 1.0)
_TAIL_NUM = (2.01033439929228813265e-7, 2.71155556874348757815e-5,
             1.24266094738807843860e-3, 2.65321895265761230930e-2,
             2.96560571828504891230e-1, 1.78482653991729133580e+0,
             5.46378491116411436990e+0, 6.65790464350110377720e+0)
_TAIL_DEN = (2.04426310338993978564e-15, 1.42151175831644588870e-7,
             1.84631831751005468180e-5, 7.86869131145613259100e-4,
             1.48753612908506148525e-2, 1.36929880922735805310e-1,
             5.99832206555887937690e-1, 1.0)


def _normal_dist_inv_cdf(p, mu, sigma):
    q = p - 0.5
    if fabs(q) <= 0.425:
        r = 0.180625 - q * q
        x = _poly(_CENTRAL_NUM, r) * q / _poly(_CENTRAL_DEN, r)
        return mu + (x * sigma)
    r = p if q <= 0.0 else 1.0 - p
    r = sqrt(-log(r))
    if r <= 5.0:
        r = r - 1.6
        num, den = _poly(_MIDDLE_NUM, r), _poly(_MIDDLE_DEN, r)
    else:
        r = r - 5.0
        num, den = _poly(_TAIL_NUM, r), _poly(_TAIL_DEN, r)
    x = num / den
    if q < 0.0:
        x = -x
    return mu + (x * sigma)


class NormalDist:
    "Normal distribution of a random variable"

    # CPython uses a dict here (slot docs); the interpreter only honours
    # sequence __slots__, and the attribute restriction is what matters
    __slots__ = ('_mu', '_sigma')

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise _stats().StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        return cls(*_stats()._mean_stdev(data))

    def samples(self, n, *, seed=None):
        rnd = _random.random if seed is None else _random.Random(seed).random
        mu = self._mu
        sigma = self._sigma
        return [_normal_dist_inv_cdf(rnd(), mu, sigma)
                for _ in repeat(None, n)]

    def pdf(self, x):
        variance = self._sigma * self._sigma
        if not variance:
            raise _stats().StatisticsError('pdf() not defined when sigma is zero')
        diff = x - self._mu
        return exp(diff * diff / (-2.0 * variance)) / sqrt(tau * variance)

    def cdf(self, x):
        if not self._sigma:
            raise _stats().StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + erf((x - self._mu) / (self._sigma * _SQRT2)))

    def inv_cdf(self, p):
        if p <= 0.0 or p >= 1.0:
            raise _stats().StatisticsError('p must be in the range 0.0 < p < 1.0')
        return _normal_dist_inv_cdf(p, self._mu, self._sigma)

    def quantiles(self, n=4):
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """Overlapping coefficient of two normal distributions."""
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        X_var, Y_var = X.variance, Y.variance
        if not X_var or not Y_var:
            raise _stats().StatisticsError(
                'overlap() not defined when sigma is zero')
        dv = Y_var - X_var
        dm = fabs(Y._mu - X._mu)
        if not dv:
            return 1.0 - erf(dm / (2.0 * X._sigma * _SQRT2))
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * sqrt(dm * dm + dv * log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (fabs(Y.cdf(x1) - X.cdf(x1)) +
                      fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        if not self._sigma:
            raise _stats().StatisticsError(
                'zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __add__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        return NormalDist(x1._mu * x2, x1._sigma * fabs(x2))

    def __truediv__(x1, x2):
        return NormalDist(x1._mu / x2, x1._sigma / fabs(x2))

    def __pos__(x1):
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return f'{type(self).__name__}(mu={self._mu!r}, sigma={self._sigma!r})'

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state


NormalDist.__module__ = 'statistics'


# -- kernel density estimation -------------------------------------------------

def _kernel_normal():
    sqrt2pi = sqrt(2 * pi)
    sqrt2 = sqrt(2)
    return (lambda t: exp(-1/2 * t * t) / sqrt2pi,
            lambda t: 1/2 * (1.0 + erf(t / sqrt2)), None)


def _kernel_logistic():
    return (lambda t: 1/2 / (1.0 + cosh(t)),
            lambda t: 1.0 - 1.0 / (exp(t) + 1.0), None)


def _kernel_sigmoid():
    c1 = 1 / pi
    c2 = 2 / pi
    return (lambda t: c1 / cosh(t), lambda t: c2 * atan(exp(t)), None)


def _kernel_rectangular():
    return (lambda t: 1/2, lambda t: 1/2 * t + 1/2, 1.0)


def _kernel_triangular():
    return (lambda t: 1.0 - abs(t),
            lambda t: t*t * (1/2 if t < 0.0 else -1/2) + t + 1/2, 1.0)


def _kernel_parabolic():
    return (lambda t: 3/4 * (1.0 - t * t),
            lambda t: -1/4 * t**3 + 3/4 * t + 1/2, 1.0)


def _kernel_quartic():
    return (lambda t: 15/16 * (1.0 - t * t) ** 2,
            lambda t: 3/16 * t**5 - 5/8 * t**3 + 15/16 * t + 1/2, 1.0)


def _kernel_triweight():
    return (lambda t: 35/32 * (1.0 - t * t) ** 3,
            lambda t: 35/32 * (-1/7*t**7 + 3/5*t**5 - t**3 + t) + 1/2, 1.0)


def _kernel_cosine():
    c1 = pi / 4
    c2 = pi / 2
    return (lambda t: c1 * cos(c2 * t),
            lambda t: 1/2 * sin(c2 * t) + 1/2, 1.0)


_KERNELS = {
    'normal': _kernel_normal, 'gauss': _kernel_normal,
    'logistic': _kernel_logistic,
    'sigmoid': _kernel_sigmoid,
    'rectangular': _kernel_rectangular, 'uniform': _kernel_rectangular,
    'triangular': _kernel_triangular,
    'parabolic': _kernel_parabolic, 'epanechnikov': _kernel_parabolic,
    'quartic': _kernel_quartic, 'biweight': _kernel_quartic,
    'triweight': _kernel_triweight,
    'cosine': _kernel_cosine,
}


def _check_kde_args(data, h):
    if not len(data):
        raise _stats().StatisticsError('Empty data sequence')
    if not isinstance(data[0], (int, float)):
        raise TypeError('Data sequence must contain ints or floats')
    if h <= 0.0:
        raise _stats().StatisticsError(f'Bandwidth h must be positive, not {h=!r}')


def kde(data, h, kernel='normal', *, cumulative=False):
    """A pdf (or, cumulative, a cdf) estimated from the samples in data."""
    _check_kde_args(data, h)
    n = len(data)
    maker = _KERNELS.get(kernel) if isinstance(kernel, str) else None
    if maker is None:
        raise _stats().StatisticsError(f'Unknown kernel name: {kernel!r}')
    K, W, support = maker()
    if support is None:
        def pdf(x):
            n = len(data)
            return sum(K((x - x_i) / h) for x_i in data) / (n * h)

        def cdf(x):
            n = len(data)
            return sum(W((x - x_i) / h) for x_i in data) / n
    else:
        sample = sorted(data)
        bandwidth = h * support

        def _window(x):
            nonlocal n, sample
            if len(data) != n:
                sample = sorted(data)
                n = len(data)
            i = bisect_left(sample, x - bandwidth)
            j = bisect_right(sample, x + bandwidth)
            return i, sample[i:j]

        def pdf(x):
            i, supported = _window(x)
            return sum(K((x - x_i) / h) for x_i in supported) / (n * h)

        def cdf(x):
            i, supported = _window(x)
            return sum((W((x - x_i) / h) for x_i in supported), i) / n
    if cumulative:
        cdf.__doc__ = f'CDF estimate with {h=!r} and {kernel=!r}'
        return cdf
    pdf.__doc__ = f'PDF estimate with {h=!r} and {kernel=!r}'
    return pdf


def _newton_raphson(f_inv_estimate, f, f_prime, tolerance=1e-12):
    def f_inv(y):
        x = f_inv_estimate(y)
        while abs(diff := f(x) - y) > tolerance:
            x -= diff / f_prime(x)
        return x
    return f_inv


def _quartic_invcdf_estimate(p):
    sign, p = (1.0, p) if p <= 1/2 else (-1.0, 1.0 - p)
    x = (2.0 * p) ** 0.4258865685331 - 1.0
    if p >= 0.004 < 0.499:
        x += 0.026818732 * sin(7.101753784 * p + 2.73230839482953)
    return x * sign


def _triweight_invcdf_estimate(p):
    sign, p = (1.0, p) if p <= 1/2 else (-1.0, 1.0 - p)
    x = (2.0 * p) ** 0.3400218741872791 - 1.0
    return x * sign


_quartic_invcdf = _newton_raphson(
    f_inv_estimate=_quartic_invcdf_estimate,
    f=lambda t: 3/16 * t**5 - 5/8 * t**3 + 15/16 * t + 1/2,
    f_prime=lambda t: 15/16 * (1.0 - t * t) ** 2)

_triweight_invcdf = _newton_raphson(
    f_inv_estimate=_triweight_invcdf_estimate,
    f=lambda t: 35/32 * (-1/7*t**7 + 3/5*t**5 - t**3 + t) + 1/2,
    f_prime=lambda t: 35/32 * (1.0 - t * t) ** 3)

_kernel_invcdfs = {
    'normal': NormalDist().inv_cdf,
    'logistic': lambda p: log(p / (1 - p)),
    'sigmoid': lambda p: log(tan(p * pi/2)),
    'rectangular': lambda p: 2*p - 1,
    'parabolic': lambda p: 2 * cos((acos(2*p-1) + pi) / 3),
    'quartic': _quartic_invcdf,
    'triweight': _triweight_invcdf,
    'triangular': lambda p: sqrt(2*p) - 1 if p < 1/2 else 1 - sqrt(2 - 2*p),
    'cosine': lambda p: 2 * asin(2*p - 1) / pi,
}
_kernel_invcdfs['gauss'] = _kernel_invcdfs['normal']
_kernel_invcdfs['uniform'] = _kernel_invcdfs['rectangular']
_kernel_invcdfs['epanechnikov'] = _kernel_invcdfs['parabolic']
_kernel_invcdfs['biweight'] = _kernel_invcdfs['quartic']


def kde_random(data, h, kernel='normal', *, seed=None):
    """A function drawing random samples from kde(data, h, kernel)."""
    _check_kde_args(data, h)
    kernel_invcdf = _kernel_invcdfs.get(kernel)
    if kernel_invcdf is None:
        raise _stats().StatisticsError(f'Unknown kernel name: {kernel!r}')
    prng = _random.Random(seed)
    random = prng.random
    choice = prng.choice

    def rand():
        return choice(data) + h * kernel_invcdf(random())

    rand.__doc__ = f'Random KDE selection with {h=!r} and {kernel=!r}'
    return rand


kde.__module__ = 'statistics'
kde_random.__module__ = 'statistics'
