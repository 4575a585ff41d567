"""How the interview talks: write a line, read a line. The interview itself knows no terminal."""

from __future__ import annotations

from typing import Protocol, TextIO


class Dialogue(Protocol):
    def say(self, line: str) -> None: ...
    def ask(self, prompt: str) -> str: ...


class StreamDialogue:
    """A dialogue over text streams: prompts and messages to ``out``, answers from ``inp``.

    When the answers do not come from a terminal they are echoed, so that a
    transcript reads as the conversation it was.
    """

    def __init__(self, inp: TextIO, out: TextIO, *, echo: bool | None = None) -> None:
        self.inp, self.out = inp, out
        if echo is None:
            isatty = getattr(inp, "isatty", None)
            echo = not (isatty and isatty())
        self.echo = echo

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            if self.echo:
                self.out.write("\n")
            raise EOFError
        line = line.rstrip("\r\n")
        if self.echo:
            self.out.write(line + "\n")
            self.out.flush()
        return line
