"""Text from files and people made safe for each kind of output: one escaper per kind, used everywhere."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def markdown(value: str) -> str:
    """``value`` inside Markdown: markup characters escaped, line breaks kept as ``<br>``.

    A line break must not end the paragraph, table cell or list item it stands
    in: a multi-line quote or note stays where it was written.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", value)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
