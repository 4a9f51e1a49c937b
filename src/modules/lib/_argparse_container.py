"""Private part of argparse: matching nargs, and the containers
(_ActionsContainer and the argument groups) that parsers build on."""

from argparse import (SUPPRESS, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, PARSER,
                      REMAINDER, ArgumentError)
from _argparse_actions import (
    FileType, _StoreAction, _StoreConstAction,
    _StoreTrueAction, _StoreFalseAction, _AppendAction, _AppendConstAction,
    _CountAction, _HelpAction, _VersionAction, _SubParsersAction, _ExtendAction)


def _(message):
    # messages are not translated
    return message


def ngettext(singular, plural, n):
    return singular if n == 1 else plural


def _looks_like_negative_number(text):
    """The test `^-\\d+$|^-\\d*\\.\\d+$` ($ also matching before a final
    newline)."""
    if text.endswith('\n'):
        text = text[:-1]
    if len(text) < 2 or text[0] != '-':
        return False
    body = text[1:]
    whole, dot, frac = body.partition('.')
    if not dot:
        return body.isdecimal()
    return (whole == '' or whole.isdecimal()) and frac.isdecimal()


# ---- matching nargs against the pattern of argument kinds
#
# The command line is summarised as a string: 'O' for an option, 'A' for
# an argument, '-' for '--'.  Each action's nargs becomes a list of
# (allowed characters, minimum, maximum) steps, maximum -1 meaning
# unbounded; matching is greedy with backtracking, like a regex of
# single-character classes.

_DASHES = ('-', 0, -1)
_ONE_A = ('A', 1, 1)


def _nargs_steps(action):
    nargs = action.nargs
    if nargs is None:
        steps = [_DASHES, _ONE_A, _DASHES]
    elif nargs == OPTIONAL:
        steps = [_DASHES, ('A', 0, 1), _DASHES]
    elif nargs == ZERO_OR_MORE:
        steps = [_DASHES, ('A-', 0, -1)]
    elif nargs == ONE_OR_MORE:
        steps = [_DASHES, _ONE_A, ('A-', 0, -1)]
    elif nargs == REMAINDER:
        steps = [('-AO', 0, -1)]
    elif nargs == PARSER:
        steps = [_DASHES, _ONE_A, ('-AO', 0, -1)]
    elif nargs == SUPPRESS:
        steps = [_DASHES, _DASHES]
    else:
        steps = [_DASHES]
        for _i in range(nargs):
            steps.append(_ONE_A)
            steps.append(_DASHES)
    if action.option_strings:
        # an option's arguments never include '--'
        trimmed = []
        for chars, low, high in steps:
            chars = chars.replace('-', '')
            if chars:
                trimmed.append((chars, low, high))
        steps = trimmed
    return steps


def _match_steps(step_lists, pattern):
    """Match the step lists one after another at the start of pattern.
    Returns the number of characters each list took, or None."""
    steps = []
    owner = []
    for index, group in enumerate(step_lists):
        steps.extend(group)
        owner.extend([index] * len(group))
    total = len(steps)
    size = len(pattern)
    taken = [0] * total
    dead_ends = set()

    def attempt(i, pos):
        if i == total:
            return True
        if (i, pos) in dead_ends:
            return False
        chars, low, high = steps[i]
        room = size - pos if high < 0 else min(high, size - pos)
        run = 0
        while run < room and pattern[pos + run] in chars:
            run += 1
        while run >= low:
            taken[i] = run
            if attempt(i + 1, pos + run):
                return True
            run -= 1
        dead_ends.add((i, pos))
        return False

    if not attempt(0, 0):
        return None
    counts = [0] * len(step_lists)
    for i in range(total):
        counts[owner[i]] += taken[i]
    return counts


class _ActionsContainer(object):
    """What parsers and argument groups share: adding arguments."""

    def __init__(self, description, prefix_chars, argument_default,
                 conflict_handler):
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler

        self._registries = {}
        for name, cls in _ACTION_REGISTRY:
            self.register('action', name, cls)

        # an unknown conflict handler is reported at once
        self._get_handler()

        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        # a list so that groups can share (and set) the flag
        self._has_negative_number_optionals = []

    # ---- registries

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    # ---- defaults

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # ---- adding arguments

    def add_argument(self, *args, **kwargs):
        """
        add_argument(dest, ..., name=value, ...)
        add_argument(option_string, option_string, ..., name=value, ...)
        """
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)

        if 'default' not in kwargs:
            dest = kwargs['dest']
            if dest in self._defaults:
                kwargs['default'] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs['default'] = self.argument_default

        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)

        type_func = self._registry_get('type', action.type, action.type)
        if not callable(type_func):
            raise ValueError('%r is not callable' % (type_func,))
        if type_func is FileType:
            raise ValueError('%r is a FileType class object, instance of it'
                             ' must be passed' % (type_func,))

        # a metavar tuple of the wrong length fails when formatted
        if hasattr(self, "_get_formatter"):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
        for option_string in action.option_strings:
            if _looks_like_negative_number(option_string):
                if not self._has_negative_number_optionals:
                    self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        # copy a parent parser's arguments, keeping their groups
        by_title = {}
        for group in self._action_groups:
            if group.title in by_title:
                raise ValueError('cannot merge actions - two groups are '
                                 'named %r' % (group.title))
            by_title[group.title] = group

        destination = {}
        for group in container._action_groups:
            if group.title not in by_title:
                by_title[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                destination[action] = by_title[group.title]

        for group in container._mutually_exclusive_groups:
            mutex = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                destination[action] = mutex

        for action in container._actions:
            destination.get(action, self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if 'required' in kwargs:
            raise TypeError(
                "'required' is an invalid argument for positionals")
        # a positional is required unless it can match nothing
        nargs = kwargs.get('nargs')
        if nargs not in [OPTIONAL, ZERO_OR_MORE]:
            kwargs['required'] = True
        if nargs == ZERO_OR_MORE and 'default' not in kwargs:
            kwargs['required'] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string[0] in self.prefix_chars:
                raise ValueError(
                    'invalid option string %r: must start with a character %r'
                    % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)

        dest = kwargs.pop('dest', None)
        if dest is None:
            # '--foo-bar' gives foo_bar, '-x' gives x
            if long_option_strings:
                source = long_option_strings[0]
            else:
                source = option_strings[0]
            dest = source.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError('dest= is required for options like %r'
                                 % option_string)
            dest = dest.replace('-', '_')
        return dict(kwargs, dest=dest, option_strings=option_strings)

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop('action', default)
        return self._registry_get('action', action, action)

    # ---- option string conflicts

    def _get_handler(self):
        name = '_handle_conflict_%s' % self.conflict_handler
        try:
            return getattr(self, name)
        except AttributeError:
            raise ValueError('invalid conflict_resolution value: %r'
                             % self.conflict_handler)

    def _check_conflict(self, action):
        clashes = []
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                clashes.append(
                    (option_string, self._option_string_actions[option_string]))
        if clashes:
            self._get_handler()(action, clashes)

    def _handle_conflict_error(self, action, conflicting_actions):
        message = ngettext('conflicting option string: %s',
                           'conflicting option strings: %s',
                           len(conflicting_actions))
        names = ', '.join([opt for opt, _a in conflicting_actions])
        raise ArgumentError(action, message % names)

    def _handle_conflict_resolve(self, action, conflicting_actions):
        # the newer action wins: the older one loses those option strings
        for option_string, old in conflicting_actions:
            old.option_strings.remove(option_string)
            self._option_string_actions.pop(option_string, None)
            if not old.option_strings:
                old.container._remove_action(old)


_ACTION_REGISTRY = (
    (None, _StoreAction),
    ('store', _StoreAction),
    ('store_const', _StoreConstAction),
    ('store_true', _StoreTrueAction),
    ('store_false', _StoreFalseAction),
    ('append', _AppendAction),
    ('append_const', _AppendConstAction),
    ('count', _CountAction),
    ('help', _HelpAction),
    ('version', _VersionAction),
    ('parsers', _SubParsersAction),
    ('extend', _ExtendAction),
)


class _ArgumentGroup(_ActionsContainer):

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault('conflict_handler', container.conflict_handler)
        kwargs.setdefault('prefix_chars', container.prefix_chars)
        kwargs.setdefault('argument_default', container.argument_default)
        _ActionsContainer.__init__(self, description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # a group is a view on its container: the tables are shared
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = \
            container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = _ActionsContainer._add_action(self, action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        _ActionsContainer._remove_action(self, action)
        self._group_actions.remove(action)

    def add_argument_group(self, *args, **kwargs):
        import warnings
        warnings.warn("Nesting argument groups is deprecated.",
                      category=DeprecationWarning, stacklevel=2)
        return _ActionsContainer.add_argument_group(self, *args, **kwargs)


class _MutuallyExclusiveGroup(_ArgumentGroup):

    def __init__(self, container, required=False):
        _ArgumentGroup.__init__(self, container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError('mutually exclusive arguments must be optional')
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)

    def add_mutually_exclusive_group(self, *args, **kwargs):
        import warnings
        warnings.warn("Nesting mutually exclusive groups is deprecated.",
                      category=DeprecationWarning, stacklevel=2)
        return _ArgumentGroup.add_mutually_exclusive_group(self, *args,
                                                           **kwargs)


for _cls in (_ActionsContainer, _ArgumentGroup, _MutuallyExclusiveGroup):
    _cls.__module__ = 'argparse'
del _cls
