"""Reading case files: metadata, answers with notes, and expected results.

The answer vocabulary is fixed by the case-file format (``model.vocabulary``);
what the facts and options are comes from the criteria.  Every problem is a
``CaseError`` naming the file, line and key, never a silent guess.
"""

from __future__ import annotations

import re

from zgrongcuo.errors import CaseError, ZgError, suggest
from zgrongcuo.load.document import Mapping, Node, Reader, Scalar, Sequence, decode, join, kind_name, parse
from zgrongcuo.load.files import MAX_BYTES, read_bytes
from zgrongcuo.model.case import META_KEYS, Answer, Case, Expect, Notice
from zgrongcuo.model.criteria import Criteria, Fact
from zgrongcuo.model.vocabulary import NO_WORDS, UNKNOWN_WORDS, YES_WORDS, control_character, yes_no_word

TOP_KEYS = ("case", "answers", "expect")
EXPECT_KEYS = ("outcome", "situations", "next_questions")
ANSWER_KEYS = ("value", "note")

_ON_OFF = frozenset({"on", "off"})
_NUMBER = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$")


def load(path: str, criteria: Criteria, *, max_bytes: int = MAX_BYTES, within: str | None = None) -> Case:
    """Read and check one case file (``-`` for standard input); ``within``: the folder it must lie in."""
    data = read_bytes(path, max_bytes=max_bytes, within=within)
    return loads(data, criteria, path)


def loads(data: bytes, criteria: Criteria, file: str = "-") -> Case:
    """Check a case from the bytes of a case file."""
    text, encoding = decode(data, file, CaseError)
    notices = []
    if encoding == "gb18030":
        notices.append(Notice("read_as_gb18030", {"file": file}))
    json_syntax = file.lower().endswith(".json") or (file == "-" and _looks_like_json(text))
    root = parse(text, file, json_syntax=json_syntax, error=CaseError)
    case = _CaseReader(file, criteria).read(root)
    case.notices.extend(notices)
    return case


def _looks_like_json(text: str) -> bool:
    """Standard input has no name to tell its syntax: JSON is what parses as JSON."""
    if text.lstrip("\ufeff \t\r\n")[:1] not in ("{", "["):
        return False
    import json

    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


class _CaseReader:
    def __init__(self, file: str, criteria: Criteria) -> None:
        self.r = Reader(file, CaseError)
        self.file = file
        self.criteria = criteria

    def read(self, root: Node | None) -> Case:
        r = self.r
        if root is None:
            raise r.error("empty_file", None, "")
        if not isinstance(root, Mapping):
            raise r.error("top_not_mapping", root, "", got=kind_name(root))
        top = r.mapping(root, "", TOP_KEYS)
        meta: dict[str, str | None] = dict.fromkeys(META_KEYS)
        for k, v in r.mapping(top.get("case"), "case", META_KEYS, null_ok=True).items():
            meta[k] = self.meta_text(v, join("case", k))
        answers: dict[str, Answer] = {}
        answers_node = top.get("answers")
        if answers_node is not None and not (isinstance(answers_node, Scalar) and answers_node.is_null):
            if not isinstance(answers_node, Mapping):
                raise r.wrong_type(answers_node, "answers", "mapping")
            for key_node, value in answers_node.items:
                fact = self.criteria.fact_by_id.get(key_node.value)
                if fact is None:
                    raise self.unknown_fact(key_node)
                answers[fact.id] = self.answer(fact, value, join("answers", fact.id))
        expect = self.expect(top["expect"]) if "expect" in top else None
        return Case(self.file, meta, answers, expect)

    def meta_text(self, node: Node, key: str) -> str | None:
        # Metadata is text exactly as written: an id 0755 stays "0755".
        if isinstance(node, Scalar):
            if node.is_null:
                return None
            control = control_character(node.value)
            if control:  # e.g. "\e[2J" in quotes: terminal escapes must not reach a report
                raise self.r.error("control_in_text", node, key, char=f"U+{ord(control):04X}")
            return node.value
        raise self.r.wrong_type(node, key, "text")

    def unknown_fact(self, key_node: Scalar) -> ZgError:
        name = key_node.value
        ids = list(self.criteria.fact_by_id)
        hint = suggest(name, ids)
        if hint is None:  # someone wrote the question's label instead of its id
            for fact in self.criteria.facts:
                if name in fact.label.values():
                    hint = fact.id
        return self.r.error("unknown_fact", key_node, join("answers", name), name=name).at(suggestion=hint)

    def answer(self, fact: Fact, node: Node, key: str) -> Answer:
        note = None
        if isinstance(node, Mapping):
            values = self.r.mapping(node, key, ANSWER_KEYS)
            if "note" in values:
                note = self.meta_text(values["note"], join(key, "note"))
            if "value" not in values:
                return Answer(None, note, node.line)
            node = values["value"]
            key = join(key, "value")
        if fact.type == "yesno":
            return Answer(self.yes_no(node, key), note, node.line)
        return Answer(self.options(fact, node, key), note, node.line)

    def yes_no(self, node: Node, key: str) -> bool | None:
        if not isinstance(node, Scalar):
            raise self.r.error("yesno_expected", node, key, got=kind_name(node))
        if node.is_null:
            return None
        word = node.value.strip()
        value = yes_no_word(word)
        if value is None or isinstance(value, bool):
            return value
        lower = word.lower()
        if node.plain and lower in _ON_OFF:
            raise self.r.error("on_off_not_answer", node, key, value=word)
        if node.plain and (_NUMBER.match(word) or _DATE.match(word)):
            raise self.r.error("number_not_answer", node, key, value=word)
        raise self.r.error("bad_yesno", node, key, value=word).at(
            suggestion=suggest(lower, sorted(YES_WORDS | NO_WORDS | UNKNOWN_WORDS))
        )

    def options(self, fact: Fact, node: Node, key: str) -> tuple[str, ...] | None:
        if isinstance(node, Scalar):
            if node.is_null:
                return None
            if node.value.strip().lower() in UNKNOWN_WORDS:
                return None
            raise self.r.error("list_expected", node, key, got=kind_name(node), example=fact.options[0].id)
        if not isinstance(node, Sequence):
            raise self.r.error("list_expected", node, key, got=kind_name(node), example=fact.options[0].id)
        chosen: list[str] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(node.items, 1):
            item_key = join(key, i)
            if not isinstance(item, Scalar) or item.is_null:
                raise self.r.error("option_expected", item, item_key, got=kind_name(item))
            value = item.value.strip()
            if value not in fact.option_ids:
                hint = suggest(value, fact.option_ids)
                for option in fact.options:
                    if value in option.label.values():
                        hint = option.id
                raise self.r.error("unknown_option", item, item_key, name=value, fact=fact.id).at(suggestion=hint)
            if value in seen:
                raise self.r.error("repeated_option", item, item_key, name=value, first=seen[value])
            seen[value] = i
            chosen.append(value)
        return tuple(chosen)

    def expect(self, node: Node) -> Expect:
        v = self.r.mapping(node, "expect", EXPECT_KEYS, null_ok=True)
        out = Expect()
        if "outcome" in v:
            name = self.r.text(v["outcome"], "expect.outcome")
            if name not in self.criteria.outcomes:
                raise self.r.error("unknown_outcome", v["outcome"], "expect.outcome", name=name).at(
                    suggestion=suggest(name, self.criteria.outcomes)
                )
            out.outcome = name
        if "situations" in v:
            known = [s.id for s in self.criteria.situations]
            out.situations = self.id_list(v["situations"], "expect.situations", known, "unknown_situation")
        if "next_questions" in v:
            out.next_questions = self.id_list(
                v["next_questions"], "expect.next_questions", list(self.criteria.fact_by_id), "unknown_fact"
            )
        return out

    def id_list(self, node: Node, key: str, known: list[str], msg_id: str) -> tuple[str, ...]:
        out: list[str] = []
        for i, item in enumerate(self.r.sequence(node, key), 1):
            name = self.r.text(item, join(key, i))
            if name not in known:
                raise self.r.error(msg_id, item, join(key, i), name=name).at(suggestion=suggest(name, known))
            if name in out:
                raise self.r.error("repeated_option", item, join(key, i), name=name, first=out.index(name) + 1)
            out.append(name)
        return tuple(out)
