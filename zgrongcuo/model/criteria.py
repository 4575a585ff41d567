"""A measure as the engine sees it: facts and options, situations, bottom lines, outcomes and rules.

Types only: building them from a file is ``zgrongcuo.io.criteria_builder``'s
work, and nothing here reads a file or knows any particular measure.
"""

from __future__ import annotations

from zgrongcuo.model.base import Cited, I18n, Record
from zgrongcuo.model.conditions import AllOf, Condition, Element

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

    def covers(self, day: str) -> bool | None:
        """Whether ``day`` (YYYY-MM-DD) falls within; None when no date is known to test it against."""
        if self.start is None and self.end is None:
            return None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Option(Cited):
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
        "short", "level", "issuer", "in_force",
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
