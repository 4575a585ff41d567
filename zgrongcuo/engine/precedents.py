"""The decided cases nearest to a case: ranked by similarity, keeping only the best few as they come.

Pure: the cases are given (loaded elsewhere), and the ranking is returned.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Mapping

from zgrongcuo.engine.similarity import Comparison, Feature, Weigher, features
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Criteria, Fact


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


def nearest(
    case: Case, others: Iterable[Case], measures: Iterable[Criteria], facts: Mapping[str, Fact], *, top: int
) -> Search:
    """The ``top`` decided cases in ``others`` closest to ``case``; ties go to the earlier file.

    The case itself (the same file) is passed over when the folder searched holds it.
    """
    weigher = Weigher(measures)
    mine = features(case, facts)
    own = os.path.realpath(case.file) if case.file != "-" else None
    kept: list[tuple[float, int, Match]] = []  # a heap of the best, worst on top
    read = decided = 0
    for n, other in enumerate(others):
        read += 1
        if other.decision is None or (own is not None and os.path.realpath(other.file) == own):
            continue
        decided += 1
        comparison = weigher.compare(mine, features(other, facts))
        entry = (comparison.similarity, -n, Match(other, comparison))
        if len(kept) < top:
            heapq.heappush(kept, entry)
        elif entry[:2] > kept[0][:2]:
            heapq.heapreplace(kept, entry)
    ranked = [m for _, _, m in sorted(kept, key=lambda e: (-e[0], -e[1]))]
    for i, match in enumerate(ranked, 1):
        match.rank = i
    return Search(ranked, read, decided)


def differing_facts(differing: tuple[Feature, ...]) -> list[str]:
    """The questions the features belong to, in the order of the features (deciding ones first), once each."""
    out: list[str] = []
    for fact_id, _ in differing:
        if fact_id not in out:
            out.append(fact_id)
    return out
