"""The command line reads each case's own measures: bundled folders need no flags, --criteria overrides them once."""

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE_CASE, ROOT
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.text.catalogue import text

runner = CliRunner()
SCRIPT = Path(sys.executable).parent / "zgrongcuo"
PRECEDENTS = ROOT / "precedents"
# The article's case, naming no measure and expecting nothing.
ARTICLE = re.sub(r"(?m)^measures:.*\n", "", ARTICLE_CASE.read_text(encoding="utf-8").split("\nexpect:")[0]) + "\n"


def run(*args):
    return runner.invoke(app, [*map(str, args)])


@pytest.mark.parametrize(
    "folder", ["precedents", "measures/wenze-2019/examples", "measures/hubei-2020/examples", "examples"]
)
def test_the_bundled_folders_are_checked_with_no_flags(folder):
    """The issue's test: each exits with an outcome code, not 2, and says nothing on stderr."""
    assert SCRIPT.exists(), f"the console script is not installed beside {sys.executable}"
    result = subprocess.run(
        [str(SCRIPT), "check", folder, "--format", "jsonl"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode in (0, 1, 3), result.stderr
    assert result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    files = sorted((ROOT / folder).glob("*.yaml"))
    assert sorted({d["file"] for d in lines}) == sorted(f"{folder}/{f.name}" for f in files)
    ids = [d["criteria"]["id"] for d in lines]
    if folder == "precedents":
        assert ids == ["zigui-2018", "wenze-2019", "hubei-2020"] * len(files)  # cases outermost, the order named
    else:
        assert len(ids) >= len(files)


def test_the_precedents_summary_gives_agreement_per_measure_over_comparable_pairs():
    """The issue's test: per measure, agreement over comparable pairs, with the number not comparable beside it."""
    out = run("check", PRECEDENTS).stdout
    for name in ("秭归县办法（2018）", "问责条例第十七、十八条（2019）", "湖北疫情防控指导意见（2020）"):
        assert text("summary.in_measure", "zh", measure=name, label=text("agreement.heading", "zh")) in out
    lines = [line for line in out.splitlines() if line.startswith("已作决定的")]
    assert len(lines) == 3
    jsonl = [json.loads(line) for line in run("check", PRECEDENTS, "--format", "jsonl").stdout.splitlines()]
    for measure, line in zip(("zigui-2018", "wenze-2019", "hubei-2020"), lines, strict=True):
        ds = [d for d in jsonl if d["criteria"]["id"] == measure and d["decision"] is not None]
        agree = sum(d["agrees"] is True for d in ds)
        differ = sum(d["agrees"] is False for d in ds)
        left_out = sum(d["agrees"] is None for d in ds)
        share = f"{100 * agree / (agree + differ):.0f}%" if agree + differ else "—"
        assert line == text(
            "agreement.line", "zh", cases=len(ds), agree=agree, differ=differ, open=left_out, share=share
        )
    # A measure that does not apply, like an undetermined screening, neither agrees nor differs.
    hubei = [d for d in jsonl if d["criteria"]["id"] == "hubei-2020" and d["decision"] is not None]
    not_applicable = [d for d in hubei if d["outcome"] == "not_applicable"]
    assert len(not_applicable) >= 10
    assert {(d["agrees"], d["agrees_on"]) for d in not_applicable} == {(None, None)}


def test_csv_says_which_decided_rows_are_not_comparable():
    out = run("check", PRECEDENTS, "--format", "csv", "--lang", "en").stdout
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    hubei = [r for r in rows if r["measure"] == "hubei-2020"]
    assert {r["agrees"] for r in hubei if r["outcome"] in ("not_applicable", "undetermined")} == {"not_comparable"}
    assert {r["agrees"] for r in rows} <= {"yes", "no", "not_comparable"}  # every published case is decided


def test_criteria_test_runs_each_case_against_its_own_measures():
    result = run("criteria", "test", PRECEDENTS, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [m["id"] for m in report["measures"]] == ["zigui-2018", "wenze-2019", "hubei-2020"]
    assert report["passed"] == 3 * len(list(PRECEDENTS.glob("*.yaml"))) and report["failed"] == 0


@pytest.fixture
def mixed(write):
    write("mixed/a-zigui.yaml", ARTICLE)
    write("mixed/b-two.yaml", ARTICLE + "measures: [zigui-2018, wenze-2019]\n")
    write("mixed/c-hubei.yaml", "answers:\n  minor_fault: 是\nmeasures: [hubei-2020]\n")
    write("mixed/d-hubei.yaml", "answers:\n  remedied: 是\nmeasures: [hubei-2020]\n")
    return write("mixed/a-zigui.yaml", ARTICLE).parent


def test_a_mixed_folder_screens_each_case_against_its_own_measures(mixed):
    result = run("check", mixed, "--format", "jsonl")
    assert result.stderr == ""
    got = [(Path(d["file"]).name, d["criteria"]["id"]) for d in map(json.loads, result.stdout.splitlines())]
    assert got == [
        ("a-zigui.yaml", "zigui-2018"),
        ("b-two.yaml", "zigui-2018"), ("b-two.yaml", "wenze-2019"),
        ("c-hubei.yaml", "hubei-2020"),
        ("d-hubei.yaml", "hubei-2020"),
    ]  # fmt: skip
    summary = run("check", mixed).stdout
    assert text("col.measure", "zh") in summary  # the cases were checked against several measures: a column says which


def test_criteria_on_the_command_line_overrides_with_one_note_per_batch(mixed):
    result = run("check", mixed, "--criteria", "zigui-2018", "--criteria", "wenze-2019", "--format", "jsonl")
    assert result.exit_code == 2, result.output
    # c-hubei answers a question only its own measure asks: it cannot be read against the two, and the error says why.
    error = [line for line in result.stderr.splitlines() if "c-hubei.yaml" in line]
    assert len(error) == 1 and "minor_fault" in error[0] and "去掉 --criteria" in error[0]
    note = text("warning_prefix", "zh") + text("location_sep", "zh")
    notes = [line for line in result.stderr.splitlines() if line.startswith(note)]
    assert len(notes) == 1 and "--criteria" in notes[0] and "d-hubei.yaml" in notes[0]  # the first file overridden
    ids = [d["criteria"]["id"] for d in map(json.loads, result.stdout.splitlines()) if "criteria" in d]
    assert set(ids) == {"zigui-2018", "wenze-2019"}
    quiet = run("check", mixed, "--criteria", "zigui-2018", "--criteria", "wenze-2019", "--format", "jsonl", "--quiet")
    assert not any(line.startswith(note) for line in quiet.stderr.splitlines())


def test_one_file_naming_two_measures_is_a_json_array_and_its_decision_may_be_in_words(write):
    case = write("two.yaml", ARTICLE + "measures: [zigui-2018, wenze-2019]\ndecision:\n  outcome: 建议容错免责\n  measure: zigui-2018\n")
    result = run("check", case, "--format", "json")
    assert result.exit_code == 0, result.output  # Zigui's exempt; the regulation, none of its own options, Art. 18
    zigui, wenze = json.loads(result.stdout)
    assert (zigui["criteria"]["id"], wenze["criteria"]["id"]) == ("zigui-2018", "wenze-2019")
    assert zigui["decision"]["outcome"] == "exempt" and zigui["agrees"] is True


def test_a_decision_under_a_bundled_measure_is_screened_under_it_too(write):
    case = write("d.yaml", ARTICLE + "decision:\n  outcome: 可以不予问责或者免予问责（第十七条）\n  measure: wenze-2019\n")
    ds = json.loads(run("check", case, "--format", "json").stdout)
    assert [d["criteria"]["id"] for d in ds] == ["zigui-2018", "wenze-2019"]
    assert ds[1]["decision"]["outcome"] == "exempt" and ds[1]["agrees_on"] == "outcome"


def test_a_measure_named_wrongly_is_an_error_at_its_line_with_the_bundled_names(write):
    case = write("w.yaml", ARTICLE + "measures:\n  - zigui-2018\n  - wenze2019\n")
    result = run("check", case, "--lang", "en")
    assert result.exit_code == 2
    assert f"w.yaml:{ARTICLE.count(chr(10)) + 3}:" in result.stderr and "measures[2]" in result.stderr
    assert "did you mean 'wenze-2019'" in result.stderr


def test_the_hint_for_another_measures_option_names_the_measure_and_no_other_id(write):
    case = write("o.yaml", "answers:\n  context: [collective_decision]\n")
    result = run("check", case)
    assert result.exit_code == 2
    assert "wenze-2019" in result.stderr and "measures: [zigui-2018, wenze-2019]" in result.stderr
    assert "superior_decision" not in result.stderr and "是否想写" not in result.stderr


def test_a_decision_under_a_measure_the_tool_lacks_warns_only_when_it_may_be_a_slip(write):
    plain = write("p.yaml", ARTICLE + "decision:\n  outcome: 免责\n  measure: wuding-county\n")
    assert run("check", plain).stderr == ""
    slip = write("s.yaml", ARTICLE + "decision:\n  outcome: 免责\n  measure: zigui-2108\n")
    assert "zigui-2018" in run("check", slip).stderr
