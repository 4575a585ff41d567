"""Determinations as JSON for scripts: one object (or an array) with ``json``, one line each with ``jsonl``.

With several cases or several measures there is one determination per case
and measure, cases outermost, measures in the order given.
"""

from __future__ import annotations

import io
import sys
from typing import IO, Any

from zgrongcuo.errors import ZgError
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.fields import LineEncoder, determination_json, dumps, error_json
from zgrongcuo.text.escape import utf8


class JsonRenderer(Renderer):
    """One object for a single case, else a JSON array, written as cases come."""

    parallel = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        self.out: IO[str] = out if out is not None else sys.stdout
        self.explains = options.explain
        self.count = 0
        # An array: several cases, or one case under several measures (known only when it was read, when the
        # case file names its own measures).
        self.array: bool | None = True if options.several else None

    def prepare(self, ds: tuple[Determination, ...]) -> tuple[str, ...]:
        return tuple(dumps(determination_json(d, self.lang, explain=self.explains), indent=2) for d in ds)

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        if self.array is None:
            self.array = len(payload) > 1
        for item in payload:
            if self.array:
                item = ("[\n" if self.count == 0 else ",\n") + "\n".join("  " + line for line in item.splitlines())
            self.out.write(item)
            self.count += 1

    def failure(self, file: str, error: ZgError) -> None:
        self.emit((dumps(error_json(file, error, self.lang), indent=2),))

    def close(self) -> None:
        if self.array:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.count:
            self.out.write("\n")


class JsonlRenderer(Renderer):
    """One compact JSON object per line, flushed as each case is done.

    Lines travel as UTF-8 bytes: encoded once where they are made (in a worker
    with --jobs) and written to the byte stream beneath standard output as they are.
    """

    parallel = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        self.out: IO[str] = out if out is not None else sys.stdout
        self.explains = options.explain
        self.encoder = LineEncoder(self.lang)
        self.buffer: IO[bytes] | None = getattr(self.out, "buffer", None)
        if self.buffer is not None and isinstance(self.out, io.TextIOWrapper):
            # Text written to the same stream later (a batch's summary) then reaches the byte stream in
            # order, so the lines need no flush each: they are written in blocks.
            self.out.reconfigure(write_through=True)

    def prepare(self, ds: tuple[Determination, ...]) -> bytes:
        if self.explains:
            return utf8("".join(dumps(determination_json(d, self.lang, explain=True)) + "\n" for d in ds))
        if len(ds) == 1:
            return self.encoder.line(ds[0])
        return b"".join([self.encoder.line(d) for d in ds])

    def emit(self, payload: object) -> None:
        assert isinstance(payload, (bytes, memoryview))
        if self.buffer is None:
            self.out.write(bytes(payload).decode())
        else:
            self.buffer.write(payload)

    def failure(self, file: str, error: ZgError) -> None:
        self.emit(utf8(dumps(error_json(file, error, self.lang)) + "\n"))

    def close(self) -> None:
        if self.buffer is not None:
            self.buffer.flush()
