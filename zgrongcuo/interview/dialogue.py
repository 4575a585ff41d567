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
    that a transcript reads as the conversation it was.  When they are typed
    at a terminal the line can be edited, where the platform has readline
    (arrow keys, history, input methods that send editing keys), and what is
    said is laid out to the terminal's width by the tool's own line rules
    (the terminal would break a file name or put a "。" alone on a line).
    """

    def __init__(
        self,
        inp: TextIO,
        out: TextIO,
        *,
        interactive: bool | None = None,
        limit: int = LINE_LIMIT,
    ) -> None:
        self.inp, self.out, self.limit = inp, out, limit
        if interactive is None:
            isatty = getattr(inp, "isatty", None)
            interactive = bool(isatty and isatty())
        self.interactive = interactive
        self.echo = not interactive
        self.terminal = interactive and _is_terminal(out)  # where lines are laid out to a width
        self.editing = self.terminal and line_editing(inp)
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
        if self.terminal:
            line = laid_out(line, _width(self.out))
        self.out.write(line + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str:
        """The next line, without its end; ``EOFError`` at the end of input, ``LineTooLong`` past the limit."""
        if self.editing:
            return self._edited(prompt)
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

    def _edited(self, prompt: str) -> str:
        """A line typed with readline's editing: its prompt on the terminal ``out`` is, whatever standard output is.

        Python's ``input`` edits a line only with both standard streams on a
        terminal, and writes the prompt to standard output, which may be a
        file (``ask > result.txt``): for the length of the line, descriptor 1
        is the terminal the dialogue talks on, and standard output is that
        terminal's encoding.  Nothing else writes meanwhile.
        """
        import os
        import sys

        sys.stdout.flush()
        self.out.flush()
        saved_fd, saved_stdout = os.dup(1), sys.stdout
        self.reading = True
        try:
            os.dup2(self.out.fileno(), 1)
            sys.stdout = _Prompting(self.out)
            if self.interrupted:
                raise KeyboardInterrupt
            line = input(prompt)
        except OSError:  # EIO: the terminal is gone
            raise EOFError from None
        finally:
            self.reading = False
            sys.stdout = saved_stdout
            os.dup2(saved_fd, 1)
            os.close(saved_fd)
        if len(line) > self.limit:
            raise LineTooLong
        return line


class _Prompting:
    """Standard output while a line is edited: descriptor 1, in the encoding of the terminal it now is."""

    def __init__(self, terminal: TextIO) -> None:
        self.encoding = getattr(terminal, "encoding", None) or "utf-8"
        self.errors = getattr(terminal, "errors", None) or "strict"

    def fileno(self) -> int:
        return 1

    def flush(self) -> None:
        pass

    def write(self, text: str) -> int:  # pragma: no cover - input() writes through descriptor 1 itself
        return len(text)


def line_editing(inp: TextIO) -> bool:
    """Whether lines typed at ``inp`` can be edited with readline: standard input, a terminal, readline there."""
    import os
    import sys

    if os.name != "posix" or inp is not sys.stdin:
        return False
    try:
        if inp.fileno() != 0 or not os.isatty(0):
            return False
        import readline
    except (ImportError, OSError, ValueError, AttributeError):
        return False
    # Tab is a character, not a request to complete a file name: answers are not paths.
    readline.set_completer(lambda text, state: None)
    return True


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _width(out: TextIO) -> int:
    import os

    try:
        return os.get_terminal_size(out.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 80


_MARKER = re.compile(r"(\[\d+/[^\]]*\] |\d+\. |· |• |[^\s：:]{1,8}[：:])")


def laid_out(message: str, width: int) -> str:
    """``message`` laid out in ``width`` columns: each line wrapped by the Chinese line rules, under its own start.

    A line that begins with a number (``1. ``, ``[3/约12] ``), a bullet or a
    short label (``原文：``) continues under the text after it.
    """
    from zgrongcuo.text.layout import columns, wrap

    room = max(width - 1, 20)  # a line of exactly the width would wrap by itself in some terminals
    out = []
    for line in message.split("\n"):
        if columns(line) <= room:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        marker = _MARKER.match(body)
        hang = indent + (columns(marker.group()) if marker and columns(marker.group()) <= room // 3 else 0)
        first, *rest = wrap(body, room - hang)
        out.append(" " * indent + first)
        out.extend(" " * hang + part for part in rest)
    return "\n".join(out)
