"""Utilities for with-statement contexts.  See PEP 343."""

import sys

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager",
           "AsyncExitStack", "ContextDecorator", "ExitStack",
           "redirect_stdout", "redirect_stderr", "suppress", "aclosing",
           "chdir"]

# Optional collaborators: the abstract base classes use abc when it exists,
# and __class_getitem__ uses types.GenericAlias when it exists.  (Any
# failure to import them just selects the plain fallbacks below.)
try:
    import abc as _abc
except Exception:
    _abc = None

try:
    from types import GenericAlias as _GenericAlias
except Exception:
    _GenericAlias = None


if _abc is not None:
    _ABCBase = _abc.ABC
    _abstract = _abc.abstractmethod
else:
    class _ABCBase:
        __slots__ = ()

    def _abstract(fn):
        fn.__isabstractmethod__ = True
        return fn


if _GenericAlias is not None:
    def _class_getitem(cls, params):
        return _GenericAlias(cls, params)
else:
    class _SimpleAlias:
        def __init__(self, origin, params):
            self.__origin__ = origin
            if not isinstance(params, tuple):
                params = (params,)
            self.__args__ = params

        def _name_of(self, obj):
            if isinstance(obj, type):
                if obj.__module__ == "builtins":
                    return obj.__qualname__
                return obj.__module__ + "." + obj.__qualname__
            if obj is ...:
                return "..."
            return repr(obj)

        def __repr__(self):
            inner = ", ".join(self._name_of(a) for a in self.__args__)
            return self._name_of(self.__origin__) + "[" + inner + "]"

        def __call__(self, *args, **kwargs):
            return self.__origin__(*args, **kwargs)

    def _class_getitem(cls, params):
        return _SimpleAlias(cls, params)


def _has_protocol(C, *names):
    # Structural check used by the __subclasshook__s below: every name must be
    # defined somewhere on the MRO, and not blocked by being set to None.
    mro = C.__mro__
    for name in names:
        for klass in mro:
            ns = klass.__dict__
            if name in ns:
                if ns[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _update_wrapper(wrapper, wrapped):
    # A small stand-in for functools.wraps.
    for attr in ("__module__", "__name__", "__qualname__", "__doc__",
                 "__annotations__", "__type_params__"):
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            continue
        try:
            setattr(wrapper, attr, value)
        except (AttributeError, TypeError):
            pass
    try:
        wrapper.__dict__.update(wrapped.__dict__)
    except AttributeError:
        pass
    wrapper.__wrapped__ = wrapped
    return wrapper


class AbstractContextManager(_ABCBase):

    """An abstract base class for context managers."""

    __class_getitem__ = classmethod(_class_getitem)

    __slots__ = ()

    def __enter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @_abstract
    def __exit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _has_protocol(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(_ABCBase):

    """An abstract base class for asynchronous context managers."""

    __class_getitem__ = classmethod(_class_getitem)

    __slots__ = ()

    async def __aenter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @_abstract
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _has_protocol(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator(object):
    "A base class or mixin that enables context managers to work as decorators."

    def _recreate_cm(self):
        """Return a recreated instance of self.

        One-shot context managers (such as the ones made by @contextmanager)
        override this to build a fresh instance for every decorated call.
        """
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return _update_wrapper(inner, func)


class AsyncContextDecorator(object):
    "A base class or mixin that enables async context managers to work as decorators."

    def _recreate_cm(self):
        """Return a recreated instance of self.
        """
        return self

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return _update_wrapper(inner, func)


class _GenCMCommon:
    """State shared by the @contextmanager and @asynccontextmanager helpers."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        doc = getattr(func, "__doc__", None)
        self.__doc__ = doc if doc is not None else type(self).__doc__

    def _recreate_cm(self):
        # Each decorated call needs its own generator.
        return self.__class__(self.func, self.args, self.kwds)

    def _forget_factory(self):
        # After entering, the recipe for re-creation is no longer needed.
        del self.args, self.kwds, self.func


class _GeneratorContextManager(_GenCMCommon, AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        self._forget_factory()
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        gen = self.gen
        if typ is None:
            try:
                next(gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                gen.close()

        if value is None:
            # Make an instance so we can recognise it if it comes back.
            value = typ()
        try:
            gen.throw(value)
        except StopIteration as stop:
            # The generator finished: the exception was swallowed, unless the
            # StopIteration is the very one raised in the with-body.
            return stop is not value
        except RuntimeError as err:
            if err is value:
                err.__traceback__ = traceback
                return False
            # PEP 479 turned a StopIteration from the body into a
            # RuntimeError; report the original instead.
            if isinstance(value, StopIteration) and err.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as err:
            if err is not value:
                # A new exception from the generator itself.
                raise
            err.__traceback__ = traceback
            return False
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            gen.close()


class _AsyncGeneratorContextManager(_GenCMCommon, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        self._forget_factory()
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        agen = self.gen
        if typ is None:
            try:
                await anext(agen)
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await agen.aclose()

        if value is None:
            value = typ()
        try:
            await agen.athrow(value)
        except StopAsyncIteration as stop:
            return stop is not value
        except RuntimeError as err:
            if err is value:
                err.__traceback__ = traceback
                return False
            if (isinstance(value, (StopIteration, StopAsyncIteration))
                    and err.__cause__ is value):
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as err:
            if err is not value:
                raise
            err.__traceback__ = traceback
            return False
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await agen.aclose()


def contextmanager(func):
    """@contextmanager decorator.

    Turns a generator function that yields exactly once into a factory of
    context managers: the code before the yield runs on entry, the yielded
    value is bound by ``as``, and the code after it runs on exit.
    """
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return _update_wrapper(helper, func)


def asynccontextmanager(func):
    """@asynccontextmanager decorator.

    The asynchronous counterpart of @contextmanager, for async generator
    functions used with ``async with``.
    """
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return _update_wrapper(helper, func)


class closing(AbstractContextManager):
    """Context to automatically close something at the end of a block.

    ``with closing(thing) as t: ...`` calls ``thing.close()`` on the way out.
    """
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Async context manager that awaits ``thing.aclose()`` on the way out,
    e.g. to finalize an async generator deterministically.
    """
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack of previous targets makes the object re-entrant.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Context manager to suppress specified exceptions

    After the exception is suppressed, execution proceeds with the next
    statement following the with statement.
    """

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            _matched, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


def _current_exception(default):
    getter = getattr(sys, "exception", None)
    if getter is not None:
        return getter()
    return default


def _rechain(new_exc, old_exc, frame_exc):
    # Make new_exc's context chain end at old_exc, as it would have if the
    # callbacks had been genuinely nested with-statements.
    node = new_exc
    while True:
        ctx = node.__context__
        if ctx is None or ctx is old_exc:
            return
        if ctx is frame_exc:
            break
        node = ctx
    node.__context__ = old_exc


def _reraise_keeping_context(exc):
    # ``raise exc`` would overwrite the context we set up; put it back.
    saved = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = saved
        raise


class _ExitStackCore:
    """What ExitStack and AsyncExitStack have in common."""

    def __init__(self):
        # Entries are (is_sync, callback) pairs, unwound last-in first-out.
        self._exit_callbacks = []

    def pop_all(self):
        """Preserve the context stack by transferring it to a new instance."""
        fresh = type(self)()
        fresh._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return fresh

    def push(self, exit):
        """Registers a callback with the standard __exit__ method signature.

        Can suppress exceptions the same way __exit__ method can.
        Also accepts any object with an __exit__ method (registering a call
        to the method instead of the object itself).
        """
        try:
            exit_method = type(exit).__exit__
        except AttributeError:
            # Not a context manager: a plain callable.
            self._add_callback(exit, True)
        else:
            self._add_cm_exit(exit, exit_method, True)
        return exit

    def enter_context(self, cm):
        """Enters the supplied context manager.

        If successful, also pushes its __exit__ method as a callback and
        returns the result of the __enter__ method.
        """
        cls = type(cm)
        try:
            enter = cls.__enter__
            exit_method = cls.__exit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol") from None
        result = enter(cm)
        self._add_cm_exit(cm, exit_method, True)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers an arbitrary callback and arguments.

        Cannot suppress exceptions.
        """
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._add_callback(_exit_wrapper, True)
        return callback

    def _add_cm_exit(self, cm, exit_method, is_sync):
        def _bound_exit(exc_type, exc, tb):
            return exit_method(cm, exc_type, exc, tb)
        self._add_callback(_bound_exit, is_sync)

    def _add_callback(self, callback, is_sync):
        self._exit_callbacks.append((is_sync, callback))


class ExitStack(_ExitStackCore, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks.

    For example:
        with ExitStack() as stack:
            files = [stack.enter_context(open(fname)) for fname in filenames]
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        exc = exc_details[1]
        had_exc = exc is not None
        frame_exc = _current_exception(exc)
        suppressed = False
        must_raise = False
        callbacks = self._exit_callbacks
        while callbacks:
            _is_sync, cb = callbacks.pop()
            try:
                if exc is None:
                    res = cb(None, None, None)
                else:
                    res = cb(type(exc), exc, exc.__traceback__)
                if res:
                    suppressed = True
                    must_raise = False
                    exc = None
            except BaseException as new_exc:
                _rechain(new_exc, exc, frame_exc)
                must_raise = True
                exc = new_exc
        if must_raise:
            _reraise_keeping_context(exc)
        return had_exc and suppressed

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)


class AsyncExitStack(_ExitStackCore, AbstractAsyncContextManager):
    """Async context manager for dynamic management of a stack of exit
    callbacks, which may be synchronous or coroutine functions.
    """

    async def enter_async_context(self, cm):
        """Enters the supplied async context manager.

        If successful, also pushes its __aexit__ method as a callback and
        returns the result of the __aenter__ method.
        """
        cls = type(cm)
        try:
            aenter = cls.__aenter__
            aexit = cls.__aexit__
        except AttributeError:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol"
                            ) from None
        result = await aenter(cm)
        self._add_cm_exit(cm, aexit, False)
        return result

    def push_async_exit(self, exit):
        """Registers a coroutine function with the standard __aexit__ method
        signature, or an object with an __aexit__ method.
        """
        try:
            aexit = type(exit).__aexit__
        except AttributeError:
            self._add_callback(exit, False)
        else:
            self._add_cm_exit(exit, aexit, False)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Registers an arbitrary coroutine function and arguments.

        Cannot suppress exceptions.
        """
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._add_callback(_exit_wrapper, False)
        return callback

    async def aclose(self):
        """Immediately unwind the context stack."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        exc = exc_details[1]
        had_exc = exc is not None
        frame_exc = _current_exception(exc)
        suppressed = False
        must_raise = False
        callbacks = self._exit_callbacks
        while callbacks:
            is_sync, cb = callbacks.pop()
            try:
                if exc is None:
                    details = (None, None, None)
                else:
                    details = (type(exc), exc, exc.__traceback__)
                if is_sync:
                    res = cb(*details)
                else:
                    res = await cb(*details)
                if res:
                    suppressed = True
                    must_raise = False
                    exc = None
            except BaseException as new_exc:
                _rechain(new_exc, exc, frame_exc)
                must_raise = True
                exc = new_exc
        if must_raise:
            _reraise_keeping_context(exc)
        return had_exc and suppressed


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Context manager that does no additional processing.

    Used as a stand-in for a normal context manager, when a particular
    block of code is only sometimes used with a normal context manager.
    """

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Non thread-safe context manager to change the current working directory."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        import os
        self._old_cwd.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        import os
        os.chdir(self._old_cwd.pop())
