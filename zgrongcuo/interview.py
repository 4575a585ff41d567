"""The interview: the criteria's questions, asked one at a time, only while an answer can still change the outcome.

The interview knows no terminal.  It talks through a ``Dialogue`` — a way
to write a line and a way to read one — and raises what reading raises:
``EOFError`` when the input ends, ``KeyboardInterrupt`` on Ctrl-C.  Its
``case`` holds every answer given so far at any moment, so the caller can
keep them whatever happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, TextIO

from zgrongcuo.case import META_KEYS, NOT_A_WORD, UNKNOWN_WORDS, Answer, Case, Expect, control_character, yes_no_word
from zgrongcuo.criteria import Criteria, Fact
from zgrongcuo.engine import Determination, evaluate
from zgrongcuo.messages import text

# The interview's own command words, in both languages whatever --lang says:
# a person who types the other language's word should not be told it is wrong.
HELP_WORDS = frozenset({"help", "h", "帮助", "说明"})
BACK_WORDS = frozenset({"back", "b", "返回", "上一题"})
NONE_WORDS = frozenset({"0", "０", "none", "无", "都不是"})
NOTE_MARK = re.compile(r"[#＃]")
_SEPARATORS = re.compile(r"[\s,，、;；/]+")

# The metadata asked for at the start; the summary is too long for one line.
ASKED_META = tuple(k for k in META_KEYS if k != "summary")


class Dialogue(Protocol):
    def say(self, line: str) -> None: ...
    def ask(self, prompt: str) -> str: ...


class StreamDialogue:
    """A dialogue over text streams: prompts and messages to ``out``, answers from ``inp``.

    When the answers do not come from a terminal they are echoed, so that a
    transcript reads as the conversation it was.
    """

    def __init__(self, inp: TextIO, out: TextIO, *, echo: bool | None = None) -> None:
        self.inp, self.out = inp, out
        if echo is None:
            isatty = getattr(inp, "isatty", None)
            echo = not (isatty and isatty())
        self.echo = echo

    def say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            if self.echo:
                self.out.write("\n")
            raise EOFError
        line = line.rstrip("\r\n")
        if self.echo:
            self.out.write(line + "\n")
            self.out.flush()
        return line


# ------------------------------------------------------------------ replies


@dataclass(frozen=True, slots=True)
class Invalid:
    """A reply that is not an answer: the hint to show, from the message catalogue."""

    msg_id: str
    params: tuple[tuple[str, object], ...] = ()


HELP, BACK = "help", "back"


def split_note(line: str) -> tuple[str, str | None]:
    """The answer and the note: the note is whatever follows the first ``#``."""
    parts = NOTE_MARK.split(line, maxsplit=1)
    note = parts[1].strip() if len(parts) == 2 else ""
    return parts[0].strip(), (note or None)


def _command(word: str) -> str | None:
    lower = word.lower()
    if lower in HELP_WORDS:
        return HELP
    if lower in BACK_WORDS:
        return BACK
    return None


def yes_no(word: str) -> bool | None | Invalid:
    """``True``/``False``/``None`` (unknown) for a yes/no word, or ``Invalid``."""
    value = yes_no_word(word)
    return Invalid("ask.hint_yesno") if value is NOT_A_WORD else value  # type: ignore[return-value]


def choices(fact: Fact, word: str) -> tuple[str, ...] | None | Invalid:
    """Option ids for a reply such as ``1,3`` (numbers or ids), ``()`` for none, ``None`` for unknown."""
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
            return Invalid("ask.bad_choice", (("word", token),))
    return tuple(o for o in fact.option_ids if o in chosen)


def parse_reply(fact: Fact, line: str) -> Answer | str | Invalid:
    """An ``Answer`` (with the note after ``#``), ``HELP``, ``BACK``, or ``Invalid`` with a hint."""
    if control_character(line) is not None:  # e.g. arrow keys in a terminal without line editing
        return Invalid("ask.control_character")
    word, note = split_note(line)
    command = _command(word)
    if command is not None:
        return command
    if not word:
        return Invalid("ask.hint_yesno" if fact.type == "yesno" else "ask.hint_set")
    value = yes_no(word) if fact.type == "yesno" else choices(fact, word)
    if isinstance(value, Invalid):
        return value
    return Answer(value, note)


# ---------------------------------------------------------------- the interview


@dataclass(frozen=True, slots=True)
class _Step:
    fact: str
    offered: bool  # the state before the answer, restored by ``back``
    going_on: bool


class Interview:
    """One interview on one case: ``run`` asks until the outcome is decided (or, with ``everything``, all)."""

    def __init__(
        self, criteria: Criteria, case: Case, lang: str, *, everything: bool = False, ask_meta: bool | None = None
    ) -> None:
        self.criteria, self.lang = criteria, lang
        self.case = Case(
            file=case.file,
            meta=dict(case.meta),
            answers=dict(case.answers),
            expect=Expect(case.expect.outcome, case.expect.situations, case.expect.next_questions)
            if case.expect
            else None,
            notices=list(case.notices),
        )
        self.everything = everything
        self.ask_meta = ask_meta  # None: only when no question has been answered yet (not when resuming a draft)
        self.history: list[_Step] = []
        self.asked: list[str] = []  # every fact asked, in order, including those later undone
        self.offered = False  # the offer to go on with unexamined bottom lines was made
        self.going_on = False  # ... and accepted
        self.changed = False  # something was given in this interview

    # -- what to ask next

    def next_fact(self, d: Determination) -> Fact | None:
        """The first fact, in asking order, that is still unanswered and can change the outcome."""
        if self.everything:
            candidates = [f.id for f in self.criteria.facts]
        elif not d.decided:
            candidates = list(d.next_questions)
        elif self.going_on:
            candidates = [f.id for f in self.criteria.facts if f.id in d.unchecked_exclusions]
        else:
            return None
        for fact_id in candidates:
            if fact_id not in self.case.answers:
                return self.criteria.fact_by_id[fact_id]
        return None

    def unasked_exclusions(self, d: Determination) -> list[str]:
        return [f for f in d.unchecked_exclusions if f not in self.case.answers]

    def should_offer(self, d: Determination) -> bool:
        return (
            not self.everything
            and not self.offered
            and d.decided
            and d.outcome.favourable is False
            and bool(self.unasked_exclusions(d))
        )

    # -- the conversation

    def run(self, io: Dialogue) -> Determination:
        """Ask until nothing left can change the outcome; the determination on the answers given."""
        t = self.t
        io.say(t("ask.intro", title=self.criteria.title[self.lang]))
        wanted = self.ask_meta if self.ask_meta is not None else not self.case.answers
        if wanted and any(not self.case.meta.get(k) for k in ASKED_META):
            self.metadata(io)
        while True:
            d = evaluate(self.criteria, self.case)
            fact = self.next_fact(d)
            if fact is not None:
                reply = self.ask_fact(io, fact)
                if reply == BACK:
                    self.back(io)
                else:
                    self.record(fact, reply)  # type: ignore[arg-type]
                continue
            if self.should_offer(d):
                self.offered = True
                reply = self.offer(io, d)
                if reply == BACK:
                    self.back(io)
                elif reply:
                    self.going_on = True
                continue
            io.say("")
            if self.everything and all(f.id in self.case.answers for f in self.criteria.facts):
                io.say(t("ask.done_all"))
            elif d.decided:
                io.say(t("ask.done_decided"))
            else:
                io.say(t("ask.done_open"))
            return d

    def t(self, msg_id: str, **params: object) -> str:
        return text(msg_id, self.lang, **params)

    def metadata(self, io: Dialogue) -> None:
        io.say(self.t("ask.meta_intro"))
        for key in ASKED_META:
            if self.case.meta.get(key):
                continue
            value = io.ask(self.t(f"ask.meta.{key}")).strip()
            while control_character(value) is not None:
                io.say(self.t("ask.control_character"))
                value = io.ask(self.t(f"ask.meta.{key}")).strip()
            if value:
                self.case.meta[key] = value
                self.changed = True

    def ask_fact(self, io: Dialogue, fact: Fact) -> Answer | str:
        t, lang = self.t, self.lang
        self.asked.append(fact.id)
        io.say("")
        io.say(t("ask.question", number=len(self.case.answers) + 1, question=fact.question[lang]))
        if fact.type == "set":
            for number, option in enumerate(fact.options, 1):
                io.say(t("ask.option", number=number, label=option.label[lang]))
            io.say(t("ask.none_option"))
        prompt = t("ask.prompt_yesno" if fact.type == "yesno" else "ask.prompt_set")
        while True:
            reply = parse_reply(fact, io.ask(prompt))
            if reply == HELP:
                self.show_help(io, fact)
            elif reply == BACK and not self.history:
                io.say(t("ask.nothing_to_undo"))
            elif isinstance(reply, Invalid):
                io.say(t(reply.msg_id, **dict(reply.params)))
            else:
                return reply

    def show_help(self, io: Dialogue, fact: Fact) -> None:
        t, lang = self.t, self.lang
        io.say(t("ask.help_heading", help=fact.help[lang]))
        self._source(io, fact.quote, fact.basis)
        if fact.note:
            io.say(t("ask.help_note", note=fact.note[lang]))
        for number, option in enumerate(fact.options, 1):
            io.say(t("ask.help_option", number=number, label=option.label[lang], help=option.help[lang]))
            if option.quote:
                io.say(t("ask.help_option_quote", quote=option.quote))

    def _source(self, io: Dialogue, quote: str | None, basis: str | None) -> None:
        basis_label = self.criteria.bases[basis][self.lang] if basis in self.criteria.bases else basis
        if quote:
            io.say(self.t("ask.help_quote", basis=basis_label or "-", quote=quote))
        elif basis_label:
            io.say(self.t("ask.help_basis", basis=basis_label))

    def offer(self, io: Dialogue, d: Determination) -> bool | str:
        """Say that bottom lines are unexamined; ``True`` to go on with them, ``False`` to stop, or ``BACK``."""
        t, lang = self.t, self.lang
        facts = self.unasked_exclusions(d)
        sep = t("list_sep")
        io.say("")
        io.say(
            t(
                "ask.offer",
                outcome=d.outcome.label[lang],
                code=d.outcome.id,
                facts=sep.join(self.criteria.fact_by_id[f].label[lang] for f in facts),
                count=len(facts),
            )
        )
        while True:
            word, _ = split_note(io.ask(t("ask.offer_prompt")))
            command = _command(word)
            if command == BACK:
                return BACK
            value = yes_no(word) if word and command is None else Invalid("ask.hint_yesno")
            if isinstance(value, bool):
                return value
            io.say(t("ask.hint_yesno"))

    def record(self, fact: Fact, answer: Answer) -> None:
        self.history.append(_Step(fact.id, self.offered, self.going_on))
        self.case.answers[fact.id] = answer
        self.changed = True

    def back(self, io: Dialogue) -> None:
        if not self.history:
            io.say(self.t("ask.nothing_to_undo"))
            return
        step = self.history.pop()
        del self.case.answers[step.fact]
        self.offered, self.going_on = step.offered, step.going_on
        io.say(self.t("ask.back_to", label=self.criteria.fact_by_id[step.fact].label[self.lang]))
