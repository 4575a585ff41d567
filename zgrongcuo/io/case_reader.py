"""Reading case files: metadata, answers with notes, and expected results.

The answer vocabulary is fixed by the case-file format (``model.vocabulary``);
what the facts and options are comes from the criteria.  Every problem is a
``CaseError`` naming the file, line and key, never a silent guess.
"""

from __future__ import annotations

import re

from zgrongcuo.errors import CaseError, ZgError, suggest
from zgrongcuo.io.document import Mapping, Node, Reader, Scalar, Sequence, decode, join, kind_name, parse
from zgrongcuo.io.files import MAX_BYTES, read_bytes
from zgrongcuo.model.case import (
    CONDUCT_DATE,
    DECISION_KEYS,
    GENERIC_DECISIONS,
    META_KEYS,
    UNSTATED_MEASURE,
    Answer,
    Case,
    Decision,
    Expect,
    Notice,
)
from zgrongcuo.model.criteria import Criteria, Fact, Questions
from zgrongcuo.model.vocabulary import NO_WORDS, UNKNOWN_WORDS, YES_WORDS, control_character, yes_no_word
from zgrongcuo.text.catalogue import labels_of

TOP_KEYS = ("case", "answers", "expect", "decision")
ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")  # what an id of a fact, option or measure looks like
EXPECT_KEYS = ("measure", "outcome", "situations", "next_questions")
ANSWER_KEYS = ("value", "note")

_ON_OFF = frozenset({"on", "off"})
_NUMBER = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$")


def load(
    path: str, criteria: Criteria | Questions, *, max_bytes: int = MAX_BYTES, within: str | None = None
) -> Case:
    """Read and check one case file (``-`` for standard input) against a measure, or the questions of several.

    ``within``: the folder it must lie in.
    """
    data = read_bytes(path, max_bytes=max_bytes, within=within)
    return loads(data, criteria, path)


def loads(data: bytes, criteria: Criteria | Questions, file: str = "-") -> Case:
    """Check a case from the bytes of a case file, against a measure or the questions of several."""
    text, encoding = decode(data, file, CaseError)
    notices = []
    if encoding == "gb18030":
        notices.append(Notice("read_as_gb18030", {"file": file}))
    json_syntax = file.lower().endswith(".json") or (file == "-" and _looks_like_json(text))
    root = parse(text, file, json_syntax=json_syntax, error=CaseError)
    case = _CaseReader(file, criteria).read(root)
    case.notices.extend(notices)
    return case


def from_nodes(root: Node, criteria: Criteria | Questions, file: str) -> Case:
    """Check a case given as the nodes a case file parses into (a register's row: its row and column for line and column)."""
    return _CaseReader(file, criteria).read(root)


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
    def __init__(self, file: str, criteria: Criteria | Questions) -> None:
        self.r = Reader(file, CaseError)
        self.file = file
        self.questions = criteria if isinstance(criteria, Questions) else Questions.single(criteria)

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
            if k == "conduct_date" and meta[k] is not None and not CONDUCT_DATE.match(meta[k] or ""):
                raise r.error("bad_conduct_date", v, "case.conduct_date", value=meta[k])
        answers: dict[str, Answer] = {}
        answers_node = top.get("answers")
        if answers_node is not None and not (isinstance(answers_node, Scalar) and answers_node.is_null):
            if not isinstance(answers_node, Mapping):
                raise r.wrong_type(answers_node, "answers", "mapping")
            for key_node, value in answers_node.items:
                fact = self.questions.fact_by_id.get(key_node.value)
                if fact is None:
                    raise self.unknown_fact(key_node)
                answers[fact.id] = self.answer(fact, value, join("answers", fact.id))
        expects = self.expects(top["expect"]) if "expect" in top else ()
        case = Case(self.file, meta, answers, expects)
        if len(self.questions.measures) == 1:
            case.read_for = self.questions.primary.id  # every answer is one of its questions and options
        if "decision" in top and not (isinstance(top["decision"], Scalar) and top["decision"].is_null):
            case.decision = self.decision(top["decision"], case.notices)
        return case

    def decision(self, node: Node, notices: list[Notice]) -> Decision:
        """``decision:``: what was decided, under which measure; the outcome checked against that measure.

        For a measure the tool does not have, the outcome is one of the generic
        ones (GENERIC_DECISIONS) and a warning says the measure is not known
        (but for ``unknown``: the source does not say which measure).
        """
        from zgrongcuo.io.measures import bundled_measures

        v = self.r.mapping(node, "decision", DECISION_KEYS, ("outcome", "measure"))
        text = {k: self.meta_text(v[k], join("decision", k)) for k in DECISION_KEYS if k in v}
        measure_node, outcome_node = v["measure"], v["outcome"]
        measure = self.r.text(measure_node, "decision.measure").strip()
        outcome = self.r.text(outcome_node, "decision.outcome").strip()
        if not ID.match(measure):
            raise self.r.error("bad_measure_id", measure_node, "decision.measure", name=measure)
        criteria = self.questions.measure(measure)
        bundled = bundled_measures()
        if criteria is None and measure in bundled:
            from zgrongcuo.io.criteria_builder import load

            criteria = load(bundled[measure])
        if criteria is not None:
            decided = {o.id: o.favourable for o in criteria.outcomes.values() if o.favourable is not None}
            labels = {o.id: o.label for o in criteria.outcomes.values()}
        else:
            decided = dict(GENERIC_DECISIONS)
            labels = {o: labels_of(f"decision.generic.{o}") for o in GENERIC_DECISIONS}
            if measure != UNSTATED_MEASURE:  # the source names a measure the tool does not have
                known = [*self.questions.measure_ids, *(m for m in bundled if m not in self.questions.measure_ids)]
                hint = suggest(measure, known)
                params: dict[str, object] = {"file": self.file, "measure": measure, "hint": hint or ""}
                notices.append(Notice("decision_measure_close" if hint else "decision_measure_unknown", params))
        if outcome not in decided:
            raise self.r.error(
                "unknown_decision_outcome", outcome_node, "decision.outcome", name=outcome, measure=measure,
                known=", ".join(decided),
            ).at(suggestion=suggest(outcome, decided))  # fmt: skip
        return Decision(
            outcome,
            measure,
            by=text.get("by"),
            date=text.get("date"),
            document=text.get("document"),
            source=text.get("source"),
            note=text.get("note"),
            favourable=bool(decided[outcome]),
            known=criteria is not None,
            label=labels[outcome],
            measure_name=(
                {lang: criteria.name(lang) for lang in criteria.languages}
                if criteria is not None
                else labels_of("decision.measure_unstated") if measure == UNSTATED_MEASURE else {}
            ),
            line=node.line,
        )

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
        ids = list(self.questions.fact_by_id)
        hint = suggest(name, ids)
        if hint is None:  # someone wrote the question's label instead of its id
            for fact in self.questions.facts:
                if name in fact.label.values():
                    hint = fact.id
        key = join("answers", name)
        if hint is None and ID.match(name):
            from zgrongcuo.io.questions import elsewhere

            measure = elsewhere(name, self.questions.measures)
            if measure is not None:  # a question of a bundled measure not selected
                return self.r.error(
                    "fact_of_other_measure", key_node, key, name=name, measure=measure, options=self.with_measure(measure)
                )
        return self.r.error("unknown_fact", key_node, key, name=name).at(suggestion=hint)

    def with_measure(self, measure: str) -> str:
        """The --criteria options that check against the measures selected and ``measure`` too."""
        from zgrongcuo.io.measures import bundled_measures

        bundled = bundled_measures()
        named = [m.id if m.id in bundled else m.path for m in self.questions.measures]
        return " ".join(f"--criteria {name}" for name in [*named, measure])

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
                if hint is None and ID.match(value):
                    from zgrongcuo.io.questions import elsewhere

                    measure = elsewhere(value, self.questions.measures, option_of=fact.id)
                    if measure is not None:  # an option of a bundled measure not selected
                        raise self.r.error(
                            "option_of_other_measure", item, item_key, name=value, fact=fact.id, measure=measure,
                            options=self.with_measure(measure),
                        )  # fmt: skip
                raise self.r.error("unknown_option", item, item_key, name=value, fact=fact.id).at(suggestion=hint)
            if value in seen:
                raise self.r.error("repeated_option", item, item_key, name=value, first=seen[value])
            seen[value] = i
            chosen.append(value)
        return tuple(chosen)

    def expects(self, node: Node) -> tuple[Expect, ...]:
        """``expect:``: one expectation, or a list of them, one per measure (``measure:`` names it)."""
        if isinstance(node, Sequence):
            out: list[Expect] = []
            for i, item in enumerate(node.items, 1):
                expect = self.expect(item, join("expect", i))
                for earlier in out:
                    if earlier.measure == expect.measure:
                        raise self.r.error("expect_twice", item, join("expect", i), measure=expect.measure or "-")
                out.append(expect)
            return tuple(out)
        return (self.expect(node, "expect"),)

    def expect(self, node: Node, key: str) -> Expect:
        v = self.r.mapping(node, key, EXPECT_KEYS, null_ok=True)
        out = Expect()
        criteria: Criteria | None = self.questions.primary
        if "measure" in v:
            out.measure = self.measure_id(v["measure"], join(key, "measure"))
            criteria = self.questions.measure(out.measure)
        if criteria is None:
            # For a measure not selected: kept for when it is, its ids checked then.
            out.outcome = self.r.text(v["outcome"], join(key, "outcome")) if "outcome" in v else None
            for name in ("situations", "next_questions"):
                if name in v:
                    setattr(out, name, self.id_list(v[name], join(key, name), None, ""))
            return out
        if "outcome" in v:
            name = self.r.text(v["outcome"], join(key, "outcome"))
            if name not in criteria.outcomes:
                raise self.r.error("unknown_outcome", v["outcome"], join(key, "outcome"), name=name).at(
                    suggestion=suggest(name, criteria.outcomes)
                )
            out.outcome = name
        if "situations" in v:
            known = [s.id for s in criteria.situations]
            out.situations = self.id_list(v["situations"], join(key, "situations"), known, "unknown_situation")
        if "next_questions" in v:
            out.next_questions = self.id_list(
                v["next_questions"], join(key, "next_questions"), list(criteria.fact_by_id), "unknown_fact"
            )
        return out

    def measure_id(self, node: Node, key: str) -> str:
        """A measure's id: one of those selected, or a bundled one."""
        from zgrongcuo.io.measures import bundled_measures

        name = self.r.text(node, key)
        known = [m.id for m in self.questions.measures]
        if name in known:
            return name
        known += [m for m in bundled_measures() if m not in known]
        if name not in known:
            raise self.r.error("unknown_measure_id", node, key, name=name, known=", ".join(known)).at(
                suggestion=suggest(name, known)
            )
        return name

    def id_list(self, node: Node, key: str, known: list[str] | None, msg_id: str) -> tuple[str, ...]:
        """A list of ids, each one of ``known`` (None: any id)."""
        out: list[str] = []
        for i, item in enumerate(self.r.sequence(node, key), 1):
            name = self.r.text(item, join(key, i))
            if known is not None and name not in known:
                raise self.r.error(msg_id, item, join(key, i), name=name).at(suggestion=suggest(name, known))
            if name in out:
                raise self.r.error("repeated_option", item, join(key, i), name=name, first=out.index(name) + 1)
            out.append(name)
        return tuple(out)
