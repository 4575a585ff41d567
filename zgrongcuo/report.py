"""Reports: a determination as plain sentences and rows, ready for Markdown, HTML or Word.

The renderers of documents (``render_markdown``, ``render_html``,
``render_docx``) only lay out what :func:`build` gives them, so the three
say the same things in the same order.  This module also words what would
change the outcome (``explain.py`` finds it), tallies a batch for the
summary, and names and writes one report file per case.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from zgrongcuo import __version__
from zgrongcuo.engine import Determination, ElementResult
from zgrongcuo.errors import ZgError
from zgrongcuo.explain import Change, Counterfactual, explain
from zgrongcuo.messages import text
from zgrongcuo.reasons import answer_text, fact_labels, reason, status_text

# ------------------------------------------------------- what would change


def _change_text(change: Change, lang: str, *, finding: bool) -> str:
    fact = change.fact
    label = fact.label[lang]
    before = answer_text(fact, change.before, lang)
    to = answer_text(fact, change.after, lang)
    if finding:
        return text("cf.found", lang, label=label, to=to, before=before)
    added, removed = change.added(), change.removed()
    if added or removed:
        parts = []
        if added:
            parts.append(text("cf.add", lang, label=label, options=answer_text(fact, added, lang)))
        if removed:
            parts.append(text("cf.remove", lang, label=label, options=answer_text(fact, removed, lang)))
        return text("cf.and", lang).join(parts)
    return text("cf.answer", lang, label=label, to=to, before=before)


def _then(cf: Counterfactual, d: Determination, lang: str) -> str:
    new = [s for s in d.criteria.situations if s.id in cf.situations_met and s.id not in d.situations_met]
    if not new:
        return ""
    names = text("list_sep", lang).join(text("cf.situation", lang, id=s.id, label=s.label[lang]) for s in new)
    return text("cf.then", lang, situations=names)


def counterfactual_text(cf: Counterfactual, d: Determination, lang: str) -> str:
    """One sentence: the changes and where they lead, worded as a finding when a bottom line is involved."""
    bottom = {e.fact.id for e in d.criteria.exclusions}
    outcome = cf.outcome.label[lang]
    if d.outcome.favourable is None:
        (change,) = cf.changes
        to = answer_text(change.fact, change.after, lang)
        return text("cf.open", lang, label=change.fact.label[lang], to=to, then=_then(cf, d, lang), outcome=outcome)
    sep = text("cf.and", lang)
    if cf.bottom_line:
        changes = sep.join(_change_text(ch, lang, finding=ch.fact.id in bottom) for ch in cf.changes)
        return text("cf.bottom", lang, changes=changes, outcome=outcome)
    changes = sep.join(_change_text(ch, lang, finding=False) for ch in cf.changes)
    return text("cf.if", lang, changes=changes, then=_then(cf, d, lang), outcome=outcome)


@dataclass
class Explanation:
    """What would change a determination, in sentences; empty for a favourable outcome."""

    intro: str = ""
    lines: list[str] = field(default_factory=list)
    bottom_heading: str = ""
    bottom_lines: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    found: list[Counterfactual] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.intro or self.lines or self.bottom_lines or self.closing)


def explanation(d: Determination, lang: str, found: list[Counterfactual] | None = None) -> Explanation:
    """The sentences for what would change ``d`` (``found``: :func:`explain.explain`'s result, if at hand)."""
    found = explain(d) if found is None else found
    out = Explanation(found=found)
    if d.outcome.favourable is True:
        return out
    if d.outcome.favourable is None:
        out.intro = text("cf.open_heading", lang)
        out.lines = [counterfactual_text(cf, d, lang) for cf in found]
        if not found:
            out.closing.append(text("cf.open_none", lang))
        return out
    plain = [cf for cf in found if not cf.bottom_line]
    bottom = [cf for cf in found if cf.bottom_line]
    if plain:
        out.intro = text("cf.intro", lang)
        out.lines = [counterfactual_text(cf, d, lang) for cf in plain]
    if bottom:
        out.bottom_heading = text("cf.bottom_heading", lang)
        out.bottom_lines = [counterfactual_text(cf, d, lang) for cf in bottom]
    if not found:
        out.closing.append(text("cf.none", lang))
        if d.unchecked_exclusions:
            out.closing.append(text("cf.none_unchecked", lang, facts=fact_labels(d.criteria, d.unchecked_exclusions, lang)))
    out.closing.append(text("cf.not_a_change", lang))
    return out


def counterfactuals_json(d: Determination, lang: str) -> list[dict]:
    """The ``counterfactuals`` field of a JSON determination (``--explain``)."""

    def value(v):
        return list(v) if isinstance(v, tuple) else v

    return [
        {
            "changes": [{"fact": ch.fact.id, "from": value(ch.before), "to": value(ch.after)} for ch in cf.changes],
            "outcome": cf.outcome.id,
            "outcome_label": cf.outcome.label[lang],
            "situations_met": list(cf.situations_met),
            "bottom_line": cf.bottom_line,
            "text": counterfactual_text(cf, d, lang),
        }
        for cf in explain(d)
    ]


# ----------------------------------------------------------- the report


@dataclass
class Row:
    label: str
    status: str  # met / not_met / unknown
    status_text: str
    reason: str


@dataclass
class SituationPart:
    id: str
    label: str
    status: str
    status_text: str
    heading: str
    quote: str
    elements: list[Row]


@dataclass
class Report:
    """Everything a report shows, as plain text in one language."""

    lang: str
    title: str
    file: str
    meta: list[tuple[str, str]]  # (label, value) for the metadata given
    outcome: str
    outcome_code: str
    favourable: bool | None
    how: str
    situations: list[SituationPart]
    preconditions: list[Row]
    exclusions: list[Row]
    answers: list[tuple[str, str, str]]  # question, answer, note
    open_questions: list[str]
    unchecked: list[str]
    explanation: Explanation
    criteria_line: str
    sha_line: str
    reminder: str
    generated: str
    headings: dict[str, str]


def generated_at() -> str:
    """Now, to the minute, with the UTC offset; SOURCE_DATE_EPOCH fixes it for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    else:
        moment = datetime.now().astimezone()
    return moment.strftime("%Y-%m-%d %H:%M %z").replace("+0000", "UTC")


_DIGITS = "〇一二三四五六七八九"


def numeral(n: int, lang: str) -> str:
    """1 → 一, 12 → 十二 in Chinese (the numbering of official documents); digits otherwise."""
    if lang != "zh" or not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _DIGITS[tens]) + "十" if tens else "") + (_DIGITS[ones] if ones else "")


def case_name(d: Determination) -> str:
    meta = d.case.meta
    return " ".join(p for p in (meta.get("id"), meta.get("title")) if p) or d.case.file


def _rows(results: tuple[ElementResult, ...], lang: str, *, exclusion: bool = False) -> list[Row]:
    return [
        Row(
            r.element.fact.label[lang],
            r.status,
            status_text(r.status, lang, exclusion=exclusion),
            reason(r, lang, exclusion=exclusion),
        )
        for r in results
    ]


def how_text(d: Determination, lang: str) -> str:
    """"依据第 3 条判定规则；符合情形：S2"."""
    how = text("rule_fired", lang, number=d.rule.number) if d.rule else text("no_rule_fired", lang)
    how += "；" if lang == "zh" else "; "
    met = d.situations_met
    return how + (text("situations_met", lang, ids=text("list_sep", lang).join(met)) if met else text("no_situation_met", lang))


def build(d: Determination, lang: str, *, generated: str | None = None, found: list[Counterfactual] | None = None) -> Report:
    """The report of one determination."""
    criteria = d.criteria
    meta = d.case.meta
    meta_rows = [(text(f"meta.{k}", lang), meta[k]) for k in ("id", "title", "subject", "summary") if meta.get(k)]
    meta_rows.append((text("report.file", lang), d.case.file))
    situations = []
    for n, s in enumerate(d.situations, 1):
        st = status_text(s.status, lang)
        situations.append(
            SituationPart(
                id=s.situation.id,
                label=s.situation.label[lang],
                status=s.status,
                status_text=st,
                heading=text("report.situation", lang, number=numeral(n, lang), id=s.situation.id, label=s.situation.label[lang], status=st),
                quote=s.situation.quote or "",
                elements=_rows(s.elements, lang),
            )
        )
    answers = [
        (fact.label[lang], answer_text(fact, d.case.answers[fact.id].value, lang), d.case.answers[fact.id].note or "")
        for fact in criteria.facts
        if fact.id in d.case.answers
    ]
    unchecked = []
    if d.decided and d.unchecked_exclusions:
        unchecked.append(text("unchecked_exclusions", lang, facts=fact_labels(criteria, d.unchecked_exclusions, lang)))
        if not d.outcome.favourable:
            unchecked.append(text("unchecked_explained", lang))
    headings = {
        key: text(key, lang)
        for key in (
            "report.basic",
            "report.analysis",
            "report.conclusion",
            "report.procedure",
            "report.elements",
            "heading.situations",
            "heading.preconditions",
            "heading.exclusions",
            "heading.answers",
            "heading.open_questions",
            "cf.heading",
            "col.item",
            "col.status",
            "col.reason",
            "col.question",
            "col.answer",
            "col.note",
        )
    }
    return Report(
        lang=lang,
        title=text("report.title", lang, name=case_name(d)),
        file=d.case.file,
        meta=meta_rows,
        outcome=d.outcome.label[lang],
        outcome_code=d.outcome.id,
        favourable=d.outcome.favourable,
        how=how_text(d, lang),
        situations=situations,
        preconditions=_rows(d.preconditions, lang),
        exclusions=_rows(d.exclusions, lang, exclusion=True),
        answers=answers,
        open_questions=[f"{criteria.fact_by_id[f].question[lang]} ({f})" for f in d.next_questions],
        unchecked=unchecked,
        explanation=explanation(d, lang, found),
        criteria_line=text("criteria_line", lang, title=criteria.title[lang], version=criteria.version, sha=criteria.sha256[:12]),
        sha_line=text("report.sha", lang, sha=criteria.sha256),
        reminder=criteria.reminder[lang],
        generated=text("report.generated", lang, time=generated or generated_at(), version=__version__),
        headings=headings,
    )


# ----------------------------------------------------------- the summary


@dataclass
class CaseRow:
    file: str
    case_id: str
    outcome: str  # label, or "could not be loaded"
    code: str
    favourable: bool | None
    situations: str
    report: str = ""  # the report's file name, when written to a folder


@dataclass
class Tally:
    """Counts of a batch by outcome and by situation met, in the criteria's order."""

    lang: str
    rows: list[CaseRow] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)  # outcome id -> cases
    situations: Counter = field(default_factory=Counter)  # situation id -> cases
    no_situation: int = 0
    failures: int = 0
    criteria: object = None

    def add(self, d: Determination, report: str = "") -> None:
        self.criteria = self.criteria or d.criteria
        sep = text("list_sep", self.lang)
        self.rows.append(
            CaseRow(d.case.file, d.case.meta.get("id") or "", d.outcome.label[self.lang], d.outcome.id, d.outcome.favourable, sep.join(d.situations_met), report)
        )
        self.outcomes[d.outcome.id] += 1
        for sid in d.situations_met:
            self.situations[sid] += 1
        if not d.situations_met:
            self.no_situation += 1

    def fail(self, file: str) -> None:
        self.rows.append(CaseRow(file, "", text("load_failed", self.lang), "error", False, ""))
        self.failures += 1

    @property
    def total(self) -> int:
        return len(self.rows)

    def by_outcome(self) -> list[tuple[str, str, int, bool | None]]:
        """(label, code, count, favourable) for every outcome the criteria declare, then load failures."""
        lang = self.lang
        out = []
        if self.criteria is not None:
            for outcome in self.criteria.outcomes.values():  # type: ignore[attr-defined]
                out.append((outcome.label[lang], outcome.id, self.outcomes[outcome.id], outcome.favourable))
        if self.failures:
            out.append((text("load_failed", lang), "error", self.failures, False))
        return out

    def by_situation(self) -> list[tuple[str, str, int]]:
        """(label, id, count) for every situation, then cases that meet none."""
        lang = self.lang
        out = []
        if self.criteria is not None:
            for s in self.criteria.situations:  # type: ignore[attr-defined]
                out.append((s.label[lang], s.id, self.situations[s.id]))
            out.append((text("no_situation_met", lang), "", self.no_situation))
        return out

    def counts_line(self) -> str:
        counts = text("list_sep", self.lang).join(f"{label} {n}" for label, _, n, _ in self.by_outcome() if n)
        return text("summary_counts", self.lang, total=self.total, counts=counts)


# ------------------------------------------------------------ file names

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])$", re.IGNORECASE)
MAX_NAME = 80


def safe_stem(name: str) -> str:
    """``name`` made safe as a file name on Windows, macOS and Linux (Chinese kept)."""
    stem = _UNSAFE.sub("_", name).strip().strip(".").strip()
    stem = re.sub(r"\s+", " ", stem)[:MAX_NAME].rstrip(" .")
    if not stem or _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem


def report_stem(d_or_file: Determination | str) -> str:
    """A report's file name without suffix: the case id, else the case file's stem."""
    if isinstance(d_or_file, str):
        file, case_id = d_or_file, None
    else:
        file, case_id = d_or_file.case.file, d_or_file.case.meta.get("id")
    if case_id:
        return safe_stem(case_id)
    return safe_stem("stdin" if file == "-" else Path(file).stem)


SUMMARY_STEM = "summary"


class FolderWriter:
    """A renderer that writes one report per case into a folder, and the summary at the end."""

    def __init__(self, module, folder: Path, lang: str, *, force: bool, say, summary: bool = True) -> None:
        self.module, self.folder, self.lang, self.force, self.say = module, folder, lang, force, say
        self.summary = summary
        self.tally = Tally(lang)
        self.used = {SUMMARY_STEM.lower()}
        self.generated = generated_at()
        self.errors: list[ZgError] = []

    def _name(self, stem: str) -> Path:
        # Two cases with the same id in one batch get -2, -3…; a rerun names them the same way.
        candidate, n = stem, 2
        while candidate.lower() in self.used:
            candidate = f"{stem}-{n}"
            n += 1
        self.used.add(candidate.lower())
        return self.folder / f"{candidate}{self.module.SUFFIX}"

    def _write(self, path: Path, data) -> bool:
        from zgrongcuo.files import write_new

        try:
            write_new(path, data, force=self.force)
        except ZgError as error:
            self.errors.append(error.at(file=str(path)))
            return False
        self.say(text("wrote", self.lang, file=str(path)))
        return True

    def determination(self, d: Determination) -> None:
        path = self._name(report_stem(d))
        data = self.module.document(build(d, self.lang, generated=self.generated))
        self.tally.add(d, path.name if self._write(path, data) else "")

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file)

    def close(self) -> None:
        if self.summary and self.tally.total:
            self._write(self.folder / f"{SUMMARY_STEM}{self.module.SUFFIX}", self.module.summary_document(self.tally, self.generated))


def bar(count: int, most: int, width: int = 24) -> str:
    """A bar of block characters, ``width`` long for the largest count (at least one block for any case)."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))
