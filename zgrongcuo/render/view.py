"""One view of a determination: everything a person reads, worded once, in one language.

The renderers for people — the terminal, Markdown, HTML and Word — lay out
what :func:`build` gives them and word nothing themselves, so all four say the
same things in the same order.  The view reads the determination the engine
computed (counterfactuals included); it never evaluates anything again.
A batch's summary is a :class:`Tally`.
"""

from __future__ import annotations

from collections import Counter

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import META_KEYS
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import MET, Determination, ElementResult
from zgrongcuo.render.contract import generated_at
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.explanation import Explanation, explanation
from zgrongcuo.text.summary import deciding, group_line, why
from zgrongcuo.text.wording import answer_text, case_name, fact_labels, numeral, reason, status_text


class ElementRow(Record):
    """An element, precondition or bottom line: its label, status and reason."""

    __slots__ = ("label", "status", "status_text", "reason", "clause")

    def __init__(self, label: str, status: str, status_text: str, reason: str, clause: str) -> None:
        self.label = label
        self.status = status  # met / not_met / unknown
        self.status_text = status_text
        self.reason = reason  # a whole sentence: the fact, its answer, what is required, the note
        self.clause = clause  # the answer and what is required only (beside the label, in a table)


class SituationView(Record):
    __slots__ = ("id", "name", "label", "status", "status_text", "heading", "quote", "elements", "deciding")

    def __init__(
        self,
        id: str,
        name: str,
        label: str,
        status: str,
        status_text: str,
        heading: str,
        quote: str,
        elements: list[ElementRow],
        deciding: str,
    ) -> None:
        self.id = id
        self.name = name  # for sentences: "情形二"
        self.label = label
        self.status = status
        self.status_text = status_text
        self.heading = heading  # numbered, for reports: "（一）情形一：…：不符合"
        self.quote = quote
        self.elements = elements
        self.deciding = deciding  # all elements met, or the first element that is not (or still open)


class DeterminationView(Record):
    """Everything shown of one determination, as plain text in one language."""

    __slots__ = (
        "lang", "title", "case_title", "file", "meta", "subject", "outcome", "outcome_code", "favourable", "why",
        "situations", "preconditions", "exclusions", "preconditions_line", "exclusions_line", "answers",
        "open_questions", "unchecked", "explanation",
        "criteria_line", "criteria_name", "sha_line", "reminder", "generated", "generated_time", "headings",
    )  # fmt: skip

    def __init__(self, d: Determination, lang: str, generated: str) -> None:
        criteria = d.criteria
        meta = d.case.meta
        self.lang = lang
        self.title = text("report.title", lang, name=case_name(d))  # a report's title
        self.case_title = case_name(d)  # the case as a reader names it
        self.file = d.case.file
        self.meta = [(text(f"meta.{k}", lang), meta[k] or "") for k in META_KEYS if meta.get(k)]  # (label, value)
        self.meta.append((text("report.file", lang), d.case.file))
        self.subject = meta.get("subject") or ""
        self.outcome = d.outcome.label[lang]
        self.outcome_code = d.outcome.id
        self.favourable = d.outcome.favourable
        self.why = why(d, lang)  # one sentence: the reasons, never a rule number
        self.situations = [
            SituationView(
                id=s.situation.id,
                name=s.situation.name(lang),
                label=s.situation.label[lang],
                status=s.status,
                status_text=status_text(s.status, lang),
                heading=text(
                    "report.situation",
                    lang,
                    number=numeral(n, lang),
                    id=s.situation.id,
                    label=s.situation.label[lang],
                    status=status_text(s.status, lang),
                ),
                quote=s.situation.quote or "",
                elements=_rows(s.elements, lang),
                deciding=deciding(s, lang),
            )
            for n, s in enumerate(d.situations, 1)
        ]
        self.preconditions = _rows(d.preconditions, lang)
        self.exclusions = _rows(d.exclusions, lang, exclusion=True)
        self.preconditions_line = group_line(d.preconditions, lang, exclusion=False)  # "均满足", "不满足：…"
        self.exclusions_line = group_line(d.exclusions, lang, exclusion=True)  # "均未触及", "触及：…"
        self.answers = [  # (question's label, answer, note), in asking order
            (fact.label[lang], answer_text(fact, d.case.answers[fact.id].value, lang, answered=True), d.case.answers[fact.id].note or "")
            for fact in criteria.facts
            if fact.id in d.case.answers
        ]
        self.open_questions = [(criteria.fact_by_id[f].question[lang], f) for f in d.next_questions]
        self.unchecked: list[str] = []
        if d.decided and d.unchecked_exclusions:
            self.unchecked.append(
                text("unchecked_exclusions", lang, facts=fact_labels(criteria, d.unchecked_exclusions, lang))
            )
            if not d.outcome.favourable:
                self.unchecked.append(text("unchecked_explained", lang))
        self.explanation: Explanation = explanation(d, lang)
        self.criteria_line = text(
            "criteria_line", lang, title=criteria.title[lang], version=criteria.version, sha=criteria.sha256[:12]
        )
        self.criteria_name = text("criteria_name", lang, title=criteria.title[lang], version=criteria.version)
        self.sha_line = text("report.sha", lang, sha=criteria.sha256)
        self.reminder = criteria.reminder[lang]
        self.generated = text("report.generated", lang, time=generated, version=__version__)
        self.generated_time = generated
        self.headings = _Headings(lang)


class _Headings:
    """Section headings and column names, looked up in the catalogue as they are used."""

    __slots__ = ("lang",)

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return text(key, self.lang)


def _rows(results: tuple[ElementResult, ...], lang: str, *, exclusion: bool = False) -> list[ElementRow]:
    return [
        ElementRow(
            r.element.fact.label[lang],
            r.status,
            status_text(r.status, lang, exclusion=exclusion),
            reason(r, lang, exclusion=exclusion),
            reason(r, lang, exclusion=exclusion, with_note=False, with_label=False),
        )
        for r in results
    ]


def build(d: Determination, lang: str, *, generated: str | None = None) -> DeterminationView:
    """The view of one determination; ``generated`` is the time reports are stamped with (default: now)."""
    return DeterminationView(d, lang, generated or generated_at())


# ----------------------------------------------------------- the summary


class CaseRow(Record):
    """One case of a batch, as the summary lists it."""

    __slots__ = ("file", "case_id", "title", "subject", "outcome", "code", "favourable", "situations", "report", "problem")

    def __init__(
        self,
        file: str,
        case_id: str,
        title: str,
        subject: str,
        outcome: str,  # label, or "could not be loaded"
        code: str,
        favourable: bool | None,
        situations: str,  # the situations met, by name
        report: str = "",  # the report's file name, when written to a folder
        problem: str = "",  # why the file could not be loaded
    ) -> None:
        self.file = file
        self.case_id = case_id
        self.title = title
        self.subject = subject
        self.outcome = outcome
        self.code = code
        self.favourable = favourable
        self.situations = situations
        self.report = report
        self.problem = problem


class Tally:
    """Counts of a batch by outcome and by situation met, in the criteria's order, and a row per case."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: list[CaseRow] = []
        self.outcomes: Counter[str] = Counter()  # outcome id -> cases
        self.situations: Counter[str] = Counter()  # situation id -> cases
        self.no_situation = 0
        self.failures = 0
        self.criteria: Criteria | None = None

    def add(self, d: Determination, report: str = "") -> None:
        self.criteria = self.criteria or d.criteria
        lang = self.lang
        meta = d.case.meta
        met = [s.situation.name(lang) for s in d.situations if s.status == MET]
        self.rows.append(
            CaseRow(
                d.case.file,
                meta.get("id") or "",
                meta.get("title") or "",
                meta.get("subject") or "",
                d.outcome.label[lang],
                d.outcome.id,
                d.outcome.favourable,
                text("list_sep", lang).join(met),
                report,
            )
        )
        self.outcomes[d.outcome.id] += 1
        for sid in d.situations_met:
            self.situations[sid] += 1
        if not d.situations_met:
            self.no_situation += 1

    def fail(self, file: str, error: ZgError) -> None:
        """A file that could not be loaded, with the reason."""
        problem = error.render(self.lang)
        self.rows.append(CaseRow(file, "", "", "", text("load_failed", self.lang), "error", False, "", problem=problem))
        self.failures += 1

    @property
    def total(self) -> int:
        return len(self.rows)

    def by_outcome(self) -> list[tuple[str, str, int, bool | None]]:
        """(label, code, count, favourable) for every outcome the criteria declare, then load failures."""
        lang = self.lang
        out = []
        if self.criteria is not None:
            for outcome in self.criteria.outcomes.values():
                out.append((outcome.label[lang], outcome.id, self.outcomes[outcome.id], outcome.favourable))
        if self.failures:
            out.append((text("load_failed", lang), "error", self.failures, False))
        return out

    def by_situation(self) -> list[tuple[str, str, int]]:
        """(label, id, count) for every situation, then cases that meet none."""
        lang = self.lang
        out = []
        if self.criteria is not None:
            for s in self.criteria.situations:
                out.append((s.label[lang], s.name(lang), self.situations[s.id]))
            out.append((text("no_situation_met", lang), "", self.no_situation))
        return out

    def case_table(self) -> tuple[list[str], list[list[str]]]:
        """The row per case every summary shows: headings in the language, then rows of plain text.

        The report's file name is there when reports were written, and a column for
        why a file could not be loaded when one could not.
        """
        lang = self.lang
        keys = ["col.case_id", "col.title", "col.subject", "col.outcome", "col.situations_met", "col.file"]
        with_reports = any(r.report for r in self.rows)
        with_problems = any(r.problem for r in self.rows)
        if with_reports:
            keys.append("col.report")
        if with_problems:
            keys.append("col.problem")
        rows = []
        for r in self.rows:
            row = [r.case_id, r.title, r.subject, r.outcome, r.situations, r.file]
            if with_reports:
                row.append(r.report)
            if with_problems:
                row.append(r.problem)
            rows.append(row)
        return [text(k, lang) for k in keys], rows

    def counts_line(self) -> str:
        counts = text("list_sep", self.lang).join(f"{label} {n}" for label, _, n, _ in self.by_outcome() if n)
        return text("summary_counts", self.lang, total=self.total, counts=counts)


def bar(count: int, most: int, width: int = 24) -> str:
    """A bar of block characters, ``width`` long for the largest count (at least one block for any case)."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))
