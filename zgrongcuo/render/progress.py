"""A progress bar for long batches read by people: on a terminal's stderr, for text output only."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

from zgrongcuo.render.registry import OutputFormat
from zgrongcuo.text.catalogue import text

PROGRESS_FROM = 200  # cases; below this a batch is over before a bar helps


def wanted(fmt: OutputFormat) -> bool:
    """Text for people, and a terminal to draw a bar in."""
    return fmt is OutputFormat.text and sys.stderr.isatty()


@contextlib.contextmanager
def progress(total: int | None, lang: str) -> Iterator[Callable[[], None]]:
    """A bar on stderr for a batch of ``total`` cases; nothing when ``total`` is None or small."""
    if total is None or total < PROGRESS_FROM:
        yield lambda: None
        return
    from zgrongcuo.render.terminal import progress_bar

    with progress_bar(total, text("progress", lang)) as advance:
        yield advance
