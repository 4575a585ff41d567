"""`suggested:` in case files: read strictly, written so that it reads back, never taken for answers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zgrongcuo.engine.evaluation import evaluate
from zgrongcuo.errors import CaseError
from zgrongcuo.io import case_reader, case_writer, criteria_builder
from zgrongcuo.model.case import META_KEYS, Answer, Case
from zgrongcuo.model.suggestion import Evidence, Suggestion
from zgrongcuo.model.vocabulary import control_character

CRITERIA = criteria_builder.load()
_TEXTS = st.text(alphabet=st.characters(codec="utf-8").filter(lambda ch: control_character(ch) is None), min_size=1)
_SENTENCES = _TEXTS.filter(lambda t: t.strip() != "")
_SOURCES = st.one_of(st.none(), _TEXTS)


def _suggestion(fact):
    if fact.type == "yesno":
        value = st.sampled_from([True, False])
        contrary = st.builds(Evidence, _SENTENCES, _SOURCES, st.booleans())
    else:
        value = st.lists(st.sampled_from(fact.option_ids), unique=True, min_size=1).map(tuple)
        contrary = st.builds(Evidence, _SENTENCES, _SOURCES, st.booleans(), st.sampled_from(fact.option_ids))

    @st.composite
    def made(draw):
        conflicting = tuple(draw(st.lists(contrary, max_size=3)))
        proposes = draw(st.booleans()) or not conflicting
        if not proposes:
            return Suggestion(None, (), conflicting)
        v = draw(value)
        says = v if isinstance(v, bool) else True
        one_source = draw(st.booleans())
        source = draw(_SOURCES)
        evidence = tuple(
            Evidence(text, source if one_source else draw(_SOURCES), says)
            for text in draw(st.lists(_SENTENCES, min_size=1, max_size=3))
        )
        return Suggestion(v, evidence, conflicting)

    return made()


_SUGGESTED = st.fixed_dictionaries({}, optional={f.id: _suggestion(f) for f in CRITERIA.facts})


def _plain(suggested):
    return {f: (s.value, s.evidence, s.conflicting) for f, s in suggested.items()}


@pytest.mark.parametrize("json_syntax", [False, True], ids=["yaml", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@given(suggested=_SUGGESTED)
def test_any_suggestions_read_back_to_themselves(json_syntax, lang, suggested):
    case = Case("x", dict.fromkeys(META_KEYS), {}, suggested=suggested)
    data = case_writer.dumps(case, CRITERIA, lang=lang, json_syntax=json_syntax)
    back = case_reader.loads(data.encode("utf-8"), CRITERIA, "x.json" if json_syntax else "x.yaml")
    assert _plain(back.suggested) == _plain(suggested)


SUGGESTED = """\
answers:
  context: [reform_innovation]
suggested:
  causes:
    value: [pilot]
    evidence: "该项工作属于先行先试。"
    from: 报道.txt
  consequences:
    value: [error]
    evidence: ["违反了有关规定。", "文件违规。"]
    from: [a.txt, b.docx]
  private_gain:
    conflicting:
      - {value: 否, evidence: "未谋取私利。", from: a.txt}
      - {value: 是, evidence: "收受好处。"}
  diligent: {value: 是, evidence: "勤勉尽责。"}
"""


def test_a_case_file_with_suggestions_reads_them_and_evaluates_its_answers_only():
    case = case_reader.loads(SUGGESTED.encode(), CRITERIA, "c.yaml")
    assert case.suggested["causes"] == Suggestion(
        ("pilot",), (Evidence("该项工作属于先行先试。", "报道.txt", True),), line=5
    )
    assert [e.source for e in case.suggested["consequences"].evidence] == ["a.txt", "b.docx"]
    assert case.suggested["private_gain"].value is None
    assert [(e.says, e.source) for e in case.suggested["private_gain"].conflicting] == [(False, "a.txt"), (True, None)]
    assert case.awaiting() == 3  # causes, consequences, diligent: the conflict awaits no confirmation
    assert set(case.values()) == {"context"}
    d = evaluate(CRITERIA, case)
    assert {e.fact for e in d.preconditions if e.answer is not None} == set()


@pytest.mark.parametrize(
    ("text", "msg_id", "key"),
    [
        ("answers:\n  diligent: 是\nsuggested:\n  diligent: {value: 是, evidence: x}\n", "suggested_answered", "suggested.diligent"),
        ("suggested:\n  diligentt: {value: 是, evidence: x}\n", "unknown_fact", "suggested.diligentt"),
        ("suggested:\n  diligent: {value: 是}\n", "missing_key", "suggested.diligent"),
        ("suggested:\n  diligent: {evidence: x}\n", "suggested_nothing", "suggested.diligent"),
        ("suggested:\n  diligent: {value: ~, evidence: x}\n", "suggested_nothing", "suggested.diligent"),
        ("suggested:\n  diligent: {value: 也许, evidence: x}\n", "bad_yesno", "suggested.diligent.value"),
        ("suggested:\n  causes: {value: [pilott], evidence: x}\n", "unknown_option", "suggested.causes.value[1]"),
        ("suggested:\n  diligent: {value: 是, evidence: ''}\n", "empty_value", "suggested.diligent.evidence"),
        ("suggested:\n  diligent: {value: 是, evidence: \"a\\e[2J\"}\n", "control_in_text", "suggested.diligent.evidence"),
        ("suggested:\n  diligent: {value: 是, evidence: [a, b], from: [x]}\n", "suggested_from_count", "suggested.diligent.from"),
        ("suggested:\n  diligent: {value: 是, evidence: x, why: y}\n", "unknown_key", "suggested.diligent.why"),
        ("suggested:\n  causes:\n    conflicting:\n      - {value: 是, evidence: x}\n", "missing_key", "suggested.causes.conflicting[1]"),
        ("suggested:\n  diligent:\n    conflicting:\n      - {value: 是, evidence: x, option: pilot}\n", "option_on_yesno", "suggested.diligent.conflicting[1].option"),
        ("suggested:\n  causes:\n    conflicting:\n      - {value: 是, evidence: x, option: pilott}\n", "unknown_option", "suggested.causes.conflicting[1].option"),
        ("suggested: [diligent]\n", "wrong_type", "suggested"),
    ],
)
def test_a_bad_suggestion_is_refused_naming_its_key(text, msg_id, key):
    with pytest.raises(CaseError) as caught:
        case_reader.loads(text.encode(), CRITERIA, "c.yaml")
    assert (caught.value.msg_id, caught.value.key) == (msg_id, key)
    assert caught.value.line is not None


def test_an_answer_and_its_suggestion_are_written_apart_in_asking_order():
    case = Case(
        "x",
        dict.fromkeys(META_KEYS),
        {"context": Answer(("reform_innovation",))},
        suggested={
            "private_gain": Suggestion(False, (Evidence("未谋取私利。", "a.txt", False),)),
            "causes": Suggestion(("pilot",), (Evidence("先行先试。", "a.txt", True), Evidence("试点。", "b.txt", True))),
        },
    )
    text = case_writer.dumps(case, CRITERIA, lang="zh")
    assert text.index("answers:") < text.index("suggested:")
    assert text.index("  causes:") < text.index("  private_gain:")
    assert '    evidence:\n      - "先行先试。"\n      - "试点。"\n    from:\n      - "a.txt"\n      - "b.txt"' in text
    assert '  private_gain:\n    value: 否\n    evidence: "未谋取私利。"\n    from: "a.txt"' in text


# ------------------------------------------------------------------ what check says of them


def _check_text(cases, measures, **options):
    import io

    from zgrongcuo.render.contract import RenderOptions
    from zgrongcuo.render.terminal import TextRenderer

    out = io.StringIO()
    renderer = TextRenderer(out, RenderOptions("zh", measures=len(measures), **options))
    for case in cases:
        renderer.determinations(tuple(evaluate(m, case) for m in measures))
    renderer.close()
    return out.getvalue()


def test_check_says_in_one_line_that_suggestions_await_and_evaluates_answers_only():
    case = case_reader.loads(SUGGESTED.encode(), CRITERIA, "c.yaml")
    out = _check_text([case], [CRITERIA])
    waiting = [line for line in out.splitlines() if "尚待确认" in line]
    assert len(waiting) == 1 and "3 条建议答案" in waiting[0]
    plain = case_reader.loads(b"answers:\n  context: [reform_innovation]\n", CRITERIA, "c.yaml")
    assert evaluate(CRITERIA, case).outcome.id == evaluate(CRITERIA, plain).outcome.id
    assert "尚待确认" not in _check_text([plain], [CRITERIA])


def test_with_several_measures_the_line_is_said_once():
    from zgrongcuo.io.questions import load_measures, questions

    asked = questions(load_measures(["zigui-2018", "wenze-2019"]))
    case = case_reader.loads(SUGGESTED.encode(), asked, "c.yaml")
    out = _check_text([case], asked.measures)
    assert out.count("尚待确认") == 1


def test_json_counts_the_suggestions_awaiting_and_the_line_encoder_agrees():
    import json

    from zgrongcuo.render.fields import LineEncoder, determination_json, determination_schema

    case = case_reader.loads(SUGGESTED.encode(), CRITERIA, "c.yaml")
    d = evaluate(CRITERIA, case)
    obj = determination_json(d, "zh")
    assert obj["suggested"] == 3
    assert json.loads(LineEncoder("zh").encode(d)) == obj
    import jsonschema

    jsonschema.validate(obj, determination_schema(CRITERIA, "zh"))
    plain = evaluate(CRITERIA, case_reader.loads(b"answers: {}\n", CRITERIA, "c.yaml"))
    assert determination_json(plain, "zh")["suggested"] == 0
    assert json.loads(LineEncoder("zh").encode(plain))["suggested"] == 0


def test_a_batch_summary_gives_the_total():
    case = case_reader.loads(SUGGESTED.encode(), CRITERIA, "c.yaml")
    other = case_reader.loads("suggested:\n  diligent: {value: 否, evidence: x}\n".encode(), CRITERIA, "d.yaml")
    out = _check_text([case, other, case_reader.loads(b"answers: {}\n", CRITERIA, "e.yaml")], [CRITERIA], batch=True)
    assert "另有 4 条建议答案待确认（2 件），未计入判定" in out.replace("\n", "")


def test_the_case_schema_knows_suggested():
    import jsonschema
    import yaml

    from zgrongcuo.authoring.case_schema import case_schema

    schema = case_schema(CRITERIA, "zh")
    jsonschema.validate(yaml.safe_load(SUGGESTED), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(SUGGESTED.replace("value: [pilot]", "value: [pilott]")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(SUGGESTED + "  remedied: {value: 是, evidence: x, why: y}\n"), schema)
