"""Where output goes: standard output, a file written as it comes, or a folder of reports.

A file named with ``-o`` is written as the output comes, into a temporary file
in its folder, and put in place only when complete: memory stays flat however
many cases there are, and an existing file is never replaced without
``--force``.  A folder (a path ending with ``/``, or one that exists) gets a
report per case, or the one case's output, named after the case.  Whatever can
be refused is refused when the destination is made, before any case is
checked or any question asked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.io.files import PendingFile, names_folder, unwritable_folder
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.registry import OutputFormat, make_renderer
from zgrongcuo.text.catalogue import text
from zgrongcuo.text.escape import quoted

if TYPE_CHECKING:
    from zgrongcuo.render.documents import PaperRenderer
    from zgrongcuo.render.folder import FolderWriter


class Destination:
    """The renderer for ``--format`` and ``-o``, and what to do when it is closed.

    ``fresh_names``: a report into a folder that already holds one of its name
    takes the next free name (``ZG-2014-57-2.docx``) instead of failing: an
    interview's answers are not to be lost to a name taken.  ``unnamed``: what a
    case with neither an id nor a file is named after in a folder.
    """

    def __init__(
        self,
        fmt: OutputFormat,
        output: str | None,
        options: RenderOptions,
        *,
        force: bool,
        say: Callable[[str], None],
        fresh_names: bool = False,
        unnamed: str = "stdin",
        document: str = "opinion",
    ) -> None:
        """``document``: the screening opinion, or another paper made from it (``render.documents``)."""
        self.output, self.force, self.say, self.lang, self.fmt = output, force, say, options.lang, fmt
        self.pending: PendingFile | None = None
        self.stream: IO[Any] | None = None
        self.folder: FolderWriter | None = None
        paper: type[PaperRenderer] | None = None
        if document != "opinion":
            from zgrongcuo.render.documents import Document, paper_class

            paper = paper_class(Document(document), fmt)  # a format the paper does not come in is refused here
        to_stdout = output == "-"  # explicitly standard output, e.g. a Word document into a pipe
        if to_stdout:
            self.output = output = None
        if fmt is OutputFormat.docx:
            from zgrongcuo.render.word import require

            require()
            if options.batch and output is None:
                raise UsageError("docx_batch_needs_output")
            if output is None and (not to_stdout or sys.stdout.isatty()):
                raise UsageError("docx_needs_output")
        elif fmt.binary and output is None and (not to_stdout or sys.stdout.isatty()):
            raise UsageError("binary_needs_output", format=fmt.value)
        self.renderer: Renderer

        def made(out: IO[Any] | None) -> Renderer:
            return paper(out, options) if paper is not None else make_renderer(fmt, out, options)

        if output is None:
            self.renderer = made(None)
            return
        if names_folder(output) or os.path.isdir(output) or (fmt.is_report and options.batch):
            self.renderer = self.folder = self._folder(fmt, output, options, fresh_names, unnamed, paper)
            return
        self.pending = PendingFile(output, force=force)  # refused now, before anything is computed
        self.stream = self.pending.buffer if fmt.binary else self.pending.text()
        self.renderer = made(self.stream)

    def _folder(
        self,
        fmt: OutputFormat,
        output: str,
        options: RenderOptions,
        fresh: bool,
        unnamed: str,
        paper: type[PaperRenderer] | None,
    ) -> FolderWriter:
        from pathlib import Path

        from zgrongcuo.render.folder import FolderWriter

        bare = output.rstrip(os.sep + (os.altsep or "")) or output  # "意见稿/" is looked at as "意见稿"
        if os.path.lexists(bare) and not os.path.isdir(bare):
            raise UsageError("output_not_folder", file=output)
        if options.batch and not fmt.is_report:  # one stream of many cases: it has no one case to be named after
            raise UsageError("output_folder_one_file", file=output, format=fmt.value)
        problem = unwritable_folder(output)
        if problem is not None:
            reason, detail = problem
            if reason == "folder_is_file":
                raise ZgError("output_folder_is_file", file=output, folder=detail or "")
            raise ZgError("write_error", file=output, detail=detail or "")
        # One case into a folder is named as in a batch, without a summary.
        return FolderWriter(
            fmt,
            Path(output),
            options,
            force=self.force,
            say=self.say,
            summary=options.batch,
            fresh=fresh,
            unnamed=unnamed,
            paper=paper(None, options) if paper is not None else None,
        )

    def one_line_for_files(self) -> None:
        """A folder of reports says how many files it wrote, at the end, rather than each (a progress bar shows them)."""
        if self.folder is not None:
            self.folder.say_each = False

    def finish(self, *, checked: bool = True) -> list[ZgError]:
        """Put the output file in place, if there is one; the files that could not be written.

        ``checked``: some case was checked. When none was, a document for people
        (text, Markdown, HTML, Word) would say nothing of the case: no file is
        written. JSON, JSONL and CSV still are, with what could not be loaded in them.
        """
        errors = list(self.folder.errors) if self.folder is not None else []
        if self.pending is not None and self.output is not None:
            assert self.stream is not None
            self.stream.flush()
            if not self.pending.size() or not (checked or self.fmt.for_scripts):  # for scripts, a failed case is data too
                self.discard()
                self.say(text("nothing_written", self.lang, file=quoted(self.output)))
                return errors
            pending, self.pending = self.pending, None
            pending.commit()
            self.say(text("wrote", self.lang, file=quoted(self.output)))
        return errors

    def discard(self) -> None:
        """Leave nothing behind: the command ended before its output was complete."""
        if self.pending is not None:
            self.pending.discard()
            self.pending = None
