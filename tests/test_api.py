"""The public API: the documented functions and types, and the examples of docs/api.md run as they stand."""

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE_CASE, EXAMPLES, ROOT, UNMEASURED

import zgrongcuo
from zgrongcuo.errors import CaseError, CriteriaError, UsageError, ZgError

FUNCTIONS = {"check_paths", "evaluate", "explain", "load_case", "load_criteria", "to_json"}
ZGRONGCUO = str(Path(sys.executable).parent / "zgrongcuo")


def test_the_api_is_the_documented_functions_and_types():
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    types = set(zgrongcuo.__all__) - FUNCTIONS - {"__version__"}
    assert types == set(zgrongcuo._TYPES)
    for name in sorted(FUNCTIONS):
        assert callable(getattr(zgrongcuo, name)) and getattr(zgrongcuo, name).__doc__, name
        assert f"zgrongcuo.{name}(" in page, f"docs/api.md documents {name}"
    for name in sorted(types):
        value = getattr(zgrongcuo, name)
        assert isinstance(value, type) and value.__name__ == name and value.__doc__, name
        assert f"`{name}`" in page, f"docs/api.md names {name}"
    assert zgrongcuo.Determination is zgrongcuo.evaluate.__globals__["__getattr__"]("Determination")
    assert "Criteria" in dir(zgrongcuo)
    with pytest.raises(AttributeError):
        zgrongcuo.nothing_of_the_sort


def test_the_package_ships_py_typed():
    assert (ROOT / "zgrongcuo" / "py.typed").is_file()


def _examples():
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", page, re.DOTALL)


def _run(example: str, name: str) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, name, "exec"), {"__name__": "__main__"})
    return out.getvalue().splitlines()


def test_the_documented_example_runs_and_prints_what_its_comments_say(monkeypatch):
    one_case, _ = _examples()
    monkeypatch.chdir(ROOT)
    printed = _run(one_case, "docs/api.md")
    assert printed[:3] == ["exempt", "建议容错免责（免予责任追究）", "('S2',)"]
    assert "S2 met" in printed and "S1 not_met" in printed and "['S2']" in printed
    assert "not_eligible" in printed
    assert "democratic_decision -> True => exempt" in printed
    assert "Tolerance recommended (exempt from liability)" in printed
    assert "bad.yaml 2 answers.diligent bad_yesno" in printed


def test_the_documented_batch_script_checks_a_mixed_folder_as_check_jsonl_does(tmp_path, monkeypatch):
    _, script = _examples()
    import shutil

    # One folder mixing cases of each measure, published cases of all three, and files that cannot be loaded.
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    sources = [*EXAMPLES.glob("*.yaml"), *(ROOT / "measures").glob("*/examples/*.yaml"), *(ROOT / "precedents").glob("*.yaml")]
    for n, path in enumerate(sorted(sources)):
        shutil.copy(path, mixed / f"{n:03d}-{path.name}")
    (mixed / "broken.yaml").write_text("answers:\n  diligent: perhaps\n", encoding="utf-8")
    (mixed / "word.json").write_bytes(b"PK\x03\x04\x00")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["screen.py", "mixed"])
    from zgrongcuo import batch

    monkeypatch.setattr(batch, "CHUNK", 8)  # both workers at work, even on a folder of this size
    printed = _run(script, "docs/api.md")
    written = (tmp_path / "screened.jsonl").read_bytes()
    assert written == _cli("check", "--format", "jsonl", "mixed", cwd=tmp_path)
    counts = dict(eval(printed[-1]))
    assert counts["could not be loaded"] == 2
    assert {key.split(":")[0] for key in counts} >= {"zigui-2018", "wenze-2019", "hubei-2020"}
    assert sum(counts.values()) == len(written.splitlines())


def test_the_documented_batch_script_runs_from_the_top_folder(tmp_path, monkeypatch):
    _, script = _examples()
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", ["screen.py"])
    target = ROOT / "screened.jsonl"
    assert not target.exists()
    try:
        printed = _run(script, "docs/api.md")
        lines = target.read_text(encoding="utf-8").splitlines()
    finally:
        target.unlink(missing_ok=True)
    counts = dict(eval(printed[-1]))
    assert "could not be loaded" not in counts and sum(counts.values()) == len(lines)


def test_load_case_takes_a_path_or_bytes_and_names_the_bytes():
    criteria = zgrongcuo.load_criteria()
    from_path = zgrongcuo.load_case(ARTICLE_CASE, criteria)
    from_bytes = zgrongcuo.load_case(ARTICLE_CASE.read_bytes(), criteria, name="copy.yaml")
    assert from_path.answers == from_bytes.answers and from_bytes.file == "copy.yaml"
    assert zgrongcuo.load_case(b"{}", criteria).file == "-"


def test_explain_computes_once_and_keeps_it_on_the_determination():
    criteria = zgrongcuo.load_criteria("wenze-2019")
    case = zgrongcuo.load_case(b"answers:\n  private_gain: yes\n", criteria, name="x.yaml")
    determination = zgrongcuo.evaluate(criteria, case)
    assert determination.counterfactuals is None
    found = zgrongcuo.explain(determination)
    assert determination.counterfactuals is found and zgrongcuo.explain(determination) is found
    assert zgrongcuo.evaluate(criteria, case, explain=True).counterfactuals == found


def test_errors_are_the_tool_s_own_with_their_place():
    criteria = zgrongcuo.load_criteria()
    with pytest.raises(CaseError) as bad_case:
        zgrongcuo.load_case(b"answers:\n  causes: [pilott]\n", criteria, name="c.yaml")
    assert (bad_case.value.line, bad_case.value.key, bad_case.value.suggestion) == (2, "answers.causes[1]", "pilot")
    with pytest.raises(CriteriaError):
        zgrongcuo.load_criteria(os.devnull)
    with pytest.raises(UsageError):
        zgrongcuo.load_criteria("no-such-measure")


def test_importing_the_package_loads_nothing_else():
    code = "import sys, zgrongcuo; print(sorted(m for m in sys.modules if m.startswith('zgrongcuo')), 'yaml' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "['zgrongcuo'] False"
    # A type is imported when it is first asked for, and is the class the package uses.
    code = "import sys, zgrongcuo; zgrongcuo.Case; print('zgrongcuo.model.case' in sys.modules, 'yaml' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "True False"


@pytest.mark.parametrize("module", ["zgrongcuo.engine", "zgrongcuo.engine.evaluation", "zgrongcuo.engine.counterfactuals", "zgrongcuo.model.determination", "zgrongcuo.text.explanation"])
def test_the_core_imports_without_yaml_or_files(module):
    code = f"import sys, {module}; print(any(m in sys.modules for m in ('yaml', 'pathlib', 'click', 'rich')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True, env=UNMEASURED)
    assert done.stdout.strip() == "False"


# ---------------------------------------------------------------- reading a case


def test_load_case_never_reads_standard_input_unless_given_it(monkeypatch, tmp_path):
    class Refusing(io.BytesIO):
        def read(self, *args):
            raise AssertionError("standard input was read")

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Refusing()))
    monkeypatch.chdir(tmp_path)
    criteria = zgrongcuo.load_criteria()
    with pytest.raises(CaseError) as missing:
        zgrongcuo.load_case("-", criteria)
    assert missing.value.msg_id == "not_found"
    (tmp_path / "-").write_bytes(ARTICLE_CASE.read_bytes())
    assert zgrongcuo.load_case("-", criteria).file == "-"  # a file of that name
    # Standard input, or any stream, when a script hands it over.
    stream = io.BytesIO(ARTICLE_CASE.read_bytes())
    case = zgrongcuo.load_case(stream, criteria, name="stdin.yaml")
    assert case.file == "stdin.yaml" and case.answers == zgrongcuo.load_case(ARTICLE_CASE, criteria).answers


def test_load_case_takes_the_default_measure_or_several(tmp_path):
    several = zgrongcuo.load_case(b"answers:\n  inadvertent: yes\n  private_gain: no\n", ["zigui-2018", "wenze-2019"])
    assert set(several.answers) == {"inadvertent", "private_gain"}
    with pytest.raises(CaseError) as other:
        zgrongcuo.load_case(b"answers:\n  inadvertent: yes\n")  # a question only wenze-2019 asks
    assert other.value.msg_id == "fact_of_other_measure" and other.value.key == "answers.inadvertent"
    with pytest.raises(UsageError):
        zgrongcuo.load_case(b"{}", ["zigui-2018", "zigui-2018"])


def test_errors_carry_typed_documented_attributes():
    documented = zgrongcuo.ZgError.__doc__
    for name in ("file", "line", "column", "key", "suggestion", "msg_id", "params", "others", "more"):
        assert name in zgrongcuo.ZgError.__annotations__ and f"``{name}``" in documented
    with pytest.raises(CaseError) as info:
        zgrongcuo.load_case(b"answers:\n  causes: [pilott]\n", name="c.yaml")
    error = info.value
    assert (error.file, error.line, error.column, error.key, error.suggestion) == ("c.yaml", 2, 12, "answers.causes[1]", "pilot")
    assert repr(error) == "CaseError('unknown_option', file='c.yaml', line=2, column=12, key='answers.causes[1]', suggestion='pilot')"
    assert error.params["name"] == "pilott"
    with pytest.raises(CaseError) as both:
        zgrongcuo.load_case(b"answers:\n  causes: [pilott]\n  diligent: perhaps\n", name="two.yaml")
    assert [(e.msg_id, e.line) for e in (both.value, *both.value.others)] == [("unknown_option", 2), ("bad_yesno", 3)]
    assert both.value.more is False


# ---------------------------------------------------------------- JSON as the command line writes it


def _cli(*args, cwd=ROOT):
    done = subprocess.run([ZGRONGCUO, *map(str, args)], capture_output=True, timeout=120, cwd=cwd)
    assert done.returncode in (0, 1, 2, 3), done.stderr
    return done.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml"))[:3] + [ARTICLE_CASE], ids=lambda p: p.name)
def test_to_json_is_what_check_format_json_prints(path, lang):
    criteria = zgrongcuo.load_criteria()
    d = zgrongcuo.evaluate(criteria, zgrongcuo.load_case(path.relative_to(ROOT), criteria))
    printed = json.loads(_cli("check", "--format", "json", "--lang", lang, path.relative_to(ROOT)))
    assert list(zgrongcuo.to_json(d, lang).items()) == list(printed.items())
    explained = json.loads(_cli("check", "--format", "json", "--explain", "--lang", lang, path.relative_to(ROOT)))
    assert zgrongcuo.to_json(d, lang, explain=True) == explained
    assert zgrongcuo.to_json(zgrongcuo.evaluate(criteria, d.case, explain=True), lang) == explained


@pytest.fixture
def mixed(tmp_path):
    """A folder of cases, good and bad, one in a subfolder, and a hidden one that is skipped."""
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    for path in sorted(EXAMPLES.glob("*.yaml")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "sub" / "copy.yaml").write_bytes(ARTICLE_CASE.read_bytes())
    (folder / "broken.yaml").write_text("answers:\n  diligent: perhaps\n", encoding="utf-8")
    (folder / "binary.json").write_bytes(b"\x00\x01")
    (folder / ".hidden.yaml").write_text("not: read\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("measures", [[], ["zigui-2018", "wenze-2019"]], ids=["default", "two measures"])
def test_check_paths_gives_what_check_jsonl_writes_line_for_line(mixed, measures, monkeypatch):
    from zgrongcuo import batch

    monkeypatch.setattr(batch, "CHUNK", 2)  # workers, even for a small folder
    options = [a for m in measures for a in ("--criteria", m)]
    expected = _cli("check", "--format", "jsonl", *options, mixed, cwd=mixed.parent)
    for jobs in (1, 2):
        written = "".join(
            json.dumps(zgrongcuo.to_json(item), ensure_ascii=False) + "\n"
            for item in zgrongcuo.check_paths(str(mixed), measures or None, jobs=jobs)
        )
        assert written.encode() == expected, jobs


def test_check_paths_with_workers_gives_the_measures_own_objects(mixed, monkeypatch):
    from zgrongcuo import batch

    monkeypatch.setattr(batch, "CHUNK", 2)  # workers for a small folder
    criteria = zgrongcuo.load_criteria()
    items = list(zgrongcuo.check_paths([mixed / "sub", mixed], criteria, jobs=2))
    files = [item.case.file if isinstance(item, zgrongcuo.Determination) else item.file for item in items]
    assert files[0] == str(mixed / "sub" / "copy.yaml") and files[1] == str(mixed / "binary.json")
    failures = [item for item in items if isinstance(item, ZgError)]
    assert [(f.file, f.msg_id) for f in failures] == [(str(mixed / "binary.json"), "binary_file"), (str(mixed / "broken.yaml"), "bad_yesno")]
    decided = [item for item in items if isinstance(item, zgrongcuo.Determination)]
    assert len(decided) == len(items) - 2 == 10
    for d in decided:
        assert d.criteria is criteria and d.outcome is criteria.outcomes[d.outcome.id]
        assert all(s.situation is criteria.situation(s.situation.id) for s in d.situations)
        assert d.grounds or not d.decided  # the engine's record came along


def test_check_paths_reads_no_standard_input_and_reports_a_missing_file(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", None)
    monkeypatch.chdir(tmp_path)
    [missing] = zgrongcuo.check_paths(["-"])
    assert isinstance(missing, CaseError) and missing.msg_id == "not_found"
    assert zgrongcuo.to_json(missing, "en") == {"file": "./-", "error": missing.to_json("en")}


def test_a_measure_that_changed_under_a_worker_is_an_error_not_another_measure():
    from zgrongcuo.batch import MeasureParts
    from zgrongcuo.io.questions import Selection

    criteria = zgrongcuo.load_criteria()
    parts = MeasureParts(Selection())
    assert parts._part(("m", criteria.path, criteria.sha256, 0)).id == criteria.id
    with pytest.raises(CriteriaError) as info:
        parts._part(("m", criteria.path, "0" * 64, 0))
    assert info.value.msg_id == "measure_changed_in_run" and info.value.file == criteria.path
    assert "changed while the batch ran" in info.value.render("en")


def test_check_paths_reads_a_register_row_by_row_as_check_does(tmp_path, monkeypatch):
    from workbooks import register

    path = register(tmp_path / "台账.xlsx", [
        ["案件编号", "工作情境", "失误原因", "后果", "谋取私利"],
        ["A", "改革创新、推进经济社会事业发展", "先行先试", "出现失误或偏差", "否"],
        ["B", "无", "无", "无", "否"],
    ])  # fmt: skip
    (tmp_path / "汇总.csv").write_text("x\n", encoding="utf-8")
    expected = _cli("check", "--format", "jsonl", path, tmp_path / "汇总.csv", cwd=tmp_path)
    for jobs in (1, 2):
        items = zgrongcuo.check_paths([str(path), str(tmp_path / "汇总.csv")], jobs=jobs)
        written = "".join(json.dumps(zgrongcuo.to_json(item), ensure_ascii=False) + "\n" for item in items)
        assert written.encode() == expected, jobs
        assert '"file": "' + str(path) + '!2"' in written
