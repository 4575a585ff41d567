"""Laying Chinese out in a width: no line starts with closing punctuation, none ends with opening punctuation."""

from hypothesis import given
from hypothesis import strategies as st

from zgrongcuo.text.layout import _NO_LINE_START, wrap


def test_a_run_of_closing_marks_goes_down_with_the_character_before_it():
    text = "批量处理时的工作进程数（0：每个 CPU 核一个）。"
    for width in range(20, 50):
        lines = wrap(text, width)
        assert all(line[0] not in _NO_LINE_START for line in lines), (width, lines)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@given(st.text(alphabet="容错免责（）。，、“”《》ab1", min_size=1, max_size=80), st.integers(min_value=8, max_value=40))
def test_wrapping_loses_no_text_and_a_closing_mark_starts_a_line_only_after_a_line_of_marks(text, width):
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for before, line in zip(lines, lines[1:], strict=False):
        if line[0] in _NO_LINE_START:  # nothing before it could go down with it
            assert all(c in _NO_LINE_START or c == " " for c in before[1:]), (before, line)
