"""Expected results: running the cases that carry an ``expect:`` block, for `criteria test`.

A policy author's regression suite: each case states the outcome, the
situations met and (optionally) the open questions it should get; a result
says which of them differed and why.  Pure: results are returned, not printed.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import ZgError
from zgrongcuo.io import case_reader
from zgrongcuo.io.discovery import discover
from zgrongcuo.io.files import MAX_BYTES
from zgrongcuo.io.questions import Selection
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Case, Expect
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.model.determination import MET, Determination, SituationResult

PASSED, FAILED, SKIPPED, ERROR = "passed", "failed", "skipped", "load_error"
STATUSES = (PASSED, FAILED, SKIPPED, ERROR)
FIELDS = ("outcome", "situations", "next_questions")


class FieldDifference(Record):
    """One field of an ``expect:`` block that the determination does not give."""

    __slots__ = ("field", "expected", "actual")

    def __init__(self, field: str, expected: str | tuple[str, ...], actual: str | tuple[str, ...]) -> None:
        self.field = field  # one of FIELDS
        self.expected = expected
        self.actual = actual


class ExpectationResult(Record):
    """How one case file fared: passed, failed (with the differences), skipped, or could not be loaded."""

    __slots__ = ("file", "status", "case", "determination", "differences", "error", "expect", "criteria")

    def __init__(
        self,
        file: str,
        status: str,
        case: Case | None = None,
        determination: Determination | None = None,
        differences: tuple[FieldDifference, ...] = (),
        error: ZgError | None = None,
        expect: Expect | None = None,
        criteria: Criteria | None = None,
    ) -> None:
        self.file = file
        self.status = status
        self.case = case
        self.determination = determination
        self.differences = differences
        self.error = error
        self.expect = expect
        self.criteria = criteria  # the measure the expectation was checked against; None when skipped or not loaded


def actual(d: Determination) -> dict[str, str | tuple[str, ...]]:
    """What a determination gives for each field an expectation can state."""
    return {"outcome": d.outcome.id, "situations": d.situations_met, "next_questions": d.next_questions}


def differences(expect: Expect, d: Determination) -> tuple[FieldDifference, ...]:
    """The fields whose expected value the determination does not give.

    Situations and open questions are compared as sets: the criteria fix their order.
    """
    got = actual(d)
    out = []
    for name in FIELDS:
        wanted = getattr(expect, name)
        if wanted is None:
            continue
        same = wanted == got[name] if name == "outcome" else set(wanted) == set(got[name])
        if not same:
            out.append(FieldDifference(name, wanted, got[name]))
    return tuple(out)


def check_case(measures: Sequence[Criteria], case: Case) -> list[ExpectationResult]:
    """The results of one loaded case: one per measure it states an expectation for (skipped if none).

    An expectation without ``measure:`` is for the first measure given; one for
    a measure that was not given is not checked.
    """
    out = []
    for n, criteria in enumerate(measures):
        expect = case.expect_for(criteria.id, primary=n == 0)
        if expect is None:
            continue
        d = evaluate(criteria, case)
        found = differences(expect, d)
        out.append(ExpectationResult(case.file, FAILED if found else PASSED, case, d, found, expect=expect, criteria=criteria))
    return out or [ExpectationResult(case.file, SKIPPED, case)]


def run(
    criteria: Criteria | Sequence[Criteria] | Selection, paths: list[str], *, max_bytes: int = MAX_BYTES
) -> list[ExpectationResult]:
    """Every case file under ``paths`` (folders recursed as `check` does), in order, against each measure.

    Given a ``Selection``, each case against its own measures (or those ``--criteria`` gave), as `check` does.
    """
    from zgrongcuo.io.files import read_bytes
    from zgrongcuo.io.questions import questions

    if isinstance(criteria, Selection):
        asked: Questions | Selection = criteria
    else:
        asked = questions((criteria,) if isinstance(criteria, Criteria) else tuple(criteria))
    results: list[ExpectationResult] = []
    for path, problem, within in discover(paths):
        try:
            if problem is not None:
                raise problem
            loaded, read_against = case_reader.loads_for(read_bytes(path, max_bytes=max_bytes, within=within), asked, path)
        except ZgError as error:
            results.append(ExpectationResult(path, ERROR, error=error))
            continue
        results.extend(check_case(read_against.measures, loaded))
    return results


def measures_met(results: list[ExpectationResult]) -> tuple[Criteria, ...]:
    """The measures the results were checked against, in the order first met."""
    found: dict[str, Criteria] = {}
    for r in results:
        if r.criteria is not None:
            found.setdefault(r.criteria.id, r.criteria)
    return tuple(found.values())


def counts(results: list[ExpectationResult]) -> dict[str, int]:
    return {status: sum(1 for r in results if r.status == status) for status in STATUSES}


def unmet_situations(result: ExpectationResult) -> list[SituationResult]:
    """The expected situations that are not met, with their results (to say why)."""
    if result.determination is None or result.expect is None or result.expect.situations is None:
        return []
    wanted = set(result.expect.situations)
    return [s for s in result.determination.situations if s.situation.id in wanted and s.status != MET]
