"""zgrongcuo: screen cases against a 容错免责 measure defined in criteria.yaml.

The library the command line is built on (see docs/api.md)::

    import zgrongcuo

    criteria = zgrongcuo.load_criteria()            # the bundled Zigui 2018 measure
    case = zgrongcuo.load_case("case.yaml", criteria)
    determination = zgrongcuo.evaluate(criteria, case)
    print(determination.outcome.id, determination.situations_met)
    print(zgrongcuo.to_json(determination))         # what `check --format json` prints

    for item in zgrongcuo.check_paths(["cases/"], jobs=2):   # a folder, as `check` reads it
        ...                                                   # a Determination, or the ZgError of a file

The names in ``__all__`` are the public API; their types are importable from
here at run time (and for type checkers: the package ships ``py.typed``).
Everything else in the package is private to it and may change.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Union

__version__ = "0.1.0"

# The types the functions take and give, imported on first use so that `import zgrongcuo` stays light.
_TYPES = {
    "Criteria": "zgrongcuo.model.criteria",
    "Fact": "zgrongcuo.model.criteria",
    "Option": "zgrongcuo.model.criteria",
    "Situation": "zgrongcuo.model.criteria",
    "Outcome": "zgrongcuo.model.criteria",
    "Rule": "zgrongcuo.model.criteria",
    "Element": "zgrongcuo.model.conditions",
    "Case": "zgrongcuo.model.case",
    "Answer": "zgrongcuo.model.case",
    "Decision": "zgrongcuo.model.case",
    "Determination": "zgrongcuo.model.determination",
    "SituationResult": "zgrongcuo.model.determination",
    "ElementResult": "zgrongcuo.model.determination",
    "Status": "zgrongcuo.model.determination",
    "Counterfactual": "zgrongcuo.model.determination",
    "Change": "zgrongcuo.model.determination",
    "ZgError": "zgrongcuo.errors",
    "CaseError": "zgrongcuo.errors",
    "CriteriaError": "zgrongcuo.errors",
    "UsageError": "zgrongcuo.errors",
}

__all__ = [
    "__version__",
    # functions
    "check_paths",
    "evaluate",
    "explain",
    "load_case",
    "load_criteria",
    "to_json",
    # types (the same as _TYPES)
    "Answer",
    "Case",
    "CaseError",
    "Change",
    "Counterfactual",
    "Criteria",
    "CriteriaError",
    "Decision",
    "Determination",
    "Element",
    "ElementResult",
    "Fact",
    "Option",
    "Outcome",
    "Rule",
    "Situation",
    "SituationResult",
    "Status",
    "UsageError",
    "ZgError",
]

if TYPE_CHECKING:
    from zgrongcuo.errors import CaseError, CriteriaError, UsageError, ZgError
    from zgrongcuo.io.questions import Selection
    from zgrongcuo.model.case import Answer, Case, Decision
    from zgrongcuo.model.conditions import Element
    from zgrongcuo.model.criteria import Criteria, Fact, Option, Outcome, Questions, Rule, Situation
    from zgrongcuo.model.determination import (
        Change,
        Counterfactual,
        Determination,
        ElementResult,
        SituationResult,
        Status,
    )

# What names a measure: a bundled measure's name, a criteria file's path, or the measure itself.
MeasureSpec = Union[str, "os.PathLike[str]", "Criteria"]


def __getattr__(name: str) -> Any:
    module = _TYPES.get(name)
    if module is None:
        raise AttributeError(f"module 'zgrongcuo' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_TYPES})


def load_criteria(spec: str | os.PathLike[str] | None = None) -> Criteria:
    """Load and check a measure: a criteria file's path, a bundled measure's name, or None for the default.

    Raises ``CriteriaError`` (or ``UsageError`` for an unknown name), naming the file, line and key of the problem.
    """
    from zgrongcuo.io.criteria_builder import load

    return load(os.fspath(spec) if spec is not None else None)


def load_case(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    criteria: MeasureSpec | Sequence[MeasureSpec] | None = None,
    *,
    name: str | None = None,
    max_bytes: int | None = None,
) -> Case:
    """Load and check a case file against a measure, or the questions of several; None: the measures it names.

    A case file that names no measure (``measures:``) is read against the
    default measure, and the bundled measure its decision was taken under.
    ``source`` is a path (``-`` too is a file of that name), the file's bytes,
    or a binary stream read to its end — ``sys.stdin.buffer`` reads standard
    input, and only then.  ``name`` is the file name messages give for bytes
    or a stream (default ``-``).  Raises ``CaseError`` naming the file, line and key.
    """
    from zgrongcuo.io import case_reader
    from zgrongcuo.io.files import MAX_BYTES, identity, read_bytes

    asked = _questions(criteria)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    if isinstance(source, bytes):
        return case_reader.loads(source, asked, name or "-")
    if not isinstance(source, (str, os.PathLike)):
        return case_reader.loads(read_bytes("-", max_bytes=limit, stdin=source), asked, name or "-")
    path = os.fspath(source)
    file = os.path.join(os.curdir, "-") if path == "-" else path  # a file of that name, never standard input
    case = case_reader.loads(read_bytes(file, max_bytes=limit), asked, path)
    case.origin = identity(file)
    return case


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


def check_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    criteria: MeasureSpec | Sequence[MeasureSpec] | None = None,
    *,
    jobs: int = 1,
    explain: bool = False,
    max_bytes: int | None = None,
) -> Iterator[Determination | ZgError]:
    """Check case files and folders as ``zgrongcuo check`` does, one result at a time, in order.

    For each case file: its determination under each measure (in the order
    given), or, for a file that cannot be read or loaded, its ``ZgError``
    (``.file`` names it) — the batch goes on.  Folders are walked in sorted
    order, hidden entries skipped.  ``jobs``: worker processes (0: one per
    core); the results are the same, in the same order.  ``explain`` also
    finds what would change each outcome.  A bad measure raises at once.
    """
    from zgrongcuo.batch import check_paths as run
    from zgrongcuo.io.files import MAX_BYTES

    named = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    return run([os.fspath(p) for p in named], _questions(criteria), jobs=jobs, explain=explain, max_bytes=limit)


def to_json(item: Determination | ZgError, lang: str = "zh", *, explain: bool | None = None) -> dict[str, object]:
    """A determination as ``zgrongcuo check --format json`` prints it: the same fields, in the same order.

    A ``ZgError`` from ``check_paths`` gives the object a case file that could
    not be loaded gives (``file`` and ``error``).  ``counterfactuals`` are
    included when the determination carries them (``explain=True``), or as
    ``explain`` says.  ``json.dumps(to_json(d), ensure_ascii=False)`` is the line
    ``--format jsonl`` writes.
    """
    from zgrongcuo.errors import ZgError
    from zgrongcuo.render.fields import determination_json, error_json

    if isinstance(item, ZgError):
        return error_json(item.file or "-", item, lang)
    with_changes = item.counterfactuals is not None if explain is None else explain
    if with_changes:
        globals()["explain"](item)
    return determination_json(item, lang, explain=with_changes)


def _questions(criteria: MeasureSpec | Sequence[MeasureSpec] | None) -> Questions | Selection:
    """The measures named, each loaded once; None: each case its own, as the command line reads them.

    Named measures override what a case file names (``measures:``), as ``--criteria`` does.
    """
    from zgrongcuo.io.questions import Selection, load_measures, questions
    from zgrongcuo.model.criteria import Criteria

    if criteria is None:
        return Selection()
    specs = [criteria] if isinstance(criteria, (str, os.PathLike, Criteria)) else list(criteria)
    if all(isinstance(s, (str, os.PathLike)) for s in specs):
        selection = Selection([os.fspath(s) for s in specs])  # type: ignore[arg-type]
        assert selection.fixed is not None
        return selection
    return questions(load_measures([s if isinstance(s, Criteria) else os.fspath(s) for s in specs]))
