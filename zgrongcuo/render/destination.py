"""Where output goes: standard output, a file written at the end, or a folder of reports.

A file named with ``-o`` is written only when the output is complete, through a
temporary file, never over an existing one without ``--force``.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable

from zgrongcuo.errors import UsageError, ZgError
from zgrongcuo.io.files import check_replaceable, write_new
from zgrongcuo.render.contract import Renderer, RenderOptions
from zgrongcuo.render.registry import OutputFormat, document_format, make_renderer
from zgrongcuo.text.catalogue import text

_DATA_FORMATS = ("json", "jsonl", "csv")  # for scripts: a case that could not be loaded is data too


class Destination:
    """The renderer for ``--format`` and ``-o``, and what to do when it is closed."""

    def __init__(
        self,
        fmt: OutputFormat,
        output: str | None,
        options: RenderOptions,
        *,
        force: bool,
        say: Callable[[str], None],
    ) -> None:
        self.output, self.force, self.say, self.lang, self.fmt = output, force, say, options.lang, fmt
        self.sink: io.StringIO | io.BytesIO | None = None
        self.folder = None
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
        if output is None:
            self.renderer = make_renderer(fmt, None, options)
            return
        if fmt.is_report and (options.batch or os.path.isdir(output)):
            if os.path.exists(output) and not os.path.isdir(output):
                raise UsageError("output_not_folder", file=output)
            from pathlib import Path

            from zgrongcuo.render.folder import FolderWriter

            # One case into an existing folder is named as in a batch, without a summary.
            self.folder = FolderWriter(document_format(fmt), Path(output), options, force=force, say=say, summary=options.batch)
            self.renderer = self.folder
            return
        if not os.path.isdir(output):
            check_replaceable(output, force=force)  # refused before anything is computed
        self.sink = io.BytesIO() if fmt.binary else io.StringIO()
        self.renderer = make_renderer(fmt, self.sink, options)

    def finish(self, *, checked: bool = True) -> list[ZgError]:
        """Write the output file, if there is one; the files that could not be written.

        ``checked``: some case was checked. When none was, a document for people
        (text, Markdown, HTML, Word) would say nothing of the case: no file is
        written. JSON, JSONL and CSV still are, with what could not be loaded in them.
        """
        errors = list(self.folder.errors) if self.folder is not None else []
        if self.sink is not None and self.output is not None:
            content = self.sink.getvalue()
            if not content or not (checked or self.fmt.value in _DATA_FORMATS):
                self.say(text("nothing_written", self.lang, file=self.output))
                return errors
            write_new(self.output, content, force=self.force)
            self.say(text("wrote", self.lang, file=self.output))
        return errors
