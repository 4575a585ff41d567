"""Properties of the engine over arbitrary answer sets (Hypothesis)."""

import json

from helpers import answer_sets, answer_strategy, make_case
from hypothesis import given, settings
from hypothesis import strategies as st

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.io import criteria_builder
from zgrongcuo.render.fields import determination_json

CRITERIA = criteria_builder.load()


answers = answer_sets(CRITERIA)


def outcome(values):
    return evaluate(CRITERIA, make_case(values))


@given(answers, st.sampled_from(["zh", "en"]))
def test_any_answer_set_evaluates_and_serialises(values, lang):
    d = outcome(values)
    assert d.outcome.id in CRITERIA.outcomes
    assert (d.rule is None) == (d.outcome.id == "undetermined")
    assert (d.next_questions == ()) == d.decided
    json.dumps(determination_json(d, lang), ensure_ascii=False)


@given(answers)
def test_an_exclusion_answered_yes_is_never_favourable(values):
    d = outcome(values)
    if any(values[e.fact.id] is True for e in CRITERIA.exclusions):
        assert d.outcome.id == "not_tolerated"
    if d.outcome.favourable:
        assert all(values[e.fact.id] is False for e in CRITERIA.exclusions)
        assert d.unchecked_exclusions == ()


@given(answers, st.data())
def test_answering_an_unknown_never_reverses_a_decided_outcome(values, data):
    """Filling in an unknown answer keeps a favourable outcome as it is, and never makes an unfavourable one favourable.

    (An unfavourable outcome may still become another unfavourable one: a case
    outside every situation is not_eligible before its bottom lines are examined,
    and not_tolerated once one of them is answered yes.)
    """
    d = outcome(values)
    unknown = [f for f in CRITERIA.facts if values[f.id] is None]
    if not unknown:
        return
    fact = data.draw(st.sampled_from(unknown))
    filled = {**values, fact.id: data.draw(answer_strategy(fact).filter(lambda v: v is not None))}
    after = outcome(filled)
    if d.outcome.favourable:
        assert after.outcome.id == d.outcome.id
    if d.outcome.favourable is False:
        assert after.outcome.favourable is False
    if d.outcome.favourable is None and fact.id not in d.next_questions:
        assert after.outcome.id == "undetermined"  # only the open questions can decide it


@settings(max_examples=200)
@given(answers)
def test_undetermined_cases_can_be_decided_by_their_open_questions(values):
    d = outcome(values)
    if d.decided:
        return
    assert d.next_questions
    # Answering every open question (here: the first option / yes) always decides.
    filled = dict(values)
    for fid in d.next_questions:
        fact = CRITERIA.fact_by_id[fid]
        filled[fid] = True if fact.type == "yesno" else (fact.option_ids[0],)
    assert outcome(filled).decided


@given(answers, st.sampled_from(["zh", "en"]), st.text(max_size=20))
def test_the_jsonl_line_encoder_writes_exactly_what_json_dumps_writes(values, lang, note):
    from zgrongcuo.model.case import Answer
    from zgrongcuo.render.fields import LineEncoder, determination_json
    from zgrongcuo.text.escape import utf8

    case = make_case(values, id="0755", title=note or None)
    if note:
        first = next(iter(case.answers))
        case.answers[first] = Answer(case.answers[first].value, note)
    d = evaluate(CRITERIA, case)
    encoder = LineEncoder(lang)
    expected = utf8(json.dumps(determination_json(d, lang), ensure_ascii=False))
    assert encoder.encode(d) == expected
    assert encoder.encode(d) == expected  # and again, from the cache


@settings(max_examples=100)
@given(answers, st.sampled_from(["zh", "en"]), st.booleans())
def test_any_determination_validates_against_the_published_schema(values, lang, explain):
    import jsonschema

    from zgrongcuo.render.fields import determination_json

    d = evaluate(CRITERIA, make_case(values))
    jsonschema.validate(determination_json(d, lang, explain=explain), _schema(lang))


_SCHEMAS: dict = {}


def _schema(lang):
    from zgrongcuo.render.fields import determination_schema

    if lang not in _SCHEMAS:
        _SCHEMAS[lang] = determination_schema(CRITERIA, lang)
    return _SCHEMAS[lang]
