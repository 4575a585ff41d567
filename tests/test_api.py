"""The public API: the four documented functions, and the example of docs/api.md run as it stands."""

import contextlib
import io
import os
import re

import pytest
from conftest import ARTICLE_CASE, ROOT

import zgrongcuo
from zgrongcuo.errors import CaseError, CriteriaError, UsageError


def test_the_api_is_the_four_documented_functions():
    assert set(zgrongcuo.__all__) == {"__version__", "load_criteria", "load_case", "evaluate", "explain"}
    for name in zgrongcuo.__all__[1:]:
        assert getattr(zgrongcuo, name).__doc__


def test_the_documented_example_runs_and_prints_what_its_comments_say(monkeypatch):
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```python\n(.*?)```", page, re.DOTALL)
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "docs/api.md", "exec"), {})
    printed = out.getvalue().splitlines()
    assert printed[:3] == ["exempt", "建议容错免责（免予责任追究）", "('S2',)"]
    assert "S2 met" in printed and "S1 not_met" in printed
    assert "not_eligible" in printed
    assert "democratic_decision -> True => exempt" in printed
    assert "bad.yaml 2 answers.diligent" in printed


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
    import subprocess
    import sys

    code = "import sys, zgrongcuo; print(sorted(m for m in sys.modules if m.startswith('zgrongcuo')), 'yaml' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "['zgrongcuo'] False"


@pytest.mark.parametrize("module", ["zgrongcuo.engine", "zgrongcuo.engine.evaluation", "zgrongcuo.engine.counterfactuals", "zgrongcuo.model.determination", "zgrongcuo.text.explanation"])
def test_the_core_imports_without_yaml_or_files(module):
    import subprocess
    import sys

    code = f"import sys, {module}; print(any(m in sys.modules for m in ('yaml', 'pathlib', 'click', 'rich')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "False"
