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
