"""The impact of a change to the criteria: every case under an old and a new criteria file, for `diff`.

A case has changed when its outcome or its situations met differ.  The
reasons are the situations, preconditions and exclusions whose status
differs; elements are matched by the situation they belong to and the fact
they test.  Pure: the report is returned, not printed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import ZgError
from zgrongcuo.io import case_reader
from zgrongcuo.io.discovery import discover
from zgrongcuo.io.files import MAX_BYTES, read_bytes
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.model.determination import Determination, ElementResult

SITUATION, ELEMENT, PRECONDITION, EXCLUSION = "situation", "element", "precondition", "exclusion"


class StatusChange(Record):
    """One status that differs between the old and the new determination."""

    __slots__ = ("where", "situation", "fact", "old", "new", "result")

    def __init__(
        self,
        where: str,  # SITUATION, ELEMENT (of a situation), PRECONDITION or EXCLUSION
        situation: str | None,  # the situation's id, for SITUATION and ELEMENT
        fact: str | None,  # the fact an element tests
        old: str | None,  # status under the old criteria; None where the item is absent
        new: str | None,
        result: ElementResult | None = None,  # the new element's result (or the old one's if it was removed)
    ) -> None:
        self.where = where
        self.situation = situation
        self.fact = fact
        self.old = old
        self.new = new
        self.result = result


class ImpactEntry(Record):
    """One case file under both criteria."""

    __slots__ = ("file", "case", "old", "new", "old_error", "new_error", "changes")

    def __init__(self, file: str) -> None:
        self.file = file
        self.case: Case | None = None  # as loaded under the new criteria (else the old)
        self.old: Determination | None = None
        self.new: Determination | None = None
        self.old_error: ZgError | None = None
        self.new_error: ZgError | None = None
        self.changes: list[StatusChange] = []

    @property
    def failed(self) -> bool:
        return self.old_error is not None or self.new_error is not None

    @property
    def changed(self) -> bool:
        if self.old is None or self.new is None:
            return False
        return self.old.outcome.id != self.new.outcome.id or self.old.situations_met != self.new.situations_met

    def both(self) -> tuple[Determination, Determination]:
        """The old and the new determination of a case that loaded under both criteria."""
        assert self.old is not None and self.new is not None
        return self.old, self.new

    @property
    def transition(self) -> tuple[str, str]:
        old, new = self.both()
        return old.outcome.id, new.outcome.id


class ImpactReport(Record):
    """Every case under the old and the new criteria."""

    __slots__ = ("old", "new", "entries")

    def __init__(self, old: Criteria, new: Criteria, entries: list[ImpactEntry]) -> None:
        self.old = old
        self.new = new
        self.entries = entries

    @property
    def changed(self) -> list[ImpactEntry]:
        return [e for e in self.entries if e.changed]

    @property
    def failed(self) -> list[ImpactEntry]:
        return [e for e in self.entries if e.failed]

    @property
    def unchanged(self) -> int:
        return len(self.entries) - len(self.changed) - len(self.failed)

    def transitions(self) -> list[tuple[str, str, int]]:
        """(old outcome, new outcome, number of cases), most frequent first."""
        counter = Counter(e.transition for e in self.changed)
        return [(old, new, n) for (old, new), n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _keyed(results: Iterable[ElementResult]) -> dict[tuple[str, int], ElementResult]:
    """Elements by (fact, occurrence): a fact tested twice in one place is told apart by order."""
    seen: Counter[str] = Counter()
    out = {}
    for r in results:
        out[(r.fact, seen[r.fact])] = r
        seen[r.fact] += 1
    return out


def _element_changes(
    where: str, situation: str | None, old_results: Iterable[ElementResult], new_results: Iterable[ElementResult]
) -> list[StatusChange]:
    old, new = _keyed(old_results), _keyed(new_results)
    out = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b = old.get(key), new.get(key)
        a_status, b_status = (a.status if a else None), (b.status if b else None)
        if a_status != b_status:
            out.append(StatusChange(where, situation, key[0], a_status, b_status, b or a))
    return out


def status_changes(old: Determination, new: Determination) -> list[StatusChange]:
    """Every situation, element, precondition and exclusion whose status differs."""
    out: list[StatusChange] = []
    old_situations = {s.situation.id: s for s in old.situations}
    new_situations = {s.situation.id: s for s in new.situations}
    for sid in [*new_situations, *(s for s in old_situations if s not in new_situations)]:
        a, b = old_situations.get(sid), new_situations.get(sid)
        elements = _element_changes(ELEMENT, sid, a.elements if a else (), b.elements if b else ())
        a_status, b_status = (a.status if a else None), (b.status if b else None)
        if a_status != b_status:
            out.append(StatusChange(SITUATION, sid, None, a_status, b_status))
        if a_status != b_status or elements:
            out.extend(elements)
    out.extend(_element_changes(PRECONDITION, None, old.preconditions, new.preconditions))
    out.extend(_element_changes(EXCLUSION, None, old.exclusions, new.exclusions))
    return out


def compare(old: Criteria, new: Criteria, paths: list[str], *, max_bytes: int = MAX_BYTES) -> ImpactReport:
    """Every case under ``paths`` (folders recursed as `check` does) under both criteria."""
    entries = []
    for path, problem, within in discover(paths):
        entry = ImpactEntry(path)
        entries.append(entry)
        if problem is not None:
            entry.old_error = entry.new_error = problem
            continue
        try:
            data = read_bytes(path, max_bytes=max_bytes, within=within)
        except ZgError as error:
            entry.old_error = entry.new_error = error
            continue
        # A case is read against each measure's own questions: it may load under one and not the other.
        for side, criteria in (("old", old), ("new", new)):
            try:
                loaded = case_reader.loads(data, criteria, path)
            except ZgError as error:
                setattr(entry, f"{side}_error", error)
                continue
            entry.case = loaded
            setattr(entry, side, evaluate(criteria, loaded))
        if entry.old is not None and entry.new is not None and entry.changed:
            entry.changes = status_changes(entry.old, entry.new)
    return ImpactReport(old, new, entries)
