"""The documents a case gives, besides the screening opinion: each by name, in the formats it comes in.

``opinion`` is the screening itself, in every output format (``registry``).
The others are paperwork made from the same determinations, each a renderer
per format, imported only when chosen:

- ``checklist``: the 核实清单, what to verify next (text, Markdown, Word);
- ``application``: the 容错免责申请表 prefilled from the case file (Word).
"""

from __future__ import annotations

import enum
import importlib
import sys
from typing import IO, TYPE_CHECKING, Any, cast

from zgrongcuo.errors import UsageError
from zgrongcuo.render.contract import Renderer, RenderOptions

if TYPE_CHECKING:
    from zgrongcuo.model.determination import Determination
    from zgrongcuo.render.registry import OutputFormat


class Document(enum.StrEnum):
    opinion = "opinion"
    checklist = "checklist"
    application = "application"


# (document, format name) -> (module, renderer class); the opinion is every format's own renderer.
_PAPERS: dict[tuple[str, str], tuple[str, str]] = {
    ("checklist", "text"): ("zgrongcuo.render.checklist", "ChecklistText"),
    ("checklist", "markdown"): ("zgrongcuo.render.checklist", "ChecklistMarkdown"),
    ("checklist", "docx"): ("zgrongcuo.render.checklist", "ChecklistWord"),
    ("application", "docx"): ("zgrongcuo.render.application", "ApplicationWord"),
}


def formats(document: Document) -> tuple[str, ...]:
    """The formats ``document`` comes in (the opinion: all of them)."""
    return tuple(fmt for doc, fmt in _PAPERS if doc == document.value)


# How much of a long list a paper shows, so that a measure of thousands of facts or situations still gives a
# document in seconds (docs/security.md): the rest is counted in a line of its own.
MAX_ITEMS = 50  # questions a checklist sets out in full, the heaviest first
MAX_LINES = 30  # lines in one field: the places a question is tested, the situations claimed, the reasons
MAX_ROWS = 120  # questions in the application form's table


def capped(lines: list[str], limit: int, lang: str) -> list[str]:
    """``lines``, the first ``limit`` of them and a line that counts the rest when there are more."""
    from zgrongcuo.text.catalogue import text

    if len(lines) <= limit:
        return lines
    return [*lines[:limit], text("paper.more", lang, count=len(lines) - limit)]


class PaperRenderer(Renderer):
    """A paper per case: text one after another on a stream, or (binary) the one case's bytes at the end."""

    explains = True  # the engine weighs the open questions where it computes what would change the outcome
    SUFFIX = ""
    binary = False
    separator = "\n"  # between two cases' papers on one stream

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        target: Any = out if out is not None else sys.stdout
        self.out = getattr(target, "buffer", target) if self.binary else target
        self.data: bytes | None = None
        self.written = 0

    def document(self, ds: tuple[Determination, ...]) -> str | bytes:
        """One case's paper, whole."""
        raise NotImplementedError

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        data = self.document(payload)
        if isinstance(data, bytes):
            self.data = data  # a Word paper is one case's (the command line refuses a batch without a folder)
            return
        if self.written:
            self.out.write(self.separator)
        self.out.write(data)
        self.written += 1

    def close(self) -> None:
        if self.data is not None:
            self.out.write(self.data)


def paper_class(document: Document, fmt: OutputFormat) -> type[PaperRenderer]:
    """The renderer of ``document`` in ``fmt``; a usage error naming the formats it comes in, if not that one."""
    found = _PAPERS.get((document.value, fmt.value))
    if found is None:
        raise UsageError("document_format", document=document.value, format=fmt.value, formats=", ".join(formats(document)))
    module, name = found
    return cast("type[PaperRenderer]", getattr(importlib.import_module(module), name))
