"""Several measures at once: loading the ones ``--criteria`` names, and the questions they ask together.

Measures that ask the same question use the same fact id, and an option id
means one thing in every measure (SPEC.md, "Several measures").  Here the
shared ids are checked to agree — a fact that is yes/no in one measure and a
list in another cannot be answered once for both — and a shared list offers
the union of the options.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgrongcuo.errors import CriteriaError, UsageError
from zgrongcuo.io.document import join
from zgrongcuo.model.criteria import Criteria, Fact, Questions


def load_measures(specs: Sequence[str | Criteria | None]) -> tuple[Criteria, ...]:
    """The measures named (or given, loaded), in the order given (none named: the default measure)."""
    from zgrongcuo.io.criteria_builder import load

    measures: list[Criteria] = []
    for spec in specs or (None,):
        _add_once(measures, spec if isinstance(spec, Criteria) else load(spec))
    return tuple(measures)


def _add_once(measures: list[Criteria], criteria: Criteria) -> None:
    """``criteria`` after ``measures``; a UsageError if a measure of its id is among them already."""
    for earlier in measures:
        if earlier.id == criteria.id:
            raise UsageError("measure_twice", name=criteria.id, first=earlier.path, second=criteria.path)
    measures.append(criteria)


def questions(measures: Sequence[Criteria]) -> Questions:
    """The questions of ``measures`` together; a CriteriaError where two of them use one id differently."""
    if len(measures) == 1:
        return Questions.single(measures[0])
    facts: dict[str, Fact] = {}
    owner: dict[str, Criteria] = {}
    for criteria in measures:
        for fact in criteria.facts:
            seen = facts.get(fact.id)
            if seen is None:
                facts[fact.id], owner[fact.id] = fact, criteria
                continue
            if seen.type != fact.type:
                raise CriteriaError(
                    "shared_fact_type",
                    file=criteria.path,
                    line=fact.line,
                    key=join("facts", fact.id),
                    fact=fact.id,
                    type=fact.type,
                    other=owner[fact.id].id,
                    other_type=seen.type,
                )
            extra = tuple(o for o in fact.options if o.id not in seen.option_ids)
            if extra:
                facts[fact.id] = seen.with_options(seen.options + extra)
    return Questions(tuple(measures), tuple(facts.values()))


def elsewhere(name: str, selected: Sequence[Criteria], *, option_of: str | None = None) -> str | None:
    """A bundled measure, not among ``selected``, that asks the question ``name`` (or has that option of ``option_of``).

    Only looked up when a case file names an id the selected measures do not
    know, so that the message can say which ``--criteria`` to add.
    """
    from zgrongcuo.errors import ZgError
    from zgrongcuo.io.criteria_builder import load
    from zgrongcuo.io.measures import bundled_measures

    chosen = {c.id for c in selected}
    for measure, path in bundled_measures().items():
        if measure in chosen:
            continue
        try:
            criteria = load(path)
        except ZgError:
            continue
        if criteria.id in chosen:
            continue
        if option_of is None:
            if name in criteria.fact_by_id:
                return criteria.id
        else:
            fact = criteria.fact_by_id.get(option_of)
            if fact is not None and name in fact.option_ids:
                return criteria.id
    return None


class Selection:
    """Which measures each case is checked against (SPEC.md, "A case may name the measures ...").

    ``given`` is what ``--criteria`` named, in order: when anything is given, it
    overrides what the case files say.  Otherwise each case is checked against
    the measures its ``measures:`` names, or, naming none, the default measure
    and the bundled measure its decision was taken under.  Each measure is
    loaded once, and the questions of each combination of measures built once.
    ``lang``: the language the results are shown in, which every measure must speak.
    """

    def __init__(self, given: Sequence[str] = (), *, lang: str | None = None) -> None:
        self.given = tuple(given)
        self.lang = lang
        self._loaded: dict[str, Criteria] = {}  # by the real path of the file
        self._named: dict[str | None, Criteria] = {}  # by how a case or --criteria named it (no file system per case)
        self._asked: dict[tuple[str, ...], Questions] = {}  # by the measures' ids, in order
        self._same: dict[tuple[str | None, ...], bool] = {}
        # The questions for the measures a case names, once checked (loaded, each once, in a language they speak):
        # the next case that names the same ones is read against them at once.
        self.checked: dict[tuple[str | None, ...], Questions] = {}
        self.fixed: Questions | None = None  # what --criteria named: every case is read against it
        if self.given:
            self.fixed = self.questions_for(self.given)

    def __reduce__(self) -> tuple[object, ...]:
        # To a worker process it goes as what it was made from; the worker loads the measures it meets.
        return (_selection, (self.given, self.lang))

    @property
    def overrides(self) -> bool:
        """Whether ``--criteria`` was given: then what a case file names is not used."""
        return self.fixed is not None

    def default(self) -> Questions:
        """The questions a case that names no measure is read against: those given, else the default measure's."""
        if self.fixed is not None:
            return self.fixed
        return self.questions_for((None,))

    def load(self, spec: str | None) -> Criteria:
        """A measure (a bundled name, a criteria file's path, None for the default), loaded once."""
        from zgrongcuo.io.criteria_builder import load
        from zgrongcuo.io.measures import resolve

        criteria = self._named.get(spec)
        if criteria is None:
            path = _real(resolve(spec))
            criteria = self._loaded.get(path)
            if criteria is None:
                criteria = self._loaded[path] = load(spec)
            self._named[spec] = criteria
        return criteria

    def questions_for(self, specs: Sequence[str | None]) -> Questions:
        """The questions of the measures ``specs`` name, in that order (a UsageError if one is named twice)."""
        measures: list[Criteria] = []
        for spec in specs:
            _add_once(measures, self.load(spec))
        key = tuple(f"{m.id}\0{m.sha256}" for m in measures)
        asked = self._asked.get(key)
        if asked is None:
            asked = self._asked[key] = questions(measures)
        return asked

    def known(self) -> list[Questions]:
        """The questions built so far, one for each combination of measures met (``--criteria``'s first)."""
        return list(self._asked.values())

    def same_as_given(self, specs: Sequence[str | None]) -> bool:
        """Whether ``specs`` name the measures ``--criteria`` gave (in any order), without loading them."""
        from zgrongcuo.io.measures import resolve

        key = tuple(specs)
        if key not in self._same:
            try:
                named = {_real(resolve(spec)) for spec in specs}
            except UsageError:
                named = set()
            self._same[key] = named == {_real(resolve(spec)) for spec in self.given}
        return self._same[key]


def _selection(given: tuple[str, ...], lang: str | None) -> Selection:
    return Selection(given, lang=lang)


def _real(path: str) -> str:
    import os

    return os.path.realpath(path)
