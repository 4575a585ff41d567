"""The one error hierarchy: every error carries where it happened and a message id."""

from __future__ import annotations

from zgrongcuo import messages


class ZgError(Exception):
    """An error in something the user gave us: a file, a key, an argument.

    The text lives in the message catalogue under ``msg_id``; ``params`` fill
    it in.  ``line`` and ``column`` are 1-based.
    """

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
        **params: object,
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

    def __reduce__(self):
        # Errors travel from worker processes (--jobs) with all their fields.
        return (_rebuild, (type(self), self.msg_id, self.__dict__))

    def message(self, lang: str) -> str:
        """The message alone, without the location."""
        text = messages.text(self.msg_id, lang, **self.params)
        if self.suggestion:
            end = text[-1:] if text[-1:] in ".。" else ""
            text = text.removesuffix(end) + messages.text("did_you_mean", lang, suggestion=self.suggestion) + end
        return text

    def location(self) -> str:
        parts = [self.file or "-"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self, lang: str) -> str:
        """One paragraph: where, which key, what is wrong, and the line quoted."""
        head = self.location()
        if self.key:
            head += messages.text("key_in_location", lang, key=self.key)
        text = head + messages.text("location_sep", lang) + self.message(lang)
        if self.excerpt is not None:
            text += f"\n    {self.excerpt}"
            if self.column is not None:
                text += "\n    " + _caret_pad(self.excerpt, self.column) + "^"
        return text

    def to_json(self, lang: str) -> dict[str, object]:
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


def _rebuild(cls: type[ZgError], msg_id: str, fields: dict) -> ZgError:
    error = cls.__new__(cls)
    Exception.__init__(error, msg_id)
    error.__dict__.update(fields)
    return error


def _caret_pad(line: str, column: int) -> str:
    # East Asian wide characters take two cells in a terminal.
    import unicodedata

    cells = 0
    for ch in line[: max(column - 1, 0)]:
        cells += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return " " * cells


class CriteriaError(ZgError):
    """The criteria file cannot be used."""


class CaseError(ZgError):
    """A case file cannot be loaded."""


class UsageError(ZgError):
    """The command line asks for something that cannot be done."""


def suggest(word: str, candidates: object) -> str | None:
    """The closest candidate to a misspelt ``word``, if one is close."""
    import difflib

    found = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return found[0] if found else None
