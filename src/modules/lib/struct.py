__all__ = [
    # functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',
    # classes
    'Struct',
    # exceptions
    'error'
    ]

from _struct import *
from _struct import _clearcache
from _struct import __doc__
