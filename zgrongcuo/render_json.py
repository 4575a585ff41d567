"""Determinations as JSON objects, in the field order the contract fixes."""

from __future__ import annotations

import json
from typing import TextIO

from zgrongcuo import __version__
from zgrongcuo.engine import Determination, ElementResult
from zgrongcuo.errors import ZgError
from zgrongcuo.messages import text
from zgrongcuo.reasons import reason, reason_base


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


def _criteria_json(d: Determination, lang: str) -> dict:
    criteria = d.criteria
    return {"id": criteria.id, "title": criteria.title[lang], "version": criteria.version, "sha256": criteria.sha256}


def determination_json(d: Determination, lang: str, *, explain: bool = False) -> dict:
    """The determination as a JSON-ready dict (the fields SPEC.md fixes, then extras).

    ``explain`` adds ``counterfactuals``: what would change the outcome.
    """
    obj = {
        "file": d.case.file,
        "case": dict(d.case.meta),
        "lang": lang,
        "tool_version": __version__,
        "criteria": _criteria_json(d, lang),
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
        "warnings": [text(n.msg_id, lang, **n.params) for n in d.case.notices],
    }
    if explain:
        from zgrongcuo.report import counterfactuals_json

        obj["counterfactuals"] = counterfactuals_json(d, lang)
    return obj


def error_json(file: str, error: ZgError, lang: str) -> dict:
    return {"file": file, "error": error.to_json(lang)}


def dumps(obj: dict, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


_string = json.encoder.encode_basestring  # a str as JSON text, as json.dumps(ensure_ascii=False) writes it


class LineEncoder:
    """The text of ``dumps(determination_json(d, lang))``, assembled from cached pieces.

    A batch repeats the same criteria, labels, quotes and reasons in every
    line; encoding them once per criteria (rather than once per case) is
    most of the time a JSONL batch takes.  A test holds the two equal.
    """

    _CACHE_LIMIT = 8192  # distinct (element, answer) pairs kept; bounds memory on any batch

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._pieces: dict[tuple, tuple[str, str, str]] = {}
        self._constants: dict[tuple, str] = {}
        self._enc = json.JSONEncoder(ensure_ascii=False).encode

    def _element(self, r: ElementResult, exclusion: bool) -> str:
        answer = r.answer
        value = answer.value if answer is not None else None
        key = (r.element, value, exclusion)
        pieces = self._pieces.get(key)
        if pieces is None:
            enc = self._enc
            element = r.element
            head = (
                f'{{"fact": {enc(element.fact.id)}, "status": {enc(r.status)}, '
                f'"answer": {enc(list(value) if isinstance(value, tuple) else value)}, "note": '
            )
            tail = f', "quote": {enc(element.quote)}, "basis": {enc(element.basis)}}}'
            pieces = (head, reason_base(element, value, self.lang, exclusion), tail)
            if len(self._pieces) < self._CACHE_LIMIT:
                self._pieces[key] = pieces
        head, base, tail = pieces
        note = answer.note if answer is not None else None
        if note is None:
            return f'{head}null, "reason": {_string(base)}{tail}'
        if note:
            base += " " + text("note", self.lang, note=note)
        return f'{head}{_string(note)}, "reason": {_string(base)}{tail}'

    def _constant(self, key: tuple, make) -> str:
        found = self._constants.get(key)
        if found is None:
            found = self._constants[key] = make()
        return found

    def encode(self, d: Determination) -> str:
        enc, lang = self._enc, self.lang
        criteria = d.criteria
        head = self._constant(
            ("head", id(criteria)),
            lambda: f'"lang": {enc(lang)}, "tool_version": {enc(__version__)}, '
            f'"criteria": {enc(_criteria_json(d, lang))}, ',
        )
        outcome = self._constant(
            ("outcome", id(criteria), d.outcome.id, d.rule.number if d.rule else None),
            lambda: f'"outcome": {enc(d.outcome.id)}, "outcome_label": {enc(d.outcome.label[lang])}, '
            f'"rule": {enc(d.rule.number if d.rule else None)}, ',
        )
        situations = []
        for s in d.situations:
            opening = self._constant(
                ("situation", id(s.situation), s.status),
                lambda: f'{{"id": {enc(s.situation.id)}, "status": {enc(s.status)}, '
                f'"label": {enc(s.situation.label[lang])}, "quote": {enc(s.situation.quote)}, '
                f'"basis": {enc(s.situation.basis)}, "elements": [',
            )
            situations.append(opening + ", ".join(self._element(e, False) for e in s.elements) + "]}")
        warnings = [text(n.msg_id, lang, **n.params) for n in d.case.notices]
        return (
            f'{{"file": {enc(d.case.file)}, "case": {enc(d.case.meta)}, {head}{outcome}'
            f'"situations": [{", ".join(situations)}], '
            f'"preconditions": [{", ".join(self._element(e, False) for e in d.preconditions)}], '
            f'"exclusions": [{", ".join(self._element(e, True) for e in d.exclusions)}], '
            f'"next_questions": {enc(list(d.next_questions))}, '
            f'"unchecked_exclusions": {enc(list(d.unchecked_exclusions))}, '
            f'"favourable": {enc(d.outcome.favourable)}, "situations_met": {enc(list(d.situations_met))}, '
            f'"warnings": {enc(warnings)}}}'
        )


# Renderers may split their work in two: ``prepare`` turns a determination
# into a small picklable payload (in a worker process, with --jobs), ``emit``
# writes it, in order, in the main process.


class JsonRenderer:
    """One object for a single case, else a JSON array, written as cases come."""

    def __init__(self, out: TextIO, lang: str, *, array: bool, explain: bool = False) -> None:
        self.out, self.lang, self.array, self.explain = out, lang, array, explain
        self.count = 0

    def prepare(self, d: Determination) -> str:
        return dumps(determination_json(d, self.lang, explain=self.explain), indent=2)

    def emit(self, payload: str) -> None:
        if self.array:
            payload = ("[\n" if self.count == 0 else ",\n") + "\n".join("  " + line for line in payload.splitlines())
        self.out.write(payload)
        self.count += 1

    def determination(self, d: Determination) -> None:
        self.emit(self.prepare(d))

    def failure(self, file: str, error: ZgError) -> None:
        self.emit(dumps(error_json(file, error, self.lang), indent=2))

    def close(self) -> None:
        if self.array:
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.count:
            self.out.write("\n")


class JsonlRenderer:
    """One compact JSON object per line, flushed as each case is done.

    Lines travel as UTF-8 bytes: encoded once where they are made (in a worker
    with --jobs) and written to the byte stream beneath standard output as they are.
    """

    def __init__(self, out: TextIO, lang: str, *, explain: bool = False, **_: object) -> None:
        self.out, self.lang, self.explain = out, lang, explain
        self.encoder = LineEncoder(lang)
        self.buffer = getattr(out, "buffer", None)

    def prepare(self, d: Determination) -> bytes:
        if self.explain:
            return (dumps(determination_json(d, self.lang, explain=True)) + "\n").encode()
        return (self.encoder.encode(d) + "\n").encode()

    def emit(self, payload: bytes | memoryview) -> None:
        if self.buffer is None:
            self.out.write(bytes(payload).decode())
        else:
            self.out.flush()  # anything written as text goes first
            self.buffer.write(payload)

    def determination(self, d: Determination) -> None:
        self.emit(self.prepare(d))

    def failure(self, file: str, error: ZgError) -> None:
        self.emit((dumps(error_json(file, error, self.lang)) + "\n").encode())

    def close(self) -> None:
        if self.buffer is not None:
            self.buffer.flush()



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
