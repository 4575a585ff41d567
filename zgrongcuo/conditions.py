"""Three-valued (Kleene) conditions over a case's answers.

``True`` and ``False`` are definite; ``None`` is unknown.  ``and`` is false
if any part is false, ``or`` is true if any part is true, and otherwise
unknown when any part is unknown.  A test on an unanswered fact is unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any as _Any, Union

if TYPE_CHECKING:
    from zgrongcuo.criteria import Fact

Truth = bool | None
Answers = Mapping[str, _Any]  # fact id -> answer value (bool, tuple of option ids) or None

# The element tests, by the key that writes them in criteria files.
YESNO_OPS = ("is",)
SET_OPS = ("has", "has_any", "has_all", "has_none")


@dataclass(frozen=True, slots=True, eq=False)
class Element:
    """A test on one fact: the building block of situations, preconditions, exclusions."""

    fact: Fact
    op: str
    operand: bool | tuple[str, ...]  # is: bool; set tests: option ids
    quote: str | None = None
    basis: str | None = None
    note: dict[str, str] | None = None
    key: str = ""
    line: int | None = None
    _operand_set: frozenset[str] = field(default=frozenset(), repr=False)

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


def make_element(fact: Fact, op: str, operand: bool | tuple[str, ...], **extra: _Any) -> Element:
    wanted = frozenset(operand) if isinstance(operand, tuple) else frozenset()
    return Element(fact, op, operand, _operand_set=wanted, **extra)


@dataclass(frozen=True, slots=True, eq=False)
class All:
    parts: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> Truth:
        result: Truth = True
        for part in self.parts:
            value = part.evaluate(answers)
            if value is False:
                return False
            if value is None:
                result = None
        return result


@dataclass(frozen=True, slots=True, eq=False)
class Any:
    parts: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> Truth:
        result: Truth = False
        for part in self.parts:
            value = part.evaluate(answers)
            if value is True:
                return True
            if value is None:
                result = None
        return result


@dataclass(frozen=True, slots=True, eq=False)
class Not:
    part: Condition

    def evaluate(self, answers: Answers) -> Truth:
        value = self.part.evaluate(answers)
        return None if value is None else not value


@dataclass(frozen=True, slots=True, eq=False)
class Ref:
    """A named part of the criteria (a situation, a group, a named condition).

    Evaluates as its target; the name is kept so the rule can be shown as written.
    """

    kind: str  # "situation", "situations", "preconditions", "exclusions" or "ref"
    name: str
    target: Condition

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
