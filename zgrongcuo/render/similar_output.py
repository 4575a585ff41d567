"""`similar` as JSON for scripts and as a Markdown document (the text for people is in ``render.terminal``)."""

from __future__ import annotations

import json

from zgrongcuo import __version__
from zgrongcuo.render.similar_view import SearchView, _name
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import markdown as md


def search_json(v: SearchView) -> dict[str, object]:
    """The search as a JSON-ready dict: what was searched, how it was weighed, and each match.

    Names are exact, as everywhere in JSON: the escaped forms the text shows could name two files alike.
    """
    return {
        "case": {"file": v.case.file, "name": _name(v.case, exact=True)},
        "searched": v.searched,
        "library": v.library,
        "measures": [m.id for m in v.measures],
        "lang": v.lang,
        "tool_version": __version__,
        "read": v.read,
        "decided": v.decided,
        "results": [
            {
                "rank": m.rank,
                "file": m.path,
                "case": {k: m.match.case.meta.get(k) for k in ("id", "title", "subject", "summary", "conduct_date")},
                "similarity": m.similarity,
                "compared_weight": round(m.compared, 4),
                "differences": [{"fact": d.fact, "label": d.label, "this": d.mine, "that": d.theirs} for d in m.differences],
                "decision": _decision(m.match.case, v.lang),
            }
            for m in v.matches
        ],
    }


def _decision(case, lang: str) -> dict[str, object]:
    d = case.decision
    return {
        "outcome": d.outcome,
        "outcome_label": d.label.get(lang, d.outcome),
        "measure": d.measure,
        "favourable": d.favourable,
        "by": d.by,
        "date": d.date,
        "document": d.document,
        "source": d.source,
        "note": d.note,
    }


def dumps(v: SearchView) -> str:
    return json.dumps(search_json(v), ensure_ascii=False, indent=2) + "\n"


def markdown(v: SearchView) -> str:
    lang = v.lang
    out = [f"# {md(v.heading)}", ""]
    if v.library:
        out += [f"> {md(text('similar.library', lang))}", ""]
    out += [md(v.counts_line()), "", md(v.weights_line()), ""]
    if not v.matches:
        out += [md(text("similar.none", lang, read=v.read)), ""]
    for m in v.matches:
        out += [f"## {m.rank}. {md(m.name)}（{md(text('similar.similarity', lang, percent=m.percent))}）", ""]
        if m.subject:
            out += [md(text("subject_line", lang, subject=m.subject)), ""]
        if m.summary:
            out += [f"> {md(m.summary)}", ""]
        out += [f"**{md(m.decision)}**", ""]
        if m.differences:
            out += [md(text("similar.differences", lang)), ""] + [f"- {md(d.sentence)}" for d in m.differences] + [""]
        else:
            out += [md(text("similar.no_difference", lang)), ""]
        if m.note:
            out += [md(m.note), ""]
        if m.source:
            out += [md(text("decision.source", lang, source=m.source)), ""]
        out += [f"`{md(m.file)}`", ""]
    return "\n".join(out)
