"""logging.config for aio: dictConfig (schema version 1)."""

import sys
import logging
import logging.handlers

IDENTIFIER_HINT = 'Not a valid Python identifier: %r'


def valid_ident(s):
    if not isinstance(s, str) or not s.isidentifier():
        raise ValueError(IDENTIFIER_HINT % s)
    return True


def _is_ident(s):
    return isinstance(s, str) and s.isidentifier()


_KNOWN_MODULES = {
    'logging': logging,
    'logging.handlers': logging.handlers,
    'sys': sys,
}


def _import_module(name):
    found = _KNOWN_MODULES.get(name)
    if found is not None:
        return found
    if name == 'logging.config':
        return sys_module_self()
    mods = getattr(sys, 'modules', None)
    if mods is not None and name in mods:
        return mods[name]
    try:
        import importlib as _il
        return _il.import_module(name)
    except ImportError:
        pass
    importer = None
    try:
        importer = __import__
    except NameError:
        importer = None
    if importer is not None:
        importer(name)
        if mods is not None and name in mods:
            return mods[name]
    raise ImportError('No module named %r' % (name,))


def sys_module_self():
    mods = getattr(sys, 'modules', None)
    if mods is not None and __name__ in mods:
        return mods[__name__]
    raise ImportError('No module named %r' % (__name__,))


def _resolve(dotted):
    """Resolve 'pkg.mod.attr.attr' to an object."""
    parts = dotted.split('.')
    # longest importable module prefix, then attributes
    for cut in range(len(parts), 0, -1):
        modname = '.'.join(parts[:cut])
        try:
            found = _import_module(modname)
        except ImportError:
            continue
        for attr in parts[cut:]:
            found = getattr(found, attr)
        return found
    raise ImportError('No module named %r' % (parts[0],))


class BaseConfigurator(object):
    """Holds a configuration dict and converts ext:// and cfg:// strings."""

    value_converters = {
        'ext': 'ext_convert',
        'cfg': 'cfg_convert',
    }

    importer = staticmethod(_import_module)

    def __init__(self, config):
        self.config = _wrap(_ConvertingDict, config, self)

    def resolve(self, s):
        try:
            return _resolve(s)
        except (ImportError, AttributeError) as e:
            v = ValueError('Cannot resolve %r: %s' % (s, e))
            raise v from e

    def ext_convert(self, value):
        return self.resolve(value)

    def cfg_convert(self, value):
        rest = value
        name, sep, rest = _split_word(rest)
        if not name:
            raise ValueError('Unable to convert %r' % value)
        d = self.config[name]
        while rest:
            if rest[0] == '.':
                key, _, rest = _split_word(rest[1:])
                if not key:
                    raise ValueError('Unable to convert %r at %r' % (value, rest))
                d = d[key]
            elif rest[0] == '[':
                close = rest.find(']')
                if close < 0:
                    raise ValueError('Unable to convert %r at %r' % (value, rest))
                idx = rest[1:close]
                rest = rest[close + 1:]
                if idx.isdigit():
                    try:
                        d = d[int(idx)]
                    except (TypeError, KeyError):
                        d = d[idx]
                else:
                    d = d[idx]
            else:
                raise ValueError('Unable to convert %r at %r' % (value, rest))
        return d

    def convert(self, value):
        if isinstance(value, _ConvertingDict) or isinstance(value, _ConvertingList):
            return value
        if isinstance(value, dict):
            value = _wrap(_ConvertingDict, value, self)
        elif isinstance(value, list):
            value = _wrap(_ConvertingList, value, self)
        elif isinstance(value, tuple) and not hasattr(value, '_fields'):
            value = tuple([self.convert(v) for v in value])
        elif isinstance(value, str):
            prefix, sep, suffix = value.partition('://')
            if sep and prefix in self.value_converters and prefix.isalnum() and suffix:
                converter = getattr(self, self.value_converters[prefix])
                value = converter(suffix)
        return value

    def configure_custom(self, config):
        factory = config.pop('()')
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop('.', None)
        kwargs = {}
        for k in config:
            if _is_ident(k):
                kwargs[k] = config[k]
        result = factory(**kwargs)
        if props:
            for name in props:
                setattr(result, name, props[name])
        return result

    def as_tuple(self, value):
        if isinstance(value, list):
            value = tuple(value)
        return value


def _split_word(text):
    i = 0
    while i < len(text) and (text[i].isalnum() or text[i] in '_-'):
        i += 1
    return text[:i], '', text[i:]


def _wrap(kind, data, configurator):
    # dict/list subclasses are built with the base constructor, then tagged
    made = kind(data)
    made.configurator = configurator
    return made


class _ConvertingDict(dict):
    """A dict whose values are converted (ext://, cfg://, nested dicts) when read."""


    def _converted(self, key, value):
        result = self.configurator.convert(value)
        if result is not value:
            dict.__setitem__(self, key, result)
        return result

    def __getitem__(self, key):
        return self._converted(key, dict.__getitem__(self, key))

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return self.configurator.convert(default)

    def pop(self, key, *default):
        if key in self:
            value = dict.__getitem__(self, key)
            dict.__delitem__(self, key)
            return self.configurator.convert(value)
        if default:
            return self.configurator.convert(default[0])
        raise KeyError(key)

    def items(self):
        return [(k, self[k]) for k in list(dict.keys(self))]

    def values(self):
        return [self[k] for k in list(dict.keys(self))]


class _ConvertingList(list):

    def __getitem__(self, index):
        value = list.__getitem__(self, index)
        result = self.configurator.convert(value)
        if result is not value:
            list.__setitem__(self, index, result)
        return result

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def pop(self, idx=-1):
        return self.configurator.convert(list.pop(self, idx))


def _clear_existing_handlers():
    logging._handlers.clear()
    logging.shutdown(logging._handlerList[:])
    del logging._handlerList[:]


def _handle_existing_loggers(existing, child_loggers, disable_existing):
    root = logging.root
    for name in existing:
        logger = root.manager.loggerDict[name]
        if name in child_loggers:
            if not isinstance(logger, logging.PlaceHolder):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
        else:
            logger.disabled = disable_existing


class DictConfigurator(BaseConfigurator):
    """Configure logging from a dictionary (the dictConfig schema)."""

    def configure(self):
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        EMPTY = {}
        with logging._lock:
            if incremental:
                handlers = config.get('handlers', EMPTY)
                for name in handlers:
                    if name not in logging._handlers:
                        raise ValueError('No handler found with name %r' % name)
                    try:
                        handler = logging._handlers[name]
                        hconf = handlers[name]
                        level = hconf.get('level', None)
                        if level:
                            handler.setLevel(logging._checkLevel(level))
                    except Exception as e:
                        raise ValueError('Unable to configure handler %r' % name) from e
                loggers = config.get('loggers', EMPTY)
                for name in loggers:
                    try:
                        self.configure_logger(name, loggers[name], True)
                    except Exception as e:
                        raise ValueError('Unable to configure logger %r' % name) from e
                root = config.get('root', None)
                if root:
                    try:
                        self.configure_root(root, True)
                    except Exception as e:
                        raise ValueError('Unable to configure root logger') from e
                return

            disable_existing = config.pop('disable_existing_loggers', True)
            _clear_existing_handlers()

            formatters = config.get('formatters', EMPTY)
            for name in formatters:
                try:
                    formatters[name] = self.configure_formatter(formatters[name])
                except Exception as e:
                    raise ValueError('Unable to configure formatter %r' % name) from e
            filters = config.get('filters', EMPTY)
            for name in filters:
                try:
                    filters[name] = self.configure_filter(filters[name])
                except Exception as e:
                    raise ValueError('Unable to configure filter %r' % name) from e

            handlers = config.get('handlers', EMPTY)
            deferred = []
            for name in sorted(handlers):
                try:
                    handler = self.configure_handler(handlers[name])
                    handler.name = name
                    handlers[name] = handler
                except Exception as e:
                    if ' not configured yet' in str(e.__cause__):
                        deferred.append(name)
                    else:
                        raise ValueError('Unable to configure handler %r' % name) from e
            for name in deferred:
                try:
                    handler = self.configure_handler(handlers[name])
                    handler.name = name
                    handlers[name] = handler
                except Exception as e:
                    raise ValueError('Unable to configure handler %r' % name) from e

            root = logging.root
            existing = sorted(root.manager.loggerDict.keys())
            child_loggers = []
            loggers = config.get('loggers', EMPTY)
            for name in loggers:
                if name in existing:
                    i = existing.index(name) + 1
                    prefixed = name + "."
                    while i < len(existing):
                        if existing[i][:len(prefixed)] == prefixed:
                            child_loggers.append(existing[i])
                        i += 1
                    existing.remove(name)
                try:
                    self.configure_logger(name, loggers[name])
                except Exception as e:
                    raise ValueError('Unable to configure logger %r' % name) from e
            _handle_existing_loggers(existing, child_loggers, disable_existing)

            root_conf = config.get('root', None)
            if root_conf:
                try:
                    self.configure_root(root_conf)
                except Exception as e:
                    raise ValueError('Unable to configure root logger') from e

    def configure_formatter(self, config):
        if '()' in config:
            factory = config['()']
            try:
                return self.configure_custom(config)
            except TypeError as te:
                if "'format'" not in str(te):
                    raise
                config['fmt'] = config.pop('format')
                config['()'] = factory
                return self.configure_custom(config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        defaults = config.get('defaults', None)
        if not cname:
            klass = logging.Formatter
        else:
            klass = self.resolve(cname)
        extra = {}
        if defaults:
            extra['defaults'] = defaults
        if 'validate' in config:
            return klass(fmt, dfmt, style, config['validate'], **extra)
        return klass(fmt, dfmt, style, **extra)

    def configure_filter(self, config):
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, 'filter', None)):
                    filter_ = f
                else:
                    filter_ = self.config['filters'][f]
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        saved = dict(dict.items(config))
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.config['formatters'][formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            cname = config.pop('class')
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                target_name = config['target']
                try:
                    target = self.config['handlers'][target_name]
                    if not isinstance(target, logging.Handler):
                        # put the popped keys back so the handler can be retried later
                        dict.update(config, saved)
                        raise TypeError('target not configured yet')
                    config['target'] = target
                except Exception as e:
                    raise ValueError('Unable to set target handler %r' % target_name) from e
            if issubclass(klass, logging.handlers.MemoryHandler) and 'flushLevel' in config:
                config['flushLevel'] = logging._checkLevel(config['flushLevel'])
            factory = klass
        props = config.pop('.', None)
        kwargs = {}
        for k in config:
            if k != '.' and _is_ident(k):
                kwargs[k] = config[k]
        try:
            result = factory(**kwargs)
        except TypeError as te:
            if "'stream'" not in str(te):
                raise
            kwargs['strm'] = kwargs.pop('stream')
            result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name in props:
                setattr(result, name, props[name])
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.config['handlers'][h])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging using a dictionary."""
    dictConfigClass(config).configure()


# public names CPython exposes for the converting containers
ConvertingDict = _ConvertingDict
ConvertingList = _ConvertingList
