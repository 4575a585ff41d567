"""`zgrongcuo criteria validate`: the corpus of broken criteria files, exit codes, formats, and the search."""

import json

import pytest
import yaml
from conftest import ROOT
from typer.testing import CliRunner

from zgrongcuo.authoring import lint
from zgrongcuo.cli import app
from zgrongcuo.io import criteria_builder, measures

runner = CliRunner()
CORPUS = ROOT / "tests" / "corpus"
FOLDER = CORPUS / "criteria"
EXPECTED = yaml.safe_load((CORPUS / "expected-criteria.yaml").read_text(encoding="utf-8"))


def validate(*args):
    return runner.invoke(app, ["criteria", "validate", *map(str, args)])


def test_the_table_lists_every_file_in_the_corpus():
    assert {p.name for p in FOLDER.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_criteria_file(name):
    want = EXPECTED[name]
    result = validate(FOLDER / name, "--format", "json", "--lang", "en")
    errors = [w for w in want if w[0] == "error"]
    assert result.exit_code == (2 if errors else 0), result.output
    report = json.loads(result.stdout)
    assert report["file"] == str(FOLDER / name)
    found = [
        [severity, f["id"], f["line"], f["key"], f["message"]]
        for severity in ("error", "warning")
        for f in report[severity + "s"]
    ]
    assert [f[:4] for f in found] == [w[:4] for w in want]
    for f, w in zip(found, want):
        assert w[4] in f[4]
    # Warnings alone never fail the command, except with --strict.
    if want and not errors:
        assert validate(FOLDER / name, "--strict").exit_code == 1


def test_the_shipped_criteria_pass_with_no_warning():
    result = validate()
    assert result.exit_code == 0
    assert result.stdout == f"{measures.bundled_path()}：未发现问题。\n"
    assert validate("--strict").exit_code == 0
    assert lint.lint(criteria_builder.load()) == []


def test_text_report_lists_errors_and_warnings_apart():
    result = validate(FOLDER / "impossible-preconditions.yaml", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Warnings (2)"
    assert lines[1].startswith(f"  {FOLDER / 'impossible-preconditions.yaml'}:69, key preconditions: ")
    assert lines[-1].endswith("errors: 0, warnings: 2.")
    result = validate(FOLDER / "yaml-tab.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == "错误（1）"
    assert "YAML 不允许用制表符" in result.stdout


def test_a_missing_criteria_file_and_an_unknown_measure():
    result = validate(FOLDER / "nope.yaml", "--format", "json")
    assert result.exit_code == 2
    assert [e["id"] for e in json.loads(result.stdout)["errors"]] == ["criteria_not_found"]
    result = validate("no-such-measure", "--lang", "en")
    assert result.exit_code == 2
    assert "no bundled measure named 'no-such-measure'" in result.stdout


def test_a_python_tag_in_criteria_never_runs(capfd):
    assert validate(FOLDER / "yaml-tag.yaml").exit_code == 2
    assert "ran" not in capfd.readouterr().out


def _variant(old: str, new: str) -> bytes:
    text = (FOLDER / "base.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    return text.replace(old, new).encode("utf-8")


@pytest.mark.parametrize(
    ("rule", "fires"),
    [
        # Whenever W1 holds and returned is no, rule 2 is true already.
        ("all: [{situation: W1}, {fact: returned, is: no}]", False),
        # With damaged unknown, rules 1-3 are all unknown: this rule fires.
        ("all: [{situation: W1}, {fact: returned, is: yes}]", True),
        ("any: [{exclusions: any}, {not: {ref: eligible}}]", False),
        ("not: {exclusions: all}", True),  # damaged no, returned unknown: rules 1-3 not true
    ],
)
def test_the_rule_search_is_three_valued(rule, fires):
    data = _variant("\nreminder:", f"  - outcome: waived\n    when: {{{rule}}}\n\nreminder:")
    findings = lint.lint(criteria_builder.loads(data, "x.yaml"))
    assert [f.problem.msg_id for f in findings] == ([] if fires else ["lint.rule_shadowed"])


def test_a_search_too_large_says_it_stopped(monkeypatch):
    monkeypatch.setattr(lint, "SEARCH_BUDGET", 3)
    data = _variant("\nreminder:", "  - outcome: refused\n    when:\n      not:\n        ref: eligible\n\nreminder:")
    findings = lint.lint(criteria_builder.loads(data, "x.yaml"))
    assert {f.problem.msg_id for f in findings} == {"lint.rule_search_incomplete"}
    assert "the search stopped after 4 answer combinations" in findings[0].problem.message("en")


def test_an_internal_error_in_the_linter_apologises_in_the_chosen_language(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(lint, "lint", broken)
    result = validate("--lang", "en")
    assert result.exit_code == 70
    assert result.stderr.startswith("Sorry, zgrongcuo ")
    assert "RuntimeError: boom" in result.stderr and "report it" in result.stderr
    assert "Traceback" not in result.stderr
