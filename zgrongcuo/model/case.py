"""A case as the engine sees it: metadata, answers with notes, and what a regression test expects.

Types only; ``zgrongcuo.io.case_reader`` builds them from case files and
``zgrongcuo.interview`` from a conversation.
"""

from __future__ import annotations

import re

from zgrongcuo.model.base import I18n, Record, ValueRecord
from zgrongcuo.model.conditions import AnswerValue
from zgrongcuo.model.suggestion import Suggestion

META_KEYS = ("id", "title", "subject", "summary", "conduct_date")  # conduct_date: YYYY-MM-DD as text
# case.conduct_date: a day, or a month or a year when that is all the file says; ASCII digits only
# (a full-width ２０１８ would never compare with the dates a measure was in force).
CONDUCT_DATE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")


def is_conduct_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits, naming a month or day that exists."""
    if not CONDUCT_DATE.fullmatch(value) or value[:4] == "0000":
        return False
    return len(value) < 10 or is_day(value)


def is_day(value: str) -> bool:
    """Whether ``value`` is a day written YYYY-MM-DD in ASCII digits that exists (no 2018-02-31)."""
    import datetime

    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


class Answer(ValueRecord):
    """One answer as given. ``value`` None is "answered unknown"; a fact not answered has no Answer at all."""

    __slots__ = ("value", "note", "line")

    def __init__(self, value: AnswerValue | None, note: str | None = None, line: int | None = None) -> None:
        self.value = value  # yesno: bool; set: option ids as written; None: unknown
        self.note = note
        self.line = line


class Notice(ValueRecord):
    """A warning about how a file was read (e.g. its encoding), worded in the user's language when shown."""

    __slots__ = ("msg_id", "params")

    def __init__(self, msg_id: str, params: dict[str, object] | None = None) -> None:
        self.msg_id = msg_id
        self.params = params if params is not None else {}


class Expect(ValueRecord):
    """What a regression test expects of a case's determination; None fields are not checked."""

    __slots__ = ("outcome", "situations", "next_questions", "measure")

    def __init__(
        self,
        outcome: str | None = None,
        situations: tuple[str, ...] | None = None,
        next_questions: tuple[str, ...] | None = None,
        measure: str | None = None,
    ) -> None:
        self.outcome = outcome
        self.situations = situations
        self.next_questions = next_questions
        self.measure = measure  # the measure's id; None: the first measure the case is checked against


# What a decision may say under a measure the tool does not have: relief in full (免责), in part (减责), or none
# (不予容错, 问责, 处分). Named apart from any measure's outcomes, so that one is never taken for the other.
GENERIC_DECISIONS = {"relief_full": True, "relief_partial": True, "no_relief": False}
# The words a decision under such a measure may be written in, besides the ids and their labels.
GENERIC_WORDS = {
    "relief_full": ("免责", "免予问责", "不予问责", "容错免责", "免予追究"),
    "relief_partial": ("减责", "从轻", "减轻", "从轻处理", "减轻处理", "从轻或减轻处理", "从轻或者减轻处理", "容错减责"),
    "no_relief": ("不予容错", "不予减免", "问责", "处分"),
}
DECISION_KEYS = ("outcome", "measure", "by", "date", "document", "source", "note")
UNSTATED_MEASURE = "unknown"  # decision.measure when the source does not say which measure was applied


class Decision(ValueRecord):
    """What the competent body actually decided (a case file's ``decision:``), not what the tool screens."""

    __slots__ = (
        "outcome", "measure", "by", "date", "document", "source", "note", "favourable", "known", "label", "measure_name",
        "line",
    )  # fmt: skip

    def __init__(
        self,
        outcome: str,
        measure: str,
        *,
        by: str | None = None,
        date: str | None = None,  # as the source gives it: "2018-06", "2022年1月"
        document: str | None = None,
        source: str | None = None,
        note: str | None = None,
        favourable: bool = False,
        known: bool = True,
        label: I18n | None = None,
        measure_name: I18n | None = None,
        line: int | None = None,
    ) -> None:
        self.outcome = outcome  # an outcome id of ``measure`` (or of GENERIC_DECISIONS when the tool lacks it)
        self.measure = measure  # a measure's id
        self.by = by
        self.date = date
        self.document = document
        self.source = source
        self.note = note
        self.favourable = favourable  # relief granted (in full or in part)
        self.known = known  # the tool has the measure (bundled or given); else the outcome is a generic one
        self.label = label if label is not None else {}  # the outcome in words, by language
        self.measure_name = measure_name if measure_name is not None else {}  # the measure's short name, when known
        self.line = line


class Case(Record):
    """A case as read: the file it came from, its metadata as written, its answers by fact id, and what it records."""

    __slots__ = (
        "file", "meta", "answers", "expects", "notices", "decision", "read_for", "suggested", "measures", "run_notices",
        "origin",
    )  # fmt: skip

    def __init__(
        self,
        file: str,
        meta: dict[str, str | None],
        answers: dict[str, Answer],
        expects: tuple[Expect, ...] = (),
        notices: list[Notice] | None = None,
        decision: Decision | None = None,
        suggested: dict[str, Suggestion] | None = None,
    ) -> None:
        self.file = file
        self.meta = meta
        self.answers = answers
        self.expects = expects  # what regression tests expect, one per measure at most
        self.notices = notices if notices is not None else []
        self.decision = decision
        self.read_for: str | None = None  # the one measure the file was read against, when only one (its id)
        # Which file it was read from, however named (device and inode), where that was looked up:
        # a search of a folder passes over the case it was asked about.
        self.origin: tuple[int, int] | None = None
        # Answers proposed from a written account, not yet confirmed by a person: never read by the engine.
        self.suggested: dict[str, Suggestion] = suggested if suggested is not None else {}
        # The measures the file names (``measures:``), each a bundled measure's name or a criteria file's path
        # (relative to the current folder, or absolute); None when it names none.
        self.measures: tuple[str, ...] | None = None
        # Notices about the run rather than this case (the measures it names overridden by --criteria): said once
        # per batch, on standard error, and not among the case's own warnings.
        self.run_notices: list[Notice] = []

    def expect_for(self, measure_id: str, *, primary: bool) -> Expect | None:
        """The expectation for a measure: the one naming it, else (for the first measure given) the unnamed one."""
        named = next((e for e in self.expects if e.measure == measure_id), None)
        if named is not None or not primary:
            return named
        return next((e for e in self.expects if e.measure is None), None)

    def values(self) -> dict[str, AnswerValue]:
        """Fact id -> answer value, for the facts whose answer is known: what the engine reads."""
        return {fact: a.value for fact, a in self.answers.items() if a.value is not None}

    def copy(self) -> Case:
        """A copy whose metadata and answers can change without touching this one."""
        copied = Case(
            self.file, dict(self.meta), dict(self.answers), self.expects, list(self.notices), self.decision,
            dict(self.suggested),
        )  # fmt: skip
        copied.measures, copied.origin = self.measures, self.origin
        return copied

    def awaiting(self) -> int:
        """How many proposed answers await a person's confirmation (sentences that contradict each other are not)."""
        return sum(1 for fact, s in self.suggested.items() if s.proposes and fact not in self.answers)


def blank_case(file: str = "-") -> Case:
    """A case with no metadata and no answers."""
    return Case(file=file, meta=dict.fromkeys(META_KEYS), answers={})
