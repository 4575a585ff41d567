"""The installed `zgrongcuo ask` in a real pseudo-terminal, typed at as a person would."""

import io
import os
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE_CASE
from helpers import ARTICLE_ASKED

from zgrongcuo.load import case_reader
from zgrongcuo.text.catalogue import text

if sys.platform == "win32":  # pexpect.spawn needs a POSIX pseudo-terminal
    pytest.skip("no pseudo-terminals on Windows", allow_module_level=True)
pexpect = pytest.importorskip("pexpect")

# The console script of the environment running the tests, not whatever is first on PATH.
SCRIPT = Path(sys.executable).parent / "zgrongcuo"


def spawn(cwd, *args):
    assert SCRIPT.exists(), f"the console script is not installed beside {sys.executable}"
    env = {**os.environ, "COLUMNS": "100", "LINES": "40", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return pexpect.spawn(
        str(SCRIPT), ["ask", *args], cwd=str(cwd), env=env, encoding="utf-8", timeout=30, dimensions=(40, 100)
    )


def typed(criteria, article, fact_id):
    fact = criteria.fact_by_id[fact_id]
    value = article.answers[fact_id].value
    if fact.type == "yesno":
        return "是" if value else "否"
    return ",".join(str(fact.option_ids.index(o) + 1) for o in value) or "0"


def answer(child, criteria, article, fact_id, number, *, ask_for_help=False):
    fact = criteria.fact_by_id[fact_id]
    prompt = text("ask.prompt_yesno" if fact.type == "yesno" else "ask.prompt_set", "zh")
    child.expect_exact(f"[{number}] {fact.question['zh']}")
    child.expect_exact(prompt)
    if ask_for_help:
        child.sendline("help")
        child.expect_exact(fact.help["zh"])
        child.expect_exact(prompt)
    child.sendline(typed(criteria, article, fact_id))


def finish(child):
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


@pytest.fixture(scope="module")
def article(criteria):
    return case_reader.load(str(ARTICLE_CASE), criteria)


def test_a_whole_interview_in_a_terminal(criteria, article, tmp_path):
    child = spawn(tmp_path, "--save", "article.yaml")
    for key in ("id", "title", "subject"):
        child.expect_exact(text(f"ask.meta.{key}", "zh"))
        child.sendline("ZG-2014-57" if key == "id" else "")
    for number, fact_id in enumerate(ARTICLE_ASKED, 1):
        # A person asks for help once.
        answer(child, criteria, article, fact_id, number, ask_for_help=fact_id == "democratic_decision")
    child.expect_exact(text("ask.done_decided", "zh"))
    child.expect_exact("符合情形二")  # the reason, then the outcome on the last line (styled in parts)
    child.expect_exact("结论：")
    child.expect_exact("建议容错免责（免予责任追究）")
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    saved = case_reader.load(str(tmp_path / "article.yaml"), criteria)
    assert list(saved.answers) == ARTICLE_ASKED
    assert saved.meta["id"] == "ZG-2014-57"


def test_ctrl_c_after_the_third_answer_and_resuming_at_the_fourth(criteria, article, tmp_path):
    child = spawn(tmp_path)
    for _ in range(3):
        child.expect_exact(text("ask.meta.id", "zh")[:2])
        child.sendline("")
    for number, fact_id in enumerate(ARTICLE_ASKED[:3], 1):
        answer(child, criteria, article, fact_id, number)
    child.expect_exact(f"[4] {criteria.fact_by_id[ARTICLE_ASKED[3]].question['zh']}")
    child.expect_exact(text("ask.prompt_yesno", "zh"))
    child.sendintr()
    child.expect_exact(text("ask.interrupted", "zh"))
    child.expect_exact("zgrongcuo ask --case zgrongcuo.draft.yaml")
    assert finish(child) == 130
    draft = tmp_path / "zgrongcuo.draft.yaml"
    assert list(case_reader.load(str(draft), criteria).answers) == ARTICLE_ASKED[:3]

    child = spawn(tmp_path, "--case", "zgrongcuo.draft.yaml")
    child.logfile_read = transcript = io.StringIO()
    for number, fact_id in enumerate(ARTICLE_ASKED[3:], 4):
        answer(child, criteria, article, fact_id, number)
    child.expect_exact("(exempt)")
    assert finish(child) == 0
    shown = transcript.getvalue()
    assert shown.index("[4] ") < shown.index("[5] ")
    assert not any(criteria.fact_by_id[f].question["zh"] in shown for f in ARTICLE_ASKED[:3])
