"""Private part of argparse: one run of ArgumentParser._parse_known_args,
walking the command line and handing strings to the actions."""

from argparse import SUPPRESS, ArgumentError, _get_action_name


class _ParseState(object):

    def __init__(self, parser, arg_strings, namespace):
        self.parser = parser
        self.arg_strings = arg_strings
        self.namespace = namespace
        self.extras = []
        self.seen_actions = set()
        self.seen_non_default_actions = set()
        self.warned = set()
        self.positionals = parser._get_positional_actions()
        self.conflicts = self._mutex_conflicts()
        self._classify()

    def _mutex_conflicts(self):
        # each action in a mutually exclusive group excludes the others
        conflicts = {}
        for group in self.parser._mutually_exclusive_groups:
            members = group._group_actions
            for i, action in enumerate(members):
                excluded = conflicts.setdefault(action, [])
                excluded.extend(members[:i])
                excluded.extend(members[i + 1:])
        return conflicts

    def _classify(self):
        # 'O' marks an option, 'A' an argument, '-' the first '--' (all
        # after it are arguments)
        self.option_indices = {}
        kinds = []
        strings = self.arg_strings
        n = len(strings)
        i = 0
        while i < n:
            arg = strings[i]
            if arg == '--':
                kinds.append('-')
                kinds.extend(['A'] * (n - i - 1))
                break
            found = self.parser._parse_optional(arg)
            if found is None:
                kinds.append('A')
            else:
                self.option_indices[i] = found
                kinds.append('O')
            i += 1
        self.pattern = ''.join(kinds)

    # ---- taking actions

    def take_action(self, action, argument_strings, option_string=None):
        self.seen_actions.add(action)
        values = self.parser._get_values(action, argument_strings)
        # an action that only produced its default does not count as
        # present for mutual exclusion
        if values is not action.default:
            self.seen_non_default_actions.add(action)
            for other in self.conflicts.get(action, []):
                if other in self.seen_non_default_actions:
                    raise ArgumentError(action, 'not allowed with argument %s'
                                        % _get_action_name(other))
        if values is not SUPPRESS:
            action(self.parser, self.namespace, values, option_string)

    def consume_optional(self, start_index):
        action, option_string, sep, explicit_arg = \
            self.option_indices[start_index]
        parser = self.parser
        chars = parser.prefix_chars
        planned = []
        while True:
            if action is None:
                self.extras.append(self.arg_strings[start_index])
                return start_index + 1
            if explicit_arg is None:
                start = start_index + 1
                count = parser._match_argument(action, self.pattern[start:])
                stop = start + count
                planned.append((action, self.arg_strings[start:stop],
                                option_string))
                break
            count = parser._match_argument(action, 'A')
            if (count == 0 and option_string[1] not in chars
                    and explicit_arg != ''):
                # -xyz: a flag followed by more single-letter options
                if sep or explicit_arg[0] in chars:
                    raise ArgumentError(action, 'ignored explicit argument %r'
                                        % explicit_arg)
                planned.append((action, [], option_string))
                first = option_string[0]
                option_string = first + explicit_arg[0]
                known = parser._option_string_actions
                if option_string not in known:
                    self.extras.append(first + explicit_arg)
                    stop = start_index + 1
                    break
                action = known[option_string]
                explicit_arg = explicit_arg[1:]
                if not explicit_arg:
                    sep = explicit_arg = None
                elif explicit_arg[0] == '=':
                    sep = '='
                    explicit_arg = explicit_arg[1:]
                else:
                    sep = ''
            elif count == 1:
                stop = start_index + 1
                planned.append((action, [explicit_arg], option_string))
                break
            else:
                raise ArgumentError(action, 'ignored explicit argument %r'
                                    % explicit_arg)
        for action, args, option_string in planned:
            if action.deprecated and option_string not in self.warned:
                parser._warning("option '%s' is deprecated" % option_string)
                self.warned.add(option_string)
            self.take_action(action, args, option_string)
        return stop

    def consume_positionals(self, start_index):
        positionals = self.positionals
        counts = self.parser._match_arguments_partial(
            positionals, self.pattern[start_index:])
        for action, count in zip(positionals, counts):
            args = self.arg_strings[start_index:start_index + count]
            start_index += count
            if args and action.deprecated and action.dest not in self.warned:
                self.parser._warning("argument '%s' is deprecated"
                                     % action.dest)
                self.warned.add(action.dest)
            self.take_action(action, args)
        del positionals[:len(counts)]
        return start_index

    # ---- the walk

    def run(self):
        # positionals and optionals alternate until the last option
        indices = self.option_indices
        last_option = max(indices) if indices else -1
        start_index = 0
        while start_index <= last_option:
            next_option = start_index
            while next_option <= last_option and next_option not in indices:
                next_option += 1
            if start_index != next_option:
                end = self.consume_positionals(start_index)
                if end > start_index:
                    start_index = end
                    continue
                start_index = end
            if start_index not in indices:
                self.extras.extend(self.arg_strings[start_index:next_option])
                start_index = next_option
            start_index = self.consume_optional(start_index)
        stop_index = self.consume_positionals(start_index)
        self.extras.extend(self.arg_strings[stop_index:])

    def check_required(self):
        parser = self.parser
        namespace = self.namespace
        missing = []
        for action in parser._actions:
            if action in self.seen_actions:
                continue
            if action.required:
                missing.append(_get_action_name(action))
            elif (action.default is not None
                  and isinstance(action.default, str)
                  and hasattr(namespace, action.dest)
                  and action.default is getattr(namespace, action.dest)):
                # string defaults go through type= only when unused, so
                # a failing conversion of an overridden default is harmless
                setattr(namespace, action.dest,
                        parser._get_value(action, action.default))
        if missing:
            raise ArgumentError(None, 'the following arguments are required: %s'
                                % ', '.join(missing))
        for group in parser._mutually_exclusive_groups:
            if not group.required:
                continue
            if any(a in self.seen_non_default_actions
                   for a in group._group_actions):
                continue
            names = [_get_action_name(a) for a in group._group_actions
                     if a.help is not SUPPRESS]
            raise ArgumentError(None, 'one of the arguments %s is required'
                                % ' '.join(names))
