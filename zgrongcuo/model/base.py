"""The one style of record class: slotted, with the ``__init__`` written out.

They are what ``@dataclass(slots=True)`` would give: a dataclass compiles its
methods when its module is imported, and with some twenty of them on the path
of every ``check`` that was a sizeable share of start-up.
"""

from __future__ import annotations

I18n = dict[str, str]  # language code -> text


class Record:
    """Fields are the ``__slots__`` of the class and its bases; repr shows them."""

    __slots__ = ()

    @classmethod
    def _fields(cls) -> tuple[str, ...]:
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            slots = klass.__dict__.get("__slots__", ())
            names.extend(slots if isinstance(slots, tuple) else (slots,))
        return tuple(n for n in names if not n.startswith("_"))

    def __repr__(self) -> str:
        values = ", ".join(f"{name}={getattr(self, name, None)!r}" for name in self._fields())
        return f"{type(self).__name__}({values})"


class ValueRecord(Record):
    """A record that equals another of its class with equal fields, and hashes accordingly."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self._fields())

    def __hash__(self) -> int:
        return hash(tuple(_hashable(getattr(self, n)) for n in self._fields()))


class Cited(Record):
    """What a part of a measure rests on: the measure's words, their basis, a note on the reading, its line."""

    __slots__ = ("quote", "basis", "note", "line")

    def _cite(self, quote: str | None, basis: str | None, note: I18n | None, line: int | None) -> None:
        self.quote = quote  # the measure's own words, word for word
        self.basis = basis  # a key of the criteria's bases: the measure, national rules, practice, interpretation
        self.note = note  # how the words are read, where that needs saying
        self.line = line  # in the criteria file


def _hashable(value: object) -> object:
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    return value
