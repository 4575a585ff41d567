"""The one error hierarchy: every error carries where it happened and a message id."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zgrongcuo.text import catalogue
from zgrongcuo.text.escape import quoted


class ZgError(Exception):
    """An error in something the user gave us: a file, a key, an argument.

    What a caller can read, each None where it does not apply:

    - ``file``: the file as it was named (a case file, a criteria file);
    - ``line``, ``column``: where in it, 1-based;
    - ``key``: the key path of the offending value, as ``answers.causes[2]`` or ``facts[diligent].options``;
    - ``suggestion``: the near name meant, where one is close (an option id, a key, a fact id);
    - ``msg_id``: which message it is, stable across versions and languages (``unknown_option``);
    - ``params``: the values the message is worded with;
    - ``others``: the further problems found in the same file, each a ZgError of its own (empty when none),
      and ``more``: True when there were more than could be kept.

    ``message(lang)`` words it, ``render(lang)`` as the command line prints it
    (with the place and the line quoted), ``to_json(lang)`` as JSON gives it.
    """

    file: str | None
    line: int | None
    column: int | None
    key: str | None
    suggestion: str | None
    msg_id: str
    params: dict[str, Any]
    # Further problems found in the same file, in the order found (at most MAX_ERRORS in all);
    # ``more``: there were more than that.
    others: tuple[ZgError, ...] = ()
    more: bool = False

    def __init__(
        self,
        msg_id: str,
        /,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        suggestion: str | None = None,
        excerpt: str | None = None,
        **params: Any,
    ) -> None:
        self.msg_id = msg_id
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.suggestion = suggestion
        self.excerpt = excerpt
        self.params = params
        super().__init__(msg_id)

    def __str__(self) -> str:
        return self.render("en")

    def __reduce__(self) -> tuple[object, ...]:
        # Errors travel from worker processes (--jobs) with all their fields.
        return (_rebuild, (type(self), self.msg_id, self.__dict__))

    def message(self, lang: str) -> str:
        """The message alone, without the location."""
        params = {
            k: _shown(v, None if isinstance(v, Listing) else MAX_SHOWN) if isinstance(v, str) else v
            for k, v in self.params.items()
        }
        text = catalogue.text(self.msg_id, lang, **params)
        if self.suggestion:
            end = text[-1:] if text[-1:] in ".。" else ""
            text = text.removesuffix(end) + catalogue.text("did_you_mean", lang, suggestion=_shown(self.suggestion)) + end
        return text

    def __repr__(self) -> str:
        where = ", ".join(f"{k}={getattr(self, k)!r}" for k in ("file", "line", "column", "key", "suggestion") if getattr(self, k) is not None)
        return f"{type(self).__name__}({self.msg_id!r}{', ' + where if where else ''})"

    def location(self) -> str:
        parts = [_shown(self.file, limit=None) if self.file else "-"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def problems(self) -> tuple[ZgError, ...]:
        """This problem and the others found in the same file."""
        return (self, *self.others)

    def render(self, lang: str) -> str:
        """A paragraph per problem: where, which key, what is wrong, and the line quoted."""
        return "\n".join(self.paragraphs(lang))

    def paragraphs(self, lang: str) -> list[str]:
        """This problem's paragraph, each other problem's, and a last one when more were found than are shown."""
        out = [problem._render(lang) for problem in self.problems()]
        if self.more:
            out.append(catalogue.text("more_errors", lang, limit=MAX_ERRORS))
        return out

    def _render(self, lang: str) -> str:
        if self.file is None and self.key is None:  # about the command line, not a file: the message alone
            text = self.message(lang)
        else:
            head = self.location()
            if self.key:
                head += catalogue.text("key_in_location", lang, key=_shown(self.key))
            text = head + catalogue.text("location_sep", lang) + self.message(lang)
        if self.excerpt is not None:
            excerpt, column = _window(self.excerpt, self.column)
            text += f"\n    {excerpt}"
            if column is not None:
                text += "\n    " + _caret_pad(excerpt, column) + "^"
        return text

    def to_json(self, lang: str) -> dict[str, object]:
        """The message and its place, as the JSON of a case that could not be loaded gives them."""
        return {
            "message": self.message(lang),
            "line": self.line,
            "column": self.column,
            "key": self.key,
        }

    def at(self, **where: object) -> ZgError:
        """Fill in location fields that are still empty (e.g. the file name)."""
        for name, value in where.items():
            if getattr(self, name) is None:
                setattr(self, name, value)
        return self


def _rebuild(cls: type[ZgError], msg_id: str, fields: dict[str, object]) -> ZgError:
    error = cls.__new__(cls)
    Exception.__init__(error, msg_id)
    error.__dict__.update(fields)
    return error


MAX_SHOWN = 200  # characters of a user's value quoted in a message
MAX_ERRORS = 20  # problems reported of one file: enough to fix a file in one go, never a flood
MAX_EXCERPT = 120  # characters of an offending line quoted under a message


class Listing(str):
    """What the tool lists in a message (the outcomes a measure has, say): escaped like any text, never shortened."""

    __slots__ = ()


def _escape(text: str) -> str:
    # What a user wrote is shown, never sent to the terminal as it is: control characters
    # (terminal escapes among them), line breaks, bidirectional controls, undecodable bytes,
    # and what shows as nothing (a zero-width space in a key would pass for the key).
    return quoted(text)


def _shown(value: str, limit: int | None = MAX_SHOWN) -> str:
    """A user's value as quoted in a message: escaped, and shortened if very long."""
    if limit is not None and len(value) > limit:  # keep both ends: a key path's last part matters most
        value = value[: limit // 2] + "…" + value[len(value) - (limit - limit // 2 - 1) :]
    return _escape(value)


def _window(line: str, column: int | None) -> tuple[str, int | None]:
    """The part of a long line around ``column`` (1-based) as shown, and the column within what is shown."""
    start = 0
    if len(line) > MAX_EXCERPT:
        start = max(0, min((column or 1) - 1 - MAX_EXCERPT // 2, len(line) - MAX_EXCERPT))
    end = min(len(line), start + MAX_EXCERPT)
    prefix = "…" if start else ""
    shown = prefix + _escape(line[start:end]) + ("…" if end < len(line) else "")
    if column is None:
        return shown, None
    return shown, len(prefix + _escape(line[start : max(column - 1, start)])) + 1


def _caret_pad(line: str, column: int) -> str:
    # East Asian wide characters take two cells in a terminal.
    import unicodedata

    pad = []
    for ch in line[: max(column - 1, 0)]:
        # A tab stays a tab so that the caret lines up under a tab-indented line.
        pad.append("\t" if ch == "\t" else "  " if unicodedata.east_asian_width(ch) in "WF" else " ")
    return "".join(pad)


class CriteriaError(ZgError):
    """The criteria file cannot be used."""


class CaseError(ZgError):
    """A case file cannot be loaded."""


class UsageError(ZgError):
    """The command line asks for something that cannot be done."""


class InternalError(ZgError):
    """A bug met in one case's output: reported with that case, the others still done; the run ends with 70."""


class OutputError(ZgError):
    """Standard output cannot be written (a full disk, a closed descriptor): exit 2, never an internal error."""


def gathered(errors: list[ZgError], *, more: bool = False) -> ZgError:
    """The first of ``errors``, carrying the others (one error to raise for every problem found in a file)."""
    first = errors[0]
    first.others = tuple(errors[1:MAX_ERRORS])
    first.more = more or len(errors) > MAX_ERRORS
    return first


def suggest(word: str, candidates: Iterable[object]) -> str | None:
    """The closest candidate to a misspelt ``word``, if one is close."""
    import difflib

    found = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return found[0] if found else None


class SheetError(CaseError):
    """A cell of a workbook that cannot be read: located as Excel names it (``台账.xlsx!D7``), with sheet and heading.

    ``line`` and ``column`` are the cell's row and column numbers, and ``key``
    the column's heading as written, so that JSON carries them as it does a
    case file's line, column and key.
    """

    def __init__(self, msg_id: str, /, *, sheet: str | None = None, **fields: Any) -> None:
        super().__init__(msg_id, **fields)
        self.sheet = sheet

    def location(self) -> str:
        file = _shown(self.file, limit=None) if self.file else "-"
        if self.line is None:
            return file
        if self.column is None:
            return f"{file}!{self.line}:{self.line}"  # a whole row, as Excel names one
        return f"{file}!{cell_name(self.line, self.column)}"

    def _render(self, lang: str) -> str:
        head = self.location()
        if self.sheet is not None:
            head += catalogue.text("sheet.in_location", lang, sheet=_shown(self.sheet))
        if self.key:
            head += catalogue.text("sheet.column_in_location", lang, header=_shown(self.key))
        return head + catalogue.text("location_sep", lang) + self.message(lang)


def cell_name(row: int, column: int) -> str:
    """A cell as Excel names it: D7."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"
