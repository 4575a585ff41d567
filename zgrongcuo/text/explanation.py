"""What would change the outcome, in sentences: the engine finds the changes, this layer words them.

Changes that lead to the same result and differ only in which one option of
a fact they choose are one sentence ("…还包括“甲”或“乙”…"), and the most
direct change comes first: the point, then the alternatives.
"""

from __future__ import annotations

from zgrongcuo.model.base import Record
from zgrongcuo.model.determination import Change, Counterfactual, Determination
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import answer_text, fact_labels, quoted


def _change_text(change: Change, lang: str, *, finding: bool, alternatives: tuple[str, ...] = ()) -> str:
    """One change in words; ``alternatives`` are the options that may stand for the one it adds or sets."""
    fact = change.fact
    label = fact.label[lang]
    before = answer_text(fact, change.before, lang)
    if alternatives:
        options = text("or_sep", lang).join(quoted(fact.option(o).label[lang], lang) for o in alternatives)
        if change.before is None:
            return text("cf.answer", lang, label=label, to=options, before=before)
        return text("cf.add", lang, label=label, options=options)
    to = answer_text(fact, change.after, lang)
    if finding:
        return text("cf.found", lang, label=label, to=to, before=before)
    added, removed = change.added(), change.removed()
    if added or removed:
        parts = []
        if added:
            parts.append(text("cf.add", lang, label=label, options=answer_text(fact, added, lang)))
        if removed:
            parts.append(text("cf.remove", lang, label=label, options=answer_text(fact, removed, lang)))
        return text("cf.and", lang).join(parts)
    return text("cf.answer", lang, label=label, to=to, before=before)


def _then(cf: Counterfactual, d: Determination, lang: str) -> str:
    new = [s for s in d.criteria.situations if s.id in cf.situations_met and s.id not in d.situations_met]
    if not new:
        return ""
    return text("cf.then", lang, situations=text("list_sep", lang).join(s.name(lang) for s in new))


def counterfactual_text(
    cf: Counterfactual, d: Determination, lang: str, alternatives: tuple[tuple[str, ...], ...] = ()
) -> str:
    """One sentence: the changes and where they lead, worded as a finding when a bottom line is involved.

    ``alternatives`` gives, for each change, the options that may stand for the one it chooses (see ``merged``).
    """
    bottom = d.criteria.exclusion_facts()
    outcome = cf.outcome.label[lang]
    choices = alternatives or ((),) * len(cf.changes)

    def words(i: int, change: Change, finding: bool) -> str:
        return _change_text(change, lang, finding=finding, alternatives=choices[i])

    if d.outcome.favourable is None:
        (change,) = cf.changes
        if choices[0]:
            to = text("or_sep", lang).join(quoted(change.fact.option(o).label[lang], lang) for o in choices[0])
        else:
            to = answer_text(change.fact, change.after, lang)
        return text("cf.open", lang, label=change.fact.label[lang], to=to, then=_then(cf, d, lang), outcome=outcome)
    sep = text("cf.and", lang)
    if cf.bottom_line:
        changes = sep.join(words(i, ch, ch.fact.id in bottom) for i, ch in enumerate(cf.changes))
        return text("cf.bottom", lang, changes=changes, outcome=outcome)
    changes = sep.join(words(i, ch, False) for i, ch in enumerate(cf.changes))
    return text("cf.if", lang, changes=changes, then=_then(cf, d, lang), outcome=outcome)


class Merged(Record):
    """Counterfactuals alike but for which options some of their changes choose, said as one sentence.

    ``alternatives`` gives, for each change, the options that may stand for the one it adds or sets
    (empty where the change is taken as it is).
    """

    __slots__ = ("first", "alternatives")

    def __init__(self, first: Counterfactual, alternatives: tuple[tuple[str, ...], ...]) -> None:
        self.first = first
        self.alternatives = alternatives


def _single_option(change: Change) -> str | None:
    """The one option a change adds to a list, or answers an unanswered list with; None for any other change."""
    before, after = change.before, change.after
    if isinstance(before, tuple) and isinstance(after, tuple) and len(after) == len(before) + 1:
        (added,) = change.added()
        return added
    if before is None and isinstance(after, tuple) and len(after) == 1:
        return after[0]
    return None


def merged(found: tuple[Counterfactual, ...]) -> list[Merged]:
    """Counterfactuals merged while two differ only in the option one change chooses, in the order found."""
    entries: list[tuple[Counterfactual, list[frozenset[str]]]] = []
    for cf in found:
        slots = [frozenset({o}) if (o := _single_option(ch)) else frozenset() for ch in cf.changes]
        entries.append((cf, slots))
    changed = True
    while changed:
        changed = False
        for i in range(len(entries)):
            for j in range(i + 1, len(entries)):
                at = _mergeable(entries[i], entries[j])
                if at is not None:
                    cf, slots = entries[i]
                    slots[at] = slots[at] | entries[j][1][at]
                    del entries[j]
                    changed = True
                    break
            if changed:
                break
    return [Merged(cf, tuple(tuple(o for o in cf.changes[k].fact.option_ids if o in slot) if len(slot) > 1 else ()
                             for k, slot in enumerate(slots))) for cf, slots in entries]


def _mergeable(a: tuple[Counterfactual, list[frozenset[str]]], b: tuple[Counterfactual, list[frozenset[str]]]) -> int | None:
    """The index of the one change on which two counterfactuals differ only in the option chosen; None if none."""
    (x, xs), (y, ys) = a, b
    if (x.outcome.id, x.situations_met, x.bottom_line) != (y.outcome.id, y.situations_met, y.bottom_line):
        return None
    if len(x.changes) != len(y.changes):
        return None
    differ = None
    for k, (cx, cy) in enumerate(zip(x.changes, y.changes, strict=True)):
        if cx.fact.id != cy.fact.id or cx.before != cy.before:
            return None
        if xs[k] and ys[k]:
            if xs[k] != ys[k]:
                if differ is not None:
                    return None
                differ = k
        elif cx.after != cy.after:
            return None
    return differ


class Explanation(Record):
    """What would change a determination, in sentences, the point first; empty (false) for a favourable outcome."""

    __slots__ = ("intro", "lines", "bottom_heading", "bottom_lines", "closing")

    def __init__(self) -> None:
        self.intro = ""
        self.lines: list[str] = []
        self.bottom_heading = ""
        self.bottom_lines: list[str] = []
        self.closing: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.intro or self.lines or self.bottom_lines or self.closing)

    def points(self) -> list[str]:
        """Every sentence that states a change, the most direct first."""
        return [*self.lines, *self.bottom_lines]


def _sentences(found: list[Counterfactual], d: Determination, lang: str) -> list[str]:
    return [counterfactual_text(m.first, d, lang, m.alternatives) for m in merged(tuple(found))]


def explanation(d: Determination, lang: str) -> Explanation:
    """The sentences for what would change ``d``, from the counterfactuals the engine attached to it."""
    out = Explanation()
    found = d.counterfactuals
    if d.outcome.favourable is True or found is None:
        return out
    if d.outcome.favourable is None:
        out.intro = text("cf.open_heading", lang)
        out.lines = _by_question(list(found), d, lang)
        if not found:
            out.closing.append(text("cf.open_none", lang))
    else:
        plain = [cf for cf in found if not cf.bottom_line]
        bottom = [cf for cf in found if cf.bottom_line]
        if plain:
            out.intro = text("cf.intro", lang)
            out.lines = _sentences(plain, d, lang)
        if bottom:
            out.bottom_heading = text("cf.bottom_heading", lang)
            out.bottom_lines = _sentences(bottom, d, lang)
        if not found:
            out.closing.append(text("cf.none", lang))
            if d.unchecked_exclusions:
                facts = fact_labels(d.criteria, d.unchecked_exclusions, lang)
                out.closing.append(text("cf.none_unchecked", lang, facts=facts))
        out.closing.append(text("cf.not_a_change", lang))
    if not d.counterfactuals_complete:
        out.closing.append(text("cf.incomplete", lang))
    return out


def _by_question(found: list[Counterfactual], d: Determination, lang: str) -> list[str]:
    """For an undetermined case: one sentence per open question, its deciding answers side by side."""
    per_fact: dict[str, list[str]] = {}
    for m in merged(tuple(found)):
        sentence = counterfactual_text(m.first, d, lang, m.alternatives)
        per_fact.setdefault(m.first.changes[0].fact.id, []).append(sentence)
    joiner = "" if lang == "zh" else " "
    return [joiner.join(sentences) for sentences in per_fact.values()]
