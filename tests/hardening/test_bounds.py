"""Bounds: measures of any size and depth within the limits, and limits and widths clamped to sane ranges.

What is bounded is work, counted: conditions built, element tests made, answer
sets visited. Seconds depend on the machine and on coverage; these counts do not.
"""

from __future__ import annotations

import io
import os

import pytest

from hardening.adversary import ARTICLE_CASE, invoke, measure, run
from zgrongcuo.authoring import lint
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import CriteriaError
from zgrongcuo.io import criteria_builder
from zgrongcuo.io.files import read_bytes
from zgrongcuo.model.case import Answer, Case


def _case(answers: dict) -> Case:
    meta = {"id": None, "title": None, "subject": None, "summary": None}
    return Case(file="x.yaml", meta=meta, answers={k: Answer(v) for k, v in answers.items()})


# ------------------------------------------------------------ depth


def test_a_chain_of_500_named_conditions_is_refused_with_its_place(tmp_path):
    path = tmp_path / "chain.yaml"
    path.write_text(measure(10, chain=500), encoding="utf-8")
    result = invoke("check", "--criteria", path, ARTICLE_CASE)
    assert result.returncode == 2, result.stderr
    message = result.stderr.decode()
    assert f"{path}:" in message and ", key conditions.c" in message
    assert "conditions nest too deep: at most 64 levels" in message
    assert "Traceback" not in message and "internal error" not in message


def test_a_deep_chain_within_the_limit_evaluates_explains_and_lints(tmp_path):
    criteria = criteria_builder.loads(measure(10, chain=30).encode(), "chain.yaml")
    d = evaluate(criteria, _case({"f1": False, "f2": True}), explain=True)
    assert d.outcome.id == "undetermined"
    assert lint.lint(criteria) == []
    path = tmp_path / "chain.yaml"
    path.write_text(measure(10, chain=30), encoding="utf-8")
    for args in (["criteria", "show", path], ["check", "--criteria", path, "--format", "markdown", ARTICLE_CASE]):
        result = invoke(*args)
        assert result.returncode in (0, 2, 3), result.stderr
        assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr


def _counting(monkeypatch, owner, name: str) -> list[int]:
    """Count the calls of ``owner.name`` from now on."""
    calls = [0]
    original = getattr(owner, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_aliases_cannot_multiply_a_condition_beyond_the_limit(monkeypatch):
    # Each level refers twice to the one below it: 2**30 tests once expanded, from a few lines.
    levels = ["  l0: &l0 {situations: any}"]
    levels += [f"  l{i}: &l{i} {{all: [*l{i - 1}, *l{i - 1}]}}" for i in range(1, 31)]
    text = measure(5).replace("outcomes:", "conditions:\n" + "\n".join(levels) + "\noutcomes:")
    built = _counting(monkeypatch, criteria_builder._Builder, "condition")
    with pytest.raises(CriteriaError) as info:
        criteria_builder.loads(text.encode(), "bomb.yaml")
    # Each written condition is built once, however often it is referred to: about one per line.
    assert built[0] < 4 * len(text.splitlines())
    assert info.value.msg_id == "condition_too_large" and info.value.key.startswith("conditions.l")
    assert info.value.line is not None


def test_a_measure_of_1000_facts_validates():
    # The linter searched answers one recursion per fact.
    result = run_validate(measure(1000, situations=5))
    assert result.returncode == 0, result.stderr
    assert b"no problems found" in result.stdout


def run_validate(text: str):
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        return invoke("criteria", "validate", f.name)


# ------------------------------------------------------------ size


@pytest.fixture(scope="module")
def big():
    """A measure of 5,000 facts (about 1 MB)."""
    return criteria_builder.loads(measure(5000, situations=5).encode(), "big.yaml")


@pytest.mark.parametrize(
    "answers",
    [{}, {"f1": True}, {f"f{i}": False for i in range(1, 5001)}, {"f1": False, "f2": True}],
    ids=["nothing answered", "excluded", "all no", "one answer"],
)
def test_what_would_change_stays_within_its_work_budget_on_5000_facts(big, answers, monkeypatch):
    from zgrongcuo.engine import counterfactuals
    from zgrongcuo.model.conditions import elements_of

    evaluations = _counting(monkeypatch, counterfactuals, "decide")
    d = evaluate(big, _case(answers), explain=True)
    assert d.counterfactuals is not None
    # Each evaluation of changed answers costs every element test of the rules; the search stops at its budget.
    cost = sum(len(elements_of(rule.when)) for rule in big.rules)
    assert evaluations[0] * cost <= counterfactuals.BUDGET + cost
    if d.outcome.favourable is False:  # thousands of single changes to try: the search says it stopped
        assert d.counterfactuals_complete is False


@pytest.mark.parametrize("answers", [{}, {"f1": False, "f2": True}], ids=["nothing answered", "one answer"])
def test_the_checklist_and_the_application_form_stay_small_on_5000_facts(big, answers):
    # Word's paragraphs cost more the more there are: a paper of every question took minutes. Bounded by what it sets out.
    docx = pytest.importorskip("docx")
    import io

    from zgrongcuo.render.application import build_application
    from zgrongcuo.render.application import word as application
    from zgrongcuo.render.checklist import build_checklist, plain
    from zgrongcuo.render.checklist import word as checklist
    from zgrongcuo.render.documents import MAX_ITEMS, MAX_ROWS

    d = evaluate(big, _case(answers), explain=True)
    view = build_checklist((d,), "zh")
    assert len(view.items) == MAX_ITEMS and view.notes[0].startswith(f"另有 {len(d.to_verify) - MAX_ITEMS} 个")
    assert len(plain(view)) < 50_000
    assert len(docx.Document(io.BytesIO(checklist(view))).paragraphs) < 20 * MAX_ITEMS
    form = build_application((d,), "zh")
    assert len(form.answers) == MAX_ROWS + 1 and form.answers[-1][0] == f"（另有 {5000 - MAX_ROWS} 项，未逐一列出。）"
    (table,) = docx.Document(io.BytesIO(application(form))).tables
    assert len(table.rows) < MAX_ROWS + 20


def test_the_linter_stays_within_its_work_budget_on_5000_facts(big, monkeypatch):
    searches: list[int] = []
    search = lint._search

    def counted(*args, **kwargs):
        result = search(*args, **kwargs)
        searches.append(result.spent)
        return result

    monkeypatch.setattr(lint, "_search", counted)
    findings = lint.lint(big)
    assert {f.problem.msg_id for f in findings} <= {"lint.rule_search_incomplete"}
    # Element tests made by every rule search together: the one budget of the run, and one visit over.
    visit = sum(len(lint.c.elements_of(rule.when)) for rule in big.rules)
    assert searches and sum(searches) <= lint.SEARCH_WORK + len(searches) * visit


# ------------------------------------------------------------ limits and widths


@pytest.mark.parametrize("value", ["99999999999999999999999", "9" * 5000])
def test_a_huge_max_bytes_is_clamped_not_an_internal_error(value, monkeypatch):
    for args in (["check", "--max-bytes", value, ARTICLE_CASE], ["check", "--max-bytes", value, "-"]):
        result = invoke(*args, input=ARTICLE_CASE.read_bytes())
        assert result.returncode in (0, 2), result.stderr
        assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr
    monkeypatch.setenv("ZGRONGCUO_MAX_BYTES", value[:30])
    result = invoke("check", ARTICLE_CASE)
    assert result.returncode == 0, result.stderr


def test_a_large_limit_allocates_nothing_up_front():
    assert read_bytes("-", max_bytes=1 << 40, stdin=io.BytesIO(b"answers: {}\n")) == b"answers: {}\n"


def test_huge_jobs_start_no_more_workers_than_cores():
    from zgrongcuo.batch import cpu_count, workers_for

    tasks = [(f"{i}.yaml", b"", None) for i in range(100_000)]
    workers, _ = workers_for(100_000, tasks)
    assert workers <= cpu_count()
    result = invoke("check", "--jobs", "100000", ARTICLE_CASE)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("columns", "clamped"), [("0", "40"), ("1", "40"), ("120", "120"), ("1000000", "1000"), ("9" * 30, "1000"), ("wide", "wide")])
def test_columns_is_clamped(columns, clamped, monkeypatch):
    from zgrongcuo.cli import process

    monkeypatch.setenv("COLUMNS", columns)
    process._clamp_columns()
    assert os.environ["COLUMNS"] == clamped


@pytest.mark.parametrize("columns", ["0", "1000000"])
def test_columns_is_clamped_by_the_console_script(columns):
    result = run("check", ARTICLE_CASE, env={**os.environ, "COLUMNS": columns})
    assert result.returncode == 0, result.stderr
    assert 1000 < len(result.stdout) < 400_000
    assert "建议容错免责" in result.stdout.decode()
