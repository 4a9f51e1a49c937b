# asyncio subprocesses for aio's runtime. Runs after asyncio_streams.py in
# the asyncio module's namespace; `asyncio.subprocess` re-exports its public
# names. Follows CPython 3.13's unix_events.py (pipe transports, the pidfd
# child watcher), base_subprocess.py and subprocess.py hop for hop. The
# natives (_spawn, proc.pidfd(), proc.poll()) are in src/modules/subprocess.rs.

PIPE = _PIPE
STDOUT = _STDOUT
DEVNULL = _DEVNULL


class _UnixReadPipeTransport:
    max_size = 256 * 1024

    def __init__(self, loop, pipe, protocol, waiter=None):
        self._loop = loop
        self._pipe = pipe
        self._fileno = pipe.fileno()
        self._protocol = protocol
        self._closing = False
        self._paused = False
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(self._add_reader, self._fileno, self._read_ready)
        if waiter is not None:
            loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _add_reader(self, fd, callback):
        if not self.is_reading():
            return
        self._loop._add_reader(fd, callback)

    def is_reading(self):
        return not self._paused and not self._closing

    def _read_ready(self):
        try:
            data = self._pipe.recv(self.max_size)
        except OSError as exc:
            self._fatal_error(exc, 'Fatal read error on pipe transport')
            return
        if data is None:
            return
        if data:
            self._protocol.data_received(data)
        else:
            self._closing = True
            self._loop._remove_reader(self._fileno)
            self._loop.call_soon(self._protocol.eof_received)
            self._loop.call_soon(self._call_connection_lost, None)

    def pause_reading(self):
        if not self.is_reading():
            return
        self._paused = True
        self._loop._remove_reader(self._fileno)

    def resume_reading(self):
        if self._closing or not self._paused:
            return
        self._paused = False
        self._loop._add_reader(self._fileno, self._read_ready)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if not self._closing:
            self._close(None)

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc):
        self._closing = True
        self._loop._remove_reader(self._fileno)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = None
            self._protocol = None
            self._loop = None


class _UnixWritePipeTransport(_FlowControl):
    def __init__(self, loop, pipe, protocol, waiter=None):
        self._loop = loop
        self._pipe = pipe
        self._fileno = pipe.fileno()
        self._protocol = protocol
        self._buffer = []
        self._buffer_size = 0
        self._conn_lost = 0
        self._closing = False
        self._protocol_paused = False
        loop.call_soon(protocol.connection_made, self)
        # On Linux the other end closing shows as the pipe becoming
        # readable, so CPython watches it for reading too.
        loop.call_soon(loop._add_reader, self._fileno, self._read_ready)
        if waiter is not None:
            loop.call_soon(_set_result_unless_cancelled, waiter, None)

    def _read_ready(self):
        if self._buffer:
            self._close(BrokenPipeError())
        else:
            self._close()

    def write(self, data):
        _check_bytes(data)
        if not data:
            return
        if self._conn_lost or self._closing:
            self._conn_lost += 1
            return
        if not self._buffer:
            try:
                n = self._pipe.send(data)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                self._conn_lost += 1
                self._fatal_error(exc, 'Fatal write error on pipe transport')
                return
            if n is None:
                n = 0
            if n == len(data):
                return
            elif n > 0:
                data = data[n:]
            self._loop._add_writer(self._fileno, self._write_ready)
        self._buffer.append(data)
        self._buffer_size += len(data)
        self._maybe_pause_protocol()

    def _write_ready(self):
        data = b''.join(self._buffer)
        try:
            n = self._pipe.send(data)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._buffer = []
            self._buffer_size = 0
            self._conn_lost += 1
            self._loop._remove_writer(self._fileno)
            self._fatal_error(exc, 'Fatal write error on pipe transport')
            return
        if n is None:
            return
        if n == len(data):
            self._buffer = []
            self._buffer_size = 0
            self._loop._remove_writer(self._fileno)
            self._maybe_resume_protocol()
            if self._closing:
                self._loop._remove_reader(self._fileno)
                self._call_connection_lost(None)
            return
        rest = data[n:]
        self._buffer = [rest]
        self._buffer_size = len(rest)

    def can_write_eof(self):
        return True

    def write_eof(self):
        if self._closing:
            return
        self._closing = True
        if not self._buffer:
            self._loop._remove_reader(self._fileno)
            self._loop.call_soon(self._call_connection_lost, None)

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closing

    def close(self):
        if self._pipe is not None and not self._closing:
            self.write_eof()

    def abort(self):
        self._close(None)

    def get_extra_info(self, name, default=None):
        return default

    def _fatal_error(self, exc, message='Fatal error on pipe transport'):
        if not isinstance(exc, OSError):
            self._loop.call_exception_handler({
                'message': message,
                'exception': exc,
                'transport': self,
                'protocol': self._protocol,
            })
        self._close(exc)

    def _close(self, exc=None):
        self._closing = True
        if self._buffer:
            self._loop._remove_writer(self._fileno)
        self._buffer = []
        self._buffer_size = 0
        self._loop._remove_reader(self._fileno)
        self._loop.call_soon(self._call_connection_lost, exc)

    def _call_connection_lost(self, exc):
        if self._pipe is None:
            return
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._pipe.close()
            self._pipe = None
            self._protocol = None
            self._loop = None


async def _connect_pipe(loop, make_transport, protocol_factory, pipe):
    protocol = protocol_factory()
    waiter = loop.create_future()
    transport = make_transport(loop, pipe, protocol, waiter)
    try:
        await waiter
    except BaseException:
        transport.close()
        raise
    return transport, protocol


class _WriteSubprocessPipeProto:
    def __init__(self, proc, fd):
        self.proc = proc
        self.fd = fd
        self.pipe = None
        self.disconnected = False

    def connection_made(self, transport):
        self.pipe = transport

    def connection_lost(self, exc):
        self.disconnected = True
        self.proc._pipe_connection_lost(self.fd, exc)
        self.proc = None

    def pause_writing(self):
        self.proc._protocol.pause_writing()

    def resume_writing(self):
        self.proc._protocol.resume_writing()


class _ReadSubprocessPipeProto(_WriteSubprocessPipeProto):
    def data_received(self, data):
        self.proc._pipe_data_received(self.fd, data)

    def eof_received(self):
        pass


class _UnixSubprocessTransport:
    def __init__(self, loop, protocol, args, shell, stdin, stdout, stderr,
                 waiter=None, cwd=None):
        self._closed = False
        self._protocol = protocol
        self._loop = loop
        self._proc = None
        self._pid = None
        self._returncode = None
        self._exit_waiters = []
        self._pending_calls = []
        self._pipes = {}
        self._finished = False
        if stdin == PIPE:
            self._pipes[0] = None
        if stdout == PIPE:
            self._pipes[1] = None
        if stderr == PIPE:
            self._pipes[2] = None
        try:
            proc, pin, pout, perr = _spawn(args, shell, stdin, stdout, stderr, cwd)
        except BaseException:
            self.close()
            raise
        self._proc = proc
        self._proc_pipes = (pin, pout, perr)
        self._pid = proc.pid()
        loop.create_task(self._connect_pipes(waiter))

    def __repr__(self):
        info = ['_UnixSubprocessTransport']
        if self._closed:
            info.append('closed')
        if self._pid is not None:
            info.append(f'pid={self._pid}')
        if self._returncode is not None:
            info.append(f'returncode={self._returncode}')
        elif self._pid is not None:
            info.append('running')
        else:
            info.append('not started')
        return '<{}>'.format(' '.join(info))

    def get_protocol(self):
        return self._protocol

    def is_closing(self):
        return self._closed

    def close(self):
        if self._closed:
            return
        self._closed = True
        for proto in self._pipes.values():
            if proto is None:
                continue
            proto.pipe.close()
        if (self._proc is not None and self._returncode is None and
                self._proc.poll() is None):
            self._proc.send_signal(9)

    def get_pid(self):
        return self._pid

    def get_returncode(self):
        return self._returncode

    def get_pipe_transport(self, fd):
        if fd in self._pipes:
            return self._pipes[fd].pipe
        return None

    def _check_proc(self):
        if self._proc is None:
            raise ProcessLookupError()

    def send_signal(self, signal):
        self._check_proc()
        self._proc.send_signal(signal)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    async def _connect_pipes(self, waiter):
        try:
            loop = self._loop
            pin, pout, perr = self._proc_pipes
            if pin is not None:
                _, pipe = await _connect_pipe(
                    loop, _UnixWritePipeTransport,
                    lambda: _WriteSubprocessPipeProto(self, 0), pin)
                self._pipes[0] = pipe
            if pout is not None:
                _, pipe = await _connect_pipe(
                    loop, _UnixReadPipeTransport,
                    lambda: _ReadSubprocessPipeProto(self, 1), pout)
                self._pipes[1] = pipe
            if perr is not None:
                _, pipe = await _connect_pipe(
                    loop, _UnixReadPipeTransport,
                    lambda: _ReadSubprocessPipeProto(self, 2), perr)
                self._pipes[2] = pipe
            loop.call_soon(self._protocol.connection_made, self)
            for callback, data in self._pending_calls:
                loop.call_soon(callback, *data)
            self._pending_calls = None
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
        else:
            if waiter is not None and not waiter.cancelled():
                waiter.set_result(None)

    def _call(self, cb, *data):
        if self._pending_calls is not None:
            self._pending_calls.append((cb, data))
        else:
            self._loop.call_soon(cb, *data)

    def _pipe_connection_lost(self, fd, exc):
        self._call(self._protocol.pipe_connection_lost, fd, exc)
        self._try_finish()

    def _pipe_data_received(self, fd, data):
        self._call(self._protocol.pipe_data_received, fd, data)

    def _process_exited(self, returncode):
        self._returncode = returncode
        self._call(self._protocol.process_exited)
        self._try_finish()

    async def _wait(self):
        if self._returncode is not None:
            return self._returncode
        waiter = self._loop.create_future()
        self._exit_waiters.append(waiter)
        return await waiter

    def _try_finish(self):
        if self._returncode is None:
            return
        if all(p is not None and p.disconnected for p in self._pipes.values()):
            self._finished = True
            self._call(self._call_connection_lost, None)

    def _call_connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            for waiter in self._exit_waiters:
                if not waiter.cancelled():
                    waiter.set_result(self._returncode)
            self._exit_waiters = None
            self._loop = None
            self._proc = None
            self._protocol = None


def _child_exited(loop, proc, pidfd, transp):
    """The pidfd child watcher's callback: the child has exited."""
    loop._remove_reader(pidfd)
    returncode = proc.poll()
    pidfd.close()
    if returncode is None:
        returncode = 255
    loop.call_soon(transp._process_exited, returncode)


def _poll_child(loop, proc, transp):
    """Without pidfd_open: check on the child now and then."""
    returncode = proc.poll()
    if returncode is None:
        loop.call_later(0.01, _poll_child, loop, proc, transp)
    else:
        loop.call_soon(transp._process_exited, returncode)


async def _make_subprocess_transport(loop, protocol, args, shell, stdin, stdout,
                                     stderr, cwd=None):
    waiter = loop.create_future()
    transp = _UnixSubprocessTransport(loop, protocol, args, shell, stdin, stdout,
                                      stderr, waiter, cwd)
    proc = transp._proc
    pidfd = proc.pidfd()
    if pidfd is not None:
        loop._add_reader(pidfd, _child_exited, loop, proc, pidfd, transp)
    else:
        _poll_child(loop, proc, transp)
    try:
        await waiter
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException:
        transp.close()
        await transp._wait()
        raise
    return transp


class SubprocessStreamProtocol(_FlowControlMixin):
    __module__ = 'asyncio.subprocess'

    def __init__(self, limit, loop):
        super().__init__(loop=loop)
        self._limit = limit
        self.stdin = self.stdout = self.stderr = None
        self._transport = None
        self._process_exited = False
        self._pipe_fds = []
        self._stdin_closed = self._loop.create_future()

    def connection_made(self, transport):
        self._transport = transport
        stdout_transport = transport.get_pipe_transport(1)
        if stdout_transport is not None:
            self.stdout = StreamReader(limit=self._limit, loop=self._loop)
            self.stdout.set_transport(stdout_transport)
            self._pipe_fds.append(1)
        stderr_transport = transport.get_pipe_transport(2)
        if stderr_transport is not None:
            self.stderr = StreamReader(limit=self._limit, loop=self._loop)
            self.stderr.set_transport(stderr_transport)
            self._pipe_fds.append(2)
        stdin_transport = transport.get_pipe_transport(0)
        if stdin_transport is not None:
            self.stdin = StreamWriter(stdin_transport, self, None, self._loop)

    def pipe_data_received(self, fd, data):
        if fd == 1:
            reader = self.stdout
        elif fd == 2:
            reader = self.stderr
        else:
            reader = None
        if reader is not None:
            reader.feed_data(data)

    def pipe_connection_lost(self, fd, exc):
        if fd == 0:
            pipe = self.stdin
            if pipe is not None:
                pipe.close()
            self.connection_lost(exc)
            if exc is None:
                self._stdin_closed.set_result(None)
            else:
                self._stdin_closed.set_exception(exc)
            return
        if fd == 1:
            reader = self.stdout
        elif fd == 2:
            reader = self.stderr
        else:
            reader = None
        if reader is not None:
            if exc is None:
                reader.feed_eof()
            else:
                reader.set_exception(exc)
        if fd in self._pipe_fds:
            self._pipe_fds.remove(fd)
        self._maybe_close_transport()

    def process_exited(self):
        self._process_exited = True
        self._maybe_close_transport()

    def _maybe_close_transport(self):
        if len(self._pipe_fds) == 0 and self._process_exited:
            self._transport.close()
            self._transport = None

    def _get_close_waiter(self, stream):
        if stream is self.stdin:
            return self._stdin_closed


class Process:
    __module__ = 'asyncio.subprocess'

    def __init__(self, transport, protocol, loop):
        self._transport = transport
        self._protocol = protocol
        self._loop = loop
        self.stdin = protocol.stdin
        self.stdout = protocol.stdout
        self.stderr = protocol.stderr
        self.pid = transport.get_pid()

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.pid}>'

    @property
    def returncode(self):
        return self._transport.get_returncode()

    async def wait(self):
        return await self._transport._wait()

    def send_signal(self, signal):
        self._transport.send_signal(signal)

    def terminate(self):
        self._transport.terminate()

    def kill(self):
        self._transport.kill()

    async def _feed_stdin(self, input):
        try:
            if input is not None:
                self.stdin.write(input)
            await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.stdin.close()

    async def _noop(self):
        return None

    async def _read_stream(self, fd):
        transport = self._transport.get_pipe_transport(fd)
        if fd == 2:
            stream = self.stderr
        else:
            stream = self.stdout
        output = await stream.read()
        transport.close()
        return output

    async def communicate(self, input=None):
        if self.stdin is not None:
            stdin = self._feed_stdin(input)
        else:
            stdin = self._noop()
        if self.stdout is not None:
            stdout = self._read_stream(1)
        else:
            stdout = self._noop()
        if self.stderr is not None:
            stderr = self._read_stream(2)
        else:
            stderr = self._noop()
        stdin, stdout, stderr = await gather(stdin, stdout, stderr)
        await self.wait()
        return (stdout, stderr)


def _check_subprocess_args(universal_newlines, shell, bufsize, encoding, errors, text):
    if universal_newlines:
        raise ValueError('universal_newlines must be False')
    if text:
        raise ValueError('text must be False')
    if encoding is not None:
        raise ValueError('encoding must be None')
    if errors is not None:
        raise ValueError('errors must be None')
    if bufsize != 0:
        raise ValueError('bufsize must be 0')


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, *, cwd=None,
                                  universal_newlines=False, bufsize=0,
                                  encoding=None, errors=None, text=None):
    loop = get_running_loop()
    if not isinstance(cmd, (bytes, str)):
        raise ValueError('cmd must be a string')
    _check_subprocess_args(universal_newlines, True, bufsize, encoding, errors, text)
    protocol = SubprocessStreamProtocol(limit=limit, loop=loop)
    transport = await _make_subprocess_transport(
        loop, protocol, [cmd], True, stdin, stdout, stderr, cwd)
    return Process(transport, protocol, loop)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None,
                                 stderr=None, limit=_DEFAULT_LIMIT, cwd=None,
                                 universal_newlines=False, bufsize=0,
                                 encoding=None, errors=None, text=None):
    loop = get_running_loop()
    _check_subprocess_args(universal_newlines, False, bufsize, encoding, errors, text)
    protocol = SubprocessStreamProtocol(limit=limit, loop=loop)
    popen_args = (program,) + args
    transport = await _make_subprocess_transport(
        loop, protocol, popen_args, False, stdin, stdout, stderr, cwd)
    return Process(transport, protocol, loop)
