"""Laying text out in a fixed width: Chinese breaks between characters, other text at spaces."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\s+|[\x21-\x7e]+|.", re.DOTALL)
# Closing punctuation stays on the line before it (避头点).
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)]}")
_NO_LINE_END = set("（《「『“‘")  # and opening punctuation stays with what follows (避尾点)


def columns(value: str) -> int:
    """Terminal columns ``value`` takes: East Asian wide characters take two."""
    if value.isascii():
        return len(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def wrap(value: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns: Chinese breaks between characters, other text at spaces.

    Closing punctuation never starts a line and opening punctuation never ends
    one: what stands before a closing mark goes down with it — the character,
    or the whole word or number ("2018.1" is never cut), and any closing marks
    before it too ("”。" stay together).
    """
    lines: list[str] = []
    line: list[str] = []  # the tokens of the line being filled
    used = 0  # the columns ``line`` takes, kept as it grows
    for token in _TOKEN.findall(value):
        if token.isspace():
            if line:
                line.append(" ")
                used += 1
            continue
        size = columns(token)
        if line and used + size > width:
            carry: list[str] = []
            if token in _NO_LINE_START:
                while len(line) > 1 and not line[-1].isspace():
                    carry.insert(0, line.pop())
                    if carry[0] not in _NO_LINE_START:
                        break
            while line and (line[-1] in _NO_LINE_END or (line[-1] == " " and len(line) > 1 and line[-2] in _NO_LINE_END)):
                carry.insert(0, line.pop())
            text = "".join(line).rstrip()
            if text:
                lines.append(text)
            line, used = carry, sum(columns(t) for t in carry)
        line.append(token)
        used += size
    text = "".join(line).rstrip()
    if text:
        lines.append(text)
    return lines or [""]
