"""Criteria files: the bundled Zigui measure against SPEC.md, every way a criteria file can be wrong,
and a second, made-up measure that runs through the same engine and command."""

import ast
import json
import re
from pathlib import Path

import pytest
from helpers import MEASURE, all_elements, quoted_items
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import CriteriaError, ZgError
from zgrongcuo.io import case_reader, criteria_builder
from zgrongcuo.model.criteria import UNDETERMINED

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "zgrongcuo"
ARTICLE = (ROOT / "tests" / "sources" / "zigui-2018-simplified.txt").read_text(encoding="utf-8")
LANGS = ("zh", "en")

runner = CliRunner()


# ====================================================== the bundled measure

# SPEC.md "Facts (the questions), in asking order".
SPEC_FACTS = (
    "context",
    "causes",
    "consequences",
    "conformed_to_superior_decision",
    "democratic_decision",
    "private_gain",
    "diligent",
    "decision_procedure_followed",
    "knowingly_violated",
    "persisted_after_prohibition",
    "major_liability_accident",
    "serious_consequence",
    "remedied",
)
SPEC_OPTIONS = {
    "context": (
        "superior_decision",
        "reform_innovation",
        "creative_implementation",
        "conflict_resolution",
        "historical_issue",
        "major_accident",
        "mass_or_sudden_incident",
        "urgent_difficult_task",
        "high_risk_work",
    ),
    "causes": (
        "bold_performance",
        "inexperience",
        "pilot",
        "unclear_policy",
        "unforeseeable",
        "decisive_action",
        "breaking_obstacles",
        "touching_vested_interests",
        "proactive",
    ),
    "consequences": ("error", "unmet_expectation", "conflict", "loss", "mass_incident", "adverse_social_impact"),
}
# SPEC.md "Outcomes": code, 中文, favourable.
SPEC_OUTCOMES = (
    ("not_tolerated", "不予容错（触及底线）", False),
    ("not_eligible", "不符合容错免责的情形或条件", False),
    ("exempt", "建议容错免责（免予责任追究）", True),
    ("mitigated", "建议减轻责任追究", True),
    ("beyond_tolerance", "后果严重且未有效挽回，超出可容错范围", False),
    ("undetermined", "信息不足，无法判定", None),
)


def assert_texts(texts, where):
    assert texts is not None, f"{where}: no text"
    assert set(texts) == set(LANGS), f"{where}: languages {sorted(texts)}"
    for lang in LANGS:
        assert isinstance(texts[lang], str) and texts[lang].strip(), f"{where}: empty {lang}"


def test_the_bundled_criteria_load(criteria):
    assert criteria.id == "zigui-2018"
    assert criteria.languages == LANGS
    assert criteria.sha256 and len(criteria.sha256) == 64
    assert_texts(criteria.title, "title")
    assert_texts(criteria.reminder, "reminder")


def test_every_fact_and_option_has_both_languages(criteria):
    for f in criteria.facts:
        for name in ("label", "question", "help"):
            assert_texts(getattr(f, name), f"fact {f.id} {name}")
        if f.note is not None:
            assert_texts(f.note, f"fact {f.id} note")
        for o in f.options:
            assert_texts(o.label, f"option {f.id}.{o.id} label")
            assert_texts(o.help, f"option {f.id}.{o.id} help")
            if o.note is not None:
                assert_texts(o.note, f"option {f.id}.{o.id} note")


def test_every_situation_outcome_precondition_and_exclusion_has_both_languages(criteria):
    for s in criteria.situations:
        assert_texts(s.label, f"situation {s.id} label")
        if s.note is not None:
            assert_texts(s.note, f"situation {s.id} note")
    for o in criteria.outcomes.values():
        assert_texts(o.label, f"outcome {o.id} label")
        assert_texts(o.help, f"outcome {o.id} help")
    assert criteria.preconditions and criteria.exclusions
    for where, e in all_elements(criteria):
        # A precondition or exclusion is shown by its fact's texts, and explained by its note.
        assert_texts(e.fact.label, f"{where} label")
        assert_texts(e.fact.question, f"{where} question")
        if e.note is not None:
            assert_texts(e.note, f"{where} note")
    for where, e in all_elements(criteria):
        if not where.startswith("situation"):
            assert_texts(e.note, f"{where} note")
    for r in criteria.rules:
        if r.note is not None:
            assert_texts(r.note, f"rule {r.number} note")
    for name, texts in criteria.bases.items():
        assert_texts(texts, f"basis {name}")


def test_quotes_of_the_measure_are_word_for_word_from_the_article(criteria):
    zigui = [(where, quote) for where, quote, basis in quoted_items(criteria) if basis == "zigui" and quote]
    # Guard against the walk silently finding nothing.
    assert len(zigui) >= 40
    missing = [f"{where}: {quote}" for where, quote in zigui if quote not in ARTICLE]
    assert missing == []


def test_every_element_of_a_situation_has_a_basis(criteria):
    for s in criteria.situations:
        assert s.basis in criteria.bases, s.id
        for i, e in enumerate(s.elements, 1):
            assert e.basis in criteria.bases, f"{s.id} element {i}"


def test_every_basis_is_one_of_the_four(criteria):
    assert set(criteria.bases) == {"zigui", "national", "practice", "interpretation"}


def test_situation_5_keeps_the_articles_typo_and_says_so(criteria):
    s5 = next(s for s in criteria.situations if s.id == "S5")
    assert s5.quote.startswith("4.")
    assert s5.quote in ARTICLE
    assert_texts(s5.note, "S5 note")
    assert [s.id for s in criteria.situations] == ["S1", "S2", "S3", "S4", "S5"]


def element_of(criteria, sid, fact):
    situation = next(s for s in criteria.situations if s.id == sid)
    return next(e for e in situation.elements if e.fact.id == fact)


def test_the_or_and_closed_list_readings_are_marked_as_interpretation(criteria):
    """SPEC.md "Readings to mark as interpretation": S2's and S5's "or", S4's closed list."""
    for sid, fact in (("S2", "causes"), ("S4", "causes"), ("S5", "consequences")):
        element = element_of(criteria, sid, fact)
        assert element.basis == "interpretation", (sid, fact)
        assert_texts(element.note, f"{sid} {fact} note")


def test_help_texts_say_where_a_skipped_step_is_answered(criteria):
    """SPEC: a skipped administrative step is an error under consequences, not a failed procedure."""
    facts = ("consequences", "decision_procedure_followed", "knowingly_violated")
    helps = {f: criteria.fact_by_id[f].help for f in facts}
    assert "未批先建" in helps["consequences"]["zh"] and "building before approval" in helps["consequences"]["en"]
    assert "未批先建" in helps["decision_procedure_followed"]["zh"]
    assert "building before approval" in helps["decision_procedure_followed"]["en"]
    assert "手续" in helps["knowingly_violated"]["zh"] and "Skipping a step" in helps["knowingly_violated"]["en"]
    # S4's "等" is read as a closed list; the help says so and asks for a note.
    causes = criteria.fact_by_id["causes"].help
    assert "等" in causes["zh"] and "备注" in causes["zh"] and "note" in causes["en"]


def test_fact_and_option_ids_and_order_are_the_specs(criteria):
    assert tuple(f.id for f in criteria.facts) == SPEC_FACTS
    assert {f.id: f.option_ids for f in criteria.facts if f.type == "set"} == SPEC_OPTIONS
    assert all(f.type == "yesno" for f in criteria.facts if f.id not in SPEC_OPTIONS)
    assert [f.index for f in criteria.facts] == list(range(len(SPEC_FACTS)))


def test_preconditions_and_exclusions_are_the_specs(criteria):
    assert [(e.fact.id, e.op, e.operand) for e in criteria.preconditions] == [
        ("diligent", "is", True),
        ("decision_procedure_followed", "is", True),
    ]
    assert [(e.fact.id, e.op, e.operand) for e in criteria.exclusions] == [
        ("private_gain", "is", True),
        ("knowingly_violated", "is", True),
        ("persisted_after_prohibition", "is", True),
        ("major_liability_accident", "is", True),
    ]


def test_outcomes_are_the_specs(criteria):
    got = [(o.id, o.label["zh"], o.favourable) for o in criteria.outcomes.values()]
    assert got == list(SPEC_OUTCOMES)


def test_the_five_rules_in_spec_order(criteria):
    assert [r.outcome.id for r in criteria.rules] == [
        "not_tolerated",
        "not_eligible",
        "exempt",
        "mitigated",
        "beyond_tolerance",
    ]
    assert [r.number for r in criteria.rules] == [1, 2, 3, 4, 5]


# ================================================ no code knows a fact id

# `error` is an option id of the Zigui measure and also a word of the tool's
# own contract: the JSON field of a case that could not be loaded (SPEC.md),
# the code of such a row in the text, CSV and report summaries, the same object
# in the `criteria test` and `diff` reports (and the result's field behind it), the
# severity in `criteria validate`'s JSON, and an English word in the message
# catalogue. It may appear there, and only there.
OWN_WORDS = {
    "error": {
        "render/fields.py",
        "render/csv_output.py",
        "render/register.py",
        "render/xlsx.py",
        "render/view.py",
        "text/catalogue.py",
        "authoring/json_reports.py",
        "authoring/expectations.py",
        "authoring/lint.py",
    }
}


def _docstrings(tree):
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_no_code_knows_an_id_of_the_bundled_measure(criteria):
    ids = {f.id for f in criteria.facts}
    ids |= {o for f in criteria.facts for o in f.option_ids}
    ids |= {o for o in criteria.outcomes if o != UNDETERMINED}
    assert len(ids) == 13 + 9 + 9 + 6 + 5
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) >= 10
    found = []
    for path in sources:
        source = path.read_text(encoding="utf-8")
        # Ids made of several words cannot occur by chance: not even in a comment.
        for ident in sorted(i for i in ids if "_" in i):
            for m in re.finditer(rf"(?<![A-Za-z0-9_]){re.escape(ident)}(?![A-Za-z0-9_])", source):
                found.append(f"{path.name}:{source.count(chr(10), 0, m.start()) + 1}: {ident}")
        # One-word ids ("context", "pilot", "exempt") may be English in prose,
        # but never a string in the code.
        tree = ast.parse(source)
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if node.value in ids and path.relative_to(PACKAGE).as_posix() not in OWN_WORDS.get(node.value, ()):
                    found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert found == []


# ====================================================== a made-up measure

# A lending library's fine waiver: two facts, one situation, one exclusion,
# a named condition, three rules. Nothing in it is Zigui's.

UNDETERMINED_BLOCK = """\
  - id: undetermined
    label:
      zh: 信息不足
      en: Not enough information
    favourable: null
"""
WAIVABLE_BLOCK = """\
  waivable:
    all:
      - not:
          exclusions: any
      - situations: any
"""


def variant(old: str, new: str) -> str:
    """The measure with one piece of text replaced (which must occur exactly once)."""
    assert MEASURE.count(old) == 1, old
    return MEASURE.replace(old, new)


def line_of(text: str, marker, occurrence: int = 1) -> int:
    """1-based number of the line holding ``marker`` (its ``occurrence``-th such line)."""
    if isinstance(marker, tuple):
        marker, occurrence = marker
        lines = [i for i, line in enumerate(text.splitlines(), 1) if marker in line]
    else:
        lines = [i for i, line in enumerate(text.splitlines(), 1) if marker in line]
        assert len(lines) == 1, f"marker {marker!r} is on lines {lines}"
    return lines[occurrence - 1]


def load_measure(text: str | bytes, name: str = "x.yaml"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return criteria_builder.loads(data, name)


def test_the_made_up_measure_loads():
    m = load_measure(MEASURE)
    assert (m.id, m.version, m.languages) == ("library-fines", "0.1", LANGS)
    assert [f.id for f in m.facts] == ["reason", "damaged"]
    assert m.fact_by_id["reason"].option_ids == ("illness", "closure")
    assert [s.id for s in m.situations] == ["W1"]
    assert [e.fact.id for e in m.exclusions] == ["damaged"]
    assert m.preconditions == ()
    assert {o.id: o.favourable for o in m.outcomes.values()} == {
        "refused": False,
        "outside": False,
        "waived": True,
        "undetermined": None,
    }
    assert [r.outcome.id for r in m.rules] == ["refused", "outside", "waived"]
    assert list(m.conditions) == ["waivable"]


# Each row: one defect. (name, old text, new text, marker of the line the
# error must name or None, key path or None, fragments of the English message)
DEFECTS = [
    (
        "unknown top-level key",
        "\nsituations:\n",
        "\nsituatons:\n",
        "situatons:",
        "situatons",
        ["unknown key 'situatons'", "did you mean 'situations'"],
    ),
    (
        "unknown key in a fact",
        "  - id: damaged\n    type: yesno\n",
        "  - id: damaged\n    type: yesno\n    hepl: x\n",
        "hepl: x",
        "facts[damaged].hepl",
        ["unknown key 'hepl'", "did you mean 'help'"],
    ),
    (
        "missing translation",
        "      zh: 图书损坏\n      en: Book damaged\n",
        "      zh: 图书损坏\n",
        "zh: 图书损坏",
        "facts[damaged].label",
        ["required key 'en' is missing"],
    ),
    (
        "plain string where translations are needed",
        "    label:\n      zh: 图书损坏\n      en: Book damaged\n",
        "    label: 图书损坏\n",
        "label: 图书损坏",
        "facts[damaged].label",
        ["needs a text for each language: zh, en"],
    ),
    (
        "duplicate fact id",
        "  - id: damaged\n",
        "  - id: reason\n",
        ("- id: reason", 2),
        "facts[2].id",
        ["duplicate fact id 'reason'"],
    ),
    (
        "duplicate option id",
        "      - id: closure\n",
        "      - id: illness\n",
        ("- id: illness", 2),
        "facts[reason].options[2].id",
        ["duplicate option id 'illness'"],
    ),
    (
        "duplicate YAML key",
        "    type: yesno\n",
        "    type: yesno\n    type: set\n",
        ("type: set", 2),
        "facts[2].type",
        ["duplicate key 'type'"],
    ),
    (
        "element on an undefined fact",
        "      - fact: reason\n",
        "      - fact: reasn\n",
        "fact: reasn",
        "situations[W1].all[1].fact",
        ["undefined fact 'reasn'", "did you mean 'reason'"],
    ),
    (
        "undefined option",
        "has_any: [illness, closure]",
        "has_any: [illness, holiday]",
        "holiday",
        "situations[W1].all[1].has_any[2]",
        ["fact 'reason' defines no option 'holiday'"],
    ),
    (
        "has on a yes/no fact",
        "  - fact: damaged\n    is: yes\n",
        "  - fact: damaged\n    has: illness\n",
        "has: illness",
        "exclusions[1].has",
        ["'has' does not apply to the yesno fact 'damaged'"],
    ),
    (
        "is on a set fact",
        "has_any: [illness, closure]",
        "is: yes",
        "        is: yes",
        "situations[W1].all[1].is",
        ["'is' does not apply to the set fact 'reason'"],
    ),
    (
        "two tests in one element",
        "        has_any: [illness, closure]\n",
        "        has_any: [illness, closure]\n        has: illness\n",
        "- fact: reason",
        "situations[W1].all[1]",
        ["a test on 'reason' needs exactly one of: has, has_any, has_all, has_none"],
    ),
    (
        "empty has_any",
        "has_any: [illness, closure]",
        "has_any: []",
        "has_any: []",
        "situations[W1].all[1].has_any",
        ["must not be empty"],
    ),
    (
        "unknown combinator",
        "  waivable:\n    all:\n",
        "  waivable:\n    every:\n",
        "every:",
        "conditions.waivable.every",
        ["unknown key 'every'", "all, any, not, ref"],
    ),
    (
        "ref to an undefined condition",
        "      ref: waivable\n",
        "      ref: waiveable\n",
        "ref: waiveable",
        "rules[3].when.ref",
        ["undefined condition 'waiveable'", "did you mean 'waivable'"],
    ),
    (
        "cycle between named conditions",
        WAIVABLE_BLOCK,
        "  waivable:\n    ref: again\n  again:\n    ref: waivable\n",
        ("ref: waivable", 1),
        "conditions.again.ref",
        ["cycle: waivable → again → waivable"],
    ),
    (
        "rule naming an undefined outcome",
        "  - outcome: waived\n",
        "  - outcome: waivd\n",
        "outcome: waivd",
        "rules[3].outcome",
        ["undefined outcome 'waivd'", "did you mean 'waived'"],
    ),
    (
        "outcomes without undetermined",
        UNDETERMINED_BLOCK,
        "",
        "- id: refused",
        "outcomes",
        ["outcomes must declare 'undetermined'"],
    ),
    (
        "favourable not a boolean",
        "    favourable: true\n",
        "    favourable: yes\n",
        "favourable: yes",
        "outcomes[waived].favourable",
        ["expected true/false"],
    ),
    (
        "unknown basis",
        "    basis: rule\n    all:\n",
        "    basis: rules\n    all:\n",
        "basis: rules",
        "situations[W1].basis",
        ["undefined basis 'rules'", "did you mean 'rule'"],
    ),
    (
        "YAML tag",
        'version: "0.1"\n',
        'version: !!python/object/apply:os.system ["echo hi"]\n',
        "version: !!python",
        "version",
        ["YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed"],
    ),
    (
        "wrong format",
        "format: 1\n",
        "format: 2\n",
        "format: 2",
        "format",
        ["unsupported format '2'"],
    ),
]

ALL_DEFECTS = [pytest.param(*row, id=row[0]) for row in DEFECTS]


@pytest.mark.parametrize(("name", "old", "new", "marker", "key", "fragments"), ALL_DEFECTS)
def test_a_defective_criteria_file_is_refused_with_line_and_key(name, old, new, marker, key, fragments, capfd):
    text = variant(old, new)
    with pytest.raises(CriteriaError) as info:
        load_measure(text, "x.yaml")
    error = info.value
    assert error.file == "x.yaml"
    assert error.line == line_of(text, marker)
    assert error.key == key
    message = error.message("en")
    for fragment in fragments:
        assert fragment in message
    assert error.message("zh")  # the Chinese text exists and fills in
    assert error.render("en").startswith(f"x.yaml:{error.line}")
    # Nothing the file says is run (the YAML tag row would print "hi").
    assert capfd.readouterr().out == ""


def test_an_empty_criteria_file_is_refused():
    for data in (b"", b"# only a comment\n", b"\n\n"):
        with pytest.raises(CriteriaError) as info:
            load_measure(data, "x.yaml")
        assert (info.value.line, info.value.key) == (None, None)
        assert "the file is empty" in info.value.message("en")


def test_a_python_tag_never_runs(tmp_path):
    marker = tmp_path / "ran"
    text = variant('version: "0.1"\n', f'version: !!python/object/apply:os.system ["touch {marker}"]\n')
    with pytest.raises(CriteriaError) as info:
        load_measure(text)
    assert "YAML tags" in info.value.message("en")
    assert not marker.exists()


def test_a_suggestion_is_given_only_when_a_name_is_close():
    text = variant("      - fact: reason\n", "      - fact: colour\n")
    with pytest.raises(CriteriaError) as info:
        load_measure(text)
    assert "undefined fact 'colour'" in info.value.message("en")
    assert "did you mean" not in info.value.message("en")


def test_each_defect_is_one_edit_away_from_a_valid_measure():
    for name, old, new, *_ in DEFECTS:
        assert MEASURE.count(old) == 1, name
    load_measure(MEASURE)


# ================================================= the engine is generic


def measure_case(measure, text: str):
    return case_reader.loads(text.encode("utf-8"), measure, "c.yaml")


@pytest.mark.parametrize(
    ("answers", "outcome", "rule", "met", "next_questions", "unchecked"),
    [
        ("reason: [illness]\n  damaged: no", "waived", 3, ["W1"], [], []),
        ("reason: [closure, illness]\n  damaged: 否", "waived", 3, ["W1"], [], []),
        ("reason: [closure]\n  damaged: yes", "refused", 1, ["W1"], [], []),
        ("damaged: yes", "refused", 1, [], [], []),
        ("reason: []\n  damaged: no", "outside", 2, [], [], []),
        ("reason: []", "outside", 2, [], [], ["damaged"]),
        ("reason: [illness]", "undetermined", None, ["W1"], ["damaged"], ["damaged"]),
        ("damaged: no", "undetermined", None, [], ["reason"], []),
        ("{}", "undetermined", None, [], ["reason", "damaged"], ["damaged"]),
    ],
)
def test_a_made_up_measure_evaluates_through_the_same_engine(answers, outcome, rule, met, next_questions, unchecked):
    measure = load_measure(MEASURE)
    text = f"answers: {answers}\n" if answers == "{}" else f"answers:\n  {answers}\n"
    d = evaluate(measure, measure_case(measure, text))
    assert d.outcome.id == outcome
    assert d.outcome is measure.outcomes[outcome]
    assert (d.rule.number if d.rule else None) == rule
    assert list(d.situations_met) == met
    assert list(d.next_questions) == next_questions
    assert list(d.unchecked_exclusions) == unchecked


def test_undetermined_is_the_measures_own(criteria):
    measure = load_measure(MEASURE)
    d = evaluate(measure, measure_case(measure, "answers:\n"))
    assert d.outcome.label == {"zh": "信息不足", "en": "Not enough information"}
    assert d.outcome.favourable is None
    assert d.outcome is not criteria.undetermined


def test_a_case_is_read_against_the_measure_it_is_checked_with():
    measure = load_measure(MEASURE)
    with pytest.raises(ZgError) as info:
        measure_case(measure, "answers:\n  private_gain: no\n")
    assert info.value.key == "answers.private_gain"
    with pytest.raises(ZgError) as info:
        measure_case(measure, "answers:\n  reason: [ilness]\n")
    assert "did you mean 'illness'" in info.value.message("en")


def test_a_yaml_case_file_in_flow_style_is_read_as_yaml():
    measure = load_measure(MEASURE)
    c = measure_case(measure, "{answers: {reason: [illness], damaged: no}}\n")
    assert evaluate(measure, c).outcome.id == "waived"


# ===================================================== --criteria PATH


@pytest.fixture
def measure_file(write):
    return write("library.yaml", MEASURE)


def test_check_with_criteria_path_uses_that_measure(write, measure_file):
    case = write("late.yaml", "case:\n  id: L-1\nanswers:\n  reason: [illness]\n  damaged: no\n")
    result = runner.invoke(app, ["check", "--criteria", str(measure_file), "--format", "json", str(case)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["file"] == str(case)
    assert out["case"]["id"] == "L-1"
    assert out["criteria"]["title"] == "图书馆逾期罚款减免办法"
    assert out["criteria"]["version"] == "0.1"
    assert out["outcome"] == "waived"
    assert out["outcome_label"] == "减免罚款"
    assert out["rule"] == 3
    assert [(s["id"], s["status"]) for s in out["situations"]] == [("W1", "met")]
    assert [(e["fact"], e["status"], e["answer"]) for e in out["situations"][0]["elements"]] == [
        ("reason", "met", ["illness"])
    ]
    assert out["preconditions"] == []
    assert [(e["fact"], e["status"], e["answer"]) for e in out["exclusions"]] == [("damaged", "not_met", False)]
    assert out["next_questions"] == []
    assert out["unchecked_exclusions"] == []


def test_check_with_criteria_path_exit_codes_follow_the_measures_outcomes(write, measure_file):
    cases = {
        "a-refused.yaml": "answers:\n  damaged: yes\n",
        "b-open.yaml": "answers:\n  reason: [closure]\n",
    }
    paths = [str(write(name, text)) for name, text in cases.items()]
    result = runner.invoke(app, ["check", "--criteria", str(measure_file), "--format", "json", paths[1]])
    assert result.exit_code == 3, result.output
    out = json.loads(result.stdout)
    assert (out["outcome"], out["rule"], out["next_questions"]) == ("undetermined", None, ["damaged"])
    result = runner.invoke(app, ["check", "--criteria", str(measure_file), "--format", "json", *paths])
    assert result.exit_code == 1, result.output
    assert [d["outcome"] for d in json.loads(result.stdout)] == ["refused", "undetermined"]


def test_check_with_criteria_path_in_text_and_english(write, measure_file):
    case = write("late.yaml", "answers:\n  reason: [closure]\n  damaged: no\n")
    result = runner.invoke(app, ["check", "--criteria", str(measure_file), "--lang", "en", str(case)])
    assert result.exit_code == 0, result.output
    assert "Fine waived" in result.stdout
    assert "For reference only." in result.stdout


def test_a_broken_criteria_file_exits_2_naming_file_and_line(write):
    text = variant("      - fact: reason\n", "      - fact: reasn\n")
    broken = write("broken.yaml", text)
    case = write("late.yaml", "answers:\n  damaged: no\n")
    line = line_of(text, "fact: reasn")
    for fmt in ("text", "json"):
        result = runner.invoke(app, ["check", "--criteria", str(broken), "--format", fmt, "--lang", "en", str(case)])
        assert result.exit_code == 2, result.output
        assert f"{broken}:{line}:" in result.stderr
        assert "situations[W1].all[1].fact" in result.stderr
        assert "undefined fact 'reasn'" in result.stderr
        assert "Traceback" not in result.output
        assert result.stdout == ""


def test_a_criteria_file_with_bad_yaml_exits_2(write):
    broken = write("broken.yaml", MEASURE.replace("languages: [zh, en]\n", "languages: [zh, en\n"))
    case = write("late.yaml", "answers:\n  damaged: no\n")
    result = runner.invoke(app, ["check", "--criteria", str(broken), str(case)])
    assert result.exit_code == 2, result.output
    assert f"{broken}:" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_criteria_file_exits_2(write, tmp_path):
    case = write("late.yaml", "answers:\n  damaged: no\n")
    missing = tmp_path / "nowhere.yaml"
    result = runner.invoke(app, ["check", "--criteria", str(missing), "--lang", "en", str(case)])
    assert result.exit_code == 2, result.output
    assert str(missing) in result.stderr
    assert "criteria file not found" in result.stderr
    assert "Traceback" not in result.output
