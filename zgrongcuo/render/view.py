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
from zgrongcuo.model.case import META_KEYS, Case, Decision, Notice
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import MET, Determination, ElementResult
from zgrongcuo.render.contract import generated_at
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import one_line, visible
from zgrongcuo.text.explanation import Explanation, explanation
from zgrongcuo.text.summary import deciding, group_line, why
from zgrongcuo.text.wording import answer_text, case_name, date_words, fact_labels, numeral, reason, status_text


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
        "measure_id", "measure_name", "measure_level", "warnings", "unused", "decision", "agrees", "suggested",
    )  # fmt: skip

    def __init__(self, d: Determination, lang: str, generated: str) -> None:
        criteria = d.criteria
        meta = d.case.meta
        self.lang = lang
        self.title = text("report.title", lang, name=shown(case_name(d), line=True))  # a report's title
        self.case_title = shown(case_name(d), line=True)  # the case as a reader names it
        self.file = shown(d.case.file, line=True)
        self.meta = [  # (label, value): a date in words, as a reader writes it
            (text(f"meta.{k}", lang), shown(date_words(meta[k] or "", lang) if k == "conduct_date" else meta[k] or ""))
            for k in META_KEYS
            if meta.get(k)
        ]
        self.meta.append((text("report.file", lang), self.file))
        self.subject = shown(meta.get("subject") or "")
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
            (
                fact.label[lang],
                answer_text(fact, d.case.answers[fact.id].value, lang, answered=True),
                shown(d.case.answers[fact.id].note or ""),
            )
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
        self.measure_id = criteria.id
        self.measure_name = criteria.name(lang)  # "秭归县办法（2018）"
        self.measure_level = text(f"level.{criteria.level}", lang) if criteria.level else ""
        self.warnings = [warning_words(n, lang) for n in d.notices]  # e.g. conduct outside the measure's dates
        self.unused = unused_sentences(d, lang)  # what the case answers that this measure does not read
        self.decision = decision_sentences(d, lang)  # what was decided, whether the screening agrees, the source
        self.agrees = d.agrees
        self.suggested = awaiting_line(d.case, lang)  # proposed answers not yet confirmed, in a sentence ("" if none)


class _Headings:
    """Section headings and column names, looked up in the catalogue as they are used."""

    __slots__ = ("lang",)

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return text(key, self.lang)

    def numbered(self, n: int, key: str, **params: object) -> str:
        """A first-level heading of a report: "一、案件基本情况", "1. The case"."""
        return text("section.numbered", self.lang, number=numeral(n, self.lang), words=text(key, self.lang, **params))


def warning_words(notice: Notice, lang: str) -> str:
    """A warning about a determination as a reader reads it: dates in words ("2019年9月1日"), never cut at a hyphen."""
    params = dict(notice.params)
    for key in ("date", "start", "end"):
        if isinstance(params.get(key), str) and params[key]:
            params[key] = date_words(str(params[key]), lang)
    if "period" in params:
        params["period"] = f"{params.get('start') or '…'} – {params.get('end') or '…'}"
    return text(notice.msg_id, lang, **params)


def awaiting_line(case: Case, lang: str) -> str:
    """That the case file holds proposed answers a person has not confirmed, which the determination leaves out."""
    count = case.awaiting()
    contrary = sum(1 for s in case.suggested.values() if s.conflicting)
    if not count and not contrary:
        return ""
    line = text("suggest.awaiting", lang, count=count, file=shown(case.file, line=True))
    if contrary:
        line += text("suggest.awaiting_conflicts", lang, count=contrary)
    return line


def decision_line(decision: Decision, lang: str) -> str:
    """What was decided, by whom and when, under which measure, in one sentence."""
    measure = shown(decision.measure_name.get(lang) or decision.measure, line=True)
    who = text("decision.who", lang, by=shown(decision.by, line=True)) if decision.by else ""
    when = text("decision.when", lang, date=shown(date_words(decision.date, lang), line=True)) if decision.date else ""
    outcome = decision.label.get(lang, decision.outcome)
    return text("decision.line", lang, who=who, when=when, outcome=outcome, measure=measure)


def decision_sentences(d: Determination, lang: str) -> list[str]:
    """The recorded decision in a sentence, whether this screening agrees with it, and where it was published."""
    decision = d.case.decision
    if decision is None:
        return []
    out = [decision_line(decision, lang)]
    if d.agrees is None:
        out.append(text("decision.open" if not d.decided else "decision.not_applicable", lang))
    elif d.agrees_on == "outcome":
        out.append(text("decision.same" if d.agrees else "decision.differs", lang, outcome=d.outcome.label[lang]))
    else:
        key = "decision.same_direction" if d.agrees else "decision.other_direction"
        out.append(text(key, lang, outcome=d.outcome.label[lang]))
    if decision.document:
        out.append(text("decision.document", lang, document=shown(decision.document, line=True)))
    if decision.source:
        out.append(text("decision.source", lang, source=shown(decision.source, line=True)))
    return out


def unused_sentences(d: Determination, lang: str) -> list[str]:
    """What the case file answers that this measure does not read: questions it does not ask, options it lacks."""
    out = []
    facts = d.questions.fact_by_id if d.questions is not None else {}
    sep = text("list_sep", lang)

    def label(fact_id: str) -> str:
        fact = facts.get(fact_id)
        return fact.label[lang] if fact is not None else fact_id

    if d.unused_answers:
        out.append(text("unused.facts", lang, facts=sep.join(label(f) for f in d.unused_answers)))
    if d.unused_options:
        items = []
        for fact_id, options in d.unused_options.items():
            fact = facts.get(fact_id)
            names = [fact.option(o).label[lang] if fact is not None and o in fact.option_set else o for o in options]
            items.append(text("unused.option_item", lang, fact=label(fact_id), options=sep.join(f"“{n}”" for n in names)))
        out.append(text("unused.options", lang, items=sep.join(items)))
    return out


class MeasureRow(Record):
    """One measure in the comparison of a case checked against several."""

    __slots__ = ("name", "id", "level", "outcome", "code", "favourable", "situations", "open", "warnings")

    def __init__(self, v: DeterminationView) -> None:
        lang = v.lang
        self.name = v.measure_name
        self.id = v.measure_id
        self.level = v.measure_level
        self.outcome = v.outcome
        self.code = v.outcome_code
        self.favourable = v.favourable
        met = [s.name for s in v.situations if s.status == MET]
        self.situations = text("list_sep", lang).join(met) or text("compare.none_met", lang)
        self.open = text("compare.open", lang, count=len(v.open_questions)) if v.open_questions else ""
        self.warnings = v.warnings


def comparison(views: list[DeterminationView]) -> list[MeasureRow]:
    """A row per measure: its outcome, the situations or articles met, the questions still open."""
    return [MeasureRow(v) for v in views]


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
    """One case of a batch under one measure, as the summary lists it (a file that failed has one row)."""

    __slots__ = (
        "file", "case_id", "title", "subject", "outcome", "code", "favourable", "situations", "report", "problem",
        "measure",
    )  # fmt: skip

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
        measure: str = "",  # the measure's short name
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
        self.measure = measure


class _MeasureCounts:
    """One measure's counts in a batch: cases by outcome and by situation met, and agreement with decisions."""

    __slots__ = ("criteria", "outcomes", "situations", "no_situation", "decisions", "differing")

    def __init__(self, criteria: Criteria) -> None:
        self.criteria = criteria
        self.outcomes: Counter[str] = Counter()  # outcome id -> cases
        self.situations: Counter[str] = Counter()  # situation id -> cases
        self.no_situation = 0
        # (decision's label, decision's measure) -> [cases, agreeing, differing, not comparable]
        self.decisions: dict[tuple[str, str], list[int]] = {}
        self.differing: list[Disagreement] = []


class Disagreement(Record):
    """A decided case whose screening differs from the decision."""

    __slots__ = ("case_id", "title", "file", "decision", "screening")

    def __init__(self, case_id: str, title: str, file: str, decision: str, screening: str) -> None:
        self.case_id = case_id
        self.title = title
        self.file = file
        self.decision = decision  # its outcome in words, with the measure it was taken under
        self.screening = screening


# The summary's columns, in order; "measure" only when the cases were checked against several measures.
CASE_COLUMNS = ("case_id", "title", "subject", "measure", "outcome", "situations_met", "file", "report", "problem")


class Tally:
    """Counts of a batch by outcome and by situation met, per measure in the criteria's order, and a row per case."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.rows: list[CaseRow] = []
        self.measures: dict[str, _MeasureCounts] = {}  # by criteria id, in the order met
        self.cases = 0
        self.failures = 0
        self.suggested = 0  # proposed answers awaiting confirmation, in all the cases
        self.suggested_cases = 0  # cases that hold any

    def add(self, ds: tuple[Determination, ...], report: str = "") -> None:
        """One case: its determination under each measure."""
        lang = self.lang
        self.cases += 1
        if ds and ds[0].case.awaiting():
            self.suggested += ds[0].case.awaiting()
            self.suggested_cases += 1
        for d in ds:
            counts = self.measures.get(d.criteria.id)
            if counts is None:
                counts = self.measures[d.criteria.id] = _MeasureCounts(d.criteria)
            meta = d.case.meta
            met = [s.situation.name(lang) for s in d.situations if s.status == MET]
            self.rows.append(
                CaseRow(
                    shown(d.case.file, line=True),
                    shown(meta.get("id") or "", line=True),
                    shown(meta.get("title") or "", line=True),
                    shown(meta.get("subject") or "", line=True),
                    d.outcome.label[lang],
                    d.outcome.id,
                    d.outcome.favourable,
                    text("list_sep", lang).join(met),
                    report,
                    measure=d.criteria.name(lang),
                )
            )
            counts.outcomes[d.outcome.id] += 1
            for sid in d.situations_met:
                counts.situations[sid] += 1
            if not d.situations_met:
                counts.no_situation += 1
            decision = d.case.decision
            if decision is not None:
                measure = decision.measure_name.get(lang) or decision.measure
                key = (decision.label.get(lang, decision.outcome), measure)
                row = counts.decisions.setdefault(key, [0, 0, 0, 0])
                row[0] += 1
                row[1 if d.agrees else 2 if d.agrees is False else 3] += 1
                if d.agrees is False:
                    decided = text("summary.in_measure", lang, measure=measure, label=key[0])
                    counts.differing.append(
                        Disagreement(
                            shown(meta.get("id") or "", line=True),
                            shown(meta.get("title") or "", line=True),
                            shown(d.case.file, line=True),
                            shown(decided, line=True),
                            d.outcome.label[lang],
                        )
                    )

    def fail(self, file: str, error: ZgError) -> None:
        """A file that could not be loaded, with the reason."""
        problem = error.render(self.lang)
        self.rows.append(
            CaseRow(shown(file, line=True), "", "", "", text("load_failed", self.lang), "error", False, "", problem=problem)
        )
        self.cases += 1
        self.failures += 1

    @property
    def total(self) -> int:
        """Cases, loaded or not (a case checked against several measures counts once)."""
        return self.cases

    def _counts(self, measure: str | None) -> _MeasureCounts | None:
        """A measure's counts (None: the first measure's; None when no case was determined)."""
        return self.measures.get(measure or next(iter(self.measures), ""))

    @property
    def several(self) -> bool:
        return len(self.measures) > 1

    def groups(self) -> list[str | None]:
        """The measures to count by, in the order given (None for a batch where no case loaded)."""
        return list(self.measures) or [None]

    def heading(self, key: str, measure: str | None) -> str:
        """A counting table's title; with several measures, naming the measure it counts by."""
        title = text(key, self.lang)
        if self.several and measure is not None:
            title = text("summary.in_measure", self.lang, measure=self.measures[measure].criteria.name(self.lang), label=title)
        return title

    def by_outcome(self, measure: str | None = None) -> list[tuple[str, str, int, bool | None]]:
        """(label, code, count, favourable) for every outcome a measure declares (default: the first), then load failures."""
        lang = self.lang
        out = []
        counts = self._counts(measure)
        if counts is not None:
            for outcome in counts.criteria.outcomes.values():
                out.append((outcome.label[lang], outcome.id, counts.outcomes[outcome.id], outcome.favourable))
        if self.failures:
            out.append((text("load_failed", lang), "error", self.failures, False))
        return out

    def by_situation(self, measure: str | None = None) -> list[tuple[str, str, int]]:
        """(label, name, count) for every situation of a measure (default: the first), then cases that meet none."""
        lang = self.lang
        out = []
        counts = self._counts(measure)
        if counts is not None:
            for s in counts.criteria.situations:
                out.append((s.label[lang], s.name(lang), counts.situations[s.id]))
            out.append((text("no_situation_met", lang), "", counts.no_situation))
        return out

    @property
    def decided(self) -> bool:
        """Some case of the batch records the decision taken."""
        return any(c.decisions for c in self.measures.values())

    def agreement(self, measure: str | None = None) -> list[tuple[str, tuple[int, ...]]]:
        """(decision in words, with its measure; (cases, agreeing, differing, not comparable)), by decision.

        Under a measure (default: the first); the last row sums them.
        """
        counts = self._counts(measure)
        if counts is None or not counts.decisions:
            return []
        rows = [
            (text("summary.in_measure", self.lang, measure=m, label=label), tuple(n))
            for (label, m), n in sorted(counts.decisions.items(), key=lambda item: -item[1][0])
        ]
        totals = tuple(sum(numbers[i] for _, numbers in rows) for i in range(4))
        return [*rows, (text("agreement.total", self.lang), totals)]

    def agreement_table(self, measure: str | None = None) -> tuple[list[str], list[list[str]]]:
        """The agreement counts as a table of text: headings, then a row per decision and the total."""
        keys = ("col.decision", "col.count", "col.agree", "col.differ", "col.not_comparable")
        return [text(k, self.lang) for k in keys], [[label, *map(str, n)] for label, n in self.agreement(measure)]

    def differing_table(self, measure: str | None = None) -> tuple[list[str], list[list[str]]]:
        """The decided cases whose screening differs, as a table of text."""
        keys = ("col.case_id", "col.title", "col.decision", "col.screening", "col.file")
        rows = [[r.case_id, r.title, r.decision, r.screening, r.file] for r in self.differing(measure)]
        return [text(k, self.lang) for k in keys], rows

    def differing(self, measure: str | None = None) -> list[Disagreement]:
        counts = self._counts(measure)
        return counts.differing if counts is not None else []

    def agreement_line(self, measure: str | None = None) -> str:
        """In one sentence: of the decided cases, how many the screening agrees with."""
        rows = self.agreement(measure)
        if not rows:
            return ""
        cases, agree, differ, open_ = rows[-1][1]
        comparable = agree + differ
        share = f"{100 * agree / comparable:.0f}%" if comparable else "—"
        return text("agreement.line", self.lang, cases=cases, agree=agree, differ=differ, open=open_, share=share)

    def columns(self) -> list[str]:
        """The summary's columns (of CASE_COLUMNS): the measure's when several, the report's and the problem's when any."""
        shown = {"measure": self.several, "report": any(r.report for r in self.rows), "problem": any(r.problem for r in self.rows)}
        return [c for c in CASE_COLUMNS if shown.get(c, True)]

    def case_table(self) -> tuple[list[str], list[list[str]]]:
        """The row per case (and measure) every summary shows: headings in the language, then rows of plain text."""
        columns = self.columns()
        rows = []
        for r in self.rows:
            values = {
                "case_id": r.case_id, "title": r.title, "subject": r.subject, "measure": r.measure,
                "outcome": r.outcome, "situations_met": r.situations, "file": r.file, "report": r.report,
                "problem": r.problem,
            }  # fmt: skip
            rows.append([values[c] for c in columns])
        return [text(f"col.{c}", self.lang) for c in columns], rows

    def counts_line(self) -> str:
        """How many cases, and how many of them got each outcome (under each measure, when several)."""
        sep = text("list_sep", self.lang)
        parts = []
        for measure in self.groups():
            counts = sep.join(f"{label} {n}" for label, code, n, _ in self.by_outcome(measure) if n and code != "error")
            if self.several and measure is not None:
                counts = text("summary.in_measure", self.lang, measure=self.measures[measure].criteria.name(self.lang), label=counts)
            if counts:
                parts.append(counts)
        if self.failures:
            parts.append(f"{text('load_failed', self.lang)} {self.failures}")
        line = text("summary_counts", self.lang, total=self.total, counts=text("summary.measures_sep", self.lang).join(parts))
        if self.suggested:
            line += text("suggest.awaiting_total", self.lang, count=self.suggested, cases=self.suggested_cases)
        return line


def bar(count: int, most: int, width: int = 24) -> str:
    """A bar of block characters, ``width`` long for the largest count (at least one block for any case)."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))
