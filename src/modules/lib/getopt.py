"""Parser for command line options in the style of the C getopt()
(aio implementation of CPython's getopt).

getopt(args, shortopts, longopts) stops at the first non-option argument;
gnu_getopt() lets options and other arguments be mixed.  Both raise
GetoptError for unknown options and missing or unexpected arguments."""

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]

try:
    from gettext import gettext as _
except ImportError:
    def _(message):
        return message


class GetoptError(Exception):
    """A bad command line; msg explains it and opt names the option."""

    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError  # the old name


def _long_list(longopts):
    if isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def getopt(args, shortopts, longopts=[]):
    """getopt(args, shortopts, longopts=[]) -> (opts, args)

    Parse the options at the front of args (usually sys.argv[1:]):
    shortopts holds the option letters, a letter followed by ':' takes an
    argument; longopts lists long option names without the leading '--',
    a name ending in '=' takes an argument.  Returns the (option, value)
    pairs in order ('' for no value) and the arguments after the options.
    """
    opts = []
    longopts = _long_list(longopts)
    while args and args[0].startswith('-') and args[0] != '-':
        if args[0] == '--':
            args = args[1:]
            break
        if args[0].startswith('--'):
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def _posixly_correct():
    try:
        import os
    except ImportError:
        return False    # aio has no os module: the variable cannot be set
    return bool(os.environ.get("POSIXLY_CORRECT"))


def gnu_getopt(args, shortopts, longopts=[]):
    """gnu_getopt(args, shortopts, longopts=[]) -> (opts, args)

    Like getopt(), but options may follow other arguments (GNU style),
    unless shortopts starts with '+' or POSIXLY_CORRECT is set in the
    environment, in which case the first other argument ends the options.
    """
    opts = []
    prog_args = []
    longopts = _long_list(longopts)
    if shortopts.startswith('+'):
        shortopts = shortopts[1:]
        all_options_first = True
    else:
        all_options_first = _posixly_correct()
    while args:
        arg = args[0]
        if arg == '--':
            prog_args += args[1:]
            break
        if arg[:2] == '--':
            opts, args = do_longs(opts, arg[2:], longopts, args[1:])
        elif arg[:1] == '-' and arg != '-':
            opts, args = do_shorts(opts, arg[1:], shortopts, args[1:])
        elif all_options_first:
            prog_args += args
            break
        else:
            prog_args.append(arg)
            args = args[1:]
    return opts, prog_args


def do_longs(opts, opt, longopts, args):
    """Handle one '--name[=value]' argument (opt is without the '--')."""
    name, eq, value = opt.partition('=')
    optarg = value if eq else None
    has_arg, name = long_has_args(name, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError(_('option --%s requires argument') % name,
                                  name)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError(_('option --%s must not have an argument') % name,
                          name)
    opts.append(('--' + name, optarg or ''))
    return opts, args


def long_has_args(opt, longopts):
    """(takes an argument?, full name) for a long option or a unique
    prefix of one."""
    matches = [o for o in longopts if o.startswith(opt)]
    if not matches:
        raise GetoptError(_('option --%s not recognized') % opt, opt)
    if opt in matches:
        return False, opt
    if opt + '=' in matches:
        return True, opt
    if len(matches) > 1:
        raise GetoptError(_('option --%s not a unique prefix') % opt, opt)
    match = matches[0]
    if match.endswith('='):
        return True, match[:-1]
    return False, match


def do_shorts(opts, optstring, shortopts, args):
    """Handle one '-abc' argument (optstring is without the '-')."""
    while optstring != '':
        opt, optstring = optstring[0], optstring[1:]
        if short_has_arg(opt, shortopts):
            if optstring == '':
                if not args:
                    raise GetoptError(_('option -%s requires argument') % opt,
                                      opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ''
        else:
            optarg = ''
        opts.append(('-' + opt, optarg))
    return opts, args


def short_has_arg(opt, shortopts):
    """Whether the option letter takes an argument."""
    for i, letter in enumerate(shortopts):
        if letter == opt and letter != ':':
            return shortopts.startswith(':', i + 1)
    raise GetoptError(_('option -%s not recognized') % opt, opt)


if __name__ == '__main__':
    import sys
    print(getopt(sys.argv[1:], "a:b", ["alpha=", "beta"]))
