"""The process around a command: its standard streams, its signals, the terminal width it is told.

Set up once by the console script, before any command runs (docs/security.md):

- Standard output and error are written through descriptors of our own. Files
  and pipes get UTF-8 (but PowerShell's completion, which reads the console's
  code page); a terminal gets its own encoding, with plain stand-ins
  for symbols it lacks (✓ √ v, ✗ × x …) and escapes for anything else, so an
  encoding never causes an error. A character that is not text at all (a lone
  surrogate: an undecodable byte of a file name) is written as its escape,
  ``\\udcff``, which in JSON is the escape of that very character.
- When the reader of standard output goes away (``| head``), the rest of the
  output is dropped and the command runs to its end: its exit code is the one
  its results give, in every format. Any other failure to write standard
  output (a full disk, a closed descriptor) is an error, exit 2. Standard error
  failing never changes the exit code.
- A stream closed when the tool started is taken as such: reading standard
  input finds it closed, writing standard output fails as above. Its
  descriptor is held by /dev/null, so that no file opened later takes it.
- SIGTERM ends the command like Ctrl-C does, with exit 143 (Ctrl-C: 130).
- COLUMNS is clamped to 40–1000.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import Any

from zgrongcuo.errors import OutputError

MIN_COLUMNS, MAX_COLUMNS = 40, 1000  # 0 would print nothing, a million megabytes


class Terminated(KeyboardInterrupt):
    """SIGTERM: an interruption like Ctrl-C, which ends with its own exit code."""


_state = {"terminated": False}


def terminated() -> bool:
    """Whether SIGTERM was received."""
    return _state["terminated"]


def mark_terminated() -> None:
    """Record that SIGTERM was received, where a command handles the signal itself (the interview keeps a draft)."""
    _state["terminated"] = True


def prepare() -> None:
    """Everything the console script sets up before a command runs."""
    _clamp_columns()
    _take_streams()
    try:  # the C module itself: `signal` builds its enums when imported, a millisecond on every run
        import _signal as signals  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - another Python
        import signal as signals
    if hasattr(signals, "SIGTERM"):
        signals.signal(signals.SIGTERM, _on_sigterm)


def _on_sigterm(signum: int, frame: Any) -> None:
    _state["terminated"] = True
    raise Terminated


def _clamp_columns() -> None:
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit():  # Rich and Click read it; anything else they ignore
        width = int(columns) if len(columns) <= 6 else MAX_COLUMNS
        os.environ["COLUMNS"] = str(min(max(width, MIN_COLUMNS), MAX_COLUMNS))


# ------------------------------------------------------------------ streams


PIPE_BLOCK = 1 << 16


def _take_streams() -> None:
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:  # closed when we started: /dev/null holds the number
            _hold(fd)
    if sys.stdin is None:
        sys.stdin = _ClosedInput()
    for name, fd, quiet in (("stdout", 1, False), ("stderr", 2, True)):
        stream = getattr(sys, name)
        raw = _Output(fd, quiet=quiet, closed=stream is None)
        tty = raw.isatty()
        encoding = (getattr(stream, "encoding", None) or "utf-8") if tty else _pipe_encoding(name)
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = "utf-8"
        errors = "backslashreplace" if codecs.lookup(encoding).name == "utf-8" else "zgrongcuo.plain"
        # Into a pipe or file, output goes in blocks as large as a pipe holds: one JSONL line is some 10 KB.
        buffered = io.BufferedWriter(raw, buffer_size=io.DEFAULT_BUFFER_SIZE if tty or quiet else PIPE_BLOCK)
        setattr(sys, name, io.TextIOWrapper(buffered, encoding=encoding, errors=errors, line_buffering=tty or quiet))


def _pipe_encoding(name: str) -> str:
    """UTF-8, but for PowerShell's completion: it reads what a command prints in the console's code page."""
    if name == "stdout" and os.name == "nt" and os.environ.get("_ZGRONGCUO_COMPLETE") == "complete_powershell":
        try:
            import ctypes

            page = ctypes.windll.kernel32.GetConsoleOutputCP()  # type: ignore[attr-defined]
        except (ImportError, AttributeError, OSError):
            page = 0
        if page:
            return f"cp{page}"
    return "utf-8"


def _hold(fd: int) -> None:
    held = os.open(os.devnull, os.O_RDWR)
    if held != fd:
        os.dup2(held, fd)
        os.close(held)


class _Output(io.RawIOBase):
    """Standard output or error at the descriptor: a reader gone away is not an error, a full disk is."""

    def __init__(self, fd: int, *, quiet: bool, closed: bool) -> None:
        super().__init__()
        self._fd = fd
        self.quiet = quiet  # standard error: a failure is dropped, never reported
        self.closed_at_start = closed
        self.gone = False  # nothing more is written

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return not self.closed_at_start and os.isatty(self._fd)

    def write(self, data: Any) -> int:
        size = len(data)
        if self.gone:
            return size
        if self.closed_at_start:
            return self._fail(None, size)
        while True:
            try:
                return os.write(self._fd, data)
            except BlockingIOError:  # a descriptor left non-blocking by whoever started us
                import select

                select.select([], [self._fd], [])
            except BrokenPipeError:
                self.gone = True  # the reader went away: the rest is dropped, the command runs on
                return size
            except OSError as exc:
                return self._fail(exc.strerror or str(exc), size)

    def _fail(self, detail: str | None, size: int) -> int:
        self.gone = True  # said once; what is still buffered is dropped
        if self.quiet:
            return size
        if detail is None:
            raise OutputError("stdout_closed", file="-")
        raise OutputError("output_error", file="-", detail=detail)


class _ClosedInput(io.TextIOBase):
    """Standard input that was closed when the tool started: it reads as ended."""

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> str:
        return ""

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return ""

    def isatty(self) -> bool:
        return False


# Plain stand-ins for the symbols the tool itself prints, for a terminal whose encoding lacks them.
_PLAIN = {
    "✓": ("√", "v"), "✗": ("×", "x"), "•": ("·", "*"), "█": ("#",), "…": ("...",), "–": ("-",), "—": ("-",),
    "“": ('"',), "”": ('"',), "‘": ("'",), "’": ("'",), "→": ("->",), "│": ("|",), "─": ("-",),
}  # fmt: skip


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start : error.end]:
        for candidate in _PLAIN.get(ch, ()):
            try:
                candidate.encode(error.encoding)
            except UnicodeEncodeError:
                continue
            out.append(candidate)
            break
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(out), error.end


codecs.register_error("zgrongcuo.plain", _plain)
