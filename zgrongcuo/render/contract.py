"""The one contract every output format keeps.

A renderer formats determinations; it never computes them.  The batch asks
the engine for counterfactuals when ``explains`` is true, so they are
computed once, where the case is evaluated.  ``prepare`` turns a case's
determinations — one per measure, in the order the measures were given —
into a payload (in a worker process with ``--jobs``, for the formats that
can: ``parallel``), and ``emit`` writes payloads in the order of the cases,
in the main process.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, Protocol

from zgrongcuo.model.determination import Determination

if TYPE_CHECKING:
    from zgrongcuo.errors import ZgError
    from zgrongcuo.render.similar_view import SearchView
    from zgrongcuo.render.view import DeterminationView, Tally


class RenderOptions:
    """What every renderer is told: the language, whether a batch is coming, and the report time stamp."""

    __slots__ = ("lang", "batch", "explain", "detail", "measures", "precedents", "_generated")

    def __init__(
        self,
        lang: str,
        *,
        batch: bool = False,
        explain: bool = False,
        detail: bool = False,
        generated: str | None = None,
        measures: int = 1,
        precedents: SearchView | None = None,
    ) -> None:
        self.lang = lang
        self.batch = batch  # several cases: a summary at the end, an array in JSON
        self.measures = measures  # how many measures each case is checked against
        self.precedents = precedents  # text, one case: the nearest published cases (a SearchView), shown before the outcome
        self.explain = explain  # JSON and JSONL: add what would change the outcome
        self.detail = detail  # text: every element in full tables, not the one-screen summary
        self._generated = generated

    @property
    def several(self) -> bool:
        """Several determinations are coming: several cases, or one case under several measures."""
        return self.batch or self.measures > 1

    @property
    def generated(self) -> str:
        """The time every report of this run is stamped with (taken once, when first asked)."""
        if self._generated is None:
            self._generated = generated_at()
        return self._generated


def generated_at() -> str:
    """Now, to the minute, with the UTC offset; SOURCE_DATE_EPOCH fixes it for reproducible files."""
    import os
    from datetime import UTC, datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    else:
        moment = datetime.now().astimezone()
    return moment.strftime("%Y-%m-%d %H:%M %z").replace("+0000", "UTC")


class Renderer:
    """Base of every renderer. Subclasses implement ``emit`` and may override the rest."""

    parallel = False  # prepare() may run in a worker process, and its payload pickles
    explains = False  # shows what would change the outcome: the engine must compute it

    def __init__(self, out: IO[Any] | None, options: RenderOptions) -> None:
        """``out`` is the stream to write to: text, or bytes for a binary format; None is standard output."""
        self.options = options
        self.lang = options.lang

    def prepare(self, ds: tuple[Determination, ...]) -> object:
        """The payload ``emit`` writes for one case's determinations (one per measure); by default they themselves."""
        return ds

    def emit(self, payload: object) -> None:
        raise NotImplementedError

    def determinations(self, ds: tuple[Determination, ...]) -> None:
        """Format one case's determinations now (``emit(prepare(ds))``)."""
        self.emit(self.prepare(ds))

    def determination(self, d: Determination) -> None:
        """Format one case's only determination now."""
        self.emit(self.prepare((d,)))

    def failure(self, file: str, error: ZgError) -> None:
        """A case file that could not be loaded (the error itself goes to stderr)."""

    def close(self) -> None:
        """End the output: a summary, a closing bracket, the bytes of a document."""


class DocumentFormat(Protocol):
    """A report format's module: whole documents, one per case (a view per measure), and a batch summary."""

    SUFFIX: str

    def document(self, views: list[DeterminationView]) -> str | bytes: ...

    def summary_document(self, tally: Tally, generated: str) -> str | bytes: ...
