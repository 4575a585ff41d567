"""Suggested answers: what a written account seems to say about a question, with the sentences it rests on.

A suggestion is never an answer: the engine reads ``Case.answers`` only, and a
suggestion becomes an answer when a person confirms it in the interview.
Types only; ``zgrongcuo.suggestion`` makes them from a text, and
``zgrongcuo.io.case_reader`` reads them from a case file's ``suggested:``.
"""

from __future__ import annotations

from zgrongcuo.model.base import Record, ValueRecord
from zgrongcuo.model.conditions import AnswerValue


class Account(Record):
    """A written account as read from a file: its name and its blocks of text (paragraphs, table cells), in order."""

    __slots__ = ("name", "blocks")

    def __init__(self, name: str, blocks: tuple[str, ...]) -> None:
        self.name = name  # the file's name as the user gave it; what `from:` records
        self.blocks = blocks  # each a paragraph; a line break inside one ends a sentence too


class Evidence(ValueRecord):
    """One sentence that shows an answer: its words, the file it is in, and what it shows."""

    __slots__ = ("text", "source", "says", "option")

    def __init__(self, text: str, source: str | None, says: bool, option: str | None = None) -> None:
        self.text = text  # the sentence as written (shortened around the words that matter when very long)
        self.source = source  # the file it is in, as named; None when not known
        self.says = says  # a yes/no question: the answer it shows; a list: whether the option holds
        self.option = option  # a list's option the sentence is about; None for a yes/no question


class Suggestion(ValueRecord):
    """A proposed answer and the sentences for it; where the text says both, no proposal and the sentences both ways.

    ``value`` None with ``conflicting`` set: the text holds evidence both ways and
    nothing is proposed.  For a list, ``value`` holds the options the text
    shows, and ``conflicting`` the sentences about options it shows both ways.
    """

    __slots__ = ("value", "evidence", "conflicting", "line")

    def __init__(
        self,
        value: AnswerValue | None,
        evidence: tuple[Evidence, ...] = (),
        conflicting: tuple[Evidence, ...] = (),
        line: int | None = None,
    ) -> None:
        self.value = value
        self.evidence = evidence
        self.conflicting = conflicting
        self.line = line  # in the case file it was read from

    @property
    def proposes(self) -> bool:
        """Whether there is an answer to offer (not only sentences that contradict each other)."""
        return self.value is not None
