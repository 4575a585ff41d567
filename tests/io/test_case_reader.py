"""Reading case files: vocabulary, metadata as text, encodings, and every error with file, line and key."""

import codecs
import io
from pathlib import Path

import pytest

from zgrongcuo.errors import CaseError
from zgrongcuo.io import case_reader
from zgrongcuo.io.discovery import discover
from zgrongcuo.io.files import read_bytes
from zgrongcuo.model.case import Expect


def load(criteria, text: str | bytes, name="case.yaml"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return case_reader.loads(data, criteria, name)


def error_of(criteria, text, name="case.yaml") -> CaseError:
    with pytest.raises(CaseError) as info:
        load(criteria, text, name)
    return info.value


# ------------------------------------------------------------------ answers


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("true", True),
        ("false", False),
        ("yes", True),
        ("No", False),
        ("Y", True),
        ("n", False),
        ("是", True),
        ("否", False),
        ('"yes"', True),
        ("'否'", False),
        ("unknown", None),
        ("Unknown", None),
        ("不确定", None),
        ('"?"', None),
        ("null", None),
        ("~", None),
        ("", None),
        # The plain words people type (SPEC.md), in case files as in the interview.
        ("有", True),
        ("对", True),
        ("经过", True),
        ("没有", False),
        ("无", False),
        ("不是", False),
        ("未", False),
        ("不对", False),
        ("不知道", None),
        ("不清楚", None),
        ("待核实", None),
        ("{value: 待核实, note: 会议记录在档案室}", None),
    ],
)
def test_yes_no_vocabulary(criteria, written, value):
    c = load(criteria, f"answers:\n  diligent: {written}\n")
    assert c.answers["diligent"].value is value


def test_set_answers_keep_their_order_and_empty_means_none(criteria):
    c = load(criteria, "answers:\n  causes: [pilot, inexperience]\n  consequences: []\n  context:\n")
    assert c.answers["causes"].value == ("pilot", "inexperience")
    assert c.answers["consequences"].value == ()
    assert c.answers["context"].value is None
    assert c.values() == {"causes": ("pilot", "inexperience"), "consequences": ()}


def test_value_and_note_forms(criteria):
    c = load(
        criteria,
        "answers:\n"
        "  democratic_decision: {value: 是, note: 见3月5日党组会议纪要}\n"
        "  private_gain:\n"
        "    note: 待核实\n"
        "  causes:\n"
        "    value: [pilot]\n"
        "    note: 2018\n",
    )
    assert c.answers["democratic_decision"].value is True
    assert c.answers["democratic_decision"].note == "见3月5日党组会议纪要"
    assert c.answers["private_gain"].value is None
    assert c.answers["private_gain"].note == "待核实"
    assert c.answers["causes"].value == ("pilot",)
    assert c.answers["causes"].note == "2018"


def test_metadata_is_kept_as_written(criteria):
    c = load(
        criteria,
        "case:\n  id: 0755\n  title: 2018-07-02\n  subject: on\n  summary: 1e3\nanswers:\n",
    )
    assert c.meta == {"id": "0755", "title": "2018-07-02", "subject": "on", "summary": "1e3", "conduct_date": None}
    assert c.answers == {}


def test_every_top_level_key_is_optional(criteria):
    c = load(criteria, "{}\n")
    assert c.answers == {} and c.expects == ()
    assert load(criteria, "answers: null\n").answers == {}
    assert load(criteria, "case:\nanswers:\nexpect:\n").expects == (Expect(),)


def test_expect_block(criteria):
    c = load(criteria, "expect:\n  outcome: exempt\n  situations: [S2]\n  next_questions: [remedied]\n")
    [e] = c.expects
    assert (e.measure, e.outcome, e.situations, e.next_questions) == (None, "exempt", ("S2",), ("remedied",))
    assert c.expect_for(criteria.id, primary=True) == e and c.expect_for(criteria.id, primary=False) is None


def test_json_case_files(criteria):
    text = '{\n\t"case": {"id": "0755"},\n\t"answers": {"diligent": true, "causes": ["pilot"], "remedied": null}\n}'
    c = load(criteria, text, "case.json")
    assert c.meta["id"] == "0755"
    assert c.answers["diligent"].value is True
    assert c.answers["causes"].value == ("pilot",)


# ---------------------------------------------------------------- encodings


def test_encodings_by_bom_then_utf8_then_gb18030(criteria):
    text = "case:\n  title: 建房户意外伤害保险\nanswers:\n  diligent: 是\n"
    for data in (
        codecs.BOM_UTF8 + text.encode("utf-8"),
        codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        text.encode("utf-8"),
    ):
        c = load(criteria, data)
        assert c.meta["title"] == "建房户意外伤害保险"
        assert c.answers["diligent"].value is True
        assert c.notices == []
    for codec in ("gbk", "gb18030"):
        c = load(criteria, text.encode(codec))
        assert c.meta["title"] == "建房户意外伤害保险"
        assert [n.msg_id for n in c.notices] == ["read_as_gb18030"]


def test_bytes_that_are_neither_utf8_nor_gb18030(criteria):
    e = error_of(criteria, b"answers:\n  diligent: \xff\xfe\xff\n")
    assert e.line == 2
    assert "UTF-8" in e.message("en")


# ------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("text", "line", "key", "fragment"),
    [
        ("answers:\n  privte_gain: 否\n", 2, "answers.privte_gain", "did you mean 'private_gain'"),
        ("answers:\n  谋取私利: 否\n", 2, "answers.谋取私利", "did you mean 'private_gain'"),
        ("answer:\n  diligent: 是\n", 1, "answer", "did you mean 'answers'"),
        ("case:\n  titel: x\n", 2, "case.titel", "did you mean 'title'"),
        ("answers:\n  causes: [pilott]\n", 2, "answers.causes[1]", "did you mean 'pilot'"),
        ("answers:\n  causes: [先行先试]\n", 2, "answers.causes[1]", "did you mean 'pilot'"),
        ("answers:\n  causes: [pilot, pilot]\n", 2, "answers.causes[2]", "repeated"),
        ("answers:\n  causes: pilot\n", 2, "answers.causes", "list of option ids"),
        ("answers:\n  causes: [[pilot]]\n", 2, "answers.causes[1]", "option id"),
        ("answers:\n  diligent: [是]\n", 2, "answers.diligent", "yes/no/unknown"),
        ("answers:\n  diligent: 1\n", 2, "answers.diligent", "number or date"),
        ("answers:\n  diligent: 2018-07-02\n", 2, "answers.diligent", "number or date"),
        ("answers:\n  diligent: on\n", 2, "answers.diligent", "YAML 1.1 boolean"),
        ("answers:\n  diligent: OFF\n", 2, "answers.diligent", "YAML 1.1 boolean"),
        ("answers:\n  diligent: maybe\n", 2, "answers.diligent", "not an answer"),
        ("answers:\n  diligent: {value: 是, notes: x}\n", 2, "answers.diligent.notes", "did you mean 'note'"),
        ("answers:\n  diligent: 是\n  diligent: 否\n", 3, "answers.diligent", "duplicate key 'diligent' (first on line 2)"),
        ("case:\n  id: a\n  id: b\n", 3, "case.id", "duplicate key 'id'"),
        ("answers:\n  diligent: !!bool yes\n", 2, "answers.diligent", "YAML tags"),
        ("answers:\n  causes: [pilot, !x y]\n", 2, "answers.causes[2]", "YAML tags"),
        ("answers: [diligent]\n", 1, "answers", "expected a mapping"),
        ("case: ZG-1\n", 1, "case", "expected a mapping"),
        ("case:\n  id: [a, b]\n", 2, "case.id", "expected text"),
        ("- diligent\n", 1, None, "top level must be a mapping"),
        ("just text\n", 1, None, "top level must be a mapping"),
        ("expect:\n  outcome: exmpt\n", 2, "expect.outcome", "did you mean 'exempt'"),
        ("expect:\n  situations: [S6]\n", 2, "expect.situations[1]", "unknown situation"),
        ("answers:\n  diligent: 是\n---\nanswers: {}\n", 3, None, "one YAML document"),
        ("answers:\n  diligent: [是\n", 3, None, "YAML syntax error"),
    ],
)
def test_errors_name_line_and_key(criteria, text, line, key, fragment):
    e = error_of(criteria, text)
    assert e.file == "case.yaml"
    assert e.line == line
    assert e.key == key
    assert fragment in e.message("en")
    assert e.message("zh")  # every message has its Chinese text


def test_empty_and_whitespace_only_files(criteria):
    for text in ("", "   \n\n", "# only a comment\n"):
        assert "empty" in error_of(criteria, text).message("en")


def test_tabs_are_named(criteria):
    e = error_of(criteria, "answers:\n\tdiligent: 是\n")
    assert e.line == 2
    assert "tabs" in e.message("en")
    assert e.excerpt == "\tdiligent: 是"


def test_syntax_errors_quote_the_line(criteria):
    e = error_of(criteria, "answers:\n  diligent: 是\n  causes: [pilot\n  remedied: 否\n")
    assert e.line is not None and e.excerpt is not None
    assert "^" in e.render("en")


def test_json_syntax_errors(criteria):
    e = error_of(criteria, '{"answers": {"diligent": true,}}', "case.json")
    assert (e.line, e.column) == (1, 31)
    assert "JSON syntax error" in e.message("en")


def test_python_tags_never_run(criteria, tmp_path):
    marker = tmp_path / "ran"
    text = f'answers: !!python/object/apply:os.system ["touch {marker}"]\n'
    e = error_of(criteria, text)
    assert "YAML tags" in e.message("en")
    assert not marker.exists()


def test_aliases_are_shared_not_expanded(criteria):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    e = error_of(criteria, bomb)
    assert e.key == "a"  # refused at the first unknown key, without expanding anything


def test_nesting_is_bounded_without_recursion_error(criteria):
    e = error_of(criteria, "answers: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nesting" in e.message("en")


# ------------------------------------------------------------- files on disk


def test_reading_files(criteria, write):
    path = write("a.yaml", "answers:\n  diligent: 是\n")
    assert case_reader.load(str(path), criteria).file == str(path)
    with pytest.raises(CaseError, match="no such file"):
        case_reader.load(str(path.parent / "missing.yaml"), criteria)
    with pytest.raises(CaseError, match="folder"):
        case_reader.load(str(path.parent), criteria)
    with pytest.raises(CaseError, match="too large"):
        case_reader.load(str(path), criteria, max_bytes=5)


def test_reading_stdin(criteria):
    c = case_reader.loads(read_bytes("-", stdin=io.BytesIO("answers:\n  diligent: 否\n".encode())), criteria, "-")
    assert c.file == "-"
    assert c.answers["diligent"].value is False


def test_discover_sorts_recurses_and_skips_hidden(write):
    for name in ("b.yaml", "a.json", "sub/c.yml", ".hidden.yaml", ".git/d.yaml", "notes.txt"):
        write(name, "{}")
    root = write("z.yaml", "{}").parent
    found = [p for p, _, _ in discover([str(root)])]
    assert [p.removeprefix(str(root) + "/") for p in found] == ["a.json", "b.yaml", "sub/c.yml", "z.yaml"]


def test_discover_reports_an_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    [(path, problem, _)] = discover([str(tmp_path / "empty")])
    assert problem is not None and "no case files" in problem.message("en")


# ------------------------------------------------------------------ the date of the conduct


@pytest.mark.parametrize(
    "written",
    [
        "２０１８-06-01",  # full-width digits
        "٢٠١٨-06-01",  # Arabic-Indic digits
        "𝟐𝟎𝟏𝟖-06-01",  # mathematical digits
        "2018-02-31",  # no such day
        "2019-02-29",  # not a leap year
        "0000",
        "2018-6-1",
    ],
)
def test_a_conduct_date_is_ascii_digits_naming_a_real_day(criteria, written):
    # Any other digits never compare with the dates a measure was in force: the warning would never come.
    e = error_of(criteria, f'case:\n  conduct_date: "{written}"\n')
    assert (e.msg_id, e.line, e.key) == ("bad_conduct_date", 2, "case.conduct_date")


@pytest.mark.parametrize("written", ["2016-02-29", "2018-06", "2018"])
def test_a_conduct_date_may_be_a_day_a_month_or_a_year(criteria, written):
    assert load(criteria, f'case:\n  conduct_date: "{written}"\n').meta["conduct_date"] == written


def test_the_dates_a_measure_was_in_force_are_real_days_too(tmp_path):
    from zgrongcuo.errors import CriteriaError
    from zgrongcuo.io import criteria_builder

    source = (Path(__file__).resolve().parents[2] / "measures" / "wenze-2019.yaml").read_text(encoding="utf-8")
    assert 'from: "2019-09-01"' in source
    for day in ("2019-09-31", "２０１９-09-01"):
        path = tmp_path / "c.yaml"
        path.write_text(source.replace('from: "2019-09-01"', f'from: "{day}"'), encoding="utf-8")
        with pytest.raises(CriteriaError) as info:
            criteria_builder.load(str(path))
        assert info.value.msg_id == "bad_day" and info.value.key == "effective.from"


# ------------------------------------------------------------------ every problem of a file, up to a limit


def test_every_problem_of_a_file_is_reported_not_only_the_first(criteria):
    e = error_of(
        criteria,
        'case:\n  conduct_date: "2018-02-31"\nanswers:\n  contxt: [pilot]\n  diligent: maybe\n  causes: [pilott]\n'
        "  private_gain: 否\nexpect:\n  outcome: exmpt\n",
    )
    assert [(p.msg_id, p.line, p.key) for p in e.problems()] == [
        ("bad_conduct_date", 2, "case.conduct_date"),
        ("unknown_fact", 4, "answers.contxt"),
        ("bad_yesno", 5, "answers.diligent"),
        ("unknown_option", 6, "answers.causes[1]"),
        ("unknown_outcome", 9, "expect.outcome"),
    ]
    shown = e.render("en").splitlines()
    assert len(shown) == 5 and all(line.startswith("case.yaml:") for line in shown)


def test_a_flood_of_problems_is_cut_at_the_limit_and_says_so(criteria):
    from zgrongcuo.errors import MAX_ERRORS

    lines = "".join(f"  unknown_{n}: 是\n" for n in range(MAX_ERRORS + 10))
    e = error_of(criteria, "answers:\n" + lines)
    assert len(e.problems()) == MAX_ERRORS and e.more
    assert e.render("en").splitlines()[-1].startswith("… the file has more errors")


def test_json_lists_every_problem_beside_the_first(criteria, tmp_path):
    from zgrongcuo.render.fields import error_json

    e = error_of(criteria, "answers:\n  contxt: [pilot]\n  diligent: maybe\n")
    out = error_json("case.yaml", e, "en")
    assert out["error"]["key"] == "answers.contxt"
    assert [p["key"] for p in out["errors"]] == ["answers.contxt", "answers.diligent"]
    single = error_json("case.yaml", error_of(criteria, "answers:\n  diligent: maybe\n"), "en")
    assert "errors" not in single
    import jsonschema

    from zgrongcuo.render.fields import determination_schema

    for failure in (out, single):
        jsonschema.validate(failure, determination_schema(criteria, "en"))
