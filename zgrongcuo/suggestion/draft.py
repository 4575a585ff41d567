"""A case-file draft from written accounts: their words as the summary, and the answers they suggest.

Nothing goes into ``answers`` but what a case file given among the accounts
already held: a suggestion becomes an answer only when a person confirms it
(``zgrongcuo ask``).  Pure: the accounts come in already read.
"""

from __future__ import annotations

from collections.abc import Sequence

from zgrongcuo.model.base import Record
from zgrongcuo.model.case import META_KEYS, Case
from zgrongcuo.model.criteria import Questions
from zgrongcuo.model.suggestion import Account
from zgrongcuo.suggestion.matcher import Reading, suggest
from zgrongcuo.text.catalogue import text

SUMMARY_CHARS = 300  # of each account in the summary: about a paragraph, cut at a sentence's end where one is near


class Draft(Record):
    """The case drafted, what the accounts suggested, and how many questions are left to answer."""

    __slots__ = ("case", "reading", "questions")

    def __init__(self, case: Case, reading: Reading, questions: Questions) -> None:
        self.case = case
        self.reading = reading
        self.questions = questions

    @property
    def proposed(self) -> int:
        """Questions with a suggested answer."""
        return sum(1 for s in self.case.suggested.values() if s.proposes)

    @property
    def contrary(self) -> int:
        """Questions the accounts speak to both ways, with nothing suggested."""
        return sum(1 for s in self.case.suggested.values() if not s.proposes)

    @property
    def remaining(self) -> int:
        """Questions neither answered nor suggested."""
        return sum(1 for f in self.questions.facts if f.id not in self.case.answers and f.id not in self.case.suggested)


def draft(
    accounts: Sequence[Account], questions: Questions, lang: str, *, case: Case | None = None, file: str = "-"
) -> Draft:
    """The draft of a case from ``accounts``; ``case``: a case file given among them, whose answers are kept."""
    if case is None:
        case = Case(file, dict.fromkeys(META_KEYS), {})
        case.meta["summary"] = summary(accounts, lang)
    else:
        case = case.copy()
    reading = suggest(accounts, questions, answered=set(case.answers))
    case.suggested = dict(reading.suggestions)
    return Draft(case, reading, questions)


def summary(accounts: Sequence[Account], lang: str) -> str:
    """The beginning of each account, on one line, each followed by the file it is from."""
    parts = []
    for account in accounts:
        words = " ".join(line.strip() for line in account.blocks if line.strip())
        if not words:
            continue
        if len(words) > SUMMARY_CHARS:
            cut = max(words.rfind(mark, SUMMARY_CHARS // 2, SUMMARY_CHARS) for mark in "。！？；")
            words = (words[: cut + 1] if cut > 0 else words[:SUMMARY_CHARS]) + text("suggest.summary_more", lang)
        parts.append(text("suggest.summary_from", lang, words=words, source=account.name))
    return " ".join(parts)
