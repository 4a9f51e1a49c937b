"""High-level file operations: copying files and trees, removing trees,
moving, finding programs on PATH, the terminal size.

The archive functions (make_archive, unpack_archive) are not provided.
Metadata the native layer cannot set (permission bits without os.chmod,
owners without os.chown) is left as it is.
"""

import os
import sys
import fnmatch
import stat

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "ignore_patterns", "chown", "which",
           "get_terminal_size", "SameFileError"]

COPY_BUFSIZE = 64 * 1024
_WINDOWS = False
_USE_CP_SENDFILE = False
_HAS_FCOPYFILE = False


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which is
    not supported on a special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving
    and unpacking registries fails"""


# ---------------------------------------------------------------- files

def copyfileobj(fsrc, fdst, length=0):
    """Copy everything from file object fsrc to file object fdst."""
    if not length:
        length = COPY_BUFSIZE
    read = fsrc.read
    write = fdst.write
    while True:
        buf = read(length)
        if not buf:
            break
        write(buf)


def _samefile(src, dst):
    if isinstance(src, os.DirEntry):
        try:
            return os.path.samestat(src.stat(), os.stat(dst))
        except OSError:
            return False
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def _stat(fn):
    return fn.stat() if isinstance(fn, os.DirEntry) else os.stat(fn)


def _islink(fn):
    if isinstance(fn, os.DirEntry):
        return fn.is_symlink()
    return os.path.islink(fn)


def _fspath_of(fn):
    return fn.path if isinstance(fn, os.DirEntry) else fn


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents of src to dst (created or truncated); returns dst.
    With follow_symlinks false, a symlink is copied as a new symlink."""
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for fn in (src, dst):
        try:
            st = _stat(fn)
        except OSError:
            continue        # most likely missing; open() will tell
        if stat.S_ISFIFO(st.st_mode):
            raise SpecialFileError("`%s` is a named pipe" % _fspath_of(fn))
    if not follow_symlinks and _islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, 'rb') as fsrc:
        try:
            with open(dst, 'wb') as fdst:
                copyfileobj(fsrc, fdst)
        except IsADirectoryError as e:
            # 'dst/' naming a missing directory: say so plainly.
            if not os.path.exists(dst):
                raise FileNotFoundError(
                    'Directory does not exist: ' + str(dst)) from e
            raise
    return dst


def _chmod(path, mode, follow_symlinks=True):
    # Permission bits can only be set where the os module can set them.
    chmod = getattr(os, 'chmod', None)
    if chmod is not None:
        chmod(path, mode, follow_symlinks=follow_symlinks)


def copymode(src, dst, *, follow_symlinks=True):
    """Copy the permission bits of src to dst."""
    if not follow_symlinks and _islink(src) and os.path.islink(dst):
        if not hasattr(os, 'lchmod'):
            return
        os.lchmod(dst, stat.S_IMODE(os.lstat(src).st_mode))
        return
    st = _stat(src)
    _chmod(dst, stat.S_IMODE(st.st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Copy the permission bits and the access and modification times of
    src to dst."""
    follow = follow_symlinks or not (_islink(src) and os.path.islink(dst))
    if isinstance(src, os.DirEntry):
        st = src.stat(follow_symlinks=follow)
    elif follow:
        st = os.stat(src)
    else:
        st = os.lstat(src)
    if follow:
        os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
        _chmod(dst, stat.S_IMODE(st.st_mode))


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and permission bits ("cp src dst"); dst may be a
    directory.  Returns the file's destination."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """Like copy(), but also copies the times (see copystat())."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


# ---------------------------------------------------------------- trees

def ignore_patterns(*patterns):
    """An `ignore` callable for copytree() skipping names that match any
    of the glob-style patterns."""
    def _ignore_patterns(path, names):
        ignored = []
        for pattern in patterns:
            ignored.extend(fnmatch.filter(names, pattern))
        return set(ignored)
    return _ignore_patterns


def _copytree(entries, src, dst, symlinks, ignore, copy_function,
              ignore_dangling_symlinks, dirs_exist_ok=False):
    if ignore is not None:
        ignored_names = ignore(os.fspath(src), [x.name for x in entries])
    else:
        ignored_names = ()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    use_srcentry = copy_function is copy2 or copy_function is copy
    for entry in entries:
        if entry.name in ignored_names:
            continue
        srcname = os.path.join(src, entry.name)
        dstname = os.path.join(dst, entry.name)
        srcobj = entry if use_srcentry else srcname
        try:
            if entry.is_symlink():
                linkto = os.readlink(srcname)
                if symlinks:
                    os.symlink(linkto, dstname)
                    copystat(srcobj, dstname, follow_symlinks=not symlinks)
                    continue
                if not os.path.exists(linkto) and ignore_dangling_symlinks:
                    continue
            if entry.is_dir():
                copytree(srcobj, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcobj, dstname)
        except Error as err:
            # A subtree's failures join this level's list.
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copy the directory tree at src to dst (which must not exist unless
    dirs_exist_ok); returns dst.  Failures are collected and raised at the
    end as one Error holding (src, dst, reason) triples."""
    with os.scandir(src) as itr:
        entries = list(itr)
    return _copytree(entries=entries, src=src, dst=dst, symlinks=symlinks,
                     ignore=ignore, copy_function=copy_function,
                     ignore_dangling_symlinks=ignore_dangling_symlinks,
                     dirs_exist_ok=dirs_exist_ok)


def _rmtree_step(stack, onexc):
    # One unit of work: remove a directory whose contents are gone, or
    # look into one, unlinking its files and queueing its subdirectories
    # (they come off the stack before the directory's own rmdir).
    func, path, entry = stack.pop()
    try:
        if func is os.rmdir:
            os.rmdir(path)
            return
        if entry is None:
            st = os.lstat(path)
        else:
            st = entry.stat(follow_symlinks=False)
        func = os.path.islink
        if stat.S_ISLNK(st.st_mode):
            raise OSError("Cannot call rmtree on a symbolic link")
        # Queued first, so even a failed listing ends in an rmdir attempt.
        stack.append((os.rmdir, path, entry))
        func = os.scandir
        with os.scandir(path) as it:
            entries = list(it)
        for child in entries:
            fullname = os.path.join(path, child.name)
            try:
                if child.is_dir(follow_symlinks=False):
                    stack.append((os.lstat, fullname, child))
                    continue
            except FileNotFoundError:
                continue
            except OSError:
                pass
            try:
                os.unlink(fullname)
            except FileNotFoundError:
                continue
            except OSError as err:
                onexc(os.unlink, fullname, err)
    except FileNotFoundError as err:
        # Something vanishing below the top is what we wanted anyway.
        if entry is None:
            err.filename = path
            onexc(func, path, err)
    except OSError as err:
        err.filename = path
        onexc(func, path, err)


def rmtree(path, ignore_errors=False, onerror=None, *, onexc=None,
           dir_fd=None):
    """Delete a directory tree.

    Errors are ignored with ignore_errors; otherwise onexc(func, path, exc)
    (or the deprecated onerror(func, path, exc_info)) is called for each,
    and without either the error is raised."""
    if ignore_errors:
        def onexc(*args):
            pass
    elif onexc is None:
        if onerror is None:
            def onexc(*args):
                raise
        else:
            def onexc(*args):
                func, path, exc = args
                if exc is None:
                    exc_info = None, None, None
                else:
                    exc_info = type(exc), exc, exc.__traceback__
                return onerror(func, path, exc_info)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if dir_fd is not None:
        # No *at() calls natively: reach the directory through /proc.
        base = os.readlink('/proc/self/fd/' + str(dir_fd))
        path = os.path.join(base, path)
    stack = [(os.lstat, path, None)]
    while stack:
        _rmtree_step(stack, onexc)


# The walk goes by path names, so a directory swapped for a symlink
# between the check and the removal is not guarded against.
rmtree.avoids_symlink_attacks = False


def _basename(path):
    # basename() ignoring a trailing slash: 'a/b/' -> 'b'.
    path = os.fspath(path)
    sep = os.path.sep + (os.path.altsep or '')
    return os.path.basename(path.rstrip(sep))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Move a file or directory tree (like "mv"); into dst if dst is a
    directory.  Renames when possible, else copies then removes the
    source.  Returns the destination."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst) and not os.path.islink(src):
            # Maybe a case-only rename on a case-insensitive file system.
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            linkto = os.readlink(src)
            os.symlink(linkto, real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself"
                            " '%s'." % (src, dst))
            copytree(src, real_dst, copy_function=copy_function,
                     symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


# ---------------------------------------------------------------- misc

if hasattr(os, 'statvfs'):
    __all__.append('disk_usage')

    def disk_usage(path):
        """(total, used, free) bytes of the file system holding path."""
        from collections import namedtuple
        usage = namedtuple('usage', 'total used free')
        st = os.statvfs(path)
        free = st.f_bavail * st.f_frsize
        total = st.f_blocks * st.f_frsize
        used = (st.f_blocks - st.f_bfree) * st.f_frsize
        return usage(total, used, free)


def _get_uid(name):
    if name is None:
        return None
    try:
        from pwd import getpwnam
    except ImportError:
        return None
    try:
        return getpwnam(name)[2]
    except KeyError:
        return None


def _get_gid(name):
    if name is None:
        return None
    try:
        from grp import getgrnam
    except ImportError:
        return None
    try:
        return getgrnam(name)[2]
    except KeyError:
        return None


def chown(path, user=None, group=None, *, dir_fd=None, follow_symlinks=True):
    """Change the owner and/or group (names or ids) of path."""
    if user is None and group is None:
        raise ValueError("user and/or group must be set")
    uid = user
    gid = group
    if user is None:
        uid = -1
    elif isinstance(user, str):
        uid = _get_uid(user)
        if uid is None:
            raise LookupError("no such user: {!r}".format(user))
    if group is None:
        gid = -1
    elif not isinstance(group, int):
        gid = _get_gid(group)
        if gid is None:
            raise LookupError("no such group: {!r}".format(group))
    os.chown(path, uid, gid, dir_fd=dir_fd, follow_symlinks=follow_symlinks)


def get_terminal_size(fallback=(80, 24)):
    """The terminal size as os.terminal_size(columns, lines): $COLUMNS
    and $LINES when set to positive numbers, else the terminal on stdout,
    else `fallback`."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _access_check(fn, mode):
    return (os.path.exists(fn) and os.access(fn, mode)
            and not os.path.isdir(fn))


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the command `cmd` found on PATH (or the given search
    path) with access `mode`, or None.  A cmd with a directory part is
    checked as it is."""
    use_bytes = isinstance(cmd, bytes)
    dirname, cmd = os.path.split(cmd)
    if dirname:
        path = [dirname]
    else:
        if path is None:
            path = os.environ.get("PATH", None)
            if path is None:
                path = os.defpath
        # PATH='' finds nothing, while PATH=':' searches the cwd.
        if not path:
            return None
        if use_bytes:
            path = os.fsencode(path).split(os.fsencode(os.pathsep))
        else:
            path = os.fsdecode(path).split(os.pathsep)
    seen = set()
    for dir in path:
        normdir = os.path.normcase(dir)
        if normdir not in seen:
            seen.add(normdir)
            name = os.path.join(dir, cmd)
            if _access_check(name, mode):
                return name
    return None
