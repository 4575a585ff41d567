"""What `similar` shows, worded once in one language: the nearest decided cases, how close, how they differ.

The text, JSON and Markdown outputs of `similar` lay out these views and word
nothing themselves.
"""

from __future__ import annotations

from collections.abc import Mapping

from zgrongcuo.model.base import Record
from zgrongcuo.model.case import Case
from zgrongcuo.model.criteria import Criteria, Fact
from zgrongcuo.model.precedents import Match, Search
from zgrongcuo.render.view import decision_line, shown
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import answer_text, quoted


def _name(case: Case, *, exact: bool = False) -> str:
    """How a case is named: its id and title, else its file; shown as a reader sees it, or ``exact`` (for JSON)."""
    meta = case.meta
    name = " ".join(p for p in (meta.get("id"), meta.get("title")) if p) or case.file
    return name if exact else shown(name, line=True)


class Difference(Record):
    """A question two cases both answered, differently."""

    __slots__ = ("fact", "label", "mine", "theirs", "sentence")

    def __init__(self, fact: Fact, mine: Case, theirs: Case, lang: str) -> None:
        self.fact = fact.id
        self.label = fact.label[lang]
        a, b = mine.answers[fact.id].value, theirs.answers[fact.id].value
        self.mine = answer_text(fact, a, lang)
        self.theirs = answer_text(fact, b, lang)
        self.sentence = text("similar.difference", lang, label=self.label, mine=self.mine, theirs=self.theirs)
        if isinstance(a, tuple) and isinstance(b, tuple) and a and b:  # two lists: say which options differ
            sep = text("list_sep", lang)
            only = [
                text(key, lang, options=sep.join(quoted(fact.option(o).label[lang], lang) for o in options))
                for key, options in (
                    ("similar.only_here", [o for o in a if o not in b]),
                    ("similar.only_there", [o for o in b if o not in a]),
                )
                if options
            ]
            self.sentence = text("similar.difference_options", lang, label=self.label, parts=sep.join(only))


class MatchView(Record):
    __slots__ = (
        "rank", "name", "file", "path", "similarity", "percent", "compared", "differences", "decision", "source",
        "note", "subject", "summary", "match",
    )  # fmt: skip

    def __init__(self, match: Match, mine: Case, facts: Mapping[str, Fact], lang: str) -> None:
        case = match.case
        decision = case.decision
        assert decision is not None
        self.match = match
        self.rank = match.rank
        self.name = _name(case)
        self.file = shown(case.file, line=True)
        self.path = case.file  # exactly as found: two files may look alike once shown
        self.subject = shown(case.meta.get("subject") or "")
        self.summary = shown(case.meta.get("summary") or "")
        self.similarity = round(match.comparison.similarity, 4)
        self.percent = f"{100 * match.comparison.similarity:.0f}%"
        self.compared = match.comparison.compared
        self.differences = [
            Difference(facts[f], mine, case, lang) for f in match.comparison.differing_facts if f in facts
        ]
        self.decision = decision_line(decision, lang)
        self.source = shown(decision.source or "", line=True)
        self.note = shown(decision.note or "")


class SearchView(Record):
    """The whole answer: the case, what was searched and how, and the matches."""

    __slots__ = (
        "lang", "case", "case_name", "file", "searched", "library", "measures", "read", "decided", "matches", "heading",
    )  # fmt: skip

    def __init__(
        self,
        case: Case,
        search: Search,
        facts: Mapping[str, Fact],
        measures: tuple[Criteria, ...],
        folders: list[str],
        library: bool,
        lang: str,
    ) -> None:
        self.lang = lang
        self.case = case
        self.case_name = _name(case)
        self.file = shown(case.file, line=True)
        self.searched = folders
        self.library = library  # the bundled published cases, not an office's own
        self.measures = measures
        self.read = search.read
        self.decided = search.decided
        self.matches = [MatchView(m, case, facts, lang) for m in search.matches]
        self.heading = text("similar.heading", lang, case=self.case_name)

    def counts_line(self) -> str:
        return text("similar.counts", self.lang, decided=self.decided, read=self.read, shown=len(self.matches))

    def weights_line(self) -> str:
        names = text("list_sep", self.lang).join(m.name(self.lang) for m in self.measures)
        return text("similar.weights", self.lang, measures=names)
