"""What a search for the nearest decided cases gives: how close each is, and on what it differs.

Types only; ``zgrongcuo.engine.similarity`` and ``zgrongcuo.engine.precedents``
compute them, and ``render.similar_view`` words them.
"""

from __future__ import annotations

from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Case

Feature = tuple[str, str]  # (fact id, "" for a yes/no question or the option id)


class Comparison(Record):
    """How close another case is to this one, and on which features they differ."""

    __slots__ = ("similarity", "agreeing", "compared", "differing", "differing_facts")

    def __init__(self, similarity: float, agreeing: float, compared: float, differing: tuple[Feature, ...]) -> None:
        self.similarity = similarity
        self.agreeing = agreeing  # weight of the features both know and answer alike
        self.compared = compared  # weight of the features both know
        self.differing = differing  # features both know and answer differently, deciding ones first
        # The questions those features belong to, in the same order, once each.
        self.differing_facts = tuple(dict.fromkeys(fact_id for fact_id, _ in differing))


class Match(Record):
    """A decided case, how close it is, and on what it differs."""

    __slots__ = ("case", "comparison", "rank")

    def __init__(self, case: Case, comparison: Comparison, rank: int = 0) -> None:
        self.case = case
        self.comparison = comparison
        self.rank = rank


class Search(Record):
    """The outcome of a search: the nearest decided cases, and how many cases were looked at."""

    __slots__ = ("matches", "read", "decided")

    def __init__(self, matches: list[Match], read: int, decided: int) -> None:
        self.matches = matches
        self.read = read  # case files read
        self.decided = decided  # of them, cases with a decision (the ones ranked)
