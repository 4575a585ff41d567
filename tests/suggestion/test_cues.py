"""Cues in a criteria file: how they are written, what loading refuses, and the bundled measures' lists."""

import pytest
from helpers import MEASURE

from zgrongcuo.errors import CriteriaError
from zgrongcuo.io import criteria_builder
from zgrongcuo.io.measures import bundled_measures
from zgrongcuo.model.criteria import Questions
from zgrongcuo.suggestion.cues import GAP, CueIndex, parts, phrase_problem

DAMAGED_HELP = "      zh: 损坏即不予减免。\n      en: A damaged book is never waived.\n"
ILLNESS_HELP = "          zh: 借阅人生病住院。\n          en: The borrower was in hospital.\n"
REASON_HELP = "      zh: 可多选；都不是则选“无”。\n      en: Several may apply; none if none.\n"


def with_cues(block: str, where: str = DAMAGED_HELP) -> bytes:
    assert MEASURE.count(where) == 1
    return MEASURE.replace(where, where + block).encode()


def refused(block: str, where: str = DAMAGED_HELP) -> CriteriaError:
    with pytest.raises(CriteriaError) as caught:
        criteria_builder.loads(with_cues(block, where), "m.yaml")
    return caught.value


def test_cues_load_onto_questions_and_options():
    m = criteria_builder.loads(
        with_cues("    cues:\n      yes: [损坏, 撕毁…页]\n      no: [完好]\n      unless: [赔偿]\n")
        .decode()
        .replace(ILLNESS_HELP, ILLNESS_HELP + "        cues: [生病, 住院]\n")
        .encode(),
        "m.yaml",
    )
    damaged = m.fact_by_id["damaged"]
    assert damaged.cues == {True: ("损坏", "撕毁…页"), False: ("完好",)}
    assert damaged.cues_unless == ("赔偿",)
    assert m.fact_by_id["reason"].option("illness").cues == ("生病", "住院")
    assert m.fact_by_id["reason"].option("closure").cues == ()


@pytest.mark.parametrize(
    ("block", "msg_id", "key"),
    [
        ("    cues:\n      yes: [~]\n", "empty_value", "facts[damaged].cues.yes[1]"),
        ("    cues:\n      yes: ['  ']\n", "cue_empty", "facts[damaged].cues.yes[1]"),
        ("    cues:\n      yes: [损坏]\n      no: [完好, 损坏]\n", "cue_both_ways", "facts[damaged].cues.no[2]"),
        ("    cues:\n      yes: [损坏，破损]\n", "cue_punctuation", "facts[damaged].cues.yes[1]"),
        ("    cues:\n      yes: […损坏]\n", "cue_gap_edge", "facts[damaged].cues.yes[1]"),
        ("    cues:\n      yes: [损…………坏…]\n", "cue_gap_edge", "facts[damaged].cues.yes[1]"),
        ("    cues:\n      yes: [损坏, 破损, 损坏]\n", "cue_repeated", "facts[damaged].cues.yes[3]"),
        ("    cues:\n      unless: [赔…偿]\n", "cue_gap_in_word", "facts[damaged].cues.unless[1]"),
        ("    cues:\n      ys: [损坏]\n", "unknown_key", "facts[damaged].cues.ys"),
        ("    cues: [损坏]\n", "wrong_type", "facts[damaged].cues"),
        ("    cues:\n      yes: 损坏\n", "wrong_type", "facts[damaged].cues.yes"),
        ("    cues:\n      yes: [\"损\\e坏\"]\n", "control_in_text", "facts[damaged].cues.yes[1]"),
    ],
)
def test_a_bad_cue_is_refused_naming_its_key(block, msg_id, key):
    error = refused(block)
    assert (error.msg_id, error.key) == (msg_id, key)
    assert error.line is not None


def test_a_list_takes_its_cues_on_its_options():
    error = refused("    cues:\n      yes: [生病]\n", REASON_HELP)
    assert (error.msg_id, error.key) == ("cues_on_set", "facts[reason].cues")
    assert "options" in error.render("en")


def test_the_unknown_key_names_the_ones_allowed_and_a_near_one():
    error = refused("    cues:\n      yse: [损坏]\n")
    assert error.suggestion == "yes"
    assert "unless" in error.render("zh")


@pytest.mark.parametrize(
    ("phrase", "pieces", "problem"),
    [
        ("集体研究", ["集体研究"], None),
        ("违反…规定", ["违反", "规定"], None),
        ("违反...规定", ["违反", "规定"], None),
        ("违反……规定", ["违反", "规定"], None),
        ("违反…", ["违反", ""], "cue_gap_edge"),
        ("违反…规定，程序", None, "cue_punctuation"),
        ("", None, "cue_empty"),
    ],
)
def test_how_a_phrase_reads(phrase, pieces, problem):
    assert phrase_problem(phrase) == problem
    if pieces is not None:
        assert parts(phrase) == pieces


def test_a_gap_is_short_and_stays_in_its_clause():
    m = criteria_builder.loads(with_cues("    cues:\n      yes: [撕毁…页]\n"), "m.yaml")
    index = CueIndex(Questions.single(m))
    found = lambda text: [(h.start, h.end, h.gaps) for h in index.hits(text)[0]]  # noqa: E731
    assert found("撕毁三页") == [(0, 4, "三")]
    assert found("撕毁" + "了" * GAP + "页") == [(0, GAP + 3, "了" * GAP)]
    assert found("撕毁" + "了" * (GAP + 1) + "页") == []
    assert found("撕毁，三页") == []


# ------------------------------------------------------------------ the bundled measures


@pytest.fixture(scope="module")
def measures():
    return {name: criteria_builder.load(path) for name, path in bundled_measures().items()}


def test_every_bundled_measure_gives_cues(measures):
    for m in measures.values():
        cued = [f for f in m.facts if f.cues or any(o.cues for o in f.options)]
        assert len(cued) >= len(m.facts) - 1, m.id


def test_shared_questions_and_options_share_their_cues(measures):
    """One case file serves every measure: a question they share is read from a text the same way whichever is chosen."""
    seen: dict[tuple[str, str | None], tuple[str, object]] = {}
    for m in measures.values():
        for fact in m.facts:
            entries = [((fact.id, None), (fact.cues, fact.cues_unless))] if fact.type == "yesno" else []
            entries += [((fact.id, o.id), o.cues) for o in fact.options]
            for key, cues in entries:
                if key in seen:
                    assert cues == seen[key][1], f"{key} differs between {seen[key][0]} and {m.id}"
                else:
                    seen[key] = (m.id, cues)


def test_no_bundled_phrase_shows_both_answers_or_two_options(measures):
    for m in measures.values():
        for fact in m.facts:
            if fact.type == "yesno":
                assert not set(fact.cues.get(True, ())) & set(fact.cues.get(False, ())), fact.id
            else:
                listed = [p for o in fact.options for p in o.cues]
                assert len(listed) == len(set(listed)), fact.id


# ------------------------------------------------------------------ the linter


def lint_ids(data: bytes) -> list[tuple[str, str]]:
    from zgrongcuo.authoring.lint import lint

    return [(f.problem.msg_id, f.problem.key) for f in lint(criteria_builder.loads(data, "m.yaml"))]


def test_the_linter_warns_of_cues_that_would_mislead():
    data = (
        with_cues("    cues:\n      yes: [损]\n")
        .decode()
        .replace(ILLNESS_HELP, ILLNESS_HELP + "        cues: [生病, 闭馆]\n")
        .replace(
            "          zh: 图书馆临时闭馆。\n          en: The library was closed.\n",
            "          zh: 图书馆临时闭馆。\n          en: The library was closed.\n        cues: [闭馆]\n",
        )
        .encode()
    )
    found = lint_ids(data)
    assert ("lint.cue_short", "facts[damaged].cues") in found
    assert ("lint.cue_two_options", "facts[reason].options[closure].cues") in found
    assert lint_ids(with_cues("    cues:\n      unless: [赔偿]\n")) == [("lint.cue_unless_alone", "facts[damaged].cues.unless")]


def test_the_bundled_measures_cues_draw_no_warning(measures):
    from zgrongcuo.authoring.lint import lint

    for m in measures.values():
        assert [f.problem.msg_id for f in lint(m) if f.problem.msg_id.startswith("lint.cue")] == [], m.id
