"""Reading case files: metadata, answers with notes, and expected results.

The answer vocabulary is fixed by the case-file format (``model.vocabulary``);
what the facts and options are comes from the criteria.  Every problem is a
``CaseError`` naming the file, line and key, never a silent guess.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from zgrongcuo.errors import MAX_ERRORS, CaseError, Listing, ZgError, gathered, suggest
from zgrongcuo.io.document import Mapping, Node, Reader, Scalar, Sequence, decode, join, kind_name, parse
from zgrongcuo.io.files import MAX_BYTES, Listed, identity, read_bytes
from zgrongcuo.io.questions import Selection
from zgrongcuo.model.base import I18n
from zgrongcuo.model.case import (
    DECISION_KEYS,
    GENERIC_DECISIONS,
    GENERIC_WORDS,
    META_KEYS,
    UNSTATED_MEASURE,
    Answer,
    Case,
    Decision,
    Expect,
    Notice,
    is_conduct_date,
)
from zgrongcuo.model.criteria import Criteria, Fact, Questions
from zgrongcuo.model.suggestion import Evidence, Suggestion
from zgrongcuo.model.vocabulary import NO_WORDS, UNKNOWN_WORDS, YES_WORDS, control_character, yes_no_word
from zgrongcuo.text.catalogue import labels_of

TOP_KEYS = ("case", "answers", "expect", "decision", "measures", "suggested")
CRITERIA_SUFFIXES = (".yaml", ".yml", ".json")  # what a path in measures: may name
ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")  # what an id of a fact, option or measure looks like
EXPECT_KEYS = ("measure", "outcome", "situations", "next_questions")
ANSWER_KEYS = ("value", "note")
SUGGESTED_KEYS = ("value", "evidence", "from", "conflicting")
CONFLICTING_KEYS = ("value", "evidence", "from", "option")

_ON_OFF = frozenset({"on", "off"})
_NUMBER = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$")
# A yes/no answer as people most often write it, looked up as it stands (anything else: yes_no_word).
_WORDS: dict[str, bool | None] = {
    **dict.fromkeys(UNKNOWN_WORDS, None), **dict.fromkeys(NO_WORDS, False), **dict.fromkeys(YES_WORDS, True)
}
_UNLISTED = object()


def load(
    path: str, criteria: Criteria | Questions | Selection, *, max_bytes: int = MAX_BYTES, within: str | Listed | None = None
) -> Case:
    """Read and check one case file (``-`` for standard input) against a measure, the questions of several, or its own.

    ``within``: the folder it must lie in.
    """
    return load_for(path, criteria, max_bytes=max_bytes, within=within)[0]


def load_for(
    path: str, criteria: Criteria | Questions | Selection, *, max_bytes: int = MAX_BYTES, within: str | Listed | None = None
) -> tuple[Case, Questions]:
    """Read and check one case file, and give the questions it was read against (its own measures', given a Selection)."""
    case, asked = loads_for(read_bytes(path, max_bytes=max_bytes, within=within), criteria, path)
    case.origin = identity(path)
    return case, asked


def loads(data: bytes, criteria: Criteria | Questions | Selection, file: str = "-") -> Case:
    """Check a case from the bytes of a case file, against a measure, the questions of several, or its own measures."""
    return loads_for(data, criteria, file)[0]


def loads_for(data: bytes, criteria: Criteria | Questions | Selection, file: str = "-") -> tuple[Case, Questions]:
    """A case from the bytes of a case file, and the questions it was read against.

    Given a ``Selection``, the measures are the case's own (its ``measures:``,
    else the default and the bundled measure its decision names), unless
    ``--criteria`` was given; given a measure or questions, those.
    """
    text, encoding = decode(data, file, CaseError)
    notices = []
    if encoding == "gb18030":
        notices.append(Notice("read_as_gb18030", {"file": file}))
    json_syntax = file.lower().endswith(".json") or (file == "-" and _looks_like_json(text))
    case, asked = from_nodes(parse(text, file, json_syntax=json_syntax, error=CaseError), criteria, file)
    case.notices[:0] = notices
    return case, asked


def _folded(word: str) -> str:
    """A decision's outcome as compared: without spaces, in one kind of brackets, case folded."""
    return "".join(word.split()).replace("（", "(").replace("）", ")").casefold()


def outcome_spellings(ident: str, label: I18n, extra: tuple[str, ...] = ()) -> list[str]:
    """How a decision may write one outcome: the id; a label in any language, whole, without its bracketed part,
    or that part alone ("建议容错免责（免予责任追究）": 建议容错免责, 免予责任追究); and ``extra`` words."""
    words = [ident, *extra]
    for text in label.values():
        words.append(text.strip())
        head, bracket, rest = text.strip().replace("（", "(").replace("）", ")").partition("(")
        if bracket and rest.endswith(")"):
            words += [text.strip()[: len(head)].strip(), text.strip()[len(head) + 1 : -1].strip()]
    return [w for n, w in enumerate(words) if w and w not in words[:n]]


def outcome_words(
    labelled: Iterable[tuple[str, I18n]], extra: dict[str, tuple[str, ...]] | None = None
) -> dict[str, str]:
    """What a decision's outcome may be written as, folded, to the outcome's id (SPEC "Decisions").

    A word that two outcomes share is no outcome's.
    """
    found: dict[str, set[str]] = {}
    for ident, label in labelled:
        for word in outcome_spellings(ident, label, (extra or {}).get(ident, ())):
            found.setdefault(_folded(word), set()).add(ident)
    return {word: next(iter(ids)) for word, ids in found.items() if len(ids) == 1}


def from_nodes(root: Node | None, criteria: Criteria | Questions | Selection, file: str) -> tuple[Case, Questions]:
    """A case given as the nodes a case file parses into (a register's row: its row and column for line and column),
    and the questions it was read against, as :func:`loads_for` gives them."""
    reader = _CaseReader(file, criteria)
    return reader.read(root), reader.questions


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


class _Found(Exception):
    """Enough problems found in one file: stop looking."""


class _Part:
    """What ``with reader.part():`` enters: one object for every part of a file (a generator's context
    manager, made anew for each answer, cost as much as reading the answer)."""

    __slots__ = ("errors",)

    def __init__(self, errors: list[ZgError]) -> None:
        self.errors = errors

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> bool:
        if not isinstance(error, CaseError):
            return False
        self.errors.append(error)
        if len(self.errors) > MAX_ERRORS:
            raise _Found from None
        return True  # kept: the reading goes on


class _CaseReader:
    """Reads a case file, reporting every problem found in it (up to ``MAX_ERRORS``), not only the first.

    Each part that stands alone — a field of the metadata, an answer, the
    expectations, the decision — is read whatever became of the others, so
    that one run shows a person everything to fix in the file. Which measures
    the file is read against (``measures:``) is settled first: every answer
    depends on it.
    """

    def __init__(self, file: str, criteria: Criteria | Questions | Selection) -> None:
        self.r = Reader(file, CaseError)
        self.file = file
        self.selection = criteria if isinstance(criteria, Selection) else None
        if isinstance(criteria, Questions):
            self.questions = criteria
        elif isinstance(criteria, Criteria):
            self.questions = Questions.single(criteria)
        self.notices: list[Notice] = []
        self.run_notices: list[Notice] = []
        self.named_ids: set[str] = set()  # the bundled measures the file names (or its decision adds)
        self.errors: list[ZgError] = []
        self._part = _Part(self.errors)

    def part(self) -> _Part:
        """Read one part of the file: a problem in it is kept, and the reading goes on with the next part."""
        return self._part

    def read(self, root: Node | None) -> Case:
        try:
            case = self._read(root)
        except _Found:
            raise gathered(self.errors, more=True) from None
        if self.errors:
            raise gathered(self.errors)
        return case

    def _read(self, root: Node | None) -> Case:
        r = self.r
        if root is None:
            raise r.error("empty_file", None, "")
        if not isinstance(root, Mapping):
            raise r.error("top_not_mapping", root, "", got=kind_name(root))
        top = r.mapping(root, "", TOP_KEYS)
        named = self.measure_specs(top.get("measures"))
        if self.selection is not None:
            self.questions = self.choose(self.selection, named, top.get("decision"))
        meta: dict[str, str | None] = dict.fromkeys(META_KEYS)
        for k, v in r.mapping(top.get("case"), "case", META_KEYS, null_ok=True).items():
            with self.part():
                meta[k] = self.meta_text(v, join("case", k))
                if k == "conduct_date" and meta[k] is not None and not is_conduct_date(meta[k] or ""):
                    raise r.error("bad_conduct_date", v, "case.conduct_date", value=meta[k])
        answers: dict[str, Answer] = {}
        answers_node = top.get("answers")
        if answers_node is not None and not (isinstance(answers_node, Scalar) and answers_node.is_null):
            if not isinstance(answers_node, Mapping):
                raise r.wrong_type(answers_node, "answers", "mapping")
            for key_node, value in answers_node.items:
                with self.part():
                    fact = self.questions.fact_by_id.get(key_node.value)
                    if fact is None:
                        raise self.unknown_fact(key_node)
                    answers[fact.id] = self.answer(fact, value)
        expects: tuple[Expect, ...] = ()
        if "expect" in top:
            with self.part():
                expects = self.expects(top["expect"])
        case = Case(self.file, meta, answers, expects, self.notices)
        case.run_notices = self.run_notices
        case.measures = tuple(spec for spec, _ in named) if named is not None else None
        if len(self.questions.measures) == 1:
            case.read_for = self.questions.primary.id  # every answer is one of its questions and options
        if "decision" in top and not (isinstance(top["decision"], Scalar) and top["decision"].is_null):
            with self.part():
                case.decision = self.decision(top["decision"], case.notices)
        suggested = top.get("suggested")
        if suggested is not None and not (isinstance(suggested, Scalar) and suggested.is_null):
            with self.part():
                case.suggested = self.suggested(suggested, answers)
        return case

    # -- the measures a case names, and those it is read against

    def measure_specs(self, node: Node | None) -> list[tuple[str, Node]] | None:
        """``measures:``: each a bundled measure's name or a criteria file's path (from the case file's folder).

        A path is kept joined to the case file's folder, so that it names the same file
        from wherever the tool runs; None when the file names no measure.
        """
        from zgrongcuo.io.measures import bundled_measures, names_a_file

        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not isinstance(node, Sequence):
            raise self.r.error("measures_list_expected", node, "measures", got=kind_name(node))
        if not node.items:
            raise self.r.error("measures_empty", node, "measures")
        bundled = bundled_measures()
        folder = os.path.dirname(self.file) if self.file != "-" else ""
        out: list[tuple[str, Node]] = []
        for i, item in enumerate(node.items, 1):
            key = join("measures", i)
            name = self.r.text(item, key).strip()
            if not name:
                raise self.r.error("empty_value", item, key)
            if name in bundled:
                spec = name
            elif names_a_file(name, folder):
                spec = os.path.join(folder, name) if folder and not os.path.isabs(name) else name
                # Only what can be a criteria file is read: a case file from elsewhere cannot have, say, a line of
                # /etc/passwd quoted in a syntax error that a report then carries.
                if not name.lower().endswith(CRITERIA_SUFFIXES):
                    raise self.r.error("measure_not_criteria_file", item, key, name=name)
                if not os.path.isfile(spec):
                    raise self.r.error("measure_file_missing", item, key, name=name, path=spec)
            else:
                raise self.r.error("unknown_measure_name", item, key, name=name, known=", ".join(bundled)).at(
                    suggestion=suggest(name, bundled)
                )
            for earlier, first in out:
                if earlier == spec:
                    raise self.r.error("measure_named_twice", item, key, name=name, first=first.line)
            out.append((spec, item))
        return out

    def choose(self, selection: Selection, named: list[tuple[str, Node]] | None, decision: Node | None) -> Questions:
        """The questions the case is read against: its own measures', or those ``--criteria`` gave (with a notice)."""
        if named is not None:
            specs: list[str | None] = [spec for spec, _ in named]
        else:
            specs = [None]  # the default
            decided = self.decision_measure(decision)
            if decided is not None:
                from zgrongcuo.io.measures import DEFAULT_MEASURE

                if decided != DEFAULT_MEASURE:
                    specs.append(decided)
        self.named_ids = {spec for spec in specs if spec is not None}
        if selection.fixed is not None:
            if (named is not None or len(specs) > 1) and not selection.same_as_given(specs):
                from zgrongcuo.io.measures import DEFAULT_MEASURE

                names = ", ".join(spec or DEFAULT_MEASURE for spec in specs)
                self.run_notices.append(Notice("measures_overridden", {"file": self.file, "named": names}))
            return selection.fixed
        checked = selection.checked.get(tuple(specs))
        if checked is not None:
            return checked
        where: list[tuple[Node | None, str]] = [(node, join("measures", n)) for n, (_, node) in enumerate(named or (), 1)]
        if named is None:
            where = [(None, "")] + [(decision, "decision.measure")] * (len(specs) - 1)
        seen: dict[str, str] = {}
        for spec, (node, key) in zip(specs, where, strict=True):
            criteria = selection.load(spec)
            written = node.value if isinstance(node, Scalar) else criteria.id
            if criteria.id in seen:  # two names for one measure (a bundled name and its file, say)
                raise self.r.error("measure_same_twice", node, key, name=written, measure=criteria.id, first=seen[criteria.id])
            seen[criteria.id] = written
            if selection.lang is not None and selection.lang not in criteria.languages:
                raise self.r.error(
                    "measure_language", node, key, name=criteria.id, lang=selection.lang, known=", ".join(criteria.languages)
                )
        checked = selection.checked[tuple(specs)] = selection.questions_for(specs)
        return checked

    @staticmethod
    def decision_measure(node: Node | None) -> str | None:
        """The bundled measure a decision was taken under, when it names one (read properly later, with the decision)."""
        from zgrongcuo.io.measures import bundled_measures

        if not isinstance(node, Mapping):
            return None
        for key_node, value in node.items:
            if key_node.value == "measure" and isinstance(value, Scalar) and not value.is_null:
                name = value.value.strip()
                return name if name in bundled_measures() else None
        return None

    # -- suggested answers: proposals from a written account, not answers until a person confirms them

    def suggested(self, node: Node, answers: dict[str, Answer]) -> dict[str, Suggestion]:
        if not isinstance(node, Mapping):
            raise self.r.wrong_type(node, "suggested", "mapping")
        out: dict[str, Suggestion] = {}
        for key_node, value in node.items:
            fact = self.questions.fact_by_id.get(key_node.value)
            if fact is None:
                raise self.unknown_fact(key_node, "suggested")
            key = join("suggested", fact.id)
            if fact.id in answers:  # confirmed: the suggestion should have left with it
                raise self.r.error("suggested_answered", key_node, key, name=fact.id)
            out[fact.id] = self.suggestion(fact, value, key)
        return out

    def suggestion(self, fact: Fact, node: Node, key: str) -> Suggestion:
        v = self.r.mapping(node, key, SUGGESTED_KEYS)
        value = None
        if "value" in v:
            answer = self.answer(fact, v["value"], join(key, "value"))
            value = answer.value
        conflicting: tuple[Evidence, ...] = ()
        if "conflicting" in v:
            ckey = join(key, "conflicting")
            conflicting = tuple(
                self.contrary(fact, item, join(ckey, i)) for i, item in enumerate(self.r.sequence(v["conflicting"], ckey), 1)
            )
        if value is None and not conflicting:
            raise self.r.error("suggested_nothing", node, key, name=fact.id)
        evidence: tuple[Evidence, ...] = ()
        if value is not None:
            if "evidence" not in v:
                raise self.r.error("missing_key", node, key, name="evidence")
            says = value if isinstance(value, bool) else True
            evidence = tuple(
                Evidence(words, source, says)
                for words, source in self.sentences(v["evidence"], v.get("from"), key)
            )
        elif "evidence" in v:
            raise self.r.error("suggested_evidence_without_value", v["evidence"], join(key, "evidence"))
        return Suggestion(value, evidence, conflicting, line=node.line)

    def contrary(self, fact: Fact, node: Node, key: str) -> Evidence:
        """One sentence of evidence both ways: what it says (是/否; for a list, whether the option holds), where it is."""
        v = self.r.mapping(node, key, CONFLICTING_KEYS, ("value", "evidence"))
        says = self.yes_no(v["value"], join(key, "value"))
        if says is None:
            raise self.r.error("bad_yesno", v["value"], join(key, "value"), value="?")
        option = None
        if fact.type == "set":
            if "option" not in v:
                raise self.r.error("missing_key", node, key, name="option")
            option = self.option(fact, v["option"], join(key, "option"))
        elif "option" in v:
            raise self.r.error("option_on_yesno", v["option"], join(key, "option"), fact=fact.id)
        ((words, source),) = self.sentences(v["evidence"], v.get("from"), key, one=True)
        return Evidence(words, source, says, option)

    def sentences(self, node: Node, sources: Node | None, key: str, *, one: bool = False) -> list[tuple[str, str | None]]:
        """The sentences of ``evidence`` (text, or a list of texts) with the file each is from (``from``)."""
        ekey = join(key, "evidence")
        items = [node] if isinstance(node, Scalar) or one else self.r.sequence(node, ekey)
        texts = []
        for i, item in enumerate(items, 1):
            words = self.meta_text(item, ekey if len(items) == 1 and isinstance(node, Scalar) else join(ekey, i))
            if not words or not words.strip():
                raise self.r.error("empty_value", item, ekey)
            texts.append(words)
        if not texts:
            raise self.r.error("empty_list", node, ekey)
        fkey = join(key, "from")
        if sources is None or (isinstance(sources, Scalar) and sources.is_null):
            names: list[str | None] = [None] * len(texts)
        elif isinstance(sources, Scalar):
            names = [self.meta_text(sources, fkey)] * len(texts)
        else:
            names = [self.meta_text(n, join(fkey, i)) for i, n in enumerate(self.r.sequence(sources, fkey), 1)]
            if len(names) != len(texts):
                raise self.r.error("suggested_from_count", sources, fkey, sources=len(names), sentences=len(texts))
        return list(zip(texts, names, strict=True))

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
            words = outcome_words((o.id, o.label) for o in criteria.outcomes.values() if o.favourable is not None)
        else:
            decided = dict(GENERIC_DECISIONS)
            labels = {o: labels_of(f"decision.generic.{o}") for o in GENERIC_DECISIONS}
            words = outcome_words(labels.items(), GENERIC_WORDS)
            if measure != UNSTATED_MEASURE:  # a measure the tool does not have: said only when it may be a slip of the pen
                known = [*self.questions.measure_ids, *(m for m in bundled if m not in self.questions.measure_ids)]
                hint = suggest(measure, known)
                if hint is not None:
                    notices.append(Notice("decision_measure_close", {"file": self.file, "measure": measure, "hint": hint}))
        found = words.get(_folded(outcome))
        if found is None:
            listed = [f"{o}（{labels[o]['zh']}）" if "zh" in labels[o] else o for o in decided]
            raise self.r.error(
                "unknown_decision_outcome", outcome_node, "decision.outcome", name=outcome, measure=measure,
                known=Listing("、".join(listed)),
            ).at(suggestion=suggest(outcome, decided))  # fmt: skip
        outcome = found
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

    def unknown_fact(self, key_node: Scalar, block: str = "answers") -> ZgError:
        name = key_node.value
        key = join(block, name)
        if ID.match(name):
            from zgrongcuo.io.questions import elsewhere

            measure = elsewhere(name, self.questions.measures)
            if measure is not None:  # a question of a bundled measure not selected: never "did you mean" another id
                return self.r.error(
                    self.other_measure("fact_of_other_measure", measure), key_node, key, name=name, measure=measure,
                    **self.with_measure(measure),
                )  # fmt: skip
        ids = list(self.questions.fact_by_id)
        hint = suggest(name, ids)
        if hint is None:  # someone wrote the question's label instead of its id
            for fact in self.questions.facts:
                if name in fact.label.values():
                    hint = fact.id
        return self.r.error("unknown_fact", key_node, key, name=name).at(suggestion=hint)

    def other_measure(self, msg_id: str, measure: str) -> str:
        """The message for an id of ``measure``: said differently when the file names it and --criteria overrode that."""
        named = self.named_ids
        return msg_id + "_overridden" if self.selection is not None and self.selection.overrides and measure in named else msg_id

    def with_measure(self, measure: str) -> dict[str, str]:
        """How to check against the measures being read and ``measure`` too: the ``measures:`` line and ``--criteria``."""
        from zgrongcuo.io.measures import bundled_measures

        bundled = bundled_measures()
        named = [*(m.id if m.id in bundled else m.path for m in self.questions.measures), measure]
        return {
            "measures": "measures: [" + ", ".join(named) + "]",
            "options": " ".join(f"--criteria {name}" for name in named),
        }

    # The key paths below name where an answer is wrong: they are made only when it is.

    def answer(self, fact: Fact, node: Node, key: str | None = None) -> Answer:
        """The answer to ``fact`` written at ``node`` (``key``: its key path, by default ``answers.<fact>``)."""
        note = None
        if type(node) is Mapping:
            key = key or join("answers", fact.id)
            values: dict[str, Node] = {}
            for name, part in node.items:  # {value, note}: read here, as Reader.mapping would, without its work
                if name.value not in ANSWER_KEYS:
                    self.r.mapping(node, key, ANSWER_KEYS)  # raises, naming the key and the keys allowed
                values[name.value] = part
            if "note" in values:
                note = self.meta_text(values["note"], join(key, "note"))
            if "value" not in values:
                return Answer(None, note, node.line)
            node = values["value"]
            key = join(key, "value")
        if fact.type == "yesno":
            found = _WORDS.get(node.value, _UNLISTED) if type(node) is Scalar else _UNLISTED
            value = self.yes_no(node, key or join("answers", fact.id)) if found is _UNLISTED else found
            return Answer(value, note, node.line)  # type: ignore[arg-type]  # not the marker
        return Answer(self.options(fact, node, key or join("answers", fact.id)), note, node.line)

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
        known = fact.option_set
        for i, item in enumerate(node.items, 1):
            # An option id as written is taken as it is; anything else is looked at closely.
            value = item.value if type(item) is Scalar and item.value in known else self.option(fact, item, join(key, i))
            if value in chosen:
                first = chosen.index(value) + 1
                raise self.r.error("repeated_option", item, join(key, i), name=value, first=first)
            chosen.append(value)
        return tuple(chosen)

    def option(self, fact: Fact, item: Node, key: str) -> str:
        """One option id of ``fact``: an unknown one is an error naming the measure that has it, or the near one."""
        if not isinstance(item, Scalar) or item.is_null:
            raise self.r.error("option_expected", item, key, got=kind_name(item))
        value = item.value.strip()
        if value not in fact.option_ids:
            if ID.match(value):
                from zgrongcuo.io.questions import elsewhere

                measure = elsewhere(value, self.questions.measures, option_of=fact.id)
                if measure is not None:  # an option of a bundled measure not selected: never "did you mean" another
                    raise self.r.error(
                        self.other_measure("option_of_other_measure", measure), item, key, name=value, fact=fact.id,
                        measure=measure, **self.with_measure(measure),
                    )  # fmt: skip
            hint = suggest(value, fact.option_ids)
            for option in fact.options:
                if value in option.label.values():
                    hint = option.id
            raise self.r.error("unknown_option", item, key, name=value, fact=fact.id).at(suggestion=hint)
        return value

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
