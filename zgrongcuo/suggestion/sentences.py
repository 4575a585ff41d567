"""A written account cut the way Chinese is written: sentences, the clauses within them, and quotations.

A sentence ends at 。！？；(and their ASCII forms) or a line break, with any
closing quotation marks after them, and where an ellipsis closes a
quotation (“……”).  Within a sentence, ，：(and ASCII , :) end a clause: the
scope of a negation.  The list mark 、 does not end a clause (it joins the
items of one), but a negation does not reach across it.

Everything here works on one string, the account's blocks joined by line
breaks, and on positions in it, so that a phrase found anywhere can be placed
in its sentence and clause by bisection.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from zgrongcuo.model.base import Record

_SENTENCE_END = re.compile(r"[。！？!?；;\n]+[”’」』\"'）)]*|…+[”’」』]+")
_CLAUSE_END = re.compile(r"[，,：:]")
OPENING = "“‘「『"
CLOSING = "”’」』"
_PAIRS = dict(zip(OPENING, CLOSING, strict=True))
MAX_QUOTE_DEPTH = 8  # quotations within quotations, followed this deep
_MARKS = re.compile("[" + OPENING + CLOSING + '"\n]')
_QUOTES_LOOKED_AT = 64  # quotations opened before a phrase that are tried as holding it


# What cleaning has to look at: controls, invisible format characters, and spaces other than the plain one.
_UNUSUAL = re.compile("[\x00-\x1f\x7f-\x9f\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\ufeff\ufff9-\ufffb]")


def cleaned(block: str) -> str:
    """A block as it is read: control and invisible format characters (bidi controls among them) taken out.

    Zero-width characters inside a phrase would hide it from the reader, and
    bidi controls would make the sentence shown differ from the one read.
    Tabs become spaces; line breaks stay (they end sentences).
    """
    if not _UNUSUAL.search(block):  # the usual text: nothing to take out
        return block
    out = []
    for ch in block.replace("\r\n", "\n").replace("\r", "\n"):
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif ch.isprintable() or ch == "\u3000":
            out.append(ch)
        elif unicodedata.category(ch) in ("Zs",):
            out.append(" ")
        # else: a control or format character (Cc, Cf, line and paragraph separators): left out
    return "".join(out)


class Sentence(Record):
    """A sentence: where it is in the account's text, and its words without the space around them."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start  # of its first character that is not space
        self.end = end  # after its last, the ending punctuation included
        self.text = text


class Layout:
    """An account's text with its sentences, clause ends and quotations found once."""

    __slots__ = ("text", "sentences", "_starts", "_clause_ends", "quotes", "_openings")

    def __init__(self, blocks: tuple[str, ...] | list[str]) -> None:
        self.text = "\n".join(cleaned(b) for b in blocks)
        self.sentences = _sentences(self.text)
        self._starts = [s.start for s in self.sentences]
        self._clause_ends = [m.start() for m in _CLAUSE_END.finditer(self.text)]
        self.quotes = _quotes(self.text)  # (opening, closing) positions, in order of opening
        self._openings = [q[0] for q in self.quotes]

    def sentence_at(self, position: int) -> int | None:
        """The index of the sentence holding ``position``; None between sentences."""
        i = bisect_right(self._starts, position) - 1
        if i < 0 or position >= self.sentences[i].end:
            return None
        return i

    def clause(self, position: int, sentence: Sentence) -> tuple[int, int]:
        """The clause holding ``position``: from after the clause mark before it to the next one (within the sentence)."""
        i = bisect_right(self._clause_ends, position - 1)
        start = self._clause_ends[i - 1] + 1 if i > 0 else sentence.start
        end = self._clause_ends[i] if i < len(self._clause_ends) else sentence.end
        return max(start, sentence.start), min(end, sentence.end)

    def quote_opened_at(self, position: int) -> tuple[int, int] | None:
        """The quotation whose opening mark is at ``position``, if it has a closing one."""
        i = bisect_right(self._openings, position) - 1
        if i >= 0 and self.quotes[i][0] == position:
            return self.quotes[i]
        return None

    def quote_around(self, start: int, end: int) -> tuple[int, int] | None:
        """The innermost quotation that holds ``start:end``, as (opening, closing) positions."""
        i = bisect_right(self._openings, start)
        for opening, closing in reversed(self.quotes[max(i - _QUOTES_LOOKED_AT, 0) : i]):
            if end <= closing:
                return opening, closing
        return None


def _sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        out.append(Sentence(start, stop, text[start:stop]))


def _quotes(text: str) -> list[tuple[int, int]]:
    """Pairs of quotation marks, innermost ones too; a mark without its partner opens or closes nothing.

    A quotation does not outlast its paragraph; ASCII double quotes pair in turn within a line.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    ascii_open: int | None = None
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _PAIRS:
            if len(stack) < MAX_QUOTE_DEPTH:
                stack.append((_PAIRS[ch], i))
        elif ch in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        elif ch == '"':
            if ascii_open is None:
                ascii_open = i
            else:
                spans.append((ascii_open, i))
                ascii_open = None
        elif ch == "\n":
            stack.clear()
            ascii_open = None
    spans.sort()
    return spans
