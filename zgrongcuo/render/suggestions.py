"""What `zgrongcuo suggest` prints: each suggestion with its question and sentences, and how many questions remain.

Plain lines, wrapped to the width given; everything read from a file is shown
escaped (``text.escape``), so that no sentence can act on the terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from zgrongcuo.model.criteria import Fact
from zgrongcuo.model.suggestion import Evidence
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import one_line
from zgrongcuo.text.layout import columns, wrap
from zgrongcuo.text.wording import answer_text

if TYPE_CHECKING:  # the matcher behind a draft is not needed to show one, nor by the checklist's evidence lines
    from zgrongcuo.suggestion.draft import Draft


def draft_lines(draft: Draft, lang: str, width: int, *, saved: str | None = None) -> list[str]:
    """One case: the suggestions in asking order, the sentences under each, then the count and what to do next."""
    out: list[str] = []
    facts = draft.questions.fact_by_id
    for fact_id, s in draft.case.suggested.items():
        fact = facts[fact_id]
        if s.value is not None:
            out += _hanging(text("suggest.line", lang, label=fact.label[lang], answer=answer_text(fact, s.value, lang)), "", width)
            for e in s.evidence:
                out += _hanging(evidence_line(e, lang), "  ", width)
        if s.conflicting:
            out += _hanging(text("suggest.line_conflict", lang, label=fact.label[lang]), "", width)
            for e in s.conflicting:
                out += _hanging(contrary_line(fact, e, lang), "  ", width)
    if out:
        out.append("")
    total = len(draft.questions.facts)
    answered = sum(1 for f in draft.questions.facts if f.id in draft.case.answers)
    counts = text(
        "suggest.counts" if draft.contrary else "suggest.counts_plain", lang,
        total=total, proposed=draft.proposed, contrary=draft.contrary, remaining=draft.remaining,
    )  # fmt: skip
    if answered:
        counts += text("suggest.counts_answered", lang, answered=answered)
    out += _hanging(counts, "", width)
    if draft.reading.stopped:
        out += _hanging(text("suggest.stopped", lang), "", width)
    out += _hanging(text("suggest.not_findings", lang), "", width)
    if saved is not None:
        out += _hanging(text("suggest.next_saved", lang, file=one_line(saved)), "", width)
    return out


def batch_line(name: str, draft: Draft, lang: str, saved: str | None) -> str:
    """One case of a folder, on one line: how many suggestions, how many both ways, and where its draft went."""
    line = text("suggest.batch_line", lang, file=one_line(name), proposed=draft.proposed, contrary=draft.contrary,
                remaining=draft.remaining)  # fmt: skip
    if saved is not None:
        line += text("suggest.batch_saved", lang, file=one_line(saved))
    return line


def evidence_line(e: Evidence, lang: str) -> str:
    """A sentence a suggestion rests on, on one line: 原文：“……”（来源：文件）."""
    return evidence_text(e, lang, one_line).strip()


def contrary_line(fact: Fact, e: Evidence, lang: str) -> str:
    """A sentence of a text that says both ways, and what it shows: 表明“……”：“……”（来源：文件）."""
    return contrary_text(fact, e, lang, one_line).strip()


def evidence_text(e: Evidence, lang: str, escape: Callable[[str], str]) -> str:
    """A sentence a suggestion rests on, indented as under its question, with what was read escaped by ``escape``."""
    return text("ask.suggested_evidence", lang, evidence=escape(e.text), source=_source(e, lang, escape))


def contrary_text(fact: Fact, e: Evidence, lang: str, escape: Callable[[str], str]) -> str:
    """A sentence that shows a question one way of two, and what it shows, indented as under its question."""
    if e.option is None:
        shows = text("ask.suggested_option_holds", lang, option=text("ask.answer.yes" if e.says else "ask.answer.no", lang))
    else:
        label = fact.option(e.option).label[lang] if e.option in fact.option_set else e.option
        shows = text("ask.suggested_option_holds" if e.says else "ask.suggested_option_not", lang, option=label)
    return text("ask.suggested_shows", lang, shows=shows, evidence=escape(e.text), source=_source(e, lang, escape))


def _source(e: Evidence, lang: str, escape: Callable[[str], str]) -> str:
    return "" if e.source is None else text("ask.suggested_from", lang, source=escape(e.source))


def _hanging(line: str, indent: str, width: int) -> list[str]:
    """``line`` wrapped to ``width``, its continuation lines indented two columns more than its first."""
    lines = wrap(line, max(width - columns(indent) - 2, 10))
    return [indent + lines[0], *(indent + "  " + rest for rest in lines[1:])] if lines else [indent]
