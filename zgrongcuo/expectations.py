"""Expected results: running the cases that carry an ``expect:`` block, for `criteria test`.

A policy author's regression suite: each case states the outcome, the
situations met and (optionally) the open questions it should get; a result
says which of them differed and why.  Pure: results are returned, not printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from zgrongcuo import case as case_mod
from zgrongcuo.case import Case, Expect
from zgrongcuo.criteria import Criteria
from zgrongcuo.engine import MET, Determination, evaluate
from zgrongcuo.errors import ZgError

PASSED, FAILED, SKIPPED, ERROR = "passed", "failed", "skipped", "load_error"
STATUSES = (PASSED, FAILED, SKIPPED, ERROR)
FIELDS = ("outcome", "situations", "next_questions")


@dataclass(frozen=True, slots=True)
class Difference:
    field: str  # one of FIELDS
    expected: str | tuple[str, ...]
    actual: str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Result:
    file: str
    status: str
    case: Case | None = None
    determination: Determination | None = None
    differences: tuple[Difference, ...] = ()
    error: ZgError | None = None

    @property
    def expect(self) -> Expect | None:
        return self.case.expect if self.case else None


def actual(d: Determination) -> dict[str, str | tuple[str, ...]]:
    """What a determination gives for each field an expectation can state."""
    return {"outcome": d.outcome.id, "situations": d.situations_met, "next_questions": d.next_questions}


def differences(expect: Expect, d: Determination) -> tuple[Difference, ...]:
    """The fields whose expected value the determination does not give.

    Situations and open questions are compared as sets: the criteria fix their order.
    """
    got = actual(d)
    out = []
    for name in FIELDS:
        wanted = getattr(expect, name)
        if wanted is None:
            continue
        same = wanted == got[name] if name == "outcome" else set(wanted) == set(got[name])  # type: ignore[arg-type]
        if not same:
            out.append(Difference(name, wanted, got[name]))
    return tuple(out)


def check_case(criteria: Criteria, case: Case) -> Result:
    """The result of one loaded case."""
    if case.expect is None:
        return Result(case.file, SKIPPED, case)
    d = evaluate(criteria, case)
    found = differences(case.expect, d)
    return Result(case.file, FAILED if found else PASSED, case, d, found)


def run(criteria: Criteria, paths: list[str], *, max_bytes: int = case_mod.MAX_BYTES) -> list[Result]:
    """Every case file under ``paths`` (folders recursed as `check` does), in order."""
    results = []
    for path, problem in case_mod.discover(paths):
        try:
            if problem is not None:
                raise problem
            loaded = case_mod.load(path, criteria, max_bytes=max_bytes)
        except ZgError as error:
            results.append(Result(path, ERROR, error=error))
            continue
        results.append(check_case(criteria, loaded))
    return results


def counts(results: list[Result]) -> dict[str, int]:
    return {status: sum(1 for r in results if r.status == status) for status in STATUSES}


def unmet_situations(result: Result) -> list:
    """The expected situations that are not met, with their results (to say why)."""
    if result.determination is None or result.expect is None or result.expect.situations is None:
        return []
    wanted = set(result.expect.situations)
    return [s for s in result.determination.situations if s.situation.id in wanted and s.status != MET]
