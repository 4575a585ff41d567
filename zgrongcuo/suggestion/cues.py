"""Cue phrases: what a measure's author writes under ``cues:``, and finding them in a text.

A phrase is a piece of text as it appears in written accounts: ``集体研究``,
``未谋取私利``.  An ellipsis ``…`` (or ``...``) in a phrase stands for a few
characters within one clause — up to ``GAP`` of them, no clause mark among
them — so that ``违反…规定`` finds 违反了国家有关规定 as well as 违反规定.  A
phrase holds no clause or sentence mark itself: it is found within a clause.

The cues of every measure checked together are found at once; where two
measures give the same phrase to one question, it is looked for once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from zgrongcuo.model.base import Record
from zgrongcuo.model.criteria import Questions

GAP = 20  # characters an ellipsis in a phrase stands for, at most
_GAP_MARKS = re.compile(r"…+|\.{3,}")
_BREAKS = "，,。；;！？!?：:\n"  # a phrase lies within one clause
_GAP_PATTERN = "[^" + re.escape(_BREAKS) + "]{0," + str(GAP) + "}?"
MAX_HITS = 20_000  # places where cues are found in one account, at most: a text of nothing but cues stops there


def parts(phrase: str) -> list[str]:
    """The literal pieces of a phrase, between its gaps."""
    return [p.strip() for p in _GAP_MARKS.split(phrase)]


_BREAK = re.compile("[" + re.escape(_BREAKS) + "]")


def phrase_problem(phrase: str, *, gaps: bool = True) -> str | None:
    """Why a phrase cannot be a cue (a message id), or None; ``gaps`` False: a plain word, without ``…``."""
    if not phrase:
        return "cue_empty"
    if _BREAK.search(phrase):
        return "cue_punctuation"
    if "…" not in phrase and "..." not in phrase:  # most phrases: every criteria file's load checks them
        return None
    pieces = parts(phrase)
    if not gaps and len(pieces) > 1:
        return "cue_gap_in_word"
    if any(not p for p in pieces):  # at an end, or two gaps in a row
        return "cue_gap_edge"
    return None


class Cue(Record):
    """One phrase of one question: the answer it shows (for a list, that ``option`` holds)."""

    __slots__ = ("phrase", "fact", "option", "says", "first", "pattern")

    def __init__(self, phrase: str, fact: str, option: str | None, says: bool) -> None:
        self.phrase = phrase
        self.fact = fact
        self.option = option
        self.says = says
        pieces = parts(phrase)
        self.first = pieces[0]  # looked for with str.find; the rest, if any, matched from there
        gap = "(" + _GAP_PATTERN + ")"
        self.pattern = re.compile(gap.join(re.escape(p) for p in pieces)) if len(pieces) > 1 else None

    def match_at(self, text: str, position: int) -> Hit | None:
        """The phrase found at ``position`` (where its first piece is), or None if the rest of it is not there."""
        if self.pattern is None:
            return Hit(self, position, position + len(self.first))
        m = self.pattern.match(text, position)
        return Hit(self, position, m.end(), "".join(m.groups())) if m else None


class Hit(Record):
    """A cue found in a text: where it starts and ends, and the words its gaps took in."""

    __slots__ = ("cue", "start", "end", "gaps")

    def __init__(self, cue: Cue, start: int, end: int, gaps: str = "") -> None:
        self.cue = cue
        self.start = start
        self.end = end
        self.gaps = gaps  # 违反…规定 in 违反了国家有关规定: "了国家有关"


class CueIndex:
    """The cues of the measures checked together, by their first piece."""

    def __init__(self, questions: Questions) -> None:
        by_first: dict[str, list[Cue]] = {}
        self.unless: dict[str, tuple[str, ...]] = {}  # fact id -> words that keep a sentence from counting for it
        for criteria in questions.measures:
            for fact in criteria.facts:
                if fact.cues_unless:
                    known = self.unless.get(fact.id, ())
                    self.unless[fact.id] = known + tuple(w for w in fact.cues_unless if w not in known)
        seen: set[tuple[str, str, str | None, bool]] = set()
        for cue in _cues_of(questions):
            key = (cue.phrase, cue.fact, cue.option, cue.says)
            if key in seen:  # shared by several measures: looked for once
                continue
            seen.add(key)
            by_first.setdefault(cue.first, []).append(cue)
        self.by_first = by_first

    def hits(self, text: str) -> tuple[list[Hit], bool]:
        """Every place a cue is found, in order of position; and whether the limit (MAX_HITS) stopped the search."""
        limit = MAX_HITS
        out: list[Hit] = []
        for first, cues in self.by_first.items():
            position = text.find(first)
            while position >= 0:
                for cue in cues:
                    hit = cue.match_at(text, position)
                    if hit is not None:
                        out.append(hit)
                if len(out) >= limit:
                    out.sort(key=lambda h: (h.start, -h.end))
                    return out[:limit], True
                position = text.find(first, position + 1)
        out.sort(key=lambda h: (h.start, -h.end))
        return out, False


def _cues_of(questions: Questions) -> Iterator[Cue]:
    """Every measure's cues for the questions asked (a shared question gathers the cues of each measure)."""
    for criteria in questions.measures:
        for fact in criteria.facts:
            for says, phrases in fact.cues.items():
                for phrase in phrases:
                    yield Cue(phrase, fact.id, None, says)
            for option in fact.options:
                for phrase in option.cues:
                    yield Cue(phrase, fact.id, option.id, True)
