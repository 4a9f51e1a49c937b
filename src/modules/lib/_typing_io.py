"""typing's IO classes, Supports* protocols and the aliases of contextlib
and re classes (a private part of typing, made on first use)."""

from abc import abstractmethod
from typing import (
    Generic, Protocol, TypeVar, AnyStr, List, Union, Optional, Any,
    runtime_checkable, _special)


# --- IO ------------------------------------------------------------------------------------

class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""

    __module__ = 'typing'
    __slots__ = ()

    @property
    @abstractmethod
    def mode(self) -> str:
        pass

    @property
    @abstractmethod
    def name(self) -> str:
        pass

    @abstractmethod
    def close(self) -> None:
        pass

    @property
    @abstractmethod
    def closed(self) -> bool:
        pass

    @abstractmethod
    def fileno(self) -> int:
        pass

    @abstractmethod
    def flush(self) -> None:
        pass

    @abstractmethod
    def isatty(self) -> bool:
        pass

    @abstractmethod
    def read(self, n: int = -1) -> AnyStr:
        pass

    @abstractmethod
    def readable(self) -> bool:
        pass

    @abstractmethod
    def readline(self, limit: int = -1) -> AnyStr:
        pass

    @abstractmethod
    def readlines(self, hint: int = -1) -> List[AnyStr]:
        pass

    @abstractmethod
    def seek(self, offset: int, whence: int = 0) -> int:
        pass

    @abstractmethod
    def seekable(self) -> bool:
        pass

    @abstractmethod
    def tell(self) -> int:
        pass

    @abstractmethod
    def truncate(self, size: int = None) -> int:
        pass

    @abstractmethod
    def writable(self) -> bool:
        pass

    @abstractmethod
    def write(self, s: AnyStr) -> int:
        pass

    @abstractmethod
    def writelines(self, lines: List[AnyStr]) -> None:
        pass

    @abstractmethod
    def __enter__(self) -> 'IO[AnyStr]':
        pass

    @abstractmethod
    def __exit__(self, type, value, traceback) -> None:
        pass


class BinaryIO(IO[bytes]):
    """Typed version of the return of open() in binary mode."""

    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def write(self, s: Union[bytes, 'bytearray']) -> int:
        pass

    @abstractmethod
    def __enter__(self) -> 'BinaryIO':
        pass


class TextIO(IO[str]):
    """Typed version of the return of open() in text mode."""

    __module__ = 'typing'
    __slots__ = ()

    @property
    @abstractmethod
    def buffer(self) -> BinaryIO:
        pass

    @property
    @abstractmethod
    def encoding(self) -> str:
        pass

    @property
    @abstractmethod
    def errors(self) -> Optional[str]:
        pass

    @property
    @abstractmethod
    def line_buffering(self) -> bool:
        pass

    @property
    @abstractmethod
    def newlines(self) -> Any:
        pass

    @abstractmethod
    def __enter__(self) -> 'TextIO':
        pass


# --- Supports* protocols ----------------------------------------------------------------

_T = TypeVar('T', infer_variance=True)
_T.__module__ = 'typing'


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> 'complex':
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[_T]):
    """An ABC with one abstract method __abs__ that is covariant in its
    return type."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __abs__(self) -> _T:
        pass


@runtime_checkable
class SupportsRound(Protocol[_T]):
    """An ABC with one abstract method __round__ that is covariant in its
    return type."""
    __module__ = 'typing'
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0) -> _T:
        pass


# --- aliases of contextlib and re classes -------------------------------------------

Pattern = _special(('re', 'Pattern'), 1)
Match = _special(('re', 'Match'), 1)
ContextManager = _special(('contextlib', 'AbstractContextManager'), 2,
                          name='ContextManager', defaults=(bool | None,))
AsyncContextManager = _special(('contextlib', 'AbstractAsyncContextManager'),
                               2, name='AsyncContextManager',
                               defaults=(bool | None,))
