"""The interview ends by offering the 核实清单 when the screening cannot decide yet."""

import io
import re
import shlex

import pytest
from conftest import ARTICLE_CASE

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.interview.dialogue import StreamDialogue
from zgrongcuo.interview.recording import Sitting
from zgrongcuo.io import case_reader
from zgrongcuo.io.questions import load_measures, questions
from zgrongcuo.text.catalogue import text

ARTICLE = ARTICLE_CASE.read_text(encoding="utf-8")
UNANSWERED = re.sub(r"  democratic_decision:\n    value: 是\n    note: .*\n", "", ARTICLE)
assert UNANSWERED != ARTICLE


def interview(tmp_path, answer: str, *, lang="zh", specs=(), no_save=False, before=""):
    """Resume the article's case with whether the decision was democratic unanswered, and answer it ``answer``."""
    case_file = tmp_path / "案件.yaml"
    case_file.write_text(UNANSWERED, encoding="utf-8")
    asked = questions(load_measures(specs or (None,)))
    start = case_reader.load(str(case_file), asked)
    said = []
    sitting = Sitting(
        asked, start, lang, say=said.append, report=lambda e: said.append(str(e)), case_file=str(case_file),
        no_save=no_save,
    )  # fmt: skip
    sitting.prepare()
    # ``before``: what is asked first (a second measure's own options); then the question, and unknown for the rest.
    replies = before + answer + "\n" + "?\n" * 30
    final = sitting.run(StreamDialogue(io.StringIO(replies), io.StringIO(), interactive=False))
    ds = tuple(evaluate(m, final, explain=True) for m in asked.measures)
    if any(d.outcome.favourable is None for d in ds):
        sitting.offer_checklist(final)
    sitting.close()
    return case_file, said, ds


def offered(said, lang="zh"):
    """The command offered: the line before the last, which says where the case was saved."""
    marker = text("ask.offer_checklist", lang, command="\0").split("\0")[0]
    assert said[-2].startswith(marker), said
    return shlex.split(said[-2][len(marker) :])


def test_an_undecided_case_ends_with_the_command_for_its_checklist(tmp_path):
    case_file, said, (d,) = interview(tmp_path, "不确定")
    assert d.outcome.id == "undetermined"
    assert said[-1] == text("ask.updated", "zh", file=str(case_file))  # where the case is stays the last line
    command = offered(said)
    assert command == [
        "zgrongcuo", "check", str(case_file), "--document", "checklist", "--format", "docx",
        "-o", str(tmp_path / "案件-核实清单.docx"),
    ]  # fmt: skip


def test_the_offer_repeats_the_language_and_never_names_an_existing_file_and_the_file_names_the_measures(tmp_path):
    (tmp_path / "案件-checklist.docx").write_bytes(b"kept")
    # The regulation is asked its own options first (none of them: 0).
    case_file, said, _ = interview(tmp_path, "?", lang="en", specs=("zigui-2018", "wenze-2019"), before="0\n")
    command = offered(said, "en")
    assert command[2:5] == [str(case_file), "--lang", "en"]  # the saved file names its measures: no --criteria
    assert "--criteria" not in command
    assert case_reader.load(str(case_file), questions(load_measures(("zigui-2018", "wenze-2019")))).measures == (
        "zigui-2018",
        "wenze-2019",
    )
    assert command[-1] == str(tmp_path / "案件-checklist-2.docx")


@pytest.mark.parametrize("answer", ["是", "否"])
def test_a_decided_case_is_not_offered_one(tmp_path, answer):
    _, said, (d,) = interview(tmp_path, answer)
    assert d.decided
    assert not any(line.startswith(text("ask.offer_checklist", "zh", command="")) for line in said)


def test_nothing_is_offered_when_the_case_was_not_saved(tmp_path):
    _, said, (d,) = interview(tmp_path, "?", no_save=True)
    assert d.outcome.id == "undetermined"
    assert said[-1] == text("ask.not_saved", "zh")


def test_the_resume_command_repeats_the_paper_asked_for(tmp_path):
    asked = questions(load_measures((None,)))
    sitting = Sitting(
        asked, case_reader.loads(b"answers: {}\n", asked, "a.yaml"), "zh", say=print, report=print,
        format_name="docx", document="application", output="申请表.docx",
    )  # fmt: skip
    words = shlex.split(sitting.resume_command("草稿.yaml"))
    assert words[words.index("--document") + 1] == "application" and words[words.index("-o") + 1] == "申请表.docx"
