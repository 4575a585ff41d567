"""The decided cases nearest to a case: ranked by similarity, keeping only the best few as they come.

Pure: the cases are given (loaded elsewhere), and the ranking is returned.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

from zgrongcuo.engine.similarity import Weigher, features
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Criteria, Fact
from zgrongcuo.model.precedents import Match, Search


def nearest(
    case: Case, others: Iterable[Case], measures: Iterable[Criteria], facts: Mapping[str, Fact], *, top: int
) -> Search:
    """The ``top`` decided cases in ``others`` closest to ``case``; ties go to the earlier file.

    The case itself (the same file, by ``Case.origin``) is passed over when the folder searched holds it.
    """
    weigher = Weigher(measures)
    mine = features(case, facts)
    own = case.origin
    kept: list[tuple[float, int, Match]] = []  # a heap of the best, worst on top
    read = decided = 0
    for n, other in enumerate(others):
        read += 1
        if other.decision is None or (own is not None and other.origin == own):
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
