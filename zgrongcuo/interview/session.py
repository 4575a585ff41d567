"""The interview: the criteria's questions, asked one at a time, only while an answer can still change the outcome.

The interview knows no terminal.  It talks through a ``Dialogue`` — a way
to write a line and a way to read one — and raises what reading raises:
``EOFError`` when the input ends, ``KeyboardInterrupt`` on Ctrl-C.  Its
``case`` holds every answer given so far at any moment, so the caller can
keep them whatever happens.
"""

from __future__ import annotations

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.interview.dialogue import Dialogue
from zgrongcuo.interview.replies import BACK, HELP, Invalid, command_word, parse_reply, split_note, yes_no
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import META_KEYS, Answer, Case
from zgrongcuo.model.criteria import Criteria, Fact
from zgrongcuo.model.determination import Determination
from zgrongcuo.model.vocabulary import control_character
from zgrongcuo.text.catalogue import text

# The metadata asked for at the start; the summary is too long for one line.
ASKED_META = tuple(k for k in META_KEYS if k != "summary")


class _HistoryEntry(Record):
    """An answer given in this interview, with the state before it, which ``back`` restores."""

    __slots__ = ("fact", "offered", "going_on")

    def __init__(self, fact: str, offered: bool, going_on: bool) -> None:
        self.fact = fact
        self.offered = offered
        self.going_on = going_on


class Interview:
    """One interview on one case: ``run`` asks until the outcome is decided (or, with ``everything``, all)."""

    def __init__(
        self, criteria: Criteria, case: Case, lang: str, *, everything: bool = False, ask_meta: bool | None = None
    ) -> None:
        self.criteria, self.lang = criteria, lang
        self.case = case.copy()
        self.everything = everything
        self.ask_meta = ask_meta  # None: only when no question has been answered yet (not when resuming a draft)
        self.history: list[_HistoryEntry] = []
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
                going_on = self.offer(io, d)
                if going_on == BACK:
                    self.back(io)
                elif going_on:
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
            command = command_word(word)
            if command == BACK:
                return BACK
            value = yes_no(word) if word and command is None else Invalid("ask.hint_yesno")
            if isinstance(value, bool):
                return value
            io.say(t("ask.hint_yesno"))

    def record(self, fact: Fact, answer: Answer) -> None:
        self.history.append(_HistoryEntry(fact.id, self.offered, self.going_on))
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
