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
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import META_KEYS
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import Determination, ElementResult
from zgrongcuo.render.contract import generated_at
from zgrongcuo.render.escape import one_line, visible
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.explanation import Explanation, explanation
from zgrongcuo.text.wording import answer_text, case_name, fact_labels, how_text, numeral, reason, status_text


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
    __slots__ = ("id", "label", "status", "status_text", "heading", "quote", "elements")

    def __init__(
        self, id: str, label: str, status: str, status_text: str, heading: str, quote: str, elements: list[ElementRow]
    ) -> None:
        self.id = id
        self.label = label
        self.status = status
        self.status_text = status_text
        self.heading = heading  # numbered, for reports: "（一）S1 …：不符合"
        self.quote = quote
        self.elements = elements


class DeterminationView(Record):
    """Everything shown of one determination, as plain text in one language."""

    __slots__ = (
        "lang", "title", "case_title", "file", "meta", "subject", "outcome", "outcome_code", "favourable", "how",
        "situations", "preconditions", "exclusions", "answers", "open_questions", "unchecked", "explanation",
        "criteria_line", "sha_line", "reminder", "generated", "headings",
    )  # fmt: skip

    def __init__(self, d: Determination, lang: str, generated: str) -> None:
        criteria = d.criteria
        meta = d.case.meta
        self.lang = lang
        self.title = text("report.title", lang, name=shown(case_name(d), line=True))  # a report's title
        self.case_title = shown(case_name(d), line=True)  # the case as a reader names it
        self.file = shown(d.case.file, line=True)
        self.meta = [(text(f"meta.{k}", lang), shown(meta[k] or "")) for k in META_KEYS if meta.get(k)]  # (label, value)
        self.meta.append((text("report.file", lang), self.file))
        self.subject = shown(meta.get("subject") or "")
        self.outcome = d.outcome.label[lang]
        self.outcome_code = d.outcome.id
        self.favourable = d.outcome.favourable
        self.how = how_text(d, lang)
        self.situations = [
            SituationView(
                id=s.situation.id,
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
            )
            for n, s in enumerate(d.situations, 1)
        ]
        self.preconditions = _rows(d.preconditions, lang)
        self.exclusions = _rows(d.exclusions, lang, exclusion=True)
        self.answers = [  # (question's label, answer, note), in asking order
            (fact.label[lang], answer_text(fact, d.case.answers[fact.id].value, lang), shown(d.case.answers[fact.id].note or ""))
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
        self.sha_line = text("report.sha", lang, sha=criteria.sha256)
        self.reminder = criteria.reminder[lang]
        self.generated = text("report.generated", lang, time=generated, version=__version__)
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
            shown(reason(r, lang, exclusion=exclusion)),  # with the case's note
            reason(r, lang, exclusion=exclusion, with_note=False, with_label=False),
        )
        for r in results
    ]


def shown(text_from_a_case: str, *, line: bool = False) -> str:
    """Text from a case file, its name or the interview, as a reader sees it: nothing in it acts.

    Control characters, a lone carriage return, bidirectional controls and
    undecodable bytes are shown as escapes (``render.escape``); ``line``: on one
    line (a title, a file name), line breaks shown too.
    """
    return one_line(text_from_a_case) if line else visible(text_from_a_case)


def build(d: Determination, lang: str, *, generated: str | None = None) -> DeterminationView:
    """The view of one determination; ``generated`` is the time reports are stamped with (default: now)."""
    return DeterminationView(d, lang, generated or generated_at())


# ----------------------------------------------------------- the summary


class CaseRow(Record):
    """One case of a batch, as the summary lists it."""

    __slots__ = ("file", "case_id", "outcome", "code", "favourable", "situations", "report")

    def __init__(
        self,
        file: str,
        case_id: str,
        outcome: str,  # label, or "could not be loaded"
        code: str,
        favourable: bool | None,
        situations: str,
        report: str = "",  # the report's file name, when written to a folder
    ) -> None:
        self.file = file
        self.case_id = case_id
        self.outcome = outcome
        self.code = code
        self.favourable = favourable
        self.situations = situations
        self.report = report


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
        sep = text("list_sep", self.lang)
        self.rows.append(
            CaseRow(
                shown(d.case.file, line=True),
                shown(d.case.meta.get("id") or "", line=True),
                d.outcome.label[self.lang],
                d.outcome.id,
                d.outcome.favourable,
                sep.join(d.situations_met),
                report,
            )
        )
        self.outcomes[d.outcome.id] += 1
        for sid in d.situations_met:
            self.situations[sid] += 1
        if not d.situations_met:
            self.no_situation += 1

    def fail(self, file: str) -> None:
        self.rows.append(CaseRow(shown(file, line=True), "", text("load_failed", self.lang), "error", False, ""))
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
                out.append((s.label[lang], s.id, self.situations[s.id]))
            out.append((text("no_situation_met", lang), "", self.no_situation))
        return out

    def counts_line(self) -> str:
        counts = text("list_sep", self.lang).join(f"{label} {n}" for label, _, n, _ in self.by_outcome() if n)
        return text("summary_counts", self.lang, total=self.total, counts=counts)


def bar(count: int, most: int, width: int = 24) -> str:
    """A bar of block characters, ``width`` long for the largest count (at least one block for any case)."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))
