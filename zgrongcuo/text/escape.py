"""Text from files and people made safe for each kind of output: one escaper per kind, used everywhere.

Text from a case file, a criteria file, a file name or the interview never acts
in an output (docs/security.md). Small pure functions, applied where text
enters an output:

- :func:`visible` for every output read by people: control characters (but tab
  and line feed), a carriage return that does not end a line, bidirectional
  controls (which reorder what a reader sees) and lone surrogates (the
  undecodable bytes of a file name) are shown as escapes such as ``\\x1b``,
  ``\\r``, ``\\u202e`` or ``\\udcff``.
- :func:`one_line` for what stands on a line of its own (a title, a file name,
  a heading): line breaks shown as ``\\n`` too, the line and paragraph
  separators (U+2028, U+2029) among them.
- :func:`quoted` for what a message quotes of what someone wrote (a path, a
  key, a value, an option): :func:`one_line`, and the characters that show as
  nothing (a zero-width space, a soft hyphen, a variation selector) as escapes
  too, so that ``con\\u200btext`` is not read as ``context``.
- :func:`markdown` and :func:`html` for text inside those markups, visible
  first. (Rich markup strings: ``rich.markup.escape(visible(text))``, in the
  two modules that import Rich; cells drawn as ``Text`` are never markup.)
- :func:`utf8` for JSON and other machine-read output: the text exactly as it
  is, as UTF-8, with a lone surrogate written as the escape that JSON reads
  back as that character (``json.loads`` and ``os.fsencode`` give back the
  undecodable bytes of a file name).
- :func:`file_stem` for a file name made from a case (a report, a saved interview).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

# C0 controls but tab and line feed, DEL, C1 controls, the Bidi_Control characters
# (ALM, LRM, RLM, the embeddings and overrides, the isolates) and lone surrogates.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
# The line and paragraph separators: line breaks to some readers (YAML, JavaScript, some terminals).
_SEPARATORS = "\u2028\u2029"
# What shows as nothing at all (Unicode's default-ignorable code points, less those above): a message
# quoting a value must show that it is there.
_INVISIBLE = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2060-\u2065\u206a-\u206f\u3164"
    "\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)


@functools.cache
def _pattern(which: str) -> re.Pattern[str]:
    # Compiled when first used: every run imports this module (error messages use it), few escape anything.
    return re.compile(
        {
            "visible": f"\r\n|[{_UNSAFE}]",
            "one_line": f"[\n{_SEPARATORS}{_UNSAFE}]",
            "quoted": f"[\n{_SEPARATORS}{_UNSAFE}{_INVISIBLE}]",
            "markdown": r"([\\`*_\[\]<>|#~])",
            "file_name": f'[<>:"/\\\\|?*\\s{_UNSAFE}{_INVISIBLE}]+',
        }[which]
    )


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    if found == "\r\n":
        return "\n"  # a line end as Windows writes it: a line end
    if found == "\r":
        return "\\r"
    if found == "\n":
        return "\\n"
    code = ord(found)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with everything that would act instead of being read shown as an escape; tabs and lines kept."""
    pattern = _pattern("visible")
    return pattern.sub(_escape, text) if pattern.search(text) else text


def one_line(text: str) -> str:
    """``text`` as :func:`visible` shows it, on one line: line breaks shown as ``\\n``."""
    text = text.replace("\r\n", "\n")
    pattern = _pattern("one_line")
    return pattern.sub(_escape, text) if pattern.search(text) else text


def quoted(text: str) -> str:
    """``text`` as a message quotes it: :func:`one_line`, and what would show as nothing shown as an escape too."""
    text = text.replace("\r\n", "\n")
    pattern = _pattern("quoted")
    return pattern.sub(_escape, text) if pattern.search(text) else text


def quoted_params(params: Mapping[str, object]) -> dict[str, object]:
    """A message's parameters with every text among them ``quoted``: what someone wrote never acts, and shows."""
    return {key: quoted(value) if isinstance(value, str) else value for key, value in params.items()}


def markdown(value: str) -> str:
    """``value`` inside Markdown: made visible, markup characters escaped, line breaks kept as ``<br>``.

    A line break must not end the paragraph, table cell or list item it stands
    in: a multi-line quote or note stays where it was written.
    """
    escaped = _pattern("markdown").sub(r"\\\1", visible(value))
    return escaped.replace("\n", "<br>")


def html(value: object) -> str:
    """``value`` inside HTML text or a quoted attribute: made visible, then escaped."""
    from html import escape

    return escape(visible(str(value)), quote=True)


def utf8(text: str) -> bytes:
    """``text`` as UTF-8, exactly; a lone surrogate (not a character) as its ``\\udcXX`` escape."""
    return text.encode("utf-8", "backslashreplace")


_RESERVED_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))})
NAME_LIMIT = 80  # characters of a text kept in a file name


def file_stem(text: str) -> str:
    """A file name (without suffix) made from ``text``, e.g. a case id; empty if nothing of it is usable.

    The one policy for names made from what people wrote: path separators, the
    characters Windows refuses, control and bidirectional characters (a name
    that reorders itself could pass for another), lone surrogates and blanks
    become ``-``, runs of them one; no leading dot (a hidden file), no name
    Windows reserves (``CON`` becomes ``case-CON``), at most 80 characters.
    """
    stem = "-".join(part for part in _pattern("file_name").sub("-", text.strip()).split("-") if part)
    stem = stem[:NAME_LIMIT].strip(". -")  # no hidden files, no names Windows trims
    if stem.lower().split(".")[0] in _RESERVED_NAMES:
        stem = "case-" + stem
    return stem


# Characters XML 1.0 cannot hold (control characters but tab and line ends): the loaders refuse them in case
# files, and a Word document or a workbook must not fail on one that reaches it another way.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """``value`` with what XML cannot hold shown as U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def shortened(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters, the last an ellipsis, where it is longer."""
    return value if len(value) <= limit else value[: limit - 1] + "…"
