"""The JSON of a determination, written in one place: the field list, the object, the line encoder, the schema.

``FIELDS`` is the single list of a determination's JSON fields, in the order
SPEC.md fixes them, each with its value and its schema.  The object
(:func:`determination_json`), the fast JSONL encoder (:class:`LineEncoder`)
and the published schema (:func:`determination_schema`) are all made from
it; a test holds the encoder's text equal to ``json.dumps`` of the object.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from zgrongcuo import __version__
from zgrongcuo.errors import ZgError
from zgrongcuo.model.case import META_KEYS, Answer
from zgrongcuo.model.conditions import AnswerValue, Element
from zgrongcuo.model.criteria import Criteria, Situation
from zgrongcuo.model.determination import Determination, ElementResult
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import utf8
from zgrongcuo.text.wording import reason, reason_base

DRAFT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]


# ------------------------------------------------------------------ values


def _plain(value: AnswerValue | None) -> bool | list[str] | None:
    return list(value) if isinstance(value, tuple) else value


def _element_json(result: ElementResult, lang: str, *, exclusion: bool = False) -> dict[str, object]:
    element = result.element
    answer = result.answer
    return {
        "fact": result.fact,
        "status": result.status,
        "answer": _plain(answer.value) if answer is not None else None,
        "answered": answer is not None,  # a case that answers 不确定 has answered; one that does not mention it has not
        "note": answer.note if answer else None,
        "reason": reason(result, lang, exclusion=exclusion),
        "quote": element.quote,
        "basis": element.basis,
    }


def _criteria_json(d: Determination, lang: str) -> dict[str, object]:
    criteria = d.criteria
    return {"id": criteria.id, "title": criteria.title[lang], "version": criteria.version, "sha256": criteria.sha256}


def _situations_json(d: Determination, lang: str) -> list[dict[str, object]]:
    return [
        {
            "id": s.situation.id,
            "status": s.status,
            "label": s.situation.label[lang],
            "quote": s.situation.quote,
            "basis": s.situation.basis,
            "elements": [_element_json(e, lang) for e in s.elements],
        }
        for s in d.situations
    ]


def _decision_json(d: Determination, lang: str) -> dict[str, object] | None:
    decision = d.case.decision
    if decision is None:
        return None
    return {
        "outcome": decision.outcome,
        "outcome_label": decision.label.get(lang, decision.outcome),
        "measure": decision.measure,
        "by": decision.by,
        "date": decision.date,
        "document": decision.document,
        "source": decision.source,
        "note": decision.note,
        "favourable": decision.favourable,
    }


def _counterfactuals_json(d: Determination, lang: str) -> list[dict[str, object]]:
    from zgrongcuo.text.explanation import counterfactual_text  # only with --explain

    return [
        {
            "changes": [{"fact": ch.fact.id, "from": _plain(ch.before), "to": _plain(ch.after)} for ch in cf.changes],
            "outcome": cf.outcome.id,
            "outcome_label": cf.outcome.label[lang],
            "situations_met": list(cf.situations_met),
            "bottom_line": cf.bottom_line,
            "text": counterfactual_text(cf, d, lang),
        }
        for cf in d.counterfactuals or ()
    ]


# ------------------------------------------------------------------ schemas


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def _closed(properties: Schema, *, optional: tuple[str, ...] = ()) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": [k for k in properties if k not in optional],
        "additionalProperties": False,
    }


_STRING: Schema = {"type": "string"}
_STATUS: Schema = {"enum": ["met", "not_met", "unknown"]}
_DECISION: Schema = {
    "type": "object",
    "properties": {
        "outcome": {"type": "string"},
        "outcome_label": {"type": "string"},
        "measure": {"type": "string"},
        **{k: {"type": ["string", "null"]} for k in ("by", "date", "document", "source", "note")},
        "favourable": {"type": "boolean"},
    },
    "required": ["outcome", "outcome_label", "measure", "by", "date", "document", "source", "note", "favourable"],
    "additionalProperties": False,
}
_ANSWER: Schema = {
    "anyOf": [{"type": "boolean"}, {"type": "array", "items": _STRING, "uniqueItems": True}, {"type": "null"}]
}


def _fact_ids(c: Criteria) -> Schema:
    return {"enum": [f.id for f in c.facts]}


def _fact_list(c: Criteria) -> Schema:
    return {"type": "array", "items": _fact_ids(c), "uniqueItems": True}


def _situation_list(c: Criteria) -> Schema:
    return {"type": "array", "items": {"enum": [s.id for s in c.situations]}, "uniqueItems": True}


def _element_schema(c: Criteria) -> Schema:
    return _closed(
        {
            "fact": _fact_ids(c),
            "status": _STATUS,
            "answer": _ANSWER,
            "answered": {"type": "boolean"},
            "note": _nullable(_STRING),
            "reason": _STRING,
            "quote": _nullable(_STRING),
            "basis": _nullable(_STRING),
        }
    )


def _counterfactual_schema(c: Criteria) -> Schema:
    change = _closed({"fact": _fact_ids(c), "from": _ANSWER, "to": _ANSWER})
    return _closed(
        {
            "changes": {"type": "array", "items": change, "minItems": 1},
            "outcome": {"enum": list(c.outcomes)},
            "outcome_label": _STRING,
            "situations_met": {"type": "array", "items": {"enum": [s.id for s in c.situations]}},
            "bottom_line": {"type": "boolean"},
            "text": _STRING,
        }
    )


def _elements_ref(c: Criteria) -> Schema:
    return {"type": "array", "items": {"$ref": "#/$defs/element"}}


# ------------------------------------------------------------------ the list


class Field:
    """One field of a determination's JSON: its name, its value, and its schema."""

    __slots__ = ("name", "value", "schema", "optional")

    def __init__(
        self,
        name: str,
        value: Callable[[Determination, str], object],
        schema: Callable[[Criteria], Schema],
        *,
        optional: bool = False,
    ) -> None:
        self.name = name
        self.value = value
        self.schema = schema
        self.optional = optional  # present only when asked for (--explain)


def _const(schema: Schema) -> Callable[[Criteria], Schema]:
    return lambda c: schema


FIELDS: tuple[Field, ...] = (
    Field("file", lambda d, lang: d.case.file, _const(_STRING)),
    Field(
        "case",
        lambda d, lang: {k: d.case.meta.get(k) for k in META_KEYS},
        _const(_closed({k: _nullable(_STRING) for k in META_KEYS})),
    ),
    Field("lang", lambda d, lang: lang, lambda c: {"enum": list(c.languages)}),
    Field("tool_version", lambda d, lang: __version__, _const(_STRING)),
    Field(
        "criteria",
        _criteria_json,
        _const(
            _closed(
                {
                    "id": _STRING,
                    "title": _STRING,
                    "version": _STRING,
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                }
            )
        ),
    ),
    Field("outcome", lambda d, lang: d.outcome.id, lambda c: {"enum": list(c.outcomes)}),
    Field("outcome_label", lambda d, lang: d.outcome.label[lang], _const(_STRING)),
    Field(
        "rule", lambda d, lang: d.rule.number if d.rule else None, _const(_nullable({"type": "integer", "minimum": 1}))
    ),
    Field(
        "situations",
        _situations_json,
        lambda c: {
            "type": "array",
            "items": _closed(
                {
                    "id": {"enum": [s.id for s in c.situations]},
                    "status": _STATUS,
                    "label": _STRING,
                    "quote": _nullable(_STRING),
                    "basis": _nullable(_STRING),
                    "elements": _elements_ref(c),
                }
            ),
        },
    ),
    Field("preconditions", lambda d, lang: [_element_json(e, lang) for e in d.preconditions], _elements_ref),
    Field("exclusions", lambda d, lang: [_element_json(e, lang, exclusion=True) for e in d.exclusions], _elements_ref),
    Field("next_questions", lambda d, lang: list(d.next_questions), _fact_list),
    Field("unchecked_exclusions", lambda d, lang: list(d.unchecked_exclusions), _fact_list),
    Field("favourable", lambda d, lang: d.outcome.favourable, _const({"type": ["boolean", "null"]})),
    Field("situations_met", lambda d, lang: list(d.situations_met), _situation_list),
    Field(
        "warnings",
        lambda d, lang: [text(n.msg_id, lang, **n.params) for n in (*d.case.notices, *d.notices)],
        _const({"type": "array", "items": _STRING}),
    ),
    # Answers in the case file this measure does not read: questions it does not ask, and
    # options of a shared question it does not offer (the file serves several measures).
    Field("unused_answers", lambda d, lang: list(d.unused_answers), _const({"type": "array", "items": _STRING})),
    Field(
        "unused_options",
        lambda d, lang: {fact: list(options) for fact, options in d.unused_options.items()},
        _const({"type": "object", "additionalProperties": {"type": "array", "items": _STRING}}),
    ),
    Field("decision", lambda d, lang: _decision_json(d, lang), _const(_nullable(_DECISION))),
    Field("agrees", lambda d, lang: d.agrees, _const({"type": ["boolean", "null"]})),
    Field("agrees_on", lambda d, lang: d.agrees_on, _const({"enum": ["outcome", "favourable", None]})),
    # Proposed answers in the case file awaiting a person's confirmation: never evaluated.
    Field("suggested", lambda d, lang: d.case.awaiting(), _const({"type": "integer", "minimum": 0})),
    Field(
        "counterfactuals",
        _counterfactuals_json,
        lambda c: {"type": "array", "items": {"$ref": "#/$defs/counterfactual"}},
        optional=True,
    ),
)


def determination_json(d: Determination, lang: str, *, explain: bool = False) -> dict[str, object]:
    """The determination as a JSON-ready dict: the fields SPEC.md fixes, then the extras.

    ``explain`` adds ``counterfactuals`` (the engine must have computed them: ``evaluate(..., explain=True)``).
    """
    return {f.name: f.value(d, lang) for f in FIELDS if explain or not f.optional}


def error_json(file: str, error: ZgError, lang: str) -> dict[str, object]:
    """What a case that could not be loaded gives instead of a determination.

    ``error`` is the first problem found; ``errors``, when there were several,
    lists every one found (the first among them, at most ``MAX_ERRORS``).
    """
    out: dict[str, object] = {"file": file, "error": error.to_json(lang)}
    if error.others:
        out["errors"] = [e.to_json(lang) for e in error.problems()]
    return out


def dumps(obj: object, *, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


class _Union:
    """Several measures as the schema sees them: any of their facts, situations, outcomes and languages."""

    def __init__(self, measures: Sequence[Criteria]) -> None:
        self.facts = tuple({f.id: f for m in measures for f in m.facts}.values())
        self.situations = tuple({s.id: s for m in measures for s in m.situations}.values())
        self.outcomes = {k: v for m in measures for k, v in m.outcomes.items()}
        self.languages = tuple(lang for lang in measures[0].languages if all(lang in m.languages for m in measures))


def determination_schema(criteria: Criteria | Sequence[Criteria], lang: str) -> Schema:
    """JSON Schema (draft 2020-12) of a determination, or of the error object of a case that could not be loaded.

    For several measures, of a determination under any of them.
    """
    measures = (criteria,) if isinstance(criteria, Criteria) else tuple(criteria)
    shape: Any = measures[0] if len(measures) == 1 else _Union(measures)  # what the schema's enums list
    determination = _closed(
        {f.name: f.schema(shape) for f in FIELDS}, optional=tuple(f.name for f in FIELDS if f.optional)
    )
    problem = _closed(
        {
            "message": _STRING,
            "line": _nullable({"type": "integer", "minimum": 1}),
            "column": _nullable({"type": "integer", "minimum": 1}),
            "key": _nullable(_STRING),
        }
    )
    failure = _closed(
        {"file": _STRING, "error": problem, "errors": {"type": "array", "items": problem, "minItems": 2}},
        optional=("errors",),
    )
    return {
        "$schema": DRAFT,
        "title": text("schema.determination_title", lang, title=text("list_sep", lang).join(m.title[lang] for m in measures)),
        "oneOf": [{"$ref": "#/$defs/determination"}, {"$ref": "#/$defs/failure"}],
        "$defs": {
            "determination": determination,
            "failure": failure,
            "element": _element_schema(shape),
            "counterfactual": _counterfactual_schema(shape),
        },
    }


# ------------------------------------------------------------ the fast line

_string = json.encoder.encode_basestring  # a str as json.dumps(ensure_ascii=False) writes it

# Fields whose text is the same for every case of a measure with the same rule firing (the rule gives the outcome).
_PER_RULE = frozenset({"lang", "tool_version", "criteria", "outcome", "outcome_label", "rule", "favourable"})
# Fields that are empty for most cases: written as one constant while all of them are.
_USUALLY_EMPTY = frozenset({"warnings", "unused_answers", "unused_options", "decision", "agrees", "agrees_on"})


def _all_empty(d: Determination) -> bool:
    return not (d.case.notices or d.notices or d.unused_answers or d.unused_options or d.case.decision is not None)


def _ids(ids: Sequence[str]) -> bytes:
    return utf8("[" + ", ".join(map(_string, ids)) + "]") if ids else b"[]"


class LineEncoder:
    """The line ``--format jsonl`` writes for a determination: ``utf8(dumps(determination_json(d, lang)))``.

    A batch repeats the same criteria, labels, quotes and reasons in every
    line; encoding them once per measure (rather than once per case), to JSON
    and on to UTF-8, is most of the time a JSONL batch takes.  The fields and
    their order come from ``FIELDS``, taken in runs: a run of fields that the
    measure and the rule that fired decide is one cached text, as is a run of
    fields that are empty for most cases; an element's text is kept per
    answer; the other fields are encoded as they are.  A property test holds
    the two equal, byte for byte.
    """

    _CACHE_LIMIT = 8192  # distinct texts kept per kind; bounds memory on any batch

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._enc = json.JSONEncoder(ensure_ascii=False).encode
        self._elements: tuple[dict[object, tuple[bytes, bytes, str, bytes]], ...] = ({}, {})  # by exclusion or not
        self._runs: dict[tuple[object, ...], bytes] = {}
        self._openings: dict[tuple[object, str], bytes] = {}
        self._meta_keys = tuple((f"{_string(k)}: ", k) for k in META_KEYS)
        # " " and the note sentence around a note, as text("note", lang, note=...) words it.
        self._note_around = text("note", lang).split("{note}")
        ways = {f.name: self._plain_way(f) for f in FIELDS if not f.optional}
        ways.update(
            file=lambda d: utf8(_string(d.case.file)),
            case=self._case,
            situations=self._situations,
            preconditions=lambda d: b"[" + b", ".join([self._element(e, st, a, 0) for e, st, a in d.precondition_rows()]) + b"]",
            exclusions=lambda d: b"[" + b", ".join([self._element(e, st, a, 1) for e, st, a in d.exclusion_rows()]) + b"]",
            next_questions=lambda d: _ids(d.next_questions),
            unchecked_exclusions=lambda d: _ids(d.unchecked_exclusions),
            situations_met=lambda d: _ids(d.situations_met),
            suggested=lambda d: str(d.case.awaiting()).encode() if d.case.suggested else b"0",
        )
        # Each field's key as written and the way to its value's text, in runs: the plan every line follows.
        plan: list[Callable[[Determination], bytes]] = []
        fields = [f for f in FIELDS if not f.optional]
        i = 0
        while i < len(fields):
            kind = _PER_RULE if fields[i].name in _PER_RULE else _USUALLY_EMPTY if fields[i].name in _USUALLY_EMPTY else None
            j = i + 1
            while kind is not None and j < len(fields) and fields[j].name in kind:
                j += 1
            # Each key with what stands before it: the object's "{", or the ", " after the field before.
            parts = tuple(
                (utf8(("{" if k == 0 else ", ") + f"{_string(f.name)}: "), ways[f.name]) for k, f in enumerate(fields[i:j], i)
            )
            plan.append(self._run(len(plan), parts, kind))
            i = j
        self._plan = tuple(plan)

    def _plain_way(self, field: Field) -> Callable[[Determination], bytes]:
        enc, value, lang = self._enc, field.value, self.lang
        return lambda d: utf8(enc(value(d, lang)))

    def _run(
        self, n: int, parts: tuple[tuple[bytes, Callable[[Determination], bytes]], ...], kind: frozenset[str] | None
    ) -> Callable[[Determination], bytes]:
        def text(d: Determination) -> bytes:
            return b"".join([piece for key, way in parts for piece in (key, way(d))])

        if kind is None:
            ((key, way),) = parts
            return lambda d: b"".join((key, way(d)))
        runs = self._runs

        def cached(key: tuple[object, ...], d: Determination) -> bytes:
            found = runs.get(key)
            if found is None:
                found = text(d)
                if len(runs) < self._CACHE_LIMIT:
                    runs[key] = found
            return found

        if kind is _PER_RULE:
            return lambda d: cached((n, d.criteria, d.rule, d.outcome), d)
        return lambda d: cached((n,), d) if _all_empty(d) else text(d)

    def _case(self, d: Determination) -> bytes:
        meta = d.case.meta
        return utf8("{" + ", ".join([
            key + ("null" if (v := meta.get(k)) is None else _string(v)) for key, k in self._meta_keys
        ]) + "}")  # fmt: skip

    def _element(self, element: Element, status: str, answer: Answer | None, exclusion: int) -> bytes:
        # A fact the case does not mention is keyed by the element alone; an answer by its value too.
        key: object = (element, answer.value) if answer is not None else element
        cache = self._elements[exclusion]
        pieces = cache.get(key)
        if pieces is None:
            enc = self._enc
            value = answer.value if answer is not None else None
            answered = answer is not None
            head = (
                f'{{"fact": {enc(element.fact.id)}, "status": {enc(status)}, '
                f'"answer": {enc(_plain(value))}, "answered": {enc(answered)}, "note": '
            )
            tail = f', "quote": {enc(element.quote)}, "basis": {enc(element.basis)}}}'
            base = reason_base(element, value, self.lang, bool(exclusion), answered)
            pieces = (utf8(f'{head}null, "reason": {_string(base)}{tail}'), utf8(head), base, utf8(tail))
            if len(cache) < self._CACHE_LIMIT:
                cache[key] = pieces
        note = answer.note if answer is not None else None
        if note is None:
            return pieces[0]
        _, head_bytes, base, tail_bytes = pieces
        if note:
            before, after = self._note_around
            base = f"{base} {before}{note}{after}"
        return head_bytes + utf8(f'{_string(note)}, "reason": {_string(base)}') + tail_bytes

    def _situations(self, d: Determination) -> bytes:
        places = d.situation_places()
        if places is None:  # results given, not recorded: through their rows
            rows = d.situation_rows()
            return self._situation_texts([(s, status, [self._element(e, st, a, 0) for e, st, a in r]) for s, status, r in rows])
        answers, cache, element = d.case.answers, self._elements[0], self._element
        made = []
        for situation, status, elements, at in places:
            texts = []
            for e, i in zip(elements, at, strict=True):
                a = answers.get(e.fact.id)
                pieces = cache.get((e, a.value) if a is not None else e)  # as _element keys it
                if pieces is not None and (a is None or a.note is None):
                    texts.append(pieces[0])  # the usual case, without a call
                else:
                    texts.append(element(e, d.status_at(i), a, 0))
            made.append((situation, status, texts))
        return self._situation_texts(made)

    def _situation_texts(self, made: Sequence[tuple[Situation, str, list[bytes]]]) -> bytes:
        out = []
        openings = self._openings
        for situation, status, texts in made:
            key = (situation, status)
            opening = openings.get(key)
            if opening is None:
                enc = self._enc
                opening = openings[key] = utf8(
                    f'{{"id": {enc(situation.id)}, "status": {enc(status)}, '
                    f'"label": {enc(situation.label[self.lang])}, "quote": {enc(situation.quote)}, '
                    f'"basis": {enc(situation.basis)}, "elements": ['
                )
            out.append(opening + b", ".join(texts) + b"]}")
        return b"[" + b", ".join(out) + b"]"

    def line(self, d: Determination) -> bytes:
        """The line with its line end, as ``--format jsonl`` writes it: the pieces joined once."""
        return b"".join([*[way(d) for way in self._plan], b"}\n"])

    def encode(self, d: Determination) -> bytes:
        """The line, without its line end, in UTF-8 (a lone surrogate as its ``\\udcXX`` escape, as ``utf8`` writes it)."""
        return b"".join([*[way(d) for way in self._plan], b"}"])
