"""The 2019 accountability regulation, Articles 17-18: a second real measure through the same engine and commands."""

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import make_case, quoted_items
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import case_reader, criteria_builder, measures

runner = CliRunner()
MEASURE = ROOT / "measures" / "wenze-2019.yaml"
EXAMPLES = ROOT / "measures" / "wenze-2019" / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
SOURCE = (ROOT / "tests" / "sources" / "wenze-2019-art17-18.md").read_text(encoding="utf-8")
ARTICLE_17 = SOURCE[SOURCE.index("第十七条") : SOURCE.index("第十八条")]
ARTICLE_18 = SOURCE[SOURCE.index("第十八条") : SOURCE.index("Why it matters")]


@pytest.fixture(scope="module")
def wenze():
    return criteria_builder.load("wenze-2019")


def run(*args):
    return runner.invoke(app, [*map(str, args)])


def test_the_bundled_name_is_the_file_in_measures(wenze):
    assert Path(measures.resolve("wenze-2019")).resolve() == MEASURE.resolve()
    assert wenze.id == "wenze-2019" and wenze.languages == ("zh", "en")


def test_quotes_of_the_regulation_are_word_for_word(wenze):
    quoted = [(w, q, b) for w, q, b in quoted_items(wenze) if q and b in ("regulation", "regulation_cited")]
    assert len(quoted) >= 30
    assert [w for w, q, b in quoted if b == "regulation" and q not in ARTICLE_17] == []
    assert [w for w, q, b in quoted if b == "regulation_cited" and q not in ARTICLE_18] == []


def test_article_18_is_marked_as_commonly_cited(wenze):
    assert "通常引述" in wenze.bases["regulation_cited"]["zh"]
    assert "commonly cited" in wenze.bases["regulation_cited"]["en"]
    for s in wenze.situations:
        article_18 = s.id.startswith("A18")
        assert (s.basis == "regulation_cited") == article_18, s.id
        assert all((e.basis == "regulation_cited") == article_18 for e in s.elements), s.id


def test_every_element_has_a_basis_and_every_interpretation_a_note(wenze):
    for s in wenze.situations:
        assert s.basis in wenze.bases, s.id
        assert all(e.basis in wenze.bases for e in s.elements), s.id
    assert all(e.basis in wenze.bases for e in wenze.exclusions)
    for e in [*(e for s in wenze.situations for e in s.elements), *wenze.exclusions]:
        if e.basis == "interpretation":
            assert e.note and e.note["zh"] and e.note["en"], e.key


def test_a_clearly_unlawful_superior_decision_qualifies_the_second_paragraph_only(wenze):
    assert "superior_decision_clearly_unlawful" not in {e.fact.id for e in wenze.exclusions}
    holding = [s.id for s in wenze.situations if "superior_decision_clearly_unlawful" in {e.fact.id for e in s.elements}]
    assert holding == ["A17-P2"]
    # A reform error is spared under Article 17(1) without anyone asking about a superior's decision.
    text = (
        "answers:\n  context: [reform]\n  causes: [pilot]\n  consequences: [error]\n  private_gain: 否\n"
        "  knowingly_violated: 否\n  persisted_after_prohibition: 否\n"
    )
    d = evaluate(wenze, case_reader.loads(text.encode(), wenze, "x.yaml"))
    assert (d.outcome.id, d.situations_met, d.unchecked_exclusions) == ("exempt", ("A17-1a",), ())


def test_force_majeure_is_a_situation_of_its_own(wenze):
    [a17_3] = [s for s in wenze.situations if "不可抗力" in (s.quote or "")]
    assert {e.fact.id for e in a17_3.elements} >= {"diligent", "causes"}


def test_facts_shared_with_zigui_keep_its_ids_and_types(wenze, criteria):
    shared = set(wenze.fact_by_id) & set(criteria.fact_by_id)
    assert len(shared) >= 7
    for fact_id in shared:
        assert wenze.fact_by_id[fact_id].type == criteria.fact_by_id[fact_id].type, fact_id
    for fact_id in ("causes", "consequences"):
        common = set(wenze.fact_by_id[fact_id].option_ids) & set(criteria.fact_by_id[fact_id].option_ids)
        assert common, fact_id


def test_outcomes_and_which_are_favourable(wenze):
    favourable = {o.id: o.favourable for o in wenze.outcomes.values()}
    assert list(favourable.values()).count(True) == 2 and list(favourable.values()).count(False) == 2
    assert favourable["undetermined"] is None
    assert {r.outcome.id for r in wenze.rules} == set(favourable) - {"undetermined"}


def test_no_code_knows_an_id_of_this_measure(wenze):
    ids = {f.id for f in wenze.facts} | {o for f in wenze.facts for o in f.option_ids}
    ids |= {s.id for s in wenze.situations} | set(wenze.conditions) | set(wenze.outcomes) - {"undetermined"}
    multiword = sorted(i for i in ids if "_" in i or "-" in i)
    assert len(multiword) >= 15
    found = []
    for path in sorted((ROOT / "zgrongcuo").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {i}" for i in multiword if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", source)]
    assert found == []


# ---------------------------------------------------------------- examples


def test_examples_cover_every_outcome(wenze):
    outcomes = {case_reader.load(str(p), wenze).expect_for(wenze.id, primary=True).outcome for p in EXAMPLE_FILES}
    assert outcomes == set(wenze.outcomes)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_example_states_its_situations_and_carries_its_metadata(wenze, path):
    # Whether each example meets its expect: block is a test item of its own (conftest.py at the top).
    case = case_reader.load(str(path), wenze)
    assert case.expect_for(wenze.id, primary=True).situations is not None
    assert case.meta["id"] and case.meta["title"]


def test_bottom_lines_rule_out_article_17_but_not_article_18(wenze):
    path = EXAMPLES / "a17-2-objection-in-minutes-exempt.yaml"
    text = path.read_text(encoding="utf-8").replace("private_gain: 否", "private_gain: 是")
    touched = case_reader.loads(text.encode(), wenze, "x.yaml")
    assert evaluate(wenze, touched).outcome.id == "mitigated"  # A18-2 still applies
    alone = case_reader.loads(text.replace("cooperated: 是", "cooperated: 否").encode(), wenze, "x.yaml")
    assert evaluate(wenze, alone).outcome.id == "not_tolerated"


# ---------------------------------------------------------------- commands


def test_check_with_the_bundled_name():
    result = run("check", EXAMPLES / "a17-3-epidemic-investment-exempt.yaml", "--criteria", "wenze-2019")
    assert result.exit_code == 0, result.output
    assert "可以不予问责或者免予问责（第十七条）" in result.stdout
    assert "第十七条（三）不可抗力、难以预见  各项要件均符合。" in result.stdout
    detail = run("check", EXAMPLES / "a17-3-epidemic-investment-exempt.yaml", "--criteria", "wenze-2019", "--detail")
    assert "A17-3" in detail.stdout and "已经履职尽责" in detail.stdout
    assert "问责决定机关" in result.stdout  # the measure's own reminder


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("a17-3-epidemic-investment-exempt.yaml", 0),
        ("a18-overpaid-subsidy-remedied-mitigated.yaml", 0),
        ("a17-p2-clearly-unlawful-superior-decision-accountable.yaml", 1),
        ("none-careless-approval-accountable.yaml", 1),
        ("a17-1a-pilot-undetermined.yaml", 3),
    ],
)
def test_check_exit_codes_follow_this_measures_outcomes(name, code):
    result = run("check", EXAMPLES / name, "--criteria", "wenze-2019", "--format", "json")
    assert result.exit_code == code, result.output
    assert json.loads(result.stdout)["criteria"]["id"] == "wenze-2019"


def test_check_a_folder_of_them_in_english():
    result = run("check", EXAMPLES, "--criteria", "wenze-2019", "--lang", "en", "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == len(EXAMPLE_FILES)


def test_criteria_test_runs_this_measures_examples():
    result = run("criteria", "test", EXAMPLES, "--criteria", "wenze-2019", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["criteria"]["id"] == "wenze-2019"
    assert report["passed"] == len(EXAMPLE_FILES) >= 5


def test_criteria_show_takes_the_name():
    result = run("criteria", "show", "wenze-2019", "--format", "markdown")
    assert result.exit_code == 0
    out = result.stdout
    assert "第十七条第（三）项" in out and "条例原文（按通常引述）" in out
    assert "`ref: article_18`" in out


def test_diff_between_this_measure_and_an_edited_copy(tmp_path):
    text = MEASURE.read_text(encoding="utf-8")
    element = "      - fact: causes\n        has_any: [force_majeure, unforeseeable]\n"
    assert text.count(element) == 1
    edited = tmp_path / "edited.yaml"
    edited.write_text(text.replace(element, "      - fact: causes\n        has: force_majeure\n"), encoding="utf-8")
    # Still passes: the epidemic example names both causes.
    assert run("criteria", "test", EXAMPLES, "--criteria", edited).exit_code == 0
    case = tmp_path / "unforeseeable.yaml"
    case.write_text(
        (EXAMPLES / "a17-3-epidemic-investment-exempt.yaml").read_text(encoding="utf-8").replace(
            "value: [force_majeure, unforeseeable]", "value: [unforeseeable]"
        ),
        encoding="utf-8",
    )
    result = run("diff", "wenze-2019", edited, EXAMPLES, case, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["transitions"] == [{"from": "exempt", "to": "mitigated", "count": 1}]
    assert [c["file"] for c in data["cases"]] == [str(case)]


# ---------------------------------------------------------------- properties

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WENZE = criteria_builder.load(MEASURE)


def _answer(fact):
    if fact.type == "yesno":
        return st.sampled_from([True, False, None])
    return st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))


_answers = st.fixed_dictionaries({f.id: _answer(f) for f in WENZE.facts})


@given(_answers, st.data())
def test_answering_an_unknown_never_reverses_a_decided_outcome(values, data):
    """The rules are ordered so that no answer still open could turn a decided outcome around."""
    d = evaluate(WENZE, make_case(values))
    unknown = [f for f in WENZE.facts if values[f.id] is None]
    if not unknown:
        return
    fact = data.draw(st.sampled_from(unknown))
    filled = {**values, fact.id: data.draw(_answer(fact).filter(lambda v: v is not None))}
    after = evaluate(WENZE, make_case(filled))
    if d.outcome.favourable:
        assert after.outcome.id == d.outcome.id
    if d.outcome.favourable is False:
        assert after.outcome.favourable is False
    if not d.decided and fact.id not in d.next_questions:
        assert not after.decided


@given(_answers)
def test_exempt_only_with_every_bottom_line_answered_no(values):
    d = evaluate(WENZE, make_case(values))
    if d.outcome.id == "exempt":
        assert all(values[e.fact.id] is False for e in WENZE.exclusions)
