"""What would change the outcome: hand-worked cases, wording, and properties of the search."""

from helpers import CLEAN, MEASURE, S2_EXEMPT, answer_sets, make_case
from hypothesis import given
from hypothesis import strategies as st

from zgrongcuo.engine import counterfactuals as search
from zgrongcuo.engine.evaluation import evaluate as _evaluate
from zgrongcuo.io import criteria_builder
from zgrongcuo.text.explanation import counterfactual_text, explanation

CRITERIA = criteria_builder.load()
answers = answer_sets(CRITERIA)


def evaluate(criteria, case):
    """The determination with what would change it, as the renderers for people get it."""
    return _evaluate(criteria, case, explain=True)


def counterfactuals(criteria, values):
    """The search's findings; every search here must finish within its budget."""
    found, complete = search.counterfactuals(criteria, values)
    assert complete
    return found


def explain(d):
    items, complete = search.explain(d)
    assert complete
    assert items == d.counterfactuals  # what the engine attached is what the search finds
    return list(items)


def found(values, criteria=CRITERIA):
    """Each counterfactual as a set of (fact, new answer), with its outcome."""
    return {
        (frozenset((ch.fact.id, ch.after) for ch in cf.changes), cf.outcome.id)
        for cf in counterfactuals(criteria, values)
    }


def change(**after):
    return frozenset(after.items())


# ------------------------------------------------------------ hand-worked


def test_the_article_case_without_a_democratic_decision():
    # One change restores situation 2. Two changes reach situation 3 (context
    # gains creative implementation, causes gain either of its two causes; the
    # error is already there) or situation 5 (either of its two contexts, and
    # proactive). Situations 1 and 4 need three changes, so they are absent.
    values = {**S2_EXEMPT, "democratic_decision": False}
    r = ("reform_innovation",)
    assert found(values) == {
        (change(democratic_decision=True), "exempt"),
        (change(context=r + ("creative_implementation",), causes=("pilot", "unclear_policy")), "exempt"),
        (change(context=r + ("creative_implementation",), causes=("pilot", "unforeseeable")), "exempt"),
        (change(context=r + ("urgent_difficult_task",), causes=("pilot", "proactive")), "exempt"),
        (change(context=r + ("high_risk_work",), causes=("pilot", "proactive")), "exempt"),
    }
    first = counterfactuals(CRITERIA, values)[0]
    assert first.situations_met == ("S2",) and not first.bottom_line


def test_two_changes_needed_and_no_single_one_suffices():
    # Outside every situation: a context and a cause are both missing.
    values = {**CLEAN, "context": (), "causes": (), "consequences": ("error",)}
    assert evaluate(CRITERIA, make_case(values)).outcome.id == "not_eligible"
    assert found(values) == {
        (change(context=("creative_implementation",), causes=("unclear_policy",)), "exempt"),
        (change(context=("creative_implementation",), causes=("unforeseeable",)), "exempt"),
        (change(context=("urgent_difficult_task",), causes=("proactive",)), "exempt"),
        (change(context=("high_risk_work",), causes=("proactive",)), "exempt"),
    }
    assert all(len(cf.changes) == 2 for cf in counterfactuals(CRITERIA, values))


def test_none_within_two_when_three_bottom_lines_are_touched():
    values = {**S2_EXEMPT, "private_gain": True, "knowingly_violated": True, "major_liability_accident": True}
    assert evaluate(CRITERIA, make_case(values)).outcome.id == "not_tolerated"
    assert found(values) == set()


def test_two_bottom_lines_need_both_findings():
    values = {**S2_EXEMPT, "private_gain": True, "knowingly_violated": True}
    (cf,) = counterfactuals(CRITERIA, values)
    assert cf.facts == ("private_gain", "knowingly_violated") and cf.bottom_line
    assert cf.outcome.id == "exempt"


def test_none_within_two_when_the_bottom_lines_were_never_examined():
    values = {"context": (), "causes": (), "consequences": ()}
    d = evaluate(CRITERIA, make_case(values))
    assert d.outcome.id == "not_eligible" and explain(d) == []
    ex = explanation(d, "zh")
    assert ex.lines == [] and ex.bottom_lines == []
    assert ex.closing[0] == "在至多两项回答的改变中，没有能使结论变为有利的。"
    assert "底线均查明" in ex.closing[1] and "谋取私利" in ex.closing[1]


def test_gravity_has_two_ways_out():
    values = {**S2_EXEMPT, "serious_consequence": True, "remedied": False}
    assert found(values) == {
        (change(serious_consequence=False), "exempt"),
        (change(remedied=True), "mitigated"),
    }


def test_a_favourable_outcome_has_nothing_to_change():
    assert explain(evaluate(CRITERIA, make_case(S2_EXEMPT))) == []
    assert not explanation(evaluate(CRITERIA, make_case(S2_EXEMPT)), "zh")


def test_removing_an_option_and_two_steps_on_one_fact():
    # The library measure, narrowed to "illness and not closure": a closure
    # alone must lose closure and gain illness — two steps on one fact.
    narrowed = MEASURE.replace(
        "        has_any: [illness, closure]\n        basis: reading\n",
        "        has_any: [illness, closure]\n        basis: reading\n      - fact: reason\n        has_none: [closure]\n",
    )
    library = criteria_builder.loads(narrowed.encode(), "library.yaml")
    values = {"reason": ("closure",), "damaged": False}
    assert found(values, library) == {(change(reason=("illness",)), "waived")}
    d = evaluate(library, make_case(values))
    (cf,) = explain(d)
    # The library measure names no situation shortly: a sentence names it by its id.
    assert counterfactual_text(cf, d, "zh") == "若逾期原因还包括“生病”，且逾期原因不包括“闭馆”，则符合W1，结论为减免罚款。"
    assert counterfactual_text(cf, d, "en") == (
        "If Reason for the delay also included “Illness”, and Reason for the delay did not include “Library closed”, "
        "W1 would be met and the outcome would be: Fine waived."
    )


def test_an_unknown_answer_may_be_filled_in():
    values = {**S2_EXEMPT, "democratic_decision": None, "conformed_to_superior_decision": None}
    # Situation 2 hangs on the democratic decision; situation 1 is already
    # false (its context is missing), so its unknown answer decides nothing.
    d = evaluate(CRITERIA, make_case(values))
    assert d.outcome.id == "undetermined"
    results = {(cf.changes[0].fact.id, cf.changes[0].after, cf.outcome.id) for cf in explain(d)}
    assert results == {("democratic_decision", True, "exempt"), ("democratic_decision", False, "not_eligible")}


# ------------------------------------------------------------------ words


def test_the_issues_sentence_for_the_article_case():
    d = evaluate(CRITERIA, make_case({**S2_EXEMPT, "democratic_decision": False}))
    text = counterfactual_text(explain(d)[0], d, "zh")
    assert text == "若经过民主决策程序为“是”（现为“否”），则符合情形二，结论为建议容错免责（免予责任追究）。"
    assert text.endswith("结论为建议容错免责（免予责任追究）。")


def test_bottom_lines_are_worded_as_findings_not_advice():
    d = evaluate(CRITERIA, make_case({**S2_EXEMPT, "private_gain": True}))
    ex = explanation(d, "zh")
    assert ex.lines == [] and ex.intro == ""
    assert "不建议改变已发生的事实" in ex.bottom_heading
    (line,) = ex.bottom_lines
    assert line == "“谋取私利”认定为“否”（现为“是”）的，结论为建议容错免责（免予责任追究）。"
    assert not line.startswith("若")
    en = explanation(d, "en").bottom_lines[0]
    assert en.startswith("Where “") and "is established as “no” (now “yes”)" in en


def test_open_questions_say_what_each_answer_alone_leads_to():
    values = {k: v for k, v in S2_EXEMPT.items() if k != "private_gain"}
    d = evaluate(CRITERIA, make_case(values))
    assert d.next_questions == ("private_gain",)
    ex = explanation(d, "zh")
    assert ex.intro == "单独回答一个待答问题即可定案的情况："
    assert ex.lines == [  # one line per open question, each answer's result side by side
        "谋取私利回答为“是”时，结论为不予容错（触及底线）。"
        "谋取私利回答为“否”时，则符合情形二，结论为建议容错免责（免予责任追究）。",
    ]


# ------------------------------------------------------------- properties


def _apply(values, cf):
    return {**values, **{ch.fact.id: ch.after for ch in cf.changes}}


def _steps(ch):
    if ch.fact.type == "yesno":
        return 1
    if ch.before is None:
        return max(1, len(ch.after))
    return len(set(ch.before) ^ set(ch.after))


def _single_changes(values):
    """Every single change, enumerated independently of the module under test."""
    for fact in CRITERIA.facts:
        v = values[fact.id]
        if fact.type == "yesno":
            for to in (True, False):
                if to is not v:
                    yield {fact.id: to}
        elif v is None:
            yield {fact.id: ()}
            for o in fact.option_ids:
                yield {fact.id: (o,)}
        else:
            for o in fact.option_ids:
                yield {fact.id: tuple(x for x in fact.option_ids if (x in v) != (x == o))}


@given(answers)
def test_every_counterfactual_is_favourable_minimal_and_complete_for_one_change(values):
    d = evaluate(CRITERIA, make_case(values))
    cfs = explain(d)
    if d.outcome.favourable is not False:
        return
    singles = {
        tuple(sorted(ch.items()))
        for ch in _single_changes(values)
        if _evaluate(CRITERIA, make_case({**values, **ch})).outcome.favourable is True
    }
    listed = set()
    for cf in cfs:
        after = _evaluate(CRITERIA, make_case(_apply(values, cf)))
        assert after.outcome.id == cf.outcome.id and after.outcome.favourable is True
        steps = sum(_steps(ch) for ch in cf.changes)
        assert 1 <= steps <= 2
        if steps == 2 and len(cf.changes) == 2:
            for one in cf.changes:  # minimal: neither change alone is enough
                alone = _evaluate(CRITERIA, make_case({**values, one.fact.id: one.after}))
                assert alone.outcome.favourable is not True
        if steps == 1:
            listed.add(tuple(sorted((ch.fact.id, ch.after) for ch in cf.changes)))
        assert cf.bottom_line == any(ch.fact.id in {e.fact.id for e in CRITERIA.exclusions} for ch in cf.changes)
    assert listed == singles


@given(answers, st.sampled_from(["zh", "en"]))
def test_undetermined_answers_decide_alone(values, lang):
    d = evaluate(CRITERIA, make_case(values))
    if d.decided:
        return
    for cf in explain(d):
        (ch,) = cf.changes
        assert ch.fact.id in d.next_questions and ch.before is None
        assert _evaluate(CRITERIA, make_case(_apply(values, cf))).outcome.id == cf.outcome.id != "undetermined"
    explanation(d, lang)
