"""The progress bar's policy: text, and documents for people written into files or a folder; never data for scripts."""

import io
import sys

from conftest import EXAMPLES
from test_checklist import run

from zgrongcuo import batch
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.render.contract import RenderOptions
from zgrongcuo.render.destination import Destination
from zgrongcuo.render.progress import progress, shown, wanted
from zgrongcuo.render.registry import OutputFormat


class Terminal(io.StringIO):
    def isatty(self):
        return True


def on_a_terminal(monkeypatch):
    """Standard error as a terminal (set in the test itself: pytest's capture resets it after fixtures)."""
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys, "stderr", Terminal())
    return sys.stderr


def test_documents_for_people_written_to_files_show_a_bar(monkeypatch):
    on_a_terminal(monkeypatch)
    for fmt in OutputFormat:
        assert wanted(fmt, into_files=True) == (fmt.value not in ("json", "jsonl", "csv")), fmt
    assert wanted(OutputFormat.text)
    for fmt in (OutputFormat.markdown, OutputFormat.html, OutputFormat.docx):
        assert not wanted(fmt)  # onto standard output the documents themselves show the work going on


def test_never_without_a_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not any(wanted(fmt, into_files=True) for fmt in OutputFormat)


def test_the_bar_is_drawn_while_a_folder_is_written_and_one_line_says_what_was_written(monkeypatch, tmp_path):
    terminal = on_a_terminal(monkeypatch)
    asked = questions(load_measures((None,)))
    said = []
    folder = tmp_path / "reports"
    options = RenderOptions("zh", batch=True)
    destination = Destination(OutputFormat.markdown, str(folder), options, force=False, say=said.append)
    tasks = list(batch.tasks_for([str(EXAMPLES)])) * 30  # the same cases again and again: a batch long enough for a bar
    assert shown(len(tasks))
    destination.one_line_for_files()
    with progress(len(tasks), "zh") as advance:
        for result in batch.run(iter(tasks), asked, destination.renderer):
            destination.renderer.emit(result.payload)
            advance()
        destination.renderer.close()
    assert destination.finish() == []
    written = len(list(folder.iterdir()))
    assert written == len(tasks) + 1  # every case (named -2, -3… when the same id comes again) and the summary
    assert said == [f"已写入 {written} 个文件，在 {folder}"]
    assert "核查中" in terminal.getvalue()


def test_each_file_is_named_as_written_when_no_bar_is_shown(tmp_path):
    said = run([EXAMPLES], "markdown", str(tmp_path / "out"))
    assert len(said) == len(list(EXAMPLES.glob("*.yaml"))) and all(line.startswith("已写入 ") for line in said)
