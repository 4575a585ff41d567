"""Loading case files: metadata, answers with notes, and expected results.

The answer vocabulary is fixed by the case-file format; what the facts and
options are comes from the criteria.  Every problem is a ``CaseError`` naming
the file, line and key, never a silent guess.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from zgrongcuo.criteria import Criteria, Fact
from zgrongcuo.document import Mapping, Node, Reader, Scalar, Sequence, decode, join, parse, suggest
from zgrongcuo.errors import CaseError
from zgrongcuo.records import Record, Value

META_KEYS = ("id", "title", "subject", "summary")
TOP_KEYS = ("case", "answers", "expect")
EXPECT_KEYS = ("outcome", "situations", "next_questions")
ANSWER_KEYS = ("value", "note")
CASE_SUFFIXES = (".yaml", ".yml", ".json")
MAX_BYTES = 1 << 20  # a case file is a page of answers; anything larger is a mistake

YES_WORDS = frozenset({"true", "yes", "y", "是"})
NO_WORDS = frozenset({"false", "no", "n", "否"})
UNKNOWN_WORDS = frozenset({"unknown", "不确定", "?", "？"})
_ON_OFF = frozenset({"on", "off"})
_NUMBER = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?|0x[0-9a-fA-F_]+|0o?[0-7_]+)([eE][-+]?[0-9]+)?$")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line ends are text


NOT_A_WORD = object()  # what yes_no_word gives for a word outside the vocabulary


def yes_no_word(word: str) -> bool | None | object:
    """True, False or None (unknown) for a word of the yes/no vocabulary (any case); ``NOT_A_WORD`` otherwise."""
    lower = word.strip().lower()
    if lower in YES_WORDS:
        return True
    if lower in NO_WORDS:
        return False
    if lower in UNKNOWN_WORDS:
        return None
    return NOT_A_WORD


def control_character(text: str) -> str | None:
    """The first control character in ``text`` (terminal escapes among them), which case files may not hold."""
    found = _CONTROL.search(text)
    return found.group() if found else None
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$")


class Answer(Value):
    __slots__ = ("value", "note", "line")

    def __init__(self, value: bool | tuple[str, ...] | None, note: str | None = None, line: int | None = None) -> None:
        self.value = value  # yesno: bool; set: option ids as written; None: unknown
        self.note = note
        self.line = line


class Notice(Value):
    """A warning about how a file was read (e.g. its encoding), rendered in the user's language."""

    __slots__ = ("msg_id", "params")

    def __init__(self, msg_id: str, params: dict[str, object] | None = None) -> None:
        self.msg_id = msg_id
        self.params = params if params is not None else {}


class Expect(Value):
    __slots__ = ("outcome", "situations", "next_questions")

    def __init__(
        self,
        outcome: str | None = None,
        situations: tuple[str, ...] | None = None,
        next_questions: tuple[str, ...] | None = None,
    ) -> None:
        self.outcome = outcome
        self.situations = situations
        self.next_questions = next_questions


class Case(Record):
    __slots__ = ("file", "meta", "answers", "expect", "notices")

    def __init__(
        self,
        file: str,
        meta: dict[str, str | None],
        answers: dict[str, Answer],
        expect: Expect | None = None,
        notices: list[Notice] | None = None,
    ) -> None:
        self.file = file
        self.meta = meta
        self.answers = answers
        self.expect = expect
        self.notices = notices if notices is not None else []

    def values(self) -> dict[str, bool | tuple[str, ...] | None]:
        """Fact id -> answer value, as the engine reads them."""
        return {fact: a.value for fact, a in self.answers.items() if a.value is not None}


def read_bytes(path: str, *, max_bytes: int = MAX_BYTES, stdin=None) -> bytes:
    """The bytes of a case file, or of standard input for ``-``; refuses what is too big."""
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                size = os.fstat(f.fileno()).st_size
                if size > max_bytes:  # refused before a byte of it is read
                    raise CaseError("too_large", file=path, size=size, limit=max_bytes)
                # Read what the size says (a 1 MiB read buffer per file would cost more than the
                # parse), and whatever a growing or special file adds, up to the limit.
                data = f.read(size + 1)
                if len(data) > size:
                    data += f.read(max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise CaseError("not_found", file=path) from None
    except IsADirectoryError:
        raise CaseError("is_a_directory", file=path) from None
    except PermissionError:
        raise CaseError("permission_denied", file=path) from None
    except OSError as exc:
        raise CaseError("read_error", file=path, detail=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise CaseError("too_large", file=path, size=len(data), limit=max_bytes)
    return data


def load(path: str, criteria: Criteria, *, max_bytes: int = MAX_BYTES, stdin=None) -> Case:
    """Read and check one case file (``-`` for standard input)."""
    data = read_bytes(path, max_bytes=max_bytes, stdin=stdin)
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
            raise r.error("top_not_mapping", root, "", got=_kind(root))
        top = r.mapping(root, "", TOP_KEYS)
        meta = {k: None for k in META_KEYS}
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

    def unknown_fact(self, key_node: Scalar) -> CaseError:
        name = key_node.value
        ids = list(self.criteria.fact_by_id)
        hint = suggest(name, ids)
        if hint is None:  # someone wrote the question's label instead of its id
            for fact in self.criteria.facts:
                if name in fact.label.values():
                    hint = fact.id
        return self.r.error("unknown_fact", key_node, join("answers", name), name=name).at(suggestion=hint)  # type: ignore[return-value]

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
            raise self.r.error("yesno_expected", node, key, got=_kind(node))
        if node.is_null:
            return None
        word = node.value.strip()
        value = yes_no_word(word)
        if value is not NOT_A_WORD:
            return value  # type: ignore[return-value]
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
            raise self.r.error("list_expected", node, key, got=_kind(node), example=fact.options[0].id)
        if not isinstance(node, Sequence):
            raise self.r.error("list_expected", node, key, got=_kind(node), example=fact.options[0].id)
        chosen: list[str] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(node.items, 1):
            item_key = join(key, i)
            if not isinstance(item, Scalar) or item.is_null:
                raise self.r.error("option_expected", item, item_key, got=_kind(item))
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
                    suggestion=suggest(name, self.criteria.outcomes)  # type: ignore[arg-type]
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
        out = []
        for i, item in enumerate(self.r.sequence(node, key), 1):
            name = self.r.text(item, join(key, i))
            if name not in known:
                raise self.r.error(msg_id, item, join(key, i), name=name).at(suggestion=suggest(name, known))  # type: ignore[arg-type]
            if name in out:
                raise self.r.error("repeated_option", item, join(key, i), name=name, first=out.index(name) + 1)
            out.append(name)
        return tuple(out)


def _kind(node: Node | None) -> str:
    from zgrongcuo.document import kind_name

    return kind_name(node)


def discover(paths: list[str]) -> Iterator[tuple[str, CaseError | None]]:
    """Expand arguments into case files in order: folders recurse in sorted order, hidden entries skipped.

    Each entry is a path and, for an argument that yields nothing usable, the
    error to report.  Entries come one at a time, so a batch of any size keeps
    no list of its files.
    """
    for arg in paths:
        if arg == "-" or not os.path.isdir(arg):
            yield arg, None
            continue
        found = False
        for path in _walk(Path(arg), set()):
            found = True
            yield path, None
        if not found:
            yield arg, CaseError("no_cases_in_folder", file=arg, suffixes=", ".join(CASE_SUFFIXES))


def _walk(folder: Path, seen: set[Path]):
    real = folder.resolve()
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        # scandir knows each entry's type from the listing: no stat per file. Only the
        # names are kept to sort (a folder's subfolders marked with a trailing "/").
        with os.scandir(folder) as listing:
            names = sorted(
                entry.name + "/" if entry.is_dir() else entry.name
                for entry in listing
                if not entry.name.startswith(".")
                and (entry.is_dir() or (os.path.splitext(entry.name)[1].lower() in CASE_SUFFIXES and entry.is_file()))
            )
    except OSError:
        return
    base = str(folder)
    for name in names:
        if name.endswith("/"):
            yield from _walk(folder / name[:-1], seen)
        else:
            yield os.path.join(base, name)
