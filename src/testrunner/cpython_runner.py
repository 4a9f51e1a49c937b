"""aio's CPython runner: runs an .aio program on CPython 3.13's own asyncio
under the clock rules aio's tests use, so that CPython can record, and be
compared with, aio's golden outputs.

    python3.13 cpython_runner.py [--clock virtual|real] PROGRAM.aio [ARGS...]

`aio test --record` and `aio test --against-cpython` write this file out of
the aio binary and run it. The rules of the virtual clock (the default):

* Time is a whole number of nanoseconds from 0; loop.time() is it / 1e9.
* Time stands still while code runs; when nothing is ready, it jumps to the
  earliest live timer, to ceil(deadline * 1e9).
* Deadlines are CPython's own floats; timers with equal deadlines run in the
  order they were scheduled.
* time.time(), time.monotonic() and time.perf_counter() read the clock, and
  each read moves it on by one microsecond (a busy-wait on the clock ends).
* time.sleep(d) moves the clock on by d while nothing else runs.
* run_in_executor() and to_thread() call the function at once on a private
  clock; the future is resolved when the function's own sleeps have passed
  on the shared clock, as if a worker thread had slept that long.
* While the loop watches sockets, it waits up to 50 ms of real time for I/O
  before it moves the clock.

On either clock, where CPython leaves an order to chance (a TaskGroup
cancelling its remaining tasks, asyncio.run cancelling leftover tasks),
tasks are taken in the order they were created.

aio's script conveniences work here too: `sleep`, `gather` and `spawn` are
built-in names, and a program that awaits at top level runs its body as the
main coroutine, as under `asyncio.run`.
"""

import ast
import asyncio
import asyncio.events
import asyncio.runners
import asyncio.taskgroups
import builtins
import heapq
import inspect
import itertools
import math
import os
import selectors
import signal
import sys
import threading
import time
import types
import weakref

NS_PER_SECOND = 1_000_000_000
CLOCK_READ_COST_NS = 1_000
IO_WAIT_SECONDS = 0.05


class VirtualTime:
    """The shared virtual clock, and the private ones of offloaded calls."""

    def __init__(self):
        self.ns = 0
        self._private = threading.local()

    def loop_time(self):
        return self.ns / NS_PER_SECOND

    def read(self):
        seconds = self.ns / NS_PER_SECOND
        self.ns += CLOCK_READ_COST_NS
        return seconds

    def jump_to(self, deadline):
        target = math.ceil(deadline * NS_PER_SECOND)
        self.ns = max(self.ns, target)

    def sleep(self, seconds):
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        ns = round(seconds * NS_PER_SECOND)
        spent = getattr(self._private, "spent_ns", None)
        if spent is None:
            self.ns += ns
        else:
            self._private.spent_ns = spent + ns

    def run_offloaded(self, func, args):
        """Calls func(*args) on a private clock: (value, error, ns slept)."""
        self._private.spent_ns = 0
        try:
            return func(*args), None, self._private.spent_ns
        except BaseException as error:  # handed to the future
            return None, error, self._private.spent_ns
        finally:
            self._private.spent_ns = None


TIME = VirtualTime()
_schedule_order = itertools.count()


class TimerHandle(asyncio.events.TimerHandle):
    """CPython's timer, ordered by deadline and then by scheduling order."""

    __slots__ = ("_order",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._order = next(_schedule_order)

    def __lt__(self, other):
        return (self._when, self._order) < (other._when, other._order)

    def __gt__(self, other):
        return other < self


TimerHandle.__module__ = "asyncio.events"


class ClockSelector(selectors.DefaultSelector):
    """Polls for I/O without blocking, then moves the clock instead of
    sleeping until the next timer."""

    loop_ref = None

    def select(self, timeout=None):
        ready = super().select(0)
        if ready or timeout == 0:
            return ready
        loop = self.loop_ref() if self.loop_ref else None
        if loop is None:
            return ready
        if self._watches_io(loop):
            ready = super().select(None if timeout is None else IO_WAIT_SECONDS)
            if ready:
                return ready
        deadlines = [t._when for t in loop._scheduled if not t._cancelled]
        if deadlines:
            TIME.jump_to(min(deadlines))
        return ready

    def _watches_io(self, loop):
        wakeup = getattr(loop, "_ssock", None)
        own = wakeup.fileno() if wakeup is not None else -1
        return any(fd != own for fd in self.get_map())


class _UnixSelectorEventLoop(asyncio.SelectorEventLoop):
    """The event loop on the virtual clock, under CPython's own class name."""

    def __init__(self):
        selector = ClockSelector()
        super().__init__(selector)
        selector.loop_ref = weakref.ref(self)
        self._clock_resolution = 1e-9

    def time(self):
        return TIME.loop_time()

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if self._debug:
            self._check_callback(func, "run_in_executor")
        future = self.create_future()
        value, error, spent_ns = TIME.run_offloaded(func, args)

        def resolve():
            if future.cancelled():
                return
            if error is None:
                future.set_result(value)
            else:
                future.set_exception(error)

        self.call_later(spent_ns / NS_PER_SECOND, resolve)
        return future


_UnixSelectorEventLoop.__module__ = "asyncio.unix_events"


class VirtualClockPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return _UnixSelectorEventLoop()


# --- creation order, where CPython leaves it to chance --------------------

_creation = weakref.WeakKeyDictionary()
_creation_counter = itertools.count()


def _numbered(task):
    _creation[task] = next(_creation_counter)
    return task


def _in_creation_order(tasks):
    return sorted(tasks, key=lambda task: _creation.get(task, -1))


class TasksInCreationOrder:
    """A TaskGroup's set of tasks, iterated in the order they were added."""

    def __init__(self):
        self._members = {}

    def add(self, task):
        self._members[task] = None

    def discard(self, task):
        self._members.pop(task, None)

    def __iter__(self):
        return iter(list(self._members))

    def __len__(self):
        return len(self._members)

    def __contains__(self, task):
        return task in self._members


def _cancel_leftovers(loop):
    """asyncio.run's clean-up, cancelling in creation order."""
    leftovers = _in_creation_order(asyncio.all_tasks(loop))
    if not leftovers:
        return
    for task in leftovers:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
    for task in leftovers:
        if task.cancelled() or task.exception() is None:
            continue
        loop.call_exception_handler({
            "message": "unhandled exception during asyncio.run() shutdown",
            "exception": task.exception(),
            "task": task,
        })


def install_creation_order():
    original_init = asyncio.taskgroups.TaskGroup.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self._tasks = TasksInCreationOrder()

    asyncio.taskgroups.TaskGroup.__init__ = init
    asyncio.runners._cancel_all_tasks = _cancel_leftovers

    original_create_task = asyncio.BaseEventLoop.create_task

    def create_task(self, coro, **kwargs):
        task = original_create_task(self, coro, **kwargs)
        # Debug mode's "created at" names the program's line, not this one.
        if task._source_traceback:
            del task._source_traceback[-1]
        return _numbered(task)

    asyncio.BaseEventLoop.create_task = create_task


def install_virtual_clock():
    asyncio.set_event_loop_policy(VirtualClockPolicy())
    time.time = time.monotonic = time.perf_counter = TIME.read
    time.sleep = TIME.sleep


# --- running the program ----------------------------------------------------

def _flush_and_exit(signum, _frame):
    """At a time limit the test runner sends SIGTERM: keep what was printed."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    os._exit(128 + signum)


def _program_frames(tb, filename):
    """The traceback from the program's first frame on (not this runner's)."""
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    return tb


def install_conveniences():
    builtins.sleep = asyncio.sleep
    builtins.gather = asyncio.gather
    builtins.spawn = asyncio.create_task


def run_program(path, args):
    with open(path, "rb") as f:
        source = f.read()
    main = types.ModuleType("__main__")
    main.__dict__.update(__file__=path, __builtins__=builtins, __cached__=None,
                         __loader__=None, __package__=None, __spec__=None)
    sys.modules["__main__"] = main
    sys.argv = [path, *args]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    try:
        code = compile(source, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        if code.co_flags & inspect.CO_COROUTINE:
            asyncio.run(eval(code, main.__dict__))
        else:
            exec(code, main.__dict__)
    except SystemExit:
        raise
    except BaseException as error:
        # The traceback and exit status of `python3.13 PROGRAM` (aio's tests
        # record an uncaught KeyboardInterrupt as status 1 too).
        tb = _program_frames(error.__traceback__, path)
        sys.excepthook(type(error), error, tb)
        return 1
    return 0


def main(argv):
    usage = "usage: cpython_runner.py [--clock virtual|real] PROGRAM.aio [ARGS...]"
    clock = "virtual"
    if argv[:1] == ["--clock"] and len(argv) > 1:
        clock, argv = argv[1], argv[2:]
    elif argv and argv[0].startswith("--clock="):
        clock, argv = argv[0].partition("=")[2], argv[1:]
    if clock not in ("virtual", "real") or not argv:
        print(usage, file=sys.stderr)
        return 2
    # Warnings this runner's frames cause (compiling the program) belong to
    # no `__main__`, as when CPython runs the file itself.
    globals()["__name__"] = "aio_cpython_runner"
    signal.signal(signal.SIGTERM, _flush_and_exit)
    install_creation_order()
    install_conveniences()
    if clock == "virtual":
        install_virtual_clock()
    return run_program(argv[0], argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
