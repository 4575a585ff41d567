"""`criteria list`: the measures shipped with the tool — name, title, level, issuer, source and dates in force."""

from __future__ import annotations

import json
from typing import TextIO

from zgrongcuo.io.measures import DEFAULT_MEASURE, bundled_measures
from zgrongcuo.model.criteria import Criteria
from zgrongcuo.text.catalogue import text


def bundled() -> list[Criteria]:
    """Every bundled measure, loaded (the default first)."""
    from zgrongcuo.io.criteria_builder import load

    return [load(path) for path in bundled_measures().values()]


def _dates(c: Criteria, lang: str) -> str:
    force = c.in_force
    if force.start is None and force.end is None:
        return text("list.dates_unknown", lang)
    unknown = text("list.date_unknown", lang)
    return text("list.dates", lang, start=force.start or unknown, end=force.end or text("list.still", lang))


def entry(c: Criteria, lang: str) -> dict[str, object]:
    """One measure as JSON: what `criteria list --format json` gives for it."""
    force = c.in_force
    return {
        "name": c.id,
        "default": c.id == DEFAULT_MEASURE,
        "title": c.title.get(lang, ""),
        "short": c.name(lang),
        "level": c.level,
        "issuer": (c.issuer or {}).get(lang),
        "source": (c.source or {}).get(lang),
        "version": c.version,
        "effective": {"from": force.start, "until": force.end, "note": (force.note or {}).get(lang)},
        "outcomes": list(c.outcomes),
        "sha256": c.sha256,
    }


def write_json(out: TextIO, measures: list[Criteria], lang: str) -> None:
    out.write(json.dumps([entry(c, lang) for c in measures], ensure_ascii=False, indent=2) + "\n")


def rows(c: Criteria, lang: str) -> list[tuple[str, str]]:
    """(label, value) lines describing a measure for people, those with a value only."""
    rows = [
        ("list.title", c.title.get(lang, "")),
        ("list.level", text(f"level.{c.level}", lang) if c.level else ""),
        ("list.issuer", (c.issuer or {}).get(lang, "")),
        ("list.effective", _dates(c, lang)),
        ("list.effective_note", (c.in_force.note or {}).get(lang, "")),
        ("list.source", (c.source or {}).get(lang, "")),
    ]
    return [(text(key, lang), value) for key, value in rows if value]
