"""The text a terminal shows: laid out by the tool's own rules at any width, the outcome last in every view."""

import pytest
from conftest import ARTICLE_CASE, EXAMPLES
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zgrongcuo.cli import app
from zgrongcuo.text.layout import _TOKEN, columns, wrap

CLOSING = set("，。、；：？！）》」』”’")
CASES = [ARTICLE_CASE, EXAMPLES / "s2-collective-shares-loss-beyond-tolerance.yaml", EXAMPLES / "s4-legacy-housing-title-undetermined.yaml"]


def shown(*args, width: int) -> list[str]:
    result = CliRunner().invoke(app, [*map(str, args)], env={"COLUMNS": str(width)})
    assert result.exit_code in (0, 1, 3), result.output
    return result.stdout.splitlines()


def cells(line: str) -> list[str]:
    """The pieces of a line a reader reads as starting a line: each table cell, or the line itself."""
    return [part.strip() for part in line.split("│")] if "│" in line else [line.strip()]


@pytest.mark.parametrize("width", [60, 80, 100])
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("measures", [(), ("--criteria", "zigui-2018", "--criteria", "wenze-2019")], ids=["one", "two"])
def test_detail_ends_with_the_next_step_the_reason_and_the_outcome(case, width, measures):
    lines = [line for line in shown("check", case, "--detail", *measures, width=width) if line.strip()]
    if measures:  # the comparison of outcomes closes; each measure's part ends as one measure's would
        closing = max(i for i, line in enumerate(lines) if line.startswith("═"))
        parts = [lines[:closing]]
    else:
        parts = [lines]
    for part in parts:
        heads = [i for i, line in enumerate(part) if line.startswith(("下一步：", "理由：", "结论："))]
        assert [part[i][:3] for i in heads[-3:]] == ["下一步", "理由：", "结论："]
        assert heads[-1] == len(part) - 1  # the outcome is the last line
        last_table = max((i for i, line in enumerate(part) if "│" in line or "╰" in line), default=-1)
        assert last_table < heads[-3]  # no table or panel below the verdict


@pytest.mark.parametrize("width", [60, 72, 80, 100])
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_no_line_starts_with_closing_punctuation_and_no_version_is_cut(case, width):
    for detail in ((), ("--detail",)):
        lines = shown("check", case, *detail, "--criteria", "zigui-2018", "--criteria", "wenze-2019", width=width)
        for line in lines:
            for piece in cells(line):
                assert not piece or piece[0] not in CLOSING, (width, line)
            assert not line.rstrip("│ ").endswith(("2018.", "2019.", "（")), (width, line)


# Text as written: no blank before a closing mark (there, a break is the writer's own).
_WORDS = st.text(alphabet="中文字符“”（）《》，。、；：？！ 2018.1abc-", min_size=1, max_size=120).filter(
    lambda v: not any(a.isspace() and b in CLOSING for a, b in zip(v, v[1:], strict=False))
)


@given(_WORDS, st.integers(min_value=8, max_value=60))
def test_wrapping_keeps_every_character_and_the_rules_of_chinese_lines(value, width):
    lines = wrap(value, width)
    assert "".join("".join(lines).split()) == "".join(value.split())  # nothing lost, nothing added but breaks
    for n, line in enumerate(lines):
        if n:  # unless the line before is one word, all that could go down with the mark
            assert line[0] not in CLOSING or len(_TOKEN.findall(lines[n - 1])) == 1
        assert not line.endswith(("（", "“", "《")) or n == len(lines) - 1
        words = line.split(" ")
        assert columns(line) <= width or len(words) == 1 or any(columns(w) > width // 2 for w in words)
