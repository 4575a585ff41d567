"""The words that answer a yes/no question, the same in case files and in the interview (SPEC.md)."""

from __future__ import annotations

import re

# The plain words people type count as well as the canonical ones (SPEC.md, "Case files").
# In a multiple-choice question of the interview 无 and 没有 mean "none of them" instead
# (interview.replies): only a yes/no answer reads these sets.
YES_WORDS = frozenset({"true", "yes", "y", "是", "有", "对", "经过"})
NO_WORDS = frozenset({"false", "no", "n", "否", "没有", "无", "不是", "未", "不对"})
UNKNOWN_WORDS = frozenset({"unknown", "不确定", "?", "？", "不知道", "不清楚", "待核实"})
# "None of them" for a multiple-choice question, in a register's cell (and, with its menu's 0, in the interview).
NONE_OF_THEM = frozenset({"none", "无", "都不是", "没有", "都没有", "均无"})

NOT_A_WORD = object()  # what yes_no_word gives for a word outside the vocabulary

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line ends are text


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
