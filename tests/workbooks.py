"""Workbooks made for the tests: registers as offices keep them, and the parts of a package patched by hand."""

import io
import re
import struct
import zipfile
from pathlib import Path

import openpyxl


def register(path: Path, rows: list[list[object]], *, title: str = "台账", build=None) -> Path:
    """A workbook whose first sheet holds ``rows`` from A1; ``build(workbook, sheet)`` may add to it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if build is not None:
        build(wb, ws)
    wb.save(path)
    return path


def patched(path: Path, part: str, change) -> Path:
    """The workbook with one part's text changed by ``change(text) -> text`` (e.g. a formula's saved value)."""
    with zipfile.ZipFile(path) as z:
        parts = {info.filename: z.read(info.filename) for info in z.infolist()}
    parts[part] = change(parts[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def with_part(path: Path, name: str, data: bytes) -> Path:
    """The workbook with a part added."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, data)
    return path


def saved_value(path: Path, cell: str, value: str, kind: str = "") -> Path:
    """Give a formula cell the value a spreadsheet program would have saved with it (openpyxl saves none)."""
    attr = f' t="{kind}"' if kind else ""

    def change(xml: str) -> str:
        return re.sub(rf'<c r="{cell}"([^>]*)><f>([^<]*)</f><v\s*/?>(</v>)?', rf'<c r="{cell}"\1{attr}><f>\2</f><v>{value}</v>', xml)

    return patched(path, "xl/worksheets/sheet1.xml", change)


def lying_sizes(data: bytes, name: str, declared: int) -> bytes:
    """A zip whose member ``name`` declares ``declared`` bytes unpacked, whatever it holds."""
    out = bytearray(data)
    encoded = name.encode()
    # Local file header: signature, then the unpacked size at offset 22; central directory entry: at offset 24.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            length = struct.unpack_from("<H", out, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(out[name_at : name_at + length]) == encoded:
                struct.pack_into("<I", out, start + offset, declared)
            start += 4
    return bytes(out)


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {info.filename: z.read(info.filename) for info in z.infolist()}


def read_cases(path, asked, **options):
    """A register's rows read as ``check`` reads them: (row's name, case or None, error or None)."""
    from zgrongcuo.errors import ZgError
    from zgrongcuo.io.sheet_reader import read_register

    out = []
    for label, document, error in read_register(str(path), asked, **options):
        case = None
        if document is not None:
            try:
                case, _ = document.read(asked)
            except ZgError as problem:
                error = problem
        out.append((label, case, error))
    return out
