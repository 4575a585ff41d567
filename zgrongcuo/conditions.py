"""Three-valued (Kleene) conditions over a case's answers.

``True`` and ``False`` are definite; ``None`` is unknown.  ``and`` is false
if any part is false, ``or`` is true if any part is true, and otherwise
unknown when any part is unknown.  A test on an unanswered fact is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any as _Any, Union

from zgrongcuo.records import Record

if TYPE_CHECKING:
    from zgrongcuo.criteria import Fact

Truth = bool | None
Answers = Mapping[str, _Any]  # fact id -> answer value (bool, tuple of option ids) or None

# The element tests, by the key that writes them in criteria files.
YESNO_OPS = ("is",)
SET_OPS = ("has", "has_any", "has_all", "has_none")


class Element(Record):
    """A test on one fact: the building block of situations, preconditions, exclusions."""

    __slots__ = ("fact", "op", "operand", "quote", "basis", "note", "key", "line", "_operand_set")

    def __init__(
        self,
        fact: Fact,
        op: str,
        operand: bool | tuple[str, ...],  # is: bool; set tests: option ids
        quote: str | None = None,
        basis: str | None = None,
        note: dict[str, str] | None = None,
        key: str = "",
        line: int | None = None,
    ) -> None:
        self.fact = fact
        self.op = op
        self.operand = operand
        self.quote = quote
        self.basis = basis
        self.note = note
        self.key = key
        self.line = line
        self._operand_set = frozenset(operand) if isinstance(operand, tuple) else frozenset()

    def evaluate(self, answers: Answers) -> Truth:
        value = answers.get(self.fact.id)
        if value is None:
            return None
        if self.op == "is":
            return value is self.operand
        chosen = frozenset(value)
        wanted = self._operand_set
        if self.op == "has" or self.op == "has_all":
            return wanted <= chosen
        if self.op == "has_any":
            return not wanted.isdisjoint(chosen)
        return wanted.isdisjoint(chosen)  # has_none

    def facts(self) -> list[str]:
        return [self.fact.id]


class All(Record):
    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self.parts = parts

    def evaluate(self, answers: Answers) -> Truth:
        result: Truth = True
        for part in self.parts:
            value = part.evaluate(answers)
            if value is False:
                return False
            if value is None:
                result = None
        return result


class Any(Record):
    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self.parts = parts

    def evaluate(self, answers: Answers) -> Truth:
        result: Truth = False
        for part in self.parts:
            value = part.evaluate(answers)
            if value is True:
                return True
            if value is None:
                result = None
        return result


class Not(Record):
    __slots__ = ("part",)

    def __init__(self, part: Condition) -> None:
        self.part = part

    def evaluate(self, answers: Answers) -> Truth:
        value = self.part.evaluate(answers)
        return None if value is None else not value


class Ref(Record):
    """A named part of the criteria (a situation, a group, a named condition).

    Evaluates as its target; the name is kept so the rule can be shown as written.
    """

    __slots__ = ("kind", "name", "target")

    def __init__(self, kind: str, name: str, target: Condition) -> None:
        self.kind = kind  # "situation", "situations", "preconditions", "exclusions" or "ref"
        self.name = name
        self.target = target

    def evaluate(self, answers: Answers) -> Truth:
        return self.target.evaluate(answers)


Condition = Union[Element, All, Any, Not, Ref]


def open_facts(condition: Condition, answers: Answers, found: set[str]) -> None:
    """Add to ``found`` the facts in the unknown parts of ``condition``.

    A part that is already decided (a false part of an ``and``, a true part of
    an ``or``, anything definite) is not searched: answering its facts could
    not change the whole.
    """
    if condition.evaluate(answers) is not None:
        return
    if isinstance(condition, Element):
        found.add(condition.fact.id)
    elif isinstance(condition, (All, Any)):
        for part in condition.parts:
            open_facts(part, answers, found)
    elif isinstance(condition, Not):
        open_facts(condition.part, answers, found)
    else:
        open_facts(condition.target, answers, found)


def elements_of(condition: Condition) -> list[Element]:
    """Every element test under ``condition``, in order."""
    if isinstance(condition, Element):
        return [condition]
    if isinstance(condition, (All, Any)):
        return [e for part in condition.parts for e in elements_of(part)]
    if isinstance(condition, Not):
        return elements_of(condition.part)
    return elements_of(condition.target)
