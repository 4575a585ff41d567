"""What a typed line means at a question: an answer with its note, a command (help, back), or a hint."""

from __future__ import annotations

import re

from zgrongcuo.model.base import ValueRecord
from zgrongcuo.model.case import Answer
from zgrongcuo.model.criteria import Fact
from zgrongcuo.model.vocabulary import NONE_OF_THEM, NOT_A_WORD, UNKNOWN_WORDS, control_character, yes_no_word

# The interview's own command words, in both languages whatever --lang says:
# a person who types the other language's word should not be told it is wrong.
HELP_WORDS = frozenset({"help", "h", "帮助", "说明"})
BACK_WORDS = frozenset({"back", "b", "返回", "上一题"})
# At a multiple-choice question "none of them" (also the menu's 0); at a yes/no question 无 and 没有 are "no".
NONE_WORDS = NONE_OF_THEM | {"0", "０"}
NOTE_MARK = re.compile(r"[#＃]")
_SEPARATORS = re.compile(r"[\s,，、;；/]+")


class Invalid(ValueRecord):
    """A reply that is not an answer: the hint to show, from the message catalogue."""

    __slots__ = ("msg_id", "params")

    def __init__(self, msg_id: str, params: tuple[tuple[str, object], ...] = ()) -> None:
        self.msg_id = msg_id
        self.params = params


HELP, BACK = "help", "back"


def split_note(line: str) -> tuple[str, str | None]:
    """The answer and the note: the note is whatever follows the first ``#``."""
    parts = NOTE_MARK.split(line, maxsplit=1)
    note = parts[1].strip() if len(parts) == 2 else ""
    return parts[0].strip(), (note or None)


def command_word(word: str) -> str | None:
    lower = word.lower()
    if lower in HELP_WORDS:
        return HELP
    if lower in BACK_WORDS:
        return BACK
    return None


def yes_no(word: str) -> bool | None | Invalid:
    """``True``/``False``/``None`` (unknown) for a yes/no word, or ``Invalid``."""
    value = yes_no_word(word)
    if value is NOT_A_WORD or not (value is None or isinstance(value, bool)):
        return Invalid("ask.hint_yesno")
    return value


def choices(fact: Fact, word: str) -> tuple[str, ...] | None | Invalid:
    """Option ids for a reply such as ``1,3`` (numbers, ids, or the options' words), ``()`` for none, ``None`` for unknown."""
    tokens = [t for t in _SEPARATORS.split(word.strip()) if t]
    if not tokens:
        return Invalid("ask.hint_set")
    if len(tokens) == 1 and tokens[0].lower() in UNKNOWN_WORDS:
        return None
    if len(tokens) == 1 and tokens[0].lower() in NONE_WORDS:
        return ()
    chosen: set[str] = set()
    for token in tokens:
        if token.lower() in NONE_WORDS:
            return Invalid("ask.none_with_others")
        if token.isdecimal():
            number = int(token)
            if not 1 <= number <= len(fact.options):
                return Invalid("ask.bad_number", (("number", token), ("last", len(fact.options))))
            chosen.add(fact.options[number - 1].id)
        elif token in fact.option_ids:
            chosen.add(token)
        else:
            found = in_words(fact, token)
            if isinstance(found, Invalid):
                return found
            chosen.add(found)
    return tuple(o for o in fact.option_ids if o in chosen)


def in_words(fact: Fact, word: str) -> str | Invalid:
    """The option a person named in words: its label, or a part of one label only (at least two characters)."""
    folded = word.casefold()
    exact = [o.id for o in fact.options if any(folded == label.casefold() for label in o.label.values())]
    if len(exact) == 1:
        return exact[0]
    within = [o for o in fact.options if len(word) >= 2 and any(folded in label.casefold() for label in o.label.values())]
    if len(within) == 1:
        return within[0].id
    if within:
        numbers = "、".join(str(fact.options.index(o) + 1) for o in within)
        return Invalid("ask.ambiguous_choice", (("word", word), ("numbers", numbers)))
    return Invalid("ask.bad_choice", (("word", word),))


def parse_reply(fact: Fact, line: str) -> Answer | str | Invalid:
    """An ``Answer`` (with the note after ``#``), ``HELP``, ``BACK``, or ``Invalid`` with a hint."""
    if control_character(line) is not None:  # e.g. arrow keys in a terminal without line editing
        return Invalid("ask.control_character")
    word, note = split_note(line)
    command = command_word(word)
    if command is not None:
        return command
    if not word:
        return Invalid("ask.hint_yesno" if fact.type == "yesno" else "ask.hint_set")
    value = yes_no(word) if fact.type == "yesno" else choices(fact, word)
    if isinstance(value, Invalid):
        return value
    return Answer(value, note)


