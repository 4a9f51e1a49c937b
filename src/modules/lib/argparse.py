"""Command-line parsing library (aio implementation of CPython 3.13's
argparse).

The Action classes and Namespace live in _argparse_actions, the help
formatters in _argparse_format, the argument containers and groups in
_argparse_container; this module holds ArgumentParser and the parsing."""

__version__ = '1.1'
__all__ = [
    'ArgumentParser',
    'ArgumentError',
    'ArgumentTypeError',
    'BooleanOptionalAction',
    'FileType',
    'HelpFormatter',
    'ArgumentDefaultsHelpFormatter',
    'RawDescriptionHelpFormatter',
    'RawTextHelpFormatter',
    'MetavarTypeHelpFormatter',
    'Namespace',
    'Action',
    'ONE_OR_MORE',
    'OPTIONAL',
    'PARSER',
    'REMAINDER',
    'SUPPRESS',
    'ZERO_OR_MORE',
]

import sys as _sys

SUPPRESS = '==SUPPRESS=='

OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
PARSER = 'A...'
REMAINDER = '...'
_UNRECOGNIZED_ARGS_ATTR = '_unrecognized_args'


def _get_action_name(argument):
    """The name an error message uses for an action (or None)."""
    if argument is None:
        return None
    if argument.option_strings:
        return '/'.join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return '{' + ','.join(argument.choices) + '}'
    return None


class ArgumentError(Exception):
    """A problem with one argument, or with the command line as a whole
    when the argument is None."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return '%s' % (self.message,)
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type= callable to report a bad value in its own words."""
    pass


# the private modules import the names above from this module
from _argparse_actions import (
    _AttributeHolder, _copy_items, Action, BooleanOptionalAction,
    _StoreAction, _StoreConstAction, _StoreTrueAction, _StoreFalseAction,
    _AppendAction, _AppendConstAction, _CountAction, _HelpAction,
    _VersionAction, _SubParsersAction, _ExtendAction, FileType, Namespace)
from _argparse_format import (
    HelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter,
    ArgumentDefaultsHelpFormatter, MetavarTypeHelpFormatter)
from _argparse_container import (
    _, ngettext, _ActionsContainer, _ArgumentGroup, _MutuallyExclusiveGroup,
    _looks_like_negative_number, _nargs_steps, _match_steps)
from _argparse_parse import _ParseState


def _identity(string):
    return string


def _program_name():
    # os.path.basename(sys.argv[0])
    argv = getattr(_sys, 'argv', None)
    if not argv:
        return ''
    return argv[0].rsplit('/', 1)[-1]


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns command-line strings into a Namespace of values."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None,
                 parents=[], formatter_class=HelpFormatter, prefix_chars='-',
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler='error', add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        _ActionsContainer.__init__(self, description=description,
                                   prefix_chars=prefix_chars,
                                   argument_default=argument_default,
                                   conflict_handler=conflict_handler)
        if prog is None:
            prog = _program_name()
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error

        self._positionals = self.add_argument_group('positional arguments')
        self._optionals = self.add_argument_group('options')
        self._subparsers = None

        self.register('type', None, _identity)

        # -h/--help, with an explicit default so argument_default is ignored
        prefix = '-' if '-' in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(prefix + 'h', prefix * 2 + 'help',
                              action='help', default=SUPPRESS,
                              help='show this help message and exit')

        for parent in parents:
            if not isinstance(parent, ArgumentParser):
                raise TypeError('parents must be a list of ArgumentParser')
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def _get_kwargs(self):
        names = ['prog', 'usage', 'description', 'formatter_class',
                 'conflict_handler', 'add_help']
        return [(name, getattr(self, name)) for name in names]

    # ---- adding arguments

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            raise ArgumentError(None, 'cannot have multiple subparser arguments')
        kwargs.setdefault('parser_class', type(self))
        if 'title' in kwargs or 'description' in kwargs:
            title = kwargs.pop('title', 'subcommands')
            description = kwargs.pop('description', None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals

        # sub-parsers' prog: this parser's usage without its optionals
        if kwargs.get('prog') is None:
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._mutually_exclusive_groups, '')
            kwargs['prog'] = formatter.format_help().strip()

        parsers_class = self._pop_action_class(kwargs, 'parsers')
        action = parsers_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def _get_optional_actions(self):
        return [a for a in self._actions if a.option_strings]

    def _get_positional_actions(self):
        return [a for a in self._actions if not a.option_strings]

    # ---- parsing

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self._unrecognized(argv)
        return args

    def _unrecognized(self, argv):
        msg = 'unrecognized arguments: %s' % ' '.join(argv)
        if self.exit_on_error:
            self.error(msg)
        else:
            raise ArgumentError(None, msg)

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()

        for action in self._actions:
            if action.dest is not SUPPRESS:
                if not hasattr(namespace, action.dest):
                    if action.default is not SUPPRESS:
                        setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])

        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)

        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)
        state = _ParseState(self, arg_strings, namespace)
        state.run()
        state.check_required()
        return namespace, state.extras

    def _read_args_from_files(self, arg_strings):
        expanded = []
        for arg_string in arg_strings:
            if not arg_string or arg_string[0] not in self.fromfile_prefix_chars:
                expanded.append(arg_string)
                continue
            try:
                with open(arg_string[1:]) as args_file:
                    found = []
                    for line in args_file.read().splitlines():
                        found.extend(self.convert_arg_line_to_args(line))
                    expanded.extend(self._read_args_from_files(found))
            except OSError as err:
                raise ArgumentError(None, str(err))
        return expanded

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _match_argument(self, action, arg_strings_pattern):
        counts = _match_steps([_nargs_steps(action)], arg_strings_pattern)
        if counts is None:
            messages = {
                None: 'expected one argument',
                OPTIONAL: 'expected at most one argument',
                ONE_OR_MORE: 'expected at least one argument',
            }
            msg = messages.get(action.nargs)
            if msg is None:
                msg = ngettext('expected %s argument',
                               'expected %s arguments',
                               action.nargs) % action.nargs
            raise ArgumentError(action, msg)
        return counts[0]

    def _match_arguments_partial(self, actions, arg_strings_pattern):
        # the longest prefix of the actions that can match wins
        steps = [_nargs_steps(a) for a in actions]
        for i in range(len(actions), 0, -1):
            counts = _match_steps(steps[:i], arg_strings_pattern)
            if counts is not None:
                return counts
        return []

    def _parse_optional(self, arg_string):
        """(action, option_string, sep, explicit_arg) for an option-like
        string, or None when it is a positional argument."""
        if not arg_string:
            return None
        if not arg_string[0] in self.prefix_chars:
            return None
        if arg_string in self._option_string_actions:
            return self._option_string_actions[arg_string], arg_string, None, None
        if len(arg_string) == 1:
            return None
        option_string, sep, explicit_arg = arg_string.partition('=')
        if sep and option_string in self._option_string_actions:
            action = self._option_string_actions[option_string]
            return action, option_string, sep, explicit_arg

        option_tuples = self._get_option_tuples(arg_string)
        if len(option_tuples) > 1:
            options = ', '.join([t[1] for t in option_tuples])
            raise ArgumentError(
                None, 'ambiguous option: %s could match %s'
                % (arg_string, options))
        if len(option_tuples) == 1:
            return option_tuples[0]

        if _looks_like_negative_number(arg_string):
            if not self._has_negative_number_optionals:
                return None
        if ' ' in arg_string:
            return None
        # unknown here, but a sub-parser may know it
        return None, arg_string, None, None

    def _get_option_tuples(self, option_string):
        result = []
        chars = self.prefix_chars
        actions = self._option_string_actions
        if option_string[0] in chars and option_string[1] in chars:
            # long options: abbreviations, split only at '='
            if self.allow_abbrev:
                prefix, sep, explicit_arg = option_string.partition('=')
                if not sep:
                    sep = explicit_arg = None
                for known in actions:
                    if known.startswith(prefix):
                        result.append((actions[known], known, sep,
                                       explicit_arg))
        elif option_string[0] in chars and option_string[1] not in chars:
            # short options may have their argument attached: -xVALUE
            short_prefix = option_string[:2]
            short_arg = option_string[2:]
            for known in actions:
                if known == short_prefix:
                    result.append((actions[known], known, '', short_arg))
                elif known.startswith(option_string):
                    result.append((actions[known], known, None, None))
        else:
            raise ArgumentError(None, 'unexpected option string: %s'
                                % option_string)
        return result

    def _get_nargs_pattern(self, action):
        # the regex CPython matches with; parsing itself uses _nargs_steps
        nargs = action.nargs
        table = {None: '(-*A-*)', OPTIONAL: '(-*A?-*)',
                 ZERO_OR_MORE: '(-*[A-]*)', ONE_OR_MORE: '(-*A[A-]*)',
                 REMAINDER: '([-AO]*)', PARSER: '(-*A[-AO]*)',
                 SUPPRESS: '(-*-*)'}
        if nargs is None or (isinstance(nargs, str) and nargs in table):
            pattern = table[nargs]
        else:
            pattern = '(-*%s-*)' % '-*'.join('A' * nargs)
        if action.option_strings:
            pattern = pattern.replace('-*', '').replace('-', '')
        return pattern

    # ---- intermixed parsing

    def parse_intermixed_args(self, args=None, namespace=None):
        args, argv = self.parse_known_intermixed_args(args, namespace)
        if argv:
            self._unrecognized(argv)
        return args

    def parse_known_intermixed_args(self, args=None, namespace=None):
        # First parse the optionals with every positional switched off,
        # then parse what is left for the positionals.
        positionals = self._get_positional_actions()
        bad = [a for a in positionals if a.nargs in [PARSER, REMAINDER]]
        if bad:
            raise TypeError('parse_intermixed_args: positional arg'
                            ' with nargs=%s' % bad[0].nargs)
        for group in self._mutually_exclusive_groups:
            for action in group._group_actions:
                if action in positionals:
                    raise TypeError('parse_intermixed_args: positional in'
                                    ' mutuallyExclusiveGroup')
        save_usage = self.usage
        try:
            if self.usage is None:
                # errors must still show the full usage
                self.usage = self.format_usage()[7:]
            namespace, remaining = self._intermixed_optionals(
                positionals, args, namespace)
            return self._intermixed_positionals(remaining, namespace)
        finally:
            self.usage = save_usage

    def _intermixed_optionals(self, positionals, args, namespace):
        try:
            for action in positionals:
                action.save_nargs = action.nargs
                action.nargs = SUPPRESS
                action.save_default = action.default
                action.default = SUPPRESS
            namespace, remaining = self.parse_known_args(args, namespace)
            for action in positionals:
                if (hasattr(namespace, action.dest)
                        and getattr(namespace, action.dest) == []):
                    from warnings import warn
                    warn('Do not expect %s in %s' % (action.dest, namespace))
                    delattr(namespace, action.dest)
        finally:
            for action in positionals:
                action.nargs = action.save_nargs
                action.default = action.save_default
        return namespace, remaining

    def _intermixed_positionals(self, remaining, namespace):
        optionals = self._get_optional_actions()
        try:
            for action in optionals:
                action.save_required = action.required
                action.required = False
            for group in self._mutually_exclusive_groups:
                group.save_required = group.required
                group.required = False
            return self.parse_known_args(remaining, namespace)
        finally:
            for action in optionals:
                action.required = action.save_required
            for group in self._mutually_exclusive_groups:
                group.required = group.save_required

    # ---- converting values

    def _get_values(self, action, arg_strings):
        nargs = action.nargs
        # drop the first '--' unless the action takes everything verbatim
        if not action.option_strings and nargs not in [PARSER, REMAINDER]:
            if '--' in arg_strings:
                arg_strings.remove('--')

        if not arg_strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif (not arg_strings and nargs == ZERO_OR_MORE
              and not action.option_strings):
            if action.default is not None:
                value = action.default
                self._check_value(action, value)
            else:
                value = arg_strings
        elif len(arg_strings) == 1 and nargs in [None, OPTIONAL]:
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = self._registry_get('type', action.type, action.type)
        if not callable(type_func):
            raise ArgumentError(action, '%r is not callable' % (type_func,))
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, '__name__', repr(action.type))
            raise ArgumentError(action, 'invalid %s value: %r'
                                % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            msg = 'invalid choice: %r (choose from %s)' % (
                value, ', '.join(map(repr, action.choices)))
            raise ArgumentError(action, msg)

    # ---- help

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            file = file or _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    # ---- leaving

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """error(message: string)

        Print the usage and `prog: error: message` to stderr, then exit
        with status 2.  An override must not return.
        """
        self.print_usage(_sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))

    def _warning(self, message):
        self._print_message('%s: warning: %s\n' % (self.prog, message),
                            _sys.stderr)

