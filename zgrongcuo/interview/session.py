"""The interview: the measures' questions, asked one at a time, only while an answer can still change an outcome.

The interview knows no terminal.  It talks through a ``Dialogue`` — a way
to write a line and a way to read one — and raises what reading raises:
``EOFError`` when the input ends, ``KeyboardInterrupt`` on Ctrl-C,
``LineTooLong`` for a line it cannot take from a pipe.  Its ``case`` holds
every answer known at any moment, so the caller can keep them whatever
happens: going back to a question asks it again, but its answer stays until
a new one is given.

With several measures the case answers the union of their questions, each
asked once (a shared list offers the union of its options), and the case is
evaluated under each measure after every answer.  A question is asked while
it can still change some measure's outcome, in this order: measure by
measure, in the order given, each measure's open questions in its own asking
order.  So the first measure's questions come as they would if it were asked
alone, and a question that only a later measure still needs comes where that
measure asks it, among its own, not where the first measure would have put it.
With ``everything`` the same rule gives the union's order (the first
measure's questions, then each next measure's new ones).

A list question whose options differ between the measures that ask it is
shown grouped under the measures each option belongs to (``shown_options``).
A measure that got none of its own options from a non-empty answer is not
taken to mean "none": it is asked a follow-up with its own options and words,
while its reading can still change its outcome — until then that measure
reads the question as unanswered.  The answer stays one list, the union.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.interview import suggestions
from zgrongcuo.interview.dialogue import LINE_LIMIT, Dialogue, LineTooLong, escaped
from zgrongcuo.interview.replies import BACK, HELP, NOTE_MARK, Invalid, command_word, parse_reply, split_note, yes_no
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import META_KEYS, Answer, Case, is_conduct_date
from zgrongcuo.model.criteria import Criteria, Fact, Option, Questions
from zgrongcuo.model.determination import Determination
from zgrongcuo.model.vocabulary import control_character
from zgrongcuo.text.catalogue import text

# The metadata asked for at the start, in this order; the summary (基本案情) is one paragraph on one line.
# The date of the conduct is asked only of a measure that says when it was in force: it is there to check that.
ASKED_META = META_KEYS
_META = "meta"  # where going back from the first question leads, when the metadata was asked


# Lines a pipe may give at one prompt without an answer (help, back at the first question): a pipe
# that says only that, as `yes help` would, ends the interview instead of running without end.
PIPED_LINES_WITHOUT_ANSWER = 20
# And lines in all, per question and field that could be asked: going back and answering again and again
# (`yes $'back\n1'`) gives answers, but never an end.
PIPED_LINES_PER_QUESTION = 20


class RepliesUnusable(Exception):
    """Piped answers that cannot be used: a reply that is not an answer, or lines that never answer.

    A pipe cannot read a hint and try again: asking anew would take the next
    line, meant for the next question, and shift every answer after it.
    ``msg_id`` and ``params`` say what happened, in the catalogue's words.
    """

    def __init__(self, msg_id: str, **params: object) -> None:
        super().__init__(msg_id)
        self.msg_id, self.params = msg_id, params


class _Step(Record):
    """A question answered, in the order answered, with the state before it, which going back restores.

    ``measure``: the id of the measure a follow-up asked its own options for; None for the question itself.
    """

    __slots__ = ("fact", "offered", "going_on", "measure")

    def __init__(self, fact: str, offered: bool, going_on: bool, measure: str | None = None) -> None:
        self.fact = fact
        self.offered = offered
        self.going_on = going_on
        self.measure = measure


class OptionGroup(Record):
    """Options shown together under a heading: those read by the same measures (heading "" when not grouped)."""

    __slots__ = ("heading", "measures", "options")

    def __init__(self, heading: str, measures: tuple[str, ...], options: tuple[Option, ...]) -> None:
        self.heading = heading
        self.measures = measures  # the ids of the measures that read these options
        self.options = options


def shown_options(fact: Fact, measures: tuple[Criteria, ...], lang: str) -> tuple[Fact, list[OptionGroup]]:
    """How a list question is shown: the fact with its options in the order numbered, and the groups they form.

    Where the measures asking the question read different options, the options
    are grouped by the measures that read them: those all of them read first,
    then those fewer read, each group in the order the union lists them.
    """
    asking = [m for m in measures if fact.id in m.fact_by_id]
    readers = {o.id: tuple(m.id for m in asking if o.id in m.fact_by_id[fact.id].option_set) for o in fact.options}
    everyone = tuple(m.id for m in asking)
    if len(asking) < 2 or all(r == everyone for r in readers.values()):
        return fact, [OptionGroup("", everyone, fact.options)]
    groups: dict[tuple[str, ...], list[Option]] = {}
    for option in fact.options:
        groups.setdefault(readers[option.id], []).append(option)
    ordered = sorted(groups.items(), key=lambda item: -len(item[0]))  # stable: the union's order among equals
    names = {m.id: m.name(lang) for m in asking}
    out = []
    for ids, options in ordered:
        if ids == everyone:
            heading = text("ask.group_all", lang)
        else:
            heading = text("ask.group", lang, measures=text("list_sep", lang).join(names[i] for i in ids))
        out.append(OptionGroup(heading, ids, tuple(options)))
    numbered = tuple(o for g in out for o in g.options)
    return fact.with_options(numbered), out


class Interview:
    """One interview on one case: ``run`` asks until every outcome is decided (or, with ``everything``, all).

    ``questions`` are those of one measure (a ``Criteria``) or of several (``Questions``).

    ``fits`` says whether a case can still be saved and read back (case files
    have a size limit, ``max_bytes``, which the refusal names); ``after_meta``
    is called with the case when the metadata has been asked.  ``answered_for``:
    the ids of the measures a resumed case's answers were given for (those its
    file names), whose reading of its lists is settled.
    """

    def __init__(
        self,
        questions: Criteria | Questions,
        case: Case,
        lang: str,
        *,
        everything: bool = False,
        ask_meta: bool | None = None,
        fits: Callable[[Case], bool] | None = None,
        max_bytes: int | None = None,
        after_meta: Callable[[Case], None] | None = None,
        answered_for: Iterable[str] = (),
    ) -> None:
        self.questions = questions if isinstance(questions, Questions) else Questions.single(questions)
        self.measures = self.questions.measures
        self.lang = lang
        self.case = case.copy()
        self.everything = everything
        self.fits, self.max_bytes = fits, max_bytes
        self.after_meta = after_meta
        wanted = ask_meta if ask_meta is not None else not case.answers  # None: a new case, not one resumed
        dated = any(m.in_force.start is not None or m.in_force.end is not None for m in self.measures)
        self.meta_keys = [
            k for k in ASKED_META if not self.case.meta.get(k) and (k != "conduct_date" or dated)
        ] if wanted else []  # fmt: skip
        # The questions answered, in the order answered: those of a resumed file first, so that
        # going back reaches every question of the case.
        self.trail = [_Step(f.id, False, False) for f in self.questions.facts if f.id in case.answers]
        # (fact, measure id): that measure's reading of the answered list is settled — its own options were
        # asked for in a follow-up, or offered when the resumed file was answered.
        given = set(answered_for)
        self.settled: set[tuple[str, str]] = {(f, m.id) for f in case.answers for m in self.measures if m.id in given}
        self.position: int | None = None  # the step of the trail being asked again after going back
        self.asked: list[str] = []  # every fact asked, in order, including those asked again
        self.followed: list[tuple[str, str]] = []  # every follow-up put, in order: (fact, measure id)
        self.answered_here: set[str] = set()  # facts answered (or kept) in this interview
        self.offered = False  # the offer to go on with unexamined bottom lines was made
        self.going_on = False  # ... and accepted
        self.changed = False  # something was given in this interview that the case did not hold
        self.introduced = False
        self.meta_done = not self.meta_keys  # the case details were all asked (a resume need not ask them again)
        self.unanswered_lines = 0  # lines read at the present prompt that gave no answer
        self.piped_lines = 0  # lines read from a pipe in all

    # -- what to ask next

    @property
    def several(self) -> bool:
        return len(self.measures) > 1

    def evaluate(self, case: Case, *, as_given: bool = False) -> tuple[Determination, ...]:
        """The case under each measure, in the order given.

        A list a measure still has a follow-up on is unanswered to it, unless ``as_given``: as the file will read.
        """
        several = self.questions if self.several else None
        out = []
        for m in self.measures:
            seen = case
            hidden = [] if as_given else [f for f in case.answers if self.pending(case, f, m)]
            if hidden:
                seen = case.copy()
                for fact_id in hidden:
                    del seen.answers[fact_id]
            out.append(evaluate(m, seen, questions=several))
        return tuple(out)

    def pending(self, case: Case, fact_id: str, measure: Criteria) -> bool:
        """Whether ``measure`` asks the list ``fact_id``, got none of its options in a non-empty answer, and was not
        asked its own options yet: then it is asked a follow-up rather than read as "none of them"."""
        if (fact_id, measure.id) in self.settled:
            return False
        own = measure.fact_by_id.get(fact_id)
        answer = case.answers.get(fact_id)
        if own is None or answer is None or not isinstance(answer.value, tuple) or not answer.value:
            return False
        return own.option_set.isdisjoint(answer.value)

    def is_open(self, fact_id: str) -> bool:
        """Not answered; or answered unknown before this interview and not asked again yet."""
        answer = self.case.answers.get(fact_id)
        return answer is None or (answer.value is None and fact_id not in self.answered_here)

    @staticmethod
    def stopped_short(d: Determination) -> bool:
        """Decided unfavourably with bottom lines unexamined: what the offer to go on is about."""
        return d.decided and d.outcome.favourable is False and bool(d.unchecked_exclusions)

    def candidates(self, ds: tuple[Determination, ...]) -> dict[str, list[str]]:
        """The facts that could be asked now, answered or not, with the measures wanting each: measure by measure,
        each in its asking order."""
        found: dict[str, list[str]] = {}
        for d in ds:
            facts = d.criteria.facts
            if self.everything:
                wanted = [f.id for f in facts]
            elif not d.decided:
                wanted = list(d.next_questions)
            elif self.going_on and self.stopped_short(d):
                wanted = [f.id for f in facts if f.id in d.unchecked_exclusions]
            else:
                continue
            for fact_id in wanted:
                found.setdefault(fact_id, []).append(d.criteria.id)
        return found

    def next_step(self, ds: tuple[Determination, ...]) -> tuple[Fact, Criteria | None] | None:
        """What to ask next: a follow-up a measure still needs (it comes straight after the question it follows), else
        the first fact, in that order, that is still open and can change an outcome."""
        wanted = self.candidates(ds)
        for fact_id, ids in wanted.items():
            for m in self.measures:
                if m.id in ids and self.pending(self.case, fact_id, m):
                    return self.questions.fact_by_id[fact_id], m
        for fact_id in wanted:
            if self.is_open(fact_id):
                return self.questions.fact_by_id[fact_id], None
        return None

    def relevant(self, step: _Step) -> bool:
        """Whether a step of the trail would be asked now: after going back, only these are asked again.

        The question itself: if it had no answer; a follow-up: if its measure still got none of its options.
        """
        if step.measure is not None:
            measure = next(m for m in self.measures if m.id == step.measure)
            if not self.pending(self.case, step.fact, measure):
                return False
            return step.measure in self.candidates(self.evaluate(self.case)).get(step.fact, [])
        without = self.case.copy()
        without.answers.pop(step.fact, None)
        return step.fact in self.candidates(self.evaluate(without))

    def unasked_exclusions(self, ds: tuple[Determination, ...]) -> list[str]:
        """The open bottom lines of the measures decided unfavourably without them, in the union's order."""
        wanted = {f for d in ds if self.stopped_short(d) for f in d.unchecked_exclusions}
        return [f.id for f in self.questions.facts if f.id in wanted and self.is_open(f.id)]

    def should_offer(self, ds: tuple[Determination, ...]) -> bool:
        return not self.everything and not self.offered and bool(self.unasked_exclusions(ds))

    def progress(self, ds: tuple[Determination, ...], fact: Fact, measure: str | None = None) -> tuple[int, int]:
        """The number of the question being asked, and an estimate of how many the interview will have asked."""
        wanted = self.candidates(ds)
        pending = {(f, None) for f in wanted if self.is_open(f)} | {(fact.id, measure)}
        pending |= {(f, m.id) for f, ids in wanted.items() for m in self.measures if m.id in ids and self.pending(self.case, f, m)}
        total = len({(s.fact, s.measure) for s in self.trail} | pending)
        if self.position is not None:
            return self.position + 1, total
        done = [s for s in self.trail if (s.fact, s.measure) != (fact.id, measure) and not self.is_open(s.fact)]
        return len(done) + 1, total

    # -- the conversation

    def run(self, io: Dialogue) -> tuple[Determination, ...]:
        """Ask until nothing left can change an outcome; the determinations on the answers given, one per measure."""
        t = self.t
        if not self.introduced:
            self.introduce(io)
        meta: int | None = 0 if self.meta_keys else None
        back_in_meta = False  # the metadata is being asked again after going back from the first question
        if meta is not None:
            io.say(t("ask.meta_intro"))
        while True:
            if meta is not None:
                if meta < len(self.meta_keys):
                    meta = self.ask_meta(io, meta)
                    continue
                meta = None
                self.meta_done = True
                if self.after_meta is not None:
                    self.after_meta(self.case)
                if back_in_meta:
                    back_in_meta = False
                    self.advance(0)
            ds = self.evaluate(self.case)
            step: tuple[Fact, Criteria | None] | None = None
            if self.position is not None:
                at = self.trail[self.position]
                step = self.questions.fact_by_id[at.fact], self.measure_by_id(at.measure)
            else:
                step = self.next_step(ds)
                if step is not None and step[1] is None:  # an unknown asked again goes to the end, as a new answer will
                    self.trail = [s for s in self.trail if s.fact != step[0].id]
            if step is not None:
                fact, measure = step
                reply = self.ask_follow_up(io, fact, measure, ds) if measure is not None else self.ask_fact(io, fact, ds)
                if reply != BACK:
                    self.record(fact, reply, measure)  # type: ignore[arg-type]
                elif self.go_back(io) == _META:
                    meta, back_in_meta = len(self.meta_keys) - 1, True
                continue
            if self.should_offer(ds):
                self.offered = True
                if not io.interactive:
                    # Piped answers cannot see a prompt, so nothing but a question may read a line.
                    io.say("")
                    io.say(self.offer_text(ds, piped=True))
                    continue
                going_on = self.offer(io, ds)
                if going_on == BACK:
                    if self.go_back(io) == _META:
                        meta, back_in_meta = len(self.meta_keys) - 1, True
                elif going_on:
                    self.going_on = True
                continue
            io.say("")
            open_ones = [d.criteria.name(self.lang) for d in ds if not d.decided]
            if self.everything and all(f.id in self.case.answers for f in self.questions.facts):
                io.say(t("ask.done_all"))
            elif not open_ones:
                io.say(t("ask.done_decided_several" if self.several else "ask.done_decided"))
            elif self.several:
                io.say(t("ask.done_open_several", measures=t("list_sep").join(open_ones)))
            else:
                io.say(t("ask.done_open"))
            return self.evaluate(self.case, as_given=True)

    def measure_by_id(self, measure_id: str | None) -> Criteria | None:
        return next((m for m in self.measures if m.id == measure_id), None) if measure_id is not None else None

    def introduce(self, io: Dialogue) -> None:
        """How to answer; and, for a resumed case, what it holds."""
        self.introduced = True
        title = "\n".join(m.title[self.lang] for m in self.measures)
        io.say(self.t("ask.intro", title=title))
        if self.several:
            io.say(self.t("ask.intro_several", count=len(self.measures)))
        if self.case.answers:
            self.overview(io)
        if self.case.suggested:
            io.say(self.t("ask.suggested_intro", count=self.case.awaiting()))

    def t(self, msg_id: str, **params: object) -> str:
        return text(msg_id, self.lang, **params)

    def read(self, io: Dialogue, prompt: str) -> str:
        """A line from the dialogue; a line too long to take is refused at a terminal, and ends a pipe.

        From a pipe, lines that never answer (``help`` again and again) are
        counted, and past ``PIPED_LINES_WITHOUT_ANSWER`` they end the interview.
        """
        if not io.interactive:
            self.unanswered_lines += 1
            self.piped_lines += 1
            if self.unanswered_lines > PIPED_LINES_WITHOUT_ANSWER:
                raise RepliesUnusable("ask.piped_no_answer", count=PIPED_LINES_WITHOUT_ANSWER)
            most = PIPED_LINES_PER_QUESTION * (len(self.questions.facts) + len(ASKED_META))
            if self.piped_lines > most:
                raise RepliesUnusable("ask.piped_no_end", count=most)
        while True:
            try:
                return io.ask(prompt)
            except LineTooLong:
                if not io.interactive:
                    raise
                io.say(self.t("ask.line_too_long", limit=LINE_LIMIT))

    def refuse(self, io: Dialogue, hint: str, where: str, line: str) -> None:
        """Say why a reply is not taken; from a pipe, which cannot try again, that ends the interview."""
        if not io.interactive:
            raise RepliesUnusable("ask.piped_unusable", where=where, reply=escaped(line), hint=hint)
        io.say(hint)

    def answered(self) -> None:
        """A prompt was answered: the count of lines without an answer starts again."""
        self.unanswered_lines = 0

    def overview(self, io: Dialogue) -> None:
        """What a resumed case holds: answered (unknown among them) and not answered are different things."""
        answers = self.case.answers
        unknown = [f for f in answers if answers[f].value is None]
        io.say(
            self.t(
                "ask.resumed",
                answered=len(answers),
                unknown=len(unknown),
                unanswered=len(self.questions.facts) - len(answers),
            )
        )
        if unknown:
            io.say(self.t("ask.resumed_unknown"))

    def ask_meta(self, io: Dialogue, index: int) -> int:
        """Ask for one field of the metadata; the index of the prompt to go to next."""
        key = self.meta_keys[index]
        earlier = self.case.meta.get(key)
        if earlier:
            io.say(self.t("ask.meta_earlier", value=escaped(earlier)))
        where = self.t(f"ask.meta.{key}").rstrip(":： ")
        while True:
            line = self.read(io, self.t(f"ask.meta.{key}"))
            value = line.strip()
            command = command_word(value)
            if control_character(value) is not None:
                self.refuse(io, self.t("ask.control_character"), where, line)
            elif command == HELP:
                io.say(self.t(f"ask.meta_help.{key}"))
            elif command == BACK:
                if index > 0:
                    self.answered()
                    return index - 1
                io.say(self.t("ask.nothing_to_undo"))
            elif not value or value == earlier:
                self.answered()
                return index + 1
            elif key == "conduct_date" and not is_conduct_date(value):
                self.refuse(io, self.t("ask.bad_conduct_date", value=escaped(value)), where, line)
            elif not self.fits_after(meta=(key, value)):
                self.refuse(io, self.t("ask.too_big", limit=self.max_bytes), where, line)
            else:
                self.case.meta[key] = value
                self.changed = True
                self.answered()
                return index + 1

    def ask_fact(self, io: Dialogue, fact: Fact, ds: tuple[Determination, ...]) -> Answer | str:
        """Ask ``fact``: its answer (the earlier one kept on Enter), or ``BACK``."""
        t, lang = self.t, self.lang
        self.asked.append(fact.id)
        number, total = self.progress(ds, fact)
        earlier = self.case.answers.get(fact.id)
        io.say("")
        io.say(t("ask.question", number=number, total=total, question=fact.question[lang]))
        if fact.type == "set":
            fact, groups = shown_options(fact, self.measures, lang)  # numbered as shown
            n = 0
            for group in groups:
                if group.heading:
                    io.say(group.heading)
                for option in group.options:
                    n += 1
                    io.say(t("ask.group_option" if group.heading else "ask.option", number=n, label=option.label[lang]))
            io.say(t("ask.none_option"))
        if earlier is not None:
            io.say(t("ask.earlier", answer=self.shown(fact, earlier)))
            if earlier.note:
                io.say(t("ask.earlier_note", note=escaped(earlier.note)))
        # A suggestion from a written account: its sentences shown, and what Enter takes (not over an answer).
        offered = suggestions.proposal(self.case.suggested.get(fact.id), lang) if earlier is None else None
        if earlier is None and fact.id in self.case.suggested:
            for said in suggestions.lines(fact, self.case.suggested[fact.id], lang):
                io.say(said)
        default = earlier if earlier is not None else offered
        prompt = t("ask.prompt_yesno" if fact.type == "yesno" else "ask.prompt_set")
        while True:
            line = self.read(io, prompt)
            word, note = split_note(line)
            if default is not None and not word and control_character(line) is None:
                if not NOTE_MARK.search(line) and (default is earlier or self.fits_after(answer=(fact.id, default))):
                    self.answered()
                    return default  # Enter keeps the earlier answer, or takes the suggestion
                kept = note if default is earlier else " ".join(n for n in (default.note, note) if n)
                reply: Answer | str | Invalid = Answer(default.value, kept or None)  # "# ..." with a new note
            else:
                reply = parse_reply(fact, line)
                if isinstance(reply, Answer) and isinstance(reply.value, tuple):
                    # Chosen as shown; kept in the order of the question's options, as a suggestion's are.
                    reply = Answer(tuple(o for o in self.questions.fact_by_id[fact.id].option_ids if o in reply.value), reply.note)
                if offered is not None and isinstance(reply, Answer) and reply.value == offered.value and not note:
                    reply = offered  # typed as suggested: the same answer, from the same sentences
            if reply == HELP:
                self.show_help(io, fact)
            elif reply == BACK:
                if self.back_target() is not None:
                    self.answered()
                    return BACK
                io.say(t("ask.nothing_to_undo"))
            elif isinstance(reply, Invalid):
                self.refuse(io, t(reply.msg_id, **dict(reply.params)), t("ask.question_number", number=number), line)
            else:
                assert isinstance(reply, Answer)
                if earlier is not None and NOTE_MARK.search(line) is None:
                    reply = Answer(reply.value, earlier.note)  # a verified answer keeps the note it had
                if self.fits_after(answer=(fact.id, reply)):
                    self.answered()
                    return reply
                self.refuse(io, t("ask.too_big", limit=self.max_bytes), t("ask.question_number", number=number), line)

    def ask_follow_up(self, io: Dialogue, fact: Fact, measure: Criteria, ds: tuple[Determination, ...]) -> Answer | str:
        """Ask ``measure`` its own options for a list that got none of them: the whole list with them added, or BACK.

        The options are the measure's own, in its words; none of them is an answer, unknown is not (the list is one
        answer for every measure: an unknown is given at the question itself).
        """
        t, lang = self.t, self.lang
        own = measure.fact_by_id[fact.id]
        self.followed.append((fact.id, measure.id))
        number, total = self.progress(ds, fact, measure.id)
        answer = self.case.answers[fact.id]
        name = measure.name(lang)
        io.say("")
        io.say(t("ask.question", number=number, total=total, question=t("ask.follow_up", measure=name)))
        io.say(own.question[lang])
        io.say(t("ask.follow_up_why"))
        for n, option in enumerate(own.options, 1):
            io.say(t("ask.option", number=n, label=option.label[lang]))
        io.say(t("ask.follow_up_none", measure=name))
        while True:
            line = self.read(io, t("ask.prompt_follow_up"))
            reply = parse_reply(own, line)
            if reply == HELP:
                self.show_help(io, own, only=measure)
            elif reply == BACK:
                return BACK  # the question it follows is just before it
            elif isinstance(reply, Invalid):
                self.refuse(io, t(reply.msg_id, **dict(reply.params)), t("ask.question_number", number=number), line)
            else:
                assert isinstance(reply, Answer)
                if reply.value is None:
                    self.refuse(io, t("ask.follow_up_unknown"), t("ask.question_number", number=number), line)
                    continue
                chosen = set(answer.value or ()) | set(reply.value or ())  # type: ignore[arg-type]
                notes = [n for n in (answer.note, reply.note) if n]
                merged = Answer(tuple(o for o in fact.option_ids if o in chosen), "；".join(notes) or None)
                if self.fits_after(answer=(fact.id, merged)):
                    self.answered()
                    return merged
                self.refuse(io, t("ask.too_big", limit=self.max_bytes), t("ask.question_number", number=number), line)

    def fits_after(self, *, meta: tuple[str, str] | None = None, answer: tuple[str, Answer] | None = None) -> bool:
        """Whether the case could still be saved (and read back) with this field or answer in it."""
        if self.fits is None:
            return True
        candidate = self.case.copy()
        if meta is not None:
            candidate.meta[meta[0]] = meta[1]
        if answer is not None:
            candidate.answers[answer[0]] = answer[1]
        return self.fits(candidate)

    def shown(self, fact: Fact, answer: Answer | None) -> str:
        """An answer as the interview shows it: 未回答 (no answer) and 不确定 (answered unknown) are different."""
        t = self.t
        if answer is None:
            return t("ask.answer.not_answered")
        value = answer.value
        if value is None:
            return t("ask.answer.unknown")
        if isinstance(value, bool):
            return t("ask.answer.yes" if value else "ask.answer.no")
        if not value:
            return t("ask.answer.none")
        return t("list_sep").join(fact.option(o).label[self.lang] for o in value)

    def show_help(self, io: Dialogue, fact: Fact, *, only: Criteria | None = None) -> None:
        """The help text; each measure's own words for the question (several measures: each named); the options,
        numbered as shown. ``only``: a follow-up's, in that measure's words alone."""
        t, lang = self.t, self.lang
        io.say(t("ask.help_heading", help=fact.help[lang]))
        asking = [m for m in self.measures if fact.id in m.fact_by_id] if only is None else [only]
        for criteria in asking:
            own = criteria.fact_by_id[fact.id]
            if self.several:
                io.say(t("ask.help_measure", measure=criteria.name(lang)))
            self._source(io, criteria, own.quote, own.basis)
            if own.note:
                io.say(t("ask.help_note", note=own.note[lang]))
        for number, option in enumerate(fact.options, 1):
            io.say(t("ask.help_option", number=number, label=option.label[lang], help=option.help[lang]))
            if option.quote:
                io.say(t("ask.help_option_quote", quote=option.quote))
            using = [m.name(lang) for m in asking if option.id in m.fact_by_id[fact.id].option_set]
            if len(using) < len(asking):  # an option some of the measures asking the question do not read
                io.say(t("ask.help_option_measures", measures=t("list_sep").join(using)))

    def _source(self, io: Dialogue, criteria: Criteria, quote: str | None, basis: str | None) -> None:
        basis_label = criteria.bases[basis][self.lang] if basis in criteria.bases else basis
        if quote:
            io.say(self.t("ask.help_quote", basis=basis_label or "-", quote=quote))
        elif basis_label:
            io.say(self.t("ask.help_basis", basis=basis_label))

    def offer_text(self, ds: tuple[Determination, ...], *, piped: bool = False) -> str:
        """What the offer to go on says: the outcomes reached, and the bottom lines not examined."""
        t, lang = self.t, self.lang
        facts = self.unasked_exclusions(ds)
        labels = t("list_sep").join(self.questions.fact_by_id[f].label[lang] for f in facts)
        short = [d for d in ds if self.stopped_short(d)]
        if not self.several:
            d = short[0]
            msg_id = "ask.offer_piped" if piped else "ask.offer"
            return t(msg_id, outcome=d.outcome.label[lang], code=d.outcome.id, facts=labels, count=len(facts))
        outcomes = t("summary.measures_sep").join(
            t("ask.offer_outcome", measure=d.criteria.name(lang), outcome=d.outcome.label[lang], code=d.outcome.id)
            for d in short
        )
        msg_id = "ask.offer_several_piped" if piped else "ask.offer_several"
        return t(msg_id, outcomes=outcomes, facts=labels, count=len(facts))

    def offer(self, io: Dialogue, ds: tuple[Determination, ...]) -> bool | str:
        """Say that bottom lines are unexamined; ``True`` to go on with them, ``False`` to stop, or ``BACK``."""
        t = self.t
        io.say("")
        io.say(self.offer_text(ds))
        while True:
            word, _ = split_note(self.read(io, t("ask.offer_prompt")))
            command = command_word(word)
            if command == BACK:
                if self.back_target() is not None:
                    return BACK
                io.say(t("ask.nothing_to_undo"))
                continue
            value = yes_no(word) if word and command is None else Invalid("ask.hint_yesno")
            if isinstance(value, bool):
                return value
            io.say(t("ask.hint_offer"))

    # -- answers, and going back over them

    def record(self, fact: Fact, answer: Answer, measure: Criteria | None = None) -> None:
        """Keep an answer: to the question itself, or to a measure's follow-up (its options join the list)."""
        before = self.case.answers.get(fact.id)
        if measure is not None:
            self.settled.add((fact.id, measure.id))
        elif before is not None and before.value != answer.value:  # a new list: every measure's reading is open again
            self.settled = {p for p in self.settled if p[0] != fact.id}
        if before is None or (before.value, before.note) != (answer.value, answer.note):
            self.case.answers[fact.id] = Answer(answer.value, answer.note)
            self.changed = True
        if self.case.suggested.pop(fact.id, None) is not None:  # answered: the suggestion has done its work
            self.changed = True
        self.answered_here.add(fact.id)
        key = measure.id if measure is not None else None
        if self.position is not None:
            self.advance(self.position + 1)
        else:
            self.trail = [s for s in self.trail if (s.fact, s.measure) != (fact.id, key)]
            self.trail.append(_Step(fact.id, self.offered, self.going_on, key))

    def advance(self, start: int) -> None:
        """After going back: on to the next step of the trail whose question still matters, else to new questions."""
        for index in range(start, len(self.trail)):
            step = self.trail[index]
            self.offered, self.going_on = step.offered, step.going_on
            if self.relevant(step):
                self.position = index
                return
        self.position = None

    def back_target(self) -> int | str | None:
        """Where ``back`` leads from the question being asked: a step of the trail, the metadata, or nowhere."""
        index = (self.position if self.position is not None else len(self.trail)) - 1
        if index >= 0:
            return index
        return _META if self.meta_keys else None

    def go_back(self, io: Dialogue) -> int | str | None:
        """Go back: the question before is asked again, its answer kept until replaced; or to the metadata."""
        target = self.back_target()
        if target == _META:
            io.say(self.t("ask.back_to_meta"))
        elif isinstance(target, int):
            step = self.trail[target]
            self.position = target
            self.offered, self.going_on = step.offered, step.going_on
            fact = self.questions.fact_by_id[step.fact]
            question = fact.question[self.lang]
            measure = self.measure_by_id(step.measure)
            if measure is not None:  # a follow-up: the measure's own question, named as asked
                own = measure.fact_by_id[fact.id].question[self.lang]
                question = self.t("ask.follow_up_label", label=own, measure=measure.name(self.lang))
            io.say(self.t("ask.back_to", number=target + 1, question=question))
        return target
