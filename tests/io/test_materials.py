"""``materials:`` on a fact: read into the model, refused when malformed, linted, and given for the bundled measures."""

import pytest
from helpers import MEASURE

from zgrongcuo.authoring.lint import lint
from zgrongcuo.errors import CriteriaError
from zgrongcuo.io import criteria_builder

ITEMS = """\
    materials:
      - zh: 借阅记录
        en: The loan record
      - zh: 医院证明
        en: "A doctor's note: the dates in hospital"
"""
DAMAGED_QUESTION = "      en: Was the book damaged?\n"
REASON_QUESTION = "      en: Why was the book returned late?\n"


def measure_with(after: str, block: str):
    assert MEASURE.count(after) == 1, after
    return MEASURE.replace(after, after + block)


def load(text: str):
    return criteria_builder.loads(text.encode("utf-8"), "m.yaml")


def test_materials_are_read_in_every_language_and_in_order():
    m = load(measure_with(DAMAGED_QUESTION, ITEMS))
    assert m.fact_by_id["damaged"].materials == (
        {"zh": "借阅记录", "en": "The loan record"},
        {"zh": "医院证明", "en": "A doctor's note: the dates in hospital"},
    )
    assert m.fact_by_id["reason"].materials == ()  # absent: none


@pytest.mark.parametrize(
    ("block", "key", "words"),
    [
        ("    materials: []\n", "facts[damaged].materials", "must not be empty"),
        ("    materials: 借阅记录\n", "facts[damaged].materials", "list"),
        ("    materials:\n      - zh: 借阅记录\n", "facts[damaged].materials[1]", "en"),
        ("    materials:\n      - 借阅记录\n", "facts[damaged].materials[1]", "zh, en"),
        ("    material:\n      - zh: 借阅记录\n        en: The loan record\n", "facts[damaged].material", "material"),
    ],
)
def test_malformed_materials_are_refused_naming_the_line_and_key(block, key, words):
    text = measure_with(DAMAGED_QUESTION, block)
    with pytest.raises(CriteriaError) as info:
        load(text)
    error = info.value
    assert error.key == key
    assert words in error.message("en")
    first = text.splitlines().index(block.splitlines()[0]) + 1
    assert first <= error.line <= first + 2


def test_a_measure_without_materials_is_not_asked_for_them():
    assert lint(load(MEASURE)) == []


def test_a_fact_the_rules_use_without_materials_is_flagged_once_another_has_them():
    found = lint(load(measure_with(DAMAGED_QUESTION, ITEMS)))
    assert [(f.severity, f.problem.msg_id, f.problem.key) for f in found] == [
        ("warning", "lint.materials_missing", "facts[reason]")
    ]
    assert "names no materials" in found[0].problem.message("en")


def test_an_item_listed_twice_is_flagged():
    twice = ITEMS + "      - zh: 借阅记录\n        en: The loan record again\n"
    text = measure_with(REASON_QUESTION, ITEMS.replace("医院证明", "闭馆通知")).replace(DAMAGED_QUESTION, DAMAGED_QUESTION + twice)
    found = lint(load(text))
    assert [(f.problem.msg_id, f.problem.key) for f in found] == [("lint.materials_repeated", "facts[damaged].materials[3]")]
    assert "借阅记录" in found[0].problem.message("zh")


@pytest.mark.parametrize("name", ["zigui-2018", "wenze-2019", "hubei-2020"])
def test_every_question_of_the_bundled_measures_names_its_materials(name):
    measure = criteria_builder.load(name)
    for fact in measure.facts:
        assert fact.materials, fact.id
        for item in fact.materials:
            assert set(item) == {"zh", "en"} and all(v.strip() for v in item.values())
            assert not item["zh"].isascii() and item["en"][0].isascii()  # Chinese, and English
    assert lint(measure) == []


def test_the_materials_follow_how_each_measure_words_its_question():
    zigui, wenze, hubei = (criteria_builder.load(n) for n in ("zigui-2018", "wenze-2019", "hubei-2020"))
    # The collective decision is established from the meeting's minutes; money from its trail.
    assert any("会议纪要" in m["zh"] for m in zigui.fact_by_id["democratic_decision"].materials)
    assert any("资金流向" in m["zh"] for m in zigui.fact_by_id["private_gain"].materials)
    assert any("损失认定" in m["zh"] for m in zigui.fact_by_id["serious_consequence"].materials)
    # An objection in a collective decision stands or falls with the voting record (Article 17(2)).
    assert any("表决记录" in m["zh"] for m in wenze.fact_by_id["objected_to_decision"].materials)
    # Hubei asks whether the person did their utmost in epidemic work: its own duty records.
    assert any("值班记录" in m["zh"] for m in hubei.fact_by_id["diligent"].materials)
    assert zigui.fact_by_id["diligent"].materials != hubei.fact_by_id["diligent"].materials


def test_a_list_question_several_measures_share_keeps_its_materials_and_cues_with_the_options_added():
    from zgrongcuo.io.questions import load_measures, questions

    zigui, wenze = load_measures(["zigui-2018", "wenze-2019"])
    together = questions((zigui, wenze))
    for fact_id in ("context", "causes"):
        merged, own = together.fact_by_id[fact_id], zigui.fact_by_id[fact_id]
        assert merged.option_ids[: len(own.option_ids)] == own.option_ids and len(merged.option_ids) > len(own.option_ids)
        assert merged.materials == own.materials != ()
        assert (merged.cues, merged.cues_unless) == (own.cues, own.cues_unless)
