"""Three-valued (Kleene) conditions over a case's answers, and the one way to walk them.

``True`` and ``False`` are definite; ``None`` is unknown.  ``and`` is false
if any part is false, ``or`` is true if any part is true, and otherwise
unknown when any part is unknown.  A test on an unanswered fact is unknown.

Each kind of condition says in its own class all that the rest of the
package needs of it: its parts (``children``), its value (``evaluate``, or
``combine`` from its parts' values), and which parts account for a value
(``deciding``).  Everything that walks conditions — the element tests under
a rule, the evaluation of a measure in one pass, what decides a value, what
is still open — goes through :func:`walk` and those methods, so a new kind of
condition is one new class here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, TypeVar, Union

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


def kleene(truths: Iterable[Truth], settles: bool) -> Truth:
    """Kleene "and" (``settles`` False) or "or" (True): a part of value ``settles`` settles the whole, and stops it.

    Otherwise the whole is unknown if any part is, else the other value.
    """
    result: Truth = not settles
    for value in truths:
        if value is settles:
            return settles
        if value is None:
            result = None
    return result


def _first(truths: Sequence[Truth], wanted: Truth) -> tuple[int, ...]:
    return next(((i,) for i, value in enumerate(truths) if value is wanted), ())


def _where(truths: Sequence[Truth], wanted: Truth) -> tuple[int, ...]:
    return tuple(i for i, value in enumerate(truths) if value is wanted)


class Element(Cited):
    """A test on one fact: the building block of situations, preconditions, exclusions."""

    transparent = False

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

    def children(self) -> tuple[Condition, ...]:
        return ()

    def evaluate(self, values: Values) -> Truth:
        return self.test(values.get(self.fact.id))

    def test(self, value: AnswerValue | None) -> Truth:
        """The value of the test for this answer to its fact (None: not known)."""
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

    def deciding(self, truth: Truth, parts: Sequence[Truth]) -> tuple[int, ...]:
        return ()

    @property
    def options(self) -> tuple[str, ...]:
        """The option ids a set test names (empty for a yes/no test)."""
        return self.operand if isinstance(self.operand, tuple) else ()


class _Junction(Record):
    """Parts joined by "and" or "or": ``settles`` is the value of a part that settles the whole (false for "and")."""

    __slots__ = ("parts",)
    transparent = False
    settles: bool

    def __init__(self, parts: tuple[Condition, ...]) -> None:
        self.parts = parts

    def children(self) -> tuple[Condition, ...]:
        return self.parts

    def evaluate(self, values: Values) -> Truth:
        return kleene((part.evaluate(values) for part in self.parts), self.settles)

    @property
    def combine(self) -> Callable[[Iterable[Truth]], Truth]:
        """Its value from its parts' values (one call, where a program evaluates it)."""
        return partial(kleene, settles=self.settles)

    def deciding(self, truth: Truth, parts: Sequence[Truth]) -> tuple[int, ...]:
        """Settled: its first settling part; unknown: the unknown parts; else every part (each had to hold)."""
        if truth is None:
            return _where(parts, None)
        if truth is self.settles:
            return _first(parts, truth)
        return tuple(range(len(parts)))


class AllOf(_Junction):
    """Every part holds ("and")."""

    __slots__ = ()
    settles = False


class AnyOf(_Junction):
    """Some part holds ("or")."""

    __slots__ = ()
    settles = True


class Not(Record):
    __slots__ = ("part",)
    transparent = False

    def __init__(self, part: Condition) -> None:
        self.part = part

    def children(self) -> tuple[Condition, ...]:
        return (self.part,)

    def evaluate(self, values: Values) -> Truth:
        value = self.part.evaluate(values)
        return None if value is None else not value

    @staticmethod
    def combine(truths: Sequence[Truth]) -> Truth:
        return None if truths[0] is None else not truths[0]

    def deciding(self, truth: Truth, parts: Sequence[Truth]) -> tuple[int, ...]:
        return (0,)


class Ref(Record):
    """A named part of the criteria (a situation, a group, a named condition).

    Evaluates as its target; the name is kept so the rule can be shown as written.
    """

    __slots__ = ("kind", "name", "target")

    def __init__(self, kind: str, name: str, target: Condition) -> None:
        self.kind = kind  # "situation", "situations", "preconditions", "exclusions" or "ref"
        self.name = name
        self.target = target

    def children(self) -> tuple[Condition, ...]:
        return (self.target,)

    def evaluate(self, values: Values) -> Truth:
        return self.target.evaluate(values)

    transparent = True  # its value is its target's: evaluated as one with it

    def deciding(self, truth: Truth, parts: Sequence[Truth]) -> tuple[int, ...]:
        return (0,)


Condition = Union[Element, AllOf, AnyOf, Not, Ref]

# The kinds of reference a sentence about a rule names as they are, without going beneath them.
NAMED_KINDS = frozenset({"situation", "situations", "preconditions", "exclusions"})


def named(condition: Condition) -> bool:
    """A reference to a situation, to the situations, the preconditions or the bottom lines."""
    return isinstance(condition, Ref) and condition.kind in NAMED_KINDS

N = TypeVar("N")


def walk(roots: Iterable[N], beneath: Callable[[N], Iterable[N]]) -> Iterator[N]:
    """Every node from ``roots`` down, depth first in written order, each before what is beneath it.

    ``beneath`` gives the nodes to go on with.  A stack of its own rather than
    recursion: a condition may nest as deep as the criteria's limits allow.
    """
    stack = list(reversed(list(roots)))
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(list(beneath(node))))


def children(condition: Condition) -> tuple[Condition, ...]:
    """The conditions directly beneath ``condition`` (a reference has its target)."""
    return condition.children()


def nodes_of(condition: Condition) -> Iterator[Condition]:
    """Every condition under ``condition``, itself first, references followed, in written order."""
    return walk((condition,), children)


def elements_of(condition: Condition) -> list[Element]:
    """Every element test under ``condition``, in written order."""
    return [node for node in nodes_of(condition) if isinstance(node, Element)]


class Program(Record):
    """Conditions in one order, each after its parts, to evaluate all of them at once: each once per case.

    A situation's conjunction is shared by the rules that name it, so a node
    reached several ways is one step.  ``run`` gives every node's value, by
    its position (``position``).
    """

    __slots__ = ("steps", "_index")

    def __init__(self, roots: Iterable[Condition]) -> None:
        order: list[Condition] = []
        index: dict[int, int] = {}
        entered: set[int] = set()

        def beneath(item: tuple[Condition, bool]) -> list[tuple[Condition, bool]]:
            node, leaving = item
            if leaving or id(node) in entered:  # a shared node is taken once
                return []
            entered.add(id(node))
            return [*((part, False) for part in node.children()), (node, True)]

        # A node is left after everything beneath it: that is the order of the steps.
        for node, leaving in walk(((root, False) for root in roots), beneath):
            if not leaving:
                continue
            if node.transparent:  # a reference: where its target is
                index[id(node)] = index[id(node.children()[0])]
                continue
            index[id(node)] = len(order)
            order.append(node)
        self._index = index
        steps: list[_Step] = []
        for node in order:
            parts = node.children()
            if parts:
                # itemgetter of one index gives the item, not a tuple: that index is asked for twice.
                at = [index[id(p)] for p in parts]
                steps.append(("", {}, node.combine, itemgetter(*(at * 2 if len(at) == 1 else at))))  # type: ignore[union-attr]
            else:
                assert isinstance(node, Element)
                steps.append((node.fact.id, {None: None}, node.test, None))
        self.steps = tuple(steps)

    def position(self, condition: Condition) -> int:
        return self._index[id(condition)]

    def run(self, values: Values) -> list[Truth]:
        """Every node's value under ``values``, by position."""
        truths: list[Truth] = []
        add = truths.append
        for fact, known, step, parts in self.steps:
            if parts is not None:
                add(step(parts(truths)))
                continue
            # An element test is a function of one answer, and answers repeat from case to case.
            value = values.get(fact)
            try:
                truth = known.get(value, _UNSEEN)
            except TypeError:  # a list made by hand, not a loaded answer's tuple: tested, not kept
                truth = step(value)
            if truth is _UNSEEN:
                truth = step(value)
                if len(known) < MAX_REMEMBERED:
                    known[value] = truth
            add(truth)  # type: ignore[arg-type]  # not the marker: a test's value
        return truths


_UNSEEN = object()
MAX_REMEMBERED = 1024  # answers whose test value a program keeps, per element test
# A step: for an element test, its fact, the values it gave, and the test; else its parts' places and how they combine.
_Step = tuple[str, "dict[AnswerValue | None, Truth]", Callable[..., Truth], "Callable[[list[Truth]], tuple[Truth, ...]] | None"]


C = TypeVar("C")


def deciding_walk(
    root: Condition,
    truth: Truth,
    truth_of: Callable[[Condition], Truth],
    context: C,
    within: Callable[[Condition, C], C],
    *,
    stop: Callable[[Condition], bool] = lambda condition: False,
) -> Iterator[tuple[Condition, Truth, C]]:
    """Every part that accounts for ``root`` having ``truth``, with its value and the context the parts above give it.

    From each node only the parts that decide its value are followed: all
    parts of a true ``and``, its first false part, or its unknown parts; and
    likewise for ``or``; nothing beneath a ``stop`` node.  ``within(node,
    context)`` is the context of the node's parts (e.g. the situation a
    reference enters).  ``truth_of`` gives a node's value.
    """

    def beneath(item: tuple[Condition, Truth, C]) -> list[tuple[Condition, Truth, C]]:
        node, value, around = item
        if stop(node):
            return []
        parts = node.children()
        truths = [truth_of(p) for p in parts]
        inner = within(node, around)
        return [(parts[i], truths[i], inner) for i in node.deciding(value, truths)]

    return walk(((root, truth, context),), beneath)


def deciding_parts(
    root: Condition,
    truth: Truth,
    truth_of: Callable[[Condition], Truth],
    *,
    stop: Callable[[Condition], bool] = lambda condition: False,
) -> list[tuple[Condition, Truth]]:
    """What accounts for ``root`` having ``truth``: the element tests (and the ``stop`` nodes) it comes down to.

    For an unknown rule these are the open questions; for a true one, why it holds.
    """
    return [
        (node, value)
        for node, value, _ in deciding_walk(root, truth, truth_of, None, lambda node, around: around, stop=stop)
        if isinstance(node, Element) or stop(node)
    ]
