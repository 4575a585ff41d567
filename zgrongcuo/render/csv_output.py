"""One CSV row per case and measure, for tallies in a spreadsheet (UTF-8 with BOM, so Excel reads Chinese)."""

from __future__ import annotations

import csv
import sys
from typing import IO, Any

from zgrongcuo.errors import ZgError
from zgrongcuo.model.determination import Determination
from zgrongcuo.render import register
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import visible

# The columns; the header row names them in the chosen language (with --lang en, by these ids). The ids
# come first, as scripts have read them; the same things in words follow, in the chosen language, for
# people who open the file in Excel (appended, so that no column moves).
COLUMNS = (
    "file", "case_id", "title", "subject", "measure", "outcome", "label", "situations_met", "open_questions",
    "decision", "decision_measure", "agrees",
    "measure_name", "situations_named", "open_named", "decision_label", "agrees_label",
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


# The agreement cell: yes, no, not_comparable, or empty without a decision (the register's id column says the same).
agreement = register.agreement_code


class CsvRenderer(Renderer):
    parallel = True

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        super().__init__(out, options)
        stream: IO[str] = out if out is not None else sys.stdout
        stream.write("\ufeff")
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow([text(f"csv.{column}", self.lang) for column in COLUMNS])

    def prepare(self, ds: tuple[Determination, ...]) -> tuple[tuple[str, ...], ...]:
        lang = self.lang
        return tuple(
            (
                d.case.file,
                d.case.meta.get("id") or "",
                d.case.meta.get("title") or "",
                d.case.meta.get("subject") or "",
                d.criteria.id,
                d.outcome.id,
                d.outcome.label[lang],
                ";".join(d.situations_met),
                ";".join(d.next_questions),
                d.case.decision.outcome if d.case.decision else "",
                d.case.decision.measure if d.case.decision else "",
                agreement(d),
                d.criteria.name(lang),
                register.situation_names(d, lang),
                register.open_labels(d, lang),
                register.decision_label(d, lang),
                register.agreement_word(d, lang),
            )
            for d in ds
        )

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        for row in payload:
            self.writer.writerow([_cell(value) for value in row])

    def failure(self, file: str, error: ZgError) -> None:
        problem = text("load_failed", self.lang) + text("location_sep", self.lang) + error.message(self.lang)
        self.emit(((file, "", "", "", "", "error", problem, *[""] * (len(COLUMNS) - 7)),))
