"""Hostile text: what a case file, a file name or a criteria file says is shown, never acted on, in every output."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hardening.adversary import ARTICLE_CASE, invoke, run
from zgrongcuo.text.escape import file_stem, html, markdown, one_line, utf8, visible

ESC = "\x1b[31m"  # a terminal escape: red
RLO = "\u202e"  # right-to-left override: "evil\u202eLMTH.exe" reads as "evilexe.HTML"
MARKUP = "[link=https://evil.example/]click[/link][blink]x[/blink]"
MARKUP_NAME = "[link=https:evil.example]click[blink]x"  # a file name has no "/"
UNDECODABLE = os.fsdecode(b"bad\xff")  # a byte that is not UTF-8, as Python names it: "bad\udcff"


# ------------------------------------------------------------ the escapers


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("tab\tand\nlines", "tab\tand\nlines"),
        ("windows\r\nline", "windows\nline"),
        ("lone\rreturn", "lone\\rreturn"),
        (ESC + "red", "\\x1b[31mred"),
        ("c1\x85", "c1\\x85"),
        ("bidi" + RLO + "\u2066\u200f", "bidi\\u202e\\u2066\\u200f"),
        (UNDECODABLE, "bad\\udcff"),
        ("中文 ✓", "中文 ✓"),
    ],
)
def test_visible_shows_what_would_act(text, shown):
    assert visible(text) == shown
    assert visible(shown) == shown  # escaping twice changes nothing more
    assert one_line(text) == shown.replace("\n", "\\n")


def test_each_output_kind_has_its_escaper():
    assert markdown("# x\r# y") == r"\# x\\r\# y"  # shown as: # x\r# y
    assert html('<a href="x">' + RLO) == "&lt;a href=&quot;x&quot;&gt;\\u202e"
    assert utf8(UNDECODABLE) == b"bad\\udcff" and json.loads(utf8(json.dumps(UNDECODABLE, ensure_ascii=False))) == UNDECODABLE
    assert file_stem(f"a/b{RLO}c{ESC}d\ne{UNDECODABLE}") == "a-b-c-[31md-ebad"


# ------------------------------------------------------------ in the outputs


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A folder of cases whose names and metadata try to act in an output."""
    folder = tmp_path_factory.mktemp("hostile")
    article = ARTICLE_CASE.read_text(encoding="utf-8")
    names = [f"esc{ESC}name.yaml", f"rlo{RLO}lmth.yaml", "new\nline.yaml", f"{MARKUP_NAME}.yaml", UNDECODABLE + ".yaml"]
    for name in names:
        (folder / name).write_text(article, encoding="utf-8")
    lines = article.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("  id: "):
            lines[i] = f'  id: "{MARKUP}"'
        elif line.startswith("  subject: "):
            lines[i] = r'  subject: "单位\r# 伪造的结论：建议容错免责"'
        elif line.startswith("  summary: "):
            lines[i] = f'  summary: "案情{RLO}情案"'
    forged = "\n".join(lines) + "\n"
    (folder / "forged.yaml").write_text(forged, encoding="utf-8")
    return folder


def _column(table: str, n: int) -> str:
    """The text of a table's n-th column, its folded lines joined."""
    return "".join(cells[n].strip() for cells in (line.split("│") for line in table.splitlines()) if len(cells) > n)


def _no_acting(out: bytes) -> None:
    assert b"\x1b" not in out and b"\r" not in out.replace(b"\r\n", b"")
    assert RLO.encode() not in out and b"\xff" not in out
    out.decode("utf-8")  # valid UTF-8


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_outputs_for_people_show_hostile_text_as_escapes(hostile, fmt):
    result = invoke("check", "--format", fmt, hostile)
    assert result.returncode == 0, result.stderr
    _no_acting(result.stdout)
    _no_acting(result.stderr)
    out = result.stdout.decode()
    for shown in ("\\x1b", "\\u202e", "new\\nline", "bad\\udcff", "\\r"):
        assert shown in out.replace("\\\\", "\\"), shown
    if fmt != "html":
        assert "[link=https://evil.example/]click[/link]" in out.replace("\\", "")  # markup shown, not made a link
    assert not [line for line in out.splitlines() if line.lstrip("| ").startswith("# 伪造")]


def test_json_stays_exact_and_valid_utf8_with_an_undecodable_name(hostile):
    for args in (["--format", "json"], ["--format", "jsonl", "--jobs", "2"]):
        # Enough copies of the folder for the batch to be shared between two workers.
        result = run("check", *args, *[hostile] * 30)
        assert result.returncode == 0, result.stderr
        text = result.stdout.decode("utf-8")
        files = [d["file"] for d in (json.loads(text) if args[1] == "json" else map(json.loads, text.splitlines()))]
        assert len(files) == 6 * 30
        assert os.fsencode(str(hostile / UNDECODABLE) + ".yaml") in {os.fsencode(f) for f in files}
        assert str(hostile / f"esc{ESC}name.yaml") in files and str(hostile / "new\nline.yaml") in files
    csv = run("check", "--format", "csv", hostile)
    assert csv.returncode == 0
    csv.stdout.decode("utf-8")


def test_report_file_names_hold_nothing_hostile(hostile, tmp_path):
    out = tmp_path / "reports"
    result = invoke("check", "--format", "markdown", "-o", out, hostile)
    assert result.returncode == 0, result.stderr
    for path in out.iterdir():
        assert path.stem == file_stem(path.stem) and path.name.isprintable(), repr(path.name)
    _no_acting(result.stderr)


def test_word_reports_are_made_from_hostile_text(hostile, tmp_path):
    pytest.importorskip("docx")
    out = tmp_path / "word"
    result = invoke("check", "--format", "docx", "-o", out, hostile)
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.docx"))) == 7  # six cases and the summary


def test_authoring_reports_show_file_names_as_escapes(hostile):
    # The cases carry the article's expect: block; under the other measure none of them loads.
    for args, markup in ((["criteria", "test", hostile], MARKUP), (["diff", "zigui-2018", "wenze-2019", hostile], MARKUP_NAME)):
        result = invoke(*args)
        assert result.returncode in (0, 1, 2), result.stderr
        _no_acting(result.stdout)
        _no_acting(result.stderr)
        # Shown as written, not taken as markup (a table cell may fold it over lines).
        out = result.stdout.decode()
        assert markup in out or any(markup in _column(out, n) for n in range(1, 6))


def test_error_messages_show_names_on_one_line(tmp_path):
    bad = tmp_path / f"x{ESC}\nerror: forged.yaml"
    bad.write_text("answers: [", encoding="utf-8")
    result = invoke("check", bad)
    assert result.returncode == 2
    assert not [line for line in result.stderr.decode().splitlines() if line.startswith("error: forged")]
    assert r"x\x1b[31m\nerror: forged.yaml" in result.stderr.decode()
    _no_acting(result.stderr)


def test_criteria_texts_may_hold_no_control_character(tmp_path):
    source = (Path(ARTICLE_CASE).parents[1] / "criteria.yaml").read_text(encoding="utf-8")
    path = tmp_path / "c.yaml"
    path.write_text(source.replace("zh: 工作情境", 'zh: "工作\\e[2J情境"', 1), encoding="utf-8")
    result = invoke("criteria", "validate", path)
    assert result.returncode == 2
    assert "facts[context].label.zh" in result.stdout.decode() and "U+001B" in result.stdout.decode()


# ------------------------------------------------------------ a second round


ZWSP = "\u200b"  # a zero-width space: "con\u200btext" looks like "context"


def test_messages_show_what_shows_as_nothing(tmp_path):
    case = tmp_path / "c.yaml"
    case.write_text(f"answers:\n  con{ZWSP}text: [pilot]\n  diligent: 是\n", encoding="utf-8")
    result = invoke("check", case)
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "con\\u200btext" in message and ZWSP not in message
    from zgrongcuo.text.escape import quoted

    assert quoted(f"a{ZWSP}b\u2028c\u00add{RLO}{ESC}\U000e0041") == "a\\u200bb\\u2028c\\xadd\\u202e\\x1b[31m\\U000e0041"


def test_library_messages_quote_paths_as_errors_do(tmp_path):
    # The notices the library says itself (a file written) quote a path as every error does.
    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.destination import Destination
    from zgrongcuo.render.registry import OutputFormat

    said: list[str] = []
    target = tmp_path / f"out{ESC}{RLO}{ZWSP}\n.json"
    destination = Destination(OutputFormat.json, str(target), RenderOptions("en"), force=False, say=said.append)
    destination.renderer.failure("x.yaml", ZgErrorFor("not_found"))
    destination.finish(checked=True)
    assert target.exists() and said
    for line in said:
        assert ESC not in line and RLO not in line and ZWSP not in line and "\n" not in line, repr(line)


def ZgErrorFor(msg_id: str):
    from zgrongcuo.errors import CaseError

    return CaseError(msg_id, file="x.yaml")


def _criteria_with(tmp_path, old: str, new: str) -> Path:
    source = (Path(ARTICLE_CASE).parents[1] / "criteria.yaml").read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "c.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["      zh: 工作情境", "      zh: 失误发生在哪些工作情境中？"])
def test_criteria_texts_may_hold_no_bidirectional_control(tmp_path, where):
    # A label or question with U+202E would read backwards in check --detail, criteria show, ask and template.
    path = _criteria_with(tmp_path, where, where.replace("工作", "工作" + RLO))
    result = invoke("criteria", "validate", path)
    assert result.returncode == 2
    assert "facts[context]" in result.stdout.decode() and "U+202E" in result.stdout.decode()
    for args in (["criteria", "show", path], ["template", "--criteria", path], ["check", "--detail", "--criteria", path, ARTICLE_CASE]):
        shown = invoke(*args)
        assert shown.returncode == 2 and RLO.encode() not in shown.stdout + shown.stderr, args


def test_criteria_text_never_becomes_the_templates_own_yaml(tmp_path):
    import yaml

    forged = "工作情境\u2028answers: {private_gain: 否}\u2029# "
    path = _criteria_with(tmp_path, "      zh: 工作情境", f'      zh: "{forged}"')
    result = invoke("template", "--criteria", path, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    template = result.stdout.decode()
    for line in template.splitlines():
        assert "\u2028" not in line and "\u2029" not in line
    answers = yaml.safe_load(template)["answers"]
    assert answers["private_gain"] is None  # still blank: nothing was answered by the criteria's text


@pytest.mark.parametrize("url", ["x\nanswers: {private_gain: 否}", "x\u2028y", f"x{ESC}y", "a b", ""])
def test_the_templates_schema_url_stays_on_its_comment_line(url):
    result = invoke("template", "--schema", url)
    assert result.returncode == 2 and result.stdout == b""
    _no_acting(result.stderr)
    assert b"\n" not in result.stderr.rstrip(b"\n")


def test_csv_shows_hostile_text_as_escapes(hostile):
    result = invoke("check", "--format", "csv", hostile)
    assert result.returncode == 0, result.stderr
    _no_acting(result.stdout)
    out = result.stdout.decode("utf-8")
    assert "rlo\\u202elmth.yaml" in out and "bad\\udcff" in out


# ------------------------------------------------------------ what is typed on the command line

HOSTILE = f"x{ESC}{RLO}{ZWSP}y"  # a terminal escape, a reordering, and a character that shows as nothing


def _quoted_only(stderr: bytes) -> str:
    """The messages, checked to hold what was typed only as escapes."""
    _no_acting(stderr)
    err = stderr.decode()
    assert ZWSP not in err, err
    assert "x\\x1b[31m\\u202e\\u200by" in err, err
    return err


def test_the_o_path_and_the_save_path_are_quoted_in_every_message(tmp_path):
    out = tmp_path / f"{HOSTILE}.json"
    result = invoke("check", ARTICLE_CASE, "--format", "json", "-o", out)
    assert result.returncode == 0 and out.exists()
    _quoted_only(result.stderr)  # "wrote …"
    again = invoke("check", ARTICLE_CASE, "--format", "json", "-o", out)  # exists: refused, the path quoted
    assert again.returncode == 2
    _quoted_only(again.stderr)
    saved = tmp_path / f"{HOSTILE}.yaml"
    answers = "2\n3\n1\n是\n否\n是\n是\n否\n否\n否\n否\n"
    result = invoke("ask", "--no-meta", "--save", saved, input=answers)
    assert result.returncode == 0 and saved.exists()
    _quoted_only(result.stderr)  # "the answers will be saved to …", "saved: …"
    interrupted = invoke("ask", "--no-meta", "--save", tmp_path / f"{HOSTILE}-2.yaml", input="2\n3\n")
    assert interrupted.returncode == 2
    err = _quoted_only(interrupted.stderr)  # the draft and the resume command
    command = next(line for line in err.splitlines() if "zgrongcuo ask --case" in line)
    assert "$'" in command  # the shell reads the path back exactly


@pytest.mark.parametrize(
    "args",
    [
        ["check", f"--{HOSTILE}", "case.yaml"],  # an unknown option
        ["check", "-f", HOSTILE, "case.yaml"],  # a value that is not a format
        ["check", "--jobs", HOSTILE, "case.yaml"],  # nor a number
        ["template", "--schema", HOSTILE],
        ["check", "--criteria", HOSTILE, "case.yaml"],  # a criteria file that does not exist
        ["check", HOSTILE],  # nor a case file
    ],
)
def test_what_is_typed_on_the_command_line_reaches_a_message_only_as_escapes(args):
    result = invoke(*args)
    assert result.returncode == 2
    assert result.stdout == b""
    _quoted_only(result.stderr)
