"""The JSONL line encoder writes, byte for byte, what json.dumps writes of a determination's object, in UTF-8.

One encoder per language serves every example, as one serves a whole batch:
a cached text keyed too loosely would show as a line written for another case.
"""

import json

from hypothesis import event, given
from hypothesis import strategies as st

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import CaseError
from zgrongcuo.io import case_reader
from zgrongcuo.io.criteria_builder import load
from zgrongcuo.io.questions import questions
from zgrongcuo.render.fields import LineEncoder, determination_json
from zgrongcuo.text.escape import utf8

MEASURES = tuple(load(name) for name in ("zigui-2018", "wenze-2019", "hubei-2020"))
ASKED = questions(MEASURES)
ENCODERS = {lang: LineEncoder(lang) for lang in ("zh", "en")}

words = st.sampled_from(["", "见会议纪要。", "note \"quoted\" \\ back", "\u202e反向", "行一\n行二", "0755", "😀"])


def answer(fact):
    if fact.type == "yesno":
        value = st.sampled_from(["是", "否", "不确定", None, True, False])
    else:
        value = st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True, max_size=3))
    noted = st.fixed_dictionaries({"value": value}, optional={"note": words})
    return st.one_of(value, noted, st.fixed_dictionaries({"note": words}))


@st.composite
def case_documents(draw):
    facts = draw(st.lists(st.sampled_from(ASKED.facts), unique_by=lambda f: f.id))
    doc = {
        "case": draw(st.fixed_dictionaries({}, optional={k: words for k in ("id", "title", "subject", "summary")})),
        "answers": {f.id: draw(answer(f)) for f in facts},
    }
    if draw(st.booleans()):
        doc["case"]["conduct_date"] = draw(st.sampled_from(["2014", "2019-08", "2019-09-01", "2021-03-05"]))
    if draw(st.booleans()):
        measure = draw(st.sampled_from([*MEASURES, None]))
        outcomes = [o.id for o in measure.outcomes.values() if o.favourable is not None] if measure else ["relief_full", "no_relief"]
        doc["decision"] = {"outcome": draw(st.sampled_from(outcomes)), "measure": measure.id if measure else "unknown"}
        doc["decision"].update(draw(st.fixed_dictionaries({}, optional={"by": words, "note": words})))
    return doc


# A file name is what the file system gave: not always text (an undecodable byte comes as a lone surrogate).
names = st.sampled_from(["case.json", "案件 1.json", "a\\b\"c.json", "名\udcff.json"])


@given(
    case_documents(),
    st.lists(st.sampled_from(MEASURES), min_size=1, max_size=3, unique_by=id),
    st.sampled_from(["zh", "en"]),
    names,
)
def test_each_line_is_what_json_dumps_writes(doc, measures, lang, name):
    asked = questions(measures) if len(measures) > 1 else ASKED
    try:
        case = case_reader.loads(json.dumps(doc, ensure_ascii=False).encode(), asked, name)
    except CaseError as error:  # a question none of the chosen measures asks: not this test's business
        event(f"not loaded: {error.msg_id}")
        return
    for criteria in measures:
        d = evaluate(criteria, case, questions=asked if len(measures) > 1 else None)
        event(f"{d.outcome.id}, {len(d.unused_answers) > 0}, {bool(d.notices)}, {d.agrees}")
        expected = utf8(json.dumps(determination_json(d, lang), ensure_ascii=False))
        assert ENCODERS[lang].encode(d) == expected
        assert ENCODERS[lang].line(d) == expected + b"\n"


def test_a_determination_given_its_results_is_written_the_same():
    # A determination made with its results (no record of the engine's values) takes the encoder's other way.
    from conftest import EXAMPLES

    from zgrongcuo.model.determination import Determination

    for path in sorted(EXAMPLES.glob("*.yaml")):
        case = case_reader.load(str(path), ASKED)
        d = evaluate(MEASURES[0], case)
        given = Determination(
            d.case, d.criteria, d.outcome, d.rule, d.rule_values, d.situations, d.preconditions, d.exclusions,
            d.next_questions, d.unchecked_exclusions, values=d.values,
        )  # fmt: skip
        assert given.truths is None and given.situation_places() is None
        for lang, encoder in ENCODERS.items():
            expected = utf8(json.dumps(determination_json(given, lang), ensure_ascii=False))
            assert encoder.encode(given) == expected == encoder.encode(d)
