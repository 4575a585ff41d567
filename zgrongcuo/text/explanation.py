"""What would change the outcome, in sentences: the engine finds the changes, this layer words them."""

from __future__ import annotations

from zgrongcuo.model.base import Record
from zgrongcuo.model.determination import Change, Counterfactual, Determination
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import answer_text, fact_labels


def _change_text(change: Change, lang: str, *, finding: bool) -> str:
    fact = change.fact
    label = fact.label[lang]
    before = answer_text(fact, change.before, lang)
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
    names = text("list_sep", lang).join(text("cf.situation", lang, id=s.id, label=s.label[lang]) for s in new)
    return text("cf.then", lang, situations=names)


def counterfactual_text(cf: Counterfactual, d: Determination, lang: str) -> str:
    """One sentence: the changes and where they lead, worded as a finding when a bottom line is involved."""
    bottom = d.criteria.exclusion_facts()
    outcome = cf.outcome.label[lang]
    if d.outcome.favourable is None:
        (change,) = cf.changes
        to = answer_text(change.fact, change.after, lang)
        return text("cf.open", lang, label=change.fact.label[lang], to=to, then=_then(cf, d, lang), outcome=outcome)
    sep = text("cf.and", lang)
    if cf.bottom_line:
        changes = sep.join(_change_text(ch, lang, finding=ch.fact.id in bottom) for ch in cf.changes)
        return text("cf.bottom", lang, changes=changes, outcome=outcome)
    changes = sep.join(_change_text(ch, lang, finding=False) for ch in cf.changes)
    return text("cf.if", lang, changes=changes, then=_then(cf, d, lang), outcome=outcome)


class Explanation(Record):
    """What would change a determination, in sentences; empty (false) for a favourable outcome."""

    __slots__ = ("intro", "lines", "bottom_heading", "bottom_lines", "closing")

    def __init__(self) -> None:
        self.intro = ""
        self.lines: list[str] = []
        self.bottom_heading = ""
        self.bottom_lines: list[str] = []
        self.closing: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.intro or self.lines or self.bottom_lines or self.closing)


def explanation(d: Determination, lang: str) -> Explanation:
    """The sentences for what would change ``d``, from the counterfactuals the engine attached to it."""
    out = Explanation()
    found = d.counterfactuals
    if d.outcome.favourable is True or found is None:
        return out
    if d.outcome.favourable is None:
        out.intro = text("cf.open_heading", lang)
        out.lines = [counterfactual_text(cf, d, lang) for cf in found]
        if not found:
            out.closing.append(text("cf.open_none", lang))
        return out
    plain = [cf for cf in found if not cf.bottom_line]
    bottom = [cf for cf in found if cf.bottom_line]
    if plain:
        out.intro = text("cf.intro", lang)
        out.lines = [counterfactual_text(cf, d, lang) for cf in plain]
    if bottom:
        out.bottom_heading = text("cf.bottom_heading", lang)
        out.bottom_lines = [counterfactual_text(cf, d, lang) for cf in bottom]
    if not found:
        out.closing.append(text("cf.none", lang))
        if d.unchecked_exclusions:
            out.closing.append(text("cf.none_unchecked", lang, facts=fact_labels(d.criteria, d.unchecked_exclusions, lang)))
    out.closing.append(text("cf.not_a_change", lang))
    return out
