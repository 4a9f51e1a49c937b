"""Issue, filter and display warnings (aio implementation)."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings", "deprecated"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


try:
    ImportWarning
except NameError:
    class ImportWarning(Warning):
        """Base class for warnings about probable mistakes in module imports"""

try:
    ResourceWarning
except NameError:
    class ResourceWarning(Warning):
        """Base class for warnings about resource usage."""

try:
    PendingDeprecationWarning
except NameError:
    class PendingDeprecationWarning(Warning):
        """Base class for warnings about features which will be deprecated in the future."""


# ---------------------------------------------------------------- regex helper

class _MiniPattern:
    """A tiny stand-in for re.compile(...) used only when `re` is unavailable.

    Understands literal characters, '.', '*', '+', '?', '^', '$' and backslash
    escapes: enough for the filter patterns programs normally use."""

    def __init__(self, pattern, ignore_case):
        self.pattern = pattern
        self._nocase = ignore_case
        self._tokens = self._parse(pattern.lower() if ignore_case else pattern)

    @staticmethod
    def _parse(text):
        tokens = []
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == '\\' and i + 1 < n:
                atom = ('lit', text[i + 1])
                i += 2
            elif ch == '.':
                atom = ('any', None)
                i += 1
            elif ch == '$':
                atom = ('end', None)
                i += 1
            elif ch == '^' and i == 0:
                i += 1
                continue
            else:
                atom = ('lit', ch)
                i += 1
            rep = None
            if i < n and text[i] in '*+?':
                rep = text[i]
                i += 1
            tokens.append((atom, rep))
        return tokens

    def _at(self, tokens, ti, s, si):
        if ti == len(tokens):
            return True
        (kind, val), rep = tokens[ti]
        if kind == 'end':
            return si == len(s) and self._at(tokens, ti + 1, s, si)

        def one(pos):
            if pos >= len(s):
                return False
            return kind == 'any' or s[pos] == val

        if rep is None:
            return one(si) and self._at(tokens, ti + 1, s, si + 1)
        if rep == '?':
            if one(si) and self._at(tokens, ti + 1, s, si + 1):
                return True
            return self._at(tokens, ti + 1, s, si)
        least = 1 if rep == '+' else 0
        count = 0
        while one(si + count):
            count += 1
        while count >= least:
            if self._at(tokens, ti + 1, s, si + count):
                return True
            count -= 1
        return False

    def match(self, text):
        subject = text.lower() if self._nocase else text
        return True if self._at(self._tokens, 0, subject, 0) else None

    def __eq__(self, other):
        return (isinstance(other, _MiniPattern) and self.pattern == other.pattern
                and self._nocase == other._nocase)

    def __hash__(self):
        return hash((self.pattern, self._nocase))

    def __repr__(self):
        if self._nocase:
            return 're.compile(%r, re.IGNORECASE)' % (self.pattern,)
        return 're.compile(%r)' % (self.pattern,)


def _compile(pattern, ignore_case):
    try:
        import re as _re
    except ImportError:
        return _MiniPattern(pattern, ignore_case)
    if ignore_case:
        return _re.compile(pattern, _re.I)
    return _re.compile(pattern)


def _matches(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):
        return pattern == text
    return pattern.match(text)


# ---------------------------------------------------------------- source lines

def _line_of(filename, lineno):
    try:
        import linecache as _lc
        return _lc.getline(filename, lineno)
    except Exception:
        pass
    try:
        import traceback as _tb
        return _tb._source_line(filename, lineno)
    except Exception:
        return ''


# ---------------------------------------------------------------- display

class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def _formatwarnmsg_impl(msg):
    kind = msg.category.__name__
    text = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, kind, msg.message)
    line = msg.line
    if line is None:
        try:
            line = _line_of(msg.filename, msg.lineno)
        except Exception:
            line = None
    if line:
        text += "  %s\n" % line.strip()
    if msg.source is not None:
        text += "%s: Enable tracemalloc to get the object allocation traceback\n" % kind
    return text


def _showwarnmsg_impl(msg):
    target = msg.file
    if target is None:
        target = sys.stderr
        if target is None:
            return
    text = _formatwarnmsg(msg)
    try:
        target.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    hook = showwarning
    if hook is not _showwarning_orig:
        if not callable(hook):
            raise TypeError("warnings.showwarning() must be set to a "
                            "function or method")
        hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    hook = formatwarning
    if hook is not _formatwarning_orig:
        return hook(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# ---------------------------------------------------------------- filters

filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}
_filters_version = 0


def _filters_mutated():
    global _filters_version
    _filters_version += 1


def _check_action(action):
    if action not in _ACTIONS:
        raise ValueError("invalid action: %r" % (action,))


def _check_lineno(lineno):
    if not isinstance(lineno, int):
        raise TypeError("lineno must be an int")
    if lineno < 0:
        raise ValueError("lineno must be an int >= 0")


def _add_filter(*item, append):
    if append:
        if item not in filters:
            filters.append(item)
    else:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front)."""
    _check_action(action)
    if not isinstance(message, str):
        raise TypeError("message must be a string")
    if not isinstance(category, type) or not issubclass(category, Warning):
        raise TypeError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise TypeError("module must be a string")
    _check_lineno(lineno)
    message_re = _compile(message, True) if message else None
    module_re = _compile(module, False) if module else None
    _add_filter(action, message_re, category, module_re, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front)."""
    _check_action(action)
    _check_lineno(lineno)
    _add_filter(action, None, category, None, lineno, append=append)


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


# ---------------------------------------------------------------- issuing

_fallback_registries = {}


def _internal_name(filename):
    return 'importlib' in filename and '_bootstrap' in filename


def _skipped(filename, prefixes):
    for prefix in prefixes:
        if filename.startswith(prefix):
            return True
    return False


def _outer_frame(frame, prefixes):
    frame = frame.f_back
    while frame is not None:
        name = frame.f_code.co_filename
        if not (_internal_name(name) or _skipped(name, prefixes)):
            break
        frame = frame.f_back
    return frame


def _locate(stacklevel, prefixes):
    """(globals, filename, lineno) of the frame *stacklevel* levels above warn()'s caller."""
    getter = getattr(sys, '_getframe', None)
    frame = None
    if getter is not None:
        try:
            if stacklevel <= 1 or _internal_name(getter(2).f_code.co_filename):
                frame = getter(stacklevel + 1)
            else:
                frame = getter(2)
                for _ in range(stacklevel - 1):
                    frame = _outer_frame(frame, prefixes)
                    if frame is None:
                        break
        except ValueError:
            frame = None
    if frame is None:
        return None, "<sys>", 0
    return frame.f_globals, frame.f_code.co_filename, frame.f_lineno


def warn(message, category=None, stacklevel=1, source=None,
         *, skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '%s'" % (type(category).__name__,))
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("warn() argument 'skip_file_prefixes' must be tuple, not %s"
                        % type(skip_file_prefixes).__name__)
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    frame_globals, filename, lineno = _locate(stacklevel, skip_file_prefixes)
    if frame_globals is None:
        module = 'sys'
        registry = _fallback_registries.setdefault('sys', {})
    else:
        module = frame_globals['__name__'] if '__name__' in frame_globals else '<string>'
        registry = None
        try:
            registry = frame_globals.setdefault("__warningregistry__", {})
        except Exception:
            registry = None
        if registry is None or frame_globals.get("__warningregistry__") is not registry:
            # The frame's globals are not a live mapping here: keep our own.
            registry = _fallback_registries.setdefault((module, filename), {})
    warn_explicit(message, category, filename, lineno, module, registry,
                  frame_globals, source)


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return index(value)


def _seen_before(registry, key, mark):
    """True if *key* is already recorded in *registry* (reset when the filters changed)."""
    if 'version' not in registry or registry['version'] != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    if registry.get(key):
        return True
    if mark:
        registry[key] = True
    return False


def warn_explicit(message, category, filename, lineno,
                  module=None, registry=None, module_globals=None,
                  source=None):
    lineno = _as_index(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module[-3:].lower() == ".py":
            module = module[:-3]
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _seen_before(registry, key, False):
        return
    chosen = None
    for item in filters:
        action, msg_pat, cat, mod_pat, ln = item
        if (_matches(msg_pat, text) and issubclass(category, cat)
                and _matches(mod_pat, module) and (ln == 0 or lineno == ln)):
            chosen = item
            break
    if chosen is None:
        action = defaultaction
    if action == "error":
        raise message
    if action == "ignore":
        return
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            target = registry if registry is not None else onceregistry
            if _seen_before(target, (text, category), True):
                return
        elif action == "module":
            if registry is not None and _seen_before(registry, (text, category), True):
                return
        elif action != "default":
            raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %r"
                               % (action, chosen))
    _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


# ---------------------------------------------------------------- catch_warnings

def _this_module():
    mods = getattr(sys, 'modules', None)
    if mods is not None:
        found = mods.get(__name__)
        if found is not None:
            return found
    return None


class catch_warnings(object):
    """Context manager that saves and restores the warnings state."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        parts = []
        if self._record:
            parts.append("record=True")
        if self._module is not None and self._module is not _this_module():
            parts.append("module=%r" % (self._module,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        if self._module is not None and self._module is not _this_module():
            return self._enter_foreign()
        global filters, showwarning, _showwarnmsg_impl
        self._saved = (filters, showwarning, _showwarnmsg_impl)
        filters = filters[:]
        _filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            _showwarnmsg_impl = log.append
            showwarning = _showwarning_orig
            return log
        return None

    def _enter_foreign(self):
        mod = self._module
        self._saved = (mod.filters, mod.showwarning, mod._showwarnmsg_impl)
        mod.filters = mod.filters[:]
        mod._filters_mutated()
        if self._filter is not None:
            mod.simplefilter(*self._filter)
        if self._record:
            log = []
            mod._showwarnmsg_impl = log.append
            mod.showwarning = mod._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        if self._module is not None and self._module is not _this_module():
            mod = self._module
            mod.filters, mod.showwarning, mod._showwarnmsg_impl = self._saved
            mod._filters_mutated()
            return
        global filters, showwarning, _showwarnmsg_impl
        filters, showwarning, _showwarnmsg_impl = self._saved
        _filters_mutated()


# ---------------------------------------------------------------- deprecated

class deprecated:
    """Decorator marking a class or function as deprecated (PEP 702)."""

    def __init__(self, message, /, *, category=DeprecationWarning, stacklevel=1):
        if not isinstance(message, str):
            raise TypeError(
                "Expected an object of type str for 'message', not %r"
                % (type(message).__name__,))
        self.message = message
        self.category = category
        self.stacklevel = stacklevel

    def __call__(self, arg, /):
        text = self.message
        kind = self.category
        level = self.stacklevel
        if kind is None:
            arg.__deprecated__ = text
            return arg
        if isinstance(arg, type):
            original_init = arg.__init__

            def init_wrapper(*args, **kwargs):
                warn(text, category=kind, stacklevel=level + 1)
                return original_init(*args, **kwargs)

            arg.__init__ = init_wrapper
            arg.__deprecated__ = text
            return arg
        if callable(arg):
            def wrapper(*args, **kwargs):
                warn(text, category=kind, stacklevel=level + 1)
                return arg(*args, **kwargs)
            try:
                wrapper.__name__ = arg.__name__
                wrapper.__qualname__ = getattr(arg, '__qualname__', arg.__name__)
                wrapper.__doc__ = getattr(arg, '__doc__', None)
                wrapper.__wrapped__ = arg
            except Exception:
                pass
            arg.__deprecated__ = wrapper.__deprecated__ = text
            return wrapper
        raise TypeError(
            "@deprecated decorator with non-None category must be applied to "
            "a class or callable, not %r" % (arg,))

