"""`posixpath`: the same module as `os.path` on this platform."""

from os.path import *
from os.path import __all__, _check_arg_types
