"""The measures' examples are tests: each case file's ``expect:`` block, one pytest item per measure it names.

As OpenFisca collects its YAML tests, pytest collects the case files under
``examples/``, ``measures/*/examples/`` and ``precedents/`` (the folders in
``testpaths``): a failing example shows in pytest's report with what
differed and why, and ``-k`` reaches it by file or measure
(``pytest -k s4-legacy``, ``pytest examples -k zigui-2018``).  ``zgrongcuo
criteria test`` runs the same checks for a measure's authors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
CASE_SUFFIXES = (".yaml", ".yml", ".json")


def _is_example(path: Path) -> bool:
    try:
        parts = path.relative_to(ROOT).parts
    except ValueError:
        return False
    return path.suffix in CASE_SUFFIXES and (
        parts[0] in ("examples", "precedents") or (parts[0] == "measures" and "examples" in parts[1:-1])
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if _is_example(file_path):
        return ExampleFile.from_parent(parent, path=file_path)
    return None


class ExampleFile(pytest.File):
    """A case file with an ``expect:`` block: an item for each measure an expectation names."""

    def collect(self):
        from zgrongcuo.errors import ZgError

        try:
            case = _load(self.path, None)
        except ZgError:  # an item that fails with the message, and the rest of the run goes on
            yield ExampleItem.from_parent(self, name="load", measure=None, measures=[])
            return
        named = [e.measure for e in case.expects]
        if not named:
            raise self.CollectError(f"{self.path.relative_to(ROOT)}: an example states what it expects (expect:)")
        for measure in named:
            yield ExampleItem.from_parent(self, name=measure or "default", measure=measure, measures=named)


class ExampleItem(pytest.Item):
    def __init__(self, *, measure: str | None, measures: list[str | None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.measure = measure
        self.measures = measures

    def runtest(self) -> None:
        from zgrongcuo.authoring.expectations import FAILED, check_case
        from zgrongcuo.io.questions import load_measures

        measures = load_measures(self.measures) if self.measures else None
        case = _load(self.path, measures)  # read against exactly the measures it names
        assert measures is not None
        wanted = self.measure or measures[0].id
        [result] = [r for r in check_case(measures, case) if r.criteria is not None and r.criteria.id == wanted]
        if result.status == FAILED:
            raise ExampleFailed(result)

    def repr_failure(self, excinfo, style=None):
        from zgrongcuo.errors import ZgError

        if isinstance(excinfo.value, ExampleFailed):
            from zgrongcuo.authoring.phrases import difference_text, failure_reasons

            result = excinfo.value.result
            lines = [difference_text(result.criteria, d, "en") for d in result.differences]
            return "\n".join([*lines, *("  " + r for r in failure_reasons(result, "en"))])
        if isinstance(excinfo.value, ZgError):
            return excinfo.value.render("en")
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"{self.path.relative_to(ROOT)} under {self.name}"


class ExampleFailed(Exception):
    """An example whose determination is not the one its ``expect:`` block states."""

    def __init__(self, result) -> None:
        super().__init__(result.file)
        self.result = result


def _load(path: Path, measures):
    """The case file read against ``measures``, or against every bundled measure (None) to see what it names."""
    from zgrongcuo.io import case_reader
    from zgrongcuo.io.measures import bundled_measures
    from zgrongcuo.io.questions import load_measures, questions

    if measures is None:
        measures = load_measures(list(bundled_measures()))
    return case_reader.load(str(path), questions(measures))
