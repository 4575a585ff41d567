"""Output formats, each mapped to its renderer (imported only when chosen)."""

from __future__ import annotations

import enum
import sys
from typing import Protocol, TextIO

from zgrongcuo.engine import Determination
from zgrongcuo.errors import ZgError


class Renderer(Protocol):
    """Writes determinations as they come, and whatever a batch ends with.

    A renderer that can be used with --jobs also has ``prepare(d) -> payload``
    (run in a worker; the payload must pickle) and ``emit(payload)`` (run in
    order in the main process); ``determination(d)`` is then ``emit(prepare(d))``.
    """

    def determination(self, d: Determination) -> None: ...
    def failure(self, file: str, error: ZgError) -> None: ...
    def close(self) -> None: ...


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"

    def renderer(self, out: TextIO | None, lang: str, *, batch: bool, **options: object) -> Renderer:
        """The renderer for this format, writing to ``out`` (None: standard output)."""
        if self is OutputFormat.text:
            from zgrongcuo.render_text import TextRenderer, make_console

            return TextRenderer(make_console(out, **options), lang, batch=batch)
        out = out if out is not None else sys.stdout
        if self is OutputFormat.json:
            from zgrongcuo.render_json import JsonRenderer

            return JsonRenderer(out, lang, array=batch)
        if self is OutputFormat.jsonl:
            from zgrongcuo.render_json import JsonlRenderer

            return JsonlRenderer(out, lang)
        if self is OutputFormat.csv:
            from zgrongcuo.render_csv import CsvRenderer

            return CsvRenderer(out, lang)
        raise AssertionError(f"no renderer for {self}")  # pragma: no cover - the test covers every member


class ShowFormat(str, enum.Enum):
    """Formats of `criteria show`."""

    text = "text"
    markdown = "markdown"


class ReportFormat(str, enum.Enum):
    """Formats of the `criteria test` and `diff` reports."""

    text = "text"
    json = "json"
