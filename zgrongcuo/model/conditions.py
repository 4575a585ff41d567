"""Three-valued (Kleene) conditions over a case's answers.

``True`` and ``False`` are definite; ``None`` is unknown.  ``and`` is false
if any part is false, ``or`` is true if any part is true, and otherwise
unknown when any part is unknown.  A test on an unanswered fact is unknown.

Each condition carries its own ``evaluate``: the logic is what the types mean,
and the engine calls it on every case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Union

from zgrongcuo.model.base import Cited, I18n, Record

if TYPE_CHECKING:
    from zgrongcuo.model.criteria import Fact

Truth = Union[bool, None]
# An answer's value as the engine reads it: a yes/no answer, or the option ids chosen.
AnswerValue = Union[bool, tuple[str, ...]]
Values = Mapping[str, AnswerValue]  # fact id -> value, for the facts whose answer is known

# The element tests, by the key that writes them in criteria files.
YESNO_OPS = ("is",)
SET_OPS = ("has", "has_any", "has_all", "has_none")


class Element(Cited):
    """A test on one fact: the building block of situations, preconditions, exclusions."""

    __slots__ = ("fact", "op", "operand", "key", "_operand_set")

    def __init__(
        self,
        fact: Fact,
        op: str,
        operand: bool | tuple[str, ...],  # is: bool; set tests: option ids
        quote: str | None = None,
        basis: str | None = None,
        note: I18n | None = None,
        key: str = "",
        line: int | None = None,
    ) -> None:
        self.fact = fact
        self.op = op
        self.operand = operand
        self.key = key  # where it is written in the criteria file
        self._cite(quote, basis, note, line)
        self._operand_set = frozenset(operand) if isinstance(operand, tuple) else frozenset()

    def evaluate(self, values: Values) -> Truth:
        value = values.get(self.fact.id)
        if value is None:
            return None
        if self.op == "is":
            return value is self.operand
        if isinstance(value, bool):  # a set test on a yes/no answer: a loaded case never has one
            return None
        chosen = frozenset(value)
        wanted = self._operand_set
        if self.op == "has" or self.op == "has_all":
            return wanted <= chosen
        if self.op == "has_any":
            return not wanted.isdisjoint(chosen)
        return wanted.isdisjoint(chosen)  # has_none

    @property
    def options(self) -> tuple[str, ...]:
        """The option ids a set test names (empty for a yes/no test)."""
        return self.operand if isinstance(self.operand, tuple) else ()


class AllOf(Record):
    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self.parts = parts

    def evaluate(self, values: Values) -> Truth:
        result: Truth = True
        for part in self.parts:
            value = part.evaluate(values)
            if value is False:
                return False
            if value is None:
                result = None
        return result


class AnyOf(Record):
    __slots__ = ("parts",)

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self.parts = parts

    def evaluate(self, values: Values) -> Truth:
        result: Truth = False
        for part in self.parts:
            value = part.evaluate(values)
            if value is True:
                return True
            if value is None:
                result = None
        return result


class Not(Record):
    __slots__ = ("part",)

    def __init__(self, part: Condition) -> None:
        self.part = part

    def evaluate(self, values: Values) -> Truth:
        value = self.part.evaluate(values)
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

    def evaluate(self, values: Values) -> Truth:
        return self.target.evaluate(values)


Condition = Union[Element, AllOf, AnyOf, Not, Ref]


def children(condition: Condition) -> tuple[Condition, ...]:
    """The conditions directly beneath ``condition`` (a reference has its target)."""
    if isinstance(condition, (AllOf, AnyOf)):
        return condition.parts
    if isinstance(condition, Not):
        return (condition.part,)
    if isinstance(condition, Ref):
        return (condition.target,)
    return ()


def elements_of(condition: Condition) -> list[Element]:
    """Every element test under ``condition``, in order (walked without recursion)."""
    out: list[Element] = []
    stack: list[Condition] = [condition]
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            out.append(node)
        else:
            stack.extend(reversed(children(node)))
    return out
