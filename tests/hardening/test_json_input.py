"""JSON input is read as JSON: whatever json.loads accepts, into the same nodes, errors with line, column and key."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hardening.adversary import ARTICLE_CASE, run
from zgrongcuo.errors import CaseError, ZgError
from zgrongcuo.io import case_reader
from zgrongcuo.io.document import MAX_DEPTH, Mapping, Node, Scalar, Sequence, parse


def _case(criteria, text: str):
    return case_reader.loads(text.encode("utf-8"), criteria, "case.json")


def _error(criteria, text: str) -> CaseError:
    with pytest.raises(CaseError) as info:
        _case(criteria, text)
    return info.value


def test_characters_outside_the_bmp_as_surrogate_pair_escapes(criteria):
    text = json.dumps({"case": {"title": "𠮷野家"}, "answers": {"diligent": True}})
    assert "\\ud842\\udfb7" in text  # as json.dumps writes it
    case = _case(criteria, text)
    assert case.meta["title"] == "𠮷野家" and case.answers["diligent"].value is True


def test_a_line_break_between_a_key_and_its_colon(criteria):
    case = _case(criteria, '{\n  "answers"\n  :\n  {"diligent"\n:\ttrue}\n}\n')
    assert case.answers["diligent"].value is True


def test_a_key_of_thousands_of_characters_is_read_and_judged(criteria):
    name = "x" * 5000
    e = _error(criteria, json.dumps({"answers": {name: True}}))
    assert e.msg_id == "unknown_fact" and (e.line, e.column) == (1, 14)
    assert e.key.startswith("answers.xxx")


def test_duplicate_keys_are_still_errors_with_their_place(criteria):
    e = _error(criteria, '{"answers": {\n  "diligent": true,\n  "diligent": false}}')
    assert (e.msg_id, e.line, e.column, e.key) == ("duplicate_key", 3, 3, "answers.diligent")


def test_syntax_errors_name_line_and_column(criteria):
    for text, where in (('{"answers": {"diligent": true,}}', (1, 31)), ('{\n "answers": [1 2]}', (2, 16)), ("[", (1, 2))):
        e = _error(criteria, text)
        assert e.msg_id == "json_syntax" and (e.line, e.column) == where, text
        assert e.excerpt is not None


def test_the_limits_hold_for_json():
    with pytest.raises(ZgError) as info:
        parse("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "x.json", json_syntax=True)
    assert info.value.msg_id == "too_deep"
    with pytest.raises(ZgError) as info:
        parse("[" + "0," * 200_000 + "0]", "x.json", json_syntax=True)
    assert info.value.msg_id == "too_many_nodes"


def test_a_json_case_from_the_command_line():
    article = ARTICLE_CASE.read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(article)
    text = json.dumps(data, ensure_ascii=True, indent="\t")  # every Chinese character an escape, tabs
    result = run("check", "--format", "json", "-", input=text.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["case"]["title"] == data["case"]["title"]


# ------------------------------------------------------------ the same as json.loads


def _value(node: Node | None) -> object:
    """What a node tree says, as json.loads would say it (numbers and constants as their text)."""
    if isinstance(node, Scalar):
        if not node.plain:
            return node.value
        return {"true": True, "false": False, "null": None}.get(node.value, node.value)
    if isinstance(node, Mapping):
        return [(k.value, _value(v)) for k, v in node.items]
    assert isinstance(node, Sequence)
    return [_value(item) for item in node.items]


def _loads(text: str) -> object:
    def pairs(items):
        keys = [k for k, _ in items]
        if len(set(keys)) != len(keys):
            raise ValueError("duplicate")
        return list(items)

    def not_json(word):  # json.loads takes NaN and Infinity; JSON has neither, and neither do we
        raise ValueError(word)

    return json.loads(text, parse_int=str, parse_float=str, parse_constant=not_json, object_pairs_hook=pairs)


def _depth(value: object) -> int:
    if isinstance(value, list):
        items = [v for _, v in value] if value and isinstance(value[0], tuple) else value
        return 1 + max((_depth(v) for v in items), default=0)
    return 0


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@given(_JSON, st.booleans(), st.sampled_from([None, 0, 2, "\t"]))
def test_what_json_dumps_writes_is_read_as_json_loads_reads_it(value, ascii_only, indent):
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    assert _value(parse(text, "x.json", json_syntax=True)) == _loads(text)


@given(st.text(alphabet='{}[]:,"\\ \t\r\n0123456789.eE+-truefalsnNaIiy\ud842\udfb7u', max_size=30))
def test_any_text_is_accepted_exactly_when_json_loads_accepts_it_but_nan_and_infinity(text):
    try:
        expected = _loads(text)
    except (ValueError, RecursionError):
        expected = ZgError
    try:
        got = _value(parse(text, "x.json", json_syntax=True))
    except ZgError as error:
        assert error.line is not None and error.column is not None
        got = ZgError
    if expected is not ZgError and _depth(expected) > MAX_DEPTH:
        expected = ZgError
    assert got == expected


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_refused_where_they_stand(criteria, word):
    # A script's float('nan') for "no note" must not become the note "NaN".
    e = _error(criteria, f'{{"answers": {{\n  "diligent": {{"value": true, "note": {word}}}}}}}')
    assert (e.msg_id, e.line, e.column, e.key) == ("json_not_a_value", 2, 39, "answers.diligent.note")
