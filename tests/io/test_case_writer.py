"""Case files written by the interview read back, through case.load, to what was written."""

import pytest
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st

from zgrongcuo.io import case_reader, case_writer, criteria_builder
from zgrongcuo.model.case import META_KEYS, Answer, Case, Expect
from zgrongcuo.model.vocabulary import control_character

CRITERIA = criteria_builder.load()


def _answer(fact):
    if fact.type == "yesno":
        value = st.sampled_from([True, False, None])
    else:
        value = st.one_of(st.none(), st.lists(st.sampled_from(fact.option_ids), unique=True).map(tuple))
    return st.builds(Answer, value, st.one_of(st.none(), _TEXTS))


def _answers():
    return st.fixed_dictionaries({}, optional={f.id: _answer(f) for f in CRITERIA.facts})


# Case files hold no control characters but tab and line ends (the loader refuses them, and the
# interview will not take them), so what is written is any other text.
_TEXTS = st.text(alphabet=st.characters(codec="utf-8").filter(lambda ch: control_character(ch) is None))
_DATES = st.dates().map(lambda d: f"{d:%Y-%m-%d}").filter(lambda t: len(t) == 10)
_META = st.fixed_dictionaries(
    {k: st.one_of(st.none(), _DATES if k == "conduct_date" else _TEXTS) for k in META_KEYS}
)


def _same(a: Case, b: Case) -> None:
    assert a.meta == b.meta
    assert {f: (x.value, x.note) for f, x in a.answers.items()} == {f: (x.value, x.note) for f, x in b.answers.items()}
    assert a.expects == b.expects


@pytest.mark.parametrize("json_syntax", [False, True], ids=["yaml", "json"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@given(meta=_META, answers=_answers(), comment=_TEXTS)
def test_any_case_reads_back_to_itself(json_syntax, lang, meta, answers, comment):
    case = Case("x", meta, answers)
    data = case_writer.dumps(case, CRITERIA, lang=lang, comments=(comment,), json_syntax=json_syntax)
    back = case_reader.loads(data.encode("utf-8"), CRITERIA, "x.json" if json_syntax else "x.yaml")
    _same(back, case)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_reads_back_to_itself_with_its_expectations(path):
    case = case_reader.load(str(path), CRITERIA)
    for json_syntax in (False, True):
        data = case_writer.dumps(case, CRITERIA, lang="zh", json_syntax=json_syntax)
        _same(case_reader.loads(data.encode("utf-8"), CRITERIA, "x.json" if json_syntax else "x.yaml"), case)


@pytest.mark.parametrize(
    "value",
    [
        "0755",
        "no",
        "on",
        "2018-07-02",
        "null",
        "~",
        "",
        " padded ",
        "a: b",
        "- x",
        "#hash",
        "'q'",
        '"dq"',
        "line\nbreak",
        "tab\there",
        "\u2028ls",
        "a \u2028 b",  # a YAML reader folds a raw separator with the blanks around it
        "a \u2029 b",
        "\ufeffbom",
        "😀",
        "\\",
    ],
)
def test_texts_that_a_yaml_reader_would_misread_are_kept_exactly(value):
    case = Case("x", {"id": value, "title": None, "subject": None, "summary": None}, {"remedied": Answer(None, value)})
    back = case_reader.loads(case_writer.dumps(case, CRITERIA, lang="zh").encode("utf-8"), CRITERIA, "x.yaml")
    assert back.meta["id"] == value
    assert back.answers["remedied"].note == value


def test_answers_are_written_in_asking_order_and_in_the_users_language():
    case = Case(
        "x",
        {"id": None, "title": None, "subject": None, "summary": None},
        {"remedied": Answer(False), "causes": Answer(("pilot",)), "democratic_decision": Answer(None, "待查")},
        (Expect(outcome="exempt", situations=("S2",)),),
    )
    zh = case_writer.dumps(case, CRITERIA, lang="zh", comments=("第一行\n第二行",))
    assert zh.splitlines() == [
        "# 第一行",
        "# 第二行",
        "answers:",
        "  causes: [pilot]",
        "  democratic_decision:",
        "    value: 不确定",
        '    note: "待查"',
        "  remedied: 否",
        "expect:",
        "  outcome: exempt",
        "  situations: [S2]",
    ]
    en = case_writer.dumps(case, CRITERIA, lang="en")
    assert "  remedied: no" in en and "    value: unknown" in en


def test_a_case_without_answers_is_still_a_case_file():
    case = Case("x", {"id": "A", "title": None, "subject": None, "summary": None}, {})
    data = case_writer.dumps(case, CRITERIA, lang="zh")
    assert data == 'case:\n  id: "A"\nanswers: {}\n'
    assert case_reader.loads(data.encode(), CRITERIA, "x.yaml").answers == {}


def test_leading_comments_keep_the_authors_and_drop_the_interviews_own():
    from zgrongcuo.io.case_writer import leading_comments
    from zgrongcuo.text.catalogue import text

    criteria = criteria_builder.load()
    ours = case_writer.header(criteria, "en", "2026-12-02").splitlines()
    source = "\n".join(
        [
            "\ufeff# " + text("ask.draft_header", "zh", command="zgrongcuo ask --case x.yaml"),
            "# 文中案例：备注区分文章原文与假设。",
            *(f"# {line}" for line in ours),
            "",
            "#   indented, kept as written",
            "case:",
            "  id: x  # not at the top: not kept",
            "# nor this",
        ]
    )
    assert leading_comments(source) == ("文中案例：备注区分文章原文与假设。", "  indented, kept as written")


DECISION_FILE = """answers:
  context: [reform_innovation]
decision:
  outcome: {outcome}
  measure: {measure}
  by: 县委常委会
  date: 2018-06
  document: "秭政办发〔2014〕57号"
  source: https://example.org/report
  note: "报道称: 县委常委会决定容错免责"
"""


@pytest.mark.parametrize("json_syntax", [False, True], ids=["yaml", "json"])
@pytest.mark.parametrize(
    ("outcome", "measure"), [("exempt", "zigui-2018"), ("relief_partial", "lichuan-2019")], ids=["known", "unknown measure"]
)
def test_a_recorded_decision_reads_back_to_itself(json_syntax, outcome, measure):
    text = DECISION_FILE.format(outcome=outcome, measure=measure)
    case = case_reader.loads(text.encode("utf-8"), CRITERIA, "d.yaml")
    assert case.decision is not None
    data = case_writer.dumps(case, CRITERIA, lang="zh", json_syntax=json_syntax)
    back = case_reader.loads(data.encode("utf-8"), CRITERIA, "x.json" if json_syntax else "x.yaml")
    _same(back, case)
    fields = ("outcome", "measure", "by", "date", "document", "source", "note", "favourable", "known")
    assert {k: getattr(back.decision, k) for k in fields} == {k: getattr(case.decision, k) for k in fields}
    assert back.decision.date == "2018-06"  # text as written, never a date


def test_a_case_without_a_decision_is_written_without_one():
    case = case_reader.loads(b"answers:\n  context: [reform_innovation]\n", CRITERIA, "d.yaml")
    assert "decision" not in case_writer.dumps(case, CRITERIA, lang="zh")
    assert "decision" not in case_writer.dumps(case, CRITERIA, lang="zh", json_syntax=True)
