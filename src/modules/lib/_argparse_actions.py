"""Private part of argparse: constants, errors, Namespace and the Action
classes.  Public names are re-exported by `argparse` and report it as
their module."""

import sys as _sys

# The constants and the two exception classes are defined in argparse
# itself, so that tracebacks name them argparse.ArgumentError.
from argparse import (SUPPRESS, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, PARSER,
                      REMAINDER, _UNRECOGNIZED_ARGS_ATTR, ArgumentError,
                      ArgumentTypeError, _get_action_name)


class _AttributeHolder(object):
    """Gives a `Name(arg, key=value, ...)` repr built from _get_args and
    _get_kwargs."""

    def __repr__(self):
        pieces = [repr(arg) for arg in self._get_args()]
        odd_names = {}
        for key, value in self._get_kwargs():
            if key.isidentifier():
                pieces.append('%s=%r' % (key, value))
            else:
                odd_names[key] = value
        if odd_names:
            pieces.append('**' + repr(odd_names))
        return type(self).__name__ + '(' + ', '.join(pieces) + ')'

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


def _copy_items(items):
    # append/extend must not mutate a default list shared between parses
    if items is None:
        return []
    if type(items) is list:
        return items[:]
    import copy
    return copy.copy(items)


# ==============
# Action classes
# ==============

_ACTION_FIELDS = ('option_strings', 'dest', 'nargs', 'const', 'default',
                  'type', 'choices', 'required', 'help', 'metavar',
                  'deprecated')


class Action(_AttributeHolder):
    """How one argument turns command-line strings into namespace values."""

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None, deprecated=False):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.deprecated = deprecated

    def _get_kwargs(self):
        return [(name, getattr(self, name)) for name in _ACTION_FIELDS]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


# marks BooleanOptionalAction parameters the caller did not pass
_deprecated_default = object()


class BooleanOptionalAction(Action):
    """--flag sets True, the generated --no-flag sets False."""

    def __init__(self, option_strings, dest, default=None,
                 type=_deprecated_default, choices=_deprecated_default,
                 required=False, help=None, metavar=_deprecated_default,
                 deprecated=False):
        all_strings = []
        for opt in option_strings:
            all_strings.append(opt)
            if opt.startswith('--'):
                all_strings.append('--no-' + opt[2:])
        if type is _deprecated_default:
            type = None
        if choices is _deprecated_default:
            choices = None
        if metavar is _deprecated_default:
            metavar = None
        Action.__init__(self, option_strings=all_strings, dest=dest, nargs=0,
                        default=default, type=type, choices=choices,
                        required=required, help=help, metavar=metavar,
                        deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest,
                    not option_string.startswith('--no-'))

    def format_usage(self):
        return ' | '.join(self.option_strings)


def _check_const_nargs(nargs, const):
    if const is not None and nargs != OPTIONAL:
        raise ValueError('nargs must be %r to supply const' % OPTIONAL)


class _StoreAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None, deprecated=False):
        if nargs == 0:
            raise ValueError('nargs for store actions must be != 0; if you '
                             'have nothing to store, actions such as store '
                             'true or store const may be more appropriate')
        _check_const_nargs(nargs, const)
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        nargs=nargs, const=const, default=default, type=type,
                        choices=choices, required=required, help=help,
                        metavar=metavar, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None, deprecated=False):
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        nargs=0, const=const, default=default,
                        required=required, help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=False, required=False,
                 help=None, deprecated=False):
        _StoreConstAction.__init__(self, option_strings=option_strings,
                                   dest=dest, const=True, default=default,
                                   required=required, help=help,
                                   deprecated=deprecated)


class _StoreFalseAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=True, required=False,
                 help=None, deprecated=False):
        _StoreConstAction.__init__(self, option_strings=option_strings,
                                   dest=dest, const=False, default=default,
                                   required=required, help=help,
                                   deprecated=deprecated)


class _AppendAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None, deprecated=False):
        if nargs == 0:
            raise ValueError('nargs for append actions must be != 0; if arg '
                             'strings are not supplying the value to append, '
                             'the append const action may be more appropriate')
        _check_const_nargs(nargs, const)
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        nargs=nargs, const=const, default=default, type=type,
                        choices=choices, required=required, help=help,
                        metavar=metavar, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None, deprecated=False):
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        nargs=0, const=const, default=default,
                        required=required, help=help, metavar=metavar,
                        deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):

    def __init__(self, option_strings, dest, default=None, required=False,
                 help=None, deprecated=False):
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        nargs=0, default=default, required=required,
                        help=help, deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS,
                 help=None, deprecated=False):
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        default=default, nargs=0, help=help,
                        deprecated=deprecated)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):

    def __init__(self, option_strings, version=None, dest=SUPPRESS,
                 default=SUPPRESS, help=None, deprecated=False):
        if help is None:
            help = "show program's version number and exit"
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        default=default, nargs=0, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        text = self.version
        if text is None:
            text = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(text)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class _SubParsersAction(Action):

    class _ChoicesPseudoAction(Action):
        # one line of the sub-command list: a name and its help
        def __init__(self, name, aliases, help):
            metavar = name
            if aliases:
                metavar = name + ' (%s)' % ', '.join(aliases)
            Action.__init__(self, option_strings=[], dest=name, help=help,
                            metavar=metavar)

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS,
                 required=False, help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        self._deprecated = set()
        Action.__init__(self, option_strings=option_strings, dest=dest,
                        nargs=PARSER, choices=self._name_parser_map,
                        required=required, help=help, metavar=metavar)

    def add_parser(self, name, *, deprecated=False, **kwargs):
        if kwargs.get('prog') is None:
            kwargs['prog'] = '%s %s' % (self._prog_prefix, name)
        aliases = kwargs.pop('aliases', ())
        if name in self._name_parser_map:
            raise ArgumentError(self, 'conflicting subparser: %s' % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(
                    self, 'conflicting subparser alias: %s' % alias)
        if 'help' in kwargs:
            pseudo = self._ChoicesPseudoAction(name, aliases,
                                               kwargs.pop('help'))
            self._choices_actions.append(pseudo)
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        if deprecated:
            self._deprecated.add(name)
            self._deprecated.update(aliases)
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name = values[0]
        rest = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, name)
        try:
            subparser = self._name_parser_map[name]
        except KeyError:
            msg = 'unknown parser %r (choices: %s)' % (
                name, ', '.join(self._name_parser_map))
            raise ArgumentError(self, msg)
        if name in self._deprecated:
            parser._warning("command '%s' is deprecated" % name)
        # The sub-parser fills a fresh namespace so that its own defaults
        # win over the parent's; then its values are copied over.
        subnamespace, rest = subparser.parse_known_args(rest, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if rest:
            # vars() may be a snapshot, so the list is attached by setattr
            if _UNRECOGNIZED_ARGS_ATTR not in vars(namespace):
                setattr(namespace, _UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(rest)


class _ExtendAction(_AppendAction):
    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


class FileType(object):
    """A type= factory that opens the named file ('-' is stdin/stdout)."""

    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == '-':
            if 'r' in self._mode:
                return _sys.stdin.buffer if 'b' in self._mode else _sys.stdin
            if any(c in self._mode for c in 'wax'):
                return (_sys.stdout.buffer if 'b' in self._mode
                        else _sys.stdout)
            raise ValueError('argument "-" with mode %r' % self._mode)
        try:
            return open(string, self._mode, self._bufsize, self._encoding,
                        self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        shown = [repr(a) for a in (self._mode, self._bufsize) if a != -1]
        for key, value in (('encoding', self._encoding),
                           ('errors', self._errors)):
            if value is not None:
                shown.append('%s=%r' % (key, value))
        return '%s(%s)' % (type(self).__name__, ', '.join(shown))


class Namespace(_AttributeHolder):
    """A plain attribute bag; equal to another Namespace with the same
    attributes."""

    def __init__(self, **kwargs):
        for key in kwargs:
            setattr(self, key, kwargs[key])

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    __hash__ = None

    def __contains__(self, key):
        return key in self.__dict__


# everything here is argparse's, as far as reprs and tracebacks tell
for _cls in list(globals().values()):
    if isinstance(_cls, type) and _cls.__module__ == __name__:
        _cls.__module__ = 'argparse'
del _cls
_SubParsersAction._ChoicesPseudoAction.__module__ = 'argparse'
