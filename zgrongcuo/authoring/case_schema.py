"""The JSON Schema of case files, made from the criteria and from the loader's own vocabulary.

Editors (through yaml-language-server, which the template's first line points
at) then offer the questions and options, with their labels and help texts,
and flag what ``check`` would refuse.  The determination's schema lives beside
the code that writes determinations, in ``render.fields``.
"""

from __future__ import annotations

import re

from zgrongcuo.io import case_reader
from zgrongcuo.model import vocabulary
from zgrongcuo.model.case import CONDUCT_DATE, DECISION_KEYS, GENERIC_DECISIONS, GENERIC_WORDS, META_KEYS
from zgrongcuo.model.criteria import Criteria, Questions
from zgrongcuo.render.fields import DRAFT
from zgrongcuo.text.catalogue import labels_of, text

# A name yaml-language-server resolves beside the case file; `zgrongcuo schema
# case -o case.schema.json` writes it there.
DEFAULT_URL = "case.schema.json"


def _words_pattern(words) -> str:
    """A pattern for the loader's answer words: any case, surrounding blanks allowed (it strips them)."""

    def word(w: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.lower() != c.upper() else re.escape(c) for c in w)

    return r"^\s*(?:" + "|".join(word(w) for w in sorted(words)) + r")\s*$"


def case_schema(criteria: Criteria | Questions, lang: str) -> dict:
    """JSON Schema (draft 2020-12) of a case file for one measure or several (their questions together), in ``lang``."""
    asked = criteria if isinstance(criteria, Questions) else Questions.single(criteria)
    measures = asked.measures
    scalar = {"type": ["string", "number", "boolean", "null"]}  # the loader keeps any scalar as text
    unknown = {"anyOf": [{"type": "null"}, {"type": "string", "pattern": _words_pattern(vocabulary.UNKNOWN_WORDS)}]}
    yesno = {
        "anyOf": [
            {"type": "boolean"},
            {"type": "string", "pattern": _words_pattern(vocabulary.YES_WORDS | vocabulary.NO_WORDS)},
            {"$ref": "#/$defs/unknown"},
        ]
    }
    answers = {}
    suggested = {}
    for fact in asked.facts:
        if fact.type == "yesno":
            value: dict = {"$ref": "#/$defs/yesno"}
        else:
            options = [{"const": o.id, "title": o.label[lang], "description": o.help[lang]} for o in fact.options]
            value = {
                "anyOf": [
                    {"type": "array", "items": {"anyOf": options}, "uniqueItems": True},
                    {"$ref": "#/$defs/unknown"},
                ]
            }
        with_note = {
            "title": text("schema.with_note", lang),
            "type": "object",
            "properties": {k: {"value": value, "note": {"$ref": "#/$defs/text"}}[k] for k in case_reader.ANSWER_KEYS},
            "additionalProperties": False,
        }
        answers[fact.id] = {
            "title": fact.label[lang],
            "description": f"{fact.question[lang]}\n\n{fact.help[lang]}",
            "anyOf": [value, with_note],
        }
        suggested[fact.id] = {"title": fact.label[lang], **_suggestion(fact, value)}
    meta: dict[str, dict] = {k: {"title": text(f"meta.{k}", lang), "$ref": "#/$defs/text"} for k in META_KEYS}
    meta["conduct_date"] = {
        "title": text("template.conduct_date", lang),
        "anyOf": [{"type": "string", "pattern": CONDUCT_DATE.pattern}, {"type": "null"}],
    }
    expect_defs = {
        "measure": {"enum": _measure_ids(asked)},
        "outcome": {"enum": _union(list(m.outcomes) for m in measures)},
        "situations": {
            "type": "array", "items": {"enum": _union([s.id for s in m.situations] for m in measures)}, "uniqueItems": True,
        },
        "next_questions": {"type": "array", "items": {"enum": [f.id for f in asked.facts]}, "uniqueItems": True},
    }  # fmt: skip
    # Keyed by the loader's own lists: a key added there and not here fails loudly.
    expect = _closed({k: expect_defs[k] for k in case_reader.EXPECT_KEYS})
    top = {
        "case": {"title": text("template.case", lang), "anyOf": [_closed(meta), {"type": "null"}]},
        "answers": {"title": text("template.answers", lang), "anyOf": [_closed(answers), {"type": "null"}]},
        "expect": {
            "title": text("schema.expect", lang),
            "anyOf": [expect, {"type": "array", "items": expect}, {"type": "null"}],
        },
        "decision": {"title": text("schema.decision", lang), "anyOf": [_decision(measures, lang), {"type": "null"}]},
        "measures": {"title": text("schema.measures", lang), "anyOf": [_measures(), {"type": "null"}]},
        "suggested": {"title": text("schema.suggested", lang), "anyOf": [_closed(suggested), {"type": "null"}]},
    }
    properties = {k: top[k] for k in case_reader.TOP_KEYS}
    titles = text("list_sep", lang).join(m.title[lang] for m in measures)
    return {
        "$schema": DRAFT,
        "title": text("schema.case_title", lang, title=titles),
        "description": "; ".join(f"{m.id} {m.version}" for m in measures),
        **_closed(properties),
        "$defs": {"text": scalar, "unknown": unknown, "yesno": yesno},
    }


def _suggestion(fact, value: dict) -> dict:
    """A suggestion of ``suggested:``: a value with its sentences, or sentences both ways (``conflicting``)."""
    texts = {"anyOf": [{"$ref": "#/$defs/text"}, {"type": "array", "items": {"$ref": "#/$defs/text"}, "minItems": 1}]}
    contrary = {
        "value": {"$ref": "#/$defs/yesno"},
        "evidence": {"$ref": "#/$defs/text"},
        "from": {"$ref": "#/$defs/text"},
        "option": {"enum": list(fact.option_ids)},
    }
    item = {
        **_closed({k: contrary[k] for k in case_reader.CONFLICTING_KEYS if k != "option" or fact.type == "set"}),
        "required": ["value", "evidence", *(["option"] if fact.type == "set" else [])],
    }
    properties = {
        "value": value,
        "evidence": texts,
        "from": texts,
        "conflicting": {"type": "array", "items": item, "minItems": 1},
    }
    return _closed({k: properties[k] for k in case_reader.SUGGESTED_KEYS})


def _decision(measures, lang: str) -> dict:
    """``decision:``: the outcome of the measure it names (that the loader checks), or a generic one."""
    # Ids, or the outcome in words (its label), as the loader reads them back.
    outcomes = _union(
        [case_reader.outcome_spellings(o.id, o.label) for m in measures for o in m.outcomes.values() if o.favourable is not None]
    )
    generic = _union(
        [case_reader.outcome_spellings(o, labels_of(f"decision.generic.{o}"), GENERIC_WORDS[o]) for o in GENERIC_DECISIONS]
    )
    properties = {
        "outcome": {"title": text("schema.decision.outcome", lang), "enum": _union([outcomes, generic])},
        "measure": {"title": text("schema.decision.measure", lang), "type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9_-]*$"},
    }
    for key in DECISION_KEYS:
        properties.setdefault(key, {"title": text(f"schema.decision.{key}", lang), "$ref": "#/$defs/text"})
    return {**_closed({k: properties[k] for k in DECISION_KEYS}), "required": ["outcome", "measure"]}


def _measures() -> dict:
    """``measures:``: bundled measures' names, or criteria files' paths (from the case file's folder)."""
    from zgrongcuo.io.measures import bundled_measures

    name = {"anyOf": [{"enum": list(bundled_measures())}, {"type": "string", "pattern": r"[/\\.]"}]}
    return {"type": "array", "items": name, "minItems": 1, "uniqueItems": True}


def _union(lists) -> list[str]:
    out: list[str] = []
    for ids in lists:
        out += [i for i in ids if i not in out]
    return out


def _measure_ids(asked: Questions) -> list[str]:
    """What ``expect.measure`` may name: the measures selected, and the bundled ones."""
    from zgrongcuo.io.measures import bundled_measures

    return _union([[m.id for m in asked.measures], list(bundled_measures())])


def _closed(properties: dict) -> dict:
    return {"type": "object", "properties": properties, "additionalProperties": False}
