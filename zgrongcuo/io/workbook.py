"""A workbook (.xlsx, .xlsm) opened safely, and a sheet's cells row by row as a person sees them in Excel.

A workbook is a zip of XML parts, and one made to harm is cheap to make: a
zip bomb, a part that declares one size and holds another, an XML entity that
expands a thousandfold, a sheet of a million rows.  So the package is checked
before openpyxl parses any of it (docs/security.md): the file's size, the
number of parts, each part's declared and actual size and their sum, no
encrypted parts, and no document type declaration (which is where XML
entities live) in any part.  What passes is read by openpyxl in its streaming
mode, values only, links to other workbooks dropped; macros are never run (an
.xlsm is read as the data in its cells).

What openpyxl's streaming mode does not say, this module reads from the
sheet's XML itself in one pass before the rows: which cells hold formulas
(their value is the one Excel last calculated and saved; a formula with no
saved value, or that takes its value from another workbook, is an error at
its cell), which rows are hidden, and which cells are merged.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from zgrongcuo.errors import CaseError, cell_name, suggest
from zgrongcuo.io.files import read_bytes

# Limits (docs/security.md).  A county's register for a year is a few hundred rows in
# a file of some tens of kilobytes; these leave room for a province's, and no more.
MAX_WORKBOOK_BYTES = 32 << 20  # the file as stored (or --max-bytes, when that is larger)
MAX_PARTS = 10_000  # files in the zip
MAX_PART_BYTES = 64 << 20  # one part unpacked: some 50,000 rows of thirty columns
MAX_UNPACKED_BYTES = 128 << 20  # all parts unpacked together
MAX_COLUMNS = 1_000  # columns looked at for headings; cells further right are not read
MAX_ROW = 1_048_576  # Excel's last row: a sheet that numbers a row beyond it was not made by a spreadsheet
HEADER_ROWS = 20  # the heading row is looked for among the first rows (a title may stand above it)

MARKER = "zgrongcuo"  # a custom document property naming what this tool wrote: "register" or "template"

# What Python's zipfile raises on a damaged archive: headers that do not parse, unsupported versions and
# methods, data that does not inflate or fails its CRC.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, struct.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls, or any workbook saved with a password
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# How a stored formula names another workbook: [1]Sheet1!A1, '[other.xlsx]Sheet 1'!A1, [1]!Name (a table's
# [Column] is followed by no "!").
_EXTERNAL = re.compile(r"\[[^\[\]]+\][^\[\]!(),]*!")


def column_letters(column: int) -> str:
    return cell_name(1, column)[:-1]


class Cell:
    """A cell's value as Excel shows it: text, a number, a truth value or a date and time; None when empty."""

    __slots__ = ("value", "shows_error")

    def __init__(self, value: object, error: bool = False) -> None:
        self.value = value
        self.shows_error = error  # an error value Excel shows, such as #N/A or #REF! (not text typed as such)


class Sheet:
    """One worksheet: its title, and its rows with what the XML says of them (formulas, hidden rows, merges)."""

    def __init__(self, book: Workbook, title: str, part: str, openpyxl_sheet: Any) -> None:
        self.book = book
        self.title = title
        self.part = part  # the sheet's part in the zip: xl/worksheets/sheet1.xml
        self._ws = openpyxl_sheet
        self.hidden_rows: set[int] = set()
        self.merges: list[tuple[int, int, int, int]] = []  # (first row, first column, last row, last column)
        # Formula cells that cannot be read: (row, column) -> "unsaved" or "external".
        self.bad_formulas: dict[tuple[int, int], str] = {}
        self._scan()

    def _scan(self) -> None:
        """One pass over the sheet's XML for what openpyxl's streaming mode does not give: formulas, hidden rows, merges."""
        from xml.etree.ElementTree import iterparse

        shared: dict[str, str] = {}  # a shared formula's text, by its index: the later cells of it hold none
        data = None
        try:
            with self.book.zip.open(self.part) as source:
                for event, element in iterparse(source, events=("start", "end")):
                    name = element.tag.rpartition("}")[2]
                    if event == "start":
                        if name == "sheetData":
                            data = element
                        elif name == "row":
                            row = element.get("r") or ""
                            if row.isdigit() and int(row) > MAX_ROW:  # openpyxl would count up to it, row by row
                                raise CaseError("workbook_broken", file=self.book.file, detail=f"{self.part}: row {row}")
                            if element.get("hidden") in ("1", "true") and row.isdigit():
                                self.hidden_rows.add(int(row))
                        continue
                    if name == "c":
                        self._formula(element, shared)
                    elif name == "row" and data is not None:
                        element.clear()
                        data.remove(element)  # the only child by then: rows read are not kept
                    elif name == "mergeCell":
                        merged = _range(element.get("ref") or "")
                        if merged is not None:
                            self.merges.append(merged)
        except (SyntaxError, *_ZIP_ERRORS) as exc:  # xml.etree's ParseError is a SyntaxError
            raise CaseError("workbook_broken", file=self.book.file, detail=f"{self.part}: {exc}") from None

    def _formula(self, element: Any, shared: dict[str, str]) -> None:
        formula = value = None
        for child in element:
            kind = child.tag.rpartition("}")[2]
            if kind == "f":
                formula = child
            elif kind == "v":
                value = child
        if formula is None:
            return
        words = formula.text or ""
        index = formula.get("si")
        if formula.get("t") == "shared" and index is not None:
            if words:
                shared[index] = words
            else:
                words = shared.get(index, "")
        where = _coordinate(element.get("r") or "")
        if where is None:
            return
        if _EXTERNAL.search(words):
            self.bad_formulas[where] = "external"
        elif value is None or (not value.text and element.get("t") != "str"):  # "" is a saved empty text
            self.bad_formulas[where] = "unsaved"

    def rows(self, first: int, last: int | None, columns: int) -> Iterator[tuple[int, list[Cell]]]:
        """Rows ``first`` to ``last`` (None: to the end), each with its first ``columns`` cells; empty rows too."""
        number = first
        source = self._ws.iter_rows(min_row=first, max_row=last, max_col=columns)
        while True:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # openpyxl's remarks on parts it does not support are not the user's concern
                try:
                    row = next(source, None)
                except Exception as exc:  # noqa: BLE001 - as when the workbook was opened: the file's fault, said so
                    raise CaseError("workbook_broken", file=self.book.file, detail=f"{self.part}: {exc}") from None
            if row is None:
                return
            cells = [Cell(c.value, getattr(c, "data_type", None) == "e") for c in row]
            cells += [Cell(None)] * (columns - len(cells))
            yield number, cells
            number += 1


class Workbook:
    """A workbook whose package passed the checks, open in openpyxl's streaming mode."""

    def __init__(self, file: str, data: bytes) -> None:
        self.file = file
        self.zip = _checked_package(file, data)
        self.macros = any(n.lower().endswith("vbaproject.bin") for n in self.zip.namelist())
        self._parts = _sheet_parts(self.zip, file)  # visible and hidden worksheets, in tab order: (title, part, state)
        import openpyxl

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                self._book = openpyxl.load_workbook(
                    io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
                )
            except Exception as exc:  # noqa: BLE001 - a parser of untrusted parts: whatever a malformed one raises is the file's fault
                raise CaseError("workbook_broken", file=file, detail=f"{type(exc).__name__}: {exc}") from None
        self.written_by = ""  # what this tool wrote it as, if it did: "register" or "template"
        for prop in getattr(self._book, "custom_doc_props", ()):
            if getattr(prop, "name", None) == MARKER:
                self.written_by = str(getattr(prop, "value", "") or "")

    @property
    def titles(self) -> list[str]:
        """The worksheets' titles in tab order."""
        return [title for title, _, _ in self._parts]

    @property
    def visible_titles(self) -> list[str]:
        """The titles of the worksheets a person sees as tabs."""
        return [title for title, _, state in self._parts if state == "visible"]

    def sheet(self, title: str | None) -> Sheet:
        """The worksheet named ``title``; None: the first one a person sees (the first visible tab)."""
        if not self._parts:
            raise CaseError("workbook_no_sheet", file=self.file)
        chosen: tuple[str, str, str] | None
        if title is None:
            chosen = next((p for p in self._parts if p[2] == "visible"), self._parts[0])
        else:
            chosen = next((p for p in self._parts if p[0] == title), None)
            if chosen is None:
                chosen = next((p for p in self._parts if p[0].strip().casefold() == title.strip().casefold()), None)
            if chosen is None:
                raise CaseError("sheet_not_found", file=self.file, name=title, sheets="、".join(self.titles)).at(
                    suggestion=suggest(title, self.titles)
                )
        name, part, _ = chosen
        try:
            ws = self._book[name]
        except KeyError:
            raise CaseError("workbook_broken", file=self.file, detail=name) from None
        ws.reset_dimensions()  # the size a sheet declares may be stale: read what it holds
        return Sheet(self, name, part, ws)

    def close(self) -> None:
        self._book.close()
        self.zip.close()


def open_workbook(path: str, *, max_bytes: int | None = None, within: str | None = None) -> Workbook:
    """Read and check a workbook file; the package is refused before parsing if it breaks a limit.

    ``max_bytes`` (--max-bytes) raises the limit on the file's size above MAX_WORKBOOK_BYTES, never lowers it:
    a case file's limit is a page of answers, and a register holds many.
    """
    data = read_bytes(path, max_bytes=max(max_bytes or 0, MAX_WORKBOOK_BYTES), within=within)
    return Workbook(path, data)


def _checked_package(file: str, data: bytes) -> zipfile.ZipFile:
    """The workbook's zip, once its parts have been counted, sized and looked through (docs/security.md)."""
    if data.startswith(_OLE):
        raise CaseError("workbook_ole", file=file)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise CaseError("workbook_not_zip", file=file) from None
    infos = package.infolist()
    if len(infos) > MAX_PARTS:
        raise CaseError("workbook_too_many_parts", file=file, count=len(infos), limit=MAX_PARTS)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise CaseError("workbook_encrypted", file=file)
        if info.file_size > MAX_PART_BYTES:
            raise CaseError("workbook_part_too_large", file=file, part=info.filename, size=info.file_size, limit=MAX_PART_BYTES)
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise CaseError("workbook_too_large_unpacked", file=file, limit=MAX_UNPACKED_BYTES)
    if "xl/workbook.xml" not in package.namelist():
        raise CaseError("workbook_not_zip", file=file)
    for info in infos:
        _look_through(package, info, file)
    return package


def _look_through(package: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> None:
    """Unpack one part as far as it goes, counting: it must hold what it declares, and no DOCTYPE or ENTITY.

    Python's zipfile stops at the declared size and checks the CRC, so a part
    that says it is small but unpacks large is cut off and then refused here.
    """
    size, tail = 0, b""
    try:
        with package.open(info) as part:
            while chunk := part.read(1 << 16):
                size += len(chunk)
                if size > info.file_size:
                    raise CaseError("workbook_part_too_large", file=file, part=info.filename, size=size, limit=info.file_size)
                if _DOCTYPE.search(tail + chunk):
                    raise CaseError("workbook_doctype", file=file, part=info.filename)
                tail = chunk[-16:]
    except _ZIP_ERRORS as exc:
        raise CaseError("workbook_broken", file=file, detail=f"{info.filename}: {exc}") from None
    if size != info.file_size:
        raise CaseError("workbook_broken", file=file, detail=f"{info.filename}: {size} != {info.file_size}")


def _sheet_parts(package: zipfile.ZipFile, file: str) -> list[tuple[str, str, str]]:
    """(title, part, state) of every worksheet, in tab order, from the workbook's own XML."""
    from xml.etree.ElementTree import fromstring

    try:
        book = fromstring(package.read("xl/workbook.xml"))
        rels = fromstring(package.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, SyntaxError, *_ZIP_ERRORS) as exc:
        raise CaseError("workbook_broken", file=file, detail=str(exc)) from None
    targets: dict[str, tuple[str, str]] = {}
    for rel in rels:
        if rel.tag.rpartition("}")[2] == "Relationship" and rel.get("Id"):
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[rel.get("Id") or ""] = (_normal(path), (rel.get("Type") or "").rpartition("/")[2])
    out = []
    names = set(package.namelist())
    for element in book.iter():
        if element.tag.rpartition("}")[2] != "sheet":
            continue
        rid = next((v for k, v in element.attrib.items() if k.rpartition("}")[2] == "id"), None)
        part, kind = targets.get(rid or "", ("", ""))
        if kind == "worksheet" and part in names:  # chart sheets and dialog sheets hold no rows
            out.append((element.get("name") or "", part, element.get("state") or "visible"))
    return out


def _normal(path: str) -> str:
    parts: list[str] = []
    for piece in path.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


_COORDINATE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")


def _coordinate(ref: str) -> tuple[int, int] | None:
    """(row, column) of a cell reference such as D7."""
    found = _COORDINATE.match(ref.upper())
    if found is None:
        return None
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - 64
    return int(found.group(2)), column


def _range(ref: str) -> tuple[int, int, int, int] | None:
    first, _, last = ref.partition(":")
    start, end = _coordinate(first), _coordinate(last or first)
    if start is None or end is None:
        return None
    return min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]), max(start[1], end[1])
