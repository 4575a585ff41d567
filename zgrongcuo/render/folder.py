"""Outputs into a folder: one file per case, named from the case, and a summary file for a batch of reports.

The screening opinion is written in its format's own layout; other papers
(the 核实清单, the application form) by their renderer, without a summary.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zgrongcuo.errors import InternalError, ZgError
from zgrongcuo.io.files import unused, write_new
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.registry import OutputFormat, document_format, make_renderer
from zgrongcuo.render.view import Tally, build
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import file_stem, quoted

if TYPE_CHECKING:
    from zgrongcuo.render.documents import PaperRenderer

SUMMARY_STEM = "summary"


def report_stem(d_or_file: Determination | str, unnamed: str = "stdin") -> str:
    """A report's file name without suffix: the case id, else the case file's stem (``unnamed`` for one without a file)."""
    if isinstance(d_or_file, str):
        file, case_id = d_or_file, None
    else:
        file, case_id = d_or_file.case.file, d_or_file.case.meta.get("id")
    if case_id:
        return file_stem(case_id) or "case"
    return file_stem(unnamed if file == "-" else Path(file).stem) or "case"


class FolderWriter(Renderer):
    """Writes one file per case into a folder, and the summary at the end of a batch of reports.

    Report formats make a document per case; the formats of one stream (text,
    JSON, JSONL, CSV) write the one case's output as they would to a file.  A
    report that cannot be made or written is an error for that case alone: the
    others are still written.  ``fresh``: a name already taken in the folder
    gets the next free one (``-2``) rather than an error.
    """

    def __init__(
        self,
        fmt: OutputFormat,
        folder: Path,
        options: RenderOptions,
        *,
        force: bool,
        say: Callable[[str], None],
        summary: bool = True,
        fresh: bool = False,
        unnamed: str = "stdin",
        paper: PaperRenderer | None = None,
    ) -> None:
        super().__init__(None, options)
        self.fmt = fmt
        self.paper = paper  # another paper than the opinion: one per case, no summary
        self.format = document_format(fmt) if fmt.is_report and paper is None else None
        self.suffix = paper.SUFFIX if paper is not None else fmt.suffix
        self.folder = folder
        self.force, self.fresh = force, fresh
        self.unnamed = unnamed  # the name of a case that has neither an id nor a file (standard input, an interview)
        self.say = say
        self.summary = summary and paper is None
        self.tally = Tally(options.lang)
        self.used = {SUMMARY_STEM.lower()}
        self.errors: list[ZgError] = []
        # What the format's own renderer computes (what would change the outcome), this one asks for too.
        if paper is not None:
            self.explains = paper.explains
        else:
            self.explains = True if self.format is not None else self._single(options).explains
        self.say_each = True  # False: one line at the end for all the files written (a progress bar is on the screen)
        self.written = 0

    def _single(self, options: RenderOptions, out: io.StringIO | io.BytesIO | None = None) -> Renderer:
        return make_renderer(self.fmt, out if out is not None else (io.BytesIO() if self.fmt.binary else io.StringIO()), options)

    def _name(self, stem: str) -> Path:
        # Two cases with the same id in one batch get -2, -3…; a rerun names them the same way.
        candidate, n = stem, 2
        while candidate.lower() in self.used:
            candidate = f"{stem}-{n}"
            n += 1
        self.used.add(candidate.lower())
        return self.folder / f"{candidate}{self.suffix}"

    def _write(self, path: Path, data: str | bytes) -> Path | None:
        """Write one file; the path written, or None (the error kept for the end)."""
        for _attempt in range(100):
            try:
                write_new(path, data, force=self.force)
            except ZgError as error:
                if self.fresh and error.msg_id == "file_exists":
                    path = Path(unused(path))
                    continue
                self.errors.append(error.at(file=str(path)))
                return None
            self.written += 1
            if self.say_each:
                self.say(text("wrote", self.lang, file=quoted(str(path))))
            return path
        return None  # pragma: no cover - a hundred names taken while trying

    def _document(self, payload: tuple[Determination, ...]) -> str | bytes:
        if self.paper is not None:
            return self.paper.document(payload)
        if self.format is not None:
            return self.format.document([build(d, self.lang, generated=self.options.generated) for d in payload])
        out: io.StringIO | io.BytesIO = io.BytesIO() if self.fmt.binary else io.StringIO()
        options = RenderOptions(self.lang, explain=self.options.explain, detail=self.options.detail, measures=len(payload))
        renderer = self._single(options, out)
        renderer.determinations(payload)
        renderer.close()
        return out.getvalue()

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        path = self._name(report_stem(payload[0], self.unnamed))
        try:
            data = self._document(payload)
        except ZgError as error:
            self.errors.append(error.at(file=str(path)))
            self.tally.add(payload, "")
            return
        except Exception as exc:  # noqa: BLE001 - a bug in making one report: the others are still made
            self.errors.append(InternalError("report_failed", file=str(path), detail=f"{type(exc).__name__}: {exc}"))
            self.tally.add(payload, "")
            return
        written = self._write(path, data)
        self.tally.add(payload, written.name if written is not None else "")

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file, error)

    def close(self) -> None:
        if self.format is not None and self.summary and self.tally.total:
            data = self.format.summary_document(self.tally, self.options.generated)
            self._write(self.folder / f"{SUMMARY_STEM}{self.suffix}", data)
        if not self.say_each and self.written:
            self.say(text("wrote_count", self.lang, count=self.written, folder=quoted(str(self.folder))))
