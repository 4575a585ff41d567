"""Strict reading of YAML and JSON documents into nodes that keep their position.

Only the parser's events are used, never PyYAML's constructors: no tag is
honoured (every explicit tag is an error), no implicit typing happens (a plain
``0755`` stays the text ``0755``; what a scalar means is for the reader of the
node to say), duplicate keys are errors, and nesting and size are bounded.
Nothing in a document can make Python objects or run code.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import yaml

from zgrongcuo.errors import ZgError, suggest
from zgrongcuo.model.base import Record

try:  # libyaml's parser is several times faster; strictness is ours either way
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 200_000
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


class Node(Record):
    __slots__ = ("line", "column")  # 1-based

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


class Scalar(Node):
    __slots__ = ("value", "plain")  # plain: written without quotes or block style

    def __init__(self, line: int, column: int, value: str, plain: bool) -> None:
        self.line = line
        self.column = column
        self.value = value
        self.plain = plain

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in NULL_WORDS


class Mapping(Node):
    __slots__ = ("items",)

    def __init__(self, line: int, column: int, items: list[tuple[Scalar, Node]]) -> None:
        self.line = line
        self.column = column
        self.items = items


class Sequence(Node):
    __slots__ = ("items",)

    def __init__(self, line: int, column: int, items: list[Node]) -> None:
        self.line = line
        self.column = column
        self.items = items


KIND_NAMES = {Scalar: "scalar", Mapping: "mapping", Sequence: "list"}


# ------------------------------------------------------------------ decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, file: str, error: type[ZgError] = ZgError) -> tuple[str, str]:
    """Text of ``data`` and the encoding used: a BOM decides, else UTF-8, else GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as exc:
                name = encoding.removesuffix("-sig").upper()
                raise error("bad_encoding_bom", file=file, encoding=name, detail=str(exc.reason)) from None
    if b"\x00" in data[:8192]:  # no text encoding without a BOM has NUL bytes: a Word file, a zip, UTF-16 without BOM
        offset = data.index(b"\x00")
        raise error("binary_file", file=file, line=data.count(b"\n", 0, offset) + 1, offset=offset)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise error("bad_encoding", file=file, line=line, offset=utf8_error.start) from None


# ------------------------------------------------------------------- parsing


def parse(text: str, file: str, *, json_syntax: bool = False, error: type[ZgError] = ZgError) -> Node | None:
    """The single document in ``text`` as nodes; None for an empty document."""
    try:
        return _parse(text, file, json_syntax)
    except ZgError as exc:
        if type(exc) is ZgError and error is not ZgError:
            exc.__class__ = error  # same fields, the caller's kind of error
        raise


def _parse(text: str, file: str, json_syntax: bool) -> Node | None:
    if json_syntax:
        return _parse_json(text, file)
    try:
        loader = _Loader(text)
        try:
            return _build(loader.get_event, file)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        lines = text.splitlines()
        problem = exc.problem or ""
        if exc.context and exc.context_mark:
            problem += f" ({exc.context}, line {exc.context_mark.line + 1})"
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        excerpt = lines[mark.line] if mark and mark.line < len(lines) else None
        if "nesting depth" in problem:
            raise ZgError("too_deep", file=file, line=line, column=column, limit=MAX_DEPTH) from None
        at_mark = excerpt[mark.column] if mark and excerpt is not None and mark.column < len(excerpt) else ""
        if at_mark == "\t" or "tab" in problem:
            raise ZgError("yaml_tab", file=file, line=line, column=column, excerpt=excerpt) from None
        raise ZgError("yaml_syntax", file=file, line=line, column=column, excerpt=excerpt, problem=problem) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise ZgError("yaml_bad_char", file=file, line=line, column=column, char=f"U+{exc.character:04X}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports all as above
        raise ZgError("yaml_syntax", file=file, problem=str(exc)) from None


class _Frame:
    """A mapping or list being built, and where it stands in its parent (its key path is made only for a message)."""

    __slots__ = ("node", "items", "is_list", "anchor", "seen", "pending", "parent", "place")

    def __init__(self, node: Mapping | Sequence, anchor: str | None, parent: _Frame | None) -> None:
        self.node = node
        self.items: list[Any] = node.items
        self.is_list = type(node) is Sequence
        self.anchor = anchor
        self.seen: dict[str, Scalar] = {}  # keys so far, for duplicates
        self.pending: Scalar | None = None  # a mapping's key still waiting for its value
        self.parent = parent
        # Its key in the parent: a mapping's key, or a list's 1-based index.
        self.place: str | int | None = None if parent is None else parent.next_place()

    def next_place(self) -> str | int | None:
        if self.is_list:
            return len(self.items) + 1
        return self.pending.value if self.pending is not None else None

    @property
    def path(self) -> str:
        """The key path of this mapping or list (empty at the top)."""
        parts: list[str | int] = []
        frame: _Frame | None = self
        while frame is not None and frame.parent is not None:  # a loop, not recursion: nesting is bounded anyway
            if frame.place is not None:
                parts.append(frame.place)
            frame = frame.parent
        path = ""
        for part in reversed(parts):
            path = join(path, part)
        return path

    def child_path(self) -> str:
        """The key path of the next value added to this frame."""
        place = self.next_place()
        return join(self.path, place) if place is not None else self.path


def _build(next_event, file: str) -> Node | None:
    # An explicit stack rather than recursion: depth is bounded by MAX_DEPTH,
    # not by Python's recursion limit. Key paths are made only for a message.
    anchors: dict[str, Node] = {}
    stack: list[_Frame] = []
    root: Node | None = None
    documents = 0
    count = 0
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent

    def here() -> str | None:
        return (stack[-1].child_path() or None) if stack else None

    # The parser's own get_event, not yaml.parse(): a generator's frame per event
    # costs as much as building the node does.
    frame: _Frame | None = None  # the mapping or list being built: the top of the stack
    while (event := next_event()) is not None:
        kind = type(event)
        node: Node
        if kind is scalar_event:
            mark = event.start_mark
            if event.tag is not None:
                raise ZgError("yaml_tag", file=file, line=mark.line + 1, column=mark.column + 1, key=here(), tag=event.tag)
            count += 1
            if count > MAX_NODES:
                raise ZgError("too_many_nodes", file=file, line=mark.line + 1, limit=MAX_NODES)
            node = Scalar(mark.line + 1, mark.column + 1, event.value, not event.style)  # plain: no quotes, no block
            if event.anchor:
                anchors[event.anchor] = node
        elif kind is mapping_end or kind is sequence_end:
            done = stack.pop()
            frame = stack[-1] if stack else None
            node = done.node
            if done.anchor:
                anchors[done.anchor] = node
        elif kind is mapping_start or kind is sequence_start:
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if event.tag is not None:
                raise ZgError("yaml_tag", file=file, line=line, column=column, key=here(), tag=event.tag)
            count += 1
            if count > MAX_NODES:
                raise ZgError("too_many_nodes", file=file, line=line, limit=MAX_NODES)
            if len(stack) >= MAX_DEPTH:
                raise ZgError("too_deep", file=file, line=line, column=column, key=here(), limit=MAX_DEPTH)
            container = Mapping(line, column, []) if kind is mapping_start else Sequence(line, column, [])
            frame = _Frame(container, event.anchor, frame)
            stack.append(frame)
            continue
        elif kind is alias_event:
            target = anchors.get(event.anchor)
            if target is None:
                mark = event.start_mark
                # An anchor whose node is still open is a loop (`a: &a [*a]`); PyYAML would build a cycle.
                loop = any(open_.anchor == event.anchor for open_ in stack)
                raise ZgError(
                    "alias_loop" if loop else "alias_undefined",
                    file=file,
                    line=mark.line + 1,
                    column=mark.column + 1,
                    key=here(),
                    name=event.anchor,
                )
            # Shared, never copied: an alias costs one reference, so nested
            # aliases cannot multiply memory.
            node = target
        else:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise ZgError("several_documents", file=file, line=event.start_mark.line + 1)
            continue
        if frame is None:
            root = node
        elif frame.is_list:
            frame.items.append(node)
        elif frame.pending is None:  # a key
            if type(node) is not Scalar:
                raise ZgError("complex_key", file=file, line=node.line, column=node.column, key=frame.path or None)
            previous = frame.seen.get(node.value)
            if previous is not None:
                raise ZgError(
                    "duplicate_key",
                    file=file,
                    line=node.line,
                    column=node.column,
                    key=join(frame.path, node.value),
                    name=node.value,
                    first_line=previous.line,
                )
            frame.seen[node.value] = frame.pending = node
        else:
            frame.items.append((frame.pending, node))
            frame.pending = None
    return root


# ------------------------------------------------------------------- JSON
#
# JSON is read as JSON, not as YAML: whatever json.loads accepts is accepted
# (surrogate pairs written as escapes, a line break between a key and its
# colon, keys of any length), into the same nodes with the same limits and the
# same errors: duplicate keys, nesting and size, each with its line, column
# and key. Strings are decoded by json's own scanner; numbers, true, false and
# null stay text, plain, for the reader of the node to judge (as a YAML plain
# scalar would). NaN and Infinity, which json.loads takes but JSON does not
# have, are refused where they stand: what a script wrote for "no value" must
# not become the text "NaN" of a note.

_JSON_SPACE = r"[ \t\n\r]*"
_JSON_NUMBER = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_JSON_WORDS = ("null", "true", "false", "NaN", "Infinity", "-Infinity")
_NOT_JSON = ("NaN", "Infinity", "-Infinity")
_VALUE, _KEY, _AFTER = 0, 1, 2  # what the parser expects next


def _parse_json(text: str, file: str) -> Node | None:
    import bisect
    import json.decoder

    scan_string = json.decoder.scanstring  # type: ignore[attr-defined]  # the C scanner json.loads uses
    space, number = re.compile(_JSON_SPACE).match, re.compile(_JSON_NUMBER).match  # compiled only for JSON
    breaks = [i for i, ch in enumerate(text) if ch == "\n"] if "\n" in text else []

    def position(index: int) -> tuple[int, int]:
        line = bisect.bisect_left(breaks, index)
        return line + 1, index - (breaks[line - 1] if line else -1)

    def fail(problem: str, index: int) -> ZgError:
        line, column = position(index)
        lines = text.splitlines()
        excerpt = lines[line - 1] if 0 < line <= len(lines) else None
        return ZgError("json_syntax", file=file, line=line, column=column, excerpt=excerpt, problem=problem)

    stack: list[_Frame] = []
    root: Node | None = None
    count = 0
    size = len(text)
    pos = space(text, 0).end()  # type: ignore[union-attr]
    state = _VALUE

    def add(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        if type(frame.node) is Sequence:
            frame.node.items.append(node)
        else:
            assert type(frame.node) is Mapping and frame.pending is not None
            frame.node.items.append((frame.pending, node))
            frame.pending = None

    def counted(index: int) -> None:
        nonlocal count
        count += 1
        if count > MAX_NODES:
            raise ZgError("too_many_nodes", file=file, line=position(index)[0], limit=MAX_NODES)

    while True:
        if state == _VALUE:
            if pos >= size:
                raise fail("Expecting value", pos)
            ch = text[pos]
            line, column = position(pos)
            if ch == "{" or ch == "[":
                counted(pos)
                if len(stack) >= MAX_DEPTH:
                    path = (stack[-1].child_path() or None) if stack else None
                    raise ZgError("too_deep", file=file, line=line, column=column, key=path, limit=MAX_DEPTH)
                container = Mapping(line, column, []) if ch == "{" else Sequence(line, column, [])
                stack.append(_Frame(container, None, stack[-1] if stack else None))
                pos = space(text, pos + 1).end()  # type: ignore[union-attr]
                if pos < size and text[pos] == ("}" if ch == "{" else "]"):
                    add(stack.pop().node)
                    pos += 1
                    state = _AFTER
                else:
                    state = _KEY if ch == "{" else _VALUE
                continue
            counted(pos)
            if ch == '"':
                try:
                    value, pos = scan_string(text, pos + 1, True)
                except json.JSONDecodeError as exc:
                    raise fail(exc.msg, exc.pos) from None
                add(Scalar(line, column, value, False))
            else:
                found = number(text, pos)
                word = found.group() if found else next((w for w in _JSON_WORDS if text.startswith(w, pos)), None)
                if word is None:
                    raise fail("Expecting value", pos)
                if word in _NOT_JSON:
                    lines = text.splitlines()
                    excerpt = lines[line - 1] if 0 < line <= len(lines) else None
                    path = stack[-1].child_path() if stack else None
                    raise ZgError("json_not_a_value", file=file, line=line, column=column, key=path or None, excerpt=excerpt, word=word)
                add(Scalar(line, column, word, True))
                pos += len(word)
            state = _AFTER
        elif state == _KEY:
            if pos >= size or text[pos] != '"':
                raise fail("Expecting property name enclosed in double quotes", pos)
            line, column = position(pos)
            try:
                name, end = scan_string(text, pos + 1, True)
            except json.JSONDecodeError as exc:
                raise fail(exc.msg, exc.pos) from None
            frame = stack[-1]
            previous = frame.seen.get(name)
            if previous is not None:
                raise ZgError(
                    "duplicate_key", file=file, line=line, column=column, key=join(frame.path, name),
                    name=name, first_line=previous.line,
                )  # fmt: skip
            counted(pos)
            key = Scalar(line, column, name, False)
            frame.seen[name] = key
            frame.pending = key
            pos = space(text, end).end()  # type: ignore[union-attr]
            if pos >= size or text[pos] != ":":
                raise fail("Expecting ':' delimiter", pos)
            pos = space(text, pos + 1).end()  # type: ignore[union-attr]
            state = _VALUE
        else:  # after a value
            pos = space(text, pos).end()  # type: ignore[union-attr]
            if not stack:
                if pos != size:
                    raise fail("Extra data", pos)
                return root
            closing = "}" if type(stack[-1].node) is Mapping else "]"
            ch = text[pos] if pos < size else ""
            if ch == ",":
                pos = space(text, pos + 1).end()  # type: ignore[union-attr]
                state = _KEY if closing == "}" else _VALUE
            elif ch == closing:
                add(stack.pop().node)
                pos += 1
            else:
                raise fail("Expecting ',' delimiter", pos)


def kind_name(node: Node | None) -> str:
    return "null" if node is None or (isinstance(node, Scalar) and node.is_null) else KIND_NAMES[type(node)]


# ------------------------------------------------------------------- reading


class Reader:
    """Typed access to nodes that raises the caller's error class with file, line and key."""

    def __init__(self, file: str, error: type[ZgError] = ZgError) -> None:
        self.file = file
        self.error_class = error

    def error(self, msg_id: str, node: Node | None, key: str, **params: Any) -> ZgError:
        line = node.line if node is not None else None
        column = node.column if node is not None else None
        error = self.error_class(msg_id, **params)
        return error.at(file=self.file, line=line, column=column, key=key or None)

    def wrong_type(self, node: Node | None, key: str, expected: str) -> ZgError:
        return self.error("wrong_type", node, key, expected=expected, got=kind_name(node))

    def mapping(
        self,
        node: Node | None,
        key: str,
        allowed: tuple[str, ...] | dict,
        required: tuple[str, ...] = (),
        *,
        null_ok: bool = False,
    ) -> dict[str, Node]:
        """A mapping's values by key, refusing keys not in ``allowed``."""
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if null_ok:
                return {}
            if not required:
                return {}
            raise self.wrong_type(node, key, "mapping")
        if not isinstance(node, Mapping):
            raise self.wrong_type(node, key, "mapping")
        out: dict[str, Node] = {}
        for k, v in node.items:
            if k.value not in allowed:
                raise self.error(
                    "unknown_key",
                    k,
                    join(key, k.value),
                    name=k.value,
                    allowed=", ".join(allowed),
                ).at(suggestion=suggest(k.value, allowed))
            out[k.value] = v
        for name in required:
            if name not in out:
                raise self.error("missing_key", node, key, name=name)
        return out

    def sequence(self, node: Node | None, key: str) -> list[Node]:
        if not isinstance(node, Sequence):
            raise self.wrong_type(node, key, "list")
        return node.items

    def text(self, node: Node | None, key: str) -> str:
        """A scalar's text exactly as written; an empty value is an error."""
        if isinstance(node, Scalar):
            if node.is_null:
                raise self.error("empty_value", node, key)
            return node.value
        raise self.wrong_type(node, key, "text")

    def boolean(self, node: Node | None, key: str, *, null_ok: bool = False) -> bool | None:
        if isinstance(node, Scalar) and node.plain:
            if node.value in ("true", "True", "TRUE"):
                return True
            if node.value in ("false", "False", "FALSE"):
                return False
            if null_ok and node.is_null:
                return None
        raise self.wrong_type(node, key, "true/false" + ("/null" if null_ok else ""))


def join(key: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{key}[{name}]"
    return f"{key}.{name}" if key else name
