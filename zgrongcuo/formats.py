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
    markdown = "markdown"
    html = "html"
    docx = "docx"

    def renderer(self, out: TextIO | None, lang: str, *, batch: bool, explain: bool = False) -> Renderer:
        """The renderer for this format, writing to ``out`` (None: standard output).

        ``explain`` adds what would change the outcome to JSON; the formats
        for people always show it.
        """
        if self is OutputFormat.text:
            from zgrongcuo.render_text import TextRenderer, make_console

            return TextRenderer(make_console(out), lang, batch=batch)
        out = out if out is not None else sys.stdout
        if self is OutputFormat.json:
            from zgrongcuo.render_json import JsonRenderer

            return JsonRenderer(out, lang, array=batch, explain=explain)
        if self is OutputFormat.jsonl:
            from zgrongcuo.render_json import JsonlRenderer

            return JsonlRenderer(out, lang, explain=explain)
        if self is OutputFormat.csv:
            from zgrongcuo.render_csv import CsvRenderer

            return CsvRenderer(out, lang)
        if self is OutputFormat.markdown:
            from zgrongcuo.render_markdown import MarkdownRenderer

            return MarkdownRenderer(out, lang, batch=batch)
        if self is OutputFormat.html:
            from zgrongcuo.render_html import HtmlRenderer

            return HtmlRenderer(out, lang, batch=batch)
        if self is OutputFormat.docx:
            from zgrongcuo.render_docx import DocxRenderer

            return DocxRenderer(out, lang, batch=batch)
        raise AssertionError(f"no renderer for {self}")  # pragma: no cover - the test covers every member

    @property
    def is_report(self) -> bool:
        """A document format: one file per case with ``-o FOLDER``, and a summary file."""
        return self in (OutputFormat.markdown, OutputFormat.html, OutputFormat.docx)

    def document_module(self):
        """The module that makes whole documents (``SUFFIX``, ``document``, ``summary_document``)."""
        if self is OutputFormat.markdown:
            from zgrongcuo import render_markdown

            return render_markdown
        if self is OutputFormat.html:
            from zgrongcuo import render_html

            return render_html
        if self is OutputFormat.docx:
            from zgrongcuo import render_docx

            return render_docx
        return None


class ShowFormat(str, enum.Enum):
    """Formats of `criteria show`."""

    text = "text"
    markdown = "markdown"


class ReportFormat(str, enum.Enum):
    """Formats of the `criteria test` and `diff` reports."""

    text = "text"
    json = "json"
