"""Windows pathname operations (the string-only part of CPython's ntpath).

Available on every system so that pathlib.PureWindowsPath can parse Windows
paths; nothing here touches the disk.  Both '\\' and '/' separate parts,
and paths may start with a drive ('C:') or a UNC share ('\\\\host\\share').
"""

import os

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split",
           "splitext", "basename", "dirname", "normpath", "isreserved",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep",
           "extsep", "devnull"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '\\'
pathsep = ';'
altsep = '/'
defpath = '.;C:\\bin'
devnull = 'nul'
supports_unicode_filenames = True


def _consts(p):
    # (sep, altsep, colon, dot, empty) in the type of `p`.
    if isinstance(p, bytes):
        return b'\\', b'/', b':', b'.', b''
    return '\\', '/', ':', '.', ''


def normcase(s):
    """Lower-case the path and turn forward slashes into backslashes."""
    s = os.fspath(s)
    if isinstance(s, bytes):
        return s.replace(b'/', b'\\').lower()
    return s.replace('/', '\\').lower()


def isabs(s):
    """Absolute means a UNC/device path, or a drive followed by a root."""
    s = os.fspath(s)
    bsl, fwd, colon, _, _ = _consts(s)
    head = s[:3].replace(fwd, bsl)
    return head.startswith(colon + bsl, 1) or head.startswith(bsl + bsl)


def splitroot(p):
    """Split into (drive, root, tail); drive + root + tail == p."""
    p = os.fspath(p)
    bsl, fwd, colon, _, empty = _consts(p)
    norm = p.replace(fwd, bsl)
    if norm[:1] == bsl:
        if norm[1:2] != bsl:
            return empty, p[:1], p[1:]      # rooted but driveless: \Windows
        # UNC share (\\server\share, \\?\UNC\server\share) or device.
        unc = '\\\\?\\UNC\\'
        if isinstance(p, bytes):
            unc = unc.encode('ascii')
        start = 8 if norm[:8].upper() == unc else 2
        first = norm.find(bsl, start)
        if first < 0:
            return p, empty, empty
        second = norm.find(bsl, first + 1)
        if second < 0:
            return p, empty, empty
        return p[:second], p[second:second + 1], p[second + 1:]
    if norm[1:2] == colon:
        if norm[2:3] == bsl:
            return p[:2], p[2:3], p[3:]     # X:\Windows
        return p[:2], empty, p[2:]          # X:Windows (drive-relative)
    return empty, empty, p


def splitdrive(p):
    """Split into (drive, rest)."""
    drive, root, tail = splitroot(p)
    return drive, root + tail


def join(path, *paths):
    """Join components; a rooted component restarts the path, a different
    drive discards everything before it."""
    path = os.fspath(path)
    bsl, fwd, colon, _, _ = _consts(path)
    seps = bsl + fwd
    drive, root, tail = splitroot(path)
    for piece in paths:
        p_drive, p_root, p_tail = splitroot(piece)
        if p_root:
            if p_drive or not drive:
                drive = p_drive
            root = p_root
            tail = p_tail
            continue
        if p_drive and p_drive != drive:
            if p_drive.lower() != drive.lower():
                drive, root, tail = p_drive, p_root, p_tail
                continue
            drive = p_drive                 # same drive, other case
        if tail and tail[-1:] not in (bsl, fwd):
            tail = tail + bsl
        tail = tail + p_tail
    if tail and not root and drive and drive[-1:] not in (colon, bsl, fwd):
        return drive + bsl + tail           # UNC share then relative part
    return drive + root + tail


def split(p):
    """Split into (head, tail) at the last separator."""
    p = os.fspath(p)
    bsl, fwd, _, _, _ = _consts(p)
    drive, root, rest = splitroot(p)
    i = len(rest)
    while i and rest[i - 1:i] not in (bsl, fwd):
        i -= 1
    head, tail = rest[:i], rest[i:]
    return drive + root + head.rstrip(bsl + fwd), tail


def splitext(p):
    """Split off the extension of the last component (leading dots of the
    name do not count)."""
    p = os.fspath(p)
    bsl, fwd, _, dot, _ = _consts(p)
    last_sep = max(p.rfind(bsl), p.rfind(fwd))
    last_dot = p.rfind(dot)
    if last_dot > last_sep:
        i = last_sep + 1
        while i < last_dot:
            if p[i:i + 1] != dot:
                return p[:last_dot], p[last_dot:]
            i += 1
    return p, p[:0]


def basename(p):
    """The final component."""
    return split(p)[1]


def dirname(p):
    """Everything before the final component."""
    return split(p)[0]


def normpath(path):
    """Collapse separators and '.'/'..' components, using backslashes."""
    path = os.fspath(path)
    bsl, fwd, _, dot, empty = _consts(path)
    dotdot = dot + dot
    drive, root, rest = splitroot(path)
    drive = drive.replace(fwd, bsl)
    root = root.replace(fwd, bsl)
    parts = []
    for comp in rest.replace(fwd, bsl).split(bsl):
        if not comp or comp == dot:
            continue
        if comp == dotdot:
            if parts and parts[-1] != dotdot:
                parts.pop()
                continue
            if root:
                continue
        parts.append(comp)
    if not drive and not root and not parts:
        return dot
    return drive + root + bsl.join(parts)


_reserved_names = frozenset(
    {'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'}
    | {'COM%s' % c for c in '123456789\xb9\xb2\xb3'}
    | {'LPT%s' % c for c in '123456789\xb9\xb2\xb3'})


_reserved_chars = frozenset({chr(i) for i in range(32)} | set('"*:<>?|/\\'))


def _reserved_part(name):
    # Trailing dots and spaces are dropped by Windows; ':' names a stream,
    # the other characters are wildcards, separators or control codes.
    if name[-1:] in ('.', ' '):
        return name not in ('.', '..')
    if _reserved_chars.intersection(name):
        return True
    stem = name.partition('.')[0].rstrip(' ')
    return stem.upper() in _reserved_names


def isreserved(path):
    """Whether the path names a device or holds a character Windows
    reserves."""
    path = os.fsdecode(splitroot(path)[2]).replace('/', '\\')
    return any(_reserved_part(name) for name in reversed(path.split('\\')))
