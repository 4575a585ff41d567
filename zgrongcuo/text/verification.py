"""What to verify next, in sentences: where an open question counts, how much it decides, where each answer leads.

The engine weighs the open questions (``engine.verification``); this layer
words them in the measure's own terms: a situation by its name and quoted
words, a precondition, a bottom line, an outcome.
"""

from __future__ import annotations

from zgrongcuo.model.determination import Determination
from zgrongcuo.model.verification import (
    DECIDES,
    IN_EXCLUSION,
    IN_PRECONDITION,
    IN_SITUATION,
    MAY_DECIDE,
    NO_EFFECT,
    Lead,
    OpenQuestion,
    Place,
)
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.wording import answer_text, quoted, requirement_text

MAX_NAMED = 3  # questions named as what remains after an answer that does not decide
_WEIGHTS = {DECIDES: "decides", MAY_DECIDE: "may_decide", NO_EFFECT: "no_effect"}


def state(q: OpenQuestion, d: Determination, lang: str) -> str:
    """The answer the case gives now: none, unknown (不确定, 待核实), and whether a written account suggests one."""
    said = text("answered", lang, answer=quoted(text("answered_unknown", lang), lang)) if q.answered else text("not_answered", lang)
    suggestion = d.case.suggested.get(q.fact.id)
    if suggestion is not None:
        key = "checklist.state.suggested" if suggestion.proposes else "checklist.state.contrary"
        said += text(key, lang, answer=answer_text(q.fact, suggestion.value, lang))
    return said


def weight_text(q: OpenQuestion, d: Determination, lang: str) -> str:
    """How much answering it decides, in a sentence (a decided case: whether it can change the outcome)."""
    key = "checklist.weight." + _WEIGHTS.get(q.weight, "with_others")
    if d.decided and q.weight != NO_EFFECT:
        key += "_decided"
    sentence = text(key, lang)
    if not q.weighed:
        sentence += text("checklist.weight.unweighed", lang)
    return sentence


def place_text(place: Place, lang: str) -> str:
    """Where the measure tests the question, in its words: "情形二：“经过民主决策程序”，要求为“是”"."""
    element = place.element
    words = quoted(element.quote or element.fact.label[lang], lang)
    exclusion = place.kind == IN_EXCLUSION
    requirement = requirement_text(element, lang, exclusion=exclusion)
    if place.kind == IN_SITUATION and place.situation is not None:
        return text("checklist.place.situation", lang, name=place.situation.name(lang), words=words, requirement=requirement)
    if place.kind == IN_PRECONDITION:
        return text("checklist.place.precondition", lang, words=words, requirement=requirement)
    if exclusion:
        return text("checklist.place.exclusion", lang, words=words, requirement=requirement)
    outcome = place.rule.outcome.label[lang] if place.rule is not None else ""
    return text("checklist.place.rule", lang, outcome=quoted(outcome, lang), label=element.fact.label[lang], requirement=requirement)


def places(q: OpenQuestion, lang: str) -> list[str]:
    """Every place the question still counts, each said once."""
    out: list[str] = []
    for place in q.places:
        sentence = place_text(place, lang)
        if sentence not in out:
            out.append(sentence)
    return out


def _result(lead: Lead, d: Determination, lang: str) -> str:
    outcome = lead.outcome.label[lang]
    if d.decided:
        return text("checklist.result.changes", lang, outcome=outcome) if lead.decides else text("checklist.result.same", lang)
    if not lead.decides:
        labels = text("list_sep", lang).join(quoted(d.criteria.fact_by_id[f].label[lang], lang) for f in lead.still_open)
        return text("checklist.result.still_open", lang, facts=labels)
    new = [s for s in d.criteria.situations if s.id in lead.situations_met and s.id not in d.situations_met]
    if new:
        names = text("list_sep", lang).join(s.name(lang) for s in new)
        return text("checklist.result.met", lang, situations=names, outcome=outcome)
    return text("checklist.result.outcome", lang, outcome=outcome)


def leads(q: OpenQuestion, d: Determination, lang: str) -> list[str]:
    """Where each answer leads, one sentence per result: answers that lead to the same place are joined with "或".

    An answer that leaves an undecided case undecided is said only when it
    leaves a few questions to settle it, named (more would say nothing the
    weight does not); one that leaves a decided outcome as it is, only for a
    yes/no question (for a list, every other option would be named).
    """
    results: dict[str, list[str]] = {}
    fact = q.fact
    for lead in q.leads:
        if not lead.decides and (fact.type != "yesno" if d.decided else not 0 < len(lead.still_open) <= MAX_NAMED):
            continue
        result = _result(lead, d, lang)
        after = lead.change.after
        if isinstance(after, tuple) and len(after) == 1:
            answer = quoted(fact.option(after[0]).label[lang], lang)
        else:
            answer = answer_text(fact, after, lang)
        results.setdefault(result, []).append(answer)
    key = "checklist.lead_set" if fact.type == "set" else "checklist.lead"
    return [text(key, lang, answers=text("or_sep", lang).join(answers), result=result) for result, answers in results.items()]
