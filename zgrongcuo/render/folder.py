"""Reports into a folder: one file per case, named from the case, and a summary file for a batch.

The screening opinion is written in a report format's own layout; other
papers (the 核实清单, the application form) by their renderer, without a summary.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zgrongcuo.errors import ZgError
from zgrongcuo.io.files import write_new
from zgrongcuo.model.determination import Determination
from zgrongcuo.render.contract import DocumentFormat, Renderer, RenderOptions
from zgrongcuo.render.view import Tally, build
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import file_stem

if TYPE_CHECKING:
    from zgrongcuo.render.documents import PaperRenderer

SUMMARY_STEM = "summary"


def report_stem(d_or_file: Determination | str) -> str:
    """A report's file name without suffix: the case id, else the case file's stem."""
    if isinstance(d_or_file, str):
        file, case_id = d_or_file, None
    else:
        file, case_id = d_or_file.case.file, d_or_file.case.meta.get("id")
    if case_id:
        return file_stem(case_id)
    return file_stem("stdin" if file == "-" else Path(file).stem) or "case"


class FolderWriter(Renderer):
    """Writes one report per case into a folder, and the summary at the end of a batch."""

    explains = True

    def __init__(
        self,
        document_format: DocumentFormat | None,
        folder: Path,
        options: RenderOptions,
        *,
        force: bool,
        say: Callable[[str], None],
        summary: bool = True,
        paper: PaperRenderer | None = None,
    ) -> None:
        super().__init__(None, options)
        self.format = document_format
        self.paper = paper  # another paper than the opinion: one per case, no summary
        self.suffix = paper.SUFFIX if paper is not None else document_format.SUFFIX if document_format is not None else ""
        self.folder = folder
        self.force = force
        self.say = say
        self.summary = summary and paper is None
        self.tally = Tally(options.lang)
        self.used = {SUMMARY_STEM.lower()}
        self.errors: list[ZgError] = []
        self.say_each = True  # False: one line at the end for all the files written (a progress bar is on the screen)
        self.written = 0

    def _name(self, stem: str) -> Path:
        # Two cases with the same id in one batch get -2, -3…; a rerun names them the same way.
        candidate, n = stem, 2
        while candidate.lower() in self.used:
            candidate = f"{stem}-{n}"
            n += 1
        self.used.add(candidate.lower())
        return self.folder / f"{candidate}{self.suffix}"

    def _write(self, path: Path, data: str | bytes) -> bool:
        try:
            write_new(path, data, force=self.force)
        except ZgError as error:
            self.errors.append(error.at(file=str(path)))
            return False
        self.written += 1
        if self.say_each:
            self.say(text("wrote", self.lang, file=str(path)))
        return True

    def emit(self, payload: object) -> None:
        assert isinstance(payload, tuple)
        path = self._name(report_stem(payload[0]))
        if self.paper is not None:
            data = self.paper.document(payload)
        else:
            assert self.format is not None
            data = self.format.document([build(d, self.lang, generated=self.options.generated) for d in payload])
        self.tally.add(payload, path.name if self._write(path, data) else "")

    def failure(self, file: str, error: ZgError) -> None:
        self.tally.fail(file, error)

    def close(self) -> None:
        if self.summary and self.tally.total and self.format is not None:
            data = self.format.summary_document(self.tally, self.options.generated)
            self._write(self.folder / f"{SUMMARY_STEM}{self.suffix}", data)
        if not self.say_each and self.written:
            self.say(text("wrote_count", self.lang, count=self.written, folder=str(self.folder)))
