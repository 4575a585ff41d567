"""zgrongcuo: screen cases against a 容错免责 measure defined in criteria.yaml.

The library the command line is built on (see docs/api.md)::

    import zgrongcuo

    criteria = zgrongcuo.load_criteria()            # the bundled Zigui 2018 measure
    case = zgrongcuo.load_case("case.yaml", criteria)
    determination = zgrongcuo.evaluate(criteria, case)
    print(determination.outcome.id, determination.situations_met)
    for change in zgrongcuo.explain(determination):
        ...

Everything else in the package is private to it and may change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "evaluate", "explain", "load_case", "load_criteria"]

if TYPE_CHECKING:
    from pathlib import Path

    from zgrongcuo.model.case import Case
    from zgrongcuo.model.criteria import Criteria
    from zgrongcuo.model.determination import Counterfactual, Determination


def load_criteria(spec: str | Path | None = None) -> Criteria:
    """Load and check a measure: a criteria file's path, a bundled measure's name, or None for the default.

    Raises ``zgrongcuo.errors.CriteriaError`` (or ``UsageError`` for an unknown
    name), naming the file, line and key of the problem.
    """
    from zgrongcuo.io.criteria_builder import load

    return load(spec)


def load_case(source: str | Path | bytes, criteria: Criteria, *, name: str | None = None) -> Case:
    """Load and check a case file (a path, or its bytes) against ``criteria``.

    ``name`` is the file name that messages give for bytes (default ``-``).
    Raises ``zgrongcuo.errors.CaseError`` naming the file, line and key.
    """
    from zgrongcuo.io import case_reader

    if isinstance(source, bytes):
        return case_reader.loads(source, criteria, name or "-")
    return case_reader.load(str(source), criteria)


def evaluate(criteria: Criteria, case: Case, *, explain: bool = False) -> Determination:
    """The determination of ``case`` under ``criteria``; ``explain`` also finds what would change its outcome."""
    from zgrongcuo.engine.evaluation import evaluate as run

    return run(criteria, case, explain=explain)


def explain(determination: Determination) -> tuple[Counterfactual, ...]:
    """What would change a determination's outcome: the smallest changes of answers, or the deciding open answers."""
    if determination.counterfactuals is None:
        from zgrongcuo.engine.counterfactuals import explain as search

        determination.counterfactuals, determination.counterfactuals_complete = search(determination)
    return determination.counterfactuals
