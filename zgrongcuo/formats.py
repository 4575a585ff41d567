"""Output formats, each mapped to its renderer (imported only when chosen)."""

from __future__ import annotations

import enum
from typing import Protocol, TextIO

from zgrongcuo.engine import Determination
from zgrongcuo.errors import ZgError


class Renderer(Protocol):
    def determination(self, d: Determination) -> None: ...
    def failure(self, file: str, error: ZgError) -> None: ...
    def close(self) -> None: ...


class OutputFormat(str, enum.Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"

    def renderer(self, out: TextIO, lang: str, *, batch: bool) -> Renderer:
        """The renderer for this format, writing to ``out``."""
        if self is OutputFormat.text:
            from zgrongcuo.render_text import TextRenderer, make_console

            return TextRenderer(make_console(out), lang, batch=batch)
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
