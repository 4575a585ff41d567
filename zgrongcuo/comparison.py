"""The impact of a change to the criteria: every case under an old and a new criteria file, for `diff`.

A case has changed when its outcome or its situations met differ.  The
reasons are the situations, preconditions and exclusions whose status
differs; elements are matched by the situation they belong to and the fact
they test.  Pure: the report is returned, not printed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from zgrongcuo import case as case_mod
from zgrongcuo.case import Case
from zgrongcuo.criteria import Criteria
from zgrongcuo.engine import Determination, ElementResult, evaluate
from zgrongcuo.errors import ZgError

SITUATION, ELEMENT, PRECONDITION, EXCLUSION = "situation", "element", "precondition", "exclusion"


@dataclass(frozen=True, slots=True)
class Reason:
    """One status that differs between the old and the new determination."""

    where: str  # SITUATION, ELEMENT (of a situation), PRECONDITION or EXCLUSION
    situation: str | None  # the situation's id, for SITUATION and ELEMENT
    fact: str | None  # the fact an element tests
    old: str | None  # status under the old criteria; None where the item is absent
    new: str | None
    result: ElementResult | None = None  # the new element's result (or the old one's if it was removed)


@dataclass(slots=True)
class Entry:
    file: str
    case: Case | None = None  # as loaded under the new criteria (else the old)
    old: Determination | None = None
    new: Determination | None = None
    old_error: ZgError | None = None
    new_error: ZgError | None = None
    reasons: list[Reason] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.old_error is not None or self.new_error is not None

    @property
    def changed(self) -> bool:
        if self.failed:
            return False
        assert self.old is not None and self.new is not None
        return self.old.outcome.id != self.new.outcome.id or self.old.situations_met != self.new.situations_met

    @property
    def transition(self) -> tuple[str, str]:
        assert self.old is not None and self.new is not None
        return self.old.outcome.id, self.new.outcome.id


@dataclass(slots=True)
class Report:
    old: Criteria
    new: Criteria
    entries: list[Entry]

    @property
    def changed(self) -> list[Entry]:
        return [e for e in self.entries if e.changed]

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.failed]

    @property
    def unchanged(self) -> int:
        return len(self.entries) - len(self.changed) - len(self.failed)

    def transitions(self) -> list[tuple[str, str, int]]:
        """(old outcome, new outcome, number of cases), most frequent first."""
        counter = Counter(e.transition for e in self.changed)
        return [(old, new, n) for (old, new), n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _keyed(results) -> dict[tuple[str, int], ElementResult]:
    """Elements by (fact, occurrence): a fact tested twice in one place is told apart by order."""
    seen: Counter[str] = Counter()
    out = {}
    for r in results:
        out[(r.fact, seen[r.fact])] = r
        seen[r.fact] += 1
    return out


def _element_reasons(where: str, situation: str | None, old_results, new_results) -> list[Reason]:
    old, new = _keyed(old_results), _keyed(new_results)
    out = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b = old.get(key), new.get(key)
        a_status, b_status = (a.status if a else None), (b.status if b else None)
        if a_status != b_status:
            out.append(Reason(where, situation, key[0], a_status, b_status, b or a))
    return out


def reasons(old: Determination, new: Determination) -> list[Reason]:
    """Every situation, element, precondition and exclusion whose status differs."""
    out: list[Reason] = []
    old_situations = {s.situation.id: s for s in old.situations}
    new_situations = {s.situation.id: s for s in new.situations}
    for sid in [*new_situations, *(s for s in old_situations if s not in new_situations)]:
        a, b = old_situations.get(sid), new_situations.get(sid)
        elements = _element_reasons(ELEMENT, sid, a.elements if a else (), b.elements if b else ())
        a_status, b_status = (a.status if a else None), (b.status if b else None)
        if a_status != b_status:
            out.append(Reason(SITUATION, sid, None, a_status, b_status))
        if a_status != b_status or elements:
            out.extend(elements)
    out.extend(_element_reasons(PRECONDITION, None, old.preconditions, new.preconditions))
    out.extend(_element_reasons(EXCLUSION, None, old.exclusions, new.exclusions))
    return out


def compare(old: Criteria, new: Criteria, paths: list[str], *, max_bytes: int = case_mod.MAX_BYTES) -> Report:
    """Every case under ``paths`` (folders recursed as `check` does) under both criteria."""
    entries = []
    for path, problem in case_mod.discover(paths):
        entry = Entry(path)
        entries.append(entry)
        if problem is not None:
            entry.old_error = entry.new_error = problem
            continue
        try:
            data = case_mod.read_bytes(path, max_bytes=max_bytes)
        except ZgError as error:
            entry.old_error = entry.new_error = error
            continue
        # A case is read against each measure's own questions: it may load under one and not the other.
        for side, criteria in (("old", old), ("new", new)):
            try:
                loaded = case_mod.loads(data, criteria, path)
            except ZgError as error:
                setattr(entry, f"{side}_error", error)
                continue
            entry.case = loaded
            setattr(entry, side, evaluate(criteria, loaded))
        if entry.old is not None and entry.new is not None:
            entry.reasons = reasons(entry.old, entry.new) if entry.changed else []
    return Report(old, new, entries)
