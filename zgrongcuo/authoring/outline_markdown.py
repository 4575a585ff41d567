"""A measure's outline as Markdown, for documentation (`criteria show --format markdown`)."""

from __future__ import annotations

from typing import TextIO

from zgrongcuo.authoring.outline import HEADING, NOTE, QUOTE, SECTION, TITLE, OutlineItem
from zgrongcuo.text.escape import markdown as escape


def _code(value: str | None) -> str:
    return f" `{value}`" if value else ""


def _line(node: OutlineItem) -> str:
    words = escape(node.text)
    if node.kind == QUOTE:
        words = f"*{words}*"
    return words + ("" if node.kind == NOTE else _code(node.code))


def render(root: OutlineItem, out: TextIO) -> None:
    """Write the outline: sections and headings as Markdown headings, the rest as nested lists."""
    out.write(f"# {escape(root.text)}\n\n")
    for child in root.children:
        _block(child, out, level=2)


def _block(node: OutlineItem, out: TextIO, *, level: int) -> None:
    if node.kind in (SECTION, HEADING, TITLE):
        out.write(f"{'#' * min(level, 6)} {escape(node.text)}{_code(node.code)}\n\n")
        lists = [c for c in node.children if c.kind not in (SECTION, HEADING)]
        for child in lists:
            _item(child, out, depth=0)
        if lists:
            out.write("\n")
        for child in node.children:
            if child.kind in (SECTION, HEADING):
                _block(child, out, level=level + 1)
    else:
        out.write(_line(node) + "\n\n")


def _item(node: OutlineItem, out: TextIO, *, depth: int) -> None:
    out.write(f"{'  ' * depth}- {_line(node)}\n")
    for child in node.children:
        _item(child, out, depth=depth + 1)
