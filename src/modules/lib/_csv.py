"""CSV parsing and writing engine (aio implementation of CPython's _csv
C module)."""

__version__ = "1.0"

QUOTE_MINIMAL = 0
QUOTE_ALL = 1
QUOTE_NONNUMERIC = 2
QUOTE_NONE = 3
QUOTE_STRINGS = 4
QUOTE_NOTNULL = 5

__all__ = ['Dialect', 'Error', 'QUOTE_ALL', 'QUOTE_MINIMAL', 'QUOTE_NONE',
           'QUOTE_NONNUMERIC', 'QUOTE_NOTNULL', 'QUOTE_STRINGS',
           'field_size_limit', 'get_dialect', 'list_dialects', 'reader',
           'register_dialect', 'unregister_dialect', 'writer']


class Error(Exception):
    pass


Error.__module__ = '_csv'

_dialects = {}
_limit = [128 * 1024]

_PARAM_NAMES = ('delimiter', 'doublequote', 'escapechar', 'lineterminator',
                'quotechar', 'quoting', 'skipinitialspace', 'strict')
_GETSET_NAMES = frozenset(('delimiter', 'escapechar', 'lineterminator',
                           'quotechar', 'quoting'))
_MEMBER_NAMES = frozenset(('skipinitialspace', 'doublequote', 'strict'))

# marks a keyword that was not given at all (None is a meaningful value)
_MISSING = object()


def _type_name(obj):
    return type(obj).__name__


def _char(name, src, default):
    """A required one-character setting."""
    if src is _MISSING:
        return default
    if not isinstance(src, str):
        raise TypeError('"%s" must be string, not %s' % (name, _type_name(src)))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


def _char_or_none(name, src, default):
    """A one-character setting that None switches off."""
    if src is _MISSING:
        return default
    if src is None:
        return None
    if not isinstance(src, str):
        raise TypeError('"%s" must be string or None, not %s'
                        % (name, _type_name(src)))
    if len(src) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return src


def _check_char(name, c, lineterminator, allow_space):
    if c is None:
        return
    if c == '\r' or c == '\n' or (c == ' ' and not allow_space):
        raise ValueError('bad %s value' % name)
    if c in lineterminator:
        raise ValueError('bad %s or lineterminator value' % name)


def _check_pair(name1, name2, c1, c2):
    if c1 is not None and c1 == c2:
        raise ValueError('bad %s or %s value' % (name1, name2))


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ('_delimiter', '_doublequote', '_escapechar',
                 '_lineterminator', '_quotechar', '_quoting',
                 '_skipinitialspace', '_strict')

    def __new__(cls, *args, **kwargs):
        names = ('dialect',) + _PARAM_NAMES
        if len(args) > len(names):
            raise TypeError('function takes at most %d arguments (%d given)'
                            % (len(names), len(args) + len(kwargs)))
        params = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in names:
                raise TypeError("this function got an unexpected keyword "
                                "argument '%s'" % key)
            if key in params:
                raise TypeError("argument for function given by name ('%s') "
                                "and position (%d)"
                                % (key, names.index(key) + 1))
            params[key] = value
        dialect = params.pop('dialect', _MISSING)
        if dialect is not _MISSING:
            if isinstance(dialect, str):
                dialect = _lookup(dialect)
            # an existing Dialect with nothing overridden is reused
            if isinstance(dialect, Dialect) and not params:
                return dialect
            for name in _PARAM_NAMES:
                if name not in params:
                    try:
                        params[name] = getattr(dialect, name)
                    except Exception:
                        pass
        self = object.__new__(cls)
        self._configure(params)
        return self

    def _configure(self, params):
        get = params.get
        put = object.__setattr__
        delimiter = _char('delimiter', get('delimiter', _MISSING), ',')
        doublequote = get('doublequote', _MISSING)
        doublequote = True if doublequote is _MISSING else bool(doublequote)
        escapechar = _char_or_none('escapechar', get('escapechar', _MISSING),
                                   None)
        lineterminator = get('lineterminator', _MISSING)
        if lineterminator is _MISSING:
            lineterminator = '\r\n'
        elif lineterminator is not None and not isinstance(lineterminator,
                                                           str):
            raise TypeError('"lineterminator" must be a string')
        quotechar_src = get('quotechar', _MISSING)
        quotechar = _char_or_none('quotechar', quotechar_src, '"')
        quoting_src = get('quoting', _MISSING)
        if quoting_src is _MISSING:
            quoting = QUOTE_MINIMAL
        elif type(quoting_src) is not int:
            raise TypeError('"quoting" must be an integer')
        else:
            quoting = quoting_src
        skip = get('skipinitialspace', _MISSING)
        skip = False if skip is _MISSING else bool(skip)
        strict = get('strict', _MISSING)
        strict = False if strict is _MISSING else bool(strict)

        if quoting not in (0, 1, 2, 3, 4, 5):
            raise TypeError('bad "quoting" value')
        if quotechar_src is None and quoting_src is _MISSING:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError('quotechar must be set if quoting enabled')
        if lineterminator is None:
            raise TypeError('lineterminator must be set')
        _check_char('delimiter', delimiter, lineterminator, True)
        _check_char('escapechar', escapechar, lineterminator, not skip)
        _check_char('quotechar', quotechar, lineterminator, not skip)
        _check_pair('delimiter', 'escapechar', delimiter, escapechar)
        _check_pair('delimiter', 'quotechar', delimiter, quotechar)
        _check_pair('escapechar', 'quotechar', escapechar, quotechar)

        put(self, '_delimiter', delimiter)
        put(self, '_doublequote', doublequote)
        put(self, '_escapechar', escapechar)
        put(self, '_lineterminator', lineterminator)
        put(self, '_quotechar', quotechar)
        put(self, '_quoting', quoting)
        put(self, '_skipinitialspace', skip)
        put(self, '_strict', strict)

    def __setattr__(self, name, value):
        if name in _GETSET_NAMES:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects "
                                 "is not writable" % name)
        if name in _MEMBER_NAMES:
            raise AttributeError("readonly attribute")
        raise AttributeError("'_csv.Dialect' object has no attribute '%s' "
                             "and no __dict__ for setting new attributes"
                             % name)

    @property
    def delimiter(self):
        return self._delimiter

    @property
    def doublequote(self):
        return self._doublequote

    @property
    def escapechar(self):
        return self._escapechar

    @property
    def lineterminator(self):
        return self._lineterminator

    @property
    def quotechar(self):
        return self._quotechar

    @property
    def quoting(self):
        return self._quoting

    @property
    def skipinitialspace(self):
        return self._skipinitialspace

    @property
    def strict(self):
        return self._strict


Dialect.__module__ = '_csv'


def _lookup(name):
    try:
        return _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def _make_dialect(args, fmtparams):
    if args:
        return Dialect(args[0], **fmtparams)
    return Dialect(**fmtparams)


def _check_arg_count(args, low, high):
    if len(args) < low:
        raise TypeError(' expected at least %d argument%s, got %d'
                        % (low, '' if low == 1 else 's', len(args)))
    if len(args) > high:
        raise TypeError(' expected at most %d arguments, got %d'
                        % (high, len(args)))


from _csv_engine import parse_record as _parse_record  # noqa: E402
from _csv_engine import join_record as _join_record  # noqa: E402
from _csv_engine import special_chars as _special_chars  # noqa: E402


class reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""

    def __init__(self, input_iter, dialect):
        self._input = input_iter
        self.dialect = dialect
        self.line_num = 0
        self._config = None

    def __iter__(self):
        return self

    def __next__(self):
        return _parse_record(self, _limit[0])


_Reader = reader


class writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""

    def __init__(self, write, dialect):
        self._write = write
        self.dialect = dialect
        self._specials = _special_chars(dialect)

    def writerow(self, row):
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % _type_name(row)) \
                from None
        return self._write(_join_record(fields, self.dialect, self._specials,
                                        Error))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


_Writer = writer


def reader(*args, **fmtparams):
    """csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)
"""
    _check_arg_count(args, 1, 2)
    input_iter = iter(args[0])
    return _Reader(input_iter, _make_dialect(args[1:], fmtparams))


def writer(*args, **fmtparams):
    """csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)
"""
    _check_arg_count(args, 1, 2)
    try:
        write = args[0].write
    except AttributeError:
        raise TypeError('argument 1 must have a "write" method') from None
    return _Writer(write, _make_dialect(args[1:], fmtparams))


def register_dialect(*args, **kwargs):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    _check_arg_count(args, 1, 2)
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _make_dialect(args[1:], kwargs)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    try:
        del _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def get_dialect(name):
    """Return the dialect instance associated with name."""
    return _lookup(name)


def list_dialects():
    """Return a list of all know dialect names."""
    return list(_dialects)


_NO_LIMIT = object()


def field_size_limit(new_limit=_NO_LIMIT, /):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    old = _limit[0]
    if new_limit is not _NO_LIMIT:
        if type(new_limit) is not int:
            raise TypeError("limit must be an integer")
        if not -2 ** 63 <= new_limit < 2 ** 63:
            raise OverflowError("Python int too large to convert to C long")
        _limit[0] = new_limit
    return old
