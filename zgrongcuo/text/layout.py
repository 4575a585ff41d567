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
    one: the character before a closing mark goes down with it.
    """
    lines, line, used = [], "", 0  # used: the columns ``line`` takes, kept as it grows
    for token in _TOKEN.findall(value):
        if token.isspace():
            if line:
                line += " "
                used += 1
            continue
        size = columns(token)
        if line and used + size > width:
            carry = ""
            if token in _NO_LINE_START and len(line) > 1 and not line[-1].isspace():
                carry, line = line[-1], line[:-1]
                # A run of closing marks ("）。") goes down with the character before the first of them.
                while carry[0] in _NO_LINE_START and len(line) > 1 and not line[-1].isspace():
                    carry, line = line[-1] + carry, line[:-1]
            while line and line[-1] in _NO_LINE_END:
                carry, line = line[-1] + carry, line[:-1]
            if line.strip():
                lines.append(line.rstrip())
            line, used = carry, columns(carry)
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]
