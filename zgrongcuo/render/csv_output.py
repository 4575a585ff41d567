"""One CSV row per case and measure, for tallies in a spreadsheet (UTF-8 with BOM, so Excel reads Chinese)."""

from __future__ import annotations

import csv
import sys
from typing import IO, Any

from zgrongcuo.errors import ZgError
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import visible

# The columns; the header row names them in the chosen language (with --lang en, by these ids).
COLUMNS = (
    "file", "case_id", "title", "subject", "measure", "outcome", "label", "situations_met", "open_questions",
    "decision", "decision_measure", "agrees",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe.

    A case title such as ``=HYPERLINK(...)`` would otherwise run in Excel
    (CSV injection); the apostrophe is the spreadsheet's own mark for "text".
    A spreadsheet is read by people: what would act in it (a bidirectional
    control, a control character, an undecodable byte) is shown as an escape,
    as in the other outputs for people.
    """
    value = visible(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def agreement(d: Determination) -> str:
    """The agreement cell: yes, no, not_comparable (a decision the screening cannot be set beside), or empty."""
    if d.case.decision is None:
        return ""
    return "not_comparable" if d.agrees is None else "yes" if d.agrees else "no"


class CsvRenderer(Renderer):
    parallel = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        stream: IO[str] = out if out is not None else sys.stdout
        stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow([text(f"csv.{column}", self.lang) for column in COLUMNS])

    def prepare(self, ds: tuple[Determination, ...]) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (
                d.case.file,
                d.case.meta.get("id") or "",
                d.case.meta.get("title") or "",
                d.case.meta.get("subject") or "",
                d.criteria.id,
                d.outcome.id,
                d.outcome.label[self.lang],
                ";".join(d.situations_met),
                ";".join(d.next_questions),
                d.case.decision.outcome if d.case.decision else "",
                d.case.decision.measure if d.case.decision else "",
                agreement(d),
            )
            for d in ds
        )

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        for row in payload:
            self.writer.writerow([_cell(value) for value in row])

    def failure(self, file: str, error: ZgError) -> None:
        problem = text("load_failed", self.lang) + text("location_sep", self.lang) + error.message(self.lang)
        self.emit(((file, "", "", "", "", "error", problem, "", "", "", "", ""),))
