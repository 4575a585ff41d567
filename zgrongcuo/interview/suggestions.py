"""A suggested answer at its question: shown with the sentences it rests on, offered as what Enter gives.

The person decides: Enter takes the suggestion, any other answer replaces it,
and either way the question is answered and the suggestion leaves the case.
A suggestion taken (or typed the same) is recorded with a note naming its
evidence — 原文：“……”（来源：文件名） — so that the case file says where the
answer came from.  Sentences that show a question both ways are shown, and
nothing is offered.
"""

from __future__ import annotations

from zgrongcuo.interview.dialogue import escaped
from zgrongcuo.model.case import Answer
from zgrongcuo.model.criteria import Fact
from zgrongcuo.model.suggestion import Evidence, Suggestion
from zgrongcuo.render.suggestions import contrary_text, evidence_text
from zgrongcuo.text.catalogue import text


def lines(fact: Fact, suggestion: Suggestion, lang: str) -> list[str]:
    """What the interview says under a question that has a suggestion: the answer proposed and its sentences."""
    out = []
    if suggestion.value is not None:
        out.append(text("ask.suggested", lang, answer=answer_words(fact, suggestion.value, lang)))
        out += [evidence_text(e, lang, escaped) for e in suggestion.evidence]
    if suggestion.conflicting:
        out.append(text("ask.suggested_conflict", lang))
        out += [contrary_text(fact, e, lang, escaped) for e in suggestion.conflicting]
    if suggestion.value is not None:
        out.append(text("ask.suggested_enter", lang))
    return out


def answer_words(fact: Fact, value: object, lang: str) -> str:
    if isinstance(value, bool):
        return text("ask.answer.yes" if value else "ask.answer.no", lang)
    if isinstance(value, tuple) and value:
        return text("list_sep", lang).join(fact.option(o).label[lang] for o in value if o in fact.option_set)
    return text("ask.answer.none", lang)


def proposal(suggestion: Suggestion | None, lang: str) -> Answer | None:
    """The answer Enter gives at the question, with the note that names its evidence; None if nothing is offered."""
    if suggestion is None or suggestion.value is None:
        return None
    return Answer(suggestion.value, note(suggestion.evidence, lang))


def note(evidence: tuple[Evidence, ...], lang: str) -> str:
    """原文：“……”“……”（来源：a.txt）；“……”（来源：b.docx）: the sentences, each file named once after its own."""
    groups: list[tuple[str | None, list[str]]] = []
    for e in evidence:
        if groups and groups[-1][0] == e.source:
            groups[-1][1].append(e.text)
        else:
            groups.append((e.source, [e.text]))
    parts = []
    for source, texts in groups:
        quoted = "".join(text("suggest.quoted", lang, words=t) for t in texts)
        parts.append(quoted if source is None else text("suggest.quoted_from", lang, quoted=quoted, source=source))
    return text("suggest.note", lang, evidence=text("suggest.note_sep", lang).join(parts))
