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
  a heading): line breaks shown as ``\\n`` too.
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

# C0 controls but tab and line feed, DEL, C1 controls, the Bidi_Control characters
# (ALM, LRM, RLM, the embeddings and overrides, the isolates) and lone surrogates.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"


@functools.cache
def _pattern(which: str) -> re.Pattern[str]:
    # Compiled when first used: every run imports this module (error messages use it), few escape anything.
    return re.compile(
        {
            "visible": f"\r\n|[{_UNSAFE}]",
            "one_line": f"[\n{_UNSAFE}]",
            "markdown": r"([\\`*_\[\]<>|#~])",
            "file_name": f'[<>:"/\\\\|?*\\s{_UNSAFE}]+',
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
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with everything that would act instead of being read shown as an escape; tabs and lines kept."""
    pattern = _pattern("visible")
    return pattern.sub(_escape, text) if pattern.search(text) else text


def one_line(text: str) -> str:
    """``text`` as :func:`visible` shows it, on one line: line breaks shown as ``\\n``."""
    text = text.replace("\r\n", "\n")
    pattern = _pattern("one_line")
    return pattern.sub(_escape, text) if pattern.search(text) else text


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
