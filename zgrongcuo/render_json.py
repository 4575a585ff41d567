"""Determinations as JSON objects, in the field order the contract fixes."""

from __future__ import annotations

import json
from typing import TextIO

from zgrongcuo import __version__
from zgrongcuo.engine import Determination, ElementResult
from zgrongcuo.errors import ZgError
from zgrongcuo.reasons import reason


def _answer_json(result: ElementResult):
    if result.answer is None or result.answer.value is None:
        return None
    value = result.answer.value
    return list(value) if isinstance(value, tuple) else value


def _element_json(result: ElementResult, lang: str, *, exclusion: bool = False) -> dict:
    element = result.element
    return {
        "fact": result.fact,
        "status": result.status,
        "answer": _answer_json(result),
        "note": result.answer.note if result.answer else None,
        "reason": reason(result, lang, exclusion=exclusion),
        "quote": element.quote,
        "basis": element.basis,
    }


def determination_json(d: Determination, lang: str, *, explain: bool = False) -> dict:
    """The determination as a JSON-ready dict (the fields SPEC.md fixes, then extras).

    ``explain`` adds ``counterfactuals``: what would change the outcome.
    """
    criteria = d.criteria
    obj = {
        "file": d.case.file,
        "case": dict(d.case.meta),
        "lang": lang,
        "tool_version": __version__,
        "criteria": {
            "id": criteria.id,
            "title": criteria.title[lang],
            "version": criteria.version,
            "sha256": criteria.sha256,
        },
        "outcome": d.outcome.id,
        "outcome_label": d.outcome.label[lang],
        "rule": d.rule.number if d.rule else None,
        "situations": [
            {
                "id": s.situation.id,
                "status": s.status,
                "label": s.situation.label[lang],
                "quote": s.situation.quote,
                "basis": s.situation.basis,
                "elements": [_element_json(e, lang) for e in s.elements],
            }
            for s in d.situations
        ],
        "preconditions": [_element_json(e, lang) for e in d.preconditions],
        "exclusions": [_element_json(e, lang, exclusion=True) for e in d.exclusions],
        "next_questions": list(d.next_questions),
        "unchecked_exclusions": list(d.unchecked_exclusions),
        "favourable": d.outcome.favourable,
        "situations_met": list(d.situations_met),
        "warnings": [_notice(n, lang) for n in d.case.notices],
    }
    if explain:
        from zgrongcuo.report import counterfactuals_json

        obj["counterfactuals"] = counterfactuals_json(d, lang)
    return obj


def _notice(notice, lang: str) -> str:
    from zgrongcuo.messages import text

    return text(notice.msg_id, lang, **notice.params)


def error_json(file: str, error: ZgError, lang: str) -> dict:
    return {"file": file, "error": error.to_json(lang)}


def dumps(obj: dict, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


class JsonRenderer:
    """One object for a single case, else a JSON array, written as cases come."""

    def __init__(self, out: TextIO, lang: str, *, array: bool, explain: bool = False) -> None:
        self.out, self.lang, self.array, self.explain = out, lang, array, explain
        self.count = 0

    def _write(self, obj: dict) -> None:
        text = dumps(obj, indent=2)
        if self.array:
            text = ("[\n" if self.count == 0 else ",\n") + "\n".join("  " + line for line in text.splitlines())
        self.out.write(text)
        self.count += 1

    def determination(self, d: Determination) -> None:
        self._write(determination_json(d, self.lang, explain=self.explain))

    def failure(self, file: str, error: ZgError) -> None:
        self._write(error_json(file, error, self.lang))

    def close(self) -> None:
        if self.array:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.count:
            self.out.write("\n")


class JsonlRenderer:
    """One compact JSON object per line, flushed as each case is done."""

    def __init__(self, out: TextIO, lang: str, *, explain: bool = False, **_: object) -> None:
        self.out, self.lang, self.explain = out, lang, explain

    def determination(self, d: Determination) -> None:
        self.out.write(dumps(determination_json(d, self.lang, explain=self.explain)) + "\n")

    def failure(self, file: str, error: ZgError) -> None:
        self.out.write(dumps(error_json(file, error, self.lang)) + "\n")

    def close(self) -> None:
        pass


# ------------------------------------------------------------------ schema
# The JSON Schema of what this module writes, kept beside it: a test validates
# every example's determination and every error object against it, and the
# schema forbids fields it does not name, so the two cannot drift apart.

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def determination_schema(criteria, lang: str) -> dict:
    """JSON Schema (draft 2020-12) of a determination, or of the error object of a case that could not be loaded."""
    from zgrongcuo.messages import text

    fact_ids = [f.id for f in criteria.facts]
    situation_ids = [s.id for s in criteria.situations]
    string = {"type": "string"}
    status = {"enum": ["met", "not_met", "unknown"]}
    answer = {
        "anyOf": [
            {"type": "boolean"},
            {"type": "array", "items": string, "uniqueItems": True},
            {"type": "null"},
        ]
    }

    def obj(properties: dict, *, optional: tuple[str, ...] = (), title: str | None = None) -> dict:
        out = {
            "type": "object",
            "properties": properties,
            "required": [k for k in properties if k not in optional],
            "additionalProperties": False,
        }
        if title:
            out["title"] = title
        return out

    element = obj(
        {
            "fact": {"enum": fact_ids},
            "status": status,
            "answer": answer,
            "note": _nullable(string),
            "reason": string,
            "quote": _nullable(string),
            "basis": _nullable(string),
        }
    )
    change = obj({"fact": {"enum": fact_ids}, "from": answer, "to": answer})
    counterfactual = obj(
        {
            "changes": {"type": "array", "items": change, "minItems": 1},
            "outcome": {"enum": list(criteria.outcomes)},
            "outcome_label": string,
            "situations_met": {"type": "array", "items": {"enum": situation_ids}},
            "bottom_line": {"type": "boolean"},
            "text": string,
        }
    )
    determination = obj(
        {
            "file": string,
            "case": obj({k: _nullable(string) for k in ("id", "title", "subject", "summary")}),
            "lang": {"enum": list(criteria.languages)},
            "tool_version": string,
            "criteria": obj(
                {"id": string, "title": string, "version": string, "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"}}
            ),
            "outcome": {"enum": list(criteria.outcomes)},
            "outcome_label": string,
            "rule": _nullable({"type": "integer", "minimum": 1}),
            "situations": {
                "type": "array",
                "items": obj(
                    {
                        "id": {"enum": situation_ids},
                        "status": status,
                        "label": string,
                        "quote": _nullable(string),
                        "basis": _nullable(string),
                        "elements": {"type": "array", "items": {"$ref": "#/$defs/element"}},
                    }
                ),
            },
            "preconditions": {"type": "array", "items": {"$ref": "#/$defs/element"}},
            "exclusions": {"type": "array", "items": {"$ref": "#/$defs/element"}},
            "next_questions": {"type": "array", "items": {"enum": fact_ids}, "uniqueItems": True},
            "unchecked_exclusions": {"type": "array", "items": {"enum": fact_ids}, "uniqueItems": True},
            "favourable": {"type": ["boolean", "null"]},
            "situations_met": {"type": "array", "items": {"enum": situation_ids}, "uniqueItems": True},
            "warnings": {"type": "array", "items": string},
            "counterfactuals": {"type": "array", "items": {"$ref": "#/$defs/counterfactual"}},
        },
        optional=("counterfactuals",),
    )
    failure = obj(
        {
            "file": string,
            "error": obj(
                {
                    "message": string,
                    "line": _nullable({"type": "integer", "minimum": 1}),
                    "column": _nullable({"type": "integer", "minimum": 1}),
                    "key": _nullable(string),
                }
            ),
        }
    )
    return {
        "$schema": DRAFT,
        "title": text("schema.determination_title", lang, title=criteria.title[lang]),
        "oneOf": [{"$ref": "#/$defs/determination"}, {"$ref": "#/$defs/failure"}],
        "$defs": {
            "determination": determination,
            "failure": failure,
            "element": element,
            "counterfactual": counterfactual,
        },
    }
