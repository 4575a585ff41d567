"""-o and --save: a folder, a file written as it comes, and every refusal before the first question."""

from __future__ import annotations

import os
import tracemalloc

import pytest

from hardening.adversary import ARTICLE_CASE, ROOT, invoke
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.render.contract import RenderOptions
from zgrongcuo.render.destination import Destination
from zgrongcuo.render.registry import OutputFormat

# The article's case, answered in the order the interview asks (its outcome: exempt).
ANSWERS = "2\n3\n1\n是\n否\n是\n是\n否\n否\n否\n否\n"
SUFFIX = {"markdown": ".md", "html": ".html", "json": ".json", "docx": ".docx", "text": ".txt", "csv": ".csv", "jsonl": ".jsonl"}


def _formats() -> list[str]:
    try:
        import docx  # noqa: F401
    except ImportError:
        return ["markdown", "html", "json", "text"]
    return ["markdown", "html", "json", "text", "docx"]


# ------------------------------------------------------------ a folder


@pytest.mark.parametrize("fmt", _formats())
def test_one_case_into_a_folder_that_does_not_exist_yet(tmp_path, fmt):
    folder = tmp_path / "意见稿"
    result = invoke("check", ARTICLE_CASE, "--format", fmt, "-o", f"{folder}{os.sep}")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in folder.iterdir()] == [f"ZG-2014-57{SUFFIX[fmt]}"]
    assert f"wrote {folder}{os.sep}ZG-2014-57{SUFFIX[fmt]}" in result.stderr.decode()


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_ask_writes_into_a_new_folder_and_loses_nothing_with_no_save(tmp_path, fmt):
    result = invoke("ask", "--no-meta", "--no-save", "--format", fmt, "-o", "意见稿/", input=ANSWERS, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [report] = (tmp_path / "意见稿").iterdir()
    assert report.suffix == SUFFIX[fmt] and report.stat().st_size > 0
    assert report.stem.startswith("zgrongcuo-")  # no id: named as the interview names a case, not "stdin"


def test_a_path_ending_with_a_slash_that_is_a_file_is_refused_before_anything(tmp_path):
    taken = tmp_path / "意见稿"
    taken.write_text("mine\n")
    for args in (["check", ARTICLE_CASE], ["ask", "--no-meta", "--no-save"]):
        result = invoke(*args, "--format", "markdown", "-o", f"{taken}/", input=ANSWERS)
        assert result.returncode == 2
        assert "this is an existing file" in result.stderr.decode()
        assert "[1/" not in result.stderr.decode()  # not one question was asked
    assert taken.read_text() == "mine\n"


def test_a_batch_of_one_stream_into_a_folder_is_refused_before_anything(tmp_path):
    result = invoke("check", ROOT / "examples", "--format", "json", "-o", f"{tmp_path / 'out'}/")
    assert result.returncode == 2
    assert "cannot go into a folder" in result.stderr.decode() and result.stdout == b""
    assert not (tmp_path / "out").exists()


def test_a_folder_that_cannot_be_made_is_refused_before_the_first_question(tmp_path):
    (tmp_path / "file").write_text("x")
    result = invoke("ask", "--no-meta", "--no-save", "-f", "markdown", "-o", f"{tmp_path / 'file' / 'sub'}/", input=ANSWERS)
    assert result.returncode == 2
    assert "is a file, not a folder" in result.stderr.decode() and "[1/" not in result.stderr.decode()


def test_a_report_name_taken_in_the_folder_gets_the_next_free_one_when_asked(tmp_path):
    from zgrongcuo.render.folder import FolderWriter

    (tmp_path / "ZG-2014-57.md").write_text("an earlier report\n")
    criteria = criteria_builder.load()
    d = evaluate(criteria, case_reader.load(str(ARTICLE_CASE), criteria), explain=True)
    said: list[str] = []
    writer = FolderWriter(OutputFormat.markdown, tmp_path, RenderOptions("en"), force=False, say=said.append, summary=False, fresh=True)
    writer.determinations((d,))
    writer.close()
    assert writer.errors == [] and (tmp_path / "ZG-2014-57-2.md").exists()
    assert (tmp_path / "ZG-2014-57.md").read_text() == "an earlier report\n"


# ------------------------------------------------------------ --save and -o refused before the first question


@pytest.fixture(params=["link", "fifo", "device link"])
def unreplaceable(request, tmp_path):
    path = tmp_path / "target.yaml"
    if request.param == "link":
        (tmp_path / "real.yaml").write_text("answers: {}\n")
        path.symlink_to(tmp_path / "real.yaml")
    elif request.param == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/null")
    return path


@pytest.mark.parametrize("option", ["--save", "-o"])
def test_what_force_may_not_replace_is_refused_before_the_first_question(unreplaceable, option):
    result = invoke("ask", "--no-meta", option, unreplaceable, "--force", input=ANSWERS)
    assert result.returncode == 2, result.stderr
    err = result.stderr.decode()
    assert "[1/" not in err and "ask --case" not in err  # no question asked, no resume command that fails alike
    assert "only a regular file" in err


# ------------------------------------------------------------ -o written as it comes


def test_o_writes_as_the_output_comes_and_holds_no_copy_of_it(tmp_path):
    criteria = criteria_builder.load()
    ds = (evaluate(criteria, case_reader.load(str(ARTICLE_CASE), criteria)),)
    target = tmp_path / "out.jsonl"
    destination = Destination(OutputFormat.jsonl, str(target), RenderOptions("en", batch=True), force=False, say=lambda _: None)
    renderer = destination.renderer
    payload = renderer.prepare(ds)
    cases = 3000
    tracemalloc.start()
    try:
        for _ in range(cases):
            renderer.emit(payload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    written = len(payload) * cases
    assert written > 4 << 20
    assert peak < written // 8, (peak, written)  # the output is on disk, not in memory
    assert not target.exists()  # nothing is in place before the output is complete
    renderer.close()
    destination.finish()
    assert target.stat().st_size == written
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left


def test_an_interrupted_run_leaves_no_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "new" / "out.json"
    destination = Destination(OutputFormat.json, str(target), RenderOptions("en"), force=False, say=lambda _: None)
    assert list(tmp_path.iterdir()) == [tmp_path / "new"]  # made now, so that a refusal comes first
    destination.discard()
    assert list(tmp_path.iterdir()) == []  # the folder made for it goes too


# ------------------------------------------------------------ Word: long titles, one bad case


def test_a_long_title_keeps_every_character_on_the_page(tmp_path):
    docx = pytest.importorskip("docx")
    title = "某镇推进重点项目中的失误" * 25
    case = tmp_path / "long.yaml"
    case.write_text(ARTICLE_CASE.read_text(encoding="utf-8").replace("  title: ", f"  title: {title} #", 1), encoding="utf-8")
    out = tmp_path / "long.docx"
    result = invoke("check", case, "--format", "docx", "-o", out)
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    assert len(document.core_properties.title) <= 255
    assert title in document.paragraphs[0].text


def test_one_report_that_cannot_be_made_stops_none_of_the_others(tmp_path, monkeypatch):
    from zgrongcuo.errors import InternalError
    from zgrongcuo.render import markdown

    real = markdown.document

    def failing(views):
        if views[0].case_title.startswith("ZG-2014-57"):
            raise ValueError("a bug in one report")
        return real(views)

    monkeypatch.setattr(markdown, "document", failing)
    from zgrongcuo.render.folder import FolderWriter

    criteria = criteria_builder.load()
    writer = FolderWriter(OutputFormat.markdown, tmp_path, RenderOptions("en", batch=True), force=False, say=lambda _: None)
    examples = sorted((ROOT / "examples").glob("*.yaml"))
    for path in examples:
        writer.determinations((evaluate(criteria, case_reader.load(str(path), criteria), explain=True),))
    writer.close()
    assert [type(e) for e in writer.errors] == [InternalError]
    assert len(list(tmp_path.glob("*.md"))) == len(examples)  # every other report, and the summary


def test_the_printed_resume_command_writes_into_the_folder_too(tmp_path):
    import shlex

    first = invoke("ask", "--no-meta", "--format", "markdown", "-o", "意见稿/", input="2\n3\n", cwd=tmp_path)
    assert first.returncode == 2  # the answers ran out: a draft and the command to go on
    line = next(line for line in first.stderr.decode().splitlines() if "zgrongcuo ask --case" in line)
    words = shlex.split(line[line.index("zgrongcuo ask") :])
    assert words[words.index("-o") + 1] == "意见稿/"
    rest = "1\n是\n否\n是\n是\n否\n否\n否\n否\n"
    resumed = invoke(*words[1:], input=rest, cwd=tmp_path)
    assert resumed.returncode == 0, resumed.stderr
    [report] = (tmp_path / "意见稿").iterdir()
    assert report.suffix == ".md" and "(exempt" in report.read_text(encoding="utf-8")


def test_when_the_o_file_cannot_be_written_at_the_end_ask_shows_the_outcome(tmp_path, monkeypatch):
    from zgrongcuo.errors import ZgError
    from zgrongcuo.io import files

    def full(self):
        self.discard()
        raise ZgError("write_error", file=self.target, detail="No space left on device")

    monkeypatch.setattr(files.PendingFile, "commit", full)
    result = invoke("ask", "--no-meta", "--no-save", "--format", "json", "-o", tmp_path / "x.json", input=ANSWERS)
    assert result.returncode == 2
    assert "No space left on device" in result.stderr.decode()
    assert "(exempt)" in result.stdout.decode()  # the interview's result is not lost with the file
    assert list(tmp_path.iterdir()) == []
