"""A measure as the engine sees it: facts and options, situations, bottom lines, outcomes and rules.

Types only: building them from a file is ``zgrongcuo.io.criteria_builder``'s
work, and nothing here reads a file or knows any particular measure.
"""

from __future__ import annotations

from zgrongcuo.model.base import Cited, I18n, Record
from zgrongcuo.model.conditions import AllOf, Condition, Element, Program

UNDETERMINED = "undetermined"  # the outcome when no rule is definitely true
FACT_TYPES = ("set", "yesno")
LEVELS = ("county", "city", "province", "national")  # who issued a measure, for `criteria list`


class InForce(Record):
    """When a measure was in force: dates as YYYY-MM-DD text, None where its source does not say."""

    __slots__ = ("start", "end", "note")

    def __init__(self, start: str | None = None, end: str | None = None, note: I18n | None = None) -> None:
        self.start = start
        self.end = end
        self.note = note  # where the dates come from

    @property
    def known(self) -> bool:
        """Whether the source gives either date."""
        return self.start is not None or self.end is not None

    def place(self, date: str) -> str | None:
        """Where ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) falls: ``before``, ``after``, ``across`` or ``within``.

        ``across``: a month or a year that runs over the first or the last day.
        Both ends are days in force.  None when the source gives no date to place it by.
        """
        if not self.known:
            return None
        first, last = span(date)
        if self.start is not None and last < self.start:
            return "before"
        if self.end is not None and first > self.end:
            return "after"
        if (self.start is not None and first < self.start) or (self.end is not None and last > self.end):
            return "across"
        return "within"

    def covers(self, date: str) -> bool | None:
        """Whether the measure was in force on every day ``date`` can mean (True), on none (False); else None."""
        return {"within": True, "before": False, "after": False}.get(self.place(date) or "")


def span(date: str) -> tuple[str, str]:
    """The first and the last day a YYYY, YYYY-MM or YYYY-MM-DD date can mean, as text that sorts as dates do."""
    if len(date) == 4:
        return date + "-01-01", date + "-12-31"
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:])
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        last = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        return date + "-01", f"{date}-{last:02d}"
    return date, date


class Option(Cited):
    """One of the options of a set fact: its id, label and help, the measure's words for it, and its cues."""

    __slots__ = ("id", "label", "help", "cues")

    def __init__(
        self,
        id: str,
        label: I18n,
        help: I18n,
        quote: str | None = None,
        basis: str | None = None,
        note: I18n | None = None,
        line: int | None = None,
        cues: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.label = label
        self.help = help
        self._cite(quote, basis, note, line)
        self.cues = cues  # phrases in a written account that show the option holds (see zgrongcuo.suggestion)


class Fact(Cited):
    """A question: yes/no, or a closed set of options."""

    __slots__ = (
        "id", "type", "label", "question", "help", "options", "index", "option_ids", "option_set", "_by_id", "cues",
        "cues_unless", "materials",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        type: str,  # "set" or "yesno"
        label: I18n,
        question: I18n,
        help: I18n,
        options: tuple[Option, ...] = (),
        quote: str | None = None,
        basis: str | None = None,
        note: I18n | None = None,
        index: int = 0,  # position in asking order
        line: int | None = None,
        cues: dict[bool, tuple[str, ...]] | None = None,
        cues_unless: tuple[str, ...] = (),
        materials: tuple[I18n, ...] = (),
    ) -> None:
        self.id = id
        self.type = type
        self.label = label
        self.question = question
        self.help = help
        self.options = options
        self.index = index
        self._cite(quote, basis, note, line)
        self.option_ids: tuple[str, ...] = tuple(o.id for o in options)
        self.option_set = frozenset(self.option_ids)
        self._by_id = {o.id: o for o in options}
        # A yes/no question's phrases that show each answer in a written account (a list's are on its options).
        self.cues: dict[bool, tuple[str, ...]] = cues if cues is not None else {}
        self.cues_unless = cues_unless  # words that make a sentence say nothing of this question (e.g. 容错 for a vote)
        # What usually establishes the answer in a case review (会议纪要、谈话笔录…), each item in every language:
        # the 核实清单 lists them beside each question still open.
        self.materials = materials

    def option(self, option_id: str) -> Option:
        return self._by_id[option_id]

    def with_options(self, options: tuple[Option, ...]) -> Fact:
        """The same question with these options, in this order; everything else it carries kept."""
        return Fact(
            self.id, self.type, self.label, self.question, self.help, options, self.quote, self.basis, self.note,
            self.index, self.line, self.cues, self.cues_unless, self.materials,
        )  # fmt: skip


class Situation(Cited):
    """A situation (情形): met when every element holds."""

    __slots__ = ("id", "label", "short", "elements", "condition")

    def __init__(
        self,
        id: str,
        label: I18n,
        elements: tuple[Element, ...],
        quote: str | None = None,
        basis: str | None = None,
        note: I18n | None = None,
        line: int | None = None,
        short: I18n | None = None,
    ) -> None:
        self.id = id
        self.label = label
        self.short = short if short is not None else {}  # a name for sentences: "情形二", "第十七条第（一）项"
        self.elements = elements
        self._cite(quote, basis, note, line)
        self.condition: Condition = AllOf(elements)

    def name(self, lang: str) -> str:
        """How a sentence names the situation ("情形二"); its id when the criteria give no short name."""
        return self.short.get(lang) or self.id


class Outcome(Record):
    """An outcome a rule can give; ``favourable`` is None only for undetermined.

    ``applicable`` False: the outcome says the measure does not apply to the case (e.g. work outside its field),
    so a screening that gives it cannot be set beside a decision (SPEC "Agreement").
    """

    __slots__ = ("id", "label", "favourable", "help", "line", "applicable")

    def __init__(
        self,
        id: str,
        label: I18n,
        favourable: bool | None,
        help: I18n | None = None,
        line: int | None = None,
        applicable: bool = True,
    ) -> None:
        self.id = id
        self.label = label
        self.favourable = favourable
        self.help = help
        self.line = line
        self.applicable = applicable


class Rule(Cited):
    """An outcome rule: the first that is definitely true decides."""

    __slots__ = ("number", "outcome", "when")

    def __init__(
        self,
        number: int,  # 1-based position among the rules
        outcome: Outcome,
        when: Condition,
        quote: str | None = None,
        basis: str | None = None,
        note: I18n | None = None,
        line: int | None = None,
    ) -> None:
        self.number = number
        self.outcome = outcome
        self.when = when
        self._cite(quote, basis, note, line)


class Criteria(Record):
    """One measure, checked when it was built: every reference resolves."""

    __slots__ = (
        "id", "version", "title", "languages", "facts", "situations", "preconditions", "exclusions",
        "conditions", "outcomes", "rules", "reminder", "bases", "source", "path", "sha256", "fact_by_id",
        "short", "level", "issuer", "in_force", "_layout",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        version: str,
        title: I18n,
        languages: tuple[str, ...],
        facts: tuple[Fact, ...],
        situations: tuple[Situation, ...],
        preconditions: tuple[Element, ...],
        exclusions: tuple[Element, ...],
        conditions: dict[str, Condition],
        outcomes: dict[str, Outcome],
        rules: tuple[Rule, ...],
        reminder: I18n,
        bases: dict[str, I18n],
        source: I18n | None = None,
        path: str = "",
        sha256: str = "",
        short: I18n | None = None,
        level: str | None = None,
        issuer: I18n | None = None,
        in_force: InForce | None = None,
    ) -> None:
        self.id = id
        self.version = version
        self.title = title
        self.languages = languages
        self.facts = facts
        self.situations = situations
        self.preconditions = preconditions
        self.exclusions = exclusions
        self.conditions = conditions
        self.outcomes = outcomes
        self.rules = rules
        self.reminder = reminder
        self.bases = bases
        self.source = source
        self.path = path  # where it was loaded from, as the user named it
        self.sha256 = sha256  # of the file's bytes
        self.fact_by_id: dict[str, Fact] = {f.id: f for f in facts}
        self.short = short if short is not None else {}  # a name for tables: "秭归县办法（2018）"
        self.level = level  # one of LEVELS, or None
        self.issuer = issuer
        self.in_force = in_force if in_force is not None else InForce()
        self._layout: Layout | None = None

    @property
    def layout(self) -> Layout:
        """Its conditions laid out for evaluation in one pass (made on first use)."""
        if self._layout is None:
            self._layout = Layout(self)
        return self._layout

    def name(self, lang: str) -> str:
        """How a table names the measure: its short name, else its title."""
        return self.short.get(lang) or self.title.get(lang) or self.id

    @property
    def undetermined(self) -> Outcome:
        return self.outcomes[UNDETERMINED]

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)

    def exclusion_facts(self) -> frozenset[str]:
        """Facts the bottom lines test."""
        return frozenset(e.fact.id for e in self.exclusions)


class Layout(Record):
    """A measure's conditions as one Program, and where its rules, situations and elements sit in it."""

    __slots__ = ("program", "rules", "situations", "situation_elements", "preconditions", "exclusions")

    def __init__(self, criteria: Criteria) -> None:
        roots: list[Condition] = [rule.when for rule in criteria.rules]
        roots += [s.condition for s in criteria.situations]
        roots += [*criteria.preconditions, *criteria.exclusions]
        self.program = Program(roots)
        at = self.program.position
        self.rules = tuple(at(rule.when) for rule in criteria.rules)
        self.situations = tuple(at(s.condition) for s in criteria.situations)
        self.situation_elements = tuple(tuple(at(e) for e in s.elements) for s in criteria.situations)
        self.preconditions = tuple(at(e) for e in criteria.preconditions)
        self.exclusions = tuple(at(e) for e in criteria.exclusions)


class Questions(Record):
    """The questions one case file answers for the measures it is checked against, and those measures.

    Measures that ask the same question use the same fact id, so a case file
    answers each question once: a set fact shared by several measures offers
    the union of their options (each measure reads the options it knows).
    Made by ``zgrongcuo.io.measures.questions``, which checks that shared ids agree.
    """

    __slots__ = ("measures", "facts", "fact_by_id")

    def __init__(self, measures: tuple[Criteria, ...], facts: tuple[Fact, ...]) -> None:
        self.measures = measures  # in the order given; the first is the one an expectation without `measure` is for
        self.facts = facts  # in asking order: the first measure's, then each next measure's new ones
        self.fact_by_id: dict[str, Fact] = {f.id: f for f in facts}

    @classmethod
    def single(cls, criteria: Criteria) -> Questions:
        return cls((criteria,), criteria.facts)

    @property
    def primary(self) -> Criteria:
        return self.measures[0]

    def measure(self, measure_id: str) -> Criteria | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    @property
    def measure_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.measures)
