"""A lexical analyzer for simple shell-like syntaxes (aio implementation of
CPython 3.13's shlex)."""

import sys
from collections import deque
from io import StringIO

__all__ = ["shlex", "split", "quote", "join"]

_ASCII_WORDCHARS = ('abcdfeghijklmnopqrstuvwxyz'
                    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_')
_LATIN1_WORDCHARS = ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'
                     'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')


class shlex:
    "A lexical analyzer class for simple shell-like syntaxes."

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is not None:
            self.instream = instream
            self.infile = infile
        else:
            self.instream = sys.stdin
            self.infile = None
        self.posix = posix
        self.eof = None if posix else ''
        self.commenters = '#'
        self.wordchars = _ASCII_WORDCHARS
        if posix:
            self.wordchars += _LATIN1_WORDCHARS
        self.whitespace = ' \t\r\n'
        self.whitespace_split = False
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = '"'
        self.state = ' '
        self.pushback = deque()
        self.lineno = 1
        self.debug = 0
        self.token = ''
        self.filestack = deque()
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ''
        elif punctuation_chars is True:
            punctuation_chars = '();<>|&'
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # characters read ahead while collecting a punctuation run
            self._pushback_chars = deque()
            # file names, options and globs stay whole words
            self.wordchars += '~-./*?='
            self.wordchars = ''.join([c for c in self.wordchars
                                      if c not in punctuation_chars])

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        "Push a token onto the stack popped by the get_token method"
        if self.debug >= 1:
            print("shlex: pushing token " + repr(tok))
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        "Push an input source onto the lexer's input source stack."
        if isinstance(newstream, str):
            newstream = StringIO(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1
        if self.debug:
            if newfile is not None:
                print('shlex: pushing to file %s' % (self.infile,))
            else:
                print('shlex: pushing to stream %s' % (self.instream,))

    def pop_source(self):
        "Pop the input source stack."
        self.instream.close()
        (self.infile, self.instream, self.lineno) = self.filestack.popleft()
        if self.debug:
            print('shlex: popping to %s, line %d'
                  % (self.instream, self.lineno))
        self.state = ' '

    def get_token(self):
        "Get a token from the input stream (or from stack if it's nonempty)"
        if self.pushback:
            tok = self.pushback.popleft()
            if self.debug >= 1:
                print("shlex: popping token " + repr(tok))
            return tok
        raw = self.read_token()
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    newfile, newstream = spec
                    self.push_source(newstream, newfile)
                raw = self.get_token()
        # the end of an included source resumes the one that included it
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        if self.debug >= 1:
            if raw != self.eof:
                print("shlex: token=" + repr(raw))
            else:
                print("shlex: token=EOF")
        return raw

    def _next_char(self):
        if self.punctuation_chars and self._pushback_chars:
            return self._pushback_chars.pop()
        return self.instream.read(1)

    def read_token(self):
        quoted = False
        escapedstate = ' '
        while True:
            nextchar = self._next_char()
            if nextchar == '\n':
                self.lineno += 1
            if self.debug >= 3:
                print("shlex: in state %r I see character: %r"
                      % (self.state, nextchar))
            state = self.state
            if state is None:
                self.token = ''        # past the end of the input
                break
            if state == ' ':
                outcome = self._in_blank(nextchar, quoted)
                if outcome == 'break':
                    break
                if outcome == 'escape':
                    escapedstate = 'a'
            elif state in self.quotes:
                quoted = True
                if not nextchar:
                    if self.debug >= 2:
                        print("shlex: I see EOF in quotes state")
                    raise ValueError("No closing quotation")
                if nextchar == state:
                    if not self.posix:
                        self.token += nextchar
                        self.state = ' '
                        break
                    self.state = 'a'
                elif (self.posix and nextchar in self.escape
                      and state in self.escapedquotes):
                    escapedstate = state
                    self.state = nextchar
                else:
                    self.token += nextchar
            elif state in self.escape:
                if not nextchar:
                    if self.debug >= 2:
                        print("shlex: I see EOF in escape state")
                    raise ValueError("No escaped character")
                # inside quotes only the quote and the escape itself are
                # escapable; otherwise the backslash stays
                if (escapedstate in self.quotes and nextchar != state
                        and nextchar != escapedstate):
                    self.token += state
                self.token += nextchar
                self.state = escapedstate
            elif state in ('a', 'c'):
                outcome = self._in_word(nextchar, quoted)
                if outcome == 'break':
                    break
                if outcome == 'escape':
                    escapedstate = 'a'
        result = self.token
        self.token = ''
        if self.posix and not quoted and result == '':
            result = None
        if self.debug > 1:
            if result:
                print("shlex: raw token=" + repr(result))
            else:
                print("shlex: raw token=EOF")
        return result

    def _in_blank(self, nextchar, quoted):
        # between tokens; returns 'break' to emit, 'escape' after a
        # backslash, None to read on
        if not nextchar:
            self.state = None
            return 'break'
        if nextchar in self.whitespace:
            if self.debug >= 2:
                print("shlex: I see whitespace in whitespace state")
            if self.token or (self.posix and quoted):
                return 'break'
            return None
        if nextchar in self.commenters:
            self.instream.readline()
            self.lineno += 1
        elif self.posix and nextchar in self.escape:
            self.state = nextchar
            return 'escape'
        elif nextchar in self.wordchars:
            self.token = nextchar
            self.state = 'a'
        elif nextchar in self.punctuation_chars:
            self.token = nextchar
            self.state = 'c'
        elif nextchar in self.quotes:
            if not self.posix:
                self.token = nextchar
            self.state = nextchar
        elif self.whitespace_split:
            self.token = nextchar
            self.state = 'a'
        else:
            # a lone punctuation character is a token of its own
            self.token = nextchar
            if self.token or (self.posix and quoted):
                return 'break'
        return None

    def _in_word(self, nextchar, quoted):
        # inside a word ('a') or a punctuation run ('c')
        if not nextchar:
            self.state = None
            return 'break'
        if nextchar in self.whitespace:
            if self.debug >= 2:
                print("shlex: I see whitespace in word state")
            self.state = ' '
            if self.token or (self.posix and quoted):
                return 'break'
            return None
        if nextchar in self.commenters:
            self.instream.readline()
            self.lineno += 1
            if self.posix:
                self.state = ' '
                if self.token or (self.posix and quoted):
                    return 'break'
            return None
        if self.state == 'c':
            if nextchar in self.punctuation_chars:
                self.token += nextchar
                return None
            if nextchar not in self.whitespace:
                self._pushback_chars.append(nextchar)
            self.state = ' '
            return 'break'
        if self.posix and nextchar in self.quotes:
            self.state = nextchar
        elif self.posix and nextchar in self.escape:
            self.state = nextchar
            return 'escape'
        elif (nextchar in self.wordchars or nextchar in self.quotes
              or (self.whitespace_split
                  and nextchar not in self.punctuation_chars)):
            self.token += nextchar
        else:
            if self.punctuation_chars:
                self._pushback_chars.append(nextchar)
            else:
                self.pushback.appendleft(nextchar)
            if self.debug >= 2:
                print("shlex: I see punctuation in word state")
            self.state = ' '
            if self.token or (self.posix and quoted):
                return 'break'
        return None

    def sourcehook(self, newfile):
        "Hook called on a filename to be sourced."
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        # relative names are relative to the including file, like cpp
        if isinstance(self.infile, str) and not newfile.startswith('/'):
            # os.path.join(os.path.dirname(self.infile), newfile)
            head = self.infile[:self.infile.rfind('/') + 1]
            if head:
                head = head.rstrip('/') or head
                if not head.endswith('/'):
                    head += '/'
                newfile = head + newfile
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        "Emit a C-compiler-like, Emacs-friendly error-message leader."
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return "\"%s\", line %d: " % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        raise ValueError("s argument must not be None")
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ''
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return ' '.join(quote(arg) for arg in split_command)


# characters that never need quoting: the ASCII class [\w@%+=:,./-]
_SAFE = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                  '0123456789_@%+=:,./-')


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if not isinstance(s, str):
        if isinstance(s, bytes):
            raise TypeError('cannot use a string pattern on a bytes-like '
                            'object')
        raise TypeError("expected string or bytes-like object, got '%s'"
                        % type(s).__name__)
    for ch in s:
        if ch not in _SAFE:
            break
    else:
        return s
    # single-quote it; each ' becomes '"'"' (close, quoted quote, reopen)
    return "'" + s.replace("'", "'\"'\"'") + "'"


def _print_tokens(lexer):
    while tt := lexer.get_token():
        print("Token: " + repr(tt))
