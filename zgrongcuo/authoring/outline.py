"""A measure as its readers see it: an outline of plain words, for `criteria show`.

The outline is built once, in one language, and drawn by two renderers: a
tree in the terminal and Markdown for documentation.  It carries what the
criteria file says and how the tool reads it; it knows no particular measure.
"""

from __future__ import annotations

from zgrongcuo.authoring.phrases import condition_head, condition_parts, element_code
from zgrongcuo.model import conditions as c
from zgrongcuo.model.base import Record
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import element_text, quoted

# Kinds of node; the renderers style them.
TITLE, SECTION, HEADING, ITEM, QUOTE, NOTE = "title", "section", "heading", "item", "quote", "note"


class OutlineItem(Record):
    """A line of the outline, with the lines beneath it."""

    __slots__ = ("text", "kind", "code", "tone", "children")

    def __init__(self, text: str, kind: str = ITEM, code: str | None = None, tone: str | None = None) -> None:
        self.text = text
        self.kind = kind
        self.code = code  # the thing as written in the criteria file
        self.tone = tone  # "good", "bad" or "open" for outcomes
        self.children: list[OutlineItem] = []

    def add(self, *items: OutlineItem | None) -> OutlineItem:
        self.children.extend(i for i in items if i is not None)
        return self


def _tone(favourable: bool | None) -> str:
    return "good" if favourable else "open" if favourable is None else "bad"


def _source(criteria: Criteria, quote: str | None, basis: str | None, note: dict | None, lang: str) -> list[OutlineItem]:
    """The quoted words with their basis, and the note: what an item rests on."""
    out = []
    basis_label = text("show.basis", lang, basis=criteria.bases[basis][lang] if basis in criteria.bases else basis) if basis else None
    if quote:
        out.append(OutlineItem(quoted(quote, lang) + (f" — {basis_label}" if basis_label else ""), QUOTE))
    elif basis_label:
        out.append(OutlineItem(basis_label, QUOTE))
    if note:
        out.append(OutlineItem(text("note", lang, note=note[lang]), NOTE))
    return out


def _element(criteria: Criteria, element: c.Element, lang: str, *, exclusion: bool = False) -> OutlineItem:
    node = OutlineItem(element_text(element, lang, exclusion=exclusion), ITEM, element_code(element))
    return node.add(*_source(criteria, element.quote, element.basis, element.note, lang))


def condition_item(criteria: Criteria, condition: c.Condition, lang: str) -> OutlineItem:
    """A condition as a tree: all/any/not with their parts, references by the name they are written with."""
    words, code = condition_head(condition, lang, criteria)
    node = OutlineItem(words, ITEM, code)
    for part in condition_parts(condition):
        node.add(condition_item(criteria, part, lang))
    return node


def build(criteria: Criteria, lang: str) -> OutlineItem:
    """The outline of ``criteria`` in ``lang``."""
    root = OutlineItem(criteria.title[lang], TITLE, criteria.id)
    if criteria.source:
        root.add(OutlineItem(text("show.source", lang, source=criteria.source[lang]), NOTE))
    root.add(OutlineItem(text("show.version", lang, id=criteria.id, version=criteria.version, sha=criteria.sha256[:12]), NOTE))

    situations = OutlineItem(text("heading.situations", lang), SECTION, "situations")
    for s in criteria.situations:
        node = OutlineItem(f"{s.id} {s.label[lang]}", HEADING)
        node.add(*_source(criteria, s.quote, s.basis, s.note, lang))
        node.add(*(_element(criteria, e, lang) for e in s.elements))
        situations.add(node)
    root.add(situations)

    for key, heading, elements, exclusion in (
        ("preconditions", "heading.preconditions", criteria.preconditions, False),
        ("exclusions", "heading.exclusions", criteria.exclusions, True),
    ):
        section = OutlineItem(text(heading, lang), SECTION, key)
        section.add(*(_element(criteria, e, lang, exclusion=exclusion) for e in elements))
        if not elements:
            section.add(OutlineItem(text("show.no_preconditions", lang), NOTE))
        root.add(section)

    if criteria.conditions:
        named = OutlineItem(text("show.conditions", lang), SECTION, "conditions")
        for name, condition in criteria.conditions.items():
            named.add(OutlineItem(name, HEADING, f"ref: {name}").add(condition_item(criteria, condition, lang)))
        root.add(named)

    rules = OutlineItem(text("show.rules", lang, undetermined=criteria.undetermined.label[lang]), SECTION, "rules")
    for rule in criteria.rules:
        outcome = rule.outcome
        node = OutlineItem(
            text("show.rule", lang, number=rule.number, label=outcome.label[lang]),
            HEADING,
            outcome.id,
            tone=_tone(outcome.favourable),
        )
        when = condition_item(criteria, rule.when, lang)
        when.text = text("show.when", lang, condition=when.text)
        node.add(when, *_source(criteria, rule.quote, rule.basis, rule.note, lang))
        rules.add(node)
    root.add(rules)

    outcomes = OutlineItem(text("show.outcomes", lang), SECTION, "outcomes")
    for outcome in criteria.outcomes.values():
        word = {True: "true", False: "false", None: "none"}[outcome.favourable]
        node = OutlineItem(
            f"{outcome.label[lang]} — {text('show.favourable.' + word, lang)}", ITEM, outcome.id, tone=_tone(outcome.favourable)
        )
        if outcome.help:
            node.add(OutlineItem(outcome.help[lang], NOTE))
        outcomes.add(node)
    root.add(outcomes)

    facts = OutlineItem(text("show.facts", lang), SECTION, "facts")
    for fact in criteria.facts:
        kind = text("show.type." + fact.type, lang)
        node = OutlineItem(text("show.fact", lang, label=fact.label[lang], type=kind), ITEM, fact.id)
        node.add(OutlineItem(fact.question[lang], NOTE))
        node.add(*(OutlineItem(o.label[lang], ITEM, o.id) for o in fact.options))
        facts.add(node)
    root.add(facts)

    root.add(OutlineItem(text("show.reminder", lang, reminder=criteria.reminder[lang]), NOTE))
    return root
