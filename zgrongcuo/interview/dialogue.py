"""How the interview talks: write a line, read a line. The interview itself knows no terminal."""

from __future__ import annotations

import re
from typing import Protocol, TextIO

# The longest line read as one reply, in characters. A terminal in line mode takes at most 4095 bytes
# a line anyway (some 1,300 Chinese characters); the bound is for input that is not typed, such as
# `ask < /dev/zero`, which would otherwise be read into memory without end.
LINE_LIMIT = 4096
SHOWN_LIMIT = 200  # characters of an over-long line echoed back

# Control characters (terminal escapes among them) and bidirectional overrides are echoed as escapes.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escaped(line: str) -> str:
    """``line`` as it may be shown in a terminal: control characters as ``\\x1b``-style escapes."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) <= 0xFF else f"\\u{ord(m.group()):04x}", line)


class LineTooLong(Exception):
    """A line longer than ``LINE_LIMIT``. From a terminal the rest of it has been read and dropped."""


class Dialogue(Protocol):
    # True when a person reads the prompts as they come (a terminal): only then may the
    # interview ask anything but its questions, since piped answers cannot see a prompt.
    interactive: bool

    def say(self, line: str) -> None: ...
    def ask(self, prompt: str) -> str: ...


class StreamDialogue:
    """A dialogue over text streams: prompts and messages to ``out``, answers from ``inp``.

    When the answers do not come from a terminal they are echoed, escaped, so
    that a transcript reads as the conversation it was.
    """

    def __init__(
        self, inp: TextIO, out: TextIO, *, interactive: bool | None = None, limit: int = LINE_LIMIT
    ) -> None:
        self.inp, self.out, self.limit = inp, out, limit
        if interactive is None:
            isatty = getattr(inp, "isatty", None)
            interactive = bool(isatty and isatty())
        self.interactive = interactive
        self.echo = not interactive
        self.reading = False  # waiting for a line: the moment an interruption may break in
        self.interrupted = False  # an interruption came while not waiting: it stops the next prompt

    def interrupt(self) -> None:
        """Stop the interview as Ctrl-C does (for a signal handler): now if it waits for a line, else at the next.

        Outside the wait the interview is thinking or saving, and an exception
        there could leave the answers unwritten.
        """
        if self.reading:
            raise KeyboardInterrupt
        self.interrupted = True

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str:
        """The next line, without its end; ``EOFError`` at the end of input, ``LineTooLong`` past the limit."""
        self.out.write(prompt)
        self.out.flush()
        self.reading = True
        try:
            if self.interrupted:
                raise KeyboardInterrupt
            line = self.inp.readline(self.limit + 1)
        except OSError:  # EIO: the terminal is gone (its window was closed), which ends the input
            raise EOFError from None
        finally:
            self.reading = False
        if not line:
            if self.echo:
                self.out.write("\n")
            raise EOFError
        if len(line) > self.limit and not line.endswith("\n"):
            if self.echo:
                self.out.write(escaped(line[:SHOWN_LIMIT]) + "…\n")
            if self.interactive:  # a typed line ends: drop the rest of it, a bounded piece at a time
                while (rest := self.inp.readline(self.limit)) and not rest.endswith("\n"):
                    pass
            raise LineTooLong
        line = line.rstrip("\r\n")
        if self.echo:
            self.out.write(escaped(line) + "\n")
            self.out.flush()
        return line
