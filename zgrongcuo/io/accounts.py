"""Reading written accounts for suggestions: text, Markdown, Word (.docx), web pages, and a case file's own summary.

A text file is decoded as a case file is (a BOM decides; else UTF-8; else
GB18030, with a warning).  A Word document is a zip archive: its size on disk,
the number of its parts and their sizes unpacked are bounded before anything
is unpacked, so that a small file cannot unpack into a huge one; then its
paragraphs and the cells of its tables are read in the order of the document.
Markup (Markdown, HTML) is taken off, leaving the words.  Every problem is a
``CaseError`` naming the file.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from zgrongcuo.errors import CaseError, ZgError
from zgrongcuo.io.discovery import CASE_SUFFIXES  # a case file given as the account: its case.summary is read
from zgrongcuo.io.files import MAX_BYTES, Listed, read_bytes
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Case, Notice
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.model.suggestion import Account

if TYPE_CHECKING:
    from zgrongcuo.io.questions import Selection

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".docx", ".html", ".htm")  # what a folder walk reads
DOCX_FACTOR = 8  # a .docx may be this many times --max-bytes on disk: pictures in it take room, not words
MAX_PARTS = 2_000  # parts of a Word document's archive
UNPACKED_FACTOR = 16  # all its parts unpacked: at most this many times --max-bytes, or MIN_UNPACKED
MIN_UNPACKED = 64 << 20  # an ordinary document's styles and fonts unpack to more than a small --max-bytes
MAX_RATIO = 200  # a part larger than RATIO_FROM that unpacks to more than this many times its packed size is refused
RATIO_FROM = 1 << 20
MAX_TABLE_DEPTH = 8  # tables within tables, read this deep

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc), .wps, old Excel
_PDF = b"%PDF"
_RTF = b"{\\rtf"


class Source(Record):
    """A written account as read, the warnings about how it was read, and the case file it came from, if any."""

    __slots__ = ("account", "notices", "case", "questions")

    def __init__(
        self, account: Account, notices: list[Notice], case: Case | None = None, questions: Questions | None = None
    ) -> None:
        self.account = account
        self.notices = notices
        self.case = case  # a case file given as the account: its answers are kept, its summary read
        self.questions = questions  # the questions that case file was read against: its own measures', given a Selection


def read(
    path: str,
    questions: Criteria | Questions | Selection,
    *,
    max_bytes: int = MAX_BYTES,
    within: str | Listed | None = None,
) -> Source:
    """The written account in the file at ``path`` (``-``: standard input, as text).

    ``questions``: what a case file given as the account is read against; a ``Selection`` reads it against
    the measures it names, as `check` does.
    """
    suffix = os.path.splitext(path)[1].lower()
    name = "-" if path == "-" else os.path.basename(path)
    limit = max_bytes * DOCX_FACTOR if suffix == ".docx" else max_bytes
    data = read_bytes(path, max_bytes=limit, within=within)
    if suffix in CASE_SUFFIXES:
        from zgrongcuo.io import case_reader

        case, asked = case_reader.loads_for(data, questions, path)
        summary = case.meta.get("summary")
        if not summary or not summary.strip():
            raise CaseError("account_no_summary", file=path, key="case.summary")
        return Source(Account(name, tuple(summary.split("\n"))), list(case.notices), case, asked)
    if data.startswith(_ZIP):
        return Source(Account(name, _docx_blocks(data, path, max_bytes)), [])
    if suffix == ".docx":
        raise CaseError("account_bad_docx", file=path, detail="not a zip archive")
    for magic, msg_id in ((_OLE, "account_old_office"), (_PDF, "account_pdf"), (_RTF, "account_rtf")):
        if data.startswith(magic):
            raise CaseError(msg_id, file=path)
    if b"\x00" in data[:8192]:
        raise CaseError("account_binary", file=path, offset=data.index(b"\x00"))
    from zgrongcuo.io.document import decode

    text, encoding = decode(data, path, CaseError)
    notices = [Notice("read_as_gb18030", {"file": path})] if encoding == "gb18030" else []
    text = text.lstrip("\ufeff")
    if suffix in (".md", ".markdown"):
        text = markdown_words(text)
    elif suffix in (".html", ".htm") or (suffix not in (".txt", ".text") and _looks_like_html(text)):
        text = html_words(text)
    return Source(Account(name, tuple(text.split("\n"))), notices)


# ------------------------------------------------------------------ Word


def _docx_blocks(data: bytes, path: str, max_bytes: int) -> tuple[str, ...]:
    """The paragraphs and table cells of a .docx, in order; its archive checked before anything is unpacked."""
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CaseError("account_bad_docx", file=path, detail=str(exc)) from None
    if len(parts) > MAX_PARTS:
        raise CaseError("account_docx_bomb", file=path, detail=f"{len(parts)} parts")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > max(max_bytes * UNPACKED_FACTOR, MIN_UNPACKED):
        raise CaseError("account_docx_bomb", file=path, detail=f"{unpacked} bytes unpacked")
    for part in parts:
        if part.file_size > RATIO_FROM and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise CaseError("account_docx_bomb", file=path, detail=f"{part.filename}: {part.file_size} bytes unpacked")
    if "word/document.xml" not in {p.filename for p in parts}:
        raise CaseError("account_bad_docx", file=path, detail="no word/document.xml")
    try:
        import docx  # python-docx: only where a Word document is read
    except ImportError:  # pragma: no cover - a dependency of the package
        raise CaseError("account_docx_unsupported", file=path) from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        _blocks_of(document, blocks, 0)
    except ZgError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a damaged archive makes python-docx raise
        raise CaseError("account_bad_docx", file=path, detail=f"{type(exc).__name__}: {exc}") from None
    if sum(len(b.encode("utf-8")) for b in blocks) > max_bytes:
        raise CaseError("account_too_long", file=path, limit=max_bytes)
    return tuple(blocks)


def _blocks_of(container: Any, out: list[str], depth: int) -> None:
    """Paragraphs as they are; a table's cells one by one, a merged cell once, tables within cells as deep as allowed."""
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            if depth >= MAX_TABLE_DEPTH:
                continue
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is the same cell in every column it spans
                        continue
                    seen.add(id(cell._tc))
                    _blocks_of(cell, out, depth + 1)
        else:
            out.append(item.text)


# ------------------------------------------------------------------ markup

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*\*|__|~~|`+|(?<!\s)\*|\*(?!\s)")  # a * between spaces is a times sign
_TAG = re.compile(r"<[^>\n]{0,500}>")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


def markdown_words(text: str) -> str:
    """Markdown with its marks taken off: headings, emphasis, links, quotes, bullets, tags, table rules."""
    out = []
    for line in text.split("\n"):
        if _FENCE.match(line) or _TABLE_RULE.match(line):
            continue
        line = _HEADING.sub("", line)
        line = _QUOTE.sub("", line)
        line = _BULLET.sub("", line)
        line = _IMAGE_OR_LINK.sub(r"\1", line)
        line = _TAG.sub("", line)
        line = _EMPHASIS.sub("", line)
        if "|" in line:
            line = "　".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(line)
    return "\n".join(out)


_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<p[\s>]|<div[\s>])", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:512]))


_BLOCK_TAGS = frozenset(
    "p div br li tr td th h1 h2 h3 h4 h5 h6 section article header footer table ul ol blockquote pre title".split()
)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


def html_words(text: str) -> str:
    """A web page's words: scripts and styles left out, a line break at each block; entities read as characters."""
    from html.parser import HTMLParser

    class _Words(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in _HIDDEN_TAGS:
                self.hidden += 1
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in _HIDDEN_TAGS:
                self.hidden = max(self.hidden - 1, 0)
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)

    parser = _Words()
    parser.feed(text)
    parser.close()
    lines = ("".join(parser.parts)).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())
