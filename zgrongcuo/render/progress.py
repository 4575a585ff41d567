"""A progress bar for long batches read by people: on a terminal's stderr, never for output meant for scripts.

Text shows one; so do the documents for people (Markdown, HTML, Word and any
other format that is not for scripts) when they are written into files or a
folder, where nothing else would appear on the screen while they are made.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

from zgrongcuo.render.registry import OutputFormat
from zgrongcuo.text.catalogue import text

PROGRESS_FROM = 200  # cases; below this a batch is over before a bar helps


def wanted(fmt: OutputFormat, *, into_files: bool = False) -> bool:
    """Whether a batch shows a bar: a terminal to draw it in, and text, or documents for people written to files."""
    if not sys.stderr.isatty():
        return False
    return fmt is OutputFormat.text or (into_files and not fmt.for_scripts)


def shown(total: int | None) -> bool:
    """Whether a batch of ``total`` cases (None: not counted) is long enough for the bar."""
    return total is not None and total >= PROGRESS_FROM


@contextlib.contextmanager
def progress(total: int | None, lang: str) -> Iterator[Callable[[], None]]:
    """A bar on stderr for a batch of ``total`` cases; nothing when ``total`` is None or small."""
    if total is None or not shown(total):
        yield lambda: None
        return
    from zgrongcuo.render.terminal import progress_bar

    with progress_bar(total, text("progress", lang)) as advance:
        yield advance
