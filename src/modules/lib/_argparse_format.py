"""Private part of argparse: the help formatters."""

from argparse import (SUPPRESS, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE, PARSER,
                      REMAINDER)

# what the regex \s matches under re.ASCII
_ASCII_SPACE = ' \t\n\r\x0b\x0c'


def _squash_spaces(text):
    """Replace every run of ASCII whitespace by one space, then strip."""
    for ch in '\t\n\r\x0b\x0c':
        if ch in text:
            text = text.replace(ch, ' ')
    if '  ' in text:
        text = ' '.join([w for w in text.split(' ') if w])
    return text.strip()


def _squash_blank_lines(text):
    """Turn each run of three or more newlines into two."""
    while '\n\n\n' in text:
        text = text.replace('\n\n\n', '\n\n')
    return text


def _terminal_columns():
    # shutil.get_terminal_size() with no terminal: $COLUMNS, else 80
    try:
        import os
        value = int(os.environ['COLUMNS'])
        if value > 0:
            return value
    except Exception:
        pass
    return 80


def _pad(n):
    return ' ' * n if n > 0 else ''


class _Section(object):
    """A titled block of help items; nested sections are indented."""

    def __init__(self, formatter, parent, heading=None):
        self.formatter = formatter
        self.parent = parent
        self.heading = heading
        self.items = []

    def format_help(self):
        fmt = self.formatter
        if self.parent is not None:
            fmt._indent()
        body = fmt._join_parts([func(*args) for func, args in self.items])
        if self.parent is not None:
            fmt._dedent()
        if not body:
            return ''
        heading = ''
        if self.heading is not SUPPRESS and self.heading is not None:
            heading = _pad(fmt._current_indent) + '%s:' % (self.heading,) + '\n'
        return fmt._join_parts(['\n', heading, body, '\n'])


class HelpFormatter(object):
    """Builds usage and help text.  Only the class name is public API."""

    _Section = _Section

    def __init__(self, prog, indent_increment=2, max_help_position=24,
                 width=None):
        if width is None:
            width = _terminal_columns() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._level = 0
        self._action_max_length = 0
        self._root_section = self._Section(self, None)
        self._current_section = self._root_section

    # ---- indentation and sections

    def _indent(self):
        self._current_indent += self._indent_increment
        self._level += 1

    def _dedent(self):
        self._current_indent -= self._indent_increment
        assert self._current_indent >= 0, 'Indent decreased below 0.'
        self._level -= 1

    def _add_item(self, func, args):
        self._current_section.items.append((func, args))

    def start_section(self, heading):
        self._indent()
        section = self._Section(self, self._current_section, heading)
        self._add_item(section.format_help, [])
        self._current_section = section

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_item(self._format_text, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_item(self._format_usage, (usage, actions, groups, prefix))

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        # the widest invocation (sub-actions included) sets the help column
        invocation = self._format_action_invocation
        longest = len(invocation(action)) + self._current_indent
        for sub in self._iter_indented_subactions(action):
            longest = max(longest,
                          len(invocation(sub)) + self._current_indent)
        self._action_max_length = max(self._action_max_length, longest)
        self._add_item(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    # ---- rendering

    def format_help(self):
        text = self._root_section.format_help()
        if text:
            text = _squash_blank_lines(text).strip('\n') + '\n'
        return text

    def _join_parts(self, part_strings):
        return ''.join([p for p in part_strings if p and p is not SUPPRESS])

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = 'usage: '
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = '%(prog)s' % dict(prog=self._prog)
        else:
            usage = self._build_usage(actions, groups, prefix)
        return '%s%s\n\n' % (prefix, usage)

    def _build_usage(self, actions, groups, prefix):
        prog = '%(prog)s' % dict(prog=self._prog)
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        action_usage = self._format_actions_usage(optionals + positionals,
                                                  groups)
        usage = ' '.join([s for s in (prog, action_usage) if s])
        text_width = self._width - self._current_indent
        if len(prefix) + len(usage) <= text_width:
            return usage
        opt_parts = self._get_actions_usage_parts(optionals, groups)
        pos_parts = self._get_actions_usage_parts(positionals, groups)
        if len(prefix) + len(prog) <= 0.75 * text_width:
            # short prog: the parts continue beside it
            indent = ' ' * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = _usage_lines([prog] + opt_parts, indent, text_width,
                                     prefix)
                lines.extend(_usage_lines(pos_parts, indent, text_width))
            elif pos_parts:
                lines = _usage_lines([prog] + pos_parts, indent, text_width,
                                     prefix)
            else:
                lines = [prog]
        else:
            # long prog: it gets a line of its own
            indent = ' ' * len(prefix)
            lines = _usage_lines(opt_parts + pos_parts, indent, text_width)
            if len(lines) > 1:
                lines = (_usage_lines(opt_parts, indent, text_width)
                         + _usage_lines(pos_parts, indent, text_width))
            lines = [prog] + lines
        return '\n'.join(lines)

    def _format_actions_usage(self, actions, groups):
        return ' '.join(self._get_actions_usage_parts(actions, groups))

    def _get_actions_usage_parts(self, actions, groups):
        # mutually exclusive groups whose actions sit together in `actions`
        in_group = set()
        spans = {}
        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError(f'empty group {group}')
            if all(a.help is SUPPRESS for a in members):
                continue
            try:
                start = actions.index(members[0])
            except ValueError:
                continue
            end = start + len(members)
            if actions[start:end] == members:
                in_group.update(members)
                spans[start, end] = group

        parts = [self._usage_part(a, in_group) for a in actions]

        done_separators = set()
        for start, end in sorted(spans, reverse=True):
            group = spans[start, end]
            shown = [p for p in parts[start:end] if p is not None]
            count = len(shown)
            if group.required:
                left, right = ('(', ')') if count > 1 else ('', '')
            else:
                left, right = '[', ']'
            shown[0] = left + shown[0]
            shown[-1] = shown[-1] + right
            for i in range(count - 1):
                # a nested group may already have put a bar here
                if start + i not in done_separators:
                    parts[start + i] = shown[i] + ' |'
                    done_separators.add(start + i)
            parts[start + count - 1] = shown[-1]
            for i in range(start + count, end):
                parts[i] = None
        return [p for p in parts if p is not None]

    def _usage_part(self, action, in_group):
        """One action's usage text; None when it is suppressed."""
        if action.help is SUPPRESS:
            return None
        if not action.option_strings:
            metavar = self._get_default_metavar_for_positional(action)
            part = self._format_args(action, metavar)
            if action in in_group and part[0] == '[' and part[-1] == ']':
                part = part[1:-1]
            return part
        if action.nargs == 0:
            part = action.format_usage()
        else:
            metavar = self._get_default_metavar_for_optional(action)
            part = '%s %s' % (action.option_strings[0],
                              self._format_args(action, metavar))
        if not action.required and action not in in_group:
            part = '[%s]' % part
        return part

    def _format_text(self, text):
        if '%(prog)' in text:
            text = text % dict(prog=self._prog)
        width = max(self._width - self._current_indent, 11)
        indent = ' ' * self._current_indent
        return self._fill_text(text, width, indent) + '\n\n'

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2,
                            self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent_first = 0
        if not action.help:
            header = '%*s%s\n' % (self._current_indent, '', header)
        elif len(header) <= action_width:
            # short enough: the help starts on the same line
            header = '%*s%-*s  ' % (self._current_indent, '', action_width,
                                    header)
        else:
            header = '%*s%s\n' % (self._current_indent, '', header)
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append('%*s%s\n' % (indent_first, '', lines[0]))
                for line in lines[1:]:
                    parts.append('%*s%s\n' % (help_position, '', line))
        elif not header.endswith('\n'):
            parts.append('\n')
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            metavar = self._get_default_metavar_for_positional(action)
            shown, = self._metavar_formatter(action, metavar)(1)
            return shown
        if action.nargs == 0:
            return ', '.join(action.option_strings)
        metavar = self._get_default_metavar_for_optional(action)
        return (', '.join(action.option_strings) + ' '
                + self._format_args(action, metavar))

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = '{%s}' % ','.join([str(c) for c in action.choices])
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return '%s' % get_metavar(1)
        if nargs == OPTIONAL:
            return '[%s]' % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                return '[%s [%s ...]]' % metavar
            return '[%s ...]' % metavar
        if nargs == ONE_OR_MORE:
            return '%s [%s ...]' % get_metavar(2)
        if nargs == REMAINDER:
            return '...'
        if nargs == PARSER:
            return '%s ...' % get_metavar(1)
        if nargs == SUPPRESS:
            return ''
        try:
            slots = ['%s'] * len(range(nargs))
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return ' '.join(slots) % get_metavar(nargs)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for key in list(params):
            if params[key] is SUPPRESS:
                del params[key]
        for key in list(params):
            if hasattr(params[key], '__name__'):
                params[key] = params[key].__name__
        if params.get('choices') is not None:
            params['choices'] = ', '.join([str(c) for c in params['choices']])
        return self._get_help_string(action) % params

    def _iter_indented_subactions(self, action):
        try:
            get_subactions = action._get_subactions
        except AttributeError:
            return
        self._indent()
        yield from get_subactions()
        self._dedent()

    def _split_lines(self, text, width):
        import textwrap
        return textwrap.wrap(_squash_spaces(text), width)

    def _fill_text(self, text, width, indent):
        import textwrap
        return textwrap.fill(_squash_spaces(text), width,
                             initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


def _usage_lines(parts, indent, text_width, prefix=None):
    """Greedily pack usage parts into lines of at most text_width."""
    lines = []
    line = []
    indent_len = len(indent)
    used = (len(prefix) if prefix is not None else indent_len) - 1
    for part in parts:
        if line and used + 1 + len(part) > text_width:
            lines.append(indent + ' '.join(line))
            line = []
            used = indent_len - 1
        line.append(part)
        used += len(part) + 1
    if line:
        lines.append(indent + ' '.join(line))
    if prefix is not None:
        # the first line follows "usage: " rather than the indent
        lines[0] = lines[0][indent_len:]
    return lines


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the description and epilog exactly as written."""

    def _fill_text(self, text, width, indent):
        return ''.join([indent + line
                        for line in text.splitlines(keepends=True)])


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps every help text exactly as written."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Appends each argument's default to its help."""

    def _get_help_string(self, action):
        text = action.help
        if text is None:
            text = ''
        if '%(default)' not in text and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL,
                                                         ZERO_OR_MORE):
                text += ' (default: %(default)s)'
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Uses the name of each argument's type as its metavar."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


for _cls in (HelpFormatter, RawDescriptionHelpFormatter, RawTextHelpFormatter,
             ArgumentDefaultsHelpFormatter, MetavarTypeHelpFormatter):
    _cls.__module__ = 'argparse'
del _cls
