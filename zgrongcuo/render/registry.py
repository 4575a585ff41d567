"""Output formats by name, each mapped to the module that renders it, imported only when chosen.

Built-in formats are entered here like any other would be: a name, the
module and the renderer class in it, and for report formats the module that
makes whole documents.  A test holds every member of ``OutputFormat`` to a
renderer that keeps the contract.
"""

from __future__ import annotations

import enum
import importlib
from typing import IO, cast

from zgrongcuo.render.contract import DocumentFormat, Renderer, RenderOptions


class OutputFormat(enum.StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    docx = "docx"
    xlsx = "xlsx"

    @property
    def is_report(self) -> bool:
        """A document format: one file per case with ``-o FOLDER``, and a summary file."""
        return self.value in _DOCUMENTS

    @property
    def suffix(self) -> str:
        """The file name's ending for this format, as a folder of outputs names them."""
        return _SUFFIXES[self.value]

    @property
    def for_scripts(self) -> bool:
        """Data for scripts (JSON, JSONL, CSV), not a document for people: no progress bar, and written even when empty."""
        return self.value in _FOR_SCRIPTS

    @property
    def binary(self) -> bool:
        """Bytes, not text: never written to a terminal."""
        return self.value in _BINARY


_FOR_SCRIPTS = ("json", "jsonl", "csv")

# format name -> (module, renderer class)
_RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("zgrongcuo.render.terminal", "TextRenderer"),
    "json": ("zgrongcuo.render.json_output", "JsonRenderer"),
    "jsonl": ("zgrongcuo.render.json_output", "JsonlRenderer"),
    "csv": ("zgrongcuo.render.csv_output", "CsvRenderer"),
    "markdown": ("zgrongcuo.render.markdown", "MarkdownRenderer"),
    "html": ("zgrongcuo.render.html", "HtmlRenderer"),
    "docx": ("zgrongcuo.render.word", "WordRenderer"),
    "xlsx": ("zgrongcuo.render.xlsx", "XlsxRenderer"),
}
# formats whose output is bytes: never written to a terminal
_BINARY = frozenset({"docx", "xlsx"})
_SUFFIXES = {
    "text": ".txt", "json": ".json", "jsonl": ".jsonl", "csv": ".csv", "markdown": ".md", "html": ".html", "docx": ".docx",
    "xlsx": ".xlsx",
}  # fmt: skip
# report format name -> the module that makes whole documents (a DocumentFormat)
_DOCUMENTS: dict[str, str] = {
    "markdown": "zgrongcuo.render.markdown",
    "html": "zgrongcuo.render.html",
    "docx": "zgrongcuo.render.word",
}


def renderer_class(fmt: OutputFormat) -> type[Renderer]:
    module, name = _RENDERERS[fmt.value]
    return cast(type[Renderer], getattr(importlib.import_module(module), name))


def make_renderer(fmt: OutputFormat, out: IO[str] | IO[bytes] | None, options: RenderOptions) -> Renderer:
    """The renderer for ``fmt`` writing to ``out`` (None: standard output as it is when written)."""
    return renderer_class(fmt)(out, options)


def document_format(fmt: OutputFormat) -> DocumentFormat:
    """The module that makes whole documents of a report format."""
    return cast(DocumentFormat, importlib.import_module(_DOCUMENTS[fmt.value]))
