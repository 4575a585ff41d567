"""One CSV row per case, for tallies in a spreadsheet (UTF-8 with BOM, so Excel reads Chinese)."""

from __future__ import annotations

import csv
from typing import TextIO

from zgrongcuo.engine import Determination
from zgrongcuo.errors import ZgError
from zgrongcuo.messages import text

COLUMNS = ("file", "case_id", "title", "outcome", "label", "situations_met", "open_questions")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe.

    A case title such as ``=HYPERLINK(...)`` would otherwise run in Excel
    (CSV injection); the apostrophe is the spreadsheet's own mark for "text".
    """
    return "'" + value if value.startswith(_FORMULA_START) else value


class CsvRenderer:
    def __init__(self, out: TextIO, lang: str, **_: object) -> None:
        self.lang = lang
        out.write("\ufeff")
        self.writer = csv.writer(out, lineterminator="\r\n")
        # Machine-readable ids in the header row; the label column is in the user's language.
        self.writer.writerow(COLUMNS)

    def prepare(self, d: Determination) -> tuple[str, ...]:
        return (
            d.case.file,
            d.case.meta.get("id") or "",
            d.case.meta.get("title") or "",
            d.outcome.id,
            d.outcome.label[self.lang],
            ";".join(d.situations_met),
            ";".join(d.next_questions),
        )

    def emit(self, row: tuple[str, ...]) -> None:
        self.writer.writerow([_cell(value) for value in row])

    def determination(self, d: Determination) -> None:
        self.emit(self.prepare(d))

    def failure(self, file: str, error: ZgError) -> None:
        self.emit((file, "", "", "error", text("load_failed", self.lang) + ": " + error.message(self.lang), "", ""))

    def close(self) -> None:
        pass
