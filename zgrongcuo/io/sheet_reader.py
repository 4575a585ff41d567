"""A register (台账) kept in a workbook, read as cases: one row, one case, checked as a case file is.

The heading row names what each column holds: a question, by its id or its
label (Chinese or English); a question's heading followed by 备注 holds the
notes to its answers; or a field of the case (案件编号, 标题, 当事单位或人员,
基本案情, 行为发生日期, by those names, their English ones or their keys).
Cells take the words case files take (是/否/不确定/有/没有/待核实 …); a
multiple-choice cell lists options by id or label, separated by 、，, ; or
line breaks, and 无 or 都不是 for none of them.

Each row is turned into the nodes a case file parses into, its row and
column standing for line and column, and read by the case reader itself: the
same checks, the same messages, the same did-you-mean.  An error names the
cell as Excel does (``台账.xlsx!D7``), the sheet and the heading.

How the sheet is read as a person sees it (docs/case-files.md): the heading
row is the row, among the first twenty, that names the most known columns (a
title may stand above it); rows with nothing in a known column are passed
over; a formula cell gives the value Excel last saved for it; a cell merged
down several rows gives its value to each of them; hidden rows are read, and
said to be; columns whose heading names nothing known are passed over, and
said to be, unless the heading is close to a known one (then it is an error,
with the name it is close to).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator

from zgrongcuo.errors import CaseError, SheetError, ZgError, suggest
from zgrongcuo.io import case_reader
from zgrongcuo.io.document import Mapping, Node, Scalar, Sequence
from zgrongcuo.io.questions import Selection
from zgrongcuo.io.workbook import HEADER_ROWS, MAX_COLUMNS, Cell, Sheet, Workbook, column_letters, open_workbook
from zgrongcuo.model.base import Record
from zgrongcuo.model.case import META_KEYS, Case, Notice
from zgrongcuo.model.criteria import Criteria, Fact, Questions
from zgrongcuo.model.vocabulary import NONE_OF_THEM, UNKNOWN_WORDS
from zgrongcuo.text.catalogue import LANGUAGES, text

# What reading a workbook gives, row by row: the row's name (台账.xlsx!7), and its document or why it has none.
Row = tuple[str, "RowDocument | None", "ZgError | None"]

_SEPARATORS = re.compile(r"([、，,;；\s]+)")
_HINT = re.compile(r"[(（][^()（）]*[)）]$")  # a heading's trailing remark: 行为发生日期（YYYY-MM-DD）
_NOTE_SUFFIXES = ("(备注)", "备注", "(note)", ".note", "note")
_LISTED = 8  # rows or columns named in a warning, the rest counted


def read_register(
    path: str,
    asked: Criteria | Questions | Selection,
    *,
    sheet: str | None = None,
    max_bytes: int | None = None,
    within: str | None = None,
) -> Iterator[Row]:
    """The rows of a workbook's sheet (None: the first visible one) that hold a case, as they are read.

    Each row comes as a :class:`RowDocument`, read as a case where cases are
    checked (``RowDocument.read``, in a worker process with ``--jobs``) against
    ``asked``: a measure, the questions of several, or a ``Selection`` that lets
    a row name its own (the 办法 column). A problem with the workbook as a whole
    is one row named by the file alone.
    """
    try:
        book = open_workbook(path, max_bytes=max_bytes, within=within)
    except ZgError as error:
        yield path, None, error
        return
    try:
        yield from _Register(book, known_questions(asked), sheet).rows()
    except ZgError as error:
        yield path, None, error
    finally:
        book.close()


def known_questions(asked: Criteria | Questions | Selection) -> Questions:
    """The questions a register's headings may name: those asked; with each case's own measures, every bundled one's."""
    if isinstance(asked, Criteria):
        return Questions.single(asked)
    if isinstance(asked, Questions):
        return asked
    if asked.fixed is not None:
        return asked.fixed
    from zgrongcuo.io.measures import bundled_measures

    return asked.questions_for(tuple(bundled_measures()))


class RowDocument(Record):
    """A register's row as the nodes a case file parses into (its row and column for line and column).

    Made where the workbook is read, and read as a case where cases are checked,
    by the case reader itself: the same checks and messages as a case file's,
    then located at the cell, with the sheet and the column's heading.
    """

    __slots__ = ("file", "sheet", "label", "root", "headings", "labels", "notices")

    def __init__(
        self,
        file: str,
        sheet: str,
        label: str,
        root: Mapping,
        headings: dict[int, str],
        labels: dict[str, tuple[str, ...]],
        notices: list[Notice],
    ) -> None:
        self.file = file  # the workbook
        self.sheet = sheet
        self.label = label  # the case's name: 台账.xlsx!7
        self.root = root
        self.headings = headings  # column -> heading as written
        self.labels = labels  # a multiple-choice question's options' labels, for a did-you-mean in words
        self.notices = notices  # about the workbook as a whole: with its first case

    def read(self, asked: Criteria | Questions | Selection) -> tuple[Case, Questions]:
        """The row's case, and the questions it was read against (its own measures', given a Selection)."""
        try:
            case, questions = case_reader.from_nodes(self.root, asked, self.label)
        except CaseError as error:
            raise self._located(error) from None
        case.notices[:0] = self.notices
        return case, questions

    def _located(self, error: CaseError) -> SheetError:
        """A case reader's error at a node, as the cell it came from, with the column's heading; so its others."""
        located = self._at_cell(error)
        located.others = tuple(self._at_cell(other) for other in error.others)
        located.more = error.more
        return located

    def _at_cell(self, error: ZgError) -> SheetError:
        suggestion = error.suggestion
        labels = self.labels.get(str(error.params.get("fact")))
        if error.msg_id == "unknown_option" and labels:  # the nearest label (in the words written), not id
            name = normal(str(error.params.get("name")))
            starting = [label for label in labels if normal(label).startswith(name)]  # 改革创新 for 改革创新、推进…
            suggestion = (starting[0] if len(starting) == 1 else None) or suggest(name, labels) or suggestion
        return SheetError(
            error.msg_id, file=self.file, line=error.line, column=error.column, key=self.headings.get(error.column or 0),
            sheet=self.sheet, suggestion=suggestion, **error.params,
        )  # fmt: skip


def normal(heading: str) -> str:
    """A heading as compared: full-width forms folded, spaces and line breaks dropped, case ignored."""
    return "".join(unicodedata.normalize("NFKC", heading).split()).casefold()


class Column:
    """A column the register reads: what its heading names."""

    __slots__ = ("index", "heading", "kind", "key")

    def __init__(self, index: int, heading: str, kind: str, key: str) -> None:
        self.index = index  # 1-based
        self.heading = heading  # as written in the sheet
        self.kind = kind  # "meta", "answer", "note" or "measures"
        self.key = key  # a META_KEYS name, or a fact id


def headings(questions: Questions) -> dict[str, tuple[str, str]]:
    """Every heading a column may have, compared as :func:`normal` gives it -> (kind, key)."""
    out: dict[str, tuple[str, str]] = {}

    def add(name: str, kind: str, key: str) -> None:
        out.setdefault(normal(name), (kind, key))
        bare = _HINT.sub("", normal(name))
        if bare:
            out.setdefault(bare, (kind, key))

    for key in META_KEYS:
        add(key, "meta", key)
        for lang in LANGUAGES:
            add(text(f"meta.{key}", lang), "meta", key)
    add("measures", "measures", "measures")  # what a case file's measures: says
    for lang in LANGUAGES:
        add(text("sheet.measures", lang), "measures", "measures")
    # Each measure's own words: a question two measures share may bear a different label in each.
    for fact in (*questions.facts, *(f for measure in questions.measures for f in measure.facts)):
        add(fact.id, "answer", fact.id)
        for label in fact.label.values():
            add(label, "answer", fact.id)
    return out


class _Register:
    def __init__(self, book: Workbook, questions: Questions, title: str | None) -> None:
        if book.written_by == "register":
            raise CaseError("workbook_is_register", file=book.file)
        self.book = book
        self.file = book.file
        self.questions = questions
        self.sheet: Sheet = book.sheet(title)
        self.named = title is not None
        self.known = headings(questions)
        self.option_names = _option_names(questions)
        self.notices: list[Notice] = []
        # A measure's short name and title, in every language, compared as normal() gives them -> its id.
        names: dict[str, str] = {}
        longest = 1
        for measure in questions.measures:
            for lang in measure.languages:
                for name in (measure.id, measure.name(lang), measure.title.get(lang) or ""):
                    if name:
                        names.setdefault(normal(name), measure.id)
                        longest = max(longest, _pieces(name))
        self.measure_names = names, longest

    def error(self, msg_id: str, row: int | None, column: int | None, heading: str | None = None, **params: object) -> SheetError:
        return SheetError(msg_id, file=self.file, line=row, column=column, key=heading, sheet=self.sheet.title, **params)

    # ------------------------------------------------------------ headings

    def _heading_row(self) -> tuple[int, list[str]]:
        """The row among the first ones that names the most known columns, and its cells as text."""
        best: tuple[int, int, list[str]] = (0, 0, [])
        for number, cells in self.sheet.rows(1, HEADER_ROWS, MAX_COLUMNS):
            words = [_plain(cell.value).strip() for cell in cells]
            count = sum(1 for w in words if w and self._match(w) is not None)
            if count > best[1]:
                best = (number, count, words)
        if not best[1]:
            raise self.error("sheet_no_heading", None, None, rows=HEADER_ROWS)
        words = best[2]
        while words and not words[-1]:
            words.pop()
        return best[0], words

    def _match(self, heading: str) -> tuple[str, str] | None:
        key = normal(heading)
        found = self.known.get(key) or self.known.get(_HINT.sub("", key))
        if found is not None:
            return found
        for suffix in _NOTE_SUFFIXES:  # a question's heading and 备注: its notes
            if key.endswith(suffix) and len(key) > len(suffix):
                named = self.known.get(key.removesuffix(suffix).rstrip("._-:："))
                if named is not None and named[0] == "answer":
                    return "note", named[1]
        return None

    def _columns(self, row: int, words: list[str]) -> list[Column]:
        columns: list[Column] = []
        seen: dict[tuple[str, str], int] = {}
        ignored: list[str] = []
        for first_row, first_column, last_row, _ in self.sheet.merges:
            if first_row <= row <= last_row and first_row != last_row:
                raise self.error("sheet_heading_rows", first_row, first_column, _at(words, first_column))
        for index, word in enumerate(words, 1):
            if not word:
                continue
            found = self._match(word)
            if found is None:
                close = suggest(normal(word), [k for k in self.known if len(k) > 1])
                if close is not None:
                    raise self.error("sheet_unknown_heading", row, index, word, name=word).at(
                        suggestion=self._spelt(close)
                    )
                ignored.append(f"{column_letters(index)}（{word}）" if _is_cjk(word) else f"{column_letters(index)} ({word})")
                continue
            if found in seen:
                raise self.error("sheet_heading_twice", row, index, word, name=word, first=column_letters(seen[found]))
            seen[found] = index
            columns.append(Column(index, word, *found))
        if ignored:
            self.notices.append(Notice("sheet_columns_ignored", {"file": self.file, "columns": _listing(ignored)}))
        return columns

    def _spelt(self, key: str) -> str:
        """A known heading as people write it (its label, not the folded form it is compared in)."""
        kind, name = self.known[key]
        if kind in ("answer", "note"):
            fact = self.questions.fact_by_id[name]
            return fact.label.get("zh") or next(iter(fact.label.values()))
        if kind == "measures":
            return text("sheet.measures", "zh")
        return _HINT.sub("", text(f"meta.{name}", "zh"))

    # --------------------------------------------------------------- rows

    def rows(self) -> Iterator[Row]:
        heading_row, words = self._heading_row()
        columns = self._columns(heading_row, words)
        width = len(words)
        headings = {c.index: c.heading for c in columns}
        if self.book.macros:
            self.notices.append(Notice("sheet_macros", {"file": self.file}))
        shown = self.book.visible_titles
        if not self.named and len(shown) > 1 and self.book.written_by != "template":  # the template's others are notes
            self.notices.append(Notice("sheet_first_only", {"file": self.file, "sheet": self.sheet.title, "count": len(shown)}))
        hidden = sorted(r for r in self.sheet.hidden_rows if r > heading_row)
        if hidden:
            self.notices.append(Notice("sheet_hidden_rows", {"file": self.file, "rows": _listing([str(r) for r in hidden])}))
        merges = _Merges(self.sheet.merges, heading_row)
        unheaded = [i for i in range(1, width + 1) if not words[i - 1]]
        # What makes a row a case: something in a column that says something of it. A measure alone does not
        # (the blank register names its measures in every row, ready to be filled in).
        telling = [c for c in columns if c.kind != "measures"]
        warned: set[int] = set()
        any_row = False
        for number, cells in self.sheet.rows(heading_row + 1, None, width):
            merges.fill(number, cells)
            for index in unheaded:  # said once per column, with the first case read after it shows
                if index not in warned and not _empty(cells[index - 1]):
                    warned.add(index)
                    where = {"file": self.file, "column": column_letters(index), "row": number}
                    self.notices.append(Notice("sheet_unheaded", where))
            if all(_empty(cells[c.index - 1]) and (number, c.index) not in self.sheet.bad_formulas for c in telling):
                continue
            label = f"{self.file}!{number}"
            any_row = True
            try:
                merges.check(number, cells, columns, self)
                root, labels = self._document(number, cells, columns)
            except ZgError as error:
                yield label, None, error
                continue
            yield label, RowDocument(self.file, self.sheet.title, label, root, headings, labels, self.notices), None
            self.notices = []  # the workbook's warnings, said once: with its first case
        if not any_row:
            raise self.error("sheet_no_rows", None, None)

    def _document(self, number: int, cells: list[Cell], columns: list[Column]) -> tuple[Mapping, dict[str, tuple[str, ...]]]:
        """The nodes a case file with the row's cells would parse into, and the labels of its options for hints."""
        meta: list[tuple[Scalar, Node]] = []
        answers: dict[str, dict[str, Node]] = {}
        labels: dict[str, tuple[str, ...]] = {}
        measures: Node | None = None
        for column in columns:
            cell = cells[column.index - 1]
            problem = self.sheet.bad_formulas.get((number, column.index))
            if problem is not None:  # its value, if any, is not one to trust
                raise self.error(f"sheet_formula_{problem}", number, column.index, column.heading)
            if _empty(cell):
                continue
            if cell.shows_error:
                raise self.error("sheet_error_value", number, column.index, column.heading, value=str(cell.value))
            words, plain = _text(cell.value)
            key_node = Scalar(number, column.index, column.key, False)
            if column.kind == "meta":
                meta.append((key_node, Scalar(number, column.index, words, plain)))
            elif column.kind == "measures":
                measures = self._measures(words, number, column.index)
            elif column.kind == "note":
                answers.setdefault(column.key, {})["note"] = Scalar(number, column.index, words, False)
            else:
                fact = self.questions.fact_by_id[column.key]
                answers.setdefault(column.key, {})["value"] = self._answer(fact, words, plain, number, column)
                if fact.type == "set":
                    labels[fact.id] = self.option_names[fact.id].labels
        top: list[tuple[Scalar, Node]] = [
            (Scalar(number, 1, "case", False), Mapping(number, 1, meta)),
            (
                Scalar(number, 1, "answers", False),
                Mapping(number, 1, [(_key(number, parts, fact), _answer_node(number, parts)) for fact, parts in answers.items()]),
            ),
        ]
        if measures is not None:
            top.append((Scalar(number, 1, "measures", False), measures))
        return Mapping(number, 1, top), labels

    def _answer(self, fact: Fact, words: str, plain: bool, row: int, column: Column) -> Node:
        if fact.type == "yesno":
            return Scalar(row, column.index, words.strip(), plain)
        words = words.strip()
        folded = normal(words)
        if folded in NONE_OF_THEM:
            return Sequence(row, column.index, [])
        if folded in UNKNOWN_WORDS:
            return Scalar(row, column.index, words, False)
        return Sequence(row, column.index, [Scalar(row, column.index, o, False) for o in self._options(fact, words)])

    def _options(self, fact: Fact, words: str) -> list[str]:
        """Option ids for a cell's words: labels and ids, separated as people separate them; unknown words as written."""
        known = self.option_names[fact.id]
        return _named(words, known.names, known.longest)

    def _measures(self, words: str, row: int, column: int) -> Sequence:
        """The measures a row names: by their names, as case files do, or as the register reads them (秭归县办法（2018）)."""
        names, longest = self.measure_names
        return Sequence(row, column, [Scalar(row, column, name, False) for name in _named(words, names, longest)])


def _named(words: str, names: dict[str, str], longest: int) -> list[str]:
    """What a cell's words name, in order: ids for the names in ``names`` (compared as :func:`normal` gives them).

    A name may itself hold a separator (改革创新、推进经济社会事业发展; 问责条例第十七、十八条（2019））:
    the longest run of pieces that is a name is taken first, up to ``longest`` pieces. Words that name
    nothing are kept as written, for the case reader to name with the nearest it knows.
    """
    pieces = _SEPARATORS.split(words)
    items, between = pieces[0::2], pieces[1::2]
    out: list[str] = []
    i = 0
    while i < len(items):
        if not items[i]:
            i += 1
            continue
        for j in range(min(len(items), i + longest) - 1, i - 1, -1):
            run = items[i] + "".join(between[k] + items[k + 1] for k in range(i, j))
            found = names.get(normal(run))
            if found is not None:
                out.append(found)
                i = j + 1
                break
        else:
            out.append(items[i])
            i += 1
    return out


def _pieces(name: str) -> int:
    return (len(_SEPARATORS.split(name.strip())) + 1) // 2


def _key(row: int, parts: dict[str, Node], fact: str) -> Scalar:
    first = parts.get("value") or parts["note"]
    return Scalar(row, first.column, fact, False)


def _answer_node(row: int, parts: dict[str, Node]) -> Node:
    if set(parts) == {"value"}:
        return parts["value"]
    first = parts.get("value") or parts["note"]
    return Mapping(row, first.column, [(Scalar(row, node.column, name, False), node) for name, node in parts.items()])


class _Options(Record):
    """A multiple-choice question's options as a register names them, in every measure's words."""

    __slots__ = ("names", "longest", "labels")

    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # an id or a label, compared as normal() gives it -> the option's id
        self.longest = 1  # the most pieces a label has (改革创新、推进经济社会事业发展: two)
        self.labels: tuple[str, ...] = ()  # as written, for a did-you-mean (one tuple, shared by every row)


def _option_names(questions: Questions) -> dict[str, _Options]:
    """Each multiple-choice question's options; each measure's own labels count, as an option two measures
    share may be worded differently in each."""
    out: dict[str, _Options] = {}
    for fact in (*questions.facts, *(f for measure in questions.measures for f in measure.facts)):
        known = out.setdefault(fact.id, _Options())
        for option in fact.options:
            known.names.setdefault(normal(option.id), option.id)
            for label in option.label.values():
                if normal(label) not in known.names:
                    known.names[normal(label)] = option.id
                    known.labels += (label,)
                    known.longest = max(known.longest, _pieces(label))
    return out


class _Merges:
    """Merged cells below the heading row, as a person reads them.

    A cell merged down several rows gives its value to each of them (a unit
    named once for its three cases). A value merged across several columns
    the register reads is ambiguous, and an error at its cell.
    """

    def __init__(self, merges: list[tuple[int, int, int, int]], heading_row: int) -> None:
        self.starting: dict[int, list[tuple[int, int, int]]] = {}  # first row -> [(first column, last row, last column)]
        for first_row, first_column, last_row, last_column in merges:
            if first_row > heading_row:
                self.starting.setdefault(first_row, []).append((first_column, last_row, last_column))
        self.active: dict[int, tuple[int, int, Cell]] = {}  # first column -> (last row, last column, the value)

    def fill(self, row: int, cells: list[Cell]) -> None:
        for column, last_row, last_column in self.starting.pop(row, ()):
            if column <= len(cells):
                self.active[column] = (last_row, last_column, cells[column - 1])
        for column, (last_row, _, cell) in list(self.active.items()):
            if row > last_row:
                del self.active[column]
            elif column <= len(cells) and _empty(cells[column - 1]):
                cells[column - 1] = cell

    def check(self, row: int, cells: list[Cell], columns: list[Column], register: _Register) -> None:
        for column, (_, last_column, cell) in self.active.items():
            if last_column == column or _empty(cell):
                continue
            covered = [c for c in columns if column <= c.index <= last_column]
            if len(covered) > 1:
                first = covered[0]
                raise register.error(
                    "sheet_merged_across", row, column, first.heading,
                    cells=f"{column_letters(column)}{row}:{column_letters(last_column)}{row}",
                )  # fmt: skip


def _empty(cell: Cell) -> bool:
    value = cell.value
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(value: object) -> str:
    return _text(value)[0] if value is not None else ""


def _text(value: object) -> tuple[str, bool]:
    """A cell's value as the text a person sees, and whether it was typed as something other than text."""
    if isinstance(value, str):
        return value.strip(), False
    if isinstance(value, bool):
        return ("true" if value else "false"), True
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        return (str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)), True
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat(), True
        return value.isoformat(" ", "minutes"), True
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat(), True
    return str(value), True


def _at(words: list[str], column: int) -> str | None:
    return words[column - 1] if 0 < column <= len(words) and words[column - 1] else None


def _is_cjk(word: str) -> bool:
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in word)


def _listing(items: list[str]) -> str:
    shown = "、".join(items[:_LISTED])
    return shown + (f" … (+{len(items) - _LISTED})" if len(items) > _LISTED else "")
